"""Read inputs named on the command line: files, directories (recursive), globs, stdin
and URLs. Yields :class:`RawDoc` values, or :class:`Rejected` values for inputs that can
never become an article (missing, empty, binary, too large, corrupt gzip, bad JSONL).

One input never ends the run: any exception while reading it becomes that input's
``internal`` rejection (after whatever it yielded before), and the next input is read.
"""

from __future__ import annotations

import glob
import gzip
import io
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from tidings.config import InputOptions
from tidings.ids import digest
from tidings.records import RawDoc, Rejected
from tidings.sources.feeds import read_feed
from tidings.sources.jsonl import read_jsonl, read_jsonl_stream, wide_encoding
from tidings.sources.sniff import GZIP_MAGIC, binary_kind, gunzip, sniff
from tidings.sources.warc import is_archive, read_warc, read_warc_bytes

__all__ = ["expand", "is_url", "read_bytes", "read_file", "read_inputs", "read_jsonl"]

LOGGER = logging.getLogger(__name__)
STAGE = "sources.files"
_HEAD = 4096
# "scheme:" of a name that is a URL we do not fetch (file:, gopher:, data:, ...). Two or
# more letters, so a Windows drive ("C:") is never one; "x://" whatever the scheme.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_NOT_FETCHED = frozenset(
    {
        "file", "ftp", "ftps", "sftp", "tftp", "gopher", "data", "javascript", "vbscript", "dict", "ldap", "ldaps",
        "jar", "netdoc", "mailto", "news", "nntp", "smb", "telnet", "ssh", "ws", "wss", "about", "blob",
        "view-source", "phar", "php", "expect", "glob", "zip", "unix",
    }
)  # fmt: skip


def is_url(name: str) -> bool:
    return name[:8].lower().startswith(("http://", "https://"))


def refused_scheme(name: str) -> str | None:
    """The scheme of a URL-looking name that is not http(s), else None."""
    match = _SCHEME.match(name)
    if match is None or is_url(name):
        return None
    scheme = match.group(1).lower()
    return scheme if scheme in _NOT_FETCHED or name[match.end() :].startswith("//") else None


def expand(inputs: Iterable[str], *, follow_symlinks: bool = False) -> Iterator[str | Rejected]:
    """Input names -> file paths (dirs walked recursively, globs expanded), '-' or URLs."""
    for name in inputs:
        if name == "-":
            yield name
            continue
        if is_url(name):  # HTTP://host is a URL too; the scheme is written in lower case
            head, rest = name.split(":", 1)
            yield f"{head.lower()}:{rest}"
            continue
        path = Path(name)
        scheme = refused_scheme(name)
        if scheme is not None and not path.exists():
            detail = f"reason=scheme target={scheme}: only http and https URLs are fetched"
            yield Rejected(STAGE, "blocked_url", detail, name)
        elif path.is_dir():
            yield from walk(path, follow_symlinks=follow_symlinks)
        elif path.is_file():
            yield str(path)
        else:
            matches = sorted(p for p in glob.glob(name, recursive=True) if Path(p).is_file())
            if matches:
                yield from matches
            else:
                yield Rejected(STAGE, "not_found", f"no such file, directory or glob match: {name}", name)


def walk(root: Path, *, follow_symlinks: bool = False) -> Iterator[str | Rejected]:
    """The files under ``root`` in path order. A symlink is followed only while it stays
    inside ``root`` (so a link to /etc/passwd planted in a corpus is not read), unless
    ``follow_symlinks``; links that leave are ``outside_input`` rejections. Hidden files
    are skipped; FIFOs, sockets and devices are ``unsupported`` (reading a FIFO blocks)."""
    base = root.resolve()
    found: list[tuple[str, str | Rejected]] = []
    walked: set[Path] = set()
    todo = [root]
    while todo:
        top = todo.pop()
        real = top.resolve()
        if real in walked:  # a link loop, or a linked directory walked already
            continue
        walked.add(real)
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            here = Path(dirpath)
            for name in dirnames:
                link = here / name
                if link.is_symlink():
                    target = link.resolve()
                    if follow_symlinks:
                        todo.append(link)
                    elif not target.is_relative_to(base):
                        found.append((str(link), _outside(link, root)))
                    # a link to a directory inside root: walked under its own path already
            for name in filenames:
                if name.startswith("."):
                    continue
                path = here / name
                found.append((str(path), _file_entry(path, base, root, follow_symlinks)))
    for _, entry in sorted(found, key=lambda item: item[0]):
        yield entry


