"""What `show`, `compare` and `next` say about one O*NET occupation beyond a role's facets:
its top skills and knowledge (O*NET importance and level), core tasks, related occupations
with their tier, work values, US wages and the 2024-34 projection, each with its source.
Plain data (the JSON of `show CODE --json` under role.onet_profile); careercli.onet.render
draws it. Tasks are read from the pack's tasks.json only here (the quiz never needs them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careercli.catalog.models import Catalog, Role
from careercli.common.errors import DataError

TOP_ELEMENTS = 10  # skills, and knowledge areas, shown by importance
TOP_TASKS = 8
WORK_VALUE_SCALE = "O*NET extent, 1 (low) to 7 (high)"
RATINGS_SCALE = "O*NET importance 1-5, level 0-7"


def occupation_profile(catalog: Catalog, role: Role, tasks: bool = True) -> dict[str, Any]:
    """The occupation's O*NET and BLS profile; empty for a curated role."""
    info = role.onet
    if info is None:
        return {}
    from careercli.fit.onet_fit import WORK_VALUE_NAMES, element_label

    elements = catalog.onet_elements
    rated = sorted(info.ratings.items(), key=lambda kv: (-kv[1][0], kv[0]))
    by_kind: dict[str, list[dict[str, Any]]] = {"skill": [], "knowledge": []}
    for eid, (importance, level) in rated:
        element = elements.get(eid)
        kind = element.kind if element else ("knowledge" if eid.startswith("2.C") else "skill")
        if len(by_kind[kind]) < TOP_ELEMENTS:
            by_kind[kind].append({"id": eid, "name": element_label(eid, elements), "importance": importance,
                                  "level": level})  # fmt: skip
    return {
        "scale": RATINGS_SCALE,
        "skills": by_kind["skill"],
        "knowledge": by_kind["knowledge"],
        "ratings_from": [{"code": c, "title": _title(catalog, c)} for c in info.ratings_from],
        "tasks": occupation_tasks(role) if tasks else None,
        "related": [{"code": c, "title": _title(catalog, c), "tier": t} for c, t in info.related],
        "work_values": None if not info.work_values else {
            "scale": WORK_VALUE_SCALE,
            "extent": {WORK_VALUE_NAMES[k]: v for k, v in info.work_values.items()},
            "high_points": [WORK_VALUE_NAMES[k] for k in info.high_points],
        },
        "us_wages": us_wages(role),
        "outlook": projection(role),
        "credit": info.credit,
    }  # fmt: skip


def _title(catalog: Catalog, code: str) -> str:
    role = catalog.roles.get(code)
    return role.title if role is not None else ""


def us_wages(role: Role) -> dict[str, Any] | None:
    """BLS OEWS annual wages for the occupation's SOC, with the occupations sharing them."""
    bls = role.onet.bls if role.onet is not None else {}
    if not bls.get("wages"):
        return None
    return {**bls["wages"], "soc": bls["soc"], "shared_with": list(bls.get("shared_with", []))}


def projection(role: Role) -> dict[str, Any] | None:
    bls = role.onet.bls if role.onet is not None else {}
    if not bls.get("projection"):
        return None
    return {**bls["projection"], "soc": bls["soc"], "shared_with": list(bls.get("shared_with", []))}


def occupation_tasks(role: Role) -> dict[str, Any]:
    """Core tasks first (all of them), then how many supplemental ones O*NET lists."""
    import json

    from careercli.common.yamlio import read_text
    from careercli.onet.pack import REIMPORT, TASKS_FILE

    path = Path(role.path).parent / TASKS_FILE
    if not path.is_file():
        return {"core": [], "supplemental": 0, "other": [], "note": f"no {TASKS_FILE} beside the pack"}
    try:
        rows = json.loads(read_text(path))["tasks"].get(role.id, [])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise DataError(f"{path}: not the tasks of an O*NET pack; {REIMPORT}") from None
    core = [str(text) for text, kind in rows if kind == "Core"]
    other = [str(text) for text, kind in rows if kind == ""]
    return {
        "core": core,
        "supplemental": sum(1 for _, kind in rows if kind == "Supplemental"),
        "other": other,
    }
