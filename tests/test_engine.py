"""The numpy engine against Keras: every pair, in decisions and in probabilities to 1e-5.

The reference is Keras's own `predict` on the same weights, loaded by Keras from the same
file, so a slip in the weight reader, the gate order or the prefix walk shows up here.
"""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from lstm_adder.assets import BUNDLED
from lstm_adder.core.engine import Engine
from lstm_adder.core.numbers import all_pairs, random_bits, to_bits
from lstm_adder.core.storage import load_model, save_model

ROOT = Path(__file__).resolve().parent.parent


def _keras_probabilities(model, engine, a_bits, b_bits):
    x = engine.encoding.inputs(a_bits, b_bits)
    return engine.encoding.probabilities(model.predict(x, batch_size=4096, verbose=0))


def _agrees_on_every_pair(path):
    engine, _ = Engine.from_file(path)
    loaded = load_model(path)  # Keras's own reading of the same file
    a, b = all_pairs(engine.bits)
    a_bits, b_bits = to_bits(a, engine.bits), to_bits(b, engine.bits)
    expected = _keras_probabilities(loaded.model, engine, a_bits, b_bits)
    table = engine.table()
    np.testing.assert_allclose(table, expected, atol=1e-5)
    np.testing.assert_array_equal(table >= 0.5, expected >= 0.5)
    return engine, table


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_engine_agrees_with_keras_on_every_pair_of_a_shipped_model(name):
    engine, table = _agrees_on_every_pair(BUNDLED[name])
    assert table.shape == (65_536, 9)
    # the one-pair forward gives the table's row
    fresh, _ = Engine.from_file(BUNDLED[name])
    for a, b in [(157, 113), (255, 254), (114, 0)]:
        np.testing.assert_allclose(fresh.answer(a, b).probabilities,
                                   table[(a << 8) | b], atol=1e-6)


@pytest.mark.parametrize("which", ["seed", "carry"])
def test_engine_agrees_with_keras_on_tiny_trained_models(which, seed_model, carry_model,
                                                         tmp_path):
    model = seed_model if which == "seed" else carry_model.model
    info = {} if which == "seed" else carry_model.info()
    path = save_model(model, tmp_path / f"{which}.keras", info)
    engine, _ = _agrees_on_every_pair(path)
    # the engine made from the live model equals the one read from its file
    live = Engine.from_model(model, engine.bits)
    np.testing.assert_array_equal(live.table(), engine.table())


def test_engine_agrees_with_keras_on_a_keras2_h5(keras2_h5):
    _agrees_on_every_pair(keras2_h5)


def test_a_carry_model_widens_and_agrees_with_keras(carry_model):
    engine = Engine.from_model(carry_model.model, 4).with_bits(24)
    a_bits, b_bits = random_bits(500, 24, 3), random_bits(500, 24, 4)
    expected = _keras_probabilities(carry_model.model, engine, a_bits, b_bits)
    np.testing.assert_allclose(engine.probabilities(a_bits, b_bits), expected, atol=1e-5)


def test_the_table_answers_once_it_exists(carry_model):
    engine = Engine.from_model(carry_model.model, 4)
    before = engine.answer(13, 7)
    assert not engine.has_table
    engine.table()
    after = engine.answer(13, 7)
    np.testing.assert_allclose(before.probabilities, after.probabilities, atol=1e-6)
    assert (after.predicted, after.true) == (20, 20)


def test_add_and_eval_import_no_tensorflow():
    code = ("import sys\nfrom cli.main import main\n"
            "assert main(['add', '157', '113']) == 0\n"
            "assert main(['eval', '--model', 'assets/carry.keras']) == 0\n"
            "print('tensorflow' in sys.modules, 'keras' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "157 + 113 = 270" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "False False"


def test_other_activations_take_the_general_path_and_agree_with_keras():
    import keras

    keras.utils.set_random_seed(5)
    inputs = keras.Input(shape=(8, 1))
    x = keras.layers.LSTM(6, recurrent_activation="hard_sigmoid", activation="relu")(inputs)
    model = keras.Model(inputs, keras.layers.Dense(5, activation="sigmoid")(x))
    engine = Engine.from_model(model)
    assert not engine._p.step.standard
    a, b = all_pairs(4)
    a_bits, b_bits = to_bits(a, 4), to_bits(b, 4)
    np.testing.assert_allclose(engine.table(),
                               _keras_probabilities(model, engine, a_bits, b_bits), atol=1e-5)


def test_a_paired_lsb_model_with_fixed_steps_widens_like_an_open_one(carry_model, tmp_path):
    """Width is the layout's to decide: a carry model saved with a fixed time axis runs the
    same recurrence, so it widens too, and agrees with Keras running its weights wider."""
    import keras

    trained = carry_model.model
    inputs = keras.Input(shape=(5, 2))  # 4-bit operands and the padding step, fixed
    units = next(x for x in trained.layers if isinstance(x, keras.layers.LSTM)).units
    x = keras.layers.LSTM(units, return_sequences=True)(inputs)
    fixed = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(x))
    fixed.set_weights(trained.get_weights())
    fixed.compile(loss="mse")
    path = save_model(fixed, tmp_path / "fixed.keras", {})
    engine, _ = Engine.from_file(path)
    assert (engine.bits, engine.can_widen) == (4, True)
    wide = engine.with_bits(12)
    a_bits, b_bits = random_bits(300, 12, 5), random_bits(300, 12, 6)
    expected = _keras_probabilities(trained, wide, a_bits, b_bits)  # the open-axis twin
    np.testing.assert_allclose(wide.probabilities(a_bits, b_bits), expected, atol=1e-5)
