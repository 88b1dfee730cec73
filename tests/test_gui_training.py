"""The Training tab and the session's run (session.run): tiny real runs (4-bit, 4 units,
16 batches an epoch), on the one Keras thread, with the window answering from numpy
engines meanwhile."""

import threading

import keras
import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton

from lstm_adder.assets import BUNDLED
from lstm_adder.core.engine import Engine
from lstm_adder.core.recipes import RECIPES, field_error, get_recipe
from lstm_adder.core.training import BatchProgress, Ended, EpochMetrics, TrainResult
from lstm_adder.gui.plots import READOUT_HINT
from lstm_adder.gui.run_state import RunState, count, ending
from lstm_adder.gui.training_tab import INVALID
from lstm_adder.session import reports
from lstm_adder.session import run as run_module
from lstm_adder.session.open_models import OpenModel

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


@pytest.mark.parametrize("text", ["1_0", "١٢", "9" * 5000])
def test_the_form_reads_typed_numbers_as_the_command_line_does(window, text):
    """int() takes "1_0" and Arabic-Indic digits; the form, like `train --epochs`, does not."""
    from lstm_adder.cli.main import main

    tab = window.training
    tab.fields["epochs"].setText(text)
    assert tab.recipe() is None
    assert window.findChild(QLabel, "recipe_error").text() == field_error("epochs", text)
    assert main(["train", "--epochs", text, "--out", "never.keras"]) == 2  # refused too
    tab.fields["epochs"].setText(" 12 ")
    assert tab.recipe().epochs == 12


@pytest.mark.parametrize(("field", "text", "message"), [
    ("lr", "0", "Learning rate must be a finite number above 0"),
    ("lr", "inf", "Learning rate must be a finite number above 0"),
    ("seed", "4294967296", "Random seed must be a whole number from 0 to 4294967295"),
    ("batch_size", "1000", "Batch size 1,000 is more than the 256 pairs left to train on"),
    ("holdout", "0.999999", "leaves none of the 256 pairs of 4-bit numbers to train on"),
])
def test_field_errors_name_the_field_as_its_label_does(window, field, text, message):
    tab = window.training
    fill(tab)
    assert tab.start_button.isEnabled()
    tab.fields[field].setText(text)
    assert message in tab.recipe_error.text()
    assert not tab.start_button.isEnabled() and tab.recipe() is None


def test_the_form_labels_every_field_as_the_command_line_does(window):
    from lstm_adder.core.recipes import user_fields

    box = window.training.recipe_box
    texts = {w.text() for kind in (QLabel, QCheckBox) for w in box.findChildren(kind)}
    assert {spec.label for spec in user_fields()} <= texts


def test_a_tiny_run_reports_progress_plots_and_finishes(window, qtbot, reported):
    tab, runner = window.training, window.session.run
    fill(tab, epochs=3)
    batches, epochs = [], []
    runner.progress.connect(batches.append)  # reported on the GUI thread
    runner.epoch.connect(epochs.append)
    with reported(runner.finished, 60_000) as finished:
        click(qtbot, window, "start_button")
        assert not window.findChild(QPushButton, "start_button").isEnabled()
        assert window.findChild(QPushButton, "stop_button").isEnabled()
    result = finished.args[0]
    assert result.ok and len(result.history) == 3
    assert [p.batch for p in batches[:4]] == [5, 10, 15, 16]  # 16 batches, every 5th reported
    assert len(batches) == 12 and batches[-1].epoch == 2
    assert [m.epoch for m in epochs] == [1, 2, 3]
    assert result.model is None  # the Keras model stays on the Keras thread
    engine = epochs[-1].engine  # the epoch's weights as plain arrays
    assert isinstance(engine, Engine) and engine.has_table  # every 4-bit pair judged
    assert all(isinstance(w, np.ndarray) for w in engine.weights)
    assert epochs[-1].report.count == 256

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
    assert tab.state is RunState.FINISHED
    assert tab.progress_bar.format().startswith("finished · 3 epochs · ")
    assert tab.status.text().startswith("Finished 3 epochs: ")
    assert window.findChild(QPushButton, "start_button").isEnabled()

    assert window.wait_for_background()
    assert [m.name for m in window.session.models] == ["trained carry #1"]
    assert window.calculator.model is window.session.models[0]  # the first model is selected


