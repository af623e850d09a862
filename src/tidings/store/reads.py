"""The one read model: every consumer (CLI, briefs, JSON API, web pages) reads the store through
these functions, so they all show the same numbers for the same question.

Definitions (each page says which it shows):

* **event** (in counts): an event *cluster* — one real-world act told once or many times, in one
  article or several (:mod:`tidings.facts.events.identity` decides what is the same event).
  ``copies`` counts the coded event rows behind the clusters, ``mentions`` every telling.
* **dyad series**: clusters between two countries (either direction unless asked) with the asked
  factuality (``asserted`` unless asked), bucketed by the charted day of the cluster's first row
  (:func:`tidings.store.event_index.event_day`); clusters with no charted day count in the totals
  as ``undated``.
* **main event** of an article: the events its coder flagged ``is_main``.
* **actor profile**: one canonical actor of the cross-article table (:mod:`tidings.store.actors`)
  with its aliases, roles with the dates they were seen, its codes over time, its articles, and the
  events and quotes of its entities (lists paged; counts always of all).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from tidings.records import FACT_KINDS
from tidings.store.actors import COLUMNS as ACTOR_COLUMNS
from tidings.store.actors import actor_row
from tidings.store.event_frame import FACETS, EventFrame, FrameCache, build_frame
from tidings.store.event_index import dyad_key
from tidings.store.event_query import EventQuery

INTERVALS = ("day", "week", "month", "year")
DIRECTIONS = ("both", "forward", "backward")
FACTUALITIES = ("asserted", "planned", "hypothetical", "negated", "alleged")
COUNTS_NOTE = (
    "events = distinct event clusters (the same event told in several sentences or articles counts "
    "once); copies = coded event rows; mentions = tellings"
)


# ------------------------------------------------------------------ articles
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


def article_with_facts(conn: sqlite3.Connection, article_id: str) -> tuple[dict[str, Any], Any, Any] | None:
    """(article row, its facts by kind, its fact rejections), or None when there is no such article."""
    article = article_row(conn, article_id)
    if article is None:
        return None
    return article, article_facts(conn, article_id), fact_rejections(conn, article_id)


def main_events(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article's main events as its coder flagged them, in text order."""
    return sorted((e for e in events if e.get("is_main")), key=lambda e: e["start"])


# ------------------------------------------------------------------ dyads
def bucket_of(day: str, interval: str) -> str | None:
    """The bucket label of a day: itself, the Monday of its ISO week, its month or its year."""
    if interval == "day":
        return day
    if interval == "month":
        return day[:7]
    if interval == "year":
        return day[:4]
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


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
        if interval == "year" and len(bucket) == 4:
            return f"{bucket}-01-01", f"{bucket}-12-31"
    except ValueError:
        return None
    return None


def _dyad_clauses(
    a: str, b: str, direction: str, factuality: Sequence[str], since: str | None, until: str | None
) -> tuple[str, list[Any]]:
    clauses, args = ["e.dyad = ?"], [dyad_key(a, b) or ""]
    if factuality:
        clauses.append(f"e.factuality IN ({','.join('?' * len(factuality))})")
        args += list(factuality)
    if direction in ("forward", "backward"):
        src, tgt = (a, b) if direction == "forward" else (b, a)
        clauses.append("e.source_country = ? AND e.target_country = ?")
        args += [src, tgt]
    _date_range(clauses, args, since, until)
    return " AND ".join(clauses), args


def _date_range(clauses: list[str], args: list[Any], since: str | None, until: str | None) -> None:
    """Charted days on or after ``since`` and on or before ``until`` (a month or year: all of it)."""
    if since:
        clauses.append("e.date >= ?")
        args.append(since[:10])
    if until:
        clauses.append("e.date <= ?")
        args.append(until[:10] if len(until) >= 10 else until + "\uffff")


