"""Speed work on careercli.extract must not change what it finds: a digest of every result
over the real LinkedIn postings (skills with their text, offsets and marks; years and
degrees asked; the job's asks), by both matchers, pinned here.

The digest was taken before the issue-15 follow-up's speed changes. A deliberate change
to what is found (a catalog skill added, a rule changed) changes it: rerun this file with
`-s` and pin the digest it prints, saying why in the commit.
"""

from __future__ import annotations

import csv
import hashlib

import pytest
from tests.conftest import SHARED_DATA, needs_shared

from careercli.catalog.loader import load_catalog
from careercli.extract.asks import degrees_asked, years_asked
from careercli.extract.skills import SkillFinder
from careercli.jobs.asks import read_asks

POSTINGS = SHARED_DATA / "job-postings" / "linkedin-2018-ca"
EXPECTED = {  # the two matchers differ on a few edge cases of the real postings, each stable
    "ahocorasick": "68636bf3e9b0ab7e48cd9a1b4f489679c532f4b0a4fbcc4c13792f5ff73e4b47",
    "regex": "3f492457fbfc7978da43b0bf03e753fa5ac217284f1cb47c1c36998e9cd0d9ea",
}


def _descriptions() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for name in ("DataAnalyst.csv", "DataScientist.csv"):
        with (POSTINGS / name).open(encoding="utf-8", newline="") as fh:
            rows.extend((row["title"], row["description"]) for row in csv.DictReader(fh))
    return rows


def digest(backend: str) -> str:
    finder = SkillFinder(load_catalog().skills, backend=backend)
    h = hashlib.sha256()
    for title, text in _descriptions():
        found, cues = finder.scan(text)
        h.update(repr(found).encode())
        h.update(repr(sorted(cues)).encode())
        h.update(repr(years_asked(text, mentions=found, cues=cues)).encode())
        h.update(repr(years_asked(text, finder)).encode())
        h.update(repr(degrees_asked(text, cues=cues)).encode())
        h.update(repr(degrees_asked(text)).encode())
        h.update(repr(read_asks(finder, title, text, text[:400], ["Python"], ["python"])).encode())
    return h.hexdigest()


@needs_shared
@pytest.mark.parametrize("backend", ["ahocorasick", "regex"])
def test_extraction_unchanged_on_linkedin_postings(backend: str) -> None:
    got = digest(backend)
    print(backend, got)
    assert got == EXPECTED[backend]


# The context rules' "does the text before a word end with ..." tests are regexes matched on
# the text reversed (careercli.extract.skills._ending). Each must answer as the plain search
# at the end it replaces, written here as it was.
_SEARCHES = {
    "_LIST_BEFORE": r"(?:[,/(:;&+]|\band|\bor|\bin|\blike|\bas|e\.g\.|\bsuch as|\bwith)\s*$",
    "_C_BEFORE": r"(?:series|class|type|vitamin|grade|plan|part|section|tier)\s*-?\s*$",
    "_EXCEL_SUBJECT": r"\b(?:to|can|will|you|they|we|who|help|helps|helping|people|employees|teams?)\s+$",
    "_TOOL_BEFORE": r"(?:microsoft|ms|in|with|using|of|advanced|strong)\s*$",
    "_NOT_MATH_OPTIMIZATION": r"(?:engine|conversion|rate|site|query|performance|campaign|seo|database"
    r"|process|cost|time saving|web)\s+$",
    "_SOFTWARE_TESTING": r"(?:unit|integration|software|automated|automation|load|performance|regression|qa"
    r"|end to end|end-to-end|acceptance|functional|system|api|code|and|,)\s*$",
    "_NOT_SOFTWARE_TESTING": r"(?:drug|stress|back|a/b|ab|online|hypothesis|statistical)[\s-]*$",
}
# the words of the rules, in pieces, and what tends to surround them
_PIECES = (
    "and", "or", "in", "like", "as", "such as", "with", "e.g.", "eg", "series", "class", "type", "tier",
    "to", "can", "teams", "team", "help", "helps", "microsoft", "ms", "of", "strong", "engine", "site",
    "time saving", "unit", "end-to-end", "end to end", "qa", "api", "a/b", "ab", "drug", "back", "s", "x",
    "_", "1", ",", "/", "(", ":", ";", "&", "+", "-", ".", " ", "  ", "\n", "\t", "\u00a0", "AND", "With",
    "\u017f", "\u212a", "é", "İ",
)  # fmt: skip


@pytest.mark.parametrize("name", sorted(_SEARCHES))
def test_end_rules_answer_as_the_searches_they_replace(name: str) -> None:
    import random
    import re

    from careercli.extract import skills

    search = re.compile(_SEARCHES[name], re.I).search
    rule = getattr(skills, name)
    rng = random.Random(name)
    for _ in range(20_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 6)))
        assert rule(text) == bool(search(text)), repr(text)
