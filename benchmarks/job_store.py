"""The job store at 100,000 jobs: import time, and search cost against the plain listing.

1. Generates 100,000 jobs as CSV (and JSON Lines with --jsonl) and times
   `careercli jobs import` of it into an empty store (target: at most 20 s).
2. Times `careercli jobs --search python --level senior --limit 20` over that store against
   `careercli jobs --limit 20` over the bundled jobs only (an empty store), alternating runs,
   as a ratio of medians (target: at most 1.5).
3. Times the default listing, `careercli jobs` (a table of the first 50, "N more: --limit N
   or --all"), over that store against `careercli jobs` over the bundled jobs only,
   alternating runs (target: at most 1.5).

With --asks (issue 15), over postings of about 3,000 characters instead:
3. the import (read and store, in process) with skill extraction against the same import
   with it off, alternating, --rounds of each, best against best (target: at most 1.3),
   with the CPU seconds of this process and of the extraction worker (careercli.jobs.
   extraction: the ratio needs a second free core), and once with extraction all in this
   process; every description is distinct, so no cache could make it look better;
4. extraction alone (SkillFinder.find, one process), in MB of text per second (target: at
   least 20);
5. `careercli jobs --for-me --limit 20` over that store against `jobs --limit 20` over
   the bundled jobs (target: at most 1.5).

Also (issue 13 point 6) the default listing of every shape a user types (`--search`,
`--location`, `--type`, `--company`, `--min-salary`, `--remote`, `--level`, `--role`,
`--sort`, `--for-me`, and combinations) over that store against the same over the bundled
jobs, alternating runs, --shape-runs each (target: at most 1.5 each).

With --stream (issue 13 point 6), over the same 100,000 jobs: the time to the first byte,
to the first JOB (a table row, a CSV row after the header, a JSON object), the whole run,
and the child's peak RSS (its own, reported by a small parent: a child's ru_maxrss starts
from its parent's size) of `jobs --all` as a table, `--csv` and `--json`, for every shape,
beside the same command over the bundled jobs only (an empty store), best of --stream-runs.

With --reindex, over postings of about 3,000 characters stored unread: `jobs reindex` with
the extraction worker against all in one process (--rounds of each), and its peak RSS
beside a plain listing's (the rows are read a chunk at a time, so memory stays flat).

Usage: python benchmarks/job_store.py [--jobs 100000] [--runs 15] [--shape-runs 5] [--jsonl]
       [--asks [--rounds 2]] [--stream] [--stream-runs 1] [--reindex [--rounds 2]]
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or imported by tests
from _timing import alternate, bench_env, timed

TITLES = (
    "Data Scientist",
    "Senior Data Scientist",
    "Machine Learning Engineer",
    "Lead ML Engineer",
    "Data Engineer",
    "Senior Data Engineer",
    "Data Analyst",
    "Junior Data Analyst",
    "BI Analyst",
    "Analytics Engineer",
    "Head of Data",
    "MLOps Engineer",
    "Staff Software Engineer",
    "Product Manager",
    "Account Executive",
    "Research Scientist",
    "Statistician",
)
WORDS = (
    "python sql spark airflow dbt tableau excel kubernetes docker aws gcp azure pytorch "
    "tensorflow statistics dashboards pipelines models experiments stakeholders reporting "
    "forecasting marketing finance healthcare retail logistics customers platform team"
).split()
LEVELS = ("Entry level", "Associate", "Mid senior", "Director", "")
CITIES = ("New York, NY", "Austin, TX", "Berlin", "London", "Remote", "Toronto", "Paris", "Bangalore")


def jobs(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for i in range(n):
        low = rng.randrange(40, 200) * 1000
        yield {
            "job_id": f"g{i}",
            "title": rng.choice(TITLES),
            "company": f"Company {rng.randrange(5000)}",
            "location": rng.choice(CITIES),
            "salary": f"${low // 1000}K-${(low + rng.randrange(10, 60) * 1000) // 1000}K" if i % 3 else "",
            "job_level": rng.choice(LEVELS),
            "job_type": rng.choice(("Full-time", "Contract", "Part-time")),
            "posted": f"2026-0{rng.randrange(1, 10)}-1{rng.randrange(10)}",
            "tags": ", ".join(rng.sample(WORDS[:12], 3)),
            "description": " ".join(rng.choices(WORDS, k=40)),
        }


def write_csv(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        rows = jobs(n)
        first = next(rows)
        writer = csv.DictWriter(fh, fieldnames=list(first))
        writer.writeheader()
        writer.writerow(first)
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(j) + "\n" for j in jobs(n))
    return path


SENTENCES = (
    "You will build and ship {a} models with the product team.",
    "Requirements: {n}+ years of {a} and experience with {b}.",
    "Experience with {a} or {b} is a plus.",
    "Must have strong {a} skills; {b} preferred.",
    "We invest in R&D and our people excel at go to market with the C-suite.",
    "Bachelor's degree in Computer Science required, Master's preferred.",
    "You partner with stakeholders across marketing, finance and operations.",
    "Our platform serves millions of customers every day in retail and healthcare.",
    "Nice to have: {a}, {b} and {c}.",
    "Benefits include health, dental and vision coverage and a learning budget.",
    "We are an equal opportunity employer and value diversity at our company.",
    "The team works closely with product managers, designers and engineers in a fast-paced setting.",
    "You are curious, detail-oriented and comfortable with ambiguity.",
    "Our mission is to help small businesses grow with better insight into their customers.",
    "This role reports to the Director of Analytics and sits in our San Francisco office.",
    "You will own projects end to end, from the first question to the final recommendation.",
)  # six sentences in sixteen name two or three skills: about 10.6 skill mentions per 1,000
# characters, twice the 5.2 of the real LinkedIn postings (17 in 3,300): a skill-dense case
SKILL_WORDS = (
    "Python", "SQL", "Spark", "Airflow", "dbt", "Tableau", "Excel", "Kubernetes", "Docker", "AWS",
    "PyTorch", "TensorFlow", "statistics", "A/B testing", "R", "SAS", "Go", "scikit-learn", "Power BI",
)  # fmt: skip


def posting_text(rng: random.Random, size: int = 3000) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        a, b, c = rng.sample(SKILL_WORDS, 3)
        parts.append(rng.choice(SENTENCES).format(a=a, b=b, c=c, n=rng.randrange(1, 9)))
    return " ".join(parts)


def write_postings(path: Path, n: int, seed: int = 15) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["job_id", "title", "company", "location", "job_level", "description"])
        for i in range(n):
            level = rng.choice(LEVELS)
            writer.writerow(
                [f"p{i}", rng.choice(TITLES), f"Company {i}", rng.choice(CITIES), level, posting_text(rng)]
            )
    return path


def _import(path: Path, home: Path, extract: bool, worker: bool = True) -> tuple[float, float, float]:
    """Read and store `path` in process, as `jobs import` does: seconds of wall clock, of
    this process's CPU and of the extraction worker's CPU (careercli.jobs.extraction)."""
    import multiprocessing
    import resource

    from careercli.catalog.loader import load_catalog
    from careercli.jobs import extraction
    from careercli.jobs.importer import read_file
    from careercli.jobs.record import RowMaker
    from careercli.jobs.store import Batch, add_batches

    catalog = load_catalog()
    available = extraction.worker_available
    if not worker:
        extraction.worker_available = lambda: False
    try:
        cpu, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        parsed = read_file(path, RowMaker(catalog, extract=extract))
        add_batches(
            [Batch("bench", "import", str(path), parsed.rows, [j for _, j in parsed.jobs])],
            home / "jobs.sqlite3",
        )
        took = time.perf_counter() - start
    finally:
        extraction.worker_available = available
    while multiprocessing.active_children():  # the worker ends after its last chunk
        time.sleep(0.01)
    after = resource.getrusage(resource.RUSAGE_SELF)
    after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    child = after_children.ru_utime + after_children.ru_stime - children.ru_utime - children.ru_stime
    return took, own, child


def _import_figures(source: Path, tmp: str, rounds: int, say: Any) -> None:
    """Imports with extraction off and on, alternating, into fresh stores; then one with
    extraction all in this process (no worker) for comparison."""
    offs: list[tuple[float, float, float]] = []
    ons: list[tuple[float, float, float]] = []
    for i in range(rounds):
        for extract, runs in ((False, offs), (True, ons)):
            home = Path(tmp, f"{'on' if extract else 'off'}{i}")
            home.mkdir()
            runs.append(_import(source, home, extract))
            took, own, child = runs[-1]
            say(
                f"  import, extraction {'on ' if extract else 'off'}  {took:6.1f} s "
                f"(CPU: this process {own:5.1f} s, worker {child:5.1f} s)"
            )
    off, on = min(offs), min(ons)
    say(f"import without extraction  best {off[0]:6.1f} s")
    say(f"import with extraction     best {on[0]:6.1f} s   ratio {on[0] / off[0]:.2f} (target <= 1.3)")
    say(
        f"  CPU of this process with extraction / without: {on[1] / off[1]:.2f}; the worker's CPU "
        f"{on[2]:.1f} s against {on[1]:.1f} s here (the ratio needs a second free core)"
    )
    home = Path(tmp, "serial")
    home.mkdir()
    took, own, _ = _import(source, home, True, worker=False)
    say(f"import with extraction in this process (no worker) {took:6.1f} s   ratio {took / off[0]:.2f}")


def _real_extraction(finder: Any, say: Any) -> None:
    """Extraction alone over the real LinkedIn postings (../shared), in the same run: about
    half as many skill mentions per character as the generated ones."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.skill_labels import postings

    texts = [r.description for r in postings()]
    if not texts:
        say("extraction alone, real postings: ../shared is absent")
        return
    mb = sum(len(t.encode()) for t in texts) / 1e6
    best = float("inf")
    for _ in range(5):  # 6.5 MB a round: the best of five, as skill_extraction.py does
        start = time.perf_counter()
        for text in texts:
            finder.find(text)
        best = min(best, time.perf_counter() - start)
    say(f"extraction alone, {len(texts):,} real postings {mb / best:6.1f} MB/s (target >= 20; best of 5)")


