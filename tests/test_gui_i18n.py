"""The window in Chinese: every tr() word has its translation, a Chinese system starts in
Chinese (unless English was chosen), and View › Language switches while the app runs."""

import ast
import json
import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from lstm_adder.gui import i18n
from lstm_adder.gui.i18n import CHINESE, ENGLISH

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "gui"
SOURCES = [ROOT / source for source in i18n.SOURCES]  # what lupdate reads
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n")  # {name}, {0:.2%}, and Qt's plural %n
WRAPPER = re.compile(r"_+(tr|translate)")  # a helper of one's own: lupdate cannot see into it
TAB_TITLES = {ENGLISH: ["Calculator", "Training", "Insight", "Compare"],
              CHINESE: ["计算器", "训练", "洞察", "比较"]}
WIRING = ("main_window.py does not create its tab titles with self.tr() yet (see the "
          "report of issue 12, part 2)")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def english_afterwards(qapp, tmp_path):
    """Whatever a test switches to, the tests after it find the app in English."""
    yield
    i18n.set_language(ENGLISH, QSettings(str(tmp_path / "reset.ini"),
                                         QSettings.Format.IniFormat))


# --- the translation file ------------------------------------------------------------------


def catalog() -> dict[tuple[str, str, str], list[str]]:
    """(context, source, disambiguation) -> its translations (one per plural form), for every
    message of the .ts still in use; an unfinished one reads as no translation."""
    found = {}
    for context in ET.parse(i18n.ts_path()).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or \
                [translation.text or ""]
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            found[key] = [] if kind == "unfinished" else forms
    return found


def words_in_code(path: Path) -> tuple[set[tuple[str, str, str]], list[str]]:
    """The words a module hands to Qt's translation, as lupdate sees them: self.tr("…")
    in its class's context, QCoreApplication.translate("Context", "…") and
    QT_TRANSLATE_NOOP("Context", "…"); and the calls that hide their words from lupdate
    (an f-string or a formatted string passed to tr, a literal passed to a `_tr` helper)."""
    words, hidden = set(), []

    def text(node) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
            else None

    def visit(node, context: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else context
            if isinstance(child, ast.Call) and child.args:
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                args = child.args
                if name == "tr":
                    first = args[0]
                    if text(first) is not None:
                        comment = text(args[1]) if len(args) > 1 else None
                        words.add((context, text(first), comment or ""))
                    elif not isinstance(first, (ast.Name, ast.Attribute)):
                        hidden.append(f"{path.name}:{child.lineno}")
                elif WRAPPER.fullmatch(name) and text(args[0]) is not None:
                    hidden.append(f"{path.name}:{child.lineno}")
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                    if text(args[0]) is not None and text(args[1]) is not None:
                        words.add((text(args[0]), text(args[1]), ""))
                    elif not isinstance(args[1], (ast.Constant, ast.Name, ast.Attribute)):
                        hidden.append(f"{path.name}:{child.lineno}")
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return words, hidden


def test_every_word_has_its_chinese():
    found = catalog()
    assert len(found) > 80
    unfinished = [key[:2] for key, forms in found.items() if not forms or not all(forms)]
    assert unfinished == [], "translate these in gui/i18n/lstm_adder_zh_CN.ts"


def test_every_translation_keeps_the_placeholders_and_shortcut():
    """{n} in the English must be {n} in the Chinese (str.format would fail or lose it), and
    a menu's &-shortcut must stay."""
    wrong = []
    for (context, source, _), forms in catalog().items():
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)) or \
                    ("&" in source.replace("&amp;", "")) != ("&" in form):
                wrong.append((context, source, form))
    assert wrong == []


def test_every_word_the_gui_translates_is_in_the_ts():
    """A new tr() word, or session Words, without Chinese fails here: run
    `python -m lstm_adder.gui.i18n --update`, then translate it in the .ts."""
    in_code, hidden = set(), []
    for path in sorted(p for folder in SOURCES for p in folder.glob("*.py")):
        words, calls = words_in_code(path)
        in_code |= words
        hidden += calls
    assert hidden == [], ("lupdate cannot see these words: pass tr() or translate() a "
                          "literal (then .format() it), not an f-string or a helper's argument")
    found = catalog()
    missing = sorted(key[:2] for key in in_code if not found.get(key))
    assert missing == [], "no Chinese for these: run `python -m lstm_adder.gui.i18n --update`"


