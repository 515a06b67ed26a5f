"""Compiled kernels: the one way the model compiles a weekly mechanism with numba.

A phase of the week that is many small array operations (a few microseconds of
interpreter and NumPy call overhead each, on arrays of a hundred to a thousand
elements) is written once, as a loop over households, cases or actors, and compiled.
Every kernel is compiled with the same options:

- ``cache=True``: the machine code is kept on disk, so only the first run on a machine
  pays for compiling (see benchmarks/README.md for what each costs). The cache
  lives in a folder named after a digest of the model's sources
  (``model.kernel_cache``): numba checks only the changed file's own date, so a kernel
  that calls a kernel of another, changed module would otherwise load its old code;
- ``error_model="numpy"``: division follows NumPy (inf or nan, no exception), as the
  array code it replaces did;
- no ``fastmath``: every operation is the IEEE operation NumPy does, in the written
  order, so a kernel gives the same bits as the array code it replaced (checked by
  ``benchmarks/check_identical.py`` and the golden tests). Transcendental functions
  (``exp`` in the logistic ramps) differ from NumPy's own in the last bit, so ramps
  are computed in NumPy and handed in; draws from a ``numpy.random.Generator`` are
  NumPy's own, in the same order.

``NUMBA_DISABLE_JIT=1`` runs the kernels as plain Python (slow; for a debugger).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

import numba
import numpy as np
from numba.core import config

from .kernel_cache import CACHE_DIR


def levers(cls: Any, params: Mapping[str, Any]) -> Any:
    """``cls`` (a ``NamedTuple`` whose fields are parameter names) filled from ``params``.

    The levers a kernel reads, passed as one argument with named fields. The last
    value per ``cls`` is kept while ``params`` is the same dictionary: the model's
    parameters are never changed in place (a lever change makes a new dictionary,
    ``Neighbourhood.change_levers``).
    """
    kept = _KEPT.get(cls)
    if kept is not None and kept[0] is params:
        return kept[1]
    value = cls(*(params[name] for name in cls._fields))
    _KEPT[cls] = (params, value)
    return value


def per_params[T](derive: Callable[[Any], T], params: Mapping[str, Any]) -> T:
    """``derive(params)``, kept as ``levers`` keeps its value: while ``params`` is the same.

    For what the week's mechanisms derive from the levers alone (a weighting, the
    expected role): computed once per parameter dictionary, not every week.
    """
    kept = _KEPT.get(derive)
    if kept is not None and kept[0] is params:
        return kept[1]
    value = derive(params)
    _KEPT[derive] = (params, value)
    return value


_KEPT: dict[Any, tuple[Mapping[str, Any], Any]] = {}  # last value per cls or function


def kernel[F: Callable[..., Any]](func: F) -> F:
    """Compile ``func`` as a model kernel (the options in the module docstring)."""
    kept = getattr(config, "CACHE_DIR", "")  # fixed at decoration: ours, for ours only
    setattr(config, "CACHE_DIR", CACHE_DIR)  # noqa: B010 (not a declared attribute)
    try:
        return cast(F, numba.njit(cache=True, error_model="numpy", nogil=True)(func))
    finally:
        setattr(config, "CACHE_DIR", kept)  # noqa: B010


@kernel
def pairwise_sum(x, lo, n):  # fmt: skip
    """Sum of ``x[lo:lo + n]`` as NumPy's ``add.reduce`` sums a float array, to the bit.

    NumPy adds pairwise: a block of up to 128 values in ``_block_sum``; a longer run
    as the sum of its two halves (the first a multiple of 8 long), each summed the
    same way. The halving is walked with a stack, not recursion (numba's cache does
    not load recursive functions safely).
    """
    if n <= 128:
        return _block_sum(x, lo, n)
    starts, lengths = np.empty(128, np.int64), np.empty(128, np.int64)
    sums = np.empty(64)  # the sums of finished halves, innermost last
    starts[0], lengths[0] = lo, n
    top, done = 1, 0
    while top:
        top -= 1
        start, length = starts[top], lengths[top]
        if length < 0:  # both halves are done: add them
            done -= 1
            sums[done - 1] = sums[done - 1] + sums[done]
        elif length <= 128:
            sums[done] = _block_sum(x, start, length)
            done += 1
        else:
            half = length // 2
            half -= half % 8
            starts[top], lengths[top] = 0, -1  # then add the two halves
            starts[top + 1], lengths[top + 1] = start + half, length - half
            starts[top + 2], lengths[top + 2] = start, half  # the first half first
            top += 3
    return sums[0]


@kernel
def _block_sum(x, lo, n):  # fmt: skip
    """NumPy's sum of at most 128 values (``pairwise_sum``'s blocks).

    Fewer than 8 values in order from 0.0; otherwise eight running sums, combined as
    ((0+1)+(2+3))+((4+5)+(6+7)), then the rest in order.
    """
    if n < 8:
        total = 0.0
        for k in range(lo, lo + n):
            total += x[k]
        return total
    r0, r1, r2, r3 = x[lo], x[lo + 1], x[lo + 2], x[lo + 3]
    r4, r5, r6, r7 = x[lo + 4], x[lo + 5], x[lo + 6], x[lo + 7]
    k = lo + 8
    while k < lo + n - n % 8:
        r0, r1, r2, r3 = r0 + x[k], r1 + x[k + 1], r2 + x[k + 2], r3 + x[k + 3]
        r4, r5, r6, r7 = r4 + x[k + 4], r5 + x[k + 5], r6 + x[k + 6], r7 + x[k + 7]
        k += 8
    total = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while k < lo + n:
        total += x[k]
        k += 1
    return total


@kernel
def mean(x):  # fmt: skip
    """``float(x.mean())`` of a float array to the bit (nan when empty), compiled."""
    n = len(x)
    return pairwise_sum(x, 0, n) / n if n else np.nan
