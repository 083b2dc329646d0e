"""Whether a posting marks a place in its text as required or preferred.

A posting says so in the clause itself ("Python required", "Spark is a plus", "Go is nice
but not required") or in a heading that opens a section ("Preferred Qualifications",
"Requirements:", "Nice to have", "Bonus points"). A clause's own word wins over its
section's; a new heading of any kind ("Responsibilities:", "Benefits") ends a section.
Scraped postings often lose their line breaks ("skillsPreferred"), so a lower-to-upper
case change counts as a clause break too, except inside a matched skill ("TensorFlow").
"""

from __future__ import annotations

import bisect
import re

PREFERRED = re.compile(
    r"\b(?:preferred|preferably|prefer|nice[\s-]+to[\s-]+haves?|(?:is\s+)?an?\s+(?:big\s+|huge\s+)?plus|pluses"
    r"|bonus|desired|desirable|ideally|not\s+required|helpful|advantageous|an\s+advantage|optional"
    r"|would\s+be\s+great|good\s+to\s+have)\b",
    re.I,
)
REQUIRED = re.compile(
    r"\b(?:required|requires?|requirements?|must(?:[\s-]+haves?)?|minimum|basic\s+qualifications"
    r"|essential|mandatory|needed|need\s+to\s+have)\b",
    re.I,
)
_BREAK = re.compile(
    r"(?<!\.[A-Za-z])\.(?=\s|[A-Z][a-z]|$)\s*|[;!?•·\u2022\n\r|]+\s*|(?<=[a-z)])(?=[A-Z][a-z])|\s{3,}"
)
_HEADING = re.compile(
    r"^\s*(?:about|benefits|perks|responsibilities|what\s+you(?:'|’)?ll\s+do|what\s+we\s+offer|who\s+we\s+are"
    r"|the\s+role|job\s+description|duties|compensation|why\s+join|our\s+team|overview|summary)\b",
    re.I,
)
_SECTION_SPAN = 25  # clauses a heading's word reaches at most


def _clauses(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Start offsets of the clauses of `text`, none falling inside a span."""
    starts = [0]
    span_i = 0
    for m in _BREAK.finditer(text):
        at = m.end() if m.group(0) else m.start()
        while span_i < len(spans) and spans[span_i][1] <= at:
            span_i += 1
        if span_i < len(spans) and spans[span_i][0] < at < spans[span_i][1]:
            continue
        if at > starts[-1]:
            starts.append(at)
    return starts


def _cues(clause: str) -> list[tuple[int, str]]:
    """(offset, "required" | "preferred") of each cue word; "not required" is preferred."""
    preferred = [(m.start(), m.end()) for m in PREFERRED.finditer(clause)]
    cues = [(a, "preferred") for a, _ in preferred]
    for m in REQUIRED.finditer(clause):
        if not any(a <= m.start() < b for a, b in preferred):
            cues.append((m.start(), "required"))
    return sorted(cues)


def _cue(clause: str) -> str | None:
    cues = _cues(clause)
    if not cues:
        return None
    return "preferred" if any(kind == "preferred" for _, kind in cues) else "required"


def _cue_for(cues: list[tuple[int, str]], at: int) -> str | None:
    """One kind of cue in the clause: it covers the clause ("Python, R or SAS preferred").
    Both kinds ("Master's required, PhD preferred"): the first cue after the mention, else
    the last before it."""
    if not cues:
        return None
    kinds = {kind for _, kind in cues}
    if len(kinds) == 1:
        return cues[0][1]
    after = [kind for pos, kind in cues if pos >= at]
    return after[0] if after else cues[-1][1]


def requirement_at(text: str, spans: list[tuple[int, int]]) -> list[str | None]:
    """For each (start, end) span in text order: "required", "preferred" or None."""
    starts = _clauses(text, spans)
    bounds = [*starts, len(text)]
    marks: list[str | None] = []
    section_cache: dict[int, str | None] = {}
    for start, _end in spans:
        i = bisect.bisect_right(starts, start) - 1
        clause = text[bounds[i] : bounds[i + 1]]
        mark = _cue_for(_cues(clause), start - bounds[i])
        if mark is None:
            if i not in section_cache:
                section_cache[i] = _section(text, bounds, i)
            mark = section_cache[i]
        marks.append(mark)
    return marks


def _section(text: str, bounds: list[int], i: int) -> str | None:
    """The word of the nearest heading above clause i, unless another heading intervenes."""
    for j in range(i - 1, max(-1, i - 1 - _SECTION_SPAN), -1):
        clause = text[bounds[j] : bounds[j + 1]]
        short = len(clause.split()) <= 5
        if not short:
            continue
        if _HEADING.match(clause):
            return None
        mark = _cue(clause)
        if mark is not None:
            return mark
    return None
