"""What each `lstm-adder` subcommand does (argument parsing lives in cli.main).

Each command checks all its input first and imports TensorFlow only then, if it needs it:
a mistake costs a second, not a training run.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from lstm_adder.cli.console import ProgressBar, bit_rows, mark, pack
from lstm_adder.core.checks import check_out_path, check_output_file
from lstm_adder.core.engine import TABLE_MAX_BITS, Engine
from lstm_adder.core.errors import InputError, ModelFileError, one_line, shown_path
from lstm_adder.core.logdir import check_logdir
from lstm_adder.core.numbers import bit_string
from lstm_adder.core.recipes import check_recipe, field_spec, get_recipe, user_fields
from lstm_adder.core.storage import stamp, written_since

FALLBACK_TRIES = 100  # names tried in each fallback folder: m.keras, m-2.keras, ...


class Written:
    """The files a command is about to write, so that an interrupt can tell which of them
    were written after all (a signal may land just after the file is moved into place)."""

    def __init__(self):
        self._before: dict[Path, tuple | None] = {}

    def expect(self, path: Path) -> None:
        self._before[Path(path)] = stamp(path)

    def changed(self) -> list[Path]:
        return [path for path, before in self._before.items() if stamp(path) != before]


def _import_tensorflow() -> None:
    from lstm_adder.core.quiet import import_tensorflow

    import_tensorflow()


# -- the app ---------------------------------------------------------------------------------


def gui_command(args) -> int:
    try:
        from lstm_adder.gui.app import main as gui_main
    except ImportError as exc:
        raise InputError(f"the app is not available ({exc})") from exc
    return gui_main([] if args.model is None else ["--model", str(args.model)])


# -- add and eval: the numpy engine, no TensorFlow -------------------------------------------


def add_command(args) -> int:
    for value in (args.a, args.b):
        if value < 0:
            raise InputError(f"operand {value} is negative; operands are 0 or more")
    adder, _ = Engine.from_file(args.model)  # ModelFileError (an InputError) if unusable
    for value in (args.a, args.b):
        if value > adder.max_operand:
            raise InputError(f"operand {value} is out of range 0..{adder.max_operand} for "
                             f"this {adder.bits}-bit model")
    answer = adder.answer(args.a, args.b)
    print(f"{args.a} + {args.b} = {answer.predicted}  {bit_string(answer.predicted_bits)}  "
          f"({adder.net.cell.keras_class})  {mark(answer.correct)}")
    print(f"{'':>{len(str(args.a)) + len(str(args.b)) + 3}}  {answer.true}  "
          f"{bit_string(answer.true_bits)}  (true)")
    print(f"confidence {answer.confidence:.3f}")
    return 0


def evaluate_command(args) -> int:
    from lstm_adder.core.data import holdout_mask
    from lstm_adder.core.evaluation import judge_all

    engine, info = Engine.from_file(args.model)
    map_path = check_output_file(args.map, ".png", "the map") if args.map is not None else None
    if args.epoch is not None:
        engine = epoch_engine(args.model, args.epoch)
    bits = engine.bits if args.bits is None else args.bits
    if map_path is not None and bits > TABLE_MAX_BITS:
        raise InputError(f"--map draws every pair: at most {TABLE_MAX_BITS} bits, not {bits}")
    try:
        engine = engine.with_bits(bits)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    start = time.perf_counter()
    report = judge_all(engine)  # every pair up to 8 bits, else a seeded sample
    when = "" if args.epoch is None else f", as after epoch {args.epoch}"
    print(f"model {shown_path(args.model)}{when}")
    print(f"{engine.encoding.name} layout, {engine.units} units, {bits} bits per operand")
    for line in pack([f"exact match on {report.scope()}: {report.exact:.2%}",
                      f"({report.wrong_count:,} wrong, {time.perf_counter() - start:.1f} s)"]):
        print(line)
    print("per-bit accuracy, most significant bit first:")
    for line in bit_rows(report.bit_accuracy):
        print(line)
    split = info.get("split") or {}
    if report.everything and bits == info.get("bits", bits) and split.get("holdout") and \
            split.get("full_table", True):
        held = holdout_mask(report.count, split["holdout"], split.get("seed", 0))
        right = report.wrong_bits == 0
        print(f"held out (never trained on): {held.sum():,} pairs, "
              f"{right[held].mean():.2%} exact")
        print(f"trained on: {(~held).sum():,} pairs, {right[~held].mean():.2%} exact")
    for a, b, predicted, true in report.wrong(args.show_wrong):
        for line in pack([f"  claims {a} + {b} = {predicted}", f"(true {true})"], indent="    "):
            print(line)
    if map_path is not None:
        from lstm_adder.core.figure import render_map, write_png

        args.written.expect(map_path)
        write_png(map_path, render_map(report.matrix()))
        print(f"drew the error map to {shown_path(map_path)}")
    return 0


def epoch_engine(path, epoch: int) -> Engine:
    """The model in `path` as it was after `epoch` epochs; InputError if the file cannot
    say (no replay, or no weights kept)."""
    from lstm_adder.core.replay import Timeline

    timeline = Timeline.from_file(path)
    if timeline is None:
        raise InputError(f"{path}: records no epochs to replay")
    if not 0 <= epoch <= timeline.epochs:
        raise InputError(f"--epoch must be 0 to {timeline.epochs} for {path}")
    if timeline.engines is None:
        raise InputError(f"{path}: keeps each epoch's error map but not its weights; "
                         "train with --keep-epochs to judge an epoch")
    return timeline.engine(epoch)


# -- train -----------------------------------------------------------------------------------


def recipe_from_args(args, name: str | None = None):
    """The recipe the flags describe (`name`: the recipe they change, default --recipe);
    InputError naming the flag and the field's rule."""
    overrides = {spec.name: getattr(args, spec.name) for spec in user_fields()}
    for spec in user_fields():
        error = overrides[spec.name] is not None and spec.error(overrides[spec.name])
        if error:
            raise InputError(f"{spec.flag}: {error}")
    return get_recipe(name or args.recipe, **overrides)


