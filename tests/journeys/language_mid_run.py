"""Switch the language (View › Language) in the middle of a run, and back; the run goes on.

    python tests/journeys/language_mid_run.py
"""

from __future__ import annotations

from driver import App, run, say, wait_until
from PySide6.QtCore import QCoreApplication

TINY = {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0, "dropout": 0,
        "epochs": 100_000, "stop_when_perfect": False}  # it trains until the journey stops it
TABS = ("calculator", "training", "insight")


def titles(app: App) -> list[str]:
    return [app.tab_title(tab) for tab in TABS]


def journey(app: App) -> None:
    app.wait_loaded()
    english = titles(app)
    assert english == ["Calculator", "Training", "Insight"], english
    app.set_recipe("carry", **TINY)
    app.start()
    app.wait_batches()

    app.trigger("language_zh_CN")
    chinese = [QCoreApplication.translate("MainWindow", title) for title in english]
    assert all(c != e for c, e in zip(chinese, english, strict=True)), f"no Chinese for {english}"
    wait_until(lambda: titles(app) == chinese, "the tabs in Chinese")
    say(f"in Chinese: {titles(app)}; the bar says {app.bar()!r}")
    epochs = app.epochs_plotted()
    wait_until(lambda: app.epochs_plotted() > epochs or not app.running(),
               "an epoch in Chinese")
    assert app.running(), f"the run ended when the language changed: {app.status()!r}"

    app.trigger("language_en")
    wait_until(lambda: titles(app) == english, "the tabs in English again")
    epochs = app.epochs_plotted()
    wait_until(lambda: app.epochs_plotted() > epochs or not app.running(),
               "an epoch in English again")
    assert app.running(), f"the run ended when the language changed back: {app.status()!r}"
    models = len(app.models())
    app.stop()
    bar = app.wait_ended()
    say(f"the run: {bar!r}")
    assert bar.startswith("stopped"), bar
    assert len(app.models()) == models + 1, "the run's model did not join the list"
    app.close()


if __name__ == "__main__":
    run(journey)
