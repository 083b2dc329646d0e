"""Rich views of salary results: a percentile table, a box chart per level, the role ranking.

Everything is laid out for the console's width: at 80 columns the full table (n, p10 to
p90, a note beside thin figures) and a box chart on a shared USD axis; below 64 columns
the table keeps n and the middle half and marks thin figures with '!'. No colour is needed
to read anything: styles only repeat what the characters say (NO_COLOR and pipes get the
same text), and a console that cannot encode box-drawing characters gets ASCII ones.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from careercli.catalog.role_data import THIN_N
from careercli.common.currency import money
from careercli.salary.report import OPTIONS, Alternative, Ranking, RoleReport, describe_filter
from careercli.salary.sources import Figures
from careercli.salary.stats import MIN_N_PERCENTILES

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

NARROW = 64  # below this many columns: fewer table columns, markers instead of words
LEVEL_SHORT = {"entry": "entry", "mid": "mid", "senior": "senior", "executive": "exec"}


class Glyphs(NamedTuple):
    left: str  # p10
    whisker: str
    box: str  # p25 to p75
    median: str
    right: str  # p90
    tick: str
    rule: str


UNICODE = Glyphs("├", "─", "▒", "┃", "┤", "┼", "─")
ASCII = Glyphs("|", "-", "=", "#", "|", "+", "-")


def glyphs_for(encoding: str) -> Glyphs:
    """Box-drawing characters when the console can encode them, else ASCII."""
    try:
        "".join(UNICODE).encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return ASCII
    return UNICODE


# ---------------------------------------------------------------------------------------
# The chart: one box per row on a shared axis.


class Axis(NamedTuple):
    low: float
    high: float
    step: float
    width: int  # columns

    def at(self, value: float) -> int:
        span = self.high - self.low
        col = round((value - self.low) / span * (self.width - 1)) if span > 0 else 0
        return min(max(col, 0), self.width - 1)


_STEPS = (5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000, 1_000_000)


def make_axis(low: float, high: float, width: int) -> Axis:
    """An axis from a round value at or below `low` to one at or above `high`, with ticks
    far enough apart for their labels ('$250K' plus a gap of two)."""
    for step in _STEPS:
        lo = math.floor(low / step) * step
        hi = max(math.ceil(high / step) * step, lo + step)
        ticks = round((hi - lo) / step)
        label = max(len(money(lo)), len(money(hi)))
        if (width - 1) / ticks >= label + 2:
            return Axis(lo, hi, step, width)
    step = _STEPS[-1]
    lo = math.floor(low / step) * step
    return Axis(lo, max(math.ceil(high / step) * step, lo + step), step, width)


def box_line(fig: Figures, axis: Axis, g: Glyphs, style: str = "cyan") -> Text:
    """p10-p90 whiskers, p25-p75 box, p50 mark, `axis.width` columns wide."""
    from rich.text import Text

    assert fig.pct is not None
    p10, p25, p50, p75, p90 = (axis.at(v) for v in fig.pct)
    cells = [" "] * axis.width
    styles = [""] * axis.width
    for x in range(p10, p90 + 1):
        cells[x] = g.whisker
    for x in range(p25, p75 + 1):
        cells[x], styles[x] = g.box, style
    if p25 > p10:
        cells[p10] = g.left
    if p90 > p75:
        cells[p90] = g.right
    cells[p50], styles[p50] = g.median, "bold"
    text = Text(no_wrap=True, overflow="crop")
    start = 0
    for x in range(1, p90 + 2):  # runs of one style, as one span each
        if x > p90 or styles[x] != styles[start]:
            text.append("".join(cells[start:x]), style=styles[start])
            start = x
    return text


def axis_lines(axis: Axis, indent: int, g: Glyphs) -> list[Text]:
    """The rule with a tick at each step, and the tick labels centred under the ticks."""
    from rich.text import Text

    rule = [g.rule] * axis.width
    labels = [" "] * (indent + axis.width)
    placed: list[tuple[int, str]] = []
    for i in range(round((axis.high - axis.low) / axis.step) + 1):
        value = axis.low + i * axis.step
        col = axis.at(value)
        rule[col] = g.tick
        label = money(value)
        start = min(max(indent + col - len(label) // 2, 0), len(labels) - len(label))
        placed.append((start, label))
    # the last label always shows (it ends the axis); the others when they do not collide
    end = placed[-1][0] - 1
    keep = [placed[-1]]
    last = -2
    for start, label in placed[:-1]:
        if start > last + 1 and start + len(label) < end:
            keep.append((start, label))
            last = start + len(label) - 1
    for start, label in keep:
        labels[start : start + len(label)] = label
    return [
        Text(" " * indent + "".join(rule), style="dim", no_wrap=True, overflow="crop"),
        Text("".join(labels).rstrip(), style="dim", no_wrap=True, overflow="crop"),
    ]


def legend(g: Glyphs, narrow: bool) -> Text:
    from rich.text import Text

    if narrow:
        return Text(f"{g.left}{g.whisker}{g.right} p10-p90  {g.box} p25-p75  {g.median} median", style="dim")
    return Text(
        f"{g.left}{g.whisker}{g.whisker}{g.right} p10 to p90   {g.box}{g.box} middle half, p25 to p75   "
        f"{g.median} median (p50)",
        style="dim",
    )


def lines(texts: list[Text]) -> RenderableType:
    """Lines that must not wrap (a chart): cropped at the width instead.

    Console.print joins bare Text objects into one, dropping their no_wrap; a Group keeps
    each Text whole."""
    from rich.console import Group

    for text in texts:
        text.no_wrap, text.overflow = True, "crop"
    return Group(*texts)


def chart(rows: list[tuple[str, Figures, str]], width: int, g: Glyphs) -> list[RenderableType]:
    """A box per (label, figures, label style) row on one axis; rows without percentiles
    say why instead of drawing."""
    from rich.text import Text

    drawn = [fig for _, fig, _ in rows if fig.pct is not None]
    if not drawn:
        return []
    label_width = max(len(label) for label, _, _ in rows) + 2
    room = 5 if any(f.thin for f in drawn) else 0  # for " thin" after a box
    axis = make_axis(
        min(f.pct[0] for f in drawn if f.pct),
        max(f.pct[4] for f in drawn if f.pct),
        width - label_width - room - 1,
    )
    out: list[Text] = []
    for label, fig, label_style in rows:
        line = Text(no_wrap=True, overflow="crop")
        line.append(label.ljust(label_width), style=label_style)
        if fig.pct is not None:
            line.append_text(box_line(fig, axis, g, "yellow" if fig.thin else "cyan"))
            if fig.thin:
                line.append(" thin", style="yellow")
        elif fig.n:
            line.append(f"n={fig.n}: too few rows to draw", style="dim")
        else:
            line.append("no rows", style="dim")
        out.append(line)
    out.extend(axis_lines(axis, label_width, g))
    out.append(legend(g, width < NARROW))
    return [lines(out)]


# ---------------------------------------------------------------------------------------
# One role.


def _marked(fig: Figures) -> bool:
    """Thin, and not already empty: 0 rows says itself."""
    return 0 < fig.n < THIN_N


def _note(fig: Figures) -> str:
    if fig.n == 0:
        return "no rows"
    if fig.pct is None:
        return f"too few (<{MIN_N_PERCENTILES})"
    return f"thin (n<{THIN_N})" if fig.thin else ""


def filters_text(report_filters: dict[str, str | int]) -> str:
    return ", ".join(f"{OPTIONS[d][2:]} {describe_filter(d, v)}" for d, v in report_filters.items())


def percentile_table(rows: list[tuple[str, Figures, str]], width: int) -> RenderableType:
    """n and p10..p90 per row (p25, p50, p75 when narrow), with thin figures marked."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    narrow = width < NARROW
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("Level", no_wrap=True)
    table.add_column("n", justify="right", no_wrap=True)
    names = ("p25", "p50", "p75") if narrow else ("p10", "p25", "p50", "p75", "p90")
    for name in names:
        table.add_column(name, justify="right", no_wrap=True)
    with_notes = not narrow and any(_note(fig) for _, fig, _ in rows)
    if with_notes:
        table.add_column("Note", no_wrap=True)
    for label, fig, style in rows:
        pct = fig.percentiles()
        values = [money(pct[name]) if pct else "-" for name in names]
        n_text = f"{fig.n:,}" + ("!" if narrow and _marked(fig) else "")
        cells: list[Text | str] = [Text(label, style=style), Text(n_text, style="yellow" if fig.thin else "")]
        cells.extend(values)
        if with_notes:
            cells.append(Text(_note(fig), style="yellow" if fig.thin else "dim"))
        table.add_row(*cells)
    return table


