"""Untrusted text (#13 point 1): a hostile job file, feed or data pack cannot drive the
terminal. Real processes: the bytes of every output format hold no control or bidi
character; JSON holds the text escaped and parses back to it; CSV cells are not formulas.
Property tests: no renderer ever emits a control character, for any input."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import MINIMAL_ROLE

from careercli.common import untrusted
from careercli.common.currency import load_rates
from careercli.jobs.model import Job, Salary
from careercli.jobs.query import JobMatch, JobQuery, JobSearch

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "Evil\x1b]2;PWNED\x07 Corp\x1b[2J\x00\u202eTXT.exe\x9b31m\u2066"
# everything a renderer may not emit: C0 but tab and newline, DEL, C1, bidi, separators
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
SGR = re.compile(r"\x1b\[[0-9;]*m")  # Rich's own colour codes, when colour is forced


def careercli() -> list[str]:
    beside = Path(sys.executable).parent / "careercli"
    return [str(beside)] if beside.is_file() else [sys.executable, "-m", "careercli"]


def run(
    argv: list[str], home: Path, cwd: Path, stdin: bytes = b"", prefix: tuple[str, ...] = (), **env: str
) -> subprocess.CompletedProcess[bytes]:
    full = {
        k: v for k, v in os.environ.items() if not k.startswith(("CAREERCLI_", "XDG_")) and k != "NO_COLOR"
    }
    full.update({"CAREERCLI_HOME": str(home), "HOME": str(cwd), "PYTHONDONTWRITEBYTECODE": "1", **env})
    return subprocess.run(
        [*prefix, *careercli(), *argv],
        check=False,
        cwd=cwd,
        env=full,
        input=stdin,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A job store holding one job whose every text field is hostile (HTML entities too)."""
    cwd = tmp_path_factory.mktemp("cwd")
    home = tmp_path_factory.mktemp("home")
    job = {
        "title": f"Data Scientist {HOSTILE}",
        "company": HOSTILE,
        "location": f"Berlin{HOSTILE}",
        "salary": "$100,000 - $150,000",
        "description": f"<p>Hi &#27;[2J &#x202e; {HOSTILE}</p>",
        "tags": ["python", HOSTILE],
        "url": f'=HYPERLINK("http://x"){HOSTILE}',
        "type": "full-time",
    }
    (cwd / "hostile.json").write_text(json.dumps({"jobs": [job]}), encoding="utf-8")
    done = run(["jobs", "import", "hostile.json", "--source", "evil"], home, cwd)
    assert done.returncode == 0, done.stderr
    assert not FORBIDDEN.search(done.stdout.decode() + done.stderr.decode())
    return home, cwd


ANSWERS = Path(__file__).resolve().parent.parent / "examples" / "engineer.yaml"
CASES = [
    pytest.param(["jobs", "--search", "scientist"], {"COLUMNS": "80"}, id="table-80"),
    pytest.param(["jobs", "--search", "scientist"], {"COLUMNS": "120"}, id="table-120"),
    pytest.param(
        ["jobs", "--search", "scientist"], {"COLUMNS": "80", "NO_COLOR": "1"}, id="table-80-nocolor"
    ),
    pytest.param(
        ["jobs", "--search", "scientist"], {"COLUMNS": "120", "NO_COLOR": "1"}, id="table-120-nocolor"
    ),
    pytest.param(
        ["jobs", "--search", "scientist"], {"COLUMNS": "80", "FORCE_COLOR": "1"}, id="table-80-color"
    ),
    pytest.param(
        ["jobs", "--search", "scientist"], {"COLUMNS": "120", "FORCE_COLOR": "1"}, id="table-120-color"
    ),
    pytest.param(["jobs", "--search", "scientist", "--csv"], {}, id="csv"),
    # the streamed paths of a store (--all: the table, CSV and JSON written as rows come)
    pytest.param(["jobs", "--all"], {"COLUMNS": "80"}, id="all-table-80"),
    pytest.param(["jobs", "--all"], {"COLUMNS": "120", "FORCE_COLOR": "1"}, id="all-table-120-color"),
    pytest.param(["jobs", "--all", "--csv"], {}, id="all-csv"),
    pytest.param(["jobs", "--all", "--json"], {}, id="all-json"),
    pytest.param(
        ["jobs", "--all", "--sort", "fit", "--answers", str(ANSWERS)], {"COLUMNS": "80"}, id="all-fit"
    ),
    pytest.param(["jobs", "--sort", "fit", "--answers", str(ANSWERS), "--json"], {}, id="fit-json"),
    pytest.param(["jobs", "sources"], {"COLUMNS": "80"}, id="sources"),
]


