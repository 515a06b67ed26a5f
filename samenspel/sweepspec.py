"""Sweep specifications: TOML files (``experiments/*.toml``) that describe a sweep.

A spec names a base scenario, parameters held fixed, the factors that vary, a design,
replicates per design point, weeks per run, the outcomes to analyse and one master
seed. Every value is checked against the parameter declarations in
``model/params.py`` before anything runs, and every problem is reported as one line
naming the file and the key::

    scenario = "city-baseline"      # base scenario (optional; default parameters)
    design = "sobol"                # grid | latin | sobol | morris
    samples = 64                    # N; Sobol: a power of two; Morris: trajectories
    replicates = 1                  # runs (seeds) per design point
    weeks = 156
    seed = 20261101                 # master seed: design and every run's seed
    outcomes = ["share_coproduction"]

    [fixed]                         # parameters set for every run
    hybridisation_model = "accessibility_plus"

    [factors.goal_clarity]          # a range (numbers) ...
    range = [0.0, 1.0]
    [factors.interplay]             # ... or a list of values (any type)
    values = ["wijkteam", "sociale_basis"]

Instead of listing every factor, a sampled design may take whole parameter groups
(``groups = ["mechanism", "initial"]``): every numeric parameter of those groups becomes
a factor over its declared range, except those named in ``exclude`` or ``[fixed]``; a
``[factors.NAME]`` table still wins (a narrower range, or values for a string). With
``dummy = true`` the design gets one more factor, ``dummy`` on [0, 1], that no run
reads: its Morris μ* or Sobol ST is the noise floor of the screening.

Designs come from SALib (``SALib.sample.sobol``, ``latin``, ``morris``); a grid is
the product of the factors' values (``steps`` evenly spaced values for a range).
In sampled designs an integer range is sampled on [low, high + 1) and floored, and a
list of values on [0, k) and floored to an index, so every value is equally likely.

Run ``r`` is design point ``r // replicates``, replicate ``r % replicates``; its seed
is drawn from ``SeedSequence([seed, r])``, so it never depends on workers or order.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import tomllib
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .hints import did_you_mean
from .limits import MAX_REPLICATES, MAX_SAMPLES, MAX_WEEKS, check_size
from .model.params import PARAMS, Param, ParameterError, resolve
from .model.runner import MAX_SEED, run

DESIGNS = ("grid", "latin", "sobol", "morris")
KEYS = {
    "name": str,
    "description": str,
    "scenario": str,
    "design": str,
    "samples": int,
    "replicates": int,
    "weeks": int,
    "seed": int,
    "outcomes": list,
    "weekly": bool,
    "second_order": bool,
    "levels": int,
    "fixed": dict,
    "factors": dict,
    "groups": list,
    "exclude": list,
    "dummy": bool,
}
FACTOR_KEYS = ("range", "values", "steps")
META_COLUMNS = (
    "run_id",
    "point",
    "replicate",
    "seed",
    "samenspel_version",
    "mesa_version",
    "numpy_version",
    "code_hash",
    "git_commit",
    "spec_hash",
    "host",
    "started",
    "finished",
)
MAX_FILE_BYTES = 1_000_000  # the shipped specs are about 1 kB


DUMMY = Param(
    "dummy",
    float,
    0.5,
    "",
    0.0,
    1.0,
    None,
    "Dummy (read by no run)",
    "Dummy (door geen run gelezen)",
    "A design factor the model ignores: its index is the noise floor.",
    "dummy",
    "Een factor die het model negeert: zijn index is de ruisvloer.",
    "method (Morris/Sobol screening with a dummy factor)",
)
"""The dummy factor of ``dummy = true`` (not a model parameter)."""


class SpecError(ValueError):
    """A sweep spec (or its results folder) is not usable; the message is one line."""


@cache
def outcome_types() -> dict[str, type]:
    """Names and types of the outcomes a run reports (from a tiny one-week run)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        summary = run(seed=0, weeks=1, n_households=10)
    return {k: type(v) for k, v in summary.items()}


def run_seed(master: int, run_id: int) -> int:
    """The seed of run ``run_id``: 63 bits drawn from ``SeedSequence([master, run_id])``."""
    state = np.random.SeedSequence([master, run_id]).generate_state(1, np.uint64)
    return int(state[0] >> np.uint64(1))


