"""The text view of `careercli resume`: each value beside the line of the résumé it came from.

The résumé is a stranger's text: every piece of it goes into a rich Text (never markup)
through common.untrusted.printable, whatever was cleaned where it was read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careercli.common.untrusted import printable
from careercli.resume.findings import Findings, level_label

if TYPE_CHECKING:
    from rich.console import RenderableType


def _safe(text: str) -> str:
    return printable(text.replace("\n", " ").replace("\t", " "))


def resume_view(f: Findings, width: int) -> list[RenderableType]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    pages = f", {f.pages} page{'s' if f.pages != 1 else ''}" if f.pages else ""
    parts: list[RenderableType] = [
        Text(
            f"Read {_safe(f.file)} ({f.kind}{pages}) on this machine; nothing was sent or stored.",
            style="bold",
        )
    ]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False, width=min(width, 160))
    table.add_column("Found", no_wrap=True)
    table.add_column("Value", overflow="fold", max_width=30)
    table.add_column("Line", justify="right", no_wrap=True)
    table.add_column("From the résumé", overflow="fold", ratio=1)

    def row(what: str, value: str, line: int | None, source: str, style: str = "") -> None:
        table.add_row(what, Text(_safe(value), style=style), str(line) if line else "", Text(_safe(source)))

    if f.degree:
        row("Degree", f.degree.degree + (" (MBA)" if f.degree.mba else ""), f.degree.line, f.degree_line)
        row("Field", f.degree.field or "-", f.degree.line if f.degree.field else None, "")
    else:
        row("Degree", "not found", None, "", "dim")
    if f.experience_years is not None:
        row("Experience", f"{f.experience_years:g} years", None, "job dates, overlaps counted once:")
        for job in f.jobs:
            row("", f"{(job.end - job.start) / 12:.1f} y", job.line, job.text)
    else:
        row("Experience", "not found", None, "no job dates", "dim")
    if f.title:
        row("Title", f.title.value, f.title.line, f.title.evidence)
    if f.level:
        row("Level", f.level.value, f.level.line, f"{level_label(f.level.value)}, from {f.level.evidence}")
    for k, s in enumerate(f.skills):
        rating = f"{s.proficiency}/5" + (" confirm" if s.confirm else "")
        table.add_row(
            "Skills" if k == 0 else "",
            Text(f"{_safe(s.name)} {rating}", style="yellow" if s.confirm else ""),
            str(s.line),
            Text(_safe(s.evidence)),
        )
    parts.append(table)
    for warning in f.warnings:
        parts.append(Text(f"warning: {_safe(warning)}", style="yellow"))
    parts.append(
        Text(
            "Next: careercli resume FILE --save-answers me.yaml, or careercli quiz --resume FILE "
            "to confirm each value.",
            style="dim",
        )
    )
    return parts
