"""An imported O*NET pack: where it lives, and its occupations.json read into Roles.

`careercli data import-onet DIR` (careercli.onet.importer) writes one JSON file,
`occupations.json`, into a pack folder in user state (`packs/onet/`). One JSON file
rather than a thousand YAML files because the quiz reads all of it on every run: json is
parsed in C, so the whole catalog loads in a few tens of milliseconds.

Loading validates the file's shape (it may have been edited or truncated) and that every
skill id still names a careercli skill; any problem is a DataError naming the file, the
occupation and the key, and suggesting a fresh import.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from careercli.catalog.models import (
    Catalog,
    Education,
    Interests,
    JobZone,
    OnetElement,
    OnetInfo,
    Outlook,
    Role,
    SkillNeed,
    Source,
    Tool,
    UsWages,
)
from careercli.common import vocab
from careercli.common.errors import DataError
from careercli.onet.credit import credit_line

PACK_FILE = "occupations.json"
TASKS_FILE = "tasks.json"  # read only by the views of one occupation (show, compare, next)
PACK_KIND = "onet-occupations"
SCHEMA_VERSION = 1
ONET_URL = "https://www.onetcenter.org/database.html"
CODE = re.compile(r"^\d\d-\d\d\d\d\.\d\d$")
REIMPORT = "run `careercli data import-onet DIR` again"

# SOC 2018 major groups (the first two digits of an O*NET-SOC code), U.S. Bureau of Labor
# Statistics, https://www.bls.gov/soc/2018/major_groups.htm. An occupation's family.
SOC_MAJOR_GROUPS: dict[str, str] = {
    "11": "Management",
    "13": "Business and Financial Operations",
    "15": "Computer and Mathematical",
    "17": "Architecture and Engineering",
    "19": "Life, Physical, and Social Science",
    "21": "Community and Social Service",
    "23": "Legal",
    "25": "Educational Instruction and Library",
    "27": "Arts, Design, Entertainment, Sports, and Media",
    "29": "Healthcare Practitioners and Technical",
    "31": "Healthcare Support",
    "33": "Protective Service",
    "35": "Food Preparation and Serving Related",
    "37": "Building and Grounds Cleaning and Maintenance",
    "39": "Personal Care and Service",
    "41": "Sales and Related",
    "43": "Office and Administrative Support",
    "45": "Farming, Fishing, and Forestry",
    "47": "Construction and Extraction",
    "49": "Installation, Maintenance, and Repair",
    "51": "Production",
    "53": "Transportation and Material Moving",
    "55": "Military Specific",
}


def family_id(group_name: str) -> str:
    """'Life, Physical, and Social Science' -> 'life-physical-and-social-science'."""
    return "-".join(re.findall(r"[a-z0-9]+", group_name.casefold()))


FAMILY_OF_GROUP: dict[str, str] = {code: family_id(name) for code, name in SOC_MAJOR_GROUPS.items()}
ONET_FAMILIES: tuple[str, ...] = tuple(FAMILY_OF_GROUP.values())  # in SOC order


def family_of(code: str) -> str:
    return FAMILY_OF_GROUP.get(code[:2], "other")


def pack_dir() -> Path:
    """Where `data import-onet` writes the pack (it may not exist yet)."""
    from careercli.common.paths import state_dir

    return state_dir() / "packs" / "onet"


def imported_pack_dir() -> Path:
    """The imported pack's folder; a DataError telling how to import it when there is none."""
    folder = pack_dir()
    if not (folder / PACK_FILE).is_file():
        raise DataError(
            f"{folder}: no O*NET pack imported yet; run `careercli data import-onet DIR` "
            "with a folder of O*NET text tables (release 29.x)"
        )
    return folder


def has_pack(folder: Path) -> bool:
    return (folder / PACK_FILE).is_file()


_NO_OUTLOOK = Outlook(summary="", growth_pct=None, period="", occupation="", source="", date="")
_NO_EDUCATION = Education("", "", (), ())


def read_pack(path: Path, catalog: Catalog) -> list[Role]:
    """occupations.json as Roles, validated; ambiguous alternate titles go to the catalog."""
    import json  # here, not at the top: most commands only ask has_pack()

    from careercli.common.yamlio import read_text

    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: line {exc.lineno}: JSON error: {exc.msg}; {REIMPORT}") from None
    if not isinstance(data, dict):
        raise DataError(f"{path}: top level: expected a mapping; {REIMPORT}")
    if data.get("schema_version") != SCHEMA_VERSION or data.get("kind") != PACK_KIND:
        raise DataError(
            f"{path}: schema_version/kind: expected {SCHEMA_VERSION} and '{PACK_KIND}', got "
            f"{data.get('schema_version')!r} and {data.get('kind')!r}; {REIMPORT}"
        )
    where = "source"
    try:
        src = data["source"]
        # the credit in today's words, whatever wording the pack was imported with
        release, credit = _text(src["release"]), credit_line(_text(src["release"]))
        source = Source(_text(src["name"]), _text(src.get("url") or ""), _text(src["imported"]))
        where = "job_zones"
        zones = {
            int(z): JobZone(int(z), _text(j["name"]), _text(j["experience"]), _text(j["education"]),
                            _text(j["training"]))
            for z, j in data["job_zones"].items()
        }  # fmt: skip
        where = "elements"
        elements = read_elements(data.get("elements", {}))
        where = "ambiguous"
        ambiguous = {_text(k): tuple(_text(c) for c in v) for k, v in data.get("ambiguous", {}).items()}
        occupations = data["occupations"]
        if not isinstance(occupations, list):
            raise TypeError("occupations: expected a list")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{path}: {where}: {_problem(exc)}; {REIMPORT}") from None

    roles: list[Role] = []
    skills = catalog.skills
    for i, occ in enumerate(occupations):
        code = occ.get("code", "?") if isinstance(occ, dict) else "?"
        try:
            roles.append(_role(occ, path, release, credit, source, zones, skills, elements))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataError(f"{path}: occupations[{i}] ({code}): {_problem(exc)}; {REIMPORT}") from None
    catalog.ambiguous.update(ambiguous)
    catalog.onet_elements.update(elements)
    return roles


