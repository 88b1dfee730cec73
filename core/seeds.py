"""Many seeds: one recipe trained with seeds s, s+1, …, s+N-1, each seed in a process.

Does a recipe learn to add, or did one seed get lucky? Train it N times and look at the spread:

    result = train_seeds(get_recipe("carry"), 10, Path("carry-seeds"))
    summary = result.summary()     # 7 of 10 reached 100% exact, after 3-9 epochs (median 5)
    band = result.band("exact")    # mean and std over the seeds, epoch by epoch

Each seed trains in a process of its own (multiprocessing's "spawn" context: a fresh
interpreter, no copy of the parent's threads or TensorFlow). A spawned process imports the
parent's main module again, as every "spawn" does: `python -m lstm_adder`, the `lstm-adder`
script and pytest are safe; a script of your own that calls train_seeds needs the usual
`if __name__ == "__main__":` around its work. There are as many processes as
cores (os.cpu_count()), at most one per seed; each imports TensorFlow once and takes seeds
from a shared queue until none are left, so ten seeds on two cores cost two imports, not ten.
When the processes fill the cores, each is held to one TensorFlow thread (intra- and inter-op):
two processes each asking for both cores only fight over them (see THREADS_PER_WORKER).

A worker saves each seed's model (core.storage.save_model: atomic) as RECIPE-seed-S.keras in
the folder, and reports to the parent on a multiprocessing Queue, in plain tuples:

    ("begin", seed, pid)             the seed starts training in process pid
    ("epoch", seed, metrics)         after each epoch: EpochMetrics.to_dict()
    ("done", seed, ended, reason, path)   how it ended (Ended's name), its file or None
    ("failed", seed, message)        an exception in one line

The parent calls its observer's hooks as the reports come (on the parent's thread):
`on_begin(curve)`, `on_epoch(curve, metrics)`, `on_done(curve)`. `cancel()` (a callable,
polled every POLL_S) ends every worker: SIGTERM, which the worker turns into an exception so
that a save in progress removes its temporary file, then SIGKILL for any that lingers; then
the temporary files of a killed save are removed. No process outlives train_seeds, and no
half-written file is left: a seed's file is there whole, or not at all.

A seed that ran no epoch, diverged or was cancelled has no file (as `lstm-adder train` saves
no diverged model).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import statistics
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from lstm_adder.core.errors import InputError, one_line
from lstm_adder.core.recipes import MAX_SEED, Recipe
from lstm_adder.core.training import Ended, EpochMetrics

MAX_SEEDS = 1000
POLL_S = 0.1  # how often the parent looks at cancel() while it waits for reports
TERM_WAIT_S = 5.0  # after SIGTERM, how long a worker gets before SIGKILL
# One TensorFlow thread a worker when the workers fill the cores; TensorFlow's own choice
# (0) otherwise. Measured on the 2-core machine, 10 carry seeds on 2 workers, runs in turn
# (train_seeds(..., threads=T)): 20.7 s with 1 thread against 32.0 s with TensorFlow's own,
# and 58.9 s against 90.1 s under a heavier load; two workers each asking for both cores only
# fight over them.
THREADS_PER_WORKER = 1
BATCH_EVERY = 1_000_000  # a worker reports epochs only: no batch progress crosses processes


@dataclass
class SeedCurve:
    """One seed's run as the parent saw it: its epochs, how it ended, its file."""

    seed: int
    path: Path  # where its model is saved once it ends well
    history: list[EpochMetrics] = field(default_factory=list)
    ended: Ended | None = None  # None: not ended (not begun, or cancelled while training)
    reason: str = ""
    saved: Path | None = None  # the file written, None if none was
    failed: str = ""  # the worker's exception, in one line

    def values(self, name: str) -> list[float]:
        """The curve of one EpochMetrics field ("loss", "exact", "heldout_exact", ...)."""
        return [getattr(m, name) for m in self.history if getattr(m, name) is not None]

    @property
    def perfect_epoch(self) -> int | None:
        """The first epoch after which every judged pair was exactly right, or None."""
        return next((m.epoch for m in self.history if m.exact == 1.0), None)

    @property
    def final_exact(self) -> float | None:
        return self.history[-1].exact if self.history else None

    @property
    def seconds(self) -> float:
        return self.history[-1].elapsed if self.history else 0.0


@dataclass(frozen=True)
class Band:
    """Mean and standard deviation over the seeds, epoch by epoch (epochs 1, 2, …).

    Seeds stop at different epochs (carry stops when exactly right): a seed that has stopped
    holds its last value in every later epoch, so the mean after epoch 5 still counts a seed
    that was perfect at epoch 3, as perfect. The deviation is the population one (ddof=0)."""

    epochs: np.ndarray
    mean: np.ndarray
    std: np.ndarray
    seeds: int  # how many curves went in


def band(curves: list[list[float]]) -> Band:
    """The Band of `curves` (empty ones are left out), each held at its last value."""
    curves = [list(c) for c in curves if len(c)]
    if not curves:
        empty = np.zeros(0)
        return Band(empty, empty, empty, 0)
    length = max(len(c) for c in curves)
    table = np.array([c + [c[-1]] * (length - len(c)) for c in curves], dtype=float)
    return Band(np.arange(1, length + 1), table.mean(axis=0), table.std(axis=0), len(curves))


