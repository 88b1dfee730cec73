"""Knocking a unit out: which pairs break when one unit of the recurrent layer stops.

An ablation forces one unit's hidden state h to a constant after every step, so that the
next step's recurrence and the Dense head read that constant where the unit's signal was:

    zero   h[k] = 0 after every step
    mean   h[k] = the unit's mean h over every pair and every step of the intact model

It wraps the cell's numpy step (core.cells.Step): after each `advance`, column k of the new
h is overwritten. Every cell, one pair or the prefix-tree table, runs through `advance`, so
every answer of an ablated engine (`Engine.ablated`) is the ablated network's.

"Which units matter" knocks each unit out in turn and judges every pair (judge_all's one
policy): a unit whose loss costs the most exact matches matters most. For the shipped carry
model, the unit Insight outlines as tracking the carry is the one whose loss breaks most.
"""

from __future__ import annotations

import enum
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lstm_adder.core.cells import Step
from lstm_adder.core.data import EVAL_SAMPLES, full_table
from lstm_adder.core.engine import TABLE_MAX_BITS, Cancelled, Engine
from lstm_adder.core.evaluation import SAMPLE_SEED, Report, judge_all
from lstm_adder.core.numbers import random_bits

BROKEN_SHOWN = 5  # broken pairs listed by `Knockout.examples` unless asked otherwise
_means: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> unit means
_means_lock = threading.Lock()


class Mode(enum.Enum):
    """What a knocked-out unit's h is held at."""

    ZERO = "zero"
    MEAN = "mean"

    def values(self, engine: Engine, cancel: Callable[[], bool] | None = None) -> np.ndarray:
        """The value each unit would be held at, (units,); Cancelled if asked to stop."""
        if self is Mode.ZERO:
            return np.zeros(engine.units, np.float32)
        return unit_means(engine, cancel)


class AblatedStep(Step):
    """A cell's step with unit `unit`'s h set to `value` after every step."""

    def __init__(self, intact: Step, unit: int, value: float):
        self.intact, self.unit, self.value = intact, unit, value
        self.kernel, self.bias, self.units = intact.kernel, intact.bias, intact.units
        self.knocked_out = (unit, value)

    def zeros(self, rows: int):
        return self.intact.zeros(rows)  # the state before step 1 is the layer's, not h_t

    def advance(self, states, inputs, fan):
        states = self.intact.advance(states, inputs, fan)  # fresh arrays: ours to change
        states[0][:, self.unit] = self.value
        return states


def unit_means(engine: Engine, cancel: Callable[[], bool] | None = None) -> np.ndarray:
    """Each unit's mean h, (units,), over every pair and every step of `engine` (over
    judge_all's seeded sample above TABLE_MAX_BITS); worked out once per engine (which
    never changes). Raises Cancelled if asked to stop."""
    with _means_lock:
        known = _means.get(engine)
    if known is None:
        known = _means_of(engine, cancel)
        with _means_lock:
            _means[engine] = known
    return known.copy()


def _means_of(engine: Engine, cancel) -> np.ndarray:
    if engine.bits > TABLE_MAX_BITS:
        return _sample_means(engine, cancel)
    steps = len(engine.encoding.step_options(engine.bits))
    sums = np.zeros((steps, engine.units), np.float64)
    nodes = np.zeros(steps, np.int64)
    lock = threading.Lock()

    def visit(t: int, h: np.ndarray) -> None:
        total = h.sum(axis=0, dtype=np.float64)
        with lock:
            sums[t] += total
            nodes[t] += len(h)

    engine.visit_states(visit, cancel)
    # every node at step t stands for as many pairs as any other: its step's mean is theirs
    return (sums / nodes[:, None]).mean(axis=0).astype(np.float32)


def _sample_means(engine: Engine, cancel) -> np.ndarray:
    a = random_bits(EVAL_SAMPLES, engine.bits, SAMPLE_SEED)
    b = random_bits(EVAL_SAMPLES, engine.bits, SAMPLE_SEED + 1)
    total, count = np.zeros(engine.units, np.float64), 0
    for start in range(0, EVAL_SAMPLES, 1024):
        if cancel is not None and cancel():
            raise Cancelled
        x = engine.encoding.inputs(a[start:start + 1024], b[start:start + 1024])
        h = engine.run(x, states=True)[1][engine.net.cell.states[0]]
        total += h.sum(axis=(0, 1), dtype=np.float64)
        count += h.shape[0] * h.shape[1]
    return (total / count).astype(np.float32)


