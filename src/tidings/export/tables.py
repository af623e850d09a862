"""Streamed exports of stored tables to JSONL, CSV and Parquet, written atomically
(temp file in the target directory, fsync, ``os.replace``).

Paths: a destination that is a symlink is refused (``os.replace`` would swap the link, and
following it would write outside the intended place); names this module derives itself
come from ids only and are checked to resolve under their output root (:func:`safe_child`).
"""

from __future__ import annotations

import csv
import json
import os
import re
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
# A file name made from an id: letters, digits, '.', '_', '-'; no leading dot; short.
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")
# Names Windows maps to devices whatever the extension.
RESERVED_NAMES = frozenset(["CON", "PRN", "AUX", "NUL"] + [f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)])


def safe_child(root: Path, name: str) -> Path:
    """``root / name`` for a name derived from an id, or a coded UsageError when the name
    is not a plain file name, resolves outside ``root`` or is an existing symlink."""
    if not SAFE_NAME.fullmatch(name) or name.split(".", 1)[0].upper() in RESERVED_NAMES:
        raise UsageError(f"refusing output file name {name!r} (ids and hashes only)", code="T203")
    base = Path(root).resolve()
    path = base / name
    if path.is_symlink():
        raise UsageError(f"refusing to write through the symlink {path}", code="T204")
    if not path.resolve().is_relative_to(base):
        raise UsageError(f"refusing {name!r}: it resolves outside {base}", code="T203")
    return path


@contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write ``path`` via a temp file beside it + fsync + ``os.replace``: readers see the
    old file or the new one, never a partial one. A symlink destination is refused."""
    path = Path(path)
    if path.is_symlink():
        raise UsageError(f"refusing to write through the symlink {path}", code="T204")
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
        raise UsageError(f"unknown table {table!r}; use articles or one of {', '.join(FACT_KINDS)}", code="T201")


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
    """Two passes over a spool file: a column's type is only known once every row has been
    seen (None for the first chunk and text later, ints then floats, keys that appear
    late), and a Parquet file has one schema. Conflicting types fall back to text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 0
    types: dict[str, Any] = {}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        buf: list[dict[str, Any]] = []
        for row in rows:
            flat = {k: flat_cell(v) for k, v in row.items()}
            spool.write(json.dumps(flat, ensure_ascii=False) + "\n")
            buf.append(flat)
            n += 1
            if len(buf) >= chunk:
                _merge_types(types, _column_types(buf))
                buf.clear()
        _merge_types(types, _column_types(buf))
        schema = pa.schema([(k, pa.string() if pa.types.is_null(t) else t) for k, t in types.items()])
        text_columns = [k for k, t in types.items() if not pa.types.is_null(t) and t == pa.string()]
        spool.seek(0)
        with atomic_writer(output, "wb") as fh, pq.ParquetWriter(fh, schema) as writer:
            buf = []
            for line in spool:
                buf.append(_as_text(json.loads(line), text_columns))
                if len(buf) >= chunk:
                    writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                    buf.clear()
            if buf or n == 0:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
    return n


def _column_types(rows: list[dict[str, Any]]) -> dict[str, Any]:
    import pyarrow as pa

    out: dict[str, Any] = {}
    for key in dict.fromkeys(k for r in rows for k in r):
        try:
            out[key] = pa.array([r.get(key) for r in rows]).type
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):  # mixed types, huge ints
            out[key] = pa.string()
    return out


def _merge_types(types: dict[str, Any], more: dict[str, Any]) -> None:
    import pyarrow as pa

    for key, new in more.items():
        old = types.get(key)
        if old is None or pa.types.is_null(old):
            types[key] = new
        elif pa.types.is_null(new) or new == old:
            continue
        elif all(pa.types.is_integer(t) or pa.types.is_floating(t) for t in (old, new)):
            types[key] = pa.float64()
        else:
            types[key] = pa.string()


def _as_text(row: dict[str, Any], text_columns: list[str]) -> dict[str, Any]:
    for key in text_columns:
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            row[key] = json.dumps(value)
    return row


def export_article_files(store: Store, root: Path) -> int:
    """One ``<article id>.json`` per stored article under ``root``: names come from ids
    only and every path is checked to stay under ``root`` (see :func:`safe_child`)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    n = 0
    for article_id, data in store.conn.execute("SELECT id, data FROM articles ORDER BY id"):
        with atomic_writer(safe_child(root, f"{article_id}.json")) as fh:
            fh.write(json.dumps(json.loads(data), ensure_ascii=False, indent=1) + "\n")
        n += 1
    return n
