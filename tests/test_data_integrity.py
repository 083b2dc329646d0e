"""The bundled data: every contract role and skill, no empty facet, every figure sourced."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from tests.conftest import CONTRACT_ROLES, ROOT, SHARED_DATA, needs_shared

from careercli.catalog.loader import load_catalog
from careercli.catalog.lookup import find_skill
from careercli.catalog.models import Catalog
from careercli.catalog.role_data import role_dict

CONTRACT_SKILLS = [
    "python",
    "r",
    "sql",
    "java",
    "cpp",
    "scala",
    "statistics",
    "machine-learning",
    "deep-learning",
    "data-analysis",
    "data-visualization",
    "tableau",
    "power-bi",
    "excel",
    "sas",
    "spark",
    "hadoop",
    "tensorflow",
    "keras",
    "pytorch",
    "aws",
    "azure",
    "gcp",
    "docker",
    "kubernetes",
    "mlops",
    "model-deployment",
    "data-preprocessing",
    "feature-engineering",
    "model-selection",
    "software-engineering",
    "version-control",
    "testing",
    "etl",
    "data-modeling",
    "data-warehousing",
    "airflow",
    "nlp",
    "computer-vision",
    "llms",
    "experimentation",
    "research",
    "leadership",
    "people-management",
    "communication",
    "presentation",
    "stakeholder-management",
    "business-acumen",
    "strategy",
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(use_cache=False)


def test_every_contract_role_exists(catalog: Catalog) -> None:
    assert set(CONTRACT_ROLES) <= set(catalog.roles)


def test_every_contract_skill_resolves(catalog: Catalog) -> None:
    for skill in CONTRACT_SKILLS:
        assert find_skill(catalog, skill) == skill
    assert find_skill(catalog, "C++") == "cpp"
    assert find_skill(catalog, "scikit") == "scikit-learn"


@pytest.mark.parametrize("role_id", CONTRACT_ROLES)
def test_no_role_has_an_empty_facet(catalog: Catalog, role_id: str) -> None:
    role = role_dict(catalog, catalog.roles[role_id])
    for facet in ("summary", "responsibilities", "skills", "tools", "industries", "tips", "sources"):
        assert role[facet], f"{role_id}: empty {facet}"
    assert role["education"]["notes"] and role["education"]["fields"]
    assert len(role["interests"]["scores"]) == 6, f"{role_id}: no RIASEC profile"
    outlook = role["outlook"]
    assert outlook["summary"] and outlook["source"] and outlook["date"]
    salary = role["salary"]
    assert salary["source"]["name"] and salary["source"]["licence"]
    assert salary["n"] > 0 or salary["note"], f"{role_id}: no salary and no note saying why"


def test_seed_facts_of_head_ds_and_lead_mle(catalog: Catalog) -> None:
    head, lead = catalog.roles["head-ds"], catalog.roles["lead-mle"]
    assert len(head.responsibilities) == 7
    assert len(lead.responsibilities) == 5
    assert {t.name for t in head.tools} >= {
        "Tableau",
        "Power BI",
        "Hadoop",
        "Spark",
        "R",
        "SAS",
        "TensorFlow",
        "PyTorch",
    }
    assert {t.name for t in lead.tools} >= {
        "Python",
        "Java",
        "C++",
        "TensorFlow",
        "Keras",
        "Hadoop",
        "Spark",
        "AWS",
        "Azure",
    }
    assert set(head.industries) >= {"finance", "healthcare", "retail", "technology", "government"}
    assert set(lead.industries) >= {"technology", "finance", "healthcare", "retail", "manufacturing"}
    head_skills = {n.skill for n in head.skills}
    assert head_skills >= {
        "leadership",
        "people-management",
        "communication",
        "presentation",
        "data-analysis",
        "statistics",
        "machine-learning",
        "business-acumen",
        "strategy",
        "data-visualization",
        "big-data",
    }
    lead_skills = {n.skill for n in lead.skills}
    assert lead_skills >= {
        "python",
        "java",
        "cpp",
        "machine-learning",
        "data-preprocessing",
        "feature-engineering",
        "model-selection",
        "hadoop",
        "spark",
        "deep-learning",
        "tensorflow",
        "keras",
        "software-engineering",
        "version-control",
        "testing",
    }
    for role in (head, lead):
        seed = role.outlook.seed  # the seed's figure, kept as what the article says
        assert seed is not None and seed.growth_pct == 15 and seed.period == "2019-2029"
        assert "as quoted by the seed article" in seed.source
        assert "data scientists" not in seed.summary  # BLS counts data scientists apart
        assert role.outlook.period == "2024-2034" and role.outlook.date == "2025-08-28"
        assert len(role.tips) == 4
    assert any("MBA" in note for note in head.education.notes)
    assert any("Ph.D" in note or "PhD" in note for note in lead.education.notes)


def test_related_roles_are_mutual_enough(catalog: Catalog) -> None:
    for role in catalog.roles.values():
        assert role.id not in role.related


@needs_shared
def test_interest_profiles_match_onet() -> None:
    """The committed profiles are exactly what the script derives from O*NET 29.2."""
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "derive_interests.py"),
            "--check",
            "--onet",
            str(SHARED_DATA / "onet-29.2"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


@needs_shared
def test_data_scientists_profile_spot_check(catalog: Catalog) -> None:
    path = SHARED_DATA / "onet-29.2" / "Interests.txt"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            r
            for r in csv.DictReader(handle, delimiter="\t")
            if r["O*NET-SOC Code"] == "15-2051.00" and r["Scale ID"] == "OI"
        ]
    expected = {r["Element Name"].lower(): float(r["Data Value"]) for r in rows}
    assert catalog.roles["data-scientist"].interests.scores == expected
