"""A run logged for TensorBoard: Keras's own TensorBoard and CSVLogger callbacks.

    lstm-adder train --recipe carry --out carry.keras --logdir runs/carry
    tensorboard --logdir runs

The Trainer (core.training) adds `keras_loggers(logdir)` to every fit when it is given a
logdir. It fits one epoch at a time, with `initial_epoch` set, so the event files carry
epoch_loss at steps 0, 1, 2, … as TensorBoard expects, and DIR/training.csv has one row an
epoch (Keras's 0-based epoch, its loss and learning rate) under one header. The trainer's own
judgements (exact match, held-out) are not in these logs: Keras computes what goes there.
"""

from __future__ import annotations

import os
from pathlib import Path

from lstm_adder.core.errors import InputError

CSV_NAME = "training.csv"


def check_logdir(path) -> Path:
    """The folder a run will log to, once it is known that it can be written: a folder, or
    a new one in a folder that exists. InputError in one line otherwise; nothing is made."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError(f"{path}: is not a folder; give a folder for the logs")
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir():
        raise InputError(f"{path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{path}: folder {folder} is not writable")
    return path


def keras_loggers(logdir) -> list:
    """keras.callbacks.TensorBoard and CSVLogger, writing to `logdir` (made if missing)."""
    import keras

    class EpochCSV(keras.callbacks.CSVLogger):
        """Keras's CSVLogger, for a trainer that fits one epoch at a time: the first fit
        starts the file (one header), each later one appends its row."""

        def __init__(self, filename: str):
            super().__init__(filename, append=False)
            self._fits = 0

        def on_train_begin(self, logs=None):
            self.append, self._fits = self._fits > 0, self._fits + 1
            super().on_train_begin(logs)

    logdir = Path(logdir)
    logdir.mkdir(parents=True, exist_ok=True)
    return [keras.callbacks.TensorBoard(log_dir=str(logdir)), EpochCSV(str(logdir / CSV_NAME))]
