"""Pattern-oriented calibration: the region of free parameters that meets all patterns.

``samenspel calibrate --points N --replicates R --seed S --out DIR [--docs docs]``

The procedure (issue 9, point 11; Grimm et al. 2005, Science 310:987):

1. Every parameter is classified by the ``source`` of its declaration
   (``model/params.py``): *free* when the source is "assumption" or starts with it;
   *research* (a passage of the research or the literature) otherwise, with those
   whose source adds "value assumed" marked as research for the direction, assumed
   for the value; the context traits and policy levers are *inputs* (a scenario sets
   them) and are not calibrated.
2. ``CALIBRATED`` names the free mechanism constants that matter most for the
   pattern outcomes in the Morris screening (``experiments/morris-all.toml``,
   ``docs/sensitivity.md``). Their ranges are those of that screening (the declared
   range, or the sub-range documented there): bounds are never typed twice.
3. A Latin hypercube (``scipy.stats.qmc.LatinHypercube``, seeded with ``S``) draws N
   points in that box. Every point runs the six validation scenarios
   (``samenspel.validation.SCENARIOS``) with R replicates; replicate i uses seed
   ``S + i`` at every point and in every scenario (common random numbers). The
   declared defaults are run as one more point with the same seeds.
4. A point is *accepted* when all five validation patterns hold at once, judged by
   ``samenspel.validation.judge``: the same checks, thresholds and 95 % intervals as
   ``samenspel validate`` (fixed there before this search; never loosened here).
5. The report gives the accepted region, not one point: how many points were
   accepted, per parameter the range and quantiles of the accepted values and the
   acceptance rate across its range (a figure), the pass rate of each pattern, and
   whether the defaults are accepted and lie inside the accepted ranges.

``DIR`` receives ``points.csv`` (design, pattern verdicts, accepted), ``runs.parquet``
(every run's summary), ``report.md`` and ``calibration.png``; ``--docs`` also writes
``docs/calibration.md`` and ``docs/figures/calibration.png``. Results depend only on
N, R, S and weeks, never on the number of workers.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .compare import Comparison, atomic_write, replicate_seeds
from .model.params import LEVER_GROUPS, PARAMS, Param
from .model.runner import check_run_args, simulate
from .pool import local_pool
from .scenarios import load_scenario
from .validation import SCENARIOS, PatternResult, initial_logics, judge

ROOT = Path(__file__).resolve().parent.parent
MORRIS_SPEC = ROOT / "experiments" / "morris-all.toml"
POINTS, REPLICATES, SEED, WEEKS = 100, 4, 4242, 260

CALIBRATED: tuple[str, ...] = (
    "contact_gain",
    "involve_base",
    "reflection_invite",
    "meeting_contact",
    "crisis_severity",
    "support_informal",
    "recovery_rate",
    "familiarity_decay",
    "support_professional",
    "team_contact",
)
"""The free mechanism constants searched over (chosen from the Morris screening)."""

CHOICE = (
    "The ten free mechanism constants (group mechanism, source 'assumption') with the "
    "best mean rank of Morris mu* over the outcomes the five patterns judge "
    "(share_coproduction, share_coexistence, share_intermediated, familiarity, "
    "informal_uptake, goal_uncertainty; brokerage_share has design points without "
    "any collaboration and no index), in the screening of `experiments/morris-all.toml`. "
    "The choice was made on a first run of that screening whose model still lacked the "
    "post-freeze fix 70d291f (a need the own circle solves without a case counts as "
    "resolved): contact_gain 23.0, involve_base 32.3, reflection_invite 32.7, "
    "meeting_contact 33.3, crisis_severity 35.3, support_informal 40.5, recovery_rate "
    "44.2, familiarity_decay 46.8, support_professional 57.0, team_contact 60.0 (mean "
    "ranks among 120 factors). The screening rerun on the final model "
    "(docs/sensitivity.md) gives the same first nine; the tenth would be "
    "threat_adaptation (56.2) instead of team_contact (68.7). The calibration itself ran "
    "on the final model."
)
"""Why ``CALIBRATED`` holds these parameters (shown in the report)."""


class CalibrationError(ValueError):
    """A calibration argument is not usable; the message is one line."""


# --- classification -----------------------------------------------------------------


def is_free(p: Param) -> bool:
    """True when the parameter's value is an assumption (source "assumption...")."""
    return p.source.strip().lower().startswith("assumption")


