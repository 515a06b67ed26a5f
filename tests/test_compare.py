"""Scenario comparison (samenspel.compare) and the CLI: scenarios, run SCENARIO, compare."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from samenspel.cli import main
from samenspel.compare import (
    MODE_GAUGES,
    O_GAUGES,
    mean_ci,
    outcome_table,
    replicate_seeds,
    run_comparison,
    weekly_bands,
    write_outputs,
)
from samenspel.model.outputs import GAUGES
from samenspel.model.runner import simulate
from samenspel.scenarios import ScenarioError, list_scenarios, load_scenario

WEEKS = 30
PNG = b"\x89PNG\r\n\x1a\n"
SMALL = {
    "scenarios": ["city-baseline", "wijktafels", "town-baseline"],
    "replicates": 3,
    "seed": 5,
    "weeks": WEEKS,
}
"""The comparison of the ``comp`` fixture (run again with other settings)."""


@pytest.fixture(scope="module")
def comp():
    """Three scenarios x 3 replicates x 30 weeks, in this process."""
    return run_comparison(**SMALL, workers=1)


# --- statistics ---------------------------------------------------------------------


def test_mean_ci_is_the_t_interval():
    x = np.array([1.0, 2.0, 4.0, 7.0])
    mean, lo, hi, n = mean_ci(x)
    half = stats.t.ppf(0.975, 3) * x.std(ddof=1) / 2
    assert (mean, n) == (3.5, 4)
    assert lo == pytest.approx(3.5 - half) and hi == pytest.approx(3.5 + half)
    assert mean_ci([2.0, math.nan, 2.0])[:3] == (2.0, 2.0, 2.0)
    m, lo, hi, n = mean_ci([5.0])
    assert m == 5.0 and math.isnan(lo) and math.isnan(hi) and n == 1
    assert math.isnan(mean_ci([])[0])


def test_replicate_seeds():
    assert replicate_seeds(10, 3) == [10, 11, 12]


# --- running ------------------------------------------------------------------------


def test_every_scenario_uses_the_same_seeds(comp):
    seeds = comp.runs.groupby("scenario", observed=True)["seed"].apply(list)
    assert all(s == [5, 6, 7] for s in seeds)
    assert comp.names == ["city-baseline", "wijktafels", "town-baseline"]
    assert len(comp.runs) == 9 and len(comp.weekly) == 9 * (WEEKS + 1)
    assert list(comp.weekly.columns[:3]) == ["scenario", "seed", "week"]
    assert set(GAUGES) <= set(comp.weekly.columns)
    assert "regime" in comp.runs.columns and "share_coproduction" in comp.outcomes


def test_a_replicate_equals_a_direct_run(comp):
    direct = simulate(seed=6, weeks=WEEKS, **load_scenario("wijktafels").params())
    row = comp.runs[(comp.runs["scenario"] == "wijktafels") & (comp.runs["seed"] == 6)]
    for key, value in direct.summary().items():
        got = row[key].iloc[0]
        assert got == value or (
            isinstance(value, float) and math.isnan(value) and math.isnan(got)
        ), key
    weekly = comp.weekly[(comp.weekly["scenario"] == "wijktafels") & (comp.weekly["seed"] == 6)]
    np.testing.assert_array_equal(weekly["familiarity"], direct.weekly()["familiarity"])


def test_parallel_equals_sequential(comp):
    par = run_comparison(**SMALL, workers=2)
    assert par.workers == 2
    pd.testing.assert_frame_equal(par.runs, comp.runs)
    pd.testing.assert_frame_equal(par.weekly, comp.weekly)


def test_progress_is_reported():
    calls = []
    run_comparison(
        ["city-baseline", "wijktafels"],
        replicates=2,
        weeks=5,
        workers=1,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls[0] == (0, 4) and calls[-1] == (4, 4)


def test_overrides_apply_to_every_scenario():
    c = run_comparison(
        ["city-baseline", "town-baseline"],
        replicates=2,
        weeks=5,
        workers=1,
        overrides={"n_households": "200"},
    )
    assert (c.weekly.groupby(["scenario", "seed"], observed=True)["open_cases"].max() < 100).all()


def test_duplicate_and_unknown_scenarios_are_rejected():
    with pytest.raises(ScenarioError, match="given twice"):
        run_comparison(["wijktafels", "wijktafels"], replicates=2, weeks=5, workers=1)
    with pytest.raises(ScenarioError, match="no scenario named"):
        run_comparison(["wijktafels", "nope"], replicates=2, weeks=5, workers=1)


def test_outcome_table_paired_difference(comp):
    table = outcome_table(comp)
    assert set(table["outcome"]) == set(comp.outcomes)
    row = table[(table["outcome"] == "familiarity") & (table["scenario"] == "wijktafels")]
    runs = comp.runs.set_index("seed")
    d = (
        runs[runs["scenario"] == "wijktafels"]["familiarity"]
        - runs[runs["scenario"] == "city-baseline"]["familiarity"]
    )
    mean, lo, hi, _ = mean_ci(d.to_numpy())
    assert row["diff"].iloc[0] == pytest.approx(mean)
    assert (row["diff_low"].iloc[0], row["diff_high"].iloc[0]) == (
        pytest.approx(lo),
        pytest.approx(hi),
    )
    ref = table[table["scenario"] == "city-baseline"]
    assert ref["diff"].isna().all()


def test_weekly_bands(comp):
    bands = weekly_bands(comp, O_GAUGES)
    assert len(bands) == 3 * (WEEKS + 1) * 3
    sub = bands[
        (bands["scenario"] == "town-baseline")
        & (bands["week"] == WEEKS)
        & (bands["gauge"] == "familiarity")
    ]
    w = comp.weekly
    vals = w[(w["scenario"] == "town-baseline") & (w["week"] == WEEKS)]["familiarity"]
    assert sub["mean"].iloc[0] == pytest.approx(vals.mean())


def test_figure_titles_are_words_not_column_names(comp):
    from samenspel.compare import outcome_table
    from samenspel.figures import outcome_bars

    fig = outcome_bars(outcome_table(comp), comp.names)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert "late escalations" in titles and not [t for t in titles if "_" in t]


@pytest.mark.parametrize("parts", [2, 3])
def test_the_outcome_figure_drawn_in_bands_is_the_figure_drawn_whole(comp, parts):
    """Bands of rows drawn apart and stacked give ``savefig``'s bytes, with ``finish`` applied."""
    from concurrent.futures import ThreadPoolExecutor

    from samenspel.compare import figure_png, submit_figure
    from samenspel.panels import outcome_rows

    table = outcome_table(comp)
    assert outcome_rows(table) >= parts  # more than one band

    def finish(fig):  # as the dashboard translates the panel titles
        for ax in fig.axes:
            ax.set_title(ax.get_title().upper(), fontsize=9)

    whole = figure_png("outcome_bars", table, comp.names, finish=finish)
    with ThreadPoolExecutor(1) as pool:
        banded = submit_figure(pool, "outcome_bars", table, comp.names, parts=parts, finish=finish)
        assert banded() == whole
    assert figure_png("outcome_bars", table, comp.names) != whole  # finish was applied


