"""Looking inside the network: its state at every step, the unit that holds the carry, and
how far a model's addition stretches beyond the width it was trained on.

The LSTM is re-run in numpy from the trained layer's own weights. Keras hands back the hidden
state h at every step but the cell state c only at the end; the recurrence written out gives
both, exactly (Keras's gate order is input, forget, candidate, output):

    z = x_t W + h_(t-1) U + bias        i, f, g, o = split(z, 4)
    c_t = sigmoid(f) * c_(t-1) + sigmoid(i) * tanh(g)
    h_t = sigmoid(o) * tanh(c_t)

The carry unit. In the paired-lsb layout step t reads (a_t, b_t) and writes sum bit t, so the
state it leaves behind must hold the carry *out of* position t, which is the carry into
position t + 1. Over every pair of a width, the unit whose h or c at steps 0..n-1 correlates
best (absolute Pearson r) with that carry is the carry unit. The padding step n is left out:
no step follows it, so its state need not remember anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lstm_adder.core.evaluation import WIDE_SAMPLES, Report, judge_all, judge_sample
from lstm_adder.core.numbers import add_bits, all_pairs, to_bits

MAP_MAX_BITS = 8  # the error map shows every pair: 2**16 cells at 8 bits
WIDTHS = (8, 16, 32, 64)
STATES = ("h", "c")


@dataclass
class States:
    """What the LSTM holds after each step, for one pair. Arrays are (rows, steps)."""

    a: int
    b: int
    bits: int
    encoding: object  # core.encodings.Encoding
    h: np.ndarray  # (units, steps) hidden state
    c: np.ndarray  # (units, steps) cell state
    inputs: np.ndarray  # (features, steps) the bits each step reads
    carries: np.ndarray | None  # paired-lsb: the carry out of each step; else None

    @property
    def steps(self) -> int:
        return self.h.shape[1]

    def step_labels(self) -> list[str]:
        """What each step reads, for writing under it: 'a_t / b_t', or 'a7 / 1' and so on."""
        return self.encoding.step_labels(self.bits, self.inputs)


def lstm_states(engine, a: int, b: int) -> States:
    """h and c of every unit after every step while `engine` adds a + b."""
    h, c, x = engine.states(a, b)
    carries = None
    if engine.encoding.any_length:  # paired-lsb: step t leaves the carry out of position t
        carry_in = add_bits(to_bits([a], engine.bits), to_bits([b], engine.bits))[1][0]
        carries = np.append(carry_in[1:], 0)  # out of step t = into t + 1; step n: none
    return States(a, b, engine.bits, engine.encoding, h, c, x, carries)


@dataclass(frozen=True)
class CarryUnit:
    unit: int
    state: str  # "h" or "c"
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


def carry_unit(engine, bits: int = 8) -> CarryUnit:
    """The unit (and state) of a paired-lsb model that best tracks the carry, over all pairs."""
    if not engine.encoding.any_length:
        raise ValueError("only a paired-lsb model reads bits in carry order")
    engine = engine.with_bits(bits)
    a, b = all_pairs(bits)
    a_bits, b_bits = to_bits(a, bits), to_bits(b, bits)
    _, h, c = engine.run(engine.encoding.inputs(a_bits, b_bits), states=True)
    carry_out = add_bits(a_bits, b_bits)[1][:, 1:].reshape(-1).astype(np.float64)
    best = None
    for name, values in zip(STATES, (h, c), strict=True):
        units = values.shape[-1]
        r = _correlations(values[:, :bits].reshape(-1, units).astype(np.float64), carry_out)
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


def width_table(engine, widths=WIDTHS, count: int = WIDE_SAMPLES, seed: int = 0,
                stop: Callable[[], bool] | None = None) -> list[WidthRow]:
    """Exact match of the same weights at other widths (raises ValueError for concat-msb).

    Up to MAP_MAX_BITS every pair is judged; wider, `count` seeded random pairs."""
    rows = []
    for bits in widths:
        if stop is not None and stop():
            break
        wide = engine.with_bits(bits)
        if bits <= MAP_MAX_BITS:
            report = judge_all(wide, stop)
        else:
            report = judge_sample(engine, bits, count=count, seed=seed, cancel=stop)
        if report is None:
            break
        rows.append(WidthRow(bits, report.exact, report.count, report.everything))
    return rows
