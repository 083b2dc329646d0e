"""Answers files (schema version 1 of PRODUCT.md) to and from a validated Profile.

Friendly spellings resolve to canonical names: skills by id, name or alias ("C++",
"scikit"), degrees by any common spelling ("PhD", "MSc", "masters"), levels by every
spelling PRODUCT.md lists ("SE", "Senior-level / Expert"), interests by RIASEC name or
letter, industries by id, name or alias. Anything unknown is one DataError line naming
the file, the key and the closest valid names (exit 1); nothing is silently dropped.

When `level` is absent it is derived from `experience_years` (see `level_from_years`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from careercli.catalog.lookup import find_industry, find_skill
from careercli.catalog.models import Catalog
from careercli.common import vocab
from careercli.common.errors import DataError, did_you_mean
from careercli.common.fields import Fields
from careercli.common.yamlio import load_yaml
from careercli.profile.model import Money, Profile

SCHEMA_VERSION = 1
NEUTRAL_INTEREST = 3  # a RIASEC dimension the person did not rate: neither like nor dislike
TOP_KEYS: tuple[str, ...] = (
    "schema_version",
    "experience_years",
    "level",
    "education",
    "skills",
    "interests",
    "industries",
    "work_mode",
    "locations",
    "min_salary",
    "onet_skills",
    "work_values",
)
# Upper bounds (exclusive) of years for each level. The same cut-offs the salary survey's
# levels roughly follow: under 2 years junior, under 5 mid, under 10 senior, then director.
# A 15-year individual contributor comes out 'executive' here; the fit scoring forgives a
# person above a role's level for that reason (see careercli.fit.score).
LEVEL_YEARS: tuple[tuple[str, float], ...] = (("entry", 2), ("mid", 5), ("senior", 10))
_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


def level_from_years(years: float) -> str:
    """The level a person with `years` of experience is assumed to have: <2 entry, <5 mid,
    <10 senior, else executive."""
    for level, below in LEVEL_YEARS:
        if years < below:
            return level
    return "executive"


def load_answers(path: Path, catalog: Catalog) -> Profile:
    """Read an answers file (YAML or JSON, loaded safely) into a Profile."""
    return parse_answers(load_yaml(path), catalog, str(path))


def parse_answers(data: Any, catalog: Catalog, source: str) -> Profile:
    """Validate parsed YAML/JSON of an answers file; errors name `source` and the key."""
    f = Fields(data, source, error=DataError)
    f.only(TOP_KEYS)
    version = f.raw("schema_version")
    # Missing is accepted (a hand-written file); any other version is refused, not guessed.
    if version is not None and (isinstance(version, bool) or version != SCHEMA_VERSION):
        raise f.fail("schema_version", f"unsupported version {version!r}; expected {SCHEMA_VERSION}")

    if not f.has("experience_years"):
        raise f.fail("experience_years", f"missing; expected a number of years from 0 to {vocab.MAX_YEARS}")
    years = f.number("experience_years", 0, vocab.MAX_YEARS)
    level_given = f.has("level")
    level = (
        vocab.parse_level(f.text("level"), where=f"{source}: level", error=DataError)
        if level_given
        else level_from_years(years)
    )
    degree, field, mba = _education(f)
    return Profile(
        experience_years=years,
        level=level,
        level_given=level_given,
        degree=degree,
        field=field,
        mba=mba,
        skills=_skills(f, catalog),
        interests=_interests(f),
        industries=_industries(f, catalog),
        work_mode=_work_mode(f),
        locations=_unique(f.texts("locations", min_items=0)),
        min_salary=_min_salary(f),
        **_onet_answers(f, catalog),
    )


def _onet_answers(f: Fields, catalog: Catalog) -> dict[str, Any]:
    """The optional O*NET parts (careercli.profile.onet_answers), only when given."""
    if not (f.has("onet_skills") or f.has("work_values")):
        return {}
    from careercli.profile.onet_answers import onet_skills, work_values

    return {"onet_skills": onet_skills(f, catalog), "work_values": work_values(f)}


def _education(f: Fields) -> tuple[str, str, bool]:
    # `education: PhD` is a natural shorthand for `education: {degree: PhD}`.
    raw = f.raw("education")
    e = Fields({"degree": raw}, f.file, "education") if isinstance(raw, str) else f.sub("education")
    e.only(["degree", "field", "mba"])
    if not e.has("degree"):
        raise e.fail("degree", f"missing; expected one of {', '.join(vocab.DEGREES)}")
    spelled = e.text("degree")
    degree = vocab.parse_degree(spelled, where=f"{e.file}: {e.path('degree')}", error=DataError)
    # "MBA" is a master's degree; saying it as the degree also says the person has one.
    mba = e.flag("mba") or spelled.strip().casefold() == "mba"
    return degree, e.text("field", ""), mba


def _skills(f: Fields, catalog: Catalog) -> dict[str, int]:
    s = f.sub("skills", required=False)
    skills: dict[str, int] = {}
    spelled_as: dict[str, str] = {}
    for key in s.data:
        name = str(key)
        if isinstance(key, bool) or not name.strip():
            raise s.fail(name, "expected a skill name")
        skill = find_skill(catalog, name)
        if skill is None:
            names = [n for sk in catalog.skills.values() for n in (sk.id, sk.name, *sk.aliases)]
            raise s.fail(name, f"unknown skill '{name}'{did_you_mean(name, names)}")
        if skill in skills:
            raise s.fail(name, f"'{spelled_as[skill]}' and '{name}' both name skill '{skill}'; keep one")
        # Fields reads by the key as written; YAML may have given a non-text key (`1: 3`).
        skills[skill] = Fields({name: s.data[key]}, s.file, s.where).integer(name, 1, 5)
        spelled_as[skill] = name
    return skills


def _find_interest(text: str) -> str | None:
    # One-letter Holland codes ("I", "E") are how many people know RIASEC.
    letter = text.strip().upper()
    if len(letter) == 1:
        return next((d for d in vocab.INTERESTS if d[0].upper() == letter), None)
    return vocab.find_interest(text)


def _interests(f: Fields) -> dict[str, int]:
    i = f.sub("interests", required=False)
    given: dict[str, int] = {}
    for key in i.data:
        name = str(key)
        dim = _find_interest(name)
        if dim is None:
            raise i.fail(
                name,
                f"unknown interest '{name}'; expected one of {', '.join(vocab.INTERESTS)}"
                + did_you_mean(name, vocab.INTERESTS),
            )
        if dim in given:
            raise i.fail(name, f"interest '{dim}' is given twice")
        given[dim] = Fields({name: i.data[key]}, i.file, i.where).integer(name, 1, 5)
    return {dim: given.get(dim, NEUTRAL_INTEREST) for dim in vocab.INTERESTS}


def _industries(f: Fields, catalog: Catalog) -> tuple[str, ...]:
    out: list[str] = []
    for n, name in enumerate(f.texts("industries", min_items=0)):
        industry = find_industry(catalog, name)
        if industry is None:
            names = [x for ind in catalog.industries.values() for x in (ind.id, *ind.aliases)]
            raise DataError(
                f"{f.file}: industries[{n}]: unknown industry '{name}'{did_you_mean(name, names)}"
            )
        if industry not in out:
            out.append(industry)
    return tuple(out)


def _work_mode(f: Fields) -> str:
    if not f.has("work_mode"):
        return "any"
    text = f.text("work_mode")
    mode = vocab.find_work_mode(text)
    if mode is None:
        raise f.fail(
            "work_mode",
            f"unknown work mode '{text}'; expected one of {', '.join(vocab.WORK_MODES)}"
            + did_you_mean(text, vocab.WORK_MODES),
        )
    return mode


def _min_salary(f: Fields) -> Money | None:
    if not f.has("min_salary"):
        return None
    m = f.sub("min_salary")
    m.only(["amount", "currency"])
    if not m.has("amount"):
        raise m.fail("amount", "missing; expected a number of at least 0")
    amount = m.number("amount", 0, 10**9)
    currency = m.text("currency")
    if not _CURRENCY.match(currency):
        raise m.fail("currency", f"'{currency}' is not a 3-letter currency code like USD or EUR")
    return Money(amount, currency.upper())


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def profile_to_answers(profile: Profile) -> dict[str, Any]:
    """The schema-v1 mapping of a Profile; `parse_answers` reads it back to an equal Profile."""
    years = profile.experience_years
    education: dict[str, Any] = {"degree": profile.degree}
    if profile.field:
        education["field"] = profile.field
    if profile.mba:
        education["mba"] = True
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "experience_years": int(years) if float(years).is_integer() else years,
    }
    # A derived level is left out so that it is derived again (level_given stays False).
    if profile.level_given:
        out["level"] = profile.level
    out["education"] = education
    out["skills"] = dict(profile.skills)
    out["interests"] = {d: profile.interests.get(d, NEUTRAL_INTEREST) for d in vocab.INTERESTS}
    out["industries"] = list(profile.industries)
    out["work_mode"] = profile.work_mode
    out["locations"] = list(profile.locations)
    if profile.onet_skills:
        out["onet_skills"] = dict(profile.onet_skills)
    if profile.work_values:
        out["work_values"] = dict(profile.work_values)
    if profile.min_salary is not None:
        amount = profile.min_salary.amount
        out["min_salary"] = {
            "amount": int(amount) if float(amount).is_integer() else amount,
            "currency": profile.min_salary.currency,
        }
    return out
