"""samenspel.explain: knock-out decomposition of a scenario's effect, and its CLI."""

from __future__ import annotations

import functools
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

import samenspel.explain as explain_module
from samenspel.cli import main
from samenspel.compare import mean_ci
from samenspel.explain import (
    ALL_ON,
    COLUMNS,
    HEADLINE,
    explain,
    explanation_table,
    markdown_table,
    root_of,
    scenario_and_base,
    switches,
)
from samenspel.model.params import PARAMS, ParameterError
from samenspel.model.runner import simulate
from samenspel.scenarios import ScenarioError, load_scenario

TINY = {"n_households": 100}
WEEKS = 26
SEED = 40
MECHS = ["mech_familiarity", "mech_reflection", "mech_brokerage"]
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def expl():
    """Wijktafels against the city baseline: tiny, 3 replicates, three switches."""
    return explain(
        "wijktafels",
        replicates=3,
        seed=SEED,
        weeks=WEEKS,
        workers=1,
        mechanisms=MECHS,
        overrides=TINY,
    )


# --- the table ----------------------------------------------------------------------


def test_one_row_per_outcome_and_mechanism(expl):
    t = expl.table
    assert list(t.columns) == list(COLUMNS)
    assert len(t) == len(HEADLINE) * len(MECHS)
    assert list(t["outcome"].unique()) == list(HEADLINE)
    assert set(zip(t["outcome"], t["mechanism"], strict=True)) == {
        (o, m) for o in HEADLINE for m in MECHS
    }
    assert (t["n"] == 3).all()
    assert expl.base.name == "city-baseline" and expl.scenario.name == "wijktafels"


def test_headline_outcomes_are_summary_keys():
    summary = simulate(seed=1, weeks=2, **TINY).summary()
    assert set(HEADLINE) <= set(summary)


def test_carried_is_effect_minus_effect_without_exactly(expl):
    t = expl.table
    assert (t["carried"] == t["effect"] - t["effect_without"]).all()


def test_intervals_contain_the_estimates(expl):
    t = expl.table
    assert (t["ci_low"] <= t["carried"]).all() and (t["carried"] <= t["ci_high"]).all()
    assert (t["effect_low"] <= t["effect"]).all() and (t["effect"] <= t["effect_high"]).all()


def test_table_matches_the_runs(expl):
    """Recompute one cell by hand from the per-seed runs."""
    r = expl.runs.set_index(["arm", "mechanism", "seed"])["familiarity"].sort_index()
    d = (r["scenario", ALL_ON] - r["base", ALL_ON]).to_numpy()
    dm = (r["scenario", "mech_brokerage"] - r["base", "mech_brokerage"]).to_numpy()
    row = expl.table.set_index(["outcome", "mechanism"]).loc[("familiarity", "mech_brokerage")]
    assert row["effect"] == pytest.approx(d.mean())
    assert row["effect_without"] == pytest.approx(dm.mean())
    _, lo, hi, _ = mean_ci(d - dm)
    assert row["ci_high"] - row["ci_low"] == pytest.approx(hi - lo)


def test_share_only_where_the_effect_is_clear(expl):
    t = expl.table
    clear = (t["effect_low"] > 0) | (t["effect_high"] < 0)
    assert t.loc[~clear, "share"].isna().all()
    assert np.allclose(t.loc[clear, "share"], t.loc[clear, "carried"] / t.loc[clear, "effect"])


def test_explanation_table_on_known_numbers():
    rows = []
    for seed, (s, b, sm, bm) in enumerate(
        [(3.0, 1.0, 2.0, 1.0), (5.0, 2.0, 3.0, 2.0), (4.0, 1.0, 2.5, 1.0)]
    ):
        for arm, mech, value in (
            ("scenario", ALL_ON, s),
            ("base", ALL_ON, b),
            ("scenario", "m", sm),
            ("base", "m", bm),
        ):
            rows.append({"arm": arm, "mechanism": mech, "seed": seed, "y": value})
    t = explanation_table(pd.DataFrame(rows), ["m"], ["y"])
    r = t.iloc[0]
    assert r["effect"] == pytest.approx(8 / 3) and r["effect_without"] == pytest.approx(7 / 6)
    mean, lo, hi, _ = mean_ci([1.0, 2.0, 1.5])
    assert (r["carried"], r["ci_low"], r["ci_high"]) == (
        pytest.approx(mean),
        pytest.approx(lo),
        pytest.approx(hi),
    )
    assert r["share"] == pytest.approx(1.5 / (8 / 3))


# --- common random numbers and knock-outs -------------------------------------------


