"""The desktop app in Qt: the main window, its three tabs, their widgets and plots, and the
threads that do the work (gui.tasks: Qt's side of the session's lanes; the run is the session's).

The widgets render the session's state (session/) and forward what the user does to it; they
do no arithmetic on bits themselves. `python -m lstm_adder.gui` opens the app.

May import: session, core, assets, PySide6 and pyqtgraph.
"""
