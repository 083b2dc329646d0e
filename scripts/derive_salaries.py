"""Derive careercli's salary figures from the aijobs.net salary survey (CC0).

Usage: python scripts/derive_salaries.py [--csv PATH] [--titles FILE] [--out-dir DIR] [--check]

Reads the survey CSV (default ../shared/data/aijobs-salaries/salaries.csv beside the repo)
and data/salary_titles.yaml (which survey job titles count as which catalog role), and
writes two files of derived figures into DIR (default data/):

- salary_summary.json: per role, n, the years covered, p10/p25/p50/p75/p90 of
  salary_in_usd, and the same by experience level. Small: loaded by `show` and `compare`.
- salary_cells.json: the same percentiles by role x level x country x year x remote
  (and by employment type and company size), plus every survey title's n and median,
  for `careercli salary` and its filters. Its "layout" key documents the layout.

No survey row is copied: only counts and percentiles are written, and cells of the
detailed file with fewer than MIN_N_PERCENTILES rows carry a count only. Output is
deterministic (sorted keys, fixed order, no timestamps): re-running on the same inputs
gives byte-identical files. `--check` writes nothing and exits 1 when a file differs.

Only the standard library is used; the percentile function is careercli.stats (imported
from src/), shared with the CLI. salary_titles.yaml is read with a small parser for the
plain YAML subset that file uses (nested mappings, flow lists, quoted or plain strings).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careercli.stats import PERCENTILE_METHOD, percentiles  # noqa: E402

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "aijobs-salaries" / "salaries.csv"
DEFAULT_TITLES = ROOT / "data" / "salary_titles.yaml"
SUMMARY_FILE = "salary_summary.json"
CELLS_FILE = "salary_cells.json"
SCHEMA_VERSION = 1

# The role ids of the product contract (PRODUCT.md): each must be in salary_titles.yaml.
CONTRACT_ROLES = (
    "head-ds", "lead-mle", "head-of-data", "data-science-manager", "data-scientist",
    "ml-engineer", "ai-engineer", "ai-research-scientist", "applied-scientist",
    "data-architect", "data-engineer", "analytics-engineer", "mlops-engineer",
    "data-analyst", "bi-analyst", "statistician", "nlp-engineer", "computer-vision-engineer",
    "quantitative-analyst", "data-product-manager",
)  # fmt: skip

LEVELS = {"EN": "entry", "MI": "mid", "SE": "senior", "EX": "executive"}
LEVEL_ORDER = tuple(LEVELS.values())
EMPLOYMENT_TYPES = {"FT": "full-time", "PT": "part-time", "CT": "contract", "FL": "freelance"}
COMPANY_SIZES = {
    "S": "small (fewer than 50 employees)",
    "M": "medium (50 to 250 employees)",
    "L": "large (more than 250 employees)",
}
REMOTE_RATIOS = {
    0: "no remote work (less than 20%)",
    50: "partially remote (hybrid)",
    100: "fully remote (more than 80%)",
}
COLUMNS = (
    "work_year", "experience_level", "employment_type", "job_title", "salary", "salary_currency",
    "salary_in_usd", "employee_residence", "remote_ratio", "company_location", "company_size",
)  # fmt: skip

# Cells of salary_cells.json with fewer rows than this carry n only, no percentiles:
# percentiles of a handful of rows say little, and a cell of one row would be that row.
MIN_N_PERCENTILES = 5

# The filter dimensions of salary_cells.json, and which combinations get cells. A cell
# with a dimension set to null covers every value of it. The four main filters combine
# freely, and employment type or company size can be added to any of them; only the two
# together are left out (99.5% of rows are full-time, 96% at medium companies), which
# keeps the file near 1.3 MB instead of 1.8 MB.
DIMENSIONS = ("level", "country", "year", "remote", "employment_type", "company_size")
MAIN_DIMENSIONS = ("level", "country", "year", "remote")


def _subsets(dims: Sequence[str]) -> list[tuple[str, ...]]:
    return [c for k in range(len(dims) + 1) for c in itertools.combinations(dims, k)]


GROUPING_SETS: tuple[tuple[str, ...], ...] = tuple(
    _subsets(MAIN_DIMENSIONS)
    + [(*s, extra) for extra in ("employment_type", "company_size") for s in _subsets(MAIN_DIMENSIONS)]
)

SOURCE_NAME = "aijobs.net Global AI, ML, Data Science Salary Index"
SOURCE_URL = "https://aijobs.net/salaries/"
DUPLICATE_POLICY = (
    "kept: every row counts, including rows that repeat another row exactly. The survey has "
    "no respondent id and its salaries are rounded, so identical answers from different "
    "respondents are plausible and cannot be told apart from repeats, and aijobs.net's own "
    "statistics count every row; keeping them keeps our figures comparable with the "
    "publisher's. duplicate_rows says how many rows repeat an earlier one."
)
COUNTRY_NOTE = (
    "country is employee_residence (where the employee lives, ISO 3166-1 alpha-2), because "
    "pay follows where people live and work, remote workers included; company_location "
    "differs from it in few rows"
)


class InputError(Exception):
    """A problem with an input file that the user can fix; the message names file and place."""


# ---------------------------------------------------------------------------------------
# salary_titles.yaml: a strict reader for the plain YAML subset the file uses.

YamlValue: TypeAlias = "str | int | list[YamlValue] | dict[str, YamlValue]"

_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*):(?:\s+(.*))?$")
_INT = re.compile(r"[-+]?[0-9]+")
_RESERVED_PLAIN = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}
_PLAIN_START_FORBIDDEN = set("-?:,[]{}#&*!|>'\"%@`")


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    indent: int
    text: str


def _strip_comment(line: str) -> str:
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'" and (i == 0 or line[i - 1] in " \t[,:"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def _bracket_depth(text: str) -> int:
    depth, quote = 0, ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'" and (i == 0 or text[i - 1] in " \t[,:"):
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
    return depth


def _logical_lines(text: str, name: str) -> list[_Line]:
    """Non-blank lines without comments; a flow list spread over lines becomes one line."""
    out: list[_Line] = []
    pending: _Line | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise InputError(f"{name}: line {number}: indent with spaces, not tabs")
        body = _strip_comment(raw)
        if not body.strip():
            continue
        if pending is not None:
            pending = _Line(pending.number, pending.indent, f"{pending.text} {body.strip()}")
        else:
            pending = _Line(number, len(body) - len(body.lstrip(" ")), body.strip())
        if _bracket_depth(pending.text) <= 0:
            out.append(pending)
            pending = None
    if pending is not None:
        raise InputError(f"{name}: line {pending.number}: a list opened with [ is never closed")
    return out


def _scalar(token: str, where: str) -> str | int:
    token = token.strip()
    if not token:
        raise InputError(f"{where}: empty value")
    if token[0] == '"':
        if len(token) < 2 or token[-1] != '"':
            raise InputError(f"{where}: unterminated double-quoted string")
        try:
            value = json.loads(token)
        except json.JSONDecodeError:
            raise InputError(f"{where}: bad double-quoted string {token}") from None
        if not isinstance(value, str):
            raise InputError(f"{where}: bad double-quoted string {token}")
        return value
    if token[0] == "'":
        inner = token[1:-1]
        if len(token) < 2 or token[-1] != "'" or "'" in inner.replace("''", ""):
            raise InputError(f"{where}: bad single-quoted string {token}")
        return inner.replace("''", "'")
    if _INT.fullmatch(token):
        return int(token)
    if (
        token[0] in _PLAIN_START_FORBIDDEN
        or token[0].isdigit()
        or token.lower() in _RESERVED_PLAIN
        or ": " in token
        or " #" in token
        or token.endswith(":")
    ):
        raise InputError(f"{where}: put {token!r} in double quotes")
    return token


def _flow_list(token: str, where: str) -> list[YamlValue]:
    inner = token.strip()
    if not (inner.startswith("[") and inner.endswith("]")) or _bracket_depth(inner[1:-1]) != 0:
        raise InputError(f"{where}: expected a list in [ ]; nested lists are not supported")
    items: list[str] = []
    current, quote = "", ""
    for ch in inner[1:-1]:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and not current.strip():
            quote = ch
        elif ch == ",":
            items.append(current)
            current = ""
            continue
        current += ch
    items.append(current)
    if items and not items[-1].strip():  # "[]" and a trailing comma
        items.pop()
    return [_scalar(item, where) for item in items]


def _block(lines: list[_Line], start: int, indent: int, name: str) -> tuple[dict[str, YamlValue], int]:
    result: dict[str, YamlValue] = {}
    i = start
    while i < len(lines) and lines[i].indent >= indent:
        line = lines[i]
        where = f"{name}: line {line.number}"
        if line.indent != indent:
            raise InputError(f"{where}: unexpected indentation")
        if line.text.startswith("- "):
            raise InputError(f"{where}: write lists as [a, b, c], not as '- ' items")
        match = _KEY.match(line.text)
        if not match:
            raise InputError(f"{where}: expected 'key: value'")
        key, rest = match.group(1), (match.group(2) or "").strip()
        if key in result:
            raise InputError(f"{where}: {key} appears twice")
        if rest:
            result[key] = _flow_list(rest, where) if rest.startswith("[") else _scalar(rest, where)
            i += 1
        elif i + 1 < len(lines) and lines[i + 1].indent > indent:
            result[key], i = _block(lines, i + 1, lines[i + 1].indent, name)
        else:
            raise InputError(f"{where}: {key} has no value")
    return result, i


def parse_yaml_subset(text: str, name: str) -> dict[str, YamlValue]:
    """Parse the YAML subset of salary_titles.yaml: nested mappings, flow lists, strings, ints.

    Anything outside the subset is an error rather than a guess, so the result always
    equals what a full YAML loader (yaml.safe_load) gives for the same file.
    """
    lines = _logical_lines(text, name)
    if not lines:
        raise InputError(f"{name}: the file is empty")
    if lines[0].indent != 0:
        raise InputError(f"{name}: line {lines[0].number}: the top level must not be indented")
    data, end = _block(lines, 0, 0, name)
    if end != len(lines):
        raise InputError(f"{name}: line {lines[end].number}: unexpected indentation")
    return data


@dataclass(frozen=True, slots=True)
class RoleTitles:
    role: str
    titles: tuple[str, ...]
    proxy_titles: tuple[str, ...]
    note: str

    @property
    def proxy(self) -> bool:
        """A role with proxy titles takes its figures from its titles and proxy titles together."""
        return bool(self.proxy_titles)

    @property
    def figure_titles(self) -> tuple[str, ...]:
        return self.titles + tuple(t for t in self.proxy_titles if t not in self.titles)


def _text_list(value: YamlValue | None, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: expected a list of survey titles")
    titles = tuple(str(v) for v in value)
    if len(set(titles)) != len(titles):
        raise InputError(f"{where}: a title is listed twice")
    return titles


def load_title_map(path: Path) -> dict[str, RoleTitles]:
    """Role id -> its survey titles, validated: a title belongs to at most one role's titles."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    data = parse_yaml_subset(text, str(path))
    if data.get("schema_version") != SCHEMA_VERSION:
        raise InputError(f"{path}: schema_version must be {SCHEMA_VERSION}")
    unknown = set(data) - {"schema_version", "roles"}
    if unknown:
        raise InputError(f"{path}: unknown key {sorted(unknown)[0]}")
    roles = data.get("roles")
    if not isinstance(roles, dict):
        raise InputError(f"{path}: roles: expected a mapping of role id to titles")
    owner: dict[str, str] = {}
    result: dict[str, RoleTitles] = {}
    for role, entry in roles.items():
        where = f"{path}: roles.{role}"
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", role):
            raise InputError(f"{where}: a role id is lowercase letters, digits and hyphens")
        if not isinstance(entry, dict):
            raise InputError(f"{where}: expected a mapping with titles")
        extra = set(entry) - {"titles", "proxy_titles", "note"}
        if extra:
            raise InputError(f"{where}: unknown key {sorted(extra)[0]}")
        if "titles" not in entry:
            raise InputError(f"{where}: titles is missing (write titles: [] when the survey has none)")
        titles = _text_list(entry.get("titles"), f"{where}.titles")
        proxy_titles = _text_list(entry.get("proxy_titles"), f"{where}.proxy_titles")
        note = entry.get("note", "")
        if not isinstance(note, str):
            raise InputError(f"{where}.note: expected text")
        if not titles and not proxy_titles:
            raise InputError(
                f"{where}: no titles and no proxy_titles; list the closest titles as proxy_titles"
            )
        if proxy_titles and not note:
            raise InputError(f"{where}: a role with proxy_titles needs a note saying why")
        for title in titles:
            if title in owner:
                raise InputError(f"{where}.titles: {title!r} is already a title of {owner[title]}")
            owner[title] = role
        result[role] = RoleTitles(role, titles, proxy_titles, note)
    missing = [r for r in CONTRACT_ROLES if r not in result]
    if missing:
        raise InputError(f"{path}: roles: contract role {missing[0]} is missing")
    return result


