"""The local job store: SQLite at state_dir()/jobs.sqlite3, with FTS5 over the searchable text.

Design:
- Schema versions live in PRAGMA user_version; `MIGRATIONS[i]` takes version i to i+1 and
  runs inside the same BEGIN IMMEDIATE transaction as the write that opened the store.
- `jobs_fts` is an external-content FTS5 table over `jobs` (title, company, description,
  skills), kept in step by triggers: the text is stored once (in `jobs`), the index holds
  only tokens, and a delete through the trigger hands FTS5 the very values it indexed.
  The triggers index the text casefolded by Python (a `casefold` SQL function every
  connection registers), so FTS5 sees what job_filter's search sees ("Straße" is
  "strasse" to both); its tokenizer splits on all but letters and digits, as the filter's
  word boundary does. Other tools that delete rows need that function too.
- Every write (an import of many files, a fetch, a clear) is one BEGIN IMMEDIATE ... COMMIT.
  The rollback journal (journal_mode=DELETE) makes a process killed mid-write (SIGKILL)
  leave a hot journal that the next open rolls back: the store is exactly as before.
- Readers (the listing) never create the store: no file, no jobs. sqlite3 is imported only
  here, and this module only by the jobs commands.

Duplicates: a job is a duplicate when its (source, source id) or its normalised title,
company, location and description (`dedup_key`) are already stored; two UNIQUE indexes and
INSERT OR IGNORE decide it inside the transaction.
"""

from __future__ import annotations

import collections
import datetime as dt
import heapq
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from careercli.common.errors import DataError
from careercli.common.paths import state_dir
from careercli.jobs.model import Job, Salary

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog
    from careercli.common.currency import RateTable
    from careercli.extract.skills import SkillFinder
    from careercli.jobs.asks import Asks
    from careercli.jobs.extraction import Extraction, PendingAsks
    from careercli.jobs.job_fit import JobFitter
    from careercli.jobs.query import JobMatch, JobQuery, JobSearch
    from careercli.jobs.record import ImportedJob

