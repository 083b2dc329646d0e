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
from typing import Any

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
# A full stop ends a clause, but not in "3.5", "Node.js", "Ph.D.", "e.g.". The other
# punctuation that ends a clause is found with str.find (a regex scans every character).
_PUNCT = ";!?*\u2022\u00b7\n\r|"
_STOP = re.compile(r"\.(?<!\.[A-Za-z]\.)(?=\s|$|[A-Z](?!\.))")
# A lower-to-upper case change ("skillsPreferred"; ")" counts as lower case) is found in a
# byte string of letter classes (a for a lower-case letter or ")", A for a capital, space for
# the rest): one bytes.find loop instead of a regex over every capital.
_CLASSES = bytes(
    ord("a") if 97 <= c <= 122 or c == 41 else ord("A") if 65 <= c <= 90 else 32 for c in range(256)
)
_HEADING = re.compile(
    r"\s*(?:about|benefits|perks|responsibilities|what\s+you(?:'|’)?ll\s+do|what\s+we\s+offer|who\s+we\s+are"
    r"|the\s+role|job\s+description|duties|compensation|why\s+join|our\s+team|overview|summary)\b",
    re.I,
)
_SECTION_SPAN = 25  # clauses a heading's word reaches at most


_LAST: list[object] = [None, (), (), ()]  # the last text's breaks: punctuation, case changes, both


def _places(text: str, chars: str) -> list[int]:
    """The offset after every place of each character, in order."""
    out: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            out.append(at + 1)
            at = text.find(char, at + 1)
    if len(out) > 1:
        out.sort()
    return out


def _case_changes(text: str) -> list[int]:
    """Where a lower-case letter (or ")") is followed by a capital and a lower-case letter:
    the capital's offset, in order."""
    classes = text.encode("ascii", "replace").translate(_CLASSES)  # one byte a character
    out: list[int] = []
    at = classes.find(b"aAa")
    while at >= 0:
        if text[at + 2] != ")":  # ")" is lower case only before the capital
            out.append(at + 1)
        at = classes.find(b"aAa", at + 1)
    return out


def _raw_breaks(text: str) -> tuple[list[int], list[int], list[int]]:
    """The text's full-stop-like breaks, its lower-to-upper case changes and both in order,
    kept for the last text: the skills, years and degree of one posting ask for the same
    text in turn."""
    if _LAST[0] is not text:
        punct = _places(text, _PUNCT)
        stops = [m.end() for m in _STOP.finditer(text)]
        if stops:
            punct = sorted(punct + stops) if punct else stops
        camel = _case_changes(text)
        _LAST[:] = [text, [0, *punct], camel, [0, *sorted(punct + camel)] if camel else [0, *punct]]
    return _LAST[1], _LAST[2], _LAST[3]  # type: ignore[return-value]


