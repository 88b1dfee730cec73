"""How the session runs work off its own thread without knowing which threads there are.

An `Executor` takes `fn(cancel)` (cancel: a threading.Event the work checks; core's
`cancel=` arguments take `cancel.is_set`) and later calls `on_done(result)` or
`on_failed(message)` on the session's own thread. `keras=True` asks for the one thread that
may call Keras (TensorFlow imported first: the Keras lane of session.lanes); anything else is
numpy or file work that any thread may do (the engine lane). `long=True` marks a job that
may take minutes or hours (a training run, many seeds, a sweep over every unit): it runs on a
lane of its own (session.lanes.lane_for), so that it never holds the threads that opening
and judging need, and waiting for "the background work" (tests, scripts) does not wait for
it; the job has its own stop and wait. The handle it returns has
`cancel()`. `post(callback)` calls `callback()` on the session's thread: how a long job (a
training run, session.run) reports along the way, in order with its end.

The app passes gui.tasks.TaskExecutor (the lanes, answers delivered by Qt's event loop);
scripts and tests pass `Threaded` (the same lanes, answers delivered by `deliver()`, no Qt)
or `Immediate`, which does the work at once, on the caller's thread.

A job that fails is reported twice: `on_failed` gets one line for the user (`describe`), and
the traceback goes to this module's logger.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Protocol

from lstm_adder.core.errors import InputError, ModelFileError, said
from lstm_adder.core.quiet import need_tensorflow
from lstm_adder.session.lanes import lane_for

log = logging.getLogger(__name__)

Work = Callable[[threading.Event], object]


class Handle(Protocol):
    def cancel(self) -> None: ...


class Executor(Protocol):
    def submit(self, fn: Work, on_done: Callable[[object], None],
               on_failed: Callable[[str], None], keras: bool = False,
               long: bool = False) -> Handle: ...

    def post(self, callback: Callable[[], None]) -> None: ...


def describe(exc: BaseException) -> str:
    """One line for the user: core's messages as they are (its Words, which the window shows
    in its language), anything else with its type."""
    if isinstance(exc, ModelFileError):
        return said(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def report_failure(fn, exc: BaseException, logger: logging.Logger = log) -> str:
    """Log `exc` with its traceback, as the failure of `fn`; the line for the user. Input
    that cannot be used (core's InputError: a bad model file, a bad path) is the user's to
    fix, and said to them: it is logged in one line at INFO, with no traceback on stderr."""
    message = describe(exc)
    name = getattr(fn, "__qualname__", None) or repr(fn)
    if isinstance(exc, InputError):
        logger.info("job %s refused its input: %s", name, message)
    else:
        logger.error("job %s failed: %s", name, message, exc_info=exc)
    return message


class Done:
    """The handle of a job that has ended: cancelling it does nothing."""

    def __init__(self):
        self.event = threading.Event()

    def cancel(self) -> None:
        self.event.set()


class Immediate:
    """An Executor that does the work at once, on the caller's thread (tests, scripts)."""

    def submit(self, fn: Work, on_done, on_failed, keras: bool = False,
               long: bool = False) -> Done:
        handle = Done()
        try:
            if keras:
                need_tensorflow()
            result = fn(handle.event)
        except Exception as exc:
            on_failed(report_failure(fn, exc))
        else:
            on_done(result)
        return handle

    def post(self, callback: Callable[[], None]) -> None:
        callback()


class Threaded:
    """An Executor on the session's lanes, without Qt: the work runs on the lanes' threads,
    and its answers wait in a queue until the session's thread calls `deliver()`."""

    def __init__(self):
        self._answers: queue.Queue[Callable[[], None]] = queue.Queue()
        self._open = 0  # jobs submitted whose answer has not been delivered
        self._lock = threading.Lock()

    def submit(self, fn: Work, on_done, on_failed, keras: bool = False,
               long: bool = False) -> Done:
        handle = Done()  # deliver() waits for long jobs too: a test of a run wants its end
        with self._lock:
            self._open += 1

        def job() -> None:
            try:
                if keras:
                    need_tensorflow()
                result = fn(handle.event)
            except Exception as exc:
                message = report_failure(fn, exc)
                self._answers.put(lambda: self._answer(on_failed, message))
            else:
                self._answers.put(lambda: self._answer(on_done, result))

        lane_for(keras, long).start(job)
        return handle

    def post(self, callback: Callable[[], None]) -> None:
        self._answers.put(callback)

    def _answer(self, callback, value) -> None:
        with self._lock:
            self._open -= 1
        callback(value)

    def deliver(self, timeout_s: float = 60.0) -> bool:
        """Call the waiting answers on this thread until every job has answered; False if
        some had not after `timeout_s`."""
        deadline = time.monotonic() + timeout_s
        while True:
            with self._lock:
                if self._open == 0 and self._answers.empty():
                    return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                answer = self._answers.get(timeout=min(left, 0.05))
            except queue.Empty:
                continue
            answer()
