"""The case book: every support case as one row of column arrays.

A case is one household's need being worked on. It records who is involved now
(professional, informal actor, coordinator) and, as flags, what ever happened on it:
a professional involved (``formal``), an informal actor involved (``informal``), a
professional and an informal actor in direct contact (``direct``), or their work
linked through a coordinator (``linked``). From those flags every case has exactly
one *mode* (docs/ODD.md, "Case modes"). The flags are history and never switch off;
``together`` is the current state: the professional and informal actor now on the
case are in direct contact (cleared when either leaves).

Modes:

    formal only      formal and not informal
    informal only    informal and not formal
    co-production    formal and informal and direct
    intermediated    formal and informal and linked, not direct
    co-existence     formal and informal, neither direct nor linked
"""

from __future__ import annotations

import numpy as np

FORMAL_ONLY, INFORMAL_ONLY, COEXISTENCE, INTERMEDIATED, COPRODUCTION = range(5)
MODE_NAMES = ("formal_only", "informal_only", "coexistence", "intermediated",
              "coproduction")
NONE = -1

_INT_FIELDS = ("household", "pro", "inf", "coord", "start", "end", "retry")
_BOOL_FIELDS = ("active", "formal", "informal", "direct", "linked", "silent",
                "escalated", "together")


def classify(formal: np.ndarray, informal: np.ndarray, direct: np.ndarray,
             linked: np.ndarray) -> np.ndarray:
    """Mode code of each case from its flags (exactly one mode per case)."""
    both = formal & informal
    joint = np.where(direct, COPRODUCTION, np.where(linked, INTERMEDIATED, COEXISTENCE))
    return np.where(both, joint, np.where(formal, FORMAL_ONLY, INFORMAL_ONLY))


class CaseBook:
    """Growable column store of cases; rows are never removed (closed cases stay)."""

    def __init__(self, capacity: int = 1024) -> None:
        """Allocate room for ``capacity`` cases."""
        self.n = 0
        self._cap = capacity
        self.cols: dict[str, np.ndarray] = {}
        for f in _INT_FIELDS:
            self.cols[f] = np.full(capacity, NONE, dtype=np.int64)
        for f in _BOOL_FIELDS:
            self.cols[f] = np.zeros(capacity, dtype=bool)

    def __getattr__(self, name: str) -> np.ndarray:
        cols = self.__dict__.get("cols")
        if cols is not None and name in cols:
            return cols[name][: self.n]
        raise AttributeError(name)

    def open(self, household: int, week: int, silent: bool) -> int:
        """Open a new case for ``household`` and return its id."""
        if self.n == self._cap:
            self._cap *= 2
            for f, arr in self.cols.items():
                grown = np.full(self._cap, NONE if arr.dtype != bool else False,
                                dtype=arr.dtype)
                grown[: self.n] = arr[: self.n]
                self.cols[f] = grown
        cid = self.n
        self.n += 1
        c = self.cols
        c["household"][cid] = household
        c["start"][cid] = week
        c["active"][cid] = True
        c["silent"][cid] = silent
        return cid

    def active_ids(self) -> np.ndarray:
        """Ids of the cases that are still open."""
        return np.flatnonzero(self.cols["active"][: self.n])

    def modes(self, ids: np.ndarray | None = None) -> np.ndarray:
        """Mode code of the given cases (all cases if ``ids`` is None)."""
        sel = slice(0, self.n) if ids is None else ids
        c = self.cols
        return classify(c["formal"][sel], c["informal"][sel], c["direct"][sel],
                        c["linked"][sel])

    def load(self, column: str, n_actors: int) -> np.ndarray:
        """Number of active cases per actor in ``column`` (pro, inf or coord)."""
        ids = self.active_ids()
        who = self.cols[column][ids]
        who = who[who >= 0]
        return np.bincount(who, minlength=n_actors)
