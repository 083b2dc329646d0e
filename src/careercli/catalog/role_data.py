"""A role as plain data: what `show --json` prints and every renderer reads."""

from __future__ import annotations

from typing import Any

from careercli.catalog.models import Catalog, Percentiles, Role, RoleSalary
from careercli.common import vocab
from careercli.onet.credit import ONET_CREDIT
from careercli.salary.stats import MIN_N_PERCENTILES

THIN_N = 30  # below this many survey rows a figure is shown as thin
SALARY_AMOUNT = "gross yearly salary (the survey's salary_in_usd)"
ONET_INTERESTS_SOURCE = "O*NET 29.2 Database, Interests.txt (scale OI)"
ONET_DATE = "2025-02"  # the 29.2 release: February 2025


def percentiles_dict(p: Percentiles) -> dict[str, Any]:
    """n and p10..p90; the percentiles are null under MIN_N_PERCENTILES rows, as the text
    views say "too few rows": a "median" of one or two salaries would be a person's pay."""
    few = p.n < MIN_N_PERCENTILES
    return {
        "n": p.n,
        "p10": None if few else p.p10,
        "p25": None if few else p.p25,
        "p50": None if few else p.p50,
        "p75": None if few else p.p75,
        "p90": None if few else p.p90,
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
            "duplicates_dropped": 0,
            "percentiles": None,
            "by_level": {},
            "titles": [],
            "proxy": False,
            "proxy_titles": [],
            "n_direct": 0,
            "title_n": {},
            "note": "no salary survey figures for this role",
            "years": None,
            "mostly": None,
            "source": source,
            "date": src.snapshot if src else None,
        }
    return {
        "currency": src.currency if src else "USD",
        "amount": SALARY_AMOUNT,
        "n": sal.n,
        "duplicates_dropped": sal.duplicates_dropped,
        "years": list(sal.years) if sal.years else None,
        "percentiles": percentiles_dict(sal.overall) if sal.overall else None,
        "by_level": {lvl: percentiles_dict(p) for lvl, p in _level_order(sal.by_level)},
        "titles": list(sal.titles),
        "proxy": sal.proxy,
        "proxy_titles": list(sal.proxy_titles),
        "n_direct": sal.n_direct,
        "title_n": dict(sal.title_n),
        "note": sal.note,
        "mostly": _mostly_dict(catalog, role_id),
        "source": source,
        "date": src.snapshot if src else None,
    }


def _mostly_dict(catalog: Catalog, role_id: str) -> dict[str, Any] | None:
    found = mostly(catalog, role_id)
    if found is None:
        return None
    return {"title": found[0], "n": found[1], "share": round(found[1] / found[2], 3)}


def mostly(catalog: Catalog, role_id: str) -> tuple[str, int, int] | None:
    """(title, its rows, all rows) when a proxied salary is mostly (over half) one title."""
    sal = catalog.salaries.get(role_id)
    if sal is None or not sal.proxy or not sal.title_n or not sal.n:
        return None
    title, count = max(sal.title_n.items(), key=lambda kv: (kv[1], kv[0]))
    return (title, count, sal.n) if count * 2 > sal.n else None


def _level_order(by_level: dict[str, Percentiles]) -> list[tuple[str, Percentiles]]:
    return sorted(by_level.items(), key=lambda kv: vocab.LEVELS.index(kv[0]) if kv[0] in vocab.LEVELS else 9)


def family_order(family: str) -> tuple[int, str]:
    """Curated families in their fixed order, then O*NET's SOC major groups in SOC order."""
    from careercli.common.vocab import FAMILIES
    from careercli.onet.pack import ONET_FAMILIES

    if family in FAMILIES:
        return (FAMILIES.index(family), "")
    if family in ONET_FAMILIES:
        return (len(FAMILIES) + ONET_FAMILIES.index(family), "")
    return (len(FAMILIES) + len(ONET_FAMILIES), family)


def onet_credits(roles: Any) -> list[str]:
    """The credit lines of the O*NET packs `roles` come from (usually one)."""
    return list(dict.fromkeys(r.onet.credit for r in roles if r.onet is not None))


def credit_keys(roles: Any) -> dict[str, Any]:
    """{"credit": ...} for a result that shows O*NET-derived figures of these roles: a
    curated role's interest profile is derived from O*NET 29.2, an occupation is O*NET's."""
    roles = list(roles)
    curated = [ONET_CREDIT] if any(r.onet is None for r in roles) else []
    credits = list(dict.fromkeys([*curated, *onet_credits(roles)]))
    return {"credit": credits[0] if len(credits) == 1 else credits} if credits else {}


def onet_keys(roles: Any) -> dict[str, Any]:
    """The "source" and "credit" keys a JSON result carries when O*NET occupations are in
    it (nothing otherwise, so curated results keep their keys)."""
    found = [r for r in roles if r.onet is not None]
    if not found:
        return {}
    credits = onet_credits(found)
    names = list(dict.fromkeys(r.sources[0].name for r in found if r.sources))
    return {
        "source": names[0] if len(names) == 1 else names,
        "credit": credits[0] if len(credits) == 1 else credits,
    }


def credit_for(role: Role) -> str:
    """The O*NET credit line for a role's interest profile: its pack's release, or 29.2
    (the release the bundled profiles are derived from)."""
    return role.onet.credit if role.onet is not None else ONET_CREDIT


