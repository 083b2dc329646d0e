"""The one error type for what users can cause; the CLI maps it to an exit code."""

from __future__ import annotations

from collections.abc import Iterable

EXIT_DATA = 1  # a file or data problem the user can fix
EXIT_USAGE = 2  # unknown role, bad option value
EXIT_INTERRUPTED = 130


class CareerError(Exception):
    """A problem the user can fix. The message is one line: what, where, what was expected."""

    exit_code = EXIT_DATA

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DataError(CareerError):
    """A file or data problem (exit 1): the message names the file and the field."""

    exit_code = EXIT_DATA


class UsageProblem(CareerError):
    """A usage problem (exit 2): unknown role, bad option value."""

    exit_code = EXIT_USAGE


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The valid names closest to `word`, best first (case-insensitive)."""
    import difflib

    by_lower: dict[str, str] = {}
    for choice in choices:
        by_lower.setdefault(choice.lower(), choice)
    hits = difflib.get_close_matches(word.lower(), list(by_lower), n=n, cutoff=0.6)
    if not hits and word.strip():
        # prefix/substring hints catch abbreviations difflib misses ("eng" -> "ml-engineer")
        hits = [c for c in by_lower if word.lower() in c][:n]
    return [by_lower[h] for h in hits]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x' or 'y'?)' or '' when nothing is close."""
    hits = closest(word, choices)
    if not hits:
        return ""
    return " (did you mean " + " or ".join(f"'{h}'" for h in hits) + "?)"
