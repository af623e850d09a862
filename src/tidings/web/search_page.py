"""/search: articles by words (phrases, OR, prefixes, exclusions), and by names: a country
("China"), an actor by any alias (with suggestions as one types), a theme by its label. Shows
the number of results, snippets with the hits marked, sorts by relevance or date, and says why
when nothing matches."""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from tidings.store import reads
from tidings.store.sqlite import Store
from tidings.web.api import only_params
from tidings.web.context import labels_of, reader_of, render
from tidings.web.filters import QueryError, as_date, as_text
from tidings.web.labels import Labels
from tidings.web.search_syntax import SearchSyntaxError, to_fts

router = APIRouter(include_in_schema=False)
FIELDS = ("q", "country", "actor", "theme", "event_type", "site", "date_from", "date_to", "sort")
PAGE = 20
SORTS = ("relevance", "newest", "oldest")


@dataclasses.dataclass
class Resolved:
    search: reads.ArticleSearch
    problems: list[str]
    names: dict[str, str]  # field -> what it resolved to, for the page


def resolve(store: Store, labels: Labels, form: dict[str, str]) -> Resolved:
    """The form's names -> codes and keys; each name that matches nothing is a problem line."""
    problems: list[str] = []
    names: dict[str, str] = {}
    text = None
    if form.get("q"):
        try:
            text = to_fts(form["q"])
        except SearchSyntaxError as exc:
            problems.append(f"the search “{form['q']}” cannot be read: {exc}")
    countries: tuple[str, ...] = ()
    if form.get("country"):
        code = labels.country_code(form["country"])
        if code is None:
            problems.append(f"no country is called “{form['country']}”")
        else:
            countries, names["country"] = (code,), labels.country(code)
    actors: tuple[str, ...] = ()
    if form.get("actor"):
        found = reads.find_actors(store.conn, form["actor"], limit=5)
        if not found:
            near = reads.suggest_actors(store.conn, form["actor"][:3], limit=3)
            hint = f" (did you mean {', '.join(a['name'] for a in near)}?)" if near else ""
            problems.append(f"no actor is called “{form['actor']}”{hint}")
        else:
            actors, names["actor"] = (found[0]["key"],), found[0]["name"]
    themes: tuple[str, ...] = ()
    if form.get("theme"):
        issue = labels.theme_id(form["theme"])
        if issue is None:
            problems.append(f"no theme is called “{form['theme']}” (see the list of themes)")
        else:
            themes, names["theme"] = (issue,), labels.theme(issue)
    event_types: tuple[str, ...] = ()
    if form.get("event_type"):
        kind = labels.plover_type(form["event_type"]) or form["event_type"]
        event_types = (kind,)
    search = reads.ArticleSearch(
        text=text,
        since=as_date("date_from", form["date_from"]) if form.get("date_from") else None,
        until=as_date("date_to", form["date_to"]) if form.get("date_to") else None,
        countries=countries,
        actors=actors,
        themes=themes,
        event_types=event_types,
        site=form.get("site") or None,
    )
    return Resolved(search, problems, names)


def why_no_articles(store: Store, search: reads.ArticleSearch) -> list[str]:
    """Which filter matches nothing alone, else that the filters never meet."""
    blank = reads.ArticleSearch()
    alone = []
    for f in dataclasses.fields(reads.ArticleSearch):
        value = getattr(search, f.name)
        if value in (None, (), ""):
            continue
        n = reads.search_articles(store.conn, dataclasses.replace(blank, **{f.name: value}), limit=0)["total"]
        alone.append((f.name.replace("_", " "), n))
    zero = [name for name, n in alone if n == 0]
    if zero:
        return [f"no article matches the {name} filter on its own" for name in zero]
    if not alone:
        return ["the store holds no articles"]
    each = "; ".join(f"{name}: {n}" for name, n in alone)
    return [f"each filter matches articles on its own ({each}), but no article matches them all together"]


@router.get("/search")
def search_page(request: Request) -> Response:
    params = only_params(request, (*FIELDS, "page"))
    form = {k: as_text(k, v).strip() for k, v in params.items() if k in FIELDS and v.strip()}
    sort = form.get("sort", "relevance" if form.get("q") else "newest")
    if sort not in SORTS:
        raise QueryError(f"sort: one of {', '.join(SORTS)}")
    raw_page = params.get("page", "1")
    if not raw_page.isdigit() or not 1 <= int(raw_page) <= 10_000:
        raise QueryError("page: a number from 1")
    page = int(raw_page)
    labels = labels_of(request)
    result: dict[str, Any] = {"total": 0, "items": []}
    with reader_of(request).connect() as store:
        resolved = resolve(store, labels, form)
        reasons = resolved.problems
        searched = any(v for k, v in form.items() if k != "sort")
        if not reasons:
            result = reads.search_articles(store.conn, resolved.search, sort=sort, limit=PAGE, offset=(page - 1) * PAGE)
            if searched and not result["total"]:
                reasons = why_no_articles(store, resolved.search)
    more = result["total"] > page * PAGE
    keep = {k: v for k, v in form.items() if k != "sort" or v != "relevance"}
    return render(
        request,
        "search.html",
        status=200,
        form=form,
        result=result,
        reasons=reasons,
        searched=searched,
        names=resolved.names,
        sort=sort,
        sorts=SORTS,
        page=page,
        first=(page - 1) * PAGE + 1,
        last=min(page * PAGE, result["total"]),
        themes=labels.theme_options(),
        next_href="/search?" + urlencode({**keep, "page": page + 1}) if more else None,
        prev_href="/search?" + urlencode({**keep, "page": page - 1}) if page > 1 else None,
        sort_hrefs={s: "/search?" + urlencode({**form, "sort": s}) for s in SORTS},
        events_href="/events?" + urlencode([(k, form[k]) for k in ("q", "country", "actor", "theme") if form.get(k)]),
    )
