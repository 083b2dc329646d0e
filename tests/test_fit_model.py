"""The fit model's checkable parts: must-have skills, related skills, level ranges, thin
profiles and ties, interest points that add up, plans that skip what you have."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import strategies
from careercli.catalog.loader import load_catalog
from careercli.common.vocab import INTERESTS
from careercli.fit.plan import plan_steps, tips_status
from careercli.fit.score import MUST_CAP, c_index, fit_dict, holland_code, score_role, score_roles
from careercli.fit.warnings import ranking_warnings, tie_ranks
from careercli.profile.model import Profile
from conftest import Invoke, write

CATALOG = load_catalog(use_cache=False)  # at import, before any test sets CAREERCLI_HOME


def person(**changes: object) -> Profile:
    base = Profile(
        experience_years=4,
        level="mid",
        level_given=False,
        degree="master",
        field="computer science",
        skills={
            "python": 5,
            "machine-learning": 5,
            "deep-learning": 5,
            "pytorch": 5,
            "nlp": 5,
            "research": 5,
        },
        interests=dict.fromkeys(INTERESTS, 3) | {"investigative": 5},
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


# --- must-have skills ------------------------------------------------------------------------


def test_every_role_has_a_must_have_skill() -> None:
    for role in CATALOG.roles.values():
        assert any(need.must for need in role.skills), role.id


def test_missing_a_must_have_caps_the_skills_part_and_says_so() -> None:
    role = CATALOG.roles["computer-vision-engineer"]
    nlp = score_role(person(), role, CATALOG).components["skills"]
    assert nlp.score == MUST_CAP
    assert (
        f"capped at {MUST_CAP:.0%}" in nlp.detail and "no Computer vision, the role's must-have" in nlp.detail
    )
    # the skill items still add up to the part's points after the cap
    assert abs(sum(i["points"] for i in nlp.items) - nlp.points) < 1e-9
    with_cv = score_role(person(skills=person().skills | {"computer-vision": 1}), role, CATALOG)
    assert with_cv.components["skills"].score > MUST_CAP
    assert "must-have" not in with_cv.components["skills"].detail


def test_an_nlp_researcher_no_longer_sees_computer_vision_near_the_top() -> None:
    ranked = [f.role for f in score_roles(person(), CATALOG)]
    assert ranked.index("nlp-engineer") < ranked.index("computer-vision-engineer")
    assert "computer-vision-engineer" not in ranked[:4]


# --- related skills --------------------------------------------------------------------------


def test_a_related_skill_earns_partial_credit_and_it_is_shown() -> None:
    profile = person(skills={"tensorflow": 5, "python": 5})
    fit = score_role(profile, CATALOG.roles["ml-engineer"], CATALOG)
    items = {i["skill"]: i for i in fit.components["skills"].items}
    assert (items["pytorch"]["have"], items["pytorch"]["via"], items["pytorch"]["own"]) == (
        3,
        "tensorflow",
        0,
    )
    assert (items["deep-learning"]["have"], items["deep-learning"]["via"]) == (4, "tensorflow")
    # TensorFlow -> deep learning -> machine learning: 5 x 0.8 x 0.8 = 3.2 -> 3
    assert items["machine-learning"]["have"] == 3
    matched = {m.skill: m for m in fit.matched}
    assert matched["pytorch"].via == "tensorflow" and matched["pytorch"].via_have == 5
    from careercli.fit.score import skill_text

    names = {k: s.name for k, s in CATALOG.skills.items()}
    assert skill_text(matched["deep-learning"], names) == "Deep learning 4/5, from your TensorFlow 5/5"


def test_your_own_rating_wins_when_higher_than_a_credit() -> None:
    fit = score_role(person(skills={"tensorflow": 5, "pytorch": 4}), CATALOG.roles["ml-engineer"], CATALOG)
    items = {i["skill"]: i for i in fit.components["skills"].items}
    assert (items["pytorch"]["have"], items["pytorch"]["via"]) == (4, None)


def test_a_plan_builds_on_the_related_skill() -> None:
    role = CATALOG.roles["ml-engineer"]
    fit = score_role(person(skills={"tensorflow": 5}), role, CATALOG)
    step = next(s for s in plan_steps(fit, role, CATALOG) if s["skill"] == "pytorch")
    assert step["via"] == "tensorflow"
    assert step["action"].startswith("PyTorch: close to your TensorFlow 5/5, which counts as 3/5; a week")


@settings(max_examples=60, deadline=None)
@given(strategies.profiles(max_skills=12), st.sampled_from(sorted(CATALOG.links)), st.data())
def test_a_related_skill_never_lowers_a_score(profile: Profile, target: str, data: st.DataObject) -> None:
    link = data.draw(st.sampled_from(CATALOG.links[target]))
    before = {r.role: r.score for r in score_roles(profile, CATALOG)}
    have = data.draw(st.integers(1, 5))
    more = dataclasses.replace(
        profile, skills=profile.skills | {link.source: max(have, profile.skills.get(link.source, 0))}
    )
    for result in score_roles(more, CATALOG):
        assert result.score >= before[result.role], (result.role, link)


def test_the_related_skills_file_is_checked(tmp_path: Path) -> None:
    from careercli.common.errors import DataError

    folder = tmp_path / "data"
    text = "schema_version: 1\nimplies:\n  - {from: pytorhc, to: deep-learning, credit: 0.8}\n"
    write(folder / "related_skills.yaml", text)
    with pytest.raises(DataError) as caught:
        load_catalog(folder, use_cache=False)
    assert "related_skills.yaml: implies[0].from: unknown skill 'pytorhc'" in str(caught.value)
    assert "pytorch" in str(caught.value)


# --- level ranges ----------------------------------------------------------------------------


def test_a_role_spans_the_levels_the_survey_hires_it_at_and_says_so() -> None:
    role = CATALOG.roles["data-scientist"]
    assert role.levels is not None and (role.levels.low, role.levels.high) == ("mid", "senior")
    exp = score_role(person(level="senior", experience_years=7), role, CATALOG).components["experience"]
    assert exp.score == 1.0
    assert "within the role's 'mid' to 'senior'" in exp.detail
    assert "aijobs.net salary survey" in exp.detail
    # a role the survey says too little about keeps its stated level alone
    assert CATALOG.roles["lead-mle"].levels is None


def test_a_doctorate_counts_toward_experience_for_research_roles_only() -> None:
    phd = person(degree="phd", experience_years=1, level="entry")
    research = score_role(phd, CATALOG.roles["ai-research-scientist"], CATALOG).components["experience"]
    assert research.score == 1.0 and "+ 3 for your doctorate" in research.detail
    other = score_role(phd, CATALOG.roles["ml-engineer"], CATALOG).components["experience"]
    assert other.score < 1.0


def test_the_committed_level_ranges_are_what_the_script_derives() -> None:
    import subprocess
    import sys

    from conftest import SHARED_DATA

    survey = SHARED_DATA / "aijobs-salaries"
    if not (survey / "salaries.csv").is_file():
        pytest.skip("needs ../shared/data/aijobs-salaries")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, str(root / "scripts" / "derive_levels.py"), "--data", str(survey), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


# --- interests -------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(strategies.profiles(max_skills=5))
def test_interest_points_add_up_per_dimension_for_every_role(profile: Profile) -> None:
    for fit in score_roles(profile, CATALOG):
        part = fit_dict(fit)["components"]["interests"]
        if part["items"]:
            assert abs(sum(i["points"] for i in part["items"]) - part["points"]) <= 0.01 * 6
            assert all(0 <= i["points"] <= i["share"] + 1e-9 for i in part["items"])
        for c in fit.components.values():
            assert "-0.0" not in c.detail and "+0.0" not in c.detail, c.detail


def test_c_index_follows_brown_and_gore() -> None:
    # same code: 3x3 + 2x3 + 1x3 = 18; the opposite letter (R-S, I-E, A-C) at each place: 0
    assert c_index("ICR", "ICR")["c_index"] == 18
    assert c_index("EAS", "ICR")["c_index"] == 0
    # I vs I (3), S vs C (alternate: 1), E vs R (alternate: 1): 9 + 2 + 1
    assert c_index("ISE", "ICR")["c_index"] == 12
    # the role's code is its three highest O*NET values, in order
    fit = score_role(person(interests=dict(zip(INTERESTS, (1, 5, 1, 3, 4, 2), strict=True))),
                     CATALOG.roles["data-scientist"], CATALOG)  # fmt: skip
    congruence = fit_dict(fit)["components"]["interests"]["congruence"]
    assert congruence["you"] == "IES" and len(congruence["role"]) == 3
    assert "Brown & Gore 1994" in congruence["text"]
    likes = tuple(dict.fromkeys(INTERESTS, 3).values())
    assert holland_code(likes) == ""  # all neutral: no code stands out


# --- thin profiles and ties ------------------------------------------------------------------

BLANK = "schema_version: 1\nexperience_years: 0\neducation: {degree: bachelor}\nskills: {}\n"


def test_a_blank_answers_file_warns_before_the_table_and_in_json(invoke: Invoke, tmp_path: Path) -> None:
    answers = write(tmp_path / "blank.yaml", BLANK)
    text = invoke("quiz", "--answers", str(answers), "--no-save")
    assert text.exit_code == 0, text.output
    flat = " ".join(text.output.split())
    assert "Note: You rated no skills: this ranking rests on level, education and interests alone" in flat
    assert flat.index("You rated no skills") < flat.index("Role Score")
    assert "1= bi-analyst" in flat and "1= data-analyst" in flat  # a tie shown as a tie
    data = json.loads(invoke("quiz", "--answers", str(answers), "--no-save", "--json").output)
    assert any(w.startswith("You rated no skills") for w in data["warnings"])
    assert any("tie at" in w for w in data["warnings"])
    assert [r["rank"] for r in data["results"][:2]] == [1, 1]


def test_a_full_profile_has_no_warnings() -> None:
    profile = person(interests=dict(zip(INTERESTS, (2, 5, 1, 3, 4, 2), strict=True)))
    fits = score_roles(profile, CATALOG)
    assert ranking_warnings(profile, fits, 10) == [] or all(
        "tie" in w for w in ranking_warnings(profile, fits, 10)
    )
    assert tie_ranks(fits)[0] == 1


def test_few_skills_warn_too() -> None:
    profile = person(skills={"sql": 4})
    warnings = ranking_warnings(profile, score_roles(profile, CATALOG), 10)
    assert warnings[0].startswith("You rated only 1 skill:")


# --- plans -----------------------------------------------------------------------------------


def test_a_phd_statistician_is_not_told_to_learn_data_analysis() -> None:
    phd = person(degree="phd", skills={"statistics": 5, "r": 5, "presentation": 4, "communication": 4})
    role = CATALOG.roles["data-analyst"]
    steps = plan_steps(score_role(phd, role, CATALOG), role, CATALOG)
    asked = {s["skill"] for s in steps}
    assert "data-analysis" not in asked and "communication" not in asked


def test_no_step_asks_for_what_you_have_at_the_target() -> None:
    for role in CATALOG.roles.values():
        fit = score_role(person(), role, CATALOG)
        have = {i["skill"]: i for i in fit.components["skills"].items}
        for step in plan_steps(fit, role, CATALOG):
            assert have[step["skill"]]["have"] < have[step["skill"]]["need"], (role.id, step)


def test_tips_already_met_are_marked_done() -> None:
    analyst = person(skills={"sql": 4, "excel": 4})
    role = CATALOG.roles["data-analyst"]
    tips = tips_status(score_role(analyst, role, CATALOG), role, CATALOG)
    sql_tip = next(t for t in tips if "SQL and spreadsheets" in t["tip"])
    assert sql_tip["done"] and set(sql_tip["skills"]) == {"sql", "excel"}
    assert re.search(r"SQL 4/5.*Excel 4/5|Excel 4/5.*SQL 4/5", sql_tip["why"])
    from careercli.fit.render import next_steps

    fit = score_role(analyst, role, CATALOG)
    assert not any(
        "SQL and spreadsheets" in line for line in next_steps(plan_steps(fit, role, CATALOG), tips)
    )


def test_a_tip_is_done_only_when_each_thing_it_asks_is_met() -> None:
    """A choice between substitutes ("Tableau or Power BI") needs one of them; two different
    skills ("a cloud ML platform" and machine learning) need both."""
    role = CATALOG.roles["ml-engineer"]
    ml = person(skills={"machine-learning": 5, "python": 5})
    tips = {t["tip"][:20]: t for t in tips_status(score_role(ml, role, CATALOG), role, CATALOG)}
    assert not tips["Learn one cloud ML p"]["done"]  # no cloud computing yet
    analyst = CATALOG.roles["data-analyst"]
    bi = person(skills={"power-bi": 4, "data-visualization": 4})
    done = {t["tip"][:20]: t["done"] for t in tips_status(score_role(bi, analyst, CATALOG), analyst, CATALOG)}
    assert done["Learn one BI tool, T"]  # Power BI stands for Tableau
