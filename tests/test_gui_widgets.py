"""The widgets on their own, without the main window: the training plots (loss-axis labels,
where epochs sit, the readout, the legends), the bit grid's bands, and the spin boxes' range
hint. Expected values come from Python integers and plain arithmetic, not from the widgets."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QToolTip

from lstm_adder.core.engine import Answer
from lstm_adder.core.training import BatchProgress, EpochMetrics
from lstm_adder.gui.bit_grid import BitGrid
from lstm_adder.gui.plots import MIN_LABEL_GAP, READOUT_HINT, TrainingPlots
from lstm_adder.gui.wide_spinbox import RangeHintSpinBox, WideSpinBox

BATCHES = 26
EPOCH_CURVES = ("loss", "exact", "bit_accuracy")


def batch(epoch: int, done: int, loss: float = 0.695) -> BatchProgress:
    return BatchProgress(epoch, 3, done, BATCHES, loss, 1.0)


def metrics(epoch: int, loss: float = 0.695, exact: float = 0.25) -> EpochMetrics:
    return EpochMetrics(epoch, loss, None, exact, None, [0.5, 0.75], 100, 2.0 * epoch)


def run_epoch(plots: TrainingPlots, epoch: int, losses=(0.70, 0.69), last: int = BATCHES):
    """Batch reports every 5th batch and at `last`, as core's trainer sends them, for the
    0-based epoch `epoch`; the epoch report follows."""
    done = [*range(5, last, 5), last]
    for i, d in enumerate(done):
        plots.add_batch(batch(epoch, d, losses[0] + (losses[1] - losses[0]) * i / len(done)))
    plots.add_epoch(metrics(epoch + 1, loss=losses[1]))


def x_data(plots: TrainingPlots, key: str) -> list[float]:
    x, _ = plots.curves[key].getData()
    return [] if x is None else [float(v) for v in x]


@pytest.fixture
def plots(qtbot):
    widget = TrainingPlots()
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    return widget


# -- training plots --------------------------------------------------------------------------


def drawn_labels(axis) -> list[str]:
    """The tick labels the axis would draw now (pyqtgraph's own layout of them)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in specs[2]]


def test_loss_axis_labels_a_loss_that_stays_within_one_decade(plots, qtbot):
    run_epoch(plots, 0, (0.700, 0.695))
    run_epoch(plots, 1, (0.695, 0.690))
    plots.flush()
    plots.show()
    qtbot.waitExposed(plots)
    view = plots.loss_plot.getPlotItem().vb
    qtbot.waitUntil(lambda: view.viewRange()[0][1] >= 2)  # laid out and auto-ranged
    axis = plots.loss_plot.getAxis("left")
    labels = drawn_labels(axis)
    assert len(labels) >= 2
    assert len(set(labels)) == len(labels)  # told apart, not "0.7" twice
    low, high = (10 ** v for v in view.viewRange()[1])
    assert all(low <= float(label) <= high for label in labels)


def test_loss_axis_labels_narrow_ranges_with_distinct_values(plots):
    axis = plots.loss_plot.getAxis("left")
    for low, high in ((0.69, 0.70), (0.6931, 0.6932), (12.1, 12.4)):
        levels = axis.tickValues(math.log10(low), math.log10(high), 250)
        values = [v for _, level in levels for v in level]
        strings = axis.tickStrings(values, 1.0, levels[0][0])
        assert len(strings) >= 2 and len(set(strings)) == len(strings)
        assert all(low <= float(s) <= high for s in strings)


def test_loss_axis_keeps_decade_ticks_on_a_wide_range(plots):
    axis = plots.loss_plot.getAxis("left")
    levels = axis.tickValues(-3.0, 0.0, 250)
    assert levels[0][1] == [-3.0, -2.0, -1.0, 0.0]  # 0.001, 0.01, 0.1, 1


def test_loss_labels_never_crowd_the_top_of_a_decade(plots):
    """0.6, 0.7, 0.8 and 0.9 sit a few pixels apart on a short axis: some give way."""
    axis = plots.loss_plot.getAxis("left")
    size = 120  # pixels
    low, high = math.log10(0.15), math.log10(0.95)
    values = sorted(v for _, level in axis.tickValues(low, high, size) for v in level)
    gaps = [(b - a) * size / (high - low) for a, b in zip(values, values[1:], strict=False)]
    assert len(values) >= 2 and min(gaps) >= MIN_LABEL_GAP


def test_empty_plots_show_no_axes_until_the_first_report(plots):
    axes = [plot.getAxis(side) for plot in (plots.loss_plot, plots.accuracy_plot)
            for side in ("left", "bottom")]
    assert not any(axis.isVisible() for axis in axes)
    plots.add_batch(batch(0, 5))
    plots.flush()
    assert all(axis.isVisible() for axis in axes)
    plots.clear()
    assert not any(axis.isVisible() for axis in axes)


def test_finished_epochs_sit_on_whole_numbers(plots):
    for epoch in range(3):
        run_epoch(plots, epoch)
    plots.flush()
    for key in EPOCH_CURVES:
        assert x_data(plots, key) == [1.0, 2.0, 3.0]
    batch_x = x_data(plots, "batch_loss")
    assert [x for x in batch_x if x == int(x)] == [1.0, 2.0, 3.0]  # each epoch's last batch
    assert plots.epoch_positions == [1.0, 2.0, 3.0]


def test_a_stop_mid_epoch_leaves_its_batches_where_they_ran_and_marks_the_stop(plots):
    run_epoch(plots, 0)
    for done in (5, 10, 15):  # stopped after batch 15 of 26 of the second epoch: no epoch
        plots.add_batch(batch(1, done, 0.5))  # report, only its batches (as core sends them)
    plots.mark_stopped(batch(1, 15))
    plots.flush()
    for key in EPOCH_CURVES:
        assert x_data(plots, key) == [1.0]
    assert x_data(plots, "batch_loss")[-1] == pytest.approx(1 + 15 / 26)
    assert plots.stopped_at == pytest.approx(1 + 15 / 26)
    assert all(line.isVisible() and line.value() == pytest.approx(1 + 15 / 26)
               for line in plots._stop_lines)
    assert plots.readout_at(1.6).endswith("stopped here")  # nearer the stop than epoch 1
    assert plots.readout_at(1.1).startswith("epoch 1 ")
    plots.clear()
    assert plots.stopped_at is None and not any(line.isVisible() for line in plots._stop_lines)


def test_a_new_run_clears_the_readout(plots, qtbot):
    run_epoch(plots, 0)
    plots.flush()
    plots.show()
    qtbot.waitExposed(plots)
    view = plots.loss_plot.getPlotItem().vb
    qtbot.waitUntil(lambda: view.viewRange()[0][1] >= 1)
    middle = sum(view.viewRange()[1]) / 2
    plots.loss_plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(1.0, middle)))
    assert plots.readout.text().startswith("epoch 1 ")
    plots.clear()
    assert plots.readout.text() == READOUT_HINT
    assert plots.epochs == [] and plots.points("loss") == 0


