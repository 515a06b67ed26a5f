"""Scenario comparison with common random numbers, confidence intervals and figures.

Plain functions, usable from the CLI (``samenspel compare``), a dashboard or a
notebook:

- ``run_comparison`` runs every scenario with the same seeds (replicate i uses seed
  ``seed + i`` in every scenario: common random numbers, so differences between
  scenarios are not blurred by different luck), in parallel over processes;
- ``outcome_table`` gives per outcome and scenario the mean with a 95 % t-interval,
  and the paired difference to the first scenario with its 95 % t-interval (the
  interval of the mean of the per-seed differences);
- ``weekly_bands`` gives per week the mean and 95 % band of the weekly gauges;
- ``write_outputs`` writes tidy CSV/Parquet tables and PNG figures (atomically);
- ``print_outcomes`` prints the outcome table with rich.

A replicate of a comparison can be re-run on its own with
``samenspel run SCENARIO --seed <seed> --weeks <weeks>``.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from .files import atomic_write, write_bytes, write_table
from .model.run_args import DEFAULT_WEEKS, check_run_args
from .outcomes import digits, fixed, shown_high, shown_low
from .pool import default_workers, lent_executor, local_pool
from .scenarios import Scenario, ScenarioError, load_scenario

MODE_GAUGES = ("share_coproduction", "share_intermediated", "share_coexistence")
O_GAUGES = ("familiarity", "felt_disagreement", "goal_uncertainty")
NOT_OUTCOMES = ("weeks", "regime")
LEVEL = 0.95

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each finished batch of runs."""


@dataclass
class Comparison:
    """The runs of a comparison.

    Attributes:
        scenarios: The scenarios, in the order given (the first is the reference).
        seeds: The seeds, the same for every scenario.
        weeks: Weeks per run.
        runs: One row per scenario x replicate: ``scenario``, ``seed``, then every
            outcome of the run's summary.
        weekly: One row per scenario x replicate x week: ``scenario``, ``seed``,
            ``week``, then every weekly gauge.
        seconds: Wall-clock time of the runs.
        workers: Processes used.

    """

    scenarios: list[Scenario]
    seeds: list[int]
    weeks: int
    runs: pd.DataFrame
    weekly: pd.DataFrame
    seconds: float
    workers: int

    @property
    def names(self) -> list[str]:
        """Scenario names in order."""
        return [s.name for s in self.scenarios]

    @property
    def outcomes(self) -> list[str]:
        """Numeric outcome columns of ``runs``."""
        skip = {"scenario", "seed", *NOT_OUTCOMES}
        return [
            c
            for c in self.runs.columns
            if c not in skip and pd.api.types.is_numeric_dtype(self.runs[c])
        ]


# --- running ------------------------------------------------------------------------


def replicate_seeds(seed: int, replicates: int) -> list[int]:
    """The seeds of a comparison: ``seed, seed + 1, ..., seed + replicates - 1``."""
    return [seed + i for i in range(replicates)]


def run_one(
    params: dict[str, Any], seed: int, weeks: int, weekly: bool = True
) -> tuple[dict[str, Any], pd.DataFrame | None]:
    """Run one replicate; returns its summary and its weekly gauges (None if not ``weekly``).

    Without ``weekly`` the run records summary-only (``Neighbourhood``): the same summary.
    The model is imported here, where a run needs it: a process that hands its runs to a
    pool (``samenspel compare``) does not import it at all.
    """
    from .model.runner import simulate

    model = simulate(seed=seed, weeks=weeks, summary_only=not weekly, **params)
    return model.summary(), model.weekly() if weekly else None


def _run_batch(
    batch: list[tuple[int, dict[str, Any], int, int, bool]],
) -> list[tuple[int, int, dict[str, Any], pd.DataFrame | None]]:
    """Run a batch of ``(scenario index, params, seed, weeks, weekly)`` tasks in one process."""
    return [
        (k, seed, *run_one(params, seed, weeks, weekly)) for k, params, seed, weeks, weekly in batch
    ]


