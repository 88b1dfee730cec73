"""A spin box for integers wider than a QSpinBox holds.

QSpinBox keeps its value in a C int, so it stops at 2**31 - 1; a 32-bit operand goes to
2**32 - 1. `WideSpinBox` keeps a Python int and otherwise behaves like a QSpinBox: typing
(digits only, checked against the range as you type), the arrows, the keyboard's up/down and
page keys, and the wheel.

A keystroke the box refuses (a digit past the maximum, a letter) is refused as in a QSpinBox,
but not silently: with a maximum of 255, typing 999 leaves 99 in the box, and a tooltip under
it says "0 – 255". `RangeHintSpinBox` is a QSpinBox that does the same, for operands that fit
a C int. `OperandBoxes` keeps a pair of each, and shows the kind the range needs.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QToolTip, QWidget

HINT_MS = 3000  # how long the range stays on show after a refused keystroke
SPIN_MAX = (1 << 31) - 1  # the largest value a QSpinBox holds


def range_text(minimum: int, maximum: int) -> str:
    """The range a box takes, as its hint says it."""
    return f"{minimum} – {maximum}"


def _hint_on_refusal(box: QAbstractSpinBox) -> None:
    """Show box.range_hint() under the box whenever its line edit refuses a keystroke
    (QLineEdit.inputRejected: the validator said Invalid, e.g. a digit past the maximum)."""

    def show() -> None:
        below = box.mapToGlobal(QPoint(0, box.height()))
        QToolTip.showText(below, box.range_hint(), box, QRect(), HINT_MS)

    box.lineEdit().inputRejected.connect(show)


class RangeHintSpinBox(QSpinBox):
    """A QSpinBox that shows its range when it refuses a keystroke, instead of dropping the
    digit silently."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        _hint_on_refusal(self)

    def range_hint(self) -> str:
        return range_text(self.minimum(), self.maximum())


class WideSpinBox(QAbstractSpinBox):
    valueChanged = Signal(object)  # noqa: N815 (QSpinBox's name); the new value, a Python int

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._minimum, self._maximum, self._value = 0, 99, 0
        self.lineEdit().setText(self.textFromValue(0))
        self.editingFinished.connect(self._commit)
        self.lineEdit().textEdited.connect(self._on_text_edited)
        _hint_on_refusal(self)

    # -- QSpinBox's API ---------------------------------------------------------------------

    def value(self) -> int:
        return self._value

    def minimum(self) -> int:
        return self._minimum

    def maximum(self) -> int:
        return self._maximum

    def range_hint(self) -> str:
        return range_text(self._minimum, self._maximum)

    def setRange(self, minimum: int, maximum: int) -> None:  # noqa: N802 (Qt's name)
        if minimum > maximum:
            raise ValueError(f"empty range {minimum}..{maximum}")
        self._minimum, self._maximum = int(minimum), int(maximum)
        self.setValue(self._value)

    def setValue(self, value: int) -> None:  # noqa: N802 (Qt's name)
        value = min(max(int(value), self._minimum), self._maximum)
        self.lineEdit().setText(self.textFromValue(value))
        if value != self._value:
            self._value = value
            self.valueChanged.emit(value)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (QSpinBox's name)
        return str(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802 (QSpinBox's name)
        return int(text)

    # -- QAbstractSpinBox's hooks -----------------------------------------------------------

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt override)
        self.setValue(self._value + steps)
        self.selectAll()

    def stepEnabled(self):  # noqa: N802 (Qt override)
        flag = QAbstractSpinBox.StepEnabledFlag
        enabled = flag.StepNone
        if self._value > self._minimum:
            enabled |= flag.StepDownEnabled
        if self._value < self._maximum:
            enabled |= flag.StepUpEnabled
        return enabled

    def validate(self, text: str, pos: int):
        """Digits only; a number above the maximum is refused, one below the minimum is
        Intermediate (more digits may follow)."""
        state = QValidator.State
        if text == "":
            return state.Intermediate, text, pos
        if not text.isdigit() or not text.isascii():
            return state.Invalid, text, pos
        value = int(text)
        if value > self._maximum:
            return state.Invalid, text, pos
        if value < self._minimum:
            return state.Intermediate, text, pos
        return state.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return self.textFromValue(self._value)

    # -- typing -----------------------------------------------------------------------------

    def _on_text_edited(self, text: str) -> None:
        """Every digit typed answers at once, as in a QSpinBox (keyboardTracking)."""
        state, _, _ = self.validate(text, 0)
        if state == QValidator.State.Acceptable:
            value = self.valueFromText(text)
            if value != self._value:
                self._value = value
                self.valueChanged.emit(value)

    def _commit(self) -> None:
        """Editing finished: show the value held (a half-typed number falls back to it)."""
        self.lineEdit().setText(self.textFromValue(self._value))

    # -- size -------------------------------------------------------------------------------

    def sizeHint(self):  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        digits = self.fontMetrics().horizontalAdvance("8" * (len(str(self._maximum)) + 1))
        hint.setWidth(max(hint.width(), digits + 40))
        return hint


class OperandBoxes:
    """The boxes of the two operands, two of each kind, one kind on show: RangeHintSpinBoxes
    while the range fits a C int (SPIN_MAX), WideSpinBoxes past it."""

    def __init__(self, make):
        """`make(name, kind)`: a box of `kind` named `name`, styled and connected."""
        self.spin_a, self.spin_b = (make(name, RangeHintSpinBox) for name in ("spin_a", "spin_b"))
        self.wide_a, self.wide_b = (make(name, WideSpinBox) for name in ("wide_a", "wide_b"))
        self.all = (self.spin_a, self.spin_b, self.wide_a, self.wide_b)
        self.set_top(SPIN_MAX)

    def shown(self) -> tuple[QAbstractSpinBox, QAbstractSpinBox]:
        return (self.wide_a, self.wide_b) if self.wide else (self.spin_a, self.spin_b)

    def values(self) -> tuple[int, int]:
        a, b = self.shown()
        return a.value(), b.value()

    def set_values(self, a: int, b: int) -> None:
        """Hold (a, b), telling no one (a box that holds its value already is left alone, so
        that typing in it goes on undisturbed)."""
        for box, value in zip(self.shown(), (a, b), strict=True):
            if box.value() != value:
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)

    def set_top(self, top: int) -> None:
        """Take 0 to `top`, in the kind of box that holds it (the other kind is hidden, and
        takes no room)."""
        self.wide = top > SPIN_MAX
        for box in self.all:
            box.blockSignals(True)
            box.setRange(0, top if isinstance(box, WideSpinBox) else min(top, SPIN_MAX))
            box.blockSignals(False)
            box.setVisible(isinstance(box, WideSpinBox) == self.wide)