def _file_entry(path: Path, base: Path, root: Path, follow_symlinks: bool) -> str | Rejected:
    if path.is_symlink() and not follow_symlinks and not path.resolve().is_relative_to(base):
        return _outside(path, root)
    if path.is_file():
        return str(path)
    if not path.exists():
        return Rejected(STAGE, "not_found", f"dangling symlink {path}", str(path))
    return Rejected(STAGE, "unsupported", f"{path} is not a regular file (FIFO, socket or device)", str(path))


def _outside(link: Path, root: Path) -> Rejected:
    detail = f"symlink {link} points outside {root}; not followed (use --follow-symlinks)"
    return Rejected(STAGE, "outside_input", detail, str(link))


def read_inputs(inputs: Iterable[str], options: InputOptions | None = None) -> Iterator[RawDoc | Rejected]:
    options = options or InputOptions()
    for item in expand(inputs, follow_symlinks=options.follow_symlinks):
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            yield from _read_one(item, options)
        except Exception as exc:  # the per-input boundary: one input never ends the run
            LOGGER.exception("reading %s failed", item)
            yield Rejected(STAGE, "internal", f"{type(exc).__name__}: {exc}", item)


def _read_one(item: str, options: InputOptions) -> Iterator[RawDoc | Rejected]:
    if item == "-":
        yield from read_stream(sys.stdin.buffer, "stdin", "stdin", options)
    elif is_url(item):
        yield RawDoc(id=digest("url", item), uri=item, origin=item, kind="url")
    else:
        yield from read_file(Path(item), options)


def read_file(path: Path, options: InputOptions) -> Iterator[RawDoc | Rejected]:
    origin = str(path.resolve())
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD)
            if options.input_format in ("auto", "warc") and is_archive(head):
                archive = True
            else:
                archive = False
                fh.seek(0)
                if _is_line_format(head, path.name, options):
                    yield from _read_lines(fh, head, origin, options)
                    return
        if archive:
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


def read_stream(stream: IO[bytes], name: str, origin: str, options: InputOptions) -> Iterator[RawDoc | Rejected]:
    """A non-seekable stream (stdin): JSONL is streamed line by line; anything else is
    read whole, up to ``max_bytes``."""
    head = stream.read(_HEAD)
    rest = io.BufferedReader(_Rejoined(head, stream))
    if _is_line_format(head, name, options):
        yield from _read_lines(rest, head, origin, options)
        return
    yield from read_bytes(rest.read(options.max_bytes + 1), name, origin, options)


def _is_line_format(head: bytes, name: str, options: InputOptions) -> bool:
    """JSONL (plain or gzipped), judged from the first bytes and the name."""
    if options.input_format not in ("auto", "jsonl"):
        return False
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, _HEAD)
        except zlib.error:
            return False  # read whole: gunzip reports the damage
        if head.startswith(GZIP_MAGIC):
            return False  # gzip in gzip: gunzip caps the nesting
        name = name.removesuffix(".gz")
    if options.input_format == "jsonl":
        return True
    wide = wide_encoding(head)
    if wide is not None:  # UTF-16/32, BOM or not: look at it as text
        head = head.decode(wide, "ignore").encode("utf-8")
    return binary_kind(head) is None and sniff(head, name) == "jsonl"


def _read_lines(stream: IO[bytes], head: bytes, origin: str, options: InputOptions) -> Iterator[RawDoc | Rejected]:
    if not head.strip():
        yield Rejected(STAGE, "empty", "no content", origin)
        return
    if not head.startswith(GZIP_MAGIC):
        yield from read_jsonl_stream(stream, origin, max_bytes=options.max_bytes)
        return
    unpacked = gzip.GzipFile(fileobj=stream, mode="rb")  # every member, one after another
    count = 0
    try:
        for item in read_jsonl_stream(cast(IO[bytes], unpacked), origin, max_bytes=options.max_bytes):
            count += 1
            yield item
    except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError
        detail = f"corrupt gzip stream after {count} records: {type(exc).__name__}: {exc}"
        yield Rejected("sources", "bad_gzip", detail, origin)


class _Rejoined(io.RawIOBase):
    """``head`` (already read) followed by the rest of ``stream``, as one readable stream."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


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
        yield from read_jsonl(data, origin, max_bytes=options.max_bytes)
    elif kind == "warc":
        yield from read_warc_bytes(data, origin=origin, max_bytes=options.max_bytes)
    elif kind == "feed":
        yield from read_feed(data, uri=uri, fetched_at=None)
    elif kind in ("html", "text"):
        yield RawDoc(id=digest(data), uri=uri, origin=origin, kind=kind, data=data)
    else:
        yield Rejected(STAGE, "unsupported", f"input format {kind!r}", origin)
