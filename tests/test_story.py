"""The run told as a story: from the event log, in Dutch and English, with its weeks."""

from __future__ import annotations

import pytest
from worlds import PRO_A, VOL_A, VOL_B, assert_one_line_error, tiny

from samenspel.cli import main
from samenspel.model.events import Cause, Event, EventLog, Kind
from samenspel.model.runner import simulate
from samenspel.model.state import Mode
from samenspel.story import LANGS, StoryError, tell


def _told(events: list[Event], weeks: int = 60):
    """A tiny world whose log holds exactly ``events`` (the story reads only the log)."""
    model = tiny(events=True)
    model.run_weeks(weeks)
    log = EventLog(weeks, model.areas.n_areas)
    for ev in events:
        log.add(ev)
    model.events = log
    return model


def _lines(story, heading_index: int) -> list[str]:
    return [ln.text for ln in story.sections[heading_index].lines]


def test_a_dismissed_referral_is_told_with_who_and_why():
    model = _told(
        [
            Event(5, Kind.REFERRAL_TAKEN, 0, (VOL_A, PRO_A), 1, values=(0.6, 0.2)),
            Event(9, Kind.REFERRAL_DISMISSED, 0, (VOL_B, PRO_A, 4), 2, values=(0.1, 0.5)),
        ]
    )
    story = tell(model, "en")
    text = "\n".join(_lines(story, 2))
    assert "referred 2 cases" in text and "took 1 seriously and dismissed 1 (50%)" in text
    assert "Dismissed: familiarity 0.10, distance 0.50" in text
    assert "taken seriously: familiarity 0.60, distance 0.20" in text
    assert "Week 9: volunteer #3 referred case 2 through coordinator #4 to professional #0" in text
    assert 9 in story.weeks()
    nl = "\n".join(_lines(tell(model, "nl"), 2))
    assert "bekendheid 0,10, afstand 0,50" in nl and "via coördinator #4" in nl


def test_late_escalations_are_told_by_cause_with_the_longest_kept():
    model = _told(
        [
            Event(10, Kind.LATE_ESCALATION, 0, (VOL_A, PRO_A), 7, Cause.DISMISSED, (3, 0.8)),
            Event(20, Kind.LATE_ESCALATION, 0, (VOL_A, PRO_A), 8, Cause.DISMISSED, (12, 0.9)),
            Event(30, Kind.LATE_ESCALATION, 0, (VOL_B, PRO_A), 9, Cause.SILENT, (0, 0.95)),
        ]
    )
    lines = _lines(tell(model, "en"), 3)
    assert lines[0].startswith("3 cases went to specialist care late")
    assert lines[1].startswith("67% (2): a referral of the case had been dismissed before")
    assert lines[2].startswith("33% (1): the need had grown unseen")
    assert lines[3].startswith("Week 20: case 8 went to specialist care after volunteer #2")
    assert "for 12 weeks (severity 0.90)" in lines[3]


def test_shares_and_means_count_every_event_not_only_those_kept_in_full():
    model = tiny(events=True)
    model.run_weeks(60)
    log = EventLog(60, model.areas.n_areas, keep=2)  # keeps 2 + 2 of each kind in full
    causes = [Cause.SILENT] * 6 + [Cause.DISMISSED, Cause.KEPT] * 2  # 6 of 10 silent
    for k, cause in enumerate(causes):
        log.add(Event(k + 1, Kind.LATE_ESCALATION, 0, (VOL_A, PRO_A), k, cause, (k, 0.9)))
    for k in range(10):  # dismissed with F = 0.1 k, taken with F = 0.5
        log.add(Event(k + 1, Kind.REFERRAL_DISMISSED, 0, (VOL_A, PRO_A), k, values=(k / 10, 0.2)))
        log.add(Event(k + 1, Kind.REFERRAL_TAKEN, 0, (VOL_A, PRO_A), k, values=(0.5, 0.1)))
    model.events = log
    story = tell(model, "en")
    late = _lines(story, 3)
    assert late[1].startswith("60% (6): the need had grown unseen")  # not 2 of the 4 kept
    assert late[2].startswith("20% (2)") and late[3].startswith("20% (2)")
    assert late[4].startswith("The example below is the longest of the 4 escalations kept")
    assert late[5].startswith("Week 10: case 9")  # the longest kept: 9 weeks
    why = next(t for t in _lines(story, 2) if "familiarity" in t)
    assert "0.45" in why and "0.50" in why  # mean F over all 10 dismissed (0.45), taken


