"""The journeys' driver: start the app as `lstm-adder` does, and use its window as a user would.

A journey is a child script (tests/journeys/*.py) that calls `run(journey)`. `run` starts the
app through the console script's own function, `lstm_adder.cli.main.main(["gui", ...])`
(create_application, i18n.install, MainWindow, View › Language, app.exec), and once its event
loop runs hands the window to `journey(app)`, an `App` that drives it through its widgets:
buttons by objectName, clicked with QTest; text typed with QTest.keyClicks; menus by their
QActions; and waits on what a user can see (a button enabled, a slider's range) with
QApplication.processEvents until a deadline. The process exits with the app's own exit code,
1 if the journey failed (its traceback on stderr), and dies by the signal that kills it: a
crash is what the parent test (tests/test_journeys.py) looks for.

Nothing here imports TensorFlow: the app imports it when it first trains, on its Keras thread,
as in a user's process (`run` checks that nothing did before the app starts).

Every reach into the window's internals (the session, the tabs' attributes) is in this file,
so that when they move, only this file changes.
"""

from __future__ import annotations

import faulthandler
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

DEADLINE_S = 120.0  # the longest any one wait may take before the journey fails
WATCHDOG_S = 400  # a hung child prints every thread's stack and exits (the test says why)
STEP_S = 0.02
_T0 = time.monotonic()


def run(journey: Callable[[App], None], argv: list[str] | None = None,
        watchdog_s: float = WATCHDOG_S) -> None:
    """Start `lstm-adder gui *argv` and run `journey(App)` in its event loop; exit with the
    app's exit code (1 if the journey raised). The journey should end by closing the window
    (App.close); if it does not, the window is closed for it."""
    faulthandler.enable()  # a crash prints the Python stack of every thread, then dies by it
    faulthandler.dump_traceback_later(watchdog_s, exit=True)
    assert "tensorflow" not in sys.modules, "something imported TensorFlow before the app"
    from PySide6.QtCore import QTimer

    from lstm_adder.cli.main import main
    from lstm_adder.gui.app import create_application

    create_application()  # the app's own QApplication; main() takes it as it is (instance())
    failed: list[BaseException] = []

    def begin() -> None:
        app = App(_main_window())
        try:
            assert "tensorflow" not in sys.modules, "TensorFlow imported before any training"
            journey(app)
        except BaseException as exc:  # noqa: BLE001 (reported, then the window closes)
            traceback.print_exc()
            failed.append(exc)
        if app.window.isVisible():
            app.window.confirm_close = False  # a failed journey leaves no question open
            app.window.close()

    QTimer.singleShot(0, begin)
    code = main(["gui", *(argv or [])])
    print(f"journey: the app exited with {code}", flush=True)
    sys.exit(1 if failed else code)


def _main_window():
    from PySide6.QtWidgets import QApplication

    from lstm_adder.gui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert len(windows) == 1, f"expected one main window, found {len(windows)}"
    return windows[0]


def say(text: str) -> None:
    """A line of the journey's progress (the parent shows the last lines when it fails)."""
    print(f"journey {time.monotonic() - _T0:5.1f} s: {text}", flush=True)


