"""The networks. Keras is imported lazily so that `import core` stays fast for the GUI."""

from __future__ import annotations

from lstm_adder.core.encodings import ENCODINGS
from lstm_adder.core.recipes import Recipe


def build_model(recipe: Recipe):
    """A compiled Keras model for `recipe`.

    seed:  (2n, 1) -> LSTM(units) -> Dropout -> Dense(n + 1, sigmoid), one answer at the end.
    carry: (steps, 2) -> LSTM(units, return_sequences) -> Dense(1, sigmoid) at every step.
    The carry model's time axis is left open, so the same weights add numbers of any width.
    """
    import keras

    encoding = ENCODINGS[recipe.encoding]
    n = recipe.bits
    if encoding.name == "concat-msb":
        inputs = keras.Input(shape=(encoding.steps(n), 1), name="bits")
        x = keras.layers.LSTM(recipe.units, name="lstm")(inputs)
        x = keras.layers.Dropout(recipe.dropout, name="dropout")(x)
        outputs = keras.layers.Dense(n + 1, activation="sigmoid", name="dense")(x)
    else:
        inputs = keras.Input(shape=(None, 2), name="bits")
        x = keras.layers.LSTM(recipe.units, return_sequences=True, name="lstm")(inputs)
        if recipe.dropout:
            x = keras.layers.Dropout(recipe.dropout, name="dropout")(x)
        outputs = keras.layers.Dense(1, activation="sigmoid", name="dense")(x)
    model = keras.Model(inputs, outputs, name=f"lstm_adder_{recipe.name}")
    compile_model(model, recipe)
    return model


def compile_model(model, recipe: Recipe) -> None:
    import keras

    model.compile(optimizer=keras.optimizers.Adam(recipe.lr), loss=recipe.loss)


def lstm_layer(model):
    """The model's (first) LSTM layer."""
    import keras

    for layer in model.layers:
        if isinstance(layer, keras.layers.LSTM):
            return layer
    raise ValueError("the model has no LSTM layer")
