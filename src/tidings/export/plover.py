"""POLECAT-style PLOVER export: one JSON record per event (every factuality, labelled), actor
lists by role, offsets into the article, and the event's cluster counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tidings.export.events import article_meta, roles
from tidings.export.tables import atomic_writer
from tidings.store.clusters import NO_CLUSTER, ClusterStats, events_with_clusters


def plover_record(
    event: dict[str, Any], article: dict[str, Any], cluster: ClusterStats | None = None
) -> dict[str, Any]:
    def actor(ref: dict[str, Any] | None) -> dict[str, Any] | None:
        if not ref:
            return None
        return {
            "text": ref.get("name"),
            "start": ref.get("start"),
            "end": ref.get("end"),
            "entity_id": ref.get("entity_id"),
            "code": ref.get("actor_code"),
            "country": ref.get("country"),
            "sector": ref.get("sector"),
        }

    sources, targets = roles(event)
    place = event.get("place") or None
    return {
        "id": event["id"],
        "event_type": event.get("plover_event"),
        "mode": event.get("plover_mode"),
        "cameo_code": event.get("cameo_code"),
        "goldstein": event.get("goldstein"),
        "quad_class": event.get("quad_class"),
        "factuality": event.get("factuality"),
        "historical": event.get("historical"),
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "attributes": {
            "ACTOR": [a for a in map(actor, sources) if a],
            "RECIP": [a for a in map(actor, targets) if a],
            "LOC": [
                {
                    "text": place.get("text") or place.get("name"),
                    "start": place.get("start"),
                    "end": place.get("end"),
                    "name": place.get("name"),
                    "country": place.get("country"),
                    "lat": place.get("lat"),
                    "lon": place.get("lon"),
                    "geonameid": place.get("geonameid"),
                }
            ]
            if place
            else [],
            "TRIGGER": [{"text": event.get("trigger"), "start": event.get("start"), "end": event.get("end")}],
        },
        "sentence": event.get("sentence"),
        "sentence_start": event.get("sentence_start"),
        "sentence_end": event.get("sentence_end"),
        "article_id": event.get("article_id"),
        "url": article.get("url"),
        "published": article.get("published"),
        "confidence": event.get("confidence"),
        "coder": event.get("stage"),
        "rule": event.get("rule"),
        **(cluster.counts() if cluster else NO_CLUSTER),
    }


def export_plover(store: Any, output: Path) -> int:
    meta = article_meta(store)
    n = 0
    with atomic_writer(output) as fh:
        for event, cluster in events_with_clusters(store.conn):
            record = plover_record(event, meta.get(event["article_id"], {}), cluster)
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
