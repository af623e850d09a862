"""The ``tidings`` command line. Data goes to stdout (or files); progress and summaries
to stderr. Exit codes: 0 ok, 1 when any input was rejected, 2 on usage errors."""

from __future__ import annotations

import logging
import os
import sys
from enum import StrEnum
from operator import itemgetter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from tidings.cli.common import (
    Columns,
    ConfigOpt,
    DbOpt,
    Fmt,
    LimitOpt,
    ShowFmt,
    emit,
    emit_text,
    err,
    existing_db,
    fail,
    fetch_limit,
    json_line,
    load_options,
    open_store,
    out,
    print_error,
    row_limit,
    store_write_errors,
    terminal_safe,
)
from tidings.cli.extract import register as register_extract_command
from tidings.cli.facts import register as register_fact_commands
from tidings.config import Options
from tidings.errors import TidingsError
from tidings.run.ingest import IngestReport, ingest
from tidings.store.sqlite import Store
from tidings.version import tidings_version

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
register_fact_commands(app)
register_extract_command(app)


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"tidings {tidings_version()}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="print the version and exit")
    ] = False,
) -> None:
    """Data goes to stdout (or files); progress and summaries to stderr."""


def print_summary(report: IngestReport) -> None:
    rate = report.stored / report.seconds if report.seconds else 0.0
    wps = report.words / report.seconds if report.seconds else 0.0
    err.print(
        f"[bold]{report.stored}[/bold] stored, {report.skipped} skipped (resume), "
        f"{sum(report.rejected.values())} rejected of {report.seen} inputs "
        f"in {report.seconds:.1f}s ({rate:.1f} articles/s, {wps:.0f} words/s)"
    )
    if report.facts:
        err.print("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(report.facts.items())))
    for code, n in sorted(report.rejected.items()):
        err.print(f"  rejected [yellow]{code}[/yellow]: {n}")
    for code, n in sorted(report.facts_skipped.items()):
        err.print(f"  facts skipped (article stored) [yellow]{code}[/yellow]: {n}")
    for where, n in sorted(report.recovered.items()):
        err.print(f"  recovered inside articles (part skipped) [yellow]{where}[/yellow]: {n}")


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="files, directories, globs, URLs, or - for stdin")],
    db: DbOpt = None,
    published: Annotated[str | None, typer.Option(help="publication date to assume (ISO) when a page has none")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="skip inputs already in the ledger")] = False,
    input_format: Annotated[str | None, typer.Option("--input-format", help="auto|html|text|jsonl|feed|warc")] = None,
    no_facts: Annotated[bool, typer.Option("--no-facts", help="store articles only, no NLP")] = False,
    no_fetch: Annotated[
        bool,
        typer.Option("--no-fetch", help="no network: feed teasers stay title + summary + link (fetch.enabled = false)"),
    ] = False,
    batch_size: Annotated[int | None, typer.Option(help="articles per transaction")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package (auto picks the best installed)")] = None,
    workers: Annotated[int, typer.Option(min=1, help="processes for extraction and NLP")] = 1,
    engine: Annotated[str, typer.Option(help="local, or dask (one task per input shard)")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address; default: a LocalCluster with --workers")
    ] = None,
    parquet_out: Annotated[Path, typer.Option(help="with --engine dask: where tasks write Parquet partitions")] = Path(
        "tidings-parquet"
    ),
    follow_symlinks: Annotated[
        bool, typer.Option("--follow-symlinks", help="follow symlinks in input directories that point outside them")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Read pages into the store: extract clean articles and their facts."""
    from tidings.sources.sniff import KINDS

    if input_format is not None and input_format not in KINDS:
        fail(f"--input-format must be one of {', '.join(KINDS)}")
    if published is not None:
        from tidings.run.batch import parse_date

        if parse_date(published) is None:
            fail(f"--published must be an ISO date, got {published!r}")
    options = load_options(
        config,
        store__db=db,
        input__input_format=input_format,
        store__batch_size=batch_size,
        nlp__facts=False if no_facts else None,
        fetch__enabled=False if no_fetch else None,
        nlp__model=model,
        input__published=published,
        input__follow_symlinks=True if follow_symlinks else None,
    )
    if engine not in ("local", "dask"):
        fail("--engine must be local or dask")
    if engine == "dask":
        with store_write_errors("ingest"):
            code = ingest_dask(paths, options, scheduler, workers, parquet_out, published)
        raise typer.Exit(code)
    from tidings.cli.progress import describe, done, ingest_progress, input_total

    total = input_total(paths, options.input.input_format)
    with store_write_errors("ingest"), ingest_progress(err) as progress:
        task = progress.add_task("ingesting", total=total)

        def on_batch(r: IngestReport) -> None:
            progress.update(task, completed=done(r), description=describe(r))

        report = ingest(paths, options=options, resume=resume, on_batch=on_batch, published=published, workers=workers)
    print_summary(report)
    raise typer.Exit(report.exit_code)


def ingest_dask(
    paths: list[str],
    options: Options,
    scheduler: str | None,
    workers: int,
    out_dir: Path,
    published: str | None,
) -> int:
    from tidings.run.dask import merge_into, run_dask

    client = None
    cluster = None
    if scheduler is None:
        from distributed import Client, LocalCluster

        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)  # type: ignore[no-untyped-call]
    merged = 0
    # each task's partition is merged into the store as soon as it is written, while other
    # tasks run: the one writer keeps pace with the workers instead of waiting for all of them
    with Store.open(options.store.db) as store:
        store.begin_run("ingest --engine dask", options, None)

        def on_result(result: dict[str, Any]) -> None:
            nonlocal merged
            merged += merge_into(store, out_dir, [result["key"]])

        try:
            with err.status("running Dask tasks"):
                results = run_dask(
                    paths, str(out_dir), options, scheduler=scheduler, published=published, client=client,
                    on_result=on_result,
                )  # fmt: skip
        finally:
            store.end_run()
            if client is not None:
                client.close()  # type: ignore[no-untyped-call]
            if cluster is not None:
                cluster.close()
    err.print(f"{len(results)} tasks -> {out_dir}; merged {merged} ledger rows into {options.store.db}")
    with Store.open(options.store.db, readonly=True) as store:
        rejected = store.rejection_counts()
    for code, count in sorted(rejected.items()):
        err.print(f"  rejected {code}: {count}")
    return 1 if rejected else 0


@app.command("merge")
def merge_cmd(
    parquet_dir: Annotated[Path, typer.Argument(help="directory written by --engine dask")],
    db: DbOpt = None,
) -> None:
    """Upsert Parquet partitions into the SQLite store (idempotent)."""
    from tidings.run.dask import merge

    if not (parquet_dir / "ledger").is_dir():
        fail(f"{parquet_dir} has no ledger/ partitions")
    with store_write_errors("merge"):
        n = merge(parquet_dir, db or Options().store.db)
    err.print(f"merged {n} ledger rows")


@app.command("query")
def query_cmd(
    parquet_dir: Annotated[Path, typer.Argument(help="directory of Parquet tables (articles, facts, ledger)")],
    sql: Annotated[str, typer.Argument(help="DuckDB SQL over the views articles, facts, ledger")],
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table,
) -> None:
    """Run read-only DuckDB SQL over Parquet partitions, for analyses beyond one SQLite file."""
    from tidings.run.dask import query

    cols, rows = query(parquet_dir, sql)
    records = (dict(zip(cols, row, strict=True)) for row in rows)
    emit(records, fmt.value, [(c, itemgetter(c)) for c in cols])


@app.command("reannotate")
def reannotate_cmd(
    db: DbOpt = None,
    stage: Annotated[
        str | None, typer.Option(help="only this stage's facts: its name, short name (events) or fact kind")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package (auto picks the best installed)")] = None,
    config: ConfigOpt = None,
) -> None:
    """Recompute the facts of stored articles that another stage version or spaCy model made
    (idempotent: a second run finds nothing to do; resumable: one transaction per batch)."""
    from tidings.run.reannotate import ReannotateReport, reannotate

    options = load_options(config, store__db=existing_db(db), nlp__model=model)
    with (
        store_write_errors("reannotate"),
        Store.open(options.store.db) as store,
        Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err
        ) as progress,
    ):
        task = progress.add_task("re-annotating", total=None)

        def on_batch(r: ReannotateReport) -> None:
            progress.update(task, total=r.stale, completed=r.done)

        try:
            report = reannotate(store, options, stage=stage, on_batch=on_batch)
        except TidingsError as exc:
            fail(str(exc))
    err.print(
        f"[bold]{report.done}[/bold] of {report.stale} stale articles re-annotated "
        f"({', '.join(report.kinds)}) in {report.seconds:.1f}s"
    )


@app.command("watch")
def watch_cmd(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs")],
    every: Annotated[str, typer.Option(help="poll interval: 30s, 15m, 2h, 1d (at least 60s)")] = "15m",
    rounds: Annotated[int | None, typer.Option(help="stop after this many polls (default: run until stopped)")] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Poll feeds and ingest only items not seen before (restarts remember, via the ledger)."""
    from tidings.run.batch import Annotator
    from tidings.run.ingest import _make_fetcher, ingest_items
    from tidings.sources.watch import FeedPoller, parse_every, watch

    options = load_options(config, store__db=db)
    interval = parse_every(every)
    rejected = 0
    with store_write_errors("watch"), Store.open(options.store.db) as store, _make_fetcher(options) as fetcher:
        if fetcher is None:
            fail("fetching is disabled in the options ([fetch] enabled = false)")
        annotator = Annotator(options) if options.nlp.facts else None

        def seen(key: str) -> bool:
            return any(store.ledger_has_origin(f"{url}#{key}") for url in feeds)

        def on_items(url: str, items: list[Any]) -> None:
            nonlocal rejected
            report = ingest_items(items, store, options, annotator=annotator, fetcher=fetcher)
            rejected += sum(report.rejected.values())
            err.print(f"{url}: {report.stored} new, {sum(report.rejected.values())} rejected")

        watch(feeds, FeedPoller(fetcher, seen=seen), interval, on_items, rounds=rounds)
    raise typer.Exit(1 if rejected else 0)


@app.command("articles")
def articles_cmd(
    db: DbOpt = None,
    search: Annotated[str | None, typer.Option(help="full-text search over title and text")] = None,
    limit: LimitOpt = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table,
) -> None:
    """List stored articles, newest first (best match first with --search)."""
    shown = row_limit(limit, fmt.value)
    with open_store(db) as store:
        rows = list(store.articles(search=search, limit=fetch_limit(shown)))
    columns: Columns = [
        ("id", lambda r: r["id"]),
        ("published", lambda r: (r["published"] or "")[:10]),
        ("site", lambda r: r["site"]),
        ("title", lambda r: (r["title"] or "")[:70]),
        ("chars", lambda r: r["chars"]),
    ]
    emit(rows, fmt.value, columns, limit=shown)


@app.command("show")
def show_cmd(
    article_id: Annotated[str, typer.Argument(help="article id (or a unique prefix)")],
    db: DbOpt = None,
    fmt: Annotated[ShowFmt, typer.Option("--format")] = ShowFmt.text,
) -> None:
    """Show one article."""
    with open_store(db) as store:
        article = store.article(article_id)
    if article is None:
        fail(f"no article {article_id!r}", 1)
        return
    if fmt is ShowFmt.json:
        sys.stdout.write(json_line(article.to_dict(), indent=2) + "\n")
        return
    # scraped text is data, never rich markup
    out.print(article.title or "(untitled)", style="bold", markup=False)
    meta = [
        article.published or "no date",
        article.site or "",
        article.section or "",
        ", ".join(article.authors),
    ]
    out.print(" | ".join(m for m in meta if m), style="dim", markup=False)
    if article.wire:
        out.print("wire: " + ", ".join(article.wire), style="dim", markup=False)
    for cap in article.captions:
        credit = f" ({cap.credit})" if cap.credit else ""
        out.print(f"caption: {cap.text}{credit}", style="dim", markup=False)
    out.print()
    for p in article.paragraphs:
        out.print(p.text, style="bold" if p.kind == "heading" else None, markup=False)
        out.print()


@app.command("export")
def export_cmd(
    output: Annotated[str, typer.Option("-o", "--output", help="file to write (atomically), or - for standard output")],
    table: Annotated[
        str, typer.Option(help="articles, a fact kind (entities, quotes, events, ...), or mentions (gdelt)")
    ] = "articles",
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl|csv|parquet; events also gdelt|plover|polecat; mentions gdelt")
    ] = "jsonl",
    all_events: Annotated[
        bool, typer.Option("--all-events", help="gdelt: include planned/hypothetical/negated/alleged events")
    ] = False,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            help="gdelt/plover/polecat: only events the detector gives at least this probability of being real; "
            "default: the shipped detector's export threshold, chosen on the dev gold for precision first "
            "(0 exports every stored event: those already passed the ingest's [events] min_confidence)"
        ),
    ] = None,
    db: DbOpt = None,
) -> None:
    """Export a table to JSONL, CSV or Parquet; events also to GDELT 2.0 TSV, PLOVER JSONL in
    POLECAT's field names, or POLECAT TSV; --table mentions --format gdelt: GDELT 2.0 Mentions.
    Only a regular file or a new path is written (a FIFO, device, directory or symlink is
    refused, exit 2); an overwritten file keeps its mode; - writes to standard output."""
    from tidings.errors import UsageError
    from tidings.export.tables import EXPORT_FORMATS, check_destination, export_table, is_stdout

    event_formats = ("gdelt", "plover", "polecat")
    if fmt not in (*EXPORT_FORMATS, *event_formats):
        fail(f"--format must be one of {', '.join(EXPORT_FORMATS + event_formats)}")
    if table == "mentions" and fmt != "gdelt":
        fail("--table mentions is GDELT's Mentions table: use --format gdelt")
    if fmt in event_formats and table not in ("events", "mentions"):
        fail(f"--format {fmt} exports --table events (gdelt: also --table mentions)")
    if not output.strip():
        raise UsageError("the output path is empty; give a file name, or - for standard output", code="T206")
    if is_stdout(output) and fmt == "parquet" and sys.stdout.isatty():
        fail("refusing to write Parquet (binary) to a terminal; redirect it or give a file name")
    destination = Path(output)
    if not is_stdout(output):
        check_destination(destination)  # before the export's work, not after it
    with open_store(db) as store:
        if fmt in event_formats:
            floor = export_min_confidence() if min_confidence is None else min_confidence
            n = _export_events(store, table, fmt, destination, all_events, floor)
        else:
            n = export_table(store, table, fmt, destination)
    err.print(f"wrote {n} rows to {'standard output' if is_stdout(output) else output}", markup=False)


