"""Onbestemdheid: the municipality's hybridisation model, roles and goal uncertainty.

Submodel "Goal uncertainty" of docs/ODD.md. Each model m sets an expected informal
role E_m and an explicitness x_m; the clarity that reaches the work floor is
kappa = x_m c, with c = ``goal_clarity``:

- ``accessibility`` (informal actors are navigators, "toeleiders"), E = role_accessibility;
- ``accessibility_plus`` (plus practical and emotional support, Oud-Noord);
- ``civil_society`` (formal supports informal mutual care);
- ``no_governance``: civil society hoped to emerge without steering (Purmerend), the
  civil-society role but hardly scripted (x = explicitness_no_governance);
- ``unclear``: no model is chosen, but the municipality implicitly hopes for a large
  community role (E = implicit_role, "Beleidsmakers hopen ..."), which clarity can
  only partly convey (x = explicitness_unclear).

The role an actor acts on moves from its own view r_i towards E_m by kappa. Goal
uncertainty mixes not knowing what is expected (1 - kappa) with the gap between the
expected role and the role the actor wants and can carry ("keuzes zeggen nog niet
alles over de uitvoerbaarheid"):

    U_i = w (1 - (1 - |E_m - r_i|) f_i) + (1 - w) (1 - kappa),   w = gap_weight

with feasibility f_i = 1 - E_m (1 - free time) for professionals (a large community
role needs time: "afgerekend worden op hun caseload") and 1 - E_m (1 - civic
activity) for informal actors (a quiet civil society cannot carry it).
Coordinators feel no uncertainty of their own (U = 0).
"""

from __future__ import annotations

import numpy as np

from .jit import kernel
from .state import ActorTable, Side

EXPLICIT_MODELS = ("accessibility", "accessibility_plus", "civil_society")


def expected_role(params: dict) -> float:
    """Informal role E_m that the municipality's model expects."""
    model = params["hybridisation_model"]
    return {
        "unclear": params["implicit_role"],
        "accessibility": params["role_accessibility"],
        "accessibility_plus": params["role_accessibility_plus"],
        "civil_society": params["role_civil_society"],
        "no_governance": params["role_civil_society"],
    }[model]


def explicitness(params: dict) -> float:
    """How far the model can be made explicit (x_m)."""
    model = params["hybridisation_model"]
    if model in EXPLICIT_MODELS:
        return 1.0
    return params["explicitness_unclear" if model == "unclear" else "explicitness_no_governance"]


def effective_clarity(params: dict) -> float:
    """Clarity of the model as it reaches the work floor: kappa = x_m c (0 if off)."""
    if not params["mech_goal_clarity"]:
        return 0.0
    return params["goal_clarity"] * explicitness(params)


def wanted_role(role_view: np.ndarray, params: dict) -> np.ndarray:
    """Role an actor acts on: own view, pulled towards the model's role by clarity."""
    return wanted_of(role_view, effective_clarity(params), expected_role(params))


@kernel
def wanted_of(role_view, clarity, expected):  # fmt: skip
    """(1 - kappa) r_i + kappa E_m (``wanted_role``; numbers or arrays)."""
    return (1.0 - clarity) * role_view + clarity * expected


def goal_uncertainty(actors: ActorTable, free_time: np.ndarray, params: dict) -> np.ndarray:
    """Goal uncertainty U_i of every actor (see module docstring)."""
    return _uncertainties(actors.side, actors.role_view, free_time, *uncertainty_levers(params))


def uncertainty_levers(params: dict) -> tuple[float, float, float, float]:
    """What ``uncertainty_of`` reads from the levers: E_m, kappa, w, civic activity."""
    e, kappa = expected_role(params), effective_clarity(params)
    return float(e), float(kappa), float(params["gap_weight"]), float(params["civic_activity"])


@kernel
def _uncertainties(side, role_view, free, e, kappa, w, civic):  # fmt: skip
    out = np.empty(len(side))
    for k in range(len(side)):
        out[k] = uncertainty_of(side[k], role_view[k], free[k], e, kappa, w, civic)
    return out


@kernel
def uncertainty_of(side, role_view, free, e, kappa, w, civic):  # fmt: skip
    """U_i of one actor (``goal_uncertainty``, compiled): its side, role view, free time."""
    if side == _BROKER:
        return 0.0
    if side == _FORMAL:
        feasible = 1.0 - e * (1.0 - free)
    elif side == _INFORMAL:
        feasible = 1.0 - e * (1.0 - civic)
    else:
        feasible = 1.0
    gap = 1.0 - (1.0 - abs(e - role_view)) * feasible
    return w * gap + (1.0 - w) * (1.0 - kappa)


@kernel
def free_share(load, capacity):  # fmt: skip
    """Share of an actor's capacity still free: clip(1 - load / capacity, 0, 1)."""
    share = 1.0 - load / max(capacity, 1e-9)
    return 0.0 if share < 0.0 else (1.0 if share > 1.0 else share)


_FORMAL, _INFORMAL, _BROKER = int(Side.FORMAL), int(Side.INFORMAL), int(Side.BROKER)
