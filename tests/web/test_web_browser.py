"""Browser tests: Playwright driving Debian's chromium against a real server.

Search, open the motivating article, click a highlighted quote and see its speaker, open
the USA–CHN dyad chart. Screenshots go to artifacts/web/.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_kit import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS
from web_store import blinken_item, serve, synthetic_items, write_store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed (make browser)"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, blinken_text: str) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "t.db"
    write_store(db, [blinken_item(blinken_text), *synthetic_items(60)])
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.errors = errors
        yield pg
        browser.close()


def test_web_browser_search_article_quote_and_dyad(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill(".big-search input[name=q]", "Blinken Beijing")
    page.click(".big-search button")
    page.wait_for_url("**/search?q=Blinken*")
    page.screenshot(path=str(ARTIFACTS / "1-search.png"), full_page=True)
    first = page.locator("ol.results a.title").first
    assert "Blinken" in first.inner_text()

    first.click()
    page.wait_for_selector("#article-text .hl-quote")
    assert page.locator(".fact-panel:visible").count() == 0  # details stay hidden until a click
    quote = page.locator("#article-text .hl-quote", has_text="competition").first
    quote.click()
    visible = page.locator(".fact-panel.kind-quotes:visible")
    assert visible.count() == 1
    assert visible.locator(".detail-speaker").inner_text().startswith("Antony Blinken")
    assert "tests.web.fixture.v1" in visible.locator(".provenance").inner_text()
    page.screenshot(path=str(ARTIFACTS / "2-article-quote.png"), full_page=True)

    visible.locator(".detail-speaker a").click()
    page.wait_for_selector("h1:has-text('Antony Blinken')")
    assert "Secretary of State" in page.inner_text(".actor-meta")
    page.screenshot(path=str(ARTIFACTS / "3-actor.png"), full_page=True)

    page.goto(base_url + "/dyads/USA-CHN?interval=month")
    bars = page.locator("#dyad-chart a.bar")
    assert bars.count() >= 2
    june = page.locator("#dyad-chart a.bar[data-bucket='2023-06']")
    june.click()
    page.wait_for_url("**bucket=2023-06*")
    assert "reached" in page.inner_text("table.events")
    page.screenshot(path=str(ARTIFACTS / "4-dyad-usa-chn.png"), full_page=True)
    assert page.errors == []  # no CSP violations or script errors


@pytest.fixture(scope="module")
def real_url(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Iterator[str]:
    """The motivating page through the real `tidings ingest` (every fact stage)."""
    db = tmp_path_factory.mktemp("real") / "real.db"
    page = shared / "examples" / "blinken-beijing-2023-06-18.txt"
    done = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "ingest", str(page), "--published", "2023-06-18", "--db", str(db)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with serve(db) as url:
        yield url


def test_web_browser_real_ingest_of_the_motivating_page(page: Any, real_url: str) -> None:
    page.goto(real_url + "/search?q=Blinken")
    page.locator("ol.results a.title").first.click()
    page.wait_for_selector("#article-text .hl-quote")
    page.locator("#article-text .hl-quote", has_text="competition").first.click()
    speakers = page.locator(".fact-panel.kind-quotes:visible .detail-speaker").all_inner_texts()
    assert any(s.startswith("Antony Blinken") for s in speakers), speakers
    page.screenshot(path=str(ARTIFACTS / "real-1-article-quote.png"), full_page=True)
    page.goto(real_url + "/dyads/USA-CHN?interval=day")
    page.locator("#dyad-chart a.bar[data-bucket='2023-06-18']").click()
    page.wait_for_url("**bucket=2023-06-18*")
    assert page.locator("table.events tbody tr").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "real-2-dyad-usa-chn.png"), full_page=True)
    href = page.locator("table.events td:last-child a").first.get_attribute("href")
    article_id = href.split("?", 1)[0].rsplit("/", 1)[1]
    page.goto(f"{real_url}/briefs/{article_id}")
    assert page.locator("h1").inner_text().startswith("Brief:")
    assert page.locator("text=Brief not available").count() == 0
    assert page.locator(".brief-part h2", has_text="Main event").count() == 1
    page.screenshot(path=str(ARTIFACTS / "real-3-brief.png"), full_page=True)
    assert page.errors == []


def test_web_browser_long_tokens_wrap(page: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A 400-character token stretched an article page to 4,942 px (issue 19): it wraps."""
    from tidings.extract.build import make_article
    from tidings.records import Paragraph
    from tidings.store.sqlite import BatchItem

    token = "https://news.example/" + "a-very-long-slug-" * 24  # ~430 characters, no break opportunity
    article = make_article(
        source="long",
        paragraphs=[Paragraph("paragraph", f"The report was posted at {token} on Monday, officials said.")],
        title="Report posted " + "x" * 300,
        url="https://news.example/long",
        origin="long",
    )
    db = tmp_path_factory.mktemp("long") / "long.db"
    write_store(db, [BatchItem("long", "raw-long", article)])
    with serve(db) as url:
        for path in (f"/articles/{article.id}", "/search?q=report"):
            page.goto(url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 1280, (path, width)
    page.screenshot(path=str(ARTIFACTS / "long-token.png"), full_page=True)