def test_moments_come_in_the_order_of_their_weeks():
    model = _told(
        [
            Event(40, Kind.POLICY, levers=(("wijktafels_per_year", 12.0),)),
            Event(3, Kind.REGIME, values=(Mode.FORMAL_ONLY, Mode.COEXISTENCE)),
            Event(50, Kind.REGIME, values=(Mode.COEXISTENCE, Mode.COPRODUCTION)),
            Event(20, Kind.FIRST_TIE, 0, (PRO_A, VOL_A), case=-1),
            Event(25, Kind.JOINT_SUCCESS, 0, (PRO_A, VOL_A), case=6),
        ]
    )
    story = tell(model, "en")
    moments = story.sections[0].lines
    assert moments[0].week is None and moments[0].text.startswith("One area:")
    assert [ln.week for ln in moments[1:]] == [3, 20, 25, 40, 50]
    assert "Wijktafels per year 12." in moments[4].text  # the lever's label, a whole number
    assert "co-production took over from co-existence" in moments[5].text
    assert "who shared no case at that moment" in moments[2].text
    assert story.weeks() == [3, 20, 25, 40, 50]
    nl = tell(model, "nl").sections[0].lines
    assert "coproductie nam het over van co-existentie" in nl[5].text


def test_a_quiet_run_says_so():
    story = tell(_told([]), "nl")
    assert _lines(story, 2) == ["Geen."] and _lines(story, 3) == ["Geen."]
    assert any("Er groeide geen nieuwe sterke band" in t for t in _lines(story, 0))


@pytest.mark.parametrize("lang", LANGS)
def test_a_real_run_tells_every_section_and_its_totals(lang):
    model = simulate(seed=4, weeks=104, events=True)
    story = tell(model, lang)
    assert len(story.sections) == 6
    text = story.markdown()
    assert str(model.counters["late_escalations"]) in text
    assert str(model.counters["joint_successes"]) in text
    assert all(0 <= w <= 104 for w in story.weeks())


def test_a_run_without_its_log_gets_one_clear_line():
    with pytest.raises(StoryError) as err:
        tell(simulate(seed=1, weeks=2), "en")
    assert_one_line_error(str(err.value), "events=True")
    with pytest.raises(StoryError, match="nl, en"):
        tell(simulate(seed=1, weeks=2, events=True), "de")


def test_the_command_prints_and_writes_the_story(tmp_path, capsys):
    out = tmp_path / "story.md"
    code = main(["story", "--weeks", "30", "--seed", "2", "--lang", "en", "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert printed.startswith("# The run told: week 30 of 30")
    assert out.read_text(encoding="utf-8").strip() == printed.strip()


def test_the_command_refuses_a_story_file_that_is_not_markdown(tmp_path, capsys):
    code = main(["story", "--weeks", "3", "--out", str(tmp_path / "s.csv")])
    err = capsys.readouterr().err
    assert code == 2
    assert_one_line_error(err, "--out", ".md", "s.csv")


def test_the_command_offers_the_story_languages():
    from samenspel.cli.story import LANGS as OFFERED

    assert OFFERED == LANGS


def test_both_languages_have_every_text_and_one_is_singular():
    from samenspel.story_text import ACTOR, CAUSE, MODE, TEXT

    for words in (TEXT, ACTOR, CAUSE, MODE):
        assert words["en"].keys() == words["nl"].keys()
    model = _told([Event(12, Kind.WITHDRAWAL, 0, (PRO_A, VOL_A), 3)])
    en = _lines(tell(model, "en"), 4)[0]
    assert en.startswith("One pair stopped working") and en.endswith("the first in week 12.")
    assert _lines(tell(model, "nl"), 4)[0].startswith("Eén paar stopte")


def test_the_command_writes_the_events_as_a_table(tmp_path, capsys):
    import pandas as pd

    table = tmp_path / "events.csv"
    code = main(["story", "--weeks", "40", "--seed", "2", "--events", str(table)])
    assert code == 0
    df = pd.read_csv(table, keep_default_na=False)
    assert list(df.columns[:3]) == ["week", "kind", "area"]
    assert df["week"].is_monotonic_increasing and df["week"].between(0, 40).all()
    late = df[df["kind"] == "late_escalation"]
    assert set(late["cause"]) <= {"dismissed", "no_route", "silent", "kept"} and len(late)
    code = main(["story", "--weeks", "3", "--events", str(tmp_path / "e.txt")])
    assert code == 2
    assert_one_line_error(capsys.readouterr().err, "--events", ".csv or .parquet", "e.txt")
