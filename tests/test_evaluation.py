"""Evaluation counts mistakes exactly; one-pair answers agree with the judged table."""

import numpy as np
import pytest

from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import evaluate, judge_all, judge_sample
from lstm_adder.core.numbers import bit_string, random_bits


@pytest.fixture
def seed_engine(seed_model):
    return Engine.from_model(seed_model)


@pytest.fixture
def carry_engine(carry_model):
    return Engine.from_model(carry_model.model, 4)


def test_counts_a_model_with_known_mistakes(seed_engine):
    # judge every pair one at a time through the one-pair forward, with Python's own sum,
    # before the table exists (once it does, answers are looked up in it)
    wrong = [(a, b) for a in range(16) for b in range(16)
             if seed_engine.answer(a, b).predicted != a + b]
    report = evaluate(seed_engine)
    assert report.count == 256
    assert report.wrong_count == len(wrong) > 0
    assert report.exact == 1 - len(wrong) / 256
    assert [(a, b) for a, b, _, _ in report.wrong()] == wrong
    assert all(pred != true == a + b for a, b, pred, true in report.wrong())
    matrix = report.matrix()
    assert {(a, b) for a, b in zip(*np.nonzero(matrix), strict=True)} == set(wrong)
    assert len(report.wrong(3)) == 3


def test_per_bit_accuracy_matches_a_direct_count(seed_engine):
    answers = [seed_engine.answer(a, b) for a in range(16) for b in range(16)]
    report = evaluate(seed_engine)
    direct = np.mean([ans.predicted_bits == ans.true_bits for ans in answers], axis=0)
    np.testing.assert_allclose(report.bit_accuracy, direct)


def test_a_right_model_is_exactly_right(carry_engine):
    report = evaluate(carry_engine)
    assert report.exact == 1.0 and report.wrong() == [] and report.everything
    assert report.next_wrong(0, 0) is None and report.scope() == "all 256 pairs"


def test_single_answer_describes_the_pair(carry_engine):
    answer = carry_engine.answer(13, 7)
    assert (answer.predicted, answer.true, answer.correct) == (20, 20, True)
    assert bit_string(answer.true_bits) == "10100"
    assert bit_string(answer.a_bits) == "1101" and bit_string(answer.b_bits) == "0111"
    assert 0.5 <= answer.confidence <= 1 and answer.mismatches == []


def test_wide_evaluation_agrees_with_python_integers(carry_engine):
    report = judge_sample(carry_engine, 40, count=300, seed=9)
    wide = carry_engine.with_bits(40)
    a_bits, b_bits = random_bits(300, 40, 9), random_bits(300, 40, 10)
    probs = wide.probabilities(a_bits, b_bits)
    right = 0
    for pa, pb, p in zip(a_bits, b_bits, probs, strict=True):
        predicted = int(bit_string((p >= 0.5).astype(int)), 2)
        right += predicted == int(bit_string(pa), 2) + int(bit_string(pb), 2)
    assert report.exact == right / 300


def test_seed_layout_cannot_widen(seed_engine):
    with pytest.raises(ValueError, match="only a paired-lsb"):
        seed_engine.with_bits(8)


def test_wrong_pairs_step_forwards_and_backwards_round_the_table(seed_engine):
    report = evaluate(seed_engine)
    keys = sorted((a, b) for a, b, _, _ in report.wrong())
    first, last = keys[0], keys[-1]
    assert report.next_wrong(*last) == first  # wraps round
    assert report.previous_wrong(*first) == last
    assert report.next_wrong(*first) == keys[1]
    assert report.wrong_position(*keys[1]) == 2


def test_wide_models_are_judged_on_a_seeded_sample_in_bounded_memory(carry_engine):
    """A 16-bit model has 2**32 pairs: judging takes the seeded sample, never the table."""
    report = judge_all(carry_engine.with_bits(16))
    assert not report.everything and report.count == 10_000
    assert report.scope() == "10,000 random pairs (seed 0)"
    again = judge_all(carry_engine.with_bits(16))
    assert np.array_equal(report.wrong_bits, again.wrong_bits)
