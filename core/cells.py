"""Recurrent cells: everything that depends on which recurrent layer an adder uses.

An adder is one recurrent layer and a Dense head. For each kind of recurrent layer a `Cell`
knows its Keras layer, its weights in both file formats, its numpy step (which the engine runs
for one pair and for the prefix-tree table) and the names of its gates and states. Adding a
cell is one more subclass here, registered in CELLS, and its tests.

LSTM, in Keras's gate order (input, forget, candidate, output):

    z = x_t W + h_(t-1) U + bias        i, f, g, o = split(z, 4)
    c_t = sigmoid(f) * c_(t-1) + sigmoid(i) * tanh(g)
    h_t = sigmoid(o) * tanh(c_t)

Its weights, kernel W (features, 4 units), recurrent kernel U (units, 4 units) and bias
(4 units,), are kept in that order in both file formats:

    .keras (Keras 3)  model.weights.h5: layers/lstm[_k]/cell/vars/{0,1,2}
    .h5 (Keras 2)     model_weights/<layer>/<layer>/lstm_cell[_k]/{kernel,recurrent_kernel,bias}:0
                      (listed in that order by the group's attrs["weight_names"])
"""

from __future__ import annotations

import re

import numpy as np

from lstm_adder.core.activations import SIGMOID, TANH, Activation, activation
from lstm_adder.core.errors import ModelFileError


