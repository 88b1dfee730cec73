"""Answering: load a model once, then add pairs fast enough for every keystroke.

`model.predict` costs ~35 ms a call here; a compiled, XLA-jitted call on a fixed input
shape costs well under a millisecond. `Adder` keeps two such calls: one for a single pair
and one for fixed-size chunks of many pairs (the last chunk is padded). Each is a concrete
function, traced on first use: calling it skips tf.function's per-call argument matching
(~0.3 ms of a ~1 ms click here). XLA pays off for the single pair only: on 4,096-pair
chunks the plain graph was ~20% faster on this 2-core CPU. A chunk holds CHUNK pairs, or
more for a narrow LSTM: the 16-unit carry model judges all 65,536 8-bit pairs in one call
(~0.15 s against ~0.23 s in 4,096-pair chunks); for the 256-unit seed model neither 2,048 nor
16,384 was faster than 4,096.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import tensorflow as tf

from core.encodings import Encoding, decode
from core.numbers import add_bits, from_bits, to_bits

CHUNK = 4096
CHUNK_CELLS = CHUNK * 256  # pairs x LSTM units per batched call
MAX_CHUNK = 1 << 16


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


class Adder:
    """A model with its encoding and operand width, ready to answer."""

    def __init__(self, model, encoding: Encoding, bits: int, jit: bool = True):
        self.model, self.encoding, self.bits, self.jit = model, encoding, bits, jit
        self._compiled = {}  # batch size (1 or self.chunk) -> concrete function
        self.chunk = _chunk_size(model)

    def _run(self, x: np.ndarray) -> np.ndarray:
        """The network on a batch of exactly 1 or `self.chunk` rows."""
        fn = self._compiled.get(len(x))
        if fn is None:
            call = tf.function(lambda t: self.model(t, training=False),
                               jit_compile=self.jit and len(x) == 1)
            fn = call.get_concrete_function(tf.TensorSpec(x.shape, tf.float32))
            self._compiled[len(x)] = fn
        return fn(tf.constant(x)).numpy()

    @property
    def max_operand(self) -> int:
        return (1 << self.bits) - 1

    def with_bits(self, bits: int) -> Adder:
        """The same weights on another width (only layouts that read any length can)."""
        steps = self.model.input_shape[1]
        if steps is not None and self.encoding.steps(bits) != steps:
            raise ValueError(
                f"this model reads exactly {self.bits}-bit numbers ({self.encoding.name}); "
                "only a paired-lsb (carry) model can change width")
        return Adder(self.model, self.encoding, bits, self.jit)

    def probabilities(self, a_bits: np.ndarray, b_bits: np.ndarray) -> np.ndarray:
        """LSB-first operand bits (N, n) -> P(sum bit = 1), (N, n + 1) LSB first."""
        x = self.encoding.inputs(a_bits, b_bits)
        if len(x) == 1:
            return self.encoding.probabilities(self._run(x))
        out, chunk = [], self.chunk
        for start in range(0, len(x), chunk):
            part = x[start:start + chunk]
            if len(part) < chunk:
                part = np.concatenate([part, np.zeros((chunk - len(part), *x.shape[1:]),
                                                      np.float32)])
            out.append(self._run(part)[: len(x) - start])
        return self.encoding.probabilities(np.concatenate(out))

    def add_many(self, a, b) -> np.ndarray:
        """Predicted sums (int64) for arrays of operands."""
        probs = self.probabilities(to_bits(a, self.bits), to_bits(b, self.bits))
        return from_bits(decode(probs))

    def answer(self, a: int, b: int) -> Answer:
        if not (0 <= a <= self.max_operand and 0 <= b <= self.max_operand):
            raise ValueError(f"operands must lie in 0..{self.max_operand}")
        a_bits, b_bits = to_bits([a], self.bits), to_bits([b], self.bits)
        probs = self.probabilities(a_bits, b_bits)[0]
        sums, carries = add_bits(a_bits, b_bits)
        predicted_bits = decode(probs)
        return Answer(a, b, self.bits, int(from_bits(predicted_bits)), a + b, a_bits[0],
                      b_bits[0], carries[0], sums[0], predicted_bits, probs)


def _chunk_size(model) -> int:
    """Pairs per batched call: CHUNK for a 256-unit LSTM, more for a narrower one."""
    units = [layer.units for layer in model.layers
             if "lstm" in type(layer).__name__.lower() and hasattr(layer, "units")]
    width = max(units, default=256)
    return int(min(MAX_CHUNK, max(CHUNK, CHUNK_CELLS // max(1, width))))
