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

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careercli.catalog.lookup import name_key
from careercli.catalog.models import Catalog, Skill
from careercli.common import vocab
from careercli.common.errors import DataError
from careercli.onet import bls_join, descriptors
from careercli.onet.credit import credit_line
from careercli.onet.pack import (
    HOT,
    IN_DEMAND,
    ONET_URL,
    PACK_FILE,
    PACK_KIND,
    SCHEMA_VERSION,
    TASKS_FILE,
    technology_importance,
)
from careercli.onet.table import CODE_COL, Table

OCCUPATIONS = "Occupation Data.txt"
ALTERNATE_TITLES = "Alternate Titles.txt"
INTERESTS = "Interests.txt"
JOB_ZONES = "Job Zones.txt"
JOB_ZONE_REFERENCE = "Job Zone Reference.txt"
ETE = "Education, Training, and Experience.txt"
ETE_CATEGORIES = "Education, Training, and Experience Categories.txt"
TECHNOLOGY = "Technology Skills.txt"
README = "Read Me.txt"
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
                  progress: Progress | None = None, bls: Path | None = None) -> dict[str, Any]:  # fmt: skip
    """The O*NET tables in `folder` as the content of an occupations.json; the tasks go
    under the key "tasks" (write_pack puts them in a file of their own). US wages and
    projections join from the BLS tables in `bls`, else beside `folder` (onet.bls_join)."""
    if not folder.is_dir():
        raise DataError(f"{folder}: no such folder (expected the O*NET text tables, e.g. db_29_2_text)")
    # every file and header checked before any work
    needed = {**TABLES, **descriptors.TABLES}
    tables = {name: Table(folder, name, columns) for name, columns in needed.items()}
    release = release or find_release(folder)
    if release is None:
        raise DataError(
            f"{folder / README}: no such file, and the folder name gives no release; "
            "pass --release (e.g. --release 29.2)"
        )
    bls_folder = bls_join.find_bls(folder, bls)
    say = progress or (lambda _text: None)
    parts = _read_tables(tables, say)
    if bls_folder is not None:
        say(f"Reading the BLS tables in {bls_folder}")
    parts["bls"] = bls_join.join(bls_folder, sorted(parts["occupations"])) if bls_folder else {}
    match = skill_matcher(catalog.skills)
    occupations = [_occupation(code, parts, match) for code in sorted(parts["occupations"])]
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": PACK_KIND,
        "source": _source(folder, release),
        "bls_from": str(bls_folder.resolve()) if bls_folder else None,
        "job_zones": {str(z.zone): z._asdict() for z in parts["zones"].values()},
        "elements": parts["elements"],
        "ambiguous": parts["ambiguous"],
        "occupations": occupations,
        "tasks": {code: parts["tasks"][code] for code in sorted(parts["tasks"])},
    }


def _source(folder: Path, release: str) -> dict[str, str]:
    return {
        "name": f"O*NET {release} Database",
        "release": release,
        "publisher": "USDOL/ETA",
        "licence": "CC BY 4.0",
        "url": ONET_URL,
        "credit": credit_line(release),
        "imported": dt.date.today().isoformat(),
        "from": str(folder.resolve()),
    }


