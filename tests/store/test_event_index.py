"""The event index stays exact through the real write path (new articles, new versions of an
article, duplicate event ids in one batch, events with no country or no day), and the dyad series
counts event clusters from it."""

from __future__ import annotations

from pathlib import Path

from tidings.extract.build import make_article
from tidings.ids import fact_id
from tidings.records import ActorRef, Event, Paragraph
from tidings.store.event_index import backfill, dyad_key, event_day
from tidings.store.reads import dyad_series
from tidings.store.sqlite import BatchItem, Store
from web_store import synthetic_items


def event(aid: str, n: int, src: str | None, tgt: str | None, quad: int, gold: float | None, day: str | None) -> Event:
    return Event(
        fact_id("events", aid, n), aid, 0, 4, "Talk", "Talks.", 0, 6,
        source=ActorRef("A", None, None, src), target=ActorRef("B", None, None, tgt),
        goldstein=gold, quad_class=quad, date=day, cameo_code=f"0{quad}0" if quad < 10 else None,
    )  # fmt: skip


def index_rows(store: Store, aid: str) -> int:
    return int(store.conn.execute("SELECT count(*) FROM event_index WHERE article_id = ?", (aid,)).fetchone()[0])


def test_web_event_index_follows_versions_and_duplicates(tmp_path: Path) -> None:
    with Store.open(tmp_path / "e.db") as store:
        store.write_batch(synthetic_items(120, seed=3))
        a1 = make_article(
            source="t", paragraphs=[Paragraph("paragraph", "Talks one.")], url="https://x.example/1",
            published="2023-06-18",
        )  # fmt: skip
        evs = [
            event(a1.id, 0, "USA", "CHN", 1, 3.0, "2023-06-17"),
            event(a1.id, 1, "CHN", "USA", 4, -9.0, None),
            event(a1.id, 1, "CHN", "USA", 4, -9.0, None),
            event(a1.id, 2, None, "USA", 2, 5.0, "2023-06-17"),
        ]
        store.write_batch([BatchItem("v1", "r1", a1, facts={"events": evs})])
        assert index_rows(store, a1.id) == 3
        series = dyad_series(store.conn, "USA", "CHN", interval="day", since="2023-06-17", until="2023-06-18")
        mine = {p["bucket"]: p for p in series["series"]}
        assert mine["2023-06-18"]["material_conflict"] >= 1  # the undated event is charted on the article's day
        a2 = make_article(
            source="t", paragraphs=[Paragraph("paragraph", "Talks one, revised.")], url="https://x.example/1",
            published="2023-06-18",
        )  # fmt: skip
        assert a2.id == a1.id and a2.version != a1.version
        store.write_batch([BatchItem("v2", "r2", a2, facts={"events": [event(a2.id, 9, "USA", "RUS", 3, -2.0, None)]})])
        rows = store.conn.execute("SELECT dyad, date FROM event_index WHERE article_id = ?", (a1.id,)).fetchall()
        assert rows == [(dyad_key("USA", "RUS"), "2023-06-18")]
        store.conn.execute("DELETE FROM articles WHERE id = ?", (a1.id,))  # cascades
        assert index_rows(store, a1.id) == 0


def test_dyad_series_counts_clusters_not_copies(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        items = []
        for n in range(3):  # the same talks told by three articles on one day: one event, three copies
            a = make_article(
                source="t", paragraphs=[Paragraph("paragraph", f"Talks {n}.")], url=f"https://x.example/{n}",
                published="2023-06-18", site=f"site{n}",
            )  # fmt: skip
            items.append(BatchItem(f"o{n}", f"r{n}", a, facts={"events": [event(a.id, 0, "USA", "CHN", 1, 3.0, None)]}))
        store.write_batch(items)
        series = dyad_series(store.conn, "USA", "CHN", interval="month")
        assert (series["events"], series["copies"], series["mentions"]) == (1, 3, 3)
        assert series["series"] == [
            {
                "bucket": "2023-06", "events": 1, "copies": 3, "mentions": 3, "verbal_cooperation": 1,
                "material_cooperation": 0, "verbal_conflict": 0, "material_conflict": 0, "cooperation": 1,
                "conflict": 0, "goldstein_mean": 3.0,
            }
        ]  # fmt: skip
        assert dyad_series(store.conn, "USA", "CHN", factuality=("planned",))["events"] == 0


def test_web_event_day_accepts_only_real_days() -> None:
    assert event_day("2023-06-17", "2023-06-18") == "2023-06-17"
    assert event_day("2023-06-17T10:00:00Z", None) == "2023-06-17"
    assert event_day("2023-06", "2023-06-18T08:00:00+08:00") == "2023-06-18"  # "this month": the report's day
    assert event_day("2019", "2023-06-18") == "2019-01-01"  # background "in 2019": its period's first day
    assert event_day("2023-W24", "2023-02-30") == "2023-06-12"
    assert event_day(None, "<script>") is None
    assert dyad_key("USA", "CHN") == dyad_key("CHN", "USA") == "CHN-USA"
    assert dyad_key("USA", None) is None


def test_web_event_index_backfill_rebuilds_the_index(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        store.write_batch(synthetic_items(80, seed=9))
        before = store.conn.execute("SELECT * FROM event_index ORDER BY id").fetchall()
        assert len(before) > 50
        store.conn.execute("DELETE FROM event_index")  # a store from before the index existed
        backfill(store.conn)
        assert store.conn.execute("SELECT * FROM event_index ORDER BY id").fetchall() == before
