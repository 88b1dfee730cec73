"""The app without Qt: the open models, the one on show, opening and saving, and the
training run, watched and replayed.

A `Session` is what the window's views render, and where their input goes. It calls no
widget: it announces each change through a Signal (session.signal), and runs file and numpy
work, Keras saves and training through the Executor it is given (session.executor), whose
answers come back on its own thread. Nothing here waits for that work.

    session = Session(Immediate())            # the app passes gui.tasks.TaskExecutor()
    session.load("assets/carry.keras")        # or open(path): the same, in the background
    session.on_show.set_width(16)             # the same weights on 16-bit numbers
    session.on_show.set_pair(157, 113)        # session.on_show.answer.predicted
    session.on_show.next_wrong()              # the pair moves to the model's next mistake

It is made of one part per concept, each a module of its own:

    session.opening    Opening: the model at start-up, a file read now or in the background
    session.running    Running: the training run (session.run.Run), its model into the list
    session.watching   Watching: a run followed as it learns, any epoch replayed
    session.saving     Saving: saving a model, what closing would lose, closing

This module holds what they share: the model list, the selection, and what is on show.
What is on show (`on_show`, session.on_show: what the calculator renders; `insight`,
session.insight: what the Insight tab renders) is the selected model (`current`), unless a
training run is followed (`following`), when it is the model of the run's last epoch
(`watched`), or unless an earlier epoch is replayed (`replay`, session.replay).

Signals (callbacks take the arguments in brackets):

    models_changed()         the model list, or the words for one of its models
    current_changed()        another model is selected
    training_changed()       a run began or ended (session.training)
    status(text, brief)      a line for the status bar (brief: it may go after a while)
    error(title, text)       something the user asked for failed: worth a dialog
    saved(entry, path)       a model was written to `path`
    save_failed(entry, text) a save failed (the model stays open, unsaved)
"""

from __future__ import annotations

from lstm_adder.session.executor import Executor
from lstm_adder.session.insight import Insight
from lstm_adder.session.on_show import OnShow
from lstm_adder.session.open_models import OpenModel
from lstm_adder.session.opening import Opening
from lstm_adder.session.replay import Replay
from lstm_adder.session.run import Run
from lstm_adder.session.running import Running
from lstm_adder.session.saving import KERAS_BUSY, Saving
from lstm_adder.session.seeds import Seeds
from lstm_adder.session.signal import Signal
from lstm_adder.session.watching import NO_MODEL, Watching

__all__ = ["KERAS_BUSY", "NO_MODEL", "Session"]


class Session(Opening, Running, Watching, Saving):
    def __init__(self, executor: Executor, run: Run | None = None):
        """`run`: the training run to own (default: a session.run.Run on `executor`)."""
        self.executor = executor
        self.models: list[OpenModel] = []
        self.current: OpenModel | None = None
        self.on_show = OnShow(executor)
        self.insight = Insight(executor)
        self.replay = Replay(executor)  # the timeline: a run's epochs, and the one on show
        self.closing = False
        self.models_changed, self.current_changed = Signal(), Signal()
        self.training_changed = Signal()
        self.status, self.error = Signal(), Signal()
        self.saved, self.save_failed = Signal(), Signal()
        self._init_running(run)
        self.seeds = Seeds(self)  # many seeds, each in a process (session.seeds)
        self.on_show.judged.connect(self._judged)
        self.insight.stage_done.connect(self._judged)
        self.replay.judged.connect(self._epoch_judged)

    # -- the model list -------------------------------------------------------------------

    def add(self, entry: OpenModel, select: bool = True) -> OpenModel:
        """Add a model that is already open and (by default) select it; a model of a file
        that is open already takes that one's place. An open still loading is dropped."""
        self._load_tag += 1
        self._add(entry, select)
        return entry

    def _add(self, entry: OpenModel, select: bool) -> None:
        same = next((i for i, m in enumerate(self.models) if m is entry or (
            entry.path is not None and m.path is not None
            and m.path.resolve() == entry.path.resolve())), None)
        if same is None:
            self.models.append(entry)
        else:  # opened again: the fresh copy replaces the old one
            select = select or self.models[same] is self.current
            self.models[same] = entry
        self.models_changed.emit()
        if select or self.current is None:
            self.select(entry)

    def select(self, entry: OpenModel) -> None:
        """Make `entry` (in the list) the current model and, unless a run is followed, show
        it at its own width. A replayed epoch ends; outside a run the timeline becomes the
        run of `entry`."""
        self.current = entry
        self.current_changed.emit()
        replaying = self.replay.replaying
        if self.training:
            self.replay.move(self.replay.epochs)
        else:
            self.replay.load(entry)
        if not self.following or replaying:
            self._show_present()

    # -- what is on show ------------------------------------------------------------------

    def _show(self, entry: OpenModel | None, message: str = "") -> None:
        """Show `entry` at its own width (None: nothing, saying `message`)."""
        self.insight.show(None if entry is None else entry.engine)
        self.on_show.show(entry, message)

    def _judged(self, *_) -> None:
        """A model may have been judged: its exact match goes into the list."""
        if not self.closing:
            self.models_changed.emit()
