"""Scenario library: named policy scenarios, one TOML file each in ``scenarios/``.

A scenario file holds a name, an English and a Dutch title and description, the
passage of the research it comes from, the context (``city`` or ``town``) and a
``[levers]`` table of parameter values (names from ``samenspel.model.params``)::

    name = "wijktafels"
    extends = "city-baseline"          # optional: start from another scenario
    title_en = "Wijktafels"
    title_nl = "Wijktafels"
    description_en = "..."
    description_nl = "..."
    source = "Deze onbekendheid kan mogelijk worden weggenomen door ..."
    context = "city"                   # may be left out when ``extends`` is given

    [levers]
    wijktafels_per_year = 10

    [[schedule]]                       # optional: levers that change during the run
    week = 157                         # from week 157 on (after three years) ...
    wijktafels_per_year = 0            # ... the wijktafels stop

``extends`` names another scenario (looked up next to the file first, then in the
library) or a path to one; it is resolved recursively and the child's levers
override the parent's. The child inherits the parent's context unless it sets its
own; titles, descriptions and source are never inherited. A child inherits the
parent's ``schedule`` unless it has its own (``model.policy`` validates it).

Everything is validated when a file is loaded. A problem raises ``ScenarioError``
(a ``ParameterError``) whose message is one line naming the file, the key, what is
allowed and what was given; the CLI prints it and exits with code 2.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .hints import closest, did_you_mean
from .library import library_dir
from .model.params import PARAMS, ParameterError, resolve
from .model.policy import PolicyChange, check_schedule

SCENARIO_DIR = Path(os.environ.get("SAMENSPEL_SCENARIOS") or library_dir("scenarios"))
"""The scenario library: package data (``scenarios/`` in the repository), or the folder
named by ``$SAMENSPEL_SCENARIOS``."""

MAX_EXTENDS = 32
"""Longest ``extends`` chain; a longer one is almost surely a mistake (or a loop of
copies), and would otherwise exhaust Python's recursion limit."""
MAX_FILE_BYTES = 1_000_000
"""Largest scenario file read (the shipped ones are about 1 kB)."""

TEXT_KEYS = ("name", "title_en", "title_nl", "description_en", "description_nl", "source")
KEYS = (
    "name",
    "extends",
    "title_en",
    "title_nl",
    "description_en",
    "description_nl",
    "source",
    "context",
    "levers",
    "schedule",
)
NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
CONTEXTS = PARAMS["context"].choices or ()


class ScenarioError(ParameterError):
    """A scenario file is missing, malformed or invalid; the message is one line.

    The message is English (the command line's). The usual mistakes in a file also
    carry what kind of mistake it is (``code``) and its parts (``fields``), so that a
    page can say the same in its own language (``dashboard.messages.scenario_message``).
    """

    def __init__(self, message: str, code: str = "", **fields: Any) -> None:
        super().__init__(message)
        self.code = code
        self.fields = fields


