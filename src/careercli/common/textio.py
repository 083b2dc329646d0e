"""The one safe way to read a text file a user names, and the one way to parse JSON.

`read_text`: UTF-8 (a byte-order mark allowed), NUL refused, a size cap, and only a regular
file or a pipe (`--answers /dev/zero` is refused at once, `--answers -` reads standard
input); every problem is one DataError line naming the file. YAML (common.yamlio), job
files (jobs.importer) and the salary survey CSV (salary.survey) all read through it.

`loads_json`: json.loads that refuses what json.loads lets through silently: a duplicate
key (the last one would win), NaN and Infinity (1e999 too), and nesting deeper than
MAX_DEPTH.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

from careercli.common.errors import DataError

MAX_TEXT_BYTES = 64 << 20  # answers, profiles, pack files, rates: read whole, parsed whole
MAX_TABLE_BYTES = 1 << 30  # job files and survey CSVs: a file larger than 1 GiB is split first
MAX_DEPTH = 100  # nesting of JSON arrays and objects, and of YAML collections
STDIN = "-"


def _size(limit: int) -> str:
    return f"{limit >> 30} GiB" if limit >= 1 << 30 else f"{limit >> 20} MiB"


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES, error: type[DataError] = DataError) -> bytes:
    """At most `limit` bytes of a regular file, a pipe or (for `-`) standard input."""
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            mode = os.stat(path).st_mode
            if stat.S_ISDIR(mode):
                raise error(f"{path}: is a folder, expected a file")
            if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
                raise error(f"{path}: not a regular file (a device or a socket), expected a file")
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)
        except FileNotFoundError:
            raise error(f"{path}: no such file") from None
        except IsADirectoryError:
            raise error(f"{path}: is a folder, expected a file") from None
        except OSError as exc:
            raise error(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise error(f"{path}: larger than {_size(limit)}, the most read from one file; split it")
    return data


def decode(
    path: Path | str, data: bytes, error: type[DataError] = DataError, encoding: str = "utf-8-sig"
) -> str:
    """Bytes as text: a NUL anywhere is binary content; undecodable bytes name their line."""
    wide = encoding.replace("-", "").lower().startswith(("utf16", "utf32"))  # NUL is text there
    if not wide and b"\x00" in data:
        raise error(f"{path}: binary content, expected UTF-8 text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        name = "UTF-8" if encoding.replace("-", "").lower().startswith("utf8") else encoding
        raise error(
            f"{path}: line {line}: byte {exc.start} is not {name}, expected {name} text "
            "(re-save the file as UTF-8)"
        ) from None


def read_text(
    path: Path,
    limit: int = MAX_TEXT_BYTES,
    error: type[DataError] = DataError,
    encoding: str = "utf-8-sig",
) -> str:
    """A file's text, or one `error` line saying why it cannot be read."""
    return decode(path, read_bytes(path, limit, error), error, encoding)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in pairs:
        if name in out:
            raise _JsonProblem(f"duplicate key '{name}'")
        out[name] = value
    return out


class _JsonProblem(ValueError):
    pass


def _constant(name: str) -> float:
    raise _JsonProblem(f"{name} is not a number; expected a finite number")


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _JsonProblem(f"{text[:40]} is not a finite number")
    return value


def loads_json(text: str, where: Path | str, error: type[DataError] = DataError) -> Any:
    """Parsed JSON, or one `error` line: invalid JSON (with its line), a duplicate key,
    NaN, Infinity or a number too large to hold, or nesting deeper than MAX_DEPTH."""
    import json

    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_float)
    except _JsonProblem as exc:
        raise error(f"{where}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise error(f"{where}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise error(f"{where}: JSON nested deeper than {MAX_DEPTH} levels") from None
    if depth(data) > MAX_DEPTH:
        raise error(f"{where}: JSON nested deeper than {MAX_DEPTH} levels")
    return data


def depth(data: Any) -> int:
    """How deeply lists and dicts nest in `data` (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            level += 1
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:
                stack.extend((x, level) for x in item if isinstance(x, dict | list))
    return deepest
