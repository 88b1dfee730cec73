"""What a new user sees on a first start: a window that fits the screen, plots that look right
empty and after a Stop, and words that say what is happening."""

import logging

import pytest
from PySide6.QtCore import QCoreApplication, QRect

from lstm_adder.assets import BUNDLED
from lstm_adder.core.recipes import get_recipe
from lstm_adder.core.training import BatchProgress, EpochMetrics
from lstm_adder.gui.main_window import DEFAULT_SIZE, fit_to_screen
from lstm_adder.gui.plots import TrainingPlots
from lstm_adder.gui.run_state import RunState
from lstm_adder.session.open_models import OpenModel, training_name


class Screen:
    """A screen of `width` x `height` free pixels (QScreen's availableGeometry alone)."""

    def __init__(self, width: int, height: int, x: int = 0, y: int = 0):
        self.free = QRect(x, y, width, height)

    def availableGeometry(self) -> QRect:  # noqa: N802 (QScreen's name)
        return self.free


def test_a_first_start_fits_a_small_screen(window):
    window.resize(*DEFAULT_SIZE)
    window.move(200, 150)
    fit_to_screen(window, Screen(1024, 640))
    frame = window.frameGeometry()
    assert QRect(0, 0, 1024, 640).contains(frame), frame


def test_a_window_that_fits_keeps_its_size_and_place(window):
    window.resize(900, 600)
    window.move(40, 30)
    fit_to_screen(window, Screen(1280, 800))
    assert (window.width(), window.height(), window.x(), window.y()) == (900, 600, 40, 30)


def test_the_window_opens_within_the_screen_it_opens_on(window):
    free = window.screen().availableGeometry()
    assert free.contains(window.frameGeometry())


# --- a bad model file --------------------------------------------------------------------


def test_a_bad_model_file_is_said_in_a_dialog_not_in_a_traceback(window, tmp_path, caplog,
                                                                 monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *rest: said.append((title, text)))
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"not a zip at all")
    with caplog.at_level(logging.INFO):
        window.session.open(bad)
        assert window.wait_for_background()
        QCoreApplication.processEvents()
    assert len(said) == 1 and "bad.keras" in said[0][1]
    loud = [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
    assert loud == []  # Python prints WARNING and above, with any traceback, on stderr


# --- the plots -----------------------------------------------------------------------------


def batch(epoch: int, done: int, batches: int = 16):
    return BatchProgress(epoch, 3, done, batches, 0.7, 1.0)


def epoch_metrics(epoch: int):
    return EpochMetrics(epoch, 0.5 / epoch, None, 0.2 * epoch, None, [0.5, 0.6], 256, epoch)


@pytest.fixture
def plots(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(700, 500)
    plots.show()
    qtbot.waitExposed(plots)
    return plots


def x_range(plots) -> list[float]:
    return plots.loss_plot.getPlotItem().vb.viewRange()[0]


def test_an_empty_plot_spans_epochs_0_to_1(plots):
    assert x_range(plots) == pytest.approx([0.0, 1.0])
    plots.add_epoch(epoch_metrics(1))
    plots.flush()
    plots.clear()
    assert x_range(plots) == pytest.approx([0.0, 1.0])


@pytest.mark.parametrize("width", [400, 700, 1024])
def test_the_epoch_axis_labels_whole_epochs_only(plots, qtbot, width):
    for k in (1, 2, 3):
        plots.add_epoch(epoch_metrics(k))
    plots.flush()
    plots.resize(width, 500)
    qtbot.wait(20)
    axis = plots.loss_plot.getAxis("bottom")
    low, high = x_range(plots)
    values = [v for _, level in axis.tickValues(low, high, axis.width()) for v in level]
    assert values and all(float(v).is_integer() for v in values)


def test_the_batches_before_a_stop_in_epoch_1_show_as_dots(plots):
    for done in (2, 4, 6):
        plots.add_batch(batch(0, done))
    plots.mark_stopped(batch(0, 6))
    plots.flush()
    curve = plots.curves["batch_loss"]
    assert plots.points("batch_loss") == 3 and curve.opts["symbol"] is not None
    for k in range(1, 200):  # a long run: a line, no dots
        plots.add_batch(batch(k // 16, k % 16 + 1))
    plots.flush()
    assert curve.opts["symbol"] is None


def test_the_replayed_epoch_is_named_above_the_plot(plots):
    plots.add_epoch(epoch_metrics(1))
    plots.add_epoch(epoch_metrics(2))
    plots.mark_stopped(2.5)
    plots.mark_epoch(2)
    title = plots.loss_plot.getPlotItem().titleLabel
    assert "epoch 2" in title.text
    view = plots.loss_plot.getPlotItem().vb
    assert title.sceneBoundingRect().bottom() <= view.sceneBoundingRect().top() + 1
    plots.mark_epoch(None)
    assert "epoch" not in title.text


# --- words that say what is happening ------------------------------------------------------


def test_replaying_a_finished_run_does_not_say_training(window, carry_engine):
    window.session.insight.watch(carry_engine, None, 2, replayed=True)
    said = " ".join(window.insight.texts().values())
    assert "replaying epoch 2" in said
    assert "watching training" not in said and "when training ends" not in said
    assert "once training ends" not in said


def test_the_article_fits_every_width(window):
    tab = window.training
    for bits in (8, 11, 16):
        tab._recipe, tab.state = get_recipe("carry", bits=bits), RunState.STARTING
        tab._on_started(tab._recipe)
        assert tab.status.text() == f"Training a carry model on {bits}-bit numbers…"
    tab._recipe, tab.state = None, RunState.IDLE


def test_a_bundled_model_s_disabled_replay_says_why(window):
    window.session.load(BUNDLED["carry"])
    bar = window.training.timeline
    assert not bar.slider.isEnabled()
    assert bar.label.text() == "no epochs kept in this file"
    assert "keeps no epochs" in bar.slider.toolTip()


def test_another_model_does_not_keep_the_last_run_s_ending(window, carry_engine):
    tab = window.training
    tab._show_state(RunState.STOPPED, "Stopped by you after 1 epoch.")
    window.session.load(BUNDLED["carry"])
    assert tab.state is RunState.IDLE and tab.status.text() == "Pick a recipe and press Start."


def test_the_toolbar_names_the_run_the_calculator_shows(window, carry_engine):
    window.session.load(BUNDLED["carry"])
    assert window.model_label.text().strip() == "Model:"
    epoch = OpenModel(training_name("carry"), carry_engine)
    window.session.on_show.show(epoch, "Watching training: epoch 1", watched=True)
    assert "training carry" in window.model_label.text()
    assert "training carry" in window.calculator.model_label.text()
