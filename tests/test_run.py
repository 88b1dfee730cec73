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


def test_the_untrained_model_comes_before_the_first_batch(run):
    import numpy as np

    from lstm_adder.core.engine import Engine
    from lstm_adder.core.evaluation import judge_all
    from lstm_adder.core.training import BatchProgress

    run, executor, seen = run
    run.start(get_recipe("carry", **dict(TINY, epochs=1)))
    assert executor.deliver()
    (_, _, (engine, wrong_map)), *rest = [s for s in seen if s[0] in ("initial", "progress")]
    assert rest and all(isinstance(args[0], BatchProgress) for _, _, args in rest)
    untrained = seen[-1][2][0].initial  # epoch 0 of the run's timeline, from Keras
    assert all(np.array_equal(w, u) for w, u in zip(engine.weights, untrained.weights,
                                                     strict=True))
    again = Engine(engine.net, engine.encoding, engine.bits)  # judged afresh
    assert wrong_map.dtype == np.uint8 and wrong_map.tolist() == \
        judge_all(again).wrong_bits.tolist()


def test_a_failed_run_says_one_line_and_logs_its_traceback(run, caplog, monkeypatch):
    import logging

    from lstm_adder.session import run as run_module

    class Broken:
        def __init__(self, *args, **kwargs):
            pass

        def stop(self):
            pass

        def run(self):
            raise RuntimeError("out of memory")

    monkeypatch.setattr(run_module, "Trainer", Broken)
    run, executor, seen = run
    with caplog.at_level(logging.ERROR, logger="lstm_adder.session.executor"):
        run.start(get_recipe("carry", **TINY))
        assert executor.deliver()
    assert [name for name, _, _ in seen] == ["started", "failed"]
    assert seen[-1][2] == ("RuntimeError: out of memory",)
    logged = [r for r in caplog.records if r.name == "lstm_adder.session.executor"]
    assert [r.exc_info[0] for r in logged] == [RuntimeError]
    assert not run.running


def test_the_session_owns_the_run_and_its_model_joins_the_list_without_qt():
    """The whole run through the session, as the Training tab drives it, with no
    QApplication: Start, the timeline filling epoch by epoch, the model in the list."""
    from lstm_adder.session.session import Session

    executor = Threaded()
    session = Session(executor)
    changes = []
    session.training_changed.connect(lambda: changes.append(session.training))
    assert session.start_training(get_recipe("carry", **TINY))
    assert session.training and not session.start_training(get_recipe("carry", **TINY))
    assert executor.deliver()
    assert changes == [True, False] and not session.training
    assert session.replay.epochs == 2 and not session.replay.live
    (entry,) = session.models
    assert entry.name == "trained carry #1" and entry.unsaved
    assert session.current is entry  # the first model is selected
