"""Read commands for stored facts: entities, actors, quotes, times, places, events."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Annotated, Any

import typer

from tidings.cli.common import DbOpt, Fmt, LimitOpt, emit, fail, fetch_limit, json_line, open_store, out, row_limit
from tidings.store import reads
from tidings.store.clusters import NO_CLUSTER, cluster_rows, events_with_clusters
from tidings.store.sqlite import Store

Row = dict[str, Any]
# typer reads these annotations by name, so they live at module level
ArticleArg = Annotated[str | None, typer.Argument(help="article id (or unique prefix); all when omitted")]
FmtOpt = Annotated[Fmt, typer.Option("--format")]


def _texts(store: Store, article_id: str | None) -> Callable[[str], str]:
    cache: dict[str, str] = {}

    def text(aid: str) -> str:
        if aid not in cache:
            row = store.conn.execute("SELECT text FROM articles WHERE id=?", (aid,)).fetchone()
            cache[aid] = row[0] if row else ""
        return cache[aid]

    return text


def _datelines(store: Store) -> Callable[[str], str]:
    """An article's wire dateline, kept as metadata ("" if none)."""
    cache: dict[str, str] = {}

    def dateline(aid: str) -> str:
        if aid not in cache:
            sql = "SELECT json_extract(data, '$.extras.dateline') FROM articles WHERE id=?"
            row = store.conn.execute(sql, (aid,)).fetchone()
            cache[aid] = row[0] if row and isinstance(row[0], str) else ""
        return cache[aid]

    return dateline


def _credit(entity: Row, dateline: str) -> Row | None:
    """The entity's mention in the article's dateline (a credited news agency), if any."""
    span = entity.get("credit")
    if not span:
        return None
    return {"field": "dateline", **span, "text": dateline[span["start"] : span["end"]]}


def _resolve_id(store: Store, article_id: str | None) -> str | None:
    if article_id is None:
        return None
    art = store.article(article_id)
    if art is None:
        fail(f"no article {article_id!r}", 1)
        return None
    return art.id


def _actor(ref: Row | None) -> Row | None:
    return None if not ref else {k: ref.get(k) for k in ("name", "entity_id", "actor_code", "country", "sector")}


def entity_rows(store: Store, article_id: str | None) -> Iterable[Row]:
    text = _texts(store, article_id)
    dateline = _datelines(store)
    actors = reads.entity_actors(store.conn, article_id)
    for e in store.facts("entities", article_id):
        t = text(e["article_id"])
        actor = actors.get(e["id"]) or {}
        refused = {(m["start"], m["end"]) for m in e.get("not_actor") or ()}
        yield {
            "id": e["id"],
            "article_id": e["article_id"],
            "name": e["name"],
            "kind": e["kind"],
            "named": e.get("named", True),
            "aliases": e.get("aliases", []),
            "roles": e.get("roles", []),
            "actor_code": e.get("actor_code"),
            "country": e.get("country"),
            "sector": e.get("sector"),
            "gender": e.get("gender"),  # "m"/"f" where the article marks the person so
            "actor": actor.get("key"),  # the canonical cross-article actor; None: not an actor
            "actor_name": actor.get("name"),
            "mentions": [
                {
                    "start": m["start"],
                    "end": m["end"],
                    "text": t[m["start"] : m["end"]],
                    "actor": (m["start"], m["end"]) not in refused,  # False: a place, qualifier, ...
                }
                for m in e.get("mentions", [])
            ],
            # a mention outside the text: the news agency its wire dateline credits
            "credit": _credit(e, dateline(e["article_id"])),
        }


def quote_rows(store: Store, article_id: str | None, speaker: str | None) -> Iterable[Row]:
    for q in store.facts("quotes", article_id):
        sp = _actor(q.get("speaker"))
        if speaker and (not sp or speaker.lower() not in (sp.get("name") or "").lower()):
            continue
        yield {
            "id": q["id"],
            "article_id": q["article_id"],
            "speaker": sp,
            "reporter": _actor(q.get("reporter")),
            "text": q["text"],
            "start": q["start"],
            "end": q["end"],
            "kind": q["kind"],
            "cue": q.get("cue"),
            "sentence": q.get("sentence"),
            "confidence": q.get("confidence"),
        }


