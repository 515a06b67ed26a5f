"""Explore page: one neighbourhood, week by week.

The toolbar on top holds the scenario, Reset, Step, +1 year, Play and the speed; the
sidebar (a drawer on narrow screens, see ``layout.py``) the seed and the levers
(``levers.py``). The main area shows the regime in words, the curves (``frame.py``:
small multiples on scaled axes with the current values as numbers) and the network
of actors (fixed layout, ties by strength), and under them the run told as a story
(``story_view.py``), whose events mark their week on the curves.

Everything drawn for a week comes ready from ``session.frame`` (computed outside the
render pass), so a redraw is cheap and play at 30 weeks a second stays responsive.

Mesa's ``SolaraViz`` is not used as the page itself: its labels are English only, its
parameter panel cannot group the levers or follow a language switch, its draggable
grid loads a script from a CDN, and its space renderer recomputes a spring layout at
every redraw. The page drives the Mesa model the way ``SolaraViz`` does (a model
instance per session, rebuilt with ``Neighbourhood(rng=seed, **params)`` on reset, a
typed seed parsed from text, mesa #3516) with its own controls.
"""

from __future__ import annotations

from typing import Any

import reacton.ipyvue as rv
import solara

from ..scenarios import list_scenarios
from . import actors, compare, frame, glossary, i18n, layout, own, player, session, story_view
from .i18n import t
from .levers import Levers

drawer_open = solara.reactive(False)
"""Whether the levers drawer is open (narrow screens only; wide screens always show it)."""


@solara.component
def ScenarioPicker() -> None:
    """The scenario list (library titles in the session's language)."""
    lang = i18n.current()
    library = solara.use_memo(list_scenarios, [])
    items = [{"text": s.title(lang), "value": s.name} for s in library]
    known = {s.name for s in library}
    if session.scenario_name.value not in known:
        items.append({"text": session.scenario_name.value, "value": session.scenario_name.value})
    select = solara.v.Select(
        label=t("scenario"),
        items=items,
        v_model=session.scenario_name.value,
        dense=True,
        hide_details=True,
        style_="max-width: 230px; min-width: 180px",
        class_="samenspel-scenario",
    )
    # the Vue "change" event, not a v_model update: while playing, a v_model message from
    # the browser was lost in most tries (the old model ran on under the new name)
    rv.use_event(select, "change", lambda _w, _e, name: session.select_scenario(name))  # type: ignore[arg-type,misc]


@solara.component
def Toolbar() -> None:
    """Scenario, run buttons, speed and the week; always in view."""
    playing = session.playing.value
    at_end = session.at_end.value
    with solara.Div(classes=["samenspel-toolbar"]):
        solara.Button(
            t("levers"),
            icon_name="mdi-tune",
            on_click=lambda: drawer_open.set(not drawer_open.value),
            outlined=True,
            classes=["samenspel-drawer-toggle"],
            attributes={"aria-expanded": "true" if drawer_open.value else "false"},
        )
        ScenarioPicker()
        solara.Button(
            t("reset"),
            on_click=session.reset,
            icon_name="mdi-restart",
            outlined=True,
            classes=["samenspel-reset"],
        )
        solara.Button(
            t("step"),
            on_click=lambda: session.step(1),
            disabled=playing or at_end,
            icon_name="mdi-step-forward",
            color="primary",
            classes=["samenspel-step"],
        )
        solara.Button(
            t("year"),
            on_click=lambda: session.step(52),
            disabled=playing or at_end,
            color="primary",
            outlined=True,
            classes=["samenspel-year"],
        )
        solara.Button(
            t("pause") if playing else t("play"),
            on_click=player.toggle,
            disabled=at_end,
            icon_name="mdi-pause" if playing else "mdi-play",
            color="primary",
            classes=["samenspel-play"],
        )
        with solara.Div(
            style={"width": "120px"}, classes=["samenspel-speed", "samenspel-sr-label"]
        ):
            solara.v.Slider(
                label=t("speed"),
                v_model=session.speed.value,
                on_v_model=lambda v: session.speed.set(int(v)),
                min=1,
                max=session.MAX_SPEED,
                dense=True,
                hide_details=True,
                thumb_label=True,
            )
        solara.Text(
            t("speed_short", speed=session.speed.value),
            style={"font-size": "0.9em"},
            classes=["samenspel-speed-value"],
        )


