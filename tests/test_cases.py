"""Case modes: every case ends in exactly one mode, and the shares add up."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from samenspel.model.cases import (
    COEXISTENCE,
    COPRODUCTION,
    FORMAL_ONLY,
    INFORMAL_ONLY,
    INTERMEDIATED,
    MODE_NAMES,
    CaseBook,
    classify,
)

FLAGS = list(itertools.product([False, True], repeat=4))  # formal, informal, direct, linked


def documented_mode(formal: bool, informal: bool, direct: bool, linked: bool) -> int | None:
    """The mode table of model/cases.py, written out rule by rule."""
    rules = {
        FORMAL_ONLY: formal and not informal,
        INFORMAL_ONLY: informal and not formal,
        COPRODUCTION: formal and informal and direct,
        INTERMEDIATED: formal and informal and linked and not direct,
        COEXISTENCE: formal and informal and not direct and not linked,
    }
    matching = [code for code, holds in rules.items() if holds]
    assert len(matching) <= 1, "the documented rules overlap"
    return matching[0] if matching else None


def test_classify_gives_exactly_one_valid_code_for_every_flag_combination():
    cols = [np.array(col) for col in zip(*FLAGS, strict=True)]
    codes = classify(*cols)
    assert codes.shape == (16,)
    assert set(np.unique(codes)) <= set(range(len(MODE_NAMES)))


@pytest.mark.parametrize("flags", [f for f in FLAGS if f[0] or f[1]],
                         ids=lambda f: "".join("FIDL"[i] if v else "-" for i, v in enumerate(f)))
def test_classify_follows_the_documented_precedence(flags):
    code = int(classify(*(np.array([v]) for v in flags))[0])
    assert code == documented_mode(*flags)


def test_direct_contact_wins_over_a_coordinator_link():
    t, f = np.array([True]), np.array([False])
    assert classify(t, t, t, t)[0] == COPRODUCTION
    assert classify(t, t, f, t)[0] == INTERMEDIATED
    assert classify(t, t, f, f)[0] == COEXISTENCE
    # links and contact do not make a one-sided case joint
    assert classify(t, f, t, t)[0] == FORMAL_ONLY
    assert classify(f, t, t, t)[0] == INFORMAL_ONLY


def test_casebook_grows_and_keeps_rows():
    book = CaseBook(capacity=2)
    ids = [book.open(h, week=h, silent=h % 2 == 0) for h in range(5)]
    assert ids == list(range(5))
    assert book.n == 5
    assert list(book.household) == list(range(5))
    assert list(book.silent) == [True, False, True, False, True]
    assert np.all(book.pro == -1)
    assert list(book.active_ids()) == ids


def test_every_case_of_a_full_run_has_one_mode(default_run):
    c = default_run.cases
    assert c.n > 100
    modes = c.modes()
    assert modes.shape == (c.n,)
    assert np.all((modes >= 0) & (modes < len(MODE_NAMES)))
    assert np.bincount(modes, minlength=5).sum() == c.n
    # every case involved at least one side, so the flag table decides its mode
    assert np.all(c.formal | c.informal)
    summary = default_run.summary()
    shares = [summary[f"share_{m}"] for m in MODE_NAMES]
    assert sum(shares) == pytest.approx(1.0)
    assert summary["cases"] == c.n
    counts = np.bincount(modes, minlength=5)
    assert np.allclose(shares, counts / c.n)


def test_weekly_mode_shares_sum_to_one_whenever_cases_are_open(default_run):
    df = default_run.weekly()
    shares = df[[f"share_{m}" for m in MODE_NAMES]]
    open_weeks = df["open_cases"] > 0
    assert open_weeks.sum() > 200
    assert np.allclose(shares[open_weeks].sum(axis=1), 1.0)
    assert ((shares[open_weeks] >= 0) & (shares[open_weeks] <= 1)).all().all()
    assert shares[~open_weeks].isna().all().all()


def test_case_state_is_consistent_after_a_full_run(default_run):
    m = default_run
    c, h, a = m.cases, m.households, m.actors
    active = c.active
    # active cases point back from their household, closed ones have an end week
    assert np.all(h["case"][c.household[active]] == np.flatnonzero(active))
    assert np.all(c.end[~active] >= c.start[~active])
    assert np.all(c.end[active] == -1)
    assert len(np.unique(c.household[active])) == active.sum()
    # loads equal the number of active cases each actor is on
    n = len(a["kind"])
    expected = sum(m.cases.load(role, n) for role in ("pro", "inf", "coord"))
    assert np.array_equal(a["load"], expected)
    # anyone on a case carries the matching flag
    assert np.all(c.formal[c.pro >= 0]) and np.all(c.informal[c.inf >= 0])
    assert np.all(c.linked[c.coord >= 0])
    # direct contact now implies both actors on the case and the history flag
    together = c.together & active
    assert np.all(c.direct[together])
    assert np.all((c.pro[together] >= 0) & (c.inf[together] >= 0))
    assert not np.any(c.together[~active])