@dataclass(frozen=True)
class Summary:
    """What N seeds came to: how many reached 100% exact, and after how many epochs."""

    count: int
    reached: int
    epochs_to_perfect: tuple[int, ...]  # one per seed that reached it, in seed order
    seconds: float  # wall time of the whole job
    cancelled: bool

    @property
    def median(self) -> float | None:
        e = self.epochs_to_perfect
        return statistics.median(e) if e else None

    @property
    def low(self) -> int | None:
        return min(self.epochs_to_perfect) if self.epochs_to_perfect else None

    @property
    def high(self) -> int | None:
        return max(self.epochs_to_perfect) if self.epochs_to_perfect else None

    def text(self) -> str:
        """One line, for the command line: 'reached 100%: 7 of 10; epochs to 100%: median 5,
        range 3-9; total 21 s'."""
        line = f"reached 100%: {self.reached} of {self.count}"
        if self.reached:
            line += f"; epochs to 100%: median {self.median:g}, range {self.low}-{self.high}"
        line += f"; total {self.seconds:.1f} s"
        return line + (" (cancelled)" if self.cancelled else "")


@dataclass
class SeedsResult:
    recipe: Recipe
    curves: list[SeedCurve]  # in seed order
    seconds: float
    cancelled: bool = False

    def band(self, name: str) -> Band:
        """Mean ± std of one metric over the seeds (see Band)."""
        return band([c.values(name) for c in self.curves])

    def summary(self) -> Summary:
        epochs = tuple(e for c in self.curves if (e := c.perfect_epoch) is not None)
        return Summary(len(self.curves), len(epochs), epochs, self.seconds, self.cancelled)


def seed_path(folder: Path, recipe: Recipe, seed: int) -> Path:
    return Path(folder) / f"{recipe.name}-seed-{seed}.keras"


def check_seeds(recipe: Recipe, count: int, folder) -> Path:
    """The folder the seeds' models go to, once it is known that they can be saved there
    (InputError otherwise; nothing is made yet): a folder, or a new one in a folder that
    exists. The seeds are s .. s+count-1 with s the recipe's seed, all within MAX_SEED."""
    from lstm_adder.core.checks import check_out_folder, check_out_path

    if not 1 <= count <= MAX_SEEDS:
        raise InputError(f"the number of seeds must be a whole number from 1 to {MAX_SEEDS}")
    if recipe.seed + count - 1 > MAX_SEED:
        raise InputError(f"seeds {recipe.seed} to {recipe.seed + count - 1} go past {MAX_SEED}")
    folder, parent = check_out_folder(folder)
    probe = parent / seed_path(folder, recipe, recipe.seed).name
    check_out_path(probe, recipe.file_bytes() * count)
    return folder


def seed_workers(count: int, workers: int | None = None) -> int:
    """How many processes train `count` seeds: `workers`, else one a core; at most `count`."""
    return max(1, min(count, workers or os.cpu_count() or 1))


def train_seeds(recipe: Recipe, count: int, folder, observer=None, cancel=lambda: False,
                workers: int | None = None, threads: int | None = None) -> SeedsResult:
    """Train `recipe` with seeds recipe.seed .. recipe.seed + count - 1 (see the module's
    docstring), saving each model in `folder` (made if missing; check_seeds first).
    `workers`: processes at once (default: cores, at most `count`); `threads`: TensorFlow
    threads in each (default: THREADS_PER_WORKER when the workers fill the cores, else
    TensorFlow's own choice)."""
    folder = Path(folder)
    folder.mkdir(exist_ok=True)
    workers = seed_workers(count, workers)
    if threads is None:
        threads = THREADS_PER_WORKER if workers >= (os.cpu_count() or 1) else 0
    curves = {s: SeedCurve(s, seed_path(folder, recipe, s))
              for s in range(recipe.seed, recipe.seed + count)}
    job = _Job(recipe, curves, folder, observer)
    start = time.perf_counter()
    cancelled = job.run(workers, threads, cancel)
    return SeedsResult(recipe, list(curves.values()), time.perf_counter() - start, cancelled)


