"""The headless error map: a real PNG, a pixel per pair or more, and it shows the mistakes."""

import zlib

import numpy as np

from lstm_adder.assets import BUNDLED
from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import judge_all
from lstm_adder.core.figure import SCALE, render_map, write_png


def _read_png(path) -> np.ndarray:
    """Decode the PNGs write_png makes (8-bit RGB, filter 0 on every row)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    start = data.index(b"IDAT") + 4
    length = int.from_bytes(data[start - 8:start - 4], "big")
    rows = np.frombuffer(zlib.decompress(data[start:start + length]), np.uint8)
    return rows.reshape(height, 1 + 3 * width)[:, 1:].reshape(height, width, 3)


def test_the_map_of_a_half_trained_model_differs_where_it_is_wrong(tmp_path):
    perfect, _ = Engine.from_file(BUNDLED["carry"])
    weights = [w.copy() for w in perfect.weights]
    weights[1] *= 0.6  # a damaged recurrent kernel: right on about half the pairs
    damaged = perfect.with_weights(weights)
    good, bad = judge_all(perfect), judge_all(damaged)
    assert good.wrong_count == 0 and 0.2 < bad.exact < 0.8
    a = _read_png(write_png(tmp_path / "good.png", render_map(good.matrix())))
    b = _read_png(write_png(tmp_path / "bad.png", render_map(bad.matrix())))
    assert a.shape == b.shape and a.shape[0] >= 256 * SCALE and a.shape[1] >= 256 * SCALE
    from lstm_adder.core.figure import MARGIN

    # the pixel of pair (a, b) is dark for a right pair, bright where bits are wrong
    for (x, y) in [(3, 250), (200, 17), (128, 128)]:
        pixel = (MARGIN + x * SCALE, MARGIN + y * SCALE)
        wrong = bad.matrix()[x, y]
        assert (a[pixel] == b[pixel]).all() == (wrong == 0)
