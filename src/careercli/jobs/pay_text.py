"""Salary text as job boards print it, read into figures: never a guess.

    "USD 100K - 180K"              -> 100000-180000 USD a year
    "$53K-$91K (Glassdoor est.)"   -> 53000-91000 USD a year
    "70K–75K a year"               -> 70000-75000, no currency stated
    "60–70 an hour"                -> 60-70 an hour (annualised x2080 when compared)
    "€70,000"                      -> 70000 EUR
    "Up to $90k" / "From €50k"     -> one end of the range only

What cannot be read (no figure, three figures, a day rate, "competitive", Glassdoor's -1)
gives None. The figures are kept as quoted, with their period; `yearly` multiplies them up.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from careercli.common.currency import SYMBOLS
from careercli.common.vocab import PAY_PERIODS

MAX_AMOUNT = 1e9
MIN_YEARLY = 1000.0

_CODES = (
    "USD EUR GBP CAD AUD NZD CHF SEK NOK DKK PLN CZK HUF INR JPY CNY SGD HKD BRL MXN ZAR ILS TRY AED"
).split()
_CODE_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(_CODES) + r")(?![A-Za-z])", re.IGNORECASE)
_SYMBOL_RE = re.compile(r"(us\$|ca?\$|au?\$|s\$|[$€£₹¥])", re.IGNORECASE)
# A figure: 1,234,567 / 70.000 (German thousands) / 52.5 / 100; then an optional k or m.
_NUMBER = (
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?:\.\d{3})+(?![\d])|\d+(?:\.\d{1,2})?)"
    r"(?![\d.,]\d)\s*([km](?![a-z]))?"
)
_NUMBER_RE = re.compile(_NUMBER, re.IGNORECASE)
_RANGE_SEP = re.compile(r"^\s*(?:-|to|bis)\s*$", re.IGNORECASE)
_PERIODS = (
    (re.compile(r"\b(?:an?|per|/)\s*(?:hour|hr)\b|\bhourly\b|/\s*h\b|\bp/?h\b", re.I), "hour"),
    (re.compile(r"\b(?:an?|per|/)\s*(?:month|mo)\b|\bmonthly\b|/\s*mo?\b|\bpcm\b", re.I), "month"),
    (
        re.compile(
            r"\b(?:an?|per|/)\s*(?:year|yr|annum)\b|\byearly\b|\bannual(?:ly)?\b|\bp\.?a\.?(?!\w)", re.I
        ),
        "year",
    ),
)
_OTHER_PERIOD = re.compile(r"\b(?:day|daily|week|weekly|shift|diem)\b|/\s*(?:d|wk|w)\b", re.I)
_UP_TO = re.compile(r"\b(?:up\s*to|max(?:imum)?|until)\b", re.I)
_FROM = re.compile(r"\b(?:from|min(?:imum)?|starting(?:\s+at)?|at\s+least)\b|\+\s*$", re.I)
_NOTES = re.compile(r"\((?:[^()]*\b(?:est|estimate)\b[^()]*)\)", re.I)


class ParsedSalary(NamedTuple):
    min: float | None
    max: float | None
    currency: str | None  # ISO 4217 when the text names one ("$" is USD), else None
    period: str  # year | month | hour

    @property
    def annualised(self) -> bool:
        return self.period != "year"

    def yearly(self) -> tuple[float | None, float | None]:
        factor = PAY_PERIODS[self.period]
        return (
            None if self.min is None else self.min * factor,
            None if self.max is None else self.max * factor,
        )


def parse(text: object) -> ParsedSalary | None:
    """The figures in `text`, or None when they cannot be read without guessing."""
    if not isinstance(text, str | int | float) or isinstance(text, bool):
        return None
    raw = _NOTES.sub(" ", str(text)).replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    raw = " ".join(raw.split())
    if not raw or raw == "-1" or len(raw) > 200 or _OTHER_PERIOD.search(raw):
        return None
    found = list(_NUMBER_RE.finditer(raw))
    if not found or len(found) > 2:
        return None
    values = [_value(m) for m in found]
    if any(v is None for v in values):
        return None
    bounds = _bounds(raw, found, [v for v in values if v is not None])
    if bounds is None:
        return None
    low, high = bounds
    currency, period = _currency(raw), _period(raw)
    if not _sane(low, high):
        return None
    if period == "year" and max(x for x in (low, high) if x is not None) < MIN_YEARLY:
        return None  # "3 to 5 years", "$45": not a year's pay, and no period says what it is
    return ParsedSalary(low, high, currency, period)


def _bounds(
    raw: str, found: list[re.Match[str]], amounts: list[float]
) -> tuple[float | None, float | None] | None:
    """(low, high) of one figure or a range; None when two figures are not a range."""
    if len(found) == 2:
        between = raw[found[0].end() : found[1].start()]
        between = _SYMBOL_RE.sub("", _CODE_RE.sub("", between))
        if not _RANGE_SEP.match(between):
            return None
        if found[1].group(2) and not found[0].group(2):  # "100 - 180K": the K is shared
            scaled = amounts[0] * _scale(found[1].group(2))
            if scaled <= amounts[1]:
                amounts[0] = scaled
        return amounts[0], amounts[1]
    if _UP_TO.search(raw[: found[0].start()]):
        return None, amounts[0]
    if _FROM.search(raw[: found[0].start()]) or _FROM.search(raw[found[0].end() :]):
        return amounts[0], None
    return amounts[0], amounts[0]


def _scale(suffix: str | None) -> float:
    return {"k": 1e3, "m": 1e6}.get((suffix or "").lower(), 1.0)


def _value(m: re.Match[str]) -> float | None:
    digits = m.group(1)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    try:
        value = float(digits.replace(",", "")) * _scale(m.group(2))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _sane(low: float | None, high: float | None) -> bool:
    for x in (low, high):
        if x is not None and not 0 < x <= MAX_AMOUNT:
            return False
    return not (low is not None and high is not None and low > high)


def _currency(raw: str) -> str | None:
    codes = {c.upper() for c in _CODE_RE.findall(raw)}
    symbols = {SYMBOLS[s.lower()] for s in _SYMBOL_RE.findall(raw)}
    found = codes | symbols
    if len(found) == 2 and "USD" in symbols and codes and codes != {"USD"}:
        found = codes  # "CAD $80K": the code says which dollar
    return found.pop() if len(found) == 1 else None


def _period(raw: str) -> str:
    for pattern, period in _PERIODS:
        if pattern.search(raw):
            return period
    return "year"
