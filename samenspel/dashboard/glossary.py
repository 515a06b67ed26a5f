"""Words for everything: the glossary (NL/EN) and the info buttons that open it.

One place defines the five case modes, the three o's, the gauges and the terms of the
comparison, each with the denominator of every share. Every chart and every lever has
an info button (``InfoButton``) that shows the definitions of its terms, with a link
to the whole glossary (the Glossary page, ``/glossary``), which also lists every
lever with its meaning from the parameter declarations.
"""

from __future__ import annotations

from collections.abc import Sequence

import solara

from ..model.params import PARAMS
from . import i18n, layout
from .i18n import t

TERMS: dict[str, tuple[str, str, str, str]] = {
    # key -> (Dutch term, English term, Dutch definition, English definition)
    "open_cases": (
        "open casussen",
        "open cases",
        "Huishoudens met een hulpvraag die deze week loopt. Alle weekaandelen op de pagina "
        "Verkennen zijn aandelen van de open casussen van die week.",
        "Households with a need for help that is open this week. Every weekly share on the "
        "Explore page is a share of that week's open cases.",
    ),
    "share_coproduction": (
        "coproductie",
        "co-production",
        "Een casus waarin een professional en een informele partij rechtstreeks contact over "
        "het huishouden hebben gehad. Op Verkennen: % van de open casussen; in de staven van "
        "Vergelijken: % van alle casussen van de run.",
        "A case in which a professional and an informal party have been in direct contact "
        "about the household. On Explore: % of open cases; in the Compare bars: % of all "
        "cases of the run.",
    ),
    "share_intermediated": (
        "via intermediair",
        "intermediated",
        "Beide kanten helpen, en hun contact loopt via een vrijwilligerscoördinator of "
        "kwartiermaker. Zelfde noemers als coproductie.",
        "Both sides help, and their contact runs through a volunteer coordinator or "
        "kwartiermaker. Same denominators as co-production.",
    ),
    "share_coexistence": (
        "co-existentie",
        "co-existence",
        "Beide kanten helpen hetzelfde huishouden, zonder enig contact met elkaar: twee "
        "parallelle werelden. Zelfde noemers als coproductie.",
        "Both sides help the same household without any contact with each other: two "
        "parallel worlds. Same denominators as co-production.",
    ),
    "share_formal_only": (
        "alleen formeel",
        "formal only",
        "Alleen professionals helpen. Zelfde noemers als coproductie.",
        "Only professionals help. Same denominators as co-production.",
    ),
    "share_informal_only": (
        "alleen informeel",
        "informal only",
        "Alleen informele partijen helpen (vrijwilligers, organisaties). Zelfde noemers.",
        "Only informal parties help (volunteers, organisations). Same denominators.",
    ),
    "regime": (
        "regime",
        "regime",
        "De grootste van de drie vormen waarin beide kanten helpen (co-existentie, via "
        "intermediair, coproductie), gemiddeld over het laatste jaar, als aandeel van de "
        "open casussen.",
        "The largest of the three modes in which both sides help (co-existence, "
        "intermediated, co-production), averaged over the last year, as a share of the "
        "open cases.",
    ),
    "familiarity": (
        "bekendheid (tegen onbekendheid)",
        "familiarity (against unfamiliarity)",
        "Hoe goed professionals en informele partijen in hetzelfde gebied elkaar kennen: "
        "gemiddelde over alle formeel-informele paren, van 0 (onbekend) tot 1.",
        "How well professionals and informal parties in the same area know each other: the "
        "mean over all formal-informal pairs, from 0 (strangers) to 1.",
    ),
    "felt_disagreement": (
        "gevoelde onenigheid",
        "felt disagreement",
        "Het verschil in logica (wat een casus nodig heeft, welke kennis telt) tussen de "
        "kanten, verzacht door erkenning na veilige reflectie; 0 tot 1.",
        "The difference in logics (what a case needs, which knowledge counts) between the "
        "sides, softened by recognition after safe reflection; 0 to 1.",
    ),
    "goal_uncertainty": (
        "onbestemdheid",
        "goal uncertainty (onbestemdheid)",
        "Hoe onduidelijk het doel van de samenwerking is voor de actoren (geen expliciet "
        "hybridiseringsmodel); gemiddelde van 0 (helder) tot 1.",
        "How unclear the goal of cooperation is to the actors (no explicit hybridisation "
        "model); mean from 0 (clear) to 1.",
    ),
    "regard": (
        "waardering (wij-zij)",
        "regard (us-them)",
        "Hoe positief de ene kant over de andere denkt, gemiddeld per kant, van 0 tot 1. "
        "Lage waardering is wij-zij-denken.",
        "How positively one side thinks of the other, mean per side, from 0 to 1. Low "
        "regard is us-them thinking.",
    ),
    "brokerage_share": (
        "aandeel via coördinatoren",
        "share through coordinators",
        "Van de open casussen waarin de kanten contact hebben: het deel dat via een "
        "coördinator loopt (via intermediair / (via intermediair + coproductie)).",
        "Of the open cases in which the sides are in contact: the part that runs through a "
        "coordinator (intermediated / (intermediated + co-production)).",
    ),
    "informal_uptake": (
        "informele inzet",
        "informal uptake",
        "Aandeel van alle casussen van de run waarin een informele partij helpt (alles "
        "behalve alleen formeel).",
        "Share of all cases of the run in which an informal party helps (all but formal only).",
    ),
    "instrumentalisations": (
        "instrumentalisering",
        "instrumentalisation",
        "Een professional schuift een casus naar een informele partij die meer vraagt dan "
        "die wil of kan dragen (aantal in de run).",
        "A professional pushes a case onto an informal party beyond what it wants or can "
        "carry (count over the run).",
    ),
    "late_escalations": (
        "te late opschaling",
        "late escalation",
        "Een casus die te lang bij een informele helper bleef en verergerde voordat hij bij "
        "professionele hulp kwam (aantal in de run).",
        "A case that stayed too long with an informal helper and worsened before it reached "
        "professional help (count over the run).",
    ),
    "referral": (
        "doorverwijzing",
        "referral",
        "Een informele helper vraagt een professional (direct of via een coördinator) om een "
        "casus over te nemen. Serieus genomen: de professional neemt hem op (erkenning, een "
        "goed contact voor beiden); niet serieus genomen: een slecht contact voor de helper, "
        "die het later opnieuw kan proberen. De kans is groter naarmate de professional de "
        "verwijzer beter kent en minder wij-zij-afstand voelt.",
        "An informal helper asks a professional (directly or through a coordinator) to take "
        "a case on. Taken seriously: the professional takes it (recognition, a good contact "
        "for both); dismissed: a bad contact for the helper, who may try again later. The "
        "chance is higher the better the professional knows the referrer and the less "
        "us-them distance the professional feels.",
    ),
    "strong_tie": (
        "sterke band",
        "strong tie",
        "Een paar dat elkaar goed kent: bekendheid op of boven de drempel voor sterke banden "
        "(parameter 'Sterke band', standaard 0,5). Het verhaal telt de banden tussen een professional en een informele partij die "
        "sterk worden (gegroeid) of onder de drempel zakken (vervaagd).",
        "A pair that knows each other well: familiarity at or above the strong-tie threshold "
        "(parameter strong_tie, 0.5 by default). The story counts the ties between a professional and an informal party that "
        "become strong (grown) or fall below the threshold (faded).",
    ),
    "discontinuity": (
        "discontinuïteit",
        "discontinuity",
        "Een professional sluit zijn deel van een gedeelde casus en laat de informele helper "
        "achter met meer dan hij kan of wil dragen (een slecht contact voor de helper).",
        "A professional closes its part of a shared case and leaves the informal helper with "
        "more than it can or wants to carry (a bad contact for the helper).",
    ),
    "ei_index": (
        "E-I-index",
        "E-I index",
        "Krackhardts index van sterke banden: (extern - intern) / totaal; -1 betekent alle "
        "sterke banden binnen de eigen kant.",
        "Krackhardt's index of strong ties: (external - internal) / total; -1 means every "
        "strong tie stays within one's own side.",
    ),
    "tie": (
        "band",
        "tie",
        "Bekendheid tussen twee actoren (0 tot 1). In het netwerk: ononderbroken "
        "vermiljoen tussen formeel en informeel, gestreept blauw met een coördinator, "
        "gestippeld grijs binnen één kant.",
        "Familiarity between two actors (0 to 1). In the network: solid vermillion between "
        "formal and informal, dashed blue with a coordinator, dotted grey within one side.",
    ),
    "confidence": (
        "95%-interval",
        "95 % interval",
        "Het gebied waarin het gemiddelde over veel herhalingen met 95% zekerheid ligt "
        "(t-interval over de herhalingen). Voor aantallen nooit onder 0 getekend.",
        "The range that holds the mean over many replicates with 95 % confidence (a "
        "t-interval over the replicates). Never drawn below 0 for counts.",
    ),
    "paired": (
        "gepaard verschil",
        "paired difference",
        "Scenario min referentie, per seed (dezelfde toevalsgetallen), gemiddeld; het "
        "interval is dat van de verschillen per seed.",
        "Scenario minus reference per seed (the same random numbers), averaged; the "
        "interval is that of the per-seed differences.",
    ),
    "seed": (
        "seed (toevalsgetal)",
        "seed",
        "Het startgetal van het toeval. Dezelfde seed en knoppen geven precies dezelfde run.",
        "The starting number of chance. The same seed and levers give exactly the same run.",
    ),
}

