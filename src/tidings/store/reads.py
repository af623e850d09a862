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
from datetime import date, timedelta
from typing import Any

from tidings.records import FACT_KINDS
from tidings.store.actors import COLUMNS as ACTOR_COLUMNS
from tidings.store.actors import actor_row
from tidings.store.event_index import dyad_key

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
    buckets: dict[str, list[float]] = {}
    totals = [0, 0, 0, 0]  # events, copies, mentions, undated
    for _, day, copies, mentions, quad, gold_sum, gold_n, _ in _clusters(
        conn, a, b, direction=direction, factuality=factuality, since=since, until=until
    ):
        totals[0] += 1
        totals[1] += copies
        totals[2] += mentions
        key = bucket_of(day, interval) if day else None
        if key is None:
            totals[3] += 1
            continue
        acc = buckets.setdefault(key, [0, 0, 0, 0, 0, 0, 0, 0.0, 0])
        acc[0] += 1
        acc[1] += copies
        acc[2] += mentions
        if quad in (1, 2, 3, 4):
            acc[2 + int(quad)] += 1
        acc[7] += gold_sum
        acc[8] += gold_n
    points = []
    for key in sorted(buckets):
        n, copies, mentions, q1, q2, q3, q4, gold_sum, gold_n = buckets[key]
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
    return {
        "dyad": f"{a}-{b}",
        "interval": interval,
        "direction": direction,
        "factuality": list(factuality),
        "since": since,
        "until": until,
        "counts": COUNTS_NOTE,
        "events": totals[0],
        "copies": totals[1],
        "mentions": totals[2],
        "undated": totals[3],
        "series": points,
    }


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
    out = []
    for cluster, day, copies, mentions, *_, first_id in rows[offset : offset + limit]:
        found = conn.execute(
            "SELECT f.data, a.title FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.id = ?", (first_id,)
        ).fetchone()
        if found is None:
            continue
        event = json.loads(found[0])
        event.update(_day=day, _title=found[1], _cluster=cluster, _copies=copies, _mentions=mentions)
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
        "SELECT f.data, e.date, coalesce(e.cluster_id, e.id) FROM event_index e JOIN facts f ON f.id = e.id"
        f" WHERE {' AND '.join(clauses)} ORDER BY e.date, e.id",
        args,
    )
    out = []
    for data, day, cluster in rows:
        event = json.loads(data)
        event["_day"], event["_cluster"] = day, cluster
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
