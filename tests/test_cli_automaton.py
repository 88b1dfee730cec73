"""`lstm-adder automaton`: the shipped carry model's table and exact match by width, without
TensorFlow; a seed model's count of states; bad input in one line with exit status 2."""

import subprocess
import sys
from pathlib import Path

import pytest

from lstm_adder.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = ("8", "16", "32", "64", "1024")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def carry_output():
    """The command on the shipped carry model, in a process of its own, which then says
    whether TensorFlow or Keras was imported."""
    code = ("import sys\nfrom lstm_adder.cli.main import main\n"
            "code = main(['automaton', '--model', 'assets/carry.keras'])\n"
            "print('imported', 'tensorflow' in sys.modules, 'keras' in sys.modules, code)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_it_prints_the_two_state_table_of_binary_addition(carry_output):
    lines = carry_output.splitlines()
    assert "2 states (from 2 clusters of h), consistency 100.00% (0 steps disagree)" in lines
    rows = [line.split()[:5] for line in lines if line[:5].strip() in ("0", "1")]
    expected = [[str(c), str(a), str(b), str((a + b + c) >> 1), str((a + b + c) & 1)]
                for c in (0, 1) for a in (0, 1) for b in (0, 1)]
    assert rows == expected


def test_it_prints_the_exact_match_at_each_width_beside_the_networks(carry_output):
    rows = {line.split()[0]: line.split() for line in carry_output.splitlines()
            if line.split() and line.split()[0] in WIDTHS}
    assert list(rows) == list(WIDTHS)
    assert all(row[3] == "100.00%" for row in rows.values())  # the automaton's
    assert rows["8"][1:3] == ["65,536", "(all)"] and rows["8"][4] == "100.00%"
    assert rows["1024"][-2:] == ["on", "1,000"]  # the network on fewer of them


def test_it_imports_no_tensorflow_and_fits_80_columns(carry_output):
    assert carry_output.splitlines()[-1] == "imported False False 0"
    assert max(len(line) for line in carry_output.splitlines()) <= 80


def test_a_seed_model_gets_the_reason_and_its_count_of_states(capsys):
    code, out, err = run(capsys, "automaton", "--model", ROOT / "assets" / "seed.keras")
    assert code == 0 and err == ""
    assert "no automaton: it reads all of a before any of b" in out
    assert "it visits 131,071 distinct states" in out  # 2^17 - 1: every prefix its own
    assert "state  a b" not in out
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("argv, message", [
    (["--states", "0"], "--states: must be a whole number from 1 to 32"),
    (["--states", "two"], "'two' is not a whole number"),
    (["--model", "no-such.keras"], "no-such.keras"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, "automaton", *argv)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err
