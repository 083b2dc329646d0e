"""What to do about a role: the gaps to close, most important first, and the role's tips,
with those the person already meets marked done.

A gap is a role skill below the target proficiency counting related skills (fit.score),
so a plan never asks a person to learn what they already have at the level the role
expects; a skill a related one stands in for is a shorter step ("close to your
TensorFlow"), said so.
"""

from __future__ import annotations

import re
from typing import Any

from careercli.catalog.models import Catalog, Role, Skill
from careercli.fit.score import Gap, RoleFit


def plan_steps(fit: RoleFit, role: Role, catalog: Catalog) -> list[dict[str, Any]]:
    """The gaps to close for `role`, most important first, each with what to do about it."""
    steps: list[dict[str, Any]] = []
    for rank, gap in enumerate(fit.gaps, 1):
        skill = catalog.skills.get(gap.skill)
        about = skill.description if skill else ""
        tips = [tip for tip in role.tips if skill is not None and mentions(tip, skill)]
        steps.append(
            {
                "rank": rank,
                "skill": gap.skill,
                "name": gap.name,
                "importance": gap.importance,
                "have": gap.have,
                "need": gap.need,
                "priority": round(gap.priority, 2),
                "action": _action(gap, catalog),
                "about": about,
                "tips": tips,
                "must": gap.must,
                "via": gap.via or None,
            }
        )
    if role.onet is not None and role.onet.ratings:  # O*NET's skills and knowledge too
        from careercli.fit.onet_fit import plan_steps as onet_steps

        steps += onet_steps(fit.components["skills"].items, catalog, len(steps))
    return steps


def _action(gap: Gap, catalog: Catalog) -> str:
    must = " It is a must-have for this role." if gap.must and not gap.have else ""
    if gap.via:
        source = catalog.skills[gap.via].name if gap.via in catalog.skills else gap.via
        link = next((k for k in catalog.links.get(gap.skill, ()) if k.source == gap.via), None)
        how = (
            f"close to your {source}"
            if link is not None and link.kind == "substitute"
            else (f"it builds on your {source}")
        )
        bridge = f"; {link.bridge}" if link is not None and link.bridge else ""
        return (
            f"{gap.name}: {how} {gap.via_have}/5, which counts as {gap.have}/5{bridge}. "
            f"Take it to {gap.need}/5."
        )
    if gap.have:
        return f"Deepen {gap.name} from {gap.have}/5 to {gap.need}/5."
    return f"Learn {gap.name} (the role expects {gap.need}/5).{must}"


def tips_status(fit: RoleFit, role: Role, catalog: Catalog) -> list[dict[str, Any]]:
    """Each of the role's tips, with the role skills it talks about and whether the person
    already meets them at the target ("done"). Skills the tip names that substitute for
    each other (data/related_skills.yaml: "Tableau or Power BI", "Python or R") count as
    one: meeting either is enough. A tip about no role skill is never done."""
    items = {str(i["skill"]): i for i in fit.components["skills"].items if "skill" in i and "need" in i}
    out: list[dict[str, Any]] = []
    for tip in role.tips:
        about = [k for k in items if k in catalog.skills and mentions(tip, catalog.skills[k])]
        met = {k for k in about if int(items[k]["have"]) >= int(items[k]["need"])}
        groups = _substitute_groups(about, catalog)
        done = bool(about) and all(group & met for group in groups)
        have = ", ".join(f"{items[k]['name']} {items[k]['have']}/5" for k in about if k in met)
        out.append({"tip": tip, "skills": about, "done": done, "why": f"you have {have}" if done else ""})
    return out


def _substitute_groups(skills: list[str], catalog: Catalog) -> list[set[str]]:
    """`skills` in groups of direct substitutes (TensorFlow, PyTorch, Keras): each group one
    requirement of a tip."""
    groups: list[set[str]] = []
    for skill in skills:
        subs = {k.source for k in catalog.links.get(skill, ()) if k.kind == "substitute" and len(k.path) == 2}
        joined = [g for g in groups if g & subs]
        merged = {skill}.union(*joined)
        groups = [g for g in groups if not g & subs] + [merged]
    return groups


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9+#]+", text.casefold())


def mentions(tip: str, skill: Skill) -> bool:
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
