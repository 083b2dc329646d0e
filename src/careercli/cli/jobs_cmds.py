"""`jobs`: job listings, filtered and ranked by fit. A sub-app so `jobs import`, `jobs fetch`,
`jobs sources` and `jobs clear` can join it as subcommands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careercli.cli import jobs_store_cmds
from careercli.cli.common import (
    CsvOpt,
    JsonOpt,
    complete_skill,
    handles_errors,
    level_option,
    one_format,
    role_option,
    state,
)

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog
    from careercli.common.currency import RateTable
    from careercli.jobs.match import JobOptions
    from careercli.jobs.query import JobSearch
    from careercli.profile.model import Profile

jobs_app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)

jobs_store_cmds.register(jobs_app)  # jobs import / fetch / sources / clear

DEFAULT_LIMIT = 50  # rows of the table without --limit or --all
NO_PROFILE = "needs a profile: run `careercli quiz` to save one, or pass --answers FILE"


@jobs_app.callback(invoke_without_command=True)
@handles_errors
def jobs(
    ctx: typer.Context,
    level: Annotated[
        list[str] | None,
        level_option(
            "Only this level (repeatable): entry, mid, senior, executive, "
            "or EN/MI/SE/EX, or 'Senior-level / Expert'."
        ),
    ] = None,
    role: Annotated[
        str | None,
        role_option("Only jobs for this role (id, alias or title)."),
    ] = None,
    location: Annotated[
        list[str] | None,
        typer.Option(
            "--location",
            help="Location text, matched at the start of a word (repeatable: any of); "
            "'remote' matches remote jobs (not those whose posting does not say).",
        ),
    ] = None,
    remote: Annotated[
        bool,
        typer.Option(
            "--remote",
            help="Only jobs whose posting says they can be done remotely "
            "(one that does not say is not matched).",
        ),
    ] = False,
    job_type: Annotated[
        list[str] | None,
        typer.Option(
            "--type",
            "-t",
            help="Only this employment type (repeatable): full-time, part-time, "
            "contract, internship, freelance.",
        ),
    ] = None,
    min_salary: Annotated[
        str | None,
        typer.Option(
            "--min-salary",
            help="Yearly pay the job could reach: kept when the top of its range, "
            "converted to --currency, is at least this (100000 or 100K).",
            show_default=False,
        ),
    ] = None,
    currency: Annotated[
        str | None,
        typer.Option(
            "--currency",
            help="Currency of --min-salary and of compared pay [default: USD].",
            show_default=False,
        ),
    ] = None,
    company: Annotated[str | None, typer.Option("--company", help="Company name text.")] = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-s",
            help="Words that must all appear in the title, company, description or skills.",
            autocompletion=complete_skill,
        ),
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            help="fit, salary, posted or title [default: fit with a profile, else salary].",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            min=1,
            help=f"Show at most this many [default: {DEFAULT_LIMIT} in the table, all with --json or --csv].",
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Show every matching job in the table.")] = False,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            readable=False,
            help="Rank by fit to this answers file instead of the saved profile.",
            show_default=False,
        ),
    ] = None,
    for_me: Annotated[
        bool,
        typer.Option(
            "--for-me",
            help="Also filter by the profile's level, locations, work mode and "
            "salary floor (options given here win).",
        ),
    ] = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """List job openings; ranked by how well each job's role fits you when a profile is known.

    The bundled listings are the six featured jobs of the seed article (2023-12-06); a data
    pack's jobs.yaml adds more. A saved quiz profile (or --answers) ranks the jobs by fit.

    Examples:

    \b
      careercli jobs --level senior
      careercli jobs --remote --type full-time --sort salary
      careercli jobs --min-salary 100K --currency USD
      careercli jobs --search "data engineer" --json
      careercli jobs --for-me
      careercli jobs --answers answers.yaml --csv > jobs.csv
      careercli jobs --all
    """
    if ctx.invoked_subcommand is not None:
        return
    from careercli.common.currency import load_rates
    from careercli.common.errors import UsageProblem

    one_format(json=as_json, csv=as_csv)
    app_state = state(ctx)
    catalog = app_state.catalog()
    rates = load_rates(app_state.data_dir)
    given = _options(catalog, rates, level, role, location, remote, job_type, min_salary, currency)
    options = given._replace(
        company=company if company is not None and company.strip() else None,
        search=tuple(search.split()) if search is not None else None,
        sort=_sort(sort),
        limit=_limit(limit, show_all, as_json or as_csv),
    )
    needs_profile = for_me or options.sort == "fit"
    profile, where = _profile(catalog, answers, needs_profile)
    if profile is None and needs_profile:
        raise UsageProblem(f"{'--for-me' if for_me else '--sort fit'} {NO_PROFILE}")
    # an unlimited listing (--all, --json, --csv) is written as its rows come from the store
    result = _search(catalog, rates, options, profile, for_me, app_state.data_dir, options.limit is None)
    _emit(result, as_json, as_csv, where if profile is not None else "", for_me)


def _options(
    catalog: Catalog,
    rates: RateTable,
    level: list[str] | None,
    role: str | None,
    location: list[str] | None,
    remote: bool,
    job_type: list[str] | None,
    min_salary: str | None,
    currency: str | None,
) -> JobOptions:
    """The filters given on the command line, parsed (a bad value is exit 2 naming it)."""
    from careercli.catalog.lookup import resolve_role
    from careercli.common import vocab
    from careercli.common.currency import parse_amount
    from careercli.jobs.match import JobOptions
    from careercli.jobs.model import parse_employment_type

    return JobOptions(
        levels=frozenset(vocab.parse_level(x) for x in level) if level else None,
        role=resolve_role(catalog, role).id if role is not None else None,
        locations=tuple(x for x in location if x.strip()) if location else None,
        remote=True if remote else None,
        types=frozenset(parse_employment_type(x) for x in job_type) if job_type else None,
        min_salary=parse_amount(min_salary, "--min-salary") if min_salary is not None else None,
        currency=rates.parse_code(currency) if currency is not None else None,
    )


def _limit(limit: int | None, show_all: bool, machine: bool) -> int | None:
    """--limit, else all for --all, --json and --csv, else the table's DEFAULT_LIMIT."""
    if limit is not None and show_all:
        from careercli.common.errors import UsageProblem

        raise UsageProblem("--limit and --all cannot be used together; choose one")
    if limit is not None or show_all or machine:
        return limit
    return DEFAULT_LIMIT


