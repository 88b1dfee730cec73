"""The errors core raises for bad input: each message is one line a user can act on.

The command line prints the message and exits with status 2; the window shows it in a dialog
or beside the field. Neither ever shows an exception's repr.

Each message is raised as core.words.Words (its English, carrying its marked template), so
`str(exc)` is the English the command line prints, and `said(exc)` the Words the window
shows in the language on show (gui.i18n.translated).
"""

from __future__ import annotations

from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words

SHOWN = 40  # characters of a user's value repeated in a message


def shown(value) -> str:
    """`value` as a message repeats it: its repr, cut short if it is long."""
    text = repr(value)
    return text if len(text) <= SHOWN else f"{text[:SHOWN - 10]}...{text[-6:]}"


class InputError(ValueError):
    """Input that cannot be used (a recipe field, an operand, a path, a file); the message
    says what is wrong in one line."""


class ModelFileError(InputError):
    """A model file that cannot be used; the message names the file and the problem."""


def said(exc: BaseException) -> str:
    """What `exc` says: the Words it was raised with (which the window translates), else its
    text."""
    words = exc.args[0] if len(exc.args) == 1 else None
    return words if isinstance(words, Words) else str(exc)


def at(path, words: str) -> Words:
    """"`path`: `words`", the way a message names the file it is about."""
    return Words(QT_TRANSLATE_NOOP("core", "{0}: {1}"), path, words)


def about(path, exc: BaseException) -> Words:
    """"`path`: what `exc` says" (see at)."""
    return at(path, said(exc))


def one_line(text: str) -> str:
    r"""`text` with every control character (a newline, an ANSI escape, a tab) shown as its
    escape, so that a message is one line and a file name cannot move a terminal's cursor:
    "bad\nname\x1b[31m.keras" is shown as `bad\nname\x1b[31m.keras`, on one line. Words
    stay Words, each value in them made one line."""
    if isinstance(text, Words):
        return text.mapped(lambda value: one_line(str(value)))
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def shown_path(path) -> str:
    """A file name as a message shows it (see one_line)."""
    return one_line(str(path))
