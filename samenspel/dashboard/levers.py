"""The levers of the Explore page, generated from the parameter declarations.

Every parameter in ``samenspel.model.params.PARAMS`` becomes one control, by its
declared type and range, in a panel for its group (the three o's first, then
capacity, context and the mechanism constants):

- a choice (``str``) becomes a drop-down list of its choices;
- a switch (``bool``) becomes a switch;
- a number with a short range becomes a slider over ``[low, high]``, with a step that
  keeps the default and the scenario's value on the scale;
- a count with a long range (households, persons) becomes a text field, parsed by
  ``messages.parse_number`` (a bad value gets a message naming the label, and the
  field goes back to the value in use).

Labels, units and meanings come from the declaration (Dutch from ``i18n``); every
control carries its label for screen readers, and an info button says what the lever
means, its range and its default. A slider takes its new value when it is released;
a changed lever rebuilds the model. The open panels are kept in ``open_groups``, so
Step, +1 year and Play never close the panel the user opened.
"""

from __future__ import annotations

from typing import Any

import reacton.ipyvue as rv
import solara

from ..model.params import PARAMS, Param
from . import glossary, i18n, session
from .i18n import t

SLIDER_MAX_RANGE = 200
"""Integer parameters with a longer range get a number field instead of a slider."""
OPEN_GROUPS = ("unfamiliarity", "disagreement", "goals")


def _decimals(x: float) -> int:
    text = f"{x:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def slider_step(param: Param, *values: float) -> float:
    """A round slider step for ``param`` that puts every value in ``values`` on the scale.

    The largest of 1, 2 or 5 times a power of ten that is at most a hundredth of the
    range and on whose grid (from ``low``) the default and every value in ``values``
    lie, so a slider never moves a scenario's value.
    """
    if param.type is int:
        return 1
    low, high = param.span()
    low, span = float(low), float(high) - float(low)
    raw = span / 100.0 if span > 0 else 1.0
    steps = sorted(
        (m * 10.0**k for k in range(-6, 5) for m in (1, 2, 5) if m * 10.0**k <= raw * (1 + 1e-9)),
        reverse=True,
    ) or [raw]
    points = [
        float(v)
        for v in (param.default, *values)
        if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    for step in steps:
        if all(abs((v - low) / step - round((v - low) / step)) < 1e-6 for v in points):
            return step
    return steps[-1]


def show_value(param: Param, value: Any) -> str:
    """A lever's value with its unit, in the session's language."""
    if param.type is str:
        return i18n.choice(value)
    if param.type is bool:
        return i18n.pick("aan", "on") if value else i18n.pick("uit", "off")
    if param.type is int:
        text = f"{value:,}".replace(",", "." if i18n.nl() else ",")
    else:
        text = i18n.number(value, max(_decimals(float(value)), 1))
    unit = i18n.unit(param)
    return f"{text} {unit}" if unit and unit not in ("0-1",) else text


open_groups: solara.Reactive[list[int] | None] = solara.reactive(None)
"""The lever panels the user has open (None: the three o's, as at the start)."""


def lever_info(param: Param) -> str:
    """What the info button of a lever says: meaning, range and default."""
    if param.choices:
        allowed = ", ".join(i18n.choice(c) for c in param.choices)
    elif param.type is bool:
        allowed = i18n.pick("aan of uit", "on or off")
    else:
        allowed = f"{show_value(param, param.low)} - {show_value(param, param.high)}"
    return f"<b>{i18n.label(param)}</b>: {i18n.meaning(param)} " + t(
        "lever_range", allowed=allowed, default=show_value(param, param.default)
    )


@solara.component
def Lever(param: Param, value: Any) -> None:
    """One control for one parameter, labelled for screen readers too."""
    name = param.name
    label = i18n.label(param)
    changed = value != param.default
    title = label + (" ●" if changed else "")
    with solara.Column(
        gap="0px", classes=["samenspel-lever", f"lever-{name}"], style={"margin-bottom": "10px"}
    ):
        with solara.Row(justify="space-between", style={"font-size": "0.95em"}, gap="4px"):
            solara.Text(title, style={"font-weight": "600" if changed else "400"})
            with solara.Row(gap="0px", style={"align-items": "center"}):
                if param.type is not str:  # a choice shows its value in its own box below
                    solara.Text(
                        show_value(param, value),
                        style={"color": "#0d47a1", "white-space": "nowrap"},
                        classes=["samenspel-lever-value"],
                    )
                glossary.InfoButton((), t("about_lever", label=label), lever_info(param))
        if param.type is str:
            items = [{"text": i18n.choice(c), "value": c} for c in param.choices or ()]
            solara.v.Select(
                label=label,
                items=items,
                v_model=value,
                dense=True,
                hide_details=True,
                on_v_model=lambda v: session.set_lever(name, v),
                class_="samenspel-sr-label",
            )
        elif param.type is bool:
            solara.v.Switch(
                label=label,
                v_model=bool(value),
                on_v_model=lambda v: session.set_lever(name, v),
                dense=True,
                hide_details=True,
                class_="samenspel-sr-label",
            )
        elif param.type is int and param.span()[1] - param.span()[0] > SLIDER_MAX_RANGE:
            solara.InputText(
                label,
                value=str(int(value)),
                continuous_update=False,
                on_value=lambda v: session.set_lever(name, v),
                classes=["samenspel-sr-label"],
            ).key(f"{name}-{session.revision.value}-{value}")
        else:
            slider = solara.v.Slider(
                label=label,
                v_model=value,
                min=param.span()[0],
                max=param.span()[1],
                step=slider_step(param, value),
                dense=True,
                hide_details=True,
                class_="samenspel-sr-label",
            )
            rv.use_event(slider, "change", lambda _w, _e, data: session.set_lever(name, data))  # type: ignore[arg-type,misc]
        caption = i18n.meaning(param)
        if changed:
            caption += " " + t("changed", default=show_value(param, param.default))
        solara.Text(caption, style={"font-size": "0.8em", "color": "#555", "line-height": "1.25"})


@solara.component
def Levers() -> None:
    """All levers, one expansion panel per group; panels stay as the user left them."""
    values = session.values.value
    if not values:
        return
    groups: dict[str, list[Param]] = {}
    for p in PARAMS.values():
        groups.setdefault(p.group, []).append(p)
    order = [g for g in i18n.GROUP_ORDER if g in groups] + [
        g for g in groups if g not in i18n.GROUP_ORDER
    ]
    opened = open_groups.value
    if opened is None:
        opened = [k for k, g in enumerate(order) if g in OPEN_GROUPS]
    solara.Text(t("levers"), style={"font-weight": "600", "margin-top": "12px"})
    solara.Text(t("levers_hint"), style={"font-size": "0.85em", "color": "#444"})
    with solara.v.ExpansionPanels(
        multiple=True,
        v_model=opened,
        on_v_model=lambda v: open_groups.set(list(v)),
        accordion=True,
        flat=True,
    ):
        for g in order:
            with solara.v.ExpansionPanel(class_=f"samenspel-group-{g}"):
                solara.v.ExpansionPanelHeader(children=[i18n.group(g)])
                with solara.v.ExpansionPanelContent():
                    for p in groups[g]:
                        Lever(p, values.get(p.name, p.default))
    solara.Button(
        t("scenario_values"),
        text=True,
        small=True,
        on_click=lambda: session.select_scenario(session.scenario_name.value),
    )
