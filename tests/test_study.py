"""The learned-or-memorised study: two runs per recipe and one honest table."""

import pytest

from lstm_adder.core.study import StudyRow, format_table, run


def _row(recipe, holdout, heldout_exact):
    held = 6554 if holdout else 0
    return StudyRow(recipe, holdout, 8, 6, 65536 - held, 1.0, held, heldout_exact, 7.4,
                    "exactly right")


def test_table_has_one_row_per_run_and_a_dash_when_nothing_is_held_out():
    table = format_table([_row("carry", 0.0, None), _row("carry", 0.1, 0.99876)])
    lines = table.splitlines()
    assert lines[0] == "Exact match over all 65,536 pairs at 8 bits:"
    assert lines[2].startswith("| recipe | holdout | epochs run |")
    assert lines[4] == "| carry | 0.0 | 6 | 65,536 | 100.00% | — | — | 7 s |"
    assert lines[5] == "| carry | 0.1 | 6 | 58,982 | 100.00% | 6,554 | 99.88% | 7 s |"


def test_study_trains_each_recipe_with_and_without_holdout():
    printed = []
    assert run(["carry", "seed"], epochs=1, units=4, bits=3, out=printed.append) == 0
    table = printed[-1].splitlines()
    assert table[0] == "Exact match over all 64 pairs at 3 bits:"
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table[4:]]
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("carry", "0.0", "1", "64"), ("carry", "0.1", "1", "58"),
        ("seed", "0.0", "1", "64"), ("seed", "0.1", "1", "58")]
    assert [r[5] for r in rows] == ["—", "6", "—", "6"]
    assert rows[0][6] == "—" and rows[1][6].endswith("%")


def test_study_rejects_an_unknown_recipe_before_training():
    printed = []
    with pytest.raises(ValueError, match="unknown recipe 'sum'"):
        run(["carry", "sum"], epochs=1, out=printed.append)
    assert printed == []
