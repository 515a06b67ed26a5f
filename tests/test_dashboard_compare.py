"""Browser tests of the Compare page of issue 11: line, estimate, own scenarios, why.

Server, browser and helpers: ``dashboard_support.py``.
"""

# ruff: noqa: F811  (pytest fixtures imported from dashboard_support, used as arguments)
from __future__ import annotations

import re
from pathlib import Path

import pytest
from dashboard_support import (  # noqa: F401  (fixtures)
    _choose,
    _open,
    _point_at_column,
    _shot,
    browser_context_args,
    browser_type_launch_args,
    server,
)
from playwright.sync_api import Browser, Page, expect

from samenspel.scenarios import load_scenario

pytestmark = pytest.mark.slow


def _paste(page: Page, text: str) -> None:
    """Paste a scenario file's text and load it (the keyboard's way to open a file)."""
    page.locator(".samenspel-paste textarea").fill(text)
    page.locator(".samenspel-paste button").click()


def _settings(page: Page, weeks: str, replicates_left: int = 0) -> None:
    _choose(page, ".samenspel-compare-weeks", weeks)
    thumb = page.locator(".samenspel-compare-replicates .v-slider__thumb-container").first
    thumb.focus()
    for _ in range(replicates_left):
        page.keyboard.press("ArrowLeft")


_WATCH_DONE = """() => new MutationObserver((_, o) => {
    if (document.querySelector('.samenspel-compare-done')) { window.doneAt = Date.now(); o.disconnect(); }
}).observe(document.body, {childList: true, subtree: true})"""


def test_sessions_wait_in_line_with_a_time_estimate_and_share_equal_jobs(
    server: str, browser: Browser, browser_context_args: dict
) -> None:
    contexts = [browser.new_context(**browser_context_args) for _ in range(3)]
    try:
        pa, pb, pc = (c.new_page() for c in contexts)
        outside = [_open(p, server + "compare", ".samenspel-compare-run") for p in (pa, pb, pc)]
        for p in (pa, pb, pc):
            _settings(p, "260")
            if p is not pb:  # 30 replicates: a's job (60 runs) lasts while b and c join
                p.keyboard.press("End")
                expect(p.locator(".samenspel-compare-replicates")).to_contain_text(": 30")
            p.evaluate(_WATCH_DONE)  # when its result appeared, by the one clock of the machine
        seed = pb.get_by_label("First seed")
        seed.fill("1")
        seed.press("Enter")
        pa.locator(".samenspel-compare-run").click()
        expect(pa.locator(".samenspel-progress")).to_contain_text(re.compile(r"about \d+ s left"))
        pb.locator(".samenspel-compare-run").click()  # another seed: another job, in line
        expect(pb.locator(".samenspel-queued")).to_contain_text("In line: 1")
        pc.locator(".samenspel-compare-run").click()  # a's job exactly: follows a's progress
        expect(pc.locator(".samenspel-progress")).to_contain_text(re.compile(r"Running: \d+ of 60"))
        for p in (pa, pb, pc):
            p.wait_for_selector(".samenspel-compare-done", timeout=180_000)
        done_a, done_b, done_c = (p.evaluate("window.doneAt") for p in (pa, pb, pc))
        # b waited for a's job (its own runs follow, so its result comes later); c shared a's.
        # Not "b is not done yet when c is": b's ten runs can end within one page update.
        assert done_b > max(done_a, done_c), (done_a, done_b, done_c)
        assert outside == [[], [], []]
    finally:
        for c in contexts:
            c.close()


def test_a_compare_link_reproduces_the_comparison_and_survives_a_reload(
    server: str, browser: Browser, browser_context_args: dict
) -> None:
    link = (
        "compare?scenarios=city-baseline,wijktafels&reference=wijktafels"
        "&replicates=2&weeks=52&seed=3&lang=en"
    )
    a = browser.new_context(**browser_context_args)
    b = browser.new_context(**browser_context_args)
    try:
        pa, pb = a.new_page(), b.new_page()
        outside = _open(pa, server + link, ".samenspel-compare-run")
        pa.wait_for_selector(".samenspel-compare-done", timeout=120_000)  # runs by itself
        expect(pa.locator("table.samenspel-diff thead")).to_contain_text(
            re.compile(r"1 Wijktafels.*\(reference\)")
        )
        expect(pa.locator(".samenspel-compare-done")).to_contain_text("4 runs")
        expect(pa.locator("a.samenspel-compare-link")).to_have_attribute(
            "href", "?scenarios=wijktafels,city-baseline&replicates=2&weeks=52&seed=3&lang=en"
        )
        _point_at_column(pa.locator('svg[data-chart^="bands-"]').first, 20)
        expect(pa.locator(".samenspel-tip")).to_contain_text(
            re.compile(r"^week 20\n1 Wijktafels[^\n]*: [\d.]+ ?%? \([\d.]+ ?%? – ", re.M)
        )
        pa.goto(server + "compare")  # a reload without the link: the kept comparison ...
        pa.wait_for_selector(".samenspel-compare-done")
        expect(pa.locator(".samenspel-compare-weeks")).to_contain_text("52")  # ... and settings
        expect(pa.locator(".samenspel-compare-replicates")).to_contain_text(
            "Replicates per scenario: 2"
        )
        expect(pa.get_by_label("First seed")).to_have_value("3")
        chips = pa.locator(".samenspel-compare-reference")
        expect(chips).to_contain_text("Wijktafels")
        outside += _open(pb, server + link.replace("lang=en", "lang=nl"), ".samenspel-compare-run")
        pb.wait_for_selector(".samenspel-compare-done", timeout=120_000)  # another session
        expect(pb.locator("table.samenspel-diff thead")).to_contain_text("(referentie)")
        done = pb.locator(".samenspel-compare-done")
        expect(done).to_contain_text(re.compile(r"4 runs in \d+,\d s op"))  # a decimal comma
        outside += _open(
            pb, server + "compare?scenarios=city-baseline,nope", ".samenspel-compare-run"
        )
        expect(pb.locator(".samenspel-link-error")).to_contain_text(
            "The link names an unknown scenario ('nope'); nothing was compared."
        )
        _shot(pa, "compare_1024", 768, 1024)
        assert outside == []
    finally:
        a.close()
        b.close()


