"""The application layer without Qt: opening, switching, widening, watching an epoch, wrong
pairs, saving. No QApplication: the session runs its work through a synchronous executor
(`Immediate`), or through `Queued`, which runs it only when told, to see the moments between."""

import logging
from dataclasses import replace

import pytest

from lstm_adder.assets import BUNDLED
from lstm_adder.core.data import EVAL_SAMPLES
from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import judge_all
from lstm_adder.core.recipes import get_recipe
from lstm_adder.core.training import Ended, EpochMetrics, TrainResult
from lstm_adder.session.executor import Done, Immediate
from lstm_adder.session.open_models import OpenModel, Trained, TrainedHere, suggested_path
from lstm_adder.session.run import Run
from lstm_adder.session.session import NO_MODEL, Session
from lstm_adder.session.signal import Signal


def fresh(engine: Engine) -> Engine:
    """The same weights in an engine that has judged nothing yet."""
    return Engine(engine.net, engine.encoding, engine.bits)


class Queued:
    """An executor that keeps each job until `run()` (the order in which it came)."""

    def __init__(self):
        self.jobs = []

    def submit(self, fn, on_done, on_failed, keras=False):
        handle = Done()
        self.jobs.append((fn, on_done, on_failed, handle))
        return handle

    def run(self):
        while self.jobs:
            fn, on_done, on_failed, handle = self.jobs.pop(0)
            Immediate().submit(lambda cancel, fn=fn, h=handle: fn(h.event), on_done, on_failed)


class Heard:
    """What the session's signals said, in order: (name, args)."""

    def __init__(self, session: Session):
        self.said = []
        for name in ("models_changed", "current_changed", "status", "error", "saved",
                     "save_failed"):
            getattr(session, name).connect(lambda *args, n=name: self.said.append((n, args)))

    def named(self, name: str) -> list:
        return [args for said, args in self.said if said == name]


@pytest.fixture
def session():
    return Session(Immediate(), run=ScriptedRun(Immediate()))


class ScriptedRun(Run):
    """A run that trains nothing: the test reports its epochs and end through its signals,
    as session.run.Run does from the Keras lane."""

    def start(self, recipe, keep_epochs=False) -> None:
        self.recipe = recipe


def epoch(engine: Engine, number: int = 1) -> EpochMetrics:
    """A run's epoch as the trainer reports it: the weights as an engine, every pair judged."""
    report = judge_all(engine)
    return EpochMetrics(number, 0.5, None, report.exact, None, list(report.bit_accuracy),
                        report.count, 1.0, report=report, engine=engine)


# -- opening and switching -------------------------------------------------------------------


def test_opening_a_file_selects_it_judges_it_and_answers(session, carry_file):
    heard = Heard(session)
    assert session.load(carry_file)
    entry = session.current
    assert session.models == [entry] and entry.path == carry_file
    on_show = session.on_show
    assert on_show.model is entry and on_show.engine is entry.engine
    assert on_show.report.count == 256 and on_show.report.wrong_count == 0
    on_show.set_pair(9, 6)
    assert (on_show.answer.predicted, on_show.answer.true) == (15, 15)
    assert heard.named("current_changed") == [()]
    assert entry.list_text() == "carry4 (paired-lsb, 4-bit) · carry4.keras"


def test_the_bundled_seed_model_answers_157_plus_113(session):
    assert session.load(BUNDLED["seed"])
    session.on_show.set_pair(157, 113)
    assert session.on_show.answer.predicted == 270


def test_an_open_in_the_background_says_loading_until_the_model_is_in(carry_file):
    executor = Queued()
    session, heard = Session(executor), None
    heard = Heard(session)
    session.open(carry_file)
    assert session.on_show.engine is None
    assert session.on_show.message == "Loading carry4.keras…"
    assert heard.named("status") == [("Loading carry4.keras…", False)]
    executor.run()
    assert session.current.path == carry_file and session.on_show.engine is not None
    assert heard.named("status")[-1] == (f"Opened {session.current.description} from "
                                         f"{carry_file}", True)


def test_an_open_overtaken_by_another_is_dropped(carry_file):
    executor = Queued()
    session = Session(executor)
    session.open(BUNDLED["seed"])
    session.open(carry_file)  # asked for before the seed model is in
    executor.run()
    assert [m.path for m in session.models] == [carry_file]


def test_a_file_open_already_is_selected_not_read_again(session, carry_file, seed_engine):
    assert session.load(carry_file)
    first = session.current
    session.add(OpenModel("untrained", seed_engine))
    session.open(carry_file)
    assert session.current is first and len(session.models) == 2


