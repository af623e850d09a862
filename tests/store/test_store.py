from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tidings.errors import StoreError
from tidings.extract.build import make_article
from tidings.records import Paragraph, Rejected
from tidings.store.migrations import MIGRATIONS, Migration
from tidings.store.sqlite import BatchItem, Store


def art(text: str, url: str | None = "https://example.com/a") -> object:
    return make_article(source="t", paragraphs=[Paragraph("paragraph", text)], title="T", url=url)


def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store.open(db).close()
    Store.open(db).close()
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == [m.name for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_database_from_an_unknown_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store.open(db, migrations=[Migration("9999_other", "CREATE TABLE x(a)")]).close()
    with pytest.raises(StoreError, match="T402"):
        Store.open(db)


def test_batch_is_atomic(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        good = BatchItem("o1", "r1", art("first text"))  # type: ignore[arg-type]

        class Boom(Exception):
            pass

        class BadFacts(dict[str, list[object]]):  # fails while its facts are being written
            def get(self, *args):  # type: ignore[no-untyped-def,override]
                raise Boom

        bad = BatchItem("o2", "r2", art("second", url="https://example.com/b"), facts=BadFacts(events=[]))  # type: ignore[arg-type]
        with pytest.raises(Boom):
            store.write_batch([good, bad])
        assert store.counts()["articles"] == 0
        assert not store.ledger_has("o1", "r1")
        store.write_batch([good])
        assert store.counts()["articles"] == 1 and store.ledger_has("o1", "r1")


def test_same_article_twice_changes_nothing_and_new_text_is_a_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        a1 = art("text one")
        store.write_batch([BatchItem("o", "r", a1)])  # type: ignore[arg-type]
        before = store.conn.execute("SELECT ingested_at, version FROM articles").fetchall()
        store.write_batch([BatchItem("o", "r", a1)])  # type: ignore[arg-type]
        assert store.conn.execute("SELECT ingested_at, version FROM articles").fetchall() == before
        a2 = art("text two, edited")
        store.write_batch([BatchItem("o", "r2", a2)])  # type: ignore[arg-type]
        rows = store.conn.execute("SELECT id, text FROM articles").fetchall()
        assert len(rows) == 1 and rows[0][1] == "text two, edited"
        assert store.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 2


def test_full_text_search_and_rejections_are_stored(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        store.write_batch(
            [
                BatchItem("o1", "r1", art("Diplomats met in Vienna")),  # type: ignore[arg-type]
                BatchItem("o2", "r2", Rejected("sources", "binary", "PDF data", "o2")),
            ]
        )
        assert [r["id"] for r in store.articles(search="vienna")]
        assert list(store.articles(search='"; DROP TABLE articles; --')) == []
        assert store.rejection_counts() == {"binary": 1}


def test_readonly_store_cannot_write(tmp_path: Path) -> None:
    Store.open(tmp_path / "t.db").close()
    with Store.open(tmp_path / "t.db", readonly=True) as ro, pytest.raises(StoreError):
        ro.write_batch([])
