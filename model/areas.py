"""Areas and districts: where each actor works and each household lives.

A run covers ``n_areas`` wijkteam areas side by side (one by default: a single
neighbourhood). The actor and household counts in the parameters are *per area*.
Areas are grouped into districts (stadsdelen) of ``areas_per_district`` areas.
Coordinators work for their whole district (a volunteer centre serves more than one
wijkteam area), and so does a share ``shared_organisations`` of the residents'
organisations (for example migrant self-organisations with a wider reach); everyone
else works in one area. Households live in one area.

Every interaction in the model stays inside one district: a household's case goes
to the professionals of its area, to informal actors active in its area and to the
coordinators of its district. Ties can therefore only form within a district, which
keeps the tie state block-diagonal (``model.ties``) and the cost of a run linear in
the number of areas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import numpy as np

from .disagreement import FixedDisagreement
from .groups import flatten
from .state import Kind, Side
from .ties import FixedPairs, Ties


@dataclass
class Layout:
    """Who is active where.

    Attributes:
        n_areas: Number of wijkteam areas.
        area_district: District of each area.
        actor_area: Area of each actor, or -1 for an actor working district-wide.
        actor_district: District of each actor.
        household_area: Area of each household.
        area_actors: Per area, the actors active in it (its own and the district-wide
            ones), sorted.
        area_formal: Per area, its professionals.
        area_informal: Per area, the informal actors active in it.
        district_actors: Per district, all its actors, sorted.
        district_broker: Per district, its coordinators.

    """

    n_areas: int
    area_district: np.ndarray
    actor_area: np.ndarray
    actor_district: np.ndarray
    household_area: np.ndarray
    area_actors: list[np.ndarray]
    area_formal: list[np.ndarray]
    area_informal: list[np.ndarray]
    district_actors: list[np.ndarray]
    district_broker: list[np.ndarray]
    _padded_pairs: tuple[Ties, FixedPairs] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @cached_property
    def columns(self) -> list[tuple[dict[int, int], dict[int, int]]]:
        """Per area, the row of each professional and the column of each informal actor.

        The same positions as ``formal_position`` and ``informal_position``, as
        dictionaries for looking up one pair at a time.
        """
        return [
            ({a: k for k, a in enumerate(f.tolist())}, {a: k for k, a in enumerate(i.tolist())})
            for f, i in zip(self.area_formal, self.area_informal, strict=True)
        ]

    @cached_property
    def sizes(self) -> list[tuple[int, int]]:
        """Per area, how many professionals and informal actors are active in it."""
        return [(len(f), len(i)) for f, i in zip(self.area_formal, self.area_informal, strict=True)]

    @cached_property
    def padded(self) -> tuple[np.ndarray, np.ndarray]:
        """Every area's professionals and informal actors as two padded tables.

        ``(pros, informal)`` of shapes (areas, most professionals) and (areas, most
        informal actors); row ``a`` starts with area ``a``'s actors in order and is
        padded with its first actor, so the week's link tables of all areas are
        computed in one broadcast call (``links.WeekView``) and then cut to size.
        """
        tables = []
        for groups in (self.area_formal, self.area_informal):
            width = max((len(g) for g in groups), default=0)
            table = np.zeros((self.n_areas, width), dtype=np.int64)
            for a, (g, members) in enumerate(zip(groups, self.area_actors, strict=True)):
                table[a] = members[0] if len(members) else 0
                table[a, : len(g)] = g
            tables.append(table)
        return tables[0], tables[1]

    @cached_property
    def padded_disagreement(self) -> FixedDisagreement:
        """Disagreement of every pair of the ``padded`` tables (areas x pros x informal)."""
        pros, informal = self.padded
        return FixedDisagreement(pros[:, :, None], informal[:, None, :])

    def padded_pairs(self, ties: Ties) -> FixedPairs:
        """Every pair of the ``padded`` tables in ``ties``, addressed once (``FixedPairs``)."""
        kept = self._padded_pairs
        if kept is None or kept[0] is not ties:
            pros, informal = self.padded
            kept = (ties, ties.fixed_pairs(pros[:, :, None], informal[:, None, :]))
            self._padded_pairs = kept
        return kept[1]

    @cached_property
    def grouped(self) -> Grouped:
        """The groups that routing reads, each as one array with offsets (``Grouped``)."""
        return Grouped(
            *flatten(self.area_formal), *flatten(self.area_informal), *flatten(self.district_broker)
        )

    def formal_position(self, area: int, pros: np.ndarray) -> np.ndarray:
        """Position of professionals ``pros`` in ``area_formal[area]`` (sorted)."""
        return np.searchsorted(self.area_formal[area], pros)

    def informal_position(self, area: int, actors: np.ndarray) -> np.ndarray:
        """Position of informal ``actors`` in ``area_informal[area]`` (sorted)."""
        return np.searchsorted(self.area_informal[area], actors)

    def active_in(self, actors: np.ndarray, area: int) -> np.ndarray:
        """Boolean mask: which of ``actors`` are active in ``area``."""
        return (self.actor_area[actors] == area) | (
            (self.actor_area[actors] < 0)
            & (self.actor_district[actors] == self.area_district[area])
        )


class Grouped(NamedTuple):
    """Groups as one array each plus offsets, for compiled kernels.

    Group ``g``'s members are ``members[at[g]:at[g + 1]]`` (in the layout's order,
    sorted): ``team`` per area (its professionals), ``informal`` per area (the
    informal actors active in it), ``brokers`` per district (its coordinators).
    """

    team: np.ndarray
    team_at: np.ndarray
    informal: np.ndarray
    informal_at: np.ndarray
    brokers: np.ndarray
    brokers_at: np.ndarray


def home_areas(kind: np.ndarray, params: dict) -> np.ndarray:
    """Home area of every actor: the k-th actor of a kind lives in area k // count."""
    counts = {
        Kind.PROFESSIONAL: params["n_professionals"],
        Kind.VOLUNTEER: params["n_volunteers"],
        Kind.COORDINATOR: params["n_coordinators"],
        Kind.ORGANISATION: params["n_organisations"],
    }
    home = np.zeros(len(kind), dtype=np.int64)
    for k, count in counts.items():
        members = np.flatnonzero(kind == k)
        home[members] = np.arange(len(members)) // max(count, 1)
    return home


