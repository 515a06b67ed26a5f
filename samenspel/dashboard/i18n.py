"""Dutch and English strings of the dashboard, and the language of each session.

Every label, description and explanation on the pages comes from here (or from the
parameter declarations and scenario files, which carry both languages). ``t(key)``
returns the text in the session's language; reading it inside a Solara component
makes the component redraw when the language changes.

The language starts as: ``?lang=nl|en`` in the address, else ``$SAMENSPEL_LANG``
(``samenspel dashboard --lang``), else the browser's preferred language (Dutch for
``nl``, ``nl-NL``, ``nl-BE``; English otherwise).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import solara

from ..model.params import Param
from ..outcomes import fixed

LANGS = ("nl", "en")
ENV_LANG = "SAMENSPEL_LANG"

lang = solara.reactive("")
"""The session's language; empty until detected (see ``current``)."""


def detect(headers: Mapping[str, list[str]] | None = None, search: str | None = None) -> str:
    """The starting language from the address, the setting or the browser.

    Args:
        headers: The request headers (lower-case names), e.g. ``solara.lab.headers``.
        search: The query string of the address (``lang=en``).

    """
    for part in (search or "").split("&"):
        key, _, value = part.partition("=")
        if key == "lang" and value in LANGS:
            return value
    env = os.environ.get(ENV_LANG, "").strip().lower()
    if env in LANGS:
        return env
    accept = ""
    for name, values in (headers or {}).items():
        if name.lower() == "accept-language" and values:
            accept = values[0]
    first = accept.split(",")[0].split(";")[0].strip().lower()
    return "nl" if first.startswith("nl") else "en"


def current() -> str:
    """The session's language (detected from the browser until set)."""
    if lang.value in LANGS:
        return lang.value
    try:
        from solara.lab import headers

        return detect(headers.value)  # type: ignore[attr-defined]  # a solara reactive
    except Exception:  # outside a server session
        return detect()


def nl() -> bool:
    """Whether the session's language is Dutch."""
    return current() == "nl"


def t(key: str, **fmt: object) -> str:
    """The text for ``key`` in the session's language, formatted with ``fmt``."""
    dutch, english = STRINGS[key]
    text = dutch if nl() else english
    return text.format(**fmt) if fmt else text


def pick(dutch: str, english: str) -> str:
    """One of two texts by the session's language."""
    return dutch if nl() else english


# --- page texts ---------------------------------------------------------------------

