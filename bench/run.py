"""Run the whole bench: measure, judge every target against its baseline, print, write JSON."""

from __future__ import annotations

import json
import os
import platform
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lstm_adder.bench import app
from lstm_adder.bench.targets import KEYS, TARGETS, table_text
from lstm_adder.core.checks import check_output_file
from lstm_adder.core.recipes import Recipe, get_recipe
from lstm_adder.core.storage import write_bytes_atomically


@dataclass(frozen=True)
class Sizes:
    clicks: int = 1000  # one-pair answers timed per path
    predicts: int = 100  # model.predict calls on one pair (~35-100 ms each)
    table_repeats: int = 3  # timed passes over all 65,536 pairs (median kept)
    sweep_units: int = 16  # units knocked out to time the ablation sweep (extrapolated)
    matmul_n: int = 2048
    train_batches: int = 512  # per timed epoch, for plain fit and for the Trainer alike
    train_rounds: int = 3  # plain and app training take turns this often; each keeps its best
    idle_s: float = 5.0  # timer lateness with nothing running
    training_s: float = 30.0  # timer lateness while the worker trains
    start_watch_s: float = 10.0  # timer lateness from window shown, no training
    start_timeout_s: float = 120.0  # give up waiting for a new app's first answer


FULL = Sizes()
QUICK = Sizes(clicks=200, predicts=20, table_repeats=1, sweep_units=4, matmul_n=1024,
              train_batches=64, idle_s=2.0, training_s=8.0, start_watch_s=4.0, start_timeout_s=40.0)


def measure_app(sizes: Sizes, seed: app.Bundled, carry: app.Bundled, seed_recipe: Recipe,
                carry_recipe: Recipe) -> tuple[dict, dict]:
    n, meta = {}, {}
    clicks = app.click_ms(seed.engine, sizes.clicks)
    n["click_ms_p50_seed"], n["click_ms_p99_seed"] = np.percentile(clicks, [50, 99])
    n["forward_ms_p50_seed"] = np.percentile(app.forward_ms(seed.engine, sizes.clicks), 50)
    n["click_ms_p50_carry"] = np.percentile(app.click_ms(carry.engine, sizes.clicks), 50)
    n["predict_ms_p50_seed"] = np.percentile(
        app.predict_ms(seed.model, seed.engine, sizes.predicts), 50)
    n["table_s_seed"] = app.table_s(seed.engine, sizes.table_repeats)
    n["table_predict_s_seed"] = app.table_predict_s(seed.model, seed.engine,
                                                    sizes.table_repeats)
    n["ablation_sweep_s_seed"] = app.ablation_sweep_s(seed.engine, sizes.sweep_units)
    meta["ablation_sweep_units_timed"] = min(sizes.sweep_units, seed.engine.units)
    pairs = (1 << seed.engine.bits) ** 2
    n["table_gflops_seed"] = app.forward_flops(seed.engine) * pairs / n["table_s_seed"] / 1e9
    n["matmul_peak_gflops"] = app.matmul_peak_gflops(sizes.matmul_n)
    plain, apps = [], []
    for _ in range(max(1, sizes.train_rounds)):  # in turns: a noisy spell hits both alike
        plain.append(app.plain_samples_per_s(seed_recipe, sizes.train_batches))
        apps.append(app.app_samples_per_s(seed_recipe, sizes.train_batches))
    n["train_samples_per_s_plain"] = max(plain)
    best = max(apps, key=lambda a: a.samples_per_s)
    n["train_samples_per_s_app"], n["train_peak_rss_mb"] = best.samples_per_s, best.peak_rss_mb
    meta |= {"train_plain_rounds": plain, "train_app_rounds": [a.samples_per_s for a in apps],
             "train_fit_samples_per_s_app": best.fit_samples_per_s,
             "train_epoch_overhead_s_app": best.epoch_overhead_s,
             "flops_per_pair_seed": app.forward_flops(seed.engine)}
    n |= measure_cells(sizes, seed_recipe)
    seconds, reached, reason = app.carry_time_to_perfect(carry_recipe)
    n["carry_time_to_100_s"] = seconds if reached else None
    meta |= {"carry_seconds": seconds, "carry_reason": reason}
    return n, meta


