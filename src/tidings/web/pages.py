"""Server-rendered pages: home, search, article, actors, themes, stories, dyad, brief (the event
browser, map and timelines are in :mod:`tidings.web.browse`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from tidings.store import reads
from tidings.web import queries
from tidings.web.api import article_or_404, dyad_args, only_params, page_args
from tidings.web.briefs import brief_view, load_brief
from tidings.web.browse import page_number
from tidings.web.chart import fill_gaps, layout
from tidings.web.context import labels_of, reader_of, render
from tidings.web.facts_view import article_marks, evidence_span, fact_panels
from tidings.web.filters import QueryError, as_code
from tidings.web.highlight import highlight
from tidings.web.search_page import router as search_router

router = APIRouter(include_in_schema=False)
router.include_router(search_router)
LIST_SIZE = 50


@router.get("/")
def home(request: Request) -> Response:
    only_params(request, ())
    with reader_of(request).connect() as store:
        recent = queries.recent_articles(store.conn)
        total = queries.article_count(store.conn)
        dyads = reads.top_dyads(store.conn, 8)
    top = dyads[0]["dyad"].split("-") if dyads else ["USA", "CHN"]
    return render(request, "home.html", recent=recent, total=total, dyads=dyads, top=top, form={})


@router.get("/articles/{article_id}")
def article_page(article_id: str, request: Request) -> Response:
    article, facts, rejections = article_or_404(request, article_id, allowed=("span",))
    text = article.get("text") or ""
    span = evidence_span(request.query_params.get("span"), len(text))
    body = highlight(text, article_marks(facts, span))
    panels = fact_panels(facts, text, article.get("version") or "", labels_of(request))
    themes: dict[str, list[str]] = {}
    for t in facts.get("issues", ()):
        themes.setdefault(str(t.get("label") or t.get("issue")), []).append(str(t.get("id")))
    return render(
        request,
        "article.html",
        article=article,
        body=body,
        panels=panels,
        facts=facts,
        rejections=rejections,
        span=span,
        themes=sorted(themes.items(), key=lambda kv: -len(kv[1])),
    )


@router.get("/actors")
def actors_page(request: Request) -> Response:
    params = only_params(request, ("q",))
    q = params.get("q", "").strip()
    with reader_of(request).connect() as store:
        actors = reads.actor_list(store.conn, q or None, limit=100)
    return render(request, "actors.html", actors=actors, q=q, form={})


@router.get("/actors/{actor}")
def actor_page(actor: str, request: Request) -> Response:
    only_params(request, ("limit", "offset"))
    with reader_of(request).connect() as store:
        profile = reads.actor_profile(store.conn, queries.actor_key_of(store.conn, actor), **page_args(request))
    if profile is None:
        raise HTTPException(404, "no such actor")
    timeline: dict[str, list[int]] = {}
    for side, events in (("source", profile["events_as_source"]), ("target", profile["events_as_target"])):
        for e in events:
            month = (e.get("_day") or "")[:7] or "undated"
            timeline.setdefault(month, [0, 0])[0 if side == "source" else 1] += 1
    key = quote(profile["key"], safe="")
    links = {
        "brief": f"/briefs/actor:{key}",
        "events": "/events?" + urlencode({"actor": profile["key"]}),
        "timeline": "/timeline?" + urlencode({"actor": profile["key"]}),
        "search": "/search?" + urlencode({"actor": profile["key"]}),
    }
    return render(request, "actor.html", p=profile, timeline=sorted(timeline.items()), links=links)


@router.get("/themes")
def themes_page(request: Request) -> Response:
    only_params(request, ())
    labels = labels_of(request)
    with reader_of(request).connect() as store:
        found = reads.theme_list(store.conn)
    known = {t["issue"] for t in found}
    idle = [(i, label) for i, label in labels.theme_options() if i not in known]
    return render(request, "themes.html", themes=found, idle=idle)


@router.get("/stories")
def stories_page(request: Request) -> Response:
    params = only_params(request, ("page",))
    page = page_number(params.get("page"))
    with reader_of(request).connect() as store:
        found = reads.story_list(store.conn, LIST_SIZE, (page - 1) * LIST_SIZE)
    more = found["total"] > page * LIST_SIZE
    return render(
        request,
        "stories.html",
        stories=found["stories"],
        total=found["total"],
        page=page,
        prev_href=f"/stories?page={page - 1}" if page > 1 else None,
        next_href=f"/stories?page={page + 1}" if more else None,
    )


@router.get("/stories/{story_id}")
def story_page(story_id: str, request: Request) -> Response:
    only_params(request, ())
    with reader_of(request).connect() as store:
        articles = reads.story_articles(store.conn, story_id)
    if not articles:
        raise HTTPException(404, "no such story")
    return render(
        request,
        "story.html",
        story_id=story_id,
        articles=articles,
        sites=sorted({a["site"] or "" for a in articles} - {""}),
    )


@router.get("/dyad")
def dyad_form(request: Request) -> Response:
    params = only_params(request, ("a", "b"))
    labels = labels_of(request)
    a = labels.country_code(params.get("a", "")) or as_code("a", params.get("a", ""))
    b = labels.country_code(params.get("b", "")) or as_code("b", params.get("b", ""))
    return RedirectResponse(f"/dyads/{quote(a)}-{quote(b)}", status_code=303)


DYAD_PAGE_PARAMS = ("interval", "direction", "date_from", "date_to", "factuality", "bucket")


@router.get("/dyads/{pair}")
def dyad_page(pair: str, request: Request) -> Response:
    raw = request.query_params.multi_items()
    for name, _ in raw:
        if name not in DYAD_PAGE_PARAMS:
            raise QueryError(f"unknown parameter {name!r}; accepted: {', '.join(DYAD_PAGE_PARAMS)}")
    params = {k: v for k, v in raw if k != "factuality" and v}
    chosen = [v for k, v in raw if k == "factuality"]
    if chosen:  # checkboxes (one value each) or the API's comma-separated list
        params["factuality"] = ",".join(x for v in chosen for x in v.split(",") if x)
    args = dyad_args(pair, params)
    bucket = params.get("bucket")
    span = reads.bucket_range(args.interval, bucket) if bucket else None
    if bucket and span is None:
        raise QueryError("bucket: not a bucket of this interval")
    if span:  # a bar's events stay inside the chosen range
        span = (max(span[0], args.date_from or span[0]), min(span[1], args.date_to or span[1]))
    with reader_of(request).connect() as store:
        full = args.series(store.conn)
        lo, hi = span if span else (args.date_from, args.date_to)
        shown = args.series(store.conn, since=lo, until=hi) if span else full
        events = reads.dyad_events(
            store.conn, args.a, args.b, direction=args.direction, factuality=args.factuality, since=lo, until=hi,
            limit=LIST_SIZE,
        )  # fmt: skip
    base: dict[str, str] = {
        k: v
        for k, v in (
            ("interval", args.interval),
            ("direction", args.direction if args.direction != "both" else None),
            ("date_from", args.date_from),
            ("date_to", args.date_to),
            ("factuality", ",".join(args.factuality) if args.factuality != ("asserted",) else None),
        )
        if v
    }
    chart = layout(fill_gaps(full["series"], args.interval))
    path = f"/dyads/{args.a}-{args.b}"
    hrefs = {bar.bucket: f"{path}?" + urlencode({**base, "bucket": bar.bucket}) + "#events" for bar in chart.bars}
    labels = labels_of(request)
    return render(
        request,
        "dyad.html",
        a=args.a,
        b=args.b,
        args=args,
        name_a=labels.country(args.a),
        name_b=labels.country(args.b),
        totals=full,
        shown=shown,
        chart=chart,
        hrefs=hrefs,
        switch={iv: f"{path}?" + urlencode({**base, "interval": iv}) for iv in reads.INTERVALS},
        bucket=bucket,
        span=span,
        events=events,
        factualities=reads.FACTUALITIES,
        events_href="/events?"
        + urlencode(
            [("dyad", f"{args.a}-{args.b}"), *(("factuality", f) for f in args.factuality)]
            + [(k, v) for k, v in (("since", lo), ("until", hi)) if v]
            + ([("direction", args.direction)] if args.direction != "both" else [])
        ),
    )


@router.get("/briefs/{target}")
def brief_page(target: str, request: Request) -> Response:
    only_params(request, ())
    with reader_of(request).connect() as store:
        brief = load_brief(store, target)
    view: dict[str, Any] | None = brief_view(brief, labels_of(request)) if brief else None
    return render(request, "brief.html", status=200 if brief else 404, target=target, brief=brief, view=view)