def test_start_cannot_be_pressed_twice_and_stop_ends_the_run(window, qtbot, reported):
    tab, runner = window.training, window.session.run
    fill(tab, epochs=1000)
    with reported(runner.progress, 60_000):
        click(qtbot, window, "start_button")
    assert not window.findChild(QPushButton, "start_button").isEnabled()
    assert window.open_action.isEnabled()  # models open while a run trains
    tab.start()  # ignored while running
    with pytest.raises(RuntimeError):
        runner.start(tab.recipe() or get_recipe("carry", **TINY))
    with reported(runner.finished, 10_000) as finished:
        click(qtbot, window, "stop_button")
    result = finished.args[0]  # it stops after its batch: pinned exactly by the stopped-run test
    assert result.reason.startswith("stopped by user") and result.stopped_at is not None
    assert len(result.history) < 1000
    assert window.findChild(QPushButton, "start_button").isEnabled()


def test_closing_during_training_is_clean(window, qtbot, qtlog, reported):
    fill(window.training, epochs=1000)
    with reported(window.session.run.progress, 60_000):
        click(qtbot, window, "start_button")
    window.close()  # stops the run and waits for its batch to end
    assert not window.session.run.running
    assert not any("Destroyed while thread" in r.message for r in qtlog.records)


def test_divergence_keeps_the_previous_model(window, qtbot, carry_engine, reported):
    window.session.add(OpenModel("good", carry_engine))
    before = window.session.current
    fill(window.training, epochs=3, lr=1e38)  # Adam's steps overflow: the loss becomes inf
    said = []  # the status bar's lines (a brief one goes after 10 s: a loaded machine is slow)
    window.statusBar().messageChanged.connect(said.append)
    with reported(window.session.run.finished, 60_000) as finished:
        click(qtbot, window, "start_button")
    assert not finished.args[0].ok
    assert window.wait_for_background()
    assert window.training.state is RunState.DIVERGED
    assert window.training.progress_bar.format() == "diverged"
    assert "diverged" in window.findChild(QLabel, "training_status").text()
    assert any("diverged" in line for line in said)
    assert window.session.models == [before] and window.calculator.model is before


def test_watch_it_learn_follows_the_run(window, qtbot, carry_engine, reported):
    window.session.add(OpenModel("good", carry_engine))
    tab, calculator = window.training, window.calculator
    fill(tab, recipe="seed", epochs=1000, units=8)
    tab.watch_checkbox.setChecked(True)
    click(qtbot, window, "start_button")
    qtbot.waitUntil(lambda: calculator.model is not None
                    and calculator.model.name == "training seed", timeout=60_000)
    assert calculator.model not in window.session.models  # a copy of its own, not the list's
    assert "Watching training" in calculator.wrong_label.text()
    calculator.set_pair(9, 6)
    assert calculator.answer.true == 15
    with reported(window.session.run.finished, 10_000):
        click(qtbot, window, "stop_button")
    assert window.wait_for_background()
    assert [m.name for m in window.session.models] == ["good", "trained seed #1"]
    assert calculator.model is window.session.current is window.session.models[1]
    exact = calculator.wrong_pairs.exact  # judged on show, once, for the list as well
    assert window.model_list.itemText(1).endswith(f"· unsaved · {exact:.2%} exact")


def test_closing_with_watch_on_mid_epoch_leaves_no_thread(window, qtbot, qtlog, reported):
    tab = window.training
    fill(tab, epochs=1000)
    tab.watch_checkbox.setChecked(True)
    with reported(window.session.run.epoch, 60_000):
        click(qtbot, window, "start_button")
    with reported(window.session.run.progress, 10_000):
        pass  # into the next epoch
    window.close()
    assert not window.session.run.running
    assert not any("Destroyed while thread" in r.message for r in qtlog.records)


