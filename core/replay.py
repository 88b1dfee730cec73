"""Replay: a run as it was after each epoch, kept cheaply enough to step through.

After every epoch the trainer keeps the epoch's wrong-bit map: how many sum bits are wrong
for each of the 65,536 pairs, one uint8 each, kept packed (core.maps: zlib, a few hundred
bytes for a trained model). It keeps the model's weights as an engine (plain arrays) only when
asked (`--keep-epochs`, "Keep every epoch"): for the seed model they cost about 2 MB an epoch
in memory and 1 MB in a file. A saved model carries the maps (zlib, base64, in its
lstm_adder.json), so the error map and the curves replay after reopening the file; it carries
the weights of every epoch, when they were kept, in a zip entry of its own.

Epoch 0 is the untrained model; epoch k is the model after k epochs.
"""

from __future__ import annotations

import base64
import io
import zipfile
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from lstm_adder.core.engine import TABLE_MAX_BITS, Engine
from lstm_adder.core.errors import shown
from lstm_adder.core.evaluation import Report, judge_all
from lstm_adder.core.maps import PackedMap
from lstm_adder.core.recipes import MAX_EPOCHS
from lstm_adder.core.weights import first_line, read_entry
from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words

REPLAY_KEY = "replay"  # in lstm_adder.json: {"bits": n, "maps": [...], "weights": bool}
WEIGHTS_ENTRY = "epoch_weights.npz"
CACHED = 4  # epochs whose judged reports are kept at once
NPY_HEADER = 4096  # an .npy array's header, at most
MAPS_MAX_BYTES = 512 << 20  # the maps a file's replay may unpack to (8,192 epochs at 8 bits)


def encode_map(wrong_bits: np.ndarray | PackedMap) -> str:
    return base64.b64encode(PackedMap.of(wrong_bits).data).decode()


def decode_map(text: str, bits: int) -> np.ndarray:
    """A map back from its text; ValueError when it is not 2**2n bytes of zlib (never
    inflating more than that, whatever the text holds)."""
    size = 1 << (2 * bits)
    try:
        inflate = zlib.decompressobj()
        data = inflate.decompress(base64.b64decode(text, validate=True), size + 1)
    except (TypeError, ValueError, zlib.error) as exc:
        raise ValueError(Words(QT_TRANSLATE_NOOP("core", "a replay map is not base64 zlib: {0}"),
                               first_line(exc))) from None
    if len(data) != size or not inflate.eof:
        amount = (Words(QT_TRANSLATE_NOOP("core", "more than {0:,}"), size) if len(data) > size
                  else f"{len(data):,}")
        raise ValueError(Words(QT_TRANSLATE_NOOP(
            "core", "a replay map unpacks to {0} bytes, not {1:,}"), amount, size))
    return np.frombuffer(data, np.uint8)


def _packed(text: str, bits: int) -> PackedMap:
    """A saved map, checked as decode_map checks it, kept packed."""
    decode_map(text, bits)
    return PackedMap(base64.b64decode(text, validate=True), 1 << (2 * bits))


def _replay_bits(replay, like: Engine | None) -> int:
    """The width a replay record is at, checked before any map is made: a map holds every
    pair, so only up to TABLE_MAX_BITS, and the model's own width when it has one."""
    bits = replay.get("bits") if isinstance(replay, dict) else None
    if not isinstance(bits, int) or isinstance(bits, bool) or not 1 <= bits <= TABLE_MAX_BITS:
        raise ValueError(Words(QT_TRANSLATE_NOOP("core", "its replay is at {0} bits, not 1 to {1}"),
                               shown(bits), TABLE_MAX_BITS))
    if like is not None and like.net.steps is not None and bits != like.bits:
        raise ValueError(Words(QT_TRANSLATE_NOOP(
            "core", "its replay is at {0} bits, the model at {1}"), bits, like.bits))
    return bits


def weights_entry(engines: list[Engine]) -> bytes:
    """Every epoch's weight arrays as one compressed .npz (arrays e{epoch}_{i})."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **{f"e{k}_{i}": w for k, engine in enumerate(engines)
                                   for i, w in enumerate(engine.weights)})
    return buffer.getvalue()


def _weights_entry(path, info: dict, like: Engine) -> bytes | None:
    """The file's WEIGHTS_ENTRY, if it has one, read no larger than the epochs its replay
    records can need."""
    with zipfile.ZipFile(path) as archive:
        if WEIGHTS_ENTRY not in archive.namelist():
            return None
        replay = info.get(REPLAY_KEY)
        epochs = len(replay.get("maps") or []) if isinstance(replay, dict) else 0
        return read_entry(archive, WEIGHTS_ENTRY, _entry_limit(epochs, like))


def _entry_limit(epochs: int, like: Engine) -> int:
    """The most a weights entry of `epochs` epochs of `like`'s arrays may unpack to."""
    per_epoch = sum(w.nbytes + NPY_HEADER for w in like.weights)
    return min(epochs, MAX_EPOCHS + 1) * per_epoch + NPY_HEADER


