"""The case book and several sources of help per case."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import (
    PRO_A,
    PRO_B,
    VOL_A,
    VOL_B,
    coord_index,
    neutral,
    open_case,
    set_familiarity,
    tiny,
)

from samenspel.model import casework, needs
from samenspel.model.cases import CaseBook, Role
from samenspel.model.outputs import sources_of_help
from samenspel.model.routing import assign, intake_at_professional, release
from samenspel.model.state import Mode


def test_open_records_the_case_and_grows_the_book():
    book = CaseBook(capacity=2)
    ids = [book.open(h, week=h + 3, silent=h % 2 == 0, circle=h == 1) for h in range(5)]
    assert ids == list(range(5)) and book.n == 5
    c = book.c
    assert list(c.household[:5]) == list(range(5))
    assert list(c.start[:5]) == [3, 4, 5, 6, 7]
    assert list(c.silent[:5]) == [True, False, True, False, True]
    assert list(c.informal_sources[:5]) == [0, 1, 0, 0, 0]  # the own circle counts
    assert np.all(c.helper[:5] == -1) and np.all(c.end[:5] == -1)
    assert list(book.active_ids()) == list(range(5))
    assert np.all(book.modes() == Mode.INFORMAL_ONLY)  # nobody yet: not formal


def test_assign_and_release_keep_load_and_history():
    m = neutral(tiny())
    cid = open_case(m, 0, 0.5)
    coord = coord_index(m)
    for role, who in (
        (Role.PRO, PRO_A),
        (Role.PRO2, PRO_B),
        (Role.INF, VOL_A),
        (Role.INF2, VOL_B),
        (Role.COORD, coord),
    ):
        assign(m, cid, role, who)
    c = m.cases.c
    assert list(c.helper[cid]) == [PRO_A, PRO_B, VOL_A, VOL_B, coord]
    assert c.formal_sources[cid] == 2 and c.informal_sources[cid] == 2
    assert c.formal[cid] and c.informal[cid] and c.linked[cid]
    assert np.all(m.actors.load[[PRO_A, PRO_B, VOL_A, VOL_B, coord]] == 1)
    assert m.cases.who(Role.PRO2, np.array([cid]))[0] == PRO_B
    release(m, cid, Role.PRO)
    assert m.actors.load[PRO_A] == 0 and c.helper[cid, Role.PRO] == -1
    assert c.formal[cid]  # history stays
    release(m, cid, Role.PRO)  # no-op
    assert m.actors.load[PRO_A] == 0
    casework.end_case(m, cid)
    assert not c.active[cid] and c.end[cid] == m.week
    assert np.all(m.actors.load == 0) and m.households.case[0] == -1


def test_releasing_a_lead_ends_direct_contact_now_but_not_in_history():
    m = neutral(tiny())
    cid = open_case(m, 0, 0.5, pro=PRO_A, inf=VOL_A, direct=True)
    c = m.cases.c
    assert c.together[cid] and c.pro_seen[cid] == PRO_A and c.inf_seen[cid] == VOL_A
    release(m, cid, Role.INF)
    assert not c.together[cid] and c.direct[cid]


# --- several sources of help ---------------------------------------------------------------


def test_heavy_cases_get_a_second_professional():
    m = neutral(tiny(involve_base=0.0, hybridisation_push=0.0))
    cid = open_case(m, 0, 1.0)
    intake_at_professional(m, cid, 1.0)
    c = m.cases.c
    assert {int(c.helper[cid, Role.PRO]), int(c.helper[cid, Role.PRO2])} == {PRO_A, PRO_B}
    assert c.formal_sources[cid] == 2


def test_a_second_informal_source_joins_the_households_own_contact():
    m = neutral(
        tiny(
            civic_activity=1.0,
            parallel_help=1.0,
            involve_base=1.0,
            hybridisation_push=0.0,
            mech_identity_gating=False,
        )
    )
    m.actors.role_view[:] = 1.0
    m.households.contact[0] = VOL_A
    for pro in (PRO_A, PRO_B):
        set_familiarity(m, pro, VOL_B, 1.0)
    m.actors.formalisation[:] = 1.0
    m.view_week()
    cid = m.cases.open(0, m.week, silent=False, circle=True)
    m.households.case[0], m.households.needy[0] = cid, True
    intake_at_professional(m, cid, 0.0)
    c = m.cases.c
    assert c.helper[cid, Role.INF] == VOL_A and c.helper[cid, Role.INF2] == VOL_B
    assert c.informal_sources[cid] == 3  # own circle, the contact, a volunteer
    assert c.formal_sources[cid] == 1


def test_a_second_informal_source_takes_the_lead_when_the_first_stops():
    m = neutral(tiny(need_noise=0.0))
    cid = open_case(m, 0, 0.5, pro=PRO_A, inf=VOL_A)
    assign(m, cid, Role.INF2, VOL_B)
    m.actors.continuity[VOL_A] = 0.0
    casework.close_cases(m)
    c = m.cases.c
    assert c.helper[cid, Role.INF] == VOL_B and c.helper[cid, Role.INF2] == -1
    assert m.actors.load[VOL_A] == 0 and c.active[cid]


def test_second_sources_add_support():
    m = neutral(tiny())
    one = open_case(m, 0, 0.5, pro=PRO_A, inf=VOL_A)
    two = open_case(m, 1, 0.5, pro=PRO_B, inf=VOL_B)
    assign(m, two, Role.PRO2, PRO_A)
    assign(m, two, Role.INF2, VOL_A)
    s = needs.case_support(m, np.array([one, two]))
    assert s[1] > s[0]


def test_a_late_escalation_adds_specialist_care():
    m = neutral(tiny(coordinators=0, escalation_severity=0.5, decision_width=0.005, limit_base=1.0))
    cid = open_case(m, 0, 0.9, inf=VOL_A)
    needs.refer_and_escalate(m)
    c = m.cases.c
    assert c.escalated[cid] and c.helper[cid, Role.PRO] >= 0
    assert c.formal_sources[cid] == 2  # the wijkteam and specialist care
    assert m.actors.bad[c.helper[cid, Role.PRO]] == 1  # "te laat opgeschaald"


def test_sources_of_help_summarise_the_book():
    m = neutral(tiny())
    a = m.cases.open(0, 0, silent=False, circle=True)
    assign(m, a, Role.PRO, PRO_A)
    assign(m, a, Role.INF, VOL_A)  # 1 formal, 2 informal
    b = m.cases.open(1, 0, silent=False, circle=False)
    assign(m, b, Role.PRO, PRO_B)
    assign(m, b, Role.PRO2, PRO_A)  # 2 formal, 0 informal
    m.cases.open(2, 0, silent=True, circle=False)  # no source yet: left out
    s = sources_of_help(m)
    assert s["sources_per_case"] == pytest.approx(2.5)
    assert s["formal_sources_per_case"] == pytest.approx(1.5)
    assert s["informal_sources_per_case"] == pytest.approx(1.0)
    assert s["informal_source_share"] == pytest.approx(2 / 5)


def test_a_run_reports_several_sources_per_case(default_run):
    s = default_run.summary()
    formal, informal = default_run.cases.sources()
    helped = formal + informal > 0
    assert s["sources_per_case"] == pytest.approx((formal + informal)[helped].mean())
    assert s["sources_per_case"] > 1.5
    assert 0.2 < s["informal_source_share"] < 0.6
    assert (formal >= 2).any() and (informal >= 2).any()
