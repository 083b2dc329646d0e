"""The aijobs.net salary survey as data: its columns, its vocabulary, the title map, the CSV.

Shared by scripts/derive_salaries.py (which derives data/salary_summary.json and
data/salary_cells.json) and `careercli salary --data FILE` (which computes the same figures
from any CSV in the survey's columns), so the two read the survey and map its job titles to
catalog roles in exactly one way. Standard library only: the script imports it from src/.

- `load_title_map` reads data/salary_titles.yaml (which survey job titles count as which
  role) with PyYAML's safe loader, as every other YAML file of careercli.
- `read_survey` reads a survey CSV, validating every row. It accepts what older copies of
  the survey look like: blank lines before the header, an extra leading id/index column,
  and work_year written like "2021e". A problem is an InputError (a DataError, exit 1)
  naming the file, the line, the column and what was expected.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from careercli.common.errors import DataError

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
# The filters of `careercli salary`, as salary_cells.json names them (country is
# employee_residence).
DIMENSIONS = ("level", "country", "year", "remote", "employment_type", "company_size")
COLUMNS = (
    "work_year", "experience_level", "employment_type", "job_title", "salary", "salary_currency",
    "salary_in_usd", "employee_residence", "remote_ratio", "company_location", "company_size",
)  # fmt: skip


class InputError(DataError):
    """A problem with an input file that the user can fix; the message names file and place."""


# ---------------------------------------------------------------------------------------
# salary_titles.yaml, read with PyYAML's safe loader (careercli.common.yamlio).


class RoleTitles(NamedTuple):
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


def _text_list(value: Any, where: str) -> tuple[str, ...]:
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
    from careercli.common.yamlio import load_yaml

    try:
        data = load_yaml(path)
    except DataError as exc:
        raise InputError(exc.message) from None
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        raise InputError(f"{path}: schema_version must be {SCHEMA_VERSION}")
    unknown = set(data) - {"schema_version", "roles"}
    if unknown:
        raise InputError(f"{path}: unknown key {sorted(map(str, unknown))[0]}")
    roles = data.get("roles")
    if not isinstance(roles, dict):
        raise InputError(f"{path}: roles: expected a mapping of role id to titles")
    owner: dict[str, str] = {}
    result: dict[str, RoleTitles] = {}
    for role, entry in roles.items():
        titles = _role_titles(f"{path}: roles.{role}", str(role), entry)
        for title in titles.titles:
            if title in owner:
                raise InputError(
                    f"{path}: roles.{role}.titles: {title!r} is already a title of {owner[title]}"
                )
            owner[title] = titles.role
        result[titles.role] = titles
    missing = [r for r in CONTRACT_ROLES if r not in result]
    if missing:
        raise InputError(f"{path}: roles: contract role {missing[0]} is missing")
    return result


def _role_titles(where: str, role: str, entry: Any) -> RoleTitles:
    """One role's entry of the title map, validated."""
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", role):
        raise InputError(f"{where}: a role id is lowercase letters, digits and hyphens")
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected a mapping with titles")
    extra = set(entry) - {"titles", "proxy_titles", "note"}
    if extra:
        raise InputError(f"{where}: unknown key {sorted(map(str, extra))[0]}")
    if "titles" not in entry:
        raise InputError(f"{where}: titles is missing (write titles: [] when the survey has none)")
    titles = _text_list(entry.get("titles"), f"{where}.titles")
    proxy_titles = _text_list(entry.get("proxy_titles"), f"{where}.proxy_titles")
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise InputError(f"{where}.note: expected text")
    if not titles and not proxy_titles:
        raise InputError(f"{where}: no titles and no proxy_titles; list the closest titles as proxy_titles")
    if proxy_titles and not note:
        raise InputError(f"{where}: a role with proxy_titles needs a note saying why")
    return RoleTitles(role, titles, proxy_titles, note)


# ---------------------------------------------------------------------------------------
# The survey CSV.


class SurveyRow(NamedTuple):
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


class Survey(NamedTuple):
    """A survey CSV's rows. By default a row equal in every survey column to an earlier row
    is counted once: it is in `repeats`, not in `rows` (see DUPLICATE_POLICY)."""

    path: Path
    rows: tuple[SurveyRow, ...]  # the rows counted
    duplicate_rows: int  # rows equal in every column to an earlier row
    repeats: tuple[SurveyRow, ...] = ()  # those repeats, when they are left out of `rows`

    @property
    def rows_read(self) -> int:
        return len(self.rows) + len(self.repeats)


DUPLICATE_POLICY = (
    "dropped: a row equal in every survey column to an earlier row (same year, level, "
    "employment type, title, salary, currency, salary_in_usd, residence, remote ratio, "
    "company location and size) is left out. 53% of the survey's rows repeat an earlier "
    "one exactly, one of them 182 times; the survey's README says nothing of repeats and "
    "the survey has no respondent id, so a copy cannot be told from a second respondent. "
    "Counting each distinct answer once keeps a repeated row from setting a median; "
    "`careercli salary --keep-duplicates` counts every row."
)


