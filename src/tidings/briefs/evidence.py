"""What every brief line is made of: evidence (article id + offsets + the words) and the
line that states one event or one quote."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

QUOTE_LIMIT = 10
QUOTE_MARKS = "“”\"'‘’ "


def evidence(article_id: str, start: int, end: int, text: str) -> dict[str, Any]:
    return {"article_id": article_id, "start": start, "end": end, "text": text[start:end]}


def actor_name(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "someone"
    return str(ref.get("name") or ref.get("actor_code") or "someone")


def _when(value: str | None, precision: str | None) -> str:
    return f" on {value}" if value and precision == "day" else (f" in {value}" if value else "")


def event_line(e: dict[str, Any], text: str) -> dict[str, Any]:
    place = e.get("place") or {}
    where = f" ({place.get('name')}, {place.get('country')})" if place.get("name") else ""
    target = f" {actor_name(e['target'])}" if e.get("target") else ""
    code = f"{e.get('plover_event') or '?'}" + (f"/{e['plover_mode']}" if e.get("plover_mode") else "")
    line = (
        f"{actor_name(e.get('source'))} — {e['trigger']}{target}{_when(e.get('date'), e.get('date_precision'))}"
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


def _listable(q: dict[str, Any]) -> bool:
    """A direct or mixed quote with a named speaker: what the briefs list as a key quote."""
    return bool((q.get("speaker") or {}).get("name")) and q["kind"] in ("direct", "mixed")


def _reports_of_listed(listable: list[dict[str, Any]]) -> set[int]:
    """The ids (``id()``) of the quotes that hold another listable quote of their article. Sorted by
    article, start and longest first, what a quote holds comes after it and before the first quote
    starting past its end, so each quote scans only its own neighbourhood."""
    ordered = sorted(listable, key=lambda q: (q["article_id"], q["start"], -q["end"]))
    reports = set()
    for i, outer in enumerate(ordered):
        for q in ordered[i + 1 :]:
            if q["article_id"] != outer["article_id"] or q["start"] > outer["end"]:
                break
            if q["end"] <= outer["end"] and (q["start"], q["end"]) != (outer["start"], outer["end"]):
                reports.add(id(outer))
                break
    return reports


def key_quotes(
    quotes: Iterable[dict[str, Any]], text_of: dict[str, str], limit: int = QUOTE_LIMIT
) -> list[dict[str, Any]]:
    """Direct and mixed quotes with a named speaker, in text order: every speaker's first
    quote, then second quotes while there is room. A report of a report ("China said Qin urged
    ... “...”") is left out when the quote it holds is listed: the quoted words are shown once,
    with their own speaker (the quote itself keeps the reporter)."""
    listable = sorted((q for q in quotes if _listable(q)), key=lambda q: (q["article_id"], q["start"]))
    reports = _reports_of_listed(listable)
    named = [q for q in listable if id(q) not in reports]
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
