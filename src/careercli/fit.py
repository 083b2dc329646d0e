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

Skills. A skill of importance w (1-5) at proficiency p earns w * min(p, target) / target,
where the target proficiency grows with the role's level (SKILL_TARGET: entry 3, mid 4,
senior and executive 5); the component is the sum earned over the sum of importances. A
skill the person lacks earns nothing; more proficiency never lowers the score.

Interests. Both profiles are rescaled to 0..1 (person 1-5, role O*NET OI 1-7). The person's
values are centred on the neutral midpoint (0.5 = "neither like nor dislike") and the
role's on its own average, because O*NET's OI levels are relative: what characterises an
occupation is which dimensions stand above its others. The component is
0.5 + sum(person_c * role_c) / sum(|role_c|), which stays within 0..1, is 0.5 for a person
who likes everything equally, and credits liking what the role stresses and disliking what
it does not. Each dimension's term is reported as having helped or hurt. A role with no
interest profile scores a neutral 0.5 and says so.

Education. 0.7 x degree + 0.3 x field. Degree: at or above the role's typical degree 1.0,
at least its minimum 0.7, below the minimum 0.4, 0.2, 0 for one, two, three steps below.
Field: 1.0 when the field of study matches one of the role's fields, 0.2 when it does not,
0.5 when no field was given. An MBA is a master's degree, and counts as a field match for
leadership and product roles.

Experience. By level difference (person minus role): 0 -> 1.0; above the role loses a
little (+1 -> 0.9, +2 -> 0.75, +3 -> 0.6), because a level derived from years alone can
put a 15-year individual contributor at 'executive'; below the role loses steeply
(-1 -> 0.5, -2 -> 0.15, -3 -> 0.0).

Preferences. Industries: 0.5 (neutral) when the person named none; with an overlap,
0.6 + 0.4 x (share of the person's industries the role lists); with none, 0.2 (a role's
industry list is where it is common, not where it exists). Work mode is reported but not
scored: roles carry no work-mode data, and we do not invent it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from careercli import vocab
from careercli.models import Catalog, Role, Skill
from careercli.profile import Profile

WEIGHTS: dict[str, float] = {
    "skills": 0.45,
    "experience": 0.20,
    "interests": 0.15,
    "education": 0.10,
    "preferences": 0.10,
}
SKILL_TARGET: dict[str, int] = {"entry": 3, "mid": 4, "senior": 5, "executive": 5}
# Person level minus role level -> score. Gentle above the role, steep below it.
LEVEL_GAP_SCORE: dict[int, float] = {3: 0.6, 2: 0.75, 1: 0.9, 0: 1.0, -1: 0.5, -2: 0.15, -3: 0.0}
DEGREE_SHARE, FIELD_SHARE = 0.7, 0.3
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


@dataclass(frozen=True)
class Component:
    name: str
    weight: float
    score: float  # 0..1
    points: float  # weight * score * 100
    detail: str
    items: list[dict[str, Any]]


@dataclass(frozen=True)
class Match:
    """A role skill the person has, and the points it earned."""

    skill: str
    name: str
    importance: int
    have: int
    need: int
    points: float


@dataclass(frozen=True)
class Gap:
    """A role skill the person lacks or has below the target; priority = importance x shortfall."""

    skill: str
    name: str
    importance: int
    have: int
    need: int
    priority: float


@dataclass(frozen=True)
class RoleFit:
    role: str
    title: str
    score: float  # 0..100, one decimal
    components: dict[str, Component]
    matched: list[Match]
    gaps: list[Gap]
    level: str = ""


def score_roles(profile: Profile, catalog: Catalog) -> list[RoleFit]:
    """Every role of the catalog, best fit first; ties by role id, so the order is stable."""
    fits = [score_role(profile, role, catalog) for role in catalog.roles.values()]
    fits.sort(key=lambda fit: (-fit.score, fit.role))
    return fits


