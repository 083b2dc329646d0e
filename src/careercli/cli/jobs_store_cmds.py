"""`jobs import`, `jobs fetch`, `jobs sources`, `jobs clear`: the local job store.

Registered on `jobs_cmds.jobs_app` by `register`; sqlite3 and the readers are imported only
inside these commands.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careercli.cli.common import JsonOpt, handles_errors, state, watch_sigint
from careercli.common.envelope import envelope
from careercli.common.errors import CareerError, Interrupted

if TYPE_CHECKING:
    from careercli.jobs.importer import Dialect, ParsedFile
    from careercli.jobs.record import RowMaker

PROGRESS_ROWS = 5000  # files with more rows show a progress bar (on a terminal)
SHOWN_REJECTS = 5
NARROW = 60  # below this many columns `jobs sources` prints blocks, not a table
_SOURCE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")


def register(app: typer.Typer) -> None:
    app.command("import")(import_jobs)
    app.command("fetch")(fetch_jobs)
    app.command("sources")(list_sources)
    app.command("clear")(clear_jobs)
    app.command("reindex")(reindex_jobs)


@handles_errors
def import_jobs(
    ctx: typer.Context,
    files: Annotated[
        list[Path], typer.Argument(readable=False, help="CSV, TSV, JSON, JSON Lines or feed JSON files.")
    ],
    maps: Annotated[
        list[str] | None,
        typer.Option("--map", help="field=column for a column not recognised by name (repeatable)."),
    ] = None,
    rejects: Annotated[
        Path | None,
        typer.Option(
            "--rejects",
            help="Write the rejected rows here (.csv, else JSON Lines).",
            show_default=False,
            readable=False,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", help="Name the source [default: the feed, or the file name].", show_default=False
        ),
    ] = None,
    currency: Annotated[
        str | None,
        typer.Option(
            "--currency",
            help='Currency of salaries that name none ("70K–75K a year"); without it they stay empty.',
            show_default=False,
        ),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter",
            help="Cell separator of CSV files when detection is wrong: ',', ';', '|' or tab.",
            show_default=False,
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Text encoding of the files, e.g. latin-1, cp1252 [default: UTF-8].",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Import job files into the local job store; every row is imported, a duplicate or rejected.

    Columns are recognised by common names (title, Job Title, company_name, job_location,
    Salary Estimate, job_level, publication_date, job_link, ...); --map covers the rest.
    Row numbers count records: row 1 is the first job after a CSV header. Importing the
    same file again adds nothing. Fields for --map: title, company, location, salary,
    description, level, type, posted, url, tags, remote, id.

    Examples:

    \b
      careercli jobs import glassdoor.csv linkedin.csv
      careercli jobs import remotive.json --json
      careercli jobs import export.tsv --map title="Position Name" --rejects rejects.csv
      careercli jobs import excel-export.csv --delimiter ";" --encoding cp1252
    """
    from careercli.common.currency import load_rates
    from careercli.common.errors import UsageProblem
    from careercli.jobs.importer import Dialect, parse_delimiter, parse_encoding, parse_maps
    from careercli.jobs.record import RowMaker
    from careercli.jobs.store import store_path

    field_map = parse_maps(maps or [])
    dialect = Dialect(
        parse_delimiter(delimiter) if delimiter is not None else None,
        parse_encoding(encoding) if encoding is not None else "utf-8-sig",
    )
    if source is not None and not _SOURCE.match(source.strip().lower()):
        raise UsageProblem(f"--source: '{source}' is not a name like 'glassdoor' (letters, digits, . _ -)")
    app_state = state(ctx)
    code = load_rates(app_state.data_dir).parse_code(currency) if currency else None
    maker = RowMaker(app_state.catalog(), code)
    summary, parsed = _import(files, maker, field_map, rejects, source, dialect)
    if code is not None:  # a re-import with --currency fills the salaries the first left empty
        from careercli.jobs.store import fill_salaries

        summary["salaries_filled"] = fill_salaries(j for f in parsed for _, j in f.jobs)
    _read_stale(app_state.catalog())
    if as_json:
        from careercli.cli.console import emit_json

        emit_json(summary)
        return
    _print_summary(summary, rejects, maker.no_currency, store_path())


