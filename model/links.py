"""The week's view: what this week's decisions need, computed in bulk once.

At the start of every week (docs/ODD.md, "Link strength") the model computes from
the state left by the previous week, for every actor and every area:

- ``distance``: us-them distance d_i = ingroup (1 - regard) (``model.identity``);
- ``wanted``: the role each actor acts on (``model.goals``);
- ``limit``: the severity up to which an informal actor carries a case itself,
  limit_base + limit_role w_j + limit_experience (1 - k_j) ("informele partijen ...
  willen ook hun grenzen kunnen aangeven"; more experiential knowledge keeps a case
  longer, the professionals' fear that it "te lang bij een vrijwilliger blijft");
- ``available``: a professional's time for contact, clip(slack - load/capacity, 0, 1)
  x (1 - community_time + community_time x community orientation) (1 for others);
- per area, the link strength L between each professional i and informal actor j:

    L_ij = F_ij (1 - bD D_ij (1 - rho_ij)) (1 - bU U_ij) (1 - bR d_ij) A_i S_ij

  with F familiarity (onbekendheid), D the pair's logic distance and rho their mean
  recognition of other logics (onenigheid: felt, not erased), U their mean goal
  uncertainty (onbestemdheid), d their mean us-them distance, A the professional's
  availability and S = 1 - cultural_barrier (1 - cs_i) for a migrant j (else 1).
  Each barrier removes at most its weight; at full familiarity with every o
  addressed, L is close to the professional's availability.

Decisions during the week read this view; they do not recompute it per case.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple, cast

import numpy as np

from .areas import Layout
from .disagreement import disagreement, felt_disagreement
from .goals import effective_clarity, expected_role, free_share, wanted_of
from .identity import distance_of
from .jit import kernel, levers, per_params
from .state import ActorTable, Side
from .ties import Ties


def free_time(actors: ActorTable, who: np.ndarray | None = None) -> np.ndarray:
    """Share of capacity still free (0 at or over capacity), of all actors or of ``who``."""
    if who is None:
        return _free_times(actors.load, actors.capacity)
    return _free_times(actors.load[who], actors.capacity[who])


@kernel
def _free_times(load, capacity):  # fmt: skip
    out = np.empty(len(load))
    for k in range(len(load)):
        out[k] = free_share(load[k], capacity[k])
    return out


def availability(actors: ActorTable, params: dict) -> np.ndarray:
    """Time for contact beyond casework (professionals; 1 for everyone else)."""
    lv = cast(ActorLevers, levers(ActorLevers, params))
    return _availabilities(actors.side, actors.load, actors.capacity, actors.community, lv)


@kernel
def _availabilities(side, load, capacity, community, lv):  # fmt: skip
    out = np.empty(len(side))
    for k in range(len(side)):
        out[k] = available_of(side[k], load[k], capacity[k], community[k], lv)
    return out


@kernel
def available_of(side, load, capacity, community, lv):  # fmt: skip
    """One actor's availability: clip(slack - load/capacity, 0, 1) x the community share."""
    if side != _FORMAL:
        return 1.0
    slack = 1.0
    if lv.mech_caseload:
        slack = lv.contact_slack - load / max(capacity, 1e-9)
        slack = 0.0 if slack < 0.0 else (1.0 if slack > 1.0 else slack)
    share = lv.community_time
    return slack * ((1.0 - share) + share * community)


class ActorLevers(NamedTuple):
    """The levers of the week's per-actor view (``actor_view``)."""

    mech_identity_gating: bool
    limit_base: float
    limit_role: float
    limit_experience: float
    mech_caseload: bool
    contact_slack: float
    community_time: float


def actor_view(actors: ActorTable, params: dict) -> tuple[np.ndarray, ...]:
    """Each actor's us-them distance, wanted role, limit and availability this week."""
    a = actors
    return _actor_view(
        a.side, a.ingroup, a.regard, a.threat, a.role_view, a.knowledge, a.load, a.capacity,
        a.community, per_params(effective_clarity, params), per_params(expected_role, params),
        cast(ActorLevers, levers(ActorLevers, params)),
    )  # fmt: skip


