"""Ties between actors: familiarity, the week's contact, and which ties are strong.

All tie state is held in NumPy arrays and updated in bulk once a week; no Python
loop runs over ties. Ties can only form within a district (``model.areas``), so the
familiarity "matrix" is block-diagonal: one block per district, its pairs numbered
block after block ("positions"). Only the positions in use (non-zero or ever in
contact) hold a value, in one contiguous array. For a single neighbourhood there is
one block, and ``ties.familiarity`` gives it as an ordinary actor-by-actor array (a
writable view, which then holds the familiarity).

Submodels register *contact* during the week (``touch`` for pairs, ``meet`` for
every pair in a group); ``update`` then lets familiarity grow where there was
contact and decay where there was none.

Equations (docs/ODD.md, 7.16 "Familiarity and the network"):

    F <- F * (1 - decay)                    where no contact this week
    F <- F + gain * min(C, 1) * (1 - F)     where contact C > 0

Disagreement, the second o, is in ``model.disagreement``; how familiarity,
disagreement and the other o's combine into a link is in ``model.links``.
"""

from __future__ import annotations

from typing import NamedTuple, cast

import numpy as np

from .disagreement import FixedDisagreement
from .groups import flatten
from .jit import kernel
from .state import Side

BROKER, FORMAL, INFORMAL = Side.BROKER, Side.FORMAL, Side.INFORMAL


