"""The JSON keys other tools rely on (PRODUCT.md): pinned, never renamed."""

from __future__ import annotations

import json

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