def test_a_bad_file_says_why_and_keeps_the_model_on_show(session, carry_engine, tmp_path):
    heard = Heard(session)
    before = session.add(OpenModel("carry4", carry_engine))
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"this is not a zip archive")
    assert not session.load(bad)
    session.open(bad)
    errors = heard.named("error")
    assert len(errors) == 2 and all("bad.keras" in text for _, text in errors)
    assert errors[0][0] == "Cannot open the model"
    assert session.current is before and session.on_show.model is before


def test_with_no_model_file_at_start_it_says_so(session, tmp_path):
    session.open_at_start(None, "", {"seed": tmp_path / "seed.keras"})
    assert session.on_show.engine is None
    assert session.on_show.message.startswith("No model yet (assets/seed.keras not found)")


def test_switching_shows_each_model_at_its_own_width(session, carry_engine, seed_engine):
    seed = session.add(OpenModel("seed", seed_engine))
    carry = session.add(OpenModel("carry", carry_engine))
    session.on_show.set_width(16)
    session.select(seed)
    assert session.on_show.engine is seed_engine and session.on_show.widths() == [4]
    session.select(carry)
    assert session.on_show.engine is carry_engine and session.on_show.widths() == [4, 16, 32]


# -- widening and the pair -------------------------------------------------------------------


def test_a_carry_model_widens_to_the_same_engine_each_time(session, carry_engine):
    session.add(OpenModel("carry", carry_engine))
    on_show = session.on_show
    on_show.set_width(16)
    sixteen = on_show.engine
    assert sixteen.bits == 16 and sixteen.net is carry_engine.net
    assert on_show.report.count == EVAL_SAMPLES and not on_show.report.everything
    on_show.set_pair(40_000, 25_535)
    assert on_show.answer.true == 65_535
    on_show.set_width(4)
    assert on_show.engine is carry_engine and on_show.pair == (15, 15)  # held within 4 bits
    on_show.set_width(16)
    assert on_show.engine is sixteen


def test_a_seed_model_cannot_widen(session, seed_engine):
    session.add(OpenModel("seed", seed_engine))
    with pytest.raises(ValueError, match="cannot run at 16 bits"):
        session.on_show.set_width(16)


def test_next_and_previous_step_through_the_wrong_pairs(session, seed_engine):
    one_by_one = fresh(seed_engine)  # no table: each answer is its own forward pass
    wrong = [(a, b) for a in range(16) for b in range(16)
             if one_by_one.answer(a, b).predicted != a + b]
    assert len(wrong) >= 2
    session.add(OpenModel("untrained", fresh(seed_engine)))
    on_show = session.on_show
    on_show.set_pair(15, 15)
    assert on_show.next_wrong() and on_show.pair == wrong[0]  # after the last pair, the first
    assert on_show.next_wrong() and on_show.pair == wrong[1]
    assert on_show.previous_wrong() and on_show.pair == wrong[0]
    assert on_show.previous_wrong() and on_show.pair == wrong[-1]
    assert on_show.wrong_position() == len(wrong)
    assert on_show.answer.predicted != sum(wrong[-1])


def test_a_model_right_on_every_pair_has_no_wrong_pair_to_go_to(session, carry_engine):
    session.add(OpenModel("carry", carry_engine))
    session.on_show.set_pair(3, 4)
    assert not session.on_show.next_wrong() and session.on_show.pair == (3, 4)


def test_the_calculator_and_the_insight_share_one_pass_over_every_pair(session, seed_engine,
                                                                       monkeypatch):
    walks = []
    walk = Engine._walk
    monkeypatch.setattr(Engine, "_walk", lambda self, cancel: walks.append(self)
                        or walk(self, cancel))
    engine = fresh(seed_engine)
    session.add(OpenModel("untrained", engine))
    assert walks == [engine]
    found = session.insight.found
    assert found.report is session.on_show.report and found.report.wrong_count > 0
    assert not session.insight.busy


def test_the_insight_of_a_carry_model_finds_its_carry_unit_and_widths(session, carry_engine):
    computed = []
    session.insight.computed.connect(lambda: computed.append(True))
    session.add(OpenModel("carry", fresh(carry_engine)))
    found = session.insight.found
    assert found.carry is not None and found.carry.bits == 4
    assert [row.bits for row in found.widths] == [8, 16, 32, 64]
    assert computed == [True] and session.insight.failed == ""


