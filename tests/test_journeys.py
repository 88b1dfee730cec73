"""Journeys: the real app, started as `lstm-adder` starts it, used through its window.

Each journey is a child script in tests/journeys/ (driven by tests/journeys/driver.py) that
runs in a process of its own, offscreen, with fresh settings (a HOME and XDG folders of its
own) and real Keras training on tiny recipes; nothing in it imports TensorFlow before the
app does. A crash fails the test with the signal's name and the child's last lines; so does
a hang (the child's watchdog prints every thread's stack). `pytest -m journey` runs them
alone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.journey

JOURNEYS = Path(__file__).parent / "journeys"
TAIL = 40  # lines of the child's output shown when it fails
TIMEOUT_S = 600  # the parent's last resort; the child's watchdog fires first
ORPHAN = "QThread: Destroyed"  # Qt's words when a thread outlives its owner


def child_env(home: Path) -> dict[str, str]:
    """The test's environment (PYTHONPATH and all), offscreen, in English, with a home and
    settings of the child's own."""
    env = dict(os.environ)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(name, None)
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen", TF_CPP_MIN_LOG_LEVEL="2",
               HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_RUNTIME_DIR=str(home / "run"))
    for folder in ("Documents", ".config", "run"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    (home / "run").chmod(0o700)
    return env


def journey(tmp_path: Path, script: str, *args) -> subprocess.CompletedProcess:
    """Run tests/journeys/`script` with `args`; fail, with its last lines, unless it exits
    0. Its output is returned (stdout and stderr)."""
    home = tmp_path / "home"
    done = subprocess.run([sys.executable, str(JOURNEYS / script), *map(str, args)],
                          env=child_env(home), cwd=tmp_path, capture_output=True, text=True,
                          timeout=TIMEOUT_S)
    if done.returncode != 0:
        how = (f"died of {signal.Signals(-done.returncode).name}" if done.returncode < 0
               else f"exited with {done.returncode}")
        lines = (done.stdout + done.stderr).splitlines()
        pytest.fail(f"{script} {' '.join(map(str, args))} {how}; its last lines:\n"
                    + "\n".join(lines[-TAIL:]), pytrace=False)
    assert ORPHAN not in done.stderr, f"a thread outlived the window:\n{done.stderr[-3000:]}"
    return done


def test_start_stop_three_times_with_the_seed_model_on_show(tmp_path):
    """The crash of issue 15: Start, Stop, Start with the bundled seed model on show killed
    the app (SIGSEGV) as the second run built its model."""
    journey(tmp_path, "start_stop.py", "--rounds", 3)


def test_train_twice_to_the_end(tmp_path):
    journey(tmp_path, "start_stop.py", "--rounds", 0, "--then-carry", 2, "--tiny")


def keras_sum(path: Path, a: int, b: int, bits: int = 8) -> int:
    """What Keras 2 itself makes of a + b with the tutorial's model at `path`: a and b as
    bits, most significant first, one after the other; the outputs rounded, read as bits."""
    import numpy as np
    import tf_keras

    steps = [int(bit) for bit in f"{a:0{bits}b}{b:0{bits}b}"]
    outputs = tf_keras.models.load_model(path).predict(
        np.array(steps, dtype="float32").reshape(1, 2 * bits, 1), verbose=0)[0]
    return int("".join(str(int(round(float(p)))) for p in outputs), 2)


def test_switch_models_and_widths_then_open_a_bad_file_and_a_keras2_h5_while_training(
        tmp_path, keras2_h5):
    corrupt = tmp_path / "broken.keras"
    corrupt.write_bytes(b"PK\x03\x04 not a model, only the start of a zip")
    a, b = 157, 113
    journey(tmp_path, "models_while_training.py", "--corrupt", corrupt, "--h5", keras2_h5,
            "--pair", a, b, "--keras-sum", keras_sum(keras2_h5, a, b))


def keras_carry_sum(path: Path, a: int, b: int, bits: int) -> int:
    """What Keras makes of a + b with the carry-layout model saved at `path`: step t sees
    bit t of a and of b (least significant first, one step more for the last carry) and
    gives bit t of the sum."""
    import keras
    import numpy as np

    steps = np.array([[(a >> t) & 1, (b >> t) & 1] for t in range(bits + 1)], "float32")
    outputs = keras.saving.load_model(path, compile=False).predict(steps[None], verbose=0)
    return sum(int(round(float(p))) << t for t, p in enumerate(outputs.ravel()))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is no PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_save_reopen_replay_every_epoch_and_export_a_figure(tmp_path):
    epochs, (a, b) = 3, (13, 9)
    out = tmp_path / "out"
    out.mkdir()
    journey(tmp_path, "save_replay_export.py", "--out", out, "--epochs", epochs, "save")
    journey(tmp_path, "save_replay_export.py", "--out", out, "--epochs", epochs,
            "--pair", a, b, "replay")
    answers = json.loads((out / "answers.json").read_text())
    assert [entry["epoch"] for entry in answers] == list(range(epochs + 1))
    assert answers[-1]["predicted"] == keras_carry_sum(out / "run.keras", a, b, bits=4)
    width, height = png_size(out / "curves.png")
    assert width > 100 and height > 100


def test_switch_language_in_the_middle_of_a_run(tmp_path):
    journey(tmp_path, "language_mid_run.py")


def test_close_mid_run_answering_discard(tmp_path):
    journey(tmp_path, "close.py", "mid-run")


def test_close_with_an_unsaved_model_answering_save(tmp_path):
    out = tmp_path / "kept.keras"
    journey(tmp_path, "close.py", "unsaved", "--out", out)
    keras_carry_sum(out, 7, 9, bits=4)  # Keras opens what was saved, and answers with it
