"""An adder's weights straight from its file, with h5py and no Keras.

Both file kinds (FileKind: KERAS, KERAS_TWO) keep an architecture (JSON) beside HDF5 weight arrays:

    .keras (Keras 3)  a zip: config.json, and model.weights.h5 with groups named after each
                      layer's class: layers/<cell>/cell/vars/{0,1,2}, layers/dense/vars/{0,1}
    .h5 (Keras 2)     one HDF5 file: attrs["model_config"], and model_weights/<layer name>/
                      whose attrs["weight_names"] list that layer's arrays in order

An adder is one recurrent layer (a cell of core.cells) and one Dense head with a sigmoid
(Dropout, which does nothing when answering, may sit between them). Anything else is refused
with ModelFileError.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lstm_adder.core.activations import SIGMOID, TANH, Activation
from lstm_adder.core.cells import CELLS, Cell, cell_named
from lstm_adder.core.errors import ModelFileError, about, said, shown
from lstm_adder.core.recipes import MAX_UNITS
from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words, either, joined

INFO_ENTRY = "lstm_adder.json"  # our entry in a .keras zip (core.storage)
KERAS_CONFIG, KERAS_WEIGHTS = "config.json", "model.weights.h5"
KERAS_METADATA = "metadata.json"
PASSIVE = {"InputLayer", "Dropout"}  # layers that do nothing when answering
DENSE_PATH = re.compile(r"layers/dense(_\d+)?/vars")  # the head's group in model.weights.h5

# What a model file may declare, checked before any array is made or byte read: a file of a
# few KB can declare gigabytes (tests/test_hostile.py builds such files).
WIDEST_BITS = 64  # the widest numbers the window runs a model on (core.insight.WIDTHS)
MAX_STEPS = 2 * WIDEST_BITS  # concat-msb reads 2n steps, paired-lsb n + 1
NETWORK_MAX_BYTES = 256 << 20  # a 4,000-unit LSTM; the seed model's is 1 MB
OPTIMIZER_COPIES = 4  # a model.weights.h5 holds the weights and up to 3 optimizer slots each
HDF5_OVERHEAD = 1 << 20
CONFIG_MAX_BYTES = 1 << 20  # an adder's config.json is about 4 KB
INFO_MAX_BYTES = 64 << 20  # lstm_adder.json: a replay map is at most ~90 KB an epoch


@dataclass(frozen=True)
class Network:
    """One recurrent layer and its Dense head as plain float32 arrays (the cell's gates in
    Keras's order, `cell.gates`)."""

    cell: Cell  # which recurrent layer (core.cells), as its layer's config set it up
    kernel: np.ndarray  # (features, gates * units)
    recurrent: np.ndarray  # (units, gates * units)
    bias: np.ndarray  # (gates * units,), or as cell.bias_shape says (a GRU's (2, 3 units))
    head_kernel: np.ndarray  # (units, outputs)
    head_bias: np.ndarray  # (outputs,)
    activation: Activation = TANH
    recurrent_activation: Activation = SIGMOID  # (a SimpleRNN has none)
    return_sequences: bool = False
    steps: int | None = None  # None: reads sequences of any length

    @property
    def units(self) -> int:
        return self.recurrent.shape[0]

    @property
    def features(self) -> int:
        return self.kernel.shape[0]

    @property
    def input_shape(self) -> tuple:
        return (None, self.steps, self.features)

    @property
    def output_shape(self) -> tuple:
        outputs = self.head_kernel.shape[1]
        return (None, self.steps, outputs) if self.return_sequences else (None, outputs)


def network_from_arrays(cell: Cell, arrays: list, head: list, cell_config: dict,
                        steps: int | None, head_activation: str = "sigmoid") -> Network:
    """A Network from a recurrent layer's arrays and config and its head's arrays;
    ModelFileError if it is not runnable."""
    cell = cell.configured(cell_config)
    activations = cell.activations(cell_config)
    if head_activation != "sigmoid":
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "the Dense head's activation is {0}, not sigmoid"), repr(head_activation)))
    kernel, recurrent, bias = cell.arrays(arrays)
    head_arrays = [np.asarray(w, np.float32) for w in head]
    if len(head_arrays) == 1:
        head_arrays.append(np.zeros(head_arrays[0].shape[1], np.float32))
    if len(head_arrays) != 2:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "its Dense layer does not hold the usual weight arrays")))
    if head_arrays[0].ndim != 2 or head_arrays[0].shape[0] != recurrent.shape[0]:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "its weight arrays do not fit together")))
    return Network(cell, kernel, recurrent, bias, *head_arrays, **activations,
                   return_sequences=bool(cell_config.get("return_sequences", False)),
                   steps=steps)


