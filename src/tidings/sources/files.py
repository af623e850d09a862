"""Read inputs named on the command line: files, directories (recursive), globs, stdin
and URLs. Yields :class:`RawDoc` values, or :class:`Rejected` values for inputs that can
never become an article (missing, empty, binary, too large, corrupt gzip, bad JSONL)."""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tidings.config import InputOptions
from tidings.ids import digest
from tidings.records import RawDoc, Rejected
from tidings.sources.feeds import read_feed
from tidings.sources.sniff import GZIP_MAGIC, binary_kind, gunzip, sniff
from tidings.sources.warc import is_archive, read_warc, read_warc_bytes

STAGE = "sources.files"
RECORD_FIELDS = ("url", "title", "text", "published", "source", "language")


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def expand(inputs: Iterable[str]) -> Iterator[str | Rejected]:
    """Input names -> file paths (dirs walked recursively, globs expanded), '-' or URLs."""
    for name in inputs:
        if name == "-" or is_url(name):
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            yield from (str(p) for p in files)
        elif path.is_file():
            yield str(path)
        else:
            matches = sorted(p for p in glob.glob(name, recursive=True) if Path(p).is_file())
            if matches:
                yield from matches
            else:
                yield Rejected(STAGE, "not_found", f"no such file, directory or glob match: {name}", name)


def read_inputs(inputs: Iterable[str], options: InputOptions | None = None) -> Iterator[RawDoc | Rejected]:
    options = options or InputOptions()
    for item in expand(inputs):
        if isinstance(item, Rejected):
            yield item
        elif item == "-":
            yield from read_bytes(sys.stdin.buffer.read(options.max_bytes + 1), "stdin", "stdin", options)
        elif is_url(item):
            yield RawDoc(id=digest("url", item), uri=item, origin=item, kind="url")
        else:
            yield from read_file(Path(item), options)


def read_file(path: Path, options: InputOptions) -> Iterator[RawDoc | Rejected]:
    origin = str(path.resolve())
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
        if options.input_format in ("auto", "warc") and is_archive(head):
            # streamed record by record (a .warc.gz is many gzip members; caps apply per record)
            yield from read_warc(path, max_bytes=options.max_bytes)
            return
        size = path.stat().st_size
        if size > options.max_bytes:
            yield Rejected(STAGE, "too_large", f"{size} bytes > max_bytes {options.max_bytes}", origin)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(STAGE, "unreadable", f"{type(exc).__name__}: {exc}", origin)
        return
    yield from read_bytes(data, path.name, origin, options)


def read_bytes(data: bytes, name: str, origin: str, options: InputOptions) -> Iterator[RawDoc | Rejected]:
    if len(data) > options.max_bytes:
        yield Rejected(STAGE, "too_large", f"more than max_bytes {options.max_bytes}", origin)
        return
    if options.input_format in ("auto", "warc") and is_archive(data[:512]):
        yield from read_warc_bytes(data, origin=origin, max_bytes=options.max_bytes)
        return
    if data.startswith(GZIP_MAGIC):
        unpacked = gunzip(data, max_bytes=options.max_bytes, source=origin)
        if isinstance(unpacked, Rejected):
            yield unpacked
            return
        data, name = unpacked, name.removesuffix(".gz")
    if not data.strip():
        yield Rejected(STAGE, "empty", "no content", origin)
        return
    kind = options.input_format if options.input_format != "auto" else None
    if kind is None:
        binary = binary_kind(data)
        if binary is not None:
            yield Rejected(STAGE, "binary", f"{binary} data, not a news page", origin)
            return
        kind = sniff(data, name)
    uri = origin
    if kind == "jsonl":
        yield from read_jsonl(data, origin)
    elif kind == "warc":
        yield from read_warc_bytes(data, origin=origin, max_bytes=options.max_bytes)
    elif kind == "feed":
        yield from read_feed(data, uri=uri, fetched_at=None)
    elif kind in ("html", "text"):
        yield RawDoc(id=digest(data), uri=uri, origin=origin, kind=kind, data=data)
    else:
        yield Rejected(STAGE, "unsupported", f"input format {kind!r}", origin)


def read_jsonl(data: bytes, origin: str) -> Iterator[RawDoc | Rejected]:
    """One article per line: ``{url, title, text, published, source, language}`` (``language``: a
    declared language code, checked against the text); a bad line is a
    ``bad_jsonl`` rejection and the rest of the file goes on."""
    for lineno, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}#L{lineno}"
        try:
            obj: Any = json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            yield Rejected(STAGE, "bad_jsonl", f"line {lineno}: not JSON ({exc})", where)
            continue
        if not isinstance(obj, dict):
            yield Rejected(STAGE, "bad_jsonl", f"line {lineno}: not a JSON object", where)
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Rejected(STAGE, "bad_jsonl", f"line {lineno}: missing or empty 'text'", where)
            continue
        fields = {k: obj.get(k) for k in RECORD_FIELDS}
        if fields["published"] is None and isinstance(obj.get("date"), str):
            fields["published"] = obj["date"]  # a common alias in news corpora
        for key in ("url", "title", "published", "source", "language"):
            if fields[key] is not None and not isinstance(fields[key], str):
                fields[key] = str(fields[key])
        yield RawDoc(id=digest(line), uri=fields["url"] or where, origin=where, kind="record", fields=fields)
