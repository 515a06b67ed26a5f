"""Identity: in-group identification and regard for the other side (us-them).

Submodel "Identity" of docs/ODD.md. The stocks of regard and identification move
only with experience (contact); felt threat overlays them while the pressure lasts.
There is no pull back to a starting value.

*Contact.* During the week, positive and negative cross-side contact is tallied per
actor (``actors.good`` / ``actors.bad``). Positive contact is the common kind
(Graf, Paolini & Rubin 2014), negative contact weighs more per event (Barlow et al.
2012; ``negativity_bias``). With g = ``regard_gain`` and b = min(bias g, 1):

    regard  <- 1 - (1 - regard) (1 - g)^good,   then  regard <- regard (1 - b)^bad
    ingroup <- ingroup (1 - g)^good,            then  ingroup <- 1 - (1 - ingroup) (1 - b)^bad

Good contact loosens the in-group boundary (recategorisation, Gaertner & Dovidio
2000), bad contact hardens it ("devaluerende beelden over en weer").

*Threat.* Identity threat is a state that follows the pressure on an actor's role
("de oproep tot ... hybridisering juist aanzet tot distinctiegedrag, omdat de eigen
rol en identiteit in het geding komt"; for informal actors also cases pushed onto
them, "vrees voor instrumentalisering"). With pressure
pi_i = min(1, push_i U_i + pushed_i) and t = ``threat_strength``:

    threat <- threat + threat_adaptation (t pi - threat)

Threat changes identification and regard *as felt now*, not the stocks built by
experience: felt ingroup = ingroup + threat (1 - ingroup), felt regard =
regard (1 - threat x felt ingroup). When the push stops or goals become clear, the
threat fades and with it the distinction. Coordinators feel no push; professionals
feel it times ``sociale_basis_push`` when the interplay sits at the sociale basis
(the wijkteam is not asked to hybridise).

*Us-them distance* d_i = felt ingroup_i (1 - felt regard_i) is what gates decisions
(``model.links``): a strongly identified actor with low regard for the other side
keeps its distance.
"""

from __future__ import annotations

import numpy as np

from .goals import free_share, uncertainty_levers, uncertainty_of
from .jit import kernel, pairwise_sum
from .state import ActorTable, Side, felt_ingroup_of, felt_regard_of


def us_them_distance(actors: ActorTable, params: dict) -> np.ndarray:
    """d_i = felt ingroup (1 - felt regard); zero when identity gating is off."""
    d = _distances(actors.ingroup, actors.regard, actors.threat)
    return d if params["mech_identity_gating"] else np.zeros_like(d)


@kernel
def _distances(ingroup, regard, threat):  # fmt: skip
    out = np.empty(len(ingroup))
    for k in range(len(ingroup)):
        out[k] = distance_of(ingroup[k], regard[k], threat[k])
    return out


@kernel
def distance_of(ingroup, regard, threat):  # fmt: skip
    """Us-them distance of one actor from its stocks and threat (``us_them_distance``)."""
    felt = felt_ingroup_of(ingroup, threat)
    return felt * (1.0 - felt_regard_of(regard, threat, felt))


def encounter(
    actors: ActorTable,
    params: dict,
    x: np.ndarray,
    y: np.ndarray,
    u_good: np.ndarray,
    u_bad: np.ndarray,
) -> None:
    """Ordinary cross-side encounters of pairs (x, y): good or bad for both, or neither.

    An encounter is positive with probability ``contact_positive`` and (independently)
    negative with probability ``contact_negative``; ``u_good`` and ``u_bad`` are the
    uniform draws, one per pair.
    """
    positive, negative = params["contact_positive"], params["contact_negative"]
    _encounters(x, y, u_good, u_bad, positive, negative, actors.good, actors.bad)


@kernel
def _encounters(x, y, u_good, u_bad, positive, negative, good, bad):  # fmt: skip
    for k in range(len(x)):
        encounter_pair(x[k], y[k], u_good[k], u_bad[k], positive, negative, good, bad)


@kernel
def encounter_pair(x, y, u_good, u_bad, positive, negative, good, bad):  # fmt: skip
    """``encounter`` of one pair (for compiled kernels)."""
    if u_good < positive:
        good[x] += 1
        good[y] += 1
    if u_bad < negative:
        bad[x] += 1
        bad[y] += 1


def apply_contacts(actors: ActorTable, params: dict) -> None:
    """Apply the week's tallied good and bad contacts, then clear the tallies."""
    _apply_contacts(actors.regard, actors.ingroup, actors.good, actors.bad,
                    *contact_factors(actors, params))  # fmt: skip


def contact_factors(actors: ActorTable, params: dict) -> tuple[np.ndarray, np.ndarray, bool]:
    """(1 - g)^good and (1 - b)^bad per actor (NumPy's ``power``), and whether they apply."""
    g = params["regard_gain"]
    b = min(params["negativity_bias"] * g, 1.0)
    return (1.0 - g) ** actors.good, (1.0 - b) ** actors.bad, bool(params["mech_contact_valence"])


