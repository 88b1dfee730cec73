"""The app without Qt: the open models, the one on show, opening and saving, and a training
run being watched.

A `Session` is what the window's views render, and where their input goes. It calls no
widget: it announces each change through a Signal (session.signal), and runs file and numpy
work, and Keras saves, through the Executor it is given (session.executor), whose answers
come back on its own thread. Nothing here waits for that work.

    session = Session(Immediate())            # the app passes gui.tasks.TaskExecutor()
    session.load("assets/carry.keras")        # or open(path): the same, in the background
    session.on_show.set_width(16)             # the same weights on 16-bit numbers
    session.on_show.set_pair(157, 113)        # session.on_show.answer.predicted
    session.on_show.next_wrong()              # the pair moves to the model's next mistake

What is on show (`on_show`, session.on_show: what the calculator renders; `insight`,
session.insight: what the Insight tab renders) is the selected model (`current`), unless a
training run is followed ("watch it learn": `following`), when it is the model of the run's
last epoch (`watched`), or unless an earlier epoch is replayed: `replay` (session.replay) is
the timeline of the run going or of the selected model, and `show_epoch(k)` puts the model as
it was after epoch k on show (its end, the present again).

    session.show_epoch(1)                     # on_show.engine: the weights after epoch 1
    session.replay.replaying                  # True until show_epoch(session.replay.epochs)

Signals (callbacks take the arguments in brackets):

    models_changed()         the model list, or the words for one of its models
    current_changed()        another model is selected
    status(text, brief)      a line for the status bar (brief: it may go after a while)
    error(title, text)       something the user asked for failed: worth a dialog
    saved(entry, path)       a model was written to `path`
    save_failed(entry, text) a save failed (the model stays open, unsaved)
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from lstm_adder.core.checks import check_out_path
from lstm_adder.core.errors import InputError, ModelFileError, shown_path
from lstm_adder.session.executor import Executor
from lstm_adder.session.insight import Insight
from lstm_adder.session.on_show import LOADING, OnShow
from lstm_adder.session.open_models import (
    OpenModel,
    TrainedHere,
    from_training,
    open_file,
    open_first,
    start_paths,
    watching,
)
from lstm_adder.session.replay import Replay
from lstm_adder.session.reports import judged
from lstm_adder.session.signal import Signal

NO_MODEL = "No model: open one from the File menu, or train one."
KERAS_BUSY = ("Only Keras can write this model, and Keras is training: stop training to "
              "save it.")


class Session:
    def __init__(self, executor: Executor):
        self.executor = executor
        self.models: list[OpenModel] = []
        self.current: OpenModel | None = None
        self.on_show = OnShow(executor)
        self.insight = Insight(executor)
        self.training = False  # a run is going: Keras is busy
        self.watch_wanted = False  # "watch it learn" is on
        self.watched: OpenModel | None = None  # the model of the run's last epoch, on show
        self.replay = Replay(executor)  # the timeline: a run's epochs, and the one on show
        self.keep_epochs = False  # a save of a model trained here keeps every epoch's weights
        self.closing = False
        self._recipe = None  # the recipe of the run going
        self._newest = None  # the run's last EpochMetrics
        self._runs = 0  # runs that made a model, for their names
        self._load_tag = 0  # an open whose tag is not this one's has been overtaken
        self.models_changed, self.current_changed = Signal(), Signal()
        self.status, self.error = Signal(), Signal()
        self.saved, self.save_failed = Signal(), Signal()
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

    def unsaved(self) -> list[OpenModel]:
        """The models trained here that are in no file: closing would lose them."""
        return [entry for entry in self.models if entry.unsaved]

    def _open(self, path) -> OpenModel | None:
        return next((m for m in self.models if m.is_file(path)), None)

    # -- opening --------------------------------------------------------------------------

    def open_at_start(self, model_path, last: str, bundled: dict[str, Path]) -> None:
        """Open `model_path`, else the `last` model, else a bundled one (seed, then carry)."""
        candidates = start_paths(model_path, last, bundled)
        if not candidates:
            missing = ", ".join(f"assets/{path.name}" for path in bundled.values())
            message = (f"No model yet ({missing} not found). Open a model file, "
                       "or train one in the Training tab.")
            self.on_show.show(None, message)
            self.status.emit(message, False)
            return
        self._open_async(partial(open_first, candidates), LOADING)

    def open(self, path) -> None:
        """Read `path` in the background; nothing is on show ("Loading…") until it is in. A
        file already open, and unchanged since, is selected instead (not judged again)."""
        if not self._select_open(path):
            self._open_async(partial(open_first, [Path(path)]), f"Loading {Path(path).name}…")

    def load(self, path) -> bool:
        """Open `path` now (h5py, no TensorFlow) and select it; on failure say so (`error`)
        and keep the model on show. A file already open and unchanged is selected."""
        if self._select_open(path):
            return True
        self._load_tag += 1
        try:
            entry = open_file(path)
        except ModelFileError as exc:
            self._show_current()
            self.error.emit("Cannot open the model", str(exc))
            return False
        self._add(entry, select=True)
        return True

    def _select_open(self, path) -> bool:
        entry = self._open(path)
        if entry is None:
            return False
        self._load_tag += 1
        self.select(entry)
        return True

    def _open_async(self, fn, message: str) -> None:
        self._load_tag += 1
        tag = self._load_tag
        self._to_present()
        if not self.following:  # a watched run stays on show
            self.on_show.show(None, message)  # the Insight tab keeps its model
        self.status.emit(message, False)
        self.executor.submit(lambda cancel: fn(), partial(self._loaded, tag),
                             partial(self._load_failed, tag))

    def _loaded(self, tag: int, entry: OpenModel) -> None:
        if tag == self._load_tag and not self.closing:
            self._add(entry, select=True)
            where = f" from {shown_path(entry.path)}" if entry.path else ""
            self.status.emit(entry.notice or f"Opened {entry.description}{where}", True)

    def _load_failed(self, tag: int, message: str) -> None:
        if tag == self._load_tag and not self.closing:
            self._show_current()
            self.error.emit("Cannot open the model", message)

    # -- what is on show ------------------------------------------------------------------

    @property
    def following(self) -> bool:
        """Whether a training run is followed: its epochs, not the selection, are on show."""
        return self.training and self.watch_wanted

    def _show(self, entry: OpenModel | None, message: str = "") -> None:
        """Show `entry` at its own width (None: nothing, saying `message`)."""
        self.insight.show(None if entry is None else entry.engine)
        self.on_show.show(entry, message)

    def _show_current(self) -> None:
        if not self.following and not self.replay.replaying:
            self._show(self.current, "" if self.current else NO_MODEL)

    def _show_present(self) -> None:
        """The present on show: a followed run's last epoch, else the selected model."""
        if self.following and self._newest is not None:
            self._watch(self._newest)
        else:
            self._show(self.current, "" if self.current else NO_MODEL)

    def _judged(self, *_) -> None:
        """A model may have been judged: its exact match goes into the list."""
        if not self.closing:
            self.models_changed.emit()

    # -- a training run -------------------------------------------------------------------

    def run_started(self, recipe) -> None:
        """A run begins: the timeline is its own from now on."""
        replaying = self.replay.replaying
        self.training, self._recipe, self._newest = True, recipe, None
        self.replay.start_run(recipe.bits, f"training {recipe.name}")
        if replaying:
            self._show_present()

    def initial_done(self, engine, wrong_map) -> None:
        """The run's untrained model (epoch 0 of its timeline) and its wrong-bit map."""
        if not self.closing:
            self.replay.add_initial(engine, wrong_map)

    def set_watch(self, on: bool) -> None:
        """"Watch it learn" on or off; off puts the selected model back on show."""
        self.watch_wanted = on
        if not on:
            self._end_watch()

    def epoch_done(self, metrics) -> None:
        """A run's epoch (core.training.EpochMetrics, with its engine): on show if the run
        is followed."""
        if self.closing:
            return
        self.replay.add_epoch(metrics)
        self._newest = metrics
        if self.following and not self.replay.replaying:
            self._watch(metrics)

    def _watch(self, metrics) -> None:
        entry = self.watched = watching(self._recipe, metrics)
        self.insight.watch(entry.engine, metrics.report, metrics.epoch)
        self.on_show.show(entry, f"Watching training: epoch {metrics.epoch}, "
                          f"{metrics.exact:.1%} exact", watched=True)

    def run_ended(self, trained, message: str) -> None:
        """The run ended (`trained`: session.open_models.Trained, None if it made no usable
        model); its model joins the list, on show if the run was followed."""
        self.training, self._recipe, self._newest = False, None, None
        if self.closing:
            return
        self.status.emit(message, True)
        if trained is None:
            self.replay.finish(None)
            self._end_watch()  # diverged, failed or stopped early: the model on show stays
            return
        follow, self.watched = self.watched is not None, None
        self._runs += 1
        entry = from_training(trained, f"trained {trained.result.recipe.name} #{self._runs}")
        self.replay.finish(entry)
        self._add(entry, select=follow)
        if self.on_show.model is not entry:  # on show, it is judged already
            self.executor.submit(partial(judged, entry.engine), self._judged,
                                 partial(self._background_failed, entry))
        self.status.emit(f"{entry.name} joined the model list, not saved yet "
                         "(File › Save model as…)", True)

    def _background_failed(self, entry: OpenModel, message: str) -> None:
        if not self.closing:
            self.status.emit(f"Could not judge {entry.name}: {message}", True)

    def _end_watch(self) -> None:
        """Put the selected model back if a run's epoch is on show."""
        was_shown = self.watched is not None and self.on_show.model is self.watched
        self.watched = None
        if was_shown and not self.closing:
            self._show_current()

    # -- replaying an epoch ---------------------------------------------------------------

    def show_epoch(self, epoch: int) -> None:
        """Stand the timeline at `epoch` (held within 0..replay.epochs). Before its end the
        model as it was after that epoch is on show: its engine answers the pair at once, and
        its judgement of every pair (the error map, the per-bit accuracy) follows. A file
        that kept only the maps shows the map while the final model answers. At the end, the
        present: the selected model, or a followed run's last epoch."""
        if self.closing or not self.replay.move(epoch):
            return
        if not self.replay.replaying:
            self._show_present()
            return
        replay = self.replay
        engine = replay.engine()
        if engine is not None:
            self.on_show.show(OpenModel(replay.epoch_name(), engine), replay.note(),
                              watched=True)
        else:  # only the maps were kept: the final model answers
            self.on_show.show(replay.model, replay.note(), watched=True)
        replay.judge()

    def _epoch_judged(self, epoch: int, report) -> None:
        replay = self.replay
        if self.closing or not replay.replaying or epoch != replay.epoch:
            return
        engine = replay.engine()
        self.insight.watch(engine or replay.model.engine, report, epoch, replayed=True)
        if engine is not None:
            self.on_show.take_report(engine, report, replay.note(report))

    def _to_present(self) -> None:
        """Leave a replayed epoch: the timeline at its end, the present on show."""
        if self.replay.replaying:
            self.replay.move(self.replay.epochs)
            self._show_present()

    def set_keep_epochs(self, on: bool) -> None:
        """Whether saving a model trained here keeps every epoch's weights in its file."""
        self.keep_epochs = on

    # -- saving and closing ---------------------------------------------------------------

    def can_save(self, entry: OpenModel | None = None) -> tuple[bool, str]:
        """Whether `entry` (default: the current model) can be saved now, and if it waits
        for a run, why."""
        entry = entry or self.current
        if entry is None or entry.source is None:
            return False, ""
        if entry.source.needs_keras and self.training:
            return False, "Stop training to save this model"
        return True, ""

    def save(self, path, entry: OpenModel | None = None) -> bool:
        """Start writing `entry` (default: the current model) to `path` (.keras added to a
        name without a suffix, written atomically): `saved` or `save_failed` follows. False,
        with `error` or `save_failed`, if the save cannot even start."""
        entry = entry or self.current
        if entry is None or entry.source is None:
            return False
        if not self.can_save(entry)[0]:
            self.error.emit("Cannot save the model yet", KERAS_BUSY)
            return False
        try:
            path = check_out_path(path)
        except InputError as exc:
            self._save_failed(entry, str(exc))
            return False
        source, keep = entry.source, self.keep_epochs
        self.executor.submit(lambda cancel: source.save(path, *entry.save_parts(keep)),
                             partial(self._saved, entry), partial(self._save_failed, entry),
                             keras=source.needs_keras)
        self.status.emit(f"Saving {entry.name} to {path}…", False)
        return True

    def _saved(self, entry: OpenModel, path: Path) -> None:
        if entry in self.models:
            before = entry.source
            entry.saved_as(path)
            if isinstance(before, TrainedHere):  # the Keras thread may drop its model
                self.executor.submit(before.release, _ignore, _ignore, keras=True)
            self.models_changed.emit()
        if not self.closing:
            self.status.emit(f"Saved {entry.name} to {path}", True)
        self.saved.emit(entry, path)

    def _save_failed(self, entry: OpenModel, message: str) -> None:
        if not self.closing:
            self.error.emit("Cannot save the model", f"{message}\n\n{entry.name} is still "
                            "open: save it somewhere else.")
        self.save_failed.emit(entry, message)

    def close_question(self) -> list[str]:
        """What closing now would lose, one line each (none: close without asking)."""
        unsaved, lines = self.unsaved(), []
        if self.training:
            lines.append("Training is running: closing stops it.")
        if unsaved:
            names = ", ".join(entry.name for entry in unsaved)
            many = len(unsaved) > 1
            lines.append(f"{len(unsaved)} trained model{'s' * many} "
                         f"{'are' if many else 'is'} not saved: {names}.")
        return lines

    def close(self) -> None:
        """Stop all work for what is on show; late answers are dropped from now on."""
        self.closing = True
        self.on_show.close()
        self.insight.stop()


def _ignore(*args) -> None:
    pass