@dataclass(frozen=True)
class Scenario:
    """One named scenario, with its levers merged along the ``extends`` chain.

    Attributes:
        name: Short identifier, equal to the file name without ``.toml``.
        title_en: English title.
        title_nl: Dutch title.
        description_en: What it changes and which finding it tests (English).
        description_nl: The same in Dutch.
        source: A short verbatim quote from the research it comes from (Dutch).
        context: ``city`` or ``town``: the context preset it runs in.
        levers: Validated parameter values, the parent's overridden by this file's.
        extends: Name (or path) of the parent scenario, or ``None``.
        path: The file it was loaded from.
        own_levers: The levers set in this file itself.
        chain: Names from this scenario up to the root of its ``extends`` chain.
        schedule: Lever changes at given weeks (``model.policy.PolicyChange``).

    """

    name: str
    title_en: str
    title_nl: str
    description_en: str
    description_nl: str
    source: str
    context: str
    levers: dict[str, Any] = field(default_factory=dict)
    extends: str | None = None
    path: Path | None = None
    own_levers: dict[str, Any] = field(default_factory=dict)
    chain: tuple[str, ...] = ()
    schedule: tuple[PolicyChange, ...] = ()

    def title(self, lang: str = "en") -> str:
        """The title in ``lang`` (``en`` or ``nl``)."""
        return self.title_nl if lang == "nl" else self.title_en

    def description(self, lang: str = "en") -> str:
        """The description in ``lang`` (``en`` or ``nl``)."""
        return self.description_nl if lang == "nl" else self.description_en

    def values(self) -> dict[str, Any]:
        """The scenario's own parameter values: its context plus its levers."""
        return {"context": self.context, **self.levers}

    def params(
        self, overrides: Mapping[str, Any] | None = None, where: str = "--set"
    ) -> dict[str, Any]:
        """All model parameters of this scenario, resolved by ``model.params.resolve``.

        Args:
            overrides: Values that win over the scenario's (e.g. ``--set`` items);
                strings are parsed to the declared type.
            where: Names the source of ``overrides`` in error messages.

        Raises:
            ParameterError: If an override is unknown or out of range.

        """
        checked = resolve(overrides, where=where) if overrides else {}
        values = self.values()
        values.update({k: checked[k] for k in overrides or {}})
        out: dict[str, Any] = resolve(values, where=_show(self.path) if self.path else self.name)
        if self.schedule:  # passed on to the model as its ``schedule`` argument
            out["schedule"] = self.schedule
        return out


# --- finding files ------------------------------------------------------------------


def _show(path: Path) -> str:
    """The path as the user would write it (relative to the working folder if inside)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _looks_like_path(text: str) -> bool:
    return text.endswith(".toml") or "/" in text or os.sep in text


def available(directory: Path | None = None) -> list[str]:
    """Names of the scenario files in ``directory`` (default: the library)."""
    folder = Path(directory) if directory is not None else SCENARIO_DIR
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.toml"))


def find_scenario(name_or_path: str | os.PathLike[str], near: Path | None = None) -> Path:
    """The file of a scenario given by name or path.

    Args:
        name_or_path: A library name such as ``"wijktafels"`` or a path to a file.
        near: A folder to look in before the library (the folder of a child file).

    Raises:
        ScenarioError: If there is no such scenario.

    """
    text = os.fspath(name_or_path)
    if isinstance(name_or_path, os.PathLike) or _looks_like_path(text):
        path = Path(text)
        if near is not None and not path.is_absolute():
            path = near / path
        if not _is_file(path):
            raise ScenarioError(f"scenario file '{_show(path)}' does not exist")
        return path
    folders = [f for f in (near, SCENARIO_DIR) if f is not None]
    for folder in folders:
        path = Path(folder) / f"{text}.toml"
        if _is_file(path):
            return path
    names = sorted({n for f in folders for n in available(f)})
    hint = did_you_mean(text, names, after=" ")
    listing = ", ".join(names) if names else "none found"
    shown = text if len(text) <= 80 else text[:80] + "..."
    raise ScenarioError(
        f"no scenario named {shown!r}; {hint}available: {listing}",
        "no_scenario",
        name=shown,
        suggestion=closest(text, names),
    )


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; False for a name the file system refuses (too long)."""
    try:
        return path.is_file()
    except OSError:
        return False


# --- validation ---------------------------------------------------------------------


