"""Wider numbers in the Calculator: a carry model's weights at 16 and 32 bits, the wide
input boxes past a QSpinBox's limit, and a seed model that says it cannot widen."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from core.cli import BUNDLED
from core.encodings import ENCODINGS
from core.storage import LoadedModel
from gui.tasks import Task
from gui.wide_spinbox import WideSpinBox


def msb_bits(value: int, width: int) -> list[int]:
    return [int(c) for c in bin(value)[2:].zfill(width)]


def switch(calculator, bits: int) -> None:
    calculator.set_width(bits)
    assert Task.wait_all(60_000)
    assert calculator.operand_bits == bits


@pytest.fixture
def carry_window(window):
    assert window.load_model(BUNDLED["carry"])
    return window


def test_a_seed_model_cannot_widen_and_says_why(window, seed_model):
    window.add_model(LoadedModel(seed_model, ENCODINGS["concat-msb"], 4), name="seed")
    calculator = window.calculator
    assert not calculator.width_box.isEnabled()
    assert calculator.width_box.count() == 1
    assert "only a carry (paired-lsb) model" in calculator.width_note.text()
    with pytest.raises(ValueError, match="cannot run at 16 bits"):
        calculator.set_width(16)
    window.wait_for_background()


def test_a_carry_model_adds_16_bit_numbers(carry_window):
    calculator = carry_window.calculator
    assert calculator.width_box.isEnabled()
    assert [calculator.width_box.itemData(i) for i in range(3)] == [8, 16, 32]
    calculator.spin_a.setValue(157)
    switch(calculator, 16)
    assert calculator.spin_a.maximum() == 65_535 and calculator.spin_a.isVisibleTo(calculator)
    assert calculator.operands()[0] == 157  # kept: it fits
    calculator.set_pair(40_000, 25_535)
    assert calculator.true_sum.text() == "65535"
    rows = calculator.bit_grid.rows()
    assert rows["a"] == msb_bits(40_000, 16) and rows["true"] == msb_bits(65_535, 17)
    assert calculator.answer.predicted == int("".join(map(str, rows["predicted"])), 2)
    carry_window.wait_for_background()


def test_32_bit_operands_move_to_the_wide_boxes_and_back(carry_window, qtbot):
    calculator = carry_window.calculator
    switch(calculator, 32)
    assert calculator.wide_a.isVisibleTo(calculator)
    assert not calculator.spin_a.isVisibleTo(calculator)
    assert calculator.wide_a.maximum() == 2**32 - 1
    with qtbot.waitSignal(calculator.pair_changed) as changed:
        calculator.set_pair(4_000_000_000, 294_967_295)
    assert changed.args == [4_000_000_000, 294_967_295]
    assert calculator.true_sum.text() == "4294967295"
    rows = calculator.bit_grid.rows()
    assert rows["true"] == msb_bits(4_294_967_295, 33) and len(rows["predicted"]) == 33
    calculator.wide_b.setFocus()
    calculator.wide_b.selectAll()
    qtbot.keyClicks(calculator.wide_b, "4000000000")  # more than a QSpinBox can hold
    assert calculator.answer.b == 4_000_000_000
    assert calculator.true_sum.text() == "8000000000"
    switch(calculator, 8)
    assert calculator.spin_a.isVisibleTo(calculator)
    assert calculator.operands() == (255, 255)  # clamped to the 8-bit range
    carry_window.wait_for_background()


def test_a_new_model_comes_at_its_own_width(carry_window, carry_model):
    calculator = carry_window.calculator
    switch(calculator, 16)
    carry_window.add_model(LoadedModel(carry_model.model, ENCODINGS["paired-lsb"], 4),
                           name="carry4")
    assert calculator.operand_bits == 4 and calculator.width_box.currentData() == 4
    assert calculator.spin_a.maximum() == 15
    carry_window.wait_for_background()


def test_the_insight_tab_follows_the_calculator_pair(carry_window):
    carry_window.calculator.set_pair(13, 7)
    assert "13 + 7" in carry_window.insight._state_title.text()
    carry_window.wait_for_background()


@pytest.fixture
def wide(qtbot):
    box = WideSpinBox()
    box.setRange(0, 2**32 - 1)
    qtbot.addWidget(box)
    box.show()
    return box


def test_wide_spinbox_holds_more_than_a_qspinbox(wide, qtbot):
    spin = QSpinBox()
    spin.setRange(0, 2**31 - 1)
    assert spin.maximum() < 2**32 - 1 == wide.maximum()
    with qtbot.waitSignal(wide.valueChanged) as changed:
        wide.setValue(2**32 - 1)
    assert changed.args == [2**32 - 1] and isinstance(changed.args[0], int)
    wide.setValue(2**40)  # clamped, like a QSpinBox
    assert wide.value() == 2**32 - 1 and wide.text() == str(2**32 - 1)
    wide.setValue(-5)
    assert wide.value() == 0


def test_wide_spinbox_steps_with_arrows_keys_and_wheel(wide, qtbot):
    wide.setValue(2**32 - 2)
    wide.stepBy(1)
    assert wide.value() == 2**32 - 1
    wide.stepBy(1)  # no further than the maximum
    assert wide.value() == 2**32 - 1
    assert not wide.stepEnabled() & wide.StepEnabledFlag.StepUpEnabled
    wide.setFocus()
    qtbot.keyClick(wide, Qt.Key.Key_Down)
    assert wide.value() == 2**32 - 2


def test_wide_spinbox_accepts_digits_within_the_range_only(wide, qtbot):
    wide.setFocus()
    wide.selectAll()
    qtbot.keyClicks(wide, "12x3")  # the letter is refused
    assert wide.value() == 123
    wide.selectAll()
    qtbot.keyClicks(wide, "99999999999")  # past 2**32 - 1: the last digits are refused
    assert wide.value() == 999_999_999
    state = wide.validate("4294967296", 0)[0]
    assert state == state.Invalid
    assert wide.validate("", 0)[0] == state.Intermediate
