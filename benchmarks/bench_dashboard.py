"""Benchmark: one step plus redraw of the dashboard's Explore page, default scenario.

Two measurements (target, issue 5: about 300 ms for a step and a redraw):

1. **In the server** (always): for every week of a run on the page (up to the page's
   limit of 520 weeks), the time of ``model.step()`` plus ``frame.render``, which
   builds everything the page shows for a week: the regime in words, the network
   SVG and the three charts. Reported at the start, after one year, after five
   years and at the end, as the curves grow with the weeks.
2. **In the browser** (on by default when Playwright and Chromium are there): the
   dashboard is started with ``samenspel dashboard --offline`` and driven in headless
   Chromium at a projector's 1024x768; each sample is the wall time from clicking
   *Step* to the page showing the new week (websocket round trip, step, render, DOM
   update), clicked again as soon as it shows. Then *Play* runs for a few seconds at
   the default speed and at the top speed, and the weeks shown per second are
   counted. As the reference in the same run, the same is done with the server on
   reacton's default renderer (``REACTON_FAST=0``; the command asks for the fast one,
   see ``samenspel.dashboard.command.server_env``).

Run with::

    python benchmarks/bench_dashboard.py [--weeks 520] [--clicks 20] [--play 6] [--no-browser]
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

from samenspel.dashboard import command, frame, session
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


def in_browser(
    clicks: int, years_first: int, fast: bool, play_seconds: float
) -> tuple[list[float], list[float], float, float]:
    """Step clicks and Play in Chromium, with reacton's fast renderer or its default one.

    Returns:
        Click-to-update seconds at the start and after ``years_first`` years, and the
        weeks shown per second while playing at the default and at the top speed.

    """
    from playwright.sync_api import sync_playwright

    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "samenspel", "dashboard", "--offline", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, command.FAST_RENDERER: "1" if fast else "0"},
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
            page = browser.new_page(viewport={"width": 1024, "height": 768})
            page.goto(url)
            page.wait_for_selector(".samenspel-network", timeout=60_000)

            def week() -> int:
                text = page.locator(".samenspel-regime").inner_text()
                return int(text.split("Week")[1].split()[0])

            def shown(target: int, timeout: int) -> None:
                page.wait_for_function(
                    "w => document.querySelector('.samenspel-regime').innerText"
                    ".includes('Week ' + w)",
                    arg=target,
                    timeout=timeout,
                )

            def sample(n: int) -> list[float]:
                out = []
                for _ in range(n):
                    target = week() + 1
                    t0 = time.perf_counter()
                    page.locator(".samenspel-step").click()
                    shown(target, 30_000)
                    out.append(time.perf_counter() - t0)
                return out

            def play() -> float:
                page.locator(".samenspel-play").click()
                page.wait_for_timeout(1500)  # under way
                w0, t0 = week(), time.perf_counter()
                page.wait_for_timeout(1000 * play_seconds)
                w1, t1 = week(), time.perf_counter()
                page.locator(".samenspel-play").click()  # pause
                page.wait_for_timeout(1000)
                return (w1 - w0) / (t1 - t0)

            start = sample(clicks)
            for _ in range(years_first):
                before = week()
                page.locator(".samenspel-year").click()
                shown(before + 52, 60_000)
            later = sample(clicks)
            page.locator(".samenspel-reset").click()
            shown(0, 60_000)
            default_speed = play()
            page.locator(".samenspel-speed .v-slider__thumb-container").first.focus()
            page.keyboard.press("End")  # the top speed
            page.wait_for_timeout(500)
            top_speed = play()
            browser.close()
        return start, later, default_speed, top_speed
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
    parser.add_argument(
        "--play", type=float, default=6.0, help="seconds of Play counted at each speed"
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
    speeds = f"default {session.speed.value}, top {session.MAX_SPEED} weeks/s"
    results = {}
    for fast in (True, False):  # the reference second: the fast renderer is what users get
        results[fast] = in_browser(args.clicks, args.years, fast, args.play)
    for fast, name in ((True, "fast renderer (the server's)"), (False, "default renderer")):
        start, later, default_speed, top_speed = results[fast]
        print(f"in the browser, reacton's {name}:")
        print(f"  click Step -> new week shown, weeks 1-{args.clicks}: {_ms(start)}")
        print(f"  after {args.years} years: {_ms(later)}")
        print(f"  Play ({speeds}): {default_speed:.1f} and {top_speed:.1f} weeks shown/s")
    (start, later, *_), (ref_start, ref_later, *_) = results[True], results[False]
    worst = max(statistics.median(start), statistics.median(later))
    print(
        "  fast / default, Step medians: "
        f"{statistics.median(start) / statistics.median(ref_start):.2f} (weeks 1-{args.clicks}), "
        f"{statistics.median(later) / statistics.median(ref_later):.2f} (after {args.years} years)"
    )
    print(
        f"target about 300 ms: {'met' if worst <= 0.3 else 'NOT met'} (median {1e3 * worst:.0f} ms)"
    )


if __name__ == "__main__":
    main()
