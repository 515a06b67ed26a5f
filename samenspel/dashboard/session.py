"""State of one browser session on the Explore page: scenario, levers, seed and model.

The variables are Solara reactive variables defined at module level. The Solara server
gives every browser session (every open page) its own copy of them, so several users
at once each have their own model and never see each other's clicks.

The functions are the actions of the page. They hold no model logic: a scenario is
loaded with ``samenspel.scenarios.load_scenario`` and its ``params()``, values are
checked with the parameter declarations (``Param.check``), and the model is
``samenspel.model.Neighbourhood(rng=seed, **params)``, exactly as ``samenspel run``
builds it. Any error is caught and put in ``error`` for the page to show.
"""

from __future__ import annotations

import secrets
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any

import solara

from ..model import Neighbourhood
from ..model.params import CONTEXTS, PARAMS
from ..scenarios import load_scenario
from .i18n import t
from .network import Layout, compute_layout

DEFAULT_SCENARIO = "city-baseline"
MAX_WEEKS = 520
"""A run on the page stops after ten years."""
MAX_HOUSEHOLDS = 50_000
"""Larger worlds are for ``samenspel run``: the page would stop feeling live."""


@dataclass
class Run:
    """A model on the page, with what belongs to it.

    Attributes:
        model: The Mesa model.
        layout: The network layout, computed once when the model was built.
        seed: The seed it was built with.
        params: The parameters it was built with.
        lock: Held while the model steps (play and the buttons never overlap).

    """

    model: Neighbourhood
    layout: Layout
    seed: int
    params: dict[str, Any]
    lock: threading.RLock = field(default_factory=threading.RLock)


scenario_name = solara.reactive(DEFAULT_SCENARIO)
values: solara.Reactive[dict[str, Any]] = solara.reactive({})
seed = solara.reactive(0)
seed_text = solara.reactive("0")
run: solara.Reactive[Run | None] = solara.reactive(None)
tick = solara.reactive(0)
playing = solara.reactive(False)
speed = solara.reactive(8)
error = solara.reactive("")


def build(params: dict[str, Any], seed_value: int) -> Run:
    """Build a model and its fixed network layout."""
    model = Neighbourhood(rng=seed_value, **params)
    a = model.actors
    layout = compute_layout(a.kind, a.side, a.affiliation)
    return Run(model=model, layout=layout, seed=seed_value, params=dict(params))


def _fail(exc: BaseException) -> None:
    traceback.print_exc()
    error.set(f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc))


def reset() -> None:
    """Rebuild the model from the current levers and seed (week 0)."""
    playing.set(False)
    households = int(values.value.get("n_households", 0)) * int(values.value.get("n_areas", 1))
    if households > MAX_HOUSEHOLDS:
        error.set(t("too_large", households=households, limit=MAX_HOUSEHOLDS))
        return
    try:
        new = build(values.value, seed.value)
    except Exception as exc:  # shown in the page
        _fail(exc)
        return
    error.set("")
    run.set(new)
    tick.set(tick.value + 1)


def ensure() -> None:
    """Build the first model of the session if there is none yet."""
    if run.value is None:
        if not values.value:
            select_scenario(scenario_name.value)
        else:
            reset()


def select_scenario(name: str) -> None:
    """Load a scenario from the library: its levers replace the current ones."""
    try:
        scenario = load_scenario(name)
        params = scenario.params()
    except Exception as exc:  # shown in the page
        _fail(exc)
        return
    scenario_name.set(scenario.name)
    values.set(params)
    reset()


def set_lever(name: str, value: Any) -> None:
    """Set one lever (checked against its declaration) and rebuild the model.

    Choosing another ``context`` also moves the context traits to that preset, as
    ``model.params.resolve`` does for a scenario.
    """
    try:
        checked = PARAMS[name].check(value, where=name)
    except Exception as exc:  # shown in the page
        _fail(exc)
        return
    new = dict(values.value)
    if name == "context" and checked != new.get("context"):
        new.update(CONTEXTS[checked])
    new[name] = checked
    if new == values.value and run.value is not None:
        return
    values.set(new)
    reset()


def set_seed_text(text: str) -> None:
    """Take a typed seed: a whole number rebuilds the model, anything else is an error.

    A seed typed in a text field arrives as a string (mesa issue #3516); it is parsed
    here, never passed on as text.
    """
    seed_text.set(text)
    try:
        value = int(str(text).strip())
    except ValueError:
        error.set(t("seed_bad", given=text))
        return
    seed.set(value)
    reset()


def new_seed() -> None:
    """Draw a fresh seed (from the operating system, not a model stream) and rebuild."""
    set_seed_text(str(secrets.randbelow(100_000)))


def step(weeks: int = 1) -> bool:
    """Advance the model ``weeks`` weeks (at most up to ``MAX_WEEKS``).

    Returns:
        Whether the model can go on (False at the end or after an error).

    """
    current = run.value
    if current is None:
        return False
    try:
        with current.lock:
            for _ in range(weeks):
                if current.model.week >= MAX_WEEKS:
                    break
                current.model.step()
    except Exception as exc:  # shown in the page
        _fail(exc)
        playing.set(False)
        return False
    tick.set(tick.value + 1)
    return current.model.week < MAX_WEEKS
