"""`lstm-adder ablate`: knock units out of a model and see which pairs break (core.ablation).

With no --unit, every unit is knocked out in turn and the table lists them worst first:
exact match with the unit out, and the change from the intact model. With --unit K, one
unit's figures: exact match, per-bit accuracy, how many pairs it broke (right intact, wrong
without it) and the first few of them. The numpy engine alone: no TensorFlow.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lstm_adder.assets import BUNDLED
from lstm_adder.cli.console import bit_rows, pack
from lstm_adder.core import ablation
from lstm_adder.core.ablation import Mode
from lstm_adder.core.engine import Engine
from lstm_adder.core.errors import InputError, shown_path

SHOWN_BROKEN = 5  # broken pairs listed for one unit


def add_parser(sub, whole) -> None:
    """The `ablate` subcommand on `sub` (cli.main's subparsers); `whole` parses a number."""
    parser = sub.add_parser("ablate", help="knock units out and see which pairs break")
    parser.add_argument("--model", type=Path, default=BUNDLED["seed"], metavar="PATH",
                        help="model file, .keras or Keras 2 .h5 (default: the bundled seed "
                             "model)")
    parser.add_argument("--unit", type=whole, metavar="K",
                        help="knock out this unit only and show its figures (default: every "
                             "unit in turn, worst first)")
    parser.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.ZERO.value,
                        help="hold the unit's h at zero, or at its mean over every pair and "
                             "step of the intact model (default: zero)")
    parser.set_defaults(func=ablate_command, handles_signals=True)


def ablate_command(args: argparse.Namespace) -> int:
    engine, _ = Engine.from_file(args.model)  # ModelFileError (an InputError) if unusable
    if args.unit is not None and not 0 <= args.unit < engine.units:
        raise InputError(f"--unit must be 0 to {engine.units - 1} for this "
                         f"{engine.units}-unit model")
    mode = Mode(args.mode)
    print(f"model {shown_path(args.model)}")
    print(f"{engine.encoding.name} layout, {engine.units} units, {engine.bits} bits per "
          f"operand; a knocked-out unit's h is held at {_held(mode)}")
    if args.unit is None:
        return _sweep(engine, mode)
    return _one(engine, args.unit, mode)


def _held(mode: Mode) -> str:
    return "0" if mode is Mode.ZERO else "its mean over every pair and step"


def _sweep(engine: Engine, mode: Mode) -> int:
    start = time.perf_counter()
    live = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if live:
            print(f"\r{done}/{total} units", end="", file=sys.stderr, flush=True)

    effects = ablation.which_units_matter(engine, mode, progress)
    if live:
        print("\r", end="", file=sys.stderr)
    intact = effects[0].intact if effects else 0.0
    print(f"intact: {intact:.2%} exact; each unit knocked out in turn, worst first "
          f"({time.perf_counter() - start:.1f} s):")
    print(f"{'unit':>5}  {'exact':>8}  {'vs intact':>11}")
    for effect in effects:
        print(f"{effect.unit:>5}  {effect.exact:>8.2%}  {100 * effect.change:>+7.2f} pts")
    return 0


def _one(engine: Engine, unit: int, mode: Mode) -> int:
    knock = ablation.judge_knockout(engine, unit, mode)
    report = knock.report
    print(f"unit {unit} knocked out (h = {knock.value:.4g}):")
    for line in pack([f"exact match on {report.scope()}: {report.exact:.2%}",
                      f"(intact {knock.intact.exact:.2%}, "
                      f"{100 * (report.exact - knock.intact.exact):+.2f} pts)"]):
        print(line)
    print("per-bit accuracy, most significant bit first:")
    for line in bit_rows(report.bit_accuracy):
        print(line)
    print(f"pairs broken (right intact, wrong without unit {unit}): {knock.broken_count:,}")
    for a, b, predicted, true in knock.examples(SHOWN_BROKEN):
        for line in pack([f"  claims {a} + {b} = {predicted}", f"(true {true})"],
                         indent="    "):
            print(line)
    return 0
