"""Skill demand from the user's own postings: the share of postings naming each skill.

Over the job store (what each posting asks, read at import or fetch) and the bundled and
pack jobs, narrowed by role, level and location; n is always given with the shares.
`plan ROLE` cites it when at least CITE_MIN stored postings map to the role.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog

CITE_MIN = 30  # stored postings of a role before `plan` cites their demand


class SkillDemand(NamedTuple):
    skill: str
    n: int  # postings naming it ("count" in JSON)
    share: float  # n / postings, 0-1


class Demand(NamedTuple):
    postings: int
    stored: int  # of which in the job store
    skills: list[SkillDemand]  # best first
    role: str | None
    level: str | None
    location: str | None
    sources: list[str]
    dates: tuple[str, str] | None  # first and last posted date when every posting has one
    imported: tuple[str, str] | None  # first and last import or fetch (ISO), for stored postings
    dated: int = 0  # postings that give the date they were posted


def skill_demand(
    catalog: Catalog,
    role: str | None = None,
    level: str | None = None,
    location: str | None = None,
    data_dir: Path | None = None,
    store: Path | None = None,
    bundled: bool = True,
) -> Demand:
    from careercli.jobs.model import all_jobs
    from careercli.jobs.store import demand_rows

    place = re.compile(r"(?<![^\W_])" + re.escape(location.strip().casefold())) if location else None
    counts: Counter[str] = Counter()
    postings = 0
    sources: set[str] = set()
    rows, imported = demand_rows(role, level, store)
    posted: list[str] = []
    stored = 0
    for asked, where, remote, source, date in rows:
        if place is not None and not (place.search(where.casefold()) or (remote and _remote(location))):
            continue
        stored += 1
        counts.update({item.partition(":")[0] for item in asked.split()})
        from careercli.jobs.store import source_label

        sources.add(source_label(source))
        if date:
            posted.append(date)
    postings = stored
    if bundled:
        for job in all_jobs(catalog, data_dir):
            if (role and job.role != role) or (level and job.level != level) or job.asks is None:
                continue
            if place is not None and not place.search(job.location.casefold()):
                continue
            postings += 1
            counts.update(set(job.asks.skill_ids))
            sources.add(job.source)
            if job.posted:
                posted.append(job.posted)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    skills = [SkillDemand(s, n, n / postings) for s, n in ranked if s in catalog.skills]
    dates = (min(posted), max(posted)) if posted and len(posted) == postings else None
    return Demand(
        postings, stored, skills, role, level, location, sorted(sources), dates, imported, len(posted)
    )


def _remote(location: str | None) -> bool:
    return (location or "").strip().casefold() == "remote"


def demand_dict(d: Demand) -> dict[str, Any]:
    """`skills demand --json`: the PRODUCT.md keys, then what narrowed it and where it is from."""
    from careercli.common.envelope import envelope

    return envelope(
        postings=d.postings,
        skills=[{"skill": s.skill, "count": s.n, "share": round(s.share, 4)} for s in d.skills],
        stored=d.stored,
        role=d.role,
        level=d.level,
        location=d.location,
        sources=d.sources,
        posted={"first": d.dates[0], "last": d.dates[1]} if d.dates else None,
        imported={"first": d.imported[0], "last": d.imported[1]} if d.imported else None,
        dated=d.dated,
    )


def when(d: Demand) -> str:
    """ "posted 2018-07 to 2018-08", else when they were imported, saying that the date is
    the import's ("imported 2026-12-01; the postings give no date")."""
    if d.dates:
        a, b = d.dates[0][:7], d.dates[1][:7]
        return f"posted {a}" if a == b else f"posted {a} to {b}"
    if d.imported:
        a, b = d.imported[0][:10], d.imported[1][:10]
        said = f"imported {a}" if a == b else f"imported {a} to {b}"
        if not d.dated:
            return f"{said}; the postings give no date"
        return f"{said}; {d.dated:,} of {d.postings:,} give the date posted"
    return "bundled listings"


def plan_citation(
    catalog: Catalog, role: str, skills: list[str], data_dir: Path | None = None
) -> dict[str, Any]:
    """What `plan ROLE` says about demand: the share of the user's stored postings of the
    role naming each skill of the plan, or that there are too few to say."""
    d = skill_demand(catalog, role=role, data_dir=data_dir, bundled=False)
    share = {s.skill: s for s in d.skills}
    cited = d.stored >= CITE_MIN
    return {
        "postings": d.stored,
        "enough": cited,
        "minimum": CITE_MIN,
        "when": when(d),
        "skills": [
            {
                "skill": s,
                "count": share[s].n if s in share else 0,
                "share": round(share[s].share, 4) if s in share else 0.0,
            }
            for s in skills
        ]
        if cited
        else [],
    }
