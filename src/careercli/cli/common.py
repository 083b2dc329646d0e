"""What every command shares: error mapping, the loaded catalog, output options."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from typer._click.exceptions import ClickException, UsageError
from typer._click.utils import echo

from careercli.errors import EXIT_INTERRUPTED, CareerError

if TYPE_CHECKING:
    from careercli.models import Catalog

P = ParamSpec("P")
R = TypeVar("R")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (stable keys, schema_version).")]
MarkdownOpt = Annotated[bool, typer.Option("--markdown", help="Print Markdown instead of a table.")]


class UserFacingError(ClickException):
    """A CareerError on its way out: one line on stderr, the documented exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: Any = None) -> None:
        echo(f"careercli: error: {self.message}", err=True)


def _one_line_usage_error(self: UsageError, file: Any = None) -> None:
    """Click prints usage, a hint and the error on four lines; we print one."""
    where = self.ctx.command_path if self.ctx is not None else "careercli"
    hint = f" (see '{where} --help')" if self.ctx is not None else ""
    echo(f"careercli: error: {self.format_message()}{hint}", err=True)


UsageError.show = _one_line_usage_error  # type: ignore[method-assign]


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Map CareerError to one stderr line and its exit code; Ctrl-C to 130, no traceback."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except CareerError as exc:
            raise UserFacingError(exc.message, exc.exit_code) from None
        except KeyboardInterrupt:
            echo("careercli: interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None

    return wrapper


@dataclass
class AppState:
    data_dir: Path | None = None
    _catalog: Catalog | None = None

    def catalog(self) -> Catalog:
        if self._catalog is None:
            from careercli.loader import load_catalog
            from careercli.paths import user_pack_dir

            pack = user_pack_dir(str(self.data_dir) if self.data_dir else None)
            self._catalog = load_catalog(pack)
        return self._catalog


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj
