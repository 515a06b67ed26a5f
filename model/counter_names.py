"""The names of the case events a run counts (``outputs.COUNTERS``), in their order.

Plain names in a module that imports nothing, so that what reads them (the outcome
ranges of ``samenspel.outcomes``) need not load the model. The model counts them in
``Neighbourhood.counters``; the weekly table and the summary give each one.
"""

COUNTERS = (
    "late_escalations",
    "instrumentalisations",
    "referrals",
    "referrals_taken_seriously",
    "referrals_dismissed",
    "own_way",
    "silent_reached",
    "discontinuities",
    "warm_handovers",
    "clashes",
    "clashes_unspoken",
    "introductions",
    "joint_successes",
    "wijktafel_attendance",
    "wijktafel_attendance_formal",
    "wijktafel_attendance_migrant",
    "community_visits",
    "referrals_migrant",
    "reflection_participation",
)
"""Running counts of case events, as weekly gauges and in the summary."""
