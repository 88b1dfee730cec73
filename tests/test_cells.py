"""Every cell (LSTM, GRU, SimpleRNN) in both layouts: the numpy engine against Keras.

The reference is Keras's own `predict` (and its return_sequences h) on the same weights, read
by Keras from the same file; for Keras 2 files, tf_keras's. Weights are random (biases too, so
that a GRU's two biases cannot be swapped unseen) and tiny: 4-bit operands, 8 units.
"""

import json
import re
import zipfile

import keras
import numpy as np
import pytest

from lstm_adder.core.cells import CELLS, GRU, find_layer
from lstm_adder.core.engine import Engine
from lstm_adder.core.models import build_model
from lstm_adder.core.numbers import all_pairs, random_bits, to_bits
from lstm_adder.core.recipes import Recipe, field_spec, get_recipe
from lstm_adder.core.storage import load_model, save_model
from lstm_adder.core.weights import INFO_ENTRY

BITS, UNITS = 4, 8
NAMES = [cell.name for cell in CELLS.values()]


def _randomised(model, seed: int):
    """`model` with every weight drawn at random (biases included), as Keras keeps them."""
    rng = np.random.default_rng(seed)
    model.set_weights([rng.normal(0, 0.6, w.shape).astype(np.float32)
                       for w in model.get_weights()])
    return model


def _model(name: str, layout: str, seed: int = 7):
    keras.utils.set_random_seed(seed)
    recipe = get_recipe(layout, bits=BITS, units=UNITS, dropout=0.0,
                        cell=field_spec("cell").load(name))
    return _randomised(build_model(recipe), seed)


def _predicted(model, engine, a_bits, b_bits):
    x = engine.encoding.inputs(a_bits, b_bits)
    return engine.encoding.probabilities(model.predict(x, batch_size=4096, verbose=0))


def _every_pair(engine):
    a, b = all_pairs(engine.bits)
    return to_bits(a, engine.bits), to_bits(b, engine.bits)


def _agrees_on_every_pair(engine, model):
    expected = _predicted(model, engine, *_every_pair(engine))
    table = engine.table()
    np.testing.assert_allclose(table, expected, atol=1e-5)
    np.testing.assert_array_equal(table >= 0.5, expected >= 0.5)
    return table


def _keras_h(layer, x):
    """h at every step from a Keras layer of the same kind carrying `layer`'s weights."""
    twin = type(layer).from_config(layer.get_config() | {"return_sequences": True,
                                                          "name": "twin"})
    twin.build(x.shape)
    twin.set_weights(layer.get_weights())
    return np.asarray(twin(x))


