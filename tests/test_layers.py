"""The layers hold, read from the source text of every module:

    cli      core, session; gui, bench and Keras only inside a function (the `gui` command)
    gui      session, core, Qt; never cli or bench
    session  core; never Qt, gui or Keras, not even inside a function
    core     numpy, h5py; Keras only inside a function; never Qt or the packages above

Core and the session are then imported in a fresh process, which must load no Qt."""

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "lstm_adder"  # the one import name; its layers are the folders below
QT = ("PySide6", "pyqtgraph", "shiboken6")
KERAS = ("keras", "tensorflow", "tf_keras")
RULES = {  # package: (never imported, imported only inside a function)
    "core": (QT + ("gui", "session", "cli", "bench"), KERAS),
    "session": (QT + KERAS + ("gui", "cli", "bench"), ()),
    "gui": (("cli", "bench"), KERAS),
    "cli": ((), QT + KERAS + ("gui", "bench")),
}
MODULES = sorted(path for package in RULES for path in (ROOT / package).glob("*.py"))


def imports(source: str) -> list[tuple[str, int, bool]]:
    """Every module `source` imports, as (name, line, lazy): lazy when inside a function;
    names handed to importlib.import_module or __import__ as text count too."""
    found = []

    def visit(node, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                               ast.Lambda))
            if isinstance(child, ast.Import):
                found.extend((_ours(alias.name), child.lineno, inner) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0:
                if child.module == PACKAGE:  # from lstm_adder import gui
                    found.extend((alias.name, child.lineno, inner) for alias in child.names)
                else:
                    found.append((_ours(child.module), child.lineno, inner))
            elif isinstance(child, ast.Call) and _called(child) in ("import_module",
                                                                     "__import__"):
                text = child.args[0] if child.args else None
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    found.append((_ours(text.value), child.lineno, True))
            visit(child, inner)

    visit(ast.parse(source), False)
    return found


def _ours(name: str) -> str:
    """A module of ours by its layer's name: lstm_adder.gui.plots -> gui.plots."""
    return name.removeprefix(PACKAGE + ".")


def _called(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_check_sees_lazy_and_textual_imports():
    source = textwrap.dedent("""
        import numpy as np
        def later():
            from lstm_adder.gui.lateness import slot_lateness_ms
            from lstm_adder import bench
            return importlib.import_module("PySide6.QtCore")
    """)
    assert imports(source) == [("numpy", 2, False), ("gui.lateness", 4, True),
                               ("bench", 5, True), ("PySide6.QtCore", 6, True)]


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_imports_what_its_layer_may_not(path):
    never, lazily = RULES[path.parent.name]
    found = imports(path.read_text())
    wrong = [(name, line) for name, line, lazy in found if name.split(".")[0] in never
             or (name.split(".")[0] in lazily and not lazy)]
    assert wrong == [], f"{_name(path)} imports {wrong}"


def _fresh_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_importing_every_module_of_core_and_session_loads_no_qt_and_no_keras():
    done = _fresh_python("""
        import importlib, pkgutil, sys
        from lstm_adder import core, session
        for package in (core, session):
            for m in pkgutil.iter_modules(package.__path__):
                importlib.import_module(f"{package.__name__}.{m.name}")
        bad = [m for m in sys.modules
               if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6", "keras", "tensorflow")
               or m.startswith("lstm_adder.gui")]
        print(bad); sys.exit(1 if bad else 0)
    """)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_session_opens_widens_and_steps_through_mistakes_without_qt():
    done = _fresh_python("""
        import sys
        from lstm_adder.session.executor import Immediate
        from lstm_adder.session.session import Session
        session = Session(Immediate())
        assert session.load("assets/carry.keras")
        session.on_show.set_width(16)
        session.on_show.set_pair(0, 0)
        assert session.on_show.next_wrong()
        a, b = session.on_show.pair
        assert session.on_show.answer.predicted != a + b
        print(sorted(m for m in sys.modules
                     if m.split(".")[0] == "PySide6" or m.startswith("lstm_adder.gui")))
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
