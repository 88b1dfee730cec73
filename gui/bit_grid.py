"""The bit grid: one pair's addition, column by column, as the network saw it.

One column per sum bit, headed 2^k (k alone when the cells are narrow), most significant on
the left (n + 1 columns for n-bit operands). Rows, top to bottom:

    A, B        the operands (n bits each: the 2^n column is empty for them)
    Carry       the true carry flowing into each column
    Predicted   the network's bit, the cell shaded by P(bit = 1), the digit written in it
    True        the true sum bit

Columns where Predicted differs from True are outlined in red. The grid only paints what
core's `Answer` holds; it does no bit arithmetic of its own.

Wide sums wrap. 33 columns in one line (32-bit operands) leave cells too narrow for their
headers and probabilities, and most of the widget empty, so the columns are cut into bands of
8 bits (or 16, 32, ...: whichever gives the biggest cells in the widget's shape), stacked top
to bottom, each with all five rows. Bands are right-aligned, 2^0 under 2^8 under 2^16, and
the carry-out column 2^n joins the top band, as 2^8 does in an 8-bit grid: an 8-bit sum is
one band of 9 columns, as it always was.

The row titles, the tooltips and the message are translated as they are painted, so a switch
of language (gui.i18n) needs only a repaint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from lstm_adder.gui.i18n import Retranslating

ROWS = [("a", QT_TRANSLATE_NOOP("BitGrid", "A")), ("b", QT_TRANSLATE_NOOP("BitGrid", "B")),
        ("carry", QT_TRANSLATE_NOOP("BitGrid", "Carry")),
        ("predicted", QT_TRANSLATE_NOOP("BitGrid", "Predicted")),
        ("true", QT_TRANSLATE_NOOP("BitGrid", "True"))]
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

MARGIN = 14
LABEL_POINTS = 13.0  # row titles and decimal values
MIN_CELL, MAX_CELL, PREFERRED_CELL = 20, 64, 54
PROBABILITY_CELL = 30  # the smallest cell that has room for P(1) under its digit
RULE_GAP = 0.35  # space above the Predicted row, in cells (the line under a written sum)
HEADER = 0.7  # height of a band's column headers, in cells
BAND = HEADER + len(ROWS) + RULE_GAP  # height of a band, in cells
BAND_GAP = 0.45  # space between bands, in cells
BAND_BITS = 8  # the narrowest band; wider ones double it
HINT_BAND_BITS = 16  # bands assumed by the size hints
HEADER_POINTS = LABEL_POINTS  # column headers read as the row titles do, at any width...
HEADER_SCALE = 0.42  # ...unless the cells are smaller than HEADER_POINTS / HEADER_SCALE px
MIN_HEADER_POINTS = 7.0

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


def _bands(bits: int, band_bits: int) -> list[list[int]]:
    """The columns k = bits..0 (for 2^k) cut into bands of band_bits, most significant band
    and column first. The carry-out column joins the band below it when it would otherwise
    be alone: bits = 16, band_bits = 8 gives [[16, 15, ..., 8], [7, ..., 0]]."""
    top = max(0, (bits - 1) // band_bits)
    bands: list[list[int]] = [[] for _ in range(top + 1)]
    for k in range(bits, -1, -1):
        bands[top - min(k // band_bits, top)].append(k)
    return bands


def _cells_high(bands: list[list[int]]) -> float:
    """The height of a stack of bands, in cells."""
    return len(bands) * BAND + (len(bands) - 1) * BAND_GAP


def _band_choices(bits: int) -> list[list[list[int]]]:
    """Every way to band `bits`, fewest bands first: one band, then 32, 16, 8 bits each."""
    widths, width = [], BAND_BITS
    while width < bits:
        widths.append(width)
        width *= 2
    return [_bands(bits, w) for w in [max(bits, 1), *reversed(widths)]]


@dataclass(frozen=True)
class _Geometry:
    """Where everything goes: bands right-aligned on one right edge, stacked from the top."""

    cell: float
    x0: float  # left of the widest band's first column
    tops: list[float]  # top of each band (its header)
    bands: list[list[int]]  # the k of each band's columns, most significant first
    columns: int  # columns in the widest band

    def x(self, band: int, k: int) -> float:
        """Left of column 2^k, which is in bands[band]."""
        return self.x0 + (self.columns - 1 - (k - self.bands[band][-1])) * self.cell

    def row_top(self, band: int, row: int) -> float:
        gap = RULE_GAP * self.cell if row >= 3 else 0.0
        return self.tops[band] + (HEADER + row) * self.cell + gap

    def bottom(self, band: int) -> float:
        return self.row_top(band, len(ROWS))

    def band_at(self, y: float) -> int | None:
        for band, top in enumerate(self.tops):
            if top <= y < self.bottom(band):
                return band
        return None


class BitGrid(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bit_grid")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._answer = None
        self._message = ""  # shown in place of an answer; "" for "No model"

    # -- what it shows ----------------------------------------------------------------------

    def set_answer(self, answer) -> None:
        """Show a core.engine.Answer (None: show the message instead)."""
        new_width = self._bits() != (answer.bits if answer is not None else None)
        self._answer = answer
        if new_width:
            self.updateGeometry()  # the size hints follow the operand width
        self.update()

    def set_message(self, text: str) -> None:
        """Clear the grid and show `text` (in the words of the moment) in its place."""
        self._message = text
        self.set_answer(None)

    def retranslate(self) -> None:
        self.updateGeometry()  # the row titles' width is part of the size hints
        self.update()

    def message(self) -> str:
        """What the grid says in place of an answer."""
        return self._message or self.tr("No model")

    def rows(self) -> dict[str, list[int]]:
        """Each row as 0/1 most significant first: a and b have n entries, the rest n + 1."""
        return {key: bits[::-1] for key, bits in self._bits_lsb_first().items()}

    def mismatches(self) -> list[int]:
        """The k (for 2^k) of the columns where Predicted differs from True, ascending."""
        return [] if self._answer is None else list(self._answer.mismatches)

    def probabilities(self) -> list[float]:
        """P(bit = 1) for each Predicted cell, most significant first."""
        if self._answer is None:
            return []
        return [float(p) for p in self._answer.probabilities[::-1]]

    def bands(self) -> list[list[int]]:
        """The k (for 2^k) of each band's columns at the current size, top band first."""
        return self._geometry().bands

    def header_point_size(self) -> float:
        """The column headers' point size at the current size: HEADER_POINTS unless the
        cells are too small for it."""
        cell = self._geometry().cell
        return max(MIN_HEADER_POINTS, min(HEADER_POINTS, cell * HEADER_SCALE))

    def header_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self.header_point_size())
        return font

    def _bits(self) -> int | None:
        return None if self._answer is None else self._answer.bits

    def _bits_lsb_first(self) -> dict[str, list[int]]:
        if self._answer is None:
            return {key: [] for key, _ in ROWS}
        ans = self._answer
        arrays = {"a": ans.a_bits, "b": ans.b_bits, "carry": ans.carries,
                  "predicted": ans.predicted_bits, "true": ans.true_bits}
        return {key: [int(bit) for bit in arrays[key]] for key, _ in ROWS}

    # -- geometry ---------------------------------------------------------------------------

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(LABEL_POINTS)
        return font

    def _side_widths(self) -> tuple[int, int]:
        metrics = QFontMetrics(self._label_font())
        bits = self._bits() or 8
        titles = max(metrics.horizontalAdvance(self.tr(title)) for _, title in ROWS)
        return (titles + 18,
                metrics.horizontalAdvance(f"= {2 * ((1 << bits) - 1)}") + 22)

    def _geometry(self) -> _Geometry:
        """The banding with the biggest cells in the widget's shape (fewest bands on a tie),
        centred."""
        left_w, right_w = self._side_widths()
        width = self.width() - 2 * MARGIN - left_w - right_w
        height = self.height() - 2 * MARGIN

        def fit(bands: list[list[int]]) -> float:
            columns = max(len(band) for band in bands)
            return min(width / columns, height / _cells_high(bands), MAX_CELL)

        bands = max(_band_choices(self._bits() or 8), key=fit)
        cell = max(MIN_CELL, fit(bands))
        columns = max(len(band) for band in bands)
        x0 = (self.width() - left_w - columns * cell - right_w) / 2 + left_w
        y0 = (self.height() - _cells_high(bands) * cell) / 2
        tops = [y0 + i * (BAND + BAND_GAP) * cell for i in range(len(bands))]
        return _Geometry(cell, x0, tops, bands, columns)

    def _hint(self, cell: float) -> QSize:
        left_w, right_w = self._side_widths()
        bands = _bands(self._bits() or 8, HINT_BAND_BITS)
        columns = max(len(band) for band in bands)
        return QSize(int(left_w + right_w + columns * cell + 2 * MARGIN),
                     int(_cells_high(bands) * cell + 2 * MARGIN))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._hint(PREFERRED_CELL)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._hint(MIN_CELL)

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        if self._answer is None:
            painter.setPen(FAINT)
            painter.setFont(self._label_font())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message())
            return
        geo = self._geometry()
        bits = self._bits_lsb_first()
        for band in range(len(geo.bands)):
            self._paint_band(painter, geo, band, bits)

    def _paint_band(self, painter, geo: _Geometry, band: int, bits) -> None:
        """One band: its headers, its five rows (values beside the top band only), the rule
        above Predicted, and red outlines round its wrong columns."""
        cell, columns = geo.cell, geo.bands[band]
        self._paint_header(painter, geo, band)
        for row, (key, title) in enumerate(ROWS):
            top = geo.row_top(band, row)
            self._paint_row_title(painter, self.tr(title), geo.x0, top, cell)
            for k in columns:
                if k < len(bits[key]):  # A and B have no 2^n cell
                    rect = QRectF(geo.x(band, k), top, cell, cell)
                    self._paint_cell(painter, key, bits[key][k], k, rect)
            if band == 0:
                self._paint_value(painter, key, geo.x0 + geo.columns * cell, top, cell)
        left, right = geo.x(band, columns[0]), geo.x(band, columns[-1]) + cell
        rule_y = geo.row_top(band, 3) - RULE_GAP * cell / 2
        painter.setPen(QPen(TEXT, 1.5))
        painter.drawLine(int(left), int(rule_y), int(right), int(rule_y))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(RED, 3))
        top, height = geo.tops[band], geo.bottom(band) - geo.tops[band]
        for k in set(self.mismatches()) & set(columns):
            painter.drawRoundedRect(QRectF(geo.x(band, k), top, cell, height), 7, 7)

    def _paint_header(self, painter, geo: _Geometry, band: int) -> None:
        font = self.header_font()
        painter.setFont(font)
        cell, top, header = geo.cell, geo.tops[band], HEADER * geo.cell
        # Narrow cells (a small window) get the exponent k alone.
        powers = QFontMetrics(font).horizontalAdvance(_power(self._bits())) <= 0.8 * cell
        if not powers:
            painter.setPen(FAINT)
            rect = QRectF(MARGIN, top, geo.x0 - MARGIN - 10, header)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("bit"))
        wrong = set(self.mismatches())
        for k in geo.bands[band]:
            painter.setPen(RED if k in wrong else FAINT)
            rect = QRectF(geo.x(band, k), top, cell, header)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, _power(k) if powers else str(k))

    def _paint_row_title(self, painter, title, x0, top, cell) -> None:
        painter.setFont(self._label_font())
        painter.setPen(TEXT)
        rect = QRectF(MARGIN, top, x0 - MARGIN - 10, cell)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, title)

    def _paint_cell(self, painter, key, bit, k, rect: QRectF) -> None:
        inner = rect.adjusted(2, 2, -2, -2)
        font = QFont(self.font())
        font.setBold(True)
        if key == "predicted":
            p = float(self._answer.probabilities[k])
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
        if key == "predicted" and rect.height() >= PROBABILITY_CELL:
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
        geo = self._geometry()
        band = geo.band_at(y)
        if band is None:
            return ""
        column = int((x - geo.x0) // geo.cell)
        k = geo.bands[band][-1] + geo.columns - 1 - column
        if k not in geo.bands[band]:
            return ""
        p = float(self._answer.probabilities[k])
        predicted = int(self._answer.predicted_bits[k])
        if k in self.mismatches():
            text = self.tr("bit 2^{k}: P(1) = {p}, predicted {bit} (wrong)")
        else:
            text = self.tr("bit 2^{k}: P(1) = {p}, predicted {bit} (right)")
        return text.format(k=k, p=f"{p:.3f}", bit=predicted)
