"""The lstm-adder command: answers, training, evaluation, and every error path."""

import pytest

from core.cli import main
from core.storage import save_model


@pytest.fixture(scope="module")
def carry8(tmp_path_factory):
    """An 8-bit carry model trained by the real recipe (about 6 short epochs)."""
    from core.recipes import get_recipe
    from core.training import train

    result = train(get_recipe("carry"))
    path = tmp_path_factory.mktemp("models") / "carry.keras"
    return save_model(result.model, path, result.info())


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_prints_the_sum_and_its_bits(carry8, capsys):
    code, out, err = run(capsys, "add", 157, 113, "--model", carry8)
    assert code == 0 and err == ""
    assert "157 + 113 = 270  100001110  (LSTM)  ✓" in out
    assert "270  100001110  (true)" in out


@pytest.mark.parametrize("argv, message", [
    (["add", "256", "0"], "out of range 0..255"),
    (["add", "x", "1"], "'x' is not an integer"),
    (["add", "1.5", "1"], "not an integer"),
    (["add", "1"], "required"),
])
def test_add_rejects_bad_operands_in_one_line(carry8, capsys, argv, message):
    code, out, err = run(capsys, *argv, "--model", carry8)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_negative_operand_without_separator(carry8, capsys):
    code, _, err = run(capsys, "add", "-1", "2", "--model", carry8)
    assert code == 2 and "negative" in err and err.count("\n") == 1


def test_missing_and_corrupt_model_files(tmp_path, capsys):
    code, _, err = run(capsys, "add", 1, 2, "--model", tmp_path / "none.keras")
    assert code == 2 and "no such file" in err and err.count("\n") == 1
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"garbage")
    code, _, err = run(capsys, "eval", "--model", bad)
    assert code == 2 and "cannot be read" in err and err.count("\n") == 1


@pytest.mark.parametrize("flags, message", [
    (["--units", "0"], "units"), (["--batch-size", "0"], "batch size"),
    (["--epochs", "-3"], "epochs"), (["--lr", "0"], "learning rate"),
    (["--dropout", "1"], "dropout"), (["--bits", "17"], "bits"), (["--bits", "0"], "bits"),
    (["--lr", "fast"], "not a number"), (["--recipe", "magic"], "invalid choice"),
])
def test_train_rejects_bad_settings_and_writes_nothing(tmp_path, capsys, flags, message):
    out_path = tmp_path / "m.keras"
    code, _, err = run(capsys, "train", *flags, "--out", out_path)
    assert code == 2 and message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_train_refuses_an_unwritable_destination(tmp_path, capsys):
    code, _, err = run(capsys, "train", "--out", tmp_path / "no" / "such" / "m.keras")
    assert code == 2 and "does not exist" in err
    code, _, err = run(capsys, "train", "--out", tmp_path / "m.h5")
    assert code == 2 and ".keras" in err


def test_train_then_eval(tmp_path, capsys):
    path = tmp_path / "tiny.keras"
    code, out, _ = run(capsys, "train", "--recipe", "seed", "--bits", 3, "--units", 4,
                       "--epochs", 2, "--batch-size", 16, "--holdout", 0.25, "--out", path)
    assert code == 0 and path.exists()
    assert "epoch 2/2" in out and "exact match on all 64 pairs" in out
    assert "held-out pairs: " in out or "held-out" in out
    code, out, _ = run(capsys, "eval", "--model", path, "--show-wrong", 2)
    assert code == 0
    assert "exact match on all 64 pairs" in out and "per-bit accuracy" in out
    assert "held-out pairs (16, never trained on)" in out
    if "(0 wrong" not in out:
        assert out.count("claims") == 2


def test_eval_at_a_wider_width(carry8, capsys):
    code, out, _ = run(capsys, "eval", "--model", carry8, "--bits", 16)
    assert code == 0 and "exact match on 10,000 random pairs" in out


def test_eval_refuses_to_widen_a_seed_model(tmp_path, seed_model, capsys):
    path = save_model(seed_model, tmp_path / "s.keras")
    code, _, err = run(capsys, "eval", "--model", path, "--bits", 8)
    assert code == 2 and "only a paired-lsb" in err


def test_core_never_imports_qt():
    import subprocess
    import sys

    code = ("import sys, pkgutil, importlib, core\n"
            "for m in pkgutil.iter_modules(core.__path__):\n"
            "    if m.name != '__main__': importlib.import_module('core.' + m.name)\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'gui'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