@kernel
def _actor_view(side, ingroup, regard, threat, role_view, knowledge, load, capacity, community,
                clarity, expected, lv):  # fmt: skip
    n = len(side)
    distance, wanted, limit, available = np.zeros(n), np.empty(n), np.empty(n), np.empty(n)
    for k in range(n):
        if lv.mech_identity_gating:
            distance[k] = distance_of(ingroup[k], regard[k], threat[k])
        wanted[k] = wanted_of(role_view[k], clarity, expected)
        limit[k] = (lv.limit_base + lv.limit_role * wanted[k]
                    + lv.limit_experience * (1.0 - knowledge[k]))  # fmt: skip
        available[k] = available_of(side[k], load[k], capacity[k], community[k], lv)
    return distance, wanted, limit, available


_FORMAL = int(Side.FORMAL)


class BarrierWeights(NamedTuple):
    """The barrier weights of L (module docstring), as compiled kernels take them."""

    barrier_disagreement: float
    barrier_goals: float
    barrier_us_them: float
    cultural_barrier: float


def barrier_weights(params: dict) -> BarrierWeights:
    """The barrier weights in ``params``."""
    return cast(BarrierWeights, levers(BarrierWeights, params))


def pair_barriers(
    actors: ActorTable,
    params: dict,
    distance: np.ndarray,
    available: np.ndarray,
    pros: np.ndarray,
    informal: np.ndarray,
    logic_distance: np.ndarray | None = None,
) -> np.ndarray:
    """L without familiarity for ``pros`` and ``informal`` (broadcasting).

    ``logic_distance``, if given, is their ``disagreement`` (computed before).
    """
    a = actors
    if logic_distance is None:
        logic_distance = disagreement(a, pros, informal)
    i, j, logic = pros, informal, logic_distance
    if not (np.ndim(i) == np.ndim(j) == np.ndim(logic) == 1 and len(i) == len(j) == len(logic)):
        i, j, logic = np.broadcast_arrays(pros, informal, logic_distance)
    out = _barriers(
        i.ravel(), j.ravel(), logic.ravel(), a.recognition, a.uncertainty, distance, available,
        a.cultural_sensitivity, a.migrant, barrier_weights(params),
    )  # fmt: skip
    return out.reshape(np.shape(i))


@kernel
def _barriers(
    pros, informal, logic, recognition, uncertainty, distance, available, sensitivity, migrant,
    weights,
):  # fmt: skip
    out = np.empty(len(pros))
    for k in range(len(pros)):
        out[k] = barrier(
            pros[k], informal[k], logic[k], recognition, uncertainty, distance, available,
            sensitivity, migrant, weights,
        )  # fmt: skip
    return out


@kernel
def _link_table(
    familiarity, logic, pros, informal, recognition, uncertainty, distance, available,
    sensitivity, migrant, weights,
):  # fmt: skip
    """L = F x barriers of every pair of the padded area tables (areas x pros x informal)."""
    out = np.zeros(familiarity.shape)
    for a in range(familiarity.shape[0]):
        for r in range(familiarity.shape[1]):
            for c in range(familiarity.shape[2]):
                f = familiarity[a, r, c]
                if f != 0.0:
                    out[a, r, c] = f * barrier(
                        pros[a, r], informal[a, c], logic[a, r, c], recognition, uncertainty,
                        distance, available, sensitivity, migrant, weights,
                    )  # fmt: skip
    return out


@kernel
def barrier(
    i, j, logic, recognition, uncertainty, distance, available, sensitivity, migrant, weights
):  # fmt: skip
    """L without familiarity of professional ``i`` and informal actor ``j`` (one pair).

    ``logic`` is their logic distance D; the other arguments are the actors' columns,
    the week's distance and availability and the ``BarrierWeights``.
    """
    felt = felt_disagreement(logic, recognition[i], recognition[j])
    u = 0.5 * (uncertainty[i] + uncertainty[j])
    d = 0.5 * (distance[i] + distance[j])
    fit = 1.0 - weights.cultural_barrier * (1.0 - sensitivity[i]) * migrant[j]
    return (
        (1.0 - weights.barrier_disagreement * felt)
        * (1.0 - weights.barrier_goals * u)
        * (1.0 - weights.barrier_us_them * d)
        * available[i]
        * fit
    )


