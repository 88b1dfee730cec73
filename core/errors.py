"""The errors core raises for bad input: each message is one line a user can act on.

The command line prints the message and exits with status 2; the window shows it in a dialog
or beside the field. Neither ever shows an exception's repr.
"""

from __future__ import annotations


class InputError(ValueError):
    """Input that cannot be used (a recipe field, an operand, a path, a file); the message
    says what is wrong in one line."""


class ModelFileError(InputError):
    """A model file that cannot be used; the message names the file and the problem."""
