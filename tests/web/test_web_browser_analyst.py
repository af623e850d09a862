"""The analyst's pages in a real browser (Debian chromium via Playwright) on the demo store
(`tidings demo`: the bundled sample pages through every fact stage), served by `tidings serve`'s
app on loopback: the event browser with facets, the map, search by names, timelines, dyads side
by side, index pages, briefs with evidence links, the API docs. Every page passes axe-core
(0 serious or critical WCAG 2.1 AA violations) and reflows at 400 px without scrolling sideways.
Screenshots go to artifacts/web/ (and the README's two to docs/screenshots/)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from browser_kit import (
    ARTIFACTS,
    SCREENSHOTS,
    axe_source,
    axe_violations,
    browser_page,
    needs_chromium,
    shot,
    sideways_overflow,
)
from web_store import serve

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    done = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "demo", "--db", str(db)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def page(demo_url: str) -> Iterator[Any]:
    with browser_page() as pg:
        yield pg


def events_count(page: Any) -> int:
    return int(page.locator(".count-line [data-events]").first.get_attribute("data-events"))


def pages_to_check(base: str) -> list[str]:
    """Every kind of page, with ids taken from the store itself."""
    api = httpx.Client(base_url=base, timeout=30)
    summary = api.get("/api/events/summary").json()
    dyad = summary["facets"]["dyad"][0]["value"]
    article = api.get("/api/articles", params={"limit": 1}).json()["items"][0]["id"]
    actor = api.get("/api/actors", params={"limit": 1}).json()["items"][0]["key"]
    story = api.get("/api/articles", params={"limit": 1}).json()["items"][0]["story_id"] or article
    plover = summary["facets"]["plover"][0]["value"]
    return [
        "/",
        "/events",
        f"/events?plover={plover}&dyad={dyad}&factuality=asserted&factuality=planned",
        "/map",
        "/map?view=asia",
        f"/timeline?dyad={dyad}",
        f"/compare?dyad={dyad}&dyad=USA-CHN",
        "/search?q=trade",
        "/search?country=Chna",
        "/actors",
        f"/actors/{actor}",
        "/themes",
        "/stories",
        f"/stories/{story}",
        f"/articles/{article}",
        f"/articles/{article}?span=0-20",
        f"/dyads/{dyad}?interval=month",
        f"/briefs/{article}",
        f"/briefs/dyad:{dyad}",
        f"/briefs/actor:{actor}",
        "/docs",
        "/no-such-page",
    ]


def test_web_every_page_passes_axe_and_reflows_at_400px(page: Any, demo_url: str) -> None:
    source = axe_source()
    found: dict[str, Any] = {}
    wide: dict[str, int] = {}
    for path in pages_to_check(demo_url):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(demo_url + path)
        for det in page.locator("details").all():  # check the table alternatives too
            if not det.get_attribute("open"):
                det.locator("summary").click()
        bad = axe_violations(page, source)
        if bad:
            found[path] = bad
        page.set_viewport_size({"width": 400, "height": 800})
        page.reload()
        if sideways_overflow(page) > 0:
            wide[path] = sideways_overflow(page)
        name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
        shot(page, f"400px-{name}", full=False)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert (found, wide) == ({}, {})
    assert [e for e in page.errors if "404" not in e] == []  # no CSP violation, no script error


def test_web_event_browser_facets_sort_pages_permalink_and_export(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "/events")
    total = events_count(page)
    assert total > 10
    assert page.locator(".facet h3", has_text="Country pair").count() == 1
    # names, not codes: CAMEO roots and country pairs are labelled
    first_pair = page.locator("#facet-dyad + ul a").first
    assert re.search(r"[a-z]{3}", first_pair.inner_text()), first_pair.inner_text()
    shot(page, "events-1-all")
    # one facet: the count becomes the facet's count
    plover = page.locator("#facet-plover + ul a").first
    want = int(plover.locator(".count").inner_text().replace(",", ""))
    plover.click()
    page.wait_for_url("**plover=*")
    assert events_count(page) == want
    # a second and a third facet narrow it down; each count is what the facet promised
    for facet in ("dyad", "year"):  # facets with nothing chosen yet: a value narrows to its count
        link = page.locator(f"#facet-{facet} + ul a:not(.on)").first
        promised = int(link.locator(".count").inner_text().replace(",", ""))
        link.click()
        page.wait_for_load_state()
        assert events_count(page) == promised, facet
    narrowed = events_count(page)
    assert page.locator(".chips a[aria-label^='Remove filter']").count() >= 3
    shot(page, "events-2-three-facets")
    # the permalink reproduces the page
    href = page.locator("a.permalink").get_attribute("href")
    page.goto(demo_url + href)
    assert events_count(page) == narrowed
    # export buttons carry the filters: the CSV has one row per event counted
    export = page.locator("a.export", has_text="CSV").get_attribute("href")
    assert parse_qs(urlsplit(export).query)["plover"] == parse_qs(urlsplit(href).query)["plover"]
    rows = httpx.get(demo_url + export, timeout=30).text.strip().splitlines()
    assert len(rows) - 1 == narrowed
    gdelt = page.locator("a.export", has_text="GDELT").get_attribute("href")
    assert httpx.get(demo_url + gdelt, timeout=30).status_code == 200
    # sort and paging
    page.goto(demo_url + "/events")
    page.select_option("select[name=sort]", "oldest first")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**sort=date_asc*")
    days = [d for d in page.locator("table.events tbody td.nowrap:first-child").all_inner_texts() if d != "undated"]
    assert days == sorted(days)
    if page.locator("a.next").count():
        page.click("a.next")
        page.wait_for_url("**page=2*")
        assert page.locator("table.events tbody tr").count() >= 1
    # removing a chip widens again
    page.goto(demo_url + href)
    page.locator(".chips a[aria-label^='Remove filter']").first.click()
    page.wait_for_load_state()
    assert events_count(page) >= narrowed
    # README picture: the event browser with facets
    page.goto(demo_url + "/events")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "event-browser.png"), clip={"x": 0, "y": 0, "width": 1280, "height": 900})


def test_web_map_points_lead_to_their_events(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "/map")
    dots = page.locator("#event-map a.dot")
    assert dots.count() >= 3
    assert page.locator("#event-map path.land").count() > 150  # Natural Earth shapes served by tidings
    shot(page, "map-1-world")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("figure.map").screenshot(path=str(SCREENSHOTS / "map.png"))
    dot = dots.last  # the smallest circle is drawn last, on top
    want = int(dot.get_attribute("data-events"))
    href = dot.get_attribute("href")
    page.locator("#event-map a.dot circle").last.click(force=True)
    page.wait_for_url("**/events?*place=*")
    assert page.url.endswith(href.split("?", 1)[1]) or "place=" in page.url
    assert events_count(page) == want
    shot(page, "map-2-events-of-a-place")
    # the map is filtered like the browser; its table lists the same places
    page.goto(demo_url + "/map?view=europe&factuality=any")
    assert page.locator("nav.views a[aria-current]").inner_text() == "Europe"
    assert page.locator("table.places tbody tr").count() >= 1
    urls = page.evaluate(
        "() => [...document.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') || e.getAttribute('href'))"
    )
    for url in urls:
        assert url.startswith(("/", "#", demo_url)), url  # nothing from another host


def test_web_search_takes_names_shows_counts_snippets_and_reasons(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "/search")
    # an actor by alias, with suggestions while typing
    api = httpx.get(demo_url + "/api/actors", params={"limit": 1}).json()["items"][0]
    page.fill("input[name=actor]", api["name"][:3])
    page.wait_for_function("() => document.querySelectorAll('#actor-names option').length > 0", timeout=10_000)
    options = page.locator("#actor-names option").evaluate_all("os => os.map(o => o.value)")
    assert api["name"] in options
    page.fill("input[name=actor]", api["name"])
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**actor=*")
    assert int(page.locator("[data-total]").get_attribute("data-total")) >= 1
    shot(page, "search-1-actor")
    # a country by name and words with a prefix: count, snippets with the hits marked
    page.goto(demo_url + "/search?q=trade*&country=China")
    total = int(page.locator("[data-total]").get_attribute("data-total"))
    assert total >= 1
    assert page.locator(".snippet mark").count() >= 1
    assert "reading country as china" in page.locator(".meta").first.inner_text().lower()
    # relevance and date sorts; phrase and OR
    page.locator(".count-line a", has_text="newest").click()
    page.wait_for_url("**sort=newest*")
    days = [m[:10] for m in page.locator("ol.results .meta").all_inner_texts()]
    assert days == sorted(days, reverse=True)
    page.goto(demo_url + '/search?q="trade talks" OR tariffs')
    assert page.locator("[data-total]").count() == 1
    shot(page, "search-2-words")
    # no results: the page says why
    page.goto(demo_url + "/search?country=Chna")
    assert "no country is called “Chna”" in page.locator(".why").inner_text()
    page.goto(demo_url + "/search?q=zzzzqqq")
    assert "no article matches the text filter" in page.locator(".why").inner_text()
    shot(page, "search-3-no-results")


def test_web_timeline_bars_keep_the_range_and_lead_to_events(page: Any, demo_url: str) -> None:
    summary = httpx.get(demo_url + "/api/events/summary").json()
    dyad = summary["facets"]["dyad"][0]["value"]
    page.goto(demo_url + f"/timeline?dyad={dyad}&interval=year&since=2023-06-01&until=2024-05-31")
    bars = page.locator("#timeline-chart a.bar")
    assert bars.count() >= 1
    shot(page, "timeline-1")
    bar = next(b for b in bars.all() if int(b.get_attribute("aria-label").split(": ")[1].split(" ")[0]) > 0)
    want = int(bar.get_attribute("aria-label").split(": ")[1].split(" ")[0])
    bar.locator("rect").last.click(force=True)
    page.wait_for_url("**/events?*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["since"][0] >= "2023-06-01" and query["until"][0] <= "2024-05-31"
    assert events_count(page) == want
    # the table alternative has the same links
    page.goto(demo_url + f"/timeline?dyad={dyad}&interval=year")
    page.locator("details.chart-table summary").click()
    assert page.locator("details.chart-table tbody a").count() == len(
        [b for b in page.locator("#timeline-chart a.bar").all() if " 0 events" not in b.get_attribute("aria-label")]
    )
    # side by side: one scale for both
    page.goto(demo_url + f"/compare?dyad={dyad}&dyad=USA-CHN&interval=month")
    assert page.locator(".compare-one").count() == 2
    shot(page, "compare")


def test_web_dyad_page_counts_and_bar_clicks_respect_the_range(page: Any, demo_url: str) -> None:
    summary = httpx.get(demo_url + "/api/events/summary").json()
    dyad = summary["facets"]["dyad"][0]["value"]
    page.goto(demo_url + f"/dyads/{dyad}?interval=year")
    page.fill("input[name=date_from]", "2024-01-01")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**date_from=2024-01-01*")
    header = int(page.locator("#dyad-count [data-events]").get_attribute("data-events"))
    rows = page.locator("table.events tbody tr:not(:has(.empty))").count()
    assert rows == min(header, 50)
    bar = page.locator("#dyad-chart a.bar").first
    bar.locator("rect").last.click(force=True)
    page.wait_for_url("**bucket=*")
    shown = int(page.locator("#events [data-events]").get_attribute("data-events"))
    days = page.locator("table.events tbody td.nowrap:first-child").all_inner_texts()
    assert len(days) == min(shown, 50) and all(d >= "2024-01-01" for d in days if d != "undated")
    shot(page, "dyad-bucket-in-range")


def test_web_article_highlights_keyboard_panels_and_evidence(page: Any, demo_url: str) -> None:
    article = httpx.get(demo_url + "/api/articles", params={"limit": 1}).json()["items"][0]["id"]
    page.goto(demo_url + f"/articles/{article}")
    # the skip link is the first tab stop and lands in main
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # all highlights are one tab stop; the arrow keys move between them, Enter opens details
    stops = page.evaluate("() => document.querySelectorAll('#article-text .hl[tabindex=\"0\"]').length")
    assert stops == 1
    first = page.locator("#article-text .hl[tabindex='0']")
    first.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("() => document.activeElement !== null && document.activeElement.tabIndex") == 0
    assert page.evaluate("() => document.querySelectorAll('#article-text .hl[tabindex=\"0\"]').length") == 1
    page.keyboard.press("Enter")
    assert page.locator(".fact-panel:visible").count() >= 1
    # a fact list button below the text opens its panel where the reader is looking
    button = page.locator(".fact-lists button.fact-link").last
    button.scroll_into_view_if_needed()
    button.click()
    panel = page.locator(".fact-panel:visible").first
    box = panel.bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["y"] < viewport["height"] and box["y"] + min(box["height"], 100) > 0
    shot(page, "article-panel-from-list", full=False)
    # a brief's evidence link opens the article at the quoted span
    page.goto(demo_url + f"/briefs/{article}")
    evidence = page.locator("a.evidence").first
    if evidence.count():
        words = evidence.inner_text().split("“", 1)[-1][:12]
        evidence.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**#evidence")
        mark = page.locator("#evidence")
        assert mark.is_visible()
        box = mark.bounding_box()
        assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
        assert words in "".join(page.locator("#article-text .hl-evidence").all_inner_texts())
        shot(page, "brief-evidence-in-article", full=False)


def test_web_index_pages_home_and_briefs(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "/")
    pairs = page.locator("ol.dyads a")
    assert pairs.count() >= 1  # top dyads of this store, not an empty USA-CHN chart
    first = pairs.first.inner_text()
    pairs.first.click()
    page.wait_for_url("**/dyads/*")
    assert page.locator("#dyad-chart a.bar").count() >= 1, first
    page.goto(demo_url + "/actors")
    assert page.locator("table.actors tbody tr").count() >= 5
    page.locator("table.actors tbody a").first.click()
    page.wait_for_url("**/actors/*")
    # titles, not hex ids, on the actor page; its brief link works
    for text in page.locator("table.events tbody td:last-child a").all_inner_texts():
        assert not re.fullmatch(r"a[0-9a-f]{16}", text), text
    page.click("text=brief: what is going on")
    assert page.locator("h1").inner_text().startswith("Brief:")
    assert page.locator("text=Brief not available").count() == 0
    shot(page, "actor-brief")
    page.goto(demo_url + "/themes")
    assert page.locator("table.themes tbody a").count() >= 1
    page.goto(demo_url + "/stories")
    assert page.locator("h1").inner_text() == "Stories"
    summary = httpx.get(demo_url + "/api/events/summary").json()
    dyad = summary["facets"]["dyad"][0]["value"]
    page.goto(demo_url + f"/briefs/dyad:{dyad}")
    assert page.locator("#brief-chart").count() == 1
    assert page.locator(".brief-part h2").count() >= 1
    assert "Since" not in page.inner_text("main")
    shot(page, "brief-dyad")
    page.goto(demo_url + "/docs")
    assert page.locator("section.endpoint").count() >= 15
    assert page.errors == [] or all("404" in e for e in page.errors)


def test_web_readme_screenshots_exist() -> None:
    """Run after the browser tests above: the README shows what they photographed."""
    for name in ("event-browser.png", "map.png"):
        path = SCREENSHOTS / name
        assert path.exists() and path.stat().st_size > 10_000, path
        shutil.copy(path, ARTIFACTS / f"readme-{name}")
