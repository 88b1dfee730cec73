"""Numbers and encodings: the tutorial's worked examples, and round trips at every width."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_adder.core.encodings import CONCAT_MSB, PAIRED_LSB, decode, encoding_for_input_shape
from lstm_adder.core.numbers import add_bits, bit_string, from_bits, random_bits, to_bits

# (a, b, sum, bits as printed in the tutorial, most significant first)
WORKED = [
    (157, 113, 270, "10011101", "01110001", "100001110"),
    (255, 254, 509, "11111111", "11111110", "111111101"),
    (114, 0, 114, "01110010", "00000000", "001110010"),
]


def bits_of(text):
    return [int(c) for c in text]


@pytest.mark.parametrize("a, b, total, a_text, b_text, sum_text", WORKED)
def test_concat_msb_matches_the_tutorial(a, b, total, a_text, b_text, sum_text):
    a_bits, b_bits = to_bits([a], 8), to_bits([b], 8)
    x = CONCAT_MSB.inputs(a_bits, b_bits)
    assert x.shape == (1, 16, 1)
    assert x[0, :, 0].astype(int).tolist() == bits_of(a_text + b_text)
    sums, _ = add_bits(a_bits, b_bits)
    y = CONCAT_MSB.targets(sums)
    assert y[0].astype(int).tolist() == bits_of(sum_text)
    # decoding the target as if it were the network's output gives the sum back
    assert from_bits(decode(CONCAT_MSB.probabilities(y)))[0] == total
    assert bit_string(sums[0]) == sum_text


@pytest.mark.parametrize("a, b, total, a_text, b_text, sum_text", WORKED)
def test_paired_lsb_matches_the_tutorial(a, b, total, a_text, b_text, sum_text):
    a_bits, b_bits = to_bits([a], 8), to_bits([b], 8)
    x = PAIRED_LSB.inputs(a_bits, b_bits)
    assert x.shape == (1, 9, 2)
    assert x[0, :, 0].astype(int).tolist() == bits_of(a_text)[::-1] + [0]
    assert x[0, :, 1].astype(int).tolist() == bits_of(b_text)[::-1] + [0]
    y = PAIRED_LSB.targets(add_bits(a_bits, b_bits)[0])
    assert y.shape == (1, 9, 1)
    assert y[0, :, 0].astype(int).tolist() == bits_of(sum_text)[::-1]
    assert from_bits(decode(PAIRED_LSB.probabilities(y)))[0] == total


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 16).flatmap(lambda n: st.tuples(
    st.just(n), st.integers(0, 2**n - 1), st.integers(0, 2**n - 1))))
def test_round_trip_at_every_width(case):
    n, a, b = case
    a_bits, b_bits = to_bits([a], n), to_bits([b], n)
    assert from_bits(a_bits)[0] == a and from_bits(b_bits)[0] == b
    sums, carries = add_bits(a_bits, b_bits)
    assert from_bits(sums)[0] == a + b
    for k in range(n + 1):  # the carry into position k is what the lower bits overflow
        assert carries[0, k] == ((a % 2**k) + (b % 2**k)) >> k
    for encoding in (CONCAT_MSB, PAIRED_LSB):
        x = encoding.inputs(a_bits, b_bits)
        assert x.shape == (1, encoding.steps(n), encoding.features)
        assert encoding.width_from_steps(encoding.steps(n)) == n
        decoded = decode(encoding.probabilities(encoding.targets(sums)))
        assert from_bits(decoded)[0] == a + b


def test_decoding_rounds_at_one_half():
    assert decode(np.array([0.49, 0.5, 0.51, 0.0, 1.0])).tolist() == [0, 1, 1, 0, 1]


def test_wide_addition_agrees_with_python_integers():
    a_bits, b_bits = random_bits(200, 64, seed=3), random_bits(200, 64, seed=4)
    sums, _ = add_bits(a_bits, b_bits)
    for row_a, row_b, row_s in zip(a_bits, b_bits, sums, strict=True):
        a, b = int(bit_string(row_a), 2), int(bit_string(row_b), 2)
        assert int(bit_string(row_s), 2) == a + b


def test_out_of_range_values_are_refused():
    with pytest.raises(ValueError):
        to_bits([256], 8)
    with pytest.raises(ValueError):
        to_bits([-1], 8)


@pytest.mark.parametrize("shape, name, bits", [
    ((None, 16, 1), "concat-msb", 8), ((None, 9, 2), "paired-lsb", 8),
    ((None, None, 2), "paired-lsb", None)])
def test_encoding_is_inferred_from_the_input_shape(shape, name, bits):
    encoding, width = encoding_for_input_shape(shape)
    assert (encoding.name, width) == (name, bits)


@pytest.mark.parametrize("shape", [(None, 15, 1), (None, 8, 3)])
def test_foreign_input_shapes_are_rejected(shape):
    with pytest.raises(ValueError, match="fits no known encoding"):
        encoding_for_input_shape(shape)