def _import(
    files: list[Path],
    maker: RowMaker,
    field_map: dict[str, str],
    rejects: Path | None,
    source: str | None,
    dialect: Dialect,
) -> tuple[dict[str, Any], list[ParsedFile]]:
    """Read every file, write the rejects, then store all the files' jobs in one transaction."""
    from careercli.jobs.store import Batch, add_batches

    with _cancellable("import"), _Progress() as bar:
        parsed = _read_all(files, maker, field_map, bar, dialect)
        if rejects is not None:
            _write_rejects(rejects, parsed)
        batches = [
            Batch(_source_name(source, f, Path(f.path)), "import", f.path, f.rows, [j for _, j in f.jobs])
            for f in parsed
        ]
        total = sum(len(b.jobs) for b in batches)
        added = add_batches(batches, progress=bar.step("storing", total) if total > PROGRESS_ROWS else None)
    return _summary(parsed, added, batches), parsed


def _read_all(
    files: list[Path], maker: RowMaker, field_map: dict[str, str], bar: _Progress, dialect: Dialect
) -> list[ParsedFile]:
    """Every file read before any is stored: one that cannot be read stops the import, and
    the message says that nothing was imported."""
    from careercli.common.errors import DataError
    from careercli.jobs.importer import read_file

    parsed: list[ParsedFile] = []
    for path in files:
        try:
            parsed.append(read_file(path, maker, field_map, bar.step(f"reading {path.name}"), dialect))
        except DataError as exc:
            if len(files) == 1:
                raise
            others = len(files) - 1
            raise type(exc)(
                f"{exc.message}; nothing was imported (the {others} other file{'s' if others != 1 else ''} "
                "neither: fix or leave out this one)"
            ) from None
    return parsed


@contextlib.contextmanager
def _cancellable(what: str) -> Iterator[None]:
    """Ctrl-C while reading or storing: "import cancelled", exit 130. The store is written in
    one transaction, so a cancelled import or fetch leaves it exactly as it was."""
    message = f"{what} cancelled; the job store is unchanged"
    with watch_sigint() as interrupted:
        try:
            yield
        except KeyboardInterrupt:
            raise Interrupted(message) from None
        except CareerError:
            if interrupted:  # Ctrl-C inside SQLite comes out as a store error
                raise Interrupted(message) from None
            raise


def _source_name(option: str | None, parsed: ParsedFile, path: Path) -> str:
    if option:
        return option.strip().lower()
    if parsed.feed:
        return parsed.feed
    slug = re.sub(r"[^a-z0-9._-]+", "-", path.stem.lower()).strip("-._")[:40]
    return slug or "import"


def _summary(parsed: list[ParsedFile], added: list[int], batches: list[Any]) -> dict[str, Any]:
    files = []
    for f, n, b in zip(parsed, added, batches, strict=True):
        files.append(
            {
                "path": f.path,
                "source": b.source,
                "rows": f.rows,
                "imported": n,
                "duplicates": len(f.jobs) - n,
                "rejected": [{"row": row, "reason": reason} for row, reason, _ in f.rejected],
                "dropped": f.dropped,
            }
        )
    return envelope(files=files)


def _print_summary(summary: dict[str, Any], rejects: Path | None, no_currency: int, store: Path) -> None:
    out = []
    for f in summary["files"]:
        bad = f["rejected"]
        out.append(
            f"{f['path']}: {f['rows']} row{'s' if f['rows'] != 1 else ''}: {f['imported']} imported, "
            f"{f['duplicates']} duplicate{'s' if f['duplicates'] != 1 else ''}, {len(bad)} rejected "
            f"(source '{f['source']}')"
        )
        out += [f"  row {r['row']}: {r['reason']}" for r in bad[:SHOWN_REJECTS]]
        if f["dropped"]:
            kept = "; ".join(f"{n} {why}" for why, n in f["dropped"].items())
            out.append(f"  imported with a field left empty: {kept}")
        if len(bad) > SHOWN_REJECTS:
            more = f"  ... and {len(bad) - SHOWN_REJECTS} more"
            out.append(more + (f" (all in {rejects})" if rejects else "; --rejects FILE writes them all"))
    if no_currency:
        out.append(
            f"{no_currency} salar{'ies' if no_currency != 1 else 'y'} named no currency and "
            "stayed empty; --currency CODE reads them (importing the file again with it fills "
            "them in)."
        )
    filled = summary.get("salaries_filled")
    if filled:
        out.append(f"{filled} salar{'ies' if filled != 1 else 'y'} filled in on jobs imported before.")
    if rejects is not None:
        out.append(f"Rejected rows written to {rejects}.")
    out.append(f"Job store: {store}. `careercli jobs` lists the jobs; `careercli jobs sources` the sources.")
    typer.echo("\n".join(out))