@dataclass(frozen=True)
class _Layers:
    cell: Cell
    recurrent: dict  # the recurrent layer's entry in the architecture
    dense: dict
    steps: int | None
    features: int
    units: int
    outputs: int

    def shapes(self) -> tuple[list[tuple], list[tuple]]:
        """The shapes its cell's and Dense head's arrays must have, in Keras's order."""
        return (self.cell.shapes(self.features, self.units),
                [(self.units, self.outputs), (self.outputs,)])

    @property
    def nbytes(self) -> int:
        """The network's weights as float32."""
        return 4 * sum(int(np.prod(s)) for part in self.shapes() for s in part)


def _whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _architecture(config: dict) -> _Layers:
    """Find the LSTM, its Dense head and the input length in a model's architecture, and
    check every size it declares against the product's bounds before any array is read."""
    if not isinstance(config, dict) or not isinstance(config.get("config"), dict):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "not an LSTM adder: its architecture is not a Keras model's")))
    layers = config["config"].get("layers")
    if not isinstance(layers, list) or not all(isinstance(x, dict) for x in layers):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "not an LSTM adder: its architecture lists no layers")))
    kinds = [layer.get("class_name") for layer in layers]
    active = [layer for layer, kind in zip(layers, kinds, strict=True) if kind not in PASSIVE]
    names = [layer.get("class_name") for layer in active]
    cell = cell_named(names[0]) if len(names) == 2 and names[1] == "Dense" else None
    if cell is None:
        found = (joined(" → ", [shown(n) for n in names[:4]]) if names
                 else Words(QT_TRANSLATE_NOOP("core", "no layers")))
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "not an LSTM adder: it has {0}, not {1} → Dense"), found,
            either(list(CELLS))))
    shape = None
    for layer in layers:
        cfg = layer.get("config") or {}
        shape = shape or cfg.get("batch_shape") or cfg.get("batch_input_shape")
    if not isinstance(shape, list) or len(shape) != 3:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "not an LSTM adder: its input is not a sequence of bits")))
    steps, features = shape[1], shape[2]
    if steps is not None and not _whole(steps, 1, MAX_STEPS):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "not an LSTM adder: its input has {0} steps, not 1 to {1} ({2}-bit "
            "numbers at most)"), shown(steps), MAX_STEPS, WIDEST_BITS))
    if not _whole(features, 1, 2):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "not an LSTM adder: its input has {0} features a step, not 1 or 2"),
            shown(features)))
    cell = cell.configured(active[0].get("config") or {})
    units = (active[0].get("config") or {}).get("units")
    outputs = (active[1].get("config") or {}).get("units")
    if not _whole(units, 1, MAX_UNITS):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "its {0} has {1} units, not 1 to {2:,}"), cell.keras_class, shown(units),
            MAX_UNITS))
    if not _whole(outputs, 1, MAX_STEPS):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "its Dense head has {0} outputs, not 1 to {1}"), shown(outputs), MAX_STEPS))
    found = _Layers(cell, active[0], active[1], steps, features, units, outputs)
    if found.nbytes > NETWORK_MAX_BYTES:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "its {0:,}-unit {1} needs {2:,.0f} MB of weights, more than the {3} MB "
            "read"), units, cell.keras_class, found.nbytes / 2**20, NETWORK_MAX_BYTES >> 20))
    return found


