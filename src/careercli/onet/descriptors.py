"""O*NET's descriptors of an occupation beyond its title: skills and knowledge ratings,
work values, tasks and related occupations (`data import-onet`, issue 18).

- Skills.txt and Knowledge.txt: every occupation rated on O*NET's 35 skills (2.A, 2.B) and
  33 knowledge areas (2.C), each on importance (scale IM, 1-5) and level (LV, 0-7). A level
  O*NET marks "Recommend Suppress" (too imprecise to show: 124 of the 61,530 skill rows in
  29.2) is left out (null: the importance stays); a level marked "Not Relevant" (the
  element is not used in the occupation) counts as level 0. Each element keeps its name
  and its group (Content Model Reference: "Basic Skills: Content", "Health Services").
- Work Values.txt: the extent (EX, 1-7) of the six work values (1.B.2.a-f: Achievement,
  Working Conditions, Recognition, Relationships, Support, Independence) and the first
  three high points (VH; 0 = none).
- Task Statements.txt: every task with its type (Core, Supplemental, or none given).
- Related Occupations.txt: up to 20 per occupation, in O*NET's order, with their tier
  (Primary-Short, Primary-Long, Supplemental).

An occupation O*NET rates no skills or knowledge for (137 of 29.2's 1,016, Software
Developers and Data Scientists among them: new SOC 2018 occupations not surveyed yet) takes,
as a proxy said to be one, the mean ratings of its Primary-Short related occupations that
are rated (Primary-Long when none are), the n-th in O*NET's order weighing 1/n: importance
the mean importance, level the mean of the levels not suppressed. `ratings_from` names
them; show and fit say so.
"""

from __future__ import annotations

from typing import Any

from careercli.onet.table import CODE_COL, Table

SKILLS = "Skills.txt"
KNOWLEDGE = "Knowledge.txt"
WORK_VALUES = "Work Values.txt"
TASKS = "Task Statements.txt"
RELATED = "Related Occupations.txt"
CONTENT_MODEL = "Content Model Reference.txt"
RATING_COLUMNS = (CODE_COL, "Element ID", "Element Name", "Scale ID", "Data Value",
                  "Recommend Suppress", "Not Relevant")  # fmt: skip
