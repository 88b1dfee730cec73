"""Saving models and closing: what can be saved now, the save itself, and what closing loses.

`Saving` is a part of session.Session (its mixin). A save runs on the executor: on the
engine lane for a model read from a file (its file is rewritten with our entry), on the Keras
lane for a model trained here, whose Keras model waits there (so it queues behind a run, and
`can_save` says so). The path is checked first (core.checks.check_out_path: the folder, the
name's length, the free space for about the model's size); the write is atomic (a temp file
beside the target, then a rename), so a failed save leaves the target as it was. A file that
another program wrote at the target since the user chose it (or, for the model's own file,
since this window read or last saved it) is replaced with a word in the status line, never
silently (core.storage.written_since, as `train` does for --out).

Uses from Session: `models`, `current`, `executor`, `training`, `keep_epochs`, `closing`,
`on_show`, `insight`, and the signals `status`, `error`, `saved`, `save_failed`,
`models_changed`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from lstm_adder.core.checks import check_out_path
from lstm_adder.core.errors import InputError, said
from lstm_adder.core.storage import stamp, written_since
from lstm_adder.session.open_models import OpenModel, TrainedHere
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words, joined

KERAS_BUSY = Words(QT_TRANSLATE_NOOP(
    "session", "Only Keras can write this model, and Keras is training: stop training to "
    "save it."))
CANNOT_SAVE = Words(QT_TRANSLATE_NOOP("session", "Cannot save the model"))
REPLACED = QT_TRANSLATE_NOOP(
    "session", "Saved {0} to {1}, replacing a file that another program wrote there meanwhile")
_OURS: dict[Path, tuple] = {}  # path -> core.storage.stamp of the file this app wrote there


class Saving:
    """Session's saving and closing (see the module's docstring)."""

    keep_epochs = False  # a save of a model trained here keeps every epoch's weights

    def set_keep_epochs(self, on: bool) -> None:
        """Whether saving a model trained here keeps every epoch's weights in its file."""
        self.keep_epochs = on

    def unsaved(self) -> list[OpenModel]:
        """The models trained here that are in no file: closing would lose them."""
        return [entry for entry in self.models if entry.unsaved]

    def can_save(self, entry: OpenModel | None = None) -> tuple[bool, str]:
        """Whether `entry` (default: the current model) can be saved now, and if it waits
        for a run, why."""
        entry = entry or self.current
        if entry is None or entry.source is None:
            return False, ""
        if entry.source.needs_keras and self.training:
            return False, Words(QT_TRANSLATE_NOOP("session", "Stop training to save this model"))
        return True, ""

    def save(self, path, entry: OpenModel | None = None) -> bool:
        """Start writing `entry` (default: the current model) to `path` (.keras added to a
        name without a suffix, written atomically): `saved` or `save_failed` follows. False,
        with `error` or `save_failed`, if the save cannot even start."""
        entry = entry or self.current
        if entry is None or entry.source is None:
            return False
        if not self.can_save(entry)[0]:
            self.error.emit(Words(QT_TRANSLATE_NOOP("session", "Cannot save the model yet")),
                            KERAS_BUSY)
            return False
        keep = self.keep_epochs
        try:
            path = check_out_path(path, entry.save_bytes(keep))
        except InputError as exc:
            self._save_failed(entry, said(exc))
            return False
        source, found = entry.source, _found(entry, path)

        def write(cancel) -> tuple:  # on a lane: whether another wrote there, then the save
            replaced = written_since(path, found) and stamp(path) != _OURS.get(_key(path))
            saved = source.save(path, *entry.save_parts(keep))
            _OURS[_key(path)] = stamp(path)  # a save of ours queued after this is no stranger
            return saved, replaced

        self.executor.submit(write, partial(self._saved, entry), partial(self._save_failed, entry),
                             keras=source.needs_keras)
        self.status.emit(Words(QT_TRANSLATE_NOOP("session", "Saving {0} to {1}…"),
                               entry.name, path), False)
        return True

    def _saved(self, entry: OpenModel, done: tuple[Path, bool]) -> None:
        path, replaced = done
        if entry in self.models:
            before = entry.source
            entry.saved_as(path)
            if isinstance(before, TrainedHere):  # the Keras thread may drop its model
                self.executor.submit(before.release, _ignore, _ignore, keras=True)
            self.models_changed.emit()
        if not self.closing and replaced:
            self.status.emit(Words(REPLACED, entry.name, path), False)
        elif not self.closing:
            self.status.emit(Words(QT_TRANSLATE_NOOP("session", "Saved {0} to {1}"),
                                   entry.name, path), True)
        self.saved.emit(entry, path)

    def _save_failed(self, entry: OpenModel, message: str) -> None:
        if not self.closing:
            self.error.emit(CANNOT_SAVE, Words(QT_TRANSLATE_NOOP(
                "session", "{0}\n\n{1} is still open: save it somewhere else."),
                message, entry.name))
        self.save_failed.emit(entry, message)

    # -- closing ----------------------------------------------------------------------------

    def close_question(self) -> list[str]:
        """What closing now would lose, one line each (none: close without asking)."""
        unsaved, lines = self.unsaved(), []
        if self.training:
            lines.append(Words(QT_TRANSLATE_NOOP("session",
                                                 "Training is running: closing stops it.")))
        if unsaved:
            names = joined(", ", [entry.name for entry in unsaved])
            lines.append(Words(QT_TRANSLATE_NOOP("session", "1 trained model is not saved: {1}.")
                               if len(unsaved) == 1 else
                               QT_TRANSLATE_NOOP("session",
                                                 "{0} trained models are not saved: {1}."),
                               len(unsaved), names))
        return lines

    def close(self, wait_s: float | None = None) -> bool:
        """Stop all work for what is on show and the run, waiting up to `wait_s` (None: as
        long as its batch takes) for the run's thread; late answers are dropped from now on.
        False if the run was still going when the wait ended."""
        self.closing = True
        self.on_show.close()
        self.insight.stop()
        self.run.stop()
        self.seeds.stop()  # its children end; the seeds saved so far stay
        seeds_ended = self.seeds.wait(wait_s)
        return self.run.wait(wait_s) and seeds_ended


def _found(entry: OpenModel, path: Path) -> tuple | None:
    """What a save to `path` may replace without a word: the model's own file as this window
    read or last saved it, else what is there as the user chooses it (core.storage.stamp)."""
    if entry.path is not None and entry.stamp is not None and _key(entry.path) == _key(path):
        return entry.stamp
    return stamp(path)


def _key(path) -> Path:
    """`path` as one spelling (links and `..` resolved, when the system can)."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(path)


def _ignore(*args) -> None:
    pass
