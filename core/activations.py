"""The activations a recurrent cell may use, each an object with its own numpy function.

An activation is applied in place to float32 arrays. Its `scale` is folded into the weights
beforehand (the engine multiplies the columns it feeds by `scale`), so that the sigmoid can be
computed as 0.5 * tanh(x / 2) + 0.5: numpy's float32 tanh is vectorised and fast.

A model file names its activations; `activation(name)` resolves the name once, where the file's
configuration is read. Nothing else compares activation names.
"""

from __future__ import annotations

import numpy as np

from lstm_adder.core.errors import ModelFileError
from lstm_adder.core.words import QT_TRANSLATE_NOOP, Words


class Activation:
    """f applied in place to x that arrives already multiplied by `scale`."""

    name: str
    scale: float = 1.0

    def __call__(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def plain(self, x: np.ndarray) -> np.ndarray:
        """f on an unscaled copy of x (the cell state's activation)."""
        x = np.array(x, np.float32)
        if self.scale != 1.0:
            x *= self.scale
        return self(x)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Sigmoid(Activation):
    name, scale = "sigmoid", 0.5

    def __call__(self, x):  # x arrives halved: sigmoid(2x') = 0.5 * tanh(x') + 0.5
        np.tanh(x, out=x)
        x *= 0.5
        x += 0.5
        return x


class Tanh(Activation):
    name = "tanh"

    def __call__(self, x):
        return np.tanh(x, out=x)


class HardSigmoid(Activation):
    name = "hard_sigmoid"  # Keras 3's definition: clip(x / 6 + 1 / 2, 0, 1)

    def __call__(self, x):
        x /= 6.0
        x += 0.5
        return np.clip(x, 0.0, 1.0, out=x)


class Relu(Activation):
    name = "relu"

    def __call__(self, x):
        return np.maximum(x, 0.0, out=x)


class Linear(Activation):
    name = "linear"

    def __call__(self, x):
        return x


SIGMOID, TANH = Sigmoid(), Tanh()
ACTIVATIONS = {a.name: a for a in (SIGMOID, TANH, HardSigmoid(), Relu(), Linear())}


def activation(name, what: str = "activation") -> Activation:
    """The activation a model's configuration names; ModelFileError for one we cannot run."""
    if name not in ACTIVATIONS:
        raise ModelFileError(Words(QT_TRANSLATE_NOOP("core", "{0} {1} is not supported"),
                                   what, repr(name)))
    return ACTIVATIONS[name]
