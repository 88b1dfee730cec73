"""Judging a model honestly: every pair, every bit, and the list of its mistakes.

One judging function, `judge_all`, with one sampling policy, serves the command line, the
trainer, the error map and the wrong-pair list: every pair up to TABLE_MAX_BITS per operand
(the engine's prefix-sharing table), above that EVAL_SAMPLES seeded random pairs, judged in
blocks so that memory stays bounded whatever the width.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from lstm_adder.core.data import EVAL_SAMPLES, Pairs, full_table
from lstm_adder.core.engine import TABLE_MAX_BITS, Cancelled
from lstm_adder.core.numbers import MAX_INT_BITS, add_bits, from_bits, random_bits

SAMPLE_SEED = 0
BLOCK = 4096  # pairs judged between checks for cancel, when judging one by one


@dataclass
class Report:
    bits: int
    pairs: Pairs | None  # None for a wide evaluation on raw bits
    wrong_bits: np.ndarray  # (N,) how many sum bits are wrong for each pair
    bit_accuracy: np.ndarray  # (n + 1,) per output bit, LSB first
    predicted: np.ndarray | None  # (N,) predicted sums when they fit an int64
    everything: bool = False  # True when `pairs` is every pair of the width

    @classmethod
    def from_map(cls, bits: int, wrong_bits: np.ndarray) -> Report:
        """Every pair's wrong-bit count alone (a saved replay map): no predicted sums, and
        per-bit accuracy unknown (NaN)."""
        return cls(bits, full_table(bits), np.asarray(wrong_bits), np.full(bits + 1, np.nan),
                   None, True)

    @property
    def count(self) -> int:
        return len(self.wrong_bits)

    @property
    def exact(self) -> float:
        return float(np.mean(self.wrong_bits == 0)) if self.count else 0.0

    @property
    def wrong_count(self) -> int:
        return int(np.count_nonzero(self.wrong_bits))

    def wrong(self, limit: int | None = None) -> list[tuple[int, int, int, int]]:
        """The first `limit` wrong pairs as (a, b, predicted, true), in table order."""
        if self.pairs is None or self.predicted is None:
            return []
        index = np.flatnonzero(self.wrong_bits)[:limit]
        p = self.pairs
        return [(int(p.a[i]), int(p.b[i]), int(self.predicted[i]), int(p.a[i] + p.b[i]))
                for i in index]

    @cached_property
    def _wrong_keys(self) -> list[tuple[int, int]]:
        if self.pairs is None:
            return []
        index = np.flatnonzero(self.wrong_bits)
        return sorted(zip(self.pairs.a[index].tolist(), self.pairs.b[index].tolist(),
                          strict=True))

    def next_wrong(self, a: int, b: int) -> tuple[int, int] | None:
        """The first wrong pair after (a, b) in (a, b) order, wrapping round; None if none."""
        keys = self._wrong_keys
        return keys[bisect_right(keys, (a, b)) % len(keys)] if keys else None

    def previous_wrong(self, a: int, b: int) -> tuple[int, int] | None:
        keys = self._wrong_keys
        return keys[(bisect_left(keys, (a, b)) - 1) % len(keys)] if keys else None

    def wrong_position(self, a: int, b: int) -> int | None:
        """1-based place of (a, b) among the wrong pairs, or None if it is right."""
        keys = self._wrong_keys
        i = bisect_left(keys, (a, b))
        return i + 1 if i < len(keys) and keys[i] == (a, b) else None

    def matrix(self) -> np.ndarray:
        """2**n x 2**n wrong-bit counts, row a, column b (needs the full table)."""
        side = 1 << self.bits
        if not self.everything or self.count != side * side:
            raise ValueError("the error matrix needs every pair")
        return self.wrong_bits.reshape(side, side).astype(np.uint8)

    def scope(self) -> str:
        """'all 65,536 pairs' or '10,000 random pairs (seed 0)'."""
        if self.everything:
            return f"all {self.count:,} pairs"
        return f"{self.count:,} random pairs (seed {SAMPLE_SEED})"


def judge(engine, a_bits, b_bits) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(probabilities, true sum bits, wrong-bit mask), each (N, n + 1) LSB first."""
    probs = engine.probabilities(a_bits, b_bits)
    true = add_bits(a_bits, b_bits)[0]
    return probs, true, (probs >= 0.5) != true


