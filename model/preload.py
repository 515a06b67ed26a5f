"""Load the model and its compiled kernels once, for processes that fork workers.

A process pool's fork server imports this module before it forks any worker
(``samenspel.pool.PRELOAD``): a tiny world runs three weeks with the event log on, so
every kernel of a week is loaded from numba's cache (or compiled, the first time on a
machine) in the server, and each worker starts with them instead of loading them
again (about 0.3 s per worker). Nothing of the tiny run is kept.
"""

from __future__ import annotations

from .kernel_cache import mark_cached
from .neighbourhood import Neighbourhood


def load_kernels() -> None:
    """Run a tiny world through every phase of a week, so that each kernel is loaded."""
    world = Neighbourhood(
        0, weeks=3, events=True, n_households=40, problem_rate=0.2, wijktafels_per_year=52
    )
    world.run_model()
    world.summary()
    mark_cached()


load_kernels()
