"""Scenario library and loader: the files, extends, and validation of bad files."""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.model.params import PARAMS, ParameterError, resolve
from samenspel.scenarios import (
    KEYS,
    SCENARIO_DIR,
    Scenario,
    ScenarioError,
    list_scenarios,
    load_scenario,
)

ROOT = Path(__file__).resolve().parents[1]
PASSAGES = ROOT / "docs" / "sources" / "passages.toml"
_texts = os.environ.get("SAMENSPEL_RESEARCH_TEXTS")
RESEARCH = Path(_texts) if _texts else ROOT.parent / "shared" / "seeds"  # full texts, if any
REQUIRED = (
    "city-baseline",
    "town-baseline",
    "wijktafels",
    "case-reflection",
    "accessibility",
    "accessibility-plus",
    "civil-society",
    "no-governance",
    "hybrid-workers",
    "trained-chairs",
    "caseload-relief",
    "sociale-basis",
    "combined-package",
)
TEXTS = {
    "title_en": "T",
    "title_nl": "T",
    "description_en": "D",
    "description_nl": "D",
    "source": "S",
}


# --- helpers ------------------------------------------------------------------------


def toml_value(v) -> str:
    """A Python value as a TOML value (enough for these tests)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return (
            "nan" if v != v else ("inf" if v == math.inf else "-inf" if v == -math.inf else repr(v))
        )
    if isinstance(v, str):
        return toml_str(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    raise TypeError(v)


def toml_str(text: str) -> str:
    """A TOML basic string (JSON escapes, plus DEL which JSON leaves as is)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_doc(top: dict, levers: dict | None = None) -> str:
    lines = [f"{toml_str(k)} = {toml_value(v)}" for k, v in top.items()]
    if levers is not None:
        lines.append("[levers]")
        lines += [f"{toml_str(k)} = {toml_value(v)}" for k, v in levers.items()]
    return "\n".join(lines) + "\n"


def write(
    folder: Path,
    name: str,
    top: dict | None = None,
    levers: dict | None = None,
    text: str | None = None,
    **extra,
) -> Path:
    path = folder / f"{name}.toml"
    if text is None:
        doc = {"name": name, **TEXTS, "context": "city", **extra} if top is None else top
        text = toml_doc({k: v for k, v in doc.items() if v is not None}, levers)
    path.write_text(text, encoding="utf-8")
    return path


def assert_one_line_error(exc: pytest.ExceptionInfo, path: Path, *parts: str) -> str:
    msg = str(exc.value)
    assert isinstance(exc.value, ScenarioError) and isinstance(exc.value, ParameterError)
    assert "\n" not in msg and "\r" not in msg, msg
    assert msg.startswith(path.name) or str(path) in msg, msg
    for part in parts:
        assert part in msg, f"{part!r} not in {msg!r}"
    return msg


# --- the library --------------------------------------------------------------------


def test_library_has_every_required_scenario_and_they_all_load():
    names = [s.name for s in list_scenarios()]
    assert set(REQUIRED) <= set(names)
    assert names[:2] == ["city-baseline", "town-baseline"]  # baselines first