class Cell:
    """One kind of recurrent layer. Subclasses answer everything that depends on the kind."""

    keras_class: str  # the layer's class name, as Keras and a file's architecture spell it
    gates: tuple[str, ...]  # the blocks of `units` columns of its kernels, in Keras's order
    states: tuple[str, ...]  # what it carries from step to step; states[0] is its output h
    weight_names = ("kernel", "recurrent_kernel", "bias")  # in both file formats' order
    defaults = {"activation": "tanh", "recurrent_activation": "sigmoid"}

    @property
    def keras_path(self) -> re.Pattern:
        """The group of a .keras file's model.weights.h5 that holds this cell's arrays."""
        return re.compile(rf"layers/{self.keras_class.lower()}(_\d+)?/cell/vars")

    def layer(self, units: int, **options):
        """A new Keras layer of this cell (`options`: return_sequences, name and so on)."""
        import keras

        return getattr(keras.layers, self.keras_class)(units, **options)

    def is_layer(self, layer) -> bool:
        import keras

        return isinstance(layer, getattr(keras.layers, self.keras_class))

    def activations(self, config: dict) -> tuple[Activation, Activation]:
        """(activation, recurrent_activation) of a layer's config; ModelFileError if this
        engine cannot run the layer."""
        if config.get("go_backwards") or config.get("stateful"):
            raise ModelFileError(f"a backwards or stateful {self.keras_class} is not supported")
        return tuple(activation(config.get(key, default), f"an {self.keras_class} with {key}")
                     for key, default in self.defaults.items())

    def arrays(self, arrays: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(kernel, recurrent, bias) as float32 from a layer's arrays in file order (a zero
        bias when it has none); ModelFileError when they do not fit this cell."""
        arrays = [np.asarray(w, np.float32) for w in arrays]
        if len(arrays) == 2:  # use_bias=False
            arrays.append(np.zeros(arrays[0].shape[1:], np.float32))
        if len(arrays) != 3:
            raise ModelFileError(f"its {self.keras_class} layer does not hold the usual "
                                 "weight arrays")
        kernel, recurrent, bias = arrays
        width = len(self.gates) * recurrent.shape[0] if recurrent.ndim == 2 else -1
        if (kernel.ndim != 2 or recurrent.shape != (recurrent.shape[0], width)
                or bias.shape != (width,) or kernel.shape[1] != width):
            raise ModelFileError("its weight arrays do not fit together")
        return kernel, recurrent, bias

    def parameters(self, units: int, features: int) -> int:
        """Weights in a layer of `units` reading `features` per step: kernel, recurrent
        kernel and bias of each gate."""
        return len(self.gates) * units * (features + units + 1)

    def step(self, net) -> Step:
        """The numpy step for a core.weights.Network of this cell."""
        raise NotImplementedError

    def trace(self, net, x: np.ndarray) -> dict[str, np.ndarray]:
        """Every gate and state after every step, {name: (N, steps, units)} in the order
        of `traced`, for a network input x (N, steps, features). Written as the cell's
        equations read, one step at a time, with no fused tricks: it is slow and plain on
        purpose, so a test can hold the fast step (`step`) against it."""
        raise NotImplementedError

    traced: tuple[str, ...] = ()  # the names `trace` gives, gates first, then states

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Step:
    """A cell's arrays made ready to run. `x @ kernel + bias` is a step's input part,
    (..., width); `advance` adds the recurrent part and moves the states on one step."""

    kernel: np.ndarray
    bias: np.ndarray
    units: int

    def zeros(self, rows: int) -> tuple[np.ndarray, ...]:
        """The states before the first step, (rows, units) each."""
        raise NotImplementedError

    def advance(self, states: tuple, inputs: np.ndarray, fan: int) -> tuple[np.ndarray, ...]:
        """States (P, units) each and input parts broadcastable to (P, fan, width) -> the
        states of the P * fan children, (P * fan, units) each, child j of parent p at row
        p * fan + j. states[0] is h."""
        raise NotImplementedError


class LSTM(Cell):
    keras_class = "LSTM"
    gates = ("input", "forget", "candidate", "output")
    states = ("h", "c")
    traced = ("i", "f", "g", "o", "c", "h")

    def step(self, net) -> LSTMStep:
        return LSTMStep(net)

    def trace(self, net, x):
        u, gate, act = net.units, net.recurrent_activation.plain, net.activation.plain
        h = np.zeros((x.shape[0], u), np.float32)
        c = np.zeros_like(h)
        kept = {name: [] for name in self.traced}
        for t in range(x.shape[1]):
            z = x[:, t].astype(np.float32) @ net.kernel + h @ net.recurrent + net.bias
            i, f = gate(z[:, :u]), gate(z[:, u:2 * u])
            g, o = act(z[:, 2 * u:3 * u]), gate(z[:, 3 * u:])
            c = f * c + i * g
            h = o * act(c)
            for name, value in zip(self.traced, (i, f, g, o, c, h), strict=True):
                kept[name].append(value)
        return {name: np.stack(values, axis=1) for name, values in kept.items()}


class LSTMStep(Step):
    """The gates reordered to (input, forget, output | candidate), so that one call covers
    the three that share an activation, with the activations' scales folded in.

    One product h U for all the parents, then the element-wise work in slices of children
    whose pre-activations fit BLOCK_BYTES, so that they stay in the core's cache; a slice's
    pre-activations are laid out gate by gate, (4, rows, fan, units), so that every pass
    after the first runs over whole contiguous blocks in one long loop, rather than over
    rows of `units`. (For the seed model's table, where these passes cost as much as the
    products, the two together took a fifth off its CPU time.)"""

    BLOCK_BYTES = 1 << 19  # a slice's pre-activations, float32

    def __init__(self, net):
        units = net.units
        order = np.r_[0:2 * units, 3 * units:4 * units, 2 * units:3 * units]  # i f o g
        self.gate, self.act = net.recurrent_activation, net.activation
        scale = np.r_[np.full(3 * units, self.gate.scale), np.full(units, self.act.scale)]
        scale = scale.astype(np.float32)
        self.kernel = np.ascontiguousarray(net.kernel[:, order] * scale)
        self.recurrent = np.ascontiguousarray(net.recurrent[:, order] * scale)
        self.bias = np.ascontiguousarray(net.bias[order] * scale)
        self.units = units
        self.standard = self.gate is SIGMOID and self.act is TANH

    def zeros(self, rows: int) -> tuple[np.ndarray, np.ndarray]:
        zero = np.zeros((rows, self.units), np.float32)
        return zero, zero.copy()

    def advance(self, states, inputs, fan):
        h, c = states
        u, rows = self.units, len(h)
        recurrent = (h @ self.recurrent).reshape(rows, 1, 4, u).transpose(2, 0, 1, 3)
        inputs = np.asarray(inputs)
        inputs = inputs.reshape(-1 if inputs.ndim < 3 else inputs.shape[0], fan, 4, u)
        inputs = inputs.transpose(2, 0, 1, 3)  # (4, rows or 1, fan, units)
        h_new, c_new = np.empty((2, rows, fan, u), np.float32)
        part = max(1, self.BLOCK_BYTES // (16 * u * fan))  # parents per slice
        if rows <= part:  # one slice (one pair, a small block): no slicing
            self._gates(np.add(recurrent, inputs), c, c_new, h_new)
            return h_new.reshape(-1, u), c_new.reshape(-1, u)
        z_all = np.empty((4, part, fan, u), np.float32)
        for start in range(0, rows, part):
            end = min(rows, start + part)
            z = z_all[:, :end - start]  # gate by gate: i, f, o, g
            x = inputs if inputs.shape[1] == 1 else inputs[:, start:end]
            np.add(recurrent[:, start:end], x, out=z)
            self._gates(z, c[start:end], c_new[start:end], h_new[start:end])
        return h_new.reshape(-1, u), c_new.reshape(-1, u)

    def _gates(self, z, c, c_new, h_new) -> None:
        """Pre-activations z (4, rows, fan, units) and the parents' c -> c_new and h_new
        (rows, fan, units), written in place; z is spent."""
        i, f, o, g = z
        if self.standard:  # sigmoid gates, tanh: one tanh over all four, the rest folded in
            np.tanh(z, out=z)  # i, f, o arrive halved: t = 2 sigmoid - 1; g: tanh itself
            f += 1.0  # c = sigmoid(f) c + sigmoid(i) g = ((1 + t_f) c + (1 + t_i) g) / 2
            f *= c[:, None, :]
            i += 1.0
            i *= g
            np.add(f, i, out=c_new)
            c_new *= 0.5
            np.tanh(c_new, out=h_new)
            o += 1.0  # h = sigmoid(o) tanh(c) = (1 + t_o) tanh(c) / 2
            h_new *= o
            h_new *= 0.5
            return
        self.gate(z[:3])
        self.act(g)
        f *= c[:, None, :]
        i *= g
        np.add(f, i, out=c_new)
        h_new[...] = self.act.plain(c_new)
        h_new *= o


CELLS = {cell.keras_class: cell for cell in (LSTM(),)}  # by the name a file's architecture uses


def cell_named(keras_class) -> Cell | None:
    """The cell of a layer that an architecture names `keras_class`, or None."""
    return CELLS.get(keras_class) if isinstance(keras_class, str) else None


def find_layer(model):
    """(cell, layer): a Keras model's recurrent layer and its cell; ValueError if none."""
    for layer in model.layers:
        for cell in CELLS.values():
            if cell.is_layer(layer):
                return cell, layer
    raise ValueError("the model has no recurrent layer")
