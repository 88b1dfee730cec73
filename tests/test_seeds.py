"""Many seeds (core.seeds, `study --seeds`): processes that train, report, save and end."""

import math
import os
import signal
import statistics
from multiprocessing import resource_tracker
from pathlib import Path

import pytest

from lstm_adder.core.engine import Engine
from lstm_adder.core.recipes import get_recipe
from lstm_adder.core.seeds import SeedCurve, SeedsResult, band, check_seeds, train_seeds
from lstm_adder.core.training import Ended, EpochMetrics

TINY = dict(bits=4, units=4, batch_size=8, holdout=0.5, lr=0.02)  # 128 pairs an epoch


def tiny(**fields):
    return get_recipe("carry", **(TINY | fields))


def children() -> list[int]:
    """The processes whose parent is this one (from /proc: multiprocessing's own list
    forgets a child it has reaped, and this asks whether any is left), but multiprocessing's
    resource tracker: one per parent for its life, by design, that ends when the parent
    does."""
    tracker = getattr(resource_tracker._resource_tracker, "_pid", None)
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid() and fields[0] != "Z" and int(name) != tracker:
                found.append(int(name))
    return found


def _metrics(epoch: int, exact: float, loss: float = 0.5) -> EpochMetrics:
    return EpochMetrics(epoch, loss, None, exact, None, [], 256, float(epoch))


def _curve(seed: int, exacts: list[float]) -> SeedCurve:
    return SeedCurve(seed, Path(f"s{seed}.keras"),
                     [_metrics(i + 1, e) for i, e in enumerate(exacts)], Ended.FINISHED)


# -- the arithmetic of a band and a summary, against a hand computation -------------------


def test_band_holds_a_seed_that_stopped_early_at_its_last_value():
    result = band([[0.0, 0.5, 1.0], [0.2, 1.0], []])
    columns = [[0.0, 0.2], [0.5, 1.0], [1.0, 1.0]]  # the second seed held at 1.0 in epoch 3
    assert result.epochs.tolist() == [1, 2, 3] and result.seeds == 2
    assert result.mean.tolist() == pytest.approx([statistics.fmean(c) for c in columns])
    assert result.std.tolist() == pytest.approx([statistics.pstdev(c) for c in columns])


def test_summary_counts_the_seeds_that_reached_every_pair_and_when():
    curves = [_curve(0, [0.2, 1.0]), _curve(1, [0.1, 0.4, 0.9]),
              _curve(2, [0.3, 0.6, 0.8, 1.0]), _curve(3, [0.5, 1.0, 1.0])]
    summary = SeedsResult(tiny(), curves, 12.34).summary()
    assert (summary.count, summary.reached) == (4, 3)
    assert summary.epochs_to_perfect == (2, 4, 2)
    assert (summary.median, summary.low, summary.high) == (2, 2, 4)
    assert summary.text() == ("reached 100%: 3 of 4; epochs to 100%: median 2, range 2-4; "
                              "total 12.3 s")


def test_a_band_of_no_curves_is_empty():
    assert band([]).seeds == 0 and len(band([[]]).epochs) == 0


# -- checks before anything runs -------------------------------------------------------------


@pytest.mark.parametrize("count, folder, message", [
    (0, "out", "from 1 to 1000"),
    (2, "missing/out", "does not exist"),
    (2, "a-file", "is not a folder"),
])
def test_check_seeds_refuses_in_one_line_and_makes_nothing(tmp_path, count, folder, message):
    (tmp_path / "a-file").write_text("x")
    before = sorted(tmp_path.iterdir())
    with pytest.raises(ValueError, match=message):
        check_seeds(tiny(), count, tmp_path / folder)
    assert sorted(tmp_path.iterdir()) == before


def test_check_seeds_refuses_seeds_past_the_largest():
    with pytest.raises(ValueError, match="go past"):
        check_seeds(tiny(seed=2**32 - 1), 2, ".")


# -- real processes ------------------------------------------------------------------------


class Recorder:
    def __init__(self, on_epoch=None):
        self.begun, self.epochs, self.done, self.pids = [], [], [], set()
        self._on_epoch = on_epoch

    def on_begin(self, curve):
        self.begun.append(curve.seed)
        self.pids.update(children())

    def on_epoch(self, curve, metrics):
        self.epochs.append((curve.seed, metrics.epoch))
        if self._on_epoch:
            self._on_epoch(curve, metrics)

    def on_done(self, curve):
        self.done.append(curve.seed)