# -- watching a run --------------------------------------------------------------------------


def test_a_watched_epoch_is_on_show_and_ending_the_watch_puts_the_model_back(
        session, carry_engine, seed_engine, carry_file):
    good = session.add(OpenModel("good", carry_engine))
    session.start_training(get_recipe("seed", bits=4, units=8))
    session.set_watch(True)
    session.run.epoch.emit(epoch(seed_engine, 2))
    on_show = session.on_show
    assert on_show.model.name == "training seed" and on_show.model not in session.models
    assert on_show.watched and on_show.widths() == [4]
    assert on_show.message.startswith("Watching training: epoch 2, ")
    assert session.insight.watching and session.insight.epoch == 2
    assert session.insight.found.report.count == 256  # the trainer's own judgement

    session.load(carry_file)  # opened while the run is followed: selected, not shown
    assert session.current.path == carry_file and on_show.model.name == "training seed"
    session.set_watch(False)
    assert on_show.model is session.current and not on_show.watched
    assert not session.insight.watching and good in session.models


def test_an_epoch_of_an_unwatched_run_changes_nothing_on_show(session, carry_engine,
                                                              seed_engine):
    good = session.add(OpenModel("good", carry_engine))
    session.start_training(get_recipe("seed", bits=4, units=8))
    session.run.epoch.emit(epoch(seed_engine))
    assert session.on_show.model is good


def test_a_watched_run_s_model_joins_the_list_on_show(session, seed_engine):
    heard = Heard(session)
    recipe = get_recipe("seed", bits=4, units=8)
    session.start_training(recipe)
    session.set_watch(True)
    session.run.epoch.emit(epoch(seed_engine))
    result = TrainResult(None, recipe, [], "stopped by user", 0, ended=Ended.STOPPED)
    engine = fresh(seed_engine)
    session.run.finished.emit(result, Trained(result, engine, key=-1))
    (entry,) = session.models
    assert entry.name == "trained seed #1" and entry.unsaved and entry.ended is Ended.STOPPED
    assert session.on_show.model is entry and session.on_show.engine is engine
    report = session.on_show.report
    assert entry.list_text().endswith(f"· stopped · unsaved · {report.exact:.2%} exact")
    assert entry.file_name() == "seed-4bit-stopped.keras"
    assert any(text.startswith("trained seed #1 joined the model list") for text, _ in
               heard.named("status"))
    assert session.close_question() == ["1 trained model is not saved: trained seed #1."]


def test_a_run_without_a_model_keeps_the_model_on_show(session, carry_engine):
    good = session.add(OpenModel("good", carry_engine))
    recipe = get_recipe("carry", bits=4)
    session.start_training(recipe)
    session.run.finished.emit(TrainResult(None, recipe, [], "diverged", 1,
                                          ended=Ended.DIVERGED), None)
    assert session.models == [good] and session.on_show.model is good
    assert not session.training


# -- replaying a run ----------------------------------------------------------------------------


def a_run(engine: Engine, epochs: int = 2) -> tuple[list[Engine], list[EpochMetrics]]:
    """A run's engines (epoch k holds `engine`'s weights times k / epochs: epoch 0 all zero)
    and its epochs as the trainer reports them, every pair judged."""
    engines = [engine.with_weights([w * (k / epochs) for w in engine.weights])
               for k in range(epochs + 1)]
    return engines, [epoch(fresh(e), k) for k, e in enumerate(engines) if k]


def wrong_pairs(engine: Engine) -> int:
    return judge_all(fresh(engine)).wrong_count


def train_in(session: Session, engines: list[Engine], epochs: list[EpochMetrics],
             end: bool = True):
    """Tell `session` the run as the window does; with `end`, its model joins the list."""
    recipe = get_recipe("carry", bits=4, epochs=len(epochs))
    session.start_training(recipe)
    session.run.initial.emit(engines[0], judge_all(fresh(engines[0])).wrong_bits.astype("uint8"))
    for metrics in epochs:
        session.run.epoch.emit(metrics)
    if end:
        history = [replace(m, report=None, wrong_map=m.report.wrong_bits.astype("uint8"))
                   for m in epochs]
        result = TrainResult(None, recipe, history, "finished", len(epochs),
                             initial=engines[0], initial_map=judge_all(engines[0]).wrong_bits)
        session.run.finished.emit(result, Trained(result, fresh(engines[-1]), key=-1))


