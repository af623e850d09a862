"""The brief of one article (or story): main event, planned meetings, agenda, quotes, upcoming
events, background; every line built from stored facts, with its evidence."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from tidings.briefs.evidence import actor_name, event_line, evidence, key_quotes
from tidings.errors import UsageError
from tidings.facts.issues.stage import ARTICLE_THRESHOLD
from tidings.store import reads
from tidings.store.sqlite import Store

BACKGROUND_LIMIT = 12
HEDGES = ("possibly", "perhaps", "maybe", "might", "could")


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
    """The article's main event as the event coder flagged it (:func:`tidings.store.reads.main_events`)."""
    main = reads.main_events(af.by_kind["events"])
    return event_line(main[0], af.text) if main else None


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
        if not counterparts and e.get("target") and actor_name(e["target"]) not in places:
            counterparts.append(
                {
                    "name": actor_name(e["target"]),
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
        line = event_line(e, af.text)
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
    line["text"] = f"{actor_name(line.get('source'))} plans to meet " + "; ".join(parts)


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
        key = (e.get("date"), e.get("plover_event"), actor_name(e.get("source")), actor_name(e.get("target")))
        if key in seen:
            continue
        seen.add(key)
        lines.append(event_line(e, af.text))
    return lines[:BACKGROUND_LIMIT]


def article_brief(store: Store, article_id: str) -> dict[str, Any]:
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