def _batches(tasks: list, workers: int) -> list[list]:
    """Split tasks into batches of one run, or a few once there are many runs.

    One run per batch up to 32 runs per worker: the first progress report comes after
    one run (not after a quarter of a worker's share), and no worker idles at the end
    while another finishes a long batch. Measured on 2 workers, 4 scenarios x 10
    replicates x 260 weeks, load average about 2: first progress 0.3 s instead of 2.4
    s, all done 6.7 s instead of 9.1 s. A task costs about a millisecond more than its
    run, small against any run.
    """
    size = max(1, math.ceil(len(tasks) / (32 * workers)))
    return [tasks[i : i + size] for i in range(0, len(tasks), size)]


def load_scenarios(scenarios: Sequence[str | os.PathLike[str] | Scenario]) -> list[Scenario]:
    """Load the scenarios of a comparison, each at most once.

    Raises:
        ScenarioError: On an unknown or invalid scenario, or a name given twice.

    """
    loaded = [load_scenario(s) for s in scenarios]
    names = [s.name for s in loaded]
    for name in names:
        if names.count(name) > 1:
            raise ScenarioError(
                f"scenario '{name}' is given twice; each scenario may appear once in a comparison"
            )
    return loaded


def run_comparison(
    scenarios: Sequence[str | os.PathLike[str] | Scenario],
    replicates: int,
    seed: int = 0,
    weeks: int = DEFAULT_WEEKS,
    workers: int | None = None,
    progress: Progress | None = None,
    overrides: dict[str, Any] | None = None,
    executor: Executor | None = None,
    weekly: bool = True,
    then: Callable[[], Any] | None = None,
) -> Comparison:
    """Run every scenario with the same ``replicates`` seeds.

    Args:
        scenarios: Scenario names, paths or loaded scenarios (at least one; the
            first is the reference for paired differences).
        replicates: Runs per scenario (replicate i uses seed ``seed + i``).
        seed: The first seed.
        weeks: Weeks per run.
        workers: Processes; default all available cores; 1 runs in this process.
        progress: Called as ``progress(done, total)`` while runs finish.
        overrides: Parameter values applied on top of every scenario.
        executor: A running pool to use (e.g. ``pool.SharedPool``'s), left running;
            default: the one lent by ``pool.use_executor`` when ``workers`` is not
            given, else a new pool for this call. The results are the same either way.
        weekly: Keep every run's weekly gauges (``Comparison.weekly``). Without, the
            runs record summary-only and ``weekly`` is empty: the same summaries, for
            callers that read only those (``samenspel.explain``).
        then: With ``executor``, handed to it once per worker behind the runs, for what
            the workers can do as they run out of runs while this process collects the
            last ones and builds the tables (``samenspel compare``: ``prepare_drawing``).
            Not waited for; ignored without ``executor`` (a pool of this call's own
            would wait for it before returning).

    Returns:
        The runs as tidy tables.

    Raises:
        ScenarioError: On an unknown or invalid scenario, or a name given twice.
        ParameterError: On an invalid override.

    """
    loaded = load_scenarios(scenarios)
    names = [s.name for s in loaded]
    if replicates < 1:
        raise ScenarioError(f"replicates must be at least 1, got {replicates}")
    check_run_args(seed, weeks)
    check_run_args(seed + replicates - 1, weeks)  # the last seed, before any run starts
    seeds = replicate_seeds(seed, replicates)
    params = [s.params(overrides) for s in loaded]
    tasks = [(k, params[k], sd, weeks, weekly) for sd in seeds for k in range(len(loaded))]
    if executor is None and workers is None:
        executor = lent_executor()
    if executor is not None:
        workers = workers or getattr(executor, "_max_workers", None)
    workers = max(1, min(workers or default_workers(), len(tasks)))
    results = []
    t0 = time.perf_counter()
    if progress:
        progress(0, len(tasks))

    def collect(pool: Executor) -> None:
        batches = _batches(tasks, workers)
        futures = [pool.submit(_run_batch, b) for b in batches]
        # behind the runs, taken up by each worker as it runs out of them
        behind = [pool.submit(then) for _ in range(workers)] if then and pool is executor else []
        try:
            for fut in as_completed(futures):
                results.extend(fut.result())
                if progress:
                    progress(len(results), len(tasks))
        except BaseException:
            futures += behind
            raise
        finally:  # an error or interrupt: leave nothing of ours in a shared pool
            for fut in futures:
                fut.cancel()

    if executor is not None:
        collect(executor)
    elif workers == 1:
        for task in tasks:
            results.extend(_run_batch([task]))
            if progress:
                progress(len(results), len(tasks))
    else:
        with local_pool(workers) as pool:
            collect(pool)
    seconds = time.perf_counter() - t0
    results.sort(key=lambda r: (r[0], r[1]))
    runs = pd.DataFrame(
        [{"scenario": names[k], "seed": sd, **summary} for k, sd, summary, _ in results]
    )
    frames = [pd.DataFrame({"scenario": [], "seed": [], "week": []})]  # if none is kept
    for k, sd, _, gauges in results:
        if gauges is not None:
            df = gauges.reset_index()
            df.insert(0, "seed", sd)
            df.insert(0, "scenario", names[k])
            frames.append(df)
    series = pd.concat(frames[1:] or frames, ignore_index=True)
    for df in (runs, series):
        df["scenario"] = pd.Categorical(df["scenario"], categories=names, ordered=True)
    return Comparison(loaded, seeds, weeks, runs, series, seconds, workers)


