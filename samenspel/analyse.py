"""Analysis of a finished sweep: ``samenspel analyse DIR``.

Reads ``DIR/spec.toml``, ``DIR/design.parquet`` and ``DIR/runs/*.parquet``, averages
each outcome over the replicates of a design point, and reports by design:

- ``sobol``: first-order and total Sobol indices S1 and ST with 95 % confidence
  intervals (``SALib.analyze.sobol``), and with ``second_order = true`` the pairwise
  S2 (CSV only);
- ``morris``: Morris elementary effects μ* (with confidence interval), μ and σ
  (``SALib.analyze.morris``);
- ``grid``: the mean outcome per grid cell, as a table and a heatmap of the first two
  factors (averaged over any further factors);
- ``latin``: Spearman rank correlation of each factor with the outcome.

Each table is printed with rich and saved as CSV, each figure as PNG, in
``DIR/analysis/``. A factor given as a list of values enters the indices through its
design coordinate (the value's position in the list).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from rich.console import Console
from rich.table import Table

from .figures import subplots
from .files import FileProblem, atomic_write, read_parquet
from .model.params import PARAMS
from .sweep.storage import RERUN, read_manifest
from .sweepspec import Spec, SpecError, load_spec

FOLDER_PROBLEMS = {
    "missing": "no such folder",
    "file": "a file, not a folder; give the folder a sweep wrote (--out)",
    "not_results": "not a sweep results folder (no spec.toml or design.parquet)",
}
"""What can keep a path from being a sweep's results folder, by key (``folder_problem``)."""


def folder_problem(out: Path) -> str:
    """The key in ``FOLDER_PROBLEMS`` of what keeps ``out`` from being a results folder, or ""."""
    if not out.exists():
        return "missing"
    if not out.is_dir():
        return "file"
    if not (out / "spec.toml").exists() or not (out / "design.parquet").exists():
        return "not_results"
    return ""


def load_results(out: Path) -> tuple[Spec, pd.DataFrame, pd.DataFrame]:
    """Read a results folder: the spec, the design and the runs (one row per run id).

    Raises:
        SpecError: If the folder is not a sweep's results folder or runs are missing.

    """
    problem = folder_problem(out)
    if problem:
        raise SpecError(f"{out}: {FOLDER_PROBLEMS[problem]}")
    spec = load_spec(out / "spec.toml", name=read_manifest(out).get("name"), allow_large=True)
    files = sorted((out / "runs").glob("*.parquet"))
    try:
        design = read_parquet(out / "design.parquet", fix=RERUN)
        runs = (
            pd.concat([read_parquet(f, fix=RERUN) for f in files], ignore_index=True)
            if files
            else pd.DataFrame({"run_id": []})
        )
    except FileProblem as exc:
        raise SpecError(str(exc)) from None
    if "run_id" not in runs.columns or not {f"x_{f.name}" for f in spec.factors} <= set(
        design.columns
    ):
        raise SpecError(f"{out}: the results files do not match spec.toml; {RERUN}")
    runs = runs.drop_duplicates("run_id").sort_values("run_id").reset_index(drop=True)
    total = len(design) * spec.replicates
    if len(runs) < total:
        raise SpecError(
            f"{out}: sweep incomplete, {total - len(runs)} of {total} runs "
            f"missing; run 'samenspel sweep {spec.path.name} --out {out}' "
            "with the original spec to finish it"
        )
    return spec, design, runs


def point_means(runs: pd.DataFrame, outcome: str, n_points: int) -> np.ndarray:
    """Mean of ``outcome`` over the replicates of each design point."""
    means = runs.groupby("point")[outcome].mean()
    return means.reindex(range(n_points)).to_numpy(dtype=float)


def _label(name: str) -> str:
    return PARAMS[name].label_en if name in PARAMS else name


def _coords(spec: Spec, design: pd.DataFrame) -> np.ndarray:
    return design[[f"x_{f.name}" for f in spec.factors]].to_numpy(dtype=float)


def sobol_table(spec: Spec, design: pd.DataFrame, y: np.ndarray) -> pd.DataFrame:
    """Sobol S1 and ST with confidence intervals, one row per factor (largest ST first)."""
    from SALib.analyze import sobol

    res = sobol.analyze(spec.problem(), y, calc_second_order=spec.second_order, seed=spec.seed)
    names = [f.name for f in spec.factors]
    df = pd.DataFrame(
        {
            "factor": names,
            "S1": res["S1"],
            "S1_conf": res["S1_conf"],
            "ST": res["ST"],
            "ST_conf": res["ST_conf"],
        }
    )
    df = df.sort_values("ST", ascending=False, ignore_index=True)
    if spec.second_order:  # pairwise indices, kept with the table (upper triangle)
        df.attrs["S2"] = pd.DataFrame(res["S2"], index=names, columns=names)
    return df


