"""Recipes: every hyperparameter of a training run, in one dataclass with defaults.

`seed` is the tutorial's recipe exactly; `carry` is the encoding that makes addition easy.
Any field can be overridden (`get_recipe("seed", epochs=5)`), from the command line or the GUI.

Each field a user may set describes itself (a `FieldSpec` in the field's metadata: label,
type, range, help). Everything else is generated from that one list: the `train` command's
flags, the Training tab's form, and the checks, whose messages name the field as the user
sees it:

    >>> field_error("lr", 0.0)
    'Learning rate must be a finite number above 0'

`check_recipe` adds what no single field can say: the pairs left to train on, and memory.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field, fields, replace

from lstm_adder.core.cells import CELLS, Cell
from lstm_adder.core.data import FULL_TABLE_MAX_BITS, table_size, train_count
from lstm_adder.core.encodings import CONCAT_MSB, ENCODINGS, PAIRED_LSB, Encoding
from lstm_adder.core.errors import InputError
from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words

MAX_BITS = 16
MAX_UNITS = 100_000  # a bound for the form; check_recipe's memory estimate is the real one
MAX_BATCH = 1 << 20  # the most pairs an epoch trains on (every pair of 10-bit numbers)
MAX_EPOCHS = 100_000
MAX_SEED = 2**32 - 1  # what Keras's set_random_seed accepts
FLOAT_BYTES = 4
# What a run keeps of each epoch besides its weights: the metrics (the trainer's, the
# timeline's and the curves' points), about 2 kB; the map packed (a third of its pairs' bytes
# at most: an untrained model's random mistakes pack to ~28%, a trained one's to ~0.1%).
EPOCH_METRICS_BYTES = 2048
MAX_DIGITS = 20  # 2**64 has 20 digits: no field or operand takes a longer whole number
WHOLE = re.compile(r"-?[0-9]+")  # ASCII digits only: not "١٢", not "1_0" (int() takes both)
FIELD_WORDS = "RecipeWords"  # the context of what a field says of itself (gui.recipe_words too)
NUMBER = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?(inf|infinity|nan)",
                    re.IGNORECASE)


@dataclass(frozen=True)
class FieldSpec:
    """A recipe field a user may set: what a form or a command line shows for it."""

    name: str  # the Recipe attribute: "lr"
    label: str  # what the user sees: "Learning rate"
    type: type  # int, float or bool; a choice field: its choices' class
    help: str  # a short phrase: "step size of the Adam optimiser"
    low: float | None = None  # the allowed range (None for a bool)
    high: float | None = None  # None: no upper bound
    low_open: bool = False  # True: `low` itself is not allowed
    high_open: bool = False  # True: `high` itself is not allowed
    choices: tuple = ()  # a choice field: the values it may take, each known by its `.name`

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def names(self) -> list[str]:
        """A choice field's values as typed and kept in a file: ['lstm', 'gru', ...]."""
        return [choice.name for choice in self.choices]

    @property
    def range_text(self) -> str:
        """'from 1 to 16', 'above 0', 'from 0 to below 1'; 'on or off' for a bool; 'one of
        lstm, gru, simple_rnn' for a choice."""
        if self.choices:
            return _field_words(QT_TRANSLATE_NOOP("RecipeWords", "one of {0}"),
                                ", ".join(self.names))
        if self.type is bool:
            return _field_words(QT_TRANSLATE_NOOP("RecipeWords", "on or off"))
        low, high = _number(self.low), _number(self.high)
        if self.high is None:
            return _field_words(QT_TRANSLATE_NOOP("RecipeWords", "above {0}") if self.low_open
                                else QT_TRANSLATE_NOOP("RecipeWords", "{0} or more"), low)
        return _field_words(_RANGES[self.low_open, self.high_open], low, high)

    @property
    def requirement(self) -> str:
        """What a valid value is, in words: 'a whole number from 1 to 16'."""
        if self.type is bool or self.choices:
            return self.range_text
        return _field_words(_KINDS[self.type], self.range_text)

    def format(self, value) -> str:
        """`value` as a form or a table shows it: 0.001, 256, on, gru."""
        if self.choices:
            return value.name
        if self.type is bool:
            return "on" if value else "off"
        return f"{value:g}" if isinstance(value, float) else str(value)

    def parse(self, text: str):
        """The value typed as `text` (parse_typed), or `text` itself when it is no number of
        this field's type: then `error` says what is wrong with it. A choice by its name."""
        if self.choices:
            return self.load(text.strip())
        return parse_typed(text, self.type)

    def load(self, value):
        """A value as a file keeps it (`dump`) -> as the recipe holds it: a choice from its
        name (an unknown name stays as it is, for `error` to refuse); else `value` itself."""
        if self.choices and isinstance(value, str):
            return next((c for c in self.choices if c.name == value), value)
        return value

    def dump(self, value):
        """A value as a file keeps it: a choice by its name; else `value` itself."""
        return value.name if self.choices else value

    def error(self, value) -> str | None:
        """Why `value` is not acceptable for this field, or None if it is."""
        if self.accepts(value):
            return None
        return _field_words(QT_TRANSLATE_NOOP("RecipeWords", "{0} must be {1}"),
                            self.label_words, self.requirement)

    @property
    def label_words(self) -> str:
        """The label as Words, which the window shows in its language (gui.recipe_words
        marks each label for translation)."""
        return Words(self.label, context=FIELD_WORDS)

    def accepts(self, value) -> bool:
        """Whether `value` has this field's type and lies in its range (is one of its
        choices)."""
        if self.choices:
            return value in self.choices
        if self.type is bool or isinstance(value, bool):
            return self.type is bool and isinstance(value, bool)
        if self.type is int and not isinstance(value, int):
            return False
        if not isinstance(value, (int, float)) or not math.isfinite(value):
            return False
        above = value > self.low if self.low_open else value >= self.low
        if self.high is None:
            return above
        return above and (value < self.high if self.high_open else value <= self.high)


