"""Learned or memorised? Train each recipe twice and compare the pairs it saw with those it
did not. And which cell learns to add? Train each recipe with each cell.

    lstm-adder study --recipes carry,seed [--epochs N]
    lstm-adder study --cells lstm,gru,simple_rnn [--recipes carry,seed] [--seeds N] [--epochs N]

Each recipe is trained once on every pair (holdout 0.0) and once with a tenth of the pairs
held out (holdout 0.1), with the same seed, then judged on every pair of its width. A network
that has learned to add is as exact on the held-out pairs as on the trained ones; one that
has memorised its table is not. (The carry recipe's own default holds out 90%; the study
uses 0.0 and 0.1 for every recipe so that the recipes are compared on equal terms.)

The cell study trains every recipe with every cell (core.cells: Keras's LSTM, GRU and
SimpleRNN with their defaults), each with the recipe's own values (carry holds 90% of the
pairs out, seed none; `holdout` sets one fraction for all), once per seed (the recipe's seed,
then the next ones). Each row is one cell in one layout: its parameters, exact
match on every pair and on the held-out ones, the first epoch after which every pair was
exactly right (— if none was), and for a layout that reads any length (carry), exact match of
the same weights on CELL_WIDTHS-bit numbers (a seeded sample, core.insight.width_table).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lstm_adder.core.data import FULL_TABLE_MAX_BITS
from lstm_adder.core.recipes import Recipe, field_spec, get_recipe
from lstm_adder.core.seeds import MAX_SEEDS

HOLDOUTS = (0.0, 0.1)
CELL_WIDTHS = (16, 32, 64)  # wider numbers a carry-layout cell is judged on
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


@dataclass(frozen=True)
class Trained:
    """One run trained and judged on every pair of its width."""

    result: object  # core.training.TrainResult
    engine: object  # core.engine.Engine of the final model
    exact: np.ndarray  # (pairs,) bool: each pair exactly right
    held: np.ndarray  # (pairs,) bool: each pair held out of training
    seconds: float

    @property
    def trained_exact(self) -> float:
        return float(self.exact[~self.held].mean())

    @property
    def heldout_exact(self) -> float | None:
        return float(self.exact[self.held].mean()) if self.held.any() else None


def train_and_judge(recipe: Recipe, out=print) -> Trained:
    """Train `recipe` (saying each epoch to `out`) and judge the model on every pair."""
    from lstm_adder.core.engine import Engine
    from lstm_adder.core.evaluation import evaluate
    from lstm_adder.core.training import Observer, Trainer

    class _Lines(Observer):
        def on_epoch(self, m, model) -> None:
            held = "" if m.heldout_exact is None else f", held-out {m.heldout_exact:.2%}"
            out(f"  epoch {m.epoch}: loss {m.loss:.4f}, exact {m.exact:.2%}{held}")

    out(f"{recipe.name}, {recipe.cell.name}, holdout {recipe.holdout}, seed {recipe.seed}: "
        f"training ({recipe.epochs} epochs at most)")
    trainer = Trainer(recipe, [_Lines()])
    result = trainer.run()
    out(f"  {result.reason}")
    split = trainer.split
    engine = Engine.from_model(result.model, recipe.bits)
    exact = evaluate(engine, split.table).wrong_bits == 0
    held = split.heldout if split.heldout is not None else np.zeros(len(exact), dtype=bool)
    seconds = result.history[-1].elapsed if result.history else 0.0
    return Trained(result, engine, exact, held, seconds)


def study_one(recipe: Recipe, out=print) -> StudyRow:
    """Train `recipe` and judge it on every pair, trained and held out apart."""
    run = train_and_judge(recipe, out)
    held = run.held
    return StudyRow(recipe.name, recipe.holdout, recipe.bits, len(run.result.history),
                    int((~held).sum()), run.trained_exact, int(held.sum()),
                    run.heldout_exact, run.seconds, run.result.reason)


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


# -- the cell study ----------------------------------------------------------------------


@dataclass(frozen=True)
class CellRow:
    """One cell in one layout, over its seeds (one value per seed in each list)."""

    recipe: str
    cell: str
    bits: int
    holdout: float
    parameters: int  # the cell's and the Dense head's
    exact: list[float]  # on every pair
    heldout_exact: list[float | None]
    epochs_to_exact: list[int | None]  # the first epoch after which every pair was right
    widths: dict[int, list[float]]  # carry layout: exact match at each of CELL_WIDTHS
    seconds: float  # training, all seeds


def epochs_to_exact(history, bits: int) -> int | None:
    """The first epoch after which every pair was exactly right (judged on every pair)."""
    return next((m.epoch for m in history
                 if m.exact == 1.0 and m.eval_pairs == 1 << (2 * bits)), None)


def study_cell(recipes: list[Recipe], out=print) -> CellRow:
    """Train the runs of one cell and layout (one per seed) and judge each."""
    from lstm_adder.core.insight import width_table

    first = recipes[0]
    exact, held, epochs, seconds = [], [], [], 0.0
    widths: dict[int, list[float]] = {}
    for recipe in recipes:
        run = train_and_judge(recipe, out)
        exact.append(float(run.exact.mean()))
        held.append(run.heldout_exact)
        epochs.append(epochs_to_exact(run.result.history, recipe.bits))
        seconds += run.seconds
        if run.engine.can_widen:
            for row in width_table(run.engine, CELL_WIDTHS, seed=recipe.seed):
                widths.setdefault(row.bits, []).append(row.exact)
    return CellRow(first.name, first.cell.name, first.bits, first.holdout, first.parameters,
                   exact, held, epochs, widths, seconds)


def cell_plan(cells: list[str], recipes: list[str], seeds: int = 1, epochs: int | None = None,
              units: int | None = None, bits: int | None = None,
              holdout: float | None = None) -> list[list[Recipe]]:
    """The cell study's runs: for each recipe and cell, one run per seed (the recipe's seed
    and the next ones), each with the recipe's values but those given. ValueError says what
    is wrong."""
    spec = field_spec("cell")
    chosen = []
    for name in cells:
        cell = spec.parse(name)
        if not spec.accepts(cell):
            raise ValueError(f"unknown cell {name.strip()!r}; choose from "
                             f"{', '.join(spec.names)}")
        chosen.append(cell)
    if not isinstance(seeds, int) or not 1 <= seeds <= MAX_SEEDS:
        raise ValueError(f"--seeds must be a whole number from 1 to {MAX_SEEDS}")
    groups = []
    for name in recipes:
        sizes = {"epochs": epochs, "units": units, "bits": bits, "holdout": holdout}
        base = get_recipe(name.strip(), **sizes)
        if base.bits > FULL_TABLE_MAX_BITS:
            raise ValueError(f"the study judges every pair: at most {FULL_TABLE_MAX_BITS} "
                             "bits")
        groups += [[get_recipe(base.name, **sizes, cell=cell, seed=base.seed + k)
                    for k in range(seeds)] for cell in chosen]
    return groups


def _mean(values: list) -> str:
    """A percentage over seeds: the mean, and the worst seed's when they differ."""
    values = [v for v in values if v is not None]
    if not values:
        return NONE
    mean, worst = float(np.mean(values)), min(values)
    return _percent(mean) if worst == mean else f"{mean:.2%} (min {worst:.2%})"


