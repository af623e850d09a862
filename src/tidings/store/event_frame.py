"""Every row of the event index as numpy columns, so facet counts, timelines and map points over
the whole store take milliseconds instead of one SQL scan per facet (the read model,
:mod:`tidings.store.reads`, counts with it; see :class:`EventQuery` for what a filter means).

A frame is a snapshot: :class:`FrameCache` keeps the last one per database file and rebuilds it
when the store's fingerprint (row counts and last row ids of the event index and the actor
table) changes, so a page never counts from rows that are gone.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from tidings.store.event_query import EventQuery, place_key

Ints = NDArray[np.int64]
Mask = NDArray[np.bool_]

FACETS = ("plover", "cameo_root", "quad", "dyad", "actor", "factuality", "place", "site", "year")


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
    day_num: Ints = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # days since 1970; UNDATED
    by_cluster: Ints = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # rows by (cluster, id)
    # per facet: (values, their rows, order by (cluster, value)) so counts need no sort per request
    facet_order: dict[str, tuple[Ints, Ints, Ints]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.ids)

    def prepare(self) -> EventFrame:
        """Precompute the orders every count uses (once per build)."""
        self.day_num = day_numbers(self.day)
        self.by_cluster = np.lexsort((self.id_rank, self.cluster))
        for col in (*FACETS, "actor"):
            if col == "actor":
                values = np.concatenate([self.cols["src_actor"], self.cols["tgt_actor"]])
                rows = np.concatenate([np.arange(self.size), np.arange(self.size)])
            else:
                values = self.quad - 1 if col == "quad" else self.cols[col]
                rows = np.arange(self.size)
            self.facet_order[col] = (values, rows, np.lexsort((values, self.cluster[rows])))
        return self

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
        """Distinct clusters per value of ``col`` among the rows of ``mask`` (actors: either side):
        in (cluster, value) order, a pair is new where it differs from the one before."""
        values, rows, order = self.facet_order[col]
        picked = order[mask[rows[order]]]
        v, c = values[picked], self.cluster[rows[picked]]
        new = np.ones(len(v), dtype=bool)
        new[1:] = (v[1:] != v[:-1]) | (c[1:] != c[:-1])
        kept = v[new & (v >= 0)]
        counts = np.bincount(kept) if len(kept) else np.zeros(0, dtype=np.int64)
        if col == "quad":
            return {str(k + 1): int(n) for k, n in enumerate(counts) if n}
        names = self.vocabs[col if col in self.vocabs else "actor"].values
        return {names[k]: int(n) for k, n in enumerate(counts) if n}

    def clusters(self, mask: Mask) -> Clusters:
        """The clusters of the rows in ``mask``, as columns (see :class:`Clusters`)."""
        order = self.by_cluster[mask[self.by_cluster]]
        cl = self.cluster[order]
        if not len(cl):
            none = np.zeros(0, dtype=np.int64)
            return Clusters(self, none, none, none, none, none, np.zeros(0), none, none)
        starts = np.flatnonzero(np.r_[True, cl[1:] != cl[:-1]])
        ends = np.r_[starts[1:], len(order)]
        gold = self.goldstein[order]
        known = ~np.isnan(gold)
        return Clusters(
            frame=self,
            cluster=cl[starts],
            first_day=np.minimum.reduceat(self.day_num[order], starts),
            copies=ends - starts,
            mentions=np.add.reduceat(self.mentions[order], starts),
            quad=np.maximum.reduceat(self.quad[order], starts),
            gold_sum=np.add.reduceat(np.where(known, gold, 0.0), starts),
            gold_n=np.add.reduceat(known.astype(np.int64), starts),
            first_row=order[starts],  # the smallest event id of the cluster
        )


UNDATED = np.iinfo(np.int64).max


def day_numbers(days: NDArray[np.str_]) -> Ints:
    """ISO days -> days since 1970-01-01 (:data:`UNDATED` for "")."""
    out = np.full(len(days), UNDATED, dtype=np.int64)
    dated = days != ""
    out[dated] = days[dated].astype("datetime64[D]").astype(np.int64)
    return out


def day_labels(numbers: Ints, unit: Literal["D", "M", "Y"] = "D") -> NDArray[np.str_]:
    """Days (or months/years since 1970) -> ISO labels."""
    stamps: NDArray[np.datetime64] = numbers.astype(f"datetime64[{unit}]")
    return np.datetime_as_string(stamps, unit=unit)


@dataclass
class Clusters:
    """Event clusters as columns: per cluster its first charted day (days since 1970,
    :data:`UNDATED` when none), coded copies, mentions, highest QuadClass (0 when none),
    Goldstein sum and count, and the row of its first event (the smallest id)."""

    frame: EventFrame
    cluster: Ints
    first_day: Ints
    copies: Ints
    mentions: Ints
    quad: Ints
    gold_sum: NDArray[np.float64]
    gold_n: Ints
    first_row: Ints

    def __len__(self) -> int:
        return len(self.cluster)

    def rows(self, positions: Iterable[int]) -> list[tuple[Any, ...]]:
        """(cluster id, first day, copies, mentions, quad, goldstein sum, goldstein n, first event id)
        of the clusters at ``positions``: the tuples the SQL read of a dyad gives."""
        names = self.frame.vocabs["cluster"].values
        positions = list(positions)
        days = self.first_day[positions]
        labels = day_labels(np.where(days == UNDATED, 0, days))
        return [
            (
                names[int(self.cluster[k])],
                None if days[i] == UNDATED else str(labels[i]),
                int(self.copies[k]),
                int(self.mentions[k]),
                int(self.quad[k]) or None,
                float(self.gold_sum[k]),
                int(self.gold_n[k]),
                self.frame.ids[int(self.first_row[k])],
            )
            for i, k in enumerate(positions)
        ]

    def order(self, sort: str) -> Ints:
        """Positions sorted: newest/oldest first (undated last), most told, most conflictual or
        most cooperative (by mean Goldstein; unscored last); ties by first event id."""
        first_id = self.frame.id_rank[self.first_row]
        mean = np.divide(self.gold_sum, self.gold_n, out=np.full(len(self), np.nan), where=self.gold_n > 0)
        dated = np.where(self.first_day == UNDATED, -1, self.first_day)
        if sort == "date_desc":
            return np.lexsort((-first_id, dated))[::-1]
        if sort == "date_asc":
            return np.lexsort((first_id, self.first_day))
        if sort == "most_told":
            return np.lexsort((first_id, -self.copies, -self.mentions))
        scored = np.nan_to_num(mean, nan=100.0 if sort == "conflict" else -100.0)
        return np.lexsort((first_id, scored if sort == "conflict" else -scored))

    def totals(self) -> tuple[int, int, int, int]:
        """events, copies, mentions, undated."""
        return len(self), int(self.copies.sum()), int(self.mentions.sum()), int((self.first_day == UNDATED).sum())

    def buckets(self, interval: str) -> tuple[Ints, Literal["D", "M", "Y"]]:
        """Each cluster's bucket as a number (:data:`UNDATED` when it has no day) and the unit its
        labels are written in: the day, the Monday of its ISO week (1970-01-01 was a Thursday),
        its month or its year (:func:`tidings.store.reads.bucket_of`)."""
        days = self.first_day
        dated = days != UNDATED
        if interval == "day":
            return days, "D"
        if interval == "week":
            return np.where(dated, days - (days + 3) % 7, UNDATED), "D"
        unit: Literal["M", "Y"] = "M" if interval == "month" else "Y"
        coarse = np.where(dated, days, 0).astype("datetime64[D]").astype(f"datetime64[{unit}]").astype(np.int64)
        return np.where(dated, coarse, UNDATED), unit

    def series(self, interval: str) -> list[dict[str, Any]]:
        """Per bucket: events, copies, mentions, QuadClass counts, mean Goldstein (the points of
        :func:`tidings.store.reads.series_of`)."""
        keys, unit = self.buckets(interval)
        dated = keys != UNDATED
        numbers, inverse = np.unique(keys[dated], return_inverse=True)
        labels = day_labels(numbers, unit)
        n = len(labels)

        def total(values: Any) -> Any:
            return np.bincount(inverse, weights=values[dated], minlength=n)

        events = np.bincount(inverse, minlength=n)
        copies, mentions = total(self.copies), total(self.mentions)
        quads = [total((self.quad == q).astype(np.int64)) for q in (1, 2, 3, 4)]
        gold_sum, gold_n = total(self.gold_sum), total(self.gold_n)
        points = []
        for k, label in enumerate(labels):
            q1, q2, q3, q4 = (int(x[k]) for x in quads)
            points.append(
                {
                    "bucket": str(label),
                    "events": int(events[k]),
                    "copies": int(copies[k]),
                    "mentions": int(mentions[k]),
                    "verbal_cooperation": q1,
                    "material_cooperation": q2,
                    "verbal_conflict": q3,
                    "material_conflict": q4,
                    "cooperation": q1 + q2,
                    "conflict": q3 + q4,
                    "goldstein_mean": round(float(gold_sum[k]) / float(gold_n[k]), 3) if gold_n[k] else None,
                }
            )
        return points


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
    frame = EventFrame(
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
    return frame.prepare()


def file_stamp(conn: sqlite3.Connection) -> tuple[int, ...] | None:
    """Size and modification time of the database file and its WAL: unchanged means nothing was
    committed since (a cheap first check before :func:`fingerprint`)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    path = row[2] if row else ""
    if not path:
        return None
    out: list[int] = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
        except OSError:
            out += [-1, -1]
            continue
        out += [st.st_size, st.st_mtime_ns]
    return tuple(out)


class FrameCache:
    """The last frame of one database, rebuilt when the store changed (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._stamp: tuple[int, ...] | None = None
        self._frame: EventFrame | None = None

    def get(self, conn: sqlite3.Connection) -> EventFrame:
        stamp = file_stamp(conn)
        with self._lock:
            if self._frame is not None and stamp is not None and stamp == self._stamp:
                return self._frame
            key = fingerprint(conn)
            if self._frame is None or key != self._key:
                self._frame, self._key = build_frame(conn), key
            self._stamp = stamp
            return self._frame
