"""Views of a job search: a Rich table with its footnotes, and CSV."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING

from careercli.common import vocab
from careercli.common.untrusted import csv_cell
from careercli.jobs.model import Salary
from careercli.jobs.query import ConvertedSalary, JobMatch, JobSearch

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from careercli.jobs.asks import Asks, Evidence
    from careercli.jobs.demand import Demand
    from careercli.jobs.job_fit import JobFit
    from careercli.jobs.model import Job

TYPE_SHORT = {
    "full-time": "FT",
    "part-time": "PT",
    "contract": "contract",
    "internship": "intern",
    "freelance": "freelance",
}
_PER = {"year": "", "month": "/mo", "hour": "/h"}
TYPE_SHORT_NOTE = ("full-time", "part-time")
CONVERTED_MARK = "≈"
GUESSED_MARK = "*"  # a level the listing does not state: guessed from the title, or the default
CSV_COLUMNS: tuple[str, ...] = (
    *("id", "title", "company", "location", "remote", "employment_type", "level"),
    *("salary_min", "salary_max", "salary_currency", "salary_period"),
    *("compared_min", "compared_max", "compared_currency", "rate", "rate_date"),
    *("role", "fit", "posted", "url", "source", "level_source"),
)


def _amount(x: float) -> str:
    return f"{x / 1000:,.0f}K" if abs(x) >= 1000 else f"{x:,.2f}".removesuffix(".00")


def money_range(low: float | None, high: float | None, currency: str, period: str = "year") -> str:
    """'$100K-180K', '€70K-90K', 'INR 1,200K+', 'up to $90K', '$45/h'."""
    from careercli.common.currency import currency_symbol

    sym = currency_symbol(currency)
    prefix = sym if sym else f"{currency} "
    per = _PER.get(period, "")
    if low is not None and high is not None and low != high:
        return f"{prefix}{_amount(low)}-{_amount(high)}{per}"
    if low is not None and high is None:
        return f"{prefix}{_amount(low)}+{per}"
    if low is None and high is not None:
        return f"up to {prefix}{_amount(high)}{per}"
    return f"{prefix}{_amount(low or 0)}{per}"


def salary_text(sal: Salary | None, compared: ConvertedSalary | None) -> str:
    """The listing's figure, and under it the converted one when a conversion happened."""
    if sal is None:
        return "-"
    text = money_range(sal.min, sal.max, sal.currency, sal.period)
    if compared is not None and compared.changed:
        text += f"\n{CONVERTED_MARK}{money_range(compared.min, compared.max, compared.currency)}"
    return text


def _fit(m: JobMatch) -> str:
    return "-" if m.fit is None else f"{m.fit:.0f}"