@dataclass(frozen=True)
class Factor:
    """One varied parameter: a numeric range or a list of values.

    Attributes:
        param: The parameter's declaration.
        low: Lower end of the range (None for a list of values).
        high: Upper end of the range.
        values: The values (None for a range).
        steps: Number of grid values over the range (grid designs only).

    """

    param: Param
    low: float | None = None
    high: float | None = None
    values: tuple[Any, ...] | None = None
    steps: int | None = None

    @property
    def name(self) -> str:
        """The parameter name."""
        return self.param.name

    def span(self) -> tuple[float, float]:
        """``(low, high)`` of a range factor."""
        if self.low is None or self.high is None:
            raise ValueError(f"factor '{self.name}' is a list of values, not a range")
        return self.low, self.high

    def bounds(self) -> list[float]:
        """Bounds of the design coordinate for SALib."""
        if self.values is not None:
            return [0.0, float(len(self.values))]
        low, high = self.span()
        if self.param.type is int:
            return [float(low), float(high) + 1.0]
        return [float(low), float(high)]

    def value(self, x: float) -> Any:
        """The parameter value at design coordinate ``x`` of a sampled design."""
        if self.values is not None:
            return self.values[min(math.floor(x), len(self.values) - 1)]
        if self.param.type is int:
            return min(math.floor(x), int(self.span()[1]))
        return float(x)

    def grid(self) -> list[tuple[float, Any]]:
        """Grid levels as (coordinate, value); non-numeric values use their index."""
        if self.values is not None:
            numeric = all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in self.values
            )
            return [(float(v) if numeric else float(i), v) for i, v in enumerate(self.values)]
        levels = np.linspace(*self.span(), self.steps or 2)
        if self.param.type is int:
            ints = sorted({round(float(v)) for v in levels})
            return [(float(v), int(v)) for v in ints]
        return [(float(v), float(v)) for v in levels]


@dataclass(frozen=True)
class Spec:
    """A validated sweep specification (see the module docstring for the format).

    Attributes:
        path: The spec file.
        text: The file's text, copied into the results folder.
        hash: Hash of the parsed content (comments and layout do not count).
        factors: The varied parameters, in file order.
        fixed: Parameter values set for every run, validated.

    """

    path: Path
    text: str
    hash: str
    name: str
    description: str
    scenario: str | None
    design: str
    samples: int | None
    replicates: int
    weeks: int
    seed: int
    outcomes: tuple[str, ...]
    weekly: bool
    second_order: bool
    levels: int
    fixed: dict[str, Any]
    factors: tuple[Factor, ...]

    def problem(self) -> dict[str, Any]:
        """The SALib problem definition."""
        return {
            "num_vars": len(self.factors),
            "names": [f.name for f in self.factors],
            "bounds": [f.bounds() for f in self.factors],
        }


def _fail(where: str, message: str) -> SpecError:
    return SpecError(f"{where}: {message}")


def _hint(name: str, known: Any) -> str:
    return did_you_mean(name, known, before="; ")


def _check_type(where: str, key: str, value: Any, typ: type) -> None:
    ok = type(value) is typ or (typ is float and type(value) is int)
    if not ok:
        names = {
            str: "a string",
            int: "an integer",
            bool: "true or false",
            list: "a list",
            dict: "a table",
        }
        raise _fail(where, f"{key} must be {names[typ]}, got {value!r}")


def _param(where: str, key: str, name: str) -> Param:
    if name not in PARAMS:
        raise _fail(
            where,
            f"{key}: unknown parameter '{name}'{_hint(name, PARAMS)} "
            "('samenspel params' lists them)",
        )
    return PARAMS[name]


