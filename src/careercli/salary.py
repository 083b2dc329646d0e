"""Salary figures for `careercli salary`: percentiles by role, level and filters, with n.

Pure: reads data, returns result objects, never prints. Two sources answer the same
questions the same way:

- `BundledSalaries`: data/salary_cells.json, precomputed by scripts/derive_salaries.py and
  loaded only by this command (a role's cells are indexed only when asked for);
- `CsvSalaries`: any CSV in the survey's columns (`--data FILE`), read by
  careercli.salary_csv and mapped to roles through data/salary_titles.yaml exactly as the
  script maps them, so over the survey itself both give identical figures.

Both follow one rule: percentiles need at least MIN_N_PERCENTILES rows (below that, n
only), and a figure from fewer than THIN_N rows is marked thin.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from careercli import countries, vocab
from careercli.errors import DataError, UsageProblem, did_you_mean
from careercli.models import Catalog, Role
from careercli.roleview import THIN_N
from careercli.salary_csv import (
    COMPANY_SIZES,
    DIMENSIONS,
    EMPLOYMENT_TYPES,
    MIN_N_PERCENTILES,
    SurveyRow,
)

SCHEMA_VERSION = 1
PCT_NAMES = ("p10", "p25", "p50", "p75", "p90")
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


class Filters(NamedTuple):
    """One value per filter, or None for all values. Field order is DIMENSIONS'."""

    level: str | None = None
    country: str | None = None
    year: int | None = None
    remote: int | None = None
    employment_type: str | None = None
    company_size: str | None = None

    def active(self) -> dict[str, str | int]:
        return {k: v for k, v in self._asdict().items() if v is not None}

    def without(self, dimension: str) -> Filters:
        return self._replace(**{dimension: None})


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
_YEAR = re.compile(r"((?:19|20)[0-9]{2})[eE]?")


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
    match = _YEAR.fullmatch(text.strip())
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


class Figures(NamedTuple):
    """n rows, and their p10..p90 when n >= MIN_N_PERCENTILES (else None)."""

    n: int
    pct: tuple[float, float, float, float, float] | None = None

    @property
    def thin(self) -> bool:
        return self.n < THIN_N

    @property
    def p50(self) -> float | None:
        return self.pct[2] if self.pct else None

    def percentiles(self) -> dict[str, float] | None:
        return dict(zip(PCT_NAMES, self.pct, strict=True)) if self.pct else None


NO_ROWS = Figures(0)


class Group(NamedTuple):
    """The survey rows that stand for a role: its own titles, plus proxy titles if any."""

    role: str
    key: str  # the source's name for this row set
    proxy: bool
    titles: tuple[str, ...]
    proxy_titles: tuple[str, ...]
    note: str


class TitleStat(NamedTuple):
    """A survey job title over the whole data: n, median and the role that counts it."""

    title: str
    role: str | None
    n: int
    p50: float | None


class SalaryData(Protocol):
    def source(self) -> dict[str, Any]: ...
    def years(self) -> tuple[int, ...]: ...
    def countries(self) -> dict[str, int]: ...
    def group(self, role_id: str) -> Group | None: ...
    def figures(self, group: Group, filters: Filters) -> Figures: ...
    def title_stats(self) -> dict[str, TitleStat]: ...
    def unsupported(self, filters: Filters) -> str | None: ...


_WRITER = "scripts/derive_salaries.py"


def _read_json(path: Path) -> Any:
    from careercli.yamlio import read_text

    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: line {exc.lineno}: JSON error: {exc.msg}") from None


def _figures(values: list[float]) -> Figures:
    if len(values) < MIN_N_PERCENTILES:
        return Figures(len(values))
    from careercli.stats import percentiles

    p = percentiles(values)
    return Figures(len(values), (p["p10"], p["p25"], p["p50"], p["p75"], p["p90"]))


