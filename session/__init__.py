"""The application without Qt: what the window shows and does, as plain objects with
callbacks (as napari keeps `components/` apart from `_qt/`).

    session.session    Session: the open models, the current one, opening, saving, closing,
                       and a training run being watched
    session.on_show    OnShow: the model on show at its width, its pair, answer, wrong pairs
    session.insight    Insight: the error map's report, the carry unit, the width table
    session.open_models  OpenModel and how each kind of model is saved
    session.reports    every engine's judgement, made once and shared
    session.executor   the interface through which it runs work off its thread
    session.signal     Signal: the callbacks through which it announces changes

May import: core (and the standard library). Never Qt, pyqtgraph or gui: it is tested without
a QApplication (tests/test_session.py), and tests/test_layers.py reads every module's source
to check.
"""
