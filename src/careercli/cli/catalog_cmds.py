"""`roles`, `show` and `compare`: the catalog as tables, JSON and Markdown."""

from __future__ import annotations

from typing import Annotated

import typer

from careercli.cli.common import (
    CatalogOpt,
    JsonOpt,
    MarkdownOpt,
    handles_errors,
    one_format,
    parse_catalog,
    state,
)
from careercli.common.envelope import envelope


@handles_errors
def roles(
    ctx: typer.Context,
    level: Annotated[
        list[str] | None,
        typer.Option(
            "--level", "-l", help="Only these levels: entry, mid, senior, executive (or EN/MI/SE/EX)."
        ),
    ] = None,
    family: Annotated[
        list[str] | None,
        typer.Option(
            "--family",
            "-f",
            help="Only these families, e.g. leadership, ml-engineering (O*NET occupations: "
            "their SOC major group, e.g. computer-and-mathematical).",
        ),
    ] = None,
    catalog_name: CatalogOpt = "default",
    as_json: JsonOpt = False,
) -> None:
    """List the role catalog: id, title, level, family and median pay.

    Examples:

    \b
      careercli roles
      careercli roles --level senior --family ml-engineering
      careercli roles --catalog onet --family computer-and-mathematical
      careercli roles --json
    """
    from careercli.catalog.role_data import family_order, onet_credits, onet_dict, salary_dict
    from careercli.cli.console import console, emit_json
    from careercli.common import vocab
    from careercli.common.errors import UsageProblem, did_you_mean
    from careercli.common.vocab import FAMILIES

    which = parse_catalog(catalog_name)
    catalog = state(ctx).catalog(which)
    levels = {vocab.parse_level(x) for x in level or []}
    known = list(dict.fromkeys([*FAMILIES, *sorted({r.family for r in catalog.roles.values()},
                                                   key=family_order)]))  # fmt: skip
    families: set[str] = set()
    for fam in family or []:
        if fam.lower() not in known:
            raise UsageProblem(
                f"--family: unknown family '{fam}'; expected one of "
                f"{', '.join(known)}{did_you_mean(fam, known)}"
            )
        families.add(fam.lower())
    chosen = [
        r
        for r in catalog.roles.values()
        if (not levels or r.level in levels) and (not families or r.family in families)
    ]
    chosen.sort(key=lambda r: (family_order(r.family), -vocab.level_rank(r.level) if r.level else 1,
                               r.title if r.onet is None else r.id))  # fmt: skip
    if as_json:
        rows = []
        for r in chosen:
            row = {
                "id": r.id,
                "title": r.title,
                "aliases": list(r.aliases),
                "level": r.level or None if r.onet else r.level,
                "family": r.family,
                "salary": salary_dict(catalog, r.id),
            }
            if r.onet is not None:
                row["onet"] = onet_dict(r)
            rows.append(row)
        data: dict[str, object] = envelope(roles=rows)
        credits = onet_credits(chosen)
        if credits:
            data["credit"] = credits[0] if len(credits) == 1 else credits
        emit_json(data)
        return
    from careercli.catalog.render import roles_table

    out = console()
    if not chosen:
        out.print("No roles match those filters.")
        return
    out.print(roles_table(catalog, chosen, out.width))
    src = catalog.salary_source
    note = (
        f"Median: gross yearly salary in USD from the {src.name} ({src.licence}, {src.snapshot})"
        if src
        else ""
    )
    out.print(f"{len(chosen)} roles. {note}; * = closest survey titles (no exact title).", style="dim")
    for credit in onet_credits(chosen):
        out.print(credit, style="dim")


RoleArg = Annotated[str, typer.Argument(help="A role id, alias or title, e.g. head-ds.")]


@handles_errors
def show(
    ctx: typer.Context,
    role: RoleArg,
    catalog_name: CatalogOpt = "default",
    as_json: JsonOpt = False,
    markdown: MarkdownOpt = False,
) -> None:
    """Show every facet of one role (or O*NET occupation, once imported).

    Examples:

    \b
      careercli show head-ds
      careercli show "machine learning engineer" --json
      careercli show lead-mle --markdown > lead-mle.md
      careercli show 15-2051.00
    """
    from careercli.catalog.lookup import resolve_role
    from careercli.cli.console import console, emit_json, emit_text

    one_format(json=as_json, markdown=markdown)
    catalog = state(ctx).catalog_for([role], parse_catalog(catalog_name))
    found = resolve_role(catalog, role)
    if as_json:
        from careercli.catalog.role_data import onet_keys, role_dict

        emit_json(envelope(role=role_dict(catalog, found), **onet_keys([found])))
    elif markdown:
        from careercli.catalog.markdown import role_markdown

        emit_text(role_markdown(catalog, found))
    else:
        from careercli.catalog.render import role_view

        out = console()
        for part in role_view(catalog, found):
            out.print(part)


@handles_errors
def compare(
    ctx: typer.Context,
    roles: Annotated[list[str], typer.Argument(help="Two to five role ids, aliases or titles.")],
    facet: Annotated[
        list[str] | None,
        typer.Option(
            "--facet",
            help="Only this facet (repeatable): summary, responsibilities, skills, "
            "education, tools, industries, interests, outlook, salary, tips.",
        ),
    ] = None,
    catalog_name: CatalogOpt = "default",
    as_json: JsonOpt = False,
    markdown: MarkdownOpt = False,
) -> None:
    """Compare roles side by side: facets as rows, roles as columns, shared items marked.

    Examples:

    \b
      careercli compare head-ds lead-mle
      careercli compare data-analyst bi-analyst --facet skills --facet salary
      careercli compare head-ds lead-mle --json
      careercli compare 15-2051.00 data-scientist
    """
    from careercli.catalog.comparison import compare_roles, comparison_dict, parse_facets
    from careercli.catalog.lookup import resolve_role
    from careercli.cli.console import console, emit_json, emit_text

    one_format(json=as_json, markdown=markdown)
    catalog = state(ctx).catalog_for(roles, parse_catalog(catalog_name))
    facets = parse_facets(facet or [])
    comp = compare_roles([resolve_role(catalog, r) for r in roles], facets)
    if as_json:
        emit_json(comparison_dict(catalog, comp))
    elif markdown:
        from careercli.catalog.markdown import comparison_markdown

        emit_text(comparison_markdown(catalog, comp))
    else:
        from careercli.catalog.render import comparison_view

        out = console()
        for part in comparison_view(catalog, comp, out.width):
            out.print(part)
