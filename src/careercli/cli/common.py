"""What every command shares: error mapping, the loaded catalog, output options."""

from __future__ import annotations

import contextlib
import functools
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from typer._click.exceptions import UsageError  # typer vendors click; pinned in pyproject

from careercli.common.errors import EXIT_DATA, EXIT_INTERRUPTED, CareerError, one_line

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog

P = ParamSpec("P")
R = TypeVar("R")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (stable keys, schema_version).")]
MarkdownOpt = Annotated[bool, typer.Option("--markdown", help="Print Markdown instead of a table.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV.")]
AnswersOpt = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        readable=False,
        metavar="FILE",
        show_default=False,
        help="An answers file (YAML or JSON, schema version 1) instead of the saved profile.",
    ),
]


def one_format(**chosen: bool) -> str | None:
    """The output format asked for (`json`, `csv`, `markdown`) or None for the table; two at
    once exit 2 the same way in every command."""
    from careercli.common.errors import UsageProblem

    picked = [name for name, on in chosen.items() if on]
    if len(picked) > 1:
        flags = " and ".join(f"--{name}" for name in picked)
        raise UsageProblem(f"{flags} cannot be used together; choose one")
    return picked[0] if picked else None


def _say_error(message: str, exit_code: int) -> None:
    """The one stderr line a failed command ends with (nothing if stderr is gone)."""
    from careercli.cli.console import error_line

    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(error_line(message, exit_code) + "\n")
            sys.stderr.flush()


def failed(message: str, exit_code: int) -> typer.Exit:
    """What a command raises to end with one error line and the documented exit code
    (typer.Exit is typer's public way out; no click exception class is needed)."""
    _say_error(message, exit_code)
    return typer.Exit(exit_code)


def _one_line_usage_error(self: UsageError, file: Any = None) -> None:
    """Click prints usage, a hint and the error on four lines; we print one."""
    where = self.ctx.command_path if self.ctx is not None else "careercli"
    hint = f" (see '{where} --help')" if self.ctx is not None else ""
    _say_error(f"{one_line(self.format_message())}{hint}", 2)


# Click prints a usage error through UsageError.show, and typer (which vendors click) offers
# no hook for its format: the method is replaced once, here. tests/test_third_party.py fails
# loudly if the vendored class stops calling it; typer is pinned below its next minor.
UsageError.show = _one_line_usage_error  # type: ignore[method-assign]


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Map CareerError to one stderr line and its exit code; Ctrl-C to 130, no traceback.

    Also: output that cannot be encoded (LANG=C) is printed as ASCII, a reader that stops
    early (`| head`) ends the command quietly with 0, and output that cannot be written
    (a full disk, a closed stdout) is one error line.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from careercli.cli.console import prepare_streams

        if sys.stdout is None:  # `careercli roles >&-`
            raise failed("cannot write the output: standard output is closed", EXIT_DATA)
        prepare_streams()
        with watch_sigint() as interrupted:
            try:
                return func(*args, **kwargs)
            except CareerError as exc:
                if interrupted and exc.exit_code != EXIT_INTERRUPTED:
                    # Ctrl-C inside SQLite or a library surfaces as their error: it is Ctrl-C
                    raise _ended(KeyboardInterrupt()) from None
                raise failed(exc.message, exc.exit_code) from None
            except (KeyboardInterrupt, OSError) as exc:
                # Ctrl-C; the output could not be written (ENOSPC, EIO, `| head`), or a file
                raise _ended(exc) from None

    return wrapper


@contextlib.contextmanager
def watch_sigint() -> Iterator[list[int]]:
    """Ctrl-C raises KeyboardInterrupt as usual, and is also noted in the list yielded."""
    hits: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield hits
        return

    def on_sigint(signum: int, frame: object) -> None:
        hits.append(signum)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGINT, on_sigint)
    except (ValueError, OSError):
        yield hits
        return
    try:
        yield hits
    finally:
        signal.signal(signal.SIGINT, previous)


def _ended(exc: KeyboardInterrupt | OSError) -> Exception:
    """What a command ends with for typer when Ctrl-C or an OSError stops it: the same as
    outside a command (careercli.cli.console.ended_by, used by cli.app.main)."""
    from careercli.cli.console import ended_by

    code, message = ended_by(exc)
    return typer.Exit(code) if message is None else failed(message, code)


