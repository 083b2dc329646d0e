"""A person's profile: what the quiz asks and an answers file (schema version 1) holds."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Money:
    amount: float
    currency: str  # ISO 4217, upper case


@dataclass(frozen=True, slots=True)
class Profile:
    """Validated answers. Every name is canonical: skill ids, degree, level, industry ids."""

    experience_years: float
    level: str  # entry | mid | senior | executive (derived from the years when not given)
    level_given: bool
    degree: str  # none .. phd
    field: str = ""
    mba: bool = False
    skills: dict[str, int] = dataclasses.field(default_factory=dict)  # skill id -> proficiency 1..5
    interests: dict[str, int] = dataclasses.field(default_factory=dict)  # all six RIASEC dims, 1..5
    industries: tuple[str, ...] = ()  # industry ids
    work_mode: str = "any"  # remote | hybrid | onsite | any
    locations: tuple[str, ...] = ()
    min_salary: Money | None = None
    # O*NET element id -> level 0-7 (answers `onet_skills`, by name or id); O*NET scoring only
    onet_skills: dict[str, float] = dataclasses.field(default_factory=dict)
    # O*NET work value -> how much it matters, 1..5 (answers `work_values`); O*NET scoring only
    work_values: dict[str, int] = dataclasses.field(default_factory=dict)
