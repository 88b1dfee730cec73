"""The Insight tab's gate view: every gate and state of every unit after every step, for one pair.

One units x steps image per name the cell traces (core.cells.Cell.trace: an LSTM's i, f, g, o,
c, h), side by side in one row (the page shares the tab's height with the error map), each
with the step labels under it (what the step reads) and, for a paired-lsb model, a strip
under its units holding the true carry out of each step, so a gate that opens with the carry
is seen beside it. The values are core.insight.cell_gates: the
cell's plain step re-run for one pair (numpy, a fraction of a millisecond), on the GUI thread,
and only while the view is on screen: a pair, an epoch or a language asked for while it is
hidden is drawn when it is shown.

Colour scales are shared by kind (gui.gate_scales): gates 0…1, tanh-like values -1…1, and an
unbounded one (an LSTM's c) as wide as its largest value on show; one colour bar per kind.

Hovering reads one square into the line under the images ("gate f, unit 7, step 3: 0.93");
clicking a unit's row says which with `unit_clicked(unit)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lstm_adder.core import insight
from lstm_adder.core.engine import Engine
from lstm_adder.gui.gate_scales import Kind, kinds_of
from lstm_adder.gui.i18n import Retranslating
from lstm_adder.gui.state_view import (
    MIN_HEIGHT,
    TRUE_CARRY_COLOR,
    _RowAxis,
    _StepAxis,
    show_axes,
    static_plot,
)

CARRY_COLORS = ("#f4f4f4", TRUE_CARRY_COLOR)  # the true carry strip: 0, 1
CARRY_GAP = 0.5  # rows of space between the last unit and the carry strip
BAR_WIDTH = 10
HINT = QT_TRANSLATE_NOOP("GateView", "hover over an image to read a value; click a unit's row "
                                     "to choose the unit")
STATE_WORD = QT_TRANSLATE_NOOP("GateView", "state")
CARRY_WORD = QT_TRANSLATE_NOOP("GateView", "carry")  # beside the true carry strip
# The words a cell gives its gates (core.cells.Cell.gates), for translation only.
GATE_WORDS = (QT_TRANSLATE_NOOP("GateView", "input"), QT_TRANSLATE_NOOP("GateView", "forget"),
              QT_TRANSLATE_NOOP("GateView", "candidate"), QT_TRANSLATE_NOOP("GateView", "output"),
              QT_TRANSLATE_NOOP("GateView", "update"), QT_TRANSLATE_NOOP("GateView", "reset"))


def translate(text: str) -> str:
    return QCoreApplication.translate("GateView", text)


@dataclass(frozen=True)
class _Shown:
    """What show_pair was asked to show."""

    engine: Engine
    a: int
    b: int
    own_bits: int


class _GateAxis(_RowAxis):
    """Unit numbers, and "carry" beside the carry strip when there is one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = 0
        self.carry_at: float | None = None

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        levels = [(spacing, [v for v in values if v < self.units])
                  for spacing, values in super().tickValues(minVal, maxVal, size)]
        if self.carry_at is not None:  # in the first level, which is always labelled
            spacing, values = levels[0] if levels else (1.0, [])
            levels[:1] = [(spacing, [*values, self.carry_at])]
        return levels

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [translate(CARRY_WORD) if v == self.carry_at else str(int(v)) for v in values]


