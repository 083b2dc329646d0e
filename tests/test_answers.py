"""Answers files without the CLI: friendly names resolve, each mistake is one clear line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from tests import strategies

from careercli.catalog.loader import load_catalog
from careercli.catalog.models import Catalog
from careercli.common.errors import DataError
from careercli.common.vocab import INTERESTS
from careercli.profile.answers import level_from_years, load_answers, parse_answers, profile_to_answers
from careercli.profile.model import Money, Profile

CATALOG = load_catalog(use_cache=False)  # at import, before any test sets CAREERCLI_HOME
SRC = "answers.yaml"
GOOD = """\
schema_version: 1
experience_years: 9
level: senior
education:
  degree: master
  field: statistics
  mba: false
skills:
  python: 4
  sql: 5
interests:
  investigative: 5
  enterprising: 2
industries: [finance, healthcare]
work_mode: remote
locations: [New York, Remote]
min_salary: {amount: 150000, currency: USD}
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def parse(text: str, catalog: Catalog = CATALOG) -> Profile:
    return parse_answers(yaml.safe_load(text), catalog, SRC)


def error_of(text: str) -> str:
    with pytest.raises(DataError) as info:
        parse(text)
    message = info.value.message
    assert "\n" not in message, message
    assert message.startswith(f"{SRC}: "), message
    assert info.value.exit_code == 1
    return message


def minimal(**changes: Any) -> str:
    data: dict[str, Any] = {"schema_version": 1, "experience_years": 3, "education": {"degree": "bachelor"}}
    data.update(changes)
    return yaml.safe_dump(data, sort_keys=False)


# --- the example of PRODUCT.md ---------------------------------------------------------


def test_product_example_parses() -> None:
    profile = parse(GOOD)
    assert profile == Profile(
        experience_years=9.0,
        level="senior",
        level_given=True,
        degree="master",
        field="statistics",
        mba=False,
        skills={"python": 4, "sql": 5},
        interests={
            "realistic": 3,
            "investigative": 5,
            "artistic": 3,
            "social": 3,
            "enterprising": 2,
            "conventional": 3,
        },
        industries=("finance", "healthcare"),
        work_mode="remote",
        locations=("New York", "Remote"),
        min_salary=Money(150000.0, "USD"),
    )


def test_json_is_yaml_too(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.json",
        '{"schema_version": 1, "experience_years": 2, "education": {"degree": "PhD"}, "skills": {"C++": 3}}',
    )
    profile = load_answers(path, CATALOG)
    assert profile.degree == "phd"
    assert profile.skills == {"cpp": 3}


def test_minimal_file_defaults() -> None:
    profile = parse("experience_years: 0\neducation: {degree: none}\n")
    assert profile.level == "entry"
    assert not profile.level_given
    assert profile.skills == {}
    assert profile.interests == dict.fromkeys(INTERESTS, 3)
    assert profile.industries == ()
    assert profile.work_mode == "any"
    assert profile.min_salary is None


# --- friendly names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelled", "skill"),
    [
        ("C++", "cpp"),
        ("c plus plus", "cpp"),
        ("scikit", "scikit-learn"),
        ("sklearn", "scikit-learn"),
        ("Python", "python"),
        ("PYTHON3", "python"),
        ("R", "r"),
        ("Machine Learning", "machine-learning"),
        ("ML", "machine-learning"),
        ("git", "version-control"),
        ("Power BI", "power-bi"),
        ("k8s", "kubernetes"),
        ("A/B testing", "experimentation"),
    ],
)
def test_skill_names_resolve(spelled: str, skill: str) -> None:
    profile = parse(minimal(skills={spelled: 4}))
    assert profile.skills == {skill: 4}


@pytest.mark.parametrize(
    ("spelled", "degree"),
    [
        ("PhD", "phd"),
        ("Ph.D.", "phd"),
        ("doctorate", "phd"),
        ("MSc", "master"),
        ("masters", "master"),
        ("Master's", "master"),
        ("BSc", "bachelor"),
        ("Bachelors", "bachelor"),
        ("high school", "high-school"),
        ("none", "none"),
    ],
)
def test_degree_spellings_resolve(spelled: str, degree: str) -> None:
    assert parse(minimal(education={"degree": spelled})).degree == degree


def test_degree_shorthand_and_mba() -> None:
    assert parse(minimal(education="PhD")).degree == "phd"
    profile = parse(minimal(education={"degree": "MBA"}))
    assert (profile.degree, profile.mba) == ("master", True)


