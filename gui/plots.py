"""Live training plots: loss (log scale) and accuracy, redrawn from buffers by a timer.

Batch and epoch reports only append to lists; a QTimer calls setData at most every
REFRESH_MS while a run is going, so a fast trainer cannot flood the GUI with repaints.
The x axis is in epochs: a batch report lands at epoch + batch / batches, and a finished
epoch k at x = k exactly. An epoch a stop cuts short has no epoch point (core reports no
metrics for it), only its batches, the last one where the run stopped (batch 15 of 26 of the
first epoch: x = 0.58); `mark_stopped` draws a dashed line there.
Moving the mouse over either plot shows the numbers of the nearest epoch in `readout`.
The legends sit in a row under each plot, outside the data, so they never hide a point.
`mark_epoch` draws a solid line at the epoch the timeline stands on (gui.replay), and
`show_history` plots a model's recorded epochs (a model file's history) in place of a run.
Its words (titles, axes, legends, the readout, the marks) follow the language (gui.i18n).
The epoch axis labels whole epochs only; an empty plot spans epochs 0 to 1; a curve of only
a few points (the batches before a stop in epoch 1) draws them as dots; the epoch the timeline
stands on is named in the loss plot's title, above the plot, where it covers no curve and no
stop mark.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import fields

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from lstm_adder.core.training import EpochMetrics

REFRESH_MS = 33  # ~30 redraws a second at most
MIN_LOSS = 1e-8  # the log axis cannot show 0
MIN_LABELS = 2  # the loss axis labels at least this many values, however narrow its range
MAX_DIGITS = 6  # the most significant digits a loss tick label is given
ACCURACY_RANGE = (-0.08, 1.08)  # room for the labels of 0 and 1 at the ends
MIN_LABEL_GAP = 18  # pixels between two loss labels (10-point text is about 14 high)
READOUT_HINT = QT_TRANSLATE_NOOP("TrainingPlots", "Move the mouse over a plot to read its values.")
FEW_POINTS = 12  # a curve of at most this many points draws each one as a dot too
EMPTY_EPOCHS = (0.0, 1.0)  # the x range of an empty plot
EMPTY_LOSS = (-2.0, 0.0)  # its loss range (log10: 0.01 to 1)
STOP_PEN = pg.mkPen("#9a6700", width=1.5, style=Qt.PenStyle.DashLine)
EPOCH_PEN = pg.mkPen("#1f2933", width=1.5)  # the epoch the timeline stands on

pg.setConfigOptions(antialias=True, background="w", foreground="#3d4852")

# name: (plot, legend title, colour, width, symbol); held-out curves are dashed, so that one
# lying exactly on its training twin still shows
CURVES = {
    "batch_loss": ("loss", QT_TRANSLATE_NOOP("TrainingPlots", "loss (batches)"), "#9db7d8", 1,
                   None),
    "loss": ("loss", QT_TRANSLATE_NOOP("TrainingPlots", "training loss"), "#1f5fbf", 3, "o"),
    "heldout_loss": ("loss", QT_TRANSLATE_NOOP("TrainingPlots", "held-out loss"), "#e8710a", 2,
                     "s"),
    "exact": ("accuracy", QT_TRANSLATE_NOOP("TrainingPlots", "exact match"), "#1a7f37", 3, "o"),
    "heldout_exact": ("accuracy", QT_TRANSLATE_NOOP("TrainingPlots", "held-out exact"),
                      "#e8710a", 2, "s"),
    "bit_accuracy": ("accuracy", QT_TRANSLATE_NOOP("TrainingPlots", "mean bit accuracy"),
                     "#8250df", 2.5, "t"),
}


class LossAxis(pg.AxisItem):
    """A log axis that labels at least MIN_LABELS values, however narrow the range.

    pyqtgraph labels a log axis at the decades and at 2..9 times a decade, so a loss that
    stays between 0.69 and 0.70 (a network still guessing) got no label at all. When fewer
    than MIN_LABELS of those are in view, this axis labels evenly spaced losses instead
    (0.692, 0.694, ...), placed on the log scale and written with as many digits as it takes
    to tell them apart. And the 2..9 labels crowd at the top of a decade (0.7, 0.8, 0.9 a few
    pixels apart on a short axis): those closer than MIN_LABEL_GAP to a kept one are left out.
    """

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802, N803
        levels = super().tickValues(minVal, maxVal, size)
        if not self.logMode:
            return levels
        low, high = sorted((minVal, maxVal))
        if high > low:
            levels = _thinned(levels, MIN_LABEL_GAP * (high - low) / max(size, 1.0))
        labelled = [v for v in levels[0][1] if low <= v <= high] if levels else []
        if len(labelled) >= MIN_LABELS:
            return levels
        return self._even_levels(10.0 ** low, 10.0 ** high, size)

    def _even_levels(self, low: float, high: float, size: float) -> list:
        """One level of ticks evenly spaced in loss (as on a linear axis), as log10 values.
        pyqtgraph's spacing leaves at least 2.25 intervals in the range: two ticks or more."""
        spacings = self.tickSpacing(low, high, size)
        if not spacings:
            return []
        spacing = spacings[0][0]
        first = math.ceil(low / spacing) * spacing
        count = int((high - first) / spacing + 1e-9) + 1
        values = [first + i * spacing for i in range(count)]
        return [(None, [math.log10(v) for v in values if v > 0])]

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        """pyqtgraph's one-digit labels, or more digits where one digit would repeat."""
        strings = super().logTickStrings(values, scale, spacing)
        losses = [10.0 ** v * scale for v in values]
        digits = 2
        while len(set(strings)) < len(strings) and digits <= MAX_DIGITS:
            strings = [f"{loss:#.{digits}g}" for loss in losses]  # '#': keep 0.690's 0
            digits += 1
        return strings


