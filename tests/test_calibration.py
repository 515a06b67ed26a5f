"""Calibration: classification, a reproducible search, the acceptance logic, bad input.

The searches here are tiny (2 points, 2 replicates, 26 weeks); the real one is
``samenspel calibrate`` (docs/calibration.md).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from samenspel.calibration import (
    CALIBRATED,
    accepted,
    calibrate,
    classification,
    classify,
    is_free,
    judge_point,
    latin_design,
    load,
    parameter_ranges,
    report,
    verdicts,
    write,
)
from samenspel.cli import main
from samenspel.model.params import PARAMS
from samenspel.validation import SCENARIOS

# --- classification and design -------------------------------------------------------


def test_every_parameter_is_classified_and_the_searched_ones_are_free_mechanism():
    df = classification()
    assert set(df["name"]) == set(PARAMS)
    assert set(df["class"]) <= {"free", "research", "research (value assumed)", "input", "switch"}
    for p in PARAMS.values():
        assert (classify(p) == "free") == (is_free(p) and p.group in ("mechanism", "initial"))
    assert 8 <= len(CALIBRATED) <= 12 and len(set(CALIBRATED)) == len(CALIBRATED)
    for name in CALIBRATED:
        assert PARAMS[name].group == "mechanism" and classify(PARAMS[name]) == "free"


def test_ranges_lie_within_the_declarations_and_the_design_fills_them():
    ranges = parameter_ranges()
    d = latin_design(40, seed=3)
    for name, (low, high) in ranges.items():
        p = PARAMS[name]
        assert p.low <= low < high <= p.high
        assert d[name].between(low, high).all()
        # Latin hypercube: one point in each of the 40 slices of every range
        slices = np.floor((d[name] - low) / (high - low) * 40).clip(0, 39)
        if p.type is float:
            assert slices.nunique() == 40
    assert latin_design(5, seed=3).equals(latin_design(5, seed=3))
    assert not latin_design(5, seed=3).equals(latin_design(5, seed=4))


# --- a tiny search: reproducible by seed, independent of workers ----------------------


@pytest.fixture(scope="module")
def tiny():
    return calibrate(points=2, replicates=2, seed=7, weeks=26, workers=1)


def test_search_is_reproducible_by_seed_and_independent_of_workers(tiny):
    again = calibrate(points=2, replicates=2, seed=7, weeks=26, workers=2)
    pd.testing.assert_frame_equal(tiny.points, again.points)
    pd.testing.assert_frame_equal(tiny.runs, again.runs)
    assert tiny.seeds == [7, 8]
    assert list(tiny.points["point"]) == [-1, 0, 1]  # the defaults first
    assert len(tiny.runs) == 3 * len(SCENARIOS) * 2
    # common random numbers: every point runs every scenario with the same seeds
    seeds = tiny.runs.groupby(["point", "scenario"])["seed"].apply(tuple)
    assert set(seeds) == {(7, 8)}


def test_outputs_and_report(tiny, tmp_path):
    written = write(tiny, tmp_path / "out", tmp_path / "docs", "samenspel calibrate ...")
    assert {p.name for p in written} >= {
        "points.csv",
        "runs.parquet",
        "calibration.png",
        "report.md",
        "calibration.md",
    }
    text = (tmp_path / "docs" / "calibration.md").read_text()
    for part in (
        "Acceptance criteria (fixed before the search)",
        "Accepted:",
        "Classification of every parameter",
        "`contact_gain`",
        "Defaults",
    ):
        assert part in text, part
    assert "Not run yet" in report(None)
    back = load(tmp_path / "out")  # the report can be rewritten from the folder
    pd.testing.assert_frame_equal(back.points, tiny.points, check_dtype=False)
    assert [r.passed for r in back.default_checks] == [r.passed for r in tiny.default_checks]


# --- the acceptance logic on constructed inputs ---------------------------------------

MEANS = {  # per scenario: values that meet every pattern's criteria
    "city-baseline": dict(
        share_coexistence=0.40,
        share_intermediated=0.20,
        share_coproduction=0.02,
        brokerage_share=0.90,
        familiarity=0.10,
        informal_uptake=0.50,
        goal_uncertainty=0.70,
    ),
    "town-baseline": dict(share_coproduction=0.08, informal_uptake=0.60, goal_uncertainty=0.60),
    "wijktafels": dict(familiarity=0.30, share_coproduction=0.03),
    "combined-package": dict(familiarity=0.35, share_coproduction=0.10),
    "town-accessibility": dict(informal_uptake=0.60, goal_uncertainty=0.30),
    "no-governance": dict(informal_uptake=0.40, goal_uncertainty=0.80),
}
SEEDS = (1, 2, 3, 4)


def constructed(changes: dict[tuple[str, str], float] | None = None) -> pd.DataFrame:
    rows = []
    for name in SCENARIOS:
        values = {**MEANS["city-baseline"], **MEANS[name]}
        for (scenario, outcome), v in (changes or {}).items():
            if scenario == name:
                values[outcome] = v
        for i, seed in enumerate(SEEDS):
            noise = 0.002 * (i - 1.5)  # small, the same in every scenario
            rows.append(
                {"scenario": name, "seed": seed, **{k: v + noise for k, v in values.items()}}
            )
    return pd.DataFrame(rows)


def logics(spread: bool = True) -> pd.DataFrame:
    x = np.linspace(0.0, 1.0, 40) if spread else np.full(40, 0.5)
    return pd.concat(
        [
            pd.DataFrame({"scenario": s, "seed": 1, "knowledge": x, "role_view": x[::-1]})
            for s in ("city-baseline", "town-baseline")
        ],
        ignore_index=True,
    )


def test_constructed_point_that_meets_every_pattern_is_accepted():
    results = judge_point(constructed(), logics())
    assert [r.number for r in results] == [1, 2, 3, 4, 5]
    assert accepted(results), "\n".join(r.explain() for r in results)
    assert verdicts(results) == {
        "p1": True,
        "p2": True,
        "p3": True,
        "p4": True,
        "p5": True,
        "accepted": True,
    }


@pytest.mark.parametrize(
    ("changes", "spread", "fails"),
    [
        ({("town-baseline", "share_coproduction"): 0.03}, True, "p2"),  # ratio 1.5 < 2
        ({("city-baseline", "brokerage_share"): 0.45}, True, "p1"),
        ({("wijktafels", "share_coproduction"): 0.09}, True, "p3"),  # rises by 0.07
        ({("no-governance", "goal_uncertainty"): 0.50}, True, "p4"),  # below town baseline
        ({}, False, "p5"),  # every professional alike
    ],
)
def test_one_failed_pattern_rejects_the_point(changes, spread, fails):
    v = verdicts(judge_point(constructed(changes), logics(spread)))
    assert v[fails] is False and v["accepted"] is False
    assert all(ok for k, ok in v.items() if k not in (fails, "accepted"))


# --- bad input: one line, exit 2 --------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--points", "0"], "--points must be at least 1, got 0"),
        (["--replicates", "1"], "--replicates must be at least 2"),
        (["--weeks", "0"], "'weeks' must be at least 1, got 0"),
        (["--seed", "-1"], "--seed must be at least 0"),
        (["--workers", "0"], "--workers must be at least 1"),
        (["--points", "many"], "invalid int value: 'many'"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, tmp_path, args, message):
    assert main(["calibrate", "--out", str(tmp_path / "out"), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "out").exists()


def test_out_that_is_a_file_exits_2(capsys, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    assert main(["calibrate", "--points", "1", "--out", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--out must be a folder" in err
