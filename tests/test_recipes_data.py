"""Recipes and data splits."""

import re

import numpy as np
import pytest

from lstm_adder.core.data import EVAL_SAMPLES, SAMPLES_PER_EPOCH, make_split, train_count
from lstm_adder.core.recipes import (
    RECIPES,
    Recipe,
    check_recipe,
    field_error,
    field_spec,
    get_recipe,
    user_fields,
)


def test_seed_recipe_is_the_tutorials():
    r = RECIPES["seed"]
    assert (r.encoding.name, r.bits, r.units, r.dropout, r.loss) == ("concat-msb", 8, 256, 0.2,
                                                                      "mse")
    assert (r.lr, r.batch_size, r.epochs, r.holdout) == (1e-3, 128, 100, 0.0)


def test_carry_recipe_learns_from_a_tenth():
    r = RECIPES["carry"]
    assert (r.encoding.name, r.units, r.loss, r.lr, r.batch_size) == (
        "paired-lsb", 16, "binary_crossentropy", 1e-2, 256)
    assert r.holdout == 0.9 and r.stop_when_perfect


def test_overrides_apply_and_none_is_ignored():
    r = get_recipe("seed", epochs=3, units=None)
    assert r.epochs == 3 and r.units == 256


@pytest.mark.parametrize("field, value, message", [
    ("bits", 0, "Bits per operand must be a whole number from 1 to 16"),
    ("bits", 17, "Bits per operand"), ("units", 0, "LSTM units"),
    ("dropout", 1.0, "Dropout must be a finite number from 0 to below 1"),
    ("dropout", -0.1, "Dropout"), ("lr", 0.0, "Learning rate must be a finite number above 0"),
    ("lr", float("inf"), "Learning rate"), ("lr", float("nan"), "Learning rate"),
    ("batch_size", -1, "Batch size"), ("epochs", 0, "Epochs"),
    ("holdout", 1.0, "Held out (fraction)"),
    ("units", 2.5, "LSTM units must be a whole number"),
    ("seed", 2**32, "Random seed must be a whole number from 0 to 4294967295"),
    ("seed", -1, "Random seed"), ("units", True, "LSTM units must be a whole"),
    ("stop_when_perfect", 1, "Stop when every pair is right must be on or off")])
def test_bad_values_are_refused_with_the_fields_label(field, value, message):
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        get_recipe("seed", **{field: value})
    assert field_error(field, value).startswith(message)


def test_every_user_field_describes_itself():
    specs = user_fields()
    assert [s.name for s in specs] == ["cell", "bits", "units", "dropout", "lr", "batch_size",
                                       "epochs", "holdout", "seed", "stop_when_perfect"]
    lr = field_spec("lr")
    assert (lr.label, lr.type, lr.flag, lr.range_text) == (
        "Learning rate", float, "--lr", "above 0")
    assert field_spec("seed").high == 2**32 - 1
    assert field_spec("batch_size").flag == "--batch-size"
    for spec in specs:  # each recipe's own values pass its own checks
        for recipe in RECIPES.values():
            assert spec.error(getattr(recipe, spec.name)) is None
    assert Recipe.from_dict(RECIPES["carry"].to_dict()) == RECIPES["carry"]


@pytest.mark.parametrize("overrides, message", [
    ({"holdout": 0.999999}, "Held out (fraction) 0.999999 leaves none of the 65,536 pairs"),
    ({"name": "carry", "bits": 1}, "Held out (fraction) 0.9 leaves none of the 4 pairs"),
    ({"batch_size": 70_000}, "Batch size 70,000 is more than the 65,536 pairs"),
    ({"name": "carry", "bits": 3}, "Batch size 256 is more than the 6 pairs"),
    ({"units": 100_000}, "Training would need about"),
])
def test_check_recipe_names_what_no_single_field_can(overrides, message):
    name = overrides.pop("name", "seed")
    problems = check_recipe(get_recipe(name, **overrides), memory=16 << 30)
    assert len(problems) == 1 and problems[0].startswith(message)


def test_the_shipped_recipes_pass_every_check():
    for recipe in RECIPES.values():
        assert check_recipe(recipe, memory=4 << 30) == []
        assert check_recipe(get_recipe(recipe.name, bits=16), memory=4 << 30) == []


def test_memory_is_judged_against_what_is_available():
    recipe = get_recipe("seed", units=4096)
    assert recipe.training_bytes() > 1 << 30
    assert check_recipe(recipe, memory=1 << 30)[0].endswith("1.0 GB is available")
    assert check_recipe(recipe, memory=1 << 40) == []


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


@pytest.mark.parametrize("bits", [12, 16])
def test_wide_training_never_lists_the_table_whatever_it_holds_out(bits):
    split = make_split(bits, 0.9, seed=0)  # 2**32 pairs at 16 bits: listing them would not fit
    assert not split.full and split.heldout is None
    assert len(split.table) == EVAL_SAMPLES
    assert len(split.epoch_pairs(0)) == train_count(bits, 0.9) == SAMPLES_PER_EPOCH


def test_train_count_matches_the_split():
    for bits, holdout in [(3, 0.9), (8, 0.1), (1, 0.9), (8, 0.999999)]:
        assert train_count(bits, holdout) == len(make_split(bits, holdout, seed=3).train)


@pytest.mark.parametrize("name, text, value", [
    ("units", " 12 ", 12), ("units", "١٢", "١٢"), ("units", "1_0", "1_0"), ("units", "2.5", "2.5"),
    ("lr", "1e-3", 1e-3), ("lr", "1_0", "1_0"), ("lr", "٣", "٣"), ("seed", "-1", -1),
])
def test_typed_text_is_parsed_from_plain_digits_only(name, text, value):
    spec = field_spec(name)
    assert spec.parse(text) == value
    if isinstance(value, str):  # not a number: the field's own message says what it must be
        assert spec.error(spec.parse(text)) == f"{spec.label} must be {spec.requirement}"
