"""Read queries shared by the pages and the JSON API (all with bound parameters)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from tidings.records import FACT_KINDS
from tidings.store.event_index import dyad_key
from tidings.web.db import reset_deadline
from tidings.web.filters import Query, encode_cursor

INTERVALS = ("day", "week", "month")
DIRECTIONS = ("both", "forward", "backward")


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
    """Every matching row, fetched page by page (each page under its own time limit)."""
    after = query.after
    sent = 0
    while sent < cap:
        reset_deadline(conn, seconds)
        sql, args = query.sql(limit=page, after=after)
        rows = conn.execute(sql, args).fetchall()
        for r in rows:
            yield query.resource.row(r)
        sent += len(rows)
        if len(rows) < page:
            return
        after = (rows[-1][-2], rows[-1][-1])


def article_with_facts(conn: sqlite3.Connection, article_id: str) -> tuple[dict[str, Any], Any, Any] | None:
    """(article row, its facts, its fact rejections), or None when there is no such article."""
    article = article_row(conn, article_id)
    if article is None:
        return None
    return article, article_facts(conn, article_id), fact_rejections(conn, article_id)


def article_row(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT data, story_id, ingested_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    data: dict[str, Any] = json.loads(row[0])
    data["story_id"], data["ingested_at"] = row[1], row[2]
    return data


def article_facts(conn: sqlite3.Connection, article_id: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in FACT_KINDS}
    rows = conn.execute("SELECT kind, data FROM facts WHERE article_id = ? ORDER BY kind, start, id", (article_id,))
    for kind, data in rows:
        out.setdefault(kind, []).append(json.loads(data))
    return out


def fact_rejections(conn: sqlite3.Connection, article_id: str) -> list[dict[str, str]]:
    rows = conn.execute("SELECT stage, code, detail FROM fact_rejections WHERE article_id = ?", (article_id,))
    return [{"stage": s, "code": c, "detail": d} for s, c, d in rows]


def _dyad_where(a: str, b: str, direction: str) -> tuple[str, tuple[str, ...]]:
    """One range of the dyad index (both directions share the undirected key)."""
    where, args = "e.dyad = ?", (dyad_key(a, b) or "",)
    if direction == "forward":
        return f"{where} AND e.source_country = ? AND e.target_country = ?", (*args, a, b)
    if direction == "backward":
        return f"{where} AND e.source_country = ? AND e.target_country = ?", (*args, b, a)
    return where, args


def bucket_of(day: str, interval: str) -> str | None:
    if interval == "day":
        return day
    if interval == "month":
        return day[:7]
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()  # the Monday of its ISO week


def dyad_series(
    conn: sqlite3.Connection,
    a: str,
    b: str,
    interval: str = "week",
    direction: str = "both",
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Per-bucket counts by QuadClass and mean Goldstein for events between A and B.

    Reads the daily roll-up (``event_daily``) in key order, one range per dyad, summed per
    day in SQLite; days are then rolled up into weeks or months here."""
    if interval not in INTERVALS:
        raise ValueError(interval)
    clauses, args = ["d.dyad = ?"], [dyad_key(a, b) or ""]
    if direction != "both":
        clauses.append("d.source_country = ?")
        args.append(a if direction == "forward" else b)
    if date_from:
        clauses.append("d.date >= ?")
        args.append(date_from)
    if date_to:
        clauses.append("d.date <= ?")
        args.append(date_to)
    sums = ", ".join(f"sum(CASE WHEN d.quad_class = {q} THEN d.events ELSE 0 END)" for q in (1, 2, 3, 4))
    sql = (
        f"SELECT d.date, sum(d.events), {sums}, sum(d.goldstein_sum), sum(d.goldstein_n)"
        f" FROM event_daily d WHERE {' AND '.join(clauses)} GROUP BY d.date ORDER BY d.date"
    )
    buckets: dict[str, list[float]] = {}
    for day, *counts in conn.execute(sql, args):
        key = bucket_of(day, interval)
        if key is None:
            continue
        acc = buckets.setdefault(key, [0, 0, 0, 0, 0, 0.0, 0])
        for i, value in enumerate(counts):
            acc[i] += value or 0
    out = []
    for key in sorted(buckets):
        n, q1, q2, q3, q4, gold_sum, gold_n = buckets[key]
        out.append(
            {
                "bucket": key,
                "events": int(n),
                "verbal_cooperation": int(q1),
                "material_cooperation": int(q2),
                "verbal_conflict": int(q3),
                "material_conflict": int(q4),
                "cooperation": int(q1 + q2),
                "conflict": int(q3 + q4),
                "goldstein_mean": round(gold_sum / gold_n, 3) if gold_n else None,
            }
        )
    return out


