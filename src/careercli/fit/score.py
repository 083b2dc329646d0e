"""How well a person fits each role: a 0-100 score where every point is traced to a reason.

The score is the weighted sum of five components, each scored 0..1; a component's
points are weight x score x 100, and the points of all five add up to the score.

| component   | weight | what it measures                                                       |
|-------------|--------|------------------------------------------------------------------------|
| skills      | 0.45   | importance-weighted coverage of the role's skills, counting proficiency |
| experience  | 0.20   | the person's level against the role's level                            |
| interests   | 0.15   | the person's RIASEC likes against the role's O*NET interest profile     |
| education   | 0.10   | degree against the role's typical and minimum; field of study          |
| preferences | 0.10   | the industries the person wants against the role's industries          |

Why these weights: what a person can already do is the best evidence of fit, so skills
weigh most. Experience comes next because seniority gates a role more firmly than any one
skill: an entry-level person should not see director roles near the top, however well
their few skills overlap. Interests matter for staying in a career but the profile is
coarse (six numbers, and several roles share one O*NET occupation), so they refine the
ranking rather than drive it. Education rarely decides a data role on its own once the
minimum is met, and preferences are wishes, not qualifications.

Skills. A skill of importance w (1-5) at proficiency p earns w² * min(p, target) / target,
where the target proficiency grows with the role's level (SKILL_TARGET: entry 3, mid 4,
senior and executive 5); the component is the sum earned over the sum of w². Squaring
makes a role's essential skills (5: weight 25) count far more than its nice-to-haves
(2: weight 4), so a role's defining skill decides more than a long tail of shared ones. A
skill the person lacks earns nothing; more proficiency never lowers the score.
- Related skills (data/related_skills.yaml, careercli.catalog.related): a skill the person
  lacks, or rates lower, counts at floor(p x credit) of a related one they have, TensorFlow
  5/5 as PyTorch 3/5 (a substitute, credit 0.6) and as deep learning 4/5 (an implication,
  0.8). The best credit counts, the person's own rating when higher; each credit is shown
  ("Deep learning 4/5, from your TensorFlow 5/5") and carried in the items ("via").
- Must-have skills (`must: true` in a role's skills, our judgement): without one, even
  through a related skill, the skills part earns at most MUST_CAP (40%) of its points,
  and the explanation names the missing skill. A role's defining skill cannot be made up
  by a long list of shared ones (an NLP researcher is no computer vision engineer).

Interests. Both profiles are rescaled (person 1-5, role O*NET OI 1-7). The role's values
are centred on its own average, because O*NET's OI levels are relative: what
characterises an occupation is which dimensions stand above its others. Each dimension
holds a share of the part's points, |centred value| over the sum of them, so the shares
add up to the part's 15 points; the person earns a fraction of each share: 0.5 + their
lean toward what the role has there (liking 5 what it stresses, or disliking 1 what it
lacks: all of it; a neutral 3: half; the opposite: none). The dimensions' points add up
to the part's points exactly, with no base. (Algebraically the part is
0.5 + sum(lean x centred) / sum(|centred|), the measure used before, restated so that
every point has a dimension.) Helped and hurt list the dimensions that moved at least 0.05
points against a neutral answer. Brown and Gore's C-index (1994) of the person's and the
role's three-letter Holland codes is reported beside the score (0-18), not in it: it needs
a clear top three, which 1-5 answers often lack. A role with no interest profile scores a
neutral 0.5 and says so.

Education. 0.7 x degree + 0.3 x field. Degree: at or above the role's typical degree 1.0,
at least its minimum MEETS_MINIMUM (0.85), below the minimum 0.4, 0.2, 0 for one, two,
three or more steps below. The minimum is what employers ask for, and once it is met a
degree rarely decides: at 0.7 (before), a bachelor's holder lost 2.1 points against a data
scientist role, as much as a missing skill of importance 3; now 1.05. Field: 1.0 when the
field of study matches one of the role's fields, 0.2 when it does not, 0.5 when no field
was given. An MBA is a master's degree, and counts as a field match for leadership and
product roles.

Experience. A role spans the levels it is hired at: the salary survey's level mix where it
has 30 rows or more (data/role_levels.json, scripts/derive_levels.py: the levels with at
least 20% of the rows, and the stated one), else its stated level alone; the detail says
which. By the person's distance from the range (0 inside it): above the role loses a
little (+1 -> 0.9, +2 -> 0.75, +3 -> 0.6), because a level derived from years alone can
put a 15-year individual contributor at 'executive'; below the role loses steeply
(-1 -> 0.5, -2 -> 0.15, -3 -> 0.0). For research roles (and O*NET occupations of job
zone 5) a doctorate counts as DOCTORATE_YEARS (3) of experience when the level comes from
the years, as O*NET's job zone 5 counts a doctorate as the preparation it needs.

Preferences. Industries: 0.5 (neutral) when the person named none; with an overlap,
0.6 + 0.4 x (share of the person's industries the role lists); with none, 0.2 (a role's
industry list is where it is common, not where it exists). Work mode is reported but not
scored: roles carry no work-mode data, and we do not invent it.

O*NET occupations (an imported O*NET pack, careercli.onet.importer) are scored on the same
components from O*NET's data, with two rules, and nothing is filled in:
- O*NET lists no industries for any occupation, so preferences are not part of an
  occupation's score: the other four weights are scaled by 1/0.9 (ONET_BASIS) and a
  fully described occupation can reach 100.
- Skills come from O*NET's technology skills, importance 5 when In Demand for the
  occupation, 3 when a Hot Technology, else 2. A technology that is no careercli skill
  (Adobe Photoshop, say) cannot be asked about: it weighs 1, the least a skill can, and
  earns nothing. So an occupation whose one mapped technology is Python among forty others
  is no 100% skills match for a Python programmer, while a data occupation, whose
  technologies are mostly careercli skills, is barely affected.
- A component an occupation has no data for ("no data": no technology skill maps to a
  careercli skill, no related work experience or job zone, no interest profile, no
  education data) earns none of its points. The score counts evidence only: an occupation
  described by its interests alone cannot outrank one whose skills, level, interests and
  education all fit. `components_with_data` says which counted, `weight_with_data` their
  share of the weight, and `score_on_data` what the score is over those parts alone.
Education uses the degree alone (O*NET names no fields of study); with no level, the
skill target is NO_LEVEL_TARGET. Curated roles never take this path: they score exactly
as described above.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from careercli.catalog.models import Catalog, Role, SkillLink, SkillNeed
from careercli.catalog.related import credited, level_range
from careercli.common import vocab
from careercli.common.gc_pause import gc_paused
from careercli.profile.model import Profile

WEIGHTS: dict[str, float] = {
    "skills": 0.45,
    "experience": 0.20,
    "interests": 0.15,
    "education": 0.10,
    "preferences": 0.10,
}
SKILL_TARGET: dict[str, int] = {"entry": 3, "mid": 4, "senior": 5, "executive": 5}
NO_LEVEL_TARGET = 4  # an O*NET occupation without a level: the mid-level target
# What an O*NET occupation can have data for (O*NET lists no industries: no preferences).
ONET_BASIS: tuple[str, ...] = ("skills", "experience", "interests", "education")
# Person level minus role level -> score. Gentle above the role, steep below it.
LEVEL_GAP_SCORE: dict[int, float] = {3: 0.6, 2: 0.75, 1: 0.9, 0: 1.0, -1: 0.5, -2: 0.15, -3: 0.0}
DEGREE_SHARE, FIELD_SHARE = 0.7, 0.3
MEETS_MINIMUM = 0.85  # the degree score at or above the role's minimum, below its typical
# Without a must-have skill (or a related skill that stands in for it) the skills part
# earns at most this share: a role's defining skill cannot be made up by the rest.
MUST_CAP = 0.4
# A doctorate counts as this many years of experience for research roles, as O*NET's job
# zone 5 counts a doctorate as the extensive preparation its occupations need.
DOCTORATE_YEARS = 3
BUSINESS_FAMILIES = ("leadership", "product")
# Common abbreviations of fields of study, so "CS" matches "computer science".
_FIELD_ABBREVIATIONS = {
    "cs": "computer science",
    "comp sci": "computer science",
    "stats": "statistics",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "ds": "data science",
    "ee": "electrical engineering",
    "math": "mathematics",
    "maths": "mathematics",
    "applied math": "applied mathematics",
    "econ": "economics",
    "is": "information systems",
    "it": "information technology",
    "or": "operations research",
    "business": "business administration",
}


class Component(NamedTuple):
    """One part of the score. A NamedTuple: a thousand roles make five thousand of them."""

    name: str
    weight: float
    score: float  # 0..1
    points: float  # weight * score * 100
    detail: str
    items: list[dict[str, Any]]
    has_data: bool = True  # False: left out of the score (O*NET occupations only)
    extra: dict[str, Any] | None = None  # more keys for the JSON (interests: the C-index)


# Match and Gap are NamedTuples: a thousand roles make tens of thousands of them, and a
# tuple is several times cheaper to create than a frozen dataclass.
class Match(NamedTuple):
    """A role skill the person has, and the points it earned. `have` is the proficiency
    counted: their own rating, or what a related skill `via` (rated `via_have`) counts as."""

    skill: str
    name: str
    importance: int
    have: int
    need: int
    points: float
    via: str = ""
    via_have: int = 0


class Gap(NamedTuple):
    """A role skill the person lacks or has below the target; priority = importance x shortfall."""

    skill: str
    name: str
    importance: int
    have: int
    need: int
    priority: float
    via: str = ""
    via_have: int = 0
    must: bool = False


@dataclass(frozen=True, slots=True)
class RoleFit:
    role: str
    title: str
    score: float  # 0..100, one decimal
    components: dict[str, Component]
    matched: list[Match]
    gaps: list[Gap]
    level: str = ""
    components_with_data: tuple[str, ...] = tuple(WEIGHTS)


def score_roles(profile: Profile, catalog: Catalog) -> list[RoleFit]:
    """Every role of the catalog, best fit first; ties by role id, so the order is stable."""
    person = _Person.of(profile, catalog)
    with gc_paused(keep=True):  # careercli.common.gc_pause: tens of thousands of acyclic objects
        fits = [_score(person, role) for role in catalog.roles.values()]
    fits.sort(key=lambda fit: (-fit.score, fit.role))
    return fits


def score_role(profile: Profile, role: Role, catalog: Catalog) -> RoleFit:
    return _score(_Person.of(profile, catalog), role)


COMPACT_GAPS = 10  # `quiz --json` over an O*NET pack: the gaps listed per occupation


def fit_dict(fit: RoleFit, compact: bool = False) -> dict[str, Any]:
    """The JSON shape of a fit (`quiz --json` results, `fit ROLE --json`). A component
    without data (O*NET occupations only) has score null and "has_data": false. `compact`
    (the quiz's thousand O*NET occupations): an occupation's parts list the COMPACT_ITEMS
    items that earned the most points, and its first COMPACT_GAPS gaps; `fit CODE --json`
    gives them all."""
    if compact and "." in fit.role:  # an O*NET-SOC code: role ids never hold a dot
        fit = _compacted(fit)
    partial = len(fit.components_with_data) < len(fit.components)
    return {
        "role": fit.role,
        "title": fit.title,
        "level": fit.level,
        "score": fit.score,
        "components": {
            name: {
                "weight": round(c.weight, 4),
                "score": round(c.score, 4) if c.has_data else None,
                "points": _round(c.points),
                "detail": c.detail,
                "items": [_rounded(item) for item in c.items],
                **({"has_data": c.has_data} if partial else {}),
                **(c.extra or {}),
            }
            for name, c in fit.components.items()
        },
        "components_with_data": list(fit.components_with_data),
        "weight_with_data": round(weight_with_data(fit), 4),
        "score_on_data": score_on_data(fit),
        "matched": [_rounded(m._asdict()) for m in fit.matched],
        "gaps": [_rounded(g._asdict()) for g in fit.gaps],
    }


COMPACT_ITEMS = 5  # ... and the items that earned the most points (either way) per part


def _compacted(fit: RoleFit) -> RoleFit:
    components = dict(fit.components)
    for name, c in fit.components.items():
        if len(c.items) > COMPACT_ITEMS and all("points" in i for i in c.items):
            items = sorted(c.items, key=lambda i: -abs(i["points"]))[:COMPACT_ITEMS]
            kept = Component(c.name, c.weight, c.score, c.points, c.detail, items, c.has_data, c.extra)
            components[name] = kept
    gaps = fit.gaps[:COMPACT_GAPS]
    return RoleFit(
        fit.role, fit.title, fit.score, components, fit.matched, gaps, fit.level, fit.components_with_data
    )


def weight_with_data(fit: RoleFit) -> float:
    """The share of the weight its parts with data carry: 1 for a curated role."""
    return sum(fit.components[name].weight for name in fit.components_with_data)


def score_on_data(fit: RoleFit) -> float | None:
    """The score over the parts with data alone (None with no data): the score itself for a
    curated role; for a thinly described occupation, what its few parts say."""
    weight = weight_with_data(fit)
    return round(min(100.0, fit.score / weight), 1) if weight else None


def _round(value: float) -> float:
    return round(value, 2) + 0.0  # + 0.0 turns a rounded -0.0 into 0.0


def _rounded(item: dict[str, Any]) -> dict[str, Any]:
    """Floats to 2 decimals for the JSON; scoring keeps them exact so sums add up."""
    # inline (no _round call): a thousand occupations' items pass through here
    return {k: round(v, 2) + 0.0 if type(v) is float else v for k, v in item.items()}


class _Person(NamedTuple):
    """What scoring needs from the profile (and the catalog's names), worked out once per
    call rather than once per role: a thousand roles make that worth it."""

    profile: Profile
    level_rank: int
    level_how: str
    # for research roles (and O*NET job zone 5) a doctorate counts as DOCTORATE_YEARS
    research_rank: int
    research_how: str
    likes: tuple[int, ...]  # RIASEC order, 1..5
    leanings: tuple[float, ...]  # likes rescaled to 0..1 and centred on neutral: -0.5..0.5
    leaning_dims: tuple[int, ...]  # the dimensions (RIASEC order) not answered neutrally
    # "liking investigative" / "disliking artistic": disliking what a role lacks helps too
    stances: tuple[str, ...]
    degree_rank: int
    field: str  # normalised, "" when none given
    skill_names: dict[str, str]
    industry_names: dict[str, str]
    levels: dict[str, int]  # skill id -> the proficiency counted: own, or a related skill's credit
    credits: dict[str, tuple[int, SkillLink]]  # the skills whose level comes from a related one
    via_of: dict[str, tuple[str, int, int]]  # those skills -> (the related skill, its level, your own)
    code: str  # the person's three-letter Holland code ("" when their likes tie across it)
    onet_levels: dict[str, Any]  # O*NET element -> Level (careercli.fit.onet_fit); O*NET packs only
    onet_elements: dict[str, Any]  # O*NET element id -> OnetElement
    # your skills that some O*NET occupation's technologies map to (the others, leadership
    # say, can never be a technology: fit.onet_fit's relevance leaves them out)
    technology_skills: dict[str, int]

    @classmethod
    def of(cls, profile: Profile, catalog: Catalog) -> _Person:
        years = profile.experience_years
        likes = tuple(profile.interests.get(d, 3) for d in vocab.INTERESTS)
        rank = vocab.degree_rank(profile.degree)
        if profile.mba:  # an MBA is a master's degree whatever else was entered
            rank = max(rank, vocab.degree_rank("master"))
        how = "given" if profile.level_given else f"from {years:g} year{'' if years == 1 else 's'}"
        research_rank, research_how = vocab.level_rank(profile.level), how
        if profile.degree == "phd" and not profile.level_given:
            from careercli.profile.answers import level_from_years

            research_rank = vocab.level_rank(level_from_years(years + DOCTORATE_YEARS))
            research_how = f"from {years:g} years + {DOCTORATE_YEARS} for your doctorate"
        credits = _credits(profile.skills, catalog)
        return cls(
            profile=profile,
            level_rank=vocab.level_rank(profile.level),
            level_how=how,
            research_rank=research_rank,
            research_how=research_how,
            likes=likes,
            leanings=tuple((like - 3) / 4 for like in likes),
            leaning_dims=tuple(i for i, like in enumerate(likes) if like != 3),
            stances=tuple(
                f"{'liking' if like > 3 else 'disliking'} {dim}"
                for like, dim in zip(likes, vocab.INTERESTS, strict=True)
            ),
            degree_rank=rank,
            field=_norm_field(profile.field),
            skill_names={k: s.name for k, s in catalog.skills.items()},
            industry_names={k: i.name for k, i in catalog.industries.items()},
            levels=profile.skills | {k: level for k, (level, _) in credits.items()},
            credits=credits,
            via_of={
                k: (link.source, profile.skills[link.source], profile.skills.get(k, 0))
                for k, (_, link) in credits.items()
            },
            code=holland_code(likes),
            onet_levels=_onet_levels(profile, catalog),
            onet_elements=catalog.onet_elements,
            technology_skills=_technology_skills(profile, catalog),
        )


def _credits(skills: dict[str, int], catalog: Catalog) -> dict[str, tuple[int, SkillLink]]:
    """The skills a related skill counts for more than the person's own rating: skill id ->
    (the level it counts as, the link). Best credit first, then the source's id, so it is
    deterministic."""
    out: dict[str, tuple[int, SkillLink]] = {}
    if not skills:
        return out
    for target, links in catalog.links.items():
        best, best_link = skills.get(target, 0), None
        for link in links:
            have = skills.get(link.source)
            if have:
                level = credited(have, link.credit)
                if level > best:
                    best, best_link = level, link
        if best_link is not None:
            out[target] = (best, best_link)
    return out


def _technology_skills(profile: Profile, catalog: Catalog) -> dict[str, int]:
    if not catalog.onet_elements:
        return {}
    listed = {need.skill for role in catalog.roles.values() if role.onet is not None for need in role.skills}
    return {skill: have for skill, have in profile.skills.items() if skill in listed}


def _onet_levels(profile: Profile, catalog: Catalog) -> dict[str, Any]:
    if not catalog.onet_elements:  # no O*NET pack: nothing to rate against
        return {}
    from careercli.fit.onet_fit import person_levels

    return person_levels(profile.skills, profile.onet_skills, catalog.skills, catalog.onet_elements)


def _score(person: _Person, role: Role) -> RoleFit:
    if role.onet is not None:
        return _score_occupation(person, role)
    skills, matched, gaps = _skills(person, role)
    experience = _experience(person, role)
    interests = _interests(person, role)
    education = _education(person, role)
    preferences = _preferences(person, role)
    # Added in the order of WEIGHTS, so the total is the same however it is computed.
    total = skills.points + experience.points + interests.points + education.points + preferences.points
    components = {
        "skills": skills,
        "experience": experience,
        "interests": interests,
        "education": education,
        "preferences": preferences,
    }
    score = round(min(100.0, max(0.0, total)), 1)
    return RoleFit(role.id, role.title, score, components, matched, gaps, role.level)


def _component(
    name: str, score: float, detail: str, items: list[dict[str, Any]], extra: dict[str, Any] | None = None
) -> Component:
    weight = WEIGHTS[name]
    return Component(name, weight, score, weight * score * 100, detail, items, True, extra)


def _no_data(name: str, why: str, weight: float) -> Component:
    earns = f"earns none of its {weight * 100:.0f} points" if weight else "not part of the score"
    return Component(name, weight, 0.0, 0.0, f"no data: {why}; {earns}", [], has_data=False)


def _score_occupation(person: _Person, role: Role) -> RoleFit:
    """An O*NET occupation: its parts with data, weighted by careercli.fit.onet_fit's
    ONET_WEIGHTS over the parts it can have (ONET_BASIS, and preferences when you rated work
    values); a part without data reported as "no data", earning nothing (module docstring)."""
    from careercli.fit.onet_fit import ONET_WEIGHTS

    basis = (*ONET_BASIS, "preferences") if person.profile.work_values else ONET_BASIS
    total_weight = sum(ONET_WEIGHTS[name] for name in basis)
    factors = {name: ONET_WEIGHTS[name] / total_weight / WEIGHTS[name] for name in basis}

    def missing(name: str, why: str) -> Component:
        return _no_data(name, why, WEIGHTS[name] * factors[name] if name in basis else 0.0)

    skills, matched, gaps = _occupation_skills(person, role, missing)
    no_level = "O*NET has no related work experience for this occupation"
    no_education = "O*NET has no education level or job zone for this occupation"
    parts = {
        "skills": skills,
        "experience": _occupation_experience(person, role) if role.level else missing("experience", no_level),
        "interests": _interests(person, role)
        if role.interests.scores
        else missing("interests", "O*NET has no interest profile for this occupation"),
        "education": _education(person, role)
        if role.education.typical
        else missing("education", no_education),
        "preferences": _work_values(person, role, missing),
    }
    have = tuple(name for name, c in parts.items() if c.has_data)
    components = {name: _reweighted(c, factors[name]) if c.has_data else c for name, c in parts.items()}
    total = 0.0
    for c in components.values():  # in the order of WEIGHTS, as for curated roles
        total += c.points
    matched = [m._replace(points=m.points * factors["skills"]) for m in matched]
    score = round(min(100.0, max(0.0, total)), 1)
    return RoleFit(role.id, role.title, score, components, matched, gaps, role.level, have)


_SCALED_KEYS = ("points", "share", "versus_neutral")  # the item keys counted in points


def _occupation_experience(person: _Person, role: Role) -> Component:
    """O*NET's level is the related work experience needed to be hired, not the seniority of
    those doing the work: at or above it scores 1.0 (above is reported), below as for roles."""
    part = _experience(person, role)
    diff = person.level_rank - vocab.level_rank(role.level)
    if diff <= 0:
        return part
    detail = part.detail + "; O*NET's level is the experience needed to be hired, so more is no misfit"
    return _component("experience", 1.0, detail, part.items)


def _work_values(person: _Person, role: Role, missing: Callable[[str, str], Component]) -> Component:
    """An occupation's preferences part: O*NET's work values against yours, when you rated
    any (O*NET lists no industries, so those are never scored for an occupation)."""
    if not person.profile.work_values:
        return missing(
            "preferences", "O*NET lists no industries for occupations, and you rated no work values"
        )
    from careercli.fit.onet_fit import work_values_fit

    fit = work_values_fit(person.profile.work_values, role)
    if fit is None:
        return missing(
            "preferences", "O*NET has no work values for this occupation, or you rated all neutral"
        )
    score, detail, items = fit
    return _component("preferences", score, detail, items)


def _occupation_skills(
    person: _Person, role: Role, missing: Callable[[str, str], Component]
) -> tuple[Component, list[Match], list[Gap]]:
    """Technology skills and O*NET's skills and knowledge ratings (careercli.fit.onet_fit)."""
    from careercli.fit.onet_fit import skills_part

    matched: list[Match] = []
    gaps: list[Gap] = []
    tech_items: list[dict[str, Any]] | None = None
    tech_detail = ""
    if role.skills:
        tech, matched, gaps = _skills(person, role)
        unit = WEIGHTS["skills"] * 100
        tech_items = tech.items
        for i in tech_items:  # fresh dicts of this fit: scaled in place
            i["points"] /= unit
        tech_detail = tech.detail
    part = skills_part(
        tech_items, tech_detail, person.technology_skills, person.onet_levels, role, person.onet_elements
    )
    if part is None:
        if role.tools:
            why = "none of the occupation's O*NET technology skills is a careercli skill"
        else:
            why = "O*NET lists no technology skills for this occupation"
        if role.onet is not None and role.onet.ratings:
            why += ", and you have no level on the skills and knowledge O*NET rates for it"
        return missing("skills", why), [], []
    unit = WEIGHTS["skills"] * 100
    items = part.items
    for i in items:
        i["points"] *= unit
    skills = Component("skills", WEIGHTS["skills"], part.score, part.score * unit, part.detail, items)
    by_skill = {i["skill"]: i["points"] for i in items if i.get("part") == "technology"}
    if not by_skill:  # the technologies were not scored (you rated no skill they use)
        return skills, [], []
    matched = [m._replace(points=by_skill.get(m.skill, m.points)) for m in matched]
    return skills, matched, gaps


def _reweighted(c: Component, factor: float) -> Component:
    """The component at its O*NET weight; its items are this fit's own, scaled in place (a
    thousand occupations' items are the quiz's largest allocation)."""
    for item in c.items:
        for key in _SCALED_KEYS:
            if key in item:
                item[key] *= factor
    return Component(c.name, c.weight * factor, c.score, c.points * factor, c.detail, c.items, True, c.extra)


# --- skills ---------------------------------------------------------------------------

_new = tuple.__new__  # builds a NamedTuple without its Python-level __new__: the hot loop


def _skills(person: _Person, role: Role) -> tuple[Component, list[Match], list[Gap]]:
    target = SKILL_TARGET.get(role.level, NO_LEVEL_TARGET)
    needs, total = _role_needs(role, person.skill_names)
    if not total:
        return _component("skills", 0.5, "the role lists no skills; scored neutral", []), [], []
    scale = WEIGHTS["skills"] * 100 / total  # points per unit of weight (importance²) fully covered
    have_of = person.levels.get
    via_of = person.via_of.get
    earned = 0.0
    items: list[dict[str, Any]] = []
    matched: list[Match] = []
    gaps: list[Gap] = []
    missing: list[str] = []  # must-haves without any credit
    first: list[Gap] = []  # their gaps
    # This loop runs for every skill of every role: plain locals, few helper calls.
    for skill_id, name, importance, must, weight in needs:
        have = have_of(skill_id, 0)
        credit = weight * (have if have < target else target) / target
        earned += credit
        points = credit * scale
        credited_from = via_of(skill_id)
        if credited_from is None:
            via, via_have = "", 0
            items.append(
                {"skill": skill_id, "name": name, "importance": importance, "have": have,
                 "need": target, "points": points, "must": must, "via": None}
            )  # fmt: skip
        else:  # a related skill's credit: also your own rating and the related skill's
            via, via_have, own = credited_from
            items.append(
                {"skill": skill_id, "name": name, "importance": importance, "have": have,
                 "need": target, "points": points, "must": must, "via": via, "own": own,
                 "via_have": via_have}
            )  # fmt: skip
        if have:
            matched.append(_new(Match, (skill_id, name, importance, have, target, points, via, via_have)))
        elif must:  # a missing must-have: its gap comes first, whatever its priority
            missing.append(name)
            priority = importance * (target - have) / target
            first.append(_new(Gap, (skill_id, name, importance, have, target, priority, via, via_have, must)))
            continue
        if have < target:
            priority = importance * (target - have) / target
            gaps.append(_new(Gap, (skill_id, name, importance, have, target, priority, via, via_have, must)))
    score = earned / total
    cap_note = ""
    if missing:
        cap_note, factor = _must_cap(missing, score)
        if factor < 1:
            score *= factor
            for item in items:
                item["points"] *= factor
            matched = [_new(Match, (*m[:5], m[5] * factor, *m[6:])) for m in matched]  # m.points is m[5]
    matched.sort(key=lambda m: (-m.points, m.skill))
    gaps.sort(key=lambda g: (-g.priority, -g.importance, g.skill))
    if first:
        first.sort(key=lambda g: (-g.priority, -g.importance, g.skill))
        gaps = first + gaps
    unassessed = role.onet.unassessed if role.onet is not None else 0
    detail = _skills_detail(person, role, score, target, unassessed / total, matched, gaps) + cap_note
    return _component("skills", score, detail, items), matched, gaps


_NEEDS: dict[int, tuple[tuple[SkillNeed, ...], tuple[tuple[str, str, int, bool, int], ...], int]] = {}


def _role_needs(role: Role, names: dict[str, str]) -> tuple[tuple[tuple[str, str, int, bool, int], ...], int]:
    """A role's skills as the scoring loop reads them, (id, name, importance, must,
    importance²), and the total weight, worked out once per role: they do not depend on
    the person. Keyed by the skills tuple's identity, which the entry holds on to, so an id
    is never reused for another tuple while its entry lives."""
    entry = _NEEDS.get(id(role.skills))
    if entry is not None and entry[0] is role.skills:
        return entry[1], entry[2]
    needs = tuple((n.skill, names.get(n.skill, n.skill), n.importance, n.must, n.importance * n.importance)
                  for n in role.skills)  # fmt: skip
    # An O*NET occupation's technologies that are no careercli skill: the quiz cannot ask
    # about them, so each weighs 1 and earns nothing (see the module docstring).
    total = sum(n[4] for n in needs) + (role.onet.unassessed if role.onet is not None else 0)
    if len(_NEEDS) > 20_000:
        _NEEDS.clear()
    _NEEDS[id(role.skills)] = (role.skills, needs, total)
    return needs, total


def _must_cap(missing: list[str], score: float) -> tuple[str, float]:
    """The note and the factor for a role whose must-have skills the person lacks."""
    what = ", ".join(missing)
    plural = "s" if len(missing) > 1 else ""
    if score > MUST_CAP:
        note = f"; capped at {MUST_CAP:.0%} (from {score:.0%}): no {what}, the role's must-have{plural}"
        return note, MUST_CAP / score
    return f"; no {what}, the role's must-have{plural} (the {MUST_CAP:.0%} cap does not bind)", 1.0


def _skills_detail(
    person: _Person, role: Role, score: float, target: int, unassessed_share: float,
    matched: list[Match], gaps: list[Gap],
) -> str:  # fmt: skip
    detail = f"{round(score * 100)}% of the role's skill weight at the target proficiency {target}/5"
    if role.onet is not None:
        detail += " (no level data: the mid-level target)" if not role.level else ""
        detail += "; from O*NET technology skills"
        if role.onet.unassessed:
            detail += (
                f"; {role.onet.unassessed} of its technologies ({unassessed_share:.0%} of the weight)"
                " are no careercli skill and earn nothing"
            )
    names = person.skill_names
    if matched:
        strongest = [skill_text(m, names) if m.via else f"{m.name} {m.have}/5" for m in matched[:3]]
        detail += "; strongest: " + ", ".join(strongest)
        if person.credits:
            credited_ones = [m for m in matched[3:] if m.via][:2]
            if credited_ones:
                detail += "; also " + ", ".join([skill_text(m, names) for m in credited_ones])
    if gaps:
        detail += "; biggest gaps: " + ", ".join([g.name for g in gaps[:3]])
    return detail


def skill_text(m: Match | Gap, names: dict[str, str]) -> str:
    """'Deep learning 3/5, from your PyTorch 5/5' (a related skill's credit) or 'SQL 4/5'."""
    text = f"{m.name} {m.have}/5"
    if m.via:
        text += f", from your {names.get(m.via, m.via)} {m.via_have}/5"
    return text


# --- experience -----------------------------------------------------------------------


def _experience(person: _Person, role: Role) -> Component:
    profile = person.profile
    zone = role.onet.job_zone if role.onet is not None else None
    research = role.family == "research" or (zone is not None and zone.zone == 5)
    rank, how = person.level_rank, person.level_how
    if research:
        rank, how = person.research_rank, person.research_how
    low, high = level_range(role.level, role.levels)
    diff = rank - high if rank > high else (rank - low if rank < low else 0)
    span = f"'{vocab.LEVELS[low]}'" if low == high else f"'{vocab.LEVELS[low]}' to '{vocab.LEVELS[high]}'"
    if diff == 0:
        relation = f"is within the role's {span}" if low != high else "matches the role's level"
    elif diff > 0:
        relation = f"{diff} level{'s' if diff > 1 else ''} above the role's {span}"
    else:
        relation = f"{-diff} level{'s' if diff < -1 else ''} below the role's {span}"
    yours = vocab.LEVELS[rank]
    items: list[dict[str, Any]] = [
        {"you": yours, "level_given": profile.level_given,
         "experience_years": profile.experience_years, "role": role.level, "difference": diff,
         "range": (vocab.LEVELS[low], vocab.LEVELS[high]),
         "range_source": role.levels.source if role.levels else "the role's stated level",
         "doctorate_counted": research and rank != person.level_rank}
    ]  # fmt: skip
    detail = f"your level '{yours}' ({how}) {relation}"
    if role.levels is not None and low != high:
        detail += f" (hired at: {role.levels.source})"
    if role.onet is not None and role.onet.experience:
        if role.onet.experience_source == "job-zone":
            detail += (
                f" (no O*NET work-experience survey: the level its job zone states, '{role.onet.experience}')"
            )
        else:
            detail += f" (O*NET related work experience, median respondent: '{role.onet.experience}')"
    return _component("experience", LEVEL_GAP_SCORE[diff], detail, items)


# --- interests ------------------------------------------------------------------------


def _interests(person: _Person, role: Role) -> Component:
    """Each RIASEC dimension holds a share of the part's points (how far the role's profile
    stands above or below its own average there, over the total) and the person earns a
    fraction of that share: all of it for liking 5 what the role stresses (or disliking 1
    what it lacks), half for a neutral 3, none for the opposite. The dimensions' points add
    up to the part's points, with no base; see the module docstring."""
    scores = role.interests.scores
    if not scores:
        return _component("interests", 0.5, "no interest data for this role; scored neutral", [])
    dims = vocab.INTERESTS
    cached = _SHAPES.get(id(scores))
    if cached is not None and cached[0] is scores:
        shape = cached[1]
    else:
        shape = _role_shape(tuple([scores[d] for d in dims]))
        if len(_SHAPES) > 20_000:
            _SHAPES.clear()
        _SHAPES[id(scores)] = (scores, shape)  # holds `scores`, so its id is not reused
    if shape is None:
        return _component("interests", 0.5, "the role's interest profile is flat; scored neutral", [])
    values, stresses, shares, order, role_code = shape
    to_points = WEIGHTS["interests"] * 100
    # the fraction of a dimension's share earned: 0.5 + the lean toward what the role has there
    leanings = person.leanings
    earned = [0.5 + (leanings[i] if stresses[i] else -leanings[i]) for i in range(6)]
    score = sum([shares[i] * earned[i] for i in range(6)])
    # what a dimension did against a neutral answer, in points: shown as helped or hurt
    effects = [shares[i] * (earned[i] - 0.5) * to_points for i in range(6)]
    likes = person.likes
    items: list[dict[str, Any]] = [
        {"dimension": dims[i], "you": likes[i], "role": values[i], "role_stresses": stresses[i],
         "share": shares[i] * to_points, "points": shares[i] * earned[i] * to_points,
         "versus_neutral": effects[i]}
        for i in order
    ]  # fmt: skip
    why = person.stances
    # only the dimensions the person did not answer neutrally can have helped or hurt
    by_effect = sorted(person.leaning_dims, key=lambda i: -abs(effects[i]))
    # only what moves a shown point (0.05 rounds to 0.1): never "+0.0 helped"
    helped = [f"{why[i]} (+{effects[i]:.1f})" for i in by_effect if effects[i] >= 0.05][:3]
    hurt = [f"{why[i]} (-{-effects[i]:.1f})" for i in by_effect if effects[i] <= -0.05][:3]
    if helped or hurt:
        detail = f"helped: {', '.join(helped) or 'none'}; hurt: {', '.join(hurt) or 'none'}"
        detail += " (points against a neutral 3)"
    else:
        detail = "your interests are neutral here: each dimension earns half its share"
    detail += f"; O*NET profile of {role.interests.onet_title or role.interests.onet_soc}"
    extra = _congruence(person.code, role_code)
    detail += "; " + extra["congruence"]["text"]
    return _component("interests", min(1.0, max(0.0, score)), detail, items, extra)


@functools.lru_cache(maxsize=512)
def _congruence(code: str, role_code: str) -> dict[str, Any]:
    """The interests part's extra JSON keys, one shared (read-only) mapping per pair of codes."""
    return {"congruence": c_index(code, role_code)}


_Shape = tuple[tuple[float, ...], tuple[bool, ...], tuple[float, ...], tuple[int, ...], str]
_SHAPES: dict[int, tuple[dict[str, float], _Shape | None]] = {}


@functools.lru_cache(maxsize=4096)
def _role_shape(values: tuple[float, ...]) -> _Shape | None:
    """What scoring needs of a role's RIASEC profile, worked out once per profile: the
    values, which dimensions stand above its own average, each dimension's share of the
    part (|value - mean| over the total), the dimensions by share (RIASEC breaks ties) and
    its three-letter Holland code. None for a flat profile."""
    mean = sum(values) / 6
    centred = [v - mean for v in values]
    spread = sum([abs(c) for c in centred])
    if spread == 0:
        return None
    shares = tuple(abs(c) / spread for c in centred)
    order = tuple(sorted(range(6), key=[-w for w in shares].__getitem__))
    code = "".join(HEXAGON[i] for i in sorted(range(6), key=lambda i: (-values[i], i))[:3])
    return values, tuple(c > 0 for c in centred), shares, order, code


HEXAGON = "RIASEC"  # Holland's hexagon, in order: neighbours are adjacent letters


def holland_code(likes: tuple[int, ...]) -> str:
    """The person's three-letter Holland code from their 1-5 likes (RIASEC order), or ""
    when the third and fourth tie (no code stands out) or nothing is liked above neutral.
    Ties within the three are broken in RIASEC order."""
    order = sorted(range(6), key=lambda i: (-likes[i], i))
    if likes[order[2]] == likes[order[3]] or likes[order[0]] <= 3:
        return ""
    return "".join(HEXAGON[i] for i in order[:3])


@functools.lru_cache(maxsize=512)  # 20 x 20 x 6 codes at most: shared by every role that has one
def c_index(code: str, role_code: str) -> dict[str, Any]:
    """Brown and Gore's C-index (1994) of two three-letter Holland codes: 3 x the first
    letters' agreement + 2 x the second's + the third's, each 3 (same letter), 2 (adjacent on
    the hexagon), 1 (alternate) or 0 (opposite); 0-18. Reported beside the score, not in it.
    Brown, S. D., & Gore, P. A. (1994). An evaluation of interest congruence indices.
    Journal of Vocational Behavior, 45(3), 310-327."""
    cite = "Brown & Gore 1994; not scored"
    if not code:
        text = f"Holland code: the role {role_code}; yours has no clear top three, so no C-index ({cite})"
        return {"you": None, "role": role_code, "c_index": None, "max": 18, "text": text}
    total = 0
    for weight, mine, theirs in zip((3, 2, 1), code, role_code, strict=True):
        distance = abs(HEXAGON.index(mine) - HEXAGON.index(theirs))
        total += weight * (3 - min(distance, 6 - distance))
    text = f"Holland codes: you {code}, the role {role_code}; C-index {total}/18 ({cite})"
    return {"you": code, "role": role_code, "c_index": total, "max": 18, "text": text}


# --- education ------------------------------------------------------------------------


def _education(person: _Person, role: Role) -> Component:
    profile, education = person.profile, role.education
    business = role.family in BUSINESS_FAMILIES
    rank = person.degree_rank
    typical = vocab.degree_rank(education.typical)
    minimum = vocab.degree_rank(education.minimum)
    if rank >= typical:
        degree_score, degree_note = 1.0, f"meets the typical {education.typical}"
    elif rank >= minimum:
        degree_score, degree_note = MEETS_MINIMUM, f"meets the minimum {education.minimum}, below the typical"
    else:
        steps = minimum - rank
        degree_score = max(0.0, 0.4 - 0.2 * (steps - 1))
        degree_note = f"{steps} step{'s' if steps > 1 else ''} below the minimum {education.minimum}"

    matched_field = _field_match(person.field, education.fields)
    if profile.mba and business:
        field_score, field_note = 1.0, f"an MBA counts for a {role.family} role"
    elif matched_field:
        field_score, field_note = 1.0, f"field matches '{matched_field}'"
    elif not person.field:
        field_score, field_note = 0.5, "no field given (neutral)"
    else:
        field_score, field_note = 0.2, f"field '{profile.field}' is not one the role lists"
    score = DEGREE_SHARE * degree_score + FIELD_SHARE * field_score
    if role.onet is not None and not education.fields:
        return _education_degree_only(person, role, degree_score, degree_note)
    detail = f"{vocab.DEGREE_LABELS[vocab.DEGREES[rank]]}: {degree_note}; {field_note}"
    items: list[dict[str, Any]] = [
        {"part": "degree", "you": vocab.DEGREES[rank], "typical": education.typical,
         "minimum": education.minimum, "score": degree_score},
        {"part": "field", "you": profile.field, "role": list(education.fields),
         "matched": matched_field or ("MBA" if profile.mba and business else None), "score": field_score},
    ]  # fmt: skip
    return _component("education", score, detail, items)


def _education_degree_only(person: _Person, role: Role, degree_score: float, degree_note: str) -> Component:
    """An O*NET occupation: O*NET names no fields of study, so the degree is the whole score."""
    education = role.education
    source = role.onet.education_source if role.onet else ""
    where = " (O*NET: from its job zone)" if source == "job-zone" else " (O*NET education survey)"
    rank = person.degree_rank
    detail = (
        f"{vocab.DEGREE_LABELS[vocab.DEGREES[rank]]}: {degree_note}{where}; "
        "field of study: no data (O*NET names none), not scored"
    )
    items: list[dict[str, Any]] = [
        {"part": "degree", "you": vocab.DEGREES[rank], "typical": education.typical,
         "minimum": education.minimum, "score": degree_score, "source": source},
        {"part": "field", "you": person.profile.field, "role": [], "matched": None, "score": None,
         "note": "no data: O*NET names no fields of study"},
    ]  # fmt: skip
    return _component("education", degree_score, detail, items)


@functools.lru_cache(maxsize=1024)  # a few dozen distinct fields, looked up for every role
def _norm_field(text: str) -> str:
    key = " ".join(re.sub(r"[^a-z0-9]+", " ", text.casefold()).split())
    return _FIELD_ABBREVIATIONS.get(key, key)


def _field_match(mine: str, role_fields: tuple[str, ...]) -> str | None:
    """The role field a normalised field of study matches, by containment either way."""
    if len(mine) < 2:
        return None
    for theirs in role_fields:
        other = _norm_field(theirs)
        if mine == other or (len(mine) >= 4 and mine in other) or other in mine:
            return theirs
    return None


# --- preferences ----------------------------------------------------------------------


def _preferences(person: _Person, role: Role) -> Component:
    wanted = person.profile.industries
    common = [i for i in wanted if i in role.industries]
    if not wanted:
        score, detail = 0.5, "no industries given (neutral)"
    elif common:
        score = 0.6 + 0.4 * len(common) / len(wanted)
        names = person.industry_names
        detail = "the role is common in " + ", ".join([names.get(i, i) for i in common])
    else:
        score, detail = 0.2, "the role is not typical of the industries you named"
    detail += "; work mode not scored (roles carry no work-mode data)"
    items: list[dict[str, Any]] = [
        {"part": "industries", "you": list(wanted), "role": list(role.industries), "common": common,
         "score": score},
        {"part": "work_mode", "you": person.profile.work_mode, "role": None, "score": None,
         "note": "not scored: roles carry no work-mode data"},
    ]  # fmt: skip
    return _component("preferences", score, detail, items)
