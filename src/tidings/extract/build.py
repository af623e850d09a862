"""Assemble an :class:`Article` from extracted parts (shared by the HTML, text and record paths).

The one gate every article passes: each text field is cleaned (:mod:`.hygiene`) and the
language is read from the cleaned text (:mod:`.language`), whatever the input kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from tidings.extract.hygiene import clean_text
from tidings.ids import article_id, text_version
from tidings.language import detect_language
from tidings.records import Article, Caption, Paragraph

PARAGRAPH_SEPARATOR = "\n\n"


def join_paragraphs(paragraphs: Sequence[Paragraph]) -> str:
    """The article text: paragraph texts separated by one blank line."""
    return PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(clean_text(value).split()) or None


def _clean_paragraph(p: Paragraph) -> Paragraph:
    text = clean_text(p.text).strip()
    return p if text == p.text else Paragraph(p.kind, text)


def make_article(
    *,
    source: str,
    paragraphs: Iterable[Paragraph],
    title: str | None = None,
    url: str | None = None,
    canonical_url: str | None = None,
    published: str | None = None,
    published_from: str | None = None,
    authors: Iterable[str] = (),
    site: str | None = None,
    section: str | None = None,
    wire: Iterable[str] = (),
    captions: Iterable[Caption] = (),
    language_hint: str | None = None,
    origin: str = "",
    extractor: str = "",
    extras: dict[str, Any] | None = None,
) -> Article:
    """``language_hint`` is the language the page or feed declares; the text decides unless
    the classifier is unsure (see :func:`tidings.language.detect_language`)."""
    paras = tuple(p for p in map(_clean_paragraph, paragraphs) if p.text)
    text = join_paragraphs(paras)
    title = _clean(title)
    language = detect_language(f"{title}\n\n{text}" if title else text, language_hint)
    extras = dict(extras or {})
    extras["language"] = {"source": language.source, "confidence": language.confidence}
    if language_hint:
        extras["language"]["declared"] = language_hint
    return Article(
        id=article_id(canonical_url or url, text),
        source=source,
        url=url,
        title=title,
        text=text,
        paragraphs=paras,
        published=published,
        published_from=published_from,
        authors=tuple(a for a in map(_clean, authors) if a),
        site=_clean(site),
        section=_clean(section),
        wire=tuple(dict.fromkeys(w for w in map(_clean, wire) if w)),
        captions=tuple(Caption(_clean(c.text) or "", _clean(c.credit)) for c in captions if _clean(c.text)),
        language=language.code,
        version=text_version(text),
        origin=origin,
        extractor=extractor,
        extras=extras,
    )
