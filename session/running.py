"""The training run the session owns: started and stopped here, its reports taken in.

`Running` is a part of session.Session (its mixin). The run itself is a session.run.Run on
the session's executor (its Keras lane); the session listens to it and keeps the run's state:

    session.start_training(recipe)    the timeline becomes the run's (epoch 0, then each
                                      epoch as it comes); Keras starts on its own thread
    session.stop_training()           the run ends after the batch that is running
    session.training                  True from start_training until the run's end is in

Views render the run from `session.run`'s signals (started, progress, epoch, finished,
failed), connected after the session's own, so the session's state is new when they draw.
`training_changed()` is emitted when a run begins and when it ends (what can be saved
changes). A run that made a model adds it to the list, named "trained RECIPE #N", unsaved;
if the run was followed ("watch it learn"), it is selected.

Uses from Session: `executor`, the model list (`_add`), `replay`, `on_show`, `status`,
`closing`, `_judged`, and watching's `_watch`, `_end_watch`, `following`, `_show_present`.
"""

from __future__ import annotations

from functools import partial

from lstm_adder.core.recipes import Recipe
from lstm_adder.session.open_models import (
    OpenModel,
    from_training,
    trained_name,
    training_name,
)
from lstm_adder.session.reports import judged
from lstm_adder.session.run import Run
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words


class Running:
    """Session's training run (see the module's docstring)."""

    def _init_running(self, run: Run | None) -> None:
        self.run = run if run is not None else Run(self.executor)
        self.training = False  # a run is going: Keras is busy
        self._recipe: Recipe | None = None  # the recipe of the run going
        self._newest = None  # the run's last EpochMetrics
        self._runs = 0  # runs that made a model, for their names
        self.run.initial.connect(self._initial)
        self.run.epoch.connect(self._epoch)
        self.run.finished.connect(self._run_finished)
        self.run.failed.connect(self._run_failed)

    def start_training(self, recipe: Recipe, logdir=None) -> bool:
        """Train `recipe` on the Keras lane (False if a run is going; `logdir`: a folder to
        log it to for TensorBoard): the timeline is the run's from now on."""
        if self.training or self.run.running or self.closing:
            return False
        replaying = self.replay.replaying
        self.training, self._recipe, self._newest = True, recipe, None
        self.replay.start_run(recipe.bits, training_name(recipe.name), self.keep_epochs)
        if replaying:
            self._show_present()
        if logdir is None:  # "Keep every epoch": its weights too
            self.run.start(recipe, self.keep_epochs)
        else:
            self.run.start(recipe, self.keep_epochs, logdir)
        self.training_changed.emit()
        return True

    def stop_training(self) -> None:
        """Ask the run to end after its batch (returns at once; `run.finished` follows)."""
        self.run.stop()

    def _initial(self, engine, wrong_map) -> None:
        """The run's untrained model (epoch 0 of its timeline) and its wrong-bit map."""
        if not self.closing:
            self.replay.add_initial(engine, wrong_map)

    def _epoch(self, metrics) -> None:
        """A run's epoch (core.training.EpochMetrics, with its engine): on show if the run
        is followed."""
        if self.closing:
            return
        self.replay.add_epoch(metrics)
        self._newest = metrics
        if self.following and not self.replay.replaying:
            self._watch(metrics)

    def _run_failed(self, message: str) -> None:
        self._run_finished(None, None)

    def _run_finished(self, result, trained) -> None:
        """The run ended (`trained`: session.open_models.Trained, None if it made no usable
        model); its model joins the list, on show if the run was followed."""
        self.training, self._recipe, self._newest = False, None, None
        if self.closing:
            return
        self.training_changed.emit()
        if trained is None:
            self.replay.finish(None)
            self._end_watch()  # diverged, failed or stopped early: the model on show stays
            return
        follow, self.watched = self.watched is not None, None
        self._runs += 1
        entry = from_training(trained, trained_name(trained.result.recipe.name, self._runs))
        self.replay.finish(entry)
        self._add(entry, select=follow)
        if self.on_show.model is not entry:  # on show, it is judged already
            self.executor.submit(partial(judged, entry.engine), self._judged,
                                 partial(self._background_failed, entry))
        self.status.emit(Words(QT_TRANSLATE_NOOP(
            "session", "{0} joined the model list, not saved yet (File › Save model as…)"),
            entry.name), True)

    def _background_failed(self, entry: OpenModel, message: str) -> None:
        if not self.closing:
            self.status.emit(Words(QT_TRANSLATE_NOOP("session", "Could not judge {0}: {1}"),
                                   entry.name, message), True)
