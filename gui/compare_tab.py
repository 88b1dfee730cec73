"""The Compare tab: two open models side by side, pair by pair.

Pick A and B from the window's model list (A starts as the model on show, B as another open
model), or open a file for either side. The tab shows each model's error map at the width
they are compared at, and between them the difference map: every pair in the colour of its
set (both right, only A right, only B right, both wrong), with each set's count in the
legend. Below, the exact match and the accuracy of each output bit, A's bar beside B's, and
both training curves on one plot when the models recorded them. Hovering over any map names
the pair and what each model says; clicking sends the pair to the calculator.

The comparison is the session's (session.comparing.Comparing: computed on the engine lane,
each model judged once); the tab only draws it, again in the new words on a switch of
language. A is blue and B orange wherever the two are drawn (core.compare's colours).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lstm_adder.core.compare import RGB, Agreement, Comparison
from lstm_adder.core.engine import TABLE_MAX_BITS
from lstm_adder.core.evaluation import SAMPLE_SEED
from lstm_adder.gui.error_map import ErrorMap
from lstm_adder.gui.i18n import Retranslating, translated
from lstm_adder.gui.plots import EpochAxis, LossAxis
from lstm_adder.gui.state_view import every, show_axes, static_plot
from lstm_adder.session.comparing import Comparing

SIDES = ("A", "B")
SIDE_COLOURS = (Agreement.ONLY_A.colour, Agreement.ONLY_B.colour)  # A blue, B orange
SET_NAMES = {
    Agreement.BOTH_RIGHT: QT_TRANSLATE_NOOP("CompareTab", "both right"),
    Agreement.ONLY_A: QT_TRANSLATE_NOOP("CompareTab", "only A right"),
    Agreement.ONLY_B: QT_TRANSLATE_NOOP("CompareTab", "only B right"),
    Agreement.BOTH_WRONG: QT_TRANSLATE_NOOP("CompareTab", "both wrong"),
}
MODEL_FILTER = QT_TRANSLATE_NOOP("CompareTab",
                                 "Keras models (*.keras *.h5 *.hdf5);;All files (*)")
HOVER_HINT = QT_TRANSLATE_NOOP(
    "CompareTab", "hover over a map to see a pair; click to send it to the calculator")
MAX_BIT_LABELS = 9  # labels under the accuracy bars, at most
EXACT_GAP = 0.5  # between the exact-match bars and the first bit's
SWATCH = 14  # pixels
MAP_MIN_SIZE = (200, 200)  # three maps side by side fit a 900-pixel window


class DifferenceMap(ErrorMap):
    """The error map's view of every pair, each in the colour of its set (no colour bar:
    the tab's legend says what each colour means)."""

    def show_kinds(self, kinds: np.ndarray, title: str) -> None:
        """Draw `kinds` (2^n x 2^n Agreement values, row a) in core.compare's colours."""
        self.empty(title)
        self.image_item.setLookupTable(None)  # the colour bar's map: these are colours
        self.image_item.setImage(RGB[kinds], autoLevels=False)
        self.image_item.setLevels((0, 255))  # setImage keeps the levels of wrong bits
        show_axes(self.plot, True)
        side = kinds.shape[0]
        self.plot.setRange(xRange=(0, side), yRange=(0, side), padding=0)


def _swatch(colour: tuple[int, int, int]) -> QLabel:
    swatch = QLabel()
    swatch.setFixedSize(SWATCH, SWATCH)
    swatch.setStyleSheet(f"background: rgb{colour}; border: 1px solid #1f2933")
    return swatch


