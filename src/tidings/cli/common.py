"""Pieces shared by the CLI modules: consoles, option types, output helpers."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from tidings.config import Options
from tidings.store.sqlite import Store

err = Console(stderr=True)
out = Console(soft_wrap=True)


class Fmt(StrEnum):
    table = "table"
    jsonl = "jsonl"


class ShowFmt(StrEnum):
    text = "text"
    json = "json"


DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite database file [default: tidings.db]")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML options file (see defaults.toml)")]


def load_options(config: Path | None, **overrides: Any) -> Options:
    return Options.load(config).with_overrides(**overrides)


def fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def emit_jsonl(rows: Any) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def open_store(db: str | None) -> Store:
    path = db or Options().store.db
    if not Path(path).exists():
        fail(f"no database at {path} (run `tidings ingest` first)", 1)
    return Store.open(path, readonly=True)
