"""The model on show: its engine at the width chosen, its judgement, and the pair it answers.

What the calculator renders. `show(model)` puts a model on show at its own width; a carry
(paired-lsb) model may then run at 16 or 32 bits (`set_width`: the same weights, the same
engine each time). The engine on show is judged once in the background (session.reports, so
the Insight map and the model list share the pass), after which `next_wrong` and
`previous_wrong` step the pair through its mistakes (core.evaluation.Report). A training
run's epoch, watched as it trains or replayed from its timeline, is shown as `watched`: it
keeps its own width and is not judged here (the trainer judged it, or the timeline does:
`take_report`).

Signals: `shown_changed()` another model, engine or message; `judged()` the engine's `report`
is in, or judging failed (`message` says why); `answered()` the `pair` or its `answer`.
"""

from __future__ import annotations

from functools import partial

from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import Report
from lstm_adder.session.executor import Executor, Handle
from lstm_adder.session.open_models import OpenModel
from lstm_adder.session.reports import judged, report_for
from lstm_adder.session.signal import Signal
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words

WIDER = (16, 32)  # widths a carry model can be run at, besides its own
LOADING = Words(QT_TRANSLATE_NOOP("session", "Loading model…"))


class OnShow:
    def __init__(self, executor: Executor, message: str = LOADING):
        self.executor = executor
        self.model: OpenModel | None = None
        self.engine: Engine | None = None  # `model` at the width on show
        self.watched = False  # `model` is a training run's epoch (watched or replayed)
        self.report: Report | None = None  # the engine's judgement, once made
        self.message = message  # why nothing is on show, or a note on what is
        self.pair = (0, 0)
        self.answer = None  # core.engine.Answer: `engine` on `pair`
        self._judging: Handle | None = None
        self.shown_changed, self.judged, self.answered = Signal(), Signal(), Signal()

    def show(self, model: OpenModel | None, message: str = "", watched: bool = False) -> None:
        """Answer with `model` at its own width from now on (None: nothing, saying
        `message`). `watched`: a training run's epoch, with `message` as its note."""
        self.watched = watched
        self._put(model, None if model is None else model.engine, message)

    def widths(self) -> list[int]:
        """The widths the model can run at: its own first, then wider ones for a carry
        model (not for a run's epoch)."""
        if self.model is None:
            return []
        wider = self.model.engine.can_widen and not self.watched
        return [self.model.bits] + [w for w in WIDER if wider and w > self.model.bits]

    def set_width(self, bits: int) -> None:
        """Run the model at `bits`, one of widths(); ValueError for a width it cannot take."""
        if self.model is None:
            return
        if bits not in self.widths():
            raise ValueError(f"this model cannot run at {bits} bits")
        engine = self.model.at_width(bits)
        if engine is not self.engine:
            self._put(self.model, engine, "")

    def take_report(self, engine: Engine, report: Report, message: str | None = None) -> None:
        """`engine`'s judgement, made elsewhere (a replayed epoch's), and a new `message`:
        kept if `engine` is still on show."""
        if engine is self.engine:
            self.report = report
            if message is not None:
                self.message = message
            self.judged.emit()

    def close(self) -> None:
        if self._judging is not None:
            self._judging.cancel()
            self._judging = None

    def _put(self, model: OpenModel | None, engine: Engine | None, message: str) -> None:
        self.close()
        self.model, self.engine, self.message = model, engine, message
        self.report = None if engine is None else report_for(engine)
        self.shown_changed.emit()
        self.set_pair(*self.pair)  # held within the new range
        if engine is not None and self.report is None and not self.watched:
            self._judging = self.executor.submit(partial(judged, engine),
                                                 partial(self._judged, engine),
                                                 partial(self._judge_failed, engine))

    def _judged(self, engine: Engine, report: Report | None) -> None:
        if engine is self.engine and report is not None:
            self._judging, self.report = None, report
            self.judged.emit()

    def _judge_failed(self, engine: Engine, message: str) -> None:
        if engine is self.engine:
            self._judging, self.message = None, Words(QT_TRANSLATE_NOOP(
                "session", "Could not judge the pairs: {0}"), message)
            self.judged.emit()

    # -- the pair -------------------------------------------------------------------------

    def set_pair(self, a: int, b: int) -> None:
        """Answer a + b, each held within the engine's range (0 to 2^n - 1)."""
        if self.engine is None:
            self.pair, self.answer = (a, b), None
        else:
            top = self.engine.max_operand
            self.pair = (min(max(a, 0), top), min(max(b, 0), top))
            self.answer = self.engine.answer(*self.pair)
        self.answered.emit()

    def next_wrong(self) -> bool:
        """Move to the next pair the engine gets wrong, in (a, b) order, wrapping round;
        False while none is known (not judged yet, or nothing wrong)."""
        return self._step(Report.next_wrong)

    def previous_wrong(self) -> bool:
        return self._step(Report.previous_wrong)

    def _step(self, find) -> bool:
        pair = None if self.report is None else find(self.report, *self.pair)
        if pair is not None:
            self.set_pair(*pair)
        return pair is not None

    def wrong_position(self) -> int | None:
        """1-based place of the pair among the wrong pairs (None if it is right)."""
        return None if self.report is None else self.report.wrong_position(*self.pair)
