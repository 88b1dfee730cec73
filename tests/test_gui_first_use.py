"""What a new user sees on a first start: a window that fits the screen, plots that look right
empty and after a Stop, and words that say what is happening."""

from PySide6.QtCore import QRect

from lstm_adder.gui.main_window import DEFAULT_SIZE, fit_to_screen


class Screen:
    """A screen of `width` x `height` free pixels (QScreen's availableGeometry alone)."""

    def __init__(self, width: int, height: int, x: int = 0, y: int = 0):
        self.free = QRect(x, y, width, height)

    def availableGeometry(self) -> QRect:  # noqa: N802 (QScreen's name)
        return self.free


def test_a_first_start_fits_a_small_screen(window):
    window.resize(*DEFAULT_SIZE)
    window.move(200, 150)
    fit_to_screen(window, Screen(1024, 640))
    frame = window.frameGeometry()
    assert QRect(0, 0, 1024, 640).contains(frame), frame


def test_a_window_that_fits_keeps_its_size_and_place(window):
    window.resize(900, 600)
    window.move(40, 30)
    fit_to_screen(window, Screen(1280, 800))
    assert (window.width(), window.height(), window.x(), window.y()) == (900, 600, 40, 30)


def test_the_window_opens_within_the_screen_it_opens_on(window):
    free = window.screen().availableGeometry()
    assert free.contains(window.frameGeometry())