def test_show_epoch_puts_that_epoch_on_show_and_the_end_brings_the_model_back(
        session, carry_engine):
    engines, epochs = a_run(carry_engine)
    train_in(session, engines, epochs)
    (entry,) = session.models
    replay, on_show, insight = session.replay, session.on_show, session.insight
    assert (replay.epochs, replay.epoch, replay.replaying) == (2, 2, False)
    on_show.set_pair(9, 6)

    session.show_epoch(1)
    assert replay.replaying and on_show.watched and on_show.model is not entry
    assert on_show.answer.predicted == fresh(engines[1]).answer(9, 6).predicted
    assert on_show.engine.weights[0].tolist() == engines[1].weights[0].tolist()
    assert insight.epoch == 1 and insight.found.report.wrong_count == wrong_pairs(engines[1])
    assert insight.replayed  # not the newest epoch of a run going
    assert on_show.report.wrong_count == wrong_pairs(engines[1])  # its wrong pairs to step
    assert on_show.message.startswith("Replaying epoch 1: ")

    session.show_epoch(0)  # the untrained model: all zero weights say 1 for every bit
    assert on_show.answer.predicted == 31 and insight.epoch == 0

    session.show_epoch(99)  # held within the timeline: its end, the model itself
    assert replay.epoch == 2 and not replay.replaying
    assert on_show.model is entry and not on_show.watched and on_show.pair == (9, 6)
    assert not insight.watching and not insight.replayed and insight.engine is entry.engine


def test_during_a_run_the_timeline_follows_the_newest_epoch_unless_held(session,
                                                                       carry_engine):
    good = session.add(OpenModel("good", carry_engine))
    engines, epochs = a_run(carry_engine, epochs=3)
    train_in(session, engines, epochs[:1], end=False)
    replay = session.replay
    assert replay.live and (replay.epochs, replay.epoch) == (1, 1)
    assert session.on_show.model is good  # not watched: the present is the selected model

    session.show_epoch(0)  # held on the untrained model
    session.run.epoch.emit(epochs[1])
    assert (replay.epochs, replay.epoch) == (2, 0) and replay.replaying
    assert session.insight.epoch == 0

    session.set_watch(True)  # watching does not take a held timeline away
    session.run.epoch.emit(epochs[2])
    assert replay.epoch == 0 and session.insight.epoch == 0
    session.show_epoch(3)  # back at the end: it follows again, and shows the newest epoch
    assert session.on_show.message.startswith("Watching training: epoch 3, ")
    assert session.on_show.engine is epochs[2].engine


def test_choosing_a_model_ends_a_replay(session, carry_engine, seed_engine):
    engines, epochs = a_run(carry_engine)
    train_in(session, engines, epochs)
    other = session.add(OpenModel("other", seed_engine), select=False)
    session.show_epoch(1)
    session.select(other)
    assert not session.replay.replaying and session.replay.timeline is None
    assert session.on_show.model is other and not session.on_show.watched


def test_a_file_that_kept_only_the_maps_replays_them_while_the_final_model_answers(
        session, carry_file, carry_model):
    assert session.load(carry_file)
    entry, replay, on_show = session.current, session.replay, session.on_show
    recorded = carry_model.timeline()
    assert replay.epochs == len(carry_model.history) and not replay.weights_kept
    session.show_epoch(1)
    assert on_show.model is entry and on_show.engine is entry.engine
    assert "kept each epoch's error map but not its weights" in on_show.message
    report = session.insight.found.report
    assert report.wrong_count == int((recorded.maps[1].array() > 0).sum())
    assert report.bit_accuracy.tolist() == carry_model.history[0].bit_accuracy


def test_a_file_that_kept_every_epoch_replays_its_weights(session, carry_file, carry_model,
                                                          tmp_path):
    from lstm_adder.core.storage import save_model

    kept = save_model(carry_model.model, tmp_path / "kept.keras", carry_model.info(),
                      carry_model.replay_entries(True))
    assert session.load(kept)
    session.on_show.set_pair(9, 6)
    session.show_epoch(1)
    epoch_one = carry_model.timeline().engine(1)
    assert session.on_show.answer.predicted == fresh(epoch_one).answer(9, 6).predicted
    assert session.insight.found.report.wrong_count == wrong_pairs(epoch_one)


