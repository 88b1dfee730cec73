"""The Units page and knockouts in the Insight tab (offscreen), and the session's Ablation
without Qt: the sweep's table, a knocked-out unit's map and figures, Restore, and the
knockout cleared by another model."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from lstm_adder.core import ablation as core_ablation
from lstm_adder.core.ablation import Mode
from lstm_adder.core.evaluation import judge_all
from lstm_adder.session.ablation import Ablation
from lstm_adder.session.executor import Threaded


class _Click:
    def __init__(self, x, y):
        self._pos, self.accepted = QPointF(x, y), False

    def button(self):
        return Qt.MouseButton.LeftButton

    def pos(self):
        return self._pos

    def accept(self):
        self.accepted = True


# --- the session, without Qt ---------------------------------------------------------------


def test_the_session_sweeps_with_progress_and_knocks_a_unit_out(carry_engine):
    executor = Threaded()
    model = Ablation(executor)
    seen = []
    model.progress.connect(lambda done, total: seen.append((done, total)))
    model.show(carry_engine)
    model.sweep()
    assert model.sweeping
    assert executor.deliver(120)
    units = carry_engine.units
    assert seen == [(k, units) for k in range(1, units + 1)]
    expected = core_ablation.which_units_matter(carry_engine)
    assert [(e.unit, e.exact) for e in model.effects] == [(e.unit, e.exact) for e in expected]
    model.knock(expected[0].unit)
    assert executor.deliver(60)
    knock = model.knockout
    assert knock.unit == expected[0].unit and knock.report.exact == expected[0].exact
    model.show(carry_engine.without_table())  # another engine: every unit back in
    assert model.knockout is None and model.effects is None


def test_a_sweep_stopped_leaves_no_table(carry_engine):
    executor = Threaded()
    model = Ablation(executor)
    model.show(carry_engine)
    model.sweep()
    model.stop_sweep()
    assert executor.deliver(60)
    assert not model.sweeping and model.effects is None


# --- the tab -------------------------------------------------------------------------------


@pytest.fixture
def tab(qtbot):
    from lstm_adder.gui.insight_tab import InsightTab

    widget = InsightTab()
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def _show(qtbot, tab, engine):
    with qtbot.waitSignal(tab.computed, timeout=60_000):
        tab.set_engine(engine)


def test_the_units_page_lists_every_unit_worst_first(qtbot, tab, carry_engine):
    _show(qtbot, tab, carry_engine)
    page = tab.units
    assert tab.pages.tabText(tab.pages.indexOf(page)) == "Units"
    assert page.find.text() == "Find which units matter"
    qtbot.mouseClick(page.find, Qt.MouseButton.LeftButton)
    assert page.progress.isVisibleTo(page) or tab.ablation.effects is not None
    qtbot.waitUntil(lambda: tab.ablation.effects is not None, timeout=120_000)
    expected = core_ablation.which_units_matter(carry_engine)
    assert page.units() == [e.unit for e in expected]
    assert page.table.item(0, 1).text() == f"{expected[0].exact:.2%}"
    assert not page.progress.isVisibleTo(page)


def test_clicking_a_row_shows_the_knocked_out_model_on_the_map(qtbot, tab, carry_engine):
    _show(qtbot, tab, carry_engine)
    qtbot.mouseClick(tab.units.find, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.ablation.effects is not None, timeout=120_000)
    unit = tab.units.units()[0]
    with qtbot.waitSignal(tab.ablation.knocked, timeout=60_000,
                          check_params_cb=lambda *a: tab.ablation.knockout is not None):
        tab.units.table.cellClicked.emit(0, 0)
    knocked = judge_all(carry_engine.ablated(unit, 0.0))
    intact = judge_all(carry_engine)
    np.testing.assert_array_equal(tab.error_map_image(), knocked.matrix())
    broken = (knocked.wrong_bits > 0) & (intact.wrong_bits == 0)
    np.testing.assert_array_equal(tab.error_map.broken(), broken.reshape(16, 16))
    assert f"{knocked.exact:.2%}" in tab.texts()["summary"]
    assert tab.knockout_bar.isVisibleTo(tab)
    assert f"unit {unit} knocked out" in tab.knockout_bar.text.text()
    # the per-bit bars follow the knocked-out model
    np.testing.assert_allclose(tab._bars.opts["height"] + tab._bars.opts["y0"],
                               knocked.bit_accuracy, atol=1e-6)
    tab.knockout_bar.restore.click()
    np.testing.assert_array_equal(tab.error_map_image(), intact.matrix())
    assert tab.error_map.broken() is None
    assert not tab.knockout_bar.isVisibleTo(tab)


def test_clicking_a_state_row_knocks_that_unit_out(qtbot, tab, carry_engine):
    _show(qtbot, tab, carry_engine)
    tab.set_pair(5, 9)
    image = tab._states._maps["h"].image
    click = _Click(2.0, 4.5)  # step 2, unit 4
    with qtbot.waitSignal(tab.ablation.knocked, timeout=60_000,
                          check_params_cb=lambda *a: tab.ablation.knockout is not None):
        image.mouseClickEvent(click)
    assert click.accepted and tab.ablation.knockout.unit == 4
    h, _ = tab.shown_states()
    np.testing.assert_array_equal(h[4], 0.0)  # the state view runs the knocked-out model
    # another model clears the knockout
    _show(qtbot, tab, carry_engine.without_table())
    assert tab.ablation.knockout is None and not tab.knockout_bar.isVisibleTo(tab)
    assert tab.error_map.broken() is None


def test_the_mode_choice_judges_the_knockout_again(qtbot, tab, carry_engine):
    _show(qtbot, tab, carry_engine)
    with qtbot.waitSignal(tab.ablation.knocked, timeout=60_000,
                          check_params_cb=lambda *a: tab.ablation.knockout is not None):
        tab.ablation.knock(3)
    with qtbot.waitSignal(tab.ablation.knocked, timeout=60_000,
                          check_params_cb=lambda *a: tab.ablation.knockout is not None):
        tab.units.mode.setCurrentIndex(tab.units.mode.findData(Mode.MEAN))
    knock = tab.ablation.knockout
    assert knock.mode is Mode.MEAN
    assert knock.value == pytest.approx(core_ablation.unit_means(carry_engine)[3])
