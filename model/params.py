"""Parameter declarations: the one place where every model parameter is defined.

Each parameter is declared once, with its type, default, unit, allowed range (or
choices), an English and a Dutch label, a one-line meaning and the group it belongs
to (a context trait, one of the three o's, identity, capacity, or a mechanism
constant). Validation, the CLI's ``--set``, the dashboard's sliders and sweep bounds
all read these declarations.

The defaults describe a big-city district (the Amsterdam areas of the study). The
``context`` parameter selects a preset for the context traits (``city`` or
``town``); explicit values always win over the preset.
"""

from __future__ import annotations

import difflib
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np


class ParameterError(ValueError):
    """A parameter name or value is not allowed; the message is one readable line."""


@dataclass(frozen=True)
class Param:
    """Declaration of one model parameter.

    Attributes:
        name: Identifier used in code, TOML files and ``--set name=value``.
        type: ``int``, ``float``, ``bool`` or ``str``.
        default: Value for a big-city district with no intervention.
        unit: Unit of measurement, or ``""`` if dimensionless.
        low: Lowest allowed value (numbers only).
        high: Highest allowed value (numbers only).
        choices: Allowed values (strings only).
        label_en: Short English label.
        label_nl: Short Dutch label.
        meaning: One line on what the parameter means in the model.
        group: Where it belongs: context, unfamiliarity, disagreement, goals,
            identity, capacity, mechanism.

    """

    name: str
    type: type
    default: Any
    unit: str
    low: float | None
    high: float | None
    choices: tuple[str, ...] | None
    label_en: str
    label_nl: str
    meaning: str
    group: str
    meaning_nl: str

    def allowed(self) -> str:
        """Describe the allowed values in a few words."""
        if self.choices is not None:
            return "one of " + ", ".join(self.choices)
        if self.type is bool:
            return "true or false"
        kind = "an integer" if self.type is int else "a number"
        return f"{kind} from {_fmt(self.low)} to {_fmt(self.high)}"

    def check(self, value: Any, where: str = "") -> Any:
        """Return ``value`` converted to this parameter's type, or raise.

        Args:
            value: The given value (a string from the command line is parsed).
            where: Prefix for the error message, e.g. a file name.

        Raises:
            ParameterError: If the value has the wrong type or lies out of range.

        """
        prefix = f"{where}: " if where else ""
        bad = ParameterError(
            f"{prefix}parameter '{self.name}' must be {self.allowed()}, got {value!r}"
        )
        if isinstance(value, str) and self.type is not str:
            value = _parse(value, self.type)
            if value is None:
                raise bad
        if self.type is bool:
            if not isinstance(value, bool):
                raise bad
            return value
        if self.type is str:
            if not isinstance(value, str) or value not in (self.choices or ()):
                raise bad
            return value
        if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
            raise bad
        try:
            number = float(value)
        except (OverflowError, ValueError):
            raise bad from None
        if number != number or not (self.low <= number <= self.high):  # NaN, out of range
            raise bad
        if self.type is int:
            if not number.is_integer():
                raise bad
            return int(value)
        return number


def _fmt(x: float | None) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


def _parse(text: str, typ: type) -> Any:
    text = text.strip()
    if typ is bool:
        return {"true": True, "false": False, "1": True, "0": False, "yes": True,
                "no": False, "ja": True, "nee": False}.get(text.lower())
    try:
        return int(text) if typ is int else float(text)
    except ValueError:
        try:
            return float(text) if typ is int else None
        except ValueError:
            return None


def _p(name, typ, default, unit, rng, en, nl, meaning, group, meaning_nl) -> Param:
    if typ is str:
        return Param(name, typ, default, unit, None, None, tuple(rng), en, nl, meaning, group,
                     meaning_nl)
    low, high = rng if rng else (None, None)
    return Param(name, typ, default, unit, low, high, None, en, nl, meaning, group,
                 meaning_nl)


MODELS = ("unclear", "accessibility", "accessibility_plus", "civil_society", "no_governance")

