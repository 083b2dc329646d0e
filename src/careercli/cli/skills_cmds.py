"""`skills`: what the user's own postings ask for (`skills demand`)."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli.common import JsonOpt, handles_errors, level_option, role_option, state

skills_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Skills across your job postings.")


@skills_app.command("demand")
@handles_errors
def demand(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        role_option("Only postings mapped to this role (id, alias or title)."),
    ] = None,
    level: Annotated[
        str | None,
        level_option("Only postings at this level: entry, mid, senior, executive."),
    ] = None,
    location: Annotated[
        str | None,
        typer.Option(
            "--location", help="Location text, matched at the start of a word; 'remote' for remote jobs."
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many skills.")] = 20,
    as_json: JsonOpt = False,
) -> None:
    """The share of your stored and the bundled postings that name each skill, best first, with n.

    Skills are what each posting asks for, read at `jobs import` and `jobs fetch`
    (`jobs reindex` reads them again). --role keeps the postings whose title maps to it.

    Examples:

    \b
      careercli skills demand
      careercli skills demand --role data-scientist --json
      careercli skills demand --level senior --location "San Francisco"
    """
    from careercli.catalog.lookup import resolve_role
    from careercli.common import vocab
    from careercli.jobs.demand import demand_dict, skill_demand

    app_state = state(ctx)
    catalog = app_state.catalog()
    role_id = resolve_role(catalog, role).id if role is not None else None
    level_id = vocab.parse_level(level) if level is not None else None
    found = skill_demand(catalog, role_id, level_id, location, app_state.data_dir)
    if as_json:
        from careercli.cli.console import emit_json

        emit_json(demand_dict(found))
        return
    from careercli.cli.console import console
    from careercli.jobs.render import demand_view

    out = console()
    names = {s.id: s.name for s in catalog.skills.values()}
    for part in demand_view(found, names, out.width, limit):
        out.print(part)
