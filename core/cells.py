"""Recurrent cells: everything that depends on which recurrent layer an adder uses.

An adder is one recurrent layer and a Dense head. For each kind of recurrent layer a `Cell`
knows its Keras layer, its weights in both file formats, its numpy step (which the engine runs
for one pair and for the prefix-tree table) and the names of its gates and states. Adding a
cell is one more subclass here, registered in CELLS, and its tests (tests/test_cells.py).

LSTM, in Keras's gate order (input, forget, candidate, output):

    z = x_t W + h_(t-1) U + bias        i, f, g, o = split(z, 4)
    c_t = sigmoid(f) * c_(t-1) + sigmoid(i) * tanh(g)
    h_t = sigmoid(o) * tanh(c_t)

GRU, in Keras's gate order (update, reset, candidate), with the reset applied after the
recurrent product (reset_after=True, Keras 3's default and Keras 2's since TF 2):

    x_z, x_r, x_n = split(x_t W + b_in, 3)      u_z, u_r, u_n = split(h_(t-1) U + b_rec, 3)
    z = sigmoid(x_z + u_z)    r = sigmoid(x_r + u_r)    n = tanh(x_n + r * u_n)
    h_t = z * h_(t-1) + (1 - z) * n

or before it (reset_after=False, older Keras 2 files): one bias, added to x_t W, and
n = tanh(x_n + (r * h_(t-1)) U_n).

SimpleRNN: h_t = tanh(x_t W + h_(t-1) U + bias).

Each cell's weights, kernel W (features, gates * units), recurrent kernel U (units, gates *
units) and bias ((gates * units,); a reset_after GRU's is (2, 3 units): b_in, then b_rec), are
kept in that order in both file formats:

    .keras (Keras 3)  model.weights.h5: layers/<name>[_k]/cell/vars/{0,1,2}   (lstm, gru,
                      simple_rnn: the cell's `name`)
    .h5 (Keras 2)     model_weights/<layer>/<layer>/<name>_cell[_k]/{kernel,recurrent_kernel,
                      bias}:0 (listed in that order by the group's attrs["weight_names"])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from lstm_adder.core.activations import SIGMOID, TANH, Activation, activation
from lstm_adder.core.errors import ModelFileError, shown
from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words

KERAS_TWO_KEYS = ("time_major",)  # what Keras 2 wrote into every recurrent layer's config
# and Keras 3 refuses


class Cell:
    """One kind of recurrent layer. Subclasses answer everything that depends on the kind."""

    keras_class: str  # the layer's class name, as Keras and a file's architecture spell it
    name: str  # the recipe's and the command line's word for it, and its group in a .keras
    gates: tuple[str, ...]  # the blocks of `units` columns of its kernels, in Keras's order
    states: tuple[str, ...]  # what it carries from step to step; states[0] is its output h
    weight_names = ("kernel", "recurrent_kernel", "bias")  # in both file formats' order
    defaults = {"activation": "tanh", "recurrent_activation": "sigmoid"}

    @property
    def keras_path(self) -> re.Pattern:
        """The group of a .keras file's model.weights.h5 that holds this cell's arrays."""
        return re.compile(rf"layers/{self.name}(_\d+)?/cell/vars")

    def layer(self, units: int, **options):
        """A new Keras layer of this cell (`options`: return_sequences, name and so on),
        with Keras's defaults otherwise."""
        import keras

        return getattr(keras.layers, self.keras_class)(units, **options)

    def is_layer(self, layer) -> bool:
        import keras

        return isinstance(layer, getattr(keras.layers, self.keras_class))

    def loader(self):
        """The Keras layer class that reads this cell's config from a file of either Keras:
        the keys Keras 2 wrote that Keras 3 refuses (KERAS_TWO_KEYS) are dropped."""
        import keras

        base = getattr(keras.layers, self.keras_class)

        def from_config(cls, config):
            config = {k: v for k, v in config.items() if k not in KERAS_TWO_KEYS}
            return base.from_config(config)

        return type(self.keras_class, (base,), {"from_config": classmethod(from_config)})

    def configured(self, config: dict) -> Cell:
        """This cell as a layer's config sets it up (a GRU's reset_after); ModelFileError if
        this engine cannot run the layer."""
        if config.get("go_backwards") or config.get("stateful"):
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "a backwards or stateful {0} is not supported"), self.keras_class))
        return self

    def activations(self, config: dict) -> dict[str, Activation]:
        """The activations of a layer's config, by a Network's field names (activation,
        recurrent_activation); ModelFileError for one this engine cannot run."""
        return {key: activation(config.get(key, default), Words(QT_TRANSLATE_NOOP(
                    "core", "an {0} with {1}"), self.keras_class, key))
                for key, default in self.defaults.items()}

    def bias_shape(self, units: int) -> tuple[int, ...]:
        return (len(self.gates) * units,)

    def shapes(self, features: int, units: int) -> list[tuple[int, ...]]:
        """The shapes of the kernel, recurrent kernel and bias, in Keras's order."""
        width = len(self.gates) * units
        return [(features, width), (units, width), self.bias_shape(units)]

    def arrays(self, arrays: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(kernel, recurrent, bias) as float32 from a layer's arrays in file order (a zero
        bias when it has none); ModelFileError when they do not fit this cell."""
        arrays = [np.asarray(w, np.float32) for w in arrays]
        if len(arrays) not in (2, 3) or arrays[0].ndim != 2 or arrays[1].ndim != 2:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "its {0} layer does not hold the usual weight arrays"),
                self.keras_class))
        shapes = self.shapes(arrays[0].shape[0], arrays[1].shape[0])
        if len(arrays) == 2:  # use_bias=False
            arrays.append(np.zeros(shapes[2], np.float32))
        if [w.shape for w in arrays] != shapes:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "its weight arrays do not fit together")))
        kernel, recurrent, bias = arrays
        return kernel, recurrent, bias

    def parameters(self, units: int, features: int) -> int:
        """Weights in a layer of `units` reading `features` per step: kernel, recurrent
        kernel and bias."""
        return sum(int(np.prod(shape)) for shape in self.shapes(features, units))

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
        """The states before the first step, (rows, units) each (h alone, unless the cell
        carries more)."""
        return (np.zeros((rows, self.units), np.float32),)

    def advance(self, states: tuple, inputs: np.ndarray, fan: int) -> tuple[np.ndarray, ...]:
        """States (P, units) each and input parts broadcastable to (P, fan, width) -> the
        states of the P * fan children, (P * fan, units) each, child j of parent p at row
        p * fan + j. states[0] is h."""
        raise NotImplementedError


def _traced(names: tuple[str, ...], steps: list[tuple]) -> dict[str, np.ndarray]:
    """{name: (N, steps, units)} from each step's values, in the order of `names`."""
    return {name: np.stack([values[i] for values in steps], axis=1)
            for i, name in enumerate(names)}


