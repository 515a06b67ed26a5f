"""The compiled kernels' shared pieces (``model.jit``): exact means, a cache that loads."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from samenspel.model.jit import mean


def _same(x: float, y: float) -> bool:
    return (x == y and np.signbit(x) == np.signbit(y)) or (x != x and y != y)


@pytest.mark.parametrize("n", [*range(0, 140), 255, 256, 257, 1000, 4099, 100_003])
def test_mean_is_numpys_mean_to_the_bit(n):
    rng = np.random.default_rng(n)
    x = rng.random(n) * 10.0 ** rng.uniform(-6, 6, n) * rng.choice([-1.0, 1.0], n)
    expected = float(x.mean()) if n else float("nan")
    assert _same(mean(x), expected)
    assert _same(mean(-x[::-1].copy()), float((-x[::-1]).mean()) if n else float("nan"))


def test_mean_of_negative_zero_and_empty():
    assert _same(mean(np.array([-0.0])), float(np.array([-0.0]).mean()))
    assert np.isnan(mean(np.zeros(0)))


def test_kernels_load_from_the_cache_in_a_new_process(tmp_path):
    """Compiled in one process, loaded in the next (a recursive kernel would crash here)."""
    code = (
        "import numpy as np; from samenspel.model.jit import mean; "
        "x = np.arange(1000.0) / 7; assert mean(x) == x.mean(); print('ok')"
    )
    env = {**os.environ, "SAMENSPEL_CACHE": str(tmp_path)}
    for _ in ("compile", "load"):
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_an_empty_cache_is_not_taken_for_a_compiled_one(tmp_path):
    """Declaring kernels makes folders in the cache; only a full preload marks it compiled."""
    code = (
        "from samenspel.model import jit, kernel_cache as kc; print(kc.cached()); "
        "kc.mark_cached(); print(kc.cached())"
    )
    env = {**os.environ, "SAMENSPEL_CACHE": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "True"]
