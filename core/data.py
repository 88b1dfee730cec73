"""Training and evaluation pairs.

Up to 10 bits (2**20 pairs) the whole table is used: every pair, a major. An optional
held-out fraction of that table, chosen by the recipe's seed, is never trained on.
Wider operands have too many pairs to list (2**24 at 12 bits, 2**32 at 16): each epoch draws a
fresh seeded sample instead, evaluation uses one fixed seeded sample, and the table is never
built, whatever the held-out fraction.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lstm_adder.core.numbers import add_bits, all_pairs, to_bits

FULL_TABLE_MAX_BITS = 10
SAMPLES_PER_EPOCH = 1 << 16
EVAL_SAMPLES = 10_000


@dataclass
class Pairs:
    """Operands a, b (int64) with their bit rows and the true sum bits, all LSB first."""

    a: np.ndarray
    b: np.ndarray
    bits: int

    @property
    def a_bits(self) -> np.ndarray:
        return to_bits(self.a, self.bits)

    @property
    def b_bits(self) -> np.ndarray:
        return to_bits(self.b, self.bits)

    def sum_bits(self) -> np.ndarray:
        return add_bits(self.a_bits, self.b_bits)[0]

    def __len__(self) -> int:
        return len(self.a)

    def subset(self, index) -> Pairs:
        return Pairs(self.a[index], self.b[index], self.bits)


def full_table(bits: int) -> Pairs:
    a, b = all_pairs(bits)
    return Pairs(a, b, bits)


def random_pairs(bits: int, count: int, seed: int) -> Pairs:
    rng = np.random.default_rng(seed)
    high = 1 << bits
    return Pairs(rng.integers(0, high, count), rng.integers(0, high, count), bits)


def held_count(count: int, fraction: float) -> int:
    """How many of `count` pairs a held-out `fraction` keeps back."""
    return int(round(fraction * count))


def holdout_mask(count: int, fraction: float, seed: int) -> np.ndarray:
    """Boolean mask of the pairs held out: exactly held_count(count, fraction) of them."""
    mask = np.zeros(count, dtype=bool)
    mask[np.random.default_rng(seed).permutation(count)[:held_count(count, fraction)]] = True
    return mask


def table_size(bits: int) -> int:
    """Every pair of `bits`-bit operands."""
    return 1 << (2 * bits)


def train_count(bits: int, holdout: float) -> int:
    """How many pairs an epoch trains on, as make_split will split them (computed without
    building anything)."""
    if bits <= FULL_TABLE_MAX_BITS:
        count = table_size(bits)
        return count - held_count(count, holdout)
    return SAMPLES_PER_EPOCH


@dataclass
class Split:
    """What a run trains on and what it is judged on."""

    bits: int
    table: Pairs  # every pair when the table is small enough, else a fixed sample
    heldout: np.ndarray | None  # mask over `table` of the pairs never trained on
    seed: int
    full: bool  # True when `table` is every pair

    @property
    def train(self) -> Pairs:
        return self.table if self.heldout is None else self.table.subset(~self.heldout)

    def epoch_pairs(self, epoch: int) -> Pairs:
        if self.full:
            return self.train
        return random_pairs(self.bits, SAMPLES_PER_EPOCH, self.seed * 1_000_003 + epoch + 1)


def make_split(bits: int, holdout: float, seed: int) -> Split:
    if bits <= FULL_TABLE_MAX_BITS:
        table = full_table(bits)
        held = holdout_mask(len(table), holdout, seed)
        return Split(bits, table, held if held.any() else None, seed, full=True)
    # Wide operands: a fresh sample every epoch, so every evaluation pair is (almost surely)
    # unseen; no separate held-out set is needed.
    return Split(bits, random_pairs(bits, EVAL_SAMPLES, seed + 7919), None, seed, full=False)
