"""Ties between actors: familiarity, disagreement, and the strength of a link.

All tie state is held in NumPy arrays and updated in bulk once a week; no Python
loop runs over ties. Ties can only form within a district (``model.areas``), so the
familiarity "matrix" is block-diagonal: one dense block per district, stored one
after the other in a flat array. For a single neighbourhood there is one block, and
``ties.familiarity`` is that block as an ordinary actor-by-actor array (a view).

Submodels register *contact* during the week (``touch`` for pairs, ``meet`` for
every pair in a group); ``update`` then lets familiarity grow where there was
contact and decay where there was none.

Equations (docs/ODD.md, III.iv.14 "Familiarity", III.iv.15 "Link strength"):

    F <- F * (1 - decay)                    where no contact this week
    F <- F + gain * min(C, 1) * (1 - F)     where contact C > 0
    D_ij = (|k_i - k_j| + |r_i - r_j|) / 2  knowledge and role logics

How familiarity, disagreement and the other o's combine into a link is in
``model.links``.
"""

from __future__ import annotations

import numpy as np

from .state import ActorTable, Side

BROKER, FORMAL, INFORMAL = Side.BROKER, Side.FORMAL, Side.INFORMAL


def disagreement(actors: ActorTable, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Disagreement D of actors ``i`` and ``j`` from their two logics.

    The index arrays broadcast like NumPy indices: equal shapes give one value per
    pair, ``(m, 1)`` against ``(1, n)`` a full table.
    """
    k, r = actors.knowledge, actors.role_view
    return 0.5 * (np.abs(k[i] - k[j]) + np.abs(r[i] - r[j]))


class Ties:
    """Block-diagonal tie state: one dense familiarity block per district.

    Attributes:
        formal, informal, broker: Actor indices of each side (all districts).
        district: District of every actor.
        flat: All blocks' familiarity values, block after block (row-major).
        contact_flat: Contact weight registered during the current week, same layout.

    """

    def __init__(
        self,
        side: np.ndarray,
        district: np.ndarray,
        blocks: list[np.ndarray],
        cross_pairs: tuple[np.ndarray, np.ndarray],
    ) -> None:
        """Create the tie state.

        Args:
            side: Side code of every actor (formal, informal, intermediary).
            district: District of every actor.
            blocks: Initial familiarity block of each district, over its actors in
                ascending index order (copied).
            cross_pairs: Formal-informal pairs that can work together (a
                professional and an informal actor active in its area), as two index
                arrays ordered by professional, then informal actor; the gauges
                average over these.

        """
        self.side = side
        self.district = np.asarray(district)
        n = len(side)
        self.members = [np.flatnonzero(self.district == d) for d in range(len(blocks))]
        self.local = np.zeros(n, dtype=np.int64)
        sizes = np.array([len(m) for m in self.members], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes**2)[:-1]]).astype(np.int64)
        for m in self.members:
            self.local[m] = np.arange(len(m))
        self._size = sizes[self.district]
        self._base = offsets[self.district]
        self._offsets, self._sizes = offsets, sizes
        self.flat = np.concatenate([np.asarray(b, dtype=float).ravel() for b in blocks])
        self.contact_flat = np.zeros_like(self.flat)
        self._diag = np.concatenate(
            [o + np.arange(s) * (s + 1) for o, s in zip(offsets, sizes, strict=True)]
        )
        self.flat[self._diag] = 0.0
        self.formal = np.flatnonzero(side == FORMAL)
        self.informal = np.flatnonzero(side == INFORMAL)
        self.broker = np.flatnonzero(side == BROKER)
        self.cross_i, self.cross_j = cross_pairs
        self._cross_idx = self.index(self.cross_i, self.cross_j)
        self._category = self._pair_categories()
        self._all_members = np.concatenate(self.members).astype(np.int64)
        self._member_start = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self._is_diag = np.zeros(len(self.flat), bool)
        self._is_diag[self._diag] = True
        self._touched: list[np.ndarray] = []
        # plain-int copies for one pair at a time (routing): position = row + local
        self._row_list = (self._base + self.local * self._size).tolist()
        self._local_list = self.local.tolist()
        self._district_list = self.district.tolist()
        self._touched_pairs: list[int] = []
        self._refresh_live()

    def _pair_categories(self) -> np.ndarray:
        """Category of every flat position (upper triangle: the pair's sides).

        0 lower triangle or diagonal, 1 within one side, 2 across the sides, 3 a pair
        with an intermediary.
        """
        cat = np.zeros(len(self.flat), np.int8)
        for m, off in zip(self.members, self._offsets, strict=True):
            li, lj = np.triu_indices(len(m), 1)
            si, sj = self.side[m[li]], self.side[m[lj]]
            cat[off + li * len(m) + lj] = np.where(
                (si == BROKER) | (sj == BROKER), 3, np.where(si == sj, 1, 2)
            )
        return cat

    def _refresh_live(self) -> None:
        """Recompute the set of positions that may be non-zero (after direct writes)."""
        self._live = np.flatnonzero(self.flat)
        self._unsorted = 0
        self._is_live = np.zeros(len(self.flat), bool)
        self._is_live[self._live] = True
        self._views_out = False

    @classmethod
    def single(cls, side: np.ndarray, familiarity: np.ndarray) -> Ties:
        """Tie state of one district (one neighbourhood) from a square matrix."""
        formal = np.flatnonzero(side == FORMAL)
        informal = np.flatnonzero(side == INFORMAL)
        pairs = (np.repeat(formal, len(informal)), np.tile(informal, len(formal)))
        return cls(side, np.zeros(len(side), np.int64), [familiarity], pairs)

    # --- addressing --------------------------------------------------------------------
    def index(self, i: np.ndarray | int, j: np.ndarray | int) -> np.ndarray:
        """Flat position of pair (i, j); both must be in one district (broadcasts)."""
        i, j = np.asarray(i), np.asarray(j)
        return self._base[i] + self.local[i] * self._size[i] + self.local[j]

    def get(self, i: np.ndarray | int, j: np.ndarray | int) -> np.ndarray:
        """Familiarity of pairs (i, j), zero across districts (broadcasts)."""
        if type(i) is int and type(j) is int:  # one pair: plain integer arithmetic
            if self._district_list[i] != self._district_list[j]:
                return np.float64(0.0)
            return self.flat[self._row_list[i] + self._local_list[j]]
        i, j = np.asarray(i), np.asarray(j)
        same = self.district[i] == self.district[j]
        if np.all(same):
            return self.flat[self.index(i, j)]
        return np.where(same, self.flat[np.where(same, self.index(i, j), 0)], 0.0)

    def block(self, d: int, which: str = "familiarity") -> np.ndarray:
        """District ``d``'s block as a square array view (familiarity or contact)."""
        arr = self.flat if which == "familiarity" else self.contact_flat
        o, s = self._offsets[d], self._sizes[d]
        return arr[o : o + s * s].reshape(s, s)

    @property
    def familiarity(self) -> np.ndarray:
        """The actor-by-actor familiarity array (a writable view; one district only)."""
        self._single("familiarity")
        self._views_out = True  # the caller may write: recompute the live set
        return self.block(0)

    @property
    def contact(self) -> np.ndarray:
        """Contact registered this week, actor by actor (a writable view; one district only)."""
        self._single("contact")
        self._views_out = True
        return self.block(0, "contact")

    @property
    def cross(self) -> np.ndarray:
        """Boolean actor-by-actor mask of the formal-informal pairs (one district only)."""
        self._single("cross")
        mask = np.zeros((len(self.side),) * 2, bool)
        mask[self.cross_i, self.cross_j] = True
        return mask | mask.T

    def _single(self, what: str) -> None:
        if len(self.members) != 1:
            raise AttributeError(
                f"ties.{what} as one array exists only for a single "
                "district; use ties.get(i, j) or ties.block(d)"
            )

    # --- contact and update ------------------------------------------------------------
    def touch(self, i: np.ndarray | int, j: np.ndarray | int, weight: float = 1.0) -> None:
        """Register contact between actors ``i`` and ``j`` (pairs of equal shape)."""
        if type(i) is int and type(j) is int:  # one pair: plain integer arithmetic
            ij = self._row_list[i] + self._local_list[j]
            ji = self._row_list[j] + self._local_list[i]
            self.contact_flat[ij] += weight
            self.contact_flat[ji] += weight
            self._touched_pairs += (ij, ji)
            return
        ij, ji = np.atleast_1d(self.index(i, j)), np.atleast_1d(self.index(j, i))
        np.add.at(self.contact_flat, ij, weight)
        np.add.at(self.contact_flat, ji, weight)
        self._touched += [ij, ji]

    def meet(self, group: np.ndarray, weight: float = 1.0) -> None:
        """Register contact between every pair of actors in ``group`` (one district)."""
        if len(group) > 1:
            self.meet_at(self.group_positions([group]), weight)

    def group_positions(self, groups: list[np.ndarray]) -> np.ndarray:
        """Flat positions of every pair of every group of two or more actors.

        Both orders of each pair and each actor with itself, group after group; the
        groups must not share actors. Fixed groups (teams, organisations) compute
        this once and register their weekly contact with ``meet_at``.

        Raises:
            ValueError: If two groups share an actor.

        """
        groups = [g for g in groups if len(g) > 1]
        if not groups:
            return np.zeros(0, np.int64)
        everyone = np.concatenate([np.unique(g) for g in groups])
        if len(np.unique(everyone)) < len(everyone):
            raise ValueError("groups that share actors meet one at a time (Ties.meet)")
        parts = []
        for group in groups:
            d = int(self.district[group[0]])
            loc = self.local[group]
            parts.append((self._offsets[d] + loc[:, None] * self._sizes[d] + loc).ravel())
        return np.concatenate(parts)

    def meet_at(self, positions: np.ndarray, weight: float = 1.0) -> None:
        """Register contact ``weight`` once at each of the flat ``positions``."""
        self.contact_flat[positions] += weight
        self._touched.append(positions)

    def update(self, gain: float, decay: float) -> None:
        """Grow familiarity where there was contact, decay it elsewhere; reset contact.

        Only positions that are non-zero or had contact are computed (the rest are
        zero and stay zero), so the cost follows the ties that exist, not all pairs.
        """
        if self._views_out:  # someone had a writable view: take the arrays as they are
            self._refresh_live()
            self._touched.append(np.flatnonzero(self.contact_flat))
        touched = np.concatenate([*self._touched, np.array(self._touched_pairs, np.int64)])
        new = touched[~self._is_live[touched]]
        if len(new):
            new = np.unique(new)
            self._is_live[new] = True
            self._live = np.concatenate([self._live, new])
            self._unsorted += len(new)
            if self._unsorted > 0.1 * len(self._live):  # keep gathers mostly sequential
                self._live.sort()
                self._unsorted = 0
        # the positions with contact grow; every other live position decays
        c = np.minimum(self.contact_flat[touched], 1.0)
        hit = (c > 0) & ~self._is_diag[touched]
        at, c = touched[hit], c[hit]
        f = self.flat[at]
        self.flat[self._live] *= 1.0 - decay
        self.flat[at] = f + gain * c * (1.0 - f)
        self.contact_flat[touched] = 0.0
        self._touched, self._touched_pairs = [], []

    # --- measures ------------------------------------------------------------------------
    def cross_mean(self) -> float:
        """Mean familiarity over the formal-informal pairs (nan if there are none)."""
        if not len(self._cross_idx):
            return float("nan")
        return float(self.flat[self._cross_idx].mean())

    def ei_index(self, strong: float = 0.5) -> float:
        """Krackhardt's E-I index of strong ties between formal and informal actors.

        Ties with familiarity >= ``strong`` count; intermediaries are left out.
        E counts strong ties across the sides, I within them; the index is
        (E - I) / (E + I): -1 all ties within one's side, +1 all across.
        """
        if self._views_out:
            self._refresh_live()
        live = self._live
        cat = self._category[live[self.flat[live] >= strong]]
        external = int(np.count_nonzero(cat == 2))
        internal = int(np.count_nonzero(cat == 1))
        total = external + internal
        return (external - internal) / total if total else float("nan")

    def strong_positions(self, strong: float) -> np.ndarray:
        """Sorted flat positions of the pairs (i < j) with familiarity >= ``strong``."""
        if self._views_out:
            self._refresh_live()
        live = self._live
        return np.sort(live[(self.flat[live] >= strong) & (self._category[live] > 0)])

    def pairs_at(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Actor pairs (row, column) of flat positions ``idx``."""
        d = np.searchsorted(self._offsets, idx, side="right") - 1
        pos = idx - self._offsets[d]
        size = self._sizes[d]
        start = self._member_start[d]
        return (self._all_members[start + pos // size], self._all_members[start + pos % size])

    def strong_pairs(self, strong: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pairs (i < j within a district) with familiarity >= ``strong``, and values."""
        idx = self.strong_positions(strong)
        rows, cols = self.pairs_at(idx)
        return rows, cols, self.flat[idx]

    def cross_strong(self, strong: float) -> np.ndarray:
        """Boolean per formal-informal pair (``cross_i``, ``cross_j``): knows well."""
        return self.flat[self._cross_idx] >= strong
