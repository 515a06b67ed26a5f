"""Ties between actors: familiarity, disagreement, and the strength of a link.

All tie state is held in dense actor-by-actor NumPy arrays and updated in bulk once
a week; no Python loop runs over ties. Submodels register *contact* during the week
(``touch`` for one pair, ``meet`` for every pair in a group); ``update`` then lets
familiarity grow where there was contact and decay where there was none.

Equations (docs/ODD.md, III.iv.14 "Familiarity", III.iv.15 "Link strength"):

    F <- F * (1 - decay)                    where no contact this week
    F <- F + gain * min(C, 1) * (1 - F)     where contact C > 0
    D_ij = (|k_i - k_j| + |r_i - r_j|) / 2  knowledge and role logics
    L_ij = F_ij (1 - D_ij) (1 - 0.5 U_ij) R_ij A_i S_ij

with U_ij the pair's mean goal uncertainty, R_ij = sqrt(regard_i regard_j), A_i the
professional's availability (caseload) and S_ij the cultural fit for migrant
organisations.
"""

from __future__ import annotations

import numpy as np

from ..agents.base import BROKER, FORMAL, INFORMAL


def disagreement(actors: dict, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Disagreement D of actors ``i`` and ``j`` from their two logics.

    The index arrays broadcast like NumPy indices: equal shapes give one value per
    pair, ``(m, 1)`` against ``(1, n)`` a full table.
    """
    k, r = actors["knowledge"], actors["role_view"]
    return 0.5 * (np.abs(k[i] - k[j]) + np.abs(r[i] - r[j]))


class Ties:
    """Dense tie state for ``n`` actors.

    Attributes:
        familiarity: ``(n, n)`` symmetric array in [0, 1], zero diagonal.
        contact: ``(n, n)`` contact weight registered during the current week.

    """

    def __init__(self, side: np.ndarray, familiarity: np.ndarray) -> None:
        """Create the tie state.

        Args:
            side: Side code of every actor (formal, informal, intermediary).
            familiarity: Initial familiarity matrix (copied).

        """
        self.side = side
        self.familiarity = np.array(familiarity, dtype=float)
        np.fill_diagonal(self.familiarity, 0.0)
        self.contact = np.zeros_like(self.familiarity)
        self.formal = np.flatnonzero(side == FORMAL)
        self.informal = np.flatnonzero(side == INFORMAL)
        self.broker = np.flatnonzero(side == BROKER)
        cross = np.zeros(self.familiarity.shape, bool)
        cross[np.ix_(self.formal, self.informal)] = True
        self.cross = cross | cross.T
        members = np.concatenate([self.formal, self.informal])
        upper = np.triu(np.ones((len(members), len(members)), bool), 1)
        same = side[members][:, None] == side[members][None, :]
        self._ei_members = np.ix_(members, members)
        self._ei_within = upper & same
        self._ei_across = upper & ~same

    def touch(self, i: int, j: int, weight: float = 1.0) -> None:
        """Register a week of contact between actors ``i`` and ``j``."""
        self.contact[i, j] += weight
        self.contact[j, i] += weight

    def meet(self, group: np.ndarray, weight: float = 1.0) -> None:
        """Register contact between every pair of actors in ``group``."""
        if len(group) > 1:
            self.contact[np.ix_(group, group)] += weight

    def update(self, gain: float, decay: float) -> None:
        """Grow familiarity where there was contact, decay it elsewhere; reset contact."""
        c = np.minimum(self.contact, 1.0)
        np.fill_diagonal(c, 0.0)
        f = self.familiarity
        f *= np.where(c > 0, 1.0, 1.0 - decay)
        f += gain * c * (1.0 - f)
        self.contact.fill(0.0)

    def cross_mean(self, matrix: np.ndarray) -> float:
        """Mean of ``matrix`` over formal-informal pairs (nan if there are none)."""
        if not len(self.formal) or not len(self.informal):
            return float("nan")
        return float(matrix[np.ix_(self.formal, self.informal)].mean())

    def ei_index(self, strong: float = 0.5) -> float:
        """Krackhardt's E-I index of strong ties between formal and informal actors.

        Ties with familiarity >= ``strong`` count; intermediaries are left out.
        E counts strong ties across the sides, I within them; the index is
        (E - I) / (E + I): -1 all ties within one's side, +1 all across.
        """
        strong_ties = self.familiarity[self._ei_members] >= strong
        external = int(np.count_nonzero(strong_ties & self._ei_across))
        internal = int(np.count_nonzero(strong_ties & self._ei_within))
        total = external + internal
        return (external - internal) / total if total else float("nan")
