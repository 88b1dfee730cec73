"""The window's share of `lstm-adder bench`: timer lateness, start-up, switching models.

Timer lateness: a precise 10 ms QTimer runs in the app window (offscreen when there is no
display), first with nothing else going on, then while the session's run (session.run.Run)
trains a recipe. Every 10 ms slot in which the timer should have fired counts once, so a
2-second stall weighs 200 slots, not one.

Switching: while the seed recipe trains, open the carry model; seconds from the click until
the calculator answers with it.

Start-up: a fresh `python -c` process opens the window and reports when it is shown, when
the calculator first holds an answer, the worst timer lateness in the START_WATCH_S after the
window showed, and whether TensorFlow was imported by then; times count from just before the
spawn. Then it presses Start (the carry recipe): the worst lateness from that click to the
first batch report is the TensorFlow import's, on the Keras thread, with building and tracing
the model. (It needs a fresh process: the bench itself has imported TensorFlow long before.)
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
START_WATCH_S = 10.0  # timer lateness is watched this long after the window shows
WAIT_MS = 120_000  # for the window's background work
STALL_MS = 50  # gaps this long are listed with when they began


def application() -> QApplication:
    """The app's QApplication (offscreen unless a platform is set), made once."""
    from lstm_adder.gui.app import create_application

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

    from lstm_adder.gui.main_window import MainWindow

    settings = QSettings(str(Path(settings_dir) / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(model_path=model_path, settings=settings)
    window.confirm_close = False  # nobody is there to answer "save before closing?"
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


def switch_seconds(window, path, timeout_s: float = 60.0) -> float:
    """Seconds from asking `window` to open `path` until its calculator answers with it."""
    start = time.perf_counter()
    window.session.open(path)
    deadline = start + timeout_s
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        entry = window.calculator.model
        if entry is not None and entry.path is not None and \
                Path(entry.path).resolve() == Path(path).resolve() and \
                window.calculator.answer is not None:
            return time.perf_counter() - start
        time.sleep(0.001)
    raise RuntimeError(f"{Path(path).name} did not answer within {timeout_s:.0f} s")


def lateness_numbers(idle_s: float, training_s: float, recipe, model_path,
                     switch_to=None) -> dict:
    """p99 timer lateness in the window (showing `model_path`) idle, and while `recipe` trains
    through the Training tab (the session's run).

    Also: the p99 after the first batch report (once tracing and compiling are done), the
    worst slot, when the long stalls began, and the training speed seen through the run's
    batch reports.
    """
    application()
    with tempfile.TemporaryDirectory() as settings_dir:
        window = make_window(model_path, settings_dir)
        runner, log, ticker = window.session.run, BatchLog(), Ticker()
        runner.progress.connect(log.on_batch)
        runner.failed.connect(log.on_error)
        try:
            spin(SETTLE_S)
            window.wait_for_background(WAIT_MS)  # model loading, the search for wrong pairs
            idle = slot_lateness_ms(ticker.record(idle_s))
            started = time.perf_counter()
            start_training(window, recipe)
            times = ticker.record(training_s)
            switched = switch_seconds(window, switch_to) if switch_to else None
        finally:
            runner.stop()
            stopped = runner.wait(STOP_TIMEOUT_MS / 1000)
            spin(0.05)  # deliver the run's last reports
            window.close()  # joins the run and the lanes' tasks
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
    importing = slot_lateness_ms(times[times <= first]) if first else training
    numbers = {
        "gui_lateness_ms_p99_idle": float(np.percentile(idle, 99)),
        "gui_lateness_ms_p99": float(np.percentile(training, 99)),
        "gui_lateness_ms_max": float(training.max()),
        "gui_first_batch_s": None if first is None else first - started,
        "gui_train_samples_per_s": log.samples_per_s(recipe.batch_size),
        "gui_stalls_s_ms": stalls,  # [seconds after Start, length in ms] of gaps over STALL_MS
        "gui_start_to_first_batch_lateness_ms_max": (float(importing.max()) if len(importing)
                                                      else None),
        "switch_during_training_s": switched,
    }
    if len(steady) > 1:
        numbers["gui_lateness_ms_p99_after_first_batch"] = float(np.percentile(steady, 99))
    return {k: v for k, v in numbers.items() if v is not None}


# Run in a fresh interpreter: open the window, note when it shows and when the calculator
# first holds an answer, tick a 10 ms timer for argv[3] seconds after showing.
PROBE = r"""
import os, sys, tempfile, time
print("spawned", time.time(), flush=True)
from lstm_adder.gui.app import create_application
app = create_application()
from PySide6.QtCore import QSettings, Qt, QTimer
from lstm_adder.gui.main_window import MainWindow
folder = tempfile.TemporaryDirectory()
settings = QSettings(folder.name + "/probe.ini", QSettings.Format.IniFormat)
window = MainWindow(model_path=sys.argv[2], settings=settings)
window.confirm_close = False
window.show()
app.processEvents()
shown = time.time()
print("window", shown, flush=True)
deadline, watch = shown + float(sys.argv[1]), float(sys.argv[3])
ticks, import_ticks, state = [], [], {"phase": "watch"}
window.session.run.progress.connect(lambda progress: state.setdefault("batch", time.time()))
def poll():
    now = time.time()
    if state["phase"] == "watch":
        ticks.append(now)
        if window.calculator.answer is not None and "answered" not in state:
            state["answered"] = now
            print("answer", now, flush=True)
        if now > deadline:
            app.quit()
        elif "answered" in state and now > shown + watch:
            print("tensorflow", int("tensorflow" in sys.modules), flush=True)
            from lstm_adder.bench.window import start_training
            from lstm_adder.core.recipes import get_recipe
            state["phase"], state["start"] = "train", now
            start_training(window, get_recipe("carry"))  # Start imports TensorFlow
    else:
        import_ticks.append(now)
        if "batch" in state or now > state["start"] + 120:
            window.session.run.stop()
            app.quit()
timer = QTimer()
timer.setTimerType(Qt.TimerType.PreciseTimer)
timer.timeout.connect(poll)
timer.start(10)
app.exec()
print("ticks", " ".join(repr(t) for t in ticks), flush=True)
print("import_ticks", " ".join(repr(t) for t in import_ticks), flush=True)
os._exit(0)  # a throw-away process: do not wait for the window's background work
"""


def start_numbers(model_path, timeout_s: float = START_TIMEOUT_S,
                  watch_s: float = START_WATCH_S) -> dict:
    """Seconds from spawning a new app process on `model_path` to its window shown and to
    its first answer; the worst 10 ms-timer lateness over `watch_s` after the window showed;
    whether it imported TensorFlow (it must not, with no training asked for)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TF_CPP_MIN_LOG_LEVEL="2")
    start = time.time()
    command = [sys.executable, "-c", PROBE, str(timeout_s), str(model_path), str(watch_s)]
    lines = {}
    with tempfile.TemporaryFile("w+") as errors, subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env) as probe:
        watchdog = threading.Timer(timeout_s + watch_s + 30, probe.kill)
        watchdog.start()
        try:
            for line in probe.stdout:
                key, _, rest = line.strip().partition(" ")
                lines[key] = rest
        finally:
            watchdog.cancel()
            probe.kill()
            probe.wait()
            errors.seek(0)
            err = errors.read()
    if "window" not in lines:
        tail = (err.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the window did not open (exit {probe.returncode}): {tail}")
    numbers = {"start_window_s": float(lines["window"]) - start,
               "start_python_s": float(lines["spawned"]) - start,
               "start_imported_tensorflow": float(lines.get("tensorflow", "nan"))}
    if "answer" in lines:
        numbers["start_first_answer_s"] = float(lines["answer"]) - start
    ticks = [float(t) for t in lines.get("ticks", "").split()]
    if len(ticks) > 1:
        numbers["start_lateness_ms_max"] = float(slot_lateness_ms(ticks).max())
    importing = [float(t) for t in lines.get("import_ticks", "").split()]
    if len(importing) > 1:  # from Start to the first batch: import, build, trace
        numbers["tf_import_lateness_ms_max"] = float(slot_lateness_ms(importing).max())
        numbers["tf_import_to_first_batch_s"] = importing[-1] - importing[0]
    return numbers


def measure(sizes, recipe, models) -> tuple[dict, list[str]]:
    """The window's numbers for bench.run, or notes saying why some are missing. The window
    opens the bundled seed model (or the bench's stand-in, saved to a temporary file)."""
    from lstm_adder.assets import BUNDLED
    from lstm_adder.core.storage import save_model

    numbers, notes = {}, []
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name, bundled in models.items():
            paths[name] = BUNDLED[name]
            if not paths[name].is_file() or bundled.note == "":
                paths[name] = save_model(bundled.model, Path(folder) / f"{name}.keras",
                                         {"encoding": bundled.engine.encoding.name,
                                          "bits": bundled.engine.bits})
        for name, run in [
                ("timer lateness", lambda: lateness_numbers(
                    sizes.idle_s, sizes.training_s, recipe, paths["seed"], paths["carry"])),
                ("start-up probe", lambda: start_numbers(
                    paths["seed"], sizes.start_timeout_s, sizes.start_watch_s))]:
            try:
                numbers.update(run())
            except Exception as exc:
                notes.append(f"{name} failed: {type(exc).__name__}: {exc}")
    if numbers.get("start_imported_tensorflow"):
        notes.append("the start-up probe imported TensorFlow with no training asked for")
    return numbers, notes
