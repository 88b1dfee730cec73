"""The Calculator tab: two spinboxes, the network's sum as you type, and the bit grid.

Every change of either operand asks the current model at once (a compiled call well under a
millisecond). The pairs the model gets wrong are found by core's evaluation on a pool thread
(gui.tasks) and can be stepped through with the previous/next buttons.

A carry (paired-lsb) model reads one bit of each operand per step, so the same weights add
wider numbers: the width box runs it at 16 or 32 bits. Above 2**31 - 1 the operands move from
the QSpinBoxes to WideSpinBoxes (a QSpinBox holds a C int). A seed (concat-msb) model reads a
fixed number of steps, and the box says so.
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from functools import partial

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.bit_grid import BitGrid
from gui.open_models import OpenModel, WrongPairs, can_widen, find_wrong_pairs, widen
from gui.tasks import Task
from gui.wide_spinbox import WideSpinBox

BIG = 26  # point size of the operands and the predicted sum
SUM_SCALE = {16: 1.5, 32: 1.0}  # the predicted sum's size for operands up to so many bits
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
    if not can_widen(entry):
        return (f"This model reads exactly {entry.bits}-bit numbers, a's bits then b's; "
                "only a carry (paired-lsb) model can add wider numbers.")
    return "Training: the width stays the model's own."


class CalculatorTab(QWidget):
    pair_changed = Signal(object, object)  # the operands on show (Python ints: any width)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._entry: OpenModel | None = None  # the model answering (maybe widened)
        self._native: OpenModel | None = None  # the model as given to set_model
        self._widened: dict[int, OpenModel] = {}  # its weights at other widths, once prepared
        self._width_tag = 0
        self._answer = None
        self._wrong: WrongPairs | None = None
        self._wrong_keys: list[tuple[int, int]] = []
        self._wrong_task: Task | None = None
        self._wrong_tag = 0
        self._note = ""
        self._random = random.Random()
        self._build()
        self._size_sum(8)
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
        self.wide_a, self.wide_b = (self._spinbox(name, WideSpinBox, 260)
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

    def _spinbox(self, name: str, kind=QSpinBox, min_width: int = 140):
        """An operand box: QSpinBox, or WideSpinBox for operands past 2**31 - 1."""
        spin = kind()
        spin.setObjectName(name)
        spin.setFont(_font(BIG))
        spin.setMinimumWidth(min_width)
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
        return self._entry

    @property
    def answer(self):
        """The core.inference.Answer on show (None without a model)."""
        return self._answer

    @property
    def wrong_pairs(self) -> WrongPairs | None:
        """The current model's wrong pairs once found (None while they are being found)."""
        return self._wrong

    @property
    def operand_bits(self) -> int | None:
        """The operand width on show (the model's own, or the one chosen in the width box)."""
        return None if self._entry is None else self._entry.bits

    def set_model(self, entry: OpenModel | None, message: str = "",
                  find_wrong: bool = True) -> None:
        """Answer with `entry` from now on; None shows `message` and disables the inputs.

        `find_wrong=False` (used while watching a training run, whose weights change every
        epoch) skips the search for wrong pairs, and the model keeps its own width.
        """
        self._native = entry
        self._widened = {}
        self._width_tag += 1  # a width still being prepared is for the old model
        self._fill_width_box(entry, widen_ok=find_wrong)
        self._show_model(entry, message, find_wrong)

    def _show_model(self, entry: OpenModel | None, message: str, find_wrong: bool) -> None:
        self._cancel_wrong_search()
        self._entry, self._wrong, self._wrong_keys = entry, None, []
        self._note = message
        for widget in (self.spin_a, self.spin_b, self.wide_a, self.wide_b, self.random_button):
            widget.setEnabled(entry is not None)
        if entry is None:
            self._answer = None
            self.model_label.setText(message)
            self.bit_grid.set_message(message)
            for label in (self.predicted_sum, self.verdict, self.true_sum, self.confidence):
                label.setText("–" if label is not self.verdict else "")
            self._show_wrong_state()
            return
        self.model_label.setText(f"Model: {entry.description}")
        a, b = self.operands()
        top = (1 << entry.bits) - 1
        for box in (self.spin_a, self.spin_b, self.wide_a, self.wide_b):
            box.blockSignals(True)
            box.setRange(0, top if isinstance(box, WideSpinBox) else min(top, SPIN_MAX))
            box.blockSignals(False)
        self._show_inputs(wide=top > SPIN_MAX)
        self._size_sum(entry.bits)
        self._set_operands(min(a, top), min(b, top))
        self._update()
        if find_wrong:
            self._start_wrong_search(entry)
        self._show_wrong_state()

    def _size_sum(self, bits: int) -> None:
        """Room for the widest sum: a 32-bit one (ten digits) in a smaller font."""
        scale = next((v for k, v in SUM_SCALE.items() if bits <= k), min(SUM_SCALE.values()))
        label = self.predicted_sum
        label.setFont(_font(BIG * scale, bold=True))
        widest = label.fontMetrics().horizontalAdvance("8" * len(str(1 << (bits + 1))))
        label.setMinimumWidth(max(150, widest + 8))

    def set_note(self, text: str) -> None:
        """A line shown where the wrong-pair count goes (used while watching training)."""
        self._note = text
        self._show_wrong_state()

    @Slot()
    def refresh(self) -> None:
        """Answer the pair on show again (after the model's weights changed)."""
        self._update()

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
        if self._entry is None:
            return
        answer = self._entry.adder.answer(*self.operands())
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
        if self._entry is not None:
            top = (1 << self._entry.bits) - 1
            self.set_pair(self._random.randint(0, top), self._random.randint(0, top))

    # -- wrong pairs ------------------------------------------------------------------------

    def _start_wrong_search(self, entry: OpenModel) -> None:
        self._wrong_tag += 1
        fn = partial(find_wrong_pairs, entry.adder, entry.model.get_weights())
        self._wrong_task = Task.launch(fn, self._wrong_tag, self._on_wrong_pairs,
                                       self._on_wrong_failed)

    def _cancel_wrong_search(self) -> None:
        if self._wrong_task is not None:
            self._wrong_task.cancel.set()
            self._wrong_task = None

    @Slot(object, object)
    def _on_wrong_pairs(self, tag, wrong: WrongPairs | None) -> None:
        if tag != self._wrong_tag or wrong is None:
            return
        self._wrong_task = None
        self._wrong = wrong
        self._wrong_keys = [(a, b) for a, b, _, _ in wrong.pairs]
        self._show_wrong_state()

    @Slot(object, str)
    def _on_wrong_failed(self, tag, message: str) -> None:
        if tag == self._wrong_tag:
            self._wrong_task = None
            self.set_note(f"Could not judge the pairs: {message}")

    def _show_wrong_state(self) -> None:
        wrong = self._wrong
        stepping = wrong is not None and wrong.count > 0
        self.previous_wrong.setEnabled(stepping)
        self.next_wrong.setEnabled(stepping)
        if self._entry is None:
            self.wrong_label.setText("")
        elif wrong is None:
            self.wrong_label.setText(self._note or "Finding the pairs it gets wrong…")
        else:
            self.wrong_label.setText(self._wrong_text(wrong))

    def _wrong_text(self, wrong: WrongPairs) -> str:
        scope = (f"all {wrong.judged:,} pairs" if wrong.everything
                 else f"{wrong.judged:,} random pairs")
        if wrong.count == 0:
            return f"No wrong pairs: right on {scope}."
        text = f"{wrong.count:,} wrong of {scope} ({1 - wrong.count / wrong.judged:.2%} right)"
        pair = self.operands()
        i = bisect_left(self._wrong_keys, pair)
        if i < len(self._wrong_keys) and self._wrong_keys[i] == pair:
            text = f"Wrong pair {i + 1:,} of {wrong.count:,} · " + text
        return text

    @Slot()
    def show_next_wrong(self) -> None:
        if self._wrong_keys:
            pair = self.operands()
            i = bisect_right(self._wrong_keys, pair) % len(self._wrong_keys)
            self.set_pair(*self._wrong_keys[i])

    @Slot()
    def show_previous_wrong(self) -> None:
        if self._wrong_keys:
            pair = self.operands()
            i = (bisect_left(self._wrong_keys, pair) - 1) % len(self._wrong_keys)
            self.set_pair(*self._wrong_keys[i])

    # -- width ------------------------------------------------------------------------------

    def _fill_width_box(self, entry: OpenModel | None, widen_ok: bool) -> None:
        widths = [] if entry is None else [entry.bits]
        if entry is not None and widen_ok and can_widen(entry):
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
        """Run the current model at `bits` (prepared on the TensorFlow thread)."""
        native = self._native
        if native is None:
            return
        index = self.width_box.findData(bits)
        if index < 0:
            raise ValueError(f"this model cannot run at {bits} bits")
        self.width_box.setCurrentIndex(index)
        self._width_tag += 1  # drops a width still being prepared
        ready = native if bits == native.bits else self._widened.get(bits)
        if ready is not None:
            self.width_box.setEnabled(True)
            self._show_width(ready)
            return
        self.width_note.setText(f"Preparing the {bits}-bit adder…")
        self.width_box.setEnabled(False)
        Task.launch(partial(widen, native, bits), self._width_tag, self._on_widened,
                    self._on_widen_failed)

    @Slot(int)
    def _on_width_chosen(self, index: int) -> None:
        self.set_width(self.width_box.itemData(index))

    @Slot(object, object)
    def _on_widened(self, tag, entry: OpenModel) -> None:
        if tag != self._width_tag:
            return
        self.width_box.setEnabled(True)
        self._widened[entry.bits] = entry
        self._show_width(entry)

    def _show_width(self, entry: OpenModel) -> None:
        native = self._native.bits
        self.width_note.setText("" if entry.bits == native else
                                f"The {native}-bit model's weights, run on "
                                f"{entry.bits}-bit numbers.")
        if entry is not self._entry:
            self._show_model(entry, "", find_wrong=True)

    @Slot(object, str)
    def _on_widen_failed(self, tag, message: str) -> None:
        if tag == self._width_tag:
            self.width_box.setEnabled(True)
            self.width_box.setCurrentIndex(self.width_box.findData(self.operand_bits))
            self.width_note.setText(f"Cannot run it at that width: {message}")
