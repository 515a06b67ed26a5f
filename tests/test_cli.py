"""The command line: ``samenspel run`` output, written series, one-line errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from samenspel.cli import main
from samenspel.model.outputs import GAUGES

WEEKS = "20"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["run", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _words(text: str) -> str:
    """Text with all whitespace collapsed (rich may wrap a title over lines)."""
    return " ".join(text.split())


def test_run_prints_a_summary_table(capsys):
    code, out, err = _run(capsys, "--weeks", WEEKS, "--seed", "3")
    assert code == 0
    assert err == ""
    assert "samenspel run" in _words(out)
    assert "seed 3," in _words(out) and "20 weeks" in _words(out)
    for key in (
        "share_coproduction",
        "share_coexistence",
        "familiarity",
        "regime",
        "late_escalations",
        "referrals_taken_seriously",
    ):
        assert key in out


def test_run_accepts_sets(capsys):
    code, out, _ = _run(
        capsys,
        "--weeks",
        "5",
        "--set",
        "context=town",
        "--set",
        "wijktafels_per_year=12",
        "--set",
        " anonymity = 0.1 ",
    )
    assert code == 0
    assert "regime" in out


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_out_writes_the_weekly_series(capsys, tmp_path, suffix):
    out = tmp_path / f"weekly{suffix}"
    code, stdout, err = _run(capsys, "--weeks", WEEKS, "--seed", "2", "--out", str(out))
    assert code == 0 and err == ""
    assert str(out) in stdout
    df = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out).reset_index()
    assert len(df) == int(WEEKS) + 1
    assert list(df["week"]) == list(range(int(WEEKS) + 1))
    assert set(GAUGES) <= set(df.columns)
    assert (df["seed"] == 2).all()
    shares = df[[c for c in df.columns if c.startswith("share_")]]
    assert shares.shape[1] == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary left


def test_csv_and_parquet_hold_the_same_numbers(capsys, tmp_path):
    csv, parquet = tmp_path / "w.csv", tmp_path / "w.parquet"
    assert _run(capsys, "--weeks", "8", "--out", str(csv))[0] == 0
    assert _run(capsys, "--weeks", "8", "--out", str(parquet))[0] == 0
    a = pd.read_csv(csv, index_col="week")
    b = pd.read_parquet(parquet)
    pd.testing.assert_frame_equal(a, b, check_dtype=False, check_index_type=False)


BAD = {
    "unknown name": (["--set", "anonimity=0.5"], "anonimity"),
    "out of range": (["--set", "anonymity=1.5"], "anonymity"),
    "wrong type": (["--set", "n_households=many"], "n_households"),
    "fraction for an integer": (["--set", "n_households=100.5"], "n_households"),
    "nan": (["--set", "goal_clarity=nan"], "goal_clarity"),
    "bad choice": (["--set", "hybridisation_model=anarchy"], "hybridisation_model"),
    "malformed set": (["--set", "anonymity"], "--set"),
    "malformed set without name": (["--set", "=0.5"], "--set"),
    "zero weeks": (["--weeks", "0"], "--weeks"),
    "weeks not a number": (["--weeks", "ten"], "--weeks"),
    "unknown option": (["--frobnicate"], "frobnicate"),
}


@pytest.mark.parametrize("argv,needle", BAD.values(), ids=BAD.keys())
def test_bad_input_is_one_line_exit_2_and_no_file(capsys, tmp_path, argv, needle):
    out = tmp_path / "weekly.csv"
    code, stdout, err = _run(capsys, "--weeks", "3", *argv, "--out", str(out))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("samenspel: error: ")
    assert needle in lines[0]
    assert "Traceback" not in err + stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["weekly.txt", "weekly", "weekly.csv.gz", "weekly.xlsx"])
def test_bad_out_suffix_is_rejected_before_running(capsys, tmp_path, name):
    code, stdout, err = _run(capsys, "--weeks", "3", "--out", str(tmp_path / name))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("samenspel: error: ")
    assert "--out" in lines[0] and ".csv" in lines[0] and ".parquet" in lines[0]
    assert "regime" not in stdout  # nothing was run
    assert list(tmp_path.iterdir()) == []


def test_out_in_a_missing_folder_is_rejected(capsys, tmp_path):
    code, _, err = _run(capsys, "--weeks", "3", "--out", str(tmp_path / "no" / "w.csv"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_out_naming_an_existing_folder_is_a_usage_error(capsys, tmp_path):
    (tmp_path / "weekly.csv").mkdir()
    code, _, err = _run(capsys, "--weeks", "3", "--out", str(tmp_path / "weekly.csv"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1


def test_params_lists_every_parameter(capsys):
    from samenspel.model.params import PARAMS

    assert main(["params"]) == 0
    out = capsys.readouterr().out
    for name in PARAMS:
        assert name in out


def test_params_group_levers_lists_the_levers_one_line_each(capsys):
    from samenspel.model.params import PARAMS

    assert main(["params", "--group", "levers", "--brief", "--lang", "nl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first_words = {line.split()[0] for line in lines[4:] if line and not line.startswith(" ")}
    assert first_words == {p.name for p in PARAMS.values() if p.is_lever}
    row = next(line for line in lines if line.startswith("caseload_capacity "))
    assert (
        str(PARAMS["caseload_capacity"].default) in row
        and PARAMS["caseload_capacity"].label_nl in row
    )


def test_no_command_is_a_usage_error(capsys):
    assert main([]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("samenspel: error: ")


def _installed_command() -> str:
    found = Path(sys.executable).with_name("samenspel")
    if found.exists():
        return str(found)
    which = shutil.which("samenspel")
    if which is None:
        pytest.skip("the samenspel command is not installed")
    return which


def test_installed_command_runs_and_reports_errors_in_one_line(tmp_path):
    command = _installed_command()
    ok = subprocess.run(
        [command, "run", "--weeks", "5", "--seed", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stderr
    assert "samenspel run" in _words(ok.stdout) and "regime" in ok.stdout
    bad = subprocess.run(
        [command, "run", "--weeks", "5", "--set", "anonymity=2", "--out", "w.csv"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("samenspel: error: ")
    assert len(bad.stderr.strip().splitlines()) == 1
    assert "'anonymity'" in bad.stderr and "2" in bad.stderr
    assert list(tmp_path.iterdir()) == []


def test_run_quiet_prints_no_progress_and_the_same_summary(capsys):
    code, out, err = _run(capsys, "--weeks", WEEKS, "--seed", "3", "--quiet")
    assert code == 0 and err == ""
    assert "samenspel run" in _words(out)


def test_week_progress_is_off_when_quiet_or_not_a_terminal(monkeypatch):
    from samenspel.cli import run as run_cli

    with run_cli.week_progress(quiet=True) as progress:
        assert progress is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    with run_cli.week_progress(quiet=False) as progress:
        assert progress is None


def test_week_progress_does_not_change_the_run(monkeypatch):
    from samenspel.cli import run as run_cli
    from samenspel.model.runner import simulate

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(run_cli, "BAR_AFTER", 0.0)
    monkeypatch.setattr(run_cli, "BAR_LONGER", 0.0)
    with run_cli.week_progress(quiet=False) as progress:
        assert progress is not None
        shown = simulate(seed=2, weeks=12, progress=progress)
    plain = simulate(seed=2, weeks=12)
    pd.testing.assert_frame_equal(shown.weekly(), plain.weekly(), check_exact=True)


@pytest.mark.parametrize("given", [None, "1"])
def test_the_command_asks_numpy_for_no_huge_pages_unless_told(monkeypatch, given):
    """``console`` sets NUMPY_MADVISE_HUGEPAGE=0 for itself and its workers; a value set keeps."""
    import os

    from samenspel import cli

    monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "placeholder")  # restored afterwards
    if given is None:
        monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE")
    else:
        monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", given)
    monkeypatch.setattr(cli, "main", lambda: 3)
    monkeypatch.setattr(cli.gc, "freeze", lambda: None)
    with pytest.raises(SystemExit) as done:
        cli.console()
    assert done.value.code == 3
    assert os.environ["NUMPY_MADVISE_HUGEPAGE"] == (given or "0")


@pytest.mark.parametrize(
    "argv",
    [["scenarios"], ["sweep", "grid-wijktafels-clarity", "--dry-run"]],
    ids=["rich", "print"],
)
def test_a_reader_that_leaves_early_ends_the_command_quietly(argv):
    """``samenspel ... | head -1``: no 'error: Broken pipe', exit code 1 (as Rich's own)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "samenspel", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # gone before the first line is written
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert (proc.wait(timeout=120), err) == (1, "")


def test_a_usage_error_names_the_program_once_and_where_to_read_more(capsys):
    code = main(["run", "--weeks", "x"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (
        "samenspel: error: argument --weeks: invalid int value: 'x' (see 'samenspel run --help')"
    )
