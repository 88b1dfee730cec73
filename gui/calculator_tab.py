"""The Calculator tab: two spinboxes, the network's sum as you type, and the bit grid.

It renders a session.on_show.OnShow (the model on show, its width, the pair and its answer)
and forwards what the user does to it. Every change of either operand asks the model's numpy
engine at once, on the GUI thread: a lookup once every pair has been judged, else one forward
pass (well under a millisecond). Once the session has judged every pair, the pairs the model
gets wrong can be stepped through with the previous/next buttons.

A carry (paired-lsb) model reads one bit of each operand per step, so the same weights add
wider numbers: the width box runs it at 16 or 32 bits. Above 2**31 - 1 the operands move from
the RangeHintSpinBoxes (QSpinBoxes) to WideSpinBoxes (a QSpinBox holds a C int). Either kind
shows its range when a keystroke would go past it (typing 999 into an 8-bit box), instead of
dropping the digit silently. Changing width is immediate (the same weights, another engine);
a 10,000-pair sample is then judged in the background. A seed (concat-msb) model reads a
fixed number of steps, and the box says so.

Its words follow the language (gui.i18n): on a switch, `retranslate` sets the fixed ones again
and renders the rest from what is on show.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import SAMPLE_SEED, Report
from lstm_adder.gui.bit_grid import BitGrid
from lstm_adder.gui.i18n import Retranslating, translated
from lstm_adder.gui.tasks import TaskExecutor
from lstm_adder.gui.wide_spinbox import OperandBoxes
from lstm_adder.session.on_show import LOADING, OnShow
from lstm_adder.session.open_models import OpenModel

BIG = 26  # point size of the operands and the predicted sum
# (predicted sum, operand boxes) size, as parts of BIG, for operands up to so many bits: a
# 32-bit sum fits a 900-pixel-wide window
SCALE = {16: (1.5, 1.0), 32: (0.8, 0.75)}
SPIN_ROOM = 40  # pixels an operand box needs besides its digits (frame, arrows)
RIGHT, WRONG, MUTED = "#1a7f37", "#d1242f", "#57606a"
WIDTH_TIP = QT_TRANSLATE_NOOP("CalculatorTab", "Run the model on numbers of this width")


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _label(text: str = "", name: str = "", size: float = 11, color: str = "") -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setFont(_font(size))
    if color:
        label.setStyleSheet(f"color: {color}")
    return label


def _row(*items) -> QHBoxLayout:
    """A row of widgets; a number is that much space, None a stretch."""
    row = QHBoxLayout()
    for item in items:
        if item is None:
            row.addStretch()
        elif isinstance(item, int):
            row.addSpacing(item)
        else:
            row.addWidget(item)
    return row


class CalculatorTab(Retranslating, QWidget):
    """The model on show (`view`: the session's, or one of its own) and its answer."""

    def __init__(self, view: OnShow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view if view is not None else OnShow(TaskExecutor(), LOADING)
        self._random = random.Random()
        self._build()
        self._size_for(8)
        self.view.shown_changed.connect(self._on_shown)
        self.view.judged.connect(self._show_wrong_state)
        self.view.answered.connect(self._on_answered)
        self.retranslate()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.model_label = _label(name="model_label", size=11, color=MUTED)
        self.width_box = QComboBox()
        self.width_box.setObjectName("width_box")
        self.width_box.activated.connect(self._on_width_chosen)
        self.width_note = _label(name="width_note", size=10, color=MUTED)
        self.width_note.setWordWrap(True)
        self._width_caption = _label(size=11, color=MUTED)
        top = _row(self.model_label, 18, self._width_caption, self.width_box)
        top.addWidget(self.width_note, 1)

        self.boxes = OperandBoxes(self._spinbox)
        self.spin_a, self.spin_b, self.wide_a, self.wide_b = self.boxes.all
        self.predicted_sum = _label(name="predicted_sum")
        self.verdict = _label(name="verdict", size=BIG)
        self.true_sum = _label(name="true_sum", size=14)
        self.confidence = _label(name="confidence", size=14)

        equation = _row(self.spin_a, self.wide_a, _label("+", size=BIG), self.spin_b,
                        self.wide_b, _label("=", size=BIG), self.predicted_sum, self.verdict,
                        None)
        self._true_caption = _label(size=14, color=MUTED)
        self._confidence_caption = _label(size=14, color=MUTED)
        self._confidence_note = _label(size=11, color=MUTED)
        facts = _row(self._true_caption, self.true_sum, 28, self._confidence_caption,
                     self.confidence, self._confidence_note, None)

        self.bit_grid = BitGrid()
        self._legend = legend = _label(size=10, color=MUTED)
        legend.setWordWrap(True)

        self.random_button = self._button("random_button", self.random_pair)
        self.previous_wrong = self._button("previous_wrong", self.show_previous_wrong)
        self.next_wrong = self._button("next_wrong", self.show_next_wrong)
        self.wrong_label = _label(name="wrong_count", size=11, color=MUTED)
        self.wrong_label.setWordWrap(True)
        steps = _row(self.random_button, self.previous_wrong, self.next_wrong, 12)
        steps.addWidget(self.wrong_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(equation)
        layout.addLayout(facts)
        layout.addWidget(self.bit_grid, 1)
        layout.addWidget(legend)
        layout.addLayout(steps)

    def _spinbox(self, name: str, kind):
        """An operand box: RangeHintSpinBox (a QSpinBox), or WideSpinBox for operands past
        2**31 - 1."""
        spin = kind()
        spin.setObjectName(name)
        spin.setFont(_font(BIG))
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        spin.setAccelerated(True)
        spin.valueChanged.connect(self._on_typed)
        return spin

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        """Every word again, in the language of the moment."""
        self._width_caption.setText(self.tr("width"))
        self._true_caption.setText(self.tr("true sum"))
        self._confidence_caption.setText(self.tr("confidence"))
        self._confidence_note.setText(self.tr("(its least certain bit)"))
        self._legend.setText(self.tr(
            "Predicted cells are shaded by the network's P(bit = 1); a red outline marks a "
            "column where it is wrong. Carry: the true carry into each column."))
        self.random_button.setText(self.tr("Random"))
        self.previous_wrong.setText(self.tr("◀ Previous wrong"))
        self.next_wrong.setText(self.tr("Next wrong ▶"))
        self._on_shown()
        self._on_answered()

    # -- what it shows ---------------------------------------------------------------------

    @property
    def model(self) -> OpenModel | None:
        """The model answering (whatever the width on show)."""
        return self.view.model

    @property
    def engine(self) -> Engine | None:
        """The engine answering: the model's, at the width on show."""
        return self.view.engine

    @property
    def answer(self):
        """The core.engine.Answer on show (None without a model)."""
        return self.view.answer

    @property
    def wrong_pairs(self) -> Report | None:
        """The judgement of the engine answering, once made (None while it is being made)."""
        return self.view.report

    @property
    def operand_bits(self) -> int | None:
        """The operand width on show (the model's own, or the one chosen in the width box)."""
        return None if self.engine is None else self.engine.bits

    def operands(self) -> tuple[int, int]:
        """(a, b) as the inputs on show hold them."""
        return self.boxes.values()

    def _on_shown(self) -> None:
        engine = self.engine
        self._fill_width_box()
        for widget in (*self.boxes.all, self.random_button):
            widget.setEnabled(engine is not None)
        if engine is None:
            message = translated(self.view.message)
            self.model_label.setText(message)
            self.bit_grid.set_message(message)
            for label in (self.predicted_sum, self.verdict, self.true_sum, self.confidence):
                label.setText("–" if label is not self.verdict else "")
            self._show_wrong_state()
            return
        self.model_label.setText(self.tr("Model: {name} ({encoding}, {bits}-bit)").format(
            name=translated(self.model.name), encoding=engine.encoding.name, bits=engine.bits))
        self.boxes.set_top(engine.max_operand)
        self._size_for(engine.bits)

    def _size_for(self, bits: int) -> None:
        """Room for the widest operands and sum: 32-bit ones (ten digits) in smaller fonts."""
        sum_scale, operand_scale = next((v for k, v in SCALE.items() if bits <= k),
                                        SCALE[max(SCALE)])
        label = self.predicted_sum
        label.setFont(_font(BIG * sum_scale, bold=True))
        widest = label.fontMetrics().horizontalAdvance("8" * len(str(1 << (bits + 1))))
        label.setMinimumWidth(max(150, widest + 8))
        digits = "8" * len(str((1 << bits) - 1))
        for box in self.boxes.all:
            box.setFont(_font(BIG * operand_scale))
            box.setMinimumWidth(max(140, box.fontMetrics().horizontalAdvance(digits)
                                    + SPIN_ROOM))

    def _on_answered(self) -> None:
        answer = self.answer
        if answer is None:
            return
        self.boxes.set_values(*self.view.pair)
        self.predicted_sum.setText(str(answer.predicted))
        self.predicted_sum.setStyleSheet(f"color: {'#1f2933' if answer.correct else WRONG}")
        self.verdict.setText(self.tr("✓ right") if answer.correct else self.tr("✗ wrong"))
        self.verdict.setStyleSheet(f"color: {RIGHT if answer.correct else WRONG}")
        self.verdict.setToolTip(
            self.tr("the network is right") if answer.correct else
            self.tr("the network is wrong: the sum is {sum}").format(sum=answer.true))
        self.true_sum.setText(str(answer.true))
        self.confidence.setText(f"{answer.confidence:.3f}")
        self.bit_grid.set_answer(answer)
        self._show_wrong_state()

    def _show_wrong_state(self) -> None:
        report = self.view.report
        stepping = report is not None and report.wrong_count > 0 and report.pairs is not None
        self.previous_wrong.setEnabled(stepping)
        self.next_wrong.setEnabled(stepping)
        if self.engine is None:
            self.wrong_label.setText("")
        elif report is None or self.view.watched:
            self.wrong_label.setText(translated(self.view.message)
                                     or self.tr("Finding the pairs it gets wrong…"))
        else:
            self.wrong_label.setText(self._wrong_text(report))

    def _wrong_text(self, report: Report) -> str:
        scope = self._scope(report)
        if report.wrong_count == 0:
            return self.tr("No wrong pairs: right on {scope}.").format(scope=scope)
        text = self.tr("{wrong} wrong of {scope} ({exact} right)").format(
            wrong=f"{report.wrong_count:,}", scope=scope, exact=f"{report.exact:.2%}")
        place = self.view.wrong_position()
        if place is not None:
            text = self.tr("Wrong pair {place} of {wrong} · {text}").format(
                place=f"{place:,}", wrong=f"{report.wrong_count:,}", text=text)
        return text

    def _scope(self, report: Report) -> str:
        """The pairs judged, in words (core's Report.scope, for the command line, in
        English)."""
        if report.everything:
            return self.tr("all {count} pairs").format(count=f"{report.count:,}")
        return self.tr("{count} random pairs (seed {seed})").format(count=f"{report.count:,}",
                                                                   seed=SAMPLE_SEED)

    def _fill_width_box(self) -> None:
        model, widths = self.model, self.view.widths()
        box = self.width_box
        box.blockSignals(True)
        box.clear()
        for bits in widths:
            box.addItem(self.tr("{bits} bits").format(bits=bits), bits)
        if self.engine is not None:
            box.setCurrentIndex(box.findData(self.engine.bits))
        box.blockSignals(False)
        box.setEnabled(len(widths) > 1)
        why = "" if model is None or len(widths) > 1 else self._why_fixed(model)
        box.setToolTip(why or self.tr(WIDTH_TIP))
        wider = model is not None and self.engine.bits != model.bits
        self.width_note.setText(self.tr(
            "The {own}-bit model's weights, run on {bits}-bit numbers.").format(
            own=model.bits, bits=self.engine.bits) if wider else why)

    def _why_fixed(self, model: OpenModel) -> str:
        """Why the width box offers only the model's own width."""
        if not model.engine.can_widen:
            return self.tr("This model reads exactly {bits}-bit numbers, a's bits then b's; "
                           "only a carry (paired-lsb) model can add wider numbers.").format(
                bits=model.bits)
        return self.tr("Training: the width stays the model's own.")

    # -- input, forwarded to the view -------------------------------------------------------

    def set_pair(self, a: int, b: int) -> None:
        self.view.set_pair(a, b)

    def set_width(self, bits: int) -> None:
        """Run the model at `bits` (its own width or one in the width box); ValueError for
        one it cannot take."""
        self.view.set_width(bits)

    @Slot()
    def _on_typed(self) -> None:
        if self.engine is not None:
            self.view.set_pair(*self.operands())

    @Slot()
    def random_pair(self) -> None:
        if self.engine is not None:
            top = self.engine.max_operand
            self.view.set_pair(self._random.randint(0, top), self._random.randint(0, top))

    @Slot()
    def show_next_wrong(self) -> None:
        self.view.next_wrong()

    @Slot()
    def show_previous_wrong(self) -> None:
        self.view.previous_wrong()

    @Slot(int)
    def _on_width_chosen(self, index: int) -> None:
        self.set_width(self.width_box.itemData(index))