def loss_value(probs: np.ndarray, true: np.ndarray, loss: str) -> float:
    """The training loss, computed from probabilities (as Keras computes it)."""
    if len(probs) == 0:
        return float("nan")
    if loss == "mse":
        return float(np.mean((probs - true) ** 2))
    p = np.clip(probs, 1e-7, 1 - 1e-7)
    return float(-np.mean(true * np.log(p) + (1 - true) * np.log(1 - p)))


def _report(bits, pairs, probs, true, everything) -> Report:
    wrong = (probs >= 0.5) != true
    predicted = from_bits(probs >= 0.5) if bits < MAX_INT_BITS else None
    return Report(bits, pairs, wrong.sum(axis=1), 1 - wrong.mean(axis=0), predicted,
                  everything)


def table_probabilities(engine, cancel: Callable[[], bool] | None = None):
    """(probabilities, true sum bits) for every pair at the engine's width, table order."""
    table = full_table(engine.bits)
    return engine.table(cancel), table.sum_bits()


def judge_all(engine, cancel: Callable[[], bool] | None = None) -> Report | None:
    """Judge `engine` by the one policy: every pair up to TABLE_MAX_BITS, else EVAL_SAMPLES
    seeded random pairs. None if `cancel()` turns true before the end."""
    try:
        if engine.bits <= TABLE_MAX_BITS:
            probs, true = table_probabilities(engine, cancel)
            return _report(engine.bits, full_table(engine.bits), probs, true, True)
        return judge_sample(engine, engine.bits, cancel=cancel)
    except Cancelled:
        return None


def judge_sample(engine, bits: int, count: int = EVAL_SAMPLES, seed: int = SAMPLE_SEED,
                 cancel: Callable[[], bool] | None = None) -> Report | None:
    """`count` seeded random n-bit pairs (any n up to 64) run through the engine at `bits`,
    in blocks; the report keeps the pairs themselves when they fit an int64."""
    wide = engine.with_bits(bits)
    a_bits, b_bits = random_bits(count, bits, seed), random_bits(count, bits, seed + 1)
    probs = np.empty((count, bits + 1), np.float32)
    for start in range(0, count, BLOCK):
        if cancel is not None and cancel():
            return None
        part = slice(start, start + BLOCK)
        probs[part] = wide.probabilities(a_bits[part], b_bits[part])
    pairs = None
    if bits <= MAX_INT_BITS:
        pairs = Pairs(from_bits(a_bits), from_bits(b_bits), bits)
    return _report(bits, pairs, probs, add_bits(a_bits, b_bits)[0], False)


def evaluate(engine, pairs: Pairs | None = None) -> Report:
    """Judge `pairs`, or (default) the engine by judge_all's policy."""
    if pairs is None:
        return judge_all(engine)
    return judge_pairs(engine, pairs)[0]


def judge_pairs(engine, pairs: Pairs) -> tuple[Report, np.ndarray]:
    """(Report, probabilities (N, n + 1)) for `pairs`: looked up in the prefix-shared table
    at the engine's own width up to TABLE_MAX_BITS, else run through the engine."""
    if pairs.bits == engine.bits <= TABLE_MAX_BITS:
        probs = engine.table()[(pairs.a << pairs.bits) | pairs.b]
    else:
        probs = engine.probabilities(pairs.a_bits, pairs.b_bits)
    every = len(pairs) == 1 << (2 * pairs.bits)  # only full_table holds every pair
    return _report(pairs.bits, pairs, probs, pairs.sum_bits(), every), probs
