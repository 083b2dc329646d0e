"""`careercli data import-onet DIR`: O*NET text tables -> an O*NET pack in user state.

Reads the tab-separated tables the O*NET Resource Center publishes (release 29.x, "Text"
download: UTF-8, one header row, tab-delimited, no quoting) with the csv module, finding
every column by its header name. All eight tables below are required: a partial download
is far more often a mistake than intent, and a missing file or column is one DataError
naming the file and the column (a bad value names the line too).

What each occupation gets, and from where (docs/data-packs.md says the same for users):

- title, description: Occupation Data; aliases: Alternate Titles (alternate and short
  titles). A name that several occupations share is nobody's alias: it resolves to the
  occupation whose primary title it is, else to none (careercli says which share it).
- interests: Interests, scale OI (1-7), the six RIASEC elements 1.B.1.a-f. All six or none.
- job zone: Job Zones, with its name and texts from Job Zone Reference.
- education: Education, Training, and Experience (ETE), element 2.D.1 Required Level of
  Education, scale RL: the percent of respondents per category. A share O*NET marks
  "Recommend Suppress" (its estimate is too imprecise to show; about 2% of the RL and RW
  rows of 29.2) is left out, here and for experience. Categories map to
  careercli degrees (EDUCATION_DEGREES); typical = the degree with the highest share (ties:
  the lower degree), minimum = the lowest degree with at least MIN_SHARE percent. With no
  ETE rows, the Job Zone's usual level (JOB_ZONE_DEGREE, from the Job Zone Reference's
  Education text) is used as both typical and minimum, and the notes say so.
- experience (a careercli level): ETE element 3.A.1 Related Work Experience, scale RW: the
  median respondent's category (the first at which the shares, from "None" up, reach half
  of their total; the categories are ordered, and the mode of a spread-out distribution
  can be "None" for statisticians); its lower bound in years (RW_YEARS) gives the level by
  the answers file's rule (careercli.profile.answers.level_from_years: under 2 years entry, under
  5 mid, under 10 senior, else executive). No RW rows (Data Scientists among them): the
  level the Job Zone Reference's Experience text states (JOB_ZONE_LEVEL), marked as from
  the job zone. Neither: no level, and the fit says experience has no data.
- technology skills: Technology Skills, every Example with its Commodity Title and its Hot
  Technology / In Demand flags; an Example maps to a careercli skill when its name, or one
  of the spellings in `skill_matcher`, equals the skill's id, name or an alias. Importance:
  5 when In Demand for the occupation, 3 when a Hot Technology, else 2; a skill reached by
  several Examples takes the highest.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from careercli.catalog.lookup import name_key
from careercli.catalog.models import Catalog, Skill
from careercli.common import vocab
from careercli.common.errors import DataError
from careercli.onet.credit import credit_line
from careercli.onet.pack import (
    CODE,
    HOT,
    IN_DEMAND,
    ONET_URL,
    PACK_FILE,
    PACK_KIND,
    SCHEMA_VERSION,
    technology_importance,
)

OCCUPATIONS = "Occupation Data.txt"
ALTERNATE_TITLES = "Alternate Titles.txt"
INTERESTS = "Interests.txt"
JOB_ZONES = "Job Zones.txt"
JOB_ZONE_REFERENCE = "Job Zone Reference.txt"
ETE = "Education, Training, and Experience.txt"
ETE_CATEGORIES = "Education, Training, and Experience Categories.txt"
TECHNOLOGY = "Technology Skills.txt"
README = "Read Me.txt"
CODE_COL = "O*NET-SOC Code"
# file -> the columns read from it (found by header name; other columns are ignored)
TABLES: dict[str, tuple[str, ...]] = {
    OCCUPATIONS: (CODE_COL, "Title", "Description"),
    ALTERNATE_TITLES: (CODE_COL, "Alternate Title", "Short Title"),
    INTERESTS: (CODE_COL, "Element ID", "Scale ID", "Data Value"),
    JOB_ZONES: (CODE_COL, "Job Zone"),
    JOB_ZONE_REFERENCE: ("Job Zone", "Name", "Experience", "Education", "Job Training"),
    ETE: (CODE_COL, "Element ID", "Scale ID", "Category", "Data Value", "Recommend Suppress"),
    ETE_CATEGORIES: ("Element ID", "Scale ID", "Category", "Category Description"),
    TECHNOLOGY: (CODE_COL, "Example", "Commodity Title", "Hot Technology", "In Demand"),
}
RIASEC_ELEMENTS: dict[str, str] = {
    "1.B.1.a": "realistic",
    "1.B.1.b": "investigative",
    "1.B.1.c": "artistic",
    "1.B.1.d": "social",
    "1.B.1.e": "enterprising",
    "1.B.1.f": "conventional",
}
EDUCATION_ELEMENT, EXPERIENCE_ELEMENT = "2.D.1", "3.A.1"
# ETE Required Level of Education category -> careercli degree. Certificates and "some
# college" count as the degree below them (they are not degrees); a first professional
# degree (MD, JD: at least six academic years) counts as a doctorate.
EDUCATION_DEGREES: dict[int, str] = {
    1: "none",  # Less than a High School Diploma
    2: "high-school",  # High School Diploma (or GED)
    3: "high-school",  # Post-Secondary Certificate
    4: "high-school",  # Some College Courses
    5: "associate",  # Associate's Degree
    6: "bachelor",  # Bachelor's Degree
    7: "bachelor",  # Post-Baccalaureate Certificate
    8: "master",  # Master's Degree
    9: "master",  # Post-Master's Certificate
    10: "phd",  # First Professional Degree
    11: "phd",  # Doctoral Degree
    12: "phd",  # Post-Doctoral Training
}
MIN_SHARE = 10.0  # percent of respondents for a degree to count as an occupation's minimum
# Job Zone -> the degree its Job Zone Reference "Education" text names as usual.
JOB_ZONE_DEGREE: dict[int, str] = {
    1: "none",  # "Some of these occupations may require a high school diploma or GED"
    2: "high-school",  # "usually require a high school diploma"
    3: "associate",  # "vocational schools, related on-the-job experience, or an associate's degree"
    4: "bachelor",  # "Most ... require a four-year bachelor's degree, but some do not"
    5: "master",  # "Most ... require graduate school ... a master's degree, and some require a Ph.D."
}
# Job Zone -> the level its Job Zone Reference "Experience" text states, read by the answers
# file's years rule (under 2 years entry, under 5 mid, under 10 senior).
JOB_ZONE_LEVEL: dict[int, str] = {
    1: "entry",  # "Little or no previous work-related skill, knowledge, or experience is needed"
    2: "entry",  # "Some previous work-related skill, knowledge, or experience is usually needed"
    3: "mid",  # "Previous ... experience is required", e.g. "three or four years of apprenticeship"
    4: "mid",  # "A considerable amount of ... experience", e.g. "work for several years"
    5: "senior",  # "Extensive ... experience ... Many require more than five years of experience"
}
# ETE Related Work Experience category -> the least years it stands for ("Over 2 years, up
# to and including 4 years" -> 2).
RW_YEARS: dict[int, float] = {1: 0, 2: 0, 3: 1 / 12, 4: 0.25, 5: 0.5, 6: 1, 7: 2, 8: 4, 9: 6, 10: 8, 11: 10}
# Words O*NET puts before a product name; "Oracle Java" is Java, "Apache Spark" Spark.
VENDORS = ("apache", "microsoft", "oracle", "google", "amazon", "ibm")
# O*NET spellings that no rule reaches: example (normalised) -> careercli skill id.
ONET_SPELLINGS: dict[str, str] = {
    "structure query language sql": "sql",  # sic, in O*NET 29.2
    "microsoft transact-structural query language t-sql": "sql",
}
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9+#/.\-]*$")

Progress = Callable[[str], None]


class Table:
    """One O*NET table: its columns found by header name; rows with their line numbers."""

    def __init__(self, folder: Path, name: str, columns: tuple[str, ...]) -> None:
        from careercli.common.yamlio import read_text

        self.path = folder / name
        if not self.path.is_file():
            raise DataError(
                f"{self.path}: no such file (an O*NET table careercli needs: {', '.join(columns)})"
            )
        self.reader = csv.reader(io.StringIO(read_text(self.path)), delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(self.reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise DataError(f"{self.path}: line 1: no header row; expected the columns {', '.join(columns)}")
        names = [cell.strip() for cell in header]
        self.index: dict[str, int] = {}
        for column in columns:
            if column not in names:
                from careercli.common.errors import did_you_mean

                raise DataError(
                    f"{self.path}: column '{column}' is missing from the header"
                    f"{did_you_mean(column, names)}; the header has: {', '.join(names)}"
                )
            self.index[column] = names.index(column)
        self.width = max(self.index.values()) + 1
        self.columns = columns

    @property
    def line(self) -> int:
        return self.reader.line_num

    def rows(self) -> Iterator[list[str]]:
        """Each data row (blank lines skipped); a short row is an error naming its column."""
        for row in self.reader:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) < self.width:
                missing = next(c for c in self.columns if self.index[c] >= len(row))
                raise self.fail(missing, f"missing (the row has {len(row)} cells)")
            yield row

    def fail(self, column: str, problem: str) -> DataError:
        return DataError(f"{self.path}: line {self.line}: column '{column}': {problem}")

    def text(self, row: list[str], column: str) -> str:
        return row[self.index[column]].strip()

    def code(self, row: list[str]) -> str:
        code = self.text(row, CODE_COL)
        if not CODE.match(code):
            raise self.fail(CODE_COL, f"'{code}' is not an O*NET-SOC code like 15-2051.00")
        return code

    def number(self, row: list[str], column: str, low: float, high: float) -> float:
        raw = self.text(row, column)
        try:
            value = float(raw)
        except ValueError:
            raise self.fail(column, f"'{raw}' is not a number") from None
        if not low <= value <= high:
            raise self.fail(column, f"{raw} is out of range; expected {low:g} to {high:g}")
        return value

    def whole(self, row: list[str], column: str, low: int, high: int) -> int:
        value = self.number(row, column, low, high)
        if value != int(value):
            raise self.fail(column, f"'{self.text(row, column)}' is not a whole number")
        return int(value)

    def flag(self, row: list[str], column: str) -> bool:
        raw = self.text(row, column)
        if raw not in ("Y", "N"):
            raise self.fail(column, f"'{raw}' is not Y or N")
        return raw == "Y"


def find_release(folder: Path) -> str | None:
    """'29.2' from Read Me.txt ("O*NET 29.2 Database"), else from the folder's name
    (db_29_2_text, onet-29.2); None when neither says."""
    readme = folder / README
    if readme.is_file():
        try:
            head = readme.read_text(encoding="utf-8", errors="replace")[:2000]
        except OSError:
            head = ""
        found = re.search(r"O\*NET\s+(\d+\.\d+)\s+Database", head)
        if found:
            return found.group(1)
    found = re.search(r"(\d\d)[._](\d)(?:_text)?$", folder.resolve().name)
    return f"{found.group(1)}.{found.group(2)}" if found else None


def skill_matcher(skills: dict[str, Skill]) -> Callable[[str], str | None]:
    """O*NET technology Example -> careercli skill id, or None.

    Tried in turn, each compared (case-insensitively) with every skill's id, name and
    aliases: the Example itself ("Python", "Microsoft Excel"); without a trailing
    "software" ("Data visualization software"); the long form before a trailing acronym
    ("Structured query language SQL", "Amazon Web Services AWS software"); without a leading
    vendor ("Oracle Java", "Amazon Redshift"); then the few spellings in ONET_SPELLINGS.
    A bare acronym is never matched on its own: "EDA" is exploratory data analysis to us
    and electronic design automation to O*NET.
    """
    names: dict[str, str] = {}
    for skill in skills.values():
        for name in (skill.id, skill.name, *skill.aliases):
            names.setdefault(name_key(name), skill.id)

    def match(example: str) -> str | None:
        base = re.sub(r"\s+software$", "", example.strip(), flags=re.IGNORECASE)
        tries = [example, base]
        words = base.split()
        if len(words) > 1 and _ACRONYM.match(words[-1]):
            tries.append(" ".join(words[:-1]))
        for text in list(tries):
            first, _, rest = text.partition(" ")
            if rest and first.casefold() in VENDORS:
                tries.append(rest)
        for text in tries:
            found = names.get(name_key(text))
            if found:
                return found
        spelled = ONET_SPELLINGS.get(name_key(example))
        return spelled if spelled in skills else None

    return match


def import_tables(folder: Path, catalog: Catalog, release: str | None = None,
                  progress: Progress | None = None) -> dict[str, Any]:  # fmt: skip
    """The O*NET tables in `folder` as the content of an occupations.json."""
    if not folder.is_dir():
        raise DataError(f"{folder}: no such folder (expected the O*NET text tables, e.g. db_29_2_text)")
    tables = {}
    for name, columns in TABLES.items():  # every file and header checked before any work
        tables[name] = Table(folder, name, columns)
    release = release or find_release(folder)
    if release is None:
        raise DataError(
            f"{folder / README}: no such file, and the folder name gives no release; "
            "pass --release (e.g. --release 29.2)"
        )
    say = progress or (lambda _text: None)

    say(f"Reading {OCCUPATIONS}")
    occupations = _occupations(tables[OCCUPATIONS])
    say(f"Reading {ALTERNATE_TITLES}")
    aliases, ambiguous = _names(tables[ALTERNATE_TITLES], occupations)
    say(f"Reading {INTERESTS}")
    interests = _interests(tables[INTERESTS], occupations)
    say(f"Reading {JOB_ZONE_REFERENCE} and {JOB_ZONES}")
    zones = _zone_reference(tables[JOB_ZONE_REFERENCE])
    job_zones = _job_zones(tables[JOB_ZONES], occupations, zones)
    say(f"Reading {ETE_CATEGORIES} and {ETE}")
    rw_labels = _rw_labels(tables[ETE_CATEGORIES])
    rl, rw = _ete(tables[ETE], occupations, rw_labels)
    say(f"Reading {TECHNOLOGY}")
    technologies = _technologies(tables[TECHNOLOGY], occupations)

    match = skill_matcher(catalog.skills)
    out: list[dict[str, Any]] = []
    for code, (title, description) in sorted(occupations.items()):
        zone = job_zones.get(code)
        techs = technologies.get(code, [])
        out.append(
            {
                "code": code,
                "title": title,
                "description": description,
                "aliases": aliases.get(code, []),
                "interests": interests.get(code, {}),
                "job_zone": zone,
                "education": _education(rl.get(code), zone, zones),
                "experience": _experience(rw.get(code), rw_labels) or _zone_experience(zone, zones),
                "technologies": [[name, category, flags] for name, category, flags in techs],
                "skills": _skills(techs, match),
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": PACK_KIND,
        "source": {
            "name": f"O*NET {release} Database",
            "release": release,
            "publisher": "USDOL/ETA",
            "licence": "CC BY 4.0",
            "url": ONET_URL,
            "credit": credit_line(release),
            "imported": dt.date.today().isoformat(),
            "from": str(folder.resolve()),
        },
        "job_zones": {
            str(z.zone): {
                "name": z.name,
                "experience": z.experience,
                "education": z.education,
                "training": z.training,
            }
            for z in zones.values()
        },
        "ambiguous": ambiguous,
        "occupations": out,
    }


def _occupations(table: Table) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for row in table.rows():
        code = table.code(row)
        if code in found:
            raise table.fail(CODE_COL, f"{code} is listed twice")
        title = table.text(row, "Title")
        if not title:
            raise table.fail("Title", "is empty")
        found[code] = (title, table.text(row, "Description"))
    if not found:
        raise DataError(f"{table.path}: no occupations (only a header row)")
    return found


def _names(
    table: Table, occupations: dict[str, tuple[str, str]]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Each occupation's aliases, and the names several occupations share (-> their codes)."""
    titles = {name_key(title): code for code, (title, _) in occupations.items()}
    owners: dict[str, list[str]] = {}  # normalised alias -> codes
    spelled: dict[tuple[str, str], str] = {}  # (code, key) -> the alias as O*NET spells it
    for row in table.rows():
        code = table.code(row)
        if code not in occupations:
            continue
        for column in ("Alternate Title", "Short Title"):
            name = table.text(row, column)
            if not name or name.casefold() == "n/a":
                continue
            key = name_key(name)
            if key in titles or (code, key) in spelled:
                continue  # a primary title resolves to its own occupation; duplicates once
            spelled[(code, key)] = name
            owners.setdefault(key, []).append(code)
    aliases: dict[str, list[str]] = {}
    for (code, key), name in spelled.items():
        if len(owners[key]) == 1:
            aliases.setdefault(code, []).append(name)
    ambiguous = {key: sorted(codes) for key, codes in sorted(owners.items()) if len(codes) > 1}
    return aliases, ambiguous


