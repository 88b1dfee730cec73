"""Replay in the window: tiny carry runs (4-bit, 4 units, 16 batches an epoch) stepped
through with the timeline under the training plots, and reopened from their files. Each
epoch is checked against an engine made afresh from that epoch's weights, and the error map
against the wrong-bit map the trainer recorded."""

import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSlider

from lstm_adder.core.engine import Engine
from lstm_adder.session import reports

PAIR = (9, 6)


def fresh(engine: Engine, like: Engine) -> Engine:
    """An engine made from `engine`'s weight arrays alone, shaped like `like`."""
    return like.with_weights([np.array(w) for w in engine.weights])


def slider(window) -> QSlider:
    return window.findChild(QSlider, "epoch_slider")


def recorded(timeline, epoch: int) -> int:
    """The wrong pairs the trainer recorded after `epoch`."""
    return int(np.count_nonzero(timeline.maps[epoch]))


def test_the_slider_sets_every_view_to_that_epoch_and_its_end_to_the_model(window, train):
    window.training.keep_checkbox.setChecked(True)  # the run keeps every epoch's weights
    result = train(window, epochs=3)
    final = window.session.current
    calculator, insight, plots = window.calculator, window.insight, window.training.plots
    timeline = result.timeline()
    assert (slider(window).minimum(), slider(window).maximum()) == (0, 3)
    assert slider(window).value() == 3 and plots.marked_epoch == 3
    calculator.set_pair(*PAIR)

    slider(window).setValue(1)
    assert window.wait_for_background()
    epoch_one = fresh(timeline.engine(1), final.engine)
    answer = epoch_one.answer(*PAIR)
    assert calculator.answer.predicted == answer.predicted
    assert calculator.bit_grid.rows()["predicted"] == answer.predicted_bits[::-1].tolist()
    assert insight.wrong_count() == recorded(timeline, 1)
    assert np.count_nonzero(insight.error_map_image()) == recorded(timeline, 1)
    accuracy = insight.model.found.report.bit_accuracy
    assert accuracy.tolist() == pytest.approx(result.history[0].bit_accuracy)
    states, _ = epoch_one.states(*PAIR)
    h, c = states["h"], states["c"]
    assert np.allclose(insight.shown_states()[0], h) and np.allclose(insight.shown_states()[1], c)
    assert plots.marked_epoch == 1
    assert calculator.wrong_label.text().startswith("Replaying epoch 1: ")

    slider(window).setValue(3)
    assert window.wait_for_background()
    assert calculator.model is final and calculator.engine is final.engine
    assert not calculator.view.watched and calculator.answer.predicted == \
        fresh(final.engine, final.engine).answer(*PAIR).predicted
    assert insight.wrong_count() == reports.report_for(final.engine).wrong_count
    assert not insight.model.watching and plots.marked_epoch == 3


def test_a_run_that_kept_only_the_maps_replays_them_while_its_model_answers(window, train):
    """"Keep every epoch" off: the run kept each epoch's map and metrics, not its weights;
    the slider shows the map, the per-bit accuracy and the curves' mark, the final model
    answers, and the calculator and the bar say so."""
    result = train(window, epochs=3)
    final, timeline = window.session.current, result.timeline()
    calculator, insight, bar = window.calculator, window.insight, window.training.timeline
    assert timeline.engines is None and final.timeline.engines is None
    calculator.set_pair(*PAIR)
    slider(window).setValue(1)
    assert window.wait_for_background()
    assert calculator.model is final and calculator.engine is final.engine
    assert "did not keep its epochs' weights" in calculator.wrong_label.text()
    assert insight.wrong_count() == recorded(timeline, 1)
    accuracy = insight.model.found.report.bit_accuracy
    assert accuracy.tolist() == pytest.approx(result.history[0].bit_accuracy)
    assert window.training.plots.marked_epoch == 1
    assert bar.label.text() == "epoch 1 of 3 · its map only"
    assert "weights were not kept" in slider(window).toolTip()
    slider(window).setValue(3)
    assert window.wait_for_background()
    assert calculator.model is final and not calculator.view.watched


def test_play_steps_through_the_epochs_about_four_a_second(window, train, qtbot):
    train(window, epochs=3)
    replay, bar = window.session.replay, window.training.timeline
    seen = []
    replay.changed.connect(lambda: seen.append(replay.epoch))
    button = window.findChild(QPushButton, "replay_button")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # at the end: from the start
    assert bar.playing and button.text() == "❚❚"
    qtbot.waitUntil(lambda: not bar.playing, timeout=5_000)
    assert seen == [0, 1, 2, 3] and button.text() == "▶"
    assert window.calculator.model is window.session.current  # the end: the model again