def engines_from_entry(data: bytes, like: Engine) -> list[Engine]:
    """The engines of a weights entry, shaped like `like` (the file's final model); each
    array is checked for its size before it is unpacked, and for finite numbers after."""
    with zipfile.ZipFile(io.BytesIO(data)) as members:
        limit = max(w.nbytes for w in like.weights) + NPY_HEADER
        for member in members.infolist():
            if member.file_size > limit:
                raise ValueError(Words(QT_TRANSLATE_NOOP(
                    "core", "its kept weights {0} are {1:,} bytes, more than this model's"),
                    shown(member.filename), member.file_size))
    with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
        count = len(like.weights)
        epochs = len({name.split("_")[0] for name in arrays.files})
        return [like.with_weights([_finite(arrays[f"e{k}_{i}"]) for i in range(count)])
                for k in range(epochs)]


def _finite(array: np.ndarray) -> np.ndarray:
    if array.dtype.kind != "f" or not np.isfinite(array).all():
        raise ValueError(Words(QT_TRANSLATE_NOOP(
            "core", "its kept weights are not all finite floats")))
    return array


@dataclass
class Timeline:
    """A run epoch by epoch: maps (epoch 0..N, packed), metrics (epochs 1..N), engines if
    kept."""

    bits: int
    maps: list[PackedMap | None]  # arrays given are packed
    history: list[dict]  # EpochMetrics.to_dict() of epochs 1..N
    engines: list[Engine] | None = None
    _reports: OrderedDict = field(default_factory=OrderedDict, repr=False)

    def __post_init__(self):
        self.maps = [PackedMap.of(m) for m in self.maps]

    @property
    def nbytes(self) -> int:
        """The bytes it keeps: its packed maps, and the weights of the engines it holds."""
        maps = sum(m.nbytes for m in self.maps if m is not None)
        return maps + sum(w.nbytes for e in self.engines or () for w in e.weights)

    @property
    def epochs(self) -> int:
        return len(self.maps) - 1

    def engine(self, epoch: int) -> Engine | None:
        """The model after `epoch` epochs, when its weights were kept."""
        return None if self.engines is None else self.engines[epoch]

    def report(self, epoch: int) -> Report | None:
        """Every pair judged after `epoch` epochs: by the engine when the weights were kept
        (the last CACHED cached), else from the saved map (no predicted sums then)."""
        if epoch in self._reports:
            self._reports.move_to_end(epoch)
            return self._reports[epoch]
        engine = self.engine(epoch)
        if engine is not None:  # judged on a twin, so the kept engine holds no table
            report = judge_all(engine.without_table())
        elif self.maps[epoch] is not None:
            report = Report.from_map(self.bits, self.maps[epoch].array())
        else:
            return None
        self._reports[epoch] = report
        while len(self._reports) > CACHED:
            self._reports.popitem(last=False)
        return report

    def info(self) -> dict:
        """What lstm_adder.json records (the maps); the weights go in WEIGHTS_ENTRY."""
        return {"bits": self.bits, "weights": False,  # the saver says True when it writes them
                "maps": [None if m is None else encode_map(m) for m in self.maps]}

    @classmethod
    def from_run(cls, bits: int, initial: Engine, initial_map, history) -> Timeline:
        """From a TrainResult's parts: the untrained engine and map, and its history (whose
        engines are None unless every epoch's weights were kept)."""
        maps = [initial_map] + [m.wrong_map for m in history]
        engines = [initial] + [m.engine for m in history]
        kept = all(engine is not None for engine in engines)
        return cls(bits, maps, [m.to_dict() for m in history], engines if kept else None)

    @classmethod
    def from_file(cls, path) -> Timeline | None:
        """The replay a model file carries (maps, and weights when they were kept), or None.
        Raises ModelFileError for a file that cannot be read or a damaged replay."""
        from lstm_adder.core.errors import ModelFileError

        engine, info = Engine.from_file(path)
        try:
            return cls.from_info(info, _weights_entry(path, info, engine), engine)
        except (zipfile.BadZipFile, ValueError, KeyError, TypeError, OSError) as exc:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "{0}: its replay record is damaged ({1})"), path, first_line(exc))
                ) from None

    @classmethod
    def from_info(cls, info: dict, weights: bytes | None = None,
                  like: Engine | None = None) -> Timeline | None:
        """From a file's lstm_adder.json (and its weights entry); None when it has no replay.
        Raises ValueError when the replay record is damaged."""
        replay = info.get(REPLAY_KEY)
        if not replay:
            return None
        bits, maps = _replay_bits(replay, like), replay["maps"]
        if not isinstance(maps, list) or not maps:
            raise ValueError(Words(QT_TRANSLATE_NOOP("core", "its replay lists no epochs")))
        shown_maps = sum(m is not None for m in maps)
        if len(maps) > MAX_EPOCHS + 1 or shown_maps << 2 * bits > MAPS_MAX_BYTES:
            raise ValueError(Words(QT_TRANSLATE_NOOP(
                "core", "its replay holds {0:,} epochs' maps, more than {1:,} are read"),
                len(maps), MAPS_MAX_BYTES >> 2 * bits))
        maps = [None if m is None else _packed(m, bits) for m in maps]
        engines = engines_from_entry(weights, like) if weights and like is not None else None
        if engines is not None and len(engines) != len(maps):
            raise ValueError(Words(QT_TRANSLATE_NOOP(
                "core", "the kept weights and the replay maps count different epochs")))
        return cls(bits, maps, list(info.get("history", [])), engines)
