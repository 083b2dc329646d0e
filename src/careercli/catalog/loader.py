"""Load the bundled data and any user pack into a validated Catalog, once."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careercli.catalog.models import (
    Catalog,
    Education,
    Industry,
    Interests,
    Outlook,
    Percentiles,
    Role,
    RoleSalary,
    SalarySource,
    SeedOutlook,
    Skill,
    SkillNeed,
    Source,
    Tool,
    UsWages,
)
from careercli.common import vocab
from careercli.common.errors import DataError, did_you_mean
from careercli.common.paths import bundled_data_dir

if TYPE_CHECKING:  # the validating functions import Fields themselves: a cached catalog needs none
    from careercli.common.fields import Fields

SKILL_CATEGORIES: tuple[str, ...] = (
    "programming",
    "math-stats",
    "machine-learning",
    "data-engineering",
    "analytics-bi",
    "cloud-devops",
    "ai-specialties",
    "leadership-business",
)
_SOC = r"^\d\d-\d\d\d\d\.\d\d$"  # compiled (and cached by `re`) when a role is validated
_ROLE_KEYS = [
    "schema_version",
    "id",
    "title",
    "aliases",
    "level",
    "family",
    "summary",
    "responsibilities",
    "skills",
    "education",
    "tools",
    "industries",
    "interests",
    "outlook",
    "us_wages",
    "tips",
    "related",
    "sources",
]
_BLS_SOC = r"^\d\d-\d\d\d\d$"
_OUTLOOK_KEYS = [
    "summary",
    "growth_pct",
    "period",
    "occupation",
    "source",
    "date",
    "soc",
    "employment_start",
    "employment_end",
    "openings_per_year",
    "band",
    "entry_education",
    "table",
    "note",
    "seed",
]
_WAGE_KEYS = [
    "soc",
    "occupation",
    "year",
    "p10",
    "p25",
    "p50",
    "p75",
    "p90",
    "mean",
    "employment",
    "top_coded",
    "suppressed",
    "top_code_limit",
    "source",
    "table",
    "date",
]


def load_catalog(
    pack: Path | None = None,
    use_cache: bool = True,
    *,
    onet: Path | None = None,
    onet_only: bool = False,
) -> Catalog:
    """The bundled catalog, with the user pack's skills, industries and roles laid over it.

    A folder holding an O*NET pack's occupations.json (careercli.onet.pack) adds its
    occupations after the curated roles, whose names win any clash: that is how `pack`
    can be an imported O*NET pack, and `onet` names one more such folder (the imported
    pack in user state). With `onet_only` (`--catalog onet`) the catalog's roles are that
    pack's occupations alone; skills and industries still come from the bundled data and
    `pack`.
    """
    from careercli.catalog.parse_cache import CatalogCache, ParseCache

    folders = [f for f in (bundled_data_dir(), pack) if f is not None]
    cache_dir = _cache_dir() if use_cache else None
    slot = "default" if onet is None else "onet" if onet_only else "merged"
    request = (str(pack) if pack else None, str(onet) if onet else None, onet_only)
    validated = CatalogCache(cache_dir, slot, request, _input_files(folders, onet) if cache_dir else [])
    saved = validated.load()
    if saved is not None:
        return saved
    cache = ParseCache(cache_dir)
    catalog = Catalog(roles={}, skills={}, industries={})
    for folder in folders:
        skills, industries = folder / "skills.yaml", folder / "industries.yaml"
        if skills.is_file():
            _read_skills(skills, cache.load_yaml(skills), catalog)
        if industries.is_file():
            _read_industries(industries, cache.load_yaml(industries), catalog)
    if not onet_only:
        for folder in folders:
            for path in sorted((folder / "roles").glob("*.yaml")):
                role = parse_role(path, cache.load_yaml(path), catalog)
                catalog.roles[role.id] = role
            summary = folder / "salary_summary.json"
            if summary.is_file():
                _load_salaries(summary, catalog)
    _cross_check(catalog)
    onet_folders = [] if onet_only else [f for f in folders[1:] if _has_onet(f)]
    if onet is not None and all(f.resolve() != onet.resolve() for f in onet_folders):
        onet_folders.append(onet)
    for folder in onet_folders:
        _add_occupations(folder, catalog)
    cache.save()
    validated.save(catalog)
    return catalog


def _input_files(folders: list[Path], onet: Path | None) -> list[Path]:
    """Every file load_catalog may read from these folders, whether it is there or not:
    what a cached catalog is keyed by. A file load_catalog reads must be listed here."""
    from careercli.onet.pack import PACK_FILE

    files: list[Path] = []
    for folder in [*folders, *([onet] if onet is not None else [])]:
        files += [folder / name for name in ("skills.yaml", "industries.yaml", "salary_summary.json")]
        files.append(folder / PACK_FILE)
        roles = folder / "roles"
        try:  # every name load_catalog's glob takes (and maybe a few more), at a fraction of its cost
            names = sorted(name for name in os.listdir(roles) if name.lower().endswith(".yaml"))
        except OSError:
            names = []
        files += [roles / name for name in names]
    return files


def _has_onet(folder: Path) -> bool:
    from careercli.onet.pack import has_pack

    return has_pack(folder)


def _add_occupations(folder: Path, catalog: Catalog) -> None:
    """An O*NET pack's occupations, after the curated roles (whose ids they cannot take:
    O*NET-SOC codes hold a dot, role ids never do)."""
    from careercli.onet.pack import PACK_FILE, read_pack

    path = folder / PACK_FILE
    for role in read_pack(path, catalog):
        if role.id in catalog.roles:
            raise DataError(f"{path}: occupation {role.id} is listed twice (in another O*NET pack?)")
        catalog.roles[role.id] = role


def _cache_dir() -> Path | None:
    from careercli.common.paths import state_dir

    try:
        return state_dir()
    except Exception:
        return None


def validate_path(path: Path) -> Catalog:
    """`data validate PATH`: a pack folder, or one role/skills/industries file."""
    if path.is_dir():
        return load_catalog(path, use_cache=False)
    catalog = load_catalog()
    if path.name == "occupations.json":  # an O*NET pack's one file
        _add_occupations(path.parent, catalog)
        return catalog
    from careercli.common.yamlio import load_yaml

    data = load_yaml(path)
    if path.name == "skills.yaml":
        _read_skills(path, data, catalog)
    elif path.name == "industries.yaml":
        _read_industries(path, data, catalog)
    else:
        role = parse_role(path, data, catalog)
        catalog.roles[role.id] = role
    _cross_check(catalog)
    return catalog


def _schema(f: Fields) -> None:
    version = f.raw("schema_version")
    if version is not None and version != 1:
        raise f.fail("schema_version", f"unsupported version {version!r}; expected 1")


def _read_skills(path: Path, data: Any, catalog: Catalog) -> None:
    from careercli.common.fields import Fields

    top = Fields(data, str(path))
    top.only(["schema_version", "skills"])
    _schema(top)
    for f in top.items("skills"):
        f.only(["id", "name", "category", "aliases", "description"])
        category = f.text("category")
        if category not in SKILL_CATEGORIES:
            raise f.fail(
                "category",
                f"unknown category '{category}'; expected one of {', '.join(SKILL_CATEGORIES)}"
                + did_you_mean(category, SKILL_CATEGORIES),
            )
        skill = Skill(
            id=f.ident(),
            name=f.text("name"),
            category=category,
            aliases=f.texts("aliases", min_items=0),
            description=f.text("description"),
        )
        catalog.skills[skill.id] = skill


def _read_industries(path: Path, data: Any, catalog: Catalog) -> None:
    from careercli.common.fields import Fields

    top = Fields(data, str(path))
    top.only(["schema_version", "industries"])
    _schema(top)
    for f in top.items("industries"):
        f.only(["id", "name", "aliases"])
        industry = Industry(id=f.ident(), name=f.text("name"), aliases=f.texts("aliases", 0))
        catalog.industries[industry.id] = industry


def _choice(f: Fields, key: str, choices: tuple[str, ...], what: str) -> str:
    value = f.text(key)
    if value not in choices:
        raise f.fail(
            key,
            f"unknown {what} '{value}'; expected one of {', '.join(choices)}" + did_you_mean(value, choices),
        )
    return value


def parse_role(path: Path, data: Any, catalog: Catalog) -> Role:
    """One role file, validated against the catalog's skills and industries."""
    from careercli.common.fields import Fields

    f = Fields(data, str(path))
    f.only(_ROLE_KEYS)
    _schema(f)
    role_id = f.ident()
    if path.suffix in (".yaml", ".yml") and path.stem != role_id:
        raise f.fail("id", f"'{role_id}' must match the file name '{path.stem}'")
    return Role(
        id=role_id,
        title=f.text("title"),
        aliases=f.texts("aliases", 0),
        level=_choice(f, "level", vocab.LEVELS, "level"),
        family=_choice(f, "family", vocab.FAMILIES, "family"),
        summary=" ".join(f.text("summary").split()),
        responsibilities=f.texts("responsibilities"),
        skills=_skill_needs(f, catalog),
        education=_education(f.sub("education")),
        tools=tuple(_tools(f)),
        industries=_industries(path, f, catalog),
        interests=_interests(f.sub("interests")),
        outlook=_outlook(f.sub("outlook")),
        tips=f.texts("tips"),
        related=f.texts("related", 0),
        sources=tuple(_sources(f)),
        path=str(path),
        us_wages=_us_wages(f.sub("us_wages")) if f.has("us_wages") else None,
    )


