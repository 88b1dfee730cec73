"""The training run, owned by the session: started, stopped and followed without Qt.

`Run.start(recipe, keep_epochs)` queues core's Trainer on the executor's Keras lane
(session.lanes: the one Python-owned thread that calls Keras); its reports come back on the
session's own thread through `executor.post`, as plain data:

    started(recipe)                  TensorFlow is loaded and the run begins
    initial(Engine, wrong_map)       the untrained model (epoch 0 of the run's timeline) and
                                     its wrong bits for every pair (None above 8 bits)
    progress(BatchProgress)          every `batch_every` batches (core's throttling)
    epoch(EpochMetrics)              metrics.engine: a numpy Engine of the weights after the
                                     epoch; metrics.report: every pair judged (<= 8 bits);
                                     metrics.wrong_map: the same, packed (core.maps)
    finished(TrainResult, Trained)   however training ended (result.ended); Trained
                                     (session.open_models) is None unless the run made a
                                     usable model: it did not diverge, and a batch ran
    failed(str)                      an exception, in one line (its traceback is logged)

Nothing waits for the session: Stop and closing take one batch (and the judging of that
epoch) at most. A finished run's Keras model stays on the Keras lane, kept under
`Trained.key` for a later save; the session holds only the key and the engine. Reports of a
run that a newer one has replaced are dropped. The run's history keeps every epoch's engine
only with `keep_epochs` ("Keep every epoch"); without it, each epoch's engine lives as long
as whoever it was reported to keeps it.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import replace

from lstm_adder.core.engine import Engine
from lstm_adder.core.recipes import Recipe
from lstm_adder.core.training import BATCH_EVERY, Ended, Trainer, TrainResult
from lstm_adder.session.executor import Executor
from lstm_adder.session.open_models import Trained, keep
from lstm_adder.session.signal import Signal


class _Job:
    """One Trainer on the Keras lane; what it reports is posted to the session's thread."""

    def __init__(self, ident: int, recipe: Recipe, batch_every: int, post,
                 keep_epochs: bool = False, logdir=None):
        self.ident, self.recipe, self.batch_every, self.post = ident, recipe, batch_every, post
        self.keep_epochs, self.logdir = keep_epochs, logdir
        self.ended = threading.Event()
        self._stop = threading.Event()
        self._trainer: Trainer | None = None
        self._lock = threading.Lock()  # between request_stop and the trainer's creation

    def request_stop(self) -> None:  # any thread
        with self._lock:
            self._stop.set()
            if self._trainer is not None:
                self._trainer.stop()  # core: safe from any thread

    def __call__(self, cancel: threading.Event) -> tuple[TrainResult, Trained | None]:
        try:
            return self._train()
        finally:
            self.ended.set()

    def _train(self):
        if self._stop.is_set():  # stopped while queued
            stopped = TrainResult(None, self.recipe, [], "stopped by user before it began", 0,
                                  ended=Ended.STOPPED)
            return stopped, None
        with self._lock:
            self._trainer = Trainer(self.recipe, [self], batch_every=self.batch_every,
                                    keep_epochs=self.keep_epochs, logdir=self.logdir)
            if self._stop.is_set():
                self._trainer.stop()
        self.post("started", self.recipe)
        try:
            result = self._trainer.run()
        finally:
            with self._lock:  # its Keras model must be freed on this thread, not another
                self._trainer = None
        ran = bool(result.history) or result.stopped_at is not None  # a batch, at least
        if not (result.ok and ran):
            return replace(result, model=None), None
        engine = Engine.from_model(result.model, self.recipe.bits)
        key = keep(result.model)
        result = replace(result, model=None)
        return result, Trained(result, engine, key)

    # core.training.Observer, by the hooks it needs (called on the Keras lane)

    def on_initial(self, engine, wrong_map) -> None:
        self.post("initial", engine, wrong_map)

    def on_batch(self, progress) -> None:
        self.post("progress", progress)

    def on_epoch(self, metrics, model) -> None:  # metrics.engine: plain arrays, no Keras
        self.post("epoch", metrics)


class Run:
    """At most one training run at a time, on the executor's Keras lane."""

    _ids = itertools.count(1)

    def __init__(self, executor: Executor, batch_every: int = BATCH_EVERY):
        self.executor, self.batch_every = executor, batch_every
        self.started, self.initial, self.progress = Signal(), Signal(), Signal()
        self.epoch, self.finished, self.failed = Signal(), Signal(), Signal()
        self._job: _Job | None = None

    @property
    def running(self) -> bool:
        """True from start() until the run has ended (queued, training or reporting)."""
        return self._job is not None and not self._job.ended.is_set()

    def start(self, recipe: Recipe, keep_epochs: bool = False, logdir=None) -> None:
        """Train `recipe` on the Keras lane, its history keeping every epoch's weights if
        `keep_epochs` (`logdir`: a folder to log it to for TensorBoard, core.logdir);
        RuntimeError if a run is in progress."""
        if self.running:
            raise RuntimeError("a training run is already in progress")
        ident = next(self._ids)
        job = self._job = _Job(ident, recipe, self.batch_every,
                               lambda name, *args: self.executor.post(
                                   lambda: self._report(ident, name, *args)), keep_epochs,
                               logdir)
        self.executor.submit(job, lambda done: self._report(ident, "finished", *done),
                             lambda message: self._report(ident, "failed", message),
                             keras=True, long=True)

    def stop(self) -> None:
        """Ask the run to end after the batch that is running (returns at once)."""
        if self._job is not None:
            self._job.request_stop()

    def wait(self, timeout_s: float | None = 5.0) -> bool:
        """Block until the run has ended; False if it goes on after `timeout_s` (None: as
        long as it takes). Its last reports still come through the executor."""
        return self._job is None or self._job.ended.wait(timeout_s)

    def _report(self, ident: int, name: str, *args) -> None:  # on the session's thread
        if self._job is not None and self._job.ident == ident:
            getattr(self, name).emit(*args)
