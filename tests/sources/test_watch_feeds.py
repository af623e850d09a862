"""Feeds end to end against a real loopback server: full items stored, teaser items fetched,
a second poll ingests only what is new, and a fetched feed URL expands to its items."""

from __future__ import annotations

from pathlib import Path

from loopback_server import LoopbackServer
from tidings.config import FetchOptions, Options
from tidings.run.ingest import ingest_items
from tidings.sources.watch import FeedPoller, watch
from tidings.sources.web import Fetcher
from tidings.store.sqlite import Store

BODY = "<p>" + "Trade ministers met in Vienna on Monday and agreed to cut tariffs on steel. " * 6 + "</p>"
ARTICLE = (
    "<html><head><title>Steel talks</title></head><body><article><h1>Steel talks</h1>"
    + "<p>"
    + "Negotiators from both sides said the talks in Geneva went well. " * 8
    + "</p>"
    "</article></body></html>"
).encode()


def rss(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>Mon, 10 Mar 2024 10:00:00 GMT</pubDate><description><![CDATA[{d}]]></description></item>"
        for t, link, d in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>{entries}</channel></rss>'.encode()
    )


def loopback_fetcher() -> Fetcher:
    opts = FetchOptions(host_delay=0.05, connect_timeout=2.0, read_timeout=2.0, total_timeout=10.0)
    return Fetcher(opts, resolver=lambda host, port: ["127.0.0.1"], allow_hosts=("127.0.0.1",))  # type: ignore[arg-type]


def test_watch_ingests_only_new_items_and_fetches_teasers(server: LoopbackServer, tmp_path: Path) -> None:
    base = f"http://news.test:{server.port}"
    items = [("Full one", f"{base}/a1", BODY), ("Teaser two", f"{base}/a2", "Short teaser.")]
    server.route("/robots.txt", body=b"User-agent: *\nAllow: /\n", Content_Type="text/plain")
    server.route("/feed.xml", body=rss(items), Content_Type="application/rss+xml")
    server.route("/a2", body=ARTICLE, Content_Type="text/html; charset=utf-8")
    options = Options().with_overrides(nlp__facts=False)
    feed = f"{base}/feed.xml"
    stored: list[int] = []
    with Store.open(tmp_path / "t.db") as store, loopback_fetcher() as fetcher:

        def on_items(url: str, got: list[object]) -> None:
            report = ingest_items(got, store, options, fetcher=fetcher)  # type: ignore[arg-type]
            stored.append(report.stored)

        poller = FeedPoller(fetcher, seen=lambda key: store.ledger_has_origin(f"{feed}#{key}"))
        watch([feed], poller, 0.0, on_items, rounds=2, sleep=lambda s: None)
        assert stored == [2, 0]
        titles = sorted(r["title"] for r in store.articles())
        assert titles == ["Full one", "Steel talks"]  # the teaser's link was fetched and extracted
        assert len(server.hits_for("/a2")) == 1

        server.route(
            "/feed.xml",
            body=rss([*items, ("Full three", f"{base}/a3", BODY.replace("steel", "grain"))]),
            Content_Type="application/rss+xml",
        )
        fresh = FeedPoller(fetcher, seen=lambda key: store.ledger_has_origin(f"{feed}#{key}"))  # a restart
        watch([feed], fresh, 0.0, on_items, rounds=1, sleep=lambda s: None)
        assert stored[-1] == 1 and store.counts()["articles"] == 3


def test_a_feed_url_given_to_ingest_expands_to_its_items(server: LoopbackServer, tmp_path: Path) -> None:
    from tidings.records import RawDoc

    base = f"http://news.test:{server.port}"
    server.route("/robots.txt", body=b"User-agent: *\nAllow: /\n", Content_Type="text/plain")
    server.route(
        "/feed.xml",
        body=rss([("One", f"{base}/x1", BODY), ("Two", f"{base}/x2", BODY + BODY)]),
        Content_Type="application/rss+xml",
    )
    options = Options().with_overrides(nlp__facts=False)
    with Store.open(tmp_path / "t.db") as store, loopback_fetcher() as fetcher:
        url = f"{base}/feed.xml"
        report = ingest_items([RawDoc(id="u", uri=url, origin=url, kind="url")], store, options, fetcher=fetcher)
        assert report.stored == 2 and not report.rejected
