"""Decide what a blob of bytes is (by content, not by file name) and unwrap gzip safely."""

from __future__ import annotations

import json
import zlib

from tidings.records import Rejected

# Magic numbers of formats that are never a news page.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\x7fELF", "ELF"),
    (b"PK\x03\x04", "ZIP"),
    (b"MZ", "PE executable"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"(\xb5/\xfd", "zstd"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ", "xz"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"\x1a\x45\xdf\xa3", "Matroska"),
    (b"wOFF", "WOFF font"),
)
GZIP_MAGIC = b"\x1f\x8b"
KINDS = ("auto", "html", "text", "jsonl", "feed", "warc")


def binary_kind(data: bytes) -> str | None:
    """The name of a binary format ``data`` starts with, else None."""
    for magic, name in BINARY_MAGIC:
        if data.startswith(magic):
            return name
    if data[4:8] == b"ftyp":
        return "MP4/ISO media"
    head = data[:4096]
    if head and not _looks_textual(head):
        return "unknown binary"
    return None


def _looks_textual(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return True
    bad = sum(1 for b in head if b < 9 or (13 < b < 32 and b != 27))
    return bad / len(head) < 0.05


def gunzip(data: bytes, *, max_bytes: int, source: str, depth: int = 0) -> bytes | Rejected:
    """Decompress (possibly nested) gzip with a cap on the *output* size. Every member is
    read (``cat a.gz b.gz`` is valid gzip; reading only the first silently lost the rest);
    NUL padding after the last member is ignored, other trailing bytes are damage."""
    out = bytearray()
    pos = 0
    members = 0
    while True:
        member = _inflate_member(data, pos, out, max_bytes, source)
        if isinstance(member, Rejected):
            return member
        pos, members = member, members + 1
        rest = data[pos:]
        if not rest.strip(b"\x00"):
            break
        if not rest.startswith(GZIP_MAGIC):
            return Rejected("sources", "bad_gzip", f"{len(rest)} bytes of junk after gzip member {members}", source)
    if out.startswith(GZIP_MAGIC):
        if depth >= 2:
            return Rejected("sources", "decompression_bomb", "gzip nested more than twice", source)
        return gunzip(bytes(out), max_bytes=max_bytes, source=source, depth=depth + 1)
    return bytes(out)


def _inflate_member(data: bytes, start: int, out: bytearray, max_bytes: int, source: str) -> int | Rejected:
    """Inflate the gzip member at ``start`` onto ``out``; the offset just past it."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pos = start
    chunk = 64 * 1024
    try:
        while pos < len(data) and not d.eof:
            out += d.decompress(data[pos : pos + chunk], max_bytes + 1 - len(out))
            while d.unconsumed_tail and len(out) <= max_bytes:
                out += d.decompress(d.unconsumed_tail, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                return Rejected("sources", "decompression_bomb", f"gzip expands beyond {max_bytes} bytes", source)
            pos += chunk
        out += d.flush()
    except zlib.error as exc:
        return Rejected("sources", "bad_gzip", f"corrupt gzip stream: {exc}", source)
    if not d.eof:
        return Rejected("sources", "bad_gzip", "truncated gzip stream", source)
    if len(out) > max_bytes:
        return Rejected("sources", "decompression_bomb", f"gzip expands beyond {max_bytes} bytes", source)
    return min(pos, len(data)) - len(d.unused_data)


def sniff(data: bytes, name: str = "") -> str:
    """One of html, feed, warc, jsonl, text (binary is checked separately)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8", "ignore").lstrip()
    low = head[:2048].lower()
    if low.startswith(b"warc/") or name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    # before the tag search: a JSONL record's text may well contain "<p>"
    jsonl_name = name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))
    if head.startswith(b"{") and (jsonl_name or _first_line_is_json_object(head)):
        return "jsonl"
    feed_tags = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")
    if low.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and any(tag in low for tag in feed_tags):
        return "feed"
    if any(tag in low for tag in (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<div", b"<p>")):
        return "html"
    if name.endswith((".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")):
        return "html"
    if name.endswith((".rss", ".atom", ".rdf")):
        return "feed"
    if jsonl_name:
        return "jsonl"
    return "text"


def _first_line_is_json_object(head: bytes) -> bool:
    if not head.startswith(b"{"):
        return False
    line = head.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser goes
        return False
