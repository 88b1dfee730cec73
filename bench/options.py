"""An experiment: does a Keras training option make the seed recipe train faster?

    python -m lstm_adder.bench.options [--recipe seed] [--batches 128] [--json out.json]

Each option starts from the same seeded model; it reports samples/s (best of 2 timed epochs)
and the loss after epoch 1 and epoch 3, so a faster option that learns differently shows.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from lstm_adder.bench.app import median_seconds, subset_pairs
from lstm_adder.core.models import build_model, compile_model
from lstm_adder.core.recipes import Recipe, get_recipe

PROBE = 4096  # pairs the loss is measured on

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
    import keras

    keras.utils.set_random_seed(recipe.seed)
    model = build_model(recipe)
    if unroll:
        config = model.get_config()
        for layer in config["layers"]:
            if layer["class_name"] == recipe.cell.keras_class:
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
    import keras
    import tensorflow as tf

    pairs = subset_pairs(recipe, batches * recipe.batch_size)
    encoding = recipe.encoding
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
    probe = slice(0, min(len(x), PROBE))
    loss_fn = keras.losses.get(recipe.loss)

    def loss() -> float:
        return float(np.mean(loss_fn(y[probe], model.predict(x[probe], verbose=0))))

    first_s = median_seconds(fit, 1)
    first_loss = loss()
    best = min(median_seconds(fit, 1) for _ in range(max(1, repeats)))
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

    parser = argparse.ArgumentParser(prog="python -m lstm_adder.bench.options")
    parser.add_argument("--recipe", default="seed", choices=["seed", "carry"])
    parser.add_argument("--batches", type=int, default=128, help="batches per timed epoch")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results = compare_training_options(get_recipe(args.recipe), args.batches)
    print(f"{args.recipe} recipe, {args.batches} batches an epoch, best of 2 timed epochs; "
          f"loss on the first {PROBE} of those pairs after epoch 1 and after epoch 3, from the "
          "same seeded start")
    print(options_text(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    from lstm_adder.core.quiet import import_tensorflow

    import_tensorflow()
    raise SystemExit(main())
