"""The store as other tools see it: plain-column views per fact kind and an FTS table that
datasette recognises.

Facts are stored as JSON (one row per fact in ``facts``); the views below flatten each kind
into plain columns, so ``sqlite3``, datasette and DuckDB users filter and join without JSON
functions (``SELECT * FROM events_v WHERE source_country = 'CHN'``). Lists (aliases, roles,
an event's compound actors) become ``'; '``-joined text. The views are created by migration
``0008_tools`` and read the JSON of the current rows, so they never go stale.

The first FTS5 declaration quoted its content table in single quotes (``content='articles'``):
SQLite accepts it, but datasette finds a table's full-text index by the double-quoted or
bracketed form only. ``FTS_FOR_TOOLS`` declares it again with double quotes and rebuilds it
from ``articles`` (an external-content index holds no text of its own, so nothing is lost).
"""

from __future__ import annotations

FTS_FOR_TOOLS = """
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content="articles", content_rowid="rowid", tokenize="unicode61"
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
"""


def _text(path: str) -> str:
    return f"json_extract(f.data, '$.{path}')"


def _joined(path: str, field: str | None = None) -> str:
    """A JSON list (of strings, or of objects' ``field``) as '; '-joined text."""
    value = "value" if field is None else f"json_extract(value, '$.{field}')"
    return f"(SELECT group_concat({value}, '; ') FROM json_each(f.data, '$.{path}'))"


def _actor(role: str) -> list[str]:
    return [
        f"{_text(role + '.name')} AS {role}_name",
        f"{_text(role + '.actor_code')} AS {role}_code",
        f"{_text(role + '.country')} AS {role}_country",
        f"{_text(role + '.sector')} AS {role}_sector",
        f"{_text(role + '.entity_id')} AS {role}_entity_id",
        f"{_text(role + '.start')} AS {role}_start",
        f"{_text(role + '.end')} AS {role}_end",
    ]


_COMMON = ["f.id AS id", "f.article_id AS article_id", 'f.start AS "start"', 'f."end" AS "end"']

# view name -> (fact kind, columns, extra FROM clause)
VIEWS: dict[str, tuple[str, list[str], str]] = {
    "events_v": (
        "events",
        [
            *_COMMON,
            f"{_text('trigger')} AS trigger",
            f"{_text('sentence')} AS sentence",
            f"{_text('sentence_start')} AS sentence_start",
            f"{_text('sentence_end')} AS sentence_end",
            *_actor("source"),
            *_actor("target"),
            f"{_joined('actors', 'name')} AS all_actors",
            f"{_joined('targets', 'name')} AS all_targets",
            f"{_text('cameo_code')} AS cameo_code",
            f"substr({_text('cameo_code')}, 1, 2) AS cameo_root",
            f"{_text('plover_event')} AS plover_event",
            f"{_text('plover_mode')} AS plover_mode",
            f"{_text('goldstein')} AS goldstein",
            f"{_text('quad_class')} AS quad_class",
            f"{_text('factuality')} AS factuality",
            f"{_text('historical')} AS historical",
            f"{_text('is_main')} AS is_main",
            f"{_text('attribution')} AS attribution",
            f"{_text('date')} AS event_date",
            f"{_text('date_precision')} AS date_precision",
            "e.date AS day",
            f"{_text('place.name')} AS place_name",
            f"{_text('place.country')} AS place_country",
            f"{_text('place.lat')} AS place_lat",
            f"{_text('place.lon')} AS place_lon",
            "json_array_length(f.data, '$.mentions') AS mentions",
            "e.cluster_id AS cluster_id",
            f"{_text('confidence')} AS confidence",
            f"{_text('rule')} AS rule",
            "f.stage AS stage",
        ],
        "LEFT JOIN event_index e ON e.id = f.id",
    ),
    "quotes_v": (
        "quotes",
        [
            *_COMMON,
            f"{_text('text')} AS text",
            f"{_text('kind')} AS kind",
            *_actor("speaker"),
            f"{_text('reporter.name')} AS reporter_name",
            f"{_text('reporter.actor_code')} AS reporter_code",
            f"{_text('cue')} AS cue",
            f"{_text('sentence')} AS sentence",
            f"{_text('confidence')} AS confidence",
            "f.stage AS stage",
        ],
        "",
    ),
    "entities_v": (
        "entities",
        [
            *_COMMON,
            f"{_text('name')} AS name",
            f"{_text('kind')} AS kind",
            f"{_text('named')} AS named",
            f"{_text('actor_code')} AS actor_code",
            f"{_text('country')} AS country",
            f"{_text('sector')} AS sector",
            f"{_joined('aliases')} AS aliases",
            f"{_joined('roles', 'title')} AS roles",
            "json_array_length(f.data, '$.mentions') AS mentions",
            f"{_text('confidence')} AS confidence",
            "f.stage AS stage",
        ],
        "",
    ),
    "places_v": (
        "places",
        [
            *_COMMON,
            f"{_text('text')} AS text",
            f"{_text('name')} AS name",
            f"{_text('feature')} AS feature",
            f"{_text('country')} AS country",
            f"{_text('admin1')} AS admin1",
            f"{_text('lat')} AS lat",
            f"{_text('lon')} AS lon",
            f"{_text('population')} AS population",
            f"{_text('geonameid')} AS geonameid",
            f"{_text('metonym')} AS metonym",
            f"{_text('confidence')} AS confidence",
            "f.stage AS stage",
        ],
        "",
    ),
    "times_v": (
        "times",
        [
            *_COMMON,
            f"{_text('text')} AS text",
            f"{_text('value')} AS value",
            f"{_text('precision')} AS precision",
            f"{_text('kind')} AS kind",
            f"{_text('anchor')} AS anchor",
            f"{_text('direction')} AS direction",
            f"{_text('confidence')} AS confidence",
            "f.stage AS stage",
        ],
        "",
    ),
    "issues_v": (
        "issues",
        [
            *_COMMON,
            f"{_text('issue')} AS issue",
            f"{_text('label')} AS label",
            f"{_text('score')} AS score",
            f"{_text('evidence')} AS evidence",
            f"{_text('on_agenda')} AS on_agenda",
            f"{_text('event_id')} AS event_id",
            f"{_text('sentence_start')} AS sentence_start",
            f"{_text('sentence_end')} AS sentence_end",
            f"{_text('confidence')} AS confidence",
            "f.stage AS stage",
        ],
        "",
    ),
}


def view_sql(name: str) -> str:
    kind, columns, joins = VIEWS[name]
    cols = ",\n    ".join(columns)
    return f"CREATE VIEW {name} AS SELECT\n    {cols}\nFROM facts f {joins} WHERE f.kind = '{kind}';\n"


FACT_VIEWS = "".join(view_sql(name) for name in VIEWS)
