"""The engine: every answer, table and state from plain weight arrays, in numpy.

Keras trains; the engine answers. It runs the LSTM and its Dense head from a `Network`
(core.weights), so opening a file, adding two numbers or judging every pair imports no
TensorFlow, and an engine is a value that any thread may use.

Every pair at once, by shared prefixes. In the concat-msb layout the 65,536 8-bit inputs
are the 16-step bit strings, and after t steps only 2**t prefixes exist. Walking the tree of
prefixes, each node's state is computed once, and its recurrent product h @ U once for both
its children, which differ only by x_t W:

    step t:  z_child = (h_parent @ U + bias) + x_t W      x_t in {0, 1}

That is 65,535 recurrent rows instead of 16 x 65,536 = 1,048,576. In paired-lsb a node has
four children, (a_t, b_t) in {00, 01, 10, 11}, and the padding step one. The tree is walked
depth first in blocks of at most BLOCK_ROWS children, so memory stays bounded at any width.

The gates are reordered to (input, forget, output | candidate) so that one call covers the
three gates that share an activation; a sigmoid is computed as 0.5 * tanh(0.5 x) + 0.5, with
the 0.5 folded into the weights, because numpy's float32 tanh is vectorised and fast.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from lstm_adder.core.encodings import Encoding, encoding_for_input_shape
from lstm_adder.core.numbers import all_pairs, from_bits, to_bits
from lstm_adder.core.weights import Network, network_from_arrays

TABLE_MAX_BITS = 8  # widest model whose every pair is judged (2**16 pairs at 8 bits)
BLOCK_ROWS = 2048  # children computed together while walking the prefix tree


@dataclass
class Answer:
    """One pair through the network. Bit arrays are LSB first."""

    a: int
    b: int
    bits: int
    predicted: int
    true: int
    a_bits: np.ndarray
    b_bits: np.ndarray
    carries: np.ndarray  # carry into each of the n + 1 sum positions
    true_bits: np.ndarray
    predicted_bits: np.ndarray
    probabilities: np.ndarray  # P(bit = 1) for each of the n + 1 sum positions

    @property
    def correct(self) -> bool:
        return self.predicted == self.true

    @property
    def confidence(self) -> float:
        """The network's least certain bit: min over bits of max(p, 1 - p)."""
        p = self.probabilities
        return float(np.min(np.maximum(p, 1 - p)))

    @property
    def mismatches(self) -> list[int]:
        """Positions k (bit 2**k) where the prediction is wrong."""
        return [int(k) for k in np.flatnonzero(self.predicted_bits != self.true_bits)]


def _int_bits(value: int, n: int) -> np.ndarray:
    return np.array([(value >> k) & 1 for k in range(n)], np.uint8)


