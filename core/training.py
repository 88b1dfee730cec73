"""One trainer for the command line and the GUI.

The trainer knows the recipe, the data split and the model; everything else (progress bars,
plots, a Qt worker) is an Observer. Observers get throttled batch progress and per-epoch
metrics, and `Trainer.stop()` may be called from any thread: it takes effect after the batch
that is running.

The run's history keeps, of every epoch, the metrics and the packed wrong-bit map
(core.maps), so its memory stays flat however many epochs it runs; it keeps each epoch's
weights (an engine, about 2 MB for the seed model) only when asked (`keep_epochs`, the
command line's --keep-epochs and the window's "Keep every epoch"), and
core.recipes.check_recipe counts them then. Observers see every epoch's engine either way.
"""

from __future__ import annotations

import enum
import math
import threading
import time
from dataclasses import dataclass, field, fields, replace

import numpy as np

from lstm_adder.core.data import Split, make_split
from lstm_adder.core.engine import TABLE_MAX_BITS, Engine
from lstm_adder.core.evaluation import Report, judge_all, judge_pairs, loss_value
from lstm_adder.core.maps import PackedMap
from lstm_adder.core.models import build_model
from lstm_adder.core.recipes import Recipe

# Every pair is judged after every epoch up to TABLE_MAX_BITS (the engine's prefix-sharing
# table: ~0.7 s for the seed model against an epoch of ~36 s here); wider, a fixed sample.
EVAL_SAMPLE = 4096
BATCH_EVERY = 5  # batches between progress reports (the app's and the command line's)


@dataclass
class BatchProgress:
    epoch: int  # 0-based
    epochs: int
    batch: int  # batches done in this epoch
    batches: int  # batches per epoch
    loss: float  # running mean over the epoch so far
    elapsed: float  # seconds since training began


@dataclass
class EpochMetrics:
    epoch: int  # 1-based: epochs completed
    loss: float
    heldout_loss: float | None
    exact: float  # exact-match rate over the evaluation pairs
    heldout_exact: float | None
    bit_accuracy: list[float]  # per output bit, LSB first
    eval_pairs: int  # how many pairs `exact` is over
    elapsed: float
    # The judgement itself when it covered every pair, and the engine (plain weight arrays)
    # of the model after this epoch: what a watching window shows. Not saved. The history
    # keeps neither the report nor (unless every epoch is kept) the engine.
    report: Report | None = field(default=None, repr=False, compare=False)
    engine: Engine | None = field(default=None, repr=False, compare=False)
    wrong_map: PackedMap | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in ("report", "engine", "wrong_map")}


class Ended(enum.Enum):
    """How a run ended. The GUI shows each in its own words and colour."""

    FINISHED = "finished"  # every epoch of the recipe ran
    PERFECT = "exactly right"  # stopped early: exactly right on every pair
    STOPPED = "stopped"  # the user asked it to stop
    DIVERGED = "diverged"  # the loss became NaN or infinite


@dataclass
class TrainResult:
    model: object
    recipe: Recipe
    history: list[EpochMetrics]
    reason: str  # why training ended, in words
    best_epoch: int
    split_info: dict = field(default_factory=dict)
    ended: Ended = Ended.FINISHED
    stopped_at: BatchProgress | None = None  # where a stop cut the last epoch short
    initial: Engine | None = None  # the untrained model (epoch 0 of the replay)
    initial_map: np.ndarray | None = None  # its wrong bits for every pair (<= 8 bits)

    def timeline(self):
        """The run epoch by epoch (core.replay.Timeline), its weights when they were kept."""
        from lstm_adder.core.replay import Timeline

        return Timeline.from_run(self.recipe.bits, self.initial, self.initial_map,
                                 self.history)

    def replay_entries(self, keep_weights: bool) -> dict:
        """The zip entries a saved model adds for replay: every epoch's weights, if asked and
        kept."""
        from lstm_adder.core.replay import WEIGHTS_ENTRY, weights_entry

        engines = self.timeline().engines if keep_weights and self.initial is not None else None
        return {} if engines is None else {WEIGHTS_ENTRY: weights_entry(engines)}

    def save_parts(self, keep_weights: bool) -> tuple[dict, dict]:
        """(lstm_adder.json, the zip entries to add) for saving this run."""
        extra = self.replay_entries(keep_weights)
        return with_weights_flag(self.info(), extra), extra

    @property
    def ok(self) -> bool:
        return self.ended is not Ended.DIVERGED

    def info(self) -> dict:
        """What a saved model records about how it was made."""
        return {
            "encoding": self.recipe.encoding.name,
            "bits": self.recipe.bits,
            "recipe": self.recipe.to_dict(),
            "history": [m.to_dict() for m in self.history],
            "reason": self.reason,
            "best_epoch": self.best_epoch,
            "split": self.split_info,
        } | self._replay_info()

    def _replay_info(self) -> dict:
        from lstm_adder.core.replay import REPLAY_KEY

        maps = [self.initial_map] + [m.wrong_map for m in self.history]
        if self.initial is None or any(m is None for m in maps):
            return {}  # judged on a sample: no map to replay
        return {REPLAY_KEY: self.timeline().info()}


