"""Issue 22 item 6 (input side): C1 control characters (U+0080-U+009F) stayed in stored
titles and texts, and terminals read U+009B as an escape. Every input kind now repairs them
(Windows-1252 punctuation read as Latin-1 becomes that punctuation again) or drops them
before anything is stored. (Not printing control characters is the output side, elsewhere.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tidings.config import Options
from tidings.run.ingest import ingest
from tidings.store.sqlite import Store

C1 = re.compile(r"[\x80-\x9f]")
BODY = (
    "Ministers met in Vienna on Monday\x97the third round this year\x97to discuss trade and the war. "
    "The talks\x9b31m ended without a statement, officials said, and will resume in June.\x85 "
) * 3


def _stored(tmp_path: Path, *inputs: Path) -> list[tuple[str | None, str]]:
    db = str(tmp_path / "t.db")
    options = Options().with_overrides(nlp__facts=False, fetch__enabled=False)
    ingest([str(p) for p in inputs], db=db, options=options)
    with Store.open(db, readonly=True) as store:
        return [(r["title"], store.article(r["id"]).text) for r in store.articles()]  # type: ignore[union-attr]


def test_no_c1_controls_survive_any_input_kind(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    title = "Talks in Vienna\x97day three\x9b"
    paragraphs = "".join(f"<p>{s}.</p>" for s in BODY.split(". ") if s.strip())
    html.write_text(f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                    f"{paragraphs}<p>Officials used &#151; and &#150; in the markup.</p></article></body></html>",
                    "utf-8")  # fmt: skip
    text = tmp_path / "page.txt"
    text.write_text(f"{title}\n\nFrom the text file.\n\n{BODY}", "utf-8")
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text(json.dumps({"title": title, "text": "From the record. " + BODY}) + "\n", "utf-8")
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk\x97news</title>'
        f"<item><title>{title}</title><link>https://news.example/a</link><description>{BODY}</description>"
        "</item></channel></rss>",
        "utf-8",
    )
    stored = _stored(tmp_path, html, text, jsonl, feed)
    for stored_title, stored_text in stored:
        assert not C1.search(stored_title or ""), stored_title
        assert not C1.search(stored_text), stored_text[:200]
        assert "Monday—the third round" in stored_text  # U+0097 was an em dash in Windows-1252
    assert len(stored) == 4
