"""The brief of one actor over many articles: the actor profile of the read model
(:func:`tidings.store.reads.actor_profile`) as lines with evidence."""

from __future__ import annotations

from typing import Any

from tidings.briefs.evidence import event_line, evidence, key_quotes
from tidings.errors import UsageError
from tidings.store import reads
from tidings.store.sqlite import Store

TOP = 8


def actor_brief(store: Store, name: str, *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    profile = reads.actor_profile(store.conn, name, since=since, until=until, limit=200)
    if profile is None:
        raise UsageError(f"no actor matching {name!r}", code="T214")
    texts: dict[str, str] = {}

    def text_of(article_id: str) -> str:
        if article_id not in texts:
            row = store.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
            texts[article_id] = row[0] if row else ""
        return texts[article_id]

    def lines(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = [event_line(e, text_of(e["article_id"])) for e in events]
        return sorted(out, key=lambda ln: (ln["date"] or "", ln["event_id"]))

    for q in profile["quotes"]:
        text_of(q["article_id"])
    first = store.conn.execute(
        'SELECT f.article_id, f.start, f."end" FROM facts f JOIN actor_entities x ON x.entity_id = f.id'
        " WHERE x.actor_key = ? ORDER BY f.article_id, f.start LIMIT 5",
        (profile["key"],),
    ).fetchall()
    return {
        "kind": "actor",
        "target": name,
        "key": profile["key"],
        "name": profile["name"],
        "ambiguous": profile["ambiguous"],
        "others": profile["others"],
        "aliases": profile["aliases"],
        "roles": [f"{r['title']} ({r['seen']})" if r.get("seen") else r["title"] for r in profile["roles"]],
        "actor_code": profile["actor_code"],
        "articles": profile["articles"],
        "counts": profile["counts"],
        "events": profile["events"],
        "events_as_source": lines(profile["events_as_source"]),
        "events_as_target": lines(profile["events_as_target"]),
        "quotes": key_quotes(profile["quotes"], texts, limit=TOP),
        "evidence": [evidence(aid, s, e, text_of(aid)) for aid, s, e in first],
    }
