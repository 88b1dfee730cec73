"""Model files: atomic saves, self-describing files, the tutorial's Keras 2 .h5, bad files."""

import json
import zipfile

import numpy as np
import pytest

from lstm_adder.core.encodings import CONCAT_MSB, PAIRED_LSB
from lstm_adder.core.engine import Engine
from lstm_adder.core.storage import INFO_ENTRY, ModelFileError, load_model, save_model


def test_save_and_load_round_trip(carry_model, tmp_path):
    path = save_model(carry_model.model, tmp_path / "c.keras", carry_model.info())
    loaded = load_model(path)
    assert loaded.encoding is PAIRED_LSB and loaded.bits == 4
    assert loaded.info["recipe"]["name"] == "carry"
    assert len(loaded.info["history"]) == len(carry_model.history)
    before = Engine.from_model(carry_model.model, 4).add_many(np.arange(16), np.arange(16))
    after = Engine.from_model(loaded.model, 4).add_many(np.arange(16), np.arange(16))
    np.testing.assert_array_equal(before, after)
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_a_failing_save_leaves_the_previous_file_intact(carry_model, tmp_path, monkeypatch):
    path = save_model(carry_model.model, tmp_path / "c.keras", {"mark": "old"})
    original = path.read_bytes()

    def broken_save(self, filepath, *args, **kwargs):
        with open(filepath, "wb") as f:
            f.write(b"half a model")
        raise OSError("disk full")

    monkeypatch.setattr(type(carry_model.model), "save", broken_save)
    with pytest.raises(ModelFileError, match="disk full"):
        save_model(carry_model.model, path, {"mark": "new"})
    assert path.read_bytes() == original
    assert list(tmp_path.iterdir()) == [path]


def test_tutorial_keras2_h5_opens_and_answers_as_keras2_did(tmp_path):
    """A real Keras 2 file, written by tf_keras with the tutorial's architecture."""
    tf_keras = pytest.importorskip("tf_keras")
    import h5py

    model = tf_keras.Sequential([
        tf_keras.layers.LSTM(8, input_shape=(16, 1)),
        tf_keras.layers.Dropout(0.2),
        tf_keras.layers.Dense(9, activation="sigmoid"),
    ])
    model.compile(loss="mean_squared_error", optimizer="adam", metrics=["accuracy"])
    path = tmp_path / "LSTM_Operation.h5"
    model.save(path)
    config = json.loads(h5py.File(path).attrs["model_config"])
    assert "time_major" in config["config"]["layers"][1]["config"]  # what Keras 3 rejects
    x = np.random.default_rng(0).integers(0, 2, (32, 16, 1)).astype("float32")
    expected = model.predict(x, verbose=0)

    loaded = load_model(path)
    assert loaded.encoding is CONCAT_MSB and loaded.bits == 8
    np.testing.assert_allclose(loaded.model(x, training=False), expected, atol=1e-6)


@pytest.mark.parametrize("content, message", [
    (b"not a zip at all", "cannot be read"),
    (b"PK\x03\x04 truncated zip", "cannot be read"),
])
def test_corrupt_files_are_named_and_explained(tmp_path, content, message):
    path = tmp_path / "broken.keras"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=message) as info:
        load_model(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_and_foreign_files(tmp_path):
    with pytest.raises(ModelFileError, match="no such file"):
        load_model(tmp_path / "nope.keras")
    text = tmp_path / "notes.txt"
    text.write_text("hi")
    with pytest.raises(ModelFileError, match="not a model file"):
        load_model(text)


def test_a_model_of_the_wrong_shape_is_refused(tmp_path):
    import keras

    inputs = keras.Input(shape=(10, 3))
    model = keras.Model(inputs, keras.layers.Dense(2)(keras.layers.LSTM(4)(inputs)))
    path = save_model(model, tmp_path / "foreign.keras")
    with pytest.raises(ModelFileError, match="not an LSTM adder"):
        load_model(path)


def test_saved_file_records_its_recipe(carry_model, tmp_path):
    path = save_model(carry_model.model, tmp_path / "c.keras", carry_model.info())
    with zipfile.ZipFile(path) as archive:
        info = json.loads(archive.read(INFO_ENTRY))
    assert info["encoding"] == "paired-lsb" and info["bits"] == 4


def test_a_save_into_a_read_only_folder_says_so_and_leaves_nothing(carry_model, tmp_path):
    import os

    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root ignores the mode bits
            pytest.skip("running as a user who may write anywhere")
        with pytest.raises(ModelFileError, match="could not save"):
            save_model(carry_model.model, folder / "c.keras")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_saving_removes_temporary_files_that_killed_saves_left(carry_model, tmp_path):
    import os
    import time

    old, fresh = tmp_path / ".c-abc123.keras", tmp_path / ".c-def456.keras"
    for stale in (old, fresh):
        stale.write_bytes(b"")
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (day_ago, day_ago))
    path = save_model(carry_model.model, tmp_path / "c.keras")
    assert sorted(tmp_path.iterdir()) == sorted([path, fresh])  # a fresh one may be live
