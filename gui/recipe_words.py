"""The recipe fields in the window's language: each field's label, help and range.

core.recipes describes every field a user may set (FieldSpec: label, help, range) in English,
for the command line. The Training tab's form is made from the same list; this module gives
each field its label and help for the window, marked for translation, and says a field's
range and why a value is refused in the language on show (core says those as
core.words.Words, in this module's context, "RecipeWords"):

    label(spec)          "Learning rate"      (学习率)
    tip(spec)            "Step size of the Adam optimiser: a finite number above 0."
    error(spec, 0.0)     "Learning rate must be a finite number above 0"

The English here is core's (tests/test_gui_words.py holds them equal), so a field added to the
recipe without its words here fails that test.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lstm_adder.core.data import FULL_TABLE_MAX_BITS
from lstm_adder.core.recipes import FieldSpec
from lstm_adder.gui.i18n import translated

CONTEXT = "RecipeWords"
LABELS = {
    "cell": QT_TRANSLATE_NOOP("RecipeWords", "Cell"),
    "bits": QT_TRANSLATE_NOOP("RecipeWords", "Bits per operand"),
    "units": QT_TRANSLATE_NOOP("RecipeWords", "LSTM units"),
    "dropout": QT_TRANSLATE_NOOP("RecipeWords", "Dropout"),
    "lr": QT_TRANSLATE_NOOP("RecipeWords", "Learning rate"),
    "batch_size": QT_TRANSLATE_NOOP("RecipeWords", "Batch size"),
    "epochs": QT_TRANSLATE_NOOP("RecipeWords", "Epochs"),
    "holdout": QT_TRANSLATE_NOOP("RecipeWords", "Held out (fraction)"),
    "seed": QT_TRANSLATE_NOOP("RecipeWords", "Random seed"),
    "stop_when_perfect": QT_TRANSLATE_NOOP("RecipeWords", "Stop when every pair is right"),
}
HELP = {
    "cell": QT_TRANSLATE_NOOP("RecipeWords", "the recurrent layer"),
    "bits": QT_TRANSLATE_NOOP("RecipeWords", "width of each operand"),
    "units": QT_TRANSLATE_NOOP("RecipeWords", "size of the LSTM's state"),
    "dropout": QT_TRANSLATE_NOOP("RecipeWords",
                                 "fraction of the LSTM's outputs dropped in training"),
    "lr": QT_TRANSLATE_NOOP("RecipeWords", "step size of the Adam optimiser"),
    "batch_size": QT_TRANSLATE_NOOP("RecipeWords", "pairs per training step"),
    "epochs": QT_TRANSLATE_NOOP("RecipeWords", "passes over the training pairs, at most"),
    "holdout": QT_TRANSLATE_NOOP("RecipeWords",
                                 "fraction of the pairs never trained on (up to {0} bits)"),
    "seed": QT_TRANSLATE_NOOP("RecipeWords", "seed of the weights and of the split"),
    "stop_when_perfect": QT_TRANSLATE_NOOP("RecipeWords", "stop once every pair is exactly right"),
}
CHOICES = {  # a choice field's values (by their names) as the form's list shows them
    "lstm": QT_TRANSLATE_NOOP("RecipeWords", "LSTM"),
    "gru": QT_TRANSLATE_NOOP("RecipeWords", "GRU"),
    "simple_rnn": QT_TRANSLATE_NOOP("RecipeWords", "Simple RNN"),
}
ONE_OF = QT_TRANSLATE_NOOP("RecipeWords", "one of {0}")
TIP = QT_TRANSLATE_NOOP("RecipeWords", "{0}: {1}.")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label(spec: FieldSpec) -> str:
    return _tr(LABELS[spec.name])


def help_text(spec: FieldSpec) -> str:
    return _tr(HELP[spec.name]).format(FULL_TABLE_MAX_BITS)


def choice(name: str) -> str:
    """A choice's words in the form's list: 'Simple RNN' for simple_rnn."""
    return _tr(CHOICES[name])


def range_text(spec: FieldSpec) -> str:
    """'from 1 to 16', 'above 0', 'from 0 to below 1'; 'on or off' for a switch; 'one of
    LSTM, GRU, Simple RNN' for a choice."""
    if spec.choices:
        return _tr(ONE_OF).format(", ".join(choice(name) for name in spec.names))
    return translated(spec.range_text)


def requirement(spec: FieldSpec) -> str:
    """What a valid value is: 'a whole number from 1 to 16'."""
    if spec.choices:
        return range_text(spec)
    return translated(spec.requirement)


def tip(spec: FieldSpec) -> str:
    """The field's tooltip: its help, capitalised, and its range."""
    words = help_text(spec)
    return _tr(TIP).format(words[:1].upper() + words[1:], requirement(spec))


def error(spec: FieldSpec, value) -> str | None:
    """Why `value` is refused for the field (core says it: spec.error), or None."""
    refused = spec.error(value)
    return None if refused is None else translated(refused)