def with_weights_flag(info: dict, extra: dict) -> dict:
    """`info` whose replay record says whether the file carries every epoch's weights, that is
    whether `extra` (the zip entries saved beside the network) holds them. The one place that
    sets the flag; `info` without a replay record is returned as it is."""
    from lstm_adder.core.replay import REPLAY_KEY, WEIGHTS_ENTRY

    if REPLAY_KEY not in info:
        return info
    return info | {REPLAY_KEY: info[REPLAY_KEY] | {"weights": WEIGHTS_ENTRY in extra}}


class Observer:
    """Override what you need. Called from the training thread."""

    def on_train_begin(self, recipe: Recipe, batches: int) -> None: ...
    def on_initial(self, engine: Engine, wrong_map: np.ndarray | None) -> None: ...
    def on_batch(self, progress: BatchProgress) -> None: ...
    def on_epoch(self, metrics: EpochMetrics, model) -> None: ...
    def on_train_end(self, result: TrainResult) -> None: ...


class Trainer:
    def __init__(self, recipe: Recipe, observers=(), batch_every: int = BATCH_EVERY,
                 model=None, keep_epochs: bool = False, logdir=None):
        """`keep_epochs`: the history keeps every epoch's engine; `logdir`: a folder to log
        the run to for TensorBoard (core.logdir), or None."""
        from lstm_adder.core.logdir import RunLog

        self.recipe = recipe
        self.keep_epochs = keep_epochs
        self.log = None if logdir is None else RunLog(logdir)
        self.observers = list(observers) + ([self.log] if self.log else [])
        self.batch_every = max(1, batch_every)
        self.model = model
        self._stop = threading.Event()
        self.split: Split = make_split(recipe.bits, recipe.holdout, recipe.seed)

    def stop(self) -> None:
        """Ask training to end after the current batch (safe from any thread: it only sets
        an event, which the batch callback reads on the training thread)."""
        self._stop.set()

    def _emit(self, name: str, *args) -> None:
        """Call hook `name` of every observer that has it (an observer need not subclass
        Observer: four or five plain methods will do)."""
        for observer in self.observers:
            hook = getattr(observer, name, None)
            if hook is not None:
                hook(*args)

    def run(self) -> TrainResult:
        import keras  # here, not at the top: importing core.training imports no TensorFlow

        recipe = self.recipe
        encoding = recipe.encoding
        keras.utils.set_random_seed(recipe.seed)
        if self.model is None:
            self.model = build_model(recipe)
        model = self.model
        judged = self._judged_index()
        initial = Engine.from_model(model, recipe.bits)
        initial_map = self._wrong_map(initial)

        batches = math.ceil(len(self.split.epoch_pairs(0)) / recipe.batch_size)
        self._emit("on_train_begin", recipe, batches)
        self._emit("on_initial", initial, initial_map)  # epoch 0 of the replay
        callback = _batch_callback(self, batches)
        callbacks = [callback] + (self.log.callbacks() if self.log else [])
        history: list[EpochMetrics] = []
        best = (-1.0, math.inf, 0, None)  # (exact, loss, epoch, weights)
        reason, ended = f"finished {_epochs(recipe.epochs)}", Ended.FINISHED
        stopped_at = None  # the last batch report of an epoch a stop cut short
        start = time.perf_counter()
        callback.start = start
        for epoch in range(recipe.epochs):
            if self._stop.is_set():
                reason, ended = f"stopped by user after {_epochs(epoch)}", Ended.STOPPED
                break
            x, y = _xy(encoding, self.split.epoch_pairs(epoch))
            callback.epoch, callback.done = epoch, 0
            fit = model.fit(x, y, batch_size=recipe.batch_size, initial_epoch=epoch,
                            epochs=epoch + 1, shuffle=True, verbose=0, callbacks=callbacks)
            loss = float(fit.history["loss"][-1]) if fit.history.get("loss") else math.nan
            if callback.diverged or not math.isfinite(loss):
                reason = f"diverged: loss became {loss} in epoch {epoch + 1}"
                ended = Ended.DIVERGED
                break
            if self._stop.is_set() and callback.done < batches:  # cut short: not an epoch
                reason = (f"stopped by user after {_epochs(epoch)} and {callback.done} of "
                          f"{batches} batches")
                ended, stopped_at = Ended.STOPPED, callback.last
                break
            metrics = self._epoch_metrics(epoch + 1, loss, Engine.from_model(model, recipe.bits),
                                           judged)
            metrics.elapsed = time.perf_counter() - start
            metrics.wrong_map = self._map_of(metrics)
            kept = metrics.engine.without_table() if self.keep_epochs else None
            history.append(replace(metrics, report=None, engine=kept))
            if (metrics.exact, -metrics.loss) > (best[0], -best[1]):
                best = (metrics.exact, metrics.loss, epoch + 1, model.get_weights())
            self._emit("on_epoch", metrics, model)
            if self._stop.is_set():
                reason, ended = f"stopped by user after {_epochs(epoch + 1)}", Ended.STOPPED
                break
            judged_all = metrics.eval_pairs == len(self.split.table)
            if recipe.stop_when_perfect and judged_all and metrics.exact == 1.0:
                reason = (f"exactly right on all {metrics.eval_pairs:,} pairs "
                          f"after epoch {epoch + 1}")
                ended = Ended.PERFECT
                break

        best_epoch = len(history)
        if stopped_at is not None:
            pass  # stopped mid-epoch: the model is what the user stopped, as it is
        elif best[3] is not None and history and best[0] > history[-1].exact:
            model.set_weights(best[3])  # the final epoch was worse: keep the best one
            best_epoch = best[2]
        if ended is Ended.DIVERGED and best[3] is not None:
            model.set_weights(best[3])
            best_epoch = best[2]
        result = TrainResult(model, recipe, history, reason, best_epoch, self._split_info(),
                             ended, stopped_at, initial, initial_map)
        self._emit("on_train_end", result)
        return result

    def _judged_index(self) -> np.ndarray:
        """Which table rows to judge after each epoch: all, unless there are too many."""
        count = len(self.split.table)
        if self.split.full and self.recipe.bits <= TABLE_MAX_BITS:
            return np.arange(count)
        rng = np.random.default_rng(self.recipe.seed + 1)
        return np.sort(rng.choice(count, EVAL_SAMPLE, replace=False))

    def _epoch_metrics(self, epoch: int, loss: float, engine: Engine, judged) -> EpochMetrics:
        pairs = self.split.table.subset(judged)
        report, probs = judge_pairs(engine, pairs)
        exact = report.wrong_bits == 0
        heldout_loss = heldout_exact = None
        if self.split.heldout is not None:
            held = self.split.heldout[judged]
            heldout_loss = loss_value(probs[held], pairs.subset(held).sum_bits(),
                                      self.recipe.loss)
            heldout_exact = float(exact[held].mean())
        return EpochMetrics(epoch, loss, heldout_loss, float(exact.mean()), heldout_exact,
                            report.bit_accuracy.tolist(), len(pairs), 0.0,
                            report=report if report.everything else None, engine=engine)

    def _wrong_map(self, engine: Engine) -> np.ndarray | None:
        """Every pair's wrong-bit count (uint8), when every pair is judged."""
        if not (self.split.full and self.recipe.bits <= TABLE_MAX_BITS):
            return None
        return judge_all(engine).wrong_bits.astype(np.uint8)

    @staticmethod
    def _map_of(metrics: EpochMetrics) -> PackedMap | None:
        report = metrics.report
        return None if report is None else PackedMap.pack(report.wrong_bits)

    def _split_info(self) -> dict:
        return {"holdout": self.recipe.holdout, "seed": self.recipe.seed,
                "full_table": self.split.full}


