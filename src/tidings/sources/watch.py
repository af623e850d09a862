"""Poll feeds on a schedule and hand on only the items not seen before.

``tidings watch FEED... --every 15m`` is a loop over :meth:`FeedPoller.poll`: each feed
is fetched with the polite :class:`~tidings.sources.web.Fetcher` (robots, host delay,
SSRF guard), parsed with :func:`~tidings.sources.feeds.read_feed`, and items whose key
(guid, else link) was seen already are dropped. ``seen`` is asked first (the store's
ledger, so restarts do not re-ingest); keys are also remembered in memory for the run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tidings.errors import UsageError
from tidings.records import RawDoc, Rejected
from tidings.sources.feeds import item_key, read_feed
from tidings.sources.web import Fetcher

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
MIN_EVERY = 60.0


def parse_every(text: str) -> float:
    """``"15m"`` -> 900.0; plain numbers are seconds. At least a minute (politeness)."""
    match = _EVERY.match(text)
    if not match:
        raise UsageError(f"--every takes a duration like 30s, 15m, 2h or 1d, got {text!r}", code="T210")
    seconds = float(match.group(1)) * _UNIT[match.group(2).lower()]
    if seconds < MIN_EVERY:
        raise UsageError(f"--every must be at least {MIN_EVERY:g}s, got {text!r}", code="T211")
    return seconds


@dataclass
class FeedPoller:
    fetcher: Fetcher
    seen: Callable[[str], bool] = lambda key: False
    _keys: set[str] = field(default_factory=set)

    def poll(self, feed_url: str) -> list[RawDoc | Rejected]:
        """New items of one feed (and any rejections: fetch failure, bad feed, bad items)."""
        fetched = self.fetcher.fetch(feed_url)
        if isinstance(fetched, Rejected):
            return [fetched]
        out: list[RawDoc | Rejected] = []
        for item in read_feed(fetched.data, uri=feed_url, fetched_at=fetched.fetched_at):
            if isinstance(item, Rejected):
                out.append(item)
                continue
            key = item_key(item)
            if key in self._keys or self.seen(key):
                continue
            self._keys.add(key)
            out.append(item)
        return out


def watch(
    feeds: Iterable[str],
    poller: FeedPoller,
    every: float,
    on_items: Callable[[str, list[RawDoc | Rejected]], None],
    *,
    rounds: int | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Poll every feed, then wait until ``every`` seconds after the round began; repeat
    ``rounds`` times (forever when None)."""
    urls = list(feeds)
    done = 0
    while rounds is None or done < rounds:
        began = clock()
        for url in urls:
            on_items(url, poller.poll(url))
        done += 1
        if rounds is not None and done >= rounds:
            break
        sleep(max(0.0, began + every - clock()))
