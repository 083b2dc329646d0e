"""Shared fixtures: user state in a tmp dir, a CLI runner at a fixed width, data packs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from careercli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED_DATA = ROOT.parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not beside this clone")

CONTRACT_ROLES = [
    "head-ds",
    "lead-mle",
    "head-of-data",
    "data-science-manager",
    "data-scientist",
    "ml-engineer",
    "ai-engineer",
    "ai-research-scientist",
    "applied-scientist",
    "data-architect",
    "data-engineer",
    "analytics-engineer",
    "mlops-engineer",
    "data-analyst",
    "bi-analyst",
    "statistician",
    "nlp-engineer",
    "computer-vision-engineer",
    "quantitative-analyst",
    "data-product-manager",
]


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own CAREERCLI_HOME and no ambient data pack."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CAREERCLI_HOME", str(home))
    monkeypatch.delenv("CAREERCLI_DATA_DIR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield home


Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    """Run careercli in-process at a fixed terminal width; returns the Click result."""

    def run(*args: str, width: int = 100, env: dict[str, str] | None = None, **kw: Any) -> Result:
        runner = CliRunner()
        return runner.invoke(app, list(args), env={"COLUMNS": str(width), **(env or {})}, **kw)

    return run


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL_ROLE = """\
schema_version: 1
id: {id}
title: {title}
aliases: []
level: senior
family: ml-engineering
summary: Builds and runs the platform that trains and serves models.
responsibilities: [Run the training platform.]
skills:
  - {{id: python, importance: 5}}
  - {{id: kubernetes, importance: 4}}
education:
  typical: bachelor
  minimum: bachelor
  fields: [computer science]
  notes: [A computer science degree is usual.]
tools:
  - {{name: Kubernetes, category: Orchestration}}
industries: [technology]
interests:
  onet_soc: 15-1252.00
  onet_title: Software Developers
outlook:
  summary: No projection of its own; see software developers.
  period: 2023-2033
  occupation: Software developers
  source: U.S. Bureau of Labor Statistics
  date: 2024-08-29
tips: [Run a cluster at home.]
related: [ml-engineer]
sources:
  - {{name: Our own notes, date: 2026-11-28}}
"""


@pytest.fixture
def pack(tmp_path: Path) -> Callable[..., Path]:
    """A data pack folder with one role file; `text` replaces the role file's content."""

    def make(
        text: str | None = None, role_id: str = "ml-platform-lead", title: str = "ML Platform Lead"
    ) -> Path:
        folder = tmp_path / "pack"
        write(
            folder / "roles" / f"{role_id}.yaml",
            text if text is not None else MINIMAL_ROLE.format(id=role_id, title=title),
        )
        return folder

    return make
