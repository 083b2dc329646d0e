"""What a résumé says, gathered: skills, the highest degree, years of experience, the latest
title and its level, each with the line it came from; and the answers (schema 1) they make.

Nothing here keeps the résumé's text beyond the evidence lines of the result, and nothing
is written anywhere: the saved profile (profile/store.py) only ever holds answers.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, NamedTuple

from careercli.common import vocab
from careercli.common.envelope import envelope
from careercli.resume import parse
from careercli.resume.skills import SkillFound, estimate, mentions

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog
    from careercli.resume.read import ResumeText

SCHEMA_VERSION = 1
MAX_EVIDENCE = 160
# What the quiz assumes when nobody answers (profile/quiz_prompts.py): said when used.
QUIZ_DEFAULTS: dict[str, Any] = {
    "experience_years": 0,
    "education.degree": "bachelor",
    "interests": "3 (not sure) for each of the six",
    "industries": "none (any)",
    "work_mode": "any",
    "locations": "none",
    "min_salary": "none",
}


class Found(NamedTuple):
    """One value and where it came from."""

    value: Any
    line: int | None  # 1-based; None for a value worked out from several lines
    evidence: str


class Findings(NamedTuple):
    file: str
    kind: str
    pages: int | None
    skills: tuple[SkillFound, ...]
    degree: parse.Degree | None
    degree_line: str
    experience_years: float | None
    jobs: tuple[parse.DateRange, ...]
    title: Found | None
    level: Found | None
    level_source: str | None  # "title", "years" or None
    warnings: tuple[str, ...]


def evidence(line: str) -> str:
    return line if len(line) <= MAX_EVIDENCE else line[: MAX_EVIDENCE - 1] + "…"


def analyse(text: ResumeText, catalog: Catalog, today: dt.date | None = None) -> Findings:
    """Everything `careercli resume` reports about one résumé."""
    today = today or dt.date.today()
    lines = text.lines
    section_of = parse.sections(lines)
    degrees = parse.find_degrees(lines, section_of)
    top = parse.highest_degree(degrees)
    ranges = parse.find_ranges(lines, today)
    jobs = parse.job_ranges(ranges, lines, section_of, {d.line for d in degrees})
    months = parse.covered_months(jobs)
    years = round(months / 12, 1) if jobs else None
    title = parse.latest_title(lines, jobs)
    now = today.year * 12 + today.month - 1
    skills = estimate(lines, mentions(lines, catalog), catalog, _job_of_line(jobs, lines, section_of), now)
    level, source = _level(title, years)
    warnings = _warnings(text, skills, top, jobs, title)
    return Findings(
        file=text.file,
        kind=text.kind,
        pages=text.pages,
        skills=tuple(sorted(skills, key=lambda s: s.line)),
        degree=top,
        degree_line=evidence(lines[top.line - 1]) if top else "",
        experience_years=years,
        jobs=tuple(sorted(jobs, key=lambda r: (r.start, r.end), reverse=True)),
        title=Found(title.title, title.line, evidence(lines[title.line - 1])) if title else None,
        level=level,
        level_source=source,
        warnings=tuple(warnings),
    )


def _job_of_line(
    jobs: list[parse.DateRange], lines: tuple[str, ...], section_of: list[str]
) -> dict[int, tuple[int, int]]:
    """0-based line -> (start, end) of the job it describes: a job's lines run from its header
    (its date line and up to two short lines above it, not bullets) to the next job's header."""
    ordered = sorted(jobs, key=lambda r: r.line)
    firsts = [_header_start(lines, job.line - 1) for job in ordered]
    out: dict[int, tuple[int, int]] = {}
    for k, job in enumerate(ordered):
        stop = firsts[k + 1] if k + 1 < len(ordered) else len(lines)
        for n in range(firsts[k], max(stop, job.line)):
            if section_of[n] in ("experience", "") and n not in out:
                out[n] = (job.start, job.end)
    return out


def _header_start(lines: tuple[str, ...], n: int) -> int:
    first = n
    while first > max(n - 2, 0):
        above = lines[first - 1]
        if not above or above[0] in "-*•·–+" or len(above.split()) > 8 or parse.heading(above):
            break
        first -= 1
    return first


def _level(title: parse.Title | None, years: float | None) -> tuple[Found | None, str | None]:
    from careercli.profile.answers import level_from_years

    said = parse.level_of_title(title.title) if title else None
    if title and said:
        return Found(said, title.line, f"the title {title.title!r}"), "title"
    if years is not None:
        return Found(level_from_years(years), None, f"{years:g} years of experience"), "years"
    return None, None


def _warnings(
    text: ResumeText,
    skills: list[SkillFound],
    degree: parse.Degree | None,
    jobs: list[parse.DateRange],
    title: parse.Title | None,
) -> list[str]:
    out = []
    if not skills:
        out.append(
            f"no skill from the catalog found in {text.file}; none is guessed: pick yours in `careercli quiz`"
        )
    if degree is None:
        out.append("no degree found")
    if not jobs:
        out.append("no job dates found (e.g. 'Jan 2019 - Mar 2021'), so no years of experience")
    elif title is None:
        out.append("no job title found beside the latest job's dates")
    confirm = sum(1 for s in skills if s.confirm)
    if confirm:
        out.append(f"{confirm} skill ratings are estimates marked 'confirm'; check them")
    return out


