"""The O*NET database as a role pack (issue #8): import, show, compare, quiz, fit.

Most tests build a few O*NET tables in tmp_path (the 29.x layout: tab-separated, header
row); the last ones read the real 29.2 tables in ../shared and skip when they are absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import ROOT, SHARED_DATA, Invoke, needs_shared, write

from careercli.catalog.loader import load_catalog
from careercli.fit.onet_fit import ONET_WEIGHTS
from careercli.onet.credit import credit_line
from careercli.onet.importer import skill_matcher

CREDIT = credit_line("29.2")
STATISTICIAN = ROOT / "examples" / "statistician.yaml"
REAL = SHARED_DATA / "onet-29.2"

RIASEC = [("1.B.1.a", "Realistic"), ("1.B.1.b", "Investigative"), ("1.B.1.c", "Artistic"),
          ("1.B.1.d", "Social"), ("1.B.1.e", "Enterprising"), ("1.B.1.f", "Conventional")]  # fmt: skip
PROFILES = {
    "15-2051.00": [2.16, 6.99, 2.59, 1.66, 1.71, 5.40],
    "15-2041.00": [2.10, 6.60, 1.80, 1.70, 1.80, 5.90],
    "29-1214.00": [4.18, 5.64, 1.00, 5.56, 2.74, 4.18],
}


def table(header: list[str], rows: list[list[object]]) -> str:
    return "\r\n".join("\t".join(str(c) for c in line) for line in [header, *rows]) + "\r\n"


def onet_tables(folder: Path) -> Path:
    """Four occupations: Data Scientists (no ETE rows: education from its job zone),
    Statisticians (everything), Emergency Medicine Physicians (no technology skill that is a
    careercli skill) and Managers, All Other (title and description only)."""
    code = "O*NET-SOC Code"
    write(folder / "Read Me.txt", "O*NET 29.2 Database\nFebruary 2025 Release\n")
    occupations = [
        ["15-2051.00", "Data Scientists", "Develop and implement analytics applications."],
        ["15-2041.00", "Statisticians", "Develop or apply mathematical or statistical theory."],
        ["29-1214.00", "Emergency Medicine Physicians", "Treat patients in emergencies."],
        ["11-9199.00", "Managers, All Other", "All managers not listed separately."],
    ]
    write(folder / "Occupation Data.txt", table([code, "Title", "Description"], occupations))
    titles = [
        ["15-2051.00", "Data Scientist", "n/a", "08"],
        ["15-2051.00", "Data Analyst", "n/a", "08"],
        ["15-2051.00", "Machine Learning Engineer", "n/a", "08"],
        ["15-2041.00", "Statistician", "n/a", "08"],
        ["15-2041.00", "Data Analyst", "n/a", "08"],
        ["29-1214.00", "Emergency Room Doctor", "ER Doctor", "08"],
    ]
    write(
        folder / "Alternate Titles.txt", table([code, "Alternate Title", "Short Title", "Source(s)"], titles)
    )
    interests = [
        [c, eid, name, "OI", v, "11/2023", "Machine Learning"]
        for c, values in PROFILES.items()
        for (eid, name), v in zip(RIASEC, values, strict=True)
    ]
    header = [code, "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source"]
    write(folder / "Interests.txt", table(header, interests))
    zones = [["15-2051.00", 4, "11/2021", "Analyst"], ["15-2041.00", 5, "08/2023", "Analyst"]]
    zones.append(["29-1214.00", 5, "08/2023", "Analyst"])
    write(folder / "Job Zones.txt", table([code, "Job Zone", "Date", "Domain Source"], zones))
    names = ["One", "Two", "Three", "Four", "Five"]
    needed = ["Little or No", "Some", "Medium", "Considerable", "Extensive"]
    reference = [
        [z, f"Job Zone {names[z - 1]}: {needed[z - 1]} Preparation Needed", *(f"{t} {z}" for t in texts)]
        for z in range(1, 6)
        for texts in [("experience", "education", "training", "examples", "svp")]
    ]
    header = ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"]
    write(folder / "Job Zone Reference.txt", table(header, reference))
    cats = [["2.D.1", "Required Level of Education", "RL", n, f"level {n}"] for n in range(1, 13)]
    cats += [["3.A.1", "Related Work Experience", "RW", n, f"experience category {n}"] for n in range(1, 12)]
    header = ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"]
    write(folder / "Education, Training, and Experience Categories.txt", table(header, cats))
    rl = {6: 20.0, 8: 60.0, 11: 20.0}  # bachelor 20, master 60, phd 20 -> typical master, minimum bachelor
    rw = {1: 10.0, 6: 20.0, 7: 40.0, 8: 30.0}  # median respondent: category 7 (2-4 years) -> mid
    tail = [28, "0", "n/a", "n/a", "N", "08/2023", "Incumbent"]
    ete = [
        ["15-2041.00", "2.D.1", "Required Level of Education", "RL", c, rl.get(c, 0.0), *tail]
        for c in range(1, 13)
    ]
    ete += [
        ["15-2041.00", "3.A.1", "Related Work Experience", "RW", c, rw.get(c, 0.0), *tail]
        for c in range(1, 12)
    ]
    header = [code, "Element ID", "Element Name", "Scale ID", "Category", "Data Value", "N", "Standard Error"]
    header += ["Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source"]
    write(folder / "Education, Training, and Experience.txt", table(header, ete))
    techs = [
        ["15-2051.00", "Apache Kafka", 43232402, "Development environment software", "Y", "N"],
        ["15-2051.00", "Python", 43232402, "Development environment software", "Y", "Y"],
        ["15-2051.00", "Structured query language SQL", 43232306, "Data base software", "Y", "N"],
        ["15-2051.00", "Microsoft Excel", 43232110, "Spreadsheet software", "N", "N"],
        ["15-2041.00", "R", 43232605, "Analytical or scientific software", "Y", "Y"],
        ["15-2041.00", "SAS", 43232605, "Analytical or scientific software", "Y", "Y"],
        ["15-2041.00", "Minitab", 43232605, "Analytical or scientific software", "N", "N"],
        ["29-1214.00", "Epic Systems", 43231601, "Medical software", "Y", "N"],
    ]
    header = [code, "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"]
    write(folder / "Technology Skills.txt", table(header, techs))
    descriptor_tables(folder)
    return folder


ELEMENTS = {  # id -> (name, group id); a few of O*NET's 35 skills and 33 knowledge areas
    "2.A.1.d": ("Speaking", "2.A.1"),
    "2.B.3.e": ("Programming", "2.B.3"),
    "2.C.4.a": ("Mathematics", "2.C.4"),
    "2.C.5.a": ("Medicine and Dentistry", "2.C.5"),
}
# occupation -> element -> (importance, level)
RATINGS = {
    "15-2051.00": {
        "2.A.1.d": (3.5, 4.0),
        "2.B.3.e": (4.5, 5.0),
        "2.C.4.a": (4.5, 5.5),
        "2.C.5.a": (1.2, 0.3),
    },
    "15-2041.00": {
        "2.A.1.d": (3.6, 4.1),
        "2.B.3.e": (3.9, 4.5),
        "2.C.4.a": (4.9, 6.2),
        "2.C.5.a": (1.5, 0.8),
    },
    "29-1214.00": {
        "2.A.1.d": (4.1, 4.5),
        "2.B.3.e": (1.0, 0.0),
        "2.C.4.a": (3.0, 3.5),
        "2.C.5.a": (4.9, 6.5),
    },
}
WORK_VALUES = [("1.B.2.a", "Achievement"), ("1.B.2.b", "Working Conditions"), ("1.B.2.c", "Recognition"),
               ("1.B.2.d", "Relationships"), ("1.B.2.e", "Support"), ("1.B.2.f", "Independence")]  # fmt: skip


def descriptor_tables(folder: Path) -> None:
    """Skills, Knowledge, Work Values, Task Statements, Related Occupations and the Content
    Model Reference for three of the four occupations (Managers, All Other: none)."""
    code = "O*NET-SOC Code"
    header = [
        code,
        "Element ID",
        "Element Name",
        "Scale ID",
        "Data Value",
        "N",
        "Standard Error",
        "Lower CI Bound",
        "Upper CI Bound",
        "Recommend Suppress",
        "Not Relevant",
        "Date",
        "Domain Source",
    ]
    for name, prefix in (("Skills.txt", ("2.A", "2.B")), ("Knowledge.txt", ("2.C",))):
        rows = []
        for occ, ratings in RATINGS.items():
            for eid, (im, lv) in ratings.items():
                if eid.startswith(prefix):
                    rows.append(
                        [
                            occ,
                            eid,
                            ELEMENTS[eid][0],
                            "IM",
                            im,
                            8,
                            "0.1",
                            "",
                            "",
                            "N",
                            "n/a",
                            "08/2023",
                            "Analyst",
                        ]
                    )
                    relevant = "Y" if im == 1.0 else "N"
                    rows.append(
                        [
                            occ,
                            eid,
                            ELEMENTS[eid][0],
                            "LV",
                            lv,
                            8,
                            "0.1",
                            "",
                            "",
                            "N",
                            relevant,
                            "08/2023",
                            "Analyst",
                        ]
                    )
        write(folder / name, table(header, rows))
    model = [
        ["2.A.1", "Content", "Background structures"],
        ["2.B.3", "Technical Skills", "Designing"],
        ["2.C.4", "Mathematics and Science", "Knowledge of sciences"],
        ["2.C.5", "Health Services", "Care"],
    ]
    model += [[eid, name, f"About {name}."] for eid, (name, _) in ELEMENTS.items()]
    write(folder / "Content Model Reference.txt", table(["Element ID", "Element Name", "Description"], model))
    values = {"15-2051.00": [6.0, 5.5, 4.0, 3.0, 4.5, 5.8], "29-1214.00": [6.5, 5.0, 5.5, 6.2, 4.0, 5.0]}
    rows = [
        [occ, eid, name, "EX", v, "06/2008", "Analyst"]
        for occ, vs in values.items()
        for (eid, name), v in zip(WORK_VALUES, vs, strict=True)
    ]
    rows += [
        [occ, f"1.B.2.{x}", "High-Point", "VH", p, "06/2008", "Analyst"]
        for occ, points in {"15-2051.00": (1, 6, 2), "29-1214.00": (1, 4, 0)}.items()
        for x, p in zip("ghi", points, strict=True)
    ]
    header = [code, "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source"]
    write(folder / "Work Values.txt", table(header, rows))
    tasks = [
        ["15-2051.00", 1, "Apply statistical methods to data.", "Core", 30, "08/2023", "Incumbent"],
        ["15-2051.00", 2, "Write reports of findings.", "Supplemental", 30, "08/2023", "Incumbent"],
        ["15-2041.00", 3, "Design surveys and experiments.", "Core", 30, "08/2023", "Incumbent"],
        ["29-1214.00", 4, "Treat patients in emergencies.", "n/a", "n/a", "08/2023", "Analyst"],
    ]
    header = [code, "Task ID", "Task", "Task Type", "Incumbents Responding", "Date", "Domain Source"]
    write(folder / "Task Statements.txt", table(header, tasks))
    related = [
        ["15-2051.00", "15-2041.00", "Primary-Short", 1],
        ["15-2041.00", "15-2051.00", "Primary-Short", 1],
        ["15-2051.00", "11-9199.00", "Supplemental", 2],
        ["29-1214.00", "15-2041.00", "Supplemental", 1],
    ]
    header = [code, "Related O*NET-SOC Code", "Relatedness Tier", "Index"]
    write(folder / "Related Occupations.txt", table(header, related))


@pytest.fixture
def tables(tmp_path: Path) -> Path:
    return onet_tables(tmp_path / "onet")


@pytest.fixture
def imported(invoke: Invoke, tables: Path) -> Path:
    result = invoke("data", "import-onet", str(tables))
    assert result.exit_code == 0, result.output
    return tables


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- import --------------------------------------------------------------------------------


def test_import_prints_a_summary_and_the_credit(invoke: Invoke, tables: Path, user_home: Path) -> None:
    result = invoke("data", "import-onet", str(tables), width=200)
    assert result.exit_code == 0, result.output
    pack = user_home / "packs" / "onet"
    assert f"Imported 4 occupations from the O*NET 29.2 Database into {pack}:" in result.output
    assert (
        "3 with interests (RIASEC), 3 with a job zone, 3 with education, 3 with an experience level "
        "(2 of them from the job zone), "
        "2 with technology skills mapped to careercli skills (3 list technology skills)."
        in " ".join(result.output.split())
    )
    assert CREDIT in " ".join(result.output.split())
    assert (pack / "occupations.json").is_file()


def test_import_json_summary(invoke: Invoke, tables: Path) -> None:
    data = json.loads(invoke("data", "import-onet", str(tables), "--json").output)
    assert data["occupations"] == 4
    assert data["release"] == "29.2"
    assert data["with_interests"] == 3
    assert data["with_mapped_skills"] == 2
    assert data["credit"] == CREDIT


def test_a_missing_table_exits_1_naming_the_file_and_its_columns(invoke: Invoke, tables: Path) -> None:
    (tables / "Interests.txt").unlink()
    result = invoke("data", "import-onet", str(tables), width=300)
    assert result.exit_code == 1
    assert "Interests.txt: no such file" in result.output
    assert "O*NET-SOC Code, Element ID, Scale ID, Data Value" in result.output
    assert "Traceback" not in result.output


def test_a_missing_column_exits_1_naming_the_file_and_the_column(invoke: Invoke, tables: Path) -> None:
    replace_in(tables / "Job Zones.txt", "Job Zone\t", "JobZone\t")
    result = invoke("data", "import-onet", str(tables), width=300)
    assert result.exit_code == 1
    assert (
        "Job Zones.txt: column 'Job Zone' is missing from the header (did you mean 'JobZone'?)"
        in result.output
    )


def test_a_non_numeric_value_names_the_file_line_and_column(invoke: Invoke, tables: Path) -> None:
    replace_in(tables / "Interests.txt", "\tOI\t6.99\t", "\tOI\tsix\t")
    result = invoke("data", "import-onet", str(tables), width=300)
    assert result.exit_code == 1
    assert "Interests.txt: line 3: column 'Data Value': 'six' is not a number" in result.output


def test_an_out_of_range_interest_and_a_bad_flag_are_errors(invoke: Invoke, tables: Path) -> None:
    replace_in(tables / "Interests.txt", "\tOI\t6.99\t", "\tOI\t9.5\t")
    result = invoke("data", "import-onet", str(tables), width=300)
    assert "Interests.txt: line 3: column 'Data Value': 9.5 is out of range; expected 1 to 7" in result.output
    onet_tables(tables)
    replace_in(tables / "Technology Skills.txt", "\tY\tY", "\tyes\tY")
    result = invoke("data", "import-onet", str(tables), width=300)
    assert result.exit_code == 1
    assert "Technology Skills.txt: line 3: column 'Hot Technology': 'yes' is not Y or N" in result.output


def test_a_failed_import_leaves_the_previous_pack(invoke: Invoke, imported: Path, user_home: Path) -> None:
    pack = user_home / "packs" / "onet" / "occupations.json"
    before = pack.read_bytes()
    replace_in(imported / "Occupation Data.txt", "15-2041.00\t", "15-204.00\t")
    result = invoke("data", "import-onet", str(imported), width=300)
    assert result.exit_code == 1
    assert "Occupation Data.txt: line 3: column 'O*NET-SOC Code': '15-204.00' is not an O*NET-SOC code" in (
        result.output
    )
    assert pack.read_bytes() == before
    assert sorted(p.name for p in pack.parent.parent.iterdir()) == ["onet"]  # no temporary folders left


def test_the_release_comes_from_read_me_or_the_option(invoke: Invoke, tables: Path) -> None:
    (tables / "Read Me.txt").unlink()
    result = invoke("data", "import-onet", str(tables), width=300)
    assert result.exit_code == 1
    assert "pass --release (e.g. --release 29.2)" in result.output
    data = json.loads(invoke("data", "import-onet", str(tables), "--release", "29.1", "--json").output)
    assert data["credit"] == CREDIT.replace("29.2", "29.1")


def test_a_bad_folder_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("data", "import-onet", str(tmp_path / "nope"), width=300)
    assert result.exit_code == 1
    assert "nope: no such folder" in result.output


def test_technology_skills_map_by_name_alias_and_o_net_spelling() -> None:
    match = skill_matcher(load_catalog().skills)
    assert match("Python") == "python"
    assert match("Structured query language SQL") == "sql"
    assert match("Amazon Web Services AWS software") == "aws"
    assert match("Oracle Java") == "java"
    assert match("Data visualization software") == "data-visualization"
    assert match("Structure query language SQL") == "sql"
    assert match("Electronic design automation EDA software") is None  # EDA is not exploratory analysis
    assert match("Microsoft Word") is None


# --- show, compare, names ------------------------------------------------------------------


def test_catalog_onet_before_any_import_says_how(invoke: Invoke) -> None:
    result = invoke("quiz", "--answers", str(STATISTICIAN), "--catalog", "onet", width=300)
    assert result.exit_code == 1
    assert "no O*NET pack imported yet; run `careercli data import-onet DIR`" in result.output


def test_an_o_net_code_before_any_import_says_how(invoke: Invoke) -> None:
    result = invoke("show", "15-2051.00", width=300)
    assert result.exit_code == 2
    assert (
        "an O*NET code: import the O*NET tables first with `careercli data import-onet DIR`" in result.output
    )


def test_an_unknown_catalog_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("roles", "--catalog", "onnet")
    assert result.exit_code == 2
    assert "did you mean 'onet'?" in result.output


@pytest.mark.usefixtures("imported")
def test_show_code_title_and_alternate_title(invoke: Invoke) -> None:
    for args in (["15-2051.00"], ["Data Scientists"], ["data scientist", "--catalog", "onet"]):
        result = invoke("show", *args, width=100)
        assert result.exit_code == 0, result.output
        assert result.output.startswith("Data Scientists (15-2051.00)\n")
    # in the default catalog the curated role keeps its own name
    assert invoke("show", "data scientist").output.startswith("Data Scientist (data-scientist)\n")
    out = invoke("show", "15-2051.00", width=200).output
    assert "O*NET-SOC 15-2051.00 · Computer and Mathematical · Job Zone 4" in out
    assert "Interests (RIASEC)\n  Investigative 7.0\n  Conventional 5.4\n  Artistic 2.6\n" in out
    assert "Job Zone Four: Considerable Preparation Needed" in out
    assert "Minimum: Bachelor's degree (from its job zone)" in out
    assert "Python (5) from Python" in out
    assert "Python (hot, in demand)" in out
    assert "No O*NET work-experience survey: careercli level 'mid', as its job zone states" in out
    assert " ".join(out.split()).endswith(CREDIT)


@pytest.mark.usefixtures("imported")
def test_show_json_carries_the_profile_job_zone_and_credit(invoke: Invoke) -> None:
    data = json.loads(invoke("show", "15-2041.00", "--catalog", "onet", "--json").output)
    role = data["role"]
    assert data["credit"] == role["credit"] == role["interests"]["credit"] == CREDIT
    assert role["interests"]["scores"]["investigative"] == 6.6
    assert role["onet"]["job_zone"]["name"] == "Job Zone Five: Extensive Preparation Needed"
    assert role["education"]["typical"] == "master" and role["education"]["minimum"] == "bachelor"
    assert role["level"] == "mid"  # median respondent: over 2 years up to 4
    assert role["outlook"] is None and role["industries"] == [] and role["responsibilities"] == []
    assert {"name": "R", "category": "Analytical or scientific software", "hot": True, "in_demand": True} in (
        role["tools"]
    )


@pytest.mark.usefixtures("imported")
def test_a_shared_alternate_title_lists_the_occupations(invoke: Invoke) -> None:
    result = invoke("show", "data analyst", "--catalog", "onet", width=300)
    assert result.exit_code == 2
    assert (
        "'data analyst' is an alternate title of 2 O*NET occupations: 15-2041.00 (Statisticians), "
        "15-2051.00 (Data Scientists); give the code or the title" in result.output
    )


@pytest.mark.usefixtures("imported")
def test_curated_names_win_over_o_net_alternate_titles(invoke: Invoke) -> None:
    data = json.loads(invoke("show", "Machine Learning Engineer", "--json").output)
    assert data["role"]["id"] == "ml-engineer"
    assert "credit" not in data  # a curated role: its JSON is as before


@pytest.mark.usefixtures("imported")
def test_compare_an_occupation_with_a_curated_role(invoke: Invoke) -> None:
    result = invoke("compare", "15-2051.00", "data-scientist", width=140)
    assert result.exit_code == 0, result.output
    assert "15-2051.00 · mid" in result.output
    assert "data-scientist · mid" in result.output or "data-scientist · " in result.output
    assert CREDIT in " ".join(result.output.split())
    data = json.loads(invoke("compare", "15-2051.00", "data-scientist", "--json").output)
    assert [r["id"] for r in data["roles"]] == ["15-2051.00", "data-scientist"]
    assert data["credit"] == CREDIT
    assert "python" in data["shared"]["skills"]


def test_data_dir_merges_the_pack_over_the_bundled_roles(
    invoke: Invoke, imported: Path, user_home: Path
) -> None:
    pack = str(user_home / "packs" / "onet")
    data = json.loads(invoke("--data-dir", pack, "roles", "--json").output)
    ids = [r["id"] for r in data["roles"]]
    assert len(ids) == 24 and "head-ds" in ids and "15-2051.00" in ids
    assert data["credit"] == CREDIT
    valid = invoke("data", "validate", pack)
    assert valid.exit_code == 0 and "24 roles" in valid.output


# --- quiz and fit --------------------------------------------------------------------------


@pytest.mark.usefixtures("imported")
def test_quiz_ranks_every_occupation(invoke: Invoke) -> None:
    data = json.loads(
        invoke("quiz", "--answers", str(STATISTICIAN), "--catalog", "onet", "--json", "--no-save").output
    )
    results = data["results"]
    assert sorted(r["role"] for r in results) == ["11-9199.00", "15-2041.00", "15-2051.00", "29-1214.00"]
    keys = [(-r["score"], r["role"]) for r in results]
    assert keys == sorted(keys)
    assert data["catalog"] == "onet" and data["credit"] == CREDIT and data["source"] == "O*NET 29.2 Database"
    for r in results:  # points add up to the score; the four parts O*NET can describe weigh 1
        assert abs(sum(c["points"] for c in r["components"].values()) - r["score"]) < 0.1
        assert abs(sum(c["weight"] for c in r["components"].values()) - 1) < 1e-3
        assert r["components"]["preferences"]["weight"] == 0


@pytest.mark.usefixtures("imported")
def test_no_mapped_skills_is_no_data_and_earns_nothing(invoke: Invoke, tmp_path: Path) -> None:
    """A part without data earns none of its points: an occupation described by interests and
    education alone ranks below one described fully, and says what its parts alone give.
    Excel is none of the physicians' technologies, and the O*NET elements it stands for
    (Computers and Electronics, Administrative) are none the fixture rates."""
    answers = write(tmp_path / "excel.yaml", "experience_years: 3\neducation: bachelor\nskills: {excel: 3}\n")
    data = json.loads(
        invoke("quiz", "--answers", str(answers), "--catalog", "onet", "--json", "--no-save").output
    )
    er = next(r for r in data["results"] if r["role"] == "29-1214.00")
    basis = sum(ONET_WEIGHTS[n] for n in ("skills", "experience", "interests", "education"))
    assert er["components_with_data"] == ["experience", "interests", "education"]  # level: its job zone
    assert er["weight_with_data"] == pytest.approx(1 - ONET_WEIGHTS["skills"] / basis, abs=1e-4)
    skills = er["components"]["skills"]
    assert skills["has_data"] is False and skills["score"] is None and skills["points"] == 0
    assert skills["weight"] == pytest.approx(ONET_WEIGHTS["skills"] / basis, abs=1e-4)
    assert skills["detail"].startswith(
        "no data: none of the occupation's O*NET technology skills is a careercli skill, and you have no"
    )
    assert skills["detail"].endswith(f"earns none of its {100 * ONET_WEIGHTS['skills'] / basis:.0f} points")
    parts = [er["components"][name] for name in ("experience", "interests", "education")]
    assert parts[1]["weight"] == pytest.approx(ONET_WEIGHTS["interests"] / basis, abs=1e-4)
    expected = 100 * sum(part["weight"] * part["score"] for part in parts)
    assert er["score"] == pytest.approx(expected, abs=0.05)
    assert er["score_on_data"] == pytest.approx(er["score"] / er["weight_with_data"], abs=0.1)
    scientists = next(r for r in data["results"] if r["role"] == "15-2051.00")  # Excel is theirs
    assert scientists["score"] > er["score"] and er["score_on_data"] > er["score"]
    empty = next(r for r in data["results"] if r["role"] == "11-9199.00")
    assert empty["score"] == 0 and empty["components_with_data"] == [] and empty["score_on_data"] is None


@pytest.mark.usefixtures("imported")
def test_quiz_text_shows_no_data_and_the_credit(invoke: Invoke) -> None:
    out = invoke("quiz", "--answers", str(STATISTICIAN), "--catalog", "onet", "--no-save", width=300).output
    assert "Your best-fitting occupations (top 4 of 4)" in out
    assert out.index("15-2041.00 Statisticians") < out.index("29-1214.00 Emergency Medicine Physicians")
    assert "no data" in out and "preferences not scored" in out
    assert "earns none of its points" in " ".join(out.split())
    header = next(line for line in out.splitlines() if "Score" in line and "Skills" in line)
    assert "Education" in header and "Pref" not in header  # no occupation is scored on it
    assert "preferences are not scored (O*NET lists no industries)" in " ".join(out.split())
    assert CREDIT in " ".join(out.split())
    assert "Matching jobs" not in out  # jobs name curated roles, never occupations


@pytest.mark.usefixtures("imported")
def test_fit_and_plan_explain_an_occupation(invoke: Invoke) -> None:
    out = invoke("fit", "Statisticians", "--answers", str(STATISTICIAN), width=300).output
    assert "Statisticians (15-2041.00)" in out
    assert (
        "scored on the parts with data: skills, experience, interests, education (100% of the weight)." in out
    )
    assert "O*NET related work experience, median respondent: 'experience category 7'" in out
    assert "field of study: no data (O*NET names none), not scored" in out
    assert CREDIT in " ".join(out.split())
    plan = json.loads(invoke("plan", "15-2041.00", "--answers", str(STATISTICIAN), "--json").output)
    assert plan["credit"] == CREDIT
    assert [s["skill"] for s in plan["steps"]] == ["sas"]


def test_bundled_results_are_unchanged_by_an_import(invoke: Invoke, tables: Path) -> None:
    args = ("quiz", "--answers", str(STATISTICIAN), "--json", "--no-save")
    before = invoke(*args).output
    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    assert invoke(*args).output == before
    assert len(json.loads(before)["results"]) == 20
    assert invoke("show", "head-ds", "--json").output == invoke("show", "head-ds", "--json").output


# --- the real O*NET 29.2 tables ------------------------------------------------------------


@needs_shared
@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/data/onet-29.2 is absent")
def test_the_real_29_2_tables(invoke: Invoke) -> None:
    data = json.loads(invoke("data", "import-onet", str(REAL), "--json").output)
    assert data["occupations"] >= 900
    assert data["release"] == "29.2"
    show = json.loads(invoke("show", "15-2051.00", "--json").output)["role"]
    assert show["title"] == "Data Scientists"
    assert set(show["interests"]["scores"]) == {"realistic", "investigative", "artistic", "social",
                                                "enterprising", "conventional"}  # fmt: skip
    assert show["onet"]["job_zone"]["zone"] == 4
    text = invoke("show", "15-2051.00", width=80).output
    assert "Job Zone Four: Considerable Preparation Needed" in text and "Investigative 7.0" in text
    quiz = json.loads(
        invoke("quiz", "--answers", str(STATISTICIAN), "--catalog", "onet", "--json", "--no-save").output
    )
    assert len(quiz["results"]) == data["occupations"]


@pytest.mark.usefixtures("imported")
def test_markdown_of_an_occupation_carries_its_level_and_credit(invoke: Invoke) -> None:
    scientists = invoke("show", "15-2051.00", "--markdown").output
    assert scientists.startswith("# Data Scientists (`15-2051.00`)")
    assert "Level: mid · family: computer-and-mathematical" in scientists and CREDIT in scientists
    assert "Level: no data" in invoke("show", "11-9199.00", "--markdown").output
    both = invoke("compare", "15-2051.00", "data-scientist", "--markdown").output
    assert both.count(CREDIT) == 1


@pytest.mark.usefixtures("imported")
def test_a_technology_that_is_no_careercli_skill_weighs_1_and_earns_nothing(invoke: Invoke) -> None:
    """Statisticians: R and SAS (In Demand, 5) are careercli skills, Minitab is not. R at the
    mid-level target earns 25 of 25 + 25 + 1: Minitab cannot be asked about, so it earns nothing."""
    fit = json.loads(invoke("fit", "15-2041.00", "--answers", str(STATISTICIAN), "--json").output)
    skills = fit["result"]["components"]["skills"]
    assert (
        "technology" in skills["detail"] and "49% of the role's skill weight" in skills["detail"]
    )  # 25 of 51
    assert (
        "1 of its technologies (2% of the weight) are no careercli skill and earn nothing" in skills["detail"]
    )
    technology = [i for i in skills["items"] if i["part"] == "technology"]
    assert [i["skill"] for i in technology] == ["r", "sas"]


def test_a_share_o_net_recommends_suppressing_is_left_out(invoke: Invoke, tables: Path) -> None:
    """Statisticians: master 60% is the typical degree, unless O*NET marks that share as too
    imprecise to show; then bachelor and phd (20% each) remain, and the lower one is typical."""
    ete = tables / "Education, Training, and Experience.txt"
    lines = ete.read_bytes().decode("utf-8").split("\r\n")
    master = next(i for i, line in enumerate(lines) if "\tRL\t8\t60.0\t" in line)
    lines[master] = lines[master].replace("\tN\t08/2023", "\tY\t08/2023")
    ete.write_bytes("\r\n".join(lines).encode("utf-8"))
    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    education = json.loads(invoke("show", "15-2041.00", "--json").output)["role"]["education"]
    assert education["typical"] == "bachelor" and education["minimum"] == "bachelor"
