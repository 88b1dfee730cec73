"""What each `lstm-adder` subcommand does (argument parsing lives in core.cli)."""

from __future__ import annotations

import sys
import time

import numpy as np

from core.cli import UsageError
from core.numbers import bit_string
from core.recipes import get_recipe
from core.training import Observer


def open_engine(path):
    """(Engine, the file's info) for a model file, read without TensorFlow, or UsageError
    naming what is wrong."""
    from core.engine import Engine
    from core.errors import ModelFileError

    try:
        return Engine.from_file(path)
    except ModelFileError as exc:
        raise UsageError(str(exc)) from None


def add(args) -> int:
    for value in (args.a, args.b):
        if value < 0:
            raise UsageError(f"operand {value} is negative; operands are 0 or more")
    adder, _ = open_engine(args.model)
    for value in (args.a, args.b):
        if value > adder.max_operand:
            raise UsageError(f"operand {value} is out of range 0..{adder.max_operand} for "
                             f"this {adder.bits}-bit model")
    answer = adder.answer(args.a, args.b)
    mark = "✓" if answer.correct else "✗"
    print(f"{args.a} + {args.b} = {answer.predicted}  {bit_string(answer.predicted_bits)}  "
          f"(LSTM)  {mark}")
    print(f"{'':>{len(str(args.a)) + len(str(args.b)) + 3}}  {answer.true}  "
          f"{bit_string(answer.true_bits)}  (true)")
    print(f"confidence {answer.confidence:.3f}")
    return 0


class ProgressBar(Observer):
    """A one-line progress bar per epoch, then that epoch's metrics."""

    WIDTH = 30

    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def on_batch(self, p) -> None:
        filled = self.WIDTH * p.batch // p.batches
        self.stream.write(f"\repoch {p.epoch + 1}/{p.epochs} [{'#' * filled:<{self.WIDTH}}] "
                          f"{p.batch}/{p.batches} loss {p.loss:.4f}")
        self.stream.flush()

    def on_epoch(self, m, model) -> None:
        held = "" if m.heldout_exact is None else (
            f"  held-out loss {m.heldout_loss:.4f} exact {m.heldout_exact:.2%}")
        self.stream.write(f"  exact {m.exact:.2%} of {m.eval_pairs:,}{held}  "
                          f"({m.elapsed:.1f} s)\n")
        self.stream.flush()


def recipe_from_args(args):
    overrides = {k: getattr(args, k) for k in ("bits", "units", "dropout", "lr", "batch_size",
                                               "epochs", "holdout", "seed")}
    try:
        return get_recipe(args.recipe, **overrides)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def check_out_path(path) -> None:
    if path.suffix != ".keras":
        raise UsageError(f"{path}: the output must be a .keras file")
    if not path.parent.is_dir():
        raise UsageError(f"{path}: folder {path.parent} does not exist")


def train(args) -> int:
    from core.engine import Engine
    from core.evaluation import evaluate
    from core.storage import save_model
    from core.training import Trainer

    recipe = recipe_from_args(args)
    check_out_path(args.out)
    print(f"training recipe {recipe.name}: {recipe}")
    trainer = Trainer(recipe, [ProgressBar()])
    result = trainer.run()
    print(result.reason)
    if not result.ok:
        print(f"lstm-adder: not saved: {result.reason}", file=sys.stderr)
        return 1
    save_model(result.model, args.out, result.info())
    split = trainer.split
    if split.full:
        report = evaluate(Engine.from_model(result.model, recipe.bits), split.table)
        trained = len(split.train)
        print(f"exact match on all {report.count:,} pairs: {report.exact:.2%} "
              f"({report.wrong_count:,} wrong), having trained on {trained:,} "
              f"({trained / report.count:.0%}) of them")
        if split.heldout is not None:
            held = report.wrong_bits[split.heldout] == 0
            print(f"exact match on the {held.size:,} held-out pairs: {held.mean():.2%}")
    print(f"saved {args.out}")
    return 0


def eval(args) -> int:  # noqa: A001 - the subcommand's name
    from core.data import holdout_mask
    from core.evaluation import judge_all

    engine, info = open_engine(args.model)
    if args.show_wrong < 0:
        raise UsageError("--show-wrong must be 0 or more")
    bits = engine.bits if args.bits is None else args.bits
    if not 1 <= bits <= 64:
        raise UsageError("--bits must be between 1 and 64")
    try:
        engine = engine.with_bits(bits)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    start = time.perf_counter()
    report = judge_all(engine)
    print(f"{args.model}: {engine.encoding.name}, {bits} bits")
    print(f"exact match on {report.scope()}: {report.exact:.2%} "
          f"({report.wrong_count:,} wrong, {time.perf_counter() - start:.1f} s)")
    _print_bits(report.bit_accuracy)
    split = info.get("split") or {}
    if report.everything and bits == info.get("bits", bits) and split.get("holdout") and \
            split.get("full_table", True):
        held = holdout_mask(report.count, split["holdout"], split.get("seed", 0))
        rate = np.mean(report.wrong_bits[held] == 0)
        trained = np.mean(report.wrong_bits[~held] == 0)
        print(f"held-out pairs ({held.sum():,}, never trained on): {rate:.2%}; "
              f"trained pairs ({(~held).sum():,}): {trained:.2%}")
    for a, b, predicted, true in report.wrong(args.show_wrong):
        print(f"  claims {a} + {b} = {predicted} (true {true})")
    return 0


def _print_bits(accuracy) -> None:
    cells = "  ".join(f"2^{k}:{acc:.4f}" for k, acc in reversed(list(enumerate(accuracy))))
    print(f"per-bit accuracy  {cells}")


def bench(args) -> int:
    from bench.run import run

    return run(quick=args.quick, json_path=args.json)


def study(args) -> int:
    from core.study import plan, run

    names = args.recipes.split(",")
    try:
        plan(names, epochs=args.epochs)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return run(names, epochs=args.epochs)
