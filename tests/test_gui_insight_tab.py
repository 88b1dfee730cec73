"""The Insight tab: the error map, the carry unit, the width table (offscreen)."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from lstm_adder.core import insight
from lstm_adder.core.evaluation import evaluate

# --- the tab ---------------------------------------------------------------------------


class _Click:
    def __init__(self, x, y, button=Qt.MouseButton.LeftButton):
        self._pos, self._button, self.accepted = QPointF(x, y), button, False

    def button(self):
        return self._button

    def pos(self):
        return self._pos

    def accept(self):
        self.accepted = True


class _Hover(_Click):
    def isExit(self):  # noqa: N802 - pyqtgraph's name
        return False

    def acceptClicks(self, button):  # noqa: N802 - pyqtgraph's name
        pass


@pytest.fixture
def tab(qtbot):
    from lstm_adder.gui.insight_tab import InsightTab

    widget = InsightTab()
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def test_tab_maps_the_same_mistakes_as_evaluate(qtbot, tab, seed_engine):
    with qtbot.waitSignal(tab.computed, timeout=30_000):
        tab.set_engine(seed_engine)
    expected = evaluate(seed_engine)
    assert tab.wrong_count() == expected.wrong_count
    np.testing.assert_array_equal(tab.error_map_image(), expected.matrix())
    shown = []
    tab.model.shown.connect(lambda: shown.append(True))
    tab.set_engine(seed_engine)  # same model: nothing to recompute
    assert shown == [] and not tab.busy


def test_clicking_the_map_sends_row_a_and_column_b(qtbot, tab, seed_engine):
    with qtbot.waitSignal(tab.computed, timeout=30_000):
        tab.set_engine(seed_engine)
    image = tab.error_map.image_item
    with qtbot.waitSignal(tab.pair_clicked) as clicked:
        image.mouseClickEvent(_Click(2.5, 11.5))  # item x is the column (b), y the row (a)
    assert clicked.args == [11, 2]
    assert tab.pair_at(15.9, 0.1) == (0, 15) and tab.pair_at(16.2, 3) is None
    # on screen, a grows downwards and b to the right
    top_left, below, right = (image.mapToScene(QPointF(x, y)) for x, y in
                              [(0.5, 0.5), (0.5, 5.5), (5.5, 0.5)])
    assert below.y() > top_left.y() and below.x() == pytest.approx(top_left.x())
    assert right.x() > top_left.x() and right.y() == pytest.approx(top_left.y())
    image.hoverEvent(_Hover(6.5, 9.5))
    predicted = seed_engine.answer(9, 6).predicted
    assert tab.texts()["hover"].startswith(f"9 + 6 = 15, model says {predicted}")


def test_tab_names_the_carry_unit_and_widens(qtbot, tab, carry_engine, carry_model):
    tab.set_pair(13, 7)
    with qtbot.waitSignal(tab.computed, timeout=30_000):
        tab.set_engine(carry_engine)
    assert tab.wrong_count() == 0
    unit = insight.carry_unit(carry_engine, bits=4)
    assert unit.describe() in tab.texts()["states"]
    assert "13 + 7" in tab.texts()["states"]
    assert tab.widths.table.rowCount() == len(insight.WIDTHS)


def test_shutdown_leaves_no_thread_running(qtbot, tab, seed_engine, carry_engine):
    from lstm_adder.gui.tasks import Task
    from lstm_adder.session.lanes import engine_lane

    tab.set_engine(seed_engine)
    tab.set_engine(carry_engine)  # the first job is abandoned while it runs
    assert Task.running() >= 1
    assert tab.shutdown()
    assert Task.running() == 0
    qtbot.waitUntil(engine_lane().idle, timeout=2000)  # the lane's own bookkeeping
    assert tab.wrong_count() is None  # answers that arrive after shutdown are dropped
