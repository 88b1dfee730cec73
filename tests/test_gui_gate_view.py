"""The Insight tab's Gates page: every gate and state the cell traces, for the calculator's pair,
drawn only while the page is shown, following the pair and the replayed epoch; hovering reads
a square, clicking a unit's row names the unit; no English is left under Chinese.

The images are held against Keras's own LSTM (h at every step from return_sequences, c after
the last step from return_state) and the true carry against Python integers."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtWidgets import QSlider
from test_gui_words import english_words

from lstm_adder.core import insight
from lstm_adder.core.numbers import to_bits
from lstm_adder.core.replay import Timeline
from lstm_adder.gui import gate_view, i18n
from lstm_adder.gui.gate_scales import GATE, TANH, kinds_of
from lstm_adder.gui.i18n import CHINESE, ENGLISH
from lstm_adder.session.open_models import OpenModel

PAIR, OTHER = (13, 7), (5, 10)


def keras_states(model, engine, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
    """(h at every step (units, steps), c after the last step (units,)) from a Keras LSTM
    holding the model's own recurrent weights."""
    import keras

    layer = next(layer for layer in model.layers if isinstance(layer, keras.layers.LSTM))
    twin = keras.layers.LSTM(layer.units, return_sequences=True, return_state=True)
    x = engine.encoding.inputs(to_bits([a], engine.bits), to_bits([b], engine.bits))
    twin(x)  # built
    twin.set_weights(layer.get_weights())
    h, _, c = twin(x)
    return np.asarray(h)[0].T, np.asarray(c)[0]


def carries_out(a: int, b: int, bits: int) -> list[int]:
    """The carry out of each position of a + b, and none out of the padding step."""
    return [((a % 2 ** (t + 1)) + (b % 2 ** (t + 1))) >> (t + 1) for t in range(bits)] + [0]


@pytest.fixture
def gates_page(window, qtbot, carry_engine):
    """The window with the carry model, the Insight tab and its Gates page on show."""
    window.session.add(OpenModel("carry", carry_engine))
    window.show()
    window.tabs.setCurrentWidget(window.insight)
    window.insight.pages.setCurrentWidget(window.insight.gates)
    qtbot.waitExposed(window.insight.gates)
    assert window.wait_for_background()
    return window


def test_one_image_per_traced_name_holds_the_gates_of_the_calculators_pair(
        gates_page, carry_model, carry_engine):
    window = gates_page
    window.calculator.set_pair(*PAIR)
    shown = window.insight.gates.images()
    assert list(shown) == list(carry_engine.net.cell.traced)
    expected = insight.cell_gates(carry_engine, *PAIR).values
    for name, values in expected.items():
        assert np.array_equal(shown[name], values), name
    h, c = keras_states(carry_model.model, carry_engine, *PAIR)
    assert np.allclose(shown["h"], h, atol=1e-5)
    assert np.allclose(shown["c"][:, -1], c, atol=1e-5)
    strip = window.insight.gates.carry_strip()
    assert strip.tolist() == carries_out(*PAIR, carry_engine.bits)
    assert "13 + 7" in window.insight.gates.title.text()


def test_gates_share_a_scale_by_kind(carry_engine):
    """Every traced name the cell bounds lies in its kind's range, for every pair; the gates
    (sigmoid) are 0…1 and h is tanh's -1…1."""
    kinds = kinds_of(carry_engine.net)
    assert kinds["i"] is kinds["f"] is kinds["o"] is GATE and kinds["h"] is TANH
    for a in range(16):
        for b in range(16):
            for name, values in insight.cell_gates(carry_engine, a, b).values.items():
                kind = kinds[name]
                if not kind.grows:
                    assert kind.low <= values.min() and values.max() <= kind.high, name


