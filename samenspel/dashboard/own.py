"""The user's own scenarios: from the Explore levers, as TOML files, uploaded back.

"Compare what I have now" turns the current Explore levers into a ``Scenario`` (the
same object the scenario library loads), kept in this browser session
(``own_scenarios``) and offered on the Compare page next to the library. A scenario
is saved as a TOML file in the library's format (``to_toml``: the context and the
levers that differ from that context's defaults) and loaded back with
``samenspel.scenarios.load_scenario``, so an uploaded file is validated exactly as
``samenspel run my.toml`` validates it, with the same one-line messages. A file can be
dropped on the page or its text pasted (the keyboard's way in). A Compare link carries
a scenario as that file, compressed (``to_link``), and checks it on arrival as an
upload (``from_link``).
"""

from __future__ import annotations

import base64
import json
import re
import tempfile
import tomllib
import zlib
from collections.abc import Container
from pathlib import Path
from typing import Any

import solara

from ..model.params import resolve
from ..scenarios import NAME_PATTERN, Scenario, ScenarioError, load_scenario
from . import i18n
from .i18n import t
from .messages import scenario_message

__all__ = [
    "Scenario",
    "add",
    "from_levers",
    "from_link",
    "from_values",
    "load_upload",
    "own_scenarios",
    "to_link",
    "to_toml",
]

own_scenarios: solara.Reactive[dict[str, Scenario]] = solara.reactive({})
"""This session's own scenarios by name, in the order made."""


def free_name(taken: Container[str]) -> str:
    """``mine-k`` for the smallest k >= 1 that is not in ``taken``."""
    k = 1
    while f"mine-{k}" in taken:
        k += 1
    return f"mine-{k}"


def from_levers(values: dict[str, Any], base: str, taken: set[str]) -> Scenario:
    """A scenario of the Explore levers ``values`` (a complete parameter set).

    Args:
        values: The levers (``session.values``).
        base: The library scenario they started from (named in the description).
        taken: Names in use; the new one is ``mine-1``, ``mine-2``, ... not among them.

    """
    name = free_name(taken)
    k = name.removeprefix("mine-")
    try:
        parent = load_scenario(base)
        base_en, base_nl = parent.title("en"), parent.title("nl")
    except ScenarioError:  # an own scenario: it has no file in the library
        base_en = base_nl = base
    return from_values(
        values,
        name,
        titles=(
            f"Mijn knoppen {k} (uit Verkennen, op basis van {base_nl})",
            f"My levers {k} (from Explore, based on {base_en})",
        ),
        descriptions=(
            f"De knoppen zoals gezet op de pagina Verkennen, vanuit {base_nl} ({base}).",
            f"The levers set on the Explore page, starting from {base_en} ({base}).",
        ),
    )


def from_values(
    values: dict[str, Any],
    name: str,
    titles: tuple[str, str] | None = None,
    descriptions: tuple[str, str] | None = None,
) -> Scenario:
    """The complete parameter set ``values`` as a scenario called ``name``.

    Its levers are those that differ from the defaults of its context; ``titles`` and
    ``descriptions`` are (Dutch, English), by default the name.
    """
    context = str(values.get("context", "city"))
    defaults = resolve({"context": context})
    levers = {
        key: v
        for key, v in values.items()
        if key not in ("context", "schedule") and defaults.get(key) != v
    }
    title_nl, title_en = titles or (name, name)
    description_nl, description_en = descriptions or (name, name)
    return Scenario(
        name=name,
        title_en=title_en,
        title_nl=title_nl,
        description_en=description_en,
        description_nl=description_nl,
        source="",
        context=context,
        levers=levers,
        own_levers=levers,
        chain=(name,),
        schedule=tuple(values.get("schedule", ())),
    )


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    return json.dumps(str(v), ensure_ascii=False)


def to_toml(scenario: Scenario) -> str:
    """The scenario as a TOML file of the scenario library's format."""
    lines = [
        f"{key} = {_value(getattr(scenario, key))}" for key in ("name", "title_en", "title_nl")
    ]
    lines += [
        f"description_en = {_value(scenario.description_en)}",
        f"description_nl = {_value(scenario.description_nl)}",
        f"source = {_value(scenario.source or 'own scenario (samenspel dashboard)')}",
        f"context = {_value(scenario.context)}",
        "",
        "[levers]",
    ]
    lines += [f"{key} = {_value(v)}" for key, v in scenario.levers.items()]
    for change in scenario.schedule:
        lines += ["", "[[schedule]]", f"week = {change.week}"]
        lines += [f"{key} = {_value(v)}" for key, v in change.levers.items()]
    return "\n".join(lines) + "\n"


