"""The Training tab and gui.worker: tiny real runs (4-bit, 4 units, 16 batches an epoch)."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from core.encodings import ENCODINGS
from core.recipes import RECIPES, field_error, get_recipe
from core.storage import LoadedModel
from gui.training_tab import INVALID
from gui.worker import TrainingRunner

TINY = {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0, "dropout": 0}


def fill(tab, recipe="carry", **values):
    tab.load_recipe(recipe)
    tab.stop_when_perfect.setChecked(False)
    for name, value in {**TINY, **values}.items():
        tab.fields[name].setText(str(value))


def click(qtbot, window, name):
    qtbot.mouseClick(window.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_recipe_picker_fills_every_field(window):
    tab = window.training
    tab.recipe_combo.setCurrentText("seed")
    seed = RECIPES["seed"]
    assert tab.findChild(QLineEdit, "field_units").text() == str(seed.units)
    assert float(tab.fields["lr"].text()) == seed.lr
    assert tab.recipe() == seed
    tab.recipe_combo.setCurrentText("carry")
    assert tab.recipe() == RECIPES["carry"]


@pytest.mark.parametrize(("field", "text"), [("units", "abc"), ("units", "0"),
                                             ("dropout", "1.5"), ("lr", "fast")])
def test_an_invalid_field_is_marked_and_disables_start(window, field, text):
    tab = window.training
    start = window.findChild(QPushButton, "start_button")
    assert start.isEnabled()
    tab.fields[field].setText(text)
    kind = int if field == "units" else float
    try:
        value = kind(text)
    except ValueError:
        value = text
    assert window.findChild(QLabel, "recipe_error").text() == field_error(field, value)
    assert tab.fields[field].styleSheet() == INVALID
    assert not start.isEnabled()
    assert tab.recipe() is None
    tab.load_recipe("carry")
    assert start.isEnabled() and tab.fields[field].styleSheet() == ""


def test_a_tiny_run_reports_progress_plots_and_finishes(window, qtbot):
    tab, runner = window.training, window.training.runner
    fill(tab, epochs=3)
    batches, epochs = [], []
    runner.batch.connect(batches.append)  # the runner's signals are emitted in the GUI thread
    runner.epoch.connect(lambda metrics, weights: epochs.append((metrics, weights)))
    with qtbot.waitSignal(runner.finished, timeout=60_000) as finished:
        click(qtbot, window, "start_button")
        assert not window.findChild(QPushButton, "start_button").isEnabled()
        assert window.findChild(QPushButton, "stop_button").isEnabled()
    result = finished.args[0]
    assert result.ok and len(result.history) == 3
    assert [p.batch for p in batches[:4]] == [5, 10, 15, 16]  # 16 batches, every 5th reported
    assert len(batches) == 12 and batches[-1].epoch == 2
    assert [m.epoch for m, _ in epochs] == [1, 2, 3]
    weights = epochs[-1][1]
    assert all(isinstance(w, np.ndarray) for w in weights)
    assert len(weights) == len(result.model.get_weights())

    plots = tab.plots
    assert plots.points("batch_loss") == 12
    assert plots.points("loss") == plots.points("exact") == plots.points("bit_accuracy") == 3
    assert plots.points("heldout_loss") == 0  # nothing held out
    window.tabs.setCurrentIndex(1)
    window.show()
    qtbot.waitExposed(window)
    view = plots.accuracy_plot.getPlotItem().vb
    qtbot.waitUntil(lambda: view.viewRange()[0][1] >= 3)  # laid out and auto-ranged
    plots.accuracy_plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(2.2, 0.5)))
    assert plots.readout.text().startswith("epoch 2 ")
    assert tab.progress_bar.value() == tab.progress_bar.maximum()
    assert window.findChild(QPushButton, "start_button").isEnabled()

    assert window.wait_for_background()
    assert [m.name for m in window.models] == ["trained carry #1"]
    assert window.calculator.model is window.models[0]  # the first model is selected


def test_start_cannot_be_pressed_twice_and_stop_ends_the_run(window, qtbot):
    tab, runner = window.training, window.training.runner
    fill(tab, epochs=1000)
    with qtbot.waitSignal(runner.batch, timeout=60_000):
        click(qtbot, window, "start_button")
    assert not window.findChild(QPushButton, "start_button").isEnabled()
    assert not window.open_action.isEnabled()  # no model files while a run trains
    tab.start()  # ignored while running
    with pytest.raises(RuntimeError):
        runner.start(tab.recipe() or get_recipe("carry", **TINY))
    reports = []
    with qtbot.waitSignal(runner.finished, timeout=10_000) as finished:
        click(qtbot, window, "stop_button")
        stopped_at = time.perf_counter()
        runner.batch.connect(reports.append)
    assert time.perf_counter() - stopped_at < 2.0
    assert finished.args[0].reason.startswith("stopped by user")
    assert len(reports) <= 1  # at most the batch that was running
    assert window.findChild(QPushButton, "start_button").isEnabled()
    assert window.open_action.isEnabled()


def test_closing_during_training_is_clean(window, qtbot, qtlog):
    fill(window.training, epochs=1000)
    with qtbot.waitSignal(window.training.runner.batch, timeout=60_000):
        click(qtbot, window, "start_button")
    began = time.perf_counter()
    window.close()
    assert time.perf_counter() - began < 2.0
    assert not window.training.runner.is_running()
    assert not any("Destroyed while thread" in r.message for r in qtlog.records)


def test_divergence_keeps_the_previous_model(window, qtbot, carry_model):
    window.add_model(LoadedModel(carry_model.model, ENCODINGS["paired-lsb"], 4), name="good")
    before = window.current_model
    fill(window.training, epochs=3, lr=1e38)  # Adam's steps overflow: the loss becomes inf
    with qtbot.waitSignal(window.training.runner.finished, timeout=60_000) as finished:
        click(qtbot, window, "start_button")
    assert not finished.args[0].ok
    assert window.wait_for_background()
    assert "diverged" in window.findChild(QLabel, "training_status").text()
    assert "diverged" in window.statusBar().currentMessage()
    assert window.models == [before] and window.calculator.model is before


def test_watch_it_learn_follows_the_run(window, qtbot, carry_model):
    window.add_model(LoadedModel(carry_model.model, ENCODINGS["paired-lsb"], 4), name="good")
    tab, calculator = window.training, window.calculator
    fill(tab, recipe="seed", epochs=1000, units=8)
    tab.watch_checkbox.setChecked(True)
    click(qtbot, window, "start_button")
    qtbot.waitUntil(lambda: calculator.model is not None
                    and calculator.model.name == "training seed", timeout=60_000)
    assert calculator.model not in window.models  # a copy of its own, not the list's
    assert "Watching training" in calculator.wrong_label.text()
    calculator.set_pair(9, 6)
    assert calculator.answer.true == 15
    with qtbot.waitSignal(tab.runner.finished, timeout=10_000):
        click(qtbot, window, "stop_button")
    assert window.wait_for_background()
    assert [m.name for m in window.models] == ["good", "trained seed #1"]
    assert calculator.model is window.current_model is window.models[1]


def test_runner_api_trains_and_joins(qtbot):
    runner = TrainingRunner()
    recipe = get_recipe("carry", epochs=2, **TINY)
    started = []
    runner.started.connect(lambda: started.append(True))
    with qtbot.waitSignal(runner.finished, timeout=60_000) as finished:
        runner.start(recipe)
        assert runner.is_running()
    result = finished.args[0]
    assert started == [True]
    assert result.recipe == recipe and len(result.history) == 2
    assert runner.wait(5000) and not runner.is_running()