@pytest.mark.parametrize(("argv", "env"), CASES)
def test_hostile_job_file_reaches_no_output_as_control_characters(
    hostile_store: tuple[Path, Path], argv: list[str], env: dict[str, str]
) -> None:
    home, cwd = hostile_store
    done = run(argv, home, cwd, **env)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert "Traceback" not in out + done.stderr.decode()
    assert "PWNED" in out or argv[-1] == "sources"  # the job is listed
    assert not FORBIDDEN.search(SGR.sub("", out)), repr(out)
    assert not FORBIDDEN.search(done.stderr.decode())


def test_hostile_job_json_holds_the_escaped_text(hostile_store: tuple[Path, Path]) -> None:
    home, cwd = hostile_store
    done = run(["jobs", "--search", "scientist", "--json"], home, cwd)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert not FORBIDDEN.search(text)
    (job,) = [j for j in json.loads(text)["jobs"] if "PWNED" in j["company"]]
    assert job["company"] == untrusted.clean(HOSTILE)
    assert "\\x1b]2;PWNED\\x07" in job["company"] and "\\u202e" in job["company"]


def test_hostile_csv_cells_are_not_formulas(hostile_store: tuple[Path, Path]) -> None:
    home, cwd = hostile_store
    done = run(["jobs", "--search", "scientist", "--csv"], home, cwd)
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"))))
    assert rows[0]["url"].startswith("'=HYPERLINK")


def test_hostile_pack_markdown_and_table(tmp_path: Path) -> None:
    pack = tmp_path / "pack" / "roles"
    pack.mkdir(parents=True)
    title = '"Evil \\e]2;PWNED\\a \\u202eRole\\x9b"'
    role = MINIMAL_ROLE.format(id="evil-role", title=title).replace(
        "summary: Builds the platform that trains and serves models.",
        'summary: "\\e[2J Builds the platform."',
    )
    (pack / "evil-role.yaml").write_text(role, encoding="utf-8")
    home = tmp_path / "home"
    for argv in (
        ["show", "evil-role", "--markdown"],
        ["show", "evil-role"],
        ["roles"],
        ["compare", "evil-role", "head-ds", "--markdown"],
    ):
        done = run(["--data-dir", str(tmp_path / "pack"), *argv], home, tmp_path, COLUMNS="100")
        assert done.returncode == 0, done.stderr
        out = done.stdout.decode("utf-8")
        assert "PWNED" in out
        assert not FORBIDDEN.search(out), (argv, out[:500])


# --- the renderers, for any text ------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


def _search(text: str) -> JobSearch:
    rates = load_rates(None)
    job = Job(
        id=text or "x", title=text, company=text, location=text, remote=False,
        employment_type=("full-time",), level="mid", salary=Salary(1.0, 2.0, "USD"), role=None,
        skills=(text,), posted=None, url=text, source=text or "s", description=text,
    )  # fmt: skip
    query = JobQuery()
    return JobSearch([JobMatch(job, 50.0, None)], 1, query, rates, "fit", 0, [], [])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, width=st.sampled_from([40, 80, 120]))
def test_no_renderer_output_holds_a_control_character(text: str, width: int) -> None:
    from careercli.cli.console import console
    from careercli.jobs.render import jobs_view, write_csv

    search = _search(text)
    buffer = io.StringIO()
    out = console()
    out.file = buffer
    out.width = width
    for part in jobs_view(search, width):
        out.print(part)
    assert not FORBIDDEN.search(SGR.sub("", buffer.getvalue()))
    sheet = io.StringIO()
    write_csv(search, sheet)
    assert not FORBIDDEN.search(sheet.getvalue())
    for cell in next(iter(csv.reader(io.StringIO(sheet.getvalue()).readlines()[1:]))):
        assert not cell.startswith(untrusted.FORMULA_START) or re.fullmatch(r"[+-]?[\d.eE+-]+", cell)


@given(text=TEXT)
def test_the_cleaner_leaves_nothing_and_is_idempotent(text: str) -> None:
    for multiline in (False, True):
        once = untrusted.clean(text, multiline)
        assert not FORBIDDEN.search(once)
        assert "\t" not in once and ("\n" not in once or multiline)
        assert untrusted.clean(once, multiline) == once
    assert not FORBIDDEN.search(untrusted.printable(text))
    assert not FORBIDDEN.search(untrusted.csv_cell(text))


@given(text=TEXT)
def test_json_output_escapes_and_parses_back(text: str) -> None:
    from careercli.cli.console import emit_json

    buffer = io.StringIO()
    saved, sys.stdout = sys.stdout, buffer
    try:
        emit_json({"value": text})
    finally:
        sys.stdout = saved
    shown = buffer.getvalue()
    assert not FORBIDDEN.search(shown)
    assert json.loads(shown) == {"value": text}


@pytest.mark.parametrize(
    ("cell", "shown"),
    [("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-5", "-5"), ("-2.5e3", "-2.5e3"), ("-x", "'-x"),
     ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "' x"), ("\rx", "' x"), ("plain", "plain")],
)  # fmt: skip
def test_csv_formula_guard(cell: str, shown: str) -> None:
    assert untrusted.csv_cell(cell) == shown
