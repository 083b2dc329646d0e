"""Related skills (data/related_skills.yaml) and role level ranges (data/role_levels.json).

Related skills: substitutes (TensorFlow ~ PyTorch ~ Keras) count for each other, and
implications (PyTorch -> deep learning -> machine learning) count one way. The loader
closes the graph over paths of at most MAX_STEPS steps, keeping for each pair the path
with the best credit (the product of the credits along it), so fit looks a credit up
instead of walking the graph for every role.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careercli.catalog.models import Catalog, LevelRange, SkillLink
from careercli.common import vocab
from careercli.common.errors import did_you_mean

MAX_STEPS = 3
MIN_CREDIT = 0.2  # below this even a 5/5 source counts for nothing (floor(5 x 0.19) = 0)


class Edge:
    __slots__ = ("bridge", "credit", "kind")

    def __init__(self, credit: float, kind: str, bridge: str) -> None:
        self.credit, self.kind, self.bridge = credit, kind, bridge


def read_related(path: Path, data: Any, catalog: Catalog, edges: dict[tuple[str, str], Edge]) -> None:
    """Validate one related-skills file and add its edges (a later file's edge wins)."""
    from careercli.common.fields import Fields

    top = Fields(data, str(path))
    top.only(["schema_version", "substitutes", "implies"])
    if top.raw("schema_version") not in (None, 1):
        raise top.fail("schema_version", f"unsupported version {top.raw('schema_version')!r}; expected 1")
    for f in top.items("substitutes", 0):
        f.only(["skills", "credit", "bridge"])
        group = f.texts("skills", 2)
        for i, skill in enumerate(group):
            _known(f, f"skills[{i}]", skill, catalog)
        credit = f.number("credit", 0, 1)
        bridge = f.text("bridge", "")
        for a in group:
            for b in group:
                if a != b:
                    edges[(a, b)] = Edge(credit, "substitute", bridge)
    for f in top.items("implies", 0):
        f.only(["from", "to", "credit", "bridge"])
        source, target = f.text("from"), f.text("to")
        _known(f, "from", source, catalog)
        _known(f, "to", target, catalog)
        if source == target:
            raise f.fail("to", f"'{target}' cannot imply itself")
        edges[(source, target)] = Edge(f.number("credit", 0, 1), "implies", f.text("bridge", ""))


def _known(f: Any, key: str, skill: str, catalog: Catalog) -> None:
    if skill not in catalog.skills:
        raise f.fail(key, f"unknown skill '{skill}'" + did_you_mean(skill, catalog.skills))


def close_links(edges: dict[tuple[str, str], Edge]) -> dict[str, tuple[SkillLink, ...]]:
    """target -> the skills that stand in for it (best credit first, then by id), each with
    its best path of at most MAX_STEPS steps."""
    out_edges: dict[str, list[tuple[str, Edge]]] = {}
    for (a, b), edge in sorted(edges.items()):
        out_edges.setdefault(a, []).append((b, edge))
    best: dict[tuple[str, str], SkillLink] = {}
    for source in sorted(out_edges):
        # paths from `source`, breadth first; a pair keeps its best credit (shorter on a tie)
        frontier: list[tuple[str, float, tuple[str, ...], Edge]] = [(source, 1.0, (source,), Edge(1, "", ""))]
        for _ in range(MAX_STEPS):
            grown: list[tuple[str, float, tuple[str, ...], Edge]] = []
            for node, credit, path, first in frontier:
                for target, edge in out_edges.get(node, []):
                    if target in path:
                        continue
                    total = credit * edge.credit
                    if total < MIN_CREDIT:
                        continue
                    lead = edge if len(path) == 1 else first
                    known = best.get((source, target))
                    if known is None or total > known.credit + 1e-12:
                        best[(source, target)] = SkillLink(
                            source, total, lead.kind, lead.bridge, (*path, target)
                        )
                    grown.append((target, total, (*path, target), lead))
            frontier = grown
    links: dict[str, list[SkillLink]] = {}
    for (_, target), link in best.items():
        links.setdefault(target, []).append(link)
    return {t: tuple(sorted(ls, key=lambda k: (-k.credit, k.source))) for t, ls in sorted(links.items())}


def credited(have: int, credit: float) -> int:
    """What proficiency `have` in a related skill counts as: floor(have x credit)."""
    return int(have * credit + 1e-9)


# --- level ranges ---------------------------------------------------------------------


def read_levels(path: Path, data: Any, catalog: Catalog) -> None:
    """data/role_levels.json (scripts/derive_levels.py): each role's level range from the
    salary survey's level mix. A role it does not name keeps its stated level alone."""
    from careercli.common.fields import Fields

    top = Fields(data, str(path))
    top.only(["schema_version", "source", "rule", "roles"])
    roles = top.sub("roles")
    for role_id in list(roles.data):
        r = roles.sub(str(role_id))
        r.only(["low", "high", "n", "shares", "source"])
        role = catalog.roles.get(str(role_id))
        if role is None:
            continue  # a pack may hold levels for roles it does not load: nothing to attach
        low, high = (_level(r, key) for key in ("low", "high"))
        if not vocab.level_rank(low) <= vocab.level_rank(role.level) <= vocab.level_rank(high):
            raise r.fail("low", f"the range {low}-{high} must include the role's level '{role.level}'")
        shares_f = r.sub("shares", required=False)
        shares = {str(k): shares_f.number(str(k), 0, 1) for k in shares_f.data}
        for level in shares:
            if level not in vocab.LEVELS:
                raise shares_f.fail(level, f"unknown level; expected one of {', '.join(vocab.LEVELS)}")
        levels = LevelRange(low, high, r.text("source"), shares, r.integer("n", 0, 10**9))
        catalog.roles[role.id] = role._replace(levels=levels)


def _level(f: Any, key: str) -> str:
    value = str(f.text(key))
    if value not in vocab.LEVELS:
        raise f.fail(key, f"unknown level '{value}'; expected one of {', '.join(vocab.LEVELS)}")
    return value


def level_range(level: str, levels: LevelRange | None) -> tuple[int, int]:
    """The ranks a role is hired at: its range, or its stated level alone."""
    if levels is None:
        rank = vocab.level_rank(level)
        return rank, rank
    return vocab.level_rank(levels.low), vocab.level_rank(levels.high)
