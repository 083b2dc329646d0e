"""CSV dialects (#13.5): semicolon, pipe and tab files detected; --delimiter and --encoding
for when detection is wrong; hypothesis: any table written with any of the delimiters is
read back with that delimiter."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import Invoke

from careercli.jobs.importer import DELIMITERS, sniff


def table(delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["title", "company", "salary", "location"])
    writer.writerow(["Data Analyst", "Acme, Inc.", "€50.000 - €60.000", "Berlin; Germany"])
    writer.writerow(["ML Engineer", "Beta|Gamma", "$120,000", "Remote"])
    return out.getvalue()


@pytest.mark.parametrize("delimiter", list(DELIMITERS))
def test_each_delimiter_is_detected_in_a_csv_file(invoke: Invoke, tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "export.csv"
    path.write_text(table(delimiter), encoding="utf-8")
    result = invoke("jobs", "import", str(path), "--json")
    assert result.exit_code == 0, result.output
    (f,) = json.loads(result.output)["files"]
    assert (f["rows"], f["imported"]) == (2, 2)
    jobs = {j["title"]: j for j in json.loads(invoke("jobs", "--search", "acme", "--json").output)["jobs"]}
    assert jobs["Data Analyst"]["company"] == "Acme, Inc."


def test_delimiter_and_encoding_options(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("title;company\nCafé Analyst;Crème, Brûlée\n".encode("cp1252"))
    refused = invoke("jobs", "import", str(path))
    assert refused.exit_code == 1 and "is not UTF-8" in refused.output
    result = invoke("jobs", "import", str(path), "--delimiter", "semicolon", "--encoding", "cp1252", "--json")
    assert result.exit_code == 0, result.output
    jobs = json.loads(invoke("jobs", "--search", "café", "--json").output)["jobs"]
    assert [(j["title"], j["company"]) for j in jobs] == [("Café Analyst", "Crème, Brûlée")]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--delimiter", "ab"], "--delimiter: 'ab' is not one character"),
        (["--encoding", "klingon"], "--encoding: unknown encoding 'klingon'"),
    ],
)
def test_bad_dialect_options_exit_2(invoke: Invoke, tmp_path: Path, args: list[str], says: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text("title\nX\n", encoding="utf-8")
    result = invoke("jobs", "import", str(path), *args)
    assert result.exit_code == 2 and says in result.output


CELL = st.text(st.sampled_from("abcxyz019 .,;|\t€-"), min_size=1, max_size=12).filter(lambda c: c.strip())


@settings(max_examples=200, deadline=None)
@given(
    delimiter=st.sampled_from(list(DELIMITERS)),
    width=st.integers(2, 6),
    rows=st.integers(1, 8),
    data=st.data(),
)
def test_sniffed_delimiter_is_the_one_written(
    delimiter: str, width: int, rows: int, data: st.DataObject
) -> None:
    header = [f"col{i}" for i in range(width)]
    body = [data.draw(st.lists(CELL, min_size=width, max_size=width)) for _ in range(rows)]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerows([header, *body])
    assert sniff(out.getvalue()) == delimiter
