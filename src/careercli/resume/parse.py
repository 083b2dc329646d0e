"""What the lines of a résumé say: sections, the highest degree, job date ranges, the latest title.

Pure functions over lines of text (no files, no printing). Each finding keeps the number of
the line it came from (1-based) and that line, so a person can check it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from careercli.common import vocab

# --- sections -----------------------------------------------------------------------------

SECTION_NAMES: dict[str, str] = {
    "experience": "experience",
    "work experience": "experience",
    "professional experience": "experience",
    "relevant experience": "experience",
    "employment": "experience",
    "employment history": "experience",
    "work history": "experience",
    "career history": "experience",
    "career": "experience",
    "experience highlights": "experience",
    "education": "education",
    "education and training": "education",
    "academic background": "education",
    "qualifications": "education",
    "academic qualifications": "education",
    "degrees": "education",
    "skills": "skills",
    "technical skills": "skills",
    "core skills": "skills",
    "key skills": "skills",
    "core competencies": "skills",
    "competencies": "skills",
    "tools": "skills",
    "skills and tools": "skills",
    "certifications": "other",
    "certificates": "other",
    "projects": "projects",
    "selected projects": "projects",
    "publications": "other",
    "awards": "other",
    "languages": "other",
    "interests": "other",
    "hobbies": "other",
    "volunteering": "other",
    "volunteer experience": "other",
    "references": "other",
    "summary": "summary",
    "profile": "summary",
    "about me": "summary",
    "professional summary": "summary",
}
_HEADING_STRIP = re.compile(r"^[#*_\s=-]+|[#*_:\s=-]+$")


def heading(line: str) -> str | None:
    """The section a heading line opens ("## Work Experience", "EDUCATION:"), or None."""
    if len(line) > 40:
        return None
    key = " ".join(_HEADING_STRIP.sub("", line).lower().replace("&", "and").split())
    return SECTION_NAMES.get(key)


def sections(lines: Sequence[str]) -> list[str]:
    """The section each line belongs to ("" before the first heading); a heading line itself
    belongs to the section it opens."""
    current = ""
    out: list[str] = []
    for line in lines:
        current = heading(line) or current
        out.append(current)
    return out


# --- degrees ------------------------------------------------------------------------------


class Degree(NamedTuple):
    degree: str  # a value of vocab.DEGREES
    field: str | None
    mba: bool
    line: int  # 1-based
    text: str  # the matched spelling


_D = r"\.?\s?"  # "M.Sc.", "M. Sc", "MSc"
# (pattern, degree, needs context, any case). Context: an education section, or "in"/"of"
# after it; a short abbreviation also must not follow a comma ("Cambridge, MA" is a state).
DEGREE_PATTERNS: tuple[tuple[str, str, bool, bool], ...] = (
    (r"Ph" + _D + r"D\.?|D" + _D + r"Phil\.?|Doctor of Philosophy|Doctorate|Doctoral degree"
     r"|Dr\. rer\. nat\.", "phd", False, True),
    (r"MBA|M\.B\.A\.|Master of Business Administration", "master", False, True),
    (r"M" + _D + r"Sc\.?|M" + _D + r"Eng\.?|M" + _D + r"Tech\.?|M" + _D + r"Phil\.?|M" + _D + r"Res\.?"
     r"|MPH|M\.P\.H\.|MFA|LL\.?M\.?", "master", False, False),
    (r"Master(?:'s|’s|s)?(?: degree)?|M\.S\.|M\.A\.|MS|MA", "master", True, False),
    (r"B" + _D + r"Sc\.?|B" + _D + r"Eng\.?|B" + _D + r"Tech\.?|BBA|B\.B\.A\.|B\.?Com\.?|LL\.?B\.?",
     "bachelor", False, False),
    (r"Bachelor(?:'s|’s|s)?(?: degree)?|B\.S\.|B\.A\.|B\.E\.|BS|BA|BE", "bachelor", True, False),
    (r"Associate(?:'s|’s)? degree|Associate of (?:Arts|Science|Applied Science)|A\.A\.S\.",
     "associate", False, True),
    (r"High School Diploma|High School|GED|A-levels?|Abitur|Baccalauréat", "high-school", True, True),
)  # fmt: skip
_DEGREE_RE = [
    (re.compile(rf"(?<![\w.])(?:{pattern})(?!\w)", re.IGNORECASE if anycase else 0), degree, context)
    for pattern, degree, context, anycase in DEGREE_PATTERNS
]
_MBA = re.compile(r"MBA|M\.B\.A\.|Master of Business Administration", re.IGNORECASE)
_CONTEXT = re.compile(r"\s*(?:degree\s+)?(?:in|of)\s", re.IGNORECASE)
_NOT_A_DEGREE = re.compile(
    r"^\s*(?:Excel|Office|Word|Teams|Access|Project|SQL|Azure|Windows|Visio|PowerPoint)\b"
)
_FIELD_LEAD = re.compile(
    r"^\s*(?:\(hons?\.?\)|\(honours\)|\(honors\)|hons\.?|honours|honors|of science|of arts|of engineering"
    r"|of technology|of philosophy|of|in|degree|,|:|-|–|—|\s)+",
    re.IGNORECASE,
)
_FIELD_END = re.compile(
    r"\s*(?:,|\||\(|;|\s[-–—]\s|[-–—]\s|\sat\s|\sfrom\s|\d|University|College|Institute|School|Universit|École|Ecole)",
)


def find_degrees(lines: Sequence[str], section_of: Sequence[str]) -> list[Degree]:
    """Every degree named, in line order."""
    found: list[Degree] = []
    for n, line in enumerate(lines):
        in_education = section_of[n] == "education"
        for pattern, degree, needs_context in _DEGREE_RE:
            for match in pattern.finditer(line):
                after = line[match.end() :]
                if _NOT_A_DEGREE.match(after) or line[: match.start()].rstrip().lower().endswith("scrum"):
                    continue
                short = len(match[0].replace(".", "")) <= 2
                if needs_context and not (
                    _CONTEXT.match(after) or (in_education and not _after_comma(line, match.start(), short))
                ):
                    continue
                mba = degree == "master" and _MBA.fullmatch(match[0]) is not None
                field = "business administration" if mba else _field(after)
                found.append(Degree(degree, field, mba, n + 1, match[0]))
    return found


def _after_comma(line: str, start: int, short: bool) -> bool:
    return short and line[:start].rstrip().endswith(",")


def _field(after: str) -> str | None:
    rest = _FIELD_LEAD.sub("", after, count=1)
    end = _FIELD_END.search(rest)
    field = (rest[: end.start()] if end else rest).strip(" .-–—")
    if not field or len(field) > 60 or len(field.split()) > 6 or not re.search(r"[A-Za-z]{3}", field):
        return None
    return field


def highest_degree(degrees: Sequence[Degree]) -> Degree | None:
    """The highest degree; among equals, the first with a field. An MBA beside another
    master's keeps the other's field and says mba."""
    if not degrees:
        return None
    top = max(vocab.degree_rank(d.degree) for d in degrees)
    best = [d for d in degrees if vocab.degree_rank(d.degree) == top]
    mba = any(d.mba for d in degrees)
    pick = next((d for d in best if d.field and not d.mba), None) or next(
        (d for d in best if d.field), best[0]
    )
    return pick._replace(mba=mba)


# --- dates --------------------------------------------------------------------------------

MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DATE = (
    rf"(?:{_MONTH}\s*,?\s*{_YEAR}|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"
    rf"|{_YEAR}\s*[/.-]\s*(?:0[1-9]|1[0-2])(?!\d)|{_YEAR})"
)
_NOW = r"(?:present|current|currently|now|today|ongoing|to date|date)"
_RANGE = re.compile(
    rf"(?<![\w/.])(?P<start>{_DATE})\s*(?:--?|–|—|−|to|until|till|through|thru)\s*(?P<end>{_DATE}|{_NOW})(?![\w/])",
    re.IGNORECASE,
)
_SINCE = re.compile(
    rf"\bsince\s+(?P<start>{_DATE})(?![\w/])(?!\s*(?:-|–|—|−|to\b|until\b|till\b))", re.IGNORECASE
)
UNKNOWN_MONTH = 6  # "2016 - 2019": mid-year to mid-year, 3 years


class DateRange(NamedTuple):
    start: int  # months since year 0
    end: int
    ongoing: bool
    line: int  # 1-based
    text: str


def _month_index(text: str, today: dt.date) -> int | None:
    text = text.strip().lower()
    if re.fullmatch(_NOW, text):
        return today.year * 12 + today.month - 1
    year_m = re.search(_YEAR, text)
    if year_m is None:
        return None
    year = int(year_m[0])
    word = re.match(r"[a-z]+", text)
    if word and word[0] in MONTHS:
        month = MONTHS[word[0]]
    else:
        numbers = [int(x) for x in re.findall(r"\d+", text) if len(x) <= 2]
        month = numbers[0] if numbers else UNKNOWN_MONTH
    return year * 12 + month - 1


def find_ranges(lines: Sequence[str], today: dt.date) -> list[DateRange]:
    """Every date range ("2016 - present", "Jan 2019 - Mar 2021", "03/2018-06/2020")."""
    now = today.year * 12 + today.month - 1
    out: list[DateRange] = []
    for n, line in enumerate(lines):
        for match in _RANGE.finditer(line):
            start = _month_index(match["start"], today)
            end = _month_index(match["end"], today)
            if start is None or end is None or end < start or start > now:
                continue
            ongoing = bool(re.fullmatch(_NOW, match["end"].strip(), re.IGNORECASE))
            out.append(DateRange(start, min(end, now), ongoing, n + 1, match[0]))
        for match in _SINCE.finditer(line):  # "Team lead since March 2022": a job still held
            start = _month_index(match["start"], today)
            if start is not None and start <= now:
                out.append(DateRange(start, now, True, n + 1, match[0]))
    return out


def covered_months(ranges: Sequence[DateRange]) -> int:
    """Months covered by the ranges, overlaps counted once."""
    total = 0
    reach = -1
    for r in sorted(ranges):
        start = max(r.start, reach)
        if r.end > start:
            total += r.end - start
        reach = max(reach, r.end)
    return total


def job_ranges(
    ranges: Sequence[DateRange], lines: Sequence[str], section_of: Sequence[str], degree_lines: set[int]
) -> list[DateRange]:
    """The ranges that date jobs: not in an education section, not on or right beside a
    degree's line; with an experience section, only the ranges inside it."""
    has_experience = "experience" in section_of
    jobs = []
    for r in ranges:
        where = section_of[r.line - 1]
        if where in ("education", "other", "projects") or r.line in degree_lines:
            continue
        if has_experience and where != "experience":
            continue
        jobs.append(r)
    return jobs


