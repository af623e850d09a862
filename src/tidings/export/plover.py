"""PLOVER export in POLECAT's published field names: one record per stored event (every
factuality, labelled), as JSON lines or as POLECAT's tab-separated layout.

POLECAT (the PLOVER-coded successor of ICEWS, published weekly on Harvard Dataverse) names its
columns ``Event ID``, ``Event Date``, ``Event Type``, ... ``Version`` (:data:`POLECAT_FIELDS`, in
its order). Each record carries those fields first, then tidings' own fields in lower case
(factuality, CAMEO code, offsets into the article, the actor lists of compound events, the
cluster counts), so a POLECAT reader finds its columns and nothing of ours is lost. The
mapping, field by field, is in the README ("PLOVER / POLECAT"). Fields we cannot fill (COW
codes, Wikipedia ids) are null, never guessed.

``Contexts`` are PLOVER context labels from two places: the published CAMEO-to-PLOVER table
(a CAMEO code's context, e.g. 030 -> diplomatic) and the issues tidings tagged on the event's
sentence, mapped by :data:`ISSUE_CONTEXTS`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.export.events import ArticleFacts, roles
from tidings.export.geo import GeoCoder
from tidings.export.tables import atomic_writer
from tidings.facts.times.calendar import value_start
from tidings.store.clusters import NO_CLUSTER, events_with_clusters
from tidings.store.event_index import source_site
from tidings.version import tidings_version

POLECAT_FIELDS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)  # fmt: skip
QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}
# The PLOVER manual's context labels (2021); the CAMEO table also has older names, left out.
PLOVER_CONTEXTS = frozenset([
    "military", "intelligence", "executive", "legislative", "election", "political_institutions", "pro_democracy",
    "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms", "repression",
    "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping",
    "health", "asylum", "migration", "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn",
    "cyber", "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
])  # fmt: skip
# tidings issue (data/issues/issues.toml) -> PLOVER context; issues with no clear context are absent.
ISSUE_CONTEXTS = {
    "taiwan": "territory", "south_china_sea": "territory", "human_rights": "human_rights",
    "hong_kong": "rights_freedoms", "russia_ukraine_war": "military", "military_conflict": "military",
    "military_alliances": "military", "trade_tariffs": "economic", "sanctions": "economic", "economy": "economic",
    "cyber_attacks": "cyber", "surveillance_espionage": "intelligence", "nuclear_weapons": "cbrn",
    "climate": "environment", "energy": "natural_resource", "migration": "migration", "elections": "election",
    "terrorism": "terrorism", "health": "health", "technology": "technology", "agriculture_food": "human_security",
    "diplomacy": "diplomatic", "crime_justice": "crime",
}  # fmt: skip
PERSON_KINDS, ORG_KINDS, PLACE_KINDS = {"PERSON"}, {"ORG"}, {"GPE", "LOC", "FAC"}


def _events_data(name: str) -> str:
    return resources.files("tidings.data.events").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=1)
def cameo_contexts() -> Mapping[str, tuple[str, ...]]:
    """CAMEO code -> PLOVER contexts, from the published CAMEO2PLOVER table (current labels only)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in csv.DictReader(_events_data("cameo_to_plover_2021.csv").splitlines()):
        found = tuple(c for c in (row["plover_context"] or "").split(";") if c in PLOVER_CONTEXTS)
        if found:
            out[row["cameo_code"]] = found
    return out


@lru_cache(maxsize=1)
def intensities() -> Mapping[tuple[str, str | None], float]:
    """(event type, mode or None) -> PLOVER score, POLECAT's Event Intensity."""
    out: dict[tuple[str, str | None], float] = {}
    for row in csv.DictReader(_events_data("plover_event_types.csv").splitlines()):
        out[row["plover_event"], None] = float(row["plover_score"])
    for row in csv.DictReader(_events_data("plover_modes.csv").splitlines()):
        if row["plover_score"]:  # a mode the manual gives no score of its own scores as its type
            out[row["plover_event"], row["mode"]] = float(row["plover_score"])
    return out


def _intensity(event: Mapping[str, Any]) -> float | None:
    kind = event.get("plover_event")
    if not kind:
        return None
    table = intensities()
    return table.get((kind, event.get("plover_mode")), table.get((kind, None)))


def contexts(event: Mapping[str, Any], issues: list[dict[str, Any]]) -> list[str]:
    found: dict[str, None] = {}
    code = event.get("cameo_code") or ""
    for context in cameo_contexts().get(code, ()):
        found[context] = None
    span = (event.get("sentence_start"), event.get("sentence_end"))
    for issue in issues:
        same_sentence = (issue.get("sentence_start"), issue.get("sentence_end")) == span
        linked = issue.get("event_id") == event["id"] or same_sentence
        mapped = ISSUE_CONTEXTS.get(issue.get("issue") or "")
        if linked and mapped:
            found[mapped] = None
    return list(found)


def _sectors(ref: Mapping[str, Any]) -> list[str]:
    """The 3-letter role segments of an actor code after its country ("CHNGOVMIL" -> GOV, MIL)."""
    code = ref.get("actor_code") or ""
    country = ref.get("country") or ""
    rest = code[len(country) :] if country and code.startswith(country) else code
    segments = [rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3]
    sector = ref.get("sector")
    return segments or ([sector] if sector else [])


