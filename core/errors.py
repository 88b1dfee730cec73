"""The errors core raises for bad input: each message is one line a user can act on.

The command line prints the message and exits with status 2; the window shows it in a dialog
or beside the field. Neither ever shows an exception's repr.
"""

from __future__ import annotations

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


def one_line(text: str) -> str:
    r"""`text` with every control character (a newline, an ANSI escape, a tab) shown as its
    escape, so that a message is one line and a file name cannot move a terminal's cursor:
    "bad\nname\x1b[31m.keras" is shown as `bad\nname\x1b[31m.keras`, on one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def shown_path(path) -> str:
    """A file name as a message shows it (see one_line)."""
    return one_line(str(path))