class BundledSalaries:
    """data/salary_cells.json (the index) and, read only when asked for, one group's cells
    from data/salary_cells/<group>.json."""

    def __init__(self, path: Path, catalog: Catalog) -> None:
        self.path = path
        data = _read_json(path)
        try:
            self._groups: dict[str, dict[str, Any]] = {g["id"]: g for g in data["groups"]}
            self._sets = {frozenset(s) for s in data["grouping_sets"]}
            self._titles: dict[str, list[Any]] = data["titles"]
            self._countries: dict[str, int] = data["countries"]
            self._source: dict[str, Any] = data["source"]
            first, last = self._source["years"]
            self._years = tuple(range(int(first), int(last) + 1))
            if data["min_n_percentiles"] != MIN_N_PERCENTILES:
                raise ValueError(f"min_n_percentiles is not {MIN_N_PERCENTILES}")
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{path}: not a salary cells index as {_WRITER} writes it ({exc})") from None
        self._notes = {role: sal.note for role, sal in catalog.salaries.items()}
        self._tables: dict[str, dict[tuple[Any, ...], tuple[Any, ...]]] = {}
        self._stats: dict[str, TitleStat] | None = None

    def source(self) -> dict[str, Any]:
        s = self._source
        return {
            "kind": "bundled",
            "name": s.get("name"),
            "url": s.get("url"),
            "licence": s.get("licence"),
            "snapshot": s.get("snapshot"),
            "years": s.get("years"),
            "rows": s.get("rows"),
            "file": f"data/{self.path.name}",
            "derived_by": s.get("derived_by"),
        }

    def years(self) -> tuple[int, ...]:
        return self._years

    def countries(self) -> dict[str, int]:
        return self._countries

    def group(self, role_id: str) -> Group | None:
        direct = self._groups.get(role_id)
        proxied = self._groups.get(f"{role_id}:proxy")
        chosen = proxied or direct
        if chosen is None:
            return None
        titles = tuple(direct["titles"]) if direct else ()
        extra = tuple(t for t in chosen["titles"] if t not in titles) if proxied else ()
        note = self._notes.get(role_id, "")
        return Group(role_id, chosen["id"], proxied is not None, titles, extra, note)

    def unsupported(self, filters: Filters) -> str | None:
        if frozenset(filters.active()) in self._sets:
            return None
        return (
            "--employment-type and --company-size together are not in the bundled figures "
            "(each is precomputed with the other filters, not with each other); drop one, "
            "or give the survey CSV with --data FILE"
        )

    def figures(self, group: Group, filters: Filters) -> Figures:
        cell = self._table(group.key).get(tuple(filters))
        return Figures(*cell) if cell else NO_ROWS

    def _table(self, key: str) -> dict[tuple[Any, ...], tuple[Any, ...]]:
        """A group's cells by their filter values, read from its file on first use.

        Values are (n,) or (n, (p10, p25, p50, p75, p90)): plain tuples built in C, a
        Figures only for the few cells a command asks for."""
        table = self._tables.get(key)
        if table is not None:
            return table
        path = self.path.parent / str(self._groups[key]["file"])
        data = _read_json(path)
        table = {}
        try:
            if data["group"] != key:
                raise ValueError(f"it holds group {data['group']!r}, not {key!r}")
            for name, full in (("small_cells", False), ("cells", True)):
                cells = data[name]
                keys = zip(*(cells[d] for d in DIMENSIONS), strict=True)
                if full:
                    pcts = zip(*(cells[p] for p in PCT_NAMES), strict=True)
                    table.update(zip(keys, zip(cells["n"], pcts, strict=True), strict=True))
                else:
                    table.update(zip(keys, zip(cells["n"]), strict=True))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{path}: not a salary cells file as {_WRITER} writes it ({exc})") from None
        self._tables[key] = table
        return table

    def title_stats(self) -> dict[str, TitleStat]:
        if self._stats is None:
            t = self._titles
            self._stats = {
                title: TitleStat(title, role, n, p50)
                for title, role, n, p50 in zip(t["title"], t["role"], t["n"], t["p50"], strict=True)
            }
        return self._stats


