"""Rich views of the catalog: the roles table, one role, and a comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careercli.catalog.comparison import MARKED_FACETS, Comparison
from careercli.catalog.models import Catalog, Role, Tool
from careercli.catalog.role_data import (
    THIN_N,
    credit_for,
    onet_credits,
    salary_dict,
    top_interests,
)
from careercli.common import vocab
from careercli.common.currency import money
from careercli.onet.credit import ONET_CREDIT
from careercli.salary.stats import MIN_N_PERCENTILES

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

FACET_TITLES = {
    "summary": "Definition",
    "responsibilities": "Responsibilities",
    "skills": "Skills",
    "education": "Education",
    "tools": "Tools",
    "industries": "Industries",
    "interests": "Interests",
    "outlook": "Outlook",
    "salary": "Salary (USD)",
    "us_wages": "US wages (BLS)",
    "tips": "Tips",
}
MARKS = {"shared": "=", "some": "~", "unique": "+"}
MARK_STYLES = {"shared": "bold green", "some": "cyan", "unique": "yellow"}
LEGEND = "= in every role compared   ~ in some   + only this role   (n) importance 1-5"
NO_DATA = "No data (not in the O*NET tables careercli imports)."
ONET_TOOLS_SHOWN = 12  # an occupation lists up to ~130 technologies; --json has them all
ONET_ALIASES_SHOWN = 6


def roles_table(catalog: Catalog, roles: list[Role], width: int = 80, grouped: bool = True) -> Table:
    """Roles grouped by family (a header row per family, unless `grouped` is False: a
    ranking), with the survey's median, BLS's US median wage and its 2024-34 growth.
    Below 100 columns levels are codes (EX, SE...); below 60 the title goes too."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    # one space of padding and the box's blank divider: two between columns
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0))
    coded = width < 100
    ids = max((len(r.id) for r in roles), default=2) + (2 if grouped else 0)
    rest = ids + (3 if coded else 9) + 6 + 6 + 6 + 2 * 5  # every column but the title, and gaps
    narrow = width - rest < 12  # no room for a title
    tiny = width < 56  # nor for BLS's figures: the id must stay whole, it is what one types
    indent = "  " if grouped and not narrow else ""
    if narrow:  # an id too long for what is left folds onto a second line, whole
        table.add_column("Id", style="bold", overflow="fold", max_width=max(8, width - (15 if tiny else 30)))
    else:
        table.add_column("Id", style="bold", no_wrap=True, min_width=ids)
        table.add_column("Title", max_width=width - rest)  # a long title wraps, whole
    table.add_column("Lvl" if coded else "Level", no_wrap=True, min_width=3 if coded else 9)
    table.add_column("Survey" if not narrow else "Surv", justify="right", no_wrap=True, min_width=6)
    if not tiny:
        table.add_column("US med" if not narrow else "US", justify="right", no_wrap=True, min_width=5)
        table.add_column("Growth" if not narrow else "Grow", justify="right", no_wrap=True,
                         min_width=4 if narrow else 6)  # fmt: skip
    family = None
    for role in roles:
        if grouped and role.family != family:
            family = role.family
            table.add_row(Text(family, style="bold magenta"))
        sal = salary_dict(catalog, role.id)
        p = sal["percentiles"]
        thin = "~" if p is not None and p["thin"] else ""
        median = "-" if p is None else thin + money(p["p50"]) + ("*" if sal["proxy"] else "")
        level = (vocab.LEVEL_CODES[role.level] if coded else role.level) if role.level else "-"
        us = money(role.us_wages.p50) if role.us_wages and role.us_wages.p50 is not None else "-"
        pct = role.outlook.growth_pct
        growth = "-" if pct is None else f"{pct:+.0f}%" if narrow else f"{pct:+.1f}%"
        row = [f"{indent}{role.id}", level, median] + ([] if tiny else [us, growth])
        if not narrow:
            row.insert(1, role.title)
        table.add_row(*row)
    return table


def thin_note(catalog: Catalog, roles: list[Role]) -> str | None:
    """'~ = thin data: lead-mle n=15, nlp-engineer n=19 ...' for the medians the roles table
    marks, or None when every shown median rests on enough survey rows."""
    thin = []
    for role in roles:
        p = salary_dict(catalog, role.id)["percentiles"]
        if p is not None and p["thin"]:
            thin.append(f"{role.id} n={p['n']:,}")
    if not thin:
        return None
    listed = ", ".join(thin)
    return f"~ = thin data, under {THIN_N} survey rows: {listed} (`careercli salary ROLE` shows the spread)."


