"""Property-based fuzzing of everything that reads what a user hands careercli.

The answers-file loader, the data-pack loader, the salary-text parser, the survey CSV
reader and the job importers get random text, random bytes and random YAML/JSON-shaped
values. The one property: nothing escapes but careercli's own CareerError (which the CLI
turns into one line and an exit code). Settings are modest so the file runs in seconds.
"""

from __future__ import annotations

import json
import os
import string
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.conftest import MINIMAL_ROLE

from careercli.catalog.loader import load_catalog
from careercli.common.errors import CareerError
from careercli.jobs import pay_text as salary_text
from careercli.jobs.importer import read_file, read_response
from careercli.jobs.record import RowMaker
from careercli.profile.answers import load_answers, parse_answers

CATALOG = load_catalog(use_cache=False)
# CAREERCLI_FUZZ_EXAMPLES=5000 for a long hunt; the suite's default keeps the file to seconds
EXAMPLES = int(os.environ.get("CAREERCLI_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="careercli-fuzz-") as name:
        yield Path(name)


def only_our_errors(call: Any, *args: Any) -> Any:
    """Run `call`; a CareerError is a fine answer, anything else fails the property."""
    try:
        return call(*args)
    except CareerError as exc:
        assert exc.message and "\n" not in exc.message
        return None


# --- values shaped like parsed YAML/JSON, with the keys the loaders look for -------------

ANSWER_KEYS = [
    "schema_version",
    "experience_years",
    "level",
    "education",
    "degree",
    "field",
    "mba",
    "skills",
    "interests",
    "industries",
    "work_mode",
    "locations",
    "min_salary",
    "amount",
    "currency",
    "python",
    "sql",
    "investigative",
    "I",
    "finance",
]
ROLE_KEYS = [
    "schema_version",
    "id",
    "title",
    "aliases",
    "level",
    "family",
    "summary",
    "responsibilities",
    "skills",
    "importance",
    "education",
    "typical",
    "minimum",
    "tools",
    "name",
    "category",
    "industries",
    "interests",
    "outlook",
    "tips",
    "related",
    "sources",
    "date",
]
JOB_KEYS = [
    "title",
    "company",
    "company_name",
    "location",
    "candidate_required_location",
    "salary",
    "Salary Estimate",
    "description",
    "job_level",
    "job_type",
    "publication_date",
    "created_at",
    "url",
    "tags",
    "remote",
    "id",
    "slug",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["senior", "master", "python", "USD", "remote", "2024-01-02", "100K", "€70K–90K"]),
    st.dates(),
)


def shaped(keys: list[str]) -> st.SearchStrategy[Any]:
    key = st.one_of(st.sampled_from(keys), st.text(max_size=12), st.integers(-3, 3), st.booleans())
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(key, inner, max_size=6),
        ),
        max_leaves=25,
    )


def mutated_example() -> st.SearchStrategy[dict[str, Any]]:
    """The example answers file with one key's value replaced by anything."""
    base: dict[str, Any] = yaml.safe_load(
        (Path(__file__).parent.parent / "examples" / "engineer.yaml").read_text(encoding="utf-8")
    )
    return st.tuples(st.sampled_from(sorted(base)), shaped(ANSWER_KEYS)).map(
        lambda kv: {**base, kv[0]: kv[1]}
    )


yamlish = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=string.printable + "{}[]:-!&*|>'\"#%@`é€\u2028\ufeff", max_size=300),
    shaped(ANSWER_KEYS).map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
)


# --- answers files -----------------------------------------------------------------------


@FUZZ
@given(data=st.one_of(shaped(ANSWER_KEYS), mutated_example()))
def test_answers_parser_raises_only_career_errors(data: Any) -> None:
    only_our_errors(parse_answers, data, CATALOG, "fuzz.yaml")


@FUZZ
@given(content=st.one_of(yamlish.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=300)))
@example(content=b"\xef\xbb\xbf")
@example(content=b"!!python/object/apply:os.system ['true']")
@example(content=b"&a [*a]")
@example(content=b"a: !!binary AAAA\n")
@example(content=b"experience_years: .nan\neducation: master\n")
@example(content=b"experience_years: 1e999\neducation: master\n")
def test_answers_file_loader_raises_only_career_errors(content: bytes) -> None:
    with folder() as tmp:
        path = tmp / "answers.yaml"
        path.write_bytes(content)
        only_our_errors(load_answers, path, CATALOG)


# --- data packs --------------------------------------------------------------------------

ROLE = MINIMAL_ROLE.format(id="ml-platform-lead", title="ML Platform Lead")
ROLE_DATA: dict[str, Any] = yaml.safe_load(ROLE)


def role_variant() -> st.SearchStrategy[str]:
    replace_value = st.tuples(st.sampled_from(sorted(ROLE_DATA)), shaped(ROLE_KEYS)).map(
        lambda kv: yaml.safe_dump({**ROLE_DATA, kv[0]: kv[1]}, allow_unicode=True)
    )
    drop_key = st.sampled_from(sorted(ROLE_DATA)).map(
        lambda k: yaml.safe_dump({x: v for x, v in ROLE_DATA.items() if x != k})
    )
    cut = st.integers(0, len(ROLE)).map(lambda n: ROLE[:n])
    return st.one_of(replace_value, drop_key, cut, yamlish)


