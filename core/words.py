"""Words for the window, composed without Qt: English text that carries its template.

core/ and session/ never import Qt, yet what they say (a model file's problem, a recipe's,
"Opened carry.keras") is shown in the window in the user's language. So they say it as
`Words`: a str (the English, for logs, tests and the command line) that also carries its
template and the values that fill it. The window translates the template and fills it again
(gui.i18n.translated), so "Opened carry.keras" becomes "已打开 carry.keras" without core or
the session knowing which language is on show.

    OPENED = QT_TRANSLATE_NOOP("session", "Opened {0}")   # lupdate collects the template
    said = Words(OPENED, "carry.keras", context="session")  # == "Opened carry.keras"
    said.template, said.args                              # ("Opened {0}", ("carry.keras",))

Each layer has its translation context: core's Words are in "core" (this class's default),
the session's in "session" (session.words.Words). An error raised with Words keeps them as
its one argument, so `str(exc)` is the English and `core.errors.said(exc)` the Words.

A value may itself be Words (a phrase inside a sentence): it is translated first. Numbers are
formatted by the template ({0:.1%}), so the translation formats them the same way.
"""

from __future__ import annotations

import os

CONTEXT = "core"  # the translation context of every template marked in core/


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
    """Marks `text` for lupdate (which finds it by this name) and returns it unchanged."""
    return text


class Words(str):
    """`template.format(*args, **kwargs)` as a str, keeping the template and the values."""

    CONTEXT = CONTEXT  # the context of a template given none (a subclass may name its own)
    template: str
    args: tuple
    kwargs: dict
    context: str

    def __new__(cls, template: str, *args, context: str | None = None, **kwargs):
        self = super().__new__(cls, template.format(*args, **kwargs))
        self.template, self.args, self.kwargs = template, args, kwargs
        self.context = cls.CONTEXT if context is None else context
        return self

    def __reduce__(self):
        return (_rebuild, (type(self), self.template, self.args, self.kwargs, self.context))

    def fill(self, translate) -> str:
        """The text in another language: `translate(context, template)` filled with the
        values, each Words among them filled the same way."""
        def inner(value):
            return value.fill(translate) if isinstance(value, Words) else value

        template = translate(self.context, self.template) if self.context else self.template
        return template.format(
            *map(inner, self.args), **{k: inner(v) for k, v in self.kwargs.items()})

    def mapped(self, change) -> Words:
        """The same Words with `change(value)` for each value that is text or a path (Words
        among them mapped in turn); numbers and other values are left to the template."""
        def inner(value):
            if isinstance(value, Words):
                return value.mapped(change)
            return change(value) if isinstance(value, (str, os.PathLike)) else value

        return type(self)(self.template, *map(inner, self.args), context=self.context,
                          **{k: inner(v) for k, v in self.kwargs.items()})


def _rebuild(cls, template, args, kwargs, context) -> Words:
    return cls(template, *args, context=context, **kwargs)


def joined(separator: str, parts) -> Words:
    """`parts` (each str or Words) joined by `separator`, as Words that translate each part
    (the separator itself is not translated)."""
    parts = list(parts)
    template = separator.replace("{", "{{").replace("}", "}}").join(
        f"{{{i}}}" for i in range(len(parts)))
    return Words(template, *parts, context="")


def either(names) -> str:
    """"a or b or c": the names (not translated themselves) joined by a translated "or"."""
    names = list(names)
    words = names[-1]
    for name in reversed(names[:-1]):
        words = Words(QT_TRANSLATE_NOOP("core", "{0} or {1}"), name, words)
    return words
