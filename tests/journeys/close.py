"""Close the window in the middle of a run, or with a model that is not saved, answering
the question "Save before closing?" as a user would.

    python tests/journeys/close.py mid-run            # Discard: the run stops, the app ends
    python tests/journeys/close.py unsaved --out F    # Save: the model is written to F first

Either way the process must end with exit status 0, and no thread outliving the window
("QThread: Destroyed while thread is still running" on stderr: the test looks).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from driver import App, ChooseFile, Press, run, say
from PySide6.QtWidgets import QMessageBox

TINY = {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0, "dropout": 0,
        "stop_when_perfect": False}
Button = QMessageBox.StandardButton


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("case", choices=("mid-run", "unsaved"))
    parser.add_argument("--out", type=Path, help="where to save the unsaved model")
    return parser.parse_args(argv)


def mid_run(app: App) -> None:
    app.wait_loaded()
    app.ask_before_closing()
    app.set_recipe("carry", **TINY, epochs=100_000)
    app.start()
    app.wait_batches()
    question = Press(Button.Discard)
    with app.answering(question, "the question before closing"):
        app.close()
    assert "Training is running" in question.text, question.text
    assert not app.window.isVisible(), "Discard did not close the window"


def unsaved(app: App, out: Path) -> None:
    app.wait_loaded()
    app.ask_before_closing()
    app.set_recipe("carry", **TINY, epochs=1)
    app.start()
    say(f"the run: {app.wait_ended()!r}")
    question = Press(Button.Save)
    with app.answering(ChooseFile(out), "the Save dialog"), \
            app.answering(question, "the question before closing"):
        app.close()
    assert "not saved" in question.text, question.text
    assert not app.window.isVisible(), "saving did not close the window"
    assert out.is_file(), f"{out} was not written"


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.case == "mid-run":
        run(mid_run)
    else:
        run(lambda app: unsaved(app, arguments.out))
