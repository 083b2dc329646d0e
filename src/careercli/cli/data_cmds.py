"""`data validate`: check a data pack (or one file) exactly as careercli loads it;
`data import-onet`: turn the O*NET database's text tables into a pack in user state."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careercli.cli.common import JsonOpt, handles_errors
from careercli.common.envelope import envelope

if TYPE_CHECKING:
    from careercli.catalog.models import Catalog

data_app = typer.Typer(help="Check and manage data packs; import the O*NET database.", no_args_is_help=True)


@data_app.command("validate")
@handles_errors
def validate(
    path: Annotated[
        Path,
        typer.Argument(
            readable=False,
            help="A data pack folder, or one of its files: a role, skills.yaml, industries.yaml, "
            "jobs.yaml or exchange_rates.yaml.",
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Validate a data pack or one of its files; exit 1 with the file and field if it is wrong.

    Examples:

    \b
      careercli data validate ~/my-pack
      careercli data validate ~/my-pack/roles/ml-platform-lead.yaml
    """
    from careercli.cli.console import emit_json
    from careercli.common.errors import DataError

    if not path.exists():
        raise DataError(f"{path}: no such file or folder")
    catalog = _validate(path)
    if as_json:
        emit_json(envelope(path=str(path), valid=True, roles=len(catalog.roles), skills=len(catalog.skills)))
    else:
        typer.echo(
            f"{path}: valid ({len(catalog.roles)} roles, {len(catalog.skills)} skills in the merged catalog)"
        )


def _validate(path: Path) -> Catalog:
    """Every file a pack can hold, read as careercli reads it: roles, skills and industries
    (the catalog), then jobs.yaml (its roles must be in that catalog) and the exchange rates."""
    from careercli.catalog.loader import load_catalog, validate_path
    from careercli.common.currency import RATES_FILE, parse_rates
    from careercli.common.yamlio import load_yaml
    from careercli.jobs.model import parse_jobs

    if path.is_dir():
        catalog = validate_path(path)
        folder = path
    elif path.name in {"jobs.yaml", RATES_FILE}:
        catalog = load_catalog(
            path.parent if path.parent.joinpath("roles").is_dir() else None, use_cache=False
        )
        folder = None
    else:
        return validate_path(path)
    for name in ("jobs.yaml", RATES_FILE):
        file = folder / name if folder is not None else path if path.name == name else None
        if file is None or not file.is_file():
            continue
        if name == RATES_FILE:
            parse_rates(file, load_yaml(file))
        else:
            parse_jobs(file, load_yaml(file), catalog)
    return catalog


@data_app.command("import-onet")
@handles_errors
def import_onet(
    folder: Annotated[
        Path,
        typer.Argument(
            readable=False,
            metavar="DIR",
            help="A folder of O*NET text tables, release 29.x (the 'Text' download, e.g. db_29_2_text).",
            show_default=False,
        ),
    ],
    release: Annotated[
        str | None,
        typer.Option(
            "--release",
            metavar="X.Y",
            show_default=False,
            help="The O*NET release, when DIR has no 'Read Me.txt' saying it (e.g. 29.2).",
        ),
    ] = None,
    bls: Annotated[
        Path | None,
        typer.Option(
            "--bls",
            readable=False,
            metavar="DIR",
            show_default=False,
            help="A folder with the BLS tables ep_table_1_2_2024_34.csv and oews_national_M2024.csv, "
            "to join US wages and the 2024-34 projection by SOC (default: found beside DIR, if there).",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Import the O*NET database as a pack of about 1,000 occupations (replaces an earlier import).

    Reads Occupation Data, Alternate Titles, Interests, Job Zones, Job Zone Reference,
    Education, Training, and Experience (with its Categories), Technology Skills, Skills,
    Knowledge, Work Values, Task Statements, Related Occupations and the Content Model
    Reference, joins BLS wages and projections by SOC code, and writes into user state.
    Then `careercli quiz --catalog onet` ranks every occupation, and `careercli show
    15-2051.00` shows one. O*NET is CC BY 4.0: its credit
    line is shown wherever its data is. docs/data-packs.md says what comes from where.

    Examples:

    \b
      careercli data import-onet ~/Downloads/db_29_2_text
      careercli data import-onet ./onet --release 29.2 --json
      careercli data import-onet ./onet-29.2 --bls ./bls
    """
    import re
    import sys

    from careercli.catalog.loader import load_catalog
    from careercli.cli.console import console, emit_json
    from careercli.onet.importer import import_tables, summary, write_pack
    from careercli.onet.pack import pack_dir

    if release is not None and re.fullmatch(r"\d{1,3}\.\d{1,3}", release.strip()) is None:
        from careercli.common.errors import UsageProblem

        raise UsageProblem(f"--release: '{release}' is not an O*NET release; expected X.Y, e.g. 29.2")
    # the bundled skills, not a --data-dir pack's: the pack must load with or without it
    catalog = load_catalog()
    err = console(stderr=True)
    if sys.stderr.isatty() and not as_json:
        with err.status("Reading the O*NET tables...") as status:
            pack = import_tables(
                folder, catalog, release, progress=lambda text: status.update(text + "..."), bls=bls
            )
    else:
        pack = import_tables(folder, catalog, release, bls=bls)
    written = write_pack(pack, pack_dir())
    counts = summary(pack)
    source = pack["source"]
    if as_json:
        emit_json(
            envelope(
                path=str(written.parent),
                file=str(written),
                release=source["release"],
                **counts,
                credit=source["credit"],
            )
        )
        return
    out = console()
    out.print(
        f"Imported {counts['occupations']:,} occupations from the O*NET {source['release']} Database "
        f"into {written.parent}:"
    )
    out.print(
        f"  {counts['with_interests']:,} with interests (RIASEC), {counts['with_job_zone']:,} with a job "
        f"zone, {counts['with_education']:,} with education, {counts['with_experience']:,} with an "
        f"experience level ({counts['experience_from_job_zone']:,} of them from the job zone), "
        f"{counts['with_mapped_skills']:,} with technology skills mapped to careercli "
        f"skills ({counts['with_technologies']:,} list technology skills)."
    )
    out.print(
        f"  {counts['with_ratings']:,} rated on O*NET's {counts['elements']} skills and knowledge areas "
        f"({counts['ratings_from_related']:,} more take their related occupations' ratings), "
        f"{counts['with_work_values']:,} with work values, {counts['with_tasks']:,} with tasks, "
        f"{counts['with_related']:,} with related occupations."
    )
    if pack.get("bls_from"):
        out.print(
            f"  US wages (BLS OEWS May 2024) for {counts['with_us_wages']:,} and the 2024-34 projection for "
            f"{counts['with_projection']:,}, joined by SOC code from {pack['bls_from']}."
        )
    else:
        out.print("  No BLS tables beside DIR: no US wages or projections (pass --bls DIR).")
    out.print(
        "Next: careercli quiz --catalog onet · careercli show 15-2051.00 · careercli roles --catalog onet"
    )
    out.print(source["credit"], style="dim")
