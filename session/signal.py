"""A signal without Qt: a list of callbacks, called in order, on the thread that emits.

    changed = Signal()
    changed.connect(view.refresh)
    changed.emit()          # view.refresh() runs now

The session emits only on the thread it lives on (the GUI thread in the app): its executor
delivers background results there, so a callback may touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable


class Signal:
    """Callbacks to call with the arguments of each `emit`."""

    def __init__(self):
        self._callbacks: list[Callable] = []

    def connect(self, callback: Callable) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args) -> None:
        for callback in list(self._callbacks):
            callback(*args)
