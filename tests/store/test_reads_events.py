"""The read model over any event set (facets, timelines, map points, cluster lists): on a real
store it counts exactly what the dyad series counts, and each facet count is what filtering by
that value gives."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tidings.store import reads
from tidings.store.event_frame import FrameCache, build_frame
from tidings.store.event_query import EventQuery
from tidings.store.sqlite import Store
from web_store import synthetic_items, write_store

PAIRS = [("USA", "CHN"), ("RUS", "UKR"), ("DEU", "USA")]


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    db = tmp_path_factory.mktemp("reads") / "r.db"
    write_store(db, synthetic_items(300, seed=5))
    with Store.open(db, readonly=True) as store:
        yield store.conn


@pytest.mark.parametrize("direction", ["both", "forward", "backward"])
@pytest.mark.parametrize("factuality", [("asserted",), ("planned", "negated"), ()])
@pytest.mark.parametrize(("since", "until"), [(None, None), ("2023-03-01", "2023-08"), (None, "2023-05-20")])
def test_event_series_is_the_dyad_series(
    conn: sqlite3.Connection, direction: str, factuality: tuple[str, ...], since: str | None, until: str | None
) -> None:
    frames = FrameCache()
    for a, b in PAIRS:
        sql = reads.dyad_series(conn, a, b, interval="month", direction=direction, factuality=factuality or
                                reads.FACTUALITIES, since=since, until=until)  # fmt: skip
        query = EventQuery.for_dyad(a, b, direction, factuality=factuality, since=since, until=until)
        frame = reads.event_series(conn, query, "month", frames)
        assert frame["series"] == sql["series"] and frame["events"] == sql["events"], (a, b)
        assert (frame["copies"], frame["mentions"], frame["undated"]) == (
            sql["copies"],
            sql["mentions"],
            sql["undated"],
        )
        listed = reads.event_clusters(conn, query, limit=10**6, frames=frames)
        via_sql = reads.dyad_events(conn, a, b, direction=direction, factuality=factuality or reads.FACTUALITIES,
                                    since=since, until=until, limit=10**6)  # fmt: skip
        assert sorted(e["id"] for e in listed) == sorted(e["id"] for e in via_sql)
        assert sum(e["_copies"] for e in listed) == sql["copies"]


def test_facet_counts_are_what_filtering_by_the_value_gives(conn: sqlite3.Connection) -> None:
    frames = FrameCache()
    base = EventQuery(factuality=("asserted", "planned"), since="2023-02-01")
    summary = reads.event_summary(conn, base, frames)
    assert summary["events"] > 20
    checked = 0
    for facet in ("plover", "dyad", "site", "cameo_root", "quad", "year", "factuality"):
        for v in summary["facets"][facet]:
            value = int(v["value"]) if facet == "quad" else v["value"]
            if facet == "factuality":
                narrowed = dataclasses.replace(base, factuality=(value,))
            else:
                narrowed = dataclasses.replace(base, **{facet: (value,)})
            assert reads.event_summary(conn, narrowed, frames, top=0)["events"] == v["events"], (facet, value)
            checked += 1
    assert checked > 15
    # a facet's own filter does not narrow its counts: every value stays offered
    picked = summary["facets"]["plover"][0]["value"]
    narrowed = reads.event_summary(conn, dataclasses.replace(base, plover=(picked,)), frames)
    assert narrowed["facets"]["plover"] == summary["facets"]["plover"]
    assert narrowed["events"] == summary["facets"]["plover"][0]["events"]


def test_text_and_theme_filters_follow_the_articles(conn: sqlite3.Connection) -> None:
    frames = FrameCache()
    ids = {r[0] for r in conn.execute("SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                                      " WHERE articles_fts MATCH '\"balloon\"'")}  # fmt: skip
    listed = reads.event_clusters(conn, EventQuery(text='"balloon"', factuality=()), limit=10**6, frames=frames)
    assert listed and {e["article_id"] for e in listed} <= ids
    themed = {r[0] for r in conn.execute(
        "SELECT article_id FROM facts WHERE kind = 'issues' AND json_extract(data, '$.issue') = 'taiwan'")}  # fmt: skip
    listed = reads.event_clusters(conn, EventQuery(theme=("taiwan",), factuality=()), limit=10**6, frames=frames)
    assert listed and {e["article_id"] for e in listed} <= themed


def test_map_points_count_the_placed_events(tmp_path: Path, blinken_text: str) -> None:
    from web_store import blinken_item

    db = tmp_path / "m.db"
    write_store(db, [blinken_item(blinken_text), *synthetic_items(20)])
    with Store.open(db, readonly=True) as store:
        found = reads.event_places(store.conn, EventQuery(factuality=()), None)
        assert found["events"] == found["placed"] + found["unplaced"]
        assert sum(p["events"] for p in found["points"]) >= found["placed"]


def test_frame_cache_rebuilds_when_the_store_changes(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    items = synthetic_items(40, seed=3)
    write_store(db, items[:20])
    cache = FrameCache()
    with Store.open(db, readonly=True) as store:
        first = cache.get(store.conn)
        assert cache.get(store.conn) is first
    write_store(db, items[20:])
    with Store.open(db, readonly=True) as store:
        second = cache.get(store.conn)
        assert second is not first and second.size == build_frame(store.conn).size > first.size
