"""Paged list queries and small lookups of the pages and the JSON API (all with bound parameters);
articles, dyads and actors are read through :mod:`tidings.store.reads`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from tidings.web.db import reset_deadline
from tidings.web.filters import Query, encode_cursor


def run_page(conn: sqlite3.Connection, query: Query) -> tuple[list[dict[str, Any]], str | None]:
    """One page of results and the cursor of the next page (None on the last page)."""
    sql, args = query.sql(limit=query.limit + 1)
    rows = conn.execute(sql, args).fetchall()
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    items = [query.resource.row(r) for r in rows]
    cursor = None
    if more and rows:
        last = rows[-1]
        cursor = encode_cursor(query.sort, query.order, last[-2], last[-1])
    return items, cursor


def stream_rows(
    conn: sqlite3.Connection, query: Query, seconds: float, cap: int = 1_000_000, page: int = 1000
) -> Iterator[dict[str, Any]]:
    """Every matching row (at most ``limit`` when the request gave one), fetched page by page,
    each page under its own time limit."""
    cap = min(cap, query.limit) if query.limit_given else cap
    after = query.after
    sent = 0
    while sent < cap:
        reset_deadline(conn, seconds)
        size = min(page, cap - sent)
        sql, args = query.sql(limit=size, after=after)
        rows = conn.execute(sql, args).fetchall()
        for r in rows:
            yield query.resource.row(r)
        sent += len(rows)
        if len(rows) < size:
            return
        after = (rows[-1][-2], rows[-1][-1])


def actor_key_of(conn: sqlite3.Connection, actor: str) -> str:
    """An actor page's address: an entity id (the actor it belongs to), else a key or name."""
    row = conn.execute("SELECT actor_key FROM actor_entities WHERE entity_id = ?", (actor,)).fetchone()
    return str(row[0]) if row else actor


def recent_articles(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, title, published, site, url FROM articles ORDER BY published DESC, id LIMIT ?", (limit,)
    ).fetchall()
    return [dict(zip(("id", "title", "published", "site", "url"), r, strict=True)) for r in rows]


def article_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