def test_split_rows_covers_every_row_once_in_order():
    from samenspel.panels import split_rows

    assert split_rows(17, 2) == [range(0, 8), range(8, 17)]
    for n_rows in (1, 2, 5, 17):
        for parts in (1, 2, 3, 40):
            bands = split_rows(n_rows, parts)
            assert [r for b in bands for r in b] == list(range(n_rows))
            assert len(bands) == min(parts, n_rows) and all(len(b) for b in bands)


def test_a_comparison_on_a_pool_is_the_same_as_in_this_process(comp, tmp_path):
    """Also with ``then`` (``samenspel compare``: the figures' imports), which the pool runs."""
    from functools import partial
    from pathlib import Path

    from samenspel.pool import local_pool

    mark = tmp_path / "ran"
    with local_pool(2) as pool:
        pooled = run_comparison(**SMALL, workers=2, executor=pool, then=partial(Path.touch, mark))
    assert mark.exists()  # the pool has shut down: what it was handed has run
    pd.testing.assert_frame_equal(pooled.runs, comp.runs)
    pd.testing.assert_frame_equal(pooled.weekly, comp.weekly)
    here = tmp_path / "here"
    run_comparison(**{**SMALL, "weeks": 2}, workers=1, then=partial(Path.touch, here))
    assert not here.exists()  # without a pool there is nothing to hand it to


