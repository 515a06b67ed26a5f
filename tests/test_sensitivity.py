"""Sensitivity report: a tiny Morris sweep with a dummy, read back into the report."""

from __future__ import annotations

from pathlib import Path

from samenspel.sensitivity import HEADLINE, LEVER_O, lever_check, morris, write_report
from samenspel.sweep import sweep
from samenspel.sweepspec import load_spec

SPEC = f"""
design = "morris"
samples = 2
weeks = 6
seed = 5
groups = ["disagreement"]
dummy = true
outcomes = {[*HEADLINE, "felt_disagreement", "recognition"]}
[fixed]
n_households = 100
[factors.wijktafels_per_year]
range = [0.0, 24.0]
"""


def test_report_reads_the_dummy_as_noise_floor_and_checks_levers(tmp_path: Path) -> None:
    path = tmp_path / "spec.toml"
    path.write_text(SPEC.replace("'", '"'))
    out = tmp_path / "morris"
    sweep(load_spec(path), out, workers=1, progress=False)
    _, runs, tables = morris(out)
    assert "dummy" not in runs  # no run reads it
    assert all("dummy" in set(t["factor"]) for t in tables.values())
    check = lever_check(tables)
    assert set(check["lever"]) == {
        "wijktafels_per_year",
        "reflection_per_year",
        "reflection_safety",
        "chair_training",
    }
    assert set(check["own_o"]) <= {o for os in LEVER_O.values() for o in os}
    written = write_report(out, None, tmp_path / "docs")
    text = (tmp_path / "docs" / "sensitivity.md").read_text()
    assert "noise floor" in text and "`wijktafels_per_year` | familiarity" in text
    assert all(p.exists() for p in written)


def test_the_report_command_names_a_missing_results_folder_in_one_line(tmp_path, capsys):
    from samenspel.sensitivity import main

    assert main(["--morris", str(tmp_path / "nothing"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "nothing" in err and "Traceback" not in err


def test_a_sweep_without_the_levers_own_outcomes_is_named_in_one_line(tmp_path, capsys):
    from samenspel.sensitivity import main

    path = tmp_path / "spec.toml"
    path.write_text("\n".join(x for x in SPEC.splitlines() if not x.startswith("outcomes")))
    sweep(load_spec(path), tmp_path / "m", workers=1, progress=False)
    assert main(["--morris", str(tmp_path / "m"), "--out", str(tmp_path / "docs")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "own o" in err
