"""Shared fixtures."""

from __future__ import annotations

import pytest

import samenspel.model.preload  # noqa: F401  (compiles or loads the kernels once, first)
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.runner import simulate


@pytest.fixture(scope="session")
def default_run() -> Neighbourhood:
    """One full default run (260 weeks, seed 0), shared by the tests that need it."""
    return simulate(seed=0)