def _member(group, name: str):
    """`group[name]` when it is an object in this file: an HDF5 link to another file (or a
    soft link) is refused, never followed."""
    import h5py

    link = group.get(name, getlink=True)
    if link is None:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "its weights have no {0}"),
                                   shown(name)))
    if not isinstance(link, h5py.HardLink):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "its weights link {0} elsewhere ({1}); links are not followed"),
            shown(name), type(link).__name__))
    return group[name]


def _datasets(group, names: list, shapes: list[tuple], what: str) -> list:
    """The datasets `names` of `group`, each checked before a byte of it is read: in this
    file (no link, no external storage), floats, of the shape the architecture declares."""
    import h5py

    if len(names) not in (len(shapes), len(shapes) - 1):  # the last is a bias, optional
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "its {0} layer holds {1} weight arrays, not {2}"), what, len(names),
            len(shapes)))
    found = []
    for name, shape in zip(names, shapes, strict=False):
        data = _member(group, name)
        if not isinstance(data, h5py.Dataset):
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "its {0} weights {1} are not an array"), what, shown(name)))
        if data.is_virtual or data.external:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "its {0} weights {1} are stored in other files; they are not read"),
                what, shown(name)))
        if data.dtype.kind != "f" or data.dtype.itemsize not in (2, 4, 8):
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "its {0} weights hold {1} numbers, not floats"), what, str(data.dtype)))
        if tuple(data.shape) != shape:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "its {0} weights are {1}, not the {2} its architecture declares"),
                what, str(tuple(data.shape)), str(shape)))
        found.append(data)
    return found


def _arrays(datasets: list, what: str) -> list[np.ndarray]:
    """The checked datasets' values, refused unless every number is finite."""
    arrays = [np.asarray(data[()], np.float32) for data in datasets]
    with np.errstate(all="ignore"):
        if not all(np.isfinite(array).all() for array in arrays):
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "its {0} weights hold NaN or infinite numbers"), what))
    return arrays


def _keras_datasets(h5, layers: _Layers) -> tuple[list, list]:
    """Keras 3: the cell's layers/<cell>[_k]/cell/vars/i and layers/dense[_k]/vars/i (one of
    each here)."""
    found: dict[str, list] = {"cell": [], "dense": []}

    def visit(name, obj):
        for kind, pattern in (("cell", layers.cell.keras_path), ("dense", DENSE_PATH)):
            if pattern.fullmatch(name):
                found[kind].append(obj)

    h5.visititems(visit)
    if len(found["cell"]) != 1 or len(found["dense"]) != 1:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "not an LSTM adder: its weights hold no single {0} and Dense"),
            layers.cell.keras_class))
    cell_shapes, dense_shapes = layers.shapes()
    groups = [found["cell"][0], found["dense"][0]]
    names = [sorted(group, key=lambda k: int(k) if k.isdigit() else -1) for group in groups]
    return (_datasets(groups[0], names[0], cell_shapes, layers.cell.keras_class),
            _datasets(groups[1], names[1], dense_shapes, "Dense"))


def _legacy_datasets(h5, layers: _Layers) -> tuple[list, list]:
    """Keras 2 (and Keras 3's legacy .h5): model_weights/<name>, listed by weight_names."""
    root = _member(h5, "model_weights") if "model_weights" in h5 else h5
    found = []
    for layer, shapes, what in zip((layers.recurrent, layers.dense), layers.shapes(),
                                   (layers.cell.keras_class, "Dense"), strict=True):
        name = (layer.get("config") or {}).get("name") or layer.get("name")
        if not isinstance(name, str) or name not in root:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "its weights have no layer {0}"),
                                       shown(name)))
        group = _member(root, name)
        names = [n.decode() if isinstance(n, bytes) else str(n)
                 for n in group.attrs.get("weight_names", [])[:4]]
        found.append(_datasets(group, names, shapes, what))
    return found[0], found[1]


