"""The SQLite store: one writer, any number of read-only readers (WAL).

One transaction per batch holds the articles, all their facts and the ingest-ledger rows
(the resume position), so a crash loses at most the batch in flight and a re-run with
``--resume`` finishes it without duplicates. Article ids come from canonical URLs or
content, so re-ingesting the same input rewrites nothing.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tidings.errors import StoreError
from tidings.ids import digest
from tidings.records import Article, Rejected, to_plain
from tidings.store.actors import rebuild_actors
from tidings.store.dedup import assign
from tidings.store.event_index import INSERT_EVENT_ROW, event_index_rows, source_site
from tidings.store.migrations import MIGRATIONS, Migration, migrate
from tidings.version import tidings_version


@dataclass(slots=True)
class BatchItem:
    """One input's outcome, written atomically with the rest of its batch."""

    origin: str
    raw_id: str
    result: Article | Rejected
    facts: Mapping[str, Sequence[Any]] = field(default_factory=dict)
    fact_rejections: Sequence[Rejected] = ()
    story_id: str | None = None
    # exceptions the fact stages recovered from inside this article, by "stage: Type" (not stored)
    recovered: Mapping[str, int] = field(default_factory=dict)
    # what made the facts: {"model": spaCy model id, kind: stage name}; empty when facts are off
    annotation: Mapping[str, str] = field(default_factory=dict)


def _kinds(annotation: Mapping[str, str]) -> set[str]:
    return {k for k in annotation if k != "model"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, sort_keys=True)


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not done so itself: after a full disk
    or an I/O error it already has, and a second ROLLBACK ("no transaction is active")
    would hide the error that matters."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


OPEN_RETRY_SECONDS = 10.0  # as long as a writer waits for the lock (busy_timeout)


