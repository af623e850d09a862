"""The store as other tools open it: datasette finds the full-text index, and every fact kind
has a plain-column view that needs no JSON functions."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tidings.store.migrations import Migration, migrate
from tidings.store.sqlite import Store
from tidings.store.views import VIEWS

VIEW_KINDS = {"events_v": "events", "quotes_v": "quotes", "entities_v": "entities", "places_v": "places",
              "times_v": "times", "issues_v": "issues"}  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get_json(url: str, deadline: float) -> object:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return json.loads(resp.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_datasette_finds_the_full_text_index(demo_db: Path, tmp_path: Path) -> None:
    """A real datasette server on loopback: /db/articles?_search= answers from articles_fts."""
    db = tmp_path / "db.db"
    shutil.copy(demo_db, db)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}/db"
        found = _get_json(f"{base}/articles.json?_search=grain&_shape=objects", time.monotonic() + 60)
        assert isinstance(found, dict)
        titles = [row["title"] for row in found["rows"]]
        assert titles and all("grain" in (row["title"] + row["text"]).lower() for row in found["rows"])
        # without the index datasette ignores _search and lists every article
        assert 'search matches "grain"' in found["human_description_en"]
        assert len(found["rows"]) < sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        nothing = _get_json(f"{base}/articles.json?_search=xylophonist&_shape=objects", time.monotonic() + 10)
        assert isinstance(nothing, dict) and nothing["rows"] == []
        # the views are tables to datasette too, with plain columns
        events = _get_json(f"{base}/events_v.json?_shape=objects&cameo_root=04", time.monotonic() + 10)
        assert isinstance(events, dict) and events["rows"]
        assert all(r["cameo_code"].startswith("04") and r["trigger"] for r in events["rows"])
    finally:
        proc.terminate()
        proc.wait(10)


def test_every_fact_kind_has_a_plain_view_matching_its_facts(demo_db: Path) -> None:
    with Store.open(demo_db, readonly=True) as store:
        conn = store.conn
        assert set(VIEWS) == set(VIEW_KINDS)
        for view, kind in VIEW_KINDS.items():
            n = conn.execute("SELECT count(*) FROM facts WHERE kind = ?", (kind,)).fetchone()[0]
            rows = conn.execute(f"SELECT * FROM {view}").fetchall()
            assert n > 0 and len(rows) == n, view
            # plain columns: no cell holds JSON (an object or a list)
            for row in rows:
                assert not any(isinstance(v, str) and v[:1] in "{[" and v[-1:] in "}]" for v in row), (view, row)
        # an event row agrees with its JSON and with the event index
        event_id, code, country, cluster = conn.execute(
            "SELECT id, cameo_code, source_country, cluster_id FROM events_v WHERE source_country IS NOT NULL LIMIT 1"
        ).fetchone()
        data = json.loads(conn.execute("SELECT data FROM facts WHERE id = ?", (event_id,)).fetchone()[0])
        assert (code, country) == (data["cameo_code"], data["source"]["country"])
        assert cluster == conn.execute("SELECT cluster_id FROM event_index WHERE id = ?", (event_id,)).fetchone()[0]
        # roles and aliases come out as text
        roles = conn.execute("SELECT roles FROM entities_v WHERE roles IS NOT NULL LIMIT 1").fetchone()
        assert roles is None or isinstance(roles[0], str)


def test_a_store_from_before_the_migration_keeps_its_search(tmp_path: Path) -> None:
    """Migrating a store made with the single-quoted FTS declaration rebuilds the index from
    the articles: every earlier hit is still found, and new writes are indexed too."""
    from tidings.store.migrations import MIGRATIONS

    db = tmp_path / "old.db"
    old = [m for m in MIGRATIONS if m.name < "0008"]
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, old)
    conn.execute(
        "INSERT INTO articles(id, version, source, title, text, data, ingested_at)"
        " VALUES ('a1', 'v', 's', 'Grain talks', 'Ministers met on grain exports.', '{}', 'now')"
    )
    assert "content='articles'" in conn.execute("SELECT sql FROM sqlite_master WHERE name='articles_fts'").fetchone()[0]
    ran = migrate(conn)
    assert ran == [m.name for m in MIGRATIONS if m.name >= "0008"]
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='articles_fts'").fetchone()[0]
    assert 'content="articles"' in sql
    hit = "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"
    assert conn.execute(hit, ("grain",)).fetchall() == [("a1",)]
    conn.execute(
        "INSERT INTO articles(id, version, source, title, text, data, ingested_at)"
        " VALUES ('a2', 'v', 's', 'Port strike', 'Dockers stopped grain ships.', '{}', 'now')"
    )
    conn.execute("DELETE FROM articles WHERE id = 'a1'")
    assert conn.execute(hit, ("grain",)).fetchall() == [("a2",)]
    conn.close()


def test_migration_names_only_grow() -> None:
    """0008 is appended; the released names before it are unchanged."""
    from tidings.store.migrations import MIGRATIONS

    names = [m.name for m in MIGRATIONS]
    assert names[:8] == [
        "0001_articles", "0002_ingest_ledger", "0003_facts", "0004_event_index", "0005_dedup",
        "0006_event_clusters", "0007_read_model", "0008_tools",
    ]  # fmt: skip
    assert all(isinstance(m, Migration) for m in MIGRATIONS)


@pytest.mark.parametrize("view", sorted(VIEW_KINDS))
def test_views_read_with_plain_sql_in_the_sqlite3_shell(demo_db: Path, view: str) -> None:
    """What a sqlite3 user types: no JSON functions, just columns."""
    sqlite3_bin = shutil.which("sqlite3")
    if sqlite3_bin is None:
        pytest.skip("no sqlite3 shell")
    res = subprocess.run(
        [sqlite3_bin, "-readonly", "-csv", "-header", str(demo_db), f"SELECT * FROM {view} LIMIT 3"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert res.returncode == 0, res.stderr
    header = res.stdout.splitlines()[0].split(",")
    assert header[:4] == ["id", "article_id", "start", "end"]