@solara.component
def Side() -> None:
    """The sidebar / drawer: the scenario's description, the seed and the levers."""
    lang = i18n.current()
    library = solara.use_memo(list_scenarios, [])
    chosen = next((s for s in library if s.name == session.scenario_name.value), None)
    classes = ["samenspel-side"]
    with solara.Div(
        classes=classes, attributes={"role": "complementary", "aria-label": t("levers")}
    ):
        solara.Button(
            t("close"),
            icon_name="mdi-close",
            text=True,
            small=True,
            on_click=lambda: drawer_open.set(False),
            classes=["samenspel-drawer-close"],
        )
        if chosen is not None:
            solara.Text(chosen.description(lang), style={"font-size": "0.9em", "color": "#333"})
        with solara.Row(style={"align-items": "center"}):
            solara.InputText(
                t("seed"),
                value=session.seed_text.value,
                on_value=session.set_seed_text,
                continuous_update=False,
                classes=["samenspel-seed"],
            ).key(f"seed-{session.revision.value}")
            solara.Button(t("new_seed"), on_click=session.new_seed, text=True, small=True)
        OwnScenario()
        Levers()


def mine() -> own.Scenario:
    """The current levers as a scenario of this session (``own.from_levers``)."""
    taken = set(own.own_scenarios.value)
    return own.from_levers(session.values.value, session.scenario_name.value, taken)


def weekly_csv() -> str:
    """The Explore run's weekly gauges so far, as CSV (as ``samenspel run --out``)."""
    current = session.run.value
    if current is None:
        return ""
    with current.lock:
        return str(current.model.weekly().to_csv())


def summary_csv() -> str:
    """The Explore run's summary so far (``model.summary()``), one row, with its seed."""
    import pandas as pd

    current = session.run.value
    if current is None:
        return ""
    with current.lock:
        row = {"scenario": session.scenario_name.value, "seed": current.seed}
        row.update(current.model.summary())
    return str(pd.DataFrame([row]).to_csv(index=False))


@solara.component
def OwnScenario() -> None:
    """Compare the current levers, save them as TOML, or open a scenario file."""
    router = solara.use_router()
    opened, set_opened = solara.use_state(False)

    def compare_mine() -> None:
        scenario = mine()
        own.add(scenario)
        base = session.scenario_name.value
        ref = base if base not in own.own_scenarios.value else "city-baseline"
        compare.selection.set([ref, scenario.name])
        router.push(layout.page_address("compare"))

    def opened_file(scenario: own.Scenario) -> None:
        session.take_values(scenario.params(), scenario.name)
        set_opened(False)

    with solara.Div(
        style={"display": "flex", "flex-wrap": "wrap", "gap": "4px", "margin": "6px 0"}
    ):
        solara.Button(
            t("compare_mine"),
            icon_name="mdi-scale-balance",
            color="primary",
            outlined=True,
            small=True,
            on_click=compare_mine,
            classes=["samenspel-compare-mine"],
        )
        solara.FileDownload(  # saved under its name, as the CLI requires of a file
            lambda: own.to_toml(mine()),
            f"{own.free_name(own.own_scenarios.value)}.toml",
            label=t("save_mine"),
            mime_type="application/toml",
        )
        solara.Button(
            t("load_mine"), small=True, text=True, on_click=lambda: set_opened(not opened)
        )
        solara.FileDownload(
            lambda: weekly_csv(),
            "weekly.csv",
            label=t("dl_weekly"),
            mime_type="text/csv",
        )
        solara.FileDownload(
            lambda: summary_csv(),
            "summary.csv",
            label=t("dl_summary"),
            mime_type="text/csv",
        )
    if opened:
        own.Upload(on_loaded=opened_file)
    ShareLink()


