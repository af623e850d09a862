"""SSRF guard: which URLs and addresses tidings may connect to, enforced at connect time.

Checking a URL and then letting the HTTP library resolve the name again is defeated by
DNS rebinding, so the check lives in the network backend: :class:`GuardedBackend`
resolves the host itself, refuses the connection unless *every* address is public, and
then connects to one of the addresses it checked (the IP is pinned). TLS still uses the
URL's host name for SNI and certificate verification, because httpcore calls
``start_tls(server_hostname=<origin host>)`` on the stream we return, and the Host
header comes from the URL. :class:`GuardedTransport` is an ``httpx.BaseTransport`` over
an ``httpcore.ConnectionPool`` built with that backend (httpx's own ``HTTPTransport``
offers no way to pass a network backend), so every request and every redirect hop made
through a client that uses it is checked, whoever follows the redirects.

Refusals raise :class:`Blocked` with a stable ``reason`` (see :data:`BLOCK_REASONS`)
before any socket is opened; the fetcher turns it into ``Rejected(code="blocked_url")``.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import httpcore
import httpx

from tidings.errors import FetchError

Resolver = Callable[[str, int], Sequence[str]]
"""``(host, port) -> IP address strings``; raise ``OSError`` when the name does not resolve."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

BLOCK_REASONS: dict[str, str] = {
    "bad_url": "the URL does not parse",
    "scheme": "only http and https are fetched",
    "userinfo": "URLs with user:password@ are refused (host confusion)",
    "bad_host": "the host is empty or has characters no DNS name has",
    "ip_obfuscated": "a numeric host in decimal, octal, hex or shortened form",
    "local_name": "localhost, *.local, *.internal and cloud metadata host names",
    "port": "only ports 80 and 443 (unless the address is allow-listed)",
    "unresolved": "the host name does not resolve",
    "ip_unspecified": "0.0.0.0/8 or ::",
    "ip_loopback": "127.0.0.0/8 or ::1",
    "ip_private": "RFC 1918 / unique-local addresses",
    "ip_link_local": "169.254.0.0/16 (cloud metadata) or fe80::/10",
    "ip_cgnat": "100.64.0.0/10 shared address space",
    "ip_multicast": "multicast addresses",
    "ip_embedded": "an IPv6 address embedding a non-public IPv4 (mapped, 6to4, NAT64, Teredo)",
    "ip_not_global": "any other address that is not globally routable",
}

METADATA_NAMES = frozenset(
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.azure.internal",
    }
)
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain", ".home.arpa")
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]*))*\.?$", re.IGNORECASE)
_DNS_HOST = re.compile(r"^[a-z0-9_]([a-z0-9_-]{0,62}\.?)*$")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


class Blocked(Exception):
    """A URL or address refused by the guard; ``reason`` is a key of BLOCK_REASONS."""

    def __init__(self, reason: str, target: str) -> None:
        self.reason = reason
        self.target = target
        super().__init__(f"{reason}: {target}")


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver returns for ``host`` (A and AAAA)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for info in infos:
        seen[str(info[4][0])] = None
    return list(seen)


def address_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be connected to, or None when it is a public unicast address."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None and address_reason(embedded) is not None:
            return "ip_embedded"
    if ip.is_unspecified or (isinstance(ip, ipaddress.IPv4Address) and ip in _ZERO_NET):
        return "ip_unspecified"
    if ip.is_loopback:
        return "ip_loopback"
    if ip.is_link_local:
        return "ip_link_local"
    if ip.is_multicast:
        return "ip_multicast"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "ip_cgnat"
    if ip.is_private:
        return "ip_private"
    if not ip.is_global:
        return "ip_not_global"
    return None


