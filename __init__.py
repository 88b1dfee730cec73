"""LSTM Adder: a desktop calculator whose adder is a recurrent network.

One import name over the folders at the top of the repository (pyproject.toml maps them):

    lstm_adder.cli      the `lstm-adder` command (composition root)
    lstm_adder.bench    the speed bench
    lstm_adder.gui      the Qt window
    lstm_adder.session  the app without Qt
    lstm_adder.core     numpy, h5py; Keras only to train and save
    lstm_adder.assets   the shipped models
"""
