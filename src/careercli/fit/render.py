"""Rich views of fit results: the quiz's ranked table and top three, `fit ROLE` and `plan ROLE`.

Bars are block characters on a dotted track, so they read the same with NO_COLOR.
Tables fold their columns at 80 and 40 columns instead of wrapping into noise.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from careercli.common import vocab
from careercli.common.currency import money
from careercli.onet.credit import ONET_CREDIT

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from careercli.catalog.models import Catalog, Role
    from careercli.fit.score import RoleFit
    from careercli.profile.model import Profile

PART_TITLES = {
    "skills": "Skills",
    "experience": "Experience",
    "interests": "Interests",
    "education": "Education",
    "preferences": "Preferences",
}
# Column heads of the ranked table: the long ones when the bars are 9 cells wide, else short.
PART_HEADS = {"skills": "Skills", "experience": "Level", "interests": "Interests", "education": "Education",
              "preferences": "Prefs"}  # fmt: skip
PART_SHORT = {"skills": "Skill", "experience": "Level", "interests": "Inter", "education": "Educ",
              "preferences": "Prefs"}  # fmt: skip
_EIGHTHS = " ▏▎▍▌▋▊▉"
WIDE = 72  # below this the ranked table drops the per-part bars
NARROW = 50  # below this it drops the score bar too


def bar(fraction: float, width: int) -> str:
    """'████▌···': `fraction` (0..1) of `width` cells in block characters, the rest dotted."""
    fraction = min(1.0, max(0.0, fraction))
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (_EIGHTHS[part] if part else "")
    return text + "·" * (width - len(text))


def _bar_text(fraction: float, width: int) -> Text:
    from rich.text import Text

    filled = bar(fraction, width)
    track = len(filled) - len(filled.rstrip("·"))
    text = Text(filled[: len(filled) - track], style="cyan")
    text.append("·" * track, style="dim")
    return text


def _pts(value: float) -> str:
    return f"{value:.1f}"


def profile_line(profile: Profile) -> str:
    """One line that says what the scores are based on."""
    years = f"{profile.experience_years:g} year{'' if profile.experience_years == 1 else 's'}"
    degree = vocab.DEGREE_LABELS[profile.degree] + (f" in {profile.field}" if profile.field else "")
    likes = sorted(profile.interests.items(), key=lambda kv: (-kv[1], vocab.INTERESTS.index(kv[0])))
    liked = ", ".join(d for d, v in likes if v >= 4)[:60] or "no strong likes"
    n = len(profile.skills)
    return (
        f"You: {years}, {profile.level} level; {degree}{' + MBA' if profile.mba else ''}; "
        f"{n} skill{'' if n == 1 else 's'} rated; likes: {liked}."
    )


def _role_cell(fit: RoleFit, room: int) -> str:
    """The role id; an O*NET code with as much of its title as fits, since a code alone
    says little."""
    from careercli.onet.pack import CODE

    if not CODE.match(fit.role):
        return fit.role
    text = f"{fit.role} {fit.title}"
    return text if len(text) <= room else text[: max(len(fit.role), room - 1)].rstrip() + "…"


def ranked_table(fits: list[RoleFit], width: int, ranks: list[int] | None = None) -> Table:
    """Rank, role id, score, and a bar per part of the score (folded on narrow terminals)."""
    from rich import box
    from rich.table import Table

    ranks = ranks or list(range(1, len(fits) + 1))
    counts = Counter(ranks)
    labels = [f"{r}=" if counts[r] > 1 else str(r) for r in ranks]  # a tie shows as one
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Role", style="bold", no_wrap=True, overflow="ellipsis")
    table.add_column("Score", justify="right", no_wrap=True)
    # A part no listed role is scored on (preferences, for O*NET occupations) gets no column.
    parts = [n for n in (fits[0].components if fits else {}) if any(f.components[n].weight for f in fits)]
    if width >= WIDE:
        cell = max(5, min(9, (width - 40) // max(1, len(parts)) - 2))
        room = max(10, width - 4 - 8 - len(parts) * (cell + 3) - 2)
        for name in parts:
            title = PART_HEADS[name] if cell >= len(PART_HEADS[name]) else PART_SHORT[name]
            table.add_column(title, no_wrap=True, min_width=cell)
        for rank, fit in zip(labels, fits, strict=True):
            bars = [_part_bar(fit, n, cell) for n in parts]
            table.add_row(rank, _role_cell(fit, room), f"{fit.score:.1f}", *bars)
    else:
        if width >= NARROW:
            table.add_column("", no_wrap=True)
        for rank, fit in zip(labels, fits, strict=True):
            cells = [rank, _role_cell(fit, width - 18 - (13 if width >= NARROW else 0))]
            cells.append(f"{fit.score:.1f}")
            table.add_row(*cells, *([_bar_text(fit.score / 100, 10)] if width >= NARROW else []))
    return table


def _part_bar(fit: RoleFit, name: str, cell: int) -> Text:
    from rich.text import Text

    part = fit.components[name]
    if not part.has_data:
        return Text("no data" if cell >= 7 else "n/a", style="dim")
    return _bar_text(part.score, cell)


def weights_note(fit: RoleFit, fits: list[RoleFit] | None = None) -> str:
    from careercli.fit.score import ONET_BASIS, WEIGHTS

    listed = fits or [fit]
    # an O*NET-SOC code holds a dot, a role id never does
    occupations = [f for f in listed if "." in f.role]
    if occupations and len(occupations) == len(listed):  # O*NET alone: its own weights
        weights = {n: c.weight for n, c in listed[0].components.items() if n in ONET_BASIS or c.weight}
    else:
        weights = WEIGHTS
    parts = " + ".join(f"{n} {w:.0%}" for n, w in weights.items())
    note = f"Score 0-100 = {parts} (Level = experience). Each bar: how much of that part you earn."
    if occupations:
        if weights is WEIGHTS:
            scaled = "O*NET lists no industries, so their other four parts are scaled to add up to 100"
        elif "preferences" in weights:
            scaled = "preferences are O*NET's work values against yours (O*NET lists no industries)"
        else:
            scaled = "preferences are not scored (O*NET lists no industries)"
        note += f" O*NET occupations: {scaled}; a part an occupation has no data for (no data)"
        note += " earns none of its points."
    return note


def _labelled(label: str, body: str, indent: int = 3) -> RenderableType:
    from rich.padding import Padding
    from rich.text import Text

    text = Text(f"{label}: ", style="bold")
    text.append(body)
    return Padding(text, (0, 0, 0, indent), expand=False)


def bullet_list(lines: list[str], indent: int = 2) -> RenderableType:
    """Bullets with a hanging indent, so a wrapped line lines up with its text."""
    from rich.padding import Padding
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for line in lines:
        grid.add_row("•", line)
    return Padding(grid, (0, 0, 0, indent), expand=False)


def why_line(fit: RoleFit) -> str:
    """'skills 35.1/45 · experience 20.0/20 · ...': where every point of the score came from."""
    return " · ".join(
        f"{n} {_pts(c.points)}/{c.weight * 100:.0f}"
        if c.has_data
        else (f"{n} 0/{c.weight * 100:.0f} (no data)" if c.weight else f"{n} not scored")
        for n, c in fit.components.items()
    )


def matches_text(fit: RoleFit, names: dict[str, str], k: int = 4) -> str:
    from careercli.fit.score import skill_text

    if not fit.matched:
        return "none of this role's skills yet"
    return ", ".join(f"{skill_text(m, names)} (importance {m.importance})" for m in fit.matched[:k])


def gaps_text(fit: RoleFit, k: int = 4) -> str:
    if not fit.gaps:
        return "none: you meet every skill at the target"
    return ", ".join(
        f"{g.name} {g.have}/5 → {g.need}/5 (importance {g.importance}{', must-have' if g.must else ''})"
        for g in fit.gaps[:k]
    )


def next_steps(steps: list[dict[str, Any]], tips: list[dict[str, Any]], k: int = 3) -> list[str]:
    """The top gaps' actions, then the role's own tips not already quoted or already met."""
    lines = [str(s["action"]) for s in steps[:k]]
    quoted = {t for s in steps[:k] for t in s["tips"]}
    open_tips = [str(t["tip"]) for t in tips if not t["done"] and t["tip"] not in quoted]
    return lines + open_tips[: max(1, 5 - len(lines))]


def top_role_view(catalog: Catalog, fit: RoleFit, rank: int) -> list[RenderableType]:
    """One of the best three: score, where its points came from, matches, gaps, next steps."""
    from rich.padding import Padding
    from rich.text import Text

    from careercli.fit.plan import plan_steps, tips_status

    role = catalog.roles[fit.role]
    head = Text(f"{rank}. {fit.title} ({fit.role})", style="bold")
    head.append(f"  {fit.score:.1f}/100", style="bold cyan")
    steps = plan_steps(fit, role, catalog)
    names = {k: s.name for k, s in catalog.skills.items()}
    out: list[RenderableType] = [Text(""), head, _labelled("Points", why_line(fit))]
    rated = [i for i in fit.components["skills"].items if i.get("part") == "ratings"]
    if fit.matched or fit.gaps or not rated:
        out += [
            _labelled("Strongest matches", matches_text(fit, names)),
            _labelled("Biggest gaps", gaps_text(fit)),
        ]
    if rated:  # an occupation O*NET rates: its skills and knowledge, on its 0-7 levels
        out += [_labelled("O*NET strengths", onet_strengths_text(rated)),
                _labelled("Under-qualified", onet_gaps_text(rated))]  # fmt: skip
    lines = next_steps(steps, tips_status(fit, role, catalog))
    if lines:
        out += [
            Padding(Text("Next steps:", style="bold"), (0, 0, 0, 3), expand=False),
            bullet_list(lines, indent=5),
        ]
    return out


def onet_strengths_text(items: list[dict[str, Any]], k: int = 4) -> str:
    """The rated elements that earned the most, "you (the occupation's level)"."""
    best = sorted((i for i in items if i["you"] is not None and i["points"] > 0), key=lambda i: -i["points"])
    return ", ".join(f"{i['name']} {i['you']:.1f} ({i['level']:.1f})" if i["level"] is not None
                     else f"{i['name']} {i['you']:.1f}" for i in best[:k]) or "none yet"  # fmt: skip


def onet_gaps_text(items: list[dict[str, Any]], k: int = 4) -> str:
    """Important elements (importance >= 3) where you are 2 or more levels below."""
    from careercli.fit.onet_fit import FLAG_GAP, IMPORTANT

    gaps = [i for i in items if i["level"] is not None and i["importance"] >= IMPORTANT
            and i["level"] - (i["you"] or 0) >= FLAG_GAP]  # fmt: skip
    gaps.sort(key=lambda i: -i["importance"] * (i["level"] - (i["you"] or 0)))
    return ", ".join(f"{i['name']} {i['you'] or 0:.1f} < {i['level']:.1f}" for i in gaps[:k]) or "none"


def job_salary(salary: dict[str, Any] | None) -> str:
    if not salary:
        return "-"
    cur = str(salary.get("currency") or "USD")
    low, high = salary.get("min"), salary.get("max")
    if low is not None and high is not None and low != high:
        return f"{money(low, cur)}-{money(high, cur)}"
    return money(low if low is not None else high, cur)


def jobs_view(jobs: list[dict[str, Any]], width: int) -> list[RenderableType]:
    """The "Matching jobs" section: the listings for your level and places, best fit first."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = [Text(""), Text("Matching jobs", style="bold underline")]
    if not jobs:
        out.append(
            Text(
                "No listed job matches your level, places and salary floor; "
                "try `careercli jobs --for-me` with fewer filters.",
                style="dim",
            )
        )
        return out
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Job", ratio=3, overflow="fold")
    if width >= WIDE:
        table.add_column("Company", ratio=2, overflow="fold")
        table.add_column("Location", ratio=2, overflow="fold")
    table.add_column("Salary", no_wrap=True)
    table.add_column("Fit", justify="right", no_wrap=True)
    for job in jobs:
        fit = job.get("fit")
        title = Text(str(job.get("title", "")), style="bold")
        if width < WIDE:
            title.append(f"\n{job.get('company', '')}, {job.get('location', '')}", style="dim")
        wide = [str(job.get("company", "")), str(job.get("location", ""))] if width >= WIDE else []
        table.add_row(title, *wide, job_salary(job.get("salary")), "-" if fit is None else f"{fit:.0f}")
    out.append(table)
    return out