def _skill_needs(f: Fields, catalog: Catalog) -> tuple[SkillNeed, ...]:
    needs: list[SkillNeed] = []
    seen: set[str] = set()
    for s in f.items("skills"):
        s.only(["id", "importance"])
        skill_id = s.text("id")
        if skill_id not in catalog.skills:
            raise s.fail("id", f"unknown skill '{skill_id}'" + did_you_mean(skill_id, catalog.skills))
        if skill_id in seen:
            raise s.fail("id", f"skill '{skill_id}' is listed twice")
        seen.add(skill_id)
        needs.append(SkillNeed(skill_id, s.integer("importance", 1, 5)))
    return tuple(needs)


def _education(e: Fields) -> Education:
    e.only(["typical", "minimum", "fields", "notes"])
    typical = _choice(e, "typical", vocab.DEGREES, "degree")
    minimum = _choice(e, "minimum", vocab.DEGREES, "degree")
    if vocab.degree_rank(minimum) > vocab.degree_rank(typical):
        raise e.fail("minimum", f"'{minimum}' is above the typical degree '{typical}'")
    return Education(typical, minimum, e.texts("fields"), e.texts("notes"))


def _tools(f: Fields) -> list[Tool]:
    tools: list[Tool] = []
    for t in f.items("tools"):
        t.only(["name", "category"])
        tools.append(Tool(t.text("name"), t.text("category")))
    return tools