def _write_rejects(path: Path, parsed: list[ParsedFile]) -> None:
    """The rejected rows, written atomically: CSV when the name ends in .csv, else JSON Lines."""
    import csv
    import io
    import json

    from careercli.common.untrusted import csv_cell, escape_json
    from careercli.jobs.importer import iter_rejects

    rows = list(iter_rejects(parsed))
    buf = io.StringIO()
    if path.suffix.lower() == ".csv":
        columns: dict[str, None] = {}
        for r in rows:
            if isinstance(r["record"], dict):
                columns.update(dict.fromkeys(str(k) for k in r["record"]))
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([csv_cell(c) for c in ("file", "row", "reason", *columns)])
        for r in rows:
            rec = r["record"] if isinstance(r["record"], dict) else {}
            cells = [r["file"], str(r["row"]), r["reason"], *(_cell(rec.get(c)) for c in columns)]
            writer.writerow([csv_cell(cell) for cell in cells])
    else:
        for r in rows:
            buf.write(escape_json(json.dumps(r, ensure_ascii=False, default=str)) + "\n")
    from careercli.common.atomic_write import write_text_atomic

    write_text_atomic(path, buf.getvalue(), "cannot write the rejected rows", private=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)


class _Progress:
    """A Rich progress bar on stderr for big files, only when stderr is a terminal."""

    def __init__(self) -> None:
        import sys

        self.enabled = sys.stderr.isatty()
        self.bar: Any = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def step(self, label: str, total: int | None = None) -> Any:
        """A callback taking the count done so far, or None when no bar should show."""
        if not self.enabled:
            return None
        task: list[Any] = []

        def update(done: int) -> None:
            if not task:
                if done < PROGRESS_ROWS and total is None:
                    return
                self._start()
                task.append(self.bar.add_task(label, total=total))
            self.bar.update(task[0], completed=done)

        return update

    def _start(self) -> None:
        if self.bar is None:
            from rich.progress import Progress

            from careercli.cli.console import console

            self.bar = Progress(console=console(stderr=True), transient=True)
            self.bar.start()