def morris_table(spec: Spec, design: pd.DataFrame, y: np.ndarray) -> pd.DataFrame:
    """Morris μ*, its confidence interval, μ and σ, one row per factor (largest μ* first)."""
    from SALib.analyze import morris

    res = morris.analyze(
        spec.problem(), _coords(spec, design), y, num_levels=spec.levels, seed=spec.seed
    )
    df = pd.DataFrame(
        {
            "factor": [f.name for f in spec.factors],
            "mu_star": res["mu_star"],
            "mu_star_conf": res["mu_star_conf"],
            "mu": res["mu"],
            "sigma": res["sigma"],
        }
    )
    return df.sort_values("mu_star", ascending=False, ignore_index=True)


def grid_table(spec: Spec, design: pd.DataFrame, y: np.ndarray) -> pd.DataFrame:
    """Mean outcome over the first factor (rows) and second factor (columns)."""
    names = [f.name for f in spec.factors]
    df = design[names].assign(outcome=y)
    if len(names) == 1:
        return df.groupby(names[0])[["outcome"]].mean()
    return df.pivot_table(
        index=names[0], columns=names[1], values="outcome", aggfunc="mean", sort=False
    )


def latin_table(spec: Spec, design: pd.DataFrame, y: np.ndarray) -> pd.DataFrame:
    """Spearman rank correlation of each factor's coordinate with the outcome."""
    x = pd.DataFrame(_coords(spec, design), columns=[f.name for f in spec.factors])
    rho = x.apply(lambda col: col.corr(pd.Series(y), method="spearman"))
    df = pd.DataFrame({"factor": rho.index, "spearman_rho": rho.to_numpy()})
    return df.sort_values("spearman_rho", key=np.abs, ascending=False, ignore_index=True)


# --- figures --------------------------------------------------------------------------------
def plot_sobol(df: pd.DataFrame, outcome: str, path: Path) -> None:
    """Horizontal bars of S1 and ST with confidence intervals."""
    fig, ax = subplots(figsize=(7, 0.45 * len(df) + 1.5))
    pos = np.arange(len(df))
    ax.barh(pos - 0.2, df["S1"], 0.4, xerr=df["S1_conf"], label="S1 (first order)")
    ax.barh(pos + 0.2, df["ST"], 0.4, xerr=df["ST_conf"], label="ST (total)")
    ax.set_yticks(pos, [_label(f) for f in df["factor"]])
    ax.invert_yaxis()
    ax.set_xlabel(f"Sobol index of {outcome} (95 % CI)")
    ax.legend(loc="lower right")
    _save(fig, path)


def plot_morris(df: pd.DataFrame, outcome: str, path: Path) -> None:
    """μ* with confidence intervals, and σ against μ*."""
    fig, (bars, scatter) = subplots(1, 2, figsize=(11, 0.35 * len(df) + 2))
    pos = np.arange(len(df))
    bars.barh(pos, df["mu_star"], xerr=df["mu_star_conf"], color="tab:blue")
    bars.set_yticks(pos, [_label(f) for f in df["factor"]])
    bars.invert_yaxis()
    bars.set_xlabel(f"μ* of {outcome} (95 % CI)")
    scatter.scatter(df["mu_star"], df["sigma"], color="tab:orange")
    for _, row in df.head(8).iterrows():
        scatter.annotate(row["factor"], (row["mu_star"], row["sigma"]), fontsize=7)
    scatter.set_xlabel("μ*")
    scatter.set_ylabel("σ")
    _save(fig, path)


def plot_grid(table: pd.DataFrame, outcome: str, path: Path) -> None:
    """Heatmap of the mean outcome (a line for a single factor)."""
    fig, ax = subplots(figsize=(7, 5))
    if table.columns.tolist() == ["outcome"]:
        ax.plot(table.index, table["outcome"], marker="o")
        ax.set_xlabel(_label(table.index.name))
        ax.set_ylabel(f"mean {outcome}")
    else:
        im = ax.imshow(table.to_numpy(dtype=float), origin="lower", aspect="auto", cmap="viridis")
        ax.set_xticks(
            range(table.shape[1]),
            [f"{c:g}" if isinstance(c, float) else str(c) for c in table.columns],
        )
        ax.set_yticks(
            range(table.shape[0]),
            [f"{r:g}" if isinstance(r, float) else str(r) for r in table.index],
        )
        ax.set_xlabel(_label(table.columns.name))
        ax.set_ylabel(_label(table.index.name))
        for (i, j), v in np.ndenumerate(table.to_numpy(dtype=float)):
            light = im.norm(v) > 0.6  # dark text on the light end of viridis
            ax.text(
                j, i, f"{v:.3f}", ha="center", va="center", fontsize=7, color="k" if light else "w"
            )
        fig.colorbar(im, ax=ax, label=f"mean {outcome}")
    _save(fig, path)


