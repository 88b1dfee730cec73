"""The Insight features: error map, LSTM states, the carry unit, wider numbers."""

import threading
from pathlib import Path

import keras
import numpy as np
import pytest

from lstm_adder.core import insight
from lstm_adder.core.cells import find_layer
from lstm_adder.core.encodings import PAIRED_LSB, decode
from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import judge_all
from lstm_adder.core.numbers import add_bits, all_pairs, random_bits, to_bits
from lstm_adder.session.insight import WORK

CARRY_ASSET = Path(__file__).resolve().parent.parent / "assets" / "carry.keras"


def _keras_sequences(model, x):
    """h at every step and the final c, from a Keras LSTM carrying the model's weights."""
    _, trained = find_layer(model)
    twin = keras.layers.LSTM(trained.units, return_sequences=True, return_state=True)
    twin.build(x.shape)
    twin.set_weights(trained.get_weights())
    h, _, c = twin(x)
    return np.asarray(h), np.asarray(c)


def test_error_map_lights_exactly_the_wrong_pairs(seed_engine):
    report = judge_all(Engine(seed_engine.net, seed_engine.encoding, 4))
    matrix = report.matrix()
    assert 0 < report.wrong_count < report.count  # the fixture is wrong on some pairs only
    lit = {(int(a), int(b)) for a, b in zip(*np.nonzero(matrix), strict=True)}
    assert lit == {(a, b) for a, b, _, _ in report.wrong(None)}
    # against one-pair forward passes, judged with Python's own sum
    fresh = Engine(seed_engine.net, seed_engine.encoding, 4)  # no table: forward passes
    for a, b in [(0, 0), (3, 12), (15, 15), (9, 6)]:
        assert matrix[a, b] == len(fresh.answer(a, b).mismatches)
    assert lit == {(a, b) for a in range(16) for b in range(16)
                   if fresh.answer(a, b).predicted != a + b}


def test_judging_stops_when_asked(seed_engine):
    assert judge_all(Engine(seed_engine.net, seed_engine.encoding, 4), lambda: True) is None


@pytest.mark.parametrize("which", ["seed", "carry"])
def test_states_are_units_by_steps_and_h_matches_keras(which, seed_engine, carry_engine,
                                                       seed_model, carry_model):
    adder = seed_engine if which == "seed" else carry_engine
    model = seed_model if which == "seed" else carry_model.model
    states = insight.cell_states(adder, 13, 7)
    units, steps = adder.units, adder.encoding.steps(4)
    assert states.values["h"].shape == states.values["c"].shape == (units, steps)
    assert states.inputs.shape == (adder.encoding.features, steps)
    x = adder.encoding.inputs(to_bits([13], 4), to_bits([7], 4))
    np.testing.assert_array_equal(states.inputs, x[0].T)
    h, c_last = _keras_sequences(model, x)
    np.testing.assert_allclose(states.values["h"], h[0].T, atol=1e-5)
    np.testing.assert_allclose(states.values["c"][:, -1], c_last[0], atol=1e-5)


@pytest.mark.parametrize("which", ["seed", "carry"])
def test_the_plain_gate_trace_agrees_with_the_fast_step_and_keras(which, seed_engine,
                                                                  carry_engine, seed_model,
                                                                  carry_model):
    adder = seed_engine if which == "seed" else carry_engine
    model = seed_model if which == "seed" else carry_model.model
    gates = insight.cell_gates(adder, 9, 14)
    assert list(gates.values) == list(adder.net.cell.traced)
    fast = insight.cell_states(adder, 9, 14).values
    for name in adder.net.cell.states:  # the fused step and the plain one: same states
        np.testing.assert_allclose(gates.values[name], fast[name], atol=1e-5)
    x = adder.encoding.inputs(to_bits([9], 4), to_bits([14], 4))
    np.testing.assert_allclose(gates.values["h"], _keras_sequences(model, x)[0][0].T,
                               atol=1e-5)
    for name in ("i", "f", "o"):  # sigmoid gates lie in (0, 1)
        assert ((gates.values[name] > 0) & (gates.values[name] < 1)).all()


def test_carry_model_states_match_its_own_lstm_output(carry_engine, carry_model):
    """The paired-lsb model's LSTM returns sequences itself: the numpy h is exactly that."""
    model = carry_model.model
    inner = keras.Model(model.input, find_layer(model)[1].output)
    x = PAIRED_LSB.inputs(to_bits([11], 4), to_bits([5], 4))
    np.testing.assert_allclose(insight.cell_states(carry_engine, 11, 5).values["h"],
                               np.asarray(inner(x))[0].T, atol=1e-5)