class _Image:
    """One traced name: its units x steps image, and the carry strip under it."""

    def __init__(self, plot: pg.PlotItem, name: str, gate_word: str | None):
        self.plot = static_plot(plot)
        self.name, self.gate_word = name, gate_word
        plot.invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.carry = pg.ImageItem(axisOrder="row-major")
        self.carry.setLookupTable(pg.ColorMap([0.0, 1.0], list(CARRY_COLORS)).getLookupTable(
            nPts=2))
        plot.addItem(self.image)
        plot.addItem(self.carry)
        self.rows: _GateAxis = plot.getAxis("left")
        self.steps: _StepAxis = plot.getAxis("bottom")
        plot.getAxis("bottom").setHeight(40)

    def title(self) -> str:
        word = translate(self.gate_word) if self.gate_word else translate(STATE_WORD)
        return f"{self.name} ({word})"

    def show(self, values: np.ndarray, labels: list[str], carries: np.ndarray | None,
             levels: tuple[float, float]) -> None:
        units, steps = values.shape
        self.image.setImage(values, autoLevels=False, levels=levels)
        self.image.setRect(QRectF(-0.5, -0.5, steps, units))
        bottom = units - 0.5
        if carries is None:
            self.carry.clear()
            self.rows.carry_at = None
        else:
            self.carry.setImage(carries[None, :].astype(np.float32), autoLevels=False,
                                levels=(0, 1))
            self.carry.setRect(QRectF(-0.5, units - 0.5 + CARRY_GAP, steps, 1))
            self.rows.carry_at = units + CARRY_GAP
            bottom = units + CARRY_GAP + 0.5
        self.rows.units = units
        self.rows.picture = None
        self.steps.labels = labels
        self.steps.picture = None  # redraw the labels
        self.steps.update()
        self.plot.setTitle(self.title())
        self.plot.setRange(xRange=(-0.5, steps - 0.5), yRange=(-0.5, bottom), padding=0)
        show_axes(self.plot, True)

    def clear(self) -> None:
        self.image.clear()
        self.carry.clear()
        self.plot.setTitle("")
        show_axes(self.plot, False)

    def cell_at(self, scene_pos: QPointF) -> tuple[int | None, int] | None:
        """(unit, step) under a point of the scene, unit None on the carry strip; None off
        the image."""
        values = self.image.image
        if values is None or not self.plot.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        units, steps = values.shape
        step = math.floor(point.x() + 0.5)
        if not 0 <= step < steps:
            return None
        unit = math.floor(point.y() + 0.5)
        if 0 <= unit < units:
            return unit, step
        strip = units - 0.5 + CARRY_GAP
        if self.carry.image is not None and strip <= point.y() < strip + 1:
            return None, step
        return None


