"""Finding roles, skills and industries by id, alias or name, with a "did you mean"."""

from __future__ import annotations

from careercli.catalog.models import Catalog, Role
from careercli.common.errors import CareerError, UsageProblem, closest, did_you_mean


def name_key(text: str) -> str:
    """A name as look-ups compare it: case-folded, '_' as a space, spaces collapsed."""
    return " ".join(text.casefold().replace("_", " ").split())


_key = name_key


def _index(catalog: Catalog) -> dict[str, str]:
    """Normalised name -> role id, built once per catalog. Curated roles (bundled and pack
    YAML) come first, so their names win over an O*NET occupation's; then O*NET codes and
    titles, then O*NET alternate titles."""
    built = catalog.name_index
    if built is not None and built[0] == len(catalog.roles):
        return built[1]
    index: dict[str, str] = {}
    onet: list[Role] = []
    for role in catalog.roles.values():
        if role.onet is not None:
            onet.append(role)
            continue
        for name in (role.id, role.title, *role.aliases):
            index.setdefault(_key(name), role.id)
    for role in onet:
        index.setdefault(_key(role.id), role.id)
        index.setdefault(_key(role.title), role.id)
    for role in onet:
        for name in role.aliases:
            index.setdefault(_key(name), role.id)
    catalog.name_index = (len(catalog.roles), index)
    return index


def find_role(catalog: Catalog, text: str) -> Role | None:
    found = _index(catalog).get(_key(text))
    return catalog.roles.get(found) if found is not None else None


def resolve_role(catalog: Catalog, text: str) -> Role:
    """A role by id, alias or title, case-insensitively; else exit 2 naming the closest ids."""
    role = find_role(catalog, text)
    if role is not None:
        return role
    shared = [c for c in catalog.ambiguous.get(_key(text), ()) if c in catalog.roles]
    if shared:
        listed = ", ".join(f"{c} ({catalog.roles[c].title})" for c in shared[:8])
        more = f" and {len(shared) - 8} more" if len(shared) > 8 else ""
        raise UsageProblem(
            f"'{text}' is an alternate title of {len(shared)} O*NET occupations: {listed}{more}; "
            "give the code or the title"
        )
    # O*NET alternate titles are left out of the hints: tens of thousands of them would
    # make the look-up slow and the hints noisy; codes and titles are enough.
    names = {
        _key(n): r.id
        for r in catalog.roles.values()
        for n in ((r.id, r.title) if r.onet is not None else (r.id, r.title, *r.aliases))
    }
    ids: list[str] = []
    for name in closest(_key(text), names, n=6):
        if names[name] not in ids:
            ids.append(names[name])
    ids = ids[:3]
    suggestion = f" (did you mean {' or '.join(repr(i) for i in ids)}?)" if ids else ""
    if not ids and _looks_like_code(text) and all(r.onet is None for r in catalog.roles.values()):
        suggestion = " (an O*NET code: import the O*NET tables first with `careercli data import-onet DIR`)"
    raise UsageProblem(f"unknown role '{text}'{suggestion}; `careercli roles` lists them all")


def _looks_like_code(text: str) -> bool:
    from careercli.onet.pack import CODE

    return bool(CODE.match(text.strip()))


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
