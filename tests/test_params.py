"""Parameter declarations and validation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from worlds import assert_one_line_error

from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.params import CONTEXTS, PARAMS, ParameterError, defaults, resolve

GROUPS = {
    "context",
    "unfamiliarity",
    "disagreement",
    "goals",
    "capacity",
    "mechanism",
    "initial",
    "switch",
}
SOURCED = ("mechanism", "initial")
NUMERIC = [p for p in PARAMS.values() if p.type in (int, float)]
CHOICE = [p for p in PARAMS.values() if p.type is str]
HYPO = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def _rejects(name: str, value, *needles: str) -> str:
    """resolve() rejects ``{name: value}`` with a one-line message; returns it."""
    with pytest.raises(ParameterError) as info:
        resolve({name: value})
    message = str(info.value)
    assert_one_line_error(message, f"'{name}'", *needles)
    return message


# --- declarations ------------------------------------------------------------------------


def test_there_are_parameters_in_every_kind_of_group():
    assert len(PARAMS) >= 30
    assert {p.group for p in PARAMS.values()} <= GROUPS
    assert GROUPS == {p.group for p in PARAMS.values()}


@pytest.mark.parametrize(
    "p", [p for p in PARAMS.values() if p.group in SOURCED], ids=lambda p: p.name
)
def test_every_mechanism_constant_and_starting_disposition_has_a_source(p):
    # issue 9, point 1: every constant that shapes results is declared with its source
    assert isinstance(p.source, str) and p.source.strip(), p.name
    assert p.unit.strip() or p.type is bool, f"{p.name} has no unit"


@pytest.mark.parametrize(
    "p", [p for p in PARAMS.values() if p.group == "switch"], ids=lambda p: p.name
)
def test_switches_are_booleans_on_by_default(p):
    assert p.type is bool and p.default is True
    assert p.name.startswith("mech_")
    assert not p.is_lever


def test_the_documented_switches_exist():
    switches = {n for n, p in PARAMS.items() if p.group == "switch"}
    assert {
        "mech_familiarity",
        "mech_identity_gating",
        "mech_contact_valence",
        "mech_threat",
        "mech_reflection",
        "mech_goal_clarity",
        "mech_success",
        "mech_brokerage",
        "mech_caseload",
    } <= switches


def test_levers_are_the_policy_groups_only():
    levers = {p.group for p in PARAMS.values() if p.is_lever}
    assert levers == {"unfamiliarity", "disagreement", "goals", "capacity"}


@pytest.mark.parametrize("p", PARAMS.values(), ids=lambda p: p.name)
def test_every_parameter_is_fully_declared(p):
    assert PARAMS[p.name] is p
    assert p.name.isidentifier()
    assert p.type in (int, float, bool, str)
    assert p.default is not None
    assert isinstance(p.unit, str)
    for text in (p.label_en, p.label_nl, p.meaning, p.meaning_nl):
        assert isinstance(text, str) and text.strip() and "\n" not in text
    assert p.group in GROUPS
    if p.type in (int, float):
        assert p.choices is None
        assert p.low is not None and p.high is not None and p.low < p.high
        assert p.low <= p.default <= p.high
        assert type(p.default) is p.type
    elif p.type is str:
        assert p.choices and all(isinstance(c, str) for c in p.choices)
        assert p.default in p.choices
        assert p.low is None and p.high is None
    else:
        assert isinstance(p.default, bool)


@pytest.mark.parametrize("p", PARAMS.values(), ids=lambda p: p.name)
def test_defaults_validate(p):
    assert p.check(p.default) == p.default
    assert resolve({p.name: p.default})[p.name] == p.default


def test_resolve_without_values_gives_the_defaults():
    assert resolve() == defaults()
    assert resolve({}) == defaults()
    assert set(resolve()) == set(PARAMS)


def test_resolve_does_not_change_its_input():
    values = {"anonymity": "0.3"}
    resolve(values)
    assert values == {"anonymity": "0.3"}


# --- rejected values ---------------------------------------------------------------------


@pytest.mark.parametrize("p", NUMERIC, ids=lambda p: p.name)
def test_out_of_range_is_rejected(p):
    span = p.high - p.low
    for value in (p.low - max(1, span), p.high + max(1, span)):
        value = p.type(value)
        _rejects(p.name, value, p.allowed(), repr(value))


@pytest.mark.parametrize("p", NUMERIC, ids=lambda p: p.name)
def test_nan_and_infinity_are_rejected(p):
    for value in (math.nan, math.inf, -math.inf, "nan", "inf"):
        _rejects(p.name, value, p.allowed(), repr(value))


@pytest.mark.parametrize("p", NUMERIC, ids=lambda p: p.name)
def test_bool_is_not_a_number(p):
    for value in (True, False):
        _rejects(p.name, value, p.allowed(), repr(value))


@pytest.mark.parametrize("p", PARAMS.values(), ids=lambda p: p.name)
def test_wrong_types_are_rejected(p):
    wrong = [None, [p.default], {"v": p.default}, b"1", object()]
    if p.type is str:
        wrong += [1, 0.5, True]
    else:
        wrong += ["abc", "", "0,5"]
    for value in wrong:
        _rejects(p.name, value, p.allowed())


@pytest.mark.parametrize("p", CHOICE, ids=lambda p: p.name)
def test_choices_are_exact(p):
    for value in ("nonsense", p.default.upper(), f" {p.default}", ""):
        if value in p.choices:
            continue
        _rejects(p.name, value, p.allowed(), repr(value))


@pytest.mark.parametrize("p", [p for p in NUMERIC if p.type is int], ids=lambda p: p.name)
def test_integer_parameters_reject_fractions(p):
    value = p.low + 0.5
    _rejects(p.name, value, "an integer", repr(value))
    _rejects(p.name, str(value), "an integer")


def test_unknown_name_is_rejected_with_a_hint():
    message = _rejects("anonimity", 0.5, "did you mean 'anonymity'", "samenspel params")
    assert "unknown parameter" in message
    message = _rejects("zzz_not_a_parameter", 1)
    assert "did you mean" not in message


def test_error_messages_name_the_source():
    with pytest.raises(ParameterError) as info:
        resolve({"anonymity": 2}, where="scenarios/x.toml")
    assert str(info.value).startswith("scenarios/x.toml: ")
    assert_one_line_error(str(info.value), "'anonymity'")
    with pytest.raises(ParameterError) as info:
        resolve({"anonymty": 2}, where="scenarios/x.toml")
    assert str(info.value).startswith("scenarios/x.toml: ")


def test_parameter_error_is_a_value_error():
    assert issubclass(ParameterError, ValueError)


def test_model_constructor_validates():
    with pytest.raises(ParameterError):
        Neighbourhood(rng=0, n_households=5)
    with pytest.raises(ParameterError):
        Neighbourhood(rng=0, no_such_thing=1)


def test_huge_integer_for_a_float_parameter_is_a_parameter_error():
    _rejects("anonymity", 10**400)


@pytest.mark.parametrize("value", [np.int64(100), np.int32(100)])
def test_numpy_integers_are_accepted(value):
    assert resolve({"n_households": value})["n_households"] == 100


def test_numpy_float64_is_accepted():
    assert resolve({"anonymity": np.float64(0.25)})["anonymity"] == 0.25


# --- property-based: inside accepted, outside rejected ----------------------------------


@st.composite
def inside(draw):
    p = draw(st.sampled_from(NUMERIC))
    if p.type is int:
        value = draw(st.integers(int(p.low), int(p.high)))
        value = draw(st.sampled_from([value, float(value), str(value), f" {value} "]))
    else:
        value = draw(st.floats(p.low, p.high, allow_nan=False))
        value = draw(st.sampled_from([value, repr(value)]))
    return p, value


@st.composite
def outside(draw):
    p = draw(st.sampled_from(NUMERIC))
    below = st.floats(max_value=p.low, exclude_max=True, allow_nan=False)
    above = st.floats(min_value=p.high, exclude_min=True, allow_nan=False)
    value = draw(st.one_of(below, above))
    if p.type is int or draw(st.booleans()):
        as_int = [int(value)] if math.isfinite(value) and value == int(value) else []
        value = draw(st.sampled_from([value, repr(value), *as_int]))
    return p, value


@HYPO
@given(inside())
def test_values_inside_the_range_are_accepted(case):
    p, value = case
    got = resolve({p.name: value})[p.name]
    assert type(got) is p.type
    assert p.low <= got <= p.high
    assert got == p.type(float(value))


@HYPO
@given(outside())
def test_values_outside_the_range_are_rejected(case):
    p, value = case
    message = _rejects(p.name, value, p.allowed())
    assert repr(value) in message


@HYPO
@given(st.sampled_from(CHOICE), st.text(max_size=12))
def test_only_declared_choices_are_accepted(p, text):
    if text in p.choices:
        assert resolve({p.name: text})[p.name] == text
    else:
        _rejects(p.name, text, p.allowed())


PRINTABLE = st.characters(categories=("L", "N", "P", "S", "Zs"))


@HYPO
@given(st.text(PRINTABLE, min_size=1, max_size=20).filter(lambda s: s not in PARAMS))
def test_unknown_names_are_always_rejected(name):
    with pytest.raises(ParameterError) as info:
        resolve({name: 1})
    assert_one_line_error(str(info.value), repr(name), "unknown parameter")


def test_unknown_name_with_a_newline_still_gives_one_line():
    with pytest.raises(ParameterError) as info:
        resolve({"anonymity\nx": 1})
    assert_one_line_error(str(info.value), "unknown parameter")


# --- context presets ---------------------------------------------------------------------


def test_town_preset_applies_town_values():
    town = resolve({"context": "town"})
    assert CONTEXTS["town"]
    for key, value in CONTEXTS["town"].items():
        assert town[key] == value
    city = resolve({"context": "city"})
    assert city == defaults()
    differs = [k for k in CONTEXTS["town"] if town[k] != city[k]]
    assert {"anonymity", "migrant_share", "preexisting_ties"} <= set(differs)
    assert town["anonymity"] < city["anonymity"]
    # traits outside the preset keep their defaults
    assert town["wijktafels_per_year"] == defaults()["wijktafels_per_year"]


def test_explicit_values_win_over_the_preset():
    got = resolve({"context": "town", "anonymity": 0.9, "migrant_share": "0.6"})
    assert got["anonymity"] == 0.9 and got["migrant_share"] == 0.6
    assert got["preexisting_ties"] == CONTEXTS["town"]["preexisting_ties"]
    # the order of the keys does not matter
    assert resolve({"anonymity": 0.9, "context": "town"})["anonymity"] == 0.9


def test_preset_values_are_valid():
    for context, values in CONTEXTS.items():
        for key, value in values.items():
            assert PARAMS[key].check(value) == value, (context, key)
