"""The analyst's pages over HTTP on a real server: names instead of codes, search by names with
counts, snippets and reasons, index pages, briefs as pages with evidence links, the API index."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import lxml.html
import pytest

from web_store import blinken_item, serve, synthetic_items, write_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, blinken_text: str) -> Iterator[httpx.Client]:
    db = tmp_path_factory.mktemp("pages") / "p.db"
    write_store(db, [blinken_item(blinken_text), *synthetic_items(120, seed=4)])
    with serve(db) as base, httpx.Client(base_url=base, timeout=30) as c:
        yield c


def doc(r: httpx.Response) -> lxml.html.HtmlElement:
    assert r.status_code == 200, r.text[:400]
    return lxml.html.document_fromstring(r.text)


def total(client: httpx.Client, **params: str) -> int:
    found = doc(client.get("/search", params=params)).xpath("//*[@data-total]")
    return int(found[0].get("data-total")) if found else -1


def why(client: httpx.Client, path: str, **params: str) -> str:
    return " ".join(doc(client.get(path, params=params)).xpath("//*[contains(@class, 'why')]//text()"))


def test_web_search_takes_names(client: httpx.Client) -> None:
    assert total(client, country="China") == total(client, country="CHN") == total(client, country="chinese") > 0
    assert total(client, theme="Taiwan") == total(client, theme="taiwan") > 0
    assert total(client, actor="Blinken") == total(client, actor="Antony Blinken") >= 1
    assert total(client, q="Blinken", actor="blinken") >= 1
    assert "no country is called “Chna”" in why(client, "/search", country="Chna")
    assert "no theme is called" in why(client, "/search", theme="Taiwann")
    assert "no actor is called" in why(client, "/search", actor="Blinkinn")
    assert "quotation mark is not closed" in why(client, "/search", q='"trade')
    assert "no article matches the text filter on its own" in why(client, "/search", q="zzqqxx")
    reason = why(client, "/search", q="balloon", theme="climate")
    assert total(client, q="balloon") > 0 and total(client, theme="climate") > 0
    if total(client, q="balloon", theme="climate") == 0:
        assert "no article matches them all together" in reason


def test_web_search_counts_snippets_sorts_and_operators(client: httpx.Client) -> None:
    page = doc(client.get("/search", params={"q": "balloon"}))
    n = int(page.xpath("//*[@data-total]")[0].get("data-total"))
    assert n > 0 and page.xpath("//p[@class='snippet']/mark")
    assert all(m.text_content().lower() == "balloon" for m in page.xpath("//p[@class='snippet']/mark"))
    both = total(client, q="balloon summit")
    either = total(client, q="balloon OR summit")
    assert either >= max(n, total(client, q="summit")) >= both
    assert total(client, q="balloon -summit") == n - both
    assert total(client, q="ballo*") >= n
    assert total(client, q='"trade chips"') <= total(client, q="trade chips")
    newest = doc(client.get("/search", params={"q": "talks", "sort": "newest"}))
    days = [m.text_content()[:10] for m in newest.xpath("//ol[@class='results']/li/div[@class='meta']")]
    assert days == sorted(days, reverse=True)
    api = client.get("/api/search", params={"q": "balloon", "limit": 3}).json()
    assert api["total"] == n and "<mark>" in api["items"][0]["snippet_html"] and len(api["items"]) <= 3


def test_web_event_browser_speaks_names(client: httpx.Client) -> None:
    page = doc(client.get("/events"))
    labels = [a.text_content() for a in page.xpath("//section[@aria-labelledby='facet-dyad']//a")]
    assert labels and all(re.search(r"[A-Z][a-z]", x) for x in labels), labels  # "China – United States"
    assert any("China" in x for x in labels)
    plover = page.xpath("//section[@aria-labelledby='facet-plover']//a")[0].text_content()
    assert re.search(r"[A-Z][a-z]+", plover)
    assert "no country is called “Chna”" in why(client, "/events", country="Chna")
    assert (
        doc(client.get("/events", params={"country": "Chna"})).xpath("//*[@data-events]")[0].get("data-events") == "0"
    )
    assert client.get("/events", params={"sort": "loudest"}).status_code == 400
    assert client.get("/events", params={"bogus": "1"}).status_code == 400
    chips = doc(client.get("/events", params={"country": "China", "plover": "CONSULT"})).xpath(
        "//ul[@class='chips']//a"
    )
    assert {"Country: China", "Type: Consult"} <= {c.text_content().replace("×", "").strip() for c in chips}


def test_web_index_pages_and_brief_links(client: httpx.Client) -> None:
    actors = doc(client.get("/actors"))
    first = actors.xpath("//table[@class='actors']//tbody//a/@href")[0]
    page = doc(client.get(first))
    brief = page.xpath("//a[contains(text(), 'brief')]/@href")[0]
    assert client.get(brief).status_code == 200  # brief links on actor pages are not 404
    for href in page.xpath("//table[@class='events']//td[last()]/a"):
        assert not re.fullmatch(r"a[0-9a-f]{16}", href.text_content())  # titles, not ids
    found = doc(client.get("/actors", params={"q": "Blink"})).xpath("//table[@class='actors']//tbody//a")
    assert any("Blinken" in a.text_content() for a in found)
    suggested = client.get("/api/actors/suggest", params={"prefix": "blin"}).json()
    assert suggested and suggested[0]["name"].lower() == "antony blinken"
    themes = doc(client.get("/themes")).xpath("//table[@class='themes']//tbody//a/text()")
    assert "Taiwan" in themes
    stories = doc(client.get("/stories"))
    assert stories.xpath("//table[@class='stories']//tbody//a")
    home = doc(client.get("/"))
    pairs = home.xpath("//ol[@class='dyads']//a")
    assert pairs and client.get(pairs[0].get("href")).status_code == 200


def test_web_briefs_are_pages_with_evidence_links(client: httpx.Client) -> None:
    article = client.get("/api/articles", params={"q": "Blinken"}).json()["items"][0]["id"]
    for target in (article, "dyad:USA-CHN", "actor:Antony Blinken"):
        page = doc(client.get(f"/briefs/{quote(target, safe=':')}"))
        assert page.xpath("//h1")[0].text_content().startswith("Brief: ")
        assert page.xpath("//section[@class='brief-part']/h2")
        assert "Since" not in page.text_content()
        for href in page.xpath("//a[@class='evidence']/@href")[:5]:
            assert re.search(r"\?span=\d+-\d+#evidence$", href)
            target_page = doc(client.get(href))
            assert target_page.xpath("//*[@id='evidence']"), (target, href)
    dyad = doc(client.get("/briefs/dyad:USA-CHN"))
    assert dyad.xpath("//svg[@id='brief-chart']") and dyad.xpath("//details[@class='chart-table']//table")
    assert client.get("/briefs/actor:Nobody%20At%20All").status_code == 404
    assert client.get(f"/articles/{article}", params={"span": "x"}).status_code == 400


def test_web_api_index_and_docs(client: httpx.Client) -> None:
    index = client.get("/api/").json()
    paths = {e["path"] for e in index["endpoints"]}
    assert {"/api/events/summary", "/api/events/series", "/api/events/places", "/api/search", "/api/articles"} <= paths
    docs = doc(client.get("/docs"))
    assert len(docs.xpath("//section[@class='endpoint']")) == len(index["endpoints"])
    assert client.get("/api/events/export", params={"format": "gdelt", "limit": "2"}).status_code == 200
