"""What both event exports read: each event's actors by role, its dyads (compound actors
expanded), and the article fields an export row needs."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from tidings.export.tone import document_tone


def roles(event: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(sources, targets) of a stored event. Events stored before targets were recorded
    fall back to the one source and target."""
    actors = list(event.get("actors") or [])
    if "targets" in event:
        targets = list(event.get("targets") or [])
    else:
        targets = [event["target"]] if event.get("target") else []
    sources = [a for a in actors if a not in targets]
    if not sources and event.get("source"):
        sources = [event["source"]]
    return sources, targets


def dyads(event: dict[str, Any]) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """GDELT's one-row-per-dyad view of a compound event: every source with every target;
    a reciprocal event with no target ("the US, Japan and the Philippines agreed") pairs
    its actors with one another; at most 16 rows (the row id keeps 4 bits for the pair)."""
    sources, targets = roles(event)
    pairs: list[tuple[dict[str, Any] | None, dict[str, Any] | None]]
    if targets:
        doers: list[dict[str, Any] | None] = [*sources] or [None]
        pairs = [(s, t) for s in doers for t in targets]
    elif len(sources) > 1:
        pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]
    else:
        pairs = [(sources[0] if sources else None, None)]
    return list(pairs[:16])


def lede_end(paragraphs: list[dict[str, Any]]) -> int:
    """The end of the first body paragraph (GDELT's IsRootEvent: an event of the lead)."""
    pos = 0
    for p in paragraphs:
        pos += len(p["text"])
        if p["kind"] == "paragraph":
            return pos
        pos += 2  # the blank line between paragraphs
    return 0


class ArticleFacts:
    """What export rows read about an event's article, loaded once per article as rows ask
    (an export streams events in article order; clusters reach back to other articles)."""

    def __init__(self, store: Any, cache: int = 512) -> None:
        self.conn = store.conn
        self.store = store
        self.meta = lru_cache(maxsize=cache)(self._meta)
        self.text = lru_cache(maxsize=cache)(self._text)
        self.tone = lru_cache(maxsize=cache)(self._tone)
        self.places = lru_cache(maxsize=cache)(self._places)
        self.entities = lru_cache(maxsize=cache)(self._entities)
        self.issues = lru_cache(maxsize=cache)(self._issues)

    def _meta(self, article_id: str) -> dict[str, Any]:
        """url, source, site, published, ingested_at, language, lede_end."""
        row = self.conn.execute(
            "SELECT url, source, site, published, ingested_at, language, data FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return {}
        url, source, site, published, ingested, language, data = row
        return {
            "url": url,
            "source": source,
            "site": site,
            "published": published,
            "ingested_at": ingested,
            "language": language,
            "lede_end": lede_end(json.loads(data).get("paragraphs") or []),
        }

    def _text(self, article_id: str) -> str:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else ""

    def _tone(self, article_id: str) -> float | None:
        return document_tone(self.text(article_id), self.meta(article_id).get("language"))

    def _places(self, article_id: str) -> list[dict[str, Any]]:
        return list(self.store.facts("places", article_id))

    def _entities(self, article_id: str) -> list[dict[str, Any]]:
        return list(self.store.facts("entities", article_id))

    def _issues(self, article_id: str) -> list[dict[str, Any]]:
        return list(self.store.facts("issues", article_id))
