"""`lstm-adder install-desktop`: put the app in a Linux desktop's menu (freedesktop.org).

It writes two files under the user's data folder ($XDG_DATA_HOME, else ~/.local/share):

    applications/lstm-adder.desktop                the menu entry (assets/lstm-adder.desktop,
                                                   its Exec line pointing at this install)
    icons/hicolor/scalable/apps/lstm-adder.svg     the icon it names (Icon=lstm-adder)

Each is written atomically (a temp file beside it, then a rename), so a desktop reading the
folder never sees half a file; running it again writes the same files again, and says so.
`--uninstall` removes both (a file already gone is fine). Nothing outside those two paths is
touched, and no desktop tool is run: desktops watch these folders themselves.

The Exec line starts this install: the `lstm-adder` script beside the running Python (a
virtual environment's bin/), else the one on PATH, else `python -m lstm_adder`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from lstm_adder.assets import DESKTOP_ENTRY, ICON

APP_ID = "lstm-adder"  # the entry's file name and the icon's theme name
ENTRY_PATH = Path("applications") / f"{APP_ID}.desktop"
ICON_PATH = Path("icons/hicolor/scalable/apps") / f"{APP_ID}.svg"
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")  # characters that make an Exec argument quoted


def data_home(environ=None) -> Path:
    """Where the user's applications and icons go: $XDG_DATA_HOME, else ~/.local/share."""
    environ = os.environ if environ is None else environ
    folder = environ.get("XDG_DATA_HOME", "")
    if folder and Path(folder).is_absolute():  # the spec ignores a relative one
        return Path(folder)
    return Path.home() / ".local" / "share"


def app_command() -> list[str]:
    """The command that starts this install's app."""
    beside = Path(sys.executable).parent / APP_ID
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside), "gui"]
    found = shutil.which(APP_ID)
    if found:
        return [found, "gui"]
    return [sys.executable, "-m", "lstm_adder", "gui"]


def exec_line(argv: list[str]) -> str:
    """`argv` as a desktop entry's Exec value: an argument with a reserved character in
    double quotes (", `, $ and \\ escaped), then backslashes escaped once more as the value of
    a string key, and % doubled."""
    quoted = []
    for arg in argv:
        if RESERVED & set(arg):
            escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
            arg = f'"{escaped}"'
        quoted.append(arg.replace("\\", "\\\\").replace("%", "%%"))
    return " ".join(quoted)


def entry_text(argv: list[str]) -> str:
    """The shipped desktop entry with its Exec line starting `argv`."""
    lines = DESKTOP_ENTRY.read_text(encoding="utf-8").splitlines()
    lines = [f"Exec={exec_line(argv)}" if line.startswith("Exec=") else line for line in lines]
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> None:
    """`data` into `path` atomically (the folders made first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def install(data: Path, argv: list[str]) -> list[Path]:
    """Write the entry (starting `argv`) and the icon under `data`; the paths written."""
    entry, icon = data / ENTRY_PATH, data / ICON_PATH
    _write(icon, ICON.read_bytes())
    _write(entry, entry_text(argv).encode("utf-8"))
    return [entry, icon]


def uninstall(data: Path) -> list[Path]:
    """Remove the entry and the icon under `data`; the paths that were there."""
    removed = []
    for path in (data / ENTRY_PATH, data / ICON_PATH):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


def add_parser(sub) -> None:
    """The `install-desktop` subcommand, on the command line's subparsers."""
    parser = sub.add_parser("install-desktop", help="add the app to the desktop's menu "
                            "(Linux: a .desktop entry and its icon under ~/.local/share)")
    parser.add_argument("--uninstall", action="store_true",
                        help="remove the entry and the icon instead (default: install them)")
    parser.set_defaults(func=desktop_command)


def desktop_command(args: argparse.Namespace) -> int:
    data = data_home()
    if args.uninstall:
        removed = uninstall(data)
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print(f"nothing to remove: no {APP_ID} entry under {data}")
        return 0
    argv = app_command()
    for path in install(data, argv):
        print(f"wrote {path}")
    print(f"the menu entry starts: {' '.join(argv)}")
    return 0
