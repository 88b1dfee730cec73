"""The shipped models and icons: data. `BUNDLED` names the models, each made by the command
README gives beside it.

May import: the standard library only; any package may import it.
"""

from pathlib import Path

ASSETS = Path(__file__).resolve().parent
BUNDLED = {"seed": ASSETS / "seed.keras", "carry": ASSETS / "carry.keras"}
ICON = ASSETS / "lstm-adder.svg"  # the window's icon, and the desktop entry's (cli.desktop)
DESKTOP_ENTRY = ASSETS / "lstm-adder.desktop"  # the menu entry cli.desktop installs
