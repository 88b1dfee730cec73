"""The Insight tab's state view: h and c of every unit after every step for one pair, and, for
a carry (paired-lsb) model, the unit that carries drawn against the true carry.

The view draws what core.insight computes (cell_states re-runs one pair, numpy, a fraction of
a millisecond on the GUI thread; the CarryUnit comes from the tab's background work). Row u
and step t of each image are centred on whole numbers: the unit axis picks its own spacing
for the room it has, so its labels never crowd, and each step is labelled with what it reads,
every step or every k-th one if they would touch (33 steps of a 32-bit sum in 150 pixels).
The carry plot is drawn only once the carry unit is known; until then the title says why it
is missing (a CarryWait). A click on a unit's row says `unit_clicked(unit)` (the Insight tab
knocks it out, core.ablation). On a switch of language (gui.i18n) the view renders the pair on show
again in the new words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lstm_adder.core import insight
from lstm_adder.core.engine import Engine
from lstm_adder.gui.i18n import Retranslating

STATE_COLORS = "CET-D1"  # diverging: blue negative, white zero, red positive
CARRY_COLOR, TRUE_CARRY_COLOR = "#ffb000", "#bdbdbd"
CARRY_PEN = pg.mkPen(CARRY_COLOR, width=2)
TRUE_CARRY_PEN = pg.mkPen(TRUE_CARRY_COLOR, width=2, style=Qt.PenStyle.DashLine)
LABEL_GAP = 6  # pixels between two step labels
MIN_HEIGHT = 120
H_TITLE = QT_TRANSLATE_NOOP("StateView", "h (hidden state)")
C_TITLE = QT_TRANSLATE_NOOP("StateView", "c (cell state)")
STATE_TITLES = {"h": H_TITLE, "c": C_TITLE}  # an image for each state a cell names (core.cells)


class CarryWait(Enum):
    """Why the carry unit is not on show (yet); its value is what the title says."""

    FINDING = QT_TRANSLATE_NOOP("StateView", "finding the carry unit…")
    AFTER_TRAINING = QT_TRANSLATE_NOOP("StateView",
                                       "the carry unit is looked for once training ends")
    FAILED = QT_TRANSLATE_NOOP("StateView", "the carry unit could not be found")
    ON_THE_MODEL = QT_TRANSLATE_NOOP("StateView",
                                     "the carry unit is looked for in the model itself")


@dataclass(frozen=True)
class _Shown:
    """What show_pair was asked to show, to render again in other words."""

    engine: Engine
    a: int
    b: int
    carry: object  # core.insight.CarryUnit, or None
    wait: CarryWait
    own_bits: int


def static_plot(plot: pg.PlotItem) -> pg.PlotItem:
    """A plot that is looked at, not navigated; its axes never scale their numbers (no
    "a (x0.001)")."""
    plot.setMouseEnabled(False, False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    for side in ("left", "bottom"):
        plot.getAxis(side).enableAutoSIPrefix(False)
    return plot


def show_axes(plot: pg.PlotItem, on: bool) -> None:
    """Axes only around something to read: an empty plot shows none."""
    for side in ("left", "bottom"):
        plot.showAxis(side, on)


def every(count: int, most: int) -> int:
    """Label every k-th of `count` positions, so that at most `most` are labelled."""
    return max(1, -(-count // max(1, most)))


class _RowAxis(pg.AxisItem):
    """Unit numbers: pyqtgraph's spacing for the room on screen, whole numbers only."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        levels = [(spacing, [v for v in values if float(v).is_integer()])
                  for spacing, values in super().tickValues(minVal, maxVal, size)
                  if spacing >= 1]
        if not levels:
            low, high = sorted((minVal, maxVal))
            levels = [(1, [float(v) for v in range(int(np.ceil(low)), int(high) + 1)])]
        return levels


