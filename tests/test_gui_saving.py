"""Saving and closing the window: a save that cannot work says so and keeps the model, the Save
dialog opens somewhere sensible with a sensible name, the model list says which models are in
no file, and closing never loses a trained model without asking."""

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lstm_adder import assets
from lstm_adder.assets import BUNDLED
from lstm_adder.core.engine import Engine
from lstm_adder.session.open_models import KerasFile, OpenModel, TrainedHere

Button = QMessageBox.StandardButton


@pytest.fixture
def dialogs(monkeypatch):
    """Every error dialog, as (parent, title, text); none waits for a click."""
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda *args: shown.append(args) or Button.Ok)
    return shown


@pytest.fixture
def save_dialog(monkeypatch):
    """Every Save dialog, as (title, suggested path); it answers `save_dialog.answer`."""

    class Calls(list):
        answer = ""

    calls = Calls()

    def ask(parent, title, suggestion, filters):
        calls.append((title, Path(suggestion)))
        return calls.answer, filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return calls


def unsaved(engine: Engine, name: str = "trained carry #1") -> OpenModel:
    """A model as a run of the window leaves it, without the run (its key keeps nothing)."""
    return OpenModel(name, engine, TrainedHere(key=-1), recipe_name="carry")


# -- saves that fail ---------------------------------------------------------------------------


def unwritable_targets(tmp_path) -> list[Path]:
    """Places no save can go, even as root (chmod does not stop root): inside /proc, and an
    existing folder named like a model file."""
    folder = tmp_path / "x.keras"
    folder.mkdir()
    return [Path("/proc/t.keras"), folder]


def test_a_read_only_save_shows_the_dialog_and_keeps_the_trained_model(window, train, qtbot,
                                                                       dialogs, tmp_path):
    train(window)
    entry = window.session.models[0]
    assert entry.unsaved
    for n, target in enumerate(unwritable_targets(tmp_path), start=1):
        with qtbot.waitSignal(window.save_failed, timeout=5_000) as failed:
            assert not window.session.save(target)  # refused before any work starts
        assert str(target) in failed.args[0]
        assert len(dialogs) == n and failed.args[0] in dialogs[-1][2]
        assert window.session.models == [entry] and entry.unsaved and entry.path is None
        assert "unsaved" in window.model_list.itemText(0)
    assert not list(Path("/proc").glob(".t-*.keras"))


def test_a_save_that_fails_while_writing_shows_the_dialog_and_keeps_the_model(
        window, carry_file, qtbot, dialogs, tmp_path, monkeypatch):
    def full(self, path, info, extra=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(KerasFile, "save", full)
    assert window.session.load(carry_file)
    entry = window.session.current
    with qtbot.waitSignal(window.save_failed, timeout=30_000):
        assert window.session.save(tmp_path / "copy.keras")  # the check passes; the write fails
    assert "No space left on device" in dialogs[-1][2]
    assert window.session.current is entry and entry.path == carry_file


# -- where the Save dialog opens, and the names in the model list ------------------------------


def test_the_save_dialog_opens_in_documents_or_home_with_a_name_of_its_own(window, save_dialog,
                                                                          carry_engine,
                                                                          tmp_path, qtbot):
    assert window.session.load(BUNDLED["carry"])  # a model from the package's own folder
    window.choose_and_save()
    _, suggestion = save_dialog[-1]
    package = Path(assets.__file__).resolve().parent
    places = {QStandardPaths.writableLocation(where) for where in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation)}
    assert str(suggestion.parent) in places and package not in suggestion.parents
    assert suggestion.name == "carry.keras"

    trained = window.session.add(unsaved(carry_engine))
    (tmp_path / "carry-4bit.keras").touch()  # taken: the next free name is suggested
    window.settings.setValue("save_folder", str(tmp_path))
    window.choose_and_save()
    assert save_dialog[-1] == (f"Save {trained.name} as", tmp_path / "carry-4bit-2.keras")


