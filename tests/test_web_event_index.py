"""The event index and its daily roll-up stay exact through the real write path: new
articles, new versions of an article (events replaced), duplicate event ids in one batch,
and articles whose events have no country or no day."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tidings.extract.build import make_article
from tidings.ids import fact_id
from tidings.records import ActorRef, Event, Paragraph
from tidings.store.event_index import backfill, dyad_key, event_day
from tidings.store.sqlite import BatchItem, Store
from tidings.web.queries import dyad_series
from web_store import synthetic_items

ROLLUP_FROM_INDEX = (
    "SELECT dyad, date, source_country, coalesce(quad_class, 0), count(*), total(goldstein), count(goldstein)"
    " FROM event_index WHERE dyad IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
)
ROLLUP = (
    "SELECT dyad, date, source_country, quad_class, events, goldstein_sum, goldstein_n FROM event_daily"
    " ORDER BY 1, 2, 3, 4"
)


def rollup_is_exact(conn: sqlite3.Connection) -> None:
    want = [(*r[:5], round(r[5], 6), r[6]) for r in conn.execute(ROLLUP_FROM_INDEX)]
    got = [(*r[:5], round(r[5], 6), r[6]) for r in conn.execute(ROLLUP)]
    assert got == want


def event(aid: str, n: int, src: str | None, tgt: str | None, quad: int, gold: float | None, day: str | None) -> Event:
    return Event(
        fact_id("events", aid, n), aid, 0, 4, "Talk", "Talks.", 0, 6,
        source=ActorRef("A", None, None, src), target=ActorRef("B", None, None, tgt),
        goldstein=gold, quad_class=quad, date=day,
    )  # fmt: skip


def test_web_event_index_rollup_follows_versions_and_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    with Store.open(db) as store:
        store.write_batch(synthetic_items(120, seed=3))
        rollup_is_exact(store.conn)
        a1 = make_article(
            source="t",
            paragraphs=[Paragraph("paragraph", "Talks one.")],
            url="https://x.example/1",
            published="2023-06-18",
        )
        evs = [
            event(a1.id, 0, "USA", "CHN", 1, 3.0, "2023-06-17"),
            event(a1.id, 1, "CHN", "USA", 4, -9.0, None),
            event(a1.id, 1, "CHN", "USA", 4, -9.0, None),
            event(a1.id, 2, None, "USA", 2, 5.0, "2023-06-17"),
        ]
        store.write_batch([BatchItem("v1", "r1", a1, facts={"events": evs})])
        rollup_is_exact(store.conn)
        assert store.conn.execute("SELECT count(*) FROM event_index WHERE article_id = ?", (a1.id,)).fetchone()[0] == 3
        series = dyad_series(store.conn, "USA", "CHN", "day", "both", "2023-06-17", "2023-06-18")
        mine = {p["bucket"]: p for p in series}
        assert mine["2023-06-18"]["material_conflict"] >= 1  # the undated event is charted on the article's day
        a2 = make_article(
            source="t",
            paragraphs=[Paragraph("paragraph", "Talks one, revised.")],
            url="https://x.example/1",
            published="2023-06-18",
        )
        assert a2.id == a1.id and a2.version != a1.version
        store.write_batch([BatchItem("v2", "r2", a2, facts={"events": [event(a2.id, 9, "USA", "RUS", 3, -2.0, None)]})])
        rollup_is_exact(store.conn)
        rows = store.conn.execute("SELECT dyad, date FROM event_index WHERE article_id = ?", (a1.id,)).fetchall()
        assert rows == [(dyad_key("USA", "RUS"), "2023-06-18")]
        store.conn.execute("DELETE FROM articles WHERE id = ?", (a1.id,))  # cascades through the triggers
        rollup_is_exact(store.conn)


def test_web_event_day_accepts_only_real_days() -> None:
    assert event_day("2023-06-17", "2023-06-18") == "2023-06-17"
    assert event_day("2023-06-17T10:00:00Z", None) == "2023-06-17"
    assert event_day("2023-06", "2023-06-18T08:00:00+08:00") == "2023-06-18"
    assert event_day("2023-W24", "2023-02-30") is None
    assert event_day(None, "<script>") is None
    assert dyad_key("USA", "CHN") == dyad_key("CHN", "USA") == "CHN-USA"
    assert dyad_key("USA", None) is None


def test_web_event_index_backfill_rebuilds_the_index(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        store.write_batch(synthetic_items(80, seed=9))
        before = store.conn.execute("SELECT * FROM event_index ORDER BY id").fetchall()
        daily = store.conn.execute(ROLLUP).fetchall()
        assert len(before) > 50
        store.conn.execute("DELETE FROM event_index")  # a store from before the index existed
        assert store.conn.execute("SELECT count(*) FROM event_daily").fetchone()[0] == 0
        backfill(store.conn)
        assert store.conn.execute("SELECT * FROM event_index ORDER BY id").fetchall() == before
        assert [r[:5] for r in store.conn.execute(ROLLUP)] == [r[:5] for r in daily]
        rollup_is_exact(store.conn)
