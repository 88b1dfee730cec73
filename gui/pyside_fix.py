"""A work-around for a PySide6 6.12 reference-count race on None, True, False and the like
(Python before 3.12 only).

With Python 3.11 and PySide6 6.12.0, a shown widget that repaints while any other Python
thread runs ends in "Fatal Python error: none_dealloc: deallocating None" within seconds to
minutes, even with no TensorFlow at all: PySide changes None's reference count without
holding the GIL, so updates from the two threads get lost and the count drifts to zero.
The same happened to True and False ("bool_dealloc: deallocating True or False", at exit).
Python 3.12 made these singletons immortal (PEP 683), which hides the race. Here each of them
(None, True, False, Ellipsis, NotImplemented, the cached small ints and the empty tuple)
gets a reference count so large that the drift cannot reach zero in any run. gui.tasks and
gui.worker, which start the app's threads, call apply() when they are imported: before any
thread starts.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
_applied = False


def singletons() -> list:
    """The objects every extension module shares, which 3.12 made immortal."""
    return [None, True, False, Ellipsis, NotImplemented, (), *range(-5, 257)]


def apply() -> None:
    """Make the shared singletons effectively immortal (once; nothing to do on 3.12+)."""
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return
    for obj in singletons():
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    _applied = True
