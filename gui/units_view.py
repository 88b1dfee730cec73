"""The Insight tab's Units page, and the line that says which unit is knocked out.

The page asks session.ablation.Ablation to knock every unit out in turn (the sweep runs on
the engine lane, with a progress bar and Stop) and lists the units worst first: the exact
match with the unit knocked out, and its change from the intact model. Clicking a row knocks
that unit out: the Insight tab then draws the map, exact match and per-bit accuracy of the
ablated model, and the KnockoutBar above them says so, with Restore. A choice sets what a
knocked-out unit's h is held at: zero, or its mean over every pair and step.

The widgets draw the session's state (the table, the knockout) and forward clicks; on a
switch of language they render it again.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lstm_adder.core.ablation import Mode
from lstm_adder.gui.i18n import Retranslating
from lstm_adder.gui.i18n import translated as said
from lstm_adder.session.ablation import Ablation

BROKEN_COLOR = "#00e676"  # broken pairs on the error map (core.ablation.Knockout.broken)
MODE_WORDS = {Mode.ZERO: QT_TRANSLATE_NOOP("UnitsView", "zero"),
              Mode.MEAN: QT_TRANSLATE_NOOP("UnitsView", "its mean over every pair and step")}
COLUMNS = (QT_TRANSLATE_NOOP("UnitsView", "unit"),
           QT_TRANSLATE_NOOP("UnitsView", "exact match without it"),
           QT_TRANSLATE_NOOP("UnitsView", "change, points"))


class UnitsView(Retranslating, QWidget):
    """Which units matter: the mode, Find / Stop with progress, and the sorted table."""

    def __init__(self, model: Ablation, parent=None):
        super().__init__(parent)
        self.model = model
        self.mode_label = QLabel()
        self.mode = QComboBox()
        for mode in Mode:
            self.mode.addItem("", mode)
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.find = QPushButton()
        self.find.clicked.connect(self._on_find)
        self.progress = QProgressBar()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()  # each column as wide as its words
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.cellClicked.connect(self._on_row)
        row = QHBoxLayout()
        row.addWidget(self.mode_label)
        row.addWidget(self.mode)
        row.addWidget(self.find)
        row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        model.changed.connect(self._render)
        model.progress.connect(self._on_progress)
        model.knocked.connect(self._select_knocked)
        model.failed.connect(self._on_failed)
        self._failure = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.mode_label.setText(self.tr("hold a knocked-out unit's h at"))
        for i in range(self.mode.count()):
            words = MODE_WORDS[self.mode.itemData(i)]
            self.mode.setItemText(i, self.tr(words))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self._render()

    def units(self) -> list[int]:
        """The units in the table's order, top to bottom."""
        return [int(self.table.item(r, 0).text()) for r in range(self.table.rowCount())]

    # -- drawing -------------------------------------------------------------------------

    def _render(self) -> None:
        model = self.model
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(self.mode.findData(model.mode))
        self.mode.blockSignals(False)
        has = model.engine is not None
        self.find.setEnabled(has and (model.sweeping or model.effects is None))
        self.find.setText(self.tr("Stop") if model.sweeping else
                          self.tr("Find which units matter"))
        self.progress.setVisible(model.sweeping)
        if model.sweeping:
            self.progress.setRange(0, model.engine.units)
            self.progress.setValue(model.done)
        self._fill(model.effects or [])
        self.note.setText(self._note())

    def _note(self) -> str:
        model = self.model
        if model.engine is None:
            return ""
        if self._failure:
            return self.tr("could not compute: {reason}").format(reason=self._failure)
        if model.sweeping:
            return self.tr("knocking out each of {units} units in turn, and judging every "
                           "pair each time…").format(units=model.engine.units)
        if model.effects is None:
            return self.tr("Knock each unit out in turn and see which pairs break. Click a "
                           "unit here or in the States view to knock it out.")
        effects = model.effects
        intact = f"{effects[0].intact:.2%}" if effects else "-"
        return self.tr("worst first; the intact model: {exact} exact. Click a row to knock "
                       "that unit out.").format(exact=intact)

    def _fill(self, effects) -> None:
        self.table.setRowCount(len(effects))
        for row, effect in enumerate(effects):
            cells = (str(effect.unit), f"{effect.exact:.2%}", f"{100 * effect.change:+.2f}")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                      Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self._select_knocked()

    def _select_knocked(self) -> None:
        model = self.model
        unit = model.knockout.unit if model.knockout is not None else model.pending
        units = self.units()
        self.table.blockSignals(True)
        if unit in units:
            self.table.selectRow(units.index(unit))
        else:
            self.table.clearSelection()
        self.table.blockSignals(False)

    # -- input ---------------------------------------------------------------------------

    def _on_mode(self, index: int) -> None:
        self.model.set_mode(self.mode.itemData(index))

    def _on_find(self) -> None:
        self._failure = ""
        if self.model.sweeping:
            self.model.stop_sweep()
        else:
            self.model.sweep()

    def _on_row(self, row: int, _column: int) -> None:
        self.model.knock(self.units()[row])

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_failed(self, message: str) -> None:
        self._failure = said(message)
        self._render()


class KnockoutBar(Retranslating, QWidget):
    """"unit k knocked out … Restore", shown only while a unit is out (or being knocked
    out)."""

    def __init__(self, model: Ablation, parent=None):
        super().__init__(parent)
        self.model = model
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.restore = QPushButton()
        self.restore.clicked.connect(model.restore)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.restore)
        model.knocked.connect(self._render)
        model.changed.connect(self._render)
        self.retranslate()

    def retranslate(self) -> None:
        self.restore.setText(self.tr("Restore"))
        self._render()

    def _render(self) -> None:
        model = self.model
        knock = model.knockout
        self.setVisible(knock is not None or model.pending is not None)
        if knock is None:
            if model.pending is not None:
                self.text.setText(self.tr("knocking out unit {unit}…").format(
                    unit=model.pending))
            return
        words = MODE_WORDS[knock.mode]
        held = QCoreApplication.translate("UnitsView", words)
        value = f"{knock.value:.3g}"
        self.text.setText(self.tr(
            "<b>unit {unit} knocked out</b> (its h held at {held}, {value}): {broken} pairs "
            "broken, <span style='color:{color}'>marked on the map</span>").format(
            unit=knock.unit, held=held, value=value, broken=f"{knock.broken_count:,}",
            color=BROKEN_COLOR))
