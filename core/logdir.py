"""A run logged for TensorBoard, and as a CSV table of its epochs.

    lstm-adder train --recipe carry --out carry.keras --logdir runs/carry
    tensorboard --logdir runs

The Trainer (core.training), given a logdir, adds `RunLog(logdir)`: Keras's own CSVLogger on
every fit (DIR/training.csv: a header, then one row an epoch: Keras's 0-based epoch, its loss
and learning rate), and an observer that writes each epoch's scalars as Keras's TensorBoard
callback lays them out: DIR/train for the trained pairs, DIR/validation for the held-out
ones, tags epoch_loss and epoch_exact (the trainer's exact match), step = the 0-based epoch.
So TensorBoard overlays training and held-out curves, as it does for any Keras run.

Why not keras.callbacks.TensorBoard itself: it writes through tf.summary.scalar, whose code
is in the `tensorboard` package, which TensorFlow 2.21 no longer installs (it raises
TBNotInstalledError without it). tf.summary.write, with the scalars plugin's metadata, is in
TensorFlow itself and writes the same events; and the trainer's exact match, which Keras never
sees, goes in beside the loss.
"""

from __future__ import annotations

import os
from pathlib import Path

from lstm_adder.core.errors import InputError
from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words

CSV_NAME = "training.csv"
TRAIN, HELDOUT = "train", "validation"  # Keras's names for the two event folders
SCALARS = "scalars"  # TensorBoard's plugin for scalar curves


def check_logdir(path) -> Path:
    """The folder a run will log to, once it is known that it can be written: a folder, or
    a new one in a folder that exists. InputError in one line otherwise; nothing is made."""
    from lstm_adder.core.checks import check_out_folder

    path, folder = check_out_folder(path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(Words(QT_TRANSLATE_NOOP("core", "{0}: folder {1} is not writable"),
                               path, folder))
    return path


class RunLog:
    """A core.training observer that logs each epoch, and the Keras callbacks for its fits
    (`callbacks()`, when training begins). Called on the training thread only."""

    def __init__(self, logdir):
        self.logdir = Path(logdir)
        self._writers: dict[str, object] = {}

    def callbacks(self) -> list:
        """The Keras callbacks for every fit of the run (the folder is made now)."""
        self.logdir.mkdir(parents=True, exist_ok=True)
        return [_epoch_csv(str(self.logdir / CSV_NAME))]

    def on_epoch(self, metrics, model) -> None:
        step = metrics.epoch - 1  # Keras's epochs count from 0
        self._write(TRAIN, step, {"epoch_loss": metrics.loss, "epoch_exact": metrics.exact})
        if metrics.heldout_exact is not None:
            self._write(HELDOUT, step, {"epoch_loss": metrics.heldout_loss,
                                        "epoch_exact": metrics.heldout_exact})

    def on_train_end(self, result) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers = {}

    def _write(self, folder: str, step: int, values: dict) -> None:
        import tensorflow as tf
        from tensorflow.core.framework.summary_pb2 import SummaryMetadata

        if folder not in self._writers:
            self._writers[folder] = tf.summary.create_file_writer(str(self.logdir / folder))
        writer = self._writers[folder]
        metadata = SummaryMetadata(plugin_data=SummaryMetadata.PluginData(plugin_name=SCALARS))
        with writer.as_default(step=step):
            for tag, value in values.items():
                if value is not None:
                    tf.summary.write(tag, tf.constant(float(value), tf.float32),
                                     metadata=metadata)
        writer.flush()


def _epoch_csv(filename: str):
    """Keras's CSVLogger, for a trainer that fits one epoch at a time: the first fit starts
    the file (one header), each later one appends its row."""
    import keras

    class EpochCSV(keras.callbacks.CSVLogger):
        def __init__(self):
            super().__init__(filename, append=False)
            self._fits = 0

        def on_train_begin(self, logs=None):
            self.append, self._fits = self._fits > 0, self._fits + 1
            super().on_train_begin(logs)

    return EpochCSV()