@solara.component
def ShareLink() -> None:
    """A link that reproduces this view (scenario, levers, seed, week, language)."""
    _ = session.frame.value if not session.playing.value else None  # a new week: a new link
    href = "?" + session.query() if session.run.value is not None else "?"
    solara.HTML(
        tag="div",
        unsafe_innerHTML=f'<a class="samenspel-share" href="{href.replace("&", "&amp;")}">'
        f"{t('share_link')}</a>",
        style={"font-size": "0.9em", "margin": "4px 0"},
    )


@solara.component
def Chart(key: str, svg: str) -> None:
    """One chart in a panel, with an info button that explains its terms."""
    with solara.Div(classes=["samenspel-panel", f"samenspel-chart-{key}"]):
        solara.HTML(tag="div", unsafe_innerHTML=svg)
        glossary.InfoButton(glossary.CHART_TERMS.get(key, ()), t("about_chart"))


@solara.component
def Drawing(drawn: dict[str, Any]) -> None:
    """The regime, the curves and the network of one week."""
    with solara.Div(classes=["samenspel-panel", "samenspel-regime"]):
        solara.Text(
            f"{t('regime_title')} · {drawn['when']} · " + t("stop_at", weeks=session.MAX_WEEKS),
            style={"font-weight": "600", "display": "block"},
            classes=["samenspel-week"],
        )
        solara.Text(
            drawn["regime"],
            style={"display": "block", "padding-right": "28px", "font-size": "15px"},
        )
        solara.Text(
            drawn["detail"],
            style={"display": "block", "color": "#333", "font-size": "14px"},
            classes=["samenspel-detail"],
        )
        glossary.InfoButton(glossary.CHART_TERMS["regime"], t("about_chart"))
    with solara.Div(classes=["samenspel-views"]):
        with solara.Div(classes=["samenspel-charts"]):
            for key, svg in drawn["charts"].items():
                Chart(key, svg)
        with solara.Div(classes=["samenspel-panel"], style={"max-width": "900px"}):
            solara.Text(t("network"), style={"display": "block", "font-weight": "600"})
            actors.NetworkView.element(svg=drawn["network"])
            solara.HTML(tag="div", unsafe_innerHTML=drawn["legend"])
            current = session.run.value
            if current is not None:
                actors.ActorCard(current.model, drawn["week"])
            solara.Text(
                t("network_hint"), style={"display": "block", "font-size": "0.9em", "color": "#444"}
            )
            glossary.InfoButton(glossary.CHART_TERMS["network"], t("about_chart"))
    story_view.StoryPanel()


def drawn_for(drawn: dict[str, Any], current: session.Run, lang: str) -> bool:
    """Whether ``drawn`` shows ``current`` in ``lang``.

    A frame the player drew just before a switch of scenario can still arrive after the
    new model's first frame (``session.publish``); it names its model (``run_id``), and
    the page draws the session's model instead of showing the old one under the new
    name.
    """
    return drawn.get("lang") == lang and drawn.get("run_id") == id(current)


@solara.component
def View() -> None:
    """The error message, if any, and the drawing of the current week."""
    drawn = session.frame.value
    current = session.run.value
    lang = i18n.current()
    redrawn = solara.use_memo(  # in the page's language, of the session's model
        lambda: (
            frame.render(current)
            if current is not None and drawn is not None and not drawn_for(drawn, current, lang)
            else None
        ),
        [lang, id(drawn), id(current)],
    )

    def drawn_now() -> None:  # after the render pass that drew this frame: play may go on
        if current is not None:
            current.shown.set()

    solara.use_effect(drawn_now, [id(drawn), id(current)])
    if session.error.value:
        solara.Error(session.error.value, classes=["samenspel-error"])
    if redrawn is not None:
        drawn = redrawn
    if drawn is None:
        solara.SpinnerSolara(size="60px")
    else:
        Drawing(drawn)


@solara.component
def Page() -> None:
    """The Explore page."""
    layout.PageTitle("nav_explore")
    router = solara.use_router()
    solara.use_effect(lambda: session.ensure(router.search or ""), [])
    player.Player()
    classes = ["samenspel-explore"] + (["samenspel-drawer-open"] if drawer_open.value else [])
    with solara.Div(classes=classes):
        with solara.Div(classes=["samenspel-main"]):
            Toolbar()
            View()
        Side()
