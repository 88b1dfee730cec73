"""Model files: Keras-native `.keras` in, `.keras` out, and the tutorial's Keras 2 `.h5` in.

A saved file is self-sufficient: the zip that Keras writes gets one more entry,
`lstm_adder.json`, with the encoding, width, recipe and training history. Saves are atomic:
the file is written beside its target and moved into place only when complete.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import tempfile
import time
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lstm_adder.core.cells import CELLS
from lstm_adder.core.checks import check_info
from lstm_adder.core.encodings import ENCODINGS, Encoding, encoding_for_input_shape
from lstm_adder.core.errors import ModelFileError, said
from lstm_adder.core.weights import (
    INFO_ENTRY,
    KERAS,
    KERAS_TWO,
    SAVED,
    FileKind,
    first_line,
    model_file,
    read_network,
)
from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words

DEFAULT_BITS = 8
NO_ADDER = QT_TRANSLATE_NOOP("core", "{0}: not an LSTM adder: {1}")


@dataclass
class LoadedModel:
    model: object
    encoding: Encoding
    bits: int
    path: Path | None = None
    info: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem if self.path else self.info.get("recipe", {}).get("name", "model")


KERAS_TWO_WARNINGS = [r"Do not pass an `input_shape`"]  # Keras 3 on a Keras 2 Sequential
STALE_S = 24 * 3600  # a temporary file this old beside a target was left by a killed save


def temp_prefix(path: Path) -> str:
    return f".{path.stem}-"


def _temp_owner(temp: Path, path: Path) -> int | None:
    """The process id a save put in its temporary file's name (.NAME-PID-XXXXXXXX.keras)."""
    digits = temp.name[len(temp_prefix(path)):].split("-", 1)[0]
    return int(digits) if digits.isdigit() and "-" in temp.name[len(temp_prefix(path)):] \
        else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def remove_stale_temps(path: Path, older_than_s: float = STALE_S) -> list[Path]:
    """Delete the `.NAME-*.keras` files beside `path` that saves left when they were killed:
    those of a process that has ended, and any older than `older_than_s` (a save in progress
    in another process keeps its own)."""
    removed, now = [], time.time()
    for stale in path.parent.glob(f"{glob.escape(temp_prefix(path))}*{SAVED.label}"):
        owner = _temp_owner(stale, path)
        with contextlib.suppress(OSError):
            if owner == os.getpid():
                continue
            if (owner is not None and not _alive(owner)) or \
                    now - stale.stat().st_mtime > older_than_s:
                stale.unlink()
                removed.append(stale)
    return removed


def stamp(path) -> tuple | None:
    """What says a file was written again: (inode, mtime, size), None if there is none."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_ino, status.st_mtime_ns, status.st_size


def written_since(path, found: tuple | None) -> bool:
    """Whether a file is at `path` that another writer made or changed since `found` (its
    stamp then; None: no file was there). The one test of two writers to one path: `train`
    asks it of --out before it saves, the window of a save's target (session.saving), so a
    file written meanwhile is replaced with a word, never silently."""
    now = stamp(path)
    return now is not None and now != found


def save_model(model, path, info: dict | None = None, extra: dict | None = None) -> Path:
    """Write `model` (and `info`, and `extra` zip entries: name -> bytes) to `path`
    atomically; the old file survives any failure, and no temporary file is left behind (an
    exception or a signal turned into one)."""

    def write(tmp: str) -> None:
        model.save(tmp)
        with zipfile.ZipFile(tmp, "a") as archive:
            _write_entries(archive, info, extra)

    return write_atomically(path, write)


def _write_entries(archive: zipfile.ZipFile, info: dict | None, extra: dict | None) -> None:
    archive.writestr(INFO_ENTRY, json.dumps(info or {}, indent=1), zipfile.ZIP_DEFLATED)
    for name, data in (extra or {}).items():
        archive.writestr(name, data, zipfile.ZIP_DEFLATED)


def _reason(exc: BaseException) -> str:
    """An OSError's strerror (not its repr with the long temporary name), else its text."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return first_line(exc)


