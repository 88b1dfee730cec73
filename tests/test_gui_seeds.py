"""Many seeds in the window: the session's job (session.seeds), the Training tab's seed plots,
band and summary, in English and in Chinese; and one real job of two tiny seeds."""

import shutil
import statistics
import threading

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from test_gui_words import english_words, texts

from lstm_adder.core.recipes import get_recipe
from lstm_adder.core.seeds import SeedCurve, SeedsResult, seed_path
from lstm_adder.core.training import Ended, EpochMetrics
from lstm_adder.gui import i18n
from lstm_adder.gui.i18n import CHINESE, ENGLISH
from lstm_adder.gui.run_state import RunState
from lstm_adder.session import seeds as session_seeds
from lstm_adder.session.executor import Threaded
from lstm_adder.session.session import Session

EXACTS = [[0.25, 1.0], [0.1, 0.5, 0.75, 1.0], [0.2, 0.4, 0.6]]  # seeds 3, 4, 5: two reach 100%
TINY = {"bits": 4, "units": 4, "batch_size": 8, "holdout": 0.5, "dropout": 0, "epochs": 2}


@pytest.fixture
def scripted(monkeypatch, carry_file):
    """core.seeds.train_seeds replaced by a script: the seeds' epochs of EXACTS, reported as
    the real job reports them, and each seed's model a copy of a real carry model. With
    `hold` set, the script waits for cancel after the first epoch."""
    script = type("Script", (), {"hold": False, "calls": []})()

    def train_seeds(recipe, count, folder, observer=None, cancel=lambda: False, **_):
        script.calls.append((recipe, count, folder, threading.current_thread().name))
        folder.mkdir(exist_ok=True)
        curves = [SeedCurve(seed, seed_path(folder, recipe, seed))
                  for seed in range(recipe.seed, recipe.seed + count)]
        for curve, exacts in zip(curves, EXACTS, strict=False):
            for epoch, exact in enumerate(exacts, 1):
                metrics = EpochMetrics(epoch, 0.5 / epoch, None, exact, None, [], 256, epoch)
                curve.history.append(metrics)
                observer.on_epoch(curve, metrics)
                while script.hold and not cancel():
                    threading.Event().wait(0.01)
                if cancel():
                    curve.ended = Ended.STOPPED
                    return SeedsResult(recipe, curves, 0.5, cancelled=True)
            shutil.copy(carry_file, curve.path)
            curve.saved, curve.ended = curve.path, Ended.PERFECT if exacts[-1] == 1 else \
                Ended.FINISHED
            observer.on_done(curve)
        return SeedsResult(recipe, curves, 1.5)

    monkeypatch.setattr(session_seeds, "train_seeds", train_seeds)
    return script


def _prepare(window, tmp_path, count=3):
    tab = window.training
    tab.seeds_root, tab.logdir_root = tmp_path / "seeds", tmp_path / "logs"
    tab.load_recipe("carry")
    for name, value in TINY.items():
        tab.fields[name].setText(str(value))
    tab.fields["seed"].setText("3")
    tab.seeds_spin.setValue(count)
    return tab


def test_the_session_runs_seeds_off_the_keras_lane_and_their_models_join_unselected(
        scripted, tmp_path):
    executor = Threaded()
    session = Session(executor)
    seen = []
    session.seeds.epoch.connect(lambda curve, m: seen.append((curve.seed, m.epoch)))
    assert session.seeds.start(get_recipe("carry", seed=3), 3, tmp_path / "out")
    assert executor.deliver()
    assert scripted.calls[0][3].startswith("long")  # the long lane: never the Keras thread,
    # and no engine thread that opening a model needs
    assert seen == [(3, 1), (3, 2), (4, 1), (4, 2), (4, 3), (4, 4), (5, 1), (5, 2), (5, 3)]
    assert executor.deliver()  # the files opened in the background
    assert sorted(m.path.name for m in session.models) == [
        "carry-seed-3.keras", "carry-seed-4.keras", "carry-seed-5.keras"]
    assert session.current is session.models[0]  # the first joined, with nothing on show
    assert session.unsaved() == [] and session.close_question() == []  # files: nothing to ask


def test_stop_ends_the_job_and_closing_waits_for_it(scripted, tmp_path):
    executor = Threaded()
    session = Session(executor)
    scripted.hold = True
    ended = []
    session.seeds.finished.connect(ended.append)
    assert session.seeds.start(get_recipe("carry"), 3, tmp_path / "out")
    assert session.seeds.running and not session.seeds.start(get_recipe("carry"), 2, tmp_path)
    session.seeds.stop()
    assert session.seeds.wait(10) and not session.seeds.running
    assert executor.deliver()
    assert ended and ended[0].cancelled and list((tmp_path / "out").iterdir()) == []
    assert session.close()