def _problem(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing key {exc.args[0]!r}"
    return str(exc) or type(exc).__name__


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {value!r}")
    return value


_new = tuple.__new__  # builds a NamedTuple without its Python-level __new__: a thousand roles


# A technology's importance to an occupation (docs/data-packs.md): In Demand (often in this
# occupation's job postings) 5, a Hot Technology (often in postings across occupations) 3,
# listed only 2. Used for the technologies that map to careercli skills and for the rest.
IMPORTANCE_IN_DEMAND, IMPORTANCE_HOT, IMPORTANCE_LISTED = 5, 3, 2
HOT, IN_DEMAND = 1, 2  # bits of a technology's flags in occupations.json


def technology_importance(hot: bool, in_demand: bool) -> int:
    return IMPORTANCE_IN_DEMAND if in_demand else IMPORTANCE_HOT if hot else IMPORTANCE_LISTED


def _role(
    occ: dict[str, Any],
    path: Path,
    release: str,
    credit: str,
    source: Source,
    zones: dict[int, JobZone],
    skills: dict[str, Any],
    elements: dict[str, OnetElement],
) -> Role:
    code = _text(occ["code"])
    if not CODE.match(code):
        raise ValueError(f"code: '{code}' is not an O*NET-SOC code like 15-2051.00")
    title = _text(occ["title"])
    interests = occ["interests"]
    if interests and (set(interests) != set(vocab.INTERESTS) or
                      not all(1 <= float(v) <= 7 for v in interests.values())):  # fmt: skip
        raise ValueError("interests: expected the six RIASEC values, 1-7")
    needs, sources = _skill_needs(occ["skills"], skills)
    education, edu_source, shares = _education(occ["education"])
    exp = occ["experience"]
    level = "" if exp is None else exp["level"]
    if level and level not in vocab.LEVELS:
        raise ValueError(f"experience: unknown level '{level}'")
    tools = tuple([_new(Tool, (name, category, bool(flags & HOT), bool(flags & IN_DEMAND)))
                   for name, category, flags in occ["technologies"]])  # fmt: skip
    assessed = {name for names in sources.values() for name in names}
    info = _onet_info(occ, release, credit, zones, elements)._replace(
        education_source=edu_source,
        education_shares=shares,
        skill_sources=sources,
        unassessed=sum(1 for t in tools if t.name not in assessed),  # each weighs 1 in fit's skills
    )
    return Role(
        id=code,
        title=title,
        aliases=tuple(occ["aliases"]),
        level=level,
        family=family_of(code),
        summary=_text(occ["description"]),
        responsibilities=(),
        skills=tuple(needs),
        education=education,
        tools=tools,
        industries=(),
        interests=Interests(
            code, title, {d: float(interests[d]) for d in vocab.INTERESTS} if interests else {}
        ),
        outlook=_outlook(info.bls),
        us_wages=_us_wages(info.bls),
        tips=(),
        related=(),
        sources=(source,),
        path=str(path),
        onet=info,
    )


def _onet_info(
    occ: dict[str, Any],
    release: str,
    credit: str,
    zones: dict[int, JobZone],
    elements: dict[str, OnetElement],
) -> OnetInfo:
    """What an occupation carries beyond a Role's facets, but its education and skills."""
    exp = occ["experience"]
    values = occ.get("work_values") or {}
    ratings = _ratings(occ.get("ratings") or {})
    centred, norm, important = centred_ratings(ratings, elements)
    return OnetInfo(
        release=release,
        credit=credit,
        job_zone=zones[occ["job_zone"]] if occ["job_zone"] is not None else None,
        education_source="",
        education_shares={},
        experience="" if exp is None else _text(exp["category"]),
        experience_share=None if exp is None or exp["share"] is None else float(exp["share"]),
        experience_source="" if exp is None else _text(exp["source"]),
        skill_sources={},
        ratings=ratings,
        centred=centred,
        ratings_norm=norm,
        important=important,
        work_values={_text(k): float(v) for k, v in (values.get("extent") or {}).items()},
        high_points=tuple(_text(v) for v in values.get("high_points") or ()),
        related=tuple((_text(c), _text(t)) for c, t in occ.get("related") or ()),
        ratings_from=tuple(_text(c) for c in occ.get("ratings_from") or ()),
        bls=_bls(occ.get("bls")),
    )


def _bls(raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not isinstance(raw.get("soc"), str):
        raise ValueError("bls: expected a mapping with the SOC code")
    return raw


def _outlook(bls: dict[str, Any]) -> Outlook:
    """The BLS projection for the occupation's SOC as its outlook (none: the empty outlook)."""
    p = bls.get("projection")
    if not p:
        return _NO_OUTLOOK
    summary = f"{p['band']}: {p['employment_start']:,} jobs in 2024 to {p['employment_end']:,} in 2034"
    return Outlook(summary, float(p["growth_pct"]), _text(p["period"]), _text(p["occupation"]),
                   _text(p["source"]), _text(p["date"]), soc=_text(bls["soc"]),
                   employment_start=p["employment_start"], employment_end=p["employment_end"],
                   openings_per_year=p["openings_per_year"], band=_text(p["band"]),
                   entry_education=_text(p["entry_education"]), table=_text(p["table"]))  # fmt: skip


def _us_wages(bls: dict[str, Any]) -> UsWages | None:
    """The BLS wages for the occupation's SOC as the role's us_wages (none: None)."""
    w = bls.get("wages")
    if not w:
        return None
    from careercli.bls.tables import TOP_CODE_ANNUAL

    top, hidden = tuple(w["top_coded"]), tuple(w["suppressed"])
    limit = TOP_CODE_ANNUAL if top else None
    return UsWages(_text(bls["soc"]), _text(w["occupation"]), int(w["year"]), w["p10"], w["p25"], w["p50"],
                   w["p75"], w["p90"], w["mean"], w["employment"], top, hidden, limit,
                   _text(w["source"]), _text(w["table"]), _text(w["date"]))  # fmt: skip


def _skill_needs(
    rows: list[Any], skills: dict[str, Any]
) -> tuple[list[SkillNeed], dict[str, tuple[str, ...]]]:
    """[skill id, importance, [technologies]] rows -> needs and each skill's technologies."""
    needs: list[SkillNeed] = []
    sources: dict[str, tuple[str, ...]] = {}
    for skill_id, importance, examples in rows:
        if skill_id not in skills:
            raise ValueError(f"skills: '{skill_id}' is not a careercli skill (any more)")
        if importance not in (1, 2, 3, 4, 5):
            raise ValueError(f"skills: importance {importance!r} of '{skill_id}' is not 1-5")
        needs.append(_new(SkillNeed, (skill_id, importance)))
        sources[skill_id] = tuple(examples)
    return needs, sources


def _education(edu: dict[str, Any] | None) -> tuple[Education, str, dict[str, float]]:
    if edu is None:
        return _NO_EDUCATION, "", {}
    typical, minimum = edu["typical"], edu["minimum"]
    if typical not in vocab.DEGREES or minimum not in vocab.DEGREES:
        raise ValueError(f"education: unknown degree '{typical}' or '{minimum}'")
    education = Education(typical, minimum, (), tuple(_text(n) for n in edu["notes"]))
    return education, _text(edu["source"]), {str(k): float(v) for k, v in edu["shares"].items()}


def centred_ratings(
    ratings: dict[str, tuple[float, float | None]], elements: dict[str, OnetElement]
) -> tuple[dict[str, float], float, tuple[str, ...]]:
    """(element -> w x (level - mean), sum of w x (level - mean)², the important elements);
    w = importance / 5; a suppressed level counts as the mean (careercli.fit.onet_fit)."""
    centred: dict[str, float] = {}
    norm = 0.0
    for eid, (importance, level) in ratings.items():
        element = elements.get(eid)
        mean = element.mean_level if element is not None else 0.0
        theirs = (level if level is not None else mean) - mean
        w = importance / 5
        centred[eid] = w * theirs
        norm += w * theirs * theirs
    important = sorted(
        (eid for eid, (im, lv) in ratings.items() if im >= 3.0 and lv is not None and lv >= 2.0),
        key=lambda e: (-ratings[e][0], e),
    )
    return centred, norm, tuple(important)


def _ratings(raw: dict[str, Any]) -> dict[str, tuple[float, float | None]]:
    out: dict[str, tuple[float, float | None]] = {}
    for element, (importance, level) in raw.items():
        if not 1 <= importance <= 5 or (level is not None and not 0 <= level <= 7):
            raise ValueError(f"ratings: {element}: expected importance 1-5 and level 0-7 or null")
        out[element] = (float(importance), None if level is None else float(level))
    return out


def read_elements(raw: dict[str, Any]) -> dict[str, OnetElement]:
    """The pack's "elements" (O*NET skills and knowledge) as OnetElements."""
    return {
        _text(eid): OnetElement(eid, _text(e["name"]), _text(e["kind"]), _text(e["group"]),
                                _text(e.get("description", "")), float(e.get("mean_level", 0.0)))
        for eid, e in raw.items()
    }  # fmt: skip