YEAR = re.compile(r"((?:19|20)[0-9]{2})[eE]?")  # older copies write estimated years as "2021e"
_AMOUNT = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_COUNTRY = re.compile(r"[A-Z]{2}")
_REMOTE = {"0": 0, "50": 50, "100": 100}


def _field_error(path: Path, line: int, column: str, value: str, expected: str) -> InputError:
    return InputError(f"{path}: line {line}: {column}: {value!r} is not {expected}")


def _parse_row(path: Path, line: int, values: list[str]) -> SurveyRow:
    """One data row, its cells in COLUMNS order and stripped."""
    year_text, level, employment, title, _, _, usd_text, country, remote, location, size = values
    year = YEAR.fullmatch(year_text)
    if year is None:
        raise _field_error(path, line, "work_year", year_text, 'a year like 2024 (or "2024e")')
    if level not in LEVELS:
        raise _field_error(path, line, "experience_level", level, "one of " + ", ".join(LEVELS))
    if employment not in EMPLOYMENT_TYPES:
        raise _field_error(path, line, "employment_type", employment, "one of " + ", ".join(EMPLOYMENT_TYPES))
    if not title:
        raise _field_error(path, line, "job_title", title, "a job title")
    if _AMOUNT.fullmatch(usd_text) is None or float(usd_text) <= 0:
        raise _field_error(path, line, "salary_in_usd", usd_text, "a positive amount")
    if _COUNTRY.fullmatch(country) is None:
        raise _field_error(path, line, "employee_residence", country, "an ISO 3166-1 alpha-2 country code")
    if remote not in _REMOTE:
        raise _field_error(path, line, "remote_ratio", remote, "one of 0, 50, 100")
    if _COUNTRY.fullmatch(location) is None:
        raise _field_error(path, line, "company_location", location, "an ISO 3166-1 alpha-2 country code")
    if size not in COMPANY_SIZES:
        raise _field_error(path, line, "company_size", size, "one of " + ", ".join(COMPANY_SIZES))
    return SurveyRow(
        int(year.group(1)), LEVELS[level], employment, title, float(usd_text), country, _REMOTE[remote],
        location, size,
    )  # fmt: skip


def _read_text(path: Path) -> str:
    """The whole file as text, or an InputError: missing, a folder, binary, not UTF-8."""
    from careercli.common.textio import MAX_TABLE_BYTES, read_text

    return read_text(path, MAX_TABLE_BYTES, InputError)


def _blank(record: list[str]) -> bool:
    return not any(cell.strip() for cell in record)


def _header(path: Path, reader: Any) -> list[str]:
    """The header line (the first line that is not blank), holding every survey column."""
    header: list[str] = []
    for record in reader:
        if not _blank(record):
            header = [cell.strip() for cell in record]
            break
    if not header:
        raise InputError(f"{path}: no header line; expected the survey's columns {', '.join(COLUMNS)}")
    missing = [c for c in COLUMNS if c not in header]
    if len(missing) == len(COLUMNS):
        raise InputError(
            f"{path}: line {reader.line_num}: not a survey CSV: the header has none of the "
            f"survey's columns ({', '.join(COLUMNS)})"
        )
    if missing:
        raise InputError(
            f"{path}: line {reader.line_num}: the header has no column {', '.join(missing)} "
            f"(a survey CSV has {', '.join(COLUMNS)})"
        )
    return header


def read_survey(path: Path, keep_duplicates: bool = False) -> Survey:
    """Every data row of a survey CSV, validated; an invalid row is an error naming its line.
    An exact repeat of an earlier row goes to `repeats` unless `keep_duplicates`.

    Columns are found by name, so their order does not matter and extra columns are
    ignored. Blank lines are skipped, before the header too. A data row with one field more
    than the header carries a leading id/index column the header does not name.
    """
    import csv  # here, not at the top: the bundled figures never need it
    import io

    reader = csv.reader(io.StringIO(_read_text(path), newline=""))
    rows: list[SurveyRow] = []
    repeats: list[SurveyRow] = []
    seen: set[tuple[str, ...]] = set()
    repeats_kept = 0
    try:
        header = _header(path, reader)
        width = len(header)
        index = [header.index(c) for c in COLUMNS]
        shifted = [i + 1 for i in index]  # rows with an unnamed leading id column
        append, add = rows.append, seen.add
        for record in reader:
            if len(record) == width:
                at = index
            elif len(record) == width + 1:
                at = index if not record[-1].strip() else shifted  # a trailing comma, or an id
            else:
                if _blank(record):
                    continue
                raise InputError(
                    f"{path}: line {reader.line_num}: {len(record)} fields, the header has {width}"
                )
            if not record[at[0]] and _blank(record):
                continue
            values = [record[i].strip() for i in at]
            key = tuple(values)
            row = _parse_row(path, reader.line_num, values)
            if key not in seen:
                add(key)
                append(row)
            elif keep_duplicates:
                append(row)
                repeats_kept += 1
            else:
                repeats.append(row)
    except csv.Error as exc:
        raise InputError(f"{path}: line {reader.line_num}: not valid CSV: {exc}") from None
    if not rows:
        raise InputError(f"{path}: no data rows below the header")
    return Survey(path, tuple(rows), len(repeats) + repeats_kept, tuple(repeats))