def measure_cells(sizes: Sizes, recipe: Recipe) -> dict:
    """Each cell's one-pair forward and table (a model of `recipe`'s shape with that cell),
    each with its own model.predict baseline, timed here."""
    n = {}
    for name, cell in app.cell_models(recipe).items():
        n[f"forward_ms_p50_{name}"] = np.percentile(app.forward_ms(cell.engine, sizes.clicks),
                                                    50)
        n[f"predict_ms_p50_{name}"] = np.percentile(
            app.predict_ms(cell.model, cell.engine, sizes.predicts), 50)
        n[f"table_s_{name}"] = app.table_s(cell.engine, sizes.table_repeats)
        n[f"table_predict_s_{name}"] = app.table_predict_s(cell.model, cell.engine,
                                                           sizes.table_repeats)
    return n


def measure(sizes: Sizes, seed_recipe: Recipe | None = None, carry_recipe: Recipe | None = None,
            models: dict | None = None, gui: bool = True) -> tuple[dict, dict]:
    """(numbers, meta). Tests pass tiny recipes and models; the bench passes none."""
    seed_recipe = seed_recipe or get_recipe("seed")
    carry_recipe = carry_recipe or get_recipe("carry")
    if models is None:
        models = {name: app.bundled(name) for name in ("seed", "carry")}
    notes = [m.note for m in models.values() if m.note]
    n, meta = measure_app(sizes, models["seed"], models["carry"], seed_recipe, carry_recipe)
    if n["carry_time_to_100_s"] is None:
        notes.append(f"carry recipe not exactly right after {meta['carry_seconds']:.1f} s: "
                     f"{meta['carry_reason']}")
    if gui:
        try:
            from lstm_adder.bench import window

            gui_numbers, gui_notes = window.measure(sizes, seed_recipe, models)
        except Exception as exc:  # no display, no Qt: say so, keep the rest
            gui_numbers, gui_notes = {}, [f"window measurements failed: {type(exc).__name__}:"
                                          f" {exc}"]
        n |= {k: v for k, v in gui_numbers.items() if k in KEYS}
        meta |= {k: v for k, v in gui_numbers.items() if k not in KEYS}
        notes += gui_notes
    numbers = {k: (None if n.get(k) is None else float(n[k])) for k in KEYS}
    notes += [f"{k} not measured" for k, v in numbers.items() if v is None]
    return numbers, meta | {"notes": notes}


def machine() -> dict:
    import keras
    import tensorflow as tf

    return {"python": platform.python_version(), "tensorflow": tf.__version__,
            "keras": keras.__version__, "numpy": np.__version__, "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None}


def check_json_path(json_path: Path | None) -> None:
    """Refuse a JSON path that cannot be written, before minutes of measuring."""
    if json_path is not None:
        check_output_file(json_path, what="--json")


def run(quick: bool = False, json_path: Path | None = None, sizes: Sizes | None = None,
        **measure_kwargs) -> int:
    """The bench; `sizes` and `measure_kwargs` (tiny recipes and models) are for tests."""
    check_json_path(json_path)
    sizes = sizes or (QUICK if quick else FULL)
    start = time.perf_counter()
    numbers, meta = measure(sizes, **measure_kwargs)
    meta |= {"quick": quick, "seconds": time.perf_counter() - start, "machine": machine()}
    print(table_text(numbers))
    baselines = sorted({t.baseline for t in TARGETS if t.baseline})
    print(textwrap.fill("baselines, timed in the same run: " + ", ".join(baselines), 80))
    for note in meta["notes"]:
        print(f"note: {note}")
    print(f"({'quick, ' if quick else ''}{meta['seconds']:.0f} s; timings on a shared machine "
          "are noisy)")
    if json_path is not None:  # whole or not at all, as --map and the models are written
        text = json.dumps(numbers | {"meta": meta}, indent=1) + "\n"
        write_bytes_atomically(json_path, text.encode())
        print(f"wrote {json_path}")
    return 0
