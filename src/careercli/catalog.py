"""Finding roles, skills and industries by id, alias or name, with a "did you mean"."""

from __future__ import annotations

from careercli.errors import CareerError, UsageProblem, closest, did_you_mean
from careercli.models import Catalog, Role


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


def find_role(catalog: Catalog, text: str) -> Role | None:
    key = _key(text)
    for role in catalog.roles.values():
        if key in {_key(n) for n in (role.id, role.title, *role.aliases)}:
            return role
    return None


def resolve_role(catalog: Catalog, text: str) -> Role:
    """A role by id, alias or title, case-insensitively; else exit 2 naming the closest ids."""
    role = find_role(catalog, text)
    if role is not None:
        return role
    names = {_key(n): r.id for r in catalog.roles.values() for n in (r.id, r.title, *r.aliases)}
    ids: list[str] = []
    for name in closest(_key(text), names, n=6):
        if names[name] not in ids:
            ids.append(names[name])
    ids = ids[:3]
    suggestion = f" (did you mean {' or '.join(repr(i) for i in ids)}?)" if ids else ""
    raise UsageProblem(f"unknown role '{text}'{suggestion}; `careercli roles` lists them all")


def find_skill(catalog: Catalog, text: str) -> str | None:
    key = _key(text)
    for skill in catalog.skills.values():
        if key in {_key(n) for n in (skill.id, skill.name, *skill.aliases)}:
            return skill.id
    return None


def resolve_skill(catalog: Catalog, text: str, where: str, error: type[CareerError]) -> str:
    skill = find_skill(catalog, text)
    if skill is None:
        names = [n for s in catalog.skills.values() for n in (s.id, *s.aliases)]
        raise error(f"{where}: unknown skill '{text}'{did_you_mean(text, names)}")
    return skill


def find_industry(catalog: Catalog, text: str) -> str | None:
    key = _key(text)
    for industry in catalog.industries.values():
        if key in {_key(n) for n in (industry.id, industry.name, *industry.aliases)}:
            return industry.id
    return None
