"""`jobs --json` / `--csv` streamed from SQLite in order (issue 13 point 6): the same bytes as
the ranked path, over a generated store of a few thousand jobs, across sorts and filters."""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks.job_store import jobs as generated
from typer.testing import Result

from careercli.catalog.loader import load_catalog
from careercli.common.currency import load_rates
from careercli.jobs.job_fit import JobFitter
from careercli.jobs.model import all_jobs
from careercli.jobs.query import JobQuery
from careercli.jobs.record import RowMaker
from careercli.jobs.render import write_csv, write_json
from careercli.jobs.store import LAZY_FROM, Batch, add_batches, search_jobs
from careercli.jobs.stream import StreamedMatches, streams

Invoke = Callable[..., Result]
N = LAZY_FROM + 700  # past LAZY_FROM, so the ranked path reads its rows lazily too


def _rows(n: int) -> list[dict[str, str]]:
    rows = list(generated(n, seed=13))
    rng = random.Random(13)
    tricky = ["Straße Analyst", "STRASSE ANALYST", "Éclair Data Lead", "eclair data lead", "Data Scientist"]
    for i, row in enumerate(rows[:300]):
        row["title"] = rng.choice(tricky)  # casefold ties and non-ASCII titles
        row["company"] = rng.choice(["Occam AI", "occam ai", "Zeta"])
        row["posted"] = "2023-12-06" if i % 2 else row["posted"]  # the bundled jobs' date
        row["salary"] = rng.choice(["", "€60K-€80K", "£50,000", "$100K-$180K", "$40/hour", "CHF 9000/month"])
    return rows


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stream") / "jobs.sqlite3"
    maker = RowMaker(load_catalog(), "USD", extract=False)
    made = [
        maker.make({"id": r["job_id"], "type": r["job_type"], "level": r["job_level"], **r}) for r in _rows(N)
    ]
    add_batches([Batch("gen", "import", "gen.csv", len(made), made)], path)
    return path


QUERIES = [
    JobQuery(sort="title"),
    JobQuery(sort="posted"),
    JobQuery(sort="salary"),
    JobQuery(),  # fit without a profile: pay order
    JobQuery(sort="salary", currency="EUR"),
    JobQuery(sort="posted", currency="GBP", levels=frozenset({"senior", "entry"})),
    JobQuery(sort="title", remote=True),
    JobQuery(sort="salary", role="data-scientist"),
    # what filter_jobs alone used to decide: every filter and its combinations, in SQL
    JobQuery(sort="title", search=("python",)),
    JobQuery(sort="salary", search=("straße", "analyst")),  # non-ASCII words: the word test
    JobQuery(sort="posted", search=("pipe",)),  # a word start, not a word
    JobQuery(sort="title", locations=("berlin",)),
    JobQuery(sort="salary", locations=("remote", "york")),
    JobQuery(sort="title", min_salary=50000),
    JobQuery(sort="salary", min_salary=100000, currency="EUR"),
    JobQuery(sort="title", types=frozenset({"contract", "part-time"})),
    JobQuery(sort="title", company="zeta"),
    JobQuery(sort="posted", company="occam", search=("analyst",), min_salary=40000),
    JobQuery(
        sort="salary", levels=frozenset({"senior"}), locations=("london",), types=frozenset({"full-time"})
    ),
    # the pay and date orders with the filters SQLite settles in C, and the floor
    JobQuery(sort="salary", types=frozenset({"contract"})),
    JobQuery(sort="posted", levels=frozenset({"senior", "mid"}), min_salary=50000),
    JobQuery(min_salary=60000, remote=True, currency="EUR"),
    JobQuery(sort="posted", role="data-scientist", types=frozenset({"full-time"})),
]


def _engineer() -> tuple[JobFitter, dict[str, float]]:
    from careercli.fit.score import score_roles
    from careercli.jobs.match import fit_map
    from careercli.profile.answers import load_answers

    catalog = load_catalog()
    profile = load_answers(Path(__file__).resolve().parent.parent / "examples" / "engineer.yaml", catalog)
    fits = fit_map(score_roles(profile, catalog))
    return JobFitter(profile, fits), fits