_ZERO_NET = ipaddress.ip_network("0.0.0.0/8")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if any(ip in net for net in _NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    # IPv4-compatible (::a.b.c.d, deprecated) still routes to the IPv4 host on some stacks.
    if int(ip) >> 32 == 0 and int(ip) > 1:
        return ipaddress.IPv4Address(int(ip))
    return None


class Guard:
    """The policy: URL rules (no network) and address rules (after resolving).

    ``allow`` lists IP addresses exempt from the address and port rules. It exists so
    tests can reach servers they start on 127.0.0.1; it is empty unless a caller
    passes it explicitly, and production code never does.
    """

    def __init__(
        self,
        *,
        resolver: Resolver | None = None,
        allow: Iterable[str] = (),
        ports: Iterable[int] = (80, 443),
    ) -> None:
        self._resolver: Resolver = resolver or system_resolver
        try:
            self._allow = frozenset(ipaddress.ip_address(a) for a in allow)
        except ValueError as exc:
            raise FetchError(f"allow_hosts takes IP addresses only: {exc}", code="T601") from exc
        self._ports = frozenset(ports)

    def check_url(self, url: str | httpx.URL) -> httpx.URL:
        """Parse ``url`` and apply the rules that need no DNS; return the parsed URL."""
        try:
            parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise Blocked("bad_url", str(url)[:200]) from exc
        if parsed.scheme not in ("http", "https"):
            raise Blocked("scheme", parsed.scheme or str(url)[:50])
        if parsed.userinfo:
            raise Blocked("userinfo", parsed.host)
        host = parsed.host.lower()
        if not host:
            raise Blocked("bad_host", str(url)[:200])
        literal = _ip_literal(host)
        if literal is None:
            if _NUMERIC_HOST.match(host):
                raise Blocked("ip_obfuscated", host)
            if not _DNS_HOST.match(host):
                raise Blocked("bad_host", host)
            bare = host.rstrip(".")
            if bare == "localhost" or bare in METADATA_NAMES or bare.endswith(_LOCAL_SUFFIXES):
                raise Blocked("local_name", host)
        elif literal not in self._allow:
            reason = address_reason(literal)
            if reason:
                raise Blocked(reason, host)
        return parsed

    def resolve(self, host: str, port: int) -> list[str]:
        """Resolve ``host`` and check every address; return the addresses to connect to."""
        literal = _ip_literal(host)
        if literal is not None:
            addresses = [literal]
        else:
            try:
                found = self._resolver(host.rstrip("."), port)
            except (OSError, UnicodeError) as exc:
                raise Blocked("unresolved", host) from exc
            try:
                addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in found]
            except ValueError as exc:
                raise Blocked("unresolved", host) from exc
            if not addresses:
                raise Blocked("unresolved", host)
        for ip in addresses:
            if ip in self._allow:
                continue
            reason = address_reason(ip)
            if reason:
                raise Blocked(reason, f"{host} -> {ip}")
            if port not in self._ports:
                raise Blocked("port", f"{host}:{port}")
        return [str(ip) for ip in addresses]


def _ip_literal(host: str) -> IPAddress | None:
    """The address when ``host`` is a canonical IPv4/IPv6 literal (brackets stripped)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


class GuardedBackend(httpcore.NetworkBackend):
    """A sync network backend that connects only to addresses the guard has checked."""

    def __init__(self, guard: Guard) -> None:
        self._guard = guard
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._guard.resolve(host, port)
        last: Exception | None = None
        for address in addresses:
            try:
                # Pinned: the inner backend gets the checked IP literal, so no second lookup.
                return self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise Blocked("scheme", "unix socket")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _Stream(httpx.SyncByteStream):
    def __init__(self, inner: Iterable[bytes]) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        with _mapped_errors():
            yield from self._inner

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            close()


class _mapped_errors:
    """Re-raise httpcore errors as the httpx exception of the same name."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc is not None and isinstance(exc, httpcore.ProxyError | httpcore.UnsupportedProtocol):
            raise httpx.TransportError(str(exc)) from exc
        if exc is not None and kind is not None and kind.__module__.startswith("httpcore"):
            target = getattr(httpx, kind.__name__, httpx.TransportError)
            if isinstance(target, type) and issubclass(target, httpx.TransportError):
                raise target(str(exc)) from exc


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport that applies the guard to every request it sends.

    TLS is always verified (system trust via ``httpx.create_ssl_context()``); there is
    deliberately no switch to turn that off. HTTP/1.1 only.
    """

    def __init__(self, guard: Guard, *, ssl_context: ssl.SSLContext | None = None, max_connections: int = 20):
        self._guard = guard
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(verify=True, trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=30.0,
            retries=0,
            network_backend=GuardedBackend(guard),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._guard.check_url(request.url)
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _mapped_errors():
            response = self._pool.handle_request(core_request)
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Stream(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()