def quiz_view(
    catalog: Catalog,
    profile: Profile,
    fits: list[RoleFit],
    top: int,
    width: int,
    jobs: list[dict[str, Any]] | None,
    warnings: list[str] | None = None,
) -> list[RenderableType]:
    """The quiz's results: warnings (a thin profile, ties), the ranked table, the best
    three in detail, then matching jobs."""
    from rich.text import Text

    from careercli.fit.warnings import tie_ranks

    shown = fits[:top]
    what = "occupations" if any(catalog.roles[f.role].onet for f in shown) else "roles"
    out: list[RenderableType] = [
        Text(""),
        Text(f"Your best-fitting {what} (top {len(shown)} of {len(fits)})", style="bold underline"),
        Text(profile_line(profile), style="dim"),
    ]
    out += [Text(f"Note: {w}", style="yellow") for w in warnings or []]
    out.append(ranked_table(shown, width, tie_ranks(fits)[: len(shown)]))
    if fits:
        out.append(Text(weights_note(fits[0], fits), style="dim"))
    for rank, fit in enumerate(shown[:3], 1):
        out.extend(top_role_view(catalog, fit, rank))
    if jobs is not None:
        out.extend(jobs_view(jobs, width))
    out += [Text(""), Text("More: careercli fit ROLE (every point) · careercli plan ROLE (what to learn)",
                           style="dim")]  # fmt: skip
    out += [Text(credit, style="dim") for credit in _credits(catalog, [f.role for f in fits])]
    return out


