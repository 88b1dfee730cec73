"""The `lstm-adder` command: add, train, eval, bench, study, and the app (the default).

Every user error is one line on stderr and exit status 2, and nothing is written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from assets import BUNDLED

NEEDS_KERAS = {"train", "study", "bench"}  # add and eval answer from the numpy engine


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage over several lines; we print one
        raise UsageError(message)


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lstm-adder", description="A calculator whose adder is an LSTM.")
    sub = parser.add_subparsers(dest="command")

    gui = sub.add_parser("gui", help="open the app (the default)")
    gui.add_argument("--model", type=Path, help="model to open (default: bundled seed model)")

    add = sub.add_parser("add", help="add two numbers with a model")
    add.add_argument("a", type=_integer)
    add.add_argument("b", type=_integer)
    add.add_argument("--model", type=Path, default=BUNDLED["seed"])

    train = sub.add_parser("train", help="train a model from a recipe")
    train.add_argument("--recipe", choices=["seed", "carry"], default="seed")
    for flag, kind in [("bits", _integer), ("units", _integer), ("dropout", _number),
                       ("lr", _number), ("batch-size", _integer), ("epochs", _integer),
                       ("holdout", _number), ("seed", _integer)]:
        train.add_argument(f"--{flag}", type=kind, help="override the recipe's value")
    train.add_argument("--out", type=Path, required=True, help="where to save (.keras)")

    ev = sub.add_parser("eval", help="judge a model on every pair")
    ev.add_argument("--model", type=Path, default=BUNDLED["seed"])
    ev.add_argument("--show-wrong", type=_integer, default=0, metavar="K")
    ev.add_argument("--bits", type=_integer, help="evaluate a carry model at another width")

    bench = sub.add_parser("bench", help="measure speed against baselines")
    bench.add_argument("--quick", action="store_true")
    bench.add_argument("--json", type=Path)

    study = sub.add_parser("study", help="learned or memorised: train with and without holdout")
    study.add_argument("--recipes", default="carry,seed")
    study.add_argument("--epochs", type=_integer, help="override the recipes' epochs")
    return parser


def main(argv=None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command in (None, "gui"):
            return _run_gui(getattr(args, "model", None))
        if args.command in NEEDS_KERAS:
            from core.quiet import import_tensorflow

            import_tensorflow()
        from core import commands

        return getattr(commands, args.command)(args)
    except UsageError as exc:
        print(f"lstm-adder: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("lstm-adder: interrupted", file=sys.stderr)
        return 130


def _run_gui(model: Path | None) -> int:
    try:
        from gui.app import main as gui_main
    except ImportError as exc:
        raise UsageError(f"the app is not available ({exc})") from exc
    return gui_main([] if model is None else ["--model", str(model)])