def _clusters(
    conn: sqlite3.Connection,
    a: str,
    b: str,
    *,
    direction: str = "both",
    factuality: Sequence[str] = ("asserted",),
    since: str | None = None,
    until: str | None = None,
) -> list[tuple[Any, ...]]:
    """(cluster, first day, copies, mentions, quad class, goldstein sum, goldstein n, first event id)."""
    where, args = _dyad_clauses(a, b, direction, factuality, since, until)
    sql = (
        "SELECT coalesce(e.cluster_id, e.id) AS c, min(e.date), count(*), sum(coalesce(e.mentions, 1)),"
        " max(e.quad_class), sum(coalesce(e.goldstein, 0)), count(e.goldstein), min(e.id)"
        f" FROM event_index e WHERE {where} GROUP BY c"
    )
    return conn.execute(sql, args).fetchall()


def dyad_series(
    conn: sqlite3.Connection,
    a: str,
    b: str,
    *,
    interval: str = "month",
    direction: str = "both",
    factuality: Sequence[str] = ("asserted",),
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """Event clusters between countries ``a`` and ``b`` per bucket, with copies and mentions
    beside them, and cooperation/conflict by GDELT QuadClass (see the module docstring)."""
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {INTERVALS}")
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}")
    where, args = _dyad_clauses(a, b, direction, factuality, since, until)
    totals, points = _points(_bucketed(conn, where, args, interval))
    return {
        "dyad": f"{a}-{b}",
        "interval": interval,
        "direction": direction,
        "factuality": list(factuality),
        "since": since,
        "until": until,
        **totals,
        "series": points,
    }


