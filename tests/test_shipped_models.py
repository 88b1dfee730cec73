"""The models in assets/ are what README says: made by the command it names, with the
exact-match rate it records, measured here over all 65,536 pairs."""

import re
from pathlib import Path

import pytest

from lstm_adder.assets import BUNDLED
from lstm_adder.core.engine import Engine
from lstm_adder.core.evaluation import judge_all

README = Path(__file__).resolve().parent.parent / "README.md"
ROW = re.compile(r"\| `assets/(\w+)\.keras` \| `lstm-adder train --recipe (\w+) --out "
                 r"assets/\1\.keras` \| ([\d.]+)% \(([\d,]+) wrong\) \|")


def recorded():
    return {m[0]: (m[1], float(m[2]), int(m[3].replace(",", "")))
            for m in ROW.findall(README.read_text())}


def test_readme_records_every_bundled_model():
    assert set(recorded()) == set(BUNDLED)


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_shipped_model_scores_what_readme_records(name):
    recipe, rate, wrong = recorded()[name]
    engine, info = Engine.from_file(BUNDLED[name])  # test_engine checks it against Keras
    assert info["recipe"]["name"] == recipe
    assert engine.bits == 8
    report = judge_all(engine)
    assert report.count == 65_536
    assert report.wrong_count == wrong
    assert f"{100 * report.exact:.2f}" == f"{rate:.2f}"
