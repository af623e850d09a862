"""The API's listable resources: which filters and sorts each one accepts.

Text equality filters on names use ``COLLATE NOCASE`` (ASCII case folding, as SQLite
does it). Facts live as JSON in ``facts.data``; events are filtered on the narrow,
indexed ``event_index`` table.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tidings.store.event_index import dyad_key
from tidings.web.filters import Filter, Resource, fts_bind


def _jx(path: str, alias: str = "f") -> str:
    return f"json_extract({alias}.data, '$.{path}')"


def _article_row(r: Sequence[Any]) -> dict[str, Any]:
    names = ("id", "title", "published", "site", "url", "source", "story_id", "language", "chars")
    return dict(zip(names, r[: len(names)], strict=True))


def _fact_row(r: Sequence[Any]) -> dict[str, Any]:
    row: dict[str, Any] = json.loads(r[0])
    return row


ARTICLE_DAY_OF_FACT = "(SELECT substr(x.published, 1, 10) FROM articles x WHERE x.id = f.article_id)"
POSITION = "f.article_id || ':' || printf('%010d', f.start)"

ARTICLES = Resource(
    name="articles",
    source="articles a",
    columns="a.id, a.title, a.published, a.site, a.url, a.source, a.story_id, a.language, length(a.text)",
    id_sql="a.id",
    filters={
        "q": Filter(
            "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
            "text",
            "full-text search over title and text: every word must occur",
            bind=fts_bind,
        ),
        # on the raw column, so the published index serves ranges; the same as comparing
        # the first 10 characters: "2023-06-30T09:00" <= "2023-06-30" + U+10FFFF
        "date_from": Filter("a.published >= ?", "date", "published on or after this day"),
        "date_to": Filter(
            "a.published <= ?", "date", "published on or before this day", bind=lambda v: (v + "\U0010ffff",)
        ),
        "site": Filter("a.site = ?", "text", "site name"),
        "story": Filter("a.story_id = ?", "text", "story (cluster of copies) id"),
        "actor": Filter(
            "EXISTS (SELECT 1 FROM facts f WHERE f.article_id = a.id AND f.kind = 'entities'"
            f" AND {_jx('name')} = ? COLLATE NOCASE)",
            "text",
            "an entity with this canonical name",
        ),
        "country": Filter(
            "EXISTS (SELECT 1 FROM event_index e WHERE e.article_id = a.id"
            " AND (e.source_country = ? OR e.target_country = ?))"
            " OR EXISTS (SELECT 1 FROM facts f WHERE f.article_id = a.id AND f.kind = 'entities'"
            f" AND {_jx('country')} = ?)",
            "code",
            "ISO3 country of an entity, or of an event's source or target",
        ),
        "theme": Filter(
            f"EXISTS (SELECT 1 FROM facts f WHERE f.article_id = a.id AND f.kind = 'issues' AND {_jx('issue')} = ?)",
            "text",
            "an issue/theme tagged in the article",
        ),
        "event_type": Filter(
            "EXISTS (SELECT 1 FROM event_index e WHERE e.article_id = a.id"
            " AND (e.cameo_root = ? OR e.plover_event = ? COLLATE NOCASE))",
            "text",
            "an event with this CAMEO root (e.g. 04) or PLOVER type (e.g. CONSULT)",
        ),
    },
    sorts={
        "published": "COALESCE(a.published, '')",
        "title": "COALESCE(a.title, '')",
        "id": "a.id",
        "chars": "length(a.text)",
    },
    default_sort="published",
    default_order="desc",
    row=_article_row,
)

_FACT_COMMON = {
    "article_id": Filter("f.article_id = ?", "text", "article id"),
    "date_from": Filter(f"{ARTICLE_DAY_OF_FACT} >= ?", "date", "article published on or after this day"),
    "date_to": Filter(f"{ARTICLE_DAY_OF_FACT} <= ?", "date", "article published on or before this day"),
    "min_confidence": Filter(f"{_jx('confidence')} >= ?", "float", "confidence at least this"),
}
_FACT_SORTS = {"position": POSITION, "id": "f.id", "confidence": f"COALESCE({_jx('confidence')}, 0)"}

ENTITIES = Resource(
    name="entities",
    source="facts f",
    where="f.kind = 'entities'",
    columns="f.data",
    id_sql="f.id",
    filters={
        **_FACT_COMMON,
        "name": Filter(f"{_jx('name')} = ? COLLATE NOCASE", "text", "canonical name"),
        "kind": Filter(f"{_jx('kind')} = ?", "text", "entity kind (PERSON, ORG, GPE, ...)"),
        "country": Filter(f"{_jx('country')} = ?", "code", "ISO3 country"),
        "actor_code": Filter(f"{_jx('actor_code')} = ?", "code", "CAMEO actor code"),
    },
    sorts={**_FACT_SORTS, "name": f"COALESCE({_jx('name')}, '')"},
    default_sort="position",
    row=_fact_row,
)

QUOTES = Resource(
    name="quotes",
    source="facts f",
    where="f.kind = 'quotes'",
    columns="f.data",
    id_sql="f.id",
    filters={
        **_FACT_COMMON,
        "speaker": Filter(f"{_jx('speaker.name')} = ? COLLATE NOCASE", "text", "speaker's name"),
        "speaker_entity": Filter(f"{_jx('speaker.entity_id')} = ?", "text", "speaker's entity id"),
        "kind": Filter(f"{_jx('kind')} = ?", "text", "direct, mixed or indirect"),
        "contains": Filter(f"instr({_jx('text')}, ?) > 0", "text", "quote text contains (case-sensitive)"),
    },
    sorts=_FACT_SORTS,
    default_sort="position",
    row=_fact_row,
)

EVENTS = Resource(
    name="events",
    source="event_index e JOIN facts f ON f.id = e.id",
    columns="f.data",
    id_sql="e.id",
    filters={
        "article_id": Filter("e.article_id = ?", "text", "article id"),
        "dyad": Filter(
            "e.dyad = ?",
            "dyad",
            "countries A-B in either direction, e.g. USA-CHN",
            bind=lambda v: (dyad_key(v[0], v[1]),),
        ),
        "source_country": Filter("e.source_country = ?", "code", "ISO3 country of the source actor"),
        "target_country": Filter("e.target_country = ?", "code", "ISO3 country of the target actor"),
        "actor": Filter(
            "e.source_name = ? COLLATE NOCASE OR e.target_name = ? COLLATE NOCASE",
            "text",
            "source or target actor name",
        ),
        "actor_entity": Filter("e.source_entity = ? OR e.target_entity = ?", "text", "source or target entity id"),
        "quad_class": Filter(
            "e.quad_class = ?",
            "quad",
            "1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict",
        ),
        "cameo_root": Filter("e.cameo_root = ?", "text", "two-digit CAMEO root code"),
        "plover_event": Filter("e.plover_event = ? COLLATE NOCASE", "text", "PLOVER event type"),
        "factuality": Filter("e.factuality = ?", "text", "asserted, planned, hypothetical, negated, alleged"),
        "date_from": Filter("e.date >= ?", "date", "event day on or after"),
        "date_to": Filter("e.date <= ?", "date", "event day on or before"),
        "min_goldstein": Filter("e.goldstein >= ?", "float", "Goldstein score at least"),
        "max_goldstein": Filter("e.goldstein <= ?", "float", "Goldstein score at most"),
    },
    sorts={
        "date": "COALESCE(e.date, '')",
        "goldstein": "COALESCE(e.goldstein, -100)",
        "id": "e.id",
        "position": POSITION,
    },
    default_sort="date",
    row=_fact_row,
)

THEMES = Resource(
    name="themes",
    source="facts f",
    where="f.kind = 'issues'",
    columns="f.data",
    id_sql="f.id",
    filters={
        **_FACT_COMMON,
        "issue": Filter(f"{_jx('issue')} = ?", "text", "issue code"),
        "on_agenda": Filter(f"{_jx('on_agenda')} = ?", "bool", "raised as an agenda item"),
        "min_score": Filter(f"{_jx('score')} >= ?", "float", "score at least"),
    },
    sorts={**_FACT_SORTS, "score": f"COALESCE({_jx('score')}, 0)"},
    default_sort="position",
    row=_fact_row,
)

RESOURCES: dict[str, Resource] = {r.name: r for r in (ARTICLES, ENTITIES, QUOTES, EVENTS, THEMES)}
