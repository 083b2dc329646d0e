"""What a posting asks for: the catalog skills in its text (required or preferred when it
says), the years of experience and the degree, each with the text it was found in.

`read_asks` runs careercli.extract over a posting's title, description, qualifications
and tags; the job store keeps the result in three compact columns (`encode`, `decode`)
and its evidence as JSON, and `jobs --json` prints it as `skills` and `skill_evidence`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog
    from careercli.extract.skills import SkillFinder

_MARK = {"required": "r", "preferred": "p", None: ""}
_UNMARK = {"r": "required", "p": "preferred", "": None}


class Evidence(NamedTuple):
    skill: str  # a catalog skill id
    text: str  # as the posting writes it
    requirement: str | None  # "required" | "preferred" | None
    field: str  # title | description | qualifications | tags


class Asks(NamedTuple):
    skills: tuple[tuple[str, str | None], ...]  # (skill id, requirement), in order of first mention
    years: int | None = None  # the least years of experience asked, None: not said
    degree: str | None = None  # the least degree asked (vocab DEGREES), None: not said
    evidence: tuple[Evidence, ...] = ()  # one per skill (its first mention); empty on light jobs
    years_text: str = ""
    degree_text: str = ""
    length: int = 0  # characters of text read: a long posting naming no skill says it is off-field

    @property
    def skill_ids(self) -> tuple[str, ...]:
        return tuple(s for s, _ in self.skills)


NO_ASKS = Asks(())


def read_asks(
    finder: SkillFinder,
    title: str,
    description: str,
    qualifications: str = "",
    tags: Sequence[str] = (),
    tag_skills: Iterable[str] = (),
) -> Asks:
    """The skills, years and degree a posting asks. `tag_skills` are the catalog ids its
    tags resolved to (their evidence is the tag)."""
    from careercli.extract.asks import degrees_asked, least_degree, least_years, years_asked

    marks: dict[str, str | None] = {}
    evidence: dict[str, Evidence] = {}
    body = f"{description}\n{qualifications}" if qualifications else description
    found, cues, anchors = finder.scan_all(body)  # one pass over the text serves skills, years, degree
    split = len(description)
    for m in finder.find(title):
        _note(marks, evidence, Evidence(m.skill, m.text, m.requirement, "title"))
    for skill, written, start, _, mark in found:
        old = marks.get(skill, "unset")  # _note, inline: the Evidence made only when it is kept
        if (
            old == "unset"
            or (mark == "required" and old != "required")
            or (old is None and mark == "preferred")
        ):
            marks[skill] = mark
            field = "description" if start < split else "qualifications"
            evidence[skill] = Evidence(skill, written, mark, field)
    tag_text = dict(zip(tag_skills, tags, strict=False))
    for skill in tag_skills:
        _note(marks, evidence, Evidence(skill, tag_text.get(skill, skill), None, "tags"))
    years = least_years(years_asked(body, mentions=found, cues=cues))
    degree = least_degree(degrees_asked(body, cues=cues, anchors=anchors))
    return Asks(
        tuple(marks.items()),
        years.years if years else None,
        degree.degree if degree else None,
        tuple(evidence.values()),
        years.text if years else "",
        degree.text if degree else "",
        len(description) + len(qualifications),
    )


def _note(marks: dict[str, str | None], evidence: dict[str, Evidence], e: Evidence) -> None:
    old = marks.get(e.skill, "unset")
    if old == "unset":
        marks[e.skill] = e.requirement
        evidence[e.skill] = e
    elif e.requirement == "required" and old != "required":
        marks[e.skill] = "required"  # required anywhere is required
        evidence[e.skill] = e
    elif old is None and e.requirement == "preferred":
        marks[e.skill] = "preferred"
        evidence[e.skill] = e


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps's, made once


def encode(asks: Asks) -> tuple[str, int | None, str | None, str]:
    """The store's columns: asked (" python:r sql: spark:p ", a space each side so that SQL
    finds " sql: " with instr), years, degree, evidence JSON."""
    asked = f" {' '.join(f'{s}:{_MARK[r]}' for s, r in asks.skills)} " if asks.skills else ""
    evidence = _JSON.encode(
        {
            "skills": [[e.skill, e.text, _MARK[e.requirement], e.field] for e in asks.evidence],
            "years": asks.years_text,
            "degree": asks.degree_text,
        }
    )
    return asked, asks.years, asks.degree, evidence


def store_columns(asks: Asks) -> tuple[object, ...]:
    """The job store's columns for a posting's asks: `encode`'s four, extracted (1), the
    length of its text and job_fit's weight and own share (careercli.jobs.store)."""
    from careercli.jobs.job_fit import weight_and_own

    return (*encode(asks), 1, asks.length, *weight_and_own(asks))


def decode(
    asked: str, years: int | None, degree: str | None, evidence: str | None = None, length: int = 0
) -> Asks:
    skills = tuple((s, _UNMARK.get(r)) for s, _, r in (item.partition(":") for item in asked.split()))
    if not evidence:
        return Asks(skills, years, degree, length=length)
    data: dict[str, Any] = json.loads(evidence)
    found = tuple(Evidence(str(s), str(t), _UNMARK.get(r), str(f)) for s, t, r, f in data.get("skills", []))
    return Asks(skills, years, degree, found, str(data.get("years", "")), str(data.get("degree", "")), length)


def asks_for(catalog: Catalog, title: str, description: str, skills: Sequence[str] = ()) -> Asks:
    """A bundled or pack job's asks: its listed skills (as tags) and what its text names."""
    from careercli.extract.skills import finder_for

    listed = [s for s in skills if s in catalog.skills]
    return read_asks(finder_for(catalog), title, description, "", listed, listed)


def evidence_dicts(asks: Asks | None) -> list[dict[str, Any]]:
    """`skill_evidence` in `jobs --json`: one per skill asked, with the text that names it."""
    if asks is None:
        return []
    return [
        {"skill": e.skill, "text": e.text, "requirement": e.requirement, "field": e.field}
        for e in asks.evidence
    ]
