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
(7.17a). Counts, the shares of the causes and the means of familiarity and distance are
over all events; only the examples come from the events kept in full (the first and last
200 of each kind).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .model.events import Event, Kind
from .model.params import PARAMS
from .model.state import Kind as ActorKind
from .model.state import Mode
from .story_text import ACTOR, CAUSE, MODE, TEXT

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


class _Teller:
    """Builds the sections of one story (one language, one run)."""

    def __init__(self, model: Any, lang: str) -> None:
        self.m, self.lang, self.log = model, lang, model.events
        self.txt = TEXT[lang]

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
        return f"{ACTOR[self.lang][ActorKind(int(self.m.actors.kind[i]))]} #{i}"

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
            modes = MODE[self.lang]
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
        if taken and dismissed:  # the means over all referrals, kept in full or not
            fd, dd = self.log.mean_values(Kind.REFERRAL_DISMISSED)
            ft, dt = self.log.mean_values(Kind.REFERRAL_TAKEN)
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
        for cause, k in self.log.causes().items():  # over all, kept in full or not
            text = self.t(
                "late_cause", share=self.share(k, total), n=k, cause=CAUSE[self.lang][cause]
            )
            lines.append(Line(text[0].upper() + text[1:]))
        if len(kept) < total:  # the example is the longest of those kept in full
            lines.append(Line(self.t("kept_note", k=len(kept))))
        longest = max(kept, key=lambda ev: (ev.values[0], -ev.week))
        text = self.t(
            "late_example",
            w=longest.week,
            case=longest.case,
            inf=self.actor(longest.actors[0]),
            k=self.duration(int(longest.values[0])),
            s=self.num(longest.values[1]),
            cause=CAUSE[self.lang][longest.cause],
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
        raise StoryError(TEXT[lang]["no_log"])
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
