"""The Training tab: pick a recipe, change any field, train, and watch the curves.

The form is made from core.recipes.user_fields(): one row per field a user may set, labelled
as the command line's help names it. Fields are checked as they are typed, with core's own
messages (field_error, then check_recipe for what no single field can say: pairs left to train
on, memory): a bad value turns the field red, says why, and disables Start.

The run belongs to the session (session.running: `start_training`, `stop_training`, and
`session.run`, a session.run.Run on the Keras lane; the first run imports TensorFlow there):
this tab forwards Start and Stop and renders the run's reports as a progress bar and the live
plots. A run is always in one `RunState`, kept in `state` and shown in words and colour by
the bar and the line under it; a run that has ended stays in the state it ended in (finished,
exactly right, stopped, diverged, failed) until the next one starts. When a run ends without
a model for the list, its summary goes out as `summary(str)` (for the status bar).
"Watch it learn" and "Keep every epoch" are the session's switches.

Under the plots, the timeline (gui.replay) renders the session's replay and says where the
user moves it with `epoch_chosen(k)`; the plots mark that epoch, and show the curves of the
selected model's run when no run is going.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lstm_adder.core.recipes import (
    RECIPES,
    FieldSpec,
    Recipe,
    check_recipe,
    get_recipe,
    user_fields,
)
from lstm_adder.core.training import TrainResult
from lstm_adder.gui import recipe_words
from lstm_adder.gui.i18n import Retranslating, translated
from lstm_adder.gui.plots import TrainingPlots
from lstm_adder.gui.replay import ReplayBar
from lstm_adder.gui.run_state import (
    MUTED,
    PROGRESS_STEPS,
    RED,
    RunState,
    bar_text,
    clock,
    ending,
    said,
)
from lstm_adder.gui.seeds_training import SeedsTraining
from lstm_adder.session.session import Session

INVALID = "QLineEdit { border: 2px solid #d1242f; background: #fff0f0; }"
PANEL_WIDTH = 340
FORM_SPACING = 2  # pixels between the form's rows: every row fits a 632-pixel-high window
PANEL_SPACING = 3  # pixels between the panel's rows (the form, the boxes, Start, the bar)
IDLE_WORDS = QT_TRANSLATE_NOOP("RunState", "Pick a recipe and press Start.")


class TrainingTab(SeedsTraining, Retranslating, QWidget):
    summary = Signal(object)  # a run ended without a model for the list: how it ended (Words)

    def __init__(self, session: Session, parent: QWidget | None = None):
        """`session`: whose run this tab renders and whose timeline it shows."""
        super().__init__(parent)
        self.session, self.replay, run = session, session.replay, session.run
        run.started.connect(self._on_started)
        run.progress.connect(self._on_progress)
        run.epoch.connect(self._on_epoch)
        run.finished.connect(self._on_finished)
        run.failed.connect(self._on_failed)
        self._recipe: Recipe | None = None  # the run in progress
        self.state = RunState.IDLE
        self._status_words: str = ""  # what the line under the bar says (Words), and the bar
        self._bar_words: str = ""
        self._made = None  # the engine of the model the last run made (its state stays on show)
        self._build()
        session.current_changed.connect(self._forget_run)
        self.replay.changed.connect(self._mark_epoch)
        self.replay.curves.connect(self._show_curves)
        self.retranslate()
        self.load_recipe("carry")

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.recipe_box = QGroupBox()
        self.recipe_box.setLayout(self._form())

        self.watch_checkbox = QCheckBox()
        self.watch_checkbox.setObjectName("watch_checkbox")
        self.watch_checkbox.toggled.connect(self.session.set_watch)
        self.keep_checkbox = QCheckBox()
        self.keep_checkbox.setObjectName("keep_checkbox")
        self.keep_checkbox.toggled.connect(self.session.set_keep_epochs)
        self.keep_checkbox.toggled.connect(self._validate)  # the memory check counts them
        self.start_button = QPushButton()
        self.start_button.setObjectName("start_button")
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stop_button")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        seeds_row, log_row = self._build_seeds()  # gui.seeds_training
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 2)
        buttons.addLayout(seeds_row)
        buttons.addWidget(self.stop_button, 1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progress_bar")
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setTextVisible(True)
        self.status = QLabel()
        self.status.setObjectName("training_status")
        self.status.setWordWrap(True)
        self._show_state(RunState.IDLE, said(IDLE_WORDS), value=0)

        side = QVBoxLayout()
        side.setSpacing(PANEL_SPACING)
        side.setContentsMargins(4, 2, 4, 2)
        side.addWidget(self.recipe_box)
        side.addWidget(self.watch_checkbox)
        side.addWidget(self.keep_checkbox)
        side.addLayout(log_row)
        side.addLayout(buttons)
        side.addWidget(self.progress_bar)
        side.addWidget(self.status)
        side.addStretch()
        panel = QWidget()
        panel.setLayout(side)
        scroller = QScrollArea()  # a short window scrolls the panel instead of squeezing it
        scroller.setWidget(panel)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFixedWidth(PANEL_WIDTH + scroller.verticalScrollBar().sizeHint().width())

        self.plots = TrainingPlots()
        self.loss_plot, self.accuracy_plot = self.plots.loss_plot, self.plots.accuracy_plot
        self.timeline = ReplayBar(self.replay)
        self.timeline.epoch_chosen.connect(self.session.show_epoch)
        right = QVBoxLayout()
        self.stack = QStackedWidget()  # the run's plots, or the seeds' (gui.seed_plots)
        self.stack.addWidget(self.plots)
        self.stack.addWidget(self.seed_plots)
        right.addWidget(self.stack, 1)
        right.addWidget(self.timeline)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.addWidget(scroller)
        layout.addLayout(right, 1)

    def _form(self) -> QFormLayout:
        """One row per core.recipes user field: a line edit for a number, a check box for a
        switch, a list for a choice, each with the field's help and range as its tooltip."""
        self.recipe_combo = QComboBox()
        self.recipe_combo.setObjectName("recipe_combo")
        self.recipe_combo.addItems(list(RECIPES))
        self.recipe_combo.currentTextChanged.connect(self.load_recipe)
        self.recipe_summary = QLabel()
        self.recipe_summary.setWordWrap(True)
        self.recipe_summary.setStyleSheet(f"color: {MUTED}")
        form = QFormLayout()
        form.setVerticalSpacing(FORM_SPACING)
        self._start_from = QLabel()
        form.addRow(self._start_from, self.recipe_combo)
        form.addRow(self.recipe_summary)
        self.specs: list[FieldSpec] = user_fields()
        self.fields: dict[str, QLineEdit] = {}
        self.switches: dict[str, QCheckBox] = {}
        self.choices: dict[str, QComboBox] = {}  # each item is spec.choices[its index]
        self._labels: dict[str, QLabel] = {}
        for spec in self.specs:
            if spec.choices:
                box = self.choices[spec.name] = QComboBox()
                box.setObjectName(f"field_{spec.name}")
                box.addItems(spec.names)  # their words come with retranslate
                box.currentIndexChanged.connect(self._validate)
                self._labels[spec.name] = QLabel()
                form.addRow(self._labels[spec.name], box)
                continue
            if spec.type is bool:
                box = self.switches[spec.name] = QCheckBox()
                box.setObjectName(f"field_{spec.name}")
                box.toggled.connect(self._validate)
                form.addRow(box)
                continue
            edit = self.fields[spec.name] = QLineEdit()
            edit.setObjectName(f"field_{spec.name}")
            edit.textChanged.connect(self._validate)
            self._labels[spec.name] = QLabel()
            form.addRow(self._labels[spec.name], edit)
        self.stop_when_perfect = self.switches["stop_when_perfect"]
        self.recipe_error = QLabel()
        self.recipe_error.setObjectName("recipe_error")
        self.recipe_error.setWordWrap(True)
        self.recipe_error.setStyleSheet(f"color: {RED}")
        form.addRow(self.recipe_error)
        return form

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every word of the tab in the language on show; what depends on the run (the bar,
        the line under it) rendered again from the words it was given."""
        self.recipe_box.setTitle(self.tr("Recipe"))
        self._start_from.setText(self.tr("Start from"))
        self.watch_checkbox.setText(self.tr("Watch it learn: the Calculator follows this run"))
        self.keep_checkbox.setText(self.tr("Keep every epoch in the saved file"))
        self.keep_checkbox.setToolTip(self.tr(
            "Save the weights after every epoch with a model trained here, so that every "
            "epoch replays in full after reopening the file: about 1 MB an epoch for the seed "
            "recipe, 6 KB for carry. The run keeps them in memory too (about 2 MB an epoch for "
            "seed). Without it the run and the file keep each epoch's error map and curves."))
        self._retranslate_seeds()  # the Start button's words too
        self.stop_button.setText(self.tr("Stop"))
        for spec in self.specs:
            if spec.type is bool:
                self.switches[spec.name].setText(recipe_words.label(spec))
                self.switches[spec.name].setToolTip(recipe_words.tip(spec))
            else:
                self._labels[spec.name].setText(recipe_words.label(spec))
            if spec.choices:
                box = self.choices[spec.name]
                for index, name in enumerate(spec.names):
                    box.setItemText(index, recipe_words.choice(name))
                box.setToolTip(recipe_words.tip(spec))
        self._show_summary()
        self._validate()
        self.progress_bar.setFormat(translated(self._bar_words))
        self.status.setText(translated(self._status_words))

    def _show_summary(self) -> None:
        recipe = RECIPES[self.recipe_combo.currentText()]
        self.recipe_summary.setText(self.tr("{encoding} layout, {loss} loss").format(
            encoding=recipe.encoding, loss=recipe.loss))

    # -- the recipe -------------------------------------------------------------------------

    @Slot(str)
    def load_recipe(self, name: str) -> None:
        """Fill every field from the named recipe's defaults."""
        recipe = RECIPES[name]
        if self.recipe_combo.currentText() != name:
            self.recipe_combo.setCurrentText(name)
        self._show_summary()
        for spec in self.specs:
            value = getattr(recipe, spec.name)
            if spec.choices:
                self.choices[spec.name].setCurrentIndex(spec.choices.index(value))
            elif spec.type is bool:
                self.switches[spec.name].setChecked(value)
            else:
                self.fields[spec.name].setText(spec.format(value))
        self._validate()

    def _check(self) -> tuple[Recipe | None, list[str]]:
        """The recipe the form describes, or None; and every problem with it, one line each
        (each field's own first, marked on the field; then the recipe's as a whole)."""
        values, errors = {}, []
        for spec in self.specs:
            if spec.choices:
                values[spec.name] = spec.choices[self.choices[spec.name].currentIndex()]
                continue
            if spec.type is bool:
                values[spec.name] = self.switches[spec.name].isChecked()
                continue
            edit = self.fields[spec.name]
            value = spec.parse(edit.text())  # core's one reading of typed numbers
            error = recipe_words.error(spec, value)
            edit.setStyleSheet(INVALID if error else "")
            edit.setToolTip(error or recipe_words.tip(spec))
            if error:
                errors.append(error)
            values[spec.name] = value
        if errors:
            return None, errors
        recipe = get_recipe(self.recipe_combo.currentText(), **values)
        problems = check_recipe(recipe, keep_epochs=self.session.keep_epochs)
        return (None if problems else recipe), problems

    @Slot()
    def _validate(self) -> None:
        _, errors = self._check()
        self.recipe_error.setText("\n".join(map(translated, errors)))
        self.recipe_error.setVisible(bool(errors))
        self.start_button.setEnabled(not errors and not self.running
                                     and not self.session.run.running and not self.seeding)

    def recipe(self) -> Recipe | None:
        """The recipe the fields describe, or None while anything in it is invalid."""
        recipe, _ = self._check()
        return recipe

    # -- the timeline -----------------------------------------------------------------------

    @Slot()
    def _mark_epoch(self) -> None:
        replay = self.replay
        self.plots.mark_epoch(replay.epoch if replay.timeline is not None and replay.epochs
                              else None)

    @Slot()
    def _show_curves(self) -> None:
        """The selected model's run: its recorded curves (a run going keeps its own)."""
        if not self.running:
            if not self.of_the_seeds(self.session.current):  # their plots stay for their own
                self.stack.setCurrentWidget(self.plots)
            self.plots.show_history(self.replay.history)

    # -- running ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True from Start until the run's end has been reported."""
        return self._recipe is not None

    @Slot()
    def start(self) -> None:
        """Train the recipe the fields describe (the session's run, on the Keras lane)."""
        recipe = self.recipe()
        first = "tensorflow" not in sys.modules
        if recipe is None or self.running or self.seeding:
            return
        if self.seeds_spin.value() > 1:  # gui.seeds_training
            self.start_seeds(recipe, self.seeds_spin.value())
            return
        if not self.session.start_training(recipe, self.logdir_for(recipe)):
            return
        self.stack.setCurrentWidget(self.plots)
        self._recipe = recipe
        self._set_controls(running=True)
        self.plots.clear()  # the last run's curves, stop mark and readout go at once
        self.plots.start()
        self._show_state(RunState.STARTING,
                         said(QT_TRANSLATE_NOOP("RunState", "Loading TensorFlow…")) if first
                         else said(QT_TRANSLATE_NOOP("RunState", "Preparing…")), value=0)

    @Slot()
    def stop(self) -> None:
        if self.seeding and self.state is not RunState.STOPPING:
            self.stop_seeds()
        elif self.running and self.state is not RunState.STOPPING:
            self.session.stop_training()
            self.stop_button.setEnabled(False)
            self._show_state(RunState.STOPPING,
                             said(QT_TRANSLATE_NOOP("RunState", "Stopping after this batch…")))

    def shutdown(self) -> None:
        """Stop drawing (for closing the window; the session stops the run)."""
        self.plots.stop()
        self.seed_plots.stop()
        self.timeline.pause()

    def _set_controls(self, running: bool) -> None:
        self.recipe_box.setEnabled(not running)
        self.stop_button.setEnabled(running)
        if running:
            self.start_button.setEnabled(False)
        else:
            self._validate()

    def _show_state(self, state: RunState, text: str, bar: str = "",
                    value: int | None = None) -> None:
        """Enter `state`: the bar shows `bar` (default: the state's word) in its colour, and
        the line under it `text` (each Words, translated here and again on a switch)."""
        self.state = state
        if value is not None:
            self.progress_bar.setValue(value)
        self._show_bar(bar or state.words)
        palette = self.progress_bar.palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor(state.colour))
        self.progress_bar.setPalette(palette)
        self._show_status(text)
        self.status.setStyleSheet(f"color: {state.colour if state.is_end else MUTED}")

    def _show_bar(self, words: str) -> None:
        self._bar_words = words
        self.progress_bar.setFormat(translated(words))

    def _show_status(self, words: str) -> None:
        self._status_words = words
        self.status.setText(translated(words))

    def _on_started(self, recipe) -> None:
        if self.state is RunState.STARTING:
            self._show_state(RunState.TRAINING, said(QT_TRANSLATE_NOOP(
                "RunState", "Training a {1} model on {0}-bit numbers…"),
                self._recipe.bits, self._recipe.name))

    def _on_progress(self, p) -> None:
        self.plots.add_batch(p)
        if self.state is not RunState.TRAINING:
            return  # stopping: the bar keeps saying so
        done = (p.epoch + p.batch / p.batches) / p.epochs
        eta = p.elapsed * (1 - done) / done if done > 0 else 0.0
        self.progress_bar.setValue(int(done * PROGRESS_STEPS))
        self._show_bar(said(QT_TRANSLATE_NOOP("RunState", "epoch {0}/{1} · batch {2}/{3} · "
                                                          "ETA {4}"),
                            p.epoch + 1, p.epochs, p.batch, p.batches, clock(eta)))

    def _on_epoch(self, metrics) -> None:
        self.plots.add_epoch(metrics)
        if self.state is RunState.TRAINING:
            values = (metrics.epoch, metrics.loss, metrics.exact, metrics.elapsed,
                      metrics.heldout_exact)
            self._show_status(said(QT_TRANSLATE_NOOP(
                "RunState", "Epoch {0}: loss {1:.4g}, exact {2:.1%} ({3:.0f} s)"), *values)
                if metrics.heldout_exact is None else said(QT_TRANSLATE_NOOP(
                    "RunState", "Epoch {0}: loss {1:.4g}, exact {2:.1%}, held-out {4:.1%} "
                                "({3:.0f} s)"), *values))

    def _forget_run(self) -> None:
        """Another model selected: the last run's ending is not its story, so the tab goes
        back to idle (the model that run made keeps it)."""
        current = self.session.current
        if self.running or not self.state.is_end or self.of_the_seeds(current) or (
                current is not None and current.engine is self._made):
            return
        self._made = None
        self._show_state(RunState.IDLE, said(IDLE_WORDS), value=0)

    def _on_finished(self, result: TrainResult, trained) -> None:
        self._made = None if trained is None else trained.engine
        if result.stopped_at is not None:
            self.plots.mark_stopped(result.stopped_at)
        self._end_run()
        state, message = ending(result, trained is not None)
        full = state in (RunState.FINISHED, RunState.PERFECT)
        self._show_state(state, message, bar_text(state, result, trained is not None),
                         value=PROGRESS_STEPS if full else None)
        if trained is None:  # else the session says the model joined the list
            self.summary.emit(message)

    def _on_failed(self, message: str) -> None:
        self._end_run()
        text = said(QT_TRANSLATE_NOOP("RunState", "Training failed: {0}"), message)
        self._show_state(RunState.FAILED, text)
        self.summary.emit(text)

    def _end_run(self) -> None:
        self._recipe = None
        self.plots.stop()
        self.seed_plots.stop()
        self._set_controls(running=False)
