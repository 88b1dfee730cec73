"""A Mealy machine drawn: its states as circles on a circle, an arrow from each state to each
state it goes to, labelled with the inputs that take it there and what each emits ("ab/s"),
and the start marked by an arrow from above.

The widget only paints the core.automaton.Automaton it is given; `drawn` says which states
the last paint drew (for a test that asks what is on screen).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

RADIUS = 18.0  # of a state's circle, in pixels
MARGIN = 3.6  # state radii between the ring and the top or bottom edge (start arrow)
LOOP = 2.4  # a self-loop reaches this many radii out of its state
BEND = 0.22  # an arrow with one coming back bends by this share of its length
HEAD = 8.0  # the arrowhead's length


def _unit(x: float, y: float) -> QPointF:
    norm = math.hypot(x, y) or 1.0
    return QPointF(x / norm, y / norm)


class StateDiagram(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._machine = None
        self._start = ""  # the word by the start arrow, in the language on show
        self.drawn: list[int] = []
        self.setMinimumSize(220, 180)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(300, 240)

    @property
    def start_word(self) -> str:
        return self._start

    def show_machine(self, machine, start_word: str) -> None:
        """Draw `machine` (None: nothing), its start marked `start_word`."""
        self._machine, self._start = machine, start_word
        self.update()

    def edges(self) -> dict[tuple[int, int], list[str]]:
        """(from, to) -> its labels "ab/s", for the inputs whose row was read."""
        found: dict[tuple[int, int], list[str]] = {}
        for row in self._machine.rows() if self._machine is not None else []:
            if row.next >= 0:
                found.setdefault((row.state, row.next), []).append(f"{row.a}{row.b}/{row.sum}")
        return found

    # -- painting ---------------------------------------------------------------------------

    def _places(self, count: int) -> list[QPointF]:
        """Centres on a ring, state 0 on the left, leaving room for the loops' labels
        beside it and the start arrow above."""
        centre = QPointF(self.width() / 2, self.height() / 2)
        label = self.fontMetrics().horizontalAdvance("00/0")
        room_x = self.width() / 2 - (LOOP + 1) * RADIUS - label
        room_y = self.height() / 2 - MARGIN * RADIUS
        ring = 0.0 if count == 1 else max(0.0, min(room_x, room_y))
        return [centre + ring * QPointF(math.cos(math.pi + 2 * math.pi * i / count),
                                        math.sin(math.pi + 2 * math.pi * i / count))
                for i in range(count)]

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.drawn = []
        if self._machine is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().windowText().color()
        painter.setPen(QPen(ink, 1.4))
        places = self._places(self._machine.states)
        centre = QPointF(self.width() / 2, self.height() / 2)
        edges = self.edges()
        for (source, target), labels in edges.items():
            text = "\n".join(labels)
            if source == target:
                self._loop(painter, places[source], centre, text)
            else:
                bent = (target, source) in edges
                self._arrow(painter, places[source], places[target], bent, text)
        self._start_arrow(painter, places[0])
        for state, place in enumerate(places):
            painter.setBrush(self.palette().base())
            painter.drawEllipse(place, RADIUS, RADIUS)
            painter.drawText(QRectF(place.x() - RADIUS, place.y() - RADIUS, 2 * RADIUS,
                                    2 * RADIUS), Qt.AlignmentFlag.AlignCenter, str(state))
            self.drawn.append(state)
        painter.end()

    def _label(self, painter: QPainter, at: QPointF, text: str) -> None:
        lines = text.split("\n")
        height = painter.fontMetrics().height()
        width = max(painter.fontMetrics().horizontalAdvance(line) for line in lines)
        box = QRectF(at.x() - width / 2, at.y() - height * len(lines) / 2, width,
                     height * len(lines))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _head(self, painter: QPainter, tip: QPointF, towards: QPointF) -> None:
        back = _unit(tip.x() - towards.x(), tip.y() - towards.y())
        side = QPointF(-back.y(), back.x())
        painter.setBrush(painter.pen().color())
        painter.drawPolygon(QPolygonF([tip, tip - HEAD * back + HEAD * 0.45 * side,
                                       tip - HEAD * back - HEAD * 0.45 * side]))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _arrow(self, painter, start: QPointF, end: QPointF, bent: bool, text: str) -> None:
        along = _unit(end.x() - start.x(), end.y() - start.y())
        normal = QPointF(along.y(), -along.x())
        length = math.hypot(end.x() - start.x(), end.y() - start.y())
        control = (start + end) / 2 + normal * (BEND * length if bent else 0.0)
        a = start + RADIUS * _unit(control.x() - start.x(), control.y() - start.y())
        b = end + RADIUS * _unit(control.x() - end.x(), control.y() - end.y())
        path = QPainterPath(a)
        path.quadTo(control, b)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        self._head(painter, b, path.pointAtPercent(0.9))
        middle = path.pointAtPercent(0.5)
        self._label(painter, middle + normal * painter.fontMetrics().height() * 1.2, text)

    def _loop(self, painter, place: QPointF, centre: QPointF, text: str) -> None:
        out = _unit(place.x() - centre.x(), place.y() - centre.y())
        if place == centre:
            out = QPointF(1, 0)
        side = QPointF(-out.y(), out.x())
        a = place + RADIUS * (0.8 * out + 0.6 * side)
        b = place + RADIUS * (0.8 * out - 0.6 * side)
        far = place + LOOP * RADIUS * out
        path = QPainterPath(a)
        path.cubicTo(far + RADIUS * side, far - RADIUS * side, b)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        self._head(painter, b, path.pointAtPercent(0.9))
        lines = text.count("\n") + 1
        reach = LOOP * RADIUS + painter.fontMetrics().height() * (lines / 2 + 0.4)
        self._label(painter, place + reach * out, text)

    def _start_arrow(self, painter, place: QPointF) -> None:
        """From above: loops go out sideways, away from the middle (or right, alone)."""
        tip = place - QPointF(0, RADIUS)
        tail = tip - QPointF(0, 1.6 * RADIUS)
        painter.drawLine(tail, tip)
        self._head(painter, tip, tail)
        self._label(painter, tail - QPointF(0, 0.6 * painter.fontMetrics().height()),
                    self._start)
