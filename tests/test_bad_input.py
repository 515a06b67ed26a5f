"""Every bad input the package issue lists: one line, exit 2, never a traceback.

From the command line each case gives exactly one line on standard error, ``samenspel:
error: ...``, naming what is wrong, and exit code 2; from Python a ``ParameterError``
naming the parameter. Sizes above the ceilings are refused before anything runs.
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from samenspel import ParameterError, run, simulate
from samenspel.cli import main
from samenspel.files import read_parquet
from samenspel.sweep import storage

TINY = """
design = "grid"
replicates = 2
weeks = 4
seed = 3
outcomes = ["familiarity"]
[fixed]
n_households = 60
[factors.wijktafels_per_year]
values = [0, 12]
"""


def one_line(capsys, code: int) -> str:
    """The single error line; asserts exit 2, one line and no traceback."""
    captured = capsys.readouterr()
    assert code == 2, captured
    assert "Traceback" not in captured.err + captured.out
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("samenspel: error: "), captured.err
    return lines[0]


@pytest.fixture(scope="module")
def finished(tmp_path_factory) -> Path:
    """A finished tiny sweep (4 runs)."""
    folder = tmp_path_factory.mktemp("sweep")
    spec = folder / "tiny.toml"
    spec.write_text(TINY)
    assert (
        main(["sweep", str(spec), "--out", str(folder / "out"), "--workers", "1", "--quiet"]) == 0
    )
    return folder / "out"


# --- from Python -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"seed": -1}, "seed"),
        ({"seed": 1.5}, "seed"),
        ({"seed": "abc"}, "seed"),
        ({"seed": True}, "seed"),
        ({"seed": 2**70}, "seed"),
        ({"seed": None}, "seed"),
        ({"weeks": 2.5}, "weeks"),
        ({"weeks": "10"}, "weeks"),
        ({"weeks": None}, "weeks"),
        ({"weeks": 0}, "weeks"),
        ({"weeks": -1}, "weeks"),
        ({"weeks": True}, "weeks"),
        ({"goal_clarity": True}, "goal_clarity"),
        ({"n_households": 10.5}, "n_households"),
    ],
)
def test_run_names_the_bad_parameter(kwargs, name):
    with pytest.raises(ParameterError, match=f"'{name}'") as exc:
        run(**kwargs)
    assert isinstance(exc.value, ValueError) and "\n" not in str(exc.value)


def test_numpy_integers_are_seeds_and_weeks():
    a = simulate(seed=np.int64(4), weeks=np.int32(2), n_households=20).summary()
    b = simulate(seed=4, weeks=2, n_households=20).summary()
    assert repr(a) == repr(b)  # NaN-aware: equal, nan where nan


# --- seeds and ceilings on the command line ---------------------------------------------------
@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["run", "--seed", "-1"], "--seed must be from 0"),
        (["run", "--seed", str(2**70)], "--seed must be from 0"),
        (["run", "--weeks", "1000000000"], "--weeks = 1,000,000,000 is above the ceiling"),
        (
            ["compare", "city-baseline", "wijktafels", "--seed", "-1", "--out", "{tmp}/o"],
            "--seed must be from 0",
        ),
        (
            [
                "compare",
                "city-baseline",
                "wijktafels",
                "--seed",
                str(2**63 - 2),
                "--replicates",
                "3",
                "--out",
                "{tmp}/o",
            ],
            "--seed must be from 0",
        ),  # the last seed is too large
        (
            [
                "compare",
                "city-baseline",
                "wijktafels",
                "--replicates",
                "1000000000",
                "--out",
                "{tmp}/o",
            ],
            "--replicates = 1,000,000,000 is above the ceiling",
        ),
        (["validate", "--replicates", "100000", "--out", "{tmp}/o"], "--allow-large"),
        (["dashboard", "--port", "99999"], "--port must be from 0 to 65535"),
    ],
)
def test_cli_refuses_before_running(capsys, tmp_path, argv, needle):
    t0 = time.process_time()
    line = one_line(capsys, main([a.replace("{tmp}", str(tmp_path)) for a in argv]))
    assert needle in line
    assert time.process_time() - t0 < 5  # refused up front, not after runs
    assert not (tmp_path / "o").exists()
    if "ceiling" in needle:
        assert "--allow-large" in line


def test_ceilings_name_the_way_past_them(capsys, tmp_path):
    path = tmp_path / "short.toml"
    assert main(["run", "--weeks", "6000", "--set", "n_households=10"]) == 2
    assert "--allow-large" in capsys.readouterr().err
    assert (
        main(
            [
                "run",
                "--weeks",
                "6000",
                "--allow-large",
                "--set",
                "n_households=10",
                "--out",
                str(path.with_suffix(".csv")),
            ]
        )
        == 0
    )
    assert path.with_suffix(".csv").exists()


SPEC_SIZES = {
    "replicates": TINY.replace("replicates = 2", "replicates = 1000000000"),
    "weeks": TINY.replace("weeks = 4", "weeks = 1000000000"),
    "morris samples": TINY.replace(
        'design = "grid"', 'design = "morris"\nsamples = 100000000'
    ).replace("values = [0, 12]", "range = [0, 12]"),
    "grid steps": TINY.replace("values = [0, 12]", "range = [0.0, 1.0]\nsteps = 1000000").replace(
        "wijktafels_per_year", "goal_clarity"
    ),
    "latin samples": TINY.replace(
        'design = "grid"', 'design = "latin"\nsamples = 1000000000'
    ).replace("values = [0, 12]", "range = [0, 12]"),
    "sobol samples": TINY.replace(
        'design = "grid"', 'design = "sobol"\nsamples = 1073741824'
    ).replace("values = [0, 12]", "range = [0, 12]"),
    "sobol total runs": TINY.replace('design = "grid"', 'design = "sobol"\nsamples = 65536')
    .replace("replicates = 2", "replicates = 100")
    .replace("values = [0, 12]", "range = [0, 12]"),
}


@pytest.mark.parametrize("text", SPEC_SIZES.values(), ids=SPEC_SIZES.keys())
def test_sweep_sizes_are_checked_before_anything_runs(capsys, tmp_path, text):
    spec = tmp_path / "huge.toml"
    spec.write_text(text)
    t0 = time.process_time()
    line = one_line(capsys, main(["sweep", str(spec), "--out", str(tmp_path / "o")]))
    assert "ceiling" in line and "--allow-large" in line and str(spec) in line
    assert time.process_time() - t0 < 5 and not (tmp_path / "o").exists()


def test_sweep_estimate_and_confirmation(capsys, tmp_path, monkeypatch):
    spec = tmp_path / "tiny.toml"
    spec.write_text(TINY)
    assert main(["sweep", str(spec), "--dry-run", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    assert "4 runs, about" in out and "on 2 workers" in out
    from samenspel import limits

    monkeypatch.setattr(limits, "CONFIRM_SECONDS", 0.0)
    line = one_line(capsys, main(["sweep", str(spec), "--out", str(tmp_path / "o")]))
    assert "4 runs, about" in line and "--yes" in line
    assert not (tmp_path / "o").exists()
    assert (
        main(
            ["sweep", str(spec), "--out", str(tmp_path / "o"), "--yes", "--quiet", "--workers", "1"]
        )
        == 0
    )


def test_estimate_in_words():
    from samenspel.limits import describe, estimate

    assert describe(30) == "about 30 s" and describe(240) == "about 4 min"
    assert describe(3 * 3600) == "about 3.0 h"
    seconds, text = estimate(1088, 2, 4, {"n_households": 30})
    assert text.startswith("1,088 runs, about") and text.endswith("on 2 workers")
    assert 0 < seconds < 3600


# --- files and folders ----------------------------------------------------------------------------
def test_unwritable_output_is_one_line(capsys, tmp_path):
    line = one_line(capsys, main(["run", "--weeks", "2", "--out", "/proc/x.csv"]))
    assert "cannot write in '/proc'" in line
    line = one_line(capsys, main(["sweep", str(_spec(tmp_path)), "--out", "/proc/sweep"]))
    assert "/proc" in line
    line = one_line(capsys, main(["compare", "city-baseline", "wijktafels", "--out", "/proc/cmp"]))
    assert "/proc" in line


def _spec(tmp_path: Path, text: str = TINY) -> Path:
    path = tmp_path / "tiny.toml"
    path.write_text(text)
    return path


def test_analyse_into_a_blocked_folder_is_one_line(capsys, tmp_path, finished):
    out = tmp_path / "copy"
    shutil.copytree(finished, out)
    (out / "analysis").write_text("a file where the folder should be")
    line = one_line(capsys, main(["analyse", str(out)]))
    assert "analysis" in line


@pytest.mark.parametrize("damage", ["truncate part", "garbage design", "flip part", "empty design"])
def test_damaged_results_are_named_with_the_fix(capsys, tmp_path, finished, damage):
    out = tmp_path / "copy"
    shutil.copytree(finished, out)
    part = sorted((out / "runs").glob("*.parquet"))[0]
    design = out / "design.parquet"
    if damage == "truncate part":
        part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
        target = part
    elif damage == "flip part":  # one byte inside a data page of the last column
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(part).metadata
        chunk = meta.row_group(0).column(meta.num_columns - 1)
        start = chunk.dictionary_page_offset if chunk.has_dictionary_page else None
        start = start if start is not None else chunk.data_page_offset
        raw = bytearray(part.read_bytes())
        raw[start + chunk.total_compressed_size - 2] ^= 0xFF
        part.write_bytes(bytes(raw))
        target = part
    elif damage == "garbage design":
        design.write_bytes(b"PAR1" + os.urandom(300) + b"PAR1")
        target = design
    else:
        design.write_bytes(b"")
        target = design
    line = one_line(capsys, main(["analyse", str(out)]))
    assert str(target) in line and "samenspel sweep" in line and "delete it" in line


def test_spec_that_is_not_utf8(capsys, tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(TINY.replace("seed = 3", "seed = 3\ndescription = 'café'").encode("latin-1"))
    line = one_line(capsys, main(["sweep", str(path), "--dry-run"]))
    assert str(path) in line and "UTF-8" in line
    scenario = tmp_path / "utf16.toml"
    scenario.write_text('name = "utf16"\ncontext = "city"\n', encoding="utf-16")
    line = one_line(capsys, main(["run", str(scenario)]))
    assert "utf16.toml" in line and "UTF-8" in line


def test_an_extends_chain_of_1500_files(capsys, tmp_path):
    texts = (
        'title_en = "T"\ntitle_nl = "T"\ndescription_en = "D"\ndescription_nl = "D"\nsource = "S"\n'
    )
    (tmp_path / "s0.toml").write_text(f'name = "s0"\ncontext = "city"\n{texts}')
    for i in range(1, 1500):
        (tmp_path / f"s{i}.toml").write_text(f'name = "s{i}"\nextends = "s{i - 1}"\n{texts}')
    line = one_line(capsys, main(["run", str(tmp_path / "s1499.toml")]))
    assert "s1499.toml" in line and "'extends'" in line and "32" in line


def test_garbage_scheduler_address(capsys, tmp_path):
    for address in ("not an address", "tcp://", "http//x:1", "tcp://host:port:9"):
        line = one_line(
            capsys,
            main(
                [
                    "sweep",
                    str(_spec(tmp_path)),
                    "--scheduler",
                    address,
                    "--out",
                    str(tmp_path / "o"),
                ]
            ),
        )
        assert "--scheduler must be an address such as tcp://HOST:8786" in line
    assert not (tmp_path / "o").exists()


def test_two_sweeps_into_one_folder(capsys, tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    with storage.locked(out):
        line = one_line(
            capsys,
            main(["sweep", str(_spec(tmp_path)), "--out", str(out), "--workers", "1", "--quiet"]),
        )
    assert "another sweep is writing there" in line
    assert (
        main(["sweep", str(_spec(tmp_path)), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    )  # the lock is gone with its holder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_dask_scheduler_dying_mid_sweep_is_one_line_and_resumable(tmp_path):
    pytest.importorskip("distributed")
    bindir = Path(sys.executable).parent
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    sched = subprocess.Popen(
        [
            str(bindir / "dask"),
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-dashboard",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    worker = subprocess.Popen(
        [str(bindir / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    spec = _spec(
        tmp_path,
        TINY.replace("replicates = 2", "replicates = 30").replace("weeks = 4", "weeks = 30"),
    )
    out = tmp_path / "out"
    try:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "samenspel",
                "sweep",
                str(spec),
                "--scheduler",
                address,
                "--out",
                str(out),
                "--batch",
                "1",
                "--quiet",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 90
        while len(list((out / "runs").glob("*.parquet"))) < 2:
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr
            time.sleep(0.05)
        os.killpg(sched.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=90)
    finally:
        for p in (sched, worker):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    assert proc.returncode == 1, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert "lost the Dask scheduler" in err and "run the same command again" in err
    done = len(list((out / "runs").glob("*.parquet")))
    assert 2 <= done < 60
    assert main(["sweep", str(spec), "--out", str(out), "--workers", "2", "--quiet"]) == 0
    runs = storage.finished_runs(out)[0]
    assert runs == set(range(60))


def test_nan_outcomes_survive_round_trip(finished):
    df = read_parquet(sorted((finished / "runs").glob("*.parquet"))[0])
    assert len(df) >= 1 and not math.isnan(float(df["run_id"].iloc[0]))


@pytest.mark.slow
def test_something_that_is_not_a_dask_scheduler(capsys, tmp_path, monkeypatch):
    import threading

    from samenspel.sweep import execute

    monkeypatch.setattr(execute, "CONNECT_TIMEOUT", 2)
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    conns = []

    def answer() -> None:  # accepts and talks nonsense, like a wrong service on the port
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conns.append(conn)
            conn.sendall(b"\xff" * 64 + b"HTTP/1.1 200 OK\r\n\r\n")

    threading.Thread(target=answer, daemon=True).start()
    try:
        line = one_line(
            capsys,
            main(
                [
                    "sweep",
                    str(_spec(tmp_path)),
                    "--scheduler",
                    f"tcp://127.0.0.1:{port}",
                    "--out",
                    str(tmp_path / "o"),
                    "--quiet",
                ]
            ),
        )
    finally:
        server.close()
        for c in conns:
            c.close()
    assert f"tcp://127.0.0.1:{port}" in line
    assert "Dask scheduler" in line and not (tmp_path / "o").exists()