_DECLARATIONS = [
    # --- context: what kind of neighbourhood -------------------------------------
    _p("context", str, "city", "", ("city", "town"), "Context", "Context",
       "Preset for the context traits: big-city district or small town.", "context",
       "Voorinstelling voor de contextkenmerken: grootstedelijke wijk of kleinere stad."),
    _p("n_areas", int, 1, "areas", (1, 500), "Wijkteam areas", "Wijkteamgebieden",
       "Wijkteam areas side by side; the counts below are per area.", "context",
       "Wijkteamgebieden naast elkaar; de aantallen hieronder gelden per gebied."),
    _p("areas_per_district", int, 5, "areas", (1, 100), "Areas per district",
       "Gebieden per stadsdeel",
       "Areas sharing a district's coordinators and district-wide organisations.",
       "context",
       "Gebieden die de coördinatoren en stadsdeelbrede organisaties van een stadsdeel delen."),
    _p("shared_organisations", float, 0.3, "share", (0.0, 1.0),
       "District-wide organisations", "Stadsdeelbrede organisaties",
       "Share of residents' organisations working for the whole district.", "context",
       "Aandeel bewonersorganisaties dat voor het hele stadsdeel werkt."),
    _p("n_households", int, 1000, "households", (10, 200_000), "Households",
       "Huishoudens", "Households per wijkteam area.", "context",
       "Huishoudens in het werkgebied van het wijkteam."),
    _p("n_professionals", int, 20, "persons", (1, 10_000), "Professionals",
       "Professionals", "Wijkteam professionals per area (one team).", "context",
       "Wijkteamprofessionals die in het gebied werken."),
    _p("n_volunteers", int, 50, "persons", (0, 50_000), "Volunteers",
       "Vrijwilligers", "Volunteers attached to volunteer organisations.", "context",
       "Vrijwilligers, verbonden aan vrijwilligersorganisaties."),
    _p("n_coordinators", int, 4, "persons", (0, 5_000), "Coordinators",
       "Coördinatoren", "Volunteer coordinators and kwartiermakers (intermediaries).",
       "context",
       "Vrijwilligerscoördinatoren en kwartiermakers (intermediairs)."),
    _p("n_organisations", int, 14, "organisations", (0, 10_000),
       "Residents' organisations", "Bewonersorganisaties",
       "Residents' and migrant self-organisations (their key figures act).", "context",
       "Bewoners- en migrantenzelforganisaties (hun sleutelfiguren handelen)."),
    _p("problem_rate", float, 0.006, "per household per week", (0.0, 0.2),
       "Problem onset rate", "Kans op nieuw probleem",
       "Weekly chance (times vulnerability) a household without a need gets one.",
       "context",
       "Wekelijkse kans (maal kwetsbaarheid) dat een huishouden zonder hulpvraag er een krijgt."),
    _p("problem_severity", float, 0.55, "0-1", (0.0, 1.0), "Problem severity",
       "Zwaarte problematiek",
       "Mean severity of a new need (heavy, concentrated problems in the city).",
       "context",
       "Gemiddelde zwaarte van een nieuwe hulpvraag (zwaar en geconcentreerd in de stad)."),
    _p("anonymity", float, 0.45, "share", (0.0, 1.0), "Anonymity", "Anonimiteit",
       "Share of households with no tie to any informal actor.", "context",
       "Aandeel huishoudens zonder band met een informele actor."),
    _p("migrant_share", float, 0.45, "share", (0.0, 1.0), "Migrant share",
       "Aandeel migranten",
       "Share of households (and of organisations) with a migrant background.",
       "context",
       "Aandeel huishoudens (en organisaties) met een migratieachtergrond."),
    _p("org_diversity", float, 0.8, "0-1", (0.0, 1.0), "Diversity of organisations",
       "Diversiteit organisaties",
       "Spread of logics and continuity among informal actors (the patchwork).",
       "context",
       "Spreiding van logica's en continuïteit onder informele actoren (de lappendeken)."),
    _p("preexisting_ties", float, 0.04, "share of pairs", (0.0, 1.0),
       "Pre-existing ties", "Bestaande contacten",
       "Share of formal-informal pairs that already know each other at the start.",
       "context",
       "Aandeel formeel-informele paren dat elkaar bij de start al kent."),
    _p("civic_activity", float, 0.7, "0-1", (0.0, 1.0), "Civic activity",
       "Actieve civil society",
       "How active local civil society is; low means it stays quiet.", "context",
       "Hoe actief de lokale civil society is; laag betekent dat ze zich stil houdt."),
    # --- onbekendheid (unfamiliarity) levers ------------------------------------------
    _p("wijktafels_per_year", float, 0.0, "meetings per year", (0.0, 52.0),
       "Wijktafels per year", "Wijktafels per jaar",
       "Network meetings of formal and informal actors, organised by coordinators.",
       "unfamiliarity",
       "Netwerkbijeenkomsten van formele en informele actoren, georganiseerd door coördinatoren."),
    _p("wijktafel_attract_formal", float, 0.5, "probability", (0.0, 1.0),
       "Attractiveness for professionals", "Aantrekkelijk voor professionals",
       "Chance that a professional with time attends a wijktafel.", "unfamiliarity",
       "Kans dat een professional met tijd naar een wijktafel komt."),
    _p("wijktafel_attract_informal", float, 0.5, "probability", (0.0, 1.0),
       "Attractiveness for informal actors", "Aantrekkelijk voor informelen",
       "Chance that an informal actor attends a wijktafel.", "unfamiliarity",
       "Kans dat een informele actor naar een wijktafel komt."),
    _p("wijktafel_cultural_sensitivity", float, 0.3, "0-1", (0.0, 1.0),
       "Culturally sensitive format", "Cultuursensitieve opzet",
       "How far the meeting format welcomes migrant self-organisations.",
       "unfamiliarity",
       "Hoe welkom de opzet van de bijeenkomst migrantenzelforganisaties maakt."),
    _p("cultural_sensitivity_training", float, 0.0, "0-1", (0.0, 1.0),
       "Cultural-sensitivity training", "Training cultuursensitiviteit",
       "Raises professionals' cultural sensitivity; narrows migrants' trust gap.",
       "unfamiliarity",
       "Verhoogt de cultuursensitiviteit van professionals; verkleint het "
       "vertrouwensverschil bij migranten."),
    # --- onenigheid (disagreement) levers ----------------------------------------------
    _p("reflection_per_year", float, 0.0, "sessions per year", (0.0, 52.0),
       "Case reflection per year", "Casusreflectie per jaar",
       "Facilitated joint reflection on shared cases (social reflection).",
       "disagreement",
       "Begeleide gezamenlijke reflectie op gedeelde casussen (sociale reflectie)."),
    _p("reflection_safety", float, 0.5, "0-1", (0.0, 1.0), "Safety of reflection",
       "Veiligheid van reflectie",
       "How safe the setting is to voice criticism; unsafe sessions hurt regard.",
       "disagreement",
       "Hoe veilig de setting is om kritiek te uiten; onveilige sessies schaden de waardering."),
    _p("chair_training", float, 0.0, "0-1", (0.0, 1.0), "Coordinators trained as chairs",
       "Coördinatoren getraind als voorzitter",
       "Expert support that makes coordinators chairs who make us-them discussable.",
       "disagreement",
       "Deskundige ondersteuning die coördinatoren voorzitters maakt die wij-zij-denken "
       "bespreekbaar maken."),
    # --- onbestemdheid (unclear goals) levers -----------------------------------------
    _p("hybridisation_model", str, "unclear", "", MODELS, "Hybridisation model",
       "Hybridiseringsmodel",
       "The municipality's end goal for formal-informal cooperation.", "goals",
       "Het einddoel van de gemeente voor formeel-informele samenwerking."),
    _p("goal_clarity", float, 0.5, "0-1", (0.0, 1.0), "Goal clarity", "Helderheid doelen",
       "How explicitly the chosen model and its roles are spelled out.", "goals",
       "Hoe expliciet het gekozen model en de rollen zijn uitgewerkt."),
    _p("hybridisation_push", float, 0.6, "0-1", (0.0, 1.0), "Push for hybridisation",
       "Druk op hybridisering",
       "How hard policy calls for cooperation (which can trigger distinction).",
       "goals",
       "Hoe hard het beleid oproept tot samenwerking (wat distinctie kan uitlokken)."),
    _p("interplay", str, "wijkteam", "", ("wijkteam", "sociale_basis"),
       "Where the interplay sits", "Plek van het samenspel",
       "Formal-informal interplay organised at the wijkteam or the sociale basis.",
       "goals",
       "Samenspel formeel-informeel georganiseerd in het wijkteam of in de sociale basis."),
    # --- capacity --------------------------------------------------------------------
    _p("caseload_capacity", float, 5.0, "cases per professional", (1.0, 100.0),
       "Caseload capacity", "Caseloadruimte",
       "Cases a professional can hold and still have time for contact.", "capacity",
       "Casussen die een professional kan dragen en toch tijd houdt voor contact."),
    _p("hybrid_worker_share", float, 0.0, "share", (0.0, 1.0), "Hybrid workers",
       "Hybride werkers",
       "Share of professionals combining casework and communitywork.", "capacity",
       "Aandeel professionals dat casework en communitywork combineert."),
    _p("coordinator_capacity", int, 8, "cases per coordinator", (0, 1000),
       "Coordinator capacity", "Capaciteit coördinator",
       "Cases a coordinator can link at the same time.", "capacity",
       "Casussen die een coördinator tegelijk kan koppelen."),
    _p("volunteer_hours", float, 4.0, "hours per week", (0.5, 40.0), "Volunteer hours",
       "Uren vrijwilliger", "Hours a volunteer gives; two hours carry one case.",
       "capacity",
       "Uren die een vrijwilliger geeft; twee uur draagt één casus."),
    # --- mechanism constants -----------------------------------------------------------
    _p("familiarity_decay", float, 0.005, "per week", (0.0, 1.0), "Familiarity decay",
       "Verval bekendheid",
       "Weekly familiarity loss without contact, at anonymity 0.5 (x 2 anonymity).",
       "mechanism",
       "Wekelijks verlies aan bekendheid zonder contact, bij anonimiteit 0,5 (x 2 anonimiteit)."),
    _p("contact_gain", float, 0.15, "per contact", (0.0, 1.0), "Familiarity from contact",
       "Bekendheid door contact",
       "Share of the remaining gap in familiarity closed by one week of contact.",
       "mechanism",
       "Deel van het resterende verschil in bekendheid dat één week contact dichtmaakt."),
    _p("regard_gain", float, 0.04, "per event", (0.0, 1.0), "Regard gain", "Winst in waardering",
       "Share of the remaining room in regard gained by one good contact.", "mechanism",
       "Deel van de resterende ruimte in waardering dat één goed contact oplevert."),
    _p("negativity_bias", float, 2.0, "ratio", (1.0, 10.0), "Negativity bias",
       "Negativiteitsbias", "How much more a bad contact weighs than a good one.",
       "mechanism",
       "Hoeveel zwaarder een slecht contact weegt dan een goed."),
    _p("threat_rate", float, 0.01, "per week", (0.0, 1.0), "Identity threat",
       "Identiteitsdreiging",
       "Weekly pull of push times goal uncertainty on in-group identification.",
       "mechanism",
       "Wekelijkse trek van druk maal onbestemdheid aan de identificatie met de eigen groep."),
    _p("clash_rate", float, 0.06, "per week", (0.0, 1.0), "Clash rate", "Kans op botsing",
       "Weekly chance, per unit of disagreement, that joint work on a case clashes.",
       "mechanism",
       "Wekelijkse kans, per eenheid onenigheid, dat samenwerken op een casus botst."),
    _p("reflection_gain", float, 0.25, "per session", (0.0, 1.0), "Reflection gain",
       "Effect van reflectie",
       "Share of the gap between participants' logics closed by a safe session.",
       "mechanism",
       "Deel van het verschil tussen de logica's van deelnemers dat een veilige sessie "
       "dichtmaakt."),
    _p("need_growth", float, 0.02, "per week", (0.0, 1.0), "Need growth",
       "Groei problematiek", "Half the weekly growth of a need without any support.",
       "mechanism",
       "De helft van de wekelijkse groei van een hulpvraag zonder enige steun."),
]

