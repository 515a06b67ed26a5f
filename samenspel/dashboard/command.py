"""``samenspel dashboard``: start the dashboard server (Solara) on this machine.

``samenspel dashboard [--host 127.0.0.1] [--port 8765] [--lang auto|nl|en]`` starts the
server and prints its address; it opens no browser and reaches no other host. The
front-end files ship inside the package (``assets.py``); only if they do not match
the installed Solara are they fetched once with npm (``--fetch-assets`` only does
that). ``--check-assets`` reports whether they are in place.

This module imports nothing heavy, so ``samenspel --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
APP = "samenspel.dashboard.app"
FAST_RENDERER = "REACTON_FAST"
"""reacton's switch for its fast renderer (``server_env``)."""


def server_command(host: str, port: int) -> list[str]:
    """The command line that runs the Solara server for the dashboard."""
    return [
        sys.executable,
        "-m",
        "solara",
        "run",
        APP,
        "--host",
        host,
        "--port",
        str(port),
        "--production",
        "--no-open",
        "--log-level",
        "warning",
        "--theme-loader",
        "plain",
    ]


def server_env(lang: str = "auto", base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for the server: local front-end files, no telemetry, the language.

    It also asks for reacton's fast renderer (``REACTON_FAST=1``, in reacton since
    1.10, which Solara renders with): a render pass skips every part of the page in
    which nothing changed, where the default renderer walks and updates all of the
    page's widgets. A simulated week changes only the drawing, so a Step updates
    about a quarter of the widgets it did (``benchmarks/bench_dashboard.py`` has
    the times). ``REACTON_FAST=0`` in the environment keeps the default renderer.
    """
    from .assets import ENV_CACHE, cache_dir

    env = dict(os.environ if base is None else base)
    env[ENV_CACHE] = str(cache_dir())
    env.setdefault("SOLARA_TELEMETRY_MIXPANEL_ENABLE", "False")
    env.setdefault(FAST_RENDERER, "1")
    if lang in ("nl", "en"):
        env["SAMENSPEL_LANG"] = lang
    else:
        env.pop("SAMENSPEL_LANG", None)
    return env


def prepare_assets(fetch_if_missing: bool = True) -> None:
    """Make sure the front-end files are in the local cache.

    Raises:
        AssetError: When files are missing and cannot be fetched.

    """
    from .assets import AssetError, cache_dir, fetch, missing

    left = missing()
    if not left:
        return
    if not fetch_if_missing:
        raise AssetError(
            f"front-end files missing in {cache_dir()}: {', '.join(left)}; "
            "run 'samenspel dashboard --fetch-assets' on a machine that "
            "reaches the npm registry"
        )
    print(
        "The dashboard's front-end files are not installed yet; fetching them once "
        "from the npm registry.",
        file=sys.stderr,
    )
    fetch()


def cmd_dashboard(args: argparse.Namespace) -> int:
    """Start the dashboard (or only fetch or check its front-end files)."""
    from .assets import AssetError, cache_dir, missing

    if args.check_assets:
        left = missing()
        print(
            f"{cache_dir()}: "
            + ("all front-end files present" if not left else "missing " + ", ".join(left))
        )
        return 0 if not left else 1
    if not 0 <= args.port <= 65535:  # checked first: nothing is fetched for a typo
        print(f"samenspel: error: --port must be from 0 to 65535, got {args.port}", file=sys.stderr)
        return 2
    try:
        prepare_assets(fetch_if_missing=not args.offline)
    except AssetError as exc:
        print(f"samenspel: error: {exc}", file=sys.stderr)
        return 2
    if args.fetch_assets:
        print(f"front-end files in {cache_dir()}")
        return 0
    print(
        f"samenspel dashboard on http://{args.host}:{args.port}/ (Ctrl+C stops it)", file=sys.stderr
    )
    cmd, env = server_command(args.host, args.port), server_env(args.lang)
    sys.stderr.flush()
    if os.name == "posix":  # become the server: signals reach it, no orphan is left
        os.execve(cmd[0], cmd, env)
    try:
        return subprocess.call(cmd, env=env)
    except KeyboardInterrupt:
        return 0


def add_arguments(dash: argparse.ArgumentParser) -> None:
    """Options of ``samenspel dashboard``."""
    dash.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})"
    )
    dash.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})"
    )
    dash.add_argument(
        "--lang",
        choices=("auto", "nl", "en"),
        default="auto",
        help="language of the pages (default: the browser's)",
    )
    dash.add_argument(
        "--fetch-assets",
        action="store_true",
        help="only fetch the front-end files into the local cache (npm)",
    )
    dash.add_argument(
        "--check-assets",
        action="store_true",
        help="only check that the front-end files are in place",
    )
    dash.add_argument(
        "--offline",
        action="store_true",
        help="never fetch front-end files; fail if they are missing",
    )
