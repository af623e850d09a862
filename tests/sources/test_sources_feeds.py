"""Feeds: the 7 real feeds parse (incl. ISO-8859-1), dates go to UTC, bad input is a value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.records import RawDoc, Rejected
from tidings.sources.feeds import item_key, read_feed


def _feeds(shared: Path) -> list[tuple[Path, int]]:
    folder = shared / "data" / "corpus" / "feeds"
    rows = [json.loads(line) for line in (folder / "index.jsonl").read_text().splitlines() if line.strip()]
    return [(folder / row["file"], int(row["items"])) for row in rows]


def test_all_seven_feeds_parse_with_every_item(shared: Path) -> None:
    feeds = _feeds(shared)
    assert len(feeds) == 7
    for path, expected in feeds:
        docs = list(read_feed(path.read_bytes(), uri=str(path), fetched_at="2026-01-01T00:00:00Z"))
        assert all(isinstance(d, RawDoc) for d in docs), path
        assert len(docs) == expected, path
        for doc in docs:
            assert isinstance(doc, RawDoc)
            assert doc.fields["title"], (path, doc.origin)
            assert doc.fields["published"] and doc.fields["published"].endswith("Z"), (path, doc.fields)
            assert doc.fetched_at == "2026-01-01T00:00:00Z"
        assert len({item_key(d) for d in docs if isinstance(d, RawDoc)}) == expected


def test_iso_8859_1_feed_decodes(shared: Path) -> None:
    path = shared / "data" / "corpus" / "feeds" / "jn-pt.rss"
    docs = [d for d in read_feed(path.read_bytes(), uri=str(path)) if isinstance(d, RawDoc)]
    titles = " ".join(d.fields["title"] for d in docs)
    assert "ã" in titles or "ç" in titles or "é" in titles
    assert "\ufffd" not in titles


def test_portuguese_dates_and_timezones(shared: Path) -> None:
    path = shared / "data" / "corpus" / "feeds" / "uol-noticias.rss"
    first = next(iter(read_feed(path.read_bytes(), uri=str(path))))
    assert isinstance(first, RawDoc)
    assert first.fields["published_raw"] == "Seg, 24 Set 2018 19:42:40 -0300"
    assert first.fields["published"] == "2018-09-24T22:42:40Z"
    assert first.fields["tz_assumed"] is False


def test_full_content_items_become_html_and_teasers_need_fetch(shared: Path) -> None:
    path = shared / "data" / "corpus" / "feeds" / "varthabharati.rss"
    docs = [d for d in read_feed(path.read_bytes(), uri=str(path)) if isinstance(d, RawDoc)]
    full = [d for d in docs if d.kind == "html"]
    assert full and all(b"<article>" in d.data and d.fields["url"] for d in full)
    heise = shared / "data" / "corpus" / "feeds" / "heise-developer.atom"
    teasers = [d for d in read_feed(heise.read_bytes(), uri=str(heise)) if isinstance(d, RawDoc)]
    assert all(d.kind == "record" and d.fields["needs_fetch"] is True for d in teasers)


FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://ex.test/1</link><pubDate>Mon, 07 Jan 2019 17:19:19</pubDate>
<description>short</description></item>
<item><title>Two</title><link>https://ex.test/2</link><pubDate>2019-01-07T10:00:00+02:00</pubDate></item>
</channel></rss>"""


def test_timezone_assumed_flag() -> None:
    docs = [d for d in read_feed(FEED, uri="mem") if isinstance(d, RawDoc)]
    assert [d.fields["tz_assumed"] for d in docs] == [True, False]
    assert docs[1].fields["published"] == "2019-01-07T08:00:00Z"


def test_billion_laughs_is_refused_before_parsing() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(f'<!ENTITY a{i} "{"&a;" * 10 if i == 0 else f"&a{i - 1};" * 10}">'.encode() for i in range(9))
        + b']><rss version="2.0"><channel><title>&a8;</title><item><title>x</title></item></channel></rss>'
    )
    out = list(read_feed(bomb, uri="bomb"))
    assert len(out) == 1 and isinstance(out[0], Rejected) and out[0].code == "xml_entities"
    utf16 = bomb.decode().replace('version="1.0"', 'version="1.0" encoding="utf-16"').encode("utf-16")
    out16 = list(read_feed(utf16, uri="bomb16"))
    assert isinstance(out16[0], Rejected) and out16[0].code == "xml_entities"


@pytest.mark.parametrize("junk", [b"", b"not a feed at all", b"\x89PNG\r\n\x1a\n" + bytes(100)])
def test_junk_is_a_bad_feed_value(junk: bytes) -> None:
    out = list(read_feed(junk, uri="junk"))
    assert len(out) == 1 and isinstance(out[0], Rejected) and out[0].code == "bad_feed"


def test_one_bad_item_keeps_the_rest() -> None:
    feed = FEED.replace(b"<item><title>Two", b"<item></item><item><title>Two")
    out = list(read_feed(feed, uri="mem"))
    kinds = [type(o).__name__ for o in out]
    assert kinds.count("RawDoc") == 2 and len(out) == 3
    assert isinstance(out[1], Rejected) and out[1].code == "empty"


def test_watch_polls_and_yields_only_new_items() -> None:
    from loopback_server import start
    from tidings.config import FetchOptions
    from tidings.sources.watch import FeedPoller, parse_every, watch
    from tidings.sources.web import Fetcher

    assert parse_every("15m") == 900.0 and parse_every("2h") == 7200.0
    with pytest.raises(Exception, match="T21"):
        parse_every("5s")
    state, httpd = start()
    try:
        state.route("/robots.txt", 404)
        feed = FEED
        state.routes["/feed.xml"] = lambda hit: (200, {"Content-Type": "application/rss+xml"}, feed)
        seen_batches: list[list[str]] = []
        options = FetchOptions(host_delay=0.01)
        with Fetcher(options, resolver=lambda h, p: ["127.0.0.1"], allow_hosts=("127.0.0.1",)) as fetcher:
            poller = FeedPoller(fetcher, seen=lambda key: key == "https://ex.test/2")
            url = state.url("news.test", "/feed.xml")

            def collect(feed_url: str, items: list[RawDoc | Rejected]) -> None:
                seen_batches.append([i.fields["url"] for i in items if isinstance(i, RawDoc)])

            watch([url], poller, 0.0, collect, rounds=1)
            feed = FEED.replace(
                b"</channel>", b"<item><title>Three</title><link>https://ex.test/3</link></item></channel>"
            )
            watch([url], poller, 0.0, collect, rounds=2)
    finally:
        httpd.shutdown()
        httpd.server_close()
    # item 2 is already in the store (seen), item 1 comes once, item 3 once it appears
    assert seen_batches == [["https://ex.test/1"], ["https://ex.test/3"], []]
