"""The dashboard in a real browser: Playwright driving Debian's Chromium.

The server, the browser and the helpers are in ``dashboard_support.py``; every page
refuses any request to another host than 127.0.0.1, and each test checks that none
was attempted.
"""

# ruff: noqa: F811  (pytest fixtures imported from dashboard_support, used as arguments)
from __future__ import annotations

import csv
import io
import re
import time
from pathlib import Path

import pytest
from dashboard_support import (  # noqa: F401  (fixtures)
    ARGS,
    CHROMIUM,
    _choose,
    _open,
    _points,
    _shot,
    _wait_week,
    _week,
    browser_context_args,
    browser_type_launch_args,
    server,
)
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.slow  # a server and a browser per module


def test_explore_steps_and_curves_change(server: str, page: Page) -> None:
    outside = _open(page, server)
    expect(page.locator(".samenspel-nav-explore")).to_have_text(re.compile("explore", re.I))
    assert _week(page) == 0
    before = _points(page, "modes")
    for week in (1, 2, 3):
        page.locator(".samenspel-step").click()
        _wait_week(page, week)
    # the curves are redrawn just after the week label: wait for them (slow under load)
    page.wait_for_function(
        "() => (document.querySelector('svg[data-chart=\"modes\"] polyline')"
        "?.getAttribute('points') || '').trim().split(/\\s+/).length >= 3",
        timeout=15000,
    )
    after = _points(page, "modes")
    assert before == 0 and after >= 3  # weeks 1-3 (week 0 has no open case yet)
    page.locator(".samenspel-year").click()
    _wait_week(page, 55)
    expect(page.locator(".samenspel-regime")).to_contain_text("Mostly")
    network = page.locator("svg.samenspel-network")
    assert int(network.get_attribute("data-ties")) > 0
    page.locator(".samenspel-play").click()
    page.wait_for_function(
        "() => /Week (\\d+)/.exec(document.querySelector('.samenspel-regime').innerText)[1] > 60"
    )
    page.locator(".samenspel-play").click()  # pause
    _shot(page, "explore_city", 1100)
    assert outside == []


def test_change_scenario_sets_levers(server: str, page: Page) -> None:
    outside = _open(page, server)
    lever = page.locator(".lever-wijktafels_per_year").first
    expect(lever).to_contain_text("0.0 meetings per year")
    _choose(page, ".samenspel-scenario", "Combined package")
    expect(lever).to_contain_text("10.0 meetings per year")
    expect(page.locator(".lever-goal_clarity").first).to_contain_text("0.9")
    assert _week(page) == 0
    page.locator(".samenspel-step").click()
    _wait_week(page, 1)
    lever.locator(".v-slider__thumb-container").focus()  # a slider, moved by keyboard
    page.keyboard.press("ArrowRight")
    expect(lever).to_contain_text("10.5 meetings per year")
    _wait_week(page, 0)  # a changed lever restarts the neighbourhood
    for _ in range(2):
        page.locator(".samenspel-year").click()
        time.sleep(0.3)
    _wait_week(page, 104)
    _shot(page, "explore", 1250)
    assert outside == []


def test_typed_seed_and_errors_in_page(server: str, page: Page) -> None:
    outside = _open(page, server)
    seed = page.locator(".samenspel-seed input")
    seed.fill("abc")
    seed.press("Enter")
    expect(page.locator(".samenspel-error")).to_contain_text("whole number")
    seed.fill(" 7 ")
    seed.press("Enter")
    expect(page.locator(".samenspel-error")).to_have_count(0)
    page.locator(".samenspel-step").click()
    _wait_week(page, 1)
    page.locator(".samenspel-group-context .v-expansion-panel-header").click()
    households = page.locator(".lever-n_households input")
    households.fill("5")  # below the declared minimum of 10
    households.press("Enter")
    expect(page.locator(".samenspel-error")).to_contain_text("Households: at least 10")
    expect(page.locator(".samenspel-network")).to_have_count(1)  # the page lives on
    assert outside == []


def test_sessions_have_their_own_model(
    server: str, browser: Browser, browser_context_args: dict
) -> None:
    a = browser.new_context(**browser_context_args)
    b = browser.new_context(**browser_context_args)
    try:
        pa, pb = a.new_page(), b.new_page()
        _open(pa, server)
        _open(pb, server)
        for week in (1, 2):
            pa.locator(".samenspel-step").click()
            _wait_week(pa, week)
        pb.reload()
        pb.wait_for_selector(".samenspel-network")
        assert _week(pb) == 0
        assert _week(pa) == 2
    finally:
        a.close()
        b.close()


