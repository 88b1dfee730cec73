"""`lstm-adder compare A B`: the four counts and both judgements printed, a few pairs of
"only A" and "only B", the difference map written, and every bad input refused in one line
before any work, without TensorFlow."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_compare import damaged
from test_figure import _read_png

from lstm_adder.assets import BUNDLED
from lstm_adder.cli.main import main
from lstm_adder.core.compare import Agreement, compare
from lstm_adder.core.engine import Engine
from lstm_adder.core.storage import save_from_memory, save_model
from lstm_adder.core.weights import read_file


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def save_damaged(source, path, factor: float = 0.3) -> Path:
    """`source`'s model with its recurrent kernel scaled, saved without Keras."""
    read, kind = read_file(source)
    engine, _ = Engine.from_file(source)
    return save_from_memory(kind, read.parts, damaged(engine, factor).weights, path, read.info)


@pytest.fixture(scope="module")
def files(carry_file, seed_model, tmp_path_factory):
    """A: the trained 4-bit carry model (with its history); B: an untrained 4-bit
    seed-layout model; C: the carry model damaged (wrong on some pairs)."""
    folder = tmp_path_factory.mktemp("compare")
    seed = save_model(seed_model, folder / "seed4.keras")
    return carry_file, seed, save_damaged(carry_file, folder / "damaged4.keras")


def count_lines(out: str) -> dict[str, tuple[int, str]]:
    found = {}
    for kind in Agreement:
        match = re.search(rf"^  {kind.label} +([\d,]+) +([\d.]+%)$", out, re.MULTILINE)
        assert match, (kind, out)
        found[kind.label] = (int(match[1].replace(",", "")), match[2])
    return found


def test_compare_prints_the_four_counts_and_both_judgements(files, capsys):
    a, b, c = files
    code, out, err = run(capsys, "compare", c, b)
    assert code == 0 and err == ""
    reference = compare(Engine.from_file(c)[0], Engine.from_file(b)[0])
    counts = count_lines(out)
    assert {label: n for label, (n, _) in counts.items()} == {
        kind.label: n for kind, n in reference.counts.items()}
    assert sum(n for n, _ in counts.values()) == 256
    assert "compared on all 256 pairs" in out
    exact = re.search(r"^  exact match +([\d.]+)% +([\d.]+)%$", out, re.MULTILINE)
    assert float(exact[1]) == pytest.approx(100 * reference.a.exact, abs=0.005)
    assert float(exact[2]) == pytest.approx(100 * reference.b.exact, abs=0.005)
    assert len(re.findall(r"^  2\^\d +\d\.\d{4} +\d\.\d{4}$", out, re.MULTILINE)) == 5


def test_compare_lists_pairs_only_one_model_gets_right(files, carry_model, capsys):
    a, b, _ = files
    code, out, _ = run(capsys, "compare", a, b, "--show", 2)
    assert code == 0
    said = re.findall(r"^  (\d+) \+ (\d+) = (\d+)  A says (\d+) (\S+)  B says (\d+) (\S+)$",
                      out, re.MULTILINE)
    assert len(said) == 2  # the trained model is always right: "only B right: none"
    seed, _ = Engine.from_file(b)
    for x, y, true, a_says, a_mark, b_says, b_mark in said:
        assert int(x) + int(y) == int(true) == int(a_says) and a_mark == "✓"
        assert int(b_says) == seed.answer(int(x), int(y)).predicted != int(true)
        assert b_mark == "✗"
    assert "only B right: none" in out
    trained = f"trained {len(carry_model.history)} epochs"  # A's file records its training
    assert trained in out.split("\nB  ")[0]


def test_compare_draws_the_difference_map(files, tmp_path, capsys):
    a, b, c = files
    target = tmp_path / "diff.png"
    code, out, _ = run(capsys, "compare", c, b, "--map", target)
    assert code == 0 and f"drew the difference map to {target}" in out
    image = _read_png(target)
    assert image.shape[0] > 256 and image.shape[1] > image.shape[0]
    assert [p.name for p in tmp_path.iterdir()] == ["diff.png"]  # no temporary file left


def test_a_carry_model_widens_to_the_other_s_width(files, capsys):
    a, _, _ = files
    code, out, _ = run(capsys, "compare", a, BUNDLED["seed"], "--show", 0)
    assert code == 0 and "compared on all 65,536 pairs" in out
    assert "8 bits (widened from 4)" in out.split("\nB  ")[0]


@pytest.mark.parametrize("case, message", [
    ("missing", "no such file"),
    ("two widths", "reads only 8-bit numbers and"),
    ("fixed bits", "reads only 4-bit numbers (concat-msb), not 6-bit ones"),
    ("wide map", "--map draws every pair: at most 8 bits, not 9"),
    ("map suffix", "the map is written as a .png file"),
    ("map folder", "does not exist"),
    ("bad bits", "--bits: must be"),
])
def test_bad_input_is_one_line_and_exit_2_with_nothing_written(files, tmp_path, capsys, case,
                                                                message):
    a, b, _ = files
    out_map = tmp_path / "m.png"
    argv = {"missing": [a, tmp_path / "none.keras"],
            "two widths": [BUNDLED["seed"], b],
            "fixed bits": [a, b, "--bits", 6],
            "wide map": [a, a, "--bits", 9, "--map", out_map],
            "map suffix": [a, b, "--map", tmp_path / "m.jpg"],
            "map folder": [a, b, "--map", tmp_path / "no" / "m.png"],
            "bad bits": [a, b, "--bits", 0]}[case]
    code, out, err = run(capsys, "compare", *argv)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_compare_imports_no_tensorflow(files, tmp_path):
    a, b, _ = files
    code = ("import sys\nfrom lstm_adder.cli.main import main\n"
            f"assert main(['compare', {str(a)!r}, {str(b)!r}, '--map', "
            f"{str(tmp_path / 'd.png')!r}]) == 0\n"
            f"assert main(['compare', {str(a)!r}, {str(BUNDLED['seed'])!r}, '--bits', '4']) "
            "== 2\n"
            "print('tensorflow' in sys.modules, 'keras' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, env=os.environ | {"PYTHONIOENCODING": "utf-8"})
    assert out.returncode == 0, out.stderr
    assert "only A right" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "False False"