def _default_mode() -> int:
    """What a plain open() would have given the file (mkstemp makes it private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _loaders() -> dict:
    """Each cell's layer class that also reads a Keras 2 file's config (Cell.loader)."""
    return {cell.keras_class: cell.loader() for cell in CELLS.values()}


def load_model(path) -> LoadedModel:
    """Open a `.keras` or Keras 2 `.h5` adder; raises ModelFileError saying what is wrong."""
    import keras

    path, _ = model_file(path)
    _, info = read_network(path)  # every size checked, before Keras reads a byte
    try:
        with warnings.catch_warnings():  # a Keras 2 file's configs: nothing for a user to do
            for message in KERAS_TWO_WARNINGS:
                warnings.filterwarnings("ignore", message=message, category=UserWarning)
            model = keras.saving.load_model(
                path, compile=False, custom_objects=_loaders(), safe_mode=True)
    except Exception as exc:  # Keras, h5py and zipfile raise many kinds
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "{0}: cannot be read as a Keras model ({1})"), path, first_line(exc))
            ) from exc
    try:
        shapes = tuple(model.input_shape), tuple(model.output_shape)
    except (AttributeError, TypeError, ValueError) as exc:
        raise ModelFileError(Words(NO_ADDER, path, str(exc))) from None
    return LoadedModel(model, *check_shapes(*shapes, path, info), path=path, info=info)


def check_shapes(in_shape, out_shape, path, info: dict) -> tuple[Encoding, int]:
    """(encoding, width) of a network with these shapes; ModelFileError if it is no adder
    or its lstm_adder.json does not describe one."""
    check_info(info, path)
    in_shape, out_shape = tuple(in_shape), tuple(out_shape)
    try:
        encoding, bits = encoding_for_input_shape(in_shape)
    except (ValueError, TypeError) as exc:
        raise ModelFileError(Words(NO_ADDER, path, said(exc))) from None
    if info.get("encoding") and ENCODINGS.get(info["encoding"]) is not encoding:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "{0}: records encoding {1} but its input shape {2} says {3}"), path,
            repr(info["encoding"]), str(in_shape), encoding.name))
    bits = bits or int(info.get("bits", DEFAULT_BITS))
    expected = encoding.output_shape(bits)
    if encoding.any_length:
        expected = (None, in_shape[1], 1)
    if out_shape != expected:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP(
            "core", "{0}: output shape {1} does not fit a {2}-bit {3} adder (expected {4})"),
            path, str(out_shape), bits, encoding.name, str(expected)))
    return encoding, bits


def save_from_memory(kind: FileKind, parts: dict, weights: list, path, info: dict | None = None,
                     extra: dict | None = None) -> Path:
    """Save a model read from a file of `kind` to the .keras file `path`, atomically, as the
    window holds it: the parts read from that file (core.weights.FileRead.parts) with
    `weights` (the arrays it answers with) written into them. Nothing is read from the file
    the model came from, so that file may have changed or gone since. A Keras 2 file needs
    Keras to become a .keras file (call on the Keras thread); a .keras file does not."""
    parts = kind.with_weights(parts, weights)
    if kind.needs_keras:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / KERAS_TWO.WHOLE
            source.write_bytes(parts[KERAS_TWO.WHOLE])
            return save_model(load_model(source).model, path, info, extra)

    def write(tmp: str) -> None:
        with zipfile.ZipFile(tmp, "w") as archive:  # stored, as Keras writes them
            for name in KERAS.KEPT:
                if name in parts:
                    archive.writestr(name, parts[name])
            _write_entries(archive, info, extra)

    return write_atomically(path, write)


def write_atomically(path, write) -> Path:
    """Call `write(tmp)` on a temporary file beside the `.keras` file `path`, then move it
    into place, as save_model does: the old file survives any failure, and no temporary file
    is left behind (nor any of an earlier save that was killed)."""
    path = Path(path)
    if not SAVED.matches(path):
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "{0}: models are saved as {1} files"),
                                   path, SAVED.label))
    if not path.parent.is_dir():
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "{0}: folder {1} does not exist"),
                                   path, path.parent))
    if path.is_dir():
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "{0}: is a folder"), path))
    remove_stale_temps(path)
    try:
        return replace_atomically(path, write, f"{temp_prefix(path)}{os.getpid()}-",
                                  SAVED.label)
    except ModelFileError:
        raise
    except (OSError, ValueError) as exc:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "{0}: could not save: {1}"),
                                   path, _reason(exc))) from exc


def replace_atomically(path, write, prefix: str | None = None, suffix: str = "") -> Path:
    """Call `write(tmp)` on a temporary file beside `path`, then move it into place: `path`
    is the old file or the whole new one, never a part. OSError as raised; no temporary
    file is left behind."""
    path = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(suffix=suffix, prefix=prefix or f".{path.name}-",
                                   dir=path.parent)
        os.close(fd)
        write(tmp)
        os.chmod(tmp, path.stat().st_mode if path.exists() else _default_mode())
        os.replace(tmp, path)
        tmp = None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return path


def write_bytes_atomically(path, data: bytes) -> Path:
    """`data` as the file `path`, written atomically (see replace_atomically)."""
    return replace_atomically(path, lambda tmp: Path(tmp).write_bytes(data))
