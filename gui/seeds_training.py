"""The Training tab's many seeds, and its log for TensorBoard (a part of gui.training_tab).

`SeedsTraining` is mixed into TrainingTab. With "Seeds" above 1, Start trains the recipe with
seeds S, S+1, …, S+N-1 (S: the form's random seed) through the session (session.seeds: each
seed in a process of its own, the models saved in a new folder under `seeds_root`, each
joining the model list as it ends). The plots give way to gui.seed_plots.SeedPlots: a thin
line per seed, the mean and its band of ± one std; the bar counts the seeds done, and the
line under it ends with the summary: "7 of 10 seeds reached 100%, after 3–9 epochs (median
5)". Stop stops every seed. The selected model's curves come back when another model is
selected (a seed's own model keeps them), or when one run starts.

"Log for TensorBoard" gives a single run a log folder (core.logdir) under `logdir_root`, one
folder a run, named by recipe and time; "Folder…" picks that root.

Uses from TrainingTab: `session`, `_recipe`, `state`, `_show_state`, `_show_status`,
`_show_bar`, `_set_controls`, `summary`, `progress_bar`, `plots`, `stack`.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox

from lstm_adder.core.errors import InputError
from lstm_adder.core.seeds import check_seeds, seed_workers
from lstm_adder.gui.run_state import PROGRESS_STEPS, RunState, said
from lstm_adder.gui.seed_plots import SeedPlots
from lstm_adder.session.words import joined

MAX_GUI_SEEDS = 100  # the spin box's top; the command line takes up to core.seeds.MAX_SEEDS


def _data_folder(name: str) -> Path:
    """A folder of the app's own data (made when first used)."""
    where = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(where) or Path.home() / ".lstm-adder") / name


def _stamped(root: Path, recipe) -> Path:
    return root / f"{recipe.name}-{time.strftime('%Y%m%d-%H%M%S')}"


