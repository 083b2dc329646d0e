"""Listings of a big job store filtered and ordered in SQLite: every shape of `jobs`.

`conditions` turns every filter of a JobQuery into SQL that keeps exactly the rows
query.filter_jobs keeps: the level, role and remote filters as columns; the search words
by FTS5, exact for a `plain` row whose words are letters and digits, else by the filter's
own word test (a `words_ok` function on the connection); the employment types by `instr`;
the location and company text by the filter's own word-start test (`starts_word`), after
a cheap `instr` over the lower-cased text for ASCII rows; the salary floor by the yearly
pay in SQL (store._pay_sql), with the filter's own rounded figure (`pay_top`) for the rows
within 1 of the floor. The functions are Python, registered on the connection, so they
give the very answers of the pure filter.

The order is the very key filter_jobs sorts by (query._SORTS): SQLite sorts the rowids by
the same figures computed by the same Python (`pay_key` runs query's salary converter,
`casefold` is the store's, `job_fit` is job_fit.fit_function, JobFitter.score over a row's
columns), then rowid, which is filter_jobs' stable tie order; the bundled and pack jobs,
ranked by filter_jobs, are merged in front of equal stored rows, as they come first in its
input.

- An unlimited listing (`--all`, `--json`, `--csv`) is streamed (`stream_search`): the
  rowids come in order, a chunk at a time, each chunk read in full, scored (JobFitter.score
  and explain), written and dropped: the output starts once SQLite has sorted the keys
  (at once for title, date and pay order: no row is scored in Python first) and memory
  stays flat (SQLite's sorter spills to a temporary file past its cache).
- A limited listing (`top_search`) asks SQLite for the stored part of the top N only, then
  ranks those rows beside the bundled jobs with filter_jobs and JobFitter itself: SQL only
  preselects; the exact Python decides the order and every point shown.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

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
_FIT = "job_fit(asked, ask_own, ask_weight, years_asked, degree_asked, role, level, extracted)"
_ROLE_FIT = "role_fit(role)"
CHUNK = 500
FIT_MARGIN = 0.5  # the preselection keeps every row within this of the N-th best fit
FIT_SPARE = 64  # bounded rows read beyond the N best, in case the edge runs past them
BELOW_SHOWN = 3  # the stored jobs under the salary floor a listing names (footnotes show 3)
SQL_LIMIT = 1 << 40  # a --limit past every row (9 x 30) as SQLite's 64-bit LIMIT


def ranked_by(query: JobQuery, fits: Mapping[str, float] | None, fitter: JobFitter | None) -> str:
    return query.sort if query.sort != "fit" or fits or fitter else "salary"


def streams(query: JobQuery, fits: Mapping[str, float] | None, fitter: JobFitter | None) -> bool:
    """Whether `query` is streamed when its output is (see the module's docstring): every
    unlimited listing, whatever its filters and order."""
    return query.limit is None


class Plan(NamedTuple):
    """A query as SQL over the `jobs` table (functions registered on the connection)."""

    where: str  # " WHERE ..." with every filter (the floor included), or ""
    args: list[object]
    unfloored: str  # every filter but the salary floor
    unfloored_args: list[object]
    floor: str  # the floor's condition, "" without one
    floor_args: list[object]
    order: str  # ORDER BY terms (rowid added by the caller)


def plan(
    conn: sqlite3.Connection,
    query: JobQuery,
    rates: RateTable,
    fits: Mapping[str, float] | None,
    fitter: JobFitter | None,
) -> Plan:
    """`query` as SQL on `conn` (its functions registered there), exact: see the docstring."""
    from careercli.jobs.store import _pay_sql, _where, fts_tokens

    _register(conn, query, rates, fits, fitter)
    where, args = _where(query.levels, query.role, query.remote, fts_tokens(query.search))
    parts, params = ([where.removeprefix(" WHERE ")] if where else []), list(args)
    for sql, more in _filters(query):
        parts.append(sql)
        params += more
    floor, floor_args = "", []
    if query.min_salary is not None:
        pay, pay_args = _pay_sql(query.currency, rates)
        m = query.min_salary
        exact = "pay_top(salary_currency, salary_period, salary_min, salary_max)"
        floor = f"({pay} >= ? OR ({pay} >= ? AND {exact} >= ?))"
        floor_args = [*pay_args, m + 1.0, *pay_args, m - 1.0, m]
    by = ranked_by(query, fits, fitter)
    by_fit = f"{_FIT} DESC" if fitter is not None else f"{_ROLE_FIT} IS NULL, {_ROLE_FIT} DESC"
    order = ORDERS.get(by) or f"{by_fit}, {ORDERS['salary']}"
    unfloored = f" WHERE {' AND '.join(parts)}" if parts else ""
    everything = [*parts, floor] if floor else parts
    full = f" WHERE {' AND '.join(everything)}" if everything else ""
    return Plan(full, [*params, *floor_args], unfloored, params, floor, floor_args, order)


def _filters(query: JobQuery) -> Iterator[tuple[str, list[object]]]:
    """The filters store._where leaves to Python, as exact SQL."""
    if query.search:
        exact = all(re.fullmatch(r"[a-z0-9]+", w.strip().casefold()) for w in query.search)
        check = "words_ok(title, company, description, skills)"
        yield (f"(plain OR {check})" if exact else check), []
    if query.types:
        types = sorted(query.types)
        yield (
            "(" + " OR ".join("instr(';' || employment_type || ';', ?) > 0" for _ in types) + ")",
            [f";{t};" for t in types],
        )
    if query.locations:
        arms: list[str] = []
        args: list[object] = []
        if any(loc.strip().casefold() == "remote" for loc in query.locations):
            arms.append("remote = 1")
        for loc in query.locations:
            sql, more = _starts_word("location", loc)
            arms.append(sql)
            args += more
        yield "(" + " OR ".join(arms) + ")", args
    if query.company:
        yield _starts_word("company", query.company)


def _starts_word(column: str, text: str) -> tuple[str, list[object]]:
    """`column` holds `text` at the start of a word, casefolded (query._word_start): for an
    ASCII row and text, lower() is casefold(), so `instr` over it rules most rows out in C."""
    folded = text.strip().casefold()
    exact = f"starts_word(?, {column})"
    if not folded.isascii():
        return exact, [folded]
    ascii_row = f"length(CAST({column} AS BLOB)) = length({column})"
    return f"((instr(lower({column}), ?) > 0 OR NOT {ascii_row}) AND {exact})", [folded, folded]


def _register(
    conn: sqlite3.Connection,
    query: JobQuery,
    rates: RateTable,
    fits: Mapping[str, float] | None,
    fitter: JobFitter | None,
) -> None:
    from careercli.jobs.query import _converter, _word_start, search_text, words_match

    convert = _converter(query.currency, rates)
    has_words = words_match(query.search)
    patterns: dict[str, re.Pattern[str]] = {}

    def pay_top(code: str | None, period: str | None, low: float | None, high: float | None) -> float | None:
        if code is None or (low is None and high is None):
            return None
        found = convert(Salary(low, high, str(code), str(period)))
        return found.top if found else None

    def pay_key(code: str | None, period: str | None, low: float | None, high: float | None) -> float | None:
        top = pay_top(code, period, low, high)
        return None if top is None else -top

    def starts_word(pattern: str, text: str) -> bool:
        if pattern not in patterns:
            patterns[pattern] = _word_start(pattern)
        return patterns[pattern].search(str(text).casefold()) is not None

    def words_ok(title: str, company: str, description: str, skills: str) -> bool:
        return has_words(search_text(title, company, description, str(skills).split("\n")))

    conn.create_function("pay_top", 4, pay_top, deterministic=True)
    conn.create_function("pay_key", 4, pay_key, deterministic=True)
    conn.create_function("starts_word", 2, starts_word, deterministic=True)
    conn.create_function("words_ok", 4, words_ok, deterministic=True)
    if fitter is not None:
        from careercli.jobs.job_fit import fit_function

        conn.create_function("job_fit", 8, fit_function(fitter), deterministic=True)
    role_fits = dict(fits or {})
    conn.create_function("role_fit", 1, lambda r: role_fits.get(r) if r else None, deterministic=True)


def stored_facts(
    conn: sqlite3.Connection,
    p: Plan,
    query: JobQuery,
    rates: RateTable,
    stored: int | None = None,
    currencies: bool = True,
) -> tuple[int, int, list[JobMatch], set[str]]:
    """How many stored rows match (unless known: `stored`); how many the floor left out for
    want of a comparable salary; the first BELOW_SHOWN under the floor whose pay was
    converted (for the notes); with `currencies`, the currencies converted among the matches."""
    from careercli.jobs.query import JobMatch, _converter
    from careercli.jobs.store import _full_jobs, _pay_sql

    if stored is None:
        (stored,) = conn.execute(f"SELECT count(*) FROM jobs{p.where}", p.args).fetchone()  # noqa: S608
    dropped, below = 0, []
    if p.floor:
        pay, pay_args = _pay_sql(query.currency, rates)
        narrow = f"{p.unfloored} AND" if p.unfloored else " WHERE"
        sql = f"SELECT count(*) FROM jobs{narrow} {pay} IS NULL"  # noqa: S608
        (dropped,) = conn.execute(sql, [*p.unfloored_args, *pay_args]).fetchone()
        sql = (
            f"SELECT rowid FROM jobs{narrow} {pay} IS NOT NULL AND NOT {p.floor} "  # noqa: S608
            "AND (salary_currency != ? OR salary_period != 'year') ORDER BY rowid LIMIT ?"
        )
        params = [*p.unfloored_args, *pay_args, *p.floor_args, query.currency, BELOW_SHOWN]
        ids = [r[0] for r in conn.execute(sql, params)]
        convert = _converter(query.currency, rates)
        full = _full_jobs(conn, ids)
        below = [JobMatch(full[i], None, convert(full[i].salary)) for i in ids]
    if not currencies:
        return int(stored), int(dropped), below, set()
    narrow = f"{p.where} AND" if p.where else " WHERE"
    sql = f"SELECT DISTINCT salary_currency FROM jobs{narrow} salary_currency IS NOT NULL"  # noqa: S608
    sql += " AND (salary_min IS NOT NULL OR salary_max IS NOT NULL)"
    found = {str(r[0]) for r in conn.execute(sql, p.args)}
    converted = {c for c in found if _rate(c, query.currency, rates)}
    return int(stored), int(dropped), below, converted


def stream_search(
    others: Sequence[Job],
    query: JobQuery,
    rates: RateTable,
    path: Path | None,
    fits: Mapping[str, float] | None = None,
    fitter: JobFitter | None = None,
) -> JobSearch:
    """filter_jobs([*others, *every stored job], query, rates, fits, fitter), with the
    stored matches read in order as iterated (an unlimited listing)."""
    from careercli.jobs.query import filter_jobs
    from careercli.jobs.store import reading

    mine = filter_jobs(others, query, rates, fits, fitter)
    with reading(path) as conn:
        if conn is None:
            return mine
        p = plan(conn, query, rates, fits, fitter)
        stored, dropped, below, converted = stored_facts(conn, p, query, rates)
    matches = StreamedMatches(mine.matches, stored, query, rates, path, fits, fitter)
    return mine._replace(
        matches=matches,
        total=mine.total + stored,
        converted=sorted(converted | set(mine.converted)),
        no_salary_dropped=mine.no_salary_dropped + dropped,
        below_floor=[*mine.below_floor, *below],
    )


def top_search(
    conn: sqlite3.Connection,
    others: Sequence[Job],
    query: JobQuery,
    rates: RateTable,
    fits: Mapping[str, float] | None,
    fitter: JobFitter | None,
) -> JobSearch:
    """filter_jobs([*others, *every stored job], query, ...) with a limit: SQLite picks the
    stored rows that can be in the top N (by the listing's own key; by fit, every row within
    FIT_MARGIN of the N-th best), filter_jobs ranks them beside `others`, exactly."""
    from careercli.jobs.query import filter_jobs, job_predicate
    from careercli.jobs.store import _filled, _light_rows, _with_light

    assert query.limit is not None
    keep = job_predicate(query)
    kept = [j for j in others if keep(j)]  # the search words settled: the stored rows come light
    p = plan(conn, query, rates, fits, fitter)
    picked = _by_edge(conn, query, rates, p, ranked_by(query, fits, fitter)) if fitter is None else None
    if picked is not None:
        wanted, stored, dropped, below = picked
    else:
        if fitter is not None:
            wanted, count = _fit_candidates(conn, query, p, fitter)
        else:
            sql = f"SELECT rowid FROM jobs{p.where} ORDER BY {p.order}, rowid LIMIT ?"  # noqa: S608
            wanted, count = [r[0] for r in conn.execute(sql, [*p.args, min(query.limit, SQL_LIMIT)])], None
        stored, dropped, below, _ = stored_facts(conn, p, query, rates, count, currencies=False)
    candidates, light = _with_light(kept, _light_rows(conn, wanted))
    result = filter_jobs(candidates, query._replace(search=()), rates, fits, fitter)
    mine = filter_jobs(kept, query._replace(search=(), limit=None), rates)
    filled = _filled(conn, result, query, light)
    if fitter is not None:  # explained again in full: a light job has no evidence or text asked
        filled = filled._replace(matches=[m._replace(why=fitter.explain(m.job)) for m in filled.matches])
    return filled._replace(
        total=mine.total + stored,
        no_salary_dropped=mine.no_salary_dropped + dropped,
        below_floor=[*mine.below_floor, *below],
    )


class Picked(NamedTuple):
    wanted: list[int]  # the stored rows that can be in the top N
    stored: int  # how many stored rows match
    dropped: int  # left out by the salary floor: no comparable salary
    below: list[JobMatch]  # the first BELOW_SHOWN under the floor, their pay converted


def _by_edge(conn: sqlite3.Connection, query: JobQuery, rates: RateTable, p: Plan, by: str) -> Picked | None:
    """By pay or date, the stored rows that can be in the top N, from one pass that reads
    each matching row's figure in C (no Python per row): the rows within 1 of the N-th best
    yearly pay (filter_jobs ranks the figure rounded, and rounding never reorders figures
    more than 1 apart), or posted on or after the N-th newest date; None when fewer than N
    rows have the figure (the others then rank by what follows). With a salary floor the
    same pass reads every row the other filters keep and settles the floor in Python (by the
    pay figure, and the filter's own rounded one within 1 of the floor), counting what it
    leaves out."""
    from careercli.jobs.query import JobMatch, _converter
    from careercli.jobs.store import _full_jobs, _pay_sql

    assert query.limit is not None
    if by not in ("salary", "posted"):
        return None
    pay, pay_args = _pay_sql(query.currency, rates)
    dropped, below = 0, list[int]()
    if query.min_salary is not None:
        money = "salary_currency, salary_period, salary_min, salary_max"
        sql = f"SELECT rowid, {pay}, posted, {money} FROM jobs{p.unfloored}"  # noqa: S608
        rows = conn.execute(sql, [*pay_args, *p.unfloored_args]).fetchall()
        rows, dropped, below = _floored(rows, query, rates)
        at = 1 if by == "salary" else 2
    else:  # the figure alone
        figure, args = (pay, pay_args) if by == "salary" else ("posted", [])
        rows = conn.execute(f"SELECT rowid, {figure} FROM jobs{p.where}", [*args, *p.args]).fetchall()  # noqa: S608
        at = 1
    known = [r for r in rows if r[at] is not None]
    if len(known) < query.limit:
        return None
    edge = heapq.nlargest(query.limit, (r[at] for r in known))[-1]
    wanted = [r[0] for r in known if r[at] >= (edge - 1.0 if by == "salary" else edge)]
    convert = _converter(query.currency, rates)
    full = _full_jobs(conn, below)
    shown = [JobMatch(full[i], None, convert(full[i].salary)) for i in below]
    return Picked(wanted, len(rows), dropped, shown)


def _floored(rows: list[Any], query: JobQuery, rates: RateTable) -> tuple[list[Any], int, list[int]]:
    """`rows` (rowid, pay, posted, currency, period, min, max) the floor keeps, how many it
    drops for want of a comparable salary, and the first BELOW_SHOWN it drops whose pay was
    converted (filter_jobs' below_floor)."""
    from careercli.jobs.query import _converter

    assert query.min_salary is not None
    floor, convert = query.min_salary, _converter(query.currency, rates)
    kept, below, dropped = [], [], 0
    for r in rows:
        if r[1] is None:
            dropped += 1
            continue
        if r[1] >= floor + 1.0 or (r[1] >= floor - 1.0 and _top(convert, r) >= floor):
            kept.append(r)
        elif r[3] != query.currency or r[4] != "year":
            below.append(r[0])
    return kept, dropped, heapq.nsmallest(BELOW_SHOWN, below)  # the first stored: rowid order


def _top(convert: Callable[[Salary | None], Any], r: Any) -> float:
    found = convert(Salary(r[5], r[6], str(r[3]), str(r[4])))
    return float(found.top) if found is not None and found.top is not None else float("-inf")


def _fit_candidates(
    conn: sqlite3.Connection, query: JobQuery, p: Plan, fitter: JobFitter
) -> tuple[list[int], int]:
    """The stored rows that can be in the fit-ranked top N, and how many rows match.

    SQLite bounds every matching row's fit from `job_asks` (job_fit.bound_sql: a few integer
    operations a row, never below the exact score less 0.2); the N best bounded are scored
    exactly (JobFitter.score), and every row whose bound reaches the N-th of those scores,
    less FIT_MARGIN, is a candidate: a row left out scores below N stored rows already.
    SQLite first hands over only the FIT_SPARE + N best bounded rows (a top-N sort in C);
    when the last of them is already below that edge, no other row can be a candidate, else
    every row's bound is read."""
    from careercli.jobs.job_fit import bound_sql
    from careercli.jobs.store import _light_job, _light_rows, _where, ask_bit

    assert query.limit is not None
    bound, bound_args = bound_sql(fitter, ask_bit)
    if query.locations or query.types or query.company or query.search or query.min_salary is not None:
        inner = f"(SELECT {bound} FROM job_asks WHERE job = jobs.rowid)"  # noqa: S608
        sql, args = f"SELECT rowid, {inner} FROM jobs{p.where}", [*bound_args, *p.args]  # noqa: S608
        count, count_args = f"SELECT count(*) FROM jobs{p.where}", p.args  # noqa: S608
    else:  # every filter is a column of job_asks: the wide rows are never read
        where, where_args = _where(query.levels, query.role, query.remote, ())
        sql, args = f"SELECT job, {bound} FROM job_asks{where}", [*bound_args, *where_args]  # noqa: S608
        count, count_args = f"SELECT count(*) FROM job_asks{where}", where_args  # noqa: S608
    spare = min(query.limit, SQL_LIMIT) + FIT_SPARE
    rows = conn.execute(f"{sql} ORDER BY 2 DESC LIMIT ?", [*args, spare]).fetchall()
    best = rows[: query.limit]
    if len(best) < query.limit:
        return [r[0] for r in rows], len(rows)
    edge = min(fitter.score(_light_job(r)) for r in _light_rows(conn, [r[0] for r in best])) - FIT_MARGIN
    if len(rows) == spare and rows[-1][1] >= edge:  # the edge runs past the rows read: read all
        rows = conn.execute(sql, args).fetchall()
    (stored,) = conn.execute(count, count_args).fetchone()
    return [r[0] for r in rows if r[1] >= edge], int(stored)


def _cells(level: str | None, types: tuple[str, ...], salary: Salary | None) -> Job:
    """A Job with only the cells a table's widths need."""
    return Job("", "", "", "", None, types, level, salary, None, (), None, None, "")


def _rate(code: str, currency: str, rates: RateTable) -> bool:
    from careercli.jobs.query import convert_salary

    probe = Job("x", "", "", "", None, (), None, Salary(1.0, 1.0, code, "year"), None, (), None, None, "")
    found = convert_salary(probe, currency, rates)
    return found is not None and found.rate is not None


class StreamedMatches(Sequence["JobMatch"]):
    """The ranked matches: the other jobs' merged with the stored rows, read in order
    CHUNK at a time as iterated; nothing read is kept. Each iteration reads the store again."""

    def __init__(
        self,
        mine: Sequence[JobMatch],
        stored: int,
        query: JobQuery,
        rates: RateTable,
        path: Path | None,
        fits: Mapping[str, float] | None = None,
        fitter: JobFitter | None = None,
    ) -> None:
        self._mine, self._stored, self._query, self._rates = list(mine), stored, query, rates
        self._path, self._fits, self._fitter = path, fits, fitter

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

        key = _SORTS[ranked_by(self._query, self._fits, self._fitter)]
        return heapq.merge(self._mine, self._rows(), key=key)  # ties: the other jobs first, as in filter_jobs

    @property
    def light(self) -> Iterator[JobMatch]:
        """What a table's column widths need of every match (level, types, pay, whether
        there is a fit), one per distinct combination: a pass in SQL, nothing kept."""
        from careercli.jobs.query import JobMatch, _converter
        from careercli.jobs.store import reading

        yield from self._mine
        convert = _converter(self._query.currency, self._rates)
        scored = 1.0 if self._fitter is not None or self._fits else None
        with reading(self._path) as conn:
            if conn is None:
                return
            p = plan(conn, self._query, self._rates, self._fits, self._fitter)
            sql = (
                "SELECT DISTINCT level, employment_type, salary_min, salary_max, salary_currency, "  # noqa: S608
                f"salary_period FROM jobs{p.where}"
            )
            for level, types, low, high, code, period in conn.execute(sql, p.args):
                priced = code is not None and (low is not None or high is not None)
                salary = Salary(low, high, code, period) if priced else None
                kinds = tuple(types.split(";")) if types else ()
                yield JobMatch(_cells(level, kinds, salary), scored, convert(salary))

    def _rows(self) -> Iterator[JobMatch]:
        from careercli.jobs.query import JobMatch, _converter
        from careercli.jobs.store import _full_jobs, reading

        q, fitter, fits = self._query, self._fitter, self._fits or {}
        convert = _converter(q.currency, self._rates)
        with reading(self._path) as conn:
            if conn is None:
                return
            p = plan(conn, q, self._rates, self._fits, fitter)
            cursor = conn.execute(f"SELECT rowid FROM jobs{p.where} ORDER BY {p.order}, rowid", p.args)  # noqa: S608
            while part := [r[0] for r in cursor.fetchmany(CHUNK)]:
                full = _full_jobs(conn, part)
                for rowid in part:
                    job = full[rowid]
                    if fitter is not None:
                        yield JobMatch(job, fitter.score(job), convert(job.salary), fitter.explain(job))
                    else:
                        yield JobMatch(job, fits.get(job.role) if job.role else None, convert(job.salary))
