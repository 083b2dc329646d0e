"""The job store: schema, duplicates, clear/sources, SQL pushdown = pure path, SIGKILL safety."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks.job_store import write_csv
from tests.old_stores import downgrade
from typer.testing import Result

from careercli.catalog.loader import load_catalog
from careercli.common.currency import load_rates
from careercli.jobs.model import all_jobs
from careercli.jobs.query import JobQuery, filter_jobs, match_dict
from careercli.jobs.record import RowMaker
from careercli.jobs.store import (
    MIGRATIONS,
    Batch,
    add_batches,
    clear,
    load_jobs,
    query_jobs,
    search_jobs,
    sources,
    store_path,
)

Invoke = Callable[..., Result]
FIXTURES = Path(__file__).parent / "fixtures" / "jobs"

TRICKY = [
    {"title": "Senior Python Developer", "company": "Snake_Co", "description": "python3 and C++"},
    {"title": "Data Engineer (Python)", "company": "Pipes", "description": "node.js, PySpark"},
    {"title": "Lead Analyst", "company": "Café Ünïcode", "description": "Straße, naïve élan; python"},
    {"title": "ML Engineer", "company": "Acme", "description": "notpython, foo_python, c# .net"},
    {"title": "Head of Data", "company": "Boss", "description": "Python-first; R; SQL"},
    {"title": "Junior Analyst", "company": "Tiny", "description": "excel ＰＹＴＨＯＮ fullwidth"},
]


def _store(rows: list[dict[str, str]]) -> None:
    maker = RowMaker(load_catalog(), "USD")
    jobs = [
        maker.make({**r, "salary": f"${50 + i * 7}K", "location": "Remote" if i % 2 else "Paris"})
        for i, r in enumerate(rows)
    ]
    add_batches([Batch("t", "import", "t.csv", len(jobs), jobs)])


def test_schema_version_and_integrity() -> None:
    _store(TRICKY)
    conn = sqlite3.connect(store_path())
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.execute("INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('integrity-check', 0)")
    conn.close()


def test_newer_store_is_refused(invoke: Invoke) -> None:
    _store(TRICKY[:1])
    conn = sqlite3.connect(store_path())
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    result = invoke("jobs")
    assert result.exit_code == 1 and "written by a newer careercli" in result.output


def test_not_a_store_is_one_line(invoke: Invoke) -> None:
    store_path().parent.mkdir(parents=True, exist_ok=True)
    store_path().write_bytes(b"this is not sqlite" * 100)
    result = invoke("jobs")
    assert result.exit_code == 1 and "not a careercli job store" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "query",
    [
        JobQuery(search=("python",)),
        JobQuery(search=("python",), levels=frozenset({"senior"}), limit=2),
        JobQuery(search=("c++",)),
        JobQuery(search=("node.js",)),
        JobQuery(search=("straße",)),
        JobQuery(search=("strasse",)),
        JobQuery(search=("cafe",)),
        JobQuery(search=("café",)),
        JobQuery(search=("_python",)),
        JobQuery(search=("python", "sql")),
        JobQuery(search=("#",)),
        JobQuery(search=("py",), remote=True, sort="title"),
        JobQuery(levels=frozenset({"executive", "entry"})),
        JobQuery(role="data-engineer"),
        JobQuery(search=("pyth",), locations=("paris",), min_salary=60000),
    ],
)
def test_pushdown_equals_pure_path(query: JobQuery) -> None:
    _store(TRICKY)
    rates = load_rates()
    everything = filter_jobs(load_jobs(), query, rates)
    pushed = filter_jobs(query_jobs(query), query, rates)
    assert [match_dict(m) for m in pushed.matches] == [match_dict(m) for m in everything.matches]
    assert (pushed.total, pushed.no_salary_dropped) == (everything.total, everything.no_salary_dropped)


@pytest.mark.parametrize("sort", ["fit", "salary", "posted", "title"])
@pytest.mark.parametrize(
    "query",
    [
        JobQuery(search=("python",), limit=2),
        JobQuery(search=("python",), levels=frozenset({"senior", "executive"}), limit=1),
        JobQuery(search=("straße",), limit=1),
        JobQuery(search=("node.js",), limit=3),
        JobQuery(search=("pyth",), locations=("paris",), min_salary=60000, limit=1),
        JobQuery(min_salary=60000, currency="EUR", limit=2),
        JobQuery(types=frozenset({"full-time"}), company="acme", limit=5),
        JobQuery(limit=4),
        JobQuery(),
    ],
)
def test_store_search_equals_pure_path(query: JobQuery, sort: str) -> None:
    """search_jobs (SQL, light rows) == filter_jobs over the bundled jobs and every stored job."""
    _store(TRICKY)
    rates = load_rates()
    bundled = all_jobs(load_catalog())
    fits = {"data-engineer": 80.0, "ml-engineer": 60.0} if sort == "fit" else None
    query = query._replace(sort=sort)
    everything = filter_jobs([*bundled, *load_jobs()], query, rates, fits)
    pushed = search_jobs(bundled, query, rates, fits)
    assert [match_dict(m) for m in pushed.matches] == [match_dict(m) for m in everything.matches]
    assert [match_dict(m) for m in pushed.below_floor] == [match_dict(m) for m in everything.below_floor]
    assert pushed._replace(matches=[], below_floor=[]) == everything._replace(matches=[], below_floor=[])


def test_listing_shows_store_and_bundled(invoke: Invoke) -> None:
    assert invoke("jobs", "import", str(FIXTURES / "remotive.json")).exit_code == 0
    data = json.loads(invoke("jobs", "--json").output)
    sources_seen = {j["source"] for j in data["jobs"]}
    assert "Remotive (https://remotive.com)" in sources_seen and len(sources_seen) == 2
    senior = json.loads(invoke("jobs", "--level", "senior", "--search", "data", "--json").output)
    assert [j["title"] for j in senior["jobs"]] == ["Senior Data Engineer"]


def test_sources_and_clear(invoke: Invoke) -> None:
    for name in ("remotive.json", "arbeitnow.json", "glassdoor.csv"):
        assert invoke("jobs", "import", str(FIXTURES / name)).exit_code == 0
    got = {s.source: s.jobs for s in sources()}
    assert got == {"remotive": 2, "arbeitnow": 2, "glassdoor": 3}
    text = invoke("jobs", "sources", width=80).output
    assert "remotive" in text and "import" in text
    result = invoke("jobs", "clear", "--source", "glassdoor")
    assert result.exit_code == 0 and result.output.strip() == "Removed 3 jobs from source 'glassdoor'."
    assert invoke("jobs", "clear", "--source", "glasdoor").exit_code == 2
    assert invoke("jobs", "clear").output.strip() == "Removed 4 jobs."
    assert load_jobs() == [] and clear() == 0
    assert "empty" in invoke("jobs", "sources").output


def test_store_commands_have_help(invoke: Invoke) -> None:
    for cmd in ("import", "fetch", "sources", "clear"):
        result = invoke("jobs", cmd, "--help", width=80)
        assert result.exit_code == 0 and "Examples:" in result.output


def _snapshot(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, title, company, source FROM jobs ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_sigkill_mid_import_leaves_store_as_before(tmp_path: Path, user_home: Path) -> None:
    """Kill -9 an import while its write transaction is open (the rollback journal exists)."""
    import shutil

    for name in ("remotive.json", "glassdoor.csv"):
        subprocess.run(
            [sys.executable, "-m", "careercli", "jobs", "import", str(FIXTURES / name)],
            check=True,
            capture_output=True,
            env={**os.environ, "CAREERCLI_HOME": str(user_home)},
        )
    db = user_home / "jobs.sqlite3"
    before = _snapshot(db)
    big = write_csv(tmp_path / "big.csv", 40_000)
    journal = Path(str(db) + "-journal")
    killed_mid_write = False
    for _attempt in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "careercli", "jobs", "import", str(big)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "CAREERCLI_HOME": str(user_home)},
        )
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if journal.exists() and journal.stat().st_size > 0:
                time.sleep(0.05)  # let it write a little more
                os.kill(proc.pid, signal.SIGKILL)
                killed_mid_write = proc.wait() == -signal.SIGKILL
                break
            time.sleep(0.002)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        if killed_mid_write:
            break
        shutil.copy(db, tmp_path / "x")  # an import finished: start again from the small store
        subprocess.run(
            [sys.executable, "-m", "careercli", "jobs", "clear", "--source", "big"],
            check=True,
            capture_output=True,
            env={**os.environ, "CAREERCLI_HOME": str(user_home)},
        )
    assert killed_mid_write, "never caught the import mid-write"
    assert journal.exists()  # a hot journal: the next open rolls it back
    assert _snapshot(db) == before
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('integrity-check', 0)")
    conn.close()


# Pay figures chosen to tie, to round at .5 (hourly, converted) and to cross currencies,
# and texts where the FTS5 match is not the final word (non-ASCII, "notpython").
_PAY = ("$100K", "$100K", "$99,999.5", "60 an hour", "€90,000", "£70K-£80K", "", "$48.0769 an hour", "₹900K")
_TEXT = (
    "python and sql",
    "Python-first",
    "notpython",
    "Café python",
    "ＰＹＴＨＯＮ",
    "python_3",
    "straße python",
)
_TITLES = (
    "Senior Data Engineer",
    "data engineer",
    "Lead Python Dev",
    "Zeta Analyst",
    "ML Engineer",
    "Head of AI",
)


def _ranked_store(n: int = 240) -> None:
    maker = RowMaker(load_catalog(), "USD")
    jobs = [
        maker.make(
            {
                "title": _TITLES[i % len(_TITLES)],
                "company": f"Co {i % 7}",
                "location": ("Remote", "Paris", "Austin, TX")[i % 3],
                "salary": _PAY[i % len(_PAY)],
                "description": f"{_TEXT[i % len(_TEXT)]} {i}",
            }
        )
        for i in range(n)
    ]
    add_batches([Batch("t", "import", "t.csv", len(jobs), jobs)])


@pytest.mark.parametrize("currency", ["USD", "EUR", "GBP"])
@pytest.mark.parametrize(
    "query",
    [
        JobQuery(search=("python",), limit=20),
        JobQuery(search=("python",), levels=frozenset({"senior", "executive"}), limit=5, sort="salary"),
        JobQuery(search=("python", "sql"), limit=3),
        JobQuery(search=("engineer",), remote=True, limit=1),
        JobQuery(limit=50),
        JobQuery(limit=1, sort="salary"),
        JobQuery(search=("straße",), limit=4),  # casefolds to "strasse": ß rows get the word test
        JobQuery(search=("python-first",), limit=4),  # not letters and digits: the general path
        JobQuery(search=("zeta",), limit=500),  # fewer priced rows than the limit: the general path
    ],
)
def test_ranked_listing_equals_pure_path(
    query: JobQuery, currency: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index-only top-N by pay (`_top_by_pay`) == ranking every job, ties and rounding included."""
    import careercli.jobs.store as store

    _ranked_store()
    taken: list[bool] = []
    top_by_pay = store._top_by_pay

    def spy(*args: object, **kwargs: object) -> object:
        found = top_by_pay(*args, **kwargs)  # type: ignore[arg-type]
        taken.append(found is not None)
        return found

    monkeypatch.setattr(store, "_top_by_pay", spy)
    rates = load_rates()
    bundled = all_jobs(load_catalog())
    query = query._replace(currency=currency)
    everything = filter_jobs([*bundled, *load_jobs()], query, rates)
    pushed = search_jobs(bundled, query, rates)
    assert [match_dict(m) for m in pushed.matches] == [match_dict(m) for m in everything.matches]
    assert pushed._replace(matches=[]) == everything._replace(matches=[])
    general = "python-first" in query.search
    assert taken == ([] if general else [query.limit != 500])


