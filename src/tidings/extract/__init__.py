"""From a RawDoc (or bytes/str) to an :class:`Article` or a coded :class:`Rejected`."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tidings.config import InputOptions, Options
from tidings.extract.decode import decode_text
from tidings.extract.record import extract_record
from tidings.records import Article, RawDoc, Rejected
from tidings.sources.files import read_bytes

__all__ = ["extract", "extract_raw"]


def extract_raw(
    raw: RawDoc, options: Options | None = None, *, published: str | None = None
) -> Article | Rejected:
    """Extract one RawDoc. ``published`` (or ``options.input.published``) fills a missing date."""
    options = options or Options()
    fallback = published or raw.published or options.input.published or None
    result: Article | Rejected
    if raw.kind == "record":
        result = extract_record(
            raw.fields, source=raw.uri, origin=raw.origin, min_chars=options.extract.min_chars
        )
    elif raw.kind == "html":
        from tidings.extract.html import extract_html

        result = extract_html(
            raw.data,
            source=raw.uri,
            url=raw.uri if raw.uri.startswith("http") else None,
            published=fallback,
            headers=dict(raw.headers),
            origin=raw.origin,
            options=options.extract,
        )
    elif raw.kind == "text":
        from tidings.extract.text import extract_text

        text = decode_text(raw.data)
        result = extract_text(
            text,
            source=raw.uri,
            url=raw.uri if raw.uri.startswith("http") else None,
            published=fallback,
            origin=raw.origin,
            options=options.extract,
        )
    else:
        return Rejected("extract", "unsupported", f"cannot extract a {raw.kind!r} input", raw.origin)
    if isinstance(result, Article) and result.published is None and fallback:
        result = replace(result, published=fallback, published_from="given")
    if isinstance(result, Article) and result.published is None:
        found = date_in_name(raw.uri if raw.uri.startswith("http") else raw.origin)
        if found:
            result = replace(result, published=found, published_from="url" if raw.uri.startswith("http") else "path")
    return result


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_name(name: str) -> str | None:
    """A calendar date written in a URL or file name (2023-06-18, 2023/06/18, 20230618)."""
    for match in _NAME_DATE.finditer(name):
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            continue
    return None


def extract(
    data: str | bytes,
    *,
    url: str | None = None,
    published: str | None = None,
    options: Options | None = None,
) -> Article | Rejected:
    """Extract one page (HTML or scraped text, str or bytes). No store, no NLP."""
    options = options or Options()
    raw_bytes = data.encode("utf-8") if isinstance(data, str) else data
    source = url or "<memory>"
    inputs: InputOptions = options.input
    for item in read_bytes(raw_bytes, url or "", source, inputs):
        if isinstance(item, Rejected):
            return item
        if item.kind not in ("html", "text"):
            return Rejected("extract", "unsupported", f"extract() takes one page, got {item.kind}", source)
        raw = replace(item, uri=source) if url else item
        return extract_raw(raw, options, published=published)
    return Rejected("extract", "empty", "no content", source)