STRINGS: dict[str, tuple[str, str]] = {
    "app_title": (
        "samenspel: formeel en informeel in de wijk",
        "samenspel: formal and informal in the neighbourhood",
    ),
    "nav_explore": ("Verkennen", "Explore"),
    "nav_compare": ("Vergelijken", "Compare"),
    "nav_learn": ("Uitleg", "Learn"),
    "language": ("Taal", "Language"),
    "error": ("Er ging iets mis", "Something went wrong"),
    # explore
    "scenario": ("Scenario", "Scenario"),
    "seed": ("Toevalsgetal (seed)", "Random seed"),
    "too_large": (
        "{label}: {households} huishoudens in totaal is te veel voor de live weergave "
        "(hooguit {limit}); de waarden blijven zoals ze waren. Gebruik 'samenspel run' "
        "voor grotere wijken.",
        "{label}: {households} households in all is too many for the live view (at most "
        "{limit}); the values stay as they were. Use 'samenspel run' for larger worlds.",
    ),
    "err_hint": ("bedoelt u '{name}'? ", "did you mean '{name}'? "),
    "err_missing_keys": (
        "{where}: de sleutels {keys} ontbreken; elk moet een tekst zijn (de README heeft een "
        "voorbeeld van een scenariobestand)",
        "{where}: missing keys {keys}; each must be a text (the README has a template)",
    ),
    "err_missing_key": (
        "{where}: de sleutel {keys} ontbreekt; die moet een tekst zijn (de README heeft een "
        "voorbeeld van een scenariobestand)",
        "{where}: missing key {keys}; it must be a text (the README has a template)",
    ),
    "err_missing_context": (
        "{where}: de sleutel 'context' ontbreekt; kies een van {contexts} (of 'extends' om "
        "de context van een ander scenario over te nemen)",
        "{where}: missing key 'context'; choose one of {contexts} (or 'extends' to inherit it)",
    ),
    "err_unknown_key": (
        "{where}: onbekende sleutel '{name}'; {hint}zie de README voor de toegestane sleutels",
        "{where}: unknown key '{name}'; {hint}the README lists the allowed keys",
    ),
    "err_unknown_lever": (
        "{where}: onbekende knop '{name}' in [levers]; {hint}'samenspel params' noemt alle namen",
        "{where}: unknown lever '{name}' in [levers]; {hint}'samenspel params' lists them",
    ),
    "err_not_toml": (
        "{where}: geen geldige TOML (melding van de lezer: {detail})",
        "{where}: not valid TOML ({detail})",
    ),
    "err_lever_quoted": (
        "{where}: {label} moet een getal zijn, zonder aanhalingstekens; gegeven: {given}",
        "{where}: {label} must be a number, without quotes; given: {given}",
    ),
    "err_empty_text": (
        "{where}: de sleutel '{text_key}' moet een tekst zijn die niet leeg is; gegeven: {given}",
        "{where}: key '{text_key}' must be a non-empty text; given: {given}",
    ),
    "err_levers_not_table": (
        "{where}: [levers] moet een tabel zijn met regels naam = waarde; gegeven: {given}",
        "{where}: [levers] must be a table of name = value lines; given: {given}",
    ),
    "err_levers_context": (
        "{where}: 'context' hoort niet onder [levers]; zet context = {given} bovenaan het bestand",
        "{where}: 'context' does not belong in [levers]; put context = {given} at the top",
    ),
    "err_too_big": (
        "{where}: het bestand is {size} bytes, meer dan een scenariobestand kan zijn "
        "({limit}); is het het goede bestand?",
        "{where}: the file is {size} bytes, more than a scenario file can be ({limit}); "
        "is it the right file?",
    ),
    "err_encoding": (
        "{where}: de tekst is niet in UTF-8; sla het bestand op als UTF-8",
        "{where}: the text is not UTF-8; save the file as UTF-8",
    ),
    "err_not_toml_name": (
        "{where}: een scenariobestand eindigt op .toml",
        "{where}: a scenario file ends in .toml",
    ),
    "err_name_mismatch": (
        "{where}: de sleutel 'name' moet de bestandsnaam zonder .toml zijn ('{stem}'; kleine "
        "letters, cijfers, - en _); gegeven: '{given}'. Geef het bestand of de naam dezelfde "
        "naam.",
        "{where}: key 'name' must be the file name without .toml ('{stem}'; lower case, "
        "digits, - and _); given: '{given}'. Give the file and the name the same name.",
    ),
    "err_context_value": (
        "{where}: de sleutel 'context' moet een van {contexts} zijn; gegeven: {given}",
        "{where}: key 'context' must be one of {contexts}; given: {given}",
    ),
    "err_extends_text": (
        "{where}: de sleutel 'extends' moet de naam van een ander scenario zijn; gegeven: {given}",
        "{where}: key 'extends' must be the name of another scenario; given: {given}",
    ),
    "err_extends_unknown": (
        "{where}: 'extends' noemt geen bestaand scenario: '{name}'; {hint}de lijst van "
        "scenario's op deze pagina noemt de namen",
        "{where}: 'extends' names no existing scenario: '{name}'; {hint}the page's list of "
        "scenarios gives the names",
    ),
    "msg_whole": ("een geheel getal", "a whole number"),
    "msg_number": ("een getal", "a number"),
    "msg_range": ("{kind} van {low} tot en met {high}", "{kind} from {low} to {high}"),
    "msg_not_number": (
        "{label}: vul {allowed} in (gegeven: '{given}'); de waarde blijft zoals hij was.",
        "{label}: enter {allowed} (given: '{given}'); the value stays as it was.",
    ),
    "msg_choice": (
        "{label}: kies uit {allowed} (gegeven: '{given}'); de waarde blijft zoals hij was.",
        "{label}: choose one of {allowed} (given: '{given}'); the value stays as it was.",
    ),
    "msg_too_small": (
        "{label}: minstens {low} (gegeven: {given}); de waarde blijft zoals hij was.",
        "{label}: at least {low} (given: {given}); the value stays as it was.",
    ),
    "msg_too_large": (
        "{label}: hooguit {high} (gegeven: {given}); de waarde blijft zoals hij was.",
        "{label}: at most {high} (given: {given}); the value stays as it was.",
    ),
    "fault": (
        "Er ging iets mis in het model ({what}); probeer Opnieuw.",
        "Something went wrong in the model ({what}); try Reset.",
    ),
    "new_seed": ("Nieuwe seed", "New seed"),
    "step": ("Stap (1 week)", "Step (1 week)"),
    "year": ("+1 jaar", "+1 year"),
    "play": ("Afspelen", "Play"),
    "pause": ("Pauze", "Pause"),
    "reset": ("Opnieuw", "Reset"),
    "week": ("Week {week}", "Week {week}"),
    "week_of": ("Week {week} (jaar {year})", "Week {week} (year {year})"),
    "speed_short": ("{speed} weken/s", "{speed} weeks/s"),
    "close": ("Sluiten", "Close"),
    "about_chart": ("Uitleg bij deze figuur", "About this chart"),
    "about_lever": ("Uitleg bij {label}", "About {label}"),
    "lever_range": (
        "Bereik: {allowed}; standaard {default}.",
        "Range: {allowed}; default {default}.",
    ),
    "glossary_all": ("Alle begrippen", "All terms"),
    "nav_glossary": ("Begrippen", "Glossary"),
    "nav_label": ("Pagina's", "Pages"),
    "lang_nl": ("Nederlands", "Dutch (Nederlands)"),
    "lang_en": ("Engels (English)", "English"),
    "scale_pct": (
        "as: {lo}-{hi} van de open casussen, per week",
        "axis: {lo}-{hi} of open cases, by week",
    ),
    "scale_index": (
        "as: {lo}-{hi} (schaal 0 tot 1), per week",
        "axis: {lo}-{hi} (scale 0 to 1), by week",
    ),
    "one_side_title": (
        "Zonder contact (% van open casussen)",
        "No contact (% of open cases)",
    ),
    "o_familiarity_title": ("Onbekendheid: bekendheid", "Unfamiliarity: familiarity"),
    "o_disagreement_title": ("Onenigheid: gevoelde onenigheid", "Disagreement: felt disagreement"),
    "o_goals_title": ("Onbestemdheid: onduidelijke doelen", "Unclear goals: goal uncertainty"),
    "levers": ("Knoppen", "Levers"),
    "levers_hint": (
        "Een knop veranderen begint de wijk opnieuw in week 0.",
        "Changing a lever restarts the neighbourhood at week 0.",
    ),
    "changed": ("Standaard: {default}.", "Default: {default}."),
    "scenario_values": ("Terug naar de waarden van het scenario", "Back to the scenario's values"),
    "network": ("Netwerk van de actoren", "Network of the actors"),
    "network_hint": (
        "Links het wijkteam, rechts de informele kant, in het midden de coördinatoren. "
        "Lijnen zijn bekendheid: hoe dikker, hoe beter ze elkaar kennen; doorgetrokken "
        "vermiljoen lijnen lopen tussen formeel en informeel.",
        "The wijkteam on the left, the informal side on the right, coordinators in "
        "between. Lines are familiarity: the thicker, the better they know each other; "
        "solid vermillion lines run between formal and informal.",
    ),
    "network_capped": (
        "Getekend: {shown} van {total} actoren.",
        "Drawn: {shown} of {total} actors.",
    ),
    "tie_cross": ("formeel-informeel", "formal-informal"),
    "tie_broker": ("met coördinator", "with coordinator"),
    "tie_within": ("binnen één kant", "within one side"),
    "modes_title": (
        "Kanten in contact (% van open casussen)",
        "Sides in contact (% of open cases)",
    ),
    "os_title": ("De drie o's", "The three o's"),
    "regard_title": (
        "Wij-zij: waardering voor de andere kant",
        "Us-them: regard for the other side",
    ),
    "regime_title": ("Wat er nu gebeurt", "What is happening now"),
    "regime_coexistence": (
        "Vooral co-existentie: waar formele en informele helpers hetzelfde huishouden "
        "ondersteunen, doen ze dat vaker zonder enig contact met elkaar dan via een "
        "coördinator of rechtstreeks. Twee parallelle werelden.",
        "Mostly co-existence: where formal and informal helpers support the same "
        "household, they do so more often without any contact than through a coordinator "
        "or directly. Two parallel worlds.",
    ),
    "regime_intermediated": (
        "Vooral samenwerking via intermediairs: waar formeel en informeel samen helpen, "
        "loopt het contact vaker via een coördinator dan rechtstreeks of helemaal niet.",
        "Mostly intermediated: where formal and informal help together, their contact "
        "runs through a coordinator more often than directly or not at all.",
    ),
    "regime_coproduction": (
        "Vooral coproductie: waar formeel en informeel samen helpen, hebben professionals "
        "en informele partijen vaker rechtstreeks contact over de casus gehad dan via een "
        "coördinator of helemaal niet.",
        "Mostly co-production: where formal and informal help together, professionals and "
        "informal parties have more often been in direct contact on the case than through "
        "a coordinator or not at all.",
    ),
    "regime_none": (
        "Nog geen gedeelde casussen: formele en informele hulp komen (nog) niet bij "
        "dezelfde huishoudens samen.",
        "No shared cases yet: formal and informal help do not (yet) meet at the same households.",
    ),
    "regime_shares": (
        "Beide kanten werkten {period} aan gemiddeld {shared} van de open casussen: "
        "{coex} co-existentie, {inter} via intermediair, {coprod} coproductie (alle als "
        "aandeel van de open casussen). De rest ({rest}) is alleen formeel of alleen "
        "informeel. Open casussen nu: {open}.",
        "On average both sides worked on {shared} of the open cases {period}: {coex} "
        "co-existence, {inter} intermediated, {coprod} co-production (all as shares of "
        "the open cases). The rest ({rest}) is formal only or informal only. Open cases "
        "now: {open}.",
    ),
    "period_year": ("het afgelopen jaar", "over the last year"),
    "period_weeks": ("in de {weeks} weken tot nu", "in the {weeks} weeks so far"),
    "period_week": ("in de eerste week", "in the first week"),
    "period_start": ("bij de start", "at the start"),
    "speed": ("Snelheid (weken per seconde)", "Speed (weeks per second)"),
    "stop_at": ("stopt na {weeks} weken", "stops after {weeks} weeks"),
    # compare
    "compare_intro": (
        "Kies twee tot vier scenario's. Elk scenario draait even vaak, met dezelfde "
        "seeds (gemeenschappelijke toevalsgetallen), zodat verschillen door het beleid "
        "komen en niet door toeval. Het eerste scenario is de referentie.",
        "Choose two to four scenarios. Each runs equally often, with the same seeds "
        "(common random numbers), so differences come from the policy, not from luck. "
        "The first scenario is the reference.",
    ),
    "scenarios": ("Scenario's (2 tot 4)", "Scenarios (2 to 4)"),
    "replicates": ("Herhalingen per scenario", "Replicates per scenario"),
    "weeks": ("Weken per run", "Weeks per run"),
    "first_seed": ("Eerste seed", "First seed"),
    "run": ("Vergelijk", "Compare"),
    "running": ("Bezig: {done} van {total} runs", "Running: {done} of {total} runs"),
    "done": (
        "{runs} runs in {seconds} s op {workers} processen.",
        "{runs} runs in {seconds} s on {workers} processes.",
    ),
    "need_2_4": (
        "Kies twee tot vier scenario's (nu {n}).",
        "Choose two to four scenarios (now {n}).",
    ),
    "outcomes_title": (
        "Uitkomsten per scenario: gemiddelde en 95%-betrouwbaarheidsinterval",
        "Outcomes per scenario: mean and 95 % confidence interval",
    ),
    "curves_title": (
        "Verloop per week: gemiddelde en 95%-band over de herhalingen",
        "Week by week: mean and 95 % band over the replicates",
    ),
    "diff_title": (
        "Gepaarde verschillen met {ref} (zelfde seeds)",
        "Paired differences to {ref} (same seeds)",
    ),
    "diff_hint": (
        "Verschil = scenario min referentie, per seed, met 95%-interval. Vet: het interval "
        "bevat de nul niet.",
        "Difference = scenario minus reference, per seed, with 95 % interval. Bold: the "
        "interval does not contain zero.",
    ),
    "outcome": ("Uitkomst", "Outcome"),
    "reference": ("(referentie)", "(reference)"),
    "download": ("Downloaden", "Download"),
    "dl_table": ("Tabel uitkomsten (CSV)", "Outcome table (CSV)"),
    "dl_runs": ("Alle runs (CSV)", "All runs (CSV)"),
    "dl_bars": ("Figuur uitkomsten (PNG)", "Outcome figure (PNG)"),
    "dl_modes": ("Figuur vormen (PNG)", "Modes figure (PNG)"),
    "dl_os": ("Figuur drie o's (PNG)", "Three o's figure (PNG)"),
    "week_axis": ("week", "week"),
    # learn
    "try_button": ("Open in Verkennen", "Open in Explore"),
    "reference_pick": ("Referentie (verschillen ten opzichte van)", "Reference (differences to)"),
    "queued": (
        "In de rij: {ahead} vergelijking(en) vóór de uwe. Hij start vanzelf.",
        "In line: {ahead} comparison(s) before yours. It starts by itself.",
    ),
    "running_eta": (
        "Bezig: {done} van {total} runs, {elapsed} s bezig, nog ongeveer {left} s",
        "Running: {done} of {total} runs, {elapsed} s so far, about {left} s left",
    ),
    "mem_ceiling": (
        "Deze vergelijking zou ongeveer {need} MB geheugen vragen, meer dan de {limit} MB "
        "die één vergelijking mag; kies minder herhalingen of weken.",
        "This comparison would need about {need} MB of memory, more than the {limit} MB one "
        "comparison may use; choose fewer replicates or weeks.",
    ),
    "mem_free": (
        "Deze vergelijking vraagt ongeveer {need} MB geheugen en er is nu {free} MB vrij; "
        "kies minder herhalingen of weken, of probeer het zo weer.",
        "This comparison needs about {need} MB of memory and {free} MB is free now; choose "
        "fewer replicates or weeks, or try again shortly.",
    ),
    "own_title": ("Eigen scenario laden (TOML)", "Load your own scenario (TOML)"),
    "own_hint": (
        "Een scenariobestand zoals in de bibliotheek (of bewaard via Verkennen). Het wordt "
        "gecontroleerd zoals 'samenspel run bestand.toml' doet.",
        "A scenario file as in the library (or saved from Explore). It is checked as "
        "'samenspel run file.toml' checks it.",
    ),
    "upload_label": ("Sleep een .toml-bestand hierheen", "Drop a .toml file here"),
    "paste_label": ("... of plak de tekst van het bestand", "... or paste the file's text"),
    "paste_load": ("Laden", "Load"),
    "upload_bad": ("Niet geladen: {why}", "Not loaded: {why}"),
    "upload_ok": ("Geladen: {title} ({name}).", "Loaded: {title} ({name})."),
    "dl_scenario": ("Scenario {name} (TOML)", "Scenario {name} (TOML)"),
    "compare_mine": ("Vergelijk wat ik nu heb", "Compare what I have now"),
    "save_mine": ("Knoppen bewaren (TOML)", "Save levers (TOML)"),
    "load_mine": ("Scenariobestand openen", "Open a scenario file"),
    "why_title": (
        "Waarom: welk mechanisme draagt het effect?",
        "Why: which mechanism carries the effect?",
    ),
    "why_hint": (
        "Draait 'samenspel explain': het scenario en {ref} nog eens, met telkens één "
        "mechanisme uit (zelfde seeds, weken en herhalingen als de vergelijking).",
        "Runs 'samenspel explain': the scenario and {ref} again, each time with one mechanism "
        "switched off (the comparison's seeds, weeks and replicates).",
    ),
    "why_pick": ("Scenario om te verklaren", "Scenario to explain"),
    "why_run": ("Waarom?", "Why?"),
    "why_intro": (
        "Effect van {s} ten opzichte van {b} ({r} herhalingen x {w} weken):",
        "Effect of {s} against {b} ({r} replicates x {w} weeks):",
    ),
    "why_line": (
        "{outcome}: {effect} [{low}; {high}]; vooral gedragen door: {carried}.",
        "{outcome}: {effect} [{low}; {high}]; carried mostly by: {carried}.",
    ),
    "why_none_clear": (
        "geen enkel mechanisme apart (ze werken samen)",
        "no single mechanism on its own (they work together)",
    ),
    "why_no_effect": (
        "Geen uitkomst verschilt duidelijk (elk interval bevat 0); meer herhalingen kunnen "
        "een effect laten zien.",
        "No outcome differs clearly (every interval contains 0); more replicates may show "
        "an effect.",
    ),
    "why_read": (
        "Gedragen deel = effect min effect zonder dat mechanisme; de percentages tellen niet "
        "op tot 100: mechanismen werken samen. Figuur: per uitkomst een balk per mechanisme.",
        "Part carried = effect minus effect without that mechanism; the percentages need not "
        "add up to 100: mechanisms interact. Figure: per outcome a bar per mechanism.",
    ),
    "link_bad_own_view": (
        "De link draagt een eigen scenario dat niet te lezen is ({message}); het "
        "basisscenario is geladen.",
        "The link carries an own scenario that cannot be read ({message}); the baseline "
        "is loaded instead.",
    ),
    "link_bad_scenario": (
        "De link noemt een onbekend scenario ('{name}'); het basisscenario is geladen.",
        "The link names an unknown scenario ('{name}'); the baseline is loaded instead.",
    ),
    "share_link": ("Link naar deze weergave", "Link to this view"),
    "compare_link": ("Link naar deze vergelijking", "Link to this comparison"),
    "link_bad_own": (
        "De link draagt een eigen scenario dat niet te lezen is ({message}); er is niets "
        "vergeleken.",
        "The link carries an own scenario that cannot be read ({message}); nothing was compared.",
    ),
    "link_bad_compare": (
        "De link noemt een onbekend scenario ('{name}'); er is niets vergeleken.",
        "The link names an unknown scenario ('{name}'); nothing was compared.",
    ),
    "link_bad_weeks": (
        "{label}: kies {choices}; de link geeft '{given}'.",
        "{label}: choose {choices}; the link gives '{given}'.",
    ),
    "actor_hint": (
        "Klik op een actor in het netwerk om te zien hoe die er nu voor staat.",
        "Click an actor in the network to see how it stands now.",
    ),
    "actor_title": ("Actor #{i} in week {week}", "Actor #{i} in week {week}"),
    "actor_kind": ("soort, kant", "kind, side"),
    "actor_logic": (
        "kennislogica (0 ervaring - 1 formeel)",
        "knowledge logic (0 experiential - 1 formalised)",
    ),
    "actor_role_view": (
        "wat informelen kunnen dragen (0-1)",
        "what informal parties can carry (0-1)",
    ),
    "actor_regard": ("waardering voor de andere kant", "regard for the other side"),
    "actor_ingroup": ("identificatie met eigen groep", "in-group identification"),
    "actor_threat": ("gevoelde dreiging", "felt threat"),
    "actor_uncertainty": ("onbestemdheid", "goal uncertainty"),
    "actor_load": ("casussen / capaciteit", "cases / capacity"),
    "actor_ties": ("sterkste banden (bekendheid)", "strongest ties (familiarity)"),
    "of_all_cases": (" (aandeel van alle casussen)", " (share of all cases)"),
    "nav_sweeps": ("Parameterstudies", "Sweeps"),
    "factor": ("factor", "factor"),
    "sweep_intro": (
        "Open de map van een afgeronde 'samenspel sweep' (met spec.toml, design.parquet en "
        "runs/) op deze computer. De getallen zijn die van 'samenspel analyse'; er wordt "
        "niets in de map geschreven.",
        "Open the folder of a finished 'samenspel sweep' (with spec.toml, design.parquet and "
        "runs/) on this computer. The numbers are those of 'samenspel analyse'; nothing is "
        "written into the folder.",
    ),
    "sweep_folder": ("Map (pad op de server)", "Folder (path on the server)"),
    "heat_legend": (
        "kleur van laagste tot hoogste cel; elke kaart heeft zijn eigen schaal",
        "colour from the lowest to the highest cell; each map has its own scale",
    ),
    "sweep_bad": ("Niet geopend: {why}", "Not opened: {why}"),
    "sweep_missing": (
        "{path}: deze map bestaat niet (op de computer waarop het dashboard draait)",
        "{path}: no such folder (on the computer the dashboard runs on)",
    ),
    "sweep_file": (
        "{path}: dit is een bestand, geen map; geef de map die 'samenspel sweep' schreef (--out)",
        "{path}: a file, not a folder; give the folder 'samenspel sweep' wrote (--out)",
    ),
    "sweep_not_results": (
        "{path}: geen map met resultaten van een sweep (spec.toml of design.parquet "
        "ontbreekt); geef de map die 'samenspel sweep' schreef (--out)",
        "{path}: not a sweep results folder (no spec.toml or design.parquet); give the "
        "folder 'samenspel sweep' wrote (--out)",
    ),
    "sweep_about": (
        "Ontwerp {design}, {weeks} weken per run. Sobol: S1 (alleen deze factor) en ST (met "
        "alle wisselwerkingen); Morris: mu* (gemiddeld absoluut effect); raster: gemiddelde per cel.",
        "Design {design}, {weeks} weeks per run. Sobol: S1 (this factor alone) and ST (with "
        "all interactions); Morris: mu* (mean absolute effect); grid: mean per cell.",
    ),
    "dl_weekly": ("Run per week (CSV)", "Run by week (CSV)"),
    "dl_summary": ("Samenvatting run (CSV)", "Run summary (CSV)"),
    "story_title": ("Het verhaal van deze run", "The story of this run"),
    "story_show": ("Vertel wat er gebeurde", "Tell what happened"),
    "story_hide": ("Verhaal verbergen", "Hide the story"),
    "story_paused": (
        "Pauzeer om het verhaal te lezen; het volgt de run.",
        "Pause to read the story; it follows the run.",
    ),
    "story_mark": ("Toon week {week} in de grafieken", "Show week {week} on the curves"),
    "story_unmark": ("Markering weghalen", "Remove the mark"),
    "story_download": ("Verhaal (Markdown)", "Story (Markdown)"),
    "story_events": ("Gebeurtenissen (CSV)", "Events (CSV)"),
    "marked_week": ("week {week}", "week {week}"),
    "dl_explain": ("Tabel verklaring (CSV)", "Explanation table (CSV)"),
    "dl_explain_png": ("Figuur alle uitkomsten (PNG)", "Figure, all outcomes (PNG)"),
    "why_outcome": ("Uitkomst", "Outcome"),
    "why_chart_title": (
        "{outcome}: effect {effect} [{low}, {high}]; wat elk mechanisme draagt",
        "{outcome}: effect {effect} [{low}, {high}]; what each mechanism carries",
    ),
    "why_bars": (
        "Donkere balken: interval zonder 0 (het mechanisme draagt duidelijk een deel); "
        "lichte: interval met 0. Stippellijn: het hele effect, gearceerd zijn 95 %-interval.",
        "Dark bars: interval excludes 0 (the mechanism clearly carries a part); light: "
        "interval includes 0. Dashed line: the whole effect, shaded its 95 % interval.",
    ),
}

