"""GDELT 2.0 event export: 61 tab-separated columns, no header (a header file beside it), in
the GDELT 2.0 event codebook's order and types.

Rows hold only asserted events by default, and each event once: the first telling of its
cluster that names a coded actor, with NumMentions/NumSources/NumArticles counting every telling
across the store (the mentions, sites and articles of the cluster, :mod:`tidings.store.clusters`).
Compound actors are expanded into one row per (source, target) pair, as GDELT does; a pair in
which neither side has an actor code is left out (GDELT has no row without an actor code).

Geo columns come from the gazetteer's codes (:mod:`tidings.export.geo`): the event's place for
ActionGeo, and for each actor the place that names it or else its country. AvgTone is the
article's tone from the VADER lexicon (:mod:`tidings.export.tone`), empty where it cannot be
measured. The Mentions table (:mod:`tidings.export.mentions`) lists every telling of each row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.export.events import ArticleFacts, dyads
from tidings.export.geo import GeoCoder, fips_by_iso3
from tidings.export.tables import atomic_writer, is_stdout
from tidings.facts.actors.tables import nonstate
from tidings.facts.times.calendar import value_start
from tidings.store.clusters import ClusterStats, events_with_clusters

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
INTEGER = frozenset(
    {
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "IsRootEvent",
        "QuadClass",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "Actor1Geo_Type",
        "Actor2Geo_Type",
        "ActionGeo_Type",
        "DATEADDED",
    }
)
FLOAT = frozenset(
    {
        "FractionDate",
        "GoldsteinScale",
        "AvgTone",
        "Actor1Geo_Lat",
        "Actor1Geo_Long",
        "Actor2Geo_Lat",
        "Actor2Geo_Long",
        "ActionGeo_Lat",
        "ActionGeo_Long",
    }
)
__all__ = ["GDELT_COLUMNS", "GdeltRow", "export_gdelt", "fips_by_iso3", "gdelt_events", "parse_gdelt"]


def _actor_fields(ref: dict[str, Any] | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if not ref:
        return [""] * 10
    code = ref.get("actor_code") or ""
    country = ref.get("country") or (code[:3] if len(code) >= 3 and not nonstate(code) else "")
    sector = ref.get("sector") or ""
    known = code[3:6] if nonstate(code) else ""
    types = [sector] if sector else []
    rest = code[len(country) :] if country and code.startswith(country) else ""
    types += [rest[i : i + 3] for i in range(3, len(rest), 3)] if rest[:3] == sector else []
    types = [*types, "", "", ""][:3]
    return [code, (ref.get("name") or "").upper(), country, known, "", "", "", *types]


def _dates(value: str | None, fallback: str | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year, FractionDate: the first day of the event's own date
    (week, month, year or quarter precision included), else the publication day."""
    d = value_start(value) or value_start((fallback or "")[:10])
    if d is None:
        return "", "", "", ""
    frac = d.year + (d.timetuple().tm_yday - 1) / 365.0
    return d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{frac:.4f}"


def _counts(event: dict[str, Any], cluster: ClusterStats | None) -> list[str]:
    """NumMentions, NumSources, NumArticles: the cluster's, else this article's telling alone."""
    if cluster is None:
        return [str(max(1, len(event.get("mentions") or []))), "1", "1"]
    return [str(cluster.num_mentions), str(cluster.num_sources), str(cluster.num_articles)]


@dataclass(frozen=True, slots=True)
class GdeltRow:
    """One exported event row with what its Mentions rows need."""

    event_id: int  # GLOBALEVENTID
    cells: list[str]
    event: dict[str, Any]  # the telling the row was made from
    cluster: ClusterStats | None
    source: dict[str, Any] | None
    target: dict[str, Any] | None


