"""The Training and Insight tabs at 900 x 632 (a small laptop window): no label is cut short,
no check box is clipped, and no axis label overlaps another or its axis title."""

import contextlib

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea

from lstm_adder.assets import BUNDLED

SIZE = (900, 632)


def clipped_labels(tab) -> list[tuple[str, str, int, int]]:
    """("width" or "height", text, size, size its text needs) of each label on show that is
    narrower than its text and does not wrap it, or wraps it into more lines than it has
    room for."""
    found = []
    for label in tab.findChildren(QLabel):
        text = label.text()
        if not (label.isVisible() and text):
            continue
        if label.wordWrap():
            needs = label.heightForWidth(label.width())
            if label.height() < needs:
                found.append(("height", text, label.height(), needs))
            continue
        needs = label.fontMetrics().horizontalAdvance(text)
        if label.width() < needs:
            found.append(("width", text, label.width(), needs))
    return found


def clipped_buttons(tab) -> list[tuple[str, int, int]]:
    return [(b.text(), b.width(), b.sizeHint().width()) for b in
            tab.findChildren(QAbstractButton)
            if b.isVisible() and b.text() and b.width() < b.sizeHint().width()]


def axis_rects(axis: pg.AxisItem) -> tuple[list[QRectF], QRectF | None]:
    """The tick labels' rectangles as the axis lays them out now, and its title's."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    ticks = [rect for rect, _, _ in specs[2]] if specs else []
    label = axis.label
    title = label.mapRectToParent(label.boundingRect()) if label.isVisible() else None
    return ticks, title


def overlapping_axes(tab) -> list[str]:
    """Each axis on show in the tab's plots whose tick labels overlap one another, or its
    title (shrunk by a pixel: touching is fine)."""
    found = []
    for view in tab.findChildren(pg.GraphicsView):
        if not view.isVisible():
            continue
        for axis in view.scene().items():
            if not (isinstance(axis, pg.AxisItem) and axis.isVisible()):
                continue
            ticks, title = axis_rects(axis)
            inner = [r.adjusted(1, 1, -1, -1) for r in ticks]
            name = f"{axis.orientation} axis '{axis.labelText}'"
            if any(a.intersects(b) for i, a in enumerate(inner) for b in inner[i + 1:]):
                found.append(f"{name}: tick labels overlap")
            if title is not None and any(r.intersects(title.adjusted(1, 1, -1, -1))
                                         for r in inner):
                found.append(f"{name}: its title overlaps a tick label")
    return found


@pytest.fixture
def small_window(window, qtbot):
    window.show()
    window.resize(*SIZE)
    qtbot.waitExposed(window)
    return window


def look_at(window, qtbot, tab) -> None:
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.isVisible())
    qtbot.wait(50)  # layouts and pyqtgraph's deferred resizes
    assert (window.width(), window.height()) == SIZE


def settled(qtbot, found, timeout_ms: int = 5000) -> list:
    """`found()` once it is empty, or as it is after `timeout_ms`: Qt's layouts and
    pyqtgraph's deferred resizes run late on a loaded machine, and a check made in between
    sees a half-laid-out window."""
    with contextlib.suppress(Exception):  # pytest-qt's TimeoutError: the caller's assertion
        qtbot.waitUntil(lambda: found() == [], timeout=timeout_ms)  # shows what is wrong
    return found()


def test_the_training_tab_fits_900_by_632(small_window, qtbot, train):
    window = small_window
    look_at(window, qtbot, window.training)
    assert clipped_labels(window.training) == []
    assert clipped_buttons(window.training) == []
    train(window, epochs=3)
    look_at(window, qtbot, window.training)
    assert settled(qtbot, lambda: clipped_labels(window.training)) == []
    assert settled(qtbot, lambda: overlapping_axes(window.training)) == []
    panel = window.training.findChild(QScrollArea)
    scrolls = lambda: [panel.verticalScrollBar().maximum()] if panel.verticalScrollBar(
        ).maximum() else []
    assert settled(qtbot, scrolls) == []  # all of it on show, the end state too


@pytest.mark.parametrize(("model", "width"), [("carry", 8), ("carry", 32), ("seed", 8)])
def test_the_insight_tab_fits_900_by_632(small_window, qtbot, model, width):
    window = small_window
    with qtbot.waitSignal(window.insight.computed, timeout=120_000):
        assert window.session.load(BUNDLED[model])
    window.calculator.set_width(width)  # the state view follows: 33 steps at 32 bits
    window.calculator.set_pair(157 << (width - 8), 113 << (width - 8))
    assert window.wait_for_background(120_000)
    look_at(window, qtbot, window.insight)
    assert settled(qtbot, lambda: clipped_labels(window.insight)) == []
    assert settled(qtbot, lambda: overlapping_axes(window.insight)) == []
