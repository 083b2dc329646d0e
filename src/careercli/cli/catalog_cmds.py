"""`roles`, `show` and `compare`: the catalog as tables, JSON and Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from careercli.cli.common import (
    CatalogOpt,
    JsonOpt,
    MarkdownOpt,
    complete_role,
    handles_errors,
    level_option,
    one_format,
    parse_catalog,
    state,
)
from careercli.common.envelope import envelope

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog, Role


SORTS = ("family", "growth", "us-median", "median")


@handles_errors
def roles(
    ctx: typer.Context,
    level: Annotated[
        list[str] | None,
        level_option("Only these levels: entry, mid, senior, executive (or EN/MI/SE/EX)."),
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
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="family (grouped, the default); growth (BLS 2024-34 projection), us-median "
            "(BLS May 2024 median wage) or median (the survey's): highest first, roles "
            "without the figure last.",
        ),
    ] = "family",
    catalog_name: CatalogOpt = "default",
    as_json: JsonOpt = False,
) -> None:
    """List the role catalog: id, title, level, the survey's median pay, BLS's US median
    wage and projected growth.

    Examples:

    \b
      careercli roles
      careercli roles --level senior --family ml-engineering
      careercli roles --sort growth
      careercli roles --catalog onet --family computer-and-mathematical
      careercli roles --json
    """
    from careercli.common.errors import UsageProblem, did_you_mean

    if sort not in SORTS:
        raise UsageProblem(f"--sort: unknown order '{sort}'; expected one of {', '.join(SORTS)}"
                           + did_you_mean(sort, SORTS))  # fmt: skip
    catalog = state(ctx).catalog(parse_catalog(catalog_name))
    chosen = _chosen_roles(catalog, level or [], family or [])
    if sort != "family":
        chosen = _ranked(catalog, chosen, sort)
    if as_json:
        _roles_json(catalog, chosen)
    else:
        _roles_text(catalog, chosen, grouped=sort == "family")


def _chosen_roles(catalog: Catalog, level: list[str], family: list[str]) -> list[Role]:
    """The roles that pass --level and --family, in the catalog's order (family, level, title)."""
    from careercli.catalog.role_data import family_order
    from careercli.common import vocab
    from careercli.common.errors import UsageProblem, did_you_mean
    from careercli.common.vocab import FAMILIES

    levels = {vocab.parse_level(x) for x in level}
    known = list(dict.fromkeys([*FAMILIES, *sorted({r.family for r in catalog.roles.values()},
                                                   key=family_order)]))  # fmt: skip
    families: set[str] = set()
    for fam in family:
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
    return chosen


def _ranked(catalog: Catalog, roles: list[Role], sort: str) -> list[Role]:
    """Highest first by the chosen figure; roles without it keep their order, last."""
    from careercli.catalog.role_data import salary_dict

    def figure(role: Role) -> float | None:
        if sort == "growth":
            return role.outlook.growth_pct
        if sort == "us-median":
            return role.us_wages.p50 if role.us_wages is not None else None
        p = salary_dict(catalog, role.id)["percentiles"]
        return None if p is None else p["p50"]

    keyed = [(figure(r), i, r) for i, r in enumerate(roles)]
    return [r for value, _i, r in sorted(keyed, key=lambda k: (k[0] is None, -(k[0] or 0), k[1]))]


def _roles_json(catalog: Catalog, chosen: list[Role]) -> None:
    from careercli.catalog.role_data import onet_credits, onet_dict, outlook_dict, salary_dict, us_wages_dict
    from careercli.cli.console import emit_json

    rows = []
    for r in chosen:
        row = {
            "id": r.id,
            "title": r.title,
            "aliases": list(r.aliases),
            "level": r.level or None if r.onet else r.level,
            "family": r.family,
            "salary": salary_dict(catalog, r.id),
            "outlook": outlook_dict(r),
            "us_wages": us_wages_dict(r),
        }
        if r.onet is not None:
            row["onet"] = onet_dict(r)
        rows.append(row)
    credits = onet_credits(chosen)
    extra: dict[str, object] = {"credit": credits[0] if len(credits) == 1 else credits} if credits else {}
    emit_json(envelope(roles=rows, **extra))


def _roles_text(catalog: Catalog, chosen: list[Role], grouped: bool) -> None:
    from careercli.catalog.render import proxy_notes, roles_table, thin_note
    from careercli.catalog.role_data import onet_credits
    from careercli.cli.console import console
    from careercli.onet.credit import credit_for_width

    out = console()
    if not chosen:
        out.print("No roles match those filters.")
        return
    out.print(roles_table(catalog, chosen, out.width, grouped=grouped))
    src = catalog.salary_source
    survey = f"the {src.name} ({src.licence}, {src.snapshot})" if src else "the salary survey"
    lines = [
        f"{len(chosen)} roles. Survey: median gross yearly salary in USD from {survey}; "
        "* = a proxy (closest survey titles, no exact title).",
        *(f"  {note}" for note in proxy_notes(catalog, chosen)),
        *filter(None, [thin_note(catalog, chosen)]),
        "US med: BLS OEWS May 2024 median annual wage of the role's occupation; Growth: BLS "
        "Employment Projections 2024-34 (all occupations +3.1%).",
    ]
    for line in lines:
        out.print(line, style="dim")
    for credit in onet_credits(chosen):
        out.print(credit_for_width(credit, out.width), style="dim")


RoleArg = Annotated[
    str, typer.Argument(help="A role id, alias or title, e.g. head-ds.", autocompletion=complete_role)
]


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
    roles: Annotated[
        list[str],
        typer.Argument(help="Two to five role ids, aliases or titles.", autocompletion=complete_role),
    ],
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