def test_language_switch_and_dutch_browser(
    server: str, page: Page, browser: Browser, browser_context_args: dict
) -> None:
    outside = _open(page, server)
    page.locator(".samenspel-step").click()
    _wait_week(page, 1)
    page.locator(".samenspel-lang button", has_text="NL").click()
    expect(page.locator(".samenspel-nav-explore")).to_have_text(re.compile("verkennen", re.I))
    expect(page).to_have_url(re.compile(r"[?&]lang=nl"))  # the address keeps the language ...
    assert _week(page) == 1  # ... in place: the run goes on where it was
    expect(page.locator(".samenspel-nav-compare")).to_have_text(re.compile("vergelijken", re.I))
    expect(page).to_have_title("Verkennen · samenspel")  # the browser's tab too
    expect(page.locator(".samenspel-regime")).to_contain_text("Wat er nu gebeurt")
    expect(page.locator(".samenspel-group-unfamiliarity")).to_contain_text("Onbekendheid")
    expect(page.locator(".lever-wijktafels_per_year")).to_contain_text("Wijktafels per jaar")
    expect(page.locator(".samenspel-step")).to_contain_text(re.compile("stap", re.I))
    expect(page.locator('svg[data-chart="modes"]')).to_contain_text("coproductie")
    _shot(page, "explore_nl")
    page.locator(".samenspel-nav-compare").click()  # a page tab carries it ...
    expect(page).to_have_url(re.compile(r"/compare\?lang=nl$"))
    page.reload()  # ... and a reload (a new session) opens in it
    expect(page.locator(".samenspel-nav-compare")).to_have_text(re.compile("vergelijken", re.I))
    expect(page).to_have_title("Vergelijken · samenspel")
    page.locator(".samenspel-nav-explore").click()
    page.wait_for_selector(".samenspel-network")  # this new session's model is drawn
    page.locator(".samenspel-lang button", has_text="EN").click()
    expect(page).to_have_url(re.compile(r"[?&]lang=en"))
    expect(page.locator(".samenspel-regime")).to_contain_text("What is happening now")
    # A Dutch browser: Chromium 150 sends the context's locale on page requests but its
    # own language on the WebSocket, where Solara reads the headers; so start a browser
    # that is Dutch throughout, as a real one is.
    dutch_browser = browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[*ARGS, "--lang=nl-NL", "--accept-lang=nl-NL,nl"],
    )
    try:
        dutch = dutch_browser.new_context(**{**browser_context_args, "locale": "nl-NL"})
        p = dutch.new_page()
        _open(p, server)
        expect(p.locator(".samenspel-nav-explore")).to_have_text(re.compile("verkennen", re.I))
    finally:
        dutch_browser.close()
    assert outside == []


def test_learn_page_loads_scenario_on_explore(server: str, page: Page) -> None:
    outside = _open(page, server + "learn", ".samenspel-learn-tries")
    expect(page.locator(".samenspel-learn-steps")).to_contain_text("eleven steps")
    expect(page.locator(".samenspel-learn-mechanisms")).to_contain_text("Unfamiliarity")
    _shot(page, "learn")
    page.locator(".samenspel-try-town-baseline").click()
    page.wait_for_selector(".samenspel-network")
    expect(page.locator(".samenspel-scenario")).to_contain_text("Town baseline")
    page.locator(".samenspel-group-context .v-expansion-panel-header").click()
    expect(page.locator(".lever-context")).to_contain_text("small town")
    assert outside == []


def test_small_comparison(server: str, page: Page) -> None:
    outside = _open(page, server + "compare", ".samenspel-compare-run")
    _choose(page, ".samenspel-compare-scenarios", "Wijktafels")  # a third scenario
    page.keyboard.press("Escape")
    _choose(page, ".samenspel-compare-weeks", "156")
    thumb = page.locator(".samenspel-compare-replicates .v-slider__thumb-container").first
    thumb.focus()
    for _ in range(2):
        page.keyboard.press("ArrowLeft")
    expect(page.locator(".samenspel-compare-replicates")).to_contain_text(": 3")
    page.locator(".samenspel-compare-run").click()
    page.wait_for_selector(".samenspel-compare-done", timeout=120_000)
    expect(page.locator(".samenspel-compare-done")).to_contain_text("9 runs")
    from samenspel.dashboard.compare_draw import KEY_OUTCOMES

    assert page.locator('svg[data-chart^="bars-"]').count() == len(KEY_OUTCOMES)
    assert page.locator('svg[data-chart^="bands-"] polygon').count() >= 6
    expect(page.locator("table.samenspel-diff")).to_contain_text("Combined package")
    with page.expect_download(timeout=120_000) as info:
        page.get_by_text("Outcome table (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text())))
    assert {r["scenario"] for r in rows} == {"city-baseline", "combined-package", "wijktafels"}
    with page.expect_download(timeout=120_000) as info:
        page.get_by_text("Outcome figure (PNG)").click()
    assert Path(info.value.path()).read_bytes()[:4] == b"\x89PNG"
    page.evaluate("document.querySelectorAll('*').forEach(e => { e.scrollTop = 0; })")
    _shot(page, "compare", 2650)
    assert outside == []