class GateView(Retranslating, QWidget):
    """A title line, one image per traced name with a colour bar per kind, and a hover line."""

    unit_clicked = Signal(int)  # a unit's row was clicked, in any image

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.hover = QLabel()
        self._view = pg.GraphicsLayoutWidget()
        self._view.setMinimumHeight(MIN_HEIGHT)
        self._view.scene().sigMouseMoved.connect(self._on_moved)
        self._view.scene().sigMouseClicked.connect(self._on_clicked)
        self._images: dict[str, _Image] = {}
        self._bars: dict[Kind, pg.ColorBarItem] = {}
        self._built: tuple | None = None  # the names and kinds the grid was built for
        self._shown: _Shown | None = None
        self._trace: insight.States | None = None  # what the images hold
        self._stale = False  # asked for while hidden: drawn when shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self._view, 1)
        layout.addWidget(self.hover)
        self.retranslate()

    # --- public -------------------------------------------------------------------------

    def show_pair(self, engine: Engine, a: int, b: int, own_bits: int) -> None:
        """The gates of `engine` adding a + b (`own_bits`: the model's own width; the engine
        may run its weights wider). Drawn now if the view is on screen, else when shown."""
        shown = _Shown(engine, a, b, own_bits)
        if shown != self._shown:
            self._shown = shown
            self._refresh()

    def clear(self) -> None:
        """Nothing on show."""
        self._shown = None
        self._refresh()

    def images(self) -> dict[str, np.ndarray]:
        """The images on show, {traced name: (units, steps)}; empty when nothing is."""
        return {name: image.image.image for name, image in self._images.items()
                if image.image.image is not None}

    def carry_strip(self) -> np.ndarray | None:
        """The true carry out of each step under the images, or None."""
        image = next(iter(self._images.values()), None)
        strip = None if image is None else image.carry.image
        return None if strip is None else strip[0]

    def read(self, name: str, unit: int | None, step: int) -> str:
        """What hovering says over `unit` (None: the carry strip) and `step` of `name`."""
        trace = self._trace
        if unit is None:
            return self.tr("true carry out of step {step}: {carry}").format(
                step=step, carry=int(trace.carries[step]))
        value = f"{trace.values[name][unit, step]:.2f}"
        image = self._images[name]
        what = (self.tr("gate {name}, unit {unit}, step {step}: {value}") if image.gate_word
                else self.tr("state {name}, unit {unit}, step {step}: {value}"))
        return what.format(name=name, unit=unit, step=step, value=value)

    def retranslate(self) -> None:
        self.hover.setText(self.tr(HINT))
        self._stale = True
        self._refresh()

    # --- drawing ------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self._render()

    def _refresh(self) -> None:
        """Draw now if on screen; else remember to draw when shown."""
        self._stale = True
        if self.isVisible():
            self._render()

    def _render(self) -> None:
        self._stale = False
        self._trace = None
        self.hover.setText(self.tr(HINT))
        shown = self._shown
        if shown is None:
            self._blank("")
            return
        try:
            trace = insight.cell_gates(shown.engine, shown.a, shown.b)
        except ValueError as exc:  # a layer this view cannot re-run
            self._blank(self.tr("cannot show the gates: {reason}").format(reason=exc))
            return
        net = shown.engine.net
        kinds = kinds_of(net)
        self._build(net.cell, kinds)
        labels = trace.step_labels()
        for kind, bar in self._bars.items():
            names = [name for name in trace.values if kinds[name] is kind]
            levels = kind.levels([trace.values[name] for name in names])
            for name in names:
                self._images[name].show(trace.values[name], labels, trace.carries, levels)
            bar.setLevels(levels)
            bar.getAxis("left").setLabel(translate(kind.label))
        self._trace = trace
        self.title.setText(self._title(trace, shown.own_bits))

    def _blank(self, title: str) -> None:
        self.title.setText(title)
        for image in self._images.values():
            image.clear()
        for bar in self._bars.values():
            bar.setVisible(False)

    def _build(self, cell, kinds: dict[str, Kind]) -> None:
        """A row of plots, one per traced name, and beside them a colour bar per kind, for
        `cell` (built again only for another cell or other kinds)."""
        wanted = (cell.traced, tuple(kinds[name] for name in cell.traced), cell.gates)
        if wanted == self._built:
            for bar in self._bars.values():
                bar.setVisible(True)
            return
        self._built = wanted
        self._view.clear()
        gate_words = iter(cell.gates)
        self._images = {}
        for name in cell.traced:
            word = None if name in cell.states else next(gate_words, "")
            plot = self._view.addPlot(axisItems={"left": _GateAxis("left"),
                                                 "bottom": _StepAxis("bottom")})
            self._images[name] = _Image(plot, name, word)
        self._bars = {}
        for kind in dict.fromkeys(kinds[name] for name in cell.traced):
            bar = pg.ColorBarItem(values=(kind.low, kind.high), width=BAR_WIDTH,
                                  colorMap=pg.colormap.get(kind.colors), interactive=False,
                                  colorMapMenu=False)
            bar.setImageItem([self._images[name].image for name in cell.traced
                              if kinds[name] is kind])
            self._view.addItem(bar)
            self._bars[kind] = bar

    def _title(self, trace: insight.States, own_bits: int) -> str:
        pair = {"a": trace.a, "b": trace.b}
        if trace.bits != own_bits:
            title = self.tr("gates and states after each step for {a} + {b} at {bits} bits "
                            "(the {own}-bit model's weights)").format(
                bits=trace.bits, own=own_bits, **pair)
        else:
            title = self.tr("gates and states after each step for {a} + {b}").format(**pair)
        if trace.carries is None:
            return self.tr("{title}. Under each step: the bit it reads. In this layout the "
                           "carry has no step of its own.").format(title=title)
        return self.tr("{title}. Under each step: a<sub>t</sub> over b<sub>t</sub>; under "
                       "the units: the true carry out of each step.").format(title=title)

    # --- mouse --------------------------------------------------------------------------

    def _under(self, scene_pos) -> tuple[str, int | None, int] | None:
        """(name, unit or None on the carry strip, step) under a point of the scene."""
        if self._trace is None:
            return None
        for name, image in self._images.items():
            cell = image.cell_at(scene_pos)
            if cell is not None:
                return name, *cell
        return None

    def _on_moved(self, scene_pos) -> None:
        under = self._under(scene_pos)
        self.hover.setText(self.read(*under) if under is not None else self.tr(HINT))

    def _on_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        under = self._under(event.scenePos())
        if under is not None and under[1] is not None:
            self.unit_clicked.emit(under[1])