def plot_latin(spec: Spec, design: pd.DataFrame, y: np.ndarray, outcome: str, path: Path) -> None:
    """Scatter of the outcome against each factor."""
    n = len(spec.factors)
    cols = min(n, 4)
    rows = -(-n // cols)
    fig, axes = subplots(rows, cols, figsize=(3.2 * cols, 2.6 * rows), squeeze=False)
    for ax, f in zip(axes.flat, spec.factors, strict=False):
        ax.scatter(design[f"x_{f.name}"], y, s=6)
        ax.set_xlabel(_label(f.name), fontsize=8)
        ax.set_ylabel(outcome, fontsize=8)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    _save(fig, path)


def _save(fig: Figure, path: Path) -> None:
    fig.tight_layout()
    atomic_write(path, lambda p: fig.savefig(p, dpi=120, format="png"))


# --- report ---------------------------------------------------------------------------------
def _rich(df: pd.DataFrame, title: str, index: bool = False) -> Table:
    table = Table(title=title)
    if index:
        df = df.reset_index()
    for col in df.columns:
        table.add_column(str(col), justify="left" if df[col].dtype == object else "right")
    for row in df.itertuples(index=False):
        cells = [f"{v:.3f}" if isinstance(v, float) else str(v) for v in row]
        if index:  # the factor's own value, not a result
            cells[0] = f"{row[0]:g}" if isinstance(row[0], float) else str(row[0])
        table.add_row(*cells)
    return table


def analyse(
    out: Path, outcomes: list[str] | None = None, console: Console | None = None
) -> dict[str, pd.DataFrame]:
    """Analyse the sweep in ``out``; print tables, write CSV and PNG to ``out/analysis``.

    Args:
        out: The results folder.
        outcomes: Outcomes to analyse (default: the spec's ``outcomes``).
        console: Where to print (default: standard output).

    Returns:
        The table of each outcome, by outcome name.

    Raises:
        SpecError: If the folder is incomplete or an outcome is unknown.

    """
    console = console or Console()
    spec, design, runs = load_results(out)
    outcomes = outcomes or list(spec.outcomes)
    for name in outcomes:
        if name not in runs.columns or not pd.api.types.is_numeric_dtype(runs[name]):
            raise SpecError(f"--outcome: {name!r} is not a numeric outcome in {out}")
    folder = out / "analysis"
    folder.mkdir(exist_ok=True)
    commits = ", ".join(sorted(runs["git_commit"].unique()))
    console.print(
        f"[bold]{spec.name}[/]: {spec.design} design, {len(design)} points x "
        f"{spec.replicates} replicates = {len(runs)} runs of {spec.weeks} weeks; "
        f"samenspel {', '.join(sorted(runs['samenspel_version'].unique()))}, "
        f"commit {commits}"
    )
    tables: dict[str, pd.DataFrame] = {}
    for outcome in outcomes:
        y = point_means(runs, outcome, len(design))
        base = folder / f"{spec.design}_{outcome}"
        if spec.design in ("sobol", "morris") and np.isnan(y).any():
            console.print(f"{outcome}: n/a ({int(np.isnan(y).sum())} points without a value)")
            continue
        if spec.design == "sobol":
            table = sobol_table(spec, design, y)
            if "S2" in table.attrs:
                s2 = table.attrs["S2"]
                atomic_write(folder / f"sobol_{outcome}_S2.csv", s2.to_csv)
            plot_sobol(table, outcome, base.with_suffix(".png"))
            console.print(_rich(table, f"Sobol indices of {outcome}"))
        elif spec.design == "morris":
            table = morris_table(spec, design, y)
            plot_morris(table, outcome, base.with_suffix(".png"))
            console.print(_rich(table, f"Morris screening of {outcome}"))
        elif spec.design == "grid":
            table = grid_table(spec, design, y)
            plot_grid(table, outcome, base.with_suffix(".png"))
            rest = [f.name for f in spec.factors[2:]]
            note = f", averaged over {', '.join(rest)}" if rest else ""
            console.print(
                _rich(table, f"Mean {outcome} (rows: {table.index.name}{note})", index=True)
            )
        else:
            table = latin_table(spec, design, y)
            plot_latin(spec, design, y, outcome, base.with_suffix(".png"))
            console.print(_rich(table, f"Rank correlation with {outcome}"))
        atomic_write(base.with_suffix(".csv"), table.to_csv)
        tables[outcome] = table
    console.print(f"tables (CSV) and figures (PNG) written to {folder}")
    return tables