class _Job:
    """The parent's side: start the workers, take their reports, end them."""

    def __init__(self, recipe: Recipe, curves: dict[int, SeedCurve], folder: Path, observer):
        self.recipe, self.curves, self.folder, self.observer = recipe, curves, folder, observer
        self.running: dict[int, int] = {}  # pid -> the seed it trains

    def _emit(self, name: str, *args) -> None:
        hook = getattr(self.observer, name, None)
        if hook is not None:
            hook(*args)

    def run(self, workers: int, threads: int, cancel) -> bool:
        """Train every seed; True if `cancel()` ended the job first."""
        context = multiprocessing.get_context("spawn")
        tasks, reports = context.Queue(), context.Queue()
        for seed in self.curves:
            tasks.put(seed)
        for _ in range(workers):
            tasks.put(None)  # one "no more seeds" each
        procs = [context.Process(target=work, daemon=True, name=f"lstm-adder seeds {i}",
                                 args=(self.recipe.to_dict(), str(self.folder), tasks,
                                       reports, threads)) for i in range(workers)]
        cancelled = False
        try:
            for proc in procs:
                proc.start()
            cancelled = self._listen(procs, reports, cancel)
        finally:
            for seed in self.running.values():  # cancelled (or interrupted) mid-training
                curve = self.curves[seed]
                curve.ended, curve.reason = Ended.STOPPED, "stopped by user"
            self.running = {}
            _end(procs)
            for queue_ in (tasks, reports):
                queue_.cancel_join_thread()
                queue_.close()
            self._tidy()
        return cancelled

    def _listen(self, procs, reports, cancel) -> bool:
        while True:
            if cancel():
                return True
            alive = any(p.is_alive() for p in procs)  # before the wait: see below
            try:
                message = reports.get(timeout=POLL_S)
            except queue.Empty:
                self._lost(procs)
                if not alive:  # every worker had ended, and said all it had to say
                    return False
                continue
            self._take(*message)

    def _take(self, kind: str, seed: int, *rest) -> None:
        curve = self.curves[seed]
        if kind == "begin":
            self.running[rest[0]] = seed
            self._emit("on_begin", curve)
        elif kind == "epoch":
            metrics = EpochMetrics(**rest[0])
            curve.history.append(metrics)
            self._emit("on_epoch", curve, metrics)
        elif kind == "done":
            ended, curve.reason, saved = rest
            curve.ended = Ended[ended]
            curve.saved = None if saved is None else Path(saved)
            self._finish(curve)
        elif kind == "failed":
            curve.failed = curve.reason = rest[0]
            self._finish(curve)

    def _finish(self, curve: SeedCurve) -> None:
        self.running = {pid: s for pid, s in self.running.items() if s != curve.seed}
        self._emit("on_done", curve)

    def _lost(self, procs) -> None:
        """A worker that died while training a seed (killed, out of memory): that seed
        failed."""
        for proc in procs:
            if proc.exitcode not in (None, 0) and proc.pid in self.running:
                curve = self.curves[self.running[proc.pid]]
                curve.failed = curve.reason = (f"its process ended with exit code "
                                               f"{proc.exitcode}")
                self._finish(curve)

    def _tidy(self) -> None:
        """Remove what a killed save left: the temporary files beside each seed's path."""
        from lstm_adder.core.storage import remove_stale_temps

        for curve in self.curves.values():
            remove_stale_temps(curve.path, older_than_s=float("inf"))


def _end(procs) -> None:
    """End every worker: SIGTERM (a save cleans up), SIGKILL after TERM_WAIT_S, reaped."""
    procs = [proc for proc in procs if proc.pid is not None]  # those that started
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    deadline = time.monotonic() + TERM_WAIT_S
    for proc in procs:
        proc.join(max(0.0, deadline - time.monotonic()))
        if proc.is_alive():
            proc.kill()
            proc.join()


# -- the worker: a process of its own -----------------------------------------------------


class _Stopped(BaseException):
    """SIGTERM in a worker: unwinds like Ctrl-C, so a save in progress removes its temp."""


def _terminated(signum, frame):
    raise _Stopped


def work(recipe: dict, folder: str, tasks, reports, threads: int) -> None:
    """A worker process: train seeds from `tasks` until a None, reporting to `reports`."""
    signal.signal(signal.SIGTERM, _terminated)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        _setup(threads)
        base = Recipe.from_dict(recipe)
        while (seed := tasks.get()) is not None:
            reports.put(("begin", seed, os.getpid()))
            try:
                reports.put(("done", seed, *_train(replace(base, seed=seed), folder, reports)))
            except Exception as exc:  # Keras, h5py and the disk raise many kinds
                reports.put(("failed", seed, one_line(f"{type(exc).__name__}: {exc}")))
    except _Stopped:
        pass


def _setup(threads: int) -> None:
    from lstm_adder.core.quiet import import_tensorflow

    tf = import_tensorflow()
    if threads:
        with contextlib.suppress(RuntimeError):  # only before TensorFlow's first op
            tf.config.threading.set_intra_op_parallelism_threads(threads)
            tf.config.threading.set_inter_op_parallelism_threads(threads)


def _train(recipe: Recipe, folder: str, reports) -> tuple[str, str, str | None]:
    """Train one seed and save its model if it made one: (ended, reason, path or None)."""
    from lstm_adder.core.storage import save_model
    from lstm_adder.core.training import Trainer

    class _Epochs:
        def on_epoch(self, metrics, model) -> None:
            reports.put(("epoch", recipe.seed, metrics.to_dict()))

    result = Trainer(recipe, [_Epochs()], batch_every=BATCH_EVERY).run()
    if not result.ok or not result.history:
        return result.ended.name, result.reason, None
    path = seed_path(Path(folder), recipe, recipe.seed)
    save_model(result.model, path, *result.save_parts(False))
    return result.ended.name, result.reason, str(path)