def jobs_table(
    search: JobSearch, width: int = 80, fixed: dict[str, int] | None = None, part: int = 0
) -> Table:
    """Title, company, location, level, type, salary, fit as columns from 100 columns up;
    below, the company goes under the title, then the type goes, then location and level
    join the title cell, so the table stays readable down to 40 columns. `fixed` gives the
    widths of the narrow columns (and whether there is a Fit column) for a table printed in
    parts; parts after the first have no header."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    wide, typed, narrow = width >= 100, width >= 72, width < 50
    has_fit = search.has_fit if fixed is None else "Fit" in fixed
    at = fixed or {}
    table = Table(
        box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, show_header=part == 0, expand=fixed is not None
    )
    table.add_column("Job" if narrow else "Title", ratio=3)
    if wide:
        table.add_column("Company", ratio=2)
    if not narrow:
        table.add_column("Location", ratio=2)
        table.add_column("Level" if typed else "Lvl", no_wrap=True, min_width=at.get("Level"))
    if typed:
        table.add_column("Type", no_wrap=True, min_width=at.get("Type"))
    table.add_column("Salary", no_wrap=True, min_width=at.get("Salary"))
    if has_fit:
        table.add_column("Fit", justify="right", no_wrap=True, min_width=at.get("Fit"))
    for m in search.matches:
        job = m.job
        title = Text(job.title, style="bold")
        if not wide:
            title.append(f"\n{job.company}", style="dim")
        if narrow:
            level = vocab.LEVEL_CODES.get(job.level or "", "")
            extra = " · ".join(x for x in (job.location, level) if x)
            title.append(f" · {extra}" if extra else "", style="dim")
        cells: list[RenderableType] = [title]
        if wide:
            cells.append(job.company)
        if not narrow:
            level = job.level or "-"
            level = level if typed else vocab.LEVEL_CODES.get(level, level)
            cells += [job.location or "-", level + (GUESSED_MARK if job.level_source != "stated" else "")]
        if typed:
            cells.append("/".join(TYPE_SHORT.get(t, t) for t in job.employment_type) or "-")
        cells.append(salary_text(job.salary, m.salary))
        if has_fit:
            cells.append(_fit(m))
        table.add_row(*cells)
    return table


class Seen:
    """What the footnotes say of the matches shown, gathered in one pass as they are printed
    (`see`), so that a streamed listing is never read twice for its notes."""

    def __init__(self) -> None:
        self.count = 0
        self.short_types = self.guessed = self.fit = self.why = self.annualised = False
        self.sources: set[str] = set()

    def see(self, m: JobMatch) -> JobMatch:
        job = m.job
        self.count += 1
        self.short_types = self.short_types or any(t in TYPE_SHORT_NOTE for t in job.employment_type)
        self.guessed = self.guessed or job.level_source != "stated"
        self.fit = self.fit or m.fit is not None
        self.why = self.why or m.why is not None
        self.annualised = self.annualised or (m.salary is not None and m.salary.annualised)
        self.sources.add(job.source)
        return m


def seen_in(matches: Iterable[JobMatch]) -> Seen:
    seen = Seen()
    for m in matches:
        seen.see(m)
    return seen


def footnotes(search: JobSearch, fit_to: str = "", width: int = 80, seen: Seen | None = None) -> list[str]:
    """What the reader needs to trust the table: count, order, conversions, sources."""
    seen = seen or seen_in(search.matches)
    n, q = seen.count, search.query
    shown = f"{n} job{'s' if n != 1 else ''}" + (f" of {search.total}" if search.total > n else "")
    order = {
        "fit": "best fit first",
        "salary": f"highest pay first ({q.currency}, top of range)",
        "posted": "newest first",
        "title": "by title",
    }[search.ranked_by]
    lines = [f"{shown}, {order}."]
    if search.total > n:
        lines.append(f"{search.total - n:,} more: --limit {search.total} or --all shows them.")
    if width >= 72 and seen.short_types:
        lines.append("Type: FT full-time, PT part-time.")
    if width < 72:
        lines.append("Level: EN entry, MI mid, SE senior, EX executive.")
    if width >= 50 and seen.guessed:
        lines.append(
            f"Level{GUESSED_MARK}: not stated by the listing; guessed from the title, or mid by default "
            "(--level does not match a default)."
        )
    if seen.fit and seen.why:
        lines.append(
            f"Fit: 0-100, how well each posting fits {fit_to or 'you'}: the skills it asks, its level, "
            "degree and years; `careercli jobs show ID` explains every point (ids: `jobs --json`)."
        )
    elif seen.fit:
        lines.append(
            f"Fit: 0-100, how well each job's role fits {fit_to or 'you'}; `careercli quiz` explains it."
        )
    lines += _pay_notes(search, seen)
    sources = sorted(seen.sources)
    if sources:
        more = f" and {len(sources) - 2} more" if len(sources) > 2 else ""
        lines.append("Source: " + "; ".join(sources[:2]) + more + ".")
    return lines


def _pay_notes(search: JobSearch, seen: Seen) -> list[str]:
    """The salary floor, what it left out, and every conversion behind the pay column."""
    q, r, lines = search.query, search.rates, []
    if q.min_salary is not None:
        floor = money_range(q.min_salary, q.min_salary, q.currency)
        lines.append(f"Salary floor {floor} a year: kept where the top of the range is at least that.")
    if search.no_salary_dropped:
        k = search.no_salary_dropped
        lines.append(f"{k} job{'s' if k != 1 else ''} without a comparable salary left out by the floor.")
    for m in search.below_floor[:3]:
        sal, conv = m.job.salary, m.salary
        if sal is None or conv is None:
            continue
        rate = f" at the {r.short_source} of {r.date}" if conv.rate else ""
        lines.append(
            f"Below the floor: {m.job.title}, {money_range(sal.min, sal.max, sal.currency, sal.period)}"
            f" {CONVERTED_MARK} {money_range(conv.min, conv.max, conv.currency)}{rate}."
        )
    for code in search.converted:
        lines.append(
            f"{CONVERTED_MARK} {code} converted to {q.currency} at the {r.short_source} of {r.date} "
            f"(1 {code} = {r.factor(code, q.currency):.4g} {q.currency}); for comparison only."
        )
    if seen.annualised:
        lines.append(f"{CONVERTED_MARK} hourly and monthly pay annualised (2080 hours, 12 months).")
    return lines


TABLE_PART = 500  # rows per printed part of a long table (`jobs --all` over a big store)


def _parts(search: JobSearch, width: int, seen: Seen) -> Iterator[RenderableType]:
    """A long table as tables of TABLE_PART rows printed one after another, with the narrow
    columns as wide as the widest cell of all (one pass first, over a streamed listing's
    distinct cells in SQL), so that the parts line up and the first rows are on screen at
    once, not after Rich has laid out 100,000; the rows printed are noted in `seen`."""
    from rich.cells import cell_len

    fixed = {"Level": 5, "Type": 4, "Salary": 6}
    # a big store's matches are read in full as iterated; their light form has these cells
    light: Iterable[JobMatch] = getattr(search.matches, "light", search.matches)
    for m in light:
        job = m.job
        level = (job.level or "-") + GUESSED_MARK  # the mark may come with the full row
        types = "/".join(TYPE_SHORT.get(t, t) for t in job.employment_type) or "-"
        pay = max(map(cell_len, salary_text(job.salary, m.salary).split("\n")))
        fixed.update(Level=max(fixed["Level"], len(level)), Type=max(fixed["Type"], len(types)))
        fixed["Salary"] = max(fixed["Salary"], pay)
        if m.fit is not None:
            fixed["Fit"] = 3
    chunk: list[JobMatch] = []
    for i, m in enumerate(search.matches):
        chunk.append(seen.see(m))
        if len(chunk) == TABLE_PART:
            yield jobs_table(search._replace(matches=chunk), width, fixed, i // TABLE_PART)
            chunk = []
    if chunk:
        yield jobs_table(search._replace(matches=chunk), width, fixed, len(search.matches) // TABLE_PART)


def _notes(search: JobSearch, fit_to: str, width: int, seen: Seen) -> Iterator[RenderableType]:
    """The footnotes, once the parts are printed (a generator: `seen` is complete by then)."""
    from rich.text import Text

    for line in footnotes(search, fit_to, width, seen):
        yield Text(line, style="dim")


def jobs_view(
    search: JobSearch, width: int, fit_to: str = "", empty_hint: str = ""
) -> Iterable[RenderableType]:
    from rich.text import Text

    if not search.matches:
        lines = ["No jobs match those filters."]
        lines += [n for n in footnotes(search, fit_to, width) if n.startswith("Below the floor")]
        if search.no_salary_dropped:
            k = search.no_salary_dropped
            lines.append(f"{k} job{'s' if k != 1 else ''} without a comparable salary left out by the floor.")
        if empty_hint:
            lines.append(empty_hint)
        return [Text(line) for line in lines]
    if len(search.matches) > TABLE_PART:
        seen = Seen()
        return itertools.chain(_parts(search, width, seen), _notes(search, fit_to, width, seen))
    search = search._replace(matches=list(search.matches))  # a short streamed listing: read once
    notes = footnotes(search, fit_to, width)
    return [jobs_table(search, width), *(Text(line, style="dim") for line in notes)]


def write_csv(search: JobSearch, out: IO[str]) -> None:
    """One row per match; employment types joined with ';'; compared_* in the query's currency.
    Every cell passes untrusted.csv_cell: no control character, no formula."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in search.matches:
        writer.writerow([csv_cell(str(cell)) for cell in _csv_row(m)])