def proxy_notes(catalog: Catalog, roles: list[Role]) -> list[str]:
    """'head-ds: mostly Head of Data (178 of 221 rows)' for each proxied salary made
    mostly (over half its rows) of one survey title."""
    from careercli.catalog.role_data import mostly

    notes = []
    for role in roles:
        found = mostly(catalog, role.id)
        if found is not None:
            title, count, n = found
            notes.append(f"{role.id}: mostly {title} ({count:,} of {n:,} rows)")
    return notes


def salary_lines(catalog: Catalog, role: Role) -> list[str]:
    """The salary facet: gross yearly pay from the survey, with n, proxies and notes."""
    sal = salary_dict(catalog, role.id)
    p = sal["percentiles"]
    title_n: dict[str, int] = sal["title_n"]

    def counted(titles: list[str]) -> str:
        return ", ".join(f"{t} (n={title_n[t]:,})" if t in title_n else t for t in titles)

    lines: list[str] = []
    if sal["proxy"]:
        proxies = counted(sal["proxy_titles"])
        if sal["n_direct"]:
            own = counted(sal["titles"])
            lines.append(f"Few rows with its own title: {own}; proxy titles added: {proxies}")
        else:
            lines.append(f"No exact survey title; proxy titles: {proxies}")
        if sal["mostly"]:
            m = sal["mostly"]
            lines.append(f"Proxy: mostly {m['title']} ({m['n']:,} of {sal['n']:,} rows)")
    if p is None:
        lines.append(sal["note"] or "No salary survey rows for this role.")
        return lines
    years = sal["years"]
    span = f", {years[0]}-{years[1]}" if years else ""
    thin = f" - thin data (n<{THIN_N})" if p["thin"] else ""
    lines.append(f"Median {money(p['p50'])} (n={p['n']:,}{span}){thin}")
    lines.append(f"Middle half {money(p['p25'])}-{money(p['p75'])}")
    if sal["duplicates_dropped"]:
        lines.append(
            f"Each distinct survey row counted once ({sal['duplicates_dropped']:,} exact repeats left out)"
        )
    for level, lp in sal["by_level"].items():
        if lp["n"] < MIN_N_PERCENTILES:
            lines.append(f"{level}: too few rows for a median (n={lp['n']})")
        else:
            note = ", thin" if lp["thin"] else ""
            lines.append(f"{level}: {money(lp['p50'])} (n={lp['n']:,}{note})")
    if sal["note"]:
        lines.append(sal["note"])
    src = sal["source"]
    if src:
        lines.append(f"Source: {src['name']} ({src['licence']}), {src['snapshot']}")
    return lines


def education_lines(role: Role) -> list[str]:
    e = role.education
    if role.onet is not None:
        if not e.typical:
            return ["No data: O*NET has no education level or job zone for this occupation."]
        source = "its job zone" if role.onet.education_source == "job-zone" else "the O*NET education survey"
        return [
            f"Typical: {vocab.DEGREE_LABELS[e.typical]}",
            f"Minimum: {vocab.DEGREE_LABELS[e.minimum]} (from {source})",
            *(f"• {n}" for n in e.notes),
        ]
    return [
        f"Typical: {vocab.DEGREE_LABELS[e.typical]}",
        f"Minimum: {vocab.DEGREE_LABELS[e.minimum]}",
        f"Fields: {', '.join(e.fields)}",
        *(f"• {n}" for n in e.notes),
    ]


def jobs_k(n: int | None) -> str:
    """245,900 -> '245.9k' (BLS publishes employment in thousands, to one decimal)."""
    return "-" if n is None else f"{n / 1000:,.1f}k"


