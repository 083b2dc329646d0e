"""Jobs without the CLI: the bundled listings, the rate table, filtering, conversion, ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from careercli.catalog.loader import load_catalog
from careercli.catalog.models import Catalog
from careercli.common.currency import load_rates, parse_amount
from careercli.common.errors import DataError, UsageProblem
from careercli.jobs.match import profile_query
from careercli.jobs.model import Job, Salary, all_jobs, find_employment_type, parse_employment_type
from careercli.jobs.query import JobQuery, filter_jobs, match_dict, parse_sort
from careercli.profile.model import Money, Profile

FOUNDING = "occam-ai-founding-ai-engineer-agents"
INTERN = "occam-ai-ai-engineer-intern-agents"
VARA = "vara-ai-research-scientist"
ARCHITECT = "utexas-austin-data-architect"
ETL = "utexas-austin-data-etl-engineer"
LURRA = "lurra-systems-lead-gnss-data-scientist"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(use_cache=False)


@pytest.fixture(scope="module")
def jobs(catalog: Catalog) -> list[Job]:
    return all_jobs(catalog)


def ids(jobs: list[Job], **query: object) -> list[str]:
    return [m.job.id for m in filter_jobs(jobs, JobQuery(**query), load_rates()).matches]  # type: ignore[arg-type]


def test_bundled_jobs_are_the_seed_featured_jobs_exactly(jobs: list[Job]) -> None:
    by_id = {j.id: j for j in jobs}
    assert len(jobs) == 6
    seen = {(j.title, j.company, j.location, j.employment_type, j.level, j.salary, j.role) for j in jobs}
    assert seen == {
        (
            "Founding AI Engineer, Agents",
            "Occam AI",
            "New York",
            ("full-time",),
            "senior",
            Salary(100000, 180000, "USD", "year"),
            "ai-engineer",
        ),
        (
            "AI Engineer Intern, Agents",
            "Occam AI",
            "US",
            ("internship",),
            "entry",
            Salary(60000, 96000, "USD", "year"),
            "ai-engineer",
        ),
        (
            "AI Research Scientist",
            "Vara",
            "Berlin, Germany and Remote",
            ("full-time",),
            "senior",
            Salary(70000, 90000, "EUR", "year"),
            "ai-research-scientist",
        ),
        (
            "Data Architect",
            "University of Texas at Austin",
            "Austin, TX",
            ("full-time",),
            "mid",
            Salary(120000, 138000, "USD", "year"),
            "data-architect",
        ),
        (
            "Data ETL Engineer",
            "University of Texas at Austin",
            "Austin, TX",
            ("full-time",),
            "mid",
            Salary(110000, 125000, "USD", "year"),
            "data-engineer",
        ),
        (
            "Lead GNSS Data Scientist",
            "Lurra Systems",
            "Melbourne",
            ("full-time", "part-time"),
            "mid",
            Salary(70000, 120000, "USD", "year"),
            "data-scientist",
        ),
    }
    assert [j.id for j in jobs if j.remote] == [VARA]
    assert {j.posted for j in jobs} == {"2023-12-06"}
    assert all(j.url is None and j.description == "" for j in jobs)
    assert by_id[ETL].skills == ("etl",)


def test_rate_table_is_dated_sourced_and_plausible() -> None:
    rates = load_rates()
    assert rates.date == "2025-02-28"
    assert "European Central Bank" in rates.source
    for code in ("USD", "EUR", "GBP", "CAD", "AUD", "INR", "CHF", "JPY", "SGD"):
        assert code in rates.rates
    assert rates.convert(100, "EUR", "USD") == pytest.approx(104.11)
    assert rates.convert(100, "USD", "USD") == 100
    assert rates.convert(100, "USD", "XXX") is None
    # plausibility bands for early 2025, USD per unit
    bands = {
        "GBP": (1.2, 1.35),
        "EUR": (1.0, 1.1),
        "CHF": (1.05, 1.2),
        "CAD": (0.66, 0.74),
        "AUD": (0.6, 0.68),
        "SGD": (0.72, 0.78),
        "INR": (0.0110, 0.0120),
        "JPY": (0.0062, 0.0070),
    }
    for code, (low, high) in bands.items():
        assert low < rates.factor(code, "USD") < high, code


def test_level_filter(jobs: list[Job]) -> None:
    assert sorted(ids(jobs, levels=frozenset({"senior"}))) == sorted([FOUNDING, VARA])
    assert sorted(ids(jobs, levels=frozenset({"entry", "senior"}))) == sorted([FOUNDING, VARA, INTERN])


def test_location_matches_at_word_start_and_remote(jobs: list[Job]) -> None:
    assert ids(jobs, locations=("york",)) == [FOUNDING]
    assert ids(jobs, locations=("US",)) == [INTERN]  # not "Austin"
    assert ids(jobs, locations=("remote",)) == [VARA]
    assert sorted(ids(jobs, locations=("Melbourne", "Berlin"))) == sorted([LURRA, VARA])
    assert ids(jobs, remote=True) == [VARA]


def test_type_company_role_and_search(jobs: list[Job]) -> None:
    assert ids(jobs, types=frozenset({"part-time"})) == [LURRA]
    assert ids(jobs, types=frozenset({"internship"})) == [INTERN]
    assert sorted(ids(jobs, company="texas")) == sorted([ARCHITECT, ETL])
    assert sorted(ids(jobs, role="ai-engineer")) == sorted([FOUNDING, INTERN])
    assert ids(jobs, search=("etl",)) == [ETL]
    assert ids(jobs, search=("occam", "intern")) == [INTERN]
    assert ids(jobs, search=("research",)) == [VARA]  # the title, and the skill
    assert ids(jobs, search=("nothing-like-this",)) == []


def test_salary_floor_compares_the_top_of_the_range_after_conversion(jobs: list[Job]) -> None:
    # Vara pays EUR 70K-90K = USD 72,877-93,699 at the table's rate.
    assert VARA in ids(jobs, min_salary=90000.0, currency="USD")
    assert VARA not in ids(jobs, min_salary=100000.0, currency="USD")
    # the top of the range counts, not the bottom: Founding pays 100K-180K
    assert ids(jobs, min_salary=150000.0, currency="USD") == [FOUNDING]
    assert INTERN not in ids(jobs, min_salary=100000.0, currency="USD")  # 96K
    # a floor in euros converts the dollar jobs instead
    assert VARA in ids(jobs, min_salary=90000.0, currency="EUR")  # EUR 90K itself, no conversion
    assert INTERN in ids(jobs, min_salary=92000.0, currency="EUR")  # USD 96K = EUR 92,210
    assert INTERN not in ids(jobs, min_salary=93000.0, currency="EUR")


def test_converted_salary_and_rate_travel_with_the_match(jobs: list[Job]) -> None:
    search = filter_jobs(jobs, JobQuery(currency="USD"), load_rates())
    vara = next(m for m in search.matches if m.job.id == VARA)
    assert vara.salary is not None
    assert (vara.salary.min, vara.salary.max, vara.salary.rate) == (72877, 93699, 1.0411)
    assert search.converted == ["EUR"]
    d = match_dict(vara)
    assert d["salary"] == {"min": 70000, "max": 90000, "currency": "EUR", "period": "year"}
    assert d["salary_converted"]["max"] == 93699
    assert d["salary_converted"]["rate_date"] == "2025-02-28"
    founding = next(m for m in search.matches if m.job.id == FOUNDING)
    assert match_dict(founding)["salary_converted"] is None  # already USD


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def job(job_id: str, **kw: object) -> Job:
    base: dict[str, object] = dict(
        id=job_id,
        title=job_id.title(),
        company="Acme",
        location="Paris",
        remote=False,
        employment_type=("full-time",),
        level="mid",
        salary=None,
        role=None,
        skills=(),
        posted=None,
        url=None,
        source="test",
    )
    base.update(kw)
    return Job(**base)  # type: ignore[arg-type]


def test_jobs_without_a_comparable_salary_are_left_out_by_a_floor_and_counted() -> None:
    pool = [
        job("a"),
        job("b", salary=Salary(90000, None, "XYZ")),
        job("c", salary=Salary(None, 95000, "USD")),
    ]
    search = filter_jobs(pool, JobQuery(min_salary=80000.0), load_rates())
    assert [m.job.id for m in search.matches] == ["c"]
    assert search.no_salary_dropped == 2
    assert [m.job.id for m in filter_jobs(pool, JobQuery(), load_rates()).matches] == ["c", "a", "b"]


def test_hourly_and_monthly_pay_is_annualised() -> None:
    pool = [
        job("h", salary=Salary(50, 60, "USD", "hour")),
        job("m", salary=Salary(5000, 6000, "EUR", "month")),
    ]
    search = filter_jobs(pool, JobQuery(min_salary=100000.0), load_rates())
    got = {m.job.id: m.salary for m in search.matches}
    assert got["h"] is not None and got["h"].max == 124800 and got["h"].annualised
    assert "m" not in got  # EUR 72K a year = USD 74,960


def test_sorting_by_fit_salary_posted_and_title() -> None:
    pool = [
        job("x", role="data-scientist", salary=Salary(1, 100, "USD"), posted="2024-01-01", title="Beta"),
        job("y", role="ml-engineer", salary=Salary(1, 300, "USD"), posted="2024-03-01", title="alpha"),
        job("z", role=None, salary=Salary(1, 200, "USD"), posted=None, title="Gamma"),
        job("w", role="data-scientist", salary=Salary(1, 150, "USD"), posted="2023-01-01", title="Delta"),
    ]
    rates = load_rates()
    fits = {"data-scientist": 80.0, "ml-engineer": 60.0}

    def order(sort: str, with_fits: bool = True) -> list[str]:
        found = filter_jobs(pool, JobQuery(sort=sort), rates, fits if with_fits else None)
        return [m.job.id for m in found.matches]

    assert order("fit") == ["w", "x", "y", "z"]  # equal fit: higher pay first; no role last
    assert order("salary") == ["y", "z", "w", "x"]
    assert order("posted") == ["y", "x", "w", "z"]
    assert order("title") == ["y", "x", "w", "z"]
    assert order("fit", with_fits=False) == order("salary")  # no profile: by pay
    limited = filter_jobs(pool, JobQuery(sort="salary", limit=2), rates)
    assert (len(limited.matches), limited.total) == (2, 4)


def test_parse_sort_amount_currency_and_types() -> None:
    assert parse_sort("Salary") == "salary"
    with pytest.raises(
        UsageProblem, match=r"expected one of fit, salary, posted, title \(did you mean 'salary'"
    ):
        parse_sort("salry")
    assert parse_amount("100K", "--min-salary") == 100000
    assert parse_amount("1.5m", "--min-salary") == 1500000
    assert parse_amount("100,000", "--min-salary") == 100000
    assert parse_amount("0", "--min-salary") == 0
    for bad in ("-1", "abc", "inf", "nan", "", "k", "1e400"):
        with pytest.raises(UsageProblem, match="--min-salary"):
            parse_amount(bad, "--min-salary")
    rates = load_rates()
    assert rates.parse_code("eur") == "EUR"
    assert rates.parse_code("€") == "EUR"
    with pytest.raises(
        UsageProblem, match=r"unknown currency 'EUE'; expected one of .*USD.*did you mean 'EUR'"
    ):
        rates.parse_code("EUE")
    for spelling, kind in [
        ("Full Time", "full-time"),
        ("FT", "full-time"),
        ("full_time", "full-time"),
        ("Part-Time", "part-time"),
        ("Internship", "internship"),
        ("intern", "internship"),
        ("Contractor", "contract"),
        ("freelance", "freelance"),
    ]:
        assert find_employment_type(spelling) == kind
    with pytest.raises(
        UsageProblem, match="expected one of full-time, part-time, contract, internship, freelance"
    ):
        parse_employment_type("gig")


def test_profile_query_uses_level_locations_work_mode_and_floor() -> None:
    rates = load_rates()
    profile = Profile(
        experience_years=9,
        level="senior",
        level_given=True,
        degree="master",
        work_mode="remote",
        locations=("Berlin",),
        min_salary=Money(85000, "EUR"),
    )
    q = profile_query(profile, rates, limit=3)
    assert (q.levels, q.locations, q.remote, q.min_salary, q.currency, q.limit) == (
        frozenset({"senior"}),
        ("Berlin",),
        True,
        85000,
        "EUR",
        3,
    )
    hybrid = profile_query(Profile(1, "entry", False, "bachelor", work_mode="hybrid"), rates)
    assert (hybrid.remote, hybrid.min_salary, hybrid.currency, hybrid.locations) == (False, None, "USD", ())


PACK_JOBS = """\
schema_version: 1
jobs:
  - id: vara-ai-research-scientist
    title: AI Research Scientist (pack)
    company: Vara
    source: my notes
  - id: acme-analyst
    title: Data Analyst
    company: Acme
    employment_type: Full Time
    level: EN
    salary: {max: 60000, currency: gbp}
    role: data-analyst
    source: my notes
