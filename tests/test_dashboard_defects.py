"""Browser tests of the defects listed in issue 11 (Dashboard 2), one test each.

Each test failed on the dashboard before issue 11 (checked by running it against
that version) and passes now. Server, browser and helpers: ``dashboard_support.py``.
"""

# ruff: noqa: F811  (pytest fixtures imported from dashboard_support, used as arguments)
from __future__ import annotations

import itertools
import re
import time

import pytest
from dashboard_support import (  # noqa: F401  (fixtures)
    _choose,
    _open,
    _point_at_column,
    _shot,
    _wait_week,
    _week,
    browser_context_args,
    browser_type_launch_args,
    server,
)
from playwright.sync_api import Page, expect

from samenspel.dashboard.palette import delta_e, deuteranopia

pytestmark = pytest.mark.slow

MIN_DELTA_E = 20.0
"""Smallest Delta E between two lines of one chart as seen with deuteranopia."""


def _speed_slider(page: Page):
    return page.get_by_role("slider", name=re.compile("Speed"))


def test_max_speed_scenario_switch_runs_the_new_scenario(server: str, page: Page) -> None:
    outside = _open(page, server)
    _speed_slider(page).focus()
    page.keyboard.press("End")  # 30 weeks per second
    lever = page.locator(".lever-wijktafels_per_year").first
    for name, value in (
        ("Combined package", "10.0"),
        ("City baseline", "0.0"),
        ("Wijktafels", "10.0"),
    ):
        play = page.locator(".samenspel-play")
        play.click()
        expect(play).to_contain_text("Pause")
        page.wait_for_function(
            "() => +(/[Ww]eek (\\d+)/.exec(document.querySelector('.samenspel-regime')"
            ".innerText) || [0, 0])[1] > 15"
        )
        _choose(page, ".samenspel-scenario", name)
        expect(lever).to_contain_text(f"{value} meetings per year")
        expect(page.locator(".samenspel-scenario")).to_contain_text(name)
        _wait_week(page, 0)  # the new scenario's model, from week 0
        expect(page.locator(".samenspel-play")).to_contain_text("Play")
        time.sleep(1.0)
        assert _week(page) == 0  # no old model running on under the new name
        for label in ("Pause", "Play", "Pause", "Play"):  # Play / Pause ... at top speed
            play.click()
            expect(play).to_contain_text(label)
            time.sleep(0.5)
        assert "Too many renders" not in page.content()
        expect(page.locator(".samenspel-regime")).to_have_count(1)
        expect(lever).to_contain_text(f"{value} meetings per year")
    assert "Traceback" not in server.log.read_text()
    assert outside == []


def _open_panels(page: Page) -> set[str]:
    classes = page.eval_on_selector_all(
        ".v-expansion-panel--active", "els => els.map(e => e.className)"
    )
    return {m.group(1) for c in classes if (m := re.search(r"samenspel-group-(\w+)", c))}


def test_lever_panels_stay_as_the_user_left_them(server: str, page: Page) -> None:
    outside = _open(page, server)
    assert _open_panels(page) == {"unfamiliarity", "disagreement", "goals"}
    page.locator(".samenspel-group-context .v-expansion-panel-header").click()
    page.locator(".samenspel-group-unfamiliarity .v-expansion-panel-header").click()
    wanted = {"disagreement", "goals", "context"}
    expect(page.locator(".samenspel-group-context.v-expansion-panel--active")).to_have_count(1)
    page.locator(".samenspel-step").click()
    _wait_week(page, 1)
    page.locator(".samenspel-year").click()
    _wait_week(page, 53)
    page.locator(".samenspel-play").click()
    page.wait_for_function(
        "() => +/[Ww]eek (\\d+)/.exec(document.querySelector('.samenspel-regime').innerText)[1] > 56"
    )
    page.locator(".samenspel-play").click()
    time.sleep(0.5)
    assert _open_panels(page) == wanted
    assert outside == []


_FONT_SIZES = """() => [...document.querySelectorAll('svg.samenspel-chart text, svg.samenspel-network text')]
  .filter(t => t.getClientRects().length)
  .map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)"""


