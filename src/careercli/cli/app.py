"""The `careercli` command: global options and command registration."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careercli import __version__
from careercli.cli import catalog_cmds, jobs_cmds, quiz_cmds, salary_cmds
from careercli.cli.common import AppState
from careercli.cli.data_cmds import data_app

app = typer.Typer(
    name="careercli",
    help="An offline, private, scriptable career advisor for data and AI careers.\n\n"
    "Start with: careercli compare head-ds lead-mle",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careercli {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="A data pack folder laid out like data/ (also CAREERCLI_DATA_DIR).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """An offline, private, scriptable career advisor for data and AI careers."""
    ctx.obj = AppState(data_dir=data_dir)


app.command("roles")(catalog_cmds.roles)
app.command("show")(catalog_cmds.show)
app.command("compare")(catalog_cmds.compare)
app.add_typer(data_app, name="data")
app.command("quiz")(quiz_cmds.quiz)
app.command("fit")(quiz_cmds.fit)
app.command("plan")(quiz_cmds.plan)
app.add_typer(quiz_cmds.profile_app, name="profile")
app.add_typer(jobs_cmds.jobs_app, name="jobs")
app.command("salary")(salary_cmds.salary)


def main() -> None:
    app()
