"""Fit scoring without the CLI: weights, traceable points, properties, explanations."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests import strategies

from careercli.catalog.loader import load_catalog
from careercli.catalog.models import Interests
from careercli.common.vocab import INTERESTS
from careercli.fit import score as fit
from careercli.fit.plan import plan_steps
from careercli.fit.score import RoleFit, fit_dict, score_role, score_roles
from careercli.profile.answers import parse_answers
from careercli.profile.model import Profile

CATALOG = load_catalog(use_cache=False)  # at import, before any test sets CAREERCLI_HOME
COMPONENTS = ["skills", "experience", "interests", "education", "preferences"]


def person(**changes: object) -> Profile:
    base = Profile(
        experience_years=6,
        level="senior",
        level_given=False,
        degree="master",
        field="computer science",
        skills={"python": 5, "machine-learning": 4, "sql": 3},
        interests=dict.fromkeys(INTERESTS, 3) | {"investigative": 5},
        industries=("technology",),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def points_total(result: RoleFit) -> float:
    return sum(c.points for c in result.components.values())


# --- weights and points ------------------------------------------------------------------


def test_weights_sum_to_one() -> None:
    assert math.isclose(sum(fit.WEIGHTS.values()), 1.0)
    assert list(fit.WEIGHTS) == COMPONENTS


def test_points_sum_to_the_score() -> None:
    for result in score_roles(person(), CATALOG):
        assert list(result.components) == COMPONENTS
        assert abs(points_total(result) - result.score) <= 0.05 + 1e-9
        for c in result.components.values():
            assert math.isclose(c.points, c.weight * c.score * 100)
        # the skill items' points are the skills component's points, skill by skill
        skill_points = sum(i["points"] for i in result.components["skills"].items)
        assert abs(skill_points - result.components["skills"].points) < 0.01 * len(CATALOG.skills)


def test_json_shape() -> None:
    data = fit_dict(score_role(person(), CATALOG.roles["lead-mle"], CATALOG))
    assert {"role", "title", "score", "components", "matched", "gaps"} <= set(data)
    assert data["role"] == "lead-mle"
    for name in COMPONENTS:
        assert {"weight", "score", "points", "detail", "items"} <= set(data["components"][name])
    assert {"skill", "name", "importance", "have", "need"} <= set(data["matched"][0])
    assert {"skill", "name", "importance", "have", "need", "priority"} <= set(data["gaps"][0])
    json.dumps(data)  # plain data only


def test_one_result_per_role_sorted_best_first() -> None:
    results = score_roles(person(), CATALOG)
    assert sorted(r.role for r in results) == sorted(CATALOG.roles)
    assert results == sorted(results, key=lambda r: (-r.score, r.role))


# --- components --------------------------------------------------------------------------


def test_skills_count_proficiency_against_the_level_target() -> None:
    role = CATALOG.roles["data-analyst"]  # entry: target proficiency 3

    def sql_points(level: int) -> float:
        items = score_role(person(skills={"sql": level}), role, CATALOG).components["skills"].items
        return float(next(i["points"] for i in items if i["skill"] == "sql"))

    assert sql_points(3) == sql_points(5) > sql_points(1) > 0
    # weights are importance squared: sql is essential (5) for a data analyst; no must-have
    # is met (data analysis: SQL 1/5 counts for nothing), but the cap does not bind
    total = sum(n.importance**2 for n in role.skills)
    have1 = score_role(person(skills={"sql": 1}), role, CATALOG).components["skills"]
    assert math.isclose(have1.score, 5**2 * (1 / 3) / total)


def test_matched_and_gaps() -> None:
    result = score_role(person(skills={"python": 5, "java": 2}), CATALOG.roles["lead-mle"], CATALOG)
    assert [m.skill for m in result.matched] == ["python", "java"]
    assert all(g.have < g.need for g in result.gaps)
    assert "python" not in {g.skill for g in result.gaps}
    priorities = [g.priority for g in result.gaps]
    assert priorities == sorted(priorities, reverse=True)
    java = next(g for g in result.gaps if g.skill == "java")
    assert (java.have, java.need, java.importance) == (2, 5, 3)
    assert math.isclose(java.priority, 3 * 3 / 5)


def test_a_person_below_the_role_loses_steeply_above_a_little() -> None:
    def experience(level: str, role: str) -> float:
        return score_role(person(level=level), CATALOG.roles[role], CATALOG).components["experience"].score

    assert experience("senior", "lead-mle") == 1.0
    assert experience("executive", "lead-mle") == 0.9
    assert experience("executive", "nlp-engineer") == 0.75  # no survey range: its stated 'mid'
    assert experience("executive", "data-analyst") == 0.9  # hired at entry to senior (survey)
    assert experience("mid", "lead-mle") == 0.5
    assert experience("entry", "head-ds") == 0.0
    # losing a level below costs more than being a level above
    assert 1 - experience("mid", "lead-mle") > 1 - experience("executive", "lead-mle")


def test_education_degree_field_and_mba() -> None:
    role = CATALOG.roles["head-of-data"]  # typical master, minimum bachelor, lists business administration

    def education(**changes: object) -> fit.Component:
        return score_role(person(**changes), role, CATALOG).components["education"]

    assert education(degree="master", field="statistics").score == 1.0
    assert education(degree="bachelor", field="stats").score == pytest.approx(0.7 * fit.MEETS_MINIMUM + 0.3)
    assert education(degree="associate", field="").score == pytest.approx(0.7 * 0.4 + 0.3 * 0.5)
    assert education(degree="high-school", field="").score == pytest.approx(0.7 * 0.2 + 0.3 * 0.5)
    assert education(degree="none", field="").score == pytest.approx(0.3 * 0.5)
    assert education(degree="master", field="history").score == pytest.approx(0.7 + 0.3 * 0.2)
    mba = education(degree="bachelor", field="history", mba=True)
    assert mba.score == 1.0
    assert "MBA" in mba.detail
    # an MBA is a master's degree everywhere, but a field match only for leadership/product roles
    ic = score_role(
        person(degree="bachelor", field="history", mba=True), CATALOG.roles["data-engineer"], CATALOG
    )
    assert ic.components["education"].score == pytest.approx(0.7 + 0.3 * 0.2)


def test_interests_say_what_helped_and_hurt() -> None:
    role = CATALOG.roles["data-product-manager"]  # enterprising stands out
    likes = dict.fromkeys(INTERESTS, 3) | {"enterprising": 5, "realistic": 5}
    c = score_role(person(interests=likes), role, CATALOG).components["interests"]
    assert c.score > 0.5
    by_dim = {i["dimension"]: i for i in c.items}
    assert by_dim["enterprising"]["versus_neutral"] > 0
    assert by_dim["realistic"]["versus_neutral"] < 0  # the role is low on realistic work
    assert by_dim["social"]["versus_neutral"] == 0
    assert by_dim["realistic"]["points"] == 0  # liking 5 what the role lacks earns none of its share
    assert "helped: liking enterprising" in c.detail
    assert "hurt: liking realistic" in c.detail
    dislikes = dict.fromkeys(INTERESTS, 3) | {"artistic": 1}
    c = score_role(person(interests=dislikes), role, CATALOG).components["interests"]
    assert c.detail.startswith("helped: disliking artistic (+0.8); hurt: none")


def test_liking_everything_equally_is_neutral() -> None:
    for level in (1, 3, 5):
        c = score_role(person(interests=dict.fromkeys(INTERESTS, level)), CATALOG.roles["head-ds"], CATALOG)
        assert c.components["interests"].score == pytest.approx(0.5)


def test_role_without_interest_data_is_neutral_and_says_so() -> None:
    role = CATALOG.roles["statistician"]
    bare = role._replace(interests=Interests(role.interests.onet_soc, "", {}))
    c = score_role(person(), bare, CATALOG).components["interests"]
    assert c.score == 0.5
    assert "no interest data" in c.detail
    assert c.items == []


def test_preferences_industries_and_unscored_work_mode() -> None:
    role = CATALOG.roles["quantitative-analyst"]  # finance, insurance, energy, consulting

    def prefs(**changes: object) -> fit.Component:
        return score_role(person(**changes), role, CATALOG).components["preferences"]

    assert prefs(industries=()).score == 0.5
    assert prefs(industries=("finance",)).score == 1.0
    assert prefs(industries=("finance", "media")).score == pytest.approx(0.8)
    assert prefs(industries=("media",)).score == 0.2
    remote = prefs(work_mode="remote")
    assert "work mode not scored" in remote.detail
    assert remote.score == prefs(work_mode="onsite").score


def test_no_skills_no_crash_and_no_executive_on_top() -> None:
    nobody = parse_answers(
        {"experience_years": 0, "education": {"degree": "high-school"}, "skills": {}}, CATALOG, "x"
    )
    results = score_roles(nobody, CATALOG)
    assert all(r.components["skills"].score == 0 for r in results)
    assert all(r.matched == [] for r in results)
    assert results[0].level != "executive"
    assert all(r.level != "executive" for r in results[:5])


# --- plan ----------------------------------------------------------------------------------


def test_plan_steps_follow_the_gaps_with_tips() -> None:
    role = CATALOG.roles["lead-mle"]
    result = score_role(person(skills={"python": 2}), role, CATALOG)
    steps = plan_steps(result, role, CATALOG)
    assert [s["skill"] for s in steps] == [g.skill for g in result.gaps]
    assert [s["rank"] for s in steps] == list(range(1, len(steps) + 1))
    python = next(s for s in steps if s["skill"] == "python")
    assert python["action"] == "Deepen Python from 2/5 to 5/5."
    assert python["about"] == CATALOG.skills["python"].description
    assert python["tips"] == ["Become a strong programmer in languages such as Python, Java and C++."]
    cpp = next(s for s in steps if s["skill"] == "cpp")
    assert cpp["action"].startswith("Learn C++")
    assert cpp["tips"] == python["tips"]
    features = next(s for s in steps if s["skill"] == "feature-engineering")
    assert features["tips"] == ["Learn to preprocess data, engineer features and choose between models."]


def test_plan_is_empty_when_nothing_is_missing() -> None:
    role = CATALOG.roles["data-analyst"]
    everything = {n.skill: 5 for n in role.skills}
    assert plan_steps(score_role(person(skills=everything), role, CATALOG), role, CATALOG) == []


# --- properties ------------------------------------------------------------------------------

SKILL_IDS = sorted(CATALOG.skills)
profiles = strategies.profiles(max_skills=20)


@settings(max_examples=80, deadline=None)
@given(profiles)
def test_scores_stay_within_0_100(profile: Profile) -> None:
    for result in score_roles(profile, CATALOG):
        assert 0 <= result.score <= 100
        for c in result.components.values():
            assert 0 <= c.score <= 1
        assert abs(points_total(result) - result.score) <= 0.05 + 1e-9


@settings(max_examples=80, deadline=None)
@given(profiles, st.sampled_from(SKILL_IDS), st.integers(1, 5))
def test_raising_a_skill_never_lowers_any_score(profile: Profile, skill: str, raise_by: int) -> None:
    before = {r.role: r.score for r in score_roles(profile, CATALOG)}
    have = profile.skills.get(skill, 0)
    raised = dataclasses.replace(profile, skills=profile.skills | {skill: min(5, have + raise_by)})
    for result in score_roles(raised, CATALOG):
        assert result.score >= before[result.role], (result.role, skill)


@settings(max_examples=30, deadline=None)
@given(profiles)
def test_same_answers_same_result(profile: Profile) -> None:
    from careercli.profile.answers import profile_to_answers

    answers = profile_to_answers(profile)
    first = [fit_dict(r) for r in score_roles(parse_answers(answers, CATALOG, "a"), CATALOG)]
    second = [fit_dict(r) for r in score_roles(parse_answers(answers, CATALOG, "a"), CATALOG)]
    assert json.dumps(first) == json.dumps(second)


def test_scoring_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    assert gc.isenabled()
    score_roles(person(), CATALOG)
    assert gc.isenabled()
    gc.disable()
    try:
        score_roles(person(), CATALOG)
        assert not gc.isenabled()
    finally:
        gc.enable()
