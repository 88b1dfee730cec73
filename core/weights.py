"""An adder's weights straight from its file, with h5py and no Keras.

Both file kinds keep an architecture (JSON) beside HDF5 weight arrays:

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
from lstm_adder.core.errors import ModelFileError

KERAS_CONFIG, KERAS_WEIGHTS = "config.json", "model.weights.h5"
DENSE_PATH = re.compile(r"layers/dense(_\d+)?/vars")  # the head's group in model.weights.h5
PASSIVE = {"InputLayer", "Dropout"}  # layers that do nothing when answering


@dataclass(frozen=True)
class Network:
    """One recurrent layer and its Dense head as plain float32 arrays (the cell's gates in
    Keras's order, `cell.gates`)."""

    cell: Cell  # which recurrent layer (core.cells)
    kernel: np.ndarray  # (features, gates * units)
    recurrent: np.ndarray  # (units, gates * units)
    bias: np.ndarray  # (gates * units,)
    head_kernel: np.ndarray  # (units, outputs)
    head_bias: np.ndarray  # (outputs,)
    activation: Activation = TANH
    recurrent_activation: Activation = SIGMOID
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
    activation, recurrent_activation = cell.activations(cell_config)
    if head_activation != "sigmoid":
        raise ModelFileError(f"the Dense head's activation is {head_activation!r}, not sigmoid")
    kernel, recurrent, bias = cell.arrays(arrays)
    head_arrays = [np.asarray(w, np.float32) for w in head]
    if len(head_arrays) == 1:
        head_arrays.append(np.zeros(head_arrays[0].shape[1], np.float32))
    if len(head_arrays) != 2:
        raise ModelFileError("its Dense layer does not hold the usual weight arrays")
    if head_arrays[0].ndim != 2 or head_arrays[0].shape[0] != recurrent.shape[0]:
        raise ModelFileError("its weight arrays do not fit together")
    return Network(cell, kernel, recurrent, bias, *head_arrays, activation=activation,
                   recurrent_activation=recurrent_activation,
                   return_sequences=bool(cell_config.get("return_sequences", False)),
                   steps=steps)


@dataclass(frozen=True)
class _Layers:
    cell: Cell
    recurrent: dict  # the recurrent layer's entry in the architecture
    dense: dict
    steps: int | None


def _architecture(config: dict) -> _Layers:
    """Find the recurrent layer, its Dense head and the input length in an architecture."""
    if not isinstance(config, dict) or not isinstance(config.get("config"), dict):
        raise ModelFileError("not an LSTM adder: its architecture is not a Keras model's")
    layers = config["config"].get("layers")
    if not isinstance(layers, list) or not all(isinstance(x, dict) for x in layers):
        raise ModelFileError("not an LSTM adder: its architecture lists no layers")
    kinds = [layer.get("class_name") for layer in layers]
    active = [layer for layer, kind in zip(layers, kinds, strict=True) if kind not in PASSIVE]
    names = [layer.get("class_name") for layer in active]
    cell = cell_named(names[0]) if len(names) == 2 and names[1] == "Dense" else None
    if cell is None:
        found = " → ".join(str(n) for n in names) or "no layers"
        raise ModelFileError(f"not an LSTM adder: it has {found}, not "
                             f"{' or '.join(CELLS)} → Dense")
    shape = None
    for layer in layers:
        cfg = layer.get("config") or {}
        shape = shape or cfg.get("batch_shape") or cfg.get("batch_input_shape")
    if not isinstance(shape, list) or len(shape) != 3:
        raise ModelFileError("not an LSTM adder: its input is not a sequence of bits")
    return _Layers(cell, active[0], active[1], shape[1])


def _keras_weights(h5, layers: _Layers) -> tuple[list, list]:
    """Keras 3: the cell's layers/<cell>[_k]/cell/vars/i and layers/dense[_k]/vars/i (one of
    each here)."""
    found: dict[str, list] = {"cell": [], "dense": []}

    def visit(name, obj):
        for kind, pattern in (("cell", layers.cell.keras_path), ("dense", DENSE_PATH)):
            if pattern.fullmatch(name):
                found[kind].append([obj[k][()] for k in sorted(obj, key=int)])

    h5.visititems(visit)
    if len(found["cell"]) != 1 or len(found["dense"]) != 1:
        raise ModelFileError(f"not an LSTM adder: its weights hold no single "
                             f"{layers.cell.keras_class} and Dense")
    return found["cell"][0], found["dense"][0]


def _legacy_weights(h5, layers: _Layers) -> tuple[list, list]:
    """Keras 2 (and Keras 3's legacy .h5): model_weights/<name>, listed by weight_names."""
    root = h5.get("model_weights", h5)
    arrays = []
    for layer in (layers.recurrent, layers.dense):
        name = (layer.get("config") or {}).get("name") or layer.get("name")
        if name not in root:
            raise ModelFileError(f"its weights have no layer {name!r}")
        group = root[name]
        names = [n.decode() if isinstance(n, bytes) else n
                 for n in group.attrs.get("weight_names", [])]
        arrays.append([group[n][()] for n in names])
    return arrays[0], arrays[1]


def _read_keras(path: Path) -> tuple[Network, dict]:
    import h5py

    with zipfile.ZipFile(path) as archive:
        entries = set(archive.namelist())
        if KERAS_CONFIG not in entries or KERAS_WEIGHTS not in entries:
            raise ModelFileError("not a Keras model: the zip holds no config.json and weights")
        config = json.loads(archive.read(KERAS_CONFIG))
        info = archive.read("lstm_adder.json") if "lstm_adder.json" in entries else b"{}"
        weights = archive.read(KERAS_WEIGHTS)
    layers = _architecture(config)
    with h5py.File(io.BytesIO(weights), "r") as h5:
        recurrent, dense = _keras_weights(h5, layers)
    return _network(layers, recurrent, dense), _json(info)


def _read_h5(path: Path) -> tuple[Network, dict]:
    import h5py

    with h5py.File(path, "r") as h5:
        raw = h5.attrs.get("model_config")
        if raw is None:
            raise ModelFileError("not a Keras model: the HDF5 file has no model_config")
        config = json.loads(raw.decode() if isinstance(raw, bytes) else raw)
        layers = _architecture(config)
        recurrent, dense = _legacy_weights(h5, layers)
    return _network(layers, recurrent, dense), {}


def _network(layers: _Layers, recurrent: list, dense: list) -> Network:
    dense_config = layers.dense.get("config") or {}
    return network_from_arrays(layers.cell, recurrent, dense,
                               layers.recurrent.get("config") or {}, layers.steps,
                               dense_config.get("activation", "linear"))


def _json(raw: bytes) -> dict:
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise ModelFileError(f"its lstm_adder.json is not JSON ({exc})") from exc


def model_file(path) -> Path:
    """`path` as a model file to read: an existing .keras or .h5 file, else ModelFileError."""
    path = Path(path)
    if path.is_dir():
        raise ModelFileError(f"{path}: is a folder, not a model file")
    if not path.is_file():
        raise ModelFileError(f"{path}: no such file")
    if path.suffix.lower() not in (".keras", ".h5", ".hdf5"):
        raise ModelFileError(f"{path}: not a model file (expected .keras or .h5)")
    return path


def first_line(exc: BaseException) -> str:
    """An exception's first line of text, or its type's name when it has none."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def read_network(path) -> tuple[Network, dict]:
    """(Network, the file's lstm_adder.json or {}) from a .keras or Keras 2 .h5 file.
    Raises ModelFileError naming the file and the problem."""
    path = model_file(path)
    try:
        return _read_keras(path) if path.suffix.lower() == ".keras" else _read_h5(path)
    except ModelFileError as exc:
        raise ModelFileError(f"{path}: {exc}") from None
    except Exception as exc:  # zipfile, h5py and json raise many kinds on a damaged file
        raise ModelFileError(f"{path}: cannot be read as a model file ({first_line(exc)})"
                             ) from None
