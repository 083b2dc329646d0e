"""`jobs --json` / `--csv` over a big store, streamed: rows come from SQLite in the listing's
order, a chunk at a time, so the output starts at once and memory stays flat.

The order is the very key filter_jobs sorts by (query._SORTS): SQLite sorts the matching
rowids by the same figures, computed by the same Python (a `pay_key` function on the
connection runs query's own salary converter; `casefold` is the store's), then rowid, which
is filter_jobs' stable tie order; the bundled and pack jobs, ranked by filter_jobs, are
merged in front of equal stored rows, as they come first in its input. The listing is then
byte for byte the one filter_jobs gives (tests/test_job_stream.py compares them).

Streamed: no limit (--all as JSON or CSV), sorted by title, date or pay, the filters all
pushed down to SQL (--level, --role, --remote), no search words, no salary floor and no
profile. A profile's fit is a score per row that SQLite cannot order by without scoring
every row first, so a fit-ranked listing takes the general path (rank all, then write).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careercli.common.currency import RateTable
from careercli.jobs.model import Job, Salary

if TYPE_CHECKING:
    import sqlite3

    from careercli.jobs.job_fit import JobFitter
    from careercli.jobs.query import JobMatch, JobQuery, JobSearch

_PAY = "pay_key(salary_currency, salary_period, salary_min, salary_max)"
_TITLE = "casefold(title), casefold(company)"
ORDERS = {
    "title": _TITLE,
    "salary": f"{_PAY} IS NULL, {_PAY}, {_TITLE}",
    "posted": f"posted IS NULL, posted DESC, {_PAY} IS NULL, {_PAY}, {_TITLE}",
}
CHUNK = 500


def ranked_by(query: JobQuery, fits: Mapping[str, float] | None, fitter: JobFitter | None) -> str:
    return query.sort if query.sort != "fit" or fits or fitter else "salary"


def streams(query: JobQuery, fits: Mapping[str, float] | None, fitter: JobFitter | None) -> bool:
    """Whether `query` can be streamed (see the module's docstring)."""
    pushed = (
        not (query.locations or query.types or query.company or query.search) and query.min_salary is None
    )
    simple = query.limit is None and fitter is None and not fits
    return simple and pushed and ranked_by(query, fits, fitter) in ORDERS


def stream_search(others: Sequence[Job], query: JobQuery, rates: RateTable, path: Path | None) -> JobSearch:
    """filter_jobs([*others, *every stored job], query, rates), with the stored matches read
    in order as iterated (the caller has checked `streams`)."""
    from careercli.jobs.query import filter_jobs
    from careercli.jobs.store import _where, reading

    mine = filter_jobs(others, query, rates)
    where, args = _where(query.levels, query.role, query.remote, ())
    with reading(path) as conn:
        if conn is None:
            return mine
        stored = int(conn.execute(f"SELECT count(*) FROM jobs{where}", args).fetchone()[0])  # noqa: S608
        sql = f"SELECT DISTINCT salary_currency FROM jobs{where}{' AND' if where else ' WHERE'} "  # noqa: S608
        sql += "salary_currency IS NOT NULL AND (salary_min IS NOT NULL OR salary_max IS NOT NULL)"
        currencies = {str(r[0]) for r in conn.execute(sql, args)}
    converted = {c for c in currencies if _rate(c, query.currency, rates)} | set(mine.converted)
    matches = StreamedMatches(mine.matches, stored, query, rates, path)
    return mine._replace(matches=matches, total=mine.total + stored, converted=sorted(converted))


def _rate(code: str, currency: str, rates: RateTable) -> bool:
    from careercli.jobs.query import convert_salary

    probe = Job("x", "", "", "", None, (), None, Salary(1.0, 1.0, code, "year"), None, (), None, None, "")
    found = convert_salary(probe, currency, rates)
    return found is not None and found.rate is not None


class StreamedMatches(Sequence["JobMatch"]):
    """The ranked matches: the other jobs' merged with the stored rows, read in order
    CHUNK at a time as iterated; nothing read is kept. Each iteration reads the store again."""

    def __init__(
        self, mine: Sequence[JobMatch], stored: int, query: JobQuery, rates: RateTable, path: Path | None
    ) -> None:
        self._mine, self._stored, self._query, self._rates, self._path = (
            list(mine),
            stored,
            query,
            rates,
            path,
        )

    def __len__(self) -> int:
        return len(self._mine) + self._stored

    def __getitem__(self, index: Any) -> Any:
        import itertools

        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return list(itertools.islice(iter(self), start, stop, step))
        at = range(len(self))[index]
        return next(itertools.islice(iter(self), at, None))

    def __iter__(self) -> Iterator[JobMatch]:
        from careercli.jobs.query import _SORTS

        key = _SORTS[ranked_by(self._query, None, None)]
        return heapq.merge(self._mine, self._rows(), key=key)  # ties: the other jobs first, as in filter_jobs

    def _rows(self) -> Iterator[JobMatch]:
        from careercli.jobs.query import JobMatch, _converter
        from careercli.jobs.store import _full_jobs, _where, reading

        q = self._query
        convert = _converter(q.currency, self._rates)
        where, args = _where(q.levels, q.role, q.remote, ())
        order = ORDERS[ranked_by(q, None, None)]
        with reading(self._path) as conn:
            if conn is None:
                return
            _add_pay_key(conn, q.currency, self._rates)
            cursor = conn.execute(f"SELECT rowid FROM jobs{where} ORDER BY {order}, rowid", args)  # noqa: S608
            while part := [r[0] for r in cursor.fetchmany(CHUNK)]:
                full = _full_jobs(conn, part)
                for rowid in part:
                    job = full[rowid]
                    yield JobMatch(job, None, convert(job.salary))


def _add_pay_key(conn: sqlite3.Connection, currency: str, rates: RateTable) -> None:
    """pay_key(currency, period, min, max): minus the yearly top of range in `currency`, as
    filter_jobs ranks it (query._pay, by the same converter); NULL without one."""
    from careercli.jobs.query import _converter

    convert = _converter(currency, rates)

    def pay_key(code: str | None, period: str | None, low: float | None, high: float | None) -> float | None:
        if code is None or (low is None and high is None):
            return None
        found = convert(Salary(low, high, str(code), str(period)))
        top = found.top if found else None
        return None if top is None else -top

    conn.create_function("pay_key", 4, pay_key, deterministic=True)
