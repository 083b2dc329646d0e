"""The hand-labelled LinkedIn sample: load it, find its postings again, score the finder.

tests/fixtures/skill_labels.json holds, per labelled posting, the file and data row (1 is
the first row after the header) in ../shared/data/job-postings/linkedin-2018-ca/, the
first 16 hex digits of the SHA-256 of its description (so a changed file is noticed, and
no text is committed) and the catalog skills it asks for. See the fixture's "convention"
for what counts as asked.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, NamedTuple

LABELS = Path(__file__).resolve().parent / "fixtures" / "skill_labels.json"
FILES = ("DataAnalyst.csv", "DataScientist.csv")
CASES = ("r", "sas", "excel", "go")


class Posting(NamedTuple):
    file: str
    row: int
    description: str


def folder() -> Path:
    from tests.conftest import SHARED_DATA

    return SHARED_DATA / "job-postings" / "linkedin-2018-ca"


def postings() -> list[Posting]:
    """Every posting of the two files, [] when ../shared is absent."""
    import csv

    rows: list[Posting] = []
    if not folder().is_dir():
        return rows
    for name in FILES:
        with open(folder() / name, newline="", encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=1):
                rows.append(Posting(name, i, row["description"]))
    return rows


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def labels() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(LABELS.read_text(encoding="utf-8"))["postings"]
    return data


class Score(NamedTuple):
    postings: int
    labelled: int  # skills asked, summed over postings
    found: int
    correct: int
    precision: float
    recall: float
    cases: dict[str, tuple[int, int, int]]  # skill -> (right, wrong, missed) for R, SAS, Excel, Go
    requirement_checked: int  # labelled required/preferred marks compared
    requirement_agree: int
    misses: list[tuple[str, int, str]]  # (file, row, skill) missed
    wrong: list[tuple[str, int, str]]  # (file, row, skill) found but not asked


def score(backend: str | None = None) -> Score | None:
    """The finder against the labels; None when the postings are not here."""
    from careercli.catalog.loader import load_catalog
    from careercli.extract.skills import SkillFinder

    by_key = {(p.file, p.row): p for p in postings()}
    if not by_key:
        return None
    finder = SkillFinder(load_catalog().skills, backend=backend)
    labelled = found = correct = checked = agree = 0
    cases = {c: [0, 0, 0] for c in CASES}
    misses: list[tuple[str, int, str]] = []
    wrong: list[tuple[str, int, str]] = []
    items = labels()
    unlabelled = set(json.loads(LABELS.read_text(encoding="utf-8"))["unlabelled_skills"])
    for item in items:
        posting = by_key[(item["file"], item["row"])]
        if digest(posting.description) != item["sha256"]:
            raise AssertionError(f"{item['file']} row {item['row']}: the description changed")
        asked: dict[str, str | None] = item["skills"]
        marks: dict[str, str | None] = {}
        for m in finder.find(posting.description):
            if m.skill in unlabelled:
                continue
            old = marks.get(m.skill)
            marks[m.skill] = "required" if "required" in (old, m.requirement) else (old or m.requirement)
        labelled += len(asked)
        found += len(marks)
        correct += len(set(asked) & set(marks))
        misses += [(item["file"], item["row"], s) for s in sorted(set(asked) - set(marks))]
        wrong += [(item["file"], item["row"], s) for s in sorted(set(marks) - set(asked))]
        for c in CASES:
            cases[c][0] += c in asked and c in marks
            cases[c][1] += c in marks and c not in asked
            cases[c][2] += c in asked and c not in marks
        for skill, mark in item.get("requirement", {}).items():
            checked += 1
            agree += marks.get(skill) == mark
    return Score(
        len(items),
        labelled,
        found,
        correct,
        correct / found if found else 1.0,
        correct / labelled if labelled else 1.0,
        {c: (v[0], v[1], v[2]) for c, v in cases.items()},
        checked,
        agree,
        misses,
        wrong,
    )
