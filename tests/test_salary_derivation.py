"""The salary pipeline: careercli.salary.stats, data/salary_titles.yaml, scripts/derive_salaries.py and
the files it derives (data/salary_summary.json, data/salary_cells.json and data/salary_cells/).

Tests that need the survey CSV are skipped when ../shared/data/aijobs-salaries/salaries.csv
is not beside this clone; they recompute figures independently of the script.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import statistics
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

try:
    from careercli.salary.stats import median, percentiles, quantile
except ImportError:  # the package is not installed: use the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from careercli.salary.stats import median, percentiles, quantile

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "derive_salaries.py"
TITLES = ROOT / "data" / "salary_titles.yaml"
SUMMARY = ROOT / "data" / "salary_summary.json"
CELLS = ROOT / "data" / "salary_cells.json"  # the index
CELLS_DIR = ROOT / "data" / "salary_cells"  # one file of cells per group
SURVEY_CSV = ROOT.parent / "shared" / "data" / "aijobs-salaries" / "salaries.csv"
needs_survey = pytest.mark.skipif(
    not SURVEY_CSV.is_file(), reason="../shared/data/aijobs-salaries/salaries.csv is not beside this clone"
)

CONTRACT_ROLES = (
    "head-ds", "lead-mle", "head-of-data", "data-science-manager", "data-scientist", "ml-engineer",
    "ai-engineer", "ai-research-scientist", "applied-scientist", "data-architect", "data-engineer",
    "analytics-engineer", "mlops-engineer", "data-analyst", "bi-analyst", "statistician", "nlp-engineer",
    "computer-vision-engineer", "quantitative-analyst", "data-product-manager",
)  # fmt: skip
PCTS = ("p10", "p25", "p50", "p75", "p90")
LEVELS = {"EN": "entry", "MI": "mid", "SE": "senior", "EX": "executive"}


def load_json(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("derive_salaries", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["derive_salaries"] = module
    spec.loader.exec_module(module)
    return module


def survey_rows() -> list[dict[str, str]]:
    with SURVEY_CSV.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def apply_duplicate_policy(rows: list[dict[str, str]], summary: dict[str, Any]) -> list[dict[str, str]]:
    """The rows the summary's recorded duplicate policy says to use, computed here on our own."""
    policy = summary["source"]["duplicates"].split(":")[0]
    assert policy in ("kept", "dropped"), summary["source"]["duplicates"]
    if policy == "kept":
        return rows
    seen: set[tuple[str, ...]] = set()
    out = []
    for row in rows:
        key = tuple(row.values())
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


# --- careercli.salary.stats -------------------------------------------------------------------------


def test_percentiles_of_one_value_are_that_value() -> None:
    assert percentiles([123456]) == dict.fromkeys(PCTS, 123456)


def test_percentiles_of_two_values_interpolate_linearly() -> None:
    # h = (n - 1) * q = q: 100 + q * (200 - 100)
    assert percentiles([200, 100]) == {"p10": 110, "p25": 125, "p50": 150, "p75": 175, "p90": 190}


def test_percentiles_hand_computed() -> None:
    # n = 5, h = 4q: 0.4, 1, 2, 3, 3.6
    assert percentiles([50, 10, 40, 20, 30]) == {"p10": 14, "p25": 20, "p50": 30, "p75": 40, "p90": 46}
    # n = 4, h = 3q: 0.3 -> 1.3, 0.75 -> 1.75, 1.5 -> 2.5, 2.25 -> 3.25, 2.7 -> 3.7
    assert percentiles([4, 3, 2, 1]) == {"p10": 1, "p25": 2, "p50": 3, "p75": 3, "p90": 4}
    # n = 11 evenly spaced: every percentile falls on a value
    assert percentiles([i * 1000 for i in range(11)]) == {
        "p10": 1000, "p25": 2500, "p50": 5000, "p75": 7500, "p90": 9000,
    }  # fmt: skip


def test_percentiles_round_halves_up_to_whole_dollars() -> None:
    assert percentiles([100, 101])["p50"] == 101  # 100.5; round() would give 100
    assert percentiles([102, 103])["p50"] == 103  # 102.5; round() would give 102
    assert percentiles([100, 101])["p10"] == 100  # 100.1
    assert all(isinstance(v, int) for v in percentiles([1.2, 3.7, 9.9]).values())


def test_percentiles_agree_with_statistics_inclusive() -> None:
    data = [31520, 75000, 98000, 98000, 120000, 150000, 151694, 160000, 222200, 800000, 15000]
    cuts = statistics.quantiles(data, n=20, method="inclusive")  # 5%, 10%, ..., 95%
    for q, cut in ((0.10, cuts[1]), (0.25, cuts[4]), (0.50, cuts[9]), (0.75, cuts[14]), (0.90, cuts[17])):
        assert quantile(data, q) == pytest.approx(cut)


