"""Fuzz target: HTML bytes -> ``tidings.extract()``.

Expected outcomes: an :class:`Article` (non-empty text equal to its paragraphs joined,
no NUL) or a :class:`Rejected` with a code from ``REJECTION_CODES``, within 2 s per
input. Inputs: raw bytes, generated pages (random tags, attributes, entities, comments,
declared and actual charsets, BOMs, gzip) and mutations of a good page (cuts, inserted
junk, flipped bytes).
"""

from __future__ import annotations

import gzip

from fuzz_common import check_outcome, fuzz_settings, run_timed
from hypothesis import given
from hypothesis import strategies as st

import tidings

SENTENCE = "Ministers met in Vienna on Monday to discuss trade, sanctions and the war in the region. "
GOOD = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Talks in Vienna</title>"
    "<meta property='og:title' content='Talks'><meta property='article:published_time' content='2023-06-18'>"
    "</head><body><nav><a href='/'>Home</a></nav><article><h1>Talks in Vienna</h1>"
    f"<p>{SENTENCE * 3}</p><p>“We made progress,” the minister said. {SENTENCE}</p>"
    f"<figure><figcaption>The talks. Photo: AP</figcaption></figure><p>{SENTENCE * 2}</p>"
    "</article><footer>© 2023</footer></body></html>"
).encode()

TAGS = [
    "p",
    "div",
    "span",
    "article",
    "section",
    "h1",
    "h2",
    "a",
    "br",
    "li",
    "ul",
    "table",
    "td",
    "tr",
    "script",
    "style",
    "figure",
    "figcaption",
    "blockquote",
    "nav",
    "footer",
    "header",
    "main",
    "b",
    "i",
    "iframe",
    "svg",
    "noscript",
    "title",
    "meta",
    "html",
    "body",
    "head",
    "time",
    "!--",
    "![CDATA[",
]
ATTRS = [
    "class",
    "id",
    "href",
    "src",
    "content",
    "property",
    "name",
    "charset",
    "datetime",
    "lang",
    "itemprop",
    "http-equiv",
    "style",
    "onload",
]
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "cp1251", "latin-1", "shift_jis", "koi8-r"]
CHARSET_LABELS = ["utf-8", "gb2312", "windows-1251", "iso-8859-1", "shift_jis", "x-bogus", "utf-16", ""]
text_chunk = st.text(st.characters(codec=None, exclude_categories=("Cs",)), max_size=20) | st.sampled_from(
    [SENTENCE, "&amp;", "&#0;", "&#xD800;", "&nbsp;", "\x00", "\u202e", "“quoted”", "𝔘𝔫𝔦"]
)


@st.composite
def element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    if tag == "!--":
        return "<!--" + draw(text_chunk) + draw(st.sampled_from(["-->", ""]))
    if tag == "![CDATA[":
        return "<![CDATA[" + draw(text_chunk) + "]]>"
    attrs = "".join(
        f' {name}="{value}"'
        for name, value in draw(st.lists(st.tuples(st.sampled_from(ATTRS), text_chunk), max_size=3))
    )
    inner = ""
    if depth < 2:  # shallow and narrow: generation time, not depth, bounds the CI budget
        parts = draw(st.lists(text_chunk | element(depth + 1), max_size=3))
        inner = "".join(parts)
    close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}", "</x>"]))
    return f"<{tag}{attrs}>{inner}{close}"


@st.composite
def pages(draw: st.DrawFn) -> bytes:
    label = draw(st.sampled_from(CHARSET_LABELS))
    head = f'<meta charset="{label}">' if label else ""
    body = "".join(draw(st.lists(element() | text_chunk, min_size=1, max_size=5)))
    if draw(st.booleans()):
        body += f"<p>{SENTENCE * 4}</p>"
    page = f"<html><head>{head}<title>{draw(text_chunk)}</title></head><body>{body}</body></html>"
    encoding = draw(st.sampled_from(ENCODINGS))
    data = page.encode(encoding, errors="replace")
    if draw(st.booleans()) and encoding.startswith("utf-16"):
        data = (b"\xff\xfe" if encoding != "utf-16-be" else b"\xfe\xff") + data
    cut = draw(st.integers(0, len(data)))
    if draw(st.booleans()):
        data = data[:cut]
    if draw(st.integers(0, 9)) == 0:
        data = gzip.compress(data)
    return data


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    data = bytearray(GOOD)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "flip", "cut"]))
        at = draw(st.integers(0, len(data)))
        if op == "insert":
            data[at:at] = draw(st.binary(max_size=20) | st.sampled_from([b"<", b">", b"<!--", b"\x00", b"<p>", b"</"]))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 50))]
        elif op == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        else:
            del data[at:]
    return bytes(data)


@fuzz_settings()
@given(st.one_of(st.binary(max_size=2000), pages(), mutations()))
def test_fuzz_html_bytes_to_article_or_coded_rejection(data: bytes) -> None:
    check_outcome(run_timed("extract()", lambda: tidings.extract(data)))


def test_fuzz_html_seeds_reach_both_outcomes() -> None:
    """The good seed is an Article and junk a rejection, so the target exercises both paths."""
    from tidings.records import Article, Rejected

    assert isinstance(tidings.extract(GOOD), Article)
    assert isinstance(tidings.extract(b"\x00\x01junk"), Rejected)
