"""Identity: in-group identification, regard for the other side, and goal uncertainty.

Submodels (docs/ODD.md, III.iv.12 "Goal uncertainty" and III.iv.13 "Identity"):

*Contact events.* During the week, good and bad contacts are tallied per actor
(``good`` / ``bad``). Applied once a week, with g = ``regard_gain`` and
b = ``negativity_bias`` (a bad contact weighs b times a good one; Tajfel & Turner's
out-group devaluation, and the finding that us-them images "gingen tijdens de
interviews veelvuldig over tafel"):

    regard  <- 1 - (1 - regard) (1 - g)^good
    regard  <- regard (1 - b g)^bad
    ingroup <- 1 - (1 - ingroup) (1 - g)^bad

*Goal uncertainty* of actor i under the municipality's model m, with expected
informal role E_m, explicitness x_m, clarity c and feasibility f_i:

    U_i = 1 - c x_m (1 - |E_m - r_i|) f_i

Professionals find a large community role infeasible without time
(f = 1 - E_m (1 - free time)); informal actors find it infeasible when civil
society is quiet (f = 1 - E_m (1 - civic activity)).

*Identity threat.* The push for hybridisation, felt through goal uncertainty,
triggers distinction ("de oproep tot ... hybridisering juist aanzet tot
distinctiegedrag"):

    ingroup <- ingroup + t p U (1 - ingroup)
    regard  <- regard (1 - t p U ingroup)

and both relax slowly (2 % of the gap a week, RELAXATION) towards the actor's starting disposition.
"""

from __future__ import annotations

import numpy as np

from ..agents.base import BROKER, FORMAL, INFORMAL

# Expected informal role E_m and explicitness x_m of each hybridisation model.
# accessibility: informal actors are navigators; accessibility_plus adds practical
# and emotional support (Oud-Noord); civil_society: formal supports informal care;
# no_governance: civil society hoped to emerge without steering (Purmerend), so
# roles are hardly scripted.
MODEL_ROLE = {"unclear": 0.5, "accessibility": 0.2, "accessibility_plus": 0.4,
              "civil_society": 0.75, "no_governance": 0.75}
MODEL_EXPLICITNESS = {"unclear": 0.0, "accessibility": 1.0, "accessibility_plus": 1.0,
                      "civil_society": 1.0, "no_governance": 0.35}
RELAXATION = 0.02


def effective_clarity(params: dict) -> float:
    """Clarity of the model as it reaches the work floor: c x_m."""
    return params["goal_clarity"] * MODEL_EXPLICITNESS[params["hybridisation_model"]]


def wanted_role(role_view: np.ndarray, params: dict) -> np.ndarray:
    """Role an actor acts on: own view, pulled towards the model's role by clarity."""
    c = effective_clarity(params)
    return (1.0 - c) * role_view + c * MODEL_ROLE[params["hybridisation_model"]]


def goal_uncertainty(actors: dict, free_time: np.ndarray, params: dict) -> np.ndarray:
    """Goal uncertainty U_i of every actor (coordinators feel no feasibility gap)."""
    e = MODEL_ROLE[params["hybridisation_model"]]
    side = actors["side"]
    feas = np.ones(len(side))
    formal = side == FORMAL
    feas[formal] = 1.0 - e * (1.0 - free_time[formal])
    feas[side == INFORMAL] = 1.0 - e * (1.0 - params["civic_activity"])
    fit = 1.0 - np.abs(e - actors["role_view"])
    return 1.0 - effective_clarity(params) * fit * feas


def apply_contacts(actors: dict, good: np.ndarray, bad: np.ndarray, params: dict) -> None:
    """Apply the week's tallied good and bad contacts to regard and identification."""
    g = params["regard_gain"]
    b = min(params["negativity_bias"] * g, 1.0)
    actors["regard"] = 1.0 - (1.0 - actors["regard"]) * (1.0 - g) ** good
    actors["regard"] *= (1.0 - b) ** bad
    actors["ingroup"] = 1.0 - (1.0 - actors["ingroup"]) * (1.0 - g) ** bad


def apply_threat(actors: dict, params: dict) -> None:
    """Push times uncertainty raises in-group identification and lowers regard."""
    push = np.full(len(actors["side"]), params["hybridisation_push"])
    push[actors["side"] == BROKER] = 0.0
    if params["interplay"] == "sociale_basis":
        push[actors["side"] == FORMAL] *= 0.5  # the wijkteam is not asked to hybridise
    pressure = params["threat_rate"] * push * actors["uncertainty"]
    ingroup, regard = actors["ingroup"], actors["regard"]
    actors["regard"] = regard * (1.0 - pressure * ingroup)
    actors["ingroup"] = ingroup + pressure * (1.0 - ingroup)
    actors["regard"] += RELAXATION * (actors["regard0"] - actors["regard"])
    actors["ingroup"] += RELAXATION * (actors["ingroup0"] - actors["ingroup"])
