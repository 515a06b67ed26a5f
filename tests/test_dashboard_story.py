"""Browser tests of the Explore run told as a story (issue 11, point 5).

The story panel opens on demand, tells the run from the model's event log in the page's
language, and every event's week button marks that week on the curves. Server, browser
and helpers: ``dashboard_support.py``.
"""

# ruff: noqa: F811  (pytest fixtures imported from dashboard_support, used as arguments)
from __future__ import annotations

import pytest
from dashboard_support import (  # noqa: F401  (fixtures)
    _open,
    _shot,
    _wait_week,
    browser_context_args,
    browser_type_launch_args,
    server,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow


def _year(page: Page, years: int = 1) -> None:
    for k in range(1, years + 1):
        page.locator(".samenspel-year").click()
        _wait_week(page, 52 * k)


def test_the_story_tells_the_run_and_marks_an_event_on_the_curves(server: str, page: Page) -> None:
    outside = _open(page, server)
    _year(page)
    panel = page.locator(".samenspel-story")
    expect(panel).to_contain_text("The story of this run")
    page.locator(".samenspel-story-toggle").click()
    expect(panel).to_contain_text("The run told: week 52 of 520")  # the page runs to 520 weeks
    for heading in ("Moments that turned the run", "Referrals", "Late escalations"):
        expect(panel).to_contain_text(heading)
    weeks = page.locator(".samenspel-story-week")
    expect(weeks.first).to_be_visible()
    button = weeks.nth(min(2, weeks.count() - 1))
    week = int(button.get_attribute("data-week"))
    assert 0 <= week <= 52
    button.click()
    marker = page.locator('svg[data-chart="modes"] .samenspel-marker')
    expect(marker).to_have_attribute("data-week", str(week))
    expect(page.locator(".samenspel-marker")).to_have_count(6)  # on every curve
    expect(button).to_have_attribute("aria-pressed", "true")
    _shot(page, "story-1024", height=768, width=1024)
    page.get_by_role("button", name="Remove the mark").click()
    expect(page.locator(".samenspel-marker")).to_have_count(0)
    for label, first in (("Story (Markdown)", "# The run told"), ("Events (CSV)", "week,kind")):
        with page.expect_download() as got:
            page.get_by_text(label).click()
        text = open(got.value.path(), encoding="utf-8").read()
        assert text.startswith(first), text[:80]
    assert outside == []


def test_the_story_follows_the_run_and_the_language(server: str, page: Page) -> None:
    outside = _open(page, server)
    page.locator(".samenspel-story-toggle").click()
    panel = page.locator(".samenspel-story")
    expect(panel).to_contain_text("The run told: week 0 of 520")
    _year(page)
    expect(panel).to_contain_text("The run told: week 52 of 520")  # the page runs to 520 weeks
    page.locator(".samenspel-play").click()
    expect(panel).to_contain_text("Pause to read the story")
    page.locator(".samenspel-play").click()
    expect(panel).to_contain_text("The run told: week")
    page.goto(server + "?lang=nl")
    page.wait_for_selector(".samenspel-network")
    page.locator(".samenspel-story-toggle").click()
    expect(page.locator(".samenspel-story")).to_contain_text("Het verhaal van deze run")
    expect(page.locator(".samenspel-story")).to_contain_text("Doorverwijzingen")
    assert outside == []
