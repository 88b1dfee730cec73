"""The app's two lanes of work off the GUI thread, both on threads that Python owns.

    keras_lane()    one thread, for the life of the process, that imports TensorFlow and runs
                    every Keras call: training runs, and saves only Keras can write, in order
    engine_lane()   a few threads for work that needs no TensorFlow: opening a file with
                    h5py, the numpy engine's tables, the carry unit, wider samples
    long_lane()     two threads for long work that needs no TensorFlow either: many seeds
                    (followed while child processes train), a sweep over every unit

Why Python threads and not a Qt thread pool: PySide enters Python on a QThreadPool thread
with a fresh thread state for each job and drops it afterwards, while TensorFlow's pybind11
keeps a pointer to the state it first saw on that thread. The second training run in a
window then took a stale state in `PyEval_AcquireThread` and died with SIGSEGV. A thread made
by `threading` keeps one thread state from start to end, whatever it runs. The engine lane
moved too: h5py and numpy release and retake the GIL in the same way, and one kind of thread
for all background work leaves nothing to reason about.

A lane runs `job()` (no arguments, no result: a job reports through its own signals or
callbacks) and never lets an exception escape into its thread; `idle()` says whether it has
nothing queued or running. Neither imports Qt: gui.tasks delivers the results in the GUI
thread with queued signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

ENGINE_THREADS = 3  # an open never waits behind the two judgements of the model on show
LONG_THREADS = 2  # jobs of minutes (many seeds, a unit sweep) at once, beside the engine's
log = logging.getLogger(__name__)


class Lane:
    """`threads` long-lived Python threads that take jobs from one queue, in order."""

    def __init__(self, name: str, threads: int):
        self.name = name
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix=name)
        self._lock = threading.Lock()
        self._pending: set[Future] = set()

    def start(self, job: Callable[[], object]) -> Future:
        """Queue `job`; it runs on one of the lane's threads."""
        future = self._pool.submit(self._guarded, job)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._done)
        return future

    def idle(self) -> bool:
        """Nothing queued and nothing running."""
        with self._lock:
            return not self._pending

    def _done(self, future: Future) -> None:
        with self._lock:
            self._pending.discard(future)

    @staticmethod
    def _guarded(job: Callable[[], object]) -> None:
        try:
            job()
        except BaseException:  # a job reports its own failures; this is the last resort
            log.exception("a job on a background lane raised")


_LANES: dict[str, Lane] = {}
_LANES_LOCK = threading.Lock()


def _lane(name: str, threads: int) -> Lane:
    with _LANES_LOCK:
        if name not in _LANES:
            _LANES[name] = Lane(name, threads)
        return _LANES[name]


def keras_lane() -> Lane:
    """The one thread that may import TensorFlow and call Keras."""
    return _lane("keras", 1)


def engine_lane() -> Lane:
    """The threads for file and numpy engine work (never Keras)."""
    return _lane("engine", ENGINE_THREADS)


def long_lane() -> Lane:
    """The threads for long work without Keras (many seeds' child processes followed, every
    unit of a model knocked out in turn): a job of minutes never holds a thread that opening
    a model or judging it needs."""
    return _lane("long", LONG_THREADS)


def lane_for(keras: bool = False, long: bool = False) -> Lane:
    """The lane of a job: Keras's own for any Keras work (a training run too), the long lane
    for long work without Keras, the engine lane for the rest."""
    return keras_lane() if keras else long_lane() if long else engine_lane()