def _interests(table: Table, occupations: dict[str, tuple[str, str]]) -> dict[str, dict[str, float]]:
    found: dict[str, dict[str, float]] = {}
    for row in table.rows():
        if table.text(row, "Scale ID") != "OI":
            continue
        dim = RIASEC_ELEMENTS.get(table.text(row, "Element ID"))
        code = table.code(row)
        if dim is None or code not in occupations:
            continue
        found.setdefault(code, {})[dim] = table.number(row, "Data Value", 1, 7)
    # all six or none: a partial profile would be filled in by the scoring
    return {code: {d: p[d] for d in vocab.INTERESTS} for code, p in found.items() if len(p) == 6}


def _zone_reference(table: Table) -> dict[int, Any]:
    from careercli.catalog.models import JobZone

    zones: dict[int, JobZone] = {}
    for row in table.rows():
        zone = table.whole(row, "Job Zone", 1, 5)
        zones[zone] = JobZone(zone, table.text(row, "Name"), table.text(row, "Experience"),
                              table.text(row, "Education"), table.text(row, "Job Training"))  # fmt: skip
    return zones


def _job_zones(
    table: Table, occupations: dict[str, tuple[str, str]], zones: dict[int, Any]
) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in table.rows():
        code = table.code(row)
        zone = table.whole(row, "Job Zone", 1, 5)
        if zone not in zones:
            raise table.fail("Job Zone", f"zone {zone} is not in {JOB_ZONE_REFERENCE}")
        if code in occupations:
            found[code] = zone
    return found


