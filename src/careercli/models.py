"""Typed models of the catalog. Built once by the loader, read everywhere else.

NamedTuples rather than dataclasses: they are immutable and typed alike, and creating
fifteen of them costs a fraction of what dataclasses cost at every start-up.
"""

from __future__ import annotations

from typing import NamedTuple


class Skill(NamedTuple):
    id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    description: str


class Industry(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]


class SkillNeed(NamedTuple):
    """A skill a role asks for, with its importance 1 (nice to have) .. 5 (essential)."""

    skill: str
    importance: int


class Education(NamedTuple):
    typical: str
    minimum: str
    fields: tuple[str, ...]
    notes: tuple[str, ...]


class Tool(NamedTuple):
    name: str
    category: str


class Interests(NamedTuple):
    """A RIASEC profile on O*NET's OI scale (1-7), from the occupation `onet_soc`."""

    onet_soc: str
    onet_title: str
    scores: dict[str, float]  # empty when the profile has not been derived yet


class Outlook(NamedTuple):
    summary: str
    growth_pct: float | None
    period: str
    occupation: str
    source: str
    date: str


class Source(NamedTuple):
    name: str
    url: str
    date: str


class Percentiles(NamedTuple):
    n: int
    p10: float
    p25: float
    p50: float
    p75: float
    p90: float


class RoleSalary(NamedTuple):
    """What the salary survey holds for one role. `overall` is None when n is 0."""

    titles: tuple[str, ...]
    proxy: bool
    proxy_titles: tuple[str, ...]
    note: str
    n: int
    years: tuple[int, int] | None
    overall: Percentiles | None
    by_level: dict[str, Percentiles]
    n_direct: int = 0  # rows with the role's own titles (n itself unless proxy)
    title_n: dict[str, int] = {}  # rows per survey title counted (read-only)  # noqa: RUF012


class SalarySource(NamedTuple):
    name: str
    url: str
    licence: str
    snapshot: str
    currency: str


class Role(NamedTuple):
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


class Catalog:
    """Everything the loader validated; filled in place while loading, read-only after."""

    __slots__ = ("industries", "roles", "salaries", "salary_source", "skills")

    def __init__(
        self,
        roles: dict[str, Role],
        skills: dict[str, Skill],
        industries: dict[str, Industry],
        salaries: dict[str, RoleSalary] | None = None,
        salary_source: SalarySource | None = None,
    ) -> None:
        self.roles = roles
        self.skills = skills
        self.industries = industries
        self.salaries: dict[str, RoleSalary] = salaries if salaries is not None else {}
        self.salary_source = salary_source