def classify(p: Param) -> str:
    """``free``, ``research``, ``research (value assumed)``, ``input`` or ``switch``."""
    if p.group == "switch":
        return "switch"
    if p.group == "context" or p.group in LEVER_GROUPS:
        return "input"
    if is_free(p):
        return "free"
    if "assum" in p.source.lower():
        return "research (value assumed)"
    return "research"


def classification() -> pd.DataFrame:
    """One row per parameter: name, group, class, default, range and source."""
    rows = [
        {
            "name": p.name,
            "group": p.group,
            "class": classify(p),
            "default": p.default,
            "range": (
                ", ".join(p.choices)
                if p.choices
                else "true/false"
                if p.type is bool
                else f"{p.low:g}-{p.high:g}"
            ),
            "source": p.source,
        }
        for p in PARAMS.values()
    ]
    return pd.DataFrame(rows)


# --- the design ---------------------------------------------------------------------


def parameter_ranges(names: Sequence[str] = CALIBRATED) -> dict[str, tuple[float, float]]:
    """Range of each calibrated parameter: the Morris screening's, else the declared one.

    Raises:
        CalibrationError: If a name is not a numeric parameter.

    """
    from .sweepspec import load_spec

    screened: dict[str, tuple[float, float]] = {}
    if MORRIS_SPEC.exists():
        screened = {f.name: f.span() for f in load_spec(MORRIS_SPEC).factors if f.values is None}
    out = {}
    for name in names:
        p = PARAMS.get(name)
        if p is None or p.type not in (int, float):
            raise CalibrationError(
                f"calibrated parameter {name!r} is not a numeric "
                "parameter ('samenspel params' lists them)"
            )
        out[name] = screened.get(name, p.span())
    return out


def latin_design(points: int, seed: int, names: Sequence[str] = CALIBRATED) -> pd.DataFrame:
    """``points`` Latin-hypercube points over the calibrated ranges (one row each)."""
    from scipy.stats import qmc

    ranges = parameter_ranges(names)
    u = qmc.LatinHypercube(d=len(names), seed=np.random.default_rng(seed)).random(points)
    cols = {}
    for j, name in enumerate(names):
        low, high = ranges[name]
        if PARAMS[name].type is int:
            cols[name] = np.minimum(np.floor(low + u[:, j] * (high - low + 1)), high).astype(int)
        else:
            cols[name] = low + u[:, j] * (high - low)
    df = pd.DataFrame(cols)
    df.insert(0, "point", np.arange(points))
    return df


def defaults_point(names: Sequence[str] = CALIBRATED) -> dict[str, Any]:
    """The declared defaults of the calibrated parameters."""
    return {n: PARAMS[n].default for n in names}


# --- running one point (in a worker) ------------------------------------------------


def run_point(
    point: int, overrides: dict[str, Any], seeds: Sequence[int], weeks: int
) -> tuple[int, list[dict[str, Any]], pd.DataFrame]:
    """Run the validation scenarios at one point; return its run rows and logics."""
    rows = []
    for name in SCENARIOS:
        params = load_scenario(name).params(overrides)
        schedule = params.pop("schedule", None)
        for seed in seeds:
            model = simulate(seed=seed, weeks=weeks, schedule=schedule, summary_only=True, **params)
            summary = model.summary()
            rows.append({"point": point, "scenario": name, "seed": seed, **summary})
    return point, rows, initial_logics(seeds, overrides=overrides)


def _run_point_task(
    task: tuple[int, dict[str, Any], list[int], int],
) -> tuple[int, list[dict[str, Any]], pd.DataFrame]:
    return run_point(*task)


# --- judging ------------------------------------------------------------------------


