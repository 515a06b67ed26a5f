"""Fuzz: random scenario files, sweep specs and command lines never give a traceback.

Every example must end with exit code 0 (it was valid) or 2 with exactly one line on
standard error, ``samenspel: error: ...``; any exception escaping ``main`` fails the
test. To keep each example fast, the model run itself is replaced by a one-week run of
a tiny neighbourhood after the real checks of seed, weeks and parameters
(``check_run_args``, ``resolve``), and process pools by threads; validation, files and
messages are the real ones. ``FUZZ_EXAMPLES`` sets the number of examples per test.
"""

from __future__ import annotations

import json
import os
import string
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.cli import COMMANDS, main
from samenspel.model.params import PARAMS

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SEEN: dict[str, int] = {}


class _Exec(Exception):
    """Raised instead of replacing the test process with the dashboard server."""


class _ThreadPool(ThreadPoolExecutor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=()):
        super().__init__(max_workers)


@pytest.fixture
def cheap(monkeypatch, tmp_path):
    """Real validation, cheap runs, no processes, no server; cwd is a fresh folder."""
    from samenspel import compare, limits
    from samenspel.model import runner
    from samenspel.sweep import execute

    real = runner.simulate

    def simulate(seed=0, weeks=runner.DEFAULT_WEEKS, **params):
        runner.check_run_args(seed, weeks)
        from samenspel.model.params import resolve

        resolve(params)
        small = {**params, "n_households": 10, "n_areas": 1}
        return real(seed=seed, weeks=1, **{k: v for k, v in small.items() if k in PARAMS})

    for module in (runner, execute):  # compare.run_one imports runner.simulate when called
        monkeypatch.setattr(module, "simulate", simulate)
    monkeypatch.setattr(compare, "local_pool", _ThreadPool)
    monkeypatch.setattr(execute, "local_pool", _ThreadPool)
    monkeypatch.setattr(execute, "CONNECT_TIMEOUT", 0.2)
    monkeypatch.setattr(limits, "seconds_per_run", lambda weeks, params=None: 0.01 * weeks)

    def no_exec(*args):
        raise _Exec()

    monkeypatch.setattr(os, "execve", no_exec)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(capsys, argv: list[str], kind: str) -> None:
    """Run ``main(argv)``: exit 0, or 2 with exactly one line; never an exception."""
    try:
        code = main(argv)
    except SystemExit as exc:  # --help, --version
        assert exc.code == 0, argv
        code = 0
    except _Exec:
        code = 0  # a valid dashboard command got as far as starting the server
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out, argv
    assert code in (0, 2), (argv, code, captured.err)
    if code == 2:
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("samenspel: error: "), (argv, captured.err)
    SEEN[f"{kind}:{code}"] = SEEN.get(f"{kind}:{code}", 0) + 1


# --- values -----------------------------------------------------------------------------------
SCALARS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.booleans(),
    st.text(max_size=30),
    st.sampled_from([0, 1, 10, 0.5, "city", "town", "wijktafels", "unclear", "", " "]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(string.ascii_lowercase, max_size=8), inner, max_size=3),
    ),
    max_leaves=6,
)


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(v), repr(v))
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(x)}" for k, x in v.items()) + "}"


def toml_text(data: dict) -> str:
    lines, tables = [], []
    for k, v in data.items():
        (tables if isinstance(v, dict) and v else lines).append((k, v))
    out = [f"{json.dumps(k)} = {toml_value(v)}" for k, v in lines]
    for k, v in tables:
        out.append(f"[{json.dumps(k)}]")
        out.extend(f"{json.dumps(kk)} = {toml_value(vv)}" for kk, vv in v.items())
    return "\n".join(out) + "\n"


PARAM_NAMES = st.sampled_from([*PARAMS, "goal_clarty", "context", "seed"])
LEVERS = st.dictionaries(PARAM_NAMES, VALUES, max_size=4)
SCENARIO_KEYS = (
    "name",
    "extends",
    "title_en",
    "title_nl",
    "description_en",
    "description_nl",
    "source",
    "context",
    "levers",
    "titel",
)


