"""The models the app has open, and how each one is saved.

No widgets here, and nothing that waits. An `OpenModel` answers with a numpy engine
(core.engine): opening a file reads its weights with h5py, so no TensorFlow is needed to show
the first answer, and any thread may use the engine. Its `source` says how it is saved:

    KerasFile    a .keras file: copied with its lstm_adder.json rewritten, no Keras needed
    KerasTwoFile the tutorial's Keras 2 .h5: Keras reads it and writes .keras (Keras thread)
    TrainedHere  a run of this window: its Keras model is kept for the Keras thread (`keep`)

A model may carry its run epoch by epoch (`timeline`, core.replay.Timeline): a run of this
window keeps each epoch's wrong-bit map (packed), and every epoch's weights in memory only
with "Keep every epoch"; a file keeps each epoch's wrong-bit map, and
every epoch's weights only when they were saved with it ("Keep every epoch").

The model list names each model with `list_text`: what it is, how its run ended when that
was not a plain finish, its file or "unsaved", and its exact match once judged
(session.reports):

    trained carry #1 (paired-lsb, 3-bit) · stopped · unsaved · 12.50% exact
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, field
from pathlib import Path

from lstm_adder.core.engine import Engine
from lstm_adder.core.errors import ModelFileError, one_line, said, shown_path
from lstm_adder.core.recipes import saved_bytes
from lstm_adder.core.replay import REPLAY_KEY, WEIGHTS_ENTRY, Timeline, weights_entry
from lstm_adder.core.storage import check_shapes, save_from_memory, save_model, stamp
from lstm_adder.core.training import Ended, with_weights_flag
from lstm_adder.core.weights import FileKind, FileRead, read_file
from lstm_adder.session.reports import remember, report_for
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words, joined

ENDED = {  # how the model list says a run ended, when it was not a plain finish
    Ended.FINISHED: QT_TRANSLATE_NOOP("session", "finished"),
    Ended.PERFECT: QT_TRANSLATE_NOOP("session", "exactly right"),
    Ended.STOPPED: QT_TRANSLATE_NOOP("session", "stopped"),
    Ended.DIVERGED: QT_TRANSLATE_NOOP("session", "diverged"),
}

_KEPT: dict[int, object] = {}  # key -> Keras model of a finished run (Keras thread only)
_keys = itertools.count(1)
log = logging.getLogger(__name__)


class ModelFile:
    """A model file the weights were read from, as it was read: its kind, its parts and the
    weights (core.weights.FileRead), kept so that a save writes the model as it is on show,
    whatever has happened to the file since."""

    def __init__(self, path, read: FileRead | None = None, kind: FileKind | None = None):
        self.path = Path(path)
        if read is None:
            read, kind = read_file(path)
        self.parts, self.kind = read.parts, kind
        self.weights = [read.network.kernel, read.network.recurrent, read.network.bias,
                        read.network.head_kernel, read.network.head_bias]

    @property
    def needs_keras(self) -> bool:
        return self.kind.needs_keras

    def save(self, path, info: dict, extra: dict | None = None) -> Path:
        return save_from_memory(self.kind, self.parts, self.weights, path, info, extra)


class KerasFile(ModelFile):
    """A .keras file: saved from its parts in memory, without Keras."""


class KerasTwoFile(ModelFile):
    """A Keras 2 .h5 file: only Keras can write it as .keras (call on the Keras thread)."""


class TrainedHere:
    """A model trained in this window, kept under `key` (call on the Keras thread)."""

    needs_keras = True

    def __init__(self, key: int):
        self.key = key

    def save(self, path, info: dict, extra: dict | None = None) -> Path:
        return save_model(_KEPT[self.key], path, info, extra)

    def release(self, cancel=None) -> None:
        """Drop the kept Keras model (it is saved in a file now)."""
        _KEPT.pop(self.key, None)


def keep(model) -> int:
    """Keep a finished run's Keras model for saving later (call on the Keras thread); the
    key to it."""
    key = next(_keys)
    _KEPT[key] = model
    return key


@dataclass(frozen=True)
class Trained:
    """A finished run's model as the window holds it: the final weights as an engine, and
    the key under which the Keras thread keeps the Keras model."""

    result: object  # core.training.TrainResult, its model left on the Keras thread
    engine: Engine
    key: int


@dataclass(eq=False)
class OpenModel:
    """A model ready to answer: its engine at its own width, and where it came from."""

    name: str
    engine: Engine
    source: ModelFile | TrainedHere | None = None  # None: cannot be saved
    path: Path | None = None
    info: dict = field(default_factory=dict)
    stamp: tuple | None = None  # the file's core.storage.stamp when read or last saved
    ended: Ended | None = None  # how the run that made it ended (None: read from a file)
    recipe_name: str = ""  # the recipe of a run of this window
    timeline: Timeline | None = None  # its run epoch by epoch, when known
    notice: str = ""  # Words for the status bar on opening: what was left out, or skipped
    _widths: dict[int, Engine] = field(default_factory=dict, repr=False)

    @property
    def encoding(self):
        return self.engine.encoding

    @property
    def bits(self) -> int:
        return self.engine.bits

    @property
    def description(self) -> str:
        return Words(QT_TRANSLATE_NOOP("session", "{0} ({1}, {2}-bit)"), self.name,
                     self.encoding.name, self.bits)

    @property
    def unsaved(self) -> bool:
        """A model trained here that is in no file yet (closing the window would lose it)."""
        return isinstance(self.source, TrainedHere)

    def list_text(self) -> str:
        """How the model list names it: what it is, a run's end if not a plain finish, its
        file or "unsaved", and its exact match once it has been judged."""
        parts = [self.description]
        if self.ended is not None and self.ended is not Ended.FINISHED:
            parts.append(Words(ENDED[self.ended]))
        if self.path is not None:
            parts.append(shown_path(self.path.name))
        elif self.unsaved:
            parts.append(Words(QT_TRANSLATE_NOOP("session", "unsaved")))
        report = report_for(self.engine)
        if self.ended is not None and report is not None:
            parts.append(Words(QT_TRANSLATE_NOOP("session", "{0:.2%} exact"), report.exact))
        return joined(" · ", parts)

    def file_name(self) -> str:
        """A file name to suggest when it is saved: its own file's stem, or the recipe, width
        and (for a stopped run) "stopped": carry-8bit.keras, seed-8bit-stopped.keras."""
        if self.path is not None:
            return f"{self.path.stem}.keras"
        stem = f"{self.recipe_name or self.encoding.name}-{self.bits}bit"
        if self.ended is Ended.STOPPED:
            stem += "-stopped"
        return f"{stem}.keras"

    def at_width(self, bits: int) -> Engine:
        """The same weights at `bits` (the same engine each time, so its judgement is
        kept); ValueError for a layout of fixed width."""
        if bits == self.bits:
            return self.engine
        if bits not in self._widths:
            self._widths[bits] = self.engine.with_bits(bits)
        return self._widths[bits]

    def save_parts(self, keep_epochs: bool) -> tuple[dict, dict]:
        """What a save writes besides the network: lstm_adder.json, and the zip entries to
        add (every epoch's weights, when asked for and kept in memory)."""
        info, timeline, extra = dict(self.info), self.timeline, {}
        if keep_epochs and timeline is not None and timeline.engines is not None:
            extra = {WEIGHTS_ENTRY: weights_entry(timeline.engines)}
        if extra or self.unsaved:  # say whether the file has them
            info = with_weights_flag(info, extra)
        return info, extra

    def save_bytes(self, keep_epochs: bool) -> int:
        """About how many bytes a save writes (for the free-space check): the weights and
        Adam's two moments, the JSON, and every epoch's weights when they are kept."""
        timeline = self.timeline
        epochs = (len(timeline.engines) if keep_epochs and timeline is not None
                  and timeline.engines is not None else 0)
        return saved_bytes(sum(array.nbytes for array in self.engine.weights), epochs)

    def is_file(self, path) -> bool:
        """Whether this model's weights are those of the file at `path` as it is now."""
        return (self.path is not None and Path(path).resolve() == self.path.resolve()
                and self.stamp == _stamp(path))

    def saved_as(self, path: Path) -> None:
        """After a save: the new file is this model's source from now on (read back for its
        parts, the file this window has just written)."""
        self.path, self.source, self.stamp = path, KerasFile(path), _stamp(path)


def _stamp(path) -> tuple | None:
    return stamp(path)  # core.storage's: one notion of "written again"


def open_file(path) -> OpenModel:
    """Read a model file's weights (no Keras); raises ModelFileError saying what is wrong."""
    path = Path(path)
    stamp = _stamp(path)
    read, kind = read_file(path)
    info = read.info
    engine = Engine(read.network, *check_shapes(read.network.input_shape,
                                                read.network.output_shape, path, info))
    source = (KerasTwoFile if kind.needs_keras else KerasFile)(path, read, kind)
    timeline, notice = _replay(path, info)
    return OpenModel(shown_path(path.stem), engine, source, path, info, stamp,
                     timeline=timeline, notice=notice)


def _replay(path: Path, info: dict) -> tuple[Timeline | None, str]:
    """The replay the file carries, if any; a damaged one is left out (logged, and said in
    one line), and the model opens without it."""
    if not info.get(REPLAY_KEY):
        return None, ""
    try:
        return Timeline.from_file(path), ""
    except ModelFileError as exc:
        why = one_line(said(exc))
        log.warning("%s", why)
        return None, Words(QT_TRANSLATE_NOOP("session", "{0}; opened without its replay"), why)


def _exists(path: Path) -> bool:
    """Whether `path` is a file; False for a name the system will not even look up (too
    long, a NUL in it), as for a missing one."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def start_paths(model_path, last: str, bundled: dict[str, Path]) -> list[Path]:
    """What the window tries at start, in order: `model_path` if given; else the `last`
    model, then the bundled ones (seed, then carry), each only if it is a file."""
    if model_path is not None:
        return [Path(model_path)]
    candidates = [Path(last)] if last else []
    candidates += [path for path in bundled.values() if path not in candidates]
    return [path for path in candidates if _exists(path)]


def open_first(paths) -> OpenModel:
    """The first of `paths` that opens; one line (`notice`) says which were skipped and
    why. ModelFileError naming every failure if none opens."""
    errors = []
    for path in paths:
        try:
            entry = open_file(path)
        except ModelFileError as exc:
            errors.append(one_line(said(exc)))
            continue
        if errors:
            entry.notice = Words(QT_TRANSLATE_NOOP("session",
                                                   "Could not open {0}; opened {1} instead"),
                                 errors[0], entry.name)
        return entry
    raise ModelFileError(joined("; ", errors) if errors else Words(QT_TRANSLATE_NOOP(
        "session", "no model file to open")))


def from_training(trained: Trained, name: str) -> OpenModel:
    """A finished run's model, with its history as info and how the run ended."""
    result = trained.result
    timeline = result.timeline() if result.initial is not None else None
    return OpenModel(name, trained.engine, TrainedHere(trained.key), info=result.info(),
                     ended=result.ended, recipe_name=result.recipe.name, timeline=timeline)


def watching(recipe, metrics) -> OpenModel:
    """The model of a run in progress after an epoch (core.training.EpochMetrics); its
    judgement of every pair, when the trainer made one, is kept as the engine's."""
    if metrics.report is not None:
        remember(metrics.engine, metrics.report)
    return OpenModel(training_name(recipe.name), metrics.engine)


def training_name(recipe: str) -> Words:
    """What a run going is called: "training carry"."""
    return Words(QT_TRANSLATE_NOOP("session", "training {0}"), recipe)


def trained_name(recipe: str, run: int) -> Words:
    """What the model of this window's `run`-th run is called: "trained carry #1"."""
    return Words(QT_TRANSLATE_NOOP("session", "trained {0} #{1}"), recipe, run)


def suggested_path(entry: OpenModel, folder: Path) -> Path:
    """A path in `folder` for `entry`: its own file if it is there, else a name no file has
    yet: carry-8bit.keras, carry-8bit-2.keras, ..."""
    name = Path(entry.file_name())
    path, n = folder / name, 1
    while path.exists() and path != entry.path:
        n += 1
        path = folder / f"{name.stem}-{n}{name.suffix}"
    return path
