"""Case intake at the wijkteam: parallel help, direct contact, coordinators, pushed cases."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import PRO_A, PRO_B, VOL_A, VOL_B, coord_index, neutral, org_index, tiny

from samenspel.model.cases import COEXISTENCE, COPRODUCTION, FORMAL_ONLY, INTERMEDIATED
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.routing import intake_at_professional, least_loaded_professional

HH = 4


def _intake(m: Neighbourhood, severity: float, contact: int = -1) -> int:
    m.households["contact"][HH] = contact
    cid = m.cases.open(HH, m.week, silent=False)
    m.households["case"][HH] = cid
    intake_at_professional(m, cid, severity)
    return cid


def _mode(m: Neighbourhood, cid: int) -> int:
    return int(m.cases.modes(np.array([cid]))[0])


def _eager(coordinators: int = 1, **params) -> Neighbourhood:
    """Professionals who want informal parties to carry everything (w = 1)."""
    m = neutral(tiny(coordinators=coordinators, **params))
    m.actors["role_view"][:] = 1.0
    return m


def test_least_loaded_professional_takes_the_case():
    m = neutral(tiny())
    m.actors["load"][PRO_A] = 5
    assert least_loaded_professional(m) == PRO_B
    m.actors["load"][PRO_B] = 6
    assert least_loaded_professional(m) == PRO_A


def test_heavy_case_without_parallel_help_stays_formal():
    m = _eager(civic_activity=0.0)
    cid = _intake(m, severity=1.0, contact=VOL_A)
    assert _mode(m, cid) == FORMAL_ONLY
    assert m.cases.cols["inf"][cid] == -1


def test_known_helper_with_a_strong_link_works_directly_with_the_professional():
    m = _eager(civic_activity=1.0)
    m.actors["regard"][:] = 1.0
    m.ties.familiarity[m.ties.cross] = 1.0
    cid = _intake(m, severity=1.0, contact=VOL_A)
    c = m.cases.cols
    assert c["inf"][cid] == VOL_A
    assert _mode(m, cid) == COPRODUCTION
    assert m.ties.contact[c["pro"][cid], VOL_A] > 0


def test_parallel_helpers_who_do_not_know_each_other_coexist():
    m = _eager(civic_activity=1.0)
    cid = _intake(m, severity=1.0, contact=VOL_A)
    assert m.cases.cols["inf"][cid] == VOL_A
    assert _mode(m, cid) == COEXISTENCE


def test_professional_without_a_link_asks_a_coordinator():
    m = _eager(civic_activity=0.0)
    coord = coord_index(m)
    cid = _intake(m, severity=0.0)
    c = m.cases.cols
    assert c["coord"][cid] == coord
    assert c["inf"][cid] in (VOL_A, VOL_B)  # a volunteer of the coordinator's organisation
    assert _mode(m, cid) == INTERMEDIATED
    assert m.counters["instrumentalisations"] == 0  # the volunteer wanted this role
    assert m.actors["load"][coord] == 1


def test_coordinator_declines_a_case_beyond_its_volunteers_limits():
    m = _eager(civic_activity=0.0)
    m.actors["role_view"][[VOL_A, VOL_B]] = 0.0
    m.actors["knowledge"][[VOL_A, VOL_B]] = 1.0  # limit 0.25
    cid = _intake(m, severity=0.0)
    assert _mode(m, cid) == INTERMEDIATED  # a light case is accepted
    m2 = _eager(civic_activity=0.0)
    m2.actors["role_view"][[VOL_A, VOL_B]] = 0.0
    m2.actors["knowledge"][[VOL_A, VOL_B]] = 1.0
    # with w = 1 the professional involves informal help with probability 1 - s = 0.7
    for _ in range(20):
        cid = _intake(m2, severity=0.3)
        assert m2.cases.cols["coord"][cid] == -1  # 0.3 exceeds the limit 0.25


def test_without_a_coordinator_the_case_is_pushed_without_contact():
    m = _eager(coordinators=0, civic_activity=0.0)
    org = org_index(m)
    m.actors["role_view"][[VOL_A, VOL_B, org]] = 0.0  # nobody wanted this
    cid = _intake(m, severity=0.0)
    c = m.cases.cols
    j = c["inf"][cid]
    assert j in (VOL_A, VOL_B, org)
    assert _mode(m, cid) == COEXISTENCE
    assert m.counters["instrumentalisations"] == 1
    assert m.bad[j] == 1


@pytest.mark.parametrize("civic,expected", [(0.0, 0), (1.0, 40)])
def test_known_contact_helps_in_parallel_as_often_as_civil_society_is_active(civic, expected):
    m = _eager(civic_activity=civic)
    helped = 0
    for _ in range(40):
        cid = _intake(m, severity=1.0, contact=VOL_A)  # w (1 - s) = 0: no other route
        helped += bool(m.cases.cols["inf"][cid] == VOL_A)
        m.actors["load"][:] = 0
    assert helped == expected


def test_parallel_help_needs_room_with_the_contact():
    m = _eager(civic_activity=1.0)
    m.actors["load"][VOL_A] = m.actors["capacity"][VOL_A]
    cid = _intake(m, severity=1.0, contact=VOL_A)
    assert _mode(m, cid) == FORMAL_ONLY
