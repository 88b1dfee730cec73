"""The window's share of `lstm-adder bench`: how late a 10 ms timer fires, and start-up time.

Timer lateness: a precise 10 ms QTimer runs in the app window (offscreen when there is no
display), first with nothing else going on, then while the worker (gui.worker.TrainingRunner)
trains a recipe. Every 10 ms slot in which the timer should have fired counts once, so a
2-second stall weighs 200 slots, not one.

Start-up: a fresh `python -c` process opens the window and reports when it is shown and when
the first answer lands (the first return of core.inference.Adder.answer on the GUI thread: the
calculator's, not the warm-up call in a pool thread); times count from just before the spawn.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication

INTERVAL_MS = 10
SETTLE_S = 1.0  # let the window finish its own start-up work before timing
STOP_TIMEOUT_MS = 120_000  # a stop takes effect after the running batch (or compile)
START_TIMEOUT_S = 120
WAIT_MS = 120_000  # for the window's background work
STALL_MS = 50  # gaps this long are listed with when they began


def application() -> QApplication:
    """The app's QApplication (offscreen unless a platform is set), made once."""
    from gui.app import create_application

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return create_application()


def spin(seconds: float) -> None:
    """Run the event loop for `seconds`."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, int(seconds * 1000)), loop.quit)
    loop.exec()


def slot_lateness_ms(times, interval_ms: float = INTERVAL_MS) -> np.ndarray:
    """Lateness of every slot a timer should have fired in, from the times it did fire (s).

    After a firing, slots fall due every `interval_ms`; the next firing, g ms later, serves
    the m = floor(g / interval) slots due by then, the k-th having waited g - k * interval.
    A firing on time serves one slot, about 0 ms late; a 30 ms gap serves three: 20, 10, 0.
    """
    late = []
    for gap in np.diff(np.asarray(times, dtype=float)) * 1e3:
        due = max(1, int(gap / interval_ms + 1e-9))
        late.append(np.maximum(0.0, gap - interval_ms * np.arange(1, due + 1)))
    return np.concatenate(late) if late else np.zeros(0)


class Ticker(QObject):
    """A precise repeating timer that notes when it fires."""

    def __init__(self, interval_ms: int = INTERVAL_MS):
        super().__init__()
        self.times: list[float] = []
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    @Slot()
    def _tick(self) -> None:
        self.times.append(time.perf_counter())

    def record(self, seconds: float) -> np.ndarray:
        """Fire for `seconds` of event loop; the firing times."""
        self.times = []
        self.timer.start()
        spin(seconds)
        self.timer.stop()
        return np.array(self.times)


class BatchLog(QObject):
    """Receives the runner's batch progress in the GUI thread, as the window does."""

    def __init__(self):
        super().__init__()
        self.progress: list[tuple[float, object]] = []
        self.errors: list[str] = []

    @Slot(object)
    def on_batch(self, progress) -> None:
        self.progress.append((time.perf_counter(), progress))

    @Slot(str)
    def on_error(self, message: str) -> None:
        self.errors.append(message)

    def samples_per_s(self, batch_size: int) -> float | None:
        """Training speed seen through the signals, over the first epoch's reports."""
        first = [p for _, p in self.progress if p.epoch == 0]
        if len(first) < 2 or first[-1].elapsed <= first[0].elapsed:
            return None
        return (first[-1].batch - first[0].batch) * batch_size / (
            first[-1].elapsed - first[0].elapsed)