def test_old_store_is_migrated_on_first_read(invoke: Invoke) -> None:
    """A schema-1 store (no `plain` column, no ranking index) is brought up to date in place."""
    _ranked_store(30)
    conn = sqlite3.connect(store_path())
    downgrade(conn, 1)
    conn.close()
    result = invoke("jobs", "--search", "python", "--limit", "3", "--json")
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(store_path())
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 5
    plain = dict(conn.execute("SELECT description, plain FROM jobs").fetchall())
    conn.close()
    assert plain["python and sql 0"] == 1 and plain["Café python 3"] == 0 and plain["ＰＹＴＨＯＮ 4"] == 0
    rates = load_rates()
    query = JobQuery(search=("python",), limit=3)
    expected = filter_jobs([*all_jobs(load_catalog()), *load_jobs()], query, rates)
    assert [j["title"] for j in json.loads(result.output)["jobs"]] == [m.job.title for m in expected.matches]


def test_foreign_sqlite_file_is_left_alone(invoke: Invoke) -> None:
    """Some other SQLite database at the store's path is refused, not given our tables."""
    store_path().parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(store_path())
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    for args in (("jobs",), ("jobs", "import", str(FIXTURES / "remotive.json"))):
        result = invoke(*args)
        assert result.exit_code == 1, result.output
        assert "not a careercli job store (it holds other tables: notes)" in result.output
    conn = sqlite3.connect(store_path())
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["notes"] and conn.execute("SELECT body FROM notes").fetchall() == [("mine",)]
    conn.close()
