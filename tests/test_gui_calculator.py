"""The Calculator tab and the window around it: answers as you type, the bit grid, wrong
pairs, wider numbers for a carry model, opening and saving model files, and what the window
remembers."""

import shutil
import warnings

import keras
import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QValidator, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QSpinBox

from lstm_adder.assets import BUNDLED
from lstm_adder.core.data import EVAL_SAMPLES
from lstm_adder.core.encodings import CONCAT_MSB
from lstm_adder.core.engine import Engine
from lstm_adder.core.numbers import all_pairs, from_bits, to_bits
from lstm_adder.core.storage import load_model
from lstm_adder.gui import main_window
from lstm_adder.gui.bit_grid import BitGrid
from lstm_adder.gui.calculator_tab import CalculatorTab
from lstm_adder.gui.main_window import MainWindow
from lstm_adder.gui.tasks import Task
from lstm_adder.gui.wide_spinbox import RangeHintSpinBox, WideSpinBox
from lstm_adder.session.open_models import KerasTwoFile, OpenModel, open_file


def msb_bits(value: int, width: int) -> list[int]:
    """Python's own binary digits of value, most significant first."""
    return [int(c) for c in bin(value)[2:].zfill(width)]


def carries_into(a: int, b: int, width: int) -> list[int]:
    """The carry into each column 2^width .. 2^0, from integer arithmetic."""
    return [((a % (1 << k)) + (b % (1 << k))) >> k for k in range(width, -1, -1)]


def shown(window, name, kind=QLabel):
    return window.findChild(kind, name)


def fresh(engine: Engine) -> Engine:
    """The same weights in an engine that has judged nothing yet."""
    return Engine(engine.net, engine.encoding, engine.bits)


@pytest.fixture(scope="session")
def carry8_path(tmp_path_factory):
    """The bundled 8-bit carry model (right on every pair), copied where tests may write."""
    path = tmp_path_factory.mktemp("models") / "carry8.keras"
    shutil.copy(BUNDLED["carry"], path)
    return path


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    """MainWindow factory; every window is closed and leaves no background job behind."""
    windows = []

    def make(**kwargs):
        kwargs.setdefault("autoload", False)
        window = MainWindow(settings=settings, **kwargs)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    assert Task.running() == 0


@pytest.fixture(scope="module")
def window8(qapp, carry8_path, tmp_path_factory):
    """One window on the 8-bit carry model, shared by the read-only tests."""
    ini = tmp_path_factory.mktemp("settings") / "settings.ini"
    window = MainWindow(settings=QSettings(str(ini), QSettings.Format.IniFormat),
                        autoload=False)
    assert window.session.load(carry8_path)
    window.show()
    yield window
    window.close()
    assert Task.running() == 0


def check_pair_on_screen(window, a: int, b: int, width: int) -> None:
    grid = shown(window, "bit_grid", BitGrid)
    assert int(shown(window, "predicted_sum").text()) == a + b
    assert int(shown(window, "true_sum").text()) == a + b
    assert "✓" in shown(window, "verdict").text()
    rows = grid.rows()
    assert rows["a"] == msb_bits(a, width)
    assert rows["b"] == msb_bits(b, width)
    assert rows["true"] == msb_bits(a + b, width + 1)
    assert rows["predicted"] == msb_bits(a + b, width + 1)
    assert rows["carry"] == carries_into(a, b, width)
    assert grid.mismatches() == []


def test_typing_past_an_8_bit_box_shows_its_range(window8, qtbot):
    from PySide6.QtWidgets import QToolTip

    box = shown(window8, "spin_a", QSpinBox)
    assert isinstance(box, RangeHintSpinBox)
    QToolTip.hideText()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "999")
    assert box.value() == 99  # the third 9 would pass 255...
    assert QToolTip.isVisible() and QToolTip.text() == "0 – 255"  # ...so the box says so
    QToolTip.hideText()


@pytest.mark.parametrize(("a", "b"), [(0, 0), (255, 255), (157, 113)])
def test_spinboxes_drive_the_sum_and_the_grid(window8, a, b):
    shown(window8, "spin_a", QSpinBox).setValue(a)
    shown(window8, "spin_b", QSpinBox).setValue(b)
    check_pair_on_screen(window8, a, b, 8)


def test_typing_answers_at_every_keystroke(window8, qtbot):
    spin_a, spin_b = shown(window8, "spin_a", QSpinBox), shown(window8, "spin_b", QSpinBox)
    spin_b.setValue(113)
    spin_a.setFocus()
    spin_a.selectAll()
    for typed, value in (("1", 1), ("5", 15), ("7", 157)):
        qtbot.keyClicks(spin_a, typed)
        assert spin_a.value() == value
        assert int(shown(window8, "predicted_sum").text()) == value + 113
    qtbot.keyClick(spin_a, Qt.Key.Key_Up)
    assert int(shown(window8, "predicted_sum").text()) == 158 + 113