def _epochs(count: int) -> str:
    return f"{count} epoch{'s' * (count != 1)}"


def _xy(encoding, pairs):
    return encoding.inputs(pairs.a_bits, pairs.b_bits), encoding.targets(pairs.sum_bits())


def train(recipe: Recipe, observers=(), **kwargs) -> TrainResult:
    return Trainer(recipe, observers, **kwargs).run()


def _batch_callback(trainer: Trainer, batches: int):
    """A Keras callback that forwards every `batch_every`-th batch to the observers and
    honours stop and NaN. (Defined on first use: Keras is imported only to train.)"""
    import keras

    class BatchCallback(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.epoch, self.start, self.diverged, self.done = 0, 0.0, False, 0
            self.last: BatchProgress | None = None

        def on_train_batch_end(self, batch, logs=None):
            loss = float((logs or {}).get("loss", 0.0))
            if not math.isfinite(loss):
                self.diverged = True
                self.model.stop_training = True
                return
            done = self.done = batch + 1
            self.last = BatchProgress(self.epoch, trainer.recipe.epochs, done, batches, loss,
                                      time.perf_counter() - self.start)
            if done % trainer.batch_every == 0 or done == batches or trainer._stop.is_set():
                trainer._emit("on_batch", self.last)
            if trainer._stop.is_set():  # checked after the observers, who may have asked
                self.model.stop_training = True

    return BatchCallback()