def _factor(where: str, name: str, table: Any, design: str) -> Factor:
    key = f"factors.{name}"
    param = _param(where, key, name)
    _check_type(where, key, table, dict)
    for k in table:
        if k not in FACTOR_KEYS:
            raise _fail(
                where,
                f"{key}.{k}: unknown key{_hint(k, FACTOR_KEYS)} "
                "(a factor has range, values or steps)",
            )
    if ("range" in table) == ("values" in table):
        raise _fail(where, f"{key}: give either range = [low, high] or values = [...]")

    def check(value: Any, sub: str) -> Any:
        try:
            return param.check(value, f"{where}: {key}.{sub}")
        except ParameterError as exc:
            raise SpecError(str(exc)) from None

    if "values" in table:
        values = table["values"]
        _check_type(where, f"{key}.values", values, list)
        if not values:
            raise _fail(where, f"{key}.values: empty list")
        checked = tuple(check(v, "values") for v in values)
        if len(set(checked)) < len(checked):
            raise _fail(where, f"{key}.values: repeated values {values!r}")
        if "steps" in table:
            raise _fail(where, f"{key}.steps: only a range takes steps")
        return Factor(param, values=checked)
    rng = table["range"]
    if param.type not in (int, float):
        raise _fail(where, f"{key}.range: '{name}' is {param.allowed()}; use values = [...]")
    if not isinstance(rng, list) or len(rng) != 2:
        raise _fail(where, f"{key}.range: expected [low, high], got {rng!r}")
    low, high = check(rng[0], "range"), check(rng[1], "range")
    if low >= high:
        raise _fail(
            where, f"{key}.range: empty range [{rng[0]}, {rng[1]}] (low must be below high)"
        )
    steps = table.get("steps")
    if design == "grid":
        if steps is None:
            raise _fail(where, f"{key}: a grid needs steps = N with a range (or values)")
        if type(steps) is not int or steps < 2:
            raise _fail(where, f"{key}.steps: must be an integer of at least 2, got {steps!r}")
    elif steps is not None:
        raise _fail(where, f"{key}.steps: only a grid design uses steps")
    return Factor(param, low=low, high=high, steps=steps)


def _group_factors(
    where: str, data: dict[str, Any], explicit: tuple[Factor, ...], design: str
) -> tuple[Factor, ...]:
    """Add the numeric parameters of ``groups`` (declared ranges) and the dummy factor.

    Group factors come in declaration order (an explicit table takes its parameter's
    place), explicit factors outside the groups follow in file order, the dummy last.
    """
    groups, exclude = data.get("groups", []), data.get("exclude", [])
    if (groups or data.get("dummy")) and design == "grid":
        raise _fail(where, "groups and dummy: only sampled designs (latin, sobol, morris)")
    known = sorted({p.group for p in PARAMS.values()})
    for i, group in enumerate(groups):
        if group not in known:
            raise _fail(
                where,
                f"groups[{i}]: unknown group {group!r}{_hint(str(group), known)}"
                f" (one of {', '.join(known)})",
            )
    for i, name in enumerate(exclude):
        _param(where, f"exclude[{i}]", str(name))
    by_name = {f.name: f for f in explicit}
    for name in by_name:
        if name in exclude:
            raise _fail(where, f"factors.{name}: also in exclude; remove one of the two")
    fixed = data.get("fixed", {})
    names = [
        n
        for n, p in PARAMS.items()
        if n in by_name
        or (p.group in groups and p.type in (int, float) and n not in exclude and n not in fixed)
    ]
    names += [n for n in by_name if n not in names]
    factors = [
        by_name.get(n) or Factor(PARAMS[n], low=PARAMS[n].low, high=PARAMS[n].high) for n in names
    ]
    if data.get("dummy"):
        factors.append(Factor(DUMMY, low=DUMMY.low, high=DUMMY.high))
    return tuple(factors)


