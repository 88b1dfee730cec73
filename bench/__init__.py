"""`lstm-adder bench`: speed measured as ratios against baselines timed in the same run.

    bench.app      the engine (answers, the table) and training, against Keras's own calls
    bench.window   the window: timer lateness, start-up, switching models during a run
    bench.options  an experiment: Keras training options (python -m lstm_adder.bench.options)
    bench.run      the targets, the table printed, the JSON written

May import anything: core, session, gui, assets, Keras. Nothing imports it but the command
line (cli, lazily) and its tests.
"""