@pytest.mark.parametrize("name", REQUIRED)
def test_each_scenario_is_complete_and_resolves(name):
    sc = load_scenario(name)
    assert sc.name == name and sc.path == SCENARIO_DIR / f"{name}.toml"
    for text in (sc.title_en, sc.title_nl, sc.description_en, sc.description_nl, sc.source):
        assert text.strip() and "\n" not in text
    assert sc.context in ("city", "town")
    params = sc.params()
    assert params == resolve(params)  # complete and valid
    assert params["context"] == sc.context
    for lever, value in sc.levers.items():
        assert params[lever] == value
    if sc.extends:
        assert sc.own_levers, "a scenario that extends another should change something"
        parent = load_scenario(sc.extends)
        assert any(parent.levers.get(k) != v for k, v in sc.own_levers.items())
    # the description names the values it sets, in both languages
    for lever, value in sc.own_levers.items():
        if isinstance(value, float) and 0 < value < 1:  # the fractions, in digits
            shown = f"{value:g}"
            assert shown in sc.description_en, (lever, shown)
            assert shown.replace(".", ",") in sc.description_nl, (lever, shown)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_each_source_is_a_passage_of_the_research():
    """Runs in every clone: the quoted passages live in docs/sources/passages.toml."""
    passages = tomllib.loads(PASSAGES.read_text(encoding="utf-8"))["passage"]
    texts = {_squash(p["text"]): p for p in passages}
    for sc in list_scenarios():
        assert _squash(sc.source) in texts, (
            f"{sc.name}: its source is not in docs/sources/passages.toml; add the passage "
            "there (verbatim, with the work it comes from)"
        )
        assert sc.name in texts[_squash(sc.source)]["used_by"], sc.name
        assert texts[_squash(sc.source)]["work"] in ("S", "A")


@pytest.mark.skipif(
    not RESEARCH.is_dir(),
    reason="full research texts not available (set SAMENSPEL_RESEARCH_TEXTS to a folder of them)",
)
def test_each_passage_is_a_verbatim_quote_from_the_research():
    research = _squash(" ".join(p.read_text(encoding="utf-8") for p in RESEARCH.glob("*.txt")))
    for passage in tomllib.loads(PASSAGES.read_text(encoding="utf-8"))["passage"]:
        assert _squash(passage["text"]) in research, passage["used_by"]


def test_baselines_are_the_defaults_and_the_context_presets():
    city, town = load_scenario("city-baseline"), load_scenario("town-baseline")
    assert city.levers == {} and town.levers == {}
    assert city.params() == resolve({})
    assert town.params() == resolve({"context": "town"})


def test_one_parameter_set_per_context():
    # scenarios only move policy levers; context traits and mechanism constants stay
    # at the preset (the one exception asked for: no-governance's quiet civil society)
    for sc in list_scenarios():
        for lever in sc.levers:
            group = PARAMS[lever].group
            assert group not in ("mechanism",), (sc.name, lever)
            if group == "context":
                assert (sc.name, lever) == ("no-governance", "civic_activity")


def test_extends_chain_merges_levers():
    chairs = load_scenario("trained-chairs")
    assert chairs.chain == ("trained-chairs", "case-reflection", "city-baseline")
    assert chairs.levers["reflection_per_year"] == 6
    assert chairs.levers["chair_training"] == 0.8
    assert chairs.own_levers == {"chair_training": 0.8}
    nogov = load_scenario("no-governance")
    assert nogov.params()["anonymity"] == resolve({"context": "town"})["anonymity"]
    assert nogov.params()["civic_activity"] == 0.3


def test_load_by_path_and_loaded_scenario_pass_through(tmp_path):
    sc = load_scenario(str(SCENARIO_DIR / "wijktafels.toml"))
    assert sc.levers == {"wijktafels_per_year": 10}
    assert load_scenario(SCENARIO_DIR / "wijktafels.toml") == sc
    assert load_scenario(sc) is sc


def test_child_overrides_parent_and_inherits_context(tmp_path):
    write(tmp_path, "base", levers={"wijktafels_per_year": 4, "goal_clarity": 0.2}, context="town")
    write(tmp_path, "child", levers={"goal_clarity": 0.9}, extends="base", context=None)
    write(
        tmp_path, "grandchild", levers={"chair_training": 1}, extends="child.toml", context="city"
    )
    child = load_scenario(tmp_path / "child.toml")
    assert child.context == "town"
    assert child.levers == {"wijktafels_per_year": 4, "goal_clarity": 0.9}
    grand = load_scenario(tmp_path / "grandchild.toml")
    assert grand.context == "city"
    assert grand.levers == {"wijktafels_per_year": 4, "goal_clarity": 0.9, "chair_training": 1.0}
    assert grand.chain == ("grandchild", "child", "base")


