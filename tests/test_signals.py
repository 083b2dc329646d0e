"""Ctrl-C during `jobs import` and `jobs fetch`: exit 130, one line, no traceback, and the job
store exactly as it was (its rows, its batches, and SQLite's own integrity check).

Ctrl-C during the quiz is covered in tests/test_quiz_pty.py (test_ctrl_c_or_eof_cancels_with_130
_and_saves_nothing and test_interrupt_cancels); it is not repeated here.

The import runs in a pseudo-terminal so its progress bar says which phase it is in: the
interrupt is sent while the file is being read, and again while the rows are being stored
(inside SQLite's transaction, where Ctrl-C used to come out as "user-defined function
raised exception", exit 1). The fetch waits on a local server that never answers in time.
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from tests.test_bad_input import careercli, good_store

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("signals and pseudo-terminals need a POSIX platform", allow_module_level=True)
pexpect = pytest.importorskip("pexpect")

ROWS = 40_000  # about a second of reading and a second and a half of storing on the dev machine


def store_state(path: Path) -> tuple[Any, ...]:
    """What must not change: the jobs, the batches, and the integrity check's verdict."""
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT count(*) FROM jobs").fetchone(),
            conn.execute("SELECT id, title, source FROM jobs ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM batches ORDER BY id").fetchall(),
            conn.execute("PRAGMA integrity_check").fetchall(),
            conn.execute("SELECT count(*) FROM jobs_fts").fetchone(),
        )
    finally:
        conn.close()


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("signals") / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "company", "location", "salary", "description"])
        for i in range(ROWS):
            writer.writerow(
                [f"Data Scientist {i}", f"Company {i % 977}", "Remote", "$100K-$150K", "Python, SQL"]
            )
    return path


def env_for(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERCLI_") and k != "NO_COLOR"}
    env.update({"CAREERCLI_HOME": str(home), "TERM": "xterm", "COLUMNS": "100", **extra})
    return env


@pytest.mark.parametrize("phase", ["reading", "storing"])
def test_ctrl_c_during_import_leaves_the_store_as_it_was(phase: str, big_csv: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = good_store(home)
    before = store_state(store)
    cmd = careercli()
    child = pexpect.spawn(
        cmd[0],
        [*cmd[1:], "jobs", "import", str(big_csv)],
        env=env_for(home),
        encoding="utf-8",
        dimensions=(30, 100),
        timeout=60,
    )
    child.expect_exact(phase)  # the progress bar's label
    child.sendintr()  # the terminal's Ctrl-C: SIGINT to the process group
    child.expect(pexpect.EOF)
    child.close()
    output = child.before or ""
    assert child.exitstatus == 130, output
    assert "Traceback" not in output
    assert "careercli: import cancelled; the job store is unchanged" in output
    assert store_state(store) == before
    assert not Path(str(store) + "-journal").exists()


class SlowFeed(BaseHTTPRequestHandler):
    asked = threading.Event()
    release = threading.Event()

    def do_GET(self) -> None:
        SlowFeed.asked.set()
        SlowFeed.release.wait(30)  # answers only when the test is over
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"jobs": []}')
        except OSError:
            pass  # the client is gone

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def slow_feed() -> Iterator[str]:
    SlowFeed.asked.clear()
    SlowFeed.release.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), SlowFeed)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    SlowFeed.release.set()
    httpd.shutdown()
    httpd.server_close()


def test_ctrl_c_during_fetch_leaves_the_store_as_it_was(slow_feed: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = good_store(home)
    before = store_state(store)
    proc = subprocess.Popen(
        [*careercli(), "jobs", "fetch", "--source", "remotive"],
        env=env_for(home, CAREERCLI_FEED_BASE_URL=slow_feed),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert SlowFeed.asked.wait(30), "the fetch never reached the server"
        time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "Traceback" not in out + err
    assert [line for line in err.splitlines() if line.strip()] == [
        "careercli: fetch cancelled; the job store is unchanged"
    ]
    assert out == ""
    assert store_state(store) == before
