"""Compiled kernels: the one way the model compiles a weekly mechanism with numba.

A phase of the week that is many small array operations (a few microseconds of
interpreter and NumPy call overhead each, on arrays of a hundred to a thousand
elements) is written once, as a loop over households, cases or actors, and compiled.
Every kernel is compiled with the same options:

- ``cache=True``: the machine code is kept beside the module (``__pycache__``, or
  numba's user cache when that is not writable), so only the first run on a machine
  pays for compiling; later processes load it (see benchmarks/README.md for what
  each costs);
- ``error_model="numpy"``: division follows NumPy (inf or nan, no exception), as the
  array code it replaces did;
- no ``fastmath``: every operation is the IEEE operation NumPy does, in the written
  order, so a kernel gives the same bits as the array code it replaced (checked by
  ``benchmarks/check_identical.py`` and the golden tests). Transcendental functions
  (``exp`` in the logistic ramps) differ from NumPy's own in the last bit, so ramps
  are computed in NumPy and handed in; draws from a ``numpy.random.Generator`` passed
  in are NumPy's own, in the same order.

``NUMBA_DISABLE_JIT=1`` runs the kernels as plain Python (slow; for a debugger).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numba


def kernel[F: Callable[..., Any]](func: F) -> F:
    """Compile ``func`` as a model kernel (the options in the module docstring)."""
    return numba.njit(cache=True, error_model="numpy", nogil=True)(func)  # type: ignore[no-any-return]


def inline[F: Callable[..., Any]](func: F) -> F:
    """Compile ``func`` as a kernel that other kernels inline where they call it.

    For the small helpers that take a whole state tuple (``routing.Routes``): a call
    that is not inlined passes the tuple's fields one by one, each array with its
    reference count, which costs more than the helper's own work.
    """
    return numba.njit(cache=True, error_model="numpy", nogil=True, inline="always")(func)  # type: ignore[no-any-return]
