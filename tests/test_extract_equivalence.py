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
