"""Reading a carry model as an automaton: a few discrete states and a table, which then adds
by itself, at any width.

In the paired-lsb layout step t reads (a_t, b_t) and emits sum bit t. Binary addition needs
one bit of memory, the carry, so a network that adds is, underneath, a machine of two
states. This module reads that machine out of the network's own states:

1. Visit. Every 8-bit pair (65,536) runs through the engine with its states kept; each
   visit is (state before the step, input a_t b_t, state after it, the bit the network
   emitted). Every pair also visits the start state (all zeros).
2. Cluster. The state vectors are clustered by k-means, for k = 1, 2, ... up to
   `max_states`: RESTARTS runs for each k (k-means++ seeded with SEED, SEED + 1, ..., then
   Lloyd's steps until nothing moves, fitted on FIT_ROWS visits drawn with SEED), every
   visit then given its nearest centre. Each clustering induces a table by majority vote

       (cluster, a_t b_t) -> (cluster after the step, emitted bit)

   whose disagreements are the visits that go elsewhere; of a k's runs the one with the
   fewest counts. The first k whose table is consistent (at most TOLERANCE of the visits
   disagree) is taken; if none is, the k with the fewest disagreements. Restarts are
   judged by the table, not by k-means's own sum of distances: which of two clusterings
   is tighter says nothing of which is a machine.
   What is clustered is h, the state the cell hands on (`cell.states[0]`: all the head and the
   next step's gates read). An LSTM's c is left out of the distance on purpose: in the
   shipped carry model several of its c units grow by about 0.25 a step whatever is added (a
   clock, not a carry), so distances in (h, c) sort visits by how far along they are, and no
   k up to 24 read a consistent table from them, while h reads one at k = 2. Whatever c
   does to the machine still shows, as disagreements.
3. Minimise. States the start cannot reach are dropped, and states that no input sequence
   tells apart are merged (Moore's partition refinement on the Mealy machine: first by
   the row of bits each emits, then by where each input takes it, until no block splits).
   A row no visit read (no network state of that cluster ever saw that input) says -1: the
   automaton does not know, and a sum that needs it counts as wrong.

The shipped model's reading, on the tutorial's 157 + 113 = 270 (state 1: a carry is due):

    step    0 1 2 3 4 5 6 7 pad           state  a b  ->  next  sum
    a_t     1 0 1 1 1 0 0 1 0               0    0 0       0     0
    b_t     1 0 0 0 1 1 1 0 0               0    0 1       0     1
    state 0 1 0 0 0 1 1 1 1 0               0    1 0       0     1
    sum_t   0 1 1 1 0 0 0 0 1               0    1 1       1     0
                                            1    0 0       0     1
                                            1    0 1       1     0
                                            1    1 0       1     0
                                            1    1 1       1     1

An automaton adds by itself (`Automaton.run`): the padding step, a = b = 0, lets the top bit
out, as the network's does. Its exact match is measured against Python's integer sums, never
against the network; the network's own beside it (`measure`).

A concat-msb model answers once, after reading all of a and then all of b: it must hold a
whole operand (2**n values) before it can add, so no automaton of a few states describes
it. For it, `visited_states` counts the distinct states it visits (rounded).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lstm_adder.core.data import EVAL_SAMPLES
from lstm_adder.core.engine import TABLE_MAX_BITS
from lstm_adder.core.evaluation import SAMPLE_SEED, judge, judge_all, judge_sample
from lstm_adder.core.numbers import all_pairs, random_bits, to_bits

MAX_STATES = 8  # clusters tried, k = 1 .. MAX_STATES (the CLI's --states)
READ_BITS = TABLE_MAX_BITS  # every pair of this width is visited
SEED = 0  # the fitted sample, and the first k-means++ run's
FIT_ROWS = 8192  # visits the centres are fitted on
RESTARTS = 5  # seeded k-means runs for each k; the one whose table disagrees least counts
TOLERANCE = 0.001  # a table is consistent when at most this share of visits disagree
ITERATIONS = 100  # Lloyd's steps at most
BLOCK = 4096  # pairs run together, between asks to cancel
WIDTHS = (8, 16, 32, 64, 1024)
WIDE_BITS = 64  # above this width the network is judged on WIDE_PAIRS of the sample only
WIDE_PAIRS = 1_000  # 10,000 pairs at 1,024 bits take the engine ~14 s; 1,000 ~1.4 s
WIDE_CHUNK = 128  # rows the engine runs together at such widths (each holds steps x gates)
ROUND_DECIMALS = 2  # states are told apart at this rounding, when counted
SYMBOLS = ((0, 0), (0, 1), (1, 0), (1, 1))  # input a_t b_t; its index is 2 a_t + b_t
NO_SMALL_AUTOMATON = ("it reads all of a before any of b, so it must hold a whole operand "
                      "(2^n values) before it can add: no automaton of a few states does that")

Cancel = Callable[[], bool] | None


@dataclass(frozen=True)
class Row:
    """One line of the table: from `state` reading a b, go to `next` and emit `sum`
    (-1: never read); `visits` read it, `disagreements` of them went elsewhere."""

    state: int
    a: int
    b: int
    next: int
    sum: int
    visits: int
    disagreements: int


@dataclass(frozen=True, eq=False)
class Automaton:
    """A Mealy machine on input a_t b_t: state 0 is the start. Arrays are (states, 4), a
    column per input (index 2 a + b); -1 where nothing was read."""

    next: np.ndarray
    emit: np.ndarray
    visits: np.ndarray
    disagreements: np.ndarray
    clusters: int  # k-means clusters it was read from, before minimising

    @property
    def states(self) -> int:
        return len(self.next)

    @property
    def consistency(self) -> float:
        """The share of visits that went where the table says."""
        total = int(self.visits.sum())
        return 1 - int(self.disagreements.sum()) / total if total else 0.0

    def rows(self) -> list[Row]:
        return [Row(s, a, b, int(self.next[s, i]), int(self.emit[s, i]),
                    int(self.visits[s, i]), int(self.disagreements[s, i]))
                for s in range(self.states) for i, (a, b) in enumerate(SYMBOLS)]

    def run(self, a_bits: np.ndarray, b_bits: np.ndarray) -> np.ndarray:
        """LSB-first operand bits (N, n) -> the sum bits it emits, (N, n + 1), int8, LSB
        first; -1 from the first row it does not know on."""
        sink = self.states  # where an unknown row leads: it stays there, emitting -1
        nxt = np.vstack([np.where(self.next < 0, sink, self.next), np.full((1, 4), sink)])
        emit = np.vstack([self.emit, np.full((1, 4), -1)]).astype(np.int8)
        symbols = 2 * np.asarray(a_bits, np.int64) + np.asarray(b_bits, np.int64)
        symbols = np.concatenate([symbols, np.zeros((len(symbols), 1), np.int64)], axis=1)
        state = np.zeros(len(symbols), np.int64)
        out = np.empty(symbols.shape, np.int8)
        for t in range(symbols.shape[1]):
            out[:, t] = emit[state, symbols[:, t]]
            state = nxt[state, symbols[:, t]]
        return out

    def add(self, a: int, b: int) -> int | None:
        """a + b as this automaton adds (any width); None if it meets a row it never read."""
        n = max(1, a.bit_length(), b.bit_length())
        bits = self.run(_bit_row(a, n), _bit_row(b, n))[0]
        return None if (bits < 0).any() else _ints(bits[None])[0]

    def exact(self, a_bits: np.ndarray, b_bits: np.ndarray) -> float:
        """Exact match on these pairs against Python's integer sums."""
        out = self.run(a_bits, b_bits)
        known = (out >= 0).all(axis=1)
        said = _ints(np.where(out < 0, 0, out))
        true = [x + y for x, y in zip(_ints(a_bits), _ints(b_bits), strict=True)]
        right = [k and s == t for k, s, t in zip(known, said, true, strict=True)]
        return float(np.mean(right)) if right else 0.0


