"""session.automaton without Qt: when a reading starts, what is kept per engine, what a
model switch cancels, and how a failure is said."""

import threading

import pytest

from lstm_adder.core import automaton
from lstm_adder.session.automaton import Automata, Stage
from lstm_adder.session.executor import Immediate, Threaded
from lstm_adder.session.insight import Insight


@pytest.fixture
def reads(monkeypatch):
    """core.automaton.read replaced by a record of the engines it was asked to read."""
    asked = []

    def read(engine, max_states, widths=automaton.WIDTHS, cancel=None):
        asked.append(engine)
        return automaton.Reading(None, [], visited=len(asked))

    monkeypatch.setattr(automaton, "read", read)
    return asked


def test_a_model_is_read_once_and_only_while_its_page_is_open(reads, carry_engine,
                                                             seed_engine):
    insight = Insight(Immediate())
    automata = Automata(insight)
    insight.show(carry_engine)
    assert automata.state is Stage.IDLE and reads == []
    automata.look(True)
    assert automata.state is Stage.DONE and reads == [carry_engine]
    insight.show(seed_engine)  # the page is open: read at once
    insight.show(carry_engine)  # read before: kept
    assert reads == [carry_engine, seed_engine] and automata.reading.visited == 1
    insight.show(None)
    assert automata.state is Stage.NONE and automata.reading is None


def test_live_epochs_wait_and_a_replayed_one_is_read(reads, carry_engine):
    insight = Insight(Immediate())
    automata = Automata(insight)
    automata.look(True)
    insight.watch(carry_engine, None, epoch=3)
    assert automata.state is Stage.WAITING and reads == []
    replayed = carry_engine.without_table()
    insight.watch(replayed, None, epoch=2, replayed=True)
    assert automata.state is Stage.DONE and reads == [replayed]


def test_a_switch_cancels_the_reading_and_drops_its_late_answer(monkeypatch, carry_engine,
                                                              seed_engine):
    release, cancelled = threading.Event(), []

    def read(engine, max_states, widths=automaton.WIDTHS, cancel=None):
        if engine is carry_engine:
            release.wait(30)
            cancelled.append(cancel())
        return automaton.Reading(None, [], visited=7)

    monkeypatch.setattr(automaton, "read", read)
    executor = Threaded()
    insight = Insight(executor)
    automata = Automata(insight)
    automata.look(True)
    insight.show(carry_engine)
    assert automata.state is Stage.READING
    insight.show(seed_engine)
    release.set()
    assert executor.deliver(60)
    assert cancelled == [True]
    assert automata.state is Stage.DONE and automata.insight.engine is seed_engine


def test_a_failed_reading_says_why(monkeypatch, carry_engine):
    def read(engine, max_states, widths=automaton.WIDTHS, cancel=None):
        raise MemoryError("no room")

    monkeypatch.setattr(automaton, "read", read)
    insight = Insight(Immediate())
    automata = Automata(insight)
    automata.look(True)
    insight.show(carry_engine)
    assert automata.state is Stage.FAILED and automata.failed == "MemoryError: no room"
