"""Reading job files: CSV, TSV, JSON (a list, or an object holding one), JSON Lines, and the
Remotive, Arbeitnow and Remote OK API responses; recognising their columns by common names.

`read_file` returns a `ParsedFile`: every record of the file accounted for as a job or a
rejection (with its 1-based record number: the first job after a CSV header is row 1).
A file that cannot be read at all (binary, truncated JSON, empty, no title column) raises
DataError naming the file; nothing here touches the store.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from careercli.common.errors import DataError, UsageProblem, did_you_mean
from careercli.common.textio import loads_json
from careercli.jobs.record import ImportedJob, Rejected, RowMaker

# Canonical field -> the column names that mean it (compared without case, spaces, _ and -).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title", "Job Title", "position", "job_name", "role_title"),
    "company": ("company", "company_name", "Company Name", "employer", "organization"),
    "location": ("location", "job_location", "candidate_required_location", "city"),
    "salary": ("salary", "Salary Estimate", "salary_range", "pay", "compensation"),
    "description": ("description", "Job Description", "job_description", "summary"),
    "qualifications": ("qualifications", "requirements", "job_requirements", "job_qualifications"),
    "level": ("level", "job_level", "experience_level", "seniority", "seniority_level"),
    "type": ("type", "job_type", "job_types", "schedule_type", "employment_type"),
    "posted": ("posted", "publication_date", "created_at", "first_seen", "date_posted", "posted_at", "date"),
    "url": ("url", "link", "job_link", "job_url", "apply_link"),
    "tags": ("tags", "skills", "job_skills", "description_tokens", "keywords"),
    "remote": ("remote", "work_from_home", "is_remote"),
    "id": ("id", "job_id", "slug"),
}
FIELDS: tuple[str, ...] = tuple(FIELD_NAMES)
LIST_KEYS = ("jobs", "data", "results")
READ_LIMIT = 1 << 30  # bytes; a job file larger than 1 GiB is not one we should load whole


class FileRows(NamedTuple):
    """The records of one file, before they become jobs."""

    columns: list[str]
    records: list[tuple[int, Any]]  # (row number, a dict, or a reason it is not one)
    feed: str | None  # "remotive" / "arbeitnow" / "remoteok" when the file is that API's response


class ParsedFile(NamedTuple):
    path: str  # the file, or the URL of a feed
    feed: str | None
    rows: int
    jobs: list[tuple[int, ImportedJob]]
    rejected: list[tuple[int, str, Any]]  # row, reason, the record as read
    dropped: dict[str, int]  # "field: why" -> how many values were read but left empty


def key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.casefold())


def parse_maps(options: Sequence[str]) -> dict[str, str]:
    """--map field=column, checked: an unknown field is a usage problem naming the valid ones."""
    out: dict[str, str] = {}
    for option in options:
        field, sep, column = option.partition("=")
        field = field.strip().lower()
        if not sep or not column.strip():
            raise UsageProblem(f"--map: '{option}' is not field=column, e.g. --map title='Job Name'")
        if field not in FIELD_NAMES:
            raise UsageProblem(
                f"--map: unknown field '{field}'; expected one of {', '.join(FIELDS)}"
                f"{did_you_mean(field, FIELDS)}"
            )
        out[field] = column.strip()
    return out


def recognise(columns: Sequence[str], maps: Mapping[str, str]) -> dict[str, str]:
    """Canonical field -> the file's column: --map first, then the common names."""
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(key(column), column)
    found: dict[str, str] = {}
    for field, names in FIELD_NAMES.items():
        if field in maps:
            continue
        for name in names:
            if key(name) in by_key:
                found[field] = by_key[key(name)]
                break
    for field, column in maps.items():
        found[field] = by_key.get(key(column), column)
    return found


class Dialect(NamedTuple):
    """How to read a delimited file when detection is wrong: --delimiter and --encoding."""

    delimiter: str | None = None  # None: detected (csv.Sniffer with checks)
    encoding: str = "utf-8-sig"