class _StepAxis(pg.AxisItem):
    """What each step reads, under it: every step, or every k-th one where they would touch
    in the room on screen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.labels: list[str] = []

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        steps = len(self.labels)
        if not steps or maxVal <= minVal:
            return []
        metrics = QFontMetrics(self.style.get("tickFont") or self.font())
        widest = max(metrics.horizontalAdvance(line) for label in self.labels
                     for line in label.split("\n"))
        room = size / (maxVal - minVal)  # pixels per step
        k = every(steps, int(steps * room / (widest + LABEL_GAP)))
        return [(k, [float(t) for t in range(0, steps, k)])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [self.labels[int(v)] if 0 <= int(v) < len(self.labels) else "" for v in values]


class _StateImage(pg.ImageItem):
    """A state image that says which row (unit) a left click landed on."""

    clicked = Signal(int)

    def mouseClickEvent(self, ev):  # noqa: N802 - pyqtgraph's name
        if ev.button() == Qt.MouseButton.LeftButton and self.image is not None:
            row = int(np.floor(ev.pos().y()))
            if 0 <= row < self.image.shape[0]:
                ev.accept()
                self.clicked.emit(row)


class _Heatmap:
    """One units x steps state image with its colour bar, step labels and a row marker."""

    def __init__(self, plot: pg.PlotItem, title: str):
        self.plot = static_plot(plot)
        self._title = title  # marked with QT_TRANSLATE_NOOP("StateView", …)
        plot.invertY(True)
        self.image = _StateImage(axisOrder="row-major")
        plot.addItem(self.image)
        self.steps: _StepAxis = plot.getAxis("bottom")
        self.bar = pg.ColorBarItem(values=(-1, 1), colorMap=pg.colormap.get(STATE_COLORS),
                                   interactive=False, width=10, colorMapMenu=False)
        self.bar.setImageItem(self.image, insert_in=plot)
        self.marker = pg.PlotDataItem(pen=CARRY_PEN)
        plot.addItem(self.marker)
        plot.getAxis("bottom").setHeight(48)
        self.retranslate()

    def retranslate(self) -> None:
        self.plot.setTitle(QCoreApplication.translate("StateView", self._title))
        self.plot.setLabel("left", QCoreApplication.translate("StateView", "unit"))

    def show(self, values: np.ndarray, labels: list[str], marked: int | None) -> None:
        top = max(1.0, float(np.abs(values).max()))
        units, steps = values.shape
        self.image.setImage(values, autoLevels=False)
        self.image.setRect(QRectF(-0.5, -0.5, steps, units))
        self.bar.setLevels((-top, top))
        # the ends and zero only: the bar of a short heatmap has room for three labels
        self.bar.axis.setTicks([[(v, f"{v:.2g}") for v in (-top, 0.0, top)]])
        self.steps.labels = labels
        self.steps.picture = None  # redraw the labels
        self.steps.update()
        self.plot.setRange(xRange=(-0.5, steps - 0.5), yRange=(-0.5, units - 0.5), padding=0)
        if marked is None:
            self.marker.setData([], [])
        else:
            low, high, right = marked - 0.5, marked + 0.5, steps - 0.5
            self.marker.setData([-0.5, right, right, -0.5, -0.5], [low, low, high, high, low])
        self.bar.setVisible(True)
        show_axes(self.plot, True)

    def clear(self) -> None:
        self.image.clear()
        self.marker.setData([], [])
        self.bar.setVisible(False)
        show_axes(self.plot, False)


class StateView(Retranslating, QWidget):
    """A title line over the h image, the c image and (for a carry model) the carry plot."""

    unit_clicked = Signal(int)  # a unit's row clicked in either image

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self._view = pg.GraphicsLayoutWidget()
        self._view.setMinimumHeight(MIN_HEIGHT)
        self._maps = {
            state: _Heatmap(self._view.addPlot(row=0, col=col, axisItems={
                "left": _RowAxis("left"), "bottom": _StepAxis("bottom")}), title)
            for col, (state, title) in enumerate(STATE_TITLES.items())}
        for view in self._maps.values():
            view.image.clicked.connect(self.unit_clicked)
        self.trace = static_plot(self._view.addPlot(row=0, col=len(self._maps)))
        self._shown: _Shown | None = None
        self._trace_unit = self.trace.plot([], [], pen=CARRY_PEN, symbol="o",
                                           symbolBrush=CARRY_COLOR)
        self._trace_true = self.trace.plot([], [], pen=TRUE_CARRY_PEN, symbol="t",
                                           symbolBrush=TRUE_CARRY_COLOR)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self._view, 1)
        self.retranslate()

    def images(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The state images on show (units x steps; h and c for an LSTM), or None."""
        images = tuple(view.image.image for view in self._maps.values())
        return None if images[0] is None else images

    def clear(self) -> None:
        """Nothing on show."""
        self._shown = None
        self._render()

    def show_pair(self, engine: Engine, a: int, b: int, carry, wait: CarryWait,
                  own_bits: int) -> None:
        """The states of `engine` adding a + b. `carry`: the core.insight.CarryUnit, or None
        with `wait` saying why. `own_bits`: the model's own width (the engine may run its
        weights wider)."""
        self._shown = _Shown(engine, a, b, carry, wait, own_bits)
        self._render()

    def retranslate(self) -> None:
        for view in self._maps.values():
            view.retranslate()
        self.trace.setLabel("bottom", self.tr("step"))
        self._render()

    def _render(self) -> None:
        shown = self._shown
        if shown is None:
            self._blank("")
            return
        try:
            states = insight.cell_states(shown.engine, shown.a, shown.b)
        except ValueError as exc:  # a layer this view cannot re-run
            self._blank(self.tr("cannot show the state: {reason}").format(reason=exc))
            return
        labels = states.step_labels()
        carry = shown.carry
        for name, view in self._maps.items():
            marked = carry.unit if carry is not None and carry.state == name else None
            if name in states.values:
                view.show(states.values[name], labels, marked)
            else:
                view.clear()
        self.title.setText(self._title(states, carry, shown.wait, shown.own_bits))
        self._show_carry(states if states.carries is not None else None, carry)

    def _blank(self, title: str) -> None:
        self.title.setText(title)
        for view in self._maps.values():
            view.clear()
        self._show_carry(None, None)

    def _title(self, states, carry, wait: CarryWait, own_bits: int) -> str:
        pair = {"a": states.a, "b": states.b}
        if states.bits != own_bits:
            title = self.tr("state after each step for {a} + {b} at {bits} bits "
                            "(the {own}-bit model's weights)").format(
                bits=states.bits, own=own_bits, **pair)
        else:
            title = self.tr("state after each step for {a} + {b}").format(**pair)
        if states.carries is None:
            return self.tr("{title}. Under each step: the bit it reads. In this layout the "
                           "carry has no step of its own.").format(title=title)
        if carry is None:
            return self.tr("{title} ({wait})").format(title=title, wait=self.tr(wait.value))
        unit = self.tr("unit {unit} ({state}) tracks the carry, r = {r}").format(
            unit=carry.unit, state=carry.state, r=f"{carry.r:.2f}")
        return self.tr("{title}. Under each step: a<sub>t</sub> over b<sub>t</sub>. "
                       "<b>{unit}</b> (outlined)").format(title=title, unit=unit)

    def _show_carry(self, states, carry) -> None:
        """The carry unit against the true carry out, or nothing (and no plot) without
        both."""
        shown = states is not None and carry is not None
        self.trace.setVisible(shown)
        if not shown:
            self._trace_unit.setData([], [])
            self._trace_true.setData([], [])
            return
        steps = np.arange(states.steps)
        unit = self.tr("unit {unit} ({state})").format(unit=carry.unit, state=carry.state)
        truth = self.tr("the true carry out")
        self.trace.setTitle(self.tr("{unit} against {carry}").format(
            unit=f"<span style='color:{CARRY_COLOR}'>{unit}</span>",
            carry=f"<span style='color:{TRUE_CARRY_COLOR}'>{truth}</span>"))
        self._trace_unit.setData(steps, states.values[carry.state][carry.unit])
        self._trace_true.setData(steps, states.carries.astype(float))
