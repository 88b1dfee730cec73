"""The Insight tab inside the window: it follows the selected model, the calculator's pair,
a training run being watched, and sends a clicked pair back to the calculator."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from test_shipped_models import recorded

from assets import BUNDLED
from core.engine import Engine
from gui.open_models import OpenModel


def test_insight_follows_the_selected_model_and_the_pair(window, qtbot, carry_engine,
                                                         seed_engine):
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        window.add_model(OpenModel("untrained", seed_engine))
    untrained = window.insight.wrong_count()
    assert untrained > 0
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        window.add_model(OpenModel("carry", carry_engine))
    assert window.insight.wrong_count() == 0
    window.calculator.set_pair(13, 7)
    assert "13 + 7" in window.insight._state_title.text()
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        window.model_list.setCurrentIndex(0)  # back to the untrained model
    assert window.insight.wrong_count() == untrained


def test_a_clicked_pair_goes_to_the_calculator(window, qtbot, carry_engine):
    window.add_model(OpenModel("carry", carry_engine))
    window.tabs.setCurrentWidget(window.insight)
    window.insight.pair_clicked.emit(11, 2)
    assert window.tabs.currentWidget() is window.calculator
    assert (window.calculator.answer.a, window.calculator.answer.b) == (11, 2)
    window.wait_for_background()


def test_the_map_follows_a_watched_run_every_epoch(window, qtbot):
    tab = window.training
    tab.load_recipe("carry")
    tab.stop_when_perfect.setChecked(False)
    for name, value in {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0,
                        "epochs": 1000}.items():
        tab.fields[name].setText(str(value))
    tab.watch_checkbox.setChecked(True)
    qtbot.mouseClick(window.findChild(QPushButton, "start_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "epoch 2" in window.insight._summary.text(), timeout=60_000)
    image = window.insight.error_map_image()
    assert image is not None and image.shape == (16, 16)
    with qtbot.waitSignal(tab.runner.finished, timeout=10_000):
        tab.stop()
    with qtbot.waitSignal(window.insight.computed, timeout=60_000):
        pass  # the trained model joins the list and is looked at in full
    assert "watching" not in window.insight._summary.text()


def test_map_of_the_shipped_seed_model_counts_what_eval_counts(window, qtbot):
    """Acceptance: the map's wrong pairs for assets/seed.keras are eval's (README records
    eval's count; tests/test_shipped_models.py checks that against `evaluate`)."""
    with qtbot.waitSignal(window.insight.computed, timeout=120_000):
        assert window.load_model(BUNDLED["seed"])
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
        window.add_model(OpenModel("untrained", engine))
    assert window.wait_for_background()
    assert walks == [engine]  # every pair once, for both the calculator and the map
    assert window.calculator.wrong_pairs.wrong_count == window.insight.wrong_count() > 0
    window.calculator.set_pair(3, 12)
    assert window.calculator.answer.probabilities.tolist() == \
        engine.table()[(3 << 4) | 12].tolist()  # a lookup in that table
