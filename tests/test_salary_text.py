"""salary_text.parse: the salary texts of job boards, and never a guess."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercli.jobs.pay_text import ParsedSalary, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("USD 100K - 180K", ParsedSalary(100000, 180000, "USD", "year")),
        ("$53K-$91K (Glassdoor est.)", ParsedSalary(53000, 91000, "USD", "year")),
        ("$37K-$66K (Employer est.)", ParsedSalary(37000, 66000, "USD", "year")),
        ("70K–75K a year", ParsedSalary(70000, 75000, None, "year")),
        ("60–70 an hour", ParsedSalary(60, 70, None, "hour")),
        ("€70,000", ParsedSalary(70000, 70000, "EUR", "year")),
        ("70.000 €", ParsedSalary(70000, 70000, "EUR", "year")),
        ("$55k - $100k", ParsedSalary(55000, 100000, "USD", "year")),
        ("OTE $25k - $35k", ParsedSalary(25000, 35000, "USD", "year")),
        ("£30,000 - £40,000 per annum", ParsedSalary(30000, 40000, "GBP", "year")),
        ("$5,000 a month", ParsedSalary(5000, 5000, "USD", "month")),
        ("Up to $90k", ParsedSalary(None, 90000, "USD", "year")),
        ("From €50k", ParsedSalary(50000, None, "EUR", "year")),
        ("100 - 180K", ParsedSalary(100000, 180000, None, "year")),
        ("CAD $80K", ParsedSalary(80000, 80000, "CAD", "year")),
        ("$100,000.00", ParsedSalary(100000, 100000, "USD", "year")),
    ],
)
def test_reads_common_salary_texts(text: str, expected: ParsedSalary) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "-1", "competitive", "$20 a day", "50K-40K", "3 to 5 years", "1.2345", "$1 - $2 - $3", "DOE"],
)
def test_unreadable_is_empty_not_a_guess(text: str) -> None:
    assert parse(text) is None


def test_hourly_is_marked_annualised() -> None:
    found = parse("60–70 an hour")
    assert found is not None and found.annualised
    assert found.yearly() == (60 * 2080, 70 * 2080)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), st.text(alphabet="0123456789$€£kK.,- toanhouryear–", max_size=30)))
def test_never_raises_and_results_are_sane(text: str) -> None:
    found = parse(text)
    if found is not None:
        ends = [x for x in (found.min, found.max) if x is not None]
        assert ends and all(x > 0 for x in ends)
        if found.min is not None and found.max is not None:
            assert found.min <= found.max
        assert found.period in {"year", "month", "hour"}