def export_min_confidence() -> float:
    """The exports' default confidence floor: the shipped detector's precision-first threshold."""
    from tidings.facts.events.detect import load_detector

    detector = load_detector()
    return 0.0 if detector is None else detector.export_min_confidence


def _export_events(store: Store, table: str, fmt: str, output: Path, all_events: bool, floor: float) -> int:
    from tidings.export.gdelt import export_gdelt
    from tidings.export.mentions import export_mentions
    from tidings.export.plover import export_plover, export_polecat

    if table == "mentions":
        return export_mentions(store, output, include_all=all_events, min_confidence=floor)
    if fmt == "gdelt":
        return export_gdelt(store, output, include_all=all_events, min_confidence=floor)
    if fmt == "polecat":
        return export_polecat(store, output, floor)
    return export_plover(store, output, floor)


class BriefFmt(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command("brief")
def brief_cmd(
    target: Annotated[str, typer.Argument(help="article id, story:ID, actor:NAME or dyad:USA-CHN")],
    db: DbOpt = None,
    fmt: Annotated[BriefFmt, typer.Option("--format")] = BriefFmt.text,
    since: Annotated[str | None, typer.Option(help="ISO date: events on or after")] = None,
    until: Annotated[str | None, typer.Option(help="ISO date: events on or before")] = None,
    plot: Annotated[Path | None, typer.Option(help="with --format markdown: SVG file for a dyad's chart")] = None,
) -> None:
    """What is going on: the main event, meetings, agenda, quotes, upcoming and background."""
    from tidings.briefs import build_brief
    from tidings.briefs.render import render

    with open_store(db) as store:
        brief = build_brief(store, target, since=since, until=until)
    if fmt is BriefFmt.json:
        sys.stdout.write(json_line(brief, indent=2) + "\n")
        return
    if fmt is BriefFmt.markdown and brief["kind"] == "dyad" and plot is None:
        plot = Path(f"brief-{brief['target']}.svg")
    emit_text(render(brief, markdown=fmt is BriefFmt.markdown, plot_path=plot))


@app.command("demo")
def demo_cmd(db: DbOpt = None) -> None:
    """Ingest the bundled sample pages and show what tidings found."""
    from tidings.demo import run_demo

    raise typer.Exit(run_demo(db or "tidings.db", out, err))


@app.command("serve")
def serve_cmd(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    query_seconds: Annotated[float, typer.Option(help="time limit of one database query")] = 2.0,
    header_timeout: Annotated[float, typer.Option(help="seconds a client may take to send a request's headers")] = 10.0,
    body_timeout: Annotated[float, typer.Option(help="seconds a client may take to send a request's body")] = 30.0,
    max_connections: Annotated[int, typer.Option(min=1, help="open connections at most; more get 503")] = 100,
) -> None:
    """Serve the web UI and JSON API over the store (read-only; ingest may run meanwhile)."""
    from tidings.web.server import make_server

    path = existing_db(db)
    server = make_server(
        path,
        host=host,
        port=port,
        query_seconds=query_seconds,
        header_timeout=header_timeout,
        body_timeout=body_timeout,
        max_connections=max_connections,
    )
    err.print(f"serving {path} on http://{host}:{port}/ (API at /api/, OpenAPI at /openapi.json)", markup=False)
    server.run()


class _Brief(logging.Formatter):
    """One line per logged problem on stderr; the traceback only with TIDINGS_DEBUG=1 (an input
    that fails inside a stage is already counted as that input's rejection in the summary)."""

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info and not os.environ.get("TIDINGS_DEBUG"):
            exc = record.exc_info[1]
            record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None})
            record.msg = f"{record.getMessage()} ({type(exc).__name__}: {exc})"
            record.args = ()
        return terminal_safe(super().format(record))


def main() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Brief("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger("tidings").addHandler(handler)
    logging.getLogger("tidings").propagate = False
    try:
        app()
    except TidingsError as exc:
        print_error(str(exc))
        sys.exit(2)


if __name__ == "__main__":
    main()
