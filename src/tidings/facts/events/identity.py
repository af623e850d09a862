"""Cross-article event clusters: the same event told by several articles gets one cluster id.

The key of an event is

- the unordered dyad, each side its country, else its CAMEO actor code (IGOs, NGOs, firms),
  else its normalised name (never the entity id: that is local to one article, so it would
  split every cluster). Country before the full code because articles code one actor at
  different depths ("his Lithuanian counterpart" LTU, "Lithuania's foreign minister" LTUGOV);
- the CAMEO root (the PLOVER type when the event has no CAMEO code);
- the factuality (an asserted event never joins a planned, hypothetical or negated one);
- the date bucket: day dates fall in fixed ``WINDOW_DAYS``-day windows counted from ``EPOCH``
  (not from the first event seen), week/month/quarter/year values bucket as themselves, and an
  event with no date takes the article's publication day.

A dyad with no identifying side (no actor, or only a bare role code such as ``GOV`` for
"officials" with no country) says too little to match across articles: such an event keeps a
cluster of its own article (its article id joins the key).

The key depends on the event and its article alone, so any ingest order, worker count or
engine (local, process pool, Dask + merge) gives the same ids. The price of fixed windows: an
event told on both sides of a window boundary lands in two clusters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from tidings.ids import digest, normalise_text
from tidings.records import ActorRef, Event

EPOCH = date(1970, 1, 1)
WINDOW_DAYS = 3  # stored ids depend on it: changing it needs a migration that rewrites cluster_id
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T|$)")
_PERIOD = re.compile(r"^\d{4}(?:-(?:\d{2}|W\d{2}|Q\d|[A-Z]{2}))?$")  # 2023, 2023-06, 2023-W24, 2023-Q3, 2023-SU
_NOT_WORD = re.compile(r"[^\w\s]+")

ActorLike = ActorRef | Mapping[str, Any] | None
EventLike = Event | Mapping[str, Any]


def _get(obj: Any, name: str) -> Any:
    """A field of a record or of its JSON form (the migration backfill and the cluster list read JSON)."""
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def normalise_name(name: str) -> str:
    text = _NOT_WORD.sub("", normalise_text(name))
    return " ".join(text.removeprefix("the ").split())


def actor_key(ref: ActorLike) -> str:
    """One side of the dyad: country, else actor code, else ``n:`` + the normalised name."""
    if not ref:
        return ""
    code, country, name = _get(ref, "actor_code"), _get(ref, "country"), _get(ref, "name")
    if country:
        return str(country)
    if code:
        return str(code)
    return f"n:{normalise_name(name)}" if name else ""


def _vague(ref: ActorLike) -> bool:
    """No actor, or only a bare role code (GOV, MIL: three letters, no country)."""
    if not ref:
        return True
    code = _get(ref, "actor_code")
    return not _get(ref, "country") and bool(code) and len(str(code)) <= 3


def _day(value: str | None) -> date | None:
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_bucket(value: str | None, published: str | None, window_days: int = WINDOW_DAYS) -> str:
    """``2023-06-17+3d`` (the first day of the window), a coarser value as itself, or ""."""
    day = _day(value)
    if day is None and value and _PERIOD.match(value):
        return value
    day = day or _day(published)
    if day is None:
        return ""
    offset = (day - EPOCH).days
    start = date.fromordinal(EPOCH.toordinal() + offset - offset % window_days)
    return f"{start.isoformat()}+{window_days}d"


def cluster_key(event: EventLike, published: str | None = None, window_days: int = WINDOW_DAYS) -> tuple[str, ...]:
    """The cross-article key of an event; ``published`` is its article's publication date."""
    dyad = sorted((actor_key(_get(event, "source")), actor_key(_get(event, "target"))))
    code = _get(event, "cameo_code")
    kind = str(code)[:2] if code else f"p:{_get(event, 'plover_event') or ''}"
    factuality = _get(event, "factuality") or "asserted"
    key = (*dyad, kind, factuality, date_bucket(_get(event, "date"), published, window_days))
    if _vague(_get(event, "source")) and _vague(_get(event, "target")):
        return (*key, str(_get(event, "article_id") or ""))
    return key


def cluster_id(key: tuple[str, ...]) -> str:
    """A short stable id for a key (``c`` + 16 hex digits)."""
    return "c" + digest("event-cluster", *key)


def event_cluster_id(event: EventLike, published: str | None = None) -> str:
    return cluster_id(cluster_key(event, published))


def dyad_label(event: EventLike) -> str:
    """The dyad as people read it: codes, countries or names, sorted, joined by '-'."""
    sides = []
    for side in ("source", "target"):
        key = actor_key(_get(event, side))
        sides.append(str(_get(_get(event, side), "name") or "") if key.startswith("n:") else key)
    return "-".join(sorted(s for s in sides if s))