def write_json(search: JobSearch, out: IO[str], ascii_only: bool = False) -> None:
    """`jobs --json` written a job at a time (the same bytes as json.dumps(search_dict(...),
    indent=2)), so that a big listing starts at once and is never one string in memory.
    C1 and bidi characters are escaped (untrusted.escape_json), as emit_json does."""
    import json

    from careercli.common.untrusted import escape_json
    from careercli.jobs.query import match_dict, search_dict

    head = search_dict(search._replace(matches=[]))
    head["count"] = len(search.matches)
    text = json.dumps(head, indent=2, ensure_ascii=ascii_only)
    cut = text.rindex("[]")
    out.write(escape_json(text[:cut]) + "[")
    first = True
    for m in search.matches:
        item = json.dumps(match_dict(m), indent=2, ensure_ascii=ascii_only).replace("\n", "\n    ")
        out.write(("\n    " if first else ",\n    ") + escape_json(item))
        first = False
    out.write(("]" if first else "\n  ]") + escape_json(text[cut + 2 :]) + "\n")


def _csv_row(m: JobMatch) -> list[str]:
    job, sal, cmp = m.job, m.job.salary, m.salary
    conv = cmp if cmp is not None and cmp.changed else None
    return [
        job.id,
        job.title,
        job.company,
        job.location,
        "" if job.remote is None else str(job.remote).lower(),  # empty: the posting does not say
        ";".join(job.employment_type),
        job.level or "",
        _num(sal.min if sal else None),
        _num(sal.max if sal else None),
        sal.currency if sal else "",
        sal.period if sal else "",
        _num(cmp.min if cmp else None),
        _num(cmp.max if cmp else None),
        cmp.currency if cmp else "",
        "" if conv is None or conv.rate is None else f"{conv.rate:.6g}",
        (conv.rate_date or "") if conv else "",
        job.role or "",
        "" if m.fit is None else f"{m.fit:.1f}",
        job.posted or "",
        job.url or "",
        job.source,
    ]


