"""State of one browser session on the Explore page: scenario, levers, seed and model.

The variables are Solara reactive variables defined at module level. The Solara server
gives every browser session (every open page) its own copy of them, so several users
at once each have their own model and never see each other's clicks.

The functions are the actions of the page. They hold no model logic: a scenario is
loaded with ``samenspel.scenarios.load_scenario`` and its ``params()``, values are
checked with the parameter declarations (``messages.check_lever``), and the model is
``samenspel.model.Neighbourhood(rng=seed, **params)``, exactly as ``samenspel run``
builds it. A user error goes into ``error`` as one translated line (``messages.py``);
nothing is printed for it.

What the page draws for a week (``frame``) is computed by whoever advanced the model
(a button or the player thread), outside the render pass. A frame names its model
(``run_id``): one of a model that is no longer the session's is never shown, so a
scenario switch while playing can never show the old model under the new name.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import solara

from ..model import Neighbourhood
from ..model.params import CONTEXTS, PARAMS
from ..model.run_args import MAX_SEED
from ..scenarios import ScenarioError, load_scenario
from ..scenarios import available as library_names
from . import i18n
from .i18n import t
from .messages import InputError, check_lever, parse_number, scenario_message, whole
from .network import Layout, compute_layout

DEFAULT_SCENARIO = "city-baseline"
MAX_WEEKS = 520
"""A run on the page stops after ten years."""
MAX_HOUSEHOLDS = 50_000
"""Larger worlds are for ``samenspel run``: the page would stop feeling live."""
MAX_SPEED = 30
"""Weeks per second at the fastest setting."""

log = logging.getLogger(__name__)


@dataclass
class Run:
    """A model on the page, with what belongs to it.

    Attributes:
        model: The Mesa model.
        layout: The network layout, computed once when the model was built.
        seed: The seed it was built with.
        params: The parameters it was built with.
        lock: Held while the model steps (play and the buttons never overlap).
        shown: Set by the page once it has drawn the last published frame.

    """

    model: Neighbourhood
    layout: Layout
    seed: int
    params: dict[str, Any]
    lock: threading.RLock = field(default_factory=threading.RLock)
    shown: threading.Event = field(default_factory=threading.Event)


scenario_name = solara.reactive(DEFAULT_SCENARIO)
values: solara.Reactive[dict[str, Any]] = solara.reactive({})
seed = solara.reactive(0)
seed_text = solara.reactive("0")
run: solara.Reactive[Run | None] = solara.reactive(None)
frame: solara.Reactive[dict[str, Any] | None] = solara.reactive(None)
playing = solara.reactive(False)
speed = solara.reactive(8)
error = solara.reactive("")
at_end = solara.reactive(False)
"""Whether the model reached ``MAX_WEEKS`` (the toolbar reads this, never ``frame``: a
control redrawn at every played week could lose the user's click, so the scenario list
and the buttons are redrawn only when what they show changes)."""
picked = solara.reactive(-1)
"""The actor the user clicked in the network (-1: none; ``actors.py``)."""
marked = solara.reactive(-1)
"""The week the user marked on the curves from the story (-1: none; ``story_view.py``)."""
revision = solara.reactive(0)
"""Counts rejected inputs: a field keyed on it is rebuilt, showing the value in use."""


def build(params: dict[str, Any], seed_value: int) -> Run:
    """Build a model (with its event log, for the story) and its fixed network layout."""
    # the page runs to MAX_WEEKS: the model's horizon says so (the story's "week w of n")
    model = Neighbourhood(rng=seed_value, weeks=MAX_WEEKS, events=True, **params)
    a = model.actors
    layout = compute_layout(a.kind, a.side, a.affiliation)
    return Run(model=model, layout=layout, seed=seed_value, params=dict(params))


Renderer = Callable[[Run], dict[str, Any]]
_renderer: list[Renderer] = []


def set_renderer(render: Renderer) -> None:
    """Register what draws a week (``frame.render``, which registers itself on import).

    The drawing reads this module's state, so this module cannot import it: the one
    way the module graph flows is drawing -> state.
    """
    _renderer[:] = [render]


def _draw(current: Run) -> dict[str, Any]:
    if not _renderer:
        raise RuntimeError("samenspel.dashboard.frame is not imported: nothing draws a week")
    with current.lock:
        return _renderer[0](current)


def publish(current: Run) -> bool:
    """Draw ``current``'s week and show it, if it is still the session's model.

    Returns:
        Whether the frame was shown (False: the model was replaced meanwhile).

    """
    drawn = _draw(current)
    if run.value is not current:
        return False
    # No lock is held here: setting a reactive value renders, and the render lock of
    # an event handler that waited for a lock of ours would deadlock. A frame that
    # still slips in after a switch names its model (``run_id``); the page draws the
    # session's model instead (``explore.drawn_for``).
    current.shown.clear()
    frame.set(drawn)  # one reactive per week: each set is a render pass of the page
    at_end.set(current.model.week >= MAX_WEEKS)  # fires only when it changes
    return True


def _reject(message: str) -> None:
    error.set(message)
    revision.set(revision.value + 1)


def _fault(exc: BaseException) -> None:
    """An unexpected error (a bug, not a user error): logged once, a line in the page."""
    log.exception("dashboard action failed")
    error.set(t("fault", what=f"{type(exc).__name__}: {exc}"))


def households_in(params: dict[str, Any]) -> int:
    """Households in the whole world of ``params`` (per area x areas)."""
    return int(params.get("n_households", 0)) * int(params.get("n_areas", 1))


def _too_large(params: dict[str, Any], label: str) -> str:
    total = households_in(params)
    if total <= MAX_HOUSEHOLDS:
        return ""
    return t("too_large", label=label, households=whole(total), limit=whole(MAX_HOUSEHOLDS))


def reset() -> None:
    """Rebuild the model from the current levers and seed (week 0)."""
    playing.set(False)
    message = _too_large(values.value, i18n.label(PARAMS["n_households"]))
    if message:
        _reject(message)
        return
    try:
        new = build(values.value, seed.value)
    except Exception as exc:  # a bug: the levers were checked already
        _fault(exc)
        return
    error.set("")
    picked.set(-1)  # another model: another set of actors
    marked.set(-1)
    drawn = _draw(new)
    run.set(new)
    frame.set(drawn)
    at_end.set(False)


def ensure(search: str = "") -> None:
    """Build the first model of the session if there is none yet (or the one a link names)."""
    if search and any(
        part.split("=")[0] in ("scenario", "seed", "week") for part in search.split("&")
    ):
        apply_query(search)
        return
    if run.value is None:
        if not values.value:
            select_scenario(scenario_name.value)
        else:
            reset()


def query() -> str:
    """The address query that reproduces this view: scenario, changed levers, seed, week.

    Levers are given where they differ from the scenario's own values; a link opened
    elsewhere (``apply_query``) rebuilds exactly this model and steps it to this week.
    A scenario not in the library (an opened file) travels inside the link as its
    packed TOML file (``own=``, ``own.to_link``), with the levers as they are now.
    """
    from urllib.parse import urlencode

    from . import own

    items: dict[str, Any] = {}
    try:
        base = load_scenario(scenario_name.value).params()
        items["scenario"] = scenario_name.value
    except ScenarioError:  # an own scenario: the levers as they are now, inside the link
        carried = own.from_values(values.value, scenario_name.value)
        items["own"] = own.to_link(carried)
        base = carried.params()
    for name, value in values.value.items():
        if name != "schedule" and base.get(name) != value:
            items[name] = str(value).lower() if isinstance(value, bool) else value
    current = run.value
    items["seed"] = seed.value
    items["week"] = current.model.week if current is not None else 0
    items["lang"] = i18n.current()
    return urlencode(items)


def apply_query(search: str) -> None:
    """Rebuild the view a link names (``query``); a bad part gets the usual message."""
    from urllib.parse import parse_qsl

    from . import own

    pairs = dict(parse_qsl(search.lstrip("?")))
    name = pairs.pop("scenario", scenario_name.value)
    carried = pairs.pop("own", None)
    week_text = pairs.pop("week", "0")
    seed_given = pairs.pop("seed", None)
    pairs.pop("lang", None)
    try:
        if carried is not None:
            scenario = own.from_link(carried)
        elif name in library_names():  # a name from the library, never a server path
            scenario = load_scenario(name)
        else:
            raise ScenarioError(f"no scenario named {name!r}")
        params = scenario.params()
    except ScenarioError as exc:
        select_scenario(DEFAULT_SCENARIO)  # first: building the baseline clears the error
        if carried is None:
            shown = name if len(name) <= 80 else name[:80] + "..."
            _reject(t("link_bad_scenario", name=shown))
        else:
            _reject(t("link_bad_own_view", message=scenario_message(exc)))
        return
    for key, text in pairs.items():
        if key not in PARAMS:
            continue
        try:
            params[key] = check_lever(PARAMS[key], text)
        except InputError as exc:
            _reject(str(exc))
            return
    scenario_name.set(scenario.name)
    values.set(params)
    if seed_given is not None:
        try:
            seed.set(int(parse_number(seed_given, t("seed"), 0, MAX_SEED, is_int=True)))
            seed_text.set(str(seed.value))
        except InputError as exc:
            _reject(str(exc))
            return
    reset()
    try:
        target = int(parse_number(week_text, "week", 0, MAX_WEEKS, is_int=True))
    except InputError as exc:
        _reject(str(exc))
        return
    if target and run.value is not None:
        advance(run.value, target)


def select_scenario(name: str) -> None:
    """Load a scenario from the library: its levers replace the current ones."""
    playing.set(False)
    try:
        scenario = load_scenario(name)
        params = scenario.params()
    except Exception as exc:  # a library scenario that does not load is a bug
        _fault(exc)
        return
    scenario_name.set(scenario.name)
    values.set(params)
    reset()


def take_values(params: dict[str, Any], name: str) -> None:
    """Take a complete set of checked parameter values (an own scenario) and rebuild."""
    playing.set(False)
    scenario_name.set(name)
    values.set(dict(params))
    reset()


def set_lever(name: str, value: Any) -> None:
    """Set one lever (checked against its declaration) and rebuild the model.

    A rejected value leaves every lever as it was, and says why in ``error``.
    Choosing another ``context`` also moves the context traits to that preset, as
    ``model.params.resolve`` does for a scenario.
    """
    param = PARAMS[name]
    try:
        checked = check_lever(param, value)
    except InputError as exc:
        _reject(str(exc))
        return
    new = dict(values.value)
    if name == "context" and checked != new.get("context"):
        new.update(CONTEXTS[checked])
    new[name] = checked
    message = _too_large(new, i18n.label(param))
    if message:
        _reject(message)
        return
    if new == values.value and run.value is not None:
        error.set("")
        return
    values.set(new)
    reset()


def set_seed_text(text: str) -> None:
    """Take a typed seed: a whole number from 0 rebuilds the model, else a message.

    A seed typed in a text field arrives as a string (mesa issue #3516); it is parsed
    here, never passed on as text.
    """
    try:
        value = int(parse_number(text, t("seed"), 0, MAX_SEED, is_int=True))
    except InputError as exc:
        _reject(str(exc))
        return
    seed_text.set(str(value))
    seed.set(value)
    reset()


def new_seed() -> None:
    """Draw a fresh seed (from the operating system, not a model stream) and rebuild."""
    set_seed_text(str(secrets.randbelow(100_000)))


def advance(current: Run, weeks: int) -> bool:
    """Step ``current`` up to ``weeks`` weeks (not past ``MAX_WEEKS``) and show it.

    Returns:
        Whether it can go on: False at the end, after an error, or when ``current``
        is no longer the session's model.

    """
    try:
        with current.lock:
            if run.value is not current:
                return False
            for _ in range(weeks):
                if current.model.week >= MAX_WEEKS:
                    break
                current.model.step()
    except Exception as exc:  # a bug in the model
        _fault(exc)
        playing.set(False)
        return False
    shown = publish(current)
    return shown and current.model.week < MAX_WEEKS


def step(weeks: int = 1) -> bool:
    """Advance the session's model ``weeks`` weeks (a button)."""
    current = run.value
    if current is None:
        return False
    return advance(current, weeks)