# --- the model's vocabulary ---------------------------------------------------------

MODES = {
    "share_coproduction": ("coproductie", "co-production"),
    "share_intermediated": ("via intermediair", "intermediated"),
    "share_coexistence": ("co-existentie", "co-existence"),
    "share_formal_only": ("alleen formeel", "formal only"),
    "share_informal_only": ("alleen informeel", "informal only"),
}

GAUGES = {
    **MODES,
    "familiarity": ("bekendheid (tegen onbekendheid)", "familiarity (against unfamiliarity)"),
    "disagreement": ("onenigheid (verschil in logica's)", "disagreement (difference of logics)"),
    "goal_uncertainty": ("onbestemdheid (onduidelijke doelen)", "goal uncertainty (onbestemdheid)"),
    "regard_formal": ("professionals over informelen", "professionals about informal actors"),
    "regard_informal": ("informelen over professionals", "informal actors about professionals"),
    "ei_index": ("E-I-index sterke banden", "E-I index of strong ties"),
    "brokerage_share": ("aandeel via coördinatoren", "share through coordinators"),
    "informal_uptake": ("informele inzet (aandeel casussen)", "informal uptake (share of cases)"),
    "open_cases": ("open casussen", "open cases"),
    "cases": ("casussen", "cases"),
    "late_escalations": ("te late opschaling", "late escalations"),
    "instrumentalisations": ("instrumentalisering", "instrumentalisation"),
    "referrals": ("doorverwijzingen", "referrals"),
    "referrals_taken_seriously": ("serieus genomen doorverwijzingen", "referrals taken seriously"),
    "silent_reached": ("stille problemen bereikt", "silent problems reached"),
    "discontinuities": ("discontinuïteit", "discontinuities"),
    "clashes": ("botsingen", "clashes"),
    "wijktafel_attendance": ("aanwezigen wijktafels", "wijktafel attendance"),
    "reflection_participation": ("deelnemers reflectie", "reflection participants"),
    "coordinator_betweenness": ("tussenpositie coördinatoren", "coordinator betweenness"),
    "felt_disagreement": (
        "gevoelde onenigheid (verzacht door erkenning)",
        "felt disagreement (softened by recognition)",
    ),
    "recognition": ("erkenning van andere logica's", "recognition of other logics"),
    "ingroup_formal": (
        "identificatie professionals met eigen groep",
        "professionals' in-group identification",
    ),
    "ingroup_informal": (
        "identificatie informelen met eigen groep",
        "informal actors' in-group identification",
    ),
    "threat": (
        "gevoelde identiteitsdreiging (volgt de druk)",
        "felt identity threat (follows the pressure)",
    ),
    "cross_strong_ties": ("sterke banden formeel-informeel", "formal-informal strong ties"),
    "informal_knowing_pro": (
        "informelen die een professional goed kennen",
        "informal actors who know a professional well",
    ),
    "pro_knowing_informal": (
        "professionals die een informele actor goed kennen",
        "professionals who know an informal actor well",
    ),
    "shared_known": (
        "gedeelde casussen waarin helpers elkaar kennen",
        "shared cases whose helpers know each other",
    ),
    "referrals_dismissed": ("afgewezen doorverwijzingen", "referrals dismissed"),
    "own_way": ("zelf naar het wijkteam (na gidswerk)", "went to the wijkteam itself"),
    "warm_handovers": ("warme overdrachten", "warm hand-overs"),
    "clashes_unspoken": ("onuitgesproken botsingen", "unspoken clashes"),
    "introductions": ("introducties door coördinatoren", "introductions by coordinators"),
    "joint_successes": ("gezamenlijke successen", "joint successes"),
    "wijktafel_attendance_formal": ("professionals op wijktafels", "professionals at wijktafels"),
    "wijktafel_attendance_migrant": (
        "migrantenorganisaties en -vrijwilligers op wijktafels",
        "migrant organisations and volunteers at wijktafels",
    ),
    "community_visits": ("bezoeken voor communitywork", "community-work visits"),
    "referrals_migrant": (
        "doorverwijzingen door migrantenorganisaties",
        "referrals by migrant organisations and volunteers",
    ),
    "unmet_need": (
        "onvervulde nood (zwaarte x weken per huishouden)",
        "unmet need (severity x weeks per household)",
    ),
    "weeks_to_help": ("weken tot hulp", "weeks to help"),
    "needs_resolved": ("aandeel opgeloste hulpvragen", "share of needs resolved"),
    "escalations_per_100": (
        "late opschalingen per 100 huishoudens",
        "late escalations per 100 households",
    ),
    "silent_left_per_100": (
        "stille problemen over per 100 huishoudens",
        "silent problems left per 100 households",
    ),
    "sources_per_case": ("hulpbronnen per casus", "sources of help per case"),
    "formal_sources_per_case": ("formele hulpbronnen per casus", "formal sources per case"),
    "informal_sources_per_case": ("informele hulpbronnen per casus", "informal sources per case"),
    "good_contacts_formal": ("goede contacten (professionals)", "good contacts (professionals)"),
    "bad_contacts_formal": ("slechte contacten (professionals)", "bad contacts (professionals)"),
    "good_contacts_informal": ("goede contacten (informelen)", "good contacts (informal actors)"),
    "bad_contacts_informal": ("slechte contacten (informelen)", "bad contacts (informal actors)"),
    "informal_source_share": ("aandeel informele hulpbronnen", "informal share of sources"),
}

