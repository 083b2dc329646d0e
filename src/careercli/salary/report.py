"""Salary questions for `careercli salary`: one role by level, or every role by median.

Pure: parses filter values, asks a source (careercli.salary.sources: the bundled figures or
a survey CSV) and returns result objects with what to say about them (proxy titles, thin
or missing rows, where there is data instead); never prints. Renderers are in
careercli.salary.render. `role_level_median` serves other commands (the jobs listing).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from careercli.catalog.models import Catalog, Role
from careercli.catalog.role_data import THIN_N
from careercli.common import vocab
from careercli.common.envelope import envelope
from careercli.common.errors import DataError, UsageProblem, did_you_mean
from careercli.salary import countries
from careercli.salary.sources import NO_ROWS, PCT_NAMES, Figures, Filters, Group, TitleStat
from careercli.salary.stats import MIN_N_PERCENTILES
from careercli.salary.survey import COMPANY_SIZES, EMPLOYMENT_TYPES, YEAR

if TYPE_CHECKING:
    from careercli.salary.sources import SalaryData

AMOUNT = "gross yearly salary in USD (the survey's salary_in_usd)"
OPTIONS = {
    "level": "--level",
    "country": "--country",
    "year": "--year",
    "remote": "--remote",
    "employment_type": "--employment-type",
    "company_size": "--company-size",
}
REMOTE_NAMES = {0: "onsite", 50: "hybrid", 100: "remote"}
SIZE_NAMES = {"S": "small", "M": "medium", "L": "large"}


# ---------------------------------------------------------------------------------------
# Filters.


def describe_filter(dimension: str, value: str | int) -> str:
    """How a filter value reads in text: 'senior', 'US (United States)', 'remote (100)'."""
    if dimension == "country":
        return countries.label(str(value))
    if dimension == "remote":
        return f"{REMOTE_NAMES[int(value)]} ({value})"
    if dimension == "employment_type":
        return EMPLOYMENT_TYPES.get(str(value), str(value))
    if dimension == "company_size":
        return SIZE_NAMES.get(str(value), str(value))
    return str(value)


def _key(text: str) -> str:
    return "-".join(text.strip().lower().replace("_", "-").split())


_REMOTE_SPELLINGS: dict[str, int] = {
    "0": 0, "onsite": 0, "on-site": 0, "office": 0, "in-office": 0, "none": 0,
    "50": 50, "hybrid": 50, "partial": 50, "partially-remote": 50,
    "100": 100, "remote": 100, "full": 100, "fully-remote": 100, "full-remote": 100,
}  # fmt: skip
_EMPLOYMENT_SPELLINGS: dict[str, str] = {
    **{code.lower(): code for code in EMPLOYMENT_TYPES},
    **{name: code for code, name in EMPLOYMENT_TYPES.items()},
    "fulltime": "FT", "parttime": "PT", "contractor": "CT", "freelancer": "FL",
}  # fmt: skip
_SIZE_SPELLINGS: dict[str, str] = {
    **{code.lower(): code for code in COMPANY_SIZES},
    **{name: code for code, name in SIZE_NAMES.items()},
    "mid-size": "M", "midsize": "M", "medium-sized": "M",
}  # fmt: skip


def _choice(option: str, text: str, spellings: dict[str, Any], expected: str) -> Any:
    value = spellings.get(_key(text))
    if value is None:
        raise UsageProblem(
            f"{option}: unknown value '{text}'; expected {expected}{did_you_mean(text, spellings)}"
        )
    return value


def parse_filters(
    data: SalaryData,
    level: str | None = None,
    country: str | None = None,
    year: str | None = None,
    remote: str | None = None,
    employment_type: str | None = None,
    company_size: str | None = None,
) -> Filters:
    """Filters from option text in any accepted spelling; a bad value is a UsageProblem.

    Country and year are checked against what `data` holds: a country or year with no rows
    is refused with the closest codes, or the years, that do have rows.
    """
    filters = Filters(
        level=vocab.parse_level(level) if level is not None else None,
        country=_parse_country(country, data.countries()) if country is not None else None,
        year=_parse_year(year, data.years()) if year is not None else None,
        remote=_choice("--remote", remote, _REMOTE_SPELLINGS, "0, 50 or 100 (or onsite, hybrid, remote)")
        if remote is not None
        else None,
        employment_type=_choice(
            "--employment-type",
            employment_type,
            _EMPLOYMENT_SPELLINGS,
            "FT, PT, CT or FL (or full-time, part-time, contract, freelance)",
        )
        if employment_type is not None
        else None,
        company_size=_choice(
            "--company-size", company_size, _SIZE_SPELLINGS, "S, M or L (or small, medium, large)"
        )
        if company_size is not None
        else None,
    )
    problem = data.unsupported(filters)
    if problem:
        raise UsageProblem(problem)
    return filters


def _parse_country(text: str, present: dict[str, int]) -> str:
    code = countries.find_country(text)
    if code is not None and code in present:
        return code
    if code is None:
        names = {countries.NAMES.get(c, c): c for c in present}
        hits = [names[h] for h in _closest_names(text, names)]
        what = f"unknown country '{text}'"
    else:
        hits = closest_codes(code, present)
        what = f"no rows for country {countries.label(code)}"
    hint = f" (did you mean {' or '.join(countries.label(h) for h in hits)}?)" if hits else ""
    top = ", ".join(sorted(present, key=lambda c: (-present[c], c))[:5])
    raise UsageProblem(
        f"--country: {what}{hint}; expected an ISO 3166-1 alpha-2 code or a country name "
        f"with rows in the data, such as {top}"
    )


def _closest_names(text: str, names: dict[str, str]) -> list[str]:
    import difflib

    lowered = {n.casefold(): n for n in names}
    hits = difflib.get_close_matches(text.strip().casefold(), list(lowered), n=3, cutoff=0.6)
    return [lowered[h] for h in hits]


def closest_codes(code: str, present: dict[str, int], n: int = 3) -> list[str]:
    """Codes with rows that share a letter in the same place with `code`, most rows first."""
    near = [c for c in present if c != code and (c[0] == code[0] or c[1:] == code[1:])]
    near.sort(key=lambda c: (c[0] != code[0], -present[c], c))
    return near[:n]


def _parse_year(text: str, years: tuple[int, ...]) -> int:
    match = YEAR.fullmatch(text.strip())
    if match is None:
        raise UsageProblem(f"--year: '{text}' is not a year; expected one of {_span(years)}")
    year = int(match.group(1))
    if year not in years:
        raise UsageProblem(f"--year: no rows from {year}; the data has the years {_span(years)}")
    return year


def _span(years: tuple[int, ...]) -> str:
    if years and list(years) == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years) or "none"


# ---------------------------------------------------------------------------------------
# Figures and the two sources.


# ---------------------------------------------------------------------------------------
# Results.


class TitleCount(NamedTuple):
    title: str
    n: int  # rows over the whole data, not only the filtered ones
    proxy: bool


class Alternative(NamedTuple):
    """Where there is data when the asked-for figures have too few rows."""

    kind: str  # level | filter | role | title
    name: str  # the level, the dropped filter, the role id or the survey title
    label: str  # how to say it
    n: int
    median: float | None  # None below MIN_N_PERCENTILES rows

    @property
    def thin(self) -> bool:
        return self.n < THIN_N

    @classmethod
    def of(cls, kind: str, name: str, label: str, fig: Figures) -> Alternative:
        return cls(kind, name, label, fig.n, fig.p50)


class RoleReport(NamedTuple):
    role_id: str
    role_title: str
    filters: Filters
    overall: Figures
    by_level: dict[str, Figures]  # every level, or only the filtered one
    mapped: bool  # whether any survey titles stand for the role
    proxy: bool
    n_direct: int  # rows with the role's own titles, whole data
    titles: tuple[TitleCount, ...]
    note: str
    notes: tuple[str, ...]  # about the role's survey data: proxy titles, the title map's note
    status: str  # about the figures asked for: none, too few or thin rows ("" when plenty)
    alternatives: tuple[Alternative, ...]
    source: dict[str, Any]


class RankedRole(NamedTuple):
    role_id: str
    title: str
    proxy: bool
    figures: Figures


class Ranking(NamedTuple):
    filters: Filters
    roles: tuple[RankedRole, ...]
    source: dict[str, Any]


def _count(n: int) -> str:
    return f"{n:,} row{'s' if n != 1 else ''}"


def _titles_text(titles: Iterable[TitleCount]) -> str:
    return ", ".join(f"{t.title} (n={t.n:,})" for t in titles)


def role_report(catalog: Catalog, role: Role, filters: Filters, data: SalaryData) -> RoleReport:
    """The figures for one role under the filters, by level, with what to say about them."""
    group = data.group(role.id)
    levels = (filters.level,) if filters.level else vocab.LEVELS
    stats = data.title_stats()

    def title_n(title: str) -> int:
        stat = stats.get(title)
        return stat.n if stat else 0

    titles: tuple[TitleCount, ...] = ()
    if group is None:
        overall, by_level = NO_ROWS, dict.fromkeys(levels, NO_ROWS)
    else:
        overall = data.figures(group, filters)
        by_level = {lvl: data.figures(group, filters._replace(level=lvl)) for lvl in levels}
        titles = tuple(TitleCount(t, title_n(t), False) for t in group.titles) + tuple(
            TitleCount(t, title_n(t), True) for t in group.proxy_titles
        )
    n_direct = sum(t.n for t in titles if not t.proxy)
    notes: list[str] = []
    if group is None:
        notes.append(
            f"No survey job titles are mapped to {role.id} (data/salary_titles.yaml), so the "
            "survey has no figures for it."
        )
    elif group.proxy:
        proxies = _titles_text(t for t in titles if t.proxy)
        if n_direct == 0:
            notes.append(
                f"No exact survey title for {role.title}: the figures are a proxy, from the "
                f"closest titles {proxies}."
            )
        else:
            own = ", ".join(t.title for t in titles if not t.proxy)
            notes.append(
                f"Only {_count(n_direct)} of the survey carry this role's own title ({own}): "
                f"the figures are a proxy that adds the closest titles {proxies}."
            )
    if group is not None and group.note:
        notes.append(group.note)
    where = _where(filters)
    status = ""
    if overall.n == 0:
        status = f"No survey rows for {role.id}{where}."
    elif overall.pct is None:
        status = (
            f"Only {_count(overall.n)} for {role.id}{where}: too few for percentiles "
            f"(they need {MIN_N_PERCENTILES})."
        )
    elif overall.thin:
        status = f"Thin data: n={overall.n} for {role.id}{where}, fewer than {THIN_N} rows."
    alternatives: tuple[Alternative, ...] = ()
    if overall.pct is None:
        alternatives = tuple(_alternatives(catalog, role, group, filters, overall, data))
    return RoleReport(
        role_id=role.id,
        role_title=role.title,
        filters=filters,
        overall=overall,
        by_level=by_level,
        mapped=group is not None,
        proxy=group.proxy if group else False,
        n_direct=n_direct,
        titles=titles,
        note=group.note if group else "",
        notes=tuple(notes),
        status=status,
        alternatives=alternatives,
        source=data.source(),
    )


def _where(filters: Filters) -> str:
    active = filters.active()
    if not active:
        return ""
    return " with " + ", ".join(f"{OPTIONS[d]} {describe_filter(d, v)}" for d, v in active.items())


def _alternatives(
    catalog: Catalog, role: Role, group: Group | None, filters: Filters, overall: Figures, data: SalaryData
) -> list[Alternative]:
    out: list[Alternative] = []
    if group is not None:
        if filters.level:
            for lvl in vocab.LEVELS:
                fig = data.figures(group, filters._replace(level=lvl))
                if lvl != filters.level and fig.n:
                    out.append(Alternative.of("level", lvl, f"{role.id} at level {lvl}", fig))
        for dim, value in filters.active().items():
            relaxed = filters.without(dim)
            if dim == "level" or data.unsupported(relaxed):
                continue
            fig = data.figures(group, relaxed)
            if fig.n > overall.n:
                label = f"{role.id} without {OPTIONS[dim]} {describe_filter(dim, value)}"
                out.append(Alternative.of("filter", dim, label, fig))
        if len(filters.active()) > 1:
            fig = data.figures(group, Filters())
            if fig.n > overall.n:
                out.append(Alternative.of("filter", "all", f"{role.id} without any filter", fig))
    for rel in role.related:
        rel_group = data.group(rel)
        if rel_group is None:
            continue
        fig = data.figures(rel_group, filters)
        if fig.n:
            out.append(Alternative.of("role", rel, f"related role {rel}", fig))
    if group is None or not any(t.n for t in group_titles(data, group)):
        for stat in similar_titles(role, data.title_stats()):
            median = stat.p50 if stat.n >= MIN_N_PERCENTILES else None
            label = f"survey title '{stat.title}' (all rows, no filters)"
            out.append(Alternative("title", stat.title, label, stat.n, median))
    return out


def group_titles(data: SalaryData, group: Group) -> list[TitleStat]:
    stats = data.title_stats()
    return [stats[t] for t in (*group.titles, *group.proxy_titles) if t in stats]


_STOP = {"of", "and", "the", "for", "in", "a", "an", "&", "to", "with", "-", "/"}
_RANKS = {"lead", "senior", "junior", "head", "principal", "staff", "chief", "sr", "jr"}
_ABBREVIATIONS = {
    "ml": ("machine", "learning"),
    "ai": ("ai", "artificial", "intelligence"),
    "bi": ("bi", "business", "intelligence"),
    "ds": ("data", "science"),
    "cv": ("computer", "vision"),
    "nlp": ("nlp",),
}


def _words(text: str) -> set[str]:
    out: set[str] = set()
    for word in re.split(r"[^a-z0-9]+", text.casefold()):
        if word and word not in _STOP and word not in _RANKS:
            out.update(_ABBREVIATIONS.get(word, (word,)))
    return out


def similar_titles(role: Role, stats: dict[str, TitleStat], k: int = 4) -> list[TitleStat]:
    """Survey titles with rows whose words overlap the role's title and aliases most."""
    wanted: set[str] = set()
    for name in (role.title, *role.aliases):
        wanted |= _words(name)
    scored = [(len(wanted & _words(s.title)), s) for s in stats.values() if s.n]
    scored = [(score, s) for score, s in scored if score]
    scored.sort(key=lambda item: (-item[0], -item[1].n, item[1].title))
    return [s for _, s in scored[:k]]


