"""`jobs import`: real-shaped files, every row accounted for, bad files refused cleanly."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import SHARED_DATA, needs_shared
from typer.testing import Result

from careercli.catalog.loader import load_catalog
from careercli.common.errors import CareerError
from careercli.jobs.importer import read_file
from careercli.jobs.record import RowMaker, html_to_text, infer_level, parse_date

Invoke = Callable[..., Result]
FIXTURES = Path(__file__).parent / "fixtures" / "jobs"


def imported(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke("jobs", "import", *args, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    for f in data["files"]:
        assert f["rows"] == f["imported"] + f["duplicates"] + len(f["rejected"])
    return data


def stored(invoke: Invoke, *args: str) -> dict[str, dict[str, Any]]:
    result = invoke("jobs", *args, "--json")
    assert result.exit_code == 0, result.output
    return {j["title"]: j for j in json.loads(result.output)["jobs"]}


def test_glassdoor_csv(invoke: Invoke) -> None:
    (f,) = imported(invoke, str(FIXTURES / "glassdoor.csv"))["files"]
    assert (f["rows"], f["imported"], f["duplicates"]) == (5, 3, 1)
    assert f["rejected"] == [{"row": 4, "reason": "no title"}]
    jobs = stored(invoke, "--search", "healthfirst")
    job = jobs["Senior Data Scientist"]
    assert job["company"] == "Healthfirst"  # the rating after the newline is gone
    assert job["salary"] == {"min": 111000, "max": 181000, "currency": "USD", "period": "year"}
    assert job["description"] == "Build models in Python & SQL.\nSpark"
    assert job["level"] == "senior" and job["role"] == "data-scientist"
    head = stored(invoke, "--company", "acme analytics")["Head of Data"]
    assert head["salary"] is None and head["level"] == "executive" and head["remote"] is True


def test_linkedin_csv(invoke: Invoke) -> None:
    (f,) = imported(invoke, str(FIXTURES / "linkedin.csv"))["files"]
    assert (f["imported"], f["duplicates"], f["rejected"]) == (3, 1, [])  # same job_link twice
    jobs = stored(invoke, "--company", "acme")
    ml = jobs["Machine Learning Engineer"]
    assert ml["posted"] == "2024-01-13" and ml["remote"] is True and ml["role"] == "ml-engineer"
    assert ml["url"].startswith("https://www.linkedin.com/jobs/view/")
    intern = jobs["Data Analyst Intern"]
    assert intern["posted"] is None and intern["level"] == "entry"  # 13/45/2024 is no date


def test_google_jobs_csv_with_currency(invoke: Invoke) -> None:
    imported(invoke, str(FIXTURES / "google_jobs.csv"), "--currency", "USD")
    jobs = stored(invoke, "--search", "analyst")
    assert jobs["Data Analyst"]["salary"] == {"min": 70000, "max": 75000, "currency": "USD", "period": "year"}
    assert jobs["Data Analyst"]["skills"] == ["sql", "tableau", "excel"]
    junior = jobs["Junior Data Analyst"]
    assert junior["salary"]["period"] == "hour" and junior["salary_converted"]["annualised"] is True
    assert junior["salary_converted"]["max"] == 70 * 2080
    assert junior["employment_type"] == ["contract"] and junior["remote"] is True
    assert jobs["Senior BI Analyst"]["employment_type"] == ["full-time", "part-time"]
    assert jobs["Senior BI Analyst"]["salary"] is None  # "competitive"


def test_salary_without_currency_stays_empty(invoke: Invoke) -> None:
    result = invoke("jobs", "import", str(FIXTURES / "google_jobs.csv"))
    assert result.exit_code == 0
    assert (
        "2 salaries named no currency and stayed empty; --currency CODE reads them (importing the "
        "file again with it fills them in)."
    ) in result.output
    assert stored(invoke, "--search", "chloeta")["Data Analyst"]["salary"] is None
    again = imported(invoke, str(FIXTURES / "google_jobs.csv"), "--currency", "USD")
    assert again["salaries_filled"] == 2 and again["files"][0]["duplicates"] == 3
    assert stored(invoke, "--search", "chloeta")["Data Analyst"]["salary"]["currency"] == "USD"
    shown = invoke("jobs", "import", str(FIXTURES / "google_jobs.csv"), "--currency", "USD").output
    assert "salaries filled" not in shown  # nothing left to fill


def test_remotive_and_arbeitnow_json(invoke: Invoke) -> None:
    data = imported(invoke, str(FIXTURES / "remotive.json"), str(FIXTURES / "arbeitnow.json"))
    remotive, arbeitnow = data["files"]
    assert (remotive["source"], remotive["imported"], remotive["rejected"]) == (
        "remotive",
        2,
        [{"row": 3, "reason": "no title"}],
    )
    assert (arbeitnow["source"], arbeitnow["imported"]) == ("arbeitnow", 2)
    jobs = stored(invoke, "--remote")
    eng = jobs["Senior Data Engineer"]
    assert eng["posted"] == "2026-07-09" and eng["id"] == "remotive-1001"
    assert eng["source"] == "Remotive (https://remotive.com)"
    assert eng["description"] == "We move data.\nPython & Airflow."
    analyst = jobs["Junior Data Analyst"]
    assert analyst["posted"] == "2024-07-08"  # created_at 1720425600, Unix seconds
    assert analyst["employment_type"] == ["part-time", "internship"]
    assert analyst["level"] == "entry"


def test_json_lines_and_tsv_with_map(invoke: Invoke) -> None:
    (f,) = imported(invoke, str(FIXTURES / "jobs.jsonl"))["files"]
    assert [r["row"] for r in f["rejected"]] == [3, 4, 5]
    assert f["rejected"][0]["reason"] == "not an object"
    assert f["rejected"][1]["reason"].startswith("not valid JSON")
    maps = ["--map", "title=Position", "--map", "company=Employer", "--map", "salary=Pay"]
    (t,) = imported(invoke, str(FIXTURES / "jobs.tsv"), *maps)["files"]
    assert t["imported"] == 2
    stat = stored(invoke, "--company", "gov")["Statistician"]
    assert stat["salary"]["currency"] == "CAD" and stat["role"] == "statistician"


def test_reimport_adds_nothing(invoke: Invoke) -> None:
    files = [str(FIXTURES / n) for n in ("glassdoor.csv", "remotive.json", "jobs.jsonl")]
    imported(invoke, *files)
    again = imported(invoke, *files)
    assert all(f["imported"] == 0 for f in again["files"])


def test_unknown_map_field_exits_2(invoke: Invoke) -> None:
    result = invoke("jobs", "import", str(FIXTURES / "jobs.tsv"), "--map", "salry=Pay")
    assert result.exit_code == 2
    assert "unknown field 'salry'; expected one of title, company" in result.output
    assert "did you mean 'salary'" in result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "the file is empty"),
        ("blob.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary content"),
        ("cut.json", b'{"jobs": [{"title": "Data', "not valid JSON"),
        ("latin.csv", "title\nCaf\xe9 Analyst\n".encode("latin-1"), "line 2: byte 9 is not UTF-8"),
        ("nolist.json", b'{"count": 3}', "no list of jobs found"),
        ("untitled.csv", b"name,pay\nx,1\n", "no title column"),
    ],
)
def test_unreadable_file_exits_1_and_store_unchanged(
    invoke: Invoke, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    imported(invoke, str(FIXTURES / "remotive.json"))
    bad = tmp_path / name
    bad.write_bytes(content)
    result = invoke("jobs", "import", str(FIXTURES / "arbeitnow.json"), str(bad))
    assert result.exit_code == 1
    assert f"{bad}: {message}" in result.output
    assert "Traceback" not in result.output
    sources = json.loads(invoke("jobs", "sources", "--json").output)["sources"]
    assert [(s["source"], s["jobs"]) for s in sources] == [("remotive", 2)]


def test_rejects_file_csv_and_jsonl(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "rejects.csv"
    imported(invoke, str(FIXTURES / "glassdoor.csv"), "--rejects", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("file,row,reason,,Job Title")
    assert ",4,no title," in text
    jl = tmp_path / "rejects.jsonl"
    imported(invoke, str(FIXTURES / "jobs.jsonl"), "--rejects", str(jl))
    rows = [json.loads(line) for line in jl.read_text(encoding="utf-8").splitlines()]
    assert [r["row"] for r in rows] == [3, 4, 5] and rows[2]["record"] == {"company": "No Title Co"}


@needs_shared
def test_real_remotive_response(invoke: Invoke) -> None:
    path = SHARED_DATA / "job-feeds" / "remotive-response.json"
    (f,) = imported(invoke, str(path))["files"]
    assert (f["rows"], f["imported"], f["source"]) == (4, 4, "remotive")
    jobs = stored(invoke, "--search", "wellness")
    assert jobs["Product Sales Specialist - Pet Health"]["salary"]["max"] == 100000
    assert "<" not in jobs["Product Sales Specialist - Pet Health"]["description"]


def test_level_inference_and_dates() -> None:
    assert [
        infer_level(t) for t in ("Data Intern", "Sr. Analyst", "VP Data", "Staff MLE", "Data Engineer")
    ] == [
        "entry",
        "senior",
        "executive",
        "senior",
        "mid",
    ]
    assert parse_date("1/12/2024") == "2024-01-12"
    assert parse_date(1720425600) == "2024-07-08"
    assert parse_date("2026-07-09T08:01:56") == "2026-07-09"
    assert parse_date("3 days ago") is None
    assert html_to_text("<p>a &amp; b</p><p>c</p>") == "a & b\nc"


def test_inferred_level_is_marked(tmp_path: Path) -> None:
    catalog = load_catalog()
    path = tmp_path / "x.csv"
    path.write_text("title,level\nSenior Data Engineer,\nData Engineer,EN\n", encoding="utf-8")
    parsed = read_file(path, RowMaker(catalog))
    (_, a), (_, b) = parsed.jobs
    assert (a.level, a.level_inferred) == ("senior", True)
    assert (b.level, b.level_inferred) == ("entry", False)


def _mutations(seed: int) -> list[bytes]:
    rng = random.Random(seed)
    out = []
    for name in ("glassdoor.csv", "remotive.json", "jobs.jsonl", "arbeitnow.json", "google_jobs.csv"):
        data = (FIXTURES / name).read_bytes()
        out.append(data[: rng.randrange(len(data))])
        flipped = bytearray(data)
        for _ in range(8):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        out.append(bytes(flipped))
        out.append(bytes(rng.randrange(256) for _ in range(200)))
    return out


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl", ".tsv", ".txt"])
def test_odd_files_raise_only_career_errors(tmp_path: Path, suffix: str) -> None:
    catalog = load_catalog()
    for i, blob in enumerate(_mutations(len(suffix))):
        path = tmp_path / f"f{i}{suffix}"
        path.write_bytes(blob)
        try:
            parsed = read_file(path, RowMaker(catalog))
        except CareerError:
            continue
        assert parsed.rows == len(parsed.jobs) + len(parsed.rejected)


def test_rejects_file_follows_umask_and_writes_through_a_symlink(invoke: Invoke, tmp_path: Path) -> None:
    """A user-named output gets the umask's mode (not 0600); a symlink there is written
    through, not replaced by a regular file (careercli.common.atomic_write)."""
    import os
    import stat

    old = os.umask(0o022)
    try:
        out = tmp_path / "rejects.csv"
        imported(invoke, str(FIXTURES / "glassdoor.csv"), "--rejects", str(out))
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        real = tmp_path / "kept" / "real.jsonl"
        real.parent.mkdir()
        real.write_text("old\n", encoding="utf-8")
        real.chmod(0o640)
        link = tmp_path / "link.jsonl"
        link.symlink_to(real)
        imported(invoke, str(FIXTURES / "jobs.jsonl"), "--rejects", str(link))
        assert link.is_symlink() and os.readlink(link) == str(real)
        assert "No Title Co" in real.read_text(encoding="utf-8")
        assert stat.S_IMODE(real.stat().st_mode) == 0o640
        assert sorted(p.name for p in real.parent.iterdir()) == ["real.jsonl"]  # no temp file left
    finally:
        os.umask(old)


def test_rejects_to_a_folder_is_one_line(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("jobs", "import", str(FIXTURES / "glassdoor.csv"), "--rejects", str(tmp_path))
    assert result.exit_code == 1
    assert f"{tmp_path}: cannot write the rejected rows: is a folder" in result.output


def test_hostile_rejects_csv_is_escaped_and_formula_safe(invoke: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("title,company\n,\"=cmd|' /C calc'!A0\x1b[2J\"\n", encoding="utf-8")
    out = tmp_path / "rejects.csv"
    result = invoke("jobs", "import", str(bad), "--rejects", str(out))
    assert result.exit_code in (0, 1), result.output
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "'=cmd" in text


def test_one_unreadable_file_among_several_says_nothing_was_imported(invoke: Invoke, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result = invoke("jobs", "import", str(FIXTURES / "remotive.json"), str(empty))
    assert result.exit_code == 1
    assert f"{empty}: the file is empty; nothing was imported (the 1 other file neither" in result.output
    assert json.loads(invoke("jobs", "sources", "--json").output)["sources"] == []


def test_structured_and_impossible_fields_are_read_or_counted(invoke: Invoke, tmp_path: Path) -> None:
    """#13.4: a salary object, a company object, a negative amount, min > max: each parsed,
    or counted among the fields left empty; nothing vanishes silently."""
    rows = [
        {
            "title": "Obj Analyst",
            "company": {"name": "Acme"},
            "salary": {"min": 90000, "max": 120000, "currency": "EUR"},
        },
        {
            "title": "Neg Analyst",
            "company": {"url": "x"},
            "salary": {"min": -5, "max": 10, "currency": "USD"},
        },
        {
            "title": "Flip Analyst",
            "company": "B",
            "salary": {"min": 200000, "max": 100000, "currency": "USD"},
        },
        {"title": "Minus Analyst", "company": "C", "salary": "-$50,000", "posted": "soon"},
    ]
    path = tmp_path / "structured.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    (f,) = imported(invoke, str(path))["files"]
    assert f["imported"] == 4
    assert f["dropped"] == {
        "company: an object without a name": 1,
        "posted: not a date": 1,
        "salary: a negative amount": 2,
        "salary: min above max": 1,
    }
    jobs = stored(invoke, "--search", "analyst")
    assert jobs["Obj Analyst"]["company"] == "Acme"
    assert (jobs["Obj Analyst"]["salary"]["min"], jobs["Obj Analyst"]["salary"]["currency"]) == (90000, "EUR")
    assert jobs["Flip Analyst"]["salary"] is None
    shown = invoke("jobs", "import", str(path), "--source", "again").output
    assert "imported with a field left empty: 1 company: an object without a name;" in shown


def test_level_source_stated_title_or_default(invoke: Invoke, tmp_path: Path) -> None:
    """#13.4: a guessed level says so; a level nothing states is not matched by --level."""
    rows = [
        {"title": "Zeta Analyst", "level": "Mid-Senior level"},
        {"title": "Senior Zeta Engineer"},
        {"title": "Zeta Scientist"},
    ]
    path = tmp_path / "levels.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    imported(invoke, str(path))
    jobs = stored(invoke, "--search", "zeta")
    assert {t: (j["level"], j["level_source"]) for t, j in jobs.items()} == {
        "Zeta Analyst": ("senior", "stated"),
        "Senior Zeta Engineer": ("senior", "title"),
        "Zeta Scientist": ("mid", "default"),
    }
    assert stored(invoke, "--search", "zeta", "--level", "mid") == {}
    table = invoke("jobs", "--search", "zeta", width=120).output
    assert "mid*" in table and "Level*: not stated by the listing" in table


