"""A job's `remote` is True, False or None (the listing does not say), end to end (issue 14)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.old_stores import downgrade
from typer.testing import Result

from careercli.catalog.loader import load_catalog
from careercli.common.currency import load_rates
from careercli.common.fields import Fields
from careercli.jobs.model import all_jobs, parse_job
from careercli.jobs.query import JobQuery, filter_jobs
from careercli.jobs.record import RowMaker
from careercli.jobs.store import Batch, add_batches, load_jobs, store_path

Invoke = Callable[..., Result]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, None),
        ({"remote": ""}, None),
        ({"remote": "maybe"}, None),
        ({"remote": True}, True),
        ({"remote": False}, False),
        ({"remote": "yes"}, True),
        ({"remote": "no"}, False),
        ({"remote": "0"}, False),
        ({"type": "Full-time"}, None),
        ({"type": "Full-time and Remote"}, True),
        ({"type": "Onsite"}, False),
        ({"type": "Hybrid"}, False),
        ({"remote": "false", "location": "Remote, US"}, True),
        ({"location": "Berlin"}, None),
    ],
)
def test_an_imported_row_that_does_not_say_stays_unknown(
    fields: dict[str, object], expected: bool | None
) -> None:
    job = RowMaker(load_catalog(), extract=False).make({"title": "Data Analyst", **fields})
    assert job.remote is expected


def test_a_remote_feed_is_remote_where_its_rows_do_not_say() -> None:
    maker = RowMaker(load_catalog(), remote_default=True, extract=False)
    assert maker.make({"title": "Data Analyst"}).remote is True


def test_jobs_yaml_without_remote_reads_as_not_stated() -> None:
    catalog = load_catalog()
    base = {"id": "x", "title": "T", "company": "C", "source": "s"}
    assert parse_job(Fields(base, "jobs.yaml"), catalog).remote is None
    assert parse_job(Fields({**base, "remote": False}, "jobs.yaml"), catalog).remote is False
    assert parse_job(Fields({**base, "remote": True}, "jobs.yaml"), catalog).remote is True


def test_the_seed_jobs_say_remote_only_where_the_seed_does() -> None:
    remote = {j.id: j.remote for j in all_jobs(load_catalog())}
    assert sorted(remote.values(), key=str) == [None] * 5 + [True]


def _store(*remotes: object, start: int = 0) -> None:
    maker = RowMaker(load_catalog(), "USD", extract=False)
    rows = [
        {"title": f"Analyst {i}", "location": "Paris"} | ({} if r is None else {"remote": r})
        for i, r in enumerate(remotes, start)
    ]
    jobs = [maker.make(r) for r in rows]
    add_batches([Batch("t", "import", "t.csv", len(jobs), jobs)])


def test_the_store_keeps_all_three_and_the_filter_matches_true_only(invoke: Invoke) -> None:
    _store(True, False, None)
    assert {j.title: j.remote for j in load_jobs()} == {
        "Analyst 0": True,
        "Analyst 1": False,
        "Analyst 2": None,
    }
    conn = sqlite3.connect(store_path())
    said = dict(conn.execute("SELECT title, CASE WHEN remote_stated THEN remote END FROM jobs").fetchall())
    conn.close()
    assert said == {"Analyst 0": 1, "Analyst 1": 0, "Analyst 2": None}
    out = json.loads(invoke("jobs", "--search", "analyst", "--json").output)["jobs"]
    assert {j["title"]: j["remote"] for j in out} == {
        "Analyst 0": True,
        "Analyst 1": False,
        "Analyst 2": None,
    }
    assert all("remote" in j for j in out)  # the key stays (PRODUCT.md), null when not stated
    remote_only = json.loads(invoke("jobs", "--search", "analyst", "--remote", "--json").output)["jobs"]
    assert [j["title"] for j in remote_only] == ["Analyst 0"]
    by_place = json.loads(invoke("jobs", "--search", "analyst", "--location", "remote", "--json").output)[
        "jobs"
    ]
    assert [j["title"] for j in by_place] == ["Analyst 0"]


def test_the_pure_filter_matches_true_only() -> None:
    _store(True, False, None)
    found = filter_jobs(load_jobs(), JobQuery(remote=True), load_rates())
    assert [m.job.remote for m in found.matches] == [True]


def test_csv_leaves_unknown_empty_and_show_says_not_stated(invoke: Invoke) -> None:
    _store(True, False, None)
    rows = list(csv.DictReader(io.StringIO(invoke("jobs", "--search", "analyst", "--csv").output)))
    assert {r["title"]: r["remote"] for r in rows} == {
        "Analyst 0": "true",
        "Analyst 1": "false",
        "Analyst 2": "",
    }
    ids = {
        j["title"]: j["id"]
        for j in json.loads(invoke("jobs", "--search", "analyst", "--json").output)["jobs"]
    }
    assert "remote: not stated" in invoke("jobs", "show", ids["Analyst 2"]).output
    assert "not remote" in invoke("jobs", "show", ids["Analyst 1"]).output
    shown = json.loads(invoke("jobs", "show", ids["Analyst 2"], "--json").output)
    assert shown["job"]["remote"] is None


def test_a_schema_3_store_keeps_its_remote_values(invoke: Invoke, tmp_path: Path) -> None:
    """Rows stored before the remote_stated column keep what they held (0 stays false)."""
    _store(True, False)
    conn = sqlite3.connect(store_path())
    downgrade(conn, 3)
    conn.commit()
    conn.close()
    out = json.loads(invoke("jobs", "--search", "analyst", "--json").output)["jobs"]
    assert {j["title"]: j["remote"] for j in out} == {"Analyst 0": True, "Analyst 1": False}
    _store(None, start=2)  # a write migrates, and the new row is unknown
    conn = sqlite3.connect(store_path())
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
    conn.close()
    assert {j.title: j.remote for j in load_jobs()} == {
        "Analyst 0": True,
        "Analyst 1": False,
        "Analyst 2": None,
    }