class CsvSalaries:
    """A CSV in the survey's columns, mapped to roles by data/salary_titles.yaml."""

    def __init__(self, path: Path, titles_path: Path) -> None:
        from careercli.salary_csv import load_title_map, read_survey

        self.path = path
        self.titles_path = titles_path
        survey = read_survey(path)
        self._map = load_title_map(titles_path)
        self._rows = survey.rows
        self._duplicates = survey.duplicate_rows
        by_title: dict[str, list[SurveyRow]] = {}
        for row in survey.rows:
            by_title.setdefault(row.title, []).append(row)
        self._by_title = by_title
        self._group_rows: dict[str, list[SurveyRow]] = {}
        self._stats: dict[str, TitleStat] | None = None

    def source(self) -> dict[str, Any]:
        years = self.years()
        return {
            "kind": "csv",
            "name": self.path.name,
            "file": str(self.path),
            "rows": len(self._rows),
            "years": [years[0], years[-1]],
            "duplicate_rows": self._duplicates,
            "duplicates": "kept, as in the bundled figures",
            "title_map": str(self.titles_path),
        }

    def years(self) -> tuple[int, ...]:
        return tuple(sorted({r.year for r in self._rows}))

    def countries(self) -> dict[str, int]:
        return dict(Counter(r.country for r in self._rows))

    def group(self, role_id: str) -> Group | None:
        entry = self._map.get(role_id)
        if entry is None:
            return None
        return Group(role_id, role_id, entry.proxy, entry.titles, entry.proxy_titles, entry.note)

    def unsupported(self, filters: Filters) -> str | None:
        return None

    def figures(self, group: Group, filters: Filters) -> Figures:
        rows = self._group_rows.get(group.key)
        if rows is None:
            wanted = group.titles + tuple(t for t in group.proxy_titles if t not in group.titles)
            rows = [r for t in wanted for r in self._by_title.get(t, ())]
            self._group_rows[group.key] = rows
        active = filters.active()
        if not active:
            return _figures([r.usd for r in rows])
        if len(active) == 1:
            ((name, value),) = active.items()
            get = attrgetter(name)
            return _figures([r.usd for r in rows if get(r) == value])
        getter = attrgetter(*active)
        target = tuple(active.values())
        return _figures([r.usd for r in rows if getter(r) == target])

    def title_stats(self) -> dict[str, TitleStat]:
        if self._stats is None:
            from careercli.stats import percentiles

            role_of = {t: e.role for e in self._map.values() for t in e.titles}
            self._stats = {
                title: TitleStat(
                    title, role_of.get(title), len(rows), percentiles([r.usd for r in rows])["p50"]
                )
                for title, rows in sorted(self._by_title.items())
            }
        return self._stats


def load_bundled(catalog: Catalog, pack: Path | None = None) -> BundledSalaries:
    """The bundled cells, or a data pack's own salary_cells.json when it has one."""
    from careercli.paths import bundled_data_dir

    name = "salary_cells.json"
    path = pack / name if pack is not None and (pack / name).is_file() else bundled_data_dir() / name
    return BundledSalaries(path, catalog)


def load_csv(path: Path) -> CsvSalaries:
    """A survey CSV (`--data FILE`), its titles mapped by the bundled salary_titles.yaml."""
    from careercli.paths import bundled_data_dir

    return CsvSalaries(path, bundled_data_dir() / "salary_titles.yaml")


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
            label = f"survey title '{stat.title}' (whole survey, no filters)"
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
    return {"n": fig.n, "thin": fig.thin, **{p: pct[p] if pct else None for p in PCT_NAMES}}


def _filters_dict(filters: Filters) -> dict[str, Any]:
    return filters._asdict()


def _rules() -> dict[str, Any]:
    return {"thin_below_n": THIN_N, "percentiles_from_n": MIN_N_PERCENTILES}


def report_dict(report: RoleReport) -> dict[str, Any]:
    """`salary ROLE --json`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "currency": "USD",
        "amount": AMOUNT,
        "role": {"id": report.role_id, "title": report.role_title},
        "filters": _filters_dict(report.filters),
        "n": report.overall.n,
        "thin": report.overall.thin,
        "percentiles": report.overall.percentiles(),
        "by_level": {lvl: figures_dict(fig) for lvl, fig in report.by_level.items()},
        "mapped": report.mapped,
        "proxy": report.proxy,
        "n_direct": report.n_direct,
        "titles": [{"title": t.title, "n": t.n, "proxy": t.proxy} for t in report.titles],
        "note": report.note or None,
        "notes": [*report.notes, *([report.status] if report.status else [])],
        "alternatives": [
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
        "source": report.source,
    }


def ranking_dict(result: Ranking) -> dict[str, Any]:
    """`salary --json` with no role: the roles by median pay."""
    return {
        "schema_version": SCHEMA_VERSION,
        "currency": "USD",
        "amount": AMOUNT,
        "filters": _filters_dict(result.filters),
        "roles": [
            {"id": r.role_id, "title": r.title, "proxy": r.proxy, **figures_dict(r.figures)}
            for r in result.roles
        ],
        **_rules(),
        "source": result.source,
    }


# ---------------------------------------------------------------------------------------
# For other commands.


@functools.cache
def _summary_levels() -> dict[str, dict[str, tuple[float, int]]]:
    from careercli.paths import bundled_data_dir
    from careercli.yamlio import read_text

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
