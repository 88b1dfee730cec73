"""`lstm-adder bench`: how fast the app answers, fills its table and trains, against baselines.

Every measurement is a small function that takes its sizes, so the tests can run it tiny.
`run` strings them together, prints one table (key, value, baseline, target, met?) and can
write the numbers as JSON. The window's part (timer lateness, start-up) lives in
gui.lateness and is imported lazily: core never imports Qt.

    python -m core.bench --options     compare training options (steps_per_execution, XLA, ...)

Timings on a shared machine are noisy: compare two runs before believing a small difference.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import platform
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from core.data import Split, full_table
from core.encodings import ENCODINGS
from core.inference import CHUNK, Adder
from core.models import build_model, compile_model, lstm_layer
from core.recipes import Recipe, get_recipe
from core.training import Observer, Trainer


@dataclass(frozen=True)
class Sizes:
    clicks: int = 1000  # one-pair answers timed per model
    predicts: int = 100  # model.predict calls on one pair (~35 ms each)
    table_repeats: int = 3  # timed passes over all 65,536 pairs (median kept)
    matmul_n: int = 2048
    train_batches: int = 512  # per timed epoch, for plain fit and for the Trainer alike
    idle_s: float = 5.0  # timer lateness with nothing running
    training_s: float = 30.0  # timer lateness while the worker trains
    start_timeout_s: float = 120.0  # give up waiting for a new app's first answer
    train_rounds: int = 2  # plain and app training take turns this often; each keeps its best


FULL = Sizes()
QUICK = Sizes(clicks=200, predicts=20, table_repeats=1, matmul_n=1024, train_batches=64,
              idle_s=2.0, training_s=8.0, start_timeout_s=40.0, train_rounds=1)


@dataclass(frozen=True)
class Target:
    key: str
    text: str
    baseline: str | None = None
    check: object = None  # (value, baseline) -> bool; None: report only


TARGETS = [
    Target("click_ms_p50_seed", "<= 0.5 ms", "predict_ms_p50_seed", lambda v, b: v <= 0.5),
    Target("click_ms_p99_seed", "<= 2 ms", "predict_ms_p50_seed", lambda v, b: v <= 2.0),
    Target("click_ms_p50_carry", "<= 0.5 ms", None, lambda v, b: v <= 0.5),
    Target("table_s_seed", "<= 1.0x baseline", "table_predict_s_seed", lambda v, b: v <= b),
    Target("table_gflops_seed", ">= 50% of peak", "matmul_peak_gflops",
           lambda v, b: v >= 0.5 * b),
    Target("train_samples_per_s_app", ">= 1.0x baseline", "train_samples_per_s_plain",
           lambda v, b: v >= b),
    Target("carry_time_to_100_s", "<= 3 s", None, lambda v, b: v <= 3.0),
    Target("gui_lateness_ms_p99", "<= 50 ms", "gui_lateness_ms_p99_idle",
           lambda v, b: v <= 50.0),
    Target("start_window_s", "<= 1.5 s", None, lambda v, b: v <= 1.5),
    Target("start_first_answer_s", "<= 4 s", None, lambda v, b: v <= 4.0),
    Target("train_peak_rss_mb", "report"),
]
KEYS = sorted({t.key for t in TARGETS} | {t.baseline for t in TARGETS if t.baseline})


# ---------------------------------------------------------------- models and inference


def bench_model(name: str) -> tuple[Adder, str]:
    """The bundled model `name` as an Adder, or a fresh one of the same shape if it is missing."""
    from core.cli import BUNDLED
    from core.storage import load_model

    path = BUNDLED[name]
    if path.is_file():
        loaded = load_model(path)
        return Adder(loaded.model, loaded.encoding, loaded.bits), f"{name}: {path.name}"
    recipe = get_recipe(name)
    model = build_model(recipe)
    return (Adder(model, ENCODINGS[recipe.encoding], recipe.bits),
            f"{name}: {path.name} missing, timed an untrained model of the same architecture "
            "(speed does not depend on the weights)")


def click_ms(adder: Adder, calls: int, seed: int = 0) -> np.ndarray:
    """Milliseconds per `adder.answer(a, b)` (the app's one-pair path), random pairs."""
    rng = np.random.default_rng(seed)
    pairs = rng.integers(0, adder.max_operand + 1, size=(calls + 5, 2)).tolist()
    for a, b in pairs[:5]:  # the first call compiles
        adder.answer(a, b)
    times = []
    for a, b in pairs[5:]:
        start = time.perf_counter()
        adder.answer(a, b)
        times.append(time.perf_counter() - start)
    return 1e3 * np.array(times)


def _table_inputs(adder: Adder) -> tuple[np.ndarray, np.ndarray]:
    table = full_table(adder.bits)
    return table.a_bits, table.b_bits


def predict_ms(adder: Adder, calls: int) -> np.ndarray:
    """Milliseconds per `model.predict` on one pair: the baseline for a click."""
    a_bits, b_bits = _table_inputs(adder)
    x = adder.encoding.inputs(a_bits[:1], b_bits[:1])
    adder.model.predict(x, verbose=0)
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        adder.model.predict(x, verbose=0)
        times.append(time.perf_counter() - start)
    return 1e3 * np.array(times)


def table_s(adder: Adder, repeats: int, pairs: int | None = None) -> float:
    """Median seconds for `pairs` (default all) pairs through the app's batched path."""
    a_bits, b_bits = _table_inputs(adder)
    a_bits, b_bits = a_bits[:pairs], b_bits[:pairs]
    adder.probabilities(a_bits[:CHUNK], b_bits[:CHUNK])  # compile
    return _median_seconds(lambda: adder.probabilities(a_bits, b_bits), repeats)


def table_predict_s(adder: Adder, repeats: int, pairs: int | None = None) -> float:
    """Median seconds for the same pairs through `model.predict(x, batch_size=4096)`."""
    x = adder.encoding.inputs(*(bits[:pairs] for bits in _table_inputs(adder)))
    adder.model.predict(x[:CHUNK], batch_size=CHUNK, verbose=0)
    return _median_seconds(lambda: adder.model.predict(x, batch_size=CHUNK, verbose=0), repeats)


def _median_seconds(work, repeats: int) -> float:
    times = []
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def forward_flops(adder: Adder) -> float:
    """Forward FLOPs for one pair, counted from the architecture.

    Per time step each of the LSTM's 4 gates computes W.x + U.h + b: 4 * units *
    (features + units) multiply-adds, 2 FLOPs each. The Dense head costs 2 * units * outputs,
    once (seed) or at every step (carry). Element-wise gate maths (~10 * units a step) is left
    out (under 1%). Seed: 16 * 2 * 4 * 256 * 257 + 2 * 256 * 9 = 8.43 MFLOP.
    """
    lstm = lstm_layer(adder.model)
    units, features = lstm.units, adder.encoding.features
    steps = adder.encoding.steps(adder.bits)
    head = 2 * units * (adder.bits + 1 if adder.encoding.name == "concat-msb" else steps)
    return steps * 2 * 4 * units * (features + units) + head


def matmul_peak_gflops(n: int, repeats: int = 5) -> float:
    """Best GFLOP/s of an n x n float32 tf.matmul on this machine."""
    a = tf.random.stateless_uniform((n, n), seed=(1, 2))
    b = tf.random.stateless_uniform((n, n), seed=(3, 4))
    tf.matmul(a, b).numpy()
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        tf.matmul(a, b).numpy()
        best = min(best, time.perf_counter() - start)
    return 2 * n**3 / best / 1e9


# ---------------------------------------------------------------- training


APP_BATCH_EVERY = 5  # as gui.worker.BATCH_EVERY


class AppObserver(Observer):
    """What the app's worker (gui.worker) does in the training thread: pass on throttled batch
    progress, copy the weights after every epoch for the window. Notes when each came."""

    def __init__(self):
        self.batch_times, self.epoch_times, self.weights = [], [], None

    def on_batch(self, progress) -> None:
        self.batch_times.append((progress.epoch, progress.batch, time.perf_counter()))

    def on_epoch(self, metrics, model) -> None:
        self.weights = model.get_weights()
        self.epoch_times.append(time.perf_counter())


def subset_pairs(recipe: Recipe, samples: int):
    """A seeded sample of the recipe's pairs (all of them when `samples` is large enough)."""
    table = full_table(recipe.bits)
    index = np.random.default_rng(recipe.seed).permutation(len(table))[:samples]
    return table.subset(np.sort(index))


def plain_samples_per_s(recipe: Recipe, batches: int) -> float:
    """Samples/s of a plain `model.fit` epoch on `batches` batches, after a warm-up epoch."""
    encoding = ENCODINGS[recipe.encoding]
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
    samples_per_s: float  # whole second epoch: fit, judging, weight copies
    fit_samples_per_s: float  # the fit part of it alone
    epoch_overhead_s: float  # judging and observers in that epoch
    peak_rss_mb: float | None


def app_samples_per_s(recipe: Recipe, batches: int) -> AppTraining:
    """The same through core's Trainer with the app's observer; the second epoch is timed.

    The Trainer trains on a seeded subset of `batches` batches; it judges a fixed sample of
    up to 4,096 pairs after each epoch, as it does on the full table, so that cost counts.
    """
    observer = AppObserver()
    trainer = Trainer(replace(recipe, epochs=2, stop_when_perfect=False), [observer],
                      batch_every=APP_BATCH_EVERY)
    pairs = subset_pairs(recipe, batches * recipe.batch_size)
    trainer.split = Split(recipe.bits, pairs, None, recipe.seed, full=True)
    reset_peak_rss()
    trainer.run()
    rss = peak_rss_mb()
    first_end, second_end = observer.epoch_times
    fit_end = max(t for epoch, _, t in observer.batch_times if epoch == 1)
    return AppTraining(len(pairs) / (second_end - first_end), len(pairs) / (fit_end - first_end),
                       second_end - fit_end, rss)


def carry_time_to_perfect(recipe: Recipe) -> tuple[float, bool, str]:
    """Seconds from pressing Train (model build included) until exactly right on all pairs."""
    start = time.perf_counter()
    result = Trainer(recipe).run()
    seconds = time.perf_counter() - start
    return seconds, result.reason.startswith("exactly right"), result.reason


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
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:
        return None


# ---------------------------------------------------------------- the window


def gui_numbers(sizes: Sizes, recipe: Recipe, adder: Adder,
                bundled: bool = True) -> tuple[dict, list[str]]:
    """Timer lateness and start-up times from gui.lateness, or notes saying why not.

    The window opens the bundled seed model (if `bundled` and there is one), else `adder`'s
    model saved to a temporary file.
    """
    from core.cli import BUNDLED
    from core.storage import save_model

    try:
        from gui import lateness
    except Exception as exc:  # no Qt, or no GUI
        return {}, [f"gui measurements skipped: {type(exc).__name__}: {exc}"]
    numbers, notes = {}, []
    with tempfile.TemporaryDirectory() as folder:
        path = BUNDLED["seed"]
        if not (bundled and path.is_file()):
            path = save_model(adder.model, Path(folder) / "model.keras")
            if bundled:
                notes.append("the window and the start-up probe opened an untrained model of "
                              "the same shape, saved to a temporary file")
        for name, measure_gui in [
                ("timer lateness", lambda: lateness.lateness_numbers(
                    sizes.idle_s, sizes.training_s, recipe, path)),
                ("start-up probe", lambda: lateness.start_numbers(path, sizes.start_timeout_s))]:
            try:
                numbers.update(measure_gui())
            except Exception as exc:
                notes.append(f"{name} failed: {type(exc).__name__}: {exc}")
    return numbers, notes


# ---------------------------------------------------------------- the whole bench


def measure(sizes: Sizes, seed_recipe: Recipe | None = None, carry_recipe: Recipe | None = None,
            adders: dict | None = None, gui: bool = True) -> tuple[dict, dict]:
    """(numbers, meta). Tests pass tiny recipes and adders; the bench passes none."""
    seed_recipe = seed_recipe or get_recipe("seed")
    carry_recipe = carry_recipe or get_recipe("carry")
    notes, bundled = [], adders is None
    if bundled:
        (seed, note_seed), (carry, note_carry) = bench_model("seed"), bench_model("carry")
        adders, notes = {"seed": seed, "carry": carry}, [note_seed, note_carry]
    seed, carry = adders["seed"], adders["carry"]
    n = {}
    clicks = click_ms(seed, sizes.clicks)
    n["click_ms_p50_seed"], n["click_ms_p99_seed"] = np.percentile(clicks, [50, 99])
    n["click_ms_p50_carry"] = np.percentile(click_ms(carry, sizes.clicks), 50)
    n["predict_ms_p50_seed"] = np.percentile(predict_ms(seed, sizes.predicts), 50)
    n["table_s_seed"] = table_s(seed, sizes.table_repeats)
    n["table_predict_s_seed"] = table_predict_s(seed, sizes.table_repeats)
    pairs = (1 << seed.bits) ** 2
    n["table_gflops_seed"] = forward_flops(seed) * pairs / n["table_s_seed"] / 1e9
    n["matmul_peak_gflops"] = matmul_peak_gflops(sizes.matmul_n)
    plain, apps = [], []
    for _ in range(max(1, sizes.train_rounds)):  # in turns: a noisy spell hits both alike,
        plain.append(plain_samples_per_s(seed_recipe, sizes.train_batches))  # and noise
        apps.append(app_samples_per_s(seed_recipe, sizes.train_batches))  # only slows
    n["train_samples_per_s_plain"] = max(plain)
    app = max(apps, key=lambda a: a.samples_per_s)
    n["train_samples_per_s_app"], n["train_peak_rss_mb"] = app.samples_per_s, app.peak_rss_mb
    seconds, reached, reason = carry_time_to_perfect(carry_recipe)
    n["carry_time_to_100_s"] = seconds if reached else None
    if not reached:
        notes.append(f"carry recipe not exactly right after {seconds:.1f} s: {reason}")
    if gui:
        gui_n, gui_notes = gui_numbers(sizes, seed_recipe, seed, bundled)
        n.update(gui_n)
        notes += gui_notes
    numbers = {k: (None if n.get(k) is None else float(n[k])) for k in KEYS}
    notes += [f"{k} not measured" for k, v in numbers.items() if v is None]
    meta = {
        "flops_per_pair_seed": forward_flops(seed),
        "train_batches": sizes.train_batches,
        "train_fit_samples_per_s_app": app.fit_samples_per_s,
        "train_epoch_overhead_s_app": app.epoch_overhead_s,
        "carry_seconds": seconds,
        "carry_reason": reason,
        "notes": notes,
    } | {k: v if isinstance(v, list) else float(v) for k, v in n.items() if k not in KEYS}
    return numbers, meta


def verdicts(numbers: dict) -> list[tuple[str, float | None, float | None, str, str]]:
    """(key, value, baseline, target text, met) for every target."""
    rows = []
    for t in TARGETS:
        value = numbers.get(t.key)
        base = numbers.get(t.baseline) if t.baseline else None
        if t.check is None:
            met = "-"
        elif value is None or (t.baseline and base is None):
            met = "n/a"
        else:
            met = "yes" if t.check(value, base) else "NO"
        rows.append((t.key, value, base, t.text, met))
    return rows


def table_text(numbers: dict) -> str:
    def fmt(v):
        return "-" if v is None else f"{v:.4g}"

    lines = [f"{'key':<26}{'value':>10}{'baseline':>10}  {'target':<18}met"]
    for key, value, base, text, met in verdicts(numbers):
        lines.append(f"{key:<26}{fmt(value):>10}{fmt(base):>10}  {text:<18}{met}")
    lines.append("baselines: " + ", ".join(sorted({t.baseline for t in TARGETS if t.baseline})))
    return "\n".join(lines)


def machine() -> dict:
    return {"python": platform.python_version(), "tensorflow": tf.__version__,
            "keras": keras.__version__, "cpus": os.cpu_count(), "platform": platform.platform(),
            "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None}


def run(quick: bool = False, json_path: Path | None = None, sizes: Sizes | None = None,
        **measure_kwargs) -> int:
    """The bench; `sizes` and `measure_kwargs` (tiny recipes and adders) are for tests."""
    from core.cli import UsageError

    if json_path is not None and not Path(json_path).parent.is_dir():  # say so before, not after
        raise UsageError(f"{json_path}: folder {Path(json_path).parent} does not exist")
    sizes = sizes or (QUICK if quick else FULL)
    start = time.perf_counter()
    numbers, meta = measure(sizes, **measure_kwargs)
    meta |= {"quick": quick, "seconds": time.perf_counter() - start, "machine": machine()}
    print(table_text(numbers))
    for note in meta["notes"]:
        print(f"note: {note}")
    print(f"({'quick, ' if quick else ''}{meta['seconds']:.0f} s; timings on a shared machine "
          "are noisy)")
    if json_path is not None:
        json_path = Path(json_path)
        json_path.write_text(json.dumps(numbers | {"meta": meta}, indent=1) + "\n")
        print(f"wrote {json_path}")
    return 0


# ---------------------------------------------------------------- training options

OPTIONS = {
    "default": {},
    "default again": {},  # the run-to-run noise floor
    "steps_per_execution=16": {"steps_per_execution": 16},
    "jit_compile": {"jit_compile": True},
    "unroll": {"unroll": True},
    "tf.data cached": {"dataset": True},
    "unroll + steps_per_execution=16": {"unroll": True, "steps_per_execution": 16},
}


def option_model(recipe: Recipe, unroll: bool = False, **compile_kwargs):
    """The recipe's model with the recipe's seed, optionally unrolled and compiled with extras."""
    keras.utils.set_random_seed(recipe.seed)
    model = build_model(recipe)
    if unroll:
        config = model.get_config()
        for layer in config["layers"]:
            if layer["class_name"] == "LSTM":
                layer["config"]["unroll"] = True
        weights, model = model.get_weights(), keras.Model.from_config(config)
        model.set_weights(weights)
    if compile_kwargs:
        model.compile(optimizer=keras.optimizers.Adam(recipe.lr), loss=recipe.loss,
                      **compile_kwargs)
    else:
        compile_model(model, recipe)
    return model


def training_option(recipe: Recipe, batches: int, repeats: int = 2, unroll: bool = False,
                    dataset: bool = False, **compile_kwargs) -> dict:
    """One option from the seeded start: the loss after `batches` batches (one epoch, which
    also compiles), the best samples/s of `repeats` more epochs, and the loss after them."""
    pairs = subset_pairs(recipe, batches * recipe.batch_size)
    encoding = ENCODINGS[recipe.encoding]
    x, y = encoding.inputs(pairs.a_bits, pairs.b_bits), encoding.targets(pairs.sum_bits())
    model = option_model(recipe, unroll, **compile_kwargs)
    if dataset:
        data = (tf.data.Dataset.from_tensor_slices((x, y)).cache()
                .shuffle(len(x), seed=recipe.seed).batch(recipe.batch_size)
                .prefetch(tf.data.AUTOTUNE))
        fit = lambda: model.fit(data, epochs=1, shuffle=False, verbose=0)  # noqa: E731
    else:
        fit = lambda: model.fit(x, y, batch_size=recipe.batch_size, epochs=1,  # noqa: E731
                                shuffle=True, verbose=0)
    probe = slice(0, min(len(x), CHUNK))
    loss_fn = keras.losses.get(recipe.loss)

    def loss() -> float:
        return float(np.mean(loss_fn(y[probe], model.predict(x[probe], verbose=0))))

    first_s = _median_seconds(fit, 1)
    first_loss = loss()
    best = min(_median_seconds(fit, 1) for _ in range(max(1, repeats)))
    return {"samples_per_s": len(x) / best, "first_epoch_s": first_s, "loss": first_loss,
            "loss_end": loss()}


def compare_training_options(recipe: Recipe, batches: int, options: dict = OPTIONS,
                             repeats: int = 2) -> dict:
    """{option: numbers} for each training option; options that fail say why."""
    results = {}
    for name, kwargs in options.items():
        try:
            results[name] = training_option(recipe, batches, repeats, **kwargs)
        except Exception as exc:  # e.g. unroll on an open time axis
            results[name] = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0]}"}
    return results


