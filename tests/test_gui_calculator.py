"""The Calculator tab and the window around it: answers as you type, the bit grid, wrong
pairs, wider numbers for a carry model, opening and saving model files, and what the window
remembers."""

import keras
import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QValidator, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QSpinBox

from core.cli import BUNDLED
from core.data import EVAL_SAMPLES
from core.encodings import ENCODINGS
from core.evaluation import evaluate
from core.inference import Adder
from core.recipes import get_recipe
from core.storage import LoadedModel, load_model, save_model
from gui import main_window
from gui.bit_grid import BitGrid
from gui.calculator import CalculatorTab
from gui.main_window import MainWindow
from gui.open_models import open_file, prepare
from gui.tasks import Task
from gui.wide_spinbox import WideSpinBox


def msb_bits(value: int, width: int) -> list[int]:
    """Python's own binary digits of value, most significant first."""
    return [int(c) for c in bin(value)[2:].zfill(width)]


def carries_into(a: int, b: int, width: int) -> list[int]:
    """The carry into each column 2^width .. 2^0, from integer arithmetic."""
    return [((a % (1 << k)) + (b % (1 << k))) >> k for k in range(width, -1, -1)]


def shown(window, name, kind=QLabel):
    return window.findChild(kind, name)


@pytest.fixture(scope="session")
def carry8_path(tmp_path_factory):
    """An 8-bit carry model trained until it is right on every pair, saved to a file."""
    from core.training import train

    result = train(get_recipe("carry", epochs=15))
    assert result.history[-1].exact == 1.0, result.reason
    path = tmp_path_factory.mktemp("models") / "carry8.keras"
    save_model(result.model, path, result.info())
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
    assert window.load_model(carry8_path)
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
    assert window8.calculator.wrong_pairs.count == 0
    assert "No wrong pairs" in shown(window8, "wrong_count").text()


def test_wrong_bits_are_marked(make_window, seed_model, qtbot):
    window = make_window()
    window.add_model(LoadedModel(seed_model, ENCODINGS["concat-msb"], 4), name="untrained")
    assert shown(window, "spin_a", QSpinBox).maximum() == 15
    assert window.wait_for_background()
    wrong = window.calculator.wrong_pairs
    expected = evaluate(Adder(seed_model, ENCODINGS["concat-msb"], 4))
    assert wrong.count == expected.wrong_count > 0
    assert wrong.pairs == sorted(expected.wrong())

    window.calculator.set_pair(15, 15)
    qtbot.mouseClick(shown(window, "next_wrong", QPushButton), Qt.MouseButton.LeftButton)
    a, b = shown(window, "spin_a", QSpinBox).value(), shown(window, "spin_b", QSpinBox).value()
    assert (a, b) == wrong.pairs[0][:2]  # after the last pair comes the first
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


def test_previous_and_next_step_through_the_wrong_pairs(make_window, seed_model, qtbot):
    window = make_window()
    window.add_model(LoadedModel(seed_model, ENCODINGS["concat-msb"], 4))
    window.wait_for_background()
    pairs = [p[:2] for p in window.calculator.wrong_pairs.pairs]
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


@pytest.mark.parametrize("make_bad", [_corrupt, _not_an_adder])
def test_a_bad_file_shows_a_dialog_and_keeps_the_model(make_window, carry_model, tmp_path,
                                                       monkeypatch, make_bad):
    dialogs = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda *args: dialogs.append(args) or QMessageBox.StandardButton.Ok)
    window = make_window()
    window.add_model(LoadedModel(carry_model.model, ENCODINGS["paired-lsb"], 4))
    before = window.current_model
    bad = tmp_path / "bad.keras"
    make_bad(bad)

    assert not window.load_model(bad)
    assert len(dialogs) == 1 and "bad.keras" in dialogs[0][2]
    assert window.current_model is before and window.calculator.model is before
    window.calculator.set_pair(9, 14)
    assert shown(window, "predicted_sum").text() == "23"

    window.open_model_async(bad)  # the menu's path, off the GUI thread
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


def test_settings_remember_the_last_model_and_geometry(make_window, carry8_path, qtbot,
                                                       monkeypatch):
    monkeypatch.setattr(main_window, "BUNDLED", {})
    first = make_window()
    first.load_model(carry8_path)
    first.show()
    first.resize(790, 595)  # inside the offscreen screen (800 x 600)
    size = first.size()
    assert (size.width(), size.height()) != main_window.DEFAULT_SIZE
    first.close()
    second = make_window(autoload=True)
    assert second.size() == size
    qtbot.waitUntil(lambda: second.current_model is not None, timeout=30_000)
    assert second.current_model.path == carry8_path


