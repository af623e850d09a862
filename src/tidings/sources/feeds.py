"""RSS 0.9x/1.0/2.0 and Atom feeds -> one RawDoc per item.

An item whose content (``content:encoded``, Atom ``content``, or a long description)
already holds the article becomes ``kind="html"``: a small HTML document wrapping that
content, so the normal extractor reads it. Any other item becomes ``kind="record"`` with
the teaser as text, ``fields["teaser"] = True`` and ``fields["needs_fetch"] = True`` when it
has a link, so a caller with fetching enabled can fetch the page instead (without fetching,
or when the fetch fails, the item is stored as a teaser: title + summary + link). The
feed's or item's declared language travels as ``fields["language"]``.

Dates are normalised to UTC ISO 8601 (``published``), with the feed's own string kept in
``published_raw`` and ``tz_assumed`` true when that string had no zone (UTC was assumed).
Feeds that declare XML entities are refused before feedparser sees them (billion laughs);
one bad item yields a Rejected for that item and the rest of the feed goes on.
"""

from __future__ import annotations

import email.utils
import html
import re
import time
import unicodedata
import xml.sax.handler
from collections.abc import Iterator
from datetime import UTC
from typing import Any

import defusedxml
import defusedxml.sax
import feedparser

from tidings.ids import digest
from tidings.language import detect_language
from tidings.records import RawDoc, Rejected

STAGE = "sources.feeds"
FULL_TEXT_MIN_CHARS = 1200
"""Plain-text length from which an item's content is taken to be the whole article
(teasers and standfirsts are a few hundred characters; Guardian descriptions top out
near 1,000 with their "Continue reading..." links)."""

FEED_LANGUAGE_SAMPLE = 6000
"""Characters of a feed's titles and summaries read to find its language when it declares none."""

DATE_LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "nl", "ru", "tr", "pl")
"""Languages dateparser may try for dates feedparser cannot read (auto-detection over all
languages costs seconds per date, which a hostile feed could multiply)."""

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANKS = re.compile(r"\n\s*\n+")
_HAS_ZONE = re.compile(r"(?:[+-]\d{2}:?\d{2}|\d[zZ]|\b(?:UTC?|GMT|[ECMP][SD]T))\s*$")


def read_feed(data: bytes, *, uri: str, fetched_at: str | None = None) -> Iterator[RawDoc | Rejected]:
    """Parse a feed document; yield one RawDoc (or Rejected) per item."""
    if _declares_entities(data):
        yield Rejected(STAGE, "xml_entities", "the feed declares XML entities (expansion refused)", uri)
        return
    try:
        parsed = feedparser.parse(
            data,
            sanitize_html=True,
            resolve_relative_uris=True,
            response_headers={"content-location": uri} if uri.startswith(("http://", "https://")) else None,
        )
    except Exception as exc:  # feedparser is lenient; anything escaping it is a bad feed
        yield Rejected(STAGE, "bad_feed", f"{type(exc).__name__}: {exc}", uri)
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f"no items ({type(problem).__name__}: {problem})" if problem else "no items"
        yield Rejected(STAGE, "bad_feed", detail, uri)
        return
    feed_title = _plain(str(parsed.feed.get("title") or "")) or None
    feed_language = str(parsed.feed.get("language") or "").strip() or _feed_text_language(entries)
    for index, entry in enumerate(entries):
        try:
            yield _item(
                entry, index, uri=uri, feed_title=feed_title, feed_language=feed_language, fetched_at=fetched_at
            )
        except Exception as exc:  # one broken item never drops the feed
            detail = f"item {index}: {type(exc).__name__}: {exc}"
            yield Rejected(STAGE, "bad_feed", detail, f"{uri}#item={index}")


def item_key(doc: RawDoc) -> str:
    """Stable key of a feed item across polls (guid, else link, else position)."""
    return str(doc.fields.get("guid") or doc.fields.get("url") or doc.origin)


