"""A polite, SSRF-safe page fetcher: one URL in, a RawDoc or a Rejected out.

Politeness: robots.txt is obeyed (Protego, cached per origin: 6 h, 1 h for errors;
4xx = allow all, 5xx/timeout/network error = disallow all); requests to one host are
spaced by ``host_delay`` measured from the end of the previous request, and a robots
``Crawl-delay`` may lengthen that but never shorten it (a Crawl-delay above 30 s makes
the host's URLs rejected rather than fetched faster); 429/503 ``Retry-After`` is honoured
(up to 120 s, two retries). Unreachable hosts, and a network that is down, fail fast
with code ``unreachable`` (see ``UNREACHABLE_TTL``). Safety: every request goes through
:class:`~tidings.sources.ssrf.GuardedTransport`; redirects (and short ``<meta refresh>``)
are followed by hand, at most ``max_redirects`` hops, each hop re-checked by the guard and
by robots; decoded bytes are capped; environment proxies are ignored; TLS is verified.
"""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from protego import Protego

from tidings.config import FetchOptions
from tidings.ids import digest
from tidings.records import RawDoc, Rejected
from tidings.sources.httpbody import BodyError, read_body
from tidings.sources.ssrf import Blocked, Guard, GuardedTransport, Resolver

STAGE = "sources.web"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 503})
ROBOTS_TTL = 6 * 3600.0
ROBOTS_ERROR_TTL = 3600.0
ROBOTS_MAX_BYTES = 500_000
MAX_CRAWL_DELAY = 30.0
MAX_RETRY_AFTER = 120.0
RETRIES = 2
# Unreachable hosts (no DNS answer, refused, no route, connect timeout) are not retried
# for UNREACHABLE_TTL seconds; after NETWORK_DOWN_AFTER different hosts in a row were
# unreachable, the network itself is taken to be down for that long: every fetch fails at
# once with code "unreachable" instead of waiting for lookups and host delays (offline,
# a feed of 55 teaser links took minutes).
UNREACHABLE_TTL = 300.0
NETWORK_DOWN_AFTER = 3
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5"
_META_REFRESH = re.compile(
    rb"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*(\d+)\s*[;,]\s*url\s*=\s*['"]?([^"'>\s]+)""",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Robots:
    parser: Protego | None  # None = the robots verdict is blanket (see allow_all)
    allow_all: bool
    expires: float

    def can_fetch(self, url: str, agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float:
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay else 0.0


class _Refused(Exception):
    def __init__(self, rejected: Rejected) -> None:
        self.rejected = rejected


class Fetcher:
    """Fetch pages politely. One instance per run, used from one thread (host spacing
    is tracked per instance; run one Fetcher per worker and shard URLs by host).

    ``resolver`` replaces DNS (tests use a stub); ``allow_hosts`` lists IP addresses the
    SSRF guard lets through (tests pass ``("127.0.0.1",)`` to reach their own loopback
    servers). Both default to the production behaviour.
    """

    def __init__(
        self,
        options: FetchOptions,
        *,
        resolver: Resolver | None = None,
        allow_hosts: Iterable[str] = (),
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options
        self._agent = options.user_agent
        self._agent_token = options.user_agent.split("/", 1)[0].strip() or options.user_agent
        self._clock = clock
        self._sleep = sleep
        self._guard = Guard(resolver=resolver, allow=allow_hosts)
        timeout = httpx.Timeout(
            connect=options.connect_timeout,
            read=options.read_timeout,
            write=options.read_timeout,
            pool=options.connect_timeout,
        )
        self._client = httpx.Client(
            transport=GuardedTransport(self._guard),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={
                "User-Agent": options.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate, br, zstd",
            },
        )
        self._robots: dict[str, _Robots] = {}
        self._last_end: dict[str, float] = {}  # host -> when its last request finished
        self._hold: dict[str, float] = {}  # host -> no request before (Retry-After)
        self._crawl_delay: dict[str, float] = {}
        self._unreachable: dict[str, float] = {}  # host -> not retried before
        self._unreachable_in_row: list[str] = []  # hosts unreachable since the last answer
        self._network_down_until = float("-inf")
        self.requests_sent = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------ public
    def fetch(self, url: str) -> RawDoc | Rejected:
        """GET ``url`` (following checked redirects); never raises for network trouble."""
        if not self.options.enabled:
            return Rejected(STAGE, "fetch_disabled", "fetching is disabled (fetch.enabled = false)", url)
        known = self._known_unreachable(url)
        if known is not None:
            return known
        deadline = self._clock() + self.options.total_timeout
        hops: list[str] = []
        current = url
        try:
            while True:
                self._check_robots(current, deadline)
                response, body = self._get(current, deadline)
                target = _redirect_target(response, body)
                if target is not None and str(httpx.URL(current).join(target)) == current:
                    target = None  # a page that refreshes itself is the page
                if target is None:
                    return self._to_rawdoc(url, current, hops, response, body)
                hops.append(current)
                if len(hops) > self.options.max_redirects:
                    detail = f"more than {self.options.max_redirects} redirects"
                    return Rejected(STAGE, "redirects", detail, url)
                current = str(httpx.URL(current).join(target))
        except _Refused as refused:
            if refused.rejected.code == "unreachable":
                self._note_unreachable(current)
            return refused.rejected
        except Blocked as exc:
            if exc.reason == "unresolved":  # no DNS answer: the network, not the policy
                self._note_unreachable(current)
                return Rejected(STAGE, "unreachable", f"reason=unresolved target={exc.target}", url)
            return Rejected(STAGE, "blocked_url", f"reason={exc.reason} target={exc.target}", url)
        except (httpx.InvalidURL, ValueError, UnicodeError) as exc:  # e.g. a malformed Location
            return Rejected(STAGE, "blocked_url", f"reason=bad_url target={exc}", url)

    # ------------------------------------------------------------------ reachability
    def _known_unreachable(self, url: str) -> Rejected | None:
        """A fast rejection when the network or this URL's host failed recently."""
        now = self._clock()
        if now < self._network_down_until:
            hosts = ", ".join(self._unreachable_in_row[:NETWORK_DOWN_AFTER])
            wait = self._network_down_until - now
            detail = f"the network is unreachable ({hosts} failed in a row); retried in {wait:.0f} s"
            return Rejected(STAGE, "unreachable", detail, url)
        try:
            host = httpx.URL(url).host
        except (httpx.InvalidURL, ValueError, UnicodeError):
            return None  # fetch() rejects it with the reason
        until = self._unreachable.get(host)
        if until is not None and now < until:
            detail = f"{host} was unreachable; retried in {until - now:.0f} s"
            return Rejected(STAGE, "unreachable", detail, url)
        return None

    def _note_unreachable(self, url: str) -> None:
        host = httpx.URL(url).host
        now = self._clock()
        self._unreachable[host] = now + UNREACHABLE_TTL
        if host not in self._unreachable_in_row:
            self._unreachable_in_row.append(host)
        if len(self._unreachable_in_row) >= NETWORK_DOWN_AFTER:
            self._network_down_until = now + UNREACHABLE_TTL

    def _note_answer(self, host: str) -> None:
        """A server answered: the network is up and the host is reachable."""
        self._unreachable.pop(host, None)
        self._unreachable_in_row.clear()
        self._network_down_until = float("-inf")

    # ------------------------------------------------------------------ robots
    def _check_robots(self, url: str, deadline: float) -> None:
        parsed = self._guard.check_url(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        robots = self._robots.get(origin)
        if robots is None or robots.expires < self._clock():
            robots = self._load_robots(origin, deadline)
            self._robots[origin] = robots
        if not robots.can_fetch(url, self._agent_token):
            raise _Refused(Rejected(STAGE, "robots", "robots.txt disallows this URL", url))
        delay = robots.crawl_delay(self._agent_token)
        if delay > MAX_CRAWL_DELAY:
            detail = f"robots.txt Crawl-delay {delay:g}s is above {MAX_CRAWL_DELAY:g}s; host skipped"
            raise _Refused(Rejected(STAGE, "robots", detail, url))
        if delay:
            host = parsed.host
            self._crawl_delay[host] = max(self._crawl_delay.get(host, 0.0), delay)

    def _load_robots(self, origin: str, deadline: float) -> _Robots:
        url = origin + "/robots.txt"
        now = self._clock()
        try:
            for _ in range(self.options.max_redirects + 1):
                response, body = self._get(url, deadline, limit=ROBOTS_MAX_BYTES)
                if response.status_code in REDIRECT_STATUSES and "location" in response.headers:
                    url = str(httpx.URL(url).join(response.headers["location"]))
                    self._guard.check_url(url)
                    continue
                break
            else:
                return _Robots(None, True, now + ROBOTS_ERROR_TTL)
        except _Refused as refused:
            if refused.rejected.code == "unreachable":
                raise  # the page cannot be fetched either; not a robots verdict
            return _Robots(None, False, now + ROBOTS_ERROR_TTL)
        status = response.status_code
        if 200 <= status < 300:
            text = body.decode("utf-8", errors="replace")
            return _Robots(Protego.parse(text), True, now + ROBOTS_TTL)
        if 400 <= status < 500 and status != 429:
            return _Robots(None, True, now + ROBOTS_TTL)  # no robots.txt: everything allowed
        return _Robots(None, False, now + ROBOTS_ERROR_TTL)  # server trouble: fetch nothing

    # ------------------------------------------------------------------ requests
    def _get(self, url: str, deadline: float, limit: int | None = None) -> tuple[httpx.Response, bytes]:
        """One GET with host spacing and Retry-After; the body is read (capped) and closed."""
        host = httpx.URL(url).host
        for attempt in range(RETRIES + 1):
            self._wait_turn(host, deadline, url)
            try:
                with self._client.stream("GET", url) as response:
                    self.requests_sent += 1
                    body = b""
                    if response.status_code < 300 or response.status_code >= 400:
                        body = read_body(
                            response.iter_raw(),
                            response.headers.get("content-encoding"),
                            max_bytes=limit or self.options.max_bytes,
                            deadline=deadline,
                            clock=self._clock,
                        )
            except BodyError as exc:
                raise _Refused(Rejected(STAGE, exc.code, exc.detail, url)) from exc
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:  # before any answer
                raise _Refused(Rejected(STAGE, "unreachable", f"{type(exc).__name__}: {exc}", url)) from exc
            except httpx.TimeoutException as exc:
                raise _Refused(Rejected(STAGE, "timeout", f"{type(exc).__name__}: {exc}", url)) from exc
            except httpx.HTTPError as exc:
                raise _Refused(Rejected(STAGE, "fetch_failed", f"{type(exc).__name__}: {exc}", url)) from exc
            finally:
                self._done(host)
            self._note_answer(host)
            if response.status_code not in RETRY_STATUSES:
                return response, body
            wait = _retry_after(response.headers.get("retry-after"), self._wallclock())
            if wait is None:
                wait = max(self.options.host_delay, 1.0) * (2**attempt)
            if attempt == RETRIES or wait > MAX_RETRY_AFTER or self._clock() + wait > deadline:
                return response, body
            self._hold[host] = max(self._hold.get(host, 0.0), self._clock() + wait)
        raise AssertionError("unreachable")

    def _wait_turn(self, host: str, deadline: float, url: str) -> None:
        """Sleep until ``host`` may get its next request: max(floor, Crawl-delay) after the
        end of the previous one, and not before a Retry-After hold expires."""
        delay = max(self.options.host_delay, self._crawl_delay.get(host, 0.0))
        start = max(self._clock(), self._last_end.get(host, float("-inf")) + delay, self._hold.get(host, 0.0))
        if start > deadline:
            raise _Refused(Rejected(STAGE, "timeout", "host delay would pass the total time budget", url))
        pause = start - self._clock()
        if pause > 0:
            self._sleep(pause)

    def _done(self, host: str) -> None:
        self._last_end[host] = self._clock()

    @staticmethod
    def _wallclock() -> float:
        return time.time()

    def _to_rawdoc(
        self, requested: str, final: str, hops: list[str], response: httpx.Response, body: bytes
    ) -> RawDoc | Rejected:
        status = response.status_code
        if status >= 400 or status < 200:
            return Rejected(STAGE, "http_error", f"HTTP {status}", requested)
        if not body:
            return Rejected(STAGE, "empty", f"HTTP {status} with an empty body", requested)
        ctype = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        kind = _kind_for(ctype, body)
        if kind is None:
            return Rejected(STAGE, "unsupported", f"content type {ctype or 'missing'}", requested)
        headers = tuple((k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in response.headers.raw)
        return RawDoc(
            id=digest(body),
            uri=final,
            origin=requested,
            kind=kind,
            data=body,
            fields={"requested_url": requested, "final_url": final, "redirects": hops, "status": status},
            headers=headers,
            fetched_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )


def _kind_for(ctype: str, body: bytes) -> str | None:
    if ctype in HTML_TYPES:
        return "html"
    if ctype in FEED_TYPES or ctype.endswith("+xml"):
        return "feed"
    if ctype == "text/plain":
        return "text"
    if not ctype and body.lstrip()[:512].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def _redirect_target(response: httpx.Response, body: bytes) -> str | None:
    if response.status_code in REDIRECT_STATUSES:
        return response.headers.get("location") or None
    ctype = response.headers.get("content-type", "").lower()
    if response.status_code == 200 and "html" in ctype:
        # Only prompt refreshes (<= 5 s) act as redirects; slow ones are page reloads.
        match = _META_REFRESH.search(body[:8192])
        if match and int(match.group(1)) <= 5:
            return match.group(2).decode("latin-1")
    return None


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)
