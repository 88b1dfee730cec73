"""The window in English or Chinese: Qt's translation files, the language at start-up, and
View › Language to switch it while the app runs.

Every word the window shows goes through Qt's tr(): `self.tr("…")` in a widget,
`QCoreApplication.translate("Context", "…")` outside one, and a constant is marked with
`QT_TRANSLATE_NOOP("Context", "…")` and translated where it is shown. lupdate collects the
words into gui/i18n/lstm_adder_zh_CN.ts, whose Chinese is written by hand (Qt Linguist, or
any editor: fill each <translation> and drop its type="unfinished"), and lrelease compiles
that into the .qm the app loads. After adding or changing words, from the repository's root:

    python -m lstm_adder.gui.i18n --update

which keeps every translation made so far and runs

    pyside6-lupdate -extensions py -no-obsolete -source-language en -target-language zh_CN \
        gui session core -ts gui/i18n/lstm_adder_zh_CN.ts
    pyside6-lrelease gui/i18n/lstm_adder_zh_CN.ts -qm gui/i18n/lstm_adder_zh_CN.qm

(`python -m lstm_adder.gui.i18n --release` runs the second alone, after editing the .ts). New
words come in unfinished, and tests/test_gui_i18n.py fails until each has its Chinese.

At start-up `install()` picks the language: the one chosen last time (QSettings key
`language`), else the system locale's (QLocale.system(): zh_CN under LANG=zh_CN.UTF-8).
`set_language("zh_CN" | "en")` switches at run time: Qt sends every widget a LanguageChange
event, and each re-sets its words from its state (`Retranslating.retranslate`), with no
restart. The command line stays English: core/, session/ and cli/ never import Qt.

What core/ and session/ say reaches the window as core.words.Words (English that carries
its template, marked there with a Qt-free QT_TRANSLATE_NOOP that lupdate reads too): a
model file's problem, a recipe's, "Opened carry.keras". `translated(words)` shows it in the
language on show; an error core raised is shown as `translated(core.errors.said(exc))`.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

import PySide6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from lstm_adder.core.words import Words

ENGLISH, CHINESE = "en", "zh_CN"
LANGUAGES = {ENGLISH: "English", CHINESE: "中文"}  # each named in its own words, as menus do
SETTING = "language"  # the QSettings key of the language chosen in the menu
CATALOG = "lstm_adder"  # gui/i18n/lstm_adder_<language>.ts and .qm
FOLDER = Path(__file__).with_name("i18n")
SOURCES = ("gui", "session", "core")  # the subpackages lupdate reads
QT_CATALOG = "qtbase"  # Qt's own words (dialog buttons), shipped with PySide6
VIEW_TITLE = QT_TRANSLATE_NOOP("Menu", "&View")
LANGUAGE_TITLE = QT_TRANSLATE_NOOP("Menu", "&Language")

log = logging.getLogger(__name__)
_language = ENGLISH  # the language on show
_translators: list[QTranslator] = []  # installed on the application for it


def ts_path(language: str = CHINESE) -> Path:
    return FOLDER / f"{CATALOG}_{language}.ts"


def qm_path(language: str = CHINESE) -> Path:
    return FOLDER / f"{CATALOG}_{language}.qm"


# --- the language --------------------------------------------------------------------------


def system_language(locale: QLocale | None = None) -> str:
    """The language for `locale` (default: the system's) that has a catalog, else English.
    Qt matches it as for any catalog, through the locale's UI languages (zh-Hans-CN finds
    zh_CN)."""
    translator = QTranslator()
    if translator.load(QLocale.system() if locale is None else locale, CATALOG, "_",
                       str(FOLDER)):
        return translator.language() if translator.language() in LANGUAGES else ENGLISH
    return ENGLISH


def remembered(settings: QSettings) -> str | None:
    """The language chosen in the menu last time, if any."""
    value = settings.value(SETTING)
    return value if value in LANGUAGES else None


def current_language() -> str:
    return _language


def install(settings: QSettings | None = None) -> str:
    """At start-up (after the QApplication is named): the language chosen last time, else the
    system locale's. Returns it."""
    language = remembered(QSettings() if settings is None else settings) or system_language()
    _use(language)
    return language


def set_language(language: str, settings: QSettings | None = None) -> None:
    """Show the window in `language` ("zh_CN" or "en") and remember the choice. Every widget
    has re-set its words when this returns."""
    if language not in LANGUAGES:
        raise ValueError(f"no language {language!r}: one of {', '.join(LANGUAGES)}")
    _use(language)
    (QSettings() if settings is None else settings).setValue(SETTING, language)


