"""`lstm-adder ablate`: the sorted table, one unit's figures, bad input, and no TensorFlow."""

import re
import subprocess
import sys

import numpy as np
import pytest

from lstm_adder.cli.main import main
from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import judge_all


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_ablate_lists_every_unit_worst_first(carry_file, capsys):
    code, out, err = run(capsys, "ablate", "--model", carry_file)
    assert code == 0 and err == ""
    rows = re.findall(r"^\s+(\d+)\s+([\d.]+)%\s+([+-][\d.]+) pts$", out, re.M)
    engine, _ = Engine.from_file(carry_file)
    assert sorted(int(u) for u, _, _ in rows) == list(range(engine.units))
    exact = [float(e) for _, e, _ in rows]
    assert exact == sorted(exact)
    unit, shown, _ = rows[0]
    knocked = judge_all(engine.ablated(int(unit), 0.0))
    assert float(shown) == pytest.approx(100 * knocked.exact, abs=0.005)


def test_ablate_one_unit_names_the_pairs_it_broke(carry_file, capsys):
    code, out, err = run(capsys, "ablate", "--model", carry_file, "--unit", 1, "--mode",
                         "mean")
    assert code == 0 and err == ""
    assert "unit 1 knocked out" in out and "per-bit accuracy" in out
    broken = int(re.search(r"pairs broken \(.*\): ([\d,]+)", out).group(1).replace(",", ""))
    intact, _ = Engine.from_file(carry_file)
    for a, b, said, true in re.findall(r"claims (\d+) \+ (\d+) = (\d+)\s+\(true (\d+)\)", out):
        assert int(a) + int(b) == int(true) != int(said)
        assert intact.answer(int(a), int(b)).correct
    assert broken >= 0


@pytest.mark.parametrize("argv, message", [
    (["--unit", "99"], "--unit must be 0 to"),
    (["--unit", "-1"], "--unit must be 0 to"),
    (["--mode", "half"], "invalid choice"),
])
def test_ablate_refuses_bad_input_in_one_line(carry_file, capsys, argv, message):
    code, out, err = run(capsys, "ablate", "--model", carry_file, *argv)
    assert code == 2 and message in err and err.count("\n") == 1


def test_ablate_imports_no_tensorflow(carry_file):
    script = ("import sys; from lstm_adder.cli.main import main; "
              f"code = main(['ablate', '--model', {str(carry_file)!r}, '--unit', '0']); "
              "print(code, 'tensorflow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().endswith("0 False")


def test_the_broken_count_matches_the_tables(carry_file, capsys):
    _, out, _ = run(capsys, "ablate", "--model", carry_file, "--unit", 0)
    engine, _ = Engine.from_file(carry_file)
    intact = judge_all(engine).wrong_bits == 0
    out_right = judge_all(engine.ablated(0, 0.0)).wrong_bits == 0
    broken = int(re.search(r"pairs broken \(.*\): ([\d,]+)", out).group(1).replace(",", ""))
    assert broken == int(np.count_nonzero(intact & ~out_right))