def outlook_lines(role: Role, compact: bool = False) -> list[str]:
    """The BLS projection: change, band, jobs, openings, occupation, why it stands in,
    source; then the seed article's older figure where a role keeps it. `compact` (side by
    side in `compare`) leaves out the why and shortens the source."""
    o = role.outlook
    if role.onet is not None:
        return [NO_DATA]
    if o.growth_pct is None:
        return [o.summary, f"Occupation: {o.occupation}", f"Source: {o.source} ({o.date})"]
    lines = [f"{o.growth_pct:+g}% over {o.period}" + (f": {o.band.lower()}" if o.band else "")]
    if o.employment_start is not None and o.employment_end is not None:
        jobs = f"Jobs: {jobs_k(o.employment_start)} -> {jobs_k(o.employment_end)}"
        if o.openings_per_year is not None:
            jobs += f"; {jobs_k(o.openings_per_year)} openings a year"
        lines.append(jobs)
    soc = f" (SOC {o.soc})" if o.soc else ""
    table = " ".join(o.table.split()[:2])  # "Table 1.2"
    if compact:
        lines += [f"{o.occupation}{soc}", f"BLS projections, {table} ({o.date})".replace(",  (", " (")]
    else:
        entry = f"; entry: {o.entry_education}" if o.entry_education else ""
        lines.append(f"Occupation: {o.occupation}{soc}{entry}")
        lines += [o.note] if o.note else []
        lines.append(f"Source: {o.source}" + (f", {table}" if table else "") + f" ({o.date})")
    if o.seed is not None:
        s = o.seed
        lines.append(
            f"Seed article ({s.date}): {s.growth_pct:+g}% over {s.period}, an older BLS figure"
            if compact
            else f"Seed article ({s.date}): {s.growth_pct:+g}% over {s.period} for "
            f"{s.occupation.lower()}, an older BLS projection as the article quoted it"
        )
    return lines


def us_wage_lines(role: Role, compact: bool = False) -> list[str]:
    """BLS OEWS national wages: median, middle half, p10/p90, mean, employment; a figure BLS
    top-codes reads '>= $X' and is said to be top-coded, one it suppresses 'n/a', 'not
    published'. `compact` (side by side) shortens the occupation and the source."""
    w = role.us_wages
    if w is None:
        return [NO_DATA if role.onet is not None else "No BLS wage figures for this role."]

    def fig(name: str) -> str:
        value = getattr(w, name)
        if value is not None:
            return money(value, compact=False)
        if name in w.top_coded:
            return f">= {money(w.top_code_limit, compact=False)}" if w.top_code_limit else "top-coded"
        return "n/a"

    lines = [
        f"Median {fig('p50')}; middle half {fig('p25')}-{fig('p75')}",
        f"p10 {fig('p10')}, p90 {fig('p90')}, mean {fig('mean')}",
    ]
    employed = f"{w.employment:,} employed" if w.employment is not None else "employment not published"
    lines.append(f"SOC {w.soc}, May {w.year}: {employed}" if compact
                 else f"{w.occupation} (SOC {w.soc}), May {w.year}: {employed}")  # fmt: skip
    if w.top_coded:
        limit = (
            f" ({money(w.top_code_limit, compact=False)} a year)" if w.top_code_limit and not compact else ""
        )
        lines.append(f"{', '.join(w.top_coded)}: top-coded by BLS{limit}")
    if w.suppressed:
        lines.append(f"{', '.join(w.suppressed)}: not published by BLS")
    lines.append(
        f"BLS OEWS, May {w.year} ({w.date})" if compact else f"Source: {w.source}, {w.table} ({w.date})"
    )
    return lines


def interest_lines(role: Role) -> list[str]:
    if role.onet is not None:
        if not role.interests.scores:
            return ["No data: O*NET has no interest profile for this occupation."]
        six = top_interests(role, k=6)
        return [
            *(f"{dim.capitalize()} {score:.1f}" for dim, score in six),
            "O*NET OI scale, 1 (low) to 7 (high)",
        ]
    if not role.interests.scores:
        return [f"O*NET {role.interests.onet_soc}: no profile derived"]
    lines = [f"{dim.capitalize()} {score:.1f}" for dim, score in top_interests(role)]
    lines.append(f"O*NET {role.interests.onet_soc} {role.interests.onet_title}".rstrip())
    return lines


def _tool_label(tool: Tool) -> str:
    flags = [f for f, on in (("hot", tool.hot), ("in demand", tool.in_demand)) if on]
    return f"{tool.name} ({', '.join(flags)})" if flags else tool.name


