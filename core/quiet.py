"""Import TensorFlow without its start-up chatter.

TensorFlow 2.21 writes CUDA and oneDNN notices to file descriptor 2 while it loads, whatever
TF_CPP_MIN_LOG_LEVEL says. Users of the command line and the app should not see them.
"""

from __future__ import annotations

import contextlib
import os
import sys


@contextlib.contextmanager
def silenced_stderr():
    """Point file descriptor 2 at /dev/null for the duration (Python's sys.stderr too)."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def import_tensorflow():
    """Import TensorFlow and touch its devices with native stderr silenced; return tf."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    with silenced_stderr():
        import tensorflow as tf

        tf.config.list_physical_devices()
    tf.get_logger().setLevel("ERROR")  # e.g. retracing notices when a new Adder compiles
    return tf


def need_tensorflow() -> None:
    """Import TensorFlow quietly the first time Keras is needed (at once after that)."""
    if "tensorflow" not in sys.modules:
        import_tensorflow()
