"""`lstm-adder install-desktop`: the menu entry and its icon under a temporary HOME, valid as
freedesktop.org reads them, written again the same, and removed by --uninstall."""

import configparser
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from lstm_adder.assets import ICON
from lstm_adder.cli import desktop
from lstm_adder.cli.main import main

ENTRY = ".local/share/applications/lstm-adder.desktop"
ICON_FILE = ".local/share/icons/hicolor/scalable/apps/lstm-adder.svg"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return tmp_path


def read_entry(path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_writes_a_valid_entry_and_its_icon(home, capsys):
    assert main(["install-desktop"]) == 0
    entry = read_entry(home / ENTRY)
    assert entry["Type"] == "Application" and entry["Name"] == "LSTM Adder"
    assert entry["Icon"] == "lstm-adder" == (home / ICON_FILE).stem
    assert entry["Categories"].endswith(";") and entry["Terminal"] == "false"
    assert entry["Exec"].split() == desktop.app_command()  # no quoting needed here
    assert (home / ICON_FILE).read_bytes() == ICON.read_bytes()
    assert ET.parse(home / ICON_FILE).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert f"wrote {home / ENTRY}" in capsys.readouterr().out


def test_the_entry_starts_the_app(home):
    """The Exec line's command, given --help, is this program's help."""
    main(["install-desktop"])
    argv = read_entry(home / ENTRY)["Exec"].split()
    done = subprocess.run([*argv[:-1], "--help"], capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)})
    assert done.returncode == 0 and "install-desktop" in done.stdout


def test_installing_again_writes_the_same_files_and_leaves_no_temp_file(home):
    main(["install-desktop"])
    first = [(home / name).read_bytes() for name in (ENTRY, ICON_FILE)]
    assert main(["install-desktop"]) == 0
    assert [(home / name).read_bytes() for name in (ENTRY, ICON_FILE)] == first
    assert sorted(p.name for p in (home / ENTRY).parent.iterdir()) == ["lstm-adder.desktop"]
    assert sorted(p.name for p in (home / ICON_FILE).parent.iterdir()) == ["lstm-adder.svg"]


def test_uninstall_removes_both_files_and_is_fine_when_they_are_gone(home, capsys):
    main(["install-desktop"])
    assert main(["install-desktop", "--uninstall"]) == 0
    assert not (home / ENTRY).exists() and not (home / ICON_FILE).exists()
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_xdg_data_home_is_where_the_files_go(home, monkeypatch, tmp_path):
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    main(["install-desktop"])
    assert (data / "applications/lstm-adder.desktop").is_file()
    assert not (home / ENTRY).exists()


def test_a_path_with_spaces_is_quoted_as_the_spec_says():
    assert desktop.exec_line(["/opt/my apps/lstm-adder", "gui"]) == \
        '"/opt/my apps/lstm-adder" gui'
    assert desktop.exec_line(['/a "b"/c', "100%"]) == '"/a \\\\"b\\\\"/c" 100%%'
