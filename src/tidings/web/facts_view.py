"""What the article page shows about each fact: its highlight marks and a detail panel
(what it says, plus provenance: stage, version, confidence, offsets)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from tidings.web.filters import QueryError
from tidings.web.highlight import Mark
from tidings.web.labels import Labels

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
KIND_TITLES = {
    "quotes": "Quote",
    "events": "Event",
    "entities": "Entity",
    "times": "Time",
    "places": "Place",
    "mentions": "Mention",
    "issues": "Issue",
}


@dataclass(frozen=True, slots=True)
class Detail:
    label: str
    value: str
    href: str | None = None  # internal links only (built here from ids, never from data URLs)


@dataclass(frozen=True, slots=True)
class Panel:
    id: str
    kind: str
    title: str
    words: str
    details: tuple[Detail, ...]
    provenance: tuple[Detail, ...] = field(default=())


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def evidence_span(raw: str | None, length: int) -> tuple[int, int] | None:
    """``START-END`` of the words a link points at (a brief's evidence), inside the text."""
    if not raw:
        return None
    start, sep, end = raw.partition("-")
    if not (sep and start.isdigit() and end.isdigit()) or len(raw) > 24:
        raise QueryError("span: START-END character offsets")
    lo, hi = int(start), int(end)
    return (lo, hi) if 0 <= lo < hi <= length else None


def article_marks(facts: Mapping[str, Sequence[Mapping[str, Any]]], span: tuple[int, int] | None = None) -> list[Mark]:
    marks: set[Mark] = set()
    if span is not None:
        marks.add(Mark(span[0], span[1], "evidence", "evidence"))
    entity_ids = {e.get("id") for e in facts.get("entities", ())}
    for kind in ("quotes", "events", "times", "places"):
        for f in facts.get(kind, ()):
            marks.add(Mark(_int(f.get("start")), _int(f.get("end")), kind, str(f.get("id"))))
    for e in facts.get("entities", ()):
        if not e.get("mentions") and e.get("credit"):
            continue  # named only in the dateline kept as metadata: nothing in the text to mark
        spans = e.get("mentions") or [{"start": e.get("start"), "end": e.get("end")}]
        for s in spans:
            marks.add(Mark(_int(s.get("start")), _int(s.get("end")), "entities", str(e.get("id"))))
    for m in facts.get("mentions", ()):
        target = m.get("entity_id")
        if target not in entity_ids:  # mentions of known entities are already marked as the entity
            marks.add(Mark(_int(m.get("start")), _int(m.get("end")), "entities", str(m.get("id"))))
    return sorted(marks, key=lambda m: (m.start, m.end, m.kind, m.fact_id))


def actor_href(ref: Mapping[str, Any] | None) -> str | None:
    if not ref:
        return None
    key = ref.get("entity_id") or ref.get("name")
    return f"/actors/{quote(str(key), safe='')}" if key else None


def _actor(label: str, ref: Mapping[str, Any] | None, labels: Labels | None = None) -> Detail | None:
    if not ref:
        return None
    bits = [str(ref.get("name") or "?")]
    extra = [str(ref["actor_code"])] if ref.get("actor_code") else []
    if ref.get("country"):
        extra.append(labels.country(ref["country"]) if labels else str(ref["country"]))
    if extra:
        bits.append(f"({', '.join(extra)})")
    return Detail(label, " ".join(bits), actor_href(ref))


def _d(label: str, value: Any) -> Detail | None:
    if value is None or value == "" or value == [] or value == ():
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return Detail(label, str(value))


def _details(kind: str, f: Mapping[str, Any], labels: Labels | None = None) -> list[Detail | None]:
    if kind == "quotes":
        return [
            _actor("Speaker", f.get("speaker"), labels),
            _d("Kind", f.get("kind")),
            _d("Cue", f.get("cue")),
            _actor("Reported by", f.get("reporter"), labels),
        ]
    if kind == "events":
        quad = f.get("quad_class")
        code = f.get("cameo_code")
        return [
            _actor("Source", f.get("source"), labels),
            _actor("Target", f.get("target"), labels),
            _d("CAMEO", f"{code} {labels.cameo(code)}" if code and labels else code),
            _d("PLOVER", " ".join(str(x) for x in (f.get("plover_event"), f.get("plover_mode")) if x) or None),
            _d("Goldstein", f.get("goldstein")),
            _d("QuadClass", f"{quad} ({QUAD_CLASSES.get(quad, '?')})" if quad else None),
            _d("Factuality", f.get("factuality")),
            _d("Date", f.get("date")),
            _d("Historical", "yes" if f.get("historical") else None),
            _d("Attribution", f.get("attribution")),
            _d("Sentence", f.get("sentence")),
            _d("Rule", f.get("rule")),
        ]
    if kind == "entities":
        roles = [r.get("title") for r in f.get("roles") or () if isinstance(r, Mapping)]
        return [
            Detail("Name", str(f.get("name") or "?"), actor_href({"entity_id": f.get("id")})),
            _d("Kind", f.get("kind")),
            _d("Aliases", f.get("aliases")),
            _d("Roles", roles),
            _d("Actor code", f.get("actor_code")),
            _d("Country", labels.country(f["country"]) if labels and f.get("country") else f.get("country")),
            _d("Sector", f.get("sector")),
            _d("Named in", "the dateline's credit" if f.get("credit") else None),
        ]
    if kind == "times":
        return [
            _d("Value", f.get("value")),
            _d("Precision", f.get("precision")),
            _d("Kind", f.get("kind")),
            _d("Direction", f.get("direction")),
        ]
    if kind == "places":
        return [
            _d("Name", f.get("name")),
            _d("Feature", f.get("feature")),
            _d("Country", f.get("country")),
            _d("Admin1", f.get("admin1")),
            _d("Coordinates", f"{f['lat']}, {f['lon']}" if f.get("lat") is not None else None),
            _d("GeoNames id", f.get("geonameid")),
            _d("Metonym", "yes" if f.get("metonym") else None),
        ]
    if kind == "issues":
        return [
            _d("Issue", f.get("issue")),
            _d("Label", f.get("label")),
            _d("Score", f.get("score")),
            _d("On the agenda", "yes" if f.get("on_agenda") else None),
            _d("Evidence", f.get("evidence")),
        ]
    return [_d("Label", f.get("label")), _d("Entity", f.get("entity_id"))]


def fact_panels(
    facts: Mapping[str, Sequence[Mapping[str, Any]]], text: str, version: str, labels: Labels | None = None
) -> list[Panel]:
    panels = []
    for kind, rows in facts.items():
        for f in rows:
            start, end = _int(f.get("start")), _int(f.get("end"))
            words = text[max(0, start) : max(0, end)] if 0 <= start <= end <= len(text) else ""
            title = KIND_TITLES.get(kind, kind)
            if kind == "quotes" and f.get("kind"):
                title += f" ({f['kind']})"
            if kind == "events" and (f.get("plover_event") or f.get("cameo_code")):
                what = f.get("plover_event") or f.get("cameo_code")
                title += f": {labels.plover_name(f['plover_event']) if labels and f.get('plover_event') else what}"
            provenance = [
                _d("Stage", f.get("stage")),
                _d("Article version", version),
                _d("Confidence", f.get("confidence")),
                _d("Offsets", f"[{start}, {end})"),
            ]
            panels.append(
                Panel(
                    str(f.get("id")),
                    kind,
                    title,
                    words or str(f.get("text") or f.get("name") or ""),
                    tuple(d for d in _details(kind, f, labels) if d),
                    tuple(d for d in provenance if d),
                )
            )
    return panels
