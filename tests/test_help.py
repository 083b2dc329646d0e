"""Every command has help with an example, and docs/cli.md matches --help."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.conftest import ROOT, Invoke

sys.path.insert(0, str(ROOT / "scripts"))
import cli_reference

PATHS = cli_reference.command_paths()


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "careercli")
def test_every_command_has_help(invoke: Invoke, path: list[str]) -> None:
    result = invoke(*path, "--help", width=80)
    assert result.exit_code == 0
    assert "Usage: careercli" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("path", [p for p in PATHS if len(p) >= 1], ids=" ".join)
def test_every_leaf_command_has_an_example(invoke: Invoke, path: list[str]) -> None:
    out = invoke(*path, "--help", width=80).output
    if "Commands:" in out:  # a group: its subcommands carry the examples
        return
    assert "Examples:" in out, f"careercli {' '.join(path)} --help has no example"
    assert f"careercli {path[0]}" in out.split("Examples:")[1]


def test_every_option_has_help_text(invoke: Invoke) -> None:
    import typer.main

    from careercli.cli.app import build_app

    def walk(cmd: object, name: str) -> None:
        for param in getattr(cmd, "params", []):
            if getattr(param, "param_type_name", "") == "option":
                assert getattr(param, "help", None), f"{name} {param.opts[0]} has no help"
        for sub_name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, f"{name} {sub_name}")

    walk(typer.main.get_command(build_app()), "careercli")


def test_cli_reference_is_up_to_date() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_no_path_parameter_lets_click_judge_readability() -> None:
    """Every file a command takes is read (and refused in one line, exit 1) by careercli's
    own readers: a Path parameter left at Click's default readable=True would answer an
    unreadable file with a usage error and exit 2 instead (#13 point 8)."""
    import typer.main

    from careercli.cli.app import build_app

    found: list[str] = []

    def walk(cmd: object, name: str) -> None:
        for param in getattr(cmd, "params", []):
            if hasattr(param.type, "readable"):  # a path type (typer's own, vendored click)
                found.append(f"{name} {param.name}")
                assert not param.type.readable, f"{name} {param.name}: pass readable=False"
        for sub_name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, f"{name} {sub_name}")

    walk(typer.main.get_command(build_app()), "careercli")
    assert len(found) >= 10  # the walk saw the file options (answers, files, --data ...)