def read_file(
    path: Path,
    maker: RowMaker,
    maps: Mapping[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
    dialect: Dialect | None = None,
) -> ParsedFile:
    dialect = dialect or Dialect()
    text = _read_text(path, dialect.encoding)
    return parse_rows(path, _records(path, text, dialect.delimiter), maker, maps, progress)


def parse_delimiter(text: str) -> str:
    """--delimiter: one character, or tab / \\t / semicolon / pipe / comma by name."""
    named = {"tab": "\t", "\\t": "\t", "semicolon": ";", "pipe": "|", "comma": ",", "space": " "}
    value = named.get(text.strip().lower(), text)
    if len(value) != 1 or value in '"\r\n' or value.isalnum():
        raise UsageProblem(f"--delimiter: '{text}' is not one character; expected e.g. ';', '|', tab or ','")
    return value


def parse_encoding(text: str) -> str:
    """--encoding: a codec Python knows (utf-8, latin-1, cp1252, utf-16 ...)."""
    import codecs

    try:
        name = codecs.lookup(text.strip()).name
    except LookupError:
        raise UsageProblem(
            f"--encoding: unknown encoding '{text}'; expected e.g. utf-8, latin-1, cp1252, utf-16"
        ) from None
    return "utf-8-sig" if name == "utf-8" else name


def read_response(origin: str, data: Any, maker: RowMaker) -> ParsedFile:
    """A feed's decoded JSON response, read like a file of that shape."""
    return parse_rows(origin, _json_rows(origin, data), maker)


def parse_rows(
    path: str | Path,
    rows: FileRows,
    maker: RowMaker,
    maps: Mapping[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ParsedFile:
    maps = maps or {}
    columns = recognise(rows.columns, maps)
    missing = [f for f, c in maps.items() if c not in rows.columns and rows.columns]
    if missing:
        raise DataError(
            f"{path}: --map {missing[0]}={maps[missing[0]]}: no such column; "
            f"columns are {', '.join(repr(c) for c in rows.columns[:30])}"
        )
    if "title" not in columns and rows.records:
        raise DataError(
            f"{path}: no title column among {', '.join(repr(c) for c in rows.columns[:30])}; "
            "name one with --map title=COLUMN"
        )
    maker.remote_default = rows.feed in {"remotive", "remoteok"}  # every job of these feeds is remote
    jobs: list[tuple[int, ImportedJob]] = []
    rejected: list[tuple[int, str, Any]] = []
    before = dict(maker.dropped)
    maker.seen.clear()  # repeats are read once within a file
    with _extraction(maker, len(rows.records)):
        for i, (row, record) in enumerate(rows.records):
            if progress is not None and i % 1000 == 0:
                progress(i)
            if not isinstance(record, dict):
                reason = str(record) if isinstance(record, _Reason) else "not an object"
                rejected.append((row, reason, record))
                continue
            try:
                jobs.append((row, maker.make({f: record.get(c) for f, c in columns.items()})))
            except Rejected as exc:
                rejected.append((row, str(exc), record))
    dropped = {k: n - before.get(k, 0) for k, n in sorted(maker.dropped.items()) if n > before.get(k, 0)}
    return ParsedFile(str(path), rows.feed, len(rows.records), jobs, rejected, dropped)


@contextlib.contextmanager
def _extraction(maker: RowMaker, rows: int) -> Iterator[None]:
    """For a big file, the postings' asks read by a worker process (careercli.jobs.extraction)
    while the rows are cleaned here and then stored; stopped if reading fails or is cancelled."""
    from careercli.jobs.extraction import MIN_ROWS, Extraction, worker_available

    if not maker.extract or maker.worker is not None or rows < MIN_ROWS or not worker_available():
        yield
        return
    from careercli.extract.skills import finder_for

    worker = maker.worker = Extraction(finder_for(maker.catalog))
    try:
        yield
    except BaseException:
        worker.abort()
        raise
    else:
        worker.finish()
    finally:
        maker.worker = None
        maker.seen.clear()


class _Reason(str):
    """A record that could not be read as an object: the reason, kept in its place."""


def _read_text(path: Path, encoding: str = "utf-8-sig") -> str:
    from careercli.common.textio import MAX_TABLE_BYTES, decode, read_bytes

    data = read_bytes(path, MAX_TABLE_BYTES)
    if not data.strip():
        raise DataError(f"{path}: the file is empty")
    text = decode(path, data, encoding=encoding)
    if not text.strip():  # a byte-order mark and nothing else
        raise DataError(f"{path}: the file is empty")
    return text


def _records(path: Path, text: str, delimiter: str | None = None) -> FileRows:
    suffix = path.suffix.lower()
    if delimiter is not None:
        return _delimited(path, text, delimiter)
    head = text.lstrip()[:1]
    if suffix in {".jsonl", ".ndjson"}:
        return _json_lines(path, text)
    if suffix == ".json" or (suffix not in {".csv", ".tsv", ".tab", ".txt"} and head in "[{"):
        try:
            data = loads_json(text, path)
        except DataError:
            if suffix != ".json" and head == "{" and "\n{" in text.strip():
                return _json_lines(path, text)
            raise
        return _json_rows(path, data)
    return _delimited(path, text, "\t" if suffix in {".tsv", ".tab"} else sniff(text))


DELIMITERS = ",;\t|"
SNIFF_CHARS = 64 << 10


def sniff(text: str) -> str:
    """The delimiter of a CSV text: csv.Sniffer on the first lines, kept only when the
    header holds it and the first rows split into as many cells as the header (so that a
    comma inside a semicolon file's text does not win); else the header line's most
    frequent candidate; else a comma."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    header = sample.split("\n", 1)[0]
    try:
        found: str | None = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = None
    if found is not None and found in header and _consistent(sample, found):
        return found
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _consistent(sample: str, delimiter: str) -> bool:
    rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))[:20]
    width = len(rows[0]) if rows else 0
    return width > 1 and all(len(r) in (width, width + 1) for r in rows[1:-1] if any(c.strip() for c in r))


def _delimited(path: Path, text: str, delimiter: str) -> FileRows:
    csv.field_size_limit(1 << 27)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        records: list[tuple[int, Any]] = []
        width = len(header)
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue  # a blank line is not a row
            n = len(records) + 1
            if len(row) > width:
                records.append((n, _Reason(f"{len(row)} cells; the header has {width}")))
            else:
                records.append((n, dict(zip(header, row, strict=False))))
    except csv.Error as exc:
        raise DataError(f"{path}: line {reader.line_num}: not readable as CSV ({exc})") from None
    if not [c for c in header if c.strip()]:
        raise DataError(f"{path}: the first line has no column names")
    return FileRows(header, records, None)


def _json_lines(path: Path, text: str) -> FileRows:
    records: list[tuple[int, Any]] = []
    columns: dict[str, None] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        n = len(records) + 1
        try:
            item = loads_json(line, "")
        except DataError as exc:
            records.append((n, _Reason(exc.message.removeprefix(": "))))
            continue
        if isinstance(item, dict):
            columns.update(dict.fromkeys(map(str, item)))
        records.append((n, item))
    if not columns:
        raise DataError(f"{path}: no JSON objects found; expected one job object per line")
    return FileRows(list(columns), records, None)


def _json_rows(path: str | Path, data: Any) -> FileRows:
    items = _find_list(data)
    if items is None:
        raise DataError(
            f"{path}: no list of jobs found; expected a JSON array or an object with a "
            f"{', '.join(repr(k) for k in LIST_KEYS)} list"
        )
    if _is_remoteok(items):
        items = [_remoteok_job(x) for x in items[1:]]
        return FileRows(
            list(dict.fromkeys(k for x in items[:1000] if isinstance(x, dict) for k in x)),
            [(i + 1, x) for i, x in enumerate(items)],
            "remoteok",
        )
    columns: dict[str, None] = {}
    for item in items[:1000]:
        if isinstance(item, dict):
            columns.update(dict.fromkeys(map(str, item)))
    return FileRows(list(columns), [(i + 1, x) for i, x in enumerate(items)], _feed(data, items))


def _find_list(data: Any) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    for name in LIST_KEYS:
        if isinstance(data.get(name), list):
            found: list[Any] = data[name]
            return found
    lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
    return lists[0] if len(lists) == 1 else None


def _is_remoteok(items: list[Any]) -> bool:
    """Remote OK's API answers a list whose first element is its legal notice, not a job."""
    first = items[0] if items else None
    return isinstance(first, dict) and "legal" in first and "position" not in first


def _remoteok_job(item: Any) -> Any:
    """A Remote OK job with its salary_min/salary_max (USD a year, 0: not given) as a salary."""
    if not isinstance(item, dict):
        return item
    out = dict(item)
    low, high = (_whole(item.get(k)) for k in ("salary_min", "salary_max"))
    if low or high:
        out["salary"] = "-".join(f"${x:,}" for x in (low, high) if x) + " a year"
    out.setdefault("url", item.get("apply_url"))
    return out


def _whole(value: Any) -> int:
    try:
        return max(0, int(float(str(value))))
    except (TypeError, ValueError):
        return 0


def _feed(data: Any, items: list[Any]) -> str | None:
    """'remotive' or 'arbeitnow' when the file is that API's response, by its keys."""
    first = next((x for x in items if isinstance(x, dict)), {})
    if isinstance(data, dict) and "jobs" in data and "candidate_required_location" in first:
        return "remotive"
    if isinstance(data, dict) and "data" in data and "slug" in first and "job_types" in first:
        return "arbeitnow"
    return None


def iter_rejects(parsed: Sequence[ParsedFile]) -> Iterator[dict[str, Any]]:
    for f in parsed:
        for row, reason, record in f.rejected:
            yield {"file": str(f.path), "row": row, "reason": reason, "record": record}
