"""Short jobs off the GUI thread: loading TensorFlow and models, finding the wrong pairs.

A `Task` runs a function on the TensorFlow thread and reports `done(tag, result)` or
`failed(tag, message)`. Connect those signals to @Slot methods of objects that live in the GUI
thread: the call is then queued and the slot runs in the GUI thread (a lambda would run in the
pool thread). `tag` lets a receiver ignore the answer to a request it has since replaced.

The TensorFlow thread (`tf_thread()`): one long-lived pool thread that does all the app's
TensorFlow work off the GUI thread, tasks and training runs (gui.worker) alike, one after the
other. Keras does not promise that building, tracing, fitting or assigning models in two
threads at once is safe, and here it is not: a model built on one pool thread, trained on
another and compiled on the first again crashed or hung the interpreter every time (with
PySide6 6.12 / TensorFlow 2.21 / Python 3.11). TF_LOCK covers the rest: the GUI thread takes
it before such work of its own (load_model and friends), and the training job holds it for a
whole run. Calling an already compiled Adder (the calculator's answers) needs no lock.

TensorFlow itself is imported on the GUI thread (`ensure_tensorflow`, called by Task.start and
TrainingRunner.start): imported on a pool thread, it crashed or hung the interpreter later on,
every time. See also gui.pyside_fix.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThreadPool, Signal, Slot

from core.quiet import import_tensorflow
from core.storage import ModelFileError
from gui import pyside_fix

pyside_fix.apply()  # before this module starts any thread

TF_LOCK = threading.RLock()  # one thread at a time builds, traces, trains or assigns models
_TF_THREAD: QThreadPool | None = None


def tf_thread() -> QThreadPool:
    """The pool of one thread, never retired, on which all TensorFlow work is queued."""
    global _TF_THREAD
    if _TF_THREAD is None:
        _TF_THREAD = QThreadPool()
        _TF_THREAD.setObjectName("tensorflow")
        _TF_THREAD.setMaxThreadCount(1)
        _TF_THREAD.setExpiryTimeout(-1)
    return _TF_THREAD


def ensure_tensorflow() -> None:
    """Import TensorFlow, quietly, on the GUI thread (at once if it is already imported)."""
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("TensorFlow must be imported on the main thread")
    import_tensorflow()


def describe(exc: BaseException) -> str:
    """One line for the user: core's messages as they are, anything else with its type."""
    if isinstance(exc, ModelFileError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class Task(QObject):
    """`fn(cancel)` on the TensorFlow thread; `cancel` is a threading.Event it may check."""

    done = Signal(object, object)  # tag, result
    failed = Signal(object, str)  # tag, one-line message
    _ended = Signal()

    _alive: set[Task] = set()  # running tasks, kept from the garbage collector

    def __init__(self, fn: Callable[[threading.Event], object], tag: object = None):
        super().__init__()
        self.fn, self.tag = fn, tag
        self.cancel = threading.Event()
        self._ended.connect(self._forget)

    @classmethod
    def launch(cls, fn: Callable[[threading.Event], object], tag: object, done,
               failed) -> Task:
        """Start `fn` with `done` and `failed` connected (@Slot methods of GUI-thread
        objects, so that they run in the GUI thread)."""
        task = cls(fn, tag)
        task.done.connect(done)
        task.failed.connect(failed)
        return task.start()

    def start(self) -> Task:
        ensure_tensorflow()
        Task._alive.add(self)
        tf_thread().start(self._run)
        return self

    def _run(self) -> None:  # on the TensorFlow thread
        try:
            with TF_LOCK:
                result = self.fn(self.cancel)
        except Exception as exc:  # reported to the GUI, never lost in a thread
            self.failed.emit(self.tag, describe(exc))
        else:
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
        """Wait for every task and deliver its report; True if none is left."""
        deadline = QDeadlineTimer(timeout_ms)
        while cls._alive and not deadline.hasExpired():
            tf_thread().waitForDone(max(1, deadline.remainingTime()))
            QCoreApplication.processEvents()  # deliver done/failed; they may start new tasks
        return not cls._alive