def _actor(ref: Mapping[str, Any] | None, text: str, entities: Mapping[str, Mapping[str, Any]]) -> list[Any]:
    """Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia ID."""
    if not ref:
        return [None] * 8
    entity = entities.get(ref.get("entity_id") or "") or {}
    start, end = ref.get("start"), ref.get("end")
    raw = text[start:end] if start is not None and end is not None else ref.get("name")
    titles = [r.get("title") for r in entity.get("roles") or [] if r.get("title")]
    return [entity.get("name") or ref.get("name"), ref.get("country"), None, ref.get("sector"), _sectors(ref),
            titles[0] if titles else None, raw, None]  # fmt: skip


def _place(place: Mapping[str, Any] | None, geo: GeoCoder) -> list[Any]:
    """Placename, City, District, Province, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type."""
    if not place:
        return [None] * 10
    entry = geo.entry(place)
    feature = place.get("feature")
    region = (entry.name if feature == "adm1" else geo.region_name(entry)) if entry else place.get("admin1")
    return [
        place.get("name"),
        place.get("name") if feature in ("city", "capital") else None,
        place.get("name") if feature == "adm2" else None,
        region or None,
        geo.country_name(entry.cc) if entry and entry.cc else place.get("country"),
        place.get("lat"),
        place.get("lon"),
        place.get("geonameid"),
        place.get("text"),
        entry.fcode if entry else None,
    ]


def _story(entities: list[dict[str, Any]], kinds: set[str]) -> list[str]:
    return list(dict.fromkeys(e["name"] for e in entities if e.get("kind") in kinds and e.get("named", True)))


def _ref(ref: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("name", "start", "end", "entity_id", "actor_code", "country", "sector", "basis")
    return {k: ref.get(k) for k in keys}


def plover_record(event: dict[str, Any], facts: ArticleFacts, geo: GeoCoder, cluster: Any = None) -> dict[str, Any]:
    """One event in POLECAT's field names, then tidings' own fields."""
    aid = event["article_id"]
    meta, text = facts.meta(aid), facts.text(aid)
    entities = facts.entities(aid)
    by_id = {e["id"]: e for e in entities}
    day = value_start(event.get("date")) or value_start((meta.get("published") or "")[:10])
    sources, targets = roles(event)
    place = event.get("place") or None
    values = [
        event["id"],
        day.isoformat() if day else None,
        event.get("plover_event"),
        event.get("plover_mode"),
        _intensity(event),
        QUAD_NAMES.get(event.get("quad_class") or 0),
        contexts(event, facts.issues(aid)),
        *_actor(event.get("source") or (sources[0] if sources else None), text, by_id),
        *_actor(event.get("target") or (targets[0] if targets else None), text, by_id),
        *_place(place, geo),
        source_site(meta.get("site"), meta.get("url"), meta.get("source")),
        meta.get("published"),
        _story(entities, PERSON_KINDS),
        _story(entities, ORG_KINDS),
        _story(entities, PLACE_KINDS),
        meta.get("language"),
        f"tidings {tidings_version()}",
    ]
    record = dict(zip(POLECAT_FIELDS, values, strict=True))
    record.update(
        {
            "factuality": event.get("factuality"),
            "historical": event.get("historical"),
            "cameo_code": event.get("cameo_code"),
            "goldstein": event.get("goldstein"),
            "date": event.get("date"),
            "date_precision": event.get("date_precision"),
            "trigger": {"text": event.get("trigger"), "start": event.get("start"), "end": event.get("end")},
            "actors": [_ref(a) for a in sources],
            "recipients": [_ref(a) for a in targets],
            "place": None if not place else {k: place.get(k) for k in ("text", "start", "end")},
            "sentence": event.get("sentence"),
            "sentence_start": event.get("sentence_start"),
            "sentence_end": event.get("sentence_end"),
            "article_id": aid,
            "url": meta.get("url"),
            "confidence": event.get("confidence"),
            "coder": event.get("stage"),
            "rule": event.get("rule"),
            **(cluster.counts() if cluster else NO_CLUSTER),
        }
    )
    return record


def plover_records(store: Any, min_confidence: float = 0.0) -> Iterator[dict[str, Any]]:
    facts, geo = ArticleFacts(store), GeoCoder()
    for event, cluster in events_with_clusters(store.conn):
        if float(event.get("confidence") or 0.0) >= min_confidence:
            yield plover_record(event, facts, geo, cluster)


def export_plover(store: Any, output: Path, min_confidence: float = 0.0) -> int:
    """JSON lines: POLECAT's fields, then tidings' own."""
    n = 0
    with atomic_writer(output) as fh:
        for record in plover_records(store, min_confidence):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(str(v) for v in value)  # POLECAT's list separator (Contexts, Sectors, Story *)
    return str(value).replace("\t", " ").replace("\n", " ")


def export_polecat(store: Any, output: Path, min_confidence: float = 0.0) -> int:
    """POLECAT's own layout: a header of its 40 field names, then one tab-separated row per event."""
    n = 0
    with atomic_writer(output) as fh:
        fh.write("\t".join(POLECAT_FIELDS) + "\n")
        for record in plover_records(store, min_confidence):
            fh.write("\t".join(_cell(record[f]) for f in POLECAT_FIELDS) + "\n")
            n += 1
    return n
