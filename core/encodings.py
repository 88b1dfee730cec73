"""How a pair of numbers becomes a sequence for the network, and how its output becomes a sum.

Two layouts, shown on the tutorial's example 157 + 113 = 270 at n = 8 bits:

    a = 157 = 10011101, b = 113 = 01110001, a + b = 270 = 100001110

concat-msb (the tutorial's "seed" recipe): all of a, then all of b, most significant first,
one feature per step; the target is the n + 1 bit sum, most significant first.

    input  (16, 1): 1 0 0 1 1 1 0 1 | 0 1 1 1 0 0 0 1
    target (9,)   : 1 0 0 0 0 1 1 1 0

paired-lsb (the "carry" recipe): step t sees (a_t, b_t), least significant first, and emits
sum bit t; one extra step (0, 0) lets the final carry out.

    step    0 1 2 3 4 5 6 7 8
    a_t     1 0 1 1 1 0 0 1 0
    b_t     1 0 0 0 1 1 1 0 0
    sum_t   0 1 1 1 0 0 0 0 1      (read backwards: 100001110 = 270)

Every function takes and returns LSB-first bit rows (see core.numbers); an output is decoded
by rounding each probability at 0.5.
"""

from __future__ import annotations

import numpy as np

from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words


class Encoding:
    """A layout of two n-bit operands as a bit sequence. Subclasses answer every question
    whose answer depends on the layout; nothing else compares layout names."""

    name: str  # the key a recipe, a file or the command line names it by
    features: int  # input features per time step
    any_length: bool  # whether the same weights read numbers of any width
    every_step: bool  # whether the network answers at every step (else once, at the end)

    def steps(self, n: int) -> int:
        """Number of time steps for n-bit operands."""
        raise NotImplementedError

    def input_steps(self, n: int) -> int | None:
        """The model's input length for n-bit operands: None when it reads any length."""
        return None if self.any_length else self.steps(n)

    def width_from_steps(self, steps: int) -> int:
        raise NotImplementedError

    def reads(self, steps: int | None, features: int) -> bool:
        """Whether a network whose input is (steps, features) reads this layout (steps None:
        any length)."""
        return features == self.features and (steps is not None or self.any_length)

    def inputs(self, a_bits: np.ndarray, b_bits: np.ndarray) -> np.ndarray:
        """LSB-first operand bits, shape (N, n) each -> float32 network input."""
        raise NotImplementedError

    def targets(self, sum_bits: np.ndarray) -> np.ndarray:
        """LSB-first sum bits, shape (N, n + 1) -> float32 network target."""
        raise NotImplementedError

    def probabilities(self, outputs: np.ndarray) -> np.ndarray:
        """Network output -> per-bit probabilities of a 1, LSB first, shape (N, n + 1)."""
        raise NotImplementedError

    def step_options(self, n: int) -> list[np.ndarray]:
        """For each step, every input row it can see, shape (K, features), in the order of
        the binary number the row's bits spell (so the row of bits x has index int(x))."""
        raise NotImplementedError

    def output_shape(self, n: int) -> tuple:
        """The network's output shape for n-bit operands (batch first)."""
        raise NotImplementedError

    def step_labels(self, n: int, inputs: np.ndarray) -> list[str]:
        """What each step reads, for writing under it; `inputs` is (features, steps)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def __str__(self) -> str:
        return self.name


class ConcatMSB(Encoding):
    name, features, any_length, every_step = "concat-msb", 1, False, False

    def steps(self, n: int) -> int:
        return 2 * n

    def width_from_steps(self, steps: int) -> int:
        return steps // 2

    def reads(self, steps, features):
        return super().reads(steps, features) and steps % 2 == 0

    def inputs(self, a_bits, b_bits):
        seq = np.concatenate([a_bits[:, ::-1], b_bits[:, ::-1]], axis=1)
        return seq[..., None].astype(np.float32)

    def targets(self, sum_bits):
        return sum_bits[:, ::-1].astype(np.float32)

    def probabilities(self, outputs):
        return np.asarray(outputs)[:, ::-1]

    def step_options(self, n):
        return [np.array([[0.0], [1.0]], np.float32)] * self.steps(n)

    def output_shape(self, n):
        return (None, n + 1)

    def step_labels(self, n, inputs):
        names = [f"a{n - 1 - t}" for t in range(n)] + [f"b{n - 1 - t}" for t in range(n)]
        return [f"{name}\n{int(bit)}" for name, bit in zip(names, inputs[0], strict=True)]


class PairedLSB(Encoding):
    name, features, any_length, every_step = "paired-lsb", 2, True, True

    def steps(self, n: int) -> int:
        return n + 1

    def width_from_steps(self, steps: int) -> int:
        return steps - 1

    def inputs(self, a_bits, b_bits):
        pad = np.zeros((a_bits.shape[0], 1), dtype=np.uint8)
        return np.stack(
            [np.concatenate([a_bits, pad], 1), np.concatenate([b_bits, pad], 1)], axis=-1
        ).astype(np.float32)

    def targets(self, sum_bits):
        return sum_bits[..., None].astype(np.float32)

    def probabilities(self, outputs):
        return np.asarray(outputs)[..., 0]

    def step_options(self, n):
        pairs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)
        return [pairs] * n + [pairs[:1]]  # the padding step reads (0, 0) only

    def output_shape(self, n):
        return (None, self.steps(n), 1)

    def step_labels(self, n, inputs):
        return [f"{int(x)}\n{int(y)}" for x, y in inputs.T]


CONCAT_MSB = ConcatMSB()
PAIRED_LSB = PairedLSB()
ENCODINGS = {e.name: e for e in (CONCAT_MSB, PAIRED_LSB)}


def decode(probabilities: np.ndarray) -> np.ndarray:
    """Round per-bit probabilities at 0.5 -> uint8 bits."""
    return (np.asarray(probabilities) >= 0.5).astype(np.uint8)


def encoding_for_input_shape(shape) -> tuple[Encoding, int | None]:
    """Model input shape (batch, steps, features) -> (encoding, width or None if any length)."""
    _, steps, features = tuple(shape)
    for encoding in ENCODINGS.values():
        if encoding.reads(steps, features):
            return encoding, None if steps is None else encoding.width_from_steps(steps)
    raise ValueError(Words(QT_TRANSLATE_NOOP("core", "input shape {0} fits no known encoding"),
                           str(tuple(shape))))
