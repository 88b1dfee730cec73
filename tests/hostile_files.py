"""Builders of hostile model files, each small on disk and quick to make.

Every builder starts from the bundled carry model (16 units, any length, 8 bits recorded) and
changes one thing. The bombs are built streaming: a deflate block of a megabyte of zeros (or
spaces) after a full flush is the same bytes every time, so gigabytes of content cost one
compressed block repeated, and no test ever holds them.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import zipfile
import zlib
from pathlib import Path

import h5py
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CARRY = ROOT / "assets" / "carry.keras"
MB = 1 << 20


def entries(path: Path = CARRY) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def carry_with(path: Path, replaced: dict[str, bytes]) -> Path:
    """The carry model with some entries replaced (entry name -> bytes)."""
    return write_zip(path, entries() | replaced)


# -- the architecture ---------------------------------------------------------------------


def config() -> dict:
    return json.loads(entries()["config.json"])


def layer(cfg: dict, kind: str) -> dict:
    return next(x for x in cfg["config"]["layers"] if x["class_name"] == kind)["config"]


def with_steps(path: Path, steps) -> Path:
    """A carry model whose input shape says `steps` steps (its weights unchanged)."""
    cfg = config()
    layer(cfg, "InputLayer")["batch_shape"] = [None, steps, 2]
    return carry_with(path, {"config.json": json.dumps(cfg).encode(),
                             "lstm_adder.json": b"{}"})


def with_units(path: Path, units) -> Path:
    """A carry model whose config says `units` LSTM units over its 16-unit arrays."""
    cfg = config()
    layer(cfg, "LSTM")["units"] = units
    return carry_with(path, {"config.json": json.dumps(cfg).encode()})


# -- the weights --------------------------------------------------------------------------

KERNEL = "layers/lstm/cell/vars/0"


def with_weights_h5(path: Path, change) -> Path:
    """A carry model whose model.weights.h5 `change(h5)` edited."""
    buffer = io.BytesIO(entries()["model.weights.h5"])
    with h5py.File(buffer, "r+") as h5:
        change(h5)
    return carry_with(path, {"model.weights.h5": buffer.getvalue()})


def with_kernel(path: Path, values: np.ndarray) -> Path:
    """The LSTM kernel replaced by `values` (NaN, inf, complex, integers...)."""
    def change(h5):
        del h5[KERNEL]
        h5[KERNEL] = values
    return with_weights_h5(path, change)


def kernel_values(kind: str) -> np.ndarray:
    base = np.ones((2, 64), np.float32)
    return {"nan": base * np.nan, "inf": base * np.inf, "complex": base.astype(np.complex64),
            "int": base.astype(np.int64)}[kind]


def with_unwritten_dataset(path: Path, gib: int = 4) -> Path:
    """A model whose architecture and datasets agree on an LSTM whose recurrent kernel is
    `gib` GiB of float32, declared in HDF5 and never written (a file of a few KB)."""
    units = 1 << 13 if gib == 1 else int((gib << 28) ** 0.5 / 2)  # (u, 4u) floats: gib GiB
    shapes = {"layers/lstm/cell/vars/0": (2, 4 * units),
              "layers/lstm/cell/vars/1": (units, 4 * units),
              "layers/lstm/cell/vars/2": (4 * units,), "layers/dense/vars/0": (units, 1)}

    def change(h5):
        for name, shape in shapes.items():
            del h5[name]
            h5.create_dataset(name, shape=shape, dtype="f4")

    cfg = config()
    layer(cfg, "LSTM")["units"] = units
    with_weights_h5(path, change)
    parts = entries(path)
    parts["config.json"] = json.dumps(cfg).encode()
    return write_zip(path, parts)


def keras_two_h5(path: Path, link_to: Path | None = None) -> Path:
    """A Keras 2 style .h5 of the carry model (model_config, model_weights/<layer>); with
    `link_to`, its LSTM kernel is an HDF5 external link into that file instead."""
    arrays = {}
    with h5py.File(io.BytesIO(entries()["model.weights.h5"]), "r") as h5:
        arrays["lstm"] = [h5[f"layers/lstm/cell/vars/{i}"][()] for i in range(3)]
        arrays["dense"] = [h5[f"layers/dense/vars/{i}"][()] for i in range(2)]
    with h5py.File(path, "w") as h5:
        h5.attrs["model_config"] = json.dumps(config())
        for name, values in arrays.items():
            group = h5.create_group(f"model_weights/{name}")
            names = [f"w{i}" for i in range(len(values))]
            group.attrs["weight_names"] = [n.encode() for n in names]
            for n, v in zip(names, values, strict=True):
                group[n] = v
        if link_to is not None:
            with h5py.File(link_to, "w") as other:
                other["kernel"] = np.full((2, 64), 3.0, np.float32)
            del h5["model_weights/lstm/w0"]
            h5["model_weights/lstm/w0"] = h5py.ExternalLink(str(link_to), "/kernel")
    return path


# -- lstm_adder.json and the replay -------------------------------------------------------


def info() -> dict:
    return json.loads(entries()["lstm_adder.json"])


def with_info(path: Path, value: dict) -> Path:
    return carry_with(path, {"lstm_adder.json": json.dumps(value).encode()})


def zero_map_text(size: int) -> str:
    """A replay map (base64 zlib) that inflates to `size` zero bytes, built in O(1 MB)."""
    blocks, rest = divmod(size, MB)
    assert rest == 0
    deflate = zlib.compressobj(9)
    zeros = bytes(MB)
    first = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.flush()[:-4] + ((size % 65521) << 16 | 1).to_bytes(4, "big")  # adler32
    return base64.b64encode(first + again * (blocks - 1) + end).decode()


def with_replay(path: Path, maps: list, bits=8) -> Path:
    value = info()
    value["replay"] = {"bits": bits, "weights": False, "maps": maps}
    return with_info(path, value)


def replay_bomb(path: Path, gib: int = 4) -> Path:
    """A replay map that inflates to `gib` GiB (an 8-bit map is 64 KB)."""
    return with_replay(path, [zero_map_text(gib << 30)])


def many_maps(path: Path, count: int = 20_000) -> Path:
    """`count` valid all-right maps: each ~100 bytes, 64 KB unpacked."""
    text = base64.b64encode(zlib.compress(bytes(1 << 16), 9)).decode()
    return with_replay(path, [text] * count)


def not_zlib_map(path: Path) -> Path:
    return with_replay(path, [base64.b64encode(b"not zlib at all").decode()])


@contextlib.contextmanager
def _stub_deflate(blocks: list[bytes], end: bytes):
    """zipfile's compressor replaced by one that returns precomputed blocks, the last one
    again and again (the data still passes through zipfile's CRC and size count)."""
    class Stub:
        calls = 0

        def compress(self, data):
            Stub.calls += 1
            return blocks[min(Stub.calls, len(blocks)) - 1]

        def flush(self):
            return end

    real = zipfile._get_compressor
    zipfile._get_compressor = lambda *a, **k: Stub()
    try:
        yield
    finally:
        zipfile._get_compressor = real


def with_huge_entry(path: Path, name: str, gib: int = 2, byte: bytes = b" ") -> Path:
    """The carry model with `gib` GiB of `byte` after entry `name`'s JSON (still valid JSON
    for spaces; a few MB on disk), written through ZipFile.open(name, "w",
    force_zip64=True) a megabyte at a time."""
    parts = entries()
    prefix, chunk = parts.pop(name, b""), byte * MB
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    blocks = [deflate.compress(prefix) + deflate.flush(zlib.Z_FULL_FLUSH)]
    for _ in range(2):
        blocks.append(deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH))
    end = deflate.flush()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for other, data in parts.items():
            archive.writestr(other, data)
        with _stub_deflate(blocks, end), archive.open(name, "w", force_zip64=True) as f:
            f.write(prefix)
            for _ in range(gib << 10):
                f.write(chunk)
    return path