def test_step_labels_and_carries_follow_the_encoding(seed_engine, carry_engine):
    seed = insight.cell_states(seed_engine, 12, 3)  # 1100 + 0011
    assert seed.step_labels() == ["a3\n1", "a2\n1", "a1\n0", "a0\n0",
                                  "b3\n0", "b2\n0", "b1\n1", "b0\n1"]
    assert seed.carries is None
    carry = insight.cell_states(carry_engine, 7, 1)  # 0111 + 0001: carries out of steps 0-2
    assert carry.step_labels() == ["1\n1", "1\n0", "1\n0", "0\n0", "0\n0"]
    assert carry.carries.tolist() == [1, 1, 1, 0, 0]


def _best_correlation(model, bits):
    """Brute force: every unit of h and c (Keras's own h and c) against the carry out."""
    a, b = all_pairs(bits)
    a_bits, b_bits = to_bits(a, bits), to_bits(b, bits)
    x = PAIRED_LSB.inputs(a_bits, b_bits)
    h = np.asarray(_keras_sequences(model, x)[0])
    c = np.stack([_keras_sequences(model, x[:, :t + 1])[1] for t in range(bits)], axis=1)
    carry = add_bits(a_bits, b_bits)[1][:, 1:].ravel()
    best = 0.0
    for values in (h, c):
        for unit in range(values.shape[-1]):
            r = np.corrcoef(values[:, :bits, unit].ravel(), carry)[0, 1]
            best = max(best, abs(np.nan_to_num(r)))
    return best


def test_carry_unit_of_a_trained_carry_model_follows_the_carry(carry_model):
    found = insight.carry_unit(Engine.from_model(carry_model.model, bits=4), bits=4)
    assert found.state in ("h", "c")
    assert abs(found.r) == pytest.approx(_best_correlation(carry_model.model, 4), abs=1e-6)
    # This tiny model (exactly right on 256 pairs) shares the carry between two units:
    # its best single unit measures r = 0.87 here. The 8-bit model below reaches 0.92.
    assert abs(found.r) > 0.8
    assert found.describe().startswith(f"unit {found.unit} ({found.state}) tracks the carry")


@pytest.mark.skipif(not CARRY_ASSET.exists(), reason="assets/carry.keras not built yet")
def test_carry_unit_of_the_shipped_carry_model():
    found = insight.carry_unit(Engine.from_file(CARRY_ASSET)[0], bits=8)
    assert abs(found.r) > 0.9


def test_the_carry_search_stops_when_asked(carry_engine):
    asked = []

    def cancel():
        asked.append(True)
        return len(asked) == 3  # true on the third ask, before the third block of pairs

    assert insight.carry_unit(carry_engine, 8, cancel) is None
    assert len(asked) == 3


def test_the_session_carry_stage_honours_cancel(carry_engine):
    """Switching models sets the stage's cancel: the search then stops instead of keeping an
    engine thread busy."""
    cancel = threading.Event()
    cancel.set()
    assert WORK["carry"](carry_engine, cancel) is None
    assert WORK["carry"](carry_engine, threading.Event()) == insight.carry_unit(carry_engine, 4)


def test_carry_unit_needs_the_paired_layout(seed_engine):
    with pytest.raises(ValueError, match="paired-lsb"):
        insight.carry_unit(seed_engine, bits=4)


def _as_int(bits) -> int:
    return int("".join(str(int(bit)) for bit in bits[::-1]), 2)


def test_wide_evaluation_agrees_with_a_direct_count(carry_engine):
    count = 300
    rows = insight.width_table(carry_engine, widths=(4, 32, 64), count=count, seed=5)
    assert [(r.bits, r.count, r.every_pair) for r in rows] == [
        (4, 256, True), (32, count, False), (64, count, False)]
    a, b = all_pairs(4)
    assert rows[0].exact == np.mean(carry_engine.add_many(a, b) == a + b)
    for row in rows[1:]:
        a_bits, b_bits = random_bits(count, row.bits, 5), random_bits(count, row.bits, 6)
        predicted = decode(carry_engine.with_bits(row.bits).probabilities(a_bits, b_bits))
        right = sum(_as_int(p) == _as_int(x) + _as_int(y)
                    for p, x, y in zip(predicted, a_bits, b_bits, strict=True))
        assert row.exact == right / count


def test_width_table_refuses_a_fixed_width_layout(seed_engine):
    with pytest.raises(ValueError, match="only a paired-lsb"):
        insight.width_table(seed_engine, widths=(8,))
