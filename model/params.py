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
            capacity (the policy levers), mechanism (constants of the model's
            rules), initial (starting dispositions), switch (a mechanism on or off,
            for knock-out analysis).
        meaning_nl: The meaning in Dutch.
        source: Where the value comes from: a passage of the research, the
            literature, or "assumption" (then sensitivity analysis shows what
            hangs on it).

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
    source: str = ""

    @property
    def is_lever(self) -> bool:
        """True for a policy lever (a parameter a scenario may change over time)."""
        return self.group in LEVER_GROUPS

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
        # bool is refused where a number is meant; numpy's bool_ is no numbers.Real either
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
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
        return {
            "true": True,
            "false": False,
            "1": True,
            "0": False,
            "yes": True,
            "no": False,
            "ja": True,
            "nee": False,
        }.get(text.lower())
    try:
        return int(text) if typ is int else float(text)
    except ValueError:
        try:
            return float(text) if typ is int else None
        except ValueError:
            return None


def _p(name, typ, default, unit, rng, en, nl, meaning, group, meaning_nl, source="") -> Param:
    if typ is str:
        return Param(
            name,
            typ,
            default,
            unit,
            None,
            None,
            tuple(rng),
            en,
            nl,
            meaning,
            group,
            meaning_nl,
            source,
        )
    low, high = rng if rng else (None, None)
    return Param(
        name, typ, default, unit, low, high, None, en, nl, meaning, group, meaning_nl, source
    )


def _m(
    name, default, unit, rng, en, nl, meaning, meaning_nl, source, group="mechanism", typ=float
) -> Param:
    """Declare a mechanism constant (or a starting disposition) with its source."""
    return _p(name, typ, default, unit, rng, en, nl, meaning, group, meaning_nl, source)


def _switch(name, en, nl, meaning, meaning_nl) -> Param:
    """Declare a mechanism switch (on by default; off for knock-out analysis)."""
    return _p(
        name,
        bool,
        True,
        "",
        None,
        en,
        nl,
        meaning,
        "switch",
        meaning_nl,
        "knock-out analysis (samenspel explain)",
    )


LEVER_GROUPS = ("unfamiliarity", "disagreement", "goals", "capacity")
ASSUMPTION = "assumption"


MODELS = ("unclear", "accessibility", "accessibility_plus", "civil_society", "no_governance")

