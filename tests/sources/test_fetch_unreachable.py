"""Offline, fetching fails fast: a host that cannot be reached (no DNS answer, connection
refused) is rejected with code ``unreachable`` and not retried for a while; after a few hosts
in a row the network is taken to be down and every fetch fails at once (issue 19: the 7
saved feeds took ~5 minutes offline, waiting on their teaser links)."""

from __future__ import annotations

import socket
import time

from loopback_server import LoopbackServer
from tidings.config import FetchOptions
from tidings.records import RawDoc, Rejected
from tidings.sources import web
from tidings.sources.web import Fetcher

PAGE = b"<!doctype html><html><head><title>t</title></head><body><p>" + b"news " * 200 + b"</p></body></html>"


class NoDns:
    """A resolver with no network behind it, as on a machine offline: every name fails."""

    def __init__(self) -> None:
        self.lookups: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        raise OSError(f"[Errno -3] Temporary failure in name resolution: {host}")


def test_no_network_fails_fast_after_three_hosts() -> None:
    resolver = NoDns()
    urls = [f"https://site{n % 8}.example/story/{n}" for n in range(60)]  # 60 links on 8 hosts
    started = time.monotonic()
    with Fetcher(FetchOptions(host_delay=1.0), resolver=resolver) as f:
        results = [f.fetch(url) for url in urls]
    elapsed = time.monotonic() - started
    assert all(isinstance(r, Rejected) and r.code == "unreachable" for r in results)
    assert len(resolver.lookups) == web.NETWORK_DOWN_AFTER  # then the network is known to be down
    assert "the network is unreachable" in results[-1].detail  # type: ignore[union-attr]
    assert elapsed < 2.0  # no host delay waited, no lookup repeated


def test_an_unreachable_host_is_not_retried_but_others_are(server: LoopbackServer) -> None:
    server.route("/robots.txt", 404)
    server.route("/p", body=PAGE, Content_Type="text/html")
    with socket.socket() as probe:  # a loopback port nobody listens on: connection refused
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    hosts = {"up.test": ["127.0.0.1"], "down.test": ["127.0.0.1"]}
    resolver = lambda host, port: hosts[host]  # noqa: E731 - the names of the two test hosts
    with Fetcher(FetchOptions(host_delay=0.5), resolver=resolver, allow_hosts=("127.0.0.1",)) as f:
        first = f.fetch(f"http://down.test:{closed}/a")
        started = time.monotonic()
        again = f.fetch(f"http://down.test:{closed}/b")
        assert time.monotonic() - started < 0.1  # no connection tried, no host delay waited
        ok = f.fetch(server.url("up.test", "/p"))
    assert isinstance(first, Rejected) and first.code == "unreachable" and "ConnectError" in first.detail
    assert isinstance(again, Rejected) and again.code == "unreachable" and "was unreachable" in again.detail
    assert isinstance(ok, RawDoc)  # one dead host does not take the network down
