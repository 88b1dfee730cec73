"""Evaluation counts mistakes exactly; inference answers agree with the batched path."""

import numpy as np

from core.encodings import CONCAT_MSB, PAIRED_LSB
from core.evaluation import evaluate, evaluate_wide
from core.inference import Adder
from core.numbers import bit_string, random_bits


def test_counts_a_model_with_known_mistakes(seed_model):
    adder = Adder(seed_model, CONCAT_MSB, 4)
    report = evaluate(adder)
    # judge every pair one at a time through the single-pair path, with Python's own sum
    wrong = [(a, b) for a in range(16) for b in range(16)
             if adder.answer(a, b).predicted != a + b]
    assert report.count == 256
    assert report.wrong_count == len(wrong) > 0
    assert report.exact == 1 - len(wrong) / 256
    assert [(a, b) for a, b, _, _ in report.wrong()] == wrong
    assert all(pred != true == a + b for a, b, pred, true in report.wrong())
    matrix = report.matrix()
    assert {(a, b) for a, b in zip(*np.nonzero(matrix), strict=True)} == set(wrong)
    assert len(report.wrong(3)) == 3


def test_per_bit_accuracy_matches_a_direct_count(seed_model):
    adder = Adder(seed_model, CONCAT_MSB, 4)
    report = evaluate(adder)
    answers = [adder.answer(a, b) for a in range(16) for b in range(16)]
    direct = np.mean([ans.predicted_bits == ans.true_bits for ans in answers], axis=0)
    np.testing.assert_allclose(report.bit_accuracy, direct)


def test_a_right_model_is_exactly_right(carry_model):
    report = evaluate(Adder(carry_model.model, PAIRED_LSB, 4))
    assert report.exact == 1.0 and report.wrong() == []


def test_single_answer_describes_the_pair(carry_model):
    answer = Adder(carry_model.model, PAIRED_LSB, 4).answer(13, 7)
    assert (answer.predicted, answer.true, answer.correct) == (20, 20, True)
    assert bit_string(answer.true_bits) == "10100"
    assert bit_string(answer.a_bits) == "1101" and bit_string(answer.b_bits) == "0111"
    assert 0.5 <= answer.confidence <= 1 and answer.mismatches == []


def test_wide_evaluation_agrees_with_python_integers(carry_model):
    adder = Adder(carry_model.model, PAIRED_LSB, 4)
    report = evaluate_wide(adder, 40, count=300, seed=9)
    wide = adder.with_bits(40)
    a_bits, b_bits = random_bits(300, 40, 9), random_bits(300, 40, 10)
    probs = wide.probabilities(a_bits, b_bits)
    right = 0
    for pa, pb, p in zip(a_bits, b_bits, probs, strict=True):
        predicted = int(bit_string((p >= 0.5).astype(int)), 2)
        right += predicted == int(bit_string(pa), 2) + int(bit_string(pb), 2)
    assert report.exact == right / 300


def test_seed_layout_cannot_widen(seed_model):
    import pytest

    with pytest.raises(ValueError, match="only a paired-lsb"):
        Adder(seed_model, CONCAT_MSB, 4).with_bits(8)