def test_a_save_keeps_every_epoch_s_weights_only_when_asked(carry_engine):
    from lstm_adder.core.replay import REPLAY_KEY, WEIGHTS_ENTRY

    engines, epochs = a_run(carry_engine)
    session = Session(Immediate(), run=ScriptedRun(Immediate()))
    train_in(session, engines, epochs)
    (entry,) = session.models
    info, extra = entry.save_parts(keep_epochs=False)
    assert extra == {} and info[REPLAY_KEY]["weights"] is False
    assert len(info[REPLAY_KEY]["maps"]) == 3  # the maps always
    info, extra = entry.save_parts(keep_epochs=True)
    assert list(extra) == [WEIGHTS_ENTRY] and info[REPLAY_KEY]["weights"] is True


# -- saving ----------------------------------------------------------------------------------


def test_saving_a_keras_file_copies_it_and_the_model_follows_its_new_file(session, carry_file,
                                                                          tmp_path):
    heard = Heard(session)
    assert session.load(carry_file)
    entry = session.current
    assert session.save(tmp_path / "copy")
    target = tmp_path / "copy.keras"
    assert heard.named("saved") == [(entry, target)]
    assert entry.path == target and entry.is_file(target)
    saved, info = Engine.from_file(target)
    assert saved.bits == 4 and info["recipe"]["name"] == "carry"


def test_a_save_checks_the_free_space_for_the_model_s_size(session, carry_file, tmp_path,
                                                          monkeypatch):
    """The window's save, like the command line's, refuses a disk without room for the
    model (its weights, Adam's moments and the JSON), and writes nothing."""
    import shutil
    from collections import namedtuple

    heard = Heard(session)
    assert session.load(carry_file)
    entry = session.current
    needs = entry.save_bytes(False)
    assert needs > sum(w.nbytes for w in entry.engine.weights) * 3
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: usage(needs, 0, needs - 1))
    assert not session.save(tmp_path / "full.keras")
    ((_, message),) = heard.named("save_failed")
    assert "not enough free space" in message and not (tmp_path / "full.keras").exists()
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: usage(needs, 0, needs))
    assert session.save(tmp_path / "fits.keras") and (tmp_path / "fits.keras").is_file()


def test_a_save_that_cannot_work_says_why_at_once_and_keeps_the_model(session, carry_file,
                                                                       tmp_path):
    heard = Heard(session)
    assert session.load(carry_file)
    assert not session.save(tmp_path / "missing" / "model.keras")
    ((entry, message),) = heard.named("save_failed")
    assert "does not exist" in message and entry.path == carry_file
    assert heard.named("error")[0][0] == "Cannot save the model"


def test_a_model_only_keras_writes_waits_for_the_run(session, carry_engine):
    heard = Heard(session)
    entry = session.add(OpenModel("trained carry #1", carry_engine, TrainedHere(key=-1),
                                  recipe_name="carry"))
    assert session.can_save() == (True, "")
    session.start_training(get_recipe("carry", bits=4))
    assert session.can_save() == (False, "Stop training to save this model")
    assert not session.save("anywhere.keras")
    assert heard.named("error")[0][0] == "Cannot save the model yet"
    assert session.close_question() == [
        "Training is running: closing stops it.",
        f"1 trained model is not saved: {entry.name}."]


def test_a_suggested_name_is_one_no_file_has_yet(carry_engine, tmp_path):
    entry = OpenModel("trained carry #1", carry_engine, TrainedHere(key=-1),
                      recipe_name="carry")
    assert suggested_path(entry, tmp_path) == tmp_path / "carry-4bit.keras"
    (tmp_path / "carry-4bit.keras").touch()
    assert suggested_path(entry, tmp_path) == tmp_path / "carry-4bit-2.keras"


def test_without_any_model_the_session_says_how_to_get_one(session, carry_engine, tmp_path):
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"")
    assert not session.load(bad)
    assert session.on_show.message == NO_MODEL


# -- the pieces: signals and the executor ----------------------------------------------------


def test_a_signal_calls_its_callbacks_in_order_until_disconnected():
    signal, calls = Signal(), []
    first = lambda x: calls.append(("first", x))
    signal.connect(first)
    signal.connect(lambda x: calls.append(("second", x)))
    signal.emit(1)
    signal.disconnect(first)
    signal.emit(2)
    assert calls == [("first", 1), ("second", 1), ("second", 2)]


def test_a_failed_job_says_one_line_and_logs_its_traceback(caplog):
    def broken(cancel):
        raise ValueError("no such pair")

    messages = []
    with caplog.at_level(logging.ERROR, logger="lstm_adder.session.executor"):
        Immediate().submit(broken, messages.append, messages.append)
    assert messages == ["ValueError: no such pair"]
    (record,) = caplog.records
    assert record.exc_info[0] is ValueError and "broken" in record.getMessage()