class CompareTab(Retranslating, QWidget):
    """Two models' error maps, their difference map, accuracies and curves."""

    pair_clicked = Signal(int, int)
    computed = Signal()  # a comparison is in (or refused, or failed)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = Comparing(session)
        self._build()
        self.retranslate()
        session.models_changed.connect(self._on_models_changed)
        self.model.changed.connect(self._on_changed)

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.choosers, self.open_buttons, self._side_labels = [], [], []
        top = QHBoxLayout()
        for side in range(2):
            label = QLabel()
            box = QComboBox()
            box.setObjectName(f"compare_{SIDES[side].lower()}")
            box.setMinimumContentsLength(12)
            box.currentIndexChanged.connect(self._on_chosen)
            button = QPushButton()
            button.clicked.connect(lambda _checked=False, s=side: self.choose_file(s))
            top.addWidget(label)
            top.addWidget(box, 1)
            top.addWidget(button)
            self._side_labels.append(label)
            self.choosers.append(box)
            self.open_buttons.append(button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.maps = [ErrorMap(), ErrorMap()]
        self.difference_map = DifferenceMap()
        maps = QHBoxLayout()
        for view in (self.maps[0], self.difference_map, self.maps[1]):
            view.setMinimumSize(*MAP_MIN_SIZE)
            view.hovered.connect(self._on_hovered)
            view.left.connect(self._on_left)
            view.clicked.connect(self.pair_clicked)
            maps.addWidget(view, 1)
        self.hover = QLabel()
        self.hover.setWordWrap(True)

        legend = QGridLayout()
        self.set_labels: dict[Agreement, QLabel] = {}
        for row, kind in enumerate(Agreement):
            legend.addWidget(_swatch(kind.colour), row, 0)
            self.set_labels[kind] = QLabel()
            legend.addWidget(self.set_labels[kind], row, 1)
        legend.setRowStretch(len(Agreement), 1)

        self._bars_view = pg.PlotWidget()
        bars = static_plot(self._bars_view.getPlotItem())
        self._bars = [pg.BarGraphItem(x=[], height=[], width=0.38, brush=pg.mkBrush(colour))
                      for colour in SIDE_COLOURS]
        for item in self._bars:
            bars.addItem(item)
        self._curves_view = pg.PlotWidget(axisItems={"left": LossAxis("left"),
                                                     "bottom": EpochAxis("bottom")})
        curves = static_plot(self._curves_view.getPlotItem())
        curves.setLogMode(y=True)
        self._curve_legend = curves.addLegend(offset=(-10, 10))
        self._curves = [curves.plot([], [], pen=pg.mkPen(colour, width=2), name=side)
                        for colour, side in zip(SIDE_COLOURS, SIDES, strict=True)]

        lower = QHBoxLayout()
        lower.addLayout(legend)
        lower.addWidget(self._bars_view, 1)
        lower.addWidget(self._curves_view, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(maps, 3)
        layout.addWidget(self.hover)
        layout.addLayout(lower, 2)

    # --- choosing -----------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Compare only once the tab is looked at: A the model on show, B another."""
        super().showEvent(event)
        self._fill_in()

    @Slot()
    def choose_file(self, side: int) -> None:
        """Ask for a model file to open for A (0) or B (1)."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a model to compare"), "",
                                              self.tr(MODEL_FILTER))
        if path:
            self.model.open(side, path)

    def _fill_in(self) -> None:
        """A side with no model takes the default one (when there is one)."""
        a, b = self.model.a, self.model.b
        if a is None or b is None:
            first, second = self.model.defaults()
            a = a or first
            b = b or next((m for m in (second, first) if m is not None and m is not a), None)
            self.model.choose(a, b)

    @Slot(int)
    def _on_chosen(self, _index: int) -> None:
        models = self.session.models
        chosen = [models[box.currentIndex()] if 0 <= box.currentIndex() < len(models)
                  else None for box in self.choosers]
        self.model.choose(*chosen)

    def _on_models_changed(self) -> None:
        self._show_choices()
        if self.isVisible():
            self._fill_in()

    def _show_choices(self) -> None:
        """The session's models in both boxes, the chosen ones selected."""
        models = self.session.models
        for box, entry in zip(self.choosers, (self.model.a, self.model.b), strict=True):
            box.blockSignals(True)
            while box.count() > len(models):
                box.removeItem(box.count() - 1)
            for index, model in enumerate(models):
                if index == box.count():
                    box.addItem("")
                box.setItemText(index, translated(model.list_text()))
            box.setCurrentIndex(models.index(entry) if entry in models else -1)
            box.blockSignals(False)

    # --- drawing ------------------------------------------------------------------------

    def retranslate(self) -> None:
        for side, (label, button) in enumerate(zip(self._side_labels, self.open_buttons,
                                                   strict=True)):
            label.setText(self.tr("{side}:").format(side=SIDES[side]))
            button.setText(self.tr("Open…"))
            button.setToolTip(self.tr("Open a model file as {side}").format(side=SIDES[side]))
        self._bars_view.getPlotItem().setTitle(self.tr("exact match and per-bit accuracy"))
        self._curves_view.getPlotItem().getAxis("bottom").setLabel(self.tr("epoch"))
        self._on_changed(emit=False)

    def _on_changed(self, emit: bool = True) -> None:
        """The comparison, or why there is none, drawn afresh in the words of the moment."""
        self._show_choices()
        model, result = self.model, self.model.result
        self._clear()
        if result is not None:
            self._show(result)
        elif model.problem:
            self.summary.setText(translated(model.problem))
        elif model.busy:
            self.summary.setText(self.tr("comparing A and B…"))
        elif model.a is None or model.b is None:
            self.summary.setText(self.tr("Open two models to compare them pair by pair: "
                                         "choose one for A and one for B."))
        if emit and not model.busy:
            self.computed.emit()

    def _clear(self) -> None:
        for side, view in enumerate(self.maps):
            view.empty(self._map_title(side))
        self.difference_map.empty(self.tr("where they differ"))
        self.hover.setText("")
        for kind, label in self.set_labels.items():
            label.setText(self._set_name(kind))
        for bars in self._bars:
            bars.setOpts(x=[], y0=0, height=[])
        show_axes(self._bars_view.getPlotItem(), False)
        for line in self._curves:
            line.setData([], [])
        self._curve_legend.setVisible(False)
        show_axes(self._curves_view.getPlotItem(), False)
        self._curves_view.getPlotItem().setTitle(self.tr("training loss (log scale)"))

    def _set_name(self, kind: Agreement) -> str:
        name = SET_NAMES[kind]
        return self.tr(name)

    def _map_title(self, side: int) -> str:
        return self.tr("{side}: wrong bits").format(side=SIDES[side])

    def _show(self, result: Comparison) -> None:
        scope = self.tr("all {count} pairs") if result.everything else self.tr(
            "{count} random pairs (seed {seed})")
        self.summary.setText(self.tr("compared at {bits} bits on {scope}").format(
            bits=result.bits, scope=scope.format(count=f"{result.count:,}", seed=SAMPLE_SEED)))
        counts = result.counts
        for kind, label in self.set_labels.items():
            label.setText(self.tr("{name}: {count} ({share})").format(
                name=self._set_name(kind), count=f"{counts[kind]:,}",
                share=f"{result.share(kind):.2%}"))
        if result.everything:
            for side, report in enumerate((result.a, result.b)):
                self.maps[side].show_matrix(report.matrix(), self._map_title(side))
            self.difference_map.show_kinds(result.matrix(), self.tr("where they differ"))
            self.hover.setText(self.tr(HOVER_HINT))
        else:
            title = self.tr("no map: it shows every pair, so at most {bits}-bit models")
            for view in (*self.maps, self.difference_map):
                view.set_title(title.format(bits=TABLE_MAX_BITS))
        self._show_bars(result)
        self._show_curves(result)

    def _show_bars(self, result: Comparison) -> None:
        """Exact match first, then each output bit, most significant first: A's bar left of
        B's. Zoomed in on the top of the scale, where fair models differ."""
        a, b = result.a, result.b
        values = [np.concatenate([[r.exact], r.bit_accuracy[::-1]]) for r in (a, b)]
        low = max(0.0, min(0.9, np.floor(min(v.min() for v in values) * 20) / 20 - 0.05))
        bits = np.arange(result.bits, -1, -1)  # the output bits, most significant first
        positions = np.concatenate([[0.0], np.arange(1, len(bits) + 1) + EXACT_GAP])
        for side, (bars, heights) in enumerate(zip(self._bars, values, strict=True)):
            bars.setOpts(x=positions + (side - 0.5) * 0.4, y0=low, height=heights - low)
        plot = self._bars_view.getPlotItem()
        plot.setYRange(low, 1, padding=0.02)
        plot.getAxis("left").setTicks([[(v, f"{v:.2f}") for v in (low, 1.0)]])
        k = every(len(bits), MAX_BIT_LABELS - 1)
        ticks = [(0.0, self.tr("exact"))] + [(p, f"2^{bit}") for p, bit in
                                             zip(positions[1:], bits, strict=True)
                                             if bit % k == 0]
        plot.getAxis("bottom").setTicks([ticks])
        show_axes(plot, True)

    def _show_curves(self, result: Comparison) -> None:
        plot = self._curves_view.getPlotItem()
        drawn = [line for line in result.curves if line is not None]
        for item, line in zip(self._curves, result.curves, strict=True):
            if line is not None:
                item.setData(line.epochs, np.maximum(line.loss, 1e-8))
        self._curve_legend.setVisible(bool(drawn))
        show_axes(plot, bool(drawn))
        missing = [side for side, line in zip(SIDES, result.curves, strict=True)
                   if line is None]
        if len(missing) == 2:
            plot.setTitle(self.tr("training loss: neither model records its training"))
        elif missing:
            plot.setTitle(self.tr("training loss (log scale); {side} records no "
                                  "training").format(side=missing[0]))

    # --- hover --------------------------------------------------------------------------

    @Slot(int, int)
    def _on_hovered(self, x: int, y: int) -> None:
        result = self.model.result
        if result is not None and result.everything:
            self.hover.setText(self.pair_text(x, y))

    def pair_text(self, x: int, y: int) -> str:
        """'12 + 35 = 47: A says 47 ✓, B says 39 ✗ (only A right)'."""
        kind, said = self.model.result.at(x, y)
        name = self._set_name(kind)
        if said is None:
            return self.tr("{a} + {b} = {sum} ({set})").format(a=x, b=y, sum=x + y, set=name)
        return self.tr("{a} + {b} = {sum}: A says {sa} {ma}, B says {sb} {mb} ({set})").format(
            a=x, b=y, sum=said.true, sa=said.a_says, ma=_mark(said.a_says == said.true),
            sb=said.b_says, mb=_mark(said.b_says == said.true), set=name)

    @Slot()
    def _on_left(self) -> None:
        result = self.model.result
        self.hover.setText(self.tr(HOVER_HINT) if result is not None and result.everything
                           else "")

    def shutdown(self) -> None:
        """Cancel the work (call before the window closes)."""
        self.model.stop()


def _mark(right: bool) -> str:
    return "✓" if right else "✗"
