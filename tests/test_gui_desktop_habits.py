"""Desktop habits in the window: the standard shortcuts trigger the File menu's actions, and
Space, ← and → drive the replay from any tab, except where the widget with the focus uses
those keys itself (the Calculator's operands: → moves the cursor, ↑ changes the number)."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QSlider

from lstm_adder.core.replay import Timeline
from lstm_adder.session.open_models import OpenModel, TrainedHere

Key = QKeySequence.StandardKey


@pytest.fixture
def active(window, qtbot):
    """The window on screen and active: a shortcut fires only in the active window."""
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def press(qtbot, widget, sequence) -> None:
    """The key sequence, as the user types it, into `widget`."""
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def test_the_file_menu_uses_the_platforms_standard_shortcuts(window):
    assert window.open_action.shortcut() == QKeySequence(Key.Open)
    assert window.save_now_action.shortcut() == QKeySequence(Key.Save)
    assert window.save_action.shortcut() == QKeySequence(Key.SaveAs)
    assert window.quit_action.shortcuts() == (QKeySequence.keyBindings(Key.Quit)
                                              or [QKeySequence("Ctrl+Q")])
    assert {window.open_action, window.save_now_action, window.save_action,
            window.quit_action} <= set(window.file_menu.actions())


def test_open_and_save_shortcuts_open_their_dialogs(active, qtbot, monkeypatch, carry_engine):
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kw: asked.append("open") or ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kw: asked.append("save") or ("", ""))
    press(qtbot, active, Key.Open)
    assert asked == ["open"]

    active.session.add(OpenModel("from a file", carry_engine))  # no source: nothing to save
    press(qtbot, active, Key.Save)
    press(qtbot, active, Key.SaveAs)
    assert asked == ["open"] and not active.save_now_action.isEnabled()

    active.session.add(OpenModel("trained here", carry_engine, source=TrainedHere(-1)))
    assert active.save_now_action.isEnabled()
    press(qtbot, active, Key.Save)  # in no file yet: Save asks where, as Save as does
    press(qtbot, active, Key.SaveAs)
    assert asked == ["open", "save", "save"]


def test_the_quit_shortcut_closes_the_window(active, qtbot):
    press(qtbot, active, active.quit_action.shortcut())
    assert not active.isVisible()


@pytest.fixture
def replayable(active, carry_engine):
    """A model whose run kept 3 epochs, on the timeline at its end, the Insight tab on
    show."""
    rng = np.random.default_rng(2)
    epochs = [carry_engine.with_weights([w + rng.normal(0, 0.3, w.shape).astype(np.float32)
                                         for w in carry_engine.weights]) for _ in range(3)]
    timeline = Timeline(4, [None] * 4, [{}] * 3, [*epochs, carry_engine])
    active.session.add(OpenModel("run", carry_engine, timeline=timeline))
    active.tabs.setCurrentWidget(active.insight)
    active.insight.error_map.setFocus()
    return active


def test_arrows_step_the_epoch_and_space_plays_from_any_tab(replayable, qtbot):
    window = replayable
    slider, bar = window.findChild(QSlider, "epoch_slider"), window.training.timeline
    assert slider.value() == 3
    qtbot.keyClick(window.insight.error_map, Qt.Key.Key_Left)
    qtbot.keyClick(window.insight.error_map, Qt.Key.Key_Left)
    assert slider.value() == 1 and window.session.replay.epoch == 1
    qtbot.keyClick(window.insight.error_map, Qt.Key.Key_Right)
    assert slider.value() == 2

    qtbot.keyClick(window.insight.error_map, Qt.Key.Key_Space)
    assert bar.playing
    qtbot.keyClick(window.insight.error_map, Qt.Key.Key_Space)
    assert not bar.playing
    qtbot.keyClick(window.insight.error_map, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not bar.playing, timeout=5_000)
    assert slider.value() == 3


def test_the_keys_stay_with_a_spin_box_that_has_the_focus(replayable, qtbot):
    window = replayable
    slider = window.findChild(QSlider, "epoch_slider")
    window.tabs.setCurrentWidget(window.calculator)
    box = window.calculator.boxes.shown()[0]
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    before = box.value()
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Space):
        qtbot.keyClick(box, key)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert slider.value() == 3 and not window.training.timeline.playing
    assert box.value() == before + 1


def test_the_keys_stay_with_a_button_that_has_the_focus(replayable, qtbot):
    window = replayable
    slider = window.findChild(QSlider, "epoch_slider")
    window.tabs.setCurrentWidget(window.calculator)
    button = window.calculator.random_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    with qtbot.waitSignal(button.clicked, timeout=2_000):
        qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.keyClick(button, Qt.Key.Key_Left)
    assert slider.value() == 3 and not window.training.timeline.playing
