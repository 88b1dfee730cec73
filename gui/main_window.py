"""The main window: the Calculator, Training and Insight tabs, the open models, menus, settings.

The window shows at once with "Loading model…" while the engine pool (gui.tasks) reads the
model's weights with h5py; the calculator answers as soon as they are in, and TensorFlow is not
imported at all until Keras is needed (a training run, or a save only Keras can write), and
then only on the Keras thread (gui.worker). `open_model_async` is that path; `load_model` does
the same work synchronously (for tests and scripts). Models open while a run trains, and the
models the app has open are listed in the toolbar's `model_list`.

The model list names each model with its file, or "unsaved" for a run of this window (marked
"stopped" when you stopped it), and a run's exact match once it has been judged.

Saving: the path is checked first (core.checks: the folder takes a new file, the name fits),
so a save that cannot work says so at once. A model read from a .keras file is copied with its
lstm_adder.json rewritten, on the engine pool; one read from a Keras 2 .h5, or trained here,
is written by Keras on the Keras thread (so it waits for a training run: the window asks to
stop the run first). A failed save shows a dialog, and the model stays in the list, unsaved.
The Save dialog opens in the folder of the last save, else the user's documents or home,
never the package's own folder.

Closing with unsaved models, or during a run, asks first: Save (each model, then close),
Discard or Cancel; Cancel is the default, so a stray Enter or Escape keeps the window. (An
offscreen window, which no one can answer, does not ask: `confirm_close`.)
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStyle,
    QTabWidget,
    QToolBar,
)

from assets import BUNDLED
from core.checks import check_out_path
from core.errors import InputError, ModelFileError
from gui import open_models
from gui.calculator import CalculatorTab
from gui.insight import InsightTab
from gui.open_models import OpenModel
from gui.tasks import Task
from gui.training_tab import TrainingTab
from gui.worker import keras_task

TITLE = "LSTM Adder"
ORGANIZATION, APPLICATION = "lstm-adder", "LSTM Adder"  # where QSettings keeps its values
DEFAULT_SIZE = (1180, 780)
STATUS_MS = 10_000
MODEL_FILTER = "Keras models (*.keras *.h5 *.hdf5);;All files (*)"
SAVE_FILTER = "Keras models (*.keras)"
Button = QMessageBox.StandardButton


class MainWindow(QMainWindow):
    saved = Signal(object)  # the path a model has been saved to
    save_failed = Signal(str)

    def __init__(self, model_path=None, settings: QSettings | None = None,
                 autoload: bool = True):
        """`model_path`: open this model instead of the last one or the bundled seed model.
        `settings`: where to remember geometry and the last model (tests pass their own).
        `autoload=False` opens nothing: call `load_model` or `add_model`."""
        super().__init__()
        self.setWindowTitle(TITLE)
        self.settings = settings if settings is not None else QSettings(ORGANIZATION,
                                                                        APPLICATION)
        self.models: list[OpenModel] = []
        self._load_tag = 0
        self._closing = False
        self._watch: OpenModel | None = None  # a training run's model, while on show
        self._trained = 0
        # Ask before closing on unsaved models or a run; not offscreen (screenshots, the
        # bench, scripts), where no one could answer and the question would wait forever.
        self.confirm_close = QGuiApplication.platformName() != "offscreen"

        self.calculator = CalculatorTab()
        self.training = TrainingTab()
        self.insight = InsightTab()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.calculator, "Calculator")
        self.tabs.addTab(self.training, "Training")
        self.tabs.addTab(self.insight, "Insight")
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self.training.run_finished.connect(self._on_run_finished)
        self.training.watched_epoch.connect(self._on_watched_epoch)
        self.training.running_changed.connect(self._on_running_changed)
        self.training.watch_changed.connect(self._on_watch_changed)
        self.calculator.pair_changed.connect(self._on_pair_changed)
        self.insight.pair_clicked.connect(self._on_map_clicked)
        self.insight.computed.connect(self._on_insight_computed)

        geometry = self.settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        if autoload:
            self.open_at_start(model_path)
        else:
            self.calculator.set_model(None, "No model: open one from the File menu.")

    # -- menus and toolbar ------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, icon=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.open_action = self._action("Open model…", self.choose_and_open,
                                        QKeySequence.StandardKey.Open, pixmap.SP_DialogOpenButton)
        self.save_action = self._action("Save model as…", self.choose_and_save,
                                        QKeySequence.StandardKey.SaveAs,
                                        pixmap.SP_DialogSaveButton)
        self.bundled_actions = {
            name: self._action(f"{name.capitalize()} model",
                               lambda _checked=False, p=path: self.open_model_async(p))
            for name, path in BUNDLED.items()}
        for name, action in self.bundled_actions.items():
            action.setObjectName(f"open_{name}")
            action.setToolTip(f"Open the bundled {name} model ({BUNDLED[name].name})")
        quit_action = self._action("Quit", self.close, QKeySequence.StandardKey.Quit)

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        bundled_menu = file_menu.addMenu("Bundled models")
        bundled_menu.addActions(list(self.bundled_actions.values()))
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        self.model_list = QComboBox()
        self.model_list.setObjectName("model_list")
        self.model_list.setMinimumContentsLength(28)
        self.model_list.setToolTip("The models open in this window")
        self.model_list.currentIndexChanged.connect(self._on_model_selected)
        toolbar = QToolBar("Models")
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.save_action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Bundled: "))
        toolbar.addActions(list(self.bundled_actions.values()))
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Model: "))
        toolbar.addWidget(self.model_list)
        self.addToolBar(toolbar)
        self.save_action.setEnabled(False)

    # -- opening models ---------------------------------------------------------------------

    @property
    def current_model(self) -> OpenModel | None:
        """The model selected in the model list."""
        index = self.model_list.currentIndex()
        return self.models[index] if 0 <= index < len(self.models) else None

    def open_at_start(self, model_path=None) -> None:
        """Open `model_path`, else the last model, else the bundled seed (or carry) model."""
        if model_path is not None:
            candidates = [Path(model_path)]
        else:
            last = self.settings.value("last_model", "")
            candidates = [Path(last)] if last else []
            candidates += [path for path in BUNDLED.values() if path not in candidates]
            candidates = [path for path in candidates if path.is_file()]
        if not candidates:
            missing = ", ".join(f"assets/{path.name}" for path in BUNDLED.values())
            message = (f"No model yet ({missing} not found). Open a model file, "
                       "or train one in the Training tab.")
            self.calculator.set_model(None, message)
            self.statusBar().showMessage(message)
            return
        self._open_async(partial(open_models.open_first, candidates), "Loading model…")

    @Slot()
    def open_model_async(self, path) -> None:
        """Read `path` on the engine pool; the calculator says "Loading…" until it is in.
        A file already open, and unchanged since, is selected instead of read again (so it
        is not judged again either)."""
        if self._select_if_open(path):
            return
        self._open_async(partial(open_models.open_first, [Path(path)]),
                         f"Loading {Path(path).name}…")

    def _open_async(self, fn, message: str) -> None:
        self._load_tag += 1
        if not self._watching():  # a watched run stays on show
            self.calculator.set_model(None, message)
        self.statusBar().showMessage(message)
        Task.launch(lambda cancel: fn(), self._load_tag, self._on_loaded,
                    self._on_load_failed)

    def _select_if_open(self, path) -> bool:
        index = next((i for i, m in enumerate(self.models) if m.is_file(path)), None)
        if index is None:
            return False
        self._load_tag += 1  # an open still loading in the background is now stale
        self._add(self.models[index], select=True)
        return True

    @Slot(object, object)
    def _on_loaded(self, tag, entry: OpenModel) -> None:
        if tag == self._load_tag and not self._closing:
            self._add(entry, select=True)
            where = f" from {entry.path}" if entry.path else ""
            self.statusBar().showMessage(f"Opened {entry.description}{where}", STATUS_MS)

    @Slot(object, str)
    def _on_load_failed(self, tag, message: str) -> None:
        if tag == self._load_tag and not self._closing:
            self._show_current()
            self._error("Cannot open the model", message)

    def load_model(self, path) -> bool:
        """Open `path` now, blocking (h5py, no TensorFlow); on failure show a dialog and keep
        the current model. A file already open and unchanged is selected."""
        if self._select_if_open(path):
            return True
        self._load_tag += 1  # an open still loading in the background is now stale
        try:
            entry = open_models.open_file(path)
        except ModelFileError as exc:
            self._show_current()
            self._error("Cannot open the model", str(exc))
            return False
        self._add(entry, select=True)
        return True

    def add_model(self, entry: OpenModel) -> OpenModel:
        """Add a model that is already open (gui.open_models.OpenModel) and select it."""
        self._load_tag += 1
        self._add(entry, select=True)
        return entry

    def _add(self, entry: OpenModel, select: bool) -> None:
        same_file = [i for i, m in enumerate(self.models)
                     if entry.path is not None and m.path is not None
                     and m.path.resolve() == entry.path.resolve()]
        if same_file:  # opened again: the fresh copy replaces the old one
            index = same_file[0]
            self.models[index] = entry
            self._name_in_list(entry)
        else:
            self.models.append(entry)
            index = len(self.models) - 1
            self.model_list.blockSignals(True)  # the first item would select itself
            self.model_list.addItem(entry.list_text())
            self.model_list.blockSignals(False)
            self._name_in_list(entry)
            if self.model_list.currentIndex() == index and not select:
                self._on_model_selected(index)  # the list's first model: show it
        if select:
            if self.model_list.currentIndex() == index:
                self._on_model_selected(index)
            else:
                self.model_list.setCurrentIndex(index)

    def _name_in_list(self, entry: OpenModel) -> None:
        """The list's words for `entry` (a narrow window cuts them short in the box: its
        tooltip has them in full, with the file)."""
        if entry in self.models:
            index = self.models.index(entry)
            tip = f"{entry.list_text()}\n{entry.path or 'not saved yet'}"
            self.model_list.setItemText(index, entry.list_text())
            self.model_list.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
            if index == self.model_list.currentIndex():
                self.model_list.setToolTip(tip)

    @Slot(int)
    def _on_model_selected(self, index: int) -> None:
        entry = self.current_model
        self._enable_save()
        if entry is None:
            return
        self._name_in_list(entry)
        if entry.path is not None:
            self.settings.setValue("last_model", str(entry.path))
        if not self._watching():
            self._show(entry)

    def _show(self, entry: OpenModel | None, message: str = "") -> None:
        """Look inside `entry` in the Insight tab and answer with it in the calculator
        (whose pair the Insight tab then follows)."""
        self.insight.set_engine(entry.engine if entry is not None else None)
        self.calculator.set_model(entry, message)

    def _show_current(self) -> None:
        """Put the selected model (if any) back in the calculator and the Insight tab."""
        if self._watching():
            return
        entry = self.current_model
        self._show(entry, "" if entry else "No model: open one from the File menu, or train one.")

    @Slot(object, object)
    def _on_pair_changed(self, a: int, b: int) -> None:
        """The calculator's pair: the Insight tab's state view follows it, at the
        calculator's width."""
        self.insight.set_pair(a, b, self.calculator.engine)

    @Slot(int, int)
    def _on_map_clicked(self, a: int, b: int) -> None:
        """A pair clicked on the error map: answer it in the calculator."""
        self.calculator.set_pair(a, b)
        self.tabs.setCurrentWidget(self.calculator)

    @Slot()
    def choose_and_open(self) -> None:
        last = self.settings.value("last_model", "")
        folder = str(Path(last).parent) if last else self.save_folder()
        path, _ = QFileDialog.getOpenFileName(self, "Open model", folder, MODEL_FILTER)
        if path:
            self.open_model_async(path)

    # -- saving -----------------------------------------------------------------------------

    @Slot()
    def choose_and_save(self) -> None:
        entry = self.current_model
        if entry is not None:
            path = self.ask_save_path(entry)
            if path:
                self.save_model(path)

    def ask_save_path(self, entry: OpenModel) -> str:
        """The Save dialog for `entry`, on a name of its own in the save folder; "" if the
        user cancels."""
        path, _ = QFileDialog.getSaveFileName(self, f"Save {entry.name} as",
                                              str(self.suggested_path(entry)), SAVE_FILTER)
        return path

    def save_folder(self) -> Path:
        """Where the Save dialog opens: the folder of the last save, else the user's
        documents, else home (never the package's folder, where the bundled models are)."""
        last = self.settings.value("save_folder", "")
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        if documents and Path(documents).is_dir():
            return Path(documents)
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
                    or Path.home())

    def suggested_path(self, entry: OpenModel) -> Path:
        """A path in save_folder() for `entry`: its own file if it is there, else a name no
        file has yet: carry-8bit.keras, carry-8bit-2.keras, ..."""
        name = Path(entry.file_name())
        folder = self.save_folder()
        path, n = folder / name, 1
        while path.exists() and path != entry.path:
            n += 1
            path = folder / f"{name.stem}-{n}{name.suffix}"
        return path

    def save_model(self, path, entry: OpenModel | None = None) -> bool:
        """Start writing `entry` (default: the selected model) to `path` (.keras added to a
        name without a suffix; written atomically): `saved` or a dialog (and `save_failed`)
        follows. False, with the dialog, if the save cannot even start."""
        entry = entry or self.current_model
        if entry is None or entry.source is None:
            return False
        if entry.source.needs_keras and self.training.running:
            self._error("Cannot save the model yet",
                        "Only Keras can write this model, and Keras is training: stop "
                        "training to save it.")
            return False
        try:
            path = check_out_path(path)
        except InputError as exc:
            self._on_save_failed(entry, str(exc))
            return False
        source, info = entry.source, dict(entry.info)

        def save(cancel) -> Path:  # on the pool the source needs
            return source.save(path, info)

        if source.needs_keras:
            keras_task(save, entry, self._on_saved, self._on_save_failed)
        else:
            Task.launch(save, entry, self._on_saved, self._on_save_failed)
        self.statusBar().showMessage(f"Saving {entry.name} to {path}…")
        return True

    @Slot(object, object)
    def _on_saved(self, entry: OpenModel, path: Path) -> None:
        if entry in self.models:
            entry.saved_as(path)
            self._name_in_list(entry)
            self._enable_save()
        self.settings.setValue("save_folder", str(path.parent))
        if not self._closing:
            self.settings.setValue("last_model", str(path))
            self.statusBar().showMessage(f"Saved {entry.name} to {path}", STATUS_MS)
        self.saved.emit(path)

    @Slot(object, str)
    def _on_save_failed(self, entry: OpenModel, message: str) -> None:
        if not self._closing:
            self._error("Cannot save the model", f"{message}\n\n{entry.name} is still open: "
                        "save it somewhere else.")
        self.save_failed.emit(message)

    def _enable_save(self) -> None:
        entry = self.current_model
        keras_busy = entry is not None and entry.source is not None and \
            entry.source.needs_keras and self.training.running
        self.save_action.setEnabled(entry is not None and entry.source is not None
                                    and not keras_busy)
        self.save_action.setStatusTip("Stop training to save this model" if keras_busy else "")

    # -- training ---------------------------------------------------------------------------

    def _watching(self) -> bool:
        return self.training.running and self.training.watch_checkbox.isChecked()

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self._enable_save()  # a model only Keras can write waits for the run

    @Slot(object, object)
    def _on_watched_epoch(self, entry: OpenModel, metrics) -> None:
        """`entry` holds the weights of the run after this epoch (its engine, plain arrays)."""
        if self._closing or not self._watching():
            return
        self._watch = entry
        note = f"Watching training: epoch {metrics.epoch}, {metrics.exact:.1%} exact"
        self.insight.show_watched(entry.engine, metrics.report, metrics.epoch)
        self.calculator.set_model(entry, note, watching=True)

    @Slot(bool)
    def _on_watch_changed(self, on: bool) -> None:
        if not on:
            self._end_watch()

    def _end_watch(self) -> None:
        """Put the selected model back if the calculator shows the copy in training."""
        showing_copy = self._watch is not None and self.calculator.model is self._watch
        self._watch = None
        if showing_copy and not self._closing:
            self._show_current()

    @Slot(object, str)
    def _on_run_finished(self, trained, message: str) -> None:
        if self._closing:
            return
        self.statusBar().showMessage(message, STATUS_MS)
        if trained is None:
            self._end_watch()  # diverged, failed or stopped early: the previous model stays
            return
        follow = self._watch is not None
        self._watch = None
        self._trained += 1
        name = f"trained {trained.result.recipe.name} #{self._trained}"
        entry = open_models.from_training(trained, name)
        self._add(entry, select=follow)
        if not follow:  # on show, the Insight tab judges it (see _on_insight_computed)
            Task.launch(partial(open_models.judged, entry.engine), entry,
                        self._on_entry_judged, self._on_entry_judge_failed)
        self.statusBar().showMessage(f"{entry.name} joined the model list, not saved yet "
                                     "(File › Save model as…)", STATUS_MS)

    @Slot()
    def _on_insight_computed(self) -> None:
        """The model on show has been judged: its exact match goes into the list."""
        if self.current_model is not None and not self._closing:
            self._name_in_list(self.current_model)

    @Slot(object, object)
    def _on_entry_judged(self, entry: OpenModel, report) -> None:
        if report is not None and not self._closing:
            self._name_in_list(entry)

    @Slot(object, str)
    def _on_entry_judge_failed(self, entry: OpenModel, message: str) -> None:
        if not self._closing:
            self.statusBar().showMessage(f"Could not judge {entry.name}: {message}",
                                         STATUS_MS)

    # -- the rest ---------------------------------------------------------------------------

    def _error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)
        QMessageBox.critical(self, title, message)

    def wait_for_background(self, timeout_ms: int = 30_000) -> bool:
        """Let opening, judging and saving finish (for tests and scripts)."""
        return Task.wait_all(timeout_ms)

    def unsaved_models(self) -> list[OpenModel]:
        """The models trained here that are in no file: closing would lose them."""
        return [entry for entry in self.models if entry.unsaved]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Ask first if closing would lose a model or a run (Cancel keeps the window); then
        stop training and background work before the window goes (no thread outlives it)."""
        if not self._closing and self.confirm_close and not self._may_close():
            event.ignore()
            return
        self._closing = True
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()
        self.training.shutdown()
        self.insight.shutdown(timeout_ms=0)
        Task.cancel_all()
        Task.wait_all()
        super().closeEvent(event)

    def _may_close(self) -> bool:
        """Save / Discard / Cancel when models are unsaved or a run is going; True to close.
        Save stops the run (its model joins the list), then asks where to save each model;
        cancelling any of those, or a failed save, keeps the window open."""
        unsaved, running = self.unsaved_models(), self.training.running
        if not unsaved and not running:
            return True
        lines = []
        if running:
            lines.append("Training is running: closing stops it.")
        if unsaved:
            names = ", ".join(entry.name for entry in unsaved)
            lines.append(f"{len(unsaved)} trained model{'s' * (len(unsaved) > 1)} "
                         f"{'are' if len(unsaved) > 1 else 'is'} not saved: {names}.")
        answer = QMessageBox.question(
            self, "Close LSTM Adder?", "\n".join(lines + ["Save before closing?"]),
            Button.Save | Button.Discard | Button.Cancel, Button.Cancel)
        if answer == Button.Discard:
            return True
        if answer != Button.Save:
            return False
        self._end_run_now()
        return self._save_all()

    def _end_run_now(self) -> None:
        """Stop a run and wait for it; its model joins the list."""
        if self.training.running:
            self.training.shutdown()
            QCoreApplication.processEvents()  # deliver the run's end: its model joins

    def _save_all(self) -> bool:
        """Ask where to save each unsaved model and save it, waiting for each; False as soon
        as the user cancels or a save fails (its dialog has said why)."""
        for entry in self.unsaved_models():
            path = self.ask_save_path(entry)
            if not path or not self.save_model(path, entry):
                return False
            Task.wait_all(timeout_ms=-1)
            if entry.unsaved:
                return False
        return True