def test_each_seed_trains_in_its_own_process_and_saves_its_model(tmp_path):
    recorder = Recorder()
    result = train_seeds(tiny(seed=5, epochs=2), 2, tmp_path, recorder)
    assert [c.seed for c in result.curves] == [5, 6] and not result.cancelled
    assert sorted(recorder.done) == [5, 6] and recorder.pids  # worker processes did it
    assert children() == []  # and none is left
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["carry-seed-5.keras", "carry-seed-6.keras"]  # no temporary file
    for curve in result.curves:
        assert 1 <= len(curve.history) <= 2 and curve.saved == tmp_path / names[curve.seed - 5]
        assert [m.epoch for m in curve.history] == list(range(1, len(curve.history) + 1))
        engine, info = Engine.from_file(curve.saved)
        # the file's own record is what the worker streamed
        assert [m["loss"] for m in info["history"]] == [m.loss for m in curve.history]
        assert info["recipe"]["seed"] == curve.seed
        # the saved model (the best epoch's) against Python's integers, every pair
        right = [engine.answer(a, b).predicted == a + b for a in range(16) for b in range(16)]
        assert sum(right) / 256 == max(m.exact for m in curve.history)
    assert result.curves[0].values("loss") != result.curves[1].values("loss")  # two seeds


def test_cancel_ends_every_worker_and_leaves_no_partial_file(tmp_path):
    cancel = []
    recorder = Recorder(on_epoch=lambda curve, m: cancel.append(True))
    result = train_seeds(tiny(epochs=500, stop_when_perfect=False), 3, tmp_path, recorder,
                         cancel=lambda: bool(cancel))
    assert result.cancelled and children() == []
    assert [p.name for p in tmp_path.iterdir()] == []  # no seed ended: no file, no temp
    assert all(c.ended in (Ended.STOPPED, None) and c.saved is None for c in result.curves)
    assert any(c.ended is Ended.STOPPED for c in result.curves)
    assert "(cancelled)" in result.summary().text()


def test_a_worker_that_dies_fails_its_seed_and_the_rest_go_on(tmp_path):
    killed = []

    def kill_once(curve, metrics):
        if not killed and curve.seed == 0:
            for pid in children():
                if pid in recorder.pids:
                    killed.append(pid)
                    os.kill(pid, signal.SIGKILL)
                    break

    recorder = Recorder(on_epoch=kill_once)
    result = train_seeds(tiny(epochs=3, stop_when_perfect=False), 3, tmp_path, recorder,
                         workers=2)
    assert killed and children() == []
    failed = [c for c in result.curves if c.failed]
    assert failed and all("exit code -9" in c.failed for c in failed)
    trained = [c for c in result.curves if c.saved is not None]
    assert trained and all(c.saved.is_file() and len(c.history) == 3 for c in trained)
    assert len(failed) + len(trained) == 3
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())
    assert math.isfinite(result.seconds)


# -- the command line ----------------------------------------------------------------------


def _cli(capsys, *argv):
    from lstm_adder.cli.main import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_study_seeds_prints_a_row_per_seed_and_the_summary(tmp_path, capsys):
    folder = tmp_path / "made"
    code, out, err = _cli(capsys, "study", "--seeds", 2, "--recipes", "carry", "--bits", 4,
                          "--units", 4, "--batch-size", 8, "--holdout", 0.5, "--epochs", 2,
                          "--seed", 7, "--out-dir", folder)
    assert code == 0 and err == ""
    rows = [line for line in out.splitlines() if line.startswith("| ") and "| seed |" not in line
            and "---" not in line]
    assert [row.split("|")[1].strip() for row in rows] == ["7", "8"]
    assert all(str(folder / f"carry-seed-{s}.keras") in out for s in (7, 8))
    assert sorted(p.name for p in folder.iterdir()) == ["carry-seed-7.keras",
                                                        "carry-seed-8.keras"]
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("carry: reached 100%: ") and " of 2" in summary
    assert "a seed that stopped early holds its last value" in out


@pytest.mark.parametrize("argv, message", [
    (["--seeds", "0"], "from 1 to 1000"),
    (["--seeds", "2", "--lr", "0"], "--lr: Learning rate must be"),
    (["--lr", "0.1"], "--lr: only with --seeds N"),
    (["--out-dir", "x"], "--out-dir: only with --seeds N"),
    (["--seeds", "2", "--out-dir", "nowhere/deeper"], "does not exist"),
    (["--seeds", "2", "--recipes", "sum"], "unknown recipe 'sum'"),
])
def test_study_seeds_refuses_bad_input_in_one_line(tmp_path, capsys, monkeypatch, argv,
                                                   message):
    monkeypatch.chdir(tmp_path)
    code, out, err = _cli(capsys, "study", *argv)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