def _ripple(a: int, b: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(sum bits, carry into each position), n + 1 each, LSB first, for one pair."""
    total, carries, carry = a + b, [], 0
    for k in range(n):
        carries.append(carry)
        carry = (((a >> k) & 1) + ((b >> k) & 1) + carry) >> 1
    carries.append(carry)
    return _int_bits(total, n + 1), np.array(carries, np.uint8)


class _Activation:
    """An activation applied in place. `scale` is folded into the weights beforehand."""

    def __init__(self, name: str):
        self.name = name
        self.scale = 0.5 if name == "sigmoid" else 1.0

    def __call__(self, x: np.ndarray) -> np.ndarray:
        name = self.name
        if name == "sigmoid":  # x arrives halved: sigmoid(2x') = 0.5 * tanh(x') + 0.5
            np.tanh(x, out=x)
            x *= 0.5
            x += 0.5
        elif name == "tanh":
            np.tanh(x, out=x)
        elif name == "hard_sigmoid":  # Keras 3's definition
            x /= 6.0
            x += 0.5
            np.clip(x, 0.0, 1.0, out=x)
        elif name == "relu":
            np.maximum(x, 0.0, out=x)
        return x

    def plain(self, x: np.ndarray) -> np.ndarray:
        """On an unscaled copy (the cell state's activation)."""
        x = np.array(x, np.float32)
        if self.scale != 1.0:
            x *= self.scale
        return self(x)


class _Prepared:
    """A Network's arrays rearranged for speed: gates (i, f, o | g), activation scales
    folded in. Shared by every width of the same weights."""

    def __init__(self, net: Network):
        units = net.units
        order = np.r_[0:2 * units, 3 * units:4 * units, 2 * units:3 * units]  # i f o g
        self.gate = _Activation(net.recurrent_activation)
        self.act = _Activation(net.activation)
        scale = np.r_[np.full(3 * units, self.gate.scale), np.full(units, self.act.scale)]
        scale = scale.astype(np.float32)
        self.kernel = np.ascontiguousarray(net.kernel[:, order] * scale)
        self.recurrent = np.ascontiguousarray(net.recurrent[:, order] * scale)
        self.bias = np.ascontiguousarray(net.bias[order] * scale)
        self.head_kernel = np.ascontiguousarray(net.head_kernel * 0.5)  # sigmoid, halved
        self.head_bias = np.ascontiguousarray(net.head_bias * 0.5)
        self.units = units
        self.standard = (net.recurrent_activation, net.activation) == ("sigmoid", "tanh")

    def head(self, h: np.ndarray) -> np.ndarray:
        out = h @ self.head_kernel
        out += self.head_bias
        np.tanh(out, out=out)
        out *= 0.5
        out += 0.5
        return out

    def cell(self, z: np.ndarray, c: np.ndarray, fan: int) -> tuple[np.ndarray, np.ndarray]:
        """z: (P * fan, 4U) pre-activations (consumed); c: (P, U) parent cell states.
        -> (h, c) of the P * fan children."""
        u = self.units
        zz = z.reshape(len(c), fan, 4 * u)
        i, f, o, g = zz[..., :u], zz[..., u:2 * u], zz[..., 2 * u:3 * u], zz[..., 3 * u:]
        if self.standard:  # sigmoid gates, tanh: one tanh over all four, the rest folded in
            np.tanh(z, out=z)  # i, f, o arrive halved: t = 2 sigmoid - 1; g: tanh itself
            f += 1.0  # c = sigmoid(f) c + sigmoid(i) g = ((1 + t_f) c + (1 + t_i) g) / 2
            f *= c[:, None, :]
            i += 1.0
            i *= g
            c_new = (f + i).reshape(-1, u)
            c_new *= 0.5
            h_new = np.tanh(c_new).reshape(zz.shape[0], fan, u)
            o += 1.0  # h = sigmoid(o) tanh(c) = (1 + t_o) tanh(c) / 2
            h_new *= o
            h_new *= 0.5
            return h_new.reshape(-1, u), c_new
        self.gate(z[:, :3 * u])
        self.act(z[:, 3 * u:])
        np.multiply(f, c[:, None, :], out=f)
        np.multiply(i, g, out=i)
        c_new = (f + i).reshape(-1, u)
        h_new = self.act.plain(c_new).reshape(zz.shape[0], fan, u)
        h_new *= o
        return h_new.reshape(-1, u), c_new


class Cancelled(Exception):  # noqa: N818 - reads as "raise Cancelled"
    """A table walk stopped because its `cancel()` said so."""


class Engine:
    """A network with its layout and operand width, ready to answer. Immutable: a new
    weight means a new engine, so whatever it has computed stays true."""

    def __init__(self, net: Network, encoding: Encoding, bits: int,
                 _prepared: _Prepared | None = None):
        self.net, self.encoding, self.bits = net, encoding, bits
        self._p = _prepared or _Prepared(net)
        self._table: np.ndarray | None = None
        self._table_lock = threading.Lock()

    # -- making one --------------------------------------------------------------------

    @classmethod
    def from_file(cls, path) -> tuple[Engine, dict]:
        """(engine at the file's width, the file's lstm_adder.json) without Keras."""
        from lstm_adder.core.storage import check_shapes
        from lstm_adder.core.weights import read_network

        net, info = read_network(path)
        encoding, bits = check_shapes(net.input_shape, net.output_shape, path, info)
        return cls(net, encoding, bits), info

    @classmethod
    def from_model(cls, model, bits: int | None = None) -> Engine:
        """From a Keras model's current weights (call on the thread that owns the model).
        `bits`: the width to answer at (needed for a model that reads any length)."""
        import keras

        lstm = next(x for x in model.layers if isinstance(x, keras.layers.LSTM))
        dense = [x for x in model.layers if isinstance(x, keras.layers.Dense)][-1]
        steps = model.input_shape[1]
        net = network_from_arrays(lstm.get_weights(), dense.get_weights(), lstm.get_config(),
                                  steps, dense.get_config().get("activation", "linear"))
        encoding, native = encoding_for_input_shape(net.input_shape)
        if (bits or native) is None:
            raise ValueError("this model reads any length: say which width to answer at")
        return cls(net, encoding, bits or native)

    def with_weights(self, weights: list[np.ndarray]) -> Engine:
        """The same network and width with other weights (Keras's order, as `weights`)."""
        kernel, recurrent, bias, head_kernel, head_bias = (np.asarray(w, np.float32)
                                                           for w in weights)
        if [w.shape for w in (kernel, recurrent, bias, head_kernel, head_bias)] != \
                [w.shape for w in self.weights]:
            raise ValueError("those weights do not fit this network")
        net = replace(self.net, kernel=kernel, recurrent=recurrent, bias=bias,
                      head_kernel=head_kernel, head_bias=head_bias)
        return Engine(net, self.encoding, self.bits)

    def without_table(self) -> Engine:
        """The same engine with nothing computed yet (to keep many epochs in little memory)."""
        return Engine(self.net, self.encoding, self.bits, self._p)

    def with_bits(self, bits: int) -> Engine:
        """The same weights on another width (only layouts that read any length can)."""
        if bits == self.bits:
            return self
        if not self.can_widen:
            raise ValueError(
                f"this model reads exactly {self.bits}-bit numbers ({self.encoding.name}); "
                "only a paired-lsb (carry) model can change width")
        return Engine(self.net, self.encoding, bits, self._p)

    # -- what it is --------------------------------------------------------------------

    @property
    def can_widen(self) -> bool:
        return self.net.steps is None

    @property
    def units(self) -> int:
        return self.net.units

    @property
    def max_operand(self) -> int:
        return (1 << self.bits) - 1

    @property
    def weights(self) -> list[np.ndarray]:
        """The arrays in Keras's order (LSTM kernel, recurrent, bias, Dense kernel, bias)."""
        n = self.net
        return [n.kernel, n.recurrent, n.bias, n.head_kernel, n.head_bias]

    # -- one pair or a batch ------------------------------------------------------------

    def run(self, x: np.ndarray, states: bool = False):
        """Network input (N, steps, features) -> its output, as Keras gives it; with
        `states`, also h and c after every step, each (N, steps, units)."""
        p, n_rows = self._p, x.shape[0]
        steps = x.shape[1]
        inputs = x.astype(np.float32) @ p.kernel + p.bias  # (N, steps, 4U)
        h = np.zeros((n_rows, p.units), np.float32)
        c = np.zeros_like(h)
        hs, cs, outs = [], [], []
        for t in range(steps):
            z = h @ p.recurrent
            z += inputs[:, t]
            h, c = p.cell(z, c, 1)
            if states:
                hs.append(h)
                cs.append(c)
            if self.net.return_sequences:
                outs.append(p.head(h))
        out = np.stack(outs, axis=1) if self.net.return_sequences else p.head(h)
        if states:
            return out, np.stack(hs, axis=1), np.stack(cs, axis=1)
        return out

    def probabilities(self, a_bits: np.ndarray, b_bits: np.ndarray) -> np.ndarray:
        """LSB-first operand bits (N, n) -> P(sum bit = 1), (N, n + 1) LSB first."""
        out = [self.encoding.probabilities(self.run(self.encoding.inputs(
            a_bits[start:start + BLOCK_ROWS], b_bits[start:start + BLOCK_ROWS])))
            for start in range(0, max(1, len(a_bits)), BLOCK_ROWS)]
        return out[0] if len(out) == 1 else np.concatenate(out)

    def add_many(self, a, b) -> np.ndarray:
        """Predicted sums (int64) for arrays of operands."""
        probs = self.probabilities(to_bits(a, self.bits), to_bits(b, self.bits))
        return from_bits(probs >= 0.5)

    def answer(self, a: int, b: int) -> Answer:
        """One pair: from the judged table when it exists, else one forward pass."""
        a, b, n = int(a), int(b), self.bits
        if not (0 <= a <= self.max_operand and 0 <= b <= self.max_operand):
            raise ValueError(f"operands must lie in 0..{self.max_operand}")
        table = self._table
        if table is not None:
            probs = table[(a << n) | b]
        else:
            a_bits, b_bits = _int_bits(a, n)[None], _int_bits(b, n)[None]
            probs = self.probabilities(a_bits, b_bits)[0]
        predicted_bits = (probs >= 0.5).astype(np.uint8)
        predicted = sum(int(bit) << k for k, bit in enumerate(predicted_bits))
        true_bits, carries = _ripple(a, b, n)
        return Answer(a, b, n, predicted, a + b, _int_bits(a, n), _int_bits(b, n), carries,
                      true_bits, predicted_bits, probs)

    def states(self, a: int, b: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(h, c, inputs) while adding a + b: h and c (units, steps), inputs (features,
        steps)."""
        x = self.encoding.inputs(to_bits([a], self.bits), to_bits([b], self.bits))
        _, h, c = self.run(x, states=True)
        return h[0].T, c[0].T, x[0].T

    # -- every pair ----------------------------------------------------------------------

    @property
    def has_table(self) -> bool:
        return self._table is not None

    def table(self, cancel: Callable[[], bool] | None = None) -> np.ndarray:
        """P(sum bit = 1) for every pair, (2**2n, n + 1) LSB first, row (a << n) | b.

        Computed once per engine, by walking the tree of shared prefixes; raises Cancelled
        if `cancel()` turns true on the way, and ValueError above TABLE_MAX_BITS."""
        if self._table is not None:
            return self._table
        if self.bits > TABLE_MAX_BITS:
            raise ValueError(f"every pair of {self.bits}-bit numbers is too many to judge; "
                             f"at most {TABLE_MAX_BITS} bits")
        with self._table_lock:
            if self._table is None:
                self._table = self._walk(cancel or (lambda: False))
        return self._table

    @cached_property
    def _layout(self) -> tuple[list[np.ndarray], list[int]]:
        options = self.encoding.step_options(self.bits)
        fans = [len(o) for o in options]
        p = self._p
        inputs = [o @ p.kernel + p.bias for o in options]  # (K, 4U) per step
        return inputs, fans

    def _walk(self, cancel: Callable[[], bool]) -> np.ndarray:
        inputs, fans = self._layout
        steps = len(fans)
        leaves_below = [int(np.prod(fans[t:])) for t in range(steps + 1)]
        p, seq = self._p, self.net.return_sequences
        outputs = p.head_kernel.shape[1]
        # per-step outputs by node (seq), or the last step's by leaf
        levels = ([np.empty((leaves_below[0] // leaves_below[t + 1], outputs), np.float32)
                   for t in range(steps)] if seq else None)
        final = None if seq else np.empty((leaves_below[0], outputs), np.float32)

        def expand(h, c, t, base):  # h, c: (P, U) after t steps; node `base` is h[0]
            fan = fans[t]
            chunk = max(1, BLOCK_ROWS // fan)
            for start in range(0, len(h), chunk):
                if cancel():
                    raise Cancelled
                hp, cp = h[start:start + chunk], c[start:start + chunk]
                z = np.empty((len(hp), fan, 4 * p.units), np.float32)
                np.add((hp @ p.recurrent)[:, None, :], inputs[t][None], out=z)
                h_new, c_new = p.cell(z.reshape(len(hp) * fan, -1), cp, fan)
                first = (base + start) * fan
                if seq:
                    levels[t][first:first + len(h_new)] = p.head(h_new)
                if t + 1 < steps:
                    expand(h_new, c_new, t + 1, first)
                elif not seq:
                    final[first:first + len(h_new)] = p.head(h_new)

        zero = np.zeros((1, p.units), np.float32)
        expand(zero, zero, 0, 0)
        a, b = all_pairs(self.bits)
        x = self.encoding.inputs(to_bits(a, self.bits), to_bits(b, self.bits))
        index = np.zeros(len(a), np.int64)  # each pair's leaf: its inputs in mixed radix
        for t in range(steps):
            k = (x[:, t] @ (1 << np.arange(x.shape[2])[::-1])).astype(np.int64)
            index = index * fans[t] + k
        if seq:
            out = np.stack([levels[t][index // leaves_below[t + 1]] for t in range(steps)],
                           axis=1)
        else:
            out = final[index]
        return np.ascontiguousarray(self.encoding.probabilities(out), np.float32)
