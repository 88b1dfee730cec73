"""Live training plots: loss (log scale) and accuracy, redrawn from buffers by a timer.

Batch and epoch reports only append to lists; a QTimer calls setData at most every
REFRESH_MS while a run is going, so a fast trainer cannot flood the GUI with repaints.
The x axis is in epochs: a batch report lands at epoch + batch / batches.
Moving the mouse over either plot shows the numbers of the nearest epoch in `readout`.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

REFRESH_MS = 33  # ~30 redraws a second at most
MIN_LOSS = 1e-8  # the log axis cannot show 0

pg.setConfigOptions(antialias=True, background="w", foreground="#3d4852")

# name: (plot, legend title, colour, width, symbol); held-out curves are dashed, so that one
# lying exactly on its training twin still shows
CURVES = {
    "batch_loss": ("loss", "loss (batches)", "#9db7d8", 1, None),
    "loss": ("loss", "training loss", "#1f5fbf", 3, "o"),
    "heldout_loss": ("loss", "held-out loss", "#e8710a", 2, "s"),
    "exact": ("accuracy", "exact match", "#1a7f37", 3, "o"),
    "heldout_exact": ("accuracy", "held-out exact", "#e8710a", 2, "s"),
    "bit_accuracy": ("accuracy", "mean bit accuracy", "#8250df", 2.5, "t"),
}


def _plot(name: str, title: str, y_label: str, legend_at: tuple[int, int]) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setObjectName(name)
    plot.setTitle(title, size="12pt")
    plot.setLabel("bottom", "epoch")
    plot.setLabel("left", y_label)
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.setMouseEnabled(x=True, y=False)
    plot.setMenuEnabled(False)
    plot.addLegend(offset=legend_at, labelTextSize="10pt", brush=(255, 255, 255, 210),
                   pen="#d0d7de")
    font = QFont()
    font.setPointSize(10)
    for side in ("left", "bottom"):
        plot.getAxis(side).setTickFont(font)
        plot.getAxis(side).enableAutoSIPrefix(False)
    return plot


class TrainingPlots(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.loss_plot = _plot("loss_plot", "Loss", "loss (log scale)", (-12, 12))
        self.loss_plot.setLogMode(y=True)
        self.accuracy_plot = _plot("accuracy_plot", "Accuracy", "fraction right", (-12, -12))
        self.accuracy_plot.setYRange(0, 1.02, padding=0)
        self.accuracy_plot.setXLink(self.loss_plot)
        self.readout = QLabel("Move the mouse over a plot to read its values.")
        self.readout.setObjectName("plot_readout")
        self.readout.setStyleSheet("color: #57606a")
        self.readout.setWordWrap(True)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._cursors = []
        for plot in (self.loss_plot, self.accuracy_plot):
            cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#bbb", width=1))
            cursor.setVisible(False)
            plot.addItem(cursor, ignoreBounds=True)
            self._cursors.append(cursor)
        self.loss_plot.scene().sigMouseMoved.connect(self._on_loss_hover)
        self.accuracy_plot.scene().sigMouseMoved.connect(self._on_accuracy_hover)
        for key, (where, title, colour, width, symbol) in CURVES.items():
            plot = self.loss_plot if where == "loss" else self.accuracy_plot
            style = {"symbol": symbol, "symbolSize": 6, "symbolBrush": colour,
                     "symbolPen": None} if symbol else {}
            dash = Qt.PenStyle.DashLine if key.startswith("heldout") else Qt.PenStyle.SolidLine
            pen = pg.mkPen(colour, width=width, style=dash)
            curve = plot.plot([], [], name=title, pen=pen, **style)
            self.curves[key] = curve
        self.curves["batch_loss"].setDownsampling(auto=True, method="peak")
        self.curves["batch_loss"].setClipToView(True)
        self.curves["batch_loss"].setZValue(-1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.flush)
        self.clear()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_plot, 1)
        layout.addWidget(self.accuracy_plot, 1)
        layout.addWidget(self.readout)

    # -- data -------------------------------------------------------------------------------

    def clear(self) -> None:
        self.data: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in CURVES}
        self._epochs: list = []
        self._dirty = True
        self.flush()

    def add_batch(self, progress) -> None:
        """A core.training.BatchProgress."""
        x = progress.epoch + progress.batch / progress.batches
        self._append("batch_loss", x, progress.loss, log=True)

    def add_epoch(self, metrics) -> None:
        """A core.training.EpochMetrics."""
        self._epochs.append(metrics)
        x = metrics.epoch
        self._append("loss", x, metrics.loss, log=True)
        self._append("heldout_loss", x, metrics.heldout_loss, log=True)
        self._append("exact", x, metrics.exact)
        self._append("heldout_exact", x, metrics.heldout_exact)
        bits = metrics.bit_accuracy
        self._append("bit_accuracy", x, sum(bits) / len(bits) if bits else None)

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
            self.readout.setText(self.readout_at(view.mapSceneToView(pos).x()))

    def readout_at(self, x: float) -> str:
        """The values of the epoch nearest to x (in epochs), as one line."""
        if not self._epochs:
            return "No epoch finished yet."
        m = min(self._epochs, key=lambda e: abs(e.epoch - x))
        for cursor in self._cursors:
            cursor.setPos(m.epoch)
            cursor.setVisible(True)
        parts = [f"epoch {m.epoch}", f"loss {m.loss:.4g}"]
        if m.heldout_loss is not None:
            parts.append(f"held-out loss {m.heldout_loss:.4g}")
        parts.append(f"exact {m.exact:.2%}")
        if m.heldout_exact is not None:
            parts.append(f"held-out exact {m.heldout_exact:.2%}")
        if m.bit_accuracy:
            parts.append(f"bit accuracy {sum(m.bit_accuracy) / len(m.bit_accuracy):.2%}")
        parts.append(f"{m.elapsed:.1f} s")
        return "  ·  ".join(parts)
