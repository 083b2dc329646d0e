"""A role as plain data: what `show --json` prints and every renderer reads."""

from __future__ import annotations

from typing import Any

from careercli import vocab
from careercli.models import Catalog, Percentiles, Role, RoleSalary

ONET_CREDIT = (
    "This product includes information from the O*NET 29.2 Database by USDOL/ETA. "
    "Used under the CC BY 4.0 license."
)
THIN_N = 30  # below this many survey rows a figure is shown as thin
SALARY_AMOUNT = "gross yearly salary (the survey's salary_in_usd)"


def percentiles_dict(p: Percentiles) -> dict[str, Any]:
    return {
        "n": p.n,
        "p10": p.p10,
        "p25": p.p25,
        "p50": p.p50,
        "p75": p.p75,
        "p90": p.p90,
        "thin": p.n < THIN_N,
    }


def salary_dict(catalog: Catalog, role_id: str) -> dict[str, Any]:
    """The survey's figures for a role, with n, source and honesty flags; n=0 when none."""
    sal: RoleSalary | None = catalog.salaries.get(role_id)
    src = catalog.salary_source
    source = (
        {"name": src.name, "url": src.url, "licence": src.licence, "snapshot": src.snapshot} if src else None
    )
    if sal is None:
        return {
            "currency": "USD",
            "amount": SALARY_AMOUNT,
            "n": 0,
            "percentiles": None,
            "by_level": {},
            "titles": [],
            "proxy": False,
            "proxy_titles": [],
            "n_direct": 0,
            "title_n": {},
            "note": "no salary survey figures for this role",
            "years": None,
            "source": source,
        }
    return {
        "currency": src.currency if src else "USD",
        "amount": SALARY_AMOUNT,
        "n": sal.n,
        "years": list(sal.years) if sal.years else None,
        "percentiles": percentiles_dict(sal.overall) if sal.overall else None,
        "by_level": {lvl: percentiles_dict(p) for lvl, p in _level_order(sal.by_level)},
        "titles": list(sal.titles),
        "proxy": sal.proxy,
        "proxy_titles": list(sal.proxy_titles),
        "n_direct": sal.n_direct,
        "title_n": dict(sal.title_n),
        "note": sal.note,
        "source": source,
    }


def _level_order(by_level: dict[str, Percentiles]) -> list[tuple[str, Percentiles]]:
    return sorted(by_level.items(), key=lambda kv: vocab.LEVELS.index(kv[0]) if kv[0] in vocab.LEVELS else 9)


def role_dict(catalog: Catalog, role: Role) -> dict[str, Any]:
    """Every facet of a role, with names resolved and sources attached."""
    return {
        "id": role.id,
        "title": role.title,
        "aliases": list(role.aliases),
        "level": role.level,
        "level_label": vocab.LEVEL_LABELS[role.level],
        "family": role.family,
        "summary": role.summary,
        "responsibilities": list(role.responsibilities),
        "skills": [
            {
                "id": need.skill,
                "name": catalog.skills[need.skill].name,
                "category": catalog.skills[need.skill].category,
                "importance": need.importance,
            }
            for need in role.skills
        ],
        "education": {
            "typical": role.education.typical,
            "minimum": role.education.minimum,
            "fields": list(role.education.fields),
            "notes": list(role.education.notes),
        },
        "tools": [{"name": t.name, "category": t.category} for t in role.tools],
        "industries": [
            {"id": i, "name": catalog.industries[i].name if i in catalog.industries else i}
            for i in role.industries
        ],
        "interests": {
            "onet_soc": role.interests.onet_soc,
            "onet_title": role.interests.onet_title,
            "scale": "O*NET OI, 1 (low) to 7 (high)",
            "scores": dict(role.interests.scores),
            "credit": ONET_CREDIT,
        },
        "outlook": {
            "summary": role.outlook.summary,
            "growth_pct": role.outlook.growth_pct,
            "period": role.outlook.period,
            "occupation": role.outlook.occupation,
            "source": role.outlook.source,
            "date": role.outlook.date,
        },
        "salary": salary_dict(catalog, role.id),
        "tips": list(role.tips),
        "related": list(role.related),
        "sources": [{"name": s.name, "url": s.url or None, "date": s.date} for s in role.sources],
    }


def top_interests(role: Role, k: int = 3) -> list[tuple[str, float]]:
    """The role's strongest RIASEC dimensions, highest first (ties in RIASEC order)."""
    ranked = sorted(role.interests.scores.items(), key=lambda kv: (-kv[1], vocab.INTERESTS.index(kv[0])))
    return ranked[:k]
