"""The words of the run's story (``samenspel.story``), in Dutch and English.

``TEXT`` holds every sentence as a format string per language; a key with an ``_one``
variant has a singular form for a count of one. ``ACTOR``, ``MODE`` and ``CAUSE`` name
actor kinds, joint modes and the causes of a late escalation. Both languages have the
same keys (tested).
"""

from __future__ import annotations

from .model.events import Cause
from .model.state import Kind as ActorKind
from .model.state import Mode

ACTOR = {
    "en": {
        ActorKind.PROFESSIONAL: "professional",
        ActorKind.VOLUNTEER: "volunteer",
        ActorKind.COORDINATOR: "coordinator",
        ActorKind.ORGANISATION: "residents' organisation",
    },
    "nl": {
        ActorKind.PROFESSIONAL: "professional",
        ActorKind.VOLUNTEER: "vrijwilliger",
        ActorKind.COORDINATOR: "coördinator",
        ActorKind.ORGANISATION: "bewonersorganisatie",
    },
}
MODE = {
    "en": {
        Mode.COEXISTENCE: "co-existence",
        Mode.INTERMEDIATED: "intermediated work",
        Mode.COPRODUCTION: "co-production",
    },
    "nl": {
        Mode.COEXISTENCE: "co-existentie",
        Mode.INTERMEDIATED: "bemiddeld werk",
        Mode.COPRODUCTION: "coproductie",
    },
}
CAUSE = {
    "en": {
        Cause.DISMISSED: "a referral of the case had been dismissed before",
        Cause.NO_ROUTE: "the helper wanted to refer it but knew no route to the wijkteam",
        Cause.SILENT: "the need had grown unseen: it was already severe when the helper "
        "first heard of it",
        Cause.KEPT: "the helper kept it, seeing it as within its own limit",
    },
    "nl": {
        Cause.DISMISSED: "een doorverwijzing van de casus was eerder niet serieus genomen",
        Cause.NO_ROUTE: "de helper wilde doorverwijzen maar kende geen weg naar het wijkteam",
        Cause.SILENT: "de nood was ongezien gegroeid: al ernstig toen de helper ervan hoorde",
        Cause.KEPT: "de helper hield de casus zelf, binnen wat hij als eigen grens zag",
    },
}
TEXT = {
    "en": {
        "title": "The run told: week {week} of {weeks}",
        "setting": "{areas}: {pros} professionals, {informal} volunteers and "
        "residents' organisations, {coords} coordinators, {households} households.",
        "areas": "{n} areas",
        "one_area": "One area",
        "in_area": "in area {area} ",
        "moments": "Moments that turned the run",
        "policy": "Week {w}: the levers changed: {levers}.",
        "regime_first": "Week {w}: the first joint cases; {new} became the main way of "
        "working together.",
        "regime": "Week {w}: {new} took over from {old} as the main way of working together.",
        "first_tie": "Week {w}: {where}the first new strong tie across the two worlds "
        "grew, between {pro} and {inf}{shared}.",
        "shared": ", who were working on case {case} together",
        "not_shared": ", who shared no case at that moment",
        "more_ties": "By week {w}, {n} more areas had their first new tie.",
        "more_ties_one": "By week {w}, one more area had its first new tie.",
        "no_ties": "No new strong tie grew between a professional and an informal actor.",
        "first_success": "Week {w}: the first need solved together: {pro} and {inf} kept "
        "direct contact on case {case} until it was solved.",
        "ties": "Ties between the two worlds",
        "ties_count": "At the start {start} pairs of a professional and an informal actor "
        "knew each other well; {grown} such ties grew and {faded} faded; now {now}.",
        "ties_faded": "More ties faded than grew: without contact, familiarity decays "
        "(unfamiliarity, onbekendheid).",
        "ties_grew": "More ties grew than faded: shared cases and meetings kept the two "
        "worlds in contact.",
        "ties_even": "As many ties grew as faded.",
        "per_year": "Per year, grown / faded: {years}.",
        "year": "year {y}: {a} / {b}",
        "referrals": "Referrals",
        "ref_count": "Informal helpers referred {n} cases that found a route; professionals "
        "took {taken} seriously and dismissed {dismissed} ({share}).",
        "ref_years": "Share dismissed per year: {years}.",
        "ref_why": "A referral is taken seriously more often the better the professional "
        "knows the referrer (or the coordinator in between) and the less us-them distance "
        "the professional feels. Dismissed: familiarity {fd}, distance {dd}; taken "
        "seriously: familiarity {ft}, distance {dt} (means).",
        "ref_example": "Week {w}: {inf} referred case {case}{via} to {pro}, who dismissed "
        "it (familiarity {f}, distance {d}).",
        "via": " through {coord}",
        "none": "None.",
        "late": "Late escalations",
        "late_count": "{n} cases went to specialist care late, after an informal helper "
        "had carried them alone.",
        "late_count_one": "One case went to specialist care late, after an informal helper "
        "had carried it alone.",
        "late_cause": "{share} ({n}): {cause}.",
        "late_example": "Week {w}: case {case} went to specialist care after {inf} had "
        "carried it for {k} (severity {s}); {cause}.",
        "weeks": "{k} weeks",
        "one_week": "one week",
        "no_week": "less than a week",
        "kept_note": "The example below is the longest of the {k} escalations kept in full "
        "(the first and last).",
        "friction": "Disagreement and limits",
        "withdrawals": "{n} pairs stopped working in direct contact after a clash of "
        "logics that stayed unspoken (disagreement, onenigheid){first}.",
        "instrumental": "{n} hand-overs without contact felt like being used "
        "(instrumentalisation){first}.",
        "discontinuity": "{n} times an informal helper was left carrying a case beyond "
        "its wish when the professional closed its part (discontinuity){first}.",
        "withdrawals_one": "One pair stopped working in direct contact after a clash of "
        "logics that stayed unspoken (disagreement, onenigheid){first}.",
        "instrumental_one": "One hand-over without contact felt like being used "
        "(instrumentalisation){first}.",
        "discontinuity_one": "Once an informal helper was left carrying a case beyond its "
        "wish when the professional closed its part (discontinuity){first}.",
        "first_in": "; the first in week {w}",
        "success": "Needs solved together",
        "success_count": "{n} needs were solved by a professional and an informal helper "
        "who kept direct contact; per year: {years}.",
        "success_count_one": "One need was solved by a professional and an informal helper "
        "who kept direct contact; per year: {years}.",
        "no_log": "this run kept no event log; build it with events=True "
        "(the dashboard and `samenspel story` do)",
    },
    "nl": {
        "title": "De run verteld: week {week} van {weeks}",
        "setting": "{areas}: {pros} professionals, {informal} vrijwilligers en "
        "bewonersorganisaties, {coords} coördinatoren, {households} huishoudens.",
        "areas": "{n} gebieden",
        "one_area": "Eén gebied",
        "in_area": "in gebied {area} ",
        "moments": "Momenten die de run bepaalden",
        "policy": "Week {w}: de knoppen veranderden: {levers}.",
        "regime_first": "Week {w}: de eerste gedeelde casussen; {new} werd de voornaamste "
        "manier van samenwerken.",
        "regime": "Week {w}: {new} nam het over van {old} als voornaamste manier van samenwerken.",
        "first_tie": "Week {w}: {where}groeide de eerste nieuwe sterke band tussen de twee "
        "werelden, tussen {pro} en {inf}{shared}.",
        "shared": ", die samen aan casus {case} werkten",
        "not_shared": ", die op dat moment geen casus deelden",
        "more_ties": "Tegen week {w} hadden nog {n} gebieden hun eerste nieuwe band.",
        "more_ties_one": "Tegen week {w} had nog één gebied zijn eerste nieuwe band.",
        "no_ties": "Er groeide geen nieuwe sterke band tussen een professional en een "
        "informele partij.",
        "first_success": "Week {w}: de eerste samen opgeloste hulpvraag: {pro} en {inf} "
        "hielden direct contact over casus {case} tot die was opgelost.",
        "ties": "Banden tussen de twee werelden",
        "ties_count": "Bij de start kenden {start} paren van een professional en een "
        "informele partij elkaar goed; {grown} zulke banden groeiden en {faded} vervaagden; "
        "nu {now}.",
        "ties_faded": "Er vervaagden meer banden dan er groeiden: zonder contact neemt de "
        "bekendheid af (onbekendheid).",
        "ties_grew": "Er groeiden meer banden dan er vervaagden: gedeelde casussen en "
        "ontmoetingen hielden de twee werelden in contact.",
        "ties_even": "Er groeiden evenveel banden als er vervaagden.",
        "per_year": "Per jaar, gegroeid / vervaagd: {years}.",
        "year": "jaar {y}: {a} / {b}",
        "referrals": "Doorverwijzingen",
        "ref_count": "Informele helpers verwezen {n} casussen door die een weg vonden; "
        "professionals namen er {taken} serieus en {dismissed} niet ({share}).",
        "ref_years": "Aandeel niet serieus genomen per jaar: {years}.",
        "ref_why": "Een doorverwijzing wordt vaker serieus genomen naarmate de professional "
        "de verwijzer (of de coördinator ertussen) beter kent en minder wij-zij-afstand "
        "voelt. Niet serieus genomen: bekendheid {fd}, afstand {dd}; serieus genomen: "
        "bekendheid {ft}, afstand {dt} (gemiddelden).",
        "ref_example": "Week {w}: {inf} verwees casus {case}{via} door naar {pro}, die hem "
        "niet serieus nam (bekendheid {f}, afstand {d}).",
        "via": " via {coord}",
        "none": "Geen.",
        "late": "Late opschaling",
        "late_count": "{n} casussen gingen te laat naar specialistische zorg, nadat een "
        "informele helper ze alleen had gedragen.",
        "late_count_one": "Eén casus ging te laat naar specialistische zorg, nadat een "
        "informele helper hem alleen had gedragen.",
        "late_cause": "{share} ({n}): {cause}.",
        "late_example": "Week {w}: casus {case} ging naar specialistische zorg nadat {inf} "
        "hem {k} had gedragen (ernst {s}); {cause}.",
        "weeks": "{k} weken",
        "one_week": "één week",
        "no_week": "minder dan een week",
        "kept_note": "Het voorbeeld hieronder is de langste van de {k} volledig bewaarde "
        "opschalingen (de eerste en laatste).",
        "friction": "Onenigheid en grenzen",
        "withdrawals": "{n} paren stopten met direct contact na een botsing van logica's "
        "die onuitgesproken bleef (onenigheid){first}.",
        "instrumental": "{n} overdrachten zonder contact voelden als gebruikt worden "
        "(instrumentalisering){first}.",
        "discontinuity": "{n} keer bleef een informele helper een casus dragen boven zijn "
        "wens toen de professional zijn deel afsloot (discontinuïteit){first}.",
        "withdrawals_one": "Eén paar stopte met direct contact na een botsing van logica's "
        "die onuitgesproken bleef (onenigheid){first}.",
        "instrumental_one": "Eén overdracht zonder contact voelde als gebruikt worden "
        "(instrumentalisering){first}.",
        "discontinuity_one": "Eén keer bleef een informele helper een casus dragen boven "
        "zijn wens toen de professional zijn deel afsloot (discontinuïteit){first}.",
        "first_in": "; de eerste in week {w}",
        "success": "Samen opgelost",
        "success_count": "{n} hulpvragen werden opgelost door een professional en een "
        "informele helper die direct contact hielden; per jaar: {years}.",
        "success_count_one": "Eén hulpvraag werd opgelost door een professional en een "
        "informele helper die direct contact hielden; per jaar: {years}.",
        "no_log": "deze run hield geen gebeurtenissenlog bij; bouw hem met events=True "
        "(het dashboard en `samenspel story` doen dat)",
    },
}
