"""Article metadata from a parsed page: title, date (with provenance), authors, site,
section and canonical URL (the language is read from the text: :mod:`tidings.language`).

Everything is read from signals the publisher put in the page (JSON-LD, ``<meta>``,
``<h1>``, ``<title>``, the URL), cross-checked with what trafilatura/htmldate found, so we
always know *where* a value came from. Pure functions over an lxml tree; no I/O.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from tidings.extract.titles import choose_title

__all__ = [
    "PageSignals",
    "choose_date",
    "choose_title",
    "clean_authors",
    "page_signals",
    "parse_date",
]

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "techarticle",
    "report",
}

# Meta names/properties that carry the publication date, most specific first.
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "article.published",
    "originalpublicationdate",
    "date",
)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the page says about itself, gathered in one pass over the tree."""

    meta: dict[str, str] = field(default_factory=dict)
    ld_articles: tuple[dict[str, Any], ...] = ()
    ld_publisher: str | None = None
    title_tag: str | None = None
    h1s: tuple[str, ...] = ()
    html_lang: str | None = None
    canonical: str | None = None


def _text(el: HtmlElement) -> str:
    return " ".join(" ".join(el.itertext()).split())


def _walk_ld(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_ld(item)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in node:
                yield from _walk_ld(node[key])


def _types(obj: Mapping[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _ld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if raw.startswith("<!--") or raw.startswith("//<![CDATA["):
            raw = raw.split("\n", 1)[-1].rsplit("\n", 1)[0]
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        found.extend(_walk_ld(data))
    return found


def page_signals(tree: HtmlElement) -> PageSignals:
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content")
        if key and value and value.strip():
            meta.setdefault(key.strip().lower(), value.strip())
    for el in tree.xpath('//*[@itemprop="datePublished"][@datetime]'):
        meta.setdefault("datepublished", el.get("datetime").strip())
    objects = _ld_objects(tree)
    articles = tuple(o for o in objects if _types(o) & _ARTICLE_TYPES)
    publisher = None
    for obj in articles or tuple(objects):
        pub = obj.get("publisher")
        if isinstance(pub, list) and pub:
            pub = pub[0]
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            publisher = pub["name"].strip() or None
            break
    title_el = tree.find(".//title")
    h1s = tuple(t for t in (_text(h) for h in tree.iter("h1")) if 0 < len(t) <= 400)
    html_lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    canonical = None
    for link in tree.iterfind(".//link[@rel]"):
        if link.get("rel", "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href", "").strip()
            break
    return PageSignals(
        meta=meta,
        ld_articles=articles,
        ld_publisher=publisher,
        title_tag=_text(title_el) if title_el is not None else None,
        h1s=h1s,
        html_lang=html_lang.strip() if html_lang else None,
        canonical=canonical,
    )


# ----------------------------------------------------------------------------- dates

_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.]([01]?\d)[-/.]([0-3]?\d)(?!\d)")
_COMPACT = re.compile(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)(?:\D|$)")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
_DMY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|_|$)|/((?:19|20)\d\d)([01]\d)([0-3]\d)/")
EARLIEST = dt.date(1990, 1, 1)


def _mkdate(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def parse_date(value: str) -> dt.date | None:
    """The calendar day written in ``value`` (ISO, compact, or 'June 18, 2023' styles).

    The day is taken as written, in the publisher's own time zone: that is the date a
    reader of the page sees."""
    value = value.strip()
    match = _ISO.search(value) or _COMPACT.search(value)
    if match:
        return _mkdate(*match.groups()[:3])
    match = _MDY.search(value)
    if match and match.group(1).lower() in _MONTHS:
        return _mkdate(match.group(3), str(_MONTHS[match.group(1).lower()]), match.group(2))
    match = _DMY.search(value)
    if match and match.group(2).lower() in _MONTHS:
        return _mkdate(match.group(3), str(_MONTHS[match.group(2).lower()]), match.group(1))
    return None


def url_date(url: str | None) -> dt.date | None:
    if not url:
        return None
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    groups = [g for g in match.groups() if g]
    return _mkdate(*groups[:3])


def _plausible(day: dt.date | None, today: dt.date) -> bool:
    # A date more than a day ahead of today is a scheduled event or a typo, not publication.
    return day is not None and EARLIEST <= day <= today + dt.timedelta(days=1)


def choose_date(
    signals: PageSignals,
    *,
    url: str | None,
    find_date: Callable[[], str | None] | None = None,
    given: str | None = None,
    today: dt.date | None = None,
) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, source)``; source is ``json-ld``, ``meta``, ``url``, ``text`` or ``given``.

    ``find_date`` (htmldate over the whole page, slow) is only called when the page
    declares no usable date in JSON-LD or meta tags."""
    today = today or dt.datetime.now(dt.UTC).date()
    for obj in signals.ld_articles:
        for key in ("datePublished", "dateCreated"):
            value = obj.get(key)
            day = parse_date(value) if isinstance(value, str) else None
            if _plausible(day, today):
                return day.isoformat(), "json-ld"  # type: ignore[union-attr]
    for key in _DATE_META:
        value = signals.meta.get(key)
        day = parse_date(value) if value else None
        if _plausible(day, today):
            return day.isoformat(), "meta"  # type: ignore[union-attr]
    from_url = url_date(url)
    extractor_date = find_date() if find_date is not None else None
    found = parse_date(extractor_date) if extractor_date else None
    if _plausible(found, today):
        assert found is not None
        if found == from_url:
            return found.isoformat(), "url"
        return found.isoformat(), "text"
    if _plausible(from_url, today):
        return from_url.isoformat(), "url"  # type: ignore[union-attr]
    given_day = parse_date(given) if given else None
    if given_day is not None:
        return given_day.isoformat(), "given"
    return None, None


# --------------------------------------------------------------------------- authors

_BY = re.compile(r"^(?:by|written by|words by|text by|von|por|par|di|door|af|av)\s*:?\s+", re.I)
# Conjunctions only in lower case, so initials ("Sarah E. Needleman") are never split.
_SPLIT_AUTHORS = re.compile(r"\s*(?:;|,|&|\||/)\s*|\s+(?:and|AND|And|und|et|y|e|og|i|en)\s+")
_ROLE_SPLIT = re.compile(r"\s+[-–—|]\s+|\s*\(")
_ROLE_WORDS = {
    "staff", "writer", "writers", "reporter", "reporters", "editor", "editors", "correspondent",
    "contributor", "contributing", "columnist", "journalist", "desk", "team", "bureau", "updated",
    "published", "photographer", "photos", "senior", "chief", "associate", "editorial", "redaktion",
    "author", "authors", "admin", "administrator", "newsroom", "guest", "opinion", "analyst",
    "producer", "intern", "anchor", "follow", "email", "twitter", "read", "more", "posted", "agencies",
}  # fmt: skip


def _author_ok(name: str) -> bool:
    if not 2 <= len(name) <= 60 or "@" in name or "http" in name or "www." in name:
        return False
    if any(ch.isdigit() for ch in name):
        return False
    words = name.split()
    if len(words) > 5:
        return False
    if any(w.lower().strip(".,:") in _ROLE_WORDS for w in words):
        return False
    has_letters = [ch for ch in name if ch.isalpha()]
    # Latin-script names are capitalised; a lower-case byline is a sentence fragment.
    return bool(has_letters) and not (name.isascii() and not any(ch.isupper() for ch in name))


def clean_authors(candidates: Iterable[str]) -> tuple[str, ...]:
    """Person names from raw byline strings; drops 'By', e-mails, job titles, URLs."""
    seen: dict[str, str] = {}
    for raw in candidates:
        raw = " ".join(raw.split())
        if not raw:
            continue
        for part in _SPLIT_AUTHORS.split(_BY.sub("", raw)):
            name = _ROLE_SPLIT.split(_BY.sub("", part.strip()))[0].strip(" .,:;-")
            if _author_ok(name):
                seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def _ld_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and not _types(item) & {"organization", "newsmediaorganization"}
        ):
            names.append(item["name"])
    return names


def author_candidates(signals: PageSignals, find_byline: Callable[[], str | None] | None = None) -> tuple[str, ...]:
    """Authors from JSON-LD, then meta tags, then (slow, only if needed) a byline search."""
    ld = [n for obj in signals.ld_articles for n in _ld_names(obj.get("author"))]
    meta = [signals.meta[k] for k in _AUTHOR_META if k in signals.meta and "://" not in signals.meta[k]]
    for source in (ld, meta):
        names = clean_authors(source)
        if names:
            return names
    byline = find_byline() if find_byline is not None else None
    return clean_authors([byline]) if byline else ()


# ------------------------------------------------------------------ site, section, url


def site_name(signals: PageSignals, url: str | None = None) -> str | None:
    """og:site_name, the JSON-LD publisher, application-name, else the host name."""
    declared = (signals.meta.get("og:site_name"), signals.ld_publisher, signals.meta.get("application-name"))
    for value in declared:
        if value and len(value) <= 80:
            return value
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def section_name(signals: PageSignals) -> str | None:
    value = signals.meta.get("article:section")
    if not value:
        for obj in signals.ld_articles:
            section = obj.get("articleSection")
            if isinstance(section, list):
                section = section[0] if section else None
            if isinstance(section, str) and section.strip():
                value = section
                break
    return value.strip() if value and len(value) <= 80 else None


def canonical_url(signals: PageSignals) -> str | None:
    """rel=canonical or og:url, when it is an absolute http(s) URL of a page below the site's
    home (a canonical pointing at the home page is a common CMS mistake: taken at its word,
    every article of the site would get one id)."""
    for value in (signals.canonical, signals.meta.get("og:url")):
        value = (value or "").strip()
        if value:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https") and parts.netloc and (parts.path.strip("/") or parts.query):
                return value
    return None
