"""The Insight tab inside the window: it follows the selected model, the calculator's pair,
a training run being watched, and sends a clicked pair back to the calculator."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QPushButton
from test_shipped_models import recorded

from lstm_adder.assets import BUNDLED
from lstm_adder.core import insight
from lstm_adder.core.engine import Engine
from lstm_adder.gui.insight_tab import HOVER_HINT, MAP_TITLE, InsightTab
from lstm_adder.session.open_models import OpenModel


def fresh(engine: Engine) -> Engine:
    """The same weights in an engine that has judged nothing yet."""
    return Engine(engine.net, engine.encoding, engine.bits)


class _Hover:
    def __init__(self, x, y):
        self._pos = QPointF(x, y)

    def pos(self):
        return self._pos

    def isExit(self):  # noqa: N802 - pyqtgraph's name
        return False

    def acceptClicks(self, button):  # noqa: N802 - pyqtgraph's name
        pass


def test_insight_follows_the_selected_model_and_the_pair(window, qtbot, carry_engine,
                                                         seed_engine):
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        window.session.add(OpenModel("untrained", seed_engine))
    untrained = window.insight.wrong_count()
    assert untrained > 0
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        window.session.add(OpenModel("carry", carry_engine))
    assert window.insight.wrong_count() == 0
    window.calculator.set_pair(13, 7)
    assert "13 + 7" in window.insight.texts()["states"]
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        window.model_list.setCurrentIndex(0)  # back to the untrained model
    assert window.insight.wrong_count() == untrained


def test_a_clicked_pair_goes_to_the_calculator(window, qtbot, carry_engine):
    window.session.add(OpenModel("carry", carry_engine))
    window.tabs.setCurrentWidget(window.insight)
    window.insight.pair_clicked.emit(11, 2)
    assert window.tabs.currentWidget() is window.calculator
    assert (window.calculator.answer.a, window.calculator.answer.b) == (11, 2)
    window.wait_for_background()


def test_the_map_follows_a_watched_run_every_epoch(window, qtbot, reported):
    tab = window.training
    tab.load_recipe("carry")
    tab.stop_when_perfect.setChecked(False)
    for name, value in {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0,
                        "epochs": 1000}.items():
        tab.fields[name].setText(str(value))
    tab.watch_checkbox.setChecked(True)
    qtbot.mouseClick(window.findChild(QPushButton, "start_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "epoch 2" in window.insight.texts()["summary"], timeout=60_000)
    image = window.insight.error_map_image()
    assert image is not None and image.shape == (16, 16)
    with reported(window.session.run.finished, 10_000):
        tab.stop()
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        pass  # the trained model joins the list and is looked at in full
    assert "watching" not in window.insight.texts()["summary"]


def test_map_of_the_shipped_seed_model_counts_what_eval_counts(window, qtbot):
    """Acceptance: the map's wrong pairs for assets/seed.keras are eval's (README records
    eval's count; tests/test_shipped_models.py checks that against `evaluate`)."""
    with qtbot.waitSignal(window.insight.computed, timeout=120_000):
        assert window.session.load(BUNDLED["seed"])
    assert window.insight.error_map_image().shape == (256, 256)
    assert window.insight.wrong_count() == recorded()["seed"][2]


def test_the_calculator_and_the_map_share_one_pass_over_every_pair(window, qtbot, seed_engine,
                                                                   monkeypatch):
    walks = []
    walk = Engine._walk

    def counting(self, cancel):
        walks.append(self)
        return walk(self, cancel)

    monkeypatch.setattr(Engine, "_walk", counting)
    engine = Engine(seed_engine.net, seed_engine.encoding, 4)  # nothing judged yet
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        window.session.add(OpenModel("untrained", engine))
    assert window.wait_for_background()
    assert walks == [engine]  # every pair once, for both the calculator and the map
    assert window.calculator.wrong_pairs.wrong_count == window.insight.wrong_count() > 0
    window.calculator.set_pair(3, 12)
    assert window.calculator.answer.probabilities.tolist() == \
        engine.table()[(3 << 4) | 12].tolist()  # a lookup in that table


def test_switching_models_clears_the_hover_title_and_summary_at_once(window, qtbot,
                                                                    carry_engine, seed_engine):
    tab = window.insight
    with qtbot.waitSignal(tab.computed, timeout=60_000):
        window.session.add(OpenModel("carry", carry_engine))
    tab.error_map.image_item.hoverEvent(_Hover(6.5, 9.5))
    before = tab.texts()
    assert before["hover"].startswith("9 + 6 = 15, model says 15 (right)")
    assert before["title"] == MAP_TITLE and "100.00%" in before["summary"]

    with qtbot.waitSignal(tab.computed, timeout=60_000):
        window.session.add(OpenModel("untrained", fresh(seed_engine)))  # judged by no one yet
        now = tab.texts()  # at once: nothing of the carry model, and "computing…" for this
        assert now["hover"] == HOVER_HINT
        assert now["title"] == f"{MAP_TITLE}: computing…"
        assert now["summary"] == "computing…"
        assert tab.error_map_image() is None
    done = tab.texts()
    assert done["title"] == MAP_TITLE and "exact match" in done["summary"]
    assert not any("computing" in text for text in done.values())  # only while it is


def test_the_carry_plot_waits_for_the_carry_unit(window, qtbot, carry_engine):
    tab = window.insight
    with qtbot.waitSignal(tab.computed, timeout=60_000):
        window.session.add(OpenModel("carry", fresh(carry_engine)))
        assert "(finding the carry unit…)" in tab.texts()["states"]
        assert not tab._states.trace.isVisible()  # no unit drawn while it is being found
    unit = insight.carry_unit(carry_engine, 4)
    assert unit.describe() in tab.texts()["states"]
    assert tab._states.trace.isVisible()


def test_an_empty_tab_shows_no_axes(qtbot):
    tab = InsightTab()
    qtbot.addWidget(tab)
    plots = [tab.error_map.plot, tab._bits_view.getPlotItem(), tab.widths.plot.getPlotItem()]
    assert not any(plot.getAxis(side).isVisible() for plot in plots
                   for side in ("left", "bottom"))
    assert tab.texts()["title"] == "" and tab.texts()["hover"] == ""
    assert tab.shown_states() is None


def test_the_state_view_follows_the_calculator_to_16_bits(window, qtbot, carry_engine):
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        window.session.add(OpenModel("carry", carry_engine))  # a 4-bit carry model
    window.calculator.set_width(16)
    window.calculator.set_pair(40000, 30000)
    title = window.insight.texts()["states"]
    assert "40000 + 30000 at 16 bits (the 4-bit model's weights)" in title
    h, _ = window.insight.shown_states()
    assert h.shape == (16, 17)  # 16 units; 16 steps and the carry out
    assert window.insight.error_map_image().shape == (16, 16)  # the map stays the model's
