"""The trainer: it learns, it stops when asked, it refuses to diverge quietly."""

import math

import numpy as np

from lstm_adder.core.models import build_model
from lstm_adder.core.recipes import get_recipe
from lstm_adder.core.training import Observer, Trainer

TINY = dict(bits=3, units=4, epochs=3, batch_size=8, holdout=0.25)


class Recorder(Observer):
    def __init__(self, stop_after_batches=None, trainer=None):
        self.batches, self.epochs, self.ended = [], [], None
        self.stop_after, self.trainer = stop_after_batches, trainer

    def on_batch(self, progress):
        self.batches.append(progress)
        if self.stop_after and len(self.batches) >= self.stop_after:
            self.trainer.stop()

    def on_epoch(self, metrics, model):
        self.epochs.append(metrics)

    def on_train_end(self, result):
        self.ended = result


def test_tiny_training_lowers_the_loss_and_reports_everything():
    recorder = Recorder()
    trainer = Trainer(get_recipe("carry", **(TINY | {"epochs": 8})), [recorder], batch_every=2)
    result = trainer.run()
    assert [m.epoch for m in result.history] == list(range(1, 9))
    assert result.history[-1].loss < result.history[0].loss
    assert recorder.ended is result and recorder.epochs == result.history
    assert recorder.batches and all(b.batch % 2 == 0 or b.batch == b.batches
                                    for b in recorder.batches)
    last = result.history[-1]
    assert len(last.bit_accuracy) == 4 and 0 <= last.exact <= 1
    assert last.heldout_exact is not None and last.heldout_loss is not None
    assert last.eval_pairs == 64
    info = result.info()
    assert info["recipe"]["name"] == "carry" and len(info["history"]) == 8


def test_stop_takes_effect_within_one_batch():
    recipe = get_recipe("seed", **(TINY | {"epochs": 5}))
    trainer = Trainer(recipe, batch_every=1)
    recorder = Recorder(stop_after_batches=2, trainer=trainer)
    trainer.observers.append(recorder)
    result = trainer.run()
    assert len(recorder.batches) == 2  # the batch after the request never ran
    assert result.history == [] and "stopped" in result.reason  # epoch 1 was cut short


def test_same_seed_same_run():
    recipe = get_recipe("carry", **TINY)
    one, two = Trainer(recipe).run(), Trainer(recipe).run()
    assert [m.loss for m in one.history] == [m.loss for m in two.history]
    for w1, w2 in zip(one.model.get_weights(), two.model.get_weights(), strict=True):
        np.testing.assert_array_equal(w1, w2)


def test_a_nan_loss_stops_training_with_a_reason():
    recipe = get_recipe("seed", **(TINY | {"epochs": 4}))
    model = build_model(recipe)
    weights = model.get_weights()
    weights[-1][0] = math.nan  # one poisoned output bias makes the loss NaN
    model.set_weights(weights)
    recorder = Recorder()
    result = Trainer(recipe, [recorder], model=model).run()
    assert not result.ok
    assert result.reason.startswith("diverged") and "epoch 1" in result.reason
    assert result.history == [] and recorder.ended is result


def test_an_epoch_that_judged_every_pair_carries_its_judgement():
    from lstm_adder.core.engine import Engine
    from lstm_adder.core.evaluation import evaluate

    class Reports(Observer):
        def __init__(self):
            self.reports = []

        def on_epoch(self, metrics, model) -> None:
            self.reports.append(metrics.report)

    seen = Reports()
    result = Trainer(get_recipe("carry", **TINY), [seen], keep_epochs=True).run()
    last = result.history[-1]
    assert last.eval_pairs == 64 and seen.reports[-1] is not None
    again = evaluate(Engine.from_model(result.model, 3))  # the best epoch is the last here
    if result.best_epoch == len(result.history):
        np.testing.assert_array_equal(seen.reports[-1].wrong_bits, again.wrong_bits)
        np.testing.assert_array_equal(last.wrong_map, again.wrong_bits)
    assert seen.reports[-1].exact == last.exact
    # the history keeps the map and (asked to) the weights, not the report and its table
    assert last.report is None and not last.engine.has_table
    assert "report" not in last.to_dict()  # the history saved with a model stays small


def test_a_run_replays_epoch_by_epoch_and_its_file_keeps_the_maps(tmp_path):
    from lstm_adder.core.engine import Engine
    from lstm_adder.core.evaluation import judge_all
    from lstm_adder.core.replay import Timeline
    from lstm_adder.core.storage import save_model

    result = Trainer(get_recipe("carry", **TINY), keep_epochs=True).run()
    timeline = result.timeline()
    assert timeline.epochs == len(result.history) == 3
    for epoch in range(timeline.epochs + 1):  # each map is that epoch's model judged again
        report = judge_all(timeline.engine(epoch))
        np.testing.assert_array_equal(timeline.maps[epoch], report.wrong_bits)
    path = save_model(result.model, tmp_path / "c.keras", result.info(),
                      result.replay_entries(keep_weights=True))
    _, info = Engine.from_file(path)
    again = Timeline.from_file(path)
    for epoch in range(4):
        np.testing.assert_array_equal(again.maps[epoch], timeline.maps[epoch])
        np.testing.assert_array_equal(again.engine(epoch).table(),
                                      timeline.engine(epoch).table())
    plain = Timeline.from_info(info)  # maps only: the map and curves still replay
    assert plain.engine(1) is None
    np.testing.assert_array_equal(plain.report(1).wrong_bits, timeline.maps[1])


def test_a_stop_mid_epoch_reports_where_it_stopped_and_no_partial_epoch():
    from lstm_adder.core.training import Ended

    class StopAtBatch(Observer):
        def __init__(self):
            self.trainer, self.batches = None, []

        def on_batch(self, progress) -> None:
            self.batches.append(progress)
            if progress.epoch == 1 and progress.batch >= 2:
                self.trainer.stop()

    observer = StopAtBatch()
    trainer = Trainer(get_recipe("carry", **(TINY | {"epochs": 5, "batch_size": 4})),
                      [observer], batch_every=1)
    observer.trainer = trainer
    result = trainer.run()
    assert result.ended is Ended.STOPPED
    assert len(result.history) == 1  # epoch 2 was cut short: no metrics pretend it ran
    done, total = result.stopped_at.batch, result.stopped_at.batches
    assert result.stopped_at.epoch == 1 and 2 <= done < total
    assert result.reason == f"stopped by user after 1 epoch and {done} of {total} batches"
    assert observer.batches[-1] == result.stopped_at  # the plot's last point is the stop