KINDS = {
    0: ("wijkteamprofessional", "wijkteam professional"),
    1: ("vrijwilliger", "volunteer"),
    2: ("coördinator (intermediair)", "coordinator (intermediary)"),
    3: ("bewonersorganisatie", "residents' organisation"),
}

GROUPS = {
    "unfamiliarity": ("Onbekendheid", "Unfamiliarity (onbekendheid)"),
    "disagreement": ("Onenigheid", "Disagreement (onenigheid)"),
    "goals": ("Onbestemdheid (doelen)", "Unclear goals (onbestemdheid)"),
    "identity": ("Identiteit", "Identity"),
    "capacity": ("Capaciteit", "Capacity"),
    "context": ("Context van de wijk", "Context of the neighbourhood"),
    "mechanism": ("Mechanismen (voor gevorderden)", "Mechanisms (advanced)"),
    "initial": ("Startwaarden (voor gevorderden)", "Starting dispositions (advanced)"),
    "switch": ("Mechanismen aan/uit (voor gevorderden)", "Mechanisms on/off (advanced)"),
}
GROUP_ORDER = (
    "unfamiliarity",
    "disagreement",
    "goals",
    "identity",
    "capacity",
    "context",
    "mechanism",
    "initial",
    "switch",
)

CHOICES = {
    "city": ("grote stad", "big city"),
    "town": ("kleinere stad", "small town"),
    "unclear": ("onduidelijk (geen expliciet model)", "unclear (no explicit model)"),
    "accessibility": ("toegankelijkheidsperspectief", "accessibility perspective"),
    "accessibility_plus": ("toegankelijkheid-plus", "accessibility-plus"),
    "civil_society": ("civil society perspectief", "civil society perspective"),
    "no_governance": ("civil society zonder sturing", "civil society without steering"),
    "wijkteam": ("in het wijkteam", "in the wijkteam"),
    "sociale_basis": ("in de sociale basis", "in the sociale basis"),
}

