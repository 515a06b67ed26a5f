"""Typed state: kinds, sides and modes as ``IntEnum``s, actors and households as tables.

The model keeps its state in column arrays so that every weekly mechanism runs in
bulk; these dataclasses give the columns names (a typo is an ``AttributeError``, not
a wrong result) and one place that says what each column means.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import IntEnum

import numpy as np

from .jit import kernel


@kernel
def felt_ingroup_of(ingroup, threat):  # fmt: skip
    """In-group identification as felt (``ActorTable.felt_ingroup``; numbers or arrays)."""
    return ingroup + threat * (1.0 - ingroup)


@kernel
def felt_regard_of(regard, threat, felt_ingroup):  # fmt: skip
    """Regard as felt (``ActorTable.felt_regard``; numbers or arrays)."""
    return regard * (1.0 - threat * felt_ingroup)


class Kind(IntEnum):
    """The four kinds of actors (households are not actors, see ``HouseholdTable``)."""

    PROFESSIONAL = 0
    VOLUNTEER = 1
    COORDINATOR = 2
    ORGANISATION = 3


class Side(IntEnum):
    """Which world an actor belongs to."""

    FORMAL = 0
    INFORMAL = 1
    BROKER = 2


class Mode(IntEnum):
    """How a case was supported (docs/ODD.md, "Case modes")."""

    FORMAL_ONLY = 0
    INFORMAL_ONLY = 1
    COEXISTENCE = 2
    INTERMEDIATED = 3
    COPRODUCTION = 4

    @property
    def key(self) -> str:
        """Lower-case name used in output columns (``share_<key>``)."""
        return self.name.lower()


SIDE_NAMES = {Side.FORMAL: "formal", Side.INFORMAL: "informal", Side.BROKER: "intermediary"}


@dataclass
class ActorTable:
    """One row per actor (professionals, volunteers, coordinators, organisations).

    Attributes:
        kind: ``Kind`` code.
        side: ``Side`` code.
        knowledge: Knowledge logic, 0 experiential to 1 formalised.
        role_view: How much informal parties should carry, 0 navigator to 1 much.
        ingroup: In-group identification (0-1).
        regard: Regard for the other side (0-1); low is out-group devaluation.
        recognition: Recognition and tolerance of differing logics (0-1), raised by
            safe reflection; it softens disagreement without changing the logics.
        threat: Identity threat felt now (0-1); it follows the pressure on the
            actor's role and raises identification and lowers regard as felt.
        uncertainty: Perceived goal uncertainty (0-1).
        capacity: Cases the actor can carry (or link) at once.
        load: Cases the actor works on (or links) now.
        community: Community-work orientation (professionals; 1 for others).
        cultural_sensitivity: Towards migrant households and organisations (0-1).
        cultural_base: Cultural sensitivity before any training.
        migrant: Migrant self-organisation or volunteer with a migrant background.
        formalisation: Training and formalisation (0-1).
        continuity: Weekly chance that the actor's informal help carries on.
        affiliation: Coordinator whose organisation a volunteer belongs to, or -1.
        hybrid: Hybrid worker (casework plus communitywork).
        good: Positive cross-side contact tallied this week.
        bad: Negative cross-side contact tallied this week.
        pushed: Instrumentalisation events (cases pushed onto the actor) this week.

    """

    kind: np.ndarray
    side: np.ndarray
    knowledge: np.ndarray
    role_view: np.ndarray
    ingroup: np.ndarray
    regard: np.ndarray
    recognition: np.ndarray
    threat: np.ndarray
    uncertainty: np.ndarray
    capacity: np.ndarray
    load: np.ndarray
    community: np.ndarray
    cultural_sensitivity: np.ndarray
    cultural_base: np.ndarray
    migrant: np.ndarray
    formalisation: np.ndarray
    continuity: np.ndarray
    affiliation: np.ndarray
    hybrid: np.ndarray
    good: np.ndarray
    bad: np.ndarray
    pushed: np.ndarray

    @property
    def felt_ingroup(self) -> np.ndarray:
        """In-group identification as felt now: ingroup + threat (1 - ingroup)."""
        return felt_ingroup_of(self.ingroup, self.threat)

    @property
    def felt_regard(self) -> np.ndarray:
        """Regard as felt now: regard (1 - threat x felt identification)."""
        return felt_regard_of(self.regard, self.threat, self.felt_ingroup)

    def __len__(self) -> int:
        return len(self.kind)

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        """Names of all columns, in declaration order."""
        return tuple(f.name for f in fields(cls))

    def of_side(self, side: Side) -> np.ndarray:
        """Indices of the actors of one side."""
        return np.flatnonzero(self.side == side)


@dataclass
class HouseholdTable:
    """One row per household (arrays only: households are not Mesa agents).

    Attributes:
        area: Wijkteam area the household lives in.
        migrant: Migrant background.
        trust_pro: Trust in professionals versus the own circle (0-1).
        trust_base: Trust before cultural-sensitivity training narrowed the gap.
        vulnerability: Relative chance of getting a need.
        contact: Informal actor the household knows, or -1.
        circle: Has an own circle (family, neighbours) that helps with a need.
        severity: Severity of the current need (0 when there is none).
        needy: Has an unresolved need.
        new: The need arose this week.
        case: Open case of the household, or -1.
        need_start: Week the current need arose.
        unmet: Severity-weeks of need so far (cumulative, all needs).
        needs: Needs that arose so far.
        resolved: Needs solved so far.
        served: The current need has had help (a case was opened for it).
        wait: Weeks from need to first help, summed over the needs that got help.
        helped: Needs that got help (a case was opened for them).

    """

    area: np.ndarray
    migrant: np.ndarray
    trust_pro: np.ndarray
    trust_base: np.ndarray
    vulnerability: np.ndarray
    contact: np.ndarray
    circle: np.ndarray
    severity: np.ndarray
    needy: np.ndarray
    new: np.ndarray
    case: np.ndarray
    need_start: np.ndarray
    unmet: np.ndarray
    needs: np.ndarray
    resolved: np.ndarray
    served: np.ndarray
    wait: np.ndarray
    helped: np.ndarray

    def __len__(self) -> int:
        return len(self.severity)