_DECLARATIONS = [
    # --- context: what kind of neighbourhood -------------------------------------
    _p(
        "context",
        str,
        "city",
        "",
        ("city", "town"),
        "Context",
        "Context",
        "Preset for the context traits: big-city district or small town.",
        "context",
        "Voorinstelling voor de contextkenmerken: grootstedelijke wijk of kleinere stad.",
    ),
    _p(
        "n_areas",
        int,
        1,
        "areas",
        (1, 500),
        "Wijkteam areas",
        "Wijkteamgebieden",
        "Wijkteam areas side by side; the counts below are per area.",
        "context",
        "Wijkteamgebieden naast elkaar; de aantallen hieronder gelden per gebied.",
    ),
    _p(
        "areas_per_district",
        int,
        5,
        "areas",
        (1, 100),
        "Areas per district",
        "Gebieden per stadsdeel",
        "Areas sharing a district's coordinators and district-wide organisations.",
        "context",
        "Gebieden die de coördinatoren en stadsdeelbrede organisaties van een stadsdeel delen.",
    ),
    _p(
        "shared_organisations",
        float,
        0.3,
        "share",
        (0.0, 1.0),
        "District-wide organisations",
        "Stadsdeelbrede organisaties",
        "Share of residents' organisations working for the whole district.",
        "context",
        "Aandeel bewonersorganisaties dat voor het hele stadsdeel werkt.",
    ),
    _p(
        "n_households",
        int,
        1000,
        "households",
        (10, 200_000),
        "Households",
        "Huishoudens",
        "Households per wijkteam area.",
        "context",
        "Huishoudens in het werkgebied van het wijkteam.",
    ),
    _p(
        "n_professionals",
        int,
        20,
        "persons",
        (1, 10_000),
        "Professionals",
        "Professionals",
        "Wijkteam professionals per area (one team).",
        "context",
        "Wijkteamprofessionals die in het gebied werken.",
    ),
    _p(
        "n_volunteers",
        int,
        50,
        "persons",
        (0, 50_000),
        "Volunteers",
        "Vrijwilligers",
        "Volunteers attached to volunteer organisations.",
        "context",
        "Vrijwilligers, verbonden aan vrijwilligersorganisaties.",
    ),
    _p(
        "n_coordinators",
        int,
        4,
        "persons",
        (0, 5_000),
        "Coordinators",
        "Coördinatoren",
        "Volunteer coordinators and kwartiermakers (intermediaries).",
        "context",
        "Vrijwilligerscoördinatoren en kwartiermakers (intermediairs).",
    ),
    _p(
        "n_organisations",
        int,
        14,
        "organisations",
        (0, 10_000),
        "Residents' organisations",
        "Bewonersorganisaties",
        "Residents' and migrant self-organisations (their key figures act).",
        "context",
        "Bewoners- en migrantenzelforganisaties (hun sleutelfiguren handelen).",
    ),
    _p(
        "problem_rate",
        float,
        0.006,
        "per household per week",
        (0.0, 0.2),
        "Problem onset rate",
        "Kans op nieuw probleem",
        "Weekly chance (times vulnerability) a household without a need gets one.",
        "context",
        "Wekelijkse kans (maal kwetsbaarheid) dat een huishouden zonder hulpvraag er een krijgt.",
    ),
    _p(
        "problem_severity",
        float,
        0.55,
        "0-1",
        (0.0, 1.0),
        "Problem severity",
        "Zwaarte problematiek",
        "Mean severity of a new need (heavy, concentrated problems in the city).",
        "context",
        "Gemiddelde zwaarte van een nieuwe hulpvraag (zwaar en geconcentreerd in de stad).",
    ),
    _p(
        "anonymity",
        float,
        0.45,
        "share",
        (0.0, 1.0),
        "Anonymity",
        "Anonimiteit",
        "Share of households with no tie to any informal actor.",
        "context",
        "Aandeel huishoudens zonder band met een informele actor.",
    ),
    _p(
        "migrant_share",
        float,
        0.45,
        "share",
        (0.0, 1.0),
        "Migrant share",
        "Aandeel migranten",
        "Share of households (and of organisations) with a migrant background.",
        "context",
        "Aandeel huishoudens (en organisaties) met een migratieachtergrond.",
    ),
    _p(
        "org_diversity",
        float,
        0.8,
        "0-1",
        (0.0, 1.0),
        "Diversity of organisations",
        "Diversiteit organisaties",
        "Spread of logics and continuity among informal actors (the patchwork).",
        "context",
        "Spreiding van logica's en continuïteit onder informele actoren (de lappendeken).",
    ),
    _p(
        "preexisting_ties",
        float,
        0.04,
        "share of pairs",
        (0.0, 1.0),
        "Pre-existing ties",
        "Bestaande contacten",
        "Share of formal-informal pairs that already know each other at the start.",
        "context",
        "Aandeel formeel-informele paren dat elkaar bij de start al kent.",
    ),
    _p(
        "civic_activity",
        float,
        0.7,
        "0-1",
        (0.0, 1.0),
        "Civic activity",
        "Actieve civil society",
        "How active local civil society is; low means it stays quiet.",
        "context",
        "Hoe actief de lokale civil society is; laag betekent dat ze zich stil houdt.",
    ),
    # --- onbekendheid (unfamiliarity) levers ------------------------------------------
    _p(
        "wijktafels_per_year",
        float,
        0.0,
        "meetings per year",
        (0.0, 52.0),
        "Wijktafels per year",
        "Wijktafels per jaar",
        "Network meetings of formal and informal actors, organised by coordinators.",
        "unfamiliarity",
        "Netwerkbijeenkomsten van formele en informele actoren, georganiseerd door coördinatoren.",
    ),
    _p(
        "wijktafel_attract_formal",
        float,
        0.5,
        "probability",
        (0.0, 1.0),
        "Attractiveness for professionals",
        "Aantrekkelijk voor professionals",
        "Chance that a professional with time attends a wijktafel.",
        "unfamiliarity",
        "Kans dat een professional met tijd naar een wijktafel komt.",
    ),
    _p(
        "wijktafel_attract_informal",
        float,
        0.5,
        "probability",
        (0.0, 1.0),
        "Attractiveness for informal actors",
        "Aantrekkelijk voor informelen",
        "Chance that an informal actor attends a wijktafel.",
        "unfamiliarity",
        "Kans dat een informele actor naar een wijktafel komt.",
    ),
    _p(
        "wijktafel_cultural_sensitivity",
        float,
        0.3,
        "0-1",
        (0.0, 1.0),
        "Culturally sensitive format",
        "Cultuursensitieve opzet",
        "How far the meeting format welcomes migrant self-organisations.",
        "unfamiliarity",
        "Hoe welkom de opzet van de bijeenkomst migrantenzelforganisaties maakt.",
    ),
    _p(
        "cultural_sensitivity_training",
        float,
        0.0,
        "0-1",
        (0.0, 1.0),
        "Cultural-sensitivity training",
        "Training cultuursensitiviteit",
        "Raises professionals' cultural sensitivity; narrows migrants' trust gap.",
        "unfamiliarity",
        "Verhoogt de cultuursensitiviteit van professionals; verkleint het "
        "vertrouwensverschil bij migranten.",
    ),
    # --- onenigheid (disagreement) levers ----------------------------------------------
    _p(
        "reflection_per_year",
        float,
        0.0,
        "sessions per year",
        (0.0, 52.0),
        "Case reflection per year",
        "Casusreflectie per jaar",
        "Facilitated joint reflection on shared cases (social reflection).",
        "disagreement",
        "Begeleide gezamenlijke reflectie op gedeelde casussen (sociale reflectie).",
    ),
    _p(
        "reflection_safety",
        float,
        0.5,
        "0-1",
        (0.0, 1.0),
        "Safety of reflection",
        "Veiligheid van reflectie",
        "How safe the setting is to voice criticism; unsafe sessions hurt regard.",
        "disagreement",
        "Hoe veilig de setting is om kritiek te uiten; onveilige sessies schaden de waardering.",
    ),
    _p(
        "chair_training",
        float,
        0.0,
        "0-1",
        (0.0, 1.0),
        "Coordinators trained as chairs",
        "Coördinatoren getraind als voorzitter",
        "Expert support that makes coordinators chairs who make us-them discussable.",
        "disagreement",
        "Deskundige ondersteuning die coördinatoren voorzitters maakt die wij-zij-denken "
        "bespreekbaar maken.",
    ),
    # --- onbestemdheid (unclear goals) levers -----------------------------------------
    _p(
        "hybridisation_model",
        str,
        "unclear",
        "",
        MODELS,
        "Hybridisation model",
        "Hybridiseringsmodel",
        "The municipality's end goal for formal-informal cooperation.",
        "goals",
        "Het einddoel van de gemeente voor formeel-informele samenwerking.",
    ),
    _p(
        "goal_clarity",
        float,
        0.5,
        "0-1",
        (0.0, 1.0),
        "Goal clarity",
        "Helderheid doelen",
        "How explicitly the chosen model and its roles are spelled out.",
        "goals",
        "Hoe expliciet het gekozen model en de rollen zijn uitgewerkt.",
    ),
    _p(
        "hybridisation_push",
        float,
        0.6,
        "0-1",
        (0.0, 1.0),
        "Push for hybridisation",
        "Druk op hybridisering",
        "How hard policy calls for cooperation (which can trigger distinction).",
        "goals",
        "Hoe hard het beleid oproept tot samenwerking (wat distinctie kan uitlokken).",
    ),
    _p(
        "interplay",
        str,
        "wijkteam",
        "",
        ("wijkteam", "sociale_basis"),
        "Where the interplay sits",
        "Plek van het samenspel",
        "Formal-informal interplay organised at the wijkteam or the sociale basis.",
        "goals",
        "Samenspel formeel-informeel georganiseerd in het wijkteam of in de sociale basis.",
    ),
    # --- capacity --------------------------------------------------------------------
    _p(
        "caseload_capacity",
        float,
        5.0,
        "cases per professional",
        (1.0, 100.0),
        "Caseload capacity",
        "Caseloadruimte",
        "Cases a professional can hold and still have time for contact.",
        "capacity",
        "Casussen die een professional kan dragen en toch tijd houdt voor contact.",
    ),
    _p(
        "hybrid_worker_share",
        float,
        0.0,
        "share",
        (0.0, 1.0),
        "Hybrid workers",
        "Hybride werkers",
        "Share of professionals combining casework and communitywork.",
        "capacity",
        "Aandeel professionals dat casework en communitywork combineert.",
    ),
    _p(
        "coordinator_capacity",
        int,
        8,
        "cases per coordinator",
        (0, 1000),
        "Coordinator capacity",
        "Capaciteit coördinator",
        "Cases a coordinator can link at the same time.",
        "capacity",
        "Casussen die een coördinator tegelijk kan koppelen.",
    ),
    _p(
        "volunteer_hours",
        float,
        4.0,
        "hours per week",
        (0.5, 40.0),
        "Volunteer hours",
        "Uren vrijwilliger",
        "Hours a volunteer gives; two hours carry one case.",
        "capacity",
        "Uren die een vrijwilliger geeft; twee uur draagt één casus.",
    ),
    # --- mechanism constants: ties and contact ----------------------------------------
    _m(
        "familiarity_decay",
        0.005,
        "per week",
        (0.0, 1.0),
        "Familiarity decay",
        "Verval bekendheid",
        "Weekly familiarity loss without contact, at anonymity 0.5 (x 2 anonymity).",
        "Wekelijks verlies aan bekendheid zonder contact, bij anonimiteit 0,5 (x 2 anonimiteit).",
        "assumption; 'onderlinge vertrouwde relatie groot' in small places (slower decay)",
    ),
    _m(
        "contact_gain",
        0.15,
        "per contact",
        (0.0, 1.0),
        "Familiarity from contact",
        "Bekendheid door contact",
        "Share of the remaining gap in familiarity closed by one week of contact.",
        "Deel van het resterende verschil in bekendheid dat één week contact dichtmaakt.",
        "assumption; 'Onbekend maakt immers onbemind'",
    ),
    _m(
        "team_contact",
        1.0,
        "contact per week",
        (0.0, 1.0),
        "Team contact",
        "Contact in het team",
        "Weekly contact among the professionals of one wijkteam.",
        "Wekelijks contact tussen de professionals van één wijkteam.",
        ASSUMPTION,
    ),
    _m(
        "organisation_contact",
        0.25,
        "contact per week",
        (0.0, 1.0),
        "Organisation contact",
        "Contact in de organisatie",
        "Weekly contact among a coordinator and the volunteers of its organisation.",
        "Wekelijks contact tussen een coördinator en de vrijwilligers van de organisatie.",
        ASSUMPTION,
    ),
    _m(
        "meeting_contact",
        0.5,
        "contact per meeting",
        (0.0, 1.0),
        "Meeting contact",
        "Contact per ontmoeting",
        "Contact weight of a meeting, a community-work visit or a coordinator's link.",
        "Contactgewicht van een bijeenkomst, een bezoek voor communitywork of een koppeling.",
        ASSUMPTION,
    ),
    _m(
        "strong_tie",
        0.5,
        "familiarity",
        (0.05, 0.95),
        "Strong tie",
        "Sterke band",
        "Familiarity at which two actors know each other well (gauges, network).",
        "Bekendheid waarbij twee actoren elkaar goed kennen (meters, netwerk).",
        "measurement convention (Krackhardt & Stern's E-I index counts strong ties)",
    ),
    # --- mechanism constants: contact valence and identity -----------------------------
    _m(
        "regard_gain",
        0.03,
        "per event",
        (0.0, 0.5),
        "Regard gain",
        "Winst in waardering",
        "Share of the room in regard (and identification) moved by one good contact.",
        "Deel van de ruimte in waardering (en identificatie) dat één goed contact verschuift.",
        "assumption; contact hypothesis (Allport 1954; Pettigrew & Tropp 2006)",
    ),
    _m(
        "negativity_bias",
        2.0,
        "ratio",
        (1.0, 10.0),
        "Negativity bias",
        "Negativiteitsbias",
        "How much more a bad contact weighs than a good one.",
        "Hoeveel zwaarder een slecht contact weegt dan een goed.",
        "Barlow et al. 2012 (negative contact weighs more); Baumeister et al. 2001",
    ),
    _m(
        "contact_positive",
        0.6,
        "probability",
        (0.0, 1.0),
        "Positive contact",
        "Positief contact",
        "Chance that an ordinary cross-side encounter is experienced as positive.",
        "Kans dat een gewone ontmoeting met de andere kant als positief wordt ervaren.",
        "Graf, Paolini & Rubin 2014 (positive contact far more frequent than negative)",
    ),
    _m(
        "contact_negative",
        0.1,
        "probability",
        (0.0, 1.0),
        "Negative contact",
        "Negatief contact",
        "Chance that an ordinary cross-side encounter is experienced as negative.",
        "Kans dat een gewone ontmoeting met de andere kant als negatief wordt ervaren.",
        "Graf, Paolini & Rubin 2014; 'devaluerende beelden ... veelvuldig over tafel'",
    ),
    _m(
        "threat_strength",
        0.5,
        "0-1",
        (0.0, 1.0),
        "Identity threat",
        "Identiteitsdreiging",
        "Threat felt at full pressure (push x goal uncertainty, or instrumentalisation).",
        "Dreiging bij volle druk (druk x onbestemdheid, of instrumentalisering).",
        "'de oproep tot ... hybridisering juist aanzet tot distinctiegedrag'; assumed",
    ),
    _m(
        "threat_adaptation",
        0.05,
        "per week",
        (0.0, 1.0),
        "Threat follows pressure",
        "Dreiging volgt druk",
        "Share of the gap between felt threat and current pressure closed each week.",
        "Deel van het verschil tussen gevoelde dreiging en huidige druk dat per week sluit.",
        ASSUMPTION,
    ),
    _m(
        "sociale_basis_push",
        0.5,
        "factor",
        (0.0, 1.0),
        "Push on wijkteam (sociale basis)",
        "Druk op wijkteam (sociale basis)",
        "Push felt by professionals when the interplay sits at the sociale basis.",
        "Druk die professionals voelen als het samenspel in de sociale basis ligt.",
        "Amsterdam moved the interplay to the sociale basis; factor assumed",
    ),
    # --- mechanism constants: link strength ---------------------------------------------
    _m(
        "barrier_disagreement",
        0.6,
        "weight",
        (0.0, 1.0),
        "Weight of disagreement",
        "Gewicht onenigheid",
        "How much felt disagreement weakens a link (at full disagreement).",
        "Hoeveel gevoelde onenigheid een verbinding verzwakt (bij volledige onenigheid).",
        "onenigheid as a source of co-existence; weight assumed",
    ),
    _m(
        "barrier_goals",
        0.5,
        "weight",
        (0.0, 1.0),
        "Weight of goal uncertainty",
        "Gewicht onbestemdheid",
        "How much goal uncertainty weakens a link (unclear goals do not forbid contact).",
        "Hoeveel onbestemdheid een verbinding verzwakt (onduidelijke doelen verbieden "
        "geen contact).",
        "onbestemdheid as a source of co-existence; weight assumed",
    ),
    _m(
        "barrier_us_them",
        0.8,
        "weight",
        (0.0, 1.0),
        "Weight of us-them",
        "Gewicht wij-zij",
        "How much us-them distance (identification x devaluation) weakens a link.",
        "Hoeveel wij-zij-afstand (identificatie x devaluatie) een verbinding verzwakt.",
        "Tajfel & Turner 1979; 'bemoeilijken hybridisering'; weight assumed",
    ),
    _m(
        "contact_slack",
        1.5,
        "load ratio",
        (1.0, 3.0),
        "Caseload slack",
        "Speelruimte caseload",
        "Load/capacity at which a professional has no time left for contact.",
        "Verhouding belasting/capaciteit waarbij een professional geen tijd meer heeft "
        "voor contact.",
        "'als professionals maar schaarse tijd en middelen ervaren'; value assumed",
    ),
    _m(
        "community_time",
        0.4,
        "share",
        (0.0, 1.0),
        "Time from community orientation",
        "Tijd door communitygerichtheid",
        "Share of a professional's availability that depends on community orientation.",
        "Deel van de beschikbaarheid van een professional dat van communitygerichtheid afhangt.",
        "hybrid workers combine casework and communitywork (Hoorn); value assumed",
    ),
    _m(
        "cultural_barrier",
        0.5,
        "weight",
        (0.0, 1.0),
        "Cultural barrier",
        "Culturele drempel",
        "How much a professional's lack of cultural sensitivity weakens a migrant link.",
        "Hoeveel gebrek aan cultuursensitiviteit een verbinding met migranten verzwakt.",
        "'te weinig cultureel sensitief' (Slotervaart); weight assumed",
    ),
    # --- mechanism constants: goals ---------------------------------------------------
    _m(
        "implicit_role",
        0.7,
        "0-1",
        (0.0, 1.0),
        "Implicitly hoped community role",
        "Impliciet gehoopte rol civil society",
        "Informal role the municipality implicitly hopes for when no model is chosen.",
        "Informele rol waarop de gemeente impliciet hoopt als er geen model is gekozen.",
        "'Beleidsmakers hopen ... onlosmakelijke verbondenheid'; value assumed",
    ),
    _m(
        "role_accessibility",
        0.2,
        "0-1",
        (0.0, 1.0),
        "Role: accessibility",
        "Rol: toegankelijkheid",
        "Informal role under the accessibility model (navigators).",
        "Informele rol in het toegankelijkheidsperspectief (toeleiders).",
        "'informele partijen vooral de toeleiders'; value assumed",
    ),
    _m(
        "role_accessibility_plus",
        0.4,
        "0-1",
        (0.0, 1.0),
        "Role: accessibility plus",
        "Rol: toegankelijkheid-plus",
        "Informal role under accessibility plus practical and emotional support.",
        "Informele rol bij toegankelijkheid plus praktische en emotionele steun.",
        "'enkele aanvullende taken' (Oud-Noord); value assumed",
    ),
    _m(
        "role_civil_society",
        0.75,
        "0-1",
        (0.0, 1.0),
        "Role: civil society",
        "Rol: civil society",
        "Informal role under the civil-society model (also no-governance).",
        "Informele rol in het civil society perspectief (ook no-governance).",
        "'formele partijen uiteindelijk ondersteunend ... aan onderlinge zorgzaamheid'; "
        "value assumed",
    ),
    _m(
        "explicitness_unclear",
        0.25,
        "0-1",
        (0.0, 1.0),
        "Explicitness: no model",
        "Explicietheid: geen model",
        "How far goal clarity can make the implicit hope known when no model is chosen.",
        "Hoeverre helderheid de impliciete hoop bekend kan maken als er geen model is.",
        "'deze keuzes worden niet altijd als helder ervaren op de werkvloer'; assumed",
    ),
    _m(
        "explicitness_no_governance",
        0.35,
        "0-1",
        (0.0, 1.0),
        "Explicitness: no-governance",
        "Explicietheid: no-governance",
        "How far goal clarity reaches the work floor under no-governance.",
        "Hoeverre helderheid de werkvloer bereikt bij no-governance.",
        "'roept soms ook onzekerheid op bij dagelijkse uitvoerders' (Purmerend); assumed",
    ),
    _m(
        "gap_weight",
        0.5,
        "weight",
        (0.0, 1.0),
        "Weight of the role gap",
        "Gewicht van de rolkloof",
        "Share of goal uncertainty from the gap between expected and wanted/feasible role.",
        "Deel van onbestemdheid uit de kloof tussen verwachte en gewenste/haalbare rol.",
        "'keuzes zeggen nog niet alles over de uitvoerbaarheid'; value assumed",
    ),
    # --- mechanism constants: needs and support ---------------------------------------
    _m(
        "need_growth",
        0.02,
        "per week",
        (0.0, 0.2),
        "Need growth",
        "Groei problematiek",
        "Half the weekly growth of a need without any support.",
        "De helft van de wekelijkse groei van een hulpvraag zonder enige steun.",
        "'terwijl de problematiek zich verergert'; rate assumed",
    ),
    _m(
        "recovery_rate",
        0.05,
        "per week",
        (0.0, 0.5),
        "Recovery with support",
        "Herstel met steun",
        "Weekly decrease of a need per unit of support.",
        "Wekelijkse afname van een hulpvraag per eenheid steun.",
        ASSUMPTION,
    ),
    _m(
        "need_noise",
        0.02,
        "severity",
        (0.0, 0.2),
        "Need noise",
        "Ruis in problematiek",
        "Width of the weekly random change of a need.",
        "Breedte van de wekelijkse toevallige verandering van een hulpvraag.",
        ASSUMPTION,
    ),
    _m(
        "severity_spread",
        0.3,
        "severity",
        (0.0, 0.5),
        "Spread of new needs",
        "Spreiding nieuwe hulpvragen",
        "Half-width of the severity of a new need around the context's mean.",
        "Halve breedte van de zwaarte van een nieuwe hulpvraag rond het gemiddelde.",
        ASSUMPTION,
    ),
    _m(
        "support_professional",
        0.8,
        "support",
        (0.0, 2.0),
        "Support by a professional",
        "Steun door een professional",
        "Support from a professional with full time for the case.",
        "Steun van een professional met volle tijd voor de casus.",
        ASSUMPTION,
    ),
    _m(
        "support_informal",
        0.6,
        "support",
        (0.0, 2.0),
        "Support by an informal actor",
        "Steun door een informele actor",
        "Support from an informal actor on a light need.",
        "Steun van een informele actor bij een lichte hulpvraag.",
        ASSUMPTION,
    ),
    _m(
        "informal_heavy_loss",
        0.6,
        "share",
        (0.0, 1.0),
        "Informal help on heavy needs",
        "Informele hulp bij zware vragen",
        "Share of informal support lost on the heaviest needs.",
        "Deel van informele steun dat bij de zwaarste vragen wegvalt.",
        "'de stedelijke problematiek ... te zwaar om aan informele partijen over te laten'",
    ),
    _m(
        "support_circle",
        0.2,
        "support",
        (0.0, 1.0),
        "Support by own circle",
        "Steun door eigen kring",
        "Support from a household's own circle (family, neighbours).",
        "Steun van de eigen kring van een huishouden (familie, buren).",
        "Breda quickscan: informal sources include family and acquaintances; assumed",
    ),
    _m(
        "support_extra",
        0.5,
        "share",
        (0.0, 1.0),
        "Second helper's support",
        "Steun van een tweede helper",
        "Share of a helper's support that a second helper of the same side adds.",
        "Deel van de steun van een helper dat een tweede helper van dezelfde kant toevoegt.",
        ASSUMPTION,
    ),
    _m(
        "synergy_direct",
        0.3,
        "support",
        (0.0, 1.0),
        "Synergy of direct contact",
        "Synergie van direct contact",
        "Extra support when the professional and informal actor work in direct contact.",
        "Extra steun als professional en informele actor in direct contact werken.",
        "co-production as the policy ideal ('waarde-creatie'); value assumed",
    ),
    _m(
        "synergy_linked",
        0.15,
        "support",
        (0.0, 1.0),
        "Synergy through a coordinator",
        "Synergie via coördinator",
        "Extra support when a coordinator links their work.",
        "Extra steun als een coördinator hun werk verbindt.",
        ASSUMPTION,
    ),
    _m(
        "resolved_severity",
        0.08,
        "severity",
        (0.0, 0.5),
        "Need solved below",
        "Hulpvraag opgelost onder",
        "Severity below which a need counts as solved.",
        "Zwaarte waaronder een hulpvraag als opgelost telt.",
        "definition",
    ),
    _m(
        "decision_width",
        0.05,
        "severity",
        (0.005, 0.3),
        "Smoothness of decisions",
        "Geleidelijkheid van beslissingen",
        "Width of the logistic ramps that replace thresholds (referral, closing, crisis).",
        "Breedte van de logistische overgangen die drempels vervangen (doorverwijzing, sluiten).",
        "assumption: people weigh severity with noise, no knife-edge",
    ),
    _m(
        "pro_close_severity",
        0.3,
        "severity",
        (0.0, 1.0),
        "Professionals close at",
        "Professionals sluiten af bij",
        "Severity around which professionals close their part of a shared case.",
        "Zwaarte waarrond professionals hun deel van een gedeelde casus afsluiten.",
        "'als professionals cases afsluiten gaat hun ondersteuning vaak nog gewoon door'",
    ),
    _m(
        "escalation_severity",
        0.85,
        "severity",
        (0.0, 1.0),
        "Late escalation at",
        "Late opschaling bij",
        "Severity around which an informal-only case escalates to specialist care.",
        "Zwaarte waarrond een alleen-informele casus opschaalt naar specialistische zorg.",
        "'te laat wordt opgeschaald naar specialistische zorg'; value assumed",
    ),
    _m(
        "crisis_severity",
        0.9,
        "severity",
        (0.0, 1.0),
        "Crisis at",
        "Crisis bij",
        "Severity around which an unreached need reaches the wijkteam anyway.",
        "Zwaarte waarrond een onbereikte hulpvraag het wijkteam toch bereikt.",
        ASSUMPTION,
    ),
    _m(
        "complex_severity",
        0.7,
        "severity",
        (0.0, 1.0),
        "Second professional at",
        "Tweede professional bij",
        "Severity around which a second professional joins a case at intake.",
        "Zwaarte waarrond een tweede professional bij intake aansluit.",
        "Breda quickscan: about 4.1 sources of help per client; value assumed",
    ),
    _m(
        "voice_later",
        0.05,
        "per week",
        (0.0, 1.0),
        "Voicing a silent need",
        "Stille vraag alsnog uiten",
        "Weekly chance (times trust) that a silent need is voiced to the wijkteam.",
        "Wekelijkse kans (maal vertrouwen) dat een stille vraag alsnog wordt geuit.",
        ASSUMPTION,
    ),
    _m(
        "reach_rate",
        0.25,
        "per week",
        (0.0, 1.0),
        "Reaching silent needs",
        "Stille vragen bereiken",
        "Weekly chance (times civic activity) that a known informal actor reaches a need.",
        "Wekelijkse kans (maal actieve civil society) dat een bekende informele actor "
        "een vraag bereikt.",
        "'proberen dichtbij stille problematiek te komen'; rate assumed",
    ),
    _m(
        "own_way_rate",
        0.1,
        "per week",
        (0.0, 1.0),
        "Household's own way",
        "Eigen weg van het huishouden",
        "Weekly chance (times trust) that a guided household goes to the wijkteam itself.",
        "Wekelijkse kans (maal vertrouwen) dat een begeleid huishouden zelf naar het wijkteam gaat.",
        "'gids bij hun contact met instanties' (gidswerk); rate assumed",
    ),
    _m(
        "parallel_help",
        1.0,
        "factor",
        (0.0, 1.0),
        "Parallel informal help",
        "Parallelle informele hulp",
        "Chance (times civic activity) a known informal actor also helps a voiced need.",
        "Kans (maal actieve civil society) dat een bekende informele actor ook helpt.",
        "'twee tamelijk los van elkaar opererende parallelle werelden'",
    ),
    _m(
        "involve_base",
        0.5,
        "factor",
        (0.0, 1.0),
        "Involving informal help",
        "Informele hulp inschakelen",
        "Base of a professional's chance to involve informal help (plus the push).",
        "Basis van de kans dat een professional informele hulp inschakelt (plus de druk).",
        ASSUMPTION,
    ),
    _m(
        "limit_base",
        0.25,
        "severity",
        (0.0, 1.0),
        "Informal limit: base",
        "Grens informeel: basis",
        "Severity an informal actor carries regardless of its role view.",
        "Zwaarte die een informele actor draagt ongeacht zijn rolopvatting.",
        "'informele partijen ... willen ook hun grenzen kunnen aangeven'; assumed",
    ),
    _m(
        "limit_role",
        0.5,
        "severity",
        (0.0, 1.0),
        "Informal limit: role",
        "Grens informeel: rol",
        "Extra severity carried per unit of wanted role.",
        "Extra zwaarte die per eenheid gewenste rol wordt gedragen.",
        ASSUMPTION,
    ),
    _m(
        "limit_experience",
        0.15,
        "severity",
        (0.0, 1.0),
        "Informal limit: experience",
        "Grens informeel: ervaring",
        "Extra severity carried by an actor relying on experiential knowledge.",
        "Extra zwaarte gedragen door een actor die op ervaringskennis vertrouwt.",
        "'informele partijen ... ervaringsdeskundigheid aanmeten'; assumed",
    ),
    _m(
        "handover_felt",
        0.3,
        "factor",
        (0.0, 1.0),
        "Hand-over felt as pushed",
        "Overdracht ervaren als afschuiven",
        "How often a coordinator's hand-over is felt as a case pushed onto one.",
        "Hoe vaak een overdracht via een coördinator als afschuiven wordt ervaren.",
        "'Ze willen niet dat professionals zomaar cases naar hen doorverwijzen'; assumed",
    ),
    _m(
        "referral_base",
        0.5,
        "probability",
        (0.0, 1.0),
        "Referral taken seriously",
        "Doorverwijzing serieus genomen",
        "Chance a referral is taken seriously by a stranger with no us-them distance.",
        "Kans dat een doorverwijzing serieus wordt genomen door een onbekende zonder wij-zij.",
        "'willen wel graag serieus genomen worden als zij ... doorverwijzen'; assumed",
    ),
    _m(
        "retry_weeks",
        4,
        "weeks",
        (1, 52),
        "Retry after dismissal",
        "Opnieuw na afwijzing",
        "Weeks before an informal actor tries again after a dismissed referral.",
        "Weken voordat een informele actor het na een afgewezen doorverwijzing opnieuw probeert.",
        ASSUMPTION,
        typ=int,
    ),
    _m(
        "discovery_rate",
        0.5,
        "per week",
        (0.0, 1.0),
        "Discovery",
        "Elkaar ontdekken",
        "Weekly chance (times link strength) co-existing helpers find each other.",
        "Wekelijkse kans (maal verbindingssterkte) dat co-existerende helpers elkaar vinden.",
        ASSUMPTION,
    ),
    _m(
        "introduction_rate",
        0.1,
        "per week",
        (0.0, 1.0),
        "Coordinator introductions",
        "Introducties door coördinator",
        "Weekly chance (times link strength, up to x2 with trained chairs) a coordinator "
        "puts its two helpers in direct contact.",
        "Wekelijkse kans (maal verbindingssterkte, tot x2 met getrainde voorzitters) dat "
        "een coördinator de twee helpers direct in contact brengt.",
        "'Intermediairrol van vrijwilligers-coördinatoren ... beter benutten'; assumed",
    ),
    _m(
        "clash_rate",
        0.1,
        "per week",
        (0.0, 1.0),
        "Clash rate",
        "Kans op botsing",
        "Weekly chance, per unit of disagreement, that logics clash on a shared case.",
        "Wekelijkse kans, per eenheid onenigheid, dat logica's botsen op een gedeelde casus.",
        "'vaak botsende normatieve logica's rondom casework'; rate assumed",
    ),
    _m(
        "sociale_basis_capacity",
        1.5,
        "factor",
        (1.0, 3.0),
        "Coordinators (sociale basis)",
        "Coördinatoren (sociale basis)",
        "Coordinators' capacity factor when the interplay sits at the sociale basis.",
        "Capaciteitsfactor van coördinatoren als het samenspel in de sociale basis ligt.",
        "'een brede laagdrempelige basis'; factor assumed",
    ),
    _m(
        "sociale_basis_reach",
        0.5,
        "factor",
        (0.0, 1.0),
        "Anonymity (sociale basis)",
        "Anonimiteit (sociale basis)",
        "Factor on the share of households without an informal contact at the sociale basis.",
        "Factor op het aandeel huishoudens zonder informeel contact in de sociale basis.",
        "'een brede laagdrempelige basis van ... buurtinitiatieven'; factor assumed",
    ),
    _m(
        "hours_per_case",
        2.0,
        "hours per week",
        (0.5, 20.0),
        "Hours per case",
        "Uren per casus",
        "Volunteer hours a week that carry one case.",
        "Vrijwilligersuren per week die één casus dragen.",
        ASSUMPTION,
    ),
    # --- mechanism constants: meetings --------------------------------------------------
    _m(
        "chair_effect",
        0.5,
        "share",
        (0.0, 1.0),
        "Effect of a trained chair",
        "Effect van een getrainde voorzitter",
        "Share of the remaining room in safety and pleasantness a fully trained chair adds.",
        "Deel van de resterende ruimte in veiligheid en prettigheid dat een getrainde "
        "voorzitter toevoegt.",
        "'met deskundige ondersteuning ... de ideale gespreksvoorzitters'; assumed",
    ),
    _m(
        "reflection_invite",
        0.25,
        "probability",
        (0.0, 1.0),
        "Invited to reflection",
        "Uitgenodigd voor reflectie",
        "Chance that an actor not on a shared case joins a reflection session.",
        "Kans dat een actor zonder gedeelde casus aan een reflectiesessie deelneemt.",
        ASSUMPTION,
    ),
    _m(
        "reflection_gain",
        0.2,
        "per session",
        (0.0, 1.0),
        "Reflection gain",
        "Effect van reflectie",
        "Share of the room in recognition of other logics gained in a safe session.",
        "Deel van de ruimte in erkenning van andere logica's dat een veilige sessie oplevert.",
        "'wederzijdse erkenning en compromisvorming' (Boltanski & Thévenot); assumed",
    ),
    _m(
        "recognition_decay",
        0.005,
        "per week",
        (0.0, 0.2),
        "Recognition fades",
        "Erkenning vervaagt",
        "Weekly loss of recognition of other logics without reflection.",
        "Wekelijks verlies aan erkenning van andere logica's zonder reflectie.",
        "'Dit proces is delicaat en fragiel'; rate assumed",
    ),
    # --- starting dispositions ----------------------------------------------------------
    _m(
        "pro_knowledge",
        0.68,
        "0-1",
        (0.0, 1.0),
        "Professionals' knowledge logic",
        "Kennislogica professionals",
        "Mean starting knowledge logic of professionals (1 formalised).",
        "Gemiddelde kennislogica van professionals bij de start (1 geformaliseerd).",
        "'op basis van sterker geformaliseerde kennis'; value assumed",
        group="initial",
    ),
    _m(
        "pro_logic_spread",
        0.8,
        "0-1",
        (0.0, 1.0),
        "Spread of professionals' logics",
        "Spreiding logica's professionals",
        "Spread of professionals' starting logics (1 widest).",
        "Spreiding van de logica's van professionals bij de start (1 breedst).",
        "Q-study: 'diametraal tegenovergestelde standpunten'",
        group="initial",
    ),
    _m(
        "pro_role_view",
        0.62,
        "0-1",
        (0.0, 1.0),
        "Professionals' role view",
        "Rolopvatting professionals",
        "Mean starting role view of professionals at problem severity 0.",
        "Gemiddelde rolopvatting van professionals bij problematiek 0.",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "informal_role_view",
        0.6,
        "0-1",
        (0.0, 1.0),
        "Informal actors' role view",
        "Rolopvatting informelen",
        "Mean starting role view of informal actors at problem severity 0.",
        "Gemiddelde rolopvatting van informele actoren bij problematiek 0.",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "severity_role_effect",
        0.45,
        "per severity",
        (0.0, 1.0),
        "Heavy problems lower role view",
        "Zware problematiek verlaagt rolopvatting",
        "How much heavy problems lower the wanted informal role (both sides).",
        "Hoeveel zware problematiek de gewenste informele rol verlaagt (beide kanten).",
        "'te zwaar om aan informele partijen over te laten'; 'kleinere rol van toeleider'",
        group="initial",
    ),
    _m(
        "start_ingroup",
        0.6,
        "0-1",
        (0.0, 1.0),
        "In-group identification",
        "Identificatie eigen groep",
        "Mean starting in-group identification of professionals and informal actors.",
        "Gemiddelde identificatie met de eigen groep bij de start.",
        "'sterke teruggetrokkenheid op eigen posities'; value assumed",
        group="initial",
    ),
    _m(
        "start_regard",
        0.75,
        "0-1",
        (0.0, 1.0),
        "Regard for the other side",
        "Waardering andere kant",
        "Mean starting regard for the other side at problem severity 0.",
        "Gemiddelde waardering voor de andere kant bij problematiek 0.",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "severity_regard_effect",
        0.3,
        "per severity",
        (0.0, 1.0),
        "Heavy problems lower regard",
        "Zware problematiek verlaagt waardering",
        "How much heavy, concentrated problems lower starting regard (both sides).",
        "Hoeveel zware, geconcentreerde problematiek de startwaardering verlaagt.",
        "'Met name in de grootstedelijke context ... insider-outsider-dynamiek'",
        group="initial",
    ),
    _m(
        "migrant_counter_identification",
        0.1,
        "regard",
        (0.0, 0.5),
        "Migrant organisations' counter-identification",
        "Tegenidentificatie migrantenorganisaties",
        "Lower starting regard of migrant self-organisations for professionals.",
        "Lagere startwaardering van migrantenzelforganisaties voor professionals.",
        "'sterke tegenidentificatie van ... migranten- ... bewonersorganisaties'",
        group="initial",
    ),
    _m(
        "hybrid_informalisation",
        0.25,
        "share",
        (0.0, 1.0),
        "Hybrid workers informalise",
        "Hybride werkers informaliseren",
        "Share by which a hybrid worker's knowledge logic leans less on formal knowledge.",
        "Deel waarmee de kennislogica van een hybride werker minder op formele kennis leunt.",
        "'professionals die zich inspannen om hun werkwijze te informaliseren'; assumed",
        group="initial",
    ),
    _m(
        "volunteer_formalisation",
        0.45,
        "0-1",
        (0.0, 1.0),
        "Volunteers' formalisation",
        "Formalisering vrijwilligers",
        "Mean training and formalisation of volunteers (their knowledge logic follows).",
        "Gemiddelde training en formalisering van vrijwilligers (hun kennislogica volgt).",
        "'protoprofessionalisering' (De Swaan); value assumed",
        group="initial",
    ),
    _m(
        "informal_dropout",
        0.0035,
        "per week",
        (0.0, 0.1),
        "Informal help stops",
        "Informele hulp stopt",
        "Weekly chance that an informal actor's help on a case stops (plus diversity).",
        "Wekelijkse kans dat de hulp van een informele actor op een casus stopt (plus diversiteit).",
        "'vraagtekens bij de continuïteit van de inzet van vrijwilligers'; assumed",
        group="initial",
    ),
    _m(
        "dropout_diversity",
        0.015,
        "per week",
        (0.0, 0.1),
        "Dropout in a patchwork",
        "Uitval in een lappendeken",
        "Extra weekly dropout (up to, times diversity) among diverse informal actors.",
        "Extra wekelijkse uitval (tot, maal diversiteit) bij diverse informele actoren.",
        "'onduidelijkheid in aanspreekpunten en continuïteit'; assumed",
        group="initial",
    ),
    _m(
        "disposition_spread",
        0.35,
        "0-1",
        (0.0, 1.0),
        "Spread of identity",
        "Spreiding identiteit",
        "Spread of starting in-group identification and regard among actors (1 widest).",
        "Spreiding van startidentificatie en -waardering onder actoren (1 breedst).",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "key_figures",
        3.0,
        "persons",
        (0.0, 20.0),
        "Key figures per organisation",
        "Sleutelfiguren per organisatie",
        "Mean number of key figures of a residents' organisation (plus one).",
        "Gemiddeld aantal sleutelfiguren van een bewonersorganisatie (plus één).",
        "'Sleutelfiguren van bewonersorganisaties fungeren ... als contactpersoon'; assumed",
        group="initial",
    ),
    _m(
        "households_per_key_figure",
        3.0,
        "households",
        (1.0, 20.0),
        "Households per key figure",
        "Huishoudens per sleutelfiguur",
        "Households a key figure can guide at once.",
        "Huishoudens die een sleutelfiguur tegelijk kan begeleiden.",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "vulnerability_shape",
        2.0,
        "shape",
        (0.5, 20.0),
        "Spread of vulnerability",
        "Spreiding kwetsbaarheid",
        "Gamma shape of households' vulnerability (mean 1; lower is more unequal).",
        "Gamma-vorm van de kwetsbaarheid van huishoudens (gemiddeld 1; lager is ongelijker).",
        "'zware problemen ... zich concentreren'; assumed",
        group="initial",
    ),
    _m(
        "pro_community",
        0.12,
        "0-1",
        (0.0, 1.0),
        "Professionals' community orientation",
        "Communitygerichtheid professionals",
        "Mean community-work orientation of casework professionals.",
        "Gemiddelde gerichtheid op communitywork van professionals in casework.",
        "'Hoort ... communitywork ... tot de basis van het werk?'; value assumed",
        group="initial",
    ),
    _m(
        "hybrid_community",
        0.6,
        "0-1",
        (0.0, 1.0),
        "Hybrid workers' community orientation",
        "Communitygerichtheid hybride werkers",
        "Community-work orientation of a hybrid worker.",
        "Gerichtheid op communitywork van een hybride werker.",
        "'hybride werkers die casework en communitywork combineren' (Hoorn)",
        group="initial",
    ),
    _m(
        "pro_cultural_sensitivity",
        0.4,
        "0-1",
        (0.0, 1.0),
        "Professionals' cultural sensitivity",
        "Cultuursensitiviteit professionals",
        "Mean cultural sensitivity of professionals before training.",
        "Gemiddelde cultuursensitiviteit van professionals zonder training.",
        "'te weinig cultureel sensitief'; value assumed",
        group="initial",
    ),
    _m(
        "trust_mean",
        0.55,
        "0-1",
        (0.0, 1.0),
        "Households' trust in professionals",
        "Vertrouwen huishoudens in professionals",
        "Mean trust of households in professionals (versus the own circle).",
        "Gemiddeld vertrouwen van huishoudens in professionals (tegenover eigen kring).",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "migrant_trust_gap",
        0.25,
        "0-1",
        (0.0, 1.0),
        "Migrants' trust gap",
        "Vertrouwenskloof migranten",
        "Lower trust of migrant households in professionals, without training.",
        "Lager vertrouwen van migrantenhuishoudens in professionals, zonder training.",
        "'niet vertrouwd zouden worden door huishoudens uit hun doelgroep'",
        group="initial",
    ),
    _m(
        "own_organisation",
        0.7,
        "probability",
        (0.0, 1.0),
        "Own organisation as contact",
        "Eigen organisatie als contact",
        "Chance that a migrant household's contact is a migrant self-organisation.",
        "Kans dat het contact van een migrantenhuishouden een migrantenzelforganisatie is.",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "circle_share",
        0.5,
        "share",
        (0.0, 1.0),
        "Households with an own circle",
        "Huishoudens met eigen kring",
        "Share of households whose own circle helps with a need (x (1.5 - anonymity)).",
        "Aandeel huishoudens waarvan de eigen kring helpt (x (1,5 - anonimiteit)).",
        "Breda quickscan: 99 of 275 sources informal (family, acquaintances, volunteers)",
        group="initial",
    ),
    _m(
        "fam_team",
        0.8,
        "familiarity",
        (0.0, 1.0),
        "Start: team",
        "Start: team",
        "Starting familiarity among the professionals of one team.",
        "Startbekendheid tussen de professionals van één team.",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "fam_coordinator_pro",
        0.4,
        "familiarity",
        (0.0, 1.0),
        "Start: coordinator-wijkteam",
        "Start: coördinator-wijkteam",
        "Starting familiarity of coordinators with the district's professionals.",
        "Startbekendheid van coördinatoren met de professionals van het stadsdeel.",
        "'De coördinator is de schakelpersoon tussen beide werelden'; assumed",
        group="initial",
    ),
    _m(
        "fam_coordinator_org",
        0.25,
        "familiarity",
        (0.0, 1.0),
        "Start: coordinator-organisations",
        "Start: coördinator-organisaties",
        "Starting familiarity of coordinators with residents' organisations.",
        "Startbekendheid van coördinatoren met bewonersorganisaties.",
        "coordinators serve volunteers 'aan formele organisaties verbonden'; assumed",
        group="initial",
    ),
    _m(
        "fam_organisations",
        0.3,
        "familiarity",
        (0.0, 1.0),
        "Start: organisations",
        "Start: organisaties",
        "Starting familiarity among residents' organisations of one area.",
        "Startbekendheid tussen bewonersorganisaties van één gebied.",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "fam_volunteers",
        0.6,
        "familiarity",
        (0.0, 1.0),
        "Start: volunteers",
        "Start: vrijwilligers",
        "Starting familiarity among the volunteers of one organisation.",
        "Startbekendheid tussen de vrijwilligers van één organisatie.",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "fam_volunteer_coordinator",
        0.8,
        "familiarity",
        (0.0, 1.0),
        "Start: volunteer-coordinator",
        "Start: vrijwilliger-coördinator",
        "Starting familiarity of a volunteer with its coordinator.",
        "Startbekendheid van een vrijwilliger met de eigen coördinator.",
        ASSUMPTION,
        group="initial",
    ),
    _m(
        "fam_click",
        0.55,
        "familiarity",
        (0.25, 0.75),
        "Start: personal click",
        "Start: persoonlijke klik",
        "Mean familiarity of a pre-existing formal-informal tie (drawn +-0.25).",
        "Gemiddelde bekendheid van een bestaande formeel-informele band (+-0,25).",
        "'vaak op basis van al langer bestaande persoonlijke contacten'; assumed",
        group="initial",
    ),
    # --- mechanism switches (knock-out analysis) ----------------------------------------
    _switch(
        "mech_familiarity",
        "Familiarity grows with contact",
        "Bekendheid groeit met contact",
        "Contact raises familiarity (off: it no longer grows; ties without contact decay).",
        "Contact verhoogt bekendheid (uit: die groeit niet meer; banden zonder contact vervallen).",
    ),
    _switch(
        "mech_identity_gating",
        "Us-them gates decisions",
        "Wij-zij stuurt beslissingen",
        "Regard and identification gate referrals, attendance, contact and pushing.",
        "Waardering en identificatie sturen doorverwijzing, opkomst, contact en afschuiven.",
    ),
    _switch(
        "mech_contact_valence",
        "Contact changes regard",
        "Contact verandert waardering",
        "Good and bad contact move regard and identification.",
        "Goed en slecht contact verschuiven waardering en identificatie.",
    ),
    _switch(
        "mech_threat",
        "Identity threat",
        "Identiteitsdreiging",
        "The push for hybridisation under unclear goals raises identification.",
        "De druk op hybridisering bij onduidelijke doelen versterkt identificatie.",
    ),
    _switch(
        "mech_reflection",
        "Reflection builds recognition",
        "Reflectie bouwt erkenning",
        "Safe reflection raises recognition of other logics (off: a meeting only).",
        "Veilige reflectie verhoogt erkenning van andere logica's (uit: alleen ontmoeting).",
    ),
    _switch(
        "mech_goal_clarity",
        "Clarity shapes roles and uncertainty",
        "Helderheid vormt rollen en onzekerheid",
        "The model's clarity lowers uncertainty and steers roles (off: no effect).",
        "Helderheid van het model verlaagt onzekerheid en stuurt rollen (uit: geen effect).",
    ),
    _switch(
        "mech_success",
        "Success breeds trust",
        "Succes kweekt vertrouwen",
        "A joint case that ends well in direct contact is a good contact for both.",
        "Een gezamenlijke casus die goed afloopt in direct contact is voor beiden positief.",
    ),
    _switch(
        "mech_brokerage",
        "Coordinators broker",
        "Coördinatoren verbinden",
        "Coordinators link cases, pass on referrals and introduce helpers.",
        "Coördinatoren koppelen casussen, geven doorverwijzingen door en introduceren.",
    ),
    _switch(
        "mech_caseload",
        "Caseload limits contact",
        "Caseload beperkt contact",
        "A full caseload weakens professionals' links (off: links ignore caseload; "
        "community work and meetings still need free time).",
        "Een volle caseload verzwakt de verbindingen van professionals (uit: verbindingen "
        "negeren caseload; communitywork en bijeenkomsten vragen nog vrije tijd).",
    ),
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


def suggest(name: str, allowed: Any) -> str:
    """``"did you mean 'x'? "`` for the closest allowed name, or ``""``."""
    close = difflib.get_close_matches(name, list(allowed), n=1)
    return f"did you mean {close[0]!r}? " if close else ""


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
            hint = suggest(name, PARAMS)
            raise ParameterError(
                f"{prefix}unknown parameter {name!r} (given {values[name]!r}); {hint}"
                "'samenspel params' lists the allowed names"
            )
    checked = {name: PARAMS[name].check(v, where) for name, v in values.items()}
    out = defaults()
    out.update(CONTEXTS[checked.get("context", out["context"])])
    out.update(checked)
    return out