UNITS = {
    "households": "huishoudens",
    "persons": "personen",
    "areas": "gebieden",
    "organisations": "organisaties",
    "per household per week": "per huishouden per week",
    "share": "aandeel",
    "share of pairs": "aandeel paren",
    "meetings per year": "bijeenkomsten per jaar",
    "probability": "kans",
    "sessions per year": "sessies per jaar",
    "cases per professional": "casussen per professional",
    "cases per coordinator": "casussen per coördinator",
    "hours per week": "uur per week",
    "per week": "per week",
    "per contact": "per contact",
    "per event": "per gebeurtenis",
    "ratio": "verhouding",
    "per session": "per sessie",
    "contact per meeting": "contact per ontmoeting",
    "contact per week": "contact per week",
    "factor": "factor",
    "familiarity": "bekendheid",
    "load ratio": "belasting/capaciteit",
    "per severity": "per eenheid zwaarte",
    "regard": "waardering",
    "severity": "zwaarte",
    "shape": "vorm",
    "support": "steun",
    "weeks": "weken",
    "weight": "gewicht",
}


def label(param: Param) -> str:
    """A parameter's label in the session's language."""
    return param.label_nl if nl() else param.label_en


def meaning(param: Param) -> str:
    """What a parameter means, in the session's language."""
    return param.meaning_nl if nl() else param.meaning