def _given(value: Any) -> str:
    """A short one-line description of a given value for error messages."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(
            f"{where}: key '{key}' must be a non-empty text, got {_given(value)}",
            "empty_text",
            where=where,
            text_key=key,
            given=_given(value),
        )
    return value.strip()


def _check_keys(data: Mapping[str, Any], where: str, has_parent: bool) -> None:
    for key in data:
        if key not in KEYS:
            hint = did_you_mean(key, KEYS, after=" ")
            raise ScenarioError(
                f"{where}: unknown key {key!r}; {hint}allowed keys: {', '.join(KEYS)}",
                "unknown_key",
                where=where,
                key=key,
                suggestion=closest(key, KEYS),
            )
    missing = [key for key in TEXT_KEYS if key not in data]  # all at once, not one per try
    if missing:
        keys = ", ".join(f"'{key}'" for key in missing)
        raise ScenarioError(
            f"{where}: missing key{'s' if len(missing) > 1 else ''} {keys}; "
            f"{'each' if len(missing) > 1 else 'it'} must be a non-empty text "
            "(the README has a template of a scenario file)",
            "missing_keys",
            where=where,
            keys=missing,
        )
    if not has_parent and "context" not in data:
        raise ScenarioError(
            f"{where}: missing key 'context'; it must be one of {', '.join(CONTEXTS)} "
            "(or an 'extends' to inherit the context from)",
            "missing_context",
            where=where,
            contexts=", ".join(CONTEXTS),
        )


def check_levers(levers: Any, where: str) -> dict[str, Any]:
    """Validate a ``[levers]`` table and return the values converted to their types.

    Raises:
        ScenarioError: On a non-table, an unknown name, ``context`` (a top-level
            key), a wrong type or an out-of-range value.

    """
    if not isinstance(levers, dict):
        raise ScenarioError(
            f"{where}: key 'levers' must be a table of parameter values "
            f"([levers] with name = value lines), got {_given(levers)}",
            "levers_not_table",
            where=where,
            given=_given(levers),
        )
    out: dict[str, Any] = {}
    for name, value in levers.items():
        if name == "context":
            raise ScenarioError(
                f"{where}: key 'levers.context' is not allowed; set "
                f"context = {_given(value)} at the top level instead",
                "levers_context",
                where=where,
                given=_given(value),
            )
        if name not in PARAMS:
            hint = did_you_mean(name, PARAMS, after=" ")
            raise ScenarioError(
                f"{where}: unknown lever {name!r} in [levers]; {hint}"
                "'samenspel params' lists the allowed names",
                "unknown_lever",
                where=where,
                name=name,
                suggestion=closest(name, PARAMS),
            )
        param = PARAMS[name]
        if param.type is not str and isinstance(value, str):
            raise ScenarioError(
                f"{where}: parameter '{name}' must be {param.allowed()} "
                f"(written without quotes), got {_given(value)}",
                "lever_quoted",
                where=where,
                name=name,
                given=_given(value),
            )
        try:
            out[name] = param.check(value, where=where)
        except ParameterError as exc:
            fields = {"where": where, "name": name, "value": value}
            if isinstance(value, dict | list):  # keep the message short
                raise ScenarioError(
                    f"{where}: parameter '{name}' must be {param.allowed()}, got {_given(value)}",
                    "lever_value",
                    **fields,
                ) from None
            raise ScenarioError(str(exc), "lever_value", **fields) from None
    return out


def _read(path: Path) -> dict[str, Any]:
    where = _show(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScenarioError(
                f"{where}: file is {size:,} bytes, more than a scenario "
                f"file can be ({MAX_FILE_BYTES:,}); is it the right file?",
                "too_big",
                where=where,
                size=size,
                limit=MAX_FILE_BYTES,
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(
            f"{where}: cannot read the file ({exc.strerror or type(exc).__name__})"
        ) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ScenarioError(
            f"{where}: the file is UTF-16 text; save it as UTF-8", "encoding", where=where
        )
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (Windows editors) is fine
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            f"{where}: not UTF-8 text (byte {exc.start}); save the file as UTF-8",
            "encoding",
            where=where,
        ) from None
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise ScenarioError(f"{where}: not valid TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        msg = " ".join(str(exc).split())
        raise ScenarioError(
            f"{where}: not valid TOML: {msg}", "not_toml", where=where, detail=msg
        ) from None


def _load(path: Path, stack: tuple[Path, ...]) -> Scenario:
    where = _show(path)
    data = _read(path)
    parent_ref = data.get("extends")
    if parent_ref is not None and (not isinstance(parent_ref, str) or not parent_ref.strip()):
        raise ScenarioError(
            f"{where}: key 'extends' must be the name of another scenario, got {_given(parent_ref)}",
            "extends_text",
            where=where,
            given=_given(parent_ref),
        )
    _check_keys(data, where, has_parent=parent_ref is not None)
    name = _text(data, "name", where)
    if not NAME_PATTERN.fullmatch(name) or name != path.stem:
        raise ScenarioError(
            f"{where}: key 'name' must be the file name without .toml "
            f"({path.stem!r}, lower case, digits, - and _), got {name!r}",
            "name_mismatch",
            where=where,
            stem=path.stem,
            given=name,
        )
    texts = {key: _text(data, key, where) for key in TEXT_KEYS}
    context = data.get("context")
    if context is not None and context not in CONTEXTS:
        raise ScenarioError(
            f"{where}: key 'context' must be one of {', '.join(CONTEXTS)}, got {_given(context)}",
            "context_value",
            where=where,
            contexts=", ".join(CONTEXTS),
            given=_given(context),
        )
    own = check_levers(data.get("levers", {}), where)
    try:
        own_schedule = check_schedule(data.get("schedule"), where)
    except ParameterError as exc:
        raise ScenarioError(str(exc)) from None

    parent = None
    if parent_ref is not None:
        parent_ref = parent_ref.strip()
        try:
            parent_path = find_scenario(parent_ref, near=path.parent)
        except ScenarioError as exc:
            raise ScenarioError(
                f"{where}: key 'extends' must name an existing scenario; {exc}",
                "extends_unknown",
                where=where,
                name=parent_ref,
                suggestion=exc.fields.get("suggestion"),
            ) from None
        key = parent_path.resolve()
        if len(stack) + 1 >= MAX_EXTENDS:
            root = _show(stack[0]) if stack else where
            raise ScenarioError(
                f"{root}: key 'extends' must lead to a baseline within "
                f"{MAX_EXTENDS} files, got a longer chain ({stack[0].stem} "
                f"-> ... -> {path.stem} -> {parent_ref})"
            )
        if key in stack or key == path.resolve():
            cycle = " -> ".join(p.stem for p in (*stack, path.resolve(), key))
            raise ScenarioError(
                f"{where}: key 'extends' must not lead back to itself, "
                f"got {parent_ref!r} (a cycle: {cycle})"
            )
        parent = _load(parent_path, (*stack, path.resolve()))

    levers = {**(parent.levers if parent else {}), **own}
    if context is None:  # _check_keys demands a context where there is no parent
        assert parent is not None
        context = parent.context
    return Scenario(
        **texts,
        context=context,
        levers=levers,
        extends=parent_ref,
        path=path,
        own_levers=own,
        chain=(name, *(parent.chain if parent else ())),
        schedule=own_schedule if "schedule" in data else (parent.schedule if parent else ()),
    )


# --- public API ---------------------------------------------------------------------


def load_scenario(name_or_path: str | os.PathLike[str] | Scenario) -> Scenario:
    """Load and validate a scenario by library name or by path.

    Args:
        name_or_path: A name from ``scenarios/`` (e.g. ``"wijktafels"``), a path to a
            ``.toml`` file, or an already loaded ``Scenario`` (returned as is).

    Returns:
        The scenario, with ``extends`` resolved and all levers validated.

    Raises:
        ScenarioError: One readable line naming the file, the key, what is allowed
            and what was given.

    """
    if isinstance(name_or_path, Scenario):
        return name_or_path
    path = find_scenario(name_or_path)
    return _load(path, ())


def list_scenarios(directory: str | os.PathLike[str] | None = None) -> list[Scenario]:
    """Load every scenario in ``directory`` (default: the library).

    Baselines (no ``extends``) come first, then the others; by name within each.
    """
    folder = Path(directory) if directory is not None else SCENARIO_DIR
    scenarios = [_load(folder / f"{name}.toml", ()) for name in available(folder)]
    return sorted(scenarios, key=lambda s: (len(s.chain) > 1, s.name))