def options_text(results: dict) -> str:
    base = results.get("default", {})
    lines = [f"{'option':<34}{'samples/s':>10}{'x default':>10}{'1st epoch s':>12}"
             f"{'loss 1':>10}{'d loss 1':>10}{'loss end':>10}{'d loss end':>11}"]
    for name, r in results.items():
        if "error" in r:
            lines.append(f"{name:<34}{r['error']}")
            continue
        speed = r["samples_per_s"] / base["samples_per_s"] if base.get("samples_per_s") else 0
        d1 = r["loss"] - base.get("loss", math.nan)
        d2 = r["loss_end"] - base.get("loss_end", math.nan)
        lines.append(f"{name:<34}{r['samples_per_s']:>10.0f}{speed:>10.2f}"
                     f"{r['first_epoch_s']:>12.1f}{r['loss']:>10.5f}{d1:>+10.5f}"
                     f"{r['loss_end']:>10.5f}{d2:>+11.5f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m core.bench")
    parser.add_argument("--options", action="store_true", help="compare training options")
    parser.add_argument("--recipe", default="seed", choices=["seed", "carry"])
    parser.add_argument("--batches", type=int, default=128, help="batches per timed epoch")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not args.options:
        return run(quick=args.quick, json_path=args.json)
    results = compare_training_options(get_recipe(args.recipe), args.batches)
    print(f"{args.recipe} recipe, {args.batches} batches an epoch, best of 2 timed epochs; "
          f"loss on the first {CHUNK} of those pairs after epoch 1 and after epoch 3, from the "
          "same seeded start")
    print(options_text(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    from core.quiet import import_tensorflow

    import_tensorflow()
    raise SystemExit(main())
