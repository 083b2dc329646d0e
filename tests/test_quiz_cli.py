"""`quiz --answers`, `fit`, `plan` and `profile` through the CLI; the prompts without a terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import Result

from careercli.catalog.loader import load_catalog
from careercli.catalog.models import Catalog
from careercli.common.vocab import INTERESTS
from careercli.profile import quiz_prompts

Invoke = Callable[..., Result]

MLE = """\
schema_version: 1
experience_years: 9
level: senior
education: {degree: MSc, field: computer science}
skills: {python: 5, "C++": 4, tensorflow: 4, pytorch: 4, machine-learning: 5, model-deployment: 4,
         docker: 4, kubernetes: 3, software-engineering: 4}
interests: {investigative: 5, realistic: 4, enterprising: 2}
industries: [technology]
work_mode: remote
min_salary: {amount: 150000, currency: usd}
"""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(None)


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    return write(tmp_path / "me.yaml", MLE)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def profile_file(home: Path) -> Path:
    return home / "profile.yaml"


def run_json(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# --- quiz --answers -----------------------------------------------------------------------


def test_quiz_json_is_deterministic_sorted_and_lists_every_role(
    invoke: Invoke, answers: Path, catalog: Catalog
) -> None:
    first = run_json(invoke, "quiz", "--answers", str(answers), "--json")
    second = run_json(invoke, "quiz", "--answers", str(answers), "--json")
    assert first == second
    assert first["schema_version"] == 1
    results = first["results"]
    assert sorted(r["role"] for r in results) == sorted(catalog.roles)
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    assert set(results[0]["components"]) == {"skills", "experience", "interests", "education", "preferences"}
    assert first["profile"]["skills"]["cpp"] == 4  # "C++" resolved to the skill id
    assert results[0]["role"] in {"ml-engineer", "lead-mle", "computer-vision-engineer"}


def test_quiz_saves_the_profile_and_profile_show_prints_it(
    invoke: Invoke, answers: Path, user_home: Path
) -> None:
    data = run_json(invoke, "quiz", "--answers", str(answers), "--json")
    saved = profile_file(user_home)
    assert saved.is_file()
    assert yaml.safe_load(saved.read_text(encoding="utf-8")) == data["profile"]
    assert not list(user_home.glob(".*.tmp"))  # the atomic write left no temp file behind

    shown = invoke("profile", "show")
    assert shown.exit_code == 0
    assert "experience_years: 9" in shown.stdout
    assert "cpp: 4" in shown.stdout
    as_json = run_json(invoke, "profile", "show", "--json")
    assert as_json["profile"] == data["profile"]
    assert as_json["path"] == str(saved)
    path = invoke("profile", "path")
    assert path.stdout.strip() == str(saved)


def test_no_save_saves_nothing(invoke: Invoke, answers: Path, user_home: Path) -> None:
    result = invoke("quiz", "--answers", str(answers), "--no-save")
    assert result.exit_code == 0
    assert "Profile not saved" in result.stdout
    assert not profile_file(user_home).exists()
    assert "No saved profile" in invoke("profile", "show").stdout
    assert run_json(invoke, "profile", "show", "--json")["profile"] is None


def test_save_answers_round_trip(invoke: Invoke, answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "again.yaml"
    first = run_json(invoke, "quiz", "--answers", str(answers), "--save-answers", str(out), "--json")
    assert out.is_file()
    assert yaml.safe_load(out.read_text(encoding="utf-8")) == first["profile"]
    second = run_json(invoke, "quiz", "--answers", str(out), "--json", "--no-save")
    assert second == first


def test_save_answers_to_an_unwritable_place_is_one_line(
    invoke: Invoke, answers: Path, tmp_path: Path
) -> None:
    blocker = write(tmp_path / "file", "x")
    result = invoke("quiz", "--answers", str(answers), "--save-answers", str(blocker / "a.yaml"))
    assert result.exit_code == 1
    assert "cannot write" in result.output
    assert "Traceback" not in result.output
    assert "Your best-fitting roles" in result.stdout  # the results are shown before the error
    assert "Profile saved to" in result.stdout


def test_no_terminal_and_no_answers_exits_2_with_one_line(invoke: Invoke, user_home: Path) -> None:
    result = invoke("quiz")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "--answers FILE" in lines[0]
    assert not profile_file(user_home).exists()


def test_bad_answers_file_exits_1_naming_the_key(invoke: Invoke, tmp_path: Path, user_home: Path) -> None:
    bad = write(
        tmp_path / "bad.yaml", "experience_years: 3\neducation: {degree: bachelor}\nskills: {pyhton: 3}\n"
    )
    result = invoke("quiz", "--answers", str(bad))
    assert result.exit_code == 1
    assert "skills.pyhton" in result.output
    assert "python" in result.output
    assert not profile_file(user_home).exists()


def test_quiz_table_at_100_80_and_40_columns(invoke: Invoke, answers: Path) -> None:
    wide = invoke("quiz", "--answers", str(answers), "--top", "3", "--no-save", env={"NO_COLOR": "1"})
    assert wide.exit_code == 0
    text = wide.stdout
    assert "Your best-fitting roles (top 3 of" in text
    assert "Strongest matches:" in text
    assert "Biggest gaps:" in text
    assert "Next steps:" in text
    assert "█" in text  # bars are block characters, readable without colour
    assert "\x1b[" not in text
    for width in (80, 40):
        narrow = invoke("quiz", "--answers", str(answers), "--no-save", width=width)
        assert narrow.exit_code == 0
        assert max(len(line) for line in narrow.stdout.splitlines()) <= width
        assert "ml-engineer" in narrow.stdout


def test_top_limits_the_table(invoke: Invoke, answers: Path) -> None:
    result = invoke("quiz", "--answers", str(answers), "--top", "2", "--no-save")
    assert "(top 2 of" in result.stdout
    assert invoke("quiz", "--answers", str(answers), "--top", "0").exit_code == 2


# --- fit and plan -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["fit", "plan"])
def test_fit_and_plan_without_a_profile_exit_2(invoke: Invoke, command: str) -> None:
    result = invoke(command, "lead-mle")
    assert result.exit_code == 2
    assert "no saved profile; run `careercli quiz` or pass --answers FILE" in result.output


def test_fit_with_answers_and_with_the_saved_profile(invoke: Invoke, answers: Path) -> None:
    direct = invoke("fit", "lead-mle", "--answers", str(answers))
    assert direct.exit_code == 0, direct.output
    assert "Lead Machine Learning Engineer (lead-mle)" in direct.stdout
    assert "Skills in detail" in direct.stdout
    invoke("quiz", "--answers", str(answers))
    saved = run_json(invoke, "fit", "Lead ML Engineer", "--json")
    assert saved["result"]["role"] == "lead-mle"
    quiz = run_json(invoke, "quiz", "--answers", str(answers), "--json")
    ranked = [r["role"] for r in quiz["results"]]
    assert saved["rank"] == ranked.index("lead-mle") + 1
    assert saved["of"] == len(ranked)
    assert saved["result"] == quiz["results"][saved["rank"] - 1]


def test_plan_lists_gaps_most_important_first(invoke: Invoke, answers: Path) -> None:
    data = run_json(invoke, "plan", "lead-mle", "--answers", str(answers), "--json")
    assert data["role"] == "lead-mle"
    priorities = [s["priority"] for s in data["steps"]]
    assert priorities == sorted(priorities, reverse=True)
    assert all(s["action"] for s in data["steps"])
    text = invoke("plan", "lead-mle", "--answers", str(answers), width=80)
    assert text.exit_code == 0
    assert "most important first" in text.stdout
    assert "Tips for this role:" in text.stdout


def test_fit_unknown_role_exits_2(invoke: Invoke, answers: Path) -> None:
    result = invoke("fit", "lead-mlee", "--answers", str(answers))
    assert result.exit_code == 2
    assert "lead-mle" in result.output


def test_corrupt_saved_profile_names_the_file_and_the_way_out(invoke: Invoke, user_home: Path) -> None:
    write(profile_file(user_home), "experience_years: [oops\n")
    result = invoke("fit", "lead-mle")
    assert result.exit_code == 1
    assert str(profile_file(user_home)) in result.output
    assert "careercli profile clear" in result.output
    assert "Traceback" not in result.output


def test_profile_clear(invoke: Invoke, answers: Path, user_home: Path) -> None:
    invoke("quiz", "--answers", str(answers))
    assert profile_file(user_home).exists()
    cleared = invoke("profile", "clear")
    assert cleared.exit_code == 0
    assert "Removed the saved profile" in cleared.stdout
    assert not profile_file(user_home).exists()
    again = invoke("profile", "clear")
    assert again.exit_code == 0
    assert "No saved profile to remove" in again.stdout


def test_fit_plan_and_profile_never_import_questionary(tmp_path: Path) -> None:
    me = write(tmp_path / "me.yaml", MLE)
    code = (
        "import sys; from careercli.cli.app import app\n"
        f"for args in (['fit', 'lead-mle', '--answers', {str(me)!r}], ['plan', 'head-ds', '--answers', "
        f"{str(me)!r}], ['profile', 'show'], ['profile', 'path']):\n"
        "    app(args, standalone_mode=False)\n"
        "bad = [m for m in ('questionary', 'prompt_toolkit') if m in sys.modules]\n"
        "sys.stderr.write(repr(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stderr == "[]"


# --- the prompts, driven through a prompt_toolkit pipe (no terminal) ----------------------

DOWN = "\x1b[B"
UP = "\x1b[A"


def ask_with_keys(catalog: Catalog, keys: str) -> dict[str, Any]:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        with create_app_session(input=pipe, output=DummyOutput()):
            return quiz_prompts.ask(catalog)


def test_ask_returns_schema_v1_answers_that_parse(catalog: Catalog) -> None:
    from careercli.profile.answers import parse_answers

    keys = (
        "7\r"  # years
        "\r" + DOWN + "\r"  # level: the default from 7 years (senior)  # degree: master
        "statistics\r"  # field
        "y"  # MBA
        " " + DOWN + DOWN + " \r"  # skills: Python and SQL
        "5\r4\r"  # rate them
        + "4\r" * 6
        + "2\r" * 6  # twelve interest statements
        + " \r"  # industries: the first
        + DOWN
        + "\r"  # work mode: remote
        "Berlin, Remote\r"
        "90k EUR\r"
    )
    data = ask_with_keys(catalog, keys)
    assert data == {
        "schema_version": 1,
        "experience_years": 7,
        "level": "senior",
        "education": {"degree": "master", "field": "statistics", "mba": True},
        "skills": {"python": 5, "sql": 4},
        "interests": dict.fromkeys(INTERESTS, 3),
        "industries": [next(iter(catalog.industries))],
        "work_mode": "remote",
        "locations": ["Berlin", "Remote"],
        "min_salary": {"amount": 90000, "currency": "EUR"},
    }
    profile = parse_answers(data, catalog, "quiz answers")
    assert profile.skills == {"python": 5, "sql": 4}


def test_many_skills_are_rated_in_three_passes(catalog: Catalog) -> None:
    picks = " " + (DOWN + " ") * 8  # the first nine skills of the list
    keys = (
        "1\r\r"  # 1 year, entry
        + UP * 2
        + "\r"  # degree: high school (no field, no MBA)
        + picks
        + "\r"
        + " "
        + DOWN
        + " \r"  # strong: the first two
        + " \r"  # expert: the first of those
        + " \r"  # basic: the first of the rest
        + "\r" * 12
        + "\r\r\r\r"
    )
    data = ask_with_keys(catalog, keys)
    first = list(catalog.skills)[:9]
    assert data["skills"] == {first[0]: 5, first[1]: 4, first[2]: 2, **dict.fromkeys(first[3:], 3)}
    assert data["education"] == {"degree": "high-school"}
    assert data["level"] == "entry"


def test_typing_filters_the_skills_and_skips_the_category_headers(catalog: Catalog) -> None:
    # "stat" also matches the header "Math and statistics"; space must still pick Statistics.
    keys = "3\r\r" + "\r" + "\r" + "stat " + "\x7f" * 4 + "pyt " + "\r" + "5\r4\r" + "\r" * 12 + "\r" * 4
    data = ask_with_keys(catalog, keys)
    assert data["skills"] == {"python": 5, "statistics": 4}  # rated in list order


def test_quiz_shows_matching_jobs_when_the_jobs_module_is_there(invoke: Invoke, answers: Path) -> None:
    import importlib.util

    if importlib.util.find_spec("careercli.jobs.match") is None:
        pytest.skip("careercli.jobs.match is not part of this build")
    result = invoke("quiz", "--answers", str(answers), "--no-save")
    assert "Matching jobs" in result.stdout


@pytest.mark.parametrize("key, error", [("\x03", KeyboardInterrupt), ("\x04", EOFError)])
@pytest.mark.parametrize("before", ["", "3\r", "3\r\r"])
def test_ctrl_c_and_ctrl_d_cancel_at_any_prompt(catalog: Catalog, key: str, error: type, before: str) -> None:
    with pytest.raises(error):
        ask_with_keys(catalog, before + key)


# --- pure helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", None),
        ("120000 USD", {"amount": 120000, "currency": "USD"}),
        ("120,000 usd", {"amount": 120000, "currency": "USD"}),
        ("EUR 90k", {"amount": 90000, "currency": "EUR"}),
        ("$150,000", {"amount": 150000, "currency": "USD"}),
        ("£1.2m", {"amount": 1200000, "currency": "GBP"}),
        ("95000", {"amount": 95000, "currency": "USD"}),
    ],
)
def test_parse_min_salary(text: str, expected: dict[str, Any] | None) -> None:
    assert quiz_prompts.parse_min_salary(text) == expected


@pytest.mark.parametrize("text", ["lots", "12 34 USD", "-5 USD", "0", "USD"])
def test_parse_min_salary_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"e\.g\."):
        quiz_prompts.parse_min_salary(text)


@pytest.mark.parametrize("text, years", [("7", 7.0), ("2.5", 2.5), ("2,5", 2.5), ("0", 0.0), ("60", 60.0)])
def test_parse_years(text: str, years: float) -> None:
    assert quiz_prompts.parse_years(text) == years


@pytest.mark.parametrize("text", ["", "x", "-1", "61", "nan", "inf"])
def test_parse_years_refuses(text: str) -> None:
    assert quiz_prompts.parse_years(text) is None


def test_interest_scores_mean_of_two_rounded_half_up() -> None:
    dims = [d for d, _ in quiz_prompts.STATEMENTS]
    assert sorted(dims) == sorted(["realistic", "investigative", "artistic", "social", "enterprising",
                                   "conventional"] * 2)  # fmt: skip
    scores = quiz_prompts.interest_scores([("realistic", 4), ("realistic", 5), ("social", 1), ("social", 2)])
    assert scores["realistic"] == 5
    assert scores["social"] == 2
    assert scores["artistic"] == 3


@pytest.mark.parametrize("command", ["fit", "plan"])
@pytest.mark.parametrize("width", [40, 80])
def test_fit_and_plan_fit_the_terminal(invoke: Invoke, answers: Path, command: str, width: int) -> None:
    result = invoke(command, "computer-vision-engineer", "--answers", str(answers), width=width)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= width
    assert "(computer-vision-engineer)" in result.stdout


@pytest.mark.parametrize("width", [30, 40, 80])
def test_a_prompt_is_folded_between_words_to_the_width(width: int) -> None:
    from careercli.profile.quiz_prompts import STATEMENTS, fold_prompt

    mark, instruction = "[4/5 Interests 3/12]", "(1-5 or arrows, then Enter)"
    for _, statement in STATEMENTS:
        folded = fold_prompt(mark, statement, instruction, width)
        assert folded.split() == statement.split()  # the same words, whole, in order
        rows = f"{mark} {folded} {instruction}".split("\n")
        assert all(len(row.rstrip()) < width for row in rows), rows  # the last column left free
    assert fold_prompt(mark, "Short?", "(y/N)", 80) == "Short?"
    assert fold_prompt(mark, "Words too long", "(y/N)", 8).split() == ["Words", "too", "long"]