def test_median() -> None:
    assert median([5]) == 5
    assert median([3, 1, 2]) == 2
    assert median([1, 2]) == 1.5  # unrounded
    assert median([4, 1, 3, 2]) == 2.5


@pytest.mark.parametrize("bad", [[], [1.0, float("nan")], [float("inf")]])
def test_percentiles_refuse_empty_and_non_finite(bad: list[float]) -> None:
    with pytest.raises(ValueError):
        percentiles(bad)
    with pytest.raises(ValueError):
        median(bad)


# --- data/salary_titles.yaml -----------------------------------------------------------------


def test_title_map_covers_the_contract_and_gives_each_title_one_role() -> None:
    yaml = pytest.importorskip("yaml")
    data = yaml.safe_load(TITLES.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    roles = data["roles"]
    assert set(CONTRACT_ROLES) <= set(roles)
    owner: dict[str, str] = {}
    for role, entry in roles.items():
        assert isinstance(entry["titles"], list)
        for title in entry["titles"]:
            assert title not in owner, f"{title} is in {owner.get(title)} and {role}"
            owner[title] = role
        if not entry["titles"]:
            assert entry["proxy_titles"] and entry["note"], role
    assert roles["head-ds"]["titles"] == []
    assert "Head of AI" in roles["head-ds"]["proxy_titles"]
    assert "Head of Data" in roles["head-of-data"]["titles"]  # not head-ds's proxy: 79% of it
    assert "Machine Learning Engineer" in roles["ml-engineer"]["titles"]
    assert "Lead Machine Learning Engineer" in roles["lead-mle"]["titles"]


def test_title_map_is_read_safely_and_validated(tmp_path: Path) -> None:
    """salary_titles.yaml goes through PyYAML's safe loader: a tag that would build a Python
    object is refused, and a malformed map names the file and what is wrong."""
    from careercli.salary.survey import InputError, load_title_map

    path = tmp_path / "t.yaml"
    for text, problem in (
        ("schema_version: 1\nroles: !!python/object:os.system {}\n", "not allowed"),
        ("schema_version: 1\nroles:\n  a:\n    titles: [A\n", "t.yaml"),
        ("schema_version: 2\nroles: {}\n", "schema_version must be 1"),
        ("schema_version: 1\nroles:\n  a: {titles: [A], colour: red}\n", "unknown key colour"),
        ("schema_version: 1\nroles:\n  a: {titles: [], proxy_titles: [B]}\n", "needs a note"),
    ):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match=problem):
            load_title_map(path)
    assert load_title_map(TITLES)["head-ds"].proxy


# --- the committed derived files ----------------------------------------------------------------


def test_summary_has_every_contract_role_with_consistent_figures() -> None:
    summary = load_json(SUMMARY)
    assert summary["schema_version"] == 1
    assert summary["source"]["licence"] == "CC0 1.0"
    assert summary["source"]["currency"] == "USD"
    for role in CONTRACT_ROLES:
        entry = summary["roles"][role]
        assert isinstance(entry["proxy"], bool)
        if entry["n"] == 0:
            assert not any(p in entry for p in PCTS)
            continue
        values = [entry[p] for p in PCTS]
        assert values == sorted(values), role
        assert sum(level["n"] for level in entry["by_level"].values()) == entry["n"], role
        assert set(entry["by_level"]) <= set(LEVELS.values())
        assert entry["years"][0] <= entry["years"][1]
    head_ds = summary["roles"]["head-ds"]
    assert head_ds["proxy"] is True
    assert head_ds["titles"] == []
    assert head_ds["n_direct"] == 0
    assert "Head of Data Science" in head_ds["note"]
    assert summary["roles"]["ml-engineer"]["proxy"] is False


def derived_files(folder: Path) -> list[Path]:
    return [folder / SUMMARY.name, folder / CELLS.name, *sorted((folder / CELLS_DIR.name).glob("*.json"))]


def test_summary_stays_small() -> None:
    assert SUMMARY.stat().st_size < 40_000
    assert CELLS.stat().st_size < 100_000
    assert sum(p.stat().st_size for p in CELLS_DIR.glob("*.json")) < 2_000_000
    assert max(p.stat().st_size for p in CELLS_DIR.glob("*.json")) < 300_000  # one role parses fast


