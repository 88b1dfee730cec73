"""The timeline: one run's epochs, and where the user stands on it.

The Training tab's timeline replays one run (core.replay.Timeline): the run going, whose epochs
are added as they come, else the run that made the selected model (trained in this window, or
read from a file that carries a replay). `epoch` is where the timeline stands, 0 (untrained)
to `epochs`. Its end is the present: the model itself, or during a run what "watch it learn"
shows. Anywhere before the end it is `replaying`: Session.show_epoch puts the model as it was
after that epoch on show. During a run the timeline follows the newest epoch, unless the user
holds it somewhere else; back at the end, it follows again.

A run keeps every epoch's weights only with "Keep every epoch" (session.keep_epochs, taken
when the run starts); without it the timeline holds each epoch's packed map and metrics only,
like a file saved without them, and an epoch replayed shows its map, curves and per-bit
accuracy while the model on show (the run's final model, or during the run what was on show)
answers, with a line that says so (`note`).

An epoch's engine answers one pair at once (a forward pass). Every pair of an epoch is judged
off the thread (Timeline.report, which keeps the last few): one epoch at a time, and while one
is judged only the latest epoch asked for waits, so dragging across fifty epochs judges two,
not fifty. A file that kept only the maps judges nothing: its report is the saved map, with
the per-bit accuracy its history recorded.

Signals: `changed()` another run, another epoch on the timeline, or another place on it;
`curves()` the run of another model is on the timeline: its `history` is what to plot;
`judged(epoch, report)` every pair of `epoch` has been judged.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import numpy as np

from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import Report
from lstm_adder.core.maps import PackedMap
from lstm_adder.core.replay import Timeline
from lstm_adder.session.executor import Executor
from lstm_adder.session.reports import scope
from lstm_adder.session.signal import Signal
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words

MAPS_ONLY = QT_TRANSLATE_NOOP(
    "session", "Epoch {0} of {1}: this file kept each epoch's error map but not its weights, "
    "so the calculator answers with the final model.")
NOT_KEPT = QT_TRANSLATE_NOOP(
    "session", "Epoch {0} of {1}: this run did not keep its epochs' weights (Keep every epoch "
    "was off), so its map and curves are shown while {2} answers.")


def _judge(timeline: Timeline, epoch: int, cancel) -> Report | None:
    """Every pair after `epoch`; a saved map's unknown per-bit accuracy filled from the
    epoch's history (the trainer judged every pair then, so it is the same)."""
    report = timeline.report(epoch)
    history = timeline.history
    if (report is not None and np.isnan(report.bit_accuracy).all()
            and 0 < epoch <= len(history) and history[epoch - 1].get("bit_accuracy")):
        report = replace(report, bit_accuracy=np.asarray(history[epoch - 1]["bit_accuracy"]))
    return report