def _tone(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def gdelt_rows(
    event: dict[str, Any], article: dict[str, Any], facts: ArticleFacts, geo: GeoCoder, cluster: ClusterStats | None
) -> Iterator[GdeltRow]:
    """GDELT rows for a stored event (compound actors expanded to dyads); dyads with no actor
    code on either side are skipped."""
    sqldate, month, year, frac = _dates(event.get("date"), article.get("published"))
    code = event.get("cameo_code") or ""
    root = 1 if event.get("sentence_start", 0) < int(article.get("lede_end") or 0) else 0
    added = (article.get("ingested_at") or "").replace("-", "").replace(":", "").replace("T", "")[:14]
    places = facts.places(event["article_id"])
    for k, (source, target) in enumerate(dyads(event)):
        if not (source or {}).get("actor_code") and not (target or {}).get("actor_code"):
            continue
        gid = int(str(event["id"]).lstrip("e")[:12] or "0", 16) * 16 + k
        row = [
            str(gid),
            sqldate,
            month,
            year,
            frac,
            *_actor_fields(source),
            *_actor_fields(target),
            str(root),
            code,
            code[:3],
            code[:2],
            str(event.get("quad_class") or ""),
            "" if event.get("goldstein") is None else f"{event['goldstein']:.1f}",
            *_counts(event, cluster),
            _tone(facts.tone(event["article_id"])),
            *geo.actor_cells(source, places),
            *geo.actor_cells(target, places),
            *geo.place_cells(event.get("place")),
            added.ljust(14, "0") if added else "",
            article.get("url") or article.get("source") or "",
        ]
        cells = [cell.replace("\t", " ").replace("\n", " ") for cell in row]
        yield GdeltRow(gid, cells, event, cluster, source, target)


def gdelt_events(store: Any, *, include_all: bool = False, min_confidence: float = 0.0) -> Iterator[GdeltRow]:
    """The rows of the GDELT event table: each cluster once, from its first telling that
    yields a row (asserted and CAMEO-coded unless ``include_all``; its detector confidence at
    least ``min_confidence``)."""
    facts = ArticleFacts(store)
    geo = GeoCoder()
    done: set[str] = set()  # GDELT's event table holds each event once
    for event, cluster in events_with_clusters(store.conn):
        if not include_all and (event.get("factuality") != "asserted" or not event.get("cameo_code")):
            continue
        if float(event.get("confidence") or 0.0) < min_confidence:
            continue
        if cluster is not None and cluster.cluster_id in done:
            continue
        rows = list(gdelt_rows(event, facts.meta(event["article_id"]), facts, geo, cluster))
        if rows and cluster is not None:
            done.add(cluster.cluster_id)
        yield from rows


def export_gdelt(store: Any, output: Path, *, include_all: bool = False, min_confidence: float = 0.0) -> int:
    n = 0
    with atomic_writer(output) as fh:
        for row in gdelt_events(store, include_all=include_all, min_confidence=min_confidence):
            fh.write("\t".join(row.cells) + "\n")
            n += 1
    if is_stdout(output):
        return n  # standard output carries the rows only; no header file beside "-"
    header = output.with_name(output.name + ".header.tsv")
    with atomic_writer(header) as fh:
        fh.write("\t".join(GDELT_COLUMNS) + "\n")
    return n


def parse_gdelt(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Read GDELT 2.0 event rows (ours or GDELT's) into typed dicts; raises on a bad row."""
    for lineno, line in enumerate(lines, start=1):
        cells = line.rstrip("\n").split("\t")
        if len(cells) != len(GDELT_COLUMNS):
            raise ValueError(f"row {lineno}: {len(cells)} fields, expected {len(GDELT_COLUMNS)}")
        row: dict[str, Any] = {}
        for name, cell in zip(GDELT_COLUMNS, cells, strict=True):
            if cell == "":
                row[name] = None
            elif name in INTEGER:
                row[name] = int(cell)
            elif name in FLOAT:
                row[name] = float(cell)
            else:
                row[name] = cell
        yield row
