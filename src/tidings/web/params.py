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
    read = _Reader(by, labels, out.problems, out.labels)
    countries, dyads, actors = read.countries(), read.dyads(), read.actors(conn)
    themes = _resolve(by.get("theme", ()), labels.theme_id, "no theme is called “{}”", out.problems)
    out.labels.update({f"theme={t}": f"Theme: {labels.theme(i)}" for t, i in themes})
    plover = _resolve(by.get("plover", ()), labels.plover_type, "“{}” is not a PLOVER event type", out.problems)
    out.labels.update({f"plover={t}": f"Type: {labels.plover_name(c)}" for t, c in plover})
    quads, factuality = read.quads(), read.factuality()
    read.plain_chips()
    since, until = read.dates()
    text = read.words()
    src, tgt = read.direction(dyads)
    out.query = EventQuery(
        plover=tuple(c for _, c in plover),
        cameo_root=tuple(by.get("cameo_root", ())),
        quad=quads,
        dyad=dyads,
        source_country=src,
        target_country=tgt,
        country=countries,
        actor=actors,
        factuality=factuality,
        place=tuple(by.get("place", ())),
        site=tuple(by.get("site", ())),
        year=tuple(by.get("year", ())),
        since=since,
        until=until,
        text=text,
        theme=tuple(i for _, i in themes),
        article=_one(by.get("article", []), "article"),
    )
    return out


# Names whose values are taken as typed; their chips only say what they are.
_PLAIN_CHIPS = {"cameo_root": "CAMEO", "site": "Outlet", "year": "Year", "place": "Place"}


@dataclass
class _Reader:
    """Reads one parameter group of a filter: its values, its chips and its problem lines."""

    by: dict[str, list[str]]
    labels: Labels
    problems: list[str]
    chip: dict[str, str]

    def countries(self) -> tuple[str, ...]:
        out = []
        for text in self.by.get("country", ()):
            code = self.labels.country_code(text)
            if code is None:
                self.problems.append(f"no country is called “{text}”")
                continue
            self.chip[f"country={text}"] = f"Country: {self.labels.country(code)}"
            out.append(code)
        return tuple(out)

    def dyads(self) -> tuple[str, ...]:
        out = []
        for text in self.by.get("dyad", ()):
            a, sep, b = text.partition("-")
            ca, cb = (self.labels.country_code(a), self.labels.country_code(b)) if sep else (None, None)
            if ca is None or cb is None:
                self.problems.append(f"“{text}” is not a pair of countries such as USA-CHN")
                continue
            key = "-".join(sorted((ca, cb)))
            out.append(key)
            self.chip[f"dyad={text}"] = f"Pair: {self.labels.dyad(key)}"
        return tuple(out)

    def direction(self, dyads: Sequence[str]) -> tuple[str | None, str | None]:
        """(source, target) country of a directed dyad; (None, None) for both directions."""
        direction = _one(self.by.get("direction", []), "direction") or "both"
        if direction not in reads.DIRECTIONS:
            raise QueryError(f"direction: one of {', '.join(reads.DIRECTIONS)}")
        if direction == "both":
            return None, None
        if len(dyads) != 1:
            raise QueryError("direction: needs exactly one dyad")
        a, b = self.by["dyad"][0].partition("-")[::2]
        ca, cb = self.labels.country_code(a), self.labels.country_code(b)
        src, tgt = (ca, cb) if direction == "forward" else (cb, ca)
        self.chip[f"direction={direction}"] = f"Direction: {self.labels.country(src)} → {self.labels.country(tgt)}"
        return src, tgt

    def actors(self, conn: sqlite3.Connection) -> tuple[str, ...]:
        out = []
        for text in self.by.get("actor", ()):
            found = reads.find_actors(conn, text, limit=1)
            if not found:
                self.problems.append(f"no actor is called “{text}”")
                continue
            out.append(found[0]["key"])
            self.chip[f"actor={text}"] = f"Actor: {found[0]['name']}"
        return tuple(out)

    def quads(self) -> tuple[int, ...]:
        out = []
        for text in self.by.get("quad", ()):
            if text not in ("1", "2", "3", "4"):
                raise QueryError("quad: 1, 2, 3 or 4")
            out.append(int(text))
            self.chip[f"quad={text}"] = self.labels.facet_value("quad", text)
        return tuple(out)

    def factuality(self) -> tuple[str, ...]:
        """Asserted events unless asked otherwise; ``any`` (an empty tuple) for every factuality."""
        factuality: tuple[str, ...] = ("asserted",)
        if "factuality" in self.by:
            given = self.by["factuality"]
            factuality = () if ANY in given else tuple(dict.fromkeys(given))
            if not set(factuality) <= set(reads.FACTUALITIES):
                raise QueryError(f"factuality: any of {', '.join(reads.FACTUALITIES)}, or {ANY}")
        for f in factuality:
            self.chip[f"factuality={f}"] = f"Factuality: {self.labels.facet_value('factuality', f)}"
        self.chip[f"factuality={ANY}"] = "Factuality: any"
        return factuality

    def dates(self) -> tuple[str | None, str | None]:
        since = _one(self.by.get("since", []), "since")
        until = _one(self.by.get("until", []), "until")
        since = as_date("since", since) if since else None
        until = as_date("until", until) if until else None
        if since:
            self.chip[f"since={since}"] = f"From {since}"
        if until:
            self.chip[f"until={until}"] = f"Until {until}"
        return since, until

    def words(self) -> str | None:
        """The full-text query of ``q``; a syntax error is a problem line, not a failure."""
        words = _one(self.by.get("q", []), "q")
        if not words:
            return None
        self.chip[f"q={words}"] = f"Words: {words}"
        try:
            return to_fts(words)
        except SearchSyntaxError as exc:
            self.problems.append(str(exc))
            return None

    def plain_chips(self) -> None:
        for name, label in _PLAIN_CHIPS.items():
            for text in self.by.get(name, ()):
                value = self.labels.facet_value(name, text) if name == "cameo_root" else text
                self.chip[f"{name}={text}"] = f"{label}: {value}"