def load_upload(filename: str, data: bytes) -> Scenario:
    """Validate an uploaded scenario file as the command line does, and load it.

    Raises:
        ScenarioError: The command line's one-line message, naming the file as the
            user called it (not the temporary folder it was checked in).

    """
    stem = Path(filename).name
    if not stem.endswith(".toml"):
        raise ScenarioError(
            f"{stem}: a scenario file must end in .toml", "not_toml_name", where=stem
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / stem
        path.write_bytes(data)
        try:
            return load_scenario(path)
        except ScenarioError as exc:

            def named(text: str) -> str:  # the file as the user called it
                return text.replace(str(path), stem).replace(str(Path(folder)) + "/", "")

            fields = {k: named(v) if k == "where" else v for k, v in exc.fields.items()}
            raise ScenarioError(named(str(exc)), exc.code, **fields) from None


def load_text(text: str) -> Scenario:
    """A pasted scenario file, checked as the file ``<its name>.toml`` would be."""
    try:
        name = tomllib.loads(text).get("name")
    except tomllib.TOMLDecodeError:
        name = None
    stem = name if isinstance(name, str) and NAME_PATTERN.fullmatch(name) else "pasted"
    return load_upload(f"{stem}.toml", text.encode("utf-8"))


LINK_LIMIT = 64_000  # bytes of TOML a link may unpack to


def to_link(scenario: Scenario) -> str:
    """The scenario's TOML file, compressed, as text for an address (``from_link``)."""
    packed = zlib.compress(to_toml(scenario).encode("utf-8"), 9)
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def from_link(text: str) -> Scenario:
    """A scenario carried by a link (``to_link``), checked as an uploaded file is.

    Raises:
        ScenarioError: A one-line message: the text is not a packed scenario file, or
            the file's own message (``load_text``).

    """
    try:
        padded = text + "=" * (-len(text) % 4)
        packed = base64.b64decode(padded, altchars=b"-_", validate=True)
        unpack = zlib.decompressobj()
        data = unpack.decompress(packed, LINK_LIMIT)
        if unpack.unconsumed_tail or not unpack.eof:
            raise ValueError("too long or cut off")
        toml = data.decode("utf-8")
    except (ValueError, zlib.error) as exc:  # binascii.Error is a ValueError
        raise ScenarioError(f"own scenario in the link: not a scenario file ({exc})") from None
    return load_text(toml)


def same(a: Scenario, b: Scenario) -> bool:
    """Whether two scenarios would be saved as the same file."""
    return to_toml(a) == to_toml(b)


def add(scenario: Scenario) -> None:
    """Keep ``scenario`` in this session (replacing one of the same name)."""
    if not NAME_PATTERN.fullmatch(scenario.name):
        raise ScenarioError(f"scenario name {scenario.name!r} is not allowed")
    own_scenarios.set({**own_scenarios.value, scenario.name: scenario})


def file_name(scenario: Scenario) -> str:
    """The file name to save ``scenario`` under (its name, as the library requires)."""
    return re.sub(r"[^a-z0-9_-]", "-", scenario.name) + ".toml"


@solara.component
def Upload(on_loaded: Any = None) -> None:
    """A drop zone for a scenario file; a bad file gets the CLI's one line, in the page's language."""
    message, set_message = solara.use_state("")

    def loaded(info: Any) -> None:
        try:
            scenario = load_upload(info["name"], info["file_obj"].read())
        except ScenarioError as exc:
            set_message(t("upload_bad", why=scenario_message(exc)))
            return
        add(scenario)
        set_message(t("upload_ok", title=scenario.title(i18n.current()), name=scenario.name))
        if on_loaded is not None:
            on_loaded(scenario)

    solara.FileDrop(label=t("upload_label"), on_file=loaded, lazy=False)
    pasted, set_pasted = solara.use_state("")

    def load_pasted() -> None:
        try:
            scenario = load_text(pasted)
        except ScenarioError as exc:
            set_message(t("upload_bad", why=scenario_message(exc)))
            return
        add(scenario)
        set_message(t("upload_ok", title=scenario.title(i18n.current()), name=scenario.name))
        if on_loaded is not None:
            on_loaded(scenario)

    with solara.Div(classes=["samenspel-paste"]):
        solara.InputTextArea(t("paste_label"), value=pasted, on_value=set_pasted, rows=4)
        solara.Button(t("paste_load"), on_click=load_pasted, small=True, outlined=True)
    if message:
        solara.Text(message, classes=["samenspel-upload-message"], style={"font-size": "0.9em"})
