"""Answer "what's going on?" from stored facts: briefs for an article, a story, an actor or
a pair of countries. Every line is built from extracted facts (events, quotes, times,
places, issues) and carries its evidence: article id and character offsets. Nothing is
written that is not in a stored fact or the words it points at.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from tidings.errors import UsageError
from tidings.store.sqlite import Store

BACKGROUND_LIMIT = 12
QUOTE_LIMIT = 10
HEDGES = ("possibly", "perhaps", "maybe", "might", "could")
QUOTE_MARKS = "“”\"'‘’ "


def evidence(article_id: str, start: int, end: int, text: str) -> dict[str, Any]:
    return {"article_id": article_id, "start": start, "end": end, "text": text[start:end]}


def _actor(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "someone"
    return str(ref.get("name") or ref.get("actor_code") or "someone")


def _when(value: str | None, precision: str | None) -> str:
    return f" on {value}" if value and precision == "day" else (f" in {value}" if value else "")


def _event_line(e: dict[str, Any], text: str) -> dict[str, Any]:
    place = e.get("place") or {}
    where = f" ({place.get('name')}, {place.get('country')})" if place.get("name") else ""
    target = f" {_actor(e['target'])}" if e.get("target") else ""
    code = f"{e.get('plover_event') or '?'}" + (f"/{e['plover_mode']}" if e.get("plover_mode") else "")
    line = (
        f"{_actor(e.get('source'))} — {e['trigger']}{target}{_when(e.get('date'), e.get('date_precision'))}"
        f"{where} [{code}, CAMEO {e.get('cameo_code')}, {e.get('factuality')}]"
    )
    return {
        "text": line,
        "event_id": e["id"],
        "date": e.get("date"),
        "plover_event": e.get("plover_event"),
        "cameo_code": e.get("cameo_code"),
        "factuality": e.get("factuality"),
        "source": e.get("source"),
        "target": e.get("target"),
        "place": place.get("name"),
        "evidence": [evidence(e["article_id"], e["sentence_start"], e["sentence_end"], text)],
    }


class ArticleFacts:
    """Every stored fact of one article, grouped by kind."""

    def __init__(self, store: Store, article_id: str) -> None:
        article = store.article(article_id)
        if article is None:
            raise UsageError(f"no article {article_id!r}", code="T210")
        self.article = article
        self.text = article.text
        self.by_kind = {
            k: list(store.facts(k, article.id))
            for k in ("events", "quotes", "times", "places", "issues", "entities", "mentions")
        }

    def entity(self, entity_id: str | None) -> dict[str, Any] | None:
        return next((e for e in self.by_kind["entities"] if e["id"] == entity_id), None) if entity_id else None

    def in_span(self, kind: str, start: int, end: int) -> list[dict[str, Any]]:
        return [f for f in self.by_kind[kind] if start <= f["start"] and f["end"] <= end]


def main_event(af: ArticleFacts) -> dict[str, Any] | None:
    """The first asserted, current (not historical) event; meetings and visits first."""
    current = [e for e in af.by_kind["events"] if e["factuality"] == "asserted" and not e["historical"]]
    visits = [e for e in current if e.get("plover_event") == "CONSULT"]
    pool = visits or current
    return _event_line(min(pool, key=lambda e: e["start"]), af.text) if pool else None


def planned_meetings(af: ArticleFacts) -> list[dict[str, Any]]:
    """Planned or possible meetings, with each named counterpart and the date said for them;
    events coded from one sentence are one meeting line."""
    out: list[dict[str, Any]] = []
    by_sentence: dict[int, dict[str, Any]] = {}
    for e in af.by_kind["events"]:
        if e.get("plover_event") != "CONSULT" or e["factuality"] not in ("planned", "hypothetical"):
            continue
        if e["historical"]:
            continue
        s0, s1 = e["sentence_start"], e["sentence_end"]
        source_entity = (e.get("source") or {}).get("entity_id")
        people = [m for m in af.in_span("entities", e["end"], s1) if m["kind"] == "PERSON" and m["id"] != source_entity]
        people = [p for p in people if p["start"] >= e["end"]]
        times = [t for t in af.in_span("times", s0, s1) if t["kind"] == "date"]
        counterparts = []
        for p in sorted(people, key=lambda x: x["start"]):
            nxt = min((t for t in times if t["start"] >= p["end"]), key=lambda t: t["start"], default=None)
            before = af.text[max(s0, p["start"] - 40) : p["start"]].lower()
            role = next((r["title"] for r in p.get("roles") or []), None)
            counterparts.append(
                {
                    "name": p["name"],
                    "role": role,
                    "actor_code": p.get("actor_code"),
                    "date": nxt["value"] if nxt else e.get("date"),
                    "date_text": nxt["text"] if nxt else None,
                    "possibly": any(h in before.split() for h in HEDGES),
                    "evidence": [evidence(af.article.id, p["start"], p["end"], af.text)],
                }
            )
        places = {p["name"] for p in af.in_span("places", s0, s1) if not p.get("metonym")}
        if not counterparts and e.get("target") and _actor(e["target"]) not in places:
            counterparts.append(
                {
                    "name": _actor(e["target"]),
                    "role": None,
                    "actor_code": e["target"].get("actor_code"),
                    "date": e.get("date"),
                    "date_text": None,
                    "possibly": e["factuality"] == "hypothetical",
                    "evidence": [],
                }
            )
        if not counterparts:
            continue  # a meeting with no one named is not a planned meeting to report
        if s0 in by_sentence:  # another event of the same sentence: add who is new
            known = {c["name"] for c in by_sentence[s0]["with"]}
            by_sentence[s0]["with"] += [c for c in counterparts if c["name"] not in known]
            _meeting_text(by_sentence[s0])
            continue
        line = _event_line(e, af.text)
        line["with"] = counterparts
        _meeting_text(line)
        by_sentence[s0] = line
        out.append(line)
    return out


def _meeting_text(line: dict[str, Any]) -> None:
    parts = [
        f"{'possibly ' if c['possibly'] else ''}{c['name']}"
        + (f" ({c['role']})" if c["role"] else "")
        + (f" on {c['date']}" if c["date"] else "")
        for c in line["with"]
    ]
    line["text"] = f"{_actor(line.get('source'))} plans to meet " + "; ".join(parts)


def agenda(af: ArticleFacts) -> dict[str, Any]:
    tags = [t for t in af.by_kind["issues"] if t.get("on_agenda")]
    issues: dict[str, str] = {}
    for t in sorted(tags, key=lambda t: t["start"]):
        issues.setdefault(t["issue"], t["label"])
    event_ids = sorted({t["event_id"] for t in tags if t.get("event_id")})
    sentences = sorted({(t["sentence_start"], t["sentence_end"]) for t in tags})
    return {
        "issues": [{"issue": k, "label": v} for k, v in issues.items()],
        "event_id": event_ids[0] if event_ids else None,
        "text": ("On the agenda: " + ", ".join(issues.values()) + ".") if issues else "No agenda was stated.",
        "evidence": [evidence(af.article.id, s, e, af.text) for s, e in sentences]
        + [evidence(af.article.id, t["start"], t["end"], af.text) for t in tags],
    }


def key_quotes(
    quotes: Iterable[dict[str, Any]], text_of: dict[str, str], limit: int = QUOTE_LIMIT
) -> list[dict[str, Any]]:
    """Direct and mixed quotes with a named speaker, in text order: every speaker's first
    quote, then second quotes while there is room."""
    named = [
        q
        for q in sorted(quotes, key=lambda q: (q["article_id"], q["start"]))
        if (q.get("speaker") or {}).get("name") and q["kind"] in ("direct", "mixed")
    ]
    rank: Counter[str] = Counter()
    ranked = []
    for q in named:
        rank[q["speaker"]["name"]] += 1
        ranked.append((rank[q["speaker"]["name"]], q))
    chosen = sorted(
        (q for r, q in ranked if r <= 2),
        key=lambda q: (next(r for r, x in ranked if x is q), q["article_id"], q["start"]),
    )[:limit]
    out = []
    for q in sorted(chosen, key=lambda q: (q["article_id"], q["start"])):
        name = q["speaker"]["name"]
        words = q["text"].strip() if q["kind"] == "mixed" else f"“{q['text'].strip(QUOTE_MARKS)}”"
        out.append(
            {
                "text": f"{name}: {words}",
                "speaker": q["speaker"],
                "quote": q["text"],
                "kind": q["kind"],
                "evidence": [evidence(q["article_id"], q["start"], q["end"], text_of[q["article_id"]])],
            }
        )
    return out


def upcoming(af: ArticleFacts) -> list[dict[str, Any]]:
    """Dated happenings after the publication date: a named event/organisation, the date said
    for it and the place named with it, all from one sentence."""
    published = (af.article.published or "")[:10]
    out = []
    for t in af.by_kind["times"]:
        if t["kind"] != "date" or not t.get("value") or t.get("precision") not in ("day", "month"):
            continue
        if not published or t["value"] <= published[: len(t["value"])]:
            continue
        sent = next((s for s in _sentences(af) if s[0] <= t["start"] < s[1]), None)
        if sent is None:
            continue
        names = [m for m in af.in_span("mentions", sent[0], t["start"]) if m["label"] in ("EVENT", "ORG")]
        if not names:
            continue
        name = max(names, key=lambda m: m["start"])
        what = af.text[name["start"] : t["start"]].strip().removesuffix(" in").removesuffix(" on").strip(" ,")
        places = [p for p in af.in_span("places", t["end"], sent[1]) if not p.get("metonym")]
        place = min(places, key=lambda p: p["start"]) if places else None
        where = f" in {place['name']}" if place else ""
        out.append(
            {
                "text": f"{what}: {t['value']}{where}",
                "what": what,
                "date": t["value"],
                "place": place["name"] if place else None,
                "country": place.get("country") if place else None,
                "evidence": [evidence(af.article.id, name["start"], t["end"], af.text)]
                + ([evidence(af.article.id, place["start"], place["end"], af.text)] if place else []),
            }
        )
    return out


def _sentences(af: ArticleFacts) -> list[tuple[int, int]]:
    spans = {(e["sentence_start"], e["sentence_end"]) for e in af.by_kind["events"]}
    spans |= {(q["sentence_start"], q["sentence_end"]) for q in af.by_kind["quotes"]}
    spans |= {(t["sentence_start"], t["sentence_end"]) for t in af.by_kind["issues"]}
    return sorted(spans)


def background(af: ArticleFacts) -> list[dict[str, Any]]:
    """Earlier events, oldest first, one line per (date, type, dyad)."""
    seen: set[tuple[Any, ...]] = set()
    lines = []
    events = [e for e in af.by_kind["events"] if e["historical"] and e["factuality"] != "negated"]
    for e in sorted(events, key=lambda e: (e.get("date") or "", e["start"])):
        key = (e.get("date"), e.get("plover_event"), _actor(e.get("source")), _actor(e.get("target")))
        if key in seen:
            continue
        seen.add(key)
        lines.append(_event_line(e, af.text))
    return lines[:BACKGROUND_LIMIT]


def article_brief(store: Store, article_id: str) -> dict[str, Any]:
    from tidings.facts.issues import ARTICLE_THRESHOLD

    af = ArticleFacts(store, article_id)
    totals: dict[str, float] = defaultdict(float)
    labels: dict[str, str] = {}
    for t in af.by_kind["issues"]:
        totals[t["issue"]] += t["score"]
        labels[t["issue"]] = t["label"]
    themes = [
        {"issue": k, "label": labels[k], "score": round(v, 2)}
        for k, v in sorted(totals.items(), key=lambda kv: -kv[1])
        if v >= ARTICLE_THRESHOLD
    ]
    a = af.article
    return {
        "kind": "article",
        "target": a.id,
        "title": a.title,
        "published": a.published,
        "url": a.url,
        "main_event": main_event(af),
        "planned_meetings": planned_meetings(af),
        "agenda": agenda(af),
        "quotes": key_quotes(af.by_kind["quotes"], {a.id: a.text}),
        "upcoming": upcoming(af),
        "background": background(af),
        "themes": themes,
    }


def build_brief(store: Store, target: str, *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """``target``: an article id, ``story:ID``, ``actor:NAME`` or ``dyad:AAA-BBB``."""
    kind, _, value = target.partition(":")
    if not value:
        return article_brief(store, target)
    if kind == "story":
        rows = store.conn.execute(
            "SELECT id, site, url, title, published FROM articles WHERE story_id=? ORDER BY published, id",
            (value,),
        ).fetchall()
        if not rows:
            raise UsageError(f"no story {value!r}", code="T211")
        brief = article_brief(store, rows[0][0])
        brief.update(
            kind="story",
            target=value,
            copies=[{"article_id": r[0], "site": r[1], "url": r[2], "title": r[3], "published": r[4]} for r in rows],
        )
        return brief
    if kind == "dyad":
        from tidings.brief_dyad import dyad_brief

        return dyad_brief(store, value, since=since, until=until)
    if kind == "actor":
        from tidings.brief_dyad import actor_brief

        return actor_brief(store, value, since=since, until=until)
    raise UsageError(f"unknown brief target {target!r}: use ID, story:ID, actor:NAME or dyad:AAA-BBB", code="T212")


def to_json(brief: dict[str, Any]) -> str:
    return json.dumps(brief, ensure_ascii=False, indent=2)