def test_random_pairs_match_python(window8, qtbot):
    button = shown(window8, "random_button", QPushButton)
    seen = set()
    for _ in range(20):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        a = shown(window8, "spin_a", QSpinBox).value()
        b = shown(window8, "spin_b", QSpinBox).value()
        seen.add((a, b))
        check_pair_on_screen(window8, a, b, 8)
    assert len(seen) > 1


def test_spin_range_follows_the_model_width(window8):
    assert shown(window8, "spin_a", QSpinBox).maximum() == 255
    assert shown(window8, "spin_b", QSpinBox).minimum() == 0
    window8.wait_for_background()
    assert window8.calculator.wrong_pairs.wrong_count == 0
    assert "No wrong pairs" in shown(window8, "wrong_count").text()


def keras_wrong_pairs(model, bits: int) -> list[tuple[int, int]]:
    """The pairs Keras's own predict gets wrong (a concat-msb model), in (a, b) order."""
    a, b = all_pairs(bits)
    x = CONCAT_MSB.inputs(to_bits(a, bits), to_bits(b, bits))
    predicted = from_bits(CONCAT_MSB.probabilities(model.predict(x, verbose=0)) >= 0.5)
    return [(int(i), int(j)) for i, j, p in zip(a, b, predicted, strict=True) if p != i + j]


def test_wrong_bits_are_marked(make_window, seed_model, seed_engine, qtbot):
    window = make_window()
    window.session.add(OpenModel("untrained", fresh(seed_engine)))
    assert shown(window, "spin_a", QSpinBox).maximum() == 15
    assert window.wait_for_background()
    wrong = [(a, b) for a, b, _, _ in window.calculator.wrong_pairs.wrong()]
    assert wrong == keras_wrong_pairs(seed_model, 4) and wrong

    window.calculator.set_pair(15, 15)
    qtbot.mouseClick(shown(window, "next_wrong", QPushButton), Qt.MouseButton.LeftButton)
    a, b = shown(window, "spin_a", QSpinBox).value(), shown(window, "spin_b", QSpinBox).value()
    assert (a, b) == wrong[0]  # after the last pair comes the first
    predicted = int(shown(window, "predicted_sum").text())
    assert predicted != a + b
    assert "✗" in shown(window, "verdict").text()
    differ = [k for k, (p, t) in enumerate(zip(msb_bits(predicted, 5)[::-1],
                                               msb_bits(a + b, 5)[::-1], strict=True))
              if p != t]
    grid = shown(window, "bit_grid", BitGrid)
    assert grid.mismatches() == differ
    assert grid.rows()["predicted"] == msb_bits(predicted, 5)
    assert grid.rows()["true"] == msb_bits(a + b, 5)


def test_previous_and_next_step_through_the_wrong_pairs(make_window, seed_engine, qtbot):
    window = make_window()
    window.session.add(OpenModel("untrained", seed_engine))
    window.wait_for_background()
    pairs = [p[:2] for p in window.calculator.wrong_pairs.wrong()]
    assert len(pairs) >= 2
    window.calculator.set_pair(*pairs[0])
    click = lambda name: qtbot.mouseClick(shown(window, name, QPushButton),
                                          Qt.MouseButton.LeftButton)
    current = lambda: (shown(window, "spin_a", QSpinBox).value(),
                       shown(window, "spin_b", QSpinBox).value())
    click("next_wrong")
    assert current() == pairs[1]
    assert f"Wrong pair 2 of {len(pairs)}" in shown(window, "wrong_count").text()
    click("previous_wrong")
    assert current() == pairs[0]
    click("previous_wrong")
    assert current() == pairs[-1]  # wraps around


def _corrupt(path):
    path.write_bytes(b"this is not a zip archive")


def _not_an_adder(path):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    model.save(path)


@pytest.fixture
def dialogs(monkeypatch):
    shown_dialogs = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown_dialogs.append(args)
                        or QMessageBox.StandardButton.Ok)
    return shown_dialogs


