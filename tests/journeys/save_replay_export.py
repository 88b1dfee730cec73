"""Train, save with every epoch, close; reopen the file in a new app, replay every epoch,
export a figure.

    python tests/journeys/save_replay_export.py --out DIR --epochs 3 save
    python tests/journeys/save_replay_export.py --out DIR --epochs 3 --pair 13 9 replay

`save` writes DIR/run.keras (the trained model, every epoch kept), and closes without a
question (nothing is unsaved). `replay` starts the app as `lstm-adder gui --model
DIR/run.keras`, replays every epoch, and writes DIR/curves.png (the Training tab's figure) and
DIR/answers.json: the calculator's sum of the pair after each epoch, which the test checks
against Keras's own answer from the saved file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from driver import App, run, say, wait_until

TINY = {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0, "dropout": 0,
        "stop_when_perfect": False}


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--pair", type=int, nargs=2, default=(13, 9))
    parser.add_argument("phase", choices=("save", "replay"))
    return parser.parse_args(argv)


def save(app: App, args: argparse.Namespace) -> None:
    saved = args.out / "run.keras"
    app.ask_before_closing()  # as on a desktop: it must not ask, with the model saved
    app.wait_loaded()
    app.set_recipe("carry", **TINY, epochs=args.epochs)
    app.set_keep_epochs(True)
    app.start()
    bar = app.wait_ended()
    say(f"the run: {bar!r}")
    assert app.newest()[:2] == ("FINISHED", args.epochs), app.newest()

    app.choose_model(len(app.models()) - 1)
    wait_until(lambda: app.shown().startswith("trained carry"), "the trained model on show")
    app.save_as(saved)
    wait_until(lambda: saved.is_file() and app.newest()[3], f"{saved.name} to be written")
    say(f"saved: {app.models()[-1]!r}")
    app.close()
    assert not app.window.isVisible(), "closing asked a question, with nothing unsaved"


def replay(app: App, args: argparse.Namespace) -> None:
    saved, figure = args.out / "run.keras", args.out / "curves.png"
    wait_until(lambda: app.shown() == saved.stem, f"{saved.name} on show")
    app.wait_loaded()
    app.set_pair(*args.pair)

    app.show_tab("training")
    assert app.slider_enabled(), "the reopened model's timeline cannot be replayed"
    assert app.slider_range() == (0, args.epochs), app.slider_range()
    answers = []
    for key in ["Home"] + ["Right"] * args.epochs:
        epoch = app.step_slider(key)
        wait_until(lambda epoch=epoch: app.shown_epoch() == epoch
                   and app.answer()[:2] == tuple(args.pair), f"epoch {epoch} on show")
        a, b, predicted, true = app.answer()
        say(f"epoch {epoch}: {a} + {b} = {predicted} ({app.epoch_label()!r})")
        assert true == a + b
        answers.append({"epoch": epoch, "a": a, "b": b, "predicted": predicted})
    assert [entry["epoch"] for entry in answers] == list(range(args.epochs + 1))
    (args.out / "answers.json").write_text(json.dumps(answers))

    app.export_figure(figure)
    wait_until(figure.is_file, f"{figure.name} to be written")
    app.close()


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.phase == "save":
        run(lambda app: save(app, arguments))
    else:
        run(lambda app: replay(app, arguments), ["--model", str(arguments.out / "run.keras")])
