"""Outputs of single-area runs match the golden file (optimisations change no result).

The golden file was made before the tie state became block-diagonal and sparse in
its updates (issue 6); the optimised model must reproduce it exactly. A deliberate
change of a mechanism or default regenerates it (tests/data/make_golden.py).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from samenspel import simulate

GOLDEN = json.loads((Path(__file__).parent / "data" / "golden_single_area.json").read_text())


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-12, abs=1e-15)
    return a == b


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_single_area_outputs_match_the_golden_file(name):
    case = GOLDEN[name]
    kwargs = dict(case["params"])
    model = simulate(weeks=260, **kwargs)
    summary = model.summary()
    tail = model.weekly().iloc[-1].to_dict()
    diffs = [
        f"summary.{k}: {summary[k]!r} != {v!r}"
        for k, v in case["summary"].items()
        if not _same(summary[k], v)
    ]
    diffs += [
        f"weekly.{k}: {tail[k]!r} != {v!r}"
        for k, v in case["weekly_tail"].items()
        if not _same(float(tail[k]), float(v))
    ]
    assert not diffs, "\n".join(diffs)