class EpochAxis(pg.AxisItem):
    """An epoch axis labelled at whole epochs only (never 0.5, 1.5), at least every epoch."""

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802, N803
        levels = []
        for spacing, values in super().tickValues(minVal, maxVal, size):
            if spacing >= 1 and float(spacing).is_integer():
                levels.append((spacing, [v for v in values if float(v).is_integer()]))
        if levels:
            return levels
        low, high = sorted((minVal, maxVal))
        return [(1.0, [float(v) for v in range(math.ceil(low), math.floor(high) + 1)])]


def _thinned(levels: list, gap: float) -> list:
    """`levels` with each 2..9 tick (a level of spacing None) closer than `gap` (in axis
    units) to one kept before it left out; the decades are all kept, and the others give way
    to them."""
    kept = [v for spacing, values in levels if spacing is not None for v in values]
    result = []
    for spacing, values in levels:
        if spacing is None:
            far = []
            for value in sorted(values):
                if all(abs(value - other) >= gap for other in kept):
                    far.append(value)
                    kept.append(value)
            values = far
        result.append((spacing, values))
    return result


def _plot(name: str, axis: pg.AxisItem | None = None) -> pg.PlotWidget:
    """A plot of epochs, titled and labelled by TrainingPlots.retranslate."""
    axes = {"bottom": EpochAxis("bottom")}
    if axis is not None:
        axes["left"] = axis
    plot = pg.PlotWidget(axisItems=axes)
    plot.setObjectName(name)
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.setMouseEnabled(x=True, y=False)
    plot.setMenuEnabled(False)
    font = QFont()
    font.setPointSize(10)
    for side in ("left", "bottom"):
        plot.getAxis(side).setTickFont(font)
        plot.getAxis(side).enableAutoSIPrefix(False)
    return plot


def _legend(plot: pg.PlotWidget) -> pg.LegendItem:
    """A legend row under the plot's x axis: outside the data, so it never hides a point.
    (PlotItem's grid layout has rows 0-3: title, top axis, view, bottom axis.)"""
    legend = pg.LegendItem(colCount=len(CURVES), labelTextSize="10pt", frame=False)
    layout = plot.getPlotItem().layout
    layout.addItem(legend, 4, 1)
    legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    layout.setAlignment(legend, Qt.AlignmentFlag.AlignLeft)
    return legend


def _position(progress) -> float:
    """Where a core.training.BatchProgress lies on the x axis, in epochs."""
    return progress.epoch + progress.batch / progress.batches


