"""The bench's targets: each a key, what it must reach, and the same-run baseline it is
judged against. Written once; the table, the JSON keys and README's table follow from it."""

from __future__ import annotations

from dataclasses import dataclass

from lstm_adder.core.cells import CELLS


@dataclass(frozen=True)
class Target:
    key: str
    text: str
    baseline: str | None = None
    check: object = None  # (value, baseline) -> bool; None: report only


TARGETS = [
    Target("click_ms_p50_seed", "<= 0.1 ms", "predict_ms_p50_seed", lambda v, b: v <= 0.1),
    Target("click_ms_p99_seed", "<= 1 ms", "predict_ms_p50_seed", lambda v, b: v <= 1.0),
    Target("forward_ms_p50_seed", "<= 0.5 ms", "predict_ms_p50_seed", lambda v, b: v <= 0.5),
    Target("click_ms_p50_carry", "<= 0.5 ms", None, lambda v, b: v <= 0.5),
    Target("table_s_seed", "<= 0.125x baseline", "table_predict_s_seed",
           lambda v, b: v <= 0.125 * b),
    Target("ablation_sweep_s_seed", "<= 60 s", None, lambda v, b: v <= 60.0),
    Target("table_gflops_seed", ">= 50% of peak", "matmul_peak_gflops",
           lambda v, b: v >= 0.5 * b),
    Target("train_samples_per_s_app", ">= 0.97x baseline", "train_samples_per_s_plain",
           lambda v, b: v >= 0.97 * b),
    Target("carry_time_to_100_s", "<= 3 s", None, lambda v, b: v <= 3.0),
    Target("gui_lateness_ms_p99", "<= 50 ms", "gui_lateness_ms_p99_idle",
           lambda v, b: v <= 50.0),
    Target("start_window_s", "<= 1.5 s", None, lambda v, b: v <= 1.5),
    Target("start_first_answer_s", "<= 1.5 s", None, lambda v, b: v <= 1.5),
    Target("start_lateness_ms_max", "<= 100 ms", None, lambda v, b: v <= 100.0),
    Target("tf_import_lateness_ms_max", "report"),
    Target("switch_during_training_s", "<= 1 s", None, lambda v, b: v <= 1.0),
    Target("train_peak_rss_mb", "report"),
]
TARGETS += [target for cell in CELLS.values() for target in (  # a seed-sized model of each
    Target(f"forward_ms_p50_{cell.name}", "<= 0.5 ms", f"predict_ms_p50_{cell.name}",
           lambda v, b: v <= 0.5),
    Target(f"table_s_{cell.name}", "<= 0.125x baseline", f"table_predict_s_{cell.name}",
           lambda v, b: v <= 0.125 * b))]
KEYS = sorted({t.key for t in TARGETS} | {t.baseline for t in TARGETS if t.baseline})


def verdicts(numbers: dict) -> list[tuple[str, float | None, float | None, str, str]]:
    """(key, value, baseline, target text, met) for every target."""
    rows = []
    for t in TARGETS:
        value = numbers.get(t.key)
        base = numbers.get(t.baseline) if t.baseline else None
        if t.check is None:
            met = "-"
        elif value is None or (t.baseline and base is None):
            met = "n/a"
        else:
            met = "yes" if t.check(value, base) else "NO"
        rows.append((t.key, value, base, t.text, met))
    return rows


def table_text(numbers: dict) -> str:
    """The verdicts as an aligned table that fits 80 columns."""
    def fmt(v):
        return "-" if v is None else f"{v:.4g}"

    lines = [f"{'key':<26}{'value':>9}{'baseline':>10}  {'target':<19}met"]
    for key, value, base, text, met in verdicts(numbers):
        lines.append(f"{key:<26}{fmt(value):>9}{fmt(base):>10}  {text:<19}{met}")
    return "\n".join(lines)