def score_role(profile: Profile, role: Role, catalog: Catalog) -> RoleFit:
    skills, matched, gaps = _skills(profile, role, catalog)
    components = {
        "skills": skills,
        "experience": _experience(profile, role),
        "interests": _interests(profile, role),
        "education": _education(profile, role),
        "preferences": _preferences(profile, role, catalog),
    }
    total = sum(c.points for c in components.values())
    return RoleFit(
        role=role.id,
        title=role.title,
        score=round(min(100.0, max(0.0, total)), 1),
        components=components,
        matched=matched,
        gaps=gaps,
        level=role.level,
    )


def fit_dict(fit: RoleFit) -> dict[str, Any]:
    """The JSON shape of a fit (`quiz --json` results, `fit ROLE --json`)."""
    return {
        "role": fit.role,
        "title": fit.title,
        "level": fit.level,
        "score": fit.score,
        "components": {
            name: {
                "weight": c.weight,
                "score": round(c.score, 4),
                "points": _points(c.points),
                "detail": c.detail,
                "items": c.items,
            }
            for name, c in fit.components.items()
        },
        "matched": [asdict(m) for m in fit.matched],
        "gaps": [asdict(g) for g in fit.gaps],
    }


def _points(value: float) -> float:
    return round(value, 2) + 0.0  # + 0.0 turns a rounded -0.0 into 0.0 for the JSON


def _component(name: str, score: float, detail: str, items: list[dict[str, Any]]) -> Component:
    weight = WEIGHTS[name]
    return Component(name, weight, score, weight * score * 100, detail, items)


# --- skills ---------------------------------------------------------------------------


def _skills(profile: Profile, role: Role, catalog: Catalog) -> tuple[Component, list[Match], list[Gap]]:
    target = SKILL_TARGET[role.level]
    total = sum(need.importance for need in role.skills)
    if not total:
        return _component("skills", 0.5, "the role lists no skills; scored neutral", []), [], []
    scale = WEIGHTS["skills"] * 100 / total  # points per unit of importance fully covered
    earned = 0.0
    items: list[dict[str, Any]] = []
    matched: list[Match] = []
    gaps: list[Gap] = []
    for need in role.skills:
        have = profile.skills.get(need.skill, 0)
        credit = need.importance * min(have, target) / target
        earned += credit
        name = _skill_name(catalog, need.skill)
        points = credit * scale
        items.append(
            {
                "skill": need.skill,
                "name": name,
                "importance": need.importance,
                "have": have,
                "need": target,
                "points": _points(points),
            }
        )
        if have:
            matched.append(Match(need.skill, name, need.importance, have, target, _points(points)))
        if have < target:
            priority = need.importance * (target - have) / target
            gaps.append(Gap(need.skill, name, need.importance, have, target, round(priority, 3)))
    matched.sort(key=lambda m: (-m.points, m.skill))
    gaps.sort(key=lambda g: (-g.priority, -g.importance, g.skill))
    score = earned / total
    detail = f"{score:.0%} of the role's skill weight at the target proficiency {target}/5"
    if matched:
        detail += "; strongest: " + ", ".join(f"{m.name} {m.have}/5" for m in matched[:3])
    if gaps:
        detail += "; biggest gaps: " + ", ".join(g.name for g in gaps[:3])
    return _component("skills", score, detail, items), matched, gaps


def _skill_name(catalog: Catalog, skill_id: str) -> str:
    skill = catalog.skills.get(skill_id)
    return skill.name if skill else skill_id


# --- experience -----------------------------------------------------------------------


def _experience(profile: Profile, role: Role) -> Component:
    diff = vocab.level_rank(profile.level) - vocab.level_rank(role.level)
    score = LEVEL_GAP_SCORE[diff]
    years = profile.experience_years
    how = "given" if profile.level_given else f"from {years:g} year{'' if years == 1 else 's'}"
    if diff == 0:
        relation = "matches the role's level"
    elif diff > 0:
        relation = f"{diff} level{'s' if diff > 1 else ''} above the role's '{role.level}'"
    else:
        relation = f"{-diff} level{'s' if diff < -1 else ''} below the role's '{role.level}'"
    detail = f"your level '{profile.level}' ({how}) {relation}"
    items = [
        {
            "you": profile.level,
            "level_given": profile.level_given,
            "experience_years": profile.experience_years,
            "role": role.level,
            "difference": diff,
        }
    ]
    return _component("experience", score, detail, items)


