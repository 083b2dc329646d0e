"""The O*NET occupation's profile sections for `show` (careercli.onet.views' data): text
lines, so the show view, Markdown and compare cells all draw the same words."""

from __future__ import annotations

from typing import Any

from careercli.common.currency import money

NO_DATA = "No data"


def rating_lines(profile: dict[str, Any], kind: str) -> list[str]:
    rows = profile.get(kind) or []
    if not rows:
        return [
            f"{NO_DATA}: O*NET rates no {'skills' if kind == 'skills' else 'knowledge'} for this occupation."
        ]
    lines = [
        f"{r['name']}: importance {r['importance']:.1f}, level "
        + ("suppressed" if r["level"] is None else f"{r['level']:.1f}")
        for r in rows
    ]
    if profile.get("ratings_from") and kind == "knowledge":  # said once, below both lists
        names = ", ".join(f"{r['title']} ({r['code']})" for r in profile["ratings_from"])
        lines.append(f"O*NET rates none for this occupation: the mean of its related {names}.")
    return lines


def task_lines(profile: dict[str, Any], top: int = 8) -> list[str]:
    tasks = profile.get("tasks") or {}
    core = tasks.get("core") or tasks.get("other") or []
    if not core:
        return [f"{NO_DATA}: O*NET lists no tasks for this occupation."]
    lines = [f"• {t}" for t in core[:top]]
    more = len(core) - top
    rest = [f"{more} more core tasks"] if more > 0 else []
    if tasks.get("supplemental"):
        rest.append(f"{tasks['supplemental']} supplemental")
    if rest:
        lines.append(f"({', '.join(rest)}: show --json lists them all)")
    return lines


def related_lines(profile: dict[str, Any]) -> list[str]:
    rows = profile.get("related") or []
    if not rows:
        return [f"{NO_DATA}: O*NET lists no related occupations."]
    return [f"{r['code']} {r['title']} ({r['tier']})" for r in rows]


def work_value_lines(profile: dict[str, Any]) -> list[str]:
    values = profile.get("work_values")
    if not values:
        return [f"{NO_DATA}: O*NET has no work values for this occupation."]
    ranked = sorted(values["extent"].items(), key=lambda kv: -kv[1])
    lines = [", ".join(f"{name} {v:.1f}" for name, v in ranked) + f" ({values['scale']})"]
    if values["high_points"]:
        lines.append(f"Highest: {', '.join(values['high_points'])}")
    return lines


def _shared(block: dict[str, Any]) -> list[str]:
    others = block.get("shared_with") or []
    if not others:
        return []
    return [f"SOC {block['soc']} figure, shared with {len(others)} other O*NET occupation"
            f"{'s' if len(others) > 1 else ''}: {', '.join(others)}"]  # fmt: skip


def wage_lines(profile: dict[str, Any]) -> list[str]:
    w = profile.get("us_wages")
    if not w:
        return [f"{NO_DATA}: no BLS wages for this occupation's SOC (or imported without --bls)."]

    def cell(key: str) -> str:
        if key in w["top_coded"]:
            return "at least $239,200 (top-coded)"
        value = w[key]
        return "not published" if value is None else money(value, "USD", compact=False)

    lines = [
        f"Median {cell('p50')} (May {w['year']}); p10 {cell('p10')} · p25 {cell('p25')} · "
        f"p75 {cell('p75')} · p90 {cell('p90')}",
        f"BLS occupation: {w['occupation']} (SOC {w['soc']})"
        + (f", {w['employment']:,} employed" if w.get("employment") else ""),
        *_shared(w),
        f"Source: {w['source']}, {w['table']} ({w['date']})",
    ]
    return lines


def projection_lines(profile: dict[str, Any]) -> list[str]:
    p = profile.get("outlook")
    if not p:
        return [f"{NO_DATA}: no BLS projection for this occupation's SOC (or imported without --bls)."]
    return [
        f"{p['growth_pct']:+.1f}% over {p['period']} ({p['band']}): {p['employment_start']:,} to "
        f"{p['employment_end']:,} jobs, {p['openings_per_year']:,} openings a year",
        f"BLS occupation: {p['occupation']} (SOC {p['soc']})"
        + (f"; typical entry education: {p['entry_education']}" if p.get("entry_education") else ""),
        *_shared(p),
        f"Source: {p['source']}, {p['table']} ({p['date']})",
    ]


SECTIONS: tuple[tuple[str, Any], ...] = (
    ("Skills (O*NET ratings)", lambda p: rating_lines(p, "skills")),
    ("Knowledge (O*NET ratings)", lambda p: rating_lines(p, "knowledge")),
    ("Core tasks", task_lines),
    ("Related occupations", related_lines),
    ("Work values", work_value_lines),
    ("US wages (BLS)", wage_lines),
    ("Outlook (BLS projection)", projection_lines),
)
