"""Compare page: two to four scenarios side by side, with intervals, and why.

The runs and the statistics are those of ``samenspel compare`` and ``samenspel
explain`` (see ``compare_job.py``); the page draws their tables (``compare_draw.py``)
and offers them for download: the outcome table and all runs as CSV, and the figures
of ``samenspel.figures`` as PNG, the same files the CLI writes.

The scenarios can come from the library, from the Explore levers ("Compare what I
have now") or from an uploaded TOML file (``own.py``); any of them can be the
reference. Every job waits its turn in the server's one line (``jobs.py``), with its
place in line, then a progress bar with the time left. The last comparison of a
browser session is kept, so a reload shows it again, with its settings. "Why?" runs
``samenspel explain`` for one scenario against the reference (``explain_view.py``).

A link carries a comparison (``query``/``apply_query``): its scenarios, the
reference (the first), replicates, weeks, first seed and language, e.g.
``compare?scenarios=city-baseline,wijktafels&replicates=5&weeks=260&seed=0``; an own
scenario travels inside it as its packed TOML file (``own=...``), checked on arrival
as an uploaded file is. Opening it sets the page and runs the comparison; the server
keeps comparisons by their inputs (``compare_job.shared``), so a class opening the
same link runs it once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import solara

from ..model.run_args import MAX_SEED
from ..scenarios import Scenario, ScenarioError, list_scenarios, load_scenario
from . import compare_job, i18n, jobs, layout, own
from .compare_draw import bands_charts, bars, diff_table, png, titles
from .compare_job import Result, comparison, explanation
from .explain_view import Explained
from .glossary import CHART_TERMS, InfoButton
from .i18n import t
from .messages import InputError, parse_number, scenario_message
from .palette import PALETTE

WEEK_CHOICES = (52, 104, 156, 260, 520)
DEFAULT_SELECTION = ["city-baseline", "combined-package"]
MIN_REPLICATES, MAX_REPLICATES = 2, 30

selection = solara.reactive(list(DEFAULT_SELECTION))
"""Names of the chosen scenarios, the reference first."""
replicates = solara.reactive(5)
weeks = solara.reactive(260)
first_seed = solara.reactive(0)
why = solara.reactive("")
"""The scenario whose effect is explained (empty: none chosen)."""
link_error = solara.reactive("")
"""Why the link this page was opened with was not followed (empty: it was, or none)."""


def available(lang: str) -> dict[str, Scenario]:
    """The library and this session's own scenarios, by name."""
    out = {s.name: s for s in list_scenarios()}
    out.update(own.own_scenarios.value)
    return out


def set_reference(name: str) -> None:
    """Make ``name`` (one of the chosen) the reference: it moves to the front."""
    chosen = [n for n in selection.value if n != name]
    selection.set([name, *chosen])


def start(scenarios: dict[str, Scenario]) -> None:
    """Run the comparison of the chosen scenarios."""
    chosen = [scenarios[n] for n in selection.value if n in scenarios]
    link_error.set("")
    comparison(chosen, replicates.value, weeks.value, first_seed.value)


def query(result: Result, lang: str) -> str:
    """The address query that reproduces ``result``'s comparison (``apply_query``).

    A scenario that is not in the library (made from the Explore levers or uploaded)
    travels inside the link as its packed TOML file (``own=``, ``own.to_link``).
    """
    from urllib.parse import urlencode

    comp = result.comp
    library = {s.name for s in list_scenarios()}
    items: list[tuple[str, Any]] = [
        ("scenarios", ",".join(comp.names)),
        ("replicates", len(comp.seeds)),
        ("weeks", comp.weeks),
        ("seed", comp.seeds[0]),
        ("lang", lang),
    ]
    items += [("own", own.to_link(s)) for s in comp.scenarios if s.name not in library]
    return urlencode(items, safe=",")


def _carried(
    texts: list[str], known: dict[str, Scenario]
) -> tuple[dict[str, Scenario], dict[str, str]]:
    """The own scenarios a link carries, by name, and the names changed on the way.

    A carried scenario whose name this session already uses for another scenario gets
    the next free ``mine-k``; one named like a library scenario is refused.

    Raises:
        InputError: The link's own scenario cannot be read (one line, with the reason).

    """
    library = {s.name for s in list_scenarios()}
    carried: dict[str, Scenario] = {}
    renamed: dict[str, str] = {}
    for text in texts:
        try:
            scenario = own.from_link(text)
        except ScenarioError as exc:
            raise InputError(t("link_bad_own", message=scenario_message(exc))) from None
        name = scenario.name
        if name in library:
            raise InputError(t("link_bad_own", message=f"{name!r} is a library scenario"))
        mine = known.get(name) or carried.get(name)
        if mine is not None and not own.same(mine, scenario):
            new = own.free_name({*known, *carried})
            scenario = replace(scenario, name=new, chain=(new, *scenario.chain[1:]))
            renamed[name] = new
        carried[scenario.name] = scenario
    return carried, renamed


