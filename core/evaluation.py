"""Judging a model honestly: every pair, every bit, and the list of its mistakes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.data import Pairs, full_table
from core.encodings import decode
from core.numbers import add_bits, from_bits, random_bits

WIDE_SAMPLES = 10_000


@dataclass
class Report:
    bits: int
    pairs: Pairs | None  # None for a wide evaluation on raw bits
    wrong_bits: np.ndarray  # (N,) how many sum bits are wrong for each pair
    bit_accuracy: np.ndarray  # (n + 1,) per output bit, LSB first
    predicted: np.ndarray | None  # (N,) predicted sums when they fit an int64

    @property
    def count(self) -> int:
        return len(self.wrong_bits)

    @property
    def exact(self) -> float:
        return float(np.mean(self.wrong_bits == 0))

    @property
    def wrong_count(self) -> int:
        return int(np.count_nonzero(self.wrong_bits))

    def wrong(self, limit: int | None = None) -> list[tuple[int, int, int, int]]:
        """The first `limit` wrong pairs as (a, b, predicted, true), in table order."""
        index = np.flatnonzero(self.wrong_bits)[:limit]
        p = self.pairs
        return [(int(p.a[i]), int(p.b[i]), int(self.predicted[i]), int(p.a[i] + p.b[i]))
                for i in index]

    def matrix(self) -> np.ndarray:
        """2**n x 2**n wrong-bit counts, row a, column b (needs the full table)."""
        side = 1 << self.bits
        if self.count != side * side:
            raise ValueError("the error matrix needs every pair")
        m = np.zeros((side, side), dtype=np.uint8)
        m[self.pairs.a, self.pairs.b] = self.wrong_bits
        return m


def judge(adder, a_bits, b_bits) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(probabilities, true sum bits, wrong-bit mask), each (N, n + 1) LSB first."""
    probs = adder.probabilities(a_bits, b_bits)
    true = add_bits(a_bits, b_bits)[0]
    return probs, true, decode(probs) != true


def loss_value(probs: np.ndarray, true: np.ndarray, loss: str) -> float:
    """The training loss, computed from probabilities (as Keras computes it)."""
    if loss == "mse":
        return float(np.mean((probs - true) ** 2))
    p = np.clip(probs, 1e-7, 1 - 1e-7)
    return float(-np.mean(true * np.log(p) + (1 - true) * np.log(1 - p)))


def evaluate(adder, pairs: Pairs | None = None) -> Report:
    """Run `pairs` (default: every pair at the adder's width) through the adder."""
    pairs = full_table(adder.bits) if pairs is None else pairs
    probs, _, wrong = judge(adder, pairs.a_bits, pairs.b_bits)
    predicted = from_bits(decode(probs))
    return Report(pairs.bits, pairs, wrong.sum(axis=1), 1 - wrong.mean(axis=0), predicted)


def evaluate_wide(adder, bits: int, count: int = WIDE_SAMPLES, seed: int = 0) -> Report:
    """Seeded random n-bit pairs (any n up to 64) judged bit by bit, without big integers."""
    wide = adder.with_bits(bits)
    a_bits = random_bits(count, bits, seed)
    b_bits = random_bits(count, bits, seed + 1)
    _, _, wrong = judge(wide, a_bits, b_bits)
    return Report(bits, None, wrong.sum(axis=1), 1 - wrong.mean(axis=0), None)
