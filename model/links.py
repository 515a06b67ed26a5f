"""Link strength: whether two actors work *directly* together.

The three o's plus identity weaken a link (docs/ODD.md, "Link strength"). For a
professional i and an informal actor j:

    L_ij = F_ij (1 - D_ij) (1 - 0.5 U_ij) R_ij A_i S_ij

- F_ij familiarity (onbekendheid),
- D_ij disagreement of the two logics (onenigheid),
- U_ij mean goal uncertainty of the pair (onbestemdheid); unclear goals weaken but do
  not forbid contact, hence the weight 0.5 (UNCERTAINTY_WEIGHT),
- R_ij = sqrt(regard_i regard_j), mutual regard for the other side (us-them),
- A_i the professional's availability: clip(1.5 - load/capacity, 0, 1) times
  (0.6 + 0.4 community orientation) (caseload leaves no time for contact; hybrid
  workers make more),
- S_ij cultural fit: 0.5 + 0.5 cultural sensitivity of i when j is a migrant
  organisation or volunteer, else 1.

L is used as the probability that an opportunity for direct contact (a shared case,
a referral) is taken. Because the factors multiply, a link is strong only when all
o's are addressed at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .identity import wanted_role
from .ties import disagreement

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

UNCERTAINTY_WEIGHT = 0.5
ALL = slice(None)


def free_time(actors: dict, idx: np.ndarray | slice = ALL) -> np.ndarray:
    """Share of capacity still free, for actors ``idx`` (0 at or over capacity)."""
    cap = np.maximum(actors["capacity"][idx], 1e-9)
    return np.clip(1.0 - actors["load"][idx] / cap, 0.0, 1.0)


def availability(actors: dict, idx: np.ndarray | slice = ALL) -> np.ndarray:
    """Time for contact beyond casework, for actors ``idx`` (professionals only)."""
    cap = np.maximum(actors["capacity"][idx], 1e-9)
    a = (np.clip(1.5 - actors["load"][idx] / cap, 0.0, 1.0)
         * (0.6 + 0.4 * actors["community"][idx]))
    return np.where(actors["side"][idx] == 0, a, 1.0)


def pair_strength(model: Neighbourhood, pros: np.ndarray, informal: np.ndarray) -> np.ndarray:
    """L for professionals ``pros`` and informal actors ``informal``, elementwise.

    The two index arrays broadcast: equal shapes give one value per pair, shapes
    ``(m, 1)`` and ``(1, n)`` give the full ``(m, n)`` table.
    """
    a = model.actors
    f = model.ties.get(pros, informal)
    d = disagreement(a, pros, informal)
    u = 0.5 * (a["uncertainty"][pros] + a["uncertainty"][informal])
    r = np.sqrt(a["regard"][pros] * a["regard"][informal])
    avail = availability(a, pros)
    fit = np.where(a["migrant"][informal], 0.5 + 0.5 * a["cultural_sensitivity"][pros], 1.0)
    return f * (1.0 - d) * (1.0 - UNCERTAINTY_WEIGHT * u) * r * avail * fit


def link_strength(model: Neighbourhood, pros: np.ndarray | int,
                  informal: np.ndarray | int) -> np.ndarray:
    """L for every professional in ``pros`` against every actor in ``informal``.

    Returns an array of shape ``(len(pros), len(informal))``.
    """
    pros = np.atleast_1d(pros)[:, None]
    informal = np.atleast_1d(informal)[None, :]
    return pair_strength(model, pros, informal)


def informal_limit(model: Neighbourhood, j: int) -> float:
    """Severity up to which informal actor ``j`` wants to carry a case itself.

    limit = 0.25 + 0.5 w_j + 0.15 (1 - k_j): a larger wanted role w_j and more
    experiential knowledge mean keeping a case longer ("informele partijen ... willen
    ook hun grenzen kunnen aangeven"; professionals fear it stays too long).
    """
    a = model.actors
    w = wanted_role(a["role_view"][j : j + 1], model.p)[0]
    return 0.25 + 0.5 * w + 0.15 * (1.0 - a["knowledge"][j])
