"""An O*NET occupation's skills part from O*NET's own ratings of its 35 skills and 33
knowledge areas, and its work values part (issue 18). careercli.fit.score calls this for
occupations of an imported O*NET pack only; curated roles never come here.

The person's O*NET profile. Each careercli skill at proficiency p (1-5) is evidence of the
O*NET elements data/onet_crosswalk.yaml maps it to (docs/onet-crosswalk.md): level
PROFICIENCY_LEVEL[p] x the element's factor there. An element several skills reach takes
the highest. An answers file's `onet_skills` (element name or id -> level 0-7, O*NET's own
scale) sets an element outright and wins over the crosswalk.

The match, as mySkills myFuture describes its own: a similar profile and similar levels.
Each element O*NET rates for the occupation weighs w = ((importance - 1) / 4)² (importance
1, "not important", weighs 0; 5 weighs 1; squared, as curated roles square theirs, so an
occupation's defining elements decide more than its long tail). Two parts, each 0..1:

- coverage: how much of the occupation's weight you bring at its level, sum of
  w x min(you, level) / level over sum of w; an element you have no level for earns
  nothing (we do not assume you read or listen at a professional level: say so in
  `onet_skills`). A level O*NET suppressed counts importance only: any level of yours meets it.
- relevance: how much of what you bring the occupation uses, sum over your elements of
  your level x w over sum of your levels. A programmer's skills are barely used by a nurse's
  work, even if the nurse's few programming needs are met.

skills = COVERAGE_SHARE x coverage + (1 - COVERAGE_SHARE) x relevance. Flags, reported but
not scored: under-qualified on an element of importance >= IMPORTANT when you are at least
FLAG_GAP levels below it; over-qualified when you are FLAG_GAP or more above it.

Work values (optional; answers `work_values`, each of O*NET's six 1-5 for how much it
matters to you): O*NET's extent (1-7) for the occupation rescaled to 0..1, against yours
rescaled the same way; the part is 1 - mean |difference| over the values you rated above
neutral or below it (a 3 says nothing). Without work values in the answers, the part is not
scored and says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, NamedTuple

from careercli.catalog.models import OnetElement, Role
from careercli.common.errors import DataError, did_you_mean

PROFICIENCY_LEVEL: dict[int, float] = {1: 2.0, 2: 3.0, 3: 4.0, 4: 5.0, 5: 6.0}
# An occupation's parts (careercli.fit.score's names): O*NET's ratings make skills the
# richest evidence; preferences are the work values, scored only when you rate them.
ONET_WEIGHTS: dict[str, float] = {
    "skills": 0.55,
    "experience": 0.15,
    "interests": 0.10,
    "education": 0.10,
    "preferences": 0.10,
}
SIMILARITY_SHARE = 0.7  # of the ratings part; the rest is closeness of levels
OVER_PENALTY = 0.25  # a level above the occupation's counts a quarter as far as one below
IMPORTANT = 3.0  # importance at which O*NET calls an element important, for the flags
UNRATED_SHOWN = 5  # important elements without a level of yours listed per occupation
FLAG_GAP = 2.0  # levels (0-7) apart for an element to be flagged under- or over-qualified
WORK_VALUES: tuple[str, ...] = (
    "achievement",
    "working-conditions",
    "recognition",
    "relationships",
    "support",
    "independence",
)
WORK_VALUE_NAMES: dict[str, str] = {
    "achievement": "Achievement",
    "working-conditions": "Working Conditions",
    "recognition": "Recognition",
    "relationships": "Relationships",
    "support": "Support",
    "independence": "Independence",
}
KIND_SUFFIX = {"2.A": "skill", "2.B": "skill", "2.C": "knowledge"}


class Crosswalk(NamedTuple):
    elements: dict[str, str]  # element id -> name
    by_name: dict[str, tuple[str, ...]]  # casefolded name (and "name (kind)") -> element ids
    skills: dict[str, tuple[tuple[str, float], ...]]  # careercli skill -> (element id, factor)


def kind_of(element: str) -> str:
    return KIND_SUFFIX.get(element[:3], "skill")


def crosswalk_path() -> Any:
    from careercli.common.paths import bundled_data_dir

    return bundled_data_dir() / "onet_crosswalk.yaml"


_LOADED: list[Crosswalk] = []


def load_crosswalk(skills: Collection[str]) -> Crosswalk:
    """data/onet_crosswalk.yaml, validated against the careercli skills (once per process)."""
    if _LOADED:
        return _LOADED[0]
    from careercli.common.fields import Fields
    from careercli.common.yamlio import load_yaml

    path = crosswalk_path()
    f = Fields(load_yaml(path), str(path), error=DataError)
    f.only(["schema_version", "elements", "crosswalk"])
    elements = {str(k): str(v) for k, v in f.sub("elements").data.items()}
    by_name: dict[str, tuple[str, ...]] = {}
    for eid, name in elements.items():
        for key in (name.casefold(), f"{name} ({kind_of(eid)})".casefold(), eid.casefold()):
            by_name[key] = (*by_name.get(key, ()), eid)
    mapped: dict[str, tuple[tuple[str, float], ...]] = {}
    c = f.sub("crosswalk")
    for skill in c.data:
        if skill not in skills:
            raise c.fail(
                str(skill), f"'{skill}' is not a careercli skill{did_you_mean(str(skill), list(skills))}"
            )
        pairs: list[tuple[str, float]] = []
        t = c.sub(str(skill))
        for name in t.data:
            ids = by_name.get(str(name).casefold())
            if ids is None:
                close = did_you_mean(str(name), list(elements.values()))
                raise t.fail(str(name), f"'{name}' is no O*NET skill or knowledge area{close}")
            factor = t.number(str(name), 0.1, 1.0)
            pairs += [(eid, factor) for eid in ids]
        mapped[str(skill)] = tuple(pairs)
    _LOADED.append(Crosswalk(elements, by_name, mapped))
    return _LOADED[0]


SHARED_NAMES = frozenset({"Mathematics"})  # a skill (2.A.1.e) and a knowledge area (2.C.4.a)


def element_label(element: str, elements: dict[str, Any]) -> str:
    """An element's name, with "(skill)" or "(knowledge)" when another element shares it."""
    key = (element, id(elements))
    label = _LABELS.get(key)
    if label is None:
        label = _LABELS[key] = _label(element, elements)
    return label


