"""Checks on what comes from outside, made before any work starts.

Two kinds of input arrive here. A model file's `lstm_adder.json` is validated like any
other input, with one message per problem: `check_info({"bits": "abc", "split": []})` raises
ModelFileError("its lstm_adder.json is damaged: bits is 'abc', not a whole number from 1 to
16; split is [], not an object").

The path a trained model will be saved to is checked before training, not after it: the
folder exists and takes a new file, the name is not too long, there is room for it.
The command line and the window share these messages (each one line).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from lstm_adder.core.encodings import ENCODINGS
from lstm_adder.core.errors import InputError, ModelFileError, at, shown
from lstm_adder.core.recipes import field_spec, user_fields
from lstm_adder.core.weights import INFO_ENTRY, SAVED, kind_of
from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words, joined

TEMP_EXTRA = len(".-4194304-XXXXXXXX")  # a save writes `.NAME-PID-XXXXXXXX.keras` beside it
TEXT = Words(QT_TRANSLATE_NOOP("core", "text"))
AN_OBJECT = Words(QT_TRANSLATE_NOOP("core", "an object"))

# -- a model file's lstm_adder.json --------------------------------------------------------


def _problem(where: str, value, requirement: str) -> Words:
    return Words(QT_TRANSLATE_NOOP("core", "{0} is {1}, not {2}"), where, shown(value),
                 requirement)


def _field(name: str):
    """A check by the rule of the recipe field `name` (core.recipes)."""
    spec = field_spec(name)
    return lambda where, value: ([] if spec.accepts(spec.load(value))
                                 else [_problem(where, value, spec.requirement)])


def _text(where: str, value) -> list[str]:
    return [] if isinstance(value, str) else [_problem(where, value, TEXT)]


def _encoding(where: str, value) -> list[str]:
    known = isinstance(value, str) and value in ENCODINGS
    return [] if known else [_problem(where, value, Words(QT_TRANSLATE_NOOP(
        "core", "one of {0}"), ", ".join(ENCODINGS)))]


def _switch(where: str, value) -> list[str]:
    return [] if isinstance(value, bool) else [_problem(where, value, Words(QT_TRANSLATE_NOOP(
        "core", "true or false")))]


def _objects(where: str, value) -> list[str]:
    fine = isinstance(value, list) and all(isinstance(m, dict) for m in value)
    return [] if fine else [_problem(where, value, Words(QT_TRANSLATE_NOOP(
        "core", "a list of objects")))]


def _keys(checks: dict, where: str, value) -> list[str]:
    """Every problem of the keys of `value` that `checks` knows (each key optional, each
    checked by its own check, named `where.key`; others are left alone)."""
    return [problem for key, check in checks.items() if key in value
            for problem in check(f"{where}{key}", value[key])]


def _object(checks: dict):
    """A check of an object whose keys are checked by `checks`."""
    def check(where: str, value) -> list[str]:
        if not isinstance(value, dict):
            return [_problem(where, value, AN_OBJECT)]
        return _keys(checks, f"{where}.", value)
    return check


INFO_CHECKS = {
    "encoding": _encoding,
    "bits": _field("bits"),
    "recipe": _object({"name": _text, "loss": _text, "encoding": _encoding}
                      | {spec.name: _field(spec.name) for spec in user_fields()}),
    "split": _object({"holdout": _field("holdout"), "seed": _field("seed"),
                      "full_table": _switch}),
    "history": _objects,
    "reason": _text,
}


def info_problems(info) -> list[str]:
    """Every problem with a model file's lstm_adder.json, one line each ([] if none).
    Every key is optional; keys this version does not know are left alone."""
    if not isinstance(info, dict):
        kind = {list: Words(QT_TRANSLATE_NOOP("core", "a list")), str: TEXT}.get(
            type(info), type(info).__name__)
        return [Words(QT_TRANSLATE_NOOP("core", "it holds {0}, not {1}"), kind, AN_OBJECT)]
    problems = _keys(INFO_CHECKS, "", info)
    best = info.get("best_epoch", 0)
    if not isinstance(best, int) or isinstance(best, bool) or best < 0:
        problems.append(_problem("best_epoch", best, Words(QT_TRANSLATE_NOOP(
            "core", "a whole number, 0 or more"))))
    return problems


def check_info(info, source=None) -> dict:
    """`info` (a model file's lstm_adder.json, parsed) if it is usable; else ModelFileError
    with every problem in one line, after "`source`: " when a source (the path) is given."""
    problems = info_problems(info)
    if problems:
        damaged = Words(QT_TRANSLATE_NOOP("core", "its {0} is damaged: {1}"), INFO_ENTRY,
                        joined("; ", problems))
        raise ModelFileError(damaged if source is None else at(source, damaged))
    return info


# -- where a model will be saved -----------------------------------------------------------


def model_path(path) -> Path:
    """`path` as a model is saved to it: `.keras` added to a name without a suffix (as the
    window does); InputError for any other suffix."""
    path = Path(path)
    suffix, saved = path.suffix.lower(), SAVED.label
    if not suffix:
        return path.with_name(path.name + saved)
    kind = kind_of(path)
    if kind is not None and not kind.writable:
        raise InputError(Words(QT_TRANSLATE_NOOP(
            "core", "{0}: {1} files are only read; models are saved as {2} files (try {3})"),
            path, suffix, saved, path.with_suffix(saved).name))
    if kind is not SAVED:
        raise InputError(Words(QT_TRANSLATE_NOOP("core", "{0}: models are saved as {1} files"),
                               path, saved))
    return path


def check_out_path(path, size: int = 0) -> Path:
    """The path a model of about `size` bytes will be saved to (see model_path), once it is
    known that the save can succeed; InputError saying why not. Nothing is left behind."""
    given, path = Path(path), model_path(path)
    folder = path.parent
    longest = _name_max(folder) - TEMP_EXTRA
    if len(os.fsencode(path.name)) > longest:
        raise InputError(Words(QT_TRANSLATE_NOOP(
            "core", "{0}: the file name is too long ({1} characters; at most {2})"),
            shown(path.name), len(path.name), longest))
    try:
        _check_folder(given, path)
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise InputError(at(path, str(exc.strerror or exc))) from None
    if free < size:
        raise InputError(Words(QT_TRANSLATE_NOOP(
            "core", "{0}: not enough free space in {1} (needs about {2:,.1f} MB, {3:,.1f} MB "
            "free)"), path, folder, size / 2**20, free / 2**20))
    return path


def check_out_folder(path) -> tuple[Path, Path]:
    """(path, the folder that holds it) for an output folder (many seeds' models, a run's
    logs): `path` itself if it is a folder, else a new one to be made in a folder that
    exists. InputError in one line otherwise; nothing is made."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError(Words(QT_TRANSLATE_NOOP("core", "{0}: is not a folder"), path))
    parent = path if path.is_dir() else path.parent
    if not parent.is_dir():
        raise InputError(Words(QT_TRANSLATE_NOOP("core", "{0}: folder {1} does not exist"),
                               path, parent))
    return path, parent


def _check_folder(given: Path, path: Path) -> None:
    folder = path.parent
    for candidate in (given, path):
        if candidate.is_dir():
            raise InputError(Words(QT_TRANSLATE_NOOP(
                "core", "{0}: is a folder; give a file name ending in {1}"), candidate,
                SAVED.label))
    if not folder.exists():
        raise InputError(Words(QT_TRANSLATE_NOOP("core", "{0}: folder {1} does not exist"),
                               path, folder))
    if not folder.is_dir():
        raise InputError(Words(QT_TRANSLATE_NOOP("core", "{0}: {1} is not a folder"), path,
                               folder))
    if path.exists() and not path.is_file():
        raise InputError(Words(QT_TRANSLATE_NOOP("core", "{0}: exists and is not a regular file"),
                               path))
    _probe(path)


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def _probe(path: Path) -> None:
    """Create and remove a file as a save will (a hidden temp file beside `path`): the only
    sure test of a folder that says it is writable (/proc, a read-only mount, root)."""
    try:
        fd, probe = tempfile.mkstemp(suffix=SAVED.label, prefix=f".{path.stem}-",
                                     dir=path.parent)
    except OSError as exc:
        raise InputError(Words(QT_TRANSLATE_NOOP("core", "{0}: cannot write in {1} ({2})"),
                               path, path.parent, str(exc.strerror or exc))) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def check_output_file(path, suffix: str | None = None, what: str = "the output") -> Path:
    """A file path a command will write (a report, a picture): the right suffix, not a folder,
    in a folder that exists and can be written. InputError otherwise, before any work."""
    path = Path(path)
    if suffix is not None and path.suffix.lower() != suffix:
        raise InputError(f"{path}: {what} is written as a {suffix} file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name")
    if path.exists() and not path.is_file():  # a FIFO would hang, a device take anything
        raise InputError(f"{path}: exists and is not a regular file; give a file name")
    if not path.parent.is_dir():
        raise InputError(f"{path}: folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise InputError(f"{path}: folder {path.parent} is not writable")
    return path

