"""The Insight features: error map, LSTM states, the carry unit, wider numbers, and the tab."""

from pathlib import Path

import keras
import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from core import insight
from core.encodings import CONCAT_MSB, PAIRED_LSB, decode
from core.evaluation import evaluate
from core.inference import Adder
from core.models import lstm_layer
from core.numbers import add_bits, all_pairs, random_bits, to_bits

CARRY_ASSET = Path(__file__).resolve().parent.parent / "assets" / "carry.keras"


@pytest.fixture(scope="module")
def seed_adder(seed_model):
    return Adder(seed_model, CONCAT_MSB, 4, jit=False)


@pytest.fixture(scope="module")
def carry_adder(carry_model):
    return Adder(carry_model.model, PAIRED_LSB, 4, jit=False)


def _keras_sequences(model, x):
    """h at every step and the final c, from a Keras LSTM carrying the model's weights."""
    trained = lstm_layer(model)
    twin = keras.layers.LSTM(trained.units, return_sequences=True, return_state=True)
    twin.build(x.shape)
    twin.set_weights(trained.get_weights())
    h, _, c = twin(x)
    return np.asarray(h), np.asarray(c)


def test_error_map_lights_exactly_the_wrong_pairs(seed_adder):
    expected = evaluate(seed_adder)
    report = insight.full_report(seed_adder)
    matrix = report.matrix()
    assert 0 < report.wrong_count < report.count  # the fixture is wrong on some pairs only
    np.testing.assert_array_equal(report.wrong_bits, expected.wrong_bits)
    np.testing.assert_array_equal(matrix, expected.matrix())
    lit = {(int(a), int(b)) for a, b in zip(*np.nonzero(matrix), strict=True)}
    assert lit == {(a, b) for a, b, _, _ in expected.wrong(None)}
    for a, b in [(0, 0), (3, 12), (15, 15), (9, 6)]:
        assert matrix[a, b] == len(seed_adder.answer(a, b).mismatches)


def test_full_report_stops_when_asked(seed_adder):
    assert insight.full_report(seed_adder, stop=lambda: True) is None


@pytest.mark.parametrize("which", ["seed", "carry"])
def test_states_are_units_by_steps_and_h_matches_keras(which, seed_adder, carry_adder):
    adder = seed_adder if which == "seed" else carry_adder
    states = insight.lstm_states(adder, 13, 7)
    units, steps = lstm_layer(adder.model).units, adder.encoding.steps(4)
    assert states.h.shape == states.c.shape == (units, steps)
    assert states.inputs.shape == (adder.encoding.features, steps)
    x = adder.encoding.inputs(to_bits([13], 4), to_bits([7], 4))
    np.testing.assert_array_equal(states.inputs, x[0].T)
    h, c_last = _keras_sequences(adder.model, x)
    np.testing.assert_allclose(states.h, h[0].T, atol=1e-5)
    np.testing.assert_allclose(states.c[:, -1], c_last[0], atol=1e-5)


def test_carry_model_states_match_its_own_lstm_output(carry_adder):
    """The paired-lsb model's LSTM returns sequences itself: the numpy h is exactly that."""
    model = carry_adder.model
    inner = keras.Model(model.input, lstm_layer(model).output)
    x = PAIRED_LSB.inputs(to_bits([11], 4), to_bits([5], 4))
    np.testing.assert_allclose(insight.lstm_states(carry_adder, 11, 5).h,
                               np.asarray(inner(x))[0].T, atol=1e-5)


def test_step_labels_and_carries_follow_the_encoding(seed_adder, carry_adder):
    seed = insight.lstm_states(seed_adder, 12, 3)  # 1100 + 0011
    assert seed.step_labels() == ["a3\n1", "a2\n1", "a1\n0", "a0\n0",
                                  "b3\n0", "b2\n0", "b1\n1", "b0\n1"]
    assert seed.carries is None
    carry = insight.lstm_states(carry_adder, 7, 1)  # 0111 + 0001: carries out of steps 0-2
    assert carry.step_labels() == ["1\n1", "1\n0", "1\n0", "0\n0", "0\n0"]
    assert carry.carries.tolist() == [1, 1, 1, 0, 0]


def _best_correlation(model, bits):
    """Brute force: every unit of h and c against the carry out of steps 0..n-1."""
    a, b = all_pairs(bits)
    a_bits, b_bits = to_bits(a, bits), to_bits(b, bits)
    h, c = insight.lstm_cell(model).run(PAIRED_LSB.inputs(a_bits, b_bits))
    carry = add_bits(a_bits, b_bits)[1][:, 1:].ravel()
    best = 0.0
    for values in (h, c):
        for unit in range(values.shape[-1]):
            r = np.corrcoef(values[:, :bits, unit].ravel(), carry)[0, 1]
            best = max(best, abs(np.nan_to_num(r)))
    return best


def test_carry_unit_of_a_trained_carry_model_follows_the_carry(carry_model):
    found = insight.carry_unit(carry_model.model, bits=4)
    assert found.state in ("h", "c")
    assert abs(found.r) == pytest.approx(_best_correlation(carry_model.model, 4), abs=1e-6)
    # This tiny model (exactly right on 256 pairs) shares the carry between two units:
    # its best single unit measures r = 0.87 here. The 8-bit model below reaches 0.92.
    assert abs(found.r) > 0.8
    assert found.describe().startswith(f"unit {found.unit} ({found.state}) tracks the carry")


