"""The one filtering and ranking path for job listings, wherever the jobs come from.

`filter_jobs` takes any iterable of `Job` (the bundled listings, a user pack, the job store)
and a `JobQuery`, and returns a `JobSearch`: the matches in order, each with the fit of its
role to the person (when known) and its salary converted to the query's currency.

Text filters (location, company, search words) match case-insensitively at the start of a
word: "york" finds "New York", "US" finds "US" but not "Austin". The location "remote"
also matches every job marked remote (not one whose posting does not say).

The salary floor asks "could this job pay at least N?": a job passes when the top of its
range (or its only figure), per year and converted to the floor's currency, is at least N.
A job with no salary, or one in a currency the rate table lacks, cannot show that it pays
N and is left out; `JobSearch.no_salary_dropped` counts them so a listing can say so.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from careercli.common.currency import RateTable
from careercli.common.envelope import envelope
from careercli.common.errors import UsageProblem, did_you_mean
from careercli.common.vocab import PAY_PERIODS
from careercli.jobs.model import Job, Salary, job_dict, whole

if TYPE_CHECKING:
    from careercli.jobs.job_fit import JobFit, JobFitter

SORT_KEYS: tuple[str, ...] = ("fit", "salary", "posted", "title")


class JobQuery(NamedTuple):
    levels: frozenset[str] = frozenset()  # any of; empty = every level
    role: str | None = None  # a catalog role id
    locations: tuple[str, ...] = ()  # any of; "remote" matches remote jobs
    remote: bool = False  # only jobs marked remote (Job.remote True; None, not stated, is not)
    types: frozenset[str] = frozenset()  # any of the employment types
    min_salary: float | None = None  # per year, in `currency`; compared with the top of the range
    currency: str = "USD"  # the currency salaries are compared and shown in
    company: str | None = None
    search: tuple[str, ...] = ()  # every word must match title, company, description or skills
    sort: str = "fit"  # one of SORT_KEYS; "fit" without fits falls back to salary
    limit: int | None = None


class ConvertedSalary(NamedTuple):
    """A job's salary per year in the query's currency."""

    min: float | None
    max: float | None
    currency: str
    rate: float | None  # units of `currency` per unit of the job's currency; None if the same
    rate_date: str | None
    annualised: bool  # quoted per month or hour, multiplied up to a year

    @property
    def top(self) -> float | None:
        return self.max if self.max is not None else self.min

    @property
    def changed(self) -> bool:
        return self.rate is not None or self.annualised


class JobMatch(NamedTuple):
    job: Job
    fit: float | None  # 0-100, the job's fit to the person (jobs.job_fit); None when unknown
    salary: ConvertedSalary | None  # None when the job gives no salary or no rate is known
    why: JobFit | None = None  # every point of `fit`, for the matches shown


class JobSearch(NamedTuple):
    matches: Sequence[JobMatch]  # a list, or (a big store, unlimited) read in full as iterated
    total: int  # how many matched before the limit
    query: JobQuery
    rates: RateTable
    ranked_by: str  # the sort key actually used
    no_salary_dropped: int  # left out by the salary floor: no salary, or no rate for it
    converted: list[str]  # the currencies converted among the matches
    below_floor: list[JobMatch]  # priced, converted, and under the floor: shown as a note

    @property
    def has_fit(self) -> bool:
        return any(m.fit is not None for m in self.matches)


def parse_sort(text: str) -> str:
    key = text.strip().lower()
    if key not in SORT_KEYS:
        raise UsageProblem(
            f"--sort: unknown sort key '{text}'; expected one of {', '.join(SORT_KEYS)}"
            f"{did_you_mean(text, SORT_KEYS)}"
        )
    return key


def filter_jobs(
    jobs: Iterable[Job],
    query: JobQuery,
    rates: RateTable,
    fits: Mapping[str, float] | None = None,
    fitter: JobFitter | None = None,
) -> JobSearch:
    """The jobs matching `query`, ranked, with fit and converted salary (pure: no I/O).

    With a `fitter` (a person known) each job's fit is its own (jobs.job_fit: what its
    posting asks against the person); else, with `fits`, the fit of the job's role."""
    fits = fits or {}
    matches: list[JobMatch] = []
    dropped = 0
    below: list[JobMatch] = []
    keep, convert = _predicate(query), _converter(query.currency, rates)
    for job in jobs:
        if not keep(job):
            continue
        salary = convert(job.salary)
        if query.min_salary is not None:
            top = salary.top if salary else None
            if top is None:
                dropped += 1
                continue
            if top < query.min_salary:
                if salary is not None and salary.changed:
                    below.append(JobMatch(job, None, salary))
                continue
        if fitter is not None:
            fit: float | None = fitter.score(job)
        else:
            fit = fits.get(job.role) if job.role else None
        matches.append(JobMatch(job, fit, salary))
    ranked_by = query.sort if query.sort != "fit" or fits or fitter else "salary"
    total = len(matches)
    if query.limit is not None and query.limit < total:
        matches = heapq.nsmallest(query.limit, matches, key=_SORTS[ranked_by])  # stable, like sort
    else:
        matches.sort(key=_SORTS[ranked_by])
    if fitter is not None:
        matches = [m._replace(why=fitter.explain(m.job)) for m in matches]
    converted = sorted(
        {m.job.salary.currency for m in matches if m.salary and m.salary.rate and m.job.salary}
    )
    return JobSearch(matches, total, query, rates, ranked_by, dropped, converted, below)


