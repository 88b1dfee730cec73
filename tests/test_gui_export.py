"""File › Export figure…: each tab's main figure as a PNG or SVG file that image readers
accept, and a failure said in a dialog, never a traceback."""

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lstm_adder.gui import export

TABS = {0: "bit-grid", 1: "training-curves", 2: "error-map"}


@pytest.fixture
def shown(window, qtbot, carry_file):
    """The window on screen with the 4-bit carry model (and its curves) open, judged."""
    assert window.session.load(carry_file)
    window.show()
    qtbot.waitExposed(window)
    assert window.wait_for_background()
    window.calculator.set_pair(9, 6)
    return window


@pytest.fixture
def errors(monkeypatch):
    """Every error dialog the window opens: (title, text); none waits for a click."""
    said = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *rest: said.append((title, text)))
    return said


def test_svg_is_offered_beside_png():
    assert export.suffixes() == [export.PNG, export.SVG]  # QtSvg is in PySide6-Essentials
    assert export.file_filter() == "PNG image (*.png);;SVG image (*.svg)"


@pytest.mark.parametrize("tab", list(TABS), ids=list(TABS.values()))
def test_each_tab_s_figure_is_a_valid_png_and_svg(shown, tmp_path, tab, errors):
    shown.tabs.setCurrentIndex(tab)
    widget, name = shown.figure()
    assert name == TABS[tab] and widget.isVisible()
    png = shown.export_figure(tmp_path / f"{name}.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= widget.width() > 100
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5)
               for y in range(0, image.height(), 5)}
    assert len(colours) > 3  # a drawing, not a blank

    svg = shown.export_figure(tmp_path / f"{name}.svg")
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid() and renderer.viewBox() == widget.rect()
    assert errors == []


def test_the_training_figure_is_the_two_plots(shown):
    shown.tabs.setCurrentIndex(1)
    widget, _ = shown.figure()
    plots = shown.training.plots
    assert widget is plots.figure and plots.readout not in widget.findChildren(type(plots.readout))
    assert plots.loss_plot.parent() is widget and plots.accuracy_plot.parent() is widget
    assert plots.points("loss") > 0  # the model's recorded curves are in it


def test_the_dialog_s_kind_is_added_to_a_name_without_one(shown, tmp_path, monkeypatch):
    shown.tabs.setCurrentIndex(2)
    chosen = (str(tmp_path / "map"), "SVG image (*.svg)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: chosen)
    shown.export_action.trigger()
    assert QSvgRenderer(str(tmp_path / "map.svg")).isValid()
    assert shown.settings.value("save_folder") == str(tmp_path)


@pytest.mark.parametrize(("name", "reason"), [
    ("missing/figure.png", "does not exist"),
    ("figure.jpg", "figures are saved as PNG or SVG files"),
])
def test_a_failed_export_says_why_in_a_dialog(shown, tmp_path, errors, name, reason):
    assert shown.export_figure(tmp_path / name) is None
    ((title, text),) = errors
    assert title == "Cannot export the figure" and reason in text
    assert not (tmp_path / name).exists()


def test_an_unexpected_failure_is_one_line_and_a_logged_traceback(shown, tmp_path, errors,
                                                                  monkeypatch, caplog):
    def broken(widget):
        raise RuntimeError("painter lost")

    monkeypatch.setattr(export, "_png", broken)
    assert shown.export_figure(tmp_path / "figure.png") is None
    assert errors == [("Cannot export the figure", "RuntimeError: painter lost")]
    logged = [r.exc_info[0] for r in caplog.records if r.name == "lstm_adder.gui.export"]
    assert logged == [RuntimeError]
