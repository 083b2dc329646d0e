"""`careercli jobs` through the CLI runner: filters, errors, JSON, CSV, --for-me, widths."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from careercli.catalog.loader import load_catalog
from careercli.fit.score import score_roles
from careercli.jobs.match import matching_jobs
from careercli.jobs.render import CSV_COLUMNS
from careercli.profile.answers import load_answers

Invoke = Callable[..., Result]  # the `invoke` fixture of conftest.py

SENIOR_ANSWERS = """\
schema_version: 1
experience_years: 9
level: senior
education: {degree: master, field: statistics}
skills: {python: 4, sql: 5, machine-learning: 4, research: 3}
interests: {investigative: 5, enterprising: 2}
work_mode: any
locations: [New York, Remote]
min_salary: {amount: 80000, currency: USD}
"""
REMOTE_EUR_ANSWERS = """\
schema_version: 1
experience_years: 7
level: SE
education: {degree: phd}
skills: {python: 5, deep-learning: 4, research: 5}
work_mode: remote
min_salary: {amount: 85000, currency: EUR}
"""
JOB_KEYS = {
    "id",
    "title",
    "company",
    "location",
    "level",
    "employment_type",
    "remote",
    "salary",
    "role",
    "source",
    "skills",
    "posted",
    "url",
    "description",
    "level_source",
    "fit",
    "salary_converted",
    "skill_evidence",
    "years_asked",
    "degree_asked",
}


def answers_file(tmp_path: Path, text: str = SENIOR_ANSWERS) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def listing(invoke: Invoke, *args: str, width: int = 100) -> str:
    result = invoke("jobs", *args, width=width)
    assert result.exit_code == 0, result.output
    return result.output


def as_json(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke("jobs", *args, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def titles(data: dict[str, Any]) -> list[str]:
    return [j["title"] for j in data["jobs"]]


def test_level_senior_lists_the_senior_seed_jobs_only(invoke: Invoke) -> None:
    out = listing(invoke, "--level", "senior")
    assert "Founding AI Engineer, Agents" in out
    assert "AI Research Scientist" in out
    for absent in ("Intern", "Data Architect", "Data ETL Engineer", "GNSS"):
        assert absent not in out
    assert "2 jobs" in out


@pytest.mark.parametrize(
    "spelling", ["SE", "se", "expert", "Senior-level / Expert", "SENIOR", "Senior-level"]
)
def test_every_level_spelling_gives_the_same_listing(invoke: Invoke, spelling: str) -> None:
    assert listing(invoke, "--level", spelling) == listing(invoke, "--level", "senior")


def test_salary_floor_converts_the_eur_job_and_shows_both_currencies_and_the_rate_date(
    invoke: Invoke,
) -> None:
    # EUR 70K-90K is USD 72,877-93,699 at the ECB rate of 2025-02-28: the top is below 100K ...
    out = listing(invoke, "--min-salary", "100000", "--currency", "USD")
    assert "AI Research Scientist" not in out.split("Below the floor")[0]
    assert "Founding AI Engineer" in out and "Data Architect" in out
    assert "Intern" not in out  # USD 60K-96K
    # ... and above 90K, so a 90K floor keeps it, showing the euro figure and the dollar one.
    out = listing(invoke, "--min-salary", "90000", "--currency", "USD")
    assert "AI Research Scientist" in out
    assert "€70K-90K" in out
    assert "≈$73K-94K" in out
    assert "EUR converted to USD at the ECB reference rate of 2025-02-28 (1 EUR = 1.041 USD)" in out
    assert "top of the range is at least that" in out
    vara = next(j for j in as_json(invoke, "--min-salary", "90K")["jobs"] if j["company"] == "Vara")
    assert vara["salary"] == {"min": 70000, "max": 90000, "currency": "EUR", "period": "year"}
    assert vara["salary_converted"]["max"] == 93699
    assert vara["salary_converted"]["rate_date"] == "2025-02-28"


def test_a_floor_in_another_currency_converts_the_dollar_jobs(invoke: Invoke) -> None:
    out = listing(invoke, "--min-salary", "92000", "--currency", "eur")
    assert "AI Engineer Intern" in out  # USD 96K = EUR 92,210
    assert "USD converted to EUR" in out
    below = listing(invoke, "--min-salary", "93000", "--currency", "EUR")
    assert "AI Engineer Intern" not in below.split("Below the floor")[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--level", "boss"], "--level: unknown level 'boss'; expected one of entry, mid, senior, executive"),
        (
            ["--type", "gig"],
            "--type: unknown employment type 'gig'; expected one of full-time, part-time, "
            "contract, internship, freelance",
        ),
        (["--currency", "EUE"], "--currency: unknown currency 'EUE'; expected one of AUD,"),
        (
            ["--sort", "salry"],
            "--sort: unknown sort key 'salry'; expected one of fit, salary, posted, title "
            "(did you mean 'salary'?)",
        ),
        (["--min-salary", "-5"], "--min-salary: '-5' is negative"),
        (["--min-salary=-100000"], "--min-salary: '-100000' is negative"),
        (["--min-salary", "lots"], "--min-salary: 'lots' is not an amount"),
        (["--min-salary", "nan"], "--min-salary: 'nan' is not an amount"),
        (["--role", "head-d"], "unknown role 'head-d'"),
        (["--for-me"], "--for-me needs a profile: run `careercli quiz`"),
        (["--sort", "fit"], "--sort fit needs a profile"),
        (["--json", "--csv"], "--json and --csv cannot be used together"),
    ],
)
def test_bad_option_values_exit_2_naming_the_valid_values(
    invoke: Invoke, args: list[str], expected: str
) -> None:
    result = invoke("jobs", *args)
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert result.output.startswith("careercli: error: ")
    assert result.output.count("\n") == 1


def test_currency_error_suggests_the_closest_code(invoke: Invoke) -> None:
    result = invoke("jobs", "--currency", "EUE")
    assert "(did you mean 'EUR'?)" in result.output
    for code in ("USD", "EUR", "GBP", "CAD", "AUD", "INR", "CHF", "JPY", "SGD"):
        assert code in result.output


def test_other_filters(invoke: Invoke) -> None:
    assert titles(as_json(invoke, "--type", "Full Time", "--type", "intern", "--sort", "title")) == [
        "AI Engineer Intern, Agents",
        "AI Research Scientist",
        "Data Architect",
        "Data ETL Engineer",
        "Founding AI Engineer, Agents",
        "Lead GNSS Data Scientist",
    ]
    assert titles(as_json(invoke, "--type", "PT")) == ["Lead GNSS Data Scientist"]
    assert titles(as_json(invoke, "--location", "remote")) == ["AI Research Scientist"]
    assert titles(as_json(invoke, "--remote")) == ["AI Research Scientist"]
    assert titles(as_json(invoke, "--location", "austin", "--sort", "title")) == [
        "Data Architect",
        "Data ETL Engineer",
    ]
    assert titles(as_json(invoke, "--role", "ETL Engineer")) == ["Data ETL Engineer"]
    assert titles(as_json(invoke, "--company", "occam", "--search", "agents founding")) == [
        "Founding AI Engineer, Agents"
    ]
    data = as_json(invoke, "--sort", "salary", "--limit", "2")
    assert titles(data) == ["Founding AI Engineer, Agents", "Data Architect"]
    assert (data["count"], data["total"]) == (2, 6)


def test_json_keys_are_pinned(invoke: Invoke) -> None:
    data = as_json(invoke)
    assert set(data) == {
        "schema_version",
        "count",
        "total",
        "sort",
        "currency",
        "no_salary_dropped",
        "exchange_rates",
        "jobs",
    }
    assert data["schema_version"] == 1
    assert len(data["jobs"]) == 6
    for job in data["jobs"]:
        assert set(job) == JOB_KEYS
        assert set(job["salary"]) == {"min", "max", "currency", "period"}
        assert job["fit"] is None
    assert set(data["exchange_rates"]) == {"source", "date", "url", "note"}


def test_csv_parses_with_the_csv_module(invoke: Invoke) -> None:
    result = invoke("jobs", "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == 6
    lurra = next(r for r in rows if r["company"] == "Lurra Systems")
    assert lurra["employment_type"] == "full-time;part-time"
    assert (lurra["salary_min"], lurra["salary_max"], lurra["salary_currency"]) == ("70000", "120000", "USD")
    vara = next(r for r in rows if r["company"] == "Vara")
    assert (vara["compared_max"], vara["compared_currency"], vara["rate_date"]) == (
        "93699",
        "USD",
        "2025-02-28",
    )
    assert next(r for r in rows if r["title"].startswith("Data Architect"))["location"] == "Austin, TX"


def test_for_me_agrees_with_the_quiz_matching_jobs(invoke: Invoke, tmp_path: Path) -> None:
    for text in (SENIOR_ANSWERS, REMOTE_EUR_ANSWERS):
        path = answers_file(tmp_path, text)
        catalog = load_catalog()
        profile = load_answers(path, catalog)
        expected = matching_jobs(profile, score_roles(profile, catalog), catalog, limit=5)
        data = as_json(invoke, "--for-me", "--answers", str(path), "--limit", "5")
        assert data["jobs"] == expected
        assert expected, "the answers should match at least one bundled job"
    # the EUR floor of 85K and remote work leave the Vara job only, unconverted
    assert [j["company"] for j in expected] == ["Vara"]
    assert expected[0]["salary_converted"] is None


def test_for_me_and_the_quiz_see_stored_jobs(invoke: Invoke, tmp_path: Path) -> None:
    """A stored senior, remote job that could pay USD 80K+ reaches both `jobs --for-me` and the quiz."""
    rows = tmp_path / "stored.csv"
    rows.write_text(
        "job_id,title,company,location,salary,job_level,job_type,description\n"
        "s1,Senior Machine Learning Engineer,StoreCo,Remote,$150K-$190K,Mid senior,Full-time,"
        "python models\n",
        encoding="utf-8",
    )
    assert invoke("jobs", "import", str(rows), "--source", "stored").exit_code == 0
    path = answers_file(tmp_path, SENIOR_ANSWERS)
    catalog = load_catalog()
    profile = load_answers(path, catalog)
    expected = matching_jobs(profile, score_roles(profile, catalog), catalog, limit=5)
    data = as_json(invoke, "--for-me", "--answers", str(path), "--limit", "5")
    assert data["jobs"] == expected
    assert "StoreCo" in [j["company"] for j in expected]


def test_for_me_filters_and_ranks_by_fit(invoke: Invoke, tmp_path: Path) -> None:
    path = answers_file(tmp_path)
    data = as_json(invoke, "--for-me", "--answers", str(path))
    # senior, New York or remote, could pay USD 80K
    assert titles(data) == ["AI Research Scientist", "Founding AI Engineer, Agents"]
    fits = [j["fit"] for j in data["jobs"]]
    assert fits == sorted(fits, reverse=True) and all(isinstance(f, float) for f in fits)
    # an option given on the command line wins over the profile's value
    mid_in_austin = as_json(
        invoke, "--for-me", "--answers", str(path), "--level", "mid", "--location", "Austin"
    )
    assert titles(mid_in_austin) == ["Data Architect", "Data ETL Engineer"] or titles(mid_in_austin) == [
        "Data ETL Engineer",
        "Data Architect",
    ]


def test_a_profile_ranks_by_fit_and_shows_a_fit_column(invoke: Invoke, tmp_path: Path) -> None:
    path = answers_file(tmp_path)
    data = as_json(invoke, "--answers", str(path))
    assert data["sort"] == "fit" and len(data["jobs"]) == 6
    fits = [j["fit"] for j in data["jobs"]]
    assert fits == sorted(fits, reverse=True)
    out = listing(invoke, "--answers", str(path), width=80)
    assert out.splitlines()[0].split()[-1] == "Fit"
    assert "Fit: 0-100" in out
    assert f"fits {path}:" in listing(invoke, "--answers", str(path), width=250)


def test_the_saved_profile_is_used(invoke: Invoke, tmp_path: Path, user_home: Path) -> None:
    (user_home / "profile.yaml").write_text(SENIOR_ANSWERS, encoding="utf-8")
    out = listing(invoke, "--for-me")
    assert "Founding AI Engineer" in out and "Data Architect" not in out
    assert "your saved profile" in out


@pytest.mark.parametrize("width", [120, 100, 80, 60, 40])
def test_every_line_fits_the_terminal(invoke: Invoke, tmp_path: Path, width: int) -> None:
    out = listing(invoke, "--answers", str(answers_file(tmp_path)), "--min-salary", "50000", width=width)
    assert max(len(line.rstrip()) for line in out.splitlines()) <= width
    for text in ("Founding AI", "Occam AI", "€70K-90K", "≈$73K-94K"):
        assert text in out
    assert "\x1b[" not in out


def test_table_at_80_columns(invoke: Invoke) -> None:
    out = listing(invoke, "--level", "senior", width=80)
    assert out.splitlines()[0].split() == ["Title", "Location", "Level", "Type", "Salary"]
    assert "Founding AI Engineer," in out and "New York" in out and "senior" in out and "$100K-180K" in out
    wide = listing(invoke, "--level", "senior", width=100)
    assert wide.splitlines()[0].split() == ["Title", "Company", "Location", "Level", "Type", "Salary"]


def test_no_match_is_a_plain_line(invoke: Invoke) -> None:
    assert listing(invoke, "--level", "executive").strip() == "No jobs match those filters."


def test_a_broken_pack_jobs_file_exits_1_naming_file_and_field(invoke: Invoke, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "jobs.yaml").write_text("jobs:\n  - {id: x, title: X, company: Y, source: s, level: boss}\n")
    result = invoke("--data-dir", str(pack), "jobs")
    assert result.exit_code == 1
    assert f"{pack / 'jobs.yaml'}: jobs[0].level: unknown level 'boss'" in result.output
    assert "Traceback" not in result.output


def test_help_has_examples(invoke: Invoke) -> None:
    out = invoke("jobs", "--help").output
    assert "careercli jobs --level senior" in out
    assert "--min-salary" in out and "--for-me" in out


def test_floor_note_names_the_converted_job_it_left_out(invoke: Invoke) -> None:
    out = invoke("jobs", "--min-salary", "100000", "--currency", "USD", width=100).output
    assert "AI Research Scientist" not in out.split("Below the floor")[0]
    note = " ".join(out.split("Below the floor:")[1].split())
    assert note.startswith(
        "AI Research Scientist, €70K-90K ≈ $73K-94K at the ECB reference rate of 2025-02-28"
    )


def test_a_broken_saved_profile_only_stops_listings_that_need_it(invoke: Invoke, user_home: Path) -> None:
    """Plain `jobs` warns and lists without fit; --for-me and --sort fit still exit 1 on it."""
    (user_home / "profile.yaml").write_bytes(b"experience_years: [3\n")
    plain = invoke("jobs", "--json")
    assert plain.exit_code == 0, plain.output
    assert "profile.yaml" in plain.stderr and "listing without fit" in plain.stderr
    data = json.loads(plain.stdout)
    assert data["count"] == 6 and data["sort"] == "salary"
    assert all(j["fit"] is None for j in data["jobs"])
    for args in (("--for-me",), ("--sort", "fit")):
        result = invoke("jobs", *args)
        assert result.exit_code == 1 and "profile.yaml" in result.output, args
