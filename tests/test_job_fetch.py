"""`jobs fetch` against recorded responses served from 127.0.0.1; no test touches the internet."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]
FIXTURES = Path(__file__).parent / "fixtures" / "jobs"
ROUTES: dict[str, tuple[int, bytes, float]] = {}  # path -> status, body, delay
SEEN: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN.append(self.path)
        status, body, delay = ROUTES.get(self.path.split("?")[0], (404, b"not found", 0.0))
        time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout test)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    monkeypatch.setenv("CAREERCLI_FEED_BASE_URL", base)
    ROUTES.clear()
    SEEN.clear()
    ROUTES["/api/remote-jobs"] = (200, (FIXTURES / "remotive.json").read_bytes(), 0.0)
    ROUTES["/api/job-board-api"] = (200, (FIXTURES / "arbeitnow.json").read_bytes(), 0.0)
    yield base
    httpd.shutdown()
    httpd.server_close()


def stored_count(invoke: Invoke) -> int:
    data = json.loads(invoke("jobs", "sources", "--json").output)
    return sum(s["jobs"] for s in data["sources"])


def test_fetch_remotive_stores_and_attributes(invoke: Invoke, server: str) -> None:
    result = invoke(
        "jobs", "fetch", "--source", "remotive", "--search", "data", "--category", "data", "--limit", "5"
    )
    assert result.exit_code == 0, result.output
    assert "Remotive: 3 jobs fetched: 2 new, 0 already stored, 1 rejected." in result.output
    assert "Jobs from Remotive (https://remotive.com)" in result.output
    assert "links back to its posting on Remotive" in result.output
    assert SEEN == ["/api/remote-jobs?search=data&category=data&limit=5"]
    jobs = json.loads(invoke("jobs", "--search", "streamly", "--json").output)["jobs"]
    assert jobs[0]["url"] == "https://remotive.com/remote-jobs/data/senior-data-engineer-1001"
    assert jobs[0]["source"] == "Remotive (https://remotive.com)" and jobs[0]["remote"] is True
    sources = json.loads(invoke("jobs", "sources", "--json").output)["sources"]
    assert sources[0]["source"] == "remotive" and sources[0]["last"] == "fetch"
    again = invoke("jobs", "fetch", "--source", "remotive")
    assert "0 new, 2 already stored" in again.output


def test_fetch_arbeitnow_search_filters(invoke: Invoke, server: str) -> None:
    result = invoke("jobs", "fetch", "--source", "arbeitnow", "--search", "junior", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["files"][0]["imported"] == 1 and "Arbeitnow" in data["attribution"]
    assert invoke("jobs", "fetch", "--source", "arbeitnow", "--category", "x").exit_code == 2


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ((503, b"down", 0.0), "HTTP 503"),
        ((200, b'{"jobs": [', 0.0), "malformed response: not JSON"),
        ((200, b'{"nojobs": 1}', 0.0), "malformed response: no 'jobs' list"),
    ],
)
def test_fetch_failures_are_one_line(
    invoke: Invoke, server: str, route: tuple[int, bytes, float], message: str
) -> None:
    assert invoke("jobs", "import", str(FIXTURES / "arbeitnow.json")).exit_code == 0
    ROUTES["/api/remote-jobs"] = route
    result = invoke("jobs", "fetch", "--source", "remotive")
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert stored_count(invoke) == 2


def test_fetch_timeout_and_no_network(invoke: Invoke, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from careercli.jobs import fetch as job_fetch

    monkeypatch.setattr(job_fetch, "TIMEOUT_S", 0.2)
    monkeypatch.setattr(job_fetch.fetch, "__defaults__", (None, None, None, 0.2))
    ROUTES["/api/remote-jobs"] = (200, b"{}", 1.0)
    result = invoke("jobs", "fetch", "--source", "remotive")
    assert result.exit_code == 1 and "no answer within 0.2 s" in result.output
    monkeypatch.setenv("CAREERCLI_FEED_BASE_URL", "http://127.0.0.1:9")  # nothing listens on port 9
    result = invoke("jobs", "fetch", "--source", "remotive")
    assert result.exit_code == 1 and "cannot reach the feed" in result.output
    assert stored_count(invoke) == 0


def test_unknown_feed_exits_2(invoke: Invoke) -> None:
    result = invoke("jobs", "fetch", "--source", "remotiv")
    assert result.exit_code == 2 and "did you mean 'remotive'" in result.output


def test_a_redirect_from_https_to_http_is_refused() -> None:
    """#13.10: the redirect handler refuses a downgrade, and follows https -> https."""
    import urllib.request

    from careercli.common.errors import DataError
    from careercli.jobs.fetch import NoDowngrade

    handler = NoDowngrade()
    req = urllib.request.Request("https://remotive.com/api/remote-jobs")
    with pytest.raises(DataError, match=r"redirected to http://evil.example/x, which is not https; refused"):
        handler.redirect_request(req, None, 302, "Found", {}, "http://evil.example/x")
    followed = handler.redirect_request(req, None, 302, "Found", {}, "https://remotive.com/api/v2")
    assert followed is not None and followed.full_url == "https://remotive.com/api/v2"
    plain = urllib.request.Request("http://127.0.0.1:8000/a")
    assert handler.redirect_request(plain, None, 302, "Found", {}, "http://127.0.0.1:8000/b") is not None
