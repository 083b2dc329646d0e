"""Output in odd conditions stays readable: a 40-column terminal, NO_COLOR, TERM=dumb, a pipe,
an ASCII-only locale, and titles far longer than any column.

Each case runs the real program. What "readable" means here:
- exit 0 and no traceback;
- piped, TERM=dumb: no escape sequences at all; NO_COLOR on a terminal: no colour codes
  (bold and dim stay: NO_COLOR is about colour, https://no-color.org);
- COLUMNS=40: no line wider than 40 cells. Lines that are records rather than prose are
  left whole on purpose and not run here: `jobs import`'s per-file summary and the store
  path it names, and `profile show`'s "it would be PATH" hint, where a path cut in two
  could not be pasted back;
- LC_ALL=C without Python's UTF-8 coercion (an ASCII stdout): plain ASCII, with the
  nearest ASCII for each symbol ("·" "-", "→" ">", "€" "EUR"), never UnicodeEncodeError.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from tests.conftest import MINIMAL_ROLE, ROOT, write
from tests.test_bad_input import careercli, good_store

ANSWERS = ROOT / "examples" / "engineer.yaml"
LONG_TITLE = (
    "Principal Distinguished Staff Machine Learning Platform Infrastructure Reliability "
    "Engineering Lead for Large Language Model Serving and Evaluation Systems"
)
LONG_JOB = "Senior " + "Very Long Title Words " * 8 + "Supercalifragilisticexpialidocious" * 3
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")

COMMANDS = {
    "roles": ["roles"],
    "show": ["show", "head-ds"],
    "compare": ["compare", "head-ds", "lead-mle"],
    "jobs": ["jobs"],
    "jobs-sources": ["jobs", "sources"],
    "salary": ["salary", "ml-engineer"],
    "salary-all": ["salary", "--level", "senior"],
    "quiz": ["quiz", "--answers", str(ANSWERS), "--no-save", "--top", "5"],
    "fit": ["fit", "lead-mle", "--answers", str(ANSWERS)],
    "plan": ["plan", "lead-mle", "--answers", str(ANSWERS)],
}
CONDITIONS = {
    "piped": {"COLUMNS": "80"},
    "columns-40": {"COLUMNS": "40"},
    "lang-c": {"LANG": "C", "LC_ALL": "C"},
    "ascii": {"LANG": "C", "LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0", "COLUMNS": "80"},
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """User state with a job store holding two jobs plus one with a very long title."""
    folder = tmp_path_factory.mktemp("odd") / "home"
    good_store(folder)
    long_csv = folder.parent / "long.csv"
    with long_csv.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "company", "location", "salary"])
        writer.writerow([LONG_JOB, "Acme " * 10, "Berlin, Germany and " * 5, "€70K–90K"])
    from careercli.catalog.loader import load_catalog
    from careercli.jobs.importer import read_file
    from careercli.jobs.record import RowMaker
    from careercli.jobs.store import Batch, add_batches

    parsed = read_file(long_csv, RowMaker(load_catalog(use_cache=False)))
    add_batches(
        [Batch("long", "import", str(long_csv), 1, [j for _, j in parsed.jobs])], folder / "jobs.sqlite3"
    )
    return folder


@pytest.fixture(scope="module")
def long_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pack")
    write(
        folder / "roles" / "ml-platform-lead.yaml",
        MINIMAL_ROLE.format(id="ml-platform-lead", title=LONG_TITLE),
    )
    return folder


def run(args: list[str], home: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CAREERCLI_", "LC_", "PYTHONUTF8"))}
    base.pop("NO_COLOR", None)
    base.pop("LANG", None)
    base.update({"CAREERCLI_HOME": str(home), "LANG": "C.UTF-8", "TERM": "xterm-256color"})
    base.update(env)
    return subprocess.run([*careercli(), *args], env=base, capture_output=True, timeout=60, check=False)


def too_wide(text: str, width: int) -> list[str]:
    return [line for line in text.splitlines() if cell_len(line) > width]


@pytest.mark.parametrize("condition", CONDITIONS)
@pytest.mark.parametrize("command", COMMANDS)
def test_output_stays_readable(command: str, condition: str, home: Path) -> None:
    env = CONDITIONS[condition]
    proc = run(COMMANDS[command], home, env)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, stderr
    assert b"Traceback" not in proc.stdout + proc.stderr
    encoding = "ascii" if condition == "ascii" else "utf-8"
    out = proc.stdout.decode(encoding)  # an ASCII locale gets ASCII, never a mangled byte
    assert out.strip()
    assert not ESCAPE.search(out), f"escape sequences in piped output: {ESCAPE.findall(out)[:5]}"
    if "COLUMNS" in env:
        width = int(env["COLUMNS"])
        assert too_wide(out, width) == [], f"lines wider than {width}"
    if condition == "ascii":
        assert "?" not in out.replace("(?)", ""), "a character printed as '?'"


@pytest.mark.parametrize("command", ["roles", "show", "compare", "jobs"])
def test_long_titles_wrap_without_breaking_the_table(command: str, home: Path, long_pack: Path) -> None:
    args = {
        "roles": ["roles"],
        "show": ["show", "ml-platform-lead"],
        "compare": ["compare", "ml-platform-lead", "head-ds"],
        "jobs": ["jobs", "--search", "supercalifragilisticexpialidocious"],
    }[command]
    for width in (40, 80):
        proc = run(["--data-dir", str(long_pack), *args], home, {"COLUMNS": str(width)})
        out = proc.stdout.decode("utf-8")
        assert proc.returncode == 0, proc.stderr.decode()
        assert too_wide(out, width) == []
        boxed = [line for line in out.splitlines() if line[:1] in "┌│├└"]
        assert len({cell_len(line) for line in boxed}) <= 1, "a box table's lines differ in width"
        words = " ".join(out.split())
        if command == "jobs":
            assert "Senior Very Long Title" in out
        elif command == "roles" and width == 40:  # at 40 columns `roles` shows ids, not titles
            assert "ml-platform-lead" in out
        elif command == "compare" and width == 40:  # one role per row, named by its id
            assert "ml-platf" in out
        else:
            for word in LONG_TITLE.split():
                assert word in words, f"{word!r} lost from the title at {width} columns"


pexpect = pytest.importorskip("pexpect") if sys.platform != "win32" else None


@pytest.mark.skipif(pexpect is None, reason="pseudo-terminals need a POSIX platform")
@pytest.mark.parametrize(
    "term, no_color", [("dumb", ""), ("xterm-256color", "1")], ids=["term-dumb", "no-color"]
)
@pytest.mark.parametrize("command", ["roles", "compare", "salary", "quiz"])
def test_terminal_without_colour(command: str, term: str, no_color: str, home: Path) -> None:
    """On a real terminal: TERM=dumb gets no escape sequences, NO_COLOR no colour codes."""
    assert pexpect is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERCLI_") and k != "NO_COLOR"}
    env.update({"CAREERCLI_HOME": str(home), "TERM": term, "COLUMNS": "80"})
    if no_color:
        env["NO_COLOR"] = no_color
    cmd = careercli()
    out, status = pexpect.run(
        cmd[0],
        args=[*cmd[1:], *COMMANDS[command]],
        env=env,
        encoding="utf-8",
        dimensions=(40, 80),
        withexitstatus=True,
        timeout=60,
    )
    assert status == 0, out
    assert "Traceback" not in out
    pattern = ESCAPE if term == "dumb" else COLOUR
    assert not pattern.search(out), pattern.findall(out)[:5]


@pytest.mark.parametrize("width", [60, 80, 100])
def test_plan_never_cuts_a_skill_name_in_the_middle_of_a_word(width: int, home: Path) -> None:
    """The gaps table wraps a skill's name between words ("Data / visualization"), never
    inside one ("Experimentatio / n")."""
    import itertools
    import json

    answers = str(ROOT / "examples" / "engineer.yaml")
    base = [*careercli(), "plan", "data-scientist", "--answers", answers]
    env = {**os.environ, "CAREERCLI_HOME": str(home), "COLUMNS": str(width), "NO_COLOR": "1"}
    steps = json.loads(subprocess.run([*base, "--json"], env=env, capture_output=True, check=True).stdout)
    shown = subprocess.run(base, env=env, capture_output=True, check=True).stdout.decode()
    lines = shown.splitlines()
    header = next(i for i, line in enumerate(lines) if "Skill" in line and "Imp." in line)
    left, right = lines[header].index("Skill"), lines[header].index("Imp.")
    rows = itertools.takewhile(str.strip, lines[header + 2 :])  # the table ends at a blank line
    in_column = {w for line in rows for w in line[left:right].split()}
    whole = {w for step in steps["steps"] for w in step["name"].split()}
    assert in_column and in_column <= whole, f"cut at {width} columns: {sorted(in_column - whole)}"
