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

from lstm_adder.core.training import Ended, TrainResult

MUTED, BLUE, GREEN, AMBER, RED = "#57606a", "#1f5fbf", "#1a7f37", "#9a6700", "#d1242f"
PROGRESS_STEPS = 1000


class RunState(enum.Enum):
    """Where the tab's run is, as (the word the progress bar shows, its colour)."""

    IDLE = ("idle", MUTED)
    STARTING = ("starting…", MUTED)
    TRAINING = ("training", BLUE)
    STOPPING = ("stopping…", AMBER)
    FINISHED = ("finished", BLUE)
    PERFECT = ("exactly right", GREEN)
    STOPPED = ("stopped", AMBER)
    DIVERGED = ("diverged", RED)
    FAILED = ("failed", RED)

    def __init__(self, word: str, colour: str):
        self.word, self.colour = word, colour

    @property
    def is_end(self) -> bool:
        """A state a run ends in: it stays on show until the next run starts."""
        going = (RunState.IDLE, RunState.STARTING, RunState.TRAINING, RunState.STOPPING)
        return self not in going


ENDED = {Ended.FINISHED: RunState.FINISHED, Ended.PERFECT: RunState.PERFECT,
         Ended.STOPPED: RunState.STOPPED, Ended.DIVERGED: RunState.DIVERGED}


def clock(seconds: float) -> str:
    """'1:05', or '1:00:05' past an hour."""
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


def count(n: int, noun: str, plural: str = "") -> str:
    """'1 epoch', '2 epochs', '3 batches'."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def how_far(result: TrainResult, short: bool = False) -> str:
    """How much of a run ran: '3 epochs', or '1 epoch and 15 of 26 batches' when a stop cut
    an epoch short ('1 epoch + 15/26 batches' if `short`)."""
    epochs = count(len(result.history), "epoch")
    at = result.stopped_at
    if at is None:
        return epochs
    batches = count(at.batches, "batch", "batches")
    return f"{epochs} + {at.batch}/{batches}" if short else f"{epochs} and {at.batch} of {batches}"


def _elapsed(result: TrainResult) -> float | None:
    """Seconds the run trained, to its stop or its last epoch (None if it never began)."""
    if result.stopped_at is not None:
        return result.stopped_at.elapsed
    return result.history[-1].elapsed if result.history else None


def ending(result: TrainResult, trained: bool) -> tuple[RunState, str]:
    """The state a run ended in, and what the tab says about it (`trained`: it made a model,
    which joins the model list)."""
    state = ENDED[result.ended]
    joins = "The model joins the list"
    if state is RunState.DIVERGED:
        return state, f"Training {result.reason}. The previous model is kept."
    if state is RunState.STOPPED:
        if not trained:
            return state, "Stopped by you before the first batch: no new model."
        return state, f"Stopped by you after {how_far(result)}. {joins}, marked stopped."
    best = result.history[result.best_epoch - 1]
    if state is RunState.PERFECT:
        return state, (f"Exactly right on all {best.eval_pairs:,} pairs after "
                       f"{how_far(result)}. {joins}.")
    return state, (f"Finished {how_far(result)}: {best.exact:.1%} exact (best epoch "
                   f"{result.best_epoch}). {joins}.")


def bar_text(state: RunState, result: TrainResult, trained: bool) -> str:
    """What the progress bar says at a run's end: its state and, when it made a model, how
    far it ran and for how long ("finished · 3 epochs · 0:12")."""
    if not trained:
        return state.word
    seconds = _elapsed(result)
    return " · ".join([state.word, how_far(result, short=True)]
                      + ([clock(seconds)] if seconds is not None else []))