def format_cell_table(rows: list[CellRow]) -> str:
    """The cell study as a Markdown table."""
    lines = ["| recipe | holdout | cell | parameters | exact (all) | exact (held-out) "
             "| epochs to 100% | " + " | ".join(f"{w} bits" for w in CELL_WIDTHS)
             + " | time |",
             "| --- | ---: | --- | ---: | ---: | ---: | ---: | " + "---: | " * len(CELL_WIDTHS)
             + "---: |"]
    for r in rows:
        reached = ", ".join(NONE if e is None else str(e) for e in r.epochs_to_exact)
        wide = " | ".join(_mean(r.widths.get(w, [])) for w in CELL_WIDTHS)
        lines.append(f"| {r.recipe} | {r.holdout:g} | {r.cell} | {r.parameters:,} "
                     f"| {_mean(r.exact)} "
                     f"| {_mean(r.heldout_exact)} | {reached} | {wide} | {r.seconds:.0f} s |")
    seeds = max((len(r.exact) for r in rows), default=0)
    widths = sorted({r.bits for r in rows})
    pairs = ", ".join(f"{1 << (2 * b):,} pairs at {b} bits" for b in widths)
    return (f"{seeds} seed{'s' * (seeds != 1)} per cell and recipe; exact match over all "
            f"{pairs}; wider numbers: a sample of each width (carry layout only):\n\n"
            + "\n".join(lines))


def run_cells(cells: list[str], recipes: list[str], seeds: int = 1, epochs: int | None = None,
              units: int | None = None, bits: int | None = None,
              holdout: float | None = None, out=print) -> int:
    """`lstm-adder study --cells ...`: train every run of cell_plan, then print the table."""
    groups = cell_plan(cells, recipes, seeds, epochs, units, bits, holdout)
    rows = [study_cell(group, out) for group in groups]
    out("")
    out(format_cell_table(rows))
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