# ---------------------------------------------------------------------------------------
# The survey CSV.


@dataclass(frozen=True, slots=True)
class SurveyRow:
    year: int
    level: str  # entry | mid | senior | executive
    employment_type: str  # FT | PT | CT | FL
    title: str
    usd: float
    country: str  # employee_residence
    remote: int  # 0 | 50 | 100
    company_location: str
    company_size: str  # S | M | L

    def value(self, dimension: str) -> str | int:
        match dimension:
            case "level":
                return self.level
            case "country":
                return self.country
            case "year":
                return self.year
            case "remote":
                return self.remote
            case "employment_type":
                return self.employment_type
            case "company_size":
                return self.company_size
        raise KeyError(dimension)


@dataclass(frozen=True, slots=True)
class Survey:
    path: Path
    rows: tuple[SurveyRow, ...]
    duplicate_rows: int  # rows equal in every column to an earlier row


def _field_error(path: Path, line: int, column: str, value: str, expected: str) -> InputError:
    return InputError(f"{path}: line {line}: {column}: {value!r} is not {expected}")


def _parse_row(path: Path, line: int, raw: dict[str, str]) -> SurveyRow:
    def choice(column: str, allowed: Iterable[str]) -> str:
        value = raw[column]
        if value not in allowed:
            raise _field_error(path, line, column, value, "one of " + ", ".join(allowed))
        return value

    year_text = raw["work_year"]
    if not re.fullmatch(r"(19|20)[0-9]{2}", year_text):
        raise _field_error(path, line, "work_year", year_text, "a year")
    usd_text = raw["salary_in_usd"]
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", usd_text) or float(usd_text) <= 0:
        raise _field_error(path, line, "salary_in_usd", usd_text, "a positive amount")
    remote_text = choice("remote_ratio", ("0", "50", "100"))
    for column in ("employee_residence", "company_location"):
        if not re.fullmatch(r"[A-Z]{2}", raw[column]):
            raise _field_error(path, line, column, raw[column], "an ISO 3166-1 alpha-2 country code")
    title = raw["job_title"]
    if not title:
        raise _field_error(path, line, "job_title", title, "a job title")
    return SurveyRow(
        year=int(year_text),
        level=LEVELS[choice("experience_level", LEVELS)],
        employment_type=choice("employment_type", EMPLOYMENT_TYPES),
        title=title,
        usd=float(usd_text),
        country=raw["employee_residence"],
        remote=int(remote_text),
        company_location=raw["company_location"],
        company_size=choice("company_size", COMPANY_SIZES),
    )


