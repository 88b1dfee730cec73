"""The Insight tab: where the model goes wrong, what it holds after each step, how far it stretches.

Three views over one model. The error map shows every pair (row a, column b) coloured by how
many sum bits the model gets wrong; hovering names the pair, clicking sends it to the
calculator. The state view shows h and c of every unit after every step for the calculator's
pair, at the calculator's width (a carry model's weights run at 16 or 32 bits there too), and,
for a paired-lsb model, the unit that carries. The width view runs the same weights on 8- to
64-bit numbers. The map, the carry unit and the width table are computed by
core on the engine pool (gui.tasks), once per engine, and cancelled when the model is
replaced; the state view re-runs one pair on the GUI thread (numpy, a fraction of a
millisecond). The widgets only draw.

Nothing from the model shown before stays on screen: switching models clears the hover line,
the map and its title, the summary and the state title at once, and a view says "computing…"
only while its answer is being computed. A view with nothing to show shows no axes.

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
from gui.state_view import CARRY_COLOR, CARRY_PEN, StateView, every, show_axes, static_plot
from gui.tasks import Task

MAP_COLORS = "inferno"  # 0 wrong bits is black; more is brighter
MARK_PEN = pg.mkPen("#00e5ff", width=2)
BAR_BRUSH = pg.mkBrush("#4fc3f7")
DEFAULT_PAIR = (157, 113)  # the tutorial's example, clamped to the model's range
SCREENSHOT = "docs/insight-map.png"
SPLIT = [11, 9]  # the map and its side over the state view, as parts of the height
MAP_TITLE = "wrong bits for every pair"
HOVER_HINT = "hover over the map to see a pair; click to send it to the calculator"
MAX_BIT_LABELS = 9  # output bits labelled under the accuracy bars


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
        self._failed = False  # the work for the engine on show failed
        self._pair = DEFAULT_PAIR
        self._state_engine: Engine | None = None  # the engine at the calculator's width
        self._watching = False  # showing a model in training (show_watched)
        self._build()
        self._clear()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self._map_view = pg.GraphicsLayoutWidget()
        self._map_view.setMinimumSize(300, 260)
        plot = self._map_plot = static_plot(self._map_view.addPlot())
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
        self._hover = QLabel()
        self._hover.setWordWrap(True)

        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._bits_view = pg.PlotWidget()
        bits = static_plot(self._bits_view.getPlotItem())
        bits.setTitle("accuracy of each output bit")
        bits.invertX(True)  # most significant bit on the left, as numbers are written
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR_BRUSH)
        bits.addItem(self._bars)

        self._width_note = QLabel()
        self._width_note.setWordWrap(True)
        self._width_table = QTableWidget(0, 3)
        self._width_table.setHorizontalHeaderLabels(["bits", "exact", "pairs"])
        self._width_table.verticalHeader().hide()
        self._width_table.horizontalHeader().setStretchLastSection(True)
        self._width_table.setMinimumHeight(90)  # scrolls in a small window
        self._width_plot = pg.PlotWidget()
        wide = static_plot(self._width_plot.getPlotItem())
        wide.setLabel("left", "exact")
        wide.setLabel("bottom", "bits")
        wide.setYRange(0, 1, padding=0.08)
        wide.getAxis("left").setTicks([[(v, f"{v:g}") for v in (0, 0.5, 1)]])
        wide.getAxis("bottom").setTicks([[(i, str(w)) for i, w in enumerate(insight.WIDTHS)]])
        self._width_curve = wide.plot([], [], pen=CARRY_PEN, symbol="o", symbolBrush=CARRY_COLOR)
        self._states = StateView()

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
        row.addWidget(self._width_table, 3)
        row.addWidget(self._width_plot, 2)
        wide_box.addLayout(row)
        side.addWidget(wide_group, 1)
        upper = QWidget()
        top = QHBoxLayout(upper)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(map_box, 1)
        top.addLayout(side, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)  # drag to give the states more room
        splitter.addWidget(upper)
        splitter.addWidget(self._states)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes(SPLIT)
        QVBoxLayout(self).addWidget(splitter)

    # --- public -------------------------------------------------------------------------

    def set_engine(self, engine: Engine | None) -> None:
        """Show `engine` (None clears). What the tab showed for the engine before is cleared
        at once; what was computed for this one before is shown at once, the rest is
        computed on the engine pool, and the work for the engine shown before is
        cancelled."""
        if engine is self._engine and not self._watching:
            return
        self._watching = False
        self._cancel()
        self._job += 1
        self._engine = self._state_engine = engine
        self._found = _Found() if engine is None else self._kept.setdefault(engine, _Found())
        self._clear()
        if engine is None:
            return
        limit = engine.max_operand
        self._pair = (min(self._pair[0], limit), min(self._pair[1], limit))
        self._found.report = self._found.report or open_models.report_for(engine)
        self._show_found()
        self._show_states()
        self._next_stage()

    def show_watched(self, engine: Engine, report, epoch: int) -> None:
        """Follow a training run ("watch it learn"): `engine` holds this epoch's weights,
        and `report` is the trainer's own judgement of every pair after the epoch
        (EpochMetrics.report), or None for a model it judges on a sample only (then the map
        waits for the trained model). Nothing is computed here: the carry unit and the width
        table come with the finished model."""
        self._cancel()
        self._job += 1
        self._watching = True
        self._engine = self._state_engine = engine
        self._found = _Found(report)
        self._clear()
        heading = f"<b>watching training, epoch {epoch}</b><br>"
        if report is not None:
            self._show_report(report)
            self._summary.setText(heading + self._summary.text())
        else:
            self._map_plot.setTitle("no map while training: this run judges a sample only")
            self._summary.setText(heading + "this run judges a sample of pairs only, so the "
                                  "map waits for the trained model")
        if engine.encoding.any_length:
            self._width_note.setText("measured on the trained model, when training ends")
        self._show_states()

    def shown_states(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The h and c images on show (units x steps), or None."""
        return self._states.images()

    def set_pair(self, a: int, b: int, engine: Engine | None = None) -> None:
        """Show the state for the calculator's pair. `engine`: the calculator's engine, when
        it runs the weights on show at another width (the state view follows it). Ignored if
        the pair is out of that engine's range."""
        if self._engine is None:  # no model yet: the pair waits for one
            self._pair = (a, b)
            return
        engine = engine or self._engine
        if not (0 <= a <= engine.max_operand and 0 <= b <= engine.max_operand):
            return
        self._pair, self._state_engine = (a, b), engine
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

    def texts(self) -> dict[str, str]:
        """What the tab says in words: the map's title, the hover line, the summary, the
        state view's title and the width note."""
        return {"title": self._map_plot.titleLabel.text, "hover": self._hover.text(),
                "summary": self._summary.text(), "states": self._states.title.text(),
                "widths": self._width_note.text()}

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

    @Slot(object, str)
    def _on_failed(self, job, message: str) -> None:
        if job == self._job:
            self._task, self._failed = None, True
            self._summary.setText(f"could not compute: {message}")
            if self._found.report is None:
                self._map_plot.setTitle(f"{MAP_TITLE}: could not compute")
            self._show_states()
            self.computed.emit()

    # --- drawing ------------------------------------------------------------------------

    def _clear(self) -> None:
        """Nothing of the model shown before: empty views without axes, and words that say
        what is coming (or that there is no model)."""
        model = self._engine is not None
        self._failed = False
        self._map.clear()
        self._mark.setData([], [])
        self._map_bar.setVisible(False)
        show_axes(self._map_plot, False)
        self._map_plot.setTitle(f"{MAP_TITLE}: computing…" if model else "")
        self._hover.setText(HOVER_HINT if model else "")
        self._summary.setText("computing…" if model else
                              "No model: open one from the File menu, or train one.")
        self._bars.setOpts(x=[], y0=0, height=[])
        show_axes(self._bits_view.getPlotItem(), False)
        self._width_table.setRowCount(0)
        self._width_curve.setData([], [])
        show_axes(self._width_plot.getPlotItem(), False)
        paired = model and self._engine.encoding.any_length
        self._width_table.setVisible(paired)
        self._width_plot.setVisible(paired)
        self._width_note.setText(
            "" if not model else "computing…" if paired else
            "This model reads all of a, then all of b, most significant bit first: a fixed "
            "number of steps for a fixed width. It cannot be run on wider numbers.")
        self._states.clear()

    def _show_found(self) -> None:
        """Draw whatever is known about the engine on show."""
        found = self._found
        if found.report is not None:
            self._show_report(found.report)
        if found.widths is not None:
            self._show_widths(found.widths)

    def _show_report(self, report) -> None:
        self._summary.setText(f"<b>exact match {report.exact:.2%} of {report.count:,} "
                              f"pairs</b><br>{report.wrong_count:,} wrong pairs")
        self._show_bits(report.bit_accuracy)
        if not report.everything:
            self._map_plot.setTitle(f"no map: it shows every pair, so at most "
                                    f"{insight.MAP_MAX_BITS}-bit models")
            return
        side = 1 << report.bits
        matrix = report.matrix()
        top = max(1, int(matrix.max()))
        self._map.setImage(matrix, levels=(0, top), autoLevels=False)
        self._map_bar.setLevels((0, top))
        self._map_bar.setVisible(True)
        show_axes(self._map_plot, True)
        self._map_plot.setRange(xRange=(0, side), yRange=(0, side), padding=0)
        self._map_plot.setTitle(MAP_TITLE)
        self._mark_pair()

    def _show_bits(self, accuracy: np.ndarray) -> None:
        """One bar per output bit, zoomed in on the top of the scale, where the bits of a
        fair model differ; two accuracy labels and at most MAX_BIT_LABELS bit labels, so
        that none overlaps however small the plot."""
        positions = np.arange(len(accuracy))
        low = max(0.0, min(0.9, np.floor(accuracy.min() * 20) / 20 - 0.05))
        plot = self._bits_view.getPlotItem()
        self._bars.setOpts(x=positions, y0=low, height=accuracy - low)
        plot.setYRange(low, 1, padding=0.02)
        plot.getAxis("left").setTicks([[(v, f"{v:.2f}") for v in (low, 1.0)]])
        k = every(len(positions), MAX_BIT_LABELS)
        plot.getAxis("bottom").setTicks([[(p, f"2^{p}") for p in positions if p % k == 0]])
        show_axes(plot, True)

    def _show_widths(self, rows) -> None:
        self._width_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            judged = f"{row.count:,} {'(all)' if row.every_pair else 'random'}"
            for j, text in enumerate([str(row.bits), f"{row.exact:.2%}", judged]):
                self._width_table.setItem(i, j, QTableWidgetItem(text))
        self._width_table.resizeColumnsToContents()
        self._width_curve.setData(np.arange(len(rows)), [r.exact for r in rows])
        show_axes(self._width_plot.getPlotItem(), True)
        self._width_note.setText("This layout reads one bit of each number per step, so the "
                                 "same weights add numbers of any width.")

    def _mark_pair(self) -> None:
        image = self.error_map_image()
        a, b = self._pair
        inside = image is not None and a < image.shape[0] and b < image.shape[0]
        self._mark.setData([b + 0.5] if inside else [], [a + 0.5] if inside else [])

    def _carry_missing(self) -> str:
        """Why the carry unit is not on show yet, in words."""
        if self._watching:
            return "the carry unit is looked for once training ends"
        if self._failed:
            return "the carry unit could not be found"
        return "finding the carry unit…"

    def _show_states(self) -> None:
        if self._state_engine is None:
            self._states.clear()
            return
        self._states.show_pair(self._state_engine, *self._pair, self._found.carry,
                               self._carry_missing(), self._engine.bits)

    # --- map input ----------------------------------------------------------------------

    @Slot(float, float)
    def _on_map_hovered(self, x: float, y: float) -> None:
        pair = self.pair_at(x, y)
        if pair is not None:
            self._hover.setText(insight.pair_text(self._found.report, *pair))

    @Slot()
    def _on_map_left(self) -> None:
        self._hover.setText(HOVER_HINT)

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