def test_the_state_view_changes_between_watched_epochs(window, qtbot, reported):
    tab, insight = window.training, window.insight
    fill(tab, recipe="seed", bits=3, units=8, epochs=1000)
    tab.watch_checkbox.setChecked(True)
    seen = []  # (epoch, h, c) as the Insight tab shows them after the window's own slot
    window.session.run.epoch.connect(lambda metrics: seen.append(
        (metrics.epoch, *(image.copy() for image in insight.shown_states()))))
    click(qtbot, window, "start_button")
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=60_000)
    with reported(window.session.run.finished, 10_000):
        tab.stop()
    (first, h1, c1), (second, h2, c2) = seen[0], seen[1]
    assert (first, second) == (1, 2)
    assert h1.shape == h2.shape == (8, 6)  # units x steps (3 + 3 bits)
    assert not np.array_equal(h1, h2) and not np.array_equal(c1, c2)


def test_switching_models_during_a_run_answers_without_waiting_for_it(window, qtbot, reported):
    tab, calculator = window.training, window.calculator
    fill(tab, epochs=1000)
    with reported(window.session.run.progress, 60_000):
        click(qtbot, window, "start_button")
    window.bundled_actions["carry"].trigger()
    qtbot.waitUntil(lambda: calculator.model is not None
                    and calculator.model.path == BUNDLED["carry"], timeout=5_000)
    assert window.session.run.running  # the run goes on; the open did not wait for it
    calculator.set_pair(157, 113)
    assert calculator.answer.predicted == 270
    assert window.wait_for_background(120_000)  # every pair judged, beside the run
    assert calculator.wrong_pairs.wrong_count == 0 and window.session.run.running
    with reported(window.session.run.finished, 10_000):
        tab.stop()


@pytest.fixture
def keras_calls(monkeypatch):
    """Every call of a Keras model or layer, fit, predict, weights and save: (what, thread)."""
    calls = []

    def wrap(cls, name):
        original = getattr(cls, name)

        def wrapper(self, *args, **kwargs):
            calls.append((name, threading.current_thread()))
            return original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, wrapper)

    for name in ("__call__", "get_weights", "set_weights"):
        wrap(keras.layers.Layer, name)
    for name in ("fit", "predict", "save"):
        wrap(keras.Model, name)
    return calls


def test_no_keras_call_on_the_gui_thread(window, qtbot, keras_calls, tmp_path, reported):
    """A run watched epoch by epoch, its model in the calculator and the Insight tab, and
    saved: Keras is called, on the Keras thread only."""
    tab = window.training
    fill(tab, epochs=3)
    tab.watch_checkbox.setChecked(True)
    with reported(window.session.run.finished, 60_000):
        click(qtbot, window, "start_button")
    assert window.wait_for_background()
    entry = window.session.current
    assert entry.name == "trained carry #1" and window.calculator.model is entry
    window.calculator.set_pair(9, 6)
    with qtbot.waitSignal(window.saved, timeout=60_000):
        assert window.session.save(tmp_path / "trained.keras")
    saved, _ = Engine.from_file(tmp_path / "trained.keras")
    a, b = np.arange(16).repeat(16), np.tile(np.arange(16), 16)
    np.testing.assert_array_equal(saved.add_many(a, b), entry.engine.add_many(a, b))
    assert {name for name, _ in keras_calls} >= {"__call__", "fit", "save"}
    assert not [name for name, thread in keras_calls if thread is threading.main_thread()]


# -- how a run ends, in words --------------------------------------------------------------------


def _epochs(n: int) -> list[EpochMetrics]:
    return [EpochMetrics(k, 0.5, None, 0.25 * k, None, [0.5], 256, float(k))
            for k in range(1, n + 1)]