def onet_dict(role: Role) -> dict[str, Any]:
    """What an O*NET occupation carries beyond the facets: release, job zone, where its
    education and level come from, and the credit line."""
    info = role.onet
    if info is None:
        return {}
    zone = info.job_zone
    return {
        "code": role.id,
        "release": info.release,
        "job_zone": None if zone is None else {
            "zone": zone.zone, "name": zone.name, "experience": zone.experience,
            "education": zone.education, "training": zone.training,
        },
        "education_source": info.education_source or None,
        "education_shares": dict(info.education_shares),
        "experience": None if not info.experience else {
            "level": role.level, "category": info.experience, "share": info.experience_share,
            "source": info.experience_source,
        },
        "credit": info.credit,
    }  # fmt: skip


def outlook_dict(role: Role) -> dict[str, Any] | None:
    """The BLS projection a role is counted in, with the seed's older figure where kept."""
    o = role.outlook
    if o.growth_pct is None and role.onet is not None:  # an occupation without a BLS projection
        return None
    seed = o.seed
    return {
        "summary": o.summary,
        "growth_pct": o.growth_pct,
        "period": o.period,
        "occupation": o.occupation,
        "soc": o.soc or None,
        "employment_start": o.employment_start,
        "employment_end": o.employment_end,
        "openings_per_year": o.openings_per_year,
        "band": o.band or None,
        "entry_education": o.entry_education or None,
        "note": o.note or None,
        "source": o.source,
        "table": o.table or None,
        "date": o.date,
        "seed": None if seed is None else {
            "growth_pct": seed.growth_pct, "period": seed.period, "occupation": seed.occupation,
            "summary": seed.summary, "source": seed.source, "date": seed.date,
        },
    }  # fmt: skip


def us_wages_dict(role: Role) -> dict[str, Any] | None:
    """BLS OEWS national wages for the role's occupation; None without them. A figure BLS
    top-codes or suppresses is null, and `top_coded`/`suppressed` say which."""
    w = role.us_wages
    if w is None:
        return None
    return {
        "p10": w.p10,
        "p25": w.p25,
        "p50": w.p50,
        "p75": w.p75,
        "p90": w.p90,
        "mean": w.mean,
        "employment": w.employment,
        "year": w.year,
        "soc": w.soc,
        "occupation": w.occupation,
        "currency": "USD",
        "amount": "annual wage, May of the year",
        "top_coded": list(w.top_coded),
        "top_code_limit": w.top_code_limit,
        "suppressed": list(w.suppressed),
        "source": w.source,
        "table": w.table,
        "date": w.date,
    }


def role_dict(catalog: Catalog, role: Role) -> dict[str, Any]:
    """Every facet of a role, with names resolved and sources attached."""
    if role.onet is not None:
        return _occupation_dict(catalog, role)
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
            "reason": role.interests.reason or None,
            "source": ONET_INTERESTS_SOURCE,
            "date": ONET_DATE,
            "credit": ONET_CREDIT,
        },
        "outlook": outlook_dict(role),
        "us_wages": us_wages_dict(role),
        "salary": salary_dict(catalog, role.id),
        "tips": list(role.tips),
        "related": list(role.related),
        "sources": [{"name": s.name, "url": s.url or None, "date": s.date} for s in role.sources],
    }


def _occupation_dict(catalog: Catalog, role: Role) -> dict[str, Any]:
    """An O*NET occupation in the same keys as a role: what O*NET lacks is empty or null,
    never filled in; the O*NET extras under "onet"; the credit line under "credit"."""
    info = role.onet
    assert info is not None
    e = role.education
    return {
        "id": role.id,
        "title": role.title,
        "aliases": list(role.aliases),
        "level": role.level or None,
        "level_label": vocab.LEVEL_LABELS[role.level] if role.level else None,
        "family": role.family,
        "summary": role.summary,
        "responsibilities": [],
        "skills": [
            {
                "id": need.skill,
                "name": catalog.skills[need.skill].name,
                "category": catalog.skills[need.skill].category,
                "importance": need.importance,
                "onet_technologies": list(info.skill_sources.get(need.skill, ())),
            }
            for need in role.skills
        ],
        "education": None if not e.typical else {
            "typical": e.typical, "minimum": e.minimum, "fields": [], "notes": list(e.notes),
            "source": info.education_source,
        },
        "tools": [{"name": t.name, "category": t.category, "hot": t.hot, "in_demand": t.in_demand}
                  for t in role.tools],
        "industries": [],
        "interests": {
            "onet_soc": role.id,
            "onet_title": role.title,
            "scale": "O*NET OI, 1 (low) to 7 (high)",
            "scores": dict(role.interests.scores),
            "credit": info.credit,
        },
        "salary": salary_dict(catalog, role.id),
        "tips": [],
        "related": [],
        "sources": [{"name": s.name, "url": s.url or None, "date": s.date} for s in role.sources],
        "onet": onet_dict(role),
        "source": role.sources[0].name if role.sources else None,
        "credit": info.credit,
        **_bls_keys(catalog, role),
    }  # fmt: skip


def _bls_keys(catalog: Catalog, role: Role) -> dict[str, Any]:
    """An occupation's O*NET profile (careercli.onet.views) and, in PRODUCT.md's keys, its
    BLS outlook and US wages."""
    from careercli.onet.views import occupation_profile

    profile = occupation_profile(catalog, role)
    return {"onet_profile": profile, "outlook": profile["outlook"], "us_wages": profile["us_wages"]}


def top_interests(role: Role, k: int = 3) -> list[tuple[str, float]]:
    """The role's strongest RIASEC dimensions, highest first (ties in RIASEC order)."""
    ranked = sorted(role.interests.scores.items(), key=lambda kv: (-kv[1], vocab.INTERESTS.index(kv[0])))
    return ranked[:k]
