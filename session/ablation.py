"""Knocking units out of the model on show, without Qt: the sweep and the one knockout.

Two jobs, both on the engine lane through the executor (core.ablation does the work):

    sweep      every unit knocked out in turn (which_units_matter), reporting progress
    knock(k)   unit k knocked out and judged beside the intact model (judge_knockout)

What is swept is kept per engine and mode while the engine lives, so switching the mode back
shows the table at once. Looking at another engine (another model, a new epoch) cancels both
jobs and restores every unit; so does `restore()` for the knockout alone.

Signals (on the session's thread): `changed()` the engine, mode or table changed (views
redraw); `progress(done, total)` along a sweep; `knocked()` the knockout on show changed
(`knockout` is it, or None once restored); `failed(message)` a job failed.
"""

from __future__ import annotations

import weakref
from functools import partial

from lstm_adder.core import ablation
from lstm_adder.core.ablation import Knockout, Mode, UnitEffect
from lstm_adder.core.engine import Engine
from lstm_adder.session.executor import Executor, Handle
from lstm_adder.session.reports import judged
from lstm_adder.session.signal import Signal


class Ablation:
    """The units of the engine on show: which matter, and the one knocked out."""

    def __init__(self, executor: Executor):
        self.executor = executor
        self.engine: Engine | None = None
        self.mode = Mode.ZERO
        self.knockout: Knockout | None = None
        self.pending: int | None = None  # the unit being knocked out, until it is judged
        self.done = 0  # units swept so far, while a sweep runs
        self._swept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> {}
        self._sweep: Handle | None = None
        self._knock: Handle | None = None
        self._sweep_job = 0  # tags the sweep for the engine and mode on show
        self._knock_job = 0  # tags the knockout asked for last; older answers are dropped
        self.changed = Signal()
        self.progress = Signal()
        self.knocked = Signal()
        self.failed = Signal()

    # -- what is on show -------------------------------------------------------------------

    @property
    def effects(self) -> list[UnitEffect] | None:
        """The sweep's table for the engine and mode on show, worst first, or None."""
        if self.engine is None:
            return None
        return self._swept.get(self.engine, {}).get(self.mode)

    @property
    def sweeping(self) -> bool:
        return self._sweep is not None

    def show(self, engine: Engine | None) -> None:
        """Look at `engine` (None: nothing): every unit restored, the jobs for the engine
        before cancelled."""
        if engine is self.engine:
            return
        self._cancel_all()
        self.engine = engine
        self.changed.emit()

    def set_mode(self, mode: Mode) -> None:
        """Hold knocked-out units at zero or at their means; a knockout on show is judged
        again in the new mode, and a sweep going is started again for it."""
        if mode is self.mode:
            return
        unit = self.knockout.unit if self.knockout is not None else self.pending
        was_sweeping = self.sweeping
        self._cancel_all()
        self.mode = mode
        self.changed.emit()
        if was_sweeping:
            self.sweep()
        if unit is not None:
            self.knock(unit)

    # -- the sweep ---------------------------------------------------------------------------

    def sweep(self) -> None:
        """Knock every unit out in turn (nothing if already known or going)."""
        if self.engine is None or self.sweeping or self.effects is not None:
            return
        self._sweep_job += 1
        job, engine, mode = self._sweep_job, self.engine, self.mode
        self.done = 0

        def work(cancel):
            def report(done, total):
                self.executor.post(partial(self._progress, job, done, total))
            return ablation.which_units_matter(engine, mode, report, cancel.is_set)

        self._sweep = self.executor.submit(work, partial(self._swept_done, job, engine, mode),
                                           partial(self._sweep_failed, job), long=True)
        self.changed.emit()

    def stop_sweep(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()
            self._sweep = None
            self._sweep_job += 1
            self.changed.emit()

    def _progress(self, job: int, done: int, total: int) -> None:
        if job == self._sweep_job and self.sweeping:
            self.done = done
            self.progress.emit(done, total)

    def _swept_done(self, job, engine, mode, effects) -> None:
        if job != self._sweep_job:
            return
        self._sweep = None
        if effects is not None:
            self._swept.setdefault(engine, {})[mode] = effects
        self.changed.emit()

    # -- one unit ----------------------------------------------------------------------------

    def knock(self, unit: int) -> None:
        """Knock `unit` out of the engine on show and judge it (the answer: `knocked`)."""
        if self.engine is None or not 0 <= unit < self.engine.units:
            return
        if self._knock is not None:
            self._knock.cancel()
        self._knock_job += 1
        job, engine, mode = self._knock_job, self.engine, self.mode
        self.pending = unit
        work = partial(_judge, engine, unit, mode)
        self._knock = self.executor.submit(work, partial(self._knocked, job),
                                           partial(self._knock_failed, job))
        self.knocked.emit()

    def restore(self) -> None:
        """Every unit back in (the intact model on show again)."""
        self._knock_job += 1
        if self._knock is not None:
            self._knock.cancel()
            self._knock = None
        if self.knockout is not None or self.pending is not None:
            self.knockout, self.pending = None, None
            self.knocked.emit()

    def _knocked(self, job: int, knockout: Knockout | None) -> None:
        if job != self._knock_job or knockout is None:
            return
        self._knock, self.pending, self.knockout = None, None, knockout
        self.knocked.emit()

    # -- both ------------------------------------------------------------------------------

    def stop(self) -> None:
        """Cancel everything and look at nothing (the window closes)."""
        self._cancel_all()
        self.engine = None

    def _sweep_failed(self, job: int, message: str) -> None:
        if job == self._sweep_job:
            self._sweep = None
            self.failed.emit(message)
            self.changed.emit()

    def _knock_failed(self, job: int, message: str) -> None:
        if job == self._knock_job:
            self._knock, self.pending = None, None
            self.failed.emit(message)
            self.knocked.emit()

    def _cancel_all(self) -> None:
        self._sweep_job += 1
        self._knock_job += 1
        for handle in (self._sweep, self._knock):
            if handle is not None:
                handle.cancel()
        self._sweep = self._knock = None
        self.done = 0
        had = self.knockout is not None or self.pending is not None
        self.knockout, self.pending = None, None
        if had:
            self.knocked.emit()


def _judge(engine: Engine, unit: int, mode: Mode, cancel) -> Knockout | None:
    """One knockout, judged beside the intact model's shared judgement (session.reports)."""
    intact = judged(engine, cancel)
    if intact is None:
        return None
    return ablation.judge_knockout(engine, unit, mode, intact=intact, cancel=cancel.is_set)
