"""Knocking a unit out (core.ablation) against Keras's own cell, re-run step by step with the
unit's h forced, on every pair of tiny models; and "which units matter" against judge_all."""

import numpy as np
import pytest

from lstm_adder.core import ablation
from lstm_adder.core.ablation import Mode
from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import judge_all
from lstm_adder.core.numbers import add_bits, all_pairs, to_bits


def _keras_ablated(model, engine, unit, value):
    """Every pair's P(sum bit = 1), table order, from Keras's LSTM cell and Dense head,
    stepped by hand with h[:, unit] set to `value` after every step."""
    import keras

    layer = next(x for x in model.layers if isinstance(x, keras.layers.LSTM))
    dense = [x for x in model.layers if isinstance(x, keras.layers.Dense)][-1]
    a, b = all_pairs(engine.bits)
    x = engine.encoding.inputs(to_bits(a, engine.bits), to_bits(b, engine.bits))
    h = np.zeros((len(x), layer.units), np.float32)
    c = np.zeros_like(h)
    outs = []
    for t in range(x.shape[1]):
        _, (h, c) = layer.cell(x[:, t], [h, c], training=False)
        h, c = np.array(h), np.array(c)
        h[:, unit] = value
        outs.append(np.array(dense(h)))
    out = np.stack(outs, axis=1) if layer.return_sequences else outs[-1]
    return engine.encoding.probabilities(out)


@pytest.mark.parametrize("which", ["seed", "carry"])
@pytest.mark.parametrize("mode", list(Mode))
def test_an_ablated_engine_agrees_with_keras_stepped_with_h_forced(which, mode, seed_model,
                                                                   carry_model):
    model = seed_model if which == "seed" else carry_model.model
    engine = Engine.from_model(model, 4)
    unit = 3
    ablated = ablation.knock_out(engine, unit, mode)
    value = 0.0 if mode is Mode.ZERO else ablation.unit_means(engine)[unit]
    assert ablated.knocked_out == (unit, pytest.approx(value))
    expected = _keras_ablated(model, engine, unit, value)
    table = ablated.table()
    np.testing.assert_allclose(table, expected, atol=1e-5)
    # the one-pair forward runs the same ablated step
    for a, b in [(13, 7), (15, 15), (0, 9)]:
        np.testing.assert_allclose(ablated.answer(a, b).probabilities, expected[(a << 4) | b],
                                   atol=1e-5)
    assert not np.allclose(table, engine.table(), atol=1e-3)  # it did knock something out


def test_the_mean_is_over_every_pair_and_step_of_the_intact_model(carry_engine):
    a, b = all_pairs(4)
    x = carry_engine.encoding.inputs(to_bits(a, 4), to_bits(b, 4))
    h = carry_engine.run(x, states=True)[1]["h"]  # the one-pair forward, not the tree
    np.testing.assert_allclose(ablation.unit_means(carry_engine), h.mean(axis=(0, 1)),
                               atol=1e-6)
    # the mean is the intact model's, whichever unit is already out
    out = carry_engine.ablated(0, 5.0)
    np.testing.assert_allclose(Mode.MEAN.values(out.intact()), Mode.MEAN.values(carry_engine))


def test_a_knockout_is_judged_by_judge_all_and_names_the_pairs_it_broke(carry_engine):
    knock = ablation.judge_knockout(carry_engine, 2, Mode.ZERO)
    report = judge_all(knock.engine)
    np.testing.assert_array_equal(knock.report.wrong_bits, report.wrong_bits)
    a, b = all_pairs(4)
    true_sum = a + b
    predicted = (knock.engine.table() >= 0.5) @ (1 << np.arange(5))
    intact = (carry_engine.table() >= 0.5) @ (1 << np.arange(5))
    broken = (predicted != true_sum) & (intact == true_sum)
    np.testing.assert_array_equal(knock.broken, broken)
    assert knock.broken_count == int(broken.sum()) > 0
    for x, y, said, true in knock.examples(3):
        assert true == x + y and said != true and broken[(x << 4) | y]
    true_bits = add_bits(to_bits(a, 4), to_bits(b, 4))[0]
    np.testing.assert_allclose(knock.report.bit_accuracy,
                               np.mean((knock.engine.table() >= 0.5) == true_bits, axis=0))


@pytest.mark.parametrize("mode", list(Mode))
def test_which_units_matter_is_every_unit_out_in_turn_sorted_worst_first(carry_engine, mode):
    seen = []
    effects = ablation.which_units_matter(carry_engine, mode,
                                          progress=lambda done, total: seen.append((done,
                                                                                    total)))
    units = carry_engine.units
    assert seen == [(k, units) for k in range(1, units + 1)]
    assert sorted(e.unit for e in effects) == list(range(units))
    assert [e.exact for e in effects] == sorted(e.exact for e in effects)
    intact = judge_all(carry_engine).exact
    values = mode.values(carry_engine)
    for effect in effects[:3] + effects[-2:]:
        out = judge_all(carry_engine.ablated(effect.unit, float(values[effect.unit])))
        assert effect.exact == pytest.approx(out.exact)
        assert effect.change == pytest.approx(out.exact - intact)


def test_which_units_matter_stops_when_cancelled(carry_engine):
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    assert ablation.which_units_matter(carry_engine, cancel=cancel) is None


def test_a_unit_outside_the_layer_is_refused(carry_engine):
    with pytest.raises(ValueError, match="unit must lie in 0"):
        carry_engine.ablated(carry_engine.units, 0.0)
    with pytest.raises(ValueError, match="unit must lie in 0"):
        ablation.knock_out(carry_engine, -1)


def test_the_ablated_table_on_threads_equals_one_thread(seed_engine, monkeypatch):
    import lstm_adder.core.engine as engine_module

    out = seed_engine.ablated(1, 0.0)
    threaded = out.without_table().table()
    monkeypatch.setattr(engine_module, "WORKERS", 1)
    np.testing.assert_array_equal(out.without_table().table(), threaded)