def _rw_labels(table: Table) -> dict[int, str]:
    labels: dict[int, str] = {}
    for row in table.rows():
        if table.text(row, "Element ID") == EXPERIENCE_ELEMENT and table.text(row, "Scale ID") == "RW":
            labels[table.whole(row, "Category", 1, 99)] = table.text(row, "Category Description")
    missing = sorted(set(RW_YEARS) - set(labels))
    if missing:
        raise DataError(
            f"{table.path}: column 'Category': Related Work Experience (3.A.1, RW) category "
            f"{missing[0]} is missing; expected categories 1-11"
        )
    return labels


def _ete(
    table: Table, occupations: dict[str, tuple[str, str]], rw_labels: dict[int, str]
) -> tuple[dict[str, dict[int, float]], dict[str, dict[int, float]]]:
    """Per occupation: Required Level of Education and Related Work Experience shares (%)."""
    rl: dict[str, dict[int, float]] = {}
    rw: dict[str, dict[int, float]] = {}
    for row in table.rows():
        element, scale = table.text(row, "Element ID"), table.text(row, "Scale ID")
        if element == EDUCATION_ELEMENT and scale == "RL":
            into, top = rl, max(EDUCATION_DEGREES)
        elif element == EXPERIENCE_ELEMENT and scale == "RW":
            into, top = rw, max(rw_labels)
        else:
            continue
        code = table.code(row)
        category = table.whole(row, "Category", 1, top)
        value = table.number(row, "Data Value", 0, 100)
        suppress = table.text(row, "Recommend Suppress")
        if suppress not in ("Y", "N", "n/a"):
            raise table.fail("Recommend Suppress", f"'{suppress}' is not Y, N or n/a")
        if suppress == "Y":  # O*NET: the estimate is too imprecise to show (~2% of these rows)
            continue
        if code in occupations:
            into.setdefault(code, {})[category] = value
    return rl, rw


