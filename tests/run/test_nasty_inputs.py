"""Hostile and broken inputs: each ends, within its budget, as an Article or a coded Rejected.

The corpus is generated here (nothing checked in): wrong, missing and mixed charsets,
UTF-16 with BOM, gb18030, NUL and control characters, a 10 MB single-line page, 100k
nesting levels, 50k paragraphs, binary formats, truncated markup, compression bombs.
"""

from __future__ import annotations

import bz2
import gzip
import os
import random
import resource
import time
import zlib
from collections.abc import Callable

import pytest

import tidings
from tidings.errors import REJECTION_CODES
from tidings.records import Article, Rejected

STORY = (
    "Ministers from both countries met in Vienna on Monday to discuss trade, sanctions and the war. "
    "“We made progress,” the foreign minister said after the talks. "
) * 8
PAGE = (
    f"<html><head><title>Talks in Vienna</title></head><body><article><h1>Talks in Vienna</h1><p>{STORY}</p>"
    f"<p>{STORY}</p></article></body></html>"
)


def html_in(encoding: str, meta: str | None = None, text: str = STORY) -> bytes:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p><p>{text}</p></body></html>".encode(
        encoding, errors="replace"
    )


def nested(depth: int) -> bytes:
    return (b"<div>" * depth) + STORY.encode() + (b"</div>" * depth)


def cases() -> dict[str, Callable[[], bytes]]:
    rng = random.Random(1)
    c: dict[str, Callable[[], bytes]] = {
        "empty": lambda: b"",
        "whitespace": lambda: b" \n\t " * 100,
        "nul_bytes": lambda: b"\x00" * 5000,
        "nul_inside_text": lambda: PAGE.encode().replace(b" ", b"\x00", 50),
        "control_chars": lambda: bytes(range(1, 32)) * 200,
        "control_in_page": lambda: PAGE.encode().replace(b"e", b"\x07e", 30),
        "utf16le_bom": lambda: b"\xff\xfe" + PAGE.encode("utf-16-le"),
        "utf16be_bom": lambda: b"\xfe\xff" + PAGE.encode("utf-16-be"),
        "utf16_no_bom": lambda: PAGE.encode("utf-16-le"),
        "utf8_bom": lambda: b"\xef\xbb\xbf" + PAGE.encode(),
        "gb18030_meta": lambda: html_in("gb18030", "gb2312", "中国外交部长在北京会见了美国国务卿。" * 30),
        "gb18030_no_meta": lambda: html_in("gb18030", None, "中国外交部长在北京会见了美国国务卿。" * 30),
        "shift_jis_meta": lambda: html_in("shift_jis", "shift_jis", "東京で首脳会談が行われた。" * 30),
        "latin1_said_utf8": lambda: html_in("latin-1", "utf-8", "Ministerin Müller traf Genève. " * 30),
        "utf8_said_latin1": lambda: html_in("utf-8", "iso-8859-1", "Ministerin Müller traf Genève. " * 30),
        "bogus_charset_label": lambda: html_in("utf-8", "x-klingon-9"),
        "mixed_charsets": lambda: (
            html_in("utf-8") + "Müller".encode("latin-1") * 50 + html_in("cp1251", None, "Москва " * 40)
        ),
        "cp1251_meta": lambda: html_in("cp1251", "windows-1251", "Москва и Киев провели переговоры. " * 30),
        "koi8r_no_meta": lambda: html_in("koi8-r", None, "Москва и Киев провели переговоры. " * 30),
        "single_line_10mb": lambda: b"<html><body><p>" + b"word " * 2_000_000 + b"</p></body></html>",
        "nesting_100k": lambda: nested(100_000),
        "paragraphs_50k": lambda: b"<html><body>" + b"<p>Short line of news text.</p>" * 50_000 + b"</body></html>",
        "text_50k_paragraphs": lambda: ("A line of scraped news text here.\n\n" * 50_000).encode(),
        "pdf": lambda: b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(4000)),
        "png": lambda: b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000)),
        "jpeg": lambda: b"\xff\xd8\xff\xe0" + bytes(rng.randrange(256) for _ in range(4000)),
        "gif": lambda: b"GIF89a" + bytes(rng.randrange(256) for _ in range(4000)),
        "elf": lambda: b"\x7fELF\x02\x01\x01" + bytes(4000),
        "zip": lambda: b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(4000)),
        "random_bytes": lambda: bytes(rng.randrange(256) for _ in range(20000)),
        "cut_mid_tag": lambda: PAGE.encode()[: len(PAGE) // 2] + b"<div cla",
        "cut_mid_comment": lambda: PAGE.encode()[:300] + b"<!-- never closed " + STORY.encode(),
        "unclosed_script": lambda: b"<html><body><script>var x = '" + STORY.encode() * 3,
        "unclosed_style": lambda: b"<html><head><style>p{color:red}" + STORY.encode() * 3,
        "only_script": lambda: b"<html><body><script>" + b"x=1;" * 5000 + b"</script></body></html>",
        "html_selfclosed": lambda: b"<html/>",
        "junk_doctype": lambda: b"<!DOCTYPE \x00\x01junk [<!ENTITY x 'y'>]>" + PAGE.encode(),
        "huge_attribute": lambda: (
            b'<html><body><p title="' + b"a" * 2_000_000 + b'">' + STORY.encode() + b"</p></body></html>"
        ),
        "one_long_word": lambda: b"x" * 1_000_000,
        "nested_tables": lambda: b"<table><tr><td>" * 5000 + STORY.encode() + b"</td></tr></table>" * 5000,
        "many_iframes": lambda: b"<html><body>" + b'<iframe src="http://x"></iframe>' * 20000 + b"</body></html>",
        "only_clutter_text": lambda: (
            b"Home World\n\nAlso read- something\n\nSource link\n\nPlease enter your comment!\n"
        ),
        "only_nav": lambda: b"<html><body><nav>" + b"<a href='/a'>Section</a>" * 500 + b"</nav></body></html>",
        "xml_decl_html": lambda: b'<?xml version="1.0" encoding="utf-8"?>' + PAGE.encode(),
        "svg_document": lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><text>' + STORY.encode() + b"</text></svg>",
        "rss_feed_to_extract": lambda: b'<?xml version="1.0"?><rss><channel><title>t</title></channel></rss>',
        "json_object": lambda: b'{"title": "t", "text": "' + STORY.encode() + b'"}',
        "cr_line_endings": lambda: STORY.replace(". ", ".\r\r").encode(),
        "very_long_title": lambda: (
            b"<html><head><title>"
            + b"Title " * 100_000
            + b"</title></head><body><p>"
            + STORY.encode()
            + b"</p></body></html>"
        ),
        "rtl_text": lambda: html_in("utf-8", "utf-8", "التقى وزراء الخارجية في فيينا يوم الاثنين. " * 30),
        "astral_chars": lambda: html_in("utf-8", "utf-8", "Talks 🤝🇺🇸🇨🇳 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 resumed. " * 30),
        "invalid_utf8": lambda: PAGE.encode().replace(b"Vienna", b"Vi\xc3\x28nna\xff\xfe"),
        "entity_flood": lambda: (
            b"<html><body><p>" + b"&amp;&lt;&#x1F600;&#xD800;&#99999999;" * 20000 + b"</p></body></html>"
        ),
        "meta_refresh_only": lambda: b'<html><head><meta http-equiv="refresh" content="0;url=http://x"></head></html>',
        "huge_data_uri": lambda: (
            b'<html><body><img src="data:image/png;base64,'
            + b"A" * 3_000_000
            + b'"><p>'
            + STORY.encode()
            + b"</p></body></html>"
        ),
        "br_flood": lambda: b"<html><body>" + b"<br>" * 100_000 + b"</body></html>",
        "huge_comment": lambda: (
            b"<html><body><!--" + b"c" * 5_000_000 + b"--><p>" + STORY.encode() + b"</p></body></html>"
        ),
        "cdata": lambda: b"<html><body><![CDATA[" + STORY.encode() + b"]]></body></html>",
        "gzip_valid": lambda: gzip.compress(PAGE.encode()),
        "gzip_in_gzip_valid": lambda: gzip.compress(gzip.compress(PAGE.encode())),
        "gzip_of_binary": lambda: gzip.compress(b"%PDF-1.4\n" + bytes(3000)),
        "gzip_truncated": lambda: gzip.compress(PAGE.encode() * 20)[:200],
        "gzip_garbage_after_magic": lambda: b"\x1f\x8b" + bytes(rng.randrange(256) for _ in range(500)),
        "bzip2": lambda: bz2.compress(PAGE.encode()),
        "zlib_raw": lambda: zlib.compress(PAGE.encode()),
        "plain_text_story": lambda: ("Talks in Vienna\n\n" + STORY).encode(),
        "good_page": lambda: PAGE.encode(),
    }
    return c


