"""Layered dedup: canonical URLs, exact hashes, MinHash LSH near-duplicates, versions."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bench_loader import load_bench
from paths import ROOT
from tidings.store import dedup
from tidings.store.dedup import MinHashDedup, canonical_url, ensure_schema, story_count

BODY = (
    "Secretary of State Antony Blinken met Chinese leader Xi Jinping in Beijing on Monday, "
    "the highest-level visit by an American official in years. Both sides said they wanted to "
    "stabilise relations after months of tension over Taiwan, trade and a suspected spy balloon. "
    "Blinken also held talks with foreign minister Qin Gang and top diplomat Wang Yi, and the two "
    "countries agreed to keep lines of communication open and to increase flights between them."
)
OTHER = (
    "The central bank left its benchmark interest rate unchanged on Thursday, saying inflation was "
    "easing faster than expected while growth remained weak. Economists had widely predicted the "
    "decision, and markets barely moved after the announcement in the capital this afternoon."
)


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(tmp_path / "d.db")
    ensure_schema(connection)
    return connection


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        (
            "https://www.example.com/world/story-1?utm_source=rss&utm_medium=feed",
            "https://example.com/world/story-1",
        ),
        ("http://example.com/world/story-1/#comments", "https://example.com/world/story-1"),
        ("https://m.example.com/world/story-1?fbclid=abc&gclid=x", "https://example.com/world/story-1"),
        ("https://example.com/world/story-1/amp", "https://example.com/world/story-1"),
        ("https://amp.example.com/world/story-1?amp=1", "https://example.com/world/story-1"),
        ("https://EXAMPLE.com:443/world/story-1", "https://example.com/world/story-1"),
        ("https://example.com/world/story-1?b=2&a=1&ref=rss", "https://example.com/world/story-1?a=1&b=2"),
        # courlan's normalisation underneath: scheme/host case, default port, doubled slashes, trackers
        ("HTTP://Example.COM:80//world//story-1/?utm_campaign=x&mc_cid=1#top", "https://example.com/world/story-1"),
        (" https://example.com/world/story-1?smid=tw-share&id=7 ", "https://example.com/world/story-1?id=7"),
    ],
)
def test_canonical_url(variant: str, expected: str) -> None:
    assert canonical_url(variant) == expected


def test_declared_canonical_wins_unless_it_is_the_home_page() -> None:
    url = "https://feeds.example.net/~r/x/~3/abc/story"
    assert canonical_url(url, declared="https://www.example.com/story") == "https://example.com/story"
    assert canonical_url(url, declared="https://example.com/") == canonical_url(url)


def test_layers(conn: sqlite3.Connection) -> None:
    index = MinHashDedup()
    first = index.assign(conn, "a1", "https://www.example.com/s1?utm_source=x", BODY)
    assert (first.kind, first.story_id, first.duplicate_of) == ("new", "a1", None)
    same_url_same_text = index.assign(conn, "a2", "https://example.com/s1/", "  " + BODY.upper())
    assert (same_url_same_text.kind, same_url_same_text.duplicate_of) == ("exact", "a1")
    version = index.assign(conn, "a1", "https://example.com/s1", BODY + " Updated at 10:00 with new details.")
    assert (version.kind, version.story_id) == ("version", "a1")
    syndicated = index.assign(conn, "b1", "https://other.org/copy", BODY)
    assert (syndicated.kind, syndicated.story_id) == ("exact", "a1")
    edited = BODY.replace("Monday", "Sunday").replace("months", "many months") + " (Reporting by staff)"
    near = index.assign(conn, "c1", "https://third.net/x", "BLINKEN IN BEIJING\n\n" + edited)
    assert near.kind == "near" and near.story_id == "a1" and near.similarity >= index.threshold
    other = index.assign(conn, "d1", "https://example.com/rates", OTHER)
    assert (other.kind, other.story_id) == ("new", "d1")
    assert story_count(conn) == 2


def test_truncated_copy_is_near(conn: sqlite3.Connection) -> None:
    index = MinHashDedup()
    long_text = " ".join([BODY, OTHER, BODY.replace("Beijing", "the capital")])
    index.assign(conn, "full", None, long_text)
    cut = " ".join(long_text.split()[: len(long_text.split()) * 6 // 10])
    assert index.assign(conn, "cut", None, cut).kind == "near"


def test_incremental_across_connections(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    with sqlite3.connect(db) as first:
        ensure_schema(first)
        MinHashDedup().assign(first, "a1", None, BODY)
    second = sqlite3.connect(db)
    ensure_schema(second)
    result = MinHashDedup().assign(second, "a2", None, BODY.replace("Monday", "Tuesday"))
    assert (result.kind, result.story_id) == ("near", "a1")
    bands = second.execute("SELECT COUNT(*) FROM dedup_band").fetchone()[0]
    assert bands == 2 * dedup.BANDS


def test_empty_text_is_not_a_near_duplicate_of_everything(conn: sqlite3.Connection) -> None:
    index = MinHashDedup()
    assert index.assign(conn, "e1", None, "").kind == "new"
    assert index.assign(conn, "e2", None, "   ").kind == "new"
    assert index.assign(conn, "x", None, BODY).kind == "new"


def test_short_texts_are_not_copies_of_each_other(conn: sqlite3.Connection) -> None:
    """Four unrelated letters whose stored text is only "To the Editor:" (lead paragraphs of the
    NYT corpus) are four stories; a short text still joins its story by URL."""
    index = MinHashDedup()
    kinds = [index.assign(conn, f"letter{i}", None, "To the Editor:") for i in range(4)]
    assert [k.kind for k in kinds] == ["new"] * 4 and len({k.story_id for k in kinds}) == 4
    again = index.assign(conn, "letter0b", "https://example.com/letters/1", "To the Editor:")
    assert index.assign(conn, "letter0c", "https://example.com/letters/1", "To the Editor:").story_id == again.story_id
    assert index.assign(conn, "long1", None, BODY).kind == "new"
    assert index.assign(conn, "long2", None, BODY).kind == "exact"


def _bench() -> object:
    return load_bench("dedup")


@pytest.mark.slow
def test_dedup_floors(shared: Path) -> None:
    bench = _bench()
    figures = bench.score(shared / "data" / "corpus" / "text")  # type: ignore[attr-defined]
    floors = json.loads((ROOT / "bench" / "floors" / "dedup.json").read_text())
    assert figures["pairs"] >= 200
    for key, floor in floors.items():
        assert figures[key] >= floor, (key, figures[key], floor)


@pytest.mark.slow
def test_memory_flat_at_ten_times_the_docs(shared: Path) -> None:
    bench = _bench()
    small, large = bench.memory_growth(shared / "data" / "corpus" / "text", base=300)  # type: ignore[attr-defined]
    assert large - small < 16_000_000, (small, large)  # RSS growth over 2,700 more docs


def test_one_story_from_seven_sources(conn: sqlite3.Connection) -> None:
    """utm-tagged RSS link, www / non-www, AMP, a feedburner link (its final URL after the
    fetcher's redirects), a WARC copy and a later edited version: 1 article, 2 versions."""
    from tidings.ids import article_id

    arrivals = [
        ("https://www.example.com/world/blinken-beijing?utm_source=rss&utm_medium=feed", BODY),
        ("https://www.example.com/world/blinken-beijing", BODY),
        ("https://example.com/world/blinken-beijing/", BODY),
        ("https://example.com/world/blinken-beijing/amp?amp=1", BODY),
        ("http://example.com/world/blinken-beijing#ref=feedburner", BODY),  # final URL of the feedburner hop
        ("https://example.com/world/blinken-beijing", BODY),  # WARC-Target-URI of an archived copy
        ("https://example.com/world/blinken-beijing", BODY + " This story has been updated."),
    ]
    index = MinHashDedup()
    kinds = []
    ids = set()
    for url, text in arrivals:
        aid = article_id(canonical_url(url), text)
        ids.add(aid)
        kinds.append(index.assign(conn, aid, url, text).kind)
    assert kinds == ["new", "exact", "exact", "exact", "exact", "exact", "version"]
    assert len(ids) == 1 and story_count(conn) == 1
    assert conn.execute("SELECT COUNT(*) FROM dedup_text").fetchone()[0] == 2