def read_entry(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A zip entry's bytes, refused before reading when it says it is larger than `limit`,
    and never more than `limit` read whatever it says."""
    entry = archive.getinfo(name)
    if entry.file_size > limit:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "its {0} is {1:,} bytes, more than the {2:,} read"), name,
            entry.file_size, limit))
    with archive.open(entry) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "its {0} is more than the {1:,} bytes read"), name, limit))
    return data


def weights_limit(network_bytes: int) -> int:
    """The most a model.weights.h5 may hold: the network, an optimizer's slots, HDF5's own."""
    return OPTIMIZER_COPIES * network_bytes + HDF5_OVERHEAD


@dataclass(frozen=True)
class FileRead:
    """What reading a model file gives: the network, its lstm_adder.json, and the file's
    parts as read (entry name -> bytes), from which a save writes it again from memory."""

    network: Network
    info: dict
    parts: dict


class FileKind:
    """One kind of model file: its suffixes, how it is read (h5py, no Keras), and how the
    weights a window holds are written into the parts read from one (`with_weights`)."""

    label: str
    suffixes: tuple[str, ...]
    writable: bool  # whether models are saved as this kind (else they are saved as .keras)
    needs_keras: bool  # whether Keras must convert it into a .keras file to save it

    def matches(self, path) -> bool:
        return Path(path).suffix.lower() in self.suffixes

    def read(self, path: Path) -> FileRead:
        raise NotImplementedError

    def with_weights(self, parts: dict, weights: list[np.ndarray]) -> dict:
        """`parts` with the network's arrays replaced by `weights` (Keras's order)."""
        raise NotImplementedError


def _rewritten(data: bytes, find, weights: list[np.ndarray]) -> bytes:
    """An HDF5 file's bytes with the LSTM and Dense datasets `find(h5)` gives overwritten."""
    import h5py

    buffer = io.BytesIO(data)
    with h5py.File(buffer, "r+") as h5:
        recurrent, dense = find(h5)
        for datasets, arrays in ((recurrent, weights[:3]), (dense, weights[3:])):
            for dataset, array in zip(datasets, arrays, strict=False):  # a bias may be absent
                dataset[...] = array
    return buffer.getvalue()


class KerasKind(FileKind):
    """A Keras 3 .keras zip: config.json, metadata.json, model.weights.h5 (and ours)."""

    label, suffixes, writable, needs_keras = ".keras", (".keras",), True, False
    KEPT = (KERAS_CONFIG, KERAS_METADATA, KERAS_WEIGHTS)  # the parts a save writes again

    def read(self, path: Path) -> FileRead:
        import h5py

        with zipfile.ZipFile(path) as archive:
            entries = set(archive.namelist())
            if KERAS_CONFIG not in entries or KERAS_WEIGHTS not in entries:
                raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                    "core", "not a Keras model: the zip holds no config.json and weights")))
            parts = {KERAS_CONFIG: read_entry(archive, KERAS_CONFIG, CONFIG_MAX_BYTES)}
            layers = _architecture(_json(parts[KERAS_CONFIG], KERAS_CONFIG))
            if KERAS_METADATA in entries:
                parts[KERAS_METADATA] = read_entry(archive, KERAS_METADATA, CONFIG_MAX_BYTES)
            info = (read_entry(archive, INFO_ENTRY, INFO_MAX_BYTES) if INFO_ENTRY in entries
                    else b"{}")
            parts[KERAS_WEIGHTS] = read_entry(archive, KERAS_WEIGHTS,
                                              weights_limit(layers.nbytes))
        with h5py.File(io.BytesIO(parts[KERAS_WEIGHTS]), "r") as h5:
            recurrent, dense = _keras_datasets(h5, layers)
            network = _network(layers, _arrays(recurrent, layers.cell.keras_class),
                               _arrays(dense, "Dense"))
        return FileRead(network, _json(info, INFO_ENTRY), parts)

    def with_weights(self, parts: dict, weights: list[np.ndarray]) -> dict:
        layers = _architecture(json.loads(parts[KERAS_CONFIG]))
        data = _rewritten(parts[KERAS_WEIGHTS], lambda h5: _keras_datasets(h5, layers),
                          weights)
        return {**parts, KERAS_WEIGHTS: data}


