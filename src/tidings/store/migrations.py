"""Named, ordered, transactional schema migrations.

Each migration runs once, inside its own transaction, and is recorded in
``_migrations``. Names are unique and never change once released; new schema goes in a
new migration appended at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tidings.errors import StoreError
from tidings.store.actors import ACTOR_SCHEMA, rebuild_actors
from tidings.store.clusters import CLUSTER_SCHEMA, backfill_clusters
from tidings.store.dedup import DEDUP_SCHEMA
from tidings.store.event_index import EVENT_INDEX, READ_SCHEMA, backfill_read_columns
from tidings.store.event_index import backfill as backfill_event_index
from tidings.store.views import FACT_VIEWS, FTS_FOR_TOOLS


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sql: str = ""
    run: Callable[[sqlite3.Connection], None] | None = None


ARTICLES = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    text TEXT NOT NULL,
    published TEXT,
    published_from TEXT,
    site TEXT,
    section TEXT,
    language TEXT,
    story_id TEXT,
    data TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_story ON articles(story_id);
CREATE TABLE article_versions (
    article_id TEXT NOT NULL,
    version TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (article_id, version)
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
"""

LEDGER = """
CREATE TABLE ingest_ledger (
    origin TEXT PRIMARY KEY,
    raw_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('stored', 'rejected')),
    article_id TEXT,
    stage TEXT,
    code TEXT,
    detail TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX ingest_ledger_code ON ingest_ledger(code);
"""

FACTS = """
CREATE TABLE facts (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    stage TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX facts_article_kind ON facts(article_id, kind, start);
CREATE INDEX facts_kind ON facts(kind);
CREATE TABLE fact_rejections (
    article_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (article_id, stage)
);
"""

# What made the stored facts: one row per run (tidings version, spaCy model, options) and, per
# article and fact kind, the stage (versioned name) and model that made them (`reannotate` reads it).
PROVENANCE = """
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    command TEXT NOT NULL,
    tidings_version TEXT NOT NULL,
    spacy_model TEXT,
    options TEXT NOT NULL
);
CREATE TABLE annotations (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    stage TEXT NOT NULL,
    model TEXT,
    run_id TEXT,
    PRIMARY KEY (article_id, kind)
);
"""


def _backfill_read_model(conn: sqlite3.Connection) -> None:
    backfill_read_columns(conn)
    conn.execute(
        "INSERT OR IGNORE INTO annotations(article_id, kind, stage) SELECT article_id, kind, min(stage)"
        " FROM facts GROUP BY article_id, kind"
    )
    rebuild_actors(conn)


# Dyad and timeline series group a range of the event index by cluster: one covering index
# serves them without touching the table (store/reads._bucketed).
SERIES_INDEX = """
CREATE INDEX event_index_series ON event_index(dyad, factuality, cluster_id, date, mentions, quad_class, goldstein);
DROP INDEX IF EXISTS event_index_dyad_clusters;
"""


MIGRATIONS: list[Migration] = [
    Migration("0001_articles", ARTICLES),
    Migration("0002_ingest_ledger", LEDGER),
    Migration("0003_facts", FACTS),
    Migration("0004_event_index", EVENT_INDEX, run=backfill_event_index),
    Migration("0005_dedup", DEDUP_SCHEMA),
    Migration("0006_event_clusters", CLUSTER_SCHEMA, run=backfill_clusters),
    Migration("0007_read_model", READ_SCHEMA + ACTOR_SCHEMA + PROVENANCE, run=_backfill_read_model),
    # for sqlite3, datasette and DuckDB users: an FTS table datasette finds, plain views per fact kind
    Migration("0008_tools", FTS_FOR_TOOLS + FACT_VIEWS),
    Migration("0009_series_index", SERIES_INDEX),
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply pending migrations in order; returns the names applied now."""
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):
        raise StoreError("duplicate migration names", code="T401")
    done = applied(conn)
    if done != names[: len(done)]:
        raise StoreError(f"database migrations {done} do not match this version of tidings ({names})", code="T402")
    return apply_pending(conn, migrations[len(done) :])


def apply_pending(conn: sqlite3.Connection, pending: Sequence[Migration]) -> list[str]:
    """Apply ``pending`` in order, each in its own write transaction; one another process
    applied since ``pending`` was read is skipped."""
    ran: list[str] = []
    for m in pending:
        try:
            conn.execute("BEGIN IMMEDIATE")
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (m.name,)).fetchone():
                # another process opening the same new database applied it while we waited
                # for the write lock (two ingests started together; issue 22)
                conn.execute("COMMIT")
                continue
            if m.sql:
                for statement in _split_sql(m.sql):
                    conn.execute(statement)
            if m.run is not None:
                m.run(conn)
            conn.execute("INSERT INTO _migrations(name, applied_at) VALUES (?, ?)", (m.name, _now()))
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        ran.append(m.name)
    return ran


def _split_sql(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
