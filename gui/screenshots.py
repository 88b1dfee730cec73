"""`python -m gui.screenshots OUT_DIR`: a PNG of each tab, drawn offscreen.

The Training tab shows a real run (the carry recipe at 8 bits, which stops once every pair is
right, about six epochs). The Calculator shows 157 + 113 on the bundled seed model, and the
Insight tab the bundled carry model at the same pair (each falls back on the model just
trained if the bundled file is not there).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

SIZE = (1180, 780)
PAIR = (157, 113)
RECIPE = "carry"
TRAINING_TIMEOUT_S = 900


def _wait(app, done, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("gave up waiting for the app")
        app.processEvents()
        time.sleep(0.02)


def take(out_dir: Path) -> list[Path]:
    """Train, answer, and save calculator.png and training.png into `out_dir`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from assets import BUNDLED
    from gui.app import create_application
    from gui.main_window import MainWindow

    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, autoload=False)
        window.confirm_close = False  # the run trained for the shots is thrown away
        window.resize(*SIZE)
        window.show()

        training = window.training
        training.load_recipe(RECIPE)
        training.start()
        _wait(app, lambda: not training.running, TRAINING_TIMEOUT_S)
        window.wait_for_background()
        epochs = training.plots.epochs
        if epochs:  # as if the mouse rested on the last epoch
            training.plots.readout.setText(training.plots.readout_at(epochs[-1].epoch))

        shots = []
        for model, tabs in (("seed", ((0, "calculator.png"), (1, "training.png"))),
                            ("carry", ((2, "insight.png"),))):
            if not (BUNDLED[model].is_file() and window.load_model(BUNDLED[model])):
                window.model_list.setCurrentIndex(0)  # the model just trained
            window.calculator.set_pair(*PAIR)
            window.wait_for_background(TRAINING_TIMEOUT_S * 1000)
            _wait(app, lambda: not window.insight.busy, TRAINING_TIMEOUT_S)
            for index, name in tabs:
                window.tabs.setCurrentIndex(index)
                app.processEvents()
                path = out_dir / name
                window.grab().save(str(path))
                shots.append(path)
        window.close()
    return shots


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m gui.screenshots OUT_DIR", file=sys.stderr)
        return 2
    for path in take(Path(argv[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
