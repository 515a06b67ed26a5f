"""Shared pieces of the dashboard's browser tests: the server, the browser, helpers.

``server`` starts ``samenspel dashboard --offline`` on a free port, as a user would,
with Solara's CDN address pointed at a closed local port: a front-end file missing
from the local cache would fail to load instead of coming from the internet. Its
value is the address, with ``.log`` the path of the server's log. ``_guard`` makes a
page refuse any request to another host than 127.0.0.1.

To check that a test fails on an older version, unpack that version's source (``git
archive``) and point ``SAMENSPEL_SERVER_PYTHONPATH`` at it: the server then runs its
dashboard, the tests this one. Test modules import the fixtures from here (``from dashboard_support import *``).
Screenshots go to tests/screenshots/ (git-ignored). The tests are skipped when
Chromium or Playwright is missing, unless SAMENSPEL_REQUIRE_BROWSER=1 (CI sets it),
in which case they fail.
"""

from __future__ import annotations

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


class Server(str):
    """The dashboard's address; ``log`` is the path of its log."""

    log: Path


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

from playwright.sync_api import Locator, Page, expect  # noqa: E402

# An assertion waits up to 15 s for what it expects, not Playwright's 5 s: under CI two
# test processes, their dashboard servers and two browsers share two cores, and a lever
# step (a new model) or a language switch took longer than 5 s there. A text that never
# comes still fails; only the wait is longer.
expect.set_options(timeout=15_000)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``samenspel dashboard`` on a free port, fully offline; yields its address."""
    port = _free_port()
    env = dict(os.environ)
    env["SOLARA_ASSETS_CDN"] = "http://127.0.0.1:9/"  # a cache miss fails, never goes out
    env.pop("SAMENSPEL_LANG", None)
    if os.environ.get("SAMENSPEL_SERVER_PYTHONPATH"):  # run another version's dashboard
        env["PYTHONPATH"] = os.environ["SAMENSPEL_SERVER_PYTHONPATH"]
    log = tmp_path_factory.mktemp("dashboard") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "samenspel", "dashboard", "--offline", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = Server(f"http://127.0.0.1:{port}/")
    url.log = log
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


def _point_at_column(chart: Locator, column: int) -> None:
    """Move the pointer over ``column`` of a chart's hover band (``charts._hover``)."""
    band = chart.locator(".samenspel-hover")
    columns = len((band.get_attribute("data-tips") or "").split(";"))
    box = band.bounding_box()
    assert box is not None, "the chart has no hover band on screen"
    band.hover(position={"x": (column + 0.5) * box["width"] / columns, "y": box["height"] / 2})


def _choose(page: Page, select: str, text: str) -> None:
    """Open a Vuetify select and click the item with ``text``."""
    page.locator(f"{select} .v-input__append-inner").first.click()  # the arrow, not a chip
    page.locator(".menuable__content__active .v-list-item", has_text=text).first.click()


def _shot(page: Page, name: str, height: int = 1000, width: int = 1400) -> Path:
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": height})
    time.sleep(0.4)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
