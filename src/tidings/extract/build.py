"""Assemble an :class:`Article` from extracted parts (shared by the HTML and text paths)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from tidings.ids import article_id, text_version
from tidings.records import Article, Caption, Paragraph

PARAGRAPH_SEPARATOR = "\n\n"


def join_paragraphs(paragraphs: Sequence[Paragraph]) -> str:
    """The article text: paragraph texts separated by one blank line."""
    return PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs)


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
    language: str | None = None,
    origin: str = "",
    extractor: str = "",
    extras: dict[str, Any] | None = None,
) -> Article:
    paras = tuple(p for p in paragraphs if p.text.strip())
    text = join_paragraphs(paras)
    return Article(
        id=article_id(canonical_url or url, text),
        source=source,
        url=url,
        title=title,
        text=text,
        paragraphs=paras,
        published=published,
        published_from=published_from,
        authors=tuple(authors),
        site=site,
        section=section,
        wire=tuple(dict.fromkeys(wire)),
        captions=tuple(captions),
        language=language,
        version=text_version(text),
        origin=origin,
        extractor=extractor,
        extras=dict(extras or {}),
    )
