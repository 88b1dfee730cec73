"""The session's Words: core.words.Words whose templates are in the "session" context.

What session/ says reaches the window as Words (English that carries its template; see
core.words), marked with the Qt-free QT_TRANSLATE_NOOP that lupdate reads:

    said = Words(QT_TRANSLATE_NOOP("session", "Opened {0}"), "carry.keras")
    str(said), said.context                   # ("Opened carry.keras", "session")
"""

from __future__ import annotations

from lstm_adder.core import words as _core
from lstm_adder.core.words import QT_TRANSLATE_NOOP, joined

CONTEXT = "session"  # the translation context of every template marked in session/

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "Words", "joined"]


class Words(_core.Words):
    """core.words.Words, in the session's translation context unless told another."""

    CONTEXT = CONTEXT