def read_survey(path: Path) -> Survey:
    """Every data row of the survey CSV, validated; an invalid row is an error naming its line."""
    rows: list[SurveyRow] = []
    seen: set[tuple[str, ...]] = set()
    duplicates = 0
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            missing = [c for c in COLUMNS if c not in header]
            if missing:
                raise InputError(f"{path}: line 1: column {missing[0]} is missing from the header")
            index = {c: header.index(c) for c in COLUMNS}
            for record in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in record):
                    continue
                if len(record) != len(header):
                    raise InputError(
                        f"{path}: line {line}: {len(record)} fields, the header has {len(header)}"
                    )
                raw = {c: record[i].strip() for c, i in index.items()}
                key = tuple(raw[c] for c in COLUMNS)
                if key in seen:
                    duplicates += 1
                else:
                    seen.add(key)
                rows.append(_parse_row(path, line, raw))
    except FileNotFoundError:
        raise InputError(f"{path}: not found (give the survey CSV with --csv PATH)") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    if not rows:
        raise InputError(f"{path}: no data rows")
    return Survey(path, tuple(rows), duplicates)


# ---------------------------------------------------------------------------------------
# Figures.

Json: TypeAlias = "bool | int | float | str | list[Json] | dict[str, Json] | None"


def figures(values: Sequence[float]) -> dict[str, Json]:
    """n and the five percentiles of a non-empty list of USD amounts."""
    out: dict[str, Json] = {"n": len(values)}
    out.update(percentiles(values))
    return out


