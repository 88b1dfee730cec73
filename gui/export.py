"""Export figure: a widget saved as a PNG or SVG file (File › Export figure…).

PNG is the widget as it is on screen (QWidget.grab, at the screen's pixel ratio). SVG is the
widget painted into a QSvgGenerator (PySide6.QtSvg, part of PySide6-Essentials): text, axes
and curves stay vectors, and the error map's image is embedded as pixels. Where QtSvg cannot
be imported, only PNG is offered.

The figure is drawn into memory first, then written. Anything that goes wrong raises
ExportError, with one line to show in a dialog (an unexpected error's traceback is logged).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPoint,
    QRect,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from lstm_adder.session.executor import report_failure

try:
    from PySide6.QtSvg import QSvgGenerator
except ImportError:  # a build of Qt without the SVG module: PNG only
    QSvgGenerator = None

PNG, SVG = ".png", ".svg"
log = logging.getLogger(__name__)
WRONG_KIND = QT_TRANSLATE_NOOP("export", "{0}: figures are saved as {1} files")
NOTHING = QT_TRANSLATE_NOOP("export", "There is no figure on show to export")
NO_PNG = QT_TRANSLATE_NOOP("export", "The figure could not be drawn as a PNG image")
NO_SVG = QT_TRANSLATE_NOOP("export", "The figure could not be drawn as an SVG image")
NO_FOLDER = QT_TRANSLATE_NOOP("export", "{0}: folder {1} does not exist")
NOT_WRITTEN = QT_TRANSLATE_NOOP("export", "{0}: could not save the figure: {1}")
FILTERS = {PNG: QT_TRANSLATE_NOOP("export", "PNG image (*.png)"),
           SVG: QT_TRANSLATE_NOOP("export", "SVG image (*.svg)")}


class ExportError(Exception):
    """A figure could not be saved; the message says why, in one line."""


def _failure(words: str, *args) -> ExportError:
    """An ExportError saying `words` (one of the messages above) in the app's language."""
    return ExportError(QCoreApplication.translate("export", words).format(*args))


def _filter(suffix: str) -> str:
    words = FILTERS[suffix]
    return QCoreApplication.translate("export", words)


def suffixes() -> list[str]:
    """The kinds of file a figure can be saved as, PNG first."""
    return [PNG] + ([SVG] if QSvgGenerator is not None else [])


def file_filter() -> str:
    """The Save dialog's filter: one entry per kind offered."""
    return ";;".join(_filter(suffix) for suffix in suffixes())


def suffix_for(chosen_filter: str) -> str:
    """The suffix of the dialog's chosen filter (PNG when none matches)."""
    return next((s for s in suffixes() if chosen_filter == _filter(s)), PNG)


def save_figure(widget: QWidget, path, title: str = "") -> Path:
    """Write `widget` to `path` as PNG or SVG, by its suffix (PNG added to a name without
    one); the path written. ExportError, with the reason, if it cannot be."""
    path = Path(path)
    if not path.suffix:
        path = path.with_name(path.name + PNG)
    suffix = path.suffix.lower()
    if suffix not in suffixes():
        kinds = " or ".join(s[1:].upper() for s in suffixes())
        raise _failure(WRONG_KIND, path.name, kinds)
    if widget.width() < 1 or widget.height() < 1:
        raise _failure(NOTHING)
    try:
        data = _png(widget) if suffix == PNG else _svg(widget, title)
    except ExportError:
        raise
    except Exception as exc:  # Qt or pyqtgraph painting: one line here, the traceback logged
        raise ExportError(report_failure(save_figure, exc, log)) from None
    _write(path, data)
    return path


def _png(widget: QWidget) -> bytes:
    pixmap = widget.grab()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if pixmap.isNull() or not pixmap.save(buffer, "PNG"):
        raise _failure(NO_PNG)
    return bytes(buffer.data())


def _svg(widget: QWidget, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setResolution(widget.logicalDpiX())  # its size in mm: as large as on screen
    generator.setViewBox(QRect(QPoint(0, 0), widget.size()))
    generator.setTitle(title)
    painter = QPainter()
    if not painter.begin(generator):
        raise _failure(NO_SVG)
    try:
        QWidget.render(widget, painter, QPoint(0, 0))  # as a widget: a view renders its scene
    finally:
        painter.end()
    buffer.close()
    return bytes(data)


def _write(path: Path, data: bytes) -> None:
    if not path.parent.is_dir():
        raise _failure(NO_FOLDER, path, path.parent)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise _failure(NOT_WRITTEN, path, exc.strerror or exc) from None
