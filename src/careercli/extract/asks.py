"""The years of experience and the degree a posting asks for, with the text they came from.

`years_asked("3+ years of SQL and 5 years of experience", finder)` gives one YearsAsked per
figure: the least years, the most when a range is given ("3-5 years"), and the skill the
figure is about when a catalog skill follows it closely ("3+ years of SQL"), else None
(experience in general). `degrees_asked("Master's required, PhD preferred")` gives one
DegreeAsked per degree named, with required/preferred from the clause or its heading.
`least_years` and `least_degree` sum those up for a job's fit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from careercli.extract.skills import SkillFinder


class YearsAsked(NamedTuple):
    years: int  # the least asked ("3+" -> 3, "3-5" -> 3)
    most: int | None  # the top of a range, None when open
    skill: str | None  # the catalog skill the figure is about, None: experience in general
    text: str
    start: int
    end: int
    requirement: str | None


class DegreeAsked(NamedTuple):
    degree: str  # a careercli.common.vocab DEGREES value: bachelor, master, phd ...
    text: str
    start: int
    end: int
    requirement: str | None


_NUM = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_YEARS = re.compile(
    r"(?<![\d.$])"
    + _NUM
    + r"\s*\+?\s*(?:(?:-|–|to)\s*"
    + _NUM
    + r"\s*\+?\s*)?(?:\(\d+\)\s*)?(?:plus\s+)?years?(?:['’]s?)?"
    r"(?:\s+of)?(?P<tail>[^.;:\n•]{0,70})",
    re.I,
)
_NOT_EXPERIENCE = re.compile(r"^\s*(?:old|ago|in\s+business|of\s+age|warranty|history)\b", re.I)


def _num(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def years_asked(text: str, finder: SkillFinder | None = None) -> list[YearsAsked]:
    """Every "N+ years (of X)" in text, in text order; figures above 30 are dates, not asks."""
    from careercli.extract.requirement import requirement_at

    found: list[tuple[int, int | None, str | None, int, int]] = []
    for m in _YEARS.finditer(text):
        least = _num(m.group(1))
        most = _num(m.group(2)) if m.group(2) else None
        tail = m.group("tail")
        if least > 30 or _NOT_EXPERIENCE.match(tail):
            continue
        skill = None
        end = m.start("tail")
        if finder is not None:
            mentions = finder.find(tail)
            # "3+ years of SQL", "5 years' experience with Python": the first skill close by
            if mentions and mentions[0].start <= 40:
                skill = mentions[0].skill
                end += mentions[0].end
        found.append((least, most, skill, m.start(), end))
    marks = requirement_at(text, [(f[3], f[4]) for f in found])
    return [
        YearsAsked(least, most, skill, text[start:end].strip(), start, end, mark)
        for (least, most, skill, start, end), mark in zip(found, marks, strict=True)
    ]


_DEGREES = re.compile(
    r"\b(?P<phd>ph\.?\s?d\.?s?|doctorate|doctoral(?:\s+degree)?)(?![a-z])"
    r"|\b(?P<master>master(?:['’]?s)?(?:\s+degree)?|m\.s\.|m\.sc\.?|msc|ms(?=\s*(?:/|or|in|degree|,))|mba)\b"
    r"|\b(?P<bachelor>bachelor(?:['’]?s)?(?:\s+degree)?|b\.s\.|b\.a\.|bsc|bs(?=\s*(?:/|or|in|degree|,))"
    r"|ba(?=\s*(?:/|or|in)\s)|undergraduate\s+degree|four[\s-]year\s+degree|4[\s-]year\s+degree)\b"
    r"|\b(?P<associate>associate(?:['’]?s)?\s+degree)\b"
    r"|\b(?P<high_school>high\s+school\s+diploma|ged)\b",
    re.I,
)


def degrees_asked(text: str) -> list[DegreeAsked]:
    """Every degree named in text, in text order, with required/preferred when it says."""
    from careercli.extract.requirement import requirement_at

    hits = [(m.lastgroup or "", m.start(), m.end()) for m in _DEGREES.finditer(text)]
    marks = requirement_at(text, [(s, e) for _, s, e in hits])
    return [
        DegreeAsked(group.replace("_", "-"), text[start:end], start, end, mark)
        for (group, start, end), mark in zip(hits, marks, strict=True)
    ]


_ORDER = ("none", "high-school", "associate", "bachelor", "master", "phd")


def least_degree(asks: list[DegreeAsked]) -> DegreeAsked | None:
    """The lowest degree a posting accepts ("BS/MS in CS" asks a bachelor's), preferring
    the ones not marked preferred ("Master's required, PhD preferred" asks a master's)."""
    if not asks:
        return None
    firm = [a for a in asks if a.requirement != "preferred"] or asks
    return min(firm, key=lambda a: _ORDER.index(a.degree))


def least_years(asks: list[YearsAsked]) -> YearsAsked | None:
    """The general experience a posting asks (the figure not tied to a skill, else the
    largest of the per-skill ones), None when it names no years."""
    general = [a for a in asks if a.skill is None and a.requirement != "preferred"]
    pool = general or [a for a in asks if a.requirement != "preferred"] or asks
    return max(pool, key=lambda a: a.years) if pool else None
