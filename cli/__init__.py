"""The `lstm-adder` command line, the composition root: `python -m lstm_adder.cli` or `lstm-adder`.

    cli.main       the parser: one subparser per command, each with its `func`
    cli.commands   what each command does
    cli.console    text for a terminal: 80 columns, a progress bar redrawn in place

May import: core and session, and (lazily, for the `gui` and `bench` commands only) gui and
bench, so that `add`, `eval` and `train` never load Qt.
"""