def time_rows(store: Store, article_id: str | None) -> Iterable[Row]:
    for t in store.facts("times", article_id):
        yield {
            k: t.get(k)
            for k in (
                "article_id",
                "text",
                "start",
                "end",
                "value",
                "precision",
                "kind",
                "anchor",
                "direction",
            )
        }


def place_rows(store: Store, article_id: str | None) -> Iterable[Row]:
    for p in store.facts("places", article_id):
        yield {
            k: p.get(k)
            for k in (
                "article_id",
                "text",
                "start",
                "end",
                "name",
                "lat",
                "lon",
                "country",
                "admin1",
                "feature",
                "population",
                "geonameid",
                "metonym",
            )
        }


def event_rows(store: Store, article_id: str | None, actor: str | None, dyad: str | None) -> Iterable[Row]:
    pair = set(dyad.upper().split("-")) if dyad else None
    for e, cluster in events_with_clusters(store.conn, article_id):
        refs = [r for r in [e.get("source"), e.get("target"), *(e.get("actors") or [])] if r]
        if actor and not any(
            actor.lower() in (r.get("name") or "").lower() or actor.upper() == r.get("actor_code") for r in refs
        ):
            continue
        if pair is not None:
            countries = {(e.get("source") or {}).get("country"), (e.get("target") or {}).get("country")}
            if countries != pair:
                continue
        place = e.get("place")
        yield {
            "id": e["id"],
            "article_id": e["article_id"],
            "sentence": e["sentence"],
            "sentence_start": e["sentence_start"],
            "sentence_end": e["sentence_end"],
            "trigger": e["trigger"],
            "trigger_start": e["start"],
            "trigger_end": e["end"],
            "source": _actor(e.get("source")),
            "target": _actor(e.get("target")),
            "actors": [_actor(a) for a in e.get("actors") or []],
            "targets": [_actor(a) for a in e.get("targets") or []],
            "plover_event": e.get("plover_event"),
            "plover_mode": e.get("plover_mode"),
            "cameo_code": e.get("cameo_code"),
            "goldstein": e.get("goldstein"),
            "quad_class": e.get("quad_class"),
            "factuality": e.get("factuality"),
            "historical": e.get("historical"),
            "attribution": e.get("attribution"),
            "date": e.get("date"),
            "date_precision": e.get("date_precision"),
            "place": None if not place else {k: place.get(k) for k in ("name", "country", "lat", "lon")},
            "confidence": e.get("confidence"),
            "is_main": bool(e.get("is_main")),
            "mentions": e.get("mentions", []),
            "rule": e.get("rule"),
            "stage": e.get("stage"),
            **(cluster.counts() if cluster else NO_CLUSTER),
        }


def _name(ref: Row | None) -> str:
    return "" if not ref else f"{ref.get('name') or ''} ({ref.get('actor_code') or '?'})"


def _dates(r: Row) -> str:
    first, last = r["first_date"] or "", r["last_date"] or ""
    return first if first == last else f"{first}..{last}"


CLUSTER_COLUMNS: list[tuple[str, Callable[[Row], Any]]] = [
    ("cluster", lambda r: r["cluster_id"]),
    ("dates", _dates),
    ("dyad", lambda r: r["dyad"]),
    ("cameo", lambda r: r["cameo_root"]),
    ("plover", lambda r: r["plover_event"]),
    ("factuality", lambda r: r["factuality"]),
    ("articles", lambda r: r["num_articles"]),
    ("sources", lambda r: r["num_sources"]),
    ("mentions", lambda r: r["num_mentions"]),
    ("example", lambda r: (r["example"]["sentence"] or "")[:80]),
    ("article", lambda r: r["example"]["article_id"]),
]