class LSTM(Cell):
    keras_class, name = "LSTM", "lstm"
    gates = ("input", "forget", "candidate", "output")
    states = ("h", "c")
    traced = ("i", "f", "g", "o", "c", "h")

    def step(self, net) -> LSTMStep:
        return LSTMStep(net)

    def trace(self, net, x):
        u, gate, act = net.units, net.recurrent_activation.plain, net.activation.plain
        h = np.zeros((x.shape[0], u), np.float32)
        c = np.zeros_like(h)
        steps = []
        for t in range(x.shape[1]):
            z = x[:, t].astype(np.float32) @ net.kernel + h @ net.recurrent + net.bias
            i, f = gate(z[:, :u]), gate(z[:, u:2 * u])
            g, o = act(z[:, 2 * u:3 * u]), gate(z[:, 3 * u:])
            c = f * c + i * g
            h = o * act(c)
            steps.append((i, f, g, o, c, h))
        return _traced(self.traced, steps)


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


@dataclass(frozen=True, repr=False)
class GRU(Cell):
    reset_after: bool = True  # Keras's default; False: reset h before the recurrent product

    keras_class, name = "GRU", "gru"
    gates = ("update", "reset", "candidate")
    states = ("h",)
    traced = ("z", "r", "h~", "h")

    def configured(self, config):
        super().configured(config)
        after = config.get("reset_after", True)
        if not isinstance(after, bool):
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "a GRU with reset_after {0} is not supported"), shown(after)))
        return self if after == self.reset_after else GRU(after)

    def bias_shape(self, units):
        return (2, 3 * units) if self.reset_after else (3 * units,)

    def step(self, net) -> GRUStep:
        return GRUStep(net)

    def trace(self, net, x):
        u, gate, act = net.units, net.recurrent_activation.plain, net.activation.plain
        kernel, recurrent = net.kernel, net.recurrent
        b_in, b_rec = (net.bias[0], net.bias[1]) if self.reset_after else (net.bias, 0.0)
        h = np.zeros((x.shape[0], u), np.float32)
        steps = []
        for t in range(x.shape[1]):
            x_z, x_r, x_n = np.split(x[:, t].astype(np.float32) @ kernel + b_in, 3, axis=1)
            u_z, u_r, u_n = np.split(h @ recurrent + b_rec, 3, axis=1)
            z, r = gate(x_z + u_z), gate(x_r + u_r)
            reset = r * u_n if self.reset_after else (r * h) @ recurrent[:, 2 * u:]
            n = act(x_n + reset)
            h = z * h + (1 - z) * n
            steps.append((z, r, n, h))
        return _traced(self.traced, steps)

    def __repr__(self) -> str:
        return "GRU()" if self.reset_after else "GRU(reset_after=False)"


