"""Derive careercli's salary figures from the aijobs.net salary survey (CC0).

Usage: python scripts/derive_salaries.py [--csv PATH] [--titles FILE] [--out-dir DIR] [--check]

Reads the survey CSV (default ../shared/data/aijobs-salaries/salaries.csv beside the repo)
and data/salary_titles.yaml (which survey job titles count as which catalog role), and
writes the derived figures into DIR (default data/):

- salary_summary.json: per role, n, the years covered, p10/p25/p50/p75/p90 of
  salary_in_usd, and the same by experience level. Small: loaded by `show` and `compare`.
- salary_cells.json and salary_cells/<group>.json: the same percentiles by role x level x
  country x year x remote (and by employment type and company size), one file per role
  (and per proxy group), plus every survey title's n and median and every country's n in
  the index, for `careercli salary` and its filters. The index's "layout" key documents
  the layout.

No survey row is copied: only counts and percentiles are written, and cells with fewer
than MIN_N_PERCENTILES rows carry a count only. Output is deterministic (sorted keys,
fixed order, no timestamps): re-running on the same inputs gives byte-identical files.
A cells file of a group that no longer exists is removed. `--check` writes nothing and
exits 1 when a file differs or is left over.

Only the standard library is used. Reading the survey CSV and salary_titles.yaml (with a
small parser for the plain YAML subset that file uses) is careercli.salary.survey, and the
percentile function is careercli.salary.stats (both imported from src/): `careercli salary --data
FILE` uses the same two modules, so the CLI and this script read and map rows one way.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careercli.salary.stats import MIN_N_PERCENTILES, PERCENTILE_METHOD, percentiles  # noqa: E402
from careercli.salary.survey import (  # noqa: E402
    COMPANY_SIZES,
    DIMENSIONS,
    DUPLICATE_POLICY,
    EMPLOYMENT_TYPES,
    LEVEL_ORDER,
    REMOTE_RATIOS,
    SCHEMA_VERSION,
    InputError,
    RoleTitles,
    Survey,
    SurveyRow,
    load_title_map,
    read_survey,
)

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "aijobs-salaries" / "salaries.csv"
DEFAULT_TITLES = ROOT / "data" / "salary_titles.yaml"
SUMMARY_FILE = "salary_summary.json"
CELLS_FILE = "salary_cells.json"  # the index of the cells (each distinct row counted once)
CELLS_DIR = "salary_cells"  # one file of cells per group
ALL_CELLS_FILE = "salary_cells.all.json"  # the same with every row, repeats too
ALL_CELLS_DIR = "salary_cells.all"  # (`careercli salary --keep-duplicates`)
PERCENTILE_NAMES = ("p10", "p25", "p50", "p75", "p90")

# Which combinations of the filter DIMENSIONS get cells in salary_cells.json. A cell with
# a dimension set to null covers every value of it. The four main filters combine freely,
# and employment type or company size can be added to any of them; only the two together
# are left out (99.5% of rows are full-time, 96% at medium companies), which keeps the file
# near 1.3 MB instead of 1.8 MB.
MAIN_DIMENSIONS = ("level", "country", "year", "remote")


def _subsets(dims: Sequence[str]) -> list[tuple[str, ...]]:
    return [c for k in range(len(dims) + 1) for c in itertools.combinations(dims, k)]


GROUPING_SETS: tuple[tuple[str, ...], ...] = tuple(
    _subsets(MAIN_DIMENSIONS)
    + [(*s, extra) for extra in ("employment_type", "company_size") for s in _subsets(MAIN_DIMENSIONS)]
)

SOURCE_NAME = "aijobs.net Global AI, ML, Data Science Salary Index"
SOURCE_URL = "https://aijobs.net/salaries/"
COUNTRY_NOTE = (
    "country is employee_residence (where the employee lives, ISO 3166-1 alpha-2), because "
    "pay follows where people live and work, remote workers included; company_location "
    "differs from it in few rows"
)


# ---------------------------------------------------------------------------------------
# Figures.

Json: TypeAlias = "bool | int | float | str | list[Json] | dict[str, Json] | None"


def figures(values: Sequence[float]) -> dict[str, Json]:
    """n and the five percentiles of a non-empty list of USD amounts."""
    out: dict[str, Json] = {"n": len(values)}
    out.update(percentiles(values))
    return out


def source_block(survey: Survey, sha256: str) -> dict[str, Json]:
    years = sorted({r.year for r in survey.rows})
    counted = "distinct" if survey.repeats or not survey.duplicate_rows else "all"
    return {
        "name": SOURCE_NAME,
        "url": SOURCE_URL,
        "licence": "CC0 1.0",
        "snapshot": str(years[-1]),
        "snapshot_note": (
            "the survey file and its README record no snapshot date (the README calls the "
            "repository a weekly snapshot); this is the latest work_year in the file, which "
            "sha256 identifies"
        ),
        "file": "salaries.csv",
        "sha256": sha256,
        "rows": survey.rows_read,
        "years": [years[0], years[-1]],
        "duplicates": DUPLICATE_POLICY if counted == "distinct" else "kept: every row counts",
        "duplicate_rows": survey.duplicate_rows,
        "distinct_rows": survey.rows_read - survey.duplicate_rows,
        "rows_counted": len(survey.rows),
        "currency": "USD",
        "amount": "salary_in_usd: the survey's gross yearly salary converted to USD by aijobs.net",
        "derived_by": "scripts/derive_salaries.py",
        "title_map": "data/salary_titles.yaml",
        "percentile_method": PERCENTILE_METHOD,
    }


def check_titles(title_map: dict[str, RoleTitles], survey: Survey, titles_path: Path) -> None:
    present = {r.title for r in survey.rows}
    for entry in title_map.values():
        for title in entry.titles + entry.proxy_titles:
            if title not in present:
                raise InputError(
                    f"{titles_path}: roles.{entry.role}: {title!r} is not a job_title in {survey.path}"
                )


def _by_title(rows: Sequence[SurveyRow]) -> dict[str, list[SurveyRow]]:
    by_title: dict[str, list[SurveyRow]] = defaultdict(list)
    for row in rows:
        by_title[row.title].append(row)
    return by_title


def role_summary(
    entry: RoleTitles, by_title: dict[str, list[SurveyRow]], repeats: dict[str, list[SurveyRow]]
) -> dict[str, Json]:
    """One role's figures: n (rows counted), the repeats left out, percentiles, by level."""
    rows = [r for t in entry.figure_titles for r in by_title.get(t, [])]
    dropped = [r for t in entry.figure_titles for r in repeats.get(t, [])]
    item: dict[str, Json] = {
        "titles": list(entry.titles),
        "proxy": entry.proxy,
        "proxy_titles": list(entry.proxy_titles),
        "title_n": {t: len(by_title.get(t, [])) for t in entry.figure_titles},
        "n": len(rows),
        "duplicates_dropped": len(dropped),
    }
    if entry.note:
        item["note"] = entry.note
    if entry.proxy:
        item["n_direct"] = sum(len(by_title.get(t, [])) for t in entry.titles)
    if rows:
        item["years"] = [min(r.year for r in rows), max(r.year for r in rows)]
        item.update(percentiles([r.usd for r in rows]))
    by_level: dict[str, Json] = {}
    for level in LEVEL_ORDER:
        values = [r.usd for r in rows if r.level == level]
        if values:
            level_figures = figures(values)
            level_figures["duplicates_dropped"] = sum(1 for r in dropped if r.level == level)
            by_level[level] = level_figures
    item["by_level"] = by_level
    return item


