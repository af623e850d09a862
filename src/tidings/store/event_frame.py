"""Every row of the event index as numpy columns, so facet counts, timelines and map points over
the whole store take milliseconds instead of one SQL scan per facet (the read model,
:mod:`tidings.store.reads`, counts with it; see :class:`EventQuery` for what a filter means).

A frame is a snapshot: :class:`FrameCache` keeps the last one per database file and rebuilds it
when the store's fingerprint (row counts and last row ids of the event index and the actor
table) changes, so a page never counts from rows that are gone.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tidings.store.event_index import dyad_key

Ints = NDArray[np.int64]
Mask = NDArray[np.bool_]

FACETS = ("plover", "cameo_root", "quad", "dyad", "actor", "factuality", "place", "site", "year")


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


class Vocab:
    """Strings <-> dense int codes (-1 is "none")."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self.index: dict[str, int] = {}

    def code(self, value: Any) -> int:
        if value is None or value == "":
            return -1
        key = str(value)
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.values)
            self.values.append(key)
        return found

    def codes(self, values: Iterable[str]) -> list[int]:
        return [self.index[v] for v in values if v in self.index]


@dataclass
class EventFrame:
    ids: list[str]
    id_rank: Ints  # position of each row's id in sorted order (the "first" row of a cluster is the smallest id)
    cluster: Ints
    day: NDArray[np.str_]  # "" when the event has no charted day
    quad: Ints  # 0 when unknown
    goldstein: NDArray[np.float64]  # nan when unknown
    mentions: Ints
    article: Ints
    cols: dict[str, Ints]  # plover, cameo_root, dyad, factuality, site, place, year, src_country, tgt_country,
    # src_actor, tgt_actor: codes into vocabs[name] (countries share "country", actors "actor")
    vocabs: dict[str, Vocab]
    places: dict[str, dict[str, Any]]  # place key -> name, country, lat, lon, feature
    themes: dict[str, Ints] = field(default_factory=dict)  # issue id -> article codes

    @property
    def size(self) -> int:
        return len(self.ids)

    # ------------------------------------------------------------------ filtering
    def masks(self, conn: sqlite3.Connection, q: EventQuery) -> dict[str, Mask]:
        """One mask per facet filter that is set (facet name -> rows it keeps), plus ``_base``:
        the filters that are not facets (range, direction, country, text, theme, article)."""
        out: dict[str, Mask] = {}
        n = self.size
        base = np.ones(n, dtype=bool)
        if q.plover:
            out["plover"] = self._isin("plover", q.plover)
        if q.cameo_root:
            out["cameo_root"] = self._isin("cameo_root", q.cameo_root)
        if q.quad:
            out["quad"] = np.isin(self.quad, np.array(q.quad, dtype=np.int64))
        if q.dyad:
            out["dyad"] = self._isin("dyad", q.dyad)
        if q.factuality:
            out["factuality"] = self._isin("factuality", q.factuality)
        if q.place:
            out["place"] = self._isin("place", q.place)
        if q.site:
            out["site"] = self._isin("site", q.site)
        if q.year:
            out["year"] = self._isin("year", q.year)
        if q.actor:
            codes = np.array(self.vocabs["actor"].codes(q.actor), dtype=np.int64)
            out["actor"] = np.isin(self.cols["src_actor"], codes) | np.isin(self.cols["tgt_actor"], codes)
        if q.source_country:
            base &= self.cols["src_country"] == self._code("country", q.source_country)
        if q.target_country:
            base &= self.cols["tgt_country"] == self._code("country", q.target_country)
        if q.country:
            codes = np.array(self.vocabs["country"].codes(q.country), dtype=np.int64)
            base &= np.isin(self.cols["src_country"], codes) | np.isin(self.cols["tgt_country"], codes)
        if q.since:
            base &= (self.day != "") & (self.day >= q.since[:10])
        if q.until:
            bound = q.until[:10] if len(q.until) >= 10 else q.until + "\uffff"
            base &= (self.day != "") & (self.day <= bound)
        if q.article:
            base &= self.article == self._code("article", q.article)
        if q.theme:
            arts = [self.themes[t] for t in q.theme if t in self.themes]
            base &= np.isin(self.article, np.concatenate(arts)) if arts else np.zeros(n, dtype=bool)
        if q.text:
            base &= np.isin(self.article, self._text_articles(conn, q.text))
        out["_base"] = base
        return out

    def _code(self, vocab: str, value: str) -> int:
        return self.vocabs[vocab].index.get(value, -2)  # -2 matches no row

    def _isin(self, col: str, values: Sequence[str]) -> Mask:
        vocab = self.vocabs[col if col in self.vocabs else "country"]
        return np.isin(self.cols[col], np.array(vocab.codes(values), dtype=np.int64))

    def _text_articles(self, conn: sqlite3.Connection, expression: str) -> Ints:
        rows = conn.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?",
            (expression,),
        )
        return np.array(self.vocabs["article"].codes(r[0] for r in rows), dtype=np.int64)

    @staticmethod
    def combine(masks: dict[str, Mask], without: str | None = None) -> Mask:
        out = masks["_base"].copy()
        for name, m in masks.items():
            if name not in ("_base", without):
                out &= m
        return out

    # ------------------------------------------------------------------ counting
    def count_by(self, col: str, mask: Mask) -> dict[str, int]:
        """Distinct clusters per value of ``col`` among the rows of ``mask`` (actors: either side)."""
        nclusters = int(self.cluster.max(initial=0)) + 1
        if col == "actor":
            values = np.concatenate([self.cols["src_actor"][mask], self.cols["tgt_actor"][mask]])
            clusters = np.concatenate([self.cluster[mask], self.cluster[mask]])
        elif col == "quad":
            values, clusters = self.quad[mask] - 1, self.cluster[mask]
        else:
            values, clusters = self.cols[col][mask], self.cluster[mask]
        keep = values >= 0
        pairs = np.unique(values[keep] * nclusters + clusters[keep])
        counts = np.bincount(pairs // nclusters) if len(pairs) else np.zeros(0, dtype=np.int64)
        if col == "quad":
            return {str(v + 1): int(n) for v, n in enumerate(counts) if n}
        names = self.vocabs[col if col in self.vocabs else "actor"].values
        return {names[v]: int(n) for v, n in enumerate(counts) if n}

    def clusters(self, mask: Mask) -> list[tuple[Any, ...]]:
        """Per cluster of the rows in ``mask``: (cluster, first day, copies, mentions, max quad,
        goldstein sum, goldstein n, first event id) - the tuples :func:`reads._clusters` gives."""
        idx = np.flatnonzero(mask)
        if not len(idx):
            return []
        order = idx[np.lexsort((self.id_rank[idx], self.cluster[idx]))]
        cl = self.cluster[order]
        starts = np.flatnonzero(np.r_[True, cl[1:] != cl[:-1]])
        ends = np.r_[starts[1:], len(order)]
        copies = ends - starts
        mentions = np.add.reduceat(self.mentions[order], starts)
        quad = np.maximum.reduceat(self.quad[order], starts)
        gold = self.goldstein[order]
        known = ~np.isnan(gold)
        gold_sum = np.add.reduceat(np.where(known, gold, 0.0), starts)
        gold_n = np.add.reduceat(known.astype(np.int64), starts)
        # the earliest charted day of each cluster: the same groups, sorted by day inside each
        dated = np.where(self.day[idx] == "", "\uffff", self.day[idx])
        first_day = dated[np.lexsort((dated, self.cluster[idx]))][starts]
        out = []
        for k, s in enumerate(starts):
            d = str(first_day[k])
            out.append(
                (
                    int(cl[s]),
                    None if d == "\uffff" else d,
                    int(copies[k]),
                    int(mentions[k]),
                    int(quad[k]) or None,
                    float(gold_sum[k]),
                    int(gold_n[k]),
                    self.ids[int(order[s])],
                )
            )
        return out


def fingerprint(conn: sqlite3.Connection) -> tuple[Any, ...]:
    """Changes whenever event rows or the actor table are written (rows are replaced, never
    updated in place, so a new row id always comes with a change)."""
    events = conn.execute("SELECT count(*), max(rowid) FROM event_index").fetchone()
    actors = conn.execute("SELECT count(*), max(rowid) FROM actor_entities").fetchone()
    themes = conn.execute("SELECT max(rowid) FROM facts").fetchone()
    return (*events, *actors, *themes)


# The place JSON is only parsed where an event has one (most have none): the stored JSON is
# written with json.dumps defaults, so an absent place reads '"place": null'.
_ROWS = (
    "SELECT e.id, coalesce(e.cluster_id, e.id), e.date, e.quad_class, e.goldstein, coalesce(e.mentions, 1),"
    " e.article_id, e.plover_event, e.cameo_root, e.dyad, e.factuality, e.site, e.source_country,"
    " e.target_country, e.source_entity, e.target_entity,"
    " CASE WHEN instr(f.data, '\"place\": null') > 0 THEN NULL ELSE json_extract(f.data, '$.place') END"
    " FROM event_index e LEFT JOIN facts f ON f.id = e.id"
)


def build_frame(conn: sqlite3.Connection) -> EventFrame:
    actor_of = dict(conn.execute("SELECT entity_id, actor_key FROM actor_entities").fetchall())
    vocabs = {k: Vocab() for k in ("plover", "cameo_root", "dyad", "factuality", "site", "place", "year")}
    vocabs.update(country=Vocab(), actor=Vocab(), article=Vocab(), cluster=Vocab())
    names = ("plover", "cameo_root", "dyad", "factuality", "site", "src_country", "tgt_country")
    lists: dict[str, list[int]] = {k: [] for k in (*names, "place", "year", "src_actor", "tgt_actor")}
    ids: list[str] = []
    cluster, quad, mentions, article = [], [], [], []
    days: list[str] = []
    gold: list[float] = []
    places: dict[str, dict[str, Any]] = {}
    for row in conn.execute(_ROWS):
        eid, cid, day, q, g, m, aid, *coded, src_ent, tgt_ent, place_json = row
        ids.append(eid)
        cluster.append(vocabs["cluster"].code(cid))
        days.append(day or "")
        quad.append(q or 0)
        gold.append(np.nan if g is None else g)
        mentions.append(m)
        article.append(vocabs["article"].code(aid))
        for name, value in zip(names, coded, strict=True):
            lists[name].append(vocabs["country" if name.endswith("country") else name].code(value))
        lists["year"].append(vocabs["year"].code(day[:4] if day else None))
        lists["src_actor"].append(vocabs["actor"].code(actor_of.get(src_ent)) if src_ent else -1)
        lists["tgt_actor"].append(vocabs["actor"].code(actor_of.get(tgt_ent)) if tgt_ent else -1)
        key = None
        if place_json:
            place = json.loads(place_json)
            if place.get("lat") is not None and place.get("lon") is not None:
                key = place_key(place)
                places.setdefault(key, {k: place.get(k) for k in ("name", "country", "lat", "lon", "feature")})
        lists["place"].append(vocabs["place"].code(key))
    themes: dict[str, list[int]] = {}
    for issue, aid in conn.execute(
        "SELECT DISTINCT json_extract(data, '$.issue'), article_id FROM facts WHERE kind = 'issues'"
    ):
        if aid in vocabs["article"].index:
            themes.setdefault(str(issue), []).append(vocabs["article"].index[aid])
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(np.array(ids, dtype=object))] = np.arange(len(ids))
    return EventFrame(
        ids=ids,
        id_rank=rank,
        cluster=np.array(cluster, dtype=np.int64),
        day=np.array(days, dtype="U10"),
        quad=np.array(quad, dtype=np.int64),
        goldstein=np.array(gold, dtype=np.float64),
        mentions=np.array(mentions, dtype=np.int64),
        article=np.array(article, dtype=np.int64),
        cols={k: np.array(v, dtype=np.int64) for k, v in lists.items()},
        vocabs=vocabs,
        places=places,
        themes={k: np.array(v, dtype=np.int64) for k, v in themes.items()},
    )


class FrameCache:
    """The last frame of one database, rebuilt when the store changed (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._frame: EventFrame | None = None

    def get(self, conn: sqlite3.Connection) -> EventFrame:
        key = fingerprint(conn)
        with self._lock:
            if self._frame is None or key != self._key:
                self._frame, self._key = build_frame(conn), key
            return self._frame
