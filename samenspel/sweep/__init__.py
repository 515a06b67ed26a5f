"""Parameter sweeps: run a spec's design on a local process pool or a Dask cluster.

One concern per module:

- ``samenspel.sweepspec``: the spec file (validation, design, seeds);
- ``samenspel.sweep.execute``: running the design (``sweep``), batching, Dask;
- ``samenspel.sweep.storage``: the results folder (part files, manifest, lock);
- ``samenspel.cli.sweep``: the ``samenspel sweep`` command (estimate, messages);
- ``samenspel.analyse``: indices, tables and figures of a finished sweep.

``samenspel sweep SPEC --workers N --out DIR [--scheduler tcp://HOST:PORT]``
"""

from .execute import SweepResult, code_hash, connect, run_batch, sweep
from .storage import finished_runs, read_manifest

__all__ = [
    "SweepResult",
    "code_hash",
    "connect",
    "finished_runs",
    "read_manifest",
    "run_batch",
    "sweep",
]