# -- the cases of issue 16, by name: (builder, the command that reads the file) --------------

ADD, EPOCH = ["add", "1", "2", "--model"], ["eval", "--epoch", "0", "--model"]
CASES = {
    "steps-15001": (lambda p: with_steps(p, 15_001), ADD),
    "steps-4001": (lambda p: with_steps(p, 4_001), ADD),
    "steps-1e9": (lambda p: with_steps(p, 10**9), ADD),
    "steps-negative": (lambda p: with_steps(p, -4), ADD),
    "units-0": (lambda p: with_units(p, 0), ADD),
    "units-32-over-16": (lambda p: with_units(p, 32), ADD),
    **{f"weights-{kind}": (lambda p, kind=kind: with_kernel(p, kernel_values(kind)), ADD)
       for kind in ("nan", "inf", "complex", "int")},
    "dataset-4gb-unwritten": (with_unwritten_dataset, ADD),
    "h5-external-link": (lambda p: keras_two_h5(p.with_suffix(".h5"),
                                                p.parent / "elsewhere.h5"), ADD),
    "map-4gib": (lambda p: replay_bomb(p, 4), EPOCH),
    "map-16gib": (lambda p: replay_bomb(p, 16), EPOCH),
    "maps-20000": (many_maps, EPOCH),
    "map-not-zlib": (not_zlib_map, EPOCH),
    "replay-bits-2e11": (lambda p: with_replay(p, [zero_map_text(MB)], bits=2 * 10**11),
                         EPOCH),
    "info-2gb-spaces": (lambda p: with_huge_entry(p, "lstm_adder.json"), ADD),
    "config-2gb-spaces": (lambda p: with_huge_entry(p, "config.json"), ADD),
}


def build(name: str, folder: Path) -> tuple[Path, list[str]]:
    """Case `name` built in `folder`: (the file, the command that reads it)."""
    make, command = CASES[name]
    return make(folder / f"{name}.keras"), command
