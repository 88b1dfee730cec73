"""Where a training run is, in one word and one colour, and how it ended, in a sentence.

A run is always in one `RunState`: the Training tab's progress bar shows its word in its
colour, and a run that has ended stays in the state it ended in (core.training.Ended: finished,
exactly right, stopped, diverged; or failed) until the next one starts.

    ending(result, trained=True)
    (RunState.STOPPED, "Stopped by you after 1 epoch and 5 of 16 batches. The model joins
     the list, marked stopped.")
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lstm_adder.core.training import Ended, TrainResult
from lstm_adder.session.words import Words, joined

MUTED, BLUE, GREEN, AMBER, RED = "#57606a", "#1f5fbf", "#1a7f37", "#9a6700", "#d1242f"
PROGRESS_STEPS = 1000


class RunState(enum.Enum):
    """Where the tab's run is, as (the word the progress bar shows, its colour)."""

    IDLE = (QT_TRANSLATE_NOOP("RunState", "idle"), MUTED)
    STARTING = (QT_TRANSLATE_NOOP("RunState", "starting…"), MUTED)
    TRAINING = (QT_TRANSLATE_NOOP("RunState", "training"), BLUE)
    STOPPING = (QT_TRANSLATE_NOOP("RunState", "stopping…"), AMBER)
    FINISHED = (QT_TRANSLATE_NOOP("RunState", "finished"), BLUE)
    PERFECT = (QT_TRANSLATE_NOOP("RunState", "exactly right"), GREEN)
    STOPPED = (QT_TRANSLATE_NOOP("RunState", "stopped"), AMBER)
    DIVERGED = (QT_TRANSLATE_NOOP("RunState", "diverged"), RED)
    FAILED = (QT_TRANSLATE_NOOP("RunState", "failed"), RED)

    def __init__(self, word: str, colour: str):
        self.word, self.colour = word, colour

    @property
    def words(self) -> Words:
        """The state's word, to translate where it is shown."""
        return said(self.word)

    @property
    def is_end(self) -> bool:
        """A state a run ends in: it stays on show until the next run starts."""
        going = (RunState.IDLE, RunState.STARTING, RunState.TRAINING, RunState.STOPPING)
        return self not in going


ENDED = {Ended.FINISHED: RunState.FINISHED, Ended.PERFECT: RunState.PERFECT,
         Ended.STOPPED: RunState.STOPPED, Ended.DIVERGED: RunState.DIVERGED}
COUNTED = {  # noun: (one, many)
    "epoch": (QT_TRANSLATE_NOOP("RunState", "{0:,} epoch"),
              QT_TRANSLATE_NOOP("RunState", "{0:,} epochs")),
    "batch": (QT_TRANSLATE_NOOP("RunState", "{0:,} batch"),
              QT_TRANSLATE_NOOP("RunState", "{0:,} batches")),
}


def said(template: str, *args, **kwargs) -> Words:
    """Words of the Training tab (context "RunState"), translated where they are shown."""
    return Words(template, *args, context="RunState", **kwargs)


def clock(seconds: float) -> str:
    """'1:05', or '1:00:05' past an hour."""
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


def count(n: int, noun: str, plural: str = "") -> Words:
    """'1 epoch', '2 epochs', '3 batches' (`noun`: "epoch" or "batch"; `plural` as the
    English says it, kept for reading)."""
    one, many = COUNTED[noun]
    return said(one if n == 1 else many, n)


def how_far(result: TrainResult, short: bool = False) -> Words:
    """How much of a run ran: '3 epochs', or '1 epoch and 15 of 26 batches' when a stop cut
    an epoch short ('1 epoch + 15/26 batches' if `short`)."""
    epochs = count(len(result.history), "epoch")
    at = result.stopped_at
    if at is None:
        return epochs
    batches = count(at.batches, "batch", "batches")
    if short:
        return said(QT_TRANSLATE_NOOP("RunState", "{0} + {1}/{2}"), epochs, at.batch, batches)
    return said(QT_TRANSLATE_NOOP("RunState", "{0} and {1} of {2}"), epochs, at.batch, batches)


def _elapsed(result: TrainResult) -> float | None:
    """Seconds the run trained, to its stop or its last epoch (None if it never began)."""
    if result.stopped_at is not None:
        return result.stopped_at.elapsed
    return result.history[-1].elapsed if result.history else None


def ending(result: TrainResult, trained: bool) -> tuple[RunState, Words]:
    """The state a run ended in, and what the tab says about it (`trained`: it made a model,
    which joins the model list)."""
    state = ENDED[result.ended]
    if state is RunState.DIVERGED:
        return state, said(QT_TRANSLATE_NOOP(  # the epoch whose loss stopped being finite
            "RunState", "Training diverged in epoch {0}: the loss is no longer a finite "
            "number. The previous model is kept."), len(result.history) + 1)
    if state is RunState.STOPPED:
        if not trained:
            return state, said(QT_TRANSLATE_NOOP(
                "RunState", "Stopped by you before the first batch: no new model."))
        return state, said(QT_TRANSLATE_NOOP(
            "RunState", "Stopped by you after {0}. The model joins the list, marked stopped."),
            how_far(result))
    best = result.history[result.best_epoch - 1]
    if state is RunState.PERFECT:
        return state, said(QT_TRANSLATE_NOOP(
            "RunState", "Exactly right on all {0:,} pairs after {1}. The model joins the list."),
            best.eval_pairs, how_far(result))
    return state, said(QT_TRANSLATE_NOOP(
        "RunState", "Finished {0}: {1:.1%} exact (best epoch {2}). The model joins the list."),
        how_far(result), best.exact, result.best_epoch)


def bar_text(state: RunState, result: TrainResult, trained: bool) -> Words:
    """What the progress bar says at a run's end: its state and, when it made a model, how
    far it ran and for how long ("finished · 3 epochs · 0:12")."""
    if not trained:
        return state.words
    seconds = _elapsed(result)
    return joined(" · ", [state.words, how_far(result, short=True)]
                  + ([clock(seconds)] if seconds is not None else []))