def source_block(survey: Survey) -> dict[str, Json]:
    years = sorted({r.year for r in survey.rows})
    return {
        "name": SOURCE_NAME,
        "url": SOURCE_URL,
        "licence": "CC0 1.0",
        "snapshot": str(years[-1]),
        "snapshot_note": "the latest work_year in the survey file, which records no snapshot date",
        "file": "salaries.csv",
        "rows": len(survey.rows),
        "years": [years[0], years[-1]],
        "duplicates": DUPLICATE_POLICY,
        "duplicate_rows": survey.duplicate_rows,
        "distinct_rows": len(survey.rows) - survey.duplicate_rows,
        "currency": "USD",
        "amount": "salary_in_usd: the survey's gross yearly salary converted to USD by aijobs.net",
        "derived_by": "scripts/derive_salaries.py",
        "title_map": "data/salary_titles.yaml",
        "percentile_method": PERCENTILE_METHOD,
    }


def check_titles(title_map: dict[str, RoleTitles], survey: Survey, titles_path: Path) -> None:
    present = {r.title for r in survey.rows}
    for entry in title_map.values():
        for title in entry.titles + entry.proxy_titles:
            if title not in present:
                raise InputError(
                    f"{titles_path}: roles.{entry.role}: {title!r} is not a job_title in {survey.path}"
                )