@pytest.mark.skipif(not CARRY_ASSET.exists(), reason="assets/carry.keras not built yet")
def test_carry_unit_of_the_shipped_carry_model():
    from core.storage import load_model

    found = insight.carry_unit(load_model(CARRY_ASSET).model, bits=8)
    assert abs(found.r) > 0.9


def test_carry_unit_needs_the_paired_layout(seed_model):
    with pytest.raises(ValueError, match="paired-lsb"):
        insight.carry_unit(seed_model, bits=4)


def _as_int(bits) -> int:
    return int("".join(str(int(bit)) for bit in bits[::-1]), 2)


def test_wide_evaluation_agrees_with_a_direct_count(carry_adder):
    count = 300
    rows = insight.width_table(carry_adder, widths=(4, 32, 64), count=count, seed=5)
    assert [(r.bits, r.count, r.every_pair) for r in rows] == [
        (4, 256, True), (32, count, False), (64, count, False)]
    a, b = all_pairs(4)
    assert rows[0].exact == np.mean(carry_adder.add_many(a, b) == a + b)
    for row in rows[1:]:
        a_bits, b_bits = random_bits(count, row.bits, 5), random_bits(count, row.bits, 6)
        predicted = decode(carry_adder.with_bits(row.bits).probabilities(a_bits, b_bits))
        right = sum(_as_int(p) == _as_int(x) + _as_int(y)
                    for p, x, y in zip(predicted, a_bits, b_bits, strict=True))
        assert row.exact == right / count


def test_width_table_refuses_a_fixed_width_layout(seed_adder):
    with pytest.raises(ValueError, match="only a paired-lsb"):
        insight.width_table(seed_adder, widths=(8,))


# --- the tab ---------------------------------------------------------------------------


class _Click:
    def __init__(self, x, y, button=Qt.MouseButton.LeftButton):
        self._pos, self._button, self.accepted = QPointF(x, y), button, False

    def button(self):
        return self._button

    def pos(self):
        return self._pos

    def accept(self):
        self.accepted = True


class _Hover(_Click):
    def isExit(self):  # noqa: N802 - pyqtgraph's name
        return False

    def acceptClicks(self, button):  # noqa: N802 - pyqtgraph's name
        pass


@pytest.fixture
def tab(qtbot):
    from gui.insight import InsightTab

    widget = InsightTab()
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def test_tab_maps_the_same_mistakes_as_evaluate(qtbot, tab, seed_adder):
    with qtbot.waitSignal(tab.computed, timeout=30_000):
        tab.set_adder(seed_adder)
    expected = evaluate(seed_adder)
    assert tab.wrong_count() == expected.wrong_count
    np.testing.assert_array_equal(tab.error_map_image(), expected.matrix())
    jobs = tab._job
    tab.set_adder(seed_adder)  # same model: nothing to recompute
    assert tab._job == jobs and not tab.busy


def test_clicking_the_map_sends_row_a_and_column_b(qtbot, tab, seed_adder):
    with qtbot.waitSignal(tab.computed, timeout=30_000):
        tab.set_adder(seed_adder)
    image = tab._map
    with qtbot.waitSignal(tab.pair_clicked) as clicked:
        image.mouseClickEvent(_Click(2.5, 11.5))  # item x is the column (b), y the row (a)
    assert clicked.args == [11, 2]
    assert tab.pair_at(15.9, 0.1) == (0, 15) and tab.pair_at(16.2, 3) is None
    # on screen, a grows downwards and b to the right
    top_left, below, right = (image.mapToScene(QPointF(x, y)) for x, y in
                              [(0.5, 0.5), (0.5, 5.5), (5.5, 0.5)])
    assert below.y() > top_left.y() and below.x() == pytest.approx(top_left.x())
    assert right.x() > top_left.x() and right.y() == pytest.approx(top_left.y())
    image.hoverEvent(_Hover(6.5, 9.5))
    predicted = seed_adder.answer(9, 6).predicted
    assert tab._hover.text().startswith(f"9 + 6 = 15, model says {predicted}")


def test_tab_names_the_carry_unit_and_widens(qtbot, tab, carry_adder, carry_model):
    tab.set_pair(13, 7)
    with qtbot.waitSignal(tab.computed, timeout=30_000):
        tab.set_adder(carry_adder)
    assert tab.wrong_count() == 0
    unit = insight.carry_unit(carry_model.model, bits=4)
    assert unit.describe() in tab._state_title.text()
    assert "13 + 7" in tab._state_title.text()
    assert tab._width_table.rowCount() == len(insight.WIDTHS)


def test_shutdown_leaves_no_thread_running(qtbot, tab, seed_adder, carry_adder):
    from gui.tasks import Task, tf_thread

    tab.set_adder(seed_adder)
    tab.set_adder(carry_adder)  # the first job is abandoned while it runs
    assert Task.running() >= 1
    assert tab.shutdown()
    assert Task.running() == 0
    assert tf_thread().activeThreadCount() == 0
    assert tab.wrong_count() is None  # answers that arrive after shutdown are dropped
