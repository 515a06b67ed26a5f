"""Explore page: one neighbourhood, week by week.

The sidebar holds the scenario picker, the seed, the step/play/reset buttons and the
levers (generated from the parameter declarations, see ``levers.py``). The main area
shows the current regime in words, the network of actors (fixed layout, ties by
strength) and the curves: the share of cases per mode, the three o's and the us-them
regard of each side.

Rendering a week takes a few milliseconds: the network and the curves are SVG text
(``network.py``, ``charts.py``) computed once per week and language.

Mesa's ``SolaraViz`` is not used as the page itself: its labels are English only, its
parameter panel cannot group the levers or follow a language switch, its draggable
grid loads a script from a CDN, and its space renderer recomputes a spring layout at
every redraw. The page drives the Mesa model the way ``SolaraViz`` does (a model
instance per session, rebuilt with ``Neighbourhood(rng=seed, **params)`` on reset, a
typed seed parsed from text, mesa #3516) with its own controls.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np
import solara

from ..model.outputs import regime
from ..scenarios import list_scenarios
from . import i18n, session
from .charts import Series, line_chart
from .i18n import t
from .levers import Levers
from .network import drawn_familiarity, network_svg

MODE_COLOURS = {
    "share_coproduction": "#d62728",
    "share_intermediated": "#2ca02c",
    "share_coexistence": "#7f7f7f",
    "share_formal_only": "#1f77b4",
    "share_informal_only": "#ff7f0e",
}
O_COLOURS = {"familiarity": "#17becf", "disagreement": "#e377c2", "goal_uncertainty": "#bcbd22"}
REGARD_COLOURS = {"regard_formal": "#1f77b4", "regard_informal": "#ff7f0e"}
JOINT = ("share_coexistence", "share_intermediated", "share_coproduction")
REGIME_KEYS = {
    "co-existence": "regime_coexistence",
    "intermediated": "regime_intermediated",
    "co-production": "regime_coproduction",
    "none": "regime_none",
}


def _fmt(v: float) -> str:
    if abs(v) >= 1 and float(v).is_integer():
        return str(int(v))
    return i18n.number(v, 2 if abs(v) < 10 else 0)


def curves(weekly: Any) -> dict[str, str]:
    """The three charts of the Explore page as SVG, from the weekly gauges."""
    x = weekly.index.to_numpy(float)

    def chart(colours: dict[str, str], title: str, name: str) -> str:
        series = [
            Series(i18n.gauge(g), x, weekly[g].to_numpy(float), c) for g, c in colours.items()
        ]
        return line_chart(
            series,
            title,
            y_range=(0.0, 1.0),
            x_label=t("week_axis"),
            fmt=_fmt,
            name=name,
            x_span=52,
        )

    return {
        "modes": chart(MODE_COLOURS, t("modes_title"), "modes"),
        "os": chart(O_COLOURS, t("os_title"), "three-os"),
        "regard": chart(REGARD_COLOURS, t("regard_title"), "regard"),
    }


def regime_words(model: Any, weekly: Any) -> tuple[str, str]:
    """The regime of the last year in words, and the shares it rests on.

    The regime (``model.outputs.regime``) is the largest of the three joint modes
    among the open cases over the last 52 weeks (fewer at the start). The detail
    gives how many of the open cases both sides worked on in that period and how
    those shared cases split over co-existence, intermediated and co-production.
    """
    code = regime(model)
    tail = weekly.tail(52)
    means = np.array(
        [np.nanmean(tail[g].to_numpy(float)) if tail[g].notna().any() else np.nan for g in JOINT]
    )
    total = np.nansum(means)
    shares = means / total if total > 0 else np.full(3, np.nan)
    weeks = int(model.week)
    period = t("period_year") if weeks >= 52 else t("period_weeks", weeks=weeks)
    detail = t(
        "regime_shares",
        period=period,
        shared=i18n.percent(total),
        coex=i18n.percent(shares[0]),
        inter=i18n.percent(shares[1]),
        coprod=i18n.percent(shares[2]),
        open=int(weekly["open_cases"].iloc[-1]),
    )
    return t(REGIME_KEYS.get(code, "regime_none")), detail


@solara.component
def Player() -> None:
    """Steps the model in a background thread while ``playing`` is on."""

    def loop(cancel: threading.Event) -> None:
        while session.playing.value and not cancel.is_set():
            t0 = time.perf_counter()
            if not session.step(1):
                session.playing.set(False)
                break
            wait = 1.0 / max(session.speed.value, 1) - (time.perf_counter() - t0)
            cancel.wait(max(wait, 0.005))

    solara.use_thread(loop, dependencies=[session.playing.value], intrusive_cancel=False)


@solara.component
def Controls() -> None:
    """Scenario picker, seed and the step/play/reset buttons."""
    lang = i18n.current()
    library = solara.use_memo(list_scenarios, [])
    items = [{"text": s.title(lang), "value": s.name} for s in library]
    chosen = next((s for s in library if s.name == session.scenario_name.value), None)
    _ = session.tick.value  # redraw the week and the buttons after every step
    current = session.run.value
    week = current.model.week if current is not None else 0
    playing = session.playing.value
    at_end = week >= session.MAX_WEEKS
    solara.v.Select(
        label=t("scenario"),
        items=items,
        v_model=session.scenario_name.value,
        on_v_model=session.select_scenario,
        dense=True,
        hide_details=True,
        class_="samenspel-scenario",
    )
    if chosen is not None:
        solara.Text(chosen.description(lang), style={"font-size": "0.85em", "color": "#444"})
    with solara.Row(style={"align-items": "center"}):
        solara.InputText(
            t("seed"),
            value=session.seed_text.value,
            on_value=session.set_seed_text,
            continuous_update=False,
            classes=["samenspel-seed"],
        )
        solara.Button(t("new_seed"), on_click=session.new_seed, text=True, small=True)
    with solara.Row(gap="6px", style={"flex-wrap": "wrap"}):
        solara.Button(
            t("reset"),
            on_click=session.reset,
            icon_name="mdi-restart",
            outlined=True,
            class_="samenspel-reset",
        )
        solara.Button(
            t("step"),
            on_click=lambda: session.step(1),
            disabled=playing or at_end,
            icon_name="mdi-step-forward",
            color="primary",
            class_="samenspel-step",
        )
        solara.Button(
            t("year"),
            on_click=lambda: session.step(52),
            disabled=playing or at_end,
            color="primary",
            outlined=True,
            class_="samenspel-year",
        )
        solara.Button(
            t("pause") if playing else t("play"),
            on_click=lambda: session.playing.set(not playing),
            disabled=at_end,
            icon_name="mdi-pause" if playing else "mdi-play",
            color="primary",
            class_="samenspel-play",
        )
    solara.SliderInt(
        f"{t('speed')}: {session.speed.value}",
        value=session.speed.value,
        on_value=session.speed.set,
        min=1,
        max=30,
    )
    solara.Text(
        t("week_of", week=week, year=week // 52 + 1)
        + " · "
        + t("stop_at", weeks=session.MAX_WEEKS),
        style={"font-size": "0.85em"},
        classes=["samenspel-week"],
    )


def render(current: session.Run) -> dict[str, str]:
    """Everything the page draws for the model's current week, as text and SVG.

    Keys: ``regime`` and ``detail`` (the regime in words), ``network``, ``modes``,
    ``os`` and ``regard`` (SVG), ``week``. Used by the page after every step and by
    ``benchmarks/bench_dashboard.py``.
    """
    with current.lock:
        model = current.model
        weekly = model.weekly()
        out = curves(weekly)
        out["regime"], out["detail"] = regime_words(model, weekly)
        layout = current.layout
        note = (
            t("network_capped", shown=len(layout.nodes), total=layout.total)
            if len(layout.nodes) < layout.total
            else ""
        )
        fam = drawn_familiarity(model.ties, layout.nodes)
        out["network"] = network_svg(
            layout, fam, i18n.kind, (t("tie_within"), t("tie_broker"), t("tie_cross")), note
        )
        out["week"] = str(model.week)
    return out


@solara.component
def Drawing(current: session.Run) -> None:
    """The regime, the network and the curves of one model (redrawn each week)."""
    tick = session.tick.value
    lang = i18n.current()
    drawn = solara.use_memo(lambda: render(current), [tick, lang, id(current)])
    with solara.Card(
        f"{t('regime_title')} · {t('week', week=drawn['week'])}", classes=["samenspel-regime"]
    ):
        solara.Text(drawn["regime"], style={"font-size": "1.15em", "font-weight": "500"})
        solara.Text(
            drawn["detail"], style={"display": "block", "color": "#444", "margin-top": "4px"}
        )
    with solara.Columns([7, 5]):
        with solara.Card(t("network"), margin=0):
            solara.HTML(
                tag="div", unsafe_innerHTML=drawn["network"], classes=["samenspel-network-box"]
            )
            solara.Text(t("network_hint"), style={"font-size": "0.8em", "color": "#555"})
        with solara.Card(margin=0):
            solara.HTML(tag="div", unsafe_innerHTML=drawn["modes"])
    with solara.Columns([1, 1]):
        with solara.Card(margin=0):
            solara.HTML(tag="div", unsafe_innerHTML=drawn["os"])
        with solara.Card(margin=0):
            solara.HTML(tag="div", unsafe_innerHTML=drawn["regard"])


@solara.component
def View() -> None:
    """The error message, if any, and the drawing of the current model."""
    current = session.run.value
    if session.error.value:
        solara.Error(f"{t('error')}: {session.error.value}", classes=["samenspel-error"])
    if current is None:
        solara.SpinnerSolara(size="60px")
    else:
        Drawing(current)


@solara.component
def Page() -> None:
    """The Explore page."""
    solara.use_effect(session.ensure, [])
    Player()
    with solara.Sidebar():
        # a fixed width: Vuetify 2 sizes the drawer once, to its content at the start
        with solara.Column(style={"width": "370px", "max-width": "370px"}):
            Controls()
            Levers()
    View()
