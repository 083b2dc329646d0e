"""Markdown views of a role and of a comparison (`--markdown`), for notes and wikis."""

from __future__ import annotations

from careercli.catalog.comparison import MARKED_FACETS, Comparison
from careercli.catalog.models import Catalog, Role
from careercli.catalog.render import FACET_TITLES, LEGEND, facet_lines
from careercli.catalog.role_data import credit_for


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def role_markdown(catalog: Catalog, role: Role) -> str:
    level = role.level or "no data"
    out = [f"# {role.title} (`{role.id}`)", "", f"Level: {level} · family: {role.family}", ""]
    for facet, title in FACET_TITLES.items():
        out += [f"## {title}", ""]
        lines = [line for line, _ in facet_lines(None, catalog, role, facet)]
        out += [line if line.startswith("• ") is False else "- " + line[2:] for line in lines]
        out.append("")
    if role.onet is not None:  # O*NET's ratings, tasks, related occupations, work values, BLS
        from careercli.onet.render import SECTIONS
        from careercli.onet.views import occupation_profile

        profile = occupation_profile(catalog, role)
        for title, lines_of in SECTIONS:
            out += [
                f"## {title}",
                "",
                *(f"- {line.removeprefix('• ')}" for line in lines_of(profile)),
                "",
            ]
    if role.related:
        out += ["## Related roles", "", ", ".join(f"`{r}`" for r in role.related), ""]
    out += ["## Sources", ""]
    out += [f"- {s.name} ({s.date})" + (f" <{s.url}>" if s.url else "") for s in role.sources]
    out += ["", f"_{credit_for(role)}_", ""]
    return "\n".join(out)


def comparison_markdown(catalog: Catalog, comp: Comparison) -> str:
    header = "| | " + " | ".join(f"{r.title} (`{r.id}`)" for r in comp.roles) + " |"
    out = [f"# {' vs '.join(r.title for r in comp.roles)}", "", header, "|---" * (len(comp.roles) + 1) + "|"]
    for facet in comp.facets:
        cells = [
            "<br>".join(_cell(line) for line, _ in facet_lines(comp, catalog, r, facet)) for r in comp.roles
        ]
        out.append(f"| **{FACET_TITLES[facet]}** | " + " | ".join(cells) + " |")
    out.append("")
    if any(f in MARKED_FACETS for f in comp.facets):
        out += [f"_{LEGEND}_", ""]
    if "interests" in comp.facets:
        for credit in dict.fromkeys(credit_for(r) for r in comp.roles):
            out += [f"_{credit}_", ""]
    return "\n".join(out)
