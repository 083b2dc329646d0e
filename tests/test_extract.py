"""Skill, years and degree extraction from free text (careercli.extract)."""

from __future__ import annotations

import pytest

from careercli.catalog.loader import load_catalog
from careercli.extract.asks import degrees_asked, least_degree, least_years, years_asked
from careercli.extract.skills import SkillFinder, finder_for

CATALOG = load_catalog()
BACKENDS = ["regex", "ahocorasick"]


@pytest.fixture(params=BACKENDS)
def finder(request: pytest.FixtureRequest) -> SkillFinder:
    return SkillFinder(CATALOG.skills, backend=request.param)


@pytest.mark.parametrize(
    "text",
    [
        "We invest in R&D and R & D.",
        "You will excel at building models and excel in a fast-paced team.",
        "Partner with our go to market and go-to-market teams.",
        "Rotate the SAS tokens of the storage account.",
        "Present to the C-suite and C-level leaders; we raised a Series C.",
        "Ideas that spark innovation.",
        "Compute TF-IDF features.",
    ],
)
def test_ordinary_words_are_not_skills(finder: SkillFinder, text: str) -> None:
    assert [
        m.skill
        for m in finder.find(text)
        if m.skill in {"r", "excel", "go", "sas", "c", "spark", "tensorflow"}
    ] == []


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("Python, R and SAS required.", ["python", "r", "sas"]),
        ("Advanced Excel skills; Microsoft Excel", ["excel", "excel"]),
        ("Languages like C, Go, and Python.", ["c", "go", "python"]),
        ("Experience with k8s and Kubernetes", ["kubernetes", "kubernetes"]),
        ("scikit-learn, sklearn or Scikit Learn", ["scikit-learn"] * 3),
        ("Power BI, PowerBI or power-bi", ["power-bi"] * 3),
        ("C++ and C/C++", ["cpp", "c", "cpp"]),
        ("TensorFlow/Keras", ["tensorflow", "keras"]),
        ("run A/B tests", ["experimentation"]),
        ("build data pipelines and a data pipeline", ["etl", "etl"]),
        ("PythonMinimum 3 years", ["python"]),  # a scraper glued two lines
        ("R, SASExperience with SQLMinimum; SQLite", ["r", "sas", "sql"]),
        ("Operations Research3+ years", ["optimization"]),
    ],
)
def test_usual_spellings(finder: SkillFinder, text: str, skills: list[str]) -> None:
    assert [m.skill for m in finder.find(text)] == skills


def test_mentions_carry_their_evidence(finder: SkillFinder) -> None:
    text = "Must have: SQL. Nice to have: Spark."
    mentions = finder.find(text)
    assert [(m.skill, m.text, text[m.start : m.end], m.requirement) for m in mentions] == [
        ("sql", "SQL", "SQL", "required"),
        ("spark", "Spark", "Spark", "preferred"),
    ]


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        (
            "Python required; Spark, Java, or Go are nice but not required",
            ["required", "preferred", "preferred", "preferred"],
        ),
        ("Preferred Qualifications: Tableau and Looker", ["preferred", "preferred"]),
        ("Experience with Python is a plus", ["preferred"]),
        ("Bonus points for Docker", ["preferred"]),
        ("We use Python every day", [None]),
    ],
)
def test_required_or_preferred(finder: SkillFinder, text: str, marks: list[str | None]) -> None:
    assert [m.requirement for m in finder.find(text)] == marks


def test_backends_agree_on_a_posting() -> None:
    text = (
        "Requirements3+ years of SQL, Python, R or SAS. Strong Excel skills (VBA a plus).Experience with "
        "Spark/Hadoop, AWS (EC2, S3), Docker and k8s. Machine learning, NLP, and A/B testing preferred."
    )
    regex, aho = (SkillFinder(CATALOG.skills, backend=b).find(text) for b in BACKENDS)
    assert regex == aho


def test_a_pack_skill_is_found() -> None:
    from careercli.catalog.models import Skill

    skills = {**CATALOG.skills, "matlab": Skill("matlab", "MATLAB", "programming", ("matlab r2020",), "")}
    assert [m.skill for m in SkillFinder(skills).find("MATLAB or R")] == ["matlab", "r"]


def test_finder_is_memoised_per_catalog() -> None:
    assert finder_for(CATALOG) is finder_for(CATALOG)


def test_years_and_degree_asked() -> None:
    finder = finder_for(CATALOG)
    text = "Requirements: 3+ years of SQL. 5-7 years of experience. Master's required, PhD preferred."
    years = years_asked(text, finder)
    assert [(y.years, y.most, y.skill, y.text) for y in years] == [
        (3, None, "sql", "3+ years of SQL"),
        (5, 7, None, "5-7 years of"),
    ]
    assert least_years(years) is not None and least_years(years).years == 5  # type: ignore[union-attr]
    degrees = degrees_asked(text)
    assert [(d.degree, d.requirement) for d in degrees] == [("master", "required"), ("phd", "preferred")]
    assert least_degree(degrees).degree == "master"  # type: ignore[union-attr]
    assert [d.degree for d in degrees_asked("BS/MS in Computer Science")] == ["bachelor", "master"]
    assert years_asked("Founded 20 years ago; $100 a year") == []


def test_extraction_stays_out_of_start_up() -> None:
    import subprocess
    import sys

    code = "import careercli.extract.skills, sys; print('ahocorasick_rs' in sys.modules, 're' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == "False"


def test_no_cue_word_starts_a_cue_word_of_the_other_kind() -> None:
    # careercli.extract.requirement._cleaned orders cues by place alone: two found at one
    # offset must be of one kind ("must" and "must have"), never "prefer..." and "require...".
    from careercli.extract.requirement import CUE_KIND

    clashes = [(a, b) for a in CUE_KIND for b in CUE_KIND if b.startswith(a) and CUE_KIND[a] != CUE_KIND[b]]
    assert clashes == []


def test_a_required_inside_a_preferred_is_dropped_once_per_place() -> None:
    from careercli.extract.requirement import _cleaned

    cues = [(20, 28, "required"), (0, 4, "required"), (16, 28, "preferred"), (0, 9, "required")]
    assert _cleaned(cues) == [(0, "required"), (16, "preferred")]