def _level_rows(report: RoleReport, narrow: bool) -> list[tuple[str, Figures, str]]:
    rows: list[tuple[str, Figures, str]] = []
    if report.filters.level is None:
        rows.append(("all" if narrow else "all levels", report.overall, "bold"))
    for level, fig in report.by_level.items():
        rows.append((LEVEL_SHORT[level] if narrow else level, fig, ""))
    return rows


def _alternative_line(alt: Alternative) -> str:
    if alt.median is None:
        figure = f"n={alt.n:,}, too few rows for a median" if alt.n < MIN_N_PERCENTILES else f"n={alt.n:,}"
    else:
        figure = f"median {money(alt.median)} (n={alt.n:,}{', thin' if alt.thin else ''})"
    return f"• {alt.label}: {figure}"


def source_line(source: dict[str, object]) -> str:
    years = source.get("years")
    span = ""
    if isinstance(years, list) and len(years) == 2:
        span = str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"
    rows = source.get("rows")
    count = f"{rows:,} row{'s' if rows != 1 else ''}" if isinstance(rows, int) else ""
    distinct = source.get("distinct_rows")
    if count and isinstance(distinct, int) and not str(source.get("duplicates") or "").startswith("kept"):
        count += f", {distinct:,} distinct"
    if source.get("kind") == "csv":
        detail = ", ".join(x for x in (count, span) if x)
        return f"Source: {source.get('file')} ({detail}); survey titles mapped to roles by careercli."
    detail = ", ".join(x for x in (str(source.get("licence") or ""), span, count) if x)
    return f"Source: {source.get('name')} ({detail}), via {source.get('file')}."