def build_summary(survey: Survey, title_map: dict[str, RoleTitles], sha256: str) -> dict[str, Json]:
    by_title = _by_title(survey.rows)
    repeats = _by_title(survey.repeats)
    roles: dict[str, Json] = {
        role: role_summary(entry, by_title, repeats) for role, entry in title_map.items()
    }
    mapped_titles = {t for e in title_map.values() for t in e.titles}
    mapped_rows = sum(len(by_title.get(t, [])) for t in mapped_titles)
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source_block(survey, sha256),
        "mapping": {
            "rows": mapped_rows,
            "share": round(mapped_rows / len(survey.rows), 4),  # of the rows counted
            "titles_mapped": len(mapped_titles),
            "survey_titles": len(by_title),
            "note": "rows and titles counted in some role's titles; proxy titles are not counted",
        },
        "roles": roles,
    }


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    role: str
    proxy: bool
    titles: tuple[str, ...]


def groups_of(title_map: dict[str, RoleTitles]) -> list[Group]:
    """Each role's own titles as a group, and, for a proxied role, its proxy group too."""
    out: list[Group] = []
    for role in sorted(title_map):
        entry = title_map[role]
        if entry.titles:
            out.append(Group(role, role, False, entry.titles))
        if entry.proxy:
            out.append(Group(f"{role}:proxy", role, True, entry.figure_titles))
    return out


