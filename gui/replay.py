"""The timeline under the training plots: a slider over a run's epochs, and ▶ to play them.

It renders a session.replay.Replay (the run on the timeline, the epoch it stands on) and says
where the user moves it with `epoch_chosen(k)`; the window passes that to the session
(Session.show_epoch), which puts the model as it was after epoch k on show. The slider runs
from 0 (the untrained model) to the run's last epoch, its end being the present. ▶ plays the
epochs from where the slider stands (from the start when it is at the end) at PLAY_MS each,
and stops at the end; ❚❚ pauses. Dragging asks for every epoch passed: the session answers
each at once with a forward pass and judges every pair only of the latest. A run or a file
that kept only each epoch's map (no "Keep every epoch") replays the maps and curves while the
model stays on the calculator: the slider's tip and the label say so.

Keys (`add_keys`, anywhere in the window, whichever tab is on show): Space plays or pauses,
← and → step one epoch back or on. They give way to the widget with the focus when it uses
those keys itself (TAKES_KEYS): typing in a text or spin box (the Calculator's operands, the
Training form), a button's Space, a list's or a tab bar's arrows. The bar's own slider and
button are not among them: their keys do the same there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from lstm_adder.session.replay import Replay

PLAY_MS = 250  # about 4 epochs a second
PLAY, PAUSE = "▶", "❚❚"
MUTED = "#57606a"
# Widgets whose own use of Space or the arrows comes before the timeline's keys.
TAKES_KEYS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QComboBox,
              QAbstractButton, QAbstractSlider, QAbstractItemView, QTabBar)


class ReplayBar(QWidget):
    epoch_chosen = Signal(int)

    def __init__(self, replay: Replay, parent: QWidget | None = None):
        super().__init__(parent)
        self.replay = replay
        self.button = QPushButton(PLAY)
        self.button.setObjectName("replay_button")
        self.button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("epoch_slider")
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.valueChanged.connect(self._on_moved)
        self.label = QLabel()
        self.label.setObjectName("epoch_label")
        self.label.setStyleSheet(f"color: {MUTED}")
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(
            "epoch 000 of 000 · following the run"))
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_MS)
        self._timer.timeout.connect(self._step)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.keys: list[QShortcut] = []  # Space, ← and →, once add_keys has made them
        replay.changed.connect(self.refresh)
        self.refresh()

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def refresh(self) -> None:
        """Show the replay's range and place, without asking for an epoch."""
        replay, slider = self.replay, self.slider
        usable = replay.timeline is not None and replay.epochs > 0
        slider.blockSignals(True)
        slider.setRange(0, replay.epochs)
        slider.setValue(replay.epoch)
        slider.setTickInterval(max(1, replay.epochs // 20))
        slider.blockSignals(False)
        for widget in (slider, self.button):
            widget.setEnabled(usable)
        if not usable:
            self.pause()
        self.label.setText(self._words() if usable else self._why_not())
        why = "" if usable else self._why_not(full=True)
        self.setToolTip(why)
        self.button.setToolTip(why or self.tr("Play the run's epochs, about 4 a second"))
        self.slider.setToolTip(why or (self.tr(
            "Drag to see the model as it was after each epoch: the calculator, the error map "
            "and the state view follow; the right end is the model itself")
            if replay.weights_kept else self.tr(
                "Drag to see each epoch's error map, per-bit accuracy and place on the curves; "
                "its weights were not kept (Keep every epoch was off), so the calculator "
                "and the state view stay on the model")))

    def _why_not(self, full: bool = False) -> str:
        """Why there is nothing to replay, in a few words (`full`: and what would have some)."""
        replay = self.replay
        if replay.live:
            return (self.tr("The run's epochs appear here as each one ends") if full
                    else self.tr("no epoch yet"))
        if replay.model is not None:
            return (self.tr("This model's file keeps no epochs to replay: a model trained "
                            "here replays, and so does its file saved with its epochs") if full
                    else self.tr("no epochs kept in this file"))
        return (self.tr("No epochs to replay: train a model, or open one saved with its epochs")
                if full else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def _words(self) -> str:
        """Where the timeline stands: 'epoch 2 of 5', and what the place means."""
        replay = self.replay
        if not replay.replaying and replay.restored is not None:
            return self.tr("epoch {0} of {1} · the best epoch, restored as the model").format(
                replay.restored, replay.epochs)
        if not replay.replaying:
            words = (self.tr("epoch {0} of {1} · following the run") if replay.live
                     else self.tr("epoch {0} of {1} · the final model"))
        elif not replay.weights_kept:
            words = self.tr("epoch {0} of {1} · its map only")
        elif replay.epoch == 0:
            words = self.tr("epoch {0} of {1} · untrained")
        else:
            words = self.tr("epoch {0} of {1}")
        return words.format(replay.epoch, replay.epochs)

    @Slot(int)
    def _on_moved(self, value: int) -> None:
        self.epoch_chosen.emit(value)

    # -- playing ----------------------------------------------------------------------------

    @Slot()
    def toggle(self) -> None:
        """▶ plays from where the slider stands (from the start at the end); ❚❚ pauses."""
        if self.playing:
            self.pause()
            return
        if not self.replay.replaying:
            self.slider.setValue(0)
        self._timer.start()
        self.button.setText(PAUSE)

    def pause(self) -> None:
        self._timer.stop()
        self.button.setText(PLAY)

    @Slot()
    def step_back(self) -> None:
        """One epoch back (←); playing pauses."""
        self._step_by(-1)

    @Slot()
    def step_on(self) -> None:
        """One epoch on (→); playing pauses."""
        self._step_by(1)

    def _step_by(self, delta: int) -> None:
        if self.slider.isEnabled():
            self.pause()
            self.slider.setValue(self.slider.value() + delta)

    # -- keys -------------------------------------------------------------------------------

    def add_keys(self, window: QWidget) -> None:
        """Space, ← and → drive this bar anywhere in `window` (see the module's docstring)."""
        for key, slot in ((Qt.Key.Key_Space, self._toggle_key), (Qt.Key.Key_Left, self.step_back),
                          (Qt.Key.Key_Right, self.step_on)):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.keys.append(shortcut)
        self.keys[0].setAutoRepeat(False)  # held down, Space plays once
        QApplication.instance().focusChanged.connect(self._on_focus)
        self._on_focus(None, QApplication.focusWidget())

    def gives_way_to(self, widget: QWidget | None) -> bool:
        """Whether the keys are left to `widget` (the one with the focus)."""
        return isinstance(widget, TAKES_KEYS) and not self.isAncestorOf(widget)

    @Slot(QWidget, QWidget)
    def _on_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        free = not self.gives_way_to(new)
        for shortcut in self.keys:
            shortcut.setEnabled(free)

    @Slot()
    def _toggle_key(self) -> None:
        if self.button.isEnabled():
            self.toggle()

    @Slot()
    def _step(self) -> None:
        value = self.slider.value()
        if value >= self.slider.maximum():
            self.pause()
            return
        self.slider.setValue(value + 1)
        if self.slider.value() >= self.slider.maximum():
            self.pause()
