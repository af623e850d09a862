"""The polite fetcher against real HTTP servers the tests start on 127.0.0.1."""

from __future__ import annotations

import gzip
import itertools
import zlib

import brotli
import pytest
import zstandard

from loopback_server import Hit, LoopbackServer
from tidings.config import FetchOptions
from tidings.records import RawDoc, Rejected
from tidings.sources.web import Fetcher

PAGE = b"<!doctype html><html><head><title>t</title></head><body><p>" + b"news " * 200 + b"</p></body></html>"
HOSTS = {"a.test": ["127.0.0.1"], "b.test": ["127.0.0.1"], "c.test": ["127.0.0.1"]}
FLOOR = 0.15


def stub(host: str, port: int) -> list[str]:
    if host not in HOSTS:
        raise OSError("no such name")
    return HOSTS[host]


def fetcher(**overrides: object) -> Fetcher:
    opts = {"host_delay": FLOOR, "connect_timeout": 2.0, "read_timeout": 2.0, "total_timeout": 15.0}
    opts.update(overrides)
    return Fetcher(FetchOptions(**opts), resolver=stub, allow_hosts=("127.0.0.1",))  # type: ignore[arg-type]


def test_loopback_is_refused_without_the_allow_list(server: LoopbackServer) -> None:
    server.route("/p", body=PAGE, Content_Type="text/html")
    with Fetcher(FetchOptions(), resolver=stub) as f:
        out = f.fetch(server.url("a.test", "/p"))
    assert isinstance(out, Rejected) and out.code == "blocked_url"
    assert server.hits == []


def test_fetch_page_with_user_agent_and_gzip(server: LoopbackServer) -> None:
    server.route("/robots.txt", 404)
    server.route("/p", body=gzip.compress(PAGE), Content_Type="text/html; charset=utf-8", Content_Encoding="gzip")
    with fetcher() as f:
        out = f.fetch(server.url("a.test", "/p"))
    assert isinstance(out, RawDoc), out
    assert out.kind == "html" and out.data == PAGE and out.uri.endswith("/p")
    page_hit = server.hits_for("/p")[0]
    assert page_hit.headers["User-Agent"] == FetchOptions().user_agent
    assert page_hit.host == "a.test"  # the Host header keeps the name while the IP is pinned


def test_robots_disallow_is_honoured(server: LoopbackServer) -> None:
    server.route("/robots.txt", body=b"User-agent: *\nDisallow: /private\n", Content_Type="text/plain")
    server.route("/private/x", body=PAGE, Content_Type="text/html")
    server.route("/public", body=PAGE, Content_Type="text/html")
    with fetcher() as f:
        blocked = f.fetch(server.url("a.test", "/private/x"))
        allowed = f.fetch(server.url("a.test", "/public"))
    assert isinstance(blocked, Rejected) and blocked.code == "robots"
    assert isinstance(allowed, RawDoc)
    assert server.hits_for("/private/x") == []
    assert len(server.hits_for("/robots.txt")) == 1  # cached per origin


@pytest.mark.parametrize(("status", "fetched"), [(500, False), (503, False), (404, True), (403, True)])
def test_robots_errors(server: LoopbackServer, status: int, fetched: bool) -> None:
    server.route("/robots.txt", status, body=b"x")
    server.route("/p", body=PAGE, Content_Type="text/html")
    with fetcher(total_timeout=3.0) as f:
        out = f.fetch(server.url("a.test", "/p"))
    assert isinstance(out, RawDoc) is fetched
    assert len(server.hits_for("/p")) == int(fetched)
    if not fetched:
        assert isinstance(out, Rejected) and out.code == "robots"


def test_per_host_intervals_never_below_floor_or_crawl_delay(server: LoopbackServer) -> None:
    server.route("/robots.txt", body=b"User-agent: *\nCrawl-delay: 0.4\n", Content_Type="text/plain")
    for i in range(5):
        server.route(f"/p{i}", body=PAGE, Content_Type="text/html")
    # b.test's robots asks for a *shorter* delay than the floor: it must not shorten it.
    robots_b = b"User-agent: *\nCrawl-delay: 0.01\n"
    server.routes["/robots.txt"] = lambda hit: (
        200,
        {"Content-Type": "text/plain"},
        robots_b if hit.host == "b.test" else b"User-agent: *\nCrawl-delay: 0.4\n" if hit.host == "c.test" else b"",
    )
    with fetcher() as f:
        for i in range(5):
            for host in ("a.test", "b.test", "c.test"):
                assert isinstance(f.fetch(server.url(host, f"/p{i}")), RawDoc)
    for host, floor in (("a.test", FLOOR), ("b.test", FLOOR), ("c.test", 0.4)):
        times = [h.at for h in server.hits if h.host == host]
        assert len(times) == 6  # robots + 5 pages
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert min(gaps) >= floor, (host, gaps)


