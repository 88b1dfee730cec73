"""The engine and the trainer against Keras's own calls, timed in the same run.

    click     one pair through the calculator's path: the engine's table, looked up
    forward   one pair through the engine's one-pair forward (no table yet)
    table     every pair of the seed model by shared prefixes, against model.predict
    cells     forward and table for a seed-sized model of each cell (LSTM, GRU, SimpleRNN),
              untrained (the time does not depend on the weights), each against its predict
    training  the app's Trainer (judging every pair after each epoch) against plain fit,
              in turns, each keeping its best
    carry     the carry recipe, from Start to exactly right on every pair
"""

from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from lstm_adder.assets import BUNDLED
from lstm_adder.core.cells import CELLS
from lstm_adder.core.data import Split, full_table
from lstm_adder.core.engine import TABLE_MAX_BITS, Engine
from lstm_adder.core.recipes import Recipe, get_recipe
from lstm_adder.core.training import BATCH_EVERY, Ended, Observer, Trainer

PREDICT_BATCH = 4096


@dataclass
class Bundled:
    """A bundled model as the engine reads it and as Keras loads it (for the baselines)."""

    engine: Engine
    model: object
    note: str


def bundled(name: str) -> Bundled:
    """The bundled model `name`, or a fresh model of the same shape if the file is missing."""
    from lstm_adder.core.models import build_model
    from lstm_adder.core.storage import load_model

    path = BUNDLED[name]
    if path.is_file():
        return Bundled(Engine.from_file(path)[0], load_model(path).model, f"{name}: {path.name}")
    recipe = get_recipe(name)
    model = build_model(recipe)
    return Bundled(Engine.from_model(model, recipe.bits), model,
                   f"{name}: {path.name} missing, timed an untrained model of the same shape")


def cell_models(recipe: Recipe) -> dict[str, Bundled]:
    """{cell name: an untrained model of `recipe`'s layout and size with that cell}."""
    import keras

    from lstm_adder.core.models import build_model

    models = {}
    for cell in CELLS.values():
        keras.utils.set_random_seed(recipe.seed)
        model = build_model(replace(recipe, cell=cell))
        models[cell.name] = Bundled(Engine.from_model(model, recipe.bits), model, "")
    return models


def _pairs(engine: Engine, calls: int, seed: int = 0) -> list[list[int]]:
    rng = np.random.default_rng(seed)
    return rng.integers(0, engine.max_operand + 1, size=(calls, 2)).tolist()


def _each_ms(work, items) -> np.ndarray:
    times = []
    for item in items:
        start = time.perf_counter()
        work(*item)
        times.append(time.perf_counter() - start)
    return 1e3 * np.array(times)


def click_ms(engine: Engine, calls: int) -> np.ndarray:
    """Milliseconds per answer on the calculator's path (the judged table, when it exists)."""
    if engine.bits <= TABLE_MAX_BITS:
        engine.table()
    return _each_ms(engine.answer, _pairs(engine, calls))


def forward_ms(engine: Engine, calls: int) -> np.ndarray:
    """Milliseconds per answer through the one-pair forward: an engine with no table."""
    fresh = Engine(engine.net, engine.encoding, engine.bits)
    return _each_ms(fresh.answer, _pairs(fresh, calls))


def _inputs(engine: Engine, pairs: int | None = None) -> np.ndarray:
    table = full_table(engine.bits)
    return engine.encoding.inputs(table.a_bits[:pairs], table.b_bits[:pairs])


def predict_ms(model, engine: Engine, calls: int) -> np.ndarray:
    """Milliseconds per `model.predict` on one pair: the baseline for a click."""
    x = _inputs(engine, 1)
    model.predict(x, verbose=0)
    return _each_ms(lambda: model.predict(x, verbose=0), [()] * calls)


def table_s(engine: Engine, repeats: int) -> float:
    """Median seconds for every pair through a fresh engine's prefix walk."""
    return median_seconds(lambda: Engine(engine.net, engine.encoding, engine.bits).table(),
                          repeats)


def ablation_sweep_s(engine: Engine, units: int) -> float:
    """Seconds for "which units matter" (every unit knocked out in turn, each judged on
    every pair), extrapolated from its first `units` units: the sweep's own code, cancelled
    after them. The first unit's time, which holds the intact model's judgement, counts
    once; the mean of the others counts for every unit after it."""
    from lstm_adder.core.ablation import which_units_matter

    fresh = Engine(engine.net, engine.encoding, engine.bits)
    start, marks = time.perf_counter(), []
    which_units_matter(fresh, progress=lambda done, total: marks.append(time.perf_counter()),
                       cancel=lambda: len(marks) >= max(2, units))
    if len(marks) < 2:  # a one-unit layer
        return marks[-1] - start
    each = (marks[-1] - marks[0]) / (len(marks) - 1)
    return (marks[0] - start) + each * (engine.units - 1)


def table_predict_s(model, engine: Engine, repeats: int) -> float:
    """Median seconds for the same pairs through `model.predict(x, batch_size=4096)`."""
    x = _inputs(engine)
    model.predict(x[:PREDICT_BATCH], batch_size=PREDICT_BATCH, verbose=0)
    return median_seconds(lambda: model.predict(x, batch_size=PREDICT_BATCH, verbose=0),
                          repeats)


