"""Benchmark: one step plus redraw of the dashboard's Explore page, default scenario.

Two measurements (target, issue 5: about 300 ms for a step and a redraw):

1. **In the server** (always): for every week of a run on the page (up to the page's
   limit of 520 weeks), the time of ``model.step()`` plus ``frame.render``, which
   builds everything the page shows for a week: the regime in words, the network
   SVG and the three charts. Reported at the start, after one year, after five
   years and at the end, as the curves grow with the weeks.
2. **In the browser** (``--browser``, on by default when Playwright and Chromium are
   there): the dashboard is started with ``samenspel dashboard --offline`` and driven
   in headless Chromium; each sample is the wall time from clicking *Step* to the
   page showing the new week (websocket round trip, step, render, DOM update).

Run with::

    python benchmarks/bench_dashboard.py [--weeks 520] [--clicks 20] [--no-browser]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

from samenspel.dashboard import frame, session
from samenspel.scenarios import load_scenario

SCENARIO = session.DEFAULT_SCENARIO
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


def in_server(weeks: int, seed: int) -> list[float]:
    """Seconds of step + render for weeks 1 .. ``weeks`` of the default scenario."""
    run = session.build(load_scenario(SCENARIO).params(), seed)
    frame.render(run)  # warm up
    times = []
    for _ in range(weeks):
        t0 = time.perf_counter()
        run.model.step()
        frame.render(run)
        times.append(time.perf_counter() - t0)
    return times


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def in_browser(clicks: int, years_first: int) -> tuple[list[float], list[float]]:
    """Click-to-update seconds in Chromium, at the start and after ``years_first`` years."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "samenspel", "dashboard", "--offline", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/?lang=en"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), headless=True, args=ARGS
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.wait_for_selector(".samenspel-network", timeout=60_000)

            def week() -> int:
                text = page.locator(".samenspel-regime").inner_text()
                return int(text.split("Week")[1].split()[0])

            def sample(n: int) -> list[float]:
                out = []
                for _ in range(n):
                    target = week() + 1
                    t0 = time.perf_counter()
                    page.locator(".samenspel-step").click()
                    page.wait_for_function(
                        "w => document.querySelector('.samenspel-regime').innerText"
                        ".includes('Week ' + w)",
                        arg=target,
                        timeout=30_000,
                    )
                    out.append(time.perf_counter() - t0)
                return out

            start = sample(clicks)
            for _ in range(years_first):
                before = week()
                page.locator(".samenspel-year").click()
                page.wait_for_function(
                    "w => document.querySelector('.samenspel-regime').innerText"
                    ".includes('Week ' + w)",
                    arg=before + 52,
                    timeout=60_000,
                )
            later = sample(clicks)
            browser.close()
        return start, later
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)


def _ms(values: list[float]) -> str:
    qs = statistics.quantiles(values, n=20) if len(values) >= 2 else values * 19
    return (
        f"median {1e3 * statistics.median(values):6.1f} ms, p95 {1e3 * qs[18]:6.1f} ms, "
        f"max {1e3 * max(values):6.1f} ms"
    )


def main() -> None:
    """Run the benchmark and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=session.MAX_WEEKS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clicks", type=int, default=20)
    parser.add_argument(
        "--years", type=int, default=5, help="years to run before the second browser sample"
    )
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    print(
        f"samenspel dashboard benchmark: scenario {SCENARIO}, seed {args.seed}; "
        f"Python {platform.python_version()}, {platform.machine()}"
    )
    times = in_server(args.weeks, args.seed)
    print(f"in the server, step + render, weeks 1-{args.weeks}: {_ms(times)}")
    for lo, hi in ((0, 52), (52, 260), (260, args.weeks)):
        part = times[lo:hi]
        if part:
            print(f"  weeks {lo + 1:3d}-{min(hi, args.weeks):3d}: {_ms(part)}")
    have_browser = shutil.which("chromium") is not None
    try:
        import playwright  # noqa: F401
    except ImportError:
        have_browser = False
    if args.no_browser or not have_browser:
        print(
            "in the browser: skipped"
            + ("" if args.no_browser else " (needs playwright and chromium)")
        )
        return
    start, later = in_browser(args.clicks, args.years)
    print(f"in the browser, click Step -> new week shown, weeks 1-{args.clicks}: {_ms(start)}")
    print(f"  after {args.years} years: {_ms(later)}")
    worst = max(statistics.median(start), statistics.median(later))
    print(
        f"target about 300 ms: {'met' if worst <= 0.3 else 'NOT met'} (median {1e3 * worst:.0f} ms)"
    )


if __name__ == "__main__":
    main()
