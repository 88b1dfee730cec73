"""Opening models: the model at start-up, a file read in the background, a file read now.

`Opening` is a part of session.Session (its mixin); it uses the session's model list
(`models`, `_add`, `select`), what is on show (`on_show`, `_show_current`, `following`,
`_to_present`) and its `executor`, `status`, `error` and `closing`.

An open that a newer one overtakes is dropped: each open takes the next `_load_tag`, and only
the answer with the newest tag is added. A file already open, and unchanged on disk since, is
selected instead of read again.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from lstm_adder.core.errors import ModelFileError, said, shown_path
from lstm_adder.session.on_show import LOADING
from lstm_adder.session.open_models import OpenModel, open_file, open_first, start_paths
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words

CANNOT_OPEN = Words(QT_TRANSLATE_NOOP("session", "Cannot open the model"))


class Opening:
    """Session's opening (see the module's docstring)."""

    _load_tag = 0  # an open whose tag is not this one's has been overtaken

    def open_at_start(self, model_path, last: str, bundled: dict[str, Path]) -> None:
        """Open `model_path`, else the `last` model, else a bundled one (seed, then carry)."""
        candidates = start_paths(model_path, last, bundled)
        if not candidates:
            missing = ", ".join(f"assets/{path.name}" for path in bundled.values())
            message = Words(QT_TRANSLATE_NOOP(
                "session", "No model yet ({0} not found). Open a model file, or train one in "
                "the Training tab."), missing)
            self.on_show.show(None, message)
            self.status.emit(message, False)
            return
        self._open_async(partial(open_first, candidates), LOADING)

    def open(self, path) -> None:
        """Read `path` in the background; nothing is on show ("Loading…") until it is in. A
        file already open, and unchanged since, is selected instead (not judged again)."""
        if not self._select_open(path):
            self._open_async(partial(open_first, [Path(path)]), Words(
                QT_TRANSLATE_NOOP("session", "Loading {0}…"), Path(path).name))

    def load(self, path) -> bool:
        """Open `path` now (h5py, no TensorFlow) and select it; on failure say so (`error`)
        and keep the model on show. A file already open and unchanged is selected."""
        if self._select_open(path):
            return True
        self._load_tag += 1
        try:
            entry = open_file(path)
        except ModelFileError as exc:
            self._show_current()
            self.error.emit(CANNOT_OPEN, said(exc))
            return False
        self._add(entry, select=True)
        return True

    def _open(self, path) -> OpenModel | None:
        return next((m for m in self.models if m.is_file(path)), None)

    def _select_open(self, path) -> bool:
        entry = self._open(path)
        if entry is None:
            return False
        self._load_tag += 1
        self.select(entry)
        return True

    def _open_async(self, fn, message: str) -> None:
        self._load_tag += 1
        tag = self._load_tag
        self._to_present()
        if not self.following:  # a watched run stays on show
            self.on_show.show(None, message)  # the Insight tab keeps its model
        self.status.emit(message, False)
        self.executor.submit(lambda cancel: fn(), partial(self._loaded, tag),
                             partial(self._load_failed, tag))

    def _loaded(self, tag: int, entry: OpenModel) -> None:
        if tag == self._load_tag and not self.closing:
            self._add(entry, select=True)
            self.status.emit(entry.notice or (Words(QT_TRANSLATE_NOOP(
                "session", "Opened {0} from {1}"), entry.description, shown_path(entry.path))
                if entry.path else Words(QT_TRANSLATE_NOOP("session", "Opened {0}"),
                                         entry.description)), True)

    def _load_failed(self, tag: int, message: str) -> None:
        if tag == self._load_tag and not self.closing:
            self._show_current()
            self.error.emit(CANNOT_OPEN, message)
