"""What the Compare tab knows: two of the open models, and how they compare pair by pair.

`Comparing` holds the two models chosen, A and B (session.open_models.OpenModel, from the
session's model list), settles the width they are compared at (core.compare.common_width:
a carry model widens to the other's width; two fixed widths that differ are refused, and
`problem` says so in one line), and compares them off the session's thread, on the engine
lane: each model is judged once (session.reports.judged, the judgement the calculator, the
Insight tab and the model list share), then every pair is put in one of the four sets
(core.compare.Comparison), with each model's training curve when it has a history.

    comparing = Comparing(session)
    comparing.choose(*comparing.defaults())   # A: the model on show; B: another one open
    comparing.result.counts                   # once `changed` has said it is in

Choosing again cancels the work for the choice before, and a late answer is dropped. A model
file opened for one side (`open`) joins the session's list without being put on show.

Signal: `changed()` the choice, the answer, or why there is none changed; views render `a`,
`b`, `busy`, `result` and `problem`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from lstm_adder.core.compare import Comparison, WidthError, common_width, curve
from lstm_adder.session.executor import Handle
from lstm_adder.session.open_models import OpenModel, open_first
from lstm_adder.session.opening import CANNOT_OPEN
from lstm_adder.session.reports import judged
from lstm_adder.session.signal import Signal
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words

SIDES = ("A", "B")
TWO_WIDTHS = QT_TRANSLATE_NOOP(
    "session", "Cannot compare: A reads only {0}-bit numbers and B only {1}-bit ones; only a "
    "carry (paired-lsb) model can change width")
FAILED = QT_TRANSLATE_NOOP("session", "Could not compare: {0}")


def history_of(entry: OpenModel) -> list:
    """The epochs a model's run recorded (its timeline's, else its file's history)."""
    if entry.timeline is not None:
        return entry.timeline.history
    history = entry.info.get("history")
    return history if isinstance(history, list) else []


def _compare(a, b, curves, cancel) -> Comparison | None:
    """Both judged (once per engine, shared), then compared pair by pair."""
    reports = []
    for engine in (a, b):
        report = judged(engine, cancel)
        if report is None:
            return None
        reports.append(report)
    return Comparison.of(*reports, curves)


class Comparing:
    """Two models of a session, and their comparison (see the module's docstring)."""

    def __init__(self, session):
        self.session = session  # session.session.Session: its models, executor and error
        self.a: OpenModel | None = None
        self.b: OpenModel | None = None
        self.bits: int | None = None  # the width they are compared at
        self.result: Comparison | None = None
        self.problem = ""  # Words: why there is no result (refused, or failed)
        self._job = 0
        self._handle: Handle | None = None  # the work going, to cancel
        self._waiting = False  # its answer has not come yet
        self.changed = Signal()
        session.models_changed.connect(self._follow_list)

    @property
    def busy(self) -> bool:
        return self._waiting

    def defaults(self) -> tuple[OpenModel | None, OpenModel | None]:
        """A: the model on show; B: the newest other open model (None when there is none)."""
        models = self.session.models
        a = self.session.current if self.session.current in models else \
            (models[0] if models else None)
        others = [m for m in models if m is not a]
        return a, (others[-1] if others else None)

    def choose(self, a: OpenModel | None, b: OpenModel | None) -> None:
        """Compare `a` with `b` (either None: nothing to compare). The same two again keep
        what is computed or being computed."""
        if (a, b) == (self.a, self.b) and (self.result or self.busy or self.problem):
            return
        self._cancel()
        self.a, self.b, self.bits, self.result, self.problem = a, b, None, None, ""
        if a is not None and b is not None:
            self._start()
        self.changed.emit()

    def open(self, side: int, path) -> None:
        """Open the model file `path` for A (side 0) or B (1) in the background; it joins
        the session's list (not put on show). A file open already, unchanged, is taken."""
        entry = next((m for m in self.session.models if m.is_file(path)), None)
        if entry is not None:
            self._put(side, entry)
            return
        self.session.executor.submit(lambda cancel: open_first([Path(path)]),
                                     partial(self._opened, side),
                                     lambda message: self.session.error.emit(CANNOT_OPEN,
                                                                             message))

    def stop(self) -> None:
        """Cancel the work (the window is closing)."""
        self._cancel()

    # -- the work ---------------------------------------------------------------------------

    def _start(self) -> None:
        try:
            self.bits = common_width(self.a.engine, self.b.engine)
        except WidthError:
            self.problem = Words(TWO_WIDTHS, self.a.bits, self.b.bits)
            return
        engines = (self.a.at_width(self.bits), self.b.at_width(self.bits))
        curves = (curve(history_of(self.a)), curve(history_of(self.b)))
        job, self._waiting = self._job, True
        self._handle = self.session.executor.submit(
            partial(_compare, *engines, curves), partial(self._done, job),
            partial(self._failed, job))

    def _done(self, job: int, result: Comparison | None) -> None:
        if job != self._job or result is None:
            return
        self._waiting, self.result = False, result
        self.changed.emit()

    def _failed(self, job: int, message: str) -> None:
        if job == self._job:
            self._waiting, self.problem = False, Words(FAILED, message)
            self.changed.emit()

    def _cancel(self) -> None:
        self._job += 1
        self._waiting = False
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    # -- the model list ---------------------------------------------------------------------

    def _opened(self, side: int, entry: OpenModel) -> None:
        self.session.add(entry, select=False)
        self._put(side, next((m for m in self.session.models if m is entry), entry))

    def _put(self, side: int, entry: OpenModel) -> None:
        pair = [self.a, self.b]
        pair[side] = entry
        self.choose(*pair)

    def _follow_list(self) -> None:
        """A model opened again takes its old entry's place in the list: follow it there."""
        models = self.session.models
        pair = [self.a, self.b]
        for i, entry in enumerate(pair):
            if entry is not None and entry not in models:
                pair[i] = next((m for m in models if entry.path is not None and
                                m.path == entry.path), None)
        if pair != [self.a, self.b]:
            self.choose(*pair)
