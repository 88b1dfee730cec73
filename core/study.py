"""Learned or memorised? Train each recipe twice and compare the pairs it saw with those it
did not.

    lstm-adder study --recipes carry,seed [--epochs N]

Each recipe is trained once on every pair (holdout 0.0) and once with a tenth of the pairs
held out (holdout 0.1), with the same seed, then judged on every pair of its width. A network
that has learned to add is as exact on the held-out pairs as on the trained ones; one that
has memorised its table is not. (The carry recipe's own default holds out 90%; the study
uses 0.0 and 0.1 for every recipe so that the recipes are compared on equal terms.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lstm_adder.core.data import FULL_TABLE_MAX_BITS
from lstm_adder.core.recipes import Recipe, get_recipe

HOLDOUTS = (0.0, 0.1)
NONE = "—"


@dataclass(frozen=True)
class StudyRow:
    recipe: str
    holdout: float
    bits: int
    epochs: int  # epochs actually run
    trained: int  # pairs trained on
    trained_exact: float
    heldout: int  # pairs never trained on
    heldout_exact: float | None  # None when nothing was held out
    seconds: float
    reason: str  # why training ended


def study_one(recipe: Recipe, out=print) -> StudyRow:
    """Train `recipe` and judge it on every pair, trained and held out apart."""
    from lstm_adder.core.engine import Engine
    from lstm_adder.core.evaluation import evaluate
    from lstm_adder.core.training import Observer, Trainer

    class _Lines(Observer):
        def on_epoch(self, m, model) -> None:
            held = "" if m.heldout_exact is None else f", held-out {m.heldout_exact:.2%}"
            out(f"  epoch {m.epoch}: loss {m.loss:.4f}, exact {m.exact:.2%}{held}")

    out(f"{recipe.name}, holdout {recipe.holdout}: training ({recipe.epochs} epochs at most)")
    trainer = Trainer(recipe, [_Lines()])
    result = trainer.run()
    out(f"  {result.reason}")
    split = trainer.split
    exact = evaluate(Engine.from_model(result.model, recipe.bits), split.table).wrong_bits == 0
    held = split.heldout if split.heldout is not None else np.zeros(len(exact), dtype=bool)
    seconds = result.history[-1].elapsed if result.history else 0.0
    return StudyRow(recipe.name, recipe.holdout, recipe.bits, len(result.history),
                    int((~held).sum()), float(exact[~held].mean()), int(held.sum()),
                    float(exact[held].mean()) if held.any() else None, seconds, result.reason)


def plan(recipes: list[str], epochs: int | None = None, units: int | None = None,
         bits: int | None = None) -> list[Recipe]:
    """The runs: every recipe at every holdout in HOLDOUTS. ValueError says what is wrong
    with a name or value (the command line reports it as a usage error)."""
    runs = [get_recipe(name.strip(), epochs=epochs, units=units, bits=bits, holdout=holdout)
            for name in recipes for holdout in HOLDOUTS]
    if any(r.bits > FULL_TABLE_MAX_BITS for r in runs):
        raise ValueError(f"the study judges every pair: at most {FULL_TABLE_MAX_BITS} bits")
    return runs


def study(recipes: list[str], epochs: int | None = None, units: int | None = None,
          bits: int | None = None, out=print) -> list[StudyRow]:
    """Train and judge every run of `plan` (which is checked before anything trains)."""
    return [study_one(recipe, out) for recipe in plan(recipes, epochs, units, bits)]


def _percent(value: float | None) -> str:
    return NONE if value is None else f"{value:.2%}"


def format_table(rows: list[StudyRow]) -> str:
    """The study's results as a Markdown table (readable in a terminal, pastable in README)."""
    lines = ["| recipe | holdout | epochs run | trained pairs | exact (trained) "
             "| held-out pairs | exact (held-out) | time |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        heldout = f"{r.heldout:,}" if r.heldout else NONE
        lines.append(f"| {r.recipe} | {r.holdout:.1f} | {r.epochs} | {r.trained:,} "
                     f"| {_percent(r.trained_exact)} | {heldout} "
                     f"| {_percent(r.heldout_exact)} | {r.seconds:.0f} s |")
    widths = sorted({r.bits for r in rows})
    pairs = ", ".join(f"{1 << (2 * b):,} pairs at {b} bits" for b in widths)
    return f"Exact match over all {pairs}:\n\n" + "\n".join(lines)


def run(recipes: list[str], epochs: int | None = None, units: int | None = None,
        bits: int | None = None, out=print) -> int:
    """`lstm-adder study`: train, then print the table."""
    rows = study(recipes, epochs=epochs, units=units, bits=bits, out=out)
    out("")
    out(format_table(rows))
    return 0


# -- study --seeds: one recipe, many seeds (core.seeds) --------------------------------------


def format_seeds(result) -> str:
    """A core.seeds.SeedsResult as a Markdown table of its seeds, the mean ± std of exact
    match epoch by epoch, and its summary line."""
    from lstm_adder.core.errors import shown_path

    lines = ["| seed | epochs run | 100% after epoch | final exact | held-out exact | time "
             "| model |", "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for c in result.curves:
        held = c.history[-1].heldout_exact if c.history else None
        final = NONE if c.final_exact is None else _percent(c.final_exact)
        model = shown_path(c.saved) if c.saved else f"none ({c.reason or 'not trained'})"
        lines.append(f"| {c.seed} | {len(c.history)} | {c.perfect_epoch or NONE} | {final} "
                     f"| {_percent(held)} | {c.seconds:.1f} s | {model} |")
    band = result.band("exact")
    means = ", ".join(f"{e}: {m:.1%} ± {s:.1%}" for e, m, s in
                      zip(band.epochs, band.mean, band.std, strict=True))
    return "\n".join(lines + [
        "", f"exact match, mean ± std over {band.seeds} seeds by epoch (a seed that stopped "
        f"early holds its last value): {means or NONE}",
        "", f"{result.recipe.name}: {result.summary().text()}"])


def run_seeds(recipes: list[Recipe], count: int, folder, expect=lambda path: None,
              out=print) -> int:
    """`lstm-adder study --seeds N`: train each recipe with N seeds, a line as each seed
    ends, then the table. `expect(path)` is told of each file before it may be written.
    Exit status 1 if a recipe made no model at all (every seed failed or diverged)."""
    from lstm_adder.core.seeds import seed_path, train_seeds
    from lstm_adder.core.training import Ended

    class _Lines:
        def on_done(self, c) -> None:
            perfect = (f", 100% after epoch {c.perfect_epoch}" if c.perfect_epoch
                       and c.ended is not Ended.PERFECT else "")
            out(f"  seed {c.seed}: {c.reason}{perfect} ({c.seconds:.1f} s)")

    code = 0
    for recipe in recipes:
        for seed in range(recipe.seed, recipe.seed + count):
            expect(seed_path(folder, recipe, seed))
        out(f"{recipe.name}: {count} seeds from {recipe.seed}, {recipe.epochs} epochs at most")
        result = train_seeds(recipe, count, folder, _Lines())
        out("")
        out(format_seeds(result))
        out("")
        if not any(c.saved for c in result.curves):
            code = 1
    return code
