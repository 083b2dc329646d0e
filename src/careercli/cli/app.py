"""The `careercli` command: global options and command registration.

Commands are registered from a table and imported only when needed: building every
command's options costs start-up time on each run, so `main()` builds just the command
being invoked (the full app is built for help, unknown commands, and tests).

typer is imported inside the functions here, not at the top, so that `main()` is running
(and turns Ctrl-C into one line) for all but the first millisecond of start-up. No
`from __future__ import annotations` either: Typer would evaluate the root options'
annotations from strings (compiling each) on every run.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

if TYPE_CHECKING:
    import typer

# name -> (module, attribute, "command" or "group"), in the order help lists them
COMMANDS: dict[str, tuple[str, str, str]] = {
    "roles": ("careercli.cli.catalog_cmds", "roles", "command"),
    "show": ("careercli.cli.catalog_cmds", "show", "command"),
    "compare": ("careercli.cli.catalog_cmds", "compare", "command"),
    "quiz": ("careercli.cli.quiz_cmds", "quiz", "command"),
    "fit": ("careercli.cli.quiz_cmds", "fit", "command"),
    "plan": ("careercli.cli.quiz_cmds", "plan", "command"),
    "next": ("careercli.cli.next_cmds", "next_role", "command"),
    "profile": ("careercli.cli.quiz_cmds", "profile_app", "group"),
    "resume": ("careercli.cli.resume_cmds", "resume", "command"),
    "jobs": ("careercli.cli.jobs_cmds", "jobs_app", "group"),
    "skills": ("careercli.cli.skills_cmds", "skills_app", "group"),
    "salary": ("careercli.cli.salary_cmds", "salary", "command"),
    "data": ("careercli.cli.data_cmds", "data_app", "group"),
}


def _version(value: bool) -> None:
    import typer

    from careercli import __version__

    if value:
        typer.echo(f"careercli {__version__}")
        raise typer.Exit()


def build_app(only: str | None = None) -> "typer.Typer":
    """The Typer app with every command, or with just `only` (a name from COMMANDS)."""
    import importlib

    import typer

    from careercli.cli.common import AppState

    def main_options(
        ctx: typer.Context,
        data_dir: Annotated[
            Path | None,
            typer.Option(
                "--data-dir",
                readable=False,
                help="A data pack folder laid out like data/ (also CAREERCLI_DATA_DIR).",
                show_default=False,
            ),
        ] = None,
        version: Annotated[
            bool,
            typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
        ] = False,
    ) -> None:
        """An offline, private, scriptable career advisor for data and AI careers.

        Start with: careercli compare head-ds lead-mle
        """
        ctx.obj = AppState(data_dir=data_dir)

    app = typer.Typer(
        name="careercli",
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        add_completion=True,  # --install-completion, --show-completion: bash, zsh, fish
    )
    app.callback()(main_options)
    for name, (module, attr, kind) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(importlib.import_module(module), attr)
        if kind == "group":
            app.add_typer(target, name=name)
        else:
            app.command(name)(target)
    return app


def _command_name(args: list[str]) -> str | None:
    """The command being invoked, when it is unambiguous; None means build them all."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--data-dir":
            i += 2
            continue
        if arg.startswith("--data-dir="):
            i += 1
            continue
        if arg.startswith("-"):
            return None  # --help, --version or a typo: the full app answers those
        return arg if arg in COMMANDS else None
    return None


def main() -> None:
    """The console script. What stops a run outside any command (typer's help, the version,
    option parsing, start-up's imports) ends it as inside one (careercli.cli.console.ended_by):
    `--help > /dev/full` is one line and exit 1, `--help | head -1` a quiet 0, and Ctrl-C
    while starting up "careercli: interrupted" and 130, never a traceback."""
    try:
        build_app(_command_name(sys.argv[1:]))()
    except SystemExit as exc:
        stopped_by = _swallowed(exc)
        if stopped_by is None:
            raise
        _end(stopped_by)
    except (KeyboardInterrupt, OSError) as exc:
        _end(exc)


def _swallowed(exc: SystemExit) -> KeyboardInterrupt | OSError | None:
    """The Ctrl-C or broken pipe behind an exit that typer chose itself, outside any command
    (inside one, common.handles_errors has already dealt with them): typer exits 130 without
    a word for Ctrl-C (`raise Exit(130) from` it), and 1 for a reader that has gone (exiting
    while handling the BrokenPipeError)."""
    context = exc.__context__
    if exc.code == 1 and isinstance(context, BrokenPipeError):
        return context
    cause = getattr(context, "__cause__", None)
    return cause if isinstance(cause, KeyboardInterrupt) else None


def _end(exc: KeyboardInterrupt | OSError) -> NoReturn:
    from careercli.cli.console import ended_by, error_line

    code, message = ended_by(exc)
    if message is not None and sys.stderr is not None:
        try:
            sys.stderr.write(error_line(message, code) + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass  # stderr is gone too: the exit code still says it
    raise SystemExit(code) from None


def __getattr__(name: str) -> Any:
    # `from careercli.cli.app import app` (tests, docs tooling) gets the full app
    if name == "app":
        return build_app()
    raise AttributeError(name)
