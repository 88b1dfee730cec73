"""Two models compared pair by pair: the four sets against Python's own sums, one width for
both (a carry model widens, two fixed widths are refused), the curves their files recorded,
and the headless difference map."""

import numpy as np
import pytest
from test_figure import _read_png

from lstm_adder.assets import BUNDLED
from lstm_adder.core.compare import (
    RGB,
    Agreement,
    Comparison,
    WidthError,
    common_width,
    compare,
    curve,
)
from lstm_adder.core.data import EVAL_SAMPLES
from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import judge_all, judge_sample
from lstm_adder.core.figure import MARGIN, MIN_SIDE, render_difference, write_png
from lstm_adder.core.storage import save_model


def damaged(engine: Engine, factor: float = 0.6) -> Engine:
    """The same network with its recurrent kernel scaled: right on some pairs only."""
    weights = [w.copy() for w in engine.weights]
    weights[1] *= factor
    return engine.with_weights(weights)


def python_sets(a: Engine, b: Engine) -> dict[Agreement, set]:
    """The four sets by Python's integers: each model's sum of each pair, one forward pass
    a pair (not the prefix table), held against x + y."""
    xs, ys = np.divmod(np.arange(1 << (2 * a.bits)), 1 << a.bits)
    right_a = a.add_many(xs, ys) == xs + ys
    right_b = b.add_many(xs, ys) == xs + ys
    sets = {kind: set() for kind in Agreement}
    for x, y, ra, rb in zip(xs.tolist(), ys.tolist(), right_a, right_b, strict=True):
        kind = {(True, True): Agreement.BOTH_RIGHT, (True, False): Agreement.ONLY_A,
                (False, True): Agreement.ONLY_B, (False, False): Agreement.BOTH_WRONG}
        sets[kind[bool(ra), bool(rb)]].add((x, y))
    return sets


def compared_sets(comparison: Comparison) -> dict[Agreement, set]:
    pairs = comparison.a.pairs
    return {kind: {(int(pairs.a[i]), int(pairs.b[i]))
                   for i in np.flatnonzero(comparison.kinds == kind)} for kind in Agreement}


@pytest.mark.parametrize("first", ["trained", "damaged"])
def test_the_four_sets_are_python_s(carry_engine, seed_engine, first):
    """A trained carry model (or a damaged copy) against an untrained seed-layout one: every
    pair in the set Python's sums put it in, and the four counts add up to every pair."""
    a = carry_engine if first == "trained" else damaged(carry_engine, 0.3)
    result = compare(a, seed_engine)
    assert result.bits == 4 and result.everything and result.count == 256
    assert compared_sets(result) == python_sets(a, seed_engine)
    counts = result.counts
    assert sum(counts.values()) == 256
    assert counts[Agreement.BOTH_RIGHT] + counts[Agreement.ONLY_A] == \
        round(result.a.exact * 256) == 256 - result.a.wrong_count
    assert counts[Agreement.BOTH_RIGHT] + counts[Agreement.ONLY_B] == 256 - result.b.wrong_count
    if first == "trained":
        assert counts[Agreement.ONLY_B] == counts[Agreement.BOTH_WRONG] == 0


def test_every_set_is_found_when_both_models_err(carry_engine, seed_engine):
    result = compare(damaged(carry_engine, 0.3), seed_engine)
    assert all(result.counts.values()), result.counts


def test_an_example_says_what_each_model_answers(carry_engine, seed_engine):
    result = compare(carry_engine, seed_engine)
    examples = result.examples(Agreement.ONLY_A, 5)
    assert len(examples) == min(5, result.counts[Agreement.ONLY_A]) > 0
    for pair in examples:
        assert pair.true == pair.a + pair.b == pair.a_says
        assert pair.b_says == seed_engine.answer(pair.a, pair.b).predicted != pair.true
    kind, said = result.at(examples[0].a, examples[0].b)
    assert kind is Agreement.ONLY_A and said == examples[0]


def test_a_model_compared_with_itself_agrees_everywhere(carry_engine):
    twin = damaged(carry_engine)
    counts = compare(twin, twin).counts
    assert counts[Agreement.ONLY_A] == counts[Agreement.ONLY_B] == 0


