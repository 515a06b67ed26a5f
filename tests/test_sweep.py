"""Sweeps: spec validation, exact and resumable results, analysis, EMA Workbench, batch_run."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from samenspel.analyse import analyse
from samenspel.cli import main
from samenspel.sweep import execute as sweep_mod
from samenspel.sweep import sweep
from samenspel.sweepspec import build_design, load_spec, run_seed

PROVENANCE = ["started", "finished", "host", "git_commit"]
SMALL = """
design = "grid"
replicates = 2
weeks = 8
seed = 11
outcomes = ["share_coproduction", "familiarity"]
[fixed]
n_households = 100
[factors.wijktafels_per_year]
values = [0, 12]
[factors.coordinator_capacity]
range = [2, 8]
steps = 3
"""


def write(tmp_path: Path, text: str, name: str = "spec.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def runs(out: Path) -> pd.DataFrame:
    df = pd.read_parquet(out / "runs")
    return df.sort_values("run_id").reset_index(drop=True)


def same_results(a: Path, b: Path) -> None:
    pd.testing.assert_frame_equal(
        runs(a).drop(columns=PROVENANCE), runs(b).drop(columns=PROVENANCE)
    )


# --- specs and designs --------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(p.stem for p in Path("experiments").glob("*.toml")))
def test_shipped_specs_are_valid(name: str) -> None:
    spec = load_spec(Path("experiments") / f"{name}.toml")
    design = build_design(spec)
    # at most about 20 minutes on a 2-core laptop (sobol-headline, N = 256, is the largest)
    assert len(design) * spec.replicates <= 6000


def test_design_handles_ints_and_choices(tmp_path: Path) -> None:
    spec = load_spec(
        write(
            tmp_path,
            """
design = "latin"
samples = 40
weeks = 5
seed = 1
[factors.coordinator_capacity]
range = [0, 3]
[factors.interplay]
values = ["wijkteam", "sociale_basis"]
[factors.goal_clarity]
range = [0.2, 0.4]
""",
        )
    )
    d = build_design(spec)
    assert set(d["coordinator_capacity"]) == {0, 1, 2, 3}
    assert all(type(v) is int for v in d["coordinator_capacity"].tolist())
    assert set(d["interplay"]) == {"wijkteam", "sociale_basis"}
    assert d["goal_clarity"].between(0.2, 0.4).all()
    assert (d["n_households"] == 1000).all()  # defaults complete every point


def test_groups_take_declared_ranges_and_the_dummy_is_read_by_no_run(tmp_path: Path) -> None:
    from samenspel.model.params import PARAMS

    spec = load_spec(
        write(
            tmp_path,
            """
design = "morris"
samples = 2
weeks = 4
seed = 3
groups = ["disagreement", "capacity"]
exclude = ["volunteer_hours"]
dummy = true
[fixed]
chair_training = 0.5
[factors.coordinator_capacity]
range = [0, 10]
[factors.interplay]
values = ["wijkteam", "sociale_basis"]
""",
        )
    )
    names = [f.name for f in spec.factors]
    assert names == [
        "reflection_per_year",
        "reflection_safety",
        "interplay",
        "caseload_capacity",
        "hybrid_worker_share",
        "coordinator_capacity",
        "dummy",
    ]  # declaration order, explicit tables in place, dummy last
    by_name = {f.name: f for f in spec.factors}
    p = PARAMS["reflection_per_year"]
    assert (by_name["reflection_per_year"].low, by_name["reflection_per_year"].high) == (
        p.low,
        p.high,
    )  # the declared range, not typed again
    assert by_name["coordinator_capacity"].high == 10  # an explicit table wins
    d = build_design(spec)
    assert "x_dummy" in d and "dummy" not in d  # a coordinate, never a parameter
    assert d["x_dummy"].nunique() > 1 and (d["chair_training"] == 0.5).all()
    out = tmp_path / "out"
    sweep(spec, out, workers=1, progress=False)
    assert "dummy" not in runs(out)
    table = analyse(out, ["familiarity"])["familiarity"]
    assert "dummy" in set(table["factor"])


def test_seeds_depend_only_on_master_and_run_id() -> None:
    assert run_seed(5, 3) == run_seed(5, 3)
    seeds = {run_seed(5, r) for r in range(1000)}
    assert len(seeds) == 1000 and all(0 <= s < 2**63 for s in seeds)
    assert run_seed(6, 3) != run_seed(5, 3)


def test_base_scenario_and_context_factor(tmp_path: Path) -> None:
    spec = load_spec(
        write(
            tmp_path,
            """