class SeedsTraining:
    """TrainingTab's many seeds and TensorBoard log (see the module's docstring)."""

    def _build_seeds(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The seeds spin box (beside Start) and the TensorBoard row; SeedPlots (the tab puts
        it in its stack). Connects the session's seeds job."""
        self.seeds_root, self.logdir_root = _data_folder("seeds"), _data_folder("tensorboard")
        self.seeds_label = QLabel()
        self.seeds_spin = QSpinBox()
        self.seeds_spin.setObjectName("seeds_spin")
        self.seeds_spin.setRange(1, MAX_GUI_SEEDS)
        self.seeds_spin.valueChanged.connect(self._retranslate_seeds)
        seeds_row = QHBoxLayout()
        seeds_row.addWidget(self.seeds_label)
        seeds_row.addWidget(self.seeds_spin)
        self.tensorboard_checkbox = QCheckBox()
        self.tensorboard_checkbox.setObjectName("tensorboard_checkbox")
        self.tensorboard_folder = QPushButton()
        self.tensorboard_folder.setObjectName("tensorboard_folder")
        self.tensorboard_folder.clicked.connect(self._pick_logdir)
        log_row = QHBoxLayout()
        log_row.addWidget(self.tensorboard_checkbox, 1)
        log_row.addWidget(self.tensorboard_folder)
        self.seed_plots = SeedPlots()
        self._seeds_done = 0
        self.seeds_folder: Path | None = None  # where the last job saved its models
        seeds = self.session.seeds
        seeds.epoch.connect(self._on_seed_epoch)
        seeds.seed_done.connect(self._on_seed_done)
        seeds.finished.connect(self._on_seeds_finished)
        seeds.failed.connect(self._on_failed)
        return seeds_row, log_row

    def _retranslate_seeds(self) -> None:
        translate = QCoreApplication.translate
        count = self.seeds_spin.value()
        self.seeds_label.setText(translate("TrainingTab", "Seeds"))
        self.seeds_spin.setToolTip(translate(
            "TrainingTab", "Train this many copies of the recipe, with the random seed above "
            "and the seeds after it, each in a process of its own. The plots show every seed "
            "and the mean ± std; each model is saved in {0} and joins the model list."
        ).format(self.seeds_root))
        self.start_button.setText(
            translate("TrainingTab", "Start training") if count == 1
            else translate("TrainingTab", "Train {0} seeds").format(count))
        self.tensorboard_checkbox.setText(translate("TrainingTab", "Log for TensorBoard"))
        self.tensorboard_checkbox.setToolTip(translate(
            "TrainingTab", "Log each run in a folder of its own under {0}, for TensorBoard, "
            "with its epochs in a CSV table too").format(self.logdir_root))
        self.tensorboard_folder.setText(translate("TrainingTab", "Folder…"))

    def _pick_logdir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, QCoreApplication.translate(
            "TrainingTab", "Folder for TensorBoard logs"), str(self.logdir_root))
        if folder:
            self.logdir_root = Path(folder)
            self.tensorboard_checkbox.setChecked(True)
            self._retranslate_seeds()

    def logdir_for(self, recipe) -> Path | None:
        """The log folder of a run of `recipe` starting now, or None when not logging."""
        return _stamped(self.logdir_root, recipe) if self.tensorboard_checkbox.isChecked() \
            else None

    # -- the seeds job ------------------------------------------------------------------------

    def start_seeds(self, recipe, count: int) -> bool:
        """Train `recipe` with `count` seeds (the session's seeds job); False, saying why on
        the line under the bar, if the folder cannot take them."""
        folder = _stamped(self.seeds_root, recipe)
        try:
            self.seeds_root.mkdir(parents=True, exist_ok=True)
            check_seeds(recipe, count, folder)
        except (InputError, OSError) as exc:
            self._show_state(RunState.FAILED, said(QT_TRANSLATE_NOOP(
                "RunState", "Cannot train the seeds: {0}"), str(exc)))
            return False
        if not self.session.seeds.start(recipe, count, folder):
            return False
        self._recipe, self._seeds_done, self.seeds_folder = recipe, 0, folder
        self._set_controls(running=True)
        self.seed_plots.clear()
        self.seed_plots.start()
        self.stack.setCurrentWidget(self.seed_plots)
        self._show_state(RunState.TRAINING, said(QT_TRANSLATE_NOOP(
            "RunState", "Training {0} seeds of {1}, {2} at a time…"), count, recipe.name,
            seed_workers(count)), value=0)
        self._show_seeds_bar()
        return True

    def of_the_seeds(self, entry) -> bool:
        """Whether `entry` (an OpenModel, or None) is a model of the last seeds job."""
        path = getattr(entry, "path", None)
        return path is not None and self.seeds_folder is not None and \
            path.parent == self.seeds_folder

    @property
    def seeding(self) -> bool:
        return self.session.seeds.running

    def stop_seeds(self) -> None:
        self.session.seeds.stop()
        self.stop_button.setEnabled(False)
        self._show_state(RunState.STOPPING, said(QT_TRANSLATE_NOOP(
            "RunState", "Stopping every seed…")))

    def _show_seeds_bar(self) -> None:
        self._show_bar(said(QT_TRANSLATE_NOOP("RunState", "seeds {0}/{1}"),
                            self._seeds_done, self._count))

    @property
    def _count(self) -> int:
        return self.session.seeds.count

    def _on_seed_epoch(self, curve, metrics) -> None:
        self.seed_plots.add_epoch(curve.seed, metrics)
        if self.state is RunState.TRAINING:
            self._show_status(said(QT_TRANSLATE_NOOP(
                "RunState", "Seed {0}, epoch {1}: loss {2:.4g}, exact {3:.1%}"),
                curve.seed, metrics.epoch, metrics.loss, metrics.exact))

    def _on_seed_done(self, curve) -> None:
        self._seeds_done += 1
        if self.state is RunState.TRAINING:
            self.progress_bar.setValue(PROGRESS_STEPS * self._seeds_done // self._count)
            self._show_seeds_bar()

    def _on_seeds_finished(self, result) -> None:
        self._recipe = None
        self.seed_plots.stop()
        self._set_controls(running=False)
        summary = result.summary()
        state = RunState.STOPPED if summary.cancelled else (
            RunState.PERFECT if summary.reached == summary.count else RunState.FINISHED)
        line = seeds_summary(summary)
        where = said(QT_TRANSLATE_NOOP("RunState", "The models are in {0}."),
                     str(self.seeds_folder))
        self._show_state(state, joined(" ", [line, where]), joined(" · ", [
            state.words, said(QT_TRANSLATE_NOOP("RunState", "seeds {0}/{1}"),
                              self._seeds_done, summary.count)]), value=PROGRESS_STEPS)
        self.summary.emit(line)


def seeds_summary(summary) -> str:
    """'7 of 10 seeds reached 100%, after 3–9 epochs (median 5).' (Words), from a
    core.seeds.Summary; 'Stopped by you: ' before it when the job was stopped."""
    if summary.reached == 0:
        line = said(QT_TRANSLATE_NOOP("RunState", "None of the {0} seeds reached 100%."),
                    summary.count)
    elif summary.low == summary.high:
        line = said(QT_TRANSLATE_NOOP("RunState", "{0} of {1} seeds reached 100%, after {2} "
                                                  "epochs."), summary.reached, summary.count,
                    summary.low)
    else:
        line = said(QT_TRANSLATE_NOOP("RunState", "{0} of {1} seeds reached 100%, after "
                                                  "{2}–{3} epochs (median {4:g})."),
                    summary.reached, summary.count, summary.low, summary.high, summary.median)
    if summary.cancelled:
        return said(QT_TRANSLATE_NOOP("RunState", "Stopped by you: {0}"), line)
    return line
