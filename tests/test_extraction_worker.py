"""A big import's skill extraction in a worker process (careercli.jobs.extraction): the
store gets the same columns as extraction in this process, a failing worker stops the
import with nothing stored, and a cancelled import stops the worker and prints no
traceback of it."""

from __future__ import annotations

import csv
import multiprocessing
import os
import random
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from careercli.catalog.loader import load_catalog
from careercli.common.errors import DataError
from careercli.jobs import extraction
from careercli.jobs.importer import read_file
from careercli.jobs.record import RowMaker
from careercli.jobs.store import Batch, add_batches

if not extraction.worker_available():  # pragma: no cover
    pytest.skip("no fork on this platform: extraction stays in this process", allow_module_level=True)

SENTENCES = (
    "Requirements: {n}+ years of {a} and experience with {b}.",
    "Experience with {a} or {b} is a plus.",
    "Must have strong {a} skills; {b} preferred.",
    "We invest in R&D and our people excel at go to market with the C-suite.",
    "Bachelor's degree in Computer Science required, Master's preferred.",
    "Preferred Qualifications",
    "{a}, {b} and {c}",
    "You partner with stakeholders across marketing and finance.skillsPreferred {a}",
    "PhD or MS in Statistics. Nice to have: {a}.",
)
SKILLS = (
    "Python", "SQL", "Spark", "TensorFlow", "Excel", "R", "SAS", "Go", "scikit-learn", "Power BI", "PyTorch",
)  # fmt: skip


def write_postings(path: Path, n: int) -> Path:
    rng = random.Random(15)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "company", "description", "tags"])
        title = text = ""
        for i in range(n):
            parts = []
            for _ in range(rng.randrange(3, 12)):
                a, b, c = rng.sample(SKILLS, 3)
                parts.append(rng.choice(SENTENCES).format(a=a, b=b, c=c, n=rng.randrange(1, 9)))
            if i % 5 != 4:  # every fifth a repost of the one before by another company
                title, text = f"Data Scientist {i}", " ".join(parts)
            writer.writerow([title, f"Company {i}", text, "python, dbt"])
    return path