def test_retry_after_is_honoured(server: LoopbackServer) -> None:
    server.route("/robots.txt", 404)
    calls: list[Hit] = []

    def busy(hit: Hit) -> tuple[int, dict[str, str], bytes]:
        calls.append(hit)
        if len(calls) == 1:
            return 429, {"Retry-After": "1"}, b"slow down"
        return 200, {"Content-Type": "text/html"}, PAGE

    server.routes["/busy"] = busy
    with fetcher() as f:
        out = f.fetch(server.url("a.test", "/busy"))
    assert isinstance(out, RawDoc)
    assert len(calls) == 2 and calls[1].at - calls[0].at >= 1.0


def test_retry_after_too_long_gives_up(server: LoopbackServer) -> None:
    server.route("/robots.txt", 404)
    server.route("/busy", 503, body=b"x", Retry_After="3600")
    with fetcher() as f:
        out = f.fetch(server.url("a.test", "/busy"))
    assert isinstance(out, Rejected) and out.code == "http_error"
    assert len(server.hits_for("/busy")) == 1


def _chain(server: LoopbackServer, length: int) -> None:
    for i in range(length, 0, -1):
        server.route(f"/r{i}", 302, Location=f"/r{i - 1}")
    server.route("/r0", body=PAGE, Content_Type="text/html")


def test_redirects_within_limit_are_followed(server: LoopbackServer) -> None:
    server.route("/robots.txt", 404)
    _chain(server, 5)
    with fetcher(host_delay=0.01) as f:
        out = f.fetch(server.url("a.test", "/r5"))
    assert isinstance(out, RawDoc) and out.uri.endswith("/r0")
    assert len(out.fields["redirects"]) == 5


def test_redirect_limit(server: LoopbackServer) -> None:
    server.route("/robots.txt", 404)
    _chain(server, 8)
    with fetcher(host_delay=0.01) as f:
        out = f.fetch(server.url("a.test", "/r8"))
    assert isinstance(out, Rejected) and out.code == "redirects"
    assert len([h for h in server.hits if h.path[:2] == "/r" and h.path[2:].isdigit()]) == 6  # 1st + 5 hops


def test_size_cap_plain(server: LoopbackServer) -> None:
    server.route("/robots.txt", 404)
    server.route("/big", body=b"<html>" + b"x" * 300_000, Content_Type="text/html")
    with fetcher(max_bytes=100_000) as f:
        out = f.fetch(server.url("a.test", "/big"))
    assert isinstance(out, Rejected) and out.code == "too_large"


def _bomb(coding: str) -> bytes:
    payload = b"\0" * 50_000_000
    if coding == "gzip":
        return gzip.compress(payload)
    if coding == "deflate":
        return zlib.compress(payload)
    if coding == "br":
        return bytes(brotli.compress(payload, quality=1))
    return zstandard.ZstdCompressor(level=1).compress(payload)


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "zstd"])
def test_decompression_bomb_stops_at_the_cap(server: LoopbackServer, coding: str) -> None:
    server.route("/robots.txt", 404)
    server.route("/bomb", body=_bomb(coding), Content_Type="text/html", Content_Encoding=coding)
    with fetcher(max_bytes=1_000_000) as f:
        out = f.fetch(server.url("a.test", "/bomb"))
    assert isinstance(out, Rejected) and out.code == "decompression_bomb", out


def test_fetch_disabled_makes_no_request(server: LoopbackServer) -> None:
    with fetcher(enabled=False) as f:
        out = f.fetch(server.url("a.test", "/p"))
    assert isinstance(out, Rejected) and out.code == "fetch_disabled"
    assert server.hits == []


def test_two_hundred_requests_on_three_hosts_respect_the_floor(server: LoopbackServer) -> None:
    server.route("/robots.txt", body=b"User-agent: *\nDisallow: /no\n", Content_Type="text/plain")
    for i in range(67):
        server.route(f"/n{i}", body=b"<html><body>x</body></html>", Content_Type="text/html")
    floor = 0.03
    with fetcher(host_delay=floor) as f:
        outcomes = [f.fetch(server.url(h, f"/n{i}")) for i in range(67) for h in ("a.test", "b.test", "c.test")]
        refused = [f.fetch(server.url(h, "/no/1")) for h in ("a.test", "b.test", "c.test")]
    assert sum(isinstance(o, RawDoc) for o in outcomes) == 201
    assert all(isinstance(r, Rejected) and r.code == "robots" for r in refused)
    assert server.hits_for("/no/1") == []
    for host in ("a.test", "b.test", "c.test"):
        times = [h.at for h in server.hits if h.host == host]
        assert min(b - a for a, b in itertools.pairwise(times)) >= floor


def test_malformed_redirect_location_is_a_value(server: LoopbackServer) -> None:
    server.route("/robots.txt", 404)
    server.route("/bad", 302, Location="http://[::1/broken")
    with fetcher() as f:
        out = f.fetch(server.url("a.test", "/bad"))
    assert isinstance(out, Rejected) and out.code in ("blocked_url", "fetch_failed")
