"""The saved quiz profile in user state: written atomically, read back through the answers parser."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from careercli.common.errors import DataError
from careercli.common.paths import state_dir

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog
    from careercli.profile.model import Profile

PROFILE_FILE = "profile.yaml"
HEADER = "# careercli quiz answers (schema version 1); `careercli quiz --answers FILE` reads this\n"


def profile_path() -> Path:
    """Where the saved profile lives: state_dir()/profile.yaml."""
    return state_dir() / PROFILE_FILE


def answers_yaml(answers: dict[str, Any]) -> str:
    """Answers (schema v1 mapping) as YAML text with a short header comment."""
    import yaml

    body = yaml.safe_dump(answers, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return HEADER + body


def save_profile(answers: dict[str, Any]) -> Path:
    """Save answers (schema v1 mapping) as the profile; returns the file written."""
    from careercli.common.atomic_write import write_text_atomic

    path = profile_path()
    write_text_atomic(path, answers_yaml(answers))
    return path


def load_saved(catalog: Catalog) -> Profile | None:
    """The saved profile, or None when there is none. A broken file is a DataError that says
    how to start over."""
    from careercli.common.yamlio import load_yaml
    from careercli.profile.answers import parse_answers

    path = profile_path()
    if not path.is_file():
        return None
    hint = "; fix it, or run `careercli profile clear` and take the quiz again"
    try:
        return parse_answers(load_yaml(path), catalog, str(path))
    except DataError as exc:
        message = exc.message if str(path) in exc.message else f"{path}: {exc.message}"
        raise DataError(message + hint) from None


def clear_profile() -> bool:
    """Remove the saved profile; True when there was one."""
    path = profile_path()
    try:
        path.unlink()
    except (FileNotFoundError, NotADirectoryError):  # no profile, or no state folder at all
        return False
    except OSError as exc:
        raise DataError(f"{path}: cannot remove: {exc.strerror or exc}") from None
    return True
