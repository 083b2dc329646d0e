"""Hypothesis strategies shared by the property tests: valid profiles over the bundled catalog."""

from __future__ import annotations

from hypothesis import strategies as st

from careercli.catalog.loader import load_catalog
from careercli.common.vocab import DEGREES, INTERESTS, LEVELS, WORK_MODES
from careercli.profile.answers import level_from_years
from careercli.profile.model import Money, Profile

CATALOG = load_catalog(use_cache=False)  # at import, before any test sets CAREERCLI_HOME
FIELDS = ["", "statistics", "Computer Science", "CS", "physics", "business administration", "history"]


def _profile(
    years: float,
    level: str | None,
    degree: str,
    field: str,
    mba: bool,
    skills: dict[str, int],
    interests: dict[str, int],
    industries: list[str],
    mode: str,
    locations: list[str],
    money: Money | None,
) -> Profile:
    return Profile(
        experience_years=years,
        level=level or level_from_years(years),
        level_given=level is not None,
        degree=degree,
        field=field,
        mba=mba,
        skills=skills,
        interests=interests,
        industries=tuple(industries),
        work_mode=mode,
        locations=tuple(locations),
        min_salary=money,
    )


def profiles(max_skills: int) -> st.SearchStrategy[Profile]:
    """Any profile an answers file can express, with up to `max_skills` rated skills."""
    return st.builds(
        _profile,
        st.one_of(st.integers(0, 60).map(float), st.floats(0, 60, allow_nan=False)),
        st.none() | st.sampled_from(LEVELS),
        st.sampled_from(DEGREES),
        st.sampled_from(FIELDS),
        st.booleans(),
        st.dictionaries(st.sampled_from(sorted(CATALOG.skills)), st.integers(1, 5), max_size=max_skills),
        st.fixed_dictionaries({d: st.integers(1, 5) for d in INTERESTS}),
        st.lists(st.sampled_from(sorted(CATALOG.industries)), unique=True, max_size=4),
        st.sampled_from(WORK_MODES),
        st.lists(st.sampled_from(["Berlin", "Remote", "New York"]), unique=True, max_size=3),
        st.none() | st.builds(Money, st.integers(0, 10**6).map(float), st.sampled_from(["USD", "EUR"])),
    )
