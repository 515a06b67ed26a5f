"""The samenspel model: one neighbourhood (a wijkteam area), one step per week.

``Neighbourhood.step`` runs the weekly schedule of docs/ODD.md, in this order:

1. develop needs       households' needs arise, grow or shrink with support;
2. surface needs       needs are voiced to the wijkteam or reached informally;
3. refer and escalate  informal actors refer cases beyond their limit; late escalation;
4. work together       joint work: contact, clashes, co-existing helpers discover
                       each other;
5. close cases         solved cases close; professionals close early; informal
                       help may stop;
6. meet               community work by professionals with time; wijktafels and
                       case reflection when scheduled;
7. update identity     contact events, goal uncertainty, identity threat;
8. update ties         familiarity grows with contact and decays without;
9. collect             the weekly gauges.

Randomness: one seed makes ``model.rng`` (NumPy) and ``model.random`` (stdlib, used
by Mesa). Four independent child streams are spawned from ``model.rng``:
initialisation, cases, meetings and decisions, so that changing a lever (say, more
wijktafels) does not reshuffle which households develop needs.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from mesa import DataCollector, Model
from mesa.discrete_space import Network

from ..agents import ACTOR_CLASSES, BROKER, Household
from . import casework, meetings
from .areas import build_layout
from .cases import CaseBook
from .identity import apply_contacts, apply_threat, goal_uncertainty
from .links import free_time
from .outputs import COUNTERS, GAUGES, measure, summarise, tie_graph
from .params import resolve
from .population import (
    affiliate_volunteers,
    build_actor_table,
    build_households,
    cross_pairs,
    initial_familiarity,
)
from .ties import Ties

TEAM_CONTACT = 1.0        # professionals meet as a team every week
ORGANISATION_CONTACT = 0.25  # volunteers meet their organisation a quarter week, weekly


class Neighbourhood(Model):
    """A wijkteam area: professionals, volunteers, coordinators, organisations, households.

    Args:
        rng: Seed (any integer, NumPy integers included) for all randomness.
        **params: Model parameters by name (see ``model.params``); missing ones take
            their defaults or the ``context`` preset.

    Attributes:
        p: The resolved parameters.
        actors: Column arrays, one row per actor.
        households: Column arrays, one row per household.
        areas: Where actors work and households live (areas and districts).
        ties: Tie state (familiarity blocks and this week's contact).
        cases: The case book.
        week: Weeks simulated so far.

    """

    def __init__(self, rng: int | None = 0, **params: Any) -> None:
        """Build the neighbourhood for the given parameters and seed."""
        self.p = resolve(params)
        if isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
            rng = int(rng)  # NumPy integers too (EMA Workbench, SALib samples)
        super().__init__(rng=rng)
        init, cases, meets, decisions = self.rng.spawn(4)
        self.rng_cases, self.rng_meetings, self.rng_decisions = cases, meets, decisions
        self.week = 0
        self.actors = build_actor_table(self.p, init)
        self.areas = build_layout(self.actors["kind"], self.actors["side"], self.p)
        affiliate_volunteers(self.actors, self.areas)
        aff = self.actors["affiliation"]
        self.volunteers_of = {int(c): np.flatnonzero(aff == c)
                              for c in np.flatnonzero(self.actors["side"] == BROKER)}
        self.ties = Ties(self.actors["side"], self.areas.actor_district,
                         initial_familiarity(self.actors, self.areas, self.p, init),
                         cross_pairs(self.areas))
        self.households = build_households(self.p, self.actors, self.areas, init)
        n_households = len(self.households["severity"])
        self.households["new"] = np.zeros(n_households, bool)
        self.cases = CaseBook(max(64, n_households // 2))
        self.counters = dict.fromkeys(COUNTERS, 0)
        self.good = np.zeros(len(self.actors["kind"]))
        self.bad = np.zeros(len(self.actors["kind"]))
        self._create_agents()
        self.update_identity()
        self.datacollector = DataCollector(
            model_reporters={g: (lambda m, g=g: m.gauges[g]) for g in GAUGES})
        self.running = True
        self.collect()

    def _create_agents(self) -> None:
        kinds = self.actors["kind"]
        self.network = Network(tie_graph(self), capacity=1, random=self.random, layout=None)
        cells = self.network.all_cells.cells
        for cls in ACTOR_CLASSES:
            for idx in np.flatnonzero(kinds == cls.KIND):
                cls(self, int(idx)).cell = cells[int(idx)]
        n_households = len(self.households["severity"])
        Household.create_agents(self, n_households, list(range(n_households)))

    # --- the weekly schedule ---------------------------------------------------------
    def step(self) -> None:
        """One week, in the order documented in docs/ODD.md."""
        self.week += 1
        self.develop_needs()
        self.surface_needs()
        self.refer_and_escalate()
        self.work_together()
        self.close_cases()
        self.meet()
        self.update_identity()
        self.update_ties()
        self.collect()

    def develop_needs(self) -> None:
        """Households' needs arise, grow without support and shrink with it."""
        casework.develop_needs(self)

    def surface_needs(self) -> None:
        """Open needs are voiced to the wijkteam or reached by an informal contact."""
        casework.surface_needs(self)

    def refer_and_escalate(self) -> None:
        """Informal actors refer cases beyond their limit; severe ones escalate late."""
        casework.refer_and_escalate(self)

    def work_together(self) -> None:
        """Contact and clashes on shared cases; co-existing helpers may meet."""
        casework.work_together(self)

    def close_cases(self) -> None:
        """Close solved cases; professionals close early; informal help may stop."""
        casework.close_cases(self)

    def meet(self) -> None:
        """Community work; a wijktafel and a case reflection session when due."""
        tables = meetings.is_meeting_week(self.week, self.p["wijktafels_per_year"])
        reflect = meetings.is_meeting_week(self.week, self.p["reflection_per_year"])
        for area in range(self.areas.n_areas):
            meetings.do_community_work(self, area)
            if tables:
                meetings.hold_wijktafel(self, area)
            if reflect:
                meetings.hold_reflection(self, area)

    def update_identity(self) -> None:
        """Apply the week's contact events, then goal uncertainty and threat."""
        a = self.actors
        apply_contacts(a, self.good, self.bad, self.p)
        self.good.fill(0.0)
        self.bad.fill(0.0)
        for logic in ("knowledge", "role_view"):
            np.clip(a[logic], 0.0, 1.0, out=a[logic])
        a["uncertainty"] = goal_uncertainty(a, free_time(a), self.p)
        apply_threat(a, self.p)

    def update_ties(self) -> None:
        """Routine contact within teams, then familiarity growth and decay.

        Familiarity decays at ``familiarity_decay`` x 2 x ``anonymity``: in an
        overseeable place people keep running into each other, so ties fade slower.
        """
        ties = self.ties
        for team in self.areas.area_formal:
            ties.meet(team, TEAM_CONTACT)
        for coord, members in self.volunteers_of.items():
            ties.meet(np.append(members, coord), ORGANISATION_CONTACT)
        decay = self.p["familiarity_decay"] * 2.0 * self.p["anonymity"]
        ties.update(self.p["contact_gain"], decay)

    def collect(self) -> None:
        """Measure the weekly gauges and hand them to the DataCollector."""
        self.gauges = measure(self)
        self.datacollector.collect(self)

    # --- convenience -------------------------------------------------------------------
    def run_weeks(self, weeks: int) -> None:
        """Run ``weeks`` weekly steps."""
        for _ in range(weeks):
            self.step()

    def summary(self) -> dict[str, Any]:
        """End-of-run summary (see ``model.outputs.summarise``)."""
        return summarise(self)

    def weekly(self):
        """The weekly gauges as a pandas DataFrame, one row per week (week 0 first)."""
        df = self.datacollector.get_model_vars_dataframe()
        df.index.name = "week"
        return df