def parse_typed(text: str, kind: type):
    """The number of `kind` (int or float) typed as `text`, or `text` itself when it is none.
    The one reading of typed numbers, for the command line and the Training tab alike: ASCII
    digits only, and at most MAX_DIGITS of them in a whole number (int() alone takes "1_0"
    and "١٢", and refuses a number of 5,000 digits with an error of its own)."""
    text = text.strip()
    if kind is int and WHOLE.fullmatch(text) and len(text.lstrip("-")) <= MAX_DIGITS:
        return int(text)
    if kind is float and NUMBER.fullmatch(text):
        return float(text)
    return text


_KINDS = {int: QT_TRANSLATE_NOOP("RecipeWords", "a whole number {0}"),
          float: QT_TRANSLATE_NOOP("RecipeWords", "a finite number {0}")}
_RANGES = {  # (low open, high open): the range's words
    (False, False): QT_TRANSLATE_NOOP("RecipeWords", "from {0} to {1}"),
    (False, True): QT_TRANSLATE_NOOP("RecipeWords", "from {0} to below {1}"),
    (True, False): QT_TRANSLATE_NOOP("RecipeWords", "above {0} and to {1}"),
    (True, True): QT_TRANSLATE_NOOP("RecipeWords", "above {0} and to below {1}"),
}


def _field_words(template: str, *args) -> Words:
    return Words(template, *args, context=FIELD_WORDS)


def _number(value) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _user(default, label: str, help: str, low=None, high=None, **openness):
    """A dataclass field a user may set, described by a FieldSpec (see user_fields)."""
    return field(default=default, metadata={"user": dict(
        label=label, help=help, low=low, high=high, **openness)})


def _choice(default, label: str, help: str, choices: tuple, kind: type):
    """A dataclass field a user sets to one of `choices`, objects of `kind` each known by
    its `.name`."""
    return field(default=default, metadata={"user": dict(
        label=label, help=help, choices=choices, type=kind)})


