"""`careercli next ROLE`: where a role or occupation leads, ranked by your fit.

The moves: an O*NET occupation's related occupations (O*NET's Related Occupations, each with
its tier: Primary-Short, the closest, then Primary-Long, then Supplemental); a curated role's
`related` roles. Each is ranked by your fit score (careercli.fit.score, the same score the
quiz gives), ties in the source's own order, and carries its biggest gaps, its pay and its
outlook, beside the same figures for the role you start from:

- pay: an occupation's US median wage (BLS OEWS, May 2024, for its SOC); a curated role's
  median from the salary survey (with n). Each names its source.
- outlook: the BLS 2024-34 projection (an occupation's SOC; a curated role's occupation).
- gaps: the technology skills you lack or hold below target (fit's gaps), and for an
  occupation O*NET rates, the important skills and knowledge where you are two or more
  levels below it (careercli.fit.onet_fit).
"""

from __future__ import annotations

from typing import Any

from careercli.catalog.models import Catalog, Role
from careercli.fit.score import RoleFit
from careercli.profile.model import Profile

TOP_GAPS = 3


def next_moves(catalog: Catalog, role: Role, profile: Profile, fits: list[RoleFit]) -> dict[str, Any]:
    """{"from": the role's entry, "next": the moves' entries, best fit first}."""
    by_id = {f.role: (rank, f) for rank, f in enumerate(fits, 1)}
    levels = _levels(catalog, profile)
    candidates = _candidates(catalog, role)
    moves = [
        _entry(catalog, catalog.roles[code], by_id, levels, tier, i)
        for i, (code, tier) in enumerate(candidates)
    ]
    moves.sort(key=lambda m: (-m["score"], m["order"]))
    for m in moves:
        del m["order"]
    start = _entry(catalog, role, by_id, levels, None, 0)
    del start["order"]
    return {"from": start, "next": moves, "of": len(fits)}


def _candidates(catalog: Catalog, role: Role) -> list[tuple[str, str | None]]:
    if role.onet is not None:
        return [(code, tier) for code, tier in role.onet.related if code in catalog.roles]
    return [(rid, None) for rid in role.related if rid in catalog.roles and rid != role.id]


def _levels(catalog: Catalog, profile: Profile) -> dict[str, Any]:
    if not catalog.onet_elements:
        return {}
    from careercli.fit.onet_fit import person_levels

    return person_levels(profile.skills, profile.onet_skills, catalog.skills, catalog.onet_elements)


def _entry(
    catalog: Catalog,
    role: Role,
    by_id: dict[str, tuple[int, RoleFit]],
    levels: dict[str, Any],
    tier: str | None,
    order: int,
) -> dict[str, Any]:
    rank, fit = by_id[role.id]
    return {
        "role": role.id,
        "title": role.title,
        "tier": tier,
        "score": fit.score,
        "rank": rank,
        "gaps": _gaps(catalog, role, fit, levels),
        "pay": _pay(catalog, role),
        "outlook": _outlook(role),
        "order": order,
    }


def _gaps(catalog: Catalog, role: Role, fit: RoleFit, levels: dict[str, Any]) -> list[dict[str, Any]]:
    gaps: list[dict[str, Any]] = [
        {"kind": "skill", "id": g.skill, "name": g.name, "have": g.have, "need": g.need, "scale": "1-5"}
        for g in fit.gaps[:TOP_GAPS]
    ]
    if role.onet is not None and levels:
        from careercli.fit.onet_fit import ratings_fit

        rated = ratings_fit(levels, role, catalog.onet_elements)
        for item in (rated.gaps if rated else [])[:TOP_GAPS]:
            kind, have = f"onet-{item['kind']}", item["you"] or 0
            gaps.append({"kind": kind, "id": item["element"], "name": item["name"], "have": have,
                         "need": item["level"], "scale": "O*NET level 0-7"})  # fmt: skip
    return gaps


def _pay(catalog: Catalog, role: Role) -> dict[str, Any] | None:
    if role.onet is not None:
        from careercli.onet.views import us_wages

        w = us_wages(role)
        if not w or w["p50"] is None:
            return None
        return {"median": w["p50"], "currency": "USD", "year": w["year"], "soc": w["soc"],
                "source": f"{w['source']}, {w['table']}", "date": w["date"]}  # fmt: skip
    sal = catalog.salaries.get(role.id)
    if sal is None or sal.overall is None:
        return None
    src = catalog.salary_source
    return {"median": sal.overall.p50, "currency": src.currency if src else "USD", "n": sal.n,
            "source": src.name if src else "", "date": src.snapshot if src else ""}  # fmt: skip


def _outlook(role: Role) -> dict[str, Any] | None:
    o = role.outlook
    if o.growth_pct is None:
        return None
    return {"growth_pct": o.growth_pct, "period": o.period, "occupation": o.occupation, "source": o.source,
            "date": o.date}  # fmt: skip
