"""The training run on the Keras thread: the one thread of the app that imports TensorFlow
and calls Keras.

Everything Keras runs on session.lanes.keras_lane(), a thread that Python owns, one job after
the other: the import of TensorFlow itself (when Keras is first needed: a training run or a
save that needs Keras, never at start-up), training runs, and saves of models that only Keras
can write. The GUI
thread never calls a Keras object; what it shows comes from numpy engines (core.engine),
which any thread may use.

`TrainingRunner` lives in the GUI thread. `start(recipe)` queues a `_Job` on the Keras thread;
the job runs core's Trainer and reports with the app's job signals (gui.tasks), carrying
plain data:

    started()                        TensorFlow is loaded and the run begins
    initial(Engine, wrong_map)       the untrained model (epoch 0 of the run's timeline) and
                                     its wrong bits for every pair (None above 8 bits)
    progress(BatchProgress)          every BATCH_EVERY batches (core's throttling)
    epoch(EpochMetrics)              metrics.engine: a numpy Engine of the weights after the
                                     epoch; metrics.report: every pair judged (<= 8 bits)
    finished(TrainResult, Trained)   however training ended (result.ended); Trained
                                     (session.open_models) is None unless the run made a
                                     usable model: it did not diverge, and at least one batch
                                     ran (result.model is None: see below)
    failed(str)                      an exception, in one line (its traceback is logged)

Nothing waits for the GUI: an epoch report is a queued signal, so Stop and closing the window
take one batch (and the judging of that epoch) at most. A finished run's Keras model stays on
the Keras thread, kept (session.open_models.keep) under `Trained.key` for a later save; the
GUI holds only the key and the engine.

The job's signals reach the runner's @Slot methods through queued connections, so the runner's
own signals are always emitted in the GUI thread. `stop()` asks the trainer to end after the
batch that is running; `wait()` blocks until the job has ended.
"""

from __future__ import annotations

import itertools
import logging
import threading
from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot

from lstm_adder.core.engine import Engine
from lstm_adder.core.quiet import need_tensorflow
from lstm_adder.core.recipes import Recipe
from lstm_adder.core.training import Ended, Trainer, TrainResult
from lstm_adder.session.executor import report_failure
from lstm_adder.session.lanes import keras_lane
from lstm_adder.session.open_models import Trained, keep

BATCH_EVERY = 5  # batches between progress reports
log = logging.getLogger(__name__)


class _Job(QObject):
    """Runs one Trainer on the Keras thread. Its signals carry the job's id first."""

    started = Signal(int)
    initial = Signal(int, object, object)
    progress = Signal(int, object)
    epoch = Signal(int, object)
    finished = Signal(int, object, object)
    failed = Signal(int, str)

    def __init__(self, ident: int, recipe: Recipe, batch_every: int):
        super().__init__()
        self.ident, self.recipe, self.batch_every = ident, recipe, batch_every
        self._stop = threading.Event()
        self.ended = threading.Event()
        self._trainer = None
        self._lock = threading.Lock()  # between request_stop and the trainer's creation

    def request_stop(self) -> None:  # any thread
        with self._lock:
            self._stop.set()
            if self._trainer is not None:
                self._trainer.stop()  # core: safe from any thread

    def run(self) -> None:  # on the Keras thread
        try:
            result, trained = self._train()
        except Exception as exc:
            self.failed.emit(self.ident, report_failure(self._train, exc, log))
        else:
            self.finished.emit(self.ident, result, trained)
        finally:
            self.ended.set()

    def _train(self):
        if self._stop.is_set():  # stopped while queued: no need for TensorFlow
            stopped = TrainResult(None, self.recipe, [], "stopped by user before it began", 0,
                                  ended=Ended.STOPPED)
            return stopped, None
        need_tensorflow()
        with self._lock:
            self._trainer = Trainer(self.recipe, [_Relay(self)], batch_every=self.batch_every)
            if self._stop.is_set():
                self._trainer.stop()
        self.started.emit(self.ident)
        try:
            result = self._trainer.run()
        finally:
            with self._lock:  # its Keras model must not be freed by the GUI thread
                self._trainer = None
        ran = bool(result.history) or result.stopped_at is not None  # a batch, at least
        if not (result.ok and ran):
            return replace(result, model=None), None
        engine = Engine.from_model(result.model, self.recipe.bits)
        key = keep(result.model)
        result = replace(result, model=None)
        return result, Trained(result, engine, key)


class _Relay:
    """A core.training.Observer by the three hooks it needs: turns the trainer's reports
    into the job's signals."""

    def __init__(self, job: _Job):
        self.job = job

    def on_initial(self, engine, wrong_map) -> None:  # before the first batch
        self.job.initial.emit(self.job.ident, engine, wrong_map)

    def on_batch(self, progress) -> None:
        self.job.progress.emit(self.job.ident, progress)

    def on_epoch(self, metrics, model) -> None:  # metrics.engine: plain arrays, no Keras
        self.job.epoch.emit(self.job.ident, metrics)


class TrainingRunner(QObject):
    started = Signal()
    initial = Signal(object, object)  # core.engine.Engine, wrong-bit map (uint8) or None
    progress = Signal(object)  # core.training.BatchProgress
    epoch = Signal(object)  # core.training.EpochMetrics, with .engine (and .report)
    finished = Signal(object, object)  # core.training.TrainResult, Trained or None
    failed = Signal(str)

    _ids = itertools.count(1)

    def __init__(self, parent: QObject | None = None, batch_every: int = BATCH_EVERY):
        super().__init__(parent)
        self.batch_every = batch_every
        self._job: _Job | None = None

    def start(self, recipe: Recipe) -> None:
        """Train `recipe` on the Keras thread; RuntimeError if a run is in progress."""
        if self.is_running():
            raise RuntimeError("a training run is already in progress")
        job = _Job(next(self._ids), recipe, self.batch_every)
        job.started.connect(self._on_started)
        job.initial.connect(self._on_initial)
        job.progress.connect(self._on_progress)
        job.epoch.connect(self._on_epoch)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        self._job = job
        keras_lane().start(job.run)

    def stop(self) -> None:
        """Ask the run to end after the current batch (returns at once)."""
        if self._job is not None:
            self._job.request_stop()

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until the run has ended; False if it goes on after `timeout_ms` (< 0: wait
        as long as it takes)."""
        if self._job is None:
            return True
        return self._job.ended.wait(None if timeout_ms < 0 else timeout_ms / 1000)

    def is_running(self) -> bool:
        """True from start() until the run has ended (queued, training or reporting)."""
        return self._job is not None and not self._job.ended.is_set()

    def _current(self, ident: int) -> bool:
        return self._job is not None and self._job.ident == ident

    @Slot(int)
    def _on_started(self, ident: int) -> None:
        if self._current(ident):
            self.started.emit()

    @Slot(int, object, object)
    def _on_initial(self, ident: int, engine, wrong_map) -> None:
        if self._current(ident):
            self.initial.emit(engine, wrong_map)

    @Slot(int, object)
    def _on_progress(self, ident: int, progress) -> None:
        if self._current(ident):
            self.progress.emit(progress)

    @Slot(int, object)
    def _on_epoch(self, ident: int, metrics) -> None:
        if self._current(ident):
            self.epoch.emit(metrics)

    @Slot(int, object, object)
    def _on_finished(self, ident: int, result, trained) -> None:
        if self._current(ident):
            self.wait()  # the job ends right after this report
            self.finished.emit(result, trained)

    @Slot(int, str)
    def _on_failed(self, ident: int, message: str) -> None:
        if self._current(ident):
            self.wait()
            self.failed.emit(message)
