"""What the scripts that fill a block of every data/roles/*.yaml share: write a file only
when its text changed, or with --check, say that it differs and change nothing."""

from __future__ import annotations

import sys
from pathlib import Path


def update(path: Path, old: str, new: str, check: bool, differs: str, wrote: str) -> bool:
    """Write `new` over `path` when it differs from `old` (printing `wrote`), or under
    --check only report `differs` on stderr; True when the file was stale."""
    if new == old:
        return False
    if check:
        print(f"{path}: {differs}", file=sys.stderr)
    else:
        path.write_text(new, encoding="utf-8")
        print(f"{path.name}: {wrote}")
    return True