def test_a_comparison_without_weekly_series_has_the_same_runs(comp):
    lean = run_comparison(**SMALL, workers=1, weekly=False)
    pd.testing.assert_frame_equal(lean.runs, comp.runs)
    assert lean.weekly.empty and list(lean.weekly.columns) == ["scenario", "seed", "week"]
    assert len(comp.weekly) == 9 * (WEEKS + 1)


def test_write_outputs(comp, tmp_path):
    written = write_outputs(comp, tmp_path / "out")
    names = sorted(p.name for p in written)
    assert names == sorted(
        [
            "runs.csv",
            "runs.parquet",
            "weekly.csv",
            "weekly.parquet",
            "outcomes.csv",
            "outcomes.png",
            "modes.png",
            "three_os.png",
        ]
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names  # no temp files
    runs = pd.read_parquet(tmp_path / "out" / "runs.parquet")
    assert list(runs.columns[:2]) == ["scenario", "seed"] and len(runs) == 9
    csv = pd.read_csv(tmp_path / "out" / "weekly.csv")
    assert len(csv) == len(comp.weekly)
    assert set(MODE_GAUGES) | set(O_GAUGES) <= set(csv.columns)
    for png in ("outcomes.png", "modes.png", "three_os.png"):
        assert (tmp_path / "out" / png).read_bytes()[:8] == PNG


@pytest.mark.slow
def test_figures_drawn_in_a_pool_are_the_same_files(comp, tmp_path):
    from samenspel.pool import local_pool

    here = write_outputs(comp, tmp_path / "here")
    seen = []  # what exists when ``meanwhile`` runs: the pool has its work, no table is ours yet

    def meanwhile() -> None:
        mine = (p.name for p in (tmp_path / "pool").iterdir() if "weekly." not in p.name)
        seen.append(sorted(mine))  # the weekly tables (or their temporary files) are the pool's

    with local_pool(2) as pool:
        there = write_outputs(comp, tmp_path / "pool", executor=pool, meanwhile=meanwhile)
    assert seen == [[]]  # called once, before this process wrote anything
    assert [p.name for p in there] == [p.name for p in here]
    for a, b in zip(here, there, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name  # tables and PNGs, byte for byte
    assert sorted(p.name for p in (tmp_path / "pool").iterdir()) == sorted(p.name for p in there)


# --- command line -------------------------------------------------------------------


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _one_line_error(code: int, err: str) -> str:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("samenspel: error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_cli_scenarios_lists_the_library(capsys, lang):
    code, out, _ = _cli(capsys, "scenarios", "--lang", lang)
    assert code == 0
    for sc in list_scenarios():
        assert sc.name in out
    text = " ".join(out.split())
    assert ("Basis grote stad" in text) == (lang == "nl")
    assert ("City baseline" in text) == (lang == "en")
    assert "week 157:" in out  # the pilot's schedule


def test_cli_run_scenario_by_name_and_path(capsys, tmp_path):
    code, out, _ = _cli(capsys, "run", "wijktafels", "--weeks", "10")
    assert code == 0 and "wijktafels" in out and "wijktafel_attendance" in out
    path = tmp_path / "mine.toml"
    path.write_text(
        'name = "mine"\nextends = "town-baseline"\ntitle_en = "M"\n'
        'title_nl = "M"\ndescription_en = "D"\ndescription_nl = "D"\n'
        'source = "S"\n[levers]\nreflection_per_year = 52\n',
        encoding="utf-8",
    )
    out_file = tmp_path / "w.csv"
    code, out, _ = _cli(capsys, "run", str(path), "--weeks", "10", "--out", str(out_file))
    assert code == 0 and "mine" in out
    assert pd.read_csv(out_file)["reflection_participation"].iloc[-1] > 0


def test_cli_run_set_overrides_the_scenario(capsys, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert _cli(capsys, "run", "wijktafels", "--weeks", "8", "--out", str(a))[0] == 0
    assert (
        _cli(
            capsys,
            "run",
            "wijktafels",
            "--weeks",
            "8",
            "--out",
            str(b),
            "--set",
            "wijktafels_per_year=0",
        )[0]
        == 0
    )
    assert pd.read_csv(a)["wijktafel_attendance"].iloc[-1] > 0
    assert pd.read_csv(b)["wijktafel_attendance"].iloc[-1] == 0


def test_cli_compare_writes_tables_and_figures(capsys, tmp_path):
    out = tmp_path / "results" / "cmp"  # as the README has it: results/ need not exist yet
    code, stdout, _ = _cli(
        capsys,
        "compare",
        "city-baseline",
        "wijktafels",
        "--replicates",
        "2",
        "--weeks",
        str(WEEKS),
        "--seed",
        "3",
        "--out",
        str(out),
        "--workers",
        "2",
    )
    assert code == 0
    text = " ".join(stdout.split())
    assert "difference to city-baseline" in text and "share_coproduction" in text
    assert "(reference)" in text
    runs = pd.read_csv(out / "runs.csv")
    assert len(runs) == 4 and sorted(set(runs["seed"])) == [3, 4]
    pd.testing.assert_frame_equal(
        runs, pd.read_parquet(out / "runs.parquet").astype({"scenario": str}), check_dtype=False
    )
    weekly = pd.read_parquet(out / "weekly.parquet")
    assert len(weekly) == 4 * (WEEKS + 1)
    for png in ("outcomes.png", "modes.png", "three_os.png"):
        assert (out / png).read_bytes()[:8] == PNG


BAD_CLI = [
    (["run", "no-such-scenario"], "no scenario named 'no-such-scenario'"),
    (["run", "missing.toml"], "does not exist"),
    (["run", "wijktafels", "--set", "goal_clarity=2"], "--set: parameter 'goal_clarity'"),
    (["run", "wijktafels", "--set", "goal_clarity"], "--set expects name=value"),
    (["compare", "wijktafels", "--out", "{tmp}/o"], "at least two scenarios"),
    (["compare", "a", "b"], "required: --out"),
    (
        ["compare", "city-baseline", "wijktafels", "--replicates", "1", "--out", "{tmp}/o"],
        "--replicates must be at least 2",
    ),
    (
        ["compare", "city-baseline", "wijktafels", "--weeks", "0", "--out", "{tmp}/o"],
        "--weeks must be at least 1",
    ),
    (
        ["compare", "city-baseline", "wijktafels", "--workers", "0", "--out", "{tmp}/o"],
        "--workers must be at least 1",
    ),
    (["compare", "city-baseline", "nope", "--out", "{tmp}/o"], "no scenario named 'nope'"),
    (
        [
            "compare",
            "city-baseline",
            "city-baseline",
            "--replicates",
            "2",
            "--weeks",
            "2",
            "--out",
            "{tmp}/o",
        ],
        "given twice",
    ),
    (
        ["compare", "city-baseline", "wijktafels", "--out", "{tmp}/file.txt"],
        "--out must be a folder",
    ),
    (
        ["compare", "city-baseline", "wijktafels", "--out", "{tmp}/file.txt/dir"],
        "is a file, not a folder to make",
    ),
    (
        ["compare", "city-baseline", "wijktafels", "--set", "nope=1", "--out", "{tmp}/o"],
        "unknown parameter 'nope'",
    ),
    (
        ["compare", "city-baseline", "wijktafels", "--replicates", "x", "--out", "{tmp}/o"],
        "invalid int value",
    ),
]


@pytest.mark.parametrize(
    ("argv", "expected"), BAD_CLI, ids=[" ".join(a[:3]) + e[:12] for a, e in BAD_CLI]
)
def test_cli_bad_input_gives_one_line_and_exit_2(capsys, tmp_path, argv, expected):
    (tmp_path / "file.txt").write_text("x")
    code, _, err = _cli(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert expected in _one_line_error(code, err)
    assert not (tmp_path / "o").exists()  # nothing written on bad input


def test_out_folders_are_checked_not_made(tmp_path):
    from samenspel.cli.common import UsageError, check_out_dir

    assert check_out_dir(str(tmp_path / "a" / "b")) == tmp_path / "a" / "b"
    assert not (tmp_path / "a").exists()  # the command makes them when it writes
    (tmp_path / "f").write_text("x")
    with pytest.raises(UsageError, match=r"'.*f' is a file, not a folder to make"):
        check_out_dir(str(tmp_path / "f" / "a" / "b"))


def test_cli_bad_scenario_file_gives_one_line_and_exit_2(capsys, tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(
        'name = "broken"\ncontext = "city"\n[levers]\ngoal_clarity = "high"\n', encoding="utf-8"
    )
    for argv in (
        ["run", str(path)],
        ["compare", "city-baseline", str(path), "--out", str(tmp_path / "o")],
    ):
        code, _, err = _cli(capsys, *argv)
        line = _one_line_error(code, err)
        assert "broken.toml" in line


def test_exit_code_of_the_real_command(tmp_path):
    bad = subprocess.run(
        [sys.executable, "-m", "samenspel", "run", "nope"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert bad.stderr.startswith("samenspel: error: no scenario named 'nope'")
    ok = subprocess.run(
        [sys.executable, "-m", "samenspel", "scenarios"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert ok.returncode == 0 and "combined-package" in ok.stdout


def test_validation_report_is_written(tmp_path):
    from samenspel.validation import initial_logics, pattern_5, run_patterns, write_report

    comp, logics, results = run_patterns(replicates=2, weeks=10, workers=1)
    assert [r.number for r in results] == [1, 2, 3, 4, 5]
    written = write_report(comp, logics, results, tmp_path)
    md = (tmp_path / "validation.md").read_text(encoding="utf-8")
    for r in results:
        assert f"## {r.number}. {r.title}" in md
        assert (tmp_path / "figures" / r.figure).read_bytes()[:8] == PNG
        assert f"figures/{r.figure}" in md
    assert len(written) == 1 + len(list((tmp_path / "figures").glob("*.png")))
    assert len(initial_logics([1, 2], ["city-baseline"])) == 2 * 20
    assert pattern_5(initial_logics([1], ["town-baseline"])).number == 5


def test_the_comparing_process_does_not_import_the_model():
    """A process that hands its runs to a pool loads neither Mesa nor the kernels."""
    code = (
        "import sys, samenspel.compare, samenspel.scenarios; "
        "samenspel.scenarios.load_scenario('wijktafels').params(); "
        "print(sorted(m for m in ('mesa', 'numba', 'samenspel.model.neighbourhood') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_scenarios_curves_differ_by_dash_as_well_as_colour(comp):
    from samenspel.compare import weekly_bands
    from samenspel.figures import weekly_curves

    bands = weekly_bands(comp, ["familiarity"])
    fig = weekly_curves(bands, ["familiarity"], comp.names)
    lines = fig.axes[0].get_lines()
    assert len(lines) == len(comp.names) >= 2
    patterns = {str(line._unscaled_dash_pattern) for line in lines}  # (offset, on-off lengths)
    assert len(patterns) == len(lines)


def test_the_figures_dashes_are_the_dashboards():
    from samenspel.dashboard.palette import DASHES as PAGE
    from samenspel.figures import DASHES

    assert len(DASHES) == len(PAGE)
    for style, svg in zip(DASHES, PAGE, strict=True):
        assert (style == "-") if not svg else style[1] == tuple(int(x) for x in svg.split())