def parse_spec(
    data: dict[str, Any],
    path: Path,
    text: str,
    default_name: str | None = None,
    allow_large: bool = False,
) -> Spec:
    """Validate parsed TOML ``data`` from ``path`` into a Spec; raise SpecError.

    ``default_name`` names the sweep if the data has no ``name`` key (else the file stem).
    ``allow_large`` lets samples, replicates and weeks go past the ceilings of
    ``samenspel.limits``.
    """
    where = str(path)
    for key, value in data.items():
        if key not in KEYS:
            raise _fail(where, f"unknown key '{key}'{_hint(key, KEYS)}")
        _check_type(where, key, value, KEYS[key])
    design = data.get("design")
    if design is None:
        raise _fail(where, f"design: missing (one of {', '.join(DESIGNS)})")
    if design not in DESIGNS:
        raise _fail(
            where,
            f"design: unknown design '{design}'{_hint(design, DESIGNS)} "
            f"(one of {', '.join(DESIGNS)})",
        )
    for key in ("weeks", "seed"):
        if key not in data:
            raise _fail(where, f"{key}: missing")
    samples = data.get("samples")
    if design == "grid" and samples is not None:
        raise _fail(where, "samples: a grid design takes its size from the factors")
    if design != "grid":
        if samples is None:
            raise _fail(where, f"samples: missing (a {design} design needs a sample size)")
        if samples < 1:
            raise _fail(where, f"samples: must be at least 1, got {samples}")
        if design == "sobol" and samples & (samples - 1):
            raise _fail(
                where,
                f"samples: a Sobol design needs a power of two, got {samples} "
                f"(try {1 << (samples - 1).bit_length()})",
            )
    if "second_order" in data and design != "sobol":
        raise _fail(where, "second_order: only a sobol design uses it")
    if "levels" in data and design != "morris":
        raise _fail(where, "levels: only a morris design uses it")
    levels = data.get("levels", 4)
    if levels < 2:
        raise _fail(where, f"levels: must be at least 2, got {levels}")
    for key, least in (("weeks", 1), ("replicates", 1), ("seed", 0)):
        if data.get(key, least) < least:
            raise _fail(where, f"{key}: must be at least {least}, got {data[key]}")
    if data["seed"] > MAX_SEED:
        raise _fail(where, f"seed: must be at most 2**63-1, got {data['seed']}")
    for key, ceiling in (
        ("weeks", MAX_WEEKS),
        ("replicates", MAX_REPLICATES),
        ("samples", MAX_SAMPLES),
        ("levels", 1_000),
    ):
        if key in data:
            try:
                check_size(key, data[key], ceiling, allow_large)
            except ValueError as exc:
                raise _fail(where, str(exc)) from None

    factors_table = data.get("factors", {})
    if not factors_table and not data.get("groups"):
        raise _fail(where, "factors: no factors given (add [factors.NAME] tables)")
    factors = tuple(_factor(where, n, t, design) for n, t in factors_table.items())
    factors = _group_factors(where, data, factors, design)
    fixed: dict[str, Any] = {}
    for name, value in data.get("fixed", {}).items():
        param = _param(where, f"fixed.{name}", name)
        if name in factors_table:
            raise _fail(where, f"fixed.{name}: also a factor; remove one of the two")
        try:
            fixed[name] = param.check(value, f"{where}: fixed.{name}")
        except ParameterError as exc:
            raise SpecError(str(exc)) from None
    if design == "sobol" and data.get("second_order") and len(factors) < 2:
        raise _fail(where, "second_order: needs at least two factors")

    known = outcome_types()
    outcomes = data.get("outcomes", ["share_coproduction"])
    for i, name in enumerate(outcomes):
        if name not in known:
            raise _fail(where, f"outcomes[{i}]: unknown outcome {name!r}{_hint(str(name), known)}")
        if known[name] not in (int, float):
            raise _fail(where, f"outcomes[{i}]: '{name}' is not a number")
    clash = (set(PARAMS) & set(known)) | ((set(PARAMS) | set(known)) & set(META_COLUMNS))
    if clash:  # pragma: no cover - guards against a future model change
        raise _fail(where, f"parameter and outcome names collide: {sorted(clash)}")

    canonical = json.dumps(data, sort_keys=True, default=str)
    return Spec(
        path=path,
        text=text,
        hash=hashlib.sha256(canonical.encode()).hexdigest()[:16],
        name=data.get("name", default_name or path.stem),
        description=data.get("description", ""),
        scenario=data.get("scenario"),
        design=design,
        samples=samples,
        replicates=data.get("replicates", 1),
        weeks=data["weeks"],
        seed=data["seed"],
        outcomes=tuple(outcomes),
        weekly=data.get("weekly", False),
        second_order=data.get("second_order", False),
        levels=levels,
        fixed=fixed,
        factors=factors,
    )


def find_spec(path: str | Path) -> Path:
    """The spec file at ``path``, or else the shipped spec of that name.

    ``sobol-three-os`` and ``experiments/sobol-three-os.toml`` both find the shipped
    spec when no such file exists here, so the README's commands work from any folder.
    """
    path = Path(path)
    if path.exists():
        return path
    from .library import library_dir

    name = path.stem if path.suffix == ".toml" else path.name
    shipped = library_dir("experiments") / f"{name}.toml"
    if path.parent.name in ("", "experiments") and shipped.is_file():
        return shipped
    return path


