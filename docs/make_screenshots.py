"""Regenerate the dashboard screenshots in docs/ (README and lecturer guide).

Starts ``samenspel dashboard --offline`` on a free port, drives Debian's Chromium with
Playwright (as the browser tests do, no internet) and writes:

- ``docs/dashboard-explore.png``: the combined package after two years (a link with
  scenario, seed and week), at 1280x800;
- ``docs/dashboard-story.png``: the same run's story with one week marked, at 1024x768
  (a projector);
- ``docs/dashboard-compare.png``: city baseline, combined package and wijktafels, 5
  replicates of 260 weeks, at 1280x900.

Usage: ``python docs/make_screenshots.py [--skip-compare]`` (the comparison takes a
minute or two on a 2-core machine).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

DOCS = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start() -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "SOLARA_ASSETS_CDN": "http://127.0.0.1:9/"}
    cmd = [sys.executable, "-m", "samenspel", "dashboard", "--offline", "--port", str(port)]
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGTERM)
    raise SystemExit("make_screenshots: the dashboard did not start within 90 s")


def _explore(page, url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url + "?scenario=combined-package&seed=3&week=104")
    page.wait_for_selector(".samenspel-network")
    page.wait_for_function(
        "() => /Week 104/.test(document.querySelector('.samenspel-regime').innerText)"
    )
    time.sleep(0.5)
    page.screenshot(path=str(DOCS / "dashboard-explore.png"))
    page.set_viewport_size({"width": 1024, "height": 768})
    page.locator(".samenspel-story-toggle").click()
    page.wait_for_selector(".samenspel-story-week")
    page.locator(".samenspel-story").scroll_into_view_if_needed()
    weeks = page.locator(".samenspel-story-week")
    weeks.nth(min(2, weeks.count() - 1)).click()
    page.wait_for_selector(".samenspel-marker")
    page.locator(".samenspel-story").scroll_into_view_if_needed()
    time.sleep(0.8)
    page.screenshot(path=str(DOCS / "dashboard-story.png"))


def _compare(page, url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    # the Compare page's own link (scenarios, replicates, weeks, seed) runs it on opening
    page.goto(
        url + "compare?scenarios=city-baseline,combined-package,wijktafels"
        "&replicates=5&weeks=260&seed=0&lang=en"
    )
    page.wait_for_selector(".samenspel-compare-done", timeout=600_000)
    time.sleep(1.0)
    page.screenshot(path=str(DOCS / "dashboard-compare.png"))


def main() -> int:
    """Take the screenshots; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-compare", action="store_true", help="only the Explore shots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    proc, url = _start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(locale="en-GB")
            page.set_default_timeout(60_000)
            _explore(page, url)
            if not args.skip_compare:
                _compare(page, url)
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
    print("written:", ", ".join(p.name for p in sorted(DOCS.glob("dashboard-*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
