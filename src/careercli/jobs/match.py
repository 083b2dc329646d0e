"""Jobs for a person: the profile's level, locations, work mode and salary floor as filters,
ranked by each job's own fit (careercli.jobs.job_fit: what its posting asks, its level,
degree and years, with its role's fit as the prior). The quiz's "matching jobs", `jobs --for-me` and the
plain `jobs` listing all come through `find_jobs` (the bundled and pack jobs plus the job
store), so they agree for the same profile.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from careercli.catalog.models import Catalog
from careercli.common.currency import RateTable, load_rates
from careercli.jobs.model import all_jobs
from careercli.jobs.query import JobQuery, JobSearch, match_dict
from careercli.profile.model import Profile

if TYPE_CHECKING:
    from careercli.fit.score import RoleFit


def fit_map(fits: Iterable[RoleFit]) -> dict[str, float]:
    """Role id -> fit score 0-100."""
    return {f.role: float(f.score) for f in fits}


def find_jobs(
    catalog: Catalog,
    query: JobQuery,
    rates: RateTable,
    fits: dict[str, float] | None = None,
    data_dir: Path | None = None,
    profile: Profile | None = None,
    stream: bool = False,
) -> JobSearch:
    """Every job careercli knows (bundled, the user pack, the job store) filtered and ranked
    by `query`: job_filter.filter_jobs over all of them, with the store searched in SQL.
    With a `profile`, each job's fit is its own (careercli.jobs.job_fit), the role fits
    `fits` its prior."""
    from careercli.jobs.store import search_jobs

    fitter = None
    if profile is not None:
        from careercli.jobs.job_fit import JobFitter

        fitter = JobFitter(profile, fits or {})
    return search_jobs(all_jobs(catalog, data_dir), query, rates, fits, fitter=fitter, stream=stream)


def profile_query(profile: Profile, rates: RateTable, limit: int | None = None) -> JobQuery:
    """The filters a profile implies. Only work mode "remote" narrows (to remote jobs): a
    hybrid or onsite job seeker can still take a job that also allows remote work."""
    floor = profile.min_salary
    return JobQuery(
        levels=frozenset({profile.level}),
        locations=tuple(profile.locations),
        remote=profile.work_mode == "remote",
        min_salary=floor.amount if floor else None,
        currency=rates.parse_code(floor.currency, "min_salary.currency") if floor else "USD",
        sort="fit",
        limit=limit,
    )


def search_for(
    profile: Profile,
    fits: Iterable[RoleFit],
    catalog: Catalog,
    limit: int | None = None,
    *,
    data_dir: Path | None = None,
    overrides: JobOptions | None = None,
    rates: RateTable | None = None,
    stream: bool = False,
) -> JobSearch:
    """`jobs --for-me`: the profile's filters (explicit options in `overrides` win), ranked by
    fit; with `stream`, an unlimited listing is read from the store as iterated."""
    rates = rates or load_rates(data_dir)
    base = profile_query(profile, rates, limit)
    if overrides is None:
        return find_jobs(catalog, base, rates, fit_map(fits), data_dir, profile, stream)
    if overrides.currency is not None and overrides.min_salary is None and base.min_salary is not None:
        # --currency alone: the profile's floor, converted
        base = base._replace(min_salary=rates.convert(base.min_salary, base.currency, overrides.currency))
    return find_jobs(catalog, overrides.over(base), rates, fit_map(fits), data_dir, profile, stream)


class JobOptions(NamedTuple):
    """The `jobs` options a user gave, typed; None = not given, so the base query's (the
    profile's, under --for-me) filter stays."""

    levels: frozenset[str] | None = None
    role: str | None = None
    locations: tuple[str, ...] | None = None
    remote: bool | None = None
    types: frozenset[str] | None = None
    min_salary: float | None = None
    currency: str | None = None
    company: str | None = None
    search: tuple[str, ...] | None = None
    sort: str | None = None
    limit: int | None = None

    def over(self, base: JobQuery) -> JobQuery:
        """`base` with every given option in its place; --min-salary alone compares in USD."""
        currency = self.currency or ("USD" if self.min_salary is not None else base.currency)
        return JobQuery(
            levels=base.levels if self.levels is None else self.levels,
            role=base.role if self.role is None else self.role,
            locations=base.locations if self.locations is None else self.locations,
            remote=base.remote if self.remote is None else self.remote,
            types=base.types if self.types is None else self.types,
            min_salary=base.min_salary if self.min_salary is None else self.min_salary,
            currency=currency,
            company=base.company if self.company is None else self.company,
            search=base.search if self.search is None else self.search,
            sort=base.sort if self.sort is None else self.sort,
            limit=self.limit,
        )


def matching_jobs(
    profile: Profile,
    fits: list[RoleFit],
    catalog: Catalog,
    limit: int = 5,
    *,
    data_dir: Path | None = None,
) -> list[dict[str, Any]]:
    """The quiz's matching jobs: the same dicts `jobs --for-me --json` prints under "jobs"."""
    return [match_dict(m) for m in search_for(profile, fits, catalog, limit, data_dir=data_dir).matches]