@kernel
def _apply_contacts(regard, ingroup, good, bad, keep_good, keep_bad, on):  # fmt: skip
    """``apply_contacts`` with the powers handed in (NumPy's, to the bit)."""
    for k in range(len(regard)):
        if on:
            regard[k] = (1.0 - (1.0 - regard[k]) * keep_good[k]) * keep_bad[k]
            ingroup[k] = 1.0 - (1.0 - ingroup[k] * keep_good[k]) * keep_bad[k]
        good[k] = 0.0
        bad[k] = 0.0


def professional_push(params: dict) -> float:
    """Push for hybridisation on the wijkteam: less when the interplay sits at the sociale basis."""
    basis = params["interplay"] == "sociale_basis"
    return params["hybridisation_push"] * (params["sociale_basis_push"] if basis else 1.0)


def felt_push(actors: ActorTable, params: dict) -> np.ndarray:
    """Push for hybridisation felt by each actor."""
    push = np.full(len(actors), params["hybridisation_push"])
    push[actors.side == Side.BROKER] = 0.0
    push[actors.side == Side.FORMAL] = professional_push(params)
    return push


def update_threat(actors: ActorTable, params: dict) -> None:
    """Felt threat moves towards the current pressure; clears the week's pushes."""
    _update_threat(actors.side, actors.threat, actors.uncertainty, actors.pushed,
                   *threat_levers(params))  # fmt: skip


def threat_levers(params: dict) -> tuple[bool, float, float, float, float]:
    """What ``threat_after`` reads: on, strength, adaptation, push (professionals, informal)."""
    return (
        bool(params["mech_threat"]), float(params["threat_strength"]),
        float(params["threat_adaptation"]), float(professional_push(params)),
        float(params["hybridisation_push"]),
    )  # fmt: skip


@kernel
def _update_threat(side, threat, uncertainty, pushed, on, strength, adaptation,
                   push_formal, push_informal):  # fmt: skip
    for k in range(len(threat)):
        threat[k] = threat_after(side[k], threat[k], uncertainty[k], pushed[k], on, strength,
                                 adaptation, push_formal, push_informal)  # fmt: skip
        pushed[k] = 0.0


@kernel
def threat_after(side, threat, uncertainty, pushed, on, strength, adaptation,
                 push_formal, push_informal):  # fmt: skip
    """One actor's threat after a week (``update_threat``, compiled)."""
    target = 0.0
    if on:
        push = 0.0 if side == _BROKER else (push_formal if side == _FORMAL else push_informal)
        pressure = push * uncertainty + pushed
        target = strength * (1.0 if pressure > 1.0 else pressure)
    return threat + adaptation * (target - threat)


@kernel
def update_identity(side, good, bad, regard, ingroup, recognition, uncertainty, threat, pushed,
                    role_view, load, capacity, keep_good, keep_bad, contacts, levers):  # fmt: skip
    """The identity phase of a week (``Neighbourhood.update_identity``) in one pass.

    Tallies each side's good and bad contact into ``contacts``, applies them
    (``apply_contacts``), lets recognition fade, sets goal uncertainty from free time
    (``goals.goal_uncertainty``) and moves threat (``update_threat``). ``levers`` is
    (contact on, recognition decay, then ``goals.uncertainty_levers``, then
    ``threat_levers``).
    """
    (valence, decay, e, kappa, w, civic, on, strength, adaptation, push_formal,
     push_informal) = levers  # fmt: skip
    for s in (_FORMAL, _INFORMAL):  # contacts[side] = (good, bad), as NumPy sums them
        tallied = good[side == s]
        contacts[s, 0] += pairwise_sum(tallied, 0, len(tallied))
        tallied = bad[side == s]
        contacts[s, 1] += pairwise_sum(tallied, 0, len(tallied))
    _apply_contacts(regard, ingroup, good, bad, keep_good, keep_bad, valence)
    fade = 1.0 - decay
    for k in range(len(side)):
        recognition[k] *= fade
        free = free_share(load[k], capacity[k])
        uncertainty[k] = uncertainty_of(side[k], role_view[k], free, e, kappa, w, civic)
    _update_threat(side, threat, uncertainty, pushed, on, strength, adaptation, push_formal,
                   push_informal)  # fmt: skip


def identity_levers(params: dict) -> tuple:
    """The ``levers`` of ``update_identity`` from the parameters."""
    return (
        bool(params["mech_contact_valence"]), float(params["recognition_decay"]),
        *uncertainty_levers(params), *threat_levers(params),
    )  # fmt: skip


_FORMAL, _INFORMAL, _BROKER = int(Side.FORMAL), int(Side.INFORMAL), int(Side.BROKER)
