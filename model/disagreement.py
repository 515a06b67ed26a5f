"""Disagreement between actors: the distance of their logics, and how a pair feels it.

Each actor has two logics, a knowledge logic and a view of roles (``ActorTable``'s
``knowledge`` and ``role_view``, in [0, 1]); two actors disagree as far as their logics
lie apart. Recognition of the other side's logic (training, a shared case) softens
what a pair feels of it.

Equations (docs/ODD.md, 7.2 "The week view", E7 and E8):

    D_ij = (|k_i - k_j| + |r_i - r_j|) / 2        knowledge and role logics (E8)
    D_ij (1 - (rho_i + rho_j) / 2)                 as the pair feels it (in E7)

How disagreement combines with familiarity and the other o's into a link is in
``model.links``.
"""

from __future__ import annotations

import numpy as np

from .jit import kernel
from .state import ActorTable


def disagreement(actors: ActorTable, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Disagreement D of actors ``i`` and ``j`` from their two logics.

    The index arrays broadcast like NumPy indices: equal shapes give one value per
    pair, ``(m, 1)`` against ``(1, n)`` a full table.
    """
    i, j = np.broadcast_arrays(np.asarray(i), np.asarray(j))
    d = _disagreements(i.ravel(), j.ravel(), actors.knowledge, actors.role_view)
    return d.reshape(i.shape)


@kernel
def _disagreements(i, j, knowledge, role_view):  # fmt: skip
    out = np.empty(len(i))
    for k in range(len(i)):
        out[k] = logic_distance(i[k], j[k], knowledge, role_view)
    return out


@kernel
def logic_distance(i, j, knowledge, role_view):  # fmt: skip
    """D of one pair: (|k_i - k_j| + |r_i - r_j|) / 2 (``disagreement``, compiled)."""
    return 0.5 * (abs(knowledge[i] - knowledge[j]) + abs(role_view[i] - role_view[j]))


class FixedDisagreement:
    """``disagreement`` of a fixed set of pairs, recomputed only when a logic changes.

    The logics (knowledge and role view) do not move during a run (docs/ODD.md), and
    the gauges and the week's view read the same pairs every week, so their
    disagreement is computed once, and again only when a logic differs from the copy
    kept with it (a test or a user may set one). The result is read-only.

    Args:
        i, j: The pairs' index arrays (broadcasting as for ``disagreement``).

    """

    def __init__(self, i: np.ndarray, j: np.ndarray) -> None:
        """Keep the pairs; nothing is computed until the first call."""
        self.i, self.j = i, j
        self._logics: tuple[np.ndarray, np.ndarray] | None = None
        self._value = np.zeros(0)

    def __call__(self, actors: ActorTable) -> np.ndarray:
        """The pairs' disagreement under the actors' current logics."""
        k, r = actors.knowledge, actors.role_view
        kept = self._logics
        if kept is None or kept[0].shape != k.shape or not _equal(kept[0], k, kept[1], r):
            self._value = disagreement(actors, self.i, self.j)
            self._value.flags.writeable = False
            self._logics = (k.copy(), r.copy())
        return self._value


@kernel
def felt_disagreement(logic, recognition_i, recognition_j):  # fmt: skip
    """Disagreement D as a pair feels it: D (1 - their mean recognition of other logics)."""
    return logic * (1.0 - 0.5 * (recognition_i + recognition_j))


@kernel
def _equal(a, b, c, d):  # fmt: skip
    """Whether ``a == b`` and ``c == d`` everywhere (arrays of one shape)."""
    for k in range(len(a)):
        if a[k] != b[k] or c[k] != d[k]:
            return False
    return True