def test_the_tab_draws_each_seed_the_mean_and_its_band_and_sums_up(window, scripted, tmp_path,
                                                                    reported):
    tab = _prepare(window, tmp_path)
    assert tab.start_button.text() == "Train 3 seeds"
    with reported(window.session.seeds.finished):
        tab.start()
        assert tab.running and not tab.start_button.isEnabled()
    assert window.wait_for_background()
    plots = tab.seed_plots
    assert tab.stack.currentWidget() is plots
    assert sorted(plots.lines["exact"]) == [3, 4, 5]
    plots.flush()
    held = [e + [e[-1]] * (4 - len(e)) for e in EXACTS]  # stopped seeds hold their last value
    columns = list(zip(*held, strict=True))
    mean = [statistics.fmean(c) for c in columns]
    std = [statistics.pstdev(c) for c in columns]
    xs, ys = plots.means["exact"].getData()
    assert xs.tolist() == [1, 2, 3, 4] and ys == pytest.approx(mean)
    low, high = (edge.getData()[1] for edge in plots._edges["exact"])
    assert low == pytest.approx(np.maximum(np.subtract(mean, std), 0))
    assert high == pytest.approx(np.minimum(np.add(mean, std), 1))
    assert tab.state is RunState.FINISHED
    folder = scripted.calls[0][2]
    assert tab.status.text() == (f"2 of 3 seeds reached 100%, after 2–4 epochs (median 3). "
                                 f"The models are in {folder}.")
    assert tab.progress_bar.format() == "finished · seeds 3/3"
    paths = sorted(m.path for m in window.session.models if m.path is not None)
    assert paths == [seed_path(folder, get_recipe("carry"), s) for s in (3, 4, 5)]
    assert tab.start_button.isEnabled()


def test_the_seeds_words_are_chinese_under_chinese(window, scripted, tmp_path, reported):
    i18n.set_language(CHINESE, window.settings)
    try:
        tab = _prepare(window, tmp_path)
        with reported(window.session.seeds.finished):
            tab.start()
        assert window.wait_for_background()
        assert "个种子中有 2 个达到 100%" in tab.status.text()
        assert tab.start_button.text() == "训练 3 个种子"
        left = [(where, text, words) for where, text in texts(window)
                if (words := english_words(text)) and where != "window title"]  # the app's name
        assert left == [], [(w, t) for w, t, _ in left]
    finally:
        i18n.set_language(ENGLISH, QSettings(str(tmp_path / "reset.ini"),
                                             QSettings.Format.IniFormat))
    assert tab.status.text().startswith("2 of 3 seeds reached 100%")


def test_stop_in_the_tab_stops_every_seed(window, scripted, tmp_path, reported):
    tab = _prepare(window, tmp_path)
    scripted.hold = True
    with reported(window.session.seeds.epoch):
        tab.start()
    with reported(window.session.seeds.finished):
        tab.stop()
        assert tab.state is RunState.STOPPING
    assert tab.state is RunState.STOPPED
    assert tab.status.text().startswith("Stopped by you: None of the 3 seeds reached 100%.")


def test_a_real_job_of_two_tiny_seeds_joins_the_list(window, tmp_path, reported):
    tab = _prepare(window, tmp_path, count=2)
    with reported(window.session.seeds.finished, timeout=300_000) as finished:
        tab.start()
    assert window.wait_for_background()
    result = finished.args[0]
    assert [c.seed for c in result.curves] == [3, 4]
    assert all(c.saved is not None and len(c.history) >= 1 for c in result.curves)
    names = sorted(m.path.name for m in window.session.models if m.path is not None)
    assert names == ["carry-seed-3.keras", "carry-seed-4.keras"]
    assert sorted(tab.seed_plots.curves) == [3, 4]


def test_closing_the_window_mid_job_ends_every_child(window, tmp_path, reported):
    from test_seeds import children

    tab = _prepare(window, tmp_path, count=2)
    tab.fields["epochs"].setText("500")
    tab.stop_when_perfect.setChecked(False)
    with reported(window.session.seeds.epoch, timeout=300_000):
        tab.start()
    assert children()  # the workers are training
    window.close()  # discards (the seeds' models are files: nothing to ask about them)
    assert not window.session.seeds.running and children() == []
    leftovers = [p for p in (tmp_path / "seeds").rglob("*") if p.is_file()]
    assert leftovers == []  # no seed ended: no model file, and no temporary one


def test_log_for_tensorboard_gives_a_run_a_log_folder_of_its_own(window, tmp_path, train):
    tab = window.training
    tab.logdir_root = tmp_path / "logs"
    tab.tensorboard_checkbox.setChecked(True)
    train(window, epochs=2)
    (run,) = (tmp_path / "logs").iterdir()  # carry-YYYYmmdd-HHMMSS
    assert run.name.startswith("carry-")
    rows = (run / "training.csv").read_text().splitlines()
    assert rows[0].startswith("epoch,") and len(rows) == 3  # a header and a row an epoch
    assert list((run / "train").glob("events.out.tfevents.*"))
