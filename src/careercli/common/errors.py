"""The one error type for what users can cause; the CLI maps it to an exit code."""

from __future__ import annotations

import re
from collections.abc import Iterable

EXIT_DATA = 1  # a file or data problem the user can fix
EXIT_USAGE = 2  # unknown role, bad option value
EXIT_INTERRUPTED = 130

MAX_WORD = 160  # longer runs without a space (a 30 MB line quoted back) are shortened
MAX_MESSAGE = 2000
# patterns, compiled (and cached by `re`) on the first message rather than at every start-up
_LONG_WORD = rf"\S{{{MAX_WORD + 1},}}"
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"


def one_line(message: str) -> str:
    """`message` as one printable line of sensible length, whatever values it quotes back:
    line breaks and control characters (an escape sequence in a file) are shown escaped,
    and a value of thousands of characters keeps its start and its end."""
    text = message.replace("\r\n", "\\n").replace("\n", "\\n").replace("\t", " ")
    text = re.sub(_CONTROL, lambda m: repr(m[0])[1:-1], text)
    text = re.sub(_LONG_WORD, _shorten, text)
    if len(text) > MAX_MESSAGE:
        text = text[: MAX_MESSAGE - 1] + "…"
    return text


def _shorten(match: re.Match[str]) -> str:
    word = match[0]
    return f"{word[:100]}…({len(word) - 140:,} more characters)…{word[-40:]}"


class CareerError(Exception):
    """A problem the user can fix. The message is one line: what, where, what was expected."""

    exit_code = EXIT_DATA

    def __init__(self, message: str) -> None:
        message = one_line(message)
        super().__init__(message)
        self.message = message


class DataError(CareerError):
    """A file or data problem (exit 1): the message names the file and the field."""

    exit_code = EXIT_DATA


class UsageProblem(CareerError):
    """A usage problem (exit 2): unknown role, bad option value."""

    exit_code = EXIT_USAGE


class Interrupted(CareerError):
    """Ctrl-C (exit 130): the message says what was cancelled and what was left as it was."""

    exit_code = EXIT_INTERRUPTED


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