scenario = "wijktafels"
design = "grid"
weeks = 5
seed = 1
[factors.context]
values = ["city", "town"]
""",
        )
    )
    d = build_design(spec).set_index("context")
    assert (d["wijktafels_per_year"] == 10).all()  # the scenario's lever
    assert d.loc["town", "anonymity"] == 0.2 and d.loc["city", "anonymity"] == 0.45


# --- bad specs: one line, exit 2, nothing written -----------------------------------------
BAD = [
    (
        "unknown parameter",
        SMALL.replace("[factors.coordinator_capacity]", "[factors.coordinator_capacty]"),
        "factors.coordinator_capacty: unknown parameter",
    ),
    (
        "empty range",
        SMALL.replace("range = [2, 8]", "range = [8, 2]"),
        "factors.coordinator_capacity.range: empty range",
    ),
    (
        "out of range",
        SMALL.replace("range = [2, 8]", "range = [2, 5000]"),
        "factors.coordinator_capacity.range: parameter 'coordinator_capacity' must be",
    ),
    (
        "bad design",
        SMALL.replace('design = "grid"', 'design = "sobel"'),
        "design: unknown design 'sobel'; did you mean 'sobol'?",
    ),
    (
        "sobol N",
        SMALL.replace('design = "grid"', 'design = "sobol"\nsamples = 100').replace(
            "steps = 3", ""
        ),
        "samples: a Sobol design needs a power of two, got 100",
    ),
    ("malformed TOML", SMALL.replace("weeks = 8", "weeks = "), "malformed TOML"),
    (
        "unknown key",
        SMALL.replace("weeks = 8", "weeks = 8\nreplicate = 3"),
        "unknown key 'replicate'; did you mean 'replicates'?",
    ),
    (
        "unknown outcome",
        SMALL.replace('"familiarity"', '"familiarty"'),
        "outcomes[1]: unknown outcome 'familiarty'",
    ),
    ("bad scenario", 'scenario = "nowhere"\n' + SMALL, "scenario:"),
    (
        "unknown group",
        SMALL.replace('design = "grid"', 'design = "latin"\nsamples = 4')
        .replace("steps = 3", "")
        .replace("weeks = 8", 'weeks = 8\ngroups = ["mechanisms"]'),
        "groups[0]: unknown group 'mechanisms'; did you mean 'mechanism'?",
    ),
    (
        "dummy in a grid",
        SMALL.replace("weeks = 8", "weeks = 8\ndummy = true"),
        "groups and dummy: only sampled designs",
    ),
    (
        "excluded factor",
        SMALL.replace("weeks = 8", 'weeks = 8\nexclude = ["wijktafels_per_year"]'),
        "factors.wijktafels_per_year: also in exclude",
    ),
]


@pytest.mark.parametrize(("label", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, text: str, message: str
) -> None:
    spec = write(tmp_path, text)
    out = tmp_path / "out"
    assert main(["sweep", str(spec), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"samenspel: error: {spec}: "), err
    assert message in err
    assert not out.exists()


def test_unreachable_scheduler(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sweep_mod, "CONNECT_TIMEOUT", 1)
    out = tmp_path / "out"
    code = main(
        [
            "sweep",
            str(write(tmp_path, SMALL)),
            "--out",
            str(out),
            "--scheduler",
            "tcp://127.0.0.1:9",
            "--quiet",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "cannot reach the Dask scheduler" in err
    assert not out.exists()


def test_other_spec_into_same_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert (
        main(["sweep", str(write(tmp_path, SMALL)), "--out", str(out), "--quiet", "--workers", "1"])
        == 0
    )
    before = sorted(p.name for p in (out / "runs").iterdir())
    other = write(tmp_path, SMALL.replace("seed = 11", "seed = 12"), "other.toml")
    assert main(["sweep", str(other), "--out", str(out), "--quiet"]) == 2
    assert "holds a different sweep" in capsys.readouterr().err
    assert sorted(p.name for p in (out / "runs").iterdir()) == before


# --- exact: 1 worker, 2 workers, Dask -----------------------------------------------------
@pytest.mark.slow
def test_same_results_with_1_and_2_workers_and_dask(tmp_path: Path) -> None:
    from distributed import LocalCluster

    spec = load_spec(write(tmp_path, SMALL))
    one = sweep(spec, tmp_path / "one", workers=1, progress=False)
    two = sweep(spec, tmp_path / "two", workers=2, batch=2, progress=False)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:  # as if on other machines
        dask = sweep(
            spec, tmp_path / "dask", scheduler=cluster.scheduler_address, batch=3, progress=False
        )
    assert one.ran == two.ran == dask.ran == 12
    same_results(tmp_path / "one", tmp_path / "two")
    same_results(tmp_path / "one", tmp_path / "dask")
    df = runs(tmp_path / "one")
    assert df["run_id"].tolist() == list(range(12))
    assert df["seed"].tolist() == [run_seed(11, r) for r in range(12)]
    assert (df["samenspel_version"] != "").all() and (df["spec_hash"] == spec.hash).all()
    assert (df["finished"] >= df["started"]).all()
    assert (tmp_path / "one" / "spec.toml").read_text() == SMALL


# --- resumable: kill -9, re-run, re-run again ---------------------------------------------
@pytest.mark.slow
def test_kill_9_then_resume(tmp_path: Path) -> None:
    import psutil

    text = (
        SMALL.replace("values = [0, 12]", "values = [0, 4, 8, 12]")
        .replace("steps = 3", "steps = 7")
        .replace("weeks = 8", "weeks = 25")
    )
    spec_path = write(tmp_path, text)
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "samenspel",
        "sweep",
        str(spec_path),
        "--out",
        str(out),
        "--workers",
        "2",
        "--batch",
        "2",
        "--quiet",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list((out / "runs").glob("*.parquet")):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    children = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = len(list((out / "runs").glob("*.parquet")))
    assert written < 28  # 56 runs in tasks of 2: killed mid-sweep
    _, alive = psutil.wait_procs(children, timeout=15)
    assert not alive, "worker processes outlived the killed sweep"

    (out / "runs" / ".part-0000000-0000001.parquet.999.tmp").write_bytes(b"half a file")
    assert main(["sweep", str(spec_path), "--out", str(out), "--quiet", "--workers", "2"]) == 0
    df = runs(out)
    assert df["run_id"].tolist() == list(range(56))  # complete, no duplicates
    assert not [p for p in out.rglob("*.tmp")]
    reference = tmp_path / "reference"
    sweep(load_spec(spec_path), reference, workers=1, progress=False)
    same_results(out, reference)

    files = {p: p.stat().st_mtime_ns for p in (out / "runs").iterdir()}
    result = sweep(load_spec(spec_path), out, workers=2, progress=False)
    assert result.ran == 0 and result.skipped == 56
    assert {p: p.stat().st_mtime_ns for p in (out / "runs").iterdir()} == files


def test_resume_after_model_change_warns(tmp_path: Path) -> None:
    spec = load_spec(write(tmp_path, SMALL))
    out = tmp_path / "out"
    sweep(spec, out, workers=1, batch=6, progress=False)
    first, second = sorted((out / "runs").glob("*.parquet"))
    pd.read_parquet(first).assign(code_hash="0123456789abcdef").to_parquet(first)
    second.unlink()
    messages: list[str] = []
    res = sweep(spec, out, workers=1, progress=False, warn=messages.append)
    assert res.ran == 6 and len(messages) == 1 and "model code changed" in messages[0]


def test_weekly_series(tmp_path: Path) -> None:
    spec = load_spec(write(tmp_path, SMALL.replace("seed = 11", "seed = 11\nweekly = true")))
    sweep(spec, tmp_path / "out", workers=1, batch=5, progress=False)
    weekly = pd.read_parquet(tmp_path / "out" / "weekly")
    assert len(weekly) == 12 * 9 and {"run_id", "week", "share_coproduction"} <= set(weekly)


# --- analyse ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("design", "extra", "columns"),
    [
        ("sobol", "samples = 4", {"S1", "S1_conf", "ST", "ST_conf"}),
        ("morris", "samples = 3", {"mu_star", "mu_star_conf", "sigma"}),
        ("latin", "samples = 10", {"spearman_rho"}),
    ],
)
def test_analyse_indices(tmp_path: Path, design: str, extra: str, columns: set[str]) -> None:
    spec = load_spec(
        write(
            tmp_path,
            f"""
