"""The dashboard's parts without a browser: texts, levers, layout, drawings, actions."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest

from samenspel.cli import main as cli_main
from samenspel.dashboard import (
    assets,
    charts,
    command,
    compare_draw,
    compare_job,
    frame,
    i18n,
    learn,
    session,
)
from samenspel.dashboard.learn_text import SECTIONS_AFTER_TRIES, SECTIONS_BEFORE_TRIES, TRIES
from samenspel.dashboard.levers import slider_step
from samenspel.dashboard.network import compute_layout, legend_html, network_svg, tie_classes
from samenspel.model.params import CONTEXTS, PARAMS
from samenspel.outcomes import NON_NEGATIVE, UNIT
from samenspel.scenarios import list_scenarios


@pytest.fixture(autouse=True)
def english():
    i18n.lang.set("en")
    yield
    i18n.lang.set("en")


def test_language_detection(monkeypatch):
    monkeypatch.delenv("SAMENSPEL_LANG", raising=False)
    assert i18n.detect({"accept-language": ["nl-NL,nl;q=0.9,en;q=0.8"]}) == "nl"
    assert i18n.detect({"Accept-Language": ["nl-BE"]}) == "nl"
    assert i18n.detect({"accept-language": ["en-GB,nl;q=0.5"]}) == "en"
    assert i18n.detect({}) == "en"
    assert i18n.detect({"accept-language": ["nl"]}, search="lang=en") == "en"
    monkeypatch.setenv("SAMENSPEL_LANG", "nl")
    assert i18n.detect({"accept-language": ["en-US"]}) == "nl"


def test_every_text_in_both_languages():
    for key, (dutch, english) in i18n.STRINGS.items():
        assert dutch.strip() and english.strip(), key
        assert set(re.findall(r"{(\w+)", dutch)) == set(re.findall(r"{(\w+)", english)), key
    for p in PARAMS.values():
        assert p.meaning_nl.strip() and p.meaning_nl != p.meaning, p.name
        assert p.group in i18n.GROUPS, p.group
        assert not p.unit or p.unit == "0-1" or p.unit in i18n.UNITS, p.unit
        for c in p.choices or ():
            assert c in i18n.CHOICES, c
    i18n.lang.set("nl")
    assert i18n.t("nav_explore") == "Verkennen"
    assert i18n.label(PARAMS["wijktafels_per_year"]) == "Wijktafels per jaar"
    assert i18n.number(0.5) == "0,50"


@pytest.mark.parametrize("scenario", list_scenarios(), ids=lambda s: s.name)
def test_slider_steps_keep_scenario_values_on_the_scale(scenario):
    values = scenario.params()
    for name, p in PARAMS.items():
        if p.type is float:
            step = slider_step(p, values[name])
            for v in (p.default, values[name]):
                off = (v - p.low) / step
                assert abs(off - round(off)) < 1e-6, (name, v, step)
            assert (p.high - p.low) / step <= 2000


def test_layout_is_fixed_and_puts_coordinators_in_between():
    kind = np.array([0] * 6 + [1] * 8 + [2] * 2 + [3] * 3)
    side = np.array([0] * 6 + [1] * 8 + [2] * 2 + [1] * 3)
    aff = np.array([-1] * 6 + [14, 15] * 4 + [-1] * 5)
    a = compute_layout(kind, side, aff)
    b = compute_layout(kind, side, aff)
    assert np.array_equal(a.xy, b.xy)
    x = {k: a.xy[a.kind == k, 0] for k in range(4)}
    assert x[0].max() < x[2].min() < x[1].min()
    assert x[1].max() < x[3].min()
    capped = compute_layout(kind, side, aff, max_per_kind=2)
    assert len(capped.nodes) == 8 and capped.total == len(kind)
    cls = tie_classes(side)
    assert cls[0, 6] == 2 and cls[0, 14] == 1 and cls[0, 1] == 0


def test_network_svg_draws_ties_by_strength():
    kind = np.array([0, 0, 2, 1, 1])
    side = np.array([0, 0, 2, 1, 1])
    layout = compute_layout(kind, side, np.array([-1, -1, -1, 2, 2]))
    fam = np.zeros((5, 5))
    fam[0, 3] = fam[3, 0] = 0.9  # formal-informal, strong
    fam[1, 2] = fam[2, 1] = 0.05  # too weak to draw
    svg = network_svg(layout, fam[np.ix_(layout.nodes, layout.nodes)], "the network")
    assert 'data-ties="1"' in svg and 'data-cross-ties="1"' in svg
    assert svg.startswith("<svg") and svg.endswith("</svg>") and "<text" not in svg
    legend = legend_html(str, ("w", "b", "c"), note="n")
    assert legend.count("data-tie=") == 3 and "n</div>" in legend


def test_charts_handle_gaps_and_bands():
    s = charts.Series(
        "a<b",
        [0, 1, 2, 3],
        [np.nan, 0.2, np.nan, 0.4],
        "#000",
        [0.1, 0.1, 0.1, 0.3],
        [0.3, 0.3, 0.3, 0.5],
    )
    svg = charts.line_chart([s], "t", y_range=(0, 1), name="x")
    assert "a&lt;b" in svg and 'data-chart="x"' in svg and "<polygon" in svg
    bars = charts.bar_chart(["a", "b"], [1.0, np.nan], [0.5, np.nan], [1.5, np.nan], "t")
    assert bars.count("<rect") == 1
    assert charts.nice_ticks(0, 1) == [0, 0.25, 0.5, 0.75, 1.0]


def test_session_actions_and_errors():
    session.select_scenario("wijktafels")
    assert session.values.value["wijktafels_per_year"] == 10
    assert session.run.value.model.week == 0 and session.error.value == ""
    assert session.step(3) and session.run.value.model.week == 3
    out = frame.render(session.run.value)
    assert {"regime", "detail", "network", "legend", "charts", "week", "when"} <= set(out)
    assert set(out["charts"]) == set(frame.CHARTS)
    session.set_seed_text("abc")
    assert "Random seed: enter a whole number" in session.error.value
    session.set_seed_text("12")
    assert session.error.value == "" and session.run.value.seed == 12
    session.set_lever("n_households", 5)
    assert session.error.value.startswith("Households: at least 10")
    session.set_lever("context", "town")
    assert session.values.value["anonymity"] == CONTEXTS["town"]["anonymity"]
    assert session.run.value.params["context"] == "town"


def test_an_explore_link_of_an_opened_scenario_file_carries_the_file():
    from samenspel.dashboard import own

    session.select_scenario("town-baseline")
    values = {**session.values.value, "reflection_per_year": 6.0}
    session.take_values(values, "my-town")  # as a TOML file opened on Explore
    session.set_lever("goal_clarity", 0.8)  # and a lever moved after that
    session.set_seed_text("5")
    session.step(4)
    link = session.query()
    assert "own=" in link and "scenario=" not in link and "week=4" in link
    wanted = dict(session.values.value)
    session.select_scenario("city-baseline")
    session.apply_query("?" + link)
    assert session.error.value == ""
    assert session.scenario_name.value == "my-town"
    assert session.values.value == wanted
    assert session.run.value.seed == 5 and session.run.value.model.week == 4
    bad = link.replace("own=", "own=%25")
    session.apply_query("?" + bad)
    assert session.error.value.startswith("The link carries an own scenario that cannot be read")
    assert session.scenario_name.value == "city-baseline"  # the baseline instead
    assert own.own_scenarios.value == {}  # an Explore link keeps nothing else
    session.apply_query("?scenario=nope&seed=2")
    assert session.error.value.startswith("The link names an unknown scenario ('nope')")
    for path in ("../scenarios/wijktafels.toml", "/etc/passwd", "x" * 5000):
        session.apply_query("?scenario=" + path)  # a link opens library names only
        assert session.error.value.startswith("The link names an unknown scenario")
        assert session.scenario_name.value == "city-baseline"
        assert len(session.error.value) < 200


def test_several_areas_and_districts_are_drawn():
    run = session.build({"n_areas": 4, "areas_per_district": 2, "n_households": 200}, 3)
    run.model.step()
    out = frame.render(run)
    assert int(re.search(r'data-ties="(\d+)"', out["network"]).group(1)) > 0


def test_regime_in_words():
    session.select_scenario("city-baseline")
    session.step(60)
    current = session.run.value
    words, detail = frame.regime_words(current.model, current.model.weekly())
    assert words.startswith("Mostly") and "%" in detail


def test_compare_page_draws_the_comparison_tables():
    from samenspel.compare import outcome_table, run_comparison, weekly_bands

    comp = run_comparison(["city-baseline", "wijktafels"], 2, weeks=8, workers=1)
    result = compare_job.Result(
        comp, outcome_table(comp), weekly_bands(comp, compare_draw.CURVE_GAUGES)
    )
    assert len(compare_draw.bars(result)) == len(compare_draw.KEY_OUTCOMES)
    assert len(compare_draw.bands_charts(result)) == len(compare_draw.CURVE_GAUGES)
    table = compare_draw.diff_table(result)
    assert "Wijktafels" in table
    low = re.findall(r'data-low="([^"]+)"', "".join(compare_draw.bars(result)))
    assert low and min(float(x) for x in low) >= 0  # no interval of a count below 0
    reference = re.findall(r"<tr><td>[^<]*</td><td>[^<]*\[([^;]+);", table)
    assert len(reference) == len(compare_draw.KEY_OUTCOMES)
    wide = result.table[
        (result.table["scenario"] == "city-baseline")
        & result.table["outcome"].isin(NON_NEGATIVE | UNIT)
    ]
    assert (wide["ci_low"] < 0).any()  # 2 replicates: some raw intervals reach below 0 ...
    assert min(float(x) for x in reference) >= 0  # ... the reference column starts at 0
    above = result.table["outcome"].isin(UNIT)
    result.table.loc[above, "ci_high"] += 1.0  # a share's raw interval past 1 ...
    table = compare_draw.diff_table(result)
    highs = re.findall(r"<tr><td>[^<]*</td><td>[^<]*\[[^;]+; ([^\]]+)\]", table)
    shown = dict(zip(compare_draw.KEY_OUTCOMES, highs, strict=True))
    assert {float(shown[k]) for k in UNIT & set(shown)} == {1.0}  # ... 1
    drawn = "".join(compare_draw.bars(result))
    for outcome in UNIT & set(shown):  # the bars' whiskers end at 1 too
        chart = drawn.split(f'data-chart="bars-{outcome}"')[1].split("</svg>")[0]
        assert {float(x) for x in re.findall(r'data-high="([^"]+)"', chart)} == {1.0}
    from samenspel.figures import outcome_bars

    fig = outcome_bars(result.table, result.comp.names)
    compare_draw._translate(fig)
    titles = {ax.get_title() for ax in fig.axes if ax.get_visible()}
    assert "late escalations" in titles and "late_escalations" not in titles
    i18n.lang.set("nl")
    assert "Basis grote stad" in compare_draw.diff_table(result)
    fig = outcome_bars(result.table, result.comp.names)  # the PNG the page offers, in Dutch:
    compare_draw._translate(fig, result.comp.names, compare_draw.titles(result))
    outcomes = list(dict.fromkeys(result.table["outcome"]))
    panels = [ax.get_title() for ax in fig.axes if ax.get_visible() and ax.get_title()]
    assert panels == [i18n.gauge(k) for k in outcomes]  # every panel in Dutch words ...
    assert "aandeel via coördinatoren" in panels and "brokerage share" not in panels
    assert "onvervulde nood (zwaarte x weken per huishouden) (migranten)" in panels
    assert all(i18n.gauge(k) != k for k in outcomes)  # ... none left as its column name
    legend = [x.get_text() for x in fig.legends[0].get_texts()]
    assert legend == [f"{k + 1} {n}" for k, n in enumerate(compare_draw.titles(result))]
    assert legend[0].startswith("1 Basis grote stad")  # titles, not file names
    assert compare_draw.png("bars", result)[:4] == b"\x89PNG"
    assert compare_draw.png("modes", result)[:4] == b"\x89PNG"


def test_compare_job_queue_memory_and_estimate(monkeypatch):
    from samenspel.dashboard import jobs
    from samenspel.dashboard.messages import InputError
    from samenspel.scenarios import load_scenario

    with pytest.raises(InputError, match="more than the 3,000 MB"):
        jobs.check_memory(runs=10_000, weeks=520)
    monkeypatch.setattr(jobs, "free_mb", lambda: 500.0)
    with pytest.raises(InputError, match="free now"):
        jobs.check_memory(runs=20, weeks=260)
    monkeypatch.undo()
    line = jobs.Line(running=1)
    seen = []
    with line.place():
        import threading

        waiter = threading.Thread(target=lambda: line.place(seen.append).__enter__())
        waiter.start()
        waiter.join(timeout=1.5)
        assert seen and seen[0] == 1  # one job ahead of it
    waiter.join(timeout=3)
    assert not waiter.is_alive()
    result = compare_job.run_compare(
        [load_scenario("city-baseline"), load_scenario("wijktafels")], 2, 4, 0
    )
    assert compare_job.recall("comparison") is result and compare_job.status.value is None
    est = jobs.Estimate(total=10, first_guess=5.0, started=1.0, done=0)
    assert est.remaining() >= 1.0


def test_own_scenario_round_trip_and_upload_messages():
    from samenspel.dashboard import own
    from samenspel.scenarios import ScenarioError, load_scenario

    values = load_scenario("pilot-package").params()
    mine = own.from_levers(values, "pilot-package", {"mine-1"})
    assert mine.name == "mine-2" and mine.params() == values
    back = own.load_upload("mine-2.toml", own.to_toml(mine).encode())
    assert back.params() == values
    with pytest.raises(
        ScenarioError, match=r"^x\.toml: missing keys 'title_en', 'title_nl', 'description_en', "
    ):
        own.load_upload("x.toml", b'name = "x"')
    bad = own.to_toml(mine).replace("wijktafels_per_year = 10.0", "wijktafels_per_year = -1")
    with pytest.raises(ScenarioError, match=r"^mine-2\.toml: parameter 'wijktafels_per_year'"):
        own.load_upload("mine-2.toml", bad.encode())


def test_explain_in_words():
    from samenspel.dashboard import explain_view
    from samenspel.explain import explain

    expl = explain(
        "combined-package",
        replicates=2,
        weeks=20,
        workers=1,
        mechanisms=["mech_familiarity"],
        overrides={"n_households": 200},
    )
    lines = explain_view.summary(expl, "en")
    assert lines and all(line.endswith(".") for line in lines)
    assert explain_view.figure_png(expl, "en")[:4] == b"\x89PNG"
    svg = explain_view.outcome_chart(expl, "share_coproduction", "en")
    rows = expl.table[expl.table["outcome"] == "share_coproduction"]
    assert svg.count("<rect") - svg.count('fill-opacity="0.3"') == len(rows)  # a bar each
    assert "Familiarity" in svg or "familiarity" in svg  # the mechanism written out
    assert 'class="samenspel-reference"' in svg  # the whole effect
    sizes = [int(x) for x in re.findall(r'font-size="(\d+)"', svg)]
    assert sizes and min(sizes) >= 12
    clear = ((rows["ci_low"] > 0) | (rows["ci_high"] < 0)).astype(int).tolist()
    assert re.findall(r'data-clear="(\d)"', svg) == [str(c) for c in clear]


def test_learn_texts_and_tries():
    names = {s.name for s in list_scenarios()}
    assert {t.scenario for t in TRIES} <= names
    for s in (*SECTIONS_BEFORE_TRIES, *SECTIONS_AFTER_TRIES):
        assert re.search(r"<(p|ol|ul)>", learn.to_html(s.body_en))
        assert s.body_nl.strip() and s.title_nl.strip()
    steps = learn.to_html(SECTIONS_BEFORE_TRIES[1].body_en)
    assert steps.count("<li>") == 11  # the eleven steps of Neighbourhood.step


def test_assets_and_command():
    pkgs = assets.required_packages()
    assert {"@widgetti/solara-vuetify-app", "requirejs", "font-awesome"} <= set(pkgs)
    assert any(f.endswith(".min.js") for f in assets.page_files())
    cmd = command.server_command("127.0.0.1", 8765)
    assert "--no-open" in cmd and "--production" in cmd and "127.0.0.1" in cmd
    env = command.server_env("nl", base={})
    assert env["SAMENSPEL_LANG"] == "nl" and env[assets.ENV_CACHE]
    assert env["REACTON_FAST"] == "1"  # the fast renderer, unless the user says otherwise
    assert command.server_env(base={"REACTON_FAST": "0"})["REACTON_FAST"] == "0"
    assert cli_main(["dashboard", "--port", "70000", "--offline"]) in (2,)


def test_cli_check_assets(capsys):
    code = cli_main(["dashboard", "--check-assets"])
    out = capsys.readouterr().out
    assert code in (0, 1) and str(assets.cache_dir()) in out


def test_random_lever_combinations_never_break_the_page():
    """Any values within the declarations: the page gets a model or a message, never a crash."""
    rng = np.random.default_rng(5)
    for _ in range(25):
        values = {}
        for name, p in PARAMS.items():
            if p.choices:
                values[name] = str(rng.choice(p.choices))
            elif p.type is bool:
                values[name] = bool(rng.integers(2))
            elif p.type is int:
                high = {"n_households": 3000, "n_areas": 3}.get(name, min(p.high, 150))
                values[name] = int(rng.integers(p.low, high + 1))
            else:
                values[name] = float(rng.uniform(p.low, p.high))
        session.values.set(values)
        session.reset()
        if session.error.value:
            continue
        session.step(3)
        assert session.error.value == ""
        frame.render(session.run.value)
    session.values.set({**session.values.value, "n_households": 200_000, "n_areas": 10})
    session.reset()
    assert "too many for the live view" in session.error.value


def test_typed_numbers_and_their_messages():
    from samenspel.dashboard.messages import InputError, check_lever, parse_number

    assert parse_number("1e4", "H", 10, 50_000, True) == 10_000
    assert parse_number(" 2 500 ", "H", 10, 50_000, True) == 2500
    i18n.lang.set("nl")
    assert parse_number("60.000", "H", 10, 200_000, True) == 60_000
    assert parse_number("0,5", "X", 0, 1, False) == 0.5
    for text, said in (("abc", "vul een geheel getal"), ("5", "minstens 10"), ("1,5", "vul")):
        with pytest.raises(InputError, match=said):
            parse_number(text, "Huishoudens", 10, 200_000, True)
    with pytest.raises(InputError, match=r"^Context: kies uit grote stad") as info:
        check_lever(PARAMS["context"], "village")
    assert "context'" not in str(info.value)


def test_week_words_count_years_from_week_one():
    assert frame.week_words(0) == "Week 0 (year 1)"
    assert frame.week_words(52) == "Week 52 (year 1)"
    assert frame.week_words(53) == "Week 53 (year 2)"
    assert frame.week_words(260) == "Week 260 (year 5)"


def test_palette_and_deuteranopia():
    from samenspel.dashboard import palette

    assert palette.deuteranopia("#ffffff") == "#ffffff"
    assert palette.delta_e("#000000", "#000000") == 0
    # red against green, as the old page drew them: far apart, close with deuteranopia
    red, green = "#d62728", "#2ca02c"
    assert palette.delta_e(red, green) > 50
    assert palette.delta_e(palette.deuteranopia(red), palette.deuteranopia(green)) < 10
    for a, b in itertools.combinations(palette.PALETTE[:4], 2):
        assert palette.delta_e(palette.deuteranopia(a), palette.deuteranopia(b)) >= 20


def test_auto_range_fits_small_shares():
    lo, hi = charts.auto_range([np.array([0.004, 0.06, np.nan])])
    assert lo == 0 and 0.06 <= hi <= 0.1
    svg = charts.line_chart(
        [charts.Series("a", [0, 1, 2], [0.004, 0.03, 0.06], "#000")],
        "t",
        scale_text=lambda a, b: f"{a:g}-{b:g}",
        name="x",
    )
    assert 'class="samenspel-scale">0-' in svg and "<title>" not in svg  # no slow native tip
    assert 'data-x="" data-names="a"' in svg  # one band over the plot, a column per x
    tips = re.search(r'data-tips="([^"]*)"', svg).group(1).split(";")
    assert tips == ["0|0.004", "1|0.03", "2|0.06"]


def test_compare_curves_and_bars_carry_hover_values_with_their_bands():
    from samenspel.compare import outcome_table, run_comparison, weekly_bands

    comp = run_comparison(["city-baseline", "wijktafels"], 2, weeks=6, workers=1)
    result = compare_job.Result(
        comp, outcome_table(comp), weekly_bands(comp, compare_job.CURVE_GAUGES)
    )
    svg = compare_draw.bands_charts(result)[0]
    names = re.search(r'data-x="week" data-names="([^"]*)"', svg).group(1)
    assert names.split("|")[0].startswith("1 City baseline")
    tips = re.search(r'data-tips="([^"]*)"', svg).group(1).split(";")
    assert len(tips) == 7 and tips[3].startswith("3|")  # weeks 0 to 6
    assert re.fullmatch(r"3\|[\d.]+ \([\d.]+ – [\d.]+\)\|[\d.]+ \([\d.]+ – [\d.]+\)", tips[3])
    bars = compare_draw.bars(result)[0]
    assert re.search(r'data-tip="City baseline[^"]*: [\d.]+ \(', bars)


def test_a_compare_link_carries_own_scenarios_inside_it():
    import base64
    import zlib

    import pandas as pd

    from samenspel.dashboard import compare, own
    from samenspel.scenarios import load_scenario

    base = load_scenario("city-baseline").params()
    mine = own.from_levers({**base, "wijktafels_per_year": 12.0}, "city-baseline", set())
    own.own_scenarios.set({"mine-1": mine})
    result = compare_job.run_compare([mine, compare.load("city-baseline")], 2, 52, 4)
    link = compare.query(result, "en")
    assert link.startswith("scenarios=mine-1,city-baseline&") and "&own=" in link
    assert len(link) < 1500  # fits any address bar
    own.own_scenarios.set({})  # another browser session: it has no such scenario
    assert compare.apply_query("?" + link)
    assert compare.selection.value == ["mine-1", "city-baseline"]
    carried = own.own_scenarios.value["mine-1"]
    assert own.same(carried, mine) and carried.levers["wijktafels_per_year"] == 12.0
    again = compare_job.run_compare([carried, compare.load("city-baseline")], 2, 52, 4)
    pd.testing.assert_frame_equal(again.comp.runs, result.comp.runs)
    other = own.from_levers({**base, "reflection_per_year": 6.0}, "city-baseline", set())
    own.own_scenarios.set({"mine-1": other})  # a session with a mine-1 of its own
    assert compare.apply_query("?" + link)
    assert compare.selection.value == ["mine-2", "city-baseline"]  # the link's, renamed
    assert own.same(own.own_scenarios.value["mine-1"], other)  # its own left as it was
    assert own.same(replace_name(own.own_scenarios.value["mine-2"], "mine-1"), mine)
    own.own_scenarios.set({})
    text = own.to_toml(mine) + "nope = 1\n"  # a lever the model does not know
    forged = base64.urlsafe_b64encode(zlib.compress(text.encode())).decode()
    for bad, says in (
        (link.replace("own=", "own=%25"), "cannot be read (own scenario in the link: not a"),
        (
            link.split("&own=")[0] + "&own=" + forged,
            "mine-1.toml: unknown lever 'nope' in [levers]",
        ),
        (link.split("&own=")[0], "unknown scenario ('mine-1')"),
    ):
        assert not compare.apply_query(bad)
        assert says in compare.link_error.value, compare.link_error.value
        assert "\n" not in compare.link_error.value
        assert own.own_scenarios.value == {}  # a bad link adds nothing
    compare.selection.set(list(compare.DEFAULT_SELECTION))


def replace_name(scenario, name):
    """``scenario`` under another name (as a link's renaming undone)."""
    from dataclasses import replace

    return replace(scenario, name=name, chain=(name, *scenario.chain[1:]))


def test_a_compare_link_carries_scenarios_reference_replicates_weeks_and_seed():
    from samenspel.dashboard import compare

    search = "scenarios=city-baseline,wijktafels,town-baseline&reference=wijktafels"
    assert compare.apply_query(search + "&replicates=3&weeks=52&seed=9&lang=en")
    assert compare.selection.value == ["wijktafels", "city-baseline", "town-baseline"]
    assert (compare.replicates.value, compare.weeks.value, compare.first_seed.value) == (3, 52, 9)
    assert compare.link_error.value == ""
    result = compare_job.run_compare(
        [compare.load(n) for n in compare.selection.value[:2]], 2, 52, 9
    )
    link = compare.query(result, "nl")
    assert link == "scenarios=wijktafels,city-baseline&replicates=2&weeks=52&seed=9&lang=nl"
    compare.selection.set(["city-baseline", "combined-package"])
    assert compare.apply_query("?" + link)
    assert compare.selection.value == ["wijktafels", "city-baseline"]
    assert compare.replicates.value == 2
    assert not compare.apply_query("scenario=wijktafels&seed=1")  # an Explore link
    for bad, says in (
        ("scenarios=city-baseline,nope", "The link names an unknown scenario ('nope')"),
        ("scenarios=city-baseline", "Choose two to four scenarios (now 1)"),
        ("scenarios=city-baseline,wijktafels&replicates=99", "Replicates per scenario: at most"),
        ("scenarios=city-baseline,wijktafels&weeks=53", "choose 52, 104, 156, 260, 520"),
        ("scenarios=city-baseline,wijktafels&seed=-1", "First seed: at least 0"),
    ):
        assert not compare.apply_query(bad)
        assert says in compare.link_error.value
        assert "\n" not in compare.link_error.value
    assert compare.selection.value == ["wijktafels", "city-baseline"]  # a bad link changes nothing
    compare.selection.set(list(compare.DEFAULT_SELECTION))
    compare.restore(result)  # a kept comparison after a reload: its settings
    assert compare.selection.value == ["wijktafels", "city-baseline"]
    assert (compare.replicates.value, compare.weeks.value, compare.first_seed.value) == (2, 52, 9)


def test_learn_cites_the_installed_version():
    import samenspel
    from samenspel.dashboard.learn_text import CREDITS

    assert f"(versie {samenspel.__version__})" in CREDITS.body_nl
    assert f"(version {samenspel.__version__})" in CREDITS.body_en


def test_a_heat_map_says_what_its_colours_mean():
    import pandas as pd

    from samenspel.dashboard.sweeps import heatmap_html

    i18n.lang.set("en")
    table = pd.DataFrame(
        [[0.125, 0.5], [0.25, 0.75]],
        index=pd.Index([0, 12], name="wijktafels_per_year"),
        columns=pd.Index([2, 8], name="coordinator_capacity"),
    )
    html = heatmap_html(table, "share_coproduction")
    legend = html.split('class="samenspel-heat-legend"')[1]
    assert "0.125" in legend and "0.750" in legend and "own scale" in legend
    counts = heatmap_html(table * 10, "late_escalations")  # a count: one decimal
    assert ">1.2</td>" in counts and "7.5</span>" in counts


def test_a_legend_label_too_long_for_its_room_is_drawn_narrower():
    long = charts.Series(
        "felt disagreement (softened by recognition), much too long", [0, 1], [0.2, 0.3], "#000"
    )
    short = charts.Series("short", [0, 1], [0.2, 0.3], "#111")
    svg = charts.line_chart([long], "t", y_range=(0, 1), name="x", width=340)
    room = re.search(r'class="samenspel-legend" textLength="(\d+)"', svg)
    assert room and 27 + int(room.group(1)) <= 340 - 6  # ends inside the chart
    assert "textLength" not in charts.line_chart([short], "t", y_range=(0, 1), name="y")


def test_the_sweeps_page_says_what_is_wrong_with_a_folder_in_its_language(tmp_path):
    from samenspel.dashboard.sweeps import folder_problem

    i18n.lang.set("nl")
    try:
        assert "bestaat niet" in folder_problem(str(tmp_path / "nope"))
        (tmp_path / "a.txt").write_text("x")
        assert "bestand, geen map" in folder_problem(str(tmp_path / "a.txt"))
        assert "geen map met resultaten" in folder_problem(str(tmp_path))
    finally:
        i18n.lang.set("en")
    assert "no such folder" in folder_problem(str(tmp_path / "nope"))
    from samenspel.analyse import FOLDER_PROBLEMS

    assert {f"sweep_{key}" for key in FOLDER_PROBLEMS} <= set(i18n.STRINGS)  # each said


def _in_dutch(exc: Exception) -> str:
    """``exc`` as a Dutch page says it (the page's language back to English after)."""
    from samenspel.dashboard.messages import scenario_message

    i18n.lang.set("nl")
    try:
        return scenario_message(exc)
    finally:
        i18n.lang.set("en")


def test_a_files_name_and_size_are_said_in_dutch_on_a_dutch_page():
    from samenspel.dashboard import own
    from samenspel.scenarios import MAX_FILE_BYTES, ScenarioError

    said = []
    for name, data in (("plan.txt", b""), ("x.toml", b"#" * (MAX_FILE_BYTES + 1))):
        with pytest.raises(ScenarioError) as caught:
            own.load_upload(name, data)
        said.append(_in_dutch(caught.value))
    assert said[0] == "plan.txt: een scenariobestand eindigt op .toml"
    assert said[1].startswith(
        f"x.toml: het bestand is {MAX_FILE_BYTES + 1:,} bytes".replace(",", ".")
    )


def _head(old: str = "", new: str = "") -> str:
    """A valid scenario file's keys up to ``[levers]``, with ``old`` replaced by ``new``."""
    head = (
        'name = "x"\ntitle_en = "x"\ntitle_nl = "x"\ndescription_en = "x"\n'
        'description_nl = "x"\nsource = "x"\nextends = "city-baseline"\n[levers]'
    )
    return head.replace(old, new) if old else head


@pytest.mark.parametrize(
    "text,dutch",
    [
        ('name = "x"', "x.toml: de sleutels 'title_en', 'title_nl', 'description_en', "),
        ('name = "x"\nnaam = 1', "x.toml: onbekende sleutel 'naam'; bedoelt u 'name'?"),
        (
            'name = "x"\ntitle_en = "x"\ntitle_nl = "x"\ndescription_en = "x"\n'
            'description_nl = "x"\nsource = "x"\n',
            "x.toml: de sleutel 'context' ontbreekt; kies een van city, town",
        ),
        ('name = "x', "x.toml: geen geldige TOML (melding van de lezer: "),
        ("LEVERS\nwijktafels_per_yaer = 4", "onbekende knop 'wijktafels_per_yaer' in [levers]; "),
        ("LEVERS\nwijktafels_per_year = -1", "x.toml: Wijktafels per jaar"),
        ('LEVERS\nwijktafels_per_year = "4"', "Wijktafels per jaar moet een getal zijn, zonder"),
        (
            _head('name = "x"', 'name = "mijn-plan"'),
            "x.toml: de sleutel 'name' moet de "
            "bestandsnaam zonder .toml zijn ('x'; kleine letters, cijfers, - en _); gegeven: "
            "'mijn-plan'",
        ),
        (
            _head('extends = "city-baseline"', 'context = "dorp"'),
            "x.toml: de sleutel 'context' moet een van city, town zijn; gegeven: 'dorp'",
        ),
        (_head('source = "x"', 'source = " "'), "x.toml: de sleutel 'source' moet een tekst"),
        ("LEVERS\ncontext = 'town'", "'context' hoort niet onder [levers]; zet context = 'town'"),
        (
            _head('"city-baseline"', '"city-baselin"'),
            "x.toml: 'extends' noemt geen bestaand scenario: 'city-baselin'; bedoelt u "
            "'city-baseline'?",
        ),
        (_head('"city-baseline"', "4"), "x.toml: de sleutel 'extends' moet de naam van een"),
        (_head("[levers]", "levers = 3"), "x.toml: [levers] moet een tabel zijn"),
        (
            _head("", "").replace('title_nl = "x"', 'title_nl = "café"').encode("latin-1"),
            "x.toml: de tekst is niet in UTF-8",
        ),
    ],
    ids=[
        "missing",
        "unknown-key",
        "context",
        "toml",
        "unknown-lever",
        "range",
        "quoted",
        "name",
        "context-value",
        "empty-text",
        "levers-context",
        "extends-unknown",
        "extends-text",
        "levers-table",
        "encoding",
    ],
)
def test_a_scenario_files_mistakes_in_dutch_on_a_dutch_page(text, dutch):
    from samenspel.dashboard import own
    from samenspel.dashboard.messages import scenario_message
    from samenspel.scenarios import ScenarioError

    data = text if isinstance(text, bytes) else text.replace("LEVERS", _head()).encode()
    with pytest.raises(ScenarioError) as caught:
        own.load_upload("x.toml", data)
    english = str(caught.value)
    said = _in_dutch(caught.value)
    assert dutch in said, said
    assert scenario_message(caught.value) == english  # English: the command line's line


def test_a_drawn_frame_lets_play_go_on_after_one_render_pass():
    """Play waits for the page to draw each frame (``Run.shown``): the page must say so.

    It never did, so Play showed a frame only every 5 s (its wait's timeout) whatever the
    speed: 0.4 weeks a second at the default 8. And a week is one render pass of the
    page, not one per reactive value set.
    """
    import solara

    from samenspel.dashboard import explore, session
    from samenspel.scenarios import load_scenario

    current = session.build(load_scenario(session.DEFAULT_SCENARIO).params(), 0)
    session.run.set(current)
    _, rc = solara.render(explore.View(), handle_error=False)
    try:
        for _ in range(3):
            before = explore.View.render_count
            assert session.advance(current, 1)
            assert current.shown.is_set()  # drawn: play goes on at once
            assert explore.View.render_count == before + 1
    finally:
        rc.close()
        session.run.set(None)
        session.frame.set(None)


def test_a_frame_of_the_previous_model_is_never_shown_under_the_new_one():
    """A frame the player drew just before a switch of scenario can arrive after the new
    model's first frame (``session.publish`` sets it without a lock); the page draws the
    session's model instead of showing the old one's week under the new name.
    """
    import ipyvue
    import solara

    from samenspel.dashboard import explore, frame, session
    from samenspel.scenarios import load_scenario

    params = load_scenario(session.DEFAULT_SCENARIO).params()
    old, new = session.build(params, 0), session.build(params, 1)
    for _ in range(3):
        old.model.step()
    session.run.set(new)
    session.frame.set(frame.render(new))
    _, rc = solara.render(explore.View(), handle_error=False)
    try:

        def week_shown() -> str:
            return rc.find(ipyvue.Html, class_="samenspel-week").widget.children[0]

        assert "Week 0" in week_shown()
        session.frame.set(frame.render(old))  # the old model's week 3 slips in
        assert "Week 0" in week_shown() and "Week 3" not in week_shown()
        new.model.step()
        session.publish(new)
        assert "Week 1" in week_shown()
    finally:
        rc.close()
        session.run.set(None)
        session.frame.set(None)


def test_a_week_redraws_the_drawing_not_the_controls_under_the_servers_renderer(monkeypatch):
    """A Step is cheap because a week touches only what it changes (issue 5's 300 ms).

    The server runs reacton's fast renderer (``command.server_env``), which skips
    the parts of the page in which nothing changed; the default one walks and updates
    every widget of the page (90 here) at every week. That only helps while no
    control reads the frame: a toolbar, lever or info button redrawn by a week would
    be updated again, and it could lose the user's click in a played week.
    """
    import reacton.core
    import solara

    from samenspel.dashboard import explore, session
    from samenspel.scenarios import load_scenario

    monkeypatch.setenv("REACTON_FAST", command.server_env(base={})["REACTON_FAST"])
    updated: list[str] = []
    update = reacton.core.Element._update_widget  # reacton's one place to update a widget

    def counted(element, *args, **kwargs):
        updated.append(element.component.widget.__name__)
        return update(element, *args, **kwargs)

    current = session.build(load_scenario(session.DEFAULT_SCENARIO).params(), 0)
    session.run.set(current)
    _, rc = solara.render(explore.Page(), handle_error=False)
    try:
        assert session.advance(current, 1)
        monkeypatch.setattr(reacton.core.Element, "_update_widget", counted)
        assert session.advance(current, 1)
        assert updated, "a week redraws the drawing"
        controls = {"Btn", "Select", "Slider", "TextField", "FileDownloadWidget", "Icon"}
        assert not controls & set(updated), f"a week updated controls: {sorted(updated)}"
    finally:
        rc.close()
        session.run.set(None)
        session.frame.set(None)