def _outputs(store: Path, query: JobQuery, stream: bool, fitted: bool = False) -> tuple[str, str]:
    fitter, fits = _engineer() if fitted else (None, None)
    result = search_jobs(
        all_jobs(load_catalog()), query, load_rates(), fits, path=store, fitter=fitter, stream=stream
    )
    assert isinstance(result.matches, StreamedMatches) is stream
    as_json, as_csv = io.StringIO(), io.StringIO()
    write_json(result, as_json)
    write_csv(result, as_csv)
    return as_json.getvalue(), as_csv.getvalue()


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_streamed_output_is_the_ranked_output(store: Path, query: JobQuery) -> None:
    streamed, ranked = _outputs(store, query, True), _outputs(store, query, False)
    assert streamed[1].count("\n") > 30
    assert streamed == ranked


@pytest.mark.parametrize(
    "query",
    [
        JobQuery(sort="fit"),
        JobQuery(sort="fit", levels=frozenset({"senior"}), search=("python",)),
        JobQuery(sort="fit", locations=("berlin", "remote"), min_salary=60000),
    ],
    ids=repr,
)
def test_a_fit_ranked_listing_streams_in_the_ranked_order(store: Path, query: JobQuery) -> None:
    streamed, ranked = _outputs(store, query, True, fitted=True), _outputs(store, query, False, fitted=True)
    assert '"fit_points"' in streamed[0] and streamed[1].count("\n") > 30
    assert streamed == ranked


def test_a_streamed_search_keeps_the_ranked_fields(store: Path) -> None:
    others, rates = all_jobs(load_catalog()), load_rates()
    for query in (JobQuery(sort="salary", currency="EUR"), JobQuery(sort="title", min_salary=90000)):
        streamed = search_jobs(others, query, rates, path=store, stream=True)
        ranked = search_jobs(others, query, rates, path=store, stream=False)
        assert streamed._replace(matches=[], below_floor=[]) == ranked._replace(matches=[], below_floor=[])
        assert streamed.below_floor == ranked.below_floor[: len(streamed.below_floor)]
        assert len(streamed.below_floor) >= min(3, len(ranked.below_floor))
        assert streamed.matches[5] == ranked.matches[5] and streamed.matches[-3:] == list(ranked.matches[-3:])


@pytest.mark.parametrize(
    "query",
    [
        JobQuery(sort="title", limit=20),
        JobQuery(sort="title", search=("python",)),
        JobQuery(sort="title", locations=("berlin",)),
        JobQuery(sort="fit", min_salary=50000),
    ],
    ids=repr,
)
def test_every_unlimited_listing_streams(query: JobQuery) -> None:
    assert streams(query, None, None) is (query.limit is None)


def test_the_cli_streams_csv_and_json(invoke: Invoke, store: Path, user_home: Path) -> None:
    (user_home / "jobs.sqlite3").write_bytes(store.read_bytes())
    for flag, at in (("--json", 0), ("--csv", 1)):
        for sort in ("title", "posted", "salary"):
            result = invoke("jobs", "--sort", sort, flag)
            assert result.exit_code == 0, result.output
            assert result.output == _outputs(store, JobQuery(sort=sort), False)[at]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
@pytest.mark.parametrize("limit", [1, 50])
def test_a_limited_listing_of_every_shape_is_the_pure_filters(
    store: Path, query: JobQuery, limit: int
) -> None:
    """The default table's 50 (and --limit N) of every shape: SQLite preselects the stored
    rows that can be in the top N, filter_jobs ranks them; the same as filtering everything."""
    from careercli.jobs.query import filter_jobs, match_dict
    from careercli.jobs.store import load_jobs

    others, rates = all_jobs(load_catalog()), load_rates()
    query = query._replace(limit=limit)
    pushed = search_jobs(others, query, rates, path=store)
    pure = filter_jobs([*others, *load_jobs(path=store)], query, rates)
    assert [match_dict(m) for m in pushed.matches] == [match_dict(m) for m in pure.matches]
    assert pushed._replace(matches=[], below_floor=[]) == pure._replace(matches=[], below_floor=[])
    assert pushed.below_floor == pure.below_floor[: len(pushed.below_floor)]
    assert len(pushed.below_floor) >= min(3, len(pure.below_floor))  # the footnotes name 3