@pytest.mark.parametrize("make_bad", [_corrupt, _not_an_adder])
def test_a_bad_file_shows_a_dialog_and_keeps_the_model(make_window, carry_engine, tmp_path,
                                                       dialogs, make_bad):
    window = make_window()
    before = window.session.add(OpenModel("carry4", carry_engine))
    bad = tmp_path / "bad.keras"
    make_bad(bad)

    assert not window.session.load(bad)
    assert len(dialogs) == 1 and "bad.keras" in dialogs[0][2]
    assert window.session.current is before and window.calculator.model is before
    window.calculator.set_pair(9, 14)
    assert shown(window, "predicted_sum").text() == "23"

    window.session.open(bad)  # the menu's path, off the GUI thread
    assert window.wait_for_background()
    assert len(dialogs) == 2
    assert window.calculator.model is before and shown(window, "spin_a", QSpinBox).isEnabled()


def test_window_shows_before_the_model_is_loaded(make_window, carry8_path, settings, qtbot):
    window = make_window(model_path=carry8_path, autoload=True)
    assert "Loading" in shown(window, "model_label").text()
    assert not shown(window, "spin_a", QSpinBox).isEnabled()
    qtbot.waitUntil(lambda: window.calculator.model is not None, timeout=30_000)
    assert shown(window, "spin_a", QSpinBox).isEnabled()
    window.calculator.set_pair(157, 113)
    check_pair_on_screen(window, 157, 113, 8)
    assert settings.value("last_model") == str(carry8_path)


def test_a_model_open_already_is_not_read_or_judged_again(make_window, carry8_path):
    window = make_window()
    assert window.session.load(carry8_path)
    assert window.wait_for_background()
    first = window.session.current
    window.session.open(carry8_path)  # the toolbar's bundled-model buttons do this
    assert window.session.current is first and Task.running() == 0
    assert window.calculator.wrong_pairs is not None  # at once: judged before


def test_settings_remember_the_last_model_and_geometry(make_window, carry8_path, qtbot,
                                                       monkeypatch):
    monkeypatch.setattr(main_window, "BUNDLED", {})
    first = make_window()
    first.session.load(carry8_path)
    first.show()
    first.resize(790, 595)  # inside the offscreen screen (800 x 600)
    size = first.size()
    assert (size.width(), size.height()) != main_window.DEFAULT_SIZE
    first.close()
    second = make_window(autoload=True)
    assert second.size() == size
    qtbot.waitUntil(lambda: second.session.current is not None, timeout=30_000)
    assert second.session.current.path == carry8_path


def test_without_any_model_the_window_says_so(make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window, "BUNDLED", {"seed": tmp_path / "seed.keras"})
    window = make_window(autoload=True)
    assert "No model" in shown(window, "model_label").text()
    assert not shown(window, "spin_a", QSpinBox).isEnabled()
    assert Task.running() == 0


def test_save_as_copies_a_keras_file_that_opens_again(make_window, carry_file, tmp_path,
                                                      qtbot):
    window = make_window()
    assert window.session.load(carry_file)
    target = tmp_path / "saved"
    with qtbot.waitSignal(window.saved, timeout=30_000) as saved:
        assert window.session.save(target)
    assert saved.args == [tmp_path / "saved.keras"]
    loaded = load_model(tmp_path / "saved.keras")  # Keras reads the copy
    assert (loaded.encoding.name, loaded.bits) == ("paired-lsb", 4)
    assert loaded.info["recipe"]["name"] == "carry"
    assert window.session.current.path == tmp_path / "saved.keras"
    assert window.session.load(tmp_path / "saved.keras")
    assert len(window.session.models) == 1  # the same file, so the same entry
    for a, b in [(0, 0), (15, 15), (9, 6)]:
        window.calculator.set_pair(a, b)
        check_pair_on_screen(window, a, b, 4)


def test_a_keras2_h5_is_saved_as_keras_by_the_keras_thread(make_window, keras2_h5, tmp_path,
                                                           qtbot):
    window = make_window()
    assert window.session.load(keras2_h5)
    with qtbot.waitSignal(window.saved, timeout=60_000):
        assert window.session.save(tmp_path / "tutorial.keras")
    before, _ = Engine.from_file(keras2_h5)
    after, _ = Engine.from_file(tmp_path / "tutorial.keras")
    a, b = all_pairs(8)
    np.testing.assert_array_equal(before.add_many(a, b), after.add_many(a, b))
    assert window.session.current.path == tmp_path / "tutorial.keras"


def test_a_save_that_cannot_work_shows_a_dialog_at_once_and_keeps_the_model(
        make_window, carry_file, tmp_path, qtbot, dialogs):
    window = make_window()
    assert window.session.load(carry_file)
    entry = window.session.current
    with qtbot.waitSignal(window.save_failed, timeout=5_000) as failed:
        assert not window.session.save(tmp_path / "missing" / "model.keras")
    assert "does not exist" in failed.args[0]
    assert len(dialogs) == 1 and "does not exist" in dialogs[0][2]
    assert window.session.current is entry and entry.path == carry_file
    assert not (tmp_path / "missing").exists()