def test_cells_agree_with_the_summary_and_hide_small_cells() -> None:
    summary, cells = load_json(SUMMARY), load_json(CELLS)
    dims = ("level", "country", "year", "remote", "employment_type", "company_size")
    groups = cells["groups"]
    assert sorted(CELLS_DIR.glob("*.json")) == sorted(CELLS.parent / g["file"] for g in groups)
    for group in groups:
        data = load_json(CELLS.parent / group["file"])
        assert data["group"] == group["id"]
        table = data["cells"]
        size = len(table["n"])
        assert all(len(column) == size for column in table.values())
        assert not size or min(table["n"]) >= cells["min_n_percentiles"]
        small = data["small_cells"]
        assert set(small) == {*dims, "n", "dropped"}
        assert not small["n"] or max(small["n"]) < cells["min_n_percentiles"]
        role = summary["roles"][group["role"]]
        if group["proxy"] != role["proxy"]:
            continue  # the direct group of a proxied role: not what the summary shows
        for i in range(size):
            if any(table[d][i] is not None for d in dims[1:]):
                continue
            level = table["level"][i]
            expected = role if level is None else role["by_level"][level]
            assert table["n"][i] == expected["n"]
            assert [table[p][i] for p in PCTS] == [expected[p] for p in PCTS]
    titles = cells["titles"]
    assert len(titles["title"]) == summary["mapping"]["survey_titles"]
    assert titles["title"] == sorted(titles["title"])
    assert sum(1 for role in titles["role"] if role is not None) == summary["mapping"]["titles_mapped"]


def test_the_index_head_repeats_each_groups_level_cells() -> None:
    """The index's head (no filter, or the level alone) equals those cells in the group's file."""
    dims = ("level", "country", "year", "remote", "employment_type", "company_size")
    for group in load_json(CELLS)["groups"]:
        data = load_json(CELLS.parent / group["file"])
        expected: dict[str | None, list[Any]] = {}
        for name in ("cells", "small_cells"):
            table = data[name]
            for i in range(len(table["n"])):
                if all(table[d][i] is None for d in dims[1:]):
                    pcts = [table[p][i] for p in PCTS] if name == "cells" else [None] * len(PCTS)
                    expected[table["level"][i]] = [table["n"][i], *pcts]
        head = group["head"]
        got = {lvl: [head["n"][i], *(head[p][i] for p in PCTS)] for i, lvl in enumerate(head["level"])}
        assert got == expected, group["id"]


# --- against the survey itself ------------------------------------------------------------------


@needs_survey
def test_ml_engineer_senior_median_matches_the_survey() -> None:
    summary = load_json(SUMMARY)
    rows = apply_duplicate_policy(survey_rows(), summary)
    values = [
        float(r["salary_in_usd"])
        for r in rows
        if r["job_title"] == "Machine Learning Engineer" and r["experience_level"] == "SE"
    ]
    assert len(values) > 1000
    independent = statistics.median(values)
    senior = summary["roles"]["ml-engineer"]["by_level"]["senior"]
    assert abs(senior["p50"] - independent) <= 0.01 * independent
    assert senior["n"] >= len(values)


@needs_survey
def test_source_and_mapping_share_match_the_survey() -> None:
    yaml = pytest.importorskip("yaml")
    summary = load_json(SUMMARY)
    rows = survey_rows()
    source = summary["source"]
    assert source["rows"] == len(rows)
    years = sorted({int(r["work_year"]) for r in rows})
    assert source["years"] == [years[0], years[-1]]
    assert source["duplicate_rows"] == len(rows) - len({tuple(r.values()) for r in rows})
    roles = yaml.safe_load(TITLES.read_text(encoding="utf-8"))["roles"]
    mapped = {t for entry in roles.values() for t in entry["titles"]}
    used = apply_duplicate_policy(rows, summary)
    mapped_rows = sum(1 for r in used if r["job_title"] in mapped)
    mapping = summary["mapping"]
    assert mapping["rows"] == mapped_rows
    assert mapping["share"] == pytest.approx(mapped_rows / len(used), abs=5e-5)
    assert mapping["titles_mapped"] == len(mapped)
    assert mapping["survey_titles"] == len({r["job_title"] for r in rows})
    every_title = {r["job_title"] for r in rows}
    for entry in roles.values():
        assert set(entry["titles"]) | set(entry.get("proxy_titles", [])) <= every_title


@needs_survey
def test_rerunning_the_script_reproduces_the_committed_files(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--csv", str(SURVEY_CSV), "--out-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = derived_files(tmp_path)
    assert [p.relative_to(tmp_path) for p in written] == [
        p.relative_to(ROOT / "data") for p in derived_files(ROOT / "data")
    ]
    for path in written:
        committed = ROOT / "data" / path.relative_to(tmp_path)
        assert path.read_bytes() == committed.read_bytes(), committed.name
    check = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stderr


def test_script_names_file_and_line_of_a_bad_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    header = (
        "work_year,experience_level,employment_type,job_title,salary,salary_currency,"
        "salary_in_usd,employee_residence,remote_ratio,company_location,company_size\n"
    )
    bad.write_text(header + "2024,SE,FT,Data Scientist,1,USD,lots,US,100,US,M\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--csv", str(bad), "--out-dir", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"{bad}: line 2: salary_in_usd" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
