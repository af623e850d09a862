"""The event index: one narrow, indexed row per stored event, for fast dyad series and
event filters (the full event stays as JSON in ``facts``). Rows are written in the same
transaction as the article's facts, and replaced with them.

Migration ``0007_read_model`` drops the per-day roll-up of 0004 (dyad series count event
clusters now, :func:`tidings.store.reads.dyad_series`, which a per-row sum cannot give) and adds
``historical``, ``is_main`` and the actor codes of both sides.

Migration ``0006_event_clusters`` adds ``cluster_id`` (the cross-article cluster,
:mod:`tidings.facts.events.identity`), ``mentions`` (tellings in the article) and ``site``
(the article's source) to each row; :mod:`tidings.store.clusters` reads them."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from tidings.facts.events.identity import event_cluster_id
from tidings.facts.times.calendar import value_end, value_start
from tidings.records import Event, from_plain

EVENT_INDEX = """
CREATE TABLE event_index (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date TEXT,
    source_country TEXT,
    target_country TEXT,
    quad_class INTEGER,
    goldstein REAL,
    cameo_root TEXT,
    plover_event TEXT,
    factuality TEXT,
    source_name TEXT,
    target_name TEXT,
    source_entity TEXT,
    target_entity TEXT,
    dyad TEXT
);
CREATE INDEX event_index_dyad ON event_index(dyad, date);
CREATE INDEX event_index_source ON event_index(source_country, date);
CREATE INDEX event_index_target ON event_index(target_country, date);
CREATE INDEX event_index_article ON event_index(article_id);
CREATE INDEX event_index_source_entity ON event_index(source_entity);
CREATE INDEX event_index_target_entity ON event_index(target_entity);
CREATE TABLE event_daily (
    dyad TEXT NOT NULL,
    date TEXT NOT NULL,
    source_country TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    events INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    goldstein_n INTEGER NOT NULL,
    PRIMARY KEY (dyad, date, source_country, quad_class)
) WITHOUT ROWID;
CREATE TRIGGER event_index_replace BEFORE INSERT ON event_index BEGIN
    DELETE FROM event_index WHERE id = new.id;
END;
CREATE TRIGGER event_daily_add AFTER INSERT ON event_index
WHEN new.dyad IS NOT NULL AND new.date IS NOT NULL BEGIN
    INSERT INTO event_daily VALUES (new.dyad, new.date, new.source_country, coalesce(new.quad_class, 0), 1,
                                    coalesce(new.goldstein, 0), new.goldstein IS NOT NULL)
    ON CONFLICT (dyad, date, source_country, quad_class) DO UPDATE SET
        events = events + 1,
        goldstein_sum = goldstein_sum + excluded.goldstein_sum,
        goldstein_n = goldstein_n + excluded.goldstein_n;
END;
CREATE TRIGGER event_daily_remove AFTER DELETE ON event_index
WHEN old.dyad IS NOT NULL AND old.date IS NOT NULL BEGIN
    UPDATE event_daily SET
        events = events - 1,
        goldstein_sum = goldstein_sum - coalesce(old.goldstein, 0),
        goldstein_n = goldstein_n - (old.goldstein IS NOT NULL)
    WHERE dyad = old.dyad AND date = old.date AND source_country = old.source_country
      AND quad_class = coalesce(old.quad_class, 0);
    DELETE FROM event_daily
    WHERE dyad = old.dyad AND date = old.date AND source_country = old.source_country
      AND quad_class = coalesce(old.quad_class, 0) AND events <= 0;
END;
"""

BASE_COLUMNS = (
    "id", "article_id", "date", "source_country", "target_country", "quad_class", "goldstein", "cameo_root",
    "plover_event", "factuality", "source_name", "target_name", "source_entity", "target_entity", "dyad",
)  # fmt: skip
CLUSTER_COLUMNS = ("cluster_id", "mentions", "site")  # added by 0006_event_clusters
READ_COLUMNS = ("historical", "is_main", "source_code", "target_code")  # added by 0007_read_model
# Named columns: valid before and after 0006 (bulk loaders write base rows; clusters stay NULL).
INSERT_EVENT_INDEX = f"INSERT INTO event_index({', '.join(BASE_COLUMNS)}) VALUES ({','.join('?' * 15)})"
_ROW_COLUMNS = BASE_COLUMNS + CLUSTER_COLUMNS + READ_COLUMNS
INSERT_EVENT_ROW = f"INSERT INTO event_index({', '.join(_ROW_COLUMNS)}) VALUES ({','.join('?' * len(_ROW_COLUMNS))})"
READ_SCHEMA = """
DROP TRIGGER event_daily_add;
DROP TRIGGER event_daily_remove;
DROP TABLE event_daily;
ALTER TABLE event_index ADD COLUMN historical INTEGER;
ALTER TABLE event_index ADD COLUMN is_main INTEGER;
ALTER TABLE event_index ADD COLUMN source_code TEXT;
ALTER TABLE event_index ADD COLUMN target_code TEXT;
CREATE INDEX event_index_dyad_clusters ON event_index(dyad, factuality, date, cluster_id);
"""

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _is_day(value: str | None) -> bool:
    if not value or not _DAY.match(value[:10]) or (len(value) > 10 and value[10] != "T"):
        return False
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def event_day(event_date: str | None, published: str | None) -> str | None:
    """The day an event is charted on: its own date when known to the day; for a coarser own
    date (month, year, ISO week), the publication day when it falls in that period (a report of
    "this month"), else the period's first day (a background event "in 2019"); with no own date,
    the publication day."""
    if _is_day(event_date):
        return event_date[:10]  # type: ignore[index]
    pub = published[:10] if _is_day(published) else None  # type: ignore[index]
    start = value_start(event_date) if event_date else None
    if start is None:
        return pub
    end = value_end(event_date) if event_date else None
    if pub and end and start.isoformat() <= pub <= end.isoformat():
        return pub
    return start.isoformat()


def dyad_key(a: str | None, b: str | None) -> str | None:
    """The undirected pair "A-B" (sorted), so both directions of a dyad are one index range."""
    if not a or not b:
        return None
    return "-".join(sorted((a, b)))


def source_site(site: str | None, url: str | None, source: str | None) -> str | None:
    """The source an article counts for: its site name, else its URL's host, else its source."""
    if site and site.strip():
        return site.strip()
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.") or source or None