def _industries(path: Path, f: Fields, catalog: Catalog) -> tuple[str, ...]:
    industries = f.texts("industries")
    for i, industry in enumerate(industries):
        if industry not in catalog.industries:
            raise DataError(
                f"{path}: industries[{i}]: unknown industry '{industry}'"
                + did_you_mean(industry, catalog.industries)
            )
    return industries


def _interests(ri: Fields) -> Interests:
    ri.only(["onet_soc", "onet_title", "onet_reason", *vocab.INTERESTS])
    soc = ri.text("onet_soc")
    if not re.match(_SOC, soc):
        raise ri.fail("onet_soc", f"'{soc}' is not an O*NET-SOC code like 15-2051.00")
    scores = {dim: ri.number(dim, 1, 7) for dim in vocab.INTERESTS if ri.has(dim)}
    if scores and len(scores) != len(vocab.INTERESTS):
        missing = [d for d in vocab.INTERESTS if d not in scores]
        raise ri.fail(missing[0], "missing; a profile needs all six RIASEC values (1-7)")
    return Interests(soc, ri.text("onet_title", ""), scores, ri.text("onet_reason", ""))


def _bls_soc(f: Fields) -> str:
    soc = f.text("soc")
    if not re.match(_BLS_SOC, soc):
        raise f.fail("soc", f"'{soc}' is not a SOC code like 15-2051")
    return soc


def _outlook(o: Fields) -> Outlook:
    o.only(_OUTLOOK_KEYS)
    seed = None
    if o.has("seed"):
        s = o.sub("seed")
        s.only(["growth_pct", "period", "occupation", "source", "date", "summary"])
        seed = SeedOutlook(
            growth_pct=s.number("growth_pct", -100, 1000),
            period=s.text("period"),
            occupation=s.text("occupation"),
            source=s.text("source"),
            date=s.text("date"),
            summary=" ".join(s.text("summary").split()),
        )
    jobs = 10**9
    return Outlook(
        summary=" ".join(o.text("summary").split()),
        growth_pct=o.optional_number("growth_pct", -100, 1000),
        period=o.text("period"),
        occupation=o.text("occupation"),
        source=o.text("source"),
        date=o.text("date"),
        soc=_bls_soc(o) if o.has("soc") else "",
        employment_start=o.integer("employment_start", 0, jobs) if o.has("employment_start") else None,
        employment_end=o.integer("employment_end", 0, jobs) if o.has("employment_end") else None,
        openings_per_year=o.integer("openings_per_year", 0, jobs) if o.has("openings_per_year") else None,
        band=o.text("band", ""),
        entry_education=o.text("entry_education", ""),
        table=o.text("table", ""),
        note=" ".join(o.text("note", "").split()),
        seed=seed,
    )


