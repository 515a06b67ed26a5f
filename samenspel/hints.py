"""The one "did you mean" helper used by every error message."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(name: object, known: Iterable[object]) -> str | None:
    """The known name closest to ``name`` (difflib, cutoff 0.6), or None."""
    close = difflib.get_close_matches(str(name), [str(k) for k in known], n=1)
    return close[0] if close else None


def did_you_mean(name: object, known: Iterable[object], before: str = "", after: str = "") -> str:
    """``"did you mean 'x'?"`` for the closest known name, wrapped in ``before``/``after``.

    Returns an empty string when nothing is close, so a message reads well either way:
    ``f"unknown key 'nmae'{did_you_mean('nmae', KEYS, before='; ')}"``.
    """
    match = closest(name, known)
    return f"{before}did you mean '{match}'?{after}" if match is not None else ""