@pytest.mark.parametrize(
    ("spelled", "level"),
    [
        ("senior", "senior"),
        ("SE", "senior"),
        ("Senior-level / Expert", "senior"),
        ("Senior-level", "senior"),
        ("expert", "senior"),
        ("EN", "entry"),
        ("Junior", "entry"),
        ("Entry-level / Junior", "entry"),
        ("MI", "mid"),
        ("intermediate", "mid"),
        ("Mid-level", "mid"),
        ("EX", "executive"),
        ("Director", "executive"),
        ("Executive-level / Director", "executive"),
    ],
)
def test_level_spellings_resolve(spelled: str, level: str) -> None:
    profile = parse(minimal(level=spelled))
    assert (profile.level, profile.level_given) == (level, True)


@pytest.mark.parametrize(
    ("years", "level"),
    [(0, "entry"), (1.9, "entry"), (2, "mid"), (4.5, "mid"), (5, "senior"), (9.9, "senior"),
     (10, "executive"), (15, "executive"), (60, "executive")],
)  # fmt: skip
def test_level_derives_from_years(years: float, level: str) -> None:
    assert level_from_years(years) == level
    profile = parse(minimal(experience_years=years))
    assert (profile.level, profile.level_given) == (level, False)


def test_interests_industries_and_work_mode_resolve() -> None:
    profile = parse(
        minimal(
            interests={"Investigative": 5, "E": 4},
            industries=["fintech", "Health Care", "finance"],
            work_mode="On-site",
        )
    )
    assert profile.interests["investigative"] == 5
    assert profile.interests["enterprising"] == 4
    assert profile.interests["social"] == 3
    assert profile.industries == ("finance", "healthcare")  # fintech and finance are one industry
    assert profile.work_mode == "onsite"


def test_currency_is_upper_cased() -> None:
    profile = parse(minimal(min_salary={"amount": 0, "currency": "eur"}))
    assert profile.min_salary == Money(0.0, "EUR")


# --- every mistake: one line naming the file, the key and the closest valid names -------


MISTAKES: list[tuple[str, str]] = [
    # (answers text, what the message says after "answers.yaml: ")
    (minimal(skills={"pyhton": 4}), "skills.pyhton: unknown skill 'pyhton' (did you mean 'python'"),
    (minimal(skills={"python": 9}), "skills.python: 9 is out of range; expected 1 to 5"),
    (minimal(skills={"python": 0}), "skills.python: 0 is out of range; expected 1 to 5"),
    (minimal(skills={"python": 4.5}), "skills.python: expected a whole number from 1 to 5, got 4.5"),
    (minimal(skills={"python": "expert"}), "skills.python: expected a whole number from 1 to 5"),
    (
        minimal(skills={"python3": 3, "Python": 4}),
        "skills.Python: 'python3' and 'Python' both name skill 'python'",
    ),
    (minimal(skills=["python"]), "skills: expected a mapping, got a list"),
    (minimal(experience_years=-2), "experience_years: -2 is out of range; expected 0 to 60"),
    (minimal(experience_years=61), "experience_years: 61 is out of range; expected 0 to 60"),
    (minimal(experience_years="ten"), "experience_years: expected a number from 0 to 60, got 'ten'"),
    ("education: {degree: master}\n", "experience_years: missing; expected a number of years"),
    (
        minimal(education={"degree": "bachelour"}),
        "education.degree: unknown degree 'bachelour'; expected one of none, high-school, associate, "
        "bachelor, master, phd (did you mean 'bachelor'?)",
    ),
    (minimal(education={"degree": "doctorat"}), "education.degree: unknown degree 'doctorat'; "),
    (minimal(education={"degree": "masterz"}), "education.degree: unknown degree 'masterz'; "),
    (minimal(education={"field": "statistics"}), "education.degree: missing; expected one of none"),
    (
        minimal(education={"degree": "phd", "feild": "x"}),
        "education.feild: unknown field (did you mean 'field'?)",
    ),
    (minimal(education={"degree": "phd", "mba": "yes"}), "education.mba: expected true or false"),
    ("experience_years: 1\n", "education: missing; expected a mapping"),
    (
        minimal(level="seniour"),
        "level: unknown level 'seniour'; expected one of entry, mid, senior, executive "
        "(did you mean 'senior'",
    ),
    (
        minimal(interests={"investigativ": 5}),
        "interests.investigativ: unknown interest 'investigativ'; expected one of realistic, investigative, "
        "artistic, social, enterprising, conventional (did you mean 'investigative'?)",
    ),
    (minimal(interests={"social": 7}), "interests.social: 7 is out of range; expected 1 to 5"),
    (minimal(interests={"social": 4, "S": 5}), "interests.S: interest 'social' is given twice"),
    (minimal(industries=["fintek"]), "industries[0]: unknown industry 'fintek' (did you mean 'fintech'"),
    (minimal(industries="finance"), "industries: expected a list, got the text 'finance'"),
    (
        minimal(work_mode="remot"),
        "work_mode: unknown work mode 'remot'; expected one of remote, hybrid, onsite, any "
        "(did you mean 'remote'?)",
    ),
    (minimal(min_salary={"amount": -1, "currency": "USD"}), "min_salary.amount: -1 is out of range"),
    (
        minimal(min_salary={"amount": 1, "currency": "dollars"}),
        "min_salary.currency: 'dollars' is not a 3-letter currency code like USD or EUR",
    ),
    (minimal(min_salary={"currency": "USD"}), "min_salary.amount: missing"),
    (minimal(min_salary=150000), "min_salary: expected a mapping, got the number 150000"),
    (
        minimal(min_salary={"amount": 1, "currency": "USD", "period": "year"}),
        "min_salary.period: unknown field",
    ),
    (minimal(skils={"python": 4}), "skils: unknown field (did you mean 'skills' or 'onet_skills'?)"),
    (minimal(schema_version=2), "schema_version: unsupported version 2; expected 1"),
    ("- python\n", "top level: expected a mapping, got a list"),
    ("", "top level: expected a mapping, got nothing"),
]


