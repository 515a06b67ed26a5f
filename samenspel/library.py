"""Where the shipped scenario and sweep-spec files are: package data.

In an installed wheel the files are package data, ``samenspel/library/scenarios/*.toml``
and ``samenspel/library/experiments/*.toml`` (``pyproject.toml`` maps the top-level
``scenarios/`` and ``experiments/`` folders there), found with ``importlib.resources``.
In an editable checkout the same files are read from those top-level folders, so
there is one copy of each.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

KINDS = ("scenarios", "experiments")


def library_dir(kind: str) -> Path:
    """The folder of the shipped ``kind`` files (``scenarios`` or ``experiments``)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    package = files("samenspel")
    packaged = package / "library" / kind
    if packaged.is_dir():  # an installed wheel (pip unpacks it, so this is a real folder)
        return Path(str(packaged))
    return Path(str(package)).parent / kind  # an editable checkout: the top-level folder


def shipped(kind: str) -> list[str]:
    """Names (file stems) of the shipped ``kind`` files, sorted."""
    folder = library_dir(kind)
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []
