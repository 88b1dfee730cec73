"""Short jobs off the GUI thread: opening model files, the engine's numpy work, Keras saves.

A `Task` runs `fn(cancel)` on a lane's thread and reports with two signals:
`finished(tag, result)` and `failed(tag, message)` (one line for the user; the traceback goes
to the module's logger). Connect them
to @Slot methods of objects that live in the GUI thread: the call is then queued and the slot
runs in the GUI thread (a lambda would run in the lane's thread). `tag` lets a receiver ignore
the answer to a request it has since replaced; `cancel()` sets the threading.Event the job
checks (`cancel.is_set` is what core's `cancel=` arguments take).

The work runs on the session's lanes (session.lanes), threads that Python owns:
`engine_lane()`, a few threads for work that needs no TensorFlow (opening a file with h5py,
judging every pair, the carry unit, wider samples), so a training run never blocks them;
`long_lane()` for long work without Keras (many seeds, a sweep over every unit); and
`keras_lane()`, the one thread that imports TensorFlow and calls Keras (session.run trains
there; saves that only Keras can write queue behind a run). Never a QThreadPool: see
session.lanes for the crash that taught us.

`TaskExecutor` is the session's executor (session.executor): it runs the session's jobs as
Tasks on these lanes and calls the session back in the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, Signal, Slot

from lstm_adder.core.quiet import need_tensorflow
from lstm_adder.session.executor import report_failure
from lstm_adder.session.lanes import Lane, engine_lane, lane_for

POLL_S = 0.01  # wait_all: how often undelivered reports are looked for
log = logging.getLogger(__name__)


class Task(QObject):
    """`fn(cancel)` on a lane's thread (the engine lane unless another is given)."""

    finished = Signal(object, object)  # tag, result
    failed = Signal(object, object)  # tag, one-line message (core.words.Words or str)
    _ended = Signal()

    _alive: set[Task] = set()  # started and not yet reported, kept from the garbage collector
    _long: set[Task] = set()  # the same for long jobs (a training run): wait_all skips them

    def __init__(self, fn: Callable[[threading.Event], object], tag: object = None,
                 lane: Lane | None = None, long: bool = False):
        super().__init__()
        self.fn, self.tag = fn, tag
        self._kept = Task._long if long else Task._alive
        self.lane = lane or engine_lane()
        self.cancelled = threading.Event()
        self.ran = threading.Event()  # set on the lane's thread once fn has returned or raised
        self._ended.connect(self._forget)

    @classmethod
    def launch(cls, fn: Callable[[threading.Event], object], tag: object, finished, failed,
               lane: Lane | None = None, long: bool = False) -> Task:
        """Start `fn` with `finished` and `failed` connected (@Slot methods of GUI-thread
        objects, so that they run in the GUI thread)."""
        task = cls(fn, tag, lane, long)
        task.finished.connect(finished)
        task.failed.connect(failed)
        return task.start()

    def start(self) -> Task:
        self._kept.add(self)
        self.lane.start(self._run)
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next check (any thread)."""
        self.cancelled.set()

    def _run(self) -> None:  # on the lane's thread
        try:
            result = self.fn(self.cancelled)
        except Exception as exc:  # reported to the GUI, never lost in a thread
            self.ran.set()
            self.failed.emit(self.tag, report_failure(self.fn, exc, log))
        else:
            self.ran.set()
            self.finished.emit(self.tag, result)
        self._ended.emit()

    @Slot()
    def _forget(self) -> None:
        self._kept.discard(self)

    @classmethod
    def running(cls) -> int:
        return len(cls._alive)

    @classmethod
    def cancel_all(cls) -> None:
        for task in list(cls._alive):
            task.cancel()

    @classmethod
    def wait_all(cls, timeout_ms: int = 10_000) -> bool:
        """Wait for every task and deliver its report; True if none is left. (A Keras save
        queued behind a training run waits for the run: stop it first.)"""
        deadline = QDeadlineTimer(timeout_ms)
        while cls._alive and not deadline.hasExpired():
            QCoreApplication.processEvents()  # deliver reports; they may start new tasks
            waiting = next(iter(cls._alive), None)
            if waiting is not None:
                waiting.ran.wait(POLL_S)
        QCoreApplication.processEvents()
        return not cls._alive


def with_tensorflow(fn: Callable[[threading.Event], object]):
    """`fn` with TensorFlow imported first (for the Keras lane)."""

    def run(cancel: threading.Event):
        need_tensorflow()
        return fn(cancel)

    run.__qualname__ = getattr(fn, "__qualname__", repr(fn))
    return run


class TaskExecutor(QObject):
    """session.executor.Executor on the session's lanes; callbacks run in the GUI thread
    (make it there)."""

    _posted = Signal(object)  # a callback, emitted on a lane's thread, called in this one

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._posted.connect(self._call)

    def post(self, callback) -> None:
        """Call `callback()` in the GUI thread (queued behind what the lane sent before)."""
        self._posted.emit(callback)

    @Slot(object)
    def _call(self, callback) -> None:
        callback()

    def submit(self, fn, on_done, on_failed, keras: bool = False, long: bool = False) -> Task:
        if keras:
            fn = with_tensorflow(fn)
        return Task.launch(fn, (on_done, on_failed), self._finished, self._failed,
                           lane_for(keras, long), long)

    @Slot(object, object)
    def _finished(self, callbacks, result) -> None:
        callbacks[0](result)

    @Slot(object, object)
    def _failed(self, callbacks, message: str) -> None:
        callbacks[1](message)
