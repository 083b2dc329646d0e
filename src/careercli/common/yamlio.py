"""Safe YAML reading: one clear DataError line for anything wrong with a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careercli.common.errors import DataError


def read_text(path: Path) -> str:
    """A file's text, or a DataError saying why it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, expected a file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in raw[:8192]:
        raise DataError(f"{path}: binary content, expected UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: byte {exc.start} is not UTF-8, expected UTF-8 text") from None


def load_yaml(path: Path, text: str | None = None) -> Any:
    """Parse YAML safely (no tags that build objects) with libyaml when it is there."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if text is None:
        text = read_text(path)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
            problem = problem.replace("could not determine a constructor for the tag", "tag")
            problem += " is not allowed (YAML is loaded safely; tags that build objects are refused)"
        raise DataError(f"{path}: {where}YAML error: {problem}") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: YAML error: {exc}") from None
