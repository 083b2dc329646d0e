"""Consoles and plain output helpers shared by every command."""

from __future__ import annotations

import json
import os
import sys
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

    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    return PlainTailConsole(stderr=stderr, no_color=no_color, highlight=False, soft_wrap=False, emoji=False)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def money(amount: float | None, currency: str = "USD", compact: bool = True) -> str:
    """$185K / $185,000 / EUR 70K: short enough for a table cell."""
    if amount is None:
        return "-"
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency, "")
    prefix = symbol or f"{currency} "
    if compact and abs(amount) >= 1000:
        return f"{prefix}{amount / 1000:,.0f}K"
    return f"{prefix}{amount:,.0f}"
