"""The curves of many seeds: a thin line per seed, and the mean with a band of ± one std.

Two plots, loss (log scale) and exact match, as the Training tab's own (gui.plots: the same
axes). Each seed's epochs only append to a buffer; a QTimer redraws at most every REFRESH_MS.
The mean and the band are core.seeds.band's (a seed that stopped early, exactly right, holds
its last value, so the mean after its stop still counts it); the band is a pyqtgraph
FillBetweenItem between mean - std and mean + std, held within what the axis can mean (above
0 on the log axis of loss, within 0 to 1 for exact match). Its words (titles, axes, legends)
follow the language.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from lstm_adder.core.seeds import Band, band
from lstm_adder.gui.i18n import Retranslating
from lstm_adder.gui.plots import ACCURACY_RANGE, MIN_LOSS, REFRESH_MS, LossAxis, _legend, _plot

# metric: (its colour, the plot's title)
METRICS = {"loss": ("#1f5fbf", QT_TRANSLATE_NOOP("SeedPlots", "Loss over the seeds")),
           "exact": ("#1a7f37", QT_TRANSLATE_NOOP("SeedPlots", "Exact match over the seeds"))}
LEGEND = (QT_TRANSLATE_NOOP("SeedPlots", "each seed"), QT_TRANSLATE_NOOP("SeedPlots", "mean"),
          QT_TRANSLATE_NOOP("SeedPlots", "mean ± std"))
SEED_ALPHA, BAND_ALPHA = 90, 60  # of 255: thin lines and the band let the mean stand out


class SeedPlots(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plots: dict[str, pg.PlotWidget] = {
            "loss": _plot("seed_loss_plot", LossAxis("left")),
            "exact": _plot("seed_exact_plot")}
        self.plots["loss"].setLogMode(y=True)
        self.plots["exact"].setYRange(*ACCURACY_RANGE, padding=0)
        self.plots["exact"].setXLink(self.plots["loss"])
        self.means, self.bands, self._edges, self._legends = {}, {}, {}, {}
        for name, plot in self.plots.items():
            self._build(name, plot)
        self.lines: dict[str, dict[int, pg.PlotDataItem]] = {name: {} for name in METRICS}
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.flush)
        self.clear()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for plot in self.plots.values():
            layout.addWidget(plot, 1)
        self.retranslate()

    def _build(self, name: str, plot: pg.PlotWidget) -> None:
        colour = pg.mkColor(METRICS[name][0])
        band_colour = pg.mkColor(colour)
        band_colour.setAlpha(BAND_ALPHA)
        clear = pg.mkPen(0, 0, 0, 0)  # drawn (a FillBetweenItem needs their paths), unseen
        self._edges[name] = (plot.plot([], [], pen=clear), plot.plot([], [], pen=clear))
        self.bands[name] = pg.FillBetweenItem(*self._edges[name], brush=band_colour)
        plot.addItem(self.bands[name])
        self.means[name] = plot.plot([], [], pen=pg.mkPen(colour, width=3))
        seed_colour = pg.mkColor(colour)
        seed_colour.setAlpha(SEED_ALPHA)
        self._seed_pen = {**getattr(self, "_seed_pen", {}), name: pg.mkPen(seed_colour, width=1)}
        legend = self._legends[name] = _legend(plot)
        sample = pg.PlotDataItem([], [], pen=self._seed_pen[name])
        legend.addItem(sample, "")
        legend.addItem(self.means[name], "")
        legend.addItem(pg.BarGraphItem(x=[], height=[], width=1, brush=band_colour), "")

    def retranslate(self) -> None:
        for name, plot in self.plots.items():
            _, title = METRICS[name]
            plot.setTitle(self.tr(title), size="12pt")
            plot.getAxis("bottom").setLabel(self.tr("epoch"))
            for (_, label), words in zip(self._legends[name].items, LEGEND, strict=True):
                label.setText(self.tr(words))
        self.plots["loss"].getAxis("left").setLabel(self.tr("loss (log scale)"))
        self.plots["exact"].getAxis("left").setLabel(self.tr("fraction right"))

    # -- data -------------------------------------------------------------------------------

    def clear(self) -> None:
        """No seeds: empty plots, for a new job."""
        self.curves: dict[int, dict[str, list[float]]] = {}  # seed -> metric -> values
        for name, lines in self.lines.items():
            for line in lines.values():
                self.plots[name].removeItem(line)
            lines.clear()
        self._dirty = True
        self.flush()

    def add_epoch(self, seed: int, metrics) -> None:
        """One seed's epoch (core.training.EpochMetrics): drawn at the next refresh."""
        values = self.curves.setdefault(seed, {name: [] for name in METRICS})
        for name in METRICS:
            values[name].append(getattr(metrics, name))
        self._dirty = True

    def band(self, name: str) -> Band:
        """The mean ± std on show for `name` ("loss" or "exact")."""
        return band([values[name] for values in self.curves.values()])

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.flush()

    @Slot()
    def flush(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        for name, plot in self.plots.items():
            for seed, values in self.curves.items():
                if seed not in self.lines[name]:
                    self.lines[name][seed] = line = plot.plot([], [], pen=self._seed_pen[name])
                    line.setZValue(-1)
                ys = values[name]
                self.lines[name][seed].setData(np.arange(1, len(ys) + 1), ys)
            self._draw_band(name)

    def _draw_band(self, name: str) -> None:
        b = self.band(name)
        low, high = b.mean - b.std, b.mean + b.std
        if name == "loss":
            low = np.maximum(low, MIN_LOSS)  # the log axis cannot show 0 or less
        else:
            low, high = np.maximum(low, 0.0), np.minimum(high, 1.0)  # a fraction right
        self.means[name].setData(b.epochs, b.mean)
        for edge, ys in zip(self._edges[name], (low, high), strict=True):
            edge.setData(b.epochs, ys)