design = "{design}"
{extra}
weeks = 8
seed = 2
[fixed]
n_households = 100
[factors.wijktafels_per_year]
range = [0, 24]
[factors.coordinator_capacity]
range = [0, 8]
[factors.interplay]
values = ["wijkteam", "sociale_basis"]
""",
        )
    )
    out = tmp_path / "out"
    sweep(spec, out, workers=1, progress=False)
    tables = analyse(out, ["familiarity"])
    assert columns <= set(tables["familiarity"].columns)
    assert len(tables["familiarity"]) == 3
    assert (out / "analysis" / f"{design}_familiarity.png").stat().st_size > 0
    assert (out / "analysis" / f"{design}_familiarity.csv").exists()


def test_analyse_grid_via_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert (
        main(["sweep", str(write(tmp_path, SMALL)), "--out", str(out), "--quiet", "--workers", "1"])
        == 0
    )
    assert main(["analyse", str(out)]) == 0
    assert "Mean share_coproduction" in capsys.readouterr().out
    table = pd.read_csv(out / "analysis" / "grid_familiarity.csv", index_col=0)
    assert table.shape == (2, 3)
    assert (out / "analysis" / "grid_share_coproduction.png").exists()


def test_analyse_incomplete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    sweep(load_spec(write(tmp_path, SMALL)), out, workers=1, batch=4, progress=False)
    sorted((out / "runs").glob("*.parquet"))[0].unlink()
    assert main(["analyse", str(out)]) == 2
    assert "4 of 12 runs missing" in capsys.readouterr().err


# --- the tools researchers already use ----------------------------------------------------
def test_ema_workbench_wraps_run() -> None:
    ema = pytest.importorskip("ema_workbench")
    from samenspel import run

    outcomes = [ema.ScalarOutcome("share_coproduction"), ema.ScalarOutcome("familiarity")]
    constants = [ema.Constant("weeks", 6), ema.Constant("n_households", 100)]
    model = ema.Model("samenspel", function=run)  # unchanged
    model.uncertainties = [
        ema.RealParameter("goal_clarity", 0.0, 1.0),
        ema.IntegerParameter("coordinator_capacity", 0, 10),
        ema.CategoricalParameter("hybridisation_model", ["unclear", "accessibility_plus"]),
    ]
    model.constants, model.outcomes = constants, outcomes
    with ema.SequentialEvaluator(model) as evaluator:
        experiments, results = evaluator.perform_experiments(scenarios=4)
    assert len(experiments) == 4 and results["share_coproduction"].shape == (4,)

    model = ema.Model("samenspel", function=run)  # unchanged; the seed comes as np.int64
    model.uncertainties = [
        ema.IntegerParameter("seed", 0, 1000),
        ema.RealParameter("goal_clarity", 0.0, 1.0),
    ]
    model.constants, model.outcomes = constants, outcomes
    with ema.SequentialEvaluator(model) as evaluator:
        experiments, results = evaluator.perform_experiments(scenarios=3)
    assert np.isfinite(results["familiarity"]).all()


def test_mesa_batch_run() -> None:
    import mesa

    from samenspel import Neighbourhood

    method = multiprocessing.get_start_method(allow_none=True)
    try:
        rows = mesa.batch_run(
            Neighbourhood,
            parameters={"goal_clarity": [0.2, 0.8], "n_households": 100},
            number_processes=1,
            rng=[1, 2],
            max_steps=5,
            display_progress=False,
        )
    finally:  # batch_run forces the 'spawn' start method for the whole process
        multiprocessing.set_start_method(method, force=True)
    df = pd.DataFrame(rows)
    assert len(df) == 4 and (df["Step"] == 5).all()
    assert {"goal_clarity", "share_coproduction", "familiarity"} <= set(df.columns)


@pytest.mark.parametrize(
    "make,needle",
    [
        (lambda p: p / "nope", "nope: no such folder"),
        (lambda p: (p / "a.txt", (p / "a.txt").write_text("x"))[0], "a file, not a folder"),
        (lambda p: p, "not a sweep results folder"),
    ],
    ids=["missing", "file", "empty"],
)
def test_analyse_says_what_the_folder_is(tmp_path: Path, capsys, make, needle) -> None:
    assert main(["analyse", str(make(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err, err
