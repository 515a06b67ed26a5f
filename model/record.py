"""The weekly record: Mesa's DataCollector for the gauges, kept in one array.

Mesa's ``DataCollector`` calls a reporter per gauge every week and deep-copies each
value into a list of its own (about 50 calls and copies a week, a tenth of a default
run). The gauges are plain floats computed together, as one row
(``model.outputs.measure_row``), so ``WeeklyRecord`` writes the week's row into a
preallocated float array instead (``add_row``) and builds the lists or the DataFrame
only when asked. It is still a ``DataCollector``
(``model.datacollector``): ``get_model_vars_dataframe()`` gives the same DataFrame
(one float column per gauge, in the gauges' order, one row per collection) and
``model_vars`` the same lists, built from the array.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from mesa import DataCollector


def _reporter(name: str):
    return lambda model: model.gauges[name]


class WeeklyRecord(DataCollector):
    """The weekly gauges of a model, one row per ``collect``.

    Args:
        names: The gauges, in column order; ``collect`` reads ``model.gauges[name]``.
        rows: Rows to allocate at the start (more are added as needed).

    """

    def __init__(self, names: Sequence[str], rows: int = 64) -> None:
        """Allocate the record; the reporters are kept for Mesa's introspection."""
        self._names = tuple(names)
        self._rows = np.empty((max(int(rows), 1), len(self._names)))
        self._n = 0
        super().__init__(model_reporters={name: _reporter(name) for name in self._names})

    @property
    def model_vars(self) -> dict[str, list[float]]:
        """The recorded values per gauge, as lists (built from the array on each call)."""
        data = self._rows[: self._n]
        return {name: data[:, k].tolist() for k, name in enumerate(self._names)}

    @model_vars.setter
    def model_vars(self, value: Mapping[str, Any]) -> None:
        """Mesa's ``__init__`` sets an empty dict; nothing else may be set."""
        if any(len(v) for v in value.values()):
            raise AttributeError("the weekly record is written by collect() only")

    def collect(self, model: Any) -> None:
        """Record the week's gauges (``model.gauges``) as the next row."""
        gauges = model.gauges
        self.add_row([gauges[name] for name in self._names], model.time)

    def add_row(self, row: Sequence[float] | np.ndarray, time: float) -> None:
        """Record ``row`` (one value per gauge, in column order), collected at model ``time``."""
        if self._n == len(self._rows):
            grown = np.empty((2 * len(self._rows), len(self._names)))
            grown[: self._n] = self._rows
            self._rows = grown
        self._rows[self._n] = row
        self._n += 1
        if hasattr(self, "_collection_steps"):  # Mesa >= 3.4
            self._collection_steps.append(time)

    def values(self) -> np.ndarray:
        """The recorded rows as a read-only array (rows: collections; columns: gauges)."""
        out = self._rows[: self._n]
        out.flags.writeable = False
        return out

    def get_model_vars_dataframe(self) -> pd.DataFrame:
        """The recorded gauges as a DataFrame, one float column per gauge."""
        data = self._rows[: self._n]
        return pd.DataFrame({name: data[:, k].copy() for k, name in enumerate(self._names)})