def _breaks(text: str, spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Start offsets of the clauses of `text` (the first 0), none falling inside a span, and
    the clause of each span. The list is shared (the same for every call on the text whose
    spans hold no break): not to be changed."""
    punct, camel, both = _raw_breaks(text)
    at = both if camel else punct
    clauses: list[int] = []
    last = 0
    for start, end in spans:
        i = bisect.bisect_right(at, start)
        # a later span removes only breaks after its own start: this clause is final
        clauses.append(i - 1)
        if start < last:  # not in text order: the clauses found again below
            clauses = []
        last = start
        if camel and i < len(at) and at[i] < end:  # no break inside a skill: "TensorFlow"
            if at is both:
                at = list(both)
            del at[i : bisect.bisect_left(at, end, i)]
    if len(clauses) < len(spans):
        clauses = [bisect.bisect_right(at, start) - 1 for start, _ in spans]
    return at, clauses


_CLEANED: list[object] = [None, []]  # the last cue list given and its _clean


def _clean(cues: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """Cues in text order; a "required" inside a "preferred" ("not required") dropped.
    Kept for the last list: a posting's skills, years and degree pass the same one."""
    if _CLEANED[0] is not cues:
        _CLEANED[:] = [cues, _cleaned(cues)]
    return _CLEANED[1]  # type: ignore[return-value]


def _cleaned(cues: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    kept: list[tuple[int, str]] = []
    last: tuple[int, str] | None = None
    covered = -1  # the end of the last "preferred" seen, sweeping in text order
    # Sorted as they are, by start and end: two cues at one place are words of one kind
    # (one starts the other, and no cue word starts a word of the other kind), so this is
    # the order by start and kind. Repeats of a place are neighbours: each kept once.
    for a, b, kind in sorted(cues):
        if kind == "preferred":
            covered = max(covered, b)
        elif a < covered:  # a "required" inside a "preferred" ("not required")
            continue
        if last is None or last[0] != a:
            last = (a, kind)
            kept.append(last)
    return kept


def requirement_at(
    text: str, spans: list[tuple[int, int]], cues: list[tuple[int, int, str]] | None = None
) -> list[str | None]:
    """For each (start, end) span in text order: "required", "preferred" or None.

    `cues` are the cue words already found in the text (None: find them here).

    A clause's mark: with one kind of cue in it, that kind ("Python, R or SAS preferred");
    with both, the first after the mention, else the last before it; with none, the
    heading's above it (_section)."""
    if cues is None:
        from careercli.extract.skills import _regex_cues

        cues = _regex_cues(text)
    if not cues:
        return [None] * len(spans)
    starts, where = _breaks(text, spans)
    in_clause, kinds, sections, headings = _clauses(starts, _clean(cues))
    marks: list[str | None] = []
    for (start, _end), i in zip(spans, where, strict=True):
        mark = kinds.get(i)
        if mark is None:
            if i not in sections:
                if not headings:  # the first clause with no cue of its own: find the headings
                    headings.append(_headings(text, starts, kinds))
                sections[i] = _section(headings[0], i)
            mark = sections[i]
        elif mark is _MIXED:
            mark = next((kind for pos, kind in in_clause[i] if pos >= start), in_clause[i][-1][1])
        marks.append(mark)
    return marks


_MIXED = "mixed"  # not a mark: the clause holds both kinds of cue
_Marks = dict[int, str | None]
_Headings = tuple[list[int], list[str]]  # the clauses that are headings, in order, and their verdicts
_Clauses = tuple[dict[int, list[tuple[int, str]]], dict[int, str], _Marks, list[_Headings]]
_CLAUSES: list[Any] = [None, []]  # the last cues, and (clause starts, _Clauses) for each starts


def _clauses(starts: list[int], cues: list[tuple[int, str]]) -> _Clauses:
    """Each clause's cues in text order, the kind of its cues (_MIXED for both), and room for
    its section's mark and the text's headings (_section). Kept for the last cues: a
    posting's skills, years and degree pass the same, and mostly the same starts."""
    if _CLAUSES[0] is not cues:
        _CLAUSES[:] = [cues, []]
    for known, clauses in _CLAUSES[1]:
        if known is starts or known == starts:
            return clauses  # type: ignore[no-any-return]
    in_clause: dict[int, list[tuple[int, str]]] = {}
    kinds: dict[int, str] = {}
    for cue in cues:
        i = bisect.bisect_right(starts, cue[0]) - 1
        kind = kinds.get(i)
        if kind is None:
            kinds[i] = cue[1]
            in_clause[i] = [cue]
        else:
            in_clause[i].append(cue)
            if kind != cue[1]:
                kinds[i] = _MIXED
    found: _Clauses = (in_clause, kinds, {}, [])
    _CLAUSES[1].append((starts, found))
    return found


def _headings(text: str, starts: list[int], kinds: dict[int, str]) -> _Headings:
    """The clauses that are headings (_heading), in order, and their verdicts: found once for
    the text's clauses, so each clause's section is a bisect, not a walk upwards."""
    at: list[int] = []
    verdicts: list[str] = []
    for j in range(len(starts) - 1):  # the last clause is above none
        # most clauses are too long to be headings: that test here, without a call
        if starts[j + 1] - starts[j] <= _HEADING_LEN and (verdict := _heading(text, starts, kinds, j)):
            at.append(j)
            verdicts.append(verdict)
    return at, verdicts


def _section(headings: _Headings, i: int) -> str | None:
    """The word of the nearest heading above clause i, unless another heading intervenes.
    A heading is a clause of at most five words, and reaches _SECTION_SPAN clauses down."""
    at, verdicts = headings
    k = bisect.bisect_left(at, i) - 1  # the nearest heading above clause i
    if k < 0 or at[k] < i - _SECTION_SPAN:
        return None
    verdict = verdicts[k]
    return None if verdict is _OTHER else verdict


_OTHER = "other"  # a heading of another kind ("Responsibilities:"): the section ends
_HEADING_LEN = 60  # characters of a heading at most


def _heading(text: str, starts: list[int], kinds: dict[int, str], j: int) -> str | None:
    """Clause j as a heading: its kind, _OTHER for another heading, None: not a heading."""
    lo = starts[j]
    hi = starts[j + 1]  # j is above a clause: never the last
    if hi - lo > _HEADING_LEN or text.count(" ", lo, hi) > 5:
        return None
    if _HEADING.match(text, lo, hi):
        return _OTHER
    kind = kinds.get(j)
    if kind is None:
        return None
    return "required" if kind == "required" else "preferred"
