"""Start-up time of the command line and of ``import samenspel`` (issue 10).

Each command runs in a fresh process, ``--repeats`` times; the median wall time and the
median CPU time (user + system of the child, steadier under load) are printed, with the
bare interpreter start as the reference and the command's own share above it. The
biggest imports of ``samenspel params`` come from ``python -X importtime``.

    python benchmarks/bench_start.py --repeats 7
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _samenspel() -> list[str]:
    script = shutil.which("samenspel") or str(Path(sys.executable).parent / "samenspel")
    return [script] if Path(script).exists() else [sys.executable, "-m", "samenspel"]


def measure(cmd: list[str], repeats: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeats):
        before = os.times()
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - t0)
        after = os.times()
        cpus.append(
            (after.children_user - before.children_user)
            + (after.children_system - before.children_system)
        )
    return statistics.median(walls), statistics.median(cpus)


def biggest_imports(cmd_args: list[str], n: int = 6) -> list[tuple[str, float]]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "samenspel", *cmd_args],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m.group(2)) == 1:  # top-level imports only
            rows.append((m.group(3), int(m.group(1)) / 1e6))
    return sorted(rows, key=lambda r: -r[1])[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    s = _samenspel()
    cases = [
        ("python -c pass (reference)", [sys.executable, "-c", "pass"]),
        ("python -c 'import samenspel'", [sys.executable, "-c", "import samenspel"]),
        ("samenspel --version", [*s, "--version"]),
        ("samenspel --help", [*s, "--help"]),
        ("samenspel run --help", [*s, "run", "--help"]),
        ("samenspel params", [*s, "params"]),
        ("samenspel scenarios", [*s, "scenarios"]),
        (
            "python -c 'import samenspel; samenspel.run'",
            [sys.executable, "-c", "import samenspel; samenspel.run"],
        ),
        ("samenspel run (260 weeks, default)", [*s, "run"]),
    ]
    print(
        f"Python {sys.version.split()[0]}, {args.repeats} repeats, median; command: {' '.join(s)}"
    )
    print(f"{'command':45s} {'wall s':>8s} {'CPU s':>8s} {'above python':>13s}")
    base = None
    for label, cmd in cases:
        wall, cpu = measure(cmd, args.repeats)
        base = wall if base is None else base
        print(f"{label:45s} {wall:8.3f} {cpu:8.3f} {wall - base:13.3f}")
    print("\nbiggest top-level imports of 'samenspel params' (s, cumulative):")
    for name, seconds in biggest_imports(["params"]):
        print(f"  {name:40s} {seconds:.3f}")


if __name__ == "__main__":
    main()
