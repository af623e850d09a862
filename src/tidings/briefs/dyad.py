"""The brief of a pair of countries (dyad) over many articles: the dyad series of the read model
(:func:`tidings.store.reads.dyad_series`: asserted event clusters per month), the events behind
it, the issues on the agenda in their sentences, and what the two sides said."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from tidings.briefs.evidence import event_line, key_quotes
from tidings.errors import UsageError
from tidings.store import reads
from tidings.store.sqlite import Store

TOP = 8
EVIDENCE_PER_POINT = 20


def parse_dyad(dyad: str) -> tuple[str, str]:
    parts = dyad.upper().split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise UsageError(f"dyad must look like USA-CHN, got {dyad!r}", code="T213")
    return parts[0], parts[1]


def dyad_brief(
    store: Store, dyad: str, *, since: str | None = None, until: str | None = None, by: str = "month"
) -> dict[str, Any]:
    a, b = parse_dyad(dyad)
    conn = store.conn
    series = reads.dyad_series(conn, a, b, interval=by, since=since, until=until)
    events = reads.dyad_events(conn, a, b, since=since, until=until, limit=10**9)
    texts = {aid: text for aid, text in conn.execute(
        "SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (_json_list({e["article_id"] for e in events}),),
    )}  # fmt: skip
    evidence: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(events, key=lambda e: (e["_day"] or "", e["id"])):
        bucket = reads.bucket_of(e["_day"], by) if e["_day"] else None
        if bucket is not None and len(evidence.setdefault(bucket, [])) < EVIDENCE_PER_POINT:
            evidence[bucket].append(
                {
                    "event_id": e["id"],
                    "article_id": e["article_id"],
                    "start": e["sentence_start"],
                    "end": e["sentence_end"],
                }
            )
    points = [
        {
            "period": p["bucket"],
            **{k: v for k, v in p.items() if k != "bucket"},
            "evidence": evidence.get(p["bucket"], []),
        }
        for p in series["series"]
    ]
    sentences = {(e["article_id"], e["sentence_start"]) for e in events}
    issues: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for art_id in texts:
        for t in store.facts("issues", art_id):
            if (art_id, t["sentence_start"]) in sentences and t["score"] >= 1.0:
                issues[t["issue"]] += 1
                labels[t["issue"]] = t["label"]
    quotes = [
        q
        for art_id in texts
        for q in store.facts("quotes", art_id)
        if (q.get("speaker") or {}).get("country") in (a, b)
    ]
    lines = [event_line(e, texts[e["article_id"]]) for e in events if e["article_id"] in texts]
    lines.sort(key=lambda ln: (ln["date"] or "", ln["event_id"]))
    return {
        "kind": "dyad",
        "target": f"{a}-{b}",
        "since": since,
        "until": until,
        "period": by,
        "counts": series["counts"],
        "factuality": series["factuality"],
        "events": series["events"],
        "copies": series["copies"],
        "mentions": series["mentions"],
        "undated": series["undated"],
        "articles": len(texts),
        "series": points,
        "top_issues": [{"issue": k, "label": labels[k], "sentences": n} for k, n in issues.most_common(TOP)],
        "quotes": key_quotes(quotes, texts, limit=TOP),
        "timeline": lines[-40:],
    }


def _json_list(items: set[str]) -> str:
    return json.dumps(sorted(items))


def _speaker_country(quote: dict[str, Any]) -> str | None:
    return (quote.get("speaker") or {}).get("country")
