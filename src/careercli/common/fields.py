"""Reading typed fields out of parsed YAML/JSON, with errors that name file and field."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from typing import Any

from careercli.common.errors import CareerError, DataError, did_you_mean

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Fields:
    """A mapping being validated: every accessor names `file: where.key` in its errors."""

    def __init__(
        self,
        data: Any,
        file: str,
        where: str = "",
        error: type[CareerError] = DataError,
    ) -> None:
        self.file = file
        self.where = where
        self.error = error
        if not isinstance(data, dict):
            raise error(f"{file}: {where or 'top level'}: expected a mapping, got {_kind(data)}")
        self.data: dict[Any, Any] = data

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, problem: str) -> CareerError:
        return self.error(f"{self.file}: {self.path(key)}: {problem}")

    def only(self, allowed: Iterable[str]) -> None:
        """Unknown keys are typos far more often than intent: refuse them."""
        allowed = list(allowed)
        for key in self.data:
            if not isinstance(key, str) or key not in allowed:
                raise self.fail(str(key), "unknown field" + did_you_mean(str(key), allowed))

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def raw(self, key: str) -> Any:
        return self.data.get(key)

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key)
        if value is None:
            if default is not None:
                return default
            raise self.fail(key, "missing; expected text")
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(key, f"expected text, got {_kind(value)}")
        text = str(value).strip()
        if not text and default is None:
            raise self.fail(key, "is empty; expected text")
        return text

    def ident(self, key: str = "id") -> str:
        """An id: lowercase letters, digits and hyphens (role, skill, industry, job ids)."""
        value = self.text(key)
        if not _ID.match(value):
            raise self.fail(
                key, f"'{value}' is not a valid id; expected lowercase letters, digits and hyphens"
            )
        return value

    def texts(self, key: str, min_items: int = 1) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            value = []
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, got {_kind(value)}")
        out: list[str] = []
        for i, raw in enumerate(value):
            item = raw.isoformat() if isinstance(raw, dt.date) else raw
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise self.error(f"{self.file}: {self.path(key)}[{i}]: expected text, got {_kind(item)}")
            if str(item).strip():
                out.append(str(item).strip())
        if len(out) < min_items:
            raise self.fail(key, f"needs at least {min_items} item{'s' if min_items > 1 else ''}")
        return tuple(out)

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int:
        value = self.data.get(key)
        if value is None and default is not None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise self.fail(key, f"expected a whole number from {low} to {high}, got {_show(value)}")
        if not low <= value <= high:
            raise self.fail(key, f"{_show(value)} is out of range; expected {low} to {high}")
        return int(value)

    def number(self, key: str, low: float, high: float, default: float | None = None) -> float:
        value = self.data.get(key)
        if value is None and default is not None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise self.fail(key, f"expected a number from {low:g} to {high:g}, got {_show(value)}")
        if not low <= value <= high:  # an infinity is out of every range
            raise self.fail(key, f"{_show(value)} is out of range; expected {low:g} to {high:g}")
        return float(value)

    def optional_number(self, key: str, low: float, high: float) -> float | None:
        return self.number(key, low, high) if self.has(key) else None

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {_show(value)}")
        return value

    def sub(self, key: str, required: bool = True) -> Fields:
        value = self.data.get(key)
        if value is None and not required:
            value = {}
        if value is None:
            raise self.fail(key, "missing; expected a mapping")
        return Fields(value, self.file, self.path(key), self.error)

    def items(self, key: str, min_items: int = 1) -> list[Fields]:
        """A list of mappings, each as Fields named key[i]."""
        value = self.data.get(key)
        if value is None:
            value = []
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, got {_kind(value)}")
        if len(value) < min_items:
            raise self.fail(key, f"needs at least {min_items} item{'s' if min_items > 1 else ''}")
        return [Fields(v, self.file, f"{self.path(key)}[{i}]", self.error) for i, v in enumerate(value)]


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {_quote(value)}"
    return type(value).__name__


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    return _quote(value) if isinstance(value, str) else repr(value)


QUOTED = 60  # a value quoted back in a message: at most this many characters of it


def _quote(text: str) -> str:
    """`text` quoted for a message; a long one (a whole file read as one value) by its
    start and its length, not in full."""
    if len(text) <= QUOTED:
        return repr(text)
    return f"{text[:QUOTED]!r}…({len(text) - QUOTED:,} more characters)"  # as errors.one_line words it