STORE_FILE = "jobs.sqlite3"
BUSY_TIMEOUT_S = 10.0
CHUNK = 2000

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE batches (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('import', 'fetch')),
        origin TEXT NOT NULL,
        at TEXT NOT NULL,
        rows INTEGER NOT NULL,
        added INTEGER NOT NULL
    );
    CREATE TABLE jobs (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        source TEXT NOT NULL,
        source_id TEXT,
        dedup_key TEXT NOT NULL,
        title TEXT NOT NULL,
        company TEXT NOT NULL,
        location TEXT NOT NULL,
        remote INTEGER NOT NULL,
        employment_type TEXT NOT NULL,
        level TEXT,
        level_inferred INTEGER NOT NULL,
        salary_min REAL,
        salary_max REAL,
        salary_currency TEXT,
        salary_period TEXT,
        salary_text TEXT NOT NULL,
        role TEXT,
        skills TEXT NOT NULL,
        posted TEXT,
        url TEXT,
        description TEXT NOT NULL,
        batch INTEGER NOT NULL REFERENCES batches(id)
    );
    CREATE UNIQUE INDEX jobs_by_source_id ON jobs(source, source_id) WHERE source_id IS NOT NULL;
    CREATE UNIQUE INDEX jobs_by_content ON jobs(dedup_key);
    CREATE INDEX jobs_by_level ON jobs(level);
    CREATE VIRTUAL TABLE jobs_fts USING fts5(
        title, company, description, skills,
        content='jobs', content_rowid='rowid',
        tokenize="unicode61 remove_diacritics 0 categories 'L* N*'"
    );
    CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN
        INSERT INTO jobs_fts(rowid, title, company, description, skills)
        VALUES (new.rowid, casefold(new.title), casefold(new.company), casefold(new.description),
                casefold(new.skills));
    END;
    CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
        INSERT INTO jobs_fts(jobs_fts, rowid, title, company, description, skills)
        VALUES ('delete', old.rowid, casefold(old.title), casefold(old.company),
                casefold(old.description), casefold(old.skills));
    END;
    """,
    # 2: `plain` marks a row whose searchable text is all ASCII (no NUL), where an FTS5 prefix
    # match of a letters-and-digits word is exactly job_filter's word test; `jobs_ranking`
    # covers every column the ranked listing reads, so `jobs --search W --limit N` ranks
    # from the index and the FTS5 rowids without touching the wide rows.
    # (length() of text stops at a NUL, the byte length does not.)
    """
    ALTER TABLE jobs ADD COLUMN plain INTEGER NOT NULL DEFAULT 0;
    UPDATE jobs SET plain = (
        length(CAST(title || company || description || skills AS BLOB))
        = length(title || company || description || skills)
    );
    CREATE INDEX jobs_ranking ON jobs(
        level, plain, role, remote, salary_currency, salary_period, salary_max, salary_min
    );
    """,
    # 3: what each posting asks for (careercli.jobs.asks): `asked` is " skill:r skill:p skill: "
    # (required, preferred, not said), the least years and degree asked, and the evidence as
    # JSON; `ask_weight` and `ask_own` are job_fit's weight_and_own, and `jobs_fitting` covers
    # every column the fit-ranked listing reads (job_fit.fit_sql), so `jobs --for-me` scores
    # the rows from the index, never reading the wide rows with their descriptions. Rows
    # stored before have `extracted` 0 until `careercli jobs reindex` (or the next import or
    # fetch) reads them; nothing already stored changes.
    """
    ALTER TABLE jobs ADD COLUMN asked TEXT NOT NULL DEFAULT '';
    ALTER TABLE jobs ADD COLUMN years_asked INTEGER;
    ALTER TABLE jobs ADD COLUMN degree_asked TEXT;
    ALTER TABLE jobs ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
    ALTER TABLE jobs ADD COLUMN extracted INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN text_length INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN ask_weight REAL NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN ask_own REAL NOT NULL DEFAULT 0;
    CREATE INDEX jobs_fitting ON jobs(
        level, plain, role, extracted, ask_own, ask_weight, years_asked, degree_asked, asked
    );
    """,
    # 4: `remote_stated` 0 marks a row whose posting does not say whether the job is remote
    # (Job.remote None; `remote` is then 0, so `remote = 1` still finds exactly the remote
    # jobs from the indexes). `remote` is NOT NULL since migration 1 and SQLite cannot drop
    # that without rebuilding the table, so the flag is a column of its own; rows stored
    # before keep what they said (1: stated), nothing is rewritten.
    """
    ALTER TABLE jobs ADD COLUMN remote_stated INTEGER NOT NULL DEFAULT 1;
    """,
    # 5: the listings filter and rank every shape in SQL (careercli.jobs.stream), exactly, so
    # `level_inferred < 2` must be exactly "a level stated or guessed from the title": stores
    # before schema 4 hold 1 for a default level too, which is set to 2 where the title says
    # no level (record.title_level, the very test level_source makes; nothing else changes).
    # `job_asks` is a narrow copy of what the fit-ranked listing reads of each row (its
    # filters, and the weight of each skill its posting asks as two bit masks, a bit per skill
    # (ASK_BITS): `high` 2 and `low` 1, so required 3 is in both, not said 2 in `high`,
    # preferred 1 in `low`), clustered by level, kept in step with `jobs` by triggers (an insert,
    # a reindex, a delete), so `jobs --for-me` bounds every row's fit with a few integer
    # operations (job_fit.bound_sql) and scores exactly only the rows that can reach its top
    # N. It is filled from the rows already stored; `jobs_fitting`, which it replaces, goes.
    # `jobs_listing` replaces `jobs_ranking` (its first columns, with `level_inferred`, which
    # every level filter reads): it covers every column a listing filters and sorts by but
    # the searched text, so the listings of every shape scan it, not the wide rows.
    """
    UPDATE jobs SET level_inferred = 2 WHERE level_inferred = 1 AND title_level(title) IS NULL;
    DROP INDEX IF EXISTS jobs_fitting;
    DROP INDEX IF EXISTS jobs_ranking;
    CREATE INDEX jobs_listing ON jobs(
        level, level_inferred, plain, role, remote, remote_stated, salary_currency, salary_period,
        salary_max, salary_min, posted, employment_type, location, company, title
    );
    CREATE TABLE job_asks (
        level TEXT NOT NULL,
        level_inferred INTEGER NOT NULL,
        job INTEGER NOT NULL,
        role TEXT,
        remote INTEGER NOT NULL,
        extracted INTEGER NOT NULL,
        ask_own REAL NOT NULL,
        ask_weight REAL NOT NULL,
        years_asked INTEGER,
        degree_asked TEXT,
        high INTEGER NOT NULL,
        low INTEGER NOT NULL,
        PRIMARY KEY (level, level_inferred, job)
    ) WITHOUT ROWID;
    CREATE UNIQUE INDEX job_asks_by_job ON job_asks(job);
    INSERT INTO job_asks
        SELECT coalesce(level, ''), level_inferred, rowid, role, remote, extracted, ask_own, ask_weight,
               years_asked, degree_asked, ask_mask(asked, 2), ask_mask(asked, 1)
        FROM jobs;
    CREATE TRIGGER job_asks_insert AFTER INSERT ON jobs BEGIN
        INSERT INTO job_asks VALUES (
            coalesce(new.level, ''), new.level_inferred, new.rowid, new.role, new.remote, new.extracted,
            new.ask_own, new.ask_weight, new.years_asked, new.degree_asked, ask_mask(new.asked, 2),
            ask_mask(new.asked, 1));
    END;
    CREATE TRIGGER job_asks_reindex AFTER UPDATE OF asked, extracted, ask_own, ask_weight, years_asked,
        degree_asked ON jobs BEGIN
        UPDATE job_asks SET extracted = new.extracted, ask_own = new.ask_own, ask_weight = new.ask_weight,
            years_asked = new.years_asked, degree_asked = new.degree_asked,
            high = ask_mask(new.asked, 2), low = ask_mask(new.asked, 1)
        WHERE job = new.rowid;
    END;
    CREATE TRIGGER job_asks_delete AFTER DELETE ON jobs BEGIN
        DELETE FROM job_asks WHERE job = old.rowid;
    END;
    """,
)
# The bit of each skill in job_asks' masks (bit i: 1 << i). Part of the schema: append only
# (to 62 entries), never reorder; a skill not here (one a pack adds) sets the shared bit 62,
# so a mask may say more than the posting asks but never less (job_fit.bound_sql's bound
# stays a bound). The bundled catalog's skills, less four the postings rarely ask.
ASK_BITS: tuple[str, ...] = (
    *("python", "r", "sql", "java", "cpp", "scala", "go", "c", "software-engineering"),
    *("version-control", "testing", "statistics", "mathematics", "sas", "experimentation"),
    *("time-series", "optimization", "financial-modeling", "machine-learning", "deep-learning"),
    *("data-preprocessing", "feature-engineering", "model-selection", "scikit-learn", "tensorflow"),
    *("keras", "pytorch", "spark", "hadoop", "big-data", "etl", "data-modeling", "data-warehousing"),
    *("airflow", "dbt", "nosql", "data-governance", "data-quality", "data-analysis"),
    *("data-visualization", "tableau", "power-bi", "excel", "aws", "azure", "gcp", "cloud-computing"),
    *("docker", "kubernetes", "ci-cd", "mlops", "model-deployment", "nlp", "computer-vision", "llms"),
    *("prompt-engineering", "reinforcement-learning", "research", "leadership", "people-management"),
    *("communication", "stakeholder-management"),
)
OTHER_BIT = 62
_BIT = {skill: 1 << i for i, skill in enumerate(ASK_BITS)}


def ask_bit(skill: str) -> int:
    """The bit of `skill` in job_asks' masks."""
    return _BIT.get(skill, 1 << OTHER_BIT)