def test_a_run_ends_in_one_state_in_words_with_proper_plurals():
    recipe = get_recipe("carry", **TINY)
    assert (count(1, "epoch"), count(2, "epoch")) == ("1 epoch", "2 epochs")
    assert count(1, "batch", "batches") == "1 batch"
    one = TrainResult(None, recipe, _epochs(1), "finished 1 epoch", 1)
    assert ending(one, True) == (RunState.FINISHED, "Finished 1 epoch: 25.0% exact (best "
                                 "epoch 1). The model joins the list.")
    perfect = TrainResult(None, recipe, _epochs(4), "exactly right", 4, ended=Ended.PERFECT)
    assert ending(perfect, True)[1].startswith("Exactly right on all 256 pairs after 4 epochs")
    at = run_module.BATCH_EVERY
    cut = TrainResult(None, recipe, _epochs(1), "stopped", 1, ended=Ended.STOPPED,
                      stopped_at=BatchProgress(1, 3, at, 16, 0.4, 2.0))
    assert ending(cut, True) == (RunState.STOPPED, f"Stopped by you after 1 epoch and {at} of "
                                 "16 batches. The model joins the list, marked stopped.")
    early = TrainResult(None, recipe, [], "stopped", 0, ended=Ended.STOPPED)
    assert ending(early, False)[1] == "Stopped by you before the first batch: no new model."
    ends = (RunState.FINISHED, RunState.PERFECT, RunState.STOPPED, RunState.DIVERGED)
    assert len({state.colour for state in ends}) == 4  # each in its own colour


@pytest.fixture
def stop_at_first_report(monkeypatch):
    """Stop every run during the batch of its first batch report (batch 5), from the
    training thread itself: as if Stop were pressed then, without a race."""
    on_batch = run_module._Job.on_batch

    def stop(self, progress):
        on_batch(self, progress)
        self.request_stop()

    monkeypatch.setattr(run_module._Job, "on_batch", stop)


def test_a_stopped_run_says_so_and_its_model_joins_marked_stopped(window, qtbot,
                                                                  stop_at_first_report, reported):
    tab = window.training
    fill(tab, epochs=3)
    with reported(window.session.run.finished, 60_000) as finished:
        tab.start()
    result = finished.args[0]
    assert result.ended is Ended.STOPPED and result.history == []  # no metrics for a cut epoch
    assert tab.state is RunState.STOPPED
    assert tab.status.text().startswith("Stopped by you after 0 epochs and 5 of 16 batches.")
    assert tab.progress_bar.format().startswith("stopped · 0 epochs + 5/16 batches")
    xs, _ = tab.plots.curves["batch_loss"].getData()
    assert xs[-1] == pytest.approx(5 / 16) and xs[-1] % 1 != 0  # where it stopped, not x = 1
    assert tab.plots.stopped_at == pytest.approx(5 / 16)
    assert tab.plots.points("loss") == 0

    assert window.wait_for_background()  # the stopped model is judged like any other
    (entry,) = window.session.models
    assert entry.ended is Ended.STOPPED and entry.unsaved
    report = reports.report_for(entry.engine)
    assert report is not None and report.count == 256
    text = window.model_list.itemText(0)
    assert "· stopped · unsaved ·" in text and text.endswith(f"· {report.exact:.2%} exact")


def test_a_new_run_clears_the_readout_and_the_last_state(window, qtbot, train, reported):
    tab = window.training
    train(window, epochs=2)
    plots = tab.plots
    plots.readout.setText(plots.readout_at(2.0))  # as the mouse leaves it
    assert plots.readout.text().startswith("epoch 2 ")
    fill(tab, epochs=1000)
    tab.start()
    assert plots.readout.text() == READOUT_HINT  # at once, before the run reports anything
    assert tab.state is RunState.STARTING and "Finished" not in tab.status.text()
    assert plots.epochs == [] and plots.stopped_at is None
    with reported(window.session.run.finished, 60_000):
        tab.stop()