def build_summary(survey: Survey, title_map: dict[str, RoleTitles]) -> dict[str, Json]:
    by_title: dict[str, list[SurveyRow]] = defaultdict(list)
    for row in survey.rows:
        by_title[row.title].append(row)
    roles: dict[str, Json] = {}
    for role, entry in title_map.items():
        rows = [r for t in entry.figure_titles for r in by_title.get(t, [])]
        item: dict[str, Json] = {
            "titles": list(entry.titles),
            "proxy": entry.proxy,
            "proxy_titles": list(entry.proxy_titles),
            "title_n": {t: len(by_title.get(t, [])) for t in entry.figure_titles},
            "n": len(rows),
        }
        if entry.note:
            item["note"] = entry.note
        if entry.proxy:
            item["n_direct"] = sum(len(by_title.get(t, [])) for t in entry.titles)
        if rows:
            item["years"] = [min(r.year for r in rows), max(r.year for r in rows)]
            item.update(percentiles([r.usd for r in rows]))
        by_level: dict[str, Json] = {}
        for level in LEVEL_ORDER:
            values = [r.usd for r in rows if r.level == level]
            if values:
                by_level[level] = figures(values)
        item["by_level"] = by_level
        roles[role] = item
    mapped_titles = {t for e in title_map.values() for t in e.titles}
    mapped_rows = sum(len(by_title.get(t, [])) for t in mapped_titles)
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source_block(survey),
        "mapping": {
            "rows": mapped_rows,
            "share": round(mapped_rows / len(survey.rows), 4),
            "titles_mapped": len(mapped_titles),
            "survey_titles": len(by_title),
            "note": "rows and titles counted in some role's titles; proxy titles are not counted",
        },
        "roles": roles,
    }


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    role: str
    proxy: bool
    titles: tuple[str, ...]


