"""The JSON side of the analyst's pages: event facets, clusters, timelines, map points and
filtered exports (the filter of /events), article search, actor suggestions, stories, themes,
and the API index. Every number comes from :mod:`tidings.store.reads`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from tidings.export.events import ArticleFacts
from tidings.export.gdelt import gdelt_rows
from tidings.export.geo import GeoCoder
from tidings.export.tables import csv_safe, flat_cell
from tidings.store import reads
from tidings.store.clusters import cluster_stats
from tidings.web import schemas
from tidings.web.api import only_params
from tidings.web.context import frames_of, labels_of, reader_of
from tidings.web.db import reset_deadline
from tidings.web.filters import QueryError, as_int, as_text
from tidings.web.highlight import snippet_html
from tidings.web.params import EventParams, interval_of, parse_event_params
from tidings.web.search_page import FIELDS as SEARCH_FIELDS
from tidings.web.search_page import resolve

router = APIRouter(prefix="/api", tags=["api"])
FILTER_DOC = (
    "Filters (repeat a name for alternatives): plover, cameo_root, quad (1-4), dyad (USA-CHN), country (a name"
    " or code), actor (any alias), factuality (asserted unless asked; 'any' for all), place (map key), site,"
    " year, theme (label or id), q (words: phrases, OR, prefix*, -exclude), since, until (YYYY-MM-DD), article,"
    " direction (with one dyad). Counts are event clusters."
)
EXPORT_FORMATS = ("csv", "jsonl", "gdelt")


def _params(request: Request, conn: Any, extra: tuple[str, ...] = ()) -> EventParams:
    return parse_event_params(conn, labels_of(request), request.query_params.multi_items(), allowed=extra)


def _int_param(request: Request, name: str, default: int, top: int) -> int:
    raw = request.query_params.get(name)
    value = as_int(name, raw) if raw is not None else default
    if not 0 <= value <= top:
        raise QueryError(f"{name}: 0..{top}")
    return value


@router.get("/", response_model=schemas.ApiIndex, summary="What the API offers")
def api_index(request: Request) -> JSONResponse:
    only_params(request, ())
    endpoints = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", "")}
        for path, ops in sorted(request.app.openapi()["paths"].items())
        for method, op in ops.items()
    ]
    return JSONResponse({"title": "tidings API", "docs": "/docs", "openapi": "/openapi.json", "endpoints": endpoints})


@router.get(
    "/events/summary",
    response_model=schemas.EventSummary,
    summary="Event counts and facet counts",
    description="How many events match, and per facet how many would match for each value. " + FILTER_DOC,
)
def events_summary(request: Request) -> JSONResponse:
    labels = labels_of(request)
    with reader_of(request).connect() as store:
        frames = frames_of(request, store)
        params = _params(request, store.conn)
        summary = reads.event_summary(store.conn, params.query, frames)
        places = frames.get(store.conn).places
    if params.problems:
        summary = {**summary, "events": 0, "copies": 0, "mentions": 0, "undated": 0}
    facets = {
        name: [{**v, "label": labels.facet_value(name, v["value"], places, v.get("name"))} for v in values]
        for name, values in summary["facets"].items()
    }
    return JSONResponse({**summary, "facets": facets, "problems": params.problems})


@router.get("/events/clusters", response_model=schemas.EventClusterPage, summary="One event per cluster, paged")
def events_clusters(request: Request) -> JSONResponse:
    sort = request.query_params.get("sort", "date_desc")
    if sort not in reads.EVENT_SORTS:
        raise QueryError(f"sort: one of {', '.join(reads.EVENT_SORTS)}")
    limit = _int_param(request, "limit", 50, 1000)
    offset = _int_param(request, "offset", 0, 10**9)
    with reader_of(request).connect() as store:
        frames = frames_of(request, store)
        params = _params(request, store.conn, ("sort", "limit", "offset"))
        total = 0 if params.problems else reads.event_summary(store.conn, params.query, frames, top=0)["events"]
        items = (
            []
            if params.problems
            else reads.event_clusters(store.conn, params.query, sort=sort, limit=limit, offset=offset, frames=frames)
        )
    return JSONResponse(
        {"events": total, "sort": sort, "limit": limit, "offset": offset, "items": items, "problems": params.problems}
    )


@router.get("/events/series", response_model=schemas.EventSeries, summary="Timeline of any event filter")
def events_series(request: Request) -> JSONResponse:
    interval = interval_of(request.query_params.get("interval"), "month")
    with reader_of(request).connect() as store:
        frames = frames_of(request, store)
        params = _params(request, store.conn, ("interval",))
        series = reads.event_series(store.conn, params.query, interval, frames)
    if params.problems:
        series = {**series, "events": 0, "copies": 0, "mentions": 0, "undated": 0, "series": []}
    return JSONResponse({**series, "problems": params.problems})


@router.get("/events/places", response_model=schemas.EventPlaces, summary="Map points of an event filter")
def events_places(request: Request) -> JSONResponse:
    with reader_of(request).connect() as store:
        frames = frames_of(request, store)
        params = _params(request, store.conn)
        found = reads.event_places(store.conn, params.query, frames)
    if params.problems:
        found = {**found, "events": 0, "placed": 0, "unplaced": 0, "points": []}
    return JSONResponse({**found, "problems": params.problems})


FLAT_COLUMNS = [
    "event_id", "cluster_id", "day", "copies", "mentions", "source_name", "source_code", "source_country",
    "plover_event", "plover_mode", "cameo_code", "target_name", "target_code", "target_country", "factuality",
    "goldstein", "quad_class", "place", "place_country", "lat", "lon", "trigger", "sentence", "article_id",
    "article_title",
]  # fmt: skip


def _flat(e: dict[str, Any]) -> dict[str, Any]:
    src, tgt, place = e.get("source") or {}, e.get("target") or {}, e.get("place") or {}
    return {
        "event_id": e["id"],
        "cluster_id": e.get("_cluster"),
        "day": e.get("_day"),
        "copies": e.get("_copies"),
        "mentions": e.get("_mentions"),
        "source_name": src.get("name"),
        "source_code": src.get("actor_code"),
        "source_country": src.get("country"),
        "plover_event": e.get("plover_event"),
        "plover_mode": e.get("plover_mode"),
        "cameo_code": e.get("cameo_code"),
        "target_name": tgt.get("name"),
        "target_code": tgt.get("actor_code"),
        "target_country": tgt.get("country"),
        "factuality": e.get("factuality"),
        "goldstein": e.get("goldstein"),
        "quad_class": e.get("quad_class"),
        "place": place.get("name"),
        "place_country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "trigger": e.get("trigger"),
        "sentence": e.get("sentence"),
        "article_id": e.get("article_id"),
        "article_title": e.get("_title"),
    }


def _export(request: Request, params: EventParams, fmt: str, limit: int | None) -> Iterator[str]:
    """One row per event cluster (as the browser counts), newest first, page by page."""
    with reader_of(request).connect() as store:
        frames = frames_of(request, store)
        facts, geo = (ArticleFacts(store), GeoCoder()) if fmt == "gdelt" else (None, None)
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=FLAT_COLUMNS)
        if fmt == "csv":
            writer.writeheader()  # an empty result is still a CSV with its columns
        sent, page = 0, 500
        while limit is None or sent < limit:
            size = page if limit is None else min(page, limit - sent)
            reset_deadline(store.conn, reader_of(request).seconds)  # each page under its own limit
            rows = reads.event_clusters(store.conn, params.query, limit=size, offset=sent, frames=frames)
            for e in rows:
                if fmt == "jsonl":
                    buf.write(json.dumps(e, ensure_ascii=False) + "\n")
                elif facts is not None and geo is not None:
                    stats = cluster_stats(store.conn, e["_cluster"])
                    for row in gdelt_rows(e, facts.meta(e["article_id"]), facts, geo, stats):
                        buf.write("\t".join(row.cells) + "\n")
                else:
                    writer.writerow({k: csv_safe(flat_cell(v)) for k, v in _flat(e).items()})
            sent += len(rows)
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
            if len(rows) < size:
                return


@router.get("/events/export", summary="Download the events of a filter: CSV, JSONL or GDELT 2.0 TSV")
def events_export(request: Request) -> Response:
    fmt = request.query_params.get("format", "csv")
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"format: one of {', '.join(EXPORT_FORMATS)}")
    raw_limit = request.query_params.get("limit")
    limit = as_int("limit", raw_limit) if raw_limit is not None else None
    if limit is not None and limit < 1:
        raise QueryError("limit: at least 1")
    with reader_of(request).connect() as store:
        params = _params(request, store.conn, ("format", "limit"))
    if params.problems:
        raise QueryError("; ".join(params.problems))
    media = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "gdelt": "text/tab-separated-values"}
    name = {"csv": "events.csv", "jsonl": "events.jsonl", "gdelt": "events.gdelt.tsv"}[fmt]
    return StreamingResponse(
        _export(request, params, fmt, limit),
        media_type=media[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/search", response_model=schemas.SearchResult, summary="Articles by words and names, with snippets")
def api_search(request: Request) -> JSONResponse:
    params = only_params(request, (*SEARCH_FIELDS, "limit", "offset"))
    form = {k: as_text(k, v).strip() for k, v in params.items() if k in SEARCH_FIELDS and v.strip()}
    limit = _int_param(request, "limit", 20, 1000)
    offset = _int_param(request, "offset", 0, 10**9)
    sort = form.get("sort", "relevance" if form.get("q") else "newest")
    if sort not in ("relevance", "newest", "oldest"):
        raise QueryError("sort: relevance, newest or oldest")
    with reader_of(request).connect() as store:
        resolved = resolve(store, labels_of(request), form)
        found: dict[str, Any] = {"total": 0, "items": []}
        if not resolved.problems:
            found = reads.search_articles(store.conn, resolved.search, sort=sort, limit=limit, offset=offset)
    items = [
        {
            **i,
            "snippet": str(i["snippet"] or "").replace(reads.SNIPPET_OPEN, "").replace(reads.SNIPPET_CLOSE, ""),
            "snippet_html": str(snippet_html(i["snippet"])),
        }
        for i in found["items"]
    ]
    return JSONResponse(
        {"total": found["total"], "limit": limit, "offset": offset, "items": items, "problems": resolved.problems}
    )


@router.get("/actors", summary="The actor table, most reported first (q: any alias contains)")
def api_actors(request: Request) -> JSONResponse:
    params = only_params(request, ("q", "limit"))
    limit = _int_param(request, "limit", 50, 1000)
    with reader_of(request).connect() as store:
        rows = reads.actor_list(store.conn, params.get("q") or None, limit)
    return JSONResponse({"items": rows})


@router.get(
    "/actors/suggest", response_model=list[schemas.ActorSuggestion], summary="Actors whose name starts with prefix"
)
def api_actor_suggest(request: Request) -> JSONResponse:
    params = only_params(request, ("prefix", "limit"))
    prefix = as_text("prefix", params.get("prefix", "")).strip()
    limit = _int_param(request, "limit", 10, 50)
    if len(prefix) < 2:
        return JSONResponse([])
    with reader_of(request).connect() as store:
        return JSONResponse(reads.suggest_actors(store.conn, prefix, limit))


@router.get("/stories", response_model=schemas.StoryList, summary="Stories told by more than one article")
def api_stories(request: Request) -> JSONResponse:
    only_params(request, ("limit", "offset"))
    limit = _int_param(request, "limit", 50, 1000)
    offset = _int_param(request, "offset", 0, 10**9)
    with reader_of(request).connect() as store:
        return JSONResponse(reads.story_list(store.conn, limit, offset))


@router.get("/themes/counts", response_model=list[schemas.ThemeRow], summary="Every theme with its articles")
def api_theme_counts(request: Request) -> JSONResponse:
    only_params(request, ())
    with reader_of(request).connect() as store:
        return JSONResponse(reads.theme_list(store.conn))
