"""Start → Stop, round after round, with the bundled seed model on show; then the carry recipe
to its end, run after run; then close. Exit 0 when the app survived it all.

    python tests/journeys/start_stop.py --rounds 5 --then-carry 2           # the full carry
    python tests/journeys/start_stop.py --rounds 3 --then-carry 0 --tiny    # what CI runs

Odd rounds stop once a batch has trained (the model is built), even rounds at once (while
TensorFlow loads, or the model is being built). In a real window:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \\
        python tests/journeys/start_stop.py --rounds 5 --then-carry 2
"""

from __future__ import annotations

import argparse

from driver import App, run, say
from PySide6.QtWidgets import QMessageBox

Discard = QMessageBox.StandardButton.Discard
TINY = {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0, "dropout": 0}


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="Start → Stop rounds")
    parser.add_argument("--then-carry", type=int, default=0, metavar="N",
                        help="then train the carry recipe to its end N times")
    parser.add_argument("--tiny", action="store_true",
                        help="a tiny carry recipe (4-bit, 4 units, 2 epochs) for the runs "
                             "to the end")
    return parser.parse_args(argv)


def journey(app: App, rounds: int, carry_runs: int, tiny: bool) -> None:
    app.wait_loaded()
    assert app.shown() == "seed", f"the bundled seed model is not on show: {app.shown()!r}"
    app.set_recipe("carry")
    for round_ in range(1, rounds + 1):
        before = len(app.models())
        app.start()
        if round_ % 2:
            app.wait_batches()
        app.stop()
        bar = app.wait_ended()
        joined = len(app.models()) - before
        say(f"round {round_}: {bar!r}; {app.status()!r}")
        assert bar.startswith("stopped"), bar
        assert joined in (0, 1) if round_ % 2 == 0 else joined == 1, \
            f"round {round_}: {joined} models joined the list"
        assert app.shown() == "seed", f"round {round_}: {app.shown()!r} is on show"
    fields = {**TINY, "epochs": 2, "stop_when_perfect": False} if tiny else {}
    for run_ in range(1, carry_runs + 1):
        app.set_recipe("carry", **fields)
        before = len(app.models())
        app.start()
        bar = app.wait_ended(600)
        ended, epochs, bits, _ = app.newest()
        say(f"carry run {run_}: {bar!r}; {app.status()!r}")
        assert len(app.models()) == before + 1, "the run's model did not join the list"
        assert ended in ("FINISHED", "PERFECT"), f"carry run {run_} ended {ended}"
        assert bits == (TINY["bits"] if tiny else 8)
        if tiny:
            assert epochs == fields["epochs"], f"{epochs} epochs on the timeline"
    app.close(if_asked=Discard)  # on a desktop it asks: the runs' models are not saved


if __name__ == "__main__":
    args = parse_args()
    run(lambda app: journey(app, args.rounds, args.then_carry, args.tiny))
