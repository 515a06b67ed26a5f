"""The package as a user installs it: data files, wheel, version, metadata, imports."""

from __future__ import annotations

import ast
import subprocess
import sys
import tarfile
import threading
import tomllib
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import samenspel
from samenspel import files, pool
from samenspel.cli import COMMANDS, main
from samenspel.library import library_dir, shipped

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIRS = [ROOT / "samenspel", ROOT / "model", ROOT / "agents"]


def _module_name(path: Path) -> str:
    for base, name in (
        (ROOT / "samenspel", "samenspel"),
        (ROOT / "model", "samenspel.model"),
        (ROOT / "agents", "samenspel.agents"),
    ):
        if path.is_relative_to(base):
            rel = path.relative_to(base).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            return ".".join([name, *parts])
    raise AssertionError(path)


def _sources() -> dict[str, Path]:
    return {
        _module_name(p): p for d in PACKAGE_DIRS for p in d.rglob("*.py") if "cdn" not in p.parts
    }


# --- data files ---------------------------------------------------------------------------
def test_shipped_files_are_the_repository_files():
    assert shipped("scenarios") == sorted(p.stem for p in (ROOT / "scenarios").glob("*.toml"))
    assert shipped("experiments") == sorted(p.stem for p in (ROOT / "experiments").glob("*.toml"))
    assert library_dir("scenarios").is_dir()
    with pytest.raises(ValueError, match="kind must be one of"):
        library_dir("nope")


