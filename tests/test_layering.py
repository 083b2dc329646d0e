"""The package layout's rules, checked on the source (every import, at any depth): the core
never imports the CLI; only renderers and cli/ import rich; only the quiz's prompt module
imports questionary or prompt_toolkit; package __init__ files stay empty (start-up)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "careercli"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _importers(prefix: str) -> set[str]:
    return {_name(p) for p in MODULES if any(m == prefix or m.startswith(prefix + ".") for m in _imports(p))}


def _is_renderer(name: str) -> bool:
    return name.startswith("cli/") or name.endswith("/render.py") or name == "catalog/markdown.py"


def test_the_walk_sees_the_package() -> None:
    assert len(MODULES) > 40 and "cli/console.py" in {_name(p) for p in MODULES}
    assert "cli/console.py" in _importers("rich")  # the check can see an import


def test_only_renderers_and_the_cli_import_rich() -> None:
    outside = {n for n in _importers("rich") if not _is_renderer(n)}
    assert not outside, f"rich imported outside renderers and cli/: {sorted(outside)}"


@pytest.mark.parametrize("library", ["questionary", "prompt_toolkit"])
def test_only_the_quiz_prompts_import_questionary(library: str) -> None:
    assert _importers(library) <= {"profile/quiz_prompts.py"}, sorted(_importers(library))


def test_the_core_never_imports_the_cli() -> None:
    core = {n for n in _importers("careercli.cli") if not n.startswith("cli/") and n != "__main__.py"}
    assert not core, f"core modules importing careercli.cli: {sorted(core)}"


def test_package_init_files_are_empty() -> None:
    inits = [p for p in MODULES if p.name == "__init__.py" and p.parent != PACKAGE]
    assert len(inits) >= 8
    code = {_name(p) for p in inits if ast.parse(p.read_text(encoding="utf-8")).body[1:]}
    assert not code, f"package __init__ files with code (imported at every start-up): {sorted(code)}"


def test_the_top_level_holds_at_most_four_modules() -> None:
    top = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py"}
    assert len(top) <= 4, sorted(top)