def _education(
    shares: dict[int, float] | None, zone: int | None, zones: dict[int, Any]
) -> dict[str, Any] | None:
    by_degree = dict.fromkeys(vocab.DEGREES, 0.0)
    for category, value in (shares or {}).items():
        by_degree[EDUCATION_DEGREES[category]] += value
    if sum(by_degree.values()) > 0:
        typical = max(vocab.DEGREES, key=lambda d: (by_degree[d], -vocab.degree_rank(d)))
        minimum = next(d for d in vocab.DEGREES if by_degree[d] >= MIN_SHARE or d == typical)
        listed = sorted((d for d in vocab.DEGREES if by_degree[d] >= 1), key=lambda d: -by_degree[d])
        parts = ", ".join(f"{vocab.DEGREE_LABELS[d]} {by_degree[d]:.0f}%" for d in listed)
        return {
            "source": "ete",
            "typical": typical,
            "minimum": minimum,
            "shares": {d: round(v, 2) for d, v in by_degree.items()},
            "notes": [f"Required level of education, share of O*NET respondents: {parts}."],
        }
    if zone is not None:
        degree = JOB_ZONE_DEGREE[zone]
        return {
            "source": "job-zone",
            "typical": degree,
            "minimum": degree,
            "shares": {},
            "notes": [f"From the job zone (no O*NET education survey for it): {zones[zone].education}"],
        }
    return None


