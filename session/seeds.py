"""Many seeds in the window: core.seeds run by the session, without Qt.

    session.seeds.start(recipe, 10, folder)   seeds recipe.seed .. recipe.seed + 9
    session.seeds.stop()                      every child process ends; saved seeds stay

The job (core.seeds.train_seeds) runs as a long job on the executor's engine lane: a Python
thread that only waits for the children's reports (the children do the Keras work, each in a
process of its own), so the Keras lane stays free and nothing here imports TensorFlow. Its
reports come back on the session's thread through `executor.post`, as plain data:

    started(recipe, count)
    epoch(SeedCurve, EpochMetrics)   a seed's epoch (core.seeds.SeedCurve: its curve so far)
    seed_done(SeedCurve)             a seed ended; its saved file is opened (no Keras) and
                                     joins the model list, not selected
    finished(SeedsResult)            however the job ended (result.cancelled after stop())
    failed(str)                      an exception, in one line

A seed's model is a file already, so closing the window asks nothing about it. Closing stops
the job (session.saving.close): the children are ended within core.seeds.TERM_WAIT_S.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

from lstm_adder.core.recipes import Recipe
from lstm_adder.core.seeds import train_seeds
from lstm_adder.session.open_models import open_file
from lstm_adder.session.signal import Signal
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words


class Seeds:
    """At most one many-seeds job at a time. `session`: whose executor runs it and whose
    model list takes each seed's model."""

    def __init__(self, session):
        self.session = session
        self.started, self.epoch, self.seed_done = Signal(), Signal(), Signal()
        self.finished, self.failed = Signal(), Signal()
        self._cancel = threading.Event()
        self._ended = threading.Event()
        self._ended.set()
        self._ident = 0
        self.count = 0  # seeds in the job going, or in the last one

    @property
    def running(self) -> bool:
        """True from start() until the job has ended (its children with it)."""
        return not self._ended.is_set()

    def start(self, recipe: Recipe, count: int, folder) -> bool:
        """Train `recipe` with `count` seeds, their models saved in `folder` (checked first:
        core.seeds.check_seeds). False if a job is going or the session is closing."""
        if self.running or self.session.closing:
            return False
        self._ident, self.count = self._ident + 1, count
        ident, post = self._ident, self.session.executor.post
        self._cancel, self._ended = threading.Event(), threading.Event()
        cancel, ended = self._cancel, self._ended

        def report(name: str, *args) -> None:  # from the job's thread
            post(lambda: self._report(ident, name, *args))

        class Observer:
            def on_epoch(self, curve, metrics) -> None:
                report("epoch", curve, metrics)

            def on_done(self, curve) -> None:
                report("seed_done", curve)

        def job(handle_cancel: threading.Event):
            try:
                return train_seeds(recipe, count, Path(folder), Observer(),
                                   cancel=lambda: cancel.is_set() or handle_cancel.is_set())
            finally:
                ended.set()

        self.started.emit(recipe, count)
        self.session.executor.submit(job, lambda result: self._report(ident, "finished", result),
                                     lambda message: self._report(ident, "failed", message),
                                     long=True)
        return True

    def stop(self) -> None:
        """End the job: its children are killed, the seeds saved so far stay (returns at
        once; `finished` follows, with result.cancelled)."""
        self._cancel.set()

    def wait(self, timeout_s: float | None = 10.0) -> bool:
        """Block until the job (and every child) has ended; False if it goes on."""
        return self._ended.wait(timeout_s)

    def _report(self, ident: int, name: str, *args) -> None:  # on the session's thread
        if ident != self._ident:
            return
        if name == "seed_done":
            self._join(args[0])
        if not self.session.closing:
            getattr(self, name).emit(*args)

    def _join(self, curve) -> None:
        """A saved seed's model joins the model list (read in the background, not selected)."""
        if curve.saved is None or self.session.closing:
            return
        session = self.session
        session.executor.submit(lambda cancel: open_file(curve.saved), self._opened,
                                partial(self._open_failed, curve.saved))

    def _opened(self, entry) -> None:
        if not self.session.closing:
            self.session._add(entry, select=False)

    def _open_failed(self, path, message: str) -> None:
        if not self.session.closing:
            self.session.status.emit(Words(QT_TRANSLATE_NOOP(
                "session", "Could not open {0}: {1}"), path.name, message), True)
