"""The models the app has open, and the slow steps done for them off the GUI thread.

Everything here is plain Python (no Qt): `gui.tasks.Task` runs it on the TensorFlow thread,
after importing TensorFlow on the GUI thread. Loading a file and compiling a model's first
answer take seconds; so does judging every pair. The window is up before any of that is done.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from core.data import EVAL_SAMPLES, FULL_TABLE_MAX_BITS, random_pairs
from core.encodings import ENCODINGS, Encoding
from core.evaluation import evaluate
from core.storage import LoadedModel, ModelFileError, load_model

PAIRS_PER_STEP = 16_384  # judge this many pairs between checks for cancellation
# adder -> (weights version, Report over every pair): one pass serves the calculator's wrong
# pairs and the Insight map. Only the TensorFlow thread reads or writes it.
_judged: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass
class OpenModel:
    """A model ready to answer. Call `adder` (and so `model`) only from the GUI thread."""

    name: str
    model: object
    encoding: Encoding
    bits: int
    adder: object  # core.inference.Adder
    path: Path | None = None
    info: dict = field(default_factory=dict)

    @property
    def description(self) -> str:
        return f"{self.name} ({self.encoding.name}, {self.bits}-bit)"


def prepare(loaded: LoadedModel, name: str | None = None) -> OpenModel:
    """Wrap a model in an Adder and compile it with one answer (the first call is slow)."""
    from core.inference import Adder

    adder = Adder(loaded.model, loaded.encoding, loaded.bits)
    adder.answer(0, 0)
    return OpenModel(name or loaded.name, loaded.model, loaded.encoding, loaded.bits, adder,
                     loaded.path, loaded.info)


def open_file(path) -> OpenModel:
    """Load and prepare a model file; raises ModelFileError saying what is wrong."""
    return prepare(load_model(path))


def open_first(paths) -> OpenModel:
    """The first of `paths` that opens; ModelFileError naming every failure if none does."""
    errors = []
    for path in paths:
        try:
            return open_file(path)
        except ModelFileError as exc:
            errors.append(str(exc))
    raise ModelFileError("; ".join(errors) or "no model file to open")


def from_training(result, name: str) -> OpenModel:
    """A finished run's model (core.training.TrainResult), with its history as info."""
    recipe = result.recipe
    loaded = LoadedModel(result.model, ENCODINGS[recipe.encoding], recipe.bits,
                         info=result.info())
    return prepare(loaded, name)


def can_widen(entry: OpenModel) -> bool:
    """Whether the model reads sequences of any length (paired-lsb): it can add wider numbers."""
    return entry.model.input_shape[1] is None


def private_adder(adder, weights=None):
    """An Adder on a copy of `adder`'s model, so that a worker thread never calls the model
    the calculator calls. `weights`: taken in the GUI thread (default: read them here)."""
    import keras

    from core.inference import Adder

    clone = keras.models.clone_model(adder.model)
    clone.set_weights(adder.model.get_weights() if weights is None else weights)
    return Adder(clone, adder.encoding, adder.bits, adder.jit)


def widen(entry: OpenModel, bits: int, cancel: threading.Event | None = None) -> OpenModel:
    """The same weights answering `bits`-bit operands (on a copy), compiled with one answer."""
    adder = private_adder(entry.adder).with_bits(bits)
    adder.answer(0, 0)
    return OpenModel(entry.name, adder.model, entry.encoding, bits, adder, entry.path,
                     entry.info)


def watcher(recipe) -> OpenModel:
    """A model of `recipe`'s shape for the calculator to follow a training run with.

    Built (and compiled) before the run starts; the training thread keeps calling its own
    model, and each epoch's weights are copied into this one in the GUI thread.
    """
    from core.models import build_model

    model = build_model(recipe)
    loaded = LoadedModel(model, ENCODINGS[recipe.encoding], recipe.bits)
    return prepare(loaded, f"training {recipe.name}")


@dataclass
class WrongPairs:
    """The pairs a model gets wrong, as (a, b, predicted, true), sorted by (a, b)."""

    pairs: list[tuple[int, int, int, int]]
    judged: int  # how many pairs were judged
    everything: bool  # True: every pair; False: a random sample (wide operands)

    @property
    def count(self) -> int:
        return len(self.pairs)


def judge_every_pair(adder, weights, cancel: threading.Event):
    """core.insight.full_report of `adder` (on a private copy), computed once per adder and
    weights version; None if `cancel` is set before the end."""
    from core.insight import full_report, model_version

    version = model_version(adder.model)
    cached = _judged.get(adder)
    if cached is not None and cached[0] == version:
        return cached[1]
    report = full_report(private_adder(adder, weights), cancel.is_set)
    if report is not None:
        _judged[adder] = (version, report)
    return report


def find_wrong_pairs(adder, weights, cancel: threading.Event) -> WrongPairs | None:
    """Judge every pair (or a sample, above FULL_TABLE_MAX_BITS) on a private copy of the
    adder's model; `weights` are taken in the GUI thread. None if `cancel` is set first."""
    if cancel.is_set():
        return None
    bits = adder.bits
    if bits <= FULL_TABLE_MAX_BITS:
        report = judge_every_pair(adder, weights, cancel)
        return None if report is None else WrongPairs(report.wrong(), report.count, True)
    private = private_adder(adder, weights)
    pairs = random_pairs(bits, EVAL_SAMPLES, seed=0)
    wrong: list[tuple[int, int, int, int]] = []
    for start in range(0, len(pairs), PAIRS_PER_STEP):
        if cancel.is_set():
            return None
        wrong += evaluate(private, pairs.subset(slice(start, start + PAIRS_PER_STEP))).wrong()
    return WrongPairs(sorted(wrong), len(pairs), False)
