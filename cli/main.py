"""The `lstm-adder` command: add, train, eval, compare, ablate, automaton, bench, study,
install-desktop, and the app (the default).

This module parses the command line and hands each subcommand to cli.commands (through
`set_defaults(func=…)`). It is the composition root, the one package that sits above all the
others: the commands answer with core alone, `gui` starts the app (gui.app, imported only
then) and `bench` the bench.

Every user error is one line on stderr and exit status 2, found before any work starts (and
before TensorFlow is imported), and nothing is written. Output that cannot be written ends
without a traceback: a closed pipe (`| head`) with status 141, any other write error (a full
disk) with one line and status 1; a terminal that cannot show ✓ gets "right". Ctrl-C exits
with 130 and SIGTERM with 143, saying "interrupted" only if nothing was written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from pathlib import Path

from lstm_adder.assets import BUNDLED
from lstm_adder.cli import ablate, commands, desktop
from lstm_adder.cli import compare as compare_cli
from lstm_adder.cli.automaton import STATES_HIGH, STATES_LOW, automaton_command
from lstm_adder.core.automaton import MAX_STATES
from lstm_adder.core.errors import InputError, one_line, shown
from lstm_adder.core.recipes import (
    MAX_DIGITS,
    RECIPES,
    WHOLE,
    FieldSpec,
    field_spec,
    parse_typed,
    user_fields,
)
from lstm_adder.core.seeds import MAX_SEEDS

SEED_BITS = RECIPES["seed"].bits  # the bundled seed model's width (made by the seed recipe)
EVAL_BITS = FieldSpec("bits", "--bits", int, "judge a carry model at another width", 1, 64)
STATES = FieldSpec("states", "--states", int, "the most states (clusters) the reading tries",
                   STATES_LOW, STATES_HIGH)
SHOW_WRONG = FieldSpec("show_wrong", "--show-wrong", int, "list the first K wrong pairs", 0,
                       1_000_000)
EXIT_USAGE, EXIT_FAILED = 2, 1
EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_BROKEN_PIPE = 130, 143, 141  # 128 + the signal


class UsageError(InputError):
    """A mistake on the command line: reported in one line, exit status 2."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that it ends as Ctrl-C does."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage over several lines; we print one
        raise UsageError(message)


def _whole(text: str) -> int:
    value = parse_typed(text, int)  # core's reading, as the Training tab's form
    if isinstance(value, int):
        return value
    if not WHOLE.fullmatch(value):
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a whole number (digits 0-9)")
    raise argparse.ArgumentTypeError(f"{shown(text)} has {len(value.lstrip('-')):,} digits; "
                                     f"at most {MAX_DIGITS} are taken")


def _number(text: str) -> float:
    value = parse_typed(text, float)
    if isinstance(value, str):
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a number")
    return value


def _ranged(spec: FieldSpec):
    """An argparse type: a whole number in `spec`'s range."""
    def parse(text: str) -> int:
        value = _whole(text)
        if not spec.accepts(value):
            raise argparse.ArgumentTypeError(f"must be {spec.requirement}")
        return value
    return parse


def _chosen(spec: FieldSpec):
    """An argparse type: one of a choice field's values, by its name."""
    def parse(text: str):
        value = spec.parse(text)
        if not spec.accepts(value):
            raise argparse.ArgumentTypeError(f"must be {spec.requirement}")
        return value
    return parse


def _help(spec: FieldSpec, default: str) -> str:
    return f"{spec.help}: {spec.range_text} (default: {default})"


def _recipe_default(spec: FieldSpec) -> str:
    """'0' when every recipe agrees, else '256 (seed), 16 (carry)'."""
    values = {name: spec.format(getattr(r, spec.name)) for name, r in RECIPES.items()}
    if len(set(values.values())) == 1:
        return next(iter(values.values()))
    return ", ".join(f"{value} ({name})" for name, value in values.items())


