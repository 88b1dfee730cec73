"""Two models, pair by pair: where both are right, where only one is, where both are wrong.

Both models are judged on the same pairs by core.evaluation's one policy (every pair up to
TABLE_MAX_BITS per operand, else the same seeded sample for both), and every pair falls in
one of four sets by whether each model gets its sum exactly right:

    pair        true   A says   B says   set
    12 + 35      47      47       47     both right
    12 + 36      48      48       52     only A right
    13 + 35      48      40       48     only B right
    13 + 36      49      33       57     both wrong

The four counts add up to every pair judged. Two models compare at one width: their own, if
they share it; else a carry (paired-lsb) model, whose weights run at any width, widens to the
other's (the wider of the two when both can); two models of fixed, different widths cannot be
compared (`common_width` says so in one line).

Each side also carries its training curves (loss and exact match by epoch) when its model
file recorded a history (lstm_adder.json's "history", as the Training tab plots it).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from lstm_adder.core.engine import Engine
from lstm_adder.core.errors import InputError
from lstm_adder.core.evaluation import Report, judge_all

SIDES = ("A", "B")


class Agreement(enum.IntEnum):
    """The set a pair falls in; the value is 2 x (A wrong) + (B wrong)."""

    BOTH_RIGHT = 0
    ONLY_A = 1  # A right, B wrong
    ONLY_B = 2  # B right, A wrong
    BOTH_WRONG = 3

    @property
    def label(self) -> str:
        """The set's name in English (the command line's; the window has its own words)."""
        return LABELS[self]

    @property
    def colour(self) -> tuple[int, int, int]:
        """Its colour on a difference map (the PNG's and the window's)."""
        return COLOURS[self]


LABELS = {Agreement.BOTH_RIGHT: "both right", Agreement.ONLY_A: "only A right",
          Agreement.ONLY_B: "only B right", Agreement.BOTH_WRONG: "both wrong"}
# pale for the pairs both get right, so that the differences stand out; blue is A and orange
# is B wherever the two are drawn (told apart by colour-blind eyes too)
COLOURS = {Agreement.BOTH_RIGHT: (226, 230, 236), Agreement.ONLY_A: (31, 95, 191),
           Agreement.ONLY_B: (232, 113, 10), Agreement.BOTH_WRONG: (45, 20, 30)}
RGB = np.array([COLOURS[kind] for kind in Agreement], np.uint8)  # row = Agreement value


class WidthError(InputError):
    """Two models that cannot be brought to one width; the message says which and why."""


def common_width(a: Engine, b: Engine, bits: int | None = None,
                 names: Sequence[str] = SIDES) -> int:
    """The width A and B are compared at: `bits` if given, else their own if they share it,
    else the width of the one that cannot change it, else the wider of the two. WidthError,
    naming the model by `names`, when a model of fixed width would have to change it."""
    if bits is None:
        if a.bits == b.bits:
            return a.bits
        fixed = [(name, e) for name, e in zip(names, (a, b), strict=True) if not e.can_widen]
        if len(fixed) == 2:
            (first, one), (second, other) = fixed
            raise WidthError(f"{first} reads only {one.bits}-bit numbers and {second} only "
                             f"{other.bits}-bit ones ({one.encoding.name}, "
                             f"{other.encoding.name}); only a paired-lsb (carry) model can "
                             "change width")
        return fixed[0][1].bits if fixed else max(a.bits, b.bits)
    for name, engine in zip(names, (a, b), strict=True):
        if engine.bits != bits and not engine.can_widen:
            raise WidthError(f"{name} reads only {engine.bits}-bit numbers "
                             f"({engine.encoding.name}), not {bits}-bit ones; only a "
                             "paired-lsb (carry) model can change width")
    return bits


@dataclass(frozen=True)
class Curve:
    """One model's training as its file recorded it: loss and exact match after each epoch."""

    epochs: np.ndarray
    loss: np.ndarray
    exact: np.ndarray


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and \
        math.isfinite(value)


