"""Server-rendered HTML pages: home, search, article, actor, dyad, story, brief."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from tidings.store import reads
from tidings.web import queries
from tidings.web.api import DYAD_PARAMS, article_or_404, dyad_args, only_params, page_args, reader_of
from tidings.web.briefs import load_brief
from tidings.web.chart import fill_gaps, layout
from tidings.web.facts_view import article_marks, fact_panels
from tidings.web.filters import QueryError, as_code, compile_query
from tidings.web.highlight import highlight
from tidings.web.resources import ARTICLES

router = APIRouter(include_in_schema=False)
SEARCH_FIELDS = ("q", "date_from", "date_to", "actor", "country", "theme", "event_type", "site")


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    only_params(request, ())
    with reader_of(request).connect() as store:
        recent = queries.recent_articles(store.conn)
        total = queries.article_count(store.conn)
    return render(request, "home.html", recent=recent, total=total, form={})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request) -> Response:
    params = only_params(request, (*SEARCH_FIELDS, "cursor"))
    form = {k: v for k, v in params.items() if k in SEARCH_FIELDS and v.strip()}
    cursor = params.get("cursor")
    try:
        query = compile_query(ARTICLES, [*form.items(), *([("cursor", cursor)] if cursor else [])])
    except QueryError as exc:
        return render(request, "search.html", status=400, form=form, error=str(exc), items=[], next_href=None)
    with reader_of(request).connect() as store:
        items, next_cursor = queries.run_page(store.conn, query)
    next_href = "/search?" + urlencode({**form, "cursor": next_cursor}) if next_cursor else None
    return render(request, "search.html", form=form, error=None, items=items, next_href=next_href)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request) -> Response:
    article, facts, rejections = article_or_404(request, article_id)
    text = article.get("text") or ""
    body = highlight(text, article_marks(facts))
    panels = fact_panels(facts, text, article.get("version") or "")
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
        themes=sorted(themes.items(), key=lambda kv: -len(kv[1])),
    )


@router.get("/actors/{actor}", response_class=HTMLResponse)
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
    return render(request, "actor.html", p=profile, timeline=sorted(timeline.items()))


@router.get("/dyad")
def dyad_form(request: Request) -> Response:
    params = only_params(request, ("a", "b"))
    a, b = as_code("a", params.get("a", "")), as_code("b", params.get("b", ""))
    return RedirectResponse(f"/dyads/{quote(a)}-{quote(b)}", status_code=303)


@router.get("/dyads/{pair}", response_class=HTMLResponse)
def dyad_page(pair: str, request: Request) -> Response:
    params = only_params(request, (*DYAD_PARAMS, "bucket"))
    args = dyad_args(pair, params)
    a, b, interval, direction, date_from, date_to = (
        args.a, args.b, args.interval, args.direction, args.date_from, args.date_to,
    )  # fmt: skip
    bucket = params.get("bucket")
    span = reads.bucket_range(interval, bucket) if bucket else None
    if bucket and span is None:
        raise QueryError("bucket: not a bucket of this interval")
    if span:  # a bar's events stay inside the chosen range
        span = (max(span[0], date_from or span[0]), min(span[1], date_to or span[1]))
    with reader_of(request).connect() as store:
        full = args.series(store.conn)
        series = full["series"]
        lo, hi = span if span else (date_from, date_to)
        events = reads.dyad_events(
            store.conn, a, b, direction=direction, factuality=args.factuality, since=lo, until=hi
        )
    base = {
        k: v
        for k, v in (
            ("interval", interval),
            ("direction", direction),
            ("date_from", date_from),
            ("date_to", date_to),
            ("factuality", ",".join(args.factuality) if args.factuality != ("asserted",) else None),
        )
        if v
    }
    chart = layout(fill_gaps(series, interval))
    hrefs = {
        bar.bucket: f"/dyads/{a}-{b}?" + urlencode({**base, "bucket": bar.bucket}) + "#events" for bar in chart.bars
    }
    switch = {iv: f"/dyads/{a}-{b}?" + urlencode({**base, "interval": iv}) for iv in reads.INTERVALS}
    return render(
        request,
        "dyad.html",
        a=a,
        b=b,
        interval=interval,
        direction=direction,
        series=series,
        totals=full,
        chart=chart,
        hrefs=hrefs,
        switch=switch,
        bucket=bucket,
        events=events,
        total=sum(p["events"] for p in series),
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(story_id: str, request: Request) -> Response:
    only_params(request, ())
    with reader_of(request).connect() as store:
        articles = queries.story_articles(store.conn, story_id)
    if not articles:
        raise HTTPException(404, "no such story")
    return render(
        request,
        "story.html",
        story_id=story_id,
        articles=articles,
        sites=sorted({a["site"] or "" for a in articles} - {""}),
    )


@router.get("/briefs/{target}", response_class=HTMLResponse)
def brief_page(target: str, request: Request) -> Response:
    only_params(request, ())
    with reader_of(request).connect() as store:
        brief = load_brief(store, target)
    return render(request, "brief.html", status=200 if brief else 404, target=target, brief=brief)