def _occupation_lines(
    comp: Comparison | None, catalog: Catalog, role: Role, facet: str
) -> list[tuple[str, str]] | None:
    """The facets where an O*NET occupation differs from a curated role; None: the same.
    Its core tasks stand for responsibilities, its BLS projection for the outlook, its BLS
    wages beside the survey's salary, its work values beside its interests (onet.render)."""
    special = _occupation_profile_lines(catalog, role, facet) if comp is not None else None
    if special is not None:
        return special
    if facet in ("responsibilities", "tips", "industries"):
        return [(NO_DATA, "")]
    if facet == "skills" and not role.skills:
        if not role.tools:
            return [("No data: O*NET lists no technology skills for this occupation.", "")]
        return [("No data: none of its O*NET technology skills is a careercli skill.", "")]
    if facet == "skills" and comp is None:
        lines = [(f"• {catalog.skills[n.skill].name} ({n.importance}) from "
                  f"{', '.join(role.onet.skill_sources.get(n.skill, ())) if role.onet else ''}", "")
                 for n in role.skills]  # fmt: skip
        return [*lines, ("(n) importance: 5 in demand for this occupation, 3 a hot technology, 2 listed", "")]
    if facet == "tools":
        if not role.tools:
            return [("No data: O*NET lists no technology skills for this occupation.", "")]
        # in demand first, then hot, then the rest, each in O*NET's (alphabetical) order
        ranked = sorted(role.tools, key=lambda t: (not t.in_demand, not t.hot))
        if comp is not None:
            order = {"shared": 0, "some": 1, "unique": 2}
            ranked.sort(key=lambda t: order[comp.mark("tools", t.name.casefold())])
        lines = [
            (f"{MARKS[mark]} {_tool_label(t)}" if comp else _tool_label(t), mark)
            for t in ranked[:ONET_TOOLS_SHOWN]
            for mark in [comp.mark("tools", t.name.casefold()) if comp else ""]
        ]
        if len(ranked) > ONET_TOOLS_SHOWN:
            lines.append((f"and {len(ranked) - ONET_TOOLS_SHOWN} more (--json lists them)", ""))
        return lines
    return None


def _ratings_lines(catalog: Catalog, role: Role, top: int = 5) -> list[tuple[str, str]]:
    """compare: an occupation's most important O*NET skills and knowledge, below its
    technologies (careercli skills, marked shared or unique)."""
    if role.onet is None or not role.onet.ratings:
        return []
    from careercli.onet import render as onet_render
    from careercli.onet.views import occupation_profile

    profile = occupation_profile(catalog, role, tasks=False)
    profile = {**profile, "skills": profile["skills"][:top], "knowledge": profile["knowledge"][:top]}
    lines = ["O*NET skills (importance, level):", *onet_render.rating_lines(profile, "skills")]
    lines += ["O*NET knowledge:", *onet_render.rating_lines(profile, "knowledge")]
    return [(line, "") for line in lines]


def _occupation_profile_lines(catalog: Catalog, role: Role, facet: str) -> list[tuple[str, str]] | None:
    from careercli.onet import render as onet_render
    from careercli.onet.views import occupation_profile

    if facet not in ("responsibilities", "outlook", "us_wages", "interests"):
        return None
    profile = occupation_profile(catalog, role, tasks=facet == "responsibilities")
    if facet == "responsibilities":
        lines = ["Core tasks (O*NET):", *onet_render.task_lines(profile, top=5)]
    elif facet == "outlook":
        lines = onet_render.projection_lines(profile)
    elif facet == "us_wages":
        lines = onet_render.wage_lines(profile)
    else:
        lines = [*interest_lines(role), "Work values:", *onet_render.work_value_lines(profile)]
    return [(line, "") for line in lines]


def facet_lines(comp: Comparison | None, catalog: Catalog, role: Role, facet: str) -> list[tuple[str, str]]:
    """One facet of one role as (line, mark) pairs; mark is '' or shared/some/unique."""
    if role.onet is not None:
        special = _occupation_lines(comp, catalog, role, facet)
        if special is not None:
            return special
    if facet in MARKED_FACETS:
        if facet == "skills":
            items = [(n.skill, f"{catalog.skills[n.skill].name} ({n.importance})") for n in role.skills]
        elif facet == "tools":
            # categories only when showing one role: side by side they cost a line per tool
            items = [(t.name.casefold(), t.name if comp else f"{t.name} ({t.category})") for t in role.tools]
        else:
            items = [
                (i, catalog.industries[i].name if i in catalog.industries else i) for i in role.industries
            ]
        if comp is None:
            return [(label, "") for _, label in items]
        # shared items first, so what the roles have in common reads across one row
        order = {"shared": 0, "some": 1, "unique": 2}
        # (shared ones alphabetically in every column, the rest in the role's own order)
        marked = [(comp.mark(facet, key), key, i, label) for i, (key, label) in enumerate(items)]
        marked.sort(key=lambda m: (order[m[0]], m[1] if m[0] == "shared" else "", m[2]))
        pairs = [(f"{MARKS[mark]} {label}", mark) for mark, _key, _i, label in marked]
        return pairs + _ratings_lines(catalog, role) if facet == "skills" else pairs
    if facet == "summary":
        return [(role.summary, "")]
    if facet in ("responsibilities", "tips"):
        return [(f"• {x}", "") for x in getattr(role, facet)]
    if facet in ("outlook", "us_wages"):
        build = outlook_lines if facet == "outlook" else us_wage_lines
        return [(line, "") for line in build(role, compact=comp is not None)]
    builders = {"education": education_lines, "interests": interest_lines}
    lines = builders[facet](role) if facet in builders else salary_lines(catalog, role)
    if facet == "interests" and comp is None and role.interests.reason:
        lines.append(f"Why this occupation: {role.interests.reason}")
    return [(line, "") for line in lines]