@handles_errors
def fetch_jobs(
    ctx: typer.Context,
    source: Annotated[str, typer.Option("--source", help="The feed: remotive, arbeitnow or remoteok.")],
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Words to search the feed for.")
    ] = None,
    category: Annotated[
        str | None, typer.Option("--category", help="Remotive category, e.g. software-dev or data.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Fetch at most this many.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Fetch a public job feed (Remotive, Arbeitnow or Remote OK) into the local job store.

    The feeds are free and need no key; their terms ask that each job links back to them
    and names them as the source, so the listing keeps each job's url and source.
    Remotive asks for at most a few fetches a day.

    Examples:

    \b
      careercli jobs fetch --source remotive --category data --limit 50
      careercli jobs fetch --source arbeitnow --search python
      careercli jobs fetch --source remoteok --search data
    """
    from careercli.jobs.fetch import fetch, parse_feed
    from careercli.jobs.record import RowMaker
    from careercli.jobs.store import Batch, add_batches

    feed = parse_feed(source)
    maker = RowMaker(state(ctx).catalog())
    with _cancellable("fetch"):
        got = fetch(feed, maker, search, category, limit)
        jobs = [j for _, j in got.parsed.jobs]
        (added,) = add_batches([Batch(feed.name, "fetch", got.url, got.parsed.rows, jobs)])
    _read_stale(state(ctx).catalog())
    summary = _summary([got.parsed], [added], [Batch(feed.name, "fetch", got.url, 0, [])])
    summary["attribution"] = feed.attribution
    if as_json:
        from careercli.cli.console import emit_json

        emit_json(summary)
        return
    f = summary["files"][0]
    typer.echo(
        f"{feed.title}: {f['rows']} job{'s' if f['rows'] != 1 else ''} fetched: {f['imported']} new, "
        f"{f['duplicates']} already stored, {len(f['rejected'])} rejected."
    )
    typer.echo(feed.attribution)


@handles_errors
def list_sources(as_json: JsonOpt = False) -> None:
    """List the sources in the local job store: jobs stored, last import or fetch.

    Examples:

    \b
      careercli jobs sources
      careercli jobs sources --json
    """
    from careercli.jobs.store import sources, store_path

    found = sources()
    if as_json:
        from careercli.cli.console import emit_json

        emit_json(
            envelope(
                store=str(store_path()),
                sources=[
                    {
                        "source": s.source,
                        "jobs": s.jobs,
                        "last": s.last_kind,
                        "at": s.last_at,
                        "origin": s.last_origin,
                    }
                    for s in found
                ],
            )
        )
        return
    if not found:
        typer.echo("The job store is empty: `careercli jobs import FILE` or `careercli jobs fetch` fill it.")
        return
    from rich import box
    from rich.table import Table

    from careercli.cli.console import console

    out = console()
    if out.width < NARROW:  # a four-column table would cut every name: one block per source
        for s in found:
            last = f"{s.last_kind or '-'} {(s.last_at or '')[:16]}"
            out.print(f"{s.source}: {s.jobs:,} job{'s' if s.jobs != 1 else ''}, last {last}", overflow="fold")
            out.print(f"  from {s.last_origin or '-'}", overflow="fold")
        out.print(f"Job store: {store_path()}", style="dim", overflow="fold")
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Source")
    table.add_column("Jobs", justify="right")
    table.add_column("Last", no_wrap=True)
    table.add_column("From", overflow="fold")
    for s in found:
        table.add_row(
            s.source, f"{s.jobs:,}", f"{s.last_kind or '-'} {(s.last_at or '')[:16]}", s.last_origin or "-"
        )
    out.print(table)
    out.print(f"Job store: {store_path()}", style="dim", overflow="fold")


def _read_stale(catalog: Any) -> None:
    """Postings stored before careercli read what they ask: read now, beside a write anyway."""
    from careercli.jobs.store import reindex, stale_count

    if stale_count():
        reindex(catalog, only_stale=True)


@handles_errors
def reindex_jobs(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Read again what every stored posting asks for: skills, years, degree.

    Run it after the skill catalog changed or a data pack added skills or aliases: the
    job store keeps what each posting asked as it was read at import or fetch.

    Examples:

    \b
      careercli jobs reindex
      careercli --data-dir my-pack jobs reindex --json
    """
    from careercli.jobs.store import reindex, store_path

    catalog = state(ctx).catalog()
    with _cancellable("reindex"), _Progress() as bar:
        done = reindex(catalog, progress=bar.step("reading", None))
    if as_json:
        from careercli.cli.console import emit_json

        emit_json(envelope(store=str(store_path()), reindexed=done, skills=len(catalog.skills)))
        return
    typer.echo(
        f"Read {done:,} stored posting{'s' if done != 1 else ''} again for the {len(catalog.skills)} skills "
        f"of the catalog. Job store: {store_path()}"
    )


@handles_errors
def clear_jobs(
    source: Annotated[str | None, typer.Option("--source", help="Remove only this source's jobs.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Remove jobs from the local job store: all of them, or one source's.

    Examples:

    \b
      careercli jobs clear --source glassdoor
      careercli jobs clear
    """
    from careercli.common.errors import UsageProblem, did_you_mean
    from careercli.jobs.store import clear, source_names

    name = source.strip().lower() if source is not None else None
    if name is not None:
        known = source_names()
        if name not in known:
            have = f"; the store has {', '.join(known)}" if known else "; the store is empty"
            raise UsageProblem(f"--source: no source '{source}'{have}{did_you_mean(name, known)}")
    removed = clear(name)
    if as_json:
        from careercli.cli.console import emit_json

        emit_json(envelope(source=name, removed=removed))
        return
    where = f" from source '{name}'" if name else ""
    typer.echo(f"Removed {removed:,} job{'s' if removed != 1 else ''}{where}.")
