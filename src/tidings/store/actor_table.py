"""The cross-article actor table, folded from every stored article's entities in date order
(:func:`tidings.facts.actors.identity.merge_entities` decides what is the same actor)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tidings.facts.actors.identity import merge_entities
from tidings.records import Entity, from_plain
from tidings.store.sqlite import Store


def actor_rows(store: Store, search: str | None = None) -> Iterator[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    articles = store.conn.execute("SELECT id, published FROM articles ORDER BY published, id").fetchall()
    for article_id, published in articles:
        entities = [from_plain(Entity, e) for e in store.facts("entities", article_id)]
        if entities:
            rows = merge_entities(rows, entities, seen=(published or "")[:10] or None)
    needle = (search or "").lower()
    for row in sorted(rows, key=lambda r: (-r.get("articles", 0), r["name"])):
        names = [row["name"], *row.get("aliases", [])]
        if not needle or any(needle in n.lower() for n in names) or needle == (row.get("actor_code") or "").lower():
            yield row
