"""Recipes and data splits."""

import numpy as np
import pytest

from core.data import make_split
from core.recipes import RECIPES, get_recipe


def test_seed_recipe_is_the_tutorials():
    r = RECIPES["seed"]
    assert (r.encoding, r.bits, r.units, r.dropout, r.loss) == ("concat-msb", 8, 256, 0.2, "mse")
    assert (r.lr, r.batch_size, r.epochs, r.holdout) == (1e-3, 128, 100, 0.0)


def test_carry_recipe_learns_from_a_tenth():
    r = RECIPES["carry"]
    assert (r.encoding, r.units, r.loss, r.lr, r.batch_size) == (
        "paired-lsb", 16, "binary_crossentropy", 1e-2, 256)
    assert r.holdout == 0.9 and r.stop_when_perfect


def test_overrides_apply_and_none_is_ignored():
    r = get_recipe("seed", epochs=3, units=None)
    assert r.epochs == 3 and r.units == 256


@pytest.mark.parametrize("field, value, message", [
    ("bits", 0, "bits"), ("bits", 17, "bits"), ("units", 0, "units"),
    ("dropout", 1.0, "dropout"), ("dropout", -0.1, "dropout"), ("lr", 0.0, "learning rate"),
    ("batch_size", -1, "batch size"), ("epochs", 0, "epochs"), ("holdout", 1.0, "holdout"),
    ("units", 2.5, "integer")])
def test_bad_values_are_refused_with_a_reason(field, value, message):
    with pytest.raises(ValueError, match=message):
        get_recipe("seed", **{field: value})


def test_holdout_is_seeded_and_disjoint():
    one, two = make_split(8, 0.1, seed=5), make_split(8, 0.1, seed=5)
    assert np.array_equal(one.heldout, two.heldout)
    assert one.heldout.sum() == round(0.1 * 65536)
    assert len(one.train) + one.heldout.sum() == 65536
    other = make_split(8, 0.1, seed=6)
    assert not np.array_equal(one.heldout, other.heldout)


def test_wide_operands_sample_fresh_pairs_each_epoch():
    split = make_split(12, 0.0, seed=0)
    assert not split.full
    first, second = split.epoch_pairs(0), split.epoch_pairs(1)
    assert not np.array_equal(first.a, second.a)
    assert np.array_equal(first.a, split.epoch_pairs(0).a)
    assert first.a.max() < 4096
