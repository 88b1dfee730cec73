"""The error map: every pair of a model's width, row a and column b, coloured by how many sum
bits the model gets wrong (0 is black; more is brighter).

It draws the matrix it is given (core.evaluation.Report.matrix), a mark on one pair, and
(with a unit knocked out, core.ablation) the pairs that broke in one flat colour over the
map; it says where the mouse is in pairs: `hovered(a, b)`, `left()`, `clicked(a, b)`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot

from lstm_adder.gui.i18n import Retranslating
from lstm_adder.gui.state_view import show_axes, static_plot

MAP_COLORS = "inferno"
MARK_PEN = pg.mkPen("#00e5ff", width=2)
MIN_SIZE = (300, 220)
BROKEN_RGBA = (0x00, 0xE6, 0x76, 255)  # gui.units_view.BROKEN_COLOR


class _MapImage(pg.ImageItem):
    """The map's image; reports hover and left clicks in its own (b, a) coordinates."""

    hovered = Signal(float, float)
    left = Signal()
    clicked = Signal(float, float)

    def hoverEvent(self, ev):  # noqa: N802 - pyqtgraph's name
        if ev.isExit():
            self.left.emit()
            return
        ev.acceptClicks(Qt.MouseButton.LeftButton)
        self.hovered.emit(ev.pos().x(), ev.pos().y())

    def mouseClickEvent(self, ev):  # noqa: N802 - pyqtgraph's name
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.clicked.emit(ev.pos().x(), ev.pos().y())


class ErrorMap(Retranslating, pg.GraphicsLayoutWidget):
    """The map; its title is set by the tab (which renders it again on a switch of
    language), the colour bar's words by the map."""

    hovered = Signal(int, int)  # the pair under the mouse
    left = Signal()  # the mouse left the map
    clicked = Signal(int, int)  # a pair clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(*MIN_SIZE)
        plot = self.plot = static_plot(self.addPlot())
        plot.setLabel("left", "a")
        plot.setLabel("bottom", "b")
        plot.invertY(True)
        plot.setAspectLocked(True)
        self.image_item = _MapImage(axisOrder="row-major")
        plot.addItem(self.image_item)
        self._bar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get(MAP_COLORS),
                                    interactive=False, width=12, colorMapMenu=False)
        self._bar.setImageItem(self.image_item, insert_in=plot)
        self._broken = pg.ImageItem(axisOrder="row-major")  # above the map, below the mark
        self._broken.setZValue(self.image_item.zValue() + 1)
        plot.addItem(self._broken)
        self._mark = pg.ScatterPlotItem(symbol="s", size=12, pen=MARK_PEN, brush=None)
        plot.addItem(self._mark)
        self.image_item.hovered.connect(self._on_hovered)
        self.image_item.left.connect(self.left)
        self.image_item.clicked.connect(self._on_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        self._bar.getAxis("left").setLabel(self.tr("wrong bits"))

    def empty(self, title: str = "") -> None:
        """No map, no axes; `title` above the empty plot."""
        self.image_item.clear()
        self._broken.clear()
        self._mark.setData([], [])
        self._bar.setVisible(False)
        show_axes(self.plot, False)
        self.plot.setTitle(title)

    def set_title(self, title: str) -> None:
        self.plot.setTitle(title)

    def title(self) -> str:
        return self.plot.titleLabel.text

    def show_matrix(self, matrix: np.ndarray, title: str) -> None:
        """Draw `matrix` (2^n x 2^n wrong-bit counts, row a), its colour bar and axes."""
        side = matrix.shape[0]
        top = max(1, int(matrix.max()))
        self.image_item.setImage(matrix, levels=(0, top), autoLevels=False)
        self._bar.setLevels((0, top))
        self._bar.setVisible(True)
        show_axes(self.plot, True)
        self.plot.setRange(xRange=(0, side), yRange=(0, side), padding=0)
        self.plot.setTitle(title)

    def show_broken(self, broken: np.ndarray | None) -> None:
        """Paint the pairs where `broken` (2^n x 2^n booleans, row a) is True in one flat
        colour over the map; None paints none."""
        if broken is None or not broken.any():
            self._broken.clear()
            return
        rgba = np.zeros(broken.shape + (4,), np.uint8)
        rgba[broken] = BROKEN_RGBA
        self._broken.setImage(rgba, autoLevels=False)

    def broken(self) -> np.ndarray | None:
        """The broken pairs painted (row a, column b), or None."""
        image = self._broken.image
        return None if image is None else image[..., 3] > 0

    def image(self) -> np.ndarray | None:
        """The matrix on show, or None."""
        return self.image_item.image

    def pair_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The pair under map coordinates (x, y) = (column b, row a), or None off the map."""
        image = self.image()
        if image is None:
            return None
        a, b = int(np.floor(y)), int(np.floor(x))
        side = image.shape[0]
        return (a, b) if 0 <= a < side and 0 <= b < side else None

    def mark(self, a: int, b: int) -> None:
        """Outline (a, b), when the map holds it."""
        image = self.image()
        inside = image is not None and a < image.shape[0] and b < image.shape[0]
        self._mark.setData([b + 0.5] if inside else [], [a + 0.5] if inside else [])

    @Slot(float, float)
    def _on_hovered(self, x: float, y: float) -> None:
        pair = self.pair_at(x, y)
        if pair is not None:
            self.hovered.emit(*pair)

    @Slot(float, float)
    def _on_clicked(self, x: float, y: float) -> None:
        pair = self.pair_at(x, y)
        if pair is not None:
            self.clicked.emit(*pair)
