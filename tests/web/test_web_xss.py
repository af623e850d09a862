"""XSS: >= 100 payloads in titles, text, names, quotes and URLs of stored pages.

Every HTML page built from them is parsed; the DOM must hold no script element other than
the app's own, no event-handler attribute, no javascript:/data:/vbscript: link and no
active element (iframe, object, embed, base, meta refresh) - and the payload must still be
on the page as text (escaped, not dropped). A browser pass checks that no dialog opens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import lxml.html
import pytest

from tidings.extract.build import make_article
from tidings.extract.hygiene import clean_text
from tidings.ids import fact_id
from tidings.records import ActorRef, Caption, Entity, Event, IssueTag, Paragraph, Quote, Role, Span
from tidings.store.sqlite import BatchItem
from web_store import serve, write_store

VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    '<a href="javascript:alert(1)">click</a>',
    "<iframe src=javascript:alert(1)></iframe>",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "</script><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<!--<script>alert(1)</script>-->",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    "<base href=javascript:alert(1)//>",
    '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
    "<form action=javascript:alert(1)><button>go</button></form>",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<scr<script>ipt>alert(1)</script>",
    "{{7*7}}",
    "{% raw %}{{ x }}",
    "${alert(1)}",
    "\u2028\u2029<script>alert(1)</script>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<a href="data:text/html,x">x</a>',
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>m</marquee>",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    '" autofocus onfocus="alert(1)',
    '<img src="x" onerror="alert(88)">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<isindex action=javascript:alert(1) type=image>",
    "<img src=`x`onerror=alert(1)>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<xss onpointerenter=alert(1)>hover</xss>",
    '"><svg/onload=alert(1)>',
    "<a href=' javascript:alert(1)'>x</a>",
    "<a href=&#106;avascript:alert(1)>x</a>",
    "<img src=x:alert(1) onerror=eval(src)>",
    '<iframe srcdoc="<script>alert(1)</script>">',
    "\x00<script>alert(1)</script>",
    "<script\x20type='text/javascript'>alert(1)</script>",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
]
URL_VECTORS = [
    "javascript:alert(document.domain)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    'https://ok.example/"><script>alert(1)</script>',
    "http://x.example/?q=<img src=x onerror=alert(1)>",
    "//evil.example/path",
    "https:javascript:alert(1)",
    " https://ok.example/lead-space",
    "vbscript:x",
    "https://ok.example/' onmouseover='alert(1)",
    "jav&#x09;ascript:alert(1)",
    "file:///etc/passwd",
]
PAYLOADS = [*VECTORS, *(f"Breaking {i}: {v}" for i, v in enumerate(VECTORS[:40])), *URL_VECTORS]
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|file):", re.I)
ACTIVE = ("iframe", "object", "embed", "base", "frame", "frameset", "applet", "style", "link", "meta")


def payload_item(i: int, p: str) -> BatchItem:
    clean = clean_text(p)  # texts reach the store through extraction, which cleans them (NUL, controls)
    text = f"Lead {i}. {clean} said the minister. “{clean}” he added about {clean}."
    url = p if p in URL_VECTORS else f"https://news.example/{i}?x={quote(p)}"
    article = make_article(
        source="xss",
        paragraphs=[Paragraph("paragraph", text)],
        title=clean,
        url=url,
        published=f"2023-06-{1 + i % 28:02d}",
        site=clean[:40],
        authors=[clean],
        captions=[Caption(clean, clean)],
        origin=f"xss{i}",
    )
    aid, t = article.id, article.text
    s = t.index(clean)
    q = t.index("“") + 1
    who = ActorRef(clean, fact_id("entities", aid, "x"), "USAGOV", "USA")
    facts: dict[str, Any] = {
        "entities": [
            Entity(
                fact_id("entities", aid, "x"),
                aid,
                clean,
                "PERSON",
                aliases=(clean,),
                roles=(Role(clean, "2023-06-18"),),
                country="USA",
                mentions=(Span(s, s + len(clean)),),
                start=s,
                end=s + len(clean),
                stage=clean,
            )
        ],
        "quotes": [
            Quote(
                fact_id("quotes", aid, q),
                aid,
                q,
                q + len(clean),
                clean,
                "direct",
                speaker=who,
                cue=clean,
                stage="xss",
            )
        ],
        "events": [
            Event(
                fact_id("events", aid, s),
                aid,
                s,
                s + len(clean),
                clean,
                clean,
                0,
                len(t),
                source=who,
                target=ActorRef(clean, None, None, "CHN"),
                plover_event=clean,
                cameo_code="042",
                goldstein=1.0,
                quad_class=1,
                factuality=clean,
                date="2023-06-18",
                rule=clean,
                stage="xss",
            )
        ],
        "issues": [IssueTag(fact_id("issues", aid, i), aid, 0, 4, clean, clean, 0.5, evidence=clean)],
    }
    return BatchItem(f"xss{i}", f"r{i}", article, facts=facts, story_id=f"story-{i % 5}")


def assert_inert(html: str, where: str) -> lxml.html.HtmlElement:
    doc = lxml.html.document_fromstring(html)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "script":
            assert el.get("src") == "/static/app.js" and not (el.text or "").strip(), f"{where}: data script"
        assert (
            tag not in ACTIVE
            or (
                tag in ("link", "meta")
                and el.get("rel") in ("stylesheet", "icon")
                and el.get("href", "").startswith("/static/")
            )
            or (tag == "meta" and el.get("http-equiv") is None)
        ), f"{where}: active element <{tag}>"
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), f"{where}: handler {name} on <{tag}>"
            if name.lower() in (
                "href",
                "src",
                "action",
                "formaction",
                "xlink:href",
                "srcdoc",
                "data",
                "style",
            ):
                assert name.lower() not in ("srcdoc", "style", "data"), f"{where}: {name} from data"
                assert not BAD_SCHEME.match(value), f"{where}: {name}={value!r}"
                assert value.startswith(("/", "#", "http://", "https://")), f"{where}: {name}={value!r}"
                if value.startswith(("http://", "https://")):
                    assert el.get("rel") == "noopener noreferrer nofollow", f"{where}: external link rel"
    return doc


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    assert len(set(PAYLOADS)) >= 100
    db = tmp_path_factory.mktemp("xss") / "x.db"
    items = [payload_item(i, p) for i, p in enumerate(PAYLOADS)]
    write_store(db, items)
    with serve(db) as url:
        yield url, [i.result.id for i in items]  # type: ignore[union-attr]


def test_web_xss_payloads_render_as_inert_text(xss_server: tuple[str, list[str]]) -> None:
    base, ids = xss_server
    with httpx.Client(base_url=base) as client:
        for i, (aid, payload) in enumerate(zip(ids, PAYLOADS, strict=True)):
            r = client.get(f"/articles/{aid}")
            assert r.status_code == 200
            assert "default-src 'self'" in r.headers["content-security-policy"]
            assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
            assert r.headers["x-content-type-options"] == "nosniff"
            doc = assert_inert(r.text, f"article {i}")
            clean = clean_text(payload)
            shown = doc.text_content()
            assert clean.strip() in shown, f"payload {i} not shown as text"
            if i % 10 == 0:
                entity = r.text.split('href="/actors/', 1)[1].split('"', 1)[0]
                assert_inert(client.get(f"/actors/{entity}").text, f"actor {i}")
        pages = [
            "/",
            "/search?q=Lead",
            "/search?q=minister&date_from=2023-06-01",
            "/dyads/USA-CHN?interval=day",
            "/dyads/USA-CHN?interval=day&bucket=2023-06-18",
            *(f"/stories/story-{k}" for k in range(5)),
        ]
        for payload in PAYLOADS[:30]:  # reflected input
            pages += [
                f"/search?q={quote(payload)}",
                f"/search?actor={quote(payload)}",
                f"/briefs/{quote(payload, safe='')}",
                f"/actors/{quote(payload, safe='')}",
            ]
        cursor_page = "/search?q=Lead"
        for _ in range(5):  # walk the result pages: every title appears in a list somewhere
            r = client.get(cursor_page)
            doc = assert_inert(r.text, cursor_page)
            nxt = doc.xpath("//a[@class='next']")
            if not nxt:
                break
            cursor_page = nxt[0].get("href")
        for page in pages:
            r = client.get(page)
            assert r.status_code < 500, page
            assert "content-security-policy" in r.headers, page
            assert_inert(r.text, page)


@pytest.mark.slow
def test_web_xss_no_script_runs_in_browser(xss_server: tuple[str, list[str]]) -> None:
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("Debian chromium not installed (make browser)")
    sync_api = pytest.importorskip("playwright.sync_api")
    from test_web_browser import CHROMIUM_ARGS

    base, ids = xss_server
    dialogs: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for aid in ids:
            page.goto(f"{base}/articles/{aid}")
            page.locator("#article-text .hl").first.click()
            found = page.evaluate(
                "() => ({scripts: [...document.scripts].map(s => s.src),"
                " handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
                ".filter(a => a.name.startsWith('on')).map(a => a.name)),"
                " links: [...document.querySelectorAll('[href],[src],[action]')].map("
                "e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))"
                ".filter(v => /^\\s*(javascript|data|vbscript):/i.test(v))})"
            )
            assert found["scripts"] == [f"{base}/static/app.js"], found
            assert found["handlers"] == [] and found["links"] == [], found
        for page_path in (
            "/search?q=Lead",
            "/dyads/USA-CHN?interval=day&bucket=2023-06-18",
            "/stories/story-1",
        ):
            page.goto(base + page_path)
        browser.close()
    assert dialogs == []
