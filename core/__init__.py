"""The adder itself, plain Python: recipes, layouts, data, the numpy engine, training,
judging, storage and insight.

May import: numpy and h5py, and the standard library; Keras and TensorFlow only lazily, inside
the functions that need them (training, models, storage, and quiet's import of TensorFlow).
Never Qt, pyqtgraph, or any of this project's other packages (tests/test_layers.py reads every
module's source to check).
"""
