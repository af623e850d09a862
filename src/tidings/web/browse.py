"""The analyst's pages over events: the browser with facets (/events), the map (/map), timelines
of any filter (/timeline) and dyads side by side (/compare). All count through the read model
(:mod:`tidings.store.reads`), so their numbers agree with the dyad page, briefs, API and CLI."""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from tidings.store import reads
from tidings.store.event_frame import FrameCache
from tidings.store.event_query import EventQuery
from tidings.web.chart import fill_gaps, layout, shared_peak
from tidings.web.context import frames_of, labels_of, reader_of, render
from tidings.web.filters import QueryError
from tidings.web.labels import FACET_TITLES, Labels
from tidings.web.params import EVENT_PARAMS, PAGE_PARAMS, EventParams, interval_of, parse_event_params
from tidings.web.worldmap import HEIGHT, VIEWS, WIDTH, dots, graticule

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
EXPORTS = (("csv", "CSV"), ("jsonl", "JSONL"), ("gdelt", "GDELT 2.0"))


def page_number(raw: str | None) -> int:
    if raw is None:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= 100_000:
        raise QueryError("page: a number from 1")
    return int(raw)


def why_empty(conn: sqlite3.Connection, frames: FrameCache, params: EventParams) -> list[str]:
    """Why a filter matches no event: names that match nothing, filters that match nothing on
    their own, else that they never meet."""
    if params.problems:
        return params.problems
    q = params.query
    alone = []
    blank = EventQuery(factuality=q.factuality)
    for f in dataclasses.fields(EventQuery):
        value = getattr(q, f.name)
        if f.name == "factuality" or value in (None, (), ""):
            continue
        n = reads.event_summary(conn, dataclasses.replace(blank, **{f.name: value}), frames, top=0)["events"]
        label = f.name.replace("_", " ")
        alone.append((label, n))
    kinds = ", ".join(q.factuality) if q.factuality else "any"
    zero = [label for label, n in alone if n == 0]
    if zero:
        return [f"no {kinds} event matches the {label} filter on its own" for label in zero]
    if not alone:
        return [f"the store holds no {kinds} events"]
    each = "; ".join(f"{label}: {n}" for label, n in alone)
    return [f"each filter matches events on its own ({each}), but no event matches them all together"]


def facet_view(summary: dict[str, Any], params: EventParams, labels: Labels, places: dict[str, Any], path: str) -> Any:
    out = []
    for name, values in summary["facets"].items():
        items = [
            {
                "label": labels.facet_value(name, v["value"], places, v.get("name")),
                "value": v["value"],
                "events": v["events"],
                "href": params.toggle(path, name, v["value"]),
                "on": params.selected(name, v["value"]),
            }
            for v in values
        ]
        out.append({"name": name, "title": FACET_TITLES[name], "items": items})
    return out


def name_places(params: EventParams, places: dict[str, Any], labels: Labels) -> None:
    """Chips say the place's name, not its key."""
    for k, v in params.pairs:
        if k == "place" and v in places:
            params.labels[f"place={v}"] = "Place: " + labels.facet_value("place", v, places)


def parse(request: Request, conn: sqlite3.Connection) -> EventParams:
    return parse_event_params(conn, labels_of(request), request.query_params.multi_items(), allowed=PAGE_PARAMS)