def build_layout(kind: np.ndarray, side: np.ndarray, params: dict) -> Layout:
    """Place actors and households in areas and districts (no random draws)."""
    n_areas = params["n_areas"]
    per_district = params["areas_per_district"]
    area_district = np.arange(n_areas) // per_district
    home = home_areas(kind, params)
    actor_district = area_district[home]
    actor_area = home.copy()
    actor_area[kind == Kind.COORDINATOR] = -1
    orgs = np.flatnonzero(kind == Kind.ORGANISATION)
    n_shared = round(params["shared_organisations"] * params["n_organisations"])
    rank_in_area = np.arange(len(orgs)) % max(params["n_organisations"], 1)
    actor_area[orgs[rank_in_area < n_shared]] = -1
    n_districts = int(area_district.max()) + 1
    district_actors = [np.flatnonzero(actor_district == d) for d in range(n_districts)]
    district_broker = [m[side[m] == Side.BROKER] for m in district_actors]
    area_actors = []
    for a in range(n_areas):
        members = district_actors[area_district[a]]
        keep = (actor_area[members] == a) | (actor_area[members] < 0)
        area_actors.append(members[keep])
    area_formal = [m[side[m] == Side.FORMAL] for m in area_actors]
    area_informal = [m[side[m] == Side.INFORMAL] for m in area_actors]
    household_area = np.arange(n_areas * params["n_households"]) // params["n_households"]
    return Layout(
        n_areas,
        area_district,
        actor_area,
        actor_district,
        household_area,
        area_actors,
        area_formal,
        area_informal,
        district_actors,
        district_broker,
    )
