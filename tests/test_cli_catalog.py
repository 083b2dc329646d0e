"""roles, show, compare and data validate as a user sees them, at a fixed width."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CONTRACT_ROLES, MINIMAL_ROLE, Invoke

PackMaker = Callable[..., Path]


def test_version(invoke: Invoke) -> None:
    from careercli import __version__

    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"careercli {__version__}"


def test_roles_table_lists_contract_roles(invoke: Invoke) -> None:
    result = invoke("roles", width=120)
    assert result.exit_code == 0, result.output
    for role_id in CONTRACT_ROLES:
        assert role_id in result.output
    assert "Head of Data Science" in result.output


def test_roles_filter_by_level_spellings(invoke: Invoke) -> None:
    outputs = [
        invoke("roles", "--level", spelling, "--json").output
        for spelling in ("senior", "SE", "expert", "Senior-level / Expert")
    ]
    assert len(set(outputs)) == 1
    levels = {r["level"] for r in json.loads(outputs[0])["roles"]}
    assert levels == {"senior"}


def test_roles_bad_level_exits_2(invoke: Invoke) -> None:
    result = invoke("roles", "--level", "seniour")
    assert result.exit_code == 2
    assert "unknown level 'seniour'" in result.output
    assert "did you mean 'senior'" in result.output
    assert "Traceback" not in result.output


def test_roles_bad_family_exits_2(invoke: Invoke) -> None:
    result = invoke("roles", "--family", "leadershp")
    assert result.exit_code == 2
    assert "did you mean 'leadership'" in result.output


def test_show_resolves_alias_and_title(invoke: Invoke) -> None:
    by_id = json.loads(invoke("show", "lead-mle", "--json").output)
    by_title = json.loads(invoke("show", "LEAD MACHINE LEARNING ENGINEER", "--json").output)
    assert by_id == by_title
    assert by_id["role"]["id"] == "lead-mle"


def test_unknown_role_exits_2_with_closest(invoke: Invoke) -> None:
    result = invoke("show", "head-d")
    assert result.exit_code == 2
    assert "unknown role 'head-d'" in result.output
    assert "'head-ds'" in result.output
    assert result.output.count("\n") == 1


def test_show_text_has_every_facet(invoke: Invoke) -> None:
    result = invoke("show", "head-ds")
    assert result.exit_code == 0
    for heading in (
        "Definition",
        "Responsibilities",
        "Skills",
        "Education",
        "Tools",
        "Industries",
        "Interests",
        "Outlook",
        "Salary (USD)",
        "Tips",
        "Sources",
    ):
        assert heading in result.output
    assert "O*NET 29.2 Database by the U.S. Department of Labor" in " ".join(result.output.split())


def test_show_markdown(invoke: Invoke) -> None:
    result = invoke("show", "lead-mle", "--markdown")
    assert result.output.startswith("# Lead Machine Learning Engineer (`lead-mle`)")
    assert "## Responsibilities" in result.output


def test_compare_side_by_side_with_marks(invoke: Invoke) -> None:
    result = invoke("compare", "head-ds", "lead-mle", width=100)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Head of Data Science" in out and "Lead Machine Learning Engineer" in out
    # tools both roles use are marked shared; a tool only one uses is marked unique
    assert "= Hadoop" in out and "= Spark" in out
    assert "+ Tableau" in out and "+ Keras" in out
    assert "= in every role compared" in out
    assert "15%" in out
    assert "n=" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_compare_fits_80_and_stacks_at_40(invoke: Invoke) -> None:
    for width in (80, 40):
        result = invoke("compare", "head-ds", "lead-mle", "ml-engineer", width=width)
        assert result.exit_code == 0
        assert max(len(line) for line in result.output.splitlines()) <= width


@pytest.mark.parametrize("width", [72, 80, 120])
def test_compare_cells_keep_a_space_from_the_borders(invoke: Invoke, width: int) -> None:
    # every cell of the boxed table, the first and last columns too, is padded from its
    # borders: no "(n=15, 2022-2025)│" or "│Salary (USD)" at the table's edges
    result = invoke("compare", "head-ds", "lead-mle", width=width)
    assert result.exit_code == 0
    rows = [line for line in result.output.splitlines() if line.startswith("│")]
    assert rows
    for line in rows:
        for cell in line.split("│")[1:-1]:
            assert cell.startswith(" ") and cell.endswith(" "), line


def test_compare_facet_filter(invoke: Invoke) -> None:
    data = json.loads(invoke("compare", "head-ds", "lead-mle", "--facet", "tools", "--json").output)
    assert data["facets"] == ["tools"]
    assert "Hadoop" in data["shared"]["tools"]
    assert "Tableau" in data["unique"]["head-ds"]["tools"]
    assert "responsibilities" not in data["roles"][0]


@pytest.mark.parametrize("args", [["head-ds"], ["a", "b", "c", "d", "e", "f"], ["head-ds", "head-ds"]])
def test_compare_bad_role_counts_exit_2(invoke: Invoke, args: list[str]) -> None:
    roles = args if args[0] != "a" else CONTRACT_ROLES[:6]
    result = invoke("compare", *roles)
    assert result.exit_code == 2
    assert "careercli: error:" in result.output


def test_compare_unknown_facet(invoke: Invoke) -> None:
    result = invoke("compare", "head-ds", "lead-mle", "--facet", "salry")
    assert result.exit_code == 2
    assert "did you mean 'salary'" in result.output


def test_compare_markdown_table(invoke: Invoke) -> None:
    out = invoke("compare", "head-ds", "lead-mle", "--markdown").output
    assert "| **Tools** |" in out
    assert "= Hadoop" in out


def test_data_validate_good_and_bad_pack(invoke: Invoke, pack: PackMaker) -> None:
    good = invoke("data", "validate", str(pack()))
    assert good.exit_code == 0
    assert "valid" in good.output
    bad_text = MINIMAL_ROLE.format(id="ml-platform-lead", title="X").replace("python,", "pyhton,")
    bad = invoke("data", "validate", str(pack(bad_text)))
    assert bad.exit_code == 1
    assert "unknown skill 'pyhton'" in bad.output
    assert "Traceback" not in bad.output


def test_global_data_dir_adds_roles(invoke: Invoke, pack: PackMaker) -> None:
    folder = pack()
    result = invoke("--data-dir", str(folder), "show", "ml platform lead", "--json")
    assert json.loads(result.output)["role"]["id"] == "ml-platform-lead"
    via_env = invoke("show", "ml-platform-lead", "--json", env={"CAREERCLI_DATA_DIR": str(folder)})
    assert via_env.exit_code == 0


def test_missing_data_dir_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--data-dir", str(tmp_path / "nope"), "roles")
    assert result.exit_code == 1
    assert "data pack folder not found" in result.output


def test_catalog_commands_never_import_questionary() -> None:
    code = (
        "import sys; from careercli.cli.app import app\n"
        "for args in (['roles'], ['show', 'head-ds'], ['compare', 'head-ds', 'lead-mle']):\n"
        "    app(args, standalone_mode=False)\n"
        "heavy = ('questionary', 'prompt_toolkit', 'sqlite3', 'pypdf', 'docx')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "sys.stderr.write(repr(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stderr == "[]"


def test_main_builds_only_the_invoked_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """The console script imports just the command it runs (start-up time)."""
    code = (
        "import sys; sys.argv = ['careercli', 'compare', 'head-ds', 'lead-mle']\n"
        "from careercli.cli import app\n"
        "try:\n    app.main()\nexcept SystemExit as e:\n    assert e.code in (0, None), e.code\n"
        "loaded = [m for m in ('careercli.cli.quiz_cmds', 'careercli.cli.jobs_cmds',\n"
        "          'careercli.cli.salary_cmds') if m in sys.modules]\n"
        "sys.stderr.write(repr(loaded))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stderr == "[]"
    assert "Head of Data Science" in proc.stdout


def test_full_help_lists_every_command(invoke: Invoke) -> None:
    from careercli.cli.app import COMMANDS

    out = invoke("--help").output
    for name in COMMANDS:
        assert f"  {name} " in out
