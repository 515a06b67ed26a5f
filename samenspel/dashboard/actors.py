"""Inspecting one actor: click a node of the network, read its state.

The network is drawn as SVG text (``network.py``); ``NetworkView`` shows it in the
browser and reports a click on a node (``data-actor``, the actor's row in
``model.actors``) back to Python. ``describe`` reads that actor's state from the
model, as it is this week: side and kind, knowledge logic, view of what informal
parties can carry, regard for the other side, in-group identification, felt threat,
goal uncertainty, load against capacity, and its strongest ties.
"""

from __future__ import annotations

from typing import Any

import ipyvue
import numpy as np
import solara
import traitlets

from . import i18n, session
from .i18n import t

STRONGEST = 3
"""Ties listed per actor."""


class NetworkView(ipyvue.VueTemplate):
    """The network SVG; a click on a node sets ``session.picked`` to the actor's row."""

    template = traitlets.Unicode(
        """<template>
  <div class="samenspel-network-box" v-html="svg" @click="clicked" style="cursor:pointer"></div>
</template>
<script>
module.exports = {
  methods: {
    clicked(event) {
      const node = event.target.closest('[data-actor]');
      if (node) { this.pick(+node.dataset.actor); }
    },
  },
};
</script>"""
    ).tag(sync=True)
    svg = traitlets.Unicode("").tag(sync=True)

    def vue_pick(self, data: Any) -> None:
        """Called from the browser with the clicked actor's row: show it, mark it."""
        session.picked.set(int(data))
        current = session.run.value
        if current is not None and not session.playing.value:
            session.publish(current)  # redraw the network with the actor marked


def _side(code: int) -> str:
    return i18n.pick(
        *{0: ("formeel", "formal"), 1: ("informeel", "informal")}.get(
            int(code), ("tussenpersoon", "intermediary")
        )
    )


def describe(model: Any, i: int) -> list[tuple[str, str]]:
    """The state of actor ``i`` as (label, value) pairs in the session's language."""
    a = model.actors
    n = len(a.kind)
    if not 0 <= i < n:
        return []
    num = i18n.number
    rows = [
        (t("actor_kind"), f"{i18n.kind(int(a.kind[i]))} · {_side(a.side[i])}"),
        (t("actor_logic"), num(float(a.knowledge[i]), 2)),
        (t("actor_role_view"), num(float(a.role_view[i]), 2)),
        (t("actor_regard"), num(float(a.regard[i]), 2)),
        (t("actor_ingroup"), num(float(a.ingroup[i]), 2)),
        (t("actor_threat"), num(float(a.threat[i]), 2)),
        (t("actor_uncertainty"), num(float(a.uncertainty[i]), 2)),
        (t("actor_load"), f"{num(float(a.load[i]), 0)} / {num(float(a.capacity[i]), 0)}"),
    ]
    others = np.arange(n)
    fam = np.asarray(model.ties.get(np.full(n, i), others), dtype=float)
    fam[i] = -1.0
    best = [j for j in np.argsort(-fam)[:STRONGEST] if fam[j] > 0]
    ties = "; ".join(f"{i18n.kind(int(a.kind[j]))} #{j} ({num(float(fam[j]), 2)})" for j in best)
    rows.append((t("actor_ties"), ties or "-"))
    return rows


@solara.component
def ActorCard(model: Any, week: int) -> None:
    """What the clicked actor is like this week (nothing until a node is clicked)."""
    i = session.picked.value
    if i < 0:
        solara.Text(
            t("actor_hint"), style={"display": "block", "font-size": "0.9em", "color": "#444"}
        )
        return
    rows = describe(model, i)
    if not rows:
        return
    cells = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    solara.HTML(
        tag="div",
        unsafe_innerHTML=f"<b>{t('actor_title', i=i, week=week)}</b>"
        f'<table class="samenspel-actor-card" style="font-size:14px">{cells}</table>',
    )