def _text_map(mapping: Mapping[str, str] | Mapping[int, str]) -> dict[str, Json]:
    return {str(k): v for k, v in mapping.items()}


def _cell_order(key: tuple[str | int | None, ...]) -> tuple[tuple[bool, str | int], ...]:
    return tuple((v is not None, "" if v is None else v) for v in key)


def group_file(group: Group, cells_dir: str = CELLS_DIR) -> str:
    """Where a group's cells go: salary_cells/<role id>.json, or <role id>.proxy.json."""
    return f"{cells_dir}/{group.role}{'.proxy' if group.proxy else ''}.json"


CellKey: TypeAlias = "tuple[str | int | None, ...]"


def _buckets(rows: Sequence[SurveyRow], grouping: tuple[str, ...]) -> dict[CellKey, list[float]]:
    buckets: dict[CellKey, list[float]] = defaultdict(list)
    for row in rows:
        buckets[tuple(row.value(d) if d in grouping else None for d in DIMENSIONS)].append(row.usd)
    return buckets


def group_cells(survey: Survey, group: Group) -> tuple[dict[str, Json], dict[str, list[Json]]]:
    """A group's cells file and its head (the cells with no filter or the level only).
    `dropped` counts, per cell, the exact repeats left out of it (0 when every row counts)."""
    head: dict[str, list[Json]] = {c: [] for c in ("level", "n", "dropped", *PERCENTILE_NAMES)}
    cells: dict[str, list[Json]] = {c: [] for c in (*DIMENSIONS, "n", "dropped", *PERCENTILE_NAMES)}
    small: dict[str, list[Json]] = {c: [] for c in (*DIMENSIONS, "n", "dropped")}
    wanted = set(group.titles)
    rows = [r for r in survey.rows if r.title in wanted]
    repeats = [r for r in survey.repeats if r.title in wanted]
    for grouping in GROUPING_SETS:
        buckets = _buckets(rows, grouping)
        dropped = _buckets(repeats, grouping)
        for key in sorted(buckets, key=_cell_order):
            values = buckets[key]
            table = cells if len(values) >= MIN_N_PERCENTILES else small
            for dim, value in zip(DIMENSIONS, key, strict=True):
                table[dim].append(value)
            table["n"].append(len(values))
            table["dropped"].append(len(dropped.get(key, ())))
            pcts = percentiles(values) if table is cells else dict.fromkeys(PERCENTILE_NAMES)
            if table is cells:
                for name, amount in pcts.items():
                    cells[name].append(amount)
            if grouping in ((), ("level",)):
                head["level"].append(key[0])
                head["n"].append(len(values))
                head["dropped"].append(len(dropped.get(key, ())))
                for name in PERCENTILE_NAMES:
                    head[name].append(pcts[name])
    content: dict[str, Json] = {
        "schema_version": SCHEMA_VERSION,
        "group": group.id,
        "cells": {k: v for k, v in cells.items()},
        "small_cells": {k: v for k, v in small.items()},
    }
    return content, head


