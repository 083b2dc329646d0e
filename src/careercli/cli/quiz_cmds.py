"""`quiz`, `fit`, `plan` and `profile show|path|clear`: a person's profile against the catalog.

questionary and prompt_toolkit are imported only on the interactive quiz path.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careercli.cli.common import (
    AnswersOpt,
    CatalogOpt,
    JsonOpt,
    complete_role,
    handles_errors,
    parse_catalog,
    state,
)
from careercli.common.envelope import envelope
from careercli.common.errors import CareerError

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog
    from careercli.fit.score import RoleFit
    from careercli.profile.model import Profile
    from careercli.resume.findings import QuizStart

RoleArg = Annotated[
    str, typer.Argument(help="A role id, alias or title, e.g. lead-mle.", autocompletion=complete_role)
]
ONE_LINE = 200  # more results than this (an O*NET pack) print as one line of JSON
NO_PROFILE = "no saved profile; run `careercli quiz` or pass --answers FILE"
NO_TERMINAL = (
    "no terminal to ask the questions in; pass --answers FILE "
    "(an answers file, schema version 1: `careercli quiz --answers answers.yaml`), or --resume CV"
)


@handles_errors
def quiz(
    ctx: typer.Context,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            readable=False,
            metavar="FILE",
            show_default=False,
            help="Answers file (YAML or JSON, schema version 1): no questions asked.",
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(
            "--resume",
            readable=False,
            metavar="FILE",
            show_default=False,
            help="Start from a résumé (PDF, DOCX, ODT, text): its values pre-filled; with no terminal, "
            "from it alone plus the quiz's defaults. Read on this machine, never stored.",
        ),
    ] = None,
    save_answers: Annotated[
        Path | None,
        typer.Option(
            "--save-answers",
            readable=False,
            metavar="FILE",
            show_default=False,
            help="Also write this run's answers to FILE, to rerun with --answers.",
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, metavar="N", help="How many roles the table shows.")
    ] = 10,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save the profile.")] = False,
    catalog_name: CatalogOpt = "default",
    as_json: JsonOpt = False,
) -> None:
    """Take the quiz: which data and AI roles fit you, why, and what to learn next.

    About 25 questions (experience, education, skills, interests, preferences), then roles
    ranked by a 0-100 fit score with its breakdown, your gaps and next steps. The profile is
    saved so `fit`, `plan` and `jobs` can use it. With --catalog onet it ranks every O*NET
    occupation imported by `careercli data import-onet` instead.

    Examples:

    \b
      careercli quiz
      careercli quiz --save-answers me.yaml
      careercli quiz --answers me.yaml --top 5
      careercli quiz --answers me.yaml --json --no-save
      careercli quiz --answers me.yaml --catalog onet
      careercli quiz --resume cv.pdf
    """
    which = parse_catalog(catalog_name)
    from careercli.common.gc_pause import gc_paused

    # The whole run without the cyclic collector: the catalog, a fit per role and the JSON
    # are acyclic (over an O*NET pack, 100,000 objects and 4 MB of output; common.gc_pause).
    with gc_paused():
        _run_quiz(ctx, which, answers, resume, save_answers, top, not no_save, as_json)


def _run_quiz(
    ctx: typer.Context,
    which: str,
    answers: Path | None,
    resume: Path | None,
    save_answers: Path | None,
    top: int,
    save: bool,
    as_json: bool,
) -> None:
    catalog, profile, from_resume = _quiz_profile(ctx, which, answers, resume)

    from careercli.fit.score import score_roles
    from careercli.fit.warnings import ranking_warnings
    from careercli.profile.answers import profile_to_answers

    data = profile_to_answers(profile)
    fits = score_roles(profile, catalog)
    warnings = ranking_warnings(profile, fits, top)
    # A write that fails is reported after the results, so a long quiz is never lost to it.
    wrote, saved, failed = _write_answers(data, save_answers, save)
    if as_json:
        _quiz_json(catalog, which, data, fits, warnings, from_resume)
    else:
        # jobs name curated roles, never O*NET occupations: no section for --catalog onet
        jobs = _matching_jobs(profile, fits, catalog, state(ctx).data_dir) if which == "default" else None
        _quiz_text(catalog, profile, fits, top, jobs, warnings, from_resume)
        notes = [f"Answers written to {save_answers}." if wrote else ""]
        notes.append(f"Profile saved to {saved} (careercli profile show)." if saved else "Profile not saved.")
        from careercli.cli.console import console

        console().print(" ".join(n for n in notes if n), style="dim")
    if failed:
        raise failed[0]


def _write_answers(
    data: dict[str, Any], save_answers: Path | None, save: bool
) -> tuple[bool, Path | None, list[CareerError]]:
    """Write --save-answers and the saved profile; (answers written, profile path, failures)."""
    from careercli.common.atomic_write import write_text_atomic
    from careercli.profile.store import answers_yaml, save_profile

    failed: list[CareerError] = []
    wrote = False
    if save_answers is not None:
        try:
            write_text_atomic(save_answers, answers_yaml(data), private=False)
            wrote = True
        except CareerError as exc:
            failed.append(exc)
    saved: Path | None = None
    if save:
        try:
            saved = save_profile(data)
        except CareerError as exc:
            failed.append(exc)
    return wrote, saved, failed


def _quiz_json(
    catalog: Catalog,
    which: str,
    data: dict[str, Any],
    fits: list[RoleFit],
    warnings: list[str],
    from_resume: QuizStart | None,
) -> None:
    from careercli.catalog.role_data import credit_keys, onet_keys
    from careercli.cli.console import emit_json
    from careercli.fit.score import fit_dict
    from careercli.fit.warnings import tie_ranks

    extra = onet_keys(catalog.roles.values())
    if extra:
        extra = {"catalog": which, **extra}
    extra.update(credit_keys(catalog.roles.values()))  # the interest part is O*NET-derived
    if from_resume is not None:
        extra["resume"] = from_resume.summary()
    results = [
        {**fit_dict(f, compact=True), "rank": rank} for f, rank in zip(fits, tie_ranks(fits), strict=True)
    ]
    emit_json(
        envelope(profile=data, **extra, warnings=warnings, results=results),
        indent=None if len(fits) > ONE_LINE else 2,
    )


def _quiz_text(
    catalog: Catalog,
    profile: Profile,
    fits: list[RoleFit],
    top: int,
    jobs: list[dict[str, Any]] | None,
    warnings: list[str],
    from_resume: QuizStart | None,
) -> None:
    from careercli.cli.console import console
    from careercli.fit.render import quiz_view

    out = console()
    if from_resume is not None:
        out.print(from_resume.note(), style="dim", markup=False, highlight=False)
    for part in quiz_view(catalog, profile, fits, top, out.width, jobs, warnings):
        out.print(part)


def _ask(catalog: Catalog, prefill: dict[str, Any] | None = None) -> Profile:
    """The interactive questions; Ctrl-C or Ctrl-D anywhere: "quiz cancelled", exit 130."""
    from careercli.common.errors import EXIT_INTERRUPTED
    from careercli.profile.answers import parse_answers
    from careercli.profile.quiz_prompts import ask, prompts_on_stderr

    try:
        with prompts_on_stderr():
            raw = ask(catalog, prefill)
    except (KeyboardInterrupt, EOFError):
        typer.echo("quiz cancelled", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    return parse_answers(raw, catalog, "quiz answers")


def _quiz_profile(
    ctx: typer.Context, which: str, answers: Path | None, resume: Path | None
) -> tuple[Catalog, Profile, QuizStart | None]:
    """The catalog and the profile the quiz ranks: from an answers file, from a résumé alone
    (no terminal), or asked (pre-filled from the résumé when one is given)."""
    from careercli.common.errors import UsageProblem

    if answers is not None and resume is not None:
        raise UsageProblem("--answers and --resume cannot be used together; choose one")
    if answers is None and resume is None and not sys.stdin.isatty():
        raise UsageProblem(NO_TERMINAL)
    catalog = state(ctx).catalog(which)
    from_resume = _from_resume(state(ctx).catalog(), resume) if resume is not None else None
    if answers is not None:
        from careercli.profile.answers import load_answers

        return catalog, load_answers(answers, catalog), None
    if from_resume is not None and not sys.stdin.isatty():
        from careercli.profile.answers import parse_answers

        return catalog, parse_answers(from_resume.answers, catalog, str(resume)), from_resume
    return catalog, _ask(catalog, from_resume.said if from_resume else None), from_resume


def _from_resume(catalog: Catalog, path: Path) -> QuizStart:
    """The answers a résumé gives (read on this machine, the text not kept), for `--resume`."""
    from careercli.cli.resume_cmds import found_nothing, read_findings
    from careercli.common.errors import DataError

    found = read_findings(catalog, path)
    if found_nothing(found):
        raise DataError(
            f"{path}: found no skill, degree or job dates; is it a résumé? Take the quiz without it"
        )
    from careercli.resume.findings import QuizStart

    return QuizStart(found)


def _matching_jobs(
    profile: Profile, fits: list[RoleFit], catalog: Catalog, data_dir: Path | None
) -> list[dict[str, Any]] | None:
    """Jobs for the best roles; None (no section) with a broken jobs file, which is worth a
    warning but not the results."""
    from careercli.cli.console import warning_line
    from careercli.jobs.match import matching_jobs

    try:
        return list(matching_jobs(profile, fits, catalog, limit=5, data_dir=data_dir))
    except CareerError as exc:
        typer.echo(warning_line(f"matching jobs left out: {exc.message}"), err=True)
        return None


def _profile(catalog: Catalog, answers: Path | None) -> Profile:
    """The answers file when given, else the saved profile, else exit 2 saying how to get one."""
    from careercli.common.errors import UsageProblem

    if answers is not None:
        from careercli.profile.answers import load_answers

        return load_answers(answers, catalog)
    from careercli.profile.store import load_saved

    profile = load_saved(catalog)
    if profile is None:
        raise UsageProblem(NO_PROFILE)
    return profile


@handles_errors
def fit(
    ctx: typer.Context,
    role: RoleArg,
    answers: AnswersOpt = None,
    catalog_name: CatalogOpt = "default",
    as_json: JsonOpt = False,
) -> None:
    """Show how one role fits you: every point of the score, traced to its reasons.

    Uses the profile saved by `careercli quiz`, or an answers file.

    Examples:

    \b
      careercli fit lead-mle
      careercli fit "data scientist" --answers me.yaml
      careercli fit head-ds --json
      careercli fit 15-2041.00 --catalog onet
    """
    from careercli.catalog.lookup import resolve_role
    from careercli.fit.score import fit_dict, score_roles

    catalog = state(ctx).catalog_for([role], parse_catalog(catalog_name))
    found = resolve_role(catalog, role)
    profile = _profile(catalog, answers)
    fits = score_roles(profile, catalog)
    rank = next(n for n, f in enumerate(fits, 1) if f.role == found.id)
    result = fits[rank - 1]
    if as_json:
        from careercli.catalog.role_data import credit_keys, onet_keys
        from careercli.cli.console import emit_json
        from careercli.fit.warnings import tie_ranks

        # result["rank"] as in quiz --json: tied roles share one
        tied = {**fit_dict(result), "rank": tie_ranks(fits)[rank - 1]}
        emit_json(
            envelope(rank=rank, of=len(fits), result=tied, **{**onet_keys([found]), **credit_keys([found])})
        )
        return
    from careercli.cli.console import console
    from careercli.fit.render import fit_view

    out = console()
    for part in fit_view(catalog, found, result, rank, len(fits), out.width):
        out.print(part)


@handles_errors
def plan(
    ctx: typer.Context,
    role: RoleArg,
    answers: AnswersOpt = None,
    catalog_name: CatalogOpt = "default",
    as_json: JsonOpt = False,
) -> None:
    """Plan a move into a role: the gaps to close, most important first, and what to do.

    Uses the profile saved by `careercli quiz`, or an answers file.

    Examples:

    \b
      careercli plan lead-mle
      careercli plan head-ds --answers me.yaml
      careercli plan ml-engineer --json
      careercli plan "Statisticians" --catalog onet
    """
    from careercli.catalog.lookup import resolve_role
    from careercli.fit.plan import plan_steps, tips_status
    from careercli.fit.score import score_role

    catalog = state(ctx).catalog_for([role], parse_catalog(catalog_name))
    found = resolve_role(catalog, role)
    profile = _profile(catalog, answers)
    result = score_role(profile, found, catalog)
    steps = plan_steps(result, found, catalog)
    tips = tips_status(result, found, catalog)
    from careercli.jobs.demand import plan_citation

    demand = plan_citation(catalog, found.id, [s["skill"] for s in steps], state(ctx).data_dir)
    if as_json:
        from careercli.catalog.role_data import onet_keys
        from careercli.cli.console import emit_json

        emit_json(
            envelope(
                role=found.id,
                title=found.title,
                score=result.score,
                steps=steps,
                tips=tips,
                demand=demand,
                **onet_keys([found]),
            )
        )
        return
    from careercli.cli.console import console
    from careercli.fit.render import plan_view
    from careercli.jobs.render import demand_lines

    out = console()
    for part in plan_view(found, result, steps, tips, out.width):
        out.print(part)
    names = {s["skill"]: s["name"] for s in steps}
    for line in demand_lines(demand, found.id, names):
        out.print(line)


profile_app = typer.Typer(
    help="Show, locate or clear the profile saved by `careercli quiz`.", no_args_is_help=True
)


@profile_app.command("show")
@handles_errors
def profile_show(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Print the saved profile's answers (schema version 1, YAML).

    Examples:

    \b
      careercli profile show
      careercli profile show > me.yaml && careercli quiz --answers me.yaml
      careercli profile show --json
    """
    from careercli.profile.answers import profile_to_answers
    from careercli.profile.store import answers_yaml, load_saved, profile_path

    profile = load_saved(state(ctx).catalog())
    data = profile_to_answers(profile) if profile is not None else None
    if as_json:
        from careercli.cli.console import emit_json

        emit_json(envelope(path=str(profile_path()), profile=data))
    elif data is None:
        typer.echo(f"No saved profile (it would be {profile_path()}); run `careercli quiz`.")
    else:
        typer.echo(answers_yaml(data), nl=False)


@profile_app.command("path")
@handles_errors
def profile_path_cmd() -> None:
    """Print where the saved profile lives (whether or not it exists yet).

    Examples:

    \b
      careercli profile path
      CAREERCLI_HOME=/tmp/cc careercli profile path
    """
    from careercli.profile.store import profile_path

    typer.echo(str(profile_path()))


@profile_app.command("clear")
@handles_errors
def profile_clear() -> None:
    """Delete the saved profile (fine if there is none).

    Examples:

    \b
      careercli profile clear
    """
    from careercli.profile.store import clear_profile, profile_path

    path = profile_path()
    if clear_profile():
        typer.echo(f"Removed the saved profile {path}.")
    else:
        typer.echo(f"No saved profile to remove ({path}).")