def remote_text(remote: bool | None) -> str:
    """How `jobs show` says a job's remote: the posting's word, or that it does not say."""
    return {True: "remote", False: "not remote", None: "remote: not stated"}[remote]


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:.2f}".removesuffix(".00")


def job_detail(
    job: Job, fit: JobFit | None, skill_names: dict[str, str], fit_to: str = ""
) -> list[RenderableType]:
    """`jobs show ID`: the job, what its posting asks (with the text that says so), and with
    a profile every point of its fit: the skills you have (your level), those you lack."""
    from rich.table import Table
    from rich.text import Text

    def name(skill: str) -> str:
        return skill_names.get(skill, skill)

    out: list[RenderableType] = [Text(job.title, style="bold")]
    facts = [job.company, job.location, job.level or "level not given", remote_text(job.remote)]
    out.append(Text(" · ".join(x for x in facts if x)))
    out.append(Text(f"Source: {job.source}" + (f" · {job.url}" if job.url else ""), style="dim"))
    asks = job.asks
    if asks is None:
        out.append(Text("Not read for skills yet: run `careercli jobs reindex`.", style="dim"))
    else:
        out.append(Text(f"Asks for {len(asks.skills)} catalog skill{'s' if len(asks.skills) != 1 else ''}:"))
        for e in asks.evidence or tuple(_bare(asks)):
            mark = f" ({e.requirement})" if e.requirement else ""
            said = f' "{e.text}" in the {e.field}' if e.text else ""
            out.append(Text(f"  {name(e.skill)}{mark}:{said}"))
        if asks.years:
            out.append(
                Text(f"Years asked: {asks.years}+" + (f' ("{asks.years_text}")' if asks.years_text else ""))
            )
        if asks.degree:
            out.append(
                Text(
                    f"Degree asked: {asks.degree}" + (f' ("{asks.degree_text}")' if asks.degree_text else "")
                )
            )
    if fit is None:
        out.append(Text("No profile: `careercli quiz` or --answers FILE scores the fit.", style="dim"))
        return out
    out.append(Text(f"Fit to {fit_to or 'you'}: {fit.score:.1f} of 100", style="bold"))
    # a grid, so that a long reason wraps under itself, not under the part's name
    points = Table.grid(padding=(0, 1), pad_edge=False)
    points.add_column(no_wrap=True)
    points.add_column(no_wrap=True, justify="right")
    points.add_column(overflow="fold")
    for p in fit.points:
        points.add_row(f"  {p.part}", f"{p.points:.1f} / {p.most:g}", Text(p.why))
    out.append(points)
    if fit.have:
        have = ", ".join(f"{name(s)} ({lv}/5{', ' + r if r else ''})" for s, lv, r in fit.have)
        out.append(Text(f"You have: {have}"))
    if fit.lack:
        lack = ", ".join(f"{name(s)}{' (' + r + ')' if r else ''}" for s, r in fit.lack)
        out.append(Text(f"You lack: {lack}"))
    return out


