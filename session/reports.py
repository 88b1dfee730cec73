"""Every engine's judgement, made once and shared.

Every pair of an engine is judged once (core.evaluation.judge_all): the engine keeps its
table, and this module keeps the Report, so the calculator's wrong pairs, the Insight map and
the model list share one pass (a second caller waits for the first), and a model opened again
is not judged again. Any thread may call these; the reports live as long as their engines.
"""

from __future__ import annotations

import threading
import weakref

from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import SAMPLE_SEED, Report, judge_all
from lstm_adder.session.words import QT_TRANSLATE_NOOP, Words

WAIT_S = 0.05  # how often a caller waiting for another's judgement looks at its cancel
_reports: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> Report
_judging: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Engine -> Lock
_lock = threading.Lock()


def scope(report: Report) -> Words:
    """Which pairs `report` judged: "all 65,536 pairs" or "10,000 random pairs (seed 0)"."""
    if report.everything:
        return Words(QT_TRANSLATE_NOOP("session", "all {0:,} pairs"), report.count)
    return Words(QT_TRANSLATE_NOOP("session", "{0:,} random pairs (seed {1})"), report.count,
                 SAMPLE_SEED)


def remember(engine: Engine, report: Report) -> None:
    """Keep `report` as `engine`'s judgement (the first one kept stays)."""
    with _lock:
        _reports.setdefault(engine, report)


def report_for(engine: Engine) -> Report | None:
    """The engine's judgement if it has been made, else None (at once)."""
    with _lock:
        return _reports.get(engine)


def judged(engine: Engine, cancel: threading.Event) -> Report | None:
    """core.evaluation.judge_all, once per engine: a caller that comes while another judges
    the same engine waits for that judgement. None if `cancel` is set first."""
    with _lock:
        lock = _judging.setdefault(engine, threading.Lock())
    while not lock.acquire(timeout=WAIT_S):
        if cancel.is_set():
            return None
    try:
        report = report_for(engine)
        if report is None:
            report = judge_all(engine, cancel.is_set)
            if report is not None:
                remember(engine, report)
                report = report_for(engine)
        return report
    finally:
        lock.release()
