"""The case book: every support case as one row of typed column arrays.

A case is one household's need being worked on. It records who is involved now and,
as flags, what ever happened on it: a professional involved (``formal``), an
informal actor involved (``informal``), a professional and an informal actor in
direct contact (``direct``), or their work linked through a coordinator (``linked``).
From those flags every case has exactly one *mode* (docs/ODD.md, "Case modes"). The
flags are history and never switch off; ``together`` is the current state: the lead
professional and lead informal actor are in direct contact now.

A case can draw on several sources of help (the Breda quickscan counts about four
per client): a lead professional and possibly a second one, a lead informal actor and
possibly a second one (the household's own contact helping alongside), the
household's own circle, and specialist care after a late escalation. The counts of
sources ever involved are kept per case.

Modes:

    formal only      formal and not informal
    informal only    informal and not formal
    co-production    formal and informal and direct
    intermediated    formal and informal and linked, not direct
    co-existence     formal and informal, neither direct nor linked
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import IntEnum

import numpy as np

from .jit import kernel
from .state import Mode

NONE = -1
FORMAL_ONLY, INFORMAL_ONLY, COEXISTENCE, INTERMEDIATED, COPRODUCTION = (int(m) for m in Mode)
N_MODES = len(Mode)


class Role(IntEnum):
    """A helper's place on a case."""

    PRO = 0
    PRO2 = 1
    INF = 2
    INF2 = 3
    COORD = 4


PRO, PRO2, INF, INF2, COORD = (int(r) for r in Role)  # plain ints, as kernels read them
N_ROLES = len(Role)


@kernel
def open_row(cid, household, week, silent, circle, c_household, start, active, c_silent,
             informal_sources):  # fmt: skip
    """Fill row ``cid`` of the case book as a new case (``CaseBook.open``, compiled)."""
    c_household[cid] = household
    start[cid] = week
    active[cid] = True
    c_silent[cid] = silent
    informal_sources[cid] = circle  # the household's own circle is a source


def classify(
    formal: np.ndarray, informal: np.ndarray, direct: np.ndarray, linked: np.ndarray
) -> np.ndarray:
    """Mode code of each case from its flags (exactly one mode per case)."""
    flags = np.broadcast_arrays(*(np.asarray(f, bool) for f in (formal, informal, direct, linked)))
    out = _modes(*(f.ravel() for f in flags))
    return out.reshape(flags[0].shape)


@kernel
def _modes(formal, informal, direct, linked):  # fmt: skip
    out = np.empty(len(formal), np.int64)
    for k in range(len(formal)):
        out[k] = mode_of(formal[k], informal[k], direct[k], linked[k])
    return out


@kernel
def mode_of(formal, informal, direct, linked):  # fmt: skip
    """The mode of one case from its flags (module docstring)."""
    if formal and informal:
        if direct:
            return COPRODUCTION
        return INTERMEDIATED if linked else COEXISTENCE
    return FORMAL_ONLY if formal else INFORMAL_ONLY


@kernel
def count_modes(ids, formal, informal, direct, linked):  # fmt: skip
    """How many of the cases ``ids`` are in each mode (indexed by ``Mode``)."""
    counts = np.zeros(N_MODES, np.int64)
    for cid in ids:
        counts[mode_of(formal[cid], informal[cid], direct[cid], linked[cid])] += 1
    return counts


