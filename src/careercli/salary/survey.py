"""The aijobs.net salary survey as data: its columns, its vocabulary, the title map, the CSV.

Shared by scripts/derive_salaries.py (which derives data/salary_summary.json and
data/salary_cells.json) and `careercli salary --data FILE` (which computes the same figures
from any CSV in the survey's columns), so the two read the survey and map its job titles to
catalog roles in exactly one way. Standard library only: the script imports it from src/.

- `load_title_map` reads data/salary_titles.yaml (which survey job titles count as which
  role) with a strict parser for the plain YAML subset that file uses.
- `read_survey` reads a survey CSV, validating every row. It accepts what older copies of
  the survey look like: blank lines before the header, an extra leading id/index column,
  and work_year written like "2021e". A problem is an InputError (a DataError, exit 1)
  naming the file, the line, the column and what was expected.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import NamedTuple, TypeAlias

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

# Figures from fewer rows than this carry n only, no percentiles, both in salary_cells.json
# and in `careercli salary`: percentiles of a handful of rows say little, and a cell of one
# row would be that row.
MIN_N_PERCENTILES = 5


class InputError(DataError):
    """A problem with an input file that the user can fix; the message names file and place."""


# ---------------------------------------------------------------------------------------
# salary_titles.yaml: a strict reader for the plain YAML subset the file uses.

YamlValue: TypeAlias = "str | int | list[YamlValue] | dict[str, YamlValue]"

_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*):(?:\s+(.*))?$")
_INT = re.compile(r"[-+]?[0-9]+")
_RESERVED_PLAIN = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}
_PLAIN_START_FORBIDDEN = set("-?:,[]{}#&*!|>'\"%@`")


class _Line(NamedTuple):
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
    path: Path
    rows: tuple[SurveyRow, ...]
    duplicate_rows: int  # rows equal in every column to an earlier row


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


def read_survey(path: Path) -> Survey:
    """Every data row of a survey CSV, validated; an invalid row is an error naming its line.

    Columns are found by name, so their order does not matter and extra columns are
    ignored. Blank lines are skipped, before the header too. A data row with one field more
    than the header carries a leading id/index column the header does not name.
    """
    import csv  # here, not at the top: the bundled figures never need it
    import io

    reader = csv.reader(io.StringIO(_read_text(path), newline=""))
    rows: list[SurveyRow] = []
    seen: set[tuple[str, ...]] = set()
    duplicates = 0
    try:
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
            if key in seen:
                duplicates += 1
            else:
                add(key)
            append(_parse_row(path, reader.line_num, values))
    except csv.Error as exc:
        raise InputError(f"{path}: line {reader.line_num}: not valid CSV: {exc}") from None
    if not rows:
        raise InputError(f"{path}: no data rows below the header")
    return Survey(path, tuple(rows), duplicates)
