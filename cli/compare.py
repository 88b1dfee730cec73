"""`lstm-adder compare A B`: two models judged on the same pairs, side by side.

    $ lstm-adder compare assets/carry.keras damaged.keras --show 1
    A  assets/carry.keras  paired-lsb layout, 16 units, 8 bits
       trained 6 epochs, last loss 0.1345
    B  damaged.keras  paired-lsb layout, 16 units, 8 bits
    compared on all 65,536 pairs, in 1.9 s
      both right      34,552   52.72%
      only A right    30,984   47.28%
      only B right         0    0.00%
      both wrong           0    0.00%
                           A         B
      exact match    100.00%    52.72%
    per-bit accuracy, most significant bit first:
      2^8             1.0000    0.8093
      ...
    only A right: 30,984 pairs, the first 1:
      0 + 63 = 63  A says 63 ✓  B says 127 ✗
    only B right: none

Every input is checked before any work (both files read, the width settled, the map's path
checked), and none of it imports TensorFlow: the numpy engine answers (core.compare).
"""

from __future__ import annotations

import time
from pathlib import Path

from lstm_adder.cli.console import mark, pack
from lstm_adder.core.checks import check_output_file
from lstm_adder.core.compare import Agreement, common_width, compare, curve
from lstm_adder.core.engine import TABLE_MAX_BITS, Engine
from lstm_adder.core.errors import InputError, shown_path
from lstm_adder.core.recipes import FieldSpec

COMPARE_BITS = FieldSpec("bits", "--bits", int, "compare at this width (carry models widen)",
                         1, 64)
SHOW = FieldSpec("show", "--show", int, "list the first K pairs only A gets right, and only B",
                 0, 1_000_000)
SHOWN = 5  # pairs listed from each of "only A right" and "only B right" by default


def register(sub, ranged, help_for) -> None:
    """Add `compare` to the subcommands `sub` (cli.main's, with its flag types and help)."""
    model = "model file, .keras or Keras 2 .h5"
    parser = sub.add_parser("compare", help="two models pair by pair: where only one is right")
    parser.add_argument("a", type=Path, metavar="A", help=f"the first {model}")
    parser.add_argument("b", type=Path, metavar="B", help=f"the second {model}")
    parser.add_argument("--bits", type=ranged(COMPARE_BITS), metavar="N",
                        help=help_for(COMPARE_BITS, "the models' own width"))
    parser.add_argument("--show", type=ranged(SHOW), default=SHOWN, metavar="K",
                        help=help_for(SHOW, str(SHOWN)))
    parser.add_argument("--map", type=Path, metavar="PNG",
                        help="also draw the difference map of every pair (each pair in the "
                             "colour of its set, with a legend of counts) to this PNG file "
                             "(at most 8 bits; default: none)")
    parser.set_defaults(func=compare_command, handles_signals=True)


def compare_command(args) -> int:
    engine_a, info_a = Engine.from_file(args.a)  # ModelFileError (an InputError) if unusable
    engine_b, info_b = Engine.from_file(args.b)
    map_path = check_output_file(args.map, ".png", "the map") if args.map is not None else None
    bits = common_width(engine_a, engine_b, args.bits, (shown_path(args.a), shown_path(args.b)))
    if map_path is not None and bits > TABLE_MAX_BITS:
        raise InputError(f"--map draws every pair: at most {TABLE_MAX_BITS} bits, not {bits}")
    start = time.perf_counter()
    histories = (info_a.get("history"), info_b.get("history"))
    result = compare(engine_a, engine_b, bits, histories)
    for side, path, engine, history in zip("AB", (args.a, args.b), (engine_a, engine_b),
                                           histories, strict=True):
        _print_model(side, path, engine, bits, history)
    print(f"compared on {result.a.scope()}, in {time.perf_counter() - start:.1f} s")
    counts = result.counts
    for kind in Agreement:
        print(f"  {kind.label:<14}{counts[kind]:>10,}  {result.share(kind):>7.2%}")
    print(f"{'':<16}{'A':>10}{'B':>10}")
    print(f"  {'exact match':<14}{result.a.exact:>10.2%}{result.b.exact:>10.2%}")
    print("per-bit accuracy, most significant bit first:")
    for k in range(bits, -1, -1):
        print(f"  {f'2^{k}':<14}{result.a.bit_accuracy[k]:>10.4f}"
              f"{result.b.bit_accuracy[k]:>10.4f}")
    for kind in (Agreement.ONLY_A, Agreement.ONLY_B):
        _print_examples(result, kind, args.show)
    if map_path is not None:
        from lstm_adder.core.figure import render_difference, write_png

        args.written.expect(map_path)
        write_png(map_path, render_difference(result))
        print(f"drew the difference map to {shown_path(map_path)}")
    return 0


def _print_model(side: str, path, engine: Engine, bits: int, history) -> None:
    """'A  carry.keras  paired-lsb layout, 16 units, 8 bits', and its training when the
    file recorded it ('   trained 6 epochs, last loss 0.1345')."""
    width = f"{bits} bits" + (f" (widened from {engine.bits})" if engine.bits != bits else "")
    for text in pack([f"{side}  {shown_path(path)}",
                      f"{engine.encoding.name} layout, {engine.units} units, {width}"],
                     indent="   "):
        print(text)
    line = curve(history)
    if line is not None:
        print(f"   trained {len(line.epochs)} epochs, last loss {line.loss[-1]:.4g}")


def _print_examples(result, kind: Agreement, limit: int) -> None:
    """The first `limit` pairs of `kind`, each with both models' sums, marked."""
    count = result.counts[kind]
    if limit == 0:
        return
    if count == 0:
        print(f"{kind.label}: none")
        return
    examples = result.examples(kind, limit)
    if not examples:  # sums wider than an int64
        print(f"{kind.label}: {count:,} pairs")
        return
    print(f"{kind.label}: {count:,} pairs, the first {len(examples)}:")
    for pair in examples:
        for line in pack([f"  {pair.a} + {pair.b} = {pair.true}",
                          f"A says {pair.a_says} {mark(pair.a_says == pair.true)}",
                          f"B says {pair.b_says} {mark(pair.b_says == pair.true)}"],
                         indent="    "):
            print(line)