def load_spec(path: str | Path, name: str | None = None, allow_large: bool = False) -> Spec:
    """Read and validate a spec file; raise SpecError with a one-line message.

    ``path`` is a file, or the name of a shipped spec (``find_spec``). ``name`` names
    the sweep if the file has no ``name`` key (default: the file's stem).
    ``allow_large`` lets sizes go past the ceilings of ``samenspel.limits``.
    """
    path = find_spec(path)
    try:
        if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
            raise _fail(
                str(path),
                f"the file is {path.stat().st_size:,} bytes, more than "
                f"a spec can be ({MAX_FILE_BYTES:,}); is it the right file?",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(str(path), f"cannot read the spec ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(
            str(path), f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(str(path), f"malformed TOML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise _fail(str(path), "malformed TOML: nested too deeply") from None
    return parse_spec(data, path, text, name, allow_large)


def design_size(spec: Spec) -> int:
    """Number of design points, computed without building the design."""
    d = len(spec.factors)
    if spec.design == "grid":
        size = 1
        for f in spec.factors:
            if f.values is not None:
                size *= len(f.values)
            elif f.param.type is int:
                low, high = f.span()
                size *= min(f.steps or 1, int(high) - int(low) + 1)
            else:
                size *= f.steps or 1
        return size
    n = spec.samples or 0
    if spec.design == "sobol":
        return n * (2 * d + 2 if spec.second_order else d + 2)
    if spec.design == "morris":
        return n * (d + 1)
    return n


def total_runs(spec: Spec) -> int:
    """Number of runs of the sweep: design points times replicates."""
    return design_size(spec) * spec.replicates


def base_params(spec: Spec) -> dict[str, Any]:
    """The base scenario's own values: its context and its levers (``Scenario.values``).

    Only these, not the fully resolved parameters, so that a factor or fixed value for
    ``context`` brings in that context's preset for every trait the scenario leaves open.
    """
    if spec.scenario is None:
        return {}
    from .scenarios import load_scenario

    try:
        return load_scenario(spec.scenario).values()
    except (ValueError, OSError) as exc:  # ScenarioError is a ValueError
        raise _fail(f"{spec.path}: scenario", str(exc)) from None


def design_matrix(spec: Spec) -> np.ndarray:
    """The design coordinates, one row per point (SALib samplers or a full grid)."""
    problem = spec.problem()
    if spec.design == "grid":
        return np.array(
            list(itertools.product(*[[x for x, _ in f.grid()] for f in spec.factors])), dtype=float
        )
    rng = np.random.default_rng(np.random.SeedSequence(spec.seed).spawn(1)[0])
    if spec.design == "sobol":
        from SALib.sample import sobol

        return sobol.sample(problem, spec.samples, calc_second_order=spec.second_order, seed=rng)
    if spec.design == "latin":
        from SALib.sample import latin

        return latin.sample(problem, spec.samples, seed=rng)
    from SALib.sample import morris

    return morris.sample(problem, spec.samples, num_levels=spec.levels, seed=rng)


def build_design(spec: Spec) -> pd.DataFrame:
    """One row per design point: ``point``, ``x_<factor>`` coordinates, all parameters.

    Raises:
        SpecError: If the base scenario cannot be loaded or a point is not valid.

    """
    x = design_matrix(spec)
    base = {**base_params(spec), **spec.fixed}
    rows = []
    for i, row in enumerate(x):
        if spec.design == "grid":
            values = {f.name: dict(f.grid())[c] for f, c in zip(spec.factors, row, strict=True)}
        else:
            values = {
                f.name: f.value(c)
                for f, c in zip(spec.factors, row, strict=True)
                if f.param is not DUMMY
            }  # the dummy is a coordinate only
        try:
            params = resolve({**base, **values}, where=f"{spec.path}: design point {i}")
        except ParameterError as exc:
            raise SpecError(str(exc)) from None
        rows.append(
            {
                "point": i,
                **{f"x_{f.name}": c for f, c in zip(spec.factors, row, strict=True)},
                **params,
            }
        )
    return pd.DataFrame(rows)
