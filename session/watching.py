"""What the user watches besides the selected model: a run as it learns, and any epoch of a
run replayed.

`Watching` is a part of session.Session (its mixin). With "watch it learn" on (`set_watch`),
a run's newest epoch is on show (`following`, `watched`); `show_epoch(k)` stands the timeline
(session.replay) at epoch k and puts the model as it was then on show, its end being the
present again (a followed run's last epoch, else the selected model).

    session.show_epoch(1)                     # on_show.engine: the weights after epoch 1
    session.replay.replaying                  # True until show_epoch(session.replay.epochs)

Uses from Session: `on_show`, `insight`, `replay`, `current`, `closing`, `_show`, and
running's `training`, `_recipe`, `_newest`.
"""

from __future__ import annotations

from lstm_adder.session.open_models import OpenModel, watching
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words

NO_MODEL = Words(QT_TRANSLATE_NOOP("session",
                                   "No model: open one from the File menu, or train one."))


class Watching:
    """Session's watching and replay (see the module's docstring)."""

    watch_wanted = False  # "watch it learn" is on
    watched: OpenModel | None = None  # the model of the run's last epoch, on show

    @property
    def following(self) -> bool:
        """Whether a training run is followed: its epochs, not the selection, are on show."""
        return self.training and self.watch_wanted

    def set_watch(self, on: bool) -> None:
        """"Watch it learn" on or off; off puts the selected model back on show."""
        self.watch_wanted = on
        if not on:
            self._end_watch()

    def _watch(self, metrics) -> None:
        entry = self.watched = watching(self._recipe, metrics)
        self.insight.watch(entry.engine, metrics.report, metrics.epoch)
        self.on_show.show(entry, Words(QT_TRANSLATE_NOOP(
            "session", "Watching training: epoch {0}, {1:.1%} exact"), metrics.epoch,
            metrics.exact), watched=True)

    def _end_watch(self) -> None:
        """Put the selected model back if a run's epoch is on show."""
        was_shown = self.watched is not None and self.on_show.model is self.watched
        self.watched = None
        if was_shown and not self.closing:
            self._show_current()

    def _show_current(self) -> None:
        if not self.following and not self.replay.replaying:
            self._show(self.current, "" if self.current else NO_MODEL)

    def _show_present(self) -> None:
        """The present on show: a followed run's last epoch, else the selected model."""
        if self.following and self._newest is not None:
            self._watch(self._newest)
        else:
            self._show(self.current, "" if self.current else NO_MODEL)

    # -- replaying an epoch ---------------------------------------------------------------

    def show_epoch(self, epoch: int) -> None:
        """Stand the timeline at `epoch` (held within 0..replay.epochs). Before its end the
        model as it was after that epoch is on show: its engine answers the pair at once, and
        its judgement of every pair (the error map, the per-bit accuracy) follows. A file or
        a run that kept only the maps shows the map while the model that stays answers (the
        final model; during a run, what the present shows). At the end, the present: the
        selected model, or a followed run's last epoch."""
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
        else:  # only the maps were kept: the final model, or the present, answers
            staying = self._staying()
            self.on_show.show(staying, replay.note(answering=staying), watched=True)
        replay.judge()

    def _staying(self) -> OpenModel | None:
        """What answers while an epoch whose weights were not kept is replayed: the run's
        final model, else (the run going) what the present shows."""
        if self.replay.model is not None:
            return self.replay.model
        return self.watched if self.following and self.watched is not None else self.current

    def _epoch_judged(self, epoch: int, report) -> None:
        replay = self.replay
        if self.closing or not replay.replaying or epoch != replay.epoch:
            return
        engine = replay.engine()
        staying = None if engine is not None else self._staying()
        self.insight.watch(engine or (staying.engine if staying is not None else None), report,
                           epoch, replayed=True)
        if engine is not None:
            self.on_show.take_report(engine, report, replay.note(report))

    def _to_present(self) -> None:
        """Leave a replayed epoch: the timeline at its end, the present on show."""
        if self.replay.replaying:
            self.replay.move(self.replay.epochs)
            self._show_present()
