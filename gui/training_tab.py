"""The Training tab: pick a recipe, change any field, train, and watch the curves.

Fields are checked with core.recipes.field_error as they are typed: a bad value turns the
field red, says why, and disables Start. Training runs on gui.worker's Keras thread (the first
run imports TensorFlow there); this tab turns its reports into a progress bar and the live
plots. For "Watch it learn" it passes on each epoch's model as an OpenModel whose engine holds
that epoch's weights as plain arrays: the training thread never waits for the window.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.recipes import RECIPES, Recipe, field_error, get_recipe
from core.training import Ended
from gui import open_models
from gui.plots import TrainingPlots
from gui.worker import TrainingRunner

# (recipe field, label, type) for every field a user may change
FIELDS = [
    ("bits", "Bits per operand", int),
    ("units", "LSTM units", int),
    ("dropout", "Dropout", float),
    ("lr", "Learning rate", float),
    ("batch_size", "Batch size", int),
    ("epochs", "Epochs", int),
    ("holdout", "Held out (fraction)", float),
    ("seed", "Random seed", int),
]
INVALID = "QLineEdit { border: 2px solid #d1242f; background: #fff0f0; }"
STATUS = {"info": "#57606a", "good": "#1a7f37", "bad": "#d1242f"}
PROGRESS_STEPS = 1000


def _format_value(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _parse(text: str, kind: type):
    """The typed value, or the text itself (field_error then says what is wrong with it)."""
    try:
        return kind(text.strip())
    except ValueError:
        return text


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


class TrainingTab(QWidget):
    run_finished = Signal(object, str)  # gui.worker.Trained (a usable model) or None; summary
    running_changed = Signal(bool)
    watched_epoch = Signal(object, object)  # OpenModel of the epoch's weights, EpochMetrics
    watch_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = TrainingRunner(self)
        self.runner.started.connect(self._on_started)
        self.runner.batch.connect(self._on_batch)
        self.runner.epoch.connect(self._on_epoch)
        self.runner.finished.connect(self._on_finished)
        self.runner.errored.connect(self._on_errored)
        self._recipe: Recipe | None = None  # the run in progress
        self._build()
        self.load_recipe("carry")

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.recipe_combo = QComboBox()
        self.recipe_combo.setObjectName("recipe_combo")
        self.recipe_combo.addItems(list(RECIPES))
        self.recipe_combo.currentTextChanged.connect(self.load_recipe)
        self.recipe_summary = QLabel()
        self.recipe_summary.setWordWrap(True)
        self.recipe_summary.setStyleSheet(f"color: {STATUS['info']}")

        form = QFormLayout()
        form.addRow("Start from", self.recipe_combo)
        form.addRow("", self.recipe_summary)
        self.fields: dict[str, QLineEdit] = {}
        for name, label, _ in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field_{name}")
            edit.textChanged.connect(self._validate)
            self.fields[name] = edit
            form.addRow(label, edit)
        self.stop_when_perfect = QCheckBox("when every pair is right")
        self.stop_when_perfect.setObjectName("field_stop_when_perfect")
        form.addRow("Stop early", self.stop_when_perfect)
        self.recipe_error = QLabel()
        self.recipe_error.setObjectName("recipe_error")
        self.recipe_error.setWordWrap(True)
        self.recipe_error.setStyleSheet(f"color: {STATUS['bad']}")
        form.addRow(self.recipe_error)
        recipe_box = QGroupBox("Recipe")
        recipe_box.setLayout(form)
        self.recipe_box = recipe_box

        self.watch_checkbox = QCheckBox("Watch it learn: the Calculator follows this run")
        self.watch_checkbox.setObjectName("watch_checkbox")
        self.watch_checkbox.toggled.connect(self.watch_changed)
        self.start_button = QPushButton("Start training")
        self.start_button.setObjectName("start_button")
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setObjectName("stop_button")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 2)
        buttons.addWidget(self.stop_button, 1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progress_bar")
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setFormat("idle")
        self.status = QLabel("Pick a recipe and press Start.")
        self.status.setObjectName("training_status")
        self.status.setWordWrap(True)

        side = QVBoxLayout()
        side.addWidget(recipe_box)
        side.addWidget(self.watch_checkbox)
        side.addLayout(buttons)
        side.addWidget(self.progress_bar)
        side.addWidget(self.status)
        side.addStretch()
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(340)

        self.plots = TrainingPlots()
        self.loss_plot, self.accuracy_plot = self.plots.loss_plot, self.plots.accuracy_plot
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(panel)
        layout.addWidget(self.plots, 1)

    # -- the recipe -------------------------------------------------------------------------

    @Slot(str)
    def load_recipe(self, name: str) -> None:
        """Fill every field from the named recipe's defaults."""
        recipe = RECIPES[name]
        if self.recipe_combo.currentText() != name:
            self.recipe_combo.setCurrentText(name)
        self.recipe_summary.setText(f"{recipe.encoding} layout, {recipe.loss} loss")
        for field, _, _ in FIELDS:
            self.fields[field].setText(_format_value(getattr(recipe, field)))
        self.stop_when_perfect.setChecked(recipe.stop_when_perfect)
        self._validate()

    def _field_values(self) -> tuple[dict, list[str]]:
        values, errors = {}, []
        for name, _, kind in FIELDS:
            value = _parse(self.fields[name].text(), kind)
            error = field_error(name, value)
            self.fields[name].setStyleSheet(INVALID if error else "")
            self.fields[name].setToolTip(error or "")
            if error:
                errors.append(error)
            else:
                values[name] = value
        return values, errors

    @Slot()
    def _validate(self) -> None:
        _, errors = self._field_values()
        self.recipe_error.setText("\n".join(errors))
        self.start_button.setEnabled(not errors and not self.runner.is_running()
                                     and self._recipe is None)

    def recipe(self) -> Recipe | None:
        """The recipe the fields describe, or None while any field is invalid."""
        values, errors = self._field_values()
        if errors:
            return None
        return get_recipe(self.recipe_combo.currentText(), **values,
                          stop_when_perfect=self.stop_when_perfect.isChecked())

    # -- running ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True from Start until the run's end has been reported."""
        return self._recipe is not None

    @Slot()
    def start(self) -> None:
        """Train the recipe the fields describe on the Keras thread."""
        recipe = self.recipe()
        if recipe is None or self.running or self.runner.is_running():
            return
        self._recipe = recipe
        self._set_controls(running=True)
        self.plots.clear()
        self.plots.start()
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("starting…")
        first = "tensorflow" not in sys.modules
        self._say("Loading TensorFlow…" if first else "Preparing…")
        self.runner.start(recipe)
        self.running_changed.emit(True)

    @Slot()
    def stop(self) -> None:
        if self.running:
            self.runner.stop()
            self.stop_button.setEnabled(False)
            self._say("Stopping after this batch…")

    def shutdown(self, timeout_ms: int = -1) -> bool:
        """Stop any run and join its thread (for closing the window; < 0 waits as long as
        the batch in progress and its epoch's report take, so that no thread outlives the
        window)."""
        self.runner.stop()
        joined = self.runner.wait(timeout_ms)
        self.plots.stop()
        return joined

    def _set_controls(self, running: bool) -> None:
        self.recipe_box.setEnabled(not running)
        self.stop_button.setEnabled(running)
        if running:
            self.start_button.setEnabled(False)
        else:
            self._validate()

    def _say(self, text: str, tone: str = "info") -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {STATUS[tone]}")

    @Slot()
    def _on_started(self) -> None:
        self._say(f"Training a {self._recipe.bits}-bit {self._recipe.name} model…")

    @Slot(object)
    def _on_batch(self, p) -> None:
        done = (p.epoch + p.batch / p.batches) / p.epochs
        self.progress_bar.setValue(int(done * PROGRESS_STEPS))
        eta = p.elapsed * (1 - done) / done if done > 0 else 0.0
        self.progress_bar.setFormat(f"epoch {p.epoch + 1}/{p.epochs} · batch {p.batch}/"
                                    f"{p.batches} · ETA {_clock(eta)}")
        self.plots.add_batch(p)

    @Slot(object)
    def _on_epoch(self, metrics) -> None:
        self.plots.add_epoch(metrics)
        held = ("" if metrics.heldout_exact is None
                else f", held-out {metrics.heldout_exact:.1%}")
        self._say(f"Epoch {metrics.epoch}: loss {metrics.loss:.4g}, exact {metrics.exact:.1%}"
                  f"{held} ({metrics.elapsed:.0f} s)")
        if self.watch_checkbox.isChecked() and self._recipe is not None:
            self.watched_epoch.emit(open_models.watching(self._recipe, metrics), metrics)

    @Slot(object, object)
    def _on_finished(self, result, trained) -> None:
        last = result.history[-1] if result.history else None
        if result.ended is Ended.STOPPED and last is not None and last.fraction < 1:
            self.plots.mark_stopped(last.epoch - 1 + last.fraction)  # where the stop came
        self._end_run()
        if not result.ok:
            message = f"Training {result.reason}. The previous model is kept."
            self._say(message, "bad")
            self.run_finished.emit(None, message)
        elif trained is None:
            message = f"Training {result.reason}: no epoch finished, so no new model."
            self._say(message)
            self.run_finished.emit(None, message)
        else:
            self.progress_bar.setValue(PROGRESS_STEPS)
            self.progress_bar.setFormat(f"done · {len(result.history)} epochs · "
                                        f"{_clock(last.elapsed)}")
            message = (f"Training {result.reason} ({last.exact:.1%} exact, best epoch "
                       f"{result.best_epoch}). The model joins the model list.")
            self._say(message, "good" if last.exact == 1.0 else "info")
            self.run_finished.emit(trained, message)

    @Slot(str)
    def _on_errored(self, message: str) -> None:
        self._end_run()
        text = f"Training failed: {message}"
        self._say(text, "bad")
        self.run_finished.emit(None, text)

    def _end_run(self) -> None:
        self._recipe = None
        self.plots.stop()
        self._set_controls(running=False)
        self.running_changed.emit(False)
        if self.progress_bar.format() in ("starting…",) or "ETA" in self.progress_bar.format():
            self.progress_bar.setFormat("stopped")