def register(app: typer.Typer) -> None:
    @app.command("entities")
    def entities_cmd(
        article_id: ArticleArg = None, db: DbOpt = None, limit: LimitOpt = None, fmt: FmtOpt = Fmt.table
    ) -> None:
        """People, organisations and places in an article, resolved to canonical actors."""
        with open_store(db) as store:
            rows = list(entity_rows(store, _resolve_id(store, article_id)))
        emit(
            rows,
            fmt.value,
            [
                ("name", lambda r: r["name"]),
                ("kind", lambda r: r["kind"]),
                ("actor", lambda r: f"{r['actor'] or '-'} {r['actor_code'] or ''}".strip()),
                ("roles", lambda r: "; ".join(x["title"] for x in r["roles"])),
                ("mentions", lambda r: len(r["mentions"])),
            ],
            limit=row_limit(limit, fmt.value),
        )

    @app.command("actors")
    def actors_cmd(
        name: Annotated[str | None, typer.Argument(help="one actor's profile (key, name or alias)")] = None,
        db: DbOpt = None,
        search: Annotated[str | None, typer.Option(help="any alias contains, or the actor code")] = None,
        limit: Annotated[
            int | None,
            typer.Option(
                min=0,
                show_default=False,
                help="actors listed, 0 = all (default: 50 with --format table, all with json/jsonl/csv);"
                " with NAME: events per side (default: 50)",
            ),
        ] = None,
        fmt: FmtOpt = Fmt.table,
    ) -> None:
        """The cross-article actor table (canonical name, code, aliases, roles with dates seen), or
        with NAME one actor's profile: the same profile as `brief actor:NAME` and /actors/NAME."""
        if name is not None:
            with open_store(db) as store:
                profile = reads.actor_profile(store.conn, name, limit=50 if limit is None else limit or 1_000_000)
            if profile is None:
                fail(f"no actor {name!r}", code=1)
            if fmt.value == "table":
                _print_profile(profile)
            else:
                sys.stdout.write(json_line(profile) + "\n")
            return
        shown = row_limit(limit, fmt.value)
        with open_store(db) as store:
            rows = reads.actor_list(store.conn, search, fetch_limit(shown) or -1)  # -1: SQLite's "no limit"
        emit(
            rows,
            fmt.value,
            [
                ("key", lambda r: r["key"]),
                ("name", lambda r: r["name"]),
                ("kind", lambda r: r["kind"]),
                ("actor", lambda r: r["actor_code"]),
                ("articles", lambda r: r["articles"]),
                ("roles", lambda r: "; ".join(f"{x['title']} ({x['seen']})" for x in r["roles"])),
                ("aliases", lambda r: ", ".join(r["aliases"][:4])),
            ],
            limit=shown,
        )

    @app.command("quotes")
    def quotes_cmd(
        article_id: ArticleArg = None,
        db: DbOpt = None,
        speaker: Annotated[str | None, typer.Option(help="speaker name contains")] = None,
        limit: LimitOpt = None,
        fmt: FmtOpt = Fmt.table,
    ) -> None:
        """Who said what: quotes with speakers, cues and offsets."""
        with open_store(db) as store:
            emit(
                quote_rows(store, _resolve_id(store, article_id), speaker),
                fmt.value,
                [
                    ("speaker", lambda r: _name(r["speaker"])),
                    ("kind", lambda r: r["kind"]),
                    ("cue", lambda r: r["cue"]),
                    ("text", lambda r: r["text"][:90]),
                ],
                limit=row_limit(limit, fmt.value),
            )

    @app.command("times")
    def times_cmd(
        article_id: ArticleArg = None, db: DbOpt = None, limit: LimitOpt = None, fmt: FmtOpt = Fmt.jsonl
    ) -> None:
        """Time expressions resolved against the publication date."""
        _list(db, article_id, time_rows, fmt, limit, ("text", "value", "precision", "kind"))

    @app.command("places")
    def places_cmd(
        article_id: ArticleArg = None, db: DbOpt = None, limit: LimitOpt = None, fmt: FmtOpt = Fmt.jsonl
    ) -> None:
        """Places, geocoded (metonyms such as "Beijing said" flagged)."""
        _list(db, article_id, place_rows, fmt, limit, ("text", "country", "feature", "lat", "lon", "metonym"))

    @app.command("events")
    def events_cmd(
        article_id: ArticleArg = None,
        db: DbOpt = None,
        actor: Annotated[str | None, typer.Option(help="actor name contains, or actor code")] = None,
        dyad: Annotated[str | None, typer.Option(help="country pair, e.g. USA-CHN")] = None,
        clusters: Annotated[
            bool, typer.Option("--clusters", help="one row per event cluster (the same event across articles)")
        ] = False,
        factuality: Annotated[
            str | None, typer.Option(help="asserted, planned, hypothetical, negated or alleged")
        ] = None,
        limit: LimitOpt = None,
        fmt: FmtOpt = Fmt.table,
    ) -> None:
        """Who did what to whom, when and where, with the sentence behind it.

        With --clusters: one row per event told across articles, with its article/source/mention counts."""
        shown = row_limit(limit, fmt.value)
        if clusters:
            with open_store(db) as store:
                aid = _resolve_id(store, article_id)
                found = cluster_rows(store.conn, dyad=dyad, article_id=aid, actor=actor, factuality=factuality)
                emit(found, fmt.value, CLUSTER_COLUMNS, limit=shown)
            return
        with open_store(db) as store:
            rows = (
                r
                for r in event_rows(store, _resolve_id(store, article_id), actor, dyad)
                if factuality is None or r["factuality"] == factuality
            )
            _emit_events(rows, fmt, shown)