def _experience(shares: dict[int, float] | None, labels: dict[int, str]) -> dict[str, Any] | None:
    if not shares or sum(shares.values()) <= 0:
        return None
    from careercli.profile.answers import level_from_years

    half, seen = sum(shares.values()) / 2, 0.0
    category = max(shares)
    for cat in sorted(shares):
        seen += shares[cat]
        if seen >= half:
            category = cat
            break
    return {
        "source": "ete",
        "level": level_from_years(RW_YEARS[category]),
        "category": labels[category],
        "share": round(shares[category], 2),
    }


def _zone_experience(zone: int | None, zones: dict[int, Any]) -> dict[str, Any] | None:
    """No RW survey: the level the occupation's Job Zone states (JOB_ZONE_LEVEL)."""
    if zone is None:
        return None
    return {"source": "job-zone", "level": JOB_ZONE_LEVEL[zone], "category": zones[zone].name, "share": None}


def _technologies(
    table: Table, occupations: dict[str, tuple[str, str]]
) -> dict[str, list[tuple[str, str, int]]]:
    found: dict[str, list[tuple[str, str, int]]] = {}
    for row in table.rows():
        code = table.code(row)
        flags = (HOT if table.flag(row, "Hot Technology") else 0) | (
            IN_DEMAND if table.flag(row, "In Demand") else 0
        )
        example = table.text(row, "Example")
        if code in occupations and example:
            found.setdefault(code, []).append((example, table.text(row, "Commodity Title"), flags))
    return found


