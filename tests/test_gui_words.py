"""Every word the window shows is in the language on show: under zh_CN no English word is left
(other than names: LSTM, Adam, Keras, PNG…), and back in English no Chinese one.

The window is built as the app builds it, with a model open, and every tab, menu and the
Training tab's form, status and plots are read: labels, buttons, check boxes, group boxes,
combo boxes, progress bars, tooltips, menus and their actions, the plots' titles, axes and
legends, and the status bar."""

import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGraphicsTextItem,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTabWidget,
    QWidget,
)

from lstm_adder.core.training import BatchProgress, EpochMetrics
from lstm_adder.gui import i18n
from lstm_adder.gui.i18n import CHINESE, ENGLISH

# Names, units and symbols that stay as they are in Chinese.
NAMES = {"LSTM", "Adam", "Keras", "PNG", "SVG", "GRU", "RNN", "TensorFlow", "MB", "KB", "ETA", "P",
         "h", "c", "r", "a", "b", "t", "s", "n", "seed", "carry", "mse", "binary_crossentropy",
         "concat", "msb", "paired", "lsb", "keras", "h5", "hdf5", "dropout", "sub", "A", "B",
         "LSTM_Operation", "ini", "e", "x", "y", "N", "Seed", "Carry", "English",
         "TensorBoard", "CSV"}
OWN_NAMES = "LanguageMenu language_menu action"  # English and 中文, each in its own words
WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
FILE = re.compile(r"\S+\.(keras|h5|hdf5|png|svg|ini)\b|\S*/\S+")  # paths (each part:
# the app's own folder is ".../lstm-adder/LSTM Adder/seeds") and file names


@pytest.fixture(autouse=True)
def english_afterwards(qapp, tmp_path):
    yield
    i18n.set_language(ENGLISH, QSettings(str(tmp_path / "reset.ini"),
                                         QSettings.Format.IniFormat))


def texts(window) -> list[tuple[str, str]]:
    """(where, text) of every word on show or a hover away."""
    found = []

    def add(where, text):
        if text:
            found.append((where, text))

    for widget in [window, *window.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()}"
        add(f"{name} tooltip", widget.toolTip())
        add(f"{name} status tip", widget.statusTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(name, widget.text())
        elif isinstance(widget, QGroupBox):
            add(name, widget.title())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(f"{name} item", widget.itemText(i))
        elif isinstance(widget, QProgressBar):
            add(name, widget.text())
        elif isinstance(widget, QLineEdit):
            add(f"{name} placeholder", widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"{name} tab", widget.tabText(i))
        elif isinstance(widget, QMenu):
            add(name, widget.title())
            for action in widget.actions():
                add(f"{name} action", action.text())
                add(f"{name} action tip", action.toolTip())
                add(f"{name} action status tip", action.statusTip())
        elif isinstance(widget, pg.GraphicsView):  # titles, axes, legends, line labels
            for item in widget.scene().items():
                if isinstance(item, pg.LabelItem):
                    add(f"{name} label", item.text)
                elif isinstance(item, QGraphicsTextItem) and item.isVisible():
                    add(f"{name} text", item.toPlainText())
    for action in window.menuBar().actions():
        add("menu bar", action.text())
    add("window title", window.windowTitle())
    add("status bar", window.statusBar().currentMessage())
    return found


def english_words(text: str) -> list[str]:
    text = FILE.sub(" ", re.sub(r"<[^>]+>", " ", text))  # markup, then paths, file names
    text = re.sub(r"\(&?\w\)|&(?=\w)", "", text)  # a menu's shortcut: 文件(&F)
    return [w for w in WORD.findall(text) if w not in NAMES]


def visit(window, qtbot) -> list[tuple[str, str]]:
    """Every tab in turn, every menu opened and closed, their words collected."""
    found = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(20)
        found += texts(window)
    for menu in window.menuBar().findChildren(QMenu):
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.wait(10)
        menu.hide()
    return found + texts(window)


@pytest.fixture
def shown(window, qtbot, carry_engine):
    """The window as a user has it: a model open and judged, the language menu there."""
    from lstm_adder.session.open_models import OpenModel

    i18n.add_language_menu(window, window.settings)
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        window.session.add(OpenModel("carry", carry_engine))
    assert window.wait_for_background()
    window.show()
    plots = window.training.plots  # an epoch, the batches of one a stop cut short, the mark
    plots.add_epoch(EpochMetrics(1, 0.5, 0.6, 0.25, 0.2, [0.5, 0.75], 256, 1.5))
    for done in (4, 8):
        plots.add_batch(BatchProgress(1, 3, done, 16, 0.4, 2.0))
    plots.mark_stopped(BatchProgress(1, 3, 8, 16, 0.4, 2.0))
    plots.mark_epoch(1)
    plots.flush()
    window.tabs.setCurrentWidget(window.training)
    qtbot.waitExposed(plots)
    view = plots.loss_plot.getPlotItem().vb
    middle = sum(view.viewRange()[1]) / 2
    plots.loss_plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(1.0, middle)))
    assert plots.readout.text().startswith("epoch 1 ")
    return window


def test_no_english_word_is_left_in_chinese(shown, qtbot):
    i18n.set_language(CHINESE, shown.settings)
    left = sorted({(where, text) for where, text in visit(shown, qtbot)
                   if english_words(text) and where != "window title"})
    assert left == [], "\n".join(map(repr, left))


def test_no_chinese_is_left_after_switching_back(shown, qtbot):
    i18n.set_language(CHINESE, shown.settings)
    visit(shown, qtbot)
    i18n.set_language(ENGLISH, shown.settings)
    left = sorted({(where, text) for where, text in visit(shown, qtbot) if CJK.search(text)
                   and not where.startswith(OWN_NAMES)})
    assert left == [], "\n".join(map(repr, left))


def test_the_scan_finds_english_but_not_names():
    assert english_words("LSTM 单元数") == []
    assert english_words("模型：carry（paired-lsb，8 位） · carry.keras") == []
    assert english_words("Stop") == ["Stop"]


def test_every_run_state_and_ending_is_said_in_chinese(tmp_path):
    """The Training tab's bar and status line for each way a run ends (a stopped one cut an
    epoch short), as translated() shows them under zh_CN."""
    from types import SimpleNamespace

    from lstm_adder.core.training import Ended
    from lstm_adder.gui.run_state import RunState, bar_text, ending

    epoch = EpochMetrics(1, 0.5, None, 0.75, None, [0.5], 256, 3.0)
    cut = BatchProgress(1, 3, 5, 16, 0.4, 4.0)
    i18n.set_language(CHINESE, QSettings(str(tmp_path / "zh.ini"), QSettings.Format.IniFormat))
    said = [i18n.translated(state.words) for state in RunState]
    for ended in Ended:
        for trained in (True, False):
            result = SimpleNamespace(ended=ended, history=[epoch], best_epoch=1, reason="",
                                     stopped_at=cut if ended is Ended.STOPPED else None)
            state, words = ending(result, trained)
            said += [i18n.translated(words), i18n.translated(bar_text(state, result, trained))]
    assert [text for text in said if english_words(text) or not CJK.search(text)] == []