def judge_point(
    runs: pd.DataFrame, logics: pd.DataFrame, weeks: int = WEEKS
) -> list[PatternResult]:
    """The five validation patterns judged on one point's runs.

    Args:
        runs: One row per scenario x seed with ``scenario``, ``seed`` and the outcomes
            the patterns read; it must hold every scenario of ``SCENARIOS``.
        logics: Professionals' starting logics (``validation.initial_logics``).
        weeks: Weeks per run (for the record only).

    """
    runs = runs.copy()
    runs["scenario"] = pd.Categorical(runs["scenario"], categories=list(SCENARIOS), ordered=True)
    seeds = sorted(int(s) for s in runs["seed"].unique())
    comp = Comparison(
        scenarios=[],
        seeds=seeds,
        weeks=weeks,
        runs=runs,
        weekly=pd.DataFrame(),
        seconds=0.0,
        workers=1,
    )
    return judge(comp, logics)


def accepted(results: Sequence[PatternResult]) -> bool:
    """A point is accepted when every pattern holds (all checks of all five)."""
    return len(results) == 5 and all(r.passed for r in results)


def verdicts(results: Sequence[PatternResult]) -> dict[str, bool]:
    """Per pattern (``p1`` ... ``p5``) and overall (``accepted``) verdicts."""
    out = {f"p{r.number}": r.passed for r in results}
    out["accepted"] = accepted(results)
    return out


# --- the search ---------------------------------------------------------------------


@dataclass
class Calibration:
    """The result of a calibration run.

    Attributes:
        points: The design with one row per point (``point`` -1 is the defaults):
            the calibrated values, ``p1``..``p5`` and ``accepted``.
        runs: Every run's summary with ``point``, ``scenario`` and ``seed``.
        names: The calibrated parameters.
        ranges: Their ranges.
        seeds: The replicate seeds (the same at every point).
        seed: The master seed (Latin hypercube and first replicate seed).
        weeks: Weeks per run.
        seconds: Wall-clock time of the runs.
        workers: Processes used.
        default_checks: The defaults' pattern results (for the report).

    """

    points: pd.DataFrame
    runs: pd.DataFrame
    names: tuple[str, ...]
    ranges: dict[str, tuple[float, float]]
    seeds: list[int]
    seed: int
    weeks: int
    seconds: float
    workers: int
    default_checks: list[PatternResult]

    @property
    def design(self) -> pd.DataFrame:
        """The Latin-hypercube points only (without the defaults)."""
        return self.points[self.points["point"] >= 0]

    @property
    def accepted(self) -> pd.DataFrame:
        """The accepted Latin-hypercube points."""
        d = self.design
        return d[d["accepted"]]

    @property
    def defaults_accepted(self) -> bool:
        """True when the defaults themselves meet all five patterns."""
        return bool(self.points.loc[self.points["point"] == -1, "accepted"].iloc[0])


def check_args(points: int, replicates: int, seed: int, weeks: int, workers: int | None) -> None:
    """Raise ``CalibrationError`` (one line) on an unusable argument."""
    if points < 1:
        raise CalibrationError(f"--points must be at least 1, got {points}")
    if replicates < 2:
        raise CalibrationError(
            f"--replicates must be at least 2 (the patterns use 95 % "
            f"intervals over replicates), got {replicates}"
        )
    if seed < 0:
        raise CalibrationError(f"--seed must be at least 0, got {seed}")
    if workers is not None and workers < 1:
        raise CalibrationError(f"--workers must be at least 1, got {workers}")
    try:
        check_run_args(seed, weeks)
    except ValueError as exc:
        raise CalibrationError(f"--weeks: {exc}") from None


