"""`train --logdir`: Keras's TensorBoard and CSVLogger callbacks on the trainer's fits."""

import csv

import pytest

from lstm_adder.cli.main import main


def _scalars(folder, tag):
    """(step, value) of `tag` in the event files of `folder`, read with TensorFlow's own
    summary reader (what TensorBoard reads), each marked for TensorBoard's scalars plugin."""
    import tensorflow as tf

    found = []
    for events in sorted(folder.glob("events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(str(events)):
            for value in event.summary.value:
                if value.tag == tag:
                    assert value.metadata.plugin_data.plugin_name == "scalars"
                    found.append((event.step, float(tf.make_ndarray(value.tensor))))
    return sorted(found)


def test_train_logdir_writes_epoch_loss_events_and_a_csv_row_per_epoch(tmp_path, capsys):
    from lstm_adder.core.storage import load_model

    logdir, out = tmp_path / "logs" / "carry", tmp_path / "m.keras"
    (tmp_path / "logs").mkdir()
    code = main(["train", "--recipe", "carry", "--bits", "4", "--units", "4", "--batch-size",
                 "8", "--holdout", "0.5", "--epochs", "3", "--no-stop-when-perfect",
                 "--out", str(out), "--logdir", str(logdir)])
    assert code == 0, capsys.readouterr().err
    history = load_model(out).info["history"]  # the trainer's own record of each epoch
    losses = [m["loss"] for m in history]
    assert len(losses) == 3
    events = _scalars(logdir / "train", "epoch_loss")
    assert [step for step, _ in events] == [0, 1, 2]  # one point an epoch, in order
    assert [loss for _, loss in events] == pytest.approx(losses, rel=1e-5)
    assert _scalars(logdir / "train", "epoch_exact") == pytest.approx(
        [(i, m["exact"]) for i, m in enumerate(history)])
    assert _scalars(logdir / "validation", "epoch_exact") == pytest.approx(
        [(i, m["heldout_exact"]) for i, m in enumerate(history)])
    with open(logdir / "training.csv") as table:
        rows = list(csv.DictReader(table))
    assert [int(r["epoch"]) for r in rows] == [0, 1, 2]  # one header, a row an epoch
    assert [float(r["loss"]) for r in rows] == pytest.approx(losses, rel=1e-5)


@pytest.mark.parametrize("where, message", [("a-file", "is not a folder"),
                                            ("missing/logs", "does not exist")])
def test_train_logdir_refuses_a_bad_folder_before_training(tmp_path, capsys, where, message):
    (tmp_path / "a-file").write_text("x")
    code = main(["train", "--recipe", "carry", "--out", str(tmp_path / "m.keras"),
                 "--logdir", str(tmp_path / where)])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and message in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
