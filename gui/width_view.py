"""How far a carry model stretches: the same weights on 8- to 64-bit numbers, as a table and
a curve of exact match by width (core.insight.width_table's rows), under a note in words.

The view keeps what it shows (a Note and the rows), so that on a switch of language (gui.i18n)
it says the same again in the new words."""

from __future__ import annotations

from enum import Enum

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from lstm_adder.core import insight
from lstm_adder.gui.i18n import Retranslating
from lstm_adder.gui.state_view import CARRY_COLOR, CARRY_PEN, show_axes, static_plot


class Note(Enum):
    """What the note above the table says; its value, in the words of the moment."""

    NONE = ""
    COMPUTING = QT_TRANSLATE_NOOP("WidthView", "computing…")
    FIXED = QT_TRANSLATE_NOOP(
        "WidthView", "This model reads all of a, then all of b, most significant bit first: a "
        "fixed number of steps for a fixed width. It cannot be run on wider numbers.")
    ANY_WIDTH = QT_TRANSLATE_NOOP(
        "WidthView", "This layout reads one bit of each number per step, so the same weights "
        "add numbers of any width.")
    AFTER_TRAINING = QT_TRANSLATE_NOOP("WidthView",
                                       "measured on the trained model, when training ends")
    ON_THE_MODEL = QT_TRANSLATE_NOOP("WidthView", "measured on the model itself: move the "
                                     "timeline to its right end")


class WidthView(Retranslating, QGroupBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._note, self._rows = Note.NONE, []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(90)  # scrolls in a small window
        self.plot = pg.PlotWidget()
        wide = static_plot(self.plot.getPlotItem())
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
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("wider numbers, same weights"))
        self.table.setHorizontalHeaderLabels([self.tr("bits"), self.tr("exact"),
                                              self.tr("pairs")])
        plot = self.plot.getPlotItem()
        plot.setLabel("left", self.tr("exact"))
        plot.setLabel("bottom", self.tr("bits"))
        self._fill_table()
        self._say(self._note)

    def clear(self, model: bool, any_width: bool) -> None:
        """Empty, with no axes; the table and plot only for a model that can widen
        (`any_width`), whose rows are being computed; for another, why it cannot."""
        self._rows = []
        self._fill_table()
        self._curve.setData([], [])
        show_axes(self.plot.getPlotItem(), False)
        self.table.setVisible(any_width)
        self.plot.setVisible(any_width)
        self._say(Note.NONE if not model else Note.COMPUTING if any_width else Note.FIXED)

    def show_rows(self, rows: list[insight.WidthRow]) -> None:
        self._rows = list(rows)
        self._fill_table()
        self._curve.setData(np.arange(len(rows)), [r.exact for r in rows])
        show_axes(self.plot.getPlotItem(), True)
        self._say(Note.ANY_WIDTH)

    def wait_for_training(self, replayed: bool = False) -> None:
        """A run is training this model: the rows come with the trained one (`replayed`:
        an epoch of a finished run is on show, and the rows are the model's own)."""
        self._say(Note.ON_THE_MODEL if replayed else Note.AFTER_TRAINING)

    def _say(self, note: Note) -> None:
        self._note = note
        self.note.setText(self.tr(note.value) if note.value else "")

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self._rows))
        for i, row in enumerate(self._rows):
            count = f"{row.count:,}"
            judged = (self.tr("{count} (all)") if row.every_pair else
                      self.tr("{count} random")).format(count=count)
            for j, text in enumerate([str(row.bits), f"{row.exact:.2%}", judged]):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
