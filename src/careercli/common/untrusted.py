"""Text written by strangers (job files, feeds, data packs, answers files), made safe to print.

A job feed's company field can hold `ESC ]2;title BEL` (renames the terminal window),
`ESC [2J` (clears the screen), NUL, or a right-to-left override (U+202E) that makes a
line read backwards. Such text is cleaned where it enters (`clean`: each such character
becomes its visible escape, `\\x1b`, `\\u202e`, so the tampering shows) and again where it
leaves (`printable`: the renderers' last guard, one replacement character each so that
table columns keep their widths; `escape_json`; `csv_cell`).

Only `re` is imported here: the CLI's error path uses it at every start-up.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls; bidirectional embeddings, overrides
# and isolates (U+202A-U+202E, U+2066-U+2069); line and paragraph separators, which some
# terminals and editors treat as line breaks.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029"
UNSAFE = re.compile(f"[{_UNSAFE}]")
UNSAFE_OR_TAB = re.compile(f"[\t{_UNSAFE}]")
UNSAFE_OR_BREAK = re.compile(f"[\t\n{_UNSAFE}]")
REPLACEMENT = "\ufffd"
# A CSV cell starting with one of these is a formula to a spreadsheet (CWE-1236).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str, multiline: bool = False) -> str:
    """`text` with every control and bidi character shown as its escape (`\\x1b`, `\\u202e`);
    a tab becomes a space; `\\r\\n` and a lone `\\r` become a line break where `multiline`,
    else a space, as does a line break."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    else:
        text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    text = text.replace("\t", " ")
    if UNSAFE.search(text) is None:
        return text
    return UNSAFE.sub(_escape, text)


def clean_value(value: object) -> object:
    """Strings anywhere in a parsed file (dict keys and values, lists) cleaned: multi-line
    strings keep their line breaks."""
    if isinstance(value, str):
        return clean(value, multiline=True) if UNSAFE_OR_TAB.search(value) else value
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    return value


def has_unsafe(text: str) -> bool:
    return UNSAFE.search(text) is not None


def printable(text: str) -> str:
    """The renderers' last guard: each control or bidi character left (tab and line break
    are kept) becomes U+FFFD, one column wide like the character it replaces at most."""
    return UNSAFE.sub(REPLACEMENT, text) if UNSAFE.search(text) else text


def escape_json(text: str) -> str:
    """JSON text (as json.dumps writes it) with C1 and bidi characters as \\u escapes:
    json.dumps escapes C0 but passes those through when ensure_ascii is off."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def csv_cell(value: str) -> str:
    """A CSV cell that prints and imports safely: controls and bidi characters escaped, a
    tab or line break a space, and one that a spreadsheet would run as a formula
    (`=`, `+`, `-`, `@`, tab, CR at the start; a number like -5 is left alone) prefixed
    with `'`."""
    if value.startswith(FORMULA_START) and _NUMBER.fullmatch(value) is None:
        value = "'" + value
    if UNSAFE_OR_BREAK.search(value) is None:
        return value
    return clean(value)