def test_without_any_model_the_window_says_so(make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window, "BUNDLED", {"seed": tmp_path / "seed.keras"})
    window = make_window(autoload=True)
    assert "No model" in shown(window, "model_label").text()
    assert not shown(window, "spin_a", QSpinBox).isEnabled()
    assert Task.running() == 0


def test_save_as_writes_a_model_that_opens_again(make_window, carry_model, tmp_path):
    window = make_window()
    window.add_model(LoadedModel(carry_model.model, ENCODINGS["paired-lsb"], 4,
                                 info=carry_model.info()), name="carry4")
    target = tmp_path / "saved"
    assert window.save_model(target)
    loaded = load_model(tmp_path / "saved.keras")
    assert (loaded.encoding.name, loaded.bits) == ("paired-lsb", 4)
    assert loaded.info["recipe"]["name"] == "carry"
    assert window.current_model.path == tmp_path / "saved.keras"
    assert window.load_model(tmp_path / "saved.keras")
    assert len(window.models) == 1  # the same file replaces its entry
    for a, b in [(0, 0), (15, 15), (9, 6)]:
        window.calculator.set_pair(a, b)
        check_pair_on_screen(window, a, b, 4)


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
    tab.set_width(bits)
    assert Task.wait_all(60_000)  # the wider adder is traced on the TensorFlow thread
    assert tab.operand_bits == bits and tab.width_box.currentData() == bits


def test_a_seed_model_cannot_widen_and_says_why(tab, seed_model):
    tab.set_model(prepare(LoadedModel(seed_model, ENCODINGS["concat-msb"], 4), "seed"))
    box = tab.width_box
    assert not box.isEnabled() and box.count() == 1 and box.currentData() == 4
    why = "only a carry (paired-lsb) model can add wider numbers"
    assert why in box.toolTip() and why in tab.width_note.text()
    assert "exactly 4-bit numbers" in tab.width_note.text()
    with pytest.raises(ValueError, match="cannot run at 16 bits"):
        tab.set_width(16)


def test_a_carry_model_adds_16_bit_numbers(tab, shipped_carry):
    tab.set_model(shipped_carry)
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
    assert not tab.wrong_pairs.everything and tab.wrong_pairs.judged == EVAL_SAMPLES

    sixteen = tab.model
    switch(tab, 8)  # back to the model itself, then 16 again without preparing it twice
    assert tab.model is shipped_carry and tab.width_note.text() == ""
    tab.set_width(16)
    assert tab.model is sixteen  # at once: kept from before


def test_32_bit_operands_use_the_wide_boxes(tab, shipped_carry, qtbot):
    tab.set_model(shipped_carry)
    switch(tab, 32)
    assert tab.wide_a.isVisible() and tab.wide_b.isVisible() and not tab.spin_a.isVisible()
    assert tab.wide_a.maximum() == U32 and isinstance(tab.spin_a, QSpinBox)
    with qtbot.waitSignal(tab.pair_changed) as changed:
        tab.set_pair(4_000_000_000, 294_967_295)
    assert changed.args == [4_000_000_000, 294_967_295]
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


def test_a_new_model_comes_at_its_own_width(tab, shipped_carry, carry_model):
    carry4 = prepare(LoadedModel(carry_model.model, ENCODINGS["paired-lsb"], 4), "carry4")
    tab.set_model(shipped_carry)
    switch(tab, 16)
    tab.set_model(carry4)
    assert tab.operand_bits == 4 and tab.width_box.currentData() == 4
    assert [tab.width_box.itemData(i) for i in range(tab.width_box.count())] == [4, 16, 32]
    assert tab.spin_a.maximum() == 15

    tab.set_model(shipped_carry)
    tab.set_width(32)  # still being prepared when the next model comes
    tab.set_model(carry4)
    assert Task.wait_all(60_000)
    assert tab.model is carry4 and tab.operand_bits == 4  # the stale answer is dropped
    assert tab.width_box.isEnabled()


def test_pair_changed_carries_the_operands_on_show(tab, shipped_carry, qtbot):
    tab.set_model(shipped_carry)
    tab.set_pair(1, 2)
    with qtbot.waitSignal(tab.pair_changed) as changed:
        tab.spin_a.setValue(200)
    assert changed.args == [200, 2]


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