def ranking(catalog: Catalog, filters: Filters, data: SalaryData) -> Ranking:
    """Every catalog role under the filters, by median pay, highest first; no figures last."""
    rows: list[RankedRole] = []
    for role in catalog.roles.values():
        group = data.group(role.id)
        fig = data.figures(group, filters) if group else NO_ROWS
        rows.append(RankedRole(role.id, role.title, group.proxy if group else False, fig))
    rows.sort(key=lambda r: (r.figures.p50 is None, -(r.figures.p50 or 0), -r.figures.n, r.role_id))
    return Ranking(filters, tuple(rows), data.source())


# ---------------------------------------------------------------------------------------
# JSON.


def figures_dict(fig: Figures) -> dict[str, Any]:
    pct = fig.percentiles()
    return {
        "n": fig.n,
        "duplicates_dropped": fig.dropped,
        "thin": fig.thin,
        **{p: pct[p] if pct else None for p in PCT_NAMES},
    }


def _filters_dict(filters: Filters) -> dict[str, Any]:
    return filters._asdict()


def _rules() -> dict[str, Any]:
    return {"thin_below_n": THIN_N, "percentiles_from_n": MIN_N_PERCENTILES}


def report_dict(report: RoleReport) -> dict[str, Any]:
    """`salary ROLE --json`."""
    return envelope(
        currency="USD",
        amount=AMOUNT,
        role={"id": report.role_id, "title": report.role_title},
        filters=_filters_dict(report.filters),
        n=report.overall.n,
        duplicates_dropped=report.overall.dropped,
        rows=report.overall.n + report.overall.dropped,
        thin=report.overall.thin,
        percentiles=report.overall.percentiles(),
        by_level={lvl: figures_dict(fig) for lvl, fig in report.by_level.items()},
        mapped=report.mapped,
        proxy=report.proxy,
        n_direct=report.n_direct,
        titles=[{"title": t.title, "n": t.n, "proxy": t.proxy} for t in report.titles],
        note=report.note or None,
        notes=[*report.notes, *([report.status] if report.status else [])],
        alternatives=[
            {
                "kind": a.kind,
                "name": a.name,
                "label": a.label,
                "n": a.n,
                "thin": a.thin,
                "p50": a.median,
            }
            for a in report.alternatives
        ],
        **_rules(),
        source=report.source,
    )


