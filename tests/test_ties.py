"""Familiarity: grows with contact (bounded by 1), decays without, slower when overseeable."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import PRO_A, PRO_B, VOL_A, neutral, org_index, tiny

from samenspel.model.disagreement import disagreement
from samenspel.model.ties import Ties


def test_familiarity_decays_without_contact():
    m = neutral(tiny())
    org = org_index(m)
    m.ties.familiarity[PRO_A, org] = m.ties.familiarity[org, PRO_A] = 0.6
    for _ in range(10):
        m.ties.update(gain=0.15, decay=0.05)
    f = m.ties.familiarity[PRO_A, org]
    assert f == pytest.approx(0.6 * 0.95**10)
    assert f < 0.6 * 0.7  # a real loss, not rounding
    assert m.ties.familiarity[org, PRO_A] == f  # stays symmetric


def test_familiarity_grows_with_contact_and_stays_at_most_one():
    m = neutral(tiny())
    org = org_index(m)
    m.ties.familiarity[PRO_A, org] = m.ties.familiarity[org, PRO_A] = 0.2
    history = []
    for _ in range(200):
        m.ties.touch(PRO_A, org, 3.0)  # contact above one week counts as one week
        m.ties.update(gain=0.5, decay=0.05)
        history.append(m.ties.familiarity[PRO_A, org])
    history = np.array(history)
    assert history[0] == pytest.approx(0.2 + 0.5 * (1 - 0.2))
    assert np.all(np.diff(history) >= 0)
    assert np.all(history <= 1.0)
    assert history[-1] > 0.99
    assert m.ties.familiarity[org, PRO_A] == history[-1]
    # the pair without contact decayed meanwhile; the diagonal stays zero
    assert np.all(np.diag(m.ties.familiarity) == 0.0)
    assert np.all(m.ties.contact == 0.0)  # update resets the week's contact


def test_contact_only_affects_the_pair_touched():
    m = neutral(tiny())
    org = org_index(m)
    m.ties.familiarity[m.ties.cross] = 0.4
    m.ties.touch(PRO_A, org)
    m.ties.update(gain=0.2, decay=0.1)
    f = m.ties.familiarity
    assert f[PRO_A, org] > 0.4
    assert f[PRO_B, org] == pytest.approx(0.36)
    assert f[PRO_A, VOL_A] == pytest.approx(0.36)


@pytest.mark.parametrize("gain", [0.0, 0.3, 1.0])
def test_update_keeps_familiarity_in_unit_interval(gain):
    rng = np.random.default_rng(3)
    n = 12
    f = rng.random((n, n))
    f = (f + f.T) / 2
    ties = Ties.single(np.array([0] * 4 + [1] * 6 + [2] * 2), f)
    for _ in range(30):
        contact = rng.random((n, n)) * 3 * (rng.random((n, n)) < 0.5)
        ties.contact[:] = contact + contact.T
        ties.update(gain, 0.2)
        assert np.all((ties.familiarity >= 0) & (ties.familiarity <= 1))


def _cross_familiarity_after(anonymity: float, weeks: int) -> float:
    m = neutral(tiny(anonymity=anonymity))
    org = org_index(m)
    m.ties.familiarity[PRO_A, org] = m.ties.familiarity[org, PRO_A] = 0.7
    for _ in range(weeks):
        m.update_ties()
    return float(m.ties.familiarity[PRO_A, org])


def test_decay_is_slower_with_lower_anonymity():
    city = _cross_familiarity_after(anonymity=0.9, weeks=52)
    town = _cross_familiarity_after(anonymity=0.2, weeks=52)
    overseeable = _cross_familiarity_after(anonymity=0.0, weeks=52)
    assert city < town < overseeable
    assert city < 0.7 * 0.7  # a year in an anonymous place costs a lot
    assert town > city + 0.1
    assert overseeable == pytest.approx(0.7)  # no anonymity, no decay


def test_team_contact_keeps_professionals_familiar():
    m = tiny(anonymity=1.0)
    for _ in range(52):
        m.update_ties()
    assert m.ties.familiarity[PRO_A, PRO_B] > 0.8  # weekly team meetings


def test_disagreement_follows_the_two_logics():
    m = neutral(tiny())
    a = m.actors
    a.knowledge[PRO_A], a.role_view[PRO_A] = 0.9, 0.2
    a.knowledge[VOL_A], a.role_view[VOL_A] = 0.1, 0.8
    d = disagreement(a, np.array([PRO_A]), np.array([VOL_A]))[0]
    assert d == pytest.approx(0.5 * (0.8 + 0.6))
    assert disagreement(a, np.array([VOL_A]), np.array([PRO_A]))[0] == d
    assert disagreement(a, np.array([PRO_B]), np.array([PRO_B]))[0] == 0.0


def test_switching_familiarity_growth_off_leaves_only_decay():
    m = neutral(tiny(mech_familiarity=False, anonymity=0.5))
    org = org_index(m)
    m.ties.familiarity[PRO_A, org] = m.ties.familiarity[org, PRO_A] = 0.5
    for _ in range(10):
        m.ties.touch(PRO_A, org)
        m.update_ties()
    assert m.ties.familiarity[PRO_A, org] == pytest.approx(0.5)  # contact: no decay, no gain
    m.update_ties()
    assert m.ties.familiarity[PRO_A, org] < 0.5


def test_strong_pairs_are_the_ties_at_or_above_the_threshold():
    m = neutral(tiny(preexisting_ties=0.0))
    org = org_index(m)
    m.ties.familiarity[PRO_A, org] = m.ties.familiarity[org, PRO_A] = 0.5
    m.ties.familiarity[PRO_B, VOL_A] = m.ties.familiarity[VOL_A, PRO_B] = 0.49
    rows, cols, values = m.ties.strong_pairs(0.5)
    pairs = set(zip(rows.tolist(), cols.tolist(), strict=True))
    assert (PRO_A, org) in pairs and (PRO_B, VOL_A) not in pairs
    assert np.all(rows < cols) and np.all(values >= 0.5)
    f = m.ties.familiarity
    expected = {(i, j) for i in range(len(f)) for j in range(i + 1, len(f)) if f[i, j] >= 0.5}
    assert pairs == expected


def _two_districts(seed: int) -> Ties:
    """A random tie state of two districts."""
    rng = np.random.default_rng(seed)
    side = np.array([0, 0, 1, 1, 2, 0, 1, 1, 2])
    district = np.array([0, 0, 0, 0, 0, 1, 1, 1, 1])
    blocks = []
    for size in (5, 4):
        b = rng.random((size, size)) * (rng.random((size, size)) < 0.3)
        blocks.append(np.triu(b, 1) + np.triu(b, 1).T)
    pairs = (np.array([0, 1, 5]), np.array([2, 3, 6]))
    return Ties(side, district, blocks, pairs)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_compact_storage_keeps_every_value_of_the_block_layout(seed):
    ties = _two_districts(seed)
    dense = ties.flat.copy()  # the whole block layout, updated by the equations directly
    rng = np.random.default_rng(seed + 10)
    for _ in range(30):
        contact = np.zeros_like(dense)
        for _ in range(3):
            i, j = rng.integers(0, 5, size=2) if rng.random() < 0.6 else rng.integers(5, 9, 2)
            if i != j:
                w = float(rng.random())
                ties.touch(int(i), int(j), w)
                for a, b in ((i, j), (j, i)):
                    contact[ties.index(a, b)] += w
        ties.update(gain=0.2, decay=0.03)
        c = np.minimum(contact, 1.0)
        dense = np.where(c > 0, dense + 0.2 * c * (1.0 - dense), dense * (1.0 - 0.03))
        assert np.array_equal(ties.flat, dense)
    assert not ties.flat.flags.writeable  # a copy: write through familiarity instead


@pytest.mark.parametrize("seed", [0, 1])
def test_fixed_pairs_read_what_get_reads_as_ties_come_into_use(seed):
    """Pairs addressed once (across districts too) follow the slots that come into use."""
    ties = _two_districts(seed)
    i = np.array([0, 1, 2, 5, 6, 0, 3])
    j = np.array([2, 3, 4, 6, 8, 6, 5])  # the last two pairs cross the districts: 0
    fixed = ties.fixed_pairs(i, j)
    for week in range(12):
        np.testing.assert_array_equal(fixed.familiarity(), ties.get(i, j))
        k = week % 5
        ties.touch(int(i[k]), int(j[k]), 1.0)  # pairs not in use come into use
        ties.update(gain=0.3, decay=0.02)
    assert fixed.familiarity()[-2:].tolist() == [0.0, 0.0]
    assert (fixed.familiarity()[:5] > 0).all()


def test_fixed_pairs_and_ei_index_read_through_a_view_handed_out():
    m = neutral(tiny())
    ties, side = m.ties, m.actors.side
    fixed = ties.fixed_pairs(ties.cross_i, ties.cross_j)
    view = ties.familiarity
    org = org_index(m)
    view[PRO_A, org] = view[org, PRO_A] = 0.6  # across the sides
    view[PRO_A, VOL_A] = view[VOL_A, PRO_A] = 0.7  # across
    view[PRO_A, PRO_B] = view[PRO_B, PRO_A] = 0.55  # within the formal side
    np.testing.assert_array_equal(fixed.familiarity(), view[ties.cross_i, ties.cross_j])
    for _ in range(3):
        f = ties.familiarity
        strong = np.triu(f >= 0.5, 1) & (side[:, None] != 2) & (side[None, :] != 2)
        across = int((strong & (side[:, None] != side[None, :])).sum())
        within = int((strong & (side[:, None] == side[None, :])).sum())
        assert across >= 2 and within >= 1
        assert ties.ei_index(0.5) == (across - within) / (across + within)
        ties.touch(PRO_B, VOL_A)
        ties.update(gain=0.4, decay=0.01)
        np.testing.assert_array_equal(fixed.familiarity(), view[ties.cross_i, ties.cross_j])


def test_writes_through_a_kept_familiarity_view_count():
    m = neutral(tiny())
    org = org_index(m)
    view = m.ties.familiarity
    view[PRO_A, org] = view[org, PRO_A] = 0.5
    m.ties.update(gain=0.1, decay=0.1)
    view[PRO_B, org] = view[org, PRO_B] = 0.4  # the same array, written later
    assert m.ties.get(PRO_B, org) == 0.4
    m.ties.update(gain=0.1, decay=0.1)
    assert m.ties.get(PRO_A, org) == pytest.approx(0.5 * 0.9 * 0.9)
    assert view[PRO_B, org] == pytest.approx(0.4 * 0.9)


def test_fixed_disagreement_follows_a_changed_logic():
    """The kept disagreement of fixed pairs is recomputed when a logic is set."""
    from samenspel.model import Neighbourhood
    from samenspel.model.disagreement import FixedDisagreement, disagreement

    m = Neighbourhood(rng=2, weeks=3)
    a, ties = m.actors, m.ties
    fixed = FixedDisagreement(ties.cross_i, ties.cross_j)
    first = fixed(a)
    assert fixed(a) is first and not first.flags.writeable
    a.knowledge[ties.cross_j[0]] = 1.0 - a.knowledge[ties.cross_j[0]]
    np.testing.assert_array_equal(fixed(a), disagreement(a, ties.cross_i, ties.cross_j))
    assert fixed(a) is not first


@pytest.mark.parametrize(
    "params",
    [
        {"seed": 3},
        {"seed": 4, "team_contact": 0.0, "organisation_contact": 1.0},
        {"seed": 5, "n_areas": 4, "areas_per_district": 2},
    ],
)
def test_fixed_groups_grow_as_if_met_pair_by_pair(params, monkeypatch):
    """Teams and organisations grown in one pass: the same ties as through meet_at."""
    from samenspel.model import Neighbourhood
    from samenspel.model.ties import Ties

    seed = params.pop("seed")
    fast = Neighbourhood(rng=seed, weeks=40, **params)
    fast.run_weeks(40)
    with monkeypatch.context() as mp:
        mp.setattr(Ties, "meet_groups", lambda self, g, w: self.meet_at(g.positions, w))
        slow = Neighbourhood(rng=seed, weeks=40, **params)
        slow.run_weeks(40)
    np.testing.assert_array_equal(fast.ties.flat, slow.ties.flat)
    assert str(fast.summary()) == str(slow.summary())  # as text: nan equals nan


@pytest.mark.parametrize("view", ["contact", "familiarity"])
def test_fixed_groups_with_a_view_out(view):
    """A writable view handed out: the groups' ties grow as without it."""
    from samenspel.model import Neighbourhood

    a, b = Neighbourhood(rng=6, weeks=8), Neighbourhood(rng=6, weeks=8)
    a.run_weeks(3)
    b.run_weeks(3)
    _ = getattr(a.ties, view)  # contact: the next update takes it as it is; familiarity:
    a.run_weeks(5)  # the slots are renumbered every week from the view
    b.run_weeks(5)
    np.testing.assert_array_equal(a.ties.flat, b.ties.flat)


def test_meeting_a_group_registers_every_pair_once_as_group_positions_gives():
    """``Ties.meet`` (compiled) touches what ``meet_at(group_positions([group]))`` touches."""
    m = neutral(tiny(n_areas=2))
    group = np.flatnonzero(m.ties.district == m.ties.district[0])[[4, 0, 2]]
    positions = m.ties.group_positions([group])
    m.ties.meet(group, 0.25)
    assert np.array_equal(m.ties._touched[-1], positions)  # the same positions, in order
    expected = np.zeros_like(m.ties.contact_flat)
    expected[positions] = 0.25
    assert np.array_equal(m.ties.contact_flat, expected)  # once each, nowhere else
    m.ties.meet(group[:1], 1.0)  # one actor: no pair, nothing registered
    assert np.array_equal(m.ties.contact_flat, expected)
