"""Several wijkteam areas side by side: who works where, and ties stay in a district."""

from __future__ import annotations

import numpy as np
import pytest

from samenspel.agents import BROKER, Coordinator, ResidentsOrganisation
from samenspel.model import Neighbourhood, simulate
from samenspel.model.cases import Role
from samenspel.model.state import Kind

SMALL = {
    "n_households": 150,
    "n_professionals": 4,
    "n_volunteers": 6,
    "n_coordinators": 1,
    "n_organisations": 4,
}


@pytest.fixture(scope="module")
def city():
    return simulate(
        seed=5, weeks=80, n_areas=4, areas_per_district=2, shared_organisations=0.5, **SMALL
    )


def test_counts_are_per_area():
    m = Neighbourhood(rng=0, n_areas=3, **SMALL)
    kind = m.actors.kind
    assert (kind == Kind.PROFESSIONAL).sum() == 3 * 4 and (kind == Kind.VOLUNTEER).sum() == 3 * 6
    assert len(m.households) == 3 * 150
    assert np.array_equal(np.bincount(m.areas.household_area), [150, 150, 150])


def test_coordinators_and_a_share_of_organisations_work_district_wide():
    m = Neighbourhood(rng=0, n_areas=4, areas_per_district=2, shared_organisations=0.5, **SMALL)
    lay, kind = m.areas, m.actors.kind
    assert np.all(lay.actor_area[kind == Coordinator.KIND] == -1)
    orgs = kind == ResidentsOrganisation.KIND
    assert (lay.actor_area[orgs] == -1).sum() == 4 * 2  # half of 4 per area
    assert np.array_equal(lay.area_district, [0, 0, 1, 1])
    for area in range(4):
        active = lay.area_actors[area]
        assert np.all((lay.actor_area[active] == area) | (lay.actor_area[active] == -1))
        assert np.all(lay.actor_district[active] == lay.area_district[area])


def test_every_case_stays_in_its_area_and_district(city):
    book, lay, a = city.cases, city.areas, city.actors
    n = book.n
    c = book.c
    area = lay.household_area[c.household[:n]]
    district = lay.area_district[area]
    assert n > 50
    active = c.active[:n]
    # professionals: only ever of the household's area (checked for open cases)
    for role in (Role.PRO, Role.PRO2):
        who = book.who(role)
        open_ = active & (who >= 0)
        assert np.all(lay.actor_area[who[open_]] == area[open_])
    # informal actors: active in the household's area, or a volunteer a coordinator of
    # its district found
    for role in (Role.INF, Role.INF2):
        who = book.who(role)
        inf = active & (who >= 0)
        for actor, ar in zip(who[inf], area[inf], strict=True):
            coordinator = a.affiliation[actor]
            assert lay.active_in(np.array([actor]), int(ar))[0] or (
                coordinator >= 0 and lay.actor_district[coordinator] == lay.area_district[ar]
            )
    who = book.who(Role.COORD)
    coord = active & (who >= 0)
    assert np.all(lay.actor_district[who[coord]] == district[coord])
    assert np.all(a.side[who[coord]] == BROKER)


def test_no_familiarity_across_districts(city):
    lay = city.areas
    d0, d1 = lay.district_actors[0], lay.district_actors[1]
    assert np.all(city.ties.get(d0[:, None], d1[None, :]) == 0.0)
    # within a district ties did form across its areas' shared actors
    assert city.ties.get(d0[:, None], d0[None, :]).max() > 0.5


def test_one_array_view_only_for_a_single_district(city):
    with pytest.raises(AttributeError, match="single district"):
        _ = city.ties.familiarity
    single = Neighbourhood(rng=0, n_areas=3, areas_per_district=5, **SMALL)
    assert single.ties.familiarity.shape == (len(single.actors),) * 2


def test_city_runs_report_the_usual_outputs(city):
    s = city.summary()
    assert s["cases"] > 100
    assert s["regime"] in {"co-existence", "intermediated", "co-production", "none"}
    shares = [
        s[f"share_{m}"]
        for m in ("formal_only", "informal_only", "coexistence", "intermediated", "coproduction")
    ]
    assert sum(shares) == pytest.approx(1.0)


def test_a_referral_by_a_volunteer_from_a_neighbouring_area_reads_its_own_link():
    # A coordinator works district-wide, so it may put a volunteer of area 1 on a case
    # of area 0 (routing._volunteer_of). When the professional then closes early, that
    # volunteer carries the case alone and may refer it to the professionals of area 0.
    # The chance to reach one must be the volunteer's own link with them.
    from worlds import neutral, set_familiarity

    from samenspel.model import casework
    from samenspel.model.routing import intake_at_professional, refer

    m = neutral(
        Neighbourhood(
            rng=0,
            n_areas=2,
            areas_per_district=2,
            n_households=10,
            n_professionals=2,
            n_volunteers=2,
            n_coordinators=1,
            n_organisations=1,
            shared_organisations=0.0,
            involve_base=1.0,
            hybridisation_push=0.0,
            mech_identity_gating=False,
            pro_close_severity=1.0,
            decision_width=0.005,
        )
    )
    lay, a = m.areas, m.actors
    coord = int(lay.district_broker[0][0])
    vols = m.volunteers_of[coord]
    far = int(vols[lay.actor_area[vols] == 1][0])  # its volunteer in area 1
    pros = lay.area_formal[0]
    a.role_view[:] = 1.0
    a.formalisation[vols] = 0.0
    a.formalisation[far] = 1.0
    for pro in pros:
        set_familiarity(m, int(pro), coord, 1.0)
    m.view_week()
    cid = m.cases.open(0, 0, silent=False, circle=False)
    m.households.case[0], m.households.needy[0], m.households.severity[0] = cid, True, 0.1
    while m.cases.c.helper[cid, Role.INF] < 0:
        intake_at_professional(m, cid, 0.1)
    assert m.cases.c.helper[cid, Role.INF] == far and lay.actor_area[far] == 1
    m.households.severity[0] = 0.5
    casework.close_cases(m)  # the professional closes early; the volunteer carries on
    assert m.cases.c.helper[cid, Role.PRO] < 0 and m.cases.c.helper[cid, Role.INF] == far
    # the volunteer knows both professionals of area 0 well and no coordinator
    for pro in pros:
        set_familiarity(m, int(pro), far, 1.0)
    for c in lay.district_broker[0]:
        set_familiarity(m, far, int(c), 0.0)
    m.view_week()
    assert refer(m, cid, far), "the volunteer's strong link with area 0 was not used"
    assert m.cases.c.helper[cid, Role.PRO] in pros


def test_several_areas_without_organisations_run_to_the_end():
    # the same misindexing as above, at the edge of the table: with no residents'
    # organisations an area's informal actors are its own volunteers only, and a
    # volunteer of a later area is past the end of its link table
    m = simulate(
        seed=1,
        weeks=260,
        n_areas=4,
        areas_per_district=2,
        n_households=300,
        n_professionals=4,
        n_volunteers=6,
        n_coordinators=1,
        n_organisations=0,
    )
    assert m.week == 260