def bucket_range(interval: str, bucket: str) -> tuple[str, str] | None:
    """First and last day of a bucket label, or None if the label is malformed."""
    try:
        if interval == "day":
            d = date.fromisoformat(bucket)
            return d.isoformat(), d.isoformat()
        if interval == "week":
            d = date.fromisoformat(bucket)
            return d.isoformat(), (d + timedelta(days=6)).isoformat()
        if interval == "month" and len(bucket) == 7:
            first = date.fromisoformat(bucket + "-01")
            nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return first.isoformat(), (nxt - timedelta(days=1)).isoformat()
    except ValueError:
        return None
    return None


def dyad_events(
    conn: sqlite3.Connection,
    a: str,
    b: str,
    direction: str = "both",
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    where, args = _dyad_where(a, b, direction)
    clauses = [where]
    if date_from:
        clauses.append("e.date >= ?")
        args = (*args, date_from)
    if date_to:
        clauses.append("e.date <= ?")
        args = (*args, date_to)
    sql = (
        "SELECT f.data, e.date, a.title FROM event_index e JOIN facts f ON f.id = e.id"
        " JOIN articles a ON a.id = e.article_id"
        f" WHERE {' AND '.join(clauses)} ORDER BY e.date DESC, e.id LIMIT ?"
    )
    out = []
    for data, day, title in conn.execute(sql, (*args, limit)):
        event = json.loads(data)
        event["_day"], event["_title"] = day, title
        out.append(event)
    return out


def entity_by_id(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT data FROM facts WHERE id = ? AND kind = 'entities'", (entity_id,)).fetchone()
    return json.loads(row[0]) if row else None


def actor_profile(conn: sqlite3.Connection, name: str, limit: int = 200) -> dict[str, Any]:
    """An actor across the store: every entity with this canonical name (ASCII case-
    insensitive), merged aliases and roles, its quotes, and events as source and target."""
    entities = [
        json.loads(d)
        for (d,) in conn.execute(
            "SELECT data FROM facts WHERE kind = 'entities'"
            " AND json_extract(data, '$.name') = ? COLLATE NOCASE LIMIT ?",
            (name, limit),
        )
    ]
    ids = [e["id"] for e in entities]
    marks = ",".join("?" * len(ids)) or "NULL"
    aliases = sorted({al for e in entities for al in e.get("aliases") or () if al != name})
    roles: dict[str, str | None] = {}
    for e in entities:
        for r in e.get("roles") or ():
            seen = r.get("seen")
            if r.get("title") and (r["title"] not in roles or (seen or "") > (roles[r["title"]] or "")):
                roles[r["title"]] = seen
    quotes = [
        json.loads(d)
        for (d,) in conn.execute(
            "SELECT data FROM facts WHERE kind = 'quotes' AND (json_extract(data, '$.speaker.entity_id')"
            f" IN ({marks}) OR json_extract(data, '$.speaker.name') = ? COLLATE NOCASE) LIMIT ?",
            (*ids, name, limit),
        )
    ]
    events: dict[str, list[dict[str, Any]]] = {"source": [], "target": []}
    for side in ("source", "target"):
        rows = conn.execute(
            f"SELECT f.data, e.date FROM event_index e JOIN facts f ON f.id = e.id WHERE e.{side}_entity"
            f" IN ({marks}) OR e.{side}_name = ? COLLATE NOCASE ORDER BY e.date, e.id LIMIT ?",
            (*ids, name, limit),
        )
        for data, day in rows:
            event = json.loads(data)
            event["_day"] = day
            events[side].append(event)
    kinds = sorted({e.get("kind") or "" for e in entities} - {""})
    countries = sorted({e.get("country") or "" for e in entities} - {""})
    return {
        "name": name,
        "entity_ids": ids,
        "kinds": kinds,
        "countries": countries,
        "aliases": aliases,
        "roles": [{"title": t, "seen": s} for t, s in sorted(roles.items(), key=lambda kv: kv[1] or "")],
        "articles": sorted({e["article_id"] for e in entities}),
        "quotes": quotes,
        "events_as_source": events["source"],
        "events_as_target": events["target"],
    }


def story_articles(conn: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, title, published, site, url, source, length(text) FROM articles WHERE story_id = ?"
        " ORDER BY published, id LIMIT 500",
        (story_id,),
    ).fetchall()
    if not rows:  # an article without a story is its own story of one
        rows = conn.execute(
            "SELECT id, title, published, site, url, source, length(text) FROM articles WHERE id = ?",
            (story_id,),
        ).fetchall()
    names = ("id", "title", "published", "site", "url", "source", "chars")
    return [dict(zip(names, r, strict=True)) for r in rows]


def recent_articles(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, title, published, site, url FROM articles ORDER BY published DESC, id LIMIT ?", (limit,)
    ).fetchall()
    return [dict(zip(("id", "title", "published", "site", "url"), r, strict=True)) for r in rows]


def article_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