def wait_until(condition: Callable[[], object], what: str, deadline_s: float = DEADLINE_S):
    """Run the event loop until `condition()` is true (and return it); TimeoutError naming
    `what` after `deadline_s` (a hang, not a slow machine: the deadline is generous)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + deadline_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise TimeoutError(f"waited {deadline_s:.0f} s for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(STEP_S)


def pump(seconds: float) -> None:
    """Let the app run for a while (a user looking at the window)."""
    end = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() > end, "time to pass", seconds + DEADLINE_S)


class App:
    """The window of a running app, used through its widgets."""

    def __init__(self, window):
        self.window = window

    # -- finding things ---------------------------------------------------------------------

    def widget(self, kind, name: str):
        found = self.window.findChild(kind, name)
        assert found is not None, f"no {kind.__name__} named {name!r} in the window"
        return found

    def button(self, name: str):
        from PySide6.QtWidgets import QAbstractButton

        return self.widget(QAbstractButton, name)

    def action(self, name: str):
        from PySide6.QtGui import QAction

        return self.widget(QAction, name)

    def click(self, name: str) -> None:
        """Click the button `name` with the mouse (it must be enabled: a user cannot click a
        grey button)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        button = self.button(name)
        assert button.isEnabled(), f"{name} is disabled"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def trigger(self, name: str) -> None:
        """Choose the menu or toolbar action `name`."""
        action = self.action(name)
        assert action.isEnabled(), f"the action {name} is disabled"
        action.trigger()

    def show_tab(self, which: str) -> None:
        """Bring the tab "calculator", "training" or "insight" to the front."""
        self.window.tabs.setCurrentWidget(getattr(self.window, which))
        pump(0.05)

    def tab_title(self, which: str) -> str:
        tabs = self.window.tabs
        return tabs.tabText(tabs.indexOf(getattr(self.window, which)))

    # -- what is on show --------------------------------------------------------------------

    def wait_loaded(self) -> None:
        """Until the model on show has answered (opening reads its weights in the
        background)."""
        on_show = self.window.session.on_show
        wait_until(lambda: on_show.model is not None and on_show.answer is not None,
                   "the model on show to answer")

    def shown(self) -> str:
        """The name of the model the calculator answers with."""
        model = self.window.session.on_show.model
        return "" if model is None else model.name

    def models(self) -> list[str]:
        """The model list's items, as the toolbar shows them."""
        box = self.widget_by_type("QComboBox", "model_list")
        return [box.itemText(i) for i in range(box.count())]

    def widget_by_type(self, kind_name: str, name: str):
        from PySide6 import QtWidgets

        return self.widget(getattr(QtWidgets, kind_name), name)

    def choose_model(self, index: int) -> None:
        """Pick the model list's `index`-th model, with the keyboard as a user might."""
        self._choose(self.widget_by_type("QComboBox", "model_list"), index)

    def widths(self) -> list[int]:
        """The widths the calculator offers for the model on show."""
        box = self.widget_by_type("QComboBox", "width_box")
        return [int(box.itemData(i)) for i in range(box.count())]

    def choose_width(self, index: int) -> None:
        self._choose(self.widget_by_type("QComboBox", "width_box"), index)

    def shown_bits(self) -> int:
        engine = self.window.session.on_show.engine
        return 0 if engine is None else engine.bits

    def answer(self) -> tuple[int, int, int, int]:
        """(a, b, the sum the LSTM gives, the true sum) as the calculator shows them."""
        answer = self.window.session.on_show.answer
        a, b = self.window.session.on_show.pair
        return a, b, answer.predicted, answer.true

    def set_pair(self, a: int, b: int) -> None:
        """Type `a` and `b` into the calculator's operand boxes; until it has answered them."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.show_tab("calculator")
        for names, value in ((("spin_a", "wide_a"), a), (("spin_b", "wide_b"), b)):
            box = next(box for box in (self.widget_by_type("QAbstractSpinBox", name)
                                       for name in names) if box.isVisible())
            box.setFocus()
            box.selectAll()
            QTest.keyClicks(box, str(value))
            QTest.keyClick(box, Qt.Key.Key_Return)
        wait_until(lambda: self.window.session.on_show.answer is not None
                   and tuple(self.window.session.on_show.pair) == (a, b),
                   f"the calculator to answer {a} + {b}")

    @staticmethod
    def _choose(box, index: int) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        assert 0 <= index < box.count(), f"{box.objectName()} has no item {index}"
        box.setFocus()
        key = Qt.Key.Key_Down if index > box.currentIndex() else Qt.Key.Key_Up
        while box.currentIndex() != index:
            before = box.currentIndex()
            QTest.keyClick(box, key)
            assert box.currentIndex() != before, f"{box.objectName()} did not move"
        pump(0.05)

    # -- training ---------------------------------------------------------------------------

    def set_recipe(self, name: str, **fields) -> None:
        """Start from recipe `name` and type each field's value into its box (a bool field
        ticks or clears its check box)."""
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QCheckBox, QLineEdit

        self.show_tab("training")
        self.widget_by_type("QComboBox", "recipe_combo").setCurrentText(name)
        for field, value in fields.items():
            if isinstance(value, bool):
                box = self.widget(QCheckBox, f"field_{field}")
                if box.isChecked() != value:
                    box.click()
                continue
            edit = self.widget(QLineEdit, f"field_{field}")
            edit.selectAll()
            QTest.keyClicks(edit, str(value))
            assert edit.text() == str(value), f"{field} reads {edit.text()!r}"
        assert self.button("start_button").isEnabled(), \
            f"Start is disabled: {self.widget_by_type('QLabel', 'recipe_error').text()}"

    def set_keep_epochs(self, on: bool) -> None:
        box = self.button("keep_checkbox")
        if box.isChecked() != on:
            box.click()

    def start(self) -> None:
        """Press Start training."""
        self.show_tab("training")
        self.click("start_button")
        assert self.running(), "Start did not start a run"

    def stop(self) -> None:
        self.click("stop_button")

    def running(self) -> bool:
        """A run is going: Stop is live, or has been pressed and the run has not ended."""
        return not self.button("start_button").isEnabled() and \
            self.window.session.training

    def wait_batches(self) -> None:
        """Until the run has trained a batch, at least (the loss plot shows it): its model
        is built."""
        plots = self.window.training.plots
        wait_until(lambda: plots.points("batch_loss") > 0 or not self.running(),
                   "a batch to train")

    def wait_ended(self, deadline_s: float = DEADLINE_S) -> str:
        """Until the run has ended (Start is live again, Stop is not); what the progress bar
        says then ("finished · 2 epochs · 0:03")."""
        wait_until(lambda: not self.running() and not self.button("stop_button").isEnabled(),
                   "the run to end", deadline_s)
        wait_until(lambda: self.window.wait_for_background(0), "the run's model to be judged")
        return self.widget_by_type("QProgressBar", "progress_bar").text()

    def bar(self) -> str:
        """What the progress bar says."""
        return self.widget_by_type("QProgressBar", "progress_bar").text()

    def epochs_plotted(self) -> int:
        """How many epochs of the run the plots show."""
        return len(self.window.training.plots.epochs)

    def status(self) -> str:
        """The line under the progress bar."""
        return self.widget_by_type("QLabel", "training_status").text()

    def newest(self):
        """The last model of the list: (how its run ended, its epochs on the timeline, its
        bits, saved), as plain values."""
        entry = self.window.session.models[-1]
        epochs = None if entry.timeline is None else entry.timeline.epochs
        return (None if entry.ended is None else entry.ended.name, epochs, entry.bits,
                not entry.unsaved)

    # -- the timeline -----------------------------------------------------------------------

    def slider_range(self) -> tuple[int, int]:
        slider = self.widget_by_type("QSlider", "epoch_slider")
        return slider.minimum(), slider.maximum()

    def slider_enabled(self) -> bool:
        return self.widget_by_type("QSlider", "epoch_slider").isEnabled()

    def step_slider(self, key_name: str) -> int:
        """Press a key (Home, End, Right, Left) on the epoch slider; where it stands."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        slider = self.widget_by_type("QSlider", "epoch_slider")
        slider.setFocus()
        QTest.keyClick(slider, getattr(Qt.Key, f"Key_{key_name}"))
        return slider.value()

    def epoch_label(self) -> str:
        return self.widget_by_type("QLabel", "epoch_label").text()

    def shown_epoch(self) -> int:
        """The epoch of the run on show (the replay's place)."""
        return self.window.session.replay.epoch

    # -- dialogs ----------------------------------------------------------------------------

    def answering(self, handler, what: str):
        """A context: while it is open, the first modal dialog of `handler.kind` to come up
        is handed to `handler` (from a timer, as the dialog's own loop runs); on leaving, the
        dialog must have come, and the handler not failed. It gives a list that holds the
        dialog once it came."""
        return _Answer(handler, what)

    def open_file(self, path: Path) -> None:
        """File › Open model…, choosing `path` in the file dialog."""
        with self.answering(ChooseFile(path), "the Open dialog"):
            self.window.open_action.trigger()

    def save_as(self, path: Path) -> None:
        """File › Save model as… for the selected model, choosing `path`; until it is
        written."""
        with self.answering(ChooseFile(path), "the Save dialog"):
            self.window.save_action.trigger()
        wait_until(lambda: self.window.wait_for_background(0), "the save to end")

    def export_figure(self, path: Path) -> None:
        """File › Export figure… (the current tab's figure), choosing `path`."""
        with self.answering(ChooseFile(path), "the Export dialog"):
            self.trigger("export_figure")

    def close(self, if_asked=None) -> None:
        """Close the window, as its close button does; `if_asked`: the button (a
        QMessageBox.StandardButton) to press if it asks before closing (a real desktop asks
        with unsaved models; offscreen it does not), else a question fails the journey."""
        if if_asked is None:
            self.window.close()
            return
        with _Answer(Press(if_asked), "a question before closing", required=False):
            self.window.close()

    def ask_before_closing(self) -> None:
        """Ask before closing, as on a desktop (offscreen, the app does not ask, since no one
        could answer: here the journey does)."""
        self.window.confirm_close = True