_LABELS: dict[tuple[str, int], str] = {}  # a thousand occupations name the same 68 elements
_LABELS_OF: dict[int, dict[str, tuple[str, str]]] = {}


def _labels_of(elements: dict[str, Any], ratings: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """element -> (label, kind) for every element of `elements` (once per catalog) and of
    `ratings` (an element the pack's list lacks: its id)."""
    labels = _LABELS_OF.get(id(elements))
    if labels is None:
        labels = _LABELS_OF[id(elements)] = {e: (element_label(e, elements), kind_of(e)) for e in elements}
    if not labels.keys() >= ratings.keys():
        labels = {
            **labels,
            **{e: (element_label(e, elements), kind_of(e)) for e in ratings if e not in labels},
        }
    return labels


def _label(element: str, elements: dict[str, Any]) -> str:
    found = elements.get(element, element)
    name = found if isinstance(found, str) else found.name
    return f"{name} ({kind_of(element)})" if name in SHARED_NAMES else name


def resolve_element(name: str, where: str, skills: Collection[str]) -> tuple[str, ...]:
    """An answers file's O*NET element name or id -> element ids (a plain "Mathematics" is
    both the skill and the knowledge area); unknown: a DataError with the closest names."""
    cw = load_crosswalk(skills)
    ids = cw.by_name.get(name.strip().casefold())
    if ids is None:
        raise DataError(
            f"{where}: unknown O*NET skill or knowledge area '{name}'"
            f"{did_you_mean(name, sorted(set(cw.elements.values())))}"
        )
    return ids


class Level(NamedTuple):
    level: float  # 0-7
    source: str  # "onet_skills" or "python 5/5"
    centred: float = 0.0  # level minus the element's mean level over rated occupations


def person_levels(
    skills: dict[str, int],
    onet_skills: dict[str, float],
    known: Collection[str],
    elements: dict[str, OnetElement] | None = None,
) -> dict[str, Level]:
    """The person's O*NET profile: element id -> level, where it came from, and (given the
    pack's `elements`) the level centred on the element's mean."""
    cw = load_crosswalk(known)
    names = cw.elements
    out: dict[str, Level] = {}
    for skill, have in skills.items():
        for eid, factor in cw.skills.get(skill, ()):
            level = round(PROFICIENCY_LEVEL[have] * factor, 2)
            if eid not in out or level > out[eid].level:
                out[eid] = Level(level, f"{skill} {have}/5")
    for eid, level in onet_skills.items():
        if eid in names:
            out[eid] = Level(float(level), "onet_skills")
    means = {e: x.mean_level for e, x in (elements or {}).items()}
    return {e: Level(lv.level, lv.source, lv.level - means.get(e, 0.0)) for e, lv in out.items()}


@dataclass(frozen=True, slots=True)
class RatingsFit:
    score: float  # 0..1
    similarity: float  # 0..1
    closeness: float  # 0..1
    detail: str
    items: list[dict[str, Any]]  # each with "points": its share of the score
    gaps: list[dict[str, Any]]  # under-qualified on an important element, biggest first
    over: list[dict[str, Any]]  # over-qualified on an element


def ratings_fit(levels: dict[str, Level], role: Role, elements: dict[str, OnetElement]) -> RatingsFit | None:
    """The occupation's O*NET ratings against the person's levels (the module docstring);
    None without ratings, or when the person has no level on any element it rates.

    Items: every element you have a level on, and each important one you are under-qualified
    on without one (points 0); the other elements earn nothing and are left out (a thousand
    occupations times 68 elements is the quiz's largest cost)."""
    info = role.onet
    if info is None or not info.ratings:
        return None
    ratings, centred = info.ratings, info.centred
    mine_sq = 0.0
    rows: list[tuple[str, float, float, float | None, float, float]] = []
    for eid, mine in levels.items():  # centred at person_levels (given the pack's elements)
        rating = ratings.get(eid)
        if rating is None:
            continue
        diff = mine.centred
        w = rating[0] * 0.2
        mine_sq += w * diff * diff
        rows.append((eid, w, rating[0], rating[1], mine.level, centred[eid] * diff))
    theirs_sq = info.ratings_norm
    # the important elements you have no level on, most important first: the flags' few
    unrated = [(e, ratings[e][0], ratings[e][1] or 0.0) for e in info.important if e not in levels][
        :UNRATED_SHOWN
    ]
    if not rows:
        return None
    labels = _labels_of(elements, ratings)
    norm = (theirs_sq * mine_sq) ** 0.5
    similarity = max(0.0, sum([r[5] for r in rows]) / norm) if norm else 0.0
    weight_known = sum([r[1] for r in rows if r[3] is not None])
    items: list[dict[str, Any]] = []
    append = items.append
    close_sum = 0.0
    # A thousand occupations pass through here: constants as locals, the same arithmetic.
    share, rest, over_penalty = SIMILARITY_SHARE, 1 - SIMILARITY_SHARE, OVER_PENALTY
    for eid, w, importance, need, you, term in rows:
        close = None
        points = share * term / norm if similarity else 0.0
        if need is not None:
            apart = need - you if need > you else (you - need) * over_penalty
            close = 1 - 2 * apart / 7
            if not close > 0.0:  # max(0.0, close), without the call
                close = 0.0
            close_sum += w * close
            points += rest * w * close / weight_known
        name, kind = labels[eid]
        append({"element": eid, "name": name, "kind": kind,
                "importance": importance, "level": need, "you": you, "source": levels[eid].source,
                "closeness": close, "points": points})  # fmt: skip
    for eid, importance, need in unrated:
        name, kind = labels[eid]
        items.append({"element": eid, "name": name, "kind": kind,
                      "importance": importance, "level": need, "you": None, "source": None,
                      "closeness": None, "points": 0.0})  # fmt: skip
    closeness = close_sum / weight_known if weight_known else 0.0
    score = SIMILARITY_SHARE * similarity + (1 - SIMILARITY_SHARE) * closeness
    fit = _flagged(score, similarity, closeness, items)
    if role.onet is not None and role.onet.ratings_from:
        proxy = ", ".join(role.onet.ratings_from)
        fit = dataclasses.replace(
            fit, detail=f"{fit.detail} (O*NET rates none for it: the mean of {proxy}, related)"
        )
    return fit


def _flagged(score: float, similarity: float, closeness: float, items: list[dict[str, Any]]) -> RatingsFit:
    rated = [i for i in items if i["you"] is not None and i["level"] is not None]
    gaps = [i for i in items if i["importance"] >= IMPORTANT and i["level"] is not None
            and i["level"] - (i["you"] or 0) >= FLAG_GAP]  # fmt: skip
    gaps.sort(key=lambda i: (-i["importance"] * (i["level"] - (i["you"] or 0)), i["element"]))
    over = [i for i in rated if i["you"] - i["level"] >= FLAG_GAP]
    strongest = sorted((i for i in rated if i["points"] > 0), key=lambda i: -i["points"])
    detail = (
        f"{round(score * 100)}% on O*NET's skills and knowledge ratings: profile "
        f"{similarity:.0%} alike, levels {closeness:.0%} close"
    )
    if strongest:
        detail += "; strongest: " + ", ".join(
            f"{i['name']} {i['you']:.1f} ({i['level']:.1f})" for i in strongest[:3]
        )
    if gaps:
        shown = ", ".join(f"{i['name']} {i['you'] or 0:.1f} < {i['level']:.1f}" for i in gaps[:3])
        detail += f"; under-qualified: {shown}"
    if over:
        detail += "; over-qualified: " + ", ".join(
            f"{i['name']} {i['you']:.1f} > {i['level']:.1f}" for i in over[:3]
        )
    return RatingsFit(score, similarity, closeness, detail, items, gaps, over)


def work_values_fit(wanted: dict[str, int], role: Role) -> tuple[float, str, list[dict[str, Any]]] | None:
    """(score 0..1, detail, items) or None when either side has no work values."""
    extent = role.onet.work_values if role.onet is not None else {}
    rated = {v: like for v, like in wanted.items() if like != 3}
    if not extent or not rated:
        return None
    items: list[dict[str, Any]] = []
    for value in WORK_VALUES:
        if value not in rated:
            continue
        theirs = (extent[value] - 1) / 6
        yours = (rated[value] - 1) / 4
        items.append({"value": value, "name": WORK_VALUE_NAMES[value], "you": rated[value],
                      "occupation": extent[value], "difference": abs(theirs - yours)})  # fmt: skip
    score = 1 - sum(i["difference"] for i in items) / len(items)
    close = [i["name"] for i in sorted(items, key=lambda i: i["difference"]) if i["difference"] <= 0.25]
    far = [i["name"] for i in sorted(items, key=lambda i: -i["difference"]) if i["difference"] > 0.25]
    detail = f"{round(score * 100)}% alike on the work values you rated (O*NET extent 1-7)"
    if close:
        detail += "; close: " + ", ".join(close[:3])
    if far:
        detail += "; apart: " + ", ".join(far[:3])
    return score, detail, items


# With both: O*NET's ratings of the occupation (surveyed importance and level) weigh more
# than its technology list (examples from job postings, noisy: issue 18).
RATINGS_SHARE = 2 / 3
TECH_COVERAGE_SHARE = 0.2  # of the technology part: coverage; the rest is relevance


class SkillsPart(NamedTuple):
    score: float  # 0..1
    detail: str
    items: list[dict[str, Any]]  # each with "points" in units of the part's weight x 100 (0..1 sum)
    gaps: list[dict[str, Any]]  # under-qualified on O*NET ratings


def skills_part(
    tech_items: list[dict[str, Any]] | None,
    tech_detail: str,
    have: dict[str, int],
    levels: dict[str, Level],
    role: Role,
    elements: dict[str, OnetElement],
) -> SkillsPart | None:
    """The skills part of an occupation: the mean of its technology part (when it lists
    careercli skills and you rated some) and its ratings part (when O*NET rates it and you
    have an O*NET profile). Item points are shares of the part (they add up to its score)."""
    parts: list[tuple[str, float, list[dict[str, Any]], str]] = []
    if tech_items is not None and have:
        parts.append(_technology(tech_items, tech_detail, have, role))
    ratings = ratings_fit(levels, role, elements)
    if ratings is not None:
        for i in ratings.items:
            i["part"] = "ratings"
        parts.append(("ratings", ratings.score, ratings.items, ratings.detail))
    if not parts:
        return None
    shares = {"technology": 1 - RATINGS_SHARE, "ratings": RATINGS_SHARE} if len(parts) > 1 else None
    score = 0.0
    for name, part_score, its, _ in parts:
        share = shares[name] if shares else 1.0
        score += part_score * share
        for i in its:  # this fit's own dicts, scaled in place
            i["points"] *= share
    items = [i for _, _, its, _ in parts for i in its]
    detail = " | ".join(f"{name} {s:.0%}: {d}" for name, s, _, d in parts) if len(parts) > 1 else parts[0][3]
    return SkillsPart(score, detail, items, ratings.gaps if ratings else [])


def _technology(
    items: list[dict[str, Any]], detail: str, have: dict[str, int], role: Role
) -> tuple[str, float, list[dict[str, Any]], str]:
    """Coverage (fit.score's own skills rule) blended with relevance: the share of your
    proficiency the occupation's technologies use, each skill counted by importance / 5."""
    mine = sum(have.values())
    importance = {i["skill"]: i["importance"] for i in items}
    coverage = sum(i["points"] for i in items)  # in units of the part: 0..1
    relevance = sum(p * importance.get(s, 0) / 5 for s, p in have.items()) / mine
    c, r = TECH_COVERAGE_SHARE, 1 - TECH_COVERAGE_SHARE
    for i in items:  # this fit's own dicts, changed in place
        i["part"] = "technology"
        i["points"] = c * i["points"] + r * have.get(i["skill"], 0) * i["importance"] / 5 / mine
    out = items
    score = c * coverage + r * relevance
    detail += f"; the occupation's technologies use {relevance:.0%} of your skills"
    return "technology", score, out, detail


def plan_steps(items: list[dict[str, Any]], catalog: Any, after: int, top: int = 5) -> list[dict[str, Any]]:
    """`plan CODE`: the important O*NET skills and knowledge you are under-qualified on
    (two or more levels below, importance >= 3), the biggest importance x shortfall first,
    after the technology steps; levels on O*NET's 0-7 scale, said so."""
    gaps = [i for i in items if i.get("part") == "ratings" and i["level"] is not None
            and i["importance"] >= IMPORTANT and i["level"] - (i["you"] or 0) >= FLAG_GAP]  # fmt: skip
    gaps.sort(key=lambda i: (-i["importance"] * (i["level"] - (i["you"] or 0)), i["element"]))
    steps: list[dict[str, Any]] = []
    for n, i in enumerate(gaps[:top], after + 1):
        have, need = i["you"] or 0.0, i["level"]
        element = catalog.onet_elements.get(i["element"])
        verb = (
            f"Raise {i['name']} from level {have:.1f}" if have else f"Build {i['name']} (you gave no level)"
        )
        steps.append({
            "rank": n, "skill": i["element"], "name": i["name"], "importance": round(i["importance"], 1),
            "have": round(have, 1), "need": round(need, 1),
            "priority": round(i["importance"] * (need - have) / 7, 2),
            "action": f"{verb} to O*NET level {need:.1f} of 7 (importance {i['importance']:.1f} of 5).",
            "about": element.description if element is not None else "", "tips": [],
            "scale": "O*NET level 0-7", "kind": f"onet-{i['kind']}",
        })  # fmt: skip
    return steps