def _use(language: str) -> None:
    """Install the translators of `language` in place of the ones installed (none for
    English, the words in the code), then deliver the LanguageChange Qt has posted."""
    global _language
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before choosing a language")
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    _language = ENGLISH
    if language != ENGLISH:
        if _load(CATALOG, language, str(FOLDER)):
            _language = language
            _load(QT_CATALOG, language,
                  QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        else:
            log.warning("no %s: run `python -m lstm_adder.gui.i18n --release`", qm_path(language))
    # Qt posts LanguageChange to each window; one delivery, now, retitles them all.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def _load(catalog: str, language: str, folder: str) -> bool:
    """Install `catalog`_`language`.qm from `folder`, if it is there."""
    app = QCoreApplication.instance()
    translator = QTranslator()  # kept alive by _translators while installed
    if not translator.load(f"{catalog}_{language}", folder):
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True


def translated(text: str) -> str:
    """`text` in the language on show: Words (from session/ or core/) translated from their
    template and filled again; any other str as it is ("" stays "")."""
    if isinstance(text, Words):
        return text.fill(QCoreApplication.translate)
    return text


# --- widgets that follow it ----------------------------------------------------------------


class Retranslating:
    """Mixed into a widget (before the Qt class) whose words follow the language: on
    LanguageChange it calls `retranslate()`, which re-sets them, the ones that depend on
    what is on show rendered again from that state, never read back from the widget."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class TitledMenu(Retranslating, QMenu):
    """A menu whose title (marked with QT_TRANSLATE_NOOP("Menu", …)) follows the language."""

    def __init__(self, title: str, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self._title = title
        TitledMenu.retranslate(self)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("Menu", self._title))


class LanguageMenu(TitledMenu):
    """English and 中文, the one on show checked; choosing one switches at once, and the
    choice is remembered in `settings`."""

    def __init__(self, settings: QSettings | None = None, parent=None):
        super().__init__(LANGUAGE_TITLE, "language_menu", parent)
        self._settings = settings
        self.choices: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for language, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setObjectName(f"language_{language}")
            action.setCheckable(True)
            action.triggered.connect(partial(self._choose, language))
            group.addAction(action)
            self.addAction(action)
            self.choices[language] = action
        self.retranslate()

    def _choose(self, language: str, _checked: bool = False) -> None:
        set_language(language, self._settings)

    def retranslate(self) -> None:
        super().retranslate()
        self.choices[current_language()].setChecked(True)


def add_language_menu(target: QMainWindow | QMenuBar,
                      settings: QSettings | None = None) -> LanguageMenu:
    """View › Language in `target`'s menu bar (a main window's, or the bar itself): into the
    bar's menu named "view_menu" if it has one, else into a new View menu at its end. Once:
    a bar that has it already keeps the one it has."""
    bar = target.menuBar() if isinstance(target, QMainWindow) else target
    there = bar.findChild(LanguageMenu, "language_menu")
    if there is not None:  # added already (by the window itself, or at start-up)
        return there
    view = bar.findChild(QMenu, "view_menu")
    if view is None:
        view = TitledMenu(VIEW_TITLE, "view_menu", bar)
        bar.addMenu(view)
    menu = LanguageMenu(settings, view)
    view.addMenu(menu)
    return menu


# --- python -m lstm_adder.gui.i18n --update -------------------------------------------------


def _tool(name: str) -> str:
    """Qt's `lupdate` or `lrelease`, as PySide6-Essentials ships it."""
    for found in (shutil.which(f"pyside6-{name}"),
                  shutil.which(name, path=str(Path(PySide6.__file__).parent))):
        if found:
            return found
    raise FileNotFoundError(f"no pyside6-{name}: install PySide6-Essentials")


def update(language: str = CHINESE) -> None:
    """Collect the words of every module in gui/, session/ and core/ into the .ts, keeping
    its translations."""
    package = FOLDER.parent.parent
    subprocess.run([_tool("lupdate"), "-extensions", "py", "-no-obsolete",
                    "-source-language", ENGLISH, "-target-language", language,
                    *(str(package / source) for source in SOURCES),
                    "-ts", str(ts_path(language))], check=True)


def release(language: str = CHINESE, qm: Path | None = None) -> None:
    """Compile the .ts into the .qm the app loads (or into `qm`)."""
    subprocess.run([_tool("lrelease"), str(ts_path(language)), "-qm",
                    str(qm or qm_path(language))], check=True, capture_output=qm is not None)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lstm_adder.gui.i18n",
                                     description="Update and compile the translations.")
    step = parser.add_mutually_exclusive_group(required=True)
    step.add_argument("--update", action="store_true",
                      help="collect the words from gui/, session/ and core/ into the .ts, "
                      "then compile it")
    step.add_argument("--release", action="store_true", help="compile the .ts alone")
    args = parser.parse_args(argv)
    if args.update:
        update()
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