def test_a_keras2_h5_is_read_by_keras_without_a_warning(keras2_h5, tmp_path):
    """The Keras load the app makes (on its Keras thread) to save a Keras 2 file as .keras:
    Keras 3's "Do not pass an `input_shape`" never reaches the terminal."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = load_model(keras2_h5)
    assert loaded.bits == 8
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        KerasTwoFile(keras2_h5).save(tmp_path / "tutorial.keras", {})
    # Keras's saving code trips NumPy 2's copy= DeprecationWarning, which Python hides
    # outside __main__; anything a terminal would show fails here.
    shown = [w for w in caught if not issubclass(w.category, DeprecationWarning)]
    assert shown == [], [str(w.message) for w in shown]


# -- wider numbers: the width box and the wide input boxes ------------------------------------

U32 = 2**32 - 1


@pytest.fixture(scope="module")
def shipped_carry(qapp):
    """The shipped 8-bit carry model: exactly right at 8 bits, ~96% right at 32."""
    return open_file(BUNDLED["carry"])


@pytest.fixture
def tab(qtbot):
    """A Calculator tab on screen; it must leave no task running."""
    tab = CalculatorTab()
    qtbot.addWidget(tab)
    tab.resize(1160, 720)
    tab.show()
    yield tab
    Task.cancel_all()
    assert Task.wait_all(60_000)


def switch(tab, bits: int) -> None:
    tab.set_width(bits)  # at once: the same weights in another engine
    assert tab.operand_bits == bits and tab.width_box.currentData() == bits


def test_a_seed_model_cannot_widen_and_says_why(tab, seed_engine):
    tab.view.show(OpenModel("seed", seed_engine))
    box = tab.width_box
    assert not box.isEnabled() and box.count() == 1 and box.currentData() == 4
    why = "only a carry (paired-lsb) model can add wider numbers"
    assert why in box.toolTip() and why in tab.width_note.text()
    assert "exactly 4-bit numbers" in tab.width_note.text()
    with pytest.raises(ValueError, match="cannot run at 16 bits"):
        tab.set_width(16)


def test_a_carry_model_adds_16_bit_numbers(tab, shipped_carry):
    tab.view.show(shipped_carry)
    assert tab.width_box.isEnabled()
    assert [tab.width_box.itemData(i) for i in range(tab.width_box.count())] == [8, 16, 32]
    assert "Run the model" in tab.width_box.toolTip()
    tab.set_pair(157, 113)
    switch(tab, 16)
    assert tab.spin_a.maximum() == tab.spin_b.maximum() == 65_535
    assert tab.spin_a.isVisible() and not tab.wide_a.isVisible()
    assert tab.operands() == (157, 113)  # kept: they fit
    assert "16-bit" in tab.model_label.text() and "8-bit model's weights" in tab.width_note.text()
    tab.set_pair(40_000, 25_535)
    assert tab.true_sum.text() == "65535"
    rows = tab.bit_grid.rows()
    assert rows["a"] == msb_bits(40_000, 16) and rows["true"] == msb_bits(65_535, 17)
    assert int(tab.predicted_sum.text()) == int("".join(map(str, rows["predicted"])), 2)
    assert Task.wait_all(60_000)
    assert not tab.wrong_pairs.everything and tab.wrong_pairs.count == EVAL_SAMPLES

    sixteen = tab.engine
    switch(tab, 8)  # back to the model itself, then 16 again: the same engine, judged once
    assert tab.engine is shipped_carry.engine and tab.width_note.text() == ""
    tab.set_width(16)
    assert tab.engine is sixteen and tab.wrong_pairs is not None  # no second judgement


def test_32_bit_operands_use_the_wide_boxes(tab, shipped_carry, qtbot):
    tab.view.show(shipped_carry)
    switch(tab, 32)
    assert tab.wide_a.isVisible() and tab.wide_b.isVisible() and not tab.spin_a.isVisible()
    assert tab.wide_a.maximum() == U32 and isinstance(tab.spin_a, QSpinBox)
    tab.set_pair(4_000_000_000, 294_967_295)
    assert tab.view.pair == (4_000_000_000, 294_967_295)
    assert tab.operands() == (4_000_000_000, 294_967_295)
    assert tab.true_sum.text() == "4294967295"
    rows = tab.bit_grid.rows()
    assert rows["true"] == msb_bits(U32, 33) and len(rows["predicted"]) == 33
    assert rows["a"] == msb_bits(4_000_000_000, 32)

    tab.wide_b.setFocus()
    tab.wide_b.selectAll()
    qtbot.keyClicks(tab.wide_b, "4000000000")  # more than a QSpinBox can hold
    assert tab.answer.b == 4_000_000_000 and tab.true_sum.text() == "8000000000"

    switch(tab, 8)
    assert tab.spin_a.isVisible() and not tab.wide_a.isVisible()
    assert tab.operands() == (255, 255)  # clamped to the narrower range


def test_a_new_model_comes_at_its_own_width(tab, shipped_carry, carry_engine):
    carry4 = OpenModel("carry4", carry_engine)
    tab.view.show(shipped_carry)
    switch(tab, 16)
    tab.view.show(carry4)
    assert tab.operand_bits == 4 and tab.width_box.currentData() == 4
    assert [tab.width_box.itemData(i) for i in range(tab.width_box.count())] == [4, 16, 32]
    assert tab.spin_a.maximum() == 15

    tab.view.show(shipped_carry)
    tab.set_width(32)  # its sample is still being judged when the next model comes
    tab.view.show(carry4)
    assert Task.wait_all(60_000)
    assert tab.model is carry4 and tab.operand_bits == 4  # the stale answer is dropped
    assert tab.wrong_pairs.count == 256 and tab.width_box.isEnabled()


def test_typing_forwards_the_operands_to_the_view(tab, shipped_carry):
    tab.view.show(shipped_carry)
    tab.set_pair(1, 2)
    seen = []
    tab.view.answered.connect(lambda: seen.append(tab.view.pair))
    tab.spin_a.setValue(200)
    assert seen == [(200, 2)] and (tab.answer.a, tab.answer.b) == (200, 2)


@pytest.fixture
def wide(qtbot):
    box = WideSpinBox()
    box.setRange(0, U32)
    qtbot.addWidget(box)
    box.show()
    return box


def test_wide_spinbox_holds_more_than_a_qspinbox_and_clamps(wide, qtbot):
    with qtbot.waitSignal(wide.valueChanged) as changed:
        wide.setValue(U32)
    assert changed.args == [U32] and type(changed.args[0]) is int
    wide.setValue(2**40)
    assert wide.value() == U32 and wide.text() == str(U32)
    wide.setValue(-5)
    assert wide.value() == 0
    wide.setValue(70_000)
    with qtbot.waitSignal(wide.valueChanged) as changed:
        wide.setRange(0, 65_535)  # a narrower range pulls the value in
    assert changed.args == [65_535] and wide.maximum() == 65_535
    with pytest.raises(ValueError):
        wide.setRange(5, 4)


def test_wide_spinbox_steps_with_arrows_and_page_keys(wide, qtbot):
    wide.setValue(U32 - 11)
    wide.stepBy(1)
    assert wide.value() == U32 - 10
    wide.setFocus()
    qtbot.keyClick(wide, Qt.Key.Key_PageUp)  # ten steps
    assert wide.value() == U32
    wide.stepBy(1)  # no further than the maximum
    assert wide.value() == U32
    flags = wide.stepEnabled()
    assert not flags & wide.StepEnabledFlag.StepUpEnabled
    assert flags & wide.StepEnabledFlag.StepDownEnabled
    qtbot.keyClick(wide, Qt.Key.Key_Down)
    assert wide.value() == U32 - 1
    center = QPointF(wide.rect().center())
    wheel = QWheelEvent(center, wide.mapToGlobal(center), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(wide, wheel)  # one notch down
    assert wide.value() == U32 - 2


def test_wide_spinbox_accepts_digits_within_the_range_only(wide, qtbot):
    wide.setFocus()
    wide.selectAll()
    qtbot.keyClicks(wide, "12x3")  # the letter is refused
    assert wide.value() == 123 and wide.text() == "123"
    wide.selectAll()
    qtbot.keyClicks(wide, "99999999999")  # past 2**32 - 1: the last digits are refused
    assert wide.value() == 999_999_999
    state = QValidator.State
    assert wide.validate(str(U32 + 1), 0)[0] == state.Invalid
    assert wide.validate("-1", 0)[0] == state.Invalid
    assert wide.validate("", 0)[0] == state.Intermediate
    assert wide.validate(str(U32), 0)[0] == state.Acceptable
    wide.setRange(100, U32)
    assert wide.validate("7", 0)[0] == state.Intermediate  # more digits may follow
    wide.selectAll()
    qtbot.keyClick(wide, Qt.Key.Key_Backspace)  # an empty box falls back to the value held
    qtbot.keyClick(wide, Qt.Key.Key_Return)
    assert wide.text() == "999999999" and wide.value() == 999_999_999
