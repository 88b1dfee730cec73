"""How the session runs work off its own thread without knowing which threads there are.

An `Executor` takes `fn(cancel)` (cancel: a threading.Event the work checks; core's
`cancel=` arguments take `cancel.is_set`) and later calls `on_done(result)` or
`on_failed(message)` on the session's own thread. `keras=True` asks for the one thread that
may call Keras (TensorFlow imported first); anything else is numpy or file work that any
thread may do. The handle it returns has `cancel()`.

The app passes gui.tasks.TaskExecutor (Qt thread pools); tests and scripts pass `Immediate`,
which does the work at once, on the caller's thread.

A job that fails is reported twice: `on_failed` gets one line for the user (`describe`), and
the traceback goes to this module's logger.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from lstm_adder.core.errors import ModelFileError
from lstm_adder.core.quiet import need_tensorflow

log = logging.getLogger(__name__)

Work = Callable[[threading.Event], object]


class Handle(Protocol):
    def cancel(self) -> None: ...


class Executor(Protocol):
    def submit(self, fn: Work, on_done: Callable[[object], None],
               on_failed: Callable[[str], None], keras: bool = False) -> Handle: ...


def describe(exc: BaseException) -> str:
    """One line for the user: core's messages as they are, anything else with its type."""
    if isinstance(exc, ModelFileError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def report_failure(fn, exc: BaseException, logger: logging.Logger = log) -> str:
    """Log `exc` with its traceback, as the failure of `fn`; the line for the user."""
    message = describe(exc)
    name = getattr(fn, "__qualname__", None) or repr(fn)
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

    def submit(self, fn: Work, on_done, on_failed, keras: bool = False) -> Done:
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
