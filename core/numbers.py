"""Binary numbers as numpy bit arrays.

Inside the core every number is a row of bits, least significant first, so that
bit k of a row is the coefficient of 2**k. Widths go up to 64 bits; the adder in
`add_bits` works on the bits themselves, so 64-bit operands need no big integers.

    157 -> [1, 0, 1, 1, 1, 0, 0, 1]   (LSB first; printed MSB first it is 10011101)
"""

from __future__ import annotations

import numpy as np

MAX_INT_BITS = 62  # widest number that fits an int64 with room for a sum


def to_bits(values, n: int) -> np.ndarray:
    """Integers (any shape) -> uint8 bits of width n, least significant first, shape (..., n)."""
    values = np.asarray(values, dtype=np.int64)
    if n > MAX_INT_BITS:
        raise ValueError(f"to_bits handles at most {MAX_INT_BITS} bits; use random_bits for wider")
    if np.any(values < 0) or np.any(values >= (1 << n)):
        raise ValueError(f"values must lie in 0..{(1 << n) - 1} for {n} bits")
    return ((values[..., None] >> np.arange(n)) & 1).astype(np.uint8)


def from_bits(bits) -> np.ndarray:
    """uint8 bits, least significant first, shape (..., n) -> int64 values, shape (...)."""
    bits = np.asarray(bits)
    n = bits.shape[-1]
    if n > MAX_INT_BITS + 1:
        raise ValueError(f"from_bits handles at most {MAX_INT_BITS + 1} bits")
    return (bits.astype(np.int64) << np.arange(n)).sum(axis=-1)


def add_bits(a_bits: np.ndarray, b_bits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ripple-carry addition of LSB-first bit rows of width n.

    Returns (sum_bits, carry_in): sum_bits has n + 1 columns; carry_in[..., k] is the carry
    flowing into position k (so carry_in[..., 0] is always 0), n + 1 columns too.
    """
    a_bits = np.asarray(a_bits, dtype=np.uint8)
    b_bits = np.asarray(b_bits, dtype=np.uint8)
    n = a_bits.shape[-1]
    sums = np.zeros(a_bits.shape[:-1] + (n + 1,), dtype=np.uint8)
    carries = np.zeros_like(sums)
    carry = np.zeros(a_bits.shape[:-1], dtype=np.uint8)
    for k in range(n):
        carries[..., k] = carry
        total = a_bits[..., k] + b_bits[..., k] + carry
        sums[..., k] = total & 1
        carry = total >> 1
    carries[..., n] = carry
    sums[..., n] = carry
    return sums, carries


def bit_string(bits) -> str:
    """One LSB-first row of bits -> the usual written form, most significant first."""
    return "".join(str(int(b)) for b in np.asarray(bits)[::-1])


def random_bits(count: int, n: int, seed: int) -> np.ndarray:
    """`count` uniformly random n-bit numbers as LSB-first bit rows (any n, 64 included)."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 2, size=(count, n), dtype=np.uint8)


def all_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair (a, b) of n-bit numbers, a major: a = i // 2**n, b = i % 2**n."""
    idx = np.arange(1 << (2 * n), dtype=np.int64)
    return idx >> n, idx & ((1 << n) - 1)