def calibrate(
    points: int = POINTS,
    replicates: int = REPLICATES,
    seed: int = SEED,
    weeks: int = WEEKS,
    workers: int | None = 2,
    progress: Callable[[int, int], None] | None = None,
    names: Sequence[str] = CALIBRATED,
) -> Calibration:
    """Run the Latin-hypercube search and judge every point (see the module docstring).

    Args:
        points: Latin-hypercube points.
        replicates: Runs per scenario at each point (seeds ``seed + i``).
        seed: Master seed.
        weeks: Weeks per run.
        workers: Processes; 1 runs in this process.
        progress: Called as ``progress(done, total)`` with points finished.
        names: The parameters searched over.

    Raises:
        CalibrationError: On an unusable argument.

    """
    check_args(points, replicates, seed, weeks, workers)
    names = tuple(names)
    design = latin_design(points, seed, names)
    seeds = replicate_seeds(seed, replicates)
    tasks = [(-1, defaults_point(names), seeds, weeks)]
    tasks += [
        (int(r["point"]), {n: _plain(r[n]) for n in names}, seeds, weeks)
        for _, r in design.iterrows()
    ]
    workers = max(1, min(workers or 1, len(tasks)))
    done: dict[int, tuple[list[dict[str, Any]], pd.DataFrame]] = {}
    t0 = time.perf_counter()
    if progress:
        progress(0, len(tasks))
    if workers == 1:
        for task in tasks:
            point, rows, logics = run_point(*task)
            done[point] = (rows, logics)
            if progress:
                progress(len(done), len(tasks))
    else:
        with local_pool(workers) as pool:
            futures = [pool.submit(_run_point_task, t) for t in tasks]
            for fut in as_completed(futures):
                point, rows, logics = fut.result()
                done[point] = (rows, logics)
                if progress:
                    progress(len(done), len(tasks))
    seconds = time.perf_counter() - t0
    table, all_rows, default_checks = [], [], []
    for point, overrides, _, _ in tasks:
        rows, logics = done[point]
        all_rows += rows
        results = judge_point(pd.DataFrame(rows), logics, weeks)
        if point == -1:
            default_checks = results
        table.append({"point": point, **overrides, **verdicts(results)})
    return Calibration(
        points=pd.DataFrame(table),
        runs=pd.DataFrame(all_rows),
        names=names,
        ranges=parameter_ranges(names),
        seeds=seeds,
        seed=seed,
        weeks=weeks,
        seconds=seconds,
        workers=workers,
        default_checks=default_checks,
    )


def _plain(x: Any) -> Any:
    """A NumPy scalar as a plain Python int or float (parameters are checked by type)."""
    return x.item() if hasattr(x, "item") else x


def load(out: str | Path) -> Calibration:
    """Read a finished calibration back from its folder (to rewrite the report).

    Raises:
        CalibrationError: If ``out`` holds no complete calibration.

    """
    out = Path(out)
    try:
        points = pd.read_csv(out / "points.csv")
        runs = pd.read_parquet(out / "runs.parquet")
        meta = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CalibrationError(f"{out}: not a finished calibration ({exc})") from None
    names = tuple(meta["names"])
    defaults = runs[runs["point"] == -1]
    logics = initial_logics(meta["seeds"], overrides=defaults_point(names))
    return Calibration(
        points=points,
        runs=runs,
        names=names,
        ranges=parameter_ranges(names),
        seeds=meta["seeds"],
        seed=meta.get("seed", meta["seeds"][0]),
        weeks=meta["weeks"],
        seconds=meta["seconds"],
        workers=meta["workers"],
        default_checks=judge_point(defaults, logics, meta["weeks"]),
    )


# --- the region ---------------------------------------------------------------------


