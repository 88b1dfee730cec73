"""The Automaton page of the Insight tab: the carry model read as a machine of a few states
(core.automaton, read by session.automaton.Automata on the engine lane), drawn as a state
diagram beside its table and its exact match by width (against true sums) beside the
network's.

For a concat-msb model it says in one line why no small automaton exists, and how many
states the model visits. The page asks for a reading only while it is on screen (show and
hide events); the view only draws what `Automata` holds, in the words of the moment.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lstm_adder.core.automaton import READ_BITS, ROUND_DECIMALS, Reading
from lstm_adder.gui.i18n import Retranslating
from lstm_adder.gui.state_diagram import StateDiagram
from lstm_adder.session.automaton import Automata, Stage

SAYS = {  # what the note says at each stage but DONE and FAILED
    Stage.NONE: "",
    Stage.IDLE: QT_TRANSLATE_NOOP("AutomatonView", "read when this page is open"),
    Stage.READING: QT_TRANSLATE_NOOP("AutomatonView",
                                     "reading the automaton from every {bits}-bit pair…"),
    Stage.WAITING: QT_TRANSLATE_NOOP("AutomatonView",
                                     "read from the trained model, when training ends"),
}
ROW_HEADERS = (QT_TRANSLATE_NOOP("AutomatonView", "state"),
               QT_TRANSLATE_NOOP("AutomatonView", "a b"),
               QT_TRANSLATE_NOOP("AutomatonView", "next"),
               QT_TRANSLATE_NOOP("AutomatonView", "sum"),
               QT_TRANSLATE_NOOP("AutomatonView", "steps"),
               QT_TRANSLATE_NOOP("AutomatonView", "disagree"))
WIDTH_HEADERS = (QT_TRANSLATE_NOOP("AutomatonView", "bits"),
                 QT_TRANSLATE_NOOP("AutomatonView", "pairs"),
                 QT_TRANSLATE_NOOP("AutomatonView", "automaton"),
                 QT_TRANSLATE_NOOP("AutomatonView", "network"))


def _table(headers: int) -> QTableWidget:
    table = QTableWidget(0, headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(i, j, item)
    table.resizeColumnsToContents()


class AutomatonView(Retranslating, QWidget):
    def __init__(self, automata: Automata, parent=None):
        super().__init__(parent)
        self.automata = automata
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.diagram = StateDiagram()
        self.rows = _table(len(ROW_HEADERS))
        self.widths = _table(len(WIDTH_HEADERS))
        row = QHBoxLayout()
        row.addWidget(self.diagram, 3)
        row.addWidget(self.rows, 3)
        row.addWidget(self.widths, 4)
        box = QVBoxLayout(self)
        box.addWidget(self.note)
        box.addLayout(row, 1)
        automata.changed.connect(self.render)
        self.retranslate()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.automata.look(True)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        self.automata.look(False)

    def retranslate(self) -> None:
        self.rows.setHorizontalHeaderLabels([self.tr(h) for h in ROW_HEADERS])
        self.widths.setHorizontalHeaderLabels([self.tr(h) for h in WIDTH_HEADERS])
        self.render()

    def texts(self) -> dict[str, object]:
        """What the page says: the note, the tables' headers and the diagram's start word."""
        header = self.rows.horizontalHeaderItem
        wide = self.widths.horizontalHeaderItem
        return {"note": self.note.text(), "start": self.diagram.start_word,
                "rows": [header(i).text() for i in range(self.rows.columnCount())],
                "widths": [wide(i).text() for i in range(self.widths.columnCount())],
                "cells": [self.widths.item(i, j).text() for i in range(self.widths.rowCount())
                          for j in range(self.widths.columnCount())]}

    # -- drawing ------------------------------------------------------------------------------

    def render(self) -> None:
        """Everything the reading holds, drawn afresh in the words of the moment."""
        automata = self.automata
        reading = automata.reading if automata.state is Stage.DONE else None
        machine = reading.automaton if reading is not None else None
        for part in (self.diagram, self.rows, self.widths):
            part.setVisible(machine is not None)
        self.diagram.show_machine(machine, self.tr("start"))
        _fill(self.rows, [] if machine is None else [
            [str(r.state), f"{r.a} {r.b}", str(r.next), str(r.sum), f"{r.visits:,}",
             f"{r.disagreements:,}"] for r in machine.rows()])
        _fill(self.widths, [] if machine is None else self._width_rows(reading))
        if automata.state is Stage.FAILED:
            self.note.setText(self.tr("could not read the automaton: {reason}").format(
                reason=automata.failed))
        elif reading is not None:
            self.note.setText(self._summary(reading))
        else:
            words = SAYS[automata.state]
            self.note.setText(self.tr(words).format(bits=READ_BITS) if words else "")

    def _summary(self, reading: Reading) -> str:
        if reading.automaton is None:
            why = self.tr("No automaton of a few states: this model reads all of a before any "
                          "of b, so it must hold a whole operand (2^n values) before it can "
                          "add.")
            count = self.tr("It visits {count} distinct states over every pair (rounded to "
                            "{decimals} decimals).").format(count=f"{reading.visited:,}",
                                                            decimals=ROUND_DECIMALS)
            return f"{why}<br>{count}"
        machine = reading.automaton
        head = self.tr("{states} states, read from {clusters} clusters of h over every "
                       "{bits}-bit pair").format(states=machine.states,
                                                 clusters=machine.clusters, bits=READ_BITS)
        sure = self.tr("consistency {share}: {wrong} of {steps} steps go elsewhere than the "
                       "table says").format(share=f"{machine.consistency:.2%}",
                                            wrong=f"{int(machine.disagreements.sum()):,}",
                                            steps=f"{int(machine.visits.sum()):,}")
        told = self.tr("exact match by width: the automaton against true sums, the network "
                       "on the same pairs (on fewer where it says so)")
        return f"<b>{head}</b><br>{sure}<br>{told}"

    def _width_rows(self, reading: Reading) -> list[list[str]]:
        rows = []
        for m in reading.matches:
            pairs = (self.tr("{count} (all)") if m.every_pair else
                     self.tr("{count} random")).format(count=f"{m.pairs:,}")
            network = f"{m.network:.2%}"
            if m.network_pairs != m.pairs:
                network = self.tr("{share} on {count}").format(
                    share=network, count=f"{m.network_pairs:,}")
            rows.append([str(m.bits), pairs, f"{m.automaton:.2%}", network])
        return rows
