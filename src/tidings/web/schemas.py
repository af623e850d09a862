"""Typed response schemas of the JSON API, for /openapi.json and /docs. Endpoints build their
answers from the read model and return them as they are (no second validation pass); these
models say what the answers hold. Facts are the records of :mod:`tidings.records`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from tidings.records import Entity, Event, IssueTag, Quote


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ArticleRow(Open):
    id: str
    title: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    source: str | None = None
    story_id: str | None = None
    language: str | None = None
    chars: int | None = None


def page_of(item: Any, name: str) -> type[BaseModel]:
    """A cursor page of ``item`` rows."""
    fields = {
        "__annotations__": {
            "items": list[item],
            "next_cursor": str | None,
            "sort": str,
            "order": str,
            "limit": int,
        },
        "__doc__": f"One page of {name}; pass next_cursor as cursor for the next page.",
    }
    return type(f"{name.title()}Page", (BaseModel,), fields)


PAGES: dict[str, type[BaseModel]] = {
    "articles": page_of(ArticleRow, "articles"),
    "entities": page_of(Entity, "entities"),
    "quotes": page_of(Quote, "quotes"),
    "events": page_of(Event, "events"),
    "themes": page_of(IssueTag, "themes"),
}


class FacetValue(BaseModel):
    value: str
    label: str
    events: int


class EventSummary(BaseModel):
    counts: str
    events: int
    copies: int
    mentions: int
    undated: int
    facets: dict[str, list[FacetValue]]
    problems: list[str]


class SeriesPoint(BaseModel):
    bucket: str
    events: int
    copies: int
    mentions: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None


class SeriesTotals(BaseModel):
    counts: str
    events: int
    copies: int
    mentions: int
    undated: int
    series: list[SeriesPoint]


class EventSeries(SeriesTotals):
    interval: str
    since: str | None
    until: str | None
    problems: list[str]


class DyadSeries(SeriesTotals):
    model_config = ConfigDict(extra="allow")
    a: str
    b: str
    dyad: str
    interval: str
    direction: str
    factuality: list[str]
    since: str | None
    until: str | None


class MapPoint(BaseModel):
    key: str
    name: str | None
    country: str | None
    lat: float
    lon: float
    feature: str | None
    events: int


class EventPlaces(BaseModel):
    counts: str
    events: int
    placed: int
    unplaced: int
    points: list[MapPoint]
    problems: list[str]


class EventClusterPage(BaseModel):
    events: int
    sort: str
    limit: int
    offset: int
    items: list[dict[str, Any]]
    problems: list[str]


class ActorSuggestion(BaseModel):
    key: str
    name: str
    actor_code: str | None
    country: str | None
    articles: int
    matched: str


class SearchHit(BaseModel):
    id: str
    title: str | None
    published: str | None
    site: str | None
    url: str | None
    story_id: str | None
    snippet: str
    snippet_html: str


class SearchResult(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[SearchHit]
    problems: list[str]


class StoryRow(BaseModel):
    story_id: str
    articles: int
    sites: int
    first: str | None
    last: str | None
    title: str | None


class StoryList(BaseModel):
    total: int
    stories: list[StoryRow]


class ThemeRow(BaseModel):
    issue: str
    label: str
    articles: int


class Endpoint(BaseModel):
    method: str
    path: str
    summary: str


class ApiIndex(BaseModel):
    title: str
    docs: str
    openapi: str
    endpoints: list[Endpoint]