def _bit_row(value: int, n: int) -> np.ndarray:
    return np.array([[(value >> k) & 1 for k in range(n)]], np.uint8)


def _ints(bits: np.ndarray) -> list[int]:
    """LSB-first bit rows of any width -> Python integers."""
    packed = np.packbits(np.asarray(bits, np.uint8), axis=-1, bitorder="little")
    return [int.from_bytes(row.tobytes(), "little") for row in packed]


# -- reading ---------------------------------------------------------------------------


@dataclass
class _Visits:
    """Every step of every pair: h before and after it (as rows of `h`), its input and the
    bit emitted. Row 0 of `h` is the start state; pair p's state after step t is row
    1 + p * steps + t."""

    h: np.ndarray  # (1 + pairs * steps, units)
    symbols: np.ndarray  # (pairs, steps)
    emitted: np.ndarray  # (pairs, steps)


def _visit(engine, cancel: Cancel) -> _Visits | None:
    engine = engine.with_bits(READ_BITS)
    a, b = all_pairs(READ_BITS)
    start = engine.net.cell.step(engine.net).zeros(1)[0]  # the cell's states before step 0
    hs, symbols, emitted = [start], [], []
    for first in range(0, len(a), BLOCK):
        if cancel is not None and cancel():
            return None
        part = slice(first, first + BLOCK)
        x = engine.encoding.inputs(to_bits(a[part], READ_BITS), to_bits(b[part], READ_BITS))
        out, states = engine.run(x, states=True)
        h = states[engine.net.cell.states[0]]
        hs.append(h.reshape(-1, h.shape[-1]))
        symbols.append((2 * x[..., 0] + x[..., 1]).astype(np.int64))
        emitted.append((engine.encoding.probabilities(out) >= 0.5).astype(np.int64))
    return _Visits(np.concatenate(hs), np.concatenate(symbols), np.concatenate(emitted))