def test_every_arm_uses_the_same_seeds(expl):
    seeds = expl.runs.groupby(["arm", "mechanism"])["seed"].apply(list)
    assert len(seeds) == 2 * (1 + len(MECHS))
    assert all(s == [SEED, SEED + 1, SEED + 2] for s in seeds)
    assert expl.n_runs == 2 * (1 + len(MECHS)) * 3


def test_arms_equal_direct_runs(expl):
    """The all-on scenario arm is the scenario; a knock-out arm has the switch off."""
    runs = expl.runs.set_index(["arm", "mechanism", "seed"])
    params = load_scenario("wijktafels").params(TINY)
    direct = simulate(seed=SEED + 1, weeks=WEEKS, **params).summary()
    off = simulate(seed=SEED + 1, weeks=WEEKS, **{**params, "mech_brokerage": False}).summary()
    for outcome in HEADLINE:
        assert runs.loc[("scenario", ALL_ON, SEED + 1), outcome] == direct[outcome]
        assert runs.loc[("scenario", "mech_brokerage", SEED + 1), outcome] == off[outcome]


def test_against_itself_nothing_is_carried():
    e = explain(
        "wijktafels",
        against="wijktafels",
        replicates=2,
        seed=3,
        weeks=WEEKS,
        workers=1,
        mechanisms=["mech_familiarity", "mech_success"],
        overrides=TINY,
    )
    t = e.table
    assert (t["effect"] == 0).all() and (t["effect_without"] == 0).all()
    assert (t["carried"] == 0).all() and (t["ci_low"] == 0).all() and (t["ci_high"] == 0).all()
    assert t["share"].isna().all()


def test_a_mechanism_that_cannot_matter_carries_nothing(expl):
    """No reflection sessions in either arm: switching reflection off changes no run."""
    assert expl.scenario.params()["reflection_per_year"] == 0
    assert expl.base.params()["reflection_per_year"] == 0
    runs = expl.runs.set_index(["arm", "mechanism", "seed"]).sort_index()
    for arm in ("scenario", "base"):
        pd.testing.assert_frame_equal(runs.loc[(arm, "mech_reflection")], runs.loc[(arm, ALL_ON)])
    t = expl.table[expl.table["mechanism"] == "mech_reflection"]
    assert (t["carried"] == 0).all() and (t["ci_high"] - t["ci_low"] == 0).all()


# --- inputs -------------------------------------------------------------------------


def test_switches_come_from_the_parameter_table():
    assert switches() == [p.name for p in PARAMS.values() if p.group == "switch"]
    assert "mech_familiarity" in switches() and len(switches()) >= 9


def test_default_base_is_the_root():
    assert root_of(load_scenario("combined-package")).name == "city-baseline"
    assert root_of(load_scenario("town-baseline")).name == "town-baseline"
    assert scenario_and_base("wijktafels")[1].name == "city-baseline"
    assert scenario_and_base("wijktafels", "town-baseline")[1].name == "town-baseline"


def test_root_from_a_file_next_to_its_parent(tmp_path):
    def write(name, extra):
        (tmp_path / f"{name}.toml").write_text(
            f'name = "{name}"\n{extra}\ntitle_en = "T"\ntitle_nl = "T"\n'
            'description_en = "D"\ndescription_nl = "D"\nsource = "S"\n',
            encoding="utf-8",
        )

    write("mybase", 'context = "town"')
    write("child", 'extends = "mybase"')
    write("grandchild", 'extends = "child"')
    assert scenario_and_base(tmp_path / "grandchild.toml")[1].name == "mybase"


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"scenario": "nope"}, ScenarioError, "no scenario named"),
        ({"scenario": "city-baseline"}, ScenarioError, "extends no other scenario"),
        ({"scenario": "wijktafels", "replicates": 1}, ParameterError, "at least 2"),
        ({"scenario": "wijktafels", "seed": -1}, ParameterError, "'seed'"),
        ({"scenario": "wijktafels", "weeks": 0}, ParameterError, "'weeks'"),
        (
            {"scenario": "wijktafels", "mechanisms": ["mech_familarity"]},
            ParameterError,
            "did you mean 'mech_familiarity'",
        ),
        (
            {"scenario": "wijktafels", "overrides": {"n_houses": 5}},
            ParameterError,
            "unknown parameter",
        ),
    ],
)
def test_bad_input_is_rejected_before_running(kwargs, error, match):
    with pytest.raises(error, match=match):
        explain(**{"workers": 1, "weeks": 2, **kwargs})


def test_unknown_outcome_is_named():
    with pytest.raises(ParameterError, match="did you mean 'familiarity'"):
        explain(
            "wijktafels",
            replicates=2,
            weeks=2,
            workers=1,
            mechanisms=MECHS[:1],
            outcomes=["familarity"],
            overrides=TINY,
        )


