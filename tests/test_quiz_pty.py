"""The real `careercli quiz` in a pseudo-terminal, driven with the keyboard as a person would."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if sys.platform == "win32":  # pragma: no cover - no pty on Windows
    pytest.skip("pseudo-terminals need a POSIX platform", allow_module_level=True)
pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"
CTRL_C, CTRL_D = "\x03", "\x04"


def console_script() -> str:
    """The installed `careercli` next to this Python, else on PATH."""
    beside = Path(sys.executable).parent / "careercli"
    found = str(beside) if beside.is_file() else shutil.which("careercli")
    if not found:
        pytest.skip("the careercli console script is not installed")
    return found


@pytest.fixture
def spawn(user_home: Path) -> Iterator[Any]:
    """Start `careercli quiz ARGS` in a 40x100 pty with user state in the test's tmp home."""
    children: list[Any] = []

    def start(*args: str) -> Any:
        env = {
            **os.environ,
            "CAREERCLI_HOME": str(user_home),
            "TERM": "xterm",
            "COLUMNS": "100",
            "LINES": "40",
            "PROMPT_TOOLKIT_NO_CPR": "1",  # nobody answers cursor-position requests in a pty
        }
        env.pop("NO_COLOR", None)
        child = pexpect.spawn(
            console_script(), ["quiz", *args], env=env, dimensions=(40, 100), encoding="utf-8", timeout=20
        )
        child.logfile_read = io.StringIO()  # the whole screen, for the asserts
        children.append(child)
        return child

    yield start
    for child in children:
        if child.isalive():
            child.terminate(force=True)


def answer(child: Any, prompt: str, keys: str) -> None:
    child.expect_exact(prompt)
    child.send(keys)


def finish(child: Any) -> tuple[str, int]:
    """Everything the program printed, once it has exited, and its exit status."""
    child.expect(pexpect.EOF)
    child.close()
    return str(child.logfile_read.getvalue()), int(child.exitstatus)


def test_quiz_from_first_prompt_to_results(spawn: Any, user_home: Path) -> None:
    child = spawn()
    answer(child, "How many years", "7\r")
    answer(child, "Which level fits you", "\r")
    answer(child, "highest degree", DOWN + "\r")  # Master's
    answer(child, "In what field", "statistics\r")
    answer(child, "MBA", "n")
    answer(child, "Which skills do you have", " " + DOWN + DOWN + " \r")  # Python, SQL
    answer(child, "How good are you at Python", "5\r")
    answer(child, "How good are you at SQL", "4\r")
    for k in range(1, 13):
        answer(child, f"Interests {k}/12]", "4\r" if k % 2 else "\r")
    answer(child, "Which industries", " \r")
    answer(child, "How do you want to work", DOWN + "\r")
    answer(child, "Cities or countries", "Remote\r")
    answer(child, "Minimum yearly salary", "lots\r")
    child.expect_exact("Type an amount and a currency")  # refused, the prompt stays
    child.send("\x15120000 USD\r")  # Ctrl-U clears the line
    child.expect_exact("Your best-fitting roles")
    output, status = finish(child)
    assert status == 0, output
    assert "Strongest matches" in output
    assert "Profile saved to" in output
    assert "Traceback" not in output
    saved = (user_home / "profile.yaml").read_text(encoding="utf-8")
    assert "python: 5" in saved
    assert "amount: 120000" in saved


@pytest.mark.parametrize(
    "keys_before, prompt, key",
    [
        ("", "How many years", CTRL_C),
        ("3\r\r", "highest degree", CTRL_C),
        ("3\r\r\r\r", "Which skills do you have", CTRL_C),
        ("", "How many years", CTRL_D),
        ("3\r", "Which level fits you", CTRL_D),
    ],
    ids=["ctrl-c-text", "ctrl-c-select", "ctrl-c-checkbox", "ctrl-d-text", "ctrl-d-select"],
)
def test_ctrl_c_or_eof_cancels_with_130_and_saves_nothing(
    spawn: Any, user_home: Path, keys_before: str, prompt: str, key: str
) -> None:
    child = spawn()
    if keys_before:
        answer(child, "How many years", keys_before)
    child.expect_exact(prompt)
    child.send(key)
    child.expect_exact("quiz cancelled")
    output, status = finish(child)
    assert status == 130
    assert "Traceback" not in output
    assert not (user_home / "profile.yaml").exists()


@pytest.mark.parametrize("how", ["sendintr", "signal"])
def test_interrupt_cancels(spawn: Any, user_home: Path, how: str) -> None:
    """The terminal's interrupt character, and a real SIGINT (as from `kill -INT`)."""
    child = spawn()
    if how == "signal":
        answer(child, "How many years", "3\r")
    child.expect_exact("Which level fits you" if how == "signal" else "How many years")
    if how == "signal":
        child.kill(signal.SIGINT)
    else:
        child.sendintr()
    child.expect_exact("quiz cancelled")
    output, status = finish(child)
    assert status == 130
    assert "Traceback" not in output
    assert not (user_home / "profile.yaml").exists()


def test_enter_everywhere_but_the_years_reaches_results_with_the_thin_profile_warning(spawn: Any) -> None:
    """The banner's promise: Enter accepts a default at every prompt but the one it names."""
    child = spawn("--no-save")
    # wrapped between words to the terminal's width: any run of spaces or line breaks
    said = "Enter accepts the default on every question but one, your years of experience"
    child.expect(r"\s+".join(re.escape(word) for word in said.split()))
    answer(child, "How many years", "\r")
    child.expect_exact("Type a number of years")  # no default: refused, the prompt stays
    child.send("0\r")
    prompts = ["Which level fits you", "highest degree", "In what field", "Which skills do you have"]
    prompts += [f"Interests {k}/12]" for k in range(1, 13)]
    prompts += ["Which industries", "How do you want to work", "Cities or countries", "Minimum yearly salary"]
    for prompt in prompts:
        answer(child, prompt, "\r")
    child.expect_exact("Your best-fitting roles")
    output, status = finish(child)
    assert status == 0, output
    assert "You rated no skills" in " ".join(output.split())


def test_quiz_resume_prefills_every_value(spawn: Any, user_home: Path, tmp_path: Path) -> None:
    """`quiz --resume`: the résumé's values are the defaults, so agreeing is pressing Enter."""
    pytest.importorskip("fpdf")
    import yaml
    from tests import resumes

    cv = resumes.ana_pdf(tmp_path)
    child = spawn("--resume", str(cv))
    child.expect_exact("Pre-filled from your résumé")
    answer(child, "How many years", "")
    child.expect_exact("8.6")  # the years the job dates give, as the default
    child.send("\r")
    answer(child, "Which level fits you", "\r")  # senior, from the title
    answer(child, "highest degree", "\r")  # Master's
    answer(child, "In what field", "")
    child.expect_exact("Statistics")
    child.send("\r")
    answer(child, "MBA", "\r")
    answer(child, "Which skills do you have", "\r")  # the ones found, pre-ticked
    answer(child, "Which are strong", "\r")  # pre-ticked: those rated 4 or 5
    answer(child, "teach or set the standard", "\r")  # pre-ticked: those rated 5
    answer(child, "still learning", "\r")  # pre-ticked: those rated 2
    for k in range(1, 13):
        answer(child, f"Interests {k}/12]", "\r")
    answer(child, "Which industries", "\r")
    answer(child, "How do you want to work", "\r")
    answer(child, "Cities or countries", "\r")
    answer(child, "Minimum yearly salary", "\r")
    child.expect_exact("Your best-fitting roles")
    output, status = finish(child)
    assert status == 0, output
    assert "Traceback" not in output
    saved = yaml.safe_load((user_home / "profile.yaml").read_text(encoding="utf-8"))
    assert saved["experience_years"] == 8.6
    assert saved["education"] == {"degree": "master", "field": "Statistics"}
    assert saved["skills"]["python"] == 5
    assert saved["skills"]["sql"] == 5
    assert saved["skills"]["spark"] == 2
    assert saved["skills"]["docker"] == 3
    from careercli.catalog.loader import load_catalog
    from careercli.resume.findings import analyse
    from careercli.resume.read import read_resume

    found = analyse(read_resume(cv), load_catalog(use_cache=False))
    assert saved["skills"] == {s.skill: s.proficiency for s in found.skills}  # every one pre-ticked and rated


def test_the_banner_wraps_between_words_on_a_narrow_terminal(user_home: Path) -> None:
    """At 40 columns the banner is folded at spaces to 40 columns, not cut mid-word by the
    terminal ("the def / ault")."""
    env = {**os.environ, "CAREERCLI_HOME": str(user_home), "TERM": "xterm", "COLUMNS": "40"}
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    child = pexpect.spawn(
        console_script(), ["quiz"], env=env, dimensions=(24, 40), encoding="utf-8", timeout=20
    )
    child.expect_exact("How many years")
    banner = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before).replace("\r", "")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    lines = [line for line in banner.splitlines() if line.strip()]
    assert lines[0].startswith("careercli quiz:") and all(len(line) <= 40 for line in lines), lines
    # cut mid-word, the joined lines would read "the def ault"
    assert "Enter accepts the default on every question but one" in " ".join(lines), lines


def test_prompts_wrap_between_words_on_a_narrow_terminal(user_home: Path) -> None:
    """At 40 columns each prompt's question breaks between words, not where prompt_toolkit
    reaches the edge ("Setting up the serv / ers"): answered or waiting, every row's words
    are whole, and the question reads as written when its rows are joined."""
    from careercli.profile.quiz_prompts import STATEMENTS

    env = {**os.environ, "CAREERCLI_HOME": str(user_home), "TERM": "xterm", "COLUMNS": "40"}
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    child = pexpect.spawn(
        console_script(), ["quiz"], env=env, dimensions=(30, 40), encoding="utf-8", timeout=20
    )
    child.logfile_read = io.StringIO()
    answer(child, "How many years", "8\r")
    for k in range(1, 5):
        child.expect_exact(f"Interests {k}/12]" if k > 1 else "Which level fits you")
        if k == 1:  # the level, degree, field, MBA and skills prompts: Enter through them
            for _ in range(5):
                child.send("\r")
                child.expect(r"\]")
            child.expect_exact("Interests 1/12]")
        child.send("\r")
    child.expect_exact("Interests 5/12]")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.logfile_read.getvalue())
    for _, statement in STATEMENTS[:4]:
        # drawn with its rows broken at spaces only: a word cut at the edge fails the match
        drawn = r"(?: |\r*\n)".join(re.escape(word) for word in statement.split())
        assert re.search(drawn, screen), statement