def _read_tables(tables: dict[str, Table], say: Progress) -> dict[str, Any]:
    """Every table read, each into what the occupations are built from."""
    parts: dict[str, Any] = {}
    say(f"Reading {OCCUPATIONS}")
    occupations = parts["occupations"] = _occupations(tables[OCCUPATIONS])
    say(f"Reading {ALTERNATE_TITLES}")
    parts["aliases"], parts["ambiguous"] = _names(tables[ALTERNATE_TITLES], occupations)
    say(f"Reading {INTERESTS}")
    parts["interests"] = _interests(tables[INTERESTS], occupations)
    say(f"Reading {JOB_ZONE_REFERENCE} and {JOB_ZONES}")
    zones = parts["zones"] = _zone_reference(tables[JOB_ZONE_REFERENCE])
    parts["job_zones"] = _job_zones(tables[JOB_ZONES], occupations, zones)
    say(f"Reading {ETE_CATEGORIES} and {ETE}")
    parts["rw_labels"] = _rw_labels(tables[ETE_CATEGORIES])
    parts["rl"], parts["rw"] = _ete(tables[ETE], occupations, parts["rw_labels"])
    say(f"Reading {TECHNOLOGY}")
    parts["technologies"] = _technologies(tables[TECHNOLOGY], occupations)
    say(f"Reading {descriptors.SKILLS} and {descriptors.KNOWLEDGE}")
    model = descriptors.content_model(tables[descriptors.CONTENT_MODEL])
    skills, elements = descriptors.ratings(tables[descriptors.SKILLS], occupations, model)
    knowledge, known = descriptors.ratings(tables[descriptors.KNOWLEDGE], occupations, model)
    parts["ratings"] = {c: {**skills.get(c, {}), **knowledge.get(c, {})} for c in occupations}
    parts["elements"] = _with_means({**elements, **known}, parts["ratings"])
    say(f"Reading {descriptors.WORK_VALUES}")
    parts["work_values"] = descriptors.work_values(tables[descriptors.WORK_VALUES], occupations)
    say(f"Reading {descriptors.TASKS} and {descriptors.RELATED}")
    parts["tasks"] = descriptors.tasks(tables[descriptors.TASKS], occupations)
    parts["related"] = descriptors.related(tables[descriptors.RELATED], occupations)
    parts["proxies"] = descriptors.proxy_ratings(parts["ratings"], parts["related"])
    return parts


def _with_means(
    elements: dict[str, dict[str, Any]], ratings: dict[str, dict[str, list[Any]]]
) -> dict[str, Any]:
    """Each element with its mean level over the occupations O*NET rates it for (a suppressed
    level left out): fit centres levels on it, as it centres interests on an occupation's mean."""
    out: dict[str, Any] = {}
    for eid in sorted(elements):
        levels = [r[eid][1] for r in ratings.values() if eid in r and r[eid][1] is not None]
        out[eid] = {**elements[eid], "mean_level": round(sum(levels) / len(levels), 3) if levels else 0.0}
    return out


def _occupation(code: str, parts: dict[str, Any], match: Callable[[str], str | None]) -> dict[str, Any]:
    title, description = parts["occupations"][code]
    zone = parts["job_zones"].get(code)
    zones = parts["zones"]
    techs = parts["technologies"].get(code, [])
    experience = _experience(parts["rw"].get(code), parts["rw_labels"]) or _zone_experience(zone, zones)
    return {
        "code": code,
        "title": title,
        "description": description,
        "aliases": parts["aliases"].get(code, []),
        "interests": parts["interests"].get(code, {}),
        "job_zone": zone,
        "education": _education(parts["rl"].get(code), zone, zones),
        "experience": experience,
        "technologies": [[name, category, flags] for name, category, flags in techs],
        "skills": _skills(techs, match),
        "ratings": parts["ratings"].get(code) or parts["proxies"].get(code, ({}, []))[0],
        "ratings_from": parts["proxies"][code][1] if code in parts["proxies"] else [],
        "work_values": parts["work_values"].get(code),
        "related": parts["related"].get(code, []),
        "bls": parts["bls"].get(code),
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
        "with_ratings": sum(1 for o in occupations if o["ratings"] and not o["ratings_from"]),
        "ratings_from_related": sum(1 for o in occupations if o["ratings_from"]),
        "with_work_values": sum(1 for o in occupations if o["work_values"]),
        "with_related": sum(1 for o in occupations if o["related"]),
        "with_tasks": len(pack.get("tasks", {})),
        "elements": len(pack.get("elements", {})),
        "with_us_wages": sum(1 for o in occupations if (o.get("bls") or {}).get("wages")),
        "with_projection": sum(1 for o in occupations if (o.get("bls") or {}).get("projection")),
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
        tasks = pack.get("tasks", {})
        for name, content in ((PACK_FILE, {k: v for k, v in pack.items() if k != "tasks"}),
                              (TASKS_FILE, {"schema_version": SCHEMA_VERSION, "tasks": tasks})):  # fmt: skip
            with open(tmp / name, "w", encoding="utf-8") as handle:
                json.dump(content, handle, ensure_ascii=False, separators=(",", ":"))
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
