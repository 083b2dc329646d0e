"""#13.10 against real servers: `jobs fetch` from an https feed that redirects to plain http
is refused (and the http server never hears from careercli), while an https -> https
redirect is followed. The feed is a TLS server on 127.0.0.1 with a certificate made for
this test by openssl; the careercli process trusts it through SSL_CERT_FILE, as OpenSSL's
default verify paths read it. Each fetch is a real process."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from tests.test_untrusted import run

FIXTURES = Path(__file__).parent / "fixtures" / "jobs"


class Recorder(BaseHTTPRequestHandler):
    """Answers from `routes`: a path to (status, headers, body); records every path asked."""

    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
    seen: ClassVar[list[str]]

    def do_GET(self) -> None:
        self.seen.append(self.path)
        status, headers, body = self.routes.get(self.path.split("?")[0], (404, {}, b"not found"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def _serve(handler: type[Recorder], context: ssl.SSLContext | None) -> tuple[ThreadingHTTPServer, int]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if context is not None:
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, int(httpd.server_address[1])


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate for the local TLS feed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subject = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
    files = ["-keyout", str(key), "-out", str(cert)]
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", *subject, *files],
        check=False,
        capture_output=True,
    )
    if made.returncode != 0:
        pytest.skip(f"openssl could not make a certificate: {made.stderr.decode(errors='replace')[:200]}")
    return cert, key


@pytest.fixture
def feeds(certificate: tuple[Path, Path]) -> Iterator[tuple[type[Recorder], type[Recorder], int, int]]:
    """A TLS feed and a plain-http server, each with its own routes and log."""

    class Secure(Recorder):
        routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
        seen: ClassVar[list[str]] = []

    class Plain(Recorder):
        routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
        seen: ClassVar[list[str]] = []

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(certificate[0]), str(certificate[1]))
    secure, secure_port = _serve(Secure, context)
    plain, plain_port = _serve(Plain, None)
    yield Secure, Plain, secure_port, plain_port
    for httpd in (secure, plain):
        httpd.shutdown()
        httpd.server_close()


def _fetch(tmp_path: Path, port: int, cert: Path) -> subprocess.CompletedProcess[bytes]:
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir(exist_ok=True)
    return run(
        ["jobs", "fetch", "--source", "remotive", "--json"],
        home,
        cwd,
        CAREERCLI_FEED_BASE_URL=f"https://127.0.0.1:{port}",
        SSL_CERT_FILE=str(cert),
    )


def test_https_to_http_redirect_is_refused_by_a_real_fetch(
    feeds: tuple[type[Recorder], type[Recorder], int, int], certificate: tuple[Path, Path], tmp_path: Path
) -> None:
    secure, plain, secure_port, plain_port = feeds
    downgrade = f"http://127.0.0.1:{plain_port}/api/remote-jobs"
    secure.routes["/api/remote-jobs"] = (302, {"Location": downgrade}, b"")
    plain.routes["/api/remote-jobs"] = (200, {}, (FIXTURES / "remotive.json").read_bytes())
    done = _fetch(tmp_path, secure_port, certificate[0])
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert f"redirected to {downgrade}, which is not https; refused" in lines[0]
    assert secure.seen and plain.seen == [], "careercli followed the downgrade"
    assert not (tmp_path / "home" / "jobs.sqlite3").exists() or _stored(tmp_path) == 0


def test_https_to_https_redirect_is_followed(
    feeds: tuple[type[Recorder], type[Recorder], int, int], certificate: tuple[Path, Path], tmp_path: Path
) -> None:
    secure, _plain, secure_port, _ = feeds
    moved = f"https://127.0.0.1:{secure_port}/api/v2/remote-jobs"
    secure.routes["/api/remote-jobs"] = (301, {"Location": moved}, b"")
    secure.routes["/api/v2/remote-jobs"] = (200, {}, (FIXTURES / "remotive.json").read_bytes())
    done = _fetch(tmp_path, secure_port, certificate[0])
    assert done.returncode == 0, done.stderr.decode()
    assert [p.split("?")[0] for p in secure.seen] == ["/api/remote-jobs", "/api/v2/remote-jobs"]
    assert _stored(tmp_path) == 2


def test_an_untrusted_certificate_is_one_line(
    feeds: tuple[type[Recorder], type[Recorder], int, int], tmp_path: Path
) -> None:
    """Without SSL_CERT_FILE the self-made certificate is not trusted: one line, exit 1."""
    secure, _plain, secure_port, _ = feeds
    secure.routes["/api/remote-jobs"] = (200, {}, (FIXTURES / "remotive.json").read_bytes())
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir()
    done = run(
        ["jobs", "fetch", "--source", "remotive"],
        home,
        cwd,
        CAREERCLI_FEED_BASE_URL=f"https://127.0.0.1:{secure_port}",
        SSL_CERT_FILE=str(tmp_path / "no-such-bundle.pem"),
    )
    stderr = done.stderr.decode()
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert done.returncode == 1 and len(lines) == 1 and "Traceback" not in stderr, stderr
    assert lines[0].startswith("careercli: error: ") and "certificate" in lines[0], lines[0]


def _stored(tmp_path: Path) -> int:
    done = run(["jobs", "sources", "--json"], tmp_path / "home", tmp_path / "cwd")
    return sum(int(s["jobs"]) for s in json.loads(done.stdout)["sources"])