def test_library_works_from_any_folder(tmp_path, monkeypatch, capsys):
    from samenspel.scenarios import load_scenario
    from samenspel.sweepspec import load_spec

    monkeypatch.chdir(tmp_path)
    assert load_scenario("wijktafels").levers == {"wijktafels_per_year": 10}
    by_name = load_spec("sobol-three-os")
    assert load_spec("experiments/sobol-three-os.toml").hash == by_name.hash
    assert main(["sweep", "grid-wijktafels-clarity", "--dry-run", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    assert "125 runs" in out and "on 2 workers" in out
    assert main(["sweep", "experiments/no-such-spec.toml", "--dry-run"]) == 2


@pytest.mark.slow
def test_wheel_holds_scenarios_specs_front_end_and_licence(tmp_path):
    pytest.importorskip("build")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("samenspel-*.whl")
    assert wheel.name.startswith(f"samenspel-{samenspel.__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in ("scenarios", "experiments"):
        for p in (ROOT / kind).glob("*.toml"):
            assert f"samenspel/library/{kind}/{p.name}" in names
    from samenspel.dashboard.assets import page_files

    for f in page_files():
        assert f"samenspel/dashboard/cdn/{f}" in names
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert wheel.stat().st_size < 10_000_000


# --- version and research metadata ----------------------------------------------------------
def test_one_version_everywhere(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"samenspel {samenspel.__version__}"
    assert version("samenspel") == samenspel.__version__
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" in pyproject["project"]["dynamic"]
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == samenspel.__version__
    assert {"Veldboer", "Hoijtink"} <= {
        a["family-names"] for r in cff["references"] for a in r["authors"]
    }
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {samenspel.__version__} " in changelog
    assert "MIT License" in (ROOT / "LICENSE").read_text()


# --- imports --------------------------------------------------------------------------------
def _loaded_after(code: str) -> set[str]:
    code += "\nimport sys; print(' '.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    return set(out.split())


def test_import_and_help_load_no_model_and_no_heavy_library():
    heavy = {
        "mesa",
        "pandas",
        "matplotlib",
        "solara",
        "distributed",
        "scipy",
        "rich",
        "samenspel.model",
    }
    assert not heavy & _loaded_after("import samenspel")
    assert not heavy & _loaded_after(
        "from samenspel.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert not {"solara", "distributed", "matplotlib"} & _loaded_after(
        "import samenspel; samenspel.run"
    )  # run needs the model, not the extras
    params = "from samenspel.cli import main\nimport contextlib, io\n"
    params += "with contextlib.redirect_stdout(io.StringIO()): main(['params'])"
    assert not (heavy - {"samenspel.model"} | {"numpy"}) & _loaded_after(params)  # the table only


def test_a_comparisons_worker_imports_little_beyond_the_model():
    """A comparison's runs are ``samenspel.compare``'s functions, so each worker of its pool
    imports that module on its first run; the fork server has loaded the model already.
    ``scipy.stats`` (for the t-quantile, 0.4 s) once made that 0.6 s a worker, for every
    comparison; the figures' libraries are imported only by the tasks that draw.
    """
    preloaded = _loaded_after("import samenspel.model.preload")
    added = _loaded_after("import samenspel.model.preload\nimport samenspel.compare") - preloaded
    assert not {"scipy.stats", "matplotlib", "solara", "distributed", "rich"} & added, added


def test_a_comparisons_command_leaves_the_drawing_to_its_workers(tmp_path):
    """``samenspel compare`` splits its outcome figure into bands for its workers with
    ``samenspel.panels``: importing matplotlib for that (0.7 s of CPU on a core the
    workers need) once kept a worker idle after the runs.
    """
    out = tmp_path / "out"
    code = "from samenspel.cli import main\nimport contextlib, io\n"
    code += "with contextlib.redirect_stdout(io.StringIO()):\n"
    code += "    main(['compare', 'city-baseline', 'wijktafels', '--replicates', '2', "
    code += f"'--weeks', '3', '--workers', '2', '--out', {str(out)!r}])"
    loaded = _loaded_after(code)
    assert (out / "outcomes.png").exists() and (out / "modes.png").exists()
    assert "samenspel.compare" in loaded and "matplotlib" not in loaded


def _top_level_imports(path: Path, name: str) -> set[str]:
    """Modules of samenspel that module ``name`` imports, at the top or in a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    nodes = [
        n
        for n in ast.walk(tree)
        if not (isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test))
    ]
    skip = {
        id(m)
        for n in ast.walk(tree)
        if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)
        for m in ast.walk(n)
    }
    for node in nodes:  # lazy imports inside functions count too; TYPE_CHECKING does not
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            targets = [mod] + [f"{mod}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        # an ancestor package is already being imported when its child runs
        found.update(
            t for t in targets if t.startswith("samenspel") and not name.startswith(t + ".")
        )
    return found


def test_no_import_cycles():
    sources = _sources()
    graph = {
        n: {t for t in _top_level_imports(p, n) if t in sources and t != n}
        for n, p in sources.items()
    }
    state: dict[str, int] = {}

    def visit(n: str, path: list[str]) -> None:
        state[n] = 1
        for m in graph[n]:
            if state.get(m) == 1 and not n.startswith(m + "."):  # a package's own child
                raise AssertionError("import cycle: " + " -> ".join([*path, n, m]))
            if m not in state:
                visit(m, [*path, n])
        state[n] = 2

    for n in graph:
        if n not in state:
            visit(n, [])


def test_no_posix_only_module_and_no_global_backend_switch():
    posix_only = {"fcntl", "termios", "pwd", "grp", "resource", "pty"}
    for name, path in _sources().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                mods = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                assert not {m.split(".")[0] for m in mods} & posix_only, name
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert not (
                    node.func.attr == "use" and getattr(node.func.value, "id", "") == "matplotlib"
                ), f"{name} switches matplotlib's backend"


def test_importing_figures_keeps_the_users_backend():
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import matplotlib; matplotlib.use('svg')\n"
            "import samenspel.analyse, samenspel.figures, samenspel.compare, "
            "samenspel.validation_figures\nprint(matplotlib.get_backend())",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert loaded.strip() == "svg"


def test_every_command_has_a_module_with_both_functions():
    import importlib

    for name in COMMANDS:
        module = importlib.import_module(f"samenspel.cli.{name}")
        assert callable(module.add_arguments) and callable(module.main), name


# --- one pool policy ------------------------------------------------------------------------
def test_compare_validate_and_sweep_share_one_pool_policy():
    from samenspel import calibration, compare
    from samenspel.sweep import execute

    assert compare.local_pool is pool.local_pool is execute.local_pool is calibration.local_pool
    method = pool.pool_context().get_start_method()
    assert method in ("forkserver", "spawn") and method != "fork"
    if sys.platform == "win32":
        assert method == "spawn"
    assert "validation" not in {m for m in sys.modules if "pool" in m}  # uses compare's


# --- one atomic writer, checksummed Parquet -----------------------------------------------
def test_atomic_write_leaves_nothing_behind_on_failure(tmp_path):
    target = tmp_path / "t.csv"
    target.write_text("old")

    def broken(p: Path) -> None:
        p.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(files.FileProblem, match="No space left on device"):
        files.atomic_write(target, broken)
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]


def test_single_byte_flips_in_a_results_file_never_pass_silently(tmp_path):
    rng = np.random.default_rng(1)
    df = pd.DataFrame(
        {
            "run_id": np.arange(500),
            "x": rng.random(500),
            "share": rng.random(500),
            "regime": ["co-existence"] * 500,
        }
    )
    path = tmp_path / "part.parquet"
    files.write_parquet(df, path)
    raw = path.read_bytes()
    silent = 0
    for pos in rng.choice(np.arange(8, len(raw) // 2), 30, replace=False):  # data pages
        bad = bytearray(raw)
        bad[pos] ^= 0x5A
        path.write_bytes(bytes(bad))
        try:
            back = files.read_parquet(path)
        except files.FileProblem as exc:
            assert str(path) in str(exc) and "\n" not in str(exc)
            continue
        silent += not back.equals(df)
    assert silent == 0


# --- dashboard front-end files ----------------------------------------------------------------
def test_shipped_front_end_files_are_what_the_installed_solara_asks_for():
    from samenspel.dashboard import assets

    assert assets.missing(assets.shipped_dir()) == []
    assert assets.cache_dir() in (
        assets.shipped_dir(),
        Path(__import__("os").environ.get(assets.ENV_CACHE, assets.shipped_dir())),
    )


def test_concurrent_unpacking_never_corrupts_the_cache(tmp_path):
    from samenspel.dashboard import assets

    src = tmp_path / "src" / "package"
    (src / "dist").mkdir(parents=True)
    (src / "package.json").write_text("{}")
    for i in range(50):
        (src / "dist" / f"f{i}.js").write_text("x" * 1000 * i)
    tgz = tmp_path / "pkg.tgz"
    with tarfile.open(tgz, "w:gz") as tar:
        tar.add(src, arcname="package")
    target = tmp_path / "cache" / "pkg@1.0.0"
    barrier = threading.Barrier(6)

    def unpack(_: int) -> None:
        barrier.wait()
        assets._extract(tgz, target)

    with ThreadPoolExecutor(6) as ex:
        list(ex.map(unpack, range(6)))
    assert sorted(p.name for p in (target / "dist").iterdir()) == sorted(
        f"f{i}.js" for i in range(50)
    )
    assert (target / "dist" / "f49.js").read_text() == "x" * 49000
    assert [p.name for p in target.parent.iterdir()] == ["pkg@1.0.0"]  # no leftovers


# --- adapters from the declarations, with the real libraries ------------------------------------
def test_salib_problem_from_the_declarations():
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol

    from samenspel.model.params import PARAMS, ParameterError, resolve
    from samenspel.salib import problem, to_params

    names = ["goal_clarity", "coordinator_capacity", "hybridisation_model"]
    prob = problem(names)
    assert prob["names"] == names
    assert prob["bounds"][0] == [PARAMS["goal_clarity"].low, PARAMS["goal_clarity"].high]
    assert prob["bounds"][1] == [
        PARAMS["coordinator_capacity"].low,
        PARAMS["coordinator_capacity"].high + 1,
    ]
    assert prob["bounds"][2] == [0, len(PARAMS["hybridisation_model"].choices)]
    x = sobol.sample(prob, 16, calc_second_order=False, seed=1)
    rows = to_params(prob, x)
    for row in rows:
        assert resolve(row) == resolve(row)  # every row is valid
    assert {r["hybridisation_model"] for r in rows} <= set(PARAMS["hybridisation_model"].choices)
    y = np.array([r["goal_clarity"] + 0.01 * r["coordinator_capacity"] for r in rows])
    res = sobol_analyze.analyze(prob, y, calc_second_order=False, seed=1)
    assert res["ST"][2] < 0.05  # the choice plays no part in y
    narrow = problem({"goal_clarity": (0.2, 0.4)})
    assert narrow["bounds"] == [[0.2, 0.4]]
    assert len(problem()["names"]) == sum(p.type in (int, float) for p in PARAMS.values())
    with pytest.raises(ParameterError, match="did you mean 'goal_clarity'"):
        problem(["goal_clarty"])
    with pytest.raises(ParameterError, match="goal_clarity"):
        problem({"goal_clarity": (0.5, 2.0)})


def test_ema_model_in_one_call():
    ema = pytest.importorskip("ema_workbench")
    from samenspel.ema import ema_model
    from samenspel.model.params import PARAMS, ParameterError

    model = ema_model(
        uncertainties=["goal_clarity", "seed"],
        levers={"coordinator_capacity": (2, 6), "hybridisation_model": None},
        outcomes=["share_coproduction", "familiarity"],
        constants={"n_households": 80},
        weeks=4,
    )
    unc = {u.name: u for u in model.uncertainties}
    assert (unc["goal_clarity"].lower_bound, unc["goal_clarity"].upper_bound) == (
        PARAMS["goal_clarity"].low,
        PARAMS["goal_clarity"].high,
    )
    assert isinstance(unc["seed"], ema.IntegerParameter)
    with ema.SequentialEvaluator(model) as evaluator:
        experiments, outcomes = evaluator.perform_experiments(scenarios=2, policies=2)
    assert len(experiments) == 4 and np.isfinite(outcomes["familiarity"]).all()
    assert set(experiments["hybridisation_model"]) <= set(PARAMS["hybridisation_model"].choices)
    with pytest.raises(ParameterError, match="more than once"):
        ema_model(uncertainties=["goal_clarity"], levers=["goal_clarity"])
    with pytest.raises(ParameterError, match="unknown outcome"):
        ema_model(uncertainties=["goal_clarity"], outcomes=["share_coprod"])


def test_cli_defaults_equal_the_models():
    """The CLI repeats a few defaults so that --help needs no model; they must agree."""
    from samenspel import validation
    from samenspel.cli import run as cli_run
    from samenspel.cli import validate as cli_validate
    from samenspel.model.params import SCALES
    from samenspel.model.runner import DEFAULT_WEEKS

    assert cli_run.DEFAULT_WEEKS == DEFAULT_WEEKS
    assert cli_run.SCALE_NAMES == tuple(SCALES)
    assert (cli_validate.REPLICATES, cli_validate.SEED, cli_validate.WEEKS) == (
        validation.REPLICATES,
        validation.SEED,
        validation.WEEKS,
    )
