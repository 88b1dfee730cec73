"""What core says reaches the window in the language on show, and the command line in English.

core/ raises and returns its messages as core.words.Words: `str()` is the exact English the
command line prints (and tests/test_cli.py, tests/test_hostile.py match), while the window
translates the marked template and fills it again. Here a bad model file opened, a save that
cannot start, and a recipe the Training form refuses are read back from the window in Chinese,
against the Chinese written in the .ts, with no English word of the message left."""

import ast
import json
import pickle
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from lstm_adder.core.checks import check_info
from lstm_adder.core.data import train_count
from lstm_adder.core.errors import ModelFileError, one_line, said
from lstm_adder.core.recipes import check_recipe, get_recipe
from lstm_adder.core.weights import read_file
from lstm_adder.core.words import Words
from lstm_adder.gui import i18n
from lstm_adder.gui.i18n import CHINESE, ENGLISH, translated

ROOT = Path(__file__).resolve().parent.parent
CARRY = ROOT / "assets" / "carry.keras"
# Names a Chinese message keeps as they are: layer, format and function names, units.
NAMES = {"LSTM", "Dense", "Keras", "sigmoid", "relu", "NaN", "MB", "JSON", "HDF5", "zip",
         "config", "json", "model_config", "lstm_adder", "keras", "bits", "split", "true",
         "false", "base64", "zlib", "int64", "h5", "ExternalLink"}
WAIT_MS = 180_000  # a loaded machine judges the carry model slowly
WORD = re.compile(r"[A-Za-z][A-Za-z_0-9]*")


@pytest.fixture
def hf(monkeypatch):
    """tests/hostile_files.py, the builders of bad model files."""
    monkeypatch.syspath_prepend(str(ROOT / "tests"))
    import hostile_files

    return hostile_files


@pytest.fixture
def chinese(qapp, tmp_path):
    settings = QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)
    i18n.set_language(CHINESE, settings)
    yield settings
    i18n.set_language(ENGLISH, settings)


@pytest.fixture
def dialogs(monkeypatch):
    """Every error dialog's text; none waits for a click."""
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *a: shown.append(text)
                        or QMessageBox.StandardButton.Ok)
    return shown


def english_left(text: str, *paths: Path) -> list[str]:
    """The English words of `text` that are not names, once the file paths and the values
    quoted from the file ('w0') are taken out."""
    for path in paths:
        text = text.replace(str(path), " ")
    text = re.sub(r"'[^']*'", " ", text)
    return [word for word in WORD.findall(text) if word not in NAMES]


def refusal(path) -> ModelFileError:
    with pytest.raises(ModelFileError) as caught:
        read_file(path)
    return caught.value


def with_head(hf, path: Path, activation: str) -> Path:
    """The carry model with its Dense head's activation named `activation`."""
    config = hf.config()
    hf.layer(config, "Dense")["activation"] = activation
    return hf.carry_with(path, {"config.json": json.dumps(config).encode()})


# -- the English stays, and carries its template ---------------------------------------------


def test_a_refused_file_says_the_same_english_and_carries_its_words(hf, tmp_path):
    path = hf.with_steps(tmp_path / "long.keras", 15001)
    exc = refusal(path)
    english = (f"{path}: not an LSTM adder: its input has 15001 steps, not 1 to 128 "
               "(64-bit numbers at most)")
    assert str(exc) == english and type(str(exc)) is str  # what the command line prints
    words = said(exc)
    assert isinstance(words, Words) and words == english and words.context == "core"
    assert words.template == "{0}: {1}" and words.args[1].template.startswith("not an LSTM")
    assert pickle.loads(pickle.dumps(words)).fill(lambda c, t: t) == english
    assert said(ValueError("plain")) == "plain"  # anything else: its text


def test_one_line_keeps_words_and_escapes_each_value(tmp_path):
    odd = tmp_path / "bad\nname\x1b[31m.keras"
    exc = refusal(odd)
    line = one_line(said(exc))
    assert isinstance(line, Words)
    assert line == one_line(str(exc)) == rf"{tmp_path}/bad\nname\x1b[31m.keras: no such file"


def test_a_damaged_info_says_each_problem_in_english_and_in_chinese(chinese):
    with pytest.raises(ModelFileError) as caught:
        check_info({"bits": "abc", "split": []})
    assert str(caught.value) == ("its lstm_adder.json is damaged: bits is 'abc', not a whole "
                                 "number from 1 to 16; split is [], not an object")
    assert translated(said(caught.value)) == (
        "其中的 lstm_adder.json 已损坏：bits 是 'abc'，应为一个整数，从 1 到 16; "
        "split 是 []，应为一个对象")


def test_a_recipe_problem_is_english_for_the_command_line_and_chinese_in_the_window(chinese):
    recipe = get_recipe("carry", bits=4, holdout=0.5, batch_size=256)
    pairs = train_count(4, 0.5)
    [problem] = check_recipe(recipe, memory=1 << 40)
    assert problem == f"Batch size 256 is more than the {pairs} pairs left to train on"
    assert translated(problem) == f"批大小 256 超过了留作训练的 {pairs} 个数对"


# -- the window, in Chinese -------------------------------------------------------------------


