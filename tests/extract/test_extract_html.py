"""HTML extraction: charset sniffing order, titles, dates with provenance, authors,
rejections, and a full sample page."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tidings.config import ExtractOptions
from tidings.extract import metadata as meta
from tidings.extract.encoding import decode_html, normalise_label
from tidings.extract.html import extract_html
from tidings.extract.titles import choose_title, strip_site
from tidings.ids import article_id
from tidings.records import Article, Rejected

SAMPLES = Path(str(resources.files("tidings").joinpath("samples")))
RUSSIAN = "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе в Москве. " * 20


def _page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


# ----------------------------------------------------------------------- encoding


def test_bom_beats_header_and_meta() -> None:
    data = b"\xef\xbb\xbf" + _page('<meta charset="windows-1251">', "<p>caf\u00e9</p>").encode("utf-8")
    text, charset, how = decode_html(data, {"Content-Type": "text/html; charset=iso-8859-1"})
    assert (charset, how) == ("utf-8", "bom")
    assert "café" in text and not text.startswith("\ufeff")


def test_utf16_bom_is_honoured() -> None:
    text, charset, how = decode_html(_page(body="<p>Grüße</p>").encode("utf-16"))
    assert how == "bom" and charset.startswith("utf-16") and "Grüße" in text


def test_header_beats_meta() -> None:
    data = _page('<meta charset="utf-8">', f"<p>{RUSSIAN}</p>").encode("koi8-r")
    text, charset, how = decode_html(data, {"content-type": "text/html; charset=KOI8-R"})
    assert (charset, how) == ("koi8-r", "header")
    assert "Министр" in text


def test_meta_prescan_with_latin1_label_means_windows_1252() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    data = _page(head, "<p>\x93Hi\x94</p>")
    text, charset, how = decode_html(data.encode("latin-1"))
    assert (charset, how) == ("windows-1252", "meta")
    assert "“Hi”" in text  # 0x93/0x94 are curly quotes in windows-1252, controls in latin-1


def test_gb2312_label_decodes_as_gb18030() -> None:
    # "€" is not in GB2312 but is in GBK/GB18030: pages labelled gb2312 use it anyway.
    data = _page('<meta charset="gb2312">', "<p>外交部发言人表示 价格 €5</p>").encode("gb18030")
    text, charset, how = decode_html(data)
    assert (charset, how) == ("gb18030", "meta")
    assert "外交部发言人表示" in text and "€5" in text


def test_wrong_legacy_label_loses_to_valid_utf8() -> None:
    data = _page('<meta charset="iso-8859-1">', "<p>Zürich — São Paulo</p>").encode("utf-8")
    text, charset, how = decode_html(data)
    assert (charset, how) == ("utf-8", "utf8-valid")
    assert "Zürich — São Paulo" in text


def test_wrong_utf8_label_falls_back_to_sniffing() -> None:
    data = _page('<meta charset="utf-8">', f"<p>{RUSSIAN}</p>").encode("windows-1251")
    text, charset, how = decode_html(data)
    assert how == "sniff" and charset == "windows-1251"
    assert "Министр иностранных дел" in text


def test_undeclared_pages_and_garbage_never_raise() -> None:
    assert decode_html(b"<p>plain ascii</p>")[1:] == ("utf-8", "default")
    text, charset, _ = decode_html(bytes(range(256)) * 4)
    assert isinstance(text, str) and charset


def test_labels_map_like_browsers() -> None:
    assert normalise_label("latin1") == "windows-1252"
    assert normalise_label("US-ASCII") == "windows-1252"
    assert normalise_label("GBK") == "gb18030"
    assert normalise_label("x-sjis") == "shift_jis"
    assert normalise_label("no-such-charset") is None
    # a utf-16 label inside the (already byte-decoded) document means UTF-8
    data = _page('<meta charset="utf-16">', "<p>x</p>").encode("ascii")
    assert decode_html(data)[1:] == ("utf-8", "meta")


# ------------------------------------------------------------------------- titles


def test_site_suffix_and_prefix_are_stripped() -> None:
    geneva = "Talks resume in Geneva"
    assert strip_site(f"{geneva} | The Meridian Post", ["The Meridian Post"]) == geneva
    assert strip_site("Reuters - Talks resume in Geneva", [], "https://www.reuters.com/world/x") == (
        "Talks resume in Geneva"
    )
    assert strip_site("Talks resume in Geneva – World – Baltic Ledger", ["Baltic Ledger"]) == (
        "Talks resume in Geneva – World"
    )
    # a colon inside a headline is not a separator
    assert strip_site("Ukraine war: talks resume", ["Ledger"]) == "Ukraine war: talks resume"


def test_choose_title_prefers_matching_h1() -> None:
    title = choose_title(
        headline=None,
        og_title="Talks resume in Geneva | Ledger",
        twitter_title=None,
        title_tag="Talks resume in Geneva | Ledger | News",
        extractor_title=None,
        h1s=["Ledger", "Talks resume in Geneva"],
        sites=["Ledger"],
    )
    assert title == "Talks resume in Geneva"
    # no h1 agrees: the stripped og:title wins over a site-logo h1
    title = choose_title(
        headline=None,
        og_title="Envoy recalled after spat - Daily Star",
        twitter_title=None,
        title_tag=None,
        extractor_title=None,
        h1s=["Daily Star"],
        sites=["Daily Star"],
    )
    assert title == "Envoy recalled after spat"


# -------------------------------------------------------------------------- dates

TODAY = dt.date(2024, 12, 31)


def _signals(head: str, body: str = "") -> meta.PageSignals:
    return meta.page_signals(lxml_html.fromstring(_page(head, body)))


def _ld(date: str) -> str:
    return f'<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"{date}"}}</script>'


def test_date_provenance_order() -> None:
    ld = _ld("2023-06-18T08:00:00+08:00")
    og = '<meta property="article:published_time" content="2023-06-17T23:00:00Z">'
    assert meta.choose_date(_signals(ld + og), url=None, today=TODAY) == ("2023-06-18", "json-ld")
    assert meta.choose_date(_signals(og), url=None, today=TODAY) == ("2023-06-17", "meta")
    url = "https://example.com/world/2023/06/16/story"
    assert meta.choose_date(_signals(""), url=url, today=TODAY) == ("2023-06-16", "url")
    # htmldate agreeing with the URL is credited to the URL; otherwise to the page text
    assert meta.choose_date(_signals(""), url=url, find_date=lambda: "2023-06-16", today=TODAY)[1] == "url"
    assert meta.choose_date(_signals(""), url=None, find_date=lambda: "2023-06-15", today=TODAY) == (
        "2023-06-15",
        "text",
    )
    given = meta.choose_date(_signals(""), url=None, given="2023-06-14", today=TODAY)
    assert given == ("2023-06-14", "given")
    assert meta.choose_date(_signals(""), url=None, today=TODAY) == (None, None)


def test_future_dates_are_clamped() -> None:
    ld = _ld("2031-01-01")
    og = '<meta property="article:published_time" content="2024-05-02">'
    assert meta.choose_date(_signals(ld + og), url=None, today=TODAY) == ("2024-05-02", "meta")


def test_parse_date_formats() -> None:
    assert meta.parse_date("June 18, 2023") == dt.date(2023, 6, 18)
    assert meta.parse_date("18 June 2023 10:00") == dt.date(2023, 6, 18)
    assert meta.parse_date("20230618") == dt.date(2023, 6, 18)
    assert meta.parse_date("Sun, 18 Jun 2023 10:00:00 GMT") == dt.date(2023, 6, 18)
    assert meta.parse_date("no date here") is None


# ------------------------------------------------------------------------ authors


def test_authors_are_validated() -> None:
    assert meta.clean_authors(["By Jane Doe, Staff Writer"]) == ("Jane Doe",)
    assert meta.clean_authors(["Sarah E. Needleman"]) == ("Sarah E. Needleman",)
    assert meta.clean_authors(["By Rasa Vaitkutė and Tomas Berg"]) == ("Rasa Vaitkutė", "Tomas Berg")
    assert meta.clean_authors(["jane@example.com", "https://example.com/jane", "Senior Correspondent"]) == ()


# --------------------------------------------------------------------- rejections


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (bytes(range(32)) * 50, "binary"),
        (b"Just some plain text without any markup at all, from a text file.", "not_html"),
        (_page(body="<p>Too short.</p>").encode(), "too_short"),
        (_page(body="").encode(), "no_content"),
    ],
)
def test_rejections_are_coded(data: bytes, code: str) -> None:
    result = extract_html(data, source="test")
    assert isinstance(result, Rejected), result
    assert result.code == code
    assert result.stage == "tidings.extract.html.v1"


def test_time_budget_is_enforced() -> None:
    data = (SAMPLES / "sample-border-trade-2024-03-12.html").read_bytes()
    result = extract_html(data, source="test", options=ExtractOptions(time_budget=0.0))
    assert isinstance(result, Rejected) and result.code == "timeout"


# --------------------------------------------------------------------- full page


def test_sample_page_extracts_cleanly() -> None:
    data = (SAMPLES / "sample-border-trade-2024-03-12.html").read_bytes()
    article = extract_html(data, source="sample", url="https://www.meridianpost.example/x?utm=1")
    assert isinstance(article, Article)
    assert article.title == "Kenya and Ethiopia agree to reopen border trade talks after two-year pause"
    assert (article.published, article.published_from) == ("2024-03-12", "json-ld")
    assert article.authors == ("Amina Wekesa",)
    assert article.site == "The Meridian Post" and article.section == "Africa"
    assert article.language == "en"
    kinds = [p.kind for p in article.paragraphs]
    assert "heading" in kinds and kinds.count("paragraph") >= 8
    assert article.paragraphs[0].text.startswith("NAIROBI")
    clutter_lines = ("Also read", "Source link", "Share this", "Please enter", "Leave a Reply", "Facebook")
    for clutter in clutter_lines:
        assert clutter not in article.text
    assert article.title not in article.text  # the repeated headline is dropped
    # id from the canonical URL, not the fetched URL
    canonical = "https://www.meridianpost.example/world/africa/kenya-ethiopia-border-trade-talks"
    assert article.id == article_id(canonical, "")
    assert article.captions and "Moyale" in article.captions[0].text


def test_all_samples_extract_with_wire_and_dates() -> None:
    results = {p.name: extract_html(p.read_bytes(), source=p.name) for p in sorted(SAMPLES.glob("*.html"))}
    assert len(results) >= 3
    for name, article in results.items():
        assert isinstance(article, Article), name
        assert article.published == re.search(r"\d{4}-\d\d-\d\d", name).group(0)  # type: ignore[union-attr]
        assert "Also read" not in article.text and "Read more:" not in article.text
    envoy = results["sample-envoy-summoned-2024-10-08.html"]
    assert envoy.wire == ("Reuters",)
    assert envoy.authors == ("Rasa Vaitkutė", "Tomas Berg")


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body>" + b"<div>" * 5000 + b"deep" + b"</div>" * 5000 + b"</body></html>",
        b"<html><body><p>unclosed <b>bold <i>italic <p>" + b"words " * 200,
        b"<html><head><title>x</title></head><body><p>nul\x00 bytes\x00 inside " + b"text " * 100 + b"</p>",
        b'<html><body><p class="' + b"a" * 100_000 + b'">attr</p></body></html>',
        b"<?xml version='1.0' encoding='utf-16'?><html><body><p>" + b"xml decl " * 60 + b"</p></body></html>",
        b"<html><head><script type='application/ld+json'>{bad json,,}</script></head><body></body></html>",
    ],
)
def test_hostile_markup_never_raises(data: bytes) -> None:
    result = extract_html(data, source="hostile")
    assert isinstance(result, (Article, Rejected))
    if isinstance(result, Article):
        assert "\x00" not in result.text