def print_recipe(recipe) -> None:
    """The recipe as a short table of the fields a user may set, labelled as in the app."""
    specs = user_fields()
    width = max(len(spec.label) for spec in specs) + 3
    print(f"recipe {recipe.name}: {recipe.encoding} layout, {recipe.loss} loss")
    for spec in specs:
        print(f"  {spec.label:<{width}}{spec.format(getattr(recipe, spec.name))}")


def train_command(args) -> int:
    recipe = recipe_from_args(args)
    problems = check_recipe(recipe, keep_epochs=args.keep_epochs)
    if problems:
        raise InputError("; ".join(problems))
    out = check_out_path(args.out, recipe.file_bytes() * (
        recipe.epochs + 2 if args.keep_epochs else 1))
    logdir = None if args.logdir is None else check_logdir(args.logdir)
    found = stamp(out)  # a file written there while this trains is replaced with a word
    _import_tensorflow()
    from lstm_adder.core.training import Trainer

    print_recipe(recipe)
    bar = ProgressBar()
    trainer = Trainer(recipe, [bar], keep_epochs=args.keep_epochs, logdir=logdir)
    try:
        result = trainer.run()
    finally:
        bar.end_line()
    print(result.reason)
    if not result.ok:
        print(f"lstm-adder: not saved: {result.reason}", file=sys.stderr)
        return 1
    _print_judgement(result, trainer.split)
    return save_trained(result, out, args.written, args.keep_epochs, found)


def _print_judgement(result, split) -> None:
    """The kept epoch's judgement (the trainer judged it: no second pass over the pairs)."""
    if not result.history:
        return
    m = result.history[result.best_epoch - 1]
    every = split.full and m.eval_pairs == len(split.table)
    scope = f"all {m.eval_pairs:,} pairs" if every else f"{m.eval_pairs:,} sampled pairs"
    print(f"exact match on {scope}: {m.exact:.2%} (epoch {m.epoch})")
    if split.full:
        trained, total = len(split.train), len(split.table)
        print(f"trained on {trained:,} of the {total:,} pairs ({trained / total:.0%})")
    if m.heldout_exact is not None:
        held = f"{int(split.heldout.sum()):,} held-out pairs" if every else "held-out ones"
        print(f"exact match on the {held}: {m.heldout_exact:.2%}")


