"""Where `careercli salary` gets its figures: the bundled cells, or a survey CSV.

Two sources answer the same questions the same way:

- `BundledSalaries`: data/salary_cells.json (an index) and data/salary_cells/<group>.json,
  precomputed by scripts/derive_salaries.py and read only by this command, one role's
  file at a time;
- `CsvSalaries`: any CSV in the survey's columns (`--data FILE`), read by
  careercli.salary.survey and mapped to roles through data/salary_titles.yaml exactly as the
  script maps them, so over the survey itself both give identical figures.

Both follow one rule: percentiles need at least MIN_N_PERCENTILES rows (below that, n
only). careercli.salary.report asks the questions; this module only answers them.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from careercli.catalog.models import Catalog
from careercli.catalog.role_data import THIN_N
from careercli.common.errors import DataError
from careercli.salary.stats import MIN_N_PERCENTILES
from careercli.salary.survey import DIMENSIONS, SurveyRow

PCT_NAMES = ("p10", "p25", "p50", "p75", "p90")


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


class Figures(NamedTuple):
    """n rows, and their p10..p90 when n >= MIN_N_PERCENTILES (else None)."""

    n: int
    pct: tuple[float, float, float, float, float] | None = None
    dropped: int = 0  # exact repeats of counted rows left out (0 with --keep-duplicates)

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


if TYPE_CHECKING:  # a Protocol costs start-up time to build and is only for the type checker
    from typing import Protocol

    class SalaryData(Protocol):
        """What careercli.salary.report asks of a source; BundledSalaries and CsvSalaries answer."""

        def source(self) -> dict[str, Any]: ...
        def years(self) -> tuple[int, ...]: ...
        def countries(self) -> dict[str, int]: ...
        def group(self, role_id: str) -> Group | None: ...
        def figures(self, group: Group, filters: Filters) -> Figures: ...
        def title_stats(self) -> dict[str, TitleStat]: ...
        def unsupported(self, filters: Filters) -> str | None: ...


_WRITER = "scripts/derive_salaries.py"


def _read_json(path: Path) -> Any:
    from careercli.common.yamlio import read_text

    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: line {exc.lineno}: JSON error: {exc.msg}") from None


def _figures(values: list[float], dropped: int = 0) -> Figures:
    if len(values) < MIN_N_PERCENTILES:
        return Figures(len(values), None, dropped)
    from careercli.salary.stats import percentiles

    p = percentiles(values)
    return Figures(len(values), (p["p10"], p["p25"], p["p50"], p["p75"], p["p90"]), dropped)


class BundledSalaries:
    """data/salary_cells.json (the index) and, read only when asked for, one group's cells
    from data/salary_cells/<group>.json."""

    def __init__(self, path: Path, catalog: Catalog, keep_duplicates: bool = False) -> None:
        self.path = path
        self.keep_duplicates = keep_duplicates
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
        self._heads: dict[str, dict[str | None, Figures]] = {}
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
            "distinct_rows": s.get("distinct_rows"),
            "duplicate_rows": s.get("duplicate_rows"),
            "duplicates": s.get("duplicates"),
            "sha256": s.get("sha256"),
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
        if not any(filters[1:]):  # no filter but the level: the index has it
            return self._head(group.key).get(filters.level, NO_ROWS)
        cell = self._table(group.key).get(tuple(filters))
        return Figures(*cell) if cell else NO_ROWS  # (n, pct or None, dropped)

    def _head(self, key: str) -> dict[str | None, Figures]:
        """A group's figures by level alone (None: all levels), from the index."""
        heads = self._heads.get(key)
        if heads is None:
            try:
                h = self._groups[key]["head"]
                heads = {}
                dropped = h.get("dropped") or [0] * len(h["level"])
                for i, level in enumerate(h["level"]):
                    pct = tuple(h[p][i] for p in PCT_NAMES)
                    heads[level] = Figures(h["n"][i], pct if pct[0] is not None else None, dropped[i])
            except (KeyError, TypeError, IndexError) as exc:
                raise DataError(
                    f"{self.path}: not a salary cells index as {_WRITER} writes it ({exc})"
                ) from None
            self._heads[key] = heads
        return heads

    def _table(self, key: str) -> dict[tuple[Any, ...], tuple[Any, ...]]:
        """A group's cells by their filter values, read from its file on first use.

        Values are (n, None, dropped) or (n, (p10, p25, p50, p75, p90), dropped): plain
        tuples built in C, a Figures only for the few cells a command asks for."""
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
                dropped = cells.get("dropped") or [0] * len(cells["n"])
                pcts = zip(*(cells[p] for p in PCT_NAMES), strict=True) if full else repeat(None)
                # pcts of the small cells repeats None without end: zip stops at n's length
                table.update(zip(keys, zip(cells["n"], pcts, dropped, strict=full), strict=True))
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

    def __init__(self, path: Path, titles_path: Path, keep_duplicates: bool = False) -> None:
        from careercli.salary.survey import load_title_map, read_survey

        self.path = path
        self.titles_path = titles_path
        self.keep_duplicates = keep_duplicates
        survey = read_survey(path, keep_duplicates=keep_duplicates)
        self._map = load_title_map(titles_path)
        self._rows = survey.rows
        self._rows_read = survey.rows_read
        self._duplicates = survey.duplicate_rows
        self._by_title = _by_title(survey.rows)
        self._repeats_by_title = _by_title(survey.repeats)
        self._group_rows: dict[str, tuple[list[SurveyRow], list[SurveyRow]]] = {}
        self._stats: dict[str, TitleStat] | None = None

    def source(self) -> dict[str, Any]:
        from careercli.salary.survey import DUPLICATE_POLICY

        years = self.years()
        return {
            "kind": "csv",
            "name": self.path.name,
            "file": str(self.path),
            "rows": self._rows_read,
            "rows_counted": len(self._rows),
            "years": [years[0], years[-1]],
            "duplicate_rows": self._duplicates,
            "distinct_rows": self._rows_read - self._duplicates,
            "duplicates": "kept: every row counts (--keep-duplicates)"
            if self.keep_duplicates
            else DUPLICATE_POLICY,
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
        found = self._group_rows.get(group.key)
        if found is None:
            wanted = group.titles + tuple(t for t in group.proxy_titles if t not in group.titles)
            found = (
                [r for t in wanted for r in self._by_title.get(t, ())],
                [r for t in wanted for r in self._repeats_by_title.get(t, ())],
            )
            self._group_rows[group.key] = found
        rows, repeats = found
        active = filters.active()
        if not active:
            return _figures([r.usd for r in rows], len(repeats))
        if len(active) == 1:
            ((name, value),) = active.items()
            get = attrgetter(name)
            return _figures(
                [r.usd for r in rows if get(r) == value], sum(1 for r in repeats if get(r) == value)
            )
        getter = attrgetter(*active)
        target = tuple(active.values())
        return _figures(
            [r.usd for r in rows if getter(r) == target], sum(1 for r in repeats if getter(r) == target)
        )

    def title_stats(self) -> dict[str, TitleStat]:
        if self._stats is None:
            from careercli.salary.stats import percentiles

            role_of = {t: e.role for e in self._map.values() for t in e.titles}
            self._stats = {
                title: TitleStat(
                    title, role_of.get(title), len(rows), percentiles([r.usd for r in rows])["p50"]
                )
                for title, rows in sorted(self._by_title.items())
            }
        return self._stats


def _by_title(rows: tuple[SurveyRow, ...]) -> dict[str, list[SurveyRow]]:
    by_title: dict[str, list[SurveyRow]] = {}
    for row in rows:
        by_title.setdefault(row.title, []).append(row)
    return by_title


def load_bundled(
    catalog: Catalog, pack: Path | None = None, keep_duplicates: bool = False
) -> BundledSalaries:
    """The bundled cells, or a data pack's own salary_cells.json when it has one; with
    `keep_duplicates`, salary_cells.all.json (every row, exact repeats too)."""
    from careercli.common.paths import bundled_data_dir

    name = "salary_cells.all.json" if keep_duplicates else "salary_cells.json"
    path = pack / name if pack is not None and (pack / name).is_file() else bundled_data_dir() / name
    return BundledSalaries(path, catalog, keep_duplicates)


def load_csv(path: Path, keep_duplicates: bool = False) -> CsvSalaries:
    """A survey CSV (`--data FILE`), its titles mapped by the bundled salary_titles.yaml."""
    from careercli.common.paths import bundled_data_dir

    return CsvSalaries(path, bundled_data_dir() / "salary_titles.yaml", keep_duplicates)
