"""The pictures in docs/, drawn offscreen.

    python -m lstm_adder.gui.screenshots OUT_DIR        # calculator, training, insight .png
    python -m lstm_adder.gui.screenshots --map [MODEL]  # docs/insight-map.png: the Insight tab

The Training tab shows a real run (the carry recipe at 8 bits, which stops once every pair is
right, about six epochs). The Calculator shows 157 + 113 on the bundled seed model, and the
Insight tab the bundled carry model at the same pair (each falls back on the model just
trained if the bundled file is not there). The map is drawn for MODEL, or for a carry model
trained for 5 of its 6 epochs, when its mistakes still show a pattern.
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
MAP_SHOT = "docs/insight-map.png"
MAP_SIZE = (1280, 900)
MAP_EPOCHS = 5  # the sixth makes the carry recipe exactly right, and its map plain black


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

    from lstm_adder.assets import BUNDLED
    from lstm_adder.gui.app import create_application
    from lstm_adder.gui.main_window import MainWindow

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
            if not (BUNDLED[model].is_file() and window.session.load(BUNDLED[model])):
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


def insight_map(model_path: str | None = None, out: str = MAP_SHOT) -> Path:
    """Grab an InsightTab on a real model to `out` (trains a carry model if none is given)."""
    from PySide6.QtWidgets import QApplication

    from lstm_adder.core.engine import Engine
    from lstm_adder.gui.insight_tab import DEFAULT_PAIR, InsightTab

    app = QApplication.instance() or QApplication(sys.argv)
    if model_path:
        engine, _ = Engine.from_file(model_path)
    else:
        from lstm_adder.core.quiet import import_tensorflow
        from lstm_adder.core.recipes import get_recipe
        from lstm_adder.core.training import train

        import_tensorflow()  # a script: training here blocks no window
        result = train(get_recipe("carry", epochs=MAP_EPOCHS), keep_epochs=True)
        engine = result.history[-1].engine
    tab = InsightTab()
    tab.resize(*MAP_SIZE)
    tab.show()
    finished = []
    tab.computed.connect(lambda: finished.append(True))  # GUI thread to GUI thread
    tab.set_pair(*DEFAULT_PAIR)
    tab.set_engine(engine)
    _wait(app, lambda: finished, TRAINING_TIMEOUT_S)
    app.processEvents()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    tab.grab().save(out)
    tab.shutdown()
    return Path(out)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--map"] and len(argv) <= 2:
        print(f"saved {insight_map(*argv[1:])}")
        return 0
    if len(argv) != 1:
        print("usage: python -m lstm_adder.gui.screenshots OUT_DIR | --map [MODEL]",
              file=sys.stderr)
        return 2
    for path in take(Path(argv[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
