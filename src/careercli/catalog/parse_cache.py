"""Caches of the data files, so start-up skips parsing and validating when nothing changed.

Two layers, both in user state (CAREERCLI_HOME/cache); if that cannot be read or written,
careercli works exactly the same, only slower:

- ParseCache: each data file's parsed content, as JSON. PyYAML builds Python objects
  slowly (about 2 ms a role file even with libyaml); JSON is read in C. Each entry is keyed
  by the file's path, size and mtime and rebuilt when the file changes.
- CatalogCache: the validated Catalog itself, pickled, keyed by the size and mtime of every
  file the loader may read (present or not, so an added role file counts), the careercli
  version and the source files that shape a Catalog. Unpickling the bundled catalog takes
  about 0.5 ms where validating it takes 4-5 ms; for an imported O*NET pack, about half
  the time of reading and validating it. Only the classes a Catalog is made of may be unpickled,
  and a file that cannot be read back (truncated, corrupt, another format) is a miss.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import pickle
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careercli import __version__

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog

_FILE = "parsed-data-cache.json"
# A file changed this recently is not cached: two writes within one tick of the file system's
# clock (a few ms on Linux) can leave the same size and mtime, and the second would go unseen.
SETTLE_NS = 2_000_000_000


def _settled(mtime_ns: int) -> bool:
    return mtime_ns < time.time_ns() - SETTLE_NS


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
        import json

        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("version") == __version__:
                entries = data.get("entries")
                self.entries = entries if isinstance(entries, dict) else {}
        except (OSError, ValueError):
            self.entries = {}

    def load_yaml(self, path: Path) -> Any:
        from careercli.common.yamlio import load_yaml

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
        if _settled(st.st_mtime_ns):
            self.entries[key] = [*stamp, data]
            self.dirty = True
        return data

    def save(self) -> None:
        """Write atomically; never fail the command over a cache."""
        if not self.dirty or self.path is None:
            return
        import json

        text = json.dumps({"version": __version__, "entries": self.entries}, separators=(",", ":"))
        if _write_atomically(self.path, text.encode("utf-8")):
            self.dirty = False


def _write_atomically(path: Path, data: bytes) -> bool:
    """A cache file written atomically (careercli.common.atomic_write), without fsync: a cache lost
    in a crash is rebuilt. False on failure: a cache that cannot be written is no error."""
    from careercli.common.atomic_write import write_atomic

    try:
        write_atomic(path, data, durable=False)
    except OSError:
        return False
    return True


_CATALOG_FORMAT = 1


def code_files() -> list[Path]:
    """What shapes a validated Catalog besides the data: in a checkout (an editable install)
    these change without the version changing. Every source file of the package, so that no
    hand-kept list can miss a module the loader comes to use; stat-ing them costs well under
    a millisecond."""
    package = Path(__file__).resolve().parent.parent
    return sorted(package.glob("*/*.py")) + sorted(package.glob("*.py"))


@functools.cache
def model_classes() -> dict[tuple[str, str], type]:
    """The classes a cached Catalog is made of, by (module, name): Catalog and every class its
    fields' annotations reach, found by walking them, so a model added to the catalog is
    allowed without a list to keep. Only these may be unpickled."""
    import typing

    from careercli.catalog.models import Catalog

    found: dict[tuple[str, str], type] = {}
    todo: list[Any] = [Catalog]
    while todo:
        hint = todo.pop()
        if isinstance(hint, type) and hint.__module__.startswith("careercli."):
            key = (hint.__module__, hint.__qualname__)
            if key in found:
                continue
            found[key] = hint
            todo.extend(typing.get_type_hints(hint).values())  # a NamedTuple's fields
            init = vars(hint).get("__init__")  # a plain class's own constructor
            if init is not None:
                todo.extend(typing.get_type_hints(init).values())
        else:
            todo.extend(typing.get_args(hint))
    return found


Stamp = tuple[str, int, int, int] | tuple[str, None, None, None]


def stamps(files: Iterable[Path]) -> list[Stamp]:
    """(path, size, mtime, inode) of each file; (path, None, None, None) if it is not there."""
    out: list[Stamp] = []
    for path in files:
        name = os.path.abspath(path)
        try:
            st = os.stat(name)
        except OSError:
            out.append((name, None, None, None))
        else:
            out.append((name, st.st_size, st.st_mtime_ns, st.st_ino))
    return out


class _ModelsOnly(pickle.Unpickler):
    """Unpickles the catalog's own types and nothing else: a cache file cannot name a
    function or class to call while it is read."""

    def find_class(self, module: str, name: str) -> Any:
        found = model_classes().get((module, name))
        if found is not None:
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a catalog cache")


class CatalogCache:
    """One validated Catalog kept between runs: `load()` gives it back while nothing it was
    built from has changed, else None; `save(catalog)` stores it for the next run.

    `request` says what was asked for (the pack and O*NET folders as given, onet_only);
    `inputs` are every file the loader may read for it, present or not.
    """

    def __init__(self, folder: Path | None, slot: str, request: tuple[Any, ...], inputs: list[Path]) -> None:
        self.path = folder / "cache" / f"catalog-{slot}.pickle" if folder else None
        self.stamps: list[Stamp] = []
        if self.path is not None:
            self.stamps = stamps([*code_files(), *inputs])
        self.key = (_CATALOG_FORMAT, __version__, request, self.stamps)

    def load(self) -> Catalog | None:
        if self.path is None:
            return None
        from careercli.catalog.models import Catalog
        from careercli.common.gc_pause import gc_paused

        # a catalog is thousands of small objects, none of them cyclic garbage
        try:
            with gc_paused(), open(self.path, "rb") as handle:
                if _ModelsOnly(handle).load() != self.key:  # the key first: a miss reads no further
                    return None
                catalog = _ModelsOnly(handle).load()
        except Exception:  # missing, unreadable, truncated, corrupt: a miss, never an error
            return None
        return catalog if isinstance(catalog, Catalog) else None

    def save(self, catalog: Catalog) -> None:
        """Never fail the command over a cache."""
        if self.path is None or not all(s[2] is None or _settled(s[2]) for s in self.stamps):
            return
        try:
            data = pickle.dumps(self.key, pickle.HIGHEST_PROTOCOL) + pickle.dumps(
                catalog, pickle.HIGHEST_PROTOCOL
            )
        except Exception:  # something in it that pickle cannot take: no cache, as before
            return
        _write_atomically(self.path, data)
