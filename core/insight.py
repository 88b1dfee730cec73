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

import weakref
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.data import full_table
from core.encodings import PAIRED_LSB, encoding_for_input_shape
from core.evaluation import WIDE_SAMPLES, Report, evaluate, evaluate_wide
from core.numbers import add_bits, all_pairs, to_bits

MAP_MAX_BITS = 8  # the error map shows every pair: 2**16 cells at 8 bits
WIDTHS = (8, 16, 32, 64)
SLICE = 4096  # pairs judged between checks for a stop request
STATES = ("h", "c")


def _sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))  # the same function, and no overflow for large -x


_ACTIVATIONS = {
    "sigmoid": _sigmoid,
    "tanh": np.tanh,
    "hard_sigmoid": lambda x: np.clip(x / 6.0 + 0.5, 0.0, 1.0),  # Keras 3's definition
    "relu": lambda x: np.maximum(x, 0.0),
    "linear": lambda x: x,
}


@dataclass(frozen=True)
class Cell:
    """One LSTM layer's weights and activations, runnable in numpy."""

    kernel: np.ndarray  # (features, 4 * units)
    recurrent: np.ndarray  # (units, 4 * units)
    bias: np.ndarray  # (4 * units,)
    activation: Callable
    recurrent_activation: Callable

    @property
    def units(self) -> int:
        return self.recurrent.shape[0]

    def run(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Input (N, steps, features) -> (h, c), each (N, steps, units)."""
        n, steps, _ = x.shape
        units = self.units
        h = np.zeros((n, units), np.float32)
        c = np.zeros((n, units), np.float32)
        hs = np.empty((n, steps, units), np.float32)
        cs = np.empty_like(hs)
        # the input part of every step at once, as one 2-D product
        inputs = (x.reshape(n * steps, -1).astype(np.float32) @ self.kernel + self.bias)
        inputs = inputs.reshape(n, steps, -1)
        for t in range(steps):
            z = inputs[:, t] + h @ self.recurrent
            i, f, g, o = (z[:, k * units:(k + 1) * units] for k in range(4))
            gate = self.recurrent_activation
            c = gate(f) * c + gate(i) * self.activation(g)
            h = gate(o) * self.activation(c)
            hs[:, t], cs[:, t] = h, c
        return hs, cs


# Per-model cache; the optimizer's step count tells a model trained further since.
_cells: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def model_version(model) -> int:
    """The optimizer's step count: it changes whenever the weights are trained further."""
    optimizer = getattr(model, "optimizer", None)
    return int(optimizer.iterations) if optimizer is not None else 0


def lstm_cell(model) -> Cell:
    """The numpy twin of `model`'s LSTM layer (cached per model)."""
    from core.models import lstm_layer

    stamp = model_version(model)
    cached = _cells.get(model)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    layer = lstm_layer(model)
    config = layer.get_config()
    names = config["activation"], config["recurrent_activation"]
    for name in names:
        if name not in _ACTIVATIONS:
            raise ValueError(f"cannot re-run an LSTM with activation {name!r}")
    weights = [np.asarray(w, np.float32) for w in layer.get_weights()]
    if len(weights) == 2:  # use_bias=False
        weights.append(np.zeros(weights[0].shape[1], np.float32))
    cell = Cell(*weights, _ACTIVATIONS[names[0]], _ACTIVATIONS[names[1]])
    _cells[model] = (stamp, cell)
    return cell


@dataclass
class States:
    """What the LSTM holds after each step, for one pair. Arrays are (rows, steps)."""

    a: int
    b: int
    bits: int
    encoding: str
    h: np.ndarray  # (units, steps) hidden state
    c: np.ndarray  # (units, steps) cell state
    inputs: np.ndarray  # (features, steps) the bits each step reads
    carries: np.ndarray | None  # paired-lsb: the carry out of each step; else None

    @property
    def steps(self) -> int:
        return self.h.shape[1]

    def step_labels(self) -> list[str]:
        """What each step reads, for writing under it: 'a_t / b_t', or 'a7 / 1' and so on."""
        if self.encoding == PAIRED_LSB.name:
            return [f"{int(x)}\n{int(y)}" for x, y in self.inputs.T]
        n = self.bits
        names = [f"a{n - 1 - t}" for t in range(n)] + [f"b{n - 1 - t}" for t in range(n)]
        return [f"{name}\n{int(bit)}" for name, bit in zip(names, self.inputs[0], strict=True)]


def lstm_states(adder, a: int, b: int) -> States:
    """h and c of every unit after every step while `adder` adds a + b."""
    a_bits, b_bits = to_bits([a], adder.bits), to_bits([b], adder.bits)
    x = adder.encoding.inputs(a_bits, b_bits)
    h, c = lstm_cell(adder.model).run(x)
    carries = None
    if adder.encoding.name == PAIRED_LSB.name:
        carry_in = add_bits(a_bits, b_bits)[1][0]
        carries = np.append(carry_in[1:], 0)  # out of step t = into t + 1; step n: none
    return States(a, b, adder.bits, adder.encoding.name, h[0].T, c[0].T, x[0].T, carries)


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


def carry_unit(model, bits: int = 8) -> CarryUnit:
    """The unit (and state) of a paired-lsb model that best tracks the carry, over all pairs."""
    encoding, _ = encoding_for_input_shape(model.input_shape)
    if encoding.name != PAIRED_LSB.name:
        raise ValueError("only a paired-lsb model reads bits in carry order")
    a, b = all_pairs(bits)
    a_bits, b_bits = to_bits(a, bits), to_bits(b, bits)
    h, c = lstm_cell(model).run(PAIRED_LSB.inputs(a_bits, b_bits))
    carry_out = add_bits(a_bits, b_bits)[1][:, 1:].reshape(-1).astype(np.float64)
    best = None
    for name, values in zip(STATES, (h, c), strict=True):
        units = values.shape[-1]
        r = _correlations(values[:, :bits].reshape(-1, units).astype(np.float64), carry_out)
        unit = int(np.argmax(np.abs(r)))
        if best is None or abs(r[unit]) > abs(best.r):
            best = CarryUnit(unit, name, float(r[unit]), bits)
    return best


def full_report(adder, stop: Callable[[], bool] | None = None) -> Report | None:
    """evaluate(adder) over every pair, in slices so that `stop()` can end it (-> None)."""
    table = full_table(adder.bits)
    parts = []
    for start in range(0, len(table), SLICE):
        if stop is not None and stop():
            return None
        parts.append(evaluate(adder, table.subset(slice(start, start + SLICE))))
    sizes = np.array([p.count for p in parts], dtype=np.float64)
    accuracy = np.average([p.bit_accuracy for p in parts], axis=0, weights=sizes)
    return Report(adder.bits, table, np.concatenate([p.wrong_bits for p in parts]), accuracy,
                  np.concatenate([p.predicted for p in parts]))


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


def width_table(adder, widths=WIDTHS, count: int = WIDE_SAMPLES, seed: int = 0,
                stop: Callable[[], bool] | None = None) -> list[WidthRow]:
    """Exact match of the same weights at other widths (raises ValueError for concat-msb).

    Up to MAP_MAX_BITS every pair is judged; wider, `count` seeded random pairs."""
    rows = []
    for bits in widths:
        if stop is not None and stop():
            break
        if bits <= MAP_MAX_BITS:
            report, every = evaluate(adder.with_bits(bits)), True
        else:
            report, every = evaluate_wide(adder, bits, count=count, seed=seed), False
        rows.append(WidthRow(bits, report.exact, report.count, every))
    return rows
