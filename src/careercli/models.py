"""Typed models of the catalog. Built once by the loader, read everywhere else."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Skill:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class Industry:
    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SkillNeed:
    """A skill a role asks for, with its importance 1 (nice to have) .. 5 (essential)."""

    skill: str
    importance: int


@dataclass(frozen=True, slots=True)
class Education:
    typical: str
    minimum: str
    fields: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    category: str


@dataclass(frozen=True, slots=True)
class Interests:
    """A RIASEC profile on O*NET's OI scale (1-7), from the occupation `onet_soc`."""

    onet_soc: str
    onet_title: str
    scores: dict[str, float]  # empty when the profile has not been derived yet


@dataclass(frozen=True, slots=True)
class Outlook:
    summary: str
    growth_pct: float | None
    period: str
    occupation: str
    source: str
    date: str


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    url: str
    date: str


@dataclass(frozen=True, slots=True)
class Percentiles:
    n: int
    p10: float
    p25: float
    p50: float
    p75: float
    p90: float


@dataclass(frozen=True, slots=True)
class RoleSalary:
    """What the salary survey holds for one role. `overall` is None when n is 0."""

    titles: tuple[str, ...]
    proxy: bool
    proxy_titles: tuple[str, ...]
    note: str
    n: int
    years: tuple[int, int] | None
    overall: Percentiles | None
    by_level: dict[str, Percentiles]


@dataclass(frozen=True, slots=True)
class SalarySource:
    name: str
    url: str
    licence: str
    snapshot: str
    currency: str


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    title: str
    aliases: tuple[str, ...]
    level: str
    family: str
    summary: str
    responsibilities: tuple[str, ...]
    skills: tuple[SkillNeed, ...]
    education: Education
    tools: tuple[Tool, ...]
    industries: tuple[str, ...]
    interests: Interests
    outlook: Outlook
    tips: tuple[str, ...]
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    path: str  # the file it came from, for messages


@dataclass(slots=True)
class Catalog:
    roles: dict[str, Role]
    skills: dict[str, Skill]
    industries: dict[str, Industry]
    salaries: dict[str, RoleSalary] = field(default_factory=dict)
    salary_source: SalarySource | None = None