def test_hover_before_the_first_epoch_reads_the_batch_loss(plots):
    assert plots.readout_at(0.5) == "No epoch finished yet."
    plots.add_batch(batch(0, 5, 0.7))
    plots.add_batch(batch(0, 10, 0.6931))
    text = plots.readout_at(0.4)
    assert "batch loss 0.6931" in text and f"epoch {10 / 26:.2f}" in text


def test_legends_sit_outside_the_data(plots, qtbot):
    run_epoch(plots, 0)
    plots.flush()
    plots.show()
    qtbot.waitExposed(plots)
    for where, plot in (("loss", plots.loss_plot), ("accuracy", plots.accuracy_plot)):
        legend = plots.legends[where]
        data_area = plot.getPlotItem().vb.sceneBoundingRect()
        qtbot.waitUntil(lambda legend=legend: legend.sceneBoundingRect().height() > 0)
        assert not legend.sceneBoundingRect().intersects(data_area)
        assert len(legend.items) == 3


# -- bit grid --------------------------------------------------------------------------------


def lsb_bits(value: int, width: int) -> np.ndarray:
    return np.array([(value >> k) & 1 for k in range(width)], np.uint8)


def answer(a: int, b: int, bits: int, wrong=()) -> Answer:
    """An Answer built from Python integers; the bits at `wrong` are predicted flipped."""
    total = a + b
    carries = [((a % (1 << k)) + (b % (1 << k))) >> k for k in range(bits + 1)]
    true = lsb_bits(total, bits + 1)
    predicted = true.copy()
    for k in wrong:
        predicted[k] ^= 1
    probabilities = np.where(predicted == 1, 0.9, 0.1)
    value = sum(int(bit) << k for k, bit in enumerate(predicted))
    return Answer(a, b, bits, value, total, lsb_bits(a, bits), lsb_bits(b, bits),
                  np.array(carries, np.uint8), true, predicted, probabilities)


