"""The Calculator tab: two spinboxes, the network's sum as you type, and the bit grid.

Every change of either operand asks the model's numpy engine at once, on the GUI thread: a
lookup once every pair has been judged, else one forward pass (well under a millisecond).
Every pair is judged once per engine on the engine pool (gui.tasks, gui.open_models.judged);
the pairs it gets wrong can then be stepped through with the previous/next buttons.

A carry (paired-lsb) model reads one bit of each operand per step, so the same weights add
wider numbers: the width box runs it at 16 or 32 bits. Above 2**31 - 1 the operands move from
the RangeHintSpinBoxes (QSpinBoxes) to WideSpinBoxes (a QSpinBox holds a C int). Either kind
shows its range when a keystroke would go past it (typing 999 into an 8-bit box), instead of
dropping the digit silently. Changing width is immediate (the same weights, another engine);
a 10,000-pair sample is then judged in the background. A seed (concat-msb) model reads a
fixed number of steps, and the box says so.
"""

from __future__ import annotations

import random
from functools import partial

from PySide6.QtCore import Qt, Signal, Slot
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

from core.engine import Engine
from core.evaluation import Report
from gui import open_models
from gui.bit_grid import BitGrid
from gui.open_models import OpenModel
from gui.tasks import Task
from gui.wide_spinbox import RangeHintSpinBox, WideSpinBox

BIG = 26  # point size of the operands and the predicted sum
# (predicted sum, operand boxes) size, as parts of BIG, for operands up to so many bits: a
# 32-bit sum fits a 900-pixel-wide window
SCALE = {16: (1.5, 1.0), 32: (0.8, 0.75)}
SPIN_ROOM = 40  # pixels an operand box needs besides its digits (frame, arrows)
RIGHT, WRONG, MUTED = "#1a7f37", "#d1242f", "#57606a"
WIDER = (16, 32)  # widths a carry model can be run at, besides its own
SPIN_MAX = (1 << 31) - 1  # the largest value a QSpinBox holds
WIDTH_TIP = "Run the model on numbers of this width"


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


def _why_fixed(entry: OpenModel) -> str:
    """Why the width box offers only the model's own width."""
    if not entry.engine.can_widen:
        return (f"This model reads exactly {entry.bits}-bit numbers, a's bits then b's; "
                "only a carry (paired-lsb) model can add wider numbers.")
    return "Training: the width stays the model's own."


