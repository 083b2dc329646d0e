"""Consoles and plain output helpers shared by every command."""

from __future__ import annotations

import codecs
import json
import os
import sys
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def console(stderr: bool = False) -> Console:
    """A Rich console that honours NO_COLOR, TERM=dumb, COLUMNS and pipes."""
    from rich.console import Console

    class PlainTailConsole(Console):
        """Rich pads every line to the full width; in a pipe or a file that is noise."""

        def _render_buffer(self, buffer: Any) -> str:
            text = super()._render_buffer(buffer)
            if self.is_terminal:
                return text
            return "\n".join(line.rstrip(" ") for line in text.split("\n"))

        def on_broken_pipe(self) -> None:
            # Rich exits 1 here; the reader (`| head`) simply stopped: the CLI maps this to 0.
            self.quiet = True
            raise BrokenPipeError

    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    return PlainTailConsole(stderr=stderr, no_color=no_color, highlight=False, soft_wrap=False, emoji=False)


def emit_json(data: Any) -> None:
    # \u escapes where the output cannot carry the text itself (LANG=C): the data is intact.
    ascii_only = not _is_unicode(sys.stdout)
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=ascii_only) + "\n")


# What a character the output cannot encode (LANG=C, an ASCII terminal) is shown as: one
# character for one, so tables stay aligned; only currency signs say their code.
ASCII_FALLBACK = {
    "·": "-",
    "•": "*",
    "→": ">",
    "←": "<",
    "≈": "~",
    "≥": ">",
    "≤": "<",
    "±": "+",
    "×": "x",
    "…": ".",
    "–": "-",
    "—": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "€": "EUR ",
    "£": "GBP ",
    "¥": "JPY ",
    "█": "#",
    "▉": "+",
    "▊": "+",
    "▋": "+",
    "▌": "+",
    "▍": "+",
    "▎": "+",
    "▏": "+",
    "▓": "#",
    "░": ":",
    "▒": ":",
    "┃": "|",
    "│": "|",
    "─": "-",
    "├": "|",
    "┤": "|",
    "┼": "+",
    "✓": "v",
    "✗": "x",
    "\u00a0": " ",
}
ERRORS_HANDLER = "careercli-ascii"


def _ascii_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for char in exc.object[exc.start : exc.end]:
        if char in ASCII_FALLBACK:
            out.append(ASCII_FALLBACK[char])
            continue
        # accents dropped ("Zürich" -> "Zurich"), blocks and symbols as "?"
        plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        out.append(plain or "?")
    return "".join(out), exc.end


codecs.register_error(ERRORS_HANDLER, _ascii_fallback)


def _is_unicode(stream: Any) -> bool:
    encoding = str(getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding.startswith(("utf", "ucs"))


def currency_symbol(currency: str) -> str:
    """'$', '€' or '£' for USD, EUR, GBP, or '' (then the code is shown): '€' and '£' only
    where stdout can print them, so an ASCII terminal reads "EUR 70K" and tables keep their
    widths."""
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency, "")
    return symbol if symbol.isascii() or _is_unicode(sys.stdout) else ""


def prepare_streams() -> None:
    """Make stdout and stderr safe to print anything to: where their encoding cannot carry
    a character (LANG=C gives ASCII), it is printed as its nearest ASCII instead of ending
    the command with a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or _is_unicode(stream):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=ERRORS_HANDLER)


def money(amount: float | None, currency: str = "USD", compact: bool = True) -> str:
    """$185K / $185,000 / EUR 70K: short enough for a table cell."""
    if amount is None:
        return "-"
    symbol = currency_symbol(currency)
    prefix = symbol or f"{currency} "
    if compact and abs(amount) >= 1000:
        return f"{prefix}{amount / 1000:,.0f}K"
    return f"{prefix}{amount:,.0f}"