CHART_TERMS: dict[str, tuple[str, ...]] = {
    "regime": ("regime", "open_cases", "share_coexistence", "share_intermediated"),
    "modes": ("share_coproduction", "share_intermediated", "open_cases"),
    "one-side": ("share_coexistence", "share_formal_only", "share_informal_only", "open_cases"),
    "familiarity": ("familiarity",),
    "disagreement": ("felt_disagreement",),
    "goals": ("goal_uncertainty",),
    "regard": ("regard",),
    "network": ("tie",),
    "bars": ("confidence", "share_coproduction", "late_escalations", "instrumentalisations"),
    "curves": ("confidence", "open_cases"),
    "diff": ("paired", "confidence"),
    "story": (
        "regime",
        "strong_tie",
        "referral",
        "late_escalations",
        "instrumentalisations",
        "discontinuity",
    ),
}
"""The terms each chart needs (keys of ``TERMS``)."""


def term(key: str) -> tuple[str, str]:
    """A term and its definition in the session's language."""
    dutch, english, def_nl, def_en = TERMS[key]
    return (dutch, def_nl) if i18n.nl() else (english, def_en)


def terms_html(keys: Sequence[str]) -> str:
    """Definitions of ``keys`` as an HTML list."""
    items = []
    for key in keys:
        name, meaning = term(key)
        items.append(f"<li><b>{name}</b>: {meaning}</li>")
    return '<ul style="margin:0;padding-left:18px">' + "".join(items) + "</ul>"