def region(cal: Calibration, bins: int = 5) -> pd.DataFrame:
    """Per calibrated parameter: the accepted values' range, quantiles and rates.

    The rate is the share of points accepted in each of ``bins`` equal slices of the
    searched range.
    """
    acc, design = cal.accepted, cal.design
    rows = []
    for name in cal.names:
        low, high = cal.ranges[name]
        default = PARAMS[name].default
        x = acc[name].to_numpy(float)
        edges = np.linspace(low, high, bins + 1)
        slot = np.clip(np.digitize(design[name].to_numpy(float), edges[1:-1]), 0, bins - 1)
        rates = [
            float(design["accepted"].to_numpy()[slot == b].mean())
            if (slot == b).any()
            else math.nan
            for b in range(bins)
        ]
        by_pattern = {
            f"p{k}_by_fifth": [
                float(design[f"p{k}"].to_numpy()[slot == b].mean())
                if (slot == b).any()
                else math.nan
                for b in range(bins)
            ]
            for k in range(1, 6)
        }
        rows.append(
            {
                **by_pattern,
                "parameter": name,
                "searched": f"{low:g}-{high:g}",
                "default": default,
                "accepted_min": x.min() if len(x) else math.nan,
                "accepted_q10": np.quantile(x, 0.1) if len(x) else math.nan,
                "accepted_median": np.median(x) if len(x) else math.nan,
                "accepted_q90": np.quantile(x, 0.9) if len(x) else math.nan,
                "accepted_max": x.max() if len(x) else math.nan,
                "default_inside": bool(len(x) and x.min() <= default <= x.max()),
                "rate_by_fifth": rates,
            }
        )
    return pd.DataFrame(rows)


def figure(cal: Calibration) -> Any:
    """Per parameter: all points and accepted points over the searched range."""
    from .figures import subplots

    n = len(cal.names)
    cols = min(n, 5)
    rows = -(-n // cols)
    fig, axes = subplots(
        rows, cols, figsize=(3.1 * cols, 2.5 * rows), squeeze=False, layout="constrained"
    )
    design, acc = cal.design, cal.accepted
    for ax, name in zip(axes.flat, cal.names, strict=False):
        low, high = cal.ranges[name]
        bins = np.linspace(low, high, 11)
        ax.hist(design[name], bins=bins, color="lightgrey", label="all points")
        ax.hist(acc[name], bins=bins, color="tab:green", label="accepted")
        ax.axvline(PARAMS[name].default, color="k", ls="--", lw=1, label="default")
        ax.set_title(name, fontsize=9)
        ax.tick_params(labelsize=7)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize=7, frameon=False)
    fig.suptitle(
        f"Calibration: {len(acc)} of {len(design)} Latin-hypercube points meet all five patterns",
        fontsize=10,
    )
    return fig


# --- the report ---------------------------------------------------------------------


def _criteria() -> list[str]:
    """The pattern criteria as written in ``samenspel/validation.py`` (not retyped)."""
    from . import validation

    doc = validation.__doc__ or ""
    start, end = doc.index("1. City baseline"), doc.index("``python -m samenspel")
    return [line.rstrip() for line in doc[start:end].strip().splitlines()]


def _classification_lines() -> list[str]:
    df = classification()
    counts = df["class"].value_counts()
    lines = [
        "| class | parameters |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in counts.items()),
        "",
        "| parameter | group | class | default | range | source |",
        "|---|---|---|---|---|---|",
    ]
    for r in df.itertuples(index=False):
        lines.append(
            f"| `{r.name}` | {r.group} | {r[2]} | {r.default} | {r.range} | "
            f"{(r.source or '-').replace('|', '/')} |"
        )
    return lines