def test_projector_layout_and_chart_text(server: str, page: Page) -> None:
    page.set_viewport_size({"width": 1024, "height": 768})
    outside = _open(page, server)
    page.locator(".samenspel-year").click()
    _wait_week(page, 52)
    try:  # measured once the layout has settled (slower under load)
        page.wait_for_function(
            f"() => {{ const s = ({_FONT_SIZES})(); "
            "return s.length > 0 && Math.min(...s) >= 11.95; }"
        )
    except Exception:
        sizes = page.evaluate(_FONT_SIZES)
        raise AssertionError(f"chart text below 12 px: {min(sizes, default=0):.1f}") from None
    # no fixed sidebar beside the charts on a projector; read in one evaluation, as a
    # chart redrawn between a locator's lookup and its measurement has no box (seen in CI)
    left = page.evaluate(
        "() => Math.min(...[...document.querySelectorAll('svg.samenspel-chart')]"
        ".map(s => s.getBoundingClientRect().left))"
    )
    assert left < 100, left
    levers = page.locator(".lever-wijktafels_per_year").first
    expect(levers).not_to_be_visible()  # the levers are in a closed drawer ...
    page.get_by_role("button", name=re.compile("Levers")).click()
    expect(levers).to_be_visible()  # ... that the Levers button opens
    _shot(page, "explore_1024", 768, 1024)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.reload()
    page.wait_for_selector(".samenspel-network")
    fold = """() => ['familiarity', 'disagreement', 'goals', 'regard'].map(c => {
        const svg = document.querySelector(`svg[data-chart="${c}"]`);
        return svg ? svg.getBoundingClientRect().bottom : 1e9; })"""
    try:  # the layout settles after the fonts and the first frame (slower under load)
        page.wait_for_function(f"() => ({fold})().every(b => b <= window.innerHeight)")
    except Exception:
        raise AssertionError(f"below the fold at 1280x720: {page.evaluate(fold)}") from None
    _shot(page, "explore_1280", 720, 1280)
    assert outside == []


def test_axes_scale_to_the_data_and_say_so(server: str, page: Page) -> None:
    outside = _open(page, server)
    page.locator(".samenspel-year").click()
    _wait_week(page, 52)
    page.wait_for_function(
        "() => (document.querySelector('svg[data-chart=\"modes\"] polyline')"
        "?.getAttribute('points') || '').split(' ').length > 40"
    )
    frac = page.evaluate(
        """() => {
        const svg = document.querySelector('svg[data-chart="modes"]');
        const plot = svg.querySelector('rect');
        const line = [...svg.querySelectorAll('polyline')].find(
            p => /co-production/.test(p.dataset.series));
        const ys = line.getAttribute('points').trim().split(/\\s+/).map(p => +p.split(',')[1]);
        return (Math.max(...ys) - Math.min(...ys)) / +plot.getAttribute('height');
    }"""
    )
    assert frac > 0.15, frac  # co-production (a few %) is a curve, not a flat line
    for chart in ("modes", "familiarity"):
        expect(page.locator(f'svg[data-chart="{chart}"]')).to_contain_text(
            re.compile(r"axis: 0[.0]* ?%?-")
        )
    assert outside == []


def test_colours_survive_deuteranopia_and_lines_differ_by_dash(server: str, page: Page) -> None:
    outside = _open(page, server)
    page.locator(".samenspel-year").click()
    _wait_week(page, 52)
    charts = page.evaluate(
        """() => [...document.querySelectorAll('svg.samenspel-chart')].map(svg =>
        [...svg.querySelectorAll('polyline')].map(
            p => [p.getAttribute('stroke'), p.getAttribute('stroke-dasharray') || '']))"""
    )
    ties = page.evaluate(
        "() => [...document.querySelectorAll('[data-tie]')].map(e => "
        "[e.dataset.colour, e.querySelector('line').getAttribute('stroke-dasharray') || ''])"
    )
    for lines in [*charts, ties]:
        lines = list({tuple(x) for x in lines})
        for (c1, d1), (c2, d2) in itertools.combinations(lines, 2):
            seen = delta_e(deuteranopia(c1), deuteranopia(c2))
            assert seen >= MIN_DELTA_E, (c1, c2, seen)
            assert d1 != d2, (c1, c2)  # told apart without colour too
    assert len(ties) == 3
    assert outside == []


