"""Why a scenario worked: the ``samenspel explain`` decomposition in words and a figure.

``samenspel.explain`` knocks out each mechanism in turn and measures the part of the
effect it carries (``E - E_m``, with a paired 95 % interval). ``summary`` says it in
sentences: per headline outcome whose effect is clear (its interval excludes 0), the
mechanisms that carry most of it. The figure is ``Explanation.figure`` itself (the PNG
``samenspel explain`` writes), in the session's language.
"""

from __future__ import annotations

import base64
import io

import solara

from ..explain import Explanation, mechanism_label, outcome_label
from . import i18n
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
    png = solara.use_memo(lambda: figure_png(expl, lang), [id(expl), lang])
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
    data = base64.b64encode(png).decode()
    solara.HTML(
        tag="div",
        unsafe_innerHTML=(
            f'<img src="data:image/png;base64,{data}" alt="{t("why_title")}" '
            'style="max-width:100%;height:auto" class="samenspel-why-figure">'
        ),
    )
    solara.FileDownload(
        lambda: expl.table.to_csv(index=False),
        f"explain_{expl.scenario.name}_{expl.base.name}.csv",
        label=t("dl_explain"),
        mime_type="text/csv",
    )
