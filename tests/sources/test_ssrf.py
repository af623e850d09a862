"""SSRF table: every target refused with a coded reason and no socket opened to it.

Connections are counted with a ``sys.addaudithook`` on ``socket.connect`` (the real
socket layer, nothing patched). Redirect cases start at a real loopback server the test
runs (allow-listed as if it were a public site) and must never reach the private target.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from loopback_server import LoopbackServer
from tidings.config import FetchOptions
from tidings.records import Rejected
from tidings.sources.ssrf import BLOCK_REASONS, Guard
from tidings.sources.web import Fetcher

CONNECTS: list[tuple[object, ...]] = []
_RECORDING = [False]


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "socket.connect" and _RECORDING[0]:
        CONNECTS.append(args[1] if isinstance(args[1], tuple) else (args[1],))


sys.addaudithook(_audit)

STUB = {
    "evil.test": ["10.0.0.5"],
    "mixed.test": ["93.184.216.34", "192.168.1.1"],
    "v6private.test": ["fd00::1"],
    "mapped.test": ["::ffff:10.0.0.1"],
    "meta.nip.test": ["169.254.169.254"],
    "cgnat.test": ["100.64.1.1"],
    "public.test": ["93.184.216.34"],
    "site.test": ["127.0.0.1"],  # the loopback test server, allow-listed
}


def stub(host: str, port: int) -> list[str]:
    if host not in STUB:
        raise OSError("NXDOMAIN")
    return STUB[host]


DIRECT = [
    "http://127.0.0.1/",
    "http://127.0.0.1:8080/",
    "http://0x7f000001/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://0x7f.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://10.0.0.1/",
    "http://10.255.255.254/",
    "http://172.16.0.1/",
    "http://172.31.255.1/",
    "http://192.168.0.1/",
    "https://192.168.1.254/",
    "http://100.64.0.1/",
    "http://100.127.255.254/",
    "http://169.254.169.254/latest/meta-data/",
    "http://169.254.0.1/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://[fc00::abcd]/",
    "http://0.0.0.0/",
    "http://0/",
    "http://[::]/",
    "http://localhost/",
    "http://LOCALHOST./",
    "http://foo.localhost/",
    "http://printer.local/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://metadata/",
    "http://224.0.0.1/",
    "http://[ff02::1]/",
    "http://255.255.255.255/",
    "http://198.18.0.1/",
    "http://192.0.2.1/",
    "http://[64:ff9b::a00:1]/",
    "http://[2002:a00:1::]/",
    "http://evil.test/",
    "http://mixed.test/",
    "http://v6private.test/",
    "http://mapped.test/",
    "http://meta.nip.test/",
    "http://cgnat.test/",
    "http://nowhere.test/",
    "http://public.test:22/",
    "http://93.184.216.34:6379/",
    "http://user:pass@public.test/",
    "http://public.test@127.0.0.1/",
    "file:///etc/passwd",
    "gopher://127.0.0.1:70/_x",
    "ftp://public.test/x",
    "dict://127.0.0.1:11211/",
    "javascript:alert(1)",
    "http://ex%61mple.test/",
]


@pytest.fixture()
def recording() -> Iterator[list[tuple[object, ...]]]:
    CONNECTS.clear()
    _RECORDING[0] = True
    yield CONNECTS
    _RECORDING[0] = False


def test_table_is_large_enough() -> None:
    assert len(DIRECT) >= 40


def test_every_direct_target_refused_without_a_connection(recording: list[tuple[object, ...]]) -> None:
    results = {}
    with Fetcher(FetchOptions(total_timeout=5.0), resolver=stub) as f:
        for url in DIRECT:
            results[url] = f.fetch(url)
    # a name that does not resolve is refused as unreachable (the network's answer, not the policy's)
    refused = ("blocked_url", "unreachable")
    not_refused = {u: r for u, r in results.items() if not (isinstance(r, Rejected) and r.code in refused)}
    assert not_refused == {}
    for url, rejected in results.items():
        assert isinstance(rejected, Rejected)
        reason = rejected.detail.split()[0].removeprefix("reason=")
        assert reason in BLOCK_REASONS, (url, rejected.detail)
    assert recording == []  # zero sockets connected, for all targets


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308, "meta"])
def test_redirect_to_private_is_refused(
    server: LoopbackServer, recording: list[tuple[object, ...]], status: int | str
) -> None:
    server.route("/robots.txt", 404)
    for n, target in enumerate(["http://10.0.0.1/admin", "http://169.254.169.254/", "http://localhost:8080/"]):
        if status == "meta":
            body = f'<html><head><meta http-equiv="refresh" content="0; url={target}"></head></html>'.encode()
            server.route(f"/go{n}", body=body, Content_Type="text/html")
        else:
            server.route(f"/go{n}", int(status), Location=target)
    with Fetcher(FetchOptions(host_delay=0.01), resolver=stub, allow_hosts=("127.0.0.1",)) as f:
        for n in range(3):
            out = f.fetch(server.url("site.test", f"/go{n}"))
            assert isinstance(out, Rejected) and out.code == "blocked_url", out
    assert recording and all(addr[0] == "127.0.0.1" and addr[1] == server.port for addr in recording)


def test_rebinding_resolver_connects_only_to_the_checked_address(
    server: LoopbackServer, recording: list[tuple[object, ...]]
) -> None:
    server.route("/robots.txt", 404)
    server.route("/p", body=b"<html><body>ok</body></html>", Content_Type="text/html")
    answers = iter([["127.0.0.1"]] + [["10.0.0.1"]] * 20)  # first answer checked, later ones private

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    with Fetcher(FetchOptions(host_delay=0.01), resolver=rebinding, allow_hosts=("127.0.0.1",)) as f:
        out = f.fetch(server.url("rebind.test", "/p"))
    # One resolution per connection, and the socket goes to the address that was checked.
    assert all(addr[0] == "127.0.0.1" for addr in recording)
    assert not isinstance(out, Rejected) or out.code == "blocked_url"


def test_guard_unit_rules() -> None:
    guard = Guard(resolver=stub)
    assert guard.check_url("https://public.test/a").host == "public.test"
    assert guard.resolve("public.test", 443) == ["93.184.216.34"]
    with pytest.raises(Exception, match="ip_private"):
        guard.resolve("mixed.test", 443)