# --- title and level ---------------------------------------------------------------------

TITLE_WORDS = re.compile(
    r"\b(?:engineer|scientist|analyst|developer|programmer|architect|manager|director|head|lead|"
    r"consultant|specialist|researcher|statistician|administrator|officer|designer|intern|"
    r"associate|assistant|coordinator|technician|nurse|teacher|lecturer|professor|accountant|"
    r"chef|owner|founder|co-founder|president|vp|cto|ceo|cfo|cdo|partner|advisor|adviser|"
    r"representative|executive|supervisor|fellow|editor|writer|clerk|agent|attorney|lawyer|"
    r"pharmacist|physician|therapist|mechanic|electrician|operator|strategist|planner|"
    r"product owner|scrum master|trainee|apprentice|tutor|instructor|buyer|recruiter)s?\b",
    re.IGNORECASE,
)
LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(?:chief|c[tdefio]o|vp|vice president|head of|director|president|founder|co-founder|partner)\b",
     "executive"),
    (r"\b(?:senior|sr\.?|lead|staff|principal|manager|head)\b", "senior"),  # "Head Nurse": senior
    (r"\b(?:intern|internship|junior|jr\.?|graduate|trainee|apprentice|entry[- ]level|assistant)\b", "entry"),
    (r"\b(?:mid[- ]level|intermediate|ii|iii)\b", "mid"),
)  # fmt: skip


