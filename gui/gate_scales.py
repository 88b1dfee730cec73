"""The colour scales of the gate view (gui.gate_view), one per kind of value a cell traces.

Colour scales are shared by kind, so two images of a kind compare at a glance. The kind of a
traced name is what the cell can make of it, found once per cell and activations by running
the cell's own trace saturated (large random weights in place of the model's, `kinds_of`): a
name that stays in [0, 1] is a gate (sigmoid-like, drawn 0…1 on a sequential map), one that
stays in [-1, 1] is tanh-like (drawn -1…1 on the state view's diverging map), and one that
grows past them (an LSTM's cell state c) is drawn on a scale as wide as its largest value on
show. No name is looked up by its spelling, so a GRU's or a SimpleRNN's names need nothing
here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from lstm_adder.gui.state_view import STATE_COLORS

GATE_COLORS = "viridis"  # sequential: a gate is shut (0) to open (1)
PROBE_ROWS, PROBE_STEPS, PROBE_SCALE = 64, 12, 4.0  # the saturated run that finds the kinds
TOLERANCE = 1e-4  # float32 rounding at the edge of a bounded range


@dataclass(frozen=True)
class Kind:
    """What values a traced name takes, and how they are coloured."""

    low: float
    high: float
    colors: str
    label: str  # marked with QT_TRANSLATE_NOOP("GateView", …)
    grows: bool = False  # unbounded: the scale widens to the largest value on show

    def levels(self, values: list[np.ndarray]) -> tuple[float, float]:
        if not self.grows:
            return self.low, self.high
        top = max([self.high] + [float(np.abs(v).max()) for v in values])
        return -top, top


GATE = Kind(0.0, 1.0, GATE_COLORS, QT_TRANSLATE_NOOP("GateView", "gates, 0 to 1"))
TANH = Kind(-1.0, 1.0, STATE_COLORS, QT_TRANSLATE_NOOP("GateView", "tanh, -1 to 1"))
OPEN = Kind(-1.0, 1.0, STATE_COLORS, QT_TRANSLATE_NOOP("GateView", "unbounded"), grows=True)

_KINDS: dict[tuple, dict[str, Kind]] = {}  # by cell, activations and array shapes


def kinds_of(net) -> dict[str, Kind]:
    """The Kind of each name `net`'s cell traces, by running the cell's own trace on `net`
    with large random weights instead of its own (see the module's docstring). The answer
    depends on the cell and its activations only, and is kept for them."""
    arrays = {"kernel": net.kernel, "recurrent": net.recurrent, "bias": net.bias}
    key = (net.cell, net.activation, net.recurrent_activation,
           *(np.shape(w) for w in arrays.values()))
    if key not in _KINDS:
        rng = np.random.default_rng(0)
        probe = dataclasses.replace(net, **{
            name: (rng.standard_normal(np.shape(w)) * PROBE_SCALE).astype(np.float32)
            for name, w in arrays.items()})
        x = rng.integers(0, 2, (PROBE_ROWS, PROBE_STEPS, net.features)).astype(np.float32)
        _KINDS[key] = {name: _kind(float(v.min()), float(v.max()))
                       for name, v in net.cell.trace(probe, x).items()}
    return _KINDS[key]


def _kind(low: float, high: float) -> Kind:
    """The narrowest kind whose range holds [low, high]."""
    for kind in (GATE, TANH):
        if low >= kind.low - TOLERANCE and high <= kind.high + TOLERANCE:
            return kind
    return OPEN