PARAMS: dict[str, Param] = {p.name: p for p in _DECLARATIONS}

# Context presets: values of the context traits for a big-city district and a small
# town. The city preset equals the declared defaults.
CONTEXTS: dict[str, dict[str, Any]] = {
    "city": {},
    "town": {
        "n_organisations": 8,
        "problem_severity": 0.42,
        "anonymity": 0.2,
        "migrant_share": 0.12,
        "org_diversity": 0.35,
        "preexisting_ties": 0.25,
        "civic_activity": 0.75,
    },
}
CONTEXTS["city"] = {k: PARAMS[k].default for k in CONTEXTS["town"]}


# Scales for ``samenspel run --scale``: one wijkteam area, or a whole city of 50 areas
# in 10 districts (about 4,400 actors and 50,000 households).
SCALES: dict[str, dict[str, Any]] = {
    "neighbourhood": {},
    "city": {"n_areas": 50, "areas_per_district": 5},
}


def defaults() -> dict[str, Any]:
    """Return the default value of every parameter (a big-city district)."""
    return {name: p.default for name, p in PARAMS.items()}


def resolve(values: Mapping[str, Any] | None = None, where: str = "") -> dict[str, Any]:
    """Validate ``values`` and complete them with the context preset and defaults.

    Args:
        values: Parameter values by name; strings are parsed to the declared type.
        where: Prefix naming the source (a file) for error messages.

    Returns:
        A complete, validated dictionary of all parameters.

    Raises:
        ParameterError: On an unknown name or a value outside the declaration.

    """
    values = dict(values or {})
    prefix = f"{where}: " if where else ""
    for name in values:
        if name not in PARAMS:
            close = difflib.get_close_matches(name, PARAMS, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ParameterError(
                f"{prefix}unknown parameter {name!r} (given {values[name]!r}); {hint}"
                "'samenspel params' lists the allowed names"
            )
    checked = {name: PARAMS[name].check(v, where) for name, v in values.items()}
    out = defaults()
    out.update(CONTEXTS[checked.get("context", out["context"])])
    out.update(checked)
    return out
