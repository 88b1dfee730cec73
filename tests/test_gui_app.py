"""gui.app.main: the entry point behind `lstm-adder`, `lstm-adder gui` and `python -m gui`."""

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from core.storage import save_model
from gui import app, pyside_fix
from gui.main_window import MainWindow
from gui.tasks import Task


def test_main_rejects_a_missing_model_file(tmp_path, capsys):
    assert app.main(["--model", str(tmp_path / "nope.keras")]) == 2
    assert "nope.keras: no such file" in capsys.readouterr().err


def test_main_shows_the_window_on_the_model_and_returns_the_exit_code(qtbot, tmp_path,
                                                                     carry_model, monkeypatch):
    path = save_model(carry_model.model, tmp_path / "carry4.keras", carry_model.info())
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    seen = []

    def run_event_loop(application):  # stands in for QApplication.exec: look, then close
        window = next(w for w in application.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.current_model is not None, timeout=30_000)
        seen.append((window.windowTitle(), window.current_model.path))
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_event_loop)
    assert app.main(["--model", str(path)]) == 0
    assert seen == [("LSTM Adder", path)]
    assert Task.running() == 0


def test_shared_singletons_cannot_drift_to_zero_on_python_before_3_12():
    pyside_fix.apply()  # PySide 6.12 races on None's count (and True's); see gui.pyside_fix
    if sys.version_info < (3, 12):
        for obj in (None, True, False, 0, 1, 256, ()):
            assert sys.getrefcount(obj) > pyside_fix.HEADROOM, obj