def build_cells(
    survey: Survey, title_map: dict[str, RoleTitles], sha256: str, cells_dir: str = CELLS_DIR
) -> dict[str, Json]:
    """File name -> content: the index and one cells file per group (under `cells_dir`).

    One file per group lets `careercli salary ROLE` parse only that role's cells: the
    whole set is 1.3 MB of JSON, about 13 ms to parse, a tenth of the command's start-up.
    """
    groups = groups_of(title_map)
    role_of_title = {t: e.role for e in title_map.values() for t in e.titles}
    files: dict[str, Json] = {}
    heads: dict[str, dict[str, list[Json]]] = {}
    for group in groups:
        files[group_file(group, cells_dir)], heads[group.id] = group_cells(survey, group)
    by_title: dict[str, list[float]] = defaultdict(list)
    for row in survey.rows:
        by_title[row.title].append(row.usd)
    title_names = sorted(by_title)
    country_rows = Counter(r.country for r in survey.rows)
    index: dict[str, Json] = {
        "schema_version": SCHEMA_VERSION,
        "source": source_block(survey, sha256),
        "layout": {
            "about": (
                "Salary percentiles (USD, salary_in_usd) of the aijobs.net survey by role and "
                "filters, for `careercli salary`. This file is the index; each group's cells "
                f"are in its own file under {CELLS_DIR}/, so a command reads only the role it "
                "needs. Tables are stored as column arrays: entry i of every array of a table "
                "describes row i of that table."
            ),
            "groups": (
                "the row sets: a role's own survey titles (proxy false, id = role id), and for a "
                "role with proxy titles also its titles plus proxy titles (proxy true, id = "
                "role id + ':proxy'); salary_summary.json uses the proxy group for such a role. "
                "file: the group's cells file, relative to this file's folder. head: the group's "
                "cells with no filter and with only the level filter, as in its file but in one "
                "table (percentiles null below min_n_percentiles rows), so that listing every "
                "role reads no group file"
            ),
            "cells": (
                "in a group's file: one row per combination of filter values with at least "
                f"min_n_percentiles survey rows: {', '.join(DIMENSIONS)}, n, p10, p25, p50, "
                "p75, p90; a filter that is null covers all its values"
            ),
            "small_cells": (
                "in a group's file: the same combinations with 1 to min_n_percentiles - 1 rows: "
                "n only; a combination in neither table has no rows"
            ),
            "grouping_sets": (
                "the filter combinations that have rows in the tables (the filters that are not "
                "null); a query on another combination has no precomputed figures"
            ),
            "countries": "every employee_residence in the survey with its number of rows",
            "titles": (
                "every survey job_title with its n and median (p50), and the role whose titles "
                "include it (null when none): for suggesting related titles that have data"
            ),
            "values": {
                "level": "entry | mid | senior | executive (survey EN, MI, SE, EX)",
                "country": COUNTRY_NOTE,
                "year": "work_year",
                "remote": _text_map(REMOTE_RATIOS),
                "employment_type": _text_map(EMPLOYMENT_TYPES),
                "company_size": _text_map(COMPANY_SIZES),
            },
        },
        "min_n_percentiles": MIN_N_PERCENTILES,
        "grouping_sets": [list(g) for g in GROUPING_SETS],
        "groups": [
            {
                "id": g.id,
                "role": g.role,
                "proxy": g.proxy,
                "titles": list(g.titles),
                "file": group_file(g, cells_dir),
                "head": {k: v for k, v in heads[g.id].items()},
            }
            for g in groups
        ],
        "countries": {c: country_rows[c] for c in sorted(country_rows)},
        "titles": {
            "title": list(title_names),
            "role": [role_of_title.get(t) for t in title_names],
            "n": [len(by_title[t]) for t in title_names],
            "p50": [percentiles(by_title[t])["p50"] for t in title_names],
        },
    }
    return {(CELLS_FILE if cells_dir == CELLS_DIR else ALL_CELLS_FILE): index, **files}