def report(
    cal: Calibration | None, figure_path: str = "figures/calibration.png", command: str = ""
) -> str:
    """The calibration document (``docs/calibration.md``); ``cal`` None: plan only."""
    ranges = parameter_ranges()
    lines = [
        "# Calibration",
        "",
        "Generated by `samenspel calibrate` (`samenspel/calibration.py`); do not edit by "
        "hand. Issue 9, point 11: which parameters come from the research or the "
        "literature, which are free, and which values of the free ones reproduce all "
        "validation patterns at once (pattern-oriented modelling, Grimm et al. 2005).",
        "",
        "## Procedure",
        "",
        "1. Classify every parameter by the `source` of its declaration "
        "(`model/params.py`), table below.",
        "2. Search over the free mechanism constants that matter most for the pattern "
        "outcomes (the choice and ranges below).",
        "3. Draw a Latin hypercube (`scipy.stats.qmc.LatinHypercube`, fixed seed) over "
        "their ranges. Run each point in the six validation scenarios "
        f"({', '.join(SCENARIOS)}) with R replicates; replicate i uses seed S + i at "
        "every point and in every scenario (common random numbers). The defaults run "
        "as one more point with the same seeds.",
        "4. Accept a point when all five patterns hold at once, judged by "
        "`samenspel.validation.judge`: the very checks of `samenspel validate`.",
        "5. Report the accepted region: how many points, per parameter the accepted "
        "values and the acceptance rate across the range, and whether the defaults are "
        "accepted and lie inside it.",
        "",
        "## Acceptance criteria (fixed before the search)",
        "",
        "The five patterns of DESIGN.md section 3, with the criteria of "
        "`samenspel/validation.py`, unchanged (quoted from its docstring):",
        "",
        "```",
        *_criteria(),
        "```",
        "",
        "A point is accepted only if every check of every pattern holds. The intervals "
        "are 95 % t-intervals over the R replicates of the point, so with fewer "
        "replicates than `samenspel validate` (12) they are wider and acceptance is "
        "stricter, never looser: the accepted region is conservative. R = 2 (t = 12.7) "
        "would reject nearly everything by noise alone; R = 4 (t = 3.18) is the "
        "smallest that tells patterns from noise within the compute budget.",
        "",
        "## Parameters searched",
        "",
        CHOICE,
        "",
        "| parameter | default | searched range | source |",
        "|---|---|---|---|",
        *(
            f"| `{n}` | {PARAMS[n].default} | {ranges[n][0]:g}-{ranges[n][1]:g} | "
            f"{PARAMS[n].source} |"
            for n in CALIBRATED
        ),
        "",
        "Ranges are those of the Morris screening (`experiments/morris-all.toml`): the "
        "declared range, or the sub-range documented there for weekly rates whose "
        "declared range is a technical limit.",
        "",
    ]
    if cal is None:
        lines += ["## Results", "", "Not run yet.", ""]
    else:
        lines += _results_lines(cal, figure_path, command)
    lines += [
        "## Classification of every parameter",
        "",
        "*free*: source 'assumption' (or starting with it): the value is the "
        "modeller's, and calibration or sensitivity analysis must show what hangs "
        "on it. *research*: a passage of the research or the literature gives the "
        "value or the mechanism; *research (value assumed)*: the passage gives the "
        "direction, the number is assumed (counted as research by the rule 'not "
        '"assumption"\', but its value is as free as a free one). *input*: context '
        "traits and policy levers, set by a scenario, never calibrated. *switch*: "
        "mechanism on/off for knock-out analysis.",
        "",
        *_classification_lines(),
        "",
    ]
    return "\n".join(lines)


