"""Job listings: the model, the employment-type vocabulary, and loading `jobs.yaml`.

Jobs come from the bundled `data/jobs.yaml` and the user's data pack (`DIR/jobs.yaml`); a
pack job with the id of a bundled one replaces it. `all_jobs` is the one place that lists
where jobs come from, so `jobs`, `jobs --for-me` and the quiz's matching jobs see the same.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from careercli.catalog.models import Catalog
from careercli.common import vocab
from careercli.common.errors import CareerError, DataError, UsageProblem, did_you_mean
from careercli.common.fields import Fields
from careercli.common.paths import bundled_data_dir, user_pack_dir
from careercli.common.yamlio import load_yaml

if TYPE_CHECKING:
    from careercli.jobs.asks import Asks

EMPLOYMENT_TYPES: tuple[str, ...] = ("full-time", "part-time", "contract", "internship", "freelance")
_TYPE_SPELLINGS: dict[str, str] = {
    "ft": "full-time",
    "fulltime": "full-time",
    "full": "full-time",
    "permanent": "full-time",
    "pt": "part-time",
    "parttime": "part-time",
    "part": "part-time",
    "contractor": "contract",
    "ct": "contract",
    "temporary": "contract",
    "temp": "contract",
    "intern": "internship",
    "in": "internship",
    "freelancer": "freelance",
    "fl": "freelance",
}
# The periods a salary may be quoted in, and how many of each make a year (for comparisons).
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_JOB_KEYS = [
    "id",
    "title",
    "company",
    "location",
    "remote",
    "employment_type",
    "level",
    "salary",
    "role",
    "skills",
    "posted",
    "url",
    "source",
    "description",
]


class Salary(NamedTuple):
    """A pay range as the listing quotes it; either end may be missing, not both."""

    min: float | None
    max: float | None
    currency: str  # ISO 4217, upper case
    period: str = "year"  # year | month | hour


class Job(NamedTuple):
    id: str
    title: str
    company: str
    location: str
    remote: bool | None  # None: the listing does not say
    employment_type: tuple[str, ...]  # from EMPLOYMENT_TYPES
    level: str | None  # entry | mid | senior | executive
    salary: Salary | None
    role: str | None  # a catalog role id
    skills: tuple[str, ...]  # skill ids
    posted: str | None  # ISO date
    url: str | None
    source: str
    description: str = ""
    level_source: str = "stated"  # stated | title (guessed from it) | default (mid: nothing said)
    asks: Asks | None = None  # what its text asks for (careercli.jobs.asks); None: not read


def find_employment_type(text: str) -> str | None:
    """The canonical employment type for "Full Time", "FT", "full_time", "Contractor", ..."""
    key = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    if key.replace(" ", "-") in EMPLOYMENT_TYPES:
        return key.replace(" ", "-")
    return _TYPE_SPELLINGS.get(key.replace(" ", ""))


def parse_employment_type(text: str, where: str = "--type", error: type[CareerError] = UsageProblem) -> str:
    found = find_employment_type(text)
    if found is None:
        raise error(
            f"{where}: unknown employment type '{text}'; expected one of {', '.join(EMPLOYMENT_TYPES)}"
            f"{did_you_mean(text, EMPLOYMENT_TYPES)}"
        )
    return found


def all_jobs(catalog: Catalog, data_dir: Path | None = None) -> list[Job]:
    """Every job careercli knows: the bundled ones, with the user pack's laid over them.

    `data_dir` is the --data-dir option; without it CAREERCLI_DATA_DIR names the pack.
    """
    return load_jobs(catalog, user_pack_dir(str(data_dir) if data_dir else None))


def load_jobs(catalog: Catalog, pack: Path | None = None) -> list[Job]:
    by_id: dict[str, Job] = {}
    for folder in (bundled_data_dir(), pack):
        if folder is not None and (folder / "jobs.yaml").is_file():
            path = folder / "jobs.yaml"
            for job in parse_jobs(path, load_yaml(path), catalog):
                by_id[job.id] = job
    return [with_asks(job, catalog) for job in by_id.values()]


def with_asks(job: Job, catalog: Catalog) -> Job:
    """`job` with what its title and description ask for (a bundled job's skills included)."""
    from careercli.jobs.asks import asks_for

    return job._replace(asks=asks_for(catalog, job.title, job.description, job.skills))


def parse_jobs(path: Path, data: Any, catalog: Catalog) -> list[Job]:
    """A jobs.yaml file, validated: every problem is one DataError naming the file and field."""
    top = Fields({} if data is None else data, str(path))
    top.only(["schema_version", "jobs"])
    version = top.raw("schema_version")
    if version is not None and version != 1:
        raise top.fail("schema_version", f"unsupported version {version!r}; expected 1")
    jobs: list[Job] = []
    seen: set[str] = set()
    for f in top.items("jobs", min_items=0):
        job = parse_job(f, catalog)
        if job.id in seen:
            raise f.fail("id", f"job '{job.id}' is listed twice")
        seen.add(job.id)
        jobs.append(job)
    return jobs


def parse_job(f: Fields, catalog: Catalog) -> Job:
    f.only(_JOB_KEYS)
    job_id = f.ident()
    role = f.text("role") if f.has("role") else None
    if role is not None and role not in catalog.roles:
        raise f.fail("role", f"unknown role '{role}'" + did_you_mean(role, catalog.roles))
    skills = f.texts("skills", min_items=0)
    for i, skill in enumerate(skills):
        if skill not in catalog.skills:
            raise DataError(
                f"{f.file}: {f.path('skills')}[{i}]: unknown skill '{skill}'"
                + did_you_mean(skill, catalog.skills)
            )
    return Job(
        id=job_id,
        title=f.text("title"),
        company=f.text("company"),
        location=f.text("location", ""),
        remote=f.flag("remote") if f.has("remote") else None,
        employment_type=_types(f),
        level=vocab.parse_level(f.text("level"), f"{f.file}: {f.path('level')}", DataError)
        if f.has("level")
        else None,
        salary=_salary(f.sub("salary")) if f.has("salary") else None,
        role=role,
        skills=skills,
        posted=_date(f, "posted"),
        url=f.text("url") if f.has("url") else None,
        source=f.text("source"),
        description=" ".join(f.text("description", "").split()),
    )


def _types(f: Fields) -> tuple[str, ...]:
    raw = f.raw("employment_type")
    names = (f.text("employment_type"),) if isinstance(raw, str) else f.texts("employment_type", 0)
    out: list[str] = []
    for i, name in enumerate(names):
        where = f"{f.file}: {f.path('employment_type')}" + ("" if isinstance(raw, str) else f"[{i}]")
        kind = parse_employment_type(name, where, DataError)
        if kind not in out:
            out.append(kind)
    return tuple(out)


def _salary(s: Fields) -> Salary:
    s.only(["min", "max", "currency", "period"])
    top = 10.0**9
    low, high = s.optional_number("min", 0, top), s.optional_number("max", 0, top)
    if low is None and high is None:
        raise s.fail("min", "missing; a salary needs min, max or both")
    if low is not None and high is not None and low > high:
        raise s.fail("min", f"{low:,.0f} is above max {high:,.0f}")
    currency = s.text("currency").upper()
    if not _CURRENCY.match(currency):
        raise s.fail("currency", f"'{currency}' is not a three-letter currency code like USD")
    period = s.text("period", "year").lower()
    if period not in vocab.PAY_PERIODS:
        raise s.fail("period", f"unknown period '{period}'; expected one of {', '.join(vocab.PAY_PERIODS)}")
    return Salary(low, high, currency, period)


def _date(f: Fields, key: str) -> str | None:
    if not f.has(key):
        return None
    text = f.text(key)
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise f.fail(key, f"'{text}' is not a date like 2023-12-06") from None


def job_dict(job: Job) -> dict[str, Any]:
    """A job as plain data: the keys PRODUCT.md pins for `jobs --json`, and more."""
    from careercli.jobs.asks import evidence_dicts

    sal = job.salary
    asks = job.asks
    skills = list(dict.fromkeys((*job.skills, *(asks.skill_ids if asks else ()))))
    return {
        "id": job.id,
        "title": job.title,
        "company": job.company,
        "location": job.location,
        "level": job.level,
        "employment_type": list(job.employment_type),
        "remote": job.remote,
        "salary": None
        if sal is None
        else {"min": whole(sal.min), "max": whole(sal.max), "currency": sal.currency, "period": sal.period},
        "role": job.role,
        "skills": skills,
        "skill_evidence": evidence_dicts(asks),
        "years_asked": asks.years if asks else None,
        "degree_asked": asks.degree if asks else None,
        "posted": job.posted,
        "url": job.url,
        "source": job.source,
        "description": job.description,
        "level_source": job.level_source,
    }


def whole(x: float | None) -> float | None:
    """70000.0 -> 70000 in JSON; 52.5 stays 52.5."""
    return int(x) if x is not None and x.is_integer() else x