def asks(n: int, runs: int, rounds: int = 2) -> int:
    """The issue-15 figures: extraction's share of an import, its speed, --for-me's cost."""
    from careercli.catalog.loader import load_catalog
    from careercli.extract.skills import finder_for

    exe = str(Path(sys.executable).with_name("careercli"))
    answers = Path(__file__).resolve().parent.parent / "examples" / "engineer.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        source = write_postings(Path(tmp, "postings.csv"), n)
        with source.open(encoding="utf-8", newline="") as fh:
            texts = [row["description"] for row in csv.DictReader(fh)]
        mb = sum(len(t.encode()) for t in texts) / 1e6
        say = functools.partial(print, flush=True)  # each figure as soon as it is known
        say(f"{n:,} postings, {mb:.1f} MB of descriptions (about {mb * 1e6 / n:,.0f} characters each)")
        say(f"(every description distinct: no repeats for a cache to use; {os.cpu_count()} cores)")
        _import_figures(source, tmp, rounds, say)
        finder = finder_for(load_catalog())
        finder.find("warm up")
        start = time.perf_counter()
        for text in texts:
            finder.find(text)
        alone = time.perf_counter() - start
        say(
            f"extraction alone           {mb / alone:6.1f} MB/s (target >= 20; one process; skill-dense text)"
        )
        _real_extraction(finder, say)
        homes = {name: Path(tmp, name) for name in ("on0", "empty")}
        homes["empty"].mkdir()
        env = bench_env()
        full_env = {**env, "CAREERCLI_HOME": str(homes["on0"])}
        empty_env = {**env, "CAREERCLI_HOME": str(homes["empty"])}
        for_me = [exe, "jobs", "--for-me", "--answers", str(answers), "--limit", "20"]
        plain = [exe, "jobs", "--limit", "20"]
        ours, base = alternate((for_me, full_env), (plain, empty_env), runs)
    f, b = statistics.median(ours), statistics.median(base)
    print(f"jobs --limit 20, bundled only          median {b * 1000:7.1f} ms ({len(base)} runs)")
    print(
        f"jobs --for-me --limit 20, {n:,} stored  median {f * 1000:7.1f} ms   "
        f"ratio {f / b:.2f} (target <= 1.5)"
    )
    return 0