@pytest.mark.parametrize(("text", "expected"), MISTAKES)
def test_each_mistake_is_one_line(text: str, expected: str) -> None:
    assert error_of(text).startswith(f"{SRC}: {expected}")


@pytest.mark.parametrize(
    ("spelled", "suggested"),
    [
        ("doctorat", "'phd'"),
        ("masterz", "'master'"),
        ("bachelour", "'bachelor'"),
        ("high scool", "'high-school'"),
    ],
)
def test_unknown_degree_suggests_the_closest(spelled: str, suggested: str) -> None:
    assert error_of(minimal(education={"degree": spelled})).endswith(f"(did you mean {suggested}?)")


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.yaml", "experience_years: 3\nskills: {python: 4\neducation: x\n")
    with pytest.raises(DataError) as info:
        load_answers(path, CATALOG)
    assert info.value.message.startswith(f"{path}: line ")
    assert "YAML error" in info.value.message
    assert "\n" not in info.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        load_answers(tmp_path / "nope.yaml", CATALOG)


def test_python_object_tags_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "evil.yaml", "experience_years: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(DataError, match="not allowed"):
        load_answers(path, CATALOG)


# --- round trip -------------------------------------------------------------------------


def test_round_trip_of_the_product_example(tmp_path: Path) -> None:
    profile = parse(GOOD)
    mapping = profile_to_answers(profile)
    assert list(mapping)[:2] == ["schema_version", "experience_years"]
    assert parse_answers(mapping, CATALOG, SRC) == profile
    path = write(tmp_path / "saved.yaml", yaml.safe_dump(mapping, sort_keys=False))
    assert load_answers(path, CATALOG) == profile


def test_derived_level_stays_derived() -> None:
    profile = parse(minimal(experience_years=12))
    mapping = profile_to_answers(profile)
    assert "level" not in mapping
    assert parse_answers(mapping, CATALOG, SRC) == profile


profiles = strategies.profiles(max_skills=8)


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_round_trip_property(profile: Profile) -> None:
    mapping = profile_to_answers(profile)
    assert parse_answers(mapping, CATALOG, SRC) == profile
    # and through YAML text, as --save-answers writes it
    assert parse_answers(yaml.safe_load(yaml.safe_dump(mapping)), CATALOG, SRC) == profile


def test_a_long_value_is_quoted_by_its_start_and_length(tmp_path: Path) -> None:
    """A file that is one long line of text (not YAML answers) is not echoed back whole."""
    path = tmp_path / "notes.yaml"
    path.write_text("x" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_answers(path, CATALOG)
    assert err.value.message == (
        f"{path}: top level: expected a mapping, got the text '{'x' * 60}'…(4,940 more characters)"
    )