def test_extends_falls_back_to_the_library(tmp_path):
    write(tmp_path, "mine", levers={"chair_training": 0.5}, extends="wijktafels", context=None)
    sc = load_scenario(tmp_path / "mine.toml")
    assert sc.levers == {"wijktafels_per_year": 10, "chair_training": 0.5}
    assert sc.context == "city"


def test_params_overrides_win_and_are_checked():
    sc = load_scenario("wijktafels")
    p = sc.params({"wijktafels_per_year": "20", "context": "town"})
    assert p["wijktafels_per_year"] == 20.0 and p["anonymity"] == 0.2
    with pytest.raises(ParameterError, match=r"^--set: parameter 'goal_clarity'"):
        sc.params({"goal_clarity": "2"})


# --- malformed files ----------------------------------------------------------------

BAD = [
    # (description, file text or (top, levers), substrings of the message)
    ("toml syntax", 'name = "x\n', ["not valid TOML", "line 1"]),
    ("toml duplicate key", 'name = "x"\nname = "x"\n', ["not valid TOML"]),
    ("empty file", "", ["missing keys 'name', 'title_en'", "'source'; each must be"]),
    (
        "unknown top key",
        ({"titel_en": "x"}, None),
        ["unknown key 'titel_en'", "did you mean 'title_en'", "allowed keys: name"],
    ),
    ("missing source", ({"source": None}, None), ["missing key 'source'", "non-empty text"]),
    ("missing context", ({"context": None}, None), ["missing key 'context'", "city, town"]),
    ("empty title", ({"title_nl": "  "}, None), ["key 'title_nl'", "non-empty text", "got '  '"]),
    ("title not text", ({"title_en": 5}, None), ["key 'title_en'", "got 5"]),
    ("bad context", ({"context": "village"}, None), ["key 'context'", "city, town", "'village'"]),
    ("name differs from file", ({"name": "other"}, None), ["key 'name'", "'bad'", "got 'other'"]),
    ("extends not text", ({"extends": 3}, None), ["key 'extends'", "got 3"]),
    (
        "missing parent",
        ({"extends": "no-such-scenario"}, None),
        ["key 'extends'", "no scenario named 'no-such-scenario'", "available:"],
    ),
    ("levers not a table", ({"levers": 3}, None), ["key 'levers'", "table", "got 3"]),
    (
        "unknown lever",
        ({}, {"wijktafel_per_year": 3}),
        ["unknown lever 'wijktafel_per_year'", "did you mean 'wijktafels_per_year'"],
    ),
    ("context as a lever", ({}, {"context": "town"}), ["levers.context", "top level"]),
    (
        "out of range",
        ({}, {"goal_clarity": 1.5}),
        ["parameter 'goal_clarity'", "a number from 0 to 1", "got 1.5"],
    ),
    (
        "negative",
        ({}, {"wijktafels_per_year": -1}),
        ["parameter 'wijktafels_per_year'", "from 0 to 52", "got -1"],
    ),
    ("nan", ({}, {"goal_clarity": math.nan}), ["parameter 'goal_clarity'", "got nan"]),
    (
        "quoted number",
        ({}, {"goal_clarity": "0.5"}),
        ["parameter 'goal_clarity'", "without quotes", "got '0.5'"],
    ),
    (
        "bool for number",
        ({}, {"reflection_safety": True}),
        ["parameter 'reflection_safety'", "got True"],
    ),
    (
        "fraction for integer",
        ({}, {"n_households": 10.5}),
        ["parameter 'n_households'", "an integer", "got 10.5"],
    ),
    (
        "list for number",
        ({}, {"goal_clarity": [0.1, 0.2]}),
        ["parameter 'goal_clarity'", "got a list"],
    ),
    (
        "bad choice",
        ({}, {"hybridisation_model": "anarchy"}),
        ["parameter 'hybridisation_model'", "one of unclear, accessibility", "'anarchy'"],
    ),
    ("number for choice", ({}, {"interplay": 1}), ["parameter 'interplay'", "got 1"]),
]