@dataclass
class CaseColumns:
    """Full-capacity column arrays of the case book (rows beyond ``n`` are unused).

    Attributes:
        household: The household the case is for.
        helper: Actor in each ``Role`` (shape capacity x 5), or -1.
        start, end: Week opened and closed (-1 while open).
        retry: Week from which a dismissed referral may be tried again.
        pro_seen, inf_seen: Last professional and informal actor that were in direct
            contact on the case (for the reward when it ends well).
        formal_sources, informal_sources: Sources of help ever involved per side.
        active, formal, informal, direct, linked, silent, escalated, together: Flags.

    """

    household: np.ndarray
    helper: np.ndarray
    start: np.ndarray
    end: np.ndarray
    retry: np.ndarray
    pro_seen: np.ndarray
    inf_seen: np.ndarray
    formal_sources: np.ndarray
    informal_sources: np.ndarray
    active: np.ndarray
    formal: np.ndarray
    informal: np.ndarray
    direct: np.ndarray
    linked: np.ndarray
    silent: np.ndarray
    escalated: np.ndarray
    together: np.ndarray

    @classmethod
    def empty(cls, capacity: int) -> CaseColumns:
        """Columns for ``capacity`` cases, all unset."""

        def ints(*shape: int) -> np.ndarray:
            return np.full(shape, NONE, dtype=np.int64)

        flags = {
            f.name: np.zeros(capacity, bool)
            for f in fields(cls)
            if f.name
            in (
                "active",
                "formal",
                "informal",
                "direct",
                "linked",
                "silent",
                "escalated",
                "together",
            )
        }
        return cls(
            household=ints(capacity),
            helper=ints(capacity, len(Role)),
            start=ints(capacity),
            end=ints(capacity),
            retry=ints(capacity),
            pro_seen=ints(capacity),
            inf_seen=ints(capacity),
            formal_sources=np.zeros(capacity, np.int64),
            informal_sources=np.zeros(capacity, np.int64),
            **flags,
        )

    def grown(self, capacity: int, n: int) -> CaseColumns:
        """A copy with room for ``capacity`` cases holding the first ``n`` rows."""
        new = CaseColumns.empty(capacity)
        for f in fields(self):
            getattr(new, f.name)[:n] = getattr(self, f.name)[:n]
        return new


class CaseBook:
    """Growable store of cases; rows are never removed (closed cases stay).

    Attributes:
        n: Number of cases opened so far.
        c: The columns (full capacity; index with case ids below ``n``).

    """

    def __init__(self, capacity: int = 1024) -> None:
        """Allocate room for ``capacity`` cases."""
        self.n = 0
        self.c = CaseColumns.empty(capacity)

    def open(self, household: int, week: int, silent: bool, circle: bool) -> int:
        """Open a new case for ``household`` and return its id."""
        self.reserve(1)
        self.n += 1
        c = self.c
        open_row(self.n - 1, household, week, silent, circle, c.household, c.start, c.active,
                 c.silent, c.informal_sources)  # fmt: skip
        return self.n - 1

    def reserve(self, cases: int) -> None:
        """Make room for ``cases`` more cases (doubling, as opening them one by one would)."""
        while self.n + cases > len(self.c.household):
            self.c = self.c.grown(2 * len(self.c.household), self.n)

    def active_ids(self) -> np.ndarray:
        """Ids of the cases that are still open."""
        return self.c.active[: self.n].nonzero()[0]

    def who(self, role: Role, ids: np.ndarray | int | slice | None = None) -> np.ndarray:
        """Actor in ``role`` on cases ``ids`` (all cases if None), -1 for none."""
        sel = slice(0, self.n) if ids is None else ids
        return self.c.helper[sel, role]

    def mode_counts(self, ids: np.ndarray) -> np.ndarray:
        """How many of the cases ``ids`` are in each mode (indexed by ``Mode``)."""
        c = self.c
        return count_modes(ids, c.formal, c.informal, c.direct, c.linked)

    def modes(self, ids: np.ndarray | None = None) -> np.ndarray:
        """Mode code of the given cases (all cases if ``ids`` is None)."""
        sel = slice(0, self.n) if ids is None else ids
        c = self.c
        return classify(c.formal[sel], c.informal[sel], c.direct[sel], c.linked[sel])

    def sources(self, ids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Formal and informal sources of help ever involved, per case."""
        sel = slice(0, self.n) if ids is None else ids
        return self.c.formal_sources[sel], self.c.informal_sources[sel]
