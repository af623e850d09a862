"""JSON API: property tests over the filter parameters against a pure-Python reference
filter (through every cursor page), 400s for unknown fields and sorts, no 500s for hostile
values, capped pages, streamed downloads, and the OpenAPI document."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.facts.events.identity import event_cluster_id
from tidings.records import to_plain
from tidings.store.event_index import event_day
from web_store import COUNTRIES, NAMES, PLOVER, SITES, THEMES, WORDS, serve, synthetic_items, write_store

ITEMS = synthetic_items(240, seed=11)
ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def nocase(s: Any) -> Any:
    return s.translate(ASCII_FOLD) if isinstance(s, str) else s


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    db = tmp_path_factory.mktemp("api") / "api.db"
    write_store(db, ITEMS)
    with serve(db) as base, httpx.Client(base_url=base, timeout=30) as c:
        yield c


# ------------------------------------------------------------------ the reference model
def _articles() -> list[dict[str, Any]]:
    rows = []
    for item in ITEMS:
        a = item.result
        facts = {k: [to_plain(r) for r in v] for k, v in item.facts.items()}
        rows.append({"a": to_plain(a), "facts": facts, "story": item.story_id})
    return rows


ROWS = _articles()
DAY = {r["a"]["id"]: (r["a"]["published"] or None) and r["a"]["published"][:10] for r in ROWS}


def tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def ref_article(row: dict[str, Any], name: str, v: Any) -> bool:
    a, f = row["a"], row["facts"]
    day = DAY[a["id"]]
    events = f.get("events", [])
    if name == "q":
        return all(w.casefold() in tokens(f"{a['title']} {a['text']}") for w in v.split())
    if name == "date_from":
        return day is not None and day >= v
    if name == "date_to":
        return day is not None and day <= v
    if name == "site":
        return bool(a["site"] == v)
    if name == "story":
        return bool(row["story"] == v)
    if name == "actor":
        return any(nocase(e["name"]) == nocase(v) for e in f.get("entities", []))
    if name == "country":
        v = v.upper()
        return any(
            (e["source"] or {}).get("country") == v or (e["target"] or {}).get("country") == v for e in events
        ) or any(e["country"] == v for e in f.get("entities", []))
    if name == "theme":
        return any(t["issue"] == v for t in f.get("issues", []))
    if name == "event_type":
        return any(
            ((e["cameo_code"] or "")[:2] == v and e["cameo_code"]) or nocase(e["plover_event"]) == nocase(v)
            for e in events
        )
    raise AssertionError(name)


def ref_fact(kind: str, fact: dict[str, Any], name: str, v: Any) -> bool:
    day = DAY[fact["article_id"]]
    if name == "article_id":
        return bool(fact["article_id"] == v)
    if name in ("date_from", "date_to") and kind != "events":
        return day is not None and (day >= v if name == "date_from" else day <= v)
    if name == "min_confidence":
        return bool(fact["confidence"] >= v)
    if kind == "entities":
        key = {"name": "name", "kind": "kind", "country": "country", "actor_code": "actor_code"}[name]
        return (
            nocase(fact[key]) == nocase(v)
            if name == "name"
            else fact[key] == (v.upper() if name in ("country", "actor_code") else v)
        )
    if kind == "quotes":
        sp = fact["speaker"] or {}
        if name == "speaker":
            return sp.get("name") is not None and nocase(sp["name"]) == nocase(v)
        if name == "speaker_entity":
            return bool(sp.get("entity_id") == v)
        if name == "kind":
            return bool(fact["kind"] == v)
        if name == "contains":
            return v in fact["text"]
    if kind == "themes":
        if name == "issue":
            return bool(fact["issue"] == v)
        if name == "on_agenda":
            return bool(fact["on_agenda"]) == bool(v)
        if name == "min_score":
            return bool(fact["score"] >= v)
    if kind == "events":
        src, tgt = fact["source"] or {}, fact["target"] or {}
        edate = event_day(fact["date"], DAY[fact["article_id"]])
        if name == "dyad":
            a, b = (x.upper() for x in v.split("-"))
            return (src.get("country"), tgt.get("country")) in ((a, b), (b, a))
        simple = {
            "source_country": src.get("country"),
            "target_country": tgt.get("country"),
            "quad_class": fact["quad_class"],
            "factuality": fact["factuality"],
            "cameo_root": (fact["cameo_code"] or "")[:2] or None,
        }
        if name in simple:
            want = v.upper() if name.endswith("country") else v
            return simple[name] is not None and simple[name] == want
        if name == "plover_event":
            return fact["plover_event"] is not None and nocase(fact["plover_event"]) == nocase(v)
        if name == "actor":
            return any(x.get("name") is not None and nocase(x["name"]) == nocase(v) for x in (src, tgt))
        if name == "date_from":
            return edate is not None and edate >= v
        if name == "date_to":
            return edate is not None and edate <= v
        if name == "min_goldstein":
            return fact["goldstein"] is not None and fact["goldstein"] >= v
        if name == "max_goldstein":
            return fact["goldstein"] is not None and fact["goldstein"] <= v
    raise AssertionError((kind, name))


def sort_key(kind: str, sort: str, rec: dict[str, Any]) -> tuple[Any, str]:
    if kind == "articles":
        a = rec["a"]
        value = {
            "published": a["published"] or "",
            "title": a["title"] or "",
            "id": a["id"],
            "chars": len(a["text"]),
        }[sort]
        return value, a["id"]
    position = f"{rec['article_id']}:{rec['start']:010d}"
    value = {
        "position": position,
        "id": rec["id"],
        "confidence": rec.get("confidence") or 0,
        "name": rec.get("name") or "",
        "score": rec.get("score") or 0,
        "date": event_day(rec.get("date"), DAY[rec["article_id"]]) or "" if kind == "events" else None,
        "goldstein": rec["goldstein"] if rec.get("goldstein") is not None else -100,
    }[sort]
    return value, rec["id"]


def reference(kind: str, params: dict[str, Any], sort: str, order: str) -> list[str]:
    if kind == "articles":
        recs = [r for r in ROWS if all(ref_article(r, n, v) for n, v in params.items())]
        recs.sort(key=lambda r: sort_key(kind, sort, r), reverse=order == "desc")
        return [r["a"]["id"] for r in recs]
    store_kind = "issues" if kind == "themes" else kind
    facts = [f for r in ROWS for f in r["facts"].get(store_kind, [])]
    recs = [f for f in facts if all(ref_fact(kind, f, n, v) for n, v in params.items())]
    recs.sort(key=lambda r: sort_key(kind, sort, r), reverse=order == "desc")
    return [r["id"] for r in recs]


def fetch_all(client: httpx.Client, kind: str, params: dict[str, str]) -> list[str]:
    ids: list[str] = []
    query = dict(params)
    for _ in range(1000):
        r = client.get(f"/api/{kind}", params=query)
        assert r.status_code == 200, (r.status_code, r.text, query)
        body = r.json()
        assert len(body["items"]) <= int(params.get("limit", 50))
        ids += [row["id"] for row in body["items"]]
        if not body["next_cursor"]:
            return ids
        query = {**params, "cursor": body["next_cursor"]}
    raise AssertionError("pagination did not end")


# ------------------------------------------------------------------ strategies
# days that occur in the data (so boundaries are hit exactly), and arbitrary ones
SEEN_DAYS = sorted(
    {d for d in DAY.values() if d}
    | {d for r in ROWS for e in r["facts"].get("events", []) if (d := event_day(e["date"], DAY[e["article_id"]]))}
)
dates = st.sampled_from(SEEN_DAYS) | st.dates(min_value=dt.date(2022, 12, 1), max_value=dt.date(2024, 1, 31)).map(
    lambda d: d.isoformat()
)
texty = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
names = st.sampled_from(NAMES) | st.sampled_from(NAMES).map(str.lower) | texty
codes = st.sampled_from([c for c in COUNTRIES if c]) | st.sampled_from([c.lower() for c in COUNTRIES if c])
floats = st.floats(min_value=-12, max_value=12, allow_nan=False).map(lambda x: (repr(x), x))

FILTERS: dict[str, dict[str, st.SearchStrategy[tuple[str, Any]]]] = {
    "articles": {
        "q": st.lists(st.sampled_from((*WORDS, "Report", "story", "Blinken")), min_size=1, max_size=2).map(
            lambda ws: (" ".join(ws),) * 2
        ),
        "date_from": dates.map(lambda d: (d, d)),
        "date_to": dates.map(lambda d: (d, d)),
        "site": st.sampled_from([s for s in SITES if s] + ["zzz"]).map(lambda s: (s, s)),
        "story": st.sampled_from(["s0", "s1", "s6", "s9"]).map(lambda s: (s, s)),
        "actor": names.map(lambda s: (s, s)),
        "country": codes.map(lambda s: (s, s)),
        "theme": st.sampled_from(THEMES).map(lambda s: (s, s)),
        "event_type": st.sampled_from(["04", "19", "03", "consult", "AID", "xx"]).map(lambda s: (s, s)),
    },
    "entities": {
        "name": names.map(lambda s: (s, s)),
        "kind": st.sampled_from(["PERSON", "ORG", "GPE"]).map(lambda s: (s, s)),
        "country": codes.map(lambda s: (s, s)),
        "actor_code": st.sampled_from(["USAGOV", "chngov"]).map(lambda s: (s, s)),
        "min_confidence": floats.map(lambda f: (f[0], f[1])),
        "date_from": dates.map(lambda d: (d, d)),
    },
    "quotes": {
        "speaker": names.map(lambda s: (s, s)),
        "kind": st.sampled_from(["direct", "indirect"]).map(lambda s: (s, s)),
        "contains": (st.sampled_from(WORDS) | texty).map(lambda s: (s, s)),
        "date_to": dates.map(lambda d: (d, d)),
        "min_confidence": floats.map(lambda f: (f[0], f[1])),
    },
    "events": {
        "dyad": st.tuples(codes, codes).map(lambda t: (f"{t[0]}-{t[1]}",) * 2),
        "source_country": codes.map(lambda s: (s, s)),
        "target_country": codes.map(lambda s: (s, s)),
        "actor": names.map(lambda s: (s, s)),
        "quad_class": st.integers(1, 4).map(lambda q: (str(q), q)),
        "cameo_root": st.sampled_from(["04", "19", "03"]).map(lambda s: (s, s)),
        "plover_event": st.sampled_from([p for p in PLOVER if p] + ["consult"]).map(lambda s: (s, s)),
        "factuality": st.sampled_from(["asserted", "planned", "negated"]).map(lambda s: (s, s)),
        "date_from": dates.map(lambda d: (d, d)),
        "date_to": dates.map(lambda d: (d, d)),
        "min_goldstein": floats.map(lambda f: (f[0], f[1])),
        "max_goldstein": floats.map(lambda f: (f[0], f[1])),
    },
    "themes": {
        "issue": st.sampled_from(THEMES).map(lambda s: (s, s)),
        "on_agenda": st.sampled_from([("true", 1), ("false", 0), ("1", 1), ("0", 0)]),
        "min_score": floats.map(lambda f: (f[0], f[1])),
    },
}
SORTS = {
    "articles": ["published", "title", "id", "chars"],
    "entities": ["position", "id", "confidence", "name"],
    "quotes": ["position", "id", "confidence"],
    "events": ["date", "goldstein", "id", "position"],
    "themes": ["position", "id", "confidence", "score"],
}


@st.composite
def requests(draw: Callable[..., Any]) -> tuple[str, dict[str, str], dict[str, Any], str, str]:
    kind = draw(st.sampled_from(sorted(FILTERS)))
    chosen = draw(st.lists(st.sampled_from(sorted(FILTERS[kind])), max_size=3, unique=True))
    raw, values = {}, {}
    for name in chosen:
        raw[name], values[name] = draw(FILTERS[kind][name])
    sort = draw(st.sampled_from(SORTS[kind]))
    order = draw(st.sampled_from(["asc", "desc"]))
    raw.update(sort=sort, order=order, limit=str(draw(st.integers(15, 300))))
    return kind, raw, values, sort, order


@SETTINGS
@given(requests())
def test_web_api_filters_equal_python_reference(client: httpx.Client, req: Any) -> None:
    kind, raw, values, sort, order = req
    assert fetch_all(client, kind, raw) == reference(kind, values, sort, order)


def test_web_api_reference_is_not_vacuous(client: httpx.Client) -> None:
    """The fixture has rows for the filters the property test draws (so equality means something)."""
    for kind, params in (
        ("articles", {"country": "USA"}),
        ("events", {"dyad": "USA-CHN"}),
        ("quotes", {"speaker": "antony blinken"}),
        ("themes", {"issue": "trade"}),
        ("entities", {"name": "Qin Gang"}),
    ):
        ids = fetch_all(client, kind, {**params, "limit": "7"})
        assert 0 < len(ids) == len(reference(kind, params, SORTS[kind][0], "asc")), kind


hostile = st.text(max_size=60) | st.sampled_from(
    [
        "'",
        '"',
        ";",
        "--",
        "' OR 1=1 --",
        "\x00",
        "%",
        "_",
        "\\",
        "'); DROP TABLE articles; --",
        "\u202e",
        "NEAR(",
        "*",
        "AND OR",
    ]
)


@SETTINGS
@given(st.sampled_from(sorted(FILTERS)), st.data())
def test_web_api_hostile_values_never_500(client: httpx.Client, kind: str, data: st.DataObject) -> None:
    names = [*sorted(FILTERS[kind]), "sort", "order", "limit", "cursor", "format"]
    params = {
        n: data.draw(hostile) for n in data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
    }
    r = client.get(f"/api/{kind}", params=params)
    assert r.status_code in (200, 400), (r.status_code, r.text, params)
    if r.status_code == 400:
        assert r.json()["error"]
    assert client.get("/api/articles", params={"limit": "1"}).status_code == 200  # the tables are still there


@SETTINGS
@given(st.sampled_from(sorted(FILTERS)), st.text(min_size=1, max_size=20))
def test_web_api_unknown_fields_and_sorts_are_400(client: httpx.Client, kind: str, name: str) -> None:
    if name not in FILTERS[kind] and name not in ("sort", "order", "limit", "cursor", "format"):
        r = client.get(f"/api/{kind}", params={name: "x"})
        assert r.status_code == 400 and "unknown parameter" in r.json()["error"]
    if name not in SORTS[kind]:
        r = client.get(f"/api/{kind}", params={"sort": name})
        assert r.status_code == 400 and "sort" in r.json()["error"]


@pytest.mark.parametrize("kind", sorted(SORTS))
def test_web_api_small_pages_walk_every_row_once(client: httpx.Client, kind: str) -> None:
    for order in ("asc", "desc"):
        sort = SORTS[kind][-1]
        got = fetch_all(client, kind, {"limit": "2", "sort": sort, "order": order})
        assert got == reference(kind, {}, sort, order) and len(got) == len(set(got)) > 10


def test_web_api_page_size_is_capped_and_cursors_checked(client: httpx.Client) -> None:
    body = client.get("/api/entities", params={"limit": "5000"}).json()
    assert body["limit"] == 1000 and len(body["items"]) <= 1000
    assert client.get("/api/entities", params={"limit": "0"}).status_code == 400
    assert client.get("/api/entities", params={"limit": "10", "sort": "name"}).status_code == 200
    cursor = client.get("/api/entities", params={"limit": "3"}).json()["next_cursor"]
    assert client.get("/api/entities", params={"cursor": cursor, "sort": "id"}).status_code == 400
    assert client.get("/api/entities", params={"cursor": "not-a-cursor!"}).status_code == 400
    assert client.get("/api/entities?kind=PERSON&kind=ORG").status_code == 400
    assert client.get("/api/dyads/USA-CHN/series", params={"interval": "decade"}).status_code == 400
    assert client.get("/api/dyads/USA-CHN/series", params={"factuality": "rumoured"}).status_code == 400
    assert client.get("/api/dyads/USA;--/series").status_code == 400
    assert client.get("/api/sql", params={"q": "select 1"}).status_code == 404  # no raw SQL endpoint


def test_web_api_downloads_stream_all_rows_with_safe_cells(client: httpx.Client) -> None:
    want = reference("quotes", {}, "position", "asc")
    with client.stream("GET", "/api/quotes", params={"format": "csv"}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        text = "".join(r.iter_text())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == want
    assert all(not row["text"].startswith(("=", "+", "-", "@")) for row in rows)
    lines = client.get("/api/events", params={"format": "jsonl", "dyad": "USA-CHN"}).text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == reference("events", {"dyad": "USA-CHN"}, "date", "asc")


def test_web_api_dyad_series_matches_events(client: httpx.Client) -> None:
    body = client.get("/api/dyads/USA-CHN/series", params={"interval": "month"}).json()
    series = body["series"]
    events = [
        f
        for r in ROWS
        for f in r["facts"].get("events", [])
        if ref_fact("events", f, "dyad", "USA-CHN")
        and f.get("factuality", "asserted") == "asserted"
        and event_day(f["date"], DAY[f["article_id"]])
    ]
    # one event per cluster, charted on the day of its first row; copies count every row
    clusters: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        clusters.setdefault(event_cluster_id(e, DAY[e["article_id"]]), []).append(e)
    assert sum(p["events"] for p in series) == body["events"] == len(clusters) > 0
    assert sum(p["copies"] for p in series) == len(events)
    months: dict[str, list[int]] = {}
    for rows in clusters.values():
        first = min(event_day(e["date"], DAY[e["article_id"]]) or "" for e in rows)
        months.setdefault(first[:7], [0, 0])
        months[first[:7]][0] += rows[0]["quad_class"] in (1, 2)
        months[first[:7]][1] += rows[0]["quad_class"] in (3, 4)
    assert {p["bucket"]: [p["cooperation"], p["conflict"]] for p in series} == months
    weeks = client.get("/api/dyads/USA-CHN/series", params={"interval": "week"}).json()["series"]
    assert all(dt.date.fromisoformat(p["bucket"]).weekday() == 0 for p in weeks)  # weeks start on Monday


def test_web_openapi_documents_filters_and_sorts(client: httpx.Client) -> None:
    doc = client.get("/openapi.json").json()
    params = {p["name"]: p for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert {"dyad", "quad_class", "date_from", "sort", "cursor", "limit", "format"} <= set(params)
    assert params["sort"]["schema"]["enum"] == SORTS["events"]
    assert params["limit"]["schema"]["maximum"] == 1_000_000  # a page holds at most 1000; a download more
    assert "1000" in params["limit"]["description"]
    assert {
        "/api/articles",
        "/api/entities",
        "/api/quotes",
        "/api/themes",
        "/api/dyads/{pair}/series",
        "/api/briefs/{target}",
        "/api/articles/{article_id}",
    } <= set(doc["paths"])
    assert not any(p.startswith("/search") or p.startswith("/articles") for p in doc["paths"])


def test_web_openapi_list_responses_are_typed(client: httpx.Client) -> None:
    doc = client.get("/openapi.json").json()
    schemas = doc["components"]["schemas"]
    for path, item in (("/api/articles", "ArticleRow"), ("/api/events", "Event"), ("/api/quotes", "Quote")):
        ref = doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        page = schemas[ref.rsplit("/", 1)[1]]
        assert page["properties"]["items"]["items"]["$ref"].endswith("/" + item), path
        assert {"next_cursor", "limit"} <= set(page["properties"])
    assert {"source", "target", "cameo_code", "factuality", "place"} <= set(schemas["Event"]["properties"])
    summary = doc["paths"]["/api/events/summary"]["get"]["responses"]["200"]["content"]["application/json"]
    assert summary["schema"]["$ref"].endswith("/EventSummary")


def test_web_api_downloads_honour_limit(client: httpx.Client) -> None:
    for fmt in ("csv", "jsonl"):
        for path in ("/api/articles", "/api/events"):
            full = client.get(path, params={"format": fmt}).text.strip().splitlines()
            cut = client.get(path, params={"format": fmt, "limit": 7}).text.strip().splitlines()
            header = 1 if fmt == "csv" else 0
            assert len(full) - header > 7 and len(cut) - header == 7, (path, fmt)
            assert cut == full[: len(cut)]
    big = client.get("/api/articles", params={"format": "jsonl", "limit": 5000}).text.strip().splitlines()
    assert len(big) == len(ITEMS)  # more than a page's 1000 is allowed for a download