class _Origin(pg.GraphicsObject):
    """Draws nothing; keeps x = 0 (epoch 0, the untrained model) in an auto-ranged view
    while a timeline is marked, so that the view does not jump when the mark goes there."""

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return QRectF()

    def paint(self, *args) -> None:
        pass

    def dataBounds(self, axis: int, frac=1.0, orthoRange=None):  # noqa: N802, N803
        return (0.0, 0.0) if axis == 0 else None


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _metrics(entry: dict) -> EpochMetrics | None:
    """An epoch of a model file's history, or None when the entry is not one (its
    lstm_adder.json is only checked to hold objects there)."""
    try:
        metrics = EpochMetrics(**{f.name: entry[f.name] for f in fields(EpochMetrics)
                                  if f.name in entry})
    except TypeError:
        return None
    values = [metrics.epoch, metrics.loss, metrics.exact, metrics.elapsed]
    values += [v for v in (metrics.heldout_loss, metrics.heldout_exact) if v is not None]
    bits = metrics.bit_accuracy
    fine = isinstance(bits, list) and all(_number(v) for v in values + bits)
    return metrics if fine else None


def _nearest(xs: list[float], x: float) -> int:
    """The index of the value in the sorted list xs nearest to x (xs not empty)."""
    i = bisect.bisect_left(xs, x)
    if i == len(xs) or (i > 0 and x - xs[i - 1] <= xs[i] - x):
        return i - 1
    return i