@pytest.mark.parametrize(("what", "content", "parts"), BAD, ids=[b[0] for b in BAD])
def test_bad_file_gives_one_line_naming_file_key_allowed_and_given(tmp_path, what, content, parts):
    if isinstance(content, str):
        path = write(tmp_path, "bad", text=content)
    else:
        top, levers = content
        doc = {"name": "bad", **TEXTS, "context": "city", **top}
        if "levers" in top:
            path = write(
                tmp_path, "bad", text=toml_doc({k: v for k, v in doc.items() if v is not None})
            )
        else:
            path = write(tmp_path, "bad", top={k: v for k, v in doc.items()}, levers=levers)
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    assert_one_line_error(exc, path, *parts)


def test_levers_as_array_of_tables(tmp_path):
    path = write(
        tmp_path,
        "bad",
        text=toml_doc({"name": "bad", **TEXTS, "context": "city"})
        + "[[levers]]\ngoal_clarity = 0.5\n",
    )
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    assert_one_line_error(exc, path, "key 'levers'", "got a list")


def test_circular_extends(tmp_path):
    write(tmp_path, "a", extends="b", context=None)
    write(tmp_path, "b", extends="c", context=None)
    write(tmp_path, "c", extends="a", context=None)
    write(tmp_path, "selfish", extends="selfish", context=None)
    for name in ("a", "b", "c"):
        with pytest.raises(ScenarioError) as exc:
            load_scenario(tmp_path / f"{name}.toml")
        closing = {"a": "c", "b": "a", "c": "b"}[name]  # the file that closes the cycle
        msg = assert_one_line_error(exc, tmp_path / f"{closing}.toml", "key 'extends'", "cycle")
        assert re.search(rf"cycle: {name} -> (\w -> ){{2}}{name}\)", msg), msg
    with pytest.raises(ScenarioError, match="cycle: selfish -> selfish"):
        load_scenario(tmp_path / "selfish.toml")


def test_error_in_parent_names_the_parent_file(tmp_path):
    write(tmp_path, "parent", levers={"goal_clarity": 7})
    write(tmp_path, "kid", extends="parent", context=None)
    with pytest.raises(ScenarioError) as exc:
        load_scenario(tmp_path / "kid.toml")
    assert_one_line_error(exc, tmp_path / "parent.toml", "parameter 'goal_clarity'")


def test_missing_file_and_unknown_name(tmp_path):
    with pytest.raises(ScenarioError, match="does not exist"):
        load_scenario(tmp_path / "nothing.toml")
    with pytest.raises(ScenarioError, match=r"did you mean 'wijktafels'\?"):
        load_scenario("wijktafel")
    for too_long in ("x" * 5000, "y" * 300 + ".toml"):  # names the file system refuses
        with pytest.raises(ScenarioError) as exc:
            load_scenario(too_long)
        assert "\n" not in str(exc.value) and len(str(exc.value)) < 400


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes('name = "latin"\ntitle_nl = "coördinator"\n'.encode("latin-1"))
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    assert_one_line_error(exc, path, "not UTF-8")


# --- properties (hypothesis) --------------------------------------------------------

PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
plain_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
values_st = st.one_of(
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    plain_text,
    st.lists(st.integers(0, 5), max_size=3),
)


def _load_in(folder: Path, text: str, name: str = "x") -> Scenario:
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


