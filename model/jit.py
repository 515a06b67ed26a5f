"""Compiled kernels: the one way the model compiles a weekly mechanism with numba.

A phase of the week that is many small array operations (a few microseconds of
interpreter and NumPy call overhead each, on arrays of a hundred to a thousand
elements) is written once, as a loop over households, cases or actors, and compiled.
Every kernel is compiled with the same options:

- ``cache=True``: the machine code is kept on disk, so only the first run on a machine
  pays for compiling (see benchmarks/README.md for what each costs). The cache
  lives in a folder named after a digest of the model's sources
  (``~/.cache/samenspel/numba/<digest>``, or under ``$XDG_CACHE_HOME``, or
  ``$SAMENSPEL_CACHE``): numba checks only the changed file's own date, so a kernel
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

import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

import numba
from numba.core import config


def cached() -> bool:
    """Whether this version's kernels have been compiled on this machine before."""
    folder = Path(CACHE_DIR)
    return folder.is_dir() and any(folder.iterdir())


def cache_dir() -> Path:
    """Where compiled kernels are kept: one folder per version of the model's sources."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + source.read_bytes())
    base = os.environ.get("SAMENSPEL_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "samenspel"
    )
    return Path(base) / "numba" / digest.hexdigest()[:16]


CACHE_DIR = str(cache_dir())


def levers(cls: Any, params: Mapping[str, Any]) -> Any:
    """``cls`` (a ``NamedTuple`` whose fields are parameter names) filled from ``params``.

    The levers a kernel reads, passed as one argument with named fields.
    """
    return cls(*(params[name] for name in cls._fields))


def kernel[F: Callable[..., Any]](func: F) -> F:
    """Compile ``func`` as a model kernel (the options in the module docstring)."""
    kept = getattr(config, "CACHE_DIR", "")  # fixed at decoration: ours, for ours only
    setattr(config, "CACHE_DIR", CACHE_DIR)  # noqa: B010 (not a declared attribute)
    try:
        return cast(F, numba.njit(cache=True, error_model="numpy", nogil=True)(func))
    finally:
        setattr(config, "CACHE_DIR", kept)  # noqa: B010