class CalculatorTab(QWidget):
    pair_changed = Signal(object, object)  # the operands on show (Python ints: any width)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model: OpenModel | None = None  # as given to set_model
        self._engine: Engine | None = None  # its engine at the width on show
        self._watching = False  # the model is a training run's, after an epoch
        self._answer = None
        self._report: Report | None = None  # the engine's judgement, once made
        self._judging: Task | None = None
        self._note = ""
        self._random = random.Random()
        self._build()
        self._size_for(8)
        self.set_model(None, "Loading model…")

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.model_label = _label(name="model_label", size=11, color=MUTED)
        self.width_box = QComboBox()
        self.width_box.setObjectName("width_box")
        self.width_box.setToolTip(WIDTH_TIP)
        self.width_box.activated.connect(self._on_width_chosen)
        self.width_note = _label(name="width_note", size=10, color=MUTED)
        self.width_note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.model_label)
        top.addSpacing(18)
        top.addWidget(_label("width", size=11, color=MUTED))
        top.addWidget(self.width_box)
        top.addWidget(self.width_note, 1)

        self.spin_a, self.spin_b = self._spinbox("spin_a"), self._spinbox("spin_b")
        self.wide_a, self.wide_b = (self._spinbox(name, WideSpinBox)
                                    for name in ("wide_a", "wide_b"))
        self._wide = False  # whether the wide boxes are the ones on show
        self._show_inputs(wide=False)
        self.predicted_sum = _label(name="predicted_sum")
        self.verdict = _label(name="verdict", size=BIG)
        self.true_sum = _label(name="true_sum", size=14)
        self.confidence = _label(name="confidence", size=14)

        equation = QHBoxLayout()
        equation.addWidget(self.spin_a)
        equation.addWidget(self.wide_a)
        equation.addWidget(_label("+", size=BIG))
        equation.addWidget(self.spin_b)
        equation.addWidget(self.wide_b)
        equation.addWidget(_label("=", size=BIG))
        equation.addWidget(self.predicted_sum)
        equation.addWidget(self.verdict)
        equation.addStretch()

        facts = QHBoxLayout()
        facts.addWidget(_label("true sum", size=14, color=MUTED))
        facts.addWidget(self.true_sum)
        facts.addSpacing(28)
        facts.addWidget(_label("confidence", size=14, color=MUTED))
        facts.addWidget(self.confidence)
        facts.addWidget(_label("(its least certain bit)", size=11, color=MUTED))
        facts.addStretch()

        self.bit_grid = BitGrid()
        legend = _label("Predicted cells are shaded by the network's P(bit = 1); a red outline "
                        "marks a column where it is wrong. Carry: the true carry into each "
                        "column.", size=10, color=MUTED)
        legend.setWordWrap(True)

        self.random_button = self._button("Random", "random_button", self.random_pair)
        self.previous_wrong = self._button("◀ Previous wrong", "previous_wrong",
                                           self.show_previous_wrong)
        self.next_wrong = self._button("Next wrong ▶", "next_wrong", self.show_next_wrong)
        self.wrong_label = _label(name="wrong_count", size=11, color=MUTED)
        self.wrong_label.setWordWrap(True)
        steps = QHBoxLayout()
        for button in (self.random_button, self.previous_wrong, self.next_wrong):
            steps.addWidget(button)
        steps.addSpacing(12)
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

    def _spinbox(self, name: str, kind=RangeHintSpinBox):
        """An operand box: RangeHintSpinBox (a QSpinBox), or WideSpinBox for operands past
        2**31 - 1."""
        spin = kind()
        spin.setObjectName(name)
        spin.setFont(_font(BIG))
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        spin.setAccelerated(True)
        spin.valueChanged.connect(self._update)
        return spin

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- the model --------------------------------------------------------------------------

    @property
    def model(self) -> OpenModel | None:
        """The model answering (as given to set_model, whatever the width on show)."""
        return self._model

    @property
    def engine(self) -> Engine | None:
        """The engine answering: the model's, at the width on show."""
        return self._engine

    @property
    def answer(self):
        """The core.engine.Answer on show (None without a model)."""
        return self._answer

    @property
    def wrong_pairs(self) -> Report | None:
        """The judgement of the engine answering, once made (None while it is being made)."""
        return self._report

    @property
    def operand_bits(self) -> int | None:
        """The operand width on show (the model's own, or the one chosen in the width box)."""
        return None if self._engine is None else self._engine.bits

    def set_model(self, entry: OpenModel | None, message: str = "",
                  watching: bool = False) -> None:
        """Answer with `entry` from now on; None shows `message` and disables the inputs.

        `watching=True` (a training run after an epoch: a new model every epoch) judges
        nothing itself, keeps the model's own width, and shows `message` as the note.
        """
        self._model, self._watching = entry, watching
        self._fill_width_box(entry)
        self._show_engine(None if entry is None else entry.engine, message)

    def _show_engine(self, engine: Engine | None, message: str = "") -> None:
        self._cancel_judging()
        self._engine, self._report, self._note = engine, None, message
        for widget in (self.spin_a, self.spin_b, self.wide_a, self.wide_b, self.random_button):
            widget.setEnabled(engine is not None)
        if engine is None:
            self._answer = None
            self.model_label.setText(message)
            self.bit_grid.set_message(message)
            for label in (self.predicted_sum, self.verdict, self.true_sum, self.confidence):
                label.setText("–" if label is not self.verdict else "")
            self._show_wrong_state()
            return
        self.model_label.setText(f"Model: {self._model.name} ({engine.encoding.name}, "
                                 f"{engine.bits}-bit)")
        a, b = self.operands()
        top = engine.max_operand
        for box in (self.spin_a, self.spin_b, self.wide_a, self.wide_b):
            box.blockSignals(True)
            box.setRange(0, top if isinstance(box, WideSpinBox) else min(top, SPIN_MAX))
            box.blockSignals(False)
        self._show_inputs(wide=top > SPIN_MAX)
        self._size_for(engine.bits)
        self._set_operands(min(a, top), min(b, top))
        self._report = open_models.report_for(engine)
        if self._report is None and not self._watching:
            self._start_judging(engine)
        self._update()

    def _size_for(self, bits: int) -> None:
        """Room for the widest operands and sum: 32-bit ones (ten digits) in smaller fonts."""
        sum_scale, operand_scale = next((v for k, v in SCALE.items() if bits <= k),
                                        SCALE[max(SCALE)])
        label = self.predicted_sum
        label.setFont(_font(BIG * sum_scale, bold=True))
        widest = label.fontMetrics().horizontalAdvance("8" * len(str(1 << (bits + 1))))
        label.setMinimumWidth(max(150, widest + 8))
        digits = "8" * len(str((1 << bits) - 1))
        for box in (self.spin_a, self.spin_b, self.wide_a, self.wide_b):
            box.setFont(_font(BIG * operand_scale))
            box.setMinimumWidth(max(140, box.fontMetrics().horizontalAdvance(digits)
                                    + SPIN_ROOM))

    def set_note(self, text: str) -> None:
        """A line shown where the wrong-pair count goes (used while watching training)."""
        self._note = text
        self._show_wrong_state()

    # -- answering --------------------------------------------------------------------------

    def operands(self) -> tuple[int, int]:
        """(a, b) as the inputs on show hold them."""
        a, b = self._inputs()
        return a.value(), b.value()

    def _inputs(self) -> tuple[QAbstractSpinBox, QAbstractSpinBox]:
        """The two operand boxes on show: QSpinBoxes, or WideSpinBoxes past a C int."""
        return (self.wide_a, self.wide_b) if self._wide else (self.spin_a, self.spin_b)

    def _show_inputs(self, wide: bool) -> None:
        self._wide = wide
        for box in (self.spin_a, self.spin_b, self.wide_a, self.wide_b):
            box.setVisible(isinstance(box, WideSpinBox) == wide)  # hidden: takes no room

    def _set_operands(self, a: int, b: int) -> None:
        for box, value in zip(self._inputs(), (a, b), strict=True):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def set_pair(self, a: int, b: int) -> None:
        self._set_operands(a, b)
        self._update()

    @Slot()
    def _update(self) -> None:
        if self._engine is None:
            return
        answer = self._engine.answer(*self.operands())
        self._answer = answer
        self.predicted_sum.setText(str(answer.predicted))
        self.predicted_sum.setStyleSheet(f"color: {'#1f2933' if answer.correct else WRONG}")
        self.verdict.setText("✓ right" if answer.correct else "✗ wrong")
        self.verdict.setStyleSheet(f"color: {RIGHT if answer.correct else WRONG}")
        self.verdict.setToolTip("the network is right" if answer.correct else
                                f"the network is wrong: the sum is {answer.true}")
        self.true_sum.setText(str(answer.true))
        self.confidence.setText(f"{answer.confidence:.3f}")
        self.bit_grid.set_answer(answer)
        self._show_wrong_state()
        self.pair_changed.emit(answer.a, answer.b)

    @Slot()
    def random_pair(self) -> None:
        if self._engine is not None:
            top = self._engine.max_operand
            self.set_pair(self._random.randint(0, top), self._random.randint(0, top))

    # -- wrong pairs ------------------------------------------------------------------------

    def _start_judging(self, engine: Engine) -> None:
        self._judging = Task.launch(partial(open_models.judged, engine), engine,
                                    self._on_judged, self._on_judging_failed)

    def _cancel_judging(self) -> None:
        if self._judging is not None:
            self._judging.cancel.set()
            self._judging = None

    @Slot(object, object)
    def _on_judged(self, engine, report: Report | None) -> None:
        if engine is not self._engine or report is None:
            return
        self._judging = None
        self._report = report
        self._show_wrong_state()

    @Slot(object, str)
    def _on_judging_failed(self, engine, message: str) -> None:
        if engine is self._engine:
            self._judging = None
            self.set_note(f"Could not judge the pairs: {message}")

    def _show_wrong_state(self) -> None:
        report = self._report
        stepping = report is not None and report.wrong_count > 0 and report.pairs is not None
        self.previous_wrong.setEnabled(stepping)
        self.next_wrong.setEnabled(stepping)
        if self._engine is None:
            self.wrong_label.setText("")
        elif report is None or self._watching:
            self.wrong_label.setText(self._note or "Finding the pairs it gets wrong…")
        else:
            self.wrong_label.setText(self._wrong_text(report))

    def _wrong_text(self, report: Report) -> str:
        if report.wrong_count == 0:
            return f"No wrong pairs: right on {report.scope()}."
        text = f"{report.wrong_count:,} wrong of {report.scope()} ({report.exact:.2%} right)"
        place = report.wrong_position(*self.operands())
        if place is not None:
            text = f"Wrong pair {place:,} of {report.wrong_count:,} · " + text
        return text

    @Slot()
    def show_next_wrong(self) -> None:
        self._step(self._report.next_wrong if self._report is not None else None)

    @Slot()
    def show_previous_wrong(self) -> None:
        self._step(self._report.previous_wrong if self._report is not None else None)

    def _step(self, find) -> None:
        pair = None if find is None else find(*self.operands())
        if pair is not None:
            self.set_pair(*pair)

    # -- width ------------------------------------------------------------------------------

    def _fill_width_box(self, entry: OpenModel | None) -> None:
        widths = [] if entry is None else [entry.bits]
        if entry is not None and not self._watching and entry.engine.can_widen:
            widths += [w for w in WIDER if w > entry.bits]
        box = self.width_box
        box.blockSignals(True)
        box.clear()
        for bits in widths:
            box.addItem(f"{bits} bits", bits)
        box.blockSignals(False)
        box.setEnabled(len(widths) > 1)
        why = "" if entry is None or len(widths) > 1 else _why_fixed(entry)
        box.setToolTip(why or WIDTH_TIP)
        self.width_note.setText(why)

    def set_width(self, bits: int) -> None:
        """Run the current model at `bits` (its own width or one in the width box)."""
        model = self._model
        if model is None:
            return
        index = self.width_box.findData(bits)
        if index < 0:
            raise ValueError(f"this model cannot run at {bits} bits")
        self.width_box.setCurrentIndex(index)
        engine = model.at_width(bits)
        self.width_note.setText("" if bits == model.bits else
                                f"The {model.bits}-bit model's weights, run on "
                                f"{bits}-bit numbers.")
        if engine is not self._engine:
            self._show_engine(engine)

    @Slot(int)
    def _on_width_chosen(self, index: int) -> None:
        self.set_width(self.width_box.itemData(index))
