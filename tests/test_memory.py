"""Training memory stays flat across epochs unless every epoch is kept (issue 16 item 5).

A run keeps per epoch its packed wrong-bit map and its metrics; each epoch's engine (its
weights) only with "Keep every epoch", and then the memory check counts them. Measured on the
objects a run retains (weak references to every epoch's engine, the timeline's bytes), not on
the process's resident memory."""

import gc
import weakref

import numpy as np
import pytest

from lstm_adder.core.evaluation import judge_all
from lstm_adder.core.maps import PackedMap
from lstm_adder.core.recipes import FLOAT_BYTES, check_recipe, get_recipe
from lstm_adder.core.training import Trainer
from lstm_adder.session.executor import Threaded
from lstm_adder.session.session import Session

TINY = dict(bits=3, units=4, epochs=6, batch_size=8, holdout=0.0, stop_when_perfect=False)


def run_in_session(keep: bool, at_epoch=None):
    """A real run through the session, as the Training tab starts it; weak references to
    every epoch's engine as it was reported. `at_epoch(session, metrics)` is called on each
    epoch after the session has taken it in."""
    executor = Threaded()
    session = Session(executor)
    session.set_keep_epochs(keep)
    session.set_watch(True)
    reported = []

    def taken(metrics):
        reported.append(weakref.ref(metrics.engine))
        if at_epoch is not None:
            at_epoch(session, metrics)

    session.run.epoch.connect(taken)  # after the session's own handler
    assert session.start_training(get_recipe("carry", **TINY))
    assert executor.deliver()
    gc.collect()
    return session, reported


def test_without_keep_a_run_retains_no_epoch_s_weights_only_packed_maps():
    seen = {}

    def replay_epoch_two_while_it_runs(session, metrics):
        if metrics.epoch == 4:
            session.show_epoch(2)
            seen["model"], seen["message"] = session.on_show.model, session.on_show.message
            seen["watched"] = session.watched
            session.show_epoch(session.replay.epochs)  # back to following the run

    session, reported = run_in_session(False, replay_epoch_two_while_it_runs)
    alive = [ref for ref in reported if ref() is not None]
    assert len(reported) == 6 and len(alive) <= 1  # at most the last one watched
    timeline = session.replay.timeline
    assert timeline.engines is None and timeline.epochs == 6
    maps = [m for m in timeline.maps if m is not None]
    assert len(maps) == 7 and all(isinstance(m, PackedMap) for m in maps)
    # what it keeps is the packed maps alone: no byte of weights, whatever the model's size
    assert timeline.nbytes == sum(m.nbytes for m in maps)
    assert all(m.nbytes <= 2 * m.size for m in maps)  # a 64-pair map packs to tens of bytes
    (entry,) = session.models
    assert entry.timeline.engines is None  # the model's own timeline: maps too
    # during the run, an epoch replayed showed its map while the run's newest epoch answered
    assert seen["model"] is seen["watched"] is not None
    assert "did not keep its epochs' weights" in seen["message"]
    # after it, the final model answers, and the map is the epoch's own
    session.show_epoch(1)
    assert session.on_show.model is entry and session.on_show.engine is entry.engine
    assert f"while {entry.name} answers" in session.on_show.message
    assert session.executor.deliver()  # the epoch judged off the thread: its saved map
    assert session.insight.epoch == 1
    report = session.insight.found.report
    np.testing.assert_array_equal(report.wrong_bits, timeline.maps[1].array())
    assert report.bit_accuracy.tolist() == timeline.history[0]["bit_accuracy"]


def test_with_keep_a_run_retains_every_epoch_s_weights():
    session, reported = run_in_session(True)
    timeline = session.replay.timeline
    assert len(timeline.engines) == 7
    weights = sum(w.nbytes for w in timeline.engines[-1].weights)
    assert weights == FLOAT_BYTES * get_recipe("carry", **TINY).parameters
    assert timeline.nbytes >= 7 * weights
    session.show_epoch(1)  # the epoch itself answers, judged again from its weights
    assert session.executor.deliver()
    epoch_one = timeline.engines[1]
    assert session.on_show.engine is epoch_one
    assert session.insight.found.report.wrong_count == judge_all(
        epoch_one.without_table()).wrong_count


def test_the_trainer_s_history_keeps_weights_only_when_asked():
    recipe = get_recipe("carry", **dict(TINY, epochs=3))
    plain = Trainer(recipe).run()
    assert all(m.engine is None and isinstance(m.wrong_map, PackedMap) for m in plain.history)
    assert plain.timeline().engines is None and plain.replay_entries(True) == {}
    kept = Trainer(recipe, keep_epochs=True).run()
    assert all(m.engine is not None for m in kept.history)
    assert len(kept.timeline().engines) == 4 and kept.replay_entries(True)


def test_a_packed_map_is_the_map():
    wrong = np.random.default_rng(0).integers(0, 9, 1 << 16).astype(np.uint8)
    packed = PackedMap.pack(wrong)
    np.testing.assert_array_equal(packed.array(), wrong)
    np.testing.assert_array_equal(np.asarray(packed), wrong)
    assert packed.nbytes < wrong.nbytes and PackedMap.of(packed) is packed


def test_the_memory_check_counts_kept_epochs_and_refuses_too_many():
    recipe = get_recipe("seed", epochs=10_000)  # 8-bit, 256 units: ~1 MB of weights
    weights = FLOAT_BYTES * recipe.parameters
    per_epoch = recipe.epoch_bytes(True) - recipe.epoch_bytes(False)
    assert per_epoch == 2 * weights  # the arrays and the engine's prepared copy
    base = recipe.training_bytes(False)
    assert recipe.training_bytes(True) == base + 10_001 * per_epoch
    have = base + 1000 * per_epoch  # room for a thousand kept epochs, not ten thousand
    assert check_recipe(recipe, memory=have) == []
    (problem,) = check_recipe(recipe, memory=have, keep_epochs=True)
    assert problem.startswith("Training would need about ") and " GB of memory" in problem
    assert "Epochs 10,000, every one kept" in problem and problem.endswith("is available")
    assert check_recipe(get_recipe("seed", epochs=900), memory=have, keep_epochs=True) == []


@pytest.mark.parametrize("bits", [4, 8, 10])
def test_without_keep_an_epoch_costs_its_packed_map_and_metrics_only(bits):
    small, big = (get_recipe("seed", bits=bits, units=units) for units in (8, 1024))
    assert small.epoch_bytes(False) == big.epoch_bytes(False)  # no weights in it
    assert big.epoch_bytes(True) > big.epoch_bytes(False) + (8 << 20)