@dataclass(frozen=True)
class Recipe:
    name: str
    encoding: Encoding  # CONCAT_MSB or PAIRED_LSB (core.encodings); by name in a file
    loss: str  # "mse" or "binary_crossentropy"
    cell: Cell = _choice(CELLS["LSTM"], "Cell", "the recurrent layer",
                         tuple(CELLS.values()), Cell)
    bits: int = _user(8, "Bits per operand", "width of each operand", 1, MAX_BITS)
    units: int = _user(256, "LSTM units", "size of the LSTM's state", 1, MAX_UNITS)
    dropout: float = _user(0.2, "Dropout", "fraction of the LSTM's outputs dropped in training",
                           0.0, 1.0, high_open=True)
    lr: float = _user(1e-3, "Learning rate", "step size of the Adam optimiser", 0.0,
                      low_open=True)
    batch_size: int = _user(128, "Batch size", "pairs per training step", 1, MAX_BATCH)
    epochs: int = _user(100, "Epochs", "passes over the training pairs, at most", 1,
                        MAX_EPOCHS)
    holdout: float = _user(0.0, "Held out (fraction)", "fraction of the pairs never trained "
                           f"on (up to {FULL_TABLE_MAX_BITS} bits)", 0.0, 1.0, high_open=True)
    seed: int = _user(0, "Random seed", "seed of the weights and of the split", 0, MAX_SEED)
    stop_when_perfect: bool = _user(False, "Stop when every pair is right",
                                    "stop once every pair is exactly right")

    def to_dict(self) -> dict:
        """Plain values, as a file keeps them (the encoding and the cell by their names)."""
        return {f.name: _SPECS[f.name].dump(getattr(self, f.name)) if f.name in _SPECS
                else getattr(self, f.name) for f in fields(self)} | {
            "encoding": self.encoding.name}

    @classmethod
    def from_dict(cls, data: dict) -> Recipe:
        """The recipe a file keeps (to_dict); a field it lacks takes its default (a file
        from before the cell was a choice is an LSTM's)."""
        known = {f.name for f in fields(cls)}
        values = {k: _SPECS[k].load(v) if k in _SPECS else v
                  for k, v in data.items() if k in known}
        return cls(**values | {"encoding": ENCODINGS[values["encoding"]]})

    @property
    def parameters(self) -> int:
        """Weights in the network: the cell's and the Dense head's."""
        encoding = self.encoding
        units, outputs = self.units, encoding.output_shape(self.bits)[-1]
        return self.cell.parameters(units, encoding.features) + (units + 1) * outputs

    def training_bytes(self, keep_epochs: bool = False) -> int:
        """About how much memory training takes: the weights with their gradients and Adam's
        two moments, each batch's activations kept for backpropagation, an epoch's data, and
        what the run keeps of every epoch (`epoch_bytes`)."""
        encoding = self.encoding
        steps = encoding.steps(self.bits)
        activations = self.batch_size * steps * self.units * 10  # gates, states, their grads
        data = train_count(self.bits, self.holdout) * steps * (encoding.features + 1)
        return (FLOAT_BYTES * (4 * self.parameters + activations + data)
                + (self.epochs + 1) * self.epoch_bytes(keep_epochs))

    def epoch_bytes(self, keep_epochs: bool = False) -> int:
        """About how much a run keeps in memory of each epoch for its replay: the metrics and
        the packed wrong-bit map (core.maps; every pair judged up to TABLE_MAX_BITS), and with
        `keep_epochs` ("Keep every epoch") the weights as an engine (the arrays and the
        engine's prepared copy of them)."""
        from lstm_adder.core.engine import TABLE_MAX_BITS  # core.engine imports this module

        packed_map = table_size(self.bits) // 3 if self.bits <= TABLE_MAX_BITS else 0
        weights = 2 * FLOAT_BYTES * self.parameters if keep_epochs else 0
        return EPOCH_METRICS_BYTES + packed_map + weights

    def file_bytes(self) -> int:
        """About how large the saved .keras file is: weights, Adam's moments, the JSON."""
        return saved_bytes(FLOAT_BYTES * self.parameters)


