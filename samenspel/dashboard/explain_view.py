"""Why a scenario worked: the ``samenspel explain`` decomposition in words and a figure.

``samenspel.explain`` knocks out each mechanism in turn and measures the part of the
effect it carries (``E - E_m``, with a paired 95 % interval). ``summary`` says it in
sentences: per headline outcome whose effect is clear (its interval excludes 0), the
mechanisms that carry most of it. The chart shows one outcome at a time (picked from a
list, co-production first), each mechanism's part as a bar with its interval and the
whole effect as a dashed line: drawn as SVG with 12 px text (``charts.hbar_chart``), so
it stays legible on a 1024x768 projector, where the all-outcome figure of ``samenspel
explain`` (``Explanation.figure``, ten panels) shrank its text to 6 px. That figure is
offered as a PNG download, in the session's language.
"""

from __future__ import annotations

import io

import numpy as np
import solara

from ..explain import Explanation, explain_text, mechanism_label, outcome_label
from . import i18n
from .charts import hbar_chart
from .i18n import t

TOP = 3
"""Mechanisms named per outcome."""


def _signed(x: float) -> str:
    return ("+" if x >= 0 else "") + i18n.number(x, 3)


def summary(expl: Explanation, lang: str) -> list[str]:
    """One sentence per outcome with a clear effect: the effect and what carries it."""
    lines = []
    for outcome, grp in expl.table.groupby("outcome", sort=False):
        first = grp.iloc[0]
        e, lo, hi = first["effect"], first["effect_low"], first["effect_high"]
        if not (lo > 0 or hi < 0):
            continue
        clear = grp[(grp["ci_low"] > 0) | (grp["ci_high"] < 0)]
        clear = clear[clear["carried"] * e > 0].sort_values("carried", key=abs, ascending=False)
        parts = []
        for r in clear.head(TOP).itertuples():
            share = "" if r.share != r.share else f" ({100 * r.share:.0f}%)"
            parts.append(mechanism_label(str(r.mechanism), lang) + share)
        carried = ", ".join(parts) if parts else t("why_none_clear")
        lines.append(
            t(
                "why_line",
                outcome=outcome_label(str(outcome), lang),
                effect=_signed(e),
                low=_signed(lo),
                high=_signed(hi),
                carried=carried,
            )
        )
    return lines or [t("why_no_effect")]


def outcome_chart(expl: Explanation, outcome: str, lang: str) -> str:
    """The part of ``outcome``'s effect each mechanism carries, as an SVG chart."""
    rows = expl.table[expl.table["outcome"] == outcome].set_index("mechanism")
    rows = rows.loc[expl.mechanisms]
    first = rows.iloc[0]
    lo, hi = rows["ci_low"].to_numpy(float), rows["ci_high"].to_numpy(float)
    effect = (float(first["effect"]), float(first["effect_low"]), float(first["effect_high"]))
    spread = np.abs(np.concatenate([lo, hi, effect]))
    largest = float(spread[np.isfinite(spread)].max(initial=0.0))
    digits = 0 if largest >= 10 else 1 if largest >= 1 else 3  # counts vs shares
    return hbar_chart(
        [mechanism_label(m, lang) for m in expl.mechanisms],
        rows["carried"].to_numpy(float),
        lo,
        hi,
        t(
            "why_chart_title",
            outcome=outcome_label(outcome, lang),
            effect=_signed(effect[0]),
            low=_signed(effect[1]),
            high=_signed(effect[2]),
        ),
        reference=effect,
        reference_label=explain_text("effect_line", lang),
        strong=(lo > 0) | (hi < 0),
        fmt=lambda v: i18n.number(v, digits),
        name="why",
    )


def figure_png(expl: Explanation, lang: str) -> bytes:
    """``Explanation.figure`` as PNG bytes."""
    buf = io.BytesIO()
    expl.figure(lang).savefig(buf, format="png", dpi=90)
    return buf.getvalue()


@solara.component
def Explained(expl: Explanation) -> None:
    """The words, the figure and a download of the table."""
    lang = i18n.current()
    lines = solara.use_memo(lambda: summary(expl, lang), [id(expl), lang])
    outcome, set_outcome = solara.use_state(expl.outcomes[0])
    if outcome not in expl.outcomes:
        outcome = expl.outcomes[0]
    svg = solara.use_memo(lambda: outcome_chart(expl, outcome, lang), [id(expl), lang, outcome])
    solara.Text(
        t(
            "why_intro",
            s=expl.scenario.title(lang),
            b=expl.base.title(lang),
            r=len(expl.seeds),
            w=expl.weeks,
        ),
        style={"font-weight": "600"},
    )
    items = "".join(f"<li>{line}</li>" for line in lines)
    solara.HTML(tag="ul", unsafe_innerHTML=items, classes=["samenspel-why-words"])
    solara.Text(t("why_read"), style={"font-size": "0.9em", "color": "#444"})
    names = {outcome_label(o, lang): o for o in expl.outcomes}
    solara.Select(
        t("why_outcome"),
        values=list(names),
        value=outcome_label(outcome, lang),
        on_value=lambda label: set_outcome(names[label]),
        classes=["samenspel-why-outcome"],
    )
    solara.HTML(
        tag="div",
        unsafe_innerHTML=svg,
        classes=["samenspel-why-figure"],
        style={"max-width": "640px"},
    )
    solara.Text(t("why_bars"), style={"font-size": "0.9em", "color": "#444"})
    solara.FileDownload(
        lambda: figure_png(expl, lang),
        f"explain_{expl.scenario.name}_{expl.base.name}.png",
        label=t("dl_explain_png"),
        mime_type="image/png",
    )
    solara.FileDownload(
        lambda: expl.table.to_csv(index=False),
        f"explain_{expl.scenario.name}_{expl.base.name}.csv",
        label=t("dl_explain"),
        mime_type="text/csv",
    )
