"""Where the compiled kernels are kept, and whether this version's are all there.

Apart from ``model.jit`` so that a command can ask before importing numba (about
0.3-0.7 s): ``samenspel compare`` starts its fork server only after this check.
The cache lives in a folder named after a digest of the model's sources
(``~/.cache/samenspel/numba/<digest>``, or under ``$XDG_CACHE_HOME``, or
``$SAMENSPEL_CACHE``): numba checks only the changed file's own date, so a kernel
that calls a kernel of another, changed module would otherwise load its old code.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cached() -> bool:
    """Whether this version's kernels have all been compiled on this machine (``mark_cached``).

    A marker, not the cache's files: numba makes folders in the cache as soon as a
    kernel is declared, and a single kernel compiled by a test leaves the others to do.
    """
    return (Path(CACHE_DIR) / COMPLETE).exists()


def mark_cached() -> None:
    """Note that every kernel of a week is in the cache (``model.preload`` ran them all)."""
    try:
        Path(CACHE_DIR).mkdir(parents=True, exist_ok=True)
        (Path(CACHE_DIR) / COMPLETE).touch()
    except OSError:  # a cache that cannot be written: numba keeps nothing there either
        pass


COMPLETE = "complete"  # the marker's file name in the cache folder


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
