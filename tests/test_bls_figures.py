"""The BLS figures in the role files: recomputed from ../shared/data/bls (skipped without
it), shown by show/compare/roles, and every figure group naming its source and date."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.conftest import CONTRACT_ROLES, ROOT, SHARED_DATA, Invoke, needs_shared

from careercli.bls.tables import TOP_CODE_ANNUAL, read_projections, read_wages
from careercli.catalog.loader import load_catalog

BLS = SHARED_DATA / "bls"
FIGURE_GROUPS = ("interests", "outlook", "us_wages", "salary")


def show_json(invoke: Invoke, role: str) -> dict[str, object]:
    result = invoke("show", role, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)["role"]
    assert isinstance(data, dict)
    return data


def test_show_data_scientist_json_has_the_2024_34_projection_and_may_2024_wages(invoke: Invoke) -> None:
    role = show_json(invoke, "data-scientist")
    outlook, wages = role["outlook"], role["us_wages"]
    assert isinstance(outlook, dict) and isinstance(wages, dict)
    assert outlook["period"] == "2024-2034" and outlook["growth_pct"] == 33.5
    assert (outlook["employment_start"], outlook["employment_end"]) == (245_900, 328_300)
    assert outlook["openings_per_year"] == 23_400 and outlook["band"] == "Much faster than average"
    assert outlook["soc"] == "15-2051" and outlook["occupation"] == "Data scientists"
    assert outlook["date"] == "2025-08-28" and "Employment Projections 2024-34" in outlook["source"]
    assert wages["p50"] == 112_590 and wages["year"] == 2024 and wages["soc"] == "15-2051"
    assert {"p10", "p25", "p75", "p90", "mean", "employment", "source"} <= set(wages)


@needs_shared
def test_every_role_s_figures_recompute_from_the_bls_tables() -> None:
    projections = read_projections(BLS / "ep_table_1_2_2024_34.csv")
    wages = read_wages(BLS / "oews_national_M2024.csv")
    catalog = load_catalog(use_cache=False)
    for role_id in CONTRACT_ROLES:
        role = catalog.roles[role_id]
        o, w = role.outlook, role.us_wages
        proj = projections[o.soc]
        assert (o.growth_pct, o.employment_start, o.employment_end) == (
            proj.growth_pct, proj.employment_start, proj.employment_end,
        ), role_id  # fmt: skip
        assert (o.openings_per_year, o.band, o.entry_education) == (
            proj.openings_per_year, proj.band, proj.entry_education,
        ), role_id  # fmt: skip
        assert w is not None and w.soc == o.soc, role_id
        bls = wages[w.soc]
        assert (w.p10, w.p25, w.p50, w.p75, w.p90, w.mean, w.employment) == (
            bls.p10, bls.p25, bls.p50, bls.p75, bls.p90, bls.mean, bls.employment,
        ), role_id  # fmt: skip
        assert w.top_coded == bls.top_coded and w.suppressed == bls.suppressed, role_id


@needs_shared
def test_the_derivation_script_finds_the_committed_figures_current() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "derive_bls.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert f">=${TOP_CODE_ANNUAL:,}" in (BLS / "ep_table_1_2_2024_34.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("role_id", CONTRACT_ROLES)
def test_every_figure_group_of_show_and_compare_names_source_and_date(invoke: Invoke, role_id: str) -> None:
    role = show_json(invoke, role_id)
    other = "data-scientist" if role_id != "data-scientist" else "ml-engineer"
    compared = json.loads(invoke("compare", role_id, other, "--json").output)["roles"][0]
    for data in (role, compared):
        for group in FIGURE_GROUPS:
            figures = data[group]
            assert isinstance(figures, dict), (role_id, group)
            assert figures["source"] and figures["date"], (role_id, group)


def test_seed_figure_is_kept_beside_the_current_one(invoke: Invoke) -> None:
    for role_id in ("head-ds", "lead-mle"):
        outlook = show_json(invoke, role_id)["outlook"]
        assert isinstance(outlook, dict)
        seed = outlook["seed"]
        assert seed["growth_pct"] == 15 and seed["period"] == "2019-2029"
        assert outlook["period"] == "2024-2034" and outlook["growth_pct"] != 15
        text = " ".join(invoke("show", role_id, width=80).output.split())
        assert "Seed article (2020-09-01): +15% over 2019-2029" in text
        assert "includes data scientists" not in text and "takes in data scientists" not in text


def test_top_coded_wages_say_so(invoke: Invoke) -> None:
    wages = show_json(invoke, "head-ds")["us_wages"]
    assert isinstance(wages, dict)
    assert wages["p90"] is None and wages["top_coded"] == ["p90"]
    assert wages["top_code_limit"] == TOP_CODE_ANNUAL
    text = " ".join(invoke("show", "head-ds", width=80).output.split())
    assert "p90 >= $239,200" in text and "p90: top-coded by BLS ($239,200 a year)" in text


def test_views_at_80_columns_show_the_new_rows(invoke: Invoke) -> None:
    roles = invoke("roles", width=80).output
    assert max(len(line) for line in roles.splitlines()) <= 80
    assert "US med" in roles and "Growth" in roles and "+33.5%" in roles
    ranked = invoke("roles", "--sort", "growth", "--json").output
    order = [r["id"] for r in json.loads(ranked)["roles"]]
    growth = [r["outlook"]["growth_pct"] for r in json.loads(ranked)["roles"]]
    assert growth == sorted(growth, reverse=True) and order[0] in ("data-scientist", "applied-scientist")
    by_wage = json.loads(invoke("roles", "--sort", "us-median", "--json").output)["roles"]
    medians = [r["us_wages"]["p50"] for r in by_wage]
    assert medians == sorted(medians, reverse=True)
    bad = invoke("roles", "--sort", "growht")
    assert bad.exit_code == 2 and "did you mean 'growth'" in bad.output
    compare = invoke("compare", "head-ds", "data-scientist", width=80).output
    assert max(len(line) for line in compare.splitlines()) <= 80
    flat = " ".join(compare.split())
    assert "+15.2% over 2024-2034" in flat and "BLS OEWS, May 2024" in flat
    show = invoke("show", "data-scientist", width=80).output
    assert "Jobs: 245.9k -> 328.3k; 23.4k openings a year" in show
    assert "Median $112,590" in show


OUTLOOK_KEYS = {"period", "growth_pct", "employment_start", "employment_end", "openings_per_year",
                "band", "occupation", "soc", "source", "date"}  # fmt: skip
US_WAGES_KEYS = {"p10", "p25", "p50", "p75", "p90", "mean", "employment", "year", "soc", "source"}


@pytest.mark.parametrize("role_id", CONTRACT_ROLES)
def test_outlook_and_us_wages_keys_are_the_contract_s(invoke: Invoke, role_id: str) -> None:
    """PRODUCT.md's keys for role.outlook and role.us_wages, filled for every bundled role."""
    role = show_json(invoke, role_id)
    outlook, wages = role["outlook"], role["us_wages"]
    assert isinstance(outlook, dict) and isinstance(wages, dict)
    assert set(outlook) >= OUTLOOK_KEYS and set(wages) >= US_WAGES_KEYS
    assert all(outlook[k] is not None for k in OUTLOOK_KEYS), role_id
    assert wages["p50"] is not None and wages["year"] == 2024 and wages["soc"] == outlook["soc"]
