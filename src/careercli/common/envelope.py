"""The one JSON envelope every `--json` output and derived data file shares."""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 1


def envelope(**body: Any) -> dict[str, Any]:
    """`{"schema_version": 1, **body}`: schema_version first, then the keys as given."""
    return {"schema_version": SCHEMA_VERSION, **body}
