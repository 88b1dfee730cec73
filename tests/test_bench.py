"""The bench: every measurement runs (tiny here) and the JSON carries every key."""

import json
import math

import pytest

from lstm_adder.bench import app, run, targets
from lstm_adder.core.engine import Engine
from lstm_adder.core.models import build_model
from lstm_adder.core.recipes import get_recipe

TINY = run.Sizes(clicks=20, predicts=3, table_repeats=1, matmul_n=64, train_batches=4,
                 train_rounds=1, idle_s=0.2, training_s=1.0, start_watch_s=0.5,
                 start_timeout_s=60.0)
WINDOW_KEYS = {"gui_lateness_ms_p99", "gui_lateness_ms_p99_idle", "start_window_s",
               "start_first_answer_s", "start_lateness_ms_max", "tf_import_lateness_ms_max",
               "switch_during_training_s"}


def _tiny_models(seed_model, carry_model):
    return {"seed": app.Bundled(Engine.from_model(seed_model), seed_model, ""),
            "carry": app.Bundled(Engine.from_model(carry_model.model, 4), carry_model.model, "")}


def test_tiny_bench_writes_every_key_as_a_finite_number(tmp_path, capsys, seed_model,
                                                         carry_model):
    out = tmp_path / "bench.json"
    code = run.run(json_path=out, sizes=TINY, models=_tiny_models(seed_model, carry_model),
                   gui=False,
                   seed_recipe=get_recipe("seed", bits=4, units=8, batch_size=16, epochs=2),
                   carry_recipe=get_recipe("carry", bits=4, holdout=0.0, batch_size=16,
                                           lr=0.02, epochs=60))
    assert code == 0
    data = json.loads(out.read_text())
    for key in set(targets.KEYS) - WINDOW_KEYS:
        value = data[key]
        assert isinstance(value, float) and math.isfinite(value) and value > 0, (key, value)
    printed = capsys.readouterr().out
    assert all(target.key in printed for target in targets.TARGETS)
    assert all(len(line) <= 80 for line in printed.splitlines() if not line.startswith("note"))


@pytest.mark.parametrize("where", ["missing/bench.json", "."])
def test_a_json_path_that_cannot_be_written_is_refused_before_measuring(tmp_path, monkeypatch,
                                                                        where):
    from lstm_adder.core.errors import InputError

    monkeypatch.setattr(run, "measure", lambda *a, **k: pytest.fail("measured anyway"))
    with pytest.raises(InputError):
        run.run(quick=True, json_path=tmp_path / where)


def test_seed_network_costs_8_4_mflop_a_pair():
    recipe = get_recipe("seed")
    engine = Engine.from_model(build_model(recipe))
    assert app.forward_flops(engine) == 16 * 2 * 4 * 256 * 257 + 2 * 256 * 9 == 8_425_984


def test_targets_are_judged_against_their_baselines():
    numbers = dict.fromkeys(targets.KEYS, 1.0) | {
        "table_s_seed": 1.0, "table_predict_s_seed": 10.0,  # 0.1x predict: met
        "train_samples_per_s_app": 90.0, "train_samples_per_s_plain": 100.0,  # 0.9x: not
        "switch_during_training_s": None}
    met = {row[0]: row[4] for row in targets.verdicts(numbers)}
    assert met["table_s_seed"] == "yes"
    assert met["train_samples_per_s_app"] == "NO"
    assert met["switch_during_training_s"] == "n/a"
    assert met["train_peak_rss_mb"] == "-"


def test_a_stall_weighs_as_many_slots_as_it_lasts():
    from lstm_adder.bench.window import slot_lateness_ms

    late = slot_lateness_ms([0.0, 0.010, 0.020, 0.050, 0.0595])
    assert late == pytest.approx([0.0, 0.0, 20.0, 10.0, 0.0, 0.0], abs=1e-6)
