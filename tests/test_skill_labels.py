"""The skill finder against the hand-labelled LinkedIn sample (tests/fixtures/skill_labels.json)."""

from __future__ import annotations

import pytest
from tests.conftest import needs_shared
from tests.skill_labels import CASES, labels, score


def test_the_sample_is_big_enough_and_holds_the_hard_cases() -> None:
    items = labels()
    assert len(items) >= 100
    asked = [skill for item in items for skill in item["skills"]]
    for case in CASES:
        assert asked.count(case) >= 3, case
    assert all("description" not in item for item in items)  # labels only, never the text


@needs_shared
@pytest.mark.parametrize("backend", ["ahocorasick", "regex"])
def test_precision_and_recall_on_the_labelled_postings(backend: str) -> None:
    result = score(backend)
    assert result is not None
    assert result.precision >= 0.95, (result.precision, result.wrong[:20])
    assert result.recall >= 0.90, (result.recall, result.misses[:20])
    for case in CASES:
        right, wrong, missed = result.cases[case]
        assert right >= 3 and wrong <= 1 and missed <= 1, (case, result.cases[case])


@needs_shared
def test_required_or_preferred_where_the_posting_says() -> None:
    result = score()
    assert result is not None and result.requirement_checked >= 20
    assert result.requirement_agree / result.requirement_checked >= 0.8
