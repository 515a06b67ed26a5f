"""CSV tables: ``write_table`` writes the bytes pandas' ``to_csv`` writes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from samenspel.files import csv_cells, write_table


def _floats(n: int) -> np.ndarray:
    rng = np.random.default_rng(0)
    x = rng.standard_normal(n) * 10.0 ** rng.integers(-25, 25, n)
    x[::17] = np.nan
    x[:10] = [np.inf, -np.inf, -0.0, 0.0, 1e16, 1e-4, 9.999999999999999e15, 5e-324, 0.1, 1.0]
    return x


def _frames() -> dict[str, pd.DataFrame]:
    n = 5000
    rng = np.random.default_rng(1)
    x = _floats(n)
    return {
        "plain": pd.DataFrame(
            {
                "scenario": pd.Categorical(rng.choice(["city-baseline", "x y"], n)),
                "seed": np.arange(n),
                "flag": rng.random(n) < 0.5,
                "value": x,
                "name": rng.choice(["p", "q-r"], n).astype(object),
            }
        ),
        "comma in a text": pd.DataFrame({"a": x, "b": rng.choice(["x,y", "z"], n).astype(object)}),
        "missing category": pd.DataFrame({"a": x, "b": pd.Categorical(rng.choice(["x", None], n))}),
        "one column": pd.DataFrame({"a": x}),
        "no rows": pd.DataFrame({"a": [], "b": []}),
        "quoted name": pd.DataFrame({"a,b": x, "c": x}),
        "float32": pd.DataFrame({"a": x.astype(np.float32), "b": x}),
    }


@pytest.mark.parametrize("name", list(_frames()))
def test_csv_bytes_are_pandas_bytes(name, tmp_path):
    """The fast writer or the fallback: byte for byte what ``to_csv`` writes."""
    df = _frames()[name]
    write_table(df, tmp_path / "ours.csv")
    df.to_csv(tmp_path / "pandas.csv", index=False)
    assert (tmp_path / "ours.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_plain_frames_take_the_fast_writer():
    """Plain columns are written by ``csv_cells``; others are left to pandas."""
    frames = _frames()
    assert csv_cells(frames["plain"]) is not None
    assert csv_cells(frames["comma in a text"]) is None
    assert csv_cells(frames["float32"]) is None
    assert csv_cells(frames["one column"]) is None