def _skills(techs: list[tuple[str, str, int]], match: Callable[[str], str | None]) -> list[list[Any]]:
    """[skill id, importance, [the Examples it comes from]], most important first."""
    best: dict[str, int] = {}
    sources: dict[str, list[str]] = {}
    for name, _category, flags in techs:
        skill = match(name)
        if skill is None:
            continue
        importance = technology_importance(bool(flags & HOT), bool(flags & IN_DEMAND))
        best[skill] = max(best.get(skill, 0), importance)
        sources.setdefault(skill, []).append(name)
    ranked = sorted(best, key=lambda s: (-best[s], s))
    return [[s, best[s], sources[s]] for s in ranked]


def summary(pack: dict[str, Any]) -> dict[str, int]:
    occupations = pack["occupations"]
    return {
        "occupations": len(occupations),
        "with_interests": sum(1 for o in occupations if o["interests"]),
        "with_job_zone": sum(1 for o in occupations if o["job_zone"] is not None),
        "with_education": sum(1 for o in occupations if o["education"] is not None),
        "with_experience": sum(1 for o in occupations if o["experience"] is not None),
        "experience_from_job_zone": sum(
            1 for o in occupations if o["experience"] is not None and o["experience"]["source"] == "job-zone"
        ),
        "with_technologies": sum(1 for o in occupations if o["technologies"]),
        "with_mapped_skills": sum(1 for o in occupations if o["skills"]),
        "ambiguous_names": len(pack["ambiguous"]),
    }


def write_pack(pack: dict[str, Any], folder: Path) -> Path:
    """Write occupations.json into `folder`, replacing the folder whole and atomically: a
    temporary folder beside it is filled, then renamed into place; on any failure the
    previous pack (if any) is left as it was."""
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}-new-"))
    except OSError as exc:
        raise DataError(f"{parent}: cannot write the O*NET pack: {exc.strerror or exc}") from None
    old: Path | None = None
    try:
        with open(tmp / PACK_FILE, "w", encoding="utf-8") as handle:
            json.dump(pack, handle, ensure_ascii=False, separators=(",", ":"))
            handle.write("\n")
        if folder.exists():
            old = parent / f".{folder.name}-old-{os.getpid()}"
            shutil.rmtree(old, ignore_errors=True)
            os.rename(folder, old)
        try:
            os.rename(tmp, folder)
        except OSError:
            if old is not None:
                os.rename(old, folder)
                old = None
            raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise DataError(f"{folder}: cannot write the O*NET pack: {exc.strerror or exc}") from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return folder / PACK_FILE