def convert_salary(job: Job, currency: str, rates: RateTable) -> ConvertedSalary | None:
    """A job's salary per year in `currency`; None when it has none or no rate is known."""
    return _converter(currency, rates)(job.salary)


PayFactor = tuple[float, float | None]  # the multiplier to a year in the target currency, and the rate


def pay_factor(source: str, period: str, currency: str, rates: RateTable) -> PayFactor | None:
    """What turns a salary in `source` per `period` into one per year in `currency`: the
    multiplier and the exchange rate (None: the same currency); None when no rate is known.
    The job store's SQL ranking multiplies by the very same float (job_store._pay_sql)."""
    if source != currency and (source not in rates.rates or currency not in rates.rates):
        return None
    rate = None if source == currency else rates.factor(source, currency)
    return PAY_PERIODS[period] * (rate or 1.0), rate


def _converter(currency: str, rates: RateTable) -> Callable[[Salary | None], ConvertedSalary | None]:
    """Salary -> ConvertedSalary, with each (currency, period) factor worked out once."""
    factors: dict[tuple[str, str], PayFactor | None] = {}

    def convert(sal: Salary | None) -> ConvertedSalary | None:
        if sal is None:
            return None
        key = (sal.currency, sal.period)
        if key not in factors:
            factors[key] = pay_factor(sal.currency, sal.period, currency, rates)
        found = factors[key]
        if found is None:
            return None
        times, rate = found
        low = None if sal.min is None else float(round(sal.min * times))
        high = None if sal.max is None else float(round(sal.max * times))
        return ConvertedSalary(low, high, currency, rate, rates.date if rate else None, sal.period != "year")

    return convert


def _word_start(text: str) -> re.Pattern[str]:
    """Case-insensitive `text` at the start of a word (not after a letter or digit)."""
    return re.compile(r"(?<![^\W_])" + re.escape(text.strip().casefold()))


def job_predicate(q: JobQuery) -> Callable[[Job], bool]:
    """Whether a job passes every filter of `q` but the salary floor (filter_jobs's own test)."""
    return _predicate(q)


def words_match(words: Iterable[str]) -> Callable[[str], bool]:
    """Whether a job's search text (`search_text`) holds every word at the start of a word."""
    found = [_word_start(w) for w in words]
    return lambda text: all(w.search(text) for w in found)


def search_text(title: str, company: str, description: str, skills: Iterable[str]) -> str:
    """What the search words are matched against: casefolded title, company, description, skills."""
    return " ".join((title, company, description, *skills)).casefold()


def _predicate(q: JobQuery) -> Callable[[Job], bool]:
    """The query compiled once (patterns built up front), so a store of 100,000 jobs stays cheap."""
    places = [_word_start(loc) for loc in q.locations]
    any_remote = any(loc.strip().casefold() == "remote" for loc in q.locations)
    company = _word_start(q.company) if q.company else None
    words = [_word_start(w) for w in q.search]

    def keep(job: Job) -> bool:
        if q.levels and (job.level not in q.levels or job.level_source == "default"):
            return False
        if q.role and job.role != q.role:
            return False
        if q.remote and job.remote is not True:  # a job whose posting does not say is not matched
            return False
        if q.types and not q.types.intersection(job.employment_type):
            return False
        if places and not (any_remote and job.remote is True):
            where = job.location.casefold()
            if not any(p.search(where) for p in places):
                return False
        if company and not company.search(job.company.casefold()):
            return False
        if words:
            text = search_text(job.title, job.company, job.description, job.skills)
            return all(w.search(text) for w in words)
        return True

    return keep


def _posted(m: JobMatch) -> int:
    return -dt.date.fromisoformat(m.job.posted).toordinal() if m.job.posted else 0


def _title(m: JobMatch) -> tuple[str, str]:
    return (m.job.title.casefold(), m.job.company.casefold())


def _pay(m: JobMatch) -> tuple[bool, float]:
    top = m.salary.top if m.salary else None
    return (top is None, -(top or 0.0))


_SORTS: dict[str, Any] = {
    "fit": lambda m: (m.fit is None, -(m.fit or 0.0), *_pay(m), _title(m)),
    "salary": lambda m: (*_pay(m), _title(m)),
    "posted": lambda m: (m.job.posted is None, _posted(m), *_pay(m), _title(m)),
    "title": _title,
}


def match_dict(m: JobMatch) -> dict[str, Any]:
    """One match as `jobs --json` prints it and the quiz's matching jobs return it."""
    out = job_dict(m.job)
    out["fit"] = None if m.fit is None else round(m.fit, 1)
    if m.why is not None:
        from careercli.jobs.job_fit import fit_dict

        out["fit_points"] = fit_dict(m.why)
    s = m.salary
    out["salary_converted"] = (
        {
            "min": whole(s.min),
            "max": whole(s.max),
            "currency": s.currency,
            "period": "year",
            "rate": s.rate,
            "rate_date": s.rate_date,
            "annualised": s.annualised,
        }
        if s is not None and s.changed
        else None
    )
    return out


def search_dict(search: JobSearch) -> dict[str, Any]:
    """`jobs --json`: the PRODUCT.md envelope, with what was compared and how."""
    r = search.rates
    return envelope(
        count=len(search.matches),
        total=search.total,
        sort=search.ranked_by,
        currency=search.query.currency,
        no_salary_dropped=search.no_salary_dropped,
        exchange_rates={"source": r.source, "date": r.date, "url": r.url or None, "note": r.note},
        jobs=[match_dict(m) for m in search.matches],
    )
