"""Write docs/cli.md, the command reference, from the commands' own --help.

Usage: python scripts/cli_reference.py [--check]

`--check` writes nothing and exits 1 when docs/cli.md differs from what --help says now
(CI runs it through the test suite, so the reference cannot drift from the code).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "cli.md"


def help_text(args: list[str]) -> str:
    from typer.testing import CliRunner

    from careercli.cli.app import build_app

    result = CliRunner().invoke(build_app(), [*args, "--help"], env={"COLUMNS": "80"})
    if result.exit_code != 0:
        raise SystemExit(f"careercli {' '.join(args)} --help exited {result.exit_code}")
    return result.output.rstrip() + "\n"


def command_paths() -> list[list[str]]:
    """Every command and subcommand, in help order."""
    import typer.main

    from careercli.cli.app import build_app

    root = typer.main.get_command(build_app())
    paths: list[list[str]] = [[]]

    def walk(cmd: object, prefix: list[str]) -> None:
        subs = getattr(cmd, "commands", None)
        if not isinstance(subs, dict):
            return
        for name, sub in subs.items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(root, [])
    return paths


def reference() -> str:
    parts = [
        "# careercli command reference",
        "",
        "Generated from `--help` by `scripts/cli_reference.py`; do not edit by hand.",
        "",
    ]
    for path in command_paths():
        title = " ".join(["careercli", *path])
        parts += [f"## {title}", "", "```text", help_text(path).rstrip(), "```", ""]
    return "\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = reference()
    if args.check:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT}: out of date; run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
