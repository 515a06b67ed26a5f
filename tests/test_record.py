"""The weekly record: the same data as Mesa's own DataCollector, from one array."""

from __future__ import annotations

import pandas as pd
import pytest
from mesa import DataCollector

from samenspel.model import Neighbourhood
from samenspel.model.outputs import GAUGES
from samenspel.model.record import WeeklyRecord


def test_record_matches_mesa_datacollector():
    """Collected alongside Mesa's DataCollector, the frames and lists are equal."""
    model = Neighbourhood(rng=3, weeks=5)
    mesa_dc = DataCollector(model_reporters={g: (lambda m, g=g: m.gauges[g]) for g in GAUGES})
    small = WeeklyRecord(GAUGES, rows=2)  # grows past its first allocation
    for _ in range(7):
        mesa_dc.collect(model)
        small.collect(model)
        model.step()
    pd.testing.assert_frame_equal(
        small.get_model_vars_dataframe(), mesa_dc.get_model_vars_dataframe()
    )
    assert list(small.model_vars) == list(mesa_dc.model_vars)
    pd.testing.assert_frame_equal(pd.DataFrame(small.model_vars), pd.DataFrame(mesa_dc.model_vars))
    assert isinstance(model.datacollector, DataCollector)
    assert len(model.weekly()) == 8  # week 0 and seven weeks
    assert small.values().shape == (7, len(GAUGES))


def test_record_is_written_by_collect_only():
    """Setting the lists from outside is refused (they are built from the array)."""
    record = WeeklyRecord(GAUGES)
    with pytest.raises(AttributeError):
        record.model_vars = {GAUGES[0]: [1.0]}
