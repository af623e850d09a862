"""Streamed exports of stored tables to JSONL, CSV and Parquet, written atomically
(temp file in the target directory, fsync, ``os.replace``).

Paths: only a regular file or a new path is written; a symlink, FIFO, device node or
directory is refused with a coded UsageError (``os.replace`` would swap any of them for a
regular file, and following a link would write outside the intended place); ``-`` is
standard output. Names this module derives itself come from ids only and are checked to
resolve under their output root (:func:`safe_child`). A new export gets the usual
0666-less-umask mode, an overwritten one keeps its mode.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
import sys
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


STDOUT = "-"


def is_stdout(path: str | Path) -> bool:
    """``-o -``: the export goes to standard output, not to a file named ``-``."""
    return str(path) == STDOUT


def check_destination(path: Path) -> None:
    """Refuse, with a coded UsageError, every destination but a regular file or a new path:
    ``os.replace`` over a FIFO or a device node swaps it for a regular file (as root,
    ``-o /dev/null`` replaced the system's /dev/null); a symlink would be swapped too."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}", code="T206") from exc
    if stat.S_ISLNK(mode):
        raise UsageError(f"refusing to write through the symlink {path}", code="T204")
    if stat.S_ISDIR(mode):
        raise UsageError(f"{path} is a directory; give a file name inside it", code="T206")
    if not stat.S_ISREG(mode):
        kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device node"
        detail = f"refusing to replace {path}: it is a {kind}, not a regular file (use - for standard output)"
        raise UsageError(detail, code="T205")


def new_file_mode(path: Path) -> int:
    """The mode an export gets: an existing file's own permission bits (as ``>`` keeps
    them), else the usual 0666 less the umask (mkstemp's 0600 is for the temp file only)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere the only way to read it is to set it and set it back
    os.umask(mask)
    return mask


@contextmanager
def atomic_writer(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write ``path`` via a temp file beside it + fsync + ``os.replace``: readers see the
    old file or the new one, never a partial one. Only a regular file or a new path is
    written (see :func:`check_destination`); ``-`` is standard output, written once the
    export is complete. Errors of the file system are coded UsageErrors (T206)."""
    if is_stdout(path):
        with _to_stdout(mode) as fh:
            yield fh
        return
    if not str(path).strip():
        raise UsageError("the output path is empty; give a file name, or - for standard output", code="T206")
    path = Path(path)
    check_destination(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}", code="T206") from exc
    try:
        os.fchmod(fd, new_file_mode(path))
        with os.fdopen(fd, mode, encoding=_encoding(mode), newline=_newline(mode)) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        check_destination(path)  # it may have changed while we wrote
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}", code="T206") from exc
        raise


@contextmanager
def _to_stdout(mode: str) -> Iterator[IO[Any]]:
    """A spool that is copied to standard output only when the export completed, so a
    failed export never leaves half a table in a pipe."""
    with tempfile.TemporaryFile("w+b") as spool:
        if "b" in mode:
            yield spool
        else:
            text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
            yield text
            text.flush()
            text.detach()
        spool.seek(0)
        shutil.copyfileobj(spool, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def _encoding(mode: str) -> str | None:
    return None if "b" in mode else "utf-8"


def _newline(mode: str) -> str | None:
    return None if "b" in mode else ""


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
