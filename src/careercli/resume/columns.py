"""Two-column PDF pages whose text runs across both columns, line by line.

A PDF that draws a sidebar and the main column row by row reads, in pypdf's text order,
as "SKILLS Ben Okafor" / "PyTorch (expert) Lead Machine Learning Engineer": each line
glues a piece of one column to a piece of the other, and the sections, titles and dates
of the two get mixed. From the position of each piece of text, this finds a column edge
(the same left edge shared by the second piece of several lines) and reads the left
column, then the right. It only splits when each side then holds a section heading of
its own, so right-aligned dates beside job titles, or a two-cell table, stay as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from careercli.resume.parse import heading

SAME_LINE = 2.0  # points: pieces whose baselines are this close are on one line
MIN_EDGE_LINES = 3  # lines whose second piece starts at the edge
MIN_INDENT = 90.0  # points: a column edge this far right of the leftmost text at least


class Piece(NamedTuple):
    x: float
    y: float  # PDF coordinates: larger is higher on the page
    text: str


def _lines(pieces: Sequence[Piece]) -> list[list[Piece]]:
    lines: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x)):
        if lines and abs(lines[-1][0].y - piece.y) <= SAME_LINE:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [sorted(line, key=lambda p: p.x) for line in lines]


def _edge(lines: list[list[Piece]]) -> float | None:
    left = min(line[0].x for line in lines)
    starts = Counter(round(p.x) for line in lines for p in line[1:] if p.x - left >= MIN_INDENT)
    if not starts:
        return None
    x, count = starts.most_common(1)[0]
    return float(x) if count >= MIN_EDGE_LINES else None


def column_text(pieces: Sequence[Piece]) -> str | None:
    """The page's text read column by column, or None when it is not two columns that
    run side by side (then pypdf's own text order stands)."""
    pieces = [p for p in pieces if p.text.strip()]
    lines = _lines(pieces)
    if len(lines) < MIN_EDGE_LINES:
        return None
    edge = _edge(lines)
    if edge is None:
        return None
    columns: tuple[list[str], list[str]] = ([], [])
    for line in lines:
        for side, keep in (
            (0, [p for p in line if p.x < edge - 1]),
            (1, [p for p in line if p.x >= edge - 1]),
        ):
            if keep:
                columns[side].append(" ".join(p.text.strip() for p in keep))
    if not all(any(heading(text) for text in column) for column in columns):
        return None
    return "\n".join([*columns[0], *columns[1]])
