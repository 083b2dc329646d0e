"""Whether a posting marks a place in its text as required or preferred.

A posting says so in the clause itself ("Python required", "Spark is a plus", "Go is nice
but not required") or in a heading that opens a section ("Preferred Qualifications",
"Requirements:", "Nice to have", "Bonus points"). A clause's own word wins over its
section's; a new heading of another kind ("Responsibilities:", "Benefits") ends a section.
When a clause holds both kinds ("Master's required, PhD preferred") a mention takes the
first cue after it. Scraped postings often lose their line breaks ("skillsPreferred"), so
a lower-to-upper case change counts as a clause break too, except inside a matched skill
("TensorFlow").

The cue words are found by the skill matcher's own pass over the lower-cased text (see
careercli.extract.skills), with the same boundary rules as skills.
"""

from __future__ import annotations

import bisect
import re

CUE_WORDS: dict[str, tuple[str, ...]] = {
    "preferred": (
        "preferred", "preferably", "prefer", "nice to have", "nice to haves", "a plus", "an plus",
        "a big plus", "a huge plus", "pluses", "bonus", "desired", "desirable", "ideally",
        "not required", "helpful", "advantageous", "an advantage", "optional", "would be great",
        "good to have", "not necessary",
    ),
    "required": (
        "required", "requires", "require", "requirement", "requirements", "must", "must have",
        "must haves", "minimum", "basic qualifications", "essential", "mandatory", "needed",
        "need to have",
    ),
}  # fmt: skip
CUE_KIND = {word: kind for kind, words in CUE_WORDS.items() for word in words}
# A full stop ends a clause, but not in "3.5", "Node.js", "Ph.D.", "e.g.".
# Two patterns, one a plain character class, are twice as fast as their alternation.
_PUNCT = re.compile(r"[;!?*\u2022\u00b7\n\r|]")
_STOP = re.compile(r"\.(?<!\.[A-Za-z]\.)(?=\s|$|[A-Z](?!\.))")
_CAMEL = re.compile(r"[A-Z](?<=[a-z)][A-Z])(?=[a-z])")  # upper case first: the scan skips to capitals
_HEADING = re.compile(
    r"\s*(?:about|benefits|perks|responsibilities|what\s+you(?:'|’)?ll\s+do|what\s+we\s+offer|who\s+we\s+are"
    r"|the\s+role|job\s+description|duties|compensation|why\s+join|our\s+team|overview|summary)\b",
    re.I,
)
_SECTION_SPAN = 25  # clauses a heading's word reaches at most


_LAST: list[object] = [None, (), (), ()]  # the last text's breaks: punctuation, case changes, both


def _raw_breaks(text: str) -> tuple[list[int], list[int], list[int]]:
    """The text's full-stop-like breaks, its lower-to-upper case changes and both in order,
    kept for the last text: the skills, years and degree of one posting ask for the same
    text in turn."""
    if _LAST[0] is not text:
        punct = [m.end() for m in _PUNCT.finditer(text)]
        stops = [m.end() for m in _STOP.finditer(text)]
        if stops:
            punct = sorted(punct + stops) if punct else stops
        camel = [m.start() for m in _CAMEL.finditer(text)]
        _LAST[:] = [text, punct, camel, sorted(punct + camel) if camel else punct]
    return _LAST[1], _LAST[2], _LAST[3]  # type: ignore[return-value]


def _breaks(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Start offsets of the clauses of `text`, none falling inside a span."""
    punct, camel, both = _raw_breaks(text)
    if not camel:
        return [0, *punct]
    at = list(both)
    for start, end in spans:  # no break inside a skill: "TensorFlow", "PowerPoint"
        i = bisect.bisect_right(at, start)
        while i < len(at) and at[i] < end:
            del at[i]
    return [0, *at]


_CLEANED: list[object] = [None, []]  # the last cue list given and its _clean


def _clean(cues: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """Cues in text order; a "required" inside a "preferred" ("not required") dropped.
    Kept for the last list: a posting's skills, years and degree pass the same one."""
    if _CLEANED[0] is not cues:
        _CLEANED[:] = [cues, _cleaned(cues)]
    return _CLEANED[1]  # type: ignore[return-value]


def _cleaned(cues: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    kept: list[tuple[int, str]] = []
    covered = -1  # the end of the last "preferred" seen, sweeping in text order
    for a, b, kind in sorted(cues, key=lambda c: (c[0], c[2] != "preferred")):
        if kind == "preferred":
            covered = max(covered, b)
            kept.append((a, kind))
        elif a >= covered:
            kept.append((a, kind))
    return sorted(set(kept))


def _cue_for(cues: list[tuple[int, str]], lo: int, hi: int, at: int) -> str | None:
    """The cue of clause [lo, hi) for a mention at `at`: with one kind of cue in the clause
    it covers the clause ("Python, R or SAS preferred"); with both, the first after the
    mention, else the last before it."""
    i = bisect.bisect_left(cues, (lo, ""))
    j = bisect.bisect_left(cues, (hi, ""))
    if i == j:
        return None
    kinds = {kind for _, kind in cues[i:j]}
    if len(kinds) == 1:
        return cues[i][1]
    for pos, kind in cues[i:j]:
        if pos >= at:
            return kind
    return cues[j - 1][1]


def requirement_at(
    text: str, spans: list[tuple[int, int]], cues: list[tuple[int, int, str]] | None = None
) -> list[str | None]:
    """For each (start, end) span in text order: "required", "preferred" or None.

    `cues` are the cue words already found in the text (None: find them here)."""
    if cues is None:
        from careercli.extract.skills import _regex_cues

        cues = _regex_cues(text)
    if not cues:
        return [None] * len(spans)
    ordered = _clean(cues)
    starts = _breaks(text, spans)
    bounds = [*starts, len(text)]
    marks: list[str | None] = []
    clauses: dict[int, str | None] = {}  # clause -> its mark, when it is the same for every span
    for start, _end in spans:
        i = bisect.bisect_right(starts, start) - 1
        mark = clauses.get(i, _MIXED)
        if mark is _MIXED:
            mark = _cue_for(ordered, bounds[i], bounds[i + 1], start)
            if mark is None:
                clauses[i] = mark = _section(text, bounds, ordered, i)
            elif _one_kind(ordered, bounds[i], bounds[i + 1]):
                clauses[i] = mark
        marks.append(mark)
    return marks


_MIXED = "mixed"  # not a mark: the clause holds both kinds of cue


def _one_kind(cues: list[tuple[int, str]], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(cues, (lo, ""))
    j = bisect.bisect_left(cues, (hi, ""))
    return len({kind for _, kind in cues[i:j]}) == 1


def _section(text: str, bounds: list[int], cues: list[tuple[int, str]], i: int) -> str | None:
    """The word of the nearest heading above clause i, unless another heading intervenes.
    A heading is a clause of at most five words."""
    for j in range(i - 1, max(-1, i - 1 - _SECTION_SPAN), -1):
        lo, hi = bounds[j], bounds[j + 1]
        if hi - lo > 60 or text.count(" ", lo, hi) > 5:
            continue
        if _HEADING.match(text, lo, hi):
            return None
        k = bisect.bisect_left(cues, (lo, ""))
        if k < len(cues) and cues[k][0] < hi:
            kinds = {kind for pos, kind in cues[k : bisect.bisect_left(cues, (hi, ""))]}
            return "preferred" if "preferred" in kinds else "required"
    return None
