"""The samenspel model: wijkteam areas, one step per week.

``Neighbourhood.step`` runs the weekly schedule of docs/ODD.md, in this order:

1. apply policy        scheduled lever changes for this week take effect;
2. view the week       link strengths, us-them distances, roles and limits, once;
3. develop needs       households' needs arise, grow or shrink with support;
4. surface needs       needs are voiced to the wijkteam or reached informally;
5. refer and escalate  informal-only cases: late escalation, referral, own way;
6. work together       joint work: encounters, clashes, introductions, discovery;
7. close cases         solved cases close (joint success rewarded); professionals
                       close their part; informal help may stop;
8. meet                community work; wijktafels and case reflection when due;
9. update identity     contact events, goal uncertainty, identity threat;
10. update ties        familiarity grows with contact and decays without;
11. collect            the weekly gauges.

Randomness: one seed makes ``model.rng`` (NumPy) and ``model.random`` (stdlib, used
by Mesa). Independent child streams are spawned from ``model.rng``: initialisation,
cases, meetings and decisions, so that changing a lever (say, more wijktafels) does not
reshuffle which households develop needs; a fifth gives the seed of the end-of-run
summary's sampled betweenness, so asking for a summary mid-run changes nothing later.

Mesa layer: actors are ``CellAgent``s on a ``mesa.discrete_space.Network`` whose
edges are the strong ties (familiarity >= ``strong_tie``), brought up to date when
the network or an actor's cell is used (the first use adds them all: runs that never
look pay nothing), so ``agent.cell.neighborhood`` is always the actor's current
strong ties. Households
are arrays only (``model.households``; ``model.household(i)`` gives a view), not
Mesa agents. ``model.steps`` is the week counter; ``running`` turns false after
``weeks`` weeks, so ``run_model()`` stops.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from mesa import Model
from mesa.discrete_space import Network

from ..agents import ACTOR_CLASSES, Household
from . import casework, meetings, needs
from .areas import build_layout
from .cases import CaseBook
from .events import EventLog
from .identity import contact_factors, identity_levers, update_identity
from .jit import per_params
from .links import WeekView
from .outputs import COUNTERS, GAUGES, REGIME_WEEKS, actor_graph, measure_row, summarise
from .params import resolve
from .policy import PolicyChange, check_schedule
from .population import (
    affiliate_volunteers,
    apply_training,
    build_actor_table,
    build_households,
    capacities,
    cross_pairs,
    initial_familiarity,
)
from .record import WeeklyRecord
from .run_args import DEFAULT_WEEKS, check_run_args
from .state import Side
from .ties import FixedGroups, Ties


class Neighbourhood(Model):
    """Wijkteam areas: professionals, volunteers, coordinators, organisations, households.

    Args:
        rng: Seed (a non-negative integer, NumPy integers included) for all randomness.
        weeks: Weeks after which ``running`` turns false (``run_model`` stops there).
        schedule: Lever changes at given weeks (see ``model.policy``).
        **params: Model parameters by name (see ``model.params``); missing ones take
            their defaults or the ``context`` preset.

    Attributes:
        p: The parameters in force (changed by the schedule during a run).
        actors: The actor table.
        households: The household table.
        areas: Where actors work and households live (areas and districts).
        ties: Tie state (familiarity blocks and this week's contact).
        cases: The case book.
        view: This week's link strengths, distances, roles and limits.
        schedule: The validated lever changes.

    """

    def __init__(
        self,
        rng: int | None = 0,
        weeks: int = DEFAULT_WEEKS,
        schedule: Iterable[Any] | None = None,
        events: bool = False,
        summary_only: bool = False,
        **params: Any,
    ) -> None:
        """Build the neighbourhood for the given parameters and seed.

        ``events`` turns the event log on (``model.events``, ``samenspel.story``); it
        only observes, so the run is the same either way. ``summary_only`` measures
        and records the weekly gauges only in the weeks the end-of-run summary reads
        (the last ``REGIME_WEEKS`` up to ``weeks``), for runs whose weekly series
        nobody reads (``run``, sweeps without weekly output): the run and its summary
        are the same, ``weekly()`` then starts at that week. The event log, which
        reads the gauges, keeps them measured every week.
        """
        self.p = resolve(params)
        if rng is None:  # Mesa's own fresh entropy: allowed for a model, not for run()
            _, self.horizon = check_run_args(0, weeks)
        else:
            rng, self.horizon = check_run_args(rng, weeks)
        self.schedule = check_schedule(schedule)
        super().__init__(rng=rng)
        init, cases, meets, decisions, summary = self.rng.spawn(5)  # the first four as spawn(4)
        self.rng_cases, self.rng_meetings, self.rng_decisions = cases, meets, decisions
        self.summary_seed = int(summary.integers(2**31))  # sampled betweenness only
        self.actors = build_actor_table(self.p, init)
        self.areas = build_layout(self.actors.kind, self.actors.side, self.p)
        affiliate_volunteers(self.actors, self.areas)
        aff = self.actors.affiliation
        self.volunteers_of = {
            int(c): np.flatnonzero(aff == c) for c in self.actors.of_side(Side.BROKER)
        }
        self.ties = Ties(
            self.actors.side,
            self.areas.actor_district,
            initial_familiarity(self.actors, self.areas, self.p, init),
            cross_pairs(self.areas),
        )
        self._teams = FixedGroups(self.ties, self.areas.area_formal)
        self._organisations = FixedGroups(
            self.ties, [np.append(members, coord) for coord, members in self.volunteers_of.items()]
        )
        self.households = build_households(self.p, self.actors, self.areas, init)
        self.cases = CaseBook(max(64, len(self.households) // 2))
        self.counters = dict.fromkeys(COUNTERS, 0)
        self.contacts = np.zeros((2, 2))  # per side (formal, informal): good, bad
        self._create_agents()
        self.update_identity()
        self.view_week()
        summary_only = summary_only and not events
        self.record_from = max(0, self.horizon - REGIME_WEEKS + 1) if summary_only else 0
        self.datacollector = WeeklyRecord(GAUGES, rows=self.horizon + 1 - self.record_from)
        self.events = EventLog(self.horizon, self.areas.n_areas, enabled=events)
        self._gauge_row: np.ndarray | None = None  # this week's gauges, once measured
        self._gauges: dict[str, float] | None = {}  # ... by name; None: made when first read
        self.running = True
        self.collect()

    def _create_agents(self) -> None:
        kinds = self.actors.kind
        # the edges come with the first use (sync_network): most runs never ask
        self._network = Network(actor_graph(self), capacity=1, random=self.random, layout=None)
        self._strong = np.zeros(0, np.int64)  # the strong ties the network has as edges
        self._synced = -1  # the week it was last brought up to date
        cells = self._network.all_cells.cells
        for cls in ACTOR_CLASSES:
            for idx in np.flatnonzero(kinds == cls.KIND):
                cls(self, int(idx)).cell = cells[int(idx)]

    @property
    def network(self) -> Network:
        """The Mesa network of the actors; its edges are the current strong ties."""
        self.sync_network()
        return self._network

    @property
    def week(self) -> int:
        """Weeks simulated so far (Mesa's ``steps``)."""
        return self.steps

    def household(self, index: int) -> Household:
        """A read-only view of household ``index``."""
        return Household(self, index)

    # --- the weekly schedule ---------------------------------------------------------
    def step(self) -> None:
        """One week, in the order documented in docs/ODD.md."""
        self.apply_policy()
        self.view_week()
        self.develop_needs()
        self.surface_needs()
        self.refer_and_escalate()
        self.work_together()
        self.close_cases()
        self.meet()
        self.update_identity()
        self.update_ties()
        self.collect()

    def apply_policy(self) -> None:
        """Scheduled lever changes for this week take effect."""
        for change in self.schedule:
            if change.week == self.week:
                self.change_levers(change)

    def change_levers(self, change: PolicyChange | dict[str, Any]) -> None:
        """Set new lever values now and re-derive the state that depends on them."""
        if not isinstance(change, PolicyChange):
            change = check_schedule([{"week": max(self.week, 1), **change}])[0]
        self.p = {**self.p, **change.levers}
        self.events.policy(self.week, change.levers)
        capacities(self.actors, self.p)
        apply_training(self.actors, self.households, self.p)

    def view_week(self) -> None:
        """Compute what this week's decisions read: links, distances, roles, limits."""
        self.view = WeekView.compute(self.actors, self.ties, self.areas, self.p)

    def develop_needs(self) -> None:
        """Households' needs arise, grow without support and shrink with it."""
        needs.develop_needs(self)

    def surface_needs(self) -> None:
        """Open needs are voiced to the wijkteam or reached by an informal contact."""
        needs.surface_needs(self)

    def refer_and_escalate(self) -> None:
        """Informal-only cases escalate late, are referred, or the household goes itself."""
        needs.refer_and_escalate(self)

    def work_together(self) -> None:
        """Encounters, clashes, introductions and discovery on shared cases."""
        casework.work_together(self)

    def close_cases(self) -> None:
        """Close solved cases; professionals close their part; informal help may stop."""
        casework.close_cases(self)

    def meet(self) -> None:
        """Community work; a wijktafel and a case reflection session when due."""
        tables = meetings.is_meeting_week(self.week, self.p["wijktafels_per_year"])
        reflect = meetings.is_meeting_week(self.week, self.p["reflection_per_year"])
        if not (tables or reflect):  # community work only: the areas' effects at once
            meetings.do_community_work_everywhere(self)
            return
        for area in range(self.areas.n_areas):
            meetings.do_community_work(self, area)
            if tables:
                meetings.hold_wijktafel(self, area)
            if reflect:
                meetings.hold_reflection(self, area)

    def update_identity(self) -> None:
        """Apply the week's contact events, then goal uncertainty and threat."""
        a, p = self.actors, self.p
        keep_good, keep_bad, _ = contact_factors(a, p)
        update_identity(
            a.side, a.good, a.bad, a.regard, a.ingroup, a.recognition, a.uncertainty,
            a.threat, a.pushed, a.role_view, a.load, a.capacity, keep_good, keep_bad,
            self.contacts, per_params(identity_levers, p),
        )  # fmt: skip

    def update_ties(self) -> None:
        """Routine contact within teams and organisations, familiarity update, network.

        Familiarity decays at ``familiarity_decay`` x 2 x ``anonymity``: in an
        overseeable place people keep running into each other, so ties fade slower.
        """
        ties, p = self.ties, self.p
        ties.meet_groups(self._teams, p["team_contact"])
        ties.meet_groups(self._organisations, p["organisation_contact"])
        gain = p["contact_gain"] if p["mech_familiarity"] else 0.0
        ties.update(gain, p["familiarity_decay"] * 2.0 * p["anonymity"])

    def sync_network(self) -> None:
        """Make the Mesa network's edges the current strong ties (once per week, on use)."""
        if self._synced == self.week:
            return
        self._synced = self.week
        strong = self.ties.strong_positions(self.p["strong_tie"])
        net = self._network
        cells = net.all_cells.cells
        for positions, connect in (
            (np.setdiff1d(strong, self._strong, assume_unique=True), True),
            (np.setdiff1d(self._strong, strong, assume_unique=True), False),
        ):
            rows, cols = self.ties.pairs_at(positions)
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
                if connect:
                    net.add_connection(cells[i], cells[j])
                else:
                    net.remove_connection(cells[i], cells[j])
        self._strong = strong

    def collect(self) -> None:
        """Measure the weekly gauges, record them (``WeeklyRecord``), check the end."""
        if self.week >= self.record_from:
            self._gauge_row, self._gauges = measure_row(self), None
            self.datacollector.add_row(self._gauge_row, self.time)
        self.events.observe(self)
        if self.week >= self.horizon:
            self.running = False

    @property
    def gauges(self) -> dict[str, float]:
        """The week's gauges by name (empty before the first measured week)."""
        if self._gauges is None:  # measured this week, not yet read by name
            row = self._gauge_row.tolist() if self._gauge_row is not None else []
            self._gauges = dict(zip(GAUGES, row, strict=True))
        return self._gauges

    # --- convenience -------------------------------------------------------------------
    def run_weeks(self, weeks: int) -> None:
        """Run ``weeks`` weekly steps (past the horizon too, if asked)."""
        for _ in range(weeks):
            self.step()

    def summary(self) -> dict[str, Any]:
        """End-of-run summary (see ``model.outputs.summarise``)."""
        return summarise(self)

    def weekly(self):
        """The weekly gauges as a pandas DataFrame, one row per week (week 0 first)."""
        df = self.datacollector.get_model_vars_dataframe()
        if self.record_from:  # a summary-only run recorded its last weeks
            df.index = df.index + self.record_from
        df.index.name = "week"
        return df
