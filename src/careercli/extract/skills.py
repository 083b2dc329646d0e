"""Catalog skills found in free text (job postings, résumés), with evidence.

`SkillFinder(catalog.skills).find(text)` returns every mention in text order: the skill id,
the text as written, its offsets and whether the posting marks it required or preferred.

How a term matches (a term is a skill's name or one of its aliases, a pack's included):
- case-insensitively, on word boundaries; hyphens, spaces and no separator are alike
  ("Power BI", "power-bi", "PowerBI"), and a trailing plural "s"/"es" is allowed;
- a word glued to the next sentence by a scraper ("PythonMinimum", "skillsPython") still
  has a boundary where lower case turns to upper case;
- terms of one or two characters ("R", "C", "ML", "Go") match only as written or in
  capitals, and a few words that are also ordinary English have context rules
  (`_GUARDS`): "R&D", "excel at", "go-to-market", Azure's "SAS tokens", "C-suite" and
  "Series C" are not skills.

Matching uses an Aho-Corasick automaton (the ahocorasick_rs package) over the lower-cased
text when that package is installed and one compiled regular expression otherwise; both
give the same mentions (benchmarks/skill_extraction.py measures them; see the README's
design notes). Neither is imported before the first `find`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog, Skill


class SkillMention(NamedTuple):
    skill: str  # catalog skill id
    text: str  # the matched text as written
    start: int  # offset in the text given
    end: int
    requirement: str | None  # "required" | "preferred" | None when the posting does not say


class _Term(NamedTuple):
    skill: str
    key: str  # lower case, separators as single spaces
    exact: frozenset[str] | None  # the spellings allowed (short terms), None: any case
    guard: Callable[[str, int, int], bool] | None  # False: an ordinary word here, not the skill


def _key(term: str) -> str:
    return " ".join(term.lower().replace("-", " ").replace("_", " ").split())


# --- context rules for terms that are also ordinary words -----------------------------------


def _ending(space: str, words: tuple[str, ...] = (), free: tuple[str, ...] = ()) -> Callable[[str], bool]:
    r"""A test that a text ends with one of `words` (a word starting there) or of `free`
    (anywhere), in any case, then what the regex `space` matches ("\s*"). It is the search
    `(?:\bword|free)\s*$` as one regex matched at the start of the text reversed: a search
    for the end is tried at every offset of the text, this match at one."""
    backwards = [re.escape(w[::-1]) + r"\b" for w in words] + [re.escape(w[::-1]) for w in free]
    match = re.compile(space + "(?:" + "|".join(backwards) + ")", re.I).match
    return lambda text: match(text[::-1]) is not None


_LIST_BEFORE = _ending(
    r"\s*", ("and", "or", "in", "like", "as", "such as", "with"), (",", "/", "(", ":", ";", "&", "+", "e.g.")
)
_LIST_AFTER = re.compile(
    r"^\s*(?:[,/);&]|and\b|or\b|program|language|lang\b|develop|code|coding|\(?golang)", re.I
)


def _in_list(text: str, start: int, end: int) -> bool:
    """True when a word sits in a list of languages ("Java, Go and Python", "C/C++")."""
    return _LIST_BEFORE(text[max(0, start - 12) : start]) or bool(_LIST_AFTER.match(text[end : end + 14]))


_R_AFTER = re.compile(r"^(?:\s*&|\.\w|-squared|'s\b|\s*\+\s*D\b)")


def _r(text: str, start: int, end: int) -> bool:
    if _R_AFTER.match(text[end : end + 10]):
        return False
    before = text[max(0, start - 3) : start]
    if before.endswith("&") or before.endswith("& ") or before.endswith("."):
        return False
    # "Excel(R)", "SAS(R)": a registered-trademark sign
    return not (
        before.endswith("(") and len(before) >= 2 and before[-2].isalnum() and text[end : end + 1] == ")"
    )


_C_AFTER = re.compile(
    r"^(?:\s*-\s*(?:suite|level|corp|sco)|\+\+|#|\.\w|-\w|\s*&|\s+(?:level|suite|corp)\b)", re.I
)
_C_BEFORE = _ending(
    r"\s*-?\s*", free=("series", "class", "type", "vitamin", "grade", "plan", "part", "section", "tier")
)


def _c(text: str, start: int, end: int) -> bool:
    if _C_AFTER.match(text[end : end + 8]) or _C_BEFORE(text[max(0, start - 10) : start]):
        return False
    return _in_list(text, start, end)


_GO_AFTER = re.compile(
    r"^(?:\s*-?\s*to\b|\s*-?\s*live\b|\s+(?:beyond|above|ahead|pass|all|out|get)\b|®)", re.I
)


def _go(text: str, start: int, end: int) -> bool:
    return not _GO_AFTER.match(text[end : end + 10]) and _in_list(text, start, end)


_SAS_AFTER = re.compile(r"^\s*-?\s*(?:tokens?|url|uri|keys?|signatures?)\b", re.I)


def _sas(text: str, start: int, end: int) -> bool:
    return not _SAS_AFTER.match(text[end : end + 14])


_EXCEL_VERB_AFTER = re.compile(r"^\s+(?:at|in|within|as|on)\b", re.I)
_EXCEL_SUBJECT = _ending(
    r"\s+",
    (
        "to", "can", "will", "you", "they", "we", "who", "help", "helps", "helping", "people", "employees",
        "team", "teams",
    ),
)  # fmt: skip
_EXCEL_END = re.compile(r"^(?:\s*(?:[.!,;]|and\b|$)|\s+[A-Z])")


def _excel(text: str, start: int, end: int) -> bool:
    """ "Excel skills", "in excel." are the spreadsheet; "excel at", "can excel and lead",
    "engage and excel." the verb."""
    after = text[end : end + 12]
    if _EXCEL_VERB_AFTER.match(after):
        return _prev_is_tool_word(text, start)  # "proficient in Excel in a team"
    if not text[start:end].islower():
        return True
    before = text[max(0, start - 12) : start]
    if _EXCEL_SUBJECT(before):
        return False
    return not (before.rstrip().lower().endswith(" and") and _EXCEL_END.match(after))


_TOOL_BEFORE = _ending(r"\s*", free=("microsoft", "ms", "in", "with", "using", "of", "advanced", "strong"))


def _prev_is_tool_word(text: str, start: int) -> bool:
    return _TOOL_BEFORE(text[max(0, start - 12) : start])


def _spark(text: str, start: int, end: int) -> bool:
    """ "spark innovation" is a verb; the engine is written Spark, or listed ("hive, spark")."""
    return not text[start:end].islower() or _in_list(text, start, end)


_TF_IDF = re.compile(r"^\s*-?\s*idf", re.I)


def _tf(text: str, start: int, end: int) -> bool:
    return not _TF_IDF.match(text[end : end + 6])


_LEADERSHIP_OF = re.compile(r"^\s+(?:teams?|group|position|roles?)\b", re.I)


def _leadership(text: str, start: int, end: int) -> bool:
    return not _LEADERSHIP_OF.match(text[end : end + 10])


_NOT_MATH_OPTIMIZATION = _ending(
    r"\s+",
    free=(
        "engine", "conversion", "rate", "site", "query", "performance", "campaign", "seo", "database",
        "process", "cost", "time saving", "web",
    ),
)  # fmt: skip


def _optimization(text: str, start: int, end: int) -> bool:
    """ "site optimization", "query optimization" are not mathematical optimisation."""
    return not _NOT_MATH_OPTIMIZATION(text[max(0, start - 14) : start])


_SOFTWARE_TESTING = _ending(
    r"\s*",
    free=(
        "unit", "integration", "software", "automated", "automation", "load", "performance", "regression",
        "qa", "end to end", "end-to-end", "acceptance", "functional", "system", "api", "code", "and", ",",
    ),
)  # fmt: skip
_NOT_SOFTWARE_TESTING = _ending(
    r"[\s-]*", free=("drug", "stress", "back", "a/b", "ab", "online", "hypothesis", "statistical")
)
_TESTING_AFTER = re.compile(r"\s+(?:framework|tools?)\b")


def _testing(text: str, start: int, end: int) -> bool:
    """Software testing ("unit testing", "QA testing"), not "drug testing" or "stress testing"."""
    before = text[max(0, start - 14) : start]
    if _NOT_SOFTWARE_TESTING(before):
        return False
    return _SOFTWARE_TESTING(before) or bool(_TESTING_AFTER.match(text[end : end + 12]))


_GUARDS: dict[str, Callable[[str, int, int], bool]] = {
    "r": _r,
    "c": _c,
    "go": _go,
    "sas": _sas,
    "excel": _excel,
    "spark": _spark,
    "tf": _tf,
    "leadership": _leadership,
    "optimization": _optimization,
    "optimisation": _optimization,
    "testing": _testing,
}


def _terms(skills: Mapping[str, Skill]) -> list[_Term]:
    terms: dict[tuple[str, str], _Term] = {}
    for skill in skills.values():
        for written in (skill.name, *skill.aliases):
            key = _key(written)
            if not key:
                continue
            # one or two characters: as written or in capitals, and never in lower case alone
            exact = (
                frozenset({written, written.upper()} - {written.lower()})
                if len(key.replace(" ", "")) <= 2
                else None
            )
            terms.setdefault((skill.id, key), _Term(skill.id, key, exact, _GUARDS.get(key)))
            if " " in key and key.endswith("s") and key[-2] not in "siuy" and not key.endswith("ics"):
                singular = key[:-1]  # "data pipelines" names "data pipeline" too
                terms.setdefault((skill.id, singular), _Term(skill.id, singular, exact, _GUARDS.get(key)))
            glued = key.replace(" ", "")
            parts = key.split()
            if len(parts) == 2 and min(len(p) for p in parts) >= 2 and "/" not in key:
                terms.setdefault((skill.id, glued), _Term(skill.id, glued, exact, _GUARDS.get(key)))
    return list(terms.values())


# --- the two matchers -------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower case with hyphens and line breaks as spaces, the same length as `text`."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ"): ASCII only
        low = text.translate(_ASCII_LOWER)
    low = low.replace("-", " ")
    if "\n" in low:
        low = low.replace("\n", " ")
    if "_" in low or "\t" in low or "\r" in low:
        low = low.replace("_", " ").replace("\t", " ").replace("\r", " ")
    return low


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _left_ok(text: str, low: str, start: int) -> bool:
    if start == 0:
        return True
    prev = low[start - 1]
    if not (prev.isalnum() or prev == "+"):
        return True
    return prev.isalpha() and text[start - 1].islower() and text[start].isupper()


def _right_end(text: str, low: str, key: str, end: int) -> int:
    """Where a match of `key` ending at `end` really ends (a plural taken in), or -1."""
    if end < len(low) and low[end] in "se" and len(key) >= 3:
        if low[end] == "s" and key[-1].isalpha() and _right_ok(text, low, end + 1):
            return end + 1
        if key[-1] in "sxh" and low.startswith("es", end) and _right_ok(text, low, end + 2):
            return end + 2
    return end if _right_ok(text, low, end) else -1


def _right_ok(text: str, low: str, end: int) -> bool:
    if end >= len(low):
        return True
    nxt = low[end]
    if not low[end - 1].isalnum():
        return True  # "C++Higher": the term ends in a sign
    if nxt in "+#":
        return False
    if not nxt.isalnum():
        return True
    # a lost line break: "PythonMinimum", "Operations Research3+ years", "SQLExperience"
    if not text[end - 1].isalpha():
        return False
    if nxt.isdigit() or (text[end - 1].islower() and text[end].isupper()):
        return True
    return (
        text[end - 1].isupper()
        and text[end].isupper()
        and text[end + 1 : end + 2].islower()
        and end > 1
        and text[end - 2].isupper()
    )


_Hit = tuple[int, int, _Term]  # start, minus the end (longest first where starts tie), term
Cue = tuple[int, int, str]  # start, end, "required" | "preferred"


_Chosen = tuple[list[tuple[int, int]], list[_Term]]  # the spans (start, end) and their terms


def _longest_first(hits: list[_Hit]) -> _Chosen:
    """Non-overlapping hits, the longest where they overlap, in text order."""
    # No two hits share a span (the short matcher's terms have at most two letters or digits, the
    # others at least three, and each matcher finds a span once), so the terms are never
    # compared: a plain sort orders by (start, longest), without a key call per hit.
    hits.sort()
    spans: list[tuple[int, int]] = []
    terms: list[_Term] = []
    last_end = -1
    for start, minus_end, term in hits:
        if start >= last_end:
            last_end = -minus_end
            spans.append((start, last_end))
            terms.append(term)
    return spans, terms


class _ShortMatcher:
    """Terms of one or two characters ("R", "C", "ML"), matched as written or in capitals by
    one small regex: in an automaton they would match inside nearly every word."""

    def __init__(self, terms: list[_Term]) -> None:
        self._by_text: dict[str, list[_Term]] = {}
        for term in terms:
            for spelling in term.exact or ():
                self._by_text.setdefault(spelling, []).append(term)
        body = "|".join(re.escape(s) for s in sorted(self._by_text, key=len, reverse=True))
        self._pattern = re.compile(
            r"(?:" + body + r")(?:(?![A-Za-z0-9+#])|(?<=[a-z])(?=[A-Z])|(?<=[A-Z][A-Z])(?=[A-Z][a-z]))"
        )

    def hits(self, text: str, found: list[_Hit]) -> None:
        for m in self._pattern.finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "+&"):
                continue  # no glued-sentence boundary for one or two letters: "LookML", "AD&D"
            end = m.end()
            for term in self._by_text[m.group(0)]:
                if term.guard is None or term.guard(text, start, end):
                    found.append((start, -end, term))
                    break


def _split_terms(terms: list[_Term]) -> tuple[list[_Term], dict[str, list[_Term]]]:
    short: list[_Term] = []
    by_key: dict[str, list[_Term]] = {}
    for term in terms:
        if term.exact is not None:
            short.append(term)
        else:
            by_key.setdefault(term.key, []).append(term)
    return short, by_key


_ALNUM_PLUS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+")
_ALNUM_PLUS_HASH = _ALNUM_PLUS | {"#"}  # and any other character whose isalnum() is True


class _AhoMatcher:
    """One automaton pass over the lower-cased text finds the skills' terms, the
    required/preferred cue words and the degree anchor words (careercli.extract.asks)."""

    def __init__(self, terms: list[_Term]) -> None:
        import ahocorasick_rs  # a compiled extension: loaded only when text is searched

        from careercli.extract.asks import DEGREE_ANCHORS
        from careercli.extract.requirement import CUE_WORDS

        short, by_key = _split_terms(terms)
        self._short = _ShortMatcher(short)
        # key -> (its terms, its cue kind, the offsets of its spaces when it is a degree
        # anchor: matched in text where those are spaces, not folded hyphens)
        words: dict[str, tuple[tuple[_Term, ...], str | None, tuple[int, ...] | None]] = {
            key: (tuple(group), None, None) for key, group in by_key.items()
        }
        for kind, cue_words in CUE_WORDS.items():  # "required", "a plus" ...: a cue, not a skill
            for word in cue_words:
                words[word] = ((), kind, None)
        for anchor in DEGREE_ANCHORS:
            group, cue, _ = words.get(anchor, ((), None, None))
            words[anchor] = (group, cue, tuple(i for i, c in enumerate(anchor) if c == " "))
        # each key's value by its index (the automaton gives indexes), with the term taken as
        # it is when the first has no context rule (most do not)
        self._values = [
            (group, cue, spaces, group[0] if group and group[0].guard is None else None)
            for group, cue, spaces in words.values()
        ]
        # overlapping: every key that ends at every place ("kube" inside "kubernetes" too), as
        # the boundary rules below need; a DFA scans fastest (built once, ~4 ms)
        self._automaton = ahocorasick_rs.AhoCorasick(
            list(words),
            matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.DFA,
            store_patterns=False,
        )

    def hits(self, text: str) -> tuple[_Chosen, list[Cue], list[tuple[int, int]] | None]:
        low = _fold(text)
        found: list[_Hit] = []
        cues: list[Cue] = []
        anchors: list[tuple[int, int]] = []
        self._short.hits(text, found)
        n = len(low)
        values = self._values
        for index, start, matched_end in self._automaton.find_matches_as_indexes(low, overlapping=True):
            group, cue, spaces, plain = values[index]
            end = matched_end  # moved past a plural below
            if spaces is not None:  # a degree anchor: the degree reader's window, no boundaries
                if not spaces or all(text[start + i] == " " for i in spaces):  # "master": no generator
                    anchors.append((start, end))
                if not group and cue is None:
                    continue
            if start:  # _left_ok, inline: this loop runs for every automaton match
                prev = low[start - 1]
                if (prev in _ALNUM_PLUS or (prev > "\x7f" and prev.isalnum())) and not (
                    prev.isalpha() and text[start - 1].islower() and text[start].isupper()
                ):
                    continue
            if end < n and ((nxt := low[end]) in _ALNUM_PLUS_HASH or (nxt > "\x7f" and nxt.isalnum())):
                # not at a word's end; inside a word ("require" in "required"): _right_ok's answer, early
                if low[end - 1].isalnum() and text[end].islower() and (cue is not None or nxt not in "se"):
                    continue
                end = _cue_end(text, low, end) if cue else _right_end(text, low, group[0].key, end)
                if end < 0:
                    continue
            if cue is not None:
                cues.append((start, end, cue))
            elif plain is not None:  # the first term, without a context rule: taken
                found.append((start, -end, plain))
            elif (term := _guarded(group, text, start, end)) is not None:
                found.append((start, -end, term))
        return _longest_first(found), cues, anchors


def _cue_end(text: str, low: str, end: int) -> int:
    """A cue word followed by a letter ends there on a lost line break ("a plusPerks"), else -1."""
    return end if _right_ok(text, low, end) else -1


def _guarded(group: tuple[_Term, ...], text: str, start: int, end: int) -> _Term | None:
    """The first term whose context rule takes this place, None: an ordinary word here."""
    for term in group:
        if term.guard is None or term.guard(text, start, end):
            return term
    return None


class _RegexMatcher:
    def __init__(self, terms: list[_Term]) -> None:
        short, self._by_key = _split_terms(terms)
        self._short = _ShortMatcher(short)
        alternatives = sorted(self._by_key, key=len, reverse=True)
        body = "|".join(r"[ \-_\n\t]+".join(re.escape(p) for p in key.split(" ")) for key in alternatives)
        self._pattern = re.compile(
            r"(?:(?<![A-Za-z0-9+])|(?<=[a-z])(?=[A-Z]))(?i:(?:" + body + r")(?:e?s)?)"
            r"(?:(?![A-Za-z0-9+#])|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=[A-Z][A-Z])(?=[A-Z][a-z]))"
        )

    def hits(self, text: str) -> tuple[_Chosen, list[Cue], list[tuple[int, int]] | None]:
        found: list[_Hit] = []
        self._short.hits(text, found)
        for m in self._pattern.finditer(text):
            written = " ".join(m.group(0).lower().replace("-", " ").replace("_", " ").split())
            group = self._by_key.get(written)
            end = m.end()
            if group is None and written.endswith("es") and written[-3:-2] in ("s", "x", "h"):
                group = self._by_key.get(written[:-2])
            if group is None and written.endswith("s"):
                group = self._by_key.get(written[:-1])
            if group is None:
                continue
            for term in group:
                if term.guard is None or term.guard(text, m.start(), end):
                    found.append((m.start(), -end, term))
                    break
        return _longest_first(found), _regex_cues(text), None


@functools.cache
def _cue_pattern() -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, str], ...]]]:
    """One regex of the cue words, and for each word the cue words it starts with."""
    from careercli.extract.requirement import CUE_KIND

    pattern = re.compile("|".join(re.escape(w) for w in sorted(CUE_KIND, key=len, reverse=True)))
    prefixes = {w: tuple((p, k) for p, k in CUE_KIND.items() if w.startswith(p)) for w in CUE_KIND}
    return pattern, prefixes


def _regex_cues(text: str) -> list[Cue]:
    """The cue words the automaton would find, for the regex matcher."""
    pattern, prefixes = _cue_pattern()
    low = _fold(text)
    cues: list[Cue] = []
    for m in pattern.finditer(low):
        start = m.start()
        if start and (low[start - 1].isalnum() or low[start - 1] == "+") and not _left_ok(text, low, start):
            continue
        # "Must HaveBS": the longest word fails at its end, a shorter one ("must") may not
        for word, kind in prefixes[m.group(0)]:
            end = start + len(word)
            if _right_ok(text, low, end):
                cues.append((start, end, kind))
    return cues


def _ahocorasick_available() -> bool:
    try:
        import ahocorasick_rs  # noqa: F401
    except ImportError:
        return False
    return True


class SkillFinder:
    """Finds catalog skills in text; compiled once per catalog (see `finder_for`)."""

    def __init__(self, skills: Mapping[str, Skill], backend: str | None = None) -> None:
        self.terms = _terms(skills)
        if backend is None:
            backend = "ahocorasick" if _ahocorasick_available() else "regex"
        self.backend = backend
        self._matcher: Any = None
        self._marks: Any = None  # careercli.extract.requirement.requirement_at, once compiled

    def _compiled(self) -> Any:
        if self._matcher is None:
            from careercli.extract.requirement import requirement_at  # here, not per text: ~1 µs a call

            self._marks = requirement_at
            self._matcher = (
                _AhoMatcher(self.terms) if self.backend == "ahocorasick" else _RegexMatcher(self.terms)
            )
        return self._matcher

    def find(self, text: str) -> list[SkillMention]:
        """Every mention in `text`, in text order."""
        return self.scan_all(text)[0]

    def scan(self, text: str) -> tuple[list[SkillMention], list[Cue]]:
        """`find`, and the required/preferred cue words of the text (for the years and
        degree readers of careercli.extract.asks, so one pass serves all three)."""
        found, cues, _ = self.scan_all(text)
        return found, cues

    def scan_all(self, text: str) -> tuple[list[SkillMention], list[Cue], list[tuple[int, int]] | None]:
        """`scan`, and the places of the degree reader's anchor words (None: not looked for;
        careercli.extract.asks.degrees_asked then finds them itself)."""
        if not text:
            return [], [], []
        (spans, terms), cues, anchors = self._compiled().hits(text)
        if not spans:
            return [], cues, anchors
        marks = self._marks(text, spans, cues)
        new = tuple.__new__  # SkillMention(...) without its Python-level __new__: one a mention
        found = [
            new(SkillMention, (term.skill, text[start:end], start, end, mark))
            for (start, end), term, mark in zip(spans, terms, marks, strict=True)
        ]
        return found, cues, anchors

    def skills(self, text: str) -> list[str]:
        """The skill ids `text` names, each once, in order of first mention."""
        return list(dict.fromkeys(m.skill for m in self.find(text)))


_FINDERS: dict[int, tuple[Catalog, int, SkillFinder]] = {}


def finder_for(catalog: Catalog) -> SkillFinder:
    """The finder for `catalog`'s skills (a pack's too), built once per catalog."""
    entry = _FINDERS.get(id(catalog))
    if entry is not None and entry[0] is catalog and entry[1] == len(catalog.skills):
        return entry[2]
    finder = SkillFinder(catalog.skills)
    _FINDERS[id(catalog)] = (catalog, len(catalog.skills), finder)
    return finder