def apply_query(search: str) -> bool:
    """Set the page to the comparison a link names; a bad part sets ``link_error``.

    ``reference`` (optional) names the reference among ``scenarios``; without it the
    first is the reference. Values are checked as on the page (2 to 4 known
    scenarios, replicates from 2 to 30, weeks one of ``WEEK_CHOICES``, a seed from 0).

    Returns:
        Whether the link named a comparison and every part of it was valid.

    """
    from urllib.parse import parse_qsl

    given = parse_qsl(search.lstrip("?"))
    pairs = dict(given)
    if "scenarios" not in pairs:
        return False
    link_error.set("")
    known = available(i18n.current())
    names = [n.strip() for n in pairs["scenarios"].split(",") if n.strip()]
    try:
        carried, renamed = _carried([v for k, v in given if k == "own"], known)
        known = {**known, **carried}
        names = [renamed.get(n, n) for n in names]
        for name in names:
            if name not in known:
                raise InputError(t("link_bad_compare", name=name))
        names = list(dict.fromkeys(names))
        if not 2 <= len(names) <= 4:
            raise InputError(t("need_2_4", n=len(names)))
        ref = pairs.get("reference", names[0])
        ref = renamed.get(ref, ref)
        if ref not in names:
            raise InputError(t("link_bad_compare", name=ref))
        reps = int(
            parse_number(
                pairs.get("replicates", replicates.value),
                t("replicates"),
                MIN_REPLICATES,
                MAX_REPLICATES,
                is_int=True,
            )
        )
        weeks_given = pairs.get("weeks", str(weeks.value))
        span = int(parse_number(weeks_given, t("weeks"), 1, max(WEEK_CHOICES), is_int=True))
        if span not in WEEK_CHOICES:
            choices = ", ".join(str(w) for w in WEEK_CHOICES)
            raise InputError(
                t("link_bad_weeks", label=t("weeks"), choices=choices, given=weeks_given)
            )
        first = int(
            parse_number(
                pairs.get("seed", first_seed.value),
                t("first_seed"),
                0,
                MAX_SEED - MAX_REPLICATES,
                is_int=True,
            )
        )
    except InputError as exc:
        link_error.set(str(exc))
        return False
    for scenario in carried.values():
        if scenario.name in names:
            own.add(scenario)
    selection.set([ref, *(n for n in names if n != ref)])
    replicates.set(reps)
    weeks.set(span)
    first_seed.set(first)
    return True


def restore(result: Result) -> None:
    """Set the settings to those of ``result`` (a comparison kept over a reload)."""
    comp = result.comp
    known = available(i18n.current())
    chosen = [n for n in comp.names if n in known]
    if len(chosen) >= 2:
        selection.set(chosen)
    replicates.set(len(comp.seeds))
    weeks.set(comp.weeks)
    first_seed.set(comp.seeds[0])


def open_page(search: str) -> None:
    """On opening the page: follow a link, or show the settings of a kept comparison."""
    if apply_query(search):
        start(available(i18n.current()))
        return
    kept = compare_job.recall("comparison")
    fresh = selection.value == DEFAULT_SELECTION and comparison.value is None
    if kept is not None and fresh and not link_error.value:
        restore(kept)  # a reload: the settings of the comparison shown