@contextmanager
def progress_bar(description: str = "running") -> Iterator[Progress]:
    """A rich progress bar (on standard error) as a ``progress(done, total)`` callback."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task(description, total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total)


# --- statistics ---------------------------------------------------------------------


def mean_ci(
    values: Sequence[float] | np.ndarray, level: float = LEVEL
) -> tuple[float, float, float, int]:
    """Mean and t-interval of the mean of the non-missing ``values``.

    Returns:
        ``(mean, low, high, n)``; the bounds are NaN with fewer than two values and
        equal to the mean when all values are equal.

    """
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    n = len(x)
    if n == 0:
        return math.nan, math.nan, math.nan, 0
    mean = float(x.mean())
    if n < 2:
        return mean, math.nan, math.nan, n
    half = float(t_quantile(level, n - 1) * x.std(ddof=1) / math.sqrt(n))
    return mean, mean - half, mean + half, n


@lru_cache(maxsize=256)
def t_quantile(level: float, df: int) -> float:
    """The two-sided ``level`` quantile of Student's t with ``df`` degrees of freedom.

    Cached: a comparison asks for the same few values thousands of times, and one
    call of scipy's ``t.ppf`` costs about 0.2 ms. ``scipy.special.stdtrit`` is what
    ``t.ppf`` computes (the same numbers), without importing ``scipy.stats``: 0.4 s
    that every worker of a comparison paid on its first run, since its runs are this
    module's functions.
    """
    return float(special.stdtrit(df, 0.5 + level / 2))


def outcome_table(
    comp: Comparison, outcomes: Sequence[str] | None = None, level: float = LEVEL
) -> pd.DataFrame:
    """Mean and interval per outcome and scenario, and the paired difference.

    The difference is scenario minus the first scenario, computed per seed (common
    random numbers) and summarised with a t-interval; seeds where either value is
    missing are left out.

    Returns:
        One row per outcome x scenario: ``outcome``, ``scenario``, ``n``, ``mean``,
        ``ci_low``, ``ci_high``, ``diff``, ``diff_low``, ``diff_high`` (the
        difference columns are NaN for the first scenario).

    """
    outcomes = list(outcomes or comp.outcomes)
    names = comp.names
    wide = {name: comp.runs[comp.runs["scenario"] == name].set_index("seed") for name in names}
    rows = []
    for outcome in outcomes:
        ref = wide[names[0]][outcome].astype(float)
        for name in names:
            col = wide[name][outcome].astype(float)
            mean, lo, hi, n = mean_ci(col.to_numpy(), level)
            row = {
                "outcome": outcome,
                "scenario": name,
                "n": n,
                "mean": mean,
                "ci_low": lo,
                "ci_high": hi,
                "diff": math.nan,
                "diff_low": math.nan,
                "diff_high": math.nan,
            }
            if name != names[0]:
                d = (col - ref.reindex(col.index)).to_numpy()
                row["diff"], row["diff_low"], row["diff_high"], _ = mean_ci(d, level)
            rows.append(row)
    return pd.DataFrame(rows)


def weekly_bands(comp: Comparison, gauges: Sequence[str], level: float = LEVEL) -> pd.DataFrame:
    """Per scenario, week and gauge the mean over replicates and its t-interval.

    The same numbers as ``mean_ci`` over each (scenario, week) group's replicates, in
    seed order, computed a whole scenario at a time: rows without missing values in
    bulk (NumPy reduces each row as it reduces a single array, so the values are the
    same to the last bit), rows with missing values one by one.
    """
    rows: dict[str, list] = {k: [] for k in ("scenario", "week", "gauge", "n")}
    stats_: dict[str, list] = {k: [] for k in ("mean", "ci_low", "ci_high")}
    for name in comp.names:
        sub = comp.weekly[comp.weekly["scenario"] == name]
        if sub.empty:
            continue
        per_gauge = []
        for g in gauges:
            table = sub.pivot(index="week", columns="seed", values=g)
            per_gauge.append(_row_intervals(table.to_numpy(float), level))
        weeks = table.index.to_numpy()
        for k, week in enumerate(weeks.tolist()):
            for g, (n, mean, low, high) in zip(gauges, per_gauge, strict=True):
                rows["scenario"].append(name)
                rows["week"].append(week)
                rows["gauge"].append(g)
                rows["n"].append(int(n[k]))
                stats_["mean"].append(float(mean[k]))
                stats_["ci_low"].append(float(low[k]))
                stats_["ci_high"].append(float(high[k]))
    if not rows["scenario"]:
        return pd.DataFrame(columns=[*rows, *stats_])
    return pd.DataFrame({**rows, **stats_})


def _row_intervals(x: np.ndarray, level: float) -> tuple[np.ndarray, ...]:
    """``mean_ci`` of every row of ``x``: (n, mean, low, high) as arrays."""
    x = np.ascontiguousarray(x)
    n_rows, n = x.shape
    complete = ~np.isnan(x).any(axis=1)
    out = np.full((4, n_rows), np.nan)
    out[0] = n
    if n >= 1 and complete.any():
        full = x[complete]
        mean = full.mean(axis=1)
        out[1, complete] = mean
        if n >= 2:
            half = t_quantile(level, n - 1) * full.std(axis=1, ddof=1) / math.sqrt(n)
            out[2, complete], out[3, complete] = mean - half, mean + half
    for r in np.flatnonzero(~complete):
        m, low, high, count = mean_ci(x[r], level)
        out[:, r] = (count, m, low, high)
    return out[0], out[1], out[2], out[3]


# --- output -------------------------------------------------------------------------


PNG_DPI = 110  # the resolution of every figure a comparison writes


def save_figure(fig: Any, path: Path) -> Path:
    """Save a matplotlib figure as PNG atomically."""
    return atomic_write(path, lambda p: fig.savefig(p, format="png", dpi=PNG_DPI))


def write_outputs(
    comp: Comparison,
    out: str | os.PathLike[str],
    prefix: str = "",
    table: pd.DataFrame | None = None,
    executor: Executor | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> list[Path]:
    """Write the tables and figures of a comparison into folder ``out``.

    Files: ``runs.csv``/``.parquet`` (one row per scenario x replicate),
    ``weekly.csv``/``.parquet`` (one row per scenario x replicate x week),
    ``outcomes.csv`` (the outcome table), ``outcomes.png`` (bars with 95 % CIs),
    ``modes.png`` and ``three_os.png`` (weekly curves with 95 % bands).
    ``table`` is the comparison's ``outcome_table`` if already computed. With an
    ``executor`` (the comparison's pool, idle once the runs are done) the weekly CSV
    is written and the figures are drawn there while this process writes the other
    tables: the same files, sooner, and less work in this process. Each goes to the
    pool as soon as what it needs is ready: the weekly CSV first, the outcome figure
    once the table is there, the curves once their bands are, then the weekly Parquet.

    Args:
        comp: The comparison.
        out: The folder (made if missing).
        prefix: Put before every file name.
        table: The comparison's ``outcome_table``, if already computed.
        executor: A pool to write the weekly CSV and draw the figures in.
        meanwhile: Called once the pool has its work, before this process writes
            its tables (``samenspel compare`` prints the outcome table then).

    Returns:
        The paths written.

    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    drawing, elsewhere = {}, {}
    if executor is not None:  # the weekly CSV first: the longest table, then the figures
        weekly_csv = folder / f"{prefix}weekly.csv"
        elsewhere[weekly_csv] = executor.submit(write_table, comp.weekly, weekly_csv)
    table = outcome_table(comp) if table is None else table
    if executor is not None:
        drawing["outcomes"] = submit_figure(
            executor, *outcome_figure(table, comp.names), parts=comp.workers
        )
    bands = weekly_bands(comp, (*MODE_GAUGES, *O_GAUGES))
    figures = figure_specs(table, bands, comp.names)
    if executor is not None:
        for stem, args in figures.items():
            if stem not in drawing:
                drawing[stem] = submit_figure(executor, *args, parts=comp.workers)
        weekly_parquet = folder / f"{prefix}weekly.parquet"  # the second longest, last
        elsewhere[weekly_parquet] = executor.submit(write_table, comp.weekly, weekly_parquet)
    if meanwhile is not None:
        meanwhile()
    written = []
    for stem, df in (("runs", comp.runs), ("weekly", comp.weekly)):
        for ext in (".csv", ".parquet"):
            path = folder / f"{prefix}{stem}{ext}"
            written.append(path if path in elsewhere else write_table(df, path))
    written.append(write_table(table, folder / f"{prefix}outcomes.csv"))
    for k, path in enumerate(written):
        if path in elsewhere:
            written[k] = elsewhere[path].result()  # written there, or its error raised here
    for stem, args in figures.items():
        png = drawing[stem]() if stem in drawing else figure_png(*args)
        written.append(write_bytes(folder / f"{prefix}{stem}.png", png))
    return written


def figure_specs(
    table: pd.DataFrame, bands: pd.DataFrame, names: Sequence[str]
) -> dict[str, tuple[Any, ...]]:
    """A comparison's figures by file stem: a ``samenspel.figures`` function and its arguments.

    ``table`` is the ``outcome_table``, ``bands`` the ``weekly_bands`` of (at least) the
    mode and o gauges. ``figure_png`` draws one; ``write_outputs`` and the dashboard's
    downloads draw the same three.
    """
    return {
        "outcomes": outcome_figure(table, names),
        "modes": ("weekly_curves", bands, MODE_GAUGES, names, "Case modes (share of open cases)"),
        "three_os": ("weekly_curves", bands, O_GAUGES, names, "The three o's"),
    }


def outcome_figure(table: pd.DataFrame, names: Sequence[str]) -> tuple[Any, ...]:
    """The outcome figure's ``samenspel.figures`` function and arguments (``figure_specs``)."""
    return ("outcome_bars", table, names)


def prepare_drawing() -> None:
    """Import what drawing a figure needs (matplotlib, about 0.4 s), for a pool's worker.

    ``samenspel compare`` hands it to its pool behind the runs (``run_comparison``'s
    ``then``): a worker that has run out of runs imports matplotlib while the command
    collects the last runs and builds the tables, instead of after, when its band of
    the outcome figure waits for it.
    """
    from matplotlib.backends import backend_agg  # noqa: F401

    from . import figures  # noqa: F401


def figure_png(function: str, *args: Any, finish: Callable[[Any], None] | None = None) -> bytes:
    """``samenspel.figures.<function>(*args)`` as PNG bytes (``save_figure``'s format).

    ``finish``, if given, is applied to the figure before it is drawn (the dashboard
    translates the titles).
    """
    import io

    from . import figures

    fig = getattr(figures, function)(*args)
    if finish is not None:
        finish(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PNG_DPI)
    return buffer.getvalue()


def submit_figure(
    executor: Executor,
    function: str,
    *args: Any,
    parts: int = 1,
    finish: Callable[[Any], None] | None = None,
) -> Callable[[], bytes]:
    """Draw ``figure_png(function, *args, finish=finish)`` on ``executor``; call for the PNG.

    The outcome figure (``outcome_bars``: 66 panels, three quarters of the drawing)
    is drawn in up to ``parts`` bands of rows at once (``figure_band``), which are
    stacked here and written as ``savefig`` writes: the same bytes as drawn whole.
    Bands are for the whole outcome figure, ``outcome_bars(table, names)``; other
    arguments draw it whole.
    """
    if function != "outcome_bars" or parts < 2 or len(args) != 2:
        return executor.submit(figure_png, function, *args, finish=finish).result
    from .panels import outcome_rows, split_rows

    bands = [
        executor.submit(figure_band, *args, rows=rows, finish=finish)
        for rows in split_rows(outcome_rows(args[0]), parts)
    ]
    return lambda: png_of(np.concatenate([b.result() for b in bands]))


def figure_band(
    table: pd.DataFrame,
    names: Sequence[str],
    *,
    rows: range,
    finish: Callable[[Any], None] | None = None,
) -> np.ndarray:
    """The band of ``rows`` of the outcome figure (``figures.band``) as RGBA pixels.

    What ``figure_png("outcome_bars", table, names)`` draws there, at ``PNG_DPI``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from .figures import band, outcome_bars

    fig = outcome_bars(table, names, rows=rows)
    if finish is not None:
        finish(fig)
    fig.dpi = PNG_DPI  # as savefig draws
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())
    top, bottom = (round(edge * pixels.shape[0]) for edge in band(fig, rows))
    return pixels[top:bottom].copy()


def png_of(pixels: np.ndarray) -> bytes:
    """RGBA pixels as PNG bytes, as ``savefig(format="png", dpi=PNG_DPI)`` writes them.

    Through Pillow as matplotlib's ``imsave`` does (its "Software" text included), but
    without importing matplotlib (0.4 s) in the process that stacks the bands, after them.
    """
    import io
    from importlib.metadata import version

    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Software", f"Matplotlib version{version('matplotlib')}, https://matplotlib.org/")
    pixels = np.require(pixels, np.uint8, "C")
    image = Image.frombuffer(
        "RGBA", (pixels.shape[1], pixels.shape[0]), pixels, "raw", "RGBA", 0, 1
    )
    buffer = io.BytesIO()
    image.save(buffer, format="png", pnginfo=info, dpi=(PNG_DPI, PNG_DPI))
    return buffer.getvalue()


def _num(x: float, places: int = 3, signed: bool = False) -> str:
    if x != x:  # NaN
        return "n/a"
    return fixed(x, places if abs(x) < 1000 else 0, signed)


def format_ci(mean: float, low: float, high: float, signed: bool = False, places: int = 3) -> str:
    """``mean [low, high]`` with ``places`` decimals (``n/a`` for missing values).

    From 1000 on a number has no decimals. ``signed`` puts a sign before the mean.
    """
    if mean != mean:
        return "n/a"
    return f"{_num(mean, places, signed)} [{_num(low, places)}, {_num(high, places)}]"


def print_outcomes(
    comp: Comparison, table: pd.DataFrame | None = None, console: Any = None
) -> None:
    """Print the outcome table: mean [95 % CI] per scenario, paired difference.

    Each interval is shown within what its outcome can be (``outcomes``: a count's from
    0, a share's to 1), with the decimals it supports (``outcomes.digits``: two
    significant digits of its half-width), as on the dashboard; the tables
    ``write_outputs`` writes keep the t-intervals as computed, in full.
    """
    from rich.console import Console
    from rich.table import Table

    table = outcome_table(comp) if table is None else table
    console = console or Console()
    ref = comp.names[0]
    out = Table(
        title=f"{len(comp.seeds)} replicates x {comp.weeks} weeks, seeds "
        f"{comp.seeds[0]}-{comp.seeds[-1]} (common random numbers); "
        f"mean [95 % CI]",
        title_justify="left",
    )
    out.add_column("outcome")
    out.add_column("scenario")
    out.add_column("mean [95 % CI]", justify="right")
    out.add_column(f"difference to {ref} [95 % CI]", justify="right")
    for outcome, grp in table.groupby("outcome", sort=False):
        for i, r in enumerate(grp.itertuples()):
            name = str(outcome)
            diff = (
                "(reference)"
                if r.scenario == ref
                else format_ci(
                    r.diff,
                    r.diff_low,
                    r.diff_high,
                    signed=True,
                    places=digits(name, r.diff, r.diff_low, r.diff_high),
                )
            )
            out.add_row(
                outcome if i == 0 else "",
                str(r.scenario),
                format_ci(
                    r.mean,
                    shown_low(name, r.ci_low),
                    shown_high(name, r.ci_high),
                    places=digits(name, r.mean, r.ci_low, r.ci_high),
                ),
                diff,
                end_section=i == len(grp) - 1,
            )
    console.print(out)
