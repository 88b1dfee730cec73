"""The engine: every answer, table and state from plain weight arrays, in numpy.

Keras trains; the engine answers. It runs the recurrent layer (its cell's numpy step, from
core.cells) and its Dense head from a `Network` (core.weights), so opening a file, adding two
numbers or judging every pair imports no TensorFlow, and an engine is a value that any thread
may use.

Every pair at once, by shared prefixes. In the concat-msb layout the 65,536 8-bit inputs
are the 16-step bit strings, and after t steps only 2**t prefixes exist. Walking the tree of
prefixes, each node's state is computed once, and its recurrent product h @ U once for both
its children, which differ only by x_t W:

    step t:  z_child = (h_parent @ U + bias) + x_t W      x_t in {0, 1}

That is 65,535 recurrent rows instead of 16 x 65,536 = 1,048,576. In paired-lsb a node has
four children, (a_t, b_t) in {00, 01, 10, 11}, and the padding step one. The tree is walked
depth first in blocks of children (BLOCK_BYTES of pre-activations, one product for the
block's parents; the cell's step slices the element-wise work for the cache), so memory
stays bounded at any width, and its subtrees are shared between WORKERS threads (numpy
releases the GIL in products and element-wise work; core.blas keeps OpenBLAS from spreading
each product over the cores those threads already use).

How a cell steps in numpy (for an LSTM: its gates reordered, the sigmoid computed through
tanh) is core.cells's business; the engine only walks the inputs and the tree.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import numpy as np

from lstm_adder.core.blas import one_thread
from lstm_adder.core.cells import find_layer
from lstm_adder.core.encodings import Encoding, encoding_for_input_shape
from lstm_adder.core.numbers import add_bits, all_pairs, from_bits, to_bits
from lstm_adder.core.weights import Network, network_from_arrays

TABLE_MAX_BITS = 8  # widest model whose every pair is judged (2**16 pairs at 8 bits)
BLOCK_ROWS = 2048  # pairs run together through the one-pair forward
BLOCK_BYTES = 4 << 20  # a table block's pre-activations (rows, width) float32
WORKERS = max(1, min(4, os.cpu_count() or 1))  # threads that walk a table's subtrees


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


class _Prepared:
    """A Network's arrays made ready to run: its cell's numpy step (core.cells) and the
    Dense head, halved for the sigmoid. Shared by every width of the same weights."""

    def __init__(self, net: Network, step=None):
        self.step = step or net.cell.step(net)
        self.kernel, self.bias, self.units = self.step.kernel, self.step.bias, net.units
        self.head_kernel = np.ascontiguousarray(net.head_kernel * 0.5)  # sigmoid, halved
        self.head_bias = np.ascontiguousarray(net.head_bias * 0.5)

    def head(self, h: np.ndarray) -> np.ndarray:
        out = h @ self.head_kernel
        out += self.head_bias
        np.tanh(out, out=out)
        out *= 0.5
        out += 0.5
        return out


class Cancelled(Exception):  # noqa: N818 - reads as "raise Cancelled"
    """A table walk stopped because its `cancel()` said so."""


class Engine:
    """A network with its layout and operand width, ready to answer. Immutable: a new
    weight means a new engine, so whatever it has computed stays true."""

    def __init__(self, net: Network, encoding: Encoding, bits: int,
                 _prepared: _Prepared | None = None):
        self.net, self.encoding, self.bits = net, encoding, bits
        self.units = net.units  # the size of the cell's state
        self.max_operand = (1 << bits) - 1  # the largest operand at this width
        self._p = _prepared or _Prepared(net)
        # (unit, value) whose h the step forces after every step (core.ablation), or None
        self.knocked_out: tuple[int, float] | None = getattr(self._p.step, "knocked_out", None)
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

        cell, layer = find_layer(model)
        dense = [x for x in model.layers if isinstance(x, keras.layers.Dense)][-1]
        steps = model.input_shape[1]
        net = network_from_arrays(cell, layer.get_weights(), dense.get_weights(),
                                  layer.get_config(), steps,
                                  dense.get_config().get("activation", "linear"))
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

    def ablated(self, unit: int, value: float) -> Engine:
        """The same network with unit `unit`'s hidden state h forced to `value` after every
        step (core.ablation.AblatedStep), for one pair and for the table alike; a unit
        knocked out before is back in (one unit out at a time)."""
        from lstm_adder.core.ablation import AblatedStep

        if not 0 <= unit < self.units:
            raise ValueError(f"unit must lie in 0..{self.units - 1}")
        intact = getattr(self._p.step, "intact", self._p.step)
        return Engine(self.net, self.encoding, self.bits,
                      _Prepared(self.net, AblatedStep(intact, int(unit), float(value))))

    def intact(self) -> Engine:
        """The same network with no unit knocked out (itself if none is)."""
        if self.knocked_out is None:
            return self
        return Engine(self.net, self.encoding, self.bits,
                      _Prepared(self.net, self._p.step.intact))

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
        """Whether the weights run at other widths: the layout says (Encoding.any_length),
        whatever input length the file fixed, since the engine runs the recurrence itself."""
        return self.encoding.any_length

    @property
    def weights(self) -> list[np.ndarray]:
        """The arrays in Keras's order (the cell's kernel, recurrent kernel and bias, then the
        Dense kernel and bias)."""
        n = self.net
        return [n.kernel, n.recurrent, n.bias, n.head_kernel, n.head_bias]

    # -- one pair or a batch ------------------------------------------------------------

    def run(self, x: np.ndarray, states: bool = False):
        """Network input (N, steps, features) -> its output, as Keras gives it; with
        `states`, also the cell's states after every step: {name: (N, steps, units)} for
        each of `net.cell.states` (h and c for an LSTM)."""
        p, step = self._p, self._p.step
        inputs = x.astype(np.float32) @ p.kernel + p.bias  # (N, steps, width)
        now = step.zeros(x.shape[0])
        kept, outs = [], []
        for t in range(x.shape[1]):
            now = step.advance(now, inputs[:, t, None], 1)
            if states:
                kept.append(now)
            if self.net.return_sequences:
                outs.append(p.head(now[0]))
        out = np.stack(outs, axis=1) if self.net.return_sequences else p.head(now[0])
        if states:
            return out, {name: np.stack([k[i] for k in kept], axis=1)
                         for i, name in enumerate(self.net.cell.states)}
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
        a_bits, b_bits = _int_bits(a, n), _int_bits(b, n)
        true_bits, carries = add_bits(a_bits, b_bits)
        return Answer(a, b, n, predicted, a + b, a_bits, b_bits, carries, true_bits,
                      predicted_bits, probs)

    def states(self, a: int, b: int) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """({state name: (units, steps)}, inputs (features, steps)) while adding a + b."""
        x = self.encoding.inputs(to_bits([a], self.bits), to_bits([b], self.bits))
        _, kept = self.run(x, states=True)
        return {name: values[0].T for name, values in kept.items()}, x[0].T

    def trace(self, a: int, b: int) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """({gate or state: (units, steps)}, inputs (features, steps)) while adding a + b,
        by the cell's plain step (core.cells.Cell.trace), in the order of `cell.traced`."""
        x = self.encoding.inputs(to_bits([a], self.bits), to_bits([b], self.bits))
        traced = self.net.cell.trace(self.net, x)
        return {name: values[0].T for name, values in traced.items()}, x[0].T

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
        inputs = [o @ p.kernel + p.bias for o in options]  # (K, width) per step
        return inputs, fans

    def visit_states(self, visit: Callable[[int, np.ndarray], None],
                     cancel: Callable[[], bool] | None = None) -> None:
        """Walk every pair's prefix tree (as `table` does, keeping nothing), calling
        `visit(t, h)` with each block of tree nodes' h (rows, units) after step t; a node
        at step t stands for the same number of pairs as any other at that step. `visit`
        may be called from several threads at once. Raises Cancelled as `table` does."""
        if self.bits > TABLE_MAX_BITS:
            raise ValueError(f"at most {TABLE_MAX_BITS} bits")
        self._walk(cancel or (lambda: False), visit)

    def _walk(self, cancel: Callable[[], bool],
              visit: Callable[[int, np.ndarray], None] | None = None) -> np.ndarray:
        """Every pair's output by the prefix tree (see the module's docstring); `visit(t,
        h)` sees each block of nodes' h after step t (from any of the walk's threads)."""
        inputs, fans = self._layout
        steps = len(fans)
        leaves_below = [int(np.prod(fans[t:])) for t in range(steps + 1)]
        p, seq = self._p, self.net.return_sequences
        outputs = p.head_kernel.shape[1]
        # per-step outputs by node (seq), or the last step's by leaf
        levels = ([np.empty((leaves_below[0] // leaves_below[t + 1], outputs), np.float32)
                   for t in range(steps)] if seq else None)
        final = None if seq else np.empty((leaves_below[0], outputs), np.float32)
        block = _block_rows(p.kernel.shape[1])
        stop = threading.Event()  # one worker failed or was cancelled: the others end too

        def step(states, t, base):  # parents (P, U) each after t steps, node `base` first
            if stop.is_set() or cancel():
                stop.set()
                raise Cancelled
            children = p.step.advance(states, inputs[t][None], fans[t])
            h_new, first = children[0], base * fans[t]
            if visit is not None:
                visit(t, h_new)
            if seq:
                levels[t][first:first + len(h_new)] = p.head(h_new)
            elif t + 1 == steps:
                final[first:first + len(h_new)] = p.head(h_new)
            return children, first

        def expand(states, t, base):  # depth first, in blocks of about `block` children
            chunk = max(1, block // fans[t])
            for start in range(0, len(states[0]), chunk):
                children, first = step(tuple(s[start:start + chunk] for s in states), t,
                                       base + start)
                if t + 1 < steps:
                    expand(children, t + 1, first)

        # the first levels breadth first, until there is a subtree for each worker
        states, t, base = p.step.zeros(1), 0, 0
        while t < steps and len(states[0]) < WORKERS:
            states, base = step(states, t, base)
            t += 1
        if t < steps:
            cuts = np.linspace(0, len(states[0]), min(WORKERS, len(states[0])) + 1).astype(int)
            parts = [(tuple(s[lo:hi] for s in states), t, base + lo)
                     for lo, hi in zip(cuts[:-1], cuts[1:], strict=True)]
            _in_threads(expand, parts, stop)
        return self._gather(levels, final)

    def _gather(self, levels, final) -> np.ndarray:
        """The walk's outputs (by node per step, or by leaf) in table order."""
        _, fans = self._layout
        index = _leaf_index(type(self.encoding), self.bits)
        if levels is not None:
            steps = len(fans)
            below = [int(np.prod(fans[t + 1:])) for t in range(steps)]
            out = np.stack([levels[t][index // below[t]] for t in range(steps)], axis=1)
        else:
            out = final[index]
        return np.ascontiguousarray(self.encoding.probabilities(out), np.float32)


@lru_cache(maxsize=4)
def _leaf_index(encoding: type[Encoding], bits: int) -> np.ndarray:
    """Each pair's leaf of the prefix tree, in table order: its inputs read as digits in
    the mixed radix of the steps' fans. The same for every engine of a layout and width."""
    layout = encoding()
    fans = [len(o) for o in layout.step_options(bits)]
    a, b = all_pairs(bits)
    x = layout.inputs(to_bits(a, bits), to_bits(b, bits))
    index = np.zeros(len(a), np.int64)
    for t in range(len(fans)):
        k = (x[:, t] @ (1 << np.arange(x.shape[2])[::-1])).astype(np.int64)
        index = index * fans[t] + k
    index.setflags(write=False)
    return index


def _block_rows(width: int) -> int:
    """Children per block: as many as keep a block's pre-activations (rows, width) float32
    within BLOCK_BYTES (measured best for the seed table: 1,024 children of 512 parents)."""
    return int(np.clip(BLOCK_BYTES // (4 * width), 64, 8192))


def _in_threads(work: Callable, parts: list[tuple], stop: threading.Event) -> None:
    """work(*part) for each part, on threads of their own (the last on this one), with
    OpenBLAS on one thread per call; re-raises the first failure once all have ended."""
    failures: list[BaseException] = []

    def run(part):
        try:
            work(*part)
        except BaseException as error:  # noqa: BLE001 - handed to the calling thread
            stop.set()
            failures.append(error)

    with one_thread():
        threads = [threading.Thread(target=run, args=(part,), daemon=True)
                   for part in parts[:-1]]
        for thread in threads:
            thread.start()
        run(parts[-1])
        for thread in threads:
            thread.join()
    if failures:
        cancelled = [f for f in failures if isinstance(f, Cancelled)]
        raise (failures[0] if len(cancelled) == len(failures)
               else next(f for f in failures if not isinstance(f, Cancelled)))
