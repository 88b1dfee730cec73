"""The bench: every measurement runs (tiny here) and the JSON carries every key."""

import json
import math

import numpy as np
import pytest

from core import bench
from core.encodings import CONCAT_MSB, PAIRED_LSB
from core.inference import Adder
from core.models import build_model
from core.recipes import get_recipe

TINY = bench.Sizes(clicks=20, predicts=3, table_repeats=1, matmul_n=64, train_batches=4,
                   idle_s=0.2, training_s=1.0, start_timeout_s=60.0)


def test_tiny_bench_writes_every_key_as_a_finite_number(qtbot, tmp_path, capsys,
                                                         seed_model, carry_model):
    from gui.tasks import Task, tf_thread

    adders = {"seed": Adder(seed_model, CONCAT_MSB, 4),
              "carry": Adder(carry_model.model, PAIRED_LSB, 4)}
    out = tmp_path / "bench.json"
    code = bench.run(json_path=out, sizes=TINY, adders=adders,
                     seed_recipe=get_recipe("seed", bits=4, units=8, batch_size=16, epochs=2),
                     carry_recipe=get_recipe("carry", bits=4, holdout=0.0, batch_size=16,
                                             lr=0.02, epochs=60))
    assert code == 0
    data = json.loads(out.read_text())
    notes = data["meta"]["notes"]
    assert not [n for n in notes if "failed" in n or "not measured" in n], notes
    for key in bench.KEYS:
        value = data[key]
        assert isinstance(value, float) and math.isfinite(value), (key, value)
        assert value >= 0 if key.startswith("gui_lateness") else value > 0, (key, value)
    printed = capsys.readouterr().out
    assert all(target.key in printed for target in bench.TARGETS)
    assert Task.running() == 0 and tf_thread().activeThreadCount() == 0


def test_json_into_a_missing_folder_is_refused_before_measuring(tmp_path, monkeypatch):
    from core.cli import UsageError

    monkeypatch.setattr(bench, "measure", lambda *a, **k: pytest.fail("measured anyway"))
    with pytest.raises(UsageError, match="does not exist"):
        bench.run(quick=True, json_path=tmp_path / "missing" / "bench.json")


def test_seed_network_costs_8_4_mflop_a_pair():
    recipe = get_recipe("seed")
    adder = Adder(build_model(recipe), CONCAT_MSB, recipe.bits, jit=False)
    assert bench.forward_flops(adder) == 16 * 2 * 4 * 256 * 257 + 2 * 256 * 9 == 8_425_984


def test_a_stall_weighs_as_many_slots_as_it_lasts():
    from gui.lateness import slot_lateness_ms

    late = slot_lateness_ms([0.0, 0.010, 0.020, 0.050, 0.0595])
    assert late == pytest.approx([0.0, 0.0, 20.0, 10.0, 0.0, 0.0], abs=1e-6)


def test_targets_are_judged_against_their_baselines():
    numbers = dict.fromkeys(bench.KEYS, 1.0) | {
        "table_s_seed": 2.0, "table_predict_s_seed": 3.0,  # faster than predict: met
        "train_samples_per_s_app": 90.0, "train_samples_per_s_plain": 100.0,  # slower: not
        "gui_lateness_ms_p99": None}
    met = {row[0]: row[4] for row in bench.verdicts(numbers)}
    assert met["table_s_seed"] == "yes"
    assert met["train_samples_per_s_app"] == "NO"
    assert met["gui_lateness_ms_p99"] == "n/a"
    assert met["train_peak_rss_mb"] == "-"
    assert np.isclose(bench.verdicts(numbers)[3][2], 3.0)
