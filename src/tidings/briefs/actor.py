"""The brief of one actor over many articles."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from tidings.briefs.dyad import TOP, _events, _in_window
from tidings.briefs.evidence import event_line, evidence, key_quotes
from tidings.errors import UsageError
from tidings.store.sqlite import Store


def actor_brief(store: Store, name: str, *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    like = f"%{name.lower()}%"
    entities = store.conn.execute(
        "SELECT data FROM facts WHERE kind='entities' AND lower(json_extract(data, '$.name')) LIKE ?", (like,)
    ).fetchall()
    if not entities:
        raise UsageError(f"no actor matching {name!r}", code="T214")
    ents = [json.loads(d) for (d,) in entities]
    ids = {e["id"] for e in ents}
    aliases = sorted({al for e in ents for al in [e["name"], *e.get("aliases", [])]})
    roles = sorted({r["title"] for e in ents for r in e.get("roles") or []})
    codes = Counter(e.get("actor_code") for e in ents if e.get("actor_code"))
    as_source: list[dict[str, Any]] = []
    as_target: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    where = (
        "(json_extract(f.data, '$.source.entity_id') IN ({0}) OR json_extract(f.data, '$.target.entity_id') IN ({0}))"
    )
    marks = ",".join("?" * len(ids))
    for e, text, _story in _events(store, where.format(marks), (*ids, *ids)):
        if (since or until) and not _in_window(e, since, until):
            continue
        texts[e["article_id"]] = text
        line = event_line(e, text)
        (as_source if (e.get("source") or {}).get("entity_id") in ids else as_target).append(line)
    quotes = store.conn.execute(
        f"SELECT f.data, a.text FROM facts f JOIN articles a ON a.id=f.article_id WHERE f.kind='quotes' "
        f"AND json_extract(f.data, '$.speaker.entity_id') IN ({marks})",
        tuple(ids),
    ).fetchall()
    quote_rows = [json.loads(d) for d, _ in quotes]
    texts.update({json.loads(d)["article_id"]: t for d, t in quotes})
    key = lambda ln: (ln["date"] or "", ln["event_id"])  # noqa: E731
    return {
        "kind": "actor",
        "target": name,
        "name": ents[0]["name"],
        "aliases": aliases,
        "roles": roles,
        "actor_code": codes.most_common(1)[0][0] if codes else None,
        "articles": len({e["article_id"] for e in ents}),
        "events_as_source": sorted(as_source, key=key),
        "events_as_target": sorted(as_target, key=key),
        "quotes": key_quotes(quote_rows, texts, limit=TOP),
        "evidence": [
            evidence(e["article_id"], e["start"], e["end"], texts.get(e["article_id"], ""))
            for e in ents[:5]
            if e["article_id"] in texts
        ],
    }
