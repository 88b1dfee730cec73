"""The Insight tab: where the model goes wrong, what it holds after each step, how far it stretches.

Three views over one model. The error map shows every pair (row a, column b) coloured by how
many sum bits the model gets wrong; hovering names the pair, clicking sends it to the
calculator. The state view shows h and c of every unit after every step for the calculator's
pair, and, for a paired-lsb model, the unit that carries. The width view runs the same
weights on 8- to 64-bit numbers. The map, the carry unit and the width table are computed by
core on the engine pool (gui.tasks), once per engine, and cancelled when the model is
replaced; the state view re-runs one pair on the GUI thread (numpy, a fraction of a
millisecond). The widgets only draw.

    python -m gui.insight [model.keras]   # writes docs/insight-map.png (trains a carry model if
                                          # no model is given)
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import insight
from core.engine import Engine
from gui import open_models
from gui.tasks import Task

MAP_COLORS = "inferno"  # 0 wrong bits is black; more is brighter
STATE_COLORS = "CET-D1"  # diverging: blue negative, white zero, red positive
CARRY_COLOR, TRUE_CARRY_COLOR = "#ffb000", "#bdbdbd"
MARK_PEN = pg.mkPen("#00e5ff", width=2)
CARRY_PEN = pg.mkPen(CARRY_COLOR, width=2)
TRUE_CARRY_PEN = pg.mkPen(TRUE_CARRY_COLOR, width=2, style=Qt.PenStyle.DashLine)
BAR_BRUSH = pg.mkBrush("#4fc3f7")
DEFAULT_PAIR = (157, 113)  # the tutorial's example, clamped to the model's range
SCREENSHOT = "docs/insight-map.png"
SPLIT = [11, 9]  # the map and its side over the state view, as parts of the height


@dataclass
class _Found:
    """What the tab has computed for one engine (kept while the engine lives)."""

    report: object = None  # core.evaluation.Report
    carry: object = None  # core.insight.CarryUnit
    widths: list | None = None  # core.insight.WidthRow per width


def _carry_stage(engine: Engine, cancel):
    return insight.carry_unit(engine, min(engine.bits, insight.MAP_MAX_BITS))


def _width_stage(engine: Engine, cancel):
    rows = insight.width_table(engine, stop=cancel.is_set)
    return None if cancel.is_set() else rows


def _static_plot(plot: pg.PlotItem) -> pg.PlotItem:
    """A plot that is looked at, not navigated."""
    plot.setMouseEnabled(False, False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    return plot


class _MapImage(pg.ImageItem):
    """The error map's image; reports hover and left clicks in its own (b, a) coordinates."""

    hovered = Signal(float, float)
    left = Signal()
    clicked = Signal(float, float)

    def hoverEvent(self, ev):  # noqa: N802 - pyqtgraph's name
        if ev.isExit():
            self.left.emit()
            return
        ev.acceptClicks(Qt.MouseButton.LeftButton)
        self.hovered.emit(ev.pos().x(), ev.pos().y())

    def mouseClickEvent(self, ev):  # noqa: N802 - pyqtgraph's name
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.clicked.emit(ev.pos().x(), ev.pos().y())