def status_lines(window) -> list[str]:
    """Every line the status bar shows from now on (a brief one may time out before it is
    read on a busy machine)."""
    lines = []
    window.show()  # the status bar of a window never shown says nothing
    window.statusBar().messageChanged.connect(lambda text: text and lines.append(text))
    return lines


def opened_in_chinese(window, path: Path, dialogs) -> str:
    """The dialog's text after opening `path` in the background (the model on show kept);
    the status bar said it too."""
    lines = status_lines(window)
    before = window.session.current
    window.session.open(path)
    assert window.wait_for_background(WAIT_MS)
    assert window.session.current is before
    assert len(dialogs) == 1 and dialogs[0] in lines
    return dialogs.pop()


def test_a_bad_model_file_is_refused_in_chinese(window, chinese, dialogs, hf, tmp_path):
    assert window.session.load(CARRY)
    long = hf.with_steps(tmp_path / "long.keras", 15001)
    assert opened_in_chinese(window, long, dialogs) == (
        f"{long}：不是 LSTM 加法器：其输入有 15001 步，应为 1 到 128 步（最多 64 位的数）")
    relu = with_head(hf, tmp_path / "relu.keras", "relu")
    assert opened_in_chinese(window, relu, dialogs) == (
        f"{relu}：Dense 输出层的激活函数是 'relu'，不是 sigmoid")
    junk = tmp_path / "junk.keras"
    junk.write_bytes(b"not a zip at all")
    text = opened_in_chinese(window, junk, dialogs)
    detail = str(refusal(junk)).rsplit("(", 1)[1].rstrip(")")  # zipfile's own reason
    assert text == f"{junk}：无法作为模型文件读取（{detail}）"


@pytest.mark.parametrize("name", ["steps-15001", "steps-negative", "units-0",
                                  "units-32-over-16", "weights-nan", "weights-int",
                                  "h5-external-link"])
def test_no_english_word_of_a_refusal_is_left_in_chinese(window, chinese, dialogs, hf,
                                                         tmp_path, name):
    path, _ = hf.build(name, tmp_path)
    english = str(refusal(path))
    assert english_left(english, path)  # the English had words to translate
    text = opened_in_chinese(window, path, dialogs)
    assert english_left(text, path) == [], text


def test_a_replay_left_out_is_said_in_chinese(window, chinese, hf, tmp_path):
    path, _ = hf.build("replay-bits-2e11", tmp_path)
    lines = status_lines(window)
    window.session.open(path)
    assert window.wait_for_background(WAIT_MS)
    assert window.session.current.path == path and window.session.current.timeline is None
    assert lines[-1] == (
        f"{path}：其回放记录已损坏（其回放为 200000000000 位，应为 1 到 8 位）；"
        "已打开，但没有它的回放")


def test_a_save_that_cannot_start_says_why_in_chinese(window, chinese, dialogs, tmp_path):
    assert window.session.load(CARRY)
    lines = status_lines(window)
    folder = tmp_path / "x.keras"
    folder.mkdir()
    assert not window.session.save(folder)
    [text] = dialogs
    why = f"{folder}：这是一个文件夹；请给出以 .keras 结尾的文件名"
    still_open = "carry 仍然打开着：请把它保存到别的地方。"
    assert text == f"{why}\n\n{still_open}"  # its paragraph break kept
    assert lines[-1] == f"{why} {still_open}"  # the status bar's one line


def test_the_training_form_says_its_problems_in_chinese(window, chinese):
    form = window.training
    form.load_recipe("carry")
    form.fields["bits"].setText("4")
    form.fields["holdout"].setText("0.5")
    form.fields["batch_size"].setText("256")
    pairs = train_count(4, 0.5)
    if check_recipe(get_recipe("carry", bits=4, holdout=0.5, batch_size=256)) != [
            f"Batch size 256 is more than the {pairs} pairs left to train on"]:
        pytest.skip("this machine has too little memory for the carry recipe")
    assert form.recipe_error.text() == f"批大小 256 超过了留作训练的 {pairs} 个数对"
    assert not form.start_button.isEnabled()
    form.fields["batch_size"].setText("16")
    form.fields["lr"].setText("0")
    assert form.recipe_error.text() == "学习率必须是一个有限的数，大于 0"
    assert form.fields["lr"].toolTip() == "学习率必须是一个有限的数，大于 0"
    i18n.set_language(ENGLISH, chinese)  # the same problem, switched back
    assert form.recipe_error.text() == "Learning rate must be a finite number above 0"


SAYERS = ("weights", "storage", "checks", "activations", "replay", "encodings", "recipes")
CLI_ONLY = {"check_output_file", "get_recipe"}  # messages no window shows


def test_core_raises_its_messages_as_words():
    """Every error the modules that read, check and save model files and recipes raise with
    a message is raised with Words, never an f-string or a bare literal the window could not
    translate (the command line's own checks aside)."""
    plain = []
    for path in (ROOT / "core" / f"{name}.py" for name in SAYERS):
        tree = ast.parse(path.read_text())
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef) or function.name in CLI_ONLY:
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and \
                        node.exc.args and isinstance(node.exc.args[0],
                                                     (ast.JoinedStr, ast.Constant)):
                    plain.append(f"{path.name}:{node.lineno}")
    assert plain == []