def facet_cell(comp: Comparison | None, catalog: Catalog, role: Role, facet: str) -> RenderableType:
    """One facet of one role as a table cell (marks for shared items when comparing).

    For one role (`show`), bulleted lines wrap with a hanging indent: each run of them
    becomes a two-column grid. Side by side, grids would triple the rendering time of
    `compare`, so its cells stay plain text.
    """
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    if comp is not None:
        text = Text()
        for n, (line, mark) in enumerate(facet_lines(comp, catalog, role, facet)):
            if n:
                text.append("\n")
            text.append(line, style=MARK_STYLES.get(mark, ""))
        return text
    parts: list[RenderableType] = []
    grid: Table | None = None
    for line, mark in facet_lines(comp, catalog, role, facet):
        head, _, rest = line.partition(" ")
        if head in _PREFIXES and rest:
            if grid is None:
                grid = Table.grid(padding=(0, 1, 0, 0))
                grid.add_column(no_wrap=True)
                grid.add_column()
                parts.append(grid)
            style = MARK_STYLES.get(mark, "")
            grid.add_row(Text(head, style=style), Text(rest, style=style))
        else:
            grid = None
            parts.append(Text(line, style=MARK_STYLES.get(mark, "")))
    return parts[0] if len(parts) == 1 else Group(*parts)


_PREFIXES = {"•", *MARKS.values()}


