"""`next ROLE`: where a role or O*NET occupation leads, ranked by your fit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careercli.cli.common import CatalogOpt, JsonOpt, handles_errors, parse_catalog, state
from careercli.common.envelope import envelope


@handles_errors
def next_role(
    ctx: typer.Context,
    role: Annotated[str, typer.Argument(help="A role id, alias or title, or an O*NET-SOC code.")],
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            show_default=False,
            help="An answers file (YAML or JSON, schema version 1) instead of the saved profile.",
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, metavar="N", help="How many moves the text shows.")
    ] = 10,
    catalog_name: CatalogOpt = "default",
    as_json: JsonOpt = False,
) -> None:
    """Where a role or occupation leads: its related ones ranked by your fit, each with its
    gaps, pay and outlook beside the one you start from.

    An O*NET occupation's moves are O*NET's related occupations (with their tier); a
    curated role's are its related roles. Uses the profile saved by `careercli quiz`, or an
    answers file.

    Examples:

    \b
      careercli next data-analyst
      careercli next 15-2051.00 --answers me.yaml
      careercli next "Registered Nurses" --json
    """
    from careercli.catalog.lookup import resolve_role
    from careercli.cli.quiz_cmds import _profile
    from careercli.fit.next_moves import next_moves
    from careercli.fit.score import score_roles

    catalog = state(ctx).catalog_for([role], parse_catalog(catalog_name))
    found = resolve_role(catalog, role)
    profile = _profile(catalog, answers)
    moves = next_moves(catalog, found, profile, score_roles(profile, catalog))
    credit = found.onet.credit if found.onet is not None else None
    if as_json:
        from careercli.cli.console import emit_json

        emit_json(envelope(**moves, **({"credit": credit} if credit else {})))
        return
    from careercli.cli.console import console
    from careercli.fit.render import next_view

    out = console()
    for part in next_view(moves, out.width, top):
        out.print(part)
    if credit:
        out.print(credit, style="dim")