def _nearest(points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    distance = (centres * centres).sum(axis=1) - 2 * points @ centres.T
    return np.argmin(distance, axis=1)


def _kmeans(points: np.ndarray, k: int, seed: int) -> np.ndarray:
    """k centres (k-means++ seeded with `seed`, then Lloyd's steps), float32."""
    rng = np.random.default_rng(seed)
    centres = [points[rng.integers(len(points))]]
    for _ in range(1, k):
        gaps = ((points[:, None] - np.array(centres)[None]) ** 2).sum(-1).min(axis=1)
        total = gaps.sum()
        centres.append(points[rng.choice(len(points), p=gaps / total)] if total > 0
                       else points[0])
    centres = np.array(centres, np.float64)
    labels = None
    for _ in range(ITERATIONS):
        new = _nearest(points, centres)
        if labels is not None and (new == labels).all():
            break
        labels = new
        for j in range(k):
            if (labels == j).any():
                centres[j] = points[labels == j].mean(axis=0)
    return centres.astype(np.float32)


def _tally(visits: _Visits, labels: np.ndarray, k: int):
    """(next, emit, visits, disagreements), each (k, 4), by majority vote."""
    pairs, steps = visits.symbols.shape
    after = labels[1:].reshape(pairs, steps)
    before = np.concatenate([np.full((pairs, 1), labels[0]), after[:, :-1]], axis=1)
    row = before * 4 + visits.symbols
    outcome = after * 2 + visits.emitted
    counts = np.bincount((row * 2 * k + outcome).ravel(), minlength=8 * k * k)
    counts = counts.reshape(k, 4, 2 * k)
    seen = counts.sum(axis=2)
    best = counts.argmax(axis=2)
    unknown = seen == 0
    return (np.where(unknown, -1, best // 2), np.where(unknown, -1, best % 2), seen,
            seen - counts.max(axis=2))


def _breadth_first(start: int, successors) -> list[int]:
    """Every node `start` reaches, in the order a breadth-first walk meets them."""
    order, queue = [start], deque([start])
    while queue:
        for node in successors(queue.popleft()):
            if node >= 0 and node not in order:
                order.append(node)
                queue.append(node)
    return order


def _minimise(nxt, emit, seen, wrong, start: int, clusters: int) -> Automaton:
    """The part `start` reaches with indistinguishable states merged (Moore: blocks by the
    row of bits emitted, split by the blocks each input leads to until none splits),
    numbered from the start (0) in the order a breadth-first walk over a b = 00, 01, 10,
    11 meets them."""
    reach = _breadth_first(start, lambda s: [int(t) for t in nxt[s]])
    key = {s: tuple(emit[s]) for s in reach}
    while True:
        ids = {k: i for i, k in enumerate(dict.fromkeys(key.values()))}
        block = {s: ids[key[s]] for s in reach}
        key = {s: (block[s], *(block.get(int(t), -1) for t in nxt[s])) for s in reach}
        if len(set(key.values())) == len(ids):
            break
    first = {}  # a member of each block: all members agree on emit and next block
    for s in reach:
        first.setdefault(block[s], s)
    order = _breadth_first(block[start], lambda b: [block.get(int(t), -1)
                                                     for t in nxt[first[b]]])
    new = {b: i for i, b in enumerate(order)}
    shape = (len(order), 4)
    table, bits = np.full(shape, -1), np.full(shape, -1)
    visits, disagreements = np.zeros(shape, np.int64), np.zeros(shape, np.int64)
    for b, i in new.items():
        table[i] = [new[block[int(t)]] if t >= 0 else -1 for t in nxt[first[b]]]
        bits[i] = emit[first[b]]
    for s in reach:
        visits[new[block[s]]] += seen[s]
        disagreements[new[block[s]]] += wrong[s]
    return Automaton(table, bits, visits, disagreements, clusters)


def read_automaton(engine, max_states: int = MAX_STATES, cancel: Cancel = None
                   ) -> Automaton | None:
    """The automaton a model that answers at every step (paired-lsb) runs, read from its
    states (see the module's docstring); None if `cancel()` turns true on the way."""
    if not engine.encoding.every_step:
        raise ValueError(f"a {engine.encoding.name} model answers once, at the end: "
                         f"{NO_SMALL_AUTOMATON}")
    if max_states < 1:
        raise ValueError("read at least one state")
    visits = _visit(engine, cancel)
    if visits is None:
        return None
    points = visits.h
    rng = np.random.default_rng(SEED)
    fit = points[rng.choice(len(points), min(FIT_ROWS, len(points)), replace=False)]
    fit = fit.astype(np.float64)
    best = None
    for k in range(1, max_states + 1):
        for seed in range(SEED, SEED + RESTARTS):
            if cancel is not None and cancel():
                return None
            labels = _nearest(points, _kmeans(fit, k, seed))
            tally = _tally(visits, labels, k)
            wrong = int(tally[3].sum())
            if best is None or wrong < best[0]:
                best = wrong, k, tally, int(labels[0])
        if best[0] <= TOLERANCE * visits.symbols.size:
            break
    _, k, tally, start = best
    return _minimise(*tally, start, k)


def visited_states(engine, decimals: int = ROUND_DECIMALS, cancel: Cancel = None
                   ) -> int | None:
    """How many distinct states (all of the cell's, rounded to `decimals`) the model visits
    over every pair of its width, the start included; None if cancelled. Pairs share
    prefixes, so the tree of prefixes is walked level by level (the cell's numpy step,
    core.cells.Step) and each distinct prefix's state computed once; a state is told apart
    by a seeded 64-bit fingerprint of its rounded values."""
    step = engine.net.cell.step(engine.net)
    options = engine.encoding.step_options(engine.bits)
    weights = np.random.default_rng(SEED).integers(1, 2**63, size=len(engine.net.cell.states)
                                                   * step.units, dtype=np.uint64)
    scale = 10.0 ** decimals

    def prints(states) -> np.ndarray:
        whole = np.rint(np.concatenate(states, axis=1) * scale).astype(np.int64)
        return (whole.astype(np.uint64) * weights).sum(axis=1)

    level = step.zeros(1)
    found = [prints(level)]
    for t, option in enumerate(options):
        inputs = (option @ step.kernel + step.bias)[None]
        kept, chunk = [], max(1, BLOCK // len(option))
        for first in range(0, len(level[0]), chunk):
            if cancel is not None and cancel():
                return None
            children = step.advance(tuple(s[first:first + chunk] for s in level), inputs,
                                    len(option))
            found.append(np.unique(prints(children)))
            if t + 1 < len(options):
                kept.append(children)
        if kept:
            level = tuple(np.concatenate(part) for part in zip(*kept, strict=True))
    return len(np.unique(np.concatenate(found)))


# -- measuring --------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """Exact match at one width: the automaton's on `pairs` pairs, the network's on the
    first `network_pairs` of the same pairs."""

    bits: int
    pairs: int
    every_pair: bool
    automaton: float
    network: float
    network_pairs: int


def _network_wide(engine, a_bits, b_bits, cancel: Cancel) -> float | None:
    wide, right = engine.with_bits(a_bits.shape[1]), []
    for first in range(0, len(a_bits), WIDE_CHUNK):
        if cancel is not None and cancel():
            return None
        part = slice(first, first + WIDE_CHUNK)
        right.append(~judge(wide, a_bits[part], b_bits[part])[2].any(axis=1))
    return float(np.concatenate(right).mean())


def measure(automaton: Automaton, engine, widths=WIDTHS, count: int = EVAL_SAMPLES,
            seed: int = SAMPLE_SEED, cancel: Cancel = None) -> list[Match] | None:
    """The automaton's exact match and the network's at each width: every pair up to
    TABLE_MAX_BITS, else `count` seeded random pairs (judge_sample's); above WIDE_BITS the
    network on the first WIDE_PAIRS of them. None if cancelled."""
    rows = []
    for bits in widths:
        if cancel is not None and cancel():
            return None
        if bits <= TABLE_MAX_BITS:
            a, b = all_pairs(bits)
            a_bits, b_bits = to_bits(a, bits), to_bits(b, bits)
            report = judge_all(engine.with_bits(bits), cancel)
            network, judged = (None, 0) if report is None else (report.exact, report.count)
        else:
            a_bits, b_bits = random_bits(count, bits, seed), random_bits(count, bits, seed + 1)
            if bits <= WIDE_BITS:
                report = judge_sample(engine, bits, count, seed, cancel)
                network, judged = (None, 0) if report is None else (report.exact, count)
            else:
                judged = min(count, WIDE_PAIRS)
                network = _network_wide(engine, a_bits[:judged], b_bits[:judged], cancel)
        if network is None:
            return None
        rows.append(Match(bits, len(a_bits), bits <= TABLE_MAX_BITS,
                          automaton.exact(a_bits, b_bits), network, judged))
    return rows


# -- the whole reading ----------------------------------------------------------------------


@dataclass
class Reading:
    """What `read` found: for a model that answers at every step its automaton and the
    exact match by width; for one that answers once, the states it visits (rounded)."""

    automaton: Automaton | None
    matches: list[Match]
    visited: int | None = None


def read(engine, max_states: int = MAX_STATES, widths=WIDTHS, cancel: Cancel = None
         ) -> Reading | None:
    """A model's automaton and its exact match at `widths` beside the network's; for a
    layout with no small automaton, the count of states it visits. None if cancelled."""
    if not engine.encoding.every_step:
        visited = visited_states(engine, cancel=cancel)
        return None if visited is None else Reading(None, [], visited)
    automaton = read_automaton(engine, max_states, cancel)
    if automaton is None:
        return None
    matches = measure(automaton, engine, widths, cancel=cancel)
    return None if matches is None else Reading(automaton, matches)
