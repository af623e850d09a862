"""Fuzz target: feed bytes -> ``tidings.sources.feeds.read_feed`` -> ``extract_raw``.

Expected outcomes: RawDoc values (``kind`` html or record) or coded Rejected values; a
feed that declares entities is one ``xml_entities`` rejection and nothing else; every
RawDoc then extracts to an :class:`Article` or a coded :class:`Rejected`; each input
finishes in 2 s. Inputs: random bytes, generated RSS 2.0 / Atom / RSS 1.0 documents with
hostile titles, links, dates, content and encodings, DTDs, and mutations (cuts, junk).
"""

from __future__ import annotations

import html

from fuzz_common import check_outcome, check_source_items, fuzz_settings, run_timed
from hypothesis import given
from hypothesis import strategies as st

from tidings.extract import extract_raw
from tidings.records import RawDoc, Rejected
from tidings.sources.feeds import read_feed

BODY = "<p>Ministers met in Vienna on Monday to discuss trade, sanctions and the war in the region.</p>" * 16
DATES = [
    "Mon, 07 Jan 2019 17:19:19 +0100",
    "2019-01-07T10:00:00+02:00",
    "Seg, 07 Jan 2019 17:19:19 -0300",
    "yesterday",
    "0000-00-00",
    "Mon, 99 Foo 99999 99:99:99",
    "31/12/2023 25:61",
    "",
]
small_text = st.text(max_size=40) | st.sampled_from(["&amp;", "&bogus;", "&#0;", "&#xD800;", "<b>x</b>", "]]>"])
xml_text = small_text.map(lambda t: html.escape(t, quote=False)) | small_text


@st.composite
def item(draw: st.DrawFn, atom: bool) -> str:
    title = draw(xml_text)
    link = draw(st.sampled_from(["https://news.example/a", "javascript:alert(1)", "", "/relative", "http://[::1"]))
    date = draw(st.sampled_from(DATES) | st.text(max_size=16).map(lambda t: html.escape(t, quote=False)))
    content = draw(st.sampled_from([BODY, BODY[:200], "", "<script>x</script>" + BODY]) | xml_text)
    escaped = html.escape(content, quote=False) if draw(st.booleans()) else f"<![CDATA[{content}]]>"
    if atom:
        return (
            f'<entry><title>{title}</title><link href="{html.escape(link)}"/><id>{draw(xml_text)}</id>'
            f'<updated>{date}</updated><content type="html">{escaped}</content></entry>'
        )
    return (
        f"<item><title>{title}</title><link>{html.escape(link)}</link><guid>{draw(xml_text)}</guid>"
        f"<pubDate>{date}</pubDate><description>{escaped}</description></item>"
    )


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    atom = draw(st.booleans())
    items = "".join(draw(st.lists(item(atom), max_size=4)))
    if atom:
        doc = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{draw(xml_text)}</title>{items}</feed>'
    else:
        doc = f'<rss version="2.0"><channel><title>{draw(xml_text)}</title>{items}</channel></rss>'
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "iso-8859-1", "windows-1251"]))
    declared = draw(st.sampled_from([encoding, "utf-8", "bogus", None]))
    prolog = f'<?xml version="1.0" encoding="{declared}"?>' if declared else ""
    if draw(st.integers(0, 9)) == 0:
        prolog += '<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    data = (prolog + doc).encode(encoding, errors="replace")
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=10))
    return data


@fuzz_settings()
@given(feeds() | st.binary(max_size=1500))
def test_fuzz_feed_bytes(data: bytes) -> None:
    items = run_timed("read_feed", lambda: list(read_feed(data, uri="https://feeds.example/rss")))
    check_source_items(items)
    if b"<!ENTITY" in data:
        assert len(items) == 1 and isinstance(items[0], Rejected) and items[0].code == "xml_entities"
    for doc in items:
        if isinstance(doc, RawDoc):
            assert doc.kind in ("html", "record"), doc.kind
            check_outcome(run_timed("extract_raw", lambda d=doc: extract_raw(d)))
