"""Which events a page, an API call or a brief asks about: :class:`EventQuery`, counted by the
read model (:mod:`tidings.store.reads`) over :mod:`tidings.store.event_frame`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tidings.store.event_index import dyad_key


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to count. Every field narrows the set; values of one field are alternatives.

    ``dyad``: undirected country pairs ("CHN-USA"); ``source_country``/``target_country`` a
    direction; ``country``: either side; ``actor``: canonical actor keys (either side);
    ``factuality``: asserted unless asked (empty: any); ``since``/``until``: the charted day
    (a month or year ``until`` takes all of it); ``text``: an FTS5 expression over the articles'
    title and text; ``theme``: issue ids tagged in the article; ``place``: place keys
    (:func:`place_key`); ``site``: the article's source."""

    plover: tuple[str, ...] = ()
    cameo_root: tuple[str, ...] = ()
    quad: tuple[int, ...] = ()
    dyad: tuple[str, ...] = ()
    source_country: str | None = None
    target_country: str | None = None
    country: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    factuality: tuple[str, ...] = ("asserted",)
    place: tuple[str, ...] = ()
    site: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    text: str | None = None
    theme: tuple[str, ...] = ()
    article: str | None = None

    @staticmethod
    def for_dyad(a: str, b: str, direction: str = "both", **kw: Any) -> EventQuery:
        src, tgt = (a, b) if direction == "forward" else (b, a) if direction == "backward" else (None, None)
        return EventQuery(dyad=(dyad_key(a, b) or "",), source_country=src, target_country=tgt, **kw)


def place_key(place: dict[str, Any]) -> str:
    """A place's key: its GeoNames id, else its name and country."""
    if place.get("geonameid"):
        return f"g{place['geonameid']}"
    return f"n:{place.get('name') or ''}|{place.get('country') or ''}"
