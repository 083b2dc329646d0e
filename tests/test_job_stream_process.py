"""`jobs --all` over a big store, as a real process (issue 13 point 6): the JSON array
parses back to every job, memory stays flat as the store grows (the rows are written as
they come, never all held), and the table's first rows are on screen before the end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.job_store import jobs as generated

from careercli.catalog.loader import load_catalog
from careercli.jobs.record import RowMaker
from careercli.jobs.store import Batch, add_batches

ANSWERS = Path(__file__).resolve().parent.parent / "examples" / "engineer.yaml"
BUNDLED = 6


def _cli() -> list[str]:
    beside = Path(sys.executable).parent / "careercli"
    return [str(beside)] if beside.is_file() else [sys.executable, "-m", "careercli"]


def _home(root: Path, n: int) -> Path:
    home = root / f"home{n}"
    home.mkdir()
    maker = RowMaker(load_catalog(), "USD", extract=False)
    made = [
        maker.make({"id": r["job_id"], "type": r["job_type"], "level": r["job_level"], **r})
        for r in generated(n)
    ]
    add_batches([Batch("gen", "import", "gen.csv", len(made), made)], home / "jobs.sqlite3")
    _peak(home, "jobs", "--limit", "1")  # the catalog's parse cache written: not in the figures
    return home


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    root = tmp_path_factory.mktemp("big")
    return {n: _home(root, n) for n in (5000, 20000)}


@pytest.mark.parametrize(
    "extra",
    [[], ["--sort", "title"], ["--location", "berlin", "--min-salary", "60K"], ["--answers", str(ANSWERS)]],
    ids=repr,
)
def test_all_as_json_parses_back_to_every_job_in_flat_memory(
    homes: dict[int, Path], extra: list[str]
) -> None:
    peaks = {}
    for n, home in homes.items():
        out, peaks[n] = _peak(home, "jobs", "--all", "--json", *extra)
        data = json.loads(out)
        assert data["count"] == data["total"] == len(data["jobs"])
        if not extra or extra[0] == "--sort" or extra[0] == "--answers":
            assert data["count"] == n + BUNDLED
        assert len({j["id"] for j in data["jobs"]}) == data["count"]
    # 15,000 more jobs: about 1 MB more (SQLite's sort of the keys); held in memory, 24 MB more
    assert peaks[20000] - peaks[5000] < 8, peaks


# A small parent runs the command and reports its peak RSS: a child's ru_maxrss starts from
# its parent's size at fork, so measured from pytest (well over 100 MB) it would say nothing.
_WRAPPER = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(code)"
)


def _peak(home: Path, *args: str) -> tuple[bytes, float]:
    """Run careercli; its output and its peak RSS in MB."""
    env = {**os.environ, "CAREERCLI_HOME": str(home), "COLUMNS": "100"}
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *_cli(), *args],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, int(proc.stderr.decode().split()[-1]) / 1024


def test_the_all_table_streams_its_rows(homes: dict[int, Path]) -> None:
    """The first rows of `jobs --all` are written while the process is still at work on the rest."""
    env = {**os.environ, "CAREERCLI_HOME": str(homes[20000]), "COLUMNS": "100"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*_cli(), "jobs", "--all"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    )
    assert proc.stdout is not None
    with proc.stdout:
        head = [proc.stdout.readline() for _ in range(8)]
        first = time.perf_counter() - start
        running = proc.poll() is None
        rest = proc.stdout.read()
    proc.wait()
    total = time.perf_counter() - start
    assert proc.returncode == 0
    assert b"Title" in head[0] and all(line.strip() for line in head)
    assert running and first < total / 2, (first, total)
    assert b"20006 jobs, highest pay first" in rest or b"20,006 jobs" in rest or b"20006 jobs" in rest
