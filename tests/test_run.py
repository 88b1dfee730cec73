"""session.run: a training run started, followed and stopped without Qt, on the Keras lane
(a thread Python owns), its reports delivered on the caller's thread."""

import threading

import pytest

from lstm_adder.core.recipes import get_recipe
from lstm_adder.core.training import Ended
from lstm_adder.session.executor import Threaded
from lstm_adder.session.run import Run

TINY = dict(bits=3, units=4, epochs=2, batch_size=8, holdout=0.0, stop_when_perfect=False)


@pytest.fixture
def run():
    executor = Threaded()
    run = Run(executor, batch_every=1)
    seen = []
    for name in ("started", "initial", "progress", "epoch", "finished", "failed"):
        getattr(run, name).connect(lambda *args, name=name: seen.append(
            (name, threading.current_thread(), args)))
    yield run, executor, seen
    run.stop()
    assert run.wait(60)
    executor.deliver()


def test_a_run_reports_in_order_on_the_callers_thread_and_makes_a_model(run):
    run, executor, seen = run
    run.start(get_recipe("carry", **TINY))
    assert run.running
    assert executor.deliver()
    names = [name for name, _, _ in seen]
    assert names[:2] == ["started", "initial"]
    assert names[-1] == "finished" and names.count("epoch") == 2
    assert {thread for _, thread, _ in seen} == {threading.current_thread()}
    result, trained = seen[-1][2]
    assert result.ended is Ended.FINISHED and result.model is None  # Keras stays on its lane
    assert trained is not None and trained.engine.encoding.name == "paired-lsb"
    assert not run.running


def test_a_run_starts_twice_and_stops_after_a_batch(run):
    run, executor, seen = run
    for _ in range(2):  # the crash this guards came with the second run in one process
        seen.clear()
        run.start(get_recipe("carry", **dict(TINY, epochs=50)))
        run.progress.connect(stop := lambda progress: run.stop())
        assert executor.deliver()
        run.progress.disconnect(stop)
        result, _ = seen[-1][2]
        assert seen[-1][0] == "finished" and result.ended is Ended.STOPPED
        assert len(result.history) < 50


def test_a_second_start_while_running_is_refused(run):
    run, executor, _ = run
    run.start(get_recipe("carry", **TINY))
    with pytest.raises(RuntimeError):
        run.start(get_recipe("carry", **TINY))
    assert executor.deliver()
