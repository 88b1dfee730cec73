"""Words for the window, composed without Qt: English text that carries its template.

session/ and core/ never import Qt, yet what they say is shown in the window in the user's
language. So they say it as `Words`: a str (the English, for logs, tests and the command
line) that also carries its template and the values that fill it. The window translates the
template and fills it again (gui.i18n.translated), so "Opened carry.keras" becomes
"已打开 carry.keras" without the session knowing which language is on show.

    OPENED = QT_TRANSLATE_NOOP("session", "Opened {0}")   # lupdate collects the template
    said = Words(OPENED, "carry.keras")                   # == "Opened carry.keras"
    said.template, said.args                              # ("Opened {0}", ("carry.keras",))

A value may itself be Words (a phrase inside a sentence): it is translated first. Numbers are
formatted by the template ({0:.1%}), so the translation formats them the same way.
"""

from __future__ import annotations

CONTEXT = "session"  # the translation context of every template marked here and in session/


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
    """Marks `text` for lupdate (which finds it by this name) and returns it unchanged."""
    return text


class Words(str):
    """`template.format(*args, **kwargs)` as a str, keeping the template and the values."""

    template: str
    args: tuple
    kwargs: dict
    context: str

    def __new__(cls, template: str, *args, context: str = CONTEXT, **kwargs):
        self = super().__new__(cls, template.format(*args, **kwargs))
        self.template, self.args, self.kwargs, self.context = template, args, kwargs, context
        return self

    def __reduce__(self):
        return (_rebuild, (self.template, self.args, self.kwargs, self.context))

    def fill(self, translate) -> str:
        """The text in another language: `translate(context, template)` filled with the
        values, each Words among them filled the same way."""
        def inner(value):
            return value.fill(translate) if isinstance(value, Words) else value

        template = translate(self.context, self.template) if self.context else self.template
        return template.format(
            *map(inner, self.args), **{k: inner(v) for k, v in self.kwargs.items()})


def _rebuild(template, args, kwargs, context) -> Words:
    return Words(template, *args, context=context, **kwargs)


def joined(separator: str, parts) -> Words:
    """`parts` (each str or Words) joined by `separator`, as Words that translate each part
    (the separator itself is not translated)."""
    parts = list(parts)
    template = separator.replace("{", "{{").replace("}", "}}").join(
        f"{{{i}}}" for i in range(len(parts)))
    return Words(template, *parts, context="")