def test_a_saved_file_is_where_the_next_save_dialog_opens(window, save_dialog, carry_file,
                                                          tmp_path, qtbot):
    assert window.session.load(carry_file)
    save_dialog.answer = str(tmp_path / "copy")
    with qtbot.waitSignal(window.saved, timeout=30_000):
        window.choose_and_save()
    window.choose_and_save()
    assert save_dialog[-1][1] == tmp_path / "copy.keras"  # its folder, its own name


def test_the_model_list_names_the_file_or_says_unsaved(window, carry_file, carry_engine):
    assert window.session.load(carry_file)
    window.session.add(unsaved(carry_engine))
    texts = [window.model_list.itemText(i) for i in range(window.model_list.count())]
    assert texts[0].endswith("· carry4.keras")
    assert texts[1].endswith("· unsaved")


# -- closing -----------------------------------------------------------------------------------


def test_closing_with_an_unsaved_model_asks_and_cancel_keeps_the_window(window, carry_engine,
                                                                         close_questions,
                                                                         qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.session.add(unsaved(carry_engine))
    close_questions.answer = Button.Cancel
    assert not window.close()
    assert window.isVisible() and len(window.session.models) == 1
    (question,) = close_questions
    assert "trained carry #1" in question["text"] and "not saved" in question["text"]
    assert question["buttons"] == Button.Save | Button.Discard | Button.Cancel
    assert question["default"] == Button.Cancel  # a stray Enter keeps the window
    close_questions.answer = Button.Discard
    assert window.close() and not window.isVisible()


def test_closing_with_only_saved_models_does_not_ask(window, carry_file, close_questions):
    assert window.session.load(carry_file)
    assert window.close()
    assert close_questions == []


def test_closing_during_training_asks_and_cancel_keeps_it_running(window, qtbot,
                                                                  close_questions, reported):
    tab = window.training
    tab.load_recipe("carry")
    for name, value in {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0,
                        "epochs": 1000}.items():
        tab.fields[name].setText(str(value))
    with reported(window.session.run.progress, 60_000):
        tab.start()
    close_questions.answer = Button.Cancel
    assert not window.close()
    assert "Training is running" in close_questions[0]["text"]
    assert window.session.run.running
    close_questions.answer = Button.Discard
    assert window.close()
    assert not window.session.run.running


def test_save_on_closing_saves_every_trained_model_then_closes(window, train, qtbot,
                                                               close_questions, save_dialog,
                                                               tmp_path):
    train(window)
    close_questions.answer = Button.Save
    save_dialog.answer = str(tmp_path / "kept.keras")
    assert window.close()
    assert (tmp_path / "kept.keras").is_file()
    saved, _ = Engine.from_file(tmp_path / "kept.keras")
    assert saved.bits == 4


def test_cancelling_the_save_dialog_on_closing_keeps_the_window(window, carry_engine,
                                                                close_questions, save_dialog):
    window.session.add(unsaved(carry_engine))
    close_questions.answer = Button.Save
    save_dialog.answer = ""  # the user cancels the Save dialog
    assert not window.close()
    assert len(save_dialog) == 1 and window.session.models[0].unsaved


def test_save_on_closing_during_training_stops_the_run_and_saves_its_model(window, qtbot,
                                                                           close_questions,
                                                                           save_dialog,
                                                                           tmp_path, reported):
    tab = window.training
    tab.load_recipe("carry")
    for name, value in {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0,
                        "epochs": 1000}.items():
        tab.fields[name].setText(str(value))
    with reported(window.session.run.progress, 60_000):
        tab.start()
    close_questions.answer = Button.Save
    save_dialog.answer = str(tmp_path / "stopped.keras")
    assert window.close()
    assert not window.session.run.running
    assert save_dialog[0][0] == "Save trained carry #1 as"  # the run's model joined, then saved
    assert (tmp_path / "stopped.keras").is_file()


def test_an_offscreen_window_closes_without_asking(qtbot, tmp_path, carry_engine,
                                                   close_questions):
    """Screenshots, the bench and scripts draw offscreen, where no one could answer."""
    from PySide6.QtCore import QSettings

    from lstm_adder.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autoload=False)
    qtbot.addWidget(window)
    assert not window.confirm_close
    window.session.add(unsaved(carry_engine))
    assert window.close() and close_questions == []
