"""The five kinds of actors in samenspel, one class per kind.

Agents are Mesa agents whose state lives in the model's column arrays (one row per
actor or household), so that the weekly mechanisms run in bulk. Each class declares
how its kind is initialised and exposes its state as readable properties.
"""

from .base import BROKER, FORMAL, INFORMAL, Actor
from .coordinator import Coordinator
from .household import Household
from .professional import Professional
from .residents_organisation import ResidentsOrganisation
from .volunteer import Volunteer

ACTOR_CLASSES = (Professional, Volunteer, Coordinator, ResidentsOrganisation)

__all__ = [
    "ACTOR_CLASSES",
    "BROKER",
    "FORMAL",
    "INFORMAL",
    "Actor",
    "Coordinator",
    "Household",
    "Professional",
    "ResidentsOrganisation",
    "Volunteer",
]
