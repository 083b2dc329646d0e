"""A cache of parsed data files, so start-up skips YAML parsing when nothing changed.

PyYAML builds Python objects slowly (about 2 ms a role file even with libyaml); JSON is
read in C. Each entry is keyed by the file's path, size and mtime, holds the parsed data
as JSON, and is rebuilt when the file changes. Validation still runs on every load: the
cache only saves parsing. It lives in user state (CAREERCLI_HOME); if that cannot be read
or written, careercli works exactly the same, only slower.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from careercli import __version__
from careercli.yamlio import load_yaml

_FILE = "parsed-data-cache.json"


def _jsonable(value: Any) -> Any:
    """YAML dates become ISO text (what every reader of a date field wants anyway)."""
    if isinstance(value, dict):
        return {
            str(k) if not isinstance(k, str | int | float | bool) else k: _jsonable(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class ParseCache:
    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "cache" / _FILE if folder else None
        self.entries: dict[str, list[Any]] = {}
        self.dirty = False
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("version") == __version__:
                entries = data.get("entries")
                self.entries = entries if isinstance(entries, dict) else {}
        except (OSError, ValueError):
            self.entries = {}

    def load_yaml(self, path: Path) -> Any:
        try:
            st = path.stat()
        except OSError:
            return load_yaml(path)  # let the reader produce the clear error
        key = str(path.resolve())
        stamp = [st.st_size, st.st_mtime_ns]
        hit = self.entries.get(key)
        if isinstance(hit, list) and len(hit) == 3 and hit[:2] == stamp:
            return hit[2]
        data = _jsonable(load_yaml(path))
        self.entries[key] = [*stamp, data]
        self.dirty = True
        return data

    def save(self) -> None:
        """Write atomically; never fail the command over a cache."""
        if not self.dirty or self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".cache-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"version": __version__, "entries": self.entries}, handle, separators=(",", ":"))
            os.replace(tmp, self.path)
            self.dirty = False
        except OSError:
            pass