# --- interests ------------------------------------------------------------------------


def _interests(profile: Profile, role: Role) -> Component:
    scores = role.interests.scores
    if not scores:
        return _component("interests", 0.5, "no interest data for this role; scored neutral", [])
    rescaled = {d: (scores[d] - 1) / 6 for d in vocab.INTERESTS}
    mean = sum(rescaled.values()) / len(rescaled)
    centred = {d: v - mean for d, v in rescaled.items()}
    spread = sum(abs(v) for v in centred.values())
    if spread == 0:
        return _component("interests", 0.5, "the role's interest profile is flat; scored neutral", [])
    weight = WEIGHTS["interests"]
    effects: dict[str, float] = {}
    for dim in vocab.INTERESTS:
        liking = profile.interests.get(dim, 3)
        effects[dim] = (liking - 3) / 4 * centred[dim] / spread
    score = 0.5 + sum(effects.values())
    items: list[dict[str, Any]] = [
        {
            "dimension": dim,
            "you": profile.interests.get(dim, 3),
            "role": scores[dim],
            "role_stresses": centred[dim] > 0,
            "points": _points(effects[dim] * weight * 100),
        }
        for dim in sorted(vocab.INTERESTS, key=lambda d: (-abs(effects[d]), vocab.INTERESTS.index(d)))
    ]
    helped = [i["dimension"] for i in items if i["points"] > 0][:3]
    hurt = [i["dimension"] for i in items if i["points"] < 0][:3]
    if not helped and not hurt:
        detail = "your interests are all neutral here, so they neither help nor hurt"
    else:
        detail = f"helped: {', '.join(helped) or 'none'}; hurt: {', '.join(hurt) or 'none'}"
    detail += f" (O*NET profile of {role.interests.onet_title or role.interests.onet_soc})"
    return _component("interests", min(1.0, max(0.0, score)), detail, items)


# --- education ------------------------------------------------------------------------


def _education(profile: Profile, role: Role) -> Component:
    business = role.family in BUSINESS_FAMILIES
    rank = vocab.degree_rank(profile.degree)
    if profile.mba:  # an MBA is a master's degree whatever else was entered
        rank = max(rank, vocab.degree_rank("master"))
    typical = vocab.degree_rank(role.education.typical)
    minimum = vocab.degree_rank(role.education.minimum)
    if rank >= typical:
        degree_score, degree_note = 1.0, f"meets the typical {role.education.typical}"
    elif rank >= minimum:
        degree_score, degree_note = 0.7, f"meets the minimum {role.education.minimum}, below the typical"
    else:
        steps = minimum - rank
        degree_score = max(0.0, 0.4 - 0.2 * (steps - 1))
        degree_note = f"{steps} step{'s' if steps > 1 else ''} below the minimum {role.education.minimum}"

    matched_field = _field_match(profile.field, role.education.fields)
    if profile.mba and business:
        field_score, field_note = 1.0, "an MBA counts for this leadership role"
    elif matched_field:
        field_score, field_note = 1.0, f"field matches '{matched_field}'"
    elif not profile.field.strip():
        field_score, field_note = 0.5, "no field given (neutral)"
    else:
        field_score, field_note = 0.2, f"field '{profile.field}' is not one the role lists"
    score = DEGREE_SHARE * degree_score + FIELD_SHARE * field_score
    detail = f"{vocab.DEGREE_LABELS[vocab.DEGREES[rank]]}: {degree_note}; {field_note}"
    items: list[dict[str, Any]] = [
        {
            "part": "degree",
            "you": vocab.DEGREES[rank],
            "typical": role.education.typical,
            "minimum": role.education.minimum,
            "score": degree_score,
        },
        {
            "part": "field",
            "you": profile.field,
            "role": list(role.education.fields),
            "matched": matched_field or ("MBA" if profile.mba and business else None),
            "score": field_score,
        },
    ]
    return _component("education", score, detail, items)