def comparison_view(catalog: Catalog, comp: Comparison, width: int) -> list[RenderableType]:
    """Facets as rows and roles as columns; stacked per facet when columns would be too thin."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = []
    facet_width = max(len(FACET_TITLES[f]) for f in comp.facets)
    per_role = (width - facet_width - 3 * (len(comp.roles) + 1)) // len(comp.roles)
    if per_role >= 20:
        table = Table(box=box.SQUARE, show_lines=True, expand=True)  # padded at the border too
        table.add_column("", style="bold", width=facet_width, no_wrap=False)
        for role in comp.roles:
            table.add_column(f"{role.title}\n{role.id} · {_level_word(role)}", ratio=1)
        for facet in comp.facets:
            table.add_row(FACET_TITLES[facet], *(facet_cell(comp, catalog, r, facet) for r in comp.roles))
        out.append(table)
    else:
        for facet in comp.facets:
            table = Table(
                box=box.SIMPLE_HEAD,
                show_header=True,
                expand=True,
                pad_edge=False,
                title=FACET_TITLES[facet],
                title_justify="left",
                title_style="bold",
            )
            table.add_column("Role", style="bold", ratio=1)
            table.add_column(FACET_TITLES[facet], ratio=3)
            for role in comp.roles:
                table.add_row(role.id, facet_cell(comp, catalog, role, facet))
            out.append(table)
    if any(f in MARKED_FACETS for f in comp.facets):
        out.append(Text(LEGEND, style="dim"))
    credits = onet_credits(comp.roles)  # O*NET occupations: every facet shown is O*NET's
    if "interests" in comp.facets and any(r.onet is None for r in comp.roles):
        credits = list(dict.fromkeys([ONET_CREDIT, *credits]))
    from careercli.onet.credit import credit_for_width

    for credit in credits:
        out.append(Text(credit_for_width(credit, width), style="dim"))
    return out


def _level_word(role: Role) -> str:
    if role.onet is None:
        return role.level
    return role.level or "O*NET"


def job_zone_lines(role: Role) -> list[str]:
    """An O*NET occupation's job zone (with the reference's texts) and experience level."""
    info = role.onet
    if info is None:
        return []
    zone = info.job_zone
    lines = [zone.name, f"Experience: {zone.experience}", f"Training: {zone.training}"] if zone else [
        "No data: O*NET gives this occupation no job zone."]  # fmt: skip
    if info.experience_source == "job-zone":
        lines.append(
            f"No O*NET work-experience survey: careercli level '{role.level}', as its job zone states"
        )
    elif info.experience:
        lines.append(
            f"Related work experience (median O*NET respondent): {info.experience}, "
            f"so careercli level '{role.level}'"
        )
    else:
        lines.append(
            "Related work experience: no data, so no careercli level (the fit has no experience data)"
        )
    return lines


def _occupation_head(role: Role) -> str:
    from careercli.onet.pack import SOC_MAJOR_GROUPS

    info = role.onet
    assert info is not None
    parts = [f"O*NET-SOC {role.id}", SOC_MAJOR_GROUPS.get(role.id[:2], role.family)]
    if info.job_zone:
        parts.append(f"Job Zone {info.job_zone.zone}")
    if role.level:
        parts.append(f"level {role.level}")
    head = " · ".join(parts)
    if role.aliases:
        shown = ", ".join(role.aliases[:ONET_ALIASES_SHOWN])
        more = len(role.aliases) - ONET_ALIASES_SHOWN
        head += f" · also called {shown}" + (f" and {more} more" if more > 0 else "")
    return head


def role_view(catalog: Catalog, role: Role) -> list[RenderableType]:
    """`show ROLE`: a heading, then every facet as a titled section."""
    from rich.padding import Padding
    from rich.text import Text

    if role.onet is not None:
        return _occupation_view(catalog, role)
    out: list[RenderableType] = [
        Text(f"{role.title} ({role.id})", style="bold"),
        Text(
            f"{vocab.LEVEL_LABELS[role.level]} · family {role.family}"
            + (f" · also called {', '.join(role.aliases)}" if role.aliases else ""),
            style="dim",
        ),
    ]
    for facet, title in FACET_TITLES.items():
        out.append(Text(""))
        out.append(Text(title, style="bold underline"))
        out.append(Padding(facet_cell(None, catalog, role, facet), (0, 0, 0, 2)))
    if role.related:
        out.append(Text(""))
        out.append(Text("Related roles", style="bold underline"))
        out.append(Padding(", ".join(role.related), (0, 0, 0, 2)))
    out.append(Text(""))
    out.append(Text("Sources", style="bold underline"))
    lines = [f"• {s.name} ({s.date})" + (f" {s.url}" if s.url else "") for s in role.sources]
    out.append(Padding("\n".join(lines), (0, 0, 0, 2)))
    out.append(Text(ONET_CREDIT, style="dim"))
    return out


def _occupation_view(catalog: Catalog, role: Role) -> list[RenderableType]:
    """`show CODE`: an O*NET occupation, facet by facet as a role, with its job zone; what
    O*NET does not hold says "No data"; the credit line at the end."""
    from rich.padding import Padding
    from rich.text import Text

    from careercli.onet.render import SECTIONS
    from careercli.onet.views import occupation_profile

    out: list[RenderableType] = [Text(f"{role.title} ({role.id})", style="bold"),
                                 Text(_occupation_head(role), style="dim")]  # fmt: skip
    profile = occupation_profile(catalog, role)
    onet_sections = {title: lines for title, lines in SECTIONS}
    sections: list[tuple[str, str | None]] = [
        ("Definition", "summary"), ("Interests (RIASEC)", "interests"), ("Job zone", ""),
        ("Education", "education"), ("Skills (O*NET ratings)", None), ("Knowledge (O*NET ratings)", None),
        ("Core tasks", None), ("Skills (from O*NET technology skills)", "skills"),
        ("Technology skills", "tools"),
        ("Related occupations", None), ("Work values", None), ("US wages (BLS)", None),
        ("Outlook (BLS projection)", None), ("Salary (USD, survey)", "salary"), ("Industries", "industries"),
        ("Tips", "tips"),
    ]  # fmt: skip
    for title, facet in sections:
        out.append(Text(""))
        out.append(Text(title, style="bold underline"))
        if facet is None:
            body: RenderableType = Text("\n".join(onet_sections[title](profile)))
        elif facet:
            body = facet_cell(None, catalog, role, facet)
        else:
            body = Text("\n".join(job_zone_lines(role)))
        out.append(Padding(body, (0, 0, 0, 2)))
    out.append(Text(""))
    out.append(Text("Sources", style="bold underline"))
    lines = [f"• {s.name}, imported {s.date}" + (f" {s.url}" if s.url else "") for s in role.sources]
    out.append(Padding("\n".join(lines), (0, 0, 0, 2)))
    out.append(Text(credit_for(role), style="dim"))
    return out
