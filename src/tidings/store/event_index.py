"""The event index: one narrow, indexed row per stored event, for fast dyad series and
event filters (the full event stays as JSON in ``facts``). Rows are written in the same
transaction as the article's facts, and replaced with them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

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
    target_entity TEXT
);
CREATE INDEX event_index_dyad ON event_index(source_country, target_country, date, quad_class, goldstein);
CREATE INDEX event_index_target ON event_index(target_country, date);
CREATE INDEX event_index_article ON event_index(article_id);
CREATE INDEX event_index_date ON event_index(date);
CREATE INDEX event_index_source_entity ON event_index(source_entity);
CREATE INDEX event_index_target_entity ON event_index(target_entity);
"""

INSERT_EVENT_INDEX = "INSERT OR REPLACE INTO event_index VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def event_day(event_date: str | None, published: str | None) -> str | None:
    """The day an event is charted on: its own date when known to the day, else the
    article's publication day (month- or year-precise dates would pile up on the 1st)."""
    if event_date and _DAY.match(event_date[:10]) and (len(event_date) == 10 or event_date[10] == "T"):
        return event_date[:10]
    return published[:10] if published else None


def event_index_rows(article_id: str, published: str | None, events: Iterable[Any]) -> list[tuple[Any, ...]]:
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
            )
        )
    return rows