def test_bad_values_say_what_in_dutch_with_the_label(server: str, page: Page) -> None:
    outside = _open(page, server + "?lang=nl")
    error = page.locator(".samenspel-error")
    seed = page.locator(".samenspel-seed input")
    seed.fill("-3")
    seed.press("Enter")
    expect(error).to_contain_text("Toevalsgetal (seed): minstens 0")
    page.locator(".samenspel-group-context .v-expansion-panel-header").click()
    households = page.locator(".lever-n_households input")
    value = page.locator(".lever-n_households .samenspel-lever-value")
    for typed, said in (
        ("abc", "Huishoudens: vul een geheel getal van 10 tot en met 200.000 in"),
        ("5", "Huishoudens: minstens 10"),
        ("60000", "Huishoudens: 60.000 huishoudens in totaal is te veel"),
    ):
        households.fill(typed)
        households.press("Enter")
        expect(error).to_contain_text(said)
        expect(error).not_to_contain_text("n_households")
        expect(value).to_contain_text("1.000 huishoudens")  # the value in use stays
    households.fill("1e4")
    households.press("Enter")
    expect(value).to_contain_text("10.000 huishoudens")
    expect(error).to_have_count(0)  # no stale message about an earlier value
    expect(households).to_have_value("10000")
    log = server.log.read_text()
    assert "Traceback" not in log and "ParameterError" not in log
    assert outside == []


def test_week_and_year_wording(server: str, page: Page) -> None:
    outside = _open(page, server)
    page.locator(".samenspel-step").click()
    _wait_week(page, 1)
    regime = page.locator(".samenspel-regime")
    expect(regime).to_contain_text("in the first week")
    expect(regime).not_to_contain_text("1 weeks")
    for k in range(1, 6):
        page.locator(".samenspel-year").click()
        _wait_week(page, 1 + 52 * k)
    expect(regime).to_contain_text("Week 261 (year 6)")
    page.locator(".samenspel-reset").click()
    _wait_week(page, 0)
    for k in range(1, 6):
        page.locator(".samenspel-year").click()
        _wait_week(page, 52 * k)
    expect(regime).to_contain_text("Week 260 (year 5)")  # the last week of year 5
    assert outside == []


def test_keyboard_reaches_tabs_and_language_first(server: str, page: Page) -> None:
    outside = _open(page, server)
    assert page.evaluate("document.documentElement.lang") == "en"
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.innerText.trim()"))
    assert any(re.fullmatch("compare", s, re.I) for s in seen), seen
    assert any(s.upper() == "NL" for s in seen), seen
    for slider in page.get_by_role("slider").all()[:5]:
        assert slider.get_attribute("aria-label"), slider  # every slider has a name
    thumb = page.get_by_role("slider").first
    thumb.focus()
    page.keyboard.press("ArrowRight")
    ring = thumb.evaluate(
        "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
    )
    assert not ring.startswith("none"), ring
    page.locator(".samenspel-lang button", has_text="NL").click()
    page.wait_for_function("() => document.documentElement.lang === 'nl'")
    assert outside == []


def test_pointing_at_a_curve_shows_week_and_values_at_once(server: str, page: Page) -> None:
    outside = _open(page, server)
    page.locator(".samenspel-year").click()
    _wait_week(page, 52)
    tip = page.locator(".samenspel-tip")
    _point_at_column(page.locator('svg[data-chart="modes"]'), 30)
    expect(tip).to_be_visible()  # the page's own box, not the browser's delayed title
    expect(tip).to_contain_text(re.compile(r"^week 30\nco-production: [\d.]+ ?%", re.M))
    expect(page.locator('svg[data-chart="modes"] .samenspel-hover-mark')).to_have_count(1)
    _point_at_column(page.locator('svg[data-chart="modes"]'), 31)  # the next column, the next week
    expect(tip).to_contain_text(re.compile(r"^week 31\n", re.M))
    page.locator(".samenspel-regime").hover()
    expect(tip).to_be_hidden()
    expect(page.locator(".samenspel-hover-mark")).to_have_count(0)
    assert outside == []
