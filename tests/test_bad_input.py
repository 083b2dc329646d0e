"""Bad input for every command, as a person would type it: one table, run as real processes.

Each case runs the installed `careercli` with CAREERCLI_HOME in the test's folder, a working
folder holding the input files, and a fake HOME. It asserts the exit code; that the error is
one line on stderr naming what was wrong (and the closest valid value for a misspelling);
that no traceback is printed; and that nothing outside CAREERCLI_HOME changed.

Sizes are chosen so the table stays fast: "huge" means a 5 MB line, enough to show that a
value is never echoed back whole and that nothing hangs, without a 50 MB file in the suite.
"""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from tests.conftest import MINIMAL_ROLE, ROOT, write

from careercli.common.errors import EXIT_DATA, EXIT_USAGE

EXAMPLE = (ROOT / "examples" / "engineer.yaml").read_text(encoding="utf-8")
HUGE = 5_000_000
MAX_LINE = 2600  # the longest error line allowed: a message is capped at 2000 characters

Setup = Callable[[Path, Path], dict[str, str]]  # (cwd, state home) -> extra environment


def careercli() -> list[str]:
    """The installed console script beside this Python, else `python -m careercli`."""
    beside = Path(sys.executable).parent / "careercli"
    return [str(beside)] if beside.is_file() else [sys.executable, "-m", "careercli"]


# --- setups: the files a case needs, in the working folder or the state home ---------------


def answers(text: str, name: str = "me.yaml") -> Setup:
    def make(cwd: Path, home: Path) -> dict[str, str]:
        write(cwd / name, text)
        return {}

    return make


def raw_file(name: str, data: bytes) -> Setup:
    def make(cwd: Path, home: Path) -> dict[str, str]:
        (cwd / name).write_bytes(data)
        return {}

    return make


def profile(data: bytes) -> Setup:
    def make(cwd: Path, home: Path) -> dict[str, str]:
        home.mkdir(parents=True, exist_ok=True)
        (home / "profile.yaml").write_bytes(data)
        return {}

    return make


def good_store(home: Path) -> Path:
    """A real job store with one source 'jobs' and two jobs, written through the store itself."""
    from careercli.catalog.loader import load_catalog
    from careercli.jobs.importer import read_file
    from careercli.jobs.record import RowMaker
    from careercli.jobs.store import Batch, add_batches

    src = home.parent / "seed.csv"
    src.write_text("title,company,location\nData Scientist,Acme,Remote\nData Engineer,Beta,Berlin\n")
    parsed = read_file(src, RowMaker(load_catalog(use_cache=False)), {})
    home.mkdir(parents=True, exist_ok=True)
    path = home / "jobs.sqlite3"
    add_batches([Batch("jobs", "import", str(src), parsed.rows, [j for _, j in parsed.jobs])], path=path)
    src.unlink()
    return path


def store(kind: str) -> Setup:
    def make(cwd: Path, home: Path) -> dict[str, str]:
        if kind == "garbage":
            home.mkdir(parents=True, exist_ok=True)
            (home / "jobs.sqlite3").write_bytes(os.urandom(3000))
            return {}
        path = good_store(home)
        if kind == "truncated":
            path.write_bytes(path.read_bytes()[:3000])
        elif kind == "newer":
            with sqlite3.connect(path) as conn:
                conn.execute("PRAGMA user_version = 99")
            conn.close()
        return {}

    return make


def unusable_home(cwd: Path, home: Path) -> dict[str, str]:
    """CAREERCLI_HOME below a regular file: unwritable even for root (chmod would not stop it)."""
    (cwd / "afile").write_text("not a folder\n")
    return {"CAREERCLI_HOME": str(cwd / "afile" / "sub")}


def pack(role_text: str, name: str = "ml-platform-lead.yaml") -> Setup:
    def make(cwd: Path, home: Path) -> dict[str, str]:
        write(cwd / "pack" / "roles" / name, role_text)
        return {}

    return make


def both(*setups: Setup) -> Setup:
    def make(cwd: Path, home: Path) -> dict[str, str]:
        env: dict[str, str] = {}
        for s in setups:
            env.update(s(cwd, home))
        return env

    return make


def closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def feed(base: str | None = None) -> Setup:
    def make(cwd: Path, home: Path) -> dict[str, str]:
        return {"CAREERCLI_FEED_BASE_URL": base or closed_port()}

    return make


def nothing(cwd: Path, home: Path) -> dict[str, str]:
    return {}


ROLE = MINIMAL_ROLE.format(id="ml-platform-lead", title="ML Platform Lead")
GOOD_CSV = "title,company,location\nData Scientist,Acme,Remote\n"


class Case(NamedTuple):
    id: str
    argv: list[str]
    code: int
    says: str  # the message (stderr, or stdout when the exit code is 0) contains this
    setup: Setup = nothing


CASES = [
    # --- global --------------------------------------------------------------------------
    Case("unknown-command", ["rols"], EXIT_USAGE, "Did you mean 'roles'?"),
    Case("unknown-option", ["roles", "--levl", "senior"], EXIT_USAGE, "No such option: --levl"),
    Case("data-dir-missing", ["--data-dir", "nope", "roles"], EXIT_DATA, "nope: data pack folder not found"),
    Case(
        "data-dir-bad-key",
        ["--data-dir", "pack", "roles"],
        EXIT_DATA,
        "unknown field (did you mean 'summary'?)",
        pack(ROLE.replace("summary:", "sumary:")),
    ),
    Case(
        "data-dir-python-tag",
        ["--data-dir", "pack", "show", "ml-platform-lead"],
        EXIT_DATA,
        "is not allowed (YAML is loaded safely",
        pack("!!python/object/apply:os.system ['true']\n"),
    ),
    Case(
        "data-dir-binary-role",
        ["--data-dir", "pack", "roles"],
        EXIT_DATA,
        "binary content",
        both(pack(ROLE), raw_file("pack/roles/junk.yaml", b"\x00\x01\xff" * 100)),
    ),
    Case(
        "data-dir-unknown-skill",
        ["--data-dir", "pack", "roles"],
        EXIT_DATA,
        "did you mean 'python'",
        pack(ROLE.replace("{id: python,", "{id: pythn,")),
    ),
    # --- roles, show, compare ------------------------------------------------------------
    Case("roles-level-typo", ["roles", "--level", "seniorr"], EXIT_USAGE, "did you mean 'senior'?"),
    Case("roles-family-typo", ["roles", "--family", "leadershp"], EXIT_USAGE, "did you mean 'leadership'?"),
    Case("show-typo", ["show", "heads-ds"], EXIT_USAGE, "unknown role 'heads-ds' (did you mean 'head-ds'"),
    Case("show-empty", ["show", ""], EXIT_USAGE, "unknown role ''"),
    Case("show-missing", ["show"], EXIT_USAGE, "Missing argument"),
    Case("show-newline", ["show", "foo\nbar"], EXIT_USAGE, "unknown role 'foo\\nbar'"),
    Case("show-escape-seq", ["show", "\x1b[31mred"], EXIT_USAGE, "\\x1b[31mred"),
    Case("compare-one", ["compare", "head-ds"], EXIT_USAGE, "compare takes 2 to 5 roles, got 1"),
    Case("compare-six", ["compare", *["head-ds", "lead-mle", "data-scientist"] * 2], EXIT_USAGE, "2 to 5"),
    Case("compare-typo", ["compare", "head-ds", "lead-mlee"], EXIT_USAGE, "did you mean 'lead-mle'"),
    Case(
        "compare-facet-typo",
        ["compare", "head-ds", "lead-mle", "--facet", "toolz"],
        EXIT_USAGE,
        "did you mean 'tools'?",
    ),
    # --- quiz ----------------------------------------------------------------------------
    Case("quiz-no-terminal", ["quiz"], EXIT_USAGE, "no terminal to ask the questions in; pass --answers"),
    Case("quiz-answers-missing", ["quiz", "--answers", "nope.yaml"], EXIT_DATA, "nope.yaml: no such file"),
    Case("quiz-answers-folder", ["quiz", "--answers", "."], EXIT_DATA, "is a folder"),
    Case(
        "quiz-answers-empty", ["quiz", "--answers", "me.yaml"], EXIT_DATA, "expected a mapping", answers("")
    ),
    Case(
        "quiz-answers-binary",
        ["quiz", "--answers", "me.yaml"],
        EXIT_DATA,
        "me.yaml: binary content",
        raw_file("me.yaml", os.urandom(2000) + b"\x00"),
    ),
    Case(
        "quiz-answers-huge-line",
        ["quiz", "--answers", "me.yaml"],
        EXIT_DATA,
        "more characters",
        answers("a" * HUGE),
    ),
    Case(
        "quiz-answers-yaml-syntax",
        ["quiz", "--answers", "me.yaml"],
        EXIT_DATA,
        "me.yaml: line 2, column 1: YAML error",
        answers("{{{{\n"),
    ),
    Case(
        "quiz-answers-skill-typo",
        ["quiz", "--answers", "me.yaml"],
        EXIT_DATA,
        "skills.pythn: unknown skill 'pythn' (did you mean 'python'",
        answers(EXAMPLE.replace("python:", "pythn:")),
    ),
    Case(
        "quiz-answers-years-out-of-range",
        ["quiz", "--answers", "me.yaml"],
        EXIT_DATA,
        "experience_years: 99 is out of range; expected 0 to 60",
        answers("experience_years: 99\neducation: master\n"),
    ),
    Case(
        "quiz-answers-degree-typo",
        ["quiz", "--answers", "me.yaml"],
        EXIT_DATA,
        "did you mean 'master'",
        answers("experience_years: 3\neducation: masterz\n"),
    ),
    Case(
        "quiz-answers-newline-key",
        ["quiz", "--answers", "me.yaml"],
        EXIT_DATA,
        "unknown skill 'py\\nthon'",
        answers('experience_years: 3\neducation: master\nskills: {"py\\nthon": 3}\n'),
    ),
    Case(
        "quiz-top-zero", ["quiz", "--answers", "me.yaml", "--top", "0"], EXIT_USAGE, "0 is not in the range"
    ),
    Case(
        "quiz-unwritable-home",
        ["quiz", "--answers", "me.yaml"],
        EXIT_DATA,
        "profile.yaml: cannot write: Not a directory",
        both(answers(EXAMPLE), unusable_home),
    ),
    Case(
        "quiz-save-answers-under-file",
        ["quiz", "--answers", "me.yaml", "--no-save", "--save-answers", "afile/x.yaml"],
        EXIT_DATA,
        "afile/x.yaml: cannot write",
        both(answers(EXAMPLE), raw_file("afile", b"x")),
    ),
    # --- resume, quiz --resume -----------------------------------------------------------
    Case("resume-missing", ["resume", "cv.pdf"], EXIT_DATA, "cv.pdf: no such file"),
    Case("resume-folder", ["resume", "."], EXIT_DATA, "is a folder"),
    Case("resume-no-argument", ["resume"], EXIT_USAGE, "Missing argument 'FILE'"),
    Case(
        "resume-empty", ["resume", "cv.txt"], EXIT_DATA, "cv.txt: the file is empty", raw_file("cv.txt", b"")
    ),
    Case(
        "resume-old-doc",
        ["resume", "cv.doc"],
        EXIT_DATA,
        "old binary Word (.doc) file",
        raw_file("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
    ),
    Case(
        "resume-binary",
        ["resume", "cv.bin"],
        EXIT_DATA,
        "binary data",
        raw_file("cv.bin", b"\x7fELF" + bytes(3000)),
    ),
    Case(
        "resume-pdf-garbage",
        ["resume", "cv.pdf"],
        EXIT_DATA,
        "not a readable PDF",
        raw_file("cv.pdf", b"%PDF-1.7\n" + os.urandom(2000)),
    ),
    Case(
        "resume-zip-garbage",
        ["resume", "cv.docx"],
        EXIT_DATA,
        "not a readable DOCX",
        raw_file("cv.docx", b"PK\x03\x04" + os.urandom(2000)),
    ),
    Case(
        "resume-huge-line",
        ["resume", "cv.txt"],
        EXIT_DATA,
        "found no skill, degree or job dates; is it a résumé?",
        raw_file("cv.txt", b"a" * HUGE),
    ),
    Case(
        "resume-save-answers-unwritable",
        ["resume", "cv.md", "--save-answers", "afile/x.yaml"],
        EXIT_DATA,
        "afile/x.yaml: cannot write",
        both(
            raw_file("cv.md", b"Experience\nData Analyst, Acme, 2019 - 2022\nSQL and Python\n"),
            raw_file("afile", b"not a folder\n"),
        ),
    ),
    Case("quiz-resume-missing", ["quiz", "--resume", "cv.pdf"], EXIT_DATA, "cv.pdf: no such file"),
    Case(
        "quiz-resume-and-answers",
        ["quiz", "--resume", "cv.pdf", "--answers", "me.yaml"],
        EXIT_USAGE,
        "--answers and --resume cannot be used together",
    ),
    # --- fit, plan, profile --------------------------------------------------------------
    Case("fit-no-profile", ["fit", "lead-mle"], EXIT_USAGE, "no saved profile; run `careercli quiz`"),
    Case(
        "fit-typo",
        ["fit", "lead-ml", "--answers", "me.yaml"],
        EXIT_USAGE,
        "did you mean 'lead-mle'",
        answers(EXAMPLE),
    ),
    Case(
        "fit-corrupt-profile",
        ["fit", "lead-mle"],
        EXIT_DATA,
        "profile.yaml: binary content, expected UTF-8 text; fix it, or run `careercli profile clear`",
        profile(b"\x00\xff\xfe garbage" + os.urandom(500)),
    ),
    Case("plan-unknown", ["plan", "nope"], EXIT_USAGE, "unknown role 'nope'"),
    Case(
        "next-unknown",
        ["next", "nope", "--answers", "me.yaml"],
        EXIT_USAGE,
        "unknown role 'nope'",
        answers(EXAMPLE),
    ),
    Case("next-no-profile", ["next", "data-analyst"], EXIT_USAGE, "no saved profile"),
    Case(
        "next-answers-bad-onet-skill",
        ["next", "data-analyst", "--answers", "me.yaml"],
        EXIT_DATA,
        "unknown O*NET skill or knowledge area 'Programing' (did you mean 'Programming'?)",
        answers("experience_years: 3\neducation: master\nonet_skills: {Programing: 4}\n"),
    ),
    Case("next-bad-top", ["next", "data-analyst", "--top", "0"], EXIT_USAGE, "--top"),
    Case(
        "plan-answers-bad-interest",
        ["plan", "head-ds", "--answers", "me.yaml"],
        EXIT_DATA,
        "did you mean 'investigative'",
        answers("experience_years: 3\neducation: master\ninterests: {investigatve: 4}\n"),
    ),
    Case(
        "profile-show-garbage",
        ["profile", "show"],
        EXIT_DATA,
        "binary content",
        profile(os.urandom(3000) + b"\x00"),
    ),
    Case(
        "profile-show-not-utf8",
        ["profile", "show"],
        EXIT_DATA,
        "is not UTF-8",
        profile("experience_years: 3\neducation: {field: Économie}\n".encode("latin-1")),
    ),
    Case(
        "profile-show-bad-yaml",
        ["profile", "show", "--json"],
        EXIT_DATA,
        "YAML error",
        profile(b"experience_years: [3\n"),
    ),
    Case(
        "profile-show-out-of-range",
        ["profile", "show"],
        EXIT_DATA,
        "experience_years: 900 is out of range",
        profile(b"experience_years: 900\neducation: master\n"),
    ),
    Case("profile-typo", ["profile", "shwo"], EXIT_USAGE, "Did you mean 'show'?"),
    Case("profile-path-extra", ["profile", "path", "extra"], EXIT_USAGE, "unexpected extra argument"),
    Case("profile-clear-unusable-home", ["profile", "clear"], 0, "No saved profile to remove", unusable_home),
    # --- jobs ----------------------------------------------------------------------------
    Case("jobs-level-typo", ["jobs", "--level", "seniorr"], EXIT_USAGE, "did you mean 'senior'?"),
    Case("jobs-level-empty", ["jobs", "--level", ""], EXIT_USAGE, "unknown level ''"),
    Case("jobs-role-empty", ["jobs", "--role", ""], EXIT_USAGE, "unknown role ''"),
    Case("jobs-limit-negative", ["jobs", "--limit", "-1"], EXIT_USAGE, "-1 is not in the range x>=1"),
    Case("jobs-limit-text", ["jobs", "--limit", "ten"], EXIT_USAGE, "'ten' is not a valid"),
    Case("jobs-limit-huge", ["jobs", "--limit", "9" * 30], 0, "Data Scientist", store("good")),
    Case("jobs-min-salary-negative", ["jobs", "--min-salary", "-5"], EXIT_USAGE, "'-5' is negative"),
    Case("jobs-min-salary-inf", ["jobs", "--min-salary", "1e999"], EXIT_USAGE, "is not an amount"),
    Case("jobs-currency-typo", ["jobs", "--currency", "EUX"], EXIT_USAGE, "did you mean 'EUR'?"),
    Case("jobs-sort-typo", ["jobs", "--sort", "salry"], EXIT_USAGE, "did you mean 'salary'?"),
    Case("jobs-type-typo", ["jobs", "--type", "fulltim"], EXIT_USAGE, "did you mean 'full-time'?"),
    Case("jobs-json-and-csv", ["jobs", "--json", "--csv"], EXIT_USAGE, "cannot be used together"),
    Case(
        "show-json-and-markdown",
        ["show", "head-ds", "--json", "--markdown"],
        EXIT_USAGE,
        "--json and --markdown",
    ),
    Case(
        "compare-markdown-and-json",
        ["compare", "head-ds", "lead-mle", "--markdown", "--json"],
        EXIT_USAGE,
        "--json and --markdown cannot be used together",
    ),
    Case("jobs-for-me-no-profile", ["jobs", "--for-me"], EXIT_USAGE, "--for-me needs a profile"),
    Case("jobs-store-garbage", ["jobs"], EXIT_DATA, "not a careercli job store", store("garbage")),
    Case(
        "jobs-store-truncated",
        ["jobs", "--search", "data"],
        EXIT_DATA,
        "not a careercli job store",
        store("truncated"),
    ),
    Case("jobs-store-newer", ["jobs"], EXIT_DATA, "written by a newer careercli (schema 99", store("newer")),
    # --- jobs import ---------------------------------------------------------------------
    Case("import-no-files", ["jobs", "import"], EXIT_USAGE, "Missing argument"),
    Case("import-missing", ["jobs", "import", "nope.csv"], EXIT_DATA, "nope.csv: no such file"),
    Case("import-folder", ["jobs", "import", "."], EXIT_DATA, "is a folder"),
    Case(
        "import-empty",
        ["jobs", "import", "e.csv"],
        EXIT_DATA,
        "e.csv: the file is empty",
        raw_file("e.csv", b""),
    ),
    Case(
        "import-binary",
        ["jobs", "import", "b.json"],
        EXIT_DATA,
        "b.json: binary content",
        raw_file("b.json", b"\x89PNG\r\n\x1a\n\x00\x00" + os.urandom(2000)),
    ),
    Case(
        "import-latin1",
        ["jobs", "import", "l.csv"],
        EXIT_DATA,
        "l.csv: line 2: byte 33 is not UTF-8",
        raw_file("l.csv", "title,company\nData Scientist,Société\n".encode("latin-1")),
    ),
    Case(
        "import-deep-json",
        ["jobs", "import", "d.json"],
        EXIT_DATA,
        "JSON nested deeper than 100 levels",
        raw_file("d.json", b"[" * 100_000 + b"]" * 100_000),
    ),
    Case(
        "import-bad-json",
        ["jobs", "import", "t.json"],
        EXIT_DATA,
        "t.json",
        raw_file("t.json", b'[{"title": "Data Scientist", "company": '),
    ),
    Case(
        "import-huge-title-rejected",
        ["jobs", "import", "h.csv"],
        0,
        "row 1: title is 5000000 characters long",
        raw_file("h.csv", b"title,company\n" + b"x" * HUGE + b",Acme\n"),
    ),
    Case(
        "import-map-typo",
        ["jobs", "import", "j.csv", "--map", "titel=Name"],
        EXIT_USAGE,
        "did you mean 'title'",
    ),
    Case(
        "import-map-shape", ["jobs", "import", "j.csv", "--map", "title"], EXIT_USAGE, "is not field=column"
    ),
    Case(
        "import-source-bad",
        ["jobs", "import", "j.csv", "--source", "bad name!"],
        EXIT_USAGE,
        "--source: 'bad name!' is not a name",
    ),
    Case(
        "import-currency-typo",
        ["jobs", "import", "j.csv", "--currency", "EURO"],
        EXIT_USAGE,
        "did you mean 'EUR'?",
        answers(GOOD_CSV, "j.csv"),
    ),
    Case(
        "import-store-garbage",
        ["jobs", "import", "j.csv"],
        EXIT_DATA,
        "not a careercli job store",
        both(answers(GOOD_CSV, "j.csv"), store("garbage")),
    ),
    Case(
        "import-store-newer",
        ["jobs", "import", "j.csv"],
        EXIT_DATA,
        "written by a newer careercli",
        both(answers(GOOD_CSV, "j.csv"), store("newer")),
    ),
    Case(
        "import-unusable-home",
        ["jobs", "import", "j.csv"],
        EXIT_DATA,
        "cannot create the state folder",
        both(answers(GOOD_CSV, "j.csv"), unusable_home),
    ),
    Case(
        "import-rejects-under-file",
        ["jobs", "import", "j.csv", "--rejects", "afile/r.csv"],
        EXIT_DATA,
        "afile/r.csv: cannot write the rejected rows",
        both(answers(GOOD_CSV, "j.csv"), raw_file("afile", b"x")),
    ),
    # --- jobs fetch, sources, clear ------------------------------------------------------
    Case("fetch-no-source", ["jobs", "fetch"], EXIT_USAGE, "Missing option '--source'"),
    Case(
        "fetch-source-typo", ["jobs", "fetch", "--source", "remotiv"], EXIT_USAGE, "did you mean 'remotive'"
    ),
    Case("fetch-limit-zero", ["jobs", "fetch", "--source", "remotive", "--limit", "0"], EXIT_USAGE, "range"),
    Case(
        "fetch-category-arbeitnow",
        ["jobs", "fetch", "--source", "arbeitnow", "--category", "data"],
        EXIT_USAGE,
        "Arbeitnow has no categories",
        feed(),
    ),
    Case(
        "fetch-unreachable",
        ["jobs", "fetch", "--source", "remotive"],
        EXIT_DATA,
        "cannot reach the feed",
        feed(),
    ),
    Case(
        "fetch-not-http",
        ["jobs", "fetch", "--source", "remotive"],
        EXIT_DATA,
        "only http and https feeds",
        feed("file:///etc"),
    ),
    Case(
        "sources-store-truncated",
        ["jobs", "sources"],
        EXIT_DATA,
        "not a careercli job store",
        store("truncated"),
    ),
    Case("sources-extra", ["jobs", "sources", "x"], EXIT_USAGE, "unexpected extra argument"),
    Case(
        "clear-source-typo",
        ["jobs", "clear", "--source", "jbos"],
        EXIT_USAGE,
        "did you mean 'jobs'?",
        store("good"),
    ),
    Case("clear-store-newer", ["jobs", "clear"], EXIT_DATA, "written by a newer careercli", store("newer")),
    Case("jobs-sub-typo", ["jobs", "imprt", "x"], EXIT_USAGE, "Did you mean 'import'?"),
    Case(
        "fetch-category-remoteok",
        ["jobs", "fetch", "--source", "remoteok", "--category", "data"],
        EXIT_USAGE,
        "Remote OK has no categories",
        feed(),
    ),
    Case(
        "reindex-store-truncated",
        ["jobs", "reindex"],
        EXIT_DATA,
        "not a careercli job store",
        store("truncated"),
    ),
    Case(
        "reindex-store-newer", ["jobs", "reindex"], EXIT_DATA, "written by a newer careercli", store("newer")
    ),
    Case(
        "show-unknown-id",
        ["jobs", "show", "occam-ai-founding-ai-engineer"],
        EXIT_USAGE,
        "did you mean 'occam-ai-founding-ai-engineer-agents'",
    ),
    Case("show-no-id", ["jobs", "show"], EXIT_USAGE, "Missing argument 'ID'"),
    Case(
        "show-answers-missing",
        ["jobs", "show", "occam-ai-founding-ai-engineer-agents", "--answers", "nope.yaml"],
        EXIT_DATA,
        "nope.yaml: no such file",
    ),
    # --- skills ------------------------------------------------------------------------
    Case(
        "skills-demand-role-typo",
        ["skills", "demand", "--role", "data-scientst"],
        EXIT_USAGE,
        "did you mean 'data-scientist'",
    ),
    Case(
        "skills-demand-level-typo",
        ["skills", "demand", "--level", "seniorr"],
        EXIT_USAGE,
        "did you mean 'senior'",
    ),
    Case(
        "skills-demand-store-newer",
        ["skills", "demand"],
        EXIT_DATA,
        "written by a newer careercli",
        store("newer"),
    ),
    Case("skills-sub-typo", ["skills", "demnd"], EXIT_USAGE, "Did you mean 'demand'?"),
    # --- salary --------------------------------------------------------------------------
    Case("salary-typo", ["salary", "ml-enginer"], EXIT_USAGE, "did you mean 'ml-engineer'"),
    Case("salary-level-typo", ["salary", "--level", "seniorr"], EXIT_USAGE, "did you mean 'senior'"),
    Case(
        "salary-year-huge",
        ["salary", "--year", "9" * 25],
        EXIT_USAGE,
        "is not a year; expected one of 2020-2025",
    ),
    Case("salary-year-negative", ["salary", "--year", "-1"], EXIT_USAGE, "'-1' is not a year"),
    Case("salary-country-typo", ["salary", "--country", "Germny"], EXIT_USAGE, "did you mean DE (Germany)?"),
    Case("salary-remote-range", ["salary", "--remote", "70"], EXIT_USAGE, "expected 0, 50 or 100"),
    Case("salary-type-bad", ["salary", "--employment-type", "XX"], EXIT_USAGE, "expected FT, PT, CT or FL"),
    Case("salary-size-typo", ["salary", "--company-size", "XL"], EXIT_USAGE, "expected S, M or L"),
    Case("salary-data-missing", ["salary", "--data", "nope.csv"], EXIT_DATA, "nope.csv"),
    Case(
        "salary-data-empty",
        ["salary", "--data", "e.csv"],
        EXIT_DATA,
        "no header line",
        raw_file("e.csv", b""),
    ),
    Case(
        "salary-data-binary",
        ["salary", "--data", "b.csv"],
        EXIT_DATA,
        "binary content",
        raw_file("b.csv", b"work_year,salary\n\x00\x01\x02" + os.urandom(1000)),
    ),
    Case(
        "salary-data-huge-line",
        ["salary", "--data", "h.csv"],
        EXIT_DATA,
        "h.csv: line 1",
        raw_file("h.csv", b'"' + b"x" * HUGE + b'"\n'),
    ),
    Case(
        "salary-data-wrong-columns",
        ["salary", "--data", "j.csv"],
        EXIT_DATA,
        "not a survey CSV",
        answers(GOOD_CSV, "j.csv"),
    ),
    # --- data validate -------------------------------------------------------------------
    Case("validate-missing", ["data", "validate", "nope"], EXIT_DATA, "nope: no such file or folder"),
    Case("import-onet-missing", ["data", "import-onet", "nope"], EXIT_DATA, "nope: no such folder"),
    Case("validate-no-arg", ["data", "validate"], EXIT_USAGE, "Missing argument"),
    Case(
        "validate-bad-level",
        ["data", "validate", "pack"],
        EXIT_DATA,
        "did you mean 'senior'",
        pack(ROLE.replace("level: senior", "level: senoir")),
    ),
    Case(
        "validate-empty-role-file",
        ["data", "validate", "pack/roles/ml-platform-lead.yaml"],
        EXIT_DATA,
        "ml-platform-lead.yaml",
        pack(""),
    ),
    Case("data-typo", ["data", "valdate", "x"], EXIT_USAGE, "Did you mean 'validate'?"),
    Case("import-onet-empty-folder", ["data", "import-onet", "."], EXIT_DATA, "no such file"),
]


def snapshot(root: Path, skip: Path) -> dict[str, str]:
    """Every file and folder under `root` but `skip`, with a digest of each file's bytes."""
    seen: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if here / d != skip]
        for d in dirnames:
            seen[str((here / d).relative_to(root)) + "/"] = "dir"
        for f in filenames:
            p = here / f
            if p.is_symlink():  # a link to /dev/zero is not read
                seen[str(p.relative_to(root))] = f"link to {os.readlink(p)}"
                continue
            try:
                seen[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
            except PermissionError:  # a file a case made unreadable on purpose
                seen[str(p.relative_to(root))] = f"unreadable, {p.stat().st_size} bytes"
    return seen


def run(
    argv: list[str], cwd: Path, home: Path, env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    full_env = {
        k: v for k, v in os.environ.items() if not k.startswith(("CAREERCLI_", "XDG_")) and k != "NO_COLOR"
    }
    full_env.update(
        {
            "CAREERCLI_HOME": str(home),
            "HOME": str(cwd.parent / "userhome"),
            "COLUMNS": "100",
            "PYTHONDONTWRITEBYTECODE": "1",
            **env,
        }
    )
    return subprocess.run(
        [*careercli(), *argv],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


def test_every_command_is_in_the_table() -> None:
    """A new command or subcommand needs bad-input cases here."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import cli_reference

    first_words = {c.argv[0] for c in CASES} | {c.argv[2] for c in CASES if c.argv[0] == "--data-dir"}
    pairs = {tuple(c.argv[:2]) for c in CASES}
    for path in cli_reference.command_paths():
        if len(path) == 1:
            assert path[0] in first_words, f"no bad-input case for `careercli {path[0]}`"
        elif len(path) == 2:
            assert tuple(path) in pairs, f"no bad-input case for `careercli {' '.join(path)}`"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_input(case: Case, tmp_path: Path) -> None:
    cwd, home = tmp_path / "cwd", tmp_path / "state"
    cwd.mkdir()
    (tmp_path / "userhome").mkdir()
    env = case.setup(cwd, home)
    if "me.yaml" in case.argv and not (cwd / "me.yaml").exists() and case.id != "quiz-answers-missing":
        write(cwd / "me.yaml", EXAMPLE)
    if "j.csv" in case.argv and not (cwd / "j.csv").exists():
        write(cwd / "j.csv", GOOD_CSV)
    state = Path(env.get("CAREERCLI_HOME", home))
    before = snapshot(tmp_path, state)

    proc = run(case.argv, cwd, home, env)

    shown = proc.stdout + proc.stderr
    assert "Traceback" not in shown, shown[-3000:]
    assert proc.returncode == case.code, f"exit {proc.returncode}, expected {case.code}:\n{shown[-2000:]}"
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    if case.code == 0:
        assert lines == [], proc.stderr
        assert case.says in proc.stdout
    else:
        assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{proc.stderr[:3000]}"
        (line,) = lines
        assert line.startswith("careercli: error: "), line
        assert case.says in line, f"{case.says!r} not in {line!r}"
        assert len(line) <= MAX_LINE, f"an error line of {len(line)} characters"
    assert snapshot(tmp_path, state) == before, "files outside CAREERCLI_HOME changed"


def test_help_to_a_full_disk_is_one_line(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [*careercli(), "--help"], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert "Traceback" not in proc.stderr
    assert proc.returncode == EXIT_DATA


@pytest.mark.parametrize("args", [["roles"], ["roles", "--json"], ["jobs", "--csv"]], ids=" ".join)
def test_output_to_a_full_disk_or_a_closed_pipe(args: list[str], tmp_path: Path) -> None:
    """`careercli roles > /dev/full` is one error line; `careercli roles | head -1` ends
    quietly with 0 once the reader has gone (no BrokenPipeError)."""
    env = {**os.environ, "CAREERCLI_HOME": str(tmp_path / "home")}
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as full:
            proc = subprocess.run(
                [*careercli(), *args], stdout=full, stderr=subprocess.PIPE, text=True, env=env, check=False
            )
        assert proc.returncode == EXIT_DATA
        assert proc.stderr == "careercli: error: cannot write the output: No space left on device\n"
    read, write_end = os.pipe()
    os.close(read)  # the reader has gone before the first byte
    try:
        proc = subprocess.run(
            [*careercli(), *args], stdout=write_end, stderr=subprocess.PIPE, text=True, env=env, check=False
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    shell = subprocess.run(
        f"{' '.join(careercli())} {' '.join(args)} | head -c 1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert (shell.returncode, shell.stderr) == (0, "")