TABLES: dict[str, tuple[str, ...]] = {
    SKILLS: RATING_COLUMNS,
    KNOWLEDGE: RATING_COLUMNS,
    WORK_VALUES: (CODE_COL, "Element ID", "Element Name", "Scale ID", "Data Value"),
    TASKS: (CODE_COL, "Task", "Task Type"),
    RELATED: (CODE_COL, "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
    CONTENT_MODEL: ("Element ID", "Element Name", "Description"),
}
# The work values, in O*NET's element order (a VH high point of n names the n-th).
WORK_VALUE_ELEMENTS: dict[str, str] = {
    "1.B.2.a": "achievement",
    "1.B.2.b": "working-conditions",
    "1.B.2.c": "recognition",
    "1.B.2.d": "relationships",
    "1.B.2.e": "support",
    "1.B.2.f": "independence",
}
HIGH_POINT_ELEMENTS = ("1.B.2.g", "1.B.2.h", "1.B.2.i")
TIERS = ("Primary-Short", "Primary-Long", "Supplemental")
FLAGS = ("Y", "N", "n/a", "")
TASK_TYPES = ("Core", "Supplemental", "n/a")
KINDS = {SKILLS: "skill", KNOWLEDGE: "knowledge"}
PREFIXES = {SKILLS: ("2.A.", "2.B."), KNOWLEDGE: ("2.C.",)}
Occupations = dict[str, tuple[str, str]]


def content_model(table: Table) -> dict[str, tuple[str, str]]:
    """Element id -> (name, description)."""
    return {
        table.text(row, "Element ID"): (table.text(row, "Element Name"), table.text(row, "Description"))
        for row in table.rows()
    }


def ratings(
    table: Table, occupations: Occupations, model: dict[str, tuple[str, str]]
) -> tuple[dict[str, dict[str, list[float | None]]], dict[str, dict[str, str]]]:
    """Per occupation {element id: [importance, level or None]}, and the elements read
    ({id: {"name", "kind", "group", "description"}})."""
    name = table.path.name
    kind, prefixes = KINDS[name], PREFIXES[name]
    found: dict[str, dict[str, list[float | None]]] = {}
    elements: dict[str, dict[str, str]] = {}
    for row in table.rows():
        element = table.text(row, "Element ID")
        if not element.startswith(prefixes):
            expected = " or ".join(prefixes)
            raise table.fail("Element ID", f"'{element}' is not a {kind} element ({expected}...)")
        scale = table.choice(row, "Scale ID", ("IM", "LV"))
        code = table.code(row)
        if scale == "IM":
            value: float | None = table.number(row, "Data Value", 1, 5)
        else:
            value = table.number(row, "Data Value", 0, 7)
            if table.choice(row, "Not Relevant", FLAGS) == "Y":
                value = 0.0
        # blank: an occupational expert's rating, which has no standard error to judge by
        if table.choice(row, "Recommend Suppress", FLAGS) == "Y":
            value = None
        if element not in elements:
            group = model.get(element.rsplit(".", 1)[0], ("", ""))[0]
            elements[element] = {"name": table.text(row, "Element Name"), "kind": kind, "group": group,
                                 "description": model.get(element, ("", ""))[1]}  # fmt: skip
        if code in occupations:
            pair = found.setdefault(code, {}).setdefault(element, [None, None])
            pair[0 if scale == "IM" else 1] = value
    # an element needs its importance; a level alone says nothing about how much it matters
    return {c: {e: p for e, p in r.items() if p[0] is not None} for c, r in found.items()}, elements


def work_values(table: Table, occupations: Occupations) -> dict[str, dict[str, Any]]:
    """Per occupation {"extent": {value: 1-7}, "high_points": [value, ...]}; all six or none."""
    extents: dict[str, dict[str, float]] = {}
    highs: dict[str, dict[int, str]] = {}
    names = list(WORK_VALUE_ELEMENTS.values())
    for row in table.rows():
        element, code = table.text(row, "Element ID"), table.code(row)
        if code not in occupations:
            continue
        if element in WORK_VALUE_ELEMENTS and table.text(row, "Scale ID") == "EX":
            extents.setdefault(code, {})[WORK_VALUE_ELEMENTS[element]] = table.number(row, "Data Value", 1, 7)
        elif element in HIGH_POINT_ELEMENTS and table.text(row, "Scale ID") == "VH":
            point = table.whole(row, "Data Value", 0, 6)
            if point:
                highs.setdefault(code, {})[HIGH_POINT_ELEMENTS.index(element)] = names[point - 1]
    out: dict[str, dict[str, Any]] = {}
    for code, values in extents.items():
        if len(values) == len(names):
            points = highs.get(code, {})
            out[code] = {
                "extent": {n: values[n] for n in names},
                "high_points": [points[i] for i in sorted(points)],
            }
    return out


def tasks(table: Table, occupations: Occupations) -> dict[str, list[list[str]]]:
    """Per occupation [[task, type], ...] in the file's order; type "" when O*NET gives none."""
    found: dict[str, list[list[str]]] = {}
    for row in table.rows():
        code = table.code(row)
        kind = table.choice(row, "Task Type", TASK_TYPES)
        text = table.text(row, "Task")
        if code in occupations and text:
            found.setdefault(code, []).append([text, "" if kind == "n/a" else kind])
    return found


def related(table: Table, occupations: Occupations) -> dict[str, list[list[str]]]:
    """Per occupation [[related code, tier], ...] in O*NET's Index order."""
    found: dict[str, list[tuple[int, str, str]]] = {}
    for row in table.rows():
        code = table.code(row)
        other = table.text(row, "Related O*NET-SOC Code")
        tier = table.choice(row, "Relatedness Tier", TIERS)
        index = table.whole(row, "Index", 1, 10_000)
        if code in occupations and other in occupations:  # both must be occupations of the pack
            found.setdefault(code, []).append((index, other, tier))
    return {code: [[o, t] for _, o, t in sorted(rows)] for code, rows in found.items()}


def proxy_ratings(
    rated: dict[str, dict[str, list[float | None]]], related: dict[str, list[list[str]]]
) -> dict[str, tuple[dict[str, list[float | None]], list[str]]]:
    """Occupations without ratings -> (mean ratings of rated related ones, their codes)."""
    out: dict[str, tuple[dict[str, list[float | None]], list[str]]] = {}
    for code, others in related.items():
        if rated.get(code):
            continue
        for tier in ("Primary-Short", "Primary-Long"):
            sources = [o for o, t in others if t == tier and rated.get(o)]
            if sources:
                out[code] = (_mean_ratings([rated[o] for o in sources]), sources)
                break
    return out


def _mean_ratings(many: list[dict[str, list[float | None]]]) -> dict[str, list[float | None]]:
    """The mean of several occupations' ratings, the n-th in O*NET's order weighing 1/n
    (O*NET lists an occupation's related ones most related first)."""
    mean: dict[str, list[float | None]] = {}
    weights = [1 / n for n in range(1, len(many) + 1)]
    for element in sorted({e for r in many for e in r}):
        importances = [
            (w, r[element][0])
            for w, r in zip(weights, many, strict=True)
            if element in r and r[element][0] is not None
        ]
        levels = [
            (w, r[element][1])
            for w, r in zip(weights, many, strict=True)
            if element in r and r[element][1] is not None
        ]
        mean[element] = [_weighted(importances), _weighted(levels) if levels else None]
    return mean


def _weighted(pairs: list[tuple[float, float | None]]) -> float:
    total = sum(w for w, _ in pairs)
    return round(sum(w * (v or 0.0) for w, v in pairs) / total, 2)