def role_view(report: RoleReport, width: int, encoding: str = "utf-8") -> list[RenderableType]:
    """`salary ROLE`: headline, the percentile table by level, the chart, notes, source."""
    from rich.text import Text

    g = glyphs_for(encoding)
    narrow = width < NARROW
    out: list[RenderableType] = [Text(f"{report.role_title} ({report.role_id})", style="bold")]
    sub = "Gross yearly salary, USD"
    active = report.filters.active()
    if active:
        sub += " · " + filters_text(active)
    out.append(Text(sub, style="dim"))
    fig = report.overall
    if fig.pct is not None:
        head = Text(f"Median {money(fig.p50)} (n={fig.n:,}", style="bold")
        if fig.thin:
            head.append(f", thin: fewer than {THIN_N} rows", style="bold yellow")
        head.append(")", style="bold")
        head.append(f" · middle half {money(fig.pct[1])} to {money(fig.pct[3])}")
        out.append(head)
    else:
        out.append(Text(report.status, style="bold yellow"))
    rows = _level_rows(report, narrow)
    if report.mapped and report.overall.n:
        out.append(Text(""))
        out.append(percentile_table(rows, width))
        if narrow and any(_marked(f) for _, f, _ in rows):
            out.append(Text(f"! thin: fewer than {THIN_N} rows; - too few for percentiles", style="dim"))
        drawn = chart(rows, width, g)
        if drawn:
            out.append(Text(""))
            out.extend(drawn)
    for note in report.notes:
        out.append(Text(""))
        out.append(Text(note))
    if report.alternatives:
        out.append(Text(""))
        out.append(Text("Where the data has rows instead (same filters unless said):", style="bold"))
        out.extend(Text(_alternative_line(a)) for a in report.alternatives)
    if report.titles and not report.proxy:
        shown = sorted(report.titles, key=lambda t: -t.n)[:3]
        more = len(report.titles) - len(shown)
        titles = ", ".join(f"{t.title} (n={t.n:,})" for t in shown)
        tail = f" and {more} more (--json lists them)" if more else ""
        out.append(Text(""))
        out.append(Text(f"Survey titles counted (rows in all the data): {titles}{tail}.", style="dim"))
    out.append(Text(""))
    out.append(Text(duplicates_line(report.source, fig.dropped), style="dim"))
    out.append(Text(source_line(report.source), style="dim"))
    return out