def saved_bytes(weight_bytes: int, kept_epochs: int = 0) -> int:
    """About how large a saved .keras file of `weight_bytes` of weights is: the weights with
    Adam's two moments, the JSON, and the weights of each of `kept_epochs` epochs."""
    return weight_bytes * (3 + kept_epochs) + (1 << 16)


USER_FIELDS: tuple[FieldSpec, ...] = tuple(
    FieldSpec(f.name, **{"type": type(f.default)} | f.metadata["user"])
    for f in fields(Recipe) if "user" in f.metadata)
_SPECS = {spec.name: spec for spec in USER_FIELDS}

RECIPES = {
    "seed": Recipe(name="seed", encoding=CONCAT_MSB, loss="mse"),
    "carry": Recipe(
        name="carry",
        encoding=PAIRED_LSB,
        loss="binary_crossentropy",
        units=16,
        dropout=0.0,
        lr=1e-2,
        batch_size=256,
        epochs=20,
        holdout=0.9,
        stop_when_perfect=True,
    ),
}


def user_fields() -> list[FieldSpec]:
    """The fields a user may set, in form order (a Training tab or a command line)."""
    return list(USER_FIELDS)


def field_spec(name: str) -> FieldSpec:
    return _SPECS[name]


def field_error(name: str, value) -> str | None:
    """Why `value` is not acceptable for recipe field `name`, or None if it is."""
    return _SPECS[name].error(value)


def check_recipe(recipe: Recipe, memory: int | None = None,
                 keep_epochs: bool = False) -> list[str]:
    """Every reason `recipe` cannot train, one line each ([] when it can): each field's
    range, then what involves several fields. `memory`: bytes available (default: ask the
    system); `keep_epochs`: the run keeps every epoch's weights ("Keep every epoch")."""
    problems = [e for spec in USER_FIELDS if (e := spec.error(getattr(recipe, spec.name)))]
    if problems:
        return problems
    pairs = train_count(recipe.bits, recipe.holdout)
    if pairs == 0:
        problems.append(Words(QT_TRANSLATE_NOOP(
            "core", "{0} {1:g} leaves none of the {2:,} pairs of {3}-bit numbers to train on"),
            _SPECS["holdout"].label_words, recipe.holdout, table_size(recipe.bits),
            recipe.bits))
    elif recipe.batch_size > pairs:
        problems.append(Words(QT_TRANSLATE_NOOP(
            "core", "{0} {1:,} is more than the {2:,} pairs left to train on"),
            _SPECS["batch_size"].label_words, recipe.batch_size, pairs))
    need = recipe.training_bytes(keep_epochs)
    have = available_memory() if memory is None else memory
    if have and need > have:
        template = QT_TRANSLATE_NOOP(
            "core", "Training would need about {0} of memory ({1} {2:,}; {3} {4:,}); {5} is "
            "available")
        if keep_epochs:
            template = QT_TRANSLATE_NOOP(
                "core", "Training would need about {0} of memory ({1} {2:,}; {3} {4:,}; {6} "
                "{7:,}, every one kept); {5} is available")
        problems.append(Words(template, _size(need), _SPECS["units"].label_words,
                              recipe.units, _SPECS["batch_size"].label_words,
                              recipe.batch_size, _size(have), _SPECS["epochs"].label_words,
                              recipe.epochs))
    return problems


def available_memory() -> int | None:
    """Bytes of memory available to a new allocation, or None if the system will not say."""
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def _size(count: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20)):
        if count >= scale:
            return f"{count / scale:,.1f} {unit}"
    return f"{count / 1024:,.0f} kB"


def get_recipe(name: str, **overrides) -> Recipe:
    """The named recipe with `overrides` applied (None values are ignored); raises InputError
    (a ValueError) naming the first bad field as the user sees it."""
    if name not in RECIPES:
        raise InputError(f"unknown recipe {name!r}; choose from {', '.join(RECIPES)}")
    overrides = {k: v for k, v in overrides.items() if v is not None}
    for key, value in overrides.items():
        if key not in _SPECS:
            raise InputError(f"unknown recipe field {key!r}")
        error = field_error(key, value)
        if error:
            raise InputError(error)
    return replace(RECIPES[name], **overrides)
