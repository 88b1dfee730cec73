"""What `pip install .` puts into site-packages: one package of ours, lstm_adder, with the
shipped models and the translation as its data (not generic top-level names like `core`)."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("core", "session", "gui", "cli", "bench", "assets")


def test_the_wheel_holds_one_top_level_package_with_its_data(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp_path,
                    ROOT], check=True, capture_output=True, timeout=600)
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"lstm_adder"}
    packages = {name.rsplit("/", 1)[0] for name in names if name.endswith("/__init__.py")}
    assert packages == {"lstm_adder", *(f"lstm_adder/{layer}" for layer in LAYERS)}
    for data in ("assets/seed.keras", "assets/carry.keras", "gui/i18n/lstm_adder_zh_CN.qm",
                 "gui/i18n/lstm_adder_zh_CN.ts", "assets/lstm-adder.svg",
                 "assets/lstm-adder.desktop"):
        assert f"lstm_adder/{data}" in names
    assert not [name for name in names if name.startswith("lstm_adder/tests/")]
    entry = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt")))
    assert "lstm-adder = lstm_adder.cli.main:main" in entry.decode()