def knock_out(engine: Engine, unit: int, mode: Mode = Mode.ZERO,
              values: np.ndarray | None = None) -> Engine:
    """`engine` with `unit` knocked out; `values`: Mode.values(engine), if already known."""
    if not 0 <= unit < engine.units:
        raise ValueError(f"unit must lie in 0..{engine.units - 1}")
    if values is None:
        values = mode.values(engine.intact())
    return engine.intact().ablated(unit, float(values[unit]))


@dataclass(frozen=True)
class UnitEffect:
    """What knocking one unit out does to the whole table."""

    unit: int
    exact: float  # exact match with the unit knocked out
    intact: float  # exact match of the intact model

    @property
    def change(self) -> float:
        return self.exact - self.intact


@dataclass
class Knockout:
    """One unit knocked out, judged beside the intact model on the same pairs."""

    unit: int
    mode: Mode
    value: float
    engine: Engine  # the ablated engine
    report: Report  # its judgement
    intact: Report  # the intact model's judgement of the same pairs

    @property
    def broken(self) -> np.ndarray:
        """(N,) True for the pairs the intact model gets right and the ablated one wrong."""
        return (self.report.wrong_bits > 0) & (self.intact.wrong_bits == 0)

    @property
    def broken_count(self) -> int:
        return int(np.count_nonzero(self.broken))

    def examples(self, limit: int = BROKEN_SHOWN) -> list[tuple[int, int, int, int]]:
        """The first `limit` broken pairs as (a, b, predicted, true), in table order."""
        pairs, predicted = self.report.pairs, self.report.predicted
        if pairs is None or predicted is None:
            return []
        return [(int(pairs.a[i]), int(pairs.b[i]), int(predicted[i]),
                 int(pairs.a[i] + pairs.b[i])) for i in np.flatnonzero(self.broken)[:limit]]


def judge_knockout(engine: Engine, unit: int, mode: Mode = Mode.ZERO,
                   values: np.ndarray | None = None, intact: Report | None = None,
                   cancel: Callable[[], bool] | None = None) -> Knockout | None:
    """Knock `unit` out of `engine` and judge it (judge_all) beside the intact model (its
    report may be passed in, `intact`); None if `cancel()` turns true on the way."""
    engine = engine.intact()
    try:
        if values is None:
            values = mode.values(engine, cancel)
    except Cancelled:
        return None
    ablated = knock_out(engine, unit, mode, values)
    intact = intact or judge_all(engine, cancel)
    report = None if intact is None else judge_all(ablated, cancel)
    if report is None:
        return None
    return Knockout(unit, mode, float(values[unit]), ablated, report, intact)


def which_units_matter(engine: Engine, mode: Mode = Mode.ZERO,
                       progress: Callable[[int, int], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> list[UnitEffect] | None:
    """Every unit knocked out in turn, most harmful first (lowest exact match; ties by
    unit). `progress(done, total)` after each unit; None if `cancel()` turns true."""
    engine = engine.intact()
    try:
        values = mode.values(engine, cancel)
        exact = _exact_match(engine, cancel)
        intact = exact(engine)
        effects = []
        for unit in range(engine.units):
            effects.append(UnitEffect(unit, exact(engine.ablated(unit, float(values[unit]))),
                                      intact))
            if progress is not None:
                progress(unit + 1, engine.units)
    except Cancelled:
        return None
    return sorted(effects, key=lambda e: (e.exact, e.unit))


def _exact_match(engine: Engine, cancel) -> Callable[[Engine], float]:
    """engine -> its exact match by judge_all's policy, with the true sums worked out once
    for the whole sweep (every pair's table up to TABLE_MAX_BITS)."""
    if engine.bits > TABLE_MAX_BITS:
        def judged(other: Engine) -> float:
            report = judge_all(other, cancel)
            if report is None:
                raise Cancelled
            return report.exact
        return judged
    true = full_table(engine.bits).sum_bits().astype(bool)

    def exact(other: Engine) -> float:
        right = np.all((other.table(cancel) >= 0.5) == true, axis=1)
        return float(np.mean(right))
    return exact
