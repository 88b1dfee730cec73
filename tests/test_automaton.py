"""The carry read out as an automaton: the shipped carry model's is binary addition and adds
like Python at any width; an untrained or damaged model's is no perfect adder; a concat-msb
model has none, only a count of the states it visits."""

import random

import numpy as np
import pytest

from lstm_adder.assets import BUNDLED
from lstm_adder.core import automaton
from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import judge_all, judge_sample
from lstm_adder.core.numbers import all_pairs, to_bits

# binary addition's table, from Python's arithmetic: (carry, a, b) -> (carry out, sum bit)
ADDITION = [(c, a, b, (a + b + c) >> 1, (a + b + c) & 1)
            for c in (0, 1) for a in (0, 1) for b in (0, 1)]


@pytest.fixture(scope="module")
def shipped():
    return Engine.from_file(BUNDLED["carry"])[0]


@pytest.fixture(scope="module")
def shipped_automaton(shipped):
    return automaton.read_automaton(shipped)


def table(machine: automaton.Automaton) -> list[tuple]:
    return [(r.state, r.a, r.b, r.next, r.sum) for r in machine.rows()]


def wrong_sums(machine: automaton.Automaton, bits: int, count: int, seed: int) -> int:
    """How many of `count` random `bits`-bit pairs the automaton adds unlike Python."""
    rng = random.Random(seed)
    pairs = [(rng.getrandbits(bits), rng.getrandbits(bits)) for _ in range(count)]
    return sum(machine.add(a, b) != a + b for a, b in pairs)


def test_the_shipped_carry_model_reads_as_binary_addition(shipped_automaton):
    assert shipped_automaton.states == 2
    assert table(shipped_automaton) == ADDITION  # state 0, the start, is "no carry"
    assert shipped_automaton.consistency >= 1 - automaton.TOLERANCE
    assert shipped_automaton.visits.sum() == (1 << 16) * 9  # every 8-bit pair, 9 steps


@pytest.mark.parametrize("bits", [1, 16, 64, 1024, 3000])
def test_its_automaton_adds_like_python_at_any_width(shipped_automaton, bits):
    assert wrong_sums(shipped_automaton, bits, 300, seed=bits) == 0


def test_its_exact_match_is_measured_against_python_beside_the_network(shipped,
                                                                      shipped_automaton):
    rows = automaton.measure(shipped_automaton, shipped, widths=(8, 16))
    assert [(m.bits, m.pairs, m.every_pair) for m in rows] == [(8, 65536, True),
                                                                 (16, 10_000, False)]
    assert [m.automaton for m in rows] == [1.0, 1.0]
    assert rows[0].network == judge_all(shipped.with_bits(8)).exact
    assert rows[1].network == judge_sample(shipped, 16).exact


def test_the_network_at_1024_bits_is_judged_on_the_first_of_the_same_pairs(shipped,
                                                                           shipped_automaton,
                                                                           monkeypatch):
    monkeypatch.setattr(automaton, "WIDE_PAIRS", 40)
    [row] = automaton.measure(shipped_automaton, shipped, widths=(1024,), count=100)
    assert (row.pairs, row.network_pairs, row.automaton) == (100, 40, 1.0)
    assert 0 <= row.network <= 1


def damaged(engine: Engine, scale: float, seed: int = 5) -> Engine:
    rng = np.random.default_rng(seed)
    return engine.with_weights([w + scale * w.std() * rng.standard_normal(w.shape)
                                for w in engine.weights])


def test_a_damaged_carry_model_is_no_perfect_adder(shipped):
    engine = damaged(shipped, 0.3)
    machine = automaton.read_automaton(engine)
    a, b = all_pairs(8)
    assert machine.exact(to_bits(a, 8), to_bits(b, 8)) < 1
    assert wrong_sums(machine, 8, 300, seed=1) > 0  # the same, against Python directly
    assert machine.consistency < 1


def test_an_untrained_carry_model_is_no_perfect_adder():
    import keras

    from lstm_adder.core.models import build_model
    from lstm_adder.core.recipes import get_recipe

    keras.utils.set_random_seed(2)
    engine = Engine.from_model(build_model(get_recipe("carry", bits=4, units=8)), 4)
    machine = automaton.read_automaton(engine, max_states=4)
    assert wrong_sums(machine, 8, 300, seed=2) > 0
    [row] = automaton.measure(machine, engine, widths=(8,))
    assert row.automaton < 1


def test_a_row_never_read_makes_a_sum_wrong_not_a_guess():
    never = np.array([[0, -1, 0, 0]])  # 01 was never read
    machine = automaton.Automaton(np.where(never < 0, -1, 0), np.array([[0, -1, 1, 0]]),
                                  np.array([[5, 0, 5, 5]]), np.zeros((1, 4), int), 1)
    assert machine.add(2, 0) == 2 and machine.add(1, 0) == 1  # no 01 met: as it says
    assert machine.add(0, 1) is None and machine.add(2, 1) is None
    assert machine.exact(np.array([[0, 1]]), np.array([[1, 0]])) == 0.0  # 1 + 2


def test_minimising_merges_states_no_input_tells_apart():
    # clusters 0 and 2 are both "no carry", 1 is "carry": what a 3-means reading looks like
    nxt = np.array([[0, 2, 0, 1], [2, 1, 1, 1], [2, 0, 2, 1]])
    emit = np.array([[0, 1, 1, 0], [1, 0, 0, 1], [0, 1, 1, 0]])
    seen = np.full((3, 4), 10)
    machine = automaton._minimise(nxt, emit, seen, np.zeros((3, 4), int), start=2, clusters=3)
    assert machine.states == 2 and machine.clusters == 3
    assert table(machine) == ADDITION
    assert machine.visits[0].tolist() == [20, 20, 20, 20]  # 0 and 2 merged, counts summed


def test_a_concat_msb_model_has_no_automaton_only_a_count_of_states(seed_engine):
    with pytest.raises(ValueError, match="whole operand"):
        automaton.read_automaton(seed_engine)
    reading = automaton.read(seed_engine)
    assert reading.automaton is None and reading.matches == []
    # the reference: every pair run by Engine.run, every state after every step, rounded
    a, b = all_pairs(seed_engine.bits)
    x = seed_engine.encoding.inputs(to_bits(a, seed_engine.bits), to_bits(b, seed_engine.bits))
    _, states = seed_engine.run(x, states=True)
    full = np.concatenate([states[name] for name in seed_engine.net.cell.states], axis=-1)
    rows = np.round(full.reshape(-1, full.shape[-1]), automaton.ROUND_DECIMALS)
    start = np.zeros((1, rows.shape[1]))
    assert reading.visited == len(np.unique(np.vstack([start, rows]) + 0.0, axis=0))


def test_a_cancelled_reading_gives_nothing(shipped, seed_engine):
    assert automaton.read(shipped, cancel=lambda: True) is None
    assert automaton.read(seed_engine, cancel=lambda: True) is None
