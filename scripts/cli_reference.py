"""Write docs/cli.md, the command reference, and the README's command table from --help.

Usage: python scripts/cli_reference.py [--check]

docs/cli.md holds every command's full --help. The README holds, between the markers
`<!-- commands:start -->` and `<!-- commands:end -->`, a table of every command with its
one-line help and its first example. `--check` writes nothing and exits 1 when either
differs from what --help says now (CI runs it, and the test suite does too, so the
reference cannot drift from the code).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "cli.md"
README = ROOT / "README.md"
START, END = "<!-- commands:start -->", "<!-- commands:end -->"


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


def summary_and_example(path: list[str]) -> tuple[str, str | None]:
    """A command's one-line help and the first example its --help gives (None for a group
    whose subcommands carry the examples)."""
    text = help_text(path)
    lines = text.splitlines()
    # the first paragraph after the Usage line, joined: the docstring's summary sentence
    body = [line.strip() for line in lines[1:]]
    start = next(i for i, line in enumerate(body) if line)
    summary_lines: list[str] = []
    for line in body[start:]:
        if not line:
            break
        summary_lines.append(line)
    summary = " ".join(summary_lines)
    if "Examples:" not in text:
        return summary, None
    after = text.split("Examples:", 1)[1].splitlines()
    example = next(line.strip() for line in after if line.strip().startswith("careercli "))
    return summary, example


def readme_table() -> str:
    """The README's command table: every command with its summary and first example."""
    rows = ["| command | what it does | example |", "|---|---|---|"]
    for path in command_paths():
        if not path:
            continue
        summary, example = summary_and_example(path)
        if example is None:
            continue  # a group; its subcommands have rows of their own
        cell = summary.replace("|", "\\|")
        rows.append(f"| `careercli {' '.join(path)}` | {cell} | `{example}` |")
    note = (
        "Generated from `--help` by `scripts/cli_reference.py` (CI checks it); every option "
        "of every command is in [docs/cli.md](docs/cli.md)."
    )
    return "\n".join([START, "", *rows, "", note, END])


def readme_text(current: str) -> str:
    if START not in current or END not in current:
        raise SystemExit(f"{README}: the markers {START} and {END} are missing")
    head, rest = current.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + readme_table() + tail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = reference()
    readme_now = README.read_text(encoding="utf-8")
    readme = readme_text(readme_now)
    if args.check:
        stale = [
            str(p)
            for p, new, old in (
                (OUT, text, OUT.read_text(encoding="utf-8") if OUT.is_file() else None),
                (README, readme, readme_now),
            )
            if new != old
        ]
        for path in stale:
            print(f"{path}: out of date; run python scripts/cli_reference.py", file=sys.stderr)
        return 1 if stale else 0
    OUT.write_text(text, encoding="utf-8")
    README.write_text(readme, encoding="utf-8")
    print(f"wrote {OUT} and the command table in {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
