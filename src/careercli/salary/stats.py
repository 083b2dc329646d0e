"""Percentiles for salary figures, one method everywhere.

Method: linear interpolation between closest ranks, the "type 7" estimator of Hyndman and
Fan (1996), which is numpy's default (`numpy.percentile(..., method="linear")`) and
`statistics.quantiles(..., method="inclusive")`. For sorted values x[0..n-1] and a
fraction q, h = (n - 1) * q, and the result is x[floor(h)] plus the fraction of the way
to x[floor(h) + 1] that h has gone past floor(h). With one value every percentile is that
value; the 0th and 100th percentiles are the minimum and maximum.

`scripts/derive_salaries.py` uses this module to build data/salary_*.json, and the CLI
uses it for figures it computes itself (`careercli salary --data FILE`), so both agree.
This module uses only the standard library.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

PERCENTILES: tuple[tuple[str, float], ...] = (
    ("p10", 0.10),
    ("p25", 0.25),
    ("p50", 0.50),
    ("p75", 0.75),
    ("p90", 0.90),
)
# Figures from fewer rows than this carry n only, no percentiles: in salary_cells.json, in
# `careercli salary` and in `show`/`compare` (careercli.catalog.role_data). Percentiles of
# a handful of rows say little, and a cell of one row would be that row. Defined once here.
MIN_N_PERCENTILES = 5
PERCENTILE_METHOD = (
    "linear interpolation between closest ranks (Hyndman-Fan type 7, numpy's default, "
    "statistics.quantiles(method='inclusive')); rounded to whole USD, halves up"
)


def _sorted_finite(values: Sequence[float]) -> list[float]:
    if not values:
        raise ValueError("no values: percentiles need at least one")
    ordered = sorted(float(v) for v in values)
    if not all(math.isfinite(v) for v in ordered):
        raise ValueError("values must be finite numbers")
    return ordered


def _quantile_sorted(ordered: Sequence[float], q: float) -> float:
    h = (len(ordered) - 1) * q
    low = math.floor(h)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (h - low) * (ordered[high] - ordered[low])


def quantile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0 <= q <= 1) of values by linear interpolation, unrounded."""
    if not 0.0 <= q <= 1.0:
        raise ValueError(f"quantile fraction must be between 0 and 1, not {q}")
    return _quantile_sorted(_sorted_finite(values), q)


def round_usd(amount: float) -> int:
    """Whole dollars, halves rounded up (not Python's round-half-to-even)."""
    return math.floor(amount + 0.5)


def percentiles(values: Sequence[float]) -> dict[str, float]:
    """p10, p25, p50, p75 and p90 of values, each rounded to whole USD (the values are ints).

    Raises ValueError when values is empty or holds a NaN or an infinity.
    """
    ordered = _sorted_finite(values)
    return {name: round_usd(_quantile_sorted(ordered, q)) for name, q in PERCENTILES}


def median(values: Sequence[float]) -> float:
    """The median, unrounded: the middle value, or the mean of the two middle values."""
    return _quantile_sorted(_sorted_finite(values), 0.5)
