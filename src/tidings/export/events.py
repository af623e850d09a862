"""What both event exports read: each event's actors by role, its dyads (compound actors
expanded), and the article fields an export row needs."""

from __future__ import annotations

import json
from typing import Any

NONSTATE = frozenset({"IGO", "NGO", "MNC", "UNO", "EUR", "ISM", "IMG"})


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


def article_meta(store: Any) -> dict[str, dict[str, Any]]:
    """url, published, ingested_at and the end of the lede (first paragraph) per article."""
    out: dict[str, dict[str, Any]] = {}
    for aid, url, source, published, ingested, data in store.conn.execute(
        "SELECT id, url, source, published, ingested_at, data FROM articles"
    ):
        lede_end, pos = 0, 0
        for p in json.loads(data).get("paragraphs") or []:
            pos += len(p["text"])
            if p["kind"] == "paragraph":
                lede_end = pos  # the end of the first body paragraph
                break
            pos += 2  # the blank line between paragraphs
        out[aid] = {
            "url": url,
            "source": source,
            "published": published,
            "ingested_at": ingested,
            "lede_end": lede_end,
        }
    return out