def _add_recipe_flags(parser: argparse.ArgumentParser, skip: tuple[str, ...] = ()) -> None:
    """One flag per recipe field a user may set (core.recipes.user_fields; those named in
    `skip` aside); each is checked by the field's own rule, in commands.recipe_from_args."""
    for spec in (s for s in user_fields() if s.name not in skip):
        default = _recipe_default(spec)
        if spec.choices:
            parser.add_argument(spec.flag, type=_chosen(spec), help=_help(spec, default),
                                metavar="{" + ",".join(spec.names) + "}")
        elif spec.type is bool:
            parser.add_argument(spec.flag, action=argparse.BooleanOptionalAction,
                                help=f"{spec.help} (default: {default})")
        else:
            parser.add_argument(spec.flag, type=_whole if spec.type is int else _number,
                                metavar="N" if spec.type is int else "X",
                                help=_help(spec, default))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lstm-adder", description="A calculator whose adder is an LSTM. "
                     "With no command, the app opens.")
    parser.set_defaults(func=commands.gui_command, model=None, handles_signals=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    model_help = "model file, .keras or Keras 2 .h5 (default: the bundled seed model)"

    gui = sub.add_parser("gui", help="open the app (the default)")
    gui.add_argument("--model", type=Path, metavar="PATH", help="model to open (default: the "
                     "model the app last opened, else the bundled seed model)")
    gui.set_defaults(func=commands.gui_command)

    add = sub.add_parser("add", help="add two numbers with a model")
    top = (1 << SEED_BITS) - 1
    for name, which in (("a", "first"), ("b", "second")):
        add.add_argument(name, type=_whole, help=f"the {which} operand: 0 to {top} with the "
                         f"default {SEED_BITS}-bit model (0 to 2^n - 1 with an n-bit model)")
    add.add_argument("--model", type=Path, default=BUNDLED["seed"], metavar="PATH",
                     help=model_help)
    add.set_defaults(func=commands.add_command, handles_signals=True)

    train = sub.add_parser("train", help="train a model from a recipe")
    train.add_argument("--recipe", choices=list(RECIPES), default="seed",
                       help="the recipe whose values the flags below change (default: seed)")
    _add_recipe_flags(train)
    train.add_argument("--out", type=Path, required=True, metavar="PATH",
                       help="file to save the model to (.keras; added to a name without it)")
    train.add_argument("--keep-epochs", action="store_true",
                       help="also keep and save every epoch's weights, for replay and eval "
                            "--epoch (about 1 MB an epoch for the seed recipe in the file, 2 MB "
                            "in memory, counted by the memory check; default: only each "
                            "epoch's error map)")
    train.add_argument("--logdir", type=Path, metavar="DIR",
                       help="also log the run for TensorBoard (tensorboard --logdir DIR) and "
                            "as DIR/training.csv; made if missing (default: no log)")
    train.set_defaults(func=commands.train_command, handles_signals=True)

    ev = sub.add_parser("eval", help="judge a model: every pair up to 8 bits, else a sample")
    ev.add_argument("--model", type=Path, default=BUNDLED["seed"], metavar="PATH",
                    help=model_help)
    ev.add_argument("--show-wrong", type=_ranged(SHOW_WRONG), default=0, metavar="K",
                    help=_help(SHOW_WRONG, "0"))
    ev.add_argument("--bits", type=_ranged(EVAL_BITS), metavar="N",
                    help=_help(EVAL_BITS, "the model's own width"))
    ev.add_argument("--epoch", type=_whole, metavar="K",
                    help="judge the model as it was after epoch K (0: untrained), when the "
                         "file kept every epoch's weights (train --keep-epochs) "
                         "(default: the final model)")
    ev.add_argument("--map", type=Path, metavar="PNG",
                    help="also draw the error map of every pair, with axes and colour bar, "
                         "to this PNG file (models of at most 8 bits; default: none)")
    ev.set_defaults(func=commands.evaluate_command, handles_signals=True)

    auto = sub.add_parser("automaton", help="read a carry model as an automaton of a few "
                          "states, and let it add at any width")
    auto.add_argument("--model", type=Path, default=BUNDLED["carry"], metavar="PATH",
                      help="model file, .keras or Keras 2 .h5 (default: the bundled carry "
                           "model)")
    auto.add_argument("--states", type=_ranged(STATES), default=MAX_STATES, metavar="K",
                      help=_help(STATES, str(MAX_STATES)))
    auto.set_defaults(func=automaton_command, handles_signals=True)
    compare_cli.register(sub, _ranged, _help)

    bench = sub.add_parser("bench", help="measure speed against baselines")
    bench.add_argument("--quick", action="store_true",
                       help="smaller sizes, for a quick look (default: the full bench)")
    bench.add_argument("--json", type=Path, metavar="PATH",
                       help="also write the numbers to this JSON file (default: none)")
    bench.set_defaults(func=commands.bench_command, handles_signals=True)

    study = sub.add_parser("study", help="learned or memorised: train with and without holdout")
    study.add_argument("--recipes", default="carry,seed", metavar="NAMES",
                       help=f"comma-separated recipes, of {', '.join(RECIPES)} "
                            "(default: carry,seed)")
    study.add_argument("--epochs", type=_whole, metavar="N",
                       help=_help(field_spec("epochs"), "each recipe's own"))
    study.add_argument("--cells", metavar="NAMES",
                       help="compare cells instead: train each recipe with each of these "
                            f"comma-separated cells, of {', '.join(field_spec('cell').names)} "
                            "(default: no cell study)")
    study.set_defaults(func=commands.study_command, handles_signals=True)
    _add_seeds_flags(study)  # --seeds N and the recipe's flags (with --cells too)
    desktop.add_parser(sub)  # install-desktop (cli/desktop.py)
    ablate.add_parser(sub, _whole)
    return parser


def _add_seeds_flags(study: argparse.ArgumentParser) -> None:
    """`study --seeds N`: each recipe trained with N seeds (core.seeds), as the flags set it."""
    seeds = study.add_argument_group("many seeds", "train each recipe with seeds S, S+1, …, "
                                     "S+N-1 (S: --seed), a process per core, and summarise")
    seeds.add_argument("--seeds", type=_whole, metavar="N",
                       help=f"how many seeds: 1 to {MAX_SEEDS} (default: the study of "
                            "holdouts instead)")
    seeds.add_argument("--out-dir", type=Path, metavar="DIR",
                       help="folder for each seed's model, RECIPE-seed-S.keras; made if "
                            f"missing (default: {commands.SEEDS_FOLDER})")
    _add_recipe_flags(seeds, skip=("epochs",))


def main(argv=None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    _forgiving_output()
    written = commands.Written()
    try:
        args = build_parser().parse_args(argv)
        with _sigterm_raises(args.handles_signals):
            args.written = written
            code = args.func(args)
            sys.stdout.flush()
        return code
    except InputError as exc:
        return _fail(f"error: {exc}", EXIT_USAGE)
    except Terminated:
        return _fail(_stopped(written), EXIT_TERMINATED)
    except KeyboardInterrupt:
        return _fail(_stopped(written), EXIT_INTERRUPTED)
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # the system's refusal (a full disk), not a bug of ours
        _discard_stdout()
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"error: {where}{exc.strerror or exc}", EXIT_FAILED)


def _stopped(written: commands.Written) -> str:
    saved = written.changed()
    if saved:
        return f"stopped; {', '.join(str(p) for p in saved)} was written"
    return "interrupted"


def _fail(message: str, code: int) -> int:
    with contextlib.suppress(OSError, ValueError):
        print(f"lstm-adder: {one_line(message)}", file=sys.stderr)
    return code


def _forgiving_output() -> None:
    """A character the terminal cannot show becomes "?" (in a message, its \\u escape),
    never a UnicodeEncodeError."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors=errors)


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what could not be
    written fails no more (it would print "Exception ignored")."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


@contextlib.contextmanager
def _sigterm_raises(wanted: bool):
    """While a command runs, SIGTERM raises Terminated (so saves clean up, as on Ctrl-C).
    The app handles its own signals; a thread other than the main one cannot."""
    if not wanted or threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
