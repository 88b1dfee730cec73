"""The Insight tab: where the model goes wrong, what it holds after each step, how far it stretches.

Three views over one model. The error map shows every pair (row a, column b) coloured by how
many sum bits the model gets wrong; hovering names the pair, clicking sends it to the
calculator. The state view shows h and c of every unit after every step for the calculator's
pair, at the calculator's width (a carry model's weights run at 16 or 32 bits there too), and,
for a paired-lsb model, the unit that carries. The width view runs the same weights on 8- to
64-bit numbers. The map, the carry unit and the width table are computed by core through
session.insight.Insight (the session's, or one of the tab's own), once per engine, and
cancelled when the model is replaced; the state view re-runs one pair on the GUI thread
(numpy, a fraction of a millisecond). The Gates page (gui.gate_view) shows every gate of the
same pair, fed with the state view. The Automaton page (gui.automaton_view) reads a carry
model as a machine of a few states, while it is open. The widgets only draw.

Nothing from the model shown before stays on screen: switching models clears the hover line,
the map and its title, the summary and the state title at once, and a view says "computing…"
only while its answer is being computed. A view with nothing to show shows no axes.

On a switch of language (gui.i18n) the tab renders what the model found again, in the new
words; each view re-sets the words it owns itself.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lstm_adder.core.engine import TABLE_MAX_BITS, Engine
from lstm_adder.gui.automaton_view import AutomatonView
from lstm_adder.gui.error_map import ErrorMap
from lstm_adder.gui.gate_view import GateView
from lstm_adder.gui.i18n import Retranslating
from lstm_adder.gui.state_view import CarryWait, StateView, every, show_axes, static_plot
from lstm_adder.gui.tasks import Task, TaskExecutor
from lstm_adder.gui.units_view import KnockoutBar, UnitsView
from lstm_adder.gui.width_view import WidthView
from lstm_adder.session.ablation import Ablation
from lstm_adder.session.automaton import Automata
from lstm_adder.session.insight import Insight

BAR_BRUSH = pg.mkBrush("#4fc3f7")
DEFAULT_PAIR = (157, 113)  # the tutorial's example, clamped to the model's range
SPLIT = [11, 9]  # the map and its side over the state view, as parts of the height
MAP_TITLE = QT_TRANSLATE_NOOP("InsightTab", "wrong bits for every pair")
HOVER_HINT = QT_TRANSLATE_NOOP(
    "InsightTab", "hover over the map to see a pair; click to send it to the calculator")
MAX_BIT_LABELS = 9  # output bits labelled under the accuracy bars


class InsightTab(Retranslating, QWidget):
    """Error map, state view and width table for the current model."""

    pair_clicked = Signal(int, int)
    computed = Signal()  # the current model's insight is complete (or failed)

    def __init__(self, model: Insight | None = None, parent=None):
        super().__init__(parent)
        self.model = model if model is not None else Insight(TaskExecutor())
        self._pair = DEFAULT_PAIR
        self._state_engine: Engine | None = None  # the engine at the calculator's width
        # a unit knocked out (the Units page, or a click on a state row) redraws the map
        self.ablation = Ablation(self.model.executor)
        self._build()
        self.retranslate()
        self.model.shown.connect(self._on_shown)
        self.model.stage_done.connect(self._on_stage_done)
        self.model.computed.connect(self._on_computed)

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.error_map = ErrorMap()
        self.error_map.hovered.connect(self._on_map_hovered)
        self.error_map.left.connect(self._on_map_left)
        self.error_map.clicked.connect(self.pair_clicked)
        self._hover = QLabel()
        self._hover.setWordWrap(True)

        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._bits_view = pg.PlotWidget()
        bits = static_plot(self._bits_view.getPlotItem())
        bits.invertX(True)  # most significant bit on the left, as numbers are written
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR_BRUSH)
        bits.addItem(self._bars)

        self.widths = WidthView()
        self._states = StateView()
        self._states.unit_clicked.connect(self.ablation.knock)
        self.units = UnitsView(self.ablation)
        self.knockout_bar = KnockoutBar(self.ablation)
        self.ablation.knocked.connect(self._on_knocked)

        map_box = QVBoxLayout()
        map_box.addWidget(self.error_map, 1)
        map_box.addWidget(self._hover)
        side = QVBoxLayout()
        side.addWidget(self._summary)
        self._bits_view.setMinimumHeight(100)
        side.addWidget(self._bits_view, 1)
        side.addWidget(self.widths, 1)
        upper = QWidget()
        column = QVBoxLayout(upper)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.knockout_bar)
        top = QHBoxLayout()
        column.addLayout(top, 1)
        top.addLayout(map_box, 1)
        top.addLayout(side, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)  # drag to give the states more room
        splitter.addWidget(upper)
        # the views of one pair and of the units, a page each (states, gates, ...)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._states, "")
        self.gates = GateView()  # every gate of the same pair, drawn while its page is shown
        self.pages.addTab(self.gates, "")
        self.gates.unit_clicked.connect(self.ablation.knock)  # as a row of the States view
        self.pages.addTab(self.units, "")
        self.automaton = AutomatonView(Automata(self.model))  # read while its page is open
        self.pages.addTab(self.automaton, "")
        splitter.addWidget(self.pages)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes(SPLIT)
        QVBoxLayout(self).addWidget(splitter)

    # --- public -------------------------------------------------------------------------

    def set_engine(self, engine: Engine | None) -> None:
        """Show `engine` (None clears). What the tab showed for the engine before is cleared
        at once; what was computed for this one before is shown at once, the rest is
        computed in the background, and the work for the engine shown before is
        cancelled."""
        self.model.show(engine)

    def show_watched(self, engine: Engine, report, epoch: int) -> None:
        """Follow a training run ("watch it learn"): `engine` holds this epoch's weights,
        and `report` is the trainer's own judgement of every pair after the epoch
        (EpochMetrics.report), or None for a model it judges on a sample only (then the map
        waits for the trained model). Nothing is computed here: the carry unit and the width
        table come with the finished model."""
        self.model.watch(engine, report, epoch)

    def shown_states(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The h and c images on show (units x steps), or None."""
        return self._states.images()

    def set_pair(self, a: int, b: int, engine: Engine | None = None) -> None:
        """Show the state for the calculator's pair. `engine`: the calculator's engine, when
        it runs the weights on show at another width (the state view follows it). Ignored if
        the pair is out of that engine's range."""
        if self.model.engine is None:  # no model yet: the pair waits for one
            self._pair = (a, b)
            return
        engine = engine or self.model.engine
        if not (0 <= a <= engine.max_operand and 0 <= b <= engine.max_operand):
            return
        self._pair, self._state_engine = (a, b), engine
        self.error_map.mark(*self._pair)
        self._show_states()

    @property
    def busy(self) -> bool:
        """True while the current model's insight is still being computed."""
        return self.model.busy

    def error_map_image(self) -> np.ndarray | None:
        """The wrong-bit matrix on screen (row a, column b), or None before it is computed."""
        report = self.model.found.report
        shown = report is not None and report.everything
        return self.error_map.image() if shown else None

    def wrong_count(self) -> int | None:
        report = self.model.found.report
        return None if report is None else report.wrong_count

    def pair_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The pair under map coordinates (x, y) = (column b, row a), or None off the map."""
        return self.error_map.pair_at(x, y) if self.error_map_image() is not None else None

    def texts(self) -> dict[str, str]:
        """What the tab says in words: the map's title, the hover line, the summary, the
        state view's title and the width note."""
        return {"title": self.error_map.title(), "hover": self._hover.text(),
                "summary": self._summary.text(), "states": self._states.title.text(),
                "widths": self.widths.note.text()}

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel this tab's work and wait for the thread pool (call before the window
        closes); True if no task is left running."""
        self.model.stop()
        self.automaton.automata.stop()
        self.ablation.stop()
        return Task.wait_all(timeout_ms)

    # --- what the model found -----------------------------------------------------------

    def retranslate(self) -> None:
        self._bits_view.getPlotItem().setTitle(self.tr("accuracy of each output bit"))
        self.pages.setTabText(self.pages.indexOf(self._states), self.tr("States"))
        self.pages.setTabText(self.pages.indexOf(self.gates), self.tr("Gates"))
        self.pages.setTabText(self.pages.indexOf(self.units), self.tr("Units"))
        self.pages.setTabText(self.pages.indexOf(self.automaton), self.tr("Automaton"))
        self._render()

    def _on_shown(self) -> None:
        """Another engine: nothing of the one before stays; what is known is drawn."""
        self._state_engine = self.model.engine
        self.ablation.show(self.model.engine)  # every unit back in
        self._render()

    def _render(self) -> None:
        """Everything the model has found so far, drawn afresh (in the words of the
        moment)."""
        engine, found = self.model.engine, self.model.found
        self._clear()
        if engine is None:
            return
        if self.model.watching:
            self._show_epoch(found.report)
            return
        limit = engine.max_operand
        self._pair = (min(self._pair[0], limit), min(self._pair[1], limit))
        if found.report is not None:
            self._show_report(self._report())
        if found.widths is not None:
            self.widths.show_rows(found.widths)
        self._show_failure()
        self._show_states()

    def _show_epoch(self, report) -> None:
        heading = (self.tr("replaying epoch {epoch}") if self.model.replayed else
                   self.tr("watching training, epoch {epoch}")).format(epoch=self.model.epoch)
        if report is not None:
            self._show_report(report)
            self._summary.setText(f"<b>{heading}</b><br>{self._summary.text()}")
        else:
            self.error_map.set_title(self.tr("no map while training: this run judges a "
                                             "sample only"))
            self._summary.setText(f"<b>{heading}</b><br>" + self.tr(
                "this run judges a sample of pairs only, so the map waits for the trained "
                "model"))
        if self.model.engine.encoding.any_length:
            self.widths.wait_for_training(self.model.replayed)
        self._show_states()

    def _on_stage_done(self, stage: str) -> None:
        if stage == "report":
            self._show_report(self._report())
        elif stage == "carry":
            self._show_states()
        else:
            self.widths.show_rows(self.model.found.widths)

    def _on_computed(self) -> None:
        if self.model.failed:
            self._show_failure()
            self._show_states()
        self.computed.emit()

    def _show_failure(self) -> None:
        """Why the insight stopped short, if it did."""
        reason = self.model.failed
        if reason:
            self._summary.setText(self.tr("could not compute: {reason}").format(reason=reason))
            if self.model.found.report is None:
                self.error_map.set_title(self.tr("wrong bits for every pair: could not "
                                                 "compute"))

    # --- drawing ------------------------------------------------------------------------

    def _clear(self) -> None:
        """Nothing of the model shown before: empty views without axes, and words that say
        what is coming (or that there is no model)."""
        model = self.model.engine is not None
        self.error_map.empty(self.tr("wrong bits for every pair: computing…") if model else "")
        self._hover.setText(self.tr(HOVER_HINT) if model else "")
        self._summary.setText(self.tr("computing…") if model else
                              self.tr("No model: open one from the File menu, or train one."))
        self._bars.setOpts(x=[], y0=0, height=[])
        show_axes(self._bits_view.getPlotItem(), False)
        self.widths.clear(model, model and self.model.engine.encoding.any_length)
        self._states.clear()
        self.gates.clear()

    def _report(self):
        """The judgement on show: the knocked-out model's while a unit is out."""
        knock = self.ablation.knockout
        return knock.report if knock is not None else self.model.found.report

    def _on_knocked(self) -> None:
        """A unit knocked out or restored: the map, the figures and the states follow."""
        if self.model.engine is None or self.model.found.report is None:
            return
        self._show_report(self._report())
        self._show_states()

    def _show_report(self, report) -> None:
        exact = self.tr("exact match {exact} of {count} pairs").format(
            exact=f"{report.exact:.2%}", count=f"{report.count:,}")
        wrong = self.tr("{wrong} wrong pairs").format(wrong=f"{report.wrong_count:,}")
        self._summary.setText(f"<b>{exact}</b><br>{wrong}")
        knock = self.ablation.knockout
        if knock is not None:
            self._summary.setText(self._summary.text() + "<br>" + self.tr(
                "unit {unit} knocked out; the intact model: {exact}").format(
                unit=knock.unit, exact=f"{knock.intact.exact:.2%}"))
        self._show_bits(report.bit_accuracy)
        if not report.everything:
            self.error_map.set_title(self.tr("no map: it shows every pair, so at most "
                                             "{bits}-bit models").format(
                bits=TABLE_MAX_BITS))
            return
        self.error_map.show_matrix(report.matrix(), self.tr(MAP_TITLE))
        side = 1 << report.bits
        self.error_map.show_broken(None if knock is None else
                                   knock.broken.reshape(side, side))
        self.error_map.mark(*self._pair)

    def _show_bits(self, accuracy: np.ndarray) -> None:
        """One bar per output bit, zoomed in on the top of the scale, where the bits of a
        fair model differ; two accuracy labels and at most MAX_BIT_LABELS bit labels, so
        that none overlaps however small the plot."""
        positions = np.arange(len(accuracy))
        low = max(0.0, min(0.9, np.floor(accuracy.min() * 20) / 20 - 0.05))
        plot = self._bits_view.getPlotItem()
        self._bars.setOpts(x=positions, y0=low, height=accuracy - low)
        plot.setYRange(low, 1, padding=0.02)
        plot.getAxis("left").setTicks([[(v, f"{v:.2f}") for v in (low, 1.0)]])
        k = every(len(positions), MAX_BIT_LABELS)
        plot.getAxis("bottom").setTicks([[(p, f"2^{p}") for p in positions if p % k == 0]])
        show_axes(plot, True)

    def _carry_wait(self) -> CarryWait:
        """Why the carry unit is not on show yet."""
        if self.model.watching:
            return CarryWait.ON_THE_MODEL if self.model.replayed else CarryWait.AFTER_TRAINING
        if self.model.failed:
            return CarryWait.FAILED
        return CarryWait.FINDING

    def _show_states(self) -> None:
        if self._state_engine is None:
            self._states.clear()
            self.gates.clear()
            return
        engine, knock = self._state_engine, self.ablation.knockout
        if knock is not None:  # the knocked-out weights, at the calculator's width
            engine = knock.engine.with_bits(engine.bits)
        self._states.show_pair(engine, *self._pair, self.model.found.carry,
                               self._carry_wait(), self.model.engine.bits)
        self.gates.show_pair(self._state_engine, *self._pair, self.model.engine.bits)

    # --- map input ----------------------------------------------------------------------

    @Slot(int, int)
    def _on_map_hovered(self, a: int, b: int) -> None:
        if self.error_map_image() is not None:
            self._hover.setText(self._pair_text(a, b))

    def _pair_text(self, a: int, b: int) -> str:
        """'157 + 113 = 270, model says 270 (right)' for one cell of the map (core's
        insight.pair_text, for the command line, in English)."""
        report = self._report()
        index = (a << report.bits) | b  # the full table's order: row a, then column b
        wrong = int(report.wrong_bits[index])
        if wrong == 0:
            verdict = self.tr("right")
        elif wrong == 1:
            verdict = self.tr("1 bit wrong")
        else:
            verdict = self.tr("{wrong} bits wrong").format(wrong=wrong)
        if report.predicted is None:  # a map alone (a replayed epoch) has no sums
            return self.tr("{a} + {b} = {sum} ({verdict})").format(
                a=a, b=b, sum=a + b, verdict=verdict)
        return self.tr("{a} + {b} = {sum}, model says {predicted} ({verdict})").format(
            a=a, b=b, sum=a + b, predicted=int(report.predicted[index]), verdict=verdict)

    @Slot()
    def _on_map_left(self) -> None:
        self._hover.setText(self.tr(HOVER_HINT))