# ---------------------------------------------------------------------------------------
# Output: deterministic JSON, short containers on one line.


def render_json(value: Json, indent: int = 0, compact: bool = False) -> str:
    """JSON with sorted keys; a list or object holding only scalars goes on one line."""
    item_sep, key_sep = (",", ":") if compact else (", ", ": ")
    if isinstance(value, dict):
        if not value:
            return "{}"
        if all(not isinstance(v, dict | list) for v in value.values()):
            return json.dumps(value, sort_keys=True, separators=(item_sep, key_sep))
        pad = " " * (indent + 1)
        parts = [f"{pad}{json.dumps(k)}: {render_json(value[k], indent + 1, compact)}" for k in sorted(value)]
        return "{\n" + ",\n".join(parts) + "\n" + " " * indent + "}"
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return json.dumps(value, separators=(item_sep, key_sep))
        pad = " " * (indent + 1)
        parts = [f"{pad}{render_json(v, indent + 1, compact)}" for v in value]
        return "[\n" + ",\n".join(parts) + "\n" + " " * indent + "]"
    return json.dumps(value)


def derive(csv_path: Path, titles_path: Path) -> dict[str, str]:
    """File name -> file text for every derived file: the summary and the cells with each
    distinct row counted once, and the cells with every row (salary_cells.all*)."""
    import hashlib

    title_map = load_title_map(titles_path)
    sha256 = hashlib.sha256(csv_path.read_bytes()).hexdigest() if csv_path.is_file() else ""
    survey = read_survey(csv_path)
    every_row = read_survey(csv_path, keep_duplicates=True)
    check_titles(title_map, survey, titles_path)
    outputs = {SUMMARY_FILE: render_json(build_summary(survey, title_map, sha256)) + "\n"}
    for source, cells_dir in ((survey, CELLS_DIR), (every_row, ALL_CELLS_DIR)):
        for name, content in build_cells(source, title_map, sha256, cells_dir).items():
            outputs[name] = render_json(content, compact=True) + "\n"
    return outputs


def stray_cells(out_dir: Path, outputs: Mapping[str, str]) -> list[Path]:
    """Files in the cells folders that the survey no longer gives (a role renamed or gone)."""
    stray: list[Path] = []
    for cells_dir in (CELLS_DIR, ALL_CELLS_DIR):
        folder = out_dir / cells_dir
        if folder.is_dir():
            stray += [p for p in folder.glob("*.json") if f"{cells_dir}/{p.name}" not in outputs]
    return sorted(stray)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="survey CSV (default: %(default)s)")
    parser.add_argument(
        "--titles", type=Path, default=DEFAULT_TITLES, help="title map (default: %(default)s)"
    )
    parser.add_argument("--out-dir", type=Path, default=ROOT / "data", help="output folder (default: data/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file differs")
    args = parser.parse_args(argv)
    try:
        outputs = derive(args.csv, args.titles)
    except InputError as exc:
        print(f"derive_salaries: {exc}", file=sys.stderr)
        return 1
    out_dir: Path = args.out_dir
    stale = fresh = 0
    for name, text in outputs.items():
        path = out_dir / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            fresh += 1
            continue
        stale += 1
        if args.check:
            print(f"{path}: differs from what the survey gives", file=sys.stderr)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"{path}: written ({len(text.encode()):,} bytes)")
    for path in stray_cells(out_dir, outputs):
        stale += 1
        if args.check:
            print(f"{path}: not derived from the survey; delete it", file=sys.stderr)
        else:
            path.unlink()
            print(f"{path}: removed (no such group any more)")
    size = sum(len(text.encode()) for text in outputs.values())
    print(f"{out_dir}: {fresh} of {len(outputs)} derived files up to date ({size:,} bytes in all)")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