@pytest.fixture(scope="module", params=[(name, layout) for name in NAMES
                                        for layout in ("seed", "carry")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def saved(request, tmp_path_factory):
    """(model, its file, the engine read from the file) for one cell and one layout."""
    name, layout = request.param
    model = _model(name, layout)
    path = save_model(model, tmp_path_factory.mktemp(name) / f"{name}-{layout}.keras",
                      {"bits": BITS})
    engine, _ = Engine.from_file(path)
    return model, path, engine


def test_the_engine_agrees_with_keras_on_every_pair(saved):
    model, path, engine = saved
    assert engine.net.cell == find_layer(model)[0]
    table = _agrees_on_every_pair(engine, load_model(path).model)  # Keras reading the file
    live = Engine.from_model(model, BITS)  # the live model: the same table
    np.testing.assert_allclose(live.table(), table, atol=1e-6)
    fresh, _ = Engine.from_file(path)  # the one-pair forward gives the table's rows
    for a, b in [(13, 7), (15, 15), (0, 9)]:
        np.testing.assert_allclose(fresh.answer(a, b).probabilities,
                                   table[(a << BITS) | b], atol=1e-6)


def test_the_plain_trace_the_fast_step_and_keras_give_the_same_h(saved):
    model, _, engine = saved
    cell, layer = engine.net.cell, find_layer(model)[1]
    x = engine.encoding.inputs(to_bits([11, 6, 15], BITS), to_bits([5, 9, 15], BITS))
    traced = cell.trace(engine.net, x)
    assert list(traced) == list(cell.traced)
    _, states = engine.run(x, states=True)
    for state in cell.states:
        np.testing.assert_allclose(traced[state], states[state], atol=1e-5)
    np.testing.assert_allclose(traced["h"], _keras_h(layer, x), atol=1e-5)
    one, _ = engine.trace(11, 5)  # the engine's per-pair view: (units, steps)
    np.testing.assert_allclose(one["h"], traced["h"][0].T, atol=1e-6)


def test_a_carry_layout_widens_for_every_cell(saved):
    model, _, engine = saved
    if not engine.can_widen:
        pytest.skip("concat-msb reads one width")
    wide = engine.with_bits(12)
    a_bits, b_bits = random_bits(200, 12, 1), random_bits(200, 12, 2)
    np.testing.assert_allclose(wide.probabilities(a_bits, b_bits),
                               _predicted(model, wide, a_bits, b_bits), atol=1e-5)


def test_weights_go_in_and_out_in_each_cells_shapes(saved):
    model, _, engine = saved
    assert [w.shape for w in engine.weights] == [w.shape for w in model.get_weights()]
    doubled = engine.with_weights([2 * w for w in engine.weights])
    model2 = keras.models.clone_model(model)
    model2.set_weights([2 * w for w in model.get_weights()])
    np.testing.assert_allclose(doubled.table(), _predicted(model2, doubled,
                                                           *_every_pair(doubled)), atol=1e-5)
    with pytest.raises(ValueError, match="do not fit"):
        engine.with_weights([w[..., :-1] for w in engine.weights])


def test_a_recipes_parameters_are_keras_own_count(saved):
    model, _, engine = saved
    name = engine.net.cell.name
    for layout in ("seed", "carry"):
        recipe = get_recipe(layout, bits=BITS, units=UNITS, cell=field_spec("cell").load(name))
        assert recipe.parameters == build_model(recipe).count_params()


def _keras2_file(folder, layer, seed: int, every_step: bool):
    """A tf_keras (Keras 2) .h5 of `layer` between the seed or carry layout's input and head,
    with random weights; and the tf_keras model (the reference)."""
    tf_keras = pytest.importorskip("tf_keras")

    tf_keras.utils.set_random_seed(seed)
    shape = (BITS + 1, 2) if every_step else (2 * BITS, 1)
    model = tf_keras.Sequential([
        tf_keras.Input(shape),
        layer,
        tf_keras.layers.Dense(1 if every_step else BITS + 1, activation="sigmoid"),
    ])
    _randomised(model, seed)
    path = folder / f"{layer.name}.h5"
    model.save(path)
    return path, model


@pytest.mark.parametrize("every_step", [False, True], ids=["seed", "carry"])
@pytest.mark.parametrize("kind", ["gru-reset-before", "gru", "simple_rnn"])
def test_keras2_files_of_each_cell_agree_with_tf_keras(kind, every_step, tmp_path):
    tf_keras = pytest.importorskip("tf_keras")

    layers = {"gru-reset-before": lambda: tf_keras.layers.GRU(
                  UNITS, reset_after=False, return_sequences=every_step),
              "gru": lambda: tf_keras.layers.GRU(UNITS, return_sequences=every_step),
              "simple_rnn": lambda: tf_keras.layers.SimpleRNN(
                  UNITS, return_sequences=every_step)}
    path, reference = _keras2_file(tmp_path, layers[kind](), 11, every_step)
    engine, info = Engine.from_file(path)
    assert (info, engine.bits) == ({}, BITS)
    if kind == "gru-reset-before":
        assert engine.net.cell == GRU(reset_after=False)
        assert engine.weights[2].shape == (3 * UNITS,)
    _agrees_on_every_pair(engine, reference)
    # the app's Keras reads it too (to save it as .keras), and answers the same
    _agrees_on_every_pair(Engine(engine.net, engine.encoding, BITS), load_model(path).model)


def test_a_plain_keras_gru_made_outside_the_app_opens_as_an_adder(tmp_path):
    model = keras.Sequential([keras.Input((2 * BITS, 1)), keras.layers.GRU(6),
                              keras.layers.Dense(BITS + 1, activation="sigmoid")])
    _randomised(model, 3)
    path = tmp_path / "plain.keras"
    model.save(path)
    with zipfile.ZipFile(path) as archive:
        assert INFO_ENTRY not in archive.namelist()
    engine, info = Engine.from_file(path)
    assert (info, engine.bits, engine.net.cell, engine.units) == ({}, BITS, CELLS["GRU"], 6)
    _agrees_on_every_pair(engine, model)


# -- the recipe's field ------------------------------------------------------------------


def test_the_cell_is_a_recipe_choice_kept_by_name():
    spec = field_spec("cell")
    assert [c.name for c in spec.choices] == ["lstm", "gru", "simple_rnn"] == spec.names
    assert get_recipe("seed").cell is get_recipe("carry").cell is CELLS["LSTM"]  # the tutorial's
    gru = get_recipe("carry", cell=spec.parse(" gru "))
    assert gru.cell is CELLS["GRU"] and spec.format(gru.cell) == "gru"
    kept = json.loads(json.dumps(gru.to_dict()))
    assert kept["cell"] == "gru" and Recipe.from_dict(kept) == gru
    old = {k: v for k, v in kept.items() if k != "cell"}  # a file from before the choice
    assert Recipe.from_dict(old).cell is CELLS["LSTM"]
    assert spec.error(spec.parse("rnn")) == "Cell must be one of lstm, gru, simple_rnn"
    with pytest.raises(ValueError, match="^Cell must be one of lstm, gru, simple_rnn"):
        get_recipe("seed", cell="gru")  # a name is not a cell: parse it first


def test_a_files_recipe_must_name_a_known_cell():
    from lstm_adder.core.checks import info_problems

    assert info_problems({"recipe": {"cell": "gru"}}) == []
    assert info_problems({"recipe": {"cell": "tcn"}}) == [
        "recipe.cell is 'tcn', not one of lstm, gru, simple_rnn"]


def test_the_command_line_takes_a_cell(capsys):
    from lstm_adder.cli.commands import recipe_from_args
    from lstm_adder.cli.main import build_parser, main

    args = build_parser().parse_args(["train", "--recipe", "carry", "--cell", "simple_rnn",
                                      "--out", "x.keras"])
    assert recipe_from_args(args).cell is CELLS["SimpleRNN"]
    assert main(["train", "--cell", "tcn", "--out", "x.keras"]) == 2
    assert "--cell: must be one of lstm, gru, simple_rnn" in capsys.readouterr().err


def test_the_training_form_trains_the_chosen_cell(window, reported):
    tab = window.training
    tab.load_recipe("carry")
    box = tab.choices["cell"]
    assert [box.itemText(i) for i in range(box.count())] == ["LSTM", "GRU", "Simple RNN"]
    assert box.currentIndex() == 0 and tab.recipe().cell is CELLS["LSTM"]
    box.setCurrentIndex(1)
    tab.stop_when_perfect.setChecked(False)
    for name, value in {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0,
                        "epochs": 1}.items():
        tab.fields[name].setText(str(value))
    assert tab.recipe().cell is CELLS["GRU"]
    with reported(window.session.run.finished) as finished:
        tab.start()
    assert window.wait_for_background()
    assert finished.args[0].recipe.cell is CELLS["GRU"]
    assert window.session.current.engine.net.cell == CELLS["GRU"]  # the model it made answers
    tab.load_recipe("seed")  # a recipe's own cell again: the tutorial's LSTM
    assert box.currentIndex() == 0


# -- the cell study ------------------------------------------------------------------------

PERCENT = re.compile(r"\d+\.\d\d%( \(min \d+\.\d\d%\))?")  # a mean over seeds, the worst


def test_the_cell_study_trains_each_cell_in_each_layout_and_judges_it():
    from lstm_adder.core.study import CELL_WIDTHS, run_cells

    printed = []
    assert run_cells(["lstm", "gru", "simple_rnn"], ["carry", "seed"], seeds=2, epochs=1,
                     units=4, bits=3, holdout=0.1, out=printed.append) == 0
    assert sum("training (1 epochs at most)" in line for line in printed) == 12
    table = printed[-1].splitlines()
    assert table[0].startswith("2 seeds per cell and recipe; exact match over all 64 pairs")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table[4:]]
    assert [(r[0], r[1], r[2]) for r in rows] == [(layout, "0.1", cell)
                                                  for layout in ("carry", "seed")
                                                  for cell in NAMES]
    for layout, _, cell, parameters, exact, held, reached, *wide, _ in rows:
        recipe = get_recipe(layout, bits=3, units=4, cell=field_spec("cell").load(cell))
        assert parameters == f"{recipe.parameters:,}"  # which Keras agrees with, above
        assert PERCENT.fullmatch(exact) and PERCENT.fullmatch(held)
        assert len(reached.split(", ")) == 2 and set(reached.split(", ")) <= {"1", "—"}
        assert len(wide) == len(CELL_WIDTHS)
        assert (all(PERCENT.fullmatch(w) for w in wide) if layout == "carry"
                else wide == ["—"] * len(CELL_WIDTHS))


def test_the_cell_study_refuses_an_unknown_cell_before_training(capsys):
    from lstm_adder.cli.main import main
    from lstm_adder.core.study import cell_plan

    with pytest.raises(ValueError, match="unknown cell 'tcn'; choose from lstm, gru"):
        cell_plan(["gru", "tcn"], ["carry"])
    assert main(["study", "--cells", "lstm,tcn"]) == 2
    assert "unknown cell 'tcn'" in capsys.readouterr().err
    assert main(["study", "--cells", "gru", "--out-dir", "seeds"]) == 2  # --seeds N's alone
    assert "--out-dir: only with --seeds N and no --cells" in capsys.readouterr().err
    assert main(["study", "--cells", "gru", "--holdout", "1"]) == 2
    assert "--holdout: Held out (fraction) must be" in capsys.readouterr().err
    runs = cell_plan(["simple_rnn"], ["carry"], seeds=3)  # the recipe's own values
    assert [(r.cell.name, r.seed, r.holdout) for r in runs[0]] == [
        ("simple_rnn", 0, 0.9), ("simple_rnn", 1, 0.9), ("simple_rnn", 2, 0.9)]


def test_the_window_answers_and_looks_inside_a_gru_and_a_simple_rnn(window, qtbot):
    from lstm_adder.session.open_models import OpenModel

    for name in ("gru", "simple_rnn"):
        engine = Engine.from_model(_model(name, "carry"), BITS)
        with qtbot.waitSignal(window.insight.computed, timeout=60_000):
            window.session.add(OpenModel(name, engine))
        window.calculator.set_pair(13, 7)
        shown = window.calculator.answer
        assert (shown.a, shown.b, shown.predicted) == (13, 7, engine.answer(13, 7).predicted)
        assert "13 + 7" in window.insight.texts()["states"]
    assert window.wait_for_background()


@pytest.mark.parametrize("layer", [
    lambda: keras.layers.GRU(6, recurrent_activation="hard_sigmoid", activation="relu"),
    lambda: keras.layers.GRU(6, recurrent_activation="hard_sigmoid", activation="sigmoid",
                             reset_after=False),
    lambda: keras.layers.GRU(6, reset_after=False),
    lambda: keras.layers.SimpleRNN(6, activation="sigmoid"),
], ids=["gru-hard-relu", "gru-before-hard-sigmoid", "gru-before", "simple-sigmoid"])
def test_other_activations_and_the_reset_before_agree_with_keras(layer):
    inputs = keras.Input(shape=(2 * BITS, 1))
    model = keras.Model(inputs, keras.layers.Dense(BITS + 1, activation="sigmoid")(
        layer()(inputs)))
    engine = Engine.from_model(_randomised(model, 9))
    _agrees_on_every_pair(engine, model)
    x = engine.encoding.inputs(to_bits([3, 12], BITS), to_bits([14, 5], BITS))
    np.testing.assert_allclose(engine.net.cell.trace(engine.net, x)["h"],
                               engine.run(x, states=True)[1]["h"], atol=1e-5)
