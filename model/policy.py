"""Policy over time: levers that change at given weeks.

A scenario may hold a schedule, for example a three-year pilot of wijktafels and
case reflection that then stops, so that users can ask whether co-production
persists once a package is withdrawn. Each change names a week and new values for
some policy levers (the parameters of the lever groups); it takes effect at the
start of that week, before anything else happens.

Two levers are fixed for the whole run because they shape who exists and where the
interplay sits: ``hybrid_worker_share`` (who is a hybrid worker is drawn at the
start) and ``interplay``. Levers that shape derived state are re-applied at once:
capacities (``caseload_capacity``, ``coordinator_capacity``, ``volunteer_hours``) and
cultural-sensitivity training (professionals' sensitivity, migrants' trust).
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .params import PARAMS, ParameterError, suggest

FIXED_FOR_RUN = ("hybrid_worker_share", "interplay")
MAX_WEEK = 100_000


@dataclass(frozen=True)
class PolicyChange:
    """New lever values from a given week on.

    Attributes:
        week: First week (1 or later) in which the new values hold.
        levers: Lever names and their new, validated values.

    """

    week: int
    levers: dict[str, Any]


def changeable() -> list[str]:
    """Names of the levers a schedule may change."""
    return [n for n, p in PARAMS.items() if p.is_lever and n not in FIXED_FOR_RUN]


def check_schedule(schedule: Iterable[Any] | None, where: str = "") -> tuple[PolicyChange, ...]:
    """Validate a schedule: a list of ``{week = N, <lever> = value, ...}`` tables.

    ``PolicyChange`` objects are accepted as they are (their values re-checked).

    Raises:
        ParameterError: One line naming the entry, the key, what is allowed and what
            was given.

    """
    prefix = f"{where}: " if where else ""
    if schedule is None:
        return ()
    if isinstance(schedule, Mapping | str) or not isinstance(schedule, Iterable):
        raise ParameterError(
            f"{prefix}'schedule' must be a list of tables with a 'week' "
            f"and the levers that change, got {schedule!r}"
        )
    out = []
    allowed = changeable()
    for k, entry in enumerate(schedule, start=1):
        at = f"{prefix}schedule entry {k}"
        if isinstance(entry, PolicyChange):
            entry = {"week": entry.week, **entry.levers}
        if not isinstance(entry, Mapping):
            raise ParameterError(f"{at} must be a table with 'week' and levers, got {entry!r}")
        week = entry.get("week")
        if (
            not isinstance(week, numbers.Integral)
            or isinstance(week, bool)
            or not 1 <= int(week) <= MAX_WEEK
        ):
            raise ParameterError(
                f"{at}: 'week' must be an integer from 1 to {MAX_WEEK}, got {week!r}"
            )
        levers = {}
        for name, value in entry.items():
            if name == "week":
                continue
            if name in FIXED_FOR_RUN:
                raise ParameterError(
                    f"{at}: lever {name!r} is fixed for the whole run and "
                    f"cannot change at week {week} (given {value!r})"
                )
            if name not in allowed:
                raise ParameterError(
                    f"{at}: {name!r} is not a lever that can change during "
                    f"a run (given {value!r}); {suggest(name, allowed)}"
                    "'samenspel params' lists the levers"
                )
            levers[name] = PARAMS[name].check(value, at)
        if not levers:
            raise ParameterError(f"{at}: no lever given for week {week}")
        out.append(PolicyChange(int(week), levers))
    weeks = [c.week for c in out]
    if len(set(weeks)) != len(weeks):
        raise ParameterError(
            f"{prefix}schedule names week {_first_repeat(weeks)} twice; "
            "put all changes of one week in one entry"
        )
    return tuple(sorted(out, key=lambda c: c.week))


def _first_repeat(weeks: list[int]) -> int:
    seen: set[int] = set()
    for w in weeks:
        if w in seen:
            return w
        seen.add(w)
    return weeks[0]


def as_toml_rows(schedule: Iterable[PolicyChange]) -> list[str]:
    """One readable line per change: ``week 156: wijktafels_per_year = 0, ...``."""
    return [
        f"week {c.week}: " + ", ".join(f"{k} = {v}" for k, v in c.levers.items()) for c in schedule
    ]