class _Heatmap:
    """One units x steps state image with its colour bar, step labels and a row marker."""

    def __init__(self, plot: pg.PlotItem, title: str):
        self.plot = _static_plot(plot)
        plot.setTitle(title)
        plot.invertY(True)
        plot.setLabel("left", "unit")
        self.image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(-1, 1), colorMap=pg.colormap.get(STATE_COLORS),
                                   interactive=False, width=10, colorMapMenu=False)
        self.bar.setImageItem(self.image, insert_in=plot)
        self.marker = pg.PlotDataItem(pen=CARRY_PEN)
        plot.addItem(self.marker)
        plot.getAxis("bottom").setHeight(48)

    def show(self, values: np.ndarray, labels: list[str], marked: int | None) -> None:
        top = max(1.0, float(np.abs(values).max()))
        self.image.setImage(values, autoLevels=False)
        self.bar.setLevels((-top, top))
        units, steps = values.shape
        self.plot.getAxis("bottom").setTicks([[(t + 0.5, s) for t, s in enumerate(labels)]])
        self.plot.getAxis("left").setTicks(
            [[(u + 0.5, str(u)) for u in range(0, units, max(1, units // 8))]])
        self.plot.setRange(xRange=(0, steps), yRange=(0, units), padding=0)
        if marked is None:
            self.marker.setData([], [])
        else:
            self.marker.setData([0, steps, steps, 0, 0],
                                [marked, marked, marked + 1, marked + 1, marked])


class InsightTab(QWidget):
    """Error map, state view and width table for the current model."""

    pair_clicked = Signal(int, int)
    computed = Signal()  # the current model's insight is complete (or failed)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._engine: Engine | None = None
        self._found = _Found()  # what is known about the engine on show
        self._kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> _Found
        self._job = 0  # tags the tasks of the current engine; older answers are dropped
        self._task: Task | None = None
        self._pair = DEFAULT_PAIR
        self._watching = False  # showing a model in training (show_watched)
        self._build()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self._map_view = pg.GraphicsLayoutWidget()
        self._map_view.setMinimumSize(300, 260)
        plot = self._map_plot = _static_plot(self._map_view.addPlot())
        plot.setTitle("wrong bits for every pair")
        plot.setLabel("left", "a")
        plot.setLabel("bottom", "b")
        plot.invertY(True)
        plot.setAspectLocked(True)
        self._map = _MapImage(axisOrder="row-major")
        plot.addItem(self._map)
        self._map_bar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get(MAP_COLORS),
                                        interactive=False, width=12, colorMapMenu=False,
                                        label="wrong bits")
        self._map_bar.setImageItem(self._map, insert_in=plot)
        self._mark = pg.ScatterPlotItem(symbol="s", size=12, pen=MARK_PEN, brush=None)
        plot.addItem(self._mark)
        self._map.hovered.connect(self._on_map_hovered)
        self._map.left.connect(self._on_map_left)
        self._map.clicked.connect(self._on_map_clicked)
        self._hover = QLabel("hover over the map to see a pair; click to send it to the "
                             "calculator")

        self._summary = QLabel("no model")
        self._summary.setWordWrap(True)
        self._bits_view = pg.PlotWidget()
        bits = _static_plot(self._bits_view.getPlotItem())
        bits.setTitle("accuracy of each output bit")
        bits.invertX(True)  # most significant bit on the left, as numbers are written
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR_BRUSH)
        bits.addItem(self._bars)

        self._width_note = QLabel()
        self._width_note.setWordWrap(True)
        self._width_table = QTableWidget(0, 3)
        self._width_table.setHorizontalHeaderLabels(["bits", "exact match", "pairs"])
        self._width_table.verticalHeader().hide()
        self._width_table.horizontalHeader().setStretchLastSection(True)
        self._width_table.setMinimumHeight(90)  # scrolls in a small window
        self._width_plot = pg.PlotWidget()
        wide = _static_plot(self._width_plot.getPlotItem())
        wide.setLabel("left", "exact match")
        wide.setLabel("bottom", "bits")
        wide.setYRange(0, 1, padding=0.05)
        wide.getAxis("bottom").setTicks([[(i, str(w)) for i, w in enumerate(insight.WIDTHS)]])
        self._width_curve = wide.plot([], [], pen=CARRY_PEN, symbol="o", symbolBrush=CARRY_COLOR)

        self._state_title = QLabel()
        self._state_view = pg.GraphicsLayoutWidget()
        self._state_view.setMinimumHeight(150)
        self._h = _Heatmap(self._state_view.addPlot(row=0, col=0), "h (hidden state)")
        self._c = _Heatmap(self._state_view.addPlot(row=0, col=1), "c (cell state)")
        self._trace = _static_plot(self._state_view.addPlot(row=0, col=2))
        self._trace.setLabel("bottom", "step")
        self._trace_unit = self._trace.plot([], [], pen=CARRY_PEN, symbol="o",
                                            symbolBrush=CARRY_COLOR)
        self._trace_true = self._trace.plot([], [], pen=TRUE_CARRY_PEN, symbol="t",
                                            symbolBrush=TRUE_CARRY_COLOR)

        map_box = QVBoxLayout()
        map_box.addWidget(self._map_view, 1)
        map_box.addWidget(self._hover)
        side = QVBoxLayout()
        side.addWidget(self._summary)
        self._bits_view.setMinimumHeight(100)
        side.addWidget(self._bits_view, 1)
        wide_group = QGroupBox("wider numbers, same weights")
        wide_box = QVBoxLayout(wide_group)
        wide_box.addWidget(self._width_note, 0, Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.addWidget(self._width_table, 1)
        row.addWidget(self._width_plot, 1)
        wide_box.addLayout(row)
        side.addWidget(wide_group, 1)
        upper, lower = QWidget(), QWidget()
        top = QHBoxLayout(upper)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(map_box, 1)
        top.addLayout(side, 1)
        states = QVBoxLayout(lower)
        states.setContentsMargins(0, 0, 0, 0)
        states.addWidget(self._state_title)
        states.addWidget(self._state_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)  # drag to give the states more room
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes(SPLIT)
        QVBoxLayout(self).addWidget(splitter)

    # --- public -------------------------------------------------------------------------

    def set_engine(self, engine: Engine | None) -> None:
        """Show `engine` (None clears). What was computed for it before is shown at once;
        the rest is computed on the engine pool, and the work for the engine shown before
        is cancelled."""
        if engine is self._engine and not self._watching:
            return
        self._watching = False
        self._cancel()
        self._job += 1
        self._engine = engine
        self._found = _Found() if engine is None else self._kept.setdefault(engine, _Found())
        self._clear()
        if engine is None:
            return
        limit = engine.max_operand
        self._pair = (min(self._pair[0], limit), min(self._pair[1], limit))
        self._found.report = self._found.report or open_models.report_for(engine)
        self._show_found()
        self._next_stage()
        self._show_states()

    def show_watched(self, engine: Engine, report, epoch: int) -> None:
        """Follow a training run ("watch it learn"): `engine` holds this epoch's weights,
        and `report` is the trainer's own judgement of every pair after the epoch
        (EpochMetrics.report), or None for a model it judges on a sample only (then the map
        waits for the trained model). Nothing is computed here: the carry unit and the width
        table come with the finished model."""
        self._cancel()
        self._job += 1
        self._watching = True
        self._engine, self._found = engine, _Found(report)
        self._clear()
        if report is not None:
            self._show_report(report)
            self._summary.setText(f"<b>watching training, epoch {epoch}</b><br>"
                                  + self._summary.text())
        else:
            self._summary.setText(
                f"<b>watching training, epoch {epoch}</b><br>this run judges a sample of "
                "pairs only, so the map waits for the trained model")
        self._width_note.setText("measured on the trained model, when training ends")
        self._show_states()

    def shown_states(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The h and c images on show (units x steps), or None."""
        h, c = self._h.image.image, self._c.image.image
        return None if h is None else (h, c)

    @Slot(object, object)
    def set_pair(self, a: int, b: int) -> None:
        """Show the state for the calculator's pair (ignored if out of the model's range)."""
        if self._engine is not None and not (0 <= a <= self._engine.max_operand
                                             and 0 <= b <= self._engine.max_operand):
            return
        self._pair = (a, b)
        self._mark_pair()
        self._show_states()

    @property
    def busy(self) -> bool:
        """True while the current model's insight is still being computed."""
        return self._task is not None

    def error_map_image(self) -> np.ndarray | None:
        """The wrong-bit matrix on screen (row a, column b), or None before it is computed."""
        report = self._found.report
        shown = report is not None and report.everything
        return self._map.image if shown else None

    def wrong_count(self) -> int | None:
        report = self._found.report
        return None if report is None else report.wrong_count

    def pair_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The pair under map coordinates (x, y) = (column b, row a), or None off the map."""
        image = self.error_map_image()
        if image is None:
            return None
        a, b = int(np.floor(y)), int(np.floor(x))
        side = image.shape[0]
        return (a, b) if 0 <= a < side and 0 <= b < side else None

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel this tab's work and wait for the thread pool (call before the window
        closes); True if no task is left running."""
        self._job += 1  # answers still on their way are dropped
        self._engine, self._found = None, _Found()
        self._cancel()
        return Task.wait_all(timeout_ms)

    # --- background work ----------------------------------------------------------------

    def _next_stage(self) -> None:
        """Start what is still missing for the engine on show, or say it is complete."""
        engine, found = self._engine, self._found
        if found.report is None:
            stage, done = partial(open_models.judged, engine), self._on_judged
        elif engine.encoding.any_length and found.carry is None:
            stage, done = partial(_carry_stage, engine), self._on_carried
        elif engine.encoding.any_length and found.widths is None:
            stage, done = partial(_width_stage, engine), self._on_widened
        else:
            self._task = None
            self.computed.emit()
            return
        self._task = Task.launch(stage, self._job, done, self._on_failed)

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel.set()
            self._task = None

    def _current(self, job: int, result) -> bool:
        return job == self._job and result is not None

    @Slot(object, object)
    def _on_judged(self, job, report) -> None:
        if self._current(job, report):
            self._found.report = report
            self._show_report(report)
            self._next_stage()

    def _show_report(self, report) -> None:
        side = 1 << report.bits
        exact = f"exact match {report.exact:.2%} of {report.count:,} pairs"
        if not report.everything:
            exact += " (random; the map needs every pair, so at most "
            exact += f"{insight.MAP_MAX_BITS} bits)"
        self._summary.setText(f"<b>{exact}</b><br>{report.wrong_count:,} wrong pairs")
        positions = np.arange(len(report.bit_accuracy))
        # zoomed in on the top of the scale, where the bits of a fair model differ
        low = max(0.0, min(0.9, np.floor(report.bit_accuracy.min() * 20) / 20 - 0.05))
        self._bars.setOpts(x=positions, y0=low, height=report.bit_accuracy - low)
        self._bits_view.getPlotItem().setYRange(low, 1, padding=0.02)
        self._bits_view.getPlotItem().getAxis("bottom").setTicks(
            [[(k, f"2^{k}") for k in positions]])
        if not report.everything:
            self._map_plot.setTitle(f"the map shows every pair: at most "
                                    f"{insight.MAP_MAX_BITS}-bit models")
            return
        matrix = report.matrix()
        top = max(1, int(matrix.max()))
        self._map.setImage(matrix, levels=(0, top), autoLevels=False)
        self._map_bar.setLevels((0, top))
        self._map_plot.setRange(xRange=(0, side), yRange=(0, side), padding=0)
        self._map_plot.setTitle(f"wrong bits for every pair ({report.wrong_count:,} of "
                                f"{report.count:,} pairs wrong)")
        self._mark_pair()

    def _show_found(self) -> None:
        """Draw whatever is known about the engine on show."""
        found = self._found
        if found.report is not None:
            self._show_report(found.report)
        if found.widths is not None:
            self._show_widths(found.widths)

    @Slot(object, object)
    def _on_carried(self, job, carry) -> None:
        if self._current(job, carry):
            self._found.carry = carry
            self._show_states()
            self._next_stage()

    @Slot(object, object)
    def _on_widened(self, job, rows) -> None:
        if self._current(job, rows):
            self._found.widths = rows
            self._show_widths(rows)
            self._next_stage()

    def _show_widths(self, rows) -> None:
        self._width_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            judged = f"{row.count:,} ({'all' if row.every_pair else 'random'})"
            for j, text in enumerate([str(row.bits), f"{row.exact:.2%}", judged]):
                self._width_table.setItem(i, j, QTableWidgetItem(text))
        self._width_table.resizeColumnsToContents()
        self._width_curve.setData(np.arange(len(rows)), [r.exact for r in rows])
        self._width_note.setText("This layout reads one bit of each number per step, so the "
                                 "same weights add numbers of any width.")

    @Slot(object, str)
    def _on_failed(self, job, message: str) -> None:
        if job == self._job:
            self._summary.setText(f"could not compute: {message}")
            self._task = None
            self.computed.emit()

    # --- drawing ------------------------------------------------------------------------

    def _clear(self) -> None:
        self._map.clear()
        self._mark.setData([], [])
        self._bars.setOpts(x=[], y0=0, height=[])
        self._summary.setText("computing…" if self._engine is not None else "no model")
        self._width_table.setRowCount(0)
        self._width_curve.setData([], [])
        paired = self._engine is not None and self._engine.encoding.any_length
        self._width_table.setVisible(paired)
        self._width_plot.setVisible(paired)
        self._width_note.setText(
            "computing…" if paired else
            "This model reads all of a, then all of b, most significant bit first: a fixed "
            "number of steps for a fixed width. It cannot be run on wider numbers.")

    def _mark_pair(self) -> None:
        if self.error_map_image() is not None:
            a, b = self._pair
            self._mark.setData([b + 0.5], [a + 0.5])

    def _show_states(self) -> None:
        if self._engine is None:
            return
        a, b = self._pair
        try:
            states = insight.lstm_states(self._engine, a, b)
        except ValueError as exc:  # an LSTM this view cannot re-run
            self._state_title.setText(f"cannot show the state: {exc}")
            return
        labels = states.step_labels()
        carry = self._found.carry
        for view, name in ((self._h, "h"), (self._c, "c")):
            marked = carry.unit if carry is not None and carry.state == name else None
            view.show(getattr(states, name), labels, marked)
        if states.carries is None:
            title = (f"state after each step for {a} + {b}. Under each step: the bit it "
                     "reads. In this layout the carry has no step of its own.")
        elif carry is None:
            when = "once training ends" if self._watching else "…"
            title = f"state after each step for {a} + {b} (finding the carry unit {when})"
        else:
            title = (f"state after each step for {a} + {b}. Under each step: a<sub>t</sub> "
                     f"over b<sub>t</sub>. <b>{carry.describe()}</b> (outlined)")
        self._state_title.setText(title)
        self._trace.setVisible(states.carries is not None)
        if states.carries is not None and carry is not None:
            steps = np.arange(states.steps)
            self._trace.setTitle(
                f"<span style='color:{CARRY_COLOR}'>unit {carry.unit} ({carry.state})</span> "
                f"against <span style='color:{TRUE_CARRY_COLOR}'>the true carry out</span>")
            self._trace_unit.setData(steps, getattr(states, carry.state)[carry.unit])
            self._trace_true.setData(steps, states.carries.astype(float))

    # --- map input ----------------------------------------------------------------------

    @Slot(float, float)
    def _on_map_hovered(self, x: float, y: float) -> None:
        pair = self.pair_at(x, y)
        if pair is not None:
            self._hover.setText(insight.pair_text(self._found.report, *pair))

    @Slot()
    def _on_map_left(self) -> None:
        self._hover.setText("click a pair to send it to the calculator")

    @Slot(float, float)
    def _on_map_clicked(self, x: float, y: float) -> None:
        pair = self.pair_at(x, y)
        if pair is not None:
            self.pair_clicked.emit(*pair)


def _demo(model_path: str | None = None, out: str = SCREENSHOT) -> None:
    """Grab an InsightTab on a real model to `out` (trains an 8-bit carry model if needed)."""
    import sys
    import time
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    if model_path:
        engine, _ = Engine.from_file(model_path)
    else:
        from core.quiet import import_tensorflow
        from core.recipes import get_recipe
        from core.training import train

        import_tensorflow()  # a script: training here blocks no window
        # Five epochs: most pairs right, the rest wrong in a pattern worth seeing (the sixth
        # epoch makes this recipe exactly right, and the map then is plain black).
        result = train(get_recipe("carry", epochs=5))
        engine = result.history[-1].engine
    tab = InsightTab()
    tab.resize(1280, 900)
    tab.show()
    finished = []
    tab.computed.connect(lambda: finished.append(True))  # GUI thread to GUI thread
    tab.set_pair(*DEFAULT_PAIR)
    tab.set_engine(engine)
    while not finished:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    tab.grab().save(out)
    tab.shutdown()
    print(f"saved {out}")


if __name__ == "__main__":
    import sys

    _demo(sys.argv[1] if len(sys.argv) > 1 else None)
