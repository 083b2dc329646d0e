"""Side-by-side comparison: what the roles share and what is unique to each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from careercli.catalog.models import Catalog, Role
from careercli.catalog.role_data import onet_keys, role_dict
from careercli.common.envelope import envelope
from careercli.common.errors import UsageProblem, did_you_mean

FACETS: tuple[str, ...] = (
    "summary",
    "responsibilities",
    "skills",
    "education",
    "tools",
    "industries",
    "interests",
    "outlook",
    "salary",
    "us_wages",
    "tips",
)
FACET_ALIASES = {
    "definition": "summary",
    "interest": "interests",
    "pay": "salary",
    "wages": "us_wages",
    "us-wages": "us_wages",
    "bls": "us_wages",
    "skill": "skills",
    "tool": "tools",
    "industry": "industries",
    "tip": "tips",
    "responsibility": "responsibilities",
    "duties": "responsibilities",
}
MARKED_FACETS: tuple[str, ...] = ("skills", "tools", "industries")
MIN_ROLES, MAX_ROLES = 2, 5


def parse_facets(names: list[str]) -> tuple[str, ...]:
    """--facet values, in the canonical order; all facets when none are given."""
    if not names:
        return FACETS
    chosen: set[str] = set()
    for name in names:
        key = name.strip().lower()
        key = FACET_ALIASES.get(key, key)
        if key not in FACETS:
            raise UsageProblem(
                f"--facet: unknown facet '{name}'; expected one of {', '.join(FACETS)}"
                + did_you_mean(name, FACETS)
            )
        chosen.add(key)
    return tuple(f for f in FACETS if f in chosen)


@dataclass(frozen=True)
class Comparison:
    roles: tuple[Role, ...]
    facets: tuple[str, ...]
    # facet -> role id -> item key -> how many of the compared roles have it
    counts: dict[str, dict[str, int]]

    def mark(self, facet: str, key: str) -> str:
        """'shared' (all roles), 'some' (more than one, not all) or 'unique'."""
        count = self.counts[facet].get(key, 0)
        if count >= len(self.roles):
            return "shared"
        return "some" if count > 1 else "unique"


def _keys(role: Role, facet: str) -> list[str]:
    if facet == "skills":
        return [n.skill for n in role.skills]
    if facet == "tools":
        return [t.name.casefold() for t in role.tools]
    return list(role.industries)


def compare_roles(roles: list[Role], facets: tuple[str, ...] = FACETS) -> Comparison:
    if not MIN_ROLES <= len(roles) <= MAX_ROLES:
        raise UsageProblem(f"compare takes {MIN_ROLES} to {MAX_ROLES} roles, got {len(roles)}")
    ids = [r.id for r in roles]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise UsageProblem(f"role '{dupes[0]}' is given twice; compare distinct roles")
    counts: dict[str, dict[str, int]] = {}
    for facet in MARKED_FACETS:
        tally: dict[str, int] = {}
        for role in roles:
            for key in set(_keys(role, facet)):
                tally[key] = tally.get(key, 0) + 1
        counts[facet] = tally
    return Comparison(tuple(roles), facets, counts)


def comparison_dict(catalog: Catalog, comp: Comparison) -> dict[str, Any]:
    """`compare --json`: the roles (selected facets), what all share, what each has alone."""
    shared: dict[str, list[str]] = {}
    unique: dict[str, dict[str, list[str]]] = {r.id: {} for r in comp.roles}
    for facet in MARKED_FACETS:
        first = comp.roles[0]
        shared[facet] = [
            _label(catalog, first, facet, k) for k in _keys(first, facet) if comp.mark(facet, k) == "shared"
        ]
        for role in comp.roles:
            unique[role.id][facet] = [
                _label(catalog, role, facet, k) for k in _keys(role, facet) if comp.mark(facet, k) == "unique"
            ]
    roles = []
    for role in comp.roles:
        full = role_dict(catalog, role)
        keep = {"id", "title", "level", "level_label", "family", *comp.facets, "onet", "credit"}
        if "outlook" in comp.facets or "salary" in comp.facets:  # the BLS wages sit beside both
            keep.add("us_wages")
        keep.add("onet_profile")  # O*NET occupations
        roles.append({k: v for k, v in full.items() if k in keep})
    return envelope(
        facets=list(comp.facets), roles=roles, shared=shared, unique=unique, **onet_keys(comp.roles)
    )


def _label(catalog: Catalog, role: Role, facet: str, key: str) -> str:
    if facet == "tools":
        return next(t.name for t in role.tools if t.name.casefold() == key)
    return key
