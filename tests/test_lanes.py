"""The lanes: a long job (many seeds, a unit sweep) never holds a thread a short one needs."""

import threading

from lstm_adder.session.executor import Threaded
from lstm_adder.session.lanes import ENGINE_THREADS, LONG_THREADS


def test_long_jobs_leave_the_engine_threads_to_short_ones():
    executor, release, answers = Threaded(), threading.Event(), []
    started = threading.Semaphore(0)

    def long_job(cancel):
        started.release()
        release.wait(30)
        return "long"

    for _ in range(LONG_THREADS + ENGINE_THREADS):  # more long jobs than the engine has threads
        executor.submit(long_job, answers.append, answers.append, long=True)
    for _ in range(LONG_THREADS):
        assert started.acquire(timeout=10)  # the long lane is full and busy
    done = threading.Event()
    executor.submit(lambda cancel: done.set() or "short", answers.append, answers.append)
    try:
        assert done.wait(10)  # an open or a judgement still runs at once
    finally:
        release.set()
    assert executor.deliver(30)
    assert sorted(answers) == ["long"] * (LONG_THREADS + ENGINE_THREADS) + ["short"]