def findings_dict(f: Findings) -> dict[str, Any]:
    """The `resume --json` object (contract keys in PRODUCT.md, more added beside them)."""
    return envelope(
        file=f.file,
        format=f.kind,
        pages=f.pages,
        skills=[
            {
                "skill": s.skill,
                "name": s.name,
                "proficiency": s.proficiency,
                "confirm": s.confirm,
                "basis": s.basis,
                "evidence": evidence(s.evidence),
                "line": s.line,
                "matched": s.matched,
                "mentions": s.mentions,
            }
            for s in f.skills
        ],
        education={
            "degree": f.degree.degree if f.degree else None,
            "field": f.degree.field if f.degree else None,
            "mba": bool(f.degree and f.degree.mba),
            "line": f.degree.line if f.degree else None,
            "evidence": f.degree_line or None,
        },
        experience_years=f.experience_years,
        jobs=[
            {"dates": j.text, "line": j.line, "months": j.end - j.start, "ongoing": j.ongoing} for j in f.jobs
        ],
        title=f.title.value if f.title else None,
        title_line=f.title.line if f.title else None,
        level=f.level.value if f.level else None,
        level_source=f.level_source,
        warnings=list(f.warnings),
    )


def to_answers(f: Findings) -> tuple[dict[str, Any], list[str]]:
    """Schema-1 answers from the résumé, and the keys that took the quiz's defaults."""
    defaults = []
    years = f.experience_years
    if years is None:
        defaults.append("experience_years")
        years = QUIZ_DEFAULTS["experience_years"]
    answers: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "experience_years": _number(years)}
    if f.level is not None and f.level_source == "title":
        answers["level"] = f.level.value  # said by the title; from years it is derived again
    if f.degree is None:
        defaults.append("education.degree")
        education: dict[str, Any] = {"degree": QUIZ_DEFAULTS["education.degree"]}
    else:
        education = {"degree": f.degree.degree}
        if f.degree.field:
            education["field"] = f.degree.field
        if f.degree.mba:
            education["mba"] = True
    answers["education"] = education
    answers["skills"] = {s.skill: s.proficiency for s in f.skills}
    defaults += ["interests", "industries", "work_mode", "locations", "min_salary"]
    return answers, defaults


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _comment(text: str) -> str:
    return " ".join(text.replace("#", "").split())


def answers_with_sources(f: Findings) -> str:
    """The answers as YAML whose comments say the line each value came from (schema 1)."""
    answers, defaults = to_answers(f)
    out = [
        f"# careercli answers (schema version 1) read from the résumé {_comment(f.file)} on this machine.",
        "# Each comment says where a value came from; check them, then: careercli quiz --answers THIS_FILE",
        "# The résumé's text is not kept here or anywhere else; only these answers.",
        "schema_version: 1",
    ]
    if f.experience_years is None:
        years_note = "the quiz's default: no job dates found; change it"
    else:
        dates = ", ".join(f"{j.text} (line {j.line})" for j in f.jobs[:6])
        years_note = f"job dates, overlaps counted once: {dates}"
    out.append(f"experience_years: {answers['experience_years']}  # {_comment(years_note)}")
    if "level" in answers and f.level is not None:
        out.append(f"level: {answers['level']}  # line {f.level.line}: {_comment(f.level.evidence)}")
    out.append("education:")
    edu = answers["education"]
    where = (
        f"line {f.degree.line}: {_comment(f.degree_line)}"
        if f.degree
        else "the quiz's default: no degree found; change it"
    )
    out.append(f"  degree: {edu['degree']}  # {where}")
    if "field" in edu:
        out.append(f"  field: {json.dumps(edu['field'], ensure_ascii=False)}")
    if edu.get("mba"):
        out.append("  mba: true")
    if not f.skills:
        out.append("skills: {}  # no skill from the catalog found; add yours (skill: 1-5)")
    else:
        out.append("skills:  # 1 (basic) .. 5 (expert)")
        for s in f.skills:
            mark = "confirm: " if s.confirm else ""
            note = f"{mark}{s.basis}; line {s.line}: {s.evidence}"
            out.append(f"  {s.skill}: {s.proficiency}  # {_comment(note)[:200]}")
    out.append(f"# Not in the résumé, left to the quiz's defaults: {', '.join(defaults)}")
    return "\n".join(out) + "\n"


def defaults_said(defaults: list[str]) -> dict[str, Any]:
    """The quiz's default for each key the résumé did not give, for the output's list."""
    return {key: QUIZ_DEFAULTS[key] for key in defaults}


def level_label(level: str) -> str:
    return vocab.LEVEL_LABELS.get(level, level)


class QuizStart:
    """What `quiz --resume` starts from: the résumé's answers and the defaults filling the rest."""

    def __init__(self, found: Findings) -> None:
        self.found = found
        self.answers, self.defaults = to_answers(found)

    @property
    def said(self) -> dict[str, Any]:
        """Only what the résumé says (no defaults): the interactive quiz's pre-filled values."""
        said = {k: v for k, v in self.answers.items() if k not in self.defaults}
        if "education.degree" in self.defaults:
            said.pop("education", None)
        return said

    def summary(self) -> dict[str, Any]:
        """The `resume` key of `quiz --resume --json`."""
        return {
            "file": self.found.file,
            "from_resume": [
                k for k in ("experience_years", "level", "education", "skills") if k in self.said
            ],
            "defaults": defaults_said(self.defaults),
            "warnings": list(self.found.warnings),
        }

    def note(self) -> str:
        """The line `quiz --resume` prints above its results."""
        used = "; ".join(f"{k} {v}" for k, v in defaults_said(self.defaults).items())
        warn = "".join(f" Warning: {w}." for w in self.found.warnings)
        return (
            f"From the résumé {self.found.file} (read here, not stored): {len(self.found.skills)} skills, "
            f"degree, years and level where it says them. The quiz's defaults for the rest: {used}.{warn}"
        )
