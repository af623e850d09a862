"""Pieces shared by the CLI modules: consoles, option types, output helpers."""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from tidings.config import Options
from tidings.export.tables import csv_safe, flat_cell
from tidings.store.sqlite import Store

err = Console(stderr=True)
out = Console(soft_wrap=True)


class Fmt(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ShowFmt(StrEnum):
    text = "text"
    json = "json"


TABLE_ROWS = 50  # rows a --format table list shows unless --limit says otherwise
LimitOpt = Annotated[
    int | None,
    typer.Option(
        min=0,
        help=f"at most this many rows, 0 = all (default: {TABLE_ROWS} with --format table,"
        " all rows with json/jsonl/csv)",
        show_default=False,
    ),
]
DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite database file [default: tidings.db]")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML options file (see defaults.toml)")]


def load_options(config: Path | None, **overrides: Any) -> Options:
    return Options.load(config).with_overrides(**overrides)


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def emit_jsonl(rows: Any) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


Columns = list[tuple[str, Callable[[dict[str, Any]], Any]]]


def row_limit(limit: int | None, fmt: str) -> int | None:
    """The rows a list shows: --limit as given (0 = all), else TABLE_ROWS for a table and all
    rows for machine formats (a pipe never gets a silently shortened file)."""
    if limit is None:
        return TABLE_ROWS if fmt == "table" else None
    return limit or None


def fetch_limit(limit: int | None) -> int | None:
    """What to ask the store for: one row more than shown, so a cut can be told."""
    return None if limit is None else limit + 1


def emit(rows: Iterable[dict[str, Any]], fmt: str, columns: Columns, *, limit: int | None = None) -> None:
    """Rows to stdout: a table (the listed columns), a JSON array, JSON lines, or CSV (every field;
    nested values as JSON; cells a spreadsheet would run as formulas neutralised). With a
    ``limit`` (see :func:`row_limit`), at most that many rows, and a note on stderr when there
    were more."""
    if limit is not None:
        kept = list(itertools.islice(iter(rows), limit + 1))
        if len(kept) > limit:
            err.print(f"note: showing the first {limit} rows; more exist (--limit 0 for all)", highlight=False)
        rows = kept[:limit]
    if fmt == "jsonl":
        emit_jsonl(rows)
    elif fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer: csv.DictWriter[str] | None = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(sys.stdout, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: csv_safe(flat_cell(v)) for k, v in row.items()})
    else:
        table = Table(*(name for name, _ in columns))
        for r in rows:
            table.add_row(*(str(get(r) if get(r) is not None else "") for _, get in columns))
        out.print(table)


def open_store(db: str | None) -> Store:
    path = db or Options().store.db
    if not Path(path).exists():
        fail(f"no database at {path} (run `tidings ingest` first)", 1)
    return Store.open(path, readonly=True)