def _declares_entities(data: bytes) -> bool:
    """True when the document declares DTD entities (the billion-laughs vector).

    A byte scan (NULs dropped so UTF-16/32 are covered) plus defusedxml's expat reader
    with ``forbid_entities``; a feed that is merely malformed passes to feedparser's
    lenient parser."""
    if _ENTITY_DECL.search(data.replace(b"\x00", b"")):
        return True
    try:
        handler = xml.sax.handler.ContentHandler()
        defusedxml.sax.parseString(data, handler, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden:
        return True
    except Exception:
        return False
    return False


def _item(
    entry: Any, index: int, *, uri: str, feed_title: str | None, feed_language: str | None, fetched_at: str | None
) -> RawDoc | Rejected:
    link = str(entry.get("feedburner_origlink") or entry.get("link") or "").strip() or None
    guid = str(entry.get("id") or "").strip() or None
    key = guid or link or f"item={index}"
    origin = f"{uri}#{key}"
    title = _plain(str(entry.get("title") or "")) or None
    published, raw, assumed = _date(entry)
    content_html = _best_content(entry)
    text = _plain(content_html)
    fields: dict[str, Any] = {
        "url": link,
        "title": title,
        "text": text,
        "published": published,
        "published_raw": raw,
        "tz_assumed": assumed,
        "source": feed_title,
        "language": _item_language(entry) or feed_language,
        "guid": guid,
        "feed": uri,
        "authors": [str(a.get("name")) for a in entry.get("authors") or () if a.get("name")],
        "categories": [str(t.get("term")) for t in entry.get("tags") or () if t.get("term")],
    }
    item_id = digest("feed-item", uri, key, title or "", content_html)
    uri = link or origin
    if len(text) >= FULL_TEXT_MIN_CHARS:
        page = _wrap(content_html, title=title, link=link, published=published, language=fields["language"])
        return RawDoc(item_id, uri, origin, "html", page, fields=fields, fetched_at=fetched_at, published=published)
    if not text and not link:
        return Rejected(STAGE, "empty", "the item has neither text nor a link", origin)
    fields["needs_fetch"] = link is not None
    fields["teaser"] = True  # kept as title + summary + link unless the page is fetched
    return RawDoc(item_id, uri, origin, "record", fields=fields, fetched_at=fetched_at, published=published)


def _feed_text_language(entries: list[Any]) -> str | None:
    """The language of a feed that declares none, from all its titles and summaries together
    (one teaser is too short to classify; a feed is almost always in one language)."""
    parts = [_plain(str(e.get("title") or "")) + "\n" + _plain(str(e.get("summary") or ""))[:300] for e in entries]
    found = detect_language("\n".join(parts), sample_chars=FEED_LANGUAGE_SAMPLE)
    return found.code if found.source == "text" else None


def _item_language(entry: Any) -> str | None:
    """The language an item declares on its own content (Atom ``xml:lang``), if any."""
    for detail in (*(entry.get("content") or ()), entry.get("summary_detail"), entry.get("title_detail")):
        if detail and detail.get("language"):
            return str(detail["language"])
    return None


def _best_content(entry: Any) -> str:
    """The longest of the item's content blocks and its summary/description (HTML)."""
    candidates = [str(c.get("value") or "") for c in entry.get("content") or ()]
    candidates.append(str(entry.get("summary") or ""))
    return max(candidates, key=lambda c: len(_plain(c)))


def _plain(fragment: str) -> str:
    """HTML fragment -> text with paragraph breaks kept."""
    text = _BLOCK_END.sub("\n\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    text = _SPACES.sub(" ", text)
    lines = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", lines).strip()


def _date(entry: Any) -> tuple[str | None, str | None, bool]:
    """(UTC ISO date-time, the raw string, whether the zone was assumed)."""
    raw = entry.get("published") or entry.get("updated") or entry.get("created")
    raw = str(raw).strip() if raw else None
    if not raw:
        return None, None, False
    assumed = not _HAS_ZONE.search(raw)
    parsed = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
    if parsed:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed), raw, assumed
    return _dateparser_utc(raw), raw, assumed


_MONTHS = {
    # First letters (accents dropped) of month names in pt/es/fr/de/it/nl -> RFC 822 month.
    "jan": "Jan", "ene": "Jan", "gen": "Jan", "janv": "Jan", "fev": "Feb", "feb": "Feb", "fevr": "Feb",
    "mar": "Mar", "mars": "Mar", "mrz": "Mar", "mae": "Mar", "mrt": "Mar", "abr": "Apr", "apr": "Apr",
    "avr": "Apr", "mai": "May", "may": "May", "mag": "May", "mei": "May", "jun": "Jun", "juin": "Jun",
    "giu": "Jun", "jul": "Jul", "juil": "Jul", "lug": "Jul", "ago": "Aug", "aug": "Aug", "aou": "Aug",
    "set": "Sep", "sep": "Sep", "sept": "Sep", "out": "Oct", "oct": "Oct", "okt": "Oct", "ott": "Oct",
    "nov": "Nov", "dez": "Dec", "dic": "Dec", "dec": "Dec",
}  # fmt: skip
_RFC822ISH = re.compile(r"^\s*(?:[^\W\d]+\.?,?\s+)?(\d{1,2})\.?\s+([^\W\d]+)\.?\s+(\d{4})\s+(.*)$")


def _dateparser_utc(raw: str) -> str | None:
    """Fallback for dates feedparser cannot read (e.g. Portuguese day/month names)."""
    match = _RFC822ISH.match(raw)
    if match:
        day, month, year, rest = match.groups()
        folded = unicodedata.normalize("NFKD", month.lower()).encode("ascii", "ignore").decode()
        english = _MONTHS.get(folded[:4]) or _MONTHS.get(folded[:3])
        if english:
            try:
                when = email.utils.parsedate_to_datetime(f"{day} {english} {year} {rest}")
            except (TypeError, ValueError):
                when = None
            if when is not None:
                when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
                return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    if len(raw) > 64:
        return None
    import dateparser  # last resort; the language list keeps it ~30 ms instead of seconds

    parsed = dateparser.parse(
        raw,
        languages=list(DATE_LANGUAGES),
        settings={"TIMEZONE": "UTC", "TO_TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True},
    )
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ") if parsed else None


def _wrap(content: str, *, title: str | None, link: str | None, published: str | None, language: str | None) -> bytes:
    esc = html.escape
    head = ['<meta charset="utf-8">']
    if title:
        head.append(f"<title>{esc(title)}</title>")
    if link:
        head.append(f'<link rel="canonical" href="{esc(link)}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{esc(published)}">')
    heading = f"<h1>{esc(title)}</h1>" if title else ""
    body = f"<body><article>{heading}{content}</article></body>"
    lang = f' lang="{esc(language)}"' if language else ""
    page = f"<!doctype html><html{lang}><head>{''.join(head)}</head>{body}</html>"
    return page.encode("utf-8")