class _Answer:
    def __init__(self, handler, what: str, required: bool = True):
        from PySide6.QtCore import QTimer

        self.handler, self.what, self.required = handler, what, required
        self.seen, self.failed = [], []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._look)

    def _look(self) -> None:
        from PySide6.QtWidgets import QApplication

        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, self.handler.kind) and dialog not in self.seen:
            self.timer.stop()
            self.seen.append(dialog)
            say(f"answering {type(dialog).__name__} {dialog.windowTitle()!r}")
            try:
                self.handler(dialog)
            except BaseException as exc:  # noqa: BLE001 (raised again on leaving)
                self.failed.append(exc)
                dialog.reject()

    def __enter__(self):
        self.timer.start()
        return self.seen

    def __exit__(self, kind, *_) -> None:
        try:
            if kind is None and self.required:
                wait_until(lambda: self.seen, self.what, 30.0)
        finally:
            self.timer.stop()
        if self.failed:
            raise self.failed[0]


class Press:
    """Click a QMessageBox's button `button` (a StandardButton); `text` is what it said."""

    def __init__(self, button):
        from PySide6.QtWidgets import QMessageBox

        self.kind, self.button, self.text = QMessageBox, button, ""

    def __call__(self, box) -> None:
        self.text = box.text()
        say(f"it says: {self.text!r}")
        assert box.button(self.button) is not None, f"no {self.button} button on it"
        box.button(self.button).click()


class ChooseFile:
    """Choose `path` in a QFileDialog, and accept."""

    def __init__(self, path: Path):
        from PySide6.QtWidgets import QFileDialog

        self.kind, self.path = QFileDialog, path

    def __call__(self, dialog) -> None:
        from PySide6.QtWidgets import QLineEdit

        name = dialog.findChild(QLineEdit, "fileNameEdit")  # Qt's own dialog (not native)
        assert name is not None, "the file dialog has no file name box"
        name.setText(str(self.path))  # as typed (keystrokes would open its completer)
        dialog.accept()

