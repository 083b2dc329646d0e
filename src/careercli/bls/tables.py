"""Readers for the two BLS tables careercli derives its US figures from (standard library only).

- Employment Projections 2024-34, Table 1.2 (``ep_table_1_2_2024_34.csv``): employment in
  2024 and 2034 (BLS prints thousands; these readers give jobs), percent change, annual
  openings, typical entry education, by 2018 SOC code.
- Occupational Employment and Wage Statistics, May 2024, national
  (``oews_national_M2024.csv``): annual wage percentiles, mean and employment by SOC code.
  BLS marks a wage at or above its top-coding limit ``#`` and one it does not publish ``*``;
  both become ``None`` here and the figure's name is listed in ``top_coded``/``suppressed``.

A malformed file raises DataError naming the file, the line and the column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from careercli.common.errors import DataError

PROJECTIONS_SOURCE = "U.S. Bureau of Labor Statistics, Employment Projections 2024-34"
PROJECTIONS_TABLE = "Table 1.2 Occupational projections, 2024-34, and worker characteristics, 2024"
PROJECTIONS_DATE = "2025-08-28"  # release of the 2024-34 projections
PROJECTIONS_PERIOD = "2024-2034"
WAGES_SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics"
WAGES_TABLE = "May 2024 national estimates, all industries"
WAGES_DATE = "2025-04-02"  # release of the May 2024 OEWS estimates
WAGES_YEAR = 2024
# OEWS's top-coding limit for annual wages in May 2024: a '#' means "at or above" this
# (Table 1.2 prints such a median as ">=$239,200"; the hourly limit is $115.00).
TOP_CODE_ANNUAL = 239_200

# The Occupational Outlook Handbook's wording for a projected change. Table 1.2 gives only
# the percent; careercli applies these thresholds to the percent rounded to a whole number
# (all occupations: +3.1% for 2024-34). Highest first: (lowest whole percent, wording).
GROWTH_BANDS: tuple[tuple[int, str], ...] = (
    (8, "Much faster than average"),
    (5, "Faster than average"),
    (3, "As fast as average"),
    (1, "Slower than average"),
    (-1, "Little or no change"),
)
DECLINE = "Decline"

_PROJ_COLUMNS = {
    "title": "2024 National Employment Matrix title",
    "soc": "2024 National Employment Matrix code",
    "type": "Occupation type",
    "start": "Employment, 2024",
    "end": "Employment, 2034",
    "pct": "Employment change, percent, 2024-34",
    "openings": "Occupational openings, 2024-34 annual average",
    "education": "Typical education needed for entry",
}
_WAGE_FIGURES = {
    "p10": "A_PCT10",
    "p25": "A_PCT25",
    "p50": "A_MEDIAN",
    "p75": "A_PCT75",
    "p90": "A_PCT90",
    "mean": "A_MEAN",
}
TOP_CODED = "#"
SUPPRESSED = "*"
NOT_APPLICABLE = "—"  # Table 1.2's dash for a summary row's education


class Projection(NamedTuple):
    soc: str  # "15-2051"
    title: str  # BLS's occupation title, "Data scientists"
    employment_start: int  # jobs in 2024 (not thousands)
    employment_end: int  # projected jobs in 2034
    growth_pct: float  # 33.5
    openings_per_year: int  # annual average openings, jobs
    band: str  # OOH wording for the growth ("Much faster than average")
    entry_education: str  # "Bachelor's degree"; "" when BLS gives none
    line_item: bool  # a detailed occupation (False: a summary group)
    period: str  # "2024-2034"
    source: str
    table: str
    date: str  # release date, ISO


class Wages(NamedTuple):
    soc: str
    title: str
    p10: int | None
    p25: int | None
    p50: int | None
    p75: int | None
    p90: int | None
    mean: int | None
    employment: int | None
    group: str  # OEWS O_GROUP: detailed, broad, minor, major, total
    year: int  # 2024 (May)
    top_coded: tuple[str, ...]  # figures BLS marks '#' (at or above its top-coding limit)
    suppressed: tuple[str, ...]  # figures BLS marks '*' (not available)
    source: str
    table: str
    date: str


def growth_band(pct: float) -> str:
    """The OOH wording for a projected percent change (see GROWTH_BANDS)."""
    whole = int(pct + 0.5) if pct >= 0 else -int(-pct + 0.5)
    for lowest, wording in GROWTH_BANDS:
        if whole >= lowest:
            return wording
    return DECLINE


def _rows(path: Path, needed: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; DataError when the file or a column is missing."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [h.replace("\u2013", "-") for h in reader.fieldnames or []]
            reader.fieldnames = header
            missing = [c for c in needed if c not in header]
            if missing:
                raise DataError(f"{path}: line 1: missing column {missing[0]!r}")
            for row in reader:
                yield reader.line_num, row
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (csv.Error, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not a readable CSV file ({exc})") from exc


def _number(path: Path, line: int, column: str, text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise DataError(f"{path}: line {line}: column {column!r}: expected a number, got {text!r}") from None


def _soc(path: Path, line: int, column: str, text: str) -> str:
    code = text.strip()
    if len(code) != 7 or code[2] != "-" or not (code[:2] + code[3:]).isdigit():
        raise DataError(
            f"{path}: line {line}: column {column!r}: expected a SOC code like '15-2051', got {text!r}"
        )
    return code


def read_projections(path: Path) -> dict[str, Projection]:
    """Table 1.2 by 7-character SOC code ("15-2051"); employment in jobs."""
    c = _PROJ_COLUMNS
    out: dict[str, Projection] = {}
    for line, row in _rows(path, list(c.values())):
        soc = _soc(path, line, c["soc"], row[c["soc"]] or "")
        start, end, pct, openings = (
            _number(path, line, c[k], row[c[k]] or "") for k in ("start", "end", "pct", "openings")
        )
        education = (row[c["education"]] or "").strip()
        out[soc] = Projection(
            soc=soc,
            title=(row[c["title"]] or "").strip(),
            employment_start=round(start * 1000),
            employment_end=round(end * 1000),
            growth_pct=pct,
            openings_per_year=round(openings * 1000),
            band=growth_band(pct),
            entry_education="" if education == NOT_APPLICABLE else education,
            line_item=(row[c["type"]] or "").strip() == "Line item",
            period=PROJECTIONS_PERIOD,
            source=PROJECTIONS_SOURCE,
            table=PROJECTIONS_TABLE,
            date=PROJECTIONS_DATE,
        )
    return out


def _wage_row(path: Path, line: int, row: dict[str, str]) -> Wages:
    soc = _soc(path, line, "OCC_CODE", row["OCC_CODE"] or "")
    figures: dict[str, int | None] = {}
    top: list[str] = []
    hidden: list[str] = []
    for name, column in _WAGE_FIGURES.items():
        text = (row[column] or "").strip()
        if text == TOP_CODED:
            top.append(name)
            figures[name] = None
        elif text in (SUPPRESSED, ""):
            hidden.append(name)
            figures[name] = None
        else:
            figures[name] = round(_number(path, line, column, text))
    emp_text = (row["TOT_EMP"] or "").strip()
    employment = None if emp_text in (SUPPRESSED, "", "**") else emp_text
    if employment is None:
        hidden.append("employment")
    return Wages(
        soc=soc,
        title=(row["OCC_TITLE"] or "").strip(),
        employment=None if employment is None else round(_number(path, line, "TOT_EMP", employment)),
        group=(row["O_GROUP"] or "").strip(),
        year=WAGES_YEAR,
        top_coded=tuple(top),
        suppressed=tuple(hidden),
        source=WAGES_SOURCE,
        table=WAGES_TABLE,
        date=WAGES_DATE,
        p10=figures["p10"],
        p25=figures["p25"],
        p50=figures["p50"],
        p75=figures["p75"],
        p90=figures["p90"],
        mean=figures["mean"],
    )


def read_wages(path: Path) -> dict[str, Wages]:
    """OEWS national wages by 7-character SOC code; where a broad group and a detailed
    occupation share a code (13-1020), the detailed row is kept (the figures are the same)."""
    needed = ["OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", *_WAGE_FIGURES.values()]
    out: dict[str, Wages] = {}
    for line, row in _rows(path, needed):
        wages = _wage_row(path, line, row)
        if wages.soc in out and wages.group != "detailed":
            continue
        out[wages.soc] = wages
    return out