_WRAPPER = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(code)"
)


def first_byte(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, float]:
    """Seconds to the first byte of output, to the first job (a table row under the header
    and its rule, a CSV row after the header, a JSON object with an "id"), to the end; and
    the command's peak RSS in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRAPPER, *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None and proc.stderr is not None
    fd = proc.stdout.fileno()
    first = row = None
    head = b""
    table = "--json" not in cmd and "--csv" not in cmd
    while chunk := os.read(fd, 1 << 16):
        first = first or time.perf_counter() - start
        if row is None:
            head += chunk
            lines = head.count(b"\n")
            if (b'"id"' in head) if head.startswith(b"{") else lines >= (3 if table else 2):
                row = time.perf_counter() - start
    err = proc.stderr.read()
    proc.wait()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}: {err[-500:].decode()}")
    return first or 0.0, row or 0.0, time.perf_counter() - start, int(err.split()[-1]) / 1024


SHAPES: tuple[tuple[str, ...], ...] = (
    (),
    ("--search", "python"),
    ("--location", "berlin"),
    ("--type", "contract"),
    ("--company", "company 12"),
    ("--min-salary", "100K"),
    ("--remote",),
    ("--level", "senior"),
    ("--role", "data-scientist"),
    ("--sort", "title"),
    ("--sort", "posted"),
    ("--sort", "fit", "--answers", "{answers}"),
    ("--for-me", "--answers", "{answers}"),
    ("--search", "python", "--location", "berlin"),
    ("--level", "senior", "--min-salary", "90K", "--sort", "posted"),
    ("--location", "remote", "--type", "full-time", "--company", "company"),
    ("--for-me", "--answers", "{answers}", "--location", "berlin", "--min-salary", "80K"),
)


def _shape(shape: tuple[str, ...]) -> list[str]:
    answers = Path(__file__).resolve().parent.parent / "examples" / "engineer.yaml"
    return [a.format(answers=answers) for a in shape]


def shapes(exe: str, full_env: dict[str, str], empty_env: dict[str, str], runs: int) -> list[float]:
    """The default listing (a table of 50) of every shape, over the store vs bundled only."""
    ratios = []
    for shape in SHAPES:
        cmd = [exe, "jobs", *_shape(shape)]
        big, bundled = alternate((cmd, full_env), (cmd, empty_env), runs, warmup=1)
        d, db = statistics.median(big), statistics.median(bundled)
        ratios.append(d / db)
        name = " ".join(shape).replace("{answers}", "engineer.yaml") or "(plain)"
        print(f"  jobs {name:62} {d * 1000:6.0f} vs {db * 1000:4.0f} ms  ratio {d / db:.2f}", flush=True)
    return ratios


def stream(n: int, runs: int) -> int:
    """The issue-13 figures for --all (table, CSV, JSON) of every shape: the store vs bundled."""
    exe = str(Path(sys.executable).with_name("careercli"))
    with tempfile.TemporaryDirectory() as tmp:
        home, empty = Path(tmp, "full"), Path(tmp, "empty")
        env = {**bench_env(), "CAREERCLI_HOME": str(home)}
        empty_env = {**env, "CAREERCLI_HOME": str(empty)}
        source = write_csv(Path(tmp, "jobs.csv"), n)
        timed([exe, "jobs", "import", str(source)], env)
        timed([exe, "jobs", "--limit", "1"], empty_env)
        print(f"{n:,} stored jobs vs the bundled ones; best of {runs} (first byte, first job, all, peak RSS)")
        for fmt in ("--json", "--csv", ""):
            for shape in SHAPES if fmt == "--json" else (SHAPES[0], SHAPES[12]):
                cmd = [exe, "jobs", "--all", *([fmt] if fmt else []), *_shape(shape)]
                for name, where in (("stored", env), ("bundled", empty_env)):
                    got = [first_byte(cmd, where) for _ in range(runs)]
                    ttfb, row, total, rss = (min(x[i] for x in got) for i in range(4))
                    label = " ".join(shape).replace("{answers}", "engineer.yaml")
                    job = f"{row:5.2f} s" if row else "  none "  # the bundled jobs may have no match
                    print(
                        f"jobs --all {fmt or '(table)':7} {label:44} {name:7} first byte {ttfb:5.2f} s  "
                        f"first job {job}  all {total:6.2f} s  peak RSS {rss:4.0f} MB",
                        flush=True,
                    )
    return 0


def reindex(n: int, rounds: int) -> int:
    """`jobs reindex` of n stored postings of about 3,000 characters, stored unread: with
    the extraction worker against all in this process (careercli.jobs.store.reindex, in
    process, alternating, best of --rounds), and the peak RSS of `careercli jobs reindex`
    against `careercli jobs --limit 1` over the same store."""
    import shutil

    from careercli.catalog.loader import load_catalog
    from careercli.jobs.store import reindex as reindex_store

    exe = str(Path(sys.executable).with_name("careercli"))
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        source = write_postings(Path(tmp, "postings.csv"), n)
        unread = Path(tmp, "unread")
        unread.mkdir()
        _import(source, unread, extract=False)
        print(
            f"{n:,} stored postings, unread (about 3,079 characters each; {os.cpu_count()} cores)", flush=True
        )
        times: dict[bool, list[float]] = {True: [], False: []}
        for i in range(rounds):
            for worker in (True, False):
                store = Path(tmp, f"reindex{i}{worker}.sqlite3")
                shutil.copy(unread / "jobs.sqlite3", store)
                start = time.perf_counter()
                reindex_store(catalog, store, worker=worker)
                times[worker].append(time.perf_counter() - start)
                store.unlink()
                label = "with the worker" if worker else "all here       "
                print(f"  reindex {label} {times[worker][-1]:6.1f} s", flush=True)
        on, off = min(times[True]), min(times[False])
        print(f"jobs reindex, with the worker {on:6.1f} s, all in one process {off:6.1f} s: {on / off:.2f}")
        env = {**bench_env(), "CAREERCLI_HOME": str(unread)}
        _, _, _, listing = first_byte([exe, "jobs", "--limit", "1"], env)
        _, _, took, rss = first_byte([exe, "jobs", "reindex"], env)
        print(
            f"careercli jobs reindex {took:6.1f} s, peak RSS {rss:4.0f} MB (jobs --limit 1 {listing:4.0f} MB)"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=2, help="--asks: imports with extraction off and on")
    parser.add_argument("--jsonl", action="store_true", help="import JSON Lines instead of CSV")
    parser.add_argument("--asks", action="store_true", help="the issue-15 figures (3,000-character postings)")
    parser.add_argument("--shape-runs", type=int, default=5, help="runs of each listing shape")
    parser.add_argument("--stream", action="store_true", help="the issue-13 --all table/CSV/JSON figures")
    parser.add_argument("--stream-runs", type=int, default=1)
    parser.add_argument(
        "--reindex", action="store_true", help="jobs reindex: with the worker and without, memory"
    )
    opts = parser.parse_args()
    if opts.reindex:
        return reindex(opts.jobs, opts.rounds)
    if opts.stream:
        return stream(opts.jobs, opts.stream_runs)
    if opts.asks:
        return asks(opts.jobs, opts.runs, opts.rounds)
    exe = str(Path(sys.executable).with_name("careercli"))
    with tempfile.TemporaryDirectory() as tmp:
        full, empty = Path(tmp, "full"), Path(tmp, "empty")
        env = bench_env()
        start = time.perf_counter()
        source = (write_jsonl if opts.jsonl else write_csv)(
            Path(tmp, "jobs.jsonl" if opts.jsonl else "jobs.csv"), opts.jobs
        )
        made = time.perf_counter() - start
        full_env, empty_env = {**env, "CAREERCLI_HOME": str(full)}, {**env, "CAREERCLI_HOME": str(empty)}
        took = timed([exe, "jobs", "import", str(source)], full_env)
        search = [exe, "jobs", "--search", "python", "--level", "senior", "--limit", "20"]
        plain = [exe, "jobs", "--limit", "20"]
        ours, base = alternate((search, full_env), (plain, empty_env), opts.runs)
        listing = [exe, "jobs"]
        big, bundled = alternate((listing, full_env), (listing, empty_env), opts.runs)
        print(f"the default listing of every shape, {opts.jobs:,} stored vs bundled ({opts.shape_runs} runs)")
        ratios = shapes(exe, full_env, empty_env, opts.shape_runs)
    s, b = statistics.median(ours), statistics.median(base)
    d, db = statistics.median(big), statistics.median(bundled)
    print(f"generated {opts.jobs:,} jobs ({source.suffix}) in {made:.1f} s")
    print(f"import of {opts.jobs:,} jobs: {took:.1f} s (target <= 20 s)")
    print(f"jobs --limit 20, bundled only   median {b * 1000:7.1f} ms ({len(base)} runs)")
    print(f"jobs --search python --level senior --limit 20, {opts.jobs:,} stored   median {s * 1000:7.1f} ms")
    print(f"ratio {s / b:.2f} (target <= 1.5)")
    print(f"jobs (default listing), bundled only   median {db * 1000:7.1f} ms ({len(bundled)} runs)")
    print(f"jobs (default listing), {opts.jobs:,} stored   median {d * 1000:7.1f} ms")
    print(f"ratio {d / db:.2f} (target <= 1.5)")
    worst, middle = max(ratios), statistics.median(ratios)
    print(f"every shape: worst ratio {worst:.2f}, median {middle:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
