"""One O*NET text table read by header name: the reader every O*NET importer module shares."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from careercli.common.errors import DataError
from careercli.onet.pack import CODE

CODE_COL = "O*NET-SOC Code"


class Table:
    """One O*NET table: its columns found by header name; rows with their line numbers."""

    def __init__(self, folder: Path, name: str, columns: tuple[str, ...]) -> None:
        from careercli.common.yamlio import read_text

        self.path = folder / name
        if not self.path.is_file():
            raise DataError(
                f"{self.path}: no such file (an O*NET table careercli needs: {', '.join(columns)})"
            )
        self.reader = csv.reader(io.StringIO(read_text(self.path)), delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(self.reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise DataError(f"{self.path}: line 1: no header row; expected the columns {', '.join(columns)}")
        names = [cell.strip() for cell in header]
        self.index: dict[str, int] = {}
        for column in columns:
            if column not in names:
                from careercli.common.errors import did_you_mean

                raise DataError(
                    f"{self.path}: column '{column}' is missing from the header"
                    f"{did_you_mean(column, names)}; the header has: {', '.join(names)}"
                )
            self.index[column] = names.index(column)
        self.width = max(self.index.values()) + 1
        self.columns = columns

    @property
    def line(self) -> int:
        return self.reader.line_num

    def rows(self) -> Iterator[list[str]]:
        """Each data row (blank lines skipped); a short row is an error naming its column."""
        for row in self.reader:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) < self.width:
                missing = next(c for c in self.columns if self.index[c] >= len(row))
                raise self.fail(missing, f"missing (the row has {len(row)} cells)")
            yield row

    def fail(self, column: str, problem: str) -> DataError:
        return DataError(f"{self.path}: line {self.line}: column '{column}': {problem}")

    def text(self, row: list[str], column: str) -> str:
        return row[self.index[column]].strip()

    def code(self, row: list[str]) -> str:
        code = self.text(row, CODE_COL)
        if not CODE.match(code):
            raise self.fail(CODE_COL, f"'{code}' is not an O*NET-SOC code like 15-2051.00")
        return code

    def number(self, row: list[str], column: str, low: float, high: float) -> float:
        raw = self.text(row, column)
        try:
            value = float(raw)
        except ValueError:
            raise self.fail(column, f"'{raw}' is not a number") from None
        if not low <= value <= high:
            raise self.fail(column, f"{raw} is out of range; expected {low:g} to {high:g}")
        return value

    def whole(self, row: list[str], column: str, low: int, high: int) -> int:
        value = self.number(row, column, low, high)
        if value != int(value):
            raise self.fail(column, f"'{self.text(row, column)}' is not a whole number")
        return int(value)

    def choice(self, row: list[str], column: str, allowed: tuple[str, ...]) -> str:
        raw = self.text(row, column)
        if raw not in allowed:
            shown = [a or "blank" for a in allowed]
            raise self.fail(column, f"'{raw}' is not {', '.join(shown[:-1])} or {shown[-1]}")
        return raw

    def flag(self, row: list[str], column: str) -> bool:
        raw = self.text(row, column)
        if raw not in ("Y", "N"):
            raise self.fail(column, f"'{raw}' is not Y or N")
        return raw == "Y"