def _sort(sort: str | None) -> str | None:
    from careercli.jobs.query import parse_sort

    return parse_sort(sort) if sort is not None else None


def _search(
    catalog: Catalog,
    rates: RateTable,
    options: JobOptions,
    profile: Profile | None,
    for_me: bool,
    data_dir: Path | None,
    stream: bool = False,
) -> JobSearch:
    """--for-me: the profile's filters with the options over them; else the options alone;
    ranked by fit whenever a profile is known."""
    from careercli.jobs.match import find_jobs, fit_map, search_for
    from careercli.jobs.query import JobQuery

    fits = []
    if profile is not None:
        from careercli.fit.score import score_roles

        fits = score_roles(profile, catalog)
    if for_me and profile is not None:
        return search_for(
            profile, fits, catalog, data_dir=data_dir, overrides=options, rates=rates, stream=stream
        )
    query = options.over(JobQuery())
    return find_jobs(catalog, query, rates, fit_map(fits) if fits else None, data_dir, profile, stream)


def _profile(catalog: Catalog, answers: Path | None, needed: bool) -> tuple[Profile | None, str]:
    """The answers file when given, else the saved profile, else none; and what to call it.

    A broken saved profile stops only a listing that needs it (--for-me, --sort fit); a plain
    listing warns on stderr and lists the jobs without fit."""
    if answers is not None:
        from careercli.profile.answers import load_answers

        return load_answers(answers, catalog), str(answers)
    from careercli.common.errors import DataError
    from careercli.profile.store import load_saved

    try:
        return load_saved(catalog), "your saved profile"
    except DataError as exc:
        if needed:
            raise
        from careercli.cli.console import warning_line

        typer.echo(warning_line(f"{exc.message}; listing without fit"), err=True)
        return None, ""


def _emit(result: JobSearch, as_json: bool, as_csv: bool, fit_to: str, for_me: bool) -> None:
    if as_json:
        import sys

        from careercli.common.currency import is_unicode
        from careercli.jobs.render import write_json

        write_json(result, sys.stdout, ascii_only=not is_unicode(sys.stdout))
    elif as_csv:
        import sys

        from careercli.jobs.render import write_csv

        write_csv(result, sys.stdout)
    else:
        from careercli.cli.console import console
        from careercli.jobs.render import jobs_view

        out = console()
        hint = "--for-me applied the profile's level, locations, work mode and salary floor; "
        hint += "options such as --level given here replace them, or leave out --for-me."
        for part in jobs_view(result, out.width, fit_to, hint if for_me else ""):
            out.print(part)


@jobs_app.command("show")
@handles_errors
def show_job(
    ctx: typer.Context,
    job_id: Annotated[str, typer.Argument(metavar="ID", help="The job's id, as `jobs --json` gives it.")],
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            readable=False,
            help="Score the fit to this answers file instead of the saved profile.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one job: what its posting asks (and the text that says so) and every point of its fit.

    With a saved profile (or --answers) each point of the fit is explained: the skills it
    asks that you have (with your level), those you lack, its level against yours, the
    degree and the years it asks.

    Examples:

    \b
      careercli jobs show founding-ai-engineer
      careercli jobs show remoteok-1130788 --answers answers.yaml --json
    """
    from careercli.common.errors import UsageProblem, did_you_mean
    from careercli.jobs.job_fit import JobFitter, fit_dict
    from careercli.jobs.match import fit_map
    from careercli.jobs.model import all_jobs, job_dict
    from careercli.jobs.store import job_by_id, stored_ids

    app_state = state(ctx)
    catalog = app_state.catalog()
    bundled = {j.id: j for j in all_jobs(catalog, app_state.data_dir)}
    job = bundled.get(job_id.strip()) or job_by_id(job_id)
    if job is None:
        known = [*bundled, *stored_ids(job_id)]
        raise UsageProblem(
            f"no job '{job_id}'{did_you_mean(job_id, known)}; `careercli jobs --json` lists the ids"
        )
    profile, where = _profile(catalog, answers, needed=answers is not None)
    fit = None
    if profile is not None:
        from careercli.fit.score import score_roles

        fit = JobFitter(profile, fit_map(score_roles(profile, catalog))).explain(job)
    if as_json:
        from careercli.cli.console import emit_json
        from careercli.common.envelope import envelope

        body = job_dict(job)
        body["fit"] = None if fit is None else fit.score
        body["fit_points"] = None if fit is None else fit_dict(fit)
        emit_json(envelope(job=body))
        return
    from careercli.cli.console import console
    from careercli.jobs.render import job_detail

    names = {s.id: s.name for s in catalog.skills.values()}
    out = console()
    for part in job_detail(job, fit, names, where if profile is not None else ""):
        out.print(part)
