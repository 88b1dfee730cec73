"""The lstm-adder command: answers, training, evaluation, and every error path."""

import io
from pathlib import Path

import pytest

from lstm_adder.cli.main import build_parser, main
from lstm_adder.core.storage import save_model

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def carry8(tmp_path_factory):
    """An 8-bit carry model trained by the real recipe (about 6 short epochs)."""
    from lstm_adder.core.recipes import get_recipe
    from lstm_adder.core.training import train

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
    (["add", "x", "1"], "'x' is not a whole number"),
    (["add", "1.5", "1"], "not a whole number"),
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
    (["--units", "0"], "--units: LSTM units must be a whole number from 1 to 100000"),
    (["--batch-size", "0"], "Batch size"), (["--epochs", "-3"], "Epochs"),
    (["--lr", "0"], "--lr: Learning rate must be a finite number above 0"),
    (["--dropout", "1"], "Dropout"), (["--bits", "17"], "Bits per operand"),
    (["--bits", "0"], "Bits per operand"),
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
    assert "held out (never trained on): 16 pairs" in out
    if "(0 wrong" not in out:
        assert out.count("claims") == 2


def test_eval_at_a_wider_width(carry8, capsys):
    code, out, _ = run(capsys, "eval", "--model", carry8, "--bits", 16)
    assert code == 0 and "exact match on 10,000 random pairs" in out


def test_eval_refuses_to_widen_a_seed_model(tmp_path, seed_model, capsys):
    path = save_model(seed_model, tmp_path / "s.keras")
    code, _, err = run(capsys, "eval", "--model", path, "--bits", 8)
    assert code == 2 and "only a paired-lsb" in err


# -- what a terminal shows: 80 columns, a table, a bar redrawn in place -----------------------


def _widest(text: str) -> int:
    """The longest line, a carriage-return redraw counting as a line of its own."""
    return max(len(part) for line in text.split("\n") for part in line.split("\r"))


def test_every_line_of_train_fits_80_columns(tmp_path, capsys):
    code, out, err = run(capsys, "train", "--recipe", "carry", "--bits", 3, "--epochs", 2,
                         "--holdout", 0, "--batch-size", 16, "--out", tmp_path / "t")
    assert code == 0, err
    assert _widest(out) <= 80
    assert (tmp_path / "t.keras").is_file()  # .keras added, as the window does
    assert "Recipe(" not in out
    assert "  Learning rate                   0.01\n" in out  # an aligned table of labels
    assert "  Bits per operand                3\n" in out


@pytest.mark.parametrize("bits", [8, 32])
def test_every_line_of_eval_fits_80_columns(capsys, monkeypatch, bits):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "eval", "--model", "assets/carry.keras", "--bits", bits,
                       "--show-wrong", 50)
    assert code == 0 and _widest(out) <= 80
    assert f"2^{bits}" in out and "2^7..2^0" in out  # one line per group of 8 bits


def test_wrong_pairs_of_wide_numbers_wrap_within_80_columns(tmp_path, capsys):
    from lstm_adder.core.models import build_model
    from lstm_adder.core.recipes import get_recipe

    path = save_model(build_model(get_recipe("carry", bits=4, units=4)), tmp_path / "u.keras",
                      {"encoding": "paired-lsb", "bits": 4})
    code, out, _ = run(capsys, "eval", "--model", path, "--bits", 61, "--show-wrong", 20)
    assert code == 0 and _widest(out) <= 80
    assert out.count("claims") == 20


def test_the_progress_bar_redraws_in_place_within_80_columns():
    from lstm_adder.cli.console import ProgressBar
    from lstm_adder.core.recipes import get_recipe
    from lstm_adder.core.training import BatchProgress, EpochMetrics

    stream = io.StringIO()
    bar = ProgressBar(stream, live=True)
    bar.on_train_begin(get_recipe("seed", epochs=100_000), 8192)
    for batch in (1, 4096, 8192):
        bar.on_batch(BatchProgress(99_998, 100_000, batch, 8192, 0.123456, 5.0))
    bar.on_epoch(EpochMetrics(99_999, 0.1, 0.2, 0.9999, 0.99, [1.0], 1_048_576, 123456.7),
                 None)
    text = stream.getvalue()
    assert text.count("\r") == 4 and text.endswith("\n")
    assert "epoch 99999/100000 [" in text and "8192/8192" in text
    assert _widest(text) <= 80


def test_every_option_says_its_range_or_default():
    parser = build_parser()
    for command, sub in parser._subparsers._group_actions[0].choices.items():
        for action in sub._actions:
            if action.dest in ("help", "out", "a", "b", "recipes", "recipe"):
                continue
            assert "default" in (action.help or ""), (command, action.dest)
    helps = {c: s.format_help() for c, s in parser._subparsers._group_actions[0].choices.items()}
    assert "0 to 255" in helps["add"]
    assert "last opened, else the bundled seed" in " ".join(helps["gui"].split())
    assert "above 0" in helps["train"] and "0.001 (seed), 0.01 (carry)" in helps["train"]


def test_train_flags_are_generated_from_the_recipe_fields():
    from lstm_adder.core.recipes import user_fields

    train = build_parser()._subparsers._group_actions[0].choices["train"]
    flags = {s for a in train._actions for s in a.option_strings}
    assert {spec.flag for spec in user_fields()} <= flags


def test_subcommands_dispatch_through_their_defaults():
    from lstm_adder.cli import commands

    parser = build_parser()
    assert parser.parse_args(["eval"]).func is commands.evaluate_command
    assert parser.parse_args(["add", "1", "2"]).func is commands.add_command
    assert parser.parse_args([]).func is commands.gui_command
    assert not hasattr(commands, "eval")


def test_eval_judges_a_kept_epoch_and_draws_its_map(tmp_path, capsys):
    """train --keep-epochs keeps every epoch; eval --epoch K judges that model, and --map
    draws a PNG whose pixels differ between a half-trained and a perfect model."""
    from lstm_adder.cli.main import main

    path = tmp_path / "c.keras"
    assert main(["train", "--recipe", "carry", "--bits", "4", "--holdout", "0",
                 "--batch-size", "16", "--epochs", "2", "--keep-epochs",
                 "--out", str(path)]) == 0
    assert main(["eval", "--model", str(path), "--epoch", "0", "--map",
                 str(tmp_path / "e0.png")]) == 0
    assert "as after epoch 0" in capsys.readouterr().out
    assert main(["eval", "--model", str(path), "--epoch", "3"]) == 2  # only 0..2 exist
    assert main(["eval", "--model", "assets/carry.keras", "--map",
                 str(tmp_path / "perfect.png")]) == 0
    first, perfect = (tmp_path / "e0.png").read_bytes(), (tmp_path / "perfect.png").read_bytes()
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(perfect[16:20], "big"), int.from_bytes(perfect[20:24], "big")
    assert width >= 256 and height >= 256
    assert first != perfect


def test_a_map_of_a_wide_model_is_refused_before_judging(tmp_path):
    from lstm_adder.cli.main import main

    assert main(["eval", "--model", "assets/carry.keras", "--bits", "16", "--map",
                 str(tmp_path / "m.png")]) == 2
    assert list(tmp_path.iterdir()) == []
