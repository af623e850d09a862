"""Streamed exports of stored tables to JSONL, CSV and Parquet, written atomically
(temp file in the target directory, fsync, ``os.replace``)."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tidings.errors import UsageError
from tidings.records import FACT_KINDS
from tidings.store.sqlite import Store

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
ARTICLE_COLUMNS = (
    "id",
    "version",
    "source",
    "url",
    "title",
    "published",
    "published_from",
    "site",
    "section",
    "language",
    "story_id",
    "text",
)
# Cells that a spreadsheet would run as a formula (CSV injection); prefixed with a quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(
            fd, mode, encoding=None if "b" in mode else "utf-8", newline="" if "b" not in mode else None
        ) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rows_for(store: Store, table: str) -> Iterator[dict[str, Any]]:
    if table == "articles":
        cols = ", ".join(f'"{c}"' for c in ARTICLE_COLUMNS)
        data_rows = store.conn.execute(f"SELECT {cols}, data FROM articles ORDER BY id")
        for row in data_rows:
            record = dict(zip(ARTICLE_COLUMNS, row[:-1], strict=True))
            full = json.loads(row[-1])
            record["authors"] = full.get("authors", [])
            record["wire"] = full.get("wire", [])
            yield record
    elif table in FACT_KINDS:
        yield from store.facts(table)
    else:
        raise UsageError(
            f"unknown table {table!r}; use articles or one of {', '.join(FACT_KINDS)}", code="T201"
        )


def flat_cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_table(store: Store, table: str, fmt: str, output: Path) -> int:
    rows = rows_for(store, table)
    if fmt == "jsonl":
        return write_jsonl(rows, output)
    if fmt == "csv":
        return write_csv(rows, output)
    if fmt == "parquet":
        return write_parquet(rows, output)
    raise UsageError(f"unknown format {fmt!r}", code="T202")


def write_jsonl(rows: Iterable[dict[str, Any]], output: Path) -> int:
    n = 0
    with atomic_writer(output) as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], output: Path) -> int:
    n = 0
    with atomic_writer(output) as fh:
        writer: csv.DictWriter[str] | None = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: csv_safe(flat_cell(v)) for k, v in row.items()})
            n += 1
    return n


def write_parquet(rows: Iterable[dict[str, Any]], output: Path, chunk: int = 10_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 0
    with atomic_writer(output, "wb") as fh:
        writer: Any = None
        buf: list[dict[str, Any]] = []

        def flush() -> None:
            nonlocal writer
            tbl = pa.Table.from_pylist([{k: flat_cell(v) for k, v in r.items()} for r in buf])
            if writer is None:
                writer = pq.ParquetWriter(fh, tbl.schema)
            writer.write_table(tbl.cast(writer.schema))
            buf.clear()

        for row in rows:
            buf.append(row)
            n += 1
            if len(buf) >= chunk:
                flush()
        if buf:
            flush()
        if writer is not None:
            writer.close()
    return n