def save_trained(result, out: Path, written: Written, keep_epochs: bool = False,
                 found: tuple | None | bool = False) -> int:
    """Save a finished run to `out`; if that fails, to a fallback path that is printed. The
    trained model is never dropped without a word, nor a file that another program wrote
    to `out` since this one started (`found`: what was there then, as storage.stamp says)."""
    from lstm_adder.core.storage import save_model

    info, extra = result.save_parts(keep_epochs)
    written.expect(out)
    replaced = found is not False and written_since(out, found)
    try:
        save_model(result.model, out, info, extra)
    except ModelFileError as exc:
        failure = exc
    else:
        print(f"saved {shown_path(out)}")
        if replaced:
            print(one_line(f"lstm-adder: note: {out} was written by another program while "
                           "this one trained; it is replaced by this model"), file=sys.stderr)
        return 0
    for target in fallback_paths(out):
        written.expect(target)
        try:
            save_model(result.model, target, info, extra)
        except ModelFileError:
            continue
        print(one_line(f"lstm-adder: {failure}; saved the model to {target} instead"),
              file=sys.stderr)
        return 1
    print(one_line(f"lstm-adder: error: {failure}; no fallback folder took it either"),
          file=sys.stderr)
    return 1


def fallback_paths(out: Path):
    """Unused names like `out`'s in the current folder, then in the temp folder."""
    for folder in (Path.cwd(), Path(tempfile.gettempdir())):
        if folder.resolve() == out.parent.resolve():
            continue
        for n in range(1, FALLBACK_TRIES + 1):
            target = folder / (out.name if n == 1 else f"{out.stem}-{n}{out.suffix}")
            if not target.exists():
                yield target
                break


# -- bench and study: checked first, then TensorFlow -------------------------------------


def bench_command(args) -> int:
    from lstm_adder.bench.run import check_json_path, run

    check_json_path(args.json)
    _import_tensorflow()
    return run(quick=args.quick, json_path=args.json)


def study_command(args) -> int:
    from lstm_adder.core.study import cell_plan, plan, run, run_cells

    if args.cells is None and (args.seeds is not None or args.out_dir is not None):
        return seeds_command(args)
    given = [s.flag for s in user_fields() if s.name not in ("epochs", "holdout")
             and getattr(args, s.name) is not None]
    if given or (args.cells is not None and args.out_dir is not None):
        raise InputError(f"{(given or ['--out-dir'])[0]}: only with --seeds N and no --cells "
                         "(the holdout and cell studies set their own)")
    names = [name.strip() for name in args.recipes.split(",")]
    cells = None if args.cells is None else [name.strip() for name in args.cells.split(",")]
    error = args.epochs is not None and field_spec("epochs").error(args.epochs)
    if error:
        raise InputError(f"--epochs: {error}")
    if cells is None and args.holdout is not None:
        raise InputError("--holdout: only with --cells or --seeds N (the holdout study sets "
                         "its own)")
    seeds = args.seeds or 1  # with --cells: runs per cell and recipe, trained one by one
    error = args.holdout is not None and field_spec("holdout").error(args.holdout)
    if error:
        raise InputError(f"--holdout: {error}")
    try:
        runs = (plan(names, epochs=args.epochs) if cells is None else
                [r for group in cell_plan(cells, names, seeds, args.epochs,
                                          holdout=args.holdout) for r in group])
    except ValueError as exc:
        raise InputError(str(exc)) from None
    problems = dict.fromkeys(p for recipe in runs for p in check_recipe(recipe))
    if problems:
        raise InputError("; ".join(problems))
    _import_tensorflow()
    if cells is not None:
        return run_cells(cells, names, seeds, epochs=args.epochs, holdout=args.holdout)
    return run(names, epochs=args.epochs)


SEEDS_FOLDER = Path("lstm-adder-seeds")


def seeds_command(args) -> int:
    """`study --seeds N`: every recipe named, trained with N seeds (core.seeds), checked
    first: the count, each recipe as the flags set it, the folder."""
    from lstm_adder.core.seeds import check_seeds
    from lstm_adder.core.study import run_seeds

    if args.seeds is None:
        raise InputError("--out-dir: only with --seeds N")
    recipes = [recipe_from_args(args, name.strip()) for name in args.recipes.split(",")]
    problems = dict.fromkeys(p for recipe in recipes for p in check_recipe(recipe))
    if problems:
        raise InputError("; ".join(problems))
    folder = args.out_dir if args.out_dir is not None else SEEDS_FOLDER
    for recipe in recipes:
        check_seeds(recipe, args.seeds, folder)
    return run_seeds(recipes, args.seeds, folder, args.written.expect)
