"""Pattern-oriented validation: the five patterns of docs/validation.md.

Pattern-oriented modelling (Grimm et al. 2005) asks one parameter set per context to
reproduce several observed patterns at once. The scenarios come unchanged from the
library (``scenarios/``); every replicate uses the same seeds in every scenario
(common random numbers). The criteria below are fixed in advance; they are not
tuned to the model's output.

1. City baseline: co-existence dominates the joint modes (co-existence >
   intermediated > co-production, per-run paired differences with 95 % CIs above 0)
   and most cross-side collaboration runs through coordinators (brokerage share:
   lower 95 % bound above 0.5).
2. Town baseline: clearly more co-production than the city baseline (paired
   difference CI above 0 and a ratio of means above 2).
3. Wijktafels alone raise familiarity clearly (paired CI above 0, ratio >= 1.5) but
   co-production only modestly (by less than 0.05); the combined package raises
   co-production more than wijktafels alone (paired CI above 0) and at least twice
   as much relative to the city baseline.
4. No-governance in a quiet civil society gives lower informal uptake and higher goal
   uncertainty than the explicit accessibility model (paired CIs beyond 0), tested
   within one context: no-governance (town context, quiet civil society) against the
   accessibility model in the town context (``town-accessibility``) and against the
   town baseline (no explicit model), each with the same two checks.
5. Professionals' logics (knowledge, role view) are widely spread at the start:
   pooled standard deviation above 0.15, and at least 5 % of professionals in each
   outer third (below 1/3 and above 2/3), in the city and the town context.

``python -m samenspel.validation`` (or ``samenspel validate``) runs everything and
rewrites ``docs/validation.md`` with one figure per pattern in ``docs/figures/``. The
report also sets the sources of help per case beside the Breda quickscan, and lists
what households get (unmet need, weeks to help, needs resolved, escalations, silent
problems left; all, migrant, non-migrant) per scenario of the whole library and per
regime (issue 9, points 7 and 14). The pattern checks are plain functions of a
``Comparison`` (``judge``), so calibration (``samenspel.calibration``) applies the very
same criteria.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .compare import (
    Comparison,
    atomic_write,
    mean_ci,
    progress_bar,
    run_comparison,
)
from .model.neighbourhood import Neighbourhood
from .model.state import Kind
from .scenarios import list_scenarios, load_scenario

SCENARIOS = (
    "city-baseline",
    "town-baseline",
    "wijktafels",
    "combined-package",
    "town-accessibility",
    "no-governance",
)
REPLICATES, SEED, WEEKS = 12, 1000, 260
LOGICS = ("knowledge", "role_view")
HOUSEHOLD = (
    "unmet_need",
    "weeks_to_help",
    "needs_resolved",
    "escalations_per_100",
    "silent_left_per_100",
)
GROUPS = {
    "": "all households",
    "_migrant": "migrant households",
    "_non_migrant": "non-migrant households",
}
SOURCES = (
    "sources_per_case",
    "formal_sources_per_case",
    "informal_sources_per_case",
    "informal_source_share",
)
BREDA = {"clients": 67, "sources": 275, "informal": 99}
"""Breda quickscan (reader comment on the short article, seed 000)."""


@dataclass
class Check:
    """One criterion of a pattern, with the numbers it was judged on."""

    label: str
    numbers: str
    ok: bool


@dataclass
class PatternResult:
    """The checks of one pattern and the figure that shows it."""

    number: int
    title: str
    claim: str
    checks: list[Check] = field(default_factory=list)
    figure: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when every check holds."""
        return all(c.ok for c in self.checks)

    def explain(self) -> str:
        """The checks as lines ``[ok|FAIL] label: numbers``."""
        return "\n".join(
            f"[{'ok' if c.ok else 'FAIL'}] {c.label}: {c.numbers}" for c in self.checks
        )


# --- numbers ------------------------------------------------------------------------