class TrainingPlots(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.loss_plot = _plot("loss_plot", LossAxis("left"))
        self.loss_plot.setLogMode(y=True)
        self.accuracy_plot = _plot("accuracy_plot")
        self.accuracy_plot.setYRange(*ACCURACY_RANGE, padding=0)
        self.accuracy_plot.setXLink(self.loss_plot)
        self._read_at: float | None = None  # where the readout was read (None: the hint)
        self.readout = QLabel()
        self.readout.setObjectName("plot_readout")
        self.readout.setStyleSheet("color: #57606a")
        self.readout.setWordWrap(True)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._cursors = [self._line(plot, pg.mkPen("#bbb", width=1))
                         for plot in (self.loss_plot, self.accuracy_plot)]
        self._stop_lines = [self._line(self.loss_plot, STOP_PEN, "stopped"),
                            self._line(self.accuracy_plot, STOP_PEN)]
        self._epoch_lines = [self._line(self.loss_plot, EPOCH_PEN),
                             self._line(self.accuracy_plot, EPOCH_PEN)]
        self._origins = [_Origin(), _Origin()]
        for plot, origin in zip((self.loss_plot, self.accuracy_plot), self._origins,
                                strict=True):
            origin.setVisible(False)
            plot.addItem(origin)
        self.loss_plot.scene().sigMouseMoved.connect(self._on_loss_hover)
        self.accuracy_plot.scene().sigMouseMoved.connect(self._on_accuracy_hover)
        self.legends = {"loss": _legend(self.loss_plot), "accuracy": _legend(self.accuracy_plot)}
        for key, (where, title, colour, width, symbol) in CURVES.items():
            plot = self.loss_plot if where == "loss" else self.accuracy_plot
            style = {"symbol": symbol, "symbolSize": 6, "symbolBrush": colour,
                     "symbolPen": None} if symbol else {}
            dash = Qt.PenStyle.DashLine if key.startswith("heldout") else Qt.PenStyle.SolidLine
            pen = pg.mkPen(colour, width=width, style=dash)
            curve = plot.plot([], [], name=title, pen=pen, **style)
            self.legends[where].addItem(curve, title)
            self.curves[key] = curve
        self._dots = {"symbol": "o", "symbolSize": 4, "symbolBrush": CURVES["batch_loss"][2],
                      "symbolPen": None}
        self.curves["batch_loss"].setDownsampling(auto=True, method="peak")
        self.curves["batch_loss"].setClipToView(True)
        self.curves["batch_loss"].setZValue(-1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.flush)
        self.clear()
        self.retranslate()

        self.figure = QWidget()  # both plots, without the readout: what Export figure saves
        figure = QVBoxLayout(self.figure)
        figure.setContentsMargins(0, 0, 0, 0)
        figure.addWidget(self.loss_plot, 1)
        figure.addWidget(self.accuracy_plot, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.figure, 1)
        layout.addWidget(self.readout)

    # -- words ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every word of the plots in the language on show."""
        # the axes' own setLabel: PlotItem.setLabel would show an empty plot's hidden axes
        self.loss_plot.getAxis("left").setLabel(self.tr("loss (log scale)"))
        self.accuracy_plot.getAxis("left").setLabel(self.tr("fraction right"))
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getAxis("bottom").setLabel(self.tr("epoch"))
        self.accuracy_plot.setTitle(self.tr("Accuracy"), size="12pt")
        self._show_title()
        for where, legend in self.legends.items():
            titles = [title for key, (plot, title, *_) in CURVES.items() if plot == where]
            for (_, label), title in zip(legend.items, titles, strict=True):
                label.setText(self.tr(title))
        self._stop_lines[0].label.setFormat(self.tr("stopped"))
        self.readout.setText(self.tr(READOUT_HINT) if self._read_at is None
                             else self.readout_at(self._read_at))

    def _show_title(self) -> None:
        """The loss plot's title, naming the epoch the timeline stands on: above the plot,
        where the name covers no curve and no stop mark."""
        epoch = self.marked_epoch
        title = self.tr("Loss") if epoch is None else self.tr("Loss · epoch {0}").format(
            int(epoch))
        self.loss_plot.setTitle(title, size="12pt")

    @staticmethod
    def _line(plot: pg.PlotWidget, pen, label: str | None = None) -> pg.InfiniteLine:
        """A hidden vertical line across `plot` (the hover cursor, the stop mark, the epoch
        on the timeline); `label`, if any, left of the line near the top."""
        options = {"position": 0.92, "color": pen.color(), "anchors": [(1, 0), (1, 0)]}
        line = pg.InfiniteLine(angle=90, movable=False, pen=pen, label=label,
                               labelOpts=options if label else None)
        line.setVisible(False)
        plot.addItem(line, ignoreBounds=True)
        return line

    # -- data -------------------------------------------------------------------------------

    def clear(self) -> None:
        """Empty the plots, the stop mark and the readout for a new run."""
        self.data: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in CURVES}
        self._epochs: list = []
        self.stopped_at: float | None = None  # where mark_stopped put the stop
        self._read_at = None
        self.readout.setText(self.tr(READOUT_HINT))
        self._show_cursor(None)
        for line in self._stop_lines:
            line.setVisible(False)
        self._dirty = True
        self.flush()

    def add_batch(self, progress) -> None:
        """A core.training.BatchProgress."""
        self._append("batch_loss", _position(progress), progress.loss, log=True)

    def add_epoch(self, metrics) -> None:
        """A core.training.EpochMetrics, plotted at x = metrics.epoch (a whole number: the
        x of an epoch never depends on when or how often batches were reported)."""
        x = float(metrics.epoch)
        self._epochs.append(metrics)
        self._append("loss", x, metrics.loss, log=True)
        self._append("heldout_loss", x, metrics.heldout_loss, log=True)
        self._append("exact", x, metrics.exact)
        self._append("heldout_exact", x, metrics.heldout_exact)
        bits = metrics.bit_accuracy
        self._append("bit_accuracy", x, sum(bits) / len(bits) if bits else None)

    def show_history(self, history: list[dict]) -> None:
        """Plot a model's recorded epochs (EpochMetrics.to_dict() each) instead of a run;
        entries that are not epochs are left out."""
        self.clear()
        for metrics in filter(None, map(_metrics, history)):
            self.add_epoch(metrics)
        self.flush()

    def mark_epoch(self, epoch: int | None) -> None:
        """A solid line at `epoch` in both plots (None: none); the plots then show epoch
        0 too, wherever the line is."""
        for line in self._epoch_lines:
            line.setVisible(epoch is not None)  # first: a hidden line's label skips updates
            if epoch is not None:
                line.setPos(float(epoch))
        for origin in self._origins:
            origin.setVisible(epoch is not None)
        self._show_title()

    @property
    def marked_epoch(self) -> float | None:
        """Where the epoch line is, or None."""
        line = self._epoch_lines[0]
        return line.value() if line.isVisible() else None

    def mark_stopped(self, progress) -> None:
        """The run stopped at `progress` (a core.training.BatchProgress, or a position in
        epochs): a dashed line marks the place in both plots until the next clear()."""
        x = float(progress) if isinstance(progress, int | float) else _position(progress)
        self.stopped_at = x
        for line in self._stop_lines:
            line.setPos(x)
            line.setVisible(True)

    def _append(self, key: str, x: float, y: float | None, log: bool = False) -> None:
        if y is None or not math.isfinite(y):
            return
        xs, ys = self.data[key]
        xs.append(x)
        ys.append(max(y, MIN_LOSS) if log else y)
        self._dirty = True

    @property
    def epochs(self) -> list:
        """The EpochMetrics of the run on show."""
        return list(self._epochs)

    @property
    def epoch_positions(self) -> list[float]:
        """Where each of `epochs` is plotted on the x axis."""
        return [float(m.epoch) for m in self._epochs]

    def points(self, key: str) -> int:
        """How many points the curve `key` has on screen (after the last redraw)."""
        x, _ = self.curves[key].getData()
        return 0 if x is None else len(x)

    # -- redrawing --------------------------------------------------------------------------

    def start(self) -> None:
        """Redraw from the buffers on a timer (call when a run starts)."""
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer after one last redraw (call when a run ends)."""
        self._timer.stop()
        self.flush()

    @property
    def refreshing(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def flush(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        for key, curve in self.curves.items():
            curve.setData(*self.data[key])
        batches = self.data["batch_loss"][0]
        few = 0 < len(batches) <= FEW_POINTS  # a stop in epoch 1: its batches as dots
        self.curves["batch_loss"].setSymbol(self._dots["symbol"] if few else None)
        if few:
            self.curves["batch_loss"].setSymbolSize(self._dots["symbolSize"])
            self.curves["batch_loss"].setSymbolBrush(self._dots["symbolBrush"])
            self.curves["batch_loss"].setSymbolPen(self._dots["symbolPen"])
        shown = any(xs for xs, _ in self.data.values())
        for plot in (self.loss_plot, self.accuracy_plot):  # no axes around nothing
            for side in ("left", "bottom"):
                plot.showAxis(side, shown)
        if shown:
            self.loss_plot.enableAutoRange(x=True, y=True)
            self.loss_plot.getPlotItem().vb.updateAutoRange()  # now, not at the next paint
        else:  # an empty plot spans epochs 0 to 1, not pyqtgraph's default
            self.loss_plot.setXRange(*EMPTY_EPOCHS, padding=0)
            self.loss_plot.setYRange(*EMPTY_LOSS, padding=0)

    # -- hover readout ----------------------------------------------------------------------

    @Slot(QPointF)
    def _on_loss_hover(self, pos: QPointF) -> None:
        self._hover(self.loss_plot, pos)

    @Slot(QPointF)
    def _on_accuracy_hover(self, pos: QPointF) -> None:
        self._hover(self.accuracy_plot, pos)

    def _hover(self, plot: pg.PlotWidget, pos: QPointF) -> None:
        view = plot.getPlotItem().vb
        if view.sceneBoundingRect().contains(pos):
            self._read_at = view.mapSceneToView(pos).x()
            self.readout.setText(self.readout_at(self._read_at))

    def _show_cursor(self, x: float | None) -> None:
        for cursor in self._cursors:
            if x is not None:
                cursor.setPos(x)
            cursor.setVisible(x is not None)

    def readout_at(self, x: float) -> str:
        """The values of the epoch nearest to x (in epochs), as one line; before the first
        epoch ends, or past the last one towards where a stop cut the run short, the batch
        loss nearest to x."""
        positions = self.epoch_positions
        if not positions or (self.stopped_at is not None and
                             x - positions[-1] > self.stopped_at - x):
            return self._batch_readout_at(x)
        i = _nearest(positions, x)
        m = self._epochs[i]
        self._show_cursor(positions[i])
        parts = [self.tr("epoch {0}").format(m.epoch),
                 self.tr("loss {0:.4g}").format(m.loss)]
        if m.heldout_loss is not None:
            parts.append(self.tr("held-out loss {0:.4g}").format(m.heldout_loss))
        parts.append(self.tr("exact {0:.2%}").format(m.exact))
        if m.heldout_exact is not None:
            parts.append(self.tr("held-out exact {0:.2%}").format(m.heldout_exact))
        if m.bit_accuracy:
            parts.append(self.tr("bit accuracy {0:.2%}").format(
                sum(m.bit_accuracy) / len(m.bit_accuracy)))
        parts.append(self.tr("{0:.1f} s").format(m.elapsed))
        return "  ·  ".join(parts)

    def _batch_readout_at(self, x: float) -> str:
        xs, ys = self.data["batch_loss"]
        if not xs:
            return self.tr("No epoch finished yet.")
        i = _nearest(xs, x)
        self._show_cursor(xs[i])
        if self.stopped_at is not None and xs[i] > (self.epoch_positions or [0.0])[-1]:
            state = (self.tr("stopped here") if i == len(xs) - 1
                     else self.tr("an epoch the stop cut short"))
        else:
            state = (self.tr("no epoch finished yet") if not self._epochs
                     else self.tr("epoch in progress"))
        return self.tr("epoch {0:.2f}  ·  batch loss {1:.4g}  ·  {2}").format(xs[i], ys[i], state)