CASES = cases()


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_nasty_input_ends_in_time_with_an_article_or_a_coded_rejection(name: str) -> None:
    data = CASES[name]()
    # CPU time, not the wall clock: the guard is against runaway work (a hang, quadratic parsing),
    # and a machine loaded by other jobs stretches wall time without the input being any worse
    started = time.process_time()
    result = tidings.extract(data)
    elapsed = time.process_time() - started
    assert elapsed <= 5.0, f"{name} took {elapsed:.1f}s of CPU"
    assert isinstance(result, (Article, Rejected)), result
    if isinstance(result, Rejected):
        assert result.code in REJECTION_CODES, result
    else:
        assert result.text.strip() and "\x00" not in result.text
    if name in ("good_page", "gzip_valid", "gzip_in_gzip_valid", "plain_text_story", "utf16le_bom", "gb18030_meta"):
        assert isinstance(result, Article), result
    if name in ("empty", "pdf", "png", "elf", "zip", "gzip_truncated", "gzip_of_binary", "random_bytes"):
        assert isinstance(result, Rejected), result


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def gzip_bomb(size: int, layers: int = 1) -> bytes:
    """``size`` zero bytes gzip-compressed ``layers`` times, built in chunks (never in memory)."""
    from test_bombs import gzip_of_zeros  # a repeated full-flush block: ~1 s instead of ~20 s

    data = gzip_of_zeros(size)
    for _ in range(layers - 1):
        data = gzip.compress(data)
    return data


@pytest.mark.parametrize("layers", [1, 2])
def test_gzip_bombs_of_a_gigabyte_are_rejected_in_flat_memory(layers: int) -> None:
    from test_bombs import peak_rss_growth

    bomb = gzip_bomb(1 << 30, layers)
    result, growth = peak_rss_growth(lambda: tidings.extract(bomb))
    assert isinstance(result, Rejected) and result.code in ("decompression_bomb", "too_large"), result
    assert growth < 64, f"RSS grew {growth:.0f} MB"


def test_a_bomb_file_on_disk_is_rejected_by_ingest(tmp_path: os.PathLike[str]) -> None:
    from pathlib import Path

    from tidings.config import Options
    from tidings.run.ingest import ingest

    path = Path(tmp_path) / "bomb.html.gz"
    path.write_bytes(gzip_bomb(1 << 30))
    before = _rss_mb()
    report = ingest([str(path)], db=str(Path(tmp_path) / "t.db"), options=Options().with_overrides(nlp__facts=False))
    assert report.rejected == {"decompression_bomb": 1}
    assert _rss_mb() - before < 64
