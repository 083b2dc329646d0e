"""Skills a résumé names, with the line that names them and a proficiency estimated from how
the résumé says it: years stated with it, "expert" or "familiar with", how often, how recent.

A stated level ("expert in Python", "SQL (5 years)") is taken as said; anything else starts
at 3 (working) and is marked `confirm`: a guess the person should check, never a claim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog
    from careercli.extract.skills import SkillMention

DEFAULT = 3
OFTEN = 4  # mentioned on this many lines or more: probably used a lot
STALE_YEARS = 6  # last used in a job that ended this long ago
LONG_YEARS = 6  # used across jobs spanning this long

QUALIFIERS: tuple[tuple[str, int], ...] = (
    (r"expert(?:ise)?|mastery|guru", 5),
    (r"advanced|strong|proficien(?:t|cy)|extensive|deep|fluent|skilled|highly experienced", 4),
    (r"working knowledge|intermediate|solid|good knowledge|hands-on", 3),
    (r"familiar(?:ity)?|basic|basics|exposure|beginner|learning|introductory|some experience|novice", 2),
)
_QUALIFIER = re.compile(
    r"\b(?:" + "|".join(f"(?P<q{level}>{p})" for p, level in QUALIFIERS) + r")\b", re.IGNORECASE
)
_YEARS = re.compile(r"\b(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[.;|•·]\s|[;|•·]")


class SkillFound(NamedTuple):
    skill: str  # catalog id
    name: str
    proficiency: int
    confirm: bool  # an estimate to check, not something the résumé states
    basis: str  # why this proficiency
    line: int  # 1-based line of the evidence
    evidence: str  # that line
    matched: str  # the words that named the skill
    mentions: int  # lines naming it


class Mention(NamedTuple):
    skill: str
    line: int  # 0-based
    start: int  # offset within the line
    end: int
    text: str


def mentions(lines: Sequence[str], catalog: Catalog) -> list[Mention]:
    """Every skill mention, through the posting-skills extraction, placed on its line."""
    text = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out = []
    for m in _find(catalog, text):
        n = bisect.bisect_right(starts, m.start) - 1
        out.append(Mention(m.skill, n, m.start - starts[n], m.end - starts[n], m.text))
    return out


def _find(catalog: Catalog, text: str) -> list[SkillMention]:
    from careercli.extract.skills import finder_for

    return finder_for(catalog).find(text)


def _stated(line: str, start: int, end: int) -> tuple[int, str] | None:
    """The proficiency the line states for the mention at start:end, and the words saying it."""
    after = re.match(r"\s*\(([^)]{1,40})\)", line[end:])
    if after:
        said = _level_in(after[1], nearest="first")
        if said:
            return said
    clause_start = max((m.end() for m in _CLAUSE.finditer(line, 0, start)), default=0)
    next_cut = _CLAUSE.search(line, end)
    clause_end = next_cut.start() if next_cut else len(line)
    return _level_in(line[clause_start:start], nearest="last") or _level_in(line[end:clause_end], "first")


def _level_in(text: str, nearest: str) -> tuple[int, str] | None:
    found: list[tuple[int, int, str]] = []  # (position, level, words)
    for m in _QUALIFIER.finditer(text):
        level = next(int(k[1:]) for k, v in m.groupdict().items() if v)
        found.append((m.start(), level, m[0]))
    for m in _YEARS.finditer(text):
        years = float(m[1])
        level = 5 if years >= 8 else 4 if years >= 3 else 3 if years >= 1 else 2
        found.append((m.start(), level, m[0]))
    if not found:
        return None
    found.sort()
    _, level, words = found[-1] if nearest == "last" else found[0]
    return level, words


def estimate(
    lines: Sequence[str],
    found: Sequence[Mention],
    catalog: Catalog,
    job_of_line: dict[int, tuple[int, int]],
    now: int,
) -> list[SkillFound]:
    """One entry per skill, in order of first mention. `job_of_line` maps a 0-based line to the
    (start, end) months of the job it describes; `now` is this month."""
    by_skill: dict[str, list[Mention]] = {}
    for m in found:
        by_skill.setdefault(m.skill, []).append(m)
    out = []
    for skill, ms in by_skill.items():
        name = catalog.skills[skill].name if skill in catalog.skills else skill
        lines_named = sorted({m.line for m in ms})
        stated = [(s, m) for m in ms if (s := _stated(lines[m.line], m.start, m.end))]
        if stated:
            (level, words), m = max(stated, key=lambda x: x[0][0])
            out.append(SkillFound(skill, name, level, False, f'stated: "{words}"', m.line + 1,
                                  lines[m.line], m.text, len(lines_named)))  # fmt: skip
            continue
        level, basis = _inferred(lines_named, job_of_line, now)
        first = ms[0]
        out.append(SkillFound(skill, name, level, True, basis, first.line + 1, lines[first.line],
                              first.text, len(lines_named)))  # fmt: skip
    return out


def _inferred(lines_named: list[int], job_of_line: dict[int, tuple[int, int]], now: int) -> tuple[int, str]:
    jobs = {job_of_line[n] for n in lines_named if n in job_of_line}
    if jobs:
        last_end = max(end for _, end in jobs)
        span = sum(end - start for start, end in jobs) / 12
        if now - last_end >= STALE_YEARS * 12:
            return DEFAULT - 1, f"estimate: last used in a job that ended in {last_end // 12}"
        if span >= LONG_YEARS:
            return DEFAULT + 1, f"estimate: used in jobs spanning {span:.0f} years"
    if len(lines_named) >= OFTEN:
        return DEFAULT + 1, f"estimate: named on {len(lines_named)} lines"
    return DEFAULT, "default: the résumé does not say how well"
