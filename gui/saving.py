"""Saving from the window: the Save dialog, and the question before closing.

The Save dialog opens in the folder of the last save, else the user's documents, else home
(never the package's own folder, where the bundled models are), on a name no file there has
yet (session.open_models.suggested_path). Closing with unsaved models, or during a run, asks
first: Save (each model, then close), Discard or Cancel; Cancel is the default, so a stray
Enter or Escape keeps the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from lstm_adder.gui.i18n import translated
from lstm_adder.gui.tasks import Task
from lstm_adder.session.open_models import OpenModel, suggested_path
from lstm_adder.session.session import Session

SAVE_FILTER = QT_TRANSLATE_NOOP("saving", "Keras models (*.keras)")
POLL_S = 0.02  # while a run stops before closing: how often its end is looked for
Button = QMessageBox.StandardButton


def save_folder(settings: QSettings) -> Path:
    """Where the Save dialog opens: the folder of the last save, else the user's documents,
    else home."""
    last = settings.value("save_folder", "")
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
                or Path.home())


def ask_save_path(parent: QWidget, entry: OpenModel, settings: QSettings) -> str:
    """The Save dialog for `entry`, on a name of its own in the save folder; "" if the user
    cancels."""
    suggestion = suggested_path(entry, save_folder(settings))
    title = QCoreApplication.translate("saving", "Save {0} as").format(translated(entry.name))
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggestion),
                                          QCoreApplication.translate("saving", SAVE_FILTER))
    return path


def may_close(window, session: Session) -> bool:
    """Save / Discard / Cancel when models are unsaved or a run is going; True to close.
    Save stops the run (its model joins the list), then asks where to save each model;
    cancelling any of those, or a failed save, keeps the window open. (`window`: the main
    window, with its `settings`.)"""
    lines = [translated(line) for line in session.close_question()]
    if not lines:
        return True
    lines.append(QCoreApplication.translate("saving", "Save before closing?"))
    answer = QMessageBox.question(
        window, QCoreApplication.translate("saving", "Close LSTM Adder?"), "\n".join(lines),
        Button.Save | Button.Discard | Button.Cancel, Button.Cancel)
    if answer == Button.Discard:
        return True
    if answer != Button.Save:
        return False
    if session.training:  # stop the run and wait for its end; its model joins the list
        session.stop_training()
        while session.training:
            session.run.wait(POLL_S)
            QCoreApplication.processEvents()
    return _save_all(window, session)


def _save_all(window, session: Session) -> bool:
    """Ask where to save each unsaved model and save it, waiting for each; False as soon as
    the user cancels or a save fails (its dialog has said why)."""
    for entry in session.unsaved():
        path = ask_save_path(window, entry, window.settings)
        if not path or not session.save(path, entry):
            return False
        Task.wait_all(timeout_ms=-1)
        if entry.unsaved:
            return False
    return True