@st.composite
def scenario_files(draw) -> bytes:
    if draw(st.integers(0, 9)) == 0:  # sometimes not TOML, not UTF-8, or empty
        return draw(st.binary(max_size=200))
    data = {
        "name": "fuzz",
        "title_en": "T",
        "title_nl": "T",
        "description_en": "D",
        "description_nl": "D",
        "source": "S",
        "context": "city",
    }
    for key in draw(st.lists(st.sampled_from(SCENARIO_KEYS), max_size=3, unique=True)):
        if draw(st.booleans()):
            data.pop(key, None)
        else:
            data[key] = draw(
                LEVERS
                if key == "levers"
                else st.one_of(
                    VALUES, st.sampled_from(["city-baseline", "fuzz", "nope", "../x.toml"])
                )
            )
    if draw(st.booleans()):
        data["levers"] = draw(LEVERS)
    return toml_text(data).encode("utf-8", "surrogatepass")


@given(content=scenario_files())
@FUZZ
def test_fuzz_scenario_files(cheap, capsys, content):
    path = cheap / "fuzz.toml"
    path.write_bytes(content)
    _check(capsys, ["run", str(path), "--weeks", "1"], "scenario")


SPEC_KEYS = (
    "name",
    "description",
    "scenario",
    "design",
    "samples",
    "replicates",
    "weeks",
    "seed",
    "outcomes",
    "weekly",
    "second_order",
    "levels",
    "fixed",
    "factors",
    "replicate",
)


@st.composite
def spec_files(draw) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=200))
    design = draw(st.sampled_from(["grid", "latin", "sobol", "morris", "fractional"]))
    data: dict = {"design": design, "weeks": 4, "seed": 1, "replicates": 1}
    if design != "grid":
        data["samples"] = draw(st.sampled_from([1, 2, 4, 3, 0, -1, 2**40, 10**9]))
    factors = {}
    for name in draw(st.lists(PARAM_NAMES, min_size=0, max_size=3, unique=True)):
        table = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "range": st.lists(SCALARS, max_size=3),
                    "values": st.lists(SCALARS, max_size=4),
                    "steps": st.one_of(st.integers(-3, 10**7), SCALARS),
                },
            )
        )
        factors[name] = table
    data["factors"] = factors
    for key in draw(st.lists(st.sampled_from(SPEC_KEYS), max_size=3, unique=True)):
        data[key] = draw(
            st.one_of(VALUES, LEVERS if key == "fixed" else VALUES, st.integers(-5, 10**10))
        )
    text = toml_text({k: v for k, v in data.items() if k != "factors"})
    for name, table in factors.items():
        text += f"[factors.{json.dumps(name)}]\n"
        text += "".join(f"{k} = {toml_value(v)}\n" for k, v in table.items())
    return text.encode("utf-8", "surrogatepass")


@given(content=spec_files())
@FUZZ
def test_fuzz_sweep_specs(cheap, capsys, content):
    path = cheap / "spec.toml"
    path.write_bytes(content)
    _check(capsys, ["sweep", str(path), "--dry-run"], "spec")


