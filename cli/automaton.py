"""`lstm-adder automaton`: a carry model read as an automaton (core.automaton), printed as
its table, with its exact match by width beside the network's. The numpy engine only: no
TensorFlow.

    2 states (read from 2 clusters of h), consistency 100.00%
    state  a b  ->  next  sum      visits  disagree
        0  0 0         0    0     114,752         0
    ...
     bits  pairs            automaton   network
        8  65,536 (all)       100.00%   100.00%
     1024  10,000 random      100.00%    17.70% on 1,000
"""

from __future__ import annotations

import textwrap
import time

from lstm_adder.cli.console import WIDTH
from lstm_adder.core import automaton
from lstm_adder.core.engine import Engine
from lstm_adder.core.errors import shown_path

STATES_LOW, STATES_HIGH = 1, 32  # --states: the most clusters a reading may try


def automaton_command(args) -> int:
    engine, _ = Engine.from_file(args.model)  # ModelFileError (an InputError) if unusable
    start = time.perf_counter()
    reading = automaton.read(engine, args.states)
    print(f"model {shown_path(args.model)}")
    print(f"{engine.encoding.name} layout, {engine.units} units")
    if reading.automaton is None:
        print(textwrap.fill(f"no automaton: {automaton.NO_SMALL_AUTOMATON}", WIDTH,
                            subsequent_indent="  "))
        print(f"it visits {reading.visited:,} distinct states over every {engine.bits}-bit "
              f"pair (rounded to {automaton.ROUND_DECIMALS} decimals)")
    else:
        print_automaton(reading.automaton)
        print_matches(reading.matches)
    print(f"read in {time.perf_counter() - start:.1f} s")
    return 0


def print_automaton(machine: automaton.Automaton) -> None:
    visits, wrong = int(machine.visits.sum()), int(machine.disagreements.sum())
    print(f"read from every {automaton.READ_BITS}-bit pair: {visits:,} steps")
    print(f"{machine.states} state{'s' * (machine.states != 1)} (from {machine.clusters} "
          f"clusters of h), consistency {machine.consistency:.2%} ({wrong:,} steps "
          "disagree)")
    print("state 0 is the start; -1: never read")
    print(f"{'state':>5}  a b  ->  next  sum  {'visits':>10}  disagree")
    for row in machine.rows():
        print(f"{row.state:>5}  {row.a} {row.b}      {row.next:>4}  {row.sum:>3}  "
              f"{row.visits:>10,}  {row.disagreements:>8,}")


def print_matches(matches: list[automaton.Match]) -> None:
    print("exact match: the automaton against Python's sums, and the network")
    print(f"{'bits':>5}  {'pairs':<15}  {'automaton':>9}  {'network':>8}")
    for m in matches:
        pairs = f"{m.pairs:,} {'(all)' if m.every_pair else 'random'}"
        fewer = f" on {m.network_pairs:,}" if m.network_pairs != m.pairs else ""
        print(f"{m.bits:>5}  {pairs:<15}  {m.automaton:>9.2%}  {m.network:>8.2%}{fewer}")
