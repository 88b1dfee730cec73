"""Looking inside the network: its state at every step, the unit that holds the carry, and
how far a model's addition stretches beyond the width it was trained on.

The recurrent layer is re-run in numpy from the trained layer's own weights, by its cell's
step (core.cells). Keras hands back the hidden state h at every step, but an LSTM's cell state c
only at the end; the recurrence written out gives every state the cell names, exactly.

The carry unit. In the paired-lsb layout step t reads (a_t, b_t) and writes sum bit t, so the
state it leaves behind must hold the carry *out of* position t, which is the carry into
position t + 1. Over every pair of a width, the unit whose state (an LSTM's h or c) at steps
0..n-1 correlates
best (absolute Pearson r) with that carry is the carry unit. The padding step n is left out:
no step follows it, so its state need not remember anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lstm_adder.core.data import EVAL_SAMPLES
from lstm_adder.core.engine import TABLE_MAX_BITS
from lstm_adder.core.evaluation import Report, judge_all, judge_sample
from lstm_adder.core.numbers import add_bits, all_pairs, to_bits

WIDTHS = (8, 16, 32, 64)
BLOCK = 4096  # pairs run together while looking for the carry unit, between asks to cancel


@dataclass
class States:
    """What the recurrent layer holds after each step, for one pair. Arrays are (rows,
    steps)."""

    a: int
    b: int
    bits: int
    encoding: object  # core.encodings.Encoding
    values: dict[str, np.ndarray]  # (units, steps) for each state the cell names (core.cells)
    inputs: np.ndarray  # (features, steps) the bits each step reads
    carries: np.ndarray | None  # paired-lsb: the carry out of each step; else None

    @property
    def steps(self) -> int:
        return self.inputs.shape[1]

    def step_labels(self) -> list[str]:
        """What each step reads, for writing under it: 'a_t / b_t', or 'a7 / 1' and so on."""
        return self.encoding.step_labels(self.bits, self.inputs)


def cell_states(engine, a: int, b: int) -> States:
    """Every state of every unit after every step while `engine` adds a + b."""
    values, x = engine.states(a, b)
    carries = None
    if engine.encoding.any_length:  # paired-lsb: step t leaves the carry out of position t
        carry_in = add_bits(to_bits([a], engine.bits), to_bits([b], engine.bits))[1][0]
        carries = np.append(carry_in[1:], 0)  # out of step t = into t + 1; step n: none
    return States(a, b, engine.bits, engine.encoding, values, x, carries)


def cell_gates(engine, a: int, b: int) -> States:
    """Every gate and state of every unit after every step while `engine` adds a + b (an
    LSTM's i, f, g, o, c, h), by the cell's plain step."""
    states = cell_states(engine, a, b)
    states.values, _ = engine.trace(a, b)
    return states


@dataclass(frozen=True)
class CarryUnit:
    unit: int
    state: str  # one of the cell's states: "h" or "c" for an LSTM
    r: float  # signed Pearson correlation with the carry out of each step
    bits: int  # the width it was measured at (every pair)

    def describe(self) -> str:
        return f"unit {self.unit} ({self.state}) tracks the carry, r = {self.r:.2f}"


def _correlations(values: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Pearson r of each column of `values` (M, U) with `target` (M,); 0 where constant."""
    v = values - values.mean(axis=0)
    t = target - target.mean()
    denominator = np.sqrt((v * v).sum(axis=0) * (t * t).sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (v * t[:, None]).sum(axis=0) / denominator
    return np.nan_to_num(r)


def carry_unit(engine, bits: int = 8, cancel: Callable[[], bool] | None = None
               ) -> CarryUnit | None:
    """The unit (and state) of a paired-lsb model that best tracks the carry, over all pairs;
    None if `cancel()` turns true on the way (it is asked before each block of pairs)."""
    if not engine.encoding.any_length:
        raise ValueError("only a paired-lsb model reads bits in carry order")
    engine = engine.with_bits(bits)
    a, b = all_pairs(bits)
    kept: dict[str, list[np.ndarray]] = {}  # each state at steps 0..n-1, block by block
    carries = []
    for start in range(0, len(a), BLOCK):
        if cancel is not None and cancel():
            return None
        rows = slice(start, start + BLOCK)
        a_bits, b_bits = to_bits(a[rows], bits), to_bits(b[rows], bits)
        _, states = engine.run(engine.encoding.inputs(a_bits, b_bits), states=True)
        for name, values in states.items():
            kept.setdefault(name, []).append(values[:, :bits].reshape(-1, values.shape[-1]))
        carries.append(add_bits(a_bits, b_bits)[1][:, 1:].reshape(-1))
    carry_out = np.concatenate(carries).astype(np.float64)
    best = None
    for name, blocks in kept.items():
        r = _correlations(np.concatenate(blocks).astype(np.float64), carry_out)
        unit = int(np.argmax(np.abs(r)))
        if best is None or abs(r[unit]) > abs(best.r):
            best = CarryUnit(unit, name, float(r[unit]), bits)
    return best


def pair_text(report: Report, a: int, b: int) -> str:
    """'157 + 113 = 270, model says 270' for one cell of a full-table report."""
    index = (a << report.bits) | b
    wrong = int(report.wrong_bits[index])
    verdict = "right" if wrong == 0 else f"{wrong} bit{'s' * (wrong > 1)} wrong"
    return f"{a} + {b} = {a + b}, model says {int(report.predicted[index])} ({verdict})"


@dataclass(frozen=True)
class WidthRow:
    bits: int
    exact: float
    count: int  # pairs judged
    every_pair: bool  # True when `count` is every pair of that width


def width_table(engine, widths=WIDTHS, count: int = EVAL_SAMPLES, seed: int = 0,
                stop: Callable[[], bool] | None = None) -> list[WidthRow]:
    """Exact match of the same weights at other widths (raises ValueError for concat-msb).

    Up to TABLE_MAX_BITS every pair is judged; wider, `count` seeded random pairs."""
    rows = []
    for bits in widths:
        if stop is not None and stop():
            break
        wide = engine.with_bits(bits)
        if bits <= TABLE_MAX_BITS:
            report = judge_all(wide, stop)
        else:
            report = judge_sample(engine, bits, count=count, seed=seed, cancel=stop)
        if report is None:
            break
        rows.append(WidthRow(bits, report.exact, report.count, report.everything))
    return rows