def curve(history) -> Curve | None:
    """A model's curve from its history (EpochMetrics.to_dict() of each epoch, as
    lstm_adder.json keeps them); entries that are not epochs are left out. None when no
    epoch is left."""
    if not isinstance(history, list):
        return None
    rows = [(m["epoch"], m["loss"], m["exact"]) for m in history if isinstance(m, dict)
            and all(_number(m.get(key)) for key in ("epoch", "loss", "exact"))]
    if not rows:
        return None
    epochs, loss, exact = (np.array(column, np.float64) for column in zip(*rows, strict=True))
    return Curve(epochs, loss, exact)


@dataclass(frozen=True)
class Differing:
    """One pair and what each model says (predicted sums; None when they do not fit)."""

    a: int
    b: int
    true: int
    a_says: int
    b_says: int


@dataclass
class Comparison:
    """A and B judged on the same pairs, and the set each pair falls in."""

    a: Report
    b: Report
    kinds: np.ndarray  # (N,) uint8: the Agreement of each pair, in the reports' order
    curves: tuple[Curve | None, Curve | None] = (None, None)

    @classmethod
    def of(cls, a: Report, b: Report, curves: tuple[Curve | None, Curve | None] = (None, None)
           ) -> Comparison:
        """From two judgements of the same pairs (ValueError if they are not)."""
        same = a.bits == b.bits and a.count == b.count and a.everything == b.everything
        if same and a.pairs is not None and b.pairs is not None:
            same = np.array_equal(a.pairs.a, b.pairs.a) and np.array_equal(a.pairs.b, b.pairs.b)
        if not same:
            raise ValueError("the two judgements are not of the same pairs")
        kinds = (2 * (a.wrong_bits != 0) + (b.wrong_bits != 0)).astype(np.uint8)
        return cls(a, b, kinds, curves)

    @property
    def bits(self) -> int:
        return self.a.bits

    @property
    def count(self) -> int:
        return len(self.kinds)

    @property
    def everything(self) -> bool:
        """True when every pair of the width was judged (a map can be drawn)."""
        return self.a.everything

    @property
    def counts(self) -> dict[Agreement, int]:
        """How many pairs fall in each set (together: every pair judged)."""
        found = np.bincount(self.kinds, minlength=len(Agreement))
        return {kind: int(found[kind]) for kind in Agreement}

    def share(self, kind: Agreement) -> float:
        return self.counts[kind] / self.count if self.count else 0.0

    def matrix(self) -> np.ndarray:
        """2**n x 2**n Agreement values, row a, column b (needs every pair)."""
        side = 1 << self.bits
        if not self.everything or self.count != side * side:
            raise ValueError("the difference map needs every pair")
        return self.kinds.reshape(side, side)

    def examples(self, kind: Agreement, limit: int | None = None) -> list[Differing]:
        """The first `limit` pairs of a set, in the reports' order (none when the pairs or
        the predicted sums are too wide for an int64)."""
        a, b = self.a, self.b
        if a.pairs is None or a.predicted is None or b.predicted is None:
            return []
        index = np.flatnonzero(self.kinds == kind)[:limit]
        p = a.pairs
        return [Differing(int(p.a[i]), int(p.b[i]), int(p.a[i] + p.b[i]),
                          int(a.predicted[i]), int(b.predicted[i])) for i in index]

    def at(self, x: int, y: int) -> tuple[Agreement, Differing | None]:
        """The set pair (x, y) falls in, and what each model says (None when the reports
        hold no predicted sums); needs every pair."""
        index = (x << self.bits) | y  # the full table's order: row a, then column b
        kind = Agreement(int(self.matrix()[x, y]))
        a, b = self.a.predicted, self.b.predicted
        if a is None or b is None:
            return kind, None
        return kind, Differing(x, y, x + y, int(a[index]), int(b[index]))


def compare(a: Engine, b: Engine, bits: int | None = None,
            histories: tuple = (None, None), cancel: Callable[[], bool] | None = None,
            names: Sequence[str] = SIDES) -> Comparison | None:
    """Judge A and B at their common width (`common_width`) on the same pairs, and compare
    them pair by pair; None if `cancel()` turns true first."""
    width = common_width(a, b, bits, names)
    reports = []
    for engine in (a, b):
        report = judge_all(engine.with_bits(width), cancel)
        if report is None:
            return None
        reports.append(report)
    return Comparison.of(*reports, tuple(curve(h) for h in histories))
