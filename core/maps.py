"""A wrong-bit map kept packed, as a saved file keeps it.

A map says how many sum bits are wrong for every pair: 65,536 bytes at 8 bits. A run keeps one
after every epoch for its replay, so a run of thousands of epochs would hold gigabytes if the
maps stayed as arrays. Kept zlib-compressed (the bytes a saved model's replay holds, before
base64), a trained model's map takes a few hundred bytes and an untrained one's a few kB:

    >>> packed = PackedMap.pack(np.zeros(65536, np.uint8))
    >>> packed.nbytes < 200, packed.array().shape
    (True, (65536,))

A packed map is an immutable value; numpy takes it where an array is wanted
(`np.asarray(packed)`), unpacking it each time.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

LEVEL = 9  # zlib's best: a map is packed once and may be kept for the whole session


@dataclass(frozen=True)
class PackedMap:
    """One wrong-bit map (uint8, one count per pair), zlib-compressed."""

    data: bytes  # zlib of the map's bytes: what a saved replay holds, before base64
    size: int  # the map's length: how many pairs

    @classmethod
    def pack(cls, wrong_bits: np.ndarray) -> PackedMap:
        array = np.asarray(wrong_bits, np.uint8)
        return cls(zlib.compress(array.tobytes(), LEVEL), array.size)

    @classmethod
    def of(cls, wrong_bits) -> PackedMap | None:
        """`wrong_bits` packed, as it is if packed already; None stays None."""
        if wrong_bits is None or isinstance(wrong_bits, PackedMap):
            return wrong_bits
        return cls.pack(wrong_bits)

    def array(self) -> np.ndarray:
        """The map unpacked (a read-only array of `size` bytes)."""
        return np.frombuffer(zlib.decompress(self.data, bufsize=self.size), np.uint8)

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        array = self.array()
        return array if dtype is None else array.astype(dtype)

    @property
    def nbytes(self) -> int:
        """The bytes it keeps in memory (its packed data)."""
        return len(self.data)
