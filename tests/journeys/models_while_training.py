"""While a run trains: switch models and widths, then open a corrupt file and a Keras 2 .h5.

    python tests/journeys/models_while_training.py --corrupt BAD.keras --h5 LSTM_Operation.h5 \\
        --pair 157 113 --keras-sum S

`S` is what Keras itself makes of the pair with the .h5 model (the test asks it): the
calculator must answer the same.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from driver import App, Press, run, say, wait_until
from PySide6.QtWidgets import QMessageBox

TINY = {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0, "dropout": 0,
        "epochs": 100_000, "stop_when_perfect": False}  # it trains until the journey stops it


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corrupt", type=Path, required=True)
    parser.add_argument("--h5", type=Path, required=True)
    parser.add_argument("--pair", type=int, nargs=2, required=True)
    parser.add_argument("--keras-sum", type=int, required=True)
    return parser.parse_args(argv)


def still_training(app: App, where: str) -> None:
    assert app.running(), f"the run ended {where}: {app.status()!r}"


def journey(app: App, args: argparse.Namespace) -> None:
    app.wait_loaded()
    say("the seed model answers")
    app.set_recipe("carry", **TINY)
    app.start()
    app.wait_batches()
    say("a batch has trained")

    app.trigger("open_carry")  # the bundled carry model
    wait_until(lambda: app.shown() == "carry", "the carry model to be on show")
    say("carry on show")
    app.wait_loaded()
    widths = app.widths()
    say(f"carry runs at {widths}")
    assert len(widths) > 1, "the carry model offers no other width"
    for index in (len(widths) - 1, 1, 0):
        app.choose_width(index)
        wait_until(lambda index=index: app.shown_bits() == widths[index],
                   f"the calculator at {widths[index]} bits")
        a, b = (1 << widths[index]) - 1, (1 << widths[index]) - 2
        app.set_pair(a, b)
        assert app.answer()[3] == a + b, f"true sum of {a} + {b}: {app.answer()}"
    for index, name in ((0, "seed"), (1, "carry")):
        app.choose_model(index)
        wait_until(lambda name=name: app.shown() == name, f"{name} back on show")
        app.wait_loaded()
    still_training(app, "while models and widths changed")

    models = app.models()
    error = Press(QMessageBox.StandardButton.Ok)
    with app.answering(error, "the error about the bad file"):
        app.open_file(args.corrupt)
    text = error.text
    say(f"the error says {text!r}")
    assert args.corrupt.name in text, f"the error does not name the file: {text!r}"
    assert app.models() == models, "a bad file joined the model list"
    wait_until(lambda: app.shown() == "carry", "the carry model to stay on show")
    still_training(app, "while a bad file was opened")

    app.open_file(args.h5)
    wait_until(lambda: app.shown() == args.h5.stem, f"{args.h5.name} to be on show")
    app.wait_loaded()
    app.set_pair(*args.pair)
    a, b, predicted, true = app.answer()
    say(f"{args.h5.name}: {a} + {b} = {predicted}; Keras says {args.keras_sum}")
    assert true == a + b
    assert predicted == args.keras_sum, f"the calculator says {predicted}, Keras " \
                                        f"{args.keras_sum}"
    assert len(app.models()) == len(models) + 1
    still_training(app, "while the .h5 opened")

    app.stop()
    bar = app.wait_ended()
    say(f"the run: {bar!r}")
    assert bar.startswith("stopped"), bar
    assert app.shown() == args.h5.stem, "the run's end took the .h5 off show"
    app.close()


if __name__ == "__main__":
    arguments = parse_args()
    run(lambda app: journey(app, arguments))
