"""The Compare tab in the window: two models chosen from the list fill both error maps, the
difference map, its counts, the bars and the curves; hovering names the pair and both
answers; a click sends the pair to the calculator; and under Chinese no English is left."""

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog
from test_compare import damaged
from test_gui_words import english_words, texts

from lstm_adder.core.compare import RGB, Agreement, compare
from lstm_adder.core.evaluation import judge_all
from lstm_adder.gui import i18n
from lstm_adder.gui.i18n import CHINESE
from lstm_adder.session.open_models import OpenModel


@pytest.fixture
def two(window, carry_engine, seed_engine):
    """The window with a trained 4-bit carry model (on show) and an untrained seed-layout
    one open."""
    carry, seed = OpenModel("carry", carry_engine), OpenModel("seed", seed_engine)
    window.session.add(seed)
    window.session.add(carry)
    return window, carry, seed


def shown_comparison(window, qtbot):
    """Show the Compare tab and wait for its comparison (computed once it is looked at)."""
    tab = window.compare
    window.show()
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.result is not None, timeout=60_000)
    assert window.wait_for_background()
    return tab


def test_the_tab_compares_the_model_on_show_with_another(two, qtbot, carry_engine,
                                                         seed_engine):
    window, carry, seed = two
    tab = shown_comparison(window, qtbot)
    assert (tab.model.a, tab.model.b) == (carry, seed)
    assert [box.currentIndex() for box in tab.choosers] == [1, 0]  # the list's order
    np.testing.assert_array_equal(tab.maps[0].image(), judge_all(carry_engine).matrix())
    np.testing.assert_array_equal(tab.maps[1].image(), judge_all(seed_engine).matrix())
    reference = compare(carry_engine, seed_engine)
    np.testing.assert_array_equal(tab.difference_map.image(), RGB[reference.matrix()])
    for kind, count in reference.counts.items():
        assert tab.set_labels[kind].text().startswith(f"{kind.label}: {count:,} (")
    assert tab.summary.text() == "compared at 4 bits on all 256 pairs"


def test_choosing_two_models_in_the_boxes_compares_them(two, qtbot, carry_engine,
                                                        seed_engine):
    window, carry, seed = two
    tab = shown_comparison(window, qtbot)
    broken = OpenModel("broken", damaged(carry_engine, 0.3))
    window.session.add(broken, select=False)
    with qtbot.waitSignal(tab.computed, timeout=60_000):
        tab.choosers[0].setCurrentIndex(window.session.models.index(broken))
    assert tab.model.a is broken and tab.model.b is seed
    reference = compare(broken.engine, seed_engine)
    assert all(reference.counts.values())  # every set is on show
    np.testing.assert_array_equal(tab.difference_map.image(), RGB[reference.matrix()])
    for kind in Agreement:
        assert f": {reference.counts[kind]:,} (" in tab.set_labels[kind].text()
    heights = tab._bars[0].opts["height"] + tab._bars[0].opts["y0"]
    assert heights[0] == pytest.approx(reference.a.exact)  # A's exact match, first


def test_hover_names_the_pair_and_what_each_model_says(two, qtbot, seed_engine):
    window, _, _ = two
    tab = shown_comparison(window, qtbot)
    only_a = tab.model.result.examples(Agreement.ONLY_A, 1)[0]
    tab.difference_map.image_item.hovered.emit(only_a.b + 0.5, only_a.a + 0.5)
    said = seed_engine.answer(only_a.a, only_a.b).predicted
    assert tab.hover.text() == (f"{only_a.a} + {only_a.b} = {only_a.true}: A says "
                                f"{only_a.true} ✓, B says {said} ✗ (only A right)")


def test_a_clicked_pair_goes_to_the_calculator(two, qtbot):
    window, _, _ = two
    tab = shown_comparison(window, qtbot)
    tab.difference_map.image_item.clicked.emit(2.5, 11.5)  # column b = 2, row a = 11
    assert window.tabs.currentWidget() is window.calculator
    assert (window.calculator.answer.a, window.calculator.answer.b) == (11, 2)


def test_a_file_opened_for_b_joins_the_list_and_brings_its_curve(two, qtbot, monkeypatch,
                                                                  carry_file, carry_model):
    window, carry, _ = two
    tab = shown_comparison(window, qtbot)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(carry_file), "")))
    with qtbot.waitSignal(tab.computed, timeout=60_000):
        tab.open_buttons[1].click()
    assert window.wait_for_background()
    assert tab.model.b.path == carry_file and window.session.current is carry
    assert tab.choosers[1].currentIndex() == window.session.models.index(tab.model.b)
    x, y = tab._curves[1].getData()
    assert list(x) == [m.epoch for m in carry_model.history]
    assert "A records no training" in tab._curves_view.getPlotItem().titleLabel.text


def test_two_fixed_widths_are_said_in_one_line(window, qtbot, seed_engine):
    from lstm_adder.assets import BUNDLED
    from lstm_adder.core.engine import Engine

    window.session.add(OpenModel("seed4", seed_engine))
    window.session.add(OpenModel("seed8", Engine.from_file(BUNDLED["seed"])[0]))
    tab = window.compare
    window.show()
    with qtbot.waitSignal(tab.computed, timeout=60_000):
        window.tabs.setCurrentWidget(tab)
    assert tab.summary.text().startswith("Cannot compare: A reads only 8-bit numbers and B "
                                         "only 4-bit ones")
    assert tab.difference_map.image() is None


def test_no_english_is_left_in_chinese(two, qtbot):
    window, _, _ = two
    tab = shown_comparison(window, qtbot)
    i18n.set_language(CHINESE, window.settings)
    try:
        only_a = tab.model.result.examples(Agreement.ONLY_A, 1)[0]
        tab.difference_map.image_item.hovered.emit(only_a.b + 0.5, only_a.a + 0.5)
        found = texts(window)
        assert any("只有 A 对" in text for _, text in found)
        left = sorted({(where, text) for where, text in found
                       if english_words(text) and where != "window title"})
        assert left == [], "\n".join(map(repr, left))
    finally:
        i18n.set_language(i18n.ENGLISH, window.settings)


def test_wide_models_are_compared_on_a_sample_without_maps(window, qtbot, carry_engine):
    wide = OpenModel("wide", carry_engine.with_bits(10))
    window.session.add(OpenModel("broken", damaged(carry_engine, 0.3)))
    window.session.add(wide)
    tab = shown_comparison(window, qtbot)
    assert tab.summary.text() == "compared at 10 bits on 10,000 random pairs (seed 0)"
    assert tab.difference_map.image() is None and tab.maps[0].image() is None
    assert tab.difference_map.title().startswith("no map")
    assert sum(tab.model.result.counts.values()) == 10_000


def test_the_tab_fits_900_by_632(two, qtbot):
    """A small laptop window: no label or button cut short, no axis labels overlapping."""
    from test_gui_layout import SIZE, clipped_buttons, clipped_labels, overlapping_axes

    window, _, _ = two
    tab = shown_comparison(window, qtbot)
    window.resize(*SIZE)
    qtbot.waitExposed(window)
    qtbot.wait(50)  # layouts and pyqtgraph's deferred resizes
    assert (window.width(), window.height()) == SIZE
    assert clipped_labels(tab) == [] and clipped_buttons(tab) == []
    assert overlapping_axes(tab) == []