@solara.component
def InfoButton(keys: Sequence[str], label: str, text: str = "") -> None:
    """An (i) button that shows the definitions of ``keys`` (and ``text``) in place."""
    shown, set_shown = solara.use_state(False)
    solara.Button(
        icon_name="mdi-information-outline",
        icon=True,
        small=True,
        on_click=lambda: set_shown(not shown),
        classes=["samenspel-info-btn"],
        attributes={"aria-label": label, "aria-expanded": "true" if shown else "false"},
    )
    if shown:
        body = (f"<p style='margin:0 0 4px 0'>{text}</p>" if text else "") + terms_html(keys)
        with solara.Div(
            classes=["samenspel-info"],
            style={
                "background": "#fffdf3",
                "border": "1px solid #d9c77a",
                "padding": "6px 10px",
                "margin": "4px 0",
                "font-size": "14px",
            },
        ):
            solara.HTML(tag="div", unsafe_innerHTML=body)
            with solara.Row(gap="8px"):
                solara.Button(t("close"), text=True, small=True, on_click=lambda: set_shown(False))
                with solara.Link("/glossary"):
                    solara.Button(t("glossary_all"), text=True, small=True)


@solara.component
def Page() -> None:
    """The Glossary page: every term, then every lever by group."""
    layout.PageTitle("nav_glossary")
    with solara.Column(style={"max-width": "980px", "padding": "12px"}):
        with solara.Card(t("nav_glossary"), classes=["samenspel-glossary"]):
            solara.HTML(tag="div", unsafe_innerHTML=terms_html(list(TERMS)))
        groups: dict[str, list[str]] = {}
        for p in PARAMS.values():
            groups.setdefault(p.group, []).append(p.name)
        with solara.Card(t("levers"), classes=["samenspel-glossary-levers"]):
            for g in i18n.GROUP_ORDER:
                if g not in groups:
                    continue
                items = "".join(
                    f"<li><b>{i18n.label(PARAMS[n])}</b>: {i18n.meaning(PARAMS[n])}</li>"
                    for n in groups[g]
                )
                solara.HTML(
                    tag="div",
                    unsafe_innerHTML=f"<h4 style='margin:8px 0 2px'>{i18n.group(g)}</h4>"
                    f"<ul style='margin:0;padding-left:18px'>{items}</ul>",
                )