def median_seconds(work, repeats: int) -> float:
    times = []
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def forward_flops(engine: Engine) -> float:
    """Forward FLOPs for one pair run alone, counted from the architecture.

    Per step each of the cell's gates (an LSTM's 4) computes W.x + U.h + b: gates * units *
    (features + units) multiply-adds, 2 FLOPs each; the Dense head costs 2 * units * outputs, once
    (seed) or at every step (carry). Seed: 16 * 2 * 4 * 256 * 257 + 2 * 256 * 9 = 8.43 MFLOP.
    The table's GFLOP/s counts these FLOPs for every pair: work the prefix walk avoids counts
    as done, so the figure says how fast the table is, not how busy the CPU was.
    """
    net, encoding = engine.net, engine.encoding
    steps = encoding.steps(engine.bits)
    outputs = net.head_kernel.shape[1] * (steps if net.return_sequences else 1)
    gates = len(net.cell.gates)
    return steps * 2 * gates * net.units * (net.features + net.units) + 2 * net.units * outputs


def matmul_peak_gflops(n: int, repeats: int = 5) -> float:
    """Best GFLOP/s of an n x n float32 numpy matmul (the engine's own kernel) here."""
    rng = np.random.default_rng(0)
    a, b = (rng.random((n, n), dtype=np.float32) for _ in range(2))
    best = math.inf
    for _ in range(repeats + 1):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2 * n**3 / best / 1e9


# ---------------------------------------------------------------- training


class AppObserver(Observer):
    """What the app's worker passes on from the training thread: throttled batch progress
    and each epoch's metrics (with the epoch's engine). Notes when each came."""

    def __init__(self):
        self.batch_times, self.epoch_times = [], []

    def on_batch(self, progress) -> None:
        self.batch_times.append((progress.epoch, progress.batch, time.perf_counter()))

    def on_epoch(self, metrics, model) -> None:
        self.epoch_times.append(time.perf_counter())


def subset_pairs(recipe: Recipe, samples: int):
    """A seeded sample of the recipe's pairs (all of them when `samples` is large enough)."""
    table = full_table(recipe.bits)
    index = np.random.default_rng(recipe.seed).permutation(len(table))[:samples]
    return table.subset(np.sort(index))


def plain_samples_per_s(recipe: Recipe, batches: int) -> float:
    """Samples/s of a plain `model.fit` epoch on `batches` batches, after a warm-up epoch."""
    import keras

    from lstm_adder.core.models import build_model

    encoding = recipe.encoding
    pairs = subset_pairs(recipe, batches * recipe.batch_size)
    x, y = encoding.inputs(pairs.a_bits, pairs.b_bits), encoding.targets(pairs.sum_bits())
    keras.utils.set_random_seed(recipe.seed)
    model = build_model(recipe)
    model.fit(x, y, batch_size=recipe.batch_size, epochs=1, shuffle=True, verbose=0)
    start = time.perf_counter()
    model.fit(x, y, batch_size=recipe.batch_size, epochs=1, shuffle=True, verbose=0)
    return len(x) / (time.perf_counter() - start)


@dataclass
class AppTraining:
    samples_per_s: float  # the whole second epoch: fit, judging every pair, reports
    fit_samples_per_s: float  # the fit part of it alone
    epoch_overhead_s: float  # judging and observers in that epoch
    peak_rss_mb: float | None


def app_samples_per_s(recipe: Recipe, batches: int) -> AppTraining:
    """The same through core's Trainer with the app's observer; the second epoch is timed.
    The trainer judges every pair of the full table after each epoch, as in the app."""
    observer = AppObserver()
    trainer = Trainer(replace(recipe, epochs=2, stop_when_perfect=False), [observer],
                      batch_every=BATCH_EVERY)
    pairs = subset_pairs(recipe, batches * recipe.batch_size)
    table = full_table(recipe.bits)
    trained = np.zeros(len(table), bool)
    trained[(pairs.a << recipe.bits) | pairs.b] = True
    trainer.split = Split(recipe.bits, table, ~trained if not trained.all() else None,
                          recipe.seed, full=True)
    reset_peak_rss()
    trainer.run()
    rss = peak_rss_mb()
    first_end, second_end = observer.epoch_times
    fit_end = max(t for epoch, _, t in observer.batch_times if epoch == 1)
    return AppTraining(len(pairs) / (second_end - first_end), len(pairs) / (fit_end - first_end),
                       second_end - fit_end, rss)


def carry_time_to_perfect(recipe: Recipe) -> tuple[float, bool, str]:
    """Seconds from pressing Start (model build included) until exactly right on all pairs."""
    start = time.perf_counter()
    result = Trainer(recipe).run()
    seconds = time.perf_counter() - start
    return seconds, result.ended is Ended.PERFECT, result.reason


def reset_peak_rss() -> None:
    """Reset the kernel's peak-RSS mark for this process (Linux 4.0+; ignored elsewhere)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process since the last reset, in MB (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None