def series_of(clusters: Iterable[Sequence[Any]], interval: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Totals and per-bucket points of event clusters, each given as (cluster, first day, copies,
    mentions, max QuadClass, Goldstein sum, Goldstein n, first event id): the one way every
    timeline (dyad, search, actor, theme) counts."""
    buckets: dict[str | None, list[float]] = {}
    for _, day, copies, mentions, quad, gold_sum, gold_n, _ in clusters:
        key = bucket_of(day, interval) if day else None
        acc = buckets.setdefault(key, [0, 0, 0, 0, 0, 0, 0, 0.0, 0])
        acc[0] += 1
        acc[1] += copies
        acc[2] += mentions
        if quad in (1, 2, 3, 4):
            acc[2 + int(quad)] += 1
        acc[7] += gold_sum
        acc[8] += gold_n
    return _points(buckets)


def _points(buckets: dict[str | None, list[float]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Totals and points from per-bucket sums (events, copies, mentions, QuadClass 1-4, Goldstein
    sum and n); the None bucket holds the undated clusters."""
    totals = [0, 0, 0, 0]  # events, copies, mentions, undated
    points = []
    for key in sorted(buckets, key=lambda k: (k is None, k or "")):
        n, copies, mentions, q1, q2, q3, q4, gold_sum, gold_n = buckets[key]
        totals[0] += int(n)
        totals[1] += int(copies)
        totals[2] += int(mentions)
        if key is None:
            totals[3] += int(n)
            continue
        points.append(
            {
                "bucket": key,
                "events": int(n),
                "copies": int(copies),
                "mentions": int(mentions),
                "verbal_cooperation": int(q1),
                "material_cooperation": int(q2),
                "verbal_conflict": int(q3),
                "material_conflict": int(q4),
                "cooperation": int(q1 + q2),
                "conflict": int(q3 + q4),
                "goldstein_mean": round(gold_sum / gold_n, 3) if gold_n else None,
            }
        )
    names = ("events", "copies", "mentions", "undated")
    return {"counts": COUNTS_NOTE, **dict(zip(names, totals, strict=True))}, points


# The bucket of a cluster's first charted day, in SQL (the same labels as bucket_of).
_SQL_BUCKETS = {
    "day": "d",
    "month": "substr(d, 1, 7)",
    "year": "substr(d, 1, 4)",
    "week": "date(d, printf('-%d days', (CAST(strftime('%w', d) AS INTEGER) + 6) % 7))",
}


def _bucketed(conn: sqlite3.Connection, where: str, args: list[Any], interval: str) -> dict[str | None, list[float]]:
    """Per-bucket sums of the event clusters of the rows ``where`` selects, computed in SQLite
    over the covering index of migration 0009 (a 10-year dyad of 100,000 events in ~0.1 s):
    rows grouped by cluster, rows bulk-loaded without a cluster each one of their own."""
    sql = (
        "WITH c AS ("
        " SELECT min(e.date) AS d, count(*) AS n, sum(coalesce(e.mentions, 1)) AS m, max(e.quad_class) AS q,"
        " sum(coalesce(e.goldstein, 0)) AS gs, count(e.goldstein) AS gn"
        f" FROM event_index e WHERE {where} AND e.cluster_id IS NOT NULL GROUP BY e.cluster_id"
        " UNION ALL"
        " SELECT e.date, 1, coalesce(e.mentions, 1), e.quad_class, coalesce(e.goldstein, 0), e.goldstein IS NOT NULL"
        f" FROM event_index e WHERE {where} AND e.cluster_id IS NULL)"
        f" SELECT {_SQL_BUCKETS[interval]} AS b, count(*), sum(n), sum(m), sum(q = 1), sum(q = 2), sum(q = 3),"
        " sum(q = 4), sum(gs), sum(gn) FROM c GROUP BY b"
    )
    return {b: [float(x or 0) for x in rest] for b, *rest in conn.execute(sql, [*args, *args])}


def dyad_events(
    conn: sqlite3.Connection,
    a: str,
    b: str,
    *,
    direction: str = "both",
    factuality: Sequence[str] = ("asserted",),
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """One event per cluster of the dyad (its first coded row), newest first, with the cluster's
    copies and mentions: the events behind :func:`dyad_series`."""
    rows = _clusters(conn, a, b, direction=direction, factuality=factuality, since=since, until=until)
    rows.sort(key=lambda r: (r[1] or "", r[0]), reverse=True)
    return cluster_events(conn, rows[offset : offset + limit])


def cluster_events(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """The first coded event of each cluster row (see :func:`series_of`), with its article's title
    and the cluster's id, first day, copies and mentions beside it, in the order of ``rows``."""
    rows = list(rows)
    ids = [r[-1] for r in rows]
    found = {
        eid: (data, title)
        for eid, data, title in conn.execute(
            "SELECT f.id, f.data, a.title FROM facts f JOIN articles a ON a.id = f.article_id"
            " WHERE f.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    out = []
    for cluster, day, copies, mentions, *_, first_id in rows:
        if first_id not in found:
            continue
        data, title = found[first_id]
        event = json.loads(data)
        event.update(_day=day, _title=title, _cluster=cluster, _copies=copies, _mentions=mentions)
        out.append(event)
    return out


# ------------------------------------------------------------------ actors
def entity_actors(conn: sqlite3.Connection, article_id: str | None = None) -> dict[str, dict[str, Any]]:
    """Entity id -> its canonical cross-article actor (``key``, ``name``, ``kind``) for one article's
    entities (all when ``article_id`` is None); entities that are not actors are absent."""
    sql = "SELECT ae.entity_id, a.key, a.name, a.kind FROM actor_entities ae JOIN actors a ON a.key = ae.actor_key" + (
        " WHERE ae.article_id = ?" if article_id else ""
    )
    rows = conn.execute(sql, (article_id,) if article_id else ())
    return {eid: {"key": key, "name": name, "kind": kind} for eid, key, name, kind in rows}


def find_actors(conn: sqlite3.Connection, name: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors a name can mean, most-reported first: those whose key, name or any alias is ``name``
    (case-insensitive), then those with a name or alias one of whose words it is ("Clinton"
    offers Hillary Clinton, Bill Clinton and the mentions no article decided, ``ambiguous``);
    failing both, those whose names contain it."""
    cols = ", ".join(f"a.{c}" for c in ACTOR_COLUMNS)
    exact = conn.execute(
        f"SELECT DISTINCT {cols} FROM actors a LEFT JOIN actor_names n ON n.actor_key = a.key"
        " WHERE a.key = ? OR a.name = ? COLLATE NOCASE OR n.name = ? COLLATE NOCASE"
        " ORDER BY a.articles DESC, a.name LIMIT ?",
        (name, name, name, limit),
    ).fetchall()
    words = conn.execute(
        f"SELECT DISTINCT {cols} FROM actors a JOIN actor_names n ON n.actor_key = a.key"
        " WHERE (n.name LIKE ? OR n.name LIKE ? OR n.name LIKE ?) AND a.kind IN ('PERSON', 'ORG')"
        " ORDER BY a.articles DESC, a.name LIMIT ?",
        (f"% {name}", f"{name} %", f"% {name} %", limit),
    ).fetchall()
    rows = list(dict.fromkeys([*exact, *words]))[:limit]
    if not rows:  # a part of a name: the actors whose names contain it
        rows = conn.execute(
            f"SELECT DISTINCT {cols} FROM actors a JOIN actor_names n ON n.actor_key = a.key"
            " WHERE n.name LIKE ? ORDER BY a.articles DESC, a.name LIMIT ?",
            (f"%{name}%", limit),
        ).fetchall()
    return [actor_row(r) for r in rows]


def actor_list(conn: sqlite3.Connection, search: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """The cross-article actor table, most-reported first; ``search`` matches any alias or the code;
    ``limit`` 0 (or less) lists them all."""
    cols = ", ".join(f"a.{c}" for c in ACTOR_COLUMNS)
    limit = limit if limit > 0 else -1  # SQLite: a negative LIMIT is no limit
    if not search:
        rows = conn.execute(f"SELECT {cols} FROM actors a ORDER BY a.articles DESC, a.name LIMIT ?", (limit,))
        return [actor_row(r) for r in rows]
    rows = conn.execute(
        f"SELECT DISTINCT {cols} FROM actors a LEFT JOIN actor_names n ON n.actor_key = a.key"
        " WHERE n.name LIKE ? OR a.actor_code = upper(?) ORDER BY a.articles DESC, a.name LIMIT ?",
        (f"%{search}%", search, limit),
    )
    return [actor_row(r) for r in rows]


def _entity_ids(conn: sqlite3.Connection, key: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT entity_id FROM actor_entities WHERE actor_key = ?", (key,))]


def _actor_events(
    conn: sqlite3.Connection, side: str, key: str, since: str | None, until: str | None
) -> list[dict[str, Any]]:
    clauses = [f"e.{side}_entity IN (SELECT entity_id FROM actor_entities WHERE actor_key = ?)"]
    args: list[Any] = [key]
    _date_range(clauses, args, since, until)
    rows = conn.execute(
        "SELECT f.data, e.date, coalesce(e.cluster_id, e.id), a.title FROM event_index e"
        " JOIN facts f ON f.id = e.id JOIN articles a ON a.id = e.article_id"
        f" WHERE {' AND '.join(clauses)} ORDER BY e.date, e.id",
        args,
    )
    out = []
    for data, day, cluster, title in rows:
        event = json.loads(data)
        event["_day"], event["_cluster"], event["_title"] = day, cluster, title
        out.append(event)
    return out


def _actor_articles(conn: sqlite3.Connection, key: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """The articles that name the actor, newest first (paged like the events)."""
    rows = conn.execute(
        "SELECT DISTINCT a.id, a.title, a.published FROM actor_entities x JOIN articles a ON a.id = x.article_id"
        " WHERE x.actor_key = ? ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
        (key, limit, offset),
    )
    return [{"id": i, "title": t, "published": p} for i, t, p in rows]


def actor_codes(conn: sqlite3.Connection, key: str) -> list[dict[str, Any]]:
    """The actor's codes over time (country + sector as its articles coded it on their dates:
    Hillary Clinton USAGOV 2009-2013, USAPTY 2015-2016), oldest first, each with the first and last
    day and the number of articles."""
    rows = conn.execute(
        "SELECT json_extract(f.data, '$.actor_code'), json_extract(f.data, '$.country'),"
        " json_extract(f.data, '$.sector'), substr(a.published, 1, 10), a.id"
        " FROM actor_entities x JOIN facts f ON f.id = x.entity_id JOIN articles a ON a.id = x.article_id"
        " WHERE x.actor_key = ?",
        (key,),
    )
    spans: dict[str, dict[str, Any]] = {}
    for code, country, sector, day, article in rows:
        if not code:
            continue
        span = spans.setdefault(
            code, {"code": code, "country": country, "sector": sector, "first_seen": day, "last_seen": day, "_a": set()}
        )
        if day and (span["first_seen"] is None or day < span["first_seen"]):
            span["first_seen"] = day
        if day and (span["last_seen"] is None or day > span["last_seen"]):
            span["last_seen"] = day
        span["_a"].add(article)
    out = []
    for span in sorted(spans.values(), key=lambda sp: (sp["first_seen"] or "", sp["code"])):
        out.append({**{k: v for k, v in span.items() if k != "_a"}, "articles": len(span["_a"])})
    return out


def actor_profile(
    conn: sqlite3.Connection,
    name: str,
    *,
    limit: int = 100,
    offset: int = 0,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any] | None:
    """One actor's profile (see the module docstring), or None when no actor has this name.
    Event lists are paged (``limit``/``offset``); the counts are always of all of them."""
    found = find_actors(conn, name)
    if not found:
        return None
    actor, others = found[0], found[1:]
    key = actor["key"]
    as_source = _actor_events(conn, "source", key, since, until)
    as_target = _actor_events(conn, "target", key, since, until)
    ids = _entity_ids(conn, key)
    marks = ",".join("?" * len(ids)) or "NULL"
    quotes = [
        json.loads(d)
        for (d,) in conn.execute(
            "SELECT data FROM facts WHERE kind = 'quotes' AND json_extract(data, '$.speaker.entity_id')"
            f" IN ({marks}) ORDER BY article_id, start",
            ids,
        )
    ]
    articles = sorted({r[0] for r in conn.execute(
        "SELECT article_id FROM actor_entities WHERE actor_key = ?", (key,))})  # fmt: skip
    return {
        **actor,
        "counts": COUNTS_NOTE,
        "others": [{"key": o["key"], "name": o["name"], "articles": o["articles"]} for o in others],
        "entity_ids": ids,
        "article_ids": articles,
        "article_list": _actor_articles(conn, key, limit, offset),
        "codes": actor_codes(conn, key),
        "events": {
            "as_source": len({e["_cluster"] for e in as_source}),
            "as_target": len({e["_cluster"] for e in as_target}),
            "copies_as_source": len(as_source),
            "copies_as_target": len(as_target),
        },
        "quotes_count": len(quotes),
        "events_as_source": as_source[offset : offset + limit],
        "events_as_target": as_target[offset : offset + limit],
        "quotes": quotes[offset : offset + limit],
        "limit": limit,
        "offset": offset,
    }


# ------------------------------------------------------------------ events: browse, facets, timelines, map
# Any set of events (EventQuery: facets, a dyad, an actor, a theme, a text search) is counted the
# way dyad series count: event clusters, asserted unless asked, copies and mentions beside.
EVENT_SORTS = ("date_desc", "date_asc", "most_told", "conflict", "cooperation")


def _frame(conn: sqlite3.Connection, frames: FrameCache | None) -> EventFrame:
    return frames.get(conn) if frames is not None else build_frame(conn)


def _totals(clusters: Any) -> dict[str, Any]:
    events, copies, mentions, undated = clusters.totals()
    return {"counts": COUNTS_NOTE, "events": events, "copies": copies, "mentions": mentions, "undated": undated}


def event_summary(
    conn: sqlite3.Connection, query: EventQuery, frames: FrameCache | None = None, top: int = 30
) -> dict[str, Any]:
    """How many events match ``query`` and, per facet, how many would match for each value of
    that facet with the other filters kept (the ``top`` values with the most events)."""
    frame = _frame(conn, frames)
    masks = frame.masks(conn, query)
    facets = {}
    for name in FACETS:
        counts = frame.count_by(name, frame.combine(masks, without=name))
        ranked = sorted(counts.items()) if name == "year" else sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        facets[name] = [{"value": v, "events": n} for v, n in ranked[:top]]
    keys = [v["value"] for v in facets["actor"]]
    names = dict(conn.execute(f"SELECT key, name FROM actors WHERE key IN ({','.join('?' * len(keys))})", keys))
    for v in facets["actor"]:
        v["name"] = names.get(v["value"], v["value"])
    return {**_totals(frame.clusters(frame.combine(masks))), "facets": facets}


def event_clusters(
    conn: sqlite3.Connection,
    query: EventQuery,
    *,
    sort: str = "date_desc",
    limit: int = 50,
    offset: int = 0,
    frames: FrameCache | None = None,
) -> list[dict[str, Any]]:
    """One event per matching cluster (its first coded row), sorted, one page of them."""
    if sort not in EVENT_SORTS:
        raise ValueError(f"sort: one of {EVENT_SORTS}")
    frame = _frame(conn, frames)
    clusters = frame.clusters(frame.combine(frame.masks(conn, query)))
    page = clusters.order(sort)[offset : offset + limit]
    return cluster_events(conn, clusters.rows(page))


def event_series(
    conn: sqlite3.Connection, query: EventQuery, interval: str = "month", frames: FrameCache | None = None
) -> dict[str, Any]:
    """The timeline of any event set: clusters per bucket, cooperation and conflict (the same
    numbers :func:`series_of` gives for the same clusters)."""
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {INTERVALS}")
    frame = _frame(conn, frames)
    clusters = frame.clusters(frame.combine(frame.masks(conn, query)))
    return {
        "interval": interval,
        "since": query.since,
        "until": query.until,
        **_totals(clusters),
        "series": clusters.series(interval),
    }


def event_places(conn: sqlite3.Connection, query: EventQuery, frames: FrameCache | None = None) -> dict[str, Any]:
    """Map points: every place where matching events happened, with its event clusters, and how
    many matching events have no place."""
    frame = _frame(conn, frames)
    mask = frame.combine(frame.masks(conn, query))
    total = len(np.unique(frame.cluster[mask]))
    counts = frame.count_by("place", mask)
    placed = len(np.unique(frame.cluster[mask & (frame.cols["place"] >= 0)]))
    points = [
        {"key": key, **frame.places[key], "events": n}
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return {"counts": COUNTS_NOTE, "events": total, "placed": placed, "unplaced": total - placed, "points": points}


def top_dyads(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    """The pairs of two countries with the most asserted event clusters."""
    rows = conn.execute(
        "SELECT dyad, count(DISTINCT coalesce(cluster_id, id)) AS n FROM event_index"
        " WHERE factuality = 'asserted' AND dyad IS NOT NULL AND source_country != target_country"
        " GROUP BY dyad ORDER BY n DESC, dyad LIMIT ?",
        (limit,),
    )
    return [{"dyad": d, "events": n} for d, n in rows]


# ------------------------------------------------------------------ stories, themes, actor names
def story_articles(conn: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """The copies of one story (an article without a story is its own story of one)."""
    cols = "id, title, published, site, url, source, length(text)"
    rows = conn.execute(
        f"SELECT {cols} FROM articles WHERE story_id = ? ORDER BY published, id LIMIT 500", (story_id,)
    ).fetchall()
    if not rows:
        rows = conn.execute(f"SELECT {cols} FROM articles WHERE id = ?", (story_id,)).fetchall()
    names = ("id", "title", "published", "site", "url", "source", "chars")
    return [dict(zip(names, r, strict=True)) for r in rows]


def story_list(conn: sqlite3.Connection, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Stories told by more than one article, the most copied first."""
    total = conn.execute(
        "SELECT count(*) FROM (SELECT story_id FROM articles WHERE story_id IS NOT NULL"
        " GROUP BY story_id HAVING count(*) > 1)"
    ).fetchone()[0]
    rows = conn.execute(
        "SELECT story_id, count(*), count(DISTINCT site), min(published), max(published),"
        " (SELECT title FROM articles x WHERE x.story_id = a.story_id ORDER BY published, id LIMIT 1)"
        " FROM articles a WHERE story_id IS NOT NULL GROUP BY story_id HAVING count(*) > 1"
        " ORDER BY count(*) DESC, min(published) DESC, story_id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    names = ("story_id", "articles", "sites", "first", "last", "title")
    return {"total": int(total), "stories": [dict(zip(names, r, strict=True)) for r in rows]}


def theme_list(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every theme tagged in the store with its articles, most-reported first."""
    rows = conn.execute(
        "SELECT json_extract(data, '$.issue') AS issue, max(json_extract(data, '$.label')),"
        " count(DISTINCT article_id) FROM facts WHERE kind = 'issues' GROUP BY issue ORDER BY 3 DESC, issue"
    ).fetchall()
    return [{"issue": i, "label": label, "articles": n} for i, label, n in rows if i]


def suggest_actors(conn: sqlite3.Connection, prefix: str, limit: int = 10) -> list[dict[str, Any]]:
    """Actors one of whose names starts with ``prefix`` (case-insensitive), most-reported first,
    each with the name that matched: what a search box offers while one types."""
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        "SELECT a.key, a.name, a.actor_code, a.country, a.articles, min(n.name) FROM actor_names n"
        " JOIN actors a ON a.key = n.actor_key WHERE n.name LIKE ? ESCAPE '\\'"
        " GROUP BY a.key ORDER BY a.articles DESC, a.name LIMIT ?",
        (like, limit),
    ).fetchall()
    names = ("key", "name", "actor_code", "country", "articles", "matched")
    return [dict(zip(names, r, strict=True)) for r in rows]


# ------------------------------------------------------------------ article search
SNIPPET_OPEN, SNIPPET_CLOSE = "\ue000", "\ue001"  # private-use marks around hits (never in news text)


@dataclass(frozen=True, slots=True)
class ArticleSearch:
    """Articles to find. ``text``: an FTS5 expression over title and text; ``countries``: an
    event with the country on either side, or an actor of that country; ``actors``: canonical
    actor keys named in the article; ``themes``: issue ids tagged; ``event_types``: a PLOVER type
    or CAMEO root of one of its events; ``since``/``until``: publication day."""

    text: str | None = None
    since: str | None = None
    until: str | None = None
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    site: str | None = None

    def clauses(self) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if self.since:
            where.append("a.published >= ?")
            args.append(self.since)
        if self.until:
            where.append("a.published <= ?")
            args.append(self.until + "\U0010ffff")
        if self.site:
            where.append("a.site = ?")
            args.append(self.site)
        for code in self.countries:
            where.append(
                "(a.id IN (SELECT article_id FROM event_index WHERE source_country = ? OR target_country = ?)"
                " OR a.id IN (SELECT x.article_id FROM actor_entities x JOIN actors c ON c.key = x.actor_key"
                " WHERE c.country = ?))"
            )
            args += [code, code, code]
        for key in self.actors:
            where.append("a.id IN (SELECT article_id FROM actor_entities WHERE actor_key = ?)")
            args.append(key)
        for issue in self.themes:
            where.append(
                "EXISTS (SELECT 1 FROM facts f WHERE f.article_id = a.id AND f.kind = 'issues'"
                " AND json_extract(f.data, '$.issue') = ?)"
            )
            args.append(issue)
        for kind in self.event_types:
            where.append(
                "a.id IN (SELECT article_id FROM event_index WHERE cameo_root = ? OR plover_event = ? COLLATE NOCASE)"
            )
            args += [kind, kind]
        return where, args


def search_articles(
    conn: sqlite3.Connection, search: ArticleSearch, *, sort: str = "relevance", limit: int = 20, offset: int = 0
) -> dict[str, Any]:
    """The number of matching articles and one page of them, each with a snippet whose hits are
    wrapped in :data:`SNIPPET_OPEN`/:data:`SNIPPET_CLOSE`. ``sort``: relevance (with words),
    newest or oldest."""
    where, args = search.clauses()
    cols = "a.id, a.title, a.published, a.site, a.url, a.story_id"
    if search.text:
        source = "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        where.insert(0, "articles_fts MATCH ?")
        args.insert(0, search.text)
        snippet = f"snippet(articles_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 28)"
        relevance = "bm25(articles_fts, 5.0, 1.0)"
    else:
        source, snippet, relevance = "articles a", "substr(a.text, 1, 220)", "0"
    cond = " AND ".join(where) or "1"
    total = conn.execute(f"SELECT count(*) FROM {source} WHERE {cond}", args).fetchone()[0]
    order = {
        "relevance": f"{relevance}, a.published DESC, a.id",
        "newest": "coalesce(a.published, '') DESC, a.id",
        "oldest": "coalesce(a.published, '\uffff'), a.id",
    }[sort if sort in ("newest", "oldest") or search.text else "newest"]
    rows = conn.execute(
        f"SELECT {cols}, {snippet} FROM {source} WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?",
        (*args, limit, offset),
    ).fetchall()
    names = ("id", "title", "published", "site", "url", "story_id", "snippet")
    return {"total": int(total), "items": [dict(zip(names, r, strict=True)) for r in rows]}
