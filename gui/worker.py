"""The training worker: the one place where model.fit runs for the app.

`TrainingRunner` lives in the GUI thread. `start(recipe)` queues a `_Job` on the TensorFlow
thread (gui.tasks.tf_thread: one QThreadPool thread that does all TensorFlow work off the GUI
thread, so training and background tasks take turns); the job runs core's Trainer there and
reports through signals that carry plain data:

    started()                       the run has begun on the TensorFlow thread
    batch(BatchProgress)            every BATCH_EVERY batches (core's throttling)
    epoch(EpochMetrics, weights)    weights: model.get_weights(), taken on that thread
    finished(TrainResult)           however training ended (result.ok is False if it diverged)
    errored(str)                    an exception, in one line

The job's signals reach the runner's @Slot methods through queued connections, so the runner's
own signals are always emitted in the GUI thread. `stop()` asks the trainer to end after the
batch that is running; `wait()` blocks until the job has ended.

The run holds gui.tasks.TF_LOCK (no other thread builds or trains models meanwhile).
To copy an epoch's weights into a model of its own, the GUI sets `pause_after_epoch` and, in
its epoch slot, calls `while_paused(fn)`: the training thread waits after each epoch report
until fn has run (or HOLD_S passes), so the copy never overlaps training.
"""

from __future__ import annotations

import itertools
import threading

from PySide6.QtCore import QObject, Signal, Slot

from core.recipes import Recipe
from gui import pyside_fix
from gui.tasks import TF_LOCK, describe, ensure_tensorflow, tf_thread

pyside_fix.apply()  # before this module starts any thread

BATCH_EVERY = 5  # batches between progress reports
HOLD_S = 10.0  # longest wait after an epoch report for the GUI's while_paused


class _Job(QObject):
    """Runs one Trainer on the TensorFlow thread. Its signals carry the job's id first."""

    started = Signal(int)
    batch = Signal(int, object)
    epoch = Signal(int, object, object)
    finished = Signal(int, object)
    errored = Signal(int, str)

    def __init__(self, ident: int, recipe: Recipe, batch_every: int):
        super().__init__()
        self.ident, self.recipe, self.batch_every = ident, recipe, batch_every
        self._stop = threading.Event()
        self.ended = threading.Event()
        self._trainer = None
        self.pause_after_epoch = False
        self.resume = threading.Event()
        self.hold = threading.Lock()  # held by whoever may touch TensorFlow after an epoch
        self.paused = False

    def request_stop(self) -> None:  # any thread
        self._stop.set()
        self.resume.set()
        trainer = self._trainer
        if trainer is not None:
            trainer.stop()

    def report_epoch(self, metrics, weights) -> None:  # on the TensorFlow thread
        if not self.pause_after_epoch:
            self.epoch.emit(self.ident, metrics, weights)
            return
        self.resume.clear()
        with self.hold:
            self.paused = True
        self.epoch.emit(self.ident, metrics, weights)
        self.resume.wait(HOLD_S)
        with self.hold:  # waits for a while_paused that has begun
            self.paused = False

    def run(self) -> None:  # on the TensorFlow thread
        self.started.emit(self.ident)
        try:
            with TF_LOCK:
                from core.training import Trainer

                self._trainer = Trainer(self.recipe, [_Relay(self)],
                                        batch_every=self.batch_every)
                if self._stop.is_set():  # stop() came before the trainer existed
                    self._trainer.stop()
                result = self._trainer.run()
        except Exception as exc:
            self.errored.emit(self.ident, describe(exc))
        else:
            self.finished.emit(self.ident, result)
        finally:
            self.ended.set()


class _Relay:
    """A core.training.Observer by its four hooks (importing that class would import Keras
    with this module, before the window shows) that turns reports into the job's signals."""

    def __init__(self, job: _Job):
        self.job = job

    def on_train_begin(self, recipe, batches) -> None: ...

    def on_train_end(self, result) -> None: ...

    def on_batch(self, progress) -> None:
        self.job.batch.emit(self.job.ident, progress)

    def on_epoch(self, metrics, model) -> None:
        self.job.report_epoch(metrics, model.get_weights())


class TrainingRunner(QObject):
    started = Signal()
    batch = Signal(object)  # core.training.BatchProgress
    epoch = Signal(object, object)  # EpochMetrics, list of numpy weight arrays
    finished = Signal(object)  # core.training.TrainResult
    errored = Signal(str)

    _ids = itertools.count(1)

    def __init__(self, parent: QObject | None = None, batch_every: int = BATCH_EVERY):
        super().__init__(parent)
        self.batch_every = batch_every
        self._pause = False
        self._job: _Job | None = None

    @property
    def pause_after_epoch(self) -> bool:
        """Whether the training thread waits after each epoch report for while_paused."""
        return self._pause

    @pause_after_epoch.setter
    def pause_after_epoch(self, on: bool) -> None:
        self._pause = bool(on)
        if self._job is not None:
            self._job.pause_after_epoch = self._pause
            if not on:
                self._job.resume.set()

    def while_paused(self, fn) -> bool:
        """Run fn() now (GUI thread) while the training thread waits after its epoch report,
        then let it go on. False (fn not run) if it is not waiting."""
        job = self._job
        if job is None:
            return False
        try:
            with job.hold:
                if not job.paused:
                    return False
                fn()
                return True
        finally:
            job.resume.set()

    def start(self, recipe: Recipe) -> None:
        """Train `recipe` on the TensorFlow thread; RuntimeError if a run is in progress."""
        if self.is_running():
            raise RuntimeError("a training run is already in progress")
        ensure_tensorflow()
        job = _Job(next(self._ids), recipe, self.batch_every)
        job.pause_after_epoch = self._pause
        job.started.connect(self._on_started)
        job.batch.connect(self._on_batch)
        job.epoch.connect(self._on_epoch)
        job.finished.connect(self._on_finished)
        job.errored.connect(self._on_errored)
        self._job = job
        tf_thread().start(job.run)

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

    @Slot(int, object)
    def _on_batch(self, ident: int, progress) -> None:
        if self._current(ident):
            self.batch.emit(progress)

    @Slot(int, object, object)
    def _on_epoch(self, ident: int, metrics, weights) -> None:
        if self._current(ident):
            self.epoch.emit(metrics, weights)

    @Slot(int, object)
    def _on_finished(self, ident: int, result) -> None:
        if self._current(ident):
            self.wait()  # the job ends right after this report
            self.finished.emit(result)

    @Slot(int, str)
    def _on_errored(self, ident: int, message: str) -> None:
        if self._current(ident):
            self.wait()
            self.errored.emit(message)