@PROPS
@given(st.text(max_size=200))
def test_any_text_loads_or_fails_with_one_line(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            load_scenario(path)
        except ScenarioError as exc:
            msg = str(exc)
            assert "\n" not in msg and (msg.startswith("x.toml") or str(path) in msg)


@PROPS
@given(key=st.text(min_size=1, max_size=20).filter(lambda k: k not in KEYS), value=values_st)
def test_any_unknown_top_level_key_is_named(key, value):
    doc = toml_doc({"name": "x", **TEXTS, "context": "city", key: value})
    with tempfile.TemporaryDirectory() as tmp, pytest.raises(ScenarioError) as exc:
        _load_in(Path(tmp), doc)
    msg = str(exc.value)
    assert "\n" not in msg and repr(key) in msg and "allowed keys" in msg


@PROPS
@given(lever=st.sampled_from(sorted(set(PARAMS) - {"context"})), value=values_st)
def test_any_lever_value_is_accepted_exactly_when_the_declaration_allows_it(lever, value):
    param = PARAMS[lever]
    try:
        expected = (
            None if (isinstance(value, str) and param.type is not str) else param.check(value)
        )
    except ParameterError:
        expected = None
    doc = toml_doc({"name": "x", **TEXTS, "context": "town"}, {lever: value})
    with tempfile.TemporaryDirectory() as tmp:
        if expected is None:
            with pytest.raises(ScenarioError) as exc:
                _load_in(Path(tmp), doc)
            msg = str(exc.value)
            assert "\n" not in msg and "x.toml: " in msg
            assert f"'{lever}'" in msg and param.allowed() in msg and "got" in msg
        else:
            sc = _load_in(Path(tmp), doc)
            assert sc.levers == {lever: expected}
            assert sc.params()[lever] == expected


@st.composite
def out_of_range(draw):
    name = draw(st.sampled_from([n for n, p in PARAMS.items() if p.low is not None]))
    p = PARAMS[name]
    above = draw(st.booleans())
    offset = draw(st.integers(1, 10**6))
    value = p.high + offset if above else p.low - offset
    return name, (int(value) if p.type is int else float(value))


@PROPS
@given(out_of_range())
def test_out_of_range_values_are_rejected(case):
    lever, value = case
    doc = toml_doc({"name": "x", **TEXTS, "context": "city"}, {lever: value})
    with tempfile.TemporaryDirectory() as tmp, pytest.raises(ScenarioError) as exc:
        _load_in(Path(tmp), doc)
    assert str(exc.value).endswith(
        f"x.toml: parameter '{lever}' must be {PARAMS[lever].allowed()}, got {value!r}"
    )


@st.composite
def valid_levers(draw):
    names = draw(
        st.lists(st.sampled_from(sorted(set(PARAMS) - {"context"})), unique=True, max_size=8)
    )
    out = {}
    for n in names:
        p = PARAMS[n]
        if p.choices:
            out[n] = draw(st.sampled_from(p.choices))
        elif p.type is bool:
            out[n] = draw(st.booleans())
        elif p.type is int:
            out[n] = draw(st.integers(int(p.low), int(min(p.high, 10**6))))
        else:
            out[n] = draw(st.floats(p.low, p.high, allow_nan=False))
    return out


@PROPS
@given(valid_levers(), st.sampled_from(["city", "town"]))
def test_valid_levers_round_trip(levers, context):
    doc = toml_doc({"name": "x", **TEXTS, "context": context}, levers)
    with tempfile.TemporaryDirectory() as tmp:
        sc = _load_in(Path(tmp), doc)
    assert sc.levers == levers and sc.context == context
    assert sc.params() == resolve({"context": context, **levers})


@PROPS
@given(
    parents=st.lists(st.one_of(st.none(), st.integers(0, 5)), min_size=6, max_size=6),
    levers=st.lists(st.floats(0, 1), min_size=6, max_size=6),
)
def test_random_extends_graphs_load_or_report_a_cycle(parents, levers):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, (parent, value) in enumerate(zip(parents, levers, strict=True)):
            write(
                folder,
                f"s{i}",
                levers={"goal_clarity": value, "reflection_safety": value}
                if i % 2
                else {"goal_clarity": value},
                extends=None if parent is None else f"s{parent}",
                context="city" if parent is None else None,
            )
        for i in range(6):
            seen, j = [], i
            while j is not None and j not in seen:
                seen.append(j)
                j = parents[j]
            if j is not None:  # the chain runs into a cycle
                with pytest.raises(ScenarioError, match="cycle") as exc:
                    load_scenario(folder / f"s{i}.toml")
                assert "\n" not in str(exc.value)
                continue
            sc = load_scenario(folder / f"s{i}.toml")
            assert sc.chain == tuple(f"s{k}" for k in seen)
            assert sc.levers["goal_clarity"] == levers[i]
            odd = [k for k in seen if k % 2]
            if odd:
                assert sc.levers["reflection_safety"] == levers[odd[0]]
            else:
                assert "reflection_safety" not in sc.levers


# --- policy over time (schedule) ----------------------------------------------------


def _with_schedule(tmp_path: Path, name: str, schedule_toml: str, **top) -> Path:
    doc = toml_doc({"name": name, **TEXTS, "context": "city", **top}, {})
    return write(tmp_path, name, text=doc + schedule_toml)


def test_pilot_scenario_stops_its_meetings_at_week_157():
    sc = load_scenario("pilot-package")
    assert [c.week for c in sc.schedule] == [157]
    assert sc.schedule[0].levers == {"wijktafels_per_year": 0.0, "reflection_per_year": 0.0}
    assert sc.params()["schedule"] == sc.schedule
    assert sc.levers["wijktafels_per_year"] == 10  # inherited from combined-package


def test_schedule_is_inherited_unless_the_child_has_its_own(tmp_path):
    _with_schedule(tmp_path, "parent", "[[schedule]]\nweek = 10\ngoal_clarity = 0.9\n")
    child = write(tmp_path, "child", extends="parent", context=None)
    assert [c.week for c in load_scenario(child).schedule] == [10]
    own = write(
        tmp_path,
        "own",
        extends="parent",
        context=None,
        text=toml_doc({"name": "own", **TEXTS, "extends": "parent"}, {})
        + "[[schedule]]\nweek = 20\nchair_training = 0.5\n",
    )
    assert [(c.week, c.levers) for c in load_scenario(own).schedule] == [
        (20, {"chair_training": 0.5})
    ]


@pytest.mark.parametrize(
    ("schedule", "parts"),
    [
        ("[[schedule]]\nweek = 0\ngoal_clarity = 0.9\n", ["schedule entry 1", "'week'", "got 0"]),
        ("[[schedule]]\nweek = 5\ngoal_clarty = 0.9\n", ["'goal_clarty'", "did you mean"]),
        ("[[schedule]]\nweek = 5\ninterplay = 'sociale_basis'\n", ["'interplay'", "fixed"]),
        ("[[schedule]]\nweek = 5\nn_households = 10\n", ["'n_households'", "not a lever"]),
        ("[[schedule]]\nweek = 5\ngoal_clarity = 2.0\n", ["'goal_clarity'", "from 0 to 1"]),
        ("[[schedule]]\nweek = 5\n", ["no lever"]),
        (
            "[[schedule]]\nweek = 5\ngoal_clarity = 0.9\n[[schedule]]\nweek = 5\nchair_training = 1\n",
            ["week 5 twice"],
        ),
        ("schedule = 3\n", ["'schedule' must be a list"]),
    ],
)
def test_bad_schedules_give_one_line_errors(tmp_path, schedule, parts):
    if schedule.startswith("schedule ="):
        doc = 'schedule = 3\nname = "bad"\n' + toml_doc({**TEXTS, "context": "city"})
        path = write(tmp_path, "bad", text=doc)
    else:
        path = _with_schedule(tmp_path, "bad", schedule)
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    assert_one_line_error(exc, path, *parts)


def test_the_readme_template_of_an_own_scenario_loads(tmp_path):
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, re.S)
    template = next(b for b in blocks if 'name = "my-scenario"' in b)
    path = tmp_path / "my-scenario.toml"
    path.write_text(template, encoding="utf-8")
    scenario = load_scenario(str(path))
    assert scenario.name == "my-scenario" and scenario.context == "city"
    assert scenario.params()["wijktafels_per_year"] == 12