"""


def test_a_pack_adds_jobs_and_replaces_bundled_ones(tmp_path: Path, catalog: Catalog) -> None:
    write(tmp_path / "jobs.yaml", PACK_JOBS)
    jobs = all_jobs(catalog, tmp_path)
    by_id = {j.id: j for j in jobs}
    assert len(jobs) == 7
    assert by_id[VARA].title == "AI Research Scientist (pack)"
    assert by_id["acme-analyst"].employment_type == ("full-time",)
    assert by_id["acme-analyst"].level == "entry"
    assert by_id["acme-analyst"].salary == Salary(None, 60000, "GBP", "year")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("role: data-analyst", "role: data-analys", "jobs[1].role: unknown role 'data-analys'"),
        ("level: EN", "level: boss", "jobs[1].level: unknown level 'boss'"),
        (
            "{max: 60000, currency: gbp}",
            "{min: 70000, max: 60000, currency: GBP}",
            "jobs[1].salary.min: 70,000 is above max 60,000",
        ),
        (
            "{max: 60000, currency: gbp}",
            "{max: 60000, currency: pounds}",
            "jobs[1].salary.currency: 'POUNDS' is not a three-letter currency code",
        ),
        (
            "employment_type: Full Time",
            "employment_type: gig",
            "jobs[1].employment_type: unknown employment type 'gig'",
        ),
        (
            "company: Acme",
            "company: Acme\n    posted: last week",
            "jobs[1].posted: 'last week' is not a date",
        ),
        ("    source: my notes\n", "", "jobs[1].source: missing; expected text"),
    ],
)
def test_pack_errors_name_the_file_and_field(
    tmp_path: Path, catalog: Catalog, old: str, new: str, message: str
) -> None:
    head, tail = PACK_JOBS.rsplit(old, 1)
    path = write(tmp_path / "jobs.yaml", head + new + tail)
    with pytest.raises(DataError) as err:
        all_jobs(catalog, tmp_path)
    assert err.value.message.startswith(f"{path}: ")
    assert message in err.value.message


def test_unknown_keys_and_bad_yaml_are_data_errors(tmp_path: Path, catalog: Catalog) -> None:
    write(tmp_path / "jobs.yaml", PACK_JOBS.replace("    source: my notes\n", "    sauce: my notes\n", 1))
    with pytest.raises(DataError, match=r"jobs\[0\].sauce: unknown field \(did you mean 'source'"):
        all_jobs(catalog, tmp_path)
    write(tmp_path / "jobs.yaml", "jobs: [\n")
    with pytest.raises(DataError, match="YAML error"):
        all_jobs(catalog, tmp_path)