@solara.component
def Settings() -> None:
    """Scenario choice, reference, replicates, weeks, seed and the run button."""
    lang = i18n.current()
    scenarios = available(lang)
    items = [{"text": s.title(lang), "value": name} for name, s in scenarios.items()]
    chosen = [n for n in selection.value if n in scenarios]
    ok = 2 <= len(chosen) <= 4
    solara.Text(t("compare_intro"), style={"color": "#333"})
    solara.v.Select(
        label=t("scenarios"),
        items=items,
        v_model=chosen,
        multiple=True,
        chips=True,
        small_chips=True,
        deletable_chips=True,
        on_v_model=lambda v: selection.set(list(v)),
        class_="samenspel-compare-scenarios",
    )
    with solara.Row(style={"align-items": "center", "flex-wrap": "wrap"}, gap="24px"):
        if chosen:
            solara.v.Select(
                label=t("reference_pick"),
                items=[{"text": scenarios[n].title(lang), "value": n} for n in chosen],
                v_model=chosen[0],
                on_v_model=set_reference,
                dense=True,
                style_="max-width: 320px",
                class_="samenspel-compare-reference",
            )
        with solara.Div(
            style={"min-width": "240px"},
            classes=["samenspel-compare-replicates", "samenspel-sr-label"],
        ):
            solara.Text(f"{t('replicates')}: {replicates.value}")
            solara.v.Slider(
                label=t("replicates"),
                v_model=replicates.value,
                on_v_model=lambda v: replicates.set(int(v)),
                min=MIN_REPLICATES,
                max=MAX_REPLICATES,
                dense=True,
                hide_details=True,
            )
        solara.v.Select(
            label=t("weeks"),
            items=list(WEEK_CHOICES),
            v_model=weeks.value,
            on_v_model=lambda v: weeks.set(int(v)),
            dense=True,
            style_="max-width: 140px",
            class_="samenspel-compare-weeks",
        )
        with solara.Div(style={"max-width": "160px"}):
            solara.InputInt(
                t("first_seed"),
                value=first_seed.value,
                on_value=first_seed.set,
                continuous_update=False,
            )
        busy = comparison.pending or explanation.pending
        solara.Button(
            t("run"),
            color="primary",
            icon_name="mdi-play",
            disabled=not ok or busy,
            on_click=lambda: start(scenarios),
            classes=["samenspel-compare-run"],
        )
    if not ok:
        solara.Warning(t("need_2_4", n=len(chosen)))
    with solara.Details(t("own_title")):
        solara.Text(t("own_hint"), style={"font-size": "0.9em"})
        own.Upload(on_loaded=lambda s: selection.set([*selection.value, s.name][:4]))


@solara.component
def Progress() -> None:
    """Place in line, or a progress bar with the time left."""
    compare_job.Clock()
    _ = compare_job.clock.value
    est = compare_job.status.value
    if est is None:
        if comparison.pending or explanation.pending:
            solara.ProgressLinear(True)
        return
    if not est.started:
        solara.ProgressLinear(True)
        solara.Text(
            t("queued", ahead=est.ahead), classes=["samenspel-progress", "samenspel-queued"]
        )
        return
    solara.ProgressLinear(value=100 * est.done / est.total if est.total else True)
    solara.Text(
        t(
            "running_eta",
            done=est.done,
            total=est.total,
            elapsed=round(est.elapsed()),
            left=max(1, round(est.remaining())),
        ),
        classes=["samenspel-progress"],
    )


@solara.component
def Downloads(result: Result) -> None:
    """Download buttons: tables as CSV, figures as PNG."""
    names = "-".join(result.comp.names)
    with solara.Row(style={"flex-wrap": "wrap"}):
        solara.FileDownload(
            lambda: result.table.to_csv(index=False),
            f"outcomes_{names}.csv",
            label=t("dl_table"),
            mime_type="text/csv",
        )
        solara.FileDownload(
            lambda: result.comp.runs.to_csv(index=False),
            f"runs_{names}.csv",
            label=t("dl_runs"),
            mime_type="text/csv",
        )
        for kind, key in (("bars", "dl_bars"), ("modes", "dl_modes"), ("os", "dl_os")):
            solara.FileDownload(
                lambda k=kind: png(k, result),
                f"{kind}_{names}.png",
                label=t(key),
                mime_type="image/png",
            )
        for s in result.comp.scenarios:
            if s.name in own.own_scenarios.value:
                solara.FileDownload(
                    lambda s=s: own.to_toml(s),
                    own.file_name(s),
                    label=t("dl_scenario", name=s.name),
                    mime_type="application/toml",
                )


@solara.component
def CompareLink(result: Result) -> None:
    """A link that reproduces this comparison (own scenarios travel inside it)."""
    href = "?" + query(result, i18n.current())
    solara.HTML(
        tag="div",
        unsafe_innerHTML=f'<a class="samenspel-compare-link" href="{href.replace("&", "&amp;")}">'
        f"{t('compare_link')}</a>",
        style={"font-size": "0.9em", "margin": "4px 0"},
    )