def _nonzero_off_diagonal(
    blocks: list[np.ndarray], offsets: np.ndarray, sizes: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Flat positions (sorted) and values of the blocks' non-zero pairs off the diagonal.

    What ``np.flatnonzero`` of the blocks laid end to end, diagonals set to 0, gives,
    without laying them end to end (at 500 areas the layout is 19 million positions).
    """
    live, values = [], []
    for block, offset, size in zip(blocks, offsets, sizes, strict=True):
        flat = np.asarray(block, dtype=float).ravel()
        at = np.flatnonzero(flat)
        at = at[at % (size + 1) != 0]  # the diagonal: k (size + 1)
        live.append(offset + at)
        values.append(flat[at])
    return np.concatenate([*live, np.zeros(0, np.int64)]), np.concatenate([*values, np.zeros(0)])


@kernel
def add_contact(contact, row, local, i, j, weight):  # fmt: skip
    """Add contact ``weight[k]`` to pair (``i[k]``, ``j[k]``) in both orders (``Ties.touch``).

    Every (i, j) position in the pairs' order, then every (j, i): a position touched
    more than once adds up in that order. Returns the positions touched.
    """
    m = len(i)
    positions = np.empty(2 * m, np.int64)
    for k in range(m):
        positions[k] = row[i[k]] + local[j[k]]
        contact[positions[k]] += weight[k]
    for k in range(m):
        positions[m + k] = row[j[k]] + local[i[k]]
        contact[positions[m + k]] += weight[k]
    return positions


@kernel
def meet_group(group, district, local, offsets, sizes, contact, weight):  # fmt: skip
    """Add contact ``weight`` once at every position of ``group`` (``Ties.meet``, compiled).

    The positions of ``Ties.group_positions([group])``: every ordered pair of the
    (distinct) actors and each with itself, row by row, in the district of the first.
    Returns them, for ``Ties.touched``.
    """
    d = district[group[0]]
    m = len(group)
    positions = np.empty(m * m, np.int64)
    for a in range(m):
        row = offsets[d] + local[group[a]] * sizes[d]
        for b in range(m):
            positions[a * m + b] = row + local[group[b]]
            contact[positions[a * m + b]] += weight
    return positions


class FixedPairs:
    """Familiarity of a fixed set of pairs, addressed once (``Ties.fixed_pairs``).

    The gauges read the formal-informal pairs and the week's view the padded area
    tables every week: at city scale 80,000 pairs each, of which about nine in ten
    were never in contact. Their flat positions are found once, and their slots
    once per renumbering of the slots (``Ties._generation``). Slots added since the
    last read (``Ties.update`` numbers them after the others, ``_take_slots``, so
    they are the slots from the last read's count on) are looked up among the pairs' sorted
    positions, instead of reading every pair's slot again from the whole layout
    (at 500 areas 800,000 random reads, a week). A read is then one gather from the
    values in use. It gives what ``Ties.get`` gives.
    """

    def __init__(self, ties: Ties, i: np.ndarray, j: np.ndarray) -> None:
        """Address the pairs (i, j) of ``ties`` (broadcasting as for ``Ties.get``)."""
        i, j = np.broadcast_arrays(np.asarray(i), np.asarray(j))
        same = ties.district[i] == ties.district[j]
        self._across = None if same.all() else ~same  # pairs across districts read 0
        self.positions = np.where(same, ties._row[i] + ties.local[j], 0)
        flat = self.positions.ravel()
        self._order = np.argsort(flat, kind="stable")
        self._sorted = flat[self._order]
        self._ties = ties
        self._slots = np.zeros(self.positions.shape, np.intp)
        self._key = (-1, -1)

    def familiarity(self) -> np.ndarray:
        """The pairs' current familiarity (a new array, shaped as the pairs)."""
        ties = self._ties
        if ties._dense is not None:
            out = ties._dense[self.positions]
        else:
            generation, n = self._key
            if generation != ties._generation:
                self._slots = ties._slot[self.positions].astype(np.intp)
            elif n != ties._n:
                _slots_added(
                    self._slots.reshape(-1), self._order, self._sorted, ties._live, n, ties._n
                )
            self._key = (ties._generation, ties._n)
            out = ties._values[self._slots]
        if self._across is not None:
            out[self._across] = 0.0
        return out


@kernel
def _slots_added(slots, order, ordered, live, start, end):  # fmt: skip
    """Give the pairs at the positions of slots ``start`` to ``end`` those slots.

    ``ordered`` are the pairs' positions sorted (``order`` their pairs); a position
    may be several pairs'. What reading every pair's slot again gives.
    """
    for s in range(start, end):
        position = live[s]
        k = np.searchsorted(ordered, position)
        while k < len(ordered) and ordered[k] == position:
            slots[order[k]] = s
            k += 1


@kernel
def _take_slots(touched, slot, live, slot_category, category, n):  # fmt: skip
    """Give the ``touched`` positions not in use a slot each (``Ties._add_live``).

    The new positions get slots ``n``, ``n + 1``, ... in the order of their position
    (each once). Returns the slots now used and, if the arrays have no room for them,
    the new positions instead (for ``_add_live``, which grows the arrays).
    """
    new = np.sort(touched[slot[touched] == 0])
    k = 0
    for q in range(len(new)):
        if q == 0 or new[q] != new[q - 1]:
            new[k] = new[q]
            k += 1
    if n + k > len(live):
        return n, new[:k]
    for q in range(k):
        live[n + q] = new[q]
        slot_category[n + q] = category[new[q]]
        slot[new[q]] = n + q
    return n + k, new[:0]


class Lookup(NamedTuple):
    """The arrays ``Ties.get`` reads (``Ties.lookup``), for ``familiarity_of``."""

    district: np.ndarray
    row: np.ndarray
    local: np.ndarray
    slot: np.ndarray
    values: np.ndarray
    dense: bool


@kernel
def familiarity_of(lookup, i, j):  # fmt: skip
    """Familiarity of actors ``i`` and ``j`` (``Ties.get`` of one pair, compiled)."""
    if lookup.district[i] != lookup.district[j]:
        return 0.0
    position = lookup.row[i] + lookup.local[j]
    return lookup.values[position] if lookup.dense else lookup.values[lookup.slot[position]]


@kernel
def ei_index_of(values, category, strong):  # fmt: skip
    """E-I index of the ties in use (``Ties.ei_index``), compiled."""
    external = internal = 0
    for k in range(len(values)):
        if values[k] >= strong:
            external += category[k] == 2
            internal += category[k] == 1
    total = external + internal
    return (external - internal) / total if total else np.nan


class Ties:
    """Block-diagonal tie state: one familiarity block per district.

    Positions: every block's pairs, block after block (row-major), are numbered
    one after the other (``index``). Familiarity is stored compactly: only the
    positions in use (non-zero or ever in contact, about 9 % at city scale) have a
    value, in one contiguous array in the order they came into use, so the weekly
    update and the gauges stream through a small array instead of gathering from the
    whole block layout. ``flat`` gives the whole layout as a (read-only) copy.

    Attributes:
        formal, informal, broker: Actor indices of each side (all districts).
        formal_informal: The formal, then the informal actors (the gauges' members).
        cross_disagreement: Disagreement of the formal-informal pairs (``cross_i``,
            ``cross_j``), called with the actor table.
        district: District of every actor.
        contact_flat: Contact weight registered during the current week, by position.

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
        self._row = self._base + self.local * self._size  # position (i, j) = _row[i] + local[j]
        self._n_positions = int((sizes**2).sum())
        self.contact_flat = np.zeros(self._n_positions)  # untouched pages stay unallocated
        self._diag = np.concatenate(
            [o + np.arange(s) * (s + 1) for o, s in zip(offsets, sizes, strict=True)]
        )
        self.formal = np.flatnonzero(side == FORMAL)
        self.informal = np.flatnonzero(side == INFORMAL)
        self.broker = np.flatnonzero(side == BROKER)
        self.formal_informal = np.concatenate([self.formal, self.informal])
        self.cross_i, self.cross_j = cross_pairs
        self.cross_disagreement = FixedDisagreement(self.cross_i, self.cross_j)
        self._category = self._pair_categories()
        self._all_members = np.concatenate(self.members).astype(np.int64)
        self._member_start = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self._is_diag = np.zeros(self._n_positions, bool)
        self._is_diag[self._diag] = True
        self._touched: list[np.ndarray] = []
        # plain-int copies for one pair at a time (routing)
        self._row_list = self._row.tolist()
        self._local_list = self.local.tolist()
        self._district_list = self.district.tolist()
        self._dense: np.ndarray | None = None  # handed out as a writable view
        self._contact_out = False
        self._groups_met: list[tuple[FixedGroups, float]] = []
        self._group_of = np.zeros(self._n_positions, np.int8)  # FixedGroups' number, 0 none
        self._n_groups = 0
        self._generation = 0  # counts renumberings of the slots (_set_live)
        self._grouped_kept: tuple[list, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = (
            [],
            (np.zeros(0, np.int64), np.zeros(0), *flatten([])),
        )
        self._use(*_nonzero_off_diagonal(blocks, offsets, sizes))
        self._cross = self.fixed_pairs(self.cross_i, self.cross_j)

    def _pair_categories(self) -> np.ndarray:
        """Category of every flat position (upper triangle: the pair's sides).

        0 lower triangle or diagonal, 1 within one side, 2 across the sides, 3 a pair
        with an intermediary.
        """
        cat = np.zeros(self._n_positions, np.int8)
        for m, off in zip(self.members, self._offsets, strict=True):
            li, lj = np.triu_indices(len(m), 1)
            si, sj = self.side[m[li]], self.side[m[lj]]
            cat[off + li * len(m) + lj] = np.where(
                (si == BROKER) | (sj == BROKER), 3, np.where(si == sj, 1, 2)
            )
        return cat

    def _set_live(self, dense: np.ndarray) -> None:
        """Store the non-zero positions of the whole layout ``dense`` compactly.

        ``_live[k]`` is the position of slot ``k + 1`` and ``_values[k + 1]`` its
        familiarity; slot 0 holds 0.0 for every position not in use (``_slot`` maps a
        position to its slot). The arrays have room to grow; ``_n`` slots are used.
        """
        live = np.flatnonzero(dense)
        self._use(live, dense[live])

    def _use(self, live: np.ndarray, values: np.ndarray) -> None:
        """Store the familiarity ``values`` of the sorted flat positions ``live`` (``_set_live``)."""
        self._n = len(live) + 1
        room = 2 * self._n
        self._live = np.zeros(room, np.int64)
        self._live[1 : self._n] = live
        self._values = np.zeros(room)
        self._values[1 : self._n] = values
        self._slot = np.zeros(self._n_positions, np.int32 if room < 2**31 else np.int64)
        self._slot[live] = np.arange(1, self._n)
        self._slot_category = np.zeros(room, np.int8)  # _category of each slot's position
        self._slot_category[1 : self._n] = self._category[live]
        self._generation += 1

    def _add_live(self, new: np.ndarray) -> None:
        """Give the positions ``new`` (distinct, not in use, familiarity 0) a slot."""
        end = self._n + len(new)
        if end > len(self._values):
            room = 2 * end
            self._live = np.concatenate([self._live, np.zeros(room - len(self._live), np.int64)])
            self._values = np.concatenate([self._values, np.zeros(room - len(self._values))])
            grown = np.zeros(room - len(self._slot_category), np.int8)
            self._slot_category = np.concatenate([self._slot_category, grown])
        self._live[self._n : end] = new
        self._slot_category[self._n : end] = self._category[new]
        self._slot[new] = np.arange(self._n, end)
        self._n = end

    def _take_view(self) -> None:
        """A writable view is out: take its values as they are (the caller may write)."""
        if self._dense is not None:
            self._set_live(self._dense)

    def _at(self, idx: np.ndarray | int) -> np.ndarray:
        """Familiarity at positions ``idx``."""
        if self._dense is not None:
            return self._dense[idx]
        return self._values[self._slot[idx]]

    @property
    def flat(self) -> np.ndarray:
        """All blocks' familiarity, block after block (row-major): a read-only copy."""
        if self._dense is not None:
            out = self._dense.copy()
        else:
            out = np.zeros(self._n_positions)
            out[self._live[1 : self._n]] = self._values[1 : self._n]
        out.flags.writeable = False
        return out

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
        return self._row[i] + self.local[j]

    def fixed_pairs(self, i: np.ndarray, j: np.ndarray) -> FixedPairs:
        """The pairs (i, j), addressed once, for reading every week (``FixedPairs``)."""
        return FixedPairs(self, i, j)

    def lookup(self) -> Lookup:
        """What ``get`` reads, for compiled kernels (``familiarity_of``); valid until ``update``."""
        if self._dense is not None:
            return Lookup(self.district, self._row, self.local, self._slot, self._dense, True)
        return Lookup(self.district, self._row, self.local, self._slot, self._values, False)

    def get(self, i: np.ndarray | int, j: np.ndarray | int) -> np.ndarray:
        """Familiarity of pairs (i, j), zero across districts (broadcasts)."""
        if type(i) is int and type(j) is int:  # one pair: plain integer arithmetic
            if self._district_list[i] != self._district_list[j]:
                return cast(np.ndarray, np.float64(0.0))  # a scalar, as _at gives for one
            return self._at(self._row_list[i] + self._local_list[j])
        district = self.district
        same = district[i] == district[j]
        if same.all():
            return self._at(self._row[i] + self.local[j])
        return np.where(same, self._at(np.where(same, self.index(i, j), 0)), 0.0)

    def block(self, d: int, which: str = "familiarity") -> np.ndarray:
        """District ``d``'s block as a square array (familiarity or contact).

        Contact is a writable view; familiarity a read-only copy, or the writable
        view once ``familiarity`` has handed one out.
        """
        if which == "familiarity":
            arr = self._dense if self._dense is not None else self.flat
        else:
            arr = self.contact_flat
        o, s = self._offsets[d], self._sizes[d]
        return arr[o : o + s * s].reshape(s, s)

    @property
    def familiarity(self) -> np.ndarray:
        """The actor-by-actor familiarity array (a writable view; one district only).

        From then on that array holds the familiarity (reads and the weekly update
        use it), so that writes to it count wherever they happen.
        """
        self._single("familiarity")
        if self._dense is None:
            dense = self.flat.copy()
            self._dense = dense
        return self.block(0)

    @property
    def contact(self) -> np.ndarray:
        """Contact registered this week, actor by actor (a writable view; one district only)."""
        self._single("contact")
        self._contact_out = True
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
    def touch(
        self, i: np.ndarray | int, j: np.ndarray | int, weight: float | np.ndarray = 1.0
    ) -> None:
        """Register contact between actors ``i`` and ``j`` (pairs of equal shape).

        ``weight`` is one weight for all pairs or one per pair; a position touched more
        than once adds up in the order given.
        """
        i, j, w = np.broadcast_arrays(np.asarray(i), np.asarray(j), np.asarray(weight, float))
        self.touched(
            add_contact(self.contact_flat, self._row, self.local, i.ravel(), j.ravel(), w.ravel())
        )

    def touched(self, positions: np.ndarray) -> None:
        """Note contact already added at flat ``positions`` (by a kernel, as ``touch`` adds it)."""
        if len(positions):
            self._touched.append(positions)

    def meet(self, group: np.ndarray, weight: float = 1.0) -> None:
        """Register contact between every pair of actors in ``group`` (distinct, one district).

        The positions of ``group_positions([group])``, each given ``weight`` once
        (``meet_group``, which meetings also call from their kernels).
        """
        if len(group) > 1:
            group = np.asarray(group, np.int64)
            self.touched(
                meet_group(group, self.district, self.local, self._offsets, self._sizes,
                           self.contact_flat, weight)
            )  # fmt: skip

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

    def meet_groups(self, groups: FixedGroups, weight: float) -> None:
        """Register contact ``weight`` for every pair of ``groups``, as ``meet_at`` would.

        The contact is kept until ``update``, which grows these pairs in one pass once
        they are all in use (their slots are then known); before that, and for a
        weight of 0, it is registered by ``meet_at``.
        """
        self._groups_met.append((groups, weight))

    def _group_slots(self, groups: FixedGroups) -> np.ndarray | None:
        """The slots of ``groups``' pairs (without the diagonal), or None if not all in use."""
        if groups.generation != self._generation:
            slots = self._slot[groups.off]
            if len(slots) and not slots.all():
                return None
            groups.slots, groups.generation = slots, self._generation
        return groups.slots

    def update(self, gain: float, decay: float) -> None:
        """Grow familiarity where there was contact, decay it elsewhere; reset contact.

        Only positions that are non-zero or had contact are computed (the rest are
        zero and stay zero), so the cost follows the ties that exist, not all pairs.
        """
        self._take_view()
        grouped = []  # fixed groups grown in one pass: (slots, contact)
        for groups, weight in self._groups_met:
            slots = None if self._contact_out or not weight > 0 else self._group_slots(groups)
            if slots is None:
                self.meet_at(groups.positions, weight)
            else:
                grouped.append((groups, weight, slots))
        self._groups_met = []
        if self._contact_out:  # someone had a writable view: take the contact as it is
            self._touched.append(np.flatnonzero(self.contact_flat))
            self._contact_out = False
        touched = np.concatenate([*self._touched, np.zeros(0, np.int64)])
        self._n, new = _take_slots(
            touched, self._slot, self._live, self._slot_category, self._category, self._n
        )
        if len(new):  # no room left: grow the arrays
            self._add_live(new)
        _grow(
            self._values, self._n, self._slot, self.contact_flat, touched, self._is_diag,
            self._group_of, *self._grouped_args(grouped), gain, decay,
        )  # fmt: skip
        self._touched = []
        if self._dense is not None:
            self._dense[self._live[1 : self._n]] = self._values[1 : self._n]

    def _grouped_args(
        self, grouped: list[tuple[FixedGroups, float, np.ndarray]]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``_grow``'s arguments for the groups met: numbers, weights, ``flatten(slots)``.

        Kept while the groups, their weights and their slot arrays are the same.
        """
        kept = self._grouped_kept
        if len(kept[0]) != len(grouped) or any(
            a[0] is not b[0] or a[1] != b[1] or a[2] is not b[2]
            for a, b in zip(kept[0], grouped, strict=True)
        ):
            numbers = np.array([g.number for g, _, _ in grouped], np.int64)
            weights = np.array([w for _, w, _ in grouped], float)
            kept = self._grouped_kept = (
                grouped,
                (numbers, weights, *flatten([s for _, _, s in grouped])),
            )
        return kept[1]

    # --- measures ------------------------------------------------------------------------
    def cross_familiarity(self) -> np.ndarray:
        """Familiarity of every formal-informal pair (``cross_i``, ``cross_j``)."""
        return self._cross.familiarity()

    def cross_mean(self) -> float:
        """Mean familiarity over the formal-informal pairs (nan if there are none)."""
        if not len(self.cross_i):
            return float("nan")
        return float(self._cross.familiarity().mean())

    def ei_index(self, strong: float = 0.5) -> float:
        """Krackhardt's E-I index of strong ties between formal and informal actors.

        Ties with familiarity >= ``strong`` count; intermediaries are left out.
        E counts strong ties across the sides, I within them; the index is
        (E - I) / (E + I): -1 all ties within one's side, +1 all across.
        """
        return ei_index_of(*self.live(), strong)

    def live(self) -> tuple[np.ndarray, np.ndarray]:
        """The familiarity of the positions in use and their pairs' categories (views).

        Category 1 is a pair within one side, 2 across the sides (see ``_pair_categories``).
        """
        self._take_view()
        return self._values[1 : self._n], self._slot_category[1 : self._n]

    def strong_positions(self, strong: float) -> np.ndarray:
        """Sorted flat positions of the pairs (i < j) with familiarity >= ``strong``."""
        self._take_view()
        n = self._n
        live = self._live[1:n]
        return np.sort(live[(self._values[1:n] >= strong) & (self._slot_category[1:n] > 0)])

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
        return rows, cols, self._at(idx)

    def cross_strong(self, strong: float) -> np.ndarray:
        """Boolean per formal-informal pair (``cross_i``, ``cross_j``): knows well."""
        return self._cross.familiarity() >= strong


@kernel
def _grow(
    values, n, slot, contact, touched, is_diag, group_of, numbers, weights, group_slots,
    group_at, gain, decay,
):  # fmt: skip
    """``Ties.update`` from the week's contact: grow, decay, reset the contact.

    A pair of a fixed group that was touched as well adds the group's weight to its
    contact (once per pair). Then every position in use decays, the groups' pairs grow
    as with contact = their weight, and the touched positions grow with their contact
    (last: a pair touched as well); familiarity is read before the decay.
    """
    for g in range(len(numbers)):
        pairs = np.sort(touched[group_of[touched] == numbers[g]])
        for k in range(len(pairs)):
            if k == 0 or pairs[k] != pairs[k - 1]:
                contact[pairs[k]] += weights[g]
    hits, grown = np.empty(len(touched), np.int64), np.empty(len(touched))
    h = 0
    for position in touched:
        c = min(contact[position], 1.0)
        if c > 0 and not is_diag[position]:
            hits[h], grown[h] = slot[position], c
            h += 1
    before = values[hits[:h]]
    before_groups = values[group_slots]
    kept = 1.0 - decay
    for k in range(1, n):
        values[k] *= kept
    for g in range(len(numbers)):
        step = gain * min(weights[g], 1.0)
        for k in range(group_at[g], group_at[g + 1]):
            f = before_groups[k]
            values[group_slots[k]] = f + step * (1.0 - f)
    for k in range(h):
        f = before[k]
        values[hits[k]] = f + gain * grown[k] * (1.0 - f)
    for position in touched:
        contact[position] = 0.0


class FixedGroups:
    """The pairs of groups that meet every week (teams, organisations), found once.

    ``positions`` are ``Ties.group_positions(groups)`` (both orders of each pair and
    each actor with itself); ``off`` the same without the diagonal, sorted.
    Each is numbered in its ``Ties`` (``number``), which marks their pairs.
    ``Ties.meet_groups`` registers their weekly contact; ``Ties.update`` then grows
    all these pairs in one pass over their slots instead of through the contact
    layout (at city scale 57,000 positions a week).
    """

    def __init__(self, ties: Ties, groups: list[np.ndarray]) -> None:
        """Find the groups' positions in ``ties`` and mark them there.

        Raises:
            ValueError: If a pair also belongs to an earlier ``FixedGroups`` of ``ties``,
                or ``ties`` has 127 already.

        """
        self.positions = ties.group_positions(groups)
        self.off = np.unique(self.positions[~ties._is_diag[self.positions]])
        if ties._group_of[self.off].any() or ties._n_groups >= 127:
            raise ValueError("fixed groups: at most 127 per ties, sharing no pairs")
        ties._n_groups += 1
        self.number = ties._n_groups
        ties._group_of[self.off] = self.number
        self.slots = np.zeros(0, np.int64)  # valid while generation matches the ties'
        self.generation = -1