@FUZZ
@given(
    role=role_variant(),
    which=st.sampled_from(["roles/ml-platform-lead.yaml", "skills.yaml", "industries.yaml"]),
)
def test_data_pack_loader_raises_only_career_errors(role: str, which: str) -> None:
    with folder() as tmp:
        target = tmp / which
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(role, encoding="utf-8")
        only_our_errors(lambda: load_catalog(tmp, use_cache=False))


@settings(max_examples=max(EXAMPLES // 4, 10), deadline=None)
@given(content=st.binary(max_size=200))
def test_data_pack_loader_on_bytes(content: bytes) -> None:
    with folder() as tmp:
        (tmp / "roles").mkdir()
        (tmp / "roles" / "x.yaml").write_bytes(content)
        only_our_errors(lambda: load_catalog(tmp, use_cache=False))


# --- salary text -------------------------------------------------------------------------

salary_words = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "$",
                "€",
                "£",
                "USD",
                "EUR",
                "K",
                "k",
                "M",
                "-",
                "–",
                "to",
                "a year",
                "/hr",
                "per month",
                "up to",
            ]
        ),
        st.sampled_from(["from", "(Glassdoor est.)", "+", ",", ".", "0", "1e9", "∞", "NaN", "-1", "½"]),
        st.integers(-(10**20), 10**20).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.text(max_size=5),
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(
    text=st.one_of(salary_words, st.text(max_size=80), st.integers(), st.floats(), st.none(), st.booleans())
)
@example(text="9" * 400 + "K")
@example(text="$1" + "0" * 400)
def test_salary_text_parser_never_raises(text: Any) -> None:
    parsed = only_our_errors(salary_text.parse, text)
    if parsed is not None:
        low, high = parsed.yearly()
        assert low is None or low >= 0
        assert high is None or low is None or high >= low


# --- job importers -----------------------------------------------------------------------


@FUZZ
@given(
    content=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(st.lists(st.text(max_size=12), max_size=5), max_size=6).map(
            lambda rows: "\n".join(",".join(r) for r in [["title", "company", "salary"], *rows]).encode()
        ),
    ),
    suffix=st.sampled_from([".csv", ".tsv", ".json", ".jsonl", ".txt", ""]),
)
@example(content=b"\xef\xbb\xbf", suffix=".csv")
@example(content=b'"unterminated', suffix=".csv")
@example(content=b"{}\n{", suffix=".jsonl")
@example(content=b'{"jobs": {}}', suffix=".json")
@example(content=b"title\n" + b"x" * 600, suffix=".csv")
def test_job_file_import_raises_only_career_errors(content: bytes, suffix: str) -> None:
    with folder() as tmp:
        path = tmp / f"jobs{suffix}"
        path.write_bytes(content)
        parsed = only_our_errors(read_file, path, RowMaker(CATALOG))
        if parsed is not None:
            assert parsed.rows == len(parsed.jobs) + len(parsed.rejected)


@FUZZ
@given(data=shaped(JOB_KEYS), wrap=st.sampled_from(["list", "jobs", "data", "bare"]))
def test_job_json_import_raises_only_career_errors(data: Any, wrap: str) -> None:
    shaped_data = {"list": [data], "jobs": {"jobs": [data]}, "data": {"data": [data]}, "bare": data}[wrap]
    parsed = only_our_errors(read_response, "fuzz.json", shaped_data, RowMaker(CATALOG, "EUR"))
    if parsed is not None:
        assert parsed.rows == len(parsed.jobs) + len(parsed.rejected)
        # what is imported must survive the store's JSON round trip (the --rejects file)
        json.dumps([r for _, _, r in parsed.rejected], default=str)


# --- the survey CSV of `salary --data` ---------------------------------------------------

HEADER = (
    "work_year,experience_level,employment_type,job_title,salary,salary_currency,"
    "salary_in_usd,employee_residence,remote_ratio,company_location,company_size"
)
survey_cell = st.one_of(
    st.sampled_from(["2024", "2024e", "SE", "FT", "Data Scientist", "150000", "USD", "US", "100", "M", ""]),
    st.text(alphabet=string.printable, max_size=8),
)


@settings(max_examples=max(EXAMPLES // 2, 10), deadline=None)
@given(rows=st.lists(st.lists(survey_cell, min_size=0, max_size=12), max_size=5))
@example(rows=[["2024", "SE", "FT", "Data Scientist", "150000", "USD", "150000", "US", "100", "US", "M"]])
def test_survey_csv_reader_raises_only_career_errors(rows: list[list[str]]) -> None:
    from careercli.salary.sources import load_csv

    with folder() as tmp:
        path = tmp / "survey.csv"
        path.write_text("\n".join([HEADER, *(",".join(r) for r in rows)]) + "\n", encoding="utf-8")
        data = only_our_errors(load_csv, path)
        if data is not None and data.years():
            group = data.group("data-scientist")
            assert group is None or group.key == "data-scientist"


@pytest.mark.parametrize("size", [0, 1, 10])
def test_fuzz_helpers_accept_what_they_should(size: int) -> None:
    """A sanity check of the harness: a good answers file parses, and only_our_errors
    passes real errors through as None rather than hiding other exceptions."""
    with pytest.raises(ZeroDivisionError):
        only_our_errors(lambda: 1 / 0)
    assert only_our_errors(lambda: size) == size
