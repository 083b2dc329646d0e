"""benchmarks/ranking_quality.py: titles to roles, postings to pseudo-profiles, and the
figures the README records (on the real postings, when ../shared is beside the clone)."""

from __future__ import annotations

import csv
from pathlib import Path

from benchmarks import ranking_quality as rq

from careercli.catalog.loader import load_catalog
from conftest import SHARED_DATA, needs_shared

CATALOG = load_catalog(use_cache=False)  # at import, before any test sets CAREERCLI_HOME
NAMES = rq._names(CATALOG)
POSTINGS = SHARED_DATA / "job-postings" / "linkedin-2018-ca"


def test_a_title_names_a_role_without_its_seniority_or_location() -> None:
    assert rq.title_role("Senior Data Scientist", NAMES) == "data-scientist"
    assert rq.title_role("Sr. Data Analyst", NAMES) == "data-analyst"
    assert rq.title_role("Data Scientist - San Francisco", NAMES) == "data-scientist"
    assert rq.title_role("Data Analyst II", NAMES) == "data-analyst"
    assert rq.title_role("Big Data Engineer", NAMES) == "data-engineer"  # an alias
    assert rq.title_role("Lead Machine Learning Engineer", NAMES) == "lead-mle"  # its own role first
    assert rq.title_role("Director of Data Science", NAMES) == "head-ds"
    assert rq.title_role("Payments Analyst", NAMES) is None
    assert rq.title_role("Financial Analyst", NAMES) is None


def test_years_come_from_the_title_word_then_the_years_asked() -> None:
    assert rq.posting_years("Data Analyst", 4.0) == 4.0  # the years asked
    assert rq.posting_years("Senior Data Scientist", 2.0) == 6.0  # "Senior" sets a floor
    assert rq.posting_years("Senior Data Scientist", 8.0) == 8.0  # ... that more years raise
    assert rq.posting_years("Data Science Manager", None) == 8.0
    assert rq.posting_years("Director of Data Science", 5.0) == 12.0
    assert rq.posting_years("Data Analyst", None) == rq.DEFAULT_YEARS


def test_linkedins_entry_level_is_counted_against_the_titles() -> None:
    rows = [
        {"title": "Senior Data Scientist", "seniority": "Entry level"},
        {"title": "Data Scientist", "seniority": "Entry level"},
        {"title": "Lead Data Analyst", "seniority": "Mid-Senior level"},
        {"title": "Payments Analyst", "seniority": "Entry level"},
    ]
    assert rq.field_disagreements(rows, NAMES) == (1, 2)


def test_a_posting_becomes_a_pseudo_profile(tmp_path: Path) -> None:
    path = tmp_path / "postings.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["title", "company", "description", "seniority"])
        writer.writeheader()
        writer.writerow({"title": "Senior Data Scientist", "company": "A", "seniority": "Associate",
                         "description": "Requirements: 4+ years of experience with Python and SQL. "
                                        "Master's degree required. Nice to have: Spark."})  # fmt: skip
        writer.writerow(
            {"title": "Payments Analyst", "company": "B", "seniority": "", "description": "Excel"}
        )
    rows = rq.read_postings(tmp_path)
    postings, left_out = rq.pseudo_profiles(rows, CATALOG)
    assert left_out == 1 and len(postings) == 1
    posting = postings[0]
    assert posting.role == "data-scientist"
    assert posting.skills["python"] == rq.REQUIRED_PROFICIENCY
    assert posting.skills["spark"] == rq.PREFERRED_PROFICIENCY
    assert posting.years == 6.0  # "Senior" in the title: at least 6, above the 4 asked
    assert posting.degree == "master"
    result = rq.evaluate(postings, CATALOG, rq.careercli_ranking)
    assert result.n == 1 and 0 <= result.hit1 <= result.hit3 <= 1


def test_a_demand_share_becomes_an_importance() -> None:
    assert [rq.importance_of(x) for x in (0.88, 0.7, 0.69, 0.5, 0.3, 0.1, 0.09, 0.0)] == [
        5,
        5,
        4,
        4,
        3,
        2,
        1,
        1,
    ]


@needs_shared
def test_the_fitted_roles_hold_the_importances_their_demand_gives() -> None:
    """data-scientist, data-analyst and data-engineer: every skill's importance is what its
    share of the tuning half's postings gives (`--demand` shows no "differs")."""
    if not POSTINGS.is_dir():
        import pytest

        pytest.skip("no LinkedIn postings beside this clone")
    postings, _ = rq.pseudo_profiles(rq.read_postings(POSTINGS), CATALOG)
    lines = rq.demand_lines(postings, CATALOG)
    fitted = [line.split()[0] for line in lines if not line.startswith(" ")]
    assert fitted == ["data-scientist", "data-analyst", "data-engineer"], fitted
    assert not [line for line in lines if "differs" in line], lines


@needs_shared
def test_the_readme_figures_hold_on_the_real_postings() -> None:
    """The README records hit@1 0.647 and hit@3 0.901 on 740 postings (held-out half 0.639
    and 0.900); the issue's targets are 0.60 and 0.90. A change that takes either below
    the reached figure (to two decimals) should be a decision, not an accident."""
    if not POSTINGS.is_dir():
        import pytest

        pytest.skip("no LinkedIn postings beside this clone")
    postings, _ = rq.pseudo_profiles(rq.read_postings(POSTINGS), CATALOG)
    result = rq.evaluate(postings, CATALOG, rq.careercli_ranking)
    assert result.n == 740
    assert result.hit1 >= 0.64 and result.hit3 >= 0.90, (result.hit1, result.hit3)
    held = rq.evaluate([p for p in postings if p.order % 2 == 1], CATALOG, rq.careercli_ranking)
    assert held.hit1 >= 0.63 and held.hit3 >= 0.89, (held.hit1, held.hit3)
    baseline = rq.evaluate(postings, CATALOG, rq.overlap_ranking)
    assert result.hit1 > baseline.hit1 and result.hit3 > baseline.hit3


@needs_shared
def test_the_benchmark_meets_the_issues_targets_from_the_command_line() -> None:
    """`benchmarks/ranking_quality.py --min-hit1 0.64 --min-hit3 0.90` (the reached figures;
    the targets are 0.60 and 0.90) exits 0 and prints the held-out half apart."""
    import subprocess
    import sys

    if not POSTINGS.is_dir():
        import pytest

        pytest.skip("no LinkedIn postings beside this clone")
    args = ["--quiet", "--data", str(POSTINGS), "--min-hit1", "0.64", "--min-hit3", "0.90"]
    run = subprocess.run(
        [sys.executable, str(Path(rq.__file__)), *args], check=False, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "held-out half (n 379)" in run.stdout