def values(comp: Comparison, scenario: str, outcome: str) -> pd.Series:
    """Per-seed values of ``outcome`` in ``scenario``."""
    runs = comp.runs[comp.runs["scenario"] == scenario]
    return runs.set_index("seed")[outcome].astype(float)


def mean_of(comp: Comparison, scenario: str, outcome: str) -> tuple[float, float, float]:
    """Mean and 95 % CI of ``outcome`` in ``scenario``."""
    return mean_ci(values(comp, scenario, outcome).to_numpy())[:3]


def paired(
    comp: Comparison, a: str, b: str, outcome: str, outcome_b: str | None = None
) -> tuple[float, float, float]:
    """Mean and 95 % CI of the per-seed difference ``a.outcome - b.outcome_b``."""
    d = values(comp, a, outcome) - values(comp, b, outcome_b or outcome)
    return mean_ci(d.to_numpy())[:3]


def _ci(m: tuple[float, float, float]) -> str:
    return f"{m[0]:.4f} [{m[1]:.4f}, {m[2]:.4f}]"


def _ratio(a: float, b: float) -> float:
    return a / b if b > 0 else math.inf


# --- the patterns -------------------------------------------------------------------


def pattern_1(comp: Comparison) -> PatternResult:
    """City baseline: co-existence dominates; collaboration runs through coordinators."""
    r = PatternResult(
        1,
        "City baseline: co-existence dominates",
        "In the city baseline co-existence is the most common joint mode, "
        "co-production is rare and most cross-side collaboration runs "
        "through coordinators.",
        figure="pattern1.png",
    )
    c = "city-baseline"
    d1 = paired(comp, c, c, "share_coexistence", "share_intermediated")
    d2 = paired(comp, c, c, "share_intermediated", "share_coproduction")
    b = mean_of(comp, c, "brokerage_share")
    r.checks = [
        Check("co-existence minus intermediated share, per run", _ci(d1), d1[1] > 0),
        Check("intermediated minus co-production share, per run", _ci(d2), d2[1] > 0),
        Check("brokerage share (lower bound above 0.5)", _ci(b), b[1] > 0.5),
    ]
    return r


def pattern_2(comp: Comparison) -> PatternResult:
    """Town baseline: clearly more co-production than the city."""
    r = PatternResult(
        2,
        "Town: clearly more co-production than the city",
        "With the same (absent) policy, the small-town context gives clearly "
        "more co-production than the big-city district.",
        figure="pattern2.png",
    )
    d = paired(comp, "town-baseline", "city-baseline", "share_coproduction")
    town = mean_of(comp, "town-baseline", "share_coproduction")
    city = mean_of(comp, "city-baseline", "share_coproduction")
    ratio = _ratio(town[0], city[0])
    r.checks = [
        Check("co-production share, town minus city (paired)", _ci(d), d[1] > 0),
        Check(
            "ratio of mean co-production shares, town / city (above 2)",
            f"{town[0]:.4f} / {city[0]:.4f} = {ratio:.2f}",
            ratio > 2,
        ),
    ]
    return r


