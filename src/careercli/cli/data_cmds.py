"""`data validate`: check a data pack (or one file) exactly as careercli loads it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careercli.cli.common import JsonOpt, handles_errors

data_app = typer.Typer(help="Check and manage data packs.", no_args_is_help=True)


@data_app.command("validate")
@handles_errors
def validate(
    path: Annotated[
        Path, typer.Argument(help="A data pack folder, or one role/skills/industries YAML file.")
    ],
    as_json: JsonOpt = False,
) -> None:
    """Validate a data pack or one of its files; exit 1 with the file and field if it is wrong.

    Examples:

    \b
      careercli data validate ~/my-pack
      careercli data validate ~/my-pack/roles/ml-platform-lead.yaml
    """
    from careercli.errors import DataError
    from careercli.loader import validate_path
    from careercli.output import emit_json

    if not path.exists():
        raise DataError(f"{path}: no such file or folder")
    catalog = validate_path(path)
    if as_json:
        emit_json(
            {
                "schema_version": 1,
                "path": str(path),
                "valid": True,
                "roles": len(catalog.roles),
                "skills": len(catalog.skills),
            }
        )
    else:
        typer.echo(
            f"{path}: valid ({len(catalog.roles)} roles, {len(catalog.skills)} skills in the merged catalog)"
        )
