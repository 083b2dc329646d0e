"""`careercli resume FILE` and `quiz --resume FILE` on real PDF, DOCX and text résumés of
made-up people (tests/resumes.py builds them), and every way a file can go wrong."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests import resumes
from tests.conftest import Invoke

pytest.importorskip("fpdf")

TODAY = dt.date(2026, 12, 1)


def resume_json(invoke: Invoke, path: Path, *extra: str) -> dict[str, Any]:
    result = invoke("resume", str(path), "--json", *extra)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def skills(data: dict[str, Any]) -> dict[str, int]:
    return {s["skill"]: s["proficiency"] for s in data["skills"]}


def evidence(data: dict[str, Any], skill: str) -> str:
    return str(next(s["evidence"] for s in data["skills"] if s["skill"] == skill))


# --- the people ----------------------------------------------------------------------


def test_one_column_pdf_with_bullets(invoke: Invoke, tmp_path: Path) -> None:
    data = resume_json(invoke, resumes.ana_pdf(tmp_path))
    assert set(data) >= {"schema_version", "file", "skills", "education", "experience_years", "title",
                         "level", "warnings"}  # fmt: skip
    assert data["schema_version"] == 1
    assert data["education"]["degree"] == "master"
    assert data["education"]["field"] == "Statistics"
    # 03/2016-06/2019, Jan 2019 - Mar 2021 (overlap counted once), Apr 2021 - Nov 2024
    assert data["experience_years"] == 8.6
    assert data["title"] == "Senior Data Scientist"
    assert data["level"] == "senior"
    found = skills(data)
    assert found["python"] == 5  # "8 years of Python"
    assert found["sql"] == 5  # "Expert: Python, SQL"
    assert found["spark"] == 2  # "Familiar: Spark"
    assert found["kubernetes"] == 2  # "Familiar with Kubernetes"
    assert found["docker"] == 3  # not said: the default, marked confirm
    assert next(s for s in data["skills"] if s["skill"] == "docker")["confirm"] is True
    assert (
        evidence(data, "docker")
        == "- Built churn models in Python and scikit-learn; deployed them with Docker on AWS"
    )
    assert {"tableau", "experimentation", "aws", "scikit-learn"} <= set(found)


def test_two_column_pdf(invoke: Invoke, tmp_path: Path) -> None:
    data = resume_json(invoke, resumes.ben_pdf(tmp_path))
    assert data["education"] == {**data["education"], "degree": "phd", "field": "Physics"}
    # 2014 - 2020 (mid-year to mid-year) and September 2020 to November 2024; study years left out
    assert data["experience_years"] == 10.2
    assert data["title"] == "Lead Machine Learning Engineer"
    assert data["level"] == "senior"
    found = skills(data)
    assert found["pytorch"] == 5  # "PyTorch (expert)"
    assert found["sql"] == 4  # "Advanced SQL"
    assert evidence(data, "pytorch") == "PyTorch (expert)"
    assert {"tensorflow", "kubernetes", "mlops", "spark", "deep-learning", "feature-engineering"} <= set(
        found
    )


def test_two_columns_drawn_row_by_row_are_read_column_by_column(invoke: Invoke, tmp_path: Path) -> None:
    """pypdf's own order glues "PyTorch (expert)" to "Lead Machine Learning Engineer" and
    study years to jobs; the column edge found from the text positions keeps them apart."""
    from pypdf import PdfReader

    path = resumes.ben_rows_pdf(tmp_path)
    assert "PyTorch (expert) Lead Machine Learning Engineer" in PdfReader(path).pages[0].extract_text()
    rows, columns = resume_json(invoke, path), resume_json(invoke, resumes.ben_pdf(tmp_path))
    for key in ("education", "experience_years", "title", "level", "skills"):
        assert rows[key] == columns[key], key
    assert rows["experience_years"] == 10.2


def test_right_aligned_dates_are_not_a_second_column(invoke: Invoke, tmp_path: Path) -> None:
    data = resume_json(invoke, resumes.ana_dates_right_pdf(tmp_path))
    assert data["experience_years"] == 8.6
    assert data["title"] == "Senior Data Scientist"
    assert data["education"]["field"] == "Statistics"


def test_docx_with_a_table_en_dashes_and_an_mba(invoke: Invoke, tmp_path: Path) -> None:
    data = resume_json(invoke, resumes.chloe_docx(tmp_path))
    assert data["education"]["degree"] == "master"
    assert data["education"]["mba"] is True
    assert data["experience_years"] == 6.0  # 2018.09 – 2021.08 and Sept 2021 – Oct 2024
    assert data["title"] == "Data Engineer"
    assert data["level"] == "senior" and data["level_source"] == "years"
    found = skills(data)
    assert found["python"] == 4  # "5+ years of Python"
    assert {"airflow", "sql", "docker", "etl"} <= set(found)
    assert evidence(data, "airflow") == "Built Airflow pipelines feeding a Snowflake warehouse"


def test_docx_sidebar_in_a_text_box(invoke: Invoke, tmp_path: Path) -> None:
    data = resume_json(invoke, resumes.ella_docx(tmp_path))
    assert data["education"]["degree"] == "master" and data["education"]["field"] == "Economics"
    assert data["experience_years"] == 3.9  # Feb 2020 - Jan 2024; 2017 - 2019 is study
    assert data["title"] == "BI Analyst"
    assert skills(data)["power-bi"] == 4  # "Power BI (advanced)"
    assert "r" in skills(data)
    assert all(s["mentions"] == 1 for s in data["skills"])  # Word's fallback copy is not read twice


def test_a_cv_outside_data_work(invoke: Invoke, tmp_path: Path) -> None:
    data = resume_json(invoke, resumes.dan_docx(tmp_path))
    assert data["education"]["degree"] == "bachelor"
    assert data["education"]["field"] == "Nursing"
    assert data["experience_years"] == 12.8  # Aug 2010 - Jul 2015, June 2015 - May 2023; 2006-2010 is study
    assert data["title"] == "Charge Nurse"
    assert list(skills(data)) == ["excel"]  # and nothing invented


def test_no_skill_found_says_so_and_invents_nothing(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "farah.txt"
    path.write_text(resumes.FARAH_TEXT, encoding="utf-8")
    data = resume_json(invoke, path)
    assert data["skills"] == []
    assert any("no skill from the catalog found" in w for w in data["warnings"])
    assert data["education"]["field"] == "Culinary Arts"
    text = invoke("resume", str(path))
    assert text.exit_code == 0
    assert "warning: no skill from the catalog found" in text.output


def test_text_view_shows_each_value_beside_its_line(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("resume", str(resumes.ana_pdf(tmp_path)), width=140)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "on this machine; nothing was sent or stored" in lines[0]
    degree = next(line for line in lines if line.startswith("Degree"))
    assert "master" in degree and " 17 " in degree and "MSc in Statistics, University of Edinburgh" in degree
    sql = next(line for line in lines if "SQL 5/5" in line)
    assert "21" in sql and "Expert: Python, SQL; Familiar: Spark" in sql
    assert any("Docker 3/5 confirm" in line for line in lines)


def test_save_answers_round_trips_with_sources(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "me.yaml"
    resume_json(invoke, resumes.ana_pdf(tmp_path), "--save-answers", str(out))
    text = out.read_text(encoding="utf-8")
    assert "degree: master  # line 17: MSc in Statistics" in text
    assert 'sql: 5  # stated: "Expert"; line 21' in text
    assert "docker: 3  # confirm: default" in text
    answers = yaml.safe_load(text)
    assert answers["schema_version"] == 1 and answers["experience_years"] == 8.6
    quiz = invoke("quiz", "--answers", str(out), "--json", "--no-save")
    assert quiz.exit_code == 0, quiz.output
    assert json.loads(quiz.stdout)["profile"]["skills"]["sql"] == 5


def test_odt(invoke: Invoke, tmp_path: Path) -> None:
    data = resume_json(invoke, resumes.odt(tmp_path, resumes.ANA_MAIN.splitlines()))
    assert data["format"] == "odt"
    assert (data["education"]["degree"], data["experience_years"], skills(data)["sql"]) == ("master", 8.6, 5)


def test_markdown_and_html(invoke: Invoke, tmp_path: Path) -> None:
    md = tmp_path / "ana.md"
    md.write_text("# Ana\n\n## Experience\n" + resumes.ANA_MAIN.split("Experience\n", 1)[1], encoding="utf-8")
    assert resume_json(invoke, md)["experience_years"] == 8.6
    html = tmp_path / "ana.html"
    body = "".join(f"<p>{line}</p>" for line in resumes.ANA_MAIN.splitlines())
    html.write_text(
        f"<!DOCTYPE html><html><body>{body}<script>Kafka</script></body></html>", encoding="utf-8"
    )
    data = resume_json(invoke, html)
    assert data["format"] == "html" and data["education"]["field"] == "Statistics"
    assert "kafka" not in skills(data)


# --- quiz --resume ---------------------------------------------------------------------


def test_quiz_resume_without_a_terminal_lists_the_defaults(
    invoke: Invoke, tmp_path: Path, user_home: Path
) -> None:
    result = invoke("quiz", "--resume", str(resumes.ana_pdf(tmp_path)), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["profile"]["skills"]["python"] == 5
    assert data["profile"]["education"] == {"degree": "master", "field": "Statistics"}
    assert data["resume"]["defaults"]["work_mode"] == "any"
    assert "interests" in data["resume"]["defaults"]
    assert data["results"][0]["score"] >= data["results"][-1]["score"]
    saved = (user_home / "profile.yaml").read_text(encoding="utf-8")
    assert "python: 5" in saved
    assert "Built churn models" not in saved  # the profile keeps answers, not the text


def test_the_resume_text_is_never_stored(invoke: Invoke, tmp_path: Path, user_home: Path) -> None:
    """After `resume` and `quiz --resume`, no file in user state holds a line of the CV."""
    cv = resumes.ana_pdf(tmp_path)
    assert invoke("resume", str(cv), "--json").exit_code == 0
    assert invoke("quiz", "--resume", str(cv), "--json").exit_code == 0
    assert (user_home / "profile.yaml").is_file()
    for path in user_home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for line in ("churn models", "Globex", "Edinburgh", "ana.rivera@example.com"):
                assert line.encode() not in data, (path, line)


def test_quiz_resume_text_says_what_came_from_where(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("quiz", "--resume", str(resumes.dan_docx(tmp_path)), "--no-save", width=120)
    assert result.exit_code == 0, result.output
    assert "The quiz's defaults for the rest: interests 3" in result.output
    assert "Your best-fitting roles" in result.output


def test_quiz_resume_and_answers_conflict(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("quiz", "--resume", "a.pdf", "--answers", "b.yaml")
    assert result.exit_code == 2
    assert "--answers and --resume cannot be used together" in result.output


# --- files that go wrong -----------------------------------------------------------------


def truncated_pdf(folder: Path) -> Path:
    data = resumes.ana_pdf(folder).read_bytes()
    path = folder / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    return path


def truncated_docx(folder: Path) -> Path:
    data = resumes.chloe_docx(folder).read_bytes()
    path = folder / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def garbled_docx(folder: Path) -> Path:
    path = folder / "garbled.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "not xml at all <<<")
    return path


def old_doc(folder: Path) -> Path:
    path = folder / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    return path


def too_big(folder: Path) -> Path:
    path = folder / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(11 * 1024 * 1024)
    return path


def empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def blank(folder: Path) -> Path:
    path = folder / "blank.md"
    path.write_text("\n  \n\t\n", encoding="utf-8")
    return path


def odt_bomb(folder: Path) -> Path:
    """An ODT whose content.xml declares a billion-laughs entity."""
    path = folder / "bomb.odt"
    lol = (
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8))
        + "]>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", lol + "<x>&i;</x>")
    return path


def not_a_resume(folder: Path) -> Path:
    path = folder / "notes.txt"
    path.write_text("shopping: eggs, flour, butter\n", encoding="utf-8")
    return path


FAILURES = {
    "encrypted": (resumes.encrypted_pdf, "this PDF is encrypted (password protected)"),
    "scan": (resumes.blank_pdf, "this PDF has no text; careercli does not read images: save it as text, "
             "or use --answers"),
    "truncated-pdf": (truncated_pdf, "not a readable PDF (truncated or corrupt"),
    "truncated-docx": (truncated_docx, "not a readable DOCX (truncated or corrupt zip)"),
    "garbled-docx": (garbled_docx, "not a readable DOCX (corrupt"),
    "old-doc": (old_doc, "an old binary Word (.doc) file, which careercli does not read"),
    "over-size": (too_big, "11.0 MB is over the 10 MB cap for a résumé"),
    "over-pages": (lambda folder: resumes.long_pdf(folder, 21), "21 pages is over the 20-page cap"),
    "empty": (empty, "the file is empty"),
    "blank": (blank, "the file is empty"),
    "odt-bomb": (odt_bomb, "not a readable ODT (corrupt"),
    "not-a-resume": (not_a_resume, "found no skill, degree or job dates; is it a résumé?"),
    "missing": (lambda folder: folder / "nope.pdf", "no such file"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(FAILURES))
def test_a_bad_file_is_one_line_and_exit_1(invoke: Invoke, tmp_path: Path, case: str) -> None:
    build, message = FAILURES[case]
    path = build(tmp_path)
    for args in (["resume", str(path)], ["resume", str(path), "--json"], ["quiz", "--resume", str(path)]):
        result = invoke(*args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"careercli: error: {path}: ")
        assert message in lines[0]
        assert "Traceback" not in result.output


def test_bad_files_fail_fast_in_the_real_program(tmp_path: Path) -> None:
    """The console script itself, timed: each failure in under two seconds, never a traceback."""
    for case in ("encrypted", "scan", "truncated-pdf", "truncated-docx", "old-doc", "over-pages"):
        folder = tmp_path / case
        folder.mkdir()
        path = FAILURES[case][0](folder)
        began = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "careercli", "resume", str(path)],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        took = time.perf_counter() - began
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
        assert took < 2.0 * _slowness(), (case, took)


def test_damaged_files_are_data_errors(tmp_path: Path) -> None:
    """Bytes flipped, cut or inserted anywhere in real PDFs and DOCX files: each is read or
    refused with a DataError, never another exception, and quickly."""
    import random

    from careercli.common.errors import DataError
    from careercli.resume.read import read_resume

    sources = [resumes.ana_pdf(tmp_path).read_bytes(), resumes.dan_docx(tmp_path).read_bytes()]
    rnd = random.Random(17)
    for n in range(80):
        data = bytearray(rnd.choice(sources))
        where = rnd.randrange(len(data))
        if n % 3 == 0:
            data[where : where + 8] = bytes(rnd.randrange(256) for _ in range(8))
        elif n % 3 == 1:
            data = data[:where]
        else:
            data[where:where] = bytes(rnd.randrange(256) for _ in range(40))
        path = tmp_path / f"damaged-{n}"
        path.write_bytes(bytes(data))
        began = time.perf_counter()
        try:
            read_resume(path)
        except DataError as exc:
            assert "\n" not in exc.message
        assert time.perf_counter() - began < 2.0


def _slowness() -> float:
    """How much slower than an idle machine this one is right now (CI shares its cores)."""
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import typer, rich"], check=True)
    return max(1.0, (time.perf_counter() - began) / 0.25)


# --- the parsers, without files -----------------------------------------------------------


@pytest.mark.parametrize(
    "line, months",
    [
        ("2016 - present", (2026 - 2016) * 12 + 11 - 5),
        ("Jan 2019 - Mar 2021", 26),
        ("03/2018-06/2020", 27),
        ("January 2019 – March 2021", 26),
        ("Sept. 2017 to Aug. 2021", 47),
        ("2015.03 - 2018.11", 44),
        ("2015-03 — 2018-11", 44),
        ("Feb 2020 - Current", (2026 - 2020) * 12 + 11 - 1),
        ("2012 - 2015", 36),
        ("6/2019 - 7/2019", 1),
        ("2016--2019", 36),
        ("Sep 2016 -- Present", (2026 - 2016) * 12 + 11 - 8),
        ("since March 2022", (2026 - 2022) * 12 + 11 - 2),
        ("2019–Present", (2026 - 2019) * 12 + 11 - 5),
    ],
)
def test_date_ranges(line: str, months: int) -> None:
    from careercli.resume.parse import find_ranges

    (found,) = find_ranges([f"Engineer, Acme, {line}"], TODAY)
    assert found.end - found.start == months


def test_since_with_an_end_is_the_range_alone() -> None:
    from careercli.resume.parse import find_ranges

    (found,) = find_ranges(["Analyst at Acme since 2019 - 2021"], TODAY)
    assert (found.end - found.start, found.ongoing) == (24, False)


def test_overlapping_jobs_count_once() -> None:
    from careercli.resume.parse import covered_months, find_ranges

    ranges = find_ranges(["Jan 2015 - Dec 2018", "Jan 2017 - Dec 2019", "Jun 2016 - Jun 2017"], TODAY)
    assert covered_months(ranges) == 59


@pytest.mark.parametrize(
    "line, degree, field",
    [
        ("PhD in Computer Science, Stanford", "phd", "Computer Science"),
        ("Ph.D., Statistics", "phd", "Statistics"),
        ("Doctor of Philosophy in Economics", "phd", "Economics"),
        ("MSc Data Science (Distinction)", "master", "Data Science"),
        ("M.S. in Applied Mathematics, 2012", "master", "Applied Mathematics"),
        ("Master of Science in Operations Research", "master", "Operations Research"),
        ("Master's degree in Physics", "master", "Physics"),
        ("MBA, Wharton", "master", "business administration"),
        ("BSc (Hons) Computer Science", "bachelor", "Computer Science"),
        ("B.Tech Electrical Engineering - IIT Bombay", "bachelor", "Electrical Engineering"),
        ("Bachelor of Arts in Economics", "bachelor", "Economics"),
        ("B.A. in History", "bachelor", "History"),
    ],
)
def test_degrees(line: str, degree: str, field: str) -> None:
    from careercli.resume.parse import find_degrees, highest_degree

    top = highest_degree(find_degrees([line], [""]))
    assert top is not None
    assert (top.degree, top.field) == (degree, field)


@pytest.mark.parametrize(
    "line",
    ["Boston, MA", "Advanced MS Excel and MS Office", "Certified Scrum Master", "BA flight 117 to London"],
)
def test_not_degrees(line: str) -> None:
    from careercli.resume.parse import find_degrees

    assert find_degrees([line], ["education" if "," in line else ""]) == []


@pytest.mark.parametrize(
    "title, level",
    [
        ("Senior Data Scientist", "senior"),
        ("Head of Data", "executive"),
        ("VP, Analytics", "executive"),
        ("Junior Analyst", "entry"),
        ("Data Science Intern", "entry"),
        ("Staff ML Engineer", "senior"),
        ("Head Pastry Chef", "senior"),
        ("Data Engineer", None),
    ],
)
def test_title_levels(title: str, level: str | None) -> None:
    from careercli.resume.parse import level_of_title

    assert level_of_title(title) == level


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_saved_answers_are_private(invoke: Invoke, tmp_path: Path) -> None:
    """Their comments quote lines of the CV: only the owner may read them."""
    out = tmp_path / "me.yaml"
    assert invoke("resume", str(resumes.ana_pdf(tmp_path)), "--save-answers", str(out)).exit_code == 0
    assert out.stat().st_mode & 0o077 == 0


def test_hostile_text_in_a_cv_cannot_drive_the_terminal(invoke: Invoke, tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Experience\nData Analyst\x1b]2;PWNED\x07, Acme\u202e, 2019 - 2022\n- SQL and Pyt\u200bhon\n",
        encoding="utf-8",
    )
    text = invoke("resume", str(cv), width=140)
    assert text.exit_code == 0, text.output
    assert "\x1b]" not in text.output and "\u202e" not in text.output and "\x07" not in text.output
    assert "\\x1b]2;PWNED\\x07" in text.output  # shown, escaped, so the tampering is seen
    data = resume_json(invoke, cv)
    assert set(skills(data)) == {"sql", "python"}


def test_only_the_resume_reader_imports_pypdf_and_docx() -> None:
    """They are imported inside resume/read.py's functions and nowhere else (start-up)."""
    import ast

    package = Path(__file__).resolve().parents[1] / "src" / "careercli"
    found: dict[str, list[str]] = {}
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in ("pypdf", "docx"):
                    found.setdefault(name, []).append(str(path.relative_to(package)))
        top = {n.names[0].name.split(".")[0] for n in tree.body if isinstance(n, ast.Import)}
        top |= {(n.module or "").split(".")[0] for n in tree.body if isinstance(n, ast.ImportFrom)}
        assert not top & {"pypdf", "docx"}, path
    assert {where for places in found.values() for where in places} == {"resume/read.py"}
