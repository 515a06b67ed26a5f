"""Command-line interface: ``samenspel COMMAND ...``.

Each subcommand lives in its own module ``samenspel/cli/<name>.py`` with two
functions, ``add_arguments(parser)`` and ``main(args) -> int``, and is listed once in
``COMMANDS`` below with its one-line help. A subcommand's module (and whatever heavy
library it needs) is imported only when that subcommand is used, so ``samenspel
--help`` starts fast.

To add a subcommand ``explain``: write ``samenspel/cli/explain.py`` with
``add_arguments(parser)`` (its options) and ``main(args) -> int`` (import heavy modules
inside ``main``; raise ``UsageError`` or a domain error such as ``ParameterError`` for
bad input), and add one line ``"explain": "<one-line help>",`` to ``COMMANDS``. A
test (``tests/test_package.py``) checks that every listed command has both functions.

Every error in user input (an unknown parameter, a value out of range, a bad file, an
unwritable folder) is reported as one line on standard error, ``samenspel: error:
...``, and the process exits with code 2; never a traceback.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from .._version import __version__
from .common import Parser, UsageError, report

COMMANDS: dict[str, str] = {
    "run": "run one neighbourhood and print its summary",
    "params": "list the model parameters",
    "scenarios": "list the scenario library",
    "compare": "compare scenarios with common random numbers",
    "explain": "which mechanisms carry a scenario's effect (knock-outs, common random numbers)",
    "story": "run one neighbourhood and tell what happened and why (NL/EN)",
    "validate": "check the validation patterns, write docs/validation.md",
    "calibrate": "pattern-oriented calibration of the free parameters (Latin hypercube)",
    "sweep": "run a parameter sweep (experiments/*.toml)",
    "analyse": "sensitivity indices, tables and figures of a sweep",
    "dashboard": "serve the dashboard on this machine; open the address it prints in a browser (works offline)",
}
"""Subcommand name -> one-line help; the code is in ``samenspel.cli.<name>``."""

QUICK = {"params", "scenarios", "analyse"}
"""Subcommands that never run the model."""

__all__ = ["COMMANDS", "UsageError", "build_parser", "main"]


def build_parser() -> Parser:
    """The argument parser; each subcommand's options are added when it is used."""
    parser = Parser(
        prog="samenspel",
        description="samenspel: an agent-based model of "
        "co-production and co-existence in the social domain",
    )
    parser.add_argument("--version", action="version", version=f"samenspel {__version__}")
    sub = parser.add_subparsers(
        dest="command", required=True, parser_class=Parser, metavar="COMMAND"
    )
    for name, help_text in COMMANDS.items():
        sub.add_parser(name, help=help_text, description=help_text, command=f"{__name__}.{name}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``samenspel`` command; returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
        if args.command not in QUICK:
            _note_first_compile()
        return args.func(args)
    except KeyboardInterrupt:
        print("samenspel: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped reading (`| head`, `| grep -q`)
        return _reader_gone()
    except Exception as exc:  # one line for the user's mistakes, a traceback for ours
        message = report(exc)
        if message is None:
            raise
        print(f"samenspel: error: {message}", file=sys.stderr)
        return 2


def console() -> NoReturn:
    """The ``samenspel`` command: ``main``, then exit with its code.

    NumPy is asked not to request transparent huge pages for its large arrays
    (``NUMPY_MADVISE_HUGEPAGE=0``, unless the environment already says otherwise; the
    command's worker processes inherit it). On Linux with the usual ``defrag=madvise``
    the kernel compacts memory to find a huge page at every first touch of a fresh
    large array, and a run allocates some every week: at 500 areas this took about a
    third of the run's time in the kernel (docs in benchmarks/README.md).

    The finished command's objects are left to the process's end (``gc.freeze``):
    Python's last collections at exit would otherwise walk them all, about 0.4 s
    after a city's run.
    """
    os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")  # before NumPy is imported
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _reader_gone()
    gc.freeze()
    sys.exit(code)


def _reader_gone() -> int:
    """Stop quietly when the reader of the output has gone, with exit code 1.

    As Rich does for what it prints, and as Python's docs advise: no message. Output
    still buffered goes nowhere (Python would otherwise report the failed flush at exit).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


def _note_first_compile() -> None:
    """Compile the model's kernels now, saying so, if this machine has not (once per version).

    Done before the command itself, so that a dashboard compiles before it serves its
    first page instead of during it. The check reads a marker file without importing
    numba (``model.kernel_cache``): ``compare`` starts its fork server after it.
    """
    import time

    from ..model import kernel_cache

    if kernel_cache.cached():
        return
    print(
        "samenspel: compiling the model for this machine (once per version, about a "
        f"minute; kept in {kernel_cache.CACHE_DIR}) ...",
        file=sys.stderr,
        flush=True,
    )
    start = time.perf_counter()
    from ..model import preload  # noqa: F401  (compiles and loads every kernel)

    print(f"samenspel: compiled in {time.perf_counter() - start:.0f} s", file=sys.stderr)