def _us_wages(w: Fields) -> UsWages:
    w.only(_WAGE_KEYS)
    top = 10**7

    def figure(key: str) -> int | None:
        return w.integer(key, 0, top) if w.has(key) else None

    named = ("p10", "p25", "p50", "p75", "p90", "mean", "employment")
    top_coded, suppressed = w.texts("top_coded", 0), w.texts("suppressed", 0)
    for key, names in (("top_coded", top_coded), ("suppressed", suppressed)):
        for name in names:
            if name not in named:
                raise w.fail(key, f"unknown figure '{name}'; expected one of {', '.join(named)}")
    return UsWages(
        soc=_bls_soc(w),
        occupation=w.text("occupation"),
        year=w.integer("year", 1990, 2100),
        p10=figure("p10"),
        p25=figure("p25"),
        p50=figure("p50"),
        p75=figure("p75"),
        p90=figure("p90"),
        mean=figure("mean"),
        employment=w.integer("employment", 0, 10**9) if w.has("employment") else None,
        top_coded=top_coded,
        suppressed=suppressed,
        top_code_limit=figure("top_code_limit"),
        source=w.text("source"),
        table=w.text("table", ""),
        date=w.text("date"),
    )


def _sources(f: Fields) -> list[Source]:
    sources: list[Source] = []
    for s in f.items("sources"):
        s.only(["name", "url", "date", "publisher"])
        sources.append(Source(s.text("name"), s.text("url", ""), s.text("date")))
    return sources


def _load_salaries(path: Path, catalog: Catalog) -> None:
    import json

    from careercli.common.fields import Fields
    from careercli.common.yamlio import read_text

    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: line {exc.lineno}: JSON error: {exc.msg}") from None
    top = Fields(data, str(path))
    src = top.sub("source")
    catalog.salary_source = SalarySource(
        name=src.text("name"),
        url=src.text("url", ""),
        licence=src.text("licence"),
        snapshot=src.text("snapshot"),
        currency=src.text("currency", "USD"),
    )
    roles = top.sub("roles")
    for role_id in roles.data:
        r = roles.sub(str(role_id))
        years = r.raw("years")
        n = r.integer("n", 0, 10**9)
        title_n = r.sub("title_n", required=False)
        catalog.salaries[str(role_id)] = RoleSalary(
            titles=r.texts("titles", 0),
            proxy=r.flag("proxy"),
            proxy_titles=r.texts("proxy_titles", 0),
            note=r.text("note", ""),
            n=n,
            years=(int(years[0]), int(years[-1])) if isinstance(years, list) and years else None,
            overall=_percentiles(r) if n else None,
            by_level={
                str(level): _percentiles(r.sub("by_level").sub(str(level)))
                for level in r.sub("by_level", required=False).data
            },
            n_direct=r.integer("n_direct", 0, 10**9, default=n),
            title_n={str(t): title_n.integer(str(t), 0, 10**9) for t in title_n.data},
            duplicates_dropped=r.integer("duplicates_dropped", 0, 10**9, default=0),
        )


def _percentiles(f: Fields) -> Percentiles:
    top = 10.0**9
    return Percentiles(
        n=f.integer("n", 0, 10**9),
        p10=f.number("p10", 0, top),
        p25=f.number("p25", 0, top),
        p50=f.number("p50", 0, top),
        p75=f.number("p75", 0, top),
        p90=f.number("p90", 0, top),
    )


def _cross_check(catalog: Catalog) -> None:
    """Ids unique across roles' ids, aliases and titles; related roles exist; aliases unique."""
    owner: dict[str, str] = {}
    for role in catalog.roles.values():
        for name in (role.id, role.title, *role.aliases):
            key = name.casefold()
            other = owner.setdefault(key, role.id)
            if other != role.id:
                raise DataError(
                    f"{role.path}: aliases: '{name}' also names role '{other}'; names must be unique"
                )
    for role in catalog.roles.values():
        for i, rel in enumerate(role.related):
            if rel not in catalog.roles:
                raise DataError(
                    f"{role.path}: related[{i}]: unknown role '{rel}'" + did_you_mean(rel, catalog.roles)
                )
    skill_owner: dict[str, str] = {}
    for skill in catalog.skills.values():
        for name in (skill.id, skill.name, *skill.aliases):
            key = name.casefold()
            other = skill_owner.setdefault(key, skill.id)
            if other != skill.id:
                raise DataError(
                    f"skills.yaml: skill '{skill.id}': '{name}' also names skill '{other}'; "
                    "names must be unique"
                )
