"""Where the bundled data and the user's state live."""

from __future__ import annotations

import os
from pathlib import Path

from careercli.common.errors import DataError

APP_NAME = "careercli"


def bundled_data_dir() -> Path:
    """`data/` inside the installed wheel, or the checkout's top-level `data/` (editable)."""
    package = Path(__file__).resolve().parent.parent  # careercli/, above common/
    for candidate in (package / "data", package.parent.parent / "data"):
        if (candidate / "skills.yaml").is_file():
            return candidate
    raise DataError(f"{package}: bundled data folder not found; reinstall careercli")


def user_pack_dir(option: str | None) -> Path | None:
    """The user's data pack: --data-dir, else CAREERCLI_DATA_DIR, else none."""
    chosen = option or os.environ.get("CAREERCLI_DATA_DIR") or None
    if chosen is None:
        return None
    path = Path(chosen).expanduser()
    if not path.is_dir():
        raise DataError(f"{path}: data pack folder not found (from --data-dir or CAREERCLI_DATA_DIR)")
    return path


def state_dir() -> Path:
    """User state (profile, job store, caches): CAREERCLI_HOME, else the platform data folder."""
    home = os.environ.get("CAREERCLI_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