_WEIGHT_BITS = {"r": 3, "": 2, "p": 1}  # job_fit.WEIGHT: required 3, not said 2, preferred 1


def _ask_mask(asked: str | None, part: int) -> int:
    """The mask of the skills `asked` (asks.encode's " python:r sql: ") weighs with `part`
    (2 or 1) in its weight: `high` (2: required and not said) or `low` (1: required, preferred)."""
    mask = 0
    for item in (asked or "").split():
        skill, _, mark = item.partition(":")
        if _WEIGHT_BITS.get(mark, 2) & part:
            mask |= ask_bit(skill)
    return mask


# A row's remote as Job.remote reads it: 1, 0, or NULL when the posting does not say.
_REMOTE = "CASE WHEN remote_stated THEN remote END"
_INSERT = """
INSERT OR IGNORE INTO jobs (
    id, source, source_id, dedup_key, title, company, location, remote, employment_type,
    level, level_inferred, salary_min, salary_max, salary_currency, salary_period, salary_text,
    role, skills, posted, url, description, batch, plain, asked, years_asked, degree_asked, evidence,
    extracted, text_length, ask_weight, ask_own, remote_stated
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_JOB_COLUMNS = (
    f"id, source, title, company, location, {_REMOTE}, employment_type, level, salary_min, salary_max, "
    "salary_currency, salary_period, role, skills, posted, url, description, level_inferred, "
    "asked, years_asked, degree_asked, evidence, extracted, text_length"
)
# level_inferred: 0 stated, 1 guessed from the title, 2 the default (stores before schema 5
# held 1 for both; migration 5 tells them apart by record.title_level, as level_source does)
LEVEL_CODES = {"stated": 0, "title": 1, "default": 2}
_LEVEL_SOURCES = {code: source for source, code in LEVEL_CODES.items()}
FEED_NAMES = {
    "remotive": "Remotive (https://remotive.com)",
    "arbeitnow": "Arbeitnow (https://www.arbeitnow.com)",
    "remoteok": "Remote OK (https://remoteok.com)",
}


class Batch(NamedTuple):
    source: str
    kind: str  # import | fetch
    origin: str  # the file or URL
    rows: int
    jobs: Sequence[ImportedJob]


class SourceInfo(NamedTuple):
    source: str
    jobs: int
    last_kind: str | None
    last_at: str | None
    last_origin: str | None


def store_path() -> Path:
    return state_dir() / STORE_FILE


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _connect(path: Path, create: bool) -> sqlite3.Connection:
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataError(f"{path.parent}: cannot create the state folder ({exc.strerror})") from None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.create_function("casefold", 1, _casefold, deterministic=True)
        conn.create_function("title_level", 1, _title_level, deterministic=True)
        conn.create_function("ask_mask", 2, _ask_mask, deterministic=True)
    except sqlite3.Error as exc:
        raise _store_error(path, exc) from None
    return conn


def _title_level(title: str | None) -> str | None:
    from careercli.jobs.record import title_level

    return title_level(title) if isinstance(title, str) else None


def _casefold(text: str | None) -> str | None:
    return text.casefold() if isinstance(text, str) else text


def _store_error(path: Path, exc: sqlite3.Error) -> DataError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DataError(f"{path}: the job store is busy (another careercli is writing); try again")
    if "not a database" in text or "malformed" in text:
        return DataError(f"{path}: not a careercli job store ({text}); move it away to start afresh")
    return DataError(f"{path}: job store error: {text}")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        raise DataError(
            f"{path}: written by a newer careercli (schema {version}, this one knows "
            f"{len(MIGRATIONS)}); upgrade careercli"
        )
    if version == 0:  # a new store, or some other SQLite file at our path: never add to that
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if tables:
            held = ", ".join(sorted(tables)[:3])
            raise DataError(
                f"{path}: not a careercli job store (it holds other tables: {held}); "
                "move it away to start afresh"
            )
    for i in range(version, len(MIGRATIONS)):
        for statement in _statements(MIGRATIONS[i]):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {i + 1}")


def _statements(script: str) -> Iterator[str]:
    """A migration script split into statements (sqlite3.complete_statement knows triggers)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


