"""The fit-ranked listing's SQL preselection (issue 15): `jobs --for-me --limit N` bounds every
stored row's fit from the `job_asks` masks and scores exactly only the rows that can reach
the top N. Over randomized stores and profiles (skills that share the overflow bit among
them), the top N it returns is the one JobFitter.score gives scoring every job in Python."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from tests.old_stores import downgrade

from careercli.catalog.loader import load_catalog
from careercli.common.currency import load_rates
from careercli.common.vocab import DEGREES, LEVELS
from careercli.jobs.job_fit import JobFitter, bound_sql, fit_function
from careercli.jobs.model import all_jobs
from careercli.jobs.query import JobQuery, filter_jobs
from careercli.jobs.record import RowMaker
from careercli.jobs.store import ASK_BITS, Batch, _connect, add_batches, ask_bit, load_jobs, search_jobs
from careercli.profile.model import Profile

CATALOG = load_catalog()
SKILLS = sorted(CATALOG.skills)
OVERFLOW = [s for s in SKILLS if s not in ASK_BITS]  # they share bit 62
CUES = ("{} required.", "Must have {}.", "{} is a plus.", "Experience with {}.", "Nice to have: {}.")


def _text(rng: random.Random) -> str:
    names = [CATALOG.skills[s].name for s in rng.sample(SKILLS, rng.randrange(0, 9))]
    names += [CATALOG.skills[s].name for s in rng.sample(OVERFLOW, rng.randrange(0, 3))]
    parts = [rng.choice(CUES).format(n) for n in names]
    parts.append(rng.choice(("", "3+ years of experience.", "10+ years.", "Master's degree required.")))
    return " ".join(parts) + " Words." * rng.randrange(0, 300)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(15)
    path = tmp_path_factory.mktemp("fit") / "jobs.sqlite3"
    maker = RowMaker(CATALOG, "USD")
    titles = ("Data Scientist", "Senior ML Engineer", "Data Analyst", "Chemist", "Data Engineer Intern")
    rows = [
        maker.make(
            {
                "id": f"r{i}",
                "title": rng.choice(titles),
                "company": f"Co {i % 40}",
                "location": rng.choice(("Berlin", "Remote", "New York")),
                "level": rng.choice(("", "Entry level", "Mid senior", "Director")),
                "description": _text(rng),
                "salary": rng.choice(("", "$90K-$150K", "€60K")),
            }
        )
        for i in range(900)
    ]
    add_batches([Batch("gen", "import", "gen.csv", len(rows), rows)], path)
    return path


def _profile(rng: random.Random) -> Profile:
    picked = rng.sample(SKILLS, rng.randrange(1, 12)) + rng.sample(OVERFLOW, rng.randrange(0, 3))
    return Profile(
        experience_years=float(rng.randrange(0, 15)),
        level=rng.choice(LEVELS),
        level_given=True,
        degree=rng.choice(DEGREES),
        skills={s: rng.randrange(0, 6) for s in picked},
    )


def _role_fits(rng: random.Random, n: int) -> dict[str, float]:
    return {r: rng.uniform(0, 100) for r in rng.sample(sorted(CATALOG.roles), n)}


def test_the_bound_is_never_below_the_score(store: Path) -> None:
    rng = random.Random(3)
    conn = _connect(store, create=False)
    jobs = {j.id: j for j in load_jobs(path=store)}
    ids = dict(conn.execute("SELECT rowid, id FROM jobs").fetchall())
    for _ in range(10):
        fitter = JobFitter(_profile(rng), _role_fits(rng, 5))
        bound, args = bound_sql(fitter, ask_bit)
        conn.create_function("job_fit", 8, fit_function(fitter))
        cols = "asked, ask_own, ask_weight, years_asked, degree_asked, role, level, extracted"
        exact = dict(conn.execute(f"SELECT rowid, job_fit({cols}) FROM jobs").fetchall())
        for rowid, b in conn.execute(f"SELECT job, {bound} FROM job_asks", args):
            score = fitter.score(jobs[ids[rowid]])
            assert exact[rowid] == score
            assert b >= score - 0.2
    conn.close()


@pytest.mark.parametrize("spare", [0, 64])  # 0: the edge runs past the rows read first
@pytest.mark.parametrize("seed", range(12))
def test_the_preselected_top_n_is_the_top_n_of_scoring_every_job(
    store: Path, seed: int, spare: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercli.jobs import stream

    monkeypatch.setattr(stream, "FIT_SPARE", spare)
    rng = random.Random(seed)
    rates, bundled = load_rates(), all_jobs(CATALOG)
    everything = [*bundled, *load_jobs(path=store)]
    fitter = JobFitter(_profile(rng), _role_fits(rng, 6))
    for query in (
        JobQuery(limit=rng.choice((1, 5, 20))),
        JobQuery(levels=frozenset({rng.choice(LEVELS)}), limit=10),
        JobQuery(locations=("berlin",), min_salary=80000, limit=7),
        JobQuery(search=("python",), remote=True, limit=3),
    ):
        pushed = search_jobs(bundled, query, rates, fitter.role_fits, path=store, fitter=fitter)
        pure = filter_jobs(everything, query, rates, fitter.role_fits, fitter)
        assert [(m.job.id, m.fit) for m in pushed.matches] == [(m.job.id, m.fit) for m in pure.matches]
        for a, b in zip(pushed.matches, pure.matches, strict=True):
            assert a.why == b.why, (a.why, b.why)
        assert (pushed.total, pushed.no_salary_dropped) == (pure.total, pure.no_salary_dropped)


def test_job_asks_follows_a_reindex_and_a_clear(tmp_path: Path) -> None:
    """Rows stored unread (extracted 0), then read by `jobs reindex`: the triggers keep
    job_asks in step, so the fit-ranked top N is still scoring every job's; a clear empties it."""
    from careercli.jobs.store import clear, reindex

    rng = random.Random(7)
    path = tmp_path / "jobs.sqlite3"
    maker = RowMaker(CATALOG, "USD", extract=False)
    rows = [
        maker.make({"id": f"u{i}", "title": "Data Scientist", "description": _text(rng)}) for i in range(200)
    ]
    add_batches([Batch("gen", "import", "gen.csv", len(rows), rows)], path)
    assert reindex(CATALOG, path) == 200
    fitter = JobFitter(_profile(rng), _role_fits(rng, 4))
    query, rates, bundled = JobQuery(limit=10), load_rates(), all_jobs(CATALOG)
    pushed = search_jobs(bundled, query, rates, fitter.role_fits, path=path, fitter=fitter)
    pure = filter_jobs([*bundled, *load_jobs(path=path)], query, rates, fitter.role_fits, fitter)
    assert [(m.job.id, m.fit) for m in pushed.matches] == [(m.job.id, m.fit) for m in pure.matches]
    conn = _connect(path, create=False)
    assert conn.execute("SELECT count(*) FROM job_asks WHERE extracted = 1").fetchone()[0] == 200
    conn.close()
    clear(path=path)
    conn = _connect(path, create=False)
    assert conn.execute("SELECT count(*) FROM job_asks").fetchone()[0] == 0
    conn.close()


def test_migration_5_backfills_job_asks_from_the_stored_rows(store: Path, tmp_path: Path) -> None:
    """A schema-4 store gains job_asks filled from every stored row (the masks the triggers
    would have written), and loses nothing: the same rows, the same listing."""
    import shutil

    from careercli.jobs.store import _ask_mask, reading

    old = tmp_path / "jobs.sqlite3"
    shutil.copy(store, old)
    conn = _connect(old, create=False)
    expected = conn.execute("SELECT * FROM job_asks ORDER BY job").fetchall()
    downgrade(conn, 4)
    conn.close()
    with reading(old) as migrated:
        assert migrated is not None
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == 5
        assert migrated.execute("SELECT * FROM job_asks ORDER BY job").fetchall() == expected
        for asked, high, low in migrated.execute(
            "SELECT asked, high, low FROM jobs JOIN job_asks ON job = jobs.rowid"
        ):
            assert (high, low) == (_ask_mask(asked, 2), _ask_mask(asked, 1))
    assert load_jobs(path=old) == load_jobs(path=store)
