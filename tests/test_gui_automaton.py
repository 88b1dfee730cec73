"""The Automaton page of the Insight tab (offscreen): the shipped carry model drawn as its two
states with the table of binary addition and the widths; a concat-msb model's reason and
count; read only while the page is open, once per model; in Chinese, no English word."""

import pytest
from PySide6.QtCore import QSettings
from test_gui_words import english_words

from lstm_adder.assets import BUNDLED
from lstm_adder.core import automaton
from lstm_adder.core.engine import Engine
from lstm_adder.gui import i18n
from lstm_adder.gui.i18n import CHINESE, ENGLISH
from lstm_adder.session.automaton import Stage

READ_S = 300  # the reading of the shipped model: a few seconds, more on a busy machine


@pytest.fixture
def tab(qtbot):
    from lstm_adder.gui.insight_tab import InsightTab

    widget = InsightTab()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    yield widget
    assert widget.shutdown()


@pytest.fixture(scope="module")
def shipped():
    return Engine.from_file(BUNDLED["carry"])[0]


def open_page(tab, qtbot, engine) -> None:
    """Show `engine`, open the Automaton page, and wait for its reading."""
    tab.set_engine(engine)
    tab.show()
    tab.pages.setCurrentWidget(tab.automaton)
    qtbot.waitUntil(lambda: tab.automaton.automata.state in (Stage.DONE, Stage.FAILED),
                    timeout=READ_S * 1000)
    assert tab.automaton.automata.state is Stage.DONE, tab.automaton.automata.failed


def test_the_page_draws_the_shipped_models_two_states_and_its_table(tab, qtbot, shipped):
    open_page(tab, qtbot, shipped)
    view = tab.automaton
    view.diagram.grab()  # paints it
    assert view.diagram.drawn == [0, 1]
    assert view.diagram.edges() == {(0, 0): ["00/0", "01/1", "10/1"], (0, 1): ["11/0"],
                                    (1, 0): ["00/1"], (1, 1): ["01/0", "10/0", "11/1"]}
    rows = [[view.rows.item(i, j).text() for j in range(4)] for i in range(view.rows.rowCount())]
    assert rows == [[str(c), f"{a} {b}", str((a + b + c) >> 1), str((a + b + c) & 1)]
                    for c in (0, 1) for a in (0, 1) for b in (0, 1)]
    widths = [[view.widths.item(i, j).text() for j in range(4)]
              for i in range(view.widths.rowCount())]
    assert [row[0] for row in widths] == [str(b) for b in automaton.WIDTHS]
    assert all(row[2] == "100.00%" for row in widths)  # the automaton adds at every width
    assert widths[-1][3].endswith("on 1,000")
    assert view.note.text().startswith("<b>2 states, read from 2 clusters of h")


def test_a_concat_msb_model_gets_the_reason_and_its_count(tab, qtbot, seed_engine):
    open_page(tab, qtbot, seed_engine)
    view = tab.automaton
    assert not view.diagram.isVisible() and not view.rows.isVisible()
    count = automaton.visited_states(seed_engine)
    assert "reads all of a before any of b" in view.note.text()
    assert f"It visits {count:,} distinct states" in view.note.text()


def test_nothing_is_read_until_the_page_opens_and_each_model_once(tab, qtbot, seed_engine,
                                                                   carry_engine):
    tab.show()
    tab.set_engine(seed_engine)
    assert tab.automaton.automata.state is Stage.IDLE  # the States page is on show
    open_page(tab, qtbot, seed_engine)
    first = tab.automaton.automata.reading
    tab.set_engine(carry_engine)  # the page is open: the new model is read
    assert tab.automaton.automata.state is Stage.READING
    tab.set_engine(seed_engine)  # back, before that answered: the seed's reading, at once
    assert tab.automaton.automata.state is Stage.DONE
    assert tab.automaton.automata.reading is first


def test_in_chinese_the_page_says_no_english_word(tab, qtbot, seed_engine, tmp_path):
    open_page(tab, qtbot, seed_engine)
    settings = QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)
    i18n.set_language(CHINESE, settings)
    try:
        words = tab.automaton.texts()
        shown = [words["note"], words["start"], *words["rows"], *words["widths"],
                 tab.pages.tabText(tab.pages.indexOf(tab.automaton))]
        assert [w for text in shown for w in english_words(text)] == []
        assert words["start"] == "起点"
    finally:
        i18n.set_language(ENGLISH, settings)
    assert tab.automaton.texts()["start"] == "start"