def groups_of(title_map: dict[str, RoleTitles]) -> list[Group]:
    """Each role's own titles as a group, and, for a proxied role, its proxy group too."""
    out: list[Group] = []
    for role in sorted(title_map):
        entry = title_map[role]
        if entry.titles:
            out.append(Group(role, role, False, entry.titles))
        if entry.proxy:
            out.append(Group(f"{role}:proxy", role, True, entry.figure_titles))
    return out


def _text_map(mapping: Mapping[str, str] | Mapping[int, str]) -> dict[str, Json]:
    return {str(k): v for k, v in mapping.items()}


def _cell_order(key: tuple[str | int | None, ...]) -> tuple[tuple[bool, str | int], ...]:
    return tuple((v is not None, "" if v is None else v) for v in key)


def build_cells(survey: Survey, title_map: dict[str, RoleTitles]) -> dict[str, Json]:
    groups = groups_of(title_map)
    role_of_title = {t: e.role for e in title_map.values() for t in e.titles}
    columns = ("group", *DIMENSIONS, "n", "p10", "p25", "p50", "p75", "p90")
    cells: dict[str, list[Json]] = {c: [] for c in columns}
    small: dict[str, list[Json]] = {c: [] for c in ("group", *DIMENSIONS, "n")}
    for index, group in enumerate(groups):
        wanted = set(group.titles)
        rows = [r for r in survey.rows if r.title in wanted]
        for grouping in GROUPING_SETS:
            buckets: dict[tuple[str | int | None, ...], list[float]] = defaultdict(list)
            for row in rows:
                key = tuple(row.value(d) if d in grouping else None for d in DIMENSIONS)
                buckets[key].append(row.usd)
            for key in sorted(buckets, key=_cell_order):
                values = buckets[key]
                table = cells if len(values) >= MIN_N_PERCENTILES else small
                table["group"].append(index)
                for dim, value in zip(DIMENSIONS, key, strict=True):
                    table[dim].append(value)
                table["n"].append(len(values))
                if table is cells:
                    for name, amount in percentiles(values).items():
                        cells[name].append(amount)
    by_title: dict[str, list[float]] = defaultdict(list)
    for row in survey.rows:
        by_title[row.title].append(row.usd)
    title_names = sorted(by_title)
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source_block(survey),
        "layout": {
            "about": (
                "Salary percentiles (USD, salary_in_usd) of the aijobs.net survey by role and "
                "filters, for `careercli salary`. Tables are stored as column arrays: entry i of "
                "every array of a table describes row i of that table."
            ),
            "groups": (
                "the row sets: a role's own survey titles (proxy false, id = role id), and for a "
                "role with proxy titles also its titles plus proxy titles (proxy true, id = "
                "role id + ':proxy'); salary_summary.json uses the proxy group for such a role"
            ),
            "cells": (
                "one row per group and combination of filter values with at least "
                f"min_n_percentiles survey rows: group (index into groups), {', '.join(DIMENSIONS)}, "
                "n, p10, p25, p50, p75, p90; a filter that is null covers all its values"
            ),
            "small_cells": (
                "the same combinations with 1 to min_n_percentiles - 1 rows: n only; a "
                "combination in neither table has no rows"
            ),
            "grouping_sets": (
                "the filter combinations that have rows in the tables (the filters that are not "
                "null); a query on another combination has no precomputed figures"
            ),
            "titles": (
                "every survey job_title with its n and median (p50), and the role whose titles "
                "include it (null when none): for suggesting related titles that have data"
            ),
            "values": {
                "level": "entry | mid | senior | executive (survey EN, MI, SE, EX)",
                "country": COUNTRY_NOTE,
                "year": "work_year",
                "remote": _text_map(REMOTE_RATIOS),
                "employment_type": _text_map(EMPLOYMENT_TYPES),
                "company_size": _text_map(COMPANY_SIZES),
            },
        },
        "min_n_percentiles": MIN_N_PERCENTILES,
        "grouping_sets": [list(g) for g in GROUPING_SETS],
        "groups": [{"id": g.id, "role": g.role, "proxy": g.proxy, "titles": list(g.titles)} for g in groups],
        "cells": {k: v for k, v in cells.items()},
        "small_cells": {k: v for k, v in small.items()},
        "titles": {
            "title": list(title_names),
            "role": [role_of_title.get(t) for t in title_names],
            "n": [len(by_title[t]) for t in title_names],
            "p50": [percentiles(by_title[t])["p50"] for t in title_names],
        },
    }


