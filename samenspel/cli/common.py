"""What every subcommand shares: the parser class, the one error type, checks.

Kept free of heavy imports: it is loaded for ``samenspel --help``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from ..files import nearest_existing

OUT_SUFFIXES = (".csv", ".parquet")


class UsageError(Exception):
    """A one-line user error; the CLI prints it and exits with code 2."""


# Errors of samenspel's own modules that carry a one-line message for the user. Looked
# up by name so that this module imports none of them (they are only raised once their
# module has been loaded anyway).
_USER_ERRORS = (
    ("samenspel.model.params", "ParameterError"),
    ("samenspel.sweepspec", "SpecError"),
    ("samenspel.limits", "LimitError"),
    ("samenspel.files", "FileProblem"),
    ("samenspel.dashboard.assets", "AssetError"),
)


def report(exc: BaseException) -> str | None:
    """The one-line message for an error in the user's input or environment, else None.

    None means a bug in samenspel: the caller lets the traceback through.
    """
    known: list[type[BaseException]] = [UsageError]
    for module, name in _USER_ERRORS:
        if module in sys.modules:
            known.append(getattr(sys.modules[module], name))
    if isinstance(exc, tuple(known)):
        return " ".join(str(exc).split())
    if isinstance(exc, OSError):  # a folder that is read-only, full or gone, ...
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        return f"{where}{exc.strerror or exc}"
    if isinstance(exc, MemoryError):
        return "out of memory; try fewer runs, weeks or samples"
    return None


class Parser(argparse.ArgumentParser):
    """An argument parser that raises ``UsageError`` and builds subcommands lazily.

    A subcommand parser made with ``command="samenspel.cli.NAME"`` imports that module
    and calls its ``add_arguments`` only when the subcommand is used or its help is
    shown; its ``main`` becomes ``args.func``.
    """

    def __init__(self, *args: Any, command: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._command = command

    def _configure(self) -> None:
        if self._command is not None:
            module, self._command = importlib.import_module(self._command), None
            module.add_arguments(self)
            self.set_defaults(func=module.main)

    def parse_known_args(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        namespace: argparse.Namespace | None = None,
    ) -> Any:
        """Add this subcommand's options (first use), then parse."""
        self._configure()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        """Add this subcommand's options (first use), then format the help."""
        self._configure()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        """Raise ``UsageError`` instead of printing usage and exiting.

        The message ends with where to read more (``see 'samenspel run --help'``):
        it names the subcommand once, after ``samenspel: error:``.
        """
        raise UsageError(f"{message} (see '{self.prog} --help')")


def parse_sets(items: Sequence[str] | None) -> dict[str, str]:
    """Turn ``["name=value", ...]`` into a dict, rejecting malformed items."""
    out: dict[str, str] = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set expects name=value, got {item!r}")
        out[name.strip()] = value.strip()
    return out


def check_writable(folder: Path, option: str = "--out") -> None:
    """Check, before anything runs, that files can be created in ``folder``.

    A probe file is created and removed: permission bits alone do not tell (root,
    read-only mounts, ``/proc``, network shares).
    """
    import tempfile

    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".samenspel-probe-"):
            pass
    except OSError as exc:
        raise UsageError(
            f"{option}: cannot write in {str(folder)!r} ({exc.strerror or type(exc).__name__})"
        ) from None


def check_out_file(
    path: str | None, suffixes: tuple[str, ...] = OUT_SUFFIXES, option: str = "--out"
) -> Path | None:
    """Check an output file option (``.csv`` or ``.parquet`` by default) before a run."""
    if path is None:
        return None
    out = Path(path)
    if out.suffix.lower() not in suffixes:
        allowed = " or ".join(suffixes)
        raise UsageError(f"{option} must end in {allowed}, got {path!r}")
    if not out.parent.is_dir():
        raise UsageError(f"{option}: folder {str(out.parent)!r} does not exist")
    if out.is_dir():
        raise UsageError(f"{option} must name a file, but {path!r} is a folder")
    check_writable(out.parent)
    return out


def check_out_dir(path: str) -> Path:
    """Check an ``--out DIR`` option: a folder, or a new one (its missing parents too).

    Nothing is made here: the command makes the folders when it writes (as ``mkdir -p``
    would), so ``--out results/cmp`` works in a fresh folder. The nearest folder that
    exists must be writable, and no part of the path may be a file.
    """
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out must be a folder, got the file {path!r}")
    existing = nearest_existing(out)
    if not existing.is_dir():
        raise UsageError(f"--out: {str(existing)!r} is a file, not a folder to make {path!r} in")
    check_writable(existing)
    return out


def check_seed_weeks(seed: int, weeks: int, allow_large: bool = False) -> None:
    """Check ``--seed`` and ``--weeks`` (range and ceiling) before anything runs."""
    from ..limits import MAX_WEEKS, check_size
    from ..model.params import ParameterError
    from ..model.run_args import check_run_args

    try:
        check_run_args(seed, weeks)
    except ParameterError as exc:  # name the option as the user typed it
        raise UsageError(
            str(exc).replace("parameter 'seed'", "--seed").replace("parameter 'weeks'", "--weeks")
        ) from None
    check_size("--weeks", weeks, MAX_WEEKS, allow_large)


def check_workers(workers: int | None) -> None:
    """Check ``--workers``."""
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")


def add_replicate_options(
    parser: argparse.ArgumentParser, replicates: int, replicates_help: str, default_weeks: int
) -> None:
    """The run options of commands with the same seeds in every arm (compare, explain).

    ``--replicates``, ``--seed``, ``--weeks`` and ``--workers``.
    """
    parser.add_argument(
        "--replicates",
        type=int,
        default=replicates,
        help=f"{replicates_help} (default {replicates})",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="first seed; replicate i uses seed+i (default 0)"
    )
    parser.add_argument(
        "--weeks", type=int, default=default_weeks, help=f"weeks per run (default {default_weeks})"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="processes to use (default: all available cores)"
    )


def add_allow_large(parser: argparse.ArgumentParser) -> None:
    """The ``--allow-large`` flag (see ``samenspel.limits``)."""
    parser.add_argument(
        "--allow-large",
        action="store_true",
        help="go past the size ceilings (weeks, replicates, samples, runs)",
    )