def cluster_columns(event: Any, published: str | None, site: str | None) -> tuple[str, int, str | None]:
    """``CLUSTER_COLUMNS`` of an event (a record, or its JSON form when a migration backfills)."""
    mentions = event.get("mentions") if isinstance(event, Mapping) else getattr(event, "mentions", ())
    return event_cluster_id(event, published), max(1, len(mentions or ())), site


def event_index_rows(
    article_id: str, published: str | None, events: Iterable[Any], site: str | None = None
) -> list[tuple[Any, ...]]:
    """Full rows (``BASE_COLUMNS + CLUSTER_COLUMNS + READ_COLUMNS``) for ``INSERT_EVENT_ROW``."""
    rows = []
    for e in events:
        src, tgt = getattr(e, "source", None), getattr(e, "target", None)
        code = getattr(e, "cameo_code", None)
        rows.append(
            (
                e.id,
                article_id,
                event_day(getattr(e, "date", None), published),
                getattr(src, "country", None),
                getattr(tgt, "country", None),
                getattr(e, "quad_class", None),
                getattr(e, "goldstein", None),
                code[:2] if code else None,
                getattr(e, "plover_event", None),
                getattr(e, "factuality", None),
                getattr(src, "name", None),
                getattr(tgt, "name", None),
                getattr(src, "entity_id", None),
                getattr(tgt, "entity_id", None),
                dyad_key(getattr(src, "country", None), getattr(tgt, "country", None)),
                *cluster_columns(e, published, site),
                int(bool(getattr(e, "historical", False))),
                int(bool(getattr(e, "is_main", False))),
                getattr(src, "actor_code", None),
                getattr(tgt, "actor_code", None),
            )
        )
    return rows


def has_cluster_columns(conn: sqlite3.Connection) -> bool:
    return "cluster_id" in {r[1] for r in conn.execute("PRAGMA table_info(event_index)")}


def stored_event_rows(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    """Full index rows rebuilt from the events stored as JSON in ``facts``."""
    rows = conn.execute(
        "SELECT f.article_id, a.published, a.site, a.url, a.source, f.data"
        " FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.kind = 'events' ORDER BY f.article_id"
    )
    for article_id, published, site, url, source, data in rows:
        event = from_plain(Event, json.loads(data))
        yield from event_index_rows(article_id, published, [event], source_site(site, url, source))


def backfill(conn: sqlite3.Connection) -> None:
    """Index the events of a store written before this table existed (runs in the migration
    0004, when the table has only the base columns; fills every column on a later schema)."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(event_index)")}
    width = len(_ROW_COLUMNS) if "target_code" in columns else len(BASE_COLUMNS + CLUSTER_COLUMNS)
    if "cluster_id" not in columns:
        width = len(BASE_COLUMNS)
    names = _ROW_COLUMNS[:width]
    sql = f"INSERT INTO event_index({', '.join(names)}) VALUES ({','.join('?' * width)})"
    for row in stored_event_rows(conn):
        conn.execute(sql, row[:width])


def backfill_read_columns(conn: sqlite3.Connection) -> None:
    """Fill the 0007 columns (and the charted day, whose rule changed then) from the events' JSON."""
    rows = conn.execute(
        "SELECT f.id, f.data, a.published FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.kind = 'events'"
    ).fetchall()
    for event_id, data, published in rows:
        e = json.loads(data)
        src, tgt = e.get("source") or {}, e.get("target") or {}
        conn.execute(
            "UPDATE event_index SET historical=?, is_main=?, source_code=?, target_code=?, date=? WHERE id=?",
            (int(bool(e.get("historical"))), int(bool(e.get("is_main"))), src.get("actor_code"),
             tgt.get("actor_code"), event_day(e.get("date"), published), event_id),
        )  # fmt: skip
