"""The cross-article actor table in the store: rebuilt from every stored entity after a write
(ingest, merge, reannotate), so it never depends on the order articles arrived in.

``actors`` holds one row per canonical actor (:mod:`tidings.facts.actors.identity` decides who is
who); ``actor_entities`` maps each article-local entity to its actor, which is how events, quotes
and profiles find an actor's facts.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any

from tidings.facts.actors.identity import fold_entities

ACTOR_SCHEMA = """
CREATE TABLE actors (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_code TEXT,
    country TEXT,
    sector TEXT,
    aliases TEXT NOT NULL,
    roles TEXT NOT NULL,
    articles INTEGER NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    ambiguous INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
CREATE TABLE actor_entities (
    entity_id TEXT PRIMARY KEY,
    actor_key TEXT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX actor_entities_actor ON actor_entities(actor_key);
CREATE TABLE actor_names (
    name TEXT NOT NULL COLLATE NOCASE,
    actor_key TEXT NOT NULL
);
CREATE INDEX actor_names_name ON actor_names(name COLLATE NOCASE);
"""


def _entities(conn: sqlite3.Connection) -> Iterator[tuple[Mapping[str, Any], str | None]]:
    rows = conn.execute(
        "SELECT f.data, a.published FROM facts f JOIN articles a ON a.id = f.article_id"
        " WHERE f.kind = 'entities' ORDER BY a.published, a.id, f.start"
    )
    for data, published in rows:
        yield json.loads(data), (published or "")[:10] or None


def rebuild_actors(conn: sqlite3.Connection) -> int:
    """Recompute the actor table from the stored entities (call inside a transaction)."""
    rows, entity_actor = fold_entities(_entities(conn))
    conn.execute("DELETE FROM actors")
    conn.execute("DELETE FROM actor_entities")
    conn.execute("DELETE FROM actor_names")
    conn.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", [_values(r) for r in rows])
    names = {(n, r["key"]) for r in rows for n in [r["name"], *r["aliases"]]}
    conn.executemany("INSERT INTO actor_names VALUES (?,?)", sorted(names))
    article_of = dict(conn.execute("SELECT id, article_id FROM facts WHERE kind = 'entities'").fetchall())
    conn.executemany(
        "INSERT INTO actor_entities VALUES (?,?,?)",
        [(eid, key, article_of.get(eid, "")) for eid, key in entity_actor.items()],
    )
    return len(rows)


COLUMNS = ("key", "name", "kind", "actor_code", "country", "sector", "aliases", "roles", "articles",
           "first_seen", "last_seen", "ambiguous")  # fmt: skip


def _values(r: Mapping[str, Any]) -> tuple[Any, ...]:
    plain = dict(r, aliases=json.dumps(r["aliases"], ensure_ascii=False), ambiguous=int(r["ambiguous"]))
    plain["roles"] = json.dumps(r["roles"], ensure_ascii=False)
    return tuple(plain[c] for c in COLUMNS)


def actor_row(row: tuple[Any, ...]) -> dict[str, Any]:
    """A stored actor row as JSON-ready fields."""
    out = dict(zip(COLUMNS, row, strict=True))
    out["aliases"], out["roles"] = json.loads(out["aliases"]), json.loads(out["roles"])
    out["ambiguous"] = bool(out["ambiguous"])
    return out
