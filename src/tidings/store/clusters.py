"""Event clusters in the store: the same event across articles, counted as GDELT counts it.

Each ``event_index`` row carries its ``cluster_id`` (:mod:`tidings.facts.events.identity`),
the number of ``mentions`` in its article and the article's ``site``. A cluster's counts are
aggregates over its rows, computed when read: rows are replaced with their article (a new
version of an article replaces its events), so the counts can never drift or double count.

- ``num_mentions``: sum of mentions; ``num_sources``: distinct sites; ``num_articles``:
  distinct articles; ``first_date``/``last_date``: the range of event days.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from tidings.facts.events.identity import dyad_label
from tidings.store.event_index import cluster_columns, dyad_key, source_site

CLUSTER_SCHEMA = """
ALTER TABLE event_index ADD COLUMN cluster_id TEXT;
ALTER TABLE event_index ADD COLUMN mentions INTEGER;
ALTER TABLE event_index ADD COLUMN site TEXT;
CREATE INDEX event_index_cluster ON event_index(cluster_id);
"""
_STATS = (
    "SELECT cluster_id, sum(mentions) AS num_mentions, count(DISTINCT site) AS num_sources,"
    " count(DISTINCT article_id) AS num_articles, min(date) AS first_date, max(date) AS last_date FROM event_index"
)


@dataclass(frozen=True, slots=True)
class ClusterStats:
    cluster_id: str
    num_mentions: int
    num_sources: int
    num_articles: int
    first_date: str | None
    last_date: str | None

    def counts(self) -> dict[str, Any]:
        """The fields exports and event rows carry."""
        return {
            "cluster_id": self.cluster_id,
            "num_mentions": self.num_mentions,
            "num_sources": self.num_sources,
            "num_articles": self.num_articles,
        }


NO_CLUSTER: Mapping[str, Any] = MappingProxyType(
    {"cluster_id": None, "num_mentions": None, "num_sources": None, "num_articles": None}
)  # an event outside any cluster (rows bulk-loaded without one)


def _stats(row: tuple[Any, ...]) -> ClusterStats:
    cid, mentions, sources, articles, first, last = row
    return ClusterStats(cid, int(mentions or 0), int(sources), int(articles), first, last)


def _clusters_of(article_id: str | None) -> tuple[str, tuple[str, ...]]:
    """WHERE clause (and its arguments) for the clusters that hold the article's events, or all."""
    if article_id is None:
        return "WHERE cluster_id IS NOT NULL", ()
    return "WHERE cluster_id IN (SELECT cluster_id FROM event_index WHERE article_id = ?)", (article_id,)


def backfill_clusters(conn: sqlite3.Connection) -> None:
    """Fill the cluster columns of rows written before them (runs in the migration). Reads the
    events' JSON directly: rebuilding records would cost a millisecond per event."""
    rows = conn.execute(
        "SELECT f.id, f.data, a.published, a.site, a.url, a.source"
        " FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.kind = 'events'"
    )
    for event_id, data, published, site, url, source in rows:
        columns = cluster_columns(json.loads(data), published, source_site(site, url, source))
        conn.execute("UPDATE event_index SET cluster_id=?, mentions=?, site=? WHERE id=?", (*columns, event_id))


def cluster_stats(conn: sqlite3.Connection, cluster_id: str) -> ClusterStats | None:
    row = conn.execute(f"{_STATS} WHERE cluster_id = ? GROUP BY cluster_id", (cluster_id,)).fetchone()
    return None if row is None else _stats(row)


def events_with_clusters(
    conn: sqlite3.Connection, article_id: str | None = None
) -> Iterator[tuple[dict[str, Any], ClusterStats | None]]:
    """Stored events (as ``Store.facts`` yields them, same order) with their cluster's stats;
    streamed through one join, so an export of every event holds no per-event map."""
    where, args = _clusters_of(article_id)
    mine = "" if article_id is None else " AND f.article_id = ?"
    sql = (
        f"WITH stats AS ({_STATS} {where} GROUP BY cluster_id)"
        " SELECT f.data, s.* FROM facts f LEFT JOIN event_index e ON e.id = f.id"
        " LEFT JOIN stats s ON s.cluster_id = e.cluster_id"
        f" WHERE f.kind = 'events'{mine} ORDER BY f.article_id, f.start"
    )
    for data, *stats in conn.execute(sql, (*args, *args)):
        yield json.loads(data), (_stats(tuple(stats)) if stats[0] is not None else None)


def cluster_rows(
    conn: sqlite3.Connection,
    *,
    dyad: str | None = None,
    article_id: str | None = None,
    actor: str | None = None,
    factuality: str | None = None,
) -> Iterator[dict[str, Any]]:
    """One row per cluster, the most-told first, with one example event (the event told most
    often in its article, then the smallest id). Filters keep clusters with at least one
    event of the country ``dyad`` ("USA-CHN"), of the article, of the ``actor`` (name contains,
    or actor code), or of the ``factuality``."""
    conds, args = ["cluster_id IS NOT NULL"], []
    if dyad:
        a, _, b = dyad.upper().partition("-")
        conds.append("dyad = ?")
        args.append(dyad_key(a, b))
    if article_id:
        conds.append("article_id = ?")
        args.append(article_id)
    if actor:  # as `tidings events --actor`: a source/target name contains it, or its actor code is it
        conds.append(
            "(instr(lower(source_name), lower(?)) > 0 OR instr(lower(target_name), lower(?)) > 0"
            " OR EXISTS (SELECT 1 FROM facts f WHERE f.id = event_index.id AND upper(?) IN"
            " (json_extract(f.data, '$.source.actor_code'), json_extract(f.data, '$.target.actor_code'))))"
        )
        args += [actor, actor, actor]
    if factuality:
        conds.append("factuality = ?")
        args.append(factuality)
    picked = f"SELECT cluster_id FROM event_index WHERE {' AND '.join(conds)}"
    sql = (
        f"WITH picked AS ({picked}),"
        f" stats AS ({_STATS} WHERE cluster_id IN (SELECT cluster_id FROM picked) GROUP BY cluster_id),"
        " example AS (SELECT cluster_id, id, row_number() OVER (PARTITION BY cluster_id ORDER BY mentions DESC, id)"
        "  AS n FROM event_index WHERE cluster_id IN (SELECT cluster_id FROM picked))"
        " SELECT s.*, f.data FROM stats s JOIN example e ON e.cluster_id = s.cluster_id AND e.n = 1"
        " JOIN facts f ON f.id = e.id ORDER BY s.num_articles DESC, s.num_mentions DESC, s.first_date, s.cluster_id"
    )
    for row in conn.execute(sql, args):
        stats, event = _stats(row[:6]), json.loads(row[6])
        code = event.get("cameo_code")
        yield {
            **stats.counts(),
            "first_date": stats.first_date,
            "last_date": stats.last_date,
            "dyad": dyad_label(event),
            "cameo_root": code[:2] if code else None,
            "plover_event": event.get("plover_event"),
            "factuality": event.get("factuality"),
            "example": {
                "event_id": event["id"],
                "article_id": event["article_id"],
                "trigger": event.get("trigger"),
                "sentence": event.get("sentence"),
                "sentence_start": event.get("sentence_start"),
                "sentence_end": event.get("sentence_end"),
            },
        }
