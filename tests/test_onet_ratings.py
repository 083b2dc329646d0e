"""O*NET's skills and knowledge ratings, work values, tasks and related occupations (issue 18):
import, the answers file's `onet_skills` and `work_values`, the crosswalk, and the rankings
they give on the real 29.2 tables (those tests skip without ../shared)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.conftest import ROOT, SHARED_DATA, Invoke, needs_shared, write
from tests.test_onet import onet_tables, replace_in

from careercli.catalog.loader import load_catalog
from careercli.common.errors import DataError
from careercli.common.paths import bundled_data_dir
from careercli.common.yamlio import load_yaml
from careercli.profile.answers import parse_answers

REAL = SHARED_DATA / "onet-29.2"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def tables(tmp_path: Path) -> Path:
    return onet_tables(tmp_path / "onet")


def pack(home: Path) -> dict[str, object]:
    return json.loads((home / "packs" / "onet" / "occupations.json").read_text(encoding="utf-8"))


def occupation(home: Path, code: str) -> dict[str, object]:
    found = [o for o in pack(home)["occupations"] if o["code"] == code]  # type: ignore[attr-defined]
    return found[0]  # type: ignore[no-any-return]


# --- import ---------------------------------------------------------------------------------


def test_ratings_work_values_tasks_and_related_are_imported(
    invoke: Invoke, tables: Path, user_home: Path
) -> None:
    data = json.loads(invoke("data", "import-onet", str(tables), "--json").output)
    assert (data["with_ratings"], data["with_work_values"], data["with_related"], data["elements"]) == (
        3,
        2,
        3,
        4,
    )
    scientists = occupation(user_home, "15-2051.00")
    assert scientists["ratings"]["2.B.3.e"] == [4.5, 5.0]  # type: ignore[index]
    assert scientists["work_values"]["high_points"] == ["achievement", "independence", "working-conditions"]  # type: ignore[index]
    assert scientists["related"] == [["15-2041.00", "Primary-Short"], ["11-9199.00", "Supplemental"]]
    physicians = occupation(user_home, "29-1214.00")
    assert physicians["ratings"]["2.B.3.e"] == [1.0, 0.0]  # type: ignore[index]  # Not Relevant: level 0
    tasks = json.loads((user_home / "packs" / "onet" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
    assert tasks["15-2051.00"] == [["Apply statistical methods to data.", "Core"],
                                   ["Write reports of findings.", "Supplemental"]]  # fmt: skip
    assert tasks["29-1214.00"] == [["Treat patients in emergencies.", ""]]
    elements = pack(user_home)["elements"]
    assert elements["2.C.5.a"]["group"] == "Health Services"  # type: ignore[index]
    assert elements["2.B.3.e"]["mean_level"] == pytest.approx((5.0 + 4.5 + 0.0) / 3, abs=1e-3)  # type: ignore[index]


def test_a_suppressed_level_is_left_out_and_its_importance_kept(
    invoke: Invoke, tables: Path, user_home: Path
) -> None:
    skills = tables / "Skills.txt"
    replace_in(
        skills,
        "15-2041.00\t2.B.3.e\tProgramming\tLV\t4.5\t8\t0.1\t\t\tN\t",
        "15-2041.00\t2.B.3.e\tProgramming\tLV\t4.5\t8\t0.1\t\t\tY\t",
    )
    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    assert occupation(user_home, "15-2041.00")["ratings"]["2.B.3.e"] == [3.9, None]  # type: ignore[index]


BAD_DESCRIPTORS = [
    ("Skills.txt", "\tLV\t5.0\t", "\tLV\t9.5\t",
     "Skills.txt: line 5: column 'Data Value': 9.5 is out of range; expected 0 to 7"),
    ("Knowledge.txt", "\tIM\t4.5\t", "\tXX\t4.5\t",
     "Knowledge.txt: line 2: column 'Scale ID': 'XX' is not IM or LV"),
    ("Skills.txt", "\tN\tn/a\t", "\tmaybe\tn/a\t",
     "Skills.txt: line 2: column 'Recommend Suppress': 'maybe' is not Y, N, n/a or blank"),
    ("Related Occupations.txt", "Primary-Short", "Closest",
     "column 'Relatedness Tier': 'Closest' is not Primary-Short, Primary-Long or Supplemental"),
    ("Task Statements.txt", "\tCore\t", "\tMain\t",
     "Task Statements.txt: line 2: column 'Task Type': 'Main' is not Core, Supplemental or n/a"),
    ("Work Values.txt", "\tEX\t6.0\t", "\tEX\tsix\t",
     "Work Values.txt: line 2: column 'Data Value': 'six' is not a number"),
]  # fmt: skip


@pytest.mark.parametrize(("file", "old", "new", "message"), BAD_DESCRIPTORS)
def test_a_bad_descriptor_is_one_line_naming_file_line_and_column(
    invoke: Invoke, tables: Path, user_home: Path, file: str, old: str, new: str, message: str
) -> None:
    """And the pack imported before it stays as it was."""
    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    before = (user_home / "packs" / "onet" / "occupations.json").read_bytes()
    replace_in(tables / file, old, new)
    result = invoke("data", "import-onet", str(tables))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and message in result.output, result.output
    assert (user_home / "packs" / "onet" / "occupations.json").read_bytes() == before


def test_a_missing_descriptor_table_names_it(invoke: Invoke, tables: Path) -> None:
    (tables / "Knowledge.txt").unlink()
    result = invoke("data", "import-onet", str(tables))
    assert result.exit_code == 1 and "Knowledge.txt: no such file" in result.output


# --- answers --------------------------------------------------------------------------------


def answers(**extra: object) -> dict[str, object]:
    return {"schema_version": 1, "experience_years": 4, "education": "bachelor", **extra}


def test_onet_skills_by_name_or_id_and_work_values() -> None:
    catalog = load_catalog()
    profile = parse_answers(
        answers(onet_skills={"Programming": 5, "2.C.4.a": 6.5, "medicine and dentistry": 2},
                work_values={"Achievement": 5, "working_conditions": 2}),
        catalog, "a.yaml",
    )  # fmt: skip
    assert profile.onet_skills == {"2.B.3.e": 5.0, "2.C.4.a": 6.5, "2.C.5.a": 2.0}
    assert profile.work_values == {"achievement": 5, "working-conditions": 2}
    both = parse_answers(answers(onet_skills={"Mathematics": 4}), catalog, "a.yaml")
    assert both.onet_skills == {"2.A.1.e": 4.0, "2.C.4.a": 4.0}  # the skill and the knowledge area
    assert parse_answers(answers(), catalog, "a.yaml").onet_skills == {}  # schema 1 without them


BAD_ANSWERS = [
    ({"onet_skills": {"Programing": 5}},
     "a.yaml: onet_skills.Programing: unknown O*NET skill or knowledge area 'Programing' "
     "(did you mean 'Programming'?)"),
    ({"onet_skills": {"Programming": 8}}, "a.yaml: onet_skills.Programming:"),
    ({"onet_skills": {"Programming": 3, "2.B.3.e": 4}}, "both set 2.B.3.e; keep one"),
    ({"work_values": {"acheivement": 4}}, "unknown work value 'acheivement'; expected one of achievement"),
    ({"work_values": {"support": 6}}, "a.yaml: work_values.support:"),
]  # fmt: skip


@pytest.mark.parametrize(("extra", "message"), BAD_ANSWERS)
def test_bad_onet_answers_are_one_line_errors(extra: dict[str, object], message: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_answers(answers(**extra), load_catalog(), "a.yaml")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_answers_with_onet_parts_round_trip(invoke: Invoke, tmp_path: Path) -> None:
    saved = tmp_path / "out.yaml"
    result = invoke(
        "quiz", "--answers", str(EXAMPLES / "nurse.yaml"), "--save-answers", str(saved), "--no-save", "--json"
    )
    assert result.exit_code == 0, result.output
    again = load_yaml(saved)
    assert again["onet_skills"]["2.C.5.a"] == 5 and again["work_values"]["relationships"] == 5
    assert invoke("quiz", "--answers", str(saved), "--no-save", "--json").output == result.output


# --- the crosswalk --------------------------------------------------------------------------


def test_every_crosswalk_entry_is_a_careercli_skill_and_an_o_net_element() -> None:
    from careercli.fit.onet_fit import load_crosswalk

    skills = load_catalog().skills
    walk = load_crosswalk(skills)
    assert len(walk.elements) == 68
    assert {"python", "statistics", "communication", "people-management"} <= set(walk.skills)
    assert walk.skills["python"][0] == ("2.B.3.e", 1.0)  # Programming
    assert {e for e, _ in walk.skills["communication"]} >= {"2.A.1.d", "2.A.1.c"}  # Speaking, Writing
    assert ("2.B.5.d", 1.0) in walk.skills["people-management"]  # Management of Personnel Resources
    assert {e for e, _ in walk.skills["statistics"]} >= {"2.C.4.a", "2.A.1.e"}  # Mathematics, both


@needs_shared
@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/data/onet-29.2 is absent")
def test_the_crosswalk_names_o_net_29_2_elements_exactly() -> None:
    named = load_yaml(bundled_data_dir() / "onet_crosswalk.yaml")["elements"]
    real: dict[str, str] = {}
    for file in ("Skills.txt", "Knowledge.txt"):
        for line in (REAL / file).read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            real[cells[1]] = cells[2]
    assert named == real


# --- rankings on the real tables ------------------------------------------------------------


@pytest.fixture(scope="module")
def real_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not REAL.is_dir():
        pytest.skip("../shared/data/onet-29.2 is absent")
    return tmp_path_factory.mktemp("real-onet")


def top(invoke: Invoke, home: Path, example: str, n: int = 5) -> list[str]:
    env = {"CAREERCLI_HOME": str(home)}
    if not (home / "packs" / "onet" / "occupations.json").is_file():
        assert invoke("data", "import-onet", str(REAL), env=env).exit_code == 0
    args = ("quiz", "--answers", str(EXAMPLES / example), "--catalog", "onet", "--json", "--no-save")
    results = json.loads(invoke(*args, env=env).output)["results"]
    return [r["role"] for r in results[:n]]


@needs_shared
def test_an_engineer_gets_software_and_data_occupations(invoke: Invoke, real_home: Path) -> None:
    best = top(invoke, real_home, "engineer.yaml")
    assert all(code.startswith("15-1") or code.startswith("15-2") for code in best), best
    assert {"15-1252.00", "15-1221.00", "15-2051.00"} <= set(best), best


@needs_shared
def test_a_statistician_gets_statisticians_and_data_scientists(invoke: Invoke, real_home: Path) -> None:
    """Statisticians and Data Scientists both in the top 5 (issue 18's ask)."""
    best = top(invoke, real_home, "statistician.yaml", 6)
    assert "15-2041.00" in best[:5], best
    assert "15-2051.00" in best[:5], best
    assert all(code[:2] in ("15", "13", "19") for code in best), best  # math, finance, science


@needs_shared
@pytest.mark.parametrize(
    ("example", "code"),
    [("nurse.yaml", "29-1141.00"), ("teacher.yaml", "25-2031.00"), ("electrician.yaml", "47-2111.00")],
)
def test_profiles_from_outside_data_work_land_on_their_own_occupation(
    invoke: Invoke, real_home: Path, example: str, code: str
) -> None:
    assert code in top(invoke, real_home, example), example


# --- show -----------------------------------------------------------------------------------


def test_show_an_occupation_s_ratings_tasks_related_and_work_values(invoke: Invoke, tables: Path) -> None:
    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    text = " ".join(invoke("show", "15-2051.00", width=100).output.split())
    assert "Skills (O*NET ratings) Programming: importance 4.5, level 5.0 Speaking: importance 3.5" in text
    assert "Knowledge (O*NET ratings) Mathematics (knowledge): importance 4.5, level 5.5" in text
    assert (
        "Core tasks • Apply statistical methods to data. (1 supplemental: show --json lists them all)" in text
    )
    assert "15-2041.00 Statisticians (Primary-Short) 11-9199.00 Managers, All Other (Supplemental)" in text
    assert "Work values Achievement 6.0, Independence 5.8, Working Conditions 5.5" in text
    assert "Highest: Achievement, Independence, Working Conditions" in text
    assert "No data: no BLS wages for this occupation's SOC (or imported without --bls)." in text
    role = json.loads(invoke("show", "15-2051.00", "--json").output)["role"]
    profile = role["onet_profile"]
    assert (
        profile["tasks"]["core"] == ["Apply statistical methods to data."]
        and profile["tasks"]["supplemental"] == 1
    )
    assert profile["related"][0] == {"code": "15-2041.00", "title": "Statisticians", "tier": "Primary-Short"}
    assert role["us_wages"] is None and role["outlook"] is None


def test_a_bls_folder_joins_wages_and_projections_by_soc(
    invoke: Invoke, tables: Path, tmp_path: Path
) -> None:
    bls = tmp_path / "bls"
    matrix = "2024 National Employment Matrix"
    header = [f"{matrix} title", f"{matrix} code", "Occupation type", "Employment, 2024", "Employment, 2034",
              "Employment change, numeric, 2024-34",
              "Employment change, percent, 2024-34", "Occupational openings, 2024-34 annual average",
              "Typical education needed for entry"]  # fmt: skip
    rows = [header, ["Data scientists", "15-2051", "Line item", "245.9", "328.3", "82.4", "33.5", "23.4",
                     "Bachelor's degree"]]  # fmt: skip
    write(bls / "ep_table_1_2_2024_34.csv", "\n".join(",".join(f'"{c}"' for c in r) for r in rows) + "\n")
    cols = ["OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN",
            "A_PCT75", "A_PCT90"]  # fmt: skip
    wage = ["15-2051", "Data Scientists", "detailed", "233,440", "124,590", "63,650", "82,630", "112,590",
            "155,810", "194,410"]  # fmt: skip
    write(
        bls / "oews_national_M2024.csv", "\n".join(",".join(f'"{c}"' for c in r) for r in (cols, wage)) + "\n"
    )
    result = invoke("data", "import-onet", str(tables), "--bls", str(bls), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["with_us_wages"] == 1
    role = json.loads(invoke("show", "15-2051.00", "--json").output)["role"]
    assert role["us_wages"]["p50"] == 112590 and role["us_wages"]["soc"] == "15-2051"
    assert role["outlook"]["growth_pct"] == 33.5 and role["outlook"]["period"] == "2024-2034"
    text = " ".join(invoke("show", "15-2051.00", width=100).output.split())
    assert "Median $112,590 (May 2024)" in text and "+33.5% over 2024-2034 (Much faster than average)" in text
    missing = invoke("data", "import-onet", str(tables), "--bls", str(tmp_path))
    assert (
        missing.exit_code == 1 and "ep_table_1_2_2024_34.csv: no such file (--bls expects" in missing.output
    )


@needs_shared
def test_show_data_scientists_from_the_real_tables(invoke: Invoke, real_home: Path) -> None:
    top(invoke, real_home, "engineer.yaml")  # imports the pack (the BLS tables sit beside O*NET's)
    env = {"CAREERCLI_HOME": str(real_home)}
    text = " ".join(invoke("show", "15-2051.00", width=100, env=env).output.split())
    assert "Median $112,590 (May 2024)" in text
    assert "+33.5% over 2024-2034 (Much faster than average)" in text
    assert "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics" in text
    assert "Source: U.S. Bureau of Labor Statistics, Employment Projections 2024-34" in text
    assert "Core tasks • " in text and "Related occupations 15-2041.00 Statisticians (Primary-Short)" in text
    assert "O*NET rates none for this occupation: the mean of its related Statisticians (15-2041.00)" in text
    assert text.count("O*NET rates none for this occupation") == 1
    assert "This product includes information from the O*NET 29.2 Database" in text


# --- next -----------------------------------------------------------------------------------

STATISTICIAN = EXAMPLES / "statistician.yaml"


def test_next_ranks_an_occupation_s_related_ones_by_fit(invoke: Invoke, tables: Path) -> None:
    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    data = json.loads(invoke("next", "15-2051.00", "--answers", str(STATISTICIAN), "--json").output)
    assert data["from"]["role"] == "15-2051.00" and data["from"]["tier"] is None
    moves = data["next"]
    assert [m["role"] for m in moves] == ["15-2041.00", "11-9199.00"]  # by fit, not O*NET's order
    assert [m["tier"] for m in moves] == ["Primary-Short", "Supplemental"]
    assert moves[0]["score"] >= moves[1]["score"]
    assert {g["kind"] for g in moves[0]["gaps"]} <= {"skill", "onet-skill", "onet-knowledge"}
    assert moves[0]["gaps"][0] == {
        "kind": "skill",
        "id": "sas",
        "name": "SAS",
        "have": 3,  # R 5/5 counts as SAS 3/5 (a substitute, data/related_skills.yaml)
        "need": 4,
        "scale": "1-5",
    }
    assert moves[0]["pay"] is None and moves[0]["outlook"] is None  # imported without BLS tables
    assert data["credit"].startswith("This product includes information from the O*NET 29.2 Database")
    text = " ".join(invoke("next", "15-2051.00", "--answers", str(STATISTICIAN), width=100).output.split())
    assert "From Data Scientists (15-2051.00):" in text
    assert "1. Statisticians (15-2041.00) · Primary-Short ·" in text and "gaps: SAS 3→4/5" in text


def test_next_for_a_curated_role_uses_its_related_roles(invoke: Invoke) -> None:
    data = json.loads(invoke("next", "data-analyst", "--answers", str(STATISTICIAN), "--json").output)
    related = load_yaml(ROOT / "data" / "roles" / "data-analyst.yaml")["related"]
    assert sorted(m["role"] for m in data["next"]) == sorted(related)
    scores = [m["score"] for m in data["next"]]
    assert scores == sorted(scores, reverse=True)
    assert all(m["pay"] is None or m["pay"]["source"] for m in data["next"])
    assert "credit" not in data


def test_next_without_a_profile_says_how_to_get_one(invoke: Invoke) -> None:
    result = invoke("next", "data-analyst")
    assert result.exit_code == 2 and "no saved profile" in result.output
    unknown = invoke("next", "data-analystt", "--answers", str(STATISTICIAN))
    assert unknown.exit_code == 2 and "did you mean" in unknown.output


@needs_shared
def test_next_from_registered_nurses_on_the_real_tables(invoke: Invoke, real_home: Path) -> None:
    top(invoke, real_home, "nurse.yaml")
    env = {"CAREERCLI_HOME": str(real_home)}
    nurse = str(EXAMPLES / "nurse.yaml")
    data = json.loads(invoke("next", "29-1141.00", "--answers", nurse, "--json", env=env).output)
    assert data["from"]["pay"]["median"] > 0 and data["from"]["outlook"]["period"] == "2024-2034"
    assert len(data["next"]) >= 10 and data["next"][0]["role"].startswith("29-")


def test_compare_occupations_shows_tasks_ratings_wages_and_work_values(invoke: Invoke, tables: Path) -> None:
    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    out = invoke("compare", "15-2051.00", "29-1214.00", width=400).output
    text = " ".join(re.sub("[│┌┐└┘├┤┬┴┼─]", " ", out).split())
    assert "Core tasks (O*NET): • Apply statistical methods to data." in text
    assert "O*NET skills (importance, level): Programming: importance 4.5, level 5.0" in text
    assert "Work values: Achievement 6.0" in text and "No data: no BLS wages for this occupation" in text
    data = json.loads(invoke("compare", "15-2051.00", "29-1214.00", "--json").output)
    assert data["roles"][0]["onet_profile"]["related"][0]["code"] == "15-2041.00"
    assert "us_wages" in data["roles"][1]


# --- the quiz's O*NET sections ---------------------------------------------------------------


def test_the_quiz_asks_onet_skills_and_work_values_with_an_onet_catalog(invoke: Invoke, tables: Path) -> None:
    from tests.test_quiz_cli import DOWN, UP, ask_with_keys

    from careercli.onet.pack import pack_dir
    from careercli.profile import quiz_prompts

    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    catalog = load_catalog(onet=pack_dir(), onet_only=True, use_cache=False)
    groups = [title for title, _ in quiz_prompts.onet_groups(catalog)]
    assert groups == ["Skills: Content", "Skills: Technical Skills", "Knowledge: Mathematics and Science",
                      "Knowledge: Health Services"]  # fmt: skip
    keys = (
        "1\r\r" + UP * 2 + "\r"  # 1 year, entry; high school
        "\r"  # no skills
        + "\r" * 12  # interests: all neutral
        + "\r\r\r\r"  # preferences skipped
        + "\r"  # rate O*NET skills: yes
        + " " + DOWN + " \r"  # Speaking and Programming
        + "5\r3\r"  # their levels
        + "\r"  # work values: yes
        + "5\r" + "\r" * 4 + "2\r"  # achievement 5, independence 2, the rest neutral
    )  # fmt: skip
    data = ask_with_keys(catalog, keys)
    assert data["onet_skills"] == {"Speaking": 5, "Programming": 3}
    assert data["work_values"] == {"achievement": 5, "independence": 2}
    profile = parse_answers(data, catalog, "quiz answers")
    assert profile.onet_skills == {"2.A.1.d": 5.0, "2.B.3.e": 3.0}


def test_markdown_of_an_occupation_carries_its_o_net_profile(invoke: Invoke, tables: Path) -> None:
    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    md = invoke("show", "15-2051.00", "--markdown").output
    assert "## Skills (O*NET ratings)\n\n- Programming: importance 4.5, level 5.0\n" in md
    assert "## Core tasks\n\n- Apply statistical methods to data.\n" in md
    assert "## Related occupations\n\n- 15-2041.00 Statisticians (Primary-Short)\n" in md


@needs_shared
def test_the_quiz_text_explains_an_onet_rated_match(invoke: Invoke, real_home: Path) -> None:
    top(invoke, real_home, "nurse.yaml")
    args = ("quiz", "--answers", str(EXAMPLES / "nurse.yaml"), "--catalog", "onet", "--no-save", "--top", "3")
    text = " ".join(invoke(*args, env={"CAREERCLI_HOME": str(real_home)}, width=100).output.split())
    assert "skills 55% + experience 15% + interests 10% + education 10% + preferences 10%" in text
    assert "preferences are O*NET's work values against yours" in text
    assert "O*NET strengths: Medicine and Dentistry 5.0 (4.5)" in text and "Under-qualified:" in text
    assert "Learn Excel" not in text  # no technology part: the nurse rated no careercli skill


def test_plan_for_an_occupation_adds_its_o_net_gaps(invoke: Invoke, tables: Path, tmp_path: Path) -> None:
    assert invoke("data", "import-onet", str(tables)).exit_code == 0
    me = write(tmp_path / "me.yaml", "experience_years: 4\neducation: master\nonet_skills: {Speaking: 2}\n")
    plan = json.loads(invoke("plan", "29-1214.00", "--answers", str(me), "--json").output)
    onet = [s for s in plan["steps"] if s.get("scale") == "O*NET level 0-7"]
    assert [s["name"] for s in onet] == ["Medicine and Dentistry", "Mathematics (knowledge)", "Speaking"]
    assert (
        onet[0]["action"]
        == "Build Medicine and Dentistry (you gave no level) to O*NET level 6.5 of 7 (importance 4.9 of 5)."
    )
    assert onet[2]["have"] == 2.0 and onet[2]["need"] == 4.5 and onet[2]["kind"] == "onet-skill"


def test_roles_of_an_onet_pack_show_us_medians_and_growth(
    invoke: Invoke, tables: Path, tmp_path: Path
) -> None:
    """The joined BLS figures are the occupation's us_wages and outlook, as for curated roles."""
    test_a_bls_folder_joins_wages_and_projections_by_soc(invoke, tables, tmp_path)
    roles = json.loads(invoke("roles", "--catalog", "onet", "--json").output)["roles"]
    scientists = next(r for r in roles if r["id"] == "15-2051.00")
    assert scientists["us_wages"]["p50"] == 112590 and scientists["outlook"]["growth_pct"] == 33.5
    assert next(r for r in roles if r["id"] == "15-2041.00")["us_wages"] is None
    assert "$113K" in invoke("roles", "--catalog", "onet", width=120).output