@pytest.fixture
def grid(qtbot):
    widget = BitGrid()
    qtbot.addWidget(widget)
    widget.resize(1000, 520)
    return widget


def test_an_8_bit_answer_is_one_band(grid):
    grid.set_answer(answer(198, 177, 8, wrong=(3,)))
    assert grid.bands() == [list(range(8, -1, -1))]
    assert grid.mismatches() == [3]
    grid.grab()  # paints


@pytest.mark.parametrize(("bits", "bands"), [(16, 1), (32, 2)])
def test_a_wide_grid_keeps_headers_as_big_as_8_bits(grid, bits, bands):
    """At this size 17 columns fit in one line with cells bigger than two bands of 9 would
    get; 33 do not, and wrap into two bands of 16 bits."""
    grid.set_answer(answer(200, 100, 8))
    eight_bit_header = grid.header_point_size()
    a, b = (1 << bits) - 12345, 987654321 % (1 << bits)
    grid.set_answer(answer(a, b, bits, wrong=(bits, 3)))
    grid.grab()  # paints
    assert len(grid.bands()) == bands
    assert all(len(band) <= 17 for band in grid.bands())
    assert [k for band in grid.bands() for k in band] == list(range(bits, -1, -1))
    assert grid.header_point_size() >= eight_bit_header
    assert grid.header_font().pointSizeF() == grid.header_point_size()


def test_wrapped_rows_and_mismatches_still_read_whole(grid):
    a, b = 4_000_000_000, 987_654_321
    grid.set_answer(answer(a, b, 32, wrong=(0, 32)))
    rows = grid.rows()
    assert rows["a"] == [int(c) for c in f"{a:032b}"]
    assert rows["b"] == [int(c) for c in f"{b:032b}"]
    assert rows["true"] == [int(c) for c in f"{a + b:033b}"]
    assert grid.mismatches() == [0, 32]


def test_a_tall_narrow_grid_takes_bands_of_8(grid):
    grid.resize(700, 900)
    grid.set_answer(answer(1, 2, 32))
    assert [len(band) for band in grid.bands()] == [9, 8, 8, 8]
    grid.grab()


# -- spin boxes ------------------------------------------------------------------------------


@pytest.fixture
def no_tooltip():
    QToolTip.hideText()
    yield
    QToolTip.hideText()


@pytest.mark.parametrize("kind", [WideSpinBox, RangeHintSpinBox])
def test_typing_past_the_maximum_shows_the_range(qtbot, kind, no_tooltip):
    box = kind()
    qtbot.addWidget(box)
    box.setRange(0, 255)
    box.show()
    qtbot.waitExposed(box)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "12")
    assert box.value() == 12 and not QToolTip.isVisible()  # in range: no hint
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "999")
    assert box.value() == 99  # the third 9 is refused...
    assert QToolTip.isVisible() and QToolTip.text() == "0 – 255"  # ...and says why
    assert box.range_hint() == "0 – 255"


def test_the_wide_box_hints_its_32_bit_range(qtbot, no_tooltip):
    box = WideSpinBox()
    qtbot.addWidget(box)
    box.setRange(0, (1 << 32) - 1)
    box.show()
    qtbot.waitExposed(box)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "99999999999")
    assert box.value() == 9_999_999_999 // 10
    assert QToolTip.text() == "0 – 4294967295"
