"""Hostile input and faults: each ends in one line, with the right exit status, before any work,
leaving every file as it was and no `.*.keras` behind.

In-process calls of cli.main.main where TensorFlow is not needed; a subprocess for what only a
real process shows (signals, pipes, /dev/full, a terminal's encoding, what gets imported).
"""

import contextlib
import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pytest

from lstm_adder.cli.main import main
from lstm_adder.core.checks import check_info, check_out_path, info_problems
from lstm_adder.core.errors import InputError, ModelFileError

ROOT = Path(__file__).resolve().parent.parent
CARRY = ROOT / "assets" / "carry.keras"
ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
TINY = ["--recipe", "carry", "--bits", "3", "--epochs", "2", "--holdout", "0",
        "--batch-size", "16"]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def cli(*argv, env=ENV, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lstm_adder", *map(str, argv)], cwd=ROOT, env=env,
                          stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120)


def assert_one_line(err: str, code: int, expected: int = 2, message: str = "") -> None:
    assert code == expected, err
    assert "Traceback" not in err and err.count("\n") <= 1, err
    assert message in err


def fingerprint(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def untouched(folder: Path):
    """No file in `folder` created, changed or removed, and no temporary file left."""
    before = fingerprint(folder)
    yield
    assert fingerprint(folder) == before
    assert not list(folder.rglob(".*.keras"))


def with_info(folder: Path, text: str) -> Path:
    """A copy of the bundled carry model whose lstm_adder.json is `text`."""
    path = folder / "bad.keras"
    with zipfile.ZipFile(CARRY) as old, zipfile.ZipFile(path, "w") as new:
        for entry in old.infolist():
            if entry.filename != "lstm_adder.json":
                new.writestr(entry, old.read(entry))
        new.writestr("lstm_adder.json", text)
    return path


@pytest.fixture(scope="module")
def noisy_model(tmp_path_factory):
    """An untrained carry network (wrong on most pairs): a long --show-wrong list."""
    from lstm_adder.core.models import build_model
    from lstm_adder.core.recipes import get_recipe
    from lstm_adder.core.storage import save_model

    path = tmp_path_factory.mktemp("noisy") / "noisy.keras"
    return save_model(build_model(get_recipe("carry", bits=4, units=4)), path,
                      {"encoding": "paired-lsb", "bits": 4})


# -- recipe values: refused before any work ------------------------------------------------

BAD_RECIPES = [
    (["--seed", "4294967296"], "Random seed must be a whole number from 0 to 4294967295"),
    (["--seed", "-1"], "Random seed"),
    (["--batch-size", "1" + "0" * 30], "31 digits"),
    (["--batch-size", "70000"], "Batch size 70,000 is more than the 65,536 pairs"),
    (["--units", "100000"], "Training would need about"),
    # every epoch's weights kept: ~2 MB an epoch of the seed model, 200 GB for 100,000 of them
    (["--epochs", "100000", "--keep-epochs"], "Epochs 100,000, every one kept"),
    (["--lr", "inf"], "Learning rate must be a finite number above 0"),
    (["--lr", "nan"], "Learning rate must be a finite number above 0"),
    (["--dropout", "nan"], "Dropout must be a finite number from 0 to below 1"),
    (["--holdout", "0.999999"], "leaves none of the 65,536 pairs"),
    (["--recipe", "carry", "--bits", "1"], "Held out (fraction) 0.9 leaves none of the 4 pairs"),
    (["--holdout", "1"], "Held out (fraction) must be"),
    (["--epochs", "١٢"], "is not a whole number"),
    (["--lr", "1_0"], "is not a number"),
]


@pytest.mark.parametrize("flags, message", BAD_RECIPES)
def test_a_bad_recipe_is_refused_in_one_line(tmp_path, capsys, flags, message):
    with untouched(tmp_path):
        code, out, err = run(capsys, "train", *flags, "--out", tmp_path / "m.keras")
    assert_one_line(err, code, 2, message)
    assert out == ""


# -- the output path: refused before training, not after --------------------------------------


def out_cases(tmp: Path) -> list[tuple[Path, str]]:
    (tmp / "x.keras").mkdir()
    return [
        (Path("/proc/t.keras"), "cannot write in /proc"),
        (tmp / "x.keras", "is a folder"),
        (tmp / "x", "is a folder"),  # x gets .keras, and x.keras is a folder
        (tmp / ("a" * 250 + ".keras"), "the file name is too long"),
        (tmp / "m.h5", ".h5 files are only read; models are saved as .keras files"),
        (tmp / "m.txt", "models are saved as .keras files"),
        (tmp / "missing" / "m.keras", "does not exist"),
    ]


def test_an_unusable_output_path_is_refused_before_training(tmp_path, capsys):
    for out, message in out_cases(tmp_path):
        with untouched(tmp_path):
            code, _, err = run(capsys, "train", *TINY, "--out", out)
        assert_one_line(err, code, 2, message)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_is_refused_before_training(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    with untouched(tmp_path):
        code, _, err = run(capsys, "train", *TINY, "--out", folder / "m.keras")
    assert_one_line(err, code, 2, "cannot write in")


def test_the_output_path_check_the_window_shares(tmp_path):
    assert check_out_path(tmp_path / "noext") == tmp_path / "noext.keras"
    assert check_out_path(tmp_path / "m.keras", size=1000) == tmp_path / "m.keras"
    with pytest.raises(InputError, match="not enough free space"):
        check_out_path(tmp_path / "m.keras", size=1 << 60)
    assert list(tmp_path.iterdir()) == []  # the check leaves no probe behind


# -- a model file's metadata, validated like any input ---------------------------------------

BAD_INFO = [
    ("[]", "it holds a list, not an object"),
    ('{"encoding": ["paired-lsb"]}', "encoding is ['paired-lsb'], not one of"),
    ('{"bits": "abc"}', "bits is 'abc', not a whole number from 1 to 16"),
    ('{"bits": 1000}', "bits is 1000"),
    ('{"bits": 40}', "bits is 40"),
    ('{"bits": -5}', "bits is -5"),
    ('{"bits": 0}', "bits is 0"),
    ('{"split": []}', "split is [], not an object"),
    ('{"split": {"seed": -1, "holdout": 0.9}}', "split.seed is -1"),
    ('{"split": {"holdout": 5.0}}', "split.holdout is 5.0, not a finite number"),
    ('{"recipe": {"lr": "fast"}}', "recipe.lr is 'fast'"),
]


@pytest.mark.parametrize("text, message", BAD_INFO)
def test_check_info_says_what_is_wrong(text, message):
    with pytest.raises(ModelFileError, match="lstm_adder.json is damaged") as caught:
        check_info(json.loads(text), "m.keras")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_check_info_names_every_problem_and_passes_the_shipped_files():
    assert len(info_problems({"bits": "abc", "split": {"seed": -1, "holdout": 5.0}})) == 3
    for name in ("carry.keras", "seed.keras"):
        with zipfile.ZipFile(ROOT / "assets" / name) as archive:
            info = json.loads(archive.read("lstm_adder.json"))
        assert check_info(info) is info


@pytest.mark.parametrize("text, message", BAD_INFO)
@pytest.mark.parametrize("command", [["eval"], ["add", "1", "2"]])
def test_a_damaged_model_file_is_refused_in_one_line(tmp_path, capsys, command, text,
                                                     message):
    path = with_info(tmp_path, text)
    with untouched(tmp_path):
        code, out, err = run(capsys, *command, "--model", path)
    assert_one_line(err, code, 2, message)
    assert out == ""  # nothing printed first


@pytest.mark.parametrize("text, message", BAD_INFO[:3])
def test_the_window_gets_the_same_message(tmp_path, text, message):
    from lstm_adder.core.engine import Engine

    with pytest.raises(ModelFileError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Engine.from_file(with_info(tmp_path, text))


# -- operands and models -----------------------------------------------------------------


@pytest.mark.parametrize("operand, message", [
    ("١٢", "is not a whole number"), ("1_0", "is not a whole number"),
    ("9" * 5000, "has 5,000 digits"), ("+5", "is not a whole number"),
])
def test_an_operand_that_is_not_plain_digits_is_refused(tmp_path, capsys, operand, message):
    code, out, err = run(capsys, "add", operand, "1", "--model", CARRY)
    assert_one_line(err, code, 2, message)
    assert len(err) < 200  # a long operand is not repeated


def test_a_folder_given_as_a_model_says_so(tmp_path, capsys):
    for command in (["add", "1", "2"], ["eval"]):
        code, _, err = run(capsys, *command, "--model", tmp_path)
        assert_one_line(err, code, 2, f"{tmp_path}: is a folder, not a model file")


def test_bench_refuses_a_json_folder_before_measuring(tmp_path, capsys, monkeypatch):
    from lstm_adder.bench import run as bench_run

    monkeypatch.setattr(bench_run, "measure", lambda *a, **k: pytest.fail("measured anyway"))
    with untouched(tmp_path):
        code, _, err = run(capsys, "bench", "--json", tmp_path)
    assert_one_line(err, code, 2, "is a folder")


# -- nothing heavy before the checks -------------------------------------------------------

BEFORE_TENSORFLOW = """
import json, sys
from lstm_adder.cli.main import main
codes = [main(argv) for argv in json.loads(sys.argv[1])]
print(json.dumps([codes, "tensorflow" in sys.modules or "keras" in sys.modules]))
"""


def test_every_check_comes_before_tensorflow_is_imported(tmp_path):
    cases = [["train", *flags, "--out", str(tmp_path / "m.keras")] for flags, _ in BAD_RECIPES]
    cases += [["train", *TINY, "--out", str(out)] for out, _ in out_cases(tmp_path)]
    cases += [["bench", "--json", str(tmp_path)], ["study", "--epochs", "0"]]
    with untouched(tmp_path):
        done = subprocess.run([sys.executable, "-c", BEFORE_TENSORFLOW, json.dumps(cases)],
                              cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    codes, imported = json.loads(done.stdout)
    assert codes == [2] * len(cases) and not imported
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == len(cases)  # one line each


# -- output that cannot be written --------------------------------------------------------


def test_a_closed_pipe_ends_quietly(noisy_model):
    read_end, write_end = os.pipe()
    proc = subprocess.Popen([sys.executable, "-m", "lstm_adder", "eval", "--model",
                             str(noisy_model), "--bits", "32", "--show-wrong", "10000"],
                            cwd=ROOT, env=ENV,
                            stdout=write_end, stderr=subprocess.PIPE, text=True)
    os.close(write_end)
    with os.fdopen(read_end) as reader:  # `| head -1`
        first = reader.readline()
    err = proc.stderr.read()
    proc.stderr.close()
    assert first.startswith("model ")
    assert_one_line(err, proc.wait(timeout=120), 141)
    assert err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_ends_in_one_line():
    with open("/dev/full", "w") as full:
        done = cli("add", "1", "2", "--model", CARRY, stdout=full)
    assert_one_line(done.stderr, done.returncode, 1, "No space left on device")


def test_an_ascii_terminal_gets_plain_marks():
    done = cli("add", "1", "2", "--model", CARRY, env=dict(ENV, PYTHONIOENCODING="ascii"))
    assert done.returncode == 0 and done.stderr == ""
    assert "(LSTM)  right" in done.stdout
    done = cli("add", "١٢", "1", env=dict(ENV, PYTHONIOENCODING="ascii"))
    assert_one_line(done.stderr, done.returncode, 2, r"'\u0661\u0662' is not a whole number")


# -- signals, and saves that fail ----------------------------------------------------------


@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_training_ends_in_one_line_and_writes_nothing(tmp_path, signum,
                                                                       status):
    out = tmp_path / "m.keras"
    with untouched(tmp_path):
        proc = subprocess.Popen(
            [sys.executable, "-m", "lstm_adder", "train", "--recipe", "carry", "--bits", "3",
             "--holdout", "0", "--batch-size", "1", "--epochs", "100000",
             "--no-stop-when-perfect", "--out", str(out)],
            cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            for line in proc.stdout:  # wait until it trains
                if line.startswith("epoch 1/"):
                    break
            proc.send_signal(signum)
            _, err = proc.communicate(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert_one_line(err, proc.returncode, status, "lstm-adder: interrupted")


def test_an_interrupt_after_the_save_does_not_say_interrupted(tmp_path, capsys, monkeypatch):
    import lstm_adder.core.storage as storage

    real = storage.save_model

    def save_then_interrupt(model, path, info=None, extra=None):
        real(model, path, info)
        raise KeyboardInterrupt  # lands just after the file moved into place

    monkeypatch.setattr(storage, "save_model", save_then_interrupt)
    code, _, err = run(capsys, "train", *TINY, "--out", tmp_path / "m.keras")
    assert_one_line(err, code, 130, f"stopped; {tmp_path / 'm.keras'} was written")
    assert "interrupted" not in err


def test_a_failed_save_keeps_the_model_in_a_fallback_path(tmp_path, capsys, monkeypatch):
    import lstm_adder.core.storage as storage

    real, target = storage.save_model, tmp_path / "target"
    here = tmp_path / "here"
    target.mkdir()
    here.mkdir()
    monkeypatch.chdir(here)

    def fails_in_target(model, path, info=None, extra=None):
        if Path(path).parent == target:  # the disk filled up while training
            raise ModelFileError(f"{path}: could not save: [Errno 28] No space left on device")
        return real(model, path, info)

    monkeypatch.setattr(storage, "save_model", fails_in_target)
    code, _, err = run(capsys, "train", *TINY, "--out", target / "m.keras")
    assert_one_line(err, code, 1, f"saved the model to {here / 'm.keras'} instead")
    assert "No space left on device" in err
    assert (here / "m.keras").is_file() and list(target.iterdir()) == []


# -- wide models: never the whole table ----------------------------------------------------


def test_eval_of_a_12_bit_model_judges_a_sample_with_bounded_work(tmp_path):
    from lstm_adder.core.models import build_model
    from lstm_adder.core.recipes import get_recipe
    from lstm_adder.core.storage import save_model

    path = save_model(build_model(get_recipe("carry", bits=12)), tmp_path / "w12.keras",
                      {"encoding": "paired-lsb", "bits": 12})
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = cli("eval", "--model", path)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert done.returncode == 0, done.stderr
    assert "exact match on 10,000 random pairs (seed 0)" in done.stdout
    assert cpu < 30


# -- hostile model files: refused in one line, in bounded memory (issue 16) -----------------

LIMIT = 1536 << 20  # address space for a child reading a hostile file; a bomb needs gigabytes
PEAK_KB = 400 << 10  # its resident memory at the peak: refusing takes ~50-140 MB


# Runs `python ARGS` as its own child, capped at LIMIT bytes of address space, and writes that
# child's peak resident memory (KB) to REPORT. The shim forks it, not the test: a child forked
# from the test process starts with the test's memory (TensorFlow and all) in its peak.
CAPPED = """
import os, resource, signal, sys
limit, report = int(sys.argv[1]), sys.argv[2]
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.execv(sys.executable, [sys.executable, *sys.argv[3:]])
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as out:
    out.write(str(usage.ru_maxrss))
if os.WIFSIGNALED(status):
    signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
    os.kill(os.getpid(), os.WTERMSIG(status))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def capped(limit: int, report: Path, *argv) -> list[str]:
    """The command line that runs `python argv` with its address space capped at `limit`,
    its peak resident memory written to `report`."""
    return [sys.executable, "-c", CAPPED, str(limit), str(report), *map(str, argv)]


def limited(*argv, limit: int = LIMIT) -> tuple[subprocess.CompletedProcess, int]:
    """`lstm-adder argv` with its address space capped at `limit` bytes: (result, its own
    peak resident memory in KB)."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "peak"
        done = subprocess.run(capped(limit, report, "-m", "lstm_adder", *argv), cwd=ROOT,
                              env=dict(ENV, OPENBLAS_NUM_THREADS="1"), capture_output=True,
                              text=True, timeout=300)
        return done, int(report.read_text())


def hostile(name: str, folder: Path) -> tuple[Path, list[str]]:
    """One hostile file of the issue's list in `folder`, and the command that reads it."""
    import hostile_files

    return hostile_files.build(name, folder)


HOSTILE = ["steps-15001", "steps-4001", "steps-1e9", "steps-negative", "units-0",
           "units-32-over-16", "weights-nan", "weights-inf", "weights-complex", "weights-int",
           "dataset-4gb-unwritten", "h5-external-link", "map-4gib", "map-16gib", "maps-20000",
           "map-not-zlib", "replay-bits-2e11", "info-2gb-spaces", "config-2gb-spaces"]
MESSAGES = {"steps": "steps, not 1 to 128", "units-0": "has 0 units", "units-32": "not the",
            "weights-nan": "NaN or infinite", "weights-inf": "NaN or infinite",
            "weights-complex": "complex64 numbers, not floats", "weights-int": "int64 numbers",
            "dataset": "MB of weights, more than the 256 MB read",
            "h5": "links are not followed", "map-4": "unpacks to more than 65,536 bytes",
            "map-1": "unpacks to more than", "maps": "20,000 epochs' maps",
            "map-not": "not base64 zlib", "replay": "replay is at 200000000000 bits",
            "info": "more than the", "config": "more than the"}


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "tests"))
    yield tmp_path_factory.mktemp("hostile")
    sys.path.remove(str(ROOT / "tests"))


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_model_file_is_refused_in_one_line_in_bounded_memory(hostile_folder, name):
    folder = hostile_folder / name
    folder.mkdir()
    path, command = hostile(name, folder)
    with untouched(folder):
        done, peak_kb = limited(*command, path)
    message = next(m for key, m in MESSAGES.items() if name.startswith(key))
    assert_one_line(done.stderr, done.returncode, 2, message)
    assert done.stdout == ""  # within LIMIT: a bomb would have failed with MemoryError
    assert peak_kb < PEAK_KB, f"{peak_kb / 1024:.0f} MB at the peak"


def test_the_hostile_builders_make_files_that_differ_from_a_good_one_only_as_meant(tmp_path):
    """The same builders with harmless values make files that answer (1 + 2 = 3)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import hostile_files as hf

        good = [hf.with_steps(tmp_path / "s.keras", 17), hf.with_units(tmp_path / "u.keras", 16),
                hf.keras_two_h5(tmp_path / "plain.h5"),
                hf.with_kernel(tmp_path / "k.keras", np.ones((2, 64), np.float32)),
                hf.with_huge_entry(tmp_path / "spaces.keras", "lstm_adder.json", gib=0)]
    finally:
        sys.path.remove(str(ROOT / "tests"))
    for path in good:
        done, _ = limited("add", "1", "2", "--model", path)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        assert done.stdout.startswith("1 + 2 = ")


@pytest.mark.parametrize("name", ["map-not-zlib", "map-4gib", "maps-20000", "replay-bits-2e11"])
def test_a_damaged_replay_is_dropped_and_the_model_still_opens(hostile_folder, name, caplog):
    from lstm_adder.session.open_models import open_file

    folder = hostile_folder / f"open-{name}"
    folder.mkdir()
    path, _ = hostile(name, folder)
    opened = open_file(path)
    assert opened.timeline is None and opened.engine.answer(1, 2).true == 3
    lines = [r.getMessage() for r in caplog.records if "replay record is damaged" in
             r.getMessage()]
    assert len(lines) == 1 and "\n" not in lines[0]


# -- the window recovers (issue 16 item 7) ----------------------------------------------------


def _started(qtbot, tmp_path, last: str, monkeypatch):
    """A window started with `last` as the last model in its settings, and the bundled
    carry model to fall back on; waits until a model is on show."""
    from PySide6.QtCore import QSettings

    from lstm_adder.gui import main_window

    monkeypatch.setattr(main_window, "BUNDLED", {"carry": CARRY})
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("last_model", last)
    window = main_window.MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.statuses = []  # the opening is in the background: its line comes after this
    window.session.status.connect(lambda text, brief: window.statuses.append(text))
    qtbot.waitUntil(lambda: window.session.current is not None, timeout=30_000)
    assert window.wait_for_background()
    return window, settings


@pytest.mark.parametrize("last", ["steps-15001", "map-not-zlib", "long-name"])
def test_a_last_model_that_cannot_be_opened_is_forgotten_in_one_line(
        qtbot, tmp_path, hostile_folder, monkeypatch, last):
    if last == "long-name":
        path = tmp_path / ("m" * 300 + ".keras")  # the system will not even look it up
    else:
        folder = hostile_folder / f"last-{last}"
        folder.mkdir()
        path, _ = hostile(last, folder)
    window, settings = _started(qtbot, tmp_path, str(path), monkeypatch)
    status = [s for s in window.statuses if "pened" in s][-1]  # Opened, or opened ... instead
    current = window.session.current
    if last == "map-not-zlib":  # the model opens; only its replay is left out
        assert current.path == path and current.timeline is None
        assert "opened without its replay" in status
    else:
        assert current.path == CARRY and settings.value("last_model") == str(CARRY)
        assert window.calculator.model is current
        assert last == "long-name" or status.startswith("Could not open")
    assert "\n" not in status
    window.close()


def test_a_failed_open_says_why_and_keeps_the_model_on_show(window, hostile_folder,
                                                            monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown_messages = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *a: shown_messages.append(text))
    assert window.session.load(CARRY)
    before = window.session.current
    folder = hostile_folder / "window-open"
    folder.mkdir()
    for name in ("steps-15001", "units-0", "weights-nan"):
        path, _ = hostile(name, folder)
        window.session.open(path)
        assert window.wait_for_background()
        assert window.session.current is before and window.calculator.model is before
    assert len(shown_messages) == 3 and all("\n" not in m for m in shown_messages)


ODD_NAME = "bad\nname\x1b[31m"


def test_file_names_with_a_newline_or_an_escape_are_shown_escaped(tmp_path, hostile_folder,
                                                                   capsys):
    folder = hostile_folder / "odd-name"
    folder.mkdir()
    path, _ = hostile("steps-15001", folder)
    odd = path.rename(tmp_path / f"{ODD_NAME}.keras")
    code, out, err = run(capsys, "add", "1", "2", "--model", odd)
    assert_one_line(err, code, 2, r"bad\nname\x1b[31m.keras")
    assert "\x1b" not in err
    good = tmp_path / f"{ODD_NAME}2.keras"
    good.write_bytes(CARRY.read_bytes())
    code, out, err = run(capsys, "eval", "--model", good)
    assert code == 0 and r"model " in out and "\x1b" not in out
    assert out.splitlines()[0] == rf"model {tmp_path}/bad\nname\x1b[31m2.keras"


def test_the_window_shows_an_odd_file_name_escaped(window, tmp_path):
    odd = tmp_path / f"{ODD_NAME}.keras"
    odd.write_bytes(CARRY.read_bytes())
    assert window.session.load(odd)
    text = window.model_list.itemText(0)
    assert "\n" not in text and "\x1b" not in text and r"bad\nname" in text


# -- Save as writes what the window shows (issue 16 item 3) ----------------------------------


def _weights_of(path: Path) -> list:
    from lstm_adder.core.engine import Engine

    return Engine.from_file(path)[0].weights


@pytest.mark.parametrize("then", ["replaced", "deleted"])
def test_save_as_writes_the_model_on_show_whatever_became_of_its_file(tmp_path, then):
    import keras

    from lstm_adder.core.storage import load_model
    from lstm_adder.session.open_models import open_file

    source = tmp_path / "mine.keras"
    source.write_bytes(CARRY.read_bytes())
    entry = open_file(source)
    if then == "replaced":  # another model, with another history, under the same name
        source.write_bytes((ROOT / "assets" / "seed.keras").read_bytes())
    else:
        source.unlink()
    saved = entry.source.save(tmp_path / "saved.keras", *entry.save_parts(False))
    for mine, theirs in zip(_weights_of(saved), _weights_of(CARRY), strict=True):
        np.testing.assert_array_equal(mine, theirs)
    loaded = load_model(saved)  # Keras opens it, with the history of the model on show
    assert loaded.info == entry.info and loaded.bits == 8
    x = np.random.default_rng(0).integers(0, 2, (8, 9, 2)).astype("float32")
    expected = keras.saving.load_model(CARRY, compile=False)(x)
    np.testing.assert_allclose(loaded.model(x), expected, atol=1e-6)


def test_a_keras2_file_that_vanished_is_still_saved_from_memory(keras2_h5, tmp_path):
    from lstm_adder.core.storage import load_model
    from lstm_adder.session.open_models import open_file

    source = tmp_path / "tutorial.h5"
    source.write_bytes(keras2_h5.read_bytes())
    entry = open_file(source)
    source.unlink()
    saved = entry.source.save(tmp_path / "tutorial.keras", {"note": "kept"})
    for mine, theirs in zip(_weights_of(saved), entry.engine.weights, strict=True):
        np.testing.assert_array_equal(mine, theirs)
    assert load_model(saved).info == {"note": "kept"}


SAVE_AS = """
import sys
from lstm_adder.session.open_models import open_file
entry = open_file(sys.argv[1])
entry.source.save(sys.argv[2], *entry.save_parts(False))
"""


def test_save_as_of_a_file_with_a_4gb_unused_entry_stays_small(tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import hostile_files as hf

        source = hf.with_huge_entry(tmp_path / "junk.keras", "junk.bin", gib=4, byte=b"\0")
    finally:
        sys.path.remove(str(ROOT / "tests"))

    done = subprocess.run(capped(LIMIT, tmp_path / "peak", "-c", SAVE_AS, source,
                                 tmp_path / "s.keras"),
                          cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    with zipfile.ZipFile(tmp_path / "s.keras") as archive:
        assert "junk.bin" not in archive.namelist()
    assert (tmp_path / "s.keras").stat().st_size < 100_000


# -- outputs: atomic, and never a FIFO or a device (issue 16 item 6) ---------------------------


@pytest.mark.parametrize("command", [["eval", "--model", CARRY, "--map"], ["bench", "--json"]])
def test_a_fifo_or_a_device_as_an_output_is_refused_before_any_work(tmp_path, capsys,
                                                                    command):
    fifo = tmp_path / ("out.png" if "--map" in command else "out.json")
    os.mkfifo(fifo)  # opening it to write would wait for a reader for ever
    code, out, err = run(capsys, *command, fifo)
    assert_one_line(err, code, 2, "exists and is not a regular file")
    device = tmp_path / ("null.png" if "--map" in command else "null.json")
    device.symlink_to("/dev/null")  # takes anything, keeps nothing
    code, out, err = run(capsys, *command, device)
    assert_one_line(err, code, 2, "exists and is not a regular file")


def _half_a_file_then_a_full_disk(self, data):
    import errno

    with open(self, "wb") as file:
        file.write(data[: len(data) // 2])
    raise OSError(errno.ENOSPC, "No space left on device")


def test_bench_json_is_written_whole_or_not_at_all(tmp_path, capsys, monkeypatch):
    """--json goes through a temporary file and a rename, like --map and the models: a full
    disk leaves the old report, and a FIFO put there while the bench measured is replaced,
    not written into (which would wait for a reader for ever)."""
    from lstm_adder.bench import run as bench_run

    target = tmp_path / "bench.json"
    target.write_text("the old report")
    monkeypatch.setattr(bench_run, "measure", lambda *a, **k: ({"click_ms_p50_seed": 1.0},
                                                               {"notes": []}))
    monkeypatch.setattr(Path, "write_bytes", _half_a_file_then_a_full_disk)
    code, _, err = run(capsys, "bench", "--json", target)
    assert_one_line(err, code, 1, "No space left")
    assert target.read_text() == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bench.json"]
    monkeypatch.undo()

    def measure_while_a_fifo_appears(*args, **kwargs):
        target.unlink()
        os.mkfifo(target)
        return {"click_ms_p50_seed": 1.0}, {"notes": []}

    monkeypatch.setattr(bench_run, "measure", measure_while_a_fifo_appears)
    code, out, err = run(capsys, "bench", "--json", target)
    assert code == 0 and err == "" and target.is_file()
    assert json.loads(target.read_text())["click_ms_p50_seed"] == 1.0


def test_a_png_that_cannot_be_written_whole_leaves_the_old_one(tmp_path, monkeypatch):
    import errno

    from lstm_adder.core.figure import render_map, write_png

    target = tmp_path / "map.png"
    target.write_bytes(b"the old picture")

    def half(self, data):
        with open(self, "wb") as file:
            file.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", half)
    with pytest.raises(OSError, match="No space left"):
        write_png(target, render_map(np.zeros((4, 4), np.uint8)))
    monkeypatch.undo()
    assert target.read_bytes() == b"the old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png"]


# -- two writers, and what killed saves leave (issue 16 item 4) ------------------------------


def test_temp_files_of_killed_saves_are_cleared_by_the_next_save(tmp_path, noisy_model):
    from lstm_adder.core.storage import write_atomically

    target = tmp_path / "m.keras"
    dead = tmp_path / ".m-99999999-abcd1234.keras"  # no process has that id
    living = tmp_path / f".m-{os.getppid()}-abcd1234.keras"  # a save still writing
    for temp in (dead, living):
        temp.write_bytes(b"half a model")
    write_atomically(target, lambda tmp: Path(tmp).write_bytes(noisy_model.read_bytes()))
    assert not dead.exists() and living.exists()
    assert target.read_bytes() == noisy_model.read_bytes()


def test_a_model_written_to_the_same_path_while_training_is_replaced_with_a_word(
        tmp_path, capsys, monkeypatch):
    from lstm_adder.core.training import Trainer

    out, real = tmp_path / "same.keras", Trainer.run

    def other_run_saves_first(self):
        result = real(self)
        out.write_bytes(CARRY.read_bytes())  # `train --out same.keras` in another terminal
        return result

    monkeypatch.setattr(Trainer, "run", other_run_saves_first)
    code, _, err = run(capsys, "train", *TINY, "--out", out)
    assert_one_line(err, code, 0, f"{out} was written by another program while this one "
                                  "trained; it is replaced by this model")
    monkeypatch.undo()
    code, _, err = run(capsys, "train", *TINY, "--out", out)  # its own file: no word
    assert code == 0 and err == ""


def test_a_window_save_over_a_file_another_program_wrote_says_so(tmp_path, carry_file):
    """The window's Save / Save as, like `train`: a file that another program wrote at the
    target after the user chose it, or since this model was last saved there, is replaced
    with a line in the status bar that says so; a save over its own file says nothing more."""
    from lstm_adder.core.engine import Engine
    from lstm_adder.session.executor import Immediate
    from lstm_adder.session.session import Session

    class Held(Immediate):  # each job waits until `go()`: the time between choice and write
        def __init__(self):
            self.jobs = []

        def submit(self, fn, on_done, on_failed, keras=False, long=False):
            self.jobs.append(lambda: super(Held, self).submit(fn, on_done, on_failed))

        def go(self):
            while self.jobs:
                self.jobs.pop(0)()

    executor = Held()
    session, said = Session(executor), []
    session.status.connect(lambda text, brief: said.append((str(text), brief)))
    session.save_failed.connect(lambda *args: pytest.fail(f"save failed: {args}"))
    session.load(carry_file)
    executor.go()
    entry, target = session.current, tmp_path / "chosen.keras"

    def saved(path, between=None) -> str:
        said.clear()
        assert session.save(path)
        if between is not None:
            between()
        executor.go()
        return said[-1][0]

    other = CARRY.read_bytes()  # another program's model: 8-bit, not this 4-bit one
    line = saved(target, lambda: target.write_bytes(other))  # written after it was chosen
    assert line == (f"Saved {entry.name} to {target}, replacing a file that another program "
                    "wrote there meanwhile") and "\n" not in line
    assert Engine.from_file(target)[0].bits == 4 and entry.is_file(target)
    assert saved(target) == f"Saved {entry.name} to {target}"  # its own file: no word
    target.write_bytes(other)  # rewritten since this model was last saved there
    assert "replacing a file that another program wrote there" in saved(target)
    said.clear()
    assert session.save(target) and session.save(target)  # Save twice: ours, both of them
    executor.go()
    assert [text for text, _ in said if text.startswith("Saved ")] == \
        [f"Saved {entry.name} to {target}"] * 2
    fresh = tmp_path / "fresh.keras"
    assert saved(fresh) == f"Saved {entry.name} to {fresh}"