def _results_lines(cal: Calibration, figure_path: str, command: str) -> list[str]:
    design, acc = cal.design, cal.accepted
    reg = region(cal)
    rates = {f"p{k}": float(design[f"p{k}"].mean()) for k in range(1, 6)}
    runs = len(cal.runs)
    lines = [
        "## Results",
        "",
        f"{len(design)} Latin-hypercube points x {len(SCENARIOS)} scenarios x "
        f"{len(cal.seeds)} replicates (seeds {cal.seeds[0]}-{cal.seeds[-1]}) of "
        f"{cal.weeks} weeks, plus the defaults: {runs} runs in {cal.seconds:.0f} s on "
        f"{cal.workers} processes ({cal.seconds * cal.workers / max(runs, 1):.2f} "
        "process-seconds per run, on a shared machine).",
        "",
        f"Rerun: `{command}`." if command else "",
        "",
        f"**Accepted: {len(acc)} of {len(design)} points** "
        f"({len(acc) / max(len(design), 1):.0%}) meet all five patterns at once.",
        "",
        "| pattern | share of points where it holds |",
        "|---|---|",
        *(f"| {k[1]} | {v:.0%} |" for k, v in rates.items()),
        "",
        f"**Defaults**: {'accepted' if cal.defaults_accepted else 'not accepted'} "
        "(run with the same seeds): "
        + ", ".join(
            f"pattern {r.number} {'holds' if r.passed else 'fails'}" for r in cal.default_checks
        )
        + ".",
        "",
    ]
    failed = [
        f"{r.number}: " + "; ".join(f"{c.label} = {c.numbers}" for c in r.checks if not c.ok)
        for r in cal.default_checks
        if not r.passed
    ]
    if failed:
        lines += ["Checks the defaults fail here: " + " | ".join(failed), ""]
    lines += [
        f"![calibration]({figure_path})",
        "",
        "Accepted region per parameter (the accepted points' values; the rate is "
        "the share of points accepted in each fifth of the searched range):",
        "",
        "| parameter | searched | default | accepted min | 10 % | median | 90 % | "
        "max | default inside | acceptance rate by fifth |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in reg.itertuples(index=False):
        rate = " / ".join("-" if v != v else f"{v:.0%}" for v in r.rate_by_fifth)
        lines.append(
            f"| `{r.parameter}` | {r.searched} | {r.default:g} | "
            f"{r.accepted_min:.3g} | {r.accepted_q10:.3g} | "
            f"{r.accepted_median:.3g} | {r.accepted_q90:.3g} | "
            f"{r.accepted_max:.3g} | {'yes' if r.default_inside else 'no'} | "
            f"{rate} |"
        )
    lines.append("")
    edge = [
        r
        for r in reg.itertuples(index=False)
        if not r.default_inside and r.default in cal.ranges[r.parameter]
    ]
    if edge:
        lines += [
            "A default at the edge of its searched range ("
            + ", ".join(f"`{r.parameter}` = {r.default:g}" for r in edge)
            + ") lies just outside the "
            "accepted points' span because a Latin hypercube never draws the bound "
            "itself; the defaults point was run on its own (above).",
            "",
        ]
    binding = [k for k in range(1, 5) if (design[f"p{k}"].mean() < 0.95)]
    if binding:
        lines += [
            "What constrains the region: the share of points where each pattern "
            "holds, per fifth of each parameter's range (lowest fifth first). A "
            "slope marks a parameter the pattern pins down; a flat row, one it "
            "leaves free.",
            "",
            "| parameter | " + " | ".join(f"pattern {k}" for k in binding) + " |",
            "|---|" + "---|" * len(binding),
        ]
        for r in reg.itertuples(index=False):
            cells = [
                " / ".join("-" if v != v else f"{v:.0%}" for v in getattr(r, f"p{k}_by_fifth"))
                for k in binding
            ]
            lines.append(f"| `{r.parameter}` | " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def write(cal: Calibration, out: Path, docs: Path | None = None, command: str = "") -> list[Path]:
    """Write the outputs into ``out`` (and ``docs/calibration.md`` with ``docs``)."""
    from .compare import save_figure

    out.mkdir(parents=True, exist_ok=True)
    written = [
        atomic_write(out / "points.csv", lambda p: cal.points.to_csv(p, index=False)),
        atomic_write(out / "runs.parquet", lambda p: cal.runs.to_parquet(p)),
        save_figure(figure(cal), out / "calibration.png"),
        atomic_write(
            out / "report.md",
            lambda p: p.write_text(report(cal, "calibration.png", command), encoding="utf-8"),
        ),
        atomic_write(
            out / "summary.json",
            lambda p: p.write_text(
                json.dumps(
                    {
                        "points": len(cal.design),
                        "accepted": len(cal.accepted),
                        "seed": cal.seed,
                        "defaults_accepted": cal.defaults_accepted,
                        "seeds": cal.seeds,
                        "weeks": cal.weeks,
                        "seconds": cal.seconds,
                        "workers": cal.workers,
                        "names": list(cal.names),
                        "date": date.today().isoformat(),
                    },
                    indent=1,
                ),
                encoding="utf-8",
            ),
        ),
    ]
    if docs is not None:
        (docs / "figures").mkdir(parents=True, exist_ok=True)
        written.append(save_figure(figure(cal), docs / "figures" / "calibration.png"))
        written.append(
            atomic_write(
                docs / "calibration.md",
                lambda p: p.write_text(
                    report(cal, "figures/calibration.png", command), encoding="utf-8"
                ),
            )
        )
    return written