def pattern_3(comp: Comparison) -> PatternResult:
    """Wijktafels raise familiarity, co-production only modestly; the package more."""
    r = PatternResult(
        3,
        "Wijktafels alone vs the combined package",
        "Wijktafels alone raise familiarity clearly but co-production only "
        "modestly; the combined package (all three o's) raises co-production "
        "much more.",
        figure="pattern3.png",
    )
    c, w, p = "city-baseline", "wijktafels", "combined-package"
    fam = paired(comp, w, c, "familiarity")
    fam_ratio = _ratio(mean_of(comp, w, "familiarity")[0], mean_of(comp, c, "familiarity")[0])
    cop_w = paired(comp, w, c, "share_coproduction")
    cop_p = paired(comp, p, c, "share_coproduction")
    cop_pw = paired(comp, p, w, "share_coproduction")
    r.checks = [
        Check("familiarity, wijktafels minus city (paired, above 0)", _ci(fam), fam[1] > 0),
        Check(
            "familiarity ratio, wijktafels / city (at least 1.5)",
            f"{fam_ratio:.2f}",
            fam_ratio >= 1.5,
        ),
        Check(
            "co-production share, wijktafels minus city (below 0.05)", _ci(cop_w), cop_w[0] < 0.05
        ),
        Check(
            "co-production share, combined package minus wijktafels (paired, above 0)",
            _ci(cop_pw),
            cop_pw[1] > 0,
        ),
        Check(
            "rise in co-production vs city: package at least twice wijktafels",
            f"{cop_p[0]:.4f} vs {cop_w[0]:.4f}",
            cop_p[0] >= 2 * cop_w[0],
        ),
    ]
    city, wijk = (mean_of(comp, n, "share_coproduction")[0] for n in (c, w))
    r.notes.append(
        f"Relative to the city baseline, wijktafels multiply the co-production "
        f"share by {_ratio(wijk, city):.2f} ({city:.4f} to {wijk:.4f}): "
        "'modest' is judged in absolute terms."
    )
    return r


def pattern_4(comp: Comparison) -> PatternResult:
    """No-governance, quiet civil society: low uptake, high goal uncertainty (town)."""
    r = PatternResult(
        4,
        "No-governance in a quiet civil society",
        "A no-governance civil-society policy where civil society stays quiet "
        "(Purmerend) gives lower informal uptake and higher goal uncertainty "
        "than an explicit accessibility model, and than no explicit model at "
        "all; tested within the town context.",
        figure="pattern4.png",
    )
    n = "no-governance"
    for other, label in (
        ("town-accessibility", "accessibility model (town)"),
        ("town-baseline", "town baseline"),
    ):
        up = paired(comp, n, other, "informal_uptake")
        gu = paired(comp, n, other, "goal_uncertainty")
        r.checks += [
            Check(f"informal uptake, no-governance minus {label} (below 0)", _ci(up), up[2] < 0),
            Check(f"goal uncertainty, no-governance minus {label} (above 0)", _ci(gu), gu[1] > 0),
        ]
    r.notes.append(
        "All three arms run in the town context with the same seeds; no-governance also "
        "sets civic activity to 0.3 (the quiet civil society), town-accessibility sets "
        "the accessibility model with goal clarity 0.8, the town baseline has no "
        "explicit model ('unclear')."
    )
    return r