@solara.component
def Why(result: Result) -> None:
    """Choose a scenario and run ``explain`` against the reference."""
    lang = i18n.current()
    comp = result.comp
    others = comp.scenarios[1:]
    name = why.value if why.value in {s.name for s in others} else others[0].name
    chosen = next(s for s in others if s.name == name)
    with solara.Card(t("why_title"), classes=["samenspel-why"]):
        solara.Text(  # a block: the select's floating label sits above its box
            t("why_hint", ref=comp.scenarios[0].title(lang)),
            style={"display": "block", "color": "#333", "margin-bottom": "12px"},
        )
        with solara.Row(style={"align-items": "center", "flex-wrap": "wrap", "margin-top": "14px"}):
            solara.v.Select(
                label=t("why_pick"),
                items=[{"text": s.title(lang), "value": s.name} for s in others],
                v_model=name,
                on_v_model=why.set,
                dense=True,
                style_="max-width: 360px",
            )
            solara.Button(
                t("why_run"),
                color="primary",
                outlined=True,
                disabled=comparison.pending or explanation.pending,
                on_click=lambda: explanation(
                    chosen, comp.scenarios[0], len(comp.seeds), comp.weeks, comp.seeds[0]
                ),
                classes=["samenspel-why-run"],
            )
        kept = compare_job.recall(f"explain:{chosen.name}:{comp.scenarios[0].name}")
        if explanation.error:
            solara.Error(_message(explanation.exception), classes=["samenspel-error"])
        shown = explanation.value if explanation.finished else kept
        if shown is not None and shown.scenario.name == chosen.name:
            Explained(shown)


def _message(exc: Any) -> str:
    """A job's error as one line: translated for the page's own checks, else as the CLI."""
    if isinstance(exc, InputError):
        return str(exc)
    return f"{t('error')}: {exc}"


@solara.component
def Results(result: Result) -> None:
    """Bars with intervals, curves with bands, paired differences, downloads, why."""
    lang = i18n.current()
    drawn = solara.use_memo(
        lambda: (bars(result), bands_charts(result), diff_table(result)), [id(result), lang]
    )
    comp = result.comp
    shown = titles(result)
    solara.Success(
        t("done", runs=len(comp.runs), seconds=i18n.number(comp.seconds, 1), workers=comp.workers),
        classes=["samenspel-compare-done"],
    )
    CompareLink(result)
    legend = " · ".join(
        f'<span style="color:{PALETTE[k]};font-weight:600">■ {k + 1}</span> {n}'
        for k, n in enumerate(shown)
    )
    with solara.Card(t("outcomes_title")):
        InfoButton(CHART_TERMS["bars"], t("about_chart"))
        solara.HTML(tag="div", unsafe_innerHTML=legend)
        with solara.Div(
            classes=["samenspel-charts"],
            style={"grid-template-columns": "repeat(auto-fill, minmax(230px, 1fr))"},
        ):
            for svg in drawn[0]:
                solara.HTML(tag="div", unsafe_innerHTML=svg)
    with solara.Card(t("curves_title")):
        InfoButton(CHART_TERMS["curves"], t("about_chart"))
        with solara.Div(classes=["samenspel-charts"]):
            for svg in drawn[1]:
                solara.HTML(tag="div", unsafe_innerHTML=svg)
    with solara.Card(t("diff_title", ref=shown[0])):
        InfoButton(CHART_TERMS["diff"], t("about_chart"))
        solara.Text(t("diff_hint"), style={"font-size": "0.9em", "color": "#444"})
        solara.HTML(tag="div", unsafe_innerHTML=drawn[2])
    Why(result)
    with solara.Card(t("download")):
        Downloads(result)


@solara.component
def Page() -> None:
    """The Compare page."""
    layout.PageTitle("nav_compare")
    router = solara.use_router()
    solara.use_effect(lambda: open_page(router.search or ""), [])
    with solara.Div(style={"padding": "8px 12px"}):
        with solara.Card(t("nav_compare")):
            Settings()
            Progress()
        if link_error.value:
            solara.Error(link_error.value, classes=["samenspel-error", "samenspel-link-error"])
        if comparison.error:
            solara.Error(_message(comparison.exception), classes=["samenspel-error"])
        result = comparison.value if comparison.finished else None
        if result is None and not comparison.pending:
            result = compare_job.recall("comparison")  # after a reload of the page
        if result is not None:
            Results(result)


def load(name: str) -> Scenario:
    """A library or own scenario by name (for tests and the Explore page)."""
    return own.own_scenarios.value.get(name) or load_scenario(name)


__all__ = ["Page", "Result", "jobs"]
