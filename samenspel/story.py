"""A run told as a story: what happened and why, in Dutch or English.

``tell(model, lang)`` reads a run's event log (``model.events``, kept when the model is
built with ``events=True``; see ``samenspel.model.events``) and writes a short account
in sections: the moments that turned the run (lever changes, regime changes, the first
tie grown across the two worlds in each area, the first need solved together), then the
ties, the referrals and why they were dismissed, the late escalations and why the cases
were kept, disagreement and limits, and the needs solved together. Every line that
names an event carries its week, so the dashboard can mark it on the curves
(``Line.week``); ``Story.markdown()`` is the same text for ``samenspel story``.

The story only reports what the log holds, with the rule that produced it: a referral's
familiarity and us-them distance are the two numbers that set its chance of being taken
seriously (docs/ODD.md 7.7); a late escalation's cause is read from the case's history
(7.17a). Numbers over individual events (means of familiarity and distance) are over
the events kept in full, the first and last 200 of each kind; counts are over all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .model.events import Cause, Event, Kind
from .model.params import PARAMS
from .model.state import Kind as ActorKind
from .model.state import Mode

LANGS = ("nl", "en")
FIRST_AREAS = 3
"""Areas whose first tie is told one by one; the rest are summed up."""


class StoryError(ValueError):
    """A story was asked of a run that kept no event log, or in an unknown language."""


@dataclass(frozen=True)
class Line:
    """One sentence of the story, and the week it is about (None: the whole run)."""

    text: str
    week: int | None = None


@dataclass(frozen=True)
class Section:
    """A heading and its lines."""

    heading: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Story:
    """The account of one run."""

    title: str
    sections: tuple[Section, ...]

    def weeks(self) -> list[int]:
        """The weeks the story points at, in order, each once."""
        return sorted({ln.week for s in self.sections for ln in s.lines if ln.week is not None})

    def markdown(self) -> str:
        """The story as Markdown (headings and bullet points)."""
        out = [f"# {self.title}", ""]
        for s in self.sections:
            out += [f"## {s.heading}", ""]
            out += [f"- {ln.text}" for ln in s.lines]
            out.append("")
        return "\n".join(out)


_ACTOR = {
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
_MODE = {
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
_CAUSE = {
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
_T = {
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
        "kept_note": "Causes over the {k} escalations kept in full (the first and last).",
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
        "kept_note": "Oorzaken over de {k} volledig bewaarde opschalingen (de eerste en laatste).",
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


class _Teller:
    """Builds the sections of one story (one language, one run)."""

    def __init__(self, model: Any, lang: str) -> None:
        self.m, self.lang, self.log = model, lang, model.events
        self.txt = _T[lang]

    def t(self, key: str, **fmt: Any) -> str:
        """The text ``key``; its ``_one`` form when it counts ``n`` = 1 and has one."""
        if fmt.get("n") == 1 and f"{key}_one" in self.txt:
            key = f"{key}_one"
        return self.txt[key].format(**fmt)

    def num(self, x: float, digits: int = 2) -> str:
        text = f"{x:.{digits}f}"
        return text.replace(".", ",") if self.lang == "nl" else text

    def share(self, part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f}%" if whole else "-"

    def duration(self, weeks: int) -> str:
        if weeks == 0:
            return self.t("no_week")
        return self.t("one_week") if weeks == 1 else self.t("weeks", k=weeks)

    def value(self, x: Any) -> str:
        if isinstance(x, float) and x.is_integer():
            return str(int(x))
        return self.num(x) if isinstance(x, float) else str(x)

    def actor(self, i: int) -> str:
        return f"{_ACTOR[self.lang][ActorKind(int(self.m.actors.kind[i]))]} #{i}"

    def years(self, kind: Kind) -> np.ndarray:
        return self.log.per_year(kind, self.m.week)

    def first(self, kind: Kind) -> Event | None:
        kept = self.log.events(kind)
        return kept[0] if kept else None

    def since(self, kind: Kind) -> str:
        ev = self.first(kind)
        return self.t("first_in", w=ev.week) if ev else ""

    # --- sections ----------------------------------------------------------------------
    def moments(self) -> Section:
        lines: list[Line] = []
        for ev in self.log.events(Kind.POLICY):
            levers = ", ".join(
                f"{_label(name, self.lang)} {self.value(v)}" for name, v in ev.levers
            )
            lines.append(Line(self.t("policy", w=ev.week, levers=levers), ev.week))
        for ev in self.log.events(Kind.REGIME):
            old, new = (Mode(int(v)) for v in ev.values)
            modes = _MODE[self.lang]
            if old in modes:
                text = self.t("regime", w=ev.week, new=modes[new], old=modes[old])
            else:
                text = self.t("regime_first", w=ev.week, new=modes[new])
            lines.append(Line(text, ev.week))
        firsts = self.log.events(Kind.FIRST_TIE)
        for ev in firsts[:FIRST_AREAS]:
            pro, inf = ev.actors
            shared = self.t("shared", case=ev.case) if ev.case >= 0 else self.t("not_shared")
            where = self.t("in_area", area=ev.area) if self.m.areas.n_areas > 1 else ""
            text = self.t(
                "first_tie",
                w=ev.week,
                where=where,
                pro=self.actor(pro),
                inf=self.actor(inf),
                shared=shared,
            )
            lines.append(Line(text, ev.week))
        if len(firsts) > FIRST_AREAS:
            last = firsts[-1].week
            lines.append(Line(self.t("more_ties", w=last, n=len(firsts) - FIRST_AREAS), last))
        if not firsts:
            lines.append(Line(self.t("no_ties")))
        ok = self.first(Kind.JOINT_SUCCESS)
        if ok is not None:
            pro, inf = ok.actors
            text = self.t(
                "first_success", w=ok.week, pro=self.actor(pro), inf=self.actor(inf), case=ok.case
            )
            lines.append(Line(text, ok.week))
        dated = sorted((ln for ln in lines if ln.week is not None), key=lambda ln: ln.week or 0)
        return Section(self.t("moments"), tuple(dated + [ln for ln in lines if ln.week is None]))

    def ties(self) -> Section:
        strong = self.m.weekly()["cross_strong_ties"]
        grown, faded = self.log.total(Kind.TIE_GROWN), self.log.total(Kind.TIE_FADED)
        lines = [
            Line(
                self.t(
                    "ties_count",
                    start=int(strong.iloc[0]),
                    grown=grown,
                    faded=faded,
                    now=int(strong.iloc[-1]),
                )
            )
        ]
        verdict = "ties_faded" if faded > grown else "ties_grew" if grown > faded else "ties_even"
        lines.append(Line(self.t(verdict)))
        g, f = self.years(Kind.TIE_GROWN), self.years(Kind.TIE_FADED)
        if len(g) > 1:
            years = "; ".join(
                self.t("year", y=y + 1, a=int(a), b=int(b))
                for y, (a, b) in enumerate(zip(g, f, strict=True))
            )
            lines.append(Line(self.t("per_year", years=years)))
        return Section(self.t("ties"), tuple(lines))

    def referrals(self) -> Section:
        taken, dismissed = (
            self.log.total(Kind.REFERRAL_TAKEN),
            self.log.total(Kind.REFERRAL_DISMISSED),
        )
        n = taken + dismissed
        if not n:
            return Section(self.t("referrals"), (Line(self.t("none")),))
        lines = [
            Line(
                self.t(
                    "ref_count",
                    n=n,
                    taken=taken,
                    dismissed=dismissed,
                    share=self.share(dismissed, n),
                )
            )
        ]
        t_y, d_y = self.years(Kind.REFERRAL_TAKEN), self.years(Kind.REFERRAL_DISMISSED)
        if len(t_y) > 1:
            years = "; ".join(
                f"{y + 1}: {self.share(int(d), int(a + d))}"
                for y, (a, d) in enumerate(zip(t_y, d_y, strict=True))
            )
            lines.append(Line(self.t("ref_years", years=years)))
        kept_d = self.log.events(Kind.REFERRAL_DISMISSED)
        kept_t = self.log.events(Kind.REFERRAL_TAKEN)
        if kept_d and kept_t:
            fd, dd = _means(kept_d)
            ft, dt = _means(kept_t)
            lines.append(
                Line(
                    self.t(
                        "ref_why",
                        fd=self.num(fd),
                        dd=self.num(dd),
                        ft=self.num(ft),
                        dt=self.num(dt),
                    )
                )
            )
        if kept_d:
            ev = kept_d[-1]
            via = self.t("via", coord=self.actor(ev.actors[2])) if len(ev.actors) > 2 else ""
            text = self.t(
                "ref_example",
                w=ev.week,
                inf=self.actor(ev.actors[0]),
                case=ev.case,
                via=via,
                pro=self.actor(ev.actors[1]),
                f=self.num(ev.values[0]),
                d=self.num(ev.values[1]),
            )
            lines.append(Line(text, ev.week))
        return Section(self.t("referrals"), tuple(lines))

    def late(self) -> Section:
        total = self.log.total(Kind.LATE_ESCALATION)
        if not total:
            return Section(self.t("late"), (Line(self.t("none")),))
        kept = self.log.events(Kind.LATE_ESCALATION)
        lines = [Line(self.t("late_count", n=total))]
        causes = Counter(ev.cause for ev in kept)
        for cause, k in causes.most_common():
            text = self.t(
                "late_cause", share=self.share(k, len(kept)), n=k, cause=_CAUSE[self.lang][cause]
            )
            lines.append(Line(text[0].upper() + text[1:]))
        if len(kept) < total:
            lines.append(Line(self.t("kept_note", k=len(kept))))
        longest = max(kept, key=lambda ev: (ev.values[0], -ev.week))
        text = self.t(
            "late_example",
            w=longest.week,
            case=longest.case,
            inf=self.actor(longest.actors[0]),
            k=self.duration(int(longest.values[0])),
            s=self.num(longest.values[1]),
            cause=_CAUSE[self.lang][longest.cause],
        )
        lines.append(Line(text, longest.week))
        return Section(self.t("late"), tuple(lines))

    def friction(self) -> Section:
        lines = []
        for key, kind in (
            ("withdrawals", Kind.WITHDRAWAL),
            ("instrumental", Kind.INSTRUMENTALISED),
            ("discontinuity", Kind.DISCONTINUITY),
        ):
            ev = self.first(kind)
            text = self.t(key, n=self.log.total(kind), first=self.since(kind))
            lines.append(Line(text, ev.week if ev else None))
        return Section(self.t("friction"), tuple(lines))

    def success(self) -> Section:
        total = self.log.total(Kind.JOINT_SUCCESS)
        if not total:
            return Section(self.t("success"), (Line(self.t("none")),))
        per_year = ", ".join(str(int(x)) for x in self.years(Kind.JOINT_SUCCESS))
        return Section(self.t("success"), (Line(self.t("success_count", n=total, years=per_year)),))


def _means(events: Sequence[Event]) -> tuple[float, float]:
    values = np.array([ev.values for ev in events], dtype=float)
    return float(values[:, 0].mean()), float(values[:, 1].mean())


def _label(name: str, lang: str) -> str:
    param = PARAMS.get(name)
    if param is None:
        return name
    return param.label_nl if lang == "nl" else param.label_en


def tell(model: Any, lang: str = "nl") -> Story:
    """The story of ``model``'s run so far (its event log must be on).

    Args:
        model: A ``Neighbourhood`` built with ``events=True``.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The story, section by section, each line with the week it is about.

    Raises:
        StoryError: If the run kept no event log, or ``lang`` is unknown.

    """
    if lang not in LANGS:
        raise StoryError(f"language must be one of {', '.join(LANGS)}, got {lang!r}")
    log = getattr(model, "events", None)
    if log is None or not log.enabled:
        raise StoryError(_T[lang]["no_log"])
    teller = _Teller(model, lang)
    a = model.actors
    informal = int(np.isin(a.kind, (ActorKind.VOLUNTEER, ActorKind.ORGANISATION)).sum())
    n = model.areas.n_areas
    setting = teller.t(
        "setting",
        areas=teller.t("areas", n=n) if n > 1 else teller.t("one_area"),
        pros=int((a.kind == ActorKind.PROFESSIONAL).sum()),
        informal=informal,
        coords=int((a.kind == ActorKind.COORDINATOR).sum()),
        households=len(model.households),
    )
    opening = teller.moments()
    opening = Section(opening.heading, (Line(setting), *opening.lines))
    sections = (
        opening,
        teller.ties(),
        teller.referrals(),
        teller.late(),
        teller.friction(),
        teller.success(),
    )
    return Story(teller.t("title", week=model.week, weeks=model.horizon), sections)
