"""The JSON API under ``/api/``: lists with structured filters, cursor pagination and
streamed CSV/JSONL downloads; single articles, actors, dyad series, stories, briefs."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from tidings.export.tables import csv_safe, flat_cell
from tidings.store import reads
from tidings.web import queries
from tidings.web.briefs import load_brief
from tidings.web.db import QueryTimeout, Reader
from tidings.web.filters import Query, QueryError, Resource, as_date, as_dyad, compile_query, openapi_parameters
from tidings.web.resources import RESOURCES
from tidings.web.schemas import PAGES, DyadSeries

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
        response_model=PAGES[_resource.name],
        openapi_extra={"parameters": openapi_parameters(_resource)},
    )


def article_or_404(request: Request, article_id: str, allowed: tuple[str, ...] = ()) -> tuple[dict[str, Any], Any, Any]:
    """(article, facts, fact rejections) for the pages and the API; 404 when there is none."""
    only_params(request, allowed)
    with reader_of(request).connect() as store:
        found = reads.article_with_facts(store.conn, article_id)
    if found is None:
        raise HTTPException(404, "no such article")
    return found


@router.get("/articles/{article_id}", summary="One article with all its facts")
def get_article(article_id: str, request: Request) -> dict[str, Any]:
    article, facts, rejections = article_or_404(request, article_id)
    return {"article": article, "facts": facts, "fact_rejections": rejections}


@router.get("/actors/{actor}", summary="An actor (key, name, alias or entity id) across the store")
def get_actor(actor: str, request: Request) -> dict[str, Any]:
    only_params(request, ("limit", "offset"))
    with reader_of(request).connect() as store:
        profile = reads.actor_profile(store.conn, queries.actor_key_of(store.conn, actor), **page_args(request))
    if profile is None:
        raise HTTPException(404, "no such actor")
    return profile


DYAD_PARAMS = ("interval", "direction", "date_from", "date_to", "factuality")


@dataclass(frozen=True)
class DyadArgs:
    a: str
    b: str
    interval: str
    direction: str
    date_from: str | None
    date_to: str | None
    factuality: tuple[str, ...]

    def series(self, conn: Any, *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
        """The dyad series of the chosen range (or of ``since``..``until`` inside it)."""
        return reads.dyad_series(
            conn, self.a, self.b, interval=self.interval, direction=self.direction,
            factuality=self.factuality, since=since or self.date_from, until=until or self.date_to,
        )  # fmt: skip


def dyad_args(pair: str, params: dict[str, str]) -> DyadArgs:
    a, b = as_dyad("dyad", pair)
    interval = params.get("interval", "week")
    if interval not in reads.INTERVALS:
        raise QueryError(f"interval: one of {', '.join(reads.INTERVALS)}")
    direction = params.get("direction", "both")
    if direction not in reads.DIRECTIONS:
        raise QueryError(f"direction: one of {', '.join(reads.DIRECTIONS)}")
    factuality = tuple(params.get("factuality", "asserted").split(","))
    if not set(factuality) <= set(reads.FACTUALITIES):
        raise QueryError(f"factuality: any of {', '.join(reads.FACTUALITIES)}, comma-separated")
    date_from = as_date("date_from", params["date_from"]) if "date_from" in params else None
    date_to = as_date("date_to", params["date_to"]) if "date_to" in params else None
    return DyadArgs(a, b, interval, direction, date_from, date_to, factuality)


def page_args(request: Request) -> dict[str, Any]:
    """limit/offset of a paged profile (the counts are always of everything)."""
    out: dict[str, Any] = {}
    for name, default, top in (("limit", 100, 1000), ("offset", 0, 10**9)):
        raw = request.query_params.get(name)
        try:
            value = int(raw) if raw is not None else default
        except ValueError as exc:
            raise QueryError(f"{name}: an integer") from exc
        if not 0 <= value <= top:
            raise QueryError(f"{name}: 0..{top}")
        out[name] = value
    return out


@router.get(
    "/dyads/{pair}/series",
    response_model=DyadSeries,
    summary="Event clusters between countries A and B per day, week, month or year (cooperation vs conflict)",
    openapi_extra={
        "parameters": [
            {
                "name": "interval",
                "in": "query",
                "schema": {"type": "string", "enum": list(reads.INTERVALS), "default": "week"},
            },
            {
                "name": "direction",
                "in": "query",
                "schema": {"type": "string", "enum": list(reads.DIRECTIONS), "default": "both"},
            },
            {
                "name": "factuality",
                "in": "query",
                "description": "comma-separated; the series counts asserted event clusters unless asked",
                "schema": {"type": "string", "default": "asserted"},
            },
            {"name": "date_from", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "date_to", "in": "query", "schema": {"type": "string", "format": "date"}},
        ]
    },
)
def get_dyad_series(pair: str, request: Request) -> dict[str, Any]:
    args = dyad_args(pair, only_params(request, DYAD_PARAMS))
    with reader_of(request).connect() as store:
        series = args.series(store.conn)
    return {"a": args.a, "b": args.b, **series}


@router.get("/stories/{story_id}", summary="The copies of one story across outlets")
def get_story(story_id: str, request: Request) -> dict[str, Any]:
    only_params(request, ())
    with reader_of(request).connect() as store:
        articles = reads.story_articles(store.conn, story_id)
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