class Replay:
    """One run's timeline and the epoch it stands on (see the module's docstring)."""

    def __init__(self, executor: Executor):
        self.executor = executor
        self.timeline: Timeline | None = None
        self.model = None  # the OpenModel the run made (None: the run going, or none made)
        self.name = ""  # what the run is called, for the epochs it puts on show
        self.epoch = 0
        self.live = False  # the run is going: epochs are still coming
        self._judging = False  # a judgement is running
        self._wanted: int | None = None  # the epoch to judge next
        self.changed, self.curves, self.judged = Signal(), Signal(), Signal()

    # -- what it holds ----------------------------------------------------------------------

    @property
    def epochs(self) -> int:
        """The last epoch on the timeline (0 with none, or only the untrained model)."""
        return max(0, self.timeline.epochs) if self.timeline is not None else 0

    @property
    def replaying(self) -> bool:
        """Whether an earlier epoch than the present is on show."""
        return self.timeline is not None and self.epoch < self.epochs

    @property
    def restored(self) -> int | None:
        """The epoch whose weights the run's model holds when training restored a better one
        than the last (core.training keeps the best epoch); None when the model is the last
        epoch, or while the run goes."""
        info = getattr(self.model, "info", None) or {}
        best = None if self.live else info.get("best_epoch")
        return best if type(best) is int and 0 < best < self.epochs else None

    @property
    def weights_kept(self) -> bool:
        return self.timeline is not None and self.timeline.engines is not None

    def engine(self) -> Engine | None:
        """The model as it was after `epoch`, when its weights were kept."""
        return None if self.timeline is None else self.timeline.engine(self.epoch)

    @property
    def history(self) -> list[dict]:
        """The run's metrics of epochs 1..N (EpochMetrics.to_dict()), to plot."""
        if self.timeline is not None:
            return self.timeline.history
        return list(self.model.info.get("history", [])) if self.model is not None else []

    # -- which run --------------------------------------------------------------------------

    def load(self, model) -> None:
        """The run that made `model` (an OpenModel; its `timeline` may be None: only its
        curves then), at its end."""
        if model is self.model and not self.live:
            self.move(self.epochs)
            return
        self._enter(getattr(model, "timeline", None), model, model.name if model else "")
        self.curves.emit()

    def start_run(self, bits: int, name: str, keep_epochs: bool = False) -> None:
        """A run begins: its epochs come with add_initial and add_epoch; their engines are
        kept only with `keep_epochs`."""
        self._enter(Timeline(bits, [], [], [] if keep_epochs else None), None, name)
        self.live = True

    def add_initial(self, engine: Engine, wrong_map) -> None:
        """Epoch 0 of the run going: the untrained model and its wrong-bit map."""
        timeline = self.timeline
        timeline.maps.append(PackedMap.of(wrong_map))
        if timeline.engines is not None:
            timeline.engines.append(engine.without_table())
        self.changed.emit()

    def add_epoch(self, metrics) -> None:
        """An epoch of the run going (core.training.EpochMetrics); the timeline follows it
        unless it is held on an earlier one."""
        timeline, follow = self.timeline, not self.replaying
        if not self.live or not timeline.maps:
            return  # no epoch 0: not this run's
        report, packed = metrics.report, metrics.wrong_map
        if packed is None and report is not None:
            packed = PackedMap.pack(report.wrong_bits)
        timeline.maps.append(packed)
        if timeline.engines is not None:
            timeline.engines.append(metrics.engine.without_table())
        timeline.history.append(metrics.to_dict())
        if follow:
            self.epoch = self.epochs
        self.changed.emit()

    def finish(self, model) -> None:
        """The run going ended; `model` (an OpenModel, None if it made none) is its model.
        The timeline stays where it stands."""
        self.live = False
        if model is not None and model.timeline is not None:
            self.timeline, self.model, self.name = model.timeline, model, model.name
            self.epoch = min(self.epoch, self.epochs)
        self.changed.emit()

    def _enter(self, timeline: Timeline | None, model, name: str) -> None:
        self.timeline, self.model, self.name, self.live = timeline, model, name, False
        self.epoch, self._wanted = self.epochs, None
        self.changed.emit()

    # -- where it stands --------------------------------------------------------------------

    def move(self, epoch: int) -> bool:
        """Stand at `epoch` (held within 0..epochs); False if that changes nothing."""
        epoch = min(max(int(epoch), 0), self.epochs)
        if epoch == self.epoch:
            return False
        self.epoch = epoch
        self.changed.emit()
        return True

    def epoch_name(self) -> str:
        return Words(QT_TRANSLATE_NOOP("session", "{0} · epoch {1}"), self.name, self.epoch)

    @property
    def trained_here(self) -> bool:
        """Whether the run on the timeline is one of this window's (going, or its model's)."""
        return self.live or getattr(self.model, "ended", None) is not None

    def note(self, report: Report | None = None, answering=None) -> str:
        """What the calculator says under the epoch on show: which epoch, and its wrong pairs
        once judged (`report`); or that the file or the run kept no weights for it, and so
        `answering` (the OpenModel on show) answers."""
        if not self.weights_kept and self.trained_here:
            name = answering.name if answering is not None else self.name
            return Words(NOT_KEPT, self.epoch, self.epochs, name)
        if not self.weights_kept:
            return Words(MAPS_ONLY, self.epoch, self.epochs)
        if report is None:
            return Words(QT_TRANSLATE_NOOP("session", "Replaying epoch {0}: judging every pair…"),
                         self.epoch)
        return Words(QT_TRANSLATE_NOOP("session", "Replaying epoch {0}: {1:,} wrong of {2} "
                                                  "({3:.2%} right)"),
                     self.epoch, report.wrong_count, scope(report), report.exact)

    # -- judging ----------------------------------------------------------------------------

    def judge(self) -> None:
        """Judge every pair of the epoch on show, off the thread: `judged` follows."""
        self._wanted = self.epoch
        if not self._judging:
            self._next()

    def _next(self) -> None:
        epoch, timeline = self._wanted, self.timeline
        self._wanted = None
        if epoch is None or timeline is None:
            return
        self._judging = True
        self.executor.submit(partial(_judge, timeline, epoch),
                             partial(self._judged, timeline, epoch),
                             partial(self._failed, timeline))

    def _judged(self, timeline: Timeline, epoch: int, report: Report | None) -> None:
        self._judging = False
        if timeline is self.timeline and report is not None:
            self.judged.emit(epoch, report)
        self._next()

    def _failed(self, timeline: Timeline, message: str) -> None:
        self._judging = False  # the epoch on show keeps its one-pair answers
        self._next()
