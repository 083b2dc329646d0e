"""The job store at 100,000 jobs: import time, and search cost against the plain listing.

1. Generates 100,000 jobs as CSV (and JSON Lines with --jsonl) and times
   `careercli jobs import` of it into an empty store (target: at most 20 s).
2. Times `careercli jobs --search python --level senior --limit 20` over that store against
   `careercli jobs --limit 20` over the bundled jobs only (an empty store), alternating runs,
   as a ratio of medians (target: at most 1.5).
3. Times the default listing, `careercli jobs` (a table of the first 50, "N more: --limit N
   or --all"), over that store against `careercli jobs` over the bundled jobs only,
   alternating runs (target: at most 1.5).

Usage: python benchmarks/job_store.py [--jobs 100000] [--runs 15] [--jsonl]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

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


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--jsonl", action="store_true", help="import JSON Lines instead of CSV")
    opts = parser.parse_args()
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
