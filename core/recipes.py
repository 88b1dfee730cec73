"""Recipes: every hyperparameter of a training run, in one dataclass with defaults.

`seed` is the tutorial's recipe exactly; `carry` is the encoding that makes addition easy.
Any field can be overridden (`get_recipe("seed", epochs=5)`), from the command line or the GUI.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

MAX_BITS = 16


@dataclass(frozen=True)
class Recipe:
    name: str
    encoding: str  # "concat-msb" or "paired-lsb" (see core.encodings)
    loss: str  # "mse" or "binary_crossentropy"
    bits: int = 8
    units: int = 256
    dropout: float = 0.2
    lr: float = 1e-3
    batch_size: int = 128
    epochs: int = 100
    holdout: float = 0.0  # fraction of pairs never trained on
    seed: int = 0
    stop_when_perfect: bool = False  # stop once every pair is exactly right

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Recipe:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


RECIPES = {
    "seed": Recipe(name="seed", encoding="concat-msb", loss="mse"),
    "carry": Recipe(
        name="carry",
        encoding="paired-lsb",
        loss="binary_crossentropy",
        units=16,
        dropout=0.0,
        lr=1e-2,
        batch_size=256,
        epochs=20,
        holdout=0.9,
        stop_when_perfect=True,
    ),
}

# (field, check, message) for the fields a user may type in
_CHECKS = [
    ("bits", lambda v: 1 <= v <= MAX_BITS, f"bits must be between 1 and {MAX_BITS}"),
    ("units", lambda v: v > 0, "units must be a positive integer"),
    ("dropout", lambda v: 0 <= v < 1, "dropout must be in [0, 1)"),
    ("lr", lambda v: v > 0, "learning rate must be positive"),
    ("batch_size", lambda v: v > 0, "batch size must be a positive integer"),
    ("epochs", lambda v: v > 0, "epochs must be a positive integer"),
    ("holdout", lambda v: 0 <= v < 1, "holdout must be in [0, 1)"),
    ("seed", lambda v: v >= 0, "seed must be a non-negative integer"),
]


def field_error(name: str, value) -> str | None:
    """Why `value` is not acceptable for recipe field `name`, or None if it is."""
    expected = type(getattr(RECIPES["seed"], name))
    if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
        return f"{name} must be an integer"
    if expected is float and not isinstance(value, (int, float)):
        return f"{name} must be a number"
    for field, check, message in _CHECKS:
        if field == name and not check(value):
            return message
    return None


def get_recipe(name: str, **overrides) -> Recipe:
    """The named recipe with `overrides` applied (None values are ignored); raises ValueError."""
    if name not in RECIPES:
        raise ValueError(f"unknown recipe {name!r}; choose from {', '.join(RECIPES)}")
    overrides = {k: v for k, v in overrides.items() if v is not None}
    for key, value in overrides.items():
        if not hasattr(RECIPES[name], key):
            raise ValueError(f"unknown recipe field {key!r}")
        error = field_error(key, value)
        if error:
            raise ValueError(error)
    return replace(RECIPES[name], **overrides)