def duplicates_line(source: dict[str, object], dropped: int) -> str:
    """How exact repeats of a survey row were counted, and how many this figure left out."""
    if str(source.get("duplicates") or "").startswith("kept"):
        return "Every survey row counted, exact repeats of an earlier row too (--keep-duplicates)."
    left = f"{dropped:,} exact repeat{'s' if dropped != 1 else ''} of counted rows left out here; "
    return f"Each distinct survey row counted once: {left}--keep-duplicates counts every row."


# ---------------------------------------------------------------------------------------
# Every role.


def ranking_view(result: Ranking, width: int, encoding: str = "utf-8") -> list[RenderableType]:
    """`salary` with no role: roles by median, n beside it, a box each when there is room."""
    from rich.text import Text

    g = glyphs_for(encoding)
    out: list[RenderableType] = [Text("Roles by median gross yearly salary (USD)", style="bold")]
    active = result.filters.active()
    if active:
        out.append(Text("Filters: " + filters_text(active), style="dim"))
    out.append(Text(""))
    ids = [r.role_id + ("*" if r.proxy else "") for r in result.roles]
    ns = [f"{r.figures.n:,}" + ("!" if _marked(r.figures) else "") for r in result.roles]
    medians = [money(r.figures.p50) if r.figures.pct else "-" for r in result.roles]
    id_width = max(len(x) for x in [*ids, "Role"])
    n_width = max(len(x) for x in [*ns, "n"])
    median_width = max(len(x) for x in [*medians, "median"])
    fixed = id_width + 1 + n_width + 1 + median_width + 2
    drawn = [r.figures for r in result.roles if r.figures.pct is not None]
    axis = None
    if width - fixed >= 24 and drawn:
        axis = make_axis(
            min(f.pct[0] for f in drawn if f.pct), max(f.pct[4] for f in drawn if f.pct), width - fixed - 1
        )
    header = Text(
        "Role".ljust(id_width) + " " + "n".rjust(n_width) + " " + "median".rjust(median_width), style="bold"
    )
    if axis is not None:
        header.append("  p10 to p90, middle half, median")
    rows = [header]
    for role_id, n_text, median, r in zip(ids, ns, medians, result.roles, strict=True):
        fig = r.figures
        line = Text(role_id.ljust(id_width) + " ")
        line.append(n_text.rjust(n_width), style="yellow" if fig.thin else "")
        line.append(" " + median.rjust(median_width), style="bold")
        if axis is not None and fig.pct is not None:
            line.append("  ")
            line.append_text(box_line(fig, axis, g, "yellow" if fig.thin else "cyan"))
        rows.append(line)
    if axis is not None:
        rows.extend(axis_lines(axis, fixed, g))
    out.append(lines(rows))
    out.append(Text(""))
    marks = []
    if any(_marked(r.figures) for r in result.roles):
        marks.append(f"! thin: fewer than {THIN_N} rows")
    if any(r.proxy for r in result.roles):
        marks.append("* proxy: no exact survey title, the closest titles stand in")
    if any(r.figures.pct is None for r in result.roles):
        marks.append(f"- no median: fewer than {MIN_N_PERCENTILES} rows")
    if marks:
        out.append(Text("   ".join(marks), style="dim"))
    out.append(Text(source_line(result.source), style="dim"))
    return out
