"""Sensitivity report: Morris screening with a dummy factor, and Sobol indices.

The runs are ordinary sweeps (``samenspel sweep``) of two specs:

- ``experiments/morris-all.toml``: Morris elementary effects of every numeric
  parameter (mechanism constants and starting dispositions included; the size
  parameters left out; the two string levers as categorical factors) plus a
  ``dummy`` factor that no run reads;
- ``experiments/sobol-headline.toml``: Sobol S1/ST of the headline outcomes over the
  policy levers and the mechanism constants that rank highest in the screening, with
  a dummy too.

This module reads the finished sweeps (``samenspel.analyse``), and writes
``docs/sensitivity.md`` with figures in ``docs/figures/``: the Morris ranking per
outcome with the dummy's μ* as the noise floor, whether each intervention lever acts
on its own "o" clearly above that floor, the Sobol indices, run counts and times::

    python -m samenspel.sensitivity --morris results/morris-all --sobol results/sobol-headline

"Clearly above the dummy" is fixed here, before the runs: the lower end of the
lever's 95 % bootstrap interval of μ* (or of Sobol ST) lies above the upper end of the
dummy's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .analyse import load_results, morris_table, point_means, sobol_table
from .model.params import PARAMS
from .sweepspec import DUMMY, Spec

HEADLINE = (
    "share_coproduction",
    "share_coexistence",
    "familiarity",
    "regard_informal",
    "goal_uncertainty",
    "unmet_need",
)
PATTERN_OUTCOMES = (
    "share_coproduction",
    "share_coexistence",
    "share_intermediated",
    "brokerage_share",
    "familiarity",
    "informal_uptake",
    "goal_uncertainty",
)
"""The outcomes the five validation patterns judge (for choosing what to calibrate)."""

LEVER_O: dict[str, tuple[str, ...]] = {
    "wijktafels_per_year": ("familiarity",),
    "wijktafel_attract_formal": ("familiarity",),
    "wijktafel_attract_informal": ("familiarity",),
    "wijktafel_cultural_sensitivity": ("wijktafel_attendance_migrant", "familiarity"),
    "cultural_sensitivity_training": ("weeks_to_help_migrant", "referrals_migrant", "familiarity"),
    "reflection_per_year": ("felt_disagreement", "recognition"),
    "reflection_safety": ("felt_disagreement", "recognition"),
    "chair_training": ("felt_disagreement", "recognition"),
    "hybridisation_model": ("goal_uncertainty",),
    "goal_clarity": ("goal_uncertainty",),
    "hybridisation_push": ("regard_formal", "regard_informal"),
    "interplay": ("familiarity", "silent_left_per_100"),
    "caseload_capacity": ("community_visits", "familiarity"),
    "hybrid_worker_share": ("community_visits", "familiarity"),
    "coordinator_capacity": ("brokerage_share", "share_intermediated"),
    "volunteer_hours": ("informal_uptake",),
}
"""Each intervention lever's own "o" (DESIGN.md section 5): the first thing it should
move. Wijktafels: familiarity; the culturally sensitive format: migrant organisations'
attendance at wijktafels, then familiarity; cultural-sensitivity training: migrant
households' wait for help (their trust in professionals) and referrals by migrant
organisations, then familiarity; reflection levers: felt disagreement or recognition;
goal levers: goal uncertainty; the push: regard; caseload and hybrid workers:
professionals' community-work visits, then familiarity; coordinators: brokerage (or
the intermediated share, when some design points have no collaboration to share);
sociale basis: who meets whom and the reach of silent problems; volunteer hours:
informal uptake. The pathway counters were added after the first screening, which
judged the cultural and caseload levers on familiarity alone (they did not clear the
dummy there)."""


# --- tables ---------------------------------------------------------------------------


def morris(
    out: Path, outcomes: Sequence[str] | None = None
) -> tuple[Spec, pd.DataFrame, dict[str, pd.DataFrame]]:
    """Morris tables per outcome of the sweep in ``out`` (with the dummy's row)."""
    spec, design, runs = load_results(out)
    tables = {}
    for o in outcomes or spec.outcomes:
        y = point_means(runs, o, len(design))
        if not np.isnan(y).any():  # as `samenspel analyse`: no index with a gap
            tables[o] = morris_table(spec, design, y)
    return spec, runs, tables


def sobol(
    out: Path, outcomes: Sequence[str] | None = None
) -> tuple[Spec, pd.DataFrame, dict[str, pd.DataFrame]]:
    """Sobol tables per outcome of the sweep in ``out``."""
    spec, design, runs = load_results(out)
    tables = {}
    for o in outcomes or spec.outcomes:
        y = point_means(runs, o, len(design))
        if not np.isnan(y).any():
            tables[o] = sobol_table(spec, design, y)
    return spec, runs, tables


def floor(table: pd.DataFrame, column: str = "mu_star") -> tuple[float, float]:
    """The dummy's index and its confidence half-width."""
    row = table[table["factor"] == DUMMY.name].iloc[0]
    return float(row[column]), float(row[f"{column}_conf"])


def lever_check(tables: dict[str, pd.DataFrame], column: str = "mu_star") -> pd.DataFrame:
    """Per lever and own-o outcome: the index, the dummy's, and whether it clears it.

    The index is μ* (Morris tables) or ``column`` (e.g. ST of Sobol tables); the
    result's columns keep the Morris names.
    """
    rows = []
    for lever, outcomes in LEVER_O.items():
        for o in outcomes:
            t = tables.get(o)
            if t is None or lever not in set(t["factor"]):
                continue
            t = t.sort_values(column, ascending=False, ignore_index=True)
            r = t[t["factor"] == lever].iloc[0]
            d, dc = floor(t, column)
            rank = int(t.index[t["factor"] == lever][0]) + 1
            rows.append(
                {
                    "lever": lever,
                    "own_o": o,
                    "mu_star": r[column],
                    "mu_star_conf": r[f"{column}_conf"],
                    "sigma": r["sigma"] if "sigma" in r else np.nan,
                    "dummy": d,
                    "dummy_conf": dc,
                    "ratio": r[column] / d if d > 0 else np.inf,
                    "rank": rank,
                    "of": len(t),
                    "above": r[column] > d,
                    "clearly_above": r[column] - r[f"{column}_conf"] > d + dc,
                }
            )
    return pd.DataFrame(rows)


def ranking(
    tables: dict[str, pd.DataFrame],
    outcomes: Sequence[str],
    groups: Sequence[str] = ("mechanism", "initial"),
    free_only: bool = False,
) -> pd.DataFrame:
    """Parameters of ``groups`` by their mean rank of μ* over ``outcomes``."""
    from .calibration import is_free

    ranks = {}
    outcomes = [o for o in outcomes if o in tables]
    for o in outcomes:
        t = tables[o].reset_index(drop=True)
        ranks[o] = pd.Series(np.arange(1, len(t) + 1), index=t["factor"])
    df = pd.DataFrame(ranks)
    keep = [
        n
        for n in df.index
        if n in PARAMS and PARAMS[n].group in groups and (not free_only or is_free(PARAMS[n]))
    ]
    df = df.loc[keep]
    df["mean_rank"] = df[outcomes].mean(axis=1)
    return df.sort_values("mean_rank")


def timing(runs: pd.DataFrame) -> tuple[int, float, float]:
    """Runs, process-seconds (sum of run durations) and wall-clock span."""
    start = pd.to_datetime(runs["started"])
    end = pd.to_datetime(runs["finished"])
    return (
        len(runs),
        float((end - start).dt.total_seconds().sum()),
        float((end.max() - start.min()).total_seconds()),
    )


# --- figures --------------------------------------------------------------------------


def figure_morris(tables: dict[str, pd.DataFrame], outcomes: Sequence[str], top: int = 15):
    """Per outcome: the ``top`` factors' μ* with intervals, the dummy as a line."""
    from .figures import subplots

    cols = 3
    rows = -(-len(outcomes) // cols)
    fig, axes = subplots(rows, cols, figsize=(16, 4.6 * rows), squeeze=False, layout="constrained")
    for ax, o in zip(axes.flat, outcomes, strict=False):
        t = tables[o].head(top)
        d, dc = floor(tables[o])
        pos = np.arange(len(t))
        colours = [
            "tab:red"
            if f == DUMMY.name
            else "tab:green"
            if PARAMS.get(f) is not None and PARAMS[f].is_lever
            else "tab:blue"
            for f in t["factor"]
        ]
        ax.barh(pos, t["mu_star"], xerr=t["mu_star_conf"], color=colours, error_kw={"lw": 0.8})
        ax.axvspan(0, d + dc, color="tab:red", alpha=0.12, lw=0)
        ax.axvline(d, color="tab:red", lw=1)
        ax.set_yticks(pos, t["factor"], fontsize=7)
        ax.invert_yaxis()
        ax.set_title(f"{o}: top {top} by μ* (red band: dummy μ* + CI)", fontsize=9)
        ax.tick_params(axis="x", labelsize=7)
    for ax in axes.flat[len(outcomes) :]:
        ax.set_visible(False)
    return fig


def figure_levers(check: pd.DataFrame):
    """Each lever's μ* on its own o, as a multiple of the dummy's μ*."""
    from .figures import subplots

    fig, ax = subplots(figsize=(8, 0.3 * len(check) + 1.5), layout="constrained")
    pos = np.arange(len(check))
    ratio = (check["mu_star"] / check["dummy"]).to_numpy(float)
    low = ((check["mu_star"] - check["mu_star_conf"]) / check["dummy"]).to_numpy(float)
    colours = np.where(
        check["clearly_above"], "tab:green", np.where(check["above"], "tab:orange", "tab:red")
    )
    ax.barh(pos, ratio, color=colours)
    ax.errorbar(
        ratio, pos, xerr=[ratio - low, np.zeros_like(ratio)], fmt="none", ecolor="k", lw=0.8
    )
    ax.axvline(1, color="tab:red", lw=1)
    ax.set_xscale("log")
    ax.set_yticks(pos, [f"{r.lever} → {r.own_o}" for r in check.itertuples()], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel(
        "μ* / dummy μ* (log; green: clearly above, orange: above the point, red: below)", fontsize=8
    )
    return fig


def figure_sobol(tables: dict[str, pd.DataFrame], outcomes: Sequence[str]):
    """Per outcome: S1 and ST with intervals; the dummy's ST as a line."""
    from .figures import subplots

    cols = 3
    rows = -(-len(outcomes) // cols)
    fig, axes = subplots(rows, cols, figsize=(16, 5.2 * rows), squeeze=False, layout="constrained")
    for ax, o in zip(axes.flat, outcomes, strict=False):
        t = tables[o]
        pos = np.arange(len(t))
        ax.barh(pos - 0.2, t["S1"], 0.4, xerr=t["S1_conf"], label="S1", error_kw={"lw": 0.7})
        ax.barh(pos + 0.2, t["ST"], 0.4, xerr=t["ST_conf"], label="ST", error_kw={"lw": 0.7})
        d = float(t.loc[t["factor"] == DUMMY.name, "ST"].iloc[0])
        ax.axvline(d, color="tab:red", lw=1, label="dummy ST")
        ax.set_yticks(pos, t["factor"], fontsize=7)
        ax.invert_yaxis()
        ax.set_title(o, fontsize=9)
        ax.tick_params(axis="x", labelsize=7)
        ax.legend(fontsize=7, frameon=False, loc="lower right")
    for ax in axes.flat[len(outcomes) :]:
        ax.set_visible(False)
    return fig


# --- the document ---------------------------------------------------------------------


def _codes(runs: pd.DataFrame) -> str:
    """Commits and model code hashes of the runs, with their run counts."""
    counts = runs.groupby(["git_commit", "code_hash"]).size()
    return ", ".join(f"commit {c} (model hash {h}: {k} runs)" for (c, h), k in counts.items())


def _ratio(x: float) -> str:
    return ">1000" if x > 1000 else f"{x:.1f}"


def _f(x: float) -> str:
    return f"{x:.3g}" if abs(x) >= 1e-3 or x == 0 else f"{x:.1e}"


def write_report(
    morris_dir: Path, sobol_dir: Path | None, out: Path, top: int = 15, notes: Sequence[str] = ()
) -> list[Path]:
    """Write ``out/sensitivity.md`` and its figures into ``out/figures``.

    ``notes`` are paragraphs set under the title (for example on which run a choice
    was made).
    """
    from .compare import atomic_write, save_figure

    mspec, mruns, mtabs = morris(morris_dir)
    (out / "figures").mkdir(parents=True, exist_ok=True)
    written = []
    check = lever_check(mtabs)
    if check.empty:
        raise ValueError(
            f"{morris_dir}: no lever with its own o among the sweep's outcomes; add them to "
            "the spec's outcomes (experiments/morris-all.toml lists them) and rerun the sweep"
        )
    outcomes = [o for o in mspec.outcomes if o in mtabs]
    gaps = [o for o in mspec.outcomes if o not in mtabs]
    headline = [o for o in HEADLINE if o in mtabs]
    written.append(
        save_figure(figure_morris(mtabs, headline, top), out / "figures" / "morris_headline.png")
    )
    rest = [o for o in outcomes if o not in HEADLINE]
    if gaps:
        lines_gap = [f"Not analysed (some design points have no value): {', '.join(gaps)}.", ""]
    else:
        lines_gap = []
    if rest:
        written.append(
            save_figure(figure_morris(mtabs, rest, top), out / "figures" / "morris_other.png")
        )
    written.append(save_figure(figure_levers(check), out / "figures" / "morris_levers.png"))
    n, cpu, wall = timing(mruns)
    k = len(mspec.factors)
    lines = [
        "# Sensitivity analysis",
        "",
        "Generated by `python -m samenspel.sensitivity` on "
        f"{date.today().isoformat()} from the sweeps of `experiments/morris-all.toml` and "
        "`experiments/sobol-headline.toml`; do not edit by hand. Issue 9, point 12.",
        "",
        *(x for note in notes for x in (f"Note: {note}", "")),
        "## Morris screening of every parameter, with a dummy",
        "",
        f"Design: {mspec.samples} trajectories x ({k} factors + 1) = "
        f"{len(mruns) // mspec.replicates} points, {mspec.replicates} run each, "
        f"{mspec.weeks} weeks, base scenario `{mspec.scenario}`, {mspec.levels} levels, "
        f"master seed {mspec.seed}; model code {_codes(mruns)}. "
        f"{n} runs, {cpu / 60:.1f} process-minutes "
        f"({cpu / max(n, 1):.2f} s per run), {wall / 60:.1f} minutes wall-clock on a "
        "shared 2-core machine.",
        "",
        f"Factors: every numeric parameter ({k - 3} of them) except the size parameters "
        "(n_households, n_professionals, n_volunteers, n_coordinators, n_organisations, "
        "n_areas, areas_per_district), over its declared range or the sub-range "
        "documented in the spec; the two string levers `hybridisation_model` and "
        "`interplay` as categorical factors (coordinate = position in the list of "
        "values); the string preset `context` and the boolean mechanism switches are "
        "left out (the context traits are screened one by one; the switches are "
        "knock-outs for `samenspel explain`). Plus `dummy`, a factor no run reads.",
        "",
        "**The dummy is the noise floor.** Every design point is one run with its own "
        "seed, so run-to-run noise enters every elementary effect; the dummy's μ* "
        "measures that noise alone. A factor whose μ* does not clear it cannot be "
        "told from noise at this sample size. 'Clearly above' (fixed before the runs): "
        "the lower end of the factor's 95 % bootstrap interval of μ* lies above the "
        "upper end of the dummy's.",
        "",
        "![Morris, headline outcomes](figures/morris_headline.png)",
        "",
    ]
    if rest:
        lines += ["![Morris, other outcomes](figures/morris_other.png)", ""]
    lines += [
        *lines_gap,
        "### Noise floor and ranking per outcome",
        "",
        "| outcome | dummy μ* [95 % half-width] | factors clearly above the dummy "
        "| top five (μ*, σ) |",
        "|---|---|---|---|",
    ]
    for o in outcomes:
        t = mtabs[o]
        d, dc = floor(t)
        clear = int(((t["mu_star"] - t["mu_star_conf"]) > d + dc).sum())
        top5 = "; ".join(
            f"`{r.factor}` {_f(r.mu_star)}, {_f(r.sigma)}" for r in t.head(5).itertuples()
        )
        lines.append(f"| {o} | {_f(d)} [±{_f(dc)}] | {clear} of {k - 1} | {top5} |")
    lines += [
        "",
        "### Does every intervention lever act on its own o?",
        "",
        "DESIGN.md section 5 names the first thing each lever should move. Per "
        "lever and own-o outcome: μ* with its 95 % half-width, the dummy's μ*, "
        "their ratio, the lever's rank among all factors, and the verdict.",
        "",
        "![levers against the dummy](figures/morris_levers.png)",
        "",
        "| lever | own o | μ* [±] | σ | dummy μ* [±] | ratio | rank | verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in check.itertuples():
        verdict = _verdict(r)
        lines.append(
            f"| `{r.lever}` | {r.own_o} | {_f(r.mu_star)} [±{_f(r.mu_star_conf)}]"
            f" | {_f(r.sigma)} | {_f(r.dummy)} [±{_f(r.dummy_conf)}] | "
            f"{_ratio(r.ratio)} | {r.rank}/{r.of} | {verdict} |"
        )
    lines += _lever_count(check, "Levers clearly above the dummy on (one of) their own o")
    mech = ranking(mtabs, HEADLINE)
    free = ranking(mtabs, PATTERN_OUTCOMES, groups=("mechanism",), free_only=True)
    lines += [
        "### Mechanism constants and starting dispositions that matter most",
        "",
        "Mean rank of μ* over the six headline outcomes (the Sobol design takes "
        "the best four of group mechanism; see the Sobol section for the four it "
        "took):",
        "",
        "| parameter | group | " + " | ".join(HEADLINE) + " | mean rank |",
        "|---|---|" + "---|" * (len(HEADLINE) + 1),
        *(
            f"| `{n}` | {PARAMS[n].group} | "
            + " | ".join(str(int(r[o])) if o in r else "-" for o in HEADLINE)
            + f" | {r['mean_rank']:.1f} |"
            for n, r in mech.head(12).iterrows()
        ),
        "",
        "Free mechanism constants (source 'assumption') by mean rank of μ* over "
        "the outcomes the five validation patterns judge (used to pick the "
        "calibrated parameters, docs/calibration.md):",
        "",
        "| parameter | mean rank | " + " | ".join(PATTERN_OUTCOMES) + " |",
        "|---|---|" + "---|" * len(PATTERN_OUTCOMES),
        *(
            f"| `{n}` | {r['mean_rank']:.1f} | "
            + " | ".join(str(int(r[o])) if o in r else "-" for o in PATTERN_OUTCOMES)
            + " |"
            for n, r in free.head(15).iterrows()
        ),
        "",
    ]
    lines += [
        "### All factors: μ* as a multiple of the dummy's, headline outcomes",
        "",
        "| factor | group | " + " | ".join(headline) + " |",
        "|---|---|" + "---|" * len(headline),
    ]
    names = [f.name for f in mspec.factors]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = {o: mtabs[o].set_index("factor")["mu_star"] / floor(mtabs[o])[0] for o in headline}
    order = sorted(names, key=lambda f: -np.nanmax([ratios[o][f] for o in headline]))
    for f in order:
        group = PARAMS[f].group if f in PARAMS else "dummy"
        lines.append(
            f"| `{f}` | {group} | " + " | ".join(_ratio(ratios[o][f]) for o in headline) + " |"
        )
    lines.append("")
    lines += ["### Morris tables per outcome (top 20 and the dummy)", ""]
    for o in outcomes:
        t = mtabs[o]
        shown = t[(t.index < 20) | (t["factor"] == DUMMY.name)]
        lines += [
            f"<details><summary>{o}</summary>",
            "",
            "| rank | factor | group | μ* [95 % half-width] | μ | σ |",
            "|---|---|---|---|---|---|",
            *(
                f"| {i + 1} | `{r.factor}` | "
                f"{PARAMS[r.factor].group if r.factor in PARAMS else 'dummy'} | "
                f"{_f(r.mu_star)} [±{_f(r.mu_star_conf)}] | {_f(r.mu)} | {_f(r.sigma)} |"
                for i, r in zip(shown.index, shown.itertuples(), strict=True)
            ),
            "",
            "</details>",
            "",
        ]
    if sobol_dir is not None:
        lines += _sobol_lines(sobol_dir, out, written)
    md = out / "sensitivity.md"
    atomic_write(md, lambda p: p.write_text("\n".join(lines), encoding="utf-8"))
    return [md, *written]


def _sobol_lines(sobol_dir: Path, out: Path, written: list[Path]) -> list[str]:
    from .compare import save_figure

    own = sorted({o for os in LEVER_O.values() for o in os})
    sspec, sruns, stabs = sobol(sobol_dir, [*HEADLINE, *(o for o in own if o not in HEADLINE)])
    outcomes = [o for o in HEADLINE if o in stabs]
    written.append(
        save_figure(figure_sobol(stabs, outcomes), out / "figures" / "sobol_headline.png")
    )
    n, cpu, wall = timing(sruns)
    k = len(sspec.factors)
    mech = [
        f.name for f in sspec.factors if f.name in PARAMS and PARAMS[f.name].group == "mechanism"
    ]
    lines = [
        "## Sobol indices of the headline outcomes",
        "",
        f"Design: Saltelli sampling (SALib), N = {sspec.samples}, {k} factors, no "
        f"second order: {sspec.samples} x ({k} + 2) = {n // sspec.replicates} points, "
        f"{sspec.replicates} run each, {sspec.weeks} weeks, base `{sspec.scenario}`, "
        f"master seed {sspec.seed}; model code {_codes(sruns)}. "
        f"{n} runs, {cpu / 60:.1f} process-minutes, "
        f"{wall / 60:.1f} minutes wall-clock.",
        "",
        "Factors: every policy lever (groups unfamiliarity, disagreement, goals, "
        "capacity; the two string levers categorical), the mechanism constants "
        f"{', '.join(f'`{m}`' for m in mech)} (the four ranked highest over the headline "
        "outcomes in a Morris screening; see the spec's comment for which run), and the "
        "dummy. The dummy's ST estimates how much of the variance is run-to-run noise "
        "and estimator error at this N (its true ST is 0); an index below it is not "
        "distinguishable from zero. At N = 64 the intervals are wide: read the ranking, "
        "not the decimals.",
        "",
        "![Sobol indices](figures/sobol_headline.png)",
        "",
    ]
    check = lever_check(stabs, "ST")
    lines += [
        "### Levers on their own o, by Sobol ST",
        "",
        "The same question as in the Morris section, with the Sobol design's "
        "larger sample per lever (its own o computed from the same runs: every "
        "run stores every outcome): each lever's total index ST on its own o "
        "against the dummy's ST, with the same rule for 'clearly above'.",
        "",
        "| lever | own o | ST [±] | dummy ST [±] | rank | verdict |",
        "|---|---|---|---|---|---|",
    ]
    for r in check.itertuples():
        verdict = _verdict(r)
        lines.append(
            f"| `{r.lever}` | {r.own_o} | {_f(r.mu_star)} [±{_f(r.mu_star_conf)}]"
            f" | {_f(r.dummy)} [±{_f(r.dummy_conf)}] | {r.rank}/{r.of} | "
            f"{verdict} |"
        )
    lines += _lever_count(
        check, "Levers clearly above the dummy on (one of) their own o by Sobol ST"
    )
    for o in outcomes:
        t = stabs[o]
        d = float(t.loc[t["factor"] == DUMMY.name, "ST"].iloc[0])
        dc = float(t.loc[t["factor"] == DUMMY.name, "ST_conf"].iloc[0])
        clear = t[(t["ST"] - t["ST_conf"]) > d + dc]
        lines += [
            f"### {o}",
            "",
            f"Dummy ST = {_f(d)} [±{_f(dc)}]; sum of S1 = {t['S1'].sum():.2f}. "
            "ST clearly above the dummy's (lower end above its upper end): "
            + (
                ", ".join(
                    f"`{f}` {_f(v)}" for f, v in zip(clear["factor"], clear["ST"], strict=True)
                )
                or "none"
            )
            + ".",
            "",
            "| factor | S1 [±] | ST [±] |",
            "|---|---|---|",
            *(
                f"| `{r.factor}` | {_f(r.S1)} [±{_f(r.S1_conf)}] | {_f(r.ST)} [±{_f(r.ST_conf)}] |"
                for r in t.itertuples()
            ),
            "",
        ]
    return lines


def _verdict(r: Any) -> str:
    """A lever's verdict against the dummy, in words."""
    if r.clearly_above:
        return "**clearly above**"
    return "above the point, not clearly" if r.above else "**not above the dummy**"


def _lever_count(check: pd.DataFrame, text: str) -> list[str]:
    """The line that counts the levers clearly above the dummy and names the others."""
    per_lever = check.groupby("lever", sort=False)["clearly_above"].any()
    missing = ", ".join(f"`{x}`" for x in per_lever.index[~per_lever])
    count = f"{text}: {int(per_lever.sum())} of {len(per_lever)}"
    return ["", count + (f": not {missing}" if missing else "") + ".", ""]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the sensitivity report from finished sweeps."""
    parser = argparse.ArgumentParser(
        prog="python -m samenspel.sensitivity", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--morris", required=True, type=Path, help="morris-all results")
    parser.add_argument("--sobol", type=Path, default=None, help="sobol-headline results")
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument(
        "--note",
        action="append",
        default=[],
        help="a paragraph to set under the title (repeatable)",
    )
    parser.add_argument(
        "--rank",
        action="store_true",
        help="only print the mechanism rankings (to choose Sobol and calibration parameters)",
    )
    args = parser.parse_args(argv)
    try:
        if args.rank:
            _, _, tabs = morris(args.morris)
            print(ranking(tabs, HEADLINE).head(12).to_string())
            print(
                ranking(tabs, PATTERN_OUTCOMES, groups=("mechanism",), free_only=True)
                .head(15)
                .to_string()
            )
            return 0
        written = write_report(args.morris, args.sobol, args.out, notes=args.note)
    except (ValueError, OSError) as exc:  # SpecError and unreadable files: one line
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("written: " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