def initial_logics(
    seeds: Sequence[int],
    scenarios: Sequence[str] = ("city-baseline", "town-baseline"),
    overrides: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Professionals' logics at week 0: one row per professional per seed and scenario."""
    rows = []
    for name in scenarios:
        params = load_scenario(name).params(overrides)
        params.pop("schedule", None)
        for seed in seeds:
            a = Neighbourhood(rng=seed, **params).actors
            pro = a.kind == Kind.PROFESSIONAL
            rows.append(
                pd.DataFrame(
                    {"scenario": name, "seed": seed, **{k: getattr(a, k)[pro] for k in LOGICS}}
                )
            )
    return pd.concat(rows, ignore_index=True)


def pattern_5(logics: pd.DataFrame) -> PatternResult:
    """Professionals' logics are widely spread at the start, not one type."""
    r = PatternResult(
        5,
        "Heterogeneous practice among professionals",
        "Values are shared, but professionals' logics (knowledge: "
        "experiential-formalised; role view: how much informal parties "
        "can carry) are widely spread at the start, with colleagues at "
        "both ends (the Q-study).",
        figure="pattern5.png",
    )
    for name, grp in logics.groupby("scenario", sort=False):
        for k in LOGICS:
            x = grp[k].to_numpy()
            sd, low, high = x.std(ddof=1), np.mean(x < 1 / 3), np.mean(x > 2 / 3)
            r.checks += [
                Check(f"{name}: std of {k} (above 0.15)", f"{sd:.3f} (n = {len(x)})", sd > 0.15),
                Check(
                    f"{name}: share of {k} below 1/3 and above 2/3 (each >= 5 %)",
                    f"{low:.1%} and {high:.1%}",
                    low >= 0.05 and high >= 0.05,
                ),
            ]
    for k in LOGICS:
        x = logics[k].to_numpy()
        r.notes.append(
            f"{k} of all professionals at week 0: mean {x.mean():.3f}, "
            f"range {x.min():.3f}-{x.max():.3f}, quartiles "
            f"{np.quantile(x, 0.25):.3f} / {np.quantile(x, 0.75):.3f}."
        )
    return r


def judge(comp: Comparison, logics: pd.DataFrame) -> list[PatternResult]:
    """The five patterns, judged on a comparison that holds ``SCENARIOS``."""
    return [pattern_1(comp), pattern_2(comp), pattern_3(comp), pattern_4(comp), pattern_5(logics)]


def run_patterns(
    replicates: int = REPLICATES,
    seed: int = SEED,
    weeks: int = WEEKS,
    workers: int | None = None,
    progress=None,
    library: bool = False,
) -> tuple[Comparison, pd.DataFrame, list[PatternResult]]:
    """Run the validation scenarios and judge the five patterns.

    Args:
        replicates: Runs per scenario (the same seeds in each).
        seed: The first seed; replicate i uses ``seed + i``.
        weeks: Weeks per run.
        workers: Processes (default: all available cores).
        progress: Called as ``progress(done, total)`` while runs finish.
        library: Also run every other scenario of the library (for the household
            outcomes and sources of help in the report); the patterns use only
            ``SCENARIOS``.

    Returns:
        The comparison, the professionals' starting logics, and the five results.

    """
    names = list(SCENARIOS)
    if library:
        names += [s.name for s in list_scenarios() if s.name not in names]
    comp = run_comparison(
        names, replicates, seed=seed, weeks=weeks, workers=workers, progress=progress
    )
    logics = initial_logics(comp.seeds)
    return comp, logics, judge(comp, logics)


# --- the report ---------------------------------------------------------------------


def write_report(
    comp: Comparison,
    logics: pd.DataFrame,
    results: list[PatternResult],
    out: str | Path = "docs",
    seconds: float | None = None,
) -> list[Path]:
    """Write ``validation.md`` and its figures into folder ``out``.

    The figures are ``figures/pattern<N>.png``, ``figures/households.png`` and
    ``figures/sources.png``.
    """
    from .compare import save_figure
    from .validation_figures import FIGURES, figure_households, figure_sources

    folder = Path(out)
    (folder / "figures").mkdir(parents=True, exist_ok=True)
    written = [
        save_figure(FIGURES[r.number](comp, logics), folder / "figures" / r.figure) for r in results
    ]
    written += [
        save_figure(figure_households(comp), folder / "figures" / "households.png"),
        save_figure(figure_sources(comp, BREDA), folder / "figures" / "sources.png"),
    ]
    lines = [
        "# Pattern-oriented validation",
        "",
        "Generated by `python -m samenspel.validation` (or `samenspel validate`) on "
        f"{date.today().isoformat()}; do not edit by hand. Scenarios from `scenarios/`, "
        f"unchanged; {len(comp.seeds)} replicates of {comp.weeks} weeks, seeds "
        f"{comp.seeds[0]}-{comp.seeds[-1]}, the same seeds in every scenario (common "
        "random numbers). Numbers are means with 95 % t-intervals; a paired difference "
        "is the mean of the per-seed differences. The criteria are fixed in "
        "`samenspel/validation.py` and were not tuned to the results; a pattern that "
        "does not hold is reported as such, with its numbers.",
        "",
        f"{len(comp.runs)} runs ({len(comp.names)} scenarios) took "
        f"{seconds if seconds is not None else comp.seconds:.1f} s on "
        f"{comp.workers} processes.",
        "",
        "| pattern | result |",
        "|---|---|",
        *(
            f"| {r.number}. {r.title} | {'holds' if r.passed else '**does not hold**'} |"
            for r in results
        ),
        "",
    ]
    for r in results:
        lines += [
            f"## {r.number}. {r.title}",
            "",
            r.claim,
            "",
            f"![pattern {r.number}](figures/{r.figure})",
            "",
            "| check | numbers | holds |",
            "|---|---|---|",
            *(f"| {c.label} | {c.numbers} | {'yes' if c.ok else '**no**'} |" for c in r.checks),
            "",
            *(f"Note: {n}\n" for n in r.notes),
        ]
    lines += [
        *_sources_section(comp),
        *_households_section(comp),
        "## Scenario means",
        "",
        "End-of-run outcomes, mean [95 % CI] over replicates.",
        "",
        *_means_table(comp),
        "",
    ]
    md = folder / "validation.md"
    atomic_write(md, lambda p: p.write_text("\n".join(lines), encoding="utf-8"))
    return [md, *written]


def _cell(comp: Comparison, name: str, outcome: str, digits: int = 2) -> str:
    m = mean_of(comp, name, outcome)
    if m[0] != m[0]:
        return "n/a"
    if m[1] != m[1]:
        return f"{m[0]:.{digits}f}"
    return f"{m[0]:.{digits}f} [{m[1]:.{digits}f}, {m[2]:.{digits}f}]"


def breda() -> dict[str, float]:
    """The Breda quickscan's figures per client, in the model's summary keys."""
    n, total, informal = BREDA["clients"], BREDA["sources"], BREDA["informal"]
    return {
        "sources_per_case": total / n,
        "formal_sources_per_case": (total - informal) / n,
        "informal_sources_per_case": informal / n,
        "informal_source_share": informal / total,
    }


def _sources_section(comp: Comparison) -> list[str]:
    b = breda()
    head = "| | " + " | ".join(SOURCES) + " |"
    rows = [
        head,
        "|---" * (len(SOURCES) + 1) + "|",
        "| **Breda quickscan** (67 clients, 275 sources, 99 informal) | "
        + " | ".join(f"{b[k]:.2f}" for k in SOURCES)
        + " |",
        *(
            f"| {name} | " + " | ".join(_cell(comp, name, k) for k in SOURCES) + " |"
            for name in comp.names
        ),
    ]
    city = mean_of(comp, "city-baseline", "sources_per_case")[0]
    share = mean_of(comp, "city-baseline", "informal_source_share")[0]
    return [
        "## Sources of help per case, beside the Breda quickscan",
        "",
        "A reader comment on the short article (seed 000) reports a quickscan in Breda: "
        "67 clients had 275 sources of help, 99 of them informal (36 %, about 4.1 per "
        "client). The model counts, per case that got any help, the sources ever "
        "involved: the lead professional and a second professional on complex needs, "
        "specialist care after a late escalation (formal); the lead informal actor (a "
        "volunteer or a residents' or migrant organisation's key figure), a second "
        "informal actor, and the household's own circle (informal). Coordinators link "
        "helpers and are not counted as a source.",
        "",
        "What the model does **not** represent, and the quickscan probably counts: the "
        "GP and other health care, the benefits agency and the municipality's income "
        "services, debt counselling, the housing corporation, schools, police and "
        "justice, specialist youth or mental-health care outside a late escalation, and "
        "family members, neighbours and acquaintances one by one (the model has one "
        "'own circle' per household). The model's sources per case must therefore be "
        "lower than Breda's, and mostly on the formal side; its informal share is not "
        "comparable one to one either, since Breda's denominator holds all those formal "
        "sources.",
        "",
        f"City baseline: {city:.2f} sources per case, informal share {share:.0%} "
        f"(Breda: {b['sources_per_case']:.1f} and {b['informal_source_share']:.0%}).",
        "",
        "![sources of help](figures/sources.png)",
        "",
        *rows,
        "",
    ]


def _households_section(comp: Comparison) -> list[str]:
    lines = [
        "## What households get, per scenario and per regime",
        "",
        "The research closes by asking whether co-existence, with clear roles, might be "
        "an acceptable end station (seed 002, closing discussion). What households get "
        "is the answer policymakers need, with the case modes as the means. Per "
        "scenario (whole library, the same seeds): unmet need (mean over households of "
        "the severity summed over every week with a need, helped or not: "
        "severity-weeks), weeks from need to help (per helped need), the share of "
        "needs resolved, late escalations and silent "
        "problems left at the end (per 100 households); per household group. The "
        "regime column counts the runs by their regime label (largest joint mode in "
        "the last year).",
        "",
        "![household outcomes](figures/households.png)",
        "",
    ]
    for suffix, group in GROUPS.items():
        cols = [f"{k}{suffix}" for k in HOUSEHOLD]
        lines += [
            f"### {group.capitalize()}",
            "",
            "| scenario | regimes (runs) | " + " | ".join(cols) + " |",
            "|---" * (len(cols) + 2) + "|",
        ]
        for name in comp.names:
            runs = comp.runs[comp.runs["scenario"] == name]
            regimes = ", ".join(f"{k} {v}" for k, v in runs["regime"].value_counts().items())
            lines.append(
                f"| {name} | {regimes} | " + " | ".join(_cell(comp, name, c) for c in cols) + " |"
            )
        lines.append("")
    lines += [
        "### Per regime, all runs of all scenarios",
        "",
        "Runs grouped by their regime label, whatever the scenario (so the regimes "
        "differ in context and policy too: a description, not a causal effect).",
        "",
        "| regime | runs | "
        + " | ".join(f"{k}{s}" for k in HOUSEHOLD for s in ("", "_migrant"))
        + " |",
        "|---" * (2 + 2 * len(HOUSEHOLD)) + "|",
    ]
    for reg, grp in comp.runs.groupby("regime", sort=True):
        cells = []
        for k in HOUSEHOLD:
            for s in ("", "_migrant"):
                m = mean_ci(grp[f"{k}{s}"].to_numpy(float))
                cells.append(
                    f"{m[0]:.2f}" if m[1] != m[1] else f"{m[0]:.2f} [{m[1]:.2f}, {m[2]:.2f}]"
                )
        lines.append(f"| {reg} | {len(grp)} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _means_table(comp: Comparison) -> list[str]:
    outcomes = (
        "share_coexistence",
        "share_intermediated",
        "share_coproduction",
        "brokerage_share",
        "informal_uptake",
        "familiarity",
        "disagreement",
        "goal_uncertainty",
    )
    rows = ["| scenario | " + " | ".join(outcomes) + " |", "|---" * (len(outcomes) + 1) + "|"]
    for name in comp.names:
        cells = [_ci(mean_of(comp, name, o)).replace("[", "<br>[") for o in outcomes]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: run the patterns, print the verdicts, write the report."""
    parser = argparse.ArgumentParser(
        prog="python -m samenspel.validation", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--out", default="docs", help="folder for validation.md")
    parser.add_argument("--replicates", type=int, default=REPLICATES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--weeks", type=int, default=WEEKS)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    with progress_bar("validation runs") as progress:
        comp, logics, results = run_patterns(
            args.replicates, args.seed, args.weeks, args.workers, progress, library=True
        )
    written = write_report(comp, logics, results, args.out, time.perf_counter() - t0)
    for r in results:
        print(f"pattern {r.number} ({r.title}): {'holds' if r.passed else 'DOES NOT HOLD'}")
        print("  " + r.explain().replace("\n", "\n  "))
        for note in r.notes:
            print(f"  note: {note}")
    print("written: " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