def test_default_listing_shows_50_and_says_how_to_see_more(invoke: Invoke, tmp_path: Path) -> None:
    """#13.6: the table stops at 50 with "N more: --limit N or --all"; --json keeps all."""
    path = tmp_path / "many.csv"
    path.write_text(
        "title,company\n" + "".join(f"Quokka Analyst {i},Q{i}\n" for i in range(60)), encoding="utf-8"
    )
    imported(invoke, str(path))
    table = invoke("jobs", "--search", "quokka", width=120).output
    assert "50 jobs of 60" in table and "10 more: --limit 60 or --all shows them." in table
    assert "60 jobs, " in invoke("jobs", "--search", "quokka", "--all", width=120).output
    assert json.loads(invoke("jobs", "--search", "quokka", "--json").output)["count"] == 60
    both = invoke("jobs", "--limit", "5", "--all")
    assert both.exit_code == 2 and "--limit and --all cannot be used together" in both.output


@pytest.mark.parametrize("ascii_only", [False, True])
def test_streamed_json_is_the_same_bytes_as_one_dump(
    invoke: Invoke, tmp_path: Path, ascii_only: bool
) -> None:
    """#13.6: `jobs --json` is written a job at a time; the bytes equal json.dumps of the
    whole envelope, for no jobs and for many; a lazily read big listing equals an eager one."""
    import io

    from careercli.catalog.loader import load_catalog
    from careercli.common.currency import load_rates
    from careercli.common.untrusted import escape_json
    from careercli.jobs import store
    from careercli.jobs.match import find_jobs
    from careercli.jobs.query import JobQuery, search_dict
    from careercli.jobs.render import write_json

    path = tmp_path / "many.csv"
    rows = "".join(f"Wombat Analyst {i},W{i % 7},${50 + i % 9}K,Zürich\n" for i in range(40))
    path.write_text("title,company,salary,location\n" + rows, encoding="utf-8")
    imported(invoke, str(path))
    catalog, rates = load_catalog(), load_rates()
    for query in (JobQuery(search=("wombat",)), JobQuery(search=("nothing-matches-this",)), JobQuery()):
        eager = find_jobs(catalog, query, rates)
        out = io.StringIO()
        write_json(eager, out, ascii_only)
        assert (
            out.getvalue()
            == escape_json(json.dumps(search_dict(eager), indent=2, ensure_ascii=ascii_only)) + "\n"
        )
        old = store.LAZY_FROM
        store.LAZY_FROM = 5
        try:
            lazy = find_jobs(catalog, query, rates)
        finally:
            store.LAZY_FROM = old
        assert isinstance(lazy.matches, store.LazyMatches) == (len(eager.matches) > 5)
        assert list(lazy.matches) == list(eager.matches)
        assert not eager.matches or lazy.matches[-1] == eager.matches[-1]


def test_all_prints_a_long_table_in_parts_that_line_up(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#13.6: `jobs --all` prints a long table TABLE_PART rows at a time (the first rows
    at once, not after Rich has laid out every row); the parts share one header and their
    columns line up."""
    from careercli.jobs import render

    monkeypatch.setattr(render, "TABLE_PART", 7)
    path = tmp_path / "many.csv"
    rows = "".join(f"Quokka Analyst {i},Q{i},${50 + i}K\n" for i in range(30))
    path.write_text("title,company,salary\n" + rows, encoding="utf-8")
    imported(invoke, str(path))
    lines = invoke("jobs", "--search", "quokka", "--all", width=120).output.splitlines()
    body = [line for line in lines if line.startswith("Quokka")]
    assert len(body) == 30 and sum(line.startswith("Title") for line in lines) == 1
    assert len({line.index("mid*") for line in body}) == 1
    assert len({line.index("$") for line in body}) == 1