@contextmanager
def writing(path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """One write transaction: BEGIN IMMEDIATE, migrations, the caller's writes, COMMIT."""
    path = path or store_path()
    conn = _connect(path, create=True)
    try:
        conn.execute("BEGIN IMMEDIATE")
        _migrate(conn, path)
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise _store_error(path, exc) from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


@contextmanager
def reading(path: Path | None = None) -> Iterator[sqlite3.Connection | None]:
    """A read-only view; None when there is no store yet (it is never created by reading)."""
    path = path or store_path()
    if not path.is_file():
        yield None
        return
    conn = _connect(path, create=False)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version != len(MIGRATIONS):
            if version > len(MIGRATIONS):
                _migrate(conn, path)  # raises the "newer careercli" error
            conn.close()
            with writing(path):
                pass  # bring an old store up to date, then read it
            conn = _connect(path, create=False)
        yield conn
    except sqlite3.Error as exc:
        raise _store_error(path, exc) from None
    finally:
        conn.close()


def add_batches(
    batches: Sequence[Batch],
    path: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Store every batch in one transaction; returns how many jobs of each were new."""
    added: list[int] = []
    at = now()
    done = 0
    with writing(path) as conn:
        for b in batches:
            cur = conn.execute(
                "INSERT INTO batches (source, kind, origin, at, rows, added) VALUES (?, ?, ?, ?, ?, 0)",
                (b.source, b.kind, b.origin, at, b.rows),
            )
            batch_id = int(cur.lastrowid or 0)
            count = 0
            for start in range(0, len(b.jobs), CHUNK):
                chunk = b.jobs[start : start + CHUNK]
                cur = conn.executemany(_INSERT, (_row(j, b.source, batch_id) for j in chunk))
                count += max(cur.rowcount, 0)
                done += len(chunk)
                if progress is not None:
                    progress(done)
            conn.execute("UPDATE batches SET added = ? WHERE id = ?", (count, batch_id))
            added.append(count)
    return added


def fill_salaries(jobs: Iterable[ImportedJob], path: Path | None = None) -> int:
    """Jobs stored before without a salary get the one read now (a re-import with
    --currency reads salaries that named no currency); returns how many were filled."""
    rows = [(s.min, s.max, s.currency, s.period, j.dedup_key()) for j in jobs if (s := j.salary) is not None]
    if not rows:
        return 0
    sql = (
        "UPDATE jobs SET salary_min = ?, salary_max = ?, salary_currency = ?, salary_period = ? "
        "WHERE dedup_key = ? AND salary_currency IS NULL AND salary_min IS NULL AND salary_max IS NULL"
    )
    with writing(path) as conn:
        return max(conn.executemany(sql, rows).rowcount, 0)


def _row(j: ImportedJob, source: str, batch: int) -> tuple[object, ...]:
    sal = j.salary
    key = j.dedup_key()
    sid = j.source_id
    safe = sid is not None and len(sid) <= 40 and sid.replace("-", "").replace("_", "").isalnum()
    job_id = f"{source}-{sid if safe else key[:12]}".lower()
    skills = "\n".join(j.skills)
    text = j.title + j.company + j.description + skills
    return (
        job_id,
        source,
        sid,
        key,
        j.title,
        j.company,
        j.location,
        int(j.remote or False),
        ";".join(j.employment_type),
        j.level,
        LEVEL_CODES[j.level_source],
        sal.min if sal else None,
        sal.max if sal else None,
        sal.currency if sal else None,
        sal.period if sal else None,
        j.salary_text,
        j.role,
        skills,
        j.posted,
        j.url,
        j.description,
        batch,
        int(text.isascii() and "\0" not in text),
        *_asks_columns(j.asks),
        int(j.remote is not None),
    )


def _asks_columns(asks: Asks | PendingAsks | None) -> tuple[object, ...]:
    if asks is None:
        return ("", None, None, "", 0, 0, 0.0, 0.0)
    from careercli.jobs.asks import Asks, store_columns

    if isinstance(asks, Asks):
        return store_columns(asks)
    return asks.columns()  # read by the import's worker process (careercli.jobs.extraction)


def clear(source: str | None = None, path: Path | None = None) -> int:
    """Remove every stored job (or one source's); returns how many were removed."""
    path = path or store_path()
    if not path.is_file():
        return 0
    with writing(path) as conn:
        if source is None:
            removed = int(conn.execute("SELECT count(*) FROM jobs").fetchone()[0])
            conn.execute("DELETE FROM jobs")
            conn.execute("INSERT INTO jobs_fts(jobs_fts) VALUES ('delete-all')")
            conn.execute("DELETE FROM batches")
        else:
            removed = conn.execute("DELETE FROM jobs WHERE source = ?", (source,)).rowcount
            conn.execute("DELETE FROM batches WHERE source = ?", (source,))
    return int(removed)


def sources(path: Path | None = None) -> list[SourceInfo]:
    with reading(path) as conn:
        if conn is None:
            return []
        counts = dict(conn.execute("SELECT source, count(*) FROM jobs GROUP BY source").fetchall())
        last = {
            row[0]: row[1:]
            for row in conn.execute(
                "SELECT source, kind, at, origin FROM batches b WHERE id = "
                "(SELECT max(id) FROM batches WHERE source = b.source)"
            )
        }
    names = sorted(set(counts) | set(last))
    return [SourceInfo(n, int(counts.get(n, 0)), *(last.get(n) or (None, None, None))) for n in names]


def source_names(path: Path | None = None) -> list[str]:
    return [s.source for s in sources(path)]


def source_label(source: str) -> str:
    """What the listing's "Source:" line says for a stored job."""
    return FEED_NAMES.get(source, f"imported: {source}")


def fts_tokens(words: Iterable[str]) -> list[str]:
    """The FTS5 prefix terms that every job matching the search `words` must contain.

    The pure filter matches a casefolded word at the start of a word. Each ASCII word's
    letter-and-digit runs then start FTS5 tokens (the tokenizer splits on everything but
    letters and digits, as the pure filter's word boundary does), so "term*" AND ... is a
    superset. Words with other characters are left to the pure filter alone.
    """
    out: list[str] = []
    for word in words:
        folded = word.casefold()
        if folded.isascii():
            out += [t for t in re.findall(r"[a-z0-9]+", folded) if t not in out]
    return out


def query_jobs(query: JobQuery, path: Path | None = None) -> list[Job]:
    """The stored jobs that may match `query` (the level, role, remote and search filters
    pushed down to SQL and FTS5); job_filter.filter_jobs then decides exactly."""
    return load_jobs(query.levels, query.role, query.remote, fts_tokens(query.search), path)


def load_jobs(
    levels: Iterable[str] = (),
    role: str | None = None,
    remote: bool = False,
    fts_words: Sequence[str] = (),
    path: Path | None = None,
) -> list[Job]:
    """Stored jobs narrowed in SQL. Every filter here is a superset of the pure filter in
    job_filter (which still runs over the result), so the answer equals a full scan's."""
    where, args = _where(levels, role, remote, fts_words)
    sql = f"SELECT {_JOB_COLUMNS} FROM jobs{where} ORDER BY rowid"  # noqa: S608
    with reading(path) as conn:
        if conn is None:
            return []
        return [_job(r) for r in conn.execute(sql, args)]


def _where(
    levels: Iterable[str], role: str | None, remote: bool, fts_words: Sequence[str]
) -> tuple[str, list[object]]:
    """The WHERE clause (with its leading space) and its parameters for load_jobs' filters."""
    where: list[str] = []
    args: list[object] = []
    levels = sorted(set(levels))
    if levels:
        # a level nothing said (the default) is no level to match
        where.append(f"level IN ({', '.join('?' * len(levels))}) AND level_inferred < 2")
        args += levels
    if role is not None:
        where.append("role = ?")
        args.append(role)
    if remote:
        where.append("remote = 1")
    if fts_words:
        where.append("rowid IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?)")
        args.append(" AND ".join(f'"{w}"*' for w in fts_words))
    # Only fixed column names and ? placeholders are joined here; every value is a parameter.
    return (f" WHERE {' AND '.join(where)}" if where else ""), args


def _job(r: tuple[object, ...]) -> Job:

    (jid, source, title, company, location, remote, types, level) = r[:8]
    (low, high, currency, period, role, skills, posted, url, description, inferred) = r[8:18]
    (asked, years, degree, evidence, extracted, length) = r[18:24]
    salary = (
        Salary(low, high, str(currency), str(period))  # type: ignore[arg-type]
        if currency is not None and (low is not None or high is not None)
        else None
    )
    return Job(
        id=str(jid),
        title=str(title),
        company=str(company),
        location=str(location),
        remote=None if remote is None else bool(remote),
        employment_type=tuple(str(types).split(";")) if types else (),
        level=level,  # type: ignore[arg-type]
        salary=salary,
        role=role,  # type: ignore[arg-type]
        skills=tuple(str(skills).split("\n")) if skills else (),
        posted=posted,  # type: ignore[arg-type]
        url=url,  # type: ignore[arg-type]
        source=source_label(str(source)),
        description=str(description),
        level_source=_LEVEL_SOURCES.get(int(inferred), "title"),  # type: ignore[call-overload]
        asks=_decoded(asked, years, degree, evidence, length) if extracted else None,
    )


def _decoded(asked: object, years: object, degree: object, evidence: object, length: object) -> Asks:
    from careercli.jobs.asks import decode

    return decode(
        str(asked),
        int(years) if isinstance(years, int) else None,
        str(degree) if degree is not None else None,
        str(evidence),
        length if isinstance(length, int) else 0,
    )


# The columns search_jobs ranks by: no description, url or skills (a row is ~60 bytes, not ~600).
_LIGHT_COLUMNS = (
    f"rowid, title, company, location, {_REMOTE}, employment_type, level, salary_min, salary_max, "
    "salary_currency, salary_period, role, posted, asked, years_asked, degree_asked, extracted, "
    "text_length"
)
_EXACT_WORD = re.compile(r"[a-z0-9]+")


def search_jobs(
    others: Sequence[Job],
    query: JobQuery,
    rates: RateTable,
    fits: Mapping[str, float] | None = None,
    path: Path | None = None,
    fitter: JobFitter | None = None,
    stream: bool = False,
) -> JobSearch:
    """`filter_jobs([*others, *every stored job], query, rates, fits, fitter)`, exactly, but cheaply.

    With `stream` (the output written as it comes: `--all`, `--json`, `--csv`), an unlimited
    listing comes back with its matches read in order as iterated (careercli.jobs.stream).

    A listing with a limit (the default table's 50, `--for-me --limit 20`) has SQLite pick
    the stored rows that can be in its top N, every filter and the order in SQL
    (stream.top_search; by pay with only the level, role, remote and search filters, from
    the `jobs_listing` index alone: `_top_by_pay`); filter_jobs and JobFitter then rank
    those beside the other jobs, exactly. Only the matches shown (and the floor's notes)
    are read in full. Otherwise (unlimited, not streamed) the level, role, remote and
    search filters run in SQL and FTS5 (see load_jobs) and the rows that pass become light
    Jobs (no description, skills or url) for filter_jobs to filter and rank.
    """
    from careercli.jobs.query import filter_jobs, job_predicate
    from careercli.jobs.stream import stream_search, streams, top_search

    if stream and streams(query, fits, fitter):
        return stream_search(others, query, rates, path, fits, fitter)
    search = query.search
    with reading(path) as conn:
        if conn is None:
            return filter_jobs(others, query, rates, fits, fitter)
        where, args = _where(query.levels, query.role, query.remote, fts_tokens(search))
        exact = all(_EXACT_WORD.fullmatch(w.strip().casefold()) for w in search)
        # The stored jobs come back light (no description), so the search words are settled
        # here, for the other jobs by the filter's own test, and left out of the query.
        mine = [j for j in others if job_predicate(query)(j)] if search else list(others)
        if exact and fitter is None and _ranks_by_pay(query, fits):
            found = _top_by_pay(conn, mine, query, rates, fits, (where, args))
            if found is not None:
                return found
        if query.limit is not None and query.limit > 0:
            return top_search(conn, others, query, rates, fits, fitter)
        check = "NOT plain" if exact and search else ("1" if search else "0")
        sql = f"SELECT {_LIGHT_COLUMNS}, {check} FROM jobs{where} ORDER BY rowid"  # noqa: S608
        rows = conn.execute(sql, args).fetchall()
        passed = _passing(conn, [r[0] for r in rows if r[-1]], search)
        candidates, light = _with_light(mine, (r for r in rows if not r[-1] or r[0] in passed))
        result = filter_jobs(candidates, query._replace(search=()), rates, fits, fitter)
        return _filled(conn, result, query, light, path)


def _ranks_by_pay(query: JobQuery, fits: Mapping[str, float] | None) -> bool:
    """Whether `query` is a pay-ranked, limited listing whose filters all run in SQL."""
    by_pay = query.sort == "salary" or (query.sort == "fit" and not fits)
    pushed_down_only = not (query.locations or query.types or query.company) and query.min_salary is None
    return by_pay and pushed_down_only and query.limit is not None and query.limit > 0


def _top_by_pay(
    conn: sqlite3.Connection,
    others: list[Job],
    query: JobQuery,
    rates: RateTable,
    fits: Mapping[str, float] | None,
    where_args: tuple[str, list[object]],
) -> JobSearch | None:
    """The pay-ranked top `limit`, read from the `jobs_listing` index; None if it cannot tell.

    SQL gives every matching row's yearly top of range in the query's currency, unrounded
    (`_pay_sql`); filter_jobs ranks by that figure rounded, then by title. Rounding never
    reorders two figures more than 1 apart, so every row that can be in the top `limit` has
    a figure at least the `limit`-th largest minus 1: only those rows are read and ranked
    exactly, beside the other (bundled) jobs, which `others` holds already searched. With
    fewer priced rows than `limit`, the unpriced ones would rank by title: None, and the
    caller takes the general path.
    """
    from careercli.jobs.query import filter_jobs, job_predicate

    assert query.limit is not None
    where, args = where_args
    pay, pay_args = _pay_sql(query.currency, rates)
    if query.search:
        sql = f"SELECT rowid, plain, {pay} FROM jobs{where}"  # noqa: S608
        rows = conn.execute(sql, [*pay_args, *args]).fetchall()
        passed = _passing(conn, [r[0] for r in rows if not r[1]], query.search)
        rows = [r for r in rows if r[1] or r[0] in passed]
        priced = [r[2] for r in rows if r[2] is not None]
        if len(priced) < query.limit:
            return None
        floor = heapq.nlargest(query.limit, priced)[-1] - 1.0
        wanted = [r[0] for r in rows if r[2] is not None and r[2] >= floor]
        stored = len(rows)
    else:
        found = _top_in_sql(conn, query.limit, (query.currency, rates), (pay, pay_args), (where, args))
        if found is None:
            return None
        wanted, stored = found
    keep = job_predicate(query._replace(search=()))
    mine = [j for j in others if keep(j)]
    candidates, light = _with_light(mine, _light_rows(conn, wanted))
    result = filter_jobs(candidates, query._replace(search=()), rates, fits)
    return _filled(conn, result._replace(total=len(mine) + stored), query, light)


def _top_in_sql(
    conn: sqlite3.Connection,
    limit: int,
    money: tuple[str, RateTable],
    pay_args: tuple[str, list[object]],
    where_args: tuple[str, list[object]],
) -> tuple[list[int], int] | None:
    """Without search words, the top `limit` by pay found in SQLite, not every row brought
    into Python: per currency and period (a handful), the top rows by amount (a top-N sort
    in C; the factor is one number there, so the order is the pay order), merged. Returns
    the rowids at or above the floor, and how many rows match; None with fewer priced rows
    than `limit`. A few more rows than `limit` are read per group, so that every row within
    1 of the floor comes too; when ties run past them, a second pass reads the rest."""
    from careercli.jobs.query import pay_factor
    from careercli.jobs.stream import SQL_LIMIT

    (currency, rates), (pay, pargs), (where, args) = money, pay_args, where_args
    (stored,) = conn.execute(f"SELECT count(*) FROM jobs{where}", args).fetchone()  # noqa: S608
    narrow = f"{where} AND" if where else " WHERE"
    groups = conn.execute(
        f"SELECT DISTINCT salary_currency, salary_period FROM jobs{narrow} salary_currency IS NOT NULL",  # noqa: S608
        args,
    ).fetchall()
    wanted = min(limit, SQL_LIMIT) + 64
    top: list[tuple[float, int]] = []
    edges: list[float] = []  # the smallest pay read in each group that filled its `wanted`
    for code, period in groups:
        found = pay_factor(code, period, currency, rates)
        if found is None:
            continue
        sql = (
            f"SELECT rowid, coalesce(salary_max, salary_min) AS a FROM jobs{narrow} salary_currency = ? "  # noqa: S608
            "AND salary_period = ? AND a IS NOT NULL ORDER BY a DESC LIMIT ?"
        )
        rows = conn.execute(sql, [*args, code, period, wanted]).fetchall()
        top += [(amount * found[0], rowid) for rowid, amount in rows]
        if len(rows) == wanted:
            edges.append(rows[-1][1] * found[0])
    if len(top) < limit:
        return None
    top.sort(reverse=True)
    floor = top[limit - 1][0] - 1.0
    if all(edge < floor for edge in edges):
        return [rowid for p, rowid in top if p >= floor], stored
    sql = f"SELECT rowid FROM (SELECT rowid, {pay} AS p FROM jobs{where}) WHERE p >= ?"  # noqa: S608
    return [r[0] for r in conn.execute(sql, [*pargs, *args, floor])], stored


def _with_light(others: list[Job], rows: Iterable[tuple[Any, ...]]) -> tuple[list[Job], dict[str, int]]:
    """`others` and the stored `rows` as light Jobs, and each light Job's id -> its rowid.

    A light Job's id is "#" and its rowid, which no real job id can be (ids are
    identifiers: letters, digits and hyphens), so a result maps back by value, not by
    object identity."""
    candidates = list(others)
    light: dict[str, int] = {}
    for r in rows:
        job = _light_job(r)
        light[job.id] = r[0]
        candidates.append(job)
    return candidates, light


def _pay_sql(currency: str, rates: RateTable) -> tuple[str, list[object]]:
    """SQL for a row's top of range per year in `currency` (NULL: no salary, or no rate).

    The factors are job_filter's own (pay_factor), so the product is the very float
    filter_jobs computes before it rounds."""
    from careercli.common.vocab import PAY_PERIODS
    from careercli.jobs.query import pay_factor

    arms: list[str] = []
    args: list[object] = []
    for code in [currency, *sorted(set(rates.rates) - {currency})]:  # the listing's currency first: most rows
        factors = {period: pay_factor(code, period, currency, rates) for period in PAY_PERIODS}
        known = {period: found[0] for period, found in factors.items() if found is not None}
        if not known:
            continue
        arms.append(f"WHEN ? THEN CASE salary_period {' '.join('WHEN ? THEN ?' for _ in known)} END")
        args.append(code)
        for period, times in known.items():
            args += [period, times]
    return f"coalesce(salary_max, salary_min) * CASE salary_currency {' '.join(arms)} END", args


def _passing(conn: sqlite3.Connection, ids: Sequence[int], search: Sequence[str]) -> set[int]:
    """Which of the rows `ids` hold every search word, by job_filter's own word test."""
    from careercli.jobs.query import search_text, words_match

    has_words = words_match(search)
    return {
        rowid
        for rowid, (title, company, description, skills) in _texts(conn, ids).items()
        if has_words(search_text(title, company, description, skills.split("\n")))
    }


def _filled(
    conn: sqlite3.Connection,
    result: JobSearch,
    query: JobQuery,
    light: dict[str, int],
    path: Path | None = None,
) -> JobSearch:
    """`result` with its light stored jobs read in full, and the caller's query restored.
    More than LAZY_FROM matches (an unlimited listing of a big store: --all, --json, --csv)
    are read in full only as they are iterated, a chunk at a time, so that the output
    starts at once and the full rows are never all in memory. Light jobs map back to their
    rows by their "#rowid" ids (_with_light), never by object identity."""
    below = {light[m.job.id] for m in result.below_floor if m.job.id in light}
    if len(result.matches) > LAZY_FROM:
        full = _full_jobs(conn, below)
        matches: Sequence[JobMatch] = LazyMatches(result.matches, light, path)
    else:
        full = _full_jobs(conn, below | {light[m.job.id] for m in result.matches if m.job.id in light})
        matches = [_fill(m, light, full) for m in result.matches]
    return result._replace(
        query=query, matches=matches, below_floor=[_fill(m, light, full) for m in result.below_floor]
    )


LAZY_FROM = 2000


class LazyMatches(Sequence["JobMatch"]):
    """Ranked matches whose stored jobs are light (no description, skills, url): each is
    read in full when it is reached, 500 at a time; nothing read is kept."""

    def __init__(self, matches: Sequence[JobMatch], light: dict[str, int], path: Path | None) -> None:
        self._matches = list(matches)
        self._rowids = [light.get(m.job.id) for m in self._matches]
        self._path = path

    def __len__(self) -> int:
        return len(self._matches)

    @property
    def light(self) -> Sequence[JobMatch]:
        """The matches as ranked, their stored jobs light: what a table's widths need."""
        return self._matches

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return next(iter(self._read(range(len(self))[index], 1)))

    def __iter__(self) -> Iterator[JobMatch]:
        return self._read(0, len(self))

    def _read(self, start: int, count: int) -> Iterator[JobMatch]:
        for at in range(start, start + count, 500):
            part = range(at, min(at + 500, start + count))
            ids = {r for r in (self._rowids[i] for i in part) if r is not None}
            with reading(self._path) as conn:
                full = _full_jobs(conn, ids) if conn is not None else {}
            for i in part:
                m, rowid = self._matches[i], self._rowids[i]
                yield m if rowid is None else m._replace(job=full[rowid])


def _light_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    for part in _chunks(ids):
        marks = ", ".join("?" * len(part))
        sql = f"SELECT {_LIGHT_COLUMNS} FROM jobs WHERE rowid IN ({marks}) ORDER BY rowid"  # noqa: S608
        yield from conn.execute(sql, part)


def _fill(m: JobMatch, light: dict[str, int], full: dict[int, Job]) -> JobMatch:
    rowid = light.get(m.job.id)
    return m if rowid is None else m._replace(job=full[rowid])


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), 500):
        yield ids[start : start + 500]


def _texts(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[str, str, str, str]]:
    out: dict[int, tuple[str, str, str, str]] = {}
    for part in _chunks(ids):
        marks = ", ".join("?" * len(part))
        sql = f"SELECT rowid, title, company, description, skills FROM jobs WHERE rowid IN ({marks})"  # noqa: S608
        out.update((r[0], r[1:]) for r in conn.execute(sql, part))
    return out


def _full_jobs(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Job]:
    out: dict[int, Job] = {}
    for part in _chunks(sorted(ids)):
        marks = ", ".join("?" * len(part))
        sql = f"SELECT rowid, {_JOB_COLUMNS} FROM jobs WHERE rowid IN ({marks})"  # noqa: S608
        out.update((r[0], _job(r[1:])) for r in conn.execute(sql, part))
    return out


def _light_job(r: tuple[Any, ...]) -> Job:
    """A stored row as a Job with what filter_jobs needs once the search words are settled."""
    from careercli.jobs.asks import decode

    (_rowid, title, company, location, remote, types, level, low, high, currency, period, role, posted) = r[
        :13
    ]
    (asks_text, years, degree, extracted, length) = r[13:18]
    return Job(
        f"#{_rowid}",
        title,
        company,
        location,
        None if remote is None else bool(remote),
        tuple(types.split(";")) if types else (),
        level,
        Salary(low, high, currency, period)
        if currency is not None and (low is not None or high is not None)
        else None,
        role,
        (),
        posted,
        None,
        "",
        "",
        asks=decode(asks_text, years, degree, length=int(length or 0)) if extracted else None,
    )


def stale_count(path: Path | None = None) -> int:
    """Stored postings whose asks have not been read (stored before extraction existed)."""
    with reading(path) as conn:
        if conn is None:
            return 0
        return int(conn.execute("SELECT count(*) FROM jobs WHERE extracted = 0").fetchone()[0])


def reindex(
    catalog: Catalog,
    path: Path | None = None,
    only_stale: bool = False,
    progress: Callable[[int], None] | None = None,
    worker: bool = True,
) -> int:
    """Read again what every stored posting asks (after the skill catalog changed, or a
    pack added skills), in one transaction; returns how many rows were read. Its tags are
    the catalog skills its stored skills name.

    The rows are read CHUNK at a time in rowid order, so memory stays flat however big the
    store; for a big store a worker process reads the postings while this one goes on
    reading and writing rows (careercli.jobs.extraction, as `jobs import` does; `worker`
    False: all here). The columns written are the same either way."""
    from careercli.extract.skills import finder_for
    from careercli.jobs.extraction import MIN_ROWS, Extraction, PendingAsks, worker_available

    path = path or store_path()
    if not path.is_file():
        return 0
    finder = finder_for(catalog)
    done = 0
    stale = "extracted = 0 AND " if only_stale else ""
    select = (
        f"SELECT rowid, title, description, skills FROM jobs WHERE {stale}rowid > ? ORDER BY rowid LIMIT ?"  # noqa: S608
    )
    update = (
        "UPDATE jobs SET asked = ?, years_asked = ?, degree_asked = ?, evidence = ?, extracted = ?, "
        "text_length = ?, ask_weight = ?, ask_own = ? WHERE rowid = ?"
    )
    with reading(path) as conn:
        rows = int(conn.execute(f"SELECT count(*) FROM jobs WHERE {stale}1").fetchone()[0]) if conn else 0  # noqa: S608
    # the worker is forked before the store is opened for writing: it never holds the connection
    extraction = None
    if worker and rows >= MIN_ROWS and worker_available():
        extraction = Extraction(finder, unchanged="the stored postings are unchanged")
    ahead = _REINDEX_AHEAD if extraction is not None else 0
    # chunks read and handed over, not written yet: the worker reads ahead of the writes
    pending: collections.deque[list[tuple[int, PendingAsks | tuple[object, ...]]]] = collections.deque()
    last = -1
    try:
        with writing(path) as conn:
            while True:
                chunk = conn.execute(select, (last, CHUNK)).fetchall()
                if chunk:
                    last = chunk[-1][0]
                    pending.append(_reindexed(chunk, catalog, finder, extraction))
                elif extraction is not None:
                    extraction.finish()
                while pending and (not chunk or len(pending) > ahead):
                    written = [
                        (*(c.columns() if isinstance(c, PendingAsks) else c), rowid)
                        for rowid, c in pending.popleft()
                    ]
                    conn.executemany(update, written)
                    done += len(written)
                    if progress is not None:
                        progress(done)
                if not chunk:
                    return done
    except BaseException:
        if extraction is not None:
            extraction.abort()
        raise


def _reindexed(
    rows: list[tuple[int, str, str, str]],
    catalog: Catalog,
    finder: SkillFinder,
    extraction: Extraction | None,
) -> list[tuple[int, PendingAsks | tuple[object, ...]]]:
    """Each row's id and its asks' columns: read here, or handed to the worker."""
    from careercli.jobs.asks import read_asks, store_columns

    out: list[tuple[int, PendingAsks | tuple[object, ...]]] = []
    for rowid, title, description, skills in rows:
        tags = [t for t in str(skills).split("\n") if t in catalog.skills]
        if extraction is not None:
            out.append((rowid, extraction.add(title, description, "", tags, tags)))
        else:
            out.append((rowid, store_columns(read_asks(finder, title, description, "", tags, tags))))
    return out


_REINDEX_AHEAD = 2  # chunks of rows read before the first is written: work waiting for the worker


def job_by_id(job_id: str, path: Path | None = None) -> Job | None:
    """The stored job with this id (the first stored, should two share it), in full."""
    with reading(path) as conn:
        if conn is None:
            return None
        row = conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ? ORDER BY rowid LIMIT 1",  # noqa: S608
            (job_id.strip().lower(),),
        ).fetchone()
        return _job(row) if row else None