class KerasTwoKind(FileKind):
    """A Keras 2 .h5: one HDF5 file, attrs["model_config"] and model_weights/<layer>/.
    Only read: Keras converts a model read from one into a .keras file to save it."""

    label, suffixes, writable, needs_keras = ".h5", (".h5", ".hdf5"), False, True
    WHOLE = "model.h5"  # its one part: the whole file

    def read(self, path: Path) -> FileRead:
        import h5py

        with h5py.File(path, "r") as h5:
            layers = self._layers(h5)
            recurrent, dense = _legacy_datasets(h5, layers)
            network = _network(layers, _arrays(recurrent, layers.cell.keras_class),
                               _arrays(dense, "Dense"))
        limit = weights_limit(layers.nbytes) + CONFIG_MAX_BYTES
        with open(path, "rb") as file:
            whole = file.read(limit + 1)
        if len(whole) > limit:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "it is more than the {0:,} bytes its network needs"), limit))
        return FileRead(network, {}, {self.WHOLE: whole})

    @staticmethod
    def _layers(h5) -> _Layers:
        raw = h5.attrs.get("model_config")
        if raw is None:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "not a Keras model: the HDF5 file has no model_config")))
        if len(raw) > CONFIG_MAX_BYTES:
            raise ModelFileError(Words(QT_TRANSLATE_NOOP(
                "core", "its {0} is {1:,} bytes, more than the {2:,} read"), "model_config",
                len(raw), CONFIG_MAX_BYTES))
        return _architecture(_json(raw.decode() if isinstance(raw, bytes) else raw,
                                   "model_config"))

    def with_weights(self, parts: dict, weights: list[np.ndarray]) -> dict:
        def find(h5):
            return _legacy_datasets(h5, self._layers(h5))
        return {self.WHOLE: _rewritten(parts[self.WHOLE], find, weights)}


KERAS, KERAS_TWO = KerasKind(), KerasTwoKind()
KINDS = (KERAS, KERAS_TWO)
SAVED = KERAS  # the kind every model is saved as


def kind_of(path) -> FileKind | None:
    """The kind of model file `path` names by its suffix, or None."""
    return next((kind for kind in KINDS if kind.matches(path)), None)


def _network(layers: _Layers, recurrent: list, dense: list) -> Network:
    dense_config = layers.dense.get("config") or {}
    return network_from_arrays(layers.cell, recurrent, dense,
                               layers.recurrent.get("config") or {}, layers.steps,
                               dense_config.get("activation", "linear"))


def _json(raw, name: str):
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "its {0} is not JSON ({1})"),
                                   name, first_line(exc))) from None


def model_file(path) -> tuple[Path, FileKind]:
    """`path` as a model file to read, and its kind: an existing .keras or .h5 file, else
    ModelFileError."""
    path = Path(path)
    if path.is_dir():
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "{0}: is a folder, not a model file"),
                                   path))
    if not path.is_file():
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "{0}: no such file"), path))
    kind = kind_of(path)
    if kind is None:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "{0}: not a model file (expected {1})"), path,
            either([kind.label for kind in KINDS])))
    return path, kind


def first_line(exc: BaseException) -> str:
    """An exception's first line of text (the Words it was raised with, when they are one
    line), or its type's name when it has none."""
    words = said(exc)
    if isinstance(words, Words) and words.strip() == words and "\n" not in words:
        return words
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def read_file(path) -> tuple[FileRead, FileKind]:
    """A .keras or Keras 2 .h5 file read (its network, lstm_adder.json or {}, and parts),
    and its kind. Raises ModelFileError naming the file and the problem."""
    path, kind = model_file(path)
    try:
        return kind.read(path), kind
    except ModelFileError as exc:
        raise ModelFileError(about(path, exc)) from None
    except Exception as exc:  # zipfile, h5py and json raise many kinds on a damaged file
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "{0}: cannot be read as a model file ({1})"), path, first_line(exc))
            ) from None


def read_network(path) -> tuple[Network, dict]:
    """(Network, the file's lstm_adder.json or {}) from a .keras or Keras 2 .h5 file."""
    read, _ = read_file(path)
    return read.network, read.info
