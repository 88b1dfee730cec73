"""The automaton of the model the Insight tab looks at: core.automaton.read, off the session's
thread, once per engine.

It follows session.insight.Insight: when that shows another engine, the reading of the one
before is cancelled (a late answer is dropped), and the new engine's is there at once if it
was read before (kept while the engine lives). A reading takes a few seconds of the engine
lane, so it starts only while its page is on screen (`look(True)`): a window that never
opens the page reads nothing. While a run's live epochs are watched nothing is read either
(the run reports an epoch about as often as a reading takes): the page waits for the trained
model. A replayed epoch stands still, and is read.

    automata = Automata(session.insight)
    automata.changed.connect(view.render)
    automata.look(True)          # the page is on screen: read what is on show
    automata.reading             # core.automaton.Reading, when `state` is Stage.DONE

Signal: `changed()` whenever `state` (and with it `reading` or `failed`) changes.
"""

from __future__ import annotations

import weakref
from enum import Enum, auto
from functools import partial

from lstm_adder.core import automaton
from lstm_adder.core.automaton import MAX_STATES
from lstm_adder.session.executor import Handle
from lstm_adder.session.insight import Insight
from lstm_adder.session.signal import Signal


class Stage(Enum):
    NONE = auto()  # no model on show
    IDLE = auto()  # a model on show, not read yet (its page is not on screen)
    READING = auto()
    WAITING = auto()  # a run's live epoch is on show: read when the run ends
    DONE = auto()
    FAILED = auto()


class Automata:
    """The reading of the engine `insight` shows."""

    def __init__(self, insight: Insight, max_states: int = MAX_STATES):
        self.insight, self.max_states = insight, max_states
        self.state = Stage.NONE
        self.reading: automaton.Reading | None = None
        self.failed = ""
        self.changed = Signal()
        self._active = False
        self._kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> Reading
        self._job = 0  # tags the reading of the engine on show; older answers are dropped
        self._handle: Handle | None = None
        insight.shown.connect(self._on_shown)
        self._on_shown()

    def look(self, active: bool) -> None:
        """The page is on screen (`active`) or not; on screen, what is on show is read."""
        self._active = active
        if active and self.state is Stage.IDLE:
            self._start()

    def stop(self) -> None:
        """Cancel the reading under way (before the window closes)."""
        self._cancel()
        if self.state is Stage.READING:
            self._set(Stage.IDLE)

    def _on_shown(self) -> None:
        self._cancel()
        engine, self.reading, self.failed = self.insight.engine, None, ""
        if engine is None:
            self._set(Stage.NONE)
        elif engine in self._kept:
            self.reading = self._kept[engine]
            self._set(Stage.DONE)
        elif self.insight.watching and not self.insight.replayed:
            self._set(Stage.WAITING)
        elif self._active:
            self._start()
        else:
            self._set(Stage.IDLE)

    def _start(self) -> None:
        engine, job = self.insight.engine, self._job
        self._set(Stage.READING)
        work = partial(_read, engine, self.max_states)
        handle = self.insight.executor.submit(work, partial(self._done, job, engine),
                                              partial(self._failed, job))
        if self.state is Stage.READING and job == self._job:  # not answered at once
            self._handle = handle

    def _done(self, job: int, engine, reading) -> None:
        if job != self._job or reading is None:
            return
        self._handle = None
        self._kept[engine] = self.reading = reading
        self._set(Stage.DONE)

    def _failed(self, job: int, message: str) -> None:
        if job == self._job:
            self._handle, self.failed = None, message
            self._set(Stage.FAILED)

    def _cancel(self) -> None:
        self._job += 1
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _set(self, state: Stage) -> None:
        self.state = state
        self.changed.emit()


def _read(engine, max_states: int, cancel):
    return automaton.read(engine, max_states, cancel=cancel.is_set)
