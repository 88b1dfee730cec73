"""The shipped models and icons. `BUNDLED` names the models, each made by the command README
gives beside it."""

from pathlib import Path

ASSETS = Path(__file__).resolve().parent
BUNDLED = {"seed": ASSETS / "seed.keras", "carry": ASSETS / "carry.keras"}