# ---------------------------------------------------------------------------------------
# Output: deterministic JSON, short containers on one line.


def render_json(value: Json, indent: int = 0, compact: bool = False) -> str:
    """JSON with sorted keys; a list or object holding only scalars goes on one line."""
    item_sep, key_sep = (",", ":") if compact else (", ", ": ")
    if isinstance(value, dict):
        if not value:
            return "{}"
        if all(not isinstance(v, dict | list) for v in value.values()):
            return json.dumps(value, sort_keys=True, separators=(item_sep, key_sep))
        pad = " " * (indent + 1)
        parts = [f"{pad}{json.dumps(k)}: {render_json(value[k], indent + 1, compact)}" for k in sorted(value)]
        return "{\n" + ",\n".join(parts) + "\n" + " " * indent + "}"
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return json.dumps(value, separators=(item_sep, key_sep))
        pad = " " * (indent + 1)
        parts = [f"{pad}{render_json(v, indent + 1, compact)}" for v in value]
        return "[\n" + ",\n".join(parts) + "\n" + " " * indent + "]"
    return json.dumps(value)


def derive(csv_path: Path, titles_path: Path) -> dict[str, str]:
    """File name -> file text for every derived file."""
    title_map = load_title_map(titles_path)
    survey = read_survey(csv_path)
    check_titles(title_map, survey, titles_path)
    return {
        SUMMARY_FILE: render_json(build_summary(survey, title_map)) + "\n",
        CELLS_FILE: render_json(build_cells(survey, title_map), compact=True) + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="survey CSV (default: %(default)s)")
    parser.add_argument(
        "--titles", type=Path, default=DEFAULT_TITLES, help="title map (default: %(default)s)"
    )
    parser.add_argument("--out-dir", type=Path, default=ROOT / "data", help="output folder (default: data/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file differs")
    args = parser.parse_args(argv)
    try:
        outputs = derive(args.csv, args.titles)
    except InputError as exc:
        print(f"derive_salaries: {exc}", file=sys.stderr)
        return 1
    out_dir: Path = args.out_dir
    stale = 0
    for name, text in outputs.items():
        path = out_dir / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            print(f"{path}: up to date ({len(text.encode()):,} bytes)")
            continue
        stale += 1
        if args.check:
            print(f"{path}: differs from what the survey gives", file=sys.stderr)
            continue
        out_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"{path}: written ({len(text.encode()):,} bytes)")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
