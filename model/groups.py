"""Groups of actors as one array with offsets, the form compiled kernels read."""

from __future__ import annotations

import numpy as np


def flatten(groups: list[np.ndarray] | dict[int, np.ndarray], n: int | None = None):
    """``groups`` as (members, offsets): group ``g`` is ``members[at[g]:at[g + 1]]``.

    A dictionary's keys are group numbers below ``n``; missing ones are empty.
    """
    if isinstance(groups, dict):
        groups = [groups.get(g, np.zeros(0, np.int64)) for g in range(n or 0)]
    sizes = [len(g) for g in groups]
    at = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    members = np.concatenate([*groups, np.zeros(0, np.int64)]).astype(np.int64)
    return members, at