def ranking_dict(result: Ranking) -> dict[str, Any]:
    """`salary --json` with no role: the roles by median pay."""
    return envelope(
        currency="USD",
        amount=AMOUNT,
        filters=_filters_dict(result.filters),
        roles=[
            {"id": r.role_id, "title": r.title, "proxy": r.proxy, **figures_dict(r.figures)}
            for r in result.roles
        ],
        **_rules(),
        source=result.source,
    )


# ---------------------------------------------------------------------------------------
# For other commands.


@functools.cache
def _summary_levels() -> dict[str, dict[str, tuple[float, int]]]:
    from careercli.common.paths import bundled_data_dir
    from careercli.common.yamlio import read_text

    path = bundled_data_dir() / "salary_summary.json"
    try:
        roles = json.loads(read_text(path))["roles"]
        return {
            role: {lvl: (float(f["p50"]), int(f["n"])) for lvl, f in entry["by_level"].items()}
            for role, entry in roles.items()
        }
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise DataError(
            f"{path}: not a salary summary as scripts/derive_salaries.py writes it ({exc})"
        ) from None


def role_level_median(role_id: str, level: str, catalog: Catalog | None = None) -> tuple[float, int] | None:
    """The survey's median gross yearly salary (USD) and n for a role at a level, or None.

    None when the role or level has no figures, or fewer than MIN_N_PERCENTILES rows (a
    median of one or two rows says nothing about a job's pay). `level` takes any spelling
    of vocab; figures come from data/salary_summary.json, or from `catalog` (which carries
    a data pack's summary too) when given.
    """
    canonical = vocab.find_level(level)
    if canonical is None:
        return None
    if catalog is not None:
        sal = catalog.salaries.get(role_id)
        p = sal.by_level.get(canonical) if sal else None
        found = (p.p50, p.n) if p else None
    else:
        found = _summary_levels().get(role_id, {}).get(canonical)
    if found is None or found[1] < MIN_N_PERCENTILES:
        return None
    return found
