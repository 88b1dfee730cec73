"""The bit grid: one pair's addition, column by column, as the network saw it.

One column per sum bit, headed 2^k (k alone when the cells are narrow), most significant on
the left (n + 1 columns for n-bit operands). Rows, top to bottom:

    A, B        the operands (n bits each: the 2^n column is empty for them)
    Carry       the true carry flowing into each column
    Predicted   the network's bit, the cell shaded by P(bit = 1), the digit written in it
    True        the true sum bit

Columns where Predicted differs from True are outlined in red. The grid only paints what
core's `Answer` holds; it does no bit arithmetic of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

ROWS = [("a", "A"), ("b", "B"), ("carry", "Carry"), ("predicted", "Predicted"),
        ("true", "True")]
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

MARGIN = 14
LABEL_POINTS = 13.0  # row titles and decimal values
MIN_CELL, MAX_CELL, PREFERRED_CELL = 20, 64, 54
RULE_GAP = 0.35  # space above the Predicted row, in cells (the line under a written sum)

BACKGROUND = QColor("#ffffff")
TEXT = QColor("#1f2933")
FAINT = QColor("#9aa5b1")
RED = QColor("#d1242f")
ZERO = (QColor("#f4f6f8"), QColor("#9aa5b1"))  # (fill, digit)
ONES = {
    "a": (QColor("#dde8f6"), QColor("#1d3a5f")),
    "b": (QColor("#dde8f6"), QColor("#1d3a5f")),
    "carry": (QColor("#fce8c3"), QColor("#8a5300")),
    "true": (QColor("#d6f0dc"), QColor("#14532d")),
}
CERTAIN_ONE = QColor("#1f5fbf")  # a Predicted cell at P(1) = 1; P(1) = 0 is ZERO's fill


def _blend(low: QColor, high: QColor, t: float) -> QColor:
    t = min(max(t, 0.0), 1.0)
    return QColor.fromRgbF(*(lo + (hi - lo) * t for lo, hi in zip(
        low.getRgbF()[:3], high.getRgbF()[:3], strict=True)))


def _power(k: int) -> str:
    return "2" + str(k).translate(SUPERSCRIPT)


class BitGrid(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bit_grid")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._answer = None
        self._message = "No model"

    # -- what it shows ----------------------------------------------------------------------

    def set_answer(self, answer) -> None:
        """Show a core.inference.Answer (None: show the message instead)."""
        self._answer = answer
        self.update()

    def set_message(self, text: str) -> None:
        """Clear the grid and show `text` in its place."""
        self._answer, self._message = None, text
        self.update()

    def rows(self) -> dict[str, list[int]]:
        """Each row as 0/1 most significant first: a and b have n entries, the rest n + 1."""
        if self._answer is None:
            return {key: [] for key, _ in ROWS}
        ans = self._answer
        arrays = {"a": ans.a_bits, "b": ans.b_bits, "carry": ans.carries,
                  "predicted": ans.predicted_bits, "true": ans.true_bits}
        return {key: [int(bit) for bit in arrays[key][::-1]] for key, _ in ROWS}

    def mismatches(self) -> list[int]:
        """The k (for 2^k) of the columns where Predicted differs from True, ascending."""
        return [] if self._answer is None else list(self._answer.mismatches)

    def probabilities(self) -> list[float]:
        """P(bit = 1) for each Predicted cell, most significant first."""
        if self._answer is None:
            return []
        return [float(p) for p in self._answer.probabilities[::-1]]

    # -- geometry ---------------------------------------------------------------------------

    def _columns(self) -> int:
        return self._answer.bits + 1 if self._answer is not None else 9

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(LABEL_POINTS)
        return font

    def _side_widths(self) -> tuple[int, int]:
        metrics = QFontMetrics(self._label_font())
        widest = 2 * ((1 << self._answer.bits) - 1) if self._answer is not None else 510
        return (metrics.horizontalAdvance("Predicted") + 18,
                metrics.horizontalAdvance(f"= {widest}") + 22)

    def _layout(self) -> tuple[float, float, float, float]:
        """(cell size, left of the first column, top of the header, header height)."""
        left_w, right_w = self._side_widths()
        columns = self._columns()
        width = self.width() - 2 * MARGIN - left_w - right_w
        height = self.height() - 2 * MARGIN
        cell = min(width / columns, height / (len(ROWS) + RULE_GAP + 0.7))
        cell = max(MIN_CELL, min(MAX_CELL, cell))
        header = 0.7 * cell
        used_w = left_w + columns * cell + right_w
        used_h = header + (len(ROWS) + RULE_GAP) * cell
        x0 = (self.width() - used_w) / 2 + left_w
        y0 = (self.height() - used_h) / 2
        return cell, x0, y0, header

    def _row_top(self, row: int, cell: float, y0: float, header: float) -> float:
        gap = RULE_GAP * cell if row >= 3 else 0.0
        return y0 + header + row * cell + gap

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        left_w, right_w = self._side_widths()
        cell = PREFERRED_CELL
        return QSize(int(left_w + right_w + self._columns() * cell + 2 * MARGIN),
                     int((len(ROWS) + RULE_GAP + 0.7) * cell + 2 * MARGIN))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        left_w, right_w = self._side_widths()
        return QSize(int(left_w + right_w + self._columns() * MIN_CELL + 2 * MARGIN),
                     int((len(ROWS) + 1) * MIN_CELL + 2 * MARGIN))

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        if self._answer is None:
            painter.setPen(FAINT)
            painter.setFont(self._label_font())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._message)
            return
        cell, x0, y0, header = self._layout()
        rows, columns = self.rows(), self._columns()
        self._paint_header(painter, cell, x0, y0, header, columns)
        for index, (key, title) in enumerate(ROWS):
            top = self._row_top(index, cell, y0, header)
            self._paint_row_title(painter, title, x0, top, cell)
            values = rows[key]
            offset = columns - len(values)  # A and B start one column in
            for i, bit in enumerate(values):
                rect = QRectF(x0 + (i + offset) * cell, top, cell, cell)
                self._paint_cell(painter, key, bit, i + offset, rect)
            self._paint_value(painter, key, x0 + columns * cell, top, cell)
        rule_y = self._row_top(3, cell, y0, header) - RULE_GAP * cell / 2
        painter.setPen(QPen(TEXT, 1.5))
        painter.drawLine(int(x0), int(rule_y), int(x0 + columns * cell), int(rule_y))
        self._paint_mismatches(painter, cell, x0, y0, header, columns)

    def _paint_header(self, painter, cell, x0, y0, header, columns) -> None:
        font = self._label_font()
        font.setPointSizeF(max(8.0, cell * 0.24))
        painter.setFont(font)
        # Narrow cells (32-bit operands in a small window) get the exponent k alone.
        powers = QFontMetrics(font).horizontalAdvance(_power(columns - 1)) <= 0.8 * cell
        if not powers:
            painter.setPen(FAINT)
            rect = QRectF(MARGIN, y0, x0 - MARGIN - 10, header)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             "bit")
        wrong = set(self.mismatches())
        for i in range(columns):
            k = columns - 1 - i
            painter.setPen(RED if k in wrong else FAINT)
            rect = QRectF(x0 + i * cell, y0, cell, header)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, _power(k) if powers else str(k))

    def _paint_row_title(self, painter, title, x0, top, cell) -> None:
        painter.setFont(self._label_font())
        painter.setPen(TEXT)
        rect = QRectF(MARGIN, top, x0 - MARGIN - 10, cell)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, title)

    def _paint_cell(self, painter, key, bit, column, rect: QRectF) -> None:
        inner = rect.adjusted(2, 2, -2, -2)
        font = QFont(self.font())
        font.setBold(True)
        if key == "predicted":
            p = self.probabilities()[column]
            fill = _blend(ZERO[0], CERTAIN_ONE, p)
            digit = QColor("#ffffff") if p >= 0.5 else TEXT
        else:
            fill, digit = ONES[key] if bit else ZERO
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(inner, 5, 5)
        scale = 0.34 if key == "carry" else 0.44
        font.setPointSizeF(max(7.0, rect.height() * scale))
        painter.setFont(font)
        painter.setPen(digit)
        if key == "predicted" and rect.height() >= 34:
            digit_rect = inner.adjusted(0, 0, 0, -inner.height() * 0.22)
            painter.drawText(digit_rect, Qt.AlignmentFlag.AlignCenter, str(bit))
            small = QFont(self.font())
            small.setPointSizeF(max(6.5, rect.height() * 0.16))
            painter.setFont(small)
            p_rect = inner.adjusted(0, inner.height() * 0.58, 0, -2)
            painter.drawText(p_rect, Qt.AlignmentFlag.AlignCenter, f"{p:.2f}")
        else:
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, str(bit))

    def _paint_value(self, painter, key, x, top, cell) -> None:
        ans = self._answer
        value = {"a": ans.a, "b": ans.b, "predicted": ans.predicted, "true": ans.true}.get(key)
        if value is None:
            return
        painter.setFont(self._label_font())
        painter.setPen(RED if key == "predicted" and not ans.correct else TEXT)
        rect = QRectF(x + 12, top, self.width() - x - 12, cell)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"= {value}")

    def _paint_mismatches(self, painter, cell, x0, y0, header, columns) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(RED, 3))
        bottom = self._row_top(len(ROWS) - 1, cell, y0, header) + cell
        for k in self.mismatches():
            i = columns - 1 - k
            painter.drawRoundedRect(QRectF(x0 + i * cell, y0, cell, bottom - y0), 7, 7)

    # -- tooltips ---------------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._answer is not None:
            text = self._tooltip_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _tooltip_at(self, x: float, y: float) -> str:
        cell, x0, y0, header = self._layout()
        column = int((x - x0) // cell)
        if not 0 <= column < self._columns() or y < y0:
            return ""
        k = self._columns() - 1 - column
        p = self.probabilities()[column]
        predicted = self.rows()["predicted"][column]
        verdict = "wrong" if k in self.mismatches() else "right"
        return f"bit 2^{k}: P(1) = {p:.3f}, predicted {predicted} ({verdict})"