def test_the_scan_sees_every_kind_of_marked_word(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(textwrap.dedent('''
        TIP = QT_TRANSLATE_NOOP("Tab", "tip")
        class Tab:
            def f(self, n):
                self.tr("one {n}").format(n=n)
                self.tr(TIP)
                self.tr(f"bad {n}")
                _tr("unseen")
                return QCoreApplication.translate("Other", "two")
    '''))
    words, hidden = words_in_code(module)
    assert words == {("Tab", "tip", ""), ("Tab", "one {n}", ""), ("Other", "two", "")}
    assert hidden == ["m.py:7", "m.py:8"]


def test_the_qm_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    i18n.release(qm=fresh)
    assert fresh.read_bytes() == i18n.qm_path().read_bytes(), \
        "run `python -m lstm_adder.gui.i18n --release`"


def test_the_session_words_come_in_the_language_on_show(settings, tmp_path):
    """What session/ composes (session.words.Words) is translated from its template and
    filled again, a phrase inside a sentence translated too; plain text stays as it is."""
    from lstm_adder.session.on_show import LOADING
    from lstm_adder.session.open_models import trained_name
    from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words

    saved = Words(QT_TRANSLATE_NOOP("session", "Saved {0} to {1}"), trained_name("carry", 2),
                  tmp_path / "a.keras")
    assert saved == f"Saved trained carry #2 to {tmp_path / 'a.keras'}"  # the English as str
    i18n.set_language(CHINESE, settings)
    assert i18n.translated(LOADING) == "正在加载模型…"
    assert i18n.translated(saved) == f"已把 训练好的 carry #2 保存到 {tmp_path / 'a.keras'}"
    assert i18n.translated("carry.keras") == "carry.keras"
    i18n.set_language(ENGLISH, settings)
    assert i18n.translated(saved) == saved


# --- which language, and switching ---------------------------------------------------------


def test_a_chinese_locale_gets_chinese_and_any_other_english():
    assert i18n.system_language(QLocale("zh_CN")) == CHINESE
    assert i18n.system_language(QLocale("en_US")) == ENGLISH
    assert i18n.system_language(QLocale("de_DE")) == ENGLISH


def test_the_remembered_choice_beats_the_system_locale(settings, monkeypatch):
    monkeypatch.setattr(i18n, "system_language", lambda locale=None: CHINESE)
    assert i18n.install(settings) == CHINESE and i18n.current_language() == CHINESE
    i18n.set_language(ENGLISH, settings)
    assert settings.value("language") == ENGLISH
    assert i18n.install(settings) == ENGLISH and i18n.current_language() == ENGLISH


def test_an_unknown_language_is_refused(settings):
    with pytest.raises(ValueError, match="one of en, zh_CN"):
        i18n.set_language("fr", settings)


def calculator_words(tab) -> list[str]:
    return [tab.random_button.text(), tab.previous_wrong.text(), tab.next_wrong.text(),
            tab._width_caption.text()]


def test_the_menu_switches_the_words_on_show_and_back(window, qtbot, carry_engine):
    from lstm_adder.session.open_models import OpenModel

    settings = window.settings
    menu = i18n.add_language_menu(window, settings)
    assert i18n.add_language_menu(window, settings) is menu  # one menu, however often added
    calculator, insight = window.calculator, window.insight
    with qtbot.waitSignal(insight.computed, timeout=60_000):
        window.session.add(OpenModel("carry", carry_engine))
    assert window.wait_for_background()
    calculator.set_pair(9, 6)
    assert menu.choices[ENGLISH].isChecked()
    english = {"calculator": calculator_words(calculator), "insight": insight.texts()}

    menu.choices[CHINESE].trigger()
    assert settings.value("language") == CHINESE and menu.choices[CHINESE].isChecked()
    assert (menu.title(), menu.parent().title()) == ("语言(&L)", "视图(&V)")
    assert calculator_words(calculator) == ["随机", "◀ 上一个错例", "下一个错例 ▶", "位宽"]
    assert calculator.verdict.text() == "✓ 正确"  # rendered again from the answer on show
    assert calculator.wrong_label.text() == "没有算错的数对：全部 256 个数对都算对了。"
    assert calculator.width_box.currentText() == "4 位"
    texts = insight.texts()
    assert texts["title"] == "每个数对的错误位数" and "精确匹配 100.00%" in texts["summary"]
    assert "计算 9 + 6 时每一步之后的状态" in texts["states"] and "跟踪进位" in texts["states"]
    assert texts["widths"].startswith("这种布局每一步")
    assert insight.widths.title() == "更宽的数，同一组权重"

    menu.choices[ENGLISH].trigger()
    assert settings.value("language") == ENGLISH and menu.title() == "&Language"
    assert {"calculator": calculator_words(calculator), "insight": insight.texts()} == english


def test_the_words_of_an_empty_calculator_follow_the_language(qtbot, settings):
    from lstm_adder.gui.calculator_tab import CalculatorTab

    tab = CalculatorTab()  # no model yet: "Loading model…", in the session's words
    qtbot.addWidget(tab)
    i18n.set_language(CHINESE, settings)
    assert tab.model_label.text() == "正在加载模型…"
    assert tab.bit_grid.message() == "正在加载模型…"
    i18n.set_language(ENGLISH, settings)
    assert tab.model_label.text() == "Loading model…"


def test_qt_own_words_come_in_chinese_too(settings):
    from PySide6.QtWidgets import QDialogButtonBox

    i18n.set_language(CHINESE, settings)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "取消"  # from Qt's qtbase_zh_CN.qm


def test_the_bit_grid_paints_its_rows_in_the_language(qtbot, settings, carry_engine):
    from lstm_adder.gui.bit_grid import BitGrid

    grid = BitGrid()
    qtbot.addWidget(grid)
    grid.resize(600, 400)
    grid.set_answer(carry_engine.answer(9, 6))
    i18n.set_language(CHINESE, settings)
    assert grid.tr("Predicted") == "预测"
    assert grid._tooltip_at(*_cell_centre(grid, 0)).startswith("第 2^0 位：P(1) = ")


def _cell_centre(grid, k: int) -> tuple[float, float]:
    geo = grid._geometry()
    return geo.x(0, k) + geo.cell / 2, geo.row_top(0, 3) + geo.cell / 2


def test_the_tab_titles_switch_too(window, settings):
    i18n.set_language(CHINESE, settings)
    assert [window.tabs.tabText(i) for i in range(4)] == TAB_TITLES[CHINESE]
    i18n.set_language(ENGLISH, settings)
    assert [window.tabs.tabText(i) for i in range(4)] == TAB_TITLES[ENGLISH]


# --- start-up, in a fresh process (QLocale.system() reads LANG once) -----------------------

START = """
import json, sys
from PySide6.QtWidgets import QApplication
from lstm_adder.gui import app, i18n
from lstm_adder.gui.main_window import MainWindow

def look(application):
    window = next(w for w in application.topLevelWidgets() if isinstance(w, MainWindow))
    calculator = window.calculator
    print(json.dumps({
        "language": i18n.current_language(),
        "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
        "buttons": [calculator.random_button.text(), calculator.next_wrong.text()],
        "menus": [action.text() for action in window.menuBar().actions()],
    }))
    window.close()
    return 0

QApplication.exec = look
sys.exit(app.main([]))
"""


def start(tmp_path, remembered: str | None = None) -> dict:
    """Start the app as `lstm-adder gui` does on a Chinese desktop (LANG=zh_CN.UTF-8), with
    `remembered` as the language chosen last time; what it shows."""
    config = tmp_path / "config"
    if remembered:
        (config / "lstm-adder").mkdir(parents=True)
        (config / "lstm-adder" / "LSTM Adder.conf").write_text(
            f"[General]\nlanguage={remembered}\n")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES",
                                                            "LANGUAGE")}
    env.update(LANG="zh_CN.UTF-8", QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", START], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (done.stdout, done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def chinese_start(tmp_path_factory):
    return start(tmp_path_factory.mktemp("zh"))


def test_a_chinese_desktop_starts_in_chinese(chinese_start):
    assert chinese_start["language"] == CHINESE
    assert chinese_start["buttons"] == ["随机", "下一个错例 ▶"]
    assert chinese_start["menus"][-1] == "视图(&V)"


def test_a_chinese_desktop_shows_chinese_tab_titles(chinese_start):
    assert chinese_start["tabs"] == TAB_TITLES[CHINESE]


def test_english_chosen_once_stays_english_on_a_chinese_desktop(tmp_path):
    shown = start(tmp_path, remembered=ENGLISH)
    assert shown["language"] == ENGLISH
    assert shown["buttons"] == ["Random", "Next wrong ▶"]
    assert shown["menus"][-1] == "&View"
