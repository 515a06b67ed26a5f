"""Typed state: the actor and household tables, and the Kind / Side / Mode enums."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest
from worlds import PRO_A, VOL_A, neutral, tiny

from samenspel.agents import ACTOR_CLASSES
from samenspel.model.cases import classify
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.state import SIDE_NAMES, ActorTable, HouseholdTable, Kind, Mode, Side

ACTOR_COLUMNS = (
    "kind",
    "side",
    "knowledge",
    "role_view",
    "ingroup",
    "regard",
    "recognition",
    "threat",
    "uncertainty",
    "capacity",
    "load",
    "community",
    "cultural_sensitivity",
    "cultural_base",
    "migrant",
    "formalisation",
    "continuity",
    "affiliation",
    "hybrid",
    "good",
    "bad",
    "pushed",
)
HOUSEHOLD_COLUMNS = (
    "area",
    "migrant",
    "trust_pro",
    "trust_base",
    "vulnerability",
    "contact",
    "circle",
    "severity",
    "needy",
    "new",
    "case",
    "need_start",
    "unmet",
    "needs",
    "resolved",
    "served",
    "wait",
    "helped",
)


@pytest.fixture(scope="module")
def model() -> Neighbourhood:
    return Neighbourhood(rng=3, n_households=200)


def test_actor_table_has_the_documented_columns(model):
    assert ActorTable.columns() == ACTOR_COLUMNS
    n = len(model.actors)
    assert n == 20 + 50 + 4 + 14
    for col in ACTOR_COLUMNS:
        assert len(getattr(model.actors, col)) == n, col


def test_household_table_has_the_documented_columns(model):
    assert tuple(f.name for f in fields(HouseholdTable)) == HOUSEHOLD_COLUMNS
    assert len(model.households) == 200
    for col in HOUSEHOLD_COLUMNS:
        assert len(getattr(model.households, col)) == 200, col


def test_a_misspelt_column_is_an_attribute_error(model):
    with pytest.raises(AttributeError):
        _ = model.actors.regrad
    with pytest.raises(AttributeError):
        _ = model.households.severty


def test_kinds_and_sides_follow_the_actor_classes(model):
    a = model.actors
    assert set(np.unique(a.kind)) == {int(k) for k in Kind}
    expected = {
        Kind.PROFESSIONAL: Side.FORMAL,
        Kind.VOLUNTEER: Side.INFORMAL,
        Kind.COORDINATOR: Side.BROKER,
        Kind.ORGANISATION: Side.INFORMAL,
    }
    for kind, side in expected.items():
        assert np.all(a.side[a.kind == kind] == side), kind
    assert {cls.KIND: cls.SIDE for cls in ACTOR_CLASSES} == expected
    # rows are in class order: professionals, volunteers, coordinators, organisations
    assert np.all(np.diff(a.kind) >= 0)
    assert np.array_equal(a.of_side(Side.FORMAL), np.flatnonzero(a.kind == Kind.PROFESSIONAL))
    assert set(SIDE_NAMES) == set(Side)


def test_mode_keys_name_the_output_columns(model):
    assert [m.key for m in Mode] == [
        "formal_only",
        "informal_only",
        "coexistence",
        "intermediated",
        "coproduction",
    ]
    summary_keys = set(model.gauges)
    for m in Mode:
        assert f"share_{m.key}" in summary_keys


def test_classify_gives_exactly_one_mode_per_flag_combination():
    combos = np.array(np.meshgrid(*[[False, True]] * 4)).reshape(4, -1)
    formal, informal, direct, linked = combos
    got = classify(formal, informal, direct, linked)
    for f, i, d, lk, mode in zip(formal, informal, direct, linked, got, strict=True):
        if f and i:
            want = Mode.COPRODUCTION if d else (Mode.INTERMEDIATED if lk else Mode.COEXISTENCE)
        elif f:
            want = Mode.FORMAL_ONLY
        else:
            want = Mode.INFORMAL_ONLY
        assert mode == want, (f, i, d, lk)


@pytest.mark.parametrize(
    ("ingroup", "regard", "threat"),
    [(0.5, 0.5, 0.0), (0.2, 0.9, 0.4), (0.9, 0.1, 1.0), (0.6, 0.7, 0.3)],
)
def test_felt_identity_follows_threat(ingroup, regard, threat):
    m = neutral(tiny())
    a = m.actors
    a.ingroup[PRO_A], a.regard[PRO_A], a.threat[PRO_A] = ingroup, regard, threat
    felt_in = ingroup + threat * (1 - ingroup)
    assert a.felt_ingroup[PRO_A] == pytest.approx(felt_in)
    assert a.felt_regard[PRO_A] == pytest.approx(regard * (1 - threat * felt_in))
    if threat > 0:
        assert a.felt_regard[PRO_A] < regard
        assert a.felt_ingroup[PRO_A] > ingroup
    # the stocks themselves are untouched by reading the felt values
    assert a.regard[PRO_A] == regard and a.ingroup[PRO_A] == ingroup
    assert a.felt_regard[VOL_A] == pytest.approx(0.5)


def test_actor_state_starts_in_range(model):
    a = model.actors
    for col in (
        "knowledge",
        "role_view",
        "ingroup",
        "regard",
        "recognition",
        "threat",
        "uncertainty",
        "community",
        "cultural_sensitivity",
        "formalisation",
        "continuity",
    ):
        values = getattr(a, col)
        assert np.all((values >= 0) & (values <= 1)), col
    assert np.all(a.load == 0)
    assert np.all(a.recognition == 0)
    assert a.migrant.dtype == bool and a.hybrid.dtype == bool