def _norm_field(text: str) -> str:
    key = " ".join(re.sub(r"[^a-z0-9]+", " ", text.casefold()).split())
    return _FIELD_ABBREVIATIONS.get(key, key)


def _field_match(field: str, role_fields: tuple[str, ...]) -> str | None:
    """The role field the person's field of study matches, by containment either way."""
    mine = _norm_field(field)
    if len(mine) < 2:
        return None
    for theirs in role_fields:
        other = _norm_field(theirs)
        if mine == other or (len(mine) >= 4 and mine in other) or other in mine:
            return theirs
    return None


# --- preferences ----------------------------------------------------------------------


def _preferences(profile: Profile, role: Role, catalog: Catalog) -> Component:
    wanted = profile.industries
    common = [i for i in wanted if i in role.industries]
    if not wanted:
        score, detail = 0.5, "no industries given (neutral)"
    elif common:
        score = 0.6 + 0.4 * len(common) / len(wanted)
        detail = "the role is common in " + ", ".join(_industry_name(catalog, i) for i in common)
    else:
        score, detail = 0.2, "the role is not typical of the industries you named"
    detail += "; work mode not scored (roles carry no work-mode data)"
    items: list[dict[str, Any]] = [
        {
            "part": "industries",
            "you": list(wanted),
            "role": list(role.industries),
            "common": common,
            "score": score,
        },
        {
            "part": "work_mode",
            "you": profile.work_mode,
            "role": None,
            "score": None,
            "note": "not scored: roles carry no work-mode data",
        },
    ]
    return _component("preferences", score, detail, items)


def _industry_name(catalog: Catalog, industry_id: str) -> str:
    industry = catalog.industries.get(industry_id)
    return industry.name if industry else industry_id


# --- plan -----------------------------------------------------------------------------


def plan_steps(fit: RoleFit, role: Role, catalog: Catalog) -> list[dict[str, Any]]:
    """The gaps to close for `role`, most important first, each with what to do about it."""
    steps: list[dict[str, Any]] = []
    for rank, gap in enumerate(fit.gaps, 1):
        skill = catalog.skills.get(gap.skill)
        about = skill.description if skill else ""
        if gap.have:
            action = f"Deepen {gap.name} from {gap.have}/5 to {gap.need}/5."
        else:
            action = f"Learn {gap.name} (the role expects {gap.need}/5)."
        tips = [tip for tip in role.tips if skill is not None and _mentions(tip, skill)]
        steps.append(
            {
                "rank": rank,
                "skill": gap.skill,
                "name": gap.name,
                "importance": gap.importance,
                "have": gap.have,
                "need": gap.need,
                "priority": gap.priority,
                "action": action,
                "about": about,
                "tips": tips,
            }
        )
    return steps


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9+#]+", text.casefold())


def _mentions(tip: str, skill: Skill) -> bool:
    """Does a tip talk about the skill? Several-word names match on word stems ("engineer
    features" ~ "feature engineering"); one-word names only as the word or its plural, and
    very short names ("R", "ML") only as whole words in their own case, to avoid noise."""
    words = _tokens(tip)
    for name in (skill.name, skill.id.replace("-", " "), *skill.aliases):
        parts = _tokens(name)
        if not parts:
            continue
        if all(len(p) <= 2 for p in parts):
            if re.search(rf"(?<![\w+#]){re.escape(name)}(?![\w+#])", tip):
                return True
        elif len(parts) == 1:
            if _word_in(parts[0], words, stem=False):
                return True
        elif all(_word_in(p, words, stem=len(p) > 5) for p in parts):
            return True
    return False


def _word_in(part: str, words: list[str], stem: bool) -> bool:
    if stem:  # the first five letters: "preprocess" ~ "preprocessing"
        return any(w.startswith(part[:5]) for w in words)
    return any(w in (part, part + "s", part + "es") for w in words)
