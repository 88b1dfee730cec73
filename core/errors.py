"""The errors core raises for bad input: each message is one line a user can act on."""

from __future__ import annotations


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and the problem."""