def test_it_follows_the_pair_and_computes_only_while_shown(gates_page, monkeypatch,
                                                           carry_engine):
    window, gates = gates_page, gates_page.insight.gates
    calls = []
    real = insight.cell_gates
    monkeypatch.setattr(gate_view.insight, "cell_gates",
                        lambda *args: calls.append(args[1:]) or real(*args))
    window.calculator.set_pair(*OTHER)
    assert calls == [OTHER]
    assert np.array_equal(gates.images()["f"], real(carry_engine, *OTHER).values["f"])

    window.insight.pages.setCurrentIndex(0)  # the States page: the gates wait
    window.calculator.set_pair(*PAIR)
    assert calls == [OTHER]
    window.insight.pages.setCurrentWidget(gates)
    assert calls == [OTHER, PAIR]
    assert np.array_equal(gates.images()["f"], real(carry_engine, *PAIR).values["f"])


def test_it_follows_the_replayed_epoch(window, qtbot, carry_engine):
    rng = np.random.default_rng(1)
    epochs = [carry_engine.with_weights([w + rng.normal(0, 0.5, w.shape).astype(np.float32)
                                         for w in carry_engine.weights]) for _ in range(2)]
    epochs.append(carry_engine)
    timeline = Timeline(4, [None] * 3, [{}, {}], epochs)
    window.session.add(OpenModel("run", carry_engine, timeline=timeline))
    window.show()
    window.tabs.setCurrentWidget(window.insight)
    window.insight.pages.setCurrentWidget(window.insight.gates)
    window.calculator.set_pair(*PAIR)
    slider = window.findChild(QSlider, "epoch_slider")
    for epoch in (0, 1, 2):
        slider.setValue(epoch)
        assert window.wait_for_background()
        expected = insight.cell_gates(epochs[epoch], *PAIR).values
        shown = window.insight.gates.images()
        assert all(np.allclose(shown[name], expected[name]) for name in expected), epoch


def _scene_point(gates, name: str, unit: float, step: int):
    return gates._images[name].plot.vb.mapViewToScene(QPointF(step, unit))


def test_hovering_reads_a_square_and_clicking_a_row_names_its_unit(gates_page, qtbot,
                                                                  carry_engine):
    window, gates = gates_page, gates_page.insight.gates
    window.calculator.set_pair(*PAIR)
    value = insight.cell_gates(carry_engine, *PAIR).values["f"][2, 3]
    scene = gates._view.scene()
    scene.sigMouseMoved.emit(_scene_point(gates, "f", 2, 3))
    assert gates.hover.text() == f"gate f, unit 2, step 3: {value:.2f}"
    h = insight.cell_gates(carry_engine, *PAIR).values["h"][1, 0]
    scene.sigMouseMoved.emit(_scene_point(gates, "h", 1, 0))
    assert gates.hover.text() == f"state h, unit 1, step 0: {h:.2f}"
    units = carry_engine.net.units
    scene.sigMouseMoved.emit(_scene_point(gates, "i", units + gate_view.CARRY_GAP, 2))
    assert gates.hover.text() == f"true carry out of step 2: {carries_out(*PAIR, 4)[2]}"

    where = gates._view.mapFromScene(_scene_point(gates, "o", 3, 1))
    with qtbot.waitSignal(gates.unit_clicked, timeout=2_000) as clicked:
        qtbot.mouseClick(gates._view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert clicked.args == [3]


def test_no_english_is_left_on_the_gates_page_in_chinese(gates_page, qtbot, tmp_path):
    window, gates = gates_page, gates_page.insight.gates
    settings = QSettings(str(tmp_path / "zh.ini"), QSettings.Format.IniFormat)
    window.calculator.set_pair(*PAIR)
    try:
        i18n.set_language(CHINESE, settings)
        qtbot.wait(20)
        gates._view.scene().sigMouseMoved.emit(_scene_point(gates, "f", 2, 3))
        symbols = set(window.session.current.engine.net.cell.traced)  # i, f, g, o, c, h
        said = [gates.title.text(), gates.hover.text()] + [
            item.text for item in gates._view.scene().items() if isinstance(item, pg.LabelItem)]
        said += [text for image in gates._images.values()
                 for text in image.rows.tickStrings([image.rows.carry_at], 1, 1)]
        assert [text for text in said if set(english_words(text)) - symbols] == []
        assert window.insight.pages.tabText(window.insight.pages.indexOf(gates)) == "门控"
    finally:
        i18n.set_language(ENGLISH, settings)
    assert gates.hover.text().startswith("hover over")
