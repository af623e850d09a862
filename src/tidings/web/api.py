"""The JSON API under ``/api/``: lists with structured filters, cursor pagination and
streamed CSV/JSONL downloads; single articles, actors, dyad series, stories, briefs."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from tidings.export.tables import csv_safe, flat_cell
from tidings.web import queries
from tidings.web.briefs import load_brief
from tidings.web.db import QueryTimeout, Reader
from tidings.web.filters import Query, QueryError, Resource, as_date, as_dyad, compile_query, openapi_parameters
from tidings.web.resources import RESOURCES

LOGGER = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["api"])


def reader_of(request: Request) -> Reader:
    reader: Reader = request.app.state.reader
    return reader


def only_params(request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
    """The query parameters, refusing unknown or repeated ones (400)."""
    out: dict[str, str] = {}
    for name, value in request.query_params.multi_items():
        if name not in allowed:
            raise QueryError(f"unknown parameter {name!r}; accepted: {', '.join(allowed) or 'none'}")
        if name in out:
            raise QueryError(f"{name}: given more than once")
        out[name] = value
    return out


def download(reader: Reader, query: Query) -> Iterator[str]:
    """Stream every matching row as CSV or JSONL (formula-looking CSV cells neutralised)."""
    with reader.connect() as store:
        writer: csv.DictWriter[str] | None = None
        buf = io.StringIO()
        try:
            for n, row in enumerate(queries.stream_rows(store.conn, query, reader.seconds)):
                if query.fmt == "jsonl":
                    buf.write(json.dumps(row, ensure_ascii=False) + "\n")
                else:
                    if writer is None:
                        writer = csv.DictWriter(buf, fieldnames=list(row), extrasaction="ignore")
                        writer.writeheader()
                    writer.writerow({k: csv_safe(flat_cell(v)) for k, v in row.items()})
                if n % 200 == 199:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
        except QueryTimeout:
            LOGGER.warning("download of %s stopped by the time limit", query.resource.name)
        yield buf.getvalue()


def list_endpoint(resource: Resource) -> Callable[[Request], Response]:
    def endpoint(request: Request) -> Response:
        query = compile_query(resource, list(request.query_params.multi_items()))
        reader = reader_of(request)
        if query.fmt != "json":
            media = "text/csv; charset=utf-8" if query.fmt == "csv" else "application/x-ndjson"
            return StreamingResponse(
                download(reader, query),
                media_type=media,
                headers={"Content-Disposition": f'attachment; filename="{resource.name}.{query.fmt}"'},
            )
        with reader.connect() as store:
            items, cursor = queries.run_page(store.conn, query)
        return JSONResponse(
            {
                "items": items,
                "next_cursor": cursor,
                "sort": query.sort,
                "order": query.order,
                "limit": query.limit,
            }
        )

    endpoint.__name__ = f"list_{resource.name}"
    return endpoint


for _resource in RESOURCES.values():
    router.add_api_route(
        f"/{_resource.name}",
        list_endpoint(_resource),
        methods=["GET"],
        summary=f"List {_resource.name}",
        openapi_extra={"parameters": openapi_parameters(_resource)},
    )


@router.get("/articles/{article_id}", summary="One article with all its facts")
def get_article(article_id: str, request: Request) -> dict[str, Any]:
    only_params(request, ())
    with reader_of(request).connect() as store:
        found = queries.article_with_facts(store.conn, article_id)
    if found is None:
        raise HTTPException(404, "no such article")
    article, facts, rejections = found
    return {"article": article, "facts": facts, "fact_rejections": rejections}


@router.get("/actors/{actor}", summary="An actor (entity id or canonical name) across the store")
def get_actor(actor: str, request: Request) -> dict[str, Any]:
    only_params(request, ())
    with reader_of(request).connect() as store:
        entity = queries.entity_by_id(store.conn, actor)
        name = entity["name"] if entity else actor
        profile = queries.actor_profile(store.conn, name)
    if (
        not profile["entity_ids"]
        and not profile["quotes"]
        and not (profile["events_as_source"] or profile["events_as_target"])
    ):
        raise HTTPException(404, "no such actor")
    return profile


DYAD_PARAMS = ("interval", "direction", "date_from", "date_to")


def dyad_args(pair: str, params: dict[str, str]) -> tuple[str, str, str, str, str | None, str | None]:
    a, b = as_dyad("dyad", pair)
    interval = params.get("interval", "week")
    if interval not in queries.INTERVALS:
        raise QueryError(f"interval: one of {', '.join(queries.INTERVALS)}")
    direction = params.get("direction", "both")
    if direction not in queries.DIRECTIONS:
        raise QueryError(f"direction: one of {', '.join(queries.DIRECTIONS)}")
    date_from = as_date("date_from", params["date_from"]) if "date_from" in params else None
    date_to = as_date("date_to", params["date_to"]) if "date_to" in params else None
    return a, b, interval, direction, date_from, date_to


@router.get(
    "/dyads/{pair}/series",
    summary="Cooperation vs conflict between A and B per day, week or month",
    openapi_extra={
        "parameters": [
            {
                "name": "interval",
                "in": "query",
                "schema": {"type": "string", "enum": list(queries.INTERVALS), "default": "week"},
            },
            {
                "name": "direction",
                "in": "query",
                "schema": {"type": "string", "enum": list(queries.DIRECTIONS), "default": "both"},
            },
            {"name": "date_from", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "date_to", "in": "query", "schema": {"type": "string", "format": "date"}},
        ]
    },
)
def get_dyad_series(pair: str, request: Request) -> dict[str, Any]:
    a, b, interval, direction, date_from, date_to = dyad_args(pair, only_params(request, DYAD_PARAMS))
    with reader_of(request).connect() as store:
        series = queries.dyad_series(store.conn, a, b, interval, direction, date_from, date_to)
    return {"a": a, "b": b, "interval": interval, "direction": direction, "series": series}


@router.get("/stories/{story_id}", summary="The copies of one story across outlets")
def get_story(story_id: str, request: Request) -> dict[str, Any]:
    only_params(request, ())
    with reader_of(request).connect() as store:
        articles = queries.story_articles(store.conn, story_id)
    if not articles:
        raise HTTPException(404, "no such story")
    return {"story_id": story_id, "articles": articles}


@router.get("/briefs/{target}", summary="The agenda brief for a target (actor or country)")
def get_brief(target: str, request: Request) -> dict[str, Any]:
    only_params(request, ())
    with reader_of(request).connect() as store:
        brief = load_brief(store, target)
    if brief is None:
        raise HTTPException(404, "brief not available")
    return brief
