"""`salary [ROLE]`: pay from the aijobs.net survey, by level, country, remote, year."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careercli.cli.common import JsonOpt, complete_role, handles_errors, level_option, state

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog, Role
    from careercli.salary.sources import Filters, SalaryData


@handles_errors
def salary(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Argument(
            help="A role id, alias or title; without one, every role ranked by median pay.",
            autocompletion=complete_role,
        ),
    ] = None,
    level: Annotated[
        str | None,
        level_option("entry, mid, senior, executive (or EN/MI/SE/EX, junior...)."),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", "-c", help="Where the employee lives: an ISO code (US, de) or a name."),
    ] = None,
    remote: Annotated[
        str | None,
        typer.Option("--remote", help="0, 50 or 100 percent remote (or onsite, hybrid, remote)."),
    ] = None,
    year: Annotated[str | None, typer.Option("--year", "-y", help="A survey year, e.g. 2024.")] = None,
    employment_type: Annotated[
        str | None,
        typer.Option(
            "--employment-type", help="FT, PT, CT or FL (or full-time, part-time, contract, freelance)."
        ),
    ] = None,
    company_size: Annotated[
        str | None,
        typer.Option("--company-size", help="S, M or L (or small, medium, large)."),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            readable=False,
            help="Compute from this CSV in the survey's columns instead of the bundled figures.",
            show_default=False,
        ),
    ] = None,
    keep_duplicates: Annotated[
        bool,
        typer.Option(
            "--keep-duplicates",
            help="Count every survey row, exact repeats of an earlier row too (by default "
            "each distinct row counts once; --json says how many were left out).",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Show what a role pays: percentiles with n, by level, and a box chart per level.

    Figures are gross yearly salaries in USD from the aijobs.net salary survey (CC0).
    A row that repeats an earlier row exactly is counted once (--keep-duplicates counts
    every row). Where a figure rests on fewer than 30 rows it is marked thin; where there
    are no rows, the command says which levels, filters, related roles or survey titles
    have data instead.

    Examples:

    \b
      careercli salary ml-engineer
      careercli salary ml-engineer --level senior --country US --remote 100
      careercli salary head-ds
      careercli salary --level entry
      careercli salary data-scientist --data salaries.csv --year 2024 --json
    """
    from careercli.catalog.lookup import resolve_role
    from careercli.salary import report as core

    app_state = state(ctx)
    catalog = app_state.catalog()
    found = resolve_role(catalog, role) if role is not None else None
    source = _salary_source(ctx, data, keep_duplicates)
    filters = core.parse_filters(
        source,
        level=level,
        country=country,
        year=year,
        remote=remote,
        employment_type=employment_type,
        company_size=company_size,
    )
    _print_salary(catalog, found, filters, source, as_json)


def _salary_source(ctx: typer.Context, data: Path | None, keep_duplicates: bool) -> SalaryData:
    """The survey CSV given with --data, or the bundled cells (a data pack's, if it has them)."""
    from careercli.salary.sources import load_bundled, load_csv

    if data is not None:
        return load_csv(data, keep_duplicates)
    from careercli.common.paths import user_pack_dir

    app_state = state(ctx)
    pack = user_pack_dir(str(app_state.data_dir) if app_state.data_dir else None)
    return load_bundled(app_state.catalog(), pack, keep_duplicates)


def _print_salary(
    catalog: Catalog, found: Role | None, filters: Filters, source: SalaryData, as_json: bool
) -> None:
    """One role's report, or every role ranked when no role is given: as JSON or views."""
    from careercli.cli.console import console, emit_json
    from careercli.salary import render as render_salary
    from careercli.salary import report as core

    out = console()
    if found is None:
        ranked = core.ranking(catalog, filters, source)
        if as_json:
            emit_json(core.ranking_dict(ranked))
            return
        parts = render_salary.ranking_view(ranked, out.width, out.encoding)
    else:
        report = core.role_report(catalog, found, filters, source)
        if as_json:
            emit_json(core.report_dict(report))
            return
        parts = render_salary.role_view(report, out.width, out.encoding)
    for part in parts:
        out.print(part)