def _bare(asks: Asks) -> list[Evidence]:
    from careercli.jobs.asks import Evidence

    return [Evidence(s, "", r, "") for s, r in asks.skills]


def demand_view(d: Demand, names: dict[str, str], width: int, limit: int = 20) -> list[RenderableType]:
    """`skills demand`: one bar per skill, its share and count, with n and where it is from."""
    from rich.text import Text

    from careercli.jobs.demand import when

    narrowed = ", ".join(x for x in (d.role, d.level, d.location and f"in {d.location}") if x)
    head = f"Skills named in {d.postings:,} posting{'s' if d.postings != 1 else ''}" + (
        f" ({narrowed})" if narrowed else ""
    )
    out: list[RenderableType] = [Text(head, style="bold")]
    if not d.postings:
        out.append(Text("No postings match: `careercli jobs import FILE` or `jobs fetch` add yours."))
        return out
    shown = d.skills[:limit]
    label = max((len(names.get(s.skill, s.skill)) for s in shown), default=0)
    bar_room = max(10, min(50, width - label - 18))
    from careercli.fit.render import bar as blocks

    for s in shown:
        # in eighths of a cell, as the quiz's bars: at 40 columns 10 cells tell 85% from 78%
        drawn = blocks(s.share, bar_room).rstrip("·") or "▏"
        line = Text(f"{names.get(s.skill, s.skill):<{label}}  ")
        line.append(drawn, style="cyan")
        line.append(f" {s.share:4.0%}  {s.n:,}")
        out.append(line)
    if len(d.skills) > limit:
        out.append(
            Text(f"{len(d.skills) - limit} more skill(s); --limit shows more, --json all.", style="dim")
        )
    thin = " Few postings: read the shares as rough." if d.postings < 30 else ""
    out.append(
        Text(
            f"Share of postings naming the skill, n = {d.postings:,} ({d.stored:,} stored, {when(d)}).{thin}",
            style="dim",
        )
    )
    if d.sources:
        more = f" and {len(d.sources) - 3} more" if len(d.sources) > 3 else ""
        out.append(Text("Source: " + "; ".join(d.sources[:3]) + more + ".", style="dim"))
    return out


def demand_lines(demand: dict[str, object], role: str, names: dict[str, str]) -> list[RenderableType]:
    """What `plan ROLE` says of demand in the user's stored postings of the role."""
    from rich.text import Text

    n = demand["postings"]
    if not demand["enough"]:
        return [
            Text(
                f"Demand: {n} stored posting{'s' if n != 1 else ''} map to {role}; at least "
                f"{demand['minimum']} are needed to cite how often they ask each skill "
                "(`careercli jobs import FILE` adds yours).",
                style="dim",
            )
        ]
    out: list[RenderableType] = [Text(f"Demand in the {n:,} {role} postings you stored ({demand['when']}):")]
    for item in demand["skills"]:  # type: ignore[attr-defined]
        skill = names.get(item["skill"], item["skill"])
        out.append(Text(f"  {skill}: in {item['share']:.0%} of {n:,} {role} postings you imported"))
    return out
