"""Determinism: one seed, one result; separate random streams; no global randomness."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from worlds import assert_one_line_error

from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.params import ParameterError
from samenspel.model.run_args import check_run_args
from samenspel.model.runner import run, simulate

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("model", "agents", "samenspel")
WEEKS = 52


def _same_summary(a: dict, b: dict) -> bool:
    if a.keys() != b.keys():
        return False
    for k in a:
        x, y = a[k], b[k]
        if isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y):
            continue
        if x != y:
            return False
    return True


def test_same_seed_gives_identical_weekly_series_and_summary():
    a = simulate(seed=11, weeks=WEEKS, wijktafels_per_year=6, reflection_per_year=4)
    b = simulate(seed=11, weeks=WEEKS, wijktafels_per_year=6, reflection_per_year=4)
    pd.testing.assert_frame_equal(a.weekly(), b.weekly(), check_exact=True)
    assert _same_summary(a.summary(), b.summary())
    assert np.array_equal(a.ties.familiarity, b.ties.familiarity)
    assert a.cases.n == b.cases.n
    assert np.array_equal(a.cases.modes(), b.cases.modes())
    assert np.array_equal(a.households.unmet, b.households.unmet)
    assert np.array_equal(a.actors.regard, b.actors.regard)


def test_run_function_is_reproducible():
    assert _same_summary(run(seed=3, weeks=30), run(seed=3, weeks=30))


def test_different_seeds_give_different_runs():
    a, b = simulate(seed=1, weeks=WEEKS), simulate(seed=2, weeks=WEEKS)
    assert not a.weekly().equals(b.weekly())
    assert a.cases.n != b.cases.n or not np.array_equal(
        a.cases.c.household[: a.cases.n], b.cases.c.household[: b.cases.n]
    )
    assert not np.array_equal(a.actors.knowledge, b.actors.knowledge)


def test_building_a_model_consumes_no_shared_state():
    # a model built in between must not change what another seed produces
    first = simulate(seed=5, weeks=20).weekly()
    Neighbourhood(rng=99).run_weeks(5)
    again = simulate(seed=5, weeks=20).weekly()
    pd.testing.assert_frame_equal(first, again)


def _onsets(model: Neighbourhood, weeks: int) -> list[np.ndarray]:
    out = []
    for _ in range(weeks):
        model.step()
        out.append(np.flatnonzero(model.households.new))
    return out


@pytest.mark.parametrize(
    "lever",
    [
        {"wijktafels_per_year": 52.0},
        {"reflection_per_year": 52.0},
        {
            "wijktafels_per_year": 52.0,
            "chair_training": 1.0,
            "hybridisation_model": "accessibility_plus",
        },
    ],
)
def test_meeting_levers_do_not_reshuffle_new_needs(lever):
    base = Neighbourhood(rng=8)
    levered = Neighbourhood(rng=8, **lever)
    # identical start: the lever does not touch the initialisation stream
    assert np.array_equal(base.households.vulnerability, levered.households.vulnerability)
    assert np.array_equal(base.ties.familiarity, levered.ties.familiarity)
    onsets_base, onsets_lever = _onsets(base, 3), _onsets(levered, 3)
    assert sum(len(o) for o in onsets_base) > 5  # needs do arise in these weeks
    for week, (x, y) in enumerate(zip(onsets_base, onsets_lever, strict=True), start=1):
        assert np.array_equal(x, y), f"new needs differ in week {week}"
    # the cases stream is drawn a fixed amount each week, whatever happens in routing
    for _ in range(20):
        base.step()
        levered.step()
    assert base.rng_cases.bit_generator.state == levered.rng_cases.bit_generator.state
    # ... while the lever did make a difference elsewhere
    assert not np.array_equal(base.ties.familiarity, levered.ties.familiarity)


@pytest.mark.parametrize(
    "switch", ["mech_success", "mech_identity_gating", "mech_reflection", "mech_brokerage"]
)
def test_switching_a_mechanism_off_does_not_reshuffle_new_needs(switch):
    # a need that is solved sooner may be followed by a new one sooner, so compare the
    # first weeks' onsets and the state of the cases stream after many weeks
    base = Neighbourhood(rng=8, reflection_per_year=12)
    off = Neighbourhood(rng=8, reflection_per_year=12, **{switch: False})
    for x, y in zip(_onsets(base, 3), _onsets(off, 3), strict=True):
        assert np.array_equal(x, y)
    base.run_weeks(40)
    off.run_weeks(40)
    assert base.rng_cases.bit_generator.state == off.rng_cases.bit_generator.state


def test_a_schedule_does_not_reshuffle_new_needs():
    base = Neighbourhood(rng=8)
    scheduled = Neighbourhood(rng=8, schedule=[{"week": 3, "wijktafels_per_year": 52.0}])
    for x, y in zip(_onsets(base, 5), _onsets(scheduled, 5), strict=True):
        assert np.array_equal(x, y)
    base.run_weeks(30)
    scheduled.run_weeks(30)
    assert base.rng_cases.bit_generator.state == scheduled.rng_cases.bit_generator.state
    assert not np.array_equal(base.ties.familiarity, scheduled.ties.familiarity)


def test_streams_are_distinct():
    m = Neighbourhood(rng=0, n_households=10)
    draws = [s.random(8) for s in (m.rng, m.rng_cases, m.rng_meetings, m.rng_decisions)]
    for i in range(len(draws)):
        for j in range(i + 1, len(draws)):
            assert not np.allclose(draws[i], draws[j])


@pytest.mark.parametrize("seed", [-1, 2**63, 1.5, "1", True, [1]])
def test_bad_seeds_are_parameter_errors_naming_seed(seed):
    with pytest.raises(ParameterError) as info:
        check_run_args(seed, 10)
    assert_one_line_error(str(info.value), "'seed'", repr(seed))
    with pytest.raises(ParameterError, match="'seed'"):
        run(seed=seed, weeks=2)


@pytest.mark.parametrize("weeks", [0, -3, 2.5, "10", None, False])
def test_bad_weeks_are_parameter_errors_naming_weeks(weeks):
    with pytest.raises(ParameterError) as info:
        check_run_args(0, weeks)
    assert_one_line_error(str(info.value), "'weeks'", repr(weeks))
    with pytest.raises(ParameterError, match="'weeks'"):
        Neighbourhood(rng=0, weeks=weeks, n_households=10)


def test_good_run_args_pass_as_plain_integers():
    assert check_run_args(np.int64(5), np.int32(7)) == (5, 7)
    with pytest.raises(ParameterError, match="'seed'"):  # run() needs a seed
        check_run_args(None, 1)
    assert Neighbourhood(rng=None, n_households=10).week == 0  # a model may take fresh entropy
    assert type(check_run_args(np.uint32(3), 2)[0]) is int


def _source_files() -> list[Path]:
    files = [f for d in SOURCE_DIRS for f in sorted((ROOT / d).rglob("*.py"))]
    assert len(files) > 10
    return files


# Global (unseeded or shared) randomness. Allowed: the Generator and SeedSequence
# types, and default_rng(<seed>) with an argument (a local, seeded generator).
_ALLOWED_NP = r"(?!Generator\b|SeedSequence\b|default_rng\((?!\s*\)))"
_STDLIB_CALLS = r"(?:random|randint|choice|choices|shuffle|sample|uniform|gauss|seed)"
GLOBAL_RANDOM = [
    re.compile(r"^\s*import\s+random\b", re.M),
    re.compile(r"^\s*from\s+random\s+import\b", re.M),
    re.compile(r"^\s*from\s+numpy\s+import\s+.*\brandom\b", re.M),
    re.compile(r"^\s*from\s+numpy\.random\s+import\s+(?!Generator\b|SeedSequence\b)", re.M),
    re.compile(r"\b(?:np|numpy)\.random\." + _ALLOWED_NP + r"\w+"),
    re.compile(r"(?<![\w.])random\." + _STDLIB_CALLS + r"\("),
]


def test_no_code_uses_global_random_state():
    offending = []
    for path in _source_files():
        text = path.read_text(encoding="utf-8")
        for pattern in GLOBAL_RANDOM:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                offending.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0).strip()}")
    assert not offending, "global randomness:\n" + "\n".join(offending)


@pytest.mark.parametrize(
    "snippet",
    [
        "import random",
        "x = np.random.rand(3)",
        "from numpy.random import default_rng",
        "np.random.seed(1)",
        "random.choice(xs)",
        "rng = numpy.random.default_rng()",
        "np.random.default_rng( )",
        "np.random.shuffle(xs)",
        "from random import choice",
    ],
)
def test_the_global_random_check_would_catch_offenders(snippet):
    assert any(p.search(snippet) for p in GLOBAL_RANDOM)


@pytest.mark.parametrize(
    "snippet",
    [
        "rng: np.random.Generator",
        "seq = np.random.SeedSequence(1)",
        "self.random.random()",
        "model.rng_cases.random((4, n))",
        "np.random.default_rng(seed)",
        "np.random.default_rng(np.random.SeedSequence(1).spawn(1)[0])",
    ],
)
def test_the_global_random_check_allows_generators(snippet):
    assert not any(p.search(snippet) for p in GLOBAL_RANDOM)


def test_a_summary_asked_for_mid_run_changes_nothing_later():
    # big enough (over 500 nodes in the tie graph) for the sampled betweenness
    kw = dict(rng=11, weeks=8, n_areas=8, areas_per_district=4, n_households=40)
    plain, asked = Neighbourhood(**kw), Neighbourhood(**kw)
    for week in range(8):
        plain.step()
        asked.step()
        if week == 3:
            asked.summary()
    assert len(asked.actors) > 500  # the tie graph's nodes: the sampled path is exercised
    assert plain.summary() == asked.summary()
    assert np.array_equal(plain.households.severity, asked.households.severity)


@pytest.mark.parametrize(
    "kw",
    [
        {"seed": 4, "weeks": 120},
        {"seed": 5, "weeks": 80, "schedule": [{"week": 60, "wijktafels_per_year": 12}]},
        {"seed": 6, "weeks": 30},  # shorter than the regime's year: every week is kept
    ],
)
def test_a_summary_only_run_gives_the_same_summary_and_last_weeks(kw):
    full, lean = simulate(**kw), simulate(summary_only=True, **kw)
    assert _same_summary(full.summary(), lean.summary())
    assert _same_summary(run(**kw), full.summary())  # run() records summary-only
    kept = lean.weekly()
    assert len(kept) == min(kw["weeks"] + 1, 52)
    assert kept.index[-1] == kw["weeks"] and kept.index.name == "week"
    pd.testing.assert_frame_equal(kept, full.weekly().loc[kept.index], check_exact=True)
    assert len(full.weekly()) == kw["weeks"] + 1


def test_the_event_log_keeps_every_week_measured_in_a_summary_only_run():
    model = simulate(seed=2, weeks=60, summary_only=True, events=True)
    assert len(model.weekly()) == 61 and model.record_from == 0