def stored_ids(prefix: str, path: Path | None = None, limit: int = 200) -> list[str]:
    """Stored job ids starting like `prefix`, for a "did you mean"."""
    with reading(path) as conn:
        if conn is None:
            return []
        like = prefix.strip().lower()[:3].replace("%", "").replace("_", "") + "%"
        return [r[0] for r in conn.execute("SELECT id FROM jobs WHERE id LIKE ? LIMIT ?", (like, limit))]


def demand_rows(
    role: str | None, level: str | None, path: Path | None = None
) -> tuple[list[tuple[str, str, int, str, str | None]], tuple[str, str] | None]:
    """(asked, location, remote, source, posted) of every read posting of the role and
    level, and the first and last import or fetch they came in."""
    where, args = _where([level] if level else [], role, False, ())
    extra = " AND extracted = 1" if where else " WHERE extracted = 1"
    with reading(path) as conn:
        if conn is None:
            return [], None
        rows = conn.execute(
            f"SELECT asked, location, remote, source, posted FROM jobs{where}{extra}",  # noqa: S608
            args,
        ).fetchall()
        inner = f"SELECT batch FROM jobs{where}{extra}"  # noqa: S608 - fixed names, ? parameters
        span = conn.execute(
            "SELECT min(b.at), max(b.at) FROM batches b WHERE b.id IN (" + inner + ")",  # noqa: S608
            args,
        ).fetchone()
    imported = (str(span[0]), str(span[1])) if span and span[0] else None
    return [(str(a), str(loc), int(r), str(s), p) for a, loc, r, s, p in rows], imported
