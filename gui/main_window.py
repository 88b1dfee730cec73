"""The main window: the Calculator, Training, Insight and Compare tabs, the model list, menus,
settings.

The window holds a session.session.Session (the open models, what is on show, opening,
saving, the training run) and wires it to the tabs, which render it: the
calculator the session's `on_show`, the Insight tab its `insight`, the toolbar's `model_list`
its models. What stays here is Qt's: menus and toolbar, file dialogs, the status bar and error
dialogs, QSettings (geometry, the last model, the last save folder) and the question before
closing.

The window shows at once with "Loading model…" while the engine pool (gui.tasks) reads the
model's weights with h5py; TensorFlow is not imported until Keras is needed (a training run,
or a save only Keras can write), and then only on the Keras thread (session.lanes; the run is
the session's, session.run). Models open
while a run trains.

Saving and closing (gui.saving): the Save dialog opens in the folder of the last save, else
the user's documents or home, never the package's own folder; closing with unsaved models, or
during a run, asks first (not offscreen, where no one could answer: `confirm_close`).

File › Export figure… saves the current tab's main figure (gui.export) as PNG or SVG: the bit
grid, the loss and accuracy plots, the error map with its colour bar, or the Compare tab's
difference map (`figure()`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QSettings,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStyle,
    QTabWidget,
    QToolBar,
    QWidget,
)

from lstm_adder.assets import BUNDLED, ICON
from lstm_adder.core.errors import one_line
from lstm_adder.gui import export
from lstm_adder.gui.calculator_tab import CalculatorTab
from lstm_adder.gui.compare_tab import CompareTab
from lstm_adder.gui.i18n import translated
from lstm_adder.gui.insight_tab import InsightTab
from lstm_adder.gui.saving import ask_save_path, may_close, save_folder
from lstm_adder.gui.tasks import Task, TaskExecutor
from lstm_adder.gui.training_tab import TrainingTab
from lstm_adder.session.open_models import OpenModel
from lstm_adder.session.session import Session
from lstm_adder.session.words import Words

TITLE = "LSTM Adder"
ORGANIZATION, APPLICATION = "lstm-adder", "LSTM Adder"  # where QSettings keeps its values
DEFAULT_SIZE = (1180, 780)
STATUS_MS = 10_000
MODEL_FILTER = QT_TRANSLATE_NOOP("MainWindow",
                                 "Keras models (*.keras *.h5 *.hdf5);;All files (*)")
LIST_TIP = QT_TRANSLATE_NOOP("MainWindow", "The models open in this window")
NO_FILE = Words(QT_TRANSLATE_NOOP("MainWindow", "No model: open one from the File menu."),
                context="MainWindow")


class MainWindow(QMainWindow):
    saved = Signal(object)  # the path a model has been saved to
    save_failed = Signal(str)

    def __init__(self, model_path=None, settings: QSettings | None = None,
                 autoload: bool = True):
        """`model_path`: open this model instead of the last one or the bundled seed model.
        `settings`: where to remember geometry and the last model (tests pass their own).
        `autoload=False` opens nothing: call `session.load` or `session.add`."""
        super().__init__()
        self.setWindowTitle(TITLE)
        self.setWindowIcon(QIcon(str(ICON)))
        self._status: str | None = None  # the status bar's message, to translate again
        self._status_brief = False
        self.settings = settings if settings is not None else QSettings(ORGANIZATION,
                                                                        APPLICATION)
        self.session = Session(TaskExecutor())
        # Ask before closing on unsaved models or a run; not offscreen (screenshots, the
        # bench, scripts), where no one could answer and the question would wait forever.
        self.confirm_close = QGuiApplication.platformName() != "offscreen"

        self.calculator = CalculatorTab(self.session.on_show)
        self.training = TrainingTab(self.session)
        self.insight = InsightTab(self.session.insight)
        self.compare = CompareTab(self.session)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        for tab in (self.calculator, self.training, self.insight, self.compare):
            self.tabs.addTab(tab, "")  # titled by retranslate()
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self.statusBar().messageChanged.connect(self._on_status_changed)
        self.retranslate()
        self._wire()
        self.training.timeline.add_keys(self)  # Space, ← and → drive the replay from any tab

        geometry = self.settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        fit_to_screen(self)
        if autoload:
            self.session.open_at_start(model_path, self.settings.value("last_model", ""),
                                       BUNDLED)
        else:
            self.session.on_show.show(None, NO_FILE)

    def _wire(self) -> None:
        """The session's news to the window; the tabs' to the session."""
        session, training = self.session, self.training
        session.models_changed.connect(self._show_list)
        session.current_changed.connect(self._on_current_changed)
        session.status.connect(self._show_status)
        session.error.connect(self._error)
        session.saved.connect(self._on_saved)
        session.save_failed.connect(lambda entry, message: self.save_failed.emit(message))
        session.on_show.answered.connect(self._on_answered)
        session.on_show.shown_changed.connect(self._name_shown)
        session.training_changed.connect(self._enable_save)  # Keras saves wait for a run
        training.summary.connect(self._show_brief)
        self.insight.pair_clicked.connect(self._on_map_clicked)
        self.compare.pair_clicked.connect(self._on_map_clicked)

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
        # Save (Ctrl+S) is for a model trained here, which no file holds yet: it asks where,
        # as Save as does. A model from a file is in its file already, and Save is off.
        self.save_now_action = self._action("Save model", self.choose_and_save,
                                            QKeySequence.StandardKey.Save)
        self.save_action = self._action("Save model as…", self.choose_and_save,
                                        QKeySequence.StandardKey.SaveAs,
                                        pixmap.SP_DialogSaveButton)
        self.bundled_actions = {
            name: self._action(name, lambda _checked=False, p=path: self.session.open(p))
            for name, path in BUNDLED.items()}
        for name, action in self.bundled_actions.items():
            action.setObjectName(f"open_{name}")
        self.export_action = self._action(self.tr("Export figure…"), self.choose_and_export)
        self.export_action.setObjectName("export_figure")
        self.quit_action = quit_action = self._action("Quit", self.close)
        quit_action.setShortcuts(quit_keys())

        self.file_menu = file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.save_now_action)
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        self.bundled_menu = bundled_menu = file_menu.addMenu("Bundled models")
        bundled_menu.addActions(list(self.bundled_actions.values()))
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        self.model_list = QComboBox()
        self.model_list.setObjectName("model_list")
        self.model_list.setMinimumContentsLength(28)

        self.model_list.currentIndexChanged.connect(self._on_model_chosen)
        self.toolbar = toolbar = QToolBar()
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.save_action)
        toolbar.addSeparator()
        self.bundled_label = QLabel()
        toolbar.addWidget(self.bundled_label)
        toolbar.addActions(list(self.bundled_actions.values()))
        toolbar.addSeparator()
        self.model_label = QLabel()
        toolbar.addWidget(self.model_label)
        toolbar.addWidget(self.model_list)
        self.addToolBar(toolbar)
        self.save_action.setEnabled(False)

    def retranslate(self) -> None:
        """The window's own words in the language of the moment (each tab re-sets its own)."""
        for tab, title in ((self.calculator, self.tr("Calculator")),
                           (self.training, self.tr("Training")),
                           (self.insight, self.tr("Insight")),
                           (self.compare, self.tr("Compare"))):
            self.tabs.setTabText(self.tabs.indexOf(tab), title)
        self.file_menu.setTitle(self.tr("&File"))
        self.bundled_menu.setTitle(self.tr("Bundled models"))
        self.open_action.setText(self.tr("Open model…"))
        self.save_action.setText(self.tr("Save model as…"))
        self.save_now_action.setText(self.tr("Save model"))
        self.export_action.setText(self.tr("Export figure…"))
        self.export_action.setStatusTip(self.tr(
            "Save the figure of this tab as an image: the bit grid, the training curves, "
            "or the error map"))
        self.quit_action.setText(self.tr("Quit"))
        names = {"seed": self.tr("Seed model"), "carry": self.tr("Carry model")}
        for name, action in self.bundled_actions.items():
            action.setText(names.get(name, name))
            action.setToolTip(self.tr("Open the bundled {0} model ({1})").format(
                name, BUNDLED[name].name))
        self.bundled_label.setText(self.tr(" Bundled: "))
        self._name_shown()
        self.toolbar.setWindowTitle(self.tr("Models"))
        self._show_list()
        self._enable_save()
        if self._status is not None:  # the message on show, in the new language
            self.statusBar().showMessage(translated(self._status), self._status_ms())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the model list ---------------------------------------------------------------------

    def _show_list(self) -> None:
        """The session's models in the list, the current one selected (a narrow window cuts
        their words short in the box: each item's tooltip has them in full, with the
        file)."""
        box, models = self.model_list, self.session.models
        box.blockSignals(True)
        while box.count() > len(models):
            box.removeItem(box.count() - 1)
        for index, entry in enumerate(models):
            if index == box.count():
                box.addItem("")
            box.setItemText(index, translated(entry.list_text()))
            box.setItemData(index, _tip(entry), Qt.ItemDataRole.ToolTipRole)
        current = self.session.current
        box.setCurrentIndex(models.index(current) if current in models else -1)
        box.blockSignals(False)
        box.setToolTip(_tip(current) if current in models else self.tr(LIST_TIP))
        self._enable_save()

    def _name_shown(self) -> None:
        """The toolbar names what the Calculator shows: the selected model, or the run's
        epoch in its place while "watch it learn" (or the timeline) shows one."""
        on_show = self.session.on_show
        if on_show.watched and on_show.model is not None:
            self.model_label.setText(self.tr(" Showing {0} · selected: ").format(
                translated(on_show.model.name)))
        else:
            self.model_label.setText(self.tr(" Model: "))

    @Slot(int)
    def _on_model_chosen(self, index: int) -> None:
        if 0 <= index < len(self.session.models):
            self.session.select(self.session.models[index])

    def _on_current_changed(self) -> None:
        self._show_list()
        entry = self.session.current
        if entry is not None and entry.path is not None:
            self.settings.setValue("last_model", str(entry.path))

    def _on_answered(self) -> None:
        """The Insight tab's state view follows the calculator's pair, at its width."""
        on_show = self.session.on_show
        if on_show.answer is not None:
            self.insight.set_pair(*on_show.pair, on_show.engine)

    @Slot(int, int)
    def _on_map_clicked(self, a: int, b: int) -> None:
        """A pair clicked on the error map: answer it in the calculator."""
        self.session.on_show.set_pair(a, b)
        self.tabs.setCurrentWidget(self.calculator)

    # -- opening and saving -----------------------------------------------------------------

    @Slot()
    def choose_and_open(self) -> None:
        last = self.settings.value("last_model", "")
        folder = str(Path(last).parent) if last else save_folder(self.settings)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), folder,
                                              self.tr(MODEL_FILTER))
        if path:
            self.session.open(path)

    @Slot()
    def choose_and_save(self) -> None:
        entry = self.session.current
        if entry is not None:
            path = ask_save_path(self, entry, self.settings)
            if path:
                self.session.save(path)

    def _on_saved(self, entry: OpenModel, path: Path) -> None:
        self.settings.setValue("save_folder", str(path.parent))
        if not self.session.closing:
            self.settings.setValue("last_model", str(path))
        self.saved.emit(path)

    def _enable_save(self) -> None:
        can, why = self.session.can_save()
        self.save_action.setEnabled(can)
        self.save_action.setStatusTip(translated(why))
        current = self.session.current
        self.save_now_action.setEnabled(can and current is not None and current.unsaved)

    # -- figures ----------------------------------------------------------------------------

    def figure(self) -> tuple[QWidget, str]:
        """The current tab's main figure, and a file name for it."""
        tab = self.tabs.currentWidget()
        if tab is self.training:
            return self.training.plots.figure, "training-curves"
        if tab is self.insight:
            return self.insight.error_map, "error-map"
        if tab is self.compare:
            return self.compare.difference_map, "difference-map"
        return self.calculator.bit_grid, "bit-grid"

    @Slot()
    def choose_and_export(self) -> None:
        """Ask where to save the current tab's figure (PNG, or SVG), and save it."""
        widget, name = self.figure()
        folder = save_folder(self.settings)
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export figure"), str(folder / f"{name}{export.PNG}"),
            export.file_filter())
        if path:
            if not Path(path).suffix:
                path += export.suffix_for(chosen)
            self.export_figure(path)

    def export_figure(self, path) -> Path | None:
        """Save the current tab's figure to `path` (PNG or SVG by its suffix); a failure
        is said in a dialog. The path written, or None."""
        widget, name = self.figure()
        try:
            written = export.save_figure(widget, path, title=name)
        except export.ExportError as exc:
            self._error(self.tr("Cannot export the figure"), str(exc))
            return None
        self.settings.setValue("save_folder", str(written.parent))
        self._show_status(self.tr("Saved the figure to {0}").format(written), True)
        return written

    # -- messages and closing ---------------------------------------------------------------

    def _show_status(self, text: str, brief: bool) -> None:
        """`text` (the session's Words, or words of the window's own) in the status bar; a
        switch of language shows it again in the new one while it is on show."""
        self._status, self._status_brief = text, brief
        # each value made one line, and the words' own line breaks become spaces
        line = " ".join(part.strip() for part in translated(one_line(text)).splitlines()
                        if part.strip())
        self.statusBar().showMessage(line, self._status_ms())

    @Slot(str)
    def _on_status_changed(self, text: str) -> None:
        if not text:  # gone (timed out, or a tooltip's status tip took its place)
            self._status = None

    def _status_ms(self) -> int:
        return STATUS_MS if self._status_brief else 0

    @Slot(str)
    def _show_brief(self, text: str) -> None:
        self._show_status(text, True)

    def _error(self, title: str, message: str) -> None:
        self._show_status(message, True)
        # each value made one line (a file name cannot break it), the words' own breaks kept
        QMessageBox.critical(self, translated(title), translated(one_line(message)))

    def wait_for_background(self, timeout_ms: int = 30_000) -> bool:
        """Let opening, judging and saving finish (for tests and scripts)."""
        return Task.wait_all(timeout_ms)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Ask first if closing would lose a model or a run (Cancel keeps the window); then
        stop training and background work before the window goes (no thread outlives it)."""
        if not self.session.closing and self.confirm_close and \
                not may_close(self, self.session):
            event.ignore()
            return
        self.session.close()  # stops the run, and waits for its batch to end
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()
        self.training.shutdown()
        self.compare.shutdown()
        Task.cancel_all()
        Task.wait_all()
        super().closeEvent(event)


def quit_keys() -> list[QKeySequence]:
    """The platform's Quit keys, and Ctrl+Q where it names none (Windows, offscreen)."""
    return (QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
            or [QKeySequence("Ctrl+Q")])


def fit_to_screen(window: QWidget, screen=None) -> None:
    """Hold `window` within the free area of `screen` (default: the one it opens on, else
    the primary one), frame included: a first start on a 1024×640 screen does not open at
    DEFAULT_SIZE with the status bar off the bottom, and a size remembered from a bigger
    screen shrinks to this one."""
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar, borders
    width = min(window.width(), free.width() - frame.width())
    height = min(window.height(), free.height() - frame.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, 1), max(height, 1))
    place = window.frameGeometry()
    x = min(max(place.x(), free.left()), free.right() + 1 - place.width())
    y = min(max(place.y(), free.top()), free.bottom() + 1 - place.height())
    if (x, y) != (place.x(), place.y()):
        window.move(max(x, free.left()), max(y, free.top()))


def _tip(entry: OpenModel) -> str:
    where = entry.path or QCoreApplication.translate("MainWindow", "not saved yet")
    return f"{translated(entry.list_text())}\n{one_line(str(where))}"