def make_window(model_path, settings_dir):
    """The app's main window on `model_path`, shown, remembering nothing in the user's
    settings (a throw-away ini file in `settings_dir` instead)."""
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow

    settings = QSettings(str(Path(settings_dir) / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(model_path=model_path, settings=settings)
    window.show()
    return window


def start_training(window, recipe) -> None:
    """Press Start in the Training tab with its fields set to `recipe`."""
    tab = window.training
    tab.load_recipe(recipe.name)
    for name, field in tab.fields.items():
        field.setText(str(getattr(recipe, name)))
    tab.stop_when_perfect.setChecked(recipe.stop_when_perfect)
    if tab.recipe() != recipe:
        raise RuntimeError(f"the Training tab does not take this recipe: {tab.recipe()}")
    tab.start()


def lateness_numbers(idle_s: float, training_s: float, recipe, model_path) -> dict:
    """p99 timer lateness in the window (showing `model_path`) idle, and while `recipe` trains
    through the Training tab's worker.

    Also: the p99 after the first batch report (once tracing and compiling are done), the
    worst slot, when the long stalls began, and the training speed seen through the worker's
    batch signals.
    """
    application()
    with tempfile.TemporaryDirectory() as settings_dir:
        window = make_window(model_path, settings_dir)
        runner, log, ticker = window.training.runner, BatchLog(), Ticker()
        runner.batch.connect(log.on_batch)
        runner.errored.connect(log.on_error)
        try:
            spin(SETTLE_S)
            window.wait_for_background(WAIT_MS)  # model loading, the search for wrong pairs
            idle = slot_lateness_ms(ticker.record(idle_s))
            started = time.perf_counter()
            start_training(window, recipe)
            times = ticker.record(training_s)
        finally:
            runner.stop()
            stopped = runner.wait(STOP_TIMEOUT_MS)
            spin(0.05)  # deliver the worker's last reports
            window.close()  # joins the worker and the pool's tasks
            window.deleteLater()
            spin(0.05)
    if not stopped:
        raise RuntimeError("the training thread did not stop")
    if log.errors:
        raise RuntimeError(f"training failed: {log.errors[0]}")
    training = slot_lateness_ms(times)
    gaps = np.diff(times) * 1e3
    stalls = [[round(float(t - started), 2), round(float(g), 1)]
              for t, g in zip(times[:-1], gaps, strict=True) if g > STALL_MS]
    first = log.progress[0][0] if log.progress else None
    steady = slot_lateness_ms(times[times > first]) if first else np.zeros(0)
    numbers = {
        "gui_lateness_ms_p99_idle": float(np.percentile(idle, 99)),
        "gui_lateness_ms_p99": float(np.percentile(training, 99)),
        "gui_lateness_ms_max": float(training.max()),
        "gui_first_batch_s": None if first is None else first - started,
        "gui_train_samples_per_s": log.samples_per_s(recipe.batch_size),
        "gui_stalls_s_ms": stalls,  # [seconds after Start, length in ms] of gaps over STALL_MS
    }
    if len(steady) > 1:
        numbers["gui_lateness_ms_p99_after_first_batch"] = float(np.percentile(steady, 99))
    return {k: v for k, v in numbers.items() if v is not None}


# Run in a fresh interpreter. Adder.answer is wrapped as core.inference is imported (not
# before: importing it loads TensorFlow, which the window must not wait for).
PROBE = r"""
import importlib.abc, importlib.util, os, sys, tempfile, threading, time
print("spawned", time.time(), flush=True)
answered = []

class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "core.inference":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            answer = module.Adder.answer
            def timed(self, a, b):
                result = answer(self, a, b)
                if threading.current_thread() is threading.main_thread() and not answered:
                    answered.append(time.time())  # shown, not the warm-up in a pool thread
                    print("answer", answered[0], flush=True)
                return result
            module.Adder.answer = timed
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Hook())
from gui.app import create_application
app = create_application()
from PySide6.QtCore import QSettings, QTimer
from gui.main_window import MainWindow
folder = tempfile.TemporaryDirectory()
settings = QSettings(folder.name + "/probe.ini", QSettings.Format.IniFormat)
window = MainWindow(model_path=sys.argv[2], settings=settings)
window.show()
app.processEvents()
print("window", time.time(), flush=True)
deadline = time.time() + float(sys.argv[1])
def poll():
    if answered or time.time() > deadline:
        app.quit()
timer = QTimer()
timer.timeout.connect(poll)
timer.start(5)
app.exec()
os._exit(0)  # a throw-away process: do not wait for the window's background work
"""


def start_numbers(model_path, timeout_s: float = START_TIMEOUT_S) -> dict:
    """Seconds from spawning a new app process on `model_path` to its window shown, and to
    its first answer on screen. The process is killed once it has answered (or timed out)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TF_CPP_MIN_LOG_LEVEL="2")
    start = time.time()
    command = [sys.executable, "-c", PROBE, str(timeout_s), str(model_path)]
    stamps = {}
    with tempfile.TemporaryFile("w+") as errors, subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env) as probe:
        watchdog = threading.Timer(timeout_s + 30, probe.kill)  # in case it hangs silently
        watchdog.start()
        try:
            for line in probe.stdout:
                parts = line.split()
                if len(parts) == 2 and parts[0] in ("spawned", "window", "answer"):
                    stamps[parts[0]] = float(parts[1]) - start
                if "answer" in stamps:
                    break
        finally:
            watchdog.cancel()
            probe.kill()
            probe.wait()
            errors.seek(0)
            err = errors.read()
    if "window" not in stamps:
        tail = (err.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the window did not open (exit {probe.returncode}): {tail}")
    numbers = {"start_window_s": stamps["window"], "start_python_s": stamps["spawned"]}
    if "answer" in stamps:
        numbers["start_first_answer_s"] = stamps["answer"]
    return numbers