@dataclass
class WeekView:
    """Per-actor and per-area quantities this week's decisions read.

    Attributes:
        distance: Us-them distance per actor.
        wanted: Role each actor acts on.
        limit: Severity up to which each actor carries a case itself (informal).
        available: Time for contact per actor (professionals; 1 for others).
        table: All areas' L in one padded array (areas x most professionals x most
            informal actors), for compiled kernels: familiarity times the barriers,
            what the other o's, identity and time leave of a link.
        sizes: Per area, its professionals and informal actors (``links``' shapes).

    """

    distance: np.ndarray
    wanted: np.ndarray
    limit: np.ndarray
    available: np.ndarray
    table: np.ndarray
    sizes: list[tuple[int, int]]
    actors: ActorTable
    ties: Ties
    params: dict

    @cached_property
    def links(self) -> list[np.ndarray]:
        """Per area, L (area professionals x area informal actors): views of ``table``."""
        return [self.table[a, :f, :i] for a, (f, i) in enumerate(self.sizes)]

    @classmethod
    def compute(cls, actors: ActorTable, ties: Ties, layout: Layout, params: dict) -> WeekView:
        """Compute the view from the current state."""
        p = params
        distance, wanted, limit, available = actor_view(actors, p)
        pros, informal = layout.padded  # all areas at once, then cut to size
        familiarity = layout.padded_pairs(ties).familiarity()
        # L = F x barriers: the barriers only matter where F > 0 (at city scale about
        # one pair in ten); elsewhere L is 0, as F x barriers (>= 0) would give
        l_all = _link_table(
            familiarity, layout.padded_disagreement(actors), pros, informal,
            actors.recognition, actors.uncertainty, distance, available,
            actors.cultural_sensitivity, actors.migrant, barrier_weights(p),
        )  # fmt: skip
        return cls(distance, wanted, limit, available, l_all, layout.sizes, actors, ties, p)

    def link(
        self, layout: Layout, area: int, pros: np.ndarray | int, informal: np.ndarray | int
    ) -> np.ndarray:
        """L of professionals ``pros`` of ``area`` with informal actors ``informal``.

        Both arguments broadcast like NumPy indices (scalars, equal shapes, or an
        ``(m, 1)`` against an ``(1, n)`` array). An informal actor not active in the
        area (a volunteer of a neighbouring area, sent by a district-wide coordinator)
        has no column in the area's table; its link is computed directly.
        """
        return self._lookup(layout, area, pros, informal)

    def link_row(self, layout: Layout, area: int, pro: int) -> np.ndarray:
        """L of professional ``pro`` of ``area`` with each of the area's informal actors.

        The values ``link(layout, area, pro, layout.area_informal[area])`` gives, in
        that order, as a view of the week's table (no copy); a caller selects a subset
        by a mask over ``layout.area_informal[area]``.
        """
        rows, _ = layout.columns[area]
        if pro in rows:
            return self.links[area][rows[pro]]
        return self.link(layout, area, pro, layout.area_informal[area])

    def barrier(self, pros: np.ndarray | int, informal: np.ndarray | int) -> np.ndarray:
        """L without familiarity of ``pros`` and ``informal`` (broadcasting), computed now.

        From the actors' recognition and goal uncertainty as they are when asked: during
        the week's decisions (before the meetings and the identity update) the same as
        when the view was computed.
        """
        pros, informal = np.asarray(pros), np.asarray(informal)
        return pair_barriers(
            self.actors, self.params, self.distance, self.available, pros, informal
        )

    def _lookup(
        self, layout: Layout, area: int, pros: np.ndarray | int, informal: np.ndarray | int
    ) -> np.ndarray:
        tables = self.links
        if type(informal) is int:  # one informal actor: one pair, or the whole team
            rows, cols = layout.columns[area]
            if informal in cols:
                if type(pros) is int and pros in rows:
                    return tables[area][rows[pros], cols[informal]]
                if pros is layout.area_formal[area]:
                    return tables[area][:, cols[informal]]
        pros, informal = np.asarray(pros), np.asarray(informal)
        members, team = layout.area_informal[area], layout.area_formal[area]
        j = layout.informal_position(area, informal)
        i = layout.formal_position(area, pros)
        if (
            len(members)
            and len(team)
            and (members[np.minimum(j, len(members) - 1)] == informal).all()
            and (team[np.minimum(i, len(team) - 1)] == pros).all()
        ):  # every pair is in the area's table; otherwise compute the pairs directly
            return tables[area][i, j]
        return self.ties.get(pros, informal) * self.barrier(pros, informal)
