"""`resume FILE`: what a CV says (skills, degree, years, title), read on this machine.

pypdf and python-docx are imported only when a PDF or DOCX is read (careercli.resume.read).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careercli.cli.common import JsonOpt, handles_errors, state

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog
    from careercli.resume.findings import Findings

ResumeArg = Annotated[
    Path,
    typer.Argument(
        readable=False,
        metavar="FILE",
        show_default=False,
        help="A résumé: PDF, DOCX, ODT, plain text, Markdown or HTML.",
    ),
]


def read_findings(catalog: Catalog, path: Path) -> Findings:
    """The résumé at `path` analysed; a DataError (one line, exit 1) for a file that cannot be read."""
    from careercli.resume.findings import analyse
    from careercli.resume.read import read_resume

    return analyse(read_resume(path), catalog)


@handles_errors
def resume(
    ctx: typer.Context,
    file: ResumeArg,
    save_answers: Annotated[
        Path | None,
        typer.Option(
            "--save-answers",
            readable=False,
            metavar="OUT",
            show_default=False,
            help="Write an answers file (schema 1) whose comments say the line each value came from.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Read a résumé: skills with the line each was found on, degree, years, latest title.

    Proficiencies the résumé states ("expert in", "5 years of", "familiar with") are taken
    as said; the rest are estimates marked "confirm". The file is read on this machine: it
    never leaves it and is never stored; a saved profile keeps the answers, not the text.

    Examples:

    \b
      careercli resume cv.pdf
      careercli resume cv.docx --json
      careercli resume cv.md --save-answers me.yaml && careercli quiz --answers me.yaml
      careercli quiz --resume cv.pdf
    """
    from careercli.resume.findings import answers_with_sources, findings_dict

    found = read_findings(state(ctx).catalog(), file)
    if found_nothing(found):
        from careercli.common.errors import DataError

        raise DataError(
            f"{file}: found no skill, degree or job dates; is it a résumé? "
            "Take `careercli quiz`, or write an answers file (docs/answers.md)"
        )
    if save_answers is not None:
        from careercli.common.atomic_write import write_text_atomic

        # private (0600): its comments quote lines of the CV
        write_text_atomic(save_answers, answers_with_sources(found), private=True)
    if as_json:
        from careercli.cli.console import emit_json

        data = findings_dict(found)
        if save_answers is not None:
            data["answers_file"] = str(save_answers)
        emit_json(data)
        return
    from careercli.cli.console import console
    from careercli.resume.render import resume_view

    out = console()
    for part in resume_view(found, out.width):
        out.print(part)
    if save_answers is not None:
        out.print(f"Answers written to {save_answers}; check the lines marked confirm.", style="dim")


def found_nothing(found: Findings) -> bool:
    return not found.skills and found.degree is None and not found.jobs