# --- outputs ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_figure_uses_the_object_api(expl, lang):
    fig = expl.figure(lang)
    assert isinstance(fig, Figure)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == len(HEADLINE)
    labels = [t.get_text() for t in visible[0].get_yticklabels()]
    want = [PARAMS[m].label_nl if lang == "nl" else PARAMS[m].label_en for m in MECHS]
    assert labels == want


def test_write_outputs(expl, tmp_path):
    written = expl.write_outputs(tmp_path / "out", lang="nl")
    names = sorted(p.name for p in written)
    assert names == sorted(
        [
            "explain.csv",
            "explain.parquet",
            "explain_runs.csv",
            "explain_runs.parquet",
            "explain.png",
        ]
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names  # no temp files
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "out" / "explain.parquet"), expl.table)
    assert len(pd.read_csv(tmp_path / "out" / "explain_runs.csv")) == expl.n_runs
    assert (tmp_path / "out" / "explain.png").read_bytes()[:8] == PNG


def test_markdown_table(expl):
    md = markdown_table(expl).splitlines()
    assert len(md) == 3 + len(MECHS)
    assert md[0].count("|") == len(HEADLINE) + 2
    assert "Familiarity grows with contact" in md[3]
    two = markdown_table(expl, lang="nl", outcomes=["unmet_need", "familiarity"])
    assert two.splitlines()[0] == "| mechanisme uit | onvervulde nood | bekendheid |"


# --- command line -------------------------------------------------------------------


@pytest.fixture
def tiny_cli(monkeypatch):
    """Make the CLI's explain tiny: few households, three switches."""
    monkeypatch.setattr(
        explain_module, "explain", functools.partial(explain, mechanisms=MECHS, overrides=TINY)
    )


def _one_line_error(code: int, err: str) -> str:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("samenspel: error: "), err
    return lines[0]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_cli_writes_its_files(tiny_cli, capsys, tmp_path, lang):
    out = tmp_path / "expl"
    code = main(
        [
            "explain",
            "wijktafels",
            "--replicates",
            "2",
            "--weeks",
            "8",
            "--workers",
            "1",
            "--seed",
            "7",
            "--out",
            str(out),
            "--lang",
            lang,
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            "explain.csv",
            "explain.parquet",
            "explain_runs.csv",
            "explain_runs.parquet",
            "explain.png",
        ]
    )
    table = pd.read_csv(out / "explain.csv")
    assert len(table) == len(HEADLINE) * len(MECHS)
    runs = pd.read_parquet(out / "explain_runs.parquet")
    assert sorted(runs["seed"].unique()) == [7, 8]
    text = " ".join(printed.split())
    assert ("Bekendheid groeit met contact" in text) == (lang == "nl")
    assert ("Familiarity grows with contact" in text) == (lang == "en")
    assert "16 runs in" in text


def test_cli_against(tiny_cli, capsys):
    code = main(
        [
            "explain",
            "wijktafels",
            "--against",
            "wijktafels",
            "--replicates",
            "2",
            "--weeks",
            "4",
            "--workers",
            "1",
        ]
    )
    assert code == 0
    assert "wijktafels against wijktafels" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(
    ("argv", "match"),
    [
        (["nope"], "no scenario named 'nope'"),
        (["wijktafels", "--against", "nope"], "no scenario named 'nope'"),
        (["city-baseline"], "--against"),
        (["wijktafels", "--replicates", "1"], "--replicates"),
        (["wijktafels", "--seed", "-1"], "--seed"),
        (["wijktafels", "--seed", "x"], "--seed"),
        (["wijktafels", "--weeks", "0"], "--weeks"),
        (["wijktafels", "--workers", "0"], "--workers"),
        (["wijktafels", "--lang", "de"], "--lang"),
    ],
)
def test_cli_bad_input_is_one_line(capsys, argv, match):
    line = _one_line_error(main(["explain", *argv]), capsys.readouterr().err)
    assert match in line


def test_cli_unwritable_out_is_one_line(capsys, tmp_path):
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    for out in (a_file, a_file / "deeper", "/proc/samenspel-explain"):  # missing: made
        line = _one_line_error(
            main(["explain", "wijktafels", "--out", str(out)]), capsys.readouterr().err
        )
        assert "--out" in line


def test_cli_error_from_a_fresh_process():
    res = subprocess.run(
        [sys.executable, "-m", "samenspel", "explain", "wijktafel"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = _one_line_error(res.returncode, res.stderr)
    assert "did you mean 'wijktafels'" in line
