"""Start the app: `lstm-adder`, `lstm-adder gui [--model PATH]` or `python -m lstm_adder.gui`.

The window comes up in the language chosen last time, else the system's (gui.i18n), with
View › Language to switch; what this module prints (bad arguments, no display) stays English,
as the command line does."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

STYLE = "Fusion"  # the same look on every platform (and offscreen)
FONT_POINTS = 10
NO_DISPLAY = ("lstm-adder: error: no display; run it on a desktop, or with "
              "QT_QPA_PLATFORM=offscreen for a screenshot")


def parse_args(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="lstm-adder gui", description="Open the LSTM Adder.")
    parser.add_argument("--model", type=Path, help="model to open (default: the last one, "
                                                   "else the bundled seed model)")
    return parser.parse_args(argv)


def has_display(environ=None, platform: str | None = None) -> bool:
    """Whether Qt has somewhere to show a window. On Linux and the BSDs without DISPLAY,
    WAYLAND_DISPLAY and QT_QPA_PLATFORM, Qt's xcb plugin would abort the process (a core
    dump, exit 134); macOS and Windows always have their own platform."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def create_application():
    """The QApplication (made once), named so that QSettings finds its values."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    from PySide6.QtWidgets import QApplication

    from lstm_adder.gui.main_window import APPLICATION, ORGANIZATION

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setStyle(STYLE)
    font = app.font()
    font.setPointSize(max(font.pointSize(), FONT_POINTS))
    app.setFont(font)
    return app


def main(argv=None) -> int:
    """Open the window and run until it closes; the exit code (2 for a bad argument, or
    for no display to open it on: one line says how to run it instead)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.model is not None and not args.model.is_file():
        print(f"lstm-adder: error: {args.model}: no such file", file=sys.stderr)
        return 2
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    app = create_application()
    from lstm_adder.gui import i18n
    from lstm_adder.gui.main_window import MainWindow

    i18n.install()  # before the window, whose words are set as it is built
    window = MainWindow(model_path=args.model)
    i18n.add_language_menu(window, window.settings)
    window.show()
    return app.exec()
