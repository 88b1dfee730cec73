"""What the Insight tab knows about one engine: where it goes wrong, the unit that carries,
and how far it stretches.

Three stages run one after the other through the executor, each once per engine (what is
found is kept while the engine lives):

    report   every pair judged (session.reports.judged: one pass, shared with the calculator)
    carry    the unit whose state tracks the carry (core.insight.carry_unit; carry models)
    widths   the same weights on 8- to 64-bit numbers (core.insight.width_table; carry models)

Showing another engine cancels the work for the one before, and a late answer is dropped.
While a training run is watched nothing is computed: the trainer's own judgement of the epoch
is shown, and the rest waits for the trained model.

Signals: `shown()` another engine (or none) is on show, so views clear and draw what is
already known; `stage_done(stage)` a stage's answer is in `found`; `computed()` the engine's
insight is complete, or `failed` says why it is not.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import partial

from lstm_adder.core import insight
from lstm_adder.core.engine import TABLE_MAX_BITS, Engine
from lstm_adder.core.evaluation import Report
from lstm_adder.session.executor import Executor, Handle
from lstm_adder.session.reports import judged, report_for
from lstm_adder.session.signal import Signal


@dataclass
class Found:
    """What has been computed for one engine."""

    report: Report | None = None
    carry: insight.CarryUnit | None = None
    widths: list[insight.WidthRow] | None = None


def _carry(engine: Engine, cancel):
    return insight.carry_unit(engine, min(engine.bits, TABLE_MAX_BITS), cancel.is_set)


def _widths(engine: Engine, cancel):
    rows = insight.width_table(engine, stop=cancel.is_set)
    return None if cancel.is_set() else rows


WORK = {"report": judged, "carry": _carry, "widths": _widths}  # in the order they run


class Insight:
    """The engine the Insight tab looks at, and what is known about it."""

    def __init__(self, executor: Executor):
        self.executor = executor
        self.engine: Engine | None = None
        self.found = Found()
        self.epoch: int | None = None  # the epoch of a watched run on show
        self.replayed = False  # that epoch is replayed from a timeline, not the run's newest
        self.failed = ""  # why the work for the engine on show failed
        self._kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> Found
        self._job = 0  # tags the work for the engine on show; older answers are dropped
        self._handle: Handle | None = None
        self._stage: str | None = None  # the stage being computed
        self.shown = Signal()
        self.stage_done = Signal()  # (stage)
        self.computed = Signal()

    @property
    def watching(self) -> bool:
        """Whether a training run's epoch is on show."""
        return self.epoch is not None

    @property
    def busy(self) -> bool:
        """True while the insight of the engine on show is being computed."""
        return self._stage is not None

    def show(self, engine: Engine | None) -> None:
        """Look at `engine` (None: nothing). What was found for it before is there at once;
        the rest is computed."""
        if engine is self.engine and not self.watching:
            return
        found = Found() if engine is None else self._kept.setdefault(engine, Found())
        self.replayed = False
        if engine is not None and found.report is None:
            found.report = report_for(engine)
        self._enter(engine, found, None)
        if engine is not None:
            self._next()

    def watch(self, engine: Engine, report: Report | None, epoch: int,
              replayed: bool = False) -> None:
        """Follow a training run: `engine` holds this epoch's weights, and `report` is the
        trainer's judgement of every pair (None when it judged a sample only). `replayed`:
        an epoch from a run's timeline (session.replay), not the newest of a run going."""
        self.replayed = replayed
        self._enter(engine, Found(report), epoch)

    def stop(self) -> None:
        """Cancel the work and look at nothing more (the views keep what they show)."""
        self._cancel()
        self.engine, self.found, self.epoch, self.replayed = None, Found(), None, False

    def _enter(self, engine, found: Found, epoch: int | None) -> None:
        self._cancel()
        self.engine, self.found, self.epoch, self.failed = engine, found, epoch, ""
        self.shown.emit()

    def _cancel(self) -> None:
        self._job += 1
        self._stage = None
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _missing(self) -> str | None:
        for stage in WORK:
            if getattr(self.found, stage) is None and (
                    stage == "report" or self.engine.encoding.any_length):
                return stage
        return None

    def _next(self) -> None:
        """Start the first stage still missing, or say the insight is complete."""
        stage = self._missing()
        self._stage = stage
        if stage is None:
            self.computed.emit()
            return
        job = self._job
        self._handle = self.executor.submit(partial(WORK[stage], self.engine),
                                            partial(self._done, job, stage),
                                            partial(self._failed, job))

    def _done(self, job: int, stage: str, result) -> None:
        if job != self._job or result is None:
            return
        setattr(self.found, stage, result)
        self.stage_done.emit(stage)
        self._next()

    def _failed(self, job: int, message: str) -> None:
        if job == self._job:
            self._stage, self.failed = None, message
            self.computed.emit()
