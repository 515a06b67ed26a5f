"""Why did a scenario work: how much of its effect each mechanism carries.

``explain(scenario, against=base)`` runs the scenario and its base with common random
numbers (replicate i uses seed ``seed + i`` in every arm, as ``samenspel.compare``),
then reruns both with each mechanism switch (the parameters of group ``switch`` in
``model.params``) turned off in turn. Per headline outcome and mechanism m, with
``S_i`` and ``B_i`` the scenario's and the base's outcome under seed i:

- the effect ``E = mean_i(S_i - B_i)``;
- the effect without m ``E_m = mean_i(S_i^-m - B_i^-m)`` (m off in both arms);
- the part m carries ``E - E_m``, with a paired 95 % t-interval over the seeds of
  ``(S_i - B_i) - (S_i^-m - B_i^-m)``;
- its share ``(E - E_m) / E``, only where the interval of E excludes 0.

Shares need not add up to 1: mechanisms interact (one may only work through
another, two may each be enough), so a knock-out measures what is lost without m,
not a slice of a sum. DESIGN.md section 5 is the map of pathways this checks.

The command is ``samenspel explain SCENARIO [--against BASE]``; docs/explain.md
says how to read the table and the figure.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .compare import (
    LEVEL,
    Progress,
    atomic_write,
    format_ci,
    mean_ci,
    run_comparison,
    write_table,
)
from .model.params import PARAMS, ParameterError, resolve
from .model.run_args import check_run_args
from .model.runner import DEFAULT_WEEKS
from .scenarios import Scenario, ScenarioError, find_scenario, load_scenario

HEADLINE = (
    "share_coproduction",
    "share_coexistence",
    "share_intermediated",
    "familiarity",
    "felt_disagreement",
    "goal_uncertainty",
    "regard_formal",
    "regard_informal",
    "late_escalations",
    "unmet_need",
)
"""The headline outcomes (keys of the run summary) that ``explain`` decomposes."""

DEFAULT_REPLICATES = 20
DEFAULT_SEED = 0
ALL_ON = "all"
"""The ``mechanism`` value of the arms with every switch on."""

COLUMNS = (
    "outcome",
    "mechanism",
    "effect",
    "effect_without",
    "carried",
    "ci_low",
    "ci_high",
    "share",
    "effect_low",
    "effect_high",
    "n",
)

# Labels of the printed table and the figure. Mechanism labels come from the
# parameter declarations (label_en / label_nl), so new switches need nothing here.
OUTCOME_LABELS: dict[str, tuple[str, str]] = {  # (nl, en)
    "share_coproduction": ("coproductie", "co-production"),
    "share_coexistence": ("co-existentie", "co-existence"),
    "share_intermediated": ("via intermediair", "intermediated"),
    "familiarity": ("bekendheid", "familiarity"),
    "felt_disagreement": ("gevoelde onenigheid", "felt disagreement"),
    "goal_uncertainty": ("onbestemdheid", "goal uncertainty"),
    "regard_formal": ("waardering professionals", "regard of professionals"),
    "regard_informal": ("waardering informelen", "regard of informal actors"),
    "late_escalations": ("te late opschalingen", "late escalations"),
    "unmet_need": ("onvervulde nood", "unmet need"),
}
TEXT: dict[str, tuple[str, str]] = {  # (nl, en)
    "outcome": ("uitkomst", "outcome"),
    "effect": ("effect E [95 %-BI]", "effect E [95 % CI]"),
    "mechanism": ("mechanisme uit", "mechanism off"),
    "without": ("E zonder", "E without"),
    "carried": ("gedragen E - E_m [95 %-BI]", "carried E - E_m [95 % CI]"),
    "share": ("aandeel", "share"),
    "title": (
        "Welk mechanisme draagt het effect van {s} ten opzichte van {b}?",
        "Which mechanism carries the effect of {s} against {b}?",
    ),
    "caption": (
        "{r} herhalingen x {w} weken, seeds {a}-{z} (gemeenschappelijke "
        "toevalsgetallen); aandelen tellen niet op tot 1: mechanismen werken "
        "samen",
        "{r} replicates x {w} weeks, seeds {a}-{z} (common random numbers); "
        "shares need not sum to 1: mechanisms interact",
    ),
    "xlabel": (
        "gedragen deel van het effect (E - E_m), 95 %-BI",
        "part of the effect carried (E - E_m), 95 % CI",
    ),
    "effect_line": ("effect E (gearceerd: 95 %-BI)", "effect E (shaded: 95 % CI)"),
    "clear": ("interval zonder 0", "interval excludes 0"),
    "unclear": ("interval met 0", "interval includes 0"),
}


def explain_text(key: str, lang: str) -> str:
    """The figure text ``key`` (``TEXT``) in ``lang`` ("nl" or "en")."""
    nl, en = TEXT[key]
    return nl if lang == "nl" else en


def outcome_label(outcome: str, lang: str = "en") -> str:
    """The label of a headline outcome in ``lang`` (the key itself if unknown)."""
    nl, en = OUTCOME_LABELS.get(outcome, (outcome, outcome))
    return nl if lang == "nl" else en


def mechanism_label(mechanism: str, lang: str = "en") -> str:
    """The label of a mechanism switch in ``lang``, from its parameter declaration."""
    p = PARAMS[mechanism]
    return p.label_nl if lang == "nl" else p.label_en


def switches() -> list[str]:
    """Names of the mechanism switches (parameters of group ``switch``), in order."""
    return [p.name for p in PARAMS.values() if p.group == "switch"]


def root_of(scenario: Scenario) -> Scenario:
    """The scenario at the root of ``scenario``'s ``extends`` chain (itself if none).

    The parent is looked up as the loader does: next to the child's file first, then
    in the library.
    """
    while scenario.extends is not None:
        near = scenario.path.parent if scenario.path is not None else None
        scenario = load_scenario(find_scenario(scenario.extends, near=near))
    return scenario


def scenario_and_base(
    scenario: str | os.PathLike[str] | Scenario,
    against: str | os.PathLike[str] | Scenario | None = None,
) -> tuple[Scenario, Scenario]:
    """Load the scenario and its base (``against``, or the root it extends).

    Raises:
        ScenarioError: On an unknown or invalid scenario, or when ``against`` is not
            given and the scenario extends nothing (it is its own root).

    """
    sc = load_scenario(scenario)
    if against is not None:
        return sc, load_scenario(against)
    base = root_of(sc)
    if sc.extends is None:
        raise ScenarioError(
            f"scenario '{sc.name}' extends no other scenario, so it has "
            "no base to be explained against; name one with --against"
        )
    return sc, base


@dataclass
class Explanation:
    """The result of ``explain``.

    Attributes:
        scenario: The scenario explained.
        base: The base it is compared against.
        mechanisms: The switches knocked out, in order.
        outcomes: The outcomes decomposed.
        seeds: The seeds, the same in every arm (common random numbers).
        weeks: Weeks per run.
        runs: One row per arm x seed: ``arm`` (``scenario`` or ``base``),
            ``mechanism`` (the switch turned off, or ``"all"`` with every switch
            on), ``seed``, then the outcomes.
        table: One row per outcome x mechanism: ``outcome``, ``mechanism``,
            ``effect`` (E), ``effect_without`` (E_m), ``carried`` (E - E_m, exactly),
            ``ci_low``/``ci_high`` (the paired 95 % interval of ``carried``),
            ``share`` (carried / E where E's interval excludes 0, else NaN),
            ``effect_low``/``effect_high`` (E's interval), ``n`` (seeds used).
        seconds: Wall-clock time of the runs.
        workers: Processes used.

    """

    scenario: Scenario
    base: Scenario
    mechanisms: list[str]
    outcomes: list[str]
    seeds: list[int]
    weeks: int
    runs: pd.DataFrame
    table: pd.DataFrame
    seconds: float
    workers: int

    @property
    def n_runs(self) -> int:
        """Number of model runs behind the table."""
        return len(self.runs)

    def effects(self) -> pd.DataFrame:
        """Per outcome the effect E with its interval (one row per outcome)."""
        first = self.table.drop_duplicates("outcome")
        return first[["outcome", "effect", "effect_low", "effect_high", "n"]].reset_index(drop=True)

    def figure(self, lang: str = "en") -> Any:
        """The table as a figure: per outcome, the part each mechanism carries.

        One panel per outcome: a bar per mechanism with its 95 % interval, the effect
        E as a dashed line with its interval shaded. Built with the object API
        (``matplotlib.figure.Figure``), so no global pyplot state is touched.
        """
        return explanation_figure(self, lang)

    def write_outputs(self, out: str | os.PathLike[str], lang: str = "en") -> list[Path]:
        """Write the tables and the figure into folder ``out``; see ``write_outputs``."""
        return write_outputs(self, out, lang)


# --- running ------------------------------------------------------------------------


def _check_mechanisms(mechanisms: Sequence[str] | None) -> list[str]:
    known = switches()
    if mechanisms is None:
        return known
    if isinstance(mechanisms, str):
        mechanisms = [mechanisms]
    out = []
    for m in mechanisms:
        if m not in known:
            close = difflib.get_close_matches(str(m), known, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ParameterError(
                f"unknown mechanism switch {m!r}; {hint}allowed: {', '.join(known)}"
            )
        if m not in out:
            out.append(m)
    return out


def _check_outcomes(outcomes: Sequence[str] | None) -> list[str]:
    return list(HEADLINE if outcomes is None else outcomes)


def _arm(scenario: Scenario, role: str, mechanism: str, overrides: Mapping[str, Any]) -> Scenario:
    """A copy of ``scenario`` named after its arm, with overrides and a switch off."""
    levers = {**scenario.levers, **overrides}
    if mechanism != ALL_ON:
        levers[mechanism] = False
    return dataclasses.replace(scenario, name=f"{role}:{mechanism}", levers=levers)


def explain(
    scenario: str | os.PathLike[str] | Scenario,
    against: str | os.PathLike[str] | Scenario | None = None,
    replicates: int = DEFAULT_REPLICATES,
    seed: int = DEFAULT_SEED,
    weeks: int = DEFAULT_WEEKS,
    workers: int | None = None,
    progress: Progress | None = None,
    mechanisms: Sequence[str] | None = None,
    outcomes: Sequence[str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Explanation:
    """Decompose a scenario's effect over the mechanisms by knocking each one out.

    Runs ``2 x (1 + len(mechanisms)) x replicates`` models: the scenario and the base
    with every switch on, and both again with each mechanism switched off in turn;
    replicate i uses seed ``seed + i`` in every arm (common random numbers).

    Args:
        scenario: The scenario (library name, path or loaded ``Scenario``).
        against: The base; default the scenario at the root of its ``extends`` chain
            (``city-baseline`` or ``town-baseline`` for the library).
        replicates: Seeds per arm (at least 2, for an interval).
        seed: The first seed.
        weeks: Weeks per run.
        workers: Processes; default all available cores; 1 runs in this process.
        progress: Called as ``progress(done, total)`` while runs finish.
        mechanisms: The switches to knock out (default every parameter of group
            ``switch``, so new switches are picked up).
        outcomes: Summary keys to decompose (default ``HEADLINE``).
        overrides: Parameter values applied in every arm (e.g. a small
            ``n_households`` for a quick look).

    Returns:
        The runs and the table (see ``Explanation``).

    Raises:
        ScenarioError: On an unknown or invalid scenario, or a scenario without a base
            (a root scenario needs ``against``).
        ParameterError: On a bad number of replicates, seed, weeks, mechanism, outcome
            or override.

    """
    sc, base = scenario_and_base(scenario, against)
    if isinstance(replicates, bool) or not isinstance(replicates, int) or replicates < 2:
        raise ParameterError(
            f"'replicates' must be an integer of at least 2 (for an interval), got {replicates!r}"
        )
    check_run_args(seed, weeks)
    check_run_args(seed + replicates - 1, weeks)
    mechs = _check_mechanisms(mechanisms)
    outs = _check_outcomes(outcomes)
    checked = resolve(overrides, where="overrides") if overrides else {}
    extra = {k: checked[k] for k in overrides or {}}
    if "context" in extra:
        raise ParameterError(
            "overrides: 'context' cannot be overridden in explain; "
            "choose a scenario of the other context instead"
        )

    arms = [
        _arm(s, role, m, extra)
        for m in (ALL_ON, *mechs)
        for role, s in (("scenario", sc), ("base", base))
    ]
    comp = run_comparison(  # the effects are read from the summaries only
        arms, replicates, seed=seed, weeks=weeks, workers=workers, progress=progress, weekly=False
    )
    missing = [o for o in outs if o not in comp.runs.columns]
    if missing:
        known = [c for c in comp.runs.columns if c not in ("scenario", "seed")]
        close = difflib.get_close_matches(missing[0], known, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise ParameterError(
            f"unknown outcome {missing[0]!r}; {hint}the run summary has: {', '.join(known)}"
        )
    runs = comp.runs[["scenario", "seed", *outs]].copy()
    parts = runs.pop("scenario").astype(str).str.split(":", n=1, expand=True)
    runs.insert(0, "mechanism", parts[1])
    runs.insert(0, "arm", parts[0])
    table = explanation_table(runs, mechs, outs)
    return Explanation(
        sc, base, mechs, outs, comp.seeds, weeks, runs, table, comp.seconds, comp.workers
    )


# --- statistics ---------------------------------------------------------------------


def _effects(runs: pd.DataFrame, mechanism: str, outcome: str) -> pd.Series:
    """Per seed the difference scenario minus base with ``mechanism`` off (or all on)."""
    sel = runs[runs["mechanism"] == mechanism]
    wide = sel.pivot(index="seed", columns="arm", values=outcome).astype(float)
    return wide["scenario"] - wide["base"]


def explanation_table(
    runs: pd.DataFrame, mechanisms: Sequence[str], outcomes: Sequence[str], level: float = LEVEL
) -> pd.DataFrame:
    """The decomposition table from the runs (see ``Explanation.table``).

    Per outcome and mechanism only the seeds where all four arms have a value are
    used (``n``); ``carried`` is ``effect - effect_without`` exactly and its interval
    is the paired t-interval of the per-seed differences, centred on ``carried``.
    """
    rows = []
    for outcome in outcomes:
        d_all = _effects(runs, ALL_ON, outcome)
        for m in mechanisms:
            d_m = _effects(runs, m, outcome).reindex(d_all.index)
            ok = d_all.notna() & d_m.notna()
            d, dm = d_all[ok].to_numpy(), d_m[ok].to_numpy()
            effect, e_lo, e_hi, n = mean_ci(d, level)
            without = float(dm.mean()) if n else math.nan
            carried = effect - without
            _, lo, hi, _ = mean_ci(d - dm, level)
            half = (hi - lo) / 2
            share = carried / effect if n >= 2 and (e_lo > 0 or e_hi < 0) else math.nan
            rows.append(
                {
                    "outcome": outcome,
                    "mechanism": m,
                    "effect": effect,
                    "effect_without": without,
                    "carried": carried,
                    "ci_low": carried - half,
                    "ci_high": carried + half,
                    "share": share,
                    "effect_low": e_lo,
                    "effect_high": e_hi,
                    "n": n,
                }
            )
    return pd.DataFrame(rows, columns=list(COLUMNS))


# --- output -------------------------------------------------------------------------


def explanation_figure(expl: Explanation, lang: str = "en") -> Any:
    """One panel per outcome with a bar per mechanism (see ``Explanation.figure``)."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    outs = expl.outcomes
    ncols = min(5, len(outs))
    nrows = math.ceil(len(outs) / ncols)
    mechs = expl.mechanisms
    fig = Figure(
        figsize=(3.2 * ncols + 2.6, 0.32 * len(mechs) * nrows + 1.6 * nrows + 1.0),
        layout="constrained",
    )
    axes = np.atleast_1d(fig.subplots(nrows, ncols, sharey=True, squeeze=False)).ravel()
    y = np.arange(len(mechs))
    labels = [mechanism_label(m, lang) for m in mechs]
    for ax, outcome in zip(axes, outs, strict=False):
        rows = expl.table[expl.table["outcome"] == outcome].set_index("mechanism").loc[mechs]
        effect, e_lo, e_hi = (
            rows["effect"].iloc[0],
            rows["effect_low"].iloc[0],
            rows["effect_high"].iloc[0],
        )
        carried = rows["carried"].to_numpy()
        lo, hi = rows["ci_low"].to_numpy(), rows["ci_high"].to_numpy()
        clear = (lo > 0) | (hi < 0)
        colours = np.where(clear, "#1f5f8b", "#b8c4cc")
        ax.axvspan(e_lo, e_hi, color="#f2c14e", alpha=0.25, lw=0)
        ax.axvline(
            effect, color="#c0392b", ls="--", lw=1.2, label=explain_text("effect_line", lang)
        )
        ax.axvline(0, color="black", lw=0.8)
        ax.barh(y, carried, color=colours, height=0.6)
        err = np.vstack([carried - lo, hi - carried])
        ax.errorbar(
            carried,
            y,
            xerr=np.nan_to_num(err),
            fmt="none",
            ecolor="black",
            elinewidth=0.9,
            capsize=2,
        )
        ax.set_title(
            f"{outcome_label(outcome, lang)}\nE = {format_ci(effect, e_lo, e_hi, signed=True)}",
            fontsize=9,
        )
        ax.tick_params(labelsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.grid(axis="x", color="#dddddd", lw=0.6)
        ax.set_axisbelow(True)
    for ax in axes[len(outs) :]:
        ax.set_visible(False)
    axes[0].set_yticks(y, labels, fontsize=8)
    axes[0].invert_yaxis()
    from matplotlib.patches import Patch

    handles = [
        *axes[0].get_legend_handles_labels()[0],
        Patch(color="#1f5f8b", label=explain_text("clear", lang)),
        Patch(color="#b8c4cc", label=explain_text("unclear", lang)),
    ]
    fig.legend(handles=handles, loc="outside lower right", ncols=3, fontsize=8, frameon=False)
    fig.supxlabel(explain_text("xlabel", lang), fontsize=9)
    fig.suptitle(
        explain_text("title", lang).format(s=expl.scenario.name, b=expl.base.name)
        + "\n"
        + explain_text("caption", lang).format(
            r=len(expl.seeds), w=expl.weeks, a=expl.seeds[0], z=expl.seeds[-1]
        ),
        fontsize=10,
    )
    return fig


def write_outputs(
    expl: Explanation, out: str | os.PathLike[str], lang: str = "en", prefix: str = "explain"
) -> list[Path]:
    """Write the table, the runs and the figure into folder ``out`` (atomically).

    Files: ``explain.csv``/``.parquet`` (the table), ``explain_runs.csv``/``.parquet``
    (one row per arm x mechanism x seed) and ``explain.png`` (the figure, labels in
    ``lang``).

    Returns:
        The paths written.

    Raises:
        OSError: If the folder cannot be made or written.

    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, df in ((prefix, expl.table), (f"{prefix}_runs", expl.runs)):
        for ext in (".csv", ".parquet"):
            written.append(write_table(df, folder / f"{stem}{ext}"))
    fig = expl.figure(lang)
    written.append(
        atomic_write(folder / f"{prefix}.png", lambda p: fig.savefig(p, format="png", dpi=110))
    )
    return written


def _share(x: float) -> str:
    if x != x:  # NaN: E's interval contains 0
        return ""
    return "0%" if abs(x) < 0.005 else f"{x:.0%}"


def print_explanation(expl: Explanation, lang: str = "en", console: Any = None) -> None:
    """Print the table with rich: per outcome the effect, then each mechanism's part."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    caption = explain_text("caption", lang).format(
        r=len(expl.seeds), w=expl.weeks, a=expl.seeds[0], z=expl.seeds[-1]
    )
    out = Table(
        title=explain_text("title", lang).format(s=expl.scenario.name, b=expl.base.name)
        + "\n"
        + caption,
        title_justify="left",
    )
    out.add_column(explain_text("outcome", lang))
    out.add_column(explain_text("effect", lang), justify="right")
    out.add_column(explain_text("mechanism", lang))
    out.add_column(explain_text("without", lang), justify="right")
    out.add_column(explain_text("carried", lang), justify="right")
    out.add_column(explain_text("share", lang), justify="right")
    for outcome, grp in expl.table.groupby("outcome", sort=False):
        for i, r in enumerate(grp.itertuples()):
            first = i == 0
            clear = r.ci_low > 0 or r.ci_high < 0
            carried = format_ci(r.carried, r.ci_low, r.ci_high, signed=True)
            out.add_row(
                outcome_label(outcome, lang) if first else "",
                format_ci(r.effect, r.effect_low, r.effect_high, signed=True) if first else "",
                mechanism_label(r.mechanism, lang),
                f"{r.effect_without:+.3f}",
                f"[bold]{carried}[/bold]" if clear else carried,
                _share(r.share),
                end_section=i == len(grp) - 1,
            )
    console.print(out)


def markdown_table(
    expl: Explanation, lang: str = "en", digits: int = 3, outcomes: Sequence[str] | None = None
) -> str:
    """The table as Markdown: a row per mechanism, a column per outcome.

    Each cell is ``carried [low, high]`` (bold where the interval excludes 0),
    followed by the share where E's interval excludes 0; the first row (italic) is
    the effect E itself. ``outcomes`` picks (and orders) the columns; default all.
    """
    outs = list(outcomes or expl.outcomes)

    def cell(v: float, lo: float, hi: float) -> str:
        return f"{v:+.{digits}f} [{lo:+.{digits}f}, {hi:+.{digits}f}]"

    head = [explain_text("mechanism", lang), *(outcome_label(o, lang) for o in outs)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    eff = expl.effects().set_index("outcome")
    lines.append(
        "| *E* | "
        + " | ".join(
            f"*{cell(eff.at[o, 'effect'], eff.at[o, 'effect_low'], eff.at[o, 'effect_high'])}*"
            for o in outs
        )
        + " |"
    )
    t = expl.table.set_index(["outcome", "mechanism"])
    for m in expl.mechanisms:
        cells = []
        for o in outs:
            r = t.loc[(o, m)]
            text = cell(r["carried"], r["ci_low"], r["ci_high"])
            if r["ci_low"] > 0 or r["ci_high"] < 0:
                text = f"**{text}**"
            if r["share"] == r["share"]:
                text += f" ({_share(r['share'])})"
            cells.append(text)
        lines.append(f"| {mechanism_label(m, lang)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