class Title(NamedTuple):
    title: str
    line: int  # 1-based


def _title_in(text: str) -> str | None:
    """A job title within a line's text, with company and dates cut away."""
    parts = re.split(r"\s*(?:\||·|•|—|–|\s-\s|,|\bat\b|@|\()\s*", text)
    for piece in parts:
        part = piece.strip(" .:;)*#")
        if part and TITLE_WORDS.search(part) and len(part.split()) <= 8 and not re.search(r"\d{4}", part):
            return part
    return None


def latest_title(lines: Sequence[str], jobs: Sequence[DateRange]) -> Title | None:
    """The title of the job with the latest end (an ongoing one first; then the latest start):
    on its date line, else on one of the two lines above it, else on the line below."""
    if not jobs:
        return None
    latest = max(jobs, key=lambda r: (r.ongoing, r.end, r.start))
    n = latest.line - 1
    for k in (n, n - 1, n - 2, n + 1):
        if 0 <= k < len(lines) and heading(lines[k]) is None:
            text = lines[k].replace(latest.text, " ") if k == n else lines[k]
            title = _title_in(text)
            if title:
                return Title(title, k + 1)
    return None


def level_of_title(title: str) -> str | None:
    """The level a title says ("Senior Data Scientist" senior, "Head of Data" executive), or None."""
    for pattern, level in LEVEL_WORDS:
        if re.search(pattern, title, re.IGNORECASE):
            return level
    return None
