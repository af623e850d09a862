"""Driving Debian's chromium with Playwright for the web tests: one browser per module, console
errors (CSP violations included) collected per page, axe-core (vendored by `make browser`)
injected through the DevTools protocol so the page's CSP stays in force, screenshots to
artifacts/web/."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "build" / "axe" / "axe.min.js"
ARTIFACTS = ROOT / "artifacts" / "web"
SCREENSHOTS = ROOT / "docs" / "screenshots"  # the README's pictures, made by the test suite
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed (make browser)")


@contextmanager
def browser_page(width: int = 1280, height: int = 900) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.errors = errors
        try:
            yield page
        finally:
            browser.close()


def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make browser` vendors axe-core from npm")
    return AXE.read_text("utf-8")


def axe_violations(page: Any, source: str) -> list[dict[str, Any]]:
    """Serious and critical WCAG 2.1 A/AA violations axe-core finds on the current page."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(source + "\n;0")
    result = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target)}))",
        AXE_TAGS,
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def sideways_overflow(page: Any) -> int:
    """How many pixels the page scrolls sideways (0 when it reflows to the viewport)."""
    return int(page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def shot(page: Any, name: str, *, full: bool = True) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)
