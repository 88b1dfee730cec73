"""How far a carry model stretches: the same weights on 8- to 64-bit numbers, as a table and
a curve of exact match by width (core.insight.width_table's rows), under a note in words."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core import insight
from gui.state_view import CARRY_COLOR, CARRY_PEN, show_axes, static_plot

TITLE = "wider numbers, same weights"
FIXED = ("This model reads all of a, then all of b, most significant bit first: a fixed "
         "number of steps for a fixed width. It cannot be run on wider numbers.")
ANY_WIDTH = ("This layout reads one bit of each number per step, so the same weights add "
             "numbers of any width.")


class WidthView(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(TITLE, parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["bits", "exact", "pairs"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(90)  # scrolls in a small window
        self.plot = pg.PlotWidget()
        wide = static_plot(self.plot.getPlotItem())
        wide.setLabel("left", "exact")
        wide.setLabel("bottom", "bits")
        wide.setYRange(0, 1, padding=0.08)
        wide.getAxis("left").setTicks([[(v, f"{v:g}") for v in (0, 0.5, 1)]])
        wide.getAxis("bottom").setTicks([[(i, str(w)) for i, w in enumerate(insight.WIDTHS)]])
        self._curve = wide.plot([], [], pen=CARRY_PEN, symbol="o", symbolBrush=CARRY_COLOR)
        box = QVBoxLayout(self)
        box.addWidget(self.note, 0, Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.addWidget(self.table, 3)
        row.addWidget(self.plot, 2)
        box.addLayout(row)

    def clear(self, model: bool, any_width: bool) -> None:
        """Empty, with no axes; the table and plot only for a model that can widen
        (`any_width`), whose rows are being computed; for another, why it cannot."""
        self.table.setRowCount(0)
        self._curve.setData([], [])
        show_axes(self.plot.getPlotItem(), False)
        self.table.setVisible(any_width)
        self.plot.setVisible(any_width)
        self.note.setText("" if not model else "computing…" if any_width else FIXED)

    def show_rows(self, rows: list[insight.WidthRow]) -> None:
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            judged = f"{row.count:,} {'(all)' if row.every_pair else 'random'}"
            for j, text in enumerate([str(row.bits), f"{row.exact:.2%}", judged]):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._curve.setData(np.arange(len(rows)), [r.exact for r in rows])
        show_axes(self.plot.getPlotItem(), True)
        self.note.setText(ANY_WIDTH)
