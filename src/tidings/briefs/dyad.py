"""The brief of a pair of countries (dyad) over many articles.

Events are counted per story, not per copy: copies of one wire story (same ``story_id``)
that report the same coded event (date, CAMEO code, actor codes) count once.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from tidings.briefs.evidence import event_line, key_quotes
from tidings.errors import UsageError
from tidings.facts.times.calendar import value_start
from tidings.store.sqlite import Store

COOPERATION = (1, 2)  # GDELT QuadClass: verbal and material cooperation
CONFLICT = (3, 4)
TOP = 8


def _period(value: str | None, by: str) -> str | None:
    """The month (or ISO week) bucket of an event date of any precision finer than a year."""
    if not value or len(value) < 7:
        return None  # year-precise dates say nothing about the month
    start = value_start(value)
    if start is None:
        return None
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return start.strftime("%Y-%m")


def _events(store: Store, where: str, args: tuple[Any, ...]) -> Iterator[tuple[dict[str, Any], str, str]]:
    sql = (
        "SELECT f.data, a.text, coalesce(a.story_id, a.id) FROM facts f "
        f"JOIN articles a ON a.id = f.article_id WHERE f.kind = 'events' AND {where}"
    )
    for data, text, story in store.conn.execute(sql, args):
        yield json.loads(data), text, story


def _in_window(e: dict[str, Any], since: str | None, until: str | None) -> bool:
    date = e.get("date") or ""
    return bool(date) and (not since or date >= since[: len(date)]) and (not until or date <= until[: len(date)])


def dyad_brief(
    store: Store, dyad: str, *, since: str | None = None, until: str | None = None, by: str = "month"
) -> dict[str, Any]:
    parts = dyad.upper().split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise UsageError(f"dyad must look like USA-CHN, got {dyad!r}", code="T213")
    a, b = parts
    where = (
        "json_extract(f.data, '$.source.country') IN (?, ?)"
        " AND json_extract(f.data, '$.target.country') IN (?, ?)"
        " AND json_extract(f.data, '$.source.country') != json_extract(f.data, '$.target.country')"
    )
    seen: set[tuple[Any, ...]] = set()
    series: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"events": 0, "cooperation": 0, "conflict": 0, "goldstein_sum": 0.0, "event_ids": []}
    )
    texts: dict[str, str] = {}
    sentences: set[tuple[str, int]] = set()
    lines = []
    for e, text, story in _events(store, where, (a, b, a, b)):
        if e.get("factuality") != "asserted" or e.get("historical") or not _in_window(e, since, until):
            continue  # the series charts what was reported as happening, not background
        key = (
            story,
            e.get("date"),
            e.get("cameo_code"),
            (e.get("source") or {}).get("actor_code"),
            (e.get("target") or {}).get("actor_code"),
        )
        if key in seen:
            continue
        seen.add(key)
        period = _period(e["date"], by)
        if period is None:
            continue
        point = series[period]
        point["events"] += 1
        point["cooperation"] += e.get("quad_class") in COOPERATION
        point["conflict"] += e.get("quad_class") in CONFLICT
        point["goldstein_sum"] += e.get("goldstein") or 0.0
        if len(point["event_ids"]) < 20:
            point["event_ids"].append(
                {
                    "event_id": e["id"],
                    "article_id": e["article_id"],
                    "start": e["sentence_start"],
                    "end": e["sentence_end"],
                }
            )
        texts[e["article_id"]] = text
        sentences.add((e["article_id"], e["sentence_start"]))
        lines.append(event_line(e, text))
    points = []
    for period in sorted(series):
        p = series[period]
        points.append(
            {
                "period": period,
                "events": p["events"],
                "cooperation": p["cooperation"],
                "conflict": p["conflict"],
                "goldstein_mean": round(p["goldstein_sum"] / p["events"], 2),
                "evidence": p["event_ids"],
            }
        )
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
    lines.sort(key=lambda ln: (ln["date"] or "", ln["event_id"]))
    return {
        "kind": "dyad",
        "target": f"{a}-{b}",
        "since": since,
        "until": until,
        "period": by,
        "events": sum(p["events"] for p in points),
        "articles": len(texts),
        "series": points,
        "top_issues": [{"issue": k, "label": labels[k], "sentences": n} for k, n in issues.most_common(TOP)],
        "quotes": key_quotes(quotes, texts, limit=TOP),
        "timeline": lines[-40:],
    }
