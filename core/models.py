"""The networks. Keras is imported lazily so that `import core` stays fast for the GUI."""

from __future__ import annotations

from lstm_adder.core.recipes import Recipe


def build_model(recipe: Recipe):
    """A compiled Keras model for `recipe`: its cell (core.cells) is the recurrent layer,
    Keras's own with Keras's defaults; its encoding says the input, whether the cell answers
    at every step, and the head's width.

    seed:  (2n, 1) -> LSTM(units) -> Dropout -> Dense(n + 1, sigmoid), one answer at the end.
    carry: (steps, 2) -> LSTM(units, return_sequences) -> Dense(1, sigmoid) at every step.
    (GRU or SimpleRNN in the LSTM's place when the recipe's cell says so.) The carry model's
    time axis is left open, so the same weights add numbers of any width.
    """
    import keras

    encoding, n, cell = recipe.encoding, recipe.bits, recipe.cell
    inputs = keras.Input(shape=(encoding.input_steps(n), encoding.features), name="bits")
    x = cell.layer(recipe.units, return_sequences=encoding.every_step,
                   name=cell.name)(inputs)
    if recipe.dropout:
        x = keras.layers.Dropout(recipe.dropout, name="dropout")(x)
    outputs = keras.layers.Dense(encoding.output_shape(n)[-1], activation="sigmoid",
                                 name="dense")(x)
    model = keras.Model(inputs, outputs, name=f"lstm_adder_{recipe.name}")
    compile_model(model, recipe)
    return model


def compile_model(model, recipe: Recipe) -> None:
    import keras

    model.compile(optimizer=keras.optimizers.Adam(recipe.lr), loss=recipe.loss)
