"""The years of experience and the degree a posting asks for, with the text they came from.

`years_asked("3+ years of SQL and 5 years of experience", finder)` gives one YearsAsked per
figure: the least years, the most when a range is given ("3-5 years"), and the skill the
figure is about when a catalog skill follows it closely ("3+ years of SQL"), else None
(experience in general). `degrees_asked("Master's required, PhD preferred")` gives one
DegreeAsked per degree named, with required/preferred from the clause or its heading.
`least_years` and `least_degree` sum those up for a job's fit.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from careercli.extract.skills import SkillFinder, SkillMention


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
_WORDS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
# Both patterns are matched on lower-cased text (_lower), and only in windows around their
# anchor words (found with str.find, which is far faster than a regex scanning every place).
_YEARS = re.compile(  # the look-ahead, a figure's first character, skips most places at once
    r"(?=[\dotfsen])(?<![\d.$])"
    + _NUM
    + r"\s*\+?\s*(?:(?:-|–|to)\s*"
    + _NUM
    + r"\s*\+?\s*)?(?:\(\d+\)\s*)?(?:plus\s+)?years?(?:['’]s?)?"
    r"(?:\s+of)?(?P<tail>[^.;:\n•]{0,70})"
)
_NOT_EXPERIENCE = re.compile(r"^\s*(?:old|ago|in\s+business|of\s+age|warranty|history)\b")
_DEGREES = re.compile(  # the look-ahead: the first letters of them all (skips most places)
    r"(?=[abdfghmpu4])(?:\b(?P<phd>ph\.?\s?d\.?s?|doctorate|doctoral(?:\s+degree)?)(?![a-z])"
    r"|\b(?P<master>master(?:['’]?s)?(?:\s+degree)?|m\.s\.|m\.sc\.?|msc|ms(?=\s*(?:/|or|in|degree|,))|mba)\b"
    r"|\b(?P<bachelor>bachelor(?:['’]?s)?(?:\s+degree)?|b\.s\.|b\.a\.|bsc|bs(?=\s*(?:/|or|in|degree|,))"
    r"|ba(?=\s*(?:/|or|in)\s)|undergraduate\s+degree|four[\s-]year\s+degree|4[\s-]year\s+degree)\b"
    r"|\b(?P<associate>associate(?:['’]?s)?\s+degree)\b"
    r"|\b(?P<high_school>high\s+school\s+diploma|ged)\b)"
)
DEGREE_ANCHORS = (
    "ph.d", "phd", "ph. d", "ph d", "doctor", "master", "m.s", "msc", "m.sc", "mba", "bachelor", "b.s", "b.a",
    "bsc", "bs/", "bs in", "bs or", "bs,", "bs degree", "ms/", "/ms", "ms in", "ms or", "ms,", "ms degree",
    "ba/", "ba in", "ba or", "undergraduate", "year degree", "associate", "high school", "ged",
)  # fmt: skip
# (the skill finder's automaton finds these in its own pass: SkillFinder.scan_all)
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


_LOWER: list[str] = ["", ""]  # the last text and its _lower: a posting's years, then its degrees


def _lower(text: str) -> str:
    """Lower case, the same length as `text`, so offsets carry over."""
    if _LOWER[0] is not text:
        low = text.lower()
        _LOWER[:] = [text, low if len(low) == len(text) else text.translate(_ASCII_LOWER)]
    return _LOWER[1]


def _anchored(
    pattern: re.Pattern[str],
    low: str,
    anchors: Sequence[str],
    before: int,
    after: int,
    places: Sequence[tuple[int, int]] | None = None,
) -> list[re.Match[str]]:
    """The matches of `pattern` in windows around each anchor word, once each, in order.
    `places`: every (start, end) of every anchor word in `low`, when already found."""
    n = len(low)
    automaton = _automaton(tuple(anchors)) if len(anchors) > 1 and places is None else None
    if places is not None:
        spans = [(max(0, start - before), min(n, end + after)) for start, end in places]
    elif automaton is not None:  # every place of every anchor word, as the str.find loop gives
        spans = [
            (max(0, start - before), min(n, end + after))
            for _, start, end in automaton.find_matches_as_indexes(low, overlapping=True)
        ]
    else:
        spans = []
        for anchor in anchors:
            at = low.find(anchor)
            while at >= 0:
                spans.append((max(0, at - before), min(n, at + len(anchor) + after)))
                at = low.find(anchor, at + 1)
    if not spans:
        return []
    spans.sort()
    merged = [list(spans[0])]
    for lo, hi in spans[1:]:
        if lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    found: dict[int, re.Match[str]] = {}
    for lo, hi in merged:
        for m in pattern.finditer(low, lo, hi):
            found.setdefault(m.start(), m)
    return [found[k] for k in sorted(found)]


@functools.cache
def _automaton(anchors: tuple[str, ...]) -> Any:
    """An Aho-Corasick automaton of the anchor words (one compiled pass instead of a
    str.find per word, 35 for the degrees), None without the ahocorasick_rs package."""
    try:
        import ahocorasick_rs
    except ImportError:
        return None
    return ahocorasick_rs.AhoCorasick(anchors, matchkind=ahocorasick_rs.MatchKind.Standard)


def _num(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word]


def years_asked(
    text: str,
    finder: SkillFinder | None = None,
    *,
    mentions: Sequence[SkillMention] | None = None,
    cues: list[tuple[int, int, str]] | None = None,
) -> list[YearsAsked]:
    """Every "N+ years (of X)" in text, in text order; figures above 30 are dates, not asks.

    The skill a figure is about is the first catalog skill within 40 characters after it
    ("3+ years of SQL"), from `mentions` (the finder's over the same text, with `cues`, as
    SkillFinder.scan gives them) or from `finder`."""
    from careercli.extract.requirement import requirement_at

    low = _lower(text)
    if "year" not in low:
        return []
    if mentions is None and finder is not None:
        mentions, cues = finder.scan(text)
    starts = [m.start for m in mentions or ()]
    found: list[tuple[int, int | None, str | None, int, int]] = []
    for m in _anchored(_YEARS, low, ("year",), 30, 80):
        least = _num(m.group(1))
        most = _num(m.group(2)) if m.group(2) else None
        if least > 30 or _NOT_EXPERIENCE.match(m.group("tail")):
            continue
        skill = None
        end = m.start("tail")
        i = bisect.bisect_left(starts, end)
        if mentions and i < len(starts) and starts[i] <= end + 40 and starts[i] < m.end():
            skill = mentions[i].skill
            end = mentions[i].end
        found.append((least, most, skill, m.start(), end))
    if not found:
        return []
    marks = requirement_at(text, [(f[3], f[4]) for f in found], cues)
    return [
        YearsAsked(least, most, skill, text[start:end].strip(), start, end, mark)
        for (least, most, skill, start, end), mark in zip(found, marks, strict=True)
    ]


def degrees_asked(
    text: str,
    *,
    cues: list[tuple[int, int, str]] | None = None,
    anchors: Sequence[tuple[int, int]] | None = None,
) -> list[DegreeAsked]:
    """Every degree named in text, in text order, with required/preferred when it says.
    `cues` and `anchors`: the finder's cue words and degree anchor words of the same text
    (SkillFinder.scan_all), else found here."""
    from careercli.extract.requirement import requirement_at

    hits = [
        (m.lastgroup or "", m.start(), m.end())
        for m in _anchored(_DEGREES, _lower(text), DEGREE_ANCHORS, 2, 30, anchors)
    ]
    if not hits:
        return []
    marks = requirement_at(text, [(s, e) for _, s, e in hits], cues)
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