@router.get("/events")
def events_page(request: Request) -> Response:
    labels = labels_of(request)
    with reader_of(request).connect() as store:
        frames = frames_of(request, store)
        params = parse(request, store.conn)
        sort = request.query_params.get("sort", "date_desc")
        if sort not in reads.EVENT_SORTS:
            raise QueryError(f"sort: one of {', '.join(reads.EVENT_SORTS)}")
        page = page_number(request.query_params.get("page"))
        summary = reads.event_summary(store.conn, params.query, frames)
        if params.problems:
            summary = {**summary, "events": 0, "copies": 0, "mentions": 0}
        events = (
            []
            if params.problems
            else reads.event_clusters(
                store.conn, params.query, sort=sort, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, frames=frames
            )
        )
        places = frames.get(store.conn).places
        name_places(params, places, labels)
        reasons = why_empty(store.conn, frames, params) if not summary["events"] else []
    pages = max(1, -(-summary["events"] // PAGE_SIZE))
    export_query = [(k, v) for k, v in params.pairs if k in EVENT_PARAMS]
    return render(
        request,
        "events.html",
        params=params,
        summary=summary,
        facets=facet_view(summary, params, labels, places, "/events"),
        events=events,
        places=places,
        sort=sort,
        sorts=reads.EVENT_SORTS,
        page=page,
        pages=pages,
        page_size=PAGE_SIZE,
        prev_href=params.href("/events", page=str(page - 1) if page > 2 else None) if page > 1 else None,
        next_href=params.href("/events", page=str(page + 1)) if page < pages else None,
        permalink=params.href("/events", page=str(page) if page > 1 else None),
        exports=[(label, _export_href(export_query, fmt)) for fmt, label in EXPORTS],
        reasons=reasons,
        form=dict(params.pairs),
        themes=labels.theme_options(),
    )


def _export_href(pairs: list[tuple[str, str]], fmt: str) -> str:
    return "/api/events/export?" + urlencode([*pairs, ("format", fmt)])


@router.get("/map")
def map_page(request: Request) -> Response:
    labels = labels_of(request)
    view = request.query_params.get("view", "world")
    if view not in VIEWS:
        raise QueryError(f"view: one of {', '.join(VIEWS)}")
    with reader_of(request).connect() as store:
        frames = frames_of(request, store)
        params = parse(request, store.conn)
        found = reads.event_places(store.conn, params.query, frames)
        name_places(params, frames.get(store.conn).places, labels)
        if params.problems:
            found = {**found, "events": 0, "placed": 0, "unplaced": 0, "points": []}
        reasons = why_empty(store.conn, frames, params) if not found["events"] else []
    shown = dots(found["points"], view)
    for d in shown:
        d.point["href"] = params.href("/events", place=d.point["key"], view=None)
        d.point["label"] = labels.facet_value("place", d.point["key"], {d.point["key"]: d.point})
    for p in found["points"]:
        p.setdefault("href", params.href("/events", place=p["key"], view=None))
        p.setdefault("label", labels.facet_value("place", p["key"], {p["key"]: p}))
    basemap = request.app.state.basemap
    return render(
        request,
        "map.html",
        params=params,
        found=found,
        dots=shown,
        countries=basemap.paths(view),
        graticule=graticule(view),
        width=WIDTH,
        height=HEIGHT,
        view=view,
        views=[(k, v[0], params.href("/map", view=k if k != "world" else None)) for k, v in VIEWS.items()],
        reasons=reasons,
        form=dict(params.pairs),
        themes=labels.theme_options(),
        events_href=params.href("/events", view=None),
    )


def bar_links(params: EventParams, chart: Any, interval: str, path: str = "/events") -> dict[str, str]:
    """The events behind each bar: the bucket's days, clamped to the chosen range."""
    out = {}
    for bar in chart.bars:
        span = reads.bucket_range(interval, bar.bucket)
        if span is None:
            continue
        lo = max(span[0], params.query.since or span[0])
        hi = min(span[1], params.query.until or span[1])
        out[bar.bucket] = params.href(path, since=lo, until=hi, interval=None, page=None, view=None)
    return out


@router.get("/timeline")
def timeline_page(request: Request) -> Response:
    interval = interval_of(request.query_params.get("interval"), "month")
    with reader_of(request).connect() as store:
        frames = frames_of(request, store)
        params = parse(request, store.conn)
        series = reads.event_series(store.conn, params.query, interval, frames)
        if params.problems:
            series = {**series, "events": 0, "series": []}
        reasons = why_empty(store.conn, frames, params) if not series["events"] else []
    chart = layout(fill_gaps(series["series"], interval))
    return render(
        request,
        "timeline.html",
        params=params,
        series=series,
        chart=chart,
        hrefs=bar_links(params, chart, interval),
        interval=interval,
        switch={iv: params.href("/timeline", interval=iv) for iv in reads.INTERVALS},
        reasons=reasons,
        form=dict(params.pairs),
        themes=request.app.state.labels.theme_options(),
        events_href=params.href("/events", interval=None),
    )


@router.get("/compare")
def compare_page(request: Request) -> Response:
    """Dyads side by side: one chart each, on one time axis and one scale."""
    labels = labels_of(request)
    interval = interval_of(request.query_params.get("interval"), "year")
    pairs = request.query_params.getlist("dyad") or ["USA-CHN", "USA-RUS"]
    if len(pairs) > 6:
        raise QueryError("dyad: at most 6")
    rows = []
    with reader_of(request).connect() as store:
        frames = frames_of(request, store)
        base = [(k, v) for k, v in request.query_params.multi_items() if k not in ("dyad", "interval")]
        for pair in pairs:
            params = parse_event_params(store.conn, labels, [*base, ("dyad", pair)])
            series = reads.event_series(store.conn, params.query, interval, frames)
            rows.append((pair, params, series))
    buckets = sorted({p["bucket"] for _, _, s in rows for p in s["series"]})
    peak = shared_peak([s["series"] for _, _, s in rows])
    charts = []
    for pair, params, series in rows:
        filled = fill_gaps(_span(series["series"], buckets), interval)
        chart = layout(filled, peak=peak)
        charts.append(
            {
                "pair": pair,
                "label": labels.dyad("-".join(sorted(params.query.dyad[0].split("-")))) if params.query.dyad else pair,
                "problems": params.problems,
                "series": series,
                "chart": chart,
                "hrefs": bar_links(params, chart, interval),
                "events_href": params.href("/events"),
            }
        )
    form = [(k, v) for k, v in request.query_params.multi_items() if k != "dyad"]
    return render(request, "compare.html", charts=charts, interval=interval, pairs=pairs, form=dict(form))


def _span(series: list[dict[str, Any]], buckets: list[str]) -> list[dict[str, Any]]:
    """The series stretched to the first and last bucket of all compared series."""
    if not buckets:
        return series
    have = {p["bucket"] for p in series}
    empty = {"events": 0, "cooperation": 0, "conflict": 0, "goldstein_mean": None}
    ends = [{"bucket": b, **empty} for b in (buckets[0], buckets[-1]) if b not in have]
    return sorted([*series, *ends], key=lambda p: p["bucket"])