def _credits(catalog: Catalog, role_ids: list[str]) -> list[str]:
    """The O*NET credit lines for what is shown: the bundled profiles' (29.2) when a curated
    role is among them, and each imported pack's."""
    from careercli.catalog.role_data import onet_credits

    roles = [catalog.roles[r] for r in role_ids if r in catalog.roles]
    curated = [ONET_CREDIT] if any(r.onet is None for r in roles) or not roles else []
    return list(dict.fromkeys([*curated, *onet_credits(roles)]))


def parts_table(fit: RoleFit, width: int) -> RenderableType:
    """`fit ROLE`: each part's points, bar and reason; stacked (reason under part) when narrow."""
    from rich import box
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    if width < NARROW:
        lines: list[RenderableType] = []
        for name, c in fit.components.items():
            if not c.has_data:
                lines += [Text(f"{PART_TITLES[name]} no data", style="bold"),
                          Padding(Text(c.detail), (0, 0, 0, 2), expand=False)]  # fmt: skip
                continue
            head = Text(f"{PART_TITLES[name]} {_pts(c.points)}/{c.weight * 100:.0f} ", style="bold")
            lines += [head + _bar_text(c.score, 8), Padding(Text(c.detail), (0, 0, 0, 2), expand=False)]
        return Group(*lines, Text(f"Total {fit.score:.1f}/100", style="bold"))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=width < WIDE)
    table.add_column("Part", style="bold", no_wrap=True)
    table.add_column("Points", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("Why", ratio=1)
    for name, c in fit.components.items():
        if not c.has_data:
            table.add_row(PART_TITLES[name], "-", Text("no data", style="dim"), c.detail)
            continue
        table.add_row(
            PART_TITLES[name], f"{_pts(c.points)}/{c.weight * 100:.0f}", _bar_text(c.score, 8), c.detail
        )
    table.add_row("Total", f"{fit.score:.1f}", "", "")
    return table


def _detail_table(title: str) -> Table:
    """The plain, titled table the `fit` details share."""
    from rich import box
    from rich.table import Table

    return Table(
        box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, title=title, title_justify="left",
        title_style="bold",
    )  # fmt: skip


def skills_table(fit: RoleFit, names: dict[str, str], width: int = 80) -> Table:
    """Every skill the role asks for: importance, yours, the target, the points earned, and
    a note (a must-have; a credit from a related skill), under the skill when narrow."""
    from rich.text import Text

    table = _detail_table("Skills in detail")
    wide = width >= WIDE
    heads = [("Skill", "left"), ("Imp.", "right"), ("You", "right"), ("Target", "right"), ("Points", "right")]
    for col, justify in heads + ([("Note", "left")] if wide else []):
        table.add_column(col, justify=justify, no_wrap=col not in ("Skill", "Note"))  # type: ignore[arg-type]
    technology = [i for i in fit.components["skills"].items if i.get("part") != "ratings"]
    items = sorted(technology, key=lambda i: (-i["importance"], -i["points"]))
    for item in items:
        notes = ["must-have"] if item.get("must") else []
        if item.get("via"):
            via = str(item["via"])
            notes.append(f"from your {names.get(via, via)} {item['via_have']}/5")
        note = ", ".join(notes)
        skill = Text(str(item["name"]))
        if note and not wide:
            skill.append(f"\n{note}", style="dim")
        cells = [
            str(item["importance"]),
            str(item["have"] or "-"),
            str(item["need"]),
            _pts(float(item["points"])),
        ]
        table.add_row(skill, *cells, *([note] if wide else []))
    return table


def ratings_table(fit: RoleFit, top: int = 15) -> Table | None:
    """An occupation's O*NET skills and knowledge: importance, its level, yours, the points."""
    items = [i for i in fit.components["skills"].items if i.get("part") == "ratings"]
    if not items:
        return None
    table = _detail_table(f"O*NET skills and knowledge (the {min(top, len(items))} most important)")
    for col in ("Skill or knowledge", "Imp. 1-5", "Level 0-7", "You", "Points", ""):
        table.add_column(col, justify="left" if col in ("Skill or knowledge", "") else "right")
    for item in sorted(items, key=lambda i: (-i["importance"], i["element"]))[:top]:
        level, you = item["level"], item["you"]
        flag = ""
        if level is not None and item["importance"] >= 3 and level - (you or 0) >= 2:
            flag = "under"
        elif level is not None and you is not None and you - level >= 2:
            flag = "over"
        table.add_row(str(item["name"]), f"{item['importance']:.1f}",
                      "suppressed" if level is None else f"{level:.1f}",
                      "-" if you is None else f"{you:g}", _pts(float(item["points"])), flag)  # fmt: skip
    return table


def interests_table(fit: RoleFit) -> Table | None:
    """Each RIASEC dimension: yours, the role's, and the points it gave or took."""
    items = fit.components["interests"].items
    if not items:
        return None
    table = _detail_table("Interests in detail")
    table.add_column("Interest")
    table.add_column("You 1-5", justify="right")
    table.add_column("Role 1-7", justify="right")
    table.add_column("Points", justify="right")
    table.add_column("of", justify="right")
    for item in items:
        stress = " *" if item["role_stresses"] else ""
        table.add_row(str(item["dimension"]), str(item["you"]), f"{item['role']:.1f}{stress}",
                      _pts(float(item["points"])), _pts(float(item["share"])))  # fmt: skip
    table.add_row("Total", "", "", _pts(fit.components["interests"].points),
                  f"{fit.components['interests'].weight * 100:.0f}")  # fmt: skip
    return table


def fit_view(
    catalog: Catalog, role: Role, fit: RoleFit, rank: int, of: int, width: int
) -> list[RenderableType]:
    """`fit ROLE`: the score, every part with its reason, then skills and interests in detail."""
    from rich.text import Text

    from careercli.fit.score import weight_with_data

    head = Text(f"{fit.title} ({fit.role})", style="bold")
    head.append(f"  {fit.score:.1f}/100", style="bold cyan")
    if role.onet is None:
        kind = f"{vocab.LEVEL_LABELS[role.level]} role."
    else:
        level = f"{vocab.LEVEL_LABELS[role.level]}" if role.level else "no level data"
        counted = ", ".join(fit.components_with_data) or "none"
        kind = (
            f"O*NET occupation ({level}); scored on the parts with data: {counted} "
            f"({weight_with_data(fit):.0%} of the weight)."
        )
    out: list[RenderableType] = [
        head,
        Text(f"Ranks {rank} of {of} roles for you. {kind}", style="dim"),
        Text(""),
        parts_table(fit, width),
    ]
    if fit.components["skills"].has_data:
        out += [Text(""), skills_table(fit, {k: s.name for k, s in catalog.skills.items()}, width)]
        ratings = ratings_table(fit)
        if ratings is not None:
            out += [Text(""), ratings]
    interests = interests_table(fit)
    if interests is not None:
        out += [Text(""), interests, Text("* a dimension this role stresses (above its own average)",
                                          style="dim")]  # fmt: skip
    out += [Text(""), Text(f"What to learn: careercli plan {fit.role}", style="dim")]
    out += [Text(credit, style="dim") for credit in _credits(catalog, [role.id])]
    return out


def _todo(step: dict[str, Any]) -> Text:
    from rich.text import Text

    todo = Text(str(step["action"]))
    for tip in step["tips"]:
        todo.append(f"\nTip: {tip}", style="dim")
    return todo


def gaps_table(steps: list[dict[str, Any]]) -> Table:
    """`plan ROLE`: one row per gap: rank, skill, importance, now -> target, what to do."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    # as wide as the longest word of a name (at least 14): a name wraps between words, none
    # is cut in two ("Experimentatio|n"), and "What to do" keeps the rest of the line
    word = max((len(w) for step in steps for w in str(step["name"]).split()), default=0)
    table.add_column("Skill", style="bold", overflow="fold", max_width=max(word, 14))
    table.add_column("Imp.", justify="right", no_wrap=True)
    table.add_column("Now", justify="right", no_wrap=True)
    table.add_column("What to do", ratio=3)
    for step in steps:
        now = f"{step['have']}→{step['need']}"
        table.add_row(str(step["rank"]), str(step["name"]), str(step["importance"]), now, _todo(step))
    return table


def gaps_stacked(steps: list[dict[str, Any]]) -> RenderableType:
    """The gaps for a narrow terminal: a heading line per gap, what to do indented under it."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    lines: list[RenderableType] = []
    for step in steps:
        head = Text(f"{step['rank']}. {step['name']}", style="bold")
        head.append(f" (importance {step['importance']}, {step['have']}→{step['need']})", style="dim")
        lines += [head, Padding(_todo(step), (0, 0, 0, 3), expand=False)]
    return Group(*lines)


def plan_view(
    role: Role, fit: RoleFit, steps: list[dict[str, Any]], tips: list[dict[str, Any]], width: int
) -> list[RenderableType]:
    """`plan ROLE`: the gaps, most important first, what to do about each, and the role's tips."""
    from rich.text import Text

    head = Text(f"Plan: {role.title} ({role.id})", style="bold")
    head.append(f"  your fit {fit.score:.1f}/100", style="bold cyan")
    out: list[RenderableType] = [head, Text("")]
    if not steps:
        out.append(Text("No skill gaps: you have every skill this role lists at its target level."))
    else:
        out.append(Text(f"{len(steps)} skill gap{'' if len(steps) == 1 else 's'}, most important first:",
                        style="bold"))  # fmt: skip
        out.append(gaps_table(steps) if width >= NARROW else gaps_stacked(steps))
    others = [
        (n, c)
        for n, c in fit.components.items()
        if n in ("experience", "education") and c.has_data and c.score < 1
    ]
    if others:
        out += [Text(""), Text("Beyond skills:", style="bold")]
        out.append(bullet_list([f"{PART_TITLES[n]}: {c.detail}" for n, c in others]))
    if tips:
        out += [Text(""), Text("Tips for this role:", style="bold")]
        lines = [str(t["tip"]) for t in tips if not t["done"]]
        lines += [f"Done: {t['tip']} ({t['why']})" for t in tips if t["done"]]
        out.append(bullet_list(lines))
    if role.onet is not None:
        out += [Text(""), Text(role.onet.credit, style="dim")]
    return out


def _move_pay(pay: dict[str, Any] | None) -> str:
    if not pay:
        return "no data"
    return money(pay["median"], pay["currency"], compact=False)


def _move_outlook(outlook: dict[str, Any] | None) -> str:
    return "no data" if not outlook else f"{outlook['growth_pct']:+.1f}%"


def _move_gaps(gaps: list[dict[str, Any]]) -> str:
    skills = [f"{g['name']} {g['have']:g}→{g['need']:g}/5" for g in gaps if g["kind"] == "skill"]
    onet = [f"{g['name']} {g['have']:.1f}→{g['need']:.1f}" for g in gaps if g["kind"] != "skill"]
    parts = ([", ".join(skills)] if skills else []) + ([f"O*NET {', '.join(onet)}"] if onet else [])
    return "; ".join(parts) or "none"


def next_view(moves: dict[str, Any], width: int, top: int = 10) -> list[RenderableType]:
    """`next ROLE`: the role you start from, then each move: score (and its difference),
    pay, outlook, and its biggest gaps on the line below."""
    from rich.padding import Padding
    from rich.text import Text

    start = moves["from"]
    out: list[RenderableType] = [
        Text(f"From {start['title']} ({start['role']}): {start['score']:.1f}/100 for you, "
             f"rank {start['rank']} of {moves['of']}", style="bold"),
        Text(f"Pay {_move_pay(start['pay'])} · outlook {_move_outlook(start['outlook'])}", style="dim"),
        Text(""),
    ]  # fmt: skip
    if not moves["next"]:
        out.append(Text("No related roles or occupations listed for it."))
        return out
    shown = moves["next"][:top]
    for n, m in enumerate(shown, 1):
        delta = m["score"] - start["score"]
        head = Text(f"{n:>2}. {m['title']} ({m['role']})", style="bold")
        tier = f" · {m['tier']}" if m["tier"] else ""
        head.append(f"{tier} · {m['score']:.1f} ({delta:+.1f}) · pay {_move_pay(m['pay'])} · "
                    f"outlook {_move_outlook(m['outlook'])}", style="")  # fmt: skip
        out += [head, Padding(Text(f"gaps: {_move_gaps(m['gaps'])}", style="dim"), (0, 0, 0, 4))]
    if len(moves["next"]) > top:
        out.append(Text(f"... and {len(moves['next']) - top} more (--top N, or --json for all)", style="dim"))
    everyone = [start, *moves["next"]]
    sources = {m["pay"]["source"] for m in everyone if m["pay"]} | {
        m["outlook"]["source"] for m in everyone if m["outlook"]
    }
    note = "Score: your fit (careercli fit ROLE explains it), and its difference from where you start. "
    note += "Gaps: skills on 1-5; O*NET skills and knowledge on O*NET's levels 0-7."
    out += [Text(""), Text(note, style="dim")]
    out += [Text(f"Source: {s}", style="dim") for s in sorted(sources)]
    return out