def _connect(path: str, readonly: bool, migrations: Sequence[Migration]) -> sqlite3.Connection:
    """A connection set up for the store (WAL, lock wait, foreign keys) with its migrations applied;
    closed again if any step fails."""
    if readonly:
        conn = sqlite3.connect(
            f"file:{Path(path).resolve()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=OPEN_RETRY_SECONDS)
    try:
        conn.execute("PRAGMA busy_timeout=10000")
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        if not readonly:
            migrate(conn, migrations)
    except BaseException:
        conn.close()
        raise
    return conn


class Store:
    """A tidings database file. Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.run_id: str | None = None  # the run writing now (see begin_run)

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, migrations: Sequence[Migration] = MIGRATIONS) -> Store:
        path = str(path)
        if readonly and not Path(path).exists():
            raise StoreError(f"database {path} does not exist", code="T403")
        deadline = time.monotonic() + OPEN_RETRY_SECONDS
        while True:
            try:
                return cls(_connect(path, readonly, migrations), path, readonly)
            except sqlite3.OperationalError as exc:
                # two processes opening one new database at once race for its journal mode; SQLite
                # answers the loser "locked" at once, without waiting (it would deadlock): try again
                if "locked" in str(exc) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                raise StoreError(f"cannot open database {path}: {exc}", code="T404") from exc
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"cannot open database {path}: {exc}", code="T404") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def write_batch(self, items: Sequence[BatchItem]) -> None:
        """Write a batch in one transaction: all of it lands, or none of it."""
        if self.readonly:
            raise StoreError("store opened read-only", code="T405")
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                if isinstance(item.result, Article):
                    self._put_article(item)
                    conn.execute(
                        "INSERT OR REPLACE INTO ingest_ledger VALUES (?,?,?,?,?,?,?,?)",
                        (item.origin, item.raw_id, "stored", item.result.id, None, None, None, _now()),
                    )
                else:
                    r = item.result
                    conn.execute(
                        "INSERT OR REPLACE INTO ingest_ledger VALUES (?,?,?,?,?,?,?,?)",
                        (item.origin, item.raw_id, "rejected", None, r.stage, r.code, r.detail, _now()),
                    )
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise

    def write_reannotation(self, items: Sequence[BatchItem], kinds: set[str]) -> None:
        """Replace the stale facts of ``kinds`` for stored articles, in one transaction."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                assert isinstance(item.result, Article)
                stale = self.stale_kinds(item.result.id, item.annotation) & kinds
                if stale:
                    self.replace_facts(item.result, item, stale)
            self.conn.execute("COMMIT")
        except BaseException:
            _rollback(self.conn)
            raise

    def _put_article(self, item: BatchItem) -> None:
        assert isinstance(item.result, Article)
        a = item.result
        row = self.conn.execute("SELECT version FROM articles WHERE id=?", (a.id,)).fetchone()
        if row is not None and row[0] == a.version:
            stale = self.stale_kinds(a.id, item.annotation)
            if stale:  # the same article, annotated by another model or stage version: new facts
                self.replace_facts(a, item, stale)
            return  # else the same article again: nothing changes
        if item.story_id is None:  # fold copies of one story together, in this transaction
            item.story_id = assign(self.conn, a.id, a.url, a.text).story_id
        values = (
            a.id,
            a.version,
            a.source,
            a.url,
            a.title,
            a.text,
            a.published,
            a.published_from,
            a.site,
            a.section,
            a.language,
            item.story_id,
            _dumps(a),
        )
        if row is None:
            self.conn.execute(
                "INSERT INTO articles(id, version, source, url, title, text, published, published_from,"
                " site, section, language, story_id, data, ingested_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*values, _now()),
            )
        else:  # a changed text at the same id is a new version of the article
            self.conn.execute(
                "UPDATE articles SET version=?, source=?, url=?, title=?, text=?, published=?,"
                " published_from=?, site=?, section=?, language=?, story_id=?, data=? WHERE id=?",
                (*values[1:], a.id),
            )
            self.conn.execute("DELETE FROM facts WHERE article_id=?", (a.id,))
            self.conn.execute("DELETE FROM event_index WHERE article_id=?", (a.id,))
            self.conn.execute("DELETE FROM fact_rejections WHERE article_id=?", (a.id,))
        self.conn.execute("INSERT OR IGNORE INTO article_versions VALUES (?,?,?)", (a.id, a.version, _now()))
        self._put_facts(a, item, set(item.facts) | _kinds(item.annotation))
        self.conn.executemany(
            "INSERT OR REPLACE INTO fact_rejections VALUES (?,?,?,?)",
            [(a.id, r.stage, r.code, r.detail) for r in item.fact_rejections],
        )

    def _put_facts(self, a: Article, item: BatchItem, kinds: set[str]) -> None:
        """Write the article's facts of ``kinds`` (and the event index, and what made them)."""
        for kind in sorted(kinds):
            records = item.facts.get(kind, ())
            self.conn.executemany(
                'INSERT OR REPLACE INTO facts(id, article_id, kind, start, "end", stage, data) VALUES (?,?,?,?,?,?,?)',
                [(r.id, a.id, kind, r.start, r.end, r.stage, _dumps(r)) for r in records],
            )
            if kind in item.annotation:
                self.conn.execute(
                    "INSERT OR REPLACE INTO annotations(article_id, kind, stage, model, run_id) VALUES (?,?,?,?,?)",
                    (a.id, kind, item.annotation[kind], item.annotation.get("model"), self.run_id),
                )
        if "events" in kinds:
            site = source_site(a.site, a.url, a.source)
            rows = event_index_rows(a.id, a.published, item.facts.get("events", ()), site)
            self.conn.executemany(INSERT_EVENT_ROW, rows)

    def stale_kinds(self, article_id: str, annotation: Mapping[str, str]) -> set[str]:
        """Fact kinds whose stored stage or model differs from ``annotation`` (empty if none given)."""
        if not annotation:
            return set()
        stored = {
            kind: (stage, model)
            for kind, stage, model in self.conn.execute(
                "SELECT kind, stage, model FROM annotations WHERE article_id=?", (article_id,)
            )
        }
        model = annotation.get("model")
        return {k for k in _kinds(annotation) if stored.get(k) != (annotation[k], model)}

    def replace_facts(self, a: Article, item: BatchItem, kinds: set[str]) -> None:
        """Replace the stored facts of ``kinds`` for an article already stored (same text)."""
        marks = ",".join("?" * len(kinds))
        self.conn.execute(f"DELETE FROM facts WHERE article_id=? AND kind IN ({marks})", (a.id, *sorted(kinds)))
        if "events" in kinds:
            self.conn.execute("DELETE FROM event_index WHERE article_id=?", (a.id,))
        stages = {item.annotation[k] for k in kinds if k in item.annotation}
        self.conn.executemany("DELETE FROM fact_rejections WHERE article_id=? AND stage=?", [(a.id, s) for s in stages])
        self._put_facts(a, item, kinds)
        self.conn.executemany(
            "INSERT OR REPLACE INTO fact_rejections VALUES (?,?,?,?)",
            [(a.id, r.stage, r.code, r.detail) for r in item.fact_rejections if r.stage in stages],
        )

    def begin_run(self, command: str, options: Any, model: str | None) -> str:
        """Record a run (tidings version, spaCy model, options); its id tags the facts it writes."""
        started = _now()
        settings = json.dumps(to_plain(options), sort_keys=True)
        self.run_id = "r" + digest(command, started, settings, str(time.time_ns()))
        self.conn.execute(
            "INSERT INTO runs(id, started_at, command, tidings_version, spacy_model, options) VALUES (?,?,?,?,?,?)",
            (self.run_id, started, command, tidings_version(), model, settings),
        )
        return self.run_id

    def end_run(self) -> None:
        """Close the run: stamp its end and rebuild the cross-article actor table."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            rebuild_actors(self.conn)
            if self.run_id:
                self.conn.execute("UPDATE runs SET finished_at=? WHERE id=?", (_now(), self.run_id))
            self.conn.execute("COMMIT")
        except BaseException:
            _rollback(self.conn)
            raise

    # ------------------------------------------------------------------ reading
    def ledger_has(self, origin: str, raw_id: str) -> bool:
        row = self.conn.execute("SELECT raw_id FROM ingest_ledger WHERE origin=?", (origin,)).fetchone()
        return row is not None and row[0] == raw_id

    def ledger_has_origin(self, origin: str) -> bool:
        return self.conn.execute("SELECT 1 FROM ingest_ledger WHERE origin=?", (origin,)).fetchone() is not None

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            # accept a unique id prefix, as git does
            rows = self.conn.execute(
                "SELECT data FROM articles WHERE id >= ? AND id < ? LIMIT 2",
                (article_id, article_id + "\uffff"),
            ).fetchall()
            if len(rows) != 1:
                return None
            row = rows[0]
        return Article.from_dict(json.loads(row[0]))

    def articles(self, *, search: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Article summaries, newest first; ``search`` is an FTS5 query over title and text."""
        cols = "a.id, a.title, a.published, a.site, a.url, a.source, length(a.text), a.story_id"
        lim = " LIMIT ?" if limit else ""
        args: tuple[Any, ...] = (limit,) if limit else ()
        if search:
            sql = (
                f"SELECT {cols} FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
                f" WHERE articles_fts MATCH ? ORDER BY rank{lim}"
            )
            args = (fts_query(search), *args)
        else:
            sql = f"SELECT {cols} FROM articles a ORDER BY a.published DESC, a.id{lim}"
        names = ("id", "title", "published", "site", "url", "source", "chars", "story_id")
        for row in self.conn.execute(sql, args):
            yield dict(zip(names, row, strict=True))

    def facts(self, kind: str, article_id: str | None = None) -> Iterator[dict[str, Any]]:
        if article_id is None:
            rows = self.conn.execute("SELECT data FROM facts WHERE kind=? ORDER BY article_id, start", (kind,))
        else:
            rows = self.conn.execute(
                "SELECT data FROM facts WHERE kind=? AND article_id=? ORDER BY start", (kind, article_id)
            )
        for (data,) in rows:
            yield json.loads(data)

    def counts(self) -> dict[str, int]:
        out = {"articles": self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]}
        for kind, n in self.conn.execute("SELECT kind, count(*) FROM facts GROUP BY kind"):
            out[kind] = n
        return out

    def rejection_counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT code, count(*) FROM ingest_ledger WHERE status='rejected' GROUP BY code")
        return {code: n for code, n in rows}

    def rejections(self, limit: int = 10) -> list[tuple[str, str, str]]:
        """``(origin or article id, code, detail)`` of rejected inputs, then of skipped facts."""
        rows = self.conn.execute(
            "SELECT origin, code, detail FROM ingest_ledger WHERE status='rejected'"
            " UNION ALL SELECT article_id, code, detail FROM fact_rejections LIMIT ?",
            (limit,),
        )
        return [(str(o), str(c), str(d)) for o, c, d in rows]


def fts_query(text: str) -> str:
    """Turn free text into a safe FTS5 query: every word quoted, all must match."""
    words = [w.replace('"', '""') for w in text.split() if w.strip()]
    return " ".join(f'"{w}"' for w in words) or '""'