def _emit_events(rows: Iterable[Row], fmt: Fmt, limit: int | None) -> None:
    emit(
        rows,
        fmt.value,
        [
            ("date", lambda r: r["date"]),
            ("source", lambda r: _name(r["source"])),
            ("trigger", lambda r: r["trigger"]),
            ("target", lambda r: _name(r["target"])),
            ("plover", lambda r: r["plover_event"]),
            ("cameo", lambda r: r["cameo_code"]),
            ("factuality", lambda r: r["factuality"]),
            ("place", lambda r: (r["place"] or {}).get("name")),
        ],
        limit=limit,
    )


def _list(
    db: str | None,
    article_id: str | None,
    rows_of: Callable[[Store, str | None], Iterable[Row]],
    fmt: Fmt,
    limit: int | None,
    fields: tuple[str, ...],
) -> None:
    """One article's (or every article's) facts of one kind, the table showing ``fields``."""
    with open_store(db) as store:
        rows = rows_of(store, _resolve_id(store, article_id))
        emit(rows, fmt.value, [(f, itemgetter(f)) for f in fields], limit=row_limit(limit, fmt.value))


def _print_profile(p: Row) -> None:
    ev = p["events"]
    out.print(f"{p['name']}  [{p['key']}]  {p.get('actor_code') or ''}  {p['articles']} articles")
    if p.get("ambiguous"):
        out.print("  ambiguous: this name stands for more than one person in the store")
    out.print(f"  aliases: {', '.join(p['aliases']) or '-'}")
    out.print("  roles: " + ("; ".join(f"{r['title']} ({r['seen']})" for r in p["roles"]) or "-"))
    codes = [f"{c['code']} {c['first_seen'] or '?'}..{c['last_seen'] or '?'}" for c in p.get("codes", ())]
    out.print("  codes over time: " + ("; ".join(codes) or "-"))
    out.print(f"  events as source: {ev['as_source']} ({ev['copies_as_source']} copies), "
        f"as target: {ev['as_target']} ({ev['copies_as_target']} copies); quotes: {p['quotes_count']}")  # fmt: skip
    out.print(f"  ({p['counts']})")
    for other in p["others"]:
        out.print(f"  also: {other['name']} [{other['key']}] {other['articles']} articles")
    for art in p.get("article_list", ())[:10]:
        out.print(f"  {(art['published'] or '')[:10]:10}  {art['id']}  {art['title'] or ''}")


def dumps(rows: Iterable[Row]) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
