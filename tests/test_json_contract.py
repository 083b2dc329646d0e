"""The JSON keys other tools rely on (PRODUCT.md): pinned, never renamed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CONTRACT_ROLES, Invoke

ROLE_KEYS = {
    "id",
    "title",
    "summary",
    "responsibilities",
    "skills",
    "education",
    "tools",
    "industries",
    "outlook",
    "salary",
    "tips",
}


def test_roles_json_keys(invoke: Invoke) -> None:
    data = json.loads(invoke("roles", "--json").output)
    assert data["schema_version"] == 1
    assert {r["id"] for r in data["roles"]} >= set(CONTRACT_ROLES)
    for role in data["roles"]:
        assert {"id", "title", "level"} <= set(role)


def test_show_json_keys(invoke: Invoke) -> None:
    data = json.loads(invoke("show", "head-ds", "--json").output)
    assert data["schema_version"] == 1
    assert set(data["role"]) >= ROLE_KEYS
    salary = data["role"]["salary"]
    assert {"currency", "n", "percentiles", "by_level", "source"} <= set(salary)


def test_compare_json_keys(invoke: Invoke) -> None:
    data = json.loads(invoke("compare", "head-ds", "lead-mle", "--json").output)
    assert data["schema_version"] == 1
    assert {"roles", "shared", "unique"} <= set(data)
    assert [r["id"] for r in data["roles"]] == ["head-ds", "lead-mle"]
    assert set(data["roles"][0]) >= ROLE_KEYS
    assert set(data["unique"]) == {"head-ds", "lead-mle"}
    assert set(data["shared"]) == {"skills", "tools", "industries"}


def test_a_level_with_too_few_survey_rows_has_n_but_no_percentiles(invoke: Invoke) -> None:
    """head-of-data has one mid-level survey row: n is shown, a 'median' of one salary is not."""
    salary = json.loads(invoke("show", "head-of-data", "--json").output)["role"]["salary"]
    mid = salary["by_level"]["mid"]
    assert mid["n"] == 1 and mid["thin"] is True
    assert [mid[k] for k in ("p10", "p25", "p50", "p75", "p90")] == [None] * 5
    assert salary["by_level"]["executive"]["p50"] > 0


def test_resume_json_keys(invoke: Invoke, tmp_path: Path) -> None:
    cv = tmp_path / "cv.md"
    cv.write_text(
        "Experience\nData Analyst, Acme, Jan 2019 - Mar 2021\n- SQL every day\nEducation\nBSc in Economics\n",
        encoding="utf-8",
    )
    data = json.loads(invoke("resume", str(cv), "--json").output)
    assert data["schema_version"] == 1
    assert {"file", "skills", "education", "experience_years", "title", "level", "warnings"} <= set(data)
    assert {"skill", "proficiency", "evidence"} <= set(data["skills"][0])
    assert {"degree", "field"} <= set(data["education"])
    assert (data["skills"][0]["skill"], data["education"]["degree"], data["experience_years"]) == (
        "sql", "bachelor", 2.2,
    )  # fmt: skip
