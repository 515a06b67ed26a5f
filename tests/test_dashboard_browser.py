"""The dashboard in a real browser: Playwright driving Debian's Chromium.

A module fixture starts ``samenspel dashboard --offline`` on a free port, as a user
would, with Solara's CDN address pointed at a closed local port: a front-end file
missing from the local cache would fail to load instead of coming from the internet.
Every page also refuses any request to another host than 127.0.0.1, and each test
checks that none was attempted.

Screenshots go to tests/screenshots/ (git-ignored). The tests are skipped when
Chromium or Playwright is missing, unless SAMENSPEL_REQUIRE_BROWSER=1 (CI sets it),
in which case they fail.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a server and a browser per module
REQUIRE = os.environ.get("SAMENSPEL_REQUIRE_BROWSER") == "1"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).parent / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


def _missing_browser() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if not Path(CHROMIUM).exists():
        return "chromium is not installed (apt-get install chromium)"
    from samenspel.dashboard.assets import missing

    if missing():
        return "front-end files missing: run 'samenspel dashboard --fetch-assets'"
    return ""


_REASON = _missing_browser()
if _REASON:
    if REQUIRE:
        raise RuntimeError(f"browser tests required but cannot run: {_REASON}")
    pytest.skip(_REASON, allow_module_level=True)

from playwright.sync_api import Browser, Page, expect  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``samenspel dashboard`` on a free port, fully offline; yields its address."""
    port = _free_port()
    env = dict(os.environ)
    env["SOLARA_ASSETS_CDN"] = "http://127.0.0.1:9/"  # a cache miss fails, never goes out
    env.pop("SAMENSPEL_LANG", None)
    log = tmp_path_factory.mktemp("dashboard") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "samenspel", "dashboard", "--offline", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 90
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"dashboard did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium, headless, with the flags a closed network needs."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """An English browser with a desktop-sized window."""
    return {
        **browser_context_args,
        "viewport": {"width": 1400, "height": 1000},
        "locale": "en-GB",
        "accept_downloads": True,
    }


def _guard(page: Page) -> list[str]:
    """Refuse every request to another host; return the list of refused addresses."""
    outside: list[str] = []

    def route(r) -> None:  # r: playwright's Route
        u = r.request.url
        if u.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            outside.append(u)
            r.abort()

    page.route("**/*", route)
    page.set_default_timeout(30_000)
    return outside


def _open(page: Page, url: str, ready: str = ".samenspel-network") -> list[str]:
    outside = _guard(page)
    page.goto(url)
    page.wait_for_selector(ready)
    return outside


def _week(page: Page) -> int:
    text = page.locator(".samenspel-regime").first.inner_text()
    return int(re.search(r"[Ww]eek (\d+)", text).group(1))


def _wait_week(page: Page, week: int) -> None:
    page.wait_for_function(
        "w => /[Ww]eek " + "(\\d+)" + "/.exec(document.querySelector('.samenspel-regime')"
        ".innerText)?.[1] == w",
        arg=str(week),
    )


def _points(page: Page, chart: str) -> int:
    """Number of points in the first line of a chart (0 before the first week)."""
    lines = page.locator(f'svg[data-chart="{chart}"] polyline')
    return len(lines.first.get_attribute("points").split()) if lines.count() else 0


def _choose(page: Page, select: str, text: str) -> None:
    """Open a Vuetify select and click the item with ``text``."""
    page.locator(f"{select} .v-input__append-inner").first.click()  # the arrow, not a chip
    page.locator(".menuable__content__active .v-list-item", has_text=text).first.click()


def _shot(page: Page, name: str, height: int = 1000) -> Path:
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": height})
    time.sleep(0.4)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


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
    expect(page.locator(".samenspel-error")).to_contain_text("n_households")
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
    page.locator(".samenspel-lang button", has_text="NL").click()
    expect(page.locator(".samenspel-nav-explore")).to_have_text(re.compile("verkennen", re.I))
    expect(page.locator(".samenspel-nav-compare")).to_have_text(re.compile("vergelijken", re.I))
    expect(page.locator(".samenspel-regime")).to_contain_text("Wat er nu gebeurt")
    expect(page.locator(".samenspel-group-unfamiliarity")).to_contain_text("Onbekendheid")
    expect(page.locator(".lever-wijktafels_per_year")).to_contain_text("Wijktafels per jaar")
    expect(page.locator(".samenspel-step")).to_contain_text(re.compile("stap", re.I))
    expect(page.locator('svg[data-chart="modes"]')).to_contain_text("coproductie")
    _shot(page, "explore_nl")
    page.locator(".samenspel-lang button", has_text="EN").click()
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
    from samenspel.dashboard.compare import KEY_OUTCOMES

    assert page.locator('svg[data-chart^="bars-"]').count() == len(KEY_OUTCOMES)
    assert page.locator('svg[data-chart^="bands-"] polygon').count() >= 6
    expect(page.locator("table.samenspel-diff")).to_contain_text("combined-package")
    with page.expect_download() as info:
        page.get_by_text("Outcome table (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text())))
    assert {r["scenario"] for r in rows} == {"city-baseline", "combined-package", "wijktafels"}
    with page.expect_download() as info:
        page.get_by_text("Outcome figure (PNG)").click()
    assert Path(info.value.path()).read_bytes()[:4] == b"\x89PNG"
    page.evaluate("document.querySelectorAll('*').forEach(e => { e.scrollTop = 0; })")
    _shot(page, "compare", 2650)
    assert outside == []