CATALOGS: tuple[str, ...] = ("default", "onet")
CatalogOpt = Annotated[
    str,
    typer.Option(
        "--catalog",
        metavar="NAME",
        help="Which roles: 'default' (the bundled roles and any --data-dir pack) or 'onet' "
        "(only the O*NET occupations imported by `careercli data import-onet`).",
    ),
]


def complete_role(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of a role argument: the ids (with titles) that start with what is
    typed, from the catalog the command would use."""
    return _complete_ids(ctx, incomplete, lambda c: [(r.id, r.title) for r in c.roles.values()])


def complete_skill(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of a skill word (`jobs --search`): the catalog's skill ids, with
    their names, that start with what is typed."""
    return _complete_ids(ctx, incomplete, lambda c: [(s.id, s.name) for s in c.skills.values()])


def _complete_ids(
    ctx: typer.Context, incomplete: str, pairs: Callable[[Catalog], list[tuple[str, str]]]
) -> list[tuple[str, str]]:
    """The (id, label) pairs of the command's catalog whose id starts with what is typed, by
    id; none when the catalog cannot be loaded (run only when the shell asks)."""
    try:
        catalog = state(ctx).catalog()
    except CareerError:
        return []
    typed = incomplete.casefold()
    return sorted(p for p in pairs(catalog) if p[0].startswith(typed))


def complete_level(incomplete: str) -> list[str]:
    """Shell completion of a --level value: the four levels."""
    from careercli.common.vocab import LEVELS

    return [level for level in LEVELS if level.startswith(incomplete.casefold())]


def level_option(help_text: str) -> Any:
    """`--level/-l`, completing the four levels; `help_text` says what it filters."""
    return typer.Option("--level", "-l", help=help_text, autocompletion=complete_level)


def role_option(help_text: str) -> Any:
    """`--role/-r`, completing role ids; `help_text` says what it filters."""
    return typer.Option("--role", "-r", help=help_text, autocompletion=complete_role)


def parse_catalog(name: str) -> str:
    """A --catalog value, or exit 2 naming the valid ones."""
    from careercli.common.errors import UsageProblem, did_you_mean

    key = name.strip().lower().replace("*", "")
    if key not in CATALOGS:
        raise UsageProblem(
            f"--catalog: unknown catalog '{name}'; expected one of {', '.join(CATALOGS)}"
            + did_you_mean(name, CATALOGS)
        )
    return key


class AppState:
    """What the root command's options hold for every command (a plain class: a dataclass
    costs half a millisecond to create at every start-up)."""

    def __init__(self, data_dir: Path | None = None) -> None:
        self.data_dir = data_dir
        self._catalogs: dict[str, Catalog] = {}

    def catalog(self, which: str = "default") -> Catalog:
        """'default': the bundled roles and the user pack; 'onet': the imported O*NET pack's
        occupations alone; 'merged': both (what `show 15-2051.00` falls back to)."""
        if which not in self._catalogs:
            from careercli.catalog.loader import load_catalog
            from careercli.common.paths import user_pack_dir

            pack = user_pack_dir(str(self.data_dir) if self.data_dir else None)
            if which == "default":
                self._catalogs[which] = load_catalog(pack)
            else:
                from careercli.common.gc_pause import gc_paused, keep_for_good
                from careercli.onet.pack import imported_pack_dir

                onet = imported_pack_dir()
                # a pack's catalog (100,000 objects) lives until the command ends: frozen out
                # of the collector before it can walk it even once
                with gc_paused():
                    self._catalogs[which] = load_catalog(pack, onet=onet, onet_only=which == "onet")
                    keep_for_good()
        return self._catalogs[which]

    def catalog_for(self, names: list[str], which: str = "default") -> Catalog:
        """The catalog `which` when every name resolves in it; else, for the default catalog
        with an O*NET pack imported, the default catalog with the pack's occupations added,
        so that `show 15-2051.00` and `compare 15-2051.00 data-scientist` work as they are."""
        from careercli.catalog.lookup import find_role
        from careercli.onet.pack import CODE, has_pack, pack_dir

        if which != "default" or not has_pack(pack_dir()):
            return self.catalog(which)
        if not any(CODE.match(n.strip()) for n in names):  # a code goes straight to the pack
            catalog = self.catalog(which)
            if all(find_role(catalog, n) is not None for n in names):
                return catalog
        return self.catalog("merged")


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj
