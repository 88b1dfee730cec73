"""Short jobs off the GUI thread: opening model files and the engine's numpy work.

A `Task` runs `fn(cancel)` on a pool thread and reports `done(tag, result)` or
`failed(tag, message)`. Connect those signals to @Slot methods of objects that live in the
GUI thread: the call is then queued and the slot runs in the GUI thread (a lambda would run in
the pool thread). `tag` lets a receiver ignore the answer to a request it has since replaced;
`cancel` is a threading.Event the job checks (`cancel.is_set` is what core's `cancel=`
arguments take), set by whoever replaces the model the job is for.

Engine work (opening a file with h5py, judging every pair, the carry unit, wider samples) runs
on `engine_pool()`: a few threads that need no TensorFlow, so a training run on the Keras
thread (gui.worker) never blocks them. gui.worker queues its own short Keras jobs (saves) as
Tasks on its one thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThreadPool, Signal, Slot

from core.errors import ModelFileError

ENGINE_THREADS = 3  # an open never waits behind the two judgements of the model on show
POLL_S = 0.01  # wait_all: how often undelivered reports are looked for
_ENGINE_POOL: QThreadPool | None = None


def engine_pool() -> QThreadPool:
    """The pool on which opening files and numpy engine work are queued."""
    global _ENGINE_POOL
    if _ENGINE_POOL is None:
        _ENGINE_POOL = QThreadPool()
        _ENGINE_POOL.setObjectName("engine")
        _ENGINE_POOL.setMaxThreadCount(ENGINE_THREADS)
    return _ENGINE_POOL


def describe(exc: BaseException) -> str:
    """One line for the user: core's messages as they are, anything else with its type."""
    if isinstance(exc, ModelFileError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class Task(QObject):
    """`fn(cancel)` on a pool thread (the engine pool unless another is given)."""

    done = Signal(object, object)  # tag, result
    failed = Signal(object, str)  # tag, one-line message
    _ended = Signal()

    _alive: set[Task] = set()  # started and not yet reported, kept from the garbage collector

    def __init__(self, fn: Callable[[threading.Event], object], tag: object = None,
                 pool: QThreadPool | None = None):
        super().__init__()
        self.fn, self.tag = fn, tag
        self.pool = pool or engine_pool()
        self.cancel = threading.Event()
        self.ran = threading.Event()  # set on the pool thread once fn has returned or raised
        self._ended.connect(self._forget)

    @classmethod
    def launch(cls, fn: Callable[[threading.Event], object], tag: object, done, failed,
               pool: QThreadPool | None = None) -> Task:
        """Start `fn` with `done` and `failed` connected (@Slot methods of GUI-thread
        objects, so that they run in the GUI thread)."""
        task = cls(fn, tag, pool)
        task.done.connect(done)
        task.failed.connect(failed)
        return task.start()

    def start(self) -> Task:
        Task._alive.add(self)
        self.pool.start(self._run)
        return self

    def _run(self) -> None:  # on the pool thread
        try:
            result = self.fn(self.cancel)
        except Exception as exc:  # reported to the GUI, never lost in a thread
            self.ran.set()
            self.failed.emit(self.tag, describe(exc))
        else:
            self.ran.set()
            self.done.emit(self.tag, result)
        self._ended.emit()

    @Slot()
    def _forget(self) -> None:
        Task._alive.discard(self)

    @classmethod
    def running(cls) -> int:
        return len(cls._alive)

    @classmethod
    def cancel_all(cls) -> None:
        for task in list(cls._alive):
            task.cancel.set()

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
