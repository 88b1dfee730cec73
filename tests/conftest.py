"""Shared test set-up: offscreen Qt, quiet TensorFlow, and tiny trained models."""

import os
from contextlib import contextmanager
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):  # English, whatever the desktop's language
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

import pytest  # noqa: E402

from lstm_adder.core.quiet import import_tensorflow  # noqa: E402

import_tensorflow()


@pytest.fixture(scope="session")
def carry_model():
    """A 4-bit carry model trained until exactly right (a second or two)."""
    from lstm_adder.core.recipes import get_recipe
    from lstm_adder.core.training import train

    result = train(get_recipe("carry", bits=4, holdout=0.0, epochs=60, batch_size=32),
                   keep_epochs=True)  # every epoch's weights, for the replay tests
    assert result.history[-1].exact == 1.0, result.reason
    return result


@pytest.fixture(scope="session")
def seed_model():
    """An untrained 4-bit seed-layout model (wrong on many pairs: good for marking mistakes)."""
    import keras

    from lstm_adder.core.models import build_model
    from lstm_adder.core.recipes import get_recipe

    keras.utils.set_random_seed(1)
    return build_model(get_recipe("seed", bits=4, units=8))


@pytest.fixture(scope="session")
def keras2_h5(tmp_path_factory):
    """The tutorial's architecture saved by Keras 2 (tf_keras) as LSTM_Operation.h5."""
    tf_keras = pytest.importorskip("tf_keras")

    tf_keras.utils.set_random_seed(3)
    model = tf_keras.Sequential([
        tf_keras.layers.LSTM(8, input_shape=(16, 1)),
        tf_keras.layers.Dropout(0.2),
        tf_keras.layers.Dense(9, activation="sigmoid"),
    ])
    model.compile(loss="mean_squared_error", optimizer="adam", metrics=["accuracy"])
    path = tmp_path_factory.mktemp("keras2") / "LSTM_Operation.h5"
    model.save(path)
    return path


@pytest.fixture(scope="session")
def carry_engine(carry_model):
    """The 4-bit carry model as a numpy engine (what the window answers with)."""
    from lstm_adder.core.engine import Engine

    return Engine.from_model(carry_model.model, 4)


@pytest.fixture(scope="session")
def seed_engine(seed_model):
    from lstm_adder.core.engine import Engine

    return Engine.from_model(seed_model)


@pytest.fixture(scope="session")
def carry_file(carry_model, tmp_path_factory):
    """The 4-bit carry model saved as a .keras file, with its history."""
    from lstm_adder.core.storage import save_model

    path = tmp_path_factory.mktemp("carry4") / "carry4.keras"
    return save_model(carry_model.model, path, carry_model.info())


@pytest.fixture
def close_questions(monkeypatch):
    """Every question the window asks before closing, answered Discard (a test may set
    `close_questions.answer`): no modal dialog ever waits for a click."""
    from PySide6.QtWidgets import QMessageBox

    class Questions(list):
        answer = QMessageBox.StandardButton.Discard

    questions = Questions()

    def ask(parent, title, text, buttons, default):
        questions.append({"text": text, "buttons": buttons, "default": default})
        return questions.answer

    monkeypatch.setattr(QMessageBox, "question", ask)
    return questions


@pytest.fixture
def window(qtbot, tmp_path, close_questions):
    """A main window with no model open and settings of its own; closing it must leave no
    thread, timer or task running (asked before closing, it discards)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from lstm_adder.gui.main_window import MainWindow
    from lstm_adder.gui.tasks import Task

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autoload=False)
    window.confirm_close = True  # as on a desktop (offscreen, no one could answer)
    qtbot.addWidget(window)
    yield window
    close_questions.answer = QMessageBox.StandardButton.Discard
    window.close()
    assert not window.session.run.running
    assert not window.training.plots.refreshing  # the redraw timer stops with the run
    assert Task.running() == 0


TINY_RUN = {"bits": 4, "units": 4, "batch_size": 16, "holdout": 0, "dropout": 0, "epochs": 1}


@pytest.fixture
def reported(qtbot):
    """`with reported(signal, timeout_ms) as caught:` waits, after the block, until the
    session.signal.Signal has been emitted (qtbot.waitSignal for the session's signals, which
    are not Qt's); `caught.args` holds the first emission's arguments."""

    @contextmanager
    def wait(signal, timeout: int = 60_000):
        caught = SimpleNamespace(args=None, all=[])

        def catch(*args):
            caught.all.append(list(args))

        signal.connect(catch)
        try:
            yield caught
            qtbot.waitUntil(lambda: bool(caught.all), timeout=timeout)
            caught.args = caught.all[0]
        finally:
            signal.disconnect(catch)

    return wait


@pytest.fixture
def train(qtbot, reported):
    """`train(window, recipe="carry", **fields)`: run a tiny recipe (4-bit, 4 units, 16
    batches an epoch, one epoch unless told) in the window's Training tab to its end, and
    let its model join the list; returns the TrainResult."""

    def run(window, recipe: str = "carry", **fields):
        tab = window.training
        tab.load_recipe(recipe)
        tab.stop_when_perfect.setChecked(False)
        for name, value in {**TINY_RUN, **fields}.items():
            tab.fields[name].setText(str(value))
        with reported(window.session.run.finished) as finished:
            tab.start()
        assert window.wait_for_background()
        return finished.args[0]

    return run
