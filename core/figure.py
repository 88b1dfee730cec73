"""The error map as a PNG, drawn headless with numpy alone (`lstm-adder eval --map out.png`),
and two models' difference map (`lstm-adder compare A B --map out.png`).

Every pair is a SCALE x SCALE block of pixels: row a from the top, column b from the left,
coloured by how many sum bits the model gets wrong (black: none; brighter: more), as the
Insight tab draws it. Axes with ticks and numbers run along the left and the top, and a
colour bar on the right says what each colour means. The difference map colours each pair by
the set it falls in (both models right, only A right, only B right, both wrong:
core.compare), and its legend gives each set's count and share. Text uses a 5 x 7 pixel font, so no
font file, Qt or plotting library is needed; the PNG is written with zlib.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

from lstm_adder.core.compare import RGB, Agreement, Comparison
from lstm_adder.core.storage import write_bytes_atomically

SCALE = 2  # pixels per pair at 8 bits: a 512 x 512 map
MARGIN = 48
BAR = 16  # colour bar width
LEGEND, LEGEND_ROW, SWATCH = 130, 34, 11  # the difference map's legend: width, row, swatch
MIN_SIDE = 256  # pixels a difference map is drawn across at least
INK, PAPER = (31, 41, 51), (255, 255, 255)
# inferno, sampled: 0 wrong bits is black, the most wrong bits pale yellow
ANCHORS = np.array([(0, 0, 4), (40, 11, 84), (101, 21, 110), (159, 42, 99), (212, 72, 66),
                    (245, 125, 21), (250, 193, 39), (252, 255, 164)], np.float64)

FONT = {  # 5 x 7 glyphs: seven rows of five pixels
    "0": "01110 10001 10011 10101 11001 10001 01110",
    "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111",
    "3": "11110 00001 00001 01110 00001 00001 11110",
    "4": "00010 00110 01010 10010 11111 00010 00010",
    "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110",
    "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110",
    "9": "01110 10001 10001 01111 00001 00010 01100",
    "a": "00000 00000 01110 00001 01111 10001 01111",
    "b": "10000 10000 10110 11001 10001 10001 11110",
    "e": "00000 00000 01110 10001 11111 10000 01110",
    "g": "00000 01111 10001 01111 00001 10001 01110",
    "i": "00100 00000 01100 00100 00100 00100 01110",
    "n": "00000 00000 10110 11001 10001 10001 10001",
    "o": "00000 00000 01110 10001 10001 10001 01110",
    "r": "00000 00000 10110 11001 10000 10000 10000",
    "s": "00000 00000 01111 10000 01110 00001 11110",
    "t": "01000 01000 11100 01000 01000 01001 00110",
    "w": "00000 00000 10001 10001 10101 10101 01010",
    " ": "00000 00000 00000 00000 00000 00000 00000",
    # for the difference map's legend
    "h": "10000 10000 10110 11001 10001 10001 10001",
    "l": "01100 00100 00100 00100 00100 00100 01110",
    "y": "00000 00000 10001 10001 01111 00001 01110",
    "A": "01110 10001 10001 11111 10001 10001 10001",
    "B": "11110 10001 10001 11110 10001 10001 11110",
    ",": "00000 00000 00000 00000 00110 00100 01000",
    ".": "00000 00000 00000 00000 00000 01100 01100",
    "%": "11000 11001 00010 00100 01000 10011 00011",
    "(": "00010 00100 01000 01000 01000 00100 00010",
    ")": "01000 00100 00010 00010 00010 00100 01000",
}


def colours(values: np.ndarray, top: int) -> np.ndarray:
    """Wrong-bit counts -> RGB uint8 on the inferno scale from 0 to `top`."""
    t = np.clip(np.asarray(values, np.float64) / max(1, top), 0, 1) * (len(ANCHORS) - 1)
    low = np.floor(t).astype(int).clip(0, len(ANCHORS) - 2)
    frac = (t - low)[..., None]
    return (ANCHORS[low] * (1 - frac) + ANCHORS[low + 1] * frac).round().astype(np.uint8)


def _text(image: np.ndarray, text: str, x: int, y: int, anchor: str = "left") -> None:
    """Write `text` with its top at y; `anchor` says whether x is its left, centre or right."""
    width = 6 * len(text) - 1
    x -= {"left": 0, "centre": width // 2, "right": width}[anchor]
    for i, char in enumerate(text):
        rows = FONT[char].split()
        for r, row in enumerate(rows):
            for c, bit in enumerate(row):
                if bit == "1" and 0 <= y + r < image.shape[0] and 0 <= x + 6 * i + c < \
                        image.shape[1]:
                    image[y + r, x + 6 * i + c] = INK


def _canvas(matrix_rgb: np.ndarray, right: int) -> np.ndarray:
    """White paper with the map (RGB, already scaled) at MARGIN, `right` pixels beside it."""
    size = matrix_rgb.shape[0]
    image = np.full((size + 2 * MARGIN, size + 2 * MARGIN + right, 3), PAPER, np.uint8)
    image[MARGIN:MARGIN + size, MARGIN:MARGIN + size] = matrix_rgb
    return image


def _axes(image: np.ndarray, side: int, scale: int) -> None:
    """Ticks and numbers for b along the top and a down the left of a side x side map."""
    size = side * scale
    ticks = sorted({0, side // 4, side // 2, 3 * side // 4, side - 1})
    for value in ticks:
        at = MARGIN + value * scale + scale // 2
        image[MARGIN - 5:MARGIN, at] = INK  # b along the top
        image[at, MARGIN - 5:MARGIN] = INK  # a down the left
        _text(image, str(value), at, MARGIN - 14, "centre")
        _text(image, str(value), MARGIN - 7, at - 3, "right")
    _text(image, "b", MARGIN + size // 2, 8, "centre")
    _text(image, "a", 2, MARGIN + size // 2 - 3)


def _scaled(matrix: np.ndarray, scale: int) -> np.ndarray:
    return np.repeat(np.repeat(matrix, scale, 0), scale, 1)


def render_map(matrix: np.ndarray, scale: int = SCALE) -> np.ndarray:
    """The error map (row a, column b: wrong bits) with axes and colour bar, as RGB uint8."""
    side = matrix.shape[0]
    size = side * scale
    top = max(1, int(matrix.max()))
    image = _canvas(colours(_scaled(matrix, scale), top), BAR + 40)
    _axes(image, side, scale)
    left = MARGIN + size + 16
    bar = np.linspace(top, 0, size)[:, None].repeat(BAR, 1)
    image[MARGIN:MARGIN + size, left:left + BAR] = colours(bar, top)
    for value in sorted({0, top // 2, top}):
        at = MARGIN + round((1 - value / top) * (size - 1))
        image[at, left + BAR:left + BAR + 4] = INK
        _text(image, str(value), left + BAR + 6, at - 3)
    _text(image, "wrong bits", left + BAR // 2, MARGIN + size + 10, "centre")
    return image


def render_difference(comparison: Comparison, scale: int = SCALE) -> np.ndarray:
    """Two models' difference map (row a, column b, each pair in the colour of its set),
    with axes and a legend that gives each set's colour, name, count and share, as RGB
    uint8. A narrow width is drawn larger (at least MIN_SIDE pixels), so the legend fits."""
    matrix = comparison.matrix()
    scale = max(scale, MIN_SIDE // matrix.shape[0])
    size = matrix.shape[0] * scale
    image = _canvas(RGB[_scaled(matrix, scale)], LEGEND)
    _axes(image, matrix.shape[0], scale)
    left, counts = MARGIN + size + 16, comparison.counts
    for row, kind in enumerate(Agreement):
        top = MARGIN + row * LEGEND_ROW
        image[top:top + SWATCH, left:left + SWATCH] = INK  # a frame: the pale swatch shows
        image[top + 1:top + SWATCH - 1, left + 1:left + SWATCH - 1] = kind.colour
        _text(image, kind.label, left + SWATCH + 6, top + 2)
        share = counts[kind] / max(1, comparison.count)
        _text(image, f"{counts[kind]:,} ({share:.2%})", left + SWATCH + 6, top + 14)
    return image


def write_png(path, image: np.ndarray) -> Path:
    """An RGB uint8 image as a PNG file (8-bit truecolour, no filtering)."""
    height, width, _ = image.shape
    rows = b"".join(b"\x00" + image[y].tobytes() for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
           + chunk(b"IEND", b""))
    return write_bytes_atomically(path, png)  # a full disk leaves the old file, not part
