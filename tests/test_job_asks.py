"""What postings ask, stored and used (#15): import/fetch extraction, the job store's
schema 3, reindex, jobs --json skills and skill_evidence, the per-job fit, jobs show,
skills demand, plan's citation and the Remote OK feed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from tests.conftest import SHARED_DATA, needs_shared
from tests.old_stores import downgrade
from tests.test_job_fetch import ROUTES, server  # noqa: F401 - the fixture
from typer.testing import Result

from careercli.catalog.loader import load_catalog
from careercli.common.currency import load_rates
from careercli.extract.skills import finder_for
from careercli.fit.score import score_roles
from careercli.jobs.job_fit import JobFitter
from careercli.jobs.match import fit_map, matching_jobs
from careercli.jobs.model import all_jobs, job_dict
from careercli.jobs.query import JobQuery, filter_jobs
from careercli.jobs.record import RowMaker
from careercli.jobs.store import Batch, add_batches, load_jobs, search_jobs, store_path
from careercli.profile.answers import load_answers

Invoke = Callable[..., Result]
ROOT = Path(__file__).resolve().parent.parent
CATALOG = load_catalog()
ENGINEER = ROOT / "examples" / "engineer.yaml"
LINKEDIN = SHARED_DATA / "job-postings" / "linkedin-2018-ca"
REMOTEOK = Path(__file__).parent / "fixtures" / "jobs" / "remoteok.json"


def _posting(title: str, description: str, tags: str = "", level: str = "") -> dict[str, str]:
    return {
        "title": title,
        "company": "Acme",
        "location": "Remote",
        "description": description,
        "tags": tags,
        "level": level,
    }


def _store(rows: list[dict[str, str]], source: str = "test") -> None:
    maker = RowMaker(CATALOG)
    add_batches([Batch(source, "import", "test.csv", len(rows), [maker.make(r) for r in rows])])


def test_import_reads_what_the_posting_asks(invoke: Invoke, tmp_path: Path) -> None:
    csv = tmp_path / "jobs.csv"
    csv.write_text(
        "title,company,description,tags\n"
        'Data Scientist,Acme,"Must have: SQL and Python. Nice to have: Spark. 3+ years of SQL. '
        "Master's required, PhD preferred. We invest in R&D and excel at go to market.\",docker\n",
        encoding="utf-8",
    )
    assert invoke("jobs", "import", str(csv)).exit_code == 0
    (job,) = json.loads(invoke("jobs", "--search", "acme", "--json").output)["jobs"]
    assert job["skills"] == ["docker", "sql", "python", "spark"]
    evidence = {e["skill"]: (e["text"], e["requirement"], e["field"]) for e in job["skill_evidence"]}
    assert evidence["sql"] == ("SQL", "required", "description")
    assert evidence["spark"] == ("Spark", "preferred", "description")
    assert evidence["docker"] == ("docker", None, "tags")
    assert not {"r", "excel", "go"} & set(job["skills"])  # R&D, excel at, go to market
    assert (job["years_asked"], job["degree_asked"]) == (3, "master")


def test_bundled_jobs_get_skills_too(invoke: Invoke) -> None:
    for job in json.loads(invoke("jobs", "--json").output)["jobs"]:
        assert job["skills"] and all(e["skill"] in job["skills"] for e in job["skill_evidence"])


def test_a_store_of_schema_2_keeps_every_row_and_reindex_reads_them(invoke: Invoke) -> None:
    _store([_posting("Data Engineer", "Python and Airflow required.")])
    conn = sqlite3.connect(store_path())
    downgrade(conn, 2)
    conn.commit()
    conn.close()
    (old,) = json.loads(invoke("jobs", "--json").output)["jobs"][-1:]
    assert old["title"] == "Data Engineer" and old["skill_evidence"] == []
    result = invoke("jobs", "reindex", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["reindexed"] == 1
    (job,) = [j for j in json.loads(invoke("jobs", "--json").output)["jobs"] if j["title"] == "Data Engineer"]
    assert job["skills"] == ["python", "airflow"] and job["description"] == "Python and Airflow required."
    assert "Read 1 stored posting again" in invoke("jobs", "reindex").output


def test_reindex_follows_a_pack_that_adds_a_skill(invoke: Invoke, tmp_path: Path) -> None:
    _store([_posting("Analyst", "Strong MATLAB skills.")])
    assert json.loads(invoke("jobs", "--search", "matlab", "--json").output)["jobs"][0]["skills"] == []
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "skills.yaml").write_text(
        "schema_version: 1\nskills:\n  - {id: matlab, name: MATLAB, category: programming, aliases: [], "
        "description: Numerical computing.}\n",
        encoding="utf-8",
    )
    assert invoke("--data-dir", str(pack), "jobs", "reindex").exit_code == 0
    out = invoke("--data-dir", str(pack), "jobs", "--search", "matlab", "--json").output
    assert json.loads(out)["jobs"][0]["skills"] == ["matlab"]


def _engineer_fits() -> tuple[JobFitter, list[dict[str, object]]]:
    profile = load_answers(ENGINEER, CATALOG)
    fitter = JobFitter(profile, fit_map(score_roles(profile, CATALOG)))
    return fitter, [job_dict(j) for j in all_jobs(CATALOG)]


def test_the_founding_engineer_outranks_the_intern_and_the_points_say_why() -> None:
    fitter, _ = _engineer_fits()
    jobs = {j.title: j for j in all_jobs(CATALOG)}
    founding, intern = (
        fitter.explain(jobs[t]) for t in ("Founding AI Engineer, Agents", "AI Engineer Intern, Agents")
    )
    assert founding.score - intern.score >= 10
    gaps = {p.part: f.points - p.points for f, p in zip(founding.points, intern.points, strict=True)}
    assert abs(sum(gaps.values()) - (founding.score - intern.score)) < 0.05
    level = {p.part: p for p in intern.points}["level"]
    assert level.points == 0 and "2 levels below yours, senior (8 years)" in level.why


def test_for_me_agrees_with_the_quiz(invoke: Invoke) -> None:
    _store(
        [
            _posting(
                "Machine Learning Engineer", "Python, TensorFlow and Docker required. " * 20, level="senior"
            )
        ]
    )
    profile = load_answers(ENGINEER, CATALOG)
    quiz = [j["id"] for j in matching_jobs(profile, score_roles(profile, CATALOG), CATALOG, limit=5)]
    out = invoke("jobs", "--for-me", "--answers", str(ENGINEER), "--limit", "5", "--json").output
    assert [j["id"] for j in json.loads(out)["jobs"]] == quiz
    assert "fit_points" in json.loads(out)["jobs"][0]


def test_an_off_field_posting_falls_away_though_its_title_matches(invoke: Invoke) -> None:
    chemistry = "Synthesize small molecules, run assays, medicinal chemistry and oncology biology. " * 40
    ml = "Train models in Python with TensorFlow; deploy with Docker. Machine learning required. " * 10
    _store(
        [
            _posting("Principal Research Scientist, Medicinal Chemistry", chemistry, level="senior"),
            _posting("Research Scientist, Machine Learning", ml, level="senior"),
        ]
    )
    fitter, _ = _engineer_fits()
    stored = {j.title: fitter.score(j) for j in load_jobs()}
    assert (
        stored["Research Scientist, Machine Learning"]
        - stored["Principal Research Scientist, Medicinal Chemistry"]
        >= 25
    )


def test_the_store_ranks_by_job_fit_exactly_as_the_pure_filter(invoke: Invoke) -> None:
    extras = ["", "TensorFlow is a plus.", "Docker and C++ required.", "Master's degree required."]
    rows = [
        _posting(
            f"Data Scientist {i}",
            f"Python {'and SQL ' * (i % 3)}required. {i % 12}+ years. {extras[i % 4]} " + "Words. " * (i * 7),
            level=lv,
        )
        for i, lv in zip(range(60), ["entry", "mid", "senior", "", "senior"] * 12, strict=True)
    ]
    _store(rows)
    fitter, _ = _engineer_fits()
    from careercli.jobs.job_fit import fit_function

    cols = "asked, ask_own, ask_weight, years_asked, degree_asked, role, level, extracted"
    with sqlite3.connect(store_path()) as conn:
        conn.create_function("job_fit", 8, fit_function(fitter))
        in_sql = dict(conn.execute(f"SELECT id, job_fit({cols}) FROM jobs").fetchall())
    for job in load_jobs():
        assert in_sql[job.id] == fitter.score(job), job.title  # the same arithmetic: exactly
    rates = load_rates()
    bundled = all_jobs(CATALOG)
    for query in (
        JobQuery(sort="fit", limit=7),
        JobQuery(sort="fit", levels=frozenset({"senior"}), limit=5),
        JobQuery(sort="fit"),
        JobQuery(sort="fit", search=("python",), limit=3),
    ):
        pushed = search_jobs(bundled, query, rates, fitter.role_fits, fitter=fitter)
        pure = filter_jobs([*bundled, *load_jobs()], query, rates, fitter.role_fits, fitter)
        assert [(m.job.id, m.fit) for m in pushed.matches] == [(m.job.id, m.fit) for m in pure.matches]
        assert pushed.total == pure.total


def test_jobs_show_prints_every_point(invoke: Invoke) -> None:
    out = invoke(
        "jobs", "show", "occam-ai-ai-engineer-intern-agents", "--answers", str(ENGINEER), width=120
    ).output
    for part in ("skills", "level", "degree", "years", "You have: Machine learning (5/5)", "Fit to"):
        assert part in out
    data = json.loads(
        invoke(
            "jobs", "show", "occam-ai-ai-engineer-intern-agents", "--answers", str(ENGINEER), "--json"
        ).output
    )
    assert [p["part"] for p in data["job"]["fit_points"]["points"]] == ["skills", "level", "degree", "years"]
    bad = invoke("jobs", "show", "occam-ai-ai-engineer-inter")
    assert bad.exit_code == 2 and "did you mean 'occam-ai-ai-engineer-intern-agents'" in bad.output


def test_skills_demand_and_plan_with_too_few_postings(invoke: Invoke) -> None:
    _store([_posting("Data Scientist", "Python and SQL required."), _posting("Data Scientist", "Python, R.")])
    data = json.loads(invoke("skills", "demand", "--role", "data-scientist", "--json").output)
    assert data["schema_version"] == 1 and data["stored"] == 2
    share = {s["skill"]: (s["count"], s["share"]) for s in data["skills"]}
    assert share["python"][0] >= 2 and 0 < share["python"][1] <= 1
    out = invoke("skills", "demand", "--role", "data-scientist", width=100).output
    assert "█" in out and f"n = {data['postings']}" in out
    plan = invoke("plan", "data-scientist", "--answers", str(ENGINEER), width=120).output
    assert "2 stored postings map to data-scientist; at least 30 are needed" in plan


def test_demand_bars_tell_close_shares_apart_on_a_narrow_terminal(invoke: Invoke) -> None:
    # a long skill name leaves 10 cells at 40 columns: whole cells drew 85% and 80% alike
    rows = [
        _posting(
            "Data Analyst", f"Natural language processing{', Python' * (i < 17)}{', SQL' * (i < 16)}. {i}"
        )
        for i in range(20)
    ]
    _store(rows)
    out = invoke("skills", "demand", "--role", "data-analyst", width=40).output
    bars = {
        line.split()[0]: line.split()[1] for line in out.splitlines() if line.startswith(("Python", "SQL"))
    }
    assert bars["Python"] != bars["SQL"], out
    assert bars["Python"].startswith("████████") and bars["Python"][-1] in "▏▎▍▌▋▊▉", out  # 8.5 cells


def test_demand_says_its_date_is_the_import_when_the_postings_give_none(invoke: Invoke) -> None:
    # LinkedIn's CSV has no posting date: the date shown is the import's, and says so
    _store([_posting("Data Scientist", f"Python and SQL required. Team {i}.") for i in range(3)])
    plan = json.loads(invoke("plan", "data-scientist", "--answers", str(ENGINEER), "--json").output)
    assert plan["demand"]["when"].endswith("; the postings give no date")  # stored ones only
    data = json.loads(invoke("skills", "demand", "--role", "data-scientist", "--json").output)
    assert data["stored"] == 3 and data["posted"] is None and data["imported"]["first"]
    bundled = data["postings"] - 3  # the bundled data-scientist listing gives its date
    assert data["dated"] == bundled
    out = invoke("skills", "demand", "--role", "data-scientist", width=200).output
    assert f"; {bundled} of {data['postings']} give the date posted)" in out
    _store([{**_posting("Data Scientist", "Python and Spark."), "posted": "2018-07-22"}])
    data = json.loads(invoke("skills", "demand", "--role", "data-scientist", "--json").output)
    assert data["dated"] == bundled + 1


@needs_shared
def test_linkedin_postings_every_one_naming_a_skill_gets_skills_and_plan_cites_them(invoke: Invoke) -> None:
    import csv

    files = [LINKEDIN / "DataScientist.csv", LINKEDIN / "DataAnalyst.csv"]
    assert invoke("jobs", "import", *map(str, files)).exit_code == 0
    finder = finder_for(CATALOG)
    stored = {j.description: j for j in load_jobs()}
    for path in files:
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                job = stored.get(" ".join(row["description"].split())) or stored.get(row["description"])
                if job is not None and finder.find(row["description"]):
                    assert job_dict(job)["skills"], row["title"]
    data = json.loads(invoke("skills", "demand", "--role", "data-scientist", "--json").output)
    assert data["stored"] >= 30 and data["skills"][0]["share"] > 0.5
    plan = json.loads(invoke("plan", "data-scientist", "--answers", str(ENGINEER), "--json").output)
    assert plan["demand"]["enough"] and plan["demand"]["postings"] == data["stored"]
    text = invoke("plan", "data-scientist", "--answers", str(ENGINEER), width=120).output
    assert "data-scientist postings you stored" in text and "% of" in text


def test_remoteok_import_and_fetch_name_remote_ok_and_link_each_job(invoke: Invoke, server: str) -> None:  # noqa: F811
    result = invoke("jobs", "import", str(REMOTEOK), "--json")
    assert result.exit_code == 0, result.output
    (summary,) = json.loads(result.output)["files"]
    assert (summary["rows"], summary["imported"], summary["rejected"]) == (2, 2, [])  # the notice is no row
    jobs = {j["title"]: j for j in json.loads(invoke("jobs", "--json").output)["jobs"]}
    de = jobs["Senior Data Engineer"]
    assert de["source"] == "Remote OK (https://remoteok.com)" and de["url"].startswith(
        "https://remoteok.com/"
    )
    assert (
        de["remote"] and de["salary"]["min"] == 120000 and {"python", "sql", "airflow"} <= set(de["skills"])
    )
    assert "excel" not in jobs["Customer Support Agent"]["skills"]
    assert "Source: Remote OK (https://remoteok.com)" in invoke("jobs", "--search", "acme", width=120).output
    invoke("jobs", "clear")
    ROUTES["/api"] = (200, REMOTEOK.read_bytes(), 0.0)
    fetched = invoke("jobs", "fetch", "--source", "remoteok", "--search", "engineer")
    assert fetched.exit_code == 0, fetched.output
    assert (
        "Remote OK: 1 job fetched: 1 new" in fetched.output
        and "Remote OK (https://remoteok.com)" in fetched.output
    )