def unit(param: Param) -> str:
    """A parameter's unit in the session's language."""
    return UNITS.get(param.unit, param.unit) if nl() else param.unit


def choice(value: str) -> str:
    """The label of a choice value (a context, model or place of the interplay)."""
    pair = CHOICES.get(value)
    return (pair[0] if nl() else pair[1]) if pair else value


def _from(table: Mapping[Any, tuple[str, str]], key: object) -> str:
    pair = table.get(key)
    if pair is None:
        return str(key)
    return pair[0] if nl() else pair[1]


GROUP_SUFFIXES = {
    "_non_migrant": (" (niet-migranten)", " (non-migrant households)"),
    "_migrant": (" (migranten)", " (migrant households)"),
}
"""Outcomes measured per group of households: the outcome's label with the group."""


def gauge(name: str) -> str:
    """The label of a weekly gauge or outcome (per group: the outcome's, with the group)."""
    for suffix, words in GROUP_SUFFIXES.items():
        base = name.removesuffix(suffix)
        if base != name and base in GAUGES:
            return _from(GAUGES, base) + (words[0] if nl() else words[1])
    return _from(GAUGES, name)


def kind(code: int) -> str:
    """The name of an actor kind (0 professional ... 3 residents' organisation)."""
    return _from(KINDS, code)


def group(name: str) -> str:
    """The heading of a group of parameters."""
    return _from(GROUPS, name)


def number(x: float, digits: int = 2, signed: bool = False, dutch: bool | None = None) -> str:
    """A number with a decimal comma in Dutch, a point in English (never ``-0.00``).

    ``dutch`` is the language if the caller knows it: one that writes thousands of
    numbers asks ``nl()`` once (each call reads the session's state).
    """
    text = fixed(x, digits, signed)
    return text.replace(".", ",") if (nl() if dutch is None else dutch) else text


def percent(x: float) -> str:
    """A share as a whole percentage ("n/a" when missing)."""
    if x != x:
        return "n.v.t." if nl() else "n/a"
    return f"{100 * x:.0f}%"