def test_during_a_run_the_slider_follows_the_newest_epoch_unless_held(window, qtbot, reported):
    tab = window.training
    tab.load_recipe("carry")
    tab.stop_when_perfect.setChecked(False)
    tab.keep_checkbox.setChecked(True)  # epoch 0's weights answer while it is held there
    for name, value in {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0, "dropout": 0,
                        "epochs": 1000}.items():
        tab.fields[name].setText(str(value))
    bar = slider(window)
    with reported(window.session.run.epoch, 60_000):
        tab.start()
    with reported(window.session.run.epoch, 10_000):
        pass
    assert bar.maximum() >= 2 and bar.value() == bar.maximum()

    bar.setValue(0)  # held on the untrained model
    top = bar.maximum()
    with reported(window.session.run.epoch, 10_000):
        pass
    assert bar.maximum() > top and bar.value() == 0
    assert window.calculator.model.name == "training carry · epoch 0"

    bar.setValue(bar.maximum())  # back at the end: it follows again
    with reported(window.session.run.epoch, 10_000):
        pass
    assert bar.value() == bar.maximum() and not window.session.replay.replaying
    with reported(window.session.run.finished, 10_000):
        tab.stop()


@pytest.mark.parametrize("keep", [False, True], ids=["maps only", "every epoch kept"])
def test_a_saved_run_replays_after_reopening(window, train, qtbot, tmp_path, keep):
    window.training.keep_checkbox.setChecked(keep)  # the run keeps them, the save writes them
    result = train(window, epochs=3)
    with qtbot.waitSignal(window.saved, timeout=60_000):
        assert window.session.save(tmp_path / "run.keras")
    copy = shutil.copy(tmp_path / "run.keras", tmp_path / "reopened.keras")  # read afresh
    window.session.open(copy)
    assert window.wait_for_background()
    reopened = window.session.current
    assert reopened.path == tmp_path / "reopened.keras"
    timeline, calculator = result.timeline(), window.calculator

    plots = window.training.plots
    assert plots.points("loss") == plots.points("exact") == 3  # the curves, from the file
    assert plots.points("batch_loss") == 0
    assert (slider(window).maximum(), slider(window).value()) == (3, 3)
    calculator.set_pair(*PAIR)
    slider(window).setValue(1)
    assert window.wait_for_background()
    assert window.insight.wrong_count() == recorded(timeline, 1)
    assert plots.marked_epoch == 1
    if keep:
        epoch_one = fresh(timeline.engine(1), reopened.engine)
        assert calculator.answer.predicted == epoch_one.answer(*PAIR).predicted
        assert calculator.model is not reopened
    else:  # the final model answers, and says why
        assert calculator.model is reopened and calculator.engine is reopened.engine
        assert "not its weights" in calculator.wrong_label.text()
    slider(window).setValue(3)
    assert calculator.model is reopened and not calculator.view.watched


def test_a_model_without_a_replay_shows_its_curves_and_no_timeline(window, carry_engine):
    from lstm_adder.session.open_models import OpenModel

    window.session.add(OpenModel("carry", carry_engine, info={"history": [
        {"epoch": 1, "loss": 0.5, "heldout_loss": None, "exact": 0.25, "heldout_exact": None,
         "bit_accuracy": [0.5, 0.75], "eval_pairs": 256, "elapsed": 1.0},
        {"epoch": "two"}]}))  # not an epoch: left out
    assert not slider(window).isEnabled()
    assert not window.findChild(QPushButton, "replay_button").isEnabled()
    plots = window.training.plots
    assert plots.points("loss") == 1 and plots.marked_epoch is None


def test_a_restored_best_epoch_is_named_at_the_end_of_the_timeline(qtbot, carry_engine):
    """Training kept epoch 1 of 2 (the last was worse): the end of the timeline is that
    epoch's model, and the bar says so instead of 'the final model'."""
    from lstm_adder.core.replay import Timeline
    from lstm_adder.gui.replay import ReplayBar
    from lstm_adder.session.executor import Immediate
    from lstm_adder.session.open_models import OpenModel
    from lstm_adder.session.replay import Replay

    timeline = Timeline(4, [None] * 3, [{}, {}], [carry_engine] * 3)
    model = OpenModel("run", carry_engine, info={"best_epoch": 1}, timeline=timeline)
    replay = Replay(Immediate())
    bar = ReplayBar(replay)
    qtbot.addWidget(bar)
    replay.load(model)
    assert (replay.epoch, replay.epochs, replay.restored) == (2, 2, 1)
    assert bar.label.text() == "epoch 1 of 2 · the best epoch, restored as the model"
    replay.move(1)  # replaying epoch 1 itself: no claim about the model
    assert replay.restored == 1 and bar.label.text() == "epoch 1 of 2"
    kept_last = OpenModel("last", carry_engine, info={"best_epoch": 2}, timeline=timeline)
    replay.load(kept_last)
    assert replay.restored is None and bar.label.text() == "epoch 2 of 2 · the final model"