class GRUStep(Step):
    """The gates (update, reset | candidate) with the activations' scales folded in. With
    sigmoid gates and a tanh candidate one tanh covers both gates, which then arrive doubled
    (1 + tanh(x / 2) = 2 sigmoid(x)); the candidate's recurrent columns are halved to take
    the doubled reset, and the update's half is taken once, at the end."""

    def __init__(self, net):
        u = self.units = net.units
        self.gate, self.act = net.recurrent_activation, net.activation
        self.after = net.cell.reset_after
        self.standard = self.gate is SIGMOID and self.act is TANH
        scale = np.r_[np.full(2 * u, self.gate.scale), np.full(u, self.act.scale)]
        scale = scale.astype(np.float32)
        inner = scale * np.r_[np.ones(2 * u), np.full(u, 0.5 if self.standard else 1.0)]
        inner = inner.astype(np.float32)  # the recurrent part: r arrives doubled if standard
        self.kernel = np.ascontiguousarray(net.kernel * scale)
        recurrent = net.recurrent * inner
        if self.after:
            self.bias = np.ascontiguousarray(net.bias[0] * scale)
            self.recurrent = np.ascontiguousarray(recurrent)
            self.recurrent_bias = np.ascontiguousarray(net.bias[1] * inner)
        else:
            self.bias = np.ascontiguousarray(net.bias * scale)
            self.recurrent = np.ascontiguousarray(recurrent[:, :2 * u])  # the gates' part
            self.candidate = np.ascontiguousarray(recurrent[:, 2 * u:])  # takes r * h

    def advance(self, states, inputs, fan):
        (h,) = states
        u, rows = self.units, len(states[0])
        inner = h @ self.recurrent
        if self.after:
            inner += self.recurrent_bias
        zr = np.empty((rows, fan, 2 * u), np.float32)
        np.add(inner[:, None, :2 * u], inputs[..., :2 * u], out=zr)
        if self.standard:
            np.tanh(zr, out=zr)
            zr += 1.0  # 2 z, 2 r
        else:
            self.gate(zr)
        z, r = zr[..., :u], zr[..., u:]
        if self.after:
            n = np.multiply(r, inner[:, None, 2 * u:])
        else:
            n = ((r * h[:, None, :]).reshape(-1, u) @ self.candidate).reshape(rows, fan, u)
        n += inputs[..., 2 * u:]
        self.act(n)
        h_new = np.subtract(h[:, None, :], n)  # h = z h + (1 - z) n = n + z (h - n)
        h_new *= z
        if self.standard:
            h_new *= 0.5
        h_new += n
        return (h_new.reshape(-1, u),)


class SimpleRNN(Cell):
    keras_class, name = "SimpleRNN", "simple_rnn"
    gates = ("candidate",)
    states = ("h",)
    traced = ("h",)
    defaults = {"activation": "tanh"}

    def step(self, net) -> SimpleRNNStep:
        return SimpleRNNStep(net)

    def trace(self, net, x):
        h = np.zeros((x.shape[0], net.units), np.float32)
        steps = []
        for t in range(x.shape[1]):
            h = net.activation.plain(x[:, t].astype(np.float32) @ net.kernel
                                     + h @ net.recurrent + net.bias)
            steps.append((h,))
        return _traced(self.traced, steps)


class SimpleRNNStep(Step):
    """One product and one activation a step, the activation's scale folded in."""

    def __init__(self, net):
        self.act, self.units, scale = net.activation, net.units, net.activation.scale
        self.kernel = np.ascontiguousarray(net.kernel * scale, np.float32)
        self.recurrent = np.ascontiguousarray(net.recurrent * scale, np.float32)
        self.bias = np.ascontiguousarray(net.bias * scale, np.float32)

    def advance(self, states, inputs, fan):
        (h,) = states
        z = np.empty((len(h), fan, self.units), np.float32)
        np.add((h @ self.recurrent)[:, None, :], inputs, out=z)
        self.act(z)
        return (z.reshape(-1, self.units),)


CELLS = {cell.keras_class: cell for cell in (LSTM(), GRU(), SimpleRNN())}  # by the name a
# file's architecture uses; each is the cell a recipe builds (Keras's defaults)


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
