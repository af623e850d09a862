"""The event filter of the browser, the map, timelines and their API: request parameters (names
allowed where people type them) -> :class:`tidings.store.event_frame.EventQuery`, plus links that
add or drop one value, so every page state is a permalink.

Names that match nothing are not dropped silently: each becomes a ``problems`` line ("no
country is called 'Chna'") that the page shows as the reason for its empty result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from tidings.store import reads
from tidings.store.event_query import EventQuery
from tidings.web.filters import QueryError, as_date, as_text
from tidings.web.labels import Labels
from tidings.web.search_syntax import SearchSyntaxError, to_fts

MULTI = ("plover", "cameo_root", "quad", "dyad", "country", "actor", "factuality", "place", "site", "year", "theme")
SINGLE = ("q", "since", "until", "article", "direction")
EVENT_PARAMS = (*MULTI, *SINGLE)
PAGE_PARAMS = ("sort", "page", "interval", "view")
ANY = "any"  # factuality=any: every factuality


@dataclass
class EventParams:
    """The parsed filter: the raw pairs (for links) and the query they mean."""

    pairs: list[tuple[str, str]]
    query: EventQuery
    problems: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # (name=value) -> what the chip says

    def href(self, path: str, **extra: str | None) -> str:
        """``path`` with this filter and ``extra`` (a None value drops that name)."""
        pairs = [(k, v) for k, v in self.pairs if k not in extra]
        pairs += [(k, v) for k, v in extra.items() if v is not None]
        return path + ("?" + urlencode(pairs) if pairs else "")

    def toggle(self, path: str, name: str, value: str) -> str:
        """The link that adds ``value`` to ``name``, or removes it when it is set."""
        pairs = [(k, v) for k, v in self.pairs if k not in ("page",)]
        if (name, value) in pairs:
            pairs.remove((name, value))
            if name == "factuality" and not any(k == "factuality" for k, _ in pairs):
                pairs.append(("factuality", ANY))
        else:
            if name == "factuality":
                pairs = [(k, v) for k, v in pairs if (k, v) != ("factuality", ANY)]
                if not any(k == "factuality" for k, _ in pairs):
                    pairs.append(("factuality", "asserted"))  # the default stays chosen
            pairs.append((name, value))
        return path + ("?" + urlencode(pairs) if pairs else "")

    def selected(self, name: str, value: str) -> bool:
        if name == "factuality":
            return value in self.query.factuality
        return (name, value) in self.pairs or value in getattr(self.query, name, ())

    def chips(self, path: str) -> list[tuple[str, str]]:
        """(label, link that removes it) for every filter set, the default factuality excepted."""
        out = []
        for k, v in self.pairs:
            if k in PAGE_PARAMS or (k == "factuality" and v == "asserted" and len(self.query.factuality) == 1):
                continue
            pairs = [(a, b) for a, b in self.pairs if (a, b) != (k, v) and a != "page"]
            out.append((self.labels.get(f"{k}={v}", f"{k}: {v}"), path + ("?" + urlencode(pairs) if pairs else "")))
        return out


def _one(values: Sequence[str], name: str) -> str | None:
    if len(values) > 1:
        raise QueryError(f"{name}: given more than once")
    return values[0] if values else None


def _resolve(
    texts: Iterable[str], lookup: Callable[[str], str | None], problem: str, problems: list[str]
) -> list[tuple[str, str]]:
    """(text, code) of each typed name the lookup knows; a problem line for each it does not."""
    out = []
    for text in texts:
        code = lookup(text)
        if code is None:
            problems.append(problem.format(text))
        else:
            out.append((text, code))
    return out


def interval_of(raw: str | None, default: str = "month") -> str:
    interval = raw or default
    if interval not in reads.INTERVALS:
        raise QueryError(f"interval: one of {', '.join(reads.INTERVALS)}")
    return interval


def parse_event_params(
    conn: sqlite3.Connection, labels: Labels, raw: Iterable[tuple[str, str]], *, allowed: Sequence[str] = ()
) -> EventParams:
    """Validate and resolve the filter; unknown parameter names are a :class:`QueryError` (400)."""
    pairs: list[tuple[str, str]] = []
    by: dict[str, list[str]] = {}
    for k, v in raw:
        if k not in EVENT_PARAMS and k not in allowed:
            raise QueryError(f"unknown parameter {k!r}; filters: {', '.join(EVENT_PARAMS)}")
        v = as_text(k, v).strip()
        if not v:
            continue
        pairs.append((k, v))
        by.setdefault(k, []).append(v)
    out = EventParams(pairs, EventQuery())
    problems, chip = out.problems, out.labels

    def resolve_country(name: str, text: str) -> str | None:
        code = labels.country_code(text)
        if code is None:
            problems.append(f"no country is called “{text}”")
        else:
            chip[f"{name}={text}"] = f"{'Country' if name == 'country' else name}: {labels.country(code)}"
        return code

    countries = tuple(c for t in by.get("country", ()) if (c := resolve_country("country", t)))
    dyads = []
    for text in by.get("dyad", ()):
        a, sep, b = text.partition("-")
        ca, cb = (labels.country_code(a), labels.country_code(b)) if sep else (None, None)
        if ca is None or cb is None:
            problems.append(f"“{text}” is not a pair of countries such as USA-CHN")
            continue
        key = "-".join(sorted((ca, cb)))
        dyads.append(key)
        chip[f"dyad={text}"] = f"Pair: {labels.dyad(key)}"
    actors = []
    for text in by.get("actor", ()):
        found = reads.find_actors(conn, text, limit=1)
        if not found:
            problems.append(f"no actor is called “{text}”")
            continue
        actors.append(found[0]["key"])
        chip[f"actor={text}"] = f"Actor: {found[0]['name']}"
    themes = _resolve(by.get("theme", ()), labels.theme_id, "no theme is called “{}”", problems)
    chip.update({f"theme={t}": f"Theme: {labels.theme(i)}" for t, i in themes})
    plover = _resolve(by.get("plover", ()), labels.plover_type, "“{}” is not a PLOVER event type", problems)
    chip.update({f"plover={t}": f"Type: {labels.plover_name(c)}" for t, c in plover})
    quads = []
    for text in by.get("quad", ()):
        if text not in ("1", "2", "3", "4"):
            raise QueryError("quad: 1, 2, 3 or 4")
        quads.append(int(text))
        chip[f"quad={text}"] = labels.facet_value("quad", text)
    factuality: tuple[str, ...] = ("asserted",)
    if "factuality" in by:
        given = by["factuality"]
        factuality = () if ANY in given else tuple(dict.fromkeys(given))
        if not set(factuality) <= set(reads.FACTUALITIES):
            raise QueryError(f"factuality: any of {', '.join(reads.FACTUALITIES)}, or {ANY}")
    for f in factuality:
        chip[f"factuality={f}"] = f"Factuality: {labels.facet_value('factuality', f)}"
    chip[f"factuality={ANY}"] = "Factuality: any"
    for text in by.get("cameo_root", ()):
        chip[f"cameo_root={text}"] = f"CAMEO: {labels.facet_value('cameo_root', text)}"
    for text in by.get("site", ()):
        chip[f"site={text}"] = f"Outlet: {text}"
    for text in by.get("year", ()):
        chip[f"year={text}"] = f"Year: {text}"
    for text in by.get("place", ()):
        chip[f"place={text}"] = f"Place: {text}"
    since = _one(by.get("since", []), "since")
    until = _one(by.get("until", []), "until")
    since = as_date("since", since) if since else None
    until = as_date("until", until) if until else None
    if since:
        chip[f"since={since}"] = f"From {since}"
    if until:
        chip[f"until={until}"] = f"Until {until}"
    words = _one(by.get("q", []), "q")
    fts = None
    if words:
        try:
            fts = to_fts(words)
        except SearchSyntaxError as exc:
            problems.append(str(exc))
        chip[f"q={words}"] = f"Words: {words}"
    direction = _one(by.get("direction", []), "direction") or "both"
    if direction not in reads.DIRECTIONS:
        raise QueryError(f"direction: one of {', '.join(reads.DIRECTIONS)}")
    src = tgt = None
    if direction != "both":
        if len(dyads) != 1:
            raise QueryError("direction: needs exactly one dyad")
        a, b = by["dyad"][0].partition("-")[::2]
        ca, cb = labels.country_code(a), labels.country_code(b)
        src, tgt = (ca, cb) if direction == "forward" else (cb, ca)
        chip[f"direction={direction}"] = f"Direction: {labels.country(src)} → {labels.country(tgt)}"
    out.query = EventQuery(
        plover=tuple(c for _, c in plover),
        cameo_root=tuple(by.get("cameo_root", ())),
        quad=tuple(quads),
        dyad=tuple(dyads),
        source_country=src,
        target_country=tgt,
        country=countries,
        actor=tuple(actors),
        factuality=factuality,
        place=tuple(by.get("place", ())),
        site=tuple(by.get("site", ())),
        year=tuple(by.get("year", ())),
        since=since,
        until=until,
        text=fts,
        theme=tuple(i for _, i in themes),
        article=_one(by.get("article", []), "article"),
    )
    return out