def stored(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'jobs'").fetchone():
            return []  # a store made in the rolled-back transaction: nothing in it
        return conn.execute(
            "SELECT id, asked, years_asked, degree_asked, evidence, extracted, text_length, "
            "ask_weight, ask_own FROM jobs ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def import_into(source: Path, store: Path) -> list[object]:
    parsed = read_file(source, RowMaker(load_catalog()))
    add_batches([Batch("test", "import", str(source), parsed.rows, [j for _, j in parsed.jobs])], store)
    return [j.asks for _, j in parsed.jobs]


@pytest.fixture
def small_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker for a file of a few dozen rows, in chunks of 7 (the last one partial)."""
    monkeypatch.setattr(extraction, "MIN_ROWS", 10)
    monkeypatch.setattr(extraction, "CHUNK", 7)


def test_the_worker_stores_what_this_process_would(
    small_worker: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_postings(tmp_path / "postings.csv", 60)
    asks = import_into(source, tmp_path / "worker.sqlite3")
    assert all(isinstance(a, extraction.PendingAsks) for a in asks)  # the worker read them
    monkeypatch.setattr(extraction, "worker_available", lambda: False)
    asks = import_into(source, tmp_path / "here.sqlite3")
    assert not any(isinstance(a, extraction.PendingAsks) for a in asks)
    here, worker = stored(tmp_path / "here.sqlite3"), stored(tmp_path / "worker.sqlite3")
    assert len(here) == 60
    assert worker == here
    assert asks[3] is asks[4]  # a repost read once
    assert sum(1 for row in here if "python:" in str(row[1])) > 30  # and they found something


def test_chunks_no_worker_has_taken_are_read_here(
    small_worker: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow worker (a busy machine): the store reads the chunks it has not taken itself,
    and stores the same."""
    from careercli.jobs import asks

    real = asks.read_asks
    parent = os.getpid()
    here: list[str] = []

    def slow_there(finder: object, title: str, *args: object) -> object:
        if os.getpid() == parent:
            here.append(title)
        else:
            time.sleep(0.02)
        return real(finder, title, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(asks, "read_asks", slow_there)
    source = write_postings(tmp_path / "postings.csv", 60)
    import_into(source, tmp_path / "shared.sqlite3")
    assert 0 < len(here) < 60  # some chunks read here, some by the worker
    monkeypatch.setattr(extraction, "worker_available", lambda: False)
    import_into(source, tmp_path / "here.sqlite3")
    assert stored(tmp_path / "shared.sqlite3") == stored(tmp_path / "here.sqlite3")


def test_small_files_are_read_here(tmp_path: Path) -> None:
    source = write_postings(tmp_path / "postings.csv", 20)
    asks = import_into(source, tmp_path / "jobs.sqlite3")
    assert not any(isinstance(a, extraction.PendingAsks) for a in asks)


def _broken_in_the_worker(monkeypatch: pytest.MonkeyPatch, title: str | None, slow_here: float = 0.0) -> None:
    """read_asks raises in the worker (for the posting titled `title`, None: every one), and
    takes `slow_here` seconds a posting in this process; the forked worker inherits it."""
    from careercli.jobs import asks

    real = asks.read_asks
    parent = os.getpid()

    def broken(finder: object, posting: str, *args: object) -> object:
        if os.getpid() != parent and title in (None, posting):
            raise ValueError("a bug in extraction")
        time.sleep(slow_here)
        return real(finder, posting, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(asks, "read_asks", broken)


def test_a_failing_worker_stops_the_import_with_nothing_stored(
    small_worker: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken_in_the_worker(monkeypatch, "Data Scientist 2")
    source = write_postings(tmp_path / "postings.csv", 60)
    store = tmp_path / "jobs.sqlite3"
    parsed = read_file(source, RowMaker(load_catalog()))
    time.sleep(0.5)  # the worker has taken its first chunks (else this process reads them)
    with pytest.raises(DataError, match=r"extraction stopped: ValueError: a bug in extraction; nothing"):
        add_batches([Batch("test", "import", str(source), parsed.rows, [j for _, j in parsed.jobs])], store)
    assert stored(store) == []  # the transaction was rolled back: not one row of it


def test_a_cancelled_read_stops_the_worker(small_worker: None, tmp_path: Path) -> None:
    source = write_postings(tmp_path / "postings.csv", 60)

    def cancel(i: int) -> None:  # called at the first row, the worker started
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        read_file(source, RowMaker(load_catalog()), progress=cancel)
    deadline = time.monotonic() + 10
    while any(p.name == "careercli-extraction" for p in multiprocessing.active_children()):
        assert time.monotonic() < deadline, "the worker is still running"
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals need POSIX")
def test_ctrl_c_reaches_the_worker_without_a_traceback(tmp_path: Path) -> None:
    """The terminal's Ctrl-C goes to the whole process group, the worker too: it ignores it
    (without that it printed "Process careercli-extraction:" and a traceback)."""
    source = write_postings(tmp_path / "postings.csv", 6000)
    output = _interrupted(tmp_path / "home", "jobs", "import", str(source))
    assert "import cancelled; the job store is unchanged" in output


def _interrupted(home: Path, *args: str) -> str:
    """`careercli ARGS` in a pseudo-terminal, Ctrl-C once it is reading with the worker busy:
    its output, having checked it exited 130 with no word of the worker and no traceback."""
    pexpect = pytest.importorskip("pexpect")
    from tests.test_bad_input import careercli

    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERCLI_")}
    env.update({"CAREERCLI_HOME": str(home), "TERM": "xterm", "COLUMNS": "100"})
    cmd = careercli()
    child = pexpect.spawn(cmd[0], [*cmd[1:], *args], env=env, encoding="utf-8", timeout=60)
    child.expect_exact("reading")
    time.sleep(0.3)  # the worker started and busy
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    output = child.before or ""
    assert child.exitstatus == 130, output
    assert "careercli-extraction" not in output
    assert "Traceback" not in output
    return str(output)


def _unread_store(tmp_path: Path, n: int) -> Path:
    """A store of n postings stored with extraction off (read by `jobs reindex` only)."""
    source = write_postings(tmp_path / "postings.csv", n)
    store = tmp_path / "unread.sqlite3"
    parsed = read_file(source, RowMaker(load_catalog(), extract=False))
    add_batches([Batch("test", "import", str(source), parsed.rows, [j for _, j in parsed.jobs])], store)
    assert {row[5] for row in stored(store)} == {0}
    return store


def test_reindex_with_the_worker_writes_what_this_process_would(
    small_worker: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from careercli.jobs import store as job_store

    monkeypatch.setattr(job_store, "CHUNK", 9)  # rows read and written 9 at a time
    unread = _unread_store(tmp_path, 60)
    there, here = tmp_path / "there.sqlite3", tmp_path / "here.sqlite3"
    shutil.copy(unread, there)
    shutil.copy(unread, here)
    made: list[object] = []
    real = extraction.Extraction

    def counted(*args: object, **kwargs: object) -> object:
        made.append(real(*args, **kwargs))  # type: ignore[arg-type]
        return made[-1]

    monkeypatch.setattr(extraction, "Extraction", counted)
    steps: list[int] = []
    assert job_store.reindex(load_catalog(), there, progress=steps.append) == 60
    assert len(made) == 1  # the worker read them
    assert steps == [9, 18, 27, 36, 45, 54, 60]  # written a chunk at a time, not all at the end
    assert job_store.reindex(load_catalog(), here, worker=False) == 60
    assert len(made) == 1
    rows = stored(there)
    assert rows == stored(here)
    assert {row[5] for row in rows} == {1}
    imported = tmp_path / "imported.sqlite3"
    import_into(tmp_path / "postings.csv", imported)
    assert rows == stored(imported)  # and what an import with extraction stores


def test_a_failing_worker_stops_the_reindex_with_the_store_unchanged(
    small_worker: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercli.jobs import store as job_store

    unread = _unread_store(tmp_path, 60)
    before = stored(unread)
    _broken_in_the_worker(monkeypatch, None, slow_here=0.05)  # the worker takes the first chunks
    with pytest.raises(
        DataError, match=r"stopped: ValueError: a bug in extraction; the stored postings are unchanged$"
    ):
        job_store.reindex(load_catalog(), unread)
    assert stored(unread) == before  # the transaction was rolled back
    deadline = time.monotonic() + 10
    while any(p.name == "careercli-extraction" for p in multiprocessing.active_children()):
        assert time.monotonic() < deadline, "the worker is still running"
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals need POSIX")
def test_ctrl_c_during_a_reindex_with_the_worker_leaves_the_store_unchanged(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    unread = _unread_store(tmp_path, 20_000)  # a few seconds of reading, with the worker
    unread.rename(home / "jobs.sqlite3")
    before = stored(home / "jobs.sqlite3")
    output = _interrupted(home, "jobs", "reindex")
    assert "reindex cancelled; the job store is unchanged" in output
    assert stored(home / "jobs.sqlite3") == before
