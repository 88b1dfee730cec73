"""OpenBLAS's own threads, held at one while the engine runs threads of its own.

The prefix-tree table (core/engine.py) splits its tree between WORKERS Python threads, each
doing its own matrix products and element-wise work (numpy releases the GIL for both). If
OpenBLAS also spread every product over all cores, the threads would fight: on this 2-core
machine, under other load, two threads of single-threaded products ran 1.5-3x faster than
the same products each spread over both cores. So while any walk runs, `one_thread()` asks
numpy's OpenBLAS for one thread per call, and the last walk to finish gives the old number
back. The setting is the process's: a product elsewhere during a walk runs on one core.

When numpy uses some other BLAS, or its OpenBLAS does not export the setter, nothing changes.
"""

from __future__ import annotations

import ctypes
import threading
from contextlib import contextmanager
from functools import cache

# what numpy's wheels (scipy-openblas, 64-bit ints) and a plain OpenBLAS call the functions
_NAMES = [("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
          ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
          ("openblas_get_num_threads", "openblas_set_num_threads")]

_lock = threading.Lock()
_users = 0
_before = 0


@cache
def _openblas():
    """(get, set) of the OpenBLAS loaded into this process, or None."""
    import numpy  # noqa: F401 - loads its BLAS

    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    except OSError:
        return None
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for get, put in _NAMES:
            if hasattr(lib, get) and hasattr(lib, put):
                getter, setter = getattr(lib, get), getattr(lib, put)
                getter.restype = ctypes.c_int
                setter.argtypes = [ctypes.c_int]
                return getter, setter
    return None


@contextmanager
def one_thread():
    """OpenBLAS on one thread per call inside; nested and concurrent uses share it."""
    global _users, _before
    blas = _openblas()
    if blas is None:
        yield
        return
    with _lock:
        if _users == 0:
            _before = blas[0]()
            blas[1](1)
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                blas[1](_before)
