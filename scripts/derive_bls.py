"""Write each role's BLS figures (2024-34 projection, May 2024 US wages) into its role file.

Usage: python scripts/derive_bls.py [--bls DIR] [--roles data/roles] [--check]

Every role names the BLS occupation it is counted in as `outlook.soc` (when absent, the
first seven characters of its `interests.onet_soc`). For that SOC code this script writes
the role's `outlook:` block from Employment Projections 2024-34, Table 1.2 (employment 2024
and 2034, percent change, the OOH's wording for it, openings per year, typical entry
education) and its `us_wages:` block from OEWS May 2024 national estimates (p10-p90, mean,
employment; a figure BLS top-codes or suppresses is null and named), each with its source,
table and release date. The hand-written parts, `outlook.note` (why this occupation stands
for the role) and `outlook.seed` (an older figure a seed article quoted), are kept.
`--check` changes nothing and exits 1 when a file differs from what the tables give.

Reads the CSV copies BLS's workbooks were saved as (careercli.bls.tables, standard library
only), so the script needs nothing beyond the project itself.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

import yaml

from careercli.bls.tables import (
    TOP_CODE_ANNUAL,
    Projection,
    Wages,
    read_projections,
    read_wages,
)
from role_files import update

ROOT = Path(__file__).resolve().parent.parent
PROJECTIONS_FILE = "ep_table_1_2_2024_34.csv"
WAGES_FILE = "oews_national_M2024.csv"
BLOCK = re.compile(r"^(outlook|us_wages):[^\n]*\n(?:[ \t]+[^\n]*\n|[ \t]*\n)*", re.MULTILINE)
AVERAGE_SOC = "00-0000"
WRAP = 88


def scalar(value: Any) -> str:
    """A YAML scalar: numbers bare, text quoted when YAML would read it otherwise."""
    if value is None:
        return "null"
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    text = str(value)
    plain = re.fullmatch(r"[A-Za-z][^:#\n]*", text) and not text.endswith(" ")
    special = text.lower() in ("yes", "no", "on", "off", "true", "false", "null")
    return text if plain and not special else json.dumps(text)


def folded(key: str, text: str, indent: str) -> list[str]:
    """`key: >-` and the text wrapped under it (what a reader of the file can read)."""
    body = textwrap.wrap(" ".join(text.split()), WRAP - len(indent) - 2)
    return [f"{indent}{key}: >-", *(f"{indent}  {line}" for line in body)]


def summary(proj: Projection, average: Projection) -> str:
    who = proj.title[0].lower() + proj.title[1:]
    pct = proj.growth_pct
    change = f"decline {-pct:g}%" if pct < 0 else f"grow {pct:g}%"
    return (
        f"BLS projects employment of {who} to {change} from 2024 to 2034: "
        f"{proj.band.lower()} (all occupations: {average.growth_pct:+g}%)."
    )


def outlook_block(proj: Projection, average: Projection, old: dict[str, Any]) -> list[str]:
    lines = [
        "outlook:                        # BLS Employment Projections 2024-34 (scripts/derive_bls.py)",
        *folded("summary", summary(proj, average), "  "),
        f"  soc: {scalar(proj.soc)}",
        f"  occupation: {scalar(proj.title)}",
        f"  period: {scalar(proj.period)}",
        f"  growth_pct: {scalar(proj.growth_pct)}",
        f"  employment_start: {proj.employment_start}",
        f"  employment_end: {proj.employment_end}",
        f"  openings_per_year: {proj.openings_per_year}",
        f"  band: {scalar(proj.band)}",
        f"  entry_education: {scalar(proj.entry_education)}",
        f"  source: {scalar(proj.source)}",
        f"  table: {scalar(proj.table)}",
        f"  date: {proj.date}",
    ]
    if old.get("note"):
        lines += folded("note", str(old["note"]), "  ")
    seed = old.get("seed")
    if isinstance(seed, dict):
        lines.append("  seed:                         # what the seed article quoted (kept as written)")
        for key in ("growth_pct", "period", "occupation", "source"):
            lines.append(f"    {key}: {scalar(seed[key])}")
        lines.append(f"    date: {seed['date']}")
        lines += folded("summary", str(seed["summary"]), "    ")
    return lines


def wages_block(wages: Wages) -> list[str]:
    figures = ("p10", "p25", "p50", "p75", "p90", "mean", "employment")
    return [
        "us_wages:                       # BLS OEWS May 2024, national (scripts/derive_bls.py)",
        f"  soc: {scalar(wages.soc)}",
        f"  occupation: {scalar(wages.title)}",
        f"  year: {wages.year}",
        *(f"  {name}: {scalar(getattr(wages, name))}" for name in figures),
        f"  top_coded: [{', '.join(wages.top_coded)}]",
        f"  suppressed: [{', '.join(wages.suppressed)}]",
        f"  top_code_limit: {TOP_CODE_ANNUAL if wages.top_coded else 'null'}",
        f"  source: {scalar(wages.source)}",
        f"  table: {scalar(wages.table)}",
        f"  date: {wages.date}",
    ]


def role_soc(path: Path, data: dict[str, Any]) -> str:
    outlook = data.get("outlook") or {}
    soc = str(outlook.get("soc") or str(data["interests"]["onet_soc"])[:7])
    if not re.fullmatch(r"\d\d-\d{4}", soc):
        raise SystemExit(f"{path}: outlook.soc: {soc!r} is not a SOC code like 15-2051")
    return soc


def rewrite(path: Path, text: str, blocks: str) -> str:
    """`text` with its outlook (and any us_wages) block replaced by `blocks`."""
    found = [m for m in BLOCK.finditer(text)]
    if not found or found[0][1] != "outlook":
        raise SystemExit(f"{path}: no `outlook:` block to fill")
    end = found[1].end() if len(found) > 1 and found[1].start() == found[0].end() else found[0].end()
    return text[: found[0].start()] + blocks + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bls", type=Path, default=ROOT.parent / "shared" / "data" / "bls")
    parser.add_argument("--roles", type=Path, default=ROOT / "data" / "roles")
    parser.add_argument("--check", action="store_true", help="report differences, change nothing")
    args = parser.parse_args(argv)
    projections = read_projections(args.bls / PROJECTIONS_FILE)
    wages = read_wages(args.bls / WAGES_FILE)
    stale = 0
    for path in sorted(args.roles.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        soc = role_soc(path, data)
        if soc not in projections or soc not in wages:
            print(f"{path}: outlook.soc: {soc} is not in both BLS tables in {args.bls}", file=sys.stderr)
            return 1
        lines = outlook_block(projections[soc], projections[AVERAGE_SOC], data.get("outlook") or {})
        blocks = "\n".join([*lines, *wages_block(wages[soc])]) + "\n"
        differs = f"BLS figures differ from {args.bls} for {soc}"
        wrote = f"{soc} {projections[soc].title} {projections[soc].growth_pct:+g}%"
        stale += update(path, text, rewrite(path, text, blocks), args.check, differs, wrote)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
