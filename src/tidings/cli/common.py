"""Pieces shared by the CLI modules: consoles, option types, output helpers.

Stored text is data from the web: it may hold ESC or the 8-bit CSI (U+009B) that make a
terminal run commands of the page's choosing. Nothing leaves the CLI with a raw control
character: human formats (tables, ``show``, briefs) escape them as ``\\x9b``; JSON escapes
them as ``\\u009b`` (the same value, valid JSON); CSV is exact in a pipe and escaped on a
terminal. Rich markup is off for data, so ``[link=...]`` in a title stays text.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tidings.config import Options
from tidings.export.tables import csv_safe, flat_cell
from tidings.store.sqlite import Store

# C0 controls but tab and newline, DEL and the C1 block (U+0080-U+009F, with CSI U+009B)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What json.dumps(ensure_ascii=False) leaves raw: DEL and C1 (it escapes C0 itself)
_JSON_RAW_CONTROL = re.compile(r"[\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character but tab and newline written as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def json_line(value: Any, **kwargs: Any) -> str:
    """JSON text with DEL and C1 characters as ``\\u00NN`` escapes (same value)."""
    text = json.dumps(value, ensure_ascii=False, **kwargs)
    return _JSON_RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeConsole(Console):
    """A rich console that escapes control characters in every string it renders."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(terminal_safe(text), **kwargs)


err = SafeConsole(stderr=True)
out = SafeConsole(soft_wrap=True, markup=False)


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


def print_error(message: str) -> None:
    """``error: message`` on stderr; the message is text, never markup."""
    err.print(Text.assemble(("error:", "red"), " ", terminal_safe(message)))


def fail(message: str, code: int = 2) -> NoReturn:
    print_error(message)
    raise typer.Exit(code)


def emit_jsonl(rows: Any) -> None:
    for row in rows:
        sys.stdout.write(json_line(row) + "\n")


def emit_text(text: str) -> None:
    """Human-readable text (a brief) to stdout, control characters escaped."""
    sys.stdout.write(terminal_safe(text))


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
        sys.stdout.write(json_line(list(rows)) + "\n")
    elif fmt == "csv":
        writer: csv.DictWriter[str] | None = None
        on_terminal = sys.stdout.isatty()  # a pipe gets the exact cells
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(sys.stdout, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            cells = {k: csv_safe(flat_cell(v)) for k, v in row.items()}
            if on_terminal:
                cells = {k: terminal_safe(v) if isinstance(v, str) else v for k, v in cells.items()}
            writer.writerow(cells)
    else:
        table = Table(*(name for name, _ in columns))
        for r in rows:
            table.add_row(*(str(get(r) if get(r) is not None else "") for _, get in columns))
        out.print(table)


def existing_db(db: str | None) -> str:
    """The database path of a command that only reads (or re-reads) a store: a missing file
    is a usage error (exit 2), never a new empty store."""
    path = db or Options().store.db
    if not Path(path).is_file():
        fail(f"no database at {path} (run `tidings ingest` first, or give --db)")
    return path


def open_store(db: str | None) -> Store:
    return Store.open(existing_db(db), readonly=True)


# SQLite's words for a write the disk refused (SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN)
_DISK_TROUBLE = ("disk is full", "disk i/o error", "unable to open database file", "database or disk is full")


@contextlib.contextmanager
def store_write_errors(command: str) -> Iterator[None]:
    """A full disk or an I/O error while writing the store is a coded error with the way
    back, not a traceback: every batch before the failing one was committed whole."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if not any(words in str(exc).lower() for words in _DISK_TROUBLE):
            raise
        hint = "--resume " if command == "ingest" else ""
        fail(
            f"[T406] the store could not be written ({exc}). Every batch before this one is "
            f"stored; free disk space and run the same `tidings {command} {hint}...` again to go on."
        )
