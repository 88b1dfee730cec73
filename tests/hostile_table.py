"""The table of issue 16's hostile cases, before and after: exit status, stderr lines, peak
memory and wall time of each, as markdown.

    python tests/hostile_table.py BEFORE_PKG AFTER_PKG

BEFORE_PKG and AFTER_PKG are folders holding an `lstm_adder` package (the worktree under
test, and a checkout of the commit before, e.g. /tmp/pkg-before/lstm_adder ->
/tmp/hostile-before). Every case runs in a child capped at MEMORY of address space and
TIMEOUT seconds, so the old code's bombs cannot take the machine down; its peak resident
memory comes from wait4.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile_files as hf  # noqa: E402

MEMORY = 6_000_000 * 1024  # as `ulimit -v 6000000`
TIMEOUT = 60

SAVE_AS = """
import shutil, sys
from pathlib import Path
import numpy as np
from lstm_adder.core.engine import Engine
from lstm_adder.session.open_models import open_file
source, out, then = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if len(sys.argv) > 5:  # a fresh copy for each run: the run before changed it
    shutil.copy(sys.argv[5], source)
entry = open_file(source)
if then == "replaced":
    shutil.copy(sys.argv[4], source)
elif then == "deleted":
    source.unlink()
entry.source.save(out, *entry.save_parts(False))
same = all(np.array_equal(a, b) for a, b in zip(Engine.from_file(out)[0].weights,
                                                entry.engine.weights))
print("saved the model on show" if same else "saved ANOTHER model")
"""

WINDOW = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from lstm_adder.gui import main_window
main_window.BUNDLED = {"carry": main_window.BUNDLED["carry"]}
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
settings.setValue("last_model", sys.argv[1])
window = main_window.MainWindow(settings=settings)
window.show()
for _ in range(300):
    app.processEvents()
    window.wait_for_background(100)
    if window.session.current is not None:
        break
current = window.session.current
print("on show:", None if current is None else current.path.name)
window.close()
"""

FIFO_MAP = ["eval", "--model", str(hf.CARRY), "--map"]


def cases(folder: Path) -> list[tuple[str, list[str]]]:
    """(name, argv after `python`) for every case; the files are built in `folder`."""
    found = []
    for name in hf.CASES:
        sub = folder / name
        sub.mkdir()
        path, command = hf.build(name, sub)
        found.append((name, ["-m", "lstm_adder", *command, str(path)]))
    for then in ("replaced", "deleted"):
        sub = folder / f"save-as-{then}"
        sub.mkdir()
        source = sub / "mine.keras"
        source.write_bytes(hf.CARRY.read_bytes())
        found.append((f"save-as-after-source-{then}",
                      ["-c", SAVE_AS, str(source), str(sub / "out.keras"), then,
                       str(hf.ROOT / "assets" / "seed.keras"), str(hf.CARRY)]))
    sub = folder / "save-as-junk"
    sub.mkdir()
    junk = hf.with_huge_entry(sub / "junk.keras", "junk.bin", gib=4, byte=b"\0")
    found.append(("save-as-4gb-unused-entry", ["-c", SAVE_AS, str(junk), str(sub / "o.keras"),
                                               "kept"]))
    for name in ("steps-15001", "map-not-zlib"):
        found.append((f"window-last-model-{name}",
                      ["-c", WINDOW, str(folder / name / f"{name}.keras"),
                       str(folder / f"{name}.ini")]))
    found.append(("window-last-model-300-char-name",
                  ["-c", WINDOW, str(folder / ("m" * 300 + ".keras")), str(folder / "l.ini")]))
    odd = folder / "odd" / "bad\nname\x1b[31m.keras"
    odd.parent.mkdir()
    odd.write_bytes((folder / "steps-15001" / "steps-15001.keras").read_bytes())
    found.append(("file-name-newline-ansi", ["-m", "lstm_adder", "add", "1", "2", "--model",
                                             str(odd)]))
    fifo = folder / "map.png"
    os.mkfifo(fifo)
    found.append(("eval-map-to-fifo", ["-m", "lstm_adder", *FIFO_MAP, str(fifo)]))
    found.append(("train-20000-epochs-every-one-kept",  # ~2 MB of weights kept an epoch:
                  ["-m", "lstm_adder", "train", "--epochs", "20000", "--keep-epochs", "--out",
                   str(folder / "kept.keras")]))  # 43 GB of memory; its file fits 78 GB free
    return found


def run(pkg: str, argv: list[str]) -> dict:
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        os.setsid()

    env = dict(os.environ, PYTHONPATH=pkg, TF_CPP_MIN_LOG_LEVEL="2", QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, *argv], env=env, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, preexec_fn=cap)
        deadline, usage, status = start + TIMEOUT, None, None
        while time.perf_counter() < deadline:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        else:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            status = None
        wall = time.perf_counter() - start
        err.seek(0)
        out.seek(0)
        lines = err.read().splitlines()
        said = out.read().splitlines()
    code = "timeout" if status is None else str(os.waitstatus_to_exitcode(status))
    last = next((line for line in reversed(lines) if line.strip()), "")
    return {"code": code, "lines": len(lines), "mb": usage.ru_maxrss / 1024, "s": wall,
            "traceback": any("Traceback" in line for line in lines),
            "said": (said[-1] if said and argv[0] == "-c" else last or "")[:90]}


def cell(result: dict) -> str:
    tb = ", traceback" if result["traceback"] else ""
    return (f"{result['code']} | {result['lines']}{tb} | {result['mb']:,.0f} MB | "
            f"{result['s']:.1f} s")


def main(argv: list[str]) -> int:
    before, after = argv
    with tempfile.TemporaryDirectory() as folder:
        todo = cases(Path(folder))
        print("| case | before: exit | stderr lines | peak RSS | wall | after: exit | "
              "stderr lines | peak RSS | wall | after says |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for name, command in todo:
            old, new = run(before, command), run(after, command)
            said = new["said"].replace("|", "/").encode("unicode_escape").decode()
            print(f"| {name} | {cell(old)} | {cell(new)} | {said} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
