"""gui.app.main: the entry point behind `lstm-adder`, `lstm-adder gui` and `python -m
lstm_adder.gui`;
start-up without TensorFlow, and a PySide6 wheel that keeps Python's reference counts."""

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import QApplication

from lstm_adder.gui import app
from lstm_adder.gui.main_window import MainWindow
from lstm_adder.gui.tasks import Task, TaskExecutor

ROOT = Path(__file__).resolve().parent.parent
REFCOUNT_SLACK = 10


def test_main_rejects_a_missing_model_file(tmp_path, capsys):
    assert app.main(["--model", str(tmp_path / "nope.keras")]) == 2
    assert "nope.keras: no such file" in capsys.readouterr().err


def test_main_shows_the_window_on_the_model_and_returns_the_exit_code(qtbot, tmp_path,
                                                                     carry_file, monkeypatch):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    seen = []

    def run_event_loop(application):  # stands in for QApplication.exec: look, then close
        window = next(w for w in application.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.session.current is not None, timeout=30_000)
        seen.append((window.windowTitle(), window.session.current.path))
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_event_loop)
    assert app.main(["--model", str(carry_file)]) == 0
    assert seen == [("LSTM Adder", carry_file)]
    assert Task.running() == 0


def test_without_a_display_main_says_how_to_run_it_and_exits_2(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert app.main([]) == 2
    err = capsys.readouterr().err
    assert err == app.NO_DISPLAY + "\n" and "QT_QPA_PLATFORM=offscreen" in err


def test_has_display_knows_each_platform():
    assert not app.has_display({}, "linux")
    assert app.has_display({"DISPLAY": ":0"}, "linux")
    assert app.has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert app.has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert app.has_display({}, "win32") and app.has_display({}, "darwin")


def test_lstm_adder_without_a_display_prints_one_line_instead_of_a_core_dump(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "lstm_adder"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [app.NO_DISPLAY]


# `lstm-adder gui` in a fresh interpreter: the window answers 157 + 113, then says whether
# TensorFlow (or Keras) was imported on the way.
FIRST_ANSWER = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QTimer
    from lstm_adder.cli import main as cli
    from lstm_adder.gui.app import create_application
    from lstm_adder.gui.main_window import MainWindow

    application = create_application()
    deadline = time.monotonic() + 60

    def look():
        windows = [w for w in application.topLevelWidgets() if isinstance(w, MainWindow)]
        calculator = windows[0].calculator if windows else None
        if calculator is not None and calculator.answer is not None:
            calculator.set_pair(157, 113)
            print("answer", calculator.answer.predicted, flush=True)
        elif time.monotonic() < deadline:
            return
        print("tensorflow", "tensorflow" in sys.modules, "keras" in sys.modules, flush=True)
        for window in windows:
            window.close()
        application.quit()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    sys.exit(cli.main(["gui", "--model", sys.argv[1]]))
""")


def test_the_window_answers_without_importing_tensorflow(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               PYTHONPATH=str(ROOT))
    seed = ROOT / "assets" / "seed.keras"
    done = subprocess.run([sys.executable, "-c", FIRST_ANSWER, str(seed)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (done.stdout, done.stderr)
    lines = done.stdout.split("\n")
    assert "answer 270" in lines  # the seed model is right on every pair
    assert "tensorflow False False" in lines


def test_a_failed_task_says_one_line_and_logs_its_traceback(qtbot, caplog):
    def broken(cancel):
        raise KeyError("lost")

    failures, executor = [], TaskExecutor()  # its callbacks come while it lives
    with caplog.at_level(logging.ERROR, logger="lstm_adder.gui.tasks"):
        executor.submit(broken, failures.append, failures.append)
        qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert failures == ["KeyError: 'lost'"]
    logged = [r for r in caplog.records if r.name == "lstm_adder.gui.tasks"]
    assert [r.exc_info[0] for r in logged] == [KeyError] and "broken" in logged[0].getMessage()


class _Emitter(QObject):
    fired = Signal()
    flagged = Signal(bool)


class _Receiver(QObject):
    def __init__(self):
        super().__init__()
        self.calls = 0

    @Slot(bool)
    def on_flag(self, value: bool) -> None:
        self.calls += 1


def test_qt_calls_and_emits_keep_the_counts_of_none_true_and_false():
    """PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to None on every C++ call
    that returns None, and one to True on every emit, until Python deallocates them. A wheel
    like that fails here at once."""
    obj, emitter, receiver = QObject(), _Emitter(), _Receiver()
    emitter.flagged.connect(receiver.on_flag)

    def counts():
        return [sys.getrefcount(x) for x in (None, True, False)]

    before = counts()
    for _ in range(1000):
        obj.setObjectName("x")
    for _ in range(1000):
        emitter.fired.emit()
    for _ in range(1000):
        emitter.flagged.emit(True)
    after = counts()
    assert receiver.calls == 1000
    for name, was, now in zip(("None", "True", "False"), before, after, strict=True):
        assert abs(now - was) <= REFCOUNT_SLACK, (name, was, now)
