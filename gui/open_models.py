"""The models the app has open, and how each one is judged and saved.

No widgets here, and nothing that waits. An `OpenModel` answers with a numpy engine
(core.engine): opening a file reads its weights with h5py, so no TensorFlow is needed to show
the first answer, and any thread may use the engine. Its `source` says how it is saved:

    KerasFile    a .keras file: copied with its lstm_adder.json rewritten, no Keras needed
    KerasTwoFile the tutorial's Keras 2 .h5: Keras reads it and writes .keras (Keras thread)
    TrainedHere  a run of this window: its Keras model is kept on the Keras thread (gui.worker)

Every pair of an engine is judged once (core.evaluation.judge_all): the engine keeps its table,
and `judged` keeps the Report, so the calculator's wrong pairs, the Insight map and the model
list share one pass (a second caller waits for the first), and a model opened again is not
judged again.

The model list names each model with `list_text`: what it is, how its run ended when that
was not a plain finish, its file or "unsaved", and its exact match once judged:

    trained carry #1 (paired-lsb, 3-bit) · stopped · unsaved · 12.50% exact
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from core.engine import Engine
from core.errors import ModelFileError
from core.evaluation import Report, judge_all
from core.storage import copy_model_file, load_model, save_model
from core.training import Ended
from gui import worker

_reports: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> Report
_judging: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> Lock
_reports_lock = threading.Lock()
WAIT_S = 0.05  # how often a caller waiting for another's judgement looks at its cancel


class ModelFile:
    """A model file the weights were read from."""

    needs_keras: bool

    def __init__(self, path):
        self.path = Path(path)


class KerasFile(ModelFile):
    """A .keras file: saved by copying the zip, without Keras."""

    needs_keras = False

    def save(self, path, info: dict) -> Path:
        return copy_model_file(self.path, path, info)


class KerasTwoFile(ModelFile):
    """A Keras 2 .h5 file: only Keras can write it as .keras (call on the Keras thread)."""

    needs_keras = True

    def save(self, path, info: dict) -> Path:
        return save_model(load_model(self.path).model, path, info)


class TrainedHere:
    """A model trained in this window; the Keras thread keeps it (call on that thread)."""

    needs_keras = True

    def __init__(self, key: int):
        self.key = key

    def save(self, path, info: dict) -> Path:
        return worker.save_kept(self.key, path, info)

    def release(self) -> None:
        worker.release(self.key)


@dataclass(eq=False)
class OpenModel:
    """A model ready to answer: its engine at its own width, and where it came from."""

    name: str
    engine: Engine
    source: ModelFile | TrainedHere | None = None  # None: cannot be saved
    path: Path | None = None
    info: dict = field(default_factory=dict)
    stamp: tuple | None = None  # the file's (size, mtime) when its weights were read
    ended: Ended | None = None  # how the run that made it ended (None: read from a file)
    recipe_name: str = ""  # the recipe of a run of this window
    _widths: dict[int, Engine] = field(default_factory=dict, repr=False)

    @property
    def encoding(self):
        return self.engine.encoding

    @property
    def bits(self) -> int:
        return self.engine.bits

    @property
    def description(self) -> str:
        return f"{self.name} ({self.encoding.name}, {self.bits}-bit)"

    @property
    def unsaved(self) -> bool:
        """A model trained here that is in no file yet (closing the window would lose it)."""
        return isinstance(self.source, TrainedHere)

    def list_text(self) -> str:
        """How the model list names it: what it is, a run's end if not a plain finish, its
        file or "unsaved", and its exact match once it has been judged."""
        parts = [self.description]
        if self.ended is not None and self.ended is not Ended.FINISHED:
            parts.append(self.ended.value)
        if self.path is not None:
            parts.append(self.path.name)
        elif self.unsaved:
            parts.append("unsaved")
        report = report_for(self.engine)
        if self.ended is not None and report is not None:
            parts.append(f"{report.exact:.2%} exact")
        return " · ".join(parts)

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

    def is_file(self, path) -> bool:
        """Whether this model's weights are those of the file at `path` as it is now."""
        return (self.path is not None and Path(path).resolve() == self.path.resolve()
                and self.stamp == _stamp(path))

    def saved_as(self, path: Path) -> None:
        """After a save: the new file is this model's source from now on."""
        if isinstance(self.source, TrainedHere):
            self.source.release()
        self.path, self.source, self.stamp = path, KerasFile(path), _stamp(path)


def _stamp(path) -> tuple | None:
    try:
        status = Path(path).stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def open_file(path) -> OpenModel:
    """Read a model file's weights (no Keras); raises ModelFileError saying what is wrong."""
    path = Path(path)
    stamp = _stamp(path)
    engine, info = Engine.from_file(path)
    source = KerasFile(path) if path.suffix.lower() == ".keras" else KerasTwoFile(path)
    return OpenModel(path.stem, engine, source, path, info, stamp)


def open_first(paths) -> OpenModel:
    """The first of `paths` that opens; ModelFileError naming every failure if none does."""
    errors = []
    for path in paths:
        try:
            return open_file(path)
        except ModelFileError as exc:
            errors.append(str(exc))
    raise ModelFileError("; ".join(errors) or "no model file to open")


def from_training(trained: worker.Trained, name: str) -> OpenModel:
    """A finished run's model, with its history as info and how the run ended."""
    result = trained.result
    return OpenModel(name, trained.engine, TrainedHere(trained.key), info=result.info(),
                     ended=result.ended, recipe_name=result.recipe.name)


def watching(recipe, metrics) -> OpenModel:
    """The model of a run in progress after an epoch (core.training.EpochMetrics); its
    judgement of every pair, when the trainer made one, is kept as the engine's."""
    if metrics.report is not None:
        remember(metrics.engine, metrics.report)
    return OpenModel(f"training {recipe.name}", metrics.engine)


def remember(engine: Engine, report: Report) -> None:
    with _reports_lock:
        _reports.setdefault(engine, report)


def report_for(engine: Engine) -> Report | None:
    """The engine's judgement if it has been made, else None (at once)."""
    with _reports_lock:
        return _reports.get(engine)


def judged(engine: Engine, cancel: threading.Event) -> Report | None:
    """core.evaluation.judge_all, once per engine: a caller that comes while another judges
    the same engine waits for that judgement. None if `cancel` is set first."""
    with _reports_lock:
        lock = _judging.setdefault(engine, threading.Lock())
    while not lock.acquire(timeout=WAIT_S):
        if cancel.is_set():
            return None
    try:
        report = report_for(engine)
        if report is None:
            report = judge_all(engine, cancel.is_set)
            if report is not None:
                remember(engine, report)
                report = report_for(engine)
        return report
    finally:
        lock.release()