def test_a_carry_model_widens_to_a_fixed_width(carry_engine):
    seed, _ = Engine.from_file(BUNDLED["seed"])  # 8-bit concat-msb: cannot change width
    assert common_width(carry_engine, seed) == 8
    assert common_width(seed, carry_engine) == 8
    assert common_width(carry_engine, carry_engine.with_bits(6)) == 6  # the wider of two
    assert common_width(carry_engine, carry_engine, bits=12) == 12


def test_two_fixed_widths_are_refused_in_one_line(seed_engine):
    seed8, _ = Engine.from_file(BUNDLED["seed"])
    with pytest.raises(WidthError) as caught:
        common_width(seed8, seed_engine, names=("seed.keras", "mine.keras"))
    message = str(caught.value)
    assert "\n" not in message and "seed.keras reads only 8-bit" in message
    assert "mine.keras only 4-bit" in message and "paired-lsb (carry)" in message
    with pytest.raises(WidthError, match="B reads only 4-bit numbers .* not 8-bit"):
        common_width(seed8, seed_engine, bits=8)


def test_a_wide_comparison_judges_both_on_one_seeded_sample(carry_engine):
    other = damaged(carry_engine)
    result = compare(carry_engine, other, bits=12)
    assert not result.everything and result.count == EVAL_SAMPLES
    sample = judge_sample(carry_engine, 12)
    np.testing.assert_array_equal(result.a.pairs.a, sample.pairs.a)
    np.testing.assert_array_equal(result.b.pairs.b, sample.pairs.b)
    truth = sample.pairs.a + sample.pairs.b
    right_b = other.with_bits(12).add_many(sample.pairs.a, sample.pairs.b) == truth
    np.testing.assert_array_equal((result.kinds & 1) == 0, right_b)
    with pytest.raises(ValueError, match="every pair"):
        result.matrix()


def test_judgements_of_other_pairs_are_not_compared(carry_engine):
    with pytest.raises(ValueError, match="same pairs"):
        Comparison.of(judge_all(carry_engine), judge_all(carry_engine.with_bits(3)))


def test_the_curves_are_the_file_s_history(carry_model, tmp_path):
    path = save_model(carry_model.model, tmp_path / "c.keras", carry_model.info())
    engine, info = Engine.from_file(path)
    result = compare(engine, engine, histories=(info.get("history"), None))
    line, none = result.curves
    assert none is None
    assert line.epochs.tolist() == [m.epoch for m in carry_model.history]
    np.testing.assert_allclose(line.loss, [m.loss for m in carry_model.history])
    np.testing.assert_allclose(line.exact, [m.exact for m in carry_model.history])


def test_entries_that_are_not_epochs_are_left_out_of_a_curve():
    history = [{"epoch": 1, "loss": 0.5, "exact": 0.1}, {"epoch": "2", "loss": 0.4},
               "junk", {"epoch": 3, "loss": float("nan"), "exact": 0.2},
               {"epoch": 4, "loss": 0.1, "exact": 0.9}]
    assert curve(history).epochs.tolist() == [1, 4]
    assert curve([]) is None and curve("junk") is None and curve(None) is None


def test_the_difference_map_colours_each_pair_by_its_set(carry_engine, seed_engine,
                                                          tmp_path):
    result = compare(damaged(carry_engine, 0.3), seed_engine)
    image = _read_png(write_png(tmp_path / "diff.png", render_difference(result)))
    scale = MIN_SIDE // 16  # a 4-bit map is drawn MIN_SIDE across
    assert image.shape[0] >= 16 * scale + 2 * MARGIN
    matrix = result.matrix()
    for x in range(16):
        for y in range(16):
            pixel = image[MARGIN + x * scale + scale // 2, MARGIN + y * scale + scale // 2]
            assert tuple(pixel) == tuple(RGB[matrix[x, y]]), (x, y)
    legend = image[:, MARGIN + 16 * scale + 16:]
    for kind in Agreement:  # each set's swatch is in the legend
        assert (legend == kind.colour).all(axis=2).any(), kind