# --- command lines ---------------------------------------------------------------------------
NUMBERS = st.sampled_from(
    ["-1", "0", "1", "2", "3", "1.5", "x", "", str(2**70), "1e3", "1000000000", "99999", "-0"]
)
PATHS = st.sampled_from(
    [
        "out.csv",
        "out.parquet",
        "out.txt",
        "/proc/x.csv",
        "nodir/x.csv",
        "res",
        "/proc/res",
        "valid.toml",
        "broken.toml",
        "missing.toml",
        "experiments/sobol-three-os.toml",
        "grid-wijktafels-clarity",
        ".",
        "",
        "wijktafels",
        "city-baseline",
        "a.toml/b",
    ]
)
OPTIONS = {
    "run": {
        "--seed": NUMBERS,
        "--weeks": NUMBERS,
        "--set": st.sampled_from(
            [
                "goal_clarity=0.5",
                "goal_clarity=2",
                "x=1",
                "=1",
                "goal_clarity",
                "context=town",
                "n_households=many",
                "hybridisation_model=unclear",
            ]
        ),
        "--out": PATHS,
        "--scale": st.sampled_from(["neighbourhood", "city", "galaxy"]),
    },
    "params": {"--lang": st.sampled_from(["en", "nl", "fr"])},
    "scenarios": {"--lang": st.sampled_from(["en", "nl", "fr"])},
    "compare": {
        "--replicates": NUMBERS,
        "--seed": NUMBERS,
        "--weeks": NUMBERS,
        "--workers": NUMBERS,
        "--out": PATHS,
        "--set": st.sampled_from(["goal_clarity=0.5", "x=1", "goal_clarity"]),
    },
    "validate": {
        "--replicates": NUMBERS,
        "--seed": NUMBERS,
        "--weeks": NUMBERS,
        "--workers": NUMBERS,
        "--out": PATHS,
    },
    "sweep": {
        "--workers": NUMBERS,
        "--out": PATHS,
        "--batch": NUMBERS,
        "--scheduler": st.sampled_from(["tcp://", "x", "tcp://h:1:2", "inproc://"]),
        "--quiet": None,
        "--dry-run": None,
    },
    "analyse": {"--outcome": st.sampled_from(["familiarity", "nope", ""])},
    "dashboard": {
        "--port": NUMBERS,
        "--host": st.sampled_from(["127.0.0.1", "::1", "x"]),
        "--lang": st.sampled_from(["auto", "nl", "de"]),
        "--check-assets": None,
        "--offline": None,
    },
}
POSITIONAL = {
    "run": st.lists(PATHS, max_size=2),
    "compare": st.lists(PATHS, max_size=4),
    "sweep": st.lists(PATHS, max_size=2),
    "analyse": st.lists(PATHS, max_size=2),
}


@st.composite
def command_lines(draw) -> list[str]:
    command = draw(st.sampled_from([*COMMANDS, "nope", "--version", "-h"]))
    argv = [command]
    if command in POSITIONAL:
        argv += draw(POSITIONAL[command])
    options = list(OPTIONS.get(command, {}).items())
    chosen = (
        draw(st.lists(st.sampled_from(options), max_size=4, unique_by=lambda kv: kv[0]))
        if options
        else []
    )
    for option, values in chosen:
        argv.append(option)
        if values is not None:  # None: a flag without a value
            argv.append(draw(values))
    if draw(st.integers(0, 7)) == 0:
        argv.insert(draw(st.integers(0, len(argv))), draw(st.text(max_size=8)))
    return argv


@given(argv=command_lines())
@FUZZ
def test_fuzz_command_lines(cheap, capsys, argv):
    (cheap / "valid.toml").write_text(
        'design = "grid"\nweeks = 3\nseed = 1\n[fixed]\nn_households = 10\n'
        "[factors.goal_clarity]\nvalues = [0.1, 0.9]\n"
    )
    (cheap / "broken.toml").write_bytes(b"design = \xff")
    if argv[0] == "analyse" and len(argv) > 1 and argv[1] == "res":
        main(["sweep", "valid.toml", "--out", "res", "--quiet", "--workers", "1"])
        capsys.readouterr()
    if "--workers" not in argv and argv[0] in ("compare", "validate", "sweep"):
        argv += ["--workers", "1"]
    _check(capsys, argv, "cli")


def test_fuzz_counts_reported():
    """Not a check: prints how many examples each fuzz test ran and how they ended."""
    print("fuzz examples by kind and exit code:", dict(sorted(SEEN.items())))