def test_compare_what_i_have_now_reference_reload_and_link(
    server: str, page: Page, browser: Browser, browser_context_args: dict, tmp_path: Path
) -> None:
    outside = _open(page, server)
    lever = page.locator(".lever-wijktafels_per_year").first
    lever.locator(".v-slider__thumb-container").focus()
    for value in ("0.5", "1.0", "1.5", "2.0"):  # one step at a time, as a user sees it:
        page.keyboard.press("ArrowRight")  # each rebuilds the model, slow under load
        expect(lever).to_contain_text(f"{value} meetings per year")
    with page.expect_download() as info:  # saved levers: a file the CLI takes as it is
        page.get_by_text("Save levers (TOML)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "mine-1.toml"
    assert load_scenario(saved).params()["wijktafels_per_year"] == 2.0
    page.locator(".samenspel-compare-mine").click()
    page.wait_for_selector(".samenspel-compare-run")
    chips = page.locator(".samenspel-compare-scenarios")
    expect(chips).to_contain_text("My levers 1")
    _choose(page, ".samenspel-compare-reference", "My levers 1")
    _settings(page, "52", replicates_left=3)
    page.locator(".samenspel-compare-run").click()
    page.wait_for_selector(".samenspel-compare-done", timeout=120_000)
    head = page.locator("table.samenspel-diff thead")
    expect(head).to_contain_text(re.compile(r"1 My levers 1 .*\(reference\)"))
    lows = page.eval_on_selector_all("path[data-low]", "ps => ps.map(p => +p.dataset.low)")
    assert lows and min(lows) >= 0  # no interval of a count or share below 0
    href = page.locator("a.samenspel-compare-link").get_attribute("href")
    assert href and "&own=" in href  # the own scenario travels inside the link
    other = browser.new_context(**browser_context_args)  # a colleague's browser
    try:
        colleague = other.new_page()
        outside += _open(colleague, server + "compare" + href, ".samenspel-compare-run")
        colleague.wait_for_selector(".samenspel-compare-done", timeout=120_000)
        expect(colleague.locator("table.samenspel-diff thead")).to_contain_text(
            re.compile(r"1 My levers 1 .*\(reference\)")
        )
        mine = page.locator("table.samenspel-diff tbody").text_content()
        assert colleague.locator("table.samenspel-diff tbody").text_content() == mine
    finally:
        other.close()
    page.reload()
    page.wait_for_selector(".samenspel-compare-done")  # the result survives a reload
    page.locator(".samenspel-lang button", has_text="NL").click()
    expect(page.locator("table.samenspel-diff")).to_contain_text("Basis grote stad")
    expect(page.locator("table.samenspel-diff")).not_to_contain_text("city-baseline")
    assert outside == []


def test_scenario_file_checked_as_the_cli_does(server: str, page: Page) -> None:
    outside = _open(page, server + "compare", ".samenspel-compare-run")
    page.get_by_text("Load your own scenario (TOML)").click()
    _paste(page, 'name = "bad"\n')
    expect(page.locator(".samenspel-upload-message")).to_contain_text(
        "Not loaded: bad.toml: missing keys 'title_en', 'title_nl', 'description_en', "
        "'description_nl', 'source'; each must be a non-empty text"
    )
    good = (
        'name = "quick"\ntitle_en = "Quick test"\ntitle_nl = "Snelle test"\n'
        'description_en = "x"\ndescription_nl = "x"\nsource = "x"\n'
        'extends = "city-baseline"\n\n[levers]\nwijktafels_per_year = 4\n'
    )
    _paste(page, good)
    expect(page.locator(".samenspel-upload-message")).to_contain_text("Loaded: Quick test")
    expect(page.locator(".samenspel-compare-scenarios")).to_contain_text("Quick test")
    assert outside == []


def test_why_says_which_mechanism_carries_the_effect(server: str, page: Page) -> None:
    outside = _open(page, server + "compare", ".samenspel-compare-run")
    _settings(page, "52", replicates_left=3)
    page.locator(".samenspel-compare-run").click()
    page.wait_for_selector(".samenspel-compare-done", timeout=120_000)
    page.locator(".samenspel-why-run").click()
    page.wait_for_selector(".samenspel-why-figure", timeout=240_000)
    words = page.locator(".samenspel-why-words")
    expect(words).to_contain_text(re.compile(r"carried mostly by|No outcome differs clearly"))
    _shot(page, "compare_why", 2400, 1280)
    chart = page.locator('.samenspel-why-figure svg[data-chart="why"]')
    expect(chart).to_contain_text("co-production")
    page.set_viewport_size({"width": 1024, "height": 768})
    smallest = chart.evaluate(  # font size in px as drawn: units x the chart's scale
        "svg => Math.min(...[...svg.querySelectorAll('text')].map(t => "
        "+t.getAttribute('font-size') * svg.getBoundingClientRect().width "
        "/ svg.viewBox.baseVal.width))"
    )
    assert smallest >= 12, f"chart text {smallest:.1f} px high on a 1024 px screen"
    _choose(page, ".samenspel-why-outcome", "late escalations")
    expect(chart).to_contain_text("late escalations")
    chart.scroll_into_view_if_needed()
    _shot(page, "compare_why_1024", 768, 1024)
    assert outside == []


def test_a_link_reproduces_the_view_and_the_run_exports(server: str, page: Page) -> None:
    outside = _open(page, server + "?scenario=wijktafels&goal_clarity=0.9&seed=7&week=10")
    expect(page.locator(".samenspel-regime")).to_contain_text("Week 10 (year 1)")
    expect(page.locator(".lever-wijktafels_per_year").first).to_contain_text("10.0 meetings")
    expect(page.locator(".lever-goal_clarity").first).to_contain_text("0.9")
    expect(page.locator(".samenspel-seed input")).to_have_value("7")
    page.locator(".samenspel-step").click()
    expect(page.locator(".samenspel-regime")).to_contain_text("Week 11 (year 1)")
    expect(page.locator("a.samenspel-share")).to_have_attribute(
        "href", re.compile(r"scenario=wijktafels&goal_clarity=0\.9&seed=7&week=11")
    )
    with page.expect_download(timeout=120_000) as info:
        page.get_by_text("Run by week (CSV)").click()
    lines = open(info.value.path()).read().strip().splitlines()
    assert lines[0].startswith("week,") and len(lines) == 1 + 12  # weeks 0 to 11
    with page.expect_download(timeout=120_000) as info:
        page.get_by_text("Save levers (TOML)").click()
    toml = open(info.value.path()).read()
    assert "wijktafels_per_year = 10.0" in toml and "goal_clarity = 0.9" in toml
    assert outside == []


def test_clicking_an_actor_shows_its_state(server: str, page: Page) -> None:
    outside = _open(page, server)
    page.locator(".samenspel-year").click()
    expect(page.locator(".samenspel-regime")).to_contain_text("Week 52")
    page.locator('[data-actor="0"]').click()
    card = page.locator(".samenspel-actor-card")
    expect(card).to_contain_text("wijkteam professional")
    for words in ("regard for the other side", "cases / capacity", "strongest ties"):
        expect(card).to_contain_text(words)
    expect(page.locator('[data-actor="0"]')).to_have_attribute("fill", "#000000")
    assert outside == []


def test_sweep_folder_opens_as_a_heat_map(server: str, page: Page, tmp_path) -> None:
    from samenspel.sweep import sweep
    from samenspel.sweepspec import load_spec

    spec = tmp_path / "grid.toml"
    spec.write_text(
        'design = "grid"\nreplicates = 2\nweeks = 6\nseed = 11\n'
        'outcomes = ["share_coproduction", "familiarity"]\n[fixed]\nn_households = 100\n'
        "[factors.wijktafels_per_year]\nvalues = [0, 12]\n"
        "[factors.coordinator_capacity]\nrange = [2, 8]\nsteps = 3\n"
    )
    sweep(load_spec(spec), tmp_path / "out", workers=1, progress=False)
    outside = _open(page, server + "sweeps", ".samenspel-sweep-folder")
    field = page.locator(".samenspel-sweep-folder input")
    field.fill(str(tmp_path))
    field.press("Enter")
    expect(page.locator(".samenspel-error")).to_contain_text("not a sweep results folder")
    field.fill(str(tmp_path / "out"))
    field.press("Enter")
    heat = page.locator("table.samenspel-sweep-heatmap")
    expect(heat).to_have_count(2)  # one per outcome
    expect(heat.first).to_contain_text("Wijktafels per year")
    expect(page.locator(".samenspel-heat-legend")).to_have_count(2)  # each its own scale
    assert not (tmp_path / "out" / "analysis").exists()  # nothing written
    assert outside == []
