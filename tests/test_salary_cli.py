"""`careercli salary` as a user sees it, the `--data` CSV reader, and the salary facet of show.

Tests that need the survey CSV are skipped when ../shared/data is not beside this clone;
they recompute figures independently of careercli.
"""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CONTRACT_ROLES, DATA, MINIMAL_ROLE, SHARED_DATA, Invoke, needs_shared, write

SURVEY_CSV = SHARED_DATA / "aijobs-salaries" / "salaries.csv"
HEADER = (
    "work_year,experience_level,employment_type,job_title,salary,salary_currency,"
    "salary_in_usd,employee_residence,remote_ratio,company_location,company_size"
)
# Six Machine Learning Engineer rows (ml-engineer) and one Data Scientist row.
ROWS = [
    "2021e,SE,FT,Machine Learning Engineer,100000,USD,100000,US,100,US,M",
    "2021e,SE,FT,Machine Learning Engineer,110000,USD,110000,US,100,US,M",
    "2022,SE,FT,Machine Learning Engineer,120000,USD,120000,US,0,US,L",
    "2022,MI,FT,Machine Learning Engineer,130000,USD,130000,DE,50,DE,M",
    "2022,SE,FT,Machine Learning Engineer,140000,USD,140000,US,100,US,M",
    "2023,SE,CT,Machine Learning Engineer,150000,USD,150000,US,100,US,S",
    "2023,EN,FT,Data Scientist,90000,USD,90000,GB,0,GB,M",
]
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*3[0-7]m|\x1b\[[0-9;]*38;")


def as_json(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke("salary", *args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert isinstance(data, dict)
    return data


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


# --- the bundled figures -------------------------------------------------------------------------


@needs_shared
def test_senior_ml_engineer_median_matches_the_survey(invoke: Invoke) -> None:
    with SURVEY_CSV.open(encoding="utf-8-sig", newline="") as handle:
        rows = [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(handle)]
    distinct = list({tuple(r.values()): r for r in rows}.values())  # each exact repeat once
    values = [
        float(row["salary_in_usd"])
        for row in distinct
        if row["job_title"] == "Machine Learning Engineer" and row["experience_level"] == "SE"
    ]
    independent = statistics.median(values)
    data = as_json(invoke, "ml-engineer", "--level", "senior")
    p50 = data["percentiles"]["p50"]
    assert abs(p50 - independent) <= 0.02 * independent
    assert data["n"] >= len(values)
    assert data["by_level"]["senior"]["p50"] == p50


@needs_shared
@pytest.mark.parametrize("data_args", [[], ["--data", str(SURVEY_CSV)]])
def test_n_counts_each_distinct_row_once_and_says_how_many_it_left_out(
    invoke: Invoke, data_args: list[str]
) -> None:
    """salary data-scientist --level senior: n is the distinct rows of the role's survey
    titles at that level (computed here from the CSV), --keep-duplicates every row, and
    n + duplicates_dropped is every row: bundled figures and --data alike."""
    yaml = pytest.importorskip("yaml")
    titles = yaml.safe_load((DATA / "salary_titles.yaml").read_text(encoding="utf-8"))
    wanted = set(titles["roles"]["data-scientist"]["titles"])
    with SURVEY_CSV.open(encoding="utf-8-sig", newline="") as handle:
        rows = [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(handle)]
    mine = [r for r in rows if r["job_title"] in wanted and r["experience_level"] == "SE"]
    distinct = {tuple(r.values()) for r in mine}
    args = ["data-scientist", "--level", "senior", *data_args]
    counted, every = as_json(invoke, *args), as_json(invoke, *args, "--keep-duplicates")
    assert counted["n"] == len(distinct) < len(mine)
    assert counted["n"] + counted["duplicates_dropped"] == len(mine) == counted["rows"]
    assert every["n"] == len(mine) and every["duplicates_dropped"] == 0
    assert counted["by_level"]["senior"]["n"] == len(distinct)


def test_json_keys_are_pinned(invoke: Invoke) -> None:
    data = as_json(invoke, "ml-engineer")
    assert {"schema_version", "currency", "n", "percentiles", "by_level", "source"} <= set(data)
    assert data["schema_version"] == 1
    assert data["currency"] == "USD"
    assert set(data["percentiles"]) == {"p10", "p25", "p50", "p75", "p90"}
    assert list(data["by_level"]) == ["entry", "mid", "senior", "executive"]
    assert {"n", "duplicates_dropped", "thin", "p10", "p25", "p50", "p75", "p90"} == set(
        data["by_level"]["senior"]
    )
    assert data["role"] == {"id": "ml-engineer", "title": "Machine Learning Engineer"}
    assert set(data["filters"]) == {"level", "country", "year", "remote", "employment_type", "company_size"}
    assert data["source"]["licence"] == "CC0 1.0"
    values = [data["percentiles"][p] for p in ("p10", "p25", "p50", "p75", "p90")]
    assert values == sorted(values)
    assert sum(level["n"] for level in data["by_level"].values()) == data["n"]


def test_table_and_chart_at_80_columns(invoke: Invoke) -> None:
    result = invoke("salary", "ml-engineer", width=80)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Machine Learning Engineer (ml-engineer)" in out
    assert "Gross yearly salary, USD" in out
    for word in ("p10", "p25", "p50", "p75", "p90", "all levels", "entry", "mid", "senior", "executive"):
        assert word in out
    assert "┃" in out and "▒" in out  # the median mark and the middle-half box
    assert "$100K" in out  # the shared axis
    assert "aijobs.net" in out and "CC0" in out
    assert widest(out) <= 80


@pytest.mark.parametrize("args", [["ml-engineer"], ["head-ds"], [], ["lead-mle", "--country", "DE"]])
def test_40_columns_stay_within_40(invoke: Invoke, args: list[str]) -> None:
    result = invoke("salary", *args, width=40)
    assert result.exit_code == 0, result.output
    assert widest(result.output) <= 40, result.output


def test_thin_figures_are_said_beside_them(invoke: Invoke) -> None:
    result = invoke("salary", "lead-mle", width=80)
    assert result.exit_code == 0, result.output
    assert "thin: fewer than 30 rows" in result.output
    assert "thin (n<30)" in result.output
    data = as_json(invoke, "lead-mle")
    assert data["n"] < 30 and data["thin"] is True


def test_head_ds_says_what_the_survey_holds(invoke: Invoke) -> None:
    result = invoke("salary", "head-ds", width=100)
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "No exact survey title for Head of Data Science" in out
    assert "Head of Data is left out" in out  # the head-of-data role's own title
    for proxy in ("Head of AI", "Head of Machine Learning", "Director of Machine Learning"):
        assert re.search(re.escape(proxy) + r" \(n=\d+\)", out), proxy
    data = as_json(invoke, "head-ds")
    assert data["proxy"] is True and data["n_direct"] == 0
    assert all(t["proxy"] and t["n"] > 0 for t in data["titles"])
    assert "Head of Data Science" in data["note"]


def test_a_proxy_with_a_few_direct_rows_does_not_claim_no_title(invoke: Invoke) -> None:
    out = " ".join(invoke("salary", "data-science-manager", width=100).output.split())
    assert "No exact survey title" not in out
    assert "Only 1 row of the survey carry this role's own title (Data Scientist Manager)" in out
    assert as_json(invoke, "data-science-manager")["n_direct"] == 1


def test_no_rows_says_where_there_is_data(invoke: Invoke) -> None:
    result = invoke("salary", "nlp-engineer", "--country", "GB", "--year", "2021", width=100)
    assert result.exit_code == 0, result.output
    assert "No survey rows for nlp-engineer" in result.output
    assert "nlp-engineer without any filter: median" in result.output
    data = as_json(invoke, "nlp-engineer", "--country", "GB", "--year", "2021")
    assert data["n"] == 0 and data["percentiles"] is None
    assert data["alternatives"] and all(a["n"] > 0 for a in data["alternatives"])


def test_a_missing_level_offers_the_levels_with_data(invoke: Invoke) -> None:
    data = as_json(invoke, "head-ds", "--level", "entry")
    assert data["n"] == 0
    levels = {a["name"] for a in data["alternatives"] if a["kind"] == "level"}
    assert {"senior", "executive"} <= levels


def test_a_pack_role_without_survey_titles_gets_similar_titles(invoke: Invoke, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    write(
        pack / "roles" / "ml-platform-lead.yaml",
        MINIMAL_ROLE.format(id="ml-platform-lead", title="ML Platform Lead"),
    )
    result = invoke("--data-dir", str(pack), "salary", "ml-platform-lead", width=100)
    assert result.exit_code == 0, result.output
    assert "No survey job titles are mapped to ml-platform-lead" in result.output
    assert "related role ml-engineer: median" in result.output
    assert "survey title 'Machine Learning Platform Engineer'" in result.output


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        (["--level", "SE"], ["--level", "senior"]),
        (["--level", "Senior-level / Expert"], ["--level", "senior"]),
        (["--country", "united states"], ["--country", "US"]),
        (["--country", "us"], ["--country", "US"]),
        (["--country", "UK"], ["--country", "GB"]),
        (["--remote", "remote"], ["--remote", "100"]),
        (["--remote", "on-site"], ["--remote", "0"]),
        (["--employment-type", "full-time"], ["--employment-type", "FT"]),
        (["--company-size", "large"], ["--company-size", "L"]),
        (["--year", "2024e"], ["--year", "2024"]),
    ],
)
def test_filter_spellings_agree(invoke: Invoke, spelling: list[str], canonical: list[str]) -> None:
    assert as_json(invoke, "data-scientist", *spelling) == as_json(invoke, "data-scientist", *canonical)


def test_filters_narrow_the_figures(invoke: Invoke) -> None:
    everyone = as_json(invoke, "data-engineer")
    narrowed = as_json(invoke, "data-engineer", "--country", "US", "--remote", "0", "--year", "2024")
    assert 0 < narrowed["n"] < everyone["n"]
    assert narrowed["filters"] == {
        "level": None, "country": "US", "year": 2024, "remote": 0,
        "employment_type": None, "company_size": None,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--level", "guru"], "expected one of entry, mid, senior, executive"),
        (["--country", "Germnay"], "did you mean DE (Germany)?"),
        (["--country", "IS"], "no rows for country IS (Iceland)"),
        (["--country", "XX"], "expected an ISO 3166-1 alpha-2 code"),
        (["--remote", "sometimes"], "expected 0, 50 or 100 (or onsite, hybrid, remote)"),
        (["--year", "2019"], "the data has the years 2020-2025"),
        (["--year", "last"], "'last' is not a year"),
        (["--employment-type", "perm"], "expected FT, PT, CT or FL"),
        (["--company-size", "huge"], "expected S, M or L (or small, medium, large)"),
        (["--employment-type", "FT", "--company-size", "L"], "give the survey CSV with --data FILE"),
    ],
)
def test_bad_filter_values_exit_2_naming_valid_values(invoke: Invoke, args: list[str], expected: str) -> None:
    result = invoke("salary", "ml-engineer", *args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("careercli: error: ")
    assert expected in result.output
    assert "Traceback" not in result.output


def test_unknown_role_exits_2(invoke: Invoke) -> None:
    result = invoke("salary", "ml-enginer")
    assert result.exit_code == 2
    assert "did you mean 'ml-engineer'" in result.output


# --- every role ----------------------------------------------------------------------------------


def test_no_role_ranks_every_role_by_median(invoke: Invoke) -> None:
    data = as_json(invoke)
    ids = [r["id"] for r in data["roles"]]
    assert set(CONTRACT_ROLES) <= set(ids)
    medians = [r["p50"] for r in data["roles"] if r["p50"] is not None]
    assert medians == sorted(medians, reverse=True)
    thin = {r["id"] for r in data["roles"] if r["thin"]}
    assert "lead-mle" in thin
    result = invoke("salary", width=80)
    assert result.exit_code == 0, result.output
    assert "Roles by median gross yearly salary (USD)" in result.output
    assert re.search(r"lead-mle +\d+!", result.output)  # thin: n marked
    assert "head-ds*" in result.output  # proxy marked
    assert "! thin: fewer than 30 rows" in result.output
    assert widest(result.output) <= 80


def test_no_role_with_a_level(invoke: Invoke) -> None:
    data = as_json(invoke, "--level", "entry")
    assert data["filters"]["level"] == "entry"
    by_id = {r["id"]: r for r in data["roles"]}
    assert by_id["data-analyst"]["n"] == as_json(invoke, "data-analyst", "--level", "entry")["n"]


# --- output modes ------------------------------------------------------------------------------


def test_no_color_and_pipes_get_no_colour_codes(invoke: Invoke) -> None:
    coloured = invoke("salary", "lead-mle", env={"FORCE_COLOR": "1"})
    assert ANSI_COLOUR.search(coloured.output)  # the check below can fail
    plain = invoke("salary", "lead-mle", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not ANSI_COLOUR.search(plain.output)
    piped = invoke("salary", "lead-mle")  # CliRunner's stdout is not a terminal
    assert "\x1b[" not in piped.output
    assert " ".join(plain.output.split()).count("thin") == " ".join(piped.output.split()).count("thin")


def test_ascii_consoles_get_an_ascii_chart() -> None:
    from rich.console import Console

    from careercli.catalog.loader import load_catalog
    from careercli.catalog.lookup import resolve_role
    from careercli.salary import report as salary
    from careercli.salary.render import role_view
    from careercli.salary.sources import Filters, load_bundled

    catalog = load_catalog(use_cache=False)
    data = load_bundled(catalog)
    report = salary.role_report(catalog, resolve_role(catalog, "ml-engineer"), Filters(), data)
    buffer = io.StringIO()
    out = Console(file=buffer, width=80, no_color=True)
    for part in role_view(report, 80, "ascii"):
        out.print(part)
    text = buffer.getvalue()
    assert "#" in text and "=" in text and "|" in text
    assert not set("┃▒├┤┼") & set(text)


# --- --data FILE ------------------------------------------------------------------------------


def test_data_reads_blank_first_line_extra_id_column_and_estimated_years(
    invoke: Invoke, tmp_path: Path
) -> None:
    text = "\n," + HEADER + "\n" + "".join(f"{i},{row}\n" for i, row in enumerate(ROWS))
    path = write(tmp_path / "old.csv", text)
    data = as_json(invoke, "ml-engineer", "--data", str(path))
    assert data["n"] == 6
    assert data["percentiles"]["p50"] == 125000  # 100K..150K in steps of 10K
    assert data["by_level"]["senior"]["n"] == 5
    assert data["by_level"]["senior"]["p50"] == 120000
    assert data["by_level"]["mid"]["n"] == 1 and data["by_level"]["mid"]["p50"] is None
    assert data["source"]["file"] == str(path) and data["source"]["rows"] == 7
    assert data["source"]["years"] == [2021, 2023]
    two = as_json(invoke, "ml-engineer", "--year", "2021", "--data", str(path))
    assert two["n"] == 2 and two["percentiles"] is None  # fewer than 5 rows: n only
    both = as_json(
        invoke, "ml-engineer", "--employment-type", "FT", "--company-size", "M", "--data", str(path)
    )
    assert both["n"] == 4  # a combination the bundled figures lack: fine from a CSV


def test_data_accepts_an_id_column_the_header_does_not_name(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "r.csv", HEADER + "\n" + "".join(f"{i},{row}\n" for i, row in enumerate(ROWS)))
    assert as_json(invoke, "ml-engineer", "--data", str(path))["n"] == 6


def test_data_ranking_and_text(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", HEADER + "\n" + "\n".join(ROWS) + "\n")
    ranked = as_json(invoke, "--data", str(path))
    assert ranked["roles"][0]["id"] == "ml-engineer"
    result = invoke("salary", "ml-engineer", "--data", str(path), width=80)
    assert result.exit_code == 0, result.output
    flat = "".join(result.output.split())
    assert f"Source:{path}(7rows,7distinct,2021-2023);surveytitlesmappedtorolesbycareercli." in flat
    assert "Median $125K (n=6, thin" in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            HEADER.replace(",salary_in_usd", "") + "\n2024,SE,FT,Data Scientist,1,USD,US,100,US,M\n",
            "line 1: the header has no column salary_in_usd",
        ),
        (
            HEADER + "\n" + ROWS[0] + "\n2024,SE,FT,Data Scientist,1,USD,lots,US,100,US,M\n",
            "line 3: salary_in_usd: 'lots' is not a positive amount",
        ),
        (HEADER + "\n2024,XX,FT,Data Scientist,1,USD,1,US,100,US,M\n", "line 2: experience_level: 'XX'"),
        (HEADER + "\n2024,SE,FT\n", "line 2: 3 fields, the header has 11"),
        ("name,age\nada,36\n", "line 1: not a survey CSV"),
        ("", "no header line"),
        (HEADER + "\n", "no data rows"),
    ],
)
def test_bad_csv_exits_1_naming_file_line_and_problem(
    invoke: Invoke, tmp_path: Path, content: str, expected: str
) -> None:
    path = write(tmp_path / "bad.csv", content)
    result = invoke("salary", "ml-engineer", "--data", str(path))
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"careercli: error: {path}: ")
    assert expected in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary content"),
        (HEADER.encode() + b"\n2024,SE,FT,Data \xff\xfe Scientist,1,USD,1,US,100,US,M\n", "line 2: byte"),
    ],
)
def test_binary_csv_exits_1(invoke: Invoke, tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bin.csv"
    path.write_bytes(content)
    result = invoke("salary", "--data", str(path))
    assert result.exit_code == 1, result.output
    assert str(path) in result.output and expected in result.output
    assert "Traceback" not in result.output


def test_missing_data_file_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("salary", "--data", str(tmp_path / "nope.csv"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.csv'}: no such file" in result.output


@needs_shared
@pytest.mark.parametrize(
    "args",
    [
        ["ml-engineer"],
        ["head-ds", "--level", "executive"],
        ["data-scientist", "--country", "US", "--year", "2024", "--remote", "0"],
        ["lead-mle", "--country", "DE"],
        ["data-engineer", "--employment-type", "CT"],
        ["--level", "entry"],
    ],
)
def test_data_over_the_survey_gives_the_bundled_figures(invoke: Invoke, args: list[str]) -> None:
    bundled = as_json(invoke, *args)
    computed = as_json(invoke, *args, "--data", str(SURVEY_CSV))
    assert bundled.pop("source")["kind"] == "bundled"
    assert computed.pop("source")["kind"] == "csv"
    assert computed == bundled


def test_filters_follow_the_cells_dimensions() -> None:
    from careercli.salary.sources import Filters
    from careercli.salary.survey import DIMENSIONS

    assert Filters._fields == DIMENSIONS  # cells are looked up by tuple(filters)


# --- for other commands -------------------------------------------------------------------------


def test_role_level_median() -> None:
    from careercli.catalog.loader import load_catalog
    from careercli.salary.report import role_level_median

    summary = json.loads((Path(__file__).parent.parent / "data" / "salary_summary.json").read_text())
    senior = summary["roles"]["ml-engineer"]["by_level"]["senior"]
    assert role_level_median("ml-engineer", "senior") == (senior["p50"], senior["n"])
    assert role_level_median("ml-engineer", "SE") == (senior["p50"], senior["n"])
    assert role_level_median("ml-engineer", "senior", load_catalog()) == (senior["p50"], senior["n"])
    assert role_level_median("head-ds", "mid") is None  # one row: no median
    assert role_level_median("nope", "senior") is None
    assert role_level_median("ml-engineer", "guru") is None


# --- the salary facet of show and roles ---------------------------------------------------------


def test_show_salary_facet_is_honest_about_proxies(invoke: Invoke) -> None:
    head = " ".join(invoke("show", "head-ds", width=100).output.split())
    assert "No exact survey title; proxy titles: Head of AI (n=" in head
    assert "The survey has no Head of Data Science" in head  # the title map's note
    manager = " ".join(invoke("show", "data-science-manager", width=100).output.split())
    assert "No exact survey title" not in manager and "No survey title" not in manager
    assert "Data Scientist Manager (n=1)" in manager
    assert "executive: too few rows for a median (n=1)" in manager
    role = json.loads(invoke("show", "data-science-manager", "--json").output)["role"]
    assert role["salary"]["n_direct"] == 1
    assert "gross yearly salary" in role["salary"]["amount"]


def test_roles_footnote_says_gross_yearly_salary(invoke: Invoke) -> None:
    out = " ".join(invoke("roles", width=120).output.split())
    assert "gross yearly salary in USD" in out
    assert "base pay" not in out


def test_a_proxy_made_mostly_of_one_title_says_so(invoke: Invoke) -> None:
    """A proxied salary where one survey title holds over half the rows is marked "mostly
    <title>" in roles, show and compare; a mix with no such title is not."""
    from careercli.catalog.loader import load_catalog
    from careercli.catalog.render import proxy_notes
    from careercli.catalog.role_data import mostly, salary_dict

    catalog = load_catalog()
    sal = catalog.salaries["head-ds"]
    assert mostly(catalog, "head-ds") is None  # Head of AI 16 of 37: no title over half
    catalog.salaries["head-ds"] = sal._replace(title_n={"Head of Data": 136, "Head of AI": 16}, n=152)
    assert mostly(catalog, "head-ds") == ("Head of Data", 136, 152)
    assert salary_dict(catalog, "head-ds")["mostly"] == {"title": "Head of Data", "n": 136, "share": 0.895}
    assert proxy_notes(catalog, [catalog.roles["head-ds"]]) == [
        "head-ds: mostly Head of Data (136 of 152 rows)"
    ]
    catalog.salaries["head-ds"] = sal._replace(title_n={"Head of Data": 76, "Head of AI": 76}, n=152)
    assert mostly(catalog, "head-ds") is None  # exactly half is not "mostly"
    roles = invoke("roles", width=100).output
    assert "* = a proxy" in " ".join(roles.split())


def test_roles_marks_a_thin_median_and_names_its_n(invoke: Invoke) -> None:
    """A median resting on fewer than THIN_N survey rows is marked ~ and its n is given under
    the table; a role with enough rows is not marked."""
    import json

    from careercli.catalog.role_data import THIN_N

    data = json.loads(invoke("roles", "--json").output)
    p50 = {r["id"]: r["salary"]["percentiles"] for r in data["roles"]}
    thin = sorted(i for i, p in p50.items() if p is not None and p["n"] < THIN_N)
    assert "lead-mle" in thin and "data-scientist" not in thin
    out = invoke("roles", width=100).output
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    for role in thin:
        assert "~$" in rows[role], rows[role]
    assert "~$" not in rows["data-scientist"]
    note = " ".join(out.split())
    assert f"~ = thin data, under {THIN_N} survey rows: lead-mle n={p50['lead-mle']['n']}" in note
