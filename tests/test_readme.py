"""The README says what careercli does: its command table comes from --help, and its exit
codes are exactly the ones the code uses, each meaning what the README says it means."""

from __future__ import annotations

import re
import sys

import pytest
from tests.conftest import ROOT, Invoke

from careercli.common import errors

sys.path.insert(0, str(ROOT / "scripts"))
import cli_reference

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"the README has no '## {title}' section"
    return match.group(1)


def readme_exit_codes() -> dict[int, str]:
    rows = re.findall(r"^\| *(\d+) *\| *(.+?) *\|$", section("Exit codes"), re.M)
    return {int(code): meaning for code, meaning in rows}


def test_readme_lists_exactly_the_exit_codes_the_code_defines() -> None:
    defined = {0} | {getattr(errors, n) for n in dir(errors) if n.startswith("EXIT_")}
    assert set(readme_exit_codes()) == defined


@pytest.mark.parametrize(
    "code, args, meaning",
    [
        (0, ["roles"], "ok"),
        (errors.EXIT_DATA, ["quiz", "--answers", "no-such-file.yaml"], "file"),
        (errors.EXIT_USAGE, ["show", "heads-ds"], "unknown role"),
        (errors.EXIT_USAGE, ["jobs", "--limit", "-1"], "bad option value"),
    ],
)
def test_each_exit_code_means_what_the_readme_says(
    invoke: Invoke, code: int, args: list[str], meaning: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == code, result.output
    assert meaning in readme_exit_codes()[code]
    if code == errors.EXIT_USAGE:  # "the message offers the closest valid value"
        assert "closest valid value" in readme_exit_codes()[code]
    if code == errors.EXIT_DATA:  # "the message names the file"
        assert "no-such-file.yaml" in result.output


def test_interrupted_is_130_as_the_readme_says(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C end to end is in test_signals.py and test_quiz_pty.py; here: the mapping."""
    from careercli.cli.common import AppState

    def interrupted(self: AppState, *args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(AppState, "catalog", interrupted)
    result = invoke("roles")
    assert result.exit_code == errors.EXIT_INTERRUPTED == 130
    assert "interrupted" in readme_exit_codes()[130].lower()
    assert "Traceback" not in result.output


def test_errors_are_one_line_as_the_readme_says(invoke: Invoke) -> None:
    assert "Errors are one line on stderr, never a traceback." in section("Exit codes")
    result = invoke("show", "heads-ds")
    assert result.output.count("\n") == 1


def test_readme_command_table_matches_help() -> None:
    start, end = README.index(cli_reference.START), README.index(cli_reference.END)
    assert README[start : end + len(cli_reference.END)] == cli_reference.readme_table(), (
        "the README's command table is out of date; run python scripts/cli_reference.py"
    )


def test_readme_command_table_names_every_command_with_an_example() -> None:
    table = section("Commands")
    for path in cli_reference.command_paths():
        if not path:
            continue
        summary, example = cli_reference.summary_and_example(path)
        if example is None:  # a group: its subcommands have the rows
            continue
        assert f"| `careercli {' '.join(path)}` |" in table
        assert example.startswith(f"careercli {path[0]}")
        assert summary


def test_every_argument_has_help_text() -> None:
    """test_help.py checks every option; arguments (ROLE, FILE...) need help too."""
    import typer.main

    from careercli.cli.app import build_app

    missing: list[str] = []

    def walk(cmd: object, name: str) -> None:
        for param in getattr(cmd, "params", []):
            if getattr(param, "param_type_name", "") == "argument" and not getattr(param, "help", None):
                missing.append(f"{name} {param.name}")
        for sub_name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, f"{name} {sub_name}")

    walk(typer.main.get_command(build_app()), "careercli")
    assert missing == []
